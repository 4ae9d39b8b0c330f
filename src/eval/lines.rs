//! The predicates over the lists an entity states, line by line, each
//! line holding over its own period: `responsible_for` over its lists of
//! functions, and a relation (`report_to`, `chairs`…) over its lines. A
//! function or target the lines do not name is evidence of absence only
//! when the list is complete (`other_functions no`; a line of
//! accountability, or a relation the arrangement declares complete). In a
//! run every line holds as at the date or does not (see `clock.rs`).

use super::finding::{Finding, Truth};
use super::{Evaluator, Fact, FactUse, Missing, Observation};
use crate::model::{BodyKindId, Entity, EntityId, FunctionId, RelationId, RoleId, Stated, Target};

/// The facts of an entity's lines that hold as at the date.
struct Lines {
    used: Vec<FactUse>,
}

impl Lines {
    /// A finding, with the facts of the lines that hold.
    fn with_facts(&self, mut finding: Finding) -> Finding {
        finding.facts.extend(self.used.iter().cloned());
        finding
    }
}

/// A relation of one entity, as a duty asks of it: where it must lead,
/// and where its lines that surely hold as at the date lead.
struct Related<'t> {
    entity: EntityId,
    relation: RelationId,
    target: &'t Target,
    targets: Vec<EntityId>,
    lines: Lines,
}

impl Related<'_> {
    /// Unknown: no line that holds leads where asked, and the relation is
    /// not declared complete.
    fn incomplete(&self) -> Finding {
        self.lines.with_facts(Finding::missing(Missing::CompleteRelation {
            entity: self.entity,
            relation: self.relation,
            target: self.target.clone(),
            listed: self.targets.clone(),
        }))
    }
}

impl Evaluator<'_> {
    /// `responsible_for F, G` and `responsible_for only F, G`, over the
    /// lists of functions that hold as at the date. A function the lists
    /// do not name is not evidence of absence while the lists may be
    /// incomplete (`other_functions unknown` or `yes`).
    pub(super) fn responsible(&self, id: EntityId, entity: &Entity, only: bool, functions: &[FunctionId]) -> Finding {
        let stated = self.function_lines_held(id, entity);
        if stated.is_empty() {
            return Finding::missing(Missing::Functions { entity: id });
        }
        let (held, lines) = self.function_lines(id, &stated);
        if held.is_empty() {
            return Finding::missing(Missing::Functions { entity: id });
        }
        if only {
            self.responsible_only(id, entity, functions, held, &lines)
        } else {
            self.responsible_for_all(id, entity, functions, held, &lines)
        }
    }

    /// The functions the lists that surely hold as at the date name, each
    /// once in the order first named, and the facts of every list.
    fn function_lines(&self, id: EntityId, stated: &[&Stated<Vec<FunctionId>>]) -> (Vec<FunctionId>, Lines) {
        let mut held: Vec<FunctionId> = Vec::new();
        let mut used: Vec<FactUse> = Vec::new();
        for line in stated {
            let fact = Self::fact_use(
                *line,
                Fact::Functions {
                    entity: id,
                    functions: line.value.clone(),
                },
            );
            for function in &line.value {
                if !held.contains(function) {
                    held.push(*function);
                }
            }
            used.push(fact);
        }
        (held, Lines { used })
    }

    /// `responsible_for only F, G`: false if the lists name another
    /// function, or the entity has functions beyond them; true only if
    /// the lists are complete.
    fn responsible_only(
        &self,
        id: EntityId,
        entity: &Entity,
        functions: &[FunctionId],
        held: Vec<FunctionId>,
        lines: &Lines,
    ) -> Finding {
        let others: Vec<FunctionId> = held
            .iter()
            .filter(|function| !functions.contains(function))
            .copied()
            .collect();
        if !others.is_empty() {
            return lines.with_facts(Finding::new(
                Truth::False,
                Observation::AlsoResponsibleFor {
                    entity: id,
                    functions: others,
                },
            ));
        }
        match entity.other_functions {
            Some(true) => lines.with_facts(Finding::new(
                Truth::False,
                Observation::ResponsibleForMore {
                    entity: id,
                    functions: held,
                },
            )),
            None => lines.with_facts(Finding::missing(Missing::FunctionsBeyond {
                entity: id,
                listed: held,
            })),
            Some(false) => lines.with_facts(Finding::new(
                Truth::True,
                Observation::ResponsibleOnlyFor {
                    entity: id,
                    functions: held,
                },
            )),
        }
    }

    /// `responsible_for F, G`: true if the lists name every function;
    /// false for one they do not name only if they are complete.
    fn responsible_for_all(
        &self,
        id: EntityId,
        entity: &Entity,
        functions: &[FunctionId],
        held: Vec<FunctionId>,
        lines: &Lines,
    ) -> Finding {
        let lacking: Vec<FunctionId> = functions
            .iter()
            .filter(|function| !held.contains(function))
            .copied()
            .collect();
        if lacking.is_empty() {
            return lines.with_facts(Finding::new(
                Truth::True,
                Observation::ResponsibleFor {
                    entity: id,
                    functions: held,
                },
            ));
        }
        match entity.other_functions {
            Some(false) => lines.with_facts(Finding::new(
                Truth::False,
                Observation::NotResponsibleFor {
                    entity: id,
                    functions: lacking,
                },
            )),
            // The list is not complete: a function it does not name may
            // be among the others.
            Some(true) | None => lines.with_facts(Finding::missing(Missing::FunctionsBeyond {
                entity: id,
                listed: held,
            })),
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

    /// A relation to a holder of a role or to a kind of body, over the
    /// lines that hold as at the date. A line that may not hold then, or a
    /// target that may not hold the role then, leaves the answer unknown
    /// where it would decide it. What the lines leave open, a law may
    /// settle (the Lead Member of a leader and cabinet executive answers
    /// to the executive leader who appointed them); what they settle, met
    /// or not, stands.
    pub(super) fn relation(&self, id: EntityId, entity: &Entity, relation: RelationId, target: &Target) -> Finding {
        let stated = self.stated_relation(id, entity, relation, target);
        if stated.truth != Truth::Unknown {
            return stated;
        }
        match self.relation_by_law(id, entity, relation, target) {
            Some(mut settled) => {
                settled.facts.extend(stated.facts);
                settled
            }
            None => stated,
        }
    }

    /// A relation as the lines state it (to a kind of body the law had
    /// ended, see [`Self::related_to_ended_kind`]).
    fn stated_relation(&self, id: EntityId, entity: &Entity, relation: RelationId, target: &Target) -> Finding {
        let stated = self.relation_lines_held(id, entity, relation);
        if let Target::Kind(kind) = target {
            if self.kind_ended(*kind) {
                return self.related_to_ended_kind(id, relation, *kind, &stated);
            }
        }
        if stated.is_empty() {
            return self.no_lines(id, relation, target);
        }
        let (targets, lines) = self.relation_lines(id, relation, &stated);
        let related = Related {
            entity: id,
            relation,
            target,
            targets,
            lines,
        };
        if related.targets.is_empty() {
            return related
                .lines
                .with_facts(Finding::missing(Missing::Relation { entity: id, relation }));
        }
        match target {
            Target::Role(role) => self.related_to_holder(&related, *role),
            Target::Kind(kind) => self.related_to_kind(&related, *kind),
        }
    }

    /// A relation to a kind of body the law had ended by the date. A line
    /// that names one still counts, though the body no longer exists (the
    /// papers name what is gone, and the verdict notes the law that ended
    /// it); none naming one is not a gap: no such body exists to lead to.
    fn related_to_ended_kind(
        &self,
        id: EntityId,
        relation: RelationId,
        kind: BodyKindId,
        stated: &[&Stated<Vec<EntityId>>],
    ) -> Finding {
        let (_, lines) = self.relation_lines(id, relation, stated);
        let named: Vec<EntityId> = stated
            .iter()
            .flat_map(|line| line.value.iter().copied())
            .filter(|candidate| {
                self.arrangement
                    .entity(*candidate)
                    .and_then(|entity| entity.body_kind.as_ref())
                    .is_some_and(|body_kind| body_kind.value == kind)
            })
            .collect();
        let observed = if named.is_empty() {
            Finding::new(
                Truth::False,
                Observation::RelatedToEndedKind {
                    entity: id,
                    relation,
                    kind,
                },
            )
        } else {
            Finding::new(
                Truth::True,
                Observation::RelatedToKind {
                    entity: id,
                    relation,
                    targets: named,
                    kind,
                },
            )
        };
        lines.with_facts(observed)
    }

    /// A relation the entity states no line of as at the date: unknown,
    /// unless it is a line of accountability to a role the entity alone
    /// holds.
    fn no_lines(&self, id: EntityId, relation: RelationId, target: &Target) -> Finding {
        // A line of accountability never leads back to where it starts:
        // a post that is itself the only holder of the role asked for
        // (a DCS who is the Chief Executive) has no one holding it to
        // report to, whatever its papers leave unsaid.
        if let Target::Role(role) = target {
            let hierarchy = self
                .policy
                .relation(relation)
                .is_some_and(|declared| declared.hierarchy);
            if hierarchy && self.holders(*role) == [id] {
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
        Finding::missing(Missing::Relation { entity: id, relation })
    }

    /// Where the lines that surely hold as at the date lead, in order, and
    /// the facts of every line.
    fn relation_lines(
        &self,
        id: EntityId,
        relation: RelationId,
        stated: &[&Stated<Vec<EntityId>>],
    ) -> (Vec<EntityId>, Lines) {
        let mut targets: Vec<EntityId> = Vec::new();
        let mut used: Vec<FactUse> = Vec::new();
        for line in stated {
            used.push(Self::fact_use(
                *line,
                Fact::Relation {
                    entity: id,
                    relation,
                    targets: line.value.clone(),
                },
            ));
            // A line cannot lead to what did not exist then (a board set up
            // later is no reason for a verdict about an earlier date).
            targets.extend(line.value.iter().copied().filter(|target| {
                self.arrangement
                    .entity(*target)
                    .is_none_or(|found| self.clock.holds(found.life))
            }));
        }
        (targets, Lines { used })
    }

    /// A relation to a holder of a role: true if a line leads to a sure
    /// holder; unknown if a target may hold it, a line may not hold, or the
    /// lines may not be all; else false.
    fn related_to_holder(&self, related: &Related, role: RoleId) -> Finding {
        let (id, relation) = (related.entity, related.relation);
        let matching: Vec<EntityId> = related
            .targets
            .iter()
            .copied()
            .filter(|candidate| {
                self.arrangement
                    .entity(*candidate)
                    .is_some_and(|found| self.holds(*candidate, found, role).is_some())
            })
            .collect();
        if !matching.is_empty() {
            related.lines.with_facts(Finding::new(
                Truth::True,
                Observation::RelatedToHolder {
                    entity: id,
                    relation,
                    targets: matching,
                    role,
                },
            ))
        } else if !self.lists_every(relation) {
            related.incomplete()
        } else {
            related.lines.with_facts(Finding::new(
                Truth::False,
                Observation::RelatedToNoHolder {
                    entity: id,
                    relation,
                    targets: related.targets.clone(),
                    role,
                },
            ))
        }
    }

    /// A relation to a kind of body: true if a line leads to a body of the
    /// kind; unknown if a target's kind is not stated, a line may not hold,
    /// or the lines may not be all; else false, because the council states
    /// it has no such body or the lines are complete.
    fn related_to_kind(&self, related: &Related, kind: BodyKindId) -> Finding {
        let (id, relation) = (related.entity, related.relation);
        let mut unknown = Vec::new();
        let mut matching = Vec::new();
        for candidate in &related.targets {
            match self
                .arrangement
                .entity(*candidate)
                .and_then(|entity| self.body_kind_held(*candidate, entity))
            {
                Some(body_kind) if body_kind.value == kind => matching.push(*candidate),
                Some(_) => {}
                None => unknown.push(*candidate),
            }
        }
        if !matching.is_empty() {
            related.lines.with_facts(Finding::new(
                Truth::True,
                Observation::RelatedToKind {
                    entity: id,
                    relation,
                    targets: matching,
                    kind,
                },
            ))
        } else if !unknown.is_empty() {
            related
                .lines
                .with_facts(Finding::missing(Missing::BodyKind { entities: unknown }))
        } else if let Some(denial) = self.denied(kind) {
            related.lines.with_facts(
                Finding::new(
                    Truth::False,
                    Observation::RelatedToNoKind {
                        entity: id,
                        relation,
                        targets: related.targets.clone(),
                        kind,
                        denied: true,
                    },
                )
                .with_fact(Self::fact_use(denial, Fact::NoBodyOfKind { kind })),
            )
        } else if self.lists_every(relation) {
            related.lines.with_facts(Finding::new(
                Truth::False,
                Observation::RelatedToNoKind {
                    entity: id,
                    relation,
                    targets: related.targets.clone(),
                    kind,
                    denied: false,
                },
            ))
        } else {
            related.incomplete()
        }
    }
}
