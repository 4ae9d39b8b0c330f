//! Remarks on how a verdict was reached, each a sentence: a kind of body
//! the law ended, dates whose periods overlap, a duty met whether or not
//! it applies, a departure past its review date.

use super::{and_list, capitalise, date as date_words, day as day_words, lower_first, Wording};
use crate::eval::{Change, Missing, Note, Reason, Verdict};
use crate::model::{AnswerId, BodyKindId};

impl Wording<'_> {
    /// A remark on how the verdict was reached, as a sentence.
    pub fn note(&self, note: &Note) -> String {
        match note {
            Note::KindEnded { kind } => self.kind_ended(*kind),
            Note::DatesOverlap { first, second } => format!(
                "{} and {} overlap as periods, so the comparison cannot be decided from the dates given.",
                date_words(*first),
                date_words(*second)
            ),
            Note::EventOrderUnclear { earlier, later } => format!(
                "{} and {} are dated to periods that overlap, so which came first cannot be told from the dates.",
                capitalise(&self.cause_named(earlier)),
                self.event_name(*later)
            ),
            Note::AnswerChangeOverlap { answer, change } => self.answer_change_overlap(*answer, change),
            Note::MetWhetherOrNotItApplies { missing } => self.met_either_way(missing),
            Note::DueDateUnclear {
                event,
                earliest,
                latest,
                as_at,
            } => {
                format!(
                    "{} is dated only to a period; the next was due between {} and {}, and {} falls between.",
                    capitalise(&self.event_name(*event)),
                    day_words(*earliest),
                    day_words(*latest),
                    day_words(*as_at)
                )
            }
        }
    }

    /// Every remark on a verdict, as sentences: its notes, then what its
    /// reason implies (a departure whose review date has passed).
    pub fn notes(&self, verdict: &Verdict) -> Vec<String> {
        let mut notes: Vec<String> = verdict.notes.iter().map(|note| self.note(note)).collect();
        if let Reason::Departed {
            departure,
            review_passed: true,
            ..
        } = &verdict.reason
        {
            if let Some(review_by) = self
                .arrangement
                .departure(*departure)
                .and_then(|departure| departure.review_by)
            {
                notes.push(format!(
                    "The departure was to be reviewed by {}, which has passed.",
                    date_words(review_by)
                ));
            }
        }
        notes
    }

    /// That no body of a kind exists after the law ended the kind ("" for
    /// a kind the law has not ended).
    fn kind_ended(&self, kind: BodyKindId) -> String {
        let (title, ended) = self
            .policy
            .body_kind(kind)
            .map_or(("bodies of this kind", None), |term| {
                (term.title.as_str(), term.ended.as_ref())
            });
        match ended {
            Some(ended) => format!(
                "No {} exists on or after {}: {}.",
                lower_first(title),
                ended.by,
                ended.law.trim_end_matches('.')
            ),
            None => String::new(),
        }
    }

    /// An answer and a change dated to periods that overlap.
    fn answer_change_overlap(&self, answer: AnswerId, change: &Change) -> String {
        let given = self.arrangement.answer(answer).and_then(|answer| answer.given);
        let both_partial =
            given.is_some_and(|date| date.is_partial()) && change.date.is_some_and(|date| date.is_partial());
        format!(
            "The answer, given {}, and {} are dated only to the {}, so which came first cannot be told.",
            self.answer_given(answer),
            self.change_named(change),
            if both_partial { "same period" } else { "period shown" }
        )
    }

    /// A duty met whether or not it applies, with what would tell.
    fn met_either_way(&self, missing: &[Missing]) -> String {
        let missing: Vec<String> = missing.iter().map(|missing| self.missing(missing)).collect();
        if missing.is_empty() {
            "Whether the duty applies cannot be told, but it is met either way.".to_owned()
        } else {
            format!(
                "Whether the duty applies cannot be told (the arrangements do not state {}), but it is met either way.",
                and_list(&missing)
            )
        }
    }
}
