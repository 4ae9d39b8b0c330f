//! What evaluation observed of the facts it consulted: the parts a reason
//! is made of (who holds a role, how many entities satisfy a clause, where
//! a relation leads, whether an event followed the one that called for
//! it).

use super::Cause;
use crate::date::Day;
use crate::model::Secondment;
use crate::model::{
    AttributeId, BodyKindId, DutyId, EntityId, EntityKind, EventId, EventKind, FunctionId, Governance, LawId,
    RelationId, RoleId, Target, Trigger, TypedValue,
};

/// The place in a duty whose predicate a count was about: its rule or one
/// of its conditions. The words come from the policy, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Clause {
    /// The duty's rule.
    Rule(DutyId),
    /// A condition of the duty, by its place in [`crate::model::Duty::conditions`].
    Condition(DutyId, usize),
    /// A condition of a law, by its place in [`crate::model::Law::conditions`]:
    /// when the law settles what it settles.
    LawCondition(LawId, usize),
}

/// What evaluation observed of the facts: the parts a reason is made of.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Observation {
    /// No post or member is recorded as holding the role.
    NoHolder {
        /// The role.
        role: RoleId,
    },
    /// The arrangements declare no entity of the kind at all.
    NoneDeclared {
        /// The kind.
        kind: EntityKind,
    },
    /// No entity of the kind (holding the role) is recorded.
    NoneRecorded {
        /// The kind.
        kind: EntityKind,
        /// Only those holding this role.
        holding: Option<RoleId>,
    },
    /// How many entities of a kind satisfy a clause.
    Count {
        /// The kind counted.
        kind: EntityKind,
        /// Only those holding this role.
        holding: Option<RoleId>,
        /// The predicate counted.
        clause: Clause,
        /// Whether its negation was counted.
        negated: bool,
        /// Those that satisfy it.
        satisfying: Vec<EntityId>,
        /// Those for which the arrangements do not say.
        undetermined: Vec<EntityId>,
    },
    /// The entity holds the role.
    Holds {
        /// The entity.
        entity: EntityId,
        /// The role.
        role: RoleId,
    },
    /// The entity does not hold the role.
    DoesNotHold {
        /// The entity.
        entity: EntityId,
        /// The role.
        role: RoleId,
    },
    /// The entity is responsible for these functions (among others, or
    /// all of them listed).
    ResponsibleFor {
        /// The entity.
        entity: EntityId,
        /// The functions listed.
        functions: Vec<FunctionId>,
    },
    /// The entity is responsible only for these functions.
    ResponsibleOnlyFor {
        /// The entity.
        entity: EntityId,
        /// The functions.
        functions: Vec<FunctionId>,
    },
    /// The entity is responsible for these functions and for others the
    /// list does not name.
    ResponsibleForMore {
        /// The entity.
        entity: EntityId,
        /// The functions listed.
        functions: Vec<FunctionId>,
    },
    /// The entity is also responsible for these functions, beyond those
    /// the duty allows.
    AlsoResponsibleFor {
        /// The entity.
        entity: EntityId,
        /// The functions beyond.
        functions: Vec<FunctionId>,
    },
    /// The entity is not responsible for these functions.
    NotResponsibleFor {
        /// The entity.
        entity: EntityId,
        /// The functions it lacks.
        functions: Vec<FunctionId>,
    },
    /// The body is of the kind.
    IsKind {
        /// The body.
        entity: EntityId,
        /// Its kind.
        kind: BodyKindId,
    },
    /// The body is of another kind than the one asked for.
    IsOtherKind {
        /// The body.
        entity: EntityId,
        /// Its kind.
        kind: BodyKindId,
        /// The kind asked for.
        wanted: BodyKindId,
    },
    /// A yes/no attribute is stated.
    AttributeIs {
        /// The entity.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
        /// Its value.
        value: bool,
    },
    /// An attribute is not stated, and the law settles it for a role the
    /// entity holds.
    AttributeByLaw {
        /// The entity.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
        /// The value the law gives.
        value: TypedValue,
        /// The law.
        law: LawId,
    },
    /// A relation to a kind of body the law had ended by the date, which
    /// no line of the entity names: no body of the kind exists to lead to.
    RelatedToEndedKind {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// The kind of body the law ended.
        kind: BodyKindId,
    },
    /// A relation the entity does not state, which the law settles for
    /// every holder of a role it holds (under the conditions the law
    /// names, which the facts meet): the Lead Member of a leader and
    /// cabinet executive answers to the executive leader who appointed
    /// them.
    RelatedByLaw {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// Where the law says it leads.
        target: Target,
        /// The law.
        law: LawId,
    },
    /// The council operates a governance model (compared with the one a
    /// condition names).
    Governs {
        /// The model it operates.
        model: Governance,
        /// The model asked about.
        asked: Governance,
    },
    /// Whether the council is considering adopting a governance model: it
    /// names the model under consideration, or states its own model and
    /// names none.
    Considers {
        /// The model asked about.
        asked: Governance,
        /// Whether it is considering it.
        considering: bool,
    },
    /// An attribute is not stated, and the post's officer is seconded
    /// from another council as at the date: the value the guidance gives
    /// a seconded post (`when_seconded`) is taken.
    AttributeBySecondment {
        /// The post.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
        /// The value taken.
        value: TypedValue,
        /// The other council, and which way.
        secondment: Secondment,
    },
    /// An attribute is not stated, so its declared default is taken.
    AttributeDefault {
        /// The entity.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
        /// The default taken.
        value: TypedValue,
    },
    /// An attribute's stated value, compared.
    AttributeValue {
        /// The entity.
        entity: EntityId,
        /// The attribute.
        attribute: AttributeId,
        /// Its value.
        value: TypedValue,
    },
    /// A relation leads to entities holding the role asked for.
    RelatedToHolder {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// The targets that hold the role.
        targets: Vec<EntityId>,
        /// The role.
        role: RoleId,
    },
    /// An entity is itself the only holder of the role a line of
    /// accountability must lead to, so the line cannot.
    HoldsTheTargetItself {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// The role.
        role: RoleId,
    },
    /// A relation leads only to entities not holding the role asked for.
    RelatedToNoHolder {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// Every target.
        targets: Vec<EntityId>,
        /// The role.
        role: RoleId,
    },
    /// A relation leads to bodies of the kind asked for.
    RelatedToKind {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// The targets of the kind.
        targets: Vec<EntityId>,
        /// The kind.
        kind: BodyKindId,
    },
    /// A relation leads to no body of the kind asked for.
    RelatedToNoKind {
        /// The entity.
        entity: EntityId,
        /// The relation.
        relation: RelationId,
        /// Every target.
        targets: Vec<EntityId>,
        /// The kind.
        kind: BodyKindId,
        /// Whether the council states it has no body of the kind (else the
        /// list of targets is complete).
        denied: bool,
    },
    /// No event of a kind (or no extension of a role) is recorded up to a
    /// date.
    NoEvent {
        /// The kind of event, or extension.
        event: Trigger,
        /// Only events concerning a holder of this role.
        of: Option<RoleId>,
        /// Up to when.
        up_to: Day,
    },
    /// An event follows the one that called for it.
    Follows {
        /// The event that follows.
        follower: EventId,
        /// What called for it.
        cause: Cause,
    },
    /// The event an earlier one calls for is not yet due.
    NotYetDue {
        /// The kind of event called for.
        expected: EventKind,
        /// What calls for it.
        cause: Cause,
        /// When it is due.
        due: Day,
    },
    /// A review that names what calls for it is planned or under way, and
    /// not yet due.
    UnderWay {
        /// The review.
        review: EventId,
        /// What calls for it.
        cause: Cause,
        /// When it is due, if the papers say.
        due: Option<Day>,
    },
    /// No event followed the one that called for it (in time).
    NotFollowed {
        /// The kind of event called for.
        expected: EventKind,
        /// What called for it.
        cause: Cause,
        /// When it was due, if a deadline applies.
        deadline: Option<Day>,
        /// Events of the kind that came later than the deadline.
        late: Vec<EventId>,
        /// Reviews after it that reached no conclusion (deferred, noted).
        inconclusive: Vec<EventId>,
    },
    /// A concluded review came before what calls for it (the guidance's
    /// "before allocating").
    Precedes {
        /// The review.
        review: EventId,
        /// What called for it.
        cause: Cause,
        /// It names the cause and is dated on its day: read as before it.
        same_day: bool,
    },
    /// No concluded review came before what called for it.
    NotPreceded {
        /// The kind of event called for.
        expected: EventKind,
        /// What called for it.
        cause: Cause,
        /// Events of the kind that name it and did not come before it.
        later: Vec<EventId>,
        /// Reviews before it that reached no conclusion (deferred, noted).
        inconclusive: Vec<EventId>,
    },
    /// The latest event of a recurring kind is recent enough.
    Recent {
        /// The latest event.
        latest: EventId,
        /// The period, in months.
        months: u32,
        /// The date evaluated as at.
        as_at: Day,
    },
    /// The latest event of a recurring kind is too old.
    Overdue {
        /// The latest event.
        latest: EventId,
        /// The period, in months.
        months: u32,
        /// The date evaluated as at.
        as_at: Day,
        /// When the next was due.
        due: Day,
    },
}

impl Observation {
    /// Whether the law settles what was observed, whatever the council's
    /// papers say or have stopped saying: an attribute the law gives every
    /// holder of a role. Everything else was observed of the council's
    /// facts.
    pub fn by_law(&self) -> bool {
        match self {
            // An attribute the law gives every holder of a role, and a
            // kind of body the law ended, hold whatever the papers say.
            Observation::AttributeByLaw { .. } | Observation::RelatedToEndedKind { .. } => true,
            // The law settles this line only under conditions the council's
            // facts meet (its form of executive), which may have changed.
            Observation::RelatedByLaw { .. } => false,
            Observation::NoHolder { .. }
            | Observation::NoneDeclared { .. }
            | Observation::NoneRecorded { .. }
            | Observation::Count { .. }
            | Observation::Holds { .. }
            | Observation::DoesNotHold { .. }
            | Observation::ResponsibleFor { .. }
            | Observation::ResponsibleOnlyFor { .. }
            | Observation::ResponsibleForMore { .. }
            | Observation::AlsoResponsibleFor { .. }
            | Observation::NotResponsibleFor { .. }
            | Observation::IsKind { .. }
            | Observation::IsOtherKind { .. }
            | Observation::AttributeIs { .. }
            | Observation::Governs { .. }
            | Observation::Considers { .. }
            | Observation::AttributeDefault { .. }
            | Observation::AttributeBySecondment { .. }
            | Observation::AttributeValue { .. }
            | Observation::RelatedToHolder { .. }
            | Observation::HoldsTheTargetItself { .. }
            | Observation::RelatedToNoHolder { .. }
            | Observation::RelatedToKind { .. }
            | Observation::RelatedToNoKind { .. }
            | Observation::NoEvent { .. }
            | Observation::Follows { .. }
            | Observation::NotYetDue { .. }
            | Observation::UnderWay { .. }
            | Observation::NotFollowed { .. }
            | Observation::Precedes { .. }
            | Observation::NotPreceded { .. }
            | Observation::Recent { .. }
            | Observation::Overdue { .. } => false,
        }
    }
}
