//! Whom a claim is about, and the truth of the claim over them: the
//! council as a whole, every post or member holding a role as at the date
//! in this run (a role's `possibly` candidates are one holder, the run
//! deciding which), or a count over the entities of a
//! kind (`each`, `exactly one`, `at least one`, `no`), where a count that
//! rests on nothing being found holds only if the arrangement lists every
//! such entity. What the predicate is of one entity is decided in
//! `atom.rs` and `lines.rs`.

use super::atom::Absence;
use super::finding::{self, Finding, Truth};
use super::{timeline, Evaluator};
use super::{Binding, Clause, Fact, FactUse, Missing, Observation};
use crate::model::{EntityId, EntityKind, Event, EventId, EventKind, Mention, Predicate, Quantifier, RoleId, Subject};

/// What a claim says of each entity it is about: the predicate, whether
/// it is negated (applied to each entity before counting), and the clause
/// of the duty it comes from.
#[derive(Clone, Copy)]
struct Claim<'p> {
    predicate: &'p Predicate,
    negate: bool,
    clause: Clause,
}

/// A claim over the entities of a kind, optionally only those holding a
/// role, counted by a quantifier.
#[derive(Clone, Copy)]
struct Quantified<'p> {
    quantifier: Quantifier,
    kind: EntityKind,
    holding: Option<RoleId>,
    claim: Claim<'p>,
}

/// The truth of a count from how many entities satisfy the claim and for
/// how many the arrangements do not say: decided only when no undecided
/// entity could change it. `each` is decided from every entity's finding,
/// not counted.
fn count_truth(quantifier: Quantifier, trues: usize, unknowns: usize) -> Truth {
    match quantifier {
        Quantifier::ExactlyOne if trues > 1 => Truth::False,
        Quantifier::ExactlyOne if trues + unknowns == 0 => Truth::False,
        Quantifier::ExactlyOne if trues == 1 && unknowns == 0 => Truth::True,
        Quantifier::AtLeastOne if trues >= 1 => Truth::True,
        Quantifier::AtLeastOne if unknowns == 0 => Truth::False,
        Quantifier::No if trues >= 1 => Truth::False,
        Quantifier::No if unknowns == 0 => Truth::True,
        Quantifier::ExactlyOne | Quantifier::AtLeastOne | Quantifier::No | Quantifier::Each => Truth::Unknown,
    }
}

impl<'a> Evaluator<'a> {
    /// Evaluates a subject and predicate: the truth that the subject
    /// satisfies the predicate (or, when `negate`, its negation, applied to
    /// each entity before counting).
    pub(super) fn claim(
        &self,
        subject: &Subject,
        predicate: &Predicate,
        negate: bool,
        clause: Clause,
    ) -> (Finding, Vec<Binding>) {
        let claim = Claim {
            predicate,
            negate,
            clause,
        };
        match subject {
            Subject::Council => {
                let finding = self.predicate(None, predicate);
                (if negate { finding.negate() } else { finding }, Vec::new())
            }
            Subject::Role(role) => self.of_role(*role, claim),
            Subject::Quantified {
                quantifier,
                entity,
                holding,
            } => self.quantified(Quantified {
                quantifier: *quantifier,
                kind: *entity,
                holding: *holding,
                claim,
            }),
        }
    }

    /// The claim of one entity.
    fn of_one(&self, entity: EntityId, claim: Claim) -> Finding {
        let finding = match self.arrangement.entity(entity) {
            Some(found) => self.predicate(Some((entity, found)), claim.predicate),
            // Ids come from the arrangement's own table.
            None => Finding::default(),
        };
        if claim.negate {
            finding.negate()
        } else {
            finding
        }
    }

    /// The claim of one holder of a role, with the fact that it holds the
    /// role consulted first.
    fn of_holder(&self, holder: EntityId, role: RoleId, claim: Claim) -> Finding {
        let mut finding = self.of_one(holder, claim);
        if let Some(fact) = self.holding_fact(holder, role) {
            finding.facts.insert(0, fact);
        }
        finding
    }

    /// The claim of a role's holders, each bound; unknown, naming the
    /// role, when no one is recorded as holding it.
    fn of_role(&self, role: RoleId, claim: Claim) -> (Finding, Vec<Binding>) {
        let holders = self.holders(role);
        if holders.is_empty() {
            let mut finding = Finding::missing(Missing::Holder { role });
            finding.said.push(Observation::NoHolder { role });
            return (finding, Vec::new());
        }
        let bindings = holders
            .iter()
            .map(|holder| Binding {
                role: Some(role),
                entity: *holder,
                certain: true,
            })
            .collect();
        let parts = holders
            .iter()
            .map(|holder| self.of_holder(*holder, role, claim))
            .collect();
        (Finding::all(parts), bindings)
    }

    /// A claim counted over the entities of a kind: unknown when the
    /// arrangement describes none of the kind, or none for `each` to apply
    /// to; `each` holds if every entity's finding does; other counts are
    /// decided by [`Evaluator::count`].
    fn quantified(&self, over: Quantified) -> (Finding, Vec<Binding>) {
        let Quantified {
            quantifier,
            kind,
            holding,
            claim,
        } = over;
        let domain = self.domain(kind, holding);
        let findings = self.counted(over, &domain);
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
        // is silent, not negative; unless the law ended what the predicate
        // asks for, when none exists whatever the papers say.
        let described = self.arrangement.entities.iter().any(|declared| declared.kind == kind);
        let absence = self.absence(claim.predicate);
        if !described && absence.denial.is_none() && !absence.ended {
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
        (self.count(over, domain.len(), findings, satisfying, absence), bindings)
    }

    /// The claim of each entity counted, with the fact that it holds the
    /// role counted over. A count other than `each` reads only each
    /// finding's truth, facts, notes and what is missing
    /// ([`Evaluator::count`]), so what each entity's finding observed is
    /// let go at once: a council of many posts would otherwise hold an
    /// observation of each until the count is made.
    fn counted(&self, over: Quantified, domain: &[EntityId]) -> Vec<(EntityId, Finding)> {
        let observed = over.quantifier == Quantifier::Each;
        domain
            .iter()
            .map(|id| {
                let mut finding = self.of_one(*id, over.claim);
                if let Some(held) = over.holding.and_then(|role| self.holding_fact(*id, role)) {
                    finding.facts.insert(0, held);
                }
                if !observed {
                    finding.said = Vec::new();
                }
                (*id, finding)
            })
            .collect()
    }

    /// A count other than `each` ([`count_truth`]), made unknown, asking
    /// for the complete list, when it rests on nothing being found and
    /// nothing settles that absence.
    fn count(
        &self,
        over: Quantified,
        listed: usize,
        findings: Vec<(EntityId, Finding)>,
        satisfying: Vec<EntityId>,
        absence: Absence,
    ) -> Finding {
        let Quantified {
            quantifier,
            kind,
            holding,
            claim,
        } = over;
        let Absence { denial, vacancy, ended } = absence;
        let trues = satisfying.len();
        let unknowns: Vec<EntityId> = findings
            .iter()
            .filter(|(_, finding)| finding.truth == Truth::Unknown)
            .map(|(id, _)| *id)
            .collect();
        let truth = count_truth(quantifier, trues, unknowns.len());
        let turns = self.turns_counted(&over, &satisfying, truth, unknowns.len());
        // A conclusion that rests on nothing being found holds only if the
        // arrangement lists every entity of the kind (or the holders of a
        // role, which are always listed), or states that it has no body of
        // the kind the predicate names.
        let rests_on_absence = trues == 0 && unknowns.is_empty();
        let listed_every = holding.is_some() || vacancy.is_some() || ended || self.arrangement.lists_every(kind);
        let absence_unknown = rests_on_absence && denial.is_none() && !listed_every;
        let mut finding = Finding {
            truth: if absence_unknown || turns.is_some() {
                Truth::Unknown
            } else {
                truth
            },
            ..Finding::default()
        };
        finding.missing.extend(turns);
        if absence_unknown {
            finding.missing.push(Missing::CompleteList {
                kind,
                holding,
                clause: claim.clause,
                negated: claim.negate,
                listed,
            });
        } else {
            finding.said.push(Observation::Count {
                kind,
                holding,
                clause: claim.clause,
                negated: claim.negate,
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
        finding
    }

    /// Whether a count turns on holders of a role by turns: if counting
    /// them as one holder (on any one day one of them holds the role)
    /// decides it otherwise than counting each, whether they are one is
    /// the council's to say. Only a role the count is limited to or its
    /// predicate mentions is read.
    fn turns_counted(
        &self,
        over: &Quantified,
        satisfying: &[EntityId],
        truth: Truth,
        unknowns: usize,
    ) -> Option<Missing> {
        let mut roles: Vec<RoleId> = over.holding.into_iter().collect();
        roles.extend(
            over.claim
                .predicate
                .mentions()
                .into_iter()
                .filter_map(|mention| match mention {
                    Mention::Role(role) => Some(role),
                    Mention::Function(_) | Mention::BodyKind(_) | Mention::Relation(_) | Mention::Attribute(_) => None,
                }),
        );
        roles.into_iter().find_map(|role| {
            let holders: Vec<EntityId> = satisfying
                .iter()
                .copied()
                .filter(|id| {
                    self.arrangement
                        .entity(*id)
                        .is_some_and(|entity| self.holds_by_turns(*id, entity, role))
                })
                .collect();
            let as_one = satisfying.len().checked_sub(holders.len())? + 1;
            (holders.len() > 1 && count_truth(over.quantifier, as_one, unknowns) != truth)
                .then_some(Missing::Turns { role, holders })
        })
    }

    /// The entities of a kind that exist as at the date, optionally only
    /// those that hold a role then.
    fn domain(&self, kind: EntityKind, holding: Option<RoleId>) -> Vec<EntityId> {
        self.arrangement
            .entities
            .iter()
            .enumerate()
            .filter(|(index, entity)| {
                entity.kind == kind
                    && self.exists(entity)
                    && holding.is_none_or(|role| self.holds(EntityId::from_index(*index), entity, role).is_some())
            })
            .map(|(index, _)| EntityId::from_index(index))
            .collect()
    }

    /// The vacancy of a role in effect as at the date: the latest recorded
    /// by then, when no one holds the role.
    pub(super) fn vacancy(&self, role: RoleId) -> Option<(EventId, &'a Event)> {
        if !self.holders(role).is_empty() {
            return None;
        }
        let mut latest: Option<(EventId, &'a Event)> = None;
        for (index, event) in self.arrangement.events.iter().enumerate() {
            if event.kind != EventKind::Vacancy
                || !event.roles.contains(&role)
                || !event.status.happened()
                || !self.clock.happened(event.at)
            {
                continue;
            }
            latest = match latest {
                Some((_, current)) if !self.clock.before(current.at, event.at) => latest,
                _ => Some((EventId::from_index(index), event)),
            };
        }
        latest
    }

    /// Who holds a role as at the date, in this run.
    pub(super) fn holders(&self, role: RoleId) -> Vec<EntityId> {
        self.arrangement
            .entities
            .iter()
            .enumerate()
            .filter(|(index, entity)| self.holds(EntityId::from_index(*index), entity, role).is_some())
            .map(|(index, _)| EntityId::from_index(index))
            .collect()
    }

    /// The fact that an entity holds a role, as consulted.
    pub(super) fn holding_fact(&self, entity: EntityId, role: RoleId) -> Option<FactUse> {
        let (fact, _) = self.holds(entity, self.arrangement.entity(entity)?, role)?;
        Some(Self::fact_use(fact, Fact::Holds { entity, role }))
    }
}
