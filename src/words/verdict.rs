//! Sentences about one arrangement's verdicts: facts, what was observed of
//! them, what is missing, remarks and reasons.

use super::{and_list, indefinite, lower_first, period, sentence};
use crate::date::{Period, Uncertainty};
use crate::eval::{Binding, Cause, Change, ChangeDetail, Clause, Fact, Missing, Note, Observation, Reason, Verdict};
use crate::model::{
    Actor, AnswerId, Arrangement, AttributeId, Basis, BodyKindId, ConditionKind, DutyKind, EntityId, EntityKind,
    EventDate, EventId, EvidenceRef, FunctionId, Governance, Policy, RelationId, RoleId, Target, Trigger, TypedValue,
    ValueType,
};

/// Writes about the verdicts of one arrangement under one policy: the
/// names it needs (titles of roles, labels of posts) come from both.
#[derive(Clone, Copy)]
pub struct Wording<'a> {
    policy: &'a Policy,
    arrangement: &'a Arrangement,
}

impl<'a> Wording<'a> {
    /// Words for verdicts of `arrangement` under `policy`.
    pub fn new(policy: &'a Policy, arrangement: &'a Arrangement) -> Wording<'a> {
        Wording { policy, arrangement }
    }

    fn role(&self, role: RoleId) -> String {
        self.policy
            .role(role)
            .map_or_else(|| "a role".to_owned(), |role| role.title.clone())
    }

    fn holder_word(&self, role: RoleId) -> &'static str {
        self.policy.role(role).map_or("post", |role| role.holder.word())
    }

    fn function(&self, function: FunctionId) -> String {
        self.policy
            .functions
            .get(function.index())
            .map_or_else(|| "a function".to_owned(), |term| lower_first(&term.title))
    }

    fn functions(&self, functions: &[FunctionId]) -> String {
        and_list(
            &functions
                .iter()
                .map(|function| self.function(*function))
                .collect::<Vec<_>>(),
        )
    }

    fn body_kind(&self, kind: BodyKindId) -> String {
        self.policy
            .body_kinds
            .get(kind.index())
            .map_or_else(|| "a kind of body".to_owned(), |term| lower_first(&term.title))
    }

    /// The name of a post, member, body or service in sentences: its
    /// title, else its id.
    pub fn label(&self, entity: EntityId) -> String {
        self.arrangement
            .entity(entity)
            .map_or_else(|| "an unknown entity".to_owned(), |entity| entity.label().to_owned())
    }

    fn labels(&self, entities: &[EntityId]) -> String {
        and_list(&entities.iter().map(|entity| self.label(*entity)).collect::<Vec<_>>())
    }

    fn attribute(&self, attribute: AttributeId) -> (String, Option<ValueType>) {
        self.policy.attributes.get(attribute.index()).map_or_else(
            || ("an attribute".to_owned(), None),
            |declared| (declared.title.clone(), Some(declared.value_type)),
        )
    }

    fn relation(&self, relation: RelationId) -> String {
        self.policy
            .relations
            .get(relation.index())
            .map_or_else(|| "is related to".to_owned(), |declared| declared.title.clone())
    }

    /// The kind, key and date of an event, for timeline words.
    fn event(&self, event: EventId) -> (String, String, String) {
        self.arrangement.event(event).map_or_else(
            || ("event".to_owned(), "?".to_owned(), "an unknown date".to_owned()),
            |found| {
                (
                    found.kind.word().to_owned(),
                    found.key.clone(),
                    self.event_date(found.date),
                )
            },
        )
    }

    /// When an event happened, in words: its date, "after `x`", or "an
    /// unknown date".
    pub fn event_date(&self, date: EventDate) -> String {
        let after = date
            .after
            .and_then(|id| self.arrangement.event(id))
            .map(|earlier| format!("after `{}`", earlier.key));
        match (date.on, after) {
            (Some(on), Some(after)) => format!("{on}, {after}"),
            (Some(on), None) => on.to_string(),
            (None, Some(after)) => after,
            (None, None) => "an unknown date".to_owned(),
        }
    }

    /// Who carried out an event.
    pub fn actors(&self, actors: &[Actor]) -> String {
        and_list(
            &actors
                .iter()
                .map(|actor| match actor {
                    Actor::Entity(entity) => self.label(*entity),
                    Actor::Outside(name) => name.clone(),
                })
                .collect::<Vec<_>>(),
        )
    }

    /// One difference a change made.
    fn change_detail(&self, role: RoleId, detail: &ChangeDetail) -> String {
        match detail {
            ChangeDetail::Recorded => "as recorded".to_owned(),
            ChangeDetail::Holders { before, after } => match (before.is_empty(), after.is_empty()) {
                (true, _) => format!("{} holds {}", self.labels(after), self.role(role)),
                (false, true) => format!(
                    "{} falls vacant, held until then by {}",
                    self.role(role),
                    self.labels(before)
                ),
                (false, false) => format!(
                    "{} moves from {} to {}",
                    self.role(role),
                    self.labels(before),
                    self.labels(after)
                ),
            },
            ChangeDetail::RoleAdded { entity, role } => {
                format!("{} also holds {}", self.label(*entity), self.role(*role))
            }
            ChangeDetail::RoleRemoved { entity, role } => {
                format!("{} no longer holds {}", self.label(*entity), self.role(*role))
            }
            ChangeDetail::FunctionAdded { entity, function } => {
                format!(
                    "{} becomes responsible for {}",
                    self.label(*entity),
                    self.function(*function)
                )
            }
            ChangeDetail::FunctionRemoved { entity, function } => {
                format!(
                    "{} is no longer responsible for {}",
                    self.label(*entity),
                    self.function(*function)
                )
            }
            ChangeDetail::AttributeChanged {
                entity,
                attribute,
                after,
                ..
            } => match after {
                Some(value) => self.attribute_statement(*entity, *attribute, value),
                None => format!(
                    "the {} of {} is no longer stated",
                    self.attribute(*attribute).0,
                    self.label(*entity)
                ),
            },
        }
    }

    /// A change, named: "the change `service_review_2016`", "the
    /// designation `interim_dcs`", "the change of 2019-01".
    fn change_named(&self, change: &Change) -> String {
        match change.event.and_then(|id| self.arrangement.event(id)) {
            Some(event) => format!("the {} `{}`", event.kind.word(), event.key),
            None => match change.date {
                Some(date) => format!("the change of {date}"),
                None => "a change at an unknown date".to_owned(),
            },
        }
    }

    /// What a change did, in brackets after its name ("" for a recorded
    /// change with no description).
    fn change_what(&self, change: &Change) -> String {
        let recorded = change
            .event
            .and_then(|id| self.arrangement.event(id))
            .and_then(|event| event.what.clone());
        let derived: Vec<String> = change
            .details
            .iter()
            .filter(|detail| !matches!(detail, ChangeDetail::Recorded))
            .map(|detail| self.change_detail(change.role, detail))
            .collect();
        match (recorded, derived.is_empty()) {
            (_, false) => format!(" ({})", and_list(&derived)),
            (Some(what), true) => format!(" ({what})"),
            (None, true) => String::new(),
        }
    }

    /// A change with its date: "the change `service_review_2016` (2016-10)",
    /// "the change of 2019-01 (…)".
    fn change_dated(&self, change: &Change) -> String {
        let date = change
            .date
            .map_or_else(|| "an unknown date".to_owned(), |date| date.to_string());
        match change.event {
            Some(_) => {
                let what = change
                    .details
                    .iter()
                    .filter(|detail| !matches!(detail, ChangeDetail::Recorded))
                    .map(|detail| self.change_detail(change.role, detail))
                    .collect::<Vec<_>>();
                if what.is_empty() {
                    format!("{} ({date})", self.change_named(change))
                } else {
                    format!("{} ({date}: {})", self.change_named(change), and_list(&what))
                }
            }
            None => format!("{}{}", self.change_named(change), self.change_what(change)),
        }
    }

    /// What calls for an event, named without its date.
    fn cause_named(&self, cause: &Cause) -> String {
        match cause {
            Cause::Change(change) => self.change_named(change),
            Cause::Event(event) => {
                let (kind, key, _) = self.event(*event);
                format!("the {kind} `{key}`")
            }
        }
    }

    /// What calls for an event, with its date.
    fn cause_dated(&self, cause: &Cause) -> String {
        match cause {
            Cause::Change(change) => self.change_dated(change),
            Cause::Event(event) => {
                let (kind, key, date) = self.event(*event);
                format!("the {kind} `{key}` ({date})")
            }
        }
    }

    /// Why whether a fact held as at the date cannot be told.
    fn uncertainty(why: Uncertainty) -> String {
        match why {
            Uncertainty::Began(date) => format!("it began in {date}, known only to that period"),
            Uncertainty::Stopped(date) => format!("it stopped in {date}, known only to that period"),
            Uncertainty::UnknownDate => "one end of its period is at an unknown date".to_owned(),
            Uncertainty::Possibly => "the paper says only that it possibly held".to_owned(),
        }
    }

    /// The period over which a fact held, and how it is known, to follow
    /// its statement: "from 2019-01", "inferred". None for a fact stated to
    /// hold throughout.
    pub fn period_and_basis(&self, during: Period, basis: Basis) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(from) = during.from {
            parts.push(format!("from {from}"));
        }
        if let Some(until) = during.until {
            parts.push(format!("until {until}"));
        }
        match basis {
            Basis::Stated => {}
            Basis::Inferred => parts.push("inferred".to_owned()),
            Basis::Possibly => parts.push("possibly".to_owned()),
        }
        parts
    }

    fn answer_given(&self, answer: AnswerId) -> String {
        self.arrangement
            .answer(answer)
            .and_then(|answer| answer.given)
            .map_or_else(|| "an unknown date".to_owned(), |given| given.to_string())
    }

    /// The noun for counted entities: "post", "member holding Lead Member
    /// for Children's Services".
    fn noun(&self, kind: EntityKind, holding: Option<RoleId>) -> String {
        match holding {
            Some(role) => format!("{} holding {}", kind.word(), self.role(role)),
            None => kind.word().to_owned(),
        }
    }

    fn plural(kind: EntityKind) -> String {
        match kind {
            EntityKind::Body => "bodies".to_owned(),
            EntityKind::Post | EntityKind::Member | EntityKind::Service => format!("{}s", kind.word()),
        }
    }

    /// The predicate a count was about, as written, in backticks.
    fn clause(&self, clause: Clause, negated: bool) -> String {
        let text = match clause {
            Clause::Rule(duty) => self.policy.duty(duty).and_then(|duty| match &duty.kind {
                DutyKind::Rule { predicate_text, .. } => Some(predicate_text.as_str()),
                DutyKind::Question { .. } => None,
            }),
            Clause::Condition(duty, index) => self
                .policy
                .duty(duty)
                .and_then(|duty| duty.conditions.get(index))
                .map(|condition| condition.text.as_str()),
        }
        .unwrap_or("the condition");
        if negated {
            format!("not `{text}`")
        } else {
            format!("`{text}`")
        }
    }

    /// "X is politically restricted" / "X is not politically restricted"
    /// for yes/no attributes; "the officer tier of X is 1" for others.
    fn attribute_statement(&self, entity: EntityId, attribute: AttributeId, value: &TypedValue) -> String {
        let (title, _) = self.attribute(attribute);
        let label = self.label(entity);
        match value {
            TypedValue::Bool(true) => format!("{label} is {title}"),
            TypedValue::Bool(false) => format!("{label} is not {title}"),
            TypedValue::Int(_) | TypedValue::Text(_) | TypedValue::Date(_) => {
                format!("the {title} of {label} is {value}")
            }
        }
    }

    /// What a fact states.
    pub fn fact(&self, fact: &Fact) -> String {
        match fact {
            Fact::Holds { entity, role } => format!("{} holds {}", self.label(*entity), self.role(*role)),
            Fact::Functions { entity, functions } => {
                format!(
                    "{} is responsible for {}",
                    self.label(*entity),
                    self.functions(functions)
                )
            }
            Fact::BodyKind { entity, kind } => {
                format!("{} is {}", self.label(*entity), indefinite(&self.body_kind(*kind)))
            }
            Fact::Attribute {
                entity,
                attribute,
                value,
            } => self.attribute_statement(*entity, *attribute, value),
            Fact::Relation {
                entity,
                relation,
                targets,
            } => self.relation_statement(*entity, *relation, targets),
            Fact::NoBodyOfKind { kind } => format!("the council has no {}", self.body_kind(*kind)),
            Fact::Governance {
                model,
                considering: false,
            } => format!(
                "{} operates {}",
                self.arrangement.council_name(),
                governance_words(*model)
            ),
            Fact::Governance {
                model,
                considering: true,
            } => format!(
                "{} is considering adopting {}",
                self.arrangement.council_name(),
                governance_words(*model)
            ),
            Fact::Event { event } => {
                let Some(found) = self.arrangement.event(*event) else {
                    return "an event".to_owned();
                };
                let mut statement = format!(
                    "{} `{}` on {}",
                    found.kind.word(),
                    found.key,
                    self.event_date(found.date)
                );
                if let Some(outcome) = found.outcome {
                    statement.push_str(&format!(", {}", outcome_words(outcome)));
                    if found.outcome_basis == Basis::Inferred {
                        statement.push_str(" (inferred)");
                    }
                }
                if let Some(what) = found.what.as_ref().or(found.record.as_ref()) {
                    statement.push_str(&format!(": {what}"));
                }
                statement
            }
            Fact::Answer { answer } => match self.arrangement.answer(*answer).and_then(|answer| answer.given) {
                Some(given) => format!("answered on {given}"),
                None => "answered (undated)".to_owned(),
            },
            Fact::Departure { departure } => match self.arrangement.departure(*departure) {
                Some(departure) => format!("departure recorded: {}", departure.reasons),
                None => "departure recorded".to_owned(),
            },
            Fact::Change(change) => {
                let date = change
                    .date
                    .map_or_else(|| "an unknown date".to_owned(), |date| date.to_string());
                let what: Vec<String> = change
                    .details
                    .iter()
                    .map(|detail| self.change_detail(change.role, detail))
                    .collect();
                match change.event.and_then(|id| self.arrangement.event(id)) {
                    Some(event) if what == ["as recorded"] => format!(
                        "change `{}` on {}{}",
                        event.key,
                        self.event_date(event.date),
                        event
                            .what
                            .as_deref()
                            .map(|what| format!(": {what}"))
                            .unwrap_or_default()
                    ),
                    Some(event) => format!(
                        "{} `{}` on {}: {}",
                        event.kind.word(),
                        event.key,
                        self.event_date(event.date),
                        and_list(&what)
                    ),
                    None => format!("on {date}, {}", and_list(&what)),
                }
            }
        }
    }

    /// Where the council's paper states a fact: "per DOCUMENT, PLACE".
    pub fn evidence(&self, evidence: &EvidenceRef) -> Option<String> {
        let document = self.arrangement.document(evidence.document)?;
        Some(match &evidence.location {
            Some(location) => format!("per {}, {location}", document.key),
            None => format!("per {}", document.key),
        })
    }

    fn relation_statement(&self, entity: EntityId, relation: RelationId, targets: &[EntityId]) -> String {
        let label = self.label(entity);
        let title = self.relation(relation);
        if targets.is_empty() {
            format!("{label} {title} nothing")
        } else {
            format!("{label} {title} {}", self.labels(targets))
        }
    }

    /// How a role was bound: "DCS is Executive Director, People".
    pub fn binding(&self, binding: &Binding) -> Option<String> {
        let entity = self.arrangement.entity(binding.entity)?;
        let possibly = if binding.certain { "" } else { "possibly " };
        Some(match binding.role.and_then(|role| self.policy.role(role)) {
            Some(role) => format!("{} is {possibly}{}", role.key, entity.label()),
            None => format!("{possibly}{}", entity.label()),
        })
    }

    /// What the arrangements do not state.
    pub fn missing(&self, missing: &Missing) -> String {
        match missing {
            Missing::Holder { role } => format!("a {} holding {}", self.holder_word(*role), self.role(*role)),
            Missing::EntitiesOfKind { kind } => format!("the council's {}", Self::plural(*kind)),
            Missing::AnyOfKind { kind, holding } => format!("any {}", self.noun(*kind, *holding)),
            Missing::CompleteList {
                kind,
                holding,
                clause,
                negated,
                listed,
            } => {
                let listed = match listed {
                    1 => format!("the one {} listed does not", kind.word()),
                    n => format!("none of the {n} {} listed does", Self::plural(*kind)),
                };
                format!(
                    "whether the council has a {} that satisfies {}: {listed}, and the list is not declared complete",
                    self.noun(*kind, *holding),
                    self.clause(*clause, *negated)
                )
            }
            Missing::Subject => "a post or member to say this of".to_owned(),
            Missing::Governance => "the governance model the council operates".to_owned(),
            Missing::Functions { entity } => format!("the functions {} is responsible for", self.label(*entity)),
            Missing::FunctionsBeyond { entity, listed } => format!(
                "whether {} has functions beyond {}",
                self.label(*entity),
                self.functions(listed)
            ),
            Missing::BodyKind { entities } => format!("what kind of body {} is", self.labels(entities)),
            Missing::Attribute { entity, attribute } => match self.attribute(*attribute) {
                (title, Some(ValueType::Bool)) => format!("whether {} is {title}", self.label(*entity)),
                (title, _) => format!("the {title} of {}", self.label(*entity)),
            },
            Missing::ExactAttribute { entity, attribute } => {
                format!("the exact {} of {}", self.attribute(*attribute).0, self.label(*entity))
            }
            Missing::Relation { entity, relation } => {
                format!("what {} {}", self.label(*entity), self.relation(*relation))
            }
            Missing::CompleteRelation {
                entity,
                relation,
                target,
                listed,
            } => {
                let label = self.label(*entity);
                let title = self.relation(*relation);
                let targets = self.labels(listed);
                match target {
                    Target::Role(role) => format!(
                        "whether {label} {title} anyone holding {}: the arrangements list {targets}, who does not, and do not say the list is complete",
                        self.role(*role)
                    ),
                    Target::Kind(kind) => format!(
                        "whether {label} {title} {}: the arrangements list {targets}, none of which is one, and do not say the list is complete",
                        indefinite(&self.body_kind(*kind))
                    ),
                }
            }
            Missing::EventOrder { earlier, later } => {
                let (later_kind, later_key, _) = self.event(*later);
                format!(
                    "whether the {later_kind} `{later_key}` came after {}",
                    self.cause_named(earlier)
                )
            }
            Missing::AnswerOrder { answer, change } => format!(
                "whether the answer of {} was given after {}",
                self.answer_given(*answer),
                self.change_named(change)
            ),
            Missing::AnswerDate { .. } => "the date the answer was given".to_owned(),
            Missing::EventDate { event } => {
                let (kind, key, _) = self.event(*event);
                let undated = self
                    .arrangement
                    .event(*event)
                    .is_some_and(|found| found.date.on.is_none());
                if undated {
                    format!("the date of the {kind} `{key}`")
                } else {
                    format!("the exact date of the {kind} `{key}`")
                }
            }
            Missing::Uncertain { fact, why } => format!(
                "whether it held as at the date that {} ({})",
                self.fact(fact),
                Self::uncertainty(*why)
            ),
            Missing::Existed { entity, why } => format!(
                "whether {} existed as at the date ({})",
                self.label(*entity),
                Self::uncertainty(*why)
            ),
            Missing::WhichHolder { role, candidates } => format!(
                "which of {} held {} as at the date",
                self.labels(candidates),
                self.role(*role)
            ),
            Missing::BeyondPapers { event, until, stated } => format!(
                "whether a {} took place after {until}, when the papers stop{}",
                event.word(),
                if *stated {
                    ""
                } else {
                    " (the latest date the arrangements mention; `known_until` sets it)"
                }
            ),
            Missing::ReviewOutcome { review } => {
                let (_, key, date) = self.event(*review);
                format!("what the review `{key}` ({date}) concluded")
            }
            Missing::ChangeOrder { change, event } => {
                let (kind, key, _) = self.event(*event);
                format!("whether the {kind} `{key}` came after {}", self.change_named(change))
            }
        }
    }

    /// What was observed of the facts, as a clause of a reason.
    pub fn observation(&self, observation: &Observation) -> String {
        match observation {
            Observation::NoHolder { role } => {
                format!(
                    "no {} is recorded as holding {}",
                    self.holder_word(*role),
                    self.role(*role)
                )
            }
            Observation::NoneDeclared { kind } => {
                format!("the arrangements declare no {} at all", Self::plural(*kind))
            }
            Observation::NoneRecorded { kind, holding } => format!("no {} is recorded", self.noun(*kind, *holding)),
            Observation::Count {
                kind,
                holding,
                clause,
                negated,
                satisfying,
                undetermined,
            } => {
                let noun = self.noun(*kind, *holding);
                let condition = self.clause(*clause, *negated);
                let mut summary = match satisfying.len() {
                    0 => format!("no {noun} satisfies {condition}"),
                    1 => format!("one {noun} satisfies {condition}: {}", self.labels(satisfying)),
                    count => format!("{count} {noun}s satisfy {condition}: {}", self.labels(satisfying)),
                };
                if !undetermined.is_empty() {
                    summary.push_str(&format!(
                        "; for {} the arrangements do not say",
                        self.labels(undetermined)
                    ));
                }
                summary
            }
            Observation::Holds { entity, role } => format!("{} holds {}", self.label(*entity), self.role(*role)),
            Observation::DoesNotHold { entity, role } => {
                format!("{} does not hold {}", self.label(*entity), self.role(*role))
            }
            Observation::ResponsibleFor { entity, functions } => {
                format!(
                    "{} is responsible for {}",
                    self.label(*entity),
                    self.functions(functions)
                )
            }
            Observation::ResponsibleOnlyFor { entity, functions } => {
                format!(
                    "{} is responsible only for {}",
                    self.label(*entity),
                    self.functions(functions)
                )
            }
            Observation::ResponsibleForMore { entity, functions } => format!(
                "{} is responsible for {} and for other functions",
                self.label(*entity),
                self.functions(functions)
            ),
            Observation::AlsoResponsibleFor { entity, functions } => {
                format!(
                    "{} is also responsible for {}",
                    self.label(*entity),
                    self.functions(functions)
                )
            }
            Observation::NotResponsibleFor { entity, functions } => {
                format!(
                    "{} is not responsible for {}",
                    self.label(*entity),
                    self.functions(functions)
                )
            }
            Observation::IsKind { entity, kind } => {
                format!("{} is {}", self.label(*entity), indefinite(&self.body_kind(*kind)))
            }
            Observation::IsOtherKind { entity, kind, wanted } => format!(
                "{} is {}, not {}",
                self.label(*entity),
                indefinite(&self.body_kind(*kind)),
                indefinite(&self.body_kind(*wanted))
            ),
            Observation::AttributeIs {
                entity,
                attribute,
                value,
            } => self.attribute_statement(*entity, *attribute, &TypedValue::Bool(*value)),
            Observation::AttributeDefault {
                entity,
                attribute,
                value,
            } => {
                let basis = self
                    .policy
                    .attributes
                    .get(attribute.index())
                    .and_then(|declared| declared.default_basis.as_deref())
                    .unwrap_or("the guidance's default");
                match value {
                    TypedValue::Bool(_) => format!(
                        "{} (not stated, so taken as {value}: {basis})",
                        self.attribute_statement(*entity, *attribute, value)
                    ),
                    TypedValue::Int(_) | TypedValue::Text(_) | TypedValue::Date(_) => format!(
                        "the {} of {} is not stated, so taken as {value}: {basis}",
                        self.attribute(*attribute).0,
                        self.label(*entity)
                    ),
                }
            }
            Observation::AttributeByLaw {
                entity,
                attribute,
                value,
                law,
            } => {
                let (role, statute) = self
                    .policy
                    .laws
                    .get(law.index())
                    .map_or((String::new(), ""), |law| (self.role(law.role), law.statute.as_str()));
                format!(
                    "{}: the law settles it for every holder of {role} ({statute})",
                    self.attribute_statement(*entity, *attribute, value)
                )
            }
            Observation::Governs { model, asked } if model == asked => {
                format!(
                    "{} operates {}",
                    self.arrangement.council_name(),
                    governance_words(*model)
                )
            }
            Observation::Governs { model, asked } => format!(
                "{} operates {}, not {}",
                self.arrangement.council_name(),
                governance_words(*model),
                governance_words(*asked)
            ),
            Observation::Considers {
                asked,
                considering: true,
            } => format!(
                "{} is considering adopting {}",
                self.arrangement.council_name(),
                governance_words(*asked)
            ),
            Observation::Considers {
                asked,
                considering: false,
            } => format!(
                "{}'s papers state its governance and mention no plan to adopt {}",
                self.arrangement.council_name(),
                governance_words(*asked)
            ),
            Observation::AttributeValue {
                entity,
                attribute,
                value,
            } => format!(
                "the {} of {} is {value}",
                self.attribute(*attribute).0,
                self.label(*entity)
            ),
            Observation::RelatedToHolder {
                entity,
                relation,
                targets,
                role,
            } => format!(
                "{} {} {}, who holds {}",
                self.label(*entity),
                self.relation(*relation),
                self.labels(targets),
                self.role(*role)
            ),
            Observation::RelatedToNoHolder {
                entity,
                relation,
                targets,
                role,
            } => format!(
                "{}, and no one there holds {}",
                self.relation_statement(*entity, *relation, targets),
                self.role(*role)
            ),
            Observation::RelatedToKind {
                entity,
                relation,
                targets,
                kind,
            } => format!(
                "{} {} {}, {}",
                self.label(*entity),
                self.relation(*relation),
                self.labels(targets),
                indefinite(&self.body_kind(*kind))
            ),
            Observation::RelatedToNoKind {
                entity,
                relation,
                targets,
                kind,
                denied,
            } => {
                let statement = self.relation_statement(*entity, *relation, targets);
                if *denied {
                    format!("{statement}; the council has no {}", self.body_kind(*kind))
                } else {
                    format!("{statement}, none of which is {}", indefinite(&self.body_kind(*kind)))
                }
            }
            Observation::NoEvent { event, of, up_to } => {
                let of_words = of
                    .and_then(|role| self.policy.role(role))
                    .map(|role| format!(" of the {}", role.title))
                    .unwrap_or_default();
                let what = match event {
                    Trigger::Event(kind) => kind.word(),
                    Trigger::Extension => "extension",
                };
                format!("no {what}{of_words} is recorded up to {up_to}")
            }
            Observation::Follows { follower, cause } => {
                let (follower_kind, follower_key, follower_date) = self.event(*follower);
                let concluded = self
                    .arrangement
                    .event(*follower)
                    .and_then(|event| event.outcome)
                    .map(|outcome| format!(", {}", outcome_words(outcome)))
                    .unwrap_or_default();
                format!(
                    "the {follower_kind} `{follower_key}` ({follower_date}{concluded}) follows {}",
                    self.cause_dated(cause)
                )
            }
            Observation::NotYetDue { expected, cause, due } => format!(
                "a {} after {} is not due until {due}",
                expected.word(),
                self.cause_dated(cause)
            ),
            Observation::NotFollowed {
                expected,
                cause,
                deadline,
                late,
                inconclusive,
            } => {
                let mut said = match deadline {
                    Some(deadline) if !late.is_empty() => {
                        let late: Vec<String> = late
                            .iter()
                            .map(|event| {
                                let (_, key, date) = self.event(*event);
                                format!("`{key}` ({date})")
                            })
                            .collect();
                        format!(
                            "no {} followed {} by {deadline}; the next was {}",
                            expected.word(),
                            self.cause_dated(cause),
                            and_list(&late)
                        )
                    }
                    _ => format!("no {} is recorded after {}", expected.word(), self.cause_dated(cause)),
                };
                if !inconclusive.is_empty() {
                    let inconclusive: Vec<String> = inconclusive
                        .iter()
                        .map(|event| {
                            let outcome = self
                                .arrangement
                                .event(*event)
                                .and_then(|found| found.outcome)
                                .map_or("reached no conclusion", outcome_words);
                            format!("`{}` ({outcome})", self.event(*event).1)
                        })
                        .collect();
                    said.push_str(&format!(
                        " that reached a conclusion: {} did not",
                        and_list(&inconclusive)
                    ));
                }
                said
            }
            Observation::Recent { latest, months, as_at } => {
                let (kind, key, date) = self.event(*latest);
                format!(
                    "the latest {kind}, `{key}` ({date}), is within {} of {as_at}",
                    period(*months)
                )
            }
            Observation::Overdue {
                latest,
                months,
                as_at,
                due,
            } => {
                let (kind, key, date) = self.event(*latest);
                format!(
                    "the latest {kind}, `{key}` ({date}), is more than {} before {as_at}: the next was due by {due}",
                    period(*months)
                )
            }
        }
    }

    fn observations(&self, observed: &[Observation]) -> String {
        and_list(
            &observed
                .iter()
                .map(|observation| self.observation(observation))
                .collect::<Vec<_>>(),
        )
    }

    /// A remark on how the verdict was reached, as a sentence.
    pub fn note(&self, note: &Note) -> String {
        match note {
            Note::KindEnded { kind } => {
                let (title, ended) = self
                    .policy
                    .body_kinds
                    .get(kind.index())
                    .map_or(("bodies of this kind", None), |term| {
                        (term.title.as_str(), term.ended.as_ref())
                    });
                match ended {
                    Some(ended) => format!(
                        "No {} exists on or after {}: {}.",
                        lower_first(title),
                        ended.by,
                        ended.law.trim_end_matches('.')
                    ),
                    None => String::new(),
                }
            }
            Note::DatesOverlap { first, second } => format!(
                "{first} and {second} overlap as periods, so the comparison cannot be decided from the dates given."
            ),
            Note::EventOrderUnclear { earlier, later } => {
                let (later_kind, later_key, later_date) = self.event(*later);
                let earlier_date = match earlier {
                    Cause::Change(change) => change
                        .date
                        .map_or_else(|| "an unknown date".to_owned(), |date| date.to_string()),
                    Cause::Event(event) => self.event(*event).2,
                };
                format!(
                    "{} is dated {earlier_date} and the {later_kind} `{later_key}` {later_date}; as periods they overlap, so which came first cannot be told from the dates.",
                    super::capitalise(&self.cause_named(earlier))
                )
            }
            Note::AnswerChangeOverlap { answer, change } => {
                let given = self.arrangement.answer(*answer).and_then(|answer| answer.given);
                let both_partial =
                    given.is_some_and(|date| date.is_partial()) && change.date.is_some_and(|date| date.is_partial());
                let date = change
                    .date
                    .map_or_else(|| "an unknown date".to_owned(), |date| date.to_string());
                format!(
                    "The answer ({}) and {} ({date}) are dated only to the {}, so which came first cannot be told.",
                    self.answer_given(*answer),
                    self.change_named(change),
                    if both_partial { "same period" } else { "period shown" }
                )
            }
            Note::DueDateUnclear {
                event,
                earliest,
                latest,
                as_at,
            } => {
                let (kind, key, date) = self.event(*event);
                format!(
                    "The {kind} `{key}` is dated only to {date}; the next was due between {earliest} and {latest}, and {as_at} falls between."
                )
            }
        }
    }

    /// Every remark on a verdict, as sentences: its notes, then what its
    /// reason implies (a departure whose review date has passed).
    pub fn notes(&self, verdict: &Verdict) -> Vec<String> {
        let mut notes: Vec<String> = verdict.notes.iter().map(|note| self.note(note)).collect();
        if let Reason::Departed {
            departure,
            review_passed: true,
            ..
        } = &verdict.reason
        {
            if let Some(review_by) = self
                .arrangement
                .departure(*departure)
                .and_then(|departure| departure.review_by)
            {
                notes.push(format!(
                    "The departure was to be reviewed by {review_by}, which has passed."
                ));
            }
        }
        notes
    }

    fn missing_list(&self, missing: &[Missing]) -> String {
        and_list(&missing.iter().map(|missing| self.missing(missing)).collect::<Vec<_>>())
    }

    /// The reason for a verdict, in one sentence.
    pub fn reason(&self, verdict: &Verdict) -> String {
        let text = match &verdict.reason {
            Reason::ConditionNotMet { condition, observed } => {
                let condition = self
                    .policy
                    .duty(verdict.duty)
                    .and_then(|duty| duty.conditions.get(*condition));
                let (word, text) = match condition {
                    Some(condition) => (
                        match condition.kind {
                            ConditionKind::When => "applies only when",
                            ConditionKind::Unless => "does not apply when",
                        },
                        strip_keyword(&condition.text),
                    ),
                    None => ("applies only when", "its condition holds"),
                };
                format!(
                    "Does not apply: the duty {word} `{text}`, and {}",
                    self.observations(observed)
                )
            }
            Reason::ConditionUnknown => format!(
                "Cannot tell whether the duty applies: the arrangements do not state {}",
                self.missing_list(&verdict.missing)
            ),
            Reason::NothingToApplyTo { observed } => format!("Does not apply: {}", self.observations(observed)),
            Reason::PermissionUsed { observed } => {
                format!("The permission is used: {}", self.observations(observed))
            }
            Reason::PermissionNotUsed { observed } => {
                format!("The permission is not used: {}", self.observations(observed))
            }
            Reason::PermissionNotShown { unstated } => format!(
                "The permission is not shown to be used: the arrangements do not state {}",
                self.missing_list(unstated)
            ),
            Reason::Met { observed } => format!("Met: {}", self.observations(observed)),
            Reason::Breached { observed } => format!("Breached: {}", self.observations(observed)),
            Reason::Departed {
                departure, observed, ..
            } => {
                let approval = match self.arrangement.departure(*departure) {
                    Some(departure) => match (&departure.approved_by, departure.approved) {
                        (Some(by), Some(on)) => format!(", approved by {by} on {on}"),
                        (Some(by), None) => format!(", approved by {by}"),
                        (None, Some(on)) => format!(", approved on {on}"),
                        (None, None) => String::new(),
                    },
                    None => String::new(),
                };
                format!(
                    "Not met, with a recorded departure{approval} for the reasons given: {}",
                    self.observations(observed)
                )
            }
            Reason::Unexplained { observed } => format!(
                "Not met, and no departure with reasons is recorded: {}",
                self.observations(observed)
            ),
            Reason::Undecided { observed } => {
                let mut reason = format!(
                    "Cannot be decided: the arrangements do not state {}",
                    self.missing_list(&verdict.missing)
                );
                if !observed.is_empty() {
                    reason.push_str(&format!(" ({})", self.observations(observed)));
                }
                reason
            }
            Reason::NoAnswer { up_to } => format!("No answer to this question is recorded up to {up_to}"),
            Reason::AnswerPredatesChange { answer, change } => {
                let date = change.date.map_or_else(|| "an unknown date".to_owned(), |date| date.to_string());
                format!(
                    "The answer given on {} predates {} of {date}{}",
                    self.answer_given(*answer),
                    self.change_named(change),
                    self.change_what(change)
                )
            }
            Reason::AnswerOrderUnknown { answer, change } => {
                let date = change.date.map_or_else(|| "an unknown date".to_owned(), |date| date.to_string());
                format!(
                    "Cannot be decided: whether the answer of {} was given after {} of {date}",
                    self.answer_given(*answer),
                    self.change_named(change)
                )
            }
            Reason::AnswerUndated { .. } => "Cannot be decided: the answer is undated, so whether it predates the recorded changes of responsibilities cannot be told".to_owned(),
            Reason::Answered { answer } => {
                let mut reason = "Answered".to_owned();
                if let Some(answer) = self.arrangement.answer(*answer) {
                    if let Some(by) = &answer.by {
                        reason.push_str(&format!(" by {by}"));
                    }
                    if let Some(given) = answer.given {
                        reason.push_str(&format!(" on {given}"));
                    }
                    if let Some(reference) = &answer.reference {
                        reason.push_str(&format!(" (reference {reference})"));
                    }
                }
                reason.push_str("; whether the answer gives assurance is for the council's members to judge");
                reason
            }
        };
        sentence(&text)
    }
}

/// A review's outcome in words.
pub fn outcome_words(outcome: crate::model::ReviewOutcome) -> &'static str {
    match outcome {
        crate::model::ReviewOutcome::Assured => "assured",
        crate::model::ReviewOutcome::NotAssured => "not assured",
        crate::model::ReviewOutcome::Deferred => "deferred",
        crate::model::ReviewOutcome::Noted => "noted",
        crate::model::ReviewOutcome::Unknown => "its outcome not stated",
    }
}

fn strip_keyword(text: &str) -> &str {
    for keyword in ["when ", "unless ", "if "] {
        if let Some(rest) = text.strip_prefix(keyword) {
            return rest;
        }
    }
    text
}

/// A governance model in words.
fn governance_words(model: Governance) -> &'static str {
    match model {
        Governance::LeaderAndCabinet => "leader and cabinet executive arrangements",
        Governance::MayorAndCabinet => "mayor and cabinet executive arrangements",
        Governance::CommitteeSystem => "the committee system",
    }
}
