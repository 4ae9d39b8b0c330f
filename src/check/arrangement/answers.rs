//! A council's answers to the guidance's questions and its departures
//! from its `should`s: to which edition each is, and what each says.

use super::Context;
use crate::check::error::{CheckError, FileKind, NameKind};
use crate::check::fields::Fields;
use crate::model::*;
use crate::source::Span;
use crate::suggest::suggest;
use crate::syntax::ast::{self, Item, Modality};

/// How the arrangements' answers and departures are read.
pub(super) struct Answering {
    /// The edition in force, if the arrangements say they answer to
    /// others.
    other_edition: Option<String>,
    /// How many answers and departures were left out as written for
    /// another edition.
    left_out: usize,
}

impl Context<'_> {
    /// How the answers and departures of an arrangement whose header is
    /// read are to be read.
    pub(super) fn answering(&self, arrangement: &Arrangement) -> Answering {
        let other_edition = self
            .policy
            .base()
            .filter(|base| !arrangement.answers_to.is_empty() && !arrangement.answers_to.contains(&base.key))
            .map(|base| base.key.clone());
        Answering {
            other_edition,
            left_out: 0,
        }
    }

    /// Whether an answer or departure is for the edition in force, and
    /// so to be read; what is not is reported or counted.
    pub(super) fn answers_here(
        &self,
        answering: &mut Answering,
        item: &Item,
        reference: Option<Span>,
        answers_to: &[String],
        errors: &mut Vec<CheckError>,
    ) -> bool {
        let unknown = self.scope.duties.get(&item.name.text).is_none();
        if reference.is_some() {
            // Each council answers and departs for itself.
            errors.push(CheckError::Misplaced {
                item: item.kind,
                file_kind: FileKind::Shared,
                span: item.span,
            });
            return false;
        }
        if answering.other_edition.is_some() && unknown {
            // Arrangements written for another edition, read against the
            // one in force: what they answer that this edition does not
            // ask is left out (and counted in W0012), not an error.
            answering.left_out += 1;
            return false;
        }
        if unknown && self.elsewhere.contains_key(item.name.text.as_str()) {
            // An answer to a duty of another edition given (a 2012
            // answer kept in a file read against 2013) is not for this
            // edition: left out, and said so unless the arrangements
            // answer to that edition too.
            let editions = self.elsewhere.get(item.name.text.as_str()).cloned().unwrap_or_default();
            if !editions.iter().any(|edition| answers_to.contains(edition)) {
                errors.push(CheckError::AnswersOtherEdition {
                    item: item.kind,
                    duty: item.name.text.to_string(),
                    editions,
                    in_force: self.policy.base().map_or_else(String::new, |base| base.key.clone()),
                    span: item.name.span,
                });
            }
            return false;
        }
        true
    }

    /// Says that the arrangements answer to another edition than the one
    /// in force, and how many of their answers were left out for it.
    pub(super) fn other_edition(&self, answering: Answering, arrangement: &Arrangement, errors: &mut Vec<CheckError>) {
        if let Some(in_force) = answering.other_edition {
            errors.push(CheckError::OtherEdition {
                answers_to: arrangement.answers_to.clone(),
                in_force,
                left_out: answering.left_out,
                span: arrangement.span,
            });
        }
    }

    /// Checks an `answer`: the question it answers, when, by whom and
    /// what it says.
    pub(super) fn answer(&self, id: AnswerId, item: &Item, errors: &mut Vec<CheckError>) -> Option<Answer> {
        let duty = self.scope.duties.resolve(&item.name, errors);
        let mut fields = Fields::new(item, errors);
        let source = fields.source(errors);
        let evidence = self.evidence(source.as_ref(), errors);
        let given = self.given(id, item, &mut fields, evidence.as_ref(), errors);
        let by = fields.text("by", errors);
        let reference = fields.text("reference", errors);
        let asked = fields.text("asked", errors);
        let text = answer_words(item, &mut fields, errors);
        let against = self.against(&mut fields, errors);
        let about = fields
            .names("about", errors)
            .unwrap_or_default()
            .iter()
            .filter_map(|name| self.entities.resolve(name, errors))
            .collect();
        fields.finish(
            &[
                "given",
                "by",
                "reference",
                "asked",
                "text",
                "against",
                "about",
                "source",
            ],
            errors,
        );
        crate::check::fields_only_or_words(item, errors);
        Some(Answer {
            duty: duty?,
            given,
            by,
            reference,
            asked,
            text: text?,
            against,
            about,
            origin: FactOrigin {
                span: item.name.span,
                evidence: evidence.map(Box::new),
            },
        })
    }

    /// When an answer was given: its `given` (a date, or a bounded one);
    /// else the date of the document it comes from; else some day the
    /// papers do not give, up to their end.
    fn given(
        &self,
        id: AnswerId,
        item: &Item,
        fields: &mut Fields<'_>,
        evidence: Option<&EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) -> InstantId {
        let owner = Owner::Answer(id);
        if let Some(when) = fields.when("given", errors) {
            return self.dates.when(&when, owner);
        }
        let document = evidence.and_then(|evidence| self.document_date(evidence.document));
        self.dates.not_written(document, owner, item.name.span)
    }

    /// The date of one of the arrangements' documents, if it has one.
    fn document_date(&self, id: DocumentId) -> Option<crate::date::PartialDate> {
        self.document_dates.get(id.index()).copied().flatten()
    }

    /// `against KEY`: the edition or amendment whose words an answer or
    /// departure addressed.
    fn against(&self, fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Option<usize> {
        let name = fields.name("against", errors)?;
        let position = self.policy.editions.iter().position(|edition| edition.key == name.text);
        if position.is_none() {
            errors.push(CheckError::UnknownName {
                expected: NameKind::EditionOrAmendment,
                suggestion: suggest(
                    &name.text,
                    self.policy.editions.iter().map(|edition| edition.key.as_str()),
                ),
                name: name.text.to_string(),
                span: name.span,
            });
        }
        position
    }

    /// Checks a `departure`: from a `should` only, with its reasons.
    pub(super) fn departure(&self, item: &Item, errors: &mut Vec<CheckError>) -> Option<Departure> {
        let duty = self.scope.duties.resolve(&item.name, errors);
        let mut fields = Fields::new(item, errors);
        let source = fields.source(errors);
        let evidence = self.evidence(source.as_ref(), errors);
        let reasons = fields.required_text("reasons", errors);
        let approved_by = fields.text("approved_by", errors);
        let approved = fields.date("approved", errors);
        let review_by = fields.date("review_by", errors);
        let against = self.against(&mut fields, errors);
        fields.finish(
            &["reasons", "approved_by", "approved", "review_by", "against", "source"],
            errors,
        );
        crate::check::fields_only(item, errors);
        let duty = duty?;
        if let Some(declared) = self.policy.duty(duty) {
            if !matches!(declared.modality, Modality::Should | Modality::ShouldNot) {
                errors.push(CheckError::DepartureFromMust {
                    duty: declared.key.clone(),
                    modality: declared.modality,
                    span: item.name.span,
                    duty_span: declared.span,
                });
                return None;
            }
        }
        Some(Departure {
            duty,
            reasons: reasons?,
            approved_by,
            approved,
            review_by,
            against,
            origin: FactOrigin {
                span: item.name.span,
                evidence: evidence.map(Box::new),
            },
        })
    }
}

/// An answer's words: its `text`, or `words not_at_hand "…"` where the
/// papers record that the council answered but its words were not found.
fn answer_words(item: &Item, fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Option<AnswerWords> {
    let absent = item.entries.iter().find_map(|entry| match entry {
        ast::Entry::Words(ast::Words {
            kind: ast::WordsKind::NotAtHand { reason },
            ..
        }) => Some(reason.clone()),
        _ => None,
    });
    match absent {
        Some(reason) if !fields.has("text") => Some(AnswerWords::NotAtHand(reason)),
        _ => fields.required_text("text", errors).map(AnswerWords::Text),
    }
}
