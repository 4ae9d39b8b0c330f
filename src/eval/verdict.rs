//! What evaluation produces: one verdict per duty, as data. A verdict says
//! what it decided and why in typed values (the facts it consulted, what it
//! observed of them, the facts it lacked, the reason); the sentences people
//! read are written from these in one place, [`crate::words`].

use crate::date::{Day, PartialDate, Period, Uncertainty};
use crate::model::{
    AnswerId, AttributeId, Basis, BodyKindId, DepartureId, DutyId, EditionId, EntityId, EntityKind, EventId, EventKind,
    FactOrigin, FunctionId, Governance, LawId, ParagraphId, RelationId, RoleId, Target, Trigger, TypedValue,
};

/// Gives a typed enum the names its kinds are written by, in JSON and in
/// tests, from one list: the match is exhaustive, so the list cannot miss
/// a kind.
macro_rules! kind_names {
    ($kind:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $kind {
            /// The name of every kind, in declaration order.
            pub const KIND_NAMES: &'static [&'static str] = &[$($name),*];

            /// The name of this one's kind (`snake_case`).
            pub fn kind_name(&self) -> &'static str {
                match self {
                    $($kind::$variant { .. } => $name,)*
                }
            }
        }
    };
}

/// Gives the verdicts their names and their order from one list: the
/// order of [`VerdictKind::ALL`] is the order written (what needs action
/// first), and the match in `name` is exhaustive, so the list cannot miss
/// a verdict.
macro_rules! verdict_names {
    ($kind:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $kind {
            /// Every verdict, in the order reports list them: what needs
            /// action first.
            pub const ALL: [$kind; [$($name),*].len()] = [$($kind::$variant),*];

            /// The lower-case name used in JSON and reports.
            pub fn name(self) -> &'static str {
                match self {
                    $($kind::$variant => $name,)*
                }
            }

            /// Reads a name written by [`VerdictKind::name`].
            pub fn from_name(name: &str) -> Option<$kind> {
                match name {
                    $($name => Some($kind::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

/// The nine verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VerdictKind {
    /// A `must` or `must not` is breached.
    Fail,
    /// A `should` is not met and no reasons are recorded.
    Unexplained,
    /// The arrangement does not state the facts the duty needs.
    Unknown,
    /// An assurance question has no answer.
    Missing,
    /// An answer predates a later change of the responsibilities it is
    /// about.
    Stale,
    /// A `should` is not met and the arrangement records reasons.
    Departure,
    /// The duty holds.
    Pass,
    /// An answer exists, for human judgement.
    Answered,
    /// The duty's condition does not hold.
    NotApplicable,
}

verdict_names!(VerdictKind {
    Fail => "fail",
    Unexplained => "unexplained",
    Unknown => "unknown",
    Missing => "missing",
    Stale => "stale",
    Departure => "departure",
    Pass => "pass",
    Answered => "answered",
    NotApplicable => "not_applicable",
});

impl VerdictKind {
    /// Whether the council must act on it.
    pub fn needs_action(self) -> bool {
        match self {
            VerdictKind::Fail
            | VerdictKind::Unexplained
            | VerdictKind::Unknown
            | VerdictKind::Missing
            | VerdictKind::Stale => true,
            VerdictKind::Pass | VerdictKind::Departure | VerdictKind::NotApplicable | VerdictKind::Answered => false,
        }
    }

    /// Whether it is a breach of the law.
    pub fn is_breach(self) -> bool {
        self == VerdictKind::Fail
    }

    /// Whether the chart flags the reporting lines such a verdict
    /// consulted: the arrangement departs from a duty (breached, not met
    /// without reasons, or departed from with reasons).
    pub fn flags_lines(self) -> bool {
        match self {
            VerdictKind::Fail | VerdictKind::Unexplained | VerdictKind::Departure => true,
            VerdictKind::Unknown
            | VerdictKind::Missing
            | VerdictKind::Stale
            | VerdictKind::Pass
            | VerdictKind::Answered
            | VerdictKind::NotApplicable => false,
        }
    }

    /// Where it comes in [`VerdictKind::ALL`]: the most serious first.
    pub fn rank(self) -> usize {
        VerdictKind::ALL
            .iter()
            .position(|kind| *kind == self)
            .unwrap_or(VerdictKind::ALL.len())
    }
}

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
    /// When, if known.
    pub date: Option<PartialDate>,
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

/// The place in a duty whose predicate a count was about: its rule or one
/// of its conditions. The words come from the policy, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Clause {
    /// The duty's rule.
    Rule(DutyId),
    /// A condition of the duty, by its place in [`crate::model::Duty::conditions`].
    Condition(DutyId, usize),
}

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

/// What calls for an event in an `after each` duty: a change of a role's
/// responsibilities, or an event of the trigger's kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cause {
    /// A change of a role's responsibilities.
    Change(Change),
    /// An event of the trigger's kind.
    Event(EventId),
}

/// A remark that matters to how a verdict was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// The law ended every body of a kind a duty mentions before the
    /// as-at date.
    KindEnded {
        /// The kind.
        kind: BodyKindId,
    },
    /// Two partial dates overlap as periods, so a comparison is undecided.
    DatesOverlap {
        /// The stated date.
        first: PartialDate,
        /// The date compared with.
        second: PartialDate,
    },
    /// Two events' dates overlap, so which came first cannot be told.
    EventOrderUnclear {
        /// What must come first.
        earlier: Cause,
        /// The event that must follow it.
        later: EventId,
    },
    /// An answer and a change are dated to overlapping periods.
    AnswerChangeOverlap {
        /// The answer.
        answer: AnswerId,
        /// The change.
        change: Change,
    },
    /// Whether the duty applies turns on a condition the arrangements do
    /// not settle, but what it asks is met, so it is met either way.
    MetWhetherOrNotItApplies {
        /// What the condition needs to be told.
        missing: Vec<Missing>,
    },
    /// A recurring event is dated only partially, and the as-at date falls
    /// in the window when the next was due.
    DueDateUnclear {
        /// The latest event.
        event: EventId,
        /// The earliest day the next could be due.
        earliest: Day,
        /// The latest day the next could be due.
        latest: Day,
        /// The date evaluated as at.
        as_at: Day,
    },
}

/// Why a verdict is what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A condition of the duty excludes it.
    ConditionNotMet {
        /// The condition, by its place in the duty.
        condition: usize,
        /// What was observed of it.
        observed: Vec<Observation>,
    },
    /// Whether a condition holds cannot be told; the verdict's missing
    /// facts say why.
    ConditionUnknown,
    /// A timeline duty has nothing to apply to.
    NothingToApplyTo {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A permission is used.
    PermissionUsed {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A permission is not used.
    PermissionNotUsed {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A permission is not shown to be used: the arrangements do not state
    /// these facts. A permission needs no action, so they are not the
    /// verdict's missing facts.
    PermissionNotShown {
        /// What is not stated.
        unstated: Vec<Missing>,
    },
    /// The duty is met.
    Met {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A `must` or `must not` is breached.
    Breached {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A `should` is not met, and a departure with reasons is recorded.
    Departed {
        /// The departure.
        departure: DepartureId,
        /// Whether the date it was to be reviewed by has passed.
        review_passed: bool,
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A `should` is not met, and no departure is recorded.
    Unexplained {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// The duty cannot be decided; the missing facts say why.
    Undecided {
        /// What was observed besides.
        observed: Vec<Observation>,
    },
    /// A question has no answer up to the date.
    NoAnswer {
        /// The date evaluated as at.
        up_to: Day,
    },
    /// The answer predates a later change of the responsibilities it is
    /// about.
    AnswerPredatesChange {
        /// The answer.
        answer: AnswerId,
        /// The latest change after it.
        change: Change,
    },
    /// The answer answered words that have since been replaced (or
    /// repealed) by a later edition or amendment.
    AnswerToReplacedWords {
        /// The answer.
        answer: AnswerId,
        /// The paragraph whose words changed, by its first version.
        paragraph: ParagraphId,
        /// The edition or amendment that changed them.
        edition: EditionId,
    },
    /// The departure's reasons addressed words that have since been
    /// replaced (or repealed).
    DepartureFromReplacedWords {
        /// The departure.
        departure: DepartureId,
        /// The paragraph whose words changed, by its first version.
        paragraph: ParagraphId,
        /// The edition or amendment that changed them.
        edition: EditionId,
    },
    /// Whether the answer came after a change cannot be told from their
    /// dates.
    AnswerOrderUnknown {
        /// The answer.
        answer: AnswerId,
        /// The change.
        change: Change,
    },
    /// The answer is undated, and changes are recorded.
    AnswerUndated {
        /// The answer.
        answer: AnswerId,
    },
    /// The question is answered.
    Answered {
        /// The answer.
        answer: AnswerId,
    },
}

kind_names!(Reason {
    ConditionNotMet => "condition_not_met",
    ConditionUnknown => "condition_unknown",
    NothingToApplyTo => "nothing_to_apply_to",
    PermissionUsed => "permission_used",
    PermissionNotUsed => "permission_not_used",
    PermissionNotShown => "permission_not_shown",
    Met => "met",
    Breached => "breached",
    Departed => "departed",
    Unexplained => "unexplained",
    Undecided => "undecided",
    NoAnswer => "no_answer",
    AnswerPredatesChange => "answer_predates_change",
    AnswerToReplacedWords => "answer_to_replaced_words",
    DepartureFromReplacedWords => "departure_from_replaced_words",
    AnswerOrderUnknown => "answer_order_unknown",
    AnswerUndated => "answer_undated",
    Answered => "answered",
});

impl Reason {
    /// The verdict this reason gives: each reason gives exactly one, so a
    /// verdict's kind is read from its reason and the two cannot disagree.
    pub fn kind(&self) -> VerdictKind {
        match self {
            Reason::Breached { .. } => VerdictKind::Fail,
            Reason::Unexplained { .. } => VerdictKind::Unexplained,
            Reason::ConditionUnknown
            | Reason::Undecided { .. }
            | Reason::AnswerOrderUnknown { .. }
            | Reason::AnswerUndated { .. } => VerdictKind::Unknown,
            Reason::NoAnswer { .. } => VerdictKind::Missing,
            Reason::AnswerPredatesChange { .. }
            | Reason::AnswerToReplacedWords { .. }
            | Reason::DepartureFromReplacedWords { .. } => VerdictKind::Stale,
            Reason::Departed { .. } => VerdictKind::Departure,
            Reason::Met { .. } | Reason::PermissionUsed { .. } => VerdictKind::Pass,
            Reason::Answered { .. } => VerdictKind::Answered,
            Reason::ConditionNotMet { .. }
            | Reason::NothingToApplyTo { .. }
            | Reason::PermissionNotUsed { .. }
            | Reason::PermissionNotShown { .. } => VerdictKind::NotApplicable,
        }
    }
}

/// How a role in the duty was bound to the arrangement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// The role, when the subject was a role.
    pub role: Option<RoleId>,
    /// The post or member bound.
    pub entity: EntityId,
    /// Whether it surely held the role as at the date (else it is one of
    /// the candidates).
    pub certain: bool,
}

/// One duty's verdict against one arrangement as at a date, with what it
/// rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The duty or question.
    pub duty: DutyId,
    /// Why: which also says the verdict ([`Verdict::kind`]).
    pub reason: Reason,
    /// Who the subject bound to.
    pub bindings: Vec<Binding>,
    /// The facts consulted, in the order consulted, without repeats.
    pub facts: Vec<FactUse>,
    /// Facts the duty needs that the arrangement does not state.
    pub missing: Vec<Missing>,
    /// Remarks on how the verdict was reached.
    pub notes: Vec<Note>,
    /// The council's latest answer to the question, or account of how it
    /// discharges the duty, by the as-at date.
    pub answer: Option<AnswerId>,
}

impl Verdict {
    /// The verdict, as its reason gives it.
    pub fn kind(&self) -> VerdictKind {
        self.reason.kind()
    }

    /// The departure the verdict rests on, if it is a departure.
    pub fn departure(&self) -> Option<DepartureId> {
        match &self.reason {
            Reason::Departed { departure, .. } => Some(*departure),
            _ => None,
        }
    }

    /// Whether a relation line the verdict consulted leads from `from` to
    /// `to`: how the chart finds the lines a verdict flags.
    pub fn consulted_line(&self, relation: RelationId, from: EntityId, to: EntityId) -> bool {
        self.facts.iter().any(|used| match &used.fact {
            Fact::Relation {
                entity,
                relation: stated,
                targets,
            } => *stated == relation && *entity == from && targets.contains(&to),
            _ => false,
        })
    }
}

/// Where a recorded departure stands as at the date: for the departures
/// register, decided once here rather than by each report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartureStatus {
    /// The departure.
    pub departure: DepartureId,
    /// Whether the date it was to be reviewed by has passed (every day of
    /// it is before the as-at date); `None` when no date is set.
    pub review_passed: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::VerdictKind;

    #[test]
    fn every_verdict_is_read_back_from_its_name_and_ranked_in_order() {
        for (rank, kind) in VerdictKind::ALL.into_iter().enumerate() {
            assert_eq!(VerdictKind::from_name(kind.name()), Some(kind));
            assert_eq!(kind.rank(), rank);
        }
        assert_eq!(VerdictKind::from_name("passed"), None);
    }
}
