//! The reason for a verdict, in one sentence: what it means ("Met",
//! "Cannot be decided", "The answer given … predates …") followed by what
//! was observed or is missing.

use std::fmt::Write as _;

use super::predicate::Number;
use super::{day as day_words, inner, on_date, sentence, Standing, Wording};
use crate::date::Day;
use crate::eval::{Missing, Observation, Reason, Verdict};
use crate::model::{AnswerId, ConditionKind, DepartureId, EditionId, ParagraphId, Versioned};

/// The head of a reason ("Met", "Does not apply"), saying once, plainly,
/// when the verdict rests on a fact the papers imply without stating:
/// "Met, on an inferred fact". A committee must see which findings rest
/// on an inference rather than on what a paper says.
fn resting(head: &str, verdict: &Verdict) -> String {
    match verdict.inferred_facts().len() {
        0 => head.to_owned(),
        1 => format!("{head}, on an inferred fact"),
        _ => format!("{head}, on inferred facts"),
    }
}

impl Wording<'_> {
    /// The reason for a verdict, in one sentence.
    pub fn reason(&self, verdict: &Verdict) -> String {
        let text = match &verdict.reason {
            Reason::ConditionNotMet { condition, observed } => self.condition_not_met(verdict, *condition, observed),
            Reason::ConditionUnknown => format!(
                "Cannot tell whether the duty applies: the arrangements do not state {}",
                self.missing_list(&verdict.missing)
            ),
            Reason::NothingToApplyTo { observed } => format!(
                "{}: {}",
                resting("Does not apply", verdict),
                self.observations(observed)
            ),
            Reason::PermissionUsed { observed } => format!(
                "{}: {}",
                resting("The permission is used", verdict),
                self.observations(observed)
            ),
            Reason::PermissionNotUsed { observed } => format!(
                "{}: {}",
                resting("The permission is not used", verdict),
                self.observations(observed)
            ),
            Reason::PermissionNotShown { unstated } => format!(
                "The permission is not shown to be used: the arrangements do not state {}",
                self.missing_list(unstated)
            ),
            Reason::Met { observed } => format!("{}: {}", resting("Met", verdict), self.observations(observed)),
            Reason::Breached { observed } => {
                format!("{}: {}", resting("Breached", verdict), self.observations(observed))
            }
            Reason::Departed {
                departure, observed, ..
            } => self.departed(verdict, *departure, observed),
            Reason::Unexplained { observed } => format!(
                "{}, and no departure with reasons is recorded: {}",
                resting("Not met", verdict),
                self.observations(observed)
            ),
            Reason::Undecided { observed } => self.undecided(&verdict.missing, observed),
            Reason::NoAnswer { up_to } => format!("No answer to this question is recorded up to {}", day_words(*up_to)),
            Reason::AnswerPredatesChange { answer, change } => format!(
                "{} given {} predates {}{}",
                match verdict.inferred_facts().len() {
                    0 => "The answer",
                    1 => "On an inferred fact, the answer",
                    _ => "On inferred facts, the answer",
                },
                self.answer_given(*answer),
                self.change_named(change),
                self.change_what(change)
            ),
            Reason::AnswerToReplacedWords {
                answer,
                paragraph,
                edition,
            } => format!(
                "The answer given {} answered words since changed: {}",
                self.answer_given(*answer),
                self.words_changed(*paragraph, *edition)
            ),
            Reason::DepartureFromReplacedWords {
                departure,
                paragraph,
                edition,
            } => self.departure_from_replaced_words(*departure, *paragraph, *edition),
            Reason::Answered { answer } => self.answered(*answer),
            Reason::PastPapersEnd { end, last } => self.past_papers_end(*end, last.as_deref()),
        };
        sentence(&text)
    }

    /// Not known past the papers' end, and what the papers last showed:
    /// "Cannot be decided: the papers stop on 31 October 2031 and nothing
    /// after is at hand; as last stated, on 31 October 2031, it was pass
    /// (Met: …)".
    fn past_papers_end(&self, end: Day, last: Option<&Verdict>) -> String {
        let stop = format!(
            "Cannot be decided: the papers stop on {} and nothing after is at hand",
            day_words(end)
        );
        match last {
            Some(last) => format!(
                "{stop}; as last stated, on {}, it was {} ({})",
                day_words(end),
                Standing::of(last).words(),
                self.reason(last).trim_end_matches('.')
            ),
            None => format!("{stop}, and the duty was not yet in force then"),
        }
    }

    /// The duty does not apply: its condition, and what was observed.
    fn condition_not_met(&self, verdict: &Verdict, condition: usize, observed: &[Observation]) -> String {
        let condition = self
            .policy
            .duty(verdict.duty)
            .and_then(|duty| duty.conditions.get(condition));
        let (word, text) = match condition {
            Some(condition) => (
                match condition.kind {
                    ConditionKind::When => "applies only when",
                    ConditionKind::Unless => "does not apply when",
                },
                format!(
                    "{} {}",
                    self.subject(&condition.subject),
                    self.predicate(&condition.predicate, false, Number::One)
                ),
            ),
            None => ("applies only when", "its condition holds".to_owned()),
        };
        format!(
            "{}: the duty {word} {text}, and {}",
            resting("Does not apply", verdict),
            self.observations(observed)
        )
    }

    /// Not met, with a recorded departure: who approved it and when.
    fn departed(&self, verdict: &Verdict, departure: DepartureId, observed: &[Observation]) -> String {
        let approval = match self.arrangement.departure(departure) {
            Some(departure) => match (&departure.approved_by, departure.approved) {
                (Some(by), Some(on)) => format!(", approved by {} {}", inner(by), on_date(on)),
                (Some(by), None) => format!(", approved by {}", inner(by)),
                (None, Some(on)) => format!(", approved {}", on_date(on)),
                (None, None) => String::new(),
            },
            None => String::new(),
        };
        format!(
            "{}, with a recorded departure{approval} for the reasons given: {}",
            resting("Not met", verdict),
            self.observations(observed)
        )
    }

    /// Cannot be decided: what is missing, then what was observed.
    fn undecided(&self, missing: &[Missing], observed: &[Observation]) -> String {
        let mut reason = format!(
            "Cannot be decided: the arrangements do not state {}",
            self.missing_list(missing)
        );
        if !observed.is_empty() {
            let _ = write!(reason, " ({})", self.observations(observed));
        }
        reason
    }

    /// A departure whose reasons addressed words since changed.
    fn departure_from_replaced_words(
        &self,
        departure: DepartureId,
        paragraph: ParagraphId,
        edition: EditionId,
    ) -> String {
        let approved = self
            .arrangement
            .departure(departure)
            .and_then(|departure| departure.approved)
            .map_or_else(
                || "the recorded departure".to_owned(),
                |date| format!("the departure approved {}", on_date(date)),
            );
        format!(
            "The reasons of {approved} addressed words since changed, so they need a fresh look before they excuse the duty: {}",
            self.words_changed(paragraph, edition)
        )
    }

    /// Answered: by whom, when, under what reference, and that judging it
    /// is for members.
    fn answered(&self, answer_id: AnswerId) -> String {
        let mut reason = "Answered".to_owned();
        if let Some(answer) = self.arrangement.answer(answer_id) {
            if let Some(by) = &answer.by {
                let _ = write!(reason, " by {}", inner(by));
            }
            let written = self
                .arrangement
                .timeline
                .instant(answer.given)
                .map(|instant| &instant.written);
            if written.is_some_and(|written| !written.says_nothing()) {
                let _ = write!(reason, " {}", self.answer_given(answer_id));
            }
            if let Some(reference) = &answer.reference {
                let _ = write!(reason, " (reference {})", inner(reference));
            }
        }
        reason.push_str("; whether the answer gives assurance is for the council's members to judge");
        reason
    }

    /// "paragraph X was replaced by INSTRUMENT, in force for the council
    /// from DATE" (or repealed).
    fn words_changed(&self, paragraph: ParagraphId, edition: EditionId) -> String {
        let key = self
            .policy
            .paragraph(paragraph)
            .map_or("", |paragraph| paragraph.key.as_str());
        let Some(declared) = self.policy.edition(edition) else {
            return format!("paragraph {key}");
        };
        let by = declared.instrument.as_deref().unwrap_or(&declared.title);
        let repealed = self
            .policy
            .repeals
            .iter()
            .any(|repeal| repeal.target == Versioned::Paragraph(paragraph) && repeal.edition == edition.index());
        let from = self
            .arrangement
            .commenced
            .iter()
            .find(|stated| stated.value == declared.key)
            .and_then(|stated| stated.during.from)
            .and_then(|from| self.arrangement.timeline.plain_date(from))
            .or(declared.in_force)
            .map(|date| format!(", in force for the council {}", on_date(date)))
            .unwrap_or_default();
        if repealed {
            format!("paragraph {key} was repealed by {by}{from}")
        } else {
            format!("paragraph {key} was replaced by {by}{from}")
        }
    }
}
