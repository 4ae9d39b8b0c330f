//! The truth of a predicate of one entity, or of the council: whether it
//! holds a role, is a kind of body, has an attribute (as stated, or as a
//! law or the guidance's default settles it when unstated), compares with
//! a value, and which governance model the council operates or considers;
//! `and`, `or` and `not` over these, and what settles that no entity
//! satisfies one ([`Absence`]). The predicates over the lists an entity
//! states (functions, relations) are decided in `lines.rs`, those over
//! time in `timeline/`.

use super::finding::{Finding, Truth};
use super::{Clause, Evaluator};
use super::{Fact, FactUse, Missing, Note, Observation};
use crate::date::Holding;
use crate::model::{
    AttributeId, BodyKindId, Comparator, ConditionKind, Entity, EntityId, Event, EventId, Governance, Law, LawId,
    Predicate, RelationId, RoleId, Settled, Stated, Target, TypedValue,
};

/// A predicate said of one post, member, body or service: of the council
/// as a whole, what is missing is the subject.
fn of_entity(entity: Option<(EntityId, &Entity)>, decide: impl FnOnce(EntityId, &Entity) -> Finding) -> Finding {
    match entity {
        Some((id, found)) => decide(id, found),
        None => Finding::missing(Missing::Subject),
    }
}

/// What settles that no entity satisfies a predicate, found in the facts
/// or the law ([`Evaluator::absence`]).
pub(super) struct Absence<'a> {
    /// The council states it has no body of the kind asked for.
    pub(super) denial: Option<(BodyKindId, &'a Stated<BodyKindId>)>,
    /// The role asked for is vacant.
    pub(super) vacancy: Option<(EventId, &'a Event)>,
    /// The law ended every body of the kind asked for.
    pub(super) ended: bool,
}

impl<'a> Evaluator<'a> {
    /// Evaluates a predicate of one entity, or of the council when `entity`
    /// is `None`.
    pub(super) fn predicate(&self, entity: Option<(EntityId, &Entity)>, predicate: &Predicate) -> Finding {
        match predicate {
            Predicate::And(parts) => Finding::all(parts.iter().map(|part| self.predicate(entity, part)).collect()),
            Predicate::Or(parts) => Finding::any(parts.iter().map(|part| self.predicate(entity, part)).collect()),
            Predicate::Not(inner) => self.predicate(entity, inner).negate(),
            Predicate::After {
                event,
                trigger,
                of,
                within,
            } => self.after(*event, *trigger, *of, *within),
            Predicate::Before { event, trigger, of } => self.before(*event, *trigger, *of),
            Predicate::Every { event, months } => self.every(*event, *months),
            Predicate::Governance { model, considering } => self.governance(*model, *considering),
            Predicate::Hold(roles) => of_entity(entity, |id, found| self.hold(id, found, roles)),
            Predicate::Responsible { only, functions } => {
                of_entity(entity, |id, found| self.responsible(id, found, *only, functions))
            }
            Predicate::Kind(kind) => of_entity(entity, |id, found| self.body_kind(id, found, *kind)),
            Predicate::Attribute(attribute) => of_entity(entity, |id, found| self.attribute(id, found, *attribute)),
            Predicate::Compare {
                attribute,
                comparator,
                value,
            } => of_entity(entity, |id, found| {
                self.compare_attribute(id, found, *attribute, *comparator, value)
            }),
            Predicate::Relation { relation, target } => {
                of_entity(entity, |id, found| self.relation(id, found, *relation, target))
            }
        }
    }

    /// What, besides a list declared complete, settles that no entity
    /// satisfies a predicate: asked of the predicate a count is over.
    pub(super) fn absence(&self, predicate: &Predicate) -> Absence<'a> {
        match predicate {
            // The council states it has no body of the kind; or the law
            // ended the kind, and that none exists is the law's word, not
            // a gap in the papers.
            Predicate::Kind(body_kind) => Absence {
                denial: self.denied(*body_kind).map(|fact| (*body_kind, fact)),
                vacancy: None,
                ended: self.kind_ended(*body_kind),
            },
            // A recorded vacancy states that no one holds the role: that no
            // post holds DCS then is a fact, not a gap in the papers.
            Predicate::Hold(roles) => Absence {
                denial: None,
                vacancy: roles.iter().find_map(|role| self.vacancy(*role)),
                ended: false,
            },
            // A line to a kind of body the law ended: none exists to lead
            // to, so no unlisted entity has one either.
            Predicate::Relation {
                target: Target::Kind(body_kind),
                ..
            } => Absence {
                denial: None,
                vacancy: None,
                ended: self.kind_ended(*body_kind),
            },
            Predicate::And(_)
            | Predicate::Or(_)
            | Predicate::Not(_)
            | Predicate::Responsible { .. }
            | Predicate::Attribute(_)
            | Predicate::Compare { .. }
            | Predicate::After { .. }
            | Predicate::Before { .. }
            | Predicate::Every { .. }
            | Predicate::Governance { .. }
            | Predicate::Relation { .. } => Absence {
                denial: None,
                vacancy: None,
                ended: false,
            },
        }
    }

    /// `hold R, S`: the entity holds every role listed.
    fn hold(&self, id: EntityId, entity: &Entity, roles: &[RoleId]) -> Finding {
        Finding::all(
            roles
                .iter()
                .map(|role| match self.holds(id, entity, *role) {
                    Some((fact, _)) => {
                        let used = Self::fact_use(
                            fact,
                            Fact::Holds {
                                entity: id,
                                role: *role,
                            },
                        );
                        {
                            Finding::new(
                                Truth::True,
                                Observation::Holds {
                                    entity: id,
                                    role: *role,
                                },
                            )
                            .with_fact(used)
                        }
                    }
                    None => Finding::new(
                        Truth::False,
                        Observation::DoesNotHold {
                            entity: id,
                            role: *role,
                        },
                    ),
                })
                .collect(),
        )
    }

    /// `be a KIND`: the body is of the kind.
    fn body_kind(&self, id: EntityId, entity: &Entity, kind: BodyKindId) -> Finding {
        match self.body_kind_held(id, entity) {
            None => Finding::missing(Missing::BodyKind { entities: vec![id] }),
            Some(fact) => {
                let used = Self::fact_use(
                    fact,
                    Fact::BodyKind {
                        entity: id,
                        kind: fact.value,
                    },
                );
                if fact.value == kind {
                    Finding::new(
                        Truth::True,
                        Observation::IsKind {
                            entity: id,
                            kind: fact.value,
                        },
                    )
                    .with_fact(used)
                } else {
                    Finding::new(
                        Truth::False,
                        Observation::IsOtherKind {
                            entity: id,
                            kind: fact.value,
                            wanted: kind,
                        },
                    )
                    .with_fact(used)
                }
            }
        }
    }

    /// Whether the law had ended every body of a kind by the as-at date.
    pub(super) fn kind_ended(&self, kind: BodyKindId) -> bool {
        self.policy
            .body_kind(kind)
            .and_then(|term| term.ended.as_ref())
            .is_some_and(|ended| ended.by.first_day() <= self.as_at)
    }

    /// `be ATTRIBUTE`: a yes/no attribute is yes, as stated or settled.
    fn attribute(&self, id: EntityId, entity: &Entity, attribute: AttributeId) -> Finding {
        match (
            self.attribute_line(id, entity, attribute),
            self.unstated(id, entity, attribute),
        ) {
            (Some((fact, _)), _) => {
                let value = fact.value == TypedValue::Bool(true);
                let used = Self::fact_use(
                    fact,
                    Fact::Attribute {
                        entity: id,
                        attribute,
                        value: fact.value.clone(),
                    },
                );
                {
                    Finding::new(
                        Truth::of(value),
                        Observation::AttributeIs {
                            entity: id,
                            attribute,
                            value,
                        },
                    )
                    .with_fact(used)
                }
            }
            (None, Some((value, observed, rests_on))) => {
                let mut finding = Finding::new(Truth::of(value == TypedValue::Bool(true)), observed);
                finding.facts.extend(rests_on);
                finding
            }
            (None, None) => Finding::missing(Missing::Attribute { entity: id, attribute }),
        }
    }

    /// `have ATTRIBUTE OP VALUE`: an attribute, as stated or settled,
    /// compares with a value.
    fn compare_attribute(
        &self,
        id: EntityId,
        entity: &Entity,
        attribute: AttributeId,
        comparator: Comparator,
        value: &TypedValue,
    ) -> Finding {
        match self.attribute_line(id, entity, attribute) {
            None => match self.unstated(id, entity, attribute) {
                Some((settled, observed, rests_on)) => {
                    let (truth, note) = compare(&settled, comparator, value);
                    let mut finding = Finding::new(truth, observed);
                    finding.facts.extend(rests_on);
                    finding.notes.extend(note);
                    finding
                }
                None => Finding::missing(Missing::Attribute { entity: id, attribute }),
            },
            Some((fact, _)) => {
                let used = Self::fact_use(
                    fact,
                    Fact::Attribute {
                        entity: id,
                        attribute,
                        value: fact.value.clone(),
                    },
                );
                let (truth, note) = compare(&fact.value, comparator, value);
                let mut finding = Finding::new(
                    truth,
                    Observation::AttributeValue {
                        entity: id,
                        attribute,
                        value: fact.value.clone(),
                    },
                )
                .with_fact(used);
                finding.notes.extend(note);
                if truth == Truth::Unknown {
                    finding.missing.push(Missing::ExactAttribute { entity: id, attribute });
                }
                finding
            }
        }
    }

    /// The value of an attribute an entity does not state: the one the
    /// guidance gives a post while its officer is seconded from another
    /// council, else the one the law gives the holders of a role it may
    /// hold as at the date, else the guidance's default; with what was
    /// observed, naming which, and the facts it rests on.
    fn unstated(
        &self,
        id: EntityId,
        entity: &Entity,
        attribute: AttributeId,
    ) -> Option<(TypedValue, Observation, Vec<FactUse>)> {
        if let Some(seconded) = self.by_secondment(id, entity, attribute) {
            return Some(seconded);
        }
        let by_law = self
            .laws_for(id, entity)
            .find_map(|(law_id, law, _)| match &law.settles {
                Settled::Attribute {
                    attribute: settled,
                    value,
                } if *settled == attribute => Some((law_id, value)),
                Settled::Attribute { .. } | Settled::Relation { .. } => None,
            });
        if let Some((law, value)) = by_law {
            return Some((
                value.clone(),
                Observation::AttributeByLaw {
                    entity: id,
                    attribute,
                    value: value.clone(),
                    law,
                },
                Vec::new(),
            ));
        }
        let default = self
            .policy
            .attribute(attribute)
            .and_then(|declared| declared.default.as_ref())?;
        Some((
            default.clone(),
            Observation::AttributeDefault {
                entity: id,
                attribute,
                value: default.clone(),
            },
            Vec::new(),
        ))
    }

    /// A relation the facts leave open, settled by a law for the holders
    /// of a role the entity holds, where the law's conditions surely hold:
    /// true, with the facts the conditions rest on. `None` where no law
    /// settles it, or the council states it has no body of the kind the
    /// law leads to (it is then not settled either way here).
    pub(super) fn relation_by_law(
        &self,
        id: EntityId,
        entity: &Entity,
        relation: RelationId,
        target: &Target,
    ) -> Option<Finding> {
        if let Target::Kind(kind) = target {
            if self.arrangement.has_no_at(*kind, self.as_at).is_some() {
                return None;
            }
        }
        let (law, facts) = self
            .laws_for(id, entity)
            .find_map(|(law_id, law, facts)| match &law.settles {
                Settled::Relation {
                    relation: settled,
                    target: leads_to,
                } if *settled == relation && leads_to == target => Some((law_id, facts)),
                Settled::Relation { .. } | Settled::Attribute { .. } => None,
            })?;
        let mut finding = Finding::new(
            Truth::True,
            Observation::RelatedByLaw {
                entity: id,
                relation,
                target: target.clone(),
                law,
            },
        );
        finding.facts.extend(facts);
        Some(finding)
    }

    /// The laws in force that settle something for an entity: those of a
    /// role it may hold as at the date, whose conditions surely hold; each
    /// with the facts its conditions rest on.
    fn laws_for<'e>(
        &'e self,
        id: EntityId,
        entity: &'e Entity,
    ) -> impl Iterator<Item = (LawId, &'a Law, Vec<FactUse>)> + 'e {
        let policy: &'a crate::model::Policy = self.policy;
        policy.laws.iter().enumerate().filter_map(move |(index, law)| {
            let law_id = LawId::from_index(index);
            let applies = self.by_law
                && self.policy.law_in_force(law_id, self.arrangement, self.as_at) == Holding::Yes
                && self.holds(id, entity, law.role).is_some();
            if !applies {
                return None;
            }
            self.law_conditions(law_id, law).map(|facts| (law_id, law, facts))
        })
    }

    /// Whether a law's conditions surely hold as at the date, weighed on
    /// the facts alone (no law settles what another law rests on): the
    /// facts they rest on if they do.
    fn law_conditions(&self, id: LawId, law: &Law) -> Option<Vec<FactUse>> {
        let facts_only = Evaluator { by_law: false, ..*self };
        let mut facts = Vec::new();
        for (index, condition) in law.conditions.iter().enumerate() {
            let (finding, _) = facts_only.claim(
                &condition.subject,
                &condition.predicate,
                false,
                Clause::LawCondition(id, index),
            );
            let holds = match condition.kind {
                ConditionKind::When => finding.truth == Truth::True,
                ConditionKind::Unless => finding.truth == Truth::False,
            };
            if !holds {
                return None;
            }
            facts.extend(finding.facts);
        }
        Some(facts)
    }

    /// `council uses MODEL` and `council considers MODEL`, from the
    /// header. A council that states the model it operates and names none
    /// under consideration is taken to be considering none: its papers
    /// describe its governance and mention no change.
    fn governance(&self, asked: Governance, considering: bool) -> Finding {
        let operated = self.arrangement.governance.as_ref();
        let fact_of = |stated: &Stated<Governance>, considering: bool| FactUse {
            fact: Fact::Governance {
                model: stated.value,
                considering,
            },
            origin: stated.origin.clone(),
            during: stated.during,
            basis: stated.basis,
        };
        if considering {
            if let Some(stated) = self.arrangement.considering.iter().find(|stated| stated.value == asked) {
                return Finding::new(
                    Truth::True,
                    Observation::Considers {
                        asked,
                        considering: true,
                    },
                )
                .with_fact(fact_of(stated, true));
            }
            return match operated {
                Some(stated) => Finding::new(
                    Truth::False,
                    Observation::Considers {
                        asked,
                        considering: false,
                    },
                )
                .with_fact(fact_of(stated, false)),
                None => Finding::missing(Missing::Governance),
            };
        }
        match operated {
            Some(stated) => Finding::new(
                Truth::of(stated.value == asked),
                Observation::Governs {
                    model: stated.value,
                    asked,
                },
            )
            .with_fact(fact_of(stated, false)),
            None => Finding::missing(Missing::Governance),
        }
    }
}

/// Compares two values: unknown when partial dates overlap as periods
/// (noted), or when the values are of different types.
fn compare(actual: &TypedValue, comparator: Comparator, expected: &TypedValue) -> (Truth, Option<Note>) {
    use std::cmp::Ordering;
    let ordering = match (actual, expected) {
        (TypedValue::Int(a), TypedValue::Int(b)) => Some(a.cmp(b)),
        (TypedValue::Bool(a), TypedValue::Bool(b)) => Some(a.cmp(b)),
        (TypedValue::Text(a), TypedValue::Text(b)) => Some(a.cmp(b)),
        (TypedValue::Date(a), TypedValue::Date(b)) => match a.relative_to(*b) {
            crate::date::Relative::Before => Some(Ordering::Less),
            crate::date::Relative::After => Some(Ordering::Greater),
            crate::date::Relative::Overlapping if a == b && !a.is_partial() => Some(Ordering::Equal),
            crate::date::Relative::Overlapping => {
                return (Truth::Unknown, Some(Note::DatesOverlap { first: *a, second: *b }))
            }
        },
        // The checker refuses a comparison of values of different types, so
        // this is unreachable from checked input; it stays unknown rather
        // than guessing.
        (TypedValue::Int(_) | TypedValue::Bool(_) | TypedValue::Text(_) | TypedValue::Date(_), _) => None,
    };
    let Some(ordering) = ordering else {
        return (Truth::Unknown, None);
    };
    let result = match comparator {
        Comparator::Equal => ordering == Ordering::Equal,
        Comparator::NotEqual => ordering != Ordering::Equal,
        Comparator::Less => ordering == Ordering::Less,
        Comparator::LessOrEqual => ordering != Ordering::Greater,
        Comparator::Greater => ordering == Ordering::Greater,
        Comparator::GreaterOrEqual => ordering != Ordering::Less,
    };
    (Truth::of(result), None)
}
