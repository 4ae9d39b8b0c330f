//! The typed parts of [`super::CheckError`]'s data: what kind of thing a
//! name names or must name, where an item was read, how an event
//! disagrees, what a place needs and what stands there, a value's shape,
//! and the terms of a test's `expect`. Worded in `diagnostics/phrases.rs`.

use crate::model::{EntityKind, ValueType};

/// What kind of thing a name names, or must name where it is written:
/// one of the language's namespaces, or a place that takes a name from
/// several. Worded in `diagnostics/phrases.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A guidance edition or local policy, by its header's name.
    Guidance,
    /// An edition or an amendment of one (`against`).
    EditionOrAmendment,
    /// An amendment that takes effect area by area (`commenced`).
    AmendmentByArea,
    /// A `document`.
    Document,
    /// A `role`.
    Role,
    /// A `function`.
    Function,
    /// A `body_kind`.
    BodyKind,
    /// A `relation`.
    Relation,
    /// An `attribute`.
    Attribute,
    /// A `tag_key`.
    TagKey,
    /// A `paragraph`.
    Paragraph,
    /// A `duty` or `question` (they share one namespace).
    DutyOrQuestion,
    /// A `law`.
    Law,
    /// A paragraph, duty or law (what an amendment may repeal).
    ParagraphDutyOrLaw,
    /// A duty, question or law (what a paragraph may restate).
    DutyOrLaw,
    /// A post, member, body or service of the arrangements.
    Entity,
    /// A kind of entity or a relation (`complete`).
    EntityKindOrRelation,
    /// An event of the timeline.
    Event,
    /// A `test`.
    Test,
}

/// The kind of file an item is read in, for an item that does not belong
/// there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// Guidance or a local policy.
    Guidance,
    /// A council's arrangements.
    Arrangements,
    /// A file of what several councils share.
    Shared,
}

/// How an event disagrees with the facts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Disagreement {
    /// It gives a role that the post or member's `holds` shows ending
    /// before, or beginning after, the event.
    RoleNotHeldThen {
        /// The role.
        role: String,
        /// The post or member.
        entity: String,
    },
    /// It says a role fell vacant, while a post or member surely held it
    /// then.
    RoleStillHeld {
        /// The role.
        role: String,
        /// Who holds it.
        entity: String,
    },
    /// It gives roles but names no post or member.
    NoHolderNamed,
}

/// What a place in the text needs, where a name of the wrong kind stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Needed {
    /// An entity the relation starts from.
    RelationFrom {
        /// The relation.
        relation: String,
        /// The kinds it starts from.
        kinds: Vec<EntityKind>,
    },
    /// An entity the relation leads to.
    RelationTo {
        /// The relation.
        relation: String,
        /// The kinds it leads to.
        kinds: Vec<EntityKind>,
    },
    /// A role whose holders the relation leads to.
    RelationBetween {
        /// The relation.
        relation: String,
        /// The kinds it starts from.
        from: Vec<EntityKind>,
        /// The kinds it leads to.
        to: Vec<EntityKind>,
    },
    /// An entity the attribute belongs to.
    AttributeOn {
        /// The attribute.
        attribute: String,
        /// The kinds that have it.
        kinds: Vec<EntityKind>,
    },
    /// An entity of a kind.
    Entity {
        /// The kind.
        kind: EntityKind,
    },
    /// A role held by this kind of entity.
    RoleHeldBy {
        /// The kind.
        kind: EntityKind,
    },
    /// A yes/no attribute, after `be`.
    YesNoAttribute,
    /// A role, or `a KIND` for any body of a kind.
    RoleOrBodyKind,
}

/// What a name of the wrong kind is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Found {
    /// An entity of the arrangement.
    Entity {
        /// Its id.
        name: String,
        /// Its kind.
        kind: EntityKind,
    },
    /// A role.
    Role {
        /// Its id.
        name: String,
        /// Who holds it.
        holder: EntityKind,
    },
    /// An attribute that is not yes/no.
    Attribute {
        /// Its id.
        name: String,
        /// Its type.
        value_type: ValueType,
    },
    /// A kind of body.
    BodyKind {
        /// Its id.
        name: String,
    },
}

/// The shape of value a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A quoted string.
    QuotedString,
    /// A name.
    Name,
    /// Exactly one name.
    OneName,
    /// A (partial) date.
    Date,
    /// `yes` or `no`.
    YesNo,
    /// A bare word.
    Word,
    /// A document and, optionally, where in it.
    Evidence,
    /// A value of an attribute's type.
    Value(ValueType),
    /// Exactly one value of a type.
    OneValue(ValueType),
    /// `yes`, `no` or `unknown`.
    YesNoUnknown,
    /// A post, member or body by its id, or someone outside the
    /// arrangements in a quoted string.
    Actor,
}

/// What an `expect` names besides the duty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    /// The verdict.
    Verdict,
    /// The kind of reason, after `because`.
    Reason,
    /// A kind of missing fact, after `missing`.
    Missing,
    /// What a verdict rests on, after `basis`.
    Basis,
}
