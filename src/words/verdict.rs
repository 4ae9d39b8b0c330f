//! Sentences about one arrangement's verdicts: facts, what was observed of
//! them, what is missing, remarks and reasons.

use super::{
    and_list, capitalise, date as date_words, day as day_words, indefinite, inner, lower_first, on_date, period,
    sentence,
};
use crate::date::{Boundary, Period, Uncertainty};
use crate::eval::{Binding, Cause, Change, ChangeDetail, Clause, Fact, Missing, Note, Observation, Reason, Verdict};
use crate::model::{
    Actor, AnswerId, Arrangement, AttributeId, Basis, BodyKindId, Comparator, ConditionKind, DutyKind, EditionId,
    EntityId, EntityKind, EventDate, EventId, EvidenceRef, FunctionId, Governance, ParagraphId, Policy, Predicate,
    RelationId, RoleId, Subject, Target, Trigger, TypedValue, ValueType, Versioned,
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
            .function(function)
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
            .body_kind(kind)
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
        self.policy.attribute(attribute).map_or_else(
            || ("an attribute".to_owned(), None),
            |declared| (declared.title.clone(), Some(declared.value_type)),
        )
    }

    fn relation(&self, relation: RelationId) -> String {
        self.policy
            .relation(relation)
            .map_or_else(|| "is related to".to_owned(), |declared| declared.title.clone())
    }

    /// An event named in a sentence by its kind and date: "the review of
    /// 2013", "the change of October 2016", "the review after the change
    /// of October 2016", "the undated review". Events have no titles, and
    /// their ids are no words for a committee, so the id is added, in
    /// brackets, only where another event of the same kind has the same
    /// date and the reader needs it to find the one meant in the timeline.
    pub fn event_name(&self, id: EventId) -> String {
        let Some(found) = self.arrangement.event(id) else {
            return "an event".to_owned();
        };
        let kind = found.kind.word();
        let mut name = match (
            found.date.on,
            found.date.after.and_then(|earlier| self.arrangement.event(earlier)),
        ) {
            (Some(on), _) => format!("the {kind} of {}", date_words(on)),
            (None, Some(earlier)) => match earlier.date.on {
                Some(on) => format!("the {kind} after the {} of {}", earlier.kind.word(), date_words(on)),
                None => format!("the {kind} after the undated {}", earlier.kind.word()),
            },
            (None, None) => format!("the undated {kind}"),
        };
        let twin = self
            .arrangement
            .events
            .iter()
            .enumerate()
            .any(|(index, other)| index != id.index() && other.kind == found.kind && other.date == found.date);
        if twin {
            name.push_str(&format!(" ({})", found.key));
        }
        name
    }

    /// When an event happened, for a date column: "2017", "March 2016",
    /// "after the change of October 2016", or "unknown".
    pub fn event_date(&self, date: EventDate) -> String {
        let after = date.after.map(|earlier| format!("after {}", self.event_name(earlier)));
        match (date.on, after) {
            (Some(on), Some(after)) => format!("{}, {after}", date_words(on)),
            (Some(on), None) => date_words(on),
            (None, Some(after)) => after,
            (None, None) => "unknown".to_owned(),
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

    /// A change, named: "the change of October 2016", "the designation
    /// of March 2019", "the change of January 2019" (one derived from dated
    /// facts, with no event of its own).
    fn change_named(&self, change: &Change) -> String {
        match change.event.filter(|id| self.arrangement.event(*id).is_some()) {
            Some(event) => self.event_name(event),
            None => match change.date {
                Some(date) => format!("the change of {}", date_words(date)),
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
            (Some(what), true) => format!(" ({})", inner(&what)),
            (None, true) => String::new(),
        }
    }

    /// A change with what it did: "the change of October 2016", "the
    /// appointment of 2013 (Executive Director, People holds …)".
    fn change_dated(&self, change: &Change) -> String {
        match change.event {
            Some(_) => {
                let what = change
                    .details
                    .iter()
                    .filter(|detail| !matches!(detail, ChangeDetail::Recorded))
                    .map(|detail| self.change_detail(change.role, detail))
                    .collect::<Vec<_>>();
                if what.is_empty() {
                    self.change_named(change)
                } else {
                    format!("{} ({})", self.change_named(change), and_list(&what))
                }
            }
            None => format!("{}{}", self.change_named(change), self.change_what(change)),
        }
    }

    /// What calls for an event, named.
    fn cause_named(&self, cause: &Cause) -> String {
        match cause {
            Cause::Change(change) => self.change_named(change),
            Cause::Event(event) => self.event_name(*event),
        }
    }

    /// What calls for an event, with what it did.
    fn cause_dated(&self, cause: &Cause) -> String {
        match cause {
            Cause::Change(change) => self.change_dated(change),
            Cause::Event(event) => self.event_name(*event),
        }
    }

    /// Why whether a fact held as at the date cannot be told.
    fn uncertainty(why: Uncertainty) -> String {
        match why {
            Uncertainty::Began(date) => format!("it began {}, a date known only to that period", on_date(date)),
            Uncertainty::Stopped(date) => format!("it stopped {}, a date known only to that period", on_date(date)),
            Uncertainty::UnknownDate => "one end of its period is at an unknown date".to_owned(),
            Uncertainty::Possibly => "the paper says only that it possibly held".to_owned(),
        }
    }

    /// The period over which a fact held, and how it is known, to follow
    /// its statement: "from January 2019", "inferred". None for a fact
    /// stated to hold throughout.
    pub fn period_and_basis(&self, during: Period, basis: Basis) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(from) = during.from {
            parts.push(format!("from {}", self.boundary(from)));
        }
        if let Some(until) = during.until {
            parts.push(format!("until {}", self.boundary(until)));
        }
        match basis {
            Basis::Stated => {}
            Basis::Inferred => parts.push("inferred".to_owned()),
            Basis::Possibly => parts.push("possibly".to_owned()),
        }
        parts
    }

    /// One end of a period, in words.
    fn boundary(&self, boundary: Boundary) -> String {
        match boundary {
            Boundary::On(date) => date_words(date),
            Boundary::Unknown => "an unknown date".to_owned(),
        }
    }

    /// "paragraph X was replaced by INSTRUMENT, in force for the council
    /// from DATE" (or repealed).
    fn words_changed(&self, paragraph: ParagraphId, edition: EditionId) -> String {
        let key = self
            .policy
            .paragraph(paragraph)
            .map_or("", |paragraph| paragraph.key.as_str());
        let Some(declared) = self.policy.edition(edition) else {
            return format!("paragraph {key}");
        };
        let by = declared.instrument.as_deref().unwrap_or(&declared.title);
        let repealed = self
            .policy
            .repeals
            .iter()
            .any(|repeal| repeal.target == Versioned::Paragraph(paragraph) && repeal.edition == edition.index());
        let from = self
            .arrangement
            .commenced
            .iter()
            .find(|stated| stated.value == declared.key)
            .and_then(|stated| match stated.during.from {
                Some(Boundary::On(date)) => Some(date),
                Some(Boundary::Unknown) | None => None,
            })
            .or(declared.in_force)
            .map(|date| format!(", in force for the council {}", on_date(date)))
            .unwrap_or_default();
        if repealed {
            format!("paragraph {key} was repealed by {by}{from}")
        } else {
            format!("paragraph {key} was replaced by {by}{from}")
        }
    }

    /// When an answer was given, with its preposition: "in March 2016",
    /// "on 6 February 2020", "at an unknown date".
    fn answer_given(&self, answer: AnswerId) -> String {
        self.arrangement
            .answer(answer)
            .and_then(|answer| answer.given)
            .map_or_else(|| "at an unknown date".to_owned(), on_date)
    }

    /// The noun for counted entities: "post", "member holding Lead Member
    /// for Children's Services".
    fn noun(&self, kind: EntityKind, holding: Option<RoleId>) -> String {
        match holding {
            Some(role) => format!("{} holding {}", kind.word(), self.role(role)),
            None => kind.word().to_owned(),
        }
    }

    /// The noun for several counted entities: "posts holding …".
    fn plural_noun(&self, kind: EntityKind, holding: Option<RoleId>) -> String {
        match holding {
            Some(role) => format!("{} holding {}", Self::plural(kind), self.role(role)),
            None => Self::plural(kind),
        }
    }

    fn plural(kind: EntityKind) -> String {
        match kind {
            EntityKind::Body => "bodies".to_owned(),
            EntityKind::Post | EntityKind::Member | EntityKind::Service => format!("{}s", kind.word()),
        }
    }

    /// The predicate a count was about, in words, as said of one entity
    /// ("holds Director of Children's Services") or of several ("hold …").
    fn clause(&self, clause: Clause, negated: bool, number: Number) -> String {
        let predicate = match clause {
            Clause::Rule(duty) => self.policy.duty(duty).and_then(|duty| match &duty.kind {
                DutyKind::Rule { predicate, .. } => Some(predicate),
                DutyKind::Question { .. } => None,
            }),
            Clause::Condition(duty, index) => self
                .policy
                .duty(duty)
                .and_then(|duty| duty.conditions.get(index))
                .map(|condition| &condition.predicate),
        };
        match predicate {
            Some(predicate) => self.predicate(predicate, negated, number),
            None => match (negated, number) {
                (false, Number::One) => "meets the condition".to_owned(),
                (false, Number::Many) => "meet the condition".to_owned(),
                (true, Number::One) => "does not meet the condition".to_owned(),
                (true, Number::Many) => "do not meet the condition".to_owned(),
            },
        }
    }

    /// Whom a duty or condition is about: "the Director of Children's
    /// Services", "the council", "exactly one post holding …".
    fn subject(&self, subject: &Subject) -> String {
        match subject {
            Subject::Council => "the council".to_owned(),
            Subject::Role(role) => format!("the {}", self.role(*role)),
            Subject::Quantified {
                quantifier,
                entity,
                holding,
            } => format!("{} {}", quantifier.words(), self.noun(*entity, *holding)),
        }
    }

    /// A predicate as a verb phrase of the guidance's vocabulary, by the
    /// titles the policy gives roles, functions, kinds of body, relations
    /// and attributes: never the rule's own syntax.
    fn predicate(&self, predicate: &Predicate, negated: bool, number: Number) -> String {
        let verb = |one: &str, many: &str, not_one: &str, not_many: &str| -> String {
            match (negated, number) {
                (false, Number::One) => one.to_owned(),
                (false, Number::Many) => many.to_owned(),
                (true, Number::One) => not_one.to_owned(),
                (true, Number::Many) => not_many.to_owned(),
            }
        };
        match predicate {
            Predicate::And(parts) | Predicate::Or(parts) => {
                let words: Vec<String> = parts.iter().map(|part| self.predicate(part, negated, number)).collect();
                // Not (A and B) is (not A) or (not B): said so, no
                // brackets are needed.
                let all = matches!(predicate, Predicate::And(_)) != negated;
                if all {
                    and_list(&words)
                } else {
                    match words.as_slice() {
                        [] => String::new(),
                        [one] => one.clone(),
                        [init @ .., last] => format!("{} or {last}", init.join(", ")),
                    }
                }
            }
            Predicate::Not(inside) => self.predicate(inside, !negated, number),
            Predicate::Hold(roles) => {
                let titles: Vec<String> = roles.iter().map(|role| self.role(*role)).collect();
                format!(
                    "{} {}",
                    verb("holds", "hold", "does not hold", "do not hold"),
                    and_list(&titles)
                )
            }
            Predicate::Responsible { only, functions } => format!(
                "{} responsible {}for {}",
                verb("is", "are", "is not", "are not"),
                if *only { "only " } else { "" },
                self.functions(functions)
            ),
            Predicate::Kind(kind) => format!(
                "{} {}",
                verb("is", "are", "is not", "are not"),
                indefinite(&self.body_kind(*kind))
            ),
            Predicate::Attribute(attribute) => format!(
                "{} {}",
                verb("is", "are", "is not", "are not"),
                self.attribute(*attribute).0
            ),
            Predicate::Compare {
                attribute,
                comparator,
                value,
            } => {
                let than = match comparator {
                    Comparator::Equal => format!("of {value}"),
                    Comparator::NotEqual => format!("other than {value}"),
                    Comparator::Less => format!("below {value}"),
                    Comparator::LessOrEqual => format!("of {value} or less"),
                    Comparator::Greater => format!("above {value}"),
                    Comparator::GreaterOrEqual => format!("of {value} or more"),
                };
                format!(
                    "{} {} {than}",
                    verb("has", "have", "does not have", "do not have"),
                    indefinite(&self.attribute(*attribute).0)
                )
            }
            Predicate::After {
                event,
                trigger,
                of,
                within,
            } => {
                let of_words = of
                    .map(|role| format!(" of the {}", self.role(role)))
                    .unwrap_or_default();
                let within_words = within
                    .map(|months| format!(" within {}", period(months)))
                    .unwrap_or_default();
                let after = match trigger {
                    Trigger::Event(kind) => format!("each {}{of_words}", kind.word()),
                    Trigger::Extension => format!("each extension{of_words} beyond its remit"),
                };
                format!(
                    "{} {} after {after}{within_words}",
                    verb("holds", "hold", "does not hold", "do not hold"),
                    indefinite(event.word()),
                )
            }
            Predicate::Governance {
                model,
                considering: false,
            } => format!(
                "{} {}",
                verb("uses", "use", "does not use", "do not use"),
                governance_words(*model)
            ),
            Predicate::Governance {
                model,
                considering: true,
            } => format!(
                "{} adopting {}",
                verb(
                    "is considering",
                    "are considering",
                    "is not considering",
                    "are not considering"
                ),
                governance_words(*model)
            ),
            Predicate::Every { event, months } => format!(
                "{} {} at least every {}",
                verb("holds", "hold", "does not hold", "do not hold"),
                indefinite(event.word()),
                period(*months)
            ),
            Predicate::Relation { relation, target } => {
                let title = self.relation(*relation);
                let phrase = relation_verb(&title, negated, number);
                match target {
                    Target::Role(role) => format!("{phrase} someone holding {}", self.role(*role)),
                    Target::Kind(kind) => format!("{phrase} {}", indefinite(&self.body_kind(*kind))),
                }
            }
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
            TypedValue::Date(date) => format!("the {title} of {label} is {}", date_words(*date)),
            TypedValue::Int(_) | TypedValue::Text(_) => format!("the {title} of {label} is {value}"),
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
                let mut statement = self.event_name(*event);
                if let Some(outcome) = found.outcome {
                    statement.push_str(&format!(", {}", outcome_words(outcome)));
                    if found.outcome_basis == Basis::Inferred {
                        statement.push_str(" (inferred)");
                    }
                }
                if let Some(what) = found.what.as_ref().or(found.record.as_ref()) {
                    statement.push_str(&format!(": {}", inner(what)));
                }
                statement
            }
            Fact::Answer { answer } => match self.arrangement.answer(*answer).and_then(|answer| answer.given) {
                Some(given) => format!("answered {}", on_date(given)),
                None => "answered (undated)".to_owned(),
            },
            Fact::Departure { departure } => match self.arrangement.departure(*departure) {
                Some(departure) => format!("departure recorded: {}", inner(&departure.reasons)),
                None => "departure recorded".to_owned(),
            },
            Fact::Change(change) => {
                let what: Vec<String> = change
                    .details
                    .iter()
                    .map(|detail| self.change_detail(change.role, detail))
                    .collect();
                match change.event.filter(|id| self.arrangement.event(*id).is_some()) {
                    Some(id) if what == ["as recorded"] => format!(
                        "{}{}",
                        self.event_name(id),
                        self.arrangement
                            .event(id)
                            .and_then(|event| event.what.as_deref())
                            .map(|what| format!(": {}", inner(what)))
                            .unwrap_or_default()
                    ),
                    Some(id) => format!("{}: {}", self.event_name(id), and_list(&what)),
                    None => match change.date {
                        Some(date) => format!("{}, {}", on_date(date), and_list(&what)),
                        None => format!("at an unknown date, {}", and_list(&what)),
                    },
                }
            }
        }
    }

    /// Where the council's paper states a fact or answer: "TITLE, PLACE",
    /// the document by its title, as the list of documents relied on
    /// names it.
    pub fn evidence(&self, evidence: &EvidenceRef) -> Option<String> {
        let document = self.arrangement.document(evidence.document)?;
        let title = inner(&document.title);
        Some(match &evidence.location {
            Some(location) => format!("{title}, {}", inner(location)),
            None => title.to_owned(),
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

    /// How a role was bound: "the Director of Children's Services is
    /// Executive Director, People".
    pub fn binding(&self, binding: &Binding) -> Option<String> {
        let entity = self.arrangement.entity(binding.entity)?;
        let possibly = if binding.certain { "" } else { "possibly " };
        Some(match binding.role.and_then(|role| self.policy.role(role)) {
            // A post titled as the role it holds: saying "the Director of
            // Children's Services is Director of Children's Services" tells
            // a reader nothing.
            Some(role) if role.title.eq_ignore_ascii_case(entity.label()) => {
                format!(
                    "the {} is {possibly}the {} of that title",
                    role.title,
                    entity.kind.word()
                )
            }
            Some(role) => format!("the {} is {possibly}{}", role.title, entity.label()),
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
                    "whether the council has a {} that {}: {listed}, and the list is not declared complete",
                    self.noun(*kind, *holding),
                    self.clause(*clause, *negated, Number::One)
                )
            }
            Missing::Subject => "a post or member to say this of".to_owned(),
            Missing::Governance => "the governance model the council operates".to_owned(),
            Missing::Commencement { edition } => {
                let declared = self.policy.edition(*edition);
                let what = declared.map_or_else(
                    || "the amendment".to_owned(),
                    |edition| edition.instrument.clone().unwrap_or_else(|| edition.title.clone()),
                );
                let key = declared.map(|edition| edition.key.as_str());
                let stated = self
                    .arrangement
                    .commenced
                    .iter()
                    .find(|stated| Some(stated.value.as_str()) == key)
                    .map(|stated| self.period_and_basis(stated.during, stated.basis).join(", "));
                let latest = match declared.map(|edition| (edition.first_in_force, edition.in_force)) {
                    Some((Some(first), Some(latest))) => format!(
                        "; areas took it up between {} and {}",
                        date_words(first),
                        date_words(latest)
                    ),
                    Some((None, Some(latest))) => format!("; in every area it had by {}", date_words(latest)),
                    Some((_, None)) | None => String::new(),
                };
                match stated {
                    Some(stated) => format!(
                        "whether the {what} had taken effect for the council's area (its papers date it {stated}{latest})"
                    ),
                    None => format!("whether the {what} had taken effect for the council's area{latest}"),
                }
            }
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
            Missing::EventOrder { earlier, later } => format!(
                "whether {} came after {}",
                self.event_name(*later),
                self.cause_named(earlier)
            ),
            Missing::AnswerOrder { answer, change } => format!(
                "whether the answer given {} came after {}",
                self.answer_given(*answer),
                self.change_named(change)
            ),
            Missing::AnswerDate { .. } => "the date the answer was given".to_owned(),
            Missing::EventDate { event } => {
                let undated = self
                    .arrangement
                    .event(*event)
                    .is_some_and(|found| found.date.on.is_none());
                if undated {
                    format!("the date of {}", self.event_name(*event))
                } else {
                    format!("the exact date of {}", self.event_name(*event))
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
                "whether {} took place after {}, when the papers stop{}",
                indefinite(event.word()),
                date_words(*until),
                if *stated {
                    ""
                } else {
                    " (the latest date the arrangements mention, as they do not say up to when their timeline is complete)"
                }
            ),
            Missing::ReviewOutcome { review } => format!("what {} concluded", self.event_name(*review)),
            Missing::ChangeOrder { change, event } => format!(
                "whether {} came after {}",
                self.event_name(*event),
                self.change_named(change)
            ),
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
                let mut summary = match satisfying.len() {
                    0 => format!("no {noun} {}", self.clause(*clause, *negated, Number::One)),
                    1 => format!(
                        "one {noun} {}: {}",
                        self.clause(*clause, *negated, Number::One),
                        self.labels(satisfying)
                    ),
                    count => format!(
                        "{count} {} {}: {}",
                        self.plural_noun(*kind, *holding),
                        self.clause(*clause, *negated, Number::Many),
                        self.labels(satisfying)
                    ),
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
                    .attribute(*attribute)
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
                    .law(*law)
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
            Observation::HoldsTheTargetItself { entity, relation, role } => format!(
                "{} itself holds {}, and no other post or member does, so it {} no one who holds it",
                self.label(*entity),
                self.role(*role),
                self.relation(*relation)
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
                format!("no {what}{of_words} is recorded up to {}", day_words(*up_to))
            }
            Observation::Follows { follower, cause } => {
                let concluded = self
                    .arrangement
                    .event(*follower)
                    .and_then(|event| event.outcome)
                    .map(|outcome| format!(" ({})", outcome_words(outcome)))
                    .unwrap_or_default();
                format!(
                    "{}{concluded} follows {}",
                    self.event_name(*follower),
                    self.cause_dated(cause)
                )
            }
            Observation::NotYetDue { expected, cause, due } => format!(
                "{} after {} is not due until {}",
                indefinite(expected.word()),
                self.cause_dated(cause),
                day_words(*due)
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
                        let late: Vec<String> = late.iter().map(|event| self.event_name(*event)).collect();
                        format!(
                            "no {} followed {} by {}; the next was {}",
                            expected.word(),
                            self.cause_dated(cause),
                            day_words(*deadline),
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
                            format!("{} ({outcome})", self.event_name(*event))
                        })
                        .collect();
                    said.push_str(&format!(
                        " that reached a conclusion: {} did not",
                        and_list(&inconclusive)
                    ));
                }
                said
            }
            Observation::Recent { latest, months, as_at } => format!(
                "the latest, {}, is within {} of {}",
                self.event_name(*latest),
                period(*months),
                day_words(*as_at)
            ),
            Observation::Overdue {
                latest,
                months,
                as_at,
                due,
            } => format!(
                "the latest, {}, is more than {} before {}: the next was due by {}",
                self.event_name(*latest),
                period(*months),
                day_words(*as_at),
                day_words(*due)
            ),
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
                    .body_kind(*kind)
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
                "{} and {} overlap as periods, so the comparison cannot be decided from the dates given.",
                date_words(*first),
                date_words(*second)
            ),
            Note::EventOrderUnclear { earlier, later } => format!(
                "{} and {} are dated to periods that overlap, so which came first cannot be told from the dates.",
                capitalise(&self.cause_named(earlier)),
                self.event_name(*later)
            ),
            Note::AnswerChangeOverlap { answer, change } => {
                let given = self.arrangement.answer(*answer).and_then(|answer| answer.given);
                let both_partial =
                    given.is_some_and(|date| date.is_partial()) && change.date.is_some_and(|date| date.is_partial());
                format!(
                    "The answer, given {}, and {} are dated only to the {}, so which came first cannot be told.",
                    self.answer_given(*answer),
                    self.change_named(change),
                    if both_partial { "same period" } else { "period shown" }
                )
            }
            Note::MetWhetherOrNotItApplies { missing } => {
                let missing: Vec<String> = missing.iter().map(|missing| self.missing(missing)).collect();
                if missing.is_empty() {
                    "Whether the duty applies cannot be told, but it is met either way.".to_owned()
                } else {
                    format!(
                        "Whether the duty applies cannot be told (the arrangements do not state {}), but it is met either way.",
                        and_list(&missing)
                    )
                }
            }
            Note::DueDateUnclear {
                event,
                earliest,
                latest,
                as_at,
            } => {
                format!(
                    "{} is dated only to a period; the next was due between {} and {}, and {} falls between.",
                    capitalise(&self.event_name(*event)),
                    day_words(*earliest),
                    day_words(*latest),
                    day_words(*as_at)
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
                    "The departure was to be reviewed by {}, which has passed.",
                    date_words(review_by)
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
                        format!(
                            "{} {}",
                            self.subject(&condition.subject),
                            self.predicate(&condition.predicate, false, Number::One)
                        ),
                    ),
                    None => ("applies only when", "its condition holds".to_owned()),
                };
                format!(
                    "Does not apply: the duty {word} {text}, and {}",
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
                        (Some(by), Some(on)) => format!(", approved by {} {}", inner(by), on_date(on)),
                        (Some(by), None) => format!(", approved by {}", inner(by)),
                        (None, Some(on)) => format!(", approved {}", on_date(on)),
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
            Reason::NoAnswer { up_to } => format!(
                "No answer to this question is recorded up to {}",
                day_words(*up_to)
            ),
            Reason::AnswerPredatesChange { answer, change } => format!(
                "The answer given {} predates {}{}",
                self.answer_given(*answer),
                self.change_named(change),
                self.change_what(change)
            ),
            Reason::AnswerToReplacedWords {
                answer,
                paragraph,
                edition,
            } => format!(
                "The answer given {} answered words since changed: {}",
                self.answer_given(*answer),
                self.words_changed(*paragraph, *edition)
            ),
            Reason::DepartureFromReplacedWords {
                departure,
                paragraph,
                edition,
            } => {
                let approved = self
                    .arrangement
                    .departure(*departure)
                    .and_then(|departure| departure.approved)
                    .map_or_else(|| "the recorded departure".to_owned(), |date| format!("the departure approved {}", on_date(date)));
                format!(
                    "The reasons of {approved} addressed words since changed, so they need a fresh look before they excuse the duty: {}",
                    self.words_changed(*paragraph, *edition)
                )
            }
            Reason::AnswerOrderUnknown { answer, change } => format!(
                "Cannot be decided: whether the answer given {} came after {}",
                self.answer_given(*answer),
                self.change_named(change)
            ),
            Reason::AnswerUndated { .. } => "Cannot be decided: the answer is undated, so whether it predates the recorded changes of responsibilities cannot be told".to_owned(),
            Reason::Answered { answer } => {
                let mut reason = "Answered".to_owned();
                if let Some(answer) = self.arrangement.answer(*answer) {
                    if let Some(by) = &answer.by {
                        reason.push_str(&format!(" by {}", inner(by)));
                    }
                    if let Some(given) = answer.given {
                        reason.push_str(&format!(" {}", on_date(given)));
                    }
                    if let Some(reference) = &answer.reference {
                        reason.push_str(&format!(" (reference {})", inner(reference)));
                    }
                }
                reason.push_str("; whether the answer gives assurance is for the council's members to judge");
                reason
            }
        };
        sentence(&text)
    }
}

/// A review's outcome as the value of an "Outcome:" label: "Assured",
/// "Not stated".
pub fn outcome_label(outcome: crate::model::ReviewOutcome) -> &'static str {
    match outcome {
        crate::model::ReviewOutcome::Assured => "Assured",
        crate::model::ReviewOutcome::NotAssured => "Not assured",
        crate::model::ReviewOutcome::Deferred => "Deferred",
        crate::model::ReviewOutcome::Noted => "Noted",
        crate::model::ReviewOutcome::Unknown => "Not stated",
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

/// Whether a verb phrase is said of one entity or of several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Number {
    One,
    Many,
}

/// A relation's title ("reports directly to", "is a member of", "chairs")
/// as the verb of a phrase, in the number wanted and negated if asked: the
/// titles are written for one entity, in the present tense.
fn relation_verb(title: &str, negated: bool, number: Number) -> String {
    let (first, rest) = title.split_once(' ').unwrap_or((title, ""));
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!(" {rest}")
    };
    let base = match first {
        "is" | "has" => None,
        verb => Some(verb.strip_suffix('s').unwrap_or(verb)),
    };
    match (first, base, negated, number) {
        ("is", _, false, Number::One) => format!("is{rest}"),
        ("is", _, false, Number::Many) => format!("are{rest}"),
        ("is", _, true, Number::One) => format!("is not{rest}"),
        ("is", _, true, Number::Many) => format!("are not{rest}"),
        ("has", _, false, Number::One) => format!("has{rest}"),
        (_, _, false, Number::One) => title.to_owned(),
        ("has", _, false, Number::Many) => format!("have{rest}"),
        (_, base, false, Number::Many) => format!("{}{rest}", base.unwrap_or(first)),
        ("has", _, true, Number::One) => format!("does not have{rest}"),
        ("has", _, true, Number::Many) => format!("do not have{rest}"),
        (_, base, true, Number::One) => format!("does not {}{rest}", base.unwrap_or(first)),
        (_, base, true, Number::Many) => format!("do not {}{rest}", base.unwrap_or(first)),
    }
}

/// A governance model in words.
fn governance_words(model: Governance) -> &'static str {
    match model {
        Governance::LeaderAndCabinet => "leader and cabinet executive arrangements",
        Governance::MayorAndCabinet => "mayor and cabinet executive arrangements",
        Governance::CommitteeSystem => "the committee system",
    }
}

#[cfg(test)]
mod tests {
    use super::{relation_verb, Number};

    #[test]
    fn relation_titles_agree_and_negate() {
        assert_eq!(
            relation_verb("reports directly to", false, Number::One),
            "reports directly to"
        );
        assert_eq!(
            relation_verb("reports directly to", false, Number::Many),
            "report directly to"
        );
        assert_eq!(
            relation_verb("reports directly to", true, Number::One),
            "does not report directly to"
        );
        assert_eq!(
            relation_verb("is a member of", true, Number::Many),
            "are not a member of"
        );
        assert_eq!(relation_verb("is a member of", false, Number::One), "is a member of");
        assert_eq!(relation_verb("has", true, Number::One), "does not have");
        assert_eq!(relation_verb("chairs", true, Number::Many), "do not chair");
    }
}
