//! The reason for a verdict, in one sentence: what it means ("Met",
//! "Cannot be decided", "The answer given … predates …") followed by what
//! was observed or is missing.

use std::fmt::Write as _;

use super::predicate::Number;
use super::{day as day_words, inner, on_date, sentence, Wording};
use crate::eval::{Missing, Observation, Reason, Verdict};
use crate::model::{AnswerId, ConditionKind, DepartureId, DutyId, EditionId, ParagraphId, Versioned};

impl Wording<'_> {
    /// The reason for a verdict, in one sentence.
    pub fn reason(&self, verdict: &Verdict) -> String {
        let text = match &verdict.reason {
            Reason::ConditionNotMet { condition, observed } => {
                self.condition_not_met(verdict.duty, *condition, observed)
            }
            Reason::ConditionUnknown => format!(
                "Cannot tell whether the duty applies: the arrangements do not state {}",
                self.missing_list(&verdict.missing)
            ),
            Reason::NothingToApplyTo { observed } => format!("Does not apply: {}", self.observations(observed)),
            Reason::PermissionUsed { observed } => {
                format!("The permission is used: {}", self.observations(observed))
            }
            Reason::PermissionNotUsed { observed } => {
                format!("The permission is not used: {}", self.observations(observed))
            }
            Reason::PermissionNotShown { unstated } => format!(
                "The permission is not shown to be used: the arrangements do not state {}",
                self.missing_list(unstated)
            ),
            Reason::Met { observed } => format!("Met: {}", self.observations(observed)),
            Reason::Breached { observed } => format!("Breached: {}", self.observations(observed)),
            Reason::Departed {
                departure, observed, ..
            } => self.departed(*departure, observed),
            Reason::Unexplained { observed } => format!(
                "Not met, and no departure with reasons is recorded: {}",
                self.observations(observed)
            ),
            Reason::Undecided { observed } => self.undecided(&verdict.missing, observed),
            Reason::NoAnswer { up_to } => format!("No answer to this question is recorded up to {}", day_words(*up_to)),
            Reason::AnswerPredatesChange { answer, change } => format!(
                "The answer given {} predates {}{}",
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
        };
        sentence(&text)
    }

    /// The duty does not apply: its condition, and what was observed.
    fn condition_not_met(&self, duty: DutyId, condition: usize, observed: &[Observation]) -> String {
        let condition = self.policy.duty(duty).and_then(|duty| duty.conditions.get(condition));
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
            "Does not apply: the duty {word} {text}, and {}",
            self.observations(observed)
        )
    }

    /// Not met, with a recorded departure: who approved it and when.
    fn departed(&self, departure: DepartureId, observed: &[Observation]) -> String {
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
            "Not met, with a recorded departure{approval} for the reasons given: {}",
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
