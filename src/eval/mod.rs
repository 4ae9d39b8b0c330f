//! The eval stage: every duty of a checked policy against one checked
//! arrangement, as at a date, giving verdicts as data.
//!
//! Facts are read three-valued: a fact the arrangement does not state is
//! unknown and is named as missing, never guessed; a fact stated as `no`
//! is false. Nothing here writes a sentence: a verdict records what it
//! consulted, observed and lacked, and [`crate::words`] says it.

mod fact;
mod finding;
mod missing;
mod note;
mod observation;
mod timeline;
mod verdict;

pub use fact::{Cause, Change, ChangeDetail, Fact, FactUse};
pub use missing::Missing;
pub use note::Note;
pub use observation::{Clause, Observation};
pub use verdict::{Binding, DepartureStatus, Reason, Verdict, VerdictKind};

use finding::{Finding, Truth};

use crate::date::{Day, Holding};
use crate::model::*;

/// Evaluates every duty and question of `policy` against `arrangement` as
/// at `as_at`, in the policy's order.
pub fn evaluate(policy: &Policy, arrangement: &Arrangement, as_at: Day) -> Vec<Verdict> {
    let evaluator = Evaluator {
        policy,
        arrangement,
        as_at,
    };
    policy
        .duties
        .iter()
        .enumerate()
        .filter_map(|(index, duty)| {
            let id = DutyId::from_index(index);
            match policy.duty_in_force(id, arrangement, as_at) {
                Holding::Yes => Some(evaluator.duty(id, duty)),
                Holding::No => None,
                // The duty applies if the amendment that made (or repealed)
                // it had taken effect for the council, which its papers do
                // not settle: the verdict says so rather than guess.
                Holding::Unknown(_) => Some(evaluator.commencement_unknown(id, duty)),
            }
        })
        .collect()
}

/// Where each recorded departure stands as at `as_at`, in the order the
/// arrangement records them.
pub fn departures(arrangement: &Arrangement, as_at: Day) -> Vec<DepartureStatus> {
    arrangement
        .departures
        .iter()
        .enumerate()
        .map(|(index, departure)| DepartureStatus {
            departure: DepartureId::from_index(index),
            review_passed: departure.review_by.map(|date| review_passed(date, as_at)),
        })
        .collect()
}

/// Whether a review-by date has passed: every day of it is before the
/// as-at date.
fn review_passed(review_by: crate::date::PartialDate, as_at: Day) -> bool {
    review_by.last_day() < as_at
}

/// A verdict being reached: everything but its reason, which is given
/// once, last ([`Draft::decided`]), and says the verdict.
#[derive(Clone)]
struct Draft {
    duty: DutyId,
    bindings: Vec<Binding>,
    facts: Vec<FactUse>,
    missing: Vec<Missing>,
    notes: Vec<Note>,
    answer: Option<AnswerId>,
}

impl Draft {
    fn new(duty: DutyId, answer: Option<AnswerId>) -> Draft {
        Draft {
            duty,
            bindings: Vec::new(),
            facts: Vec::new(),
            missing: Vec::new(),
            notes: Vec::new(),
            answer,
        }
    }

    fn decided(self, reason: Reason) -> Verdict {
        Verdict {
            duty: self.duty,
            reason,
            bindings: self.bindings,
            facts: self.facts,
            missing: self.missing,
            notes: self.notes,
            answer: self.answer,
        }
    }
}

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
struct Absence<'a> {
    /// The council states it has no body of the kind asked for.
    denial: Option<(BodyKindId, &'a Stated<BodyKindId>)>,
    /// The role asked for is vacant.
    vacancy: Option<(EventId, &'a Event)>,
    /// The law ended every body of the kind asked for.
    ended: bool,
}

struct Evaluator<'a> {
    policy: &'a Policy,
    arrangement: &'a Arrangement,
    as_at: Day,
}

impl<'a> Evaluator<'a> {
    /// The entities of a kind that may exist as at the date, optionally
    /// only those that may hold a role then.
    fn domain(&self, kind: EntityKind, holding: Option<RoleId>) -> Vec<EntityId> {
        self.arrangement
            .entities
            .iter()
            .enumerate()
            .filter(|(_, entity)| {
                entity.kind == kind
                    && entity.exists_at(self.as_at).possible()
                    && holding.is_none_or(|role| entity.holds_at(role, self.as_at).is_some())
            })
            .map(|(index, _)| EntityId::from_index(index))
            .collect()
    }

    /// The vacancy of a role in effect as at the date: the latest recorded
    /// by then, when no one surely holds the role.
    fn vacancy(&self, role: RoleId) -> Option<(EventId, &'a Event)> {
        if !self.holders(role).0.is_empty() {
            return None;
        }
        self.arrangement
            .events
            .iter()
            .enumerate()
            .filter(|(_, event)| {
                event.kind == EventKind::Vacancy
                    && event.roles.contains(&role)
                    && event.date.on.is_some_and(|date| date.last_day() <= self.as_at)
            })
            .max_by_key(|(_, event)| event.date.on)
            .map(|(index, event)| (EventId::from_index(index), event))
    }

    /// Who holds a role as at the date: those who surely do, and those who
    /// may (the paper says possibly, or their dates leave it open).
    fn holders(&self, role: RoleId) -> (Vec<EntityId>, Vec<EntityId>) {
        let mut sure = Vec::new();
        let mut maybe = Vec::new();
        for (index, entity) in self.arrangement.entities.iter().enumerate() {
            match entity.holds_at(role, self.as_at) {
                Some((_, Holding::Yes)) => sure.push(EntityId::from_index(index)),
                Some((_, Holding::Unknown(_))) => maybe.push(EntityId::from_index(index)),
                Some((_, Holding::No)) | None => {}
            }
        }
        (sure, maybe)
    }

    /// The fact that an entity holds a role, as consulted.
    fn holding_fact(&self, entity: EntityId, role: RoleId) -> Option<FactUse> {
        let (fact, _) = self.arrangement.entity(entity)?.holds_at(role, self.as_at)?;
        Some(Self::fact_use(fact, Fact::Holds { entity, role }))
    }

    /// A finding made unknown because the fact it rests on may not have
    /// held as at the date.
    fn uncertain(fact: FactUse, holding: Holding) -> Option<Finding> {
        match holding {
            Holding::Unknown(why) => {
                let mut finding = Finding::missing(Missing::Uncertain {
                    fact: fact.fact.clone(),
                    why,
                });
                finding.facts.push(fact);
                Some(finding)
            }
            Holding::Yes | Holding::No => None,
        }
    }

    /// Evaluates a subject and predicate: the truth that the subject
    /// satisfies the predicate (or, when `negate`, its negation, applied to
    /// each entity before counting).
    fn claim(&self, subject: &Subject, predicate: &Predicate, negate: bool, clause: Clause) -> (Finding, Vec<Binding>) {
        let per_entity = |entity: EntityId| {
            let finding = match self.arrangement.entity(entity) {
                Some(found) => match found.exists_at(self.as_at) {
                    Holding::Unknown(why) => Finding::missing(Missing::Existed { entity, why }),
                    Holding::Yes | Holding::No => self.predicate(Some((entity, found)), predicate),
                },
                // Ids come from the arrangement's own table.
                None => Finding::default(),
            };
            if negate {
                finding.negate()
            } else {
                finding
            }
        };
        match subject {
            Subject::Council => {
                let finding = self.predicate(None, predicate);
                (if negate { finding.negate() } else { finding }, Vec::new())
            }
            Subject::Role(role) => {
                let (sure, maybe) = self.holders(*role);
                if sure.is_empty() && maybe.is_empty() {
                    let mut finding = Finding::missing(Missing::Holder { role: *role });
                    finding.said.push(Observation::NoHolder { role: *role });
                    return (finding, Vec::new());
                }
                let mut parts = Vec::new();
                let mut bindings = Vec::new();
                let bound = |holder: EntityId| {
                    let mut finding = per_entity(holder);
                    if let Some(fact) = self.holding_fact(holder, *role) {
                        finding.facts.insert(0, fact);
                    }
                    finding
                };
                for holder in &sure {
                    bindings.push(Binding {
                        role: Some(*role),
                        entity: *holder,
                        certain: true,
                    });
                    parts.push(bound(*holder));
                }
                // Of the candidates, the duty is decided only if it comes
                // out the same whichever of them holds the role.
                if !maybe.is_empty() {
                    let candidates: Vec<Finding> = maybe.iter().map(|holder| bound(*holder)).collect();
                    bindings.extend(maybe.iter().map(|holder| Binding {
                        role: Some(*role),
                        entity: *holder,
                        certain: false,
                    }));
                    let first = candidates.first().map(|finding| finding.truth);
                    // With no sure holder, the role may be held by none of
                    // the candidates unless the paper says it is one of them
                    // (`possibly` on each): their dates leave a vacancy open.
                    let one_of_them = sure.is_empty()
                        && maybe.iter().all(|holder| {
                            self.arrangement
                                .entity(*holder)
                                .and_then(|entity| entity.holds_at(*role, self.as_at))
                                .is_some_and(|(_, holding)| {
                                    holding == Holding::Unknown(crate::date::Uncertainty::Possibly)
                                })
                        });
                    if candidates.iter().all(|finding| Some(finding.truth) == first)
                        && (!sure.is_empty() || one_of_them)
                    {
                        parts.extend(candidates);
                    } else {
                        let mut finding = Finding::merge(candidates, Truth::Unknown);
                        finding.truth = Truth::Unknown;
                        finding.missing.insert(
                            0,
                            Missing::WhichHolder {
                                role: *role,
                                candidates: maybe.clone(),
                            },
                        );
                        parts.push(finding);
                    }
                }
                (Finding::all(parts), bindings)
            }
            Subject::Quantified {
                quantifier,
                entity,
                holding,
            } => self.quantified(*quantifier, *entity, *holding, predicate, negate, clause, per_entity),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn quantified(
        &self,
        quantifier: Quantifier,
        kind: EntityKind,
        holding: Option<RoleId>,
        predicate: &Predicate,
        negate: bool,
        clause: Clause,
        per_entity: impl Fn(EntityId) -> Finding,
    ) -> (Finding, Vec<Binding>) {
        let domain = self.domain(kind, holding);
        let findings: Vec<(EntityId, Finding)> = domain
            .iter()
            .map(|id| {
                let mut finding = per_entity(*id);
                let Some(role) = holding else {
                    return (*id, finding);
                };
                if let Some(held) = self.holding_fact(*id, role) {
                    finding.facts.insert(0, held);
                }
                // An entity that may not hold the role as at the date counts
                // only where that cannot matter: for `each`, if it meets
                // the predicate anyway.
                let membership = self
                    .arrangement
                    .entity(*id)
                    .and_then(|entity| entity.holds_at(role, self.as_at))
                    .map(|(_, holding)| holding);
                if let Some(Holding::Unknown(why)) = membership {
                    let settles = quantifier == Quantifier::Each && finding.truth == Truth::True;
                    if !settles {
                        finding.truth = Truth::Unknown;
                        if let Some(fact) = self.holding_fact(*id, role) {
                            finding.missing.insert(0, Missing::Uncertain { fact: fact.fact, why });
                        }
                    }
                }
                (*id, finding)
            })
            .collect();
        let satisfying: Vec<EntityId> = findings
            .iter()
            .filter(|(_, finding)| finding.truth == Truth::True)
            .map(|(id, _)| *id)
            .collect();
        let bindings = satisfying
            .iter()
            .map(|entity| Binding {
                role: holding,
                entity: *entity,
                certain: true,
            })
            .collect();
        // A count over a kind of entity the arrangement does not describe
        // at all (no member declared) cannot be zero by evidence: the paper
        // is silent, not negative.
        let described = self.arrangement.entities.iter().any(|declared| declared.kind == kind);
        let Absence { denial, vacancy, ended } = self.absence(predicate);
        if !described && denial.is_none() {
            let mut finding = Finding::missing(Missing::EntitiesOfKind { kind });
            finding.said.push(Observation::NoneDeclared { kind });
            return (finding, bindings);
        }
        if quantifier == Quantifier::Each {
            if domain.is_empty() {
                let mut finding = Finding::missing(Missing::AnyOfKind { kind, holding });
                finding.said.push(Observation::NoneRecorded { kind, holding });
                return (finding, bindings);
            }
            return (
                Finding::all(findings.into_iter().map(|(_, finding)| finding).collect()),
                bindings,
            );
        }
        let trues = satisfying.len();
        let unknowns: Vec<EntityId> = findings
            .iter()
            .filter(|(_, finding)| finding.truth == Truth::Unknown)
            .map(|(id, _)| *id)
            .collect();
        let truth = match quantifier {
            Quantifier::ExactlyOne if trues > 1 => Truth::False,
            Quantifier::ExactlyOne if trues + unknowns.len() == 0 => Truth::False,
            Quantifier::ExactlyOne if trues == 1 && unknowns.is_empty() => Truth::True,
            Quantifier::AtLeastOne if trues >= 1 => Truth::True,
            Quantifier::AtLeastOne if unknowns.is_empty() => Truth::False,
            Quantifier::No if trues >= 1 => Truth::False,
            Quantifier::No if unknowns.is_empty() => Truth::True,
            Quantifier::ExactlyOne | Quantifier::AtLeastOne | Quantifier::No | Quantifier::Each => Truth::Unknown,
        };
        // A conclusion that rests on nothing being found holds only if the
        // arrangement lists every entity of the kind (or the holders of a
        // role, which are always listed), or states that it has no body of
        // the kind the predicate names.
        let rests_on_absence = trues == 0 && unknowns.is_empty();
        let listed = holding.is_some() || vacancy.is_some() || ended || self.arrangement.lists_every(kind);
        let absence_unknown = rests_on_absence && denial.is_none() && !listed;
        let mut finding = Finding {
            truth: if absence_unknown { Truth::Unknown } else { truth },
            ..Finding::default()
        };
        if absence_unknown {
            finding.missing.push(Missing::CompleteList {
                kind,
                holding,
                clause,
                negated: negate,
                listed: domain.len(),
            });
        } else {
            finding.said.push(Observation::Count {
                kind,
                holding,
                clause,
                negated: negate,
                satisfying,
                undetermined: unknowns,
            });
        }
        if let Some((id, event)) = vacancy {
            finding.facts.push(timeline::event_fact(id, event));
        }
        if let Some((body_kind, fact)) = denial {
            finding
                .facts
                .push(Self::fact_use(fact, Fact::NoBodyOfKind { kind: body_kind }));
        }
        let mut facts = Vec::new();
        for (_, part) in findings {
            if part.truth == Truth::Unknown {
                finding.missing.extend(part.missing);
            }
            facts.extend(part.facts);
            finding.notes.extend(part.notes);
        }
        finding::push_facts(&mut finding.facts, facts);
        (finding, bindings)
    }

    /// What, besides a list declared complete, settles that no entity
    /// satisfies a predicate: asked of the predicate a count is over.
    fn absence(&self, predicate: &Predicate) -> Absence<'a> {
        match predicate {
            // The council states it has no body of the kind; or the law
            // ended the kind, and that none exists is the law's word, not
            // a gap in the papers.
            Predicate::Kind(body_kind) => Absence {
                denial: self
                    .arrangement
                    .has_no_at(*body_kind, self.as_at)
                    .map(|fact| (*body_kind, fact)),
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
            Predicate::And(_)
            | Predicate::Or(_)
            | Predicate::Not(_)
            | Predicate::Responsible { .. }
            | Predicate::Attribute(_)
            | Predicate::Compare { .. }
            | Predicate::After { .. }
            | Predicate::Every { .. }
            | Predicate::Governance { .. }
            | Predicate::Relation { .. } => Absence {
                denial: None,
                vacancy: None,
                ended: false,
            },
        }
    }

    /// Evaluates a predicate of one entity, or of the council when `entity`
    /// is `None`.
    fn predicate(&self, entity: Option<(EntityId, &Entity)>, predicate: &Predicate) -> Finding {
        match predicate {
            Predicate::And(parts) => Finding::all(parts.iter().map(|part| self.predicate(entity, part)).collect()),
            Predicate::Or(parts) => Finding::any(parts.iter().map(|part| self.predicate(entity, part)).collect()),
            Predicate::Not(inner) => self.predicate(entity, inner).negate(),
            Predicate::After {
                event,
                trigger,
                of,
                within,
            } => timeline::after(
                self.arrangement,
                self.policy,
                self.as_at,
                *event,
                *trigger,
                *of,
                *within,
            ),
            Predicate::Every { event, months } => timeline::every(self.arrangement, self.as_at, *event, *months),
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

    fn fact_use<T>(fact: &Stated<T>, used: Fact) -> FactUse {
        FactUse {
            fact: used,
            origin: fact.origin.clone(),
            during: fact.during,
            basis: fact.basis,
        }
    }

    /// `hold R, S`: the entity holds every role listed.
    fn hold(&self, id: EntityId, entity: &Entity, roles: &[RoleId]) -> Finding {
        Finding::all(
            roles
                .iter()
                .map(|role| match entity.holds_at(*role, self.as_at) {
                    Some((fact, holding)) => {
                        let used = Self::fact_use(
                            fact,
                            Fact::Holds {
                                entity: id,
                                role: *role,
                            },
                        );
                        Self::uncertain(used.clone(), holding).unwrap_or_else(|| {
                            Finding::new(
                                Truth::True,
                                Observation::Holds {
                                    entity: id,
                                    role: *role,
                                },
                            )
                            .with_fact(used)
                        })
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
        match &entity.body_kind {
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

    /// `be ATTRIBUTE`: a yes/no attribute is yes, as stated or settled.
    fn attribute(&self, id: EntityId, entity: &Entity, attribute: AttributeId) -> Finding {
        match (
            entity.attribute_at(attribute, self.as_at),
            self.unstated(id, entity, attribute),
        ) {
            (Some((fact, holding)), _) => {
                let value = fact.value == TypedValue::Bool(true);
                let used = Self::fact_use(
                    fact,
                    Fact::Attribute {
                        entity: id,
                        attribute,
                        value: fact.value.clone(),
                    },
                );
                Self::uncertain(used.clone(), holding).unwrap_or_else(|| {
                    Finding::new(
                        Truth::of(value),
                        Observation::AttributeIs {
                            entity: id,
                            attribute,
                            value,
                        },
                    )
                    .with_fact(used)
                })
            }
            (None, Some((value, observed))) => Finding::new(Truth::of(value == TypedValue::Bool(true)), observed),
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
        match entity.attribute_at(attribute, self.as_at) {
            None => match self.unstated(id, entity, attribute) {
                Some((settled, observed)) => {
                    let (truth, note) = compare(&settled, comparator, value);
                    let mut finding = Finding::new(truth, observed);
                    finding.notes.extend(note);
                    finding
                }
                None => Finding::missing(Missing::Attribute { entity: id, attribute }),
            },
            Some((fact, holding)) => {
                let used = Self::fact_use(
                    fact,
                    Fact::Attribute {
                        entity: id,
                        attribute,
                        value: fact.value.clone(),
                    },
                );
                if let Some(finding) = Self::uncertain(used.clone(), holding) {
                    return finding;
                }
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

    /// `responsible_for F, G` and `responsible_for only F, G`, over the
    /// lists of functions that hold as at the date. A function the lists
    /// do not name is not evidence of absence while the lists may be
    /// incomplete (`other_functions unknown` or `yes`).
    fn responsible(&self, id: EntityId, entity: &Entity, only: bool, functions: &[FunctionId]) -> Finding {
        let lines = entity.functions_at(self.as_at);
        if lines.is_empty() {
            return Finding::missing(Missing::Functions { entity: id });
        }
        let mut held: Vec<FunctionId> = Vec::new();
        let mut maybe: Vec<(FactUse, crate::date::Holding)> = Vec::new();
        let mut used: Vec<FactUse> = Vec::new();
        for (line, holding) in &lines {
            let fact = Self::fact_use(
                *line,
                Fact::Functions {
                    entity: id,
                    functions: line.value.clone(),
                },
            );
            match holding {
                Holding::Yes => {
                    for function in &line.value {
                        if !held.contains(function) {
                            held.push(*function);
                        }
                    }
                    used.push(fact);
                }
                Holding::Unknown(_) | Holding::No => maybe.push((fact, *holding)),
            }
        }
        let with_facts = |mut finding: Finding| {
            finding.facts.extend(used.iter().cloned());
            finding
        };
        let unsure = |finding: Finding| match maybe.first() {
            Some((fact, holding)) => Self::uncertain(fact.clone(), *holding).unwrap_or(finding),
            None => finding,
        };
        if held.is_empty() {
            return unsure(Finding::missing(Missing::Functions { entity: id }));
        }
        if only {
            let others: Vec<FunctionId> = held
                .iter()
                .filter(|function| !functions.contains(function))
                .copied()
                .collect();
            if !others.is_empty() {
                return with_facts(Finding::new(
                    Truth::False,
                    Observation::AlsoResponsibleFor {
                        entity: id,
                        functions: others,
                    },
                ));
            }
            if !maybe.is_empty() {
                return with_facts(unsure(Finding::default()));
            }
            match entity.other_functions {
                Some(true) => with_facts(Finding::new(
                    Truth::False,
                    Observation::ResponsibleForMore {
                        entity: id,
                        functions: held,
                    },
                )),
                None => with_facts(Finding::missing(Missing::FunctionsBeyond {
                    entity: id,
                    listed: held,
                })),
                Some(false) => with_facts(Finding::new(
                    Truth::True,
                    Observation::ResponsibleOnlyFor {
                        entity: id,
                        functions: held,
                    },
                )),
            }
        } else {
            let lacking: Vec<FunctionId> = functions
                .iter()
                .filter(|function| !held.contains(function))
                .copied()
                .collect();
            if lacking.is_empty() {
                return with_facts(Finding::new(
                    Truth::True,
                    Observation::ResponsibleFor {
                        entity: id,
                        functions: held,
                    },
                ));
            }
            if !maybe.is_empty() {
                return with_facts(unsure(Finding::default()));
            }
            match entity.other_functions {
                Some(false) => with_facts(Finding::new(
                    Truth::False,
                    Observation::NotResponsibleFor {
                        entity: id,
                        functions: lacking,
                    },
                )),
                // The list is not complete: a function it does not name may
                // be among the others.
                Some(true) | None => with_facts(Finding::missing(Missing::FunctionsBeyond {
                    entity: id,
                    listed: held,
                })),
            }
        }
    }

    /// Whether the arrangement lists every line of a relation: lines of
    /// accountability always, others when the arrangement says so.
    fn lists_every(&self, relation: RelationId) -> bool {
        self.policy
            .relation(relation)
            .is_some_and(|declared| declared.hierarchy)
            || self.arrangement.complete_relations.contains(&relation)
    }

    /// The value of an attribute an entity does not state: the one the law
    /// gives the holders of a role it may hold as at the date, else the
    /// guidance's default; with what was observed, naming which.
    fn unstated(&self, id: EntityId, entity: &Entity, attribute: AttributeId) -> Option<(TypedValue, Observation)> {
        let by_law = self.policy.laws.iter().enumerate().find(|(index, law)| {
            law.attribute == attribute
                && self
                    .policy
                    .law_in_force(LawId::from_index(*index), self.arrangement, self.as_at)
                    == Holding::Yes
                && entity
                    .holds_at(law.role, self.as_at)
                    .is_some_and(|(_, holding)| holding.possible())
        });
        if let Some((index, law)) = by_law {
            return Some((
                law.value.clone(),
                Observation::AttributeByLaw {
                    entity: id,
                    attribute,
                    value: law.value.clone(),
                    law: LawId::from_index(index),
                },
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
        ))
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

    /// Notes for a duty that mentions a kind of body the law had ended by
    /// the as-at date: its verdict is about a board that no longer exists.
    fn ended_kinds(&self, duty: &Duty) -> Vec<Note> {
        let mut predicates: Vec<&Predicate> = duty.conditions.iter().map(|condition| &condition.predicate).collect();
        if let DutyKind::Rule { predicate, .. } = &duty.kind {
            predicates.push(predicate);
        }
        let mut kinds: Vec<BodyKindId> = predicates
            .into_iter()
            .flat_map(Predicate::mentions)
            .filter_map(|mention| match mention {
                Mention::BodyKind(kind) => Some(kind),
                Mention::Role(_) | Mention::Function(_) | Mention::Relation(_) | Mention::Attribute(_) => None,
            })
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
            .into_iter()
            .filter(|kind| self.kind_ended(*kind))
            .map(|kind| Note::KindEnded { kind })
            .collect()
    }

    /// Whether the law had ended every body of a kind by the as-at date.
    fn kind_ended(&self, kind: BodyKindId) -> bool {
        self.policy
            .body_kind(kind)
            .and_then(|term| term.ended.as_ref())
            .is_some_and(|ended| ended.by.first_day() <= self.as_at)
    }

    /// A relation to a holder of a role or to a kind of body, over the
    /// lines that hold as at the date. A line that may not hold then, or a
    /// target that may not hold the role then, leaves the answer unknown
    /// where it would decide it.
    fn relation(&self, id: EntityId, entity: &Entity, relation: RelationId, target: &Target) -> Finding {
        let lines = entity.relation_at(relation, self.as_at);
        if lines.is_empty() {
            // A line of accountability never leads back to where it starts:
            // a post that is itself the only holder of the role asked for
            // (a DCS who is the Chief Executive) has no one holding it to
            // report to, whatever its papers leave unsaid.
            if let Target::Role(role) = target {
                let hierarchy = self
                    .policy
                    .relation(relation)
                    .is_some_and(|declared| declared.hierarchy);
                let (sure, maybe) = self.holders(*role);
                if hierarchy && sure == [id] && maybe.is_empty() {
                    let mut finding = Finding::new(
                        Truth::False,
                        Observation::HoldsTheTargetItself {
                            entity: id,
                            relation,
                            role: *role,
                        },
                    );
                    finding.facts.extend(self.holding_fact(id, *role));
                    return finding;
                }
            }
            return Finding::missing(Missing::Relation { entity: id, relation });
        }
        let mut targets: Vec<EntityId> = Vec::new();
        let mut fact_uses: Vec<FactUse> = Vec::new();
        let mut unsure_lines: Vec<(FactUse, Holding)> = Vec::new();
        for (line, holding) in &lines {
            let used = Self::fact_use(
                *line,
                Fact::Relation {
                    entity: id,
                    relation,
                    targets: line.value.clone(),
                },
            );
            match holding {
                Holding::Yes => {
                    targets.extend(line.value.iter().copied());
                    fact_uses.push(used);
                }
                Holding::Unknown(_) | Holding::No => unsure_lines.push((used, *holding)),
            }
        }
        let with_facts = |mut finding: Finding| {
            finding.facts.extend(fact_uses.iter().cloned());
            finding
        };
        let unsure = |finding: Finding| match unsure_lines.first() {
            Some((fact, holding)) => with_facts(Self::uncertain(fact.clone(), *holding).unwrap_or(finding)),
            None => with_facts(finding),
        };
        if targets.is_empty() {
            return unsure(Finding::missing(Missing::Relation { entity: id, relation }));
        }
        let incomplete = || {
            with_facts(Finding::missing(Missing::CompleteRelation {
                entity: id,
                relation,
                target: target.clone(),
                listed: targets.clone(),
            }))
        };
        match target {
            Target::Role(role) => {
                let mut matching = Vec::new();
                let mut maybe_holder: Option<Finding> = None;
                for candidate in &targets {
                    match self.arrangement.entity(*candidate).and_then(|found| {
                        found
                            .holds_at(*role, self.as_at)
                            .map(|(fact, holding)| (found, fact, holding))
                    }) {
                        Some((_, _, Holding::Yes)) => matching.push(*candidate),
                        Some((_, fact, holding)) if maybe_holder.is_none() => {
                            let used = Self::fact_use(
                                fact,
                                Fact::Holds {
                                    entity: *candidate,
                                    role: *role,
                                },
                            );
                            maybe_holder = Self::uncertain(used, holding);
                        }
                        Some(_) => {}
                        None => {}
                    }
                }
                if !matching.is_empty() {
                    with_facts(Finding::new(
                        Truth::True,
                        Observation::RelatedToHolder {
                            entity: id,
                            relation,
                            targets: matching,
                            role: *role,
                        },
                    ))
                } else if let Some(finding) = maybe_holder {
                    with_facts(finding)
                } else if !unsure_lines.is_empty() {
                    unsure(Finding::default())
                } else if !self.lists_every(relation) {
                    incomplete()
                } else {
                    with_facts(Finding::new(
                        Truth::False,
                        Observation::RelatedToNoHolder {
                            entity: id,
                            relation,
                            targets: targets.clone(),
                            role: *role,
                        },
                    ))
                }
            }
            Target::Kind(kind) => {
                let mut unknown = Vec::new();
                let mut matching = Vec::new();
                for candidate in &targets {
                    match self
                        .arrangement
                        .entity(*candidate)
                        .and_then(|entity| entity.body_kind.as_ref())
                    {
                        Some(body_kind) if body_kind.value == *kind => matching.push(*candidate),
                        Some(_) => {}
                        None => unknown.push(*candidate),
                    }
                }
                if !matching.is_empty() {
                    with_facts(Finding::new(
                        Truth::True,
                        Observation::RelatedToKind {
                            entity: id,
                            relation,
                            targets: matching,
                            kind: *kind,
                        },
                    ))
                } else if !unknown.is_empty() {
                    with_facts(Finding::missing(Missing::BodyKind { entities: unknown }))
                } else if !unsure_lines.is_empty() {
                    unsure(Finding::default())
                } else if let Some(denial) = self.arrangement.has_no_at(*kind, self.as_at) {
                    with_facts(
                        Finding::new(
                            Truth::False,
                            Observation::RelatedToNoKind {
                                entity: id,
                                relation,
                                targets: targets.clone(),
                                kind: *kind,
                                denied: true,
                            },
                        )
                        .with_fact(Self::fact_use(denial, Fact::NoBodyOfKind { kind: *kind })),
                    )
                } else if self.lists_every(relation) {
                    with_facts(Finding::new(
                        Truth::False,
                        Observation::RelatedToNoKind {
                            entity: id,
                            relation,
                            targets: targets.clone(),
                            kind: *kind,
                            denied: false,
                        },
                    ))
                } else {
                    incomplete()
                }
            }
        }
    }

    /// The verdict of a duty whose being in force for the council turns on
    /// an amendment's commencement in its area, which is not known.
    fn commencement_unknown(&self, id: DutyId, duty: &Duty) -> Verdict {
        let missing: Vec<Missing> = self
            .policy
            .editions
            .iter()
            .enumerate()
            .filter(|(index, edition)| {
                edition.by_area
                    && matches!(
                        self.policy.commenced(*index, self.arrangement, self.as_at),
                        Holding::Unknown(_)
                    )
            })
            .map(|(index, _)| Missing::Commencement {
                edition: EditionId::from_index(index),
            })
            .collect();
        // As for a condition the facts do not settle: a duty met while it
        // may or may not be in force is met either way (an LSCB the council
        // still had when the LSCB duty may have been repealed).
        let mut decided = self.duty(id, duty);
        if matches!(decided.kind(), VerdictKind::Pass | VerdictKind::Answered) {
            decided.notes.push(Note::MetWhetherOrNotItApplies { missing });
            return decided;
        }
        let mut verdict = Draft {
            missing,
            ..Draft::new(id, self.latest_answer(id))
        };
        if decided.kind() == VerdictKind::Unknown {
            for missing in decided.missing {
                if !verdict.missing.contains(&missing) {
                    verdict.missing.push(missing);
                }
            }
        }
        verdict.decided(Reason::ConditionUnknown)
    }

    fn duty(&self, id: DutyId, duty: &Duty) -> Verdict {
        let mut verdict = Draft {
            notes: self.ended_kinds(duty),
            ..Draft::new(id, self.latest_answer(id))
        };
        let mut unknown_conditions = Vec::new();
        // The conditions' facts follow the rule's: a verdict points first at
        // what the duty asks of the council, then at why it applies.
        let mut condition_facts = Vec::new();
        for (index, condition) in duty.conditions.iter().enumerate() {
            let (finding, _) = self.claim(
                &condition.subject,
                &condition.predicate,
                false,
                Clause::Condition(id, index),
            );
            finding::push_facts(&mut condition_facts, finding.facts.iter().cloned());
            match (condition.kind, finding.truth) {
                (ConditionKind::When, Truth::False) | (ConditionKind::Unless, Truth::True) => {
                    verdict.notes.extend(finding.notes);
                    verdict.facts = condition_facts;
                    return verdict.decided(Reason::ConditionNotMet {
                        condition: index,
                        observed: finding.said,
                    });
                }
                (_, Truth::Unknown) => unknown_conditions.push(finding),
                (ConditionKind::When, Truth::True) | (ConditionKind::Unless, Truth::False) => {}
            }
        }
        if !unknown_conditions.is_empty() {
            let merged = Finding::merge(unknown_conditions, Truth::Unknown);
            // What the duty asks may be met whether or not it applies: then
            // the council complies either way, and is not asked to settle
            // the condition (a Lead Member in the cabinet needs no word on
            // whether the council runs the committee system).
            let mut decided = self.requirement(duty, verdict.clone());
            if matches!(decided.kind(), VerdictKind::Pass | VerdictKind::Answered) {
                // The facts the conditions used stay with the verdict.
                finding::push_facts(&mut decided.facts, condition_facts);
                decided.notes.extend(merged.notes);
                decided.notes.push(Note::MetWhetherOrNotItApplies {
                    missing: merged.missing,
                });
                return decided;
            }
            verdict.missing = merged.missing;
            // What the requirement itself lacks is asked for too, so that
            // one set of facts from the council settles the verdict.
            if decided.kind() == VerdictKind::Unknown {
                for missing in decided.missing {
                    if !verdict.missing.contains(&missing) {
                        verdict.missing.push(missing);
                    }
                }
            }
            verdict.notes.extend(merged.notes);
            verdict.facts = condition_facts;
            return verdict.decided(Reason::ConditionUnknown);
        }
        let mut decided = self.requirement(duty, verdict);
        finding::push_facts(&mut decided.facts, condition_facts);
        decided
    }

    /// The verdict on what a duty asks, its conditions aside.
    fn requirement(&self, duty: &Duty, verdict: Draft) -> Verdict {
        match &duty.kind {
            DutyKind::Rule { subject, predicate, .. } => self.rule(duty, subject, predicate, verdict),
            DutyKind::Question { renew_on_change_of, .. } => self.question(*renew_on_change_of, verdict),
        }
    }

    fn rule(&self, duty: &Duty, subject: &Subject, predicate: &Predicate, mut verdict: Draft) -> Verdict {
        let negate = duty.modality.is_negative();
        let (finding, bindings) = self.claim(subject, predicate, negate, Clause::Rule(verdict.duty));
        verdict.bindings = bindings;
        finding::push_facts(&mut verdict.facts, finding.facts);
        verdict.notes.extend(finding.notes);
        let observed = finding.said;
        if finding.vacuous && finding.truth == Truth::True {
            return verdict.decided(Reason::NothingToApplyTo { observed });
        }
        let reason = match (duty.modality, finding.truth) {
            (Modality::May, Truth::True) => Reason::PermissionUsed { observed },
            (Modality::May, Truth::False) => Reason::PermissionNotUsed { observed },
            (Modality::May, Truth::Unknown) => Reason::PermissionNotShown {
                unstated: finding.missing,
            },
            (Modality::Must | Modality::MustNot | Modality::Should | Modality::ShouldNot, Truth::True) => {
                Reason::Met { observed }
            }
            (Modality::Must | Modality::MustNot, Truth::False) => Reason::Breached { observed },
            (Modality::Should | Modality::ShouldNot, Truth::False) => match self.departure(verdict.duty) {
                Some((departure_id, departure)) => {
                    verdict.facts.push(FactUse {
                        fact: Fact::Departure {
                            departure: departure_id,
                        },
                        origin: departure.origin.clone(),
                        during: crate::date::Period::ALWAYS,
                        basis: Basis::Stated,
                    });
                    match self.words_replaced(verdict.duty, departure.approved, departure.against) {
                        // Reasons given against words since replaced need a
                        // fresh look before they excuse the duty.
                        Some((paragraph, edition)) => Reason::DepartureFromReplacedWords {
                            departure: departure_id,
                            paragraph,
                            edition,
                        },
                        None => Reason::Departed {
                            departure: departure_id,
                            review_passed: departure.review_by.is_some_and(|date| review_passed(date, self.as_at)),
                            observed,
                        },
                    }
                }
                None => Reason::Unexplained { observed },
            },
            (Modality::Must | Modality::MustNot | Modality::Should | Modality::ShouldNot, Truth::Unknown) => {
                verdict.missing = finding.missing;
                verdict.missing.dedup();
                Reason::Undecided { observed }
            }
        };
        verdict.decided(reason)
    }

    /// The departure recorded for a duty by the as-at date, the latest if
    /// several.
    fn departure(&self, duty: DutyId) -> Option<(DepartureId, &'a Departure)> {
        self.arrangement
            .departures
            .iter()
            .enumerate()
            .filter(|(_, departure)| {
                self.policy.family(departure.duty) == self.policy.family(duty)
                    && departure.approved.is_none_or(|date| date.begun_by(self.as_at))
            })
            .max_by_key(|(index, departure)| (departure.approved, *index))
            .map(|(index, departure)| (DepartureId::from_index(index), departure))
    }

    /// The latest answer given to a duty or question by the as-at date.
    fn latest_answer(&self, duty: DutyId) -> Option<AnswerId> {
        self.arrangement
            .answers
            .iter()
            .enumerate()
            // An answer belongs to the duty whatever version is in force.
            .filter(|(_, answer)| {
                self.policy.family(answer.duty) == self.policy.family(duty)
                    && answer.given.is_none_or(|date| date.begun_by(self.as_at))
            })
            .max_by_key(|(index, answer)| (answer.given, *index))
            .map(|(index, _)| AnswerId::from_index(index))
    }

    fn question(&self, renew_on_change_of: Option<RoleId>, mut verdict: Draft) -> Verdict {
        let Some((answer_id, answer)) = verdict.answer.and_then(|id| Some((id, self.arrangement.answer(id)?))) else {
            return verdict.decided(Reason::NoAnswer { up_to: self.as_at });
        };
        verdict.facts.push(FactUse {
            fact: Fact::Answer { answer: answer_id },
            origin: answer.origin.clone(),
            during: crate::date::Period::ALWAYS,
            basis: Basis::Stated,
        });
        if let Some(role) = renew_on_change_of {
            let changes = timeline::changes_of(self.arrangement, self.policy, self.as_at, role);
            let relative = |change: &Change, given: crate::date::PartialDate| match change.date {
                Some(date) => date.relative_to(given),
                None => crate::date::Relative::Overlapping,
            };
            match answer.given {
                Some(given) => {
                    let later = changes
                        .iter()
                        .filter(|(change, _)| relative(change, given) == crate::date::Relative::After)
                        .max_by_key(|(change, _)| change.date);
                    let overlapping = changes
                        .iter()
                        .find(|(change, _)| relative(change, given) == crate::date::Relative::Overlapping);
                    if let Some((change, origin)) = later {
                        verdict.facts.push(timeline::change_fact(change, origin.clone()));
                        return verdict.decided(Reason::AnswerPredatesChange {
                            answer: answer_id,
                            change: change.clone(),
                        });
                    }
                    if let Some((change, origin)) = overlapping {
                        verdict.facts.push(timeline::change_fact(change, origin.clone()));
                        verdict.missing.push(Missing::AnswerOrder {
                            answer: answer_id,
                            change: change.clone(),
                        });
                        verdict.notes.push(Note::AnswerChangeOverlap {
                            answer: answer_id,
                            change: change.clone(),
                        });
                        return verdict.decided(Reason::AnswerOrderUnknown {
                            answer: answer_id,
                            change: change.clone(),
                        });
                    }
                }
                None if !changes.is_empty() => {
                    verdict.missing.push(Missing::AnswerDate { answer: answer_id });
                    return verdict.decided(Reason::AnswerUndated { answer: answer_id });
                }
                None => {}
            }
        }
        if let Some((paragraph, edition)) = self.words_replaced(verdict.duty, answer.given, answer.against) {
            return verdict.decided(Reason::AnswerToReplacedWords {
                answer: answer_id,
                paragraph,
                edition,
            });
        }
        verdict.decided(Reason::Answered { answer: answer_id })
    }

    /// The first paragraph a duty cites whose words in force now are not
    /// those an answer or departure addressed: those in force at its date,
    /// or (undated) those of the edition it names with `against`. With
    /// neither, nothing can be told.
    fn words_replaced(
        &self,
        duty: DutyId,
        given: Option<crate::date::PartialDate>,
        against: Option<usize>,
    ) -> Option<(ParagraphId, EditionId)> {
        let declared = self.policy.duty(duty)?;
        for family in &declared.cites {
            let now = self.policy.paragraph_in_force(*family, self.arrangement, self.as_at);
            let then = match (given, against) {
                (Some(given), _) => self
                    .policy
                    .paragraph_in_force(*family, self.arrangement, given.last_day()),
                (None, Some(edition)) => self
                    .policy
                    .paragraph_versions(*family)
                    .into_iter()
                    .rev()
                    .find(|version| version.edition <= edition),
                (None, None) => return None,
            };
            let edition_of = |paragraph: Option<&Paragraph>| paragraph.map(|paragraph| paragraph.edition);
            if edition_of(now) != edition_of(then) && then.is_some() {
                // Replaced: by the newer version's edition; repealed: by the
                // amendment that repeals it.
                let by = match now {
                    Some(paragraph) => Some(paragraph.edition),
                    None => self
                        .policy
                        .repeals
                        .iter()
                        .find(|repeal| repeal.target == Versioned::Paragraph(*family))
                        .map(|repeal| repeal.edition),
                };
                if let Some(by) = by {
                    return Some((*family, EditionId::from_index(by)));
                }
            }
        }
        None
    }
}

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
