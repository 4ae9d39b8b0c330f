//! What evaluation observed of the facts, in words: each observation a
//! clause of a verdict's reason ("Met: …, and …"). One function for each
//! kind of observation, grouped by what it is about: holders and counts,
//! responsibilities and kinds of body, attributes, governance, relations,
//! and the timeline.

use std::fmt::Write as _;

use super::fact::outcome_words;
use super::predicate::{governance_words, Number};
use super::{and_list, day as day_words, indefinite, period, Wording};
use crate::date::Day;
use crate::eval::{Cause, Clause, Observation};
use crate::model::Secondment;
use crate::model::{
    AttributeId, BodyKindId, EntityId, EntityKind, EventId, EventKind, FunctionId, Governance, LawId, RelationId,
    RoleId, Target, Trigger, TypedValue,
};

impl Wording<'_> {
    /// What was observed of the facts, as a clause of a reason.
    pub fn observation(&self, observation: &Observation) -> String {
        match observation {
            Observation::NoHolder { role } => self.no_holder(*role),
            Observation::NoneDeclared { kind } => self.none_declared(*kind),
            Observation::NoneRecorded { kind, holding } => self.none_recorded(*kind, *holding),
            Observation::Count {
                kind,
                holding,
                clause,
                negated,
                satisfying,
                undetermined,
            } => self.count(*kind, *holding, *clause, *negated, satisfying, undetermined),
            Observation::Holds { entity, role } => self.holding(*entity, "holds", *role),
            Observation::DoesNotHold { entity, role } => self.holding(*entity, "does not hold", *role),
            Observation::ResponsibleFor { entity, functions } => {
                self.responsibility(*entity, "is responsible for", functions, "")
            }
            Observation::ResponsibleOnlyFor { entity, functions } => {
                self.responsibility(*entity, "is responsible only for", functions, "")
            }
            Observation::ResponsibleForMore { entity, functions } => {
                self.responsibility(*entity, "is responsible for", functions, " and for other functions")
            }
            Observation::AlsoResponsibleFor { entity, functions } => {
                self.responsibility(*entity, "is also responsible for", functions, "")
            }
            Observation::NotResponsibleFor { entity, functions } => {
                self.responsibility(*entity, "is not responsible for", functions, "")
            }
            Observation::IsKind { entity, kind } => self.is_kind(*entity, *kind),
            Observation::IsOtherKind { entity, kind, wanted } => self.is_other_kind(*entity, *kind, *wanted),
            Observation::AttributeIs {
                entity,
                attribute,
                value,
            } => self.attribute_statement(*entity, *attribute, &TypedValue::Bool(*value)),
            Observation::AttributeDefault {
                entity,
                attribute,
                value,
            } => self.attribute_default(*entity, *attribute, value),
            Observation::AttributeBySecondment {
                entity,
                attribute,
                value,
                secondment,
            } => self.attribute_by_secondment(*entity, *attribute, value, *secondment),
            Observation::AttributeByLaw {
                entity,
                attribute,
                value,
                law,
            } => self.attribute_by_law(*entity, *attribute, value, *law),
            Observation::AttributeValue {
                entity,
                attribute,
                value,
            } => self.attribute_value(*entity, *attribute, value),
            Observation::RelatedToEndedKind { entity, relation, kind } => format!(
                "{} {} no {}: none exists, the law having ended them",
                self.label(*entity),
                self.relation(*relation),
                self.body_kind(*kind)
            ),
            Observation::RelatedByLaw {
                entity,
                relation,
                target,
                law,
            } => self.related_by_law(*entity, *relation, target, *law),
            Observation::Governs { model, asked } => self.governs(*model, *asked),
            Observation::Considers { asked, considering } => self.considers(*asked, *considering),
            Observation::RelatedToHolder {
                entity,
                relation,
                targets,
                role,
            } => self.related_to_holder(*entity, *relation, targets, *role),
            Observation::HoldsTheTargetItself { entity, relation, role } => {
                self.holds_the_target_itself(*entity, *relation, *role)
            }
            Observation::RelatedToNoHolder {
                entity,
                relation,
                targets,
                role,
            } => self.related_to_no_holder(*entity, *relation, targets, *role),
            Observation::RelatedToKind {
                entity,
                relation,
                targets,
                kind,
            } => self.related_to_kind(*entity, *relation, targets, *kind),
            Observation::RelatedToNoKind {
                entity,
                relation,
                targets,
                kind,
                denied,
            } => self.related_to_no_kind(*entity, *relation, targets, *kind, *denied),
            Observation::NoEvent { event, of, up_to } => self.no_event(*event, *of, *up_to),
            Observation::Follows { follower, cause } => self.follows(*follower, cause),
            Observation::NotYetDue { expected, cause, due } => self.not_yet_due(*expected, cause, *due),
            Observation::UnderWay { review, cause, due } => self.under_way(*review, cause, *due),
            Observation::NotFollowed {
                expected,
                cause,
                deadline,
                late,
                inconclusive,
            } => self.not_followed(*expected, cause, *deadline, late, inconclusive),
            Observation::Precedes {
                review,
                cause,
                same_day,
            } => self.precedes(*review, cause, *same_day),
            Observation::NotPreceded {
                expected,
                cause,
                later,
                inconclusive,
            } => self.not_preceded(*expected, cause, later, inconclusive),
            Observation::Recent { latest, months, as_at } => self.recent(*latest, *months, *as_at),
            Observation::Overdue {
                latest,
                months,
                as_at,
                due,
            } => self.overdue(*latest, *months, *as_at, *due),
        }
    }

    /// Every observation, joined as in prose.
    pub(super) fn observations(&self, observed: &[Observation]) -> String {
        and_list(
            &observed
                .iter()
                .map(|observation| self.observation(observation))
                .collect::<Vec<_>>(),
        )
    }

    // Holders and counts.

    fn no_holder(&self, role: RoleId) -> String {
        format!(
            "no {} is recorded as holding {}",
            self.holder_word(role),
            self.role(role)
        )
    }

    fn none_declared(&self, kind: EntityKind) -> String {
        format!("the arrangements declare no {} at all", Self::plural(kind))
    }

    fn none_recorded(&self, kind: EntityKind, holding: Option<RoleId>) -> String {
        format!("no {} is recorded", self.noun(kind, holding))
    }

    /// How many entities of a kind meet a clause, by name, and those the
    /// arrangements say too little of to tell.
    fn count(
        &self,
        kind: EntityKind,
        holding: Option<RoleId>,
        clause: Clause,
        negated: bool,
        satisfying: &[EntityId],
        undetermined: &[EntityId],
    ) -> String {
        let noun = self.noun(kind, holding);
        let mut summary = match satisfying.len() {
            0 => format!("no {noun} {}", self.clause(clause, negated, Number::One)),
            1 => format!(
                "one {noun} {}: {}",
                self.clause(clause, negated, Number::One),
                self.labels(satisfying)
            ),
            count => format!(
                "{count} {} {}: {}",
                self.plural_noun(kind, holding),
                self.clause(clause, negated, Number::Many),
                self.labels(satisfying)
            ),
        };
        if !undetermined.is_empty() {
            let _ = write!(
                summary,
                "; for {} the arrangements do not say",
                self.labels(undetermined)
            );
        }
        summary
    }

    /// "X holds R", "X does not hold R".
    fn holding(&self, entity: EntityId, verb: &str, role: RoleId) -> String {
        format!("{} {verb} {}", self.label(entity), self.role(role))
    }

    // Responsibilities and kinds of body.

    /// "X is responsible for F", "X is not responsible for F"…
    fn responsibility(&self, entity: EntityId, verb: &str, functions: &[FunctionId], more: &str) -> String {
        format!("{} {verb} {}{more}", self.label(entity), self.functions(functions))
    }

    fn is_kind(&self, entity: EntityId, kind: BodyKindId) -> String {
        format!("{} is {}", self.label(entity), indefinite(&self.body_kind(kind)))
    }

    fn is_other_kind(&self, entity: EntityId, kind: BodyKindId, wanted: BodyKindId) -> String {
        format!(
            "{} is {}, not {}",
            self.label(entity),
            indefinite(&self.body_kind(kind)),
            indefinite(&self.body_kind(wanted))
        )
    }

    // Attributes.

    /// An unstated attribute taken at the guidance's default, with the
    /// default's basis.
    fn attribute_default(&self, entity: EntityId, attribute: AttributeId, value: &TypedValue) -> String {
        let basis = self
            .policy
            .attribute(attribute)
            .and_then(|declared| declared.default_basis.as_deref())
            .unwrap_or("the guidance's default");
        match value {
            TypedValue::Bool(_) => format!(
                "{} (not stated, so taken as {value}: {basis})",
                self.attribute_statement(entity, attribute, value)
            ),
            TypedValue::Int(_) | TypedValue::Text(_) | TypedValue::Date(_) => format!(
                "the {} of {} is not stated, so taken as {value}: {basis}",
                self.attribute(attribute).0,
                self.label(entity)
            ),
        }
    }

    /// An unstated attribute a secondment settles: the post is not said to
    /// be what the attribute names (a joint appointment), only to raise
    /// what it does while one officer answers to two councils.
    fn attribute_by_secondment(
        &self,
        entity: EntityId,
        attribute: AttributeId,
        value: &TypedValue,
        secondment: Secondment,
    ) -> String {
        format!(
            "{} is held by an officer {}: one officer answering to two councils raises what a post with {} {value} does",
            self.label(entity),
            self.seconded(entity, secondment),
            self.attribute(attribute).0
        )
    }

    /// An unstated attribute the law settles for every holder of a role.
    fn attribute_by_law(&self, entity: EntityId, attribute: AttributeId, value: &TypedValue, law: LawId) -> String {
        let (role, statute) = self
            .policy
            .law(law)
            .map_or((String::new(), ""), |law| (self.role(law.role), law.statute.as_str()));
        format!(
            "{}: the law settles it for every holder of {role} ({statute})",
            self.attribute_statement(entity, attribute, value)
        )
    }

    /// An unstated relation the law settles for every holder of a role.
    fn related_by_law(&self, entity: EntityId, relation: RelationId, target: &Target, law: LawId) -> String {
        let (role, statute) = self
            .policy
            .law(law)
            .map_or((String::new(), ""), |law| (self.role(law.role), law.statute.as_str()));
        let leads_to = match target {
            Target::Role(held) => format!("the {}", self.role(*held)),
            Target::Kind(kind) => format!("the council's {}", self.body_kind(*kind)),
        };
        format!(
            "{} {} {leads_to}: not stated, and the law settles it for every holder of {role} ({statute})",
            self.label(entity),
            self.relation(relation)
        )
    }

    fn attribute_value(&self, entity: EntityId, attribute: AttributeId, value: &TypedValue) -> String {
        format!(
            "the {} of {} is {value}",
            self.attribute(attribute).0,
            self.label(entity)
        )
    }

    // Governance.

    /// The governance the council operates, and the one asked for if it
    /// is another.
    fn governs(&self, model: Governance, asked: Governance) -> String {
        if model == asked {
            format!(
                "{} operates {}",
                self.arrangement.council_name(),
                governance_words(model)
            )
        } else {
            format!(
                "{} operates {}, not {}",
                self.arrangement.council_name(),
                governance_words(model),
                governance_words(asked)
            )
        }
    }

    /// Whether the council is considering adopting a governance model.
    fn considers(&self, asked: Governance, considering: bool) -> String {
        if considering {
            format!(
                "{} is considering adopting {}",
                self.arrangement.council_name(),
                governance_words(asked)
            )
        } else {
            format!(
                "{}'s papers state its governance and mention no plan to adopt {}",
                self.arrangement.council_name(),
                governance_words(asked)
            )
        }
    }

    // Relations.

    fn related_to_holder(&self, entity: EntityId, relation: RelationId, targets: &[EntityId], role: RoleId) -> String {
        format!(
            "{} {} {}, who holds {}",
            self.label(entity),
            self.relation(relation),
            self.labels(targets),
            self.role(role)
        )
    }

    fn holds_the_target_itself(&self, entity: EntityId, relation: RelationId, role: RoleId) -> String {
        format!(
            "{} itself holds {}, and no other post or member does, so it {} no one who holds it",
            self.label(entity),
            self.role(role),
            self.relation(relation)
        )
    }

    fn related_to_no_holder(
        &self,
        entity: EntityId,
        relation: RelationId,
        targets: &[EntityId],
        role: RoleId,
    ) -> String {
        format!(
            "{}, and no one there holds {}",
            self.relation_statement(entity, relation, targets),
            self.role(role)
        )
    }

    fn related_to_kind(
        &self,
        entity: EntityId,
        relation: RelationId,
        targets: &[EntityId],
        kind: BodyKindId,
    ) -> String {
        format!(
            "{} {} {}, {}",
            self.label(entity),
            self.relation(relation),
            self.labels(targets),
            indefinite(&self.body_kind(kind))
        )
    }

    /// Related to no body of the kind: none of those listed is one, or
    /// the council has none (`denied`).
    fn related_to_no_kind(
        &self,
        entity: EntityId,
        relation: RelationId,
        targets: &[EntityId],
        kind: BodyKindId,
        denied: bool,
    ) -> String {
        let statement = self.relation_statement(entity, relation, targets);
        if denied {
            format!("{statement}; the council has no {}", self.body_kind(kind))
        } else {
            format!("{statement}, none of which is {}", indefinite(&self.body_kind(kind)))
        }
    }

    // The timeline.

    fn no_event(&self, event: Trigger, of: Option<RoleId>, up_to: Day) -> String {
        let of_words = of
            .and_then(|role| self.policy.role(role))
            .map(|role| format!(" of the {}", role.title))
            .unwrap_or_default();
        let what = match event {
            Trigger::Event(kind) => kind.word(),
            Trigger::Extension => "extension",
        };
        format!("no {what}{of_words} is recorded up to {}", day_words(up_to))
    }

    fn follows(&self, follower: EventId, cause: &Cause) -> String {
        let concluded = self
            .arrangement
            .event(follower)
            .and_then(|event| event.outcome)
            .map(|outcome| format!(" ({})", outcome_words(outcome)))
            .unwrap_or_default();
        // A review that names the change it tests may come before it, as
        // the guidance's "before allocating" asks; it does not follow it.
        let cause_at = match cause {
            Cause::Change(change) => Some(change.at),
            Cause::Event(event) => self.arrangement.event(*event).map(|event| event.at),
        };
        let ahead = self
            .arrangement
            .event(follower)
            .zip(cause_at)
            .is_some_and(|(event, cause_at)| self.arrangement.timeline.surely_before(event.at, cause_at));
        let verb = if ahead { "tested in advance" } else { "follows" };
        format!(
            "{}{concluded} {verb} {}",
            self.event_name(follower),
            self.cause_dated(cause)
        )
    }

    fn not_yet_due(&self, expected: EventKind, cause: &Cause, due: Day) -> String {
        format!(
            "{} after {} is not due until {}",
            indefinite(expected.word()),
            self.cause_dated(cause),
            day_words(due)
        )
    }

    /// A review planned or under way for what called for it, not yet due.
    fn under_way(&self, review: EventId, cause: &Cause, due: Option<Day>) -> String {
        let due = due
            .map(|due| format!(", due by {}", day_words(due)))
            .unwrap_or_default();
        format!(
            "{} of {} is under way{due}",
            self.event_name(review),
            self.cause_dated(cause)
        )
    }

    /// No event followed what called for it (in time, or that reached a
    /// conclusion).
    fn not_followed(
        &self,
        expected: EventKind,
        cause: &Cause,
        deadline: Option<Day>,
        late: &[EventId],
        inconclusive: &[EventId],
    ) -> String {
        let mut said = match deadline {
            Some(deadline) if !late.is_empty() => {
                let late: Vec<String> = late.iter().map(|event| self.event_name(*event)).collect();
                format!(
                    "no {} followed {} by {}; the next was {}",
                    expected.word(),
                    self.cause_dated(cause),
                    day_words(deadline),
                    and_list(&late)
                )
            }
            _ => format!("no {} is recorded after {}", expected.word(), self.cause_dated(cause)),
        };
        if !inconclusive.is_empty() {
            let _ = write!(
                said,
                " that reached a conclusion: {} did not",
                self.inconclusive(inconclusive)
            );
        }
        said
    }

    /// Reviews that reached no conclusion, each with what it did reach
    /// (an outcome short of a conclusion, or none).
    fn inconclusive(&self, events: &[EventId]) -> String {
        let named: Vec<String> = events
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
        and_list(&named)
    }

    /// A concluded review came before what called for it; on its day, it
    /// names it.
    fn precedes(&self, review: EventId, cause: &Cause, same_day: bool) -> String {
        let concluded = self
            .arrangement
            .event(review)
            .and_then(|event| event.outcome)
            .map(|outcome| format!(" ({})", outcome_words(outcome)))
            .unwrap_or_default();
        if same_day {
            format!(
                "{}{concluded} names {} and is dated on its day, so it is read as considering it before it was made",
                self.event_name(review),
                self.cause_dated(cause)
            )
        } else {
            format!(
                "{}{concluded} came before {}",
                self.event_name(review),
                self.cause_dated(cause)
            )
        }
    }

    /// No concluded review came before what called for it: those that
    /// answer it came after it, or reached no conclusion.
    fn not_preceded(&self, expected: EventKind, cause: &Cause, later: &[EventId], inconclusive: &[EventId]) -> String {
        let mut said = format!("no {} is recorded before {}", expected.word(), self.cause_dated(cause));
        if !later.is_empty() {
            let later: Vec<String> = later.iter().map(|event| self.event_name(*event)).collect();
            let verb = if later.len() == 1 { "comes" } else { "come" };
            let _ = write!(said, "; {} {verb} after it", and_list(&later));
        }
        if !inconclusive.is_empty() {
            let _ = write!(
                said,
                "; before it, {} reached no conclusion",
                self.inconclusive(inconclusive)
            );
        }
        said
    }

    fn recent(&self, latest: EventId, months: u32, as_at: Day) -> String {
        format!(
            "the latest, {}, is within {} of {}",
            self.event_name(latest),
            period(months),
            day_words(as_at)
        )
    }

    fn overdue(&self, latest: EventId, months: u32, as_at: Day, due: Day) -> String {
        format!(
            "the latest, {}, is more than {} before {}: the next was due by {}",
            self.event_name(latest),
            period(months),
            day_words(as_at),
            day_words(due)
        )
    }
}
