//! The facts a verdict lacked: what the arrangement does not state and a
//! duty needs, each named so the council can be asked for it. A verdict
//! is unknown because of these, never by guessing.

use super::clock::Doubt;
use super::verdict::kind_names;
use super::{Cause, Clause};
use crate::date::Day;
use crate::model::{
    AttributeId, EditionId, EntityId, EntityKind, EventId, EventKind, FunctionId, PapersEndKind, RelationId, RoleId,
    Target,
};

/// A fact a duty needs that the arrangement does not state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// Who holds a role: no post or member is recorded as holding it.
    Holder {
        /// The role.
        role: RoleId,
    },
    /// The council's entities of a kind: it declares none at all.
    EntitiesOfKind {
        /// The kind.
        kind: EntityKind,
    },
    /// Any entity of a kind (holding a role) for `each` to apply to.
    AnyOfKind {
        /// The kind.
        kind: EntityKind,
        /// Only those holding this role.
        holding: Option<RoleId>,
    },
    /// Whether the council has an entity that satisfies a clause: those
    /// listed do not, and the list is not declared complete.
    CompleteList {
        /// The kind counted.
        kind: EntityKind,
        /// Only those holding this role.
        holding: Option<RoleId>,
        /// The predicate counted.
        clause: Clause,
        /// Whether its negation was counted.
        negated: bool,
        /// How many are listed.
        listed: usize,
    },
    /// A post or member for a statement about one: the council as a whole
    /// cannot be the subject.
    Subject,
    /// The governance model the council operates.
    Governance,
    /// Whether an amendment that commences area by area had taken effect
    /// for the council: its arrangements date it only to a month or year.
    Commencement {
        /// The amendment.
        edition: EditionId,
    },
    /// The functions a post or member is responsible for.
    Functions {
        /// The post or member.
        entity: EntityId,
    },
    /// Whether a post or member has functions beyond those listed.
    FunctionsBeyond {
        /// The post or member.
        entity: EntityId,
        /// The functions listed.
        listed: Vec<FunctionId>,
    },
    /// What kind of body each of these is.
    BodyKind {
        /// The bodies.
        entities: Vec<EntityId>,
    },
    /// An attribute's value.
    Attribute {
        /// The entity.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
    },
    /// An attribute's exact value: the one stated is a partial date.
    ExactAttribute {
        /// The entity.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
    },
    /// Where a relation of an entity leads.
    Relation {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
    },
    /// Whether a relation leads anywhere else: the targets listed are not
    /// what the duty asks for, and the list is not declared complete.
    CompleteRelation {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// What the duty asks it to lead to.
        target: Target,
        /// The targets listed.
        listed: Vec<EntityId>,
    },
    /// A question of time the papers leave open, on which the verdict
    /// turns: when something happened, which came first, which candidate
    /// holds a role.
    Doubt(Doubt),
    /// So many questions of time are open at once that not every choice of
    /// dates was tried; the verdict is left undecided.
    TooManyDoubts {
        /// How many questions were met.
        asked: usize,
    },
    /// Whether an event happened after the papers stop: the timeline is
    /// complete only up to a date.
    BeyondPapers {
        /// The kind of event the duty asks for.
        event: EventKind,
        /// The last day the papers are complete up to (for extracts never
        /// complete, the latest date they give).
        until: Day,
        /// How that end is known.
        kind: PapersEndKind,
    },
    /// What has happened since the papers end: the verdict is as at a
    /// later date, and rests on the council's facts.
    SincePapers {
        /// The last day the papers speak of.
        end: Day,
        /// How that end is known.
        kind: PapersEndKind,
    },
    /// What a review concluded: the papers do not say.
    ReviewOutcome {
        /// The review.
        review: EventId,
    },
    /// Whether a review the papers link to nothing considered a change:
    /// it came before it, about the role, but does not name it.
    ReviewSubject {
        /// The review.
        review: EventId,
        /// The change it may have considered.
        cause: Cause,
    },
    /// Whether a role held by turns counts as one holder: on any one day
    /// one of these holds it, and the duty counts its holders.
    Turns {
        /// The role.
        role: RoleId,
        /// Its holders by turns, in the arrangement's order.
        holders: Vec<EntityId>,
    },
}

kind_names!(Missing {
    Holder => "holder",
    EntitiesOfKind => "entities_of_kind",
    AnyOfKind => "any_of_kind",
    CompleteList => "complete_list",
    Subject => "subject",
    Governance => "governance",
    Commencement => "commencement",
    Functions => "functions",
    FunctionsBeyond => "functions_beyond",
    BodyKind => "body_kind",
    Attribute => "attribute",
    ExactAttribute => "exact_attribute",
    Relation => "relation",
    CompleteRelation => "complete_relation",
    Doubt => "doubt",
    TooManyDoubts => "too_many_doubts",
    BeyondPapers => "beyond_papers",
    SincePapers => "since_papers",
    ReviewOutcome => "review_outcome",
    ReviewSubject => "review_subject",
    Turns => "turns",
});
