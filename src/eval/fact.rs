//! The facts a verdict consulted, as typed values with where each is
//! stated ([`FactUse`]), and the changes of a role's responsibilities that
//! timeline duties turn on ([`Change`], [`Cause`]).

use crate::model::{
    AnswerId, AttributeId, Basis, BodyKindId, DepartureId, EntityId, EventId, FactOrigin, FunctionId, Governance,
    InstantId, Party, Period, RelationId, RoleId, Secondment, TypedValue,
};

/// A fact of the arrangement, as a verdict consulted it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Fact {
    /// A post or member holds a role.
    Holds {
        /// The post or member.
        entity: EntityId,
        /// The role.
        role: RoleId,
    },
    /// The functions a post or member is responsible for.
    Functions {
        /// The post or member.
        entity: EntityId,
        /// The functions, as listed.
        functions: Vec<FunctionId>,
    },
    /// What kind of body a body is.
    BodyKind {
        /// The body.
        entity: EntityId,
        /// Its kind.
        kind: BodyKindId,
    },
    /// An attribute's stated value.
    Attribute {
        /// The entity.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
        /// Its value.
        value: TypedValue,
    },
    /// One stated line of a relation, with its targets.
    Relation {
        /// The entity the line is stated on.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// Where it leads.
        targets: Vec<EntityId>,
    },
    /// The council states it has no body of a kind.
    NoBodyOfKind {
        /// The kind.
        kind: BodyKindId,
    },
    /// The governance model the council operates, or one it is
    /// considering.
    Governance {
        /// The model.
        model: Governance,
        /// Considered rather than operated.
        considering: bool,
    },
    /// When a post, member, body or service existed: one `exists` line,
    /// cited by a verdict that rests on a fact of the entity, as its facts
    /// hold only within its life.
    Life {
        /// The entity.
        entity: EntityId,
    },
    /// One line of a service's providers: an organisation beside the
    /// council (or an external provider unnamed) runs it.
    Provider {
        /// The service.
        service: EntityId,
        /// Who provides it.
        party: Party,
    },
    /// One line of a post's employers: an organisation beside the council
    /// employs it.
    Employer {
        /// The post.
        post: EntityId,
        /// Who employs it.
        party: Party,
    },
    /// One line of a post's secondments: its officer is seconded from or
    /// to another council.
    Secondment {
        /// The post.
        post: EntityId,
        /// The other council, and which way.
        secondment: Secondment,
    },
    /// An event of the timeline.
    Event {
        /// The event.
        event: EventId,
    },
    /// The council's answer to a question or account of a duty.
    Answer {
        /// The answer.
        answer: AnswerId,
    },
    /// A recorded departure.
    Departure {
        /// The departure.
        departure: DepartureId,
    },
    /// A change of a role's responsibilities: recorded as a `change`, or
    /// derived from the facts (a role given to another post, a function
    /// added to the post holding it, a vacancy).
    Change(Change),
}

impl Fact {
    /// The posts, members, bodies and services, and the events of the
    /// timeline, that the fact is about: what of the arrangements it rests
    /// on.
    pub fn rests_on(&self) -> (Vec<EntityId>, Vec<EventId>) {
        match self {
            Fact::Holds { entity, .. }
            | Fact::Functions { entity, .. }
            | Fact::BodyKind { entity, .. }
            | Fact::Attribute { entity, .. }
            | Fact::Life { entity } => (vec![*entity], Vec::new()),
            Fact::Relation { entity, targets, .. } => (
                std::iter::once(*entity).chain(targets.iter().copied()).collect(),
                Vec::new(),
            ),
            Fact::Provider { service: entity, party } | Fact::Employer { post: entity, party } => (
                std::iter::once(*entity).chain(party.organisation()).collect(),
                Vec::new(),
            ),
            Fact::Secondment { post, secondment } => (vec![*post, secondment.council], Vec::new()),
            Fact::Event { event } => (Vec::new(), vec![*event]),
            Fact::Change(change) => (Vec::new(), change.event.into_iter().collect()),
            Fact::NoBodyOfKind { .. } | Fact::Governance { .. } | Fact::Answer { .. } | Fact::Departure { .. } => {
                (Vec::new(), Vec::new())
            }
        }
    }
}

/// A fact the verdict consulted, with the line that states it, the
/// council's source for it, and when it held.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FactUse {
    /// The fact.
    pub fact: Fact,
    /// Where the arrangement states it, and where the council's paper does.
    pub origin: FactOrigin,
    /// The period over which it held (within its entity's life).
    pub during: Period,
    /// How it is known (stated, inferred, possibly).
    pub basis: Basis,
}

/// A change of the responsibilities of a role's holder.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    /// The role whose responsibilities changed.
    pub role: RoleId,
    /// When: the instant it came at.
    pub at: InstantId,
    /// What changed.
    pub details: Vec<ChangeDetail>,
    /// The event that records it: the `change` itself, or the appointment,
    /// designation or vacancy at the same date.
    pub event: Option<EventId>,
    /// Whether it gave the role's holder a role or function beyond the
    /// role's remit that no holder had before: an extension of the role.
    pub extension: bool,
}

/// One difference between the state before a change and after it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ChangeDetail {
    /// A `change` item records it, in its own words.
    Recorded,
    /// The post or member is first seen in the papers already holding the
    /// role with others beyond its remit: it was extended at a date they
    /// do not give.
    FirstSeenCombined {
        /// The post or member.
        entity: EntityId,
    },
    /// The role moved: these held it before, those after (none after is a
    /// vacancy; none before, the role filled).
    Holders {
        /// Who held it before.
        before: Vec<EntityId>,
        /// Who held it after.
        after: Vec<EntityId>,
    },
    /// The holder took on another role.
    RoleAdded {
        /// The holder.
        entity: EntityId,
        /// The role.
        role: RoleId,
    },
    /// The holder gave up a role.
    RoleRemoved {
        /// The holder.
        entity: EntityId,
        /// The role.
        role: RoleId,
    },
    /// The holder became responsible for a function.
    FunctionAdded {
        /// The holder.
        entity: EntityId,
        /// The function.
        function: FunctionId,
    },
    /// The holder stopped being responsible for a function.
    FunctionRemoved {
        /// The holder.
        entity: EntityId,
        /// The function.
        function: FunctionId,
    },
    /// An attribute that marks a change (such as holding the post on an
    /// interim basis) changed on the holder.
    AttributeChanged {
        /// The holder.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
        /// Its value before, if stated.
        before: Option<TypedValue>,
        /// Its value after, if stated.
        after: Option<TypedValue>,
    },
}

/// What calls for an event in an `after each` duty: a change of a role's
/// responsibilities, or an event of the trigger's kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cause {
    /// A change of a role's responsibilities.
    Change(Change),
    /// An event of the trigger's kind.
    Event(EventId),
}
