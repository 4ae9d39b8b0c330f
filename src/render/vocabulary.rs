//! `dcsc vocabulary`: every name the guidance declares for arrangements to
//! use (roles, functions, kinds of body, relations, attributes and tag
//! keys), with its title and what it may be used on. `dcsc explain NAME`
//! says more of one of them, in [`super::explain::term`]'s words.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{EntityKind, Policy, VocabularyKind};
use crate::source::Span;
use crate::syntax::ast::ItemKind;

/// One name of the vocabulary.
#[derive(Serialize)]
pub struct Name<'a> {
    /// The name arrangements write (`DCS`, `report_to`).
    pub key: &'a str,
    /// Its title in the guidance.
    pub title: &'a str,
    /// What it is used on or with, in words: for a role who holds it, for
    /// a relation what it leads from and to, for an attribute what has it
    /// and its type, for a tag key its values, for a kind of body when the
    /// law ended it. Empty for a function.
    pub about: String,
    /// The edition, Act, amendment or local policy that declares it.
    pub declared_in: &'a str,
    /// Whether that is a council's own local policy.
    pub local: bool,
}

/// The names of one kind.
#[derive(Serialize)]
pub struct Group<'a> {
    /// The kind, as the keyword that declares it (`role`, `relation`…).
    pub kind: &'static str,
    /// The kind in words, as a heading ("Kinds of body").
    pub heading: &'static str,
    /// Its names, as declared.
    pub names: Vec<Name<'a>>,
}

/// The vocabulary of a policy.
#[derive(Serialize)]
pub struct Vocabulary<'a> {
    /// The version of this JSON shape.
    pub schema_version: u32,
    /// The guidance (and local policies) it is the vocabulary of.
    pub guidance: Vec<&'a str>,
    /// Every kind, in the order of [`VocabularyKind::ALL`].
    pub kinds: Vec<Group<'a>>,
}

/// "a post, member or body".
fn kinds(kinds: &[EntityKind]) -> String {
    let words: Vec<String> = kinds.iter().map(|kind| kind.word().to_owned()).collect();
    crate::words::indefinite(&crate::words::or_list(&words))
}

/// Where a name comes from: the key of the file's edition that declares
/// it, and whether that is a local policy.
fn origin(policy: &Policy, span: Span) -> (&str, bool) {
    policy
        .declared_in(span)
        .map_or(("", false), |edition| (edition.key.as_str(), edition.is_local()))
}

/// One name, with where it comes from.
fn name<'a>(policy: &'a Policy, key: &'a str, title: &'a str, about: String, span: Span) -> Name<'a> {
    let (declared_in, local) = origin(policy, span);
    Name {
        key,
        title,
        about,
        declared_in,
        local,
    }
}

/// Lists a policy's vocabulary.
pub fn vocabulary(policy: &Policy) -> Vocabulary<'_> {
    let mut groups = Vec::new();
    for kind in VocabularyKind::ALL {
        let mut names = Vec::new();
        let heading = match kind {
            VocabularyKind::Role => {
                names.extend(policy.roles.iter().map(|role| {
                    let about = format!("held by a {}", role.holder.word());
                    name(policy, &role.key, &role.title, about, role.span)
                }));
                "Roles"
            }
            VocabularyKind::Function => {
                names.extend(
                    policy
                        .functions
                        .iter()
                        .map(|function| name(policy, &function.key, &function.title, String::new(), function.span)),
                );
                "Functions"
            }
            VocabularyKind::BodyKind => {
                names.extend(policy.body_kinds.iter().map(|body_kind| {
                    let about = body_kind.ended.as_ref().map_or_else(String::new, |ended| {
                        format!("none from {}", crate::words::date(ended.by))
                    });
                    name(policy, &body_kind.key, &body_kind.title, about, body_kind.span)
                }));
                "Kinds of body"
            }
            VocabularyKind::Relation => {
                names.extend(policy.relations.iter().map(|relation| {
                    let about = format!("from {} to {}", kinds(&relation.from), kinds(&relation.to));
                    name(policy, &relation.key, &relation.title, about, relation.span)
                }));
                "Relations"
            }
            VocabularyKind::Attribute => {
                names.extend(policy.attributes.iter().map(|attribute| {
                    let about = format!("{} of {}", attribute.value_type.word(), kinds(&attribute.on));
                    name(policy, &attribute.key, &attribute.title, about, attribute.span)
                }));
                "Attributes"
            }
            VocabularyKind::TagKey => {
                names.extend(policy.tag_keys.iter().map(|tag_key| {
                    let about = tag_key.values.join(", ");
                    name(policy, &tag_key.key, &tag_key.title, about, tag_key.span)
                }));
                "Tag keys"
            }
        };
        groups.push(Group {
            kind: ItemKind::from(kind).keyword(),
            heading,
            names,
        });
    }
    Vocabulary {
        schema_version: 1,
        guidance: policy.editions.iter().map(|edition| edition.key.as_str()).collect(),
        kinds: groups,
    }
}

impl Vocabulary<'_> {
    /// The listing for a terminal: each kind under its heading, names and
    /// titles in columns. The words are the policy files', so their hidden
    /// characters are shown (see [`crate::visible`]).
    pub fn to_human(&self) -> String {
        let mut out = format!("Vocabulary of {}\n", self.guidance.join(" + "));
        // The guidance edition itself, first in the chain: its names go
        // unmarked, every other file's say where they come from.
        let base = self.guidance.first().copied().unwrap_or_default();
        for group in &self.kinds {
            let _ = writeln!(
                out,
                "\n{} ({}, declared with `{}`)",
                group.heading,
                group.names.len(),
                group.kind
            );
            if group.names.is_empty() {
                out.push_str("  none declared\n");
            }
            let width = group
                .names
                .iter()
                .map(|name| name.key.chars().count())
                .max()
                .unwrap_or(0);
            for name in &group.names {
                let padding = " ".repeat(width.saturating_sub(name.key.chars().count()));
                let _ = write!(out, "  {}{padding}  {}", name.key, name.title);
                let mut notes: Vec<String> = Vec::new();
                if !name.about.is_empty() {
                    notes.push(name.about.clone());
                }
                if name.declared_in != base {
                    notes.push(if name.local {
                        format!("the council's own, from local policy {}", name.declared_in)
                    } else {
                        format!("from {}", name.declared_in)
                    });
                }
                if !notes.is_empty() {
                    let _ = write!(out, " ({})", notes.join("; "));
                }
                out.push('\n');
            }
        }
        let _ = writeln!(
            out,
            "\nNames not marked `from` are {base}'s. `dcsc explain NAME` says more of any of them."
        );
        crate::visible::escape_owned(out)
    }
}
