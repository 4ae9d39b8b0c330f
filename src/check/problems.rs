//! What is wrong with what is said where: a predicate or entry that
//! cannot be said in its place, the dates of an Act, amendment or local
//! policy, and a file's header. Parts of [`super::CheckError`]'s data.

use crate::date::Day;
use crate::model::EntityKind;
use crate::source::Span;
use crate::syntax::ast::ItemKind;

/// Something that cannot be said where it is written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Misuse {
    /// A rule, condition, tag or `words` in an item that holds fields only.
    FieldsOnly {
        /// The item's kind.
        item: ItemKind,
    },
    /// `expect`, `set`, `add`, `unset` or `drop` outside a test.
    TestOnly {
        /// The entry's first word, the keyword as the language spells it:
        /// quoted in the message as syntax, not worded.
        entry: &'static str,
    },
    /// A condition on a paragraph.
    ConditionOnParagraph,
    /// A tag on a paragraph.
    TagOnParagraph,
    /// `words` outside a paragraph.
    WordsOutsideParagraph,
    /// A predicate about posts or members said of the council.
    SaidOfTheCouncil {
        /// What is said.
        what: Said,
    },
    /// A predicate said of a subject of the wrong kind.
    SaidOfWrongKind {
        /// What is said.
        what: Said,
        /// The kinds it can be said of.
        allowed: Vec<EntityKind>,
        /// The subject's kind.
        subject: EntityKind,
    },
    /// A timeline predicate said of posts or members.
    TimelineOfEntities,
    /// A governance predicate (`uses`, `considers`) said of posts or
    /// members.
    GovernanceOfEntities,
    /// `first_in_force` on an amendment that does not take effect by area.
    FirstInForceWithoutByArea,
    /// `first_in_force` on or after the amendment's `in_force`.
    FirstInForceNotBefore,
    /// `after each extension of ROLE` without `of ROLE`, or of a role that
    /// declares no remit to extend.
    ExtensionWithoutRemit {
        /// The role named, if any.
        role: Option<String>,
    },
}

/// What is wrong with the dates of an Act, amendment or local policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatesProblem {
    /// `enacted` after `in_force`.
    EnactedAfterInForce,
    /// An Act or amendment in force with neither `commencement` nor
    /// `commencement_not_at_hand`.
    NoCommencement,
    /// Both `commencement` and `commencement_not_at_hand`.
    CommencementTwice,
    /// `enacted` on guidance or a local policy, which are issued, not
    /// enacted.
    EnactedNotLaw,
    /// `withdrawn` on or before the local policy's `in_force`.
    WithdrawnBeforeInForce,
    /// Neither `in_force` nor `enacted` on an Act or an edition of another
    /// guidance.
    NoDate,
}

/// What a predicate says, for messages about where it can be said.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Said {
    /// Holding a role.
    HoldingRole,
    /// Responsibility for functions.
    Responsibility,
    /// Being a kind of body.
    BeingKindOfBody,
    /// An attribute.
    Attribute(String),
    /// A relation.
    Relation(String),
}

/// What is wrong with a file's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HeaderProblem {
    /// No `guidance`, `local_policy` or `arrangements` item.
    Missing,
    /// More than one.
    Repeated,
}

/// The days the papers allow an instant: `None` where they leave that side
/// open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Window {
    /// The earliest day.
    pub earliest: Option<Day>,
    /// The latest day.
    pub latest: Option<Day>,
}

/// One question of order two holders' lines leave open: whether one line
/// began before the other stopped. Both holding on one day needs each to
/// begin before the other stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OrderInDoubt {
    /// Whether it is the warned line (not the other) that begins.
    pub warned_line_begins: bool,
    /// When the beginning line may begin.
    pub begins: Window,
    /// Where that start is dated (the line, or the event that gives it).
    pub begins_at: Span,
    /// When the other line may stop.
    pub stops: Window,
    /// Where that end is dated (the line, or the event that ends it).
    pub stops_at: Span,
}
