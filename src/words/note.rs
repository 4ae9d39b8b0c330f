//! Remarks on how a verdict was reached, each a sentence: a kind of body
//! the law ended, dates whose periods overlap, a duty met whether or not
//! it applies, a departure past its review date.

use super::{and_list, date as date_words, lower_first, Wording};
use crate::eval::{Missing, Note, Reason, Verdict};
use crate::model::BodyKindId;

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
            Note::MetWhetherOrNotItApplies { missing } => self.met_either_way(missing),
            Note::EitherWay { doubts } => self.either_way(doubts),
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
