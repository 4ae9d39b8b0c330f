//! Warnings of vocabulary no duty, question or law uses, and of
//! paragraphs none cites.

use std::collections::BTreeSet;

use crate::check::error::{CheckError, NameKind};
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::{self, Entry, Item};

/// Every name and key an item mentions, in fields, rules, conditions and
/// tags.
pub(super) fn mentioned_in(item: &Item, names: &mut BTreeSet<String>) {
    fn claim(subject: &ast::Subject, predicate: &ast::Predicate, names: &mut BTreeSet<String>) {
        names.extend(subject.role().map(|role| role.text.to_string()));
        names.extend(predicate.mentions().into_iter().map(|(_, name)| name.text.to_string()));
    }
    for entry in &item.entries {
        match entry {
            Entry::Field(field) => {
                for value in &field.values {
                    if let ast::ValueKind::Key(key) | ast::ValueKind::Str(key) = &value.kind {
                        names.insert(key.to_string());
                    }
                    if let ast::ValueKind::Number(number) = &value.kind {
                        names.insert(number.to_string());
                    }
                }
            }
            Entry::Rule(rule) => claim(&rule.subject, &rule.predicate, names),
            Entry::Condition(condition) => claim(&condition.claim.subject, &condition.claim.predicate, names),
            Entry::Tag(tag) => {
                names.insert(tag.key.text.to_string());
            }
            Entry::Words(_) | Entry::Expect(_) | Entry::Edit(_) => {}
        }
    }
}

/// Which of the policy's names something uses, by their place in the
/// policy's tables.
struct Used {
    roles: Vec<bool>,
    functions: Vec<bool>,
    body_kinds: Vec<bool>,
    relations: Vec<bool>,
    attributes: Vec<bool>,
    tag_keys: Vec<bool>,
    documents: Vec<bool>,
    /// Paragraphs, by the version cited.
    cited: Vec<bool>,
}

fn mark(flags: &mut [bool], index: usize) {
    if let Some(flag) = flags.get_mut(index) {
        *flag = true;
    }
}

impl Used {
    /// What the policy's duties, laws, remits and paragraphs use.
    fn by(policy: &Policy) -> Used {
        let mut used = Used {
            roles: vec![false; policy.roles.len()],
            functions: vec![false; policy.functions.len()],
            body_kinds: vec![false; policy.body_kinds.len()],
            relations: vec![false; policy.relations.len()],
            attributes: vec![false; policy.attributes.len()],
            tag_keys: vec![false; policy.tag_keys.len()],
            documents: vec![false; policy.documents.len()],
            cited: vec![false; policy.paragraphs.len()],
        };
        for duty in &policy.duties {
            used.duty(duty);
        }
        for law in &policy.laws {
            mark(&mut used.roles, law.role.index());
            match &law.settles {
                Settled::Attribute { attribute, .. } => mark(&mut used.attributes, attribute.index()),
                Settled::Relation { relation, target } => {
                    mark(&mut used.relations, relation.index());
                    match target {
                        Target::Role(role) => mark(&mut used.roles, role.index()),
                        Target::Kind(kind) => mark(&mut used.body_kinds, kind.index()),
                    }
                }
            }
            for condition in &law.conditions {
                used.subject(&condition.subject);
                used.predicate(&condition.predicate);
            }
            for paragraph in &law.cites {
                mark(&mut used.cited, paragraph.index());
            }
        }
        // A role's remit is used by the duties that ask after its
        // extension; the functions named there are the ones those duties
        // weigh.
        for role in &policy.roles {
            for function in &role.remit {
                mark(&mut used.functions, function.index());
            }
        }
        for paragraph in &policy.paragraphs {
            if let Some(document) = paragraph.provenance.document() {
                mark(&mut used.documents, document.index());
            }
        }
        used
    }

    fn duty(&mut self, duty: &Duty) {
        if let DutyKind::Rule { subject, predicate, .. } = &duty.kind {
            self.subject(subject);
            self.predicate(predicate);
        }
        for condition in &duty.conditions {
            self.subject(&condition.subject);
            self.predicate(&condition.predicate);
        }
        if let DutyKind::Question {
            renew_on_change_of: Some(role),
            ..
        } = &duty.kind
        {
            mark(&mut self.roles, role.index());
        }
        for paragraph in &duty.cites {
            mark(&mut self.cited, paragraph.index());
        }
        for tag in &duty.tags {
            mark(&mut self.tag_keys, tag.key.index());
        }
    }

    fn subject(&mut self, subject: &Subject) {
        if let Some(role) = subject.role() {
            mark(&mut self.roles, role.index());
        }
    }

    fn predicate(&mut self, predicate: &Predicate) {
        for mention in predicate.mentions() {
            match mention {
                Mention::Role(role) => mark(&mut self.roles, role.index()),
                Mention::Function(function) => mark(&mut self.functions, function.index()),
                Mention::BodyKind(kind) => mark(&mut self.body_kinds, kind.index()),
                Mention::Relation(relation) => mark(&mut self.relations, relation.index()),
                Mention::Attribute(attribute) => mark(&mut self.attributes, attribute.index()),
            }
        }
    }
}

/// Warns of every name nothing uses and every paragraph nothing cites,
/// but those `mentioned` by a duty that did not check.
pub(super) fn unused(policy: &Policy, mentioned: &BTreeSet<String>, errors: &mut Vec<CheckError>) {
    let used = Used::by(policy);
    unused_vocabulary(policy, &used, mentioned, errors);
    unencoded_paragraphs(policy, &used.cited, mentioned, errors);
}

/// Warns of every role, function, kind of body, relation, attribute,
/// tag key and document nothing uses, unless it is descriptive.
fn unused_vocabulary(policy: &Policy, used: &Used, mentioned: &BTreeSet<String>, errors: &mut Vec<CheckError>) {
    let mut report = |what: NameKind, flags: &[bool], names: Vec<(&str, bool, Span)>| {
        for (flag, (name, descriptive, span)) in flags.iter().zip(names) {
            if !flag && !descriptive && !mentioned.contains(name) {
                errors.push(CheckError::UnusedVocabulary {
                    what,
                    name: name.to_owned(),
                    span,
                });
            }
        }
    };
    report(
        NameKind::Role,
        &used.roles,
        policy
            .roles
            .iter()
            .map(|r| (r.key.as_str(), r.descriptive, r.span))
            .collect(),
    );
    report(
        NameKind::Function,
        &used.functions,
        policy
            .functions
            .iter()
            .map(|t| (t.key.as_str(), t.descriptive, t.span))
            .collect(),
    );
    report(
        NameKind::BodyKind,
        &used.body_kinds,
        policy
            .body_kinds
            .iter()
            .map(|t| (t.key.as_str(), t.descriptive, t.span))
            .collect(),
    );
    report(
        NameKind::Relation,
        &used.relations,
        policy
            .relations
            .iter()
            .map(|r| (r.key.as_str(), r.descriptive, r.span))
            .collect(),
    );
    report(
        NameKind::Attribute,
        &used.attributes,
        policy
            .attributes
            .iter()
            .map(|a| (a.key.as_str(), a.descriptive, a.span))
            .collect(),
    );
    report(
        NameKind::TagKey,
        &used.tag_keys,
        policy
            .tag_keys
            .iter()
            .map(|t| (t.key.as_str(), false, t.span))
            .collect(),
    );
    report(
        NameKind::Document,
        &used.documents,
        policy
            .documents
            .iter()
            .map(|d| (d.key.as_str(), false, d.span))
            .collect(),
    );
}

/// A paragraph that describes the guidance, or whose words are not at
/// hand, has nothing a duty could encode; any other that nothing cites
/// is reported. A later version of a paragraph is cited through its
/// first.
fn unencoded_paragraphs(policy: &Policy, cited: &[bool], mentioned: &BTreeSet<String>, errors: &mut Vec<CheckError>) {
    let cited: Vec<bool> = policy
        .paragraphs
        .iter()
        .enumerate()
        .map(|(index, paragraph)| {
            cited.get(index).copied().unwrap_or(false) || cited.get(paragraph.family.index()).copied().unwrap_or(false)
        })
        .collect();
    for (flag, paragraph) in cited.iter().zip(&policy.paragraphs) {
        let encodable = !paragraph.descriptive && !matches!(paragraph.provenance, Provenance::NotAtHand { .. });
        if !flag && encodable && !mentioned.contains(&paragraph.key) {
            errors.push(CheckError::UnencodedParagraph {
                key: paragraph.key.clone(),
                span: paragraph.span,
            });
        }
    }
}
