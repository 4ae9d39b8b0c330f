//! The vocabulary a policy declares for arrangements to use: roles,
//! functions and kinds of body, relations, attributes and their types, and
//! the tag keys that classify duties.

use super::*;
use crate::date::PartialDate;
use crate::source::Span;

/// A statutory or organisational role.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    /// Its id (`DCS`).
    pub key: String,
    /// Its title.
    pub title: String,
    /// Whether officers or members hold it.
    pub holder: EntityKind,
    /// The provision that creates it.
    pub statute: Option<String>,
    /// The functions the role exists for (the DCS: education and
    /// children's social care); a holder's other roles and functions
    /// extend it.
    pub remit: Vec<FunctionId>,
    /// Whether it is one of the roles the guidance is about (the DCS and
    /// the LMCS): charts draw its holders with a strong border.
    pub principal: bool,
    /// Whether it exists for arrangements to describe themselves, with no
    /// duty expected to use it (no unused-vocabulary warning).
    pub descriptive: bool,
    /// Where declared.
    pub span: Span,
}

/// A named item of vocabulary with a title: functions and kinds of body.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Its id.
    pub key: String,
    /// Its title.
    pub title: String,
    /// For a kind of body the law abolished: when, and by what. No body of
    /// the kind exists after the date, whatever an undated paper says.
    pub ended: Option<Ended>,
    /// Whether it exists for arrangements to describe themselves, with no
    /// duty expected to use it (no unused-vocabulary warning).
    pub descriptive: bool,
    /// Where declared.
    pub span: Span,
}

/// When and by what law a kind of body ceased to exist.
#[derive(Clone, Debug, PartialEq)]
pub struct Ended {
    /// The day by which every body of the kind had ended: none exists on
    /// it or after.
    pub by: PartialDate,
    /// The law that ended it, in words.
    pub law: String,
}

/// A typed relation between entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// Its id (`report_to`).
    pub key: String,
    /// Words for reports ("reports directly to").
    pub title: String,
    /// The kinds of entity it starts from.
    pub from: Vec<EntityKind>,
    /// The kinds of entity it leads to.
    pub to: Vec<EntityKind>,
    /// Whether it is a line of accountability: it must not loop, and a
    /// post's line must not lead to a member.
    pub hierarchy: bool,
    /// Whether it exists for arrangements to describe themselves, with no
    /// duty expected to use it (no unused-vocabulary warning).
    pub descriptive: bool,
    /// Where declared.
    pub span: Span,
}

/// The types an attribute can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// A whole number.
    Int,
    /// Yes or no.
    Bool,
    /// Free text.
    Text,
    /// A (partial) date.
    Date,
}

impl ValueType {
    /// The word used in the language.
    pub fn word(self) -> &'static str {
        match self {
            ValueType::Int => "int",
            ValueType::Bool => "bool",
            ValueType::Text => "text",
            ValueType::Date => "date",
        }
    }
}

/// A typed attribute of entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// Its id (`tier`).
    pub key: String,
    /// Words for reports.
    pub title: String,
    /// The kinds of entity that have it.
    pub on: Vec<EntityKind>,
    /// Its type.
    pub value_type: ValueType,
    /// The value the guidance takes when an arrangement does not state
    /// one; without it an unstated value is unknown.
    pub default: Option<TypedValue>,
    /// Why the default may be taken, in words that name their source
    /// (shown wherever a verdict rests on it).
    pub default_basis: Option<String>,
    /// Whether a change of its value on the holder of a role is a change
    /// of that role's responsibilities (holding the post on an interim
    /// basis).
    pub marks_change: bool,
    /// The value an entity declared in a shared file has, unless it states
    /// one: a post two councils share is a joint appointment.
    pub when_shared: Option<TypedValue>,
    /// The value a post has while its officer is seconded from another
    /// council (`seconded_from`), unless it states one: one officer
    /// answering to two councils raises what a joint appointment does.
    pub when_seconded: Option<TypedValue>,
    /// Whether it exists for arrangements to describe themselves, with no
    /// duty expected to use it (no unused-vocabulary warning).
    pub descriptive: bool,
    /// Where declared.
    pub span: Span,
}

/// A classification key with its declared values.
#[derive(Clone, Debug, PartialEq)]
pub struct TagKey {
    /// Its id (`type`).
    pub key: String,
    /// Its title.
    pub title: String,
    /// The values it may take.
    pub values: Vec<String>,
    /// Where declared.
    pub span: Span,
}

/// A classification of a duty: a tag key and one of its declared values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag {
    /// The key.
    pub key: TagKeyId,
    /// The value, by its place in the key's [`TagKey::values`].
    pub value: usize,
}
