//! `dcsc vocabulary`: every name the guidance declares for arrangements to
//! use (roles, functions, kinds of body, relations, attributes and tag
//! keys), with its title and what it may be used on. `dcsc explain NAME`
//! says more of one of them, in [`super::explain::term`]'s words.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{EntityKind, Policy, VocabularyKind};
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

/// Lists a policy's vocabulary.
pub fn vocabulary(policy: &Policy) -> Vocabulary<'_> {
    let mut groups = Vec::new();
    for kind in VocabularyKind::ALL {
        let mut names = Vec::new();
        let heading = match kind {
            VocabularyKind::Role => {
                names.extend(policy.roles.iter().map(|role| Name {
                    key: &role.key,
                    title: &role.title,
                    about: format!("held by a {}", role.holder.word()),
                }));
                "Roles"
            }
            VocabularyKind::Function => {
                names.extend(policy.functions.iter().map(|function| Name {
                    key: &function.key,
                    title: &function.title,
                    about: String::new(),
                }));
                "Functions"
            }
            VocabularyKind::BodyKind => {
                names.extend(policy.body_kinds.iter().map(|body_kind| Name {
                    key: &body_kind.key,
                    title: &body_kind.title,
                    about: body_kind.ended.as_ref().map_or_else(String::new, |ended| {
                        format!("none from {}", crate::words::date(ended.by))
                    }),
                }));
                "Kinds of body"
            }
            VocabularyKind::Relation => {
                names.extend(policy.relations.iter().map(|relation| Name {
                    key: &relation.key,
                    title: &relation.title,
                    about: format!("from {} to {}", kinds(&relation.from), kinds(&relation.to)),
                }));
                "Relations"
            }
            VocabularyKind::Attribute => {
                names.extend(policy.attributes.iter().map(|attribute| Name {
                    key: &attribute.key,
                    title: &attribute.title,
                    about: format!("{} of {}", attribute.value_type.word(), kinds(&attribute.on)),
                }));
                "Attributes"
            }
            VocabularyKind::TagKey => {
                names.extend(policy.tag_keys.iter().map(|tag_key| Name {
                    key: &tag_key.key,
                    title: &tag_key.title,
                    about: tag_key.values.join(", "),
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
                if !name.about.is_empty() {
                    let _ = write!(out, " ({})", name.about);
                }
                out.push('\n');
            }
        }
        out.push_str("\n`dcsc explain NAME` says more of any of them.\n");
        crate::visible::escape(&out).into_owned()
    }
}
