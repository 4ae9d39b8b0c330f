//! What holds as at the date, in one run: an entity's existence and each
//! line of its facts, read through the run's [`Clock`](super::clock::Clock)
//! so that a date the papers leave open is decided once, the same way for
//! every question of the run. A role's `possibly` holders are one holder:
//! exactly one of the candidates holds it, the run deciding which.

use super::clock::Doubt;
use super::Evaluator;
use crate::date::Holding;
use crate::model::{
    AttributeId, Basis, BodyKindId, Entity, EntityId, FunctionId, Line, RelationId, RoleId, Stated, TypedValue,
};

impl<'a> Evaluator<'a> {
    /// Whether an entity exists as at the date.
    pub(super) fn exists(&self, entity: &Entity) -> bool {
        self.clock.holds(entity.life)
    }

    /// Whether a line of an entity's facts holds as at the date.
    pub(super) fn line_holds<T>(&self, id: EntityId, entity: &Entity, line: Line, fact: &Stated<T>) -> bool {
        self.exists(entity) && self.clock.holds(fact.during) && self.clock.believed(id, line, fact.basis)
    }

    /// The candidates for a role as at the date: the entities whose
    /// `possibly` line for it holds by its dates.
    fn candidates(&self, role: RoleId) -> Vec<EntityId> {
        self.arrangement
            .entities
            .iter()
            .enumerate()
            .filter(|(_, entity)| {
                self.exists(entity)
                    && entity.roles.iter().any(|line| {
                        line.value == role && line.basis == Basis::Possibly && self.clock.holds(line.during)
                    })
            })
            .map(|(index, _)| EntityId::from_index(index))
            .collect()
    }

    /// The candidate that holds a role in this run, if it has candidates.
    fn chosen(&self, role: RoleId) -> Option<EntityId> {
        let candidates = self.candidates(role);
        let count = candidates.len();
        let which = self.clock.which(
            Doubt::Which {
                role,
                candidates: candidates.clone(),
            },
            count,
        );
        candidates.get(which).copied()
    }

    /// The line by which an entity holds a role as at the date, if it does.
    pub(super) fn holds<'e>(
        &self,
        id: EntityId,
        entity: &'e Entity,
        role: RoleId,
    ) -> Option<(&'e Stated<RoleId>, Holding)> {
        entity
            .roles
            .iter()
            .enumerate()
            .filter(|(_, line)| line.value == role)
            .find(|(index, line)| match line.basis {
                Basis::Possibly => {
                    self.exists(entity) && self.clock.holds(line.during) && self.chosen(role) == Some(id)
                }
                Basis::Stated | Basis::Inferred | Basis::Suggested | Basis::Proposed => {
                    self.line_holds(id, entity, Line::Role(*index), *line)
                }
            })
            .map(|(_, line)| (line, Holding::Yes))
    }

    /// Whether an entity holds a role as at the date by a line held by
    /// turns with others (`in_turns`).
    pub(super) fn holds_by_turns(&self, id: EntityId, entity: &Entity, role: RoleId) -> bool {
        entity.roles.iter().enumerate().any(|(index, line)| {
            line.value == role
                && entity.turns_of(index).is_some()
                && self.line_holds(id, entity, Line::Role(index), line)
        })
    }

    /// The lines of a relation of an entity that hold as at the date.
    pub(super) fn relation_lines_held<'e>(
        &self,
        id: EntityId,
        entity: &'e Entity,
        relation: RelationId,
    ) -> Vec<&'e Stated<Vec<EntityId>>> {
        entity
            .relations
            .iter()
            .enumerate()
            .filter(|(index, (related, fact))| {
                *related == relation && self.line_holds(id, entity, Line::Relation(*index), fact)
            })
            .map(|(_, (_, fact))| fact)
            .collect()
    }

    /// The value of an attribute of an entity as at the date, if a line of
    /// it holds.
    pub(super) fn attribute_line<'e>(
        &self,
        id: EntityId,
        entity: &'e Entity,
        attribute: AttributeId,
    ) -> Option<(&'e Stated<TypedValue>, Holding)> {
        entity
            .attributes
            .iter()
            .enumerate()
            .find(|(index, (stated, fact))| {
                *stated == attribute && self.line_holds(id, entity, Line::Attribute(*index), fact)
            })
            .map(|(_, (_, fact))| (fact, Holding::Yes))
    }

    /// The lines of functions of an entity that hold as at the date.
    pub(super) fn function_lines_held<'e>(&self, id: EntityId, entity: &'e Entity) -> Vec<&'e Stated<Vec<FunctionId>>> {
        entity
            .functions
            .iter()
            .enumerate()
            .filter(|(index, fact)| self.line_holds(id, entity, Line::Functions(*index), *fact))
            .map(|(_, fact)| fact)
            .collect()
    }

    /// The kind of a body as at the date, if its line holds.
    pub(super) fn body_kind_held<'e>(&self, id: EntityId, entity: &'e Entity) -> Option<&'e Stated<BodyKindId>> {
        entity
            .body_kind
            .as_deref()
            .filter(|fact| self.line_holds(id, entity, Line::BodyKind, *fact))
    }

    /// The council's statement that it has no body of a kind, if it holds
    /// as at the date.
    pub(super) fn denied(&self, kind: BodyKindId) -> Option<&'a Stated<BodyKindId>> {
        self.arrangement
            .has_no
            .iter()
            .find(|fact| fact.value == kind && self.clock.holds(fact.during) && !fact.basis.in_doubt())
    }
}
