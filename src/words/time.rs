//! When things happened, in words: an instant as the papers date it ("March
//! 2016", "an unknown date after the change of October 2016", "between
//! 2033 and 2035"), what an instant dates ("when Director of Family
//! Services began to hold Director of Children's Services"), and the
//! questions of time a verdict turns on ("whether the designation of an
//! unknown date after the change of 2033 had come by 30 June 2034").

use std::fmt::Write;

use super::{and_list, date as date_words, day as day_words, or_list, Wording};
use crate::date::Day;
use crate::eval::Doubt;
use crate::model::{Anchor, Basis, Described, End, EntityId, EventId, EventStatus, InstantId, Line, Owner, Written};

impl Wording<'_> {
    /// How the papers date an instant: "March 2016", "an unknown date",
    /// "an unknown date after the change of 2033", "between 2033 and
    /// 2035", "some day of May 2033 (seen then)".
    pub fn instant(&self, instant: InstantId) -> String {
        match self.arrangement.timeline.instant(instant) {
            Some(found) => self.written(&found.written),
            None => "an unknown date".to_owned(),
        }
    }

    /// A date as the papers write it.
    pub fn written(&self, written: &Written) -> String {
        let anchor = |anchor: &Anchor| match anchor {
            Anchor::Date(date) => date_words(*date),
            Anchor::Event(event) => self.event_name(*event),
        };
        if let Some(seen) = written.seen {
            return format!("a date not given, around {} (when the papers see it)", date_words(seen));
        }
        let after: Vec<String> = written.after.iter().map(anchor).collect();
        let before: Vec<String> = written.before.iter().map(anchor).collect();
        match (written.date, after.as_slice(), before.as_slice()) {
            (None, [first], [second]) => format!("between {first} and {second}"),
            (Some(date), [], []) => date_words(date),
            (date, _, _) => {
                let mut words = match date {
                    Some(date) => date_words(date),
                    None => "an unknown date".to_owned(),
                };
                if !after.is_empty() {
                    let _ = write!(words, " after {}", and_list(&after));
                }
                if !before.is_empty() {
                    let _ = write!(words, " before {}", and_list(&before));
                }
                words
            }
        }
    }

    /// The name of an event by its date ("the change of October 2016",
    /// "the review after the change of October 2016", "the undated
    /// review"); the id is added, in brackets, only where another event of
    /// the same kind has the same date.
    pub fn event_name(&self, id: EventId) -> String {
        let Some(found) = self.arrangement.event(id) else {
            return "an event".to_owned();
        };
        // A proposal or a plan is named as one, so that no sentence reads
        // it as done.
        let kind = match found.status {
            EventStatus::Happened => found.kind.word().to_owned(),
            EventStatus::Proposed | EventStatus::Planned => format!("{} {}", found.status.word(), found.kind.word()),
        };
        let written = self
            .arrangement
            .timeline
            .instant(found.at)
            .map(|instant| instant.written.clone())
            .unwrap_or_default();
        let mut name = match (written.date, written.after.as_slice(), written.before.as_slice()) {
            (Some(on), _, _) => format!("the {kind} of {}", date_words(on)),
            (None, [Anchor::Event(earlier)], []) => match self.event_written_date(*earlier) {
                Some(on) => format!(
                    "the {kind} after the {} of {}",
                    self.event_kind_word(*earlier),
                    date_words(on)
                ),
                None => format!("the {kind} after the undated {}", self.event_kind_word(*earlier)),
            },
            (None, [], []) if found.status.happened() => format!("the undated {kind}"),
            (None, [], []) => format!("the {kind}"),
            (None, _, _) => format!("the {kind} of {}", self.written(&written)),
        };
        let twin = self.arrangement.events.iter().enumerate().any(|(index, other)| {
            index != id.index()
                && other.kind == found.kind
                && self
                    .arrangement
                    .timeline
                    .instant(other.at)
                    .map(|instant| &instant.written)
                    == Some(&written)
        });
        if twin {
            let _ = write!(name, " ({})", found.key);
        }
        name
    }

    fn event_written_date(&self, id: EventId) -> Option<crate::date::PartialDate> {
        let event = self.arrangement.event(id)?;
        self.arrangement.timeline.instant(event.at)?.written.date
    }

    fn event_kind_word(&self, id: EventId) -> &'static str {
        self.arrangement.event(id).map_or("event", |event| event.kind.word())
    }

    /// When an event happened, for a date column: "2017", "March 2016",
    /// "after the change of October 2016", or "unknown".
    pub fn event_date(&self, id: EventId) -> String {
        let Some(instant) = self
            .arrangement
            .event(id)
            .and_then(|event| self.arrangement.timeline.instant(event.at))
        else {
            return "unknown".to_owned();
        };
        let written = &instant.written;
        match (written.date, written.after.is_empty() && written.before.is_empty()) {
            (None, true) => "unknown".to_owned(),
            (Some(date), true) => date_words(date),
            (None, false) => self.written(written).replacen("an unknown date ", "", 1),
            (Some(_), false) => {
                let words = self.written(written);
                match words.split_once(' ') {
                    Some((date, rest)) if written.after.len() + written.before.len() > 0 => {
                        format!("{date}, {}", rest.trim_start())
                    }
                    _ => words,
                }
            }
        }
    }

    /// What an instant dates, as a noun: "the designation of an unknown
    /// date after the change of 2033", "the day Director of Family
    /// Services began to hold Director of Children's Services (2017)".
    pub fn instant_subject(&self, instant: InstantId) -> String {
        let Some(found) = self.arrangement.timeline.instant(instant) else {
            return "a date".to_owned();
        };
        let dated = self.written(&found.written);
        match found.owner {
            Owner::Event(event) => self.event_name(event),
            Owner::Fact { entity, line, end } => format!(
                "the day {} {} {} ({dated})",
                self.label(entity),
                end_words(Ending::Line, end).0,
                self.line_words(entity, line)
            ),
            Owner::Life { entity, end } => format!(
                "the day {} {} ({dated})",
                self.label(entity),
                end_words(Ending::Life, end).0
            ),
            Owner::Council { end } => format!(
                "the day a fact of the council's {} ({dated})",
                end_words(Ending::Council, end).0
            ),
            Owner::Answer(_) => format!(
                "the council's answer (given {})",
                self.written_with_preposition(&found.written)
            ),
            Owner::Extension { entity, role } => format!(
                "the day {} took on more than the remit of {} (a date the papers do not give)",
                self.label(entity),
                self.role(role)
            ),
        }
    }

    /// Whether an instant had come by a day, as a clause: "whether the
    /// review of 2016 had taken place by 30 June 2016".
    fn happened_by(&self, instant: InstantId, by: Day) -> String {
        let by = day_words(by);
        let Some(found) = self.arrangement.timeline.instant(instant) else {
            return format!("whether a date had come by {by}");
        };
        let dated = self.written(&found.written);
        match found.owner {
            Owner::Event(event) => format!("whether {} had taken place by {by}", self.event_name(event)),
            Owner::Fact { entity, line, end } => format!(
                "whether {} had {} {} by {by} (the papers date it {dated})",
                self.label(entity),
                end_words(Ending::Line, end).1,
                self.line_words(entity, line)
            ),
            Owner::Life { entity, end } => format!(
                "whether {} had {} by {by} ({dated})",
                self.label(entity),
                end_words(Ending::Life, end).1
            ),
            Owner::Council { end } => format!(
                "whether a fact of the council's had {} by {by} ({dated})",
                end_words(Ending::Council, end).1
            ),
            Owner::Answer(_) => format!(
                "whether the council's answer, given {}, had been given by {by}",
                self.written_with_preposition(&found.written)
            ),
            Owner::Extension { entity, role } => format!(
                "whether {} had taken on more than the remit of {} by {by} (the papers do not say when it did)",
                self.label(entity),
                self.role(role)
            ),
        }
    }

    /// A date as written, with its preposition: "on 6 February 2020", "in
    /// 2016", "at an unknown date", "at a date between 2033 and 2035".
    pub(super) fn written_with_preposition(&self, written: &Written) -> String {
        match written.plain_date() {
            Some(date) => super::on_date(date),
            None => format!("at {}", self.written(written)),
        }
    }

    /// What a line of an entity's facts says, as a verb phrase: "hold
    /// Director of Children's Services", "report to Chief Executive".
    fn line_words(&self, entity: EntityId, line: Line) -> String {
        let Some(found) = self.arrangement.entity(entity) else {
            return "hold what its line says".to_owned();
        };
        match line {
            Line::Role(index) => found.roles.get(index).map_or_else(
                || "hold a role".to_owned(),
                |stated| format!("hold {}", self.role(stated.value)),
            ),
            Line::Functions(index) => found.functions.get(index).map_or_else(
                || "be responsible for its functions".to_owned(),
                |stated| format!("be responsible for {}", self.functions(&stated.value)),
            ),
            Line::Relation(index) => found.relations.get(index).map_or_else(
                || "relate as its line says".to_owned(),
                |(relation, stated)| format!("{} {}", self.relation(*relation), self.labels(&stated.value)),
            ),
            Line::Attribute(index) => found.attributes.get(index).map_or_else(
                || "have its attribute".to_owned(),
                |(attribute, stated)| format!("have {} {}", self.attribute(*attribute).0, stated.value),
            ),
            Line::BodyKind => "be of its kind".to_owned(),
            Line::Described(index) => match found.described.get(index).map(|stated| &stated.value) {
                Some(Described::Title(title)) => format!("be titled {title}"),
                Some(Described::Person(person)) => format!("be held by {person}"),
                Some(Described::OtherFunctions(Some(true))) => "have functions beyond those listed".to_owned(),
                Some(Described::OtherFunctions(Some(false))) => "have no functions beyond those listed".to_owned(),
                Some(Described::OtherFunctions(None)) | None => "be described as its line says".to_owned(),
            },
            Line::Owner(index) => found.ties().owners.get(index).map_or_else(
                || "be owned as its line says".to_owned(),
                |stated| format!("be owned by {}", self.employer(stated.value.owner)),
            ),
            Line::Board => "have its board".to_owned(),
            Line::Provider(index) => found.ties().providers.get(index).map_or_else(
                || "be provided as its line says".to_owned(),
                |stated| format!("be provided by {}", self.provider(stated.value)),
            ),
            Line::Employer(index) => found.ties().employers.get(index).map_or_else(
                || "be employed as its line says".to_owned(),
                |stated| format!("be employed by {}", self.employer(stated.value)),
            ),
            Line::Secondment(index) => found.ties().secondments.get(index).map_or_else(
                || "be seconded as its line says".to_owned(),
                |stated| format!("be held by an officer {}", self.seconded(entity, stated.value)),
            ),
        }
    }

    /// A question of time a verdict turns on.
    pub fn doubt(&self, doubt: &Doubt) -> String {
        match doubt {
            Doubt::Happened { instant, by } => self.happened_by(*instant, *by),
            Doubt::Before { first, second } => format!(
                "whether {} came before {}",
                self.instant_subject(*first),
                self.instant_subject(*second)
            ),
            Doubt::SameDay { first, second } => format!(
                "which came first on the same day, {} or {}",
                self.instant_subject(*first),
                self.instant_subject(*second)
            ),
            Doubt::Within { start, end, months } => format!(
                "whether {} came within {months} months after {}",
                self.instant_subject(*end),
                self.instant_subject(*start)
            ),
            Doubt::Which { role, candidates } => format!(
                "which of {} holds {} (the paper says one of them does)",
                or_list(&candidates.iter().map(|entity| self.label(*entity)).collect::<Vec<_>>()),
                self.role(*role)
            ),
            Doubt::Holds { entity, line } => self.fact_in_doubt(*entity, *line),
            Doubt::Extended { event, roles } => format!(
                "which of {} {} extended",
                or_list(&roles.iter().map(|role| self.role(*role)).collect::<Vec<_>>()),
                self.event_name(*event)
            ),
        }
    }

    /// Whether a fact the papers suggest or propose holds.
    fn fact_in_doubt(&self, entity: EntityId, line: Line) -> String {
        let basis = self
            .arrangement
            .entity(entity)
            .and_then(|found| found.line(line))
            .map(|(_, _, basis)| basis);
        let what = format!("{} {}", self.label(entity), self.line_words(entity, line));
        let what = what.replacen(" hold ", " holds ", 1);
        match basis {
            Some(Basis::Proposed) => format!("whether the proposal that {what} was adopted"),
            Some(Basis::Suggested) => format!("whether {what}, as the paper suggests but does not say"),
            Some(Basis::Stated | Basis::Inferred | Basis::Possibly) | None => format!("whether {what}"),
        }
    }

    /// The questions a verdict was decided over, as a sentence.
    pub(super) fn either_way(&self, doubts: &[Doubt]) -> String {
        let asked: Vec<String> = doubts.iter().map(|doubt| self.doubt(doubt)).collect();
        format!(
            "The papers leave open {}; the verdict is the same whichever way.",
            and_list(&asked)
        )
    }
}

/// What an end is, for words about it.
#[derive(Clone, Copy)]
enum Ending {
    /// An end of a line of an entity's facts.
    Line,
    /// An end of an entity's life.
    Life,
    /// An end of a fact of the council's.
    Council,
}

/// What happens at an end: its verb, and the same after "had" ("began
/// to", "begun to"; "came into being", "come into being").
fn end_words(ending: Ending, end: End) -> (&'static str, &'static str) {
    match (ending, end) {
        (Ending::Line, End::Start) => ("began to", "begun to"),
        (Ending::Line, End::Stop) => ("ceased to", "ceased to"),
        (Ending::Life, End::Start) => ("came into being", "come into being"),
        (Ending::Life, End::Stop) => ("came to an end", "come to an end"),
        (Ending::Council, End::Start) => ("began", "begun"),
        (Ending::Council, End::Stop) => ("stopped", "stopped"),
    }
}
