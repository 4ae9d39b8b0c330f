//! The dates a council's papers mark, for the page's date control: its
//! events, answers, departures, the dates its facts begin and end, and the
//! end of its papers. Each is as the arrangements write it (a month or a
//! year may stand for its whole period) and as the day a date control
//! moves to, its last day, which is what `--as-at` takes a month or year
//! to mean.

use serde::Serialize;

use crate::date::PartialDate;
use crate::model::{Arrangement, Policy};

/// One date the papers mark.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub(super) struct Mark {
    /// The day the date control moves to (the last day of a month or
    /// year).
    pub(super) day: String,
    /// The date as the papers write it.
    pub(super) date: String,
    /// What is dated: `event`, `answer`, `departure`, `review_by`, `fact`
    /// or `papers_end`.
    pub(super) what: &'static str,
    /// For an event, its kind (`appointment`, `vacancy`…).
    pub(super) kind: Option<&'static str>,
    /// The event's id, the duty answered or departed from, or the post,
    /// member or body whose fact begins or ends.
    pub(super) key: String,
}

fn mark(date: PartialDate, what: &'static str, kind: Option<&'static str>, key: &str) -> Mark {
    Mark {
        day: date.last_day().to_string(),
        date: date.to_string(),
        what,
        kind,
        key: key.to_owned(),
    }
}

/// Every date the arrangements mark, in date order, each once.
pub(super) fn marks(arrangement: &Arrangement, policy: &Policy) -> Vec<Mark> {
    let duty = |id| policy.duty(id).map_or_else(String::new, |duty| duty.key.clone());
    let mut marks = Vec::new();
    for event in &arrangement.events {
        if let Some(date) = arrangement.timeline.plain_date(event.at) {
            marks.push(mark(date, "event", Some(event.kind.word()), &event.key));
        }
    }
    for answer in &arrangement.answers {
        if let Some(date) = arrangement.timeline.plain_date(answer.given) {
            marks.push(mark(date, "answer", None, &duty(answer.duty)));
        }
    }
    for departure in &arrangement.departures {
        if let Some(date) = departure.approved {
            marks.push(mark(date, "departure", None, &duty(departure.duty)));
        }
        if let Some(date) = departure.review_by {
            marks.push(mark(date, "review_by", None, &duty(departure.duty)));
        }
    }
    for entity in &arrangement.entities {
        let periods = std::iter::once(entity.life)
            .chain(entity.roles.iter().map(|fact| fact.during))
            .chain(entity.functions.iter().map(|fact| fact.during))
            .chain(entity.relations.iter().map(|(_, fact)| fact.during))
            .chain(entity.attributes.iter().map(|(_, fact)| fact.during));
        let dates = periods
            .flat_map(crate::model::Period::ends)
            .filter_map(|instant| arrangement.timeline.plain_date(instant));
        for date in dates {
            marks.push(mark(date, "fact", None, &entity.key));
        }
    }
    if let Some(date) = arrangement.known_until.and_then(|end| end.date) {
        marks.push(mark(date, "papers_end", None, &arrangement.key));
    }
    marks.sort();
    marks.dedup();
    marks
}
