//! The facts a verdict lacked: what the arrangement does not state and a
//! duty needs, each named so the council can be asked for it. A verdict
//! is unknown because of these, never by guessing.

use super::verdict::kind_names;
use super::{Cause, Change, Clause, Fact};
use crate::date::{PartialDate, Uncertainty};
use crate::model::{
    AnswerId, AttributeId, EditionId, EntityId, EntityKind, EventId, EventKind, FunctionId, RelationId, RoleId, Target,
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
    /// Whether one event came after another: their dates overlap.
    EventOrder {
        /// What must come first.
        earlier: Cause,
        /// The event that must follow it.
        later: EventId,
    },
    /// Whether an answer was given after a change: their dates overlap.
    AnswerOrder {
        /// The answer.
        answer: AnswerId,
        /// The change.
        change: Change,
    },
    /// The date an answer was given.
    AnswerDate {
        /// The answer.
        answer: AnswerId,
    },
    /// An event's exact date: it is dated only to a month or year.
    EventDate {
        /// The event.
        event: EventId,
    },
    /// Whether a fact held as at the date: its period, or the paper, leave
    /// it open.
    Uncertain {
        /// The fact.
        fact: Fact,
        /// Why it cannot be told.
        why: Uncertainty,
    },
    /// Whether a post or member existed as at the date.
    Existed {
        /// The post or member.
        entity: EntityId,
        /// Why it cannot be told.
        why: Uncertainty,
    },
    /// Which of these held a role: the paper says each possibly did, or
    /// their dates overlap the date asked.
    WhichHolder {
        /// The role.
        role: RoleId,
        /// The candidates.
        candidates: Vec<EntityId>,
    },
    /// Whether an event happened after the papers stop: the timeline is
    /// complete only up to a date.
    BeyondPapers {
        /// The kind of event the duty asks for.
        event: EventKind,
        /// The date the papers are complete up to.
        until: PartialDate,
        /// Whether the arrangements state it (`known_until`), or it is the
        /// latest date they mention.
        stated: bool,
    },
    /// What a review concluded: the papers do not say.
    ReviewOutcome {
        /// The review.
        review: EventId,
    },
    /// Whether an answer or review came after a change: their order is not
    /// known.
    ChangeOrder {
        /// The change.
        change: Change,
        /// The event whose place relative to it is not known.
        event: EventId,
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
    EventOrder => "event_order",
    AnswerOrder => "answer_order",
    AnswerDate => "answer_date",
    EventDate => "event_date",
    Uncertain => "uncertain",
    Existed => "existed",
    WhichHolder => "which_holder",
    BeyondPapers => "beyond_papers",
    ReviewOutcome => "review_outcome",
    ChangeOrder => "change_order",
});
