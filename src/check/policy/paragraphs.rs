//! Checking a paragraph of the guidance: its section, its words and where
//! they come from.

use super::Scope;
use crate::check::error::{CheckError, Misuse, Shape};
use crate::check::fields::Fields;
use crate::model::*;
use crate::syntax::ast::{self, Entry, Item, Name, Words, WordsKind};

/// Checks a `paragraph` item into the policy's next paragraph. Returns
/// the keys its `restates` names: the duties, questions and laws of the
/// law whose verdicts cite it too, resolved once every item is read.
pub(super) fn paragraph(
    item: &Item,
    edition: usize,
    policy: &mut Policy,
    scope: &Scope,
    errors: &mut Vec<CheckError>,
) -> Vec<Name> {
    let mut fields = Fields::new(item, errors);
    let section = fields.required_text("section", errors).unwrap_or_default();
    let text = fields.text("text", errors);
    let (descriptive, asks_nothing) = descriptive(&mut fields, text.as_deref(), &item.name.text, errors);
    let restates = fields.names("restates", errors).unwrap_or_default();
    fields.finish(&["section", "text", "descriptive", "restates"], errors);
    let provenance = match provenance(item, scope, errors) {
        Some(provenance) => provenance,
        None => {
            errors.push(fields_missing(item, "words"));
            Provenance::NotAtHand { reason: String::new() }
        }
    };
    if text.is_none() && !matches!(provenance, Provenance::NotAtHand { .. }) {
        errors.push(fields_missing(item, "text"));
    }
    policy.paragraphs.push(Paragraph {
        key: item.name.text.to_string(),
        section,
        provenance,
        text,
        family: scope
            .paragraph_family
            .get(policy.paragraphs.len())
            .copied()
            .unwrap_or(ParagraphId::from_index(policy.paragraphs.len())),
        descriptive,
        asks_nothing,
        edition,
        span: item.name.span,
    });
    restates
}

/// `descriptive yes`: the paragraph asks nothing of a council;
/// `descriptive 1, 3`: those of its sentences ask nothing (each checked
/// against its words), so that coverage counts it encoded once the others
/// are.
fn descriptive(
    fields: &mut Fields<'_>,
    text: Option<&str>,
    key: &str,
    errors: &mut Vec<CheckError>,
) -> (bool, Vec<usize>) {
    let Some(field) = fields.take("descriptive") else {
        return (false, Vec::new());
    };
    if let [ast::Value {
        kind: ast::ValueKind::Bool(whole),
        ..
    }] = field.values.as_slice()
    {
        return (*whole, Vec::new());
    }
    let count = text.map_or(0, |text| sentences(text).len());
    let mut numbers = Vec::new();
    for value in &field.values {
        match &value.kind {
            ast::ValueKind::Number(number) => {
                let number = usize::try_from(*number).unwrap_or(usize::MAX);
                if number == 0 || number > count {
                    errors.push(CheckError::NoSuchSentence {
                        paragraph: key.to_owned(),
                        number,
                        count,
                        span: value.span,
                    });
                } else {
                    numbers.push(number);
                }
            }
            _ => errors.push(CheckError::WrongType {
                field: field.name.text.to_string(),
                expected: Shape::YesNo,
                span: value.span,
                declared: None,
            }),
        }
    }
    (false, numbers)
}

/// Where a paragraph's words come from, from its one `words` line; what
/// else a paragraph cannot have (a rule, a condition, a tag) is reported.
fn provenance(item: &Item, scope: &Scope, errors: &mut Vec<CheckError>) -> Option<Provenance> {
    let mut provenance = None;
    for entry in &item.entries {
        match entry {
            Entry::Words(words) => {
                if provenance.is_some() {
                    errors.push(CheckError::RepeatedField {
                        field: "words".to_owned(),
                        span: words.span,
                        first: item.name.span,
                    });
                    continue;
                }
                provenance = words_from(words, scope, errors);
            }
            Entry::Rule(rule) => errors.push(CheckError::RuleCount {
                item: item.name.text.to_string(),
                found: 1,
                span: rule.span,
            }),
            Entry::Condition(condition) => errors.push(CheckError::MisusedPredicate {
                problem: Misuse::ConditionOnParagraph,
                span: condition.span,
            }),
            Entry::Tag(tag) => errors.push(CheckError::MisusedPredicate {
                problem: Misuse::TagOnParagraph,
                span: tag.span,
            }),
            Entry::Expect(_) | Entry::Edit(_) => errors.extend(crate::check::test_only(entry)),
            Entry::Field(_) => {}
        }
    }
    provenance
}

/// A `words` line's provenance, its document resolved.
fn words_from(words: &Words, scope: &Scope, errors: &mut Vec<CheckError>) -> Option<Provenance> {
    match &words.kind {
        WordsKind::Verbatim { document } => scope
            .documents
            .resolve(document, errors)
            .map(|document| Provenance::Verbatim { document }),
        WordsKind::Quoted { by, document } => {
            scope
                .documents
                .resolve(document, errors)
                .map(|document| Provenance::Quoted {
                    by: by.clone(),
                    document,
                })
        }
        WordsKind::Paraphrase { document } => scope
            .documents
            .resolve(document, errors)
            .map(|document| Provenance::Paraphrase { document }),
        WordsKind::NotAtHand { reason } => Some(Provenance::NotAtHand { reason: reason.clone() }),
    }
}

fn fields_missing(item: &Item, field: &'static str) -> CheckError {
    CheckError::MissingField {
        item: item.kind,
        field,
        span: item.name.span,
    }
}
