//! Checking guidance: vocabulary, paragraphs, duties and questions, read
//! together across a guidance edition and the local policies on top of it.
//!
//! A chain is checked in two passes. The first (`declare.rs`) gives every
//! name its id, so that an item may refer to one declared after it; the
//! second resolves and type-checks each provision the first accepted:
//! paragraphs (`paragraphs.rs`), duties and questions with their subjects
//! and predicates (`rules.rs`), and laws (`laws.rs`). `editions.rs` reads
//! each file's header and an amendment's repeals; `unused.rs` warns of
//! vocabulary and paragraphs nothing uses.

mod declare;
mod editions;
mod laws;
mod paragraphs;
mod rules;
mod unused;

pub use declare::document;

use std::collections::{BTreeMap, BTreeSet};

use super::error::{CheckError, NameKind};
use super::fields::{names_of, Names};
use crate::model::*;
use crate::source::{SourceMap, Span};
use crate::syntax::ast::{self, Item};

/// The name tables of a policy, kept after checking so that arrangements
/// can be resolved against the same vocabulary.
pub struct Scope {
    /// Documents.
    pub documents: Names<DocumentId>,
    /// Roles.
    pub roles: Names<RoleId>,
    /// Functions.
    pub functions: Names<FunctionId>,
    /// Kinds of body.
    pub body_kinds: Names<BodyKindId>,
    /// Relations.
    pub relations: Names<RelationId>,
    /// Attributes.
    pub attributes: Names<AttributeId>,
    /// Tag keys.
    pub tag_keys: Names<TagKeyId>,
    /// Paragraphs.
    pub paragraphs: Names<ParagraphId>,
    /// Duties and questions.
    pub duties: Names<DutyId>,
    /// Laws.
    pub laws: Names<LawId>,
    /// The paragraph, duty, question and law items the first pass accepted
    /// (first declarations, and an amendment's new versions), by the span
    /// of their key, with what each is: a repeated key outside an
    /// amendment is reported and left out.
    accepted: BTreeMap<Span, Provision>,
    /// Each accepted paragraph's first version, in the order the first
    /// pass met them, which is the order of [`Policy::paragraphs`].
    paragraph_family: Vec<ParagraphId>,
}

impl Scope {
    fn new() -> Scope {
        Scope {
            documents: Names::new(NameKind::Document),
            roles: Names::new(NameKind::Role),
            functions: Names::new(NameKind::Function),
            body_kinds: Names::new(NameKind::BodyKind),
            relations: Names::new(NameKind::Relation),
            attributes: Names::new(NameKind::Attribute),
            tag_keys: Names::new(NameKind::TagKey),
            paragraphs: Names::new(NameKind::Paragraph),
            duties: Names::new(NameKind::DutyOrQuestion),
            laws: Names::new(NameKind::Law),
            accepted: BTreeMap::new(),
            paragraph_family: Vec::new(),
        }
    }
}

/// What an accepted item provides, checked in the second pass once every
/// name is declared.
#[derive(Clone, Copy)]
enum Provision {
    Paragraph,
    Duty,
    Law,
}

/// What the first pass leaves for when every name is declared.
#[derive(Default)]
struct Pending<'a> {
    /// Each role's `remit`, naming functions that may come later.
    remits: Vec<(RoleId, &'a ast::Field)>,
}

/// One file of a policy chain: its header item and all its items.
pub struct Unit<'a> {
    /// The header (`guidance` or `local_policy`).
    pub header: &'a Item,
    /// Every item of the file, header included.
    pub items: &'a [Item],
    /// The file.
    pub file: crate::source::FileId,
}

/// Checks a chain of policy units (base first) into one [`Policy`].
pub fn check_policy(units: &[Unit<'_>], sources: &SourceMap, errors: &mut Vec<CheckError>) -> (Policy, Scope) {
    let mut policy = Policy::default();
    let mut scope = Scope::new();
    let pending = declare_every_name(units, &mut policy, &mut scope, errors);
    resolve_remits(pending, &mut policy, &scope, errors);
    let (mentioned, restated) = check_provisions(units, &mut policy, &scope, sources, errors);
    families(&mut policy, &mut scope);
    restatements(&mut policy, restated, errors);
    check_citations(&policy, errors);
    for (edition, unit) in units.iter().enumerate() {
        editions::repeals(unit, edition, &mut policy, &scope, errors);
    }
    editions::pinned_words(&policy, errors);
    rules::contradictions(&policy, errors);
    unused::unused(&policy, &mentioned, errors);
    (policy, scope)
}

/// The first pass over every file of the chain: its edition, and every
/// name it declares.
fn declare_every_name<'a>(
    units: &[Unit<'a>],
    policy: &mut Policy,
    scope: &mut Scope,
    errors: &mut Vec<CheckError>,
) -> Pending<'a> {
    let mut pending = Pending::default();
    for unit in units {
        policy.editions.push(editions::edition_of(unit, errors));
        declare::declare(unit, policy, scope, &mut pending, errors);
    }
    pending
}

/// Each role's remit, once every function is declared.
fn resolve_remits(pending: Pending<'_>, policy: &mut Policy, scope: &Scope, errors: &mut Vec<CheckError>) {
    for (role, field) in pending.remits {
        let functions: Vec<FunctionId> = names_of(field, errors)
            .iter()
            .filter_map(|name| scope.functions.resolve(name, errors))
            .collect();
        if let Some(declared) = policy.roles.get_mut(role.index()) {
            declared.remit = functions;
        }
    }
}

/// The second pass: each paragraph, duty, question and law the first pass
/// accepted, resolved and type-checked. Returns the names mentioned by
/// duties that did not check: the vocabulary and paragraphs they use are
/// not reported unused on top of their error; and each paragraph's
/// `restates`, with the paragraph.
fn check_provisions(
    units: &[Unit<'_>],
    policy: &mut Policy,
    scope: &Scope,
    sources: &SourceMap,
    errors: &mut Vec<CheckError>,
) -> (BTreeSet<String>, Vec<(ParagraphId, Vec<ast::Name>)>) {
    let mut mentioned = BTreeSet::new();
    let mut restated = Vec::new();
    for (edition, unit) in units.iter().enumerate() {
        for item in unit.items {
            match scope.accepted.get(&item.name.span) {
                Some(Provision::Paragraph) => {
                    let keys = paragraphs::paragraph(item, edition, policy, scope, errors);
                    let family = policy.paragraphs.last().map(|paragraph| paragraph.family);
                    if let (false, Some(family)) = (keys.is_empty(), family) {
                        restated.push((family, keys));
                    }
                }
                Some(Provision::Law) => laws::law(item, edition, policy, scope, sources, errors),
                Some(Provision::Duty) => {
                    let checked = rules::duty(item, edition, policy, scope, sources, errors);
                    if !checked {
                        unused::mentioned_in(item, &mut mentioned);
                    }
                }
                // Declared in the first pass, or refused there: misplaced,
                // or a repeated key outside an amendment.
                None => {}
            }
        }
    }
    (mentioned, restated)
}

/// The guidance's paragraphs that restate the law: each is added to what
/// the law's duty, question or law cites (every version of it), so that
/// a verdict on the law quotes the guidance's words where the edition in
/// force restates them. Only the law (an edition alongside the guidance)
/// can be restated.
fn restatements(policy: &mut Policy, restated: Vec<(ParagraphId, Vec<ast::Name>)>, errors: &mut Vec<CheckError>) {
    for (paragraph, keys) in restated {
        for name in keys {
            let edition_of = |edition: usize| {
                policy
                    .editions
                    .get(edition)
                    .map(|declared| (declared.alongside, declared.key.clone()))
            };
            let duty = policy
                .duties
                .iter()
                .find(|duty| duty.key == name.text)
                .map(|duty| duty.edition);
            let law = policy
                .laws
                .iter()
                .find(|law| law.key == name.text)
                .map(|law| law.edition);
            let Some((alongside, edition)) = duty.or(law).and_then(edition_of) else {
                let known: Vec<&str> = policy
                    .duties
                    .iter()
                    .map(|duty| duty.key.as_str())
                    .chain(policy.laws.iter().map(|law| law.key.as_str()))
                    .collect();
                errors.push(CheckError::UnknownName {
                    expected: NameKind::DutyOrLaw,
                    suggestion: crate::suggest::suggest(&name.text, known),
                    name: name.text.to_string(),
                    span: name.span,
                });
                continue;
            };
            if !alongside {
                errors.push(CheckError::RestatesNotLaw {
                    key: name.text.to_string(),
                    edition,
                    span: name.span,
                });
                continue;
            }
            for duty in policy.duties.iter_mut().filter(|duty| duty.key == name.text) {
                if !duty.cites.contains(&paragraph) {
                    duty.cites.push(paragraph);
                    duty.citations.push(restating(paragraph, &name));
                }
            }
            for law in policy.laws.iter_mut().filter(|law| law.key == name.text) {
                if !law.cites.contains(&paragraph) {
                    law.cites.push(paragraph);
                    law.citations.push(restating(paragraph, &name));
                }
            }
        }
    }
}

/// A paragraph that restates the law: the law's item encodes all of it,
/// since the paragraph says what the law says.
fn restating(paragraph: ParagraphId, name: &ast::Name) -> Citation {
    Citation {
        paragraph,
        encodes: Encodes::Whole,
        span: name.span,
    }
}

/// Links each duty and law to its first version, by key, and points the
/// scope's keys at the first versions: an answer or departure belongs to
/// the duty whatever version is in force. A duty that failed to check left
/// no entry, so the ids here are those of the policy's own tables.
fn families(policy: &mut Policy, scope: &mut Scope) {
    let mut first: BTreeMap<String, DutyId> = BTreeMap::new();
    for (index, duty) in policy.duties.iter_mut().enumerate() {
        duty.family = *first.entry(duty.key.clone()).or_insert(DutyId::from_index(index));
    }
    let mut duties = Names::new(NameKind::DutyOrQuestion);
    // Each key is declared once here, so nothing is reported.
    let mut none = Vec::new();
    for (key, id) in &first {
        let span = policy.duty(*id).map_or(Span::default(), |duty| duty.span);
        duties.declare(key, *id, span, &mut none);
    }
    scope.duties = duties;
    let mut first_law: BTreeMap<String, LawId> = BTreeMap::new();
    for (index, law) in policy.laws.iter_mut().enumerate() {
        law.family = *first_law.entry(law.key.clone()).or_insert(LawId::from_index(index));
    }
}

/// The paragraphs a duty, question or law cites, from its `cites` field,
/// each with what of it the item encodes (its sentence numbers are checked
/// once every paragraph is read, see [`check_citations`]); one without
/// that field is reported.
fn citations(
    cites_field: Option<&ast::Field>,
    item: &Item,
    scope: &Scope,
    errors: &mut Vec<CheckError>,
) -> (Vec<ParagraphId>, Vec<Citation>) {
    let (mut cites, mut written) = (Vec::new(), Vec::new());
    let Some(field) = cites_field else {
        errors.push(CheckError::NoCitation {
            duty: item.name.text.to_string(),
            span: item.name.span,
        });
        return (cites, written);
    };
    for (index, value) in field.values.iter().enumerate() {
        let Some(text) = crate::check::fields::key_text(&value.kind) else {
            errors.push(CheckError::WrongType {
                field: field.name.text.to_string(),
                expected: crate::check::error::Shape::Name,
                span: value.span,
                declared: None,
            });
            continue;
        };
        let name = ast::Name {
            text: text.into(),
            span: value.span,
        };
        let Some(paragraph) = scope.paragraphs.resolve(&name, errors) else {
            continue;
        };
        let encodes = match field.selections.iter().find(|selection| selection.value == index) {
            None => Encodes::Whole,
            Some(selection) => match &selection.part {
                ast::Selected::Context => Encodes::Context,
                ast::Selected::Sentences(numbers) => Encodes::Sentences(
                    numbers
                        .iter()
                        .map(|(number, span)| (usize::try_from(*number).unwrap_or(usize::MAX), *span))
                        .collect(),
                ),
            },
        };
        cites.push(paragraph);
        written.push(Citation {
            paragraph,
            encodes,
            span: value.span,
        });
    }
    (cites, written)
}

/// Checks the sentences each citation names against the paragraph's
/// words: a number past its last sentence, or any sentence of a paragraph
/// whose words are not at hand (what it says cannot be known, so no
/// sentence of it can be said to be encoded).
fn check_citations(policy: &Policy, errors: &mut Vec<CheckError>) {
    let written = policy
        .duties
        .iter()
        .flat_map(|duty| &duty.citations)
        .chain(policy.laws.iter().flat_map(|law| &law.citations));
    for citation in written {
        let Encodes::Sentences(numbers) = &citation.encodes else {
            continue;
        };
        let Some(paragraph) = policy.paragraph(citation.paragraph) else {
            continue;
        };
        if paragraph.text.is_none() {
            errors.push(CheckError::SentencesNotAtHand {
                paragraph: paragraph.key.clone(),
                span: citation.span,
            });
            continue;
        }
        let count = paragraph.sentences().len();
        for (number, span) in numbers {
            if *number == 0 || *number > count {
                errors.push(CheckError::NoSuchSentence {
                    paragraph: paragraph.key.clone(),
                    number: *number,
                    count,
                    span: *span,
                });
            }
        }
    }
}
