//! The chart's lines between nodes: reporting lines (merged, with the
//! verdicts that flag them), the other relations stated between nodes,
//! and the lines from organisations to what they run or employ; each
//! relation drawn gets its style in the guidance's order.

use super::{doubt, is_hierarchy, ties, Edge, EdgeKind, Flag, RelationStyle};
use crate::eval::Verdict;
use crate::model::{Arrangement, EntityId, EntityKind, Policy, RelationId};

use super::text;

/// The lines between nodes, before the relations get their styles.
#[derive(Default)]
pub(super) struct Lines {
    /// Reporting lines, manager first, each once with every flag of the
    /// facts it stands for.
    reporting: Vec<Edge>,
    /// The other lines, each with its relation's id.
    others: Vec<(usize, Edge)>,
    /// The ids of the relations the other lines draw, in the order met.
    relation_ids: Vec<usize>,
}

impl Lines {
    /// Every relation stated between two nodes of the chart, in node
    /// order.
    pub(super) fn between(
        policy: &Policy,
        arrangement: &Arrangement,
        order: &[usize],
        flagging: &[(&Verdict, Flag)],
    ) -> Lines {
        let mut position: Vec<Option<usize>> = vec![None; arrangement.entities.len()];
        for (place, index) in order.iter().enumerate() {
            if let Some(slot) = position.get_mut(*index) {
                *slot = Some(place);
            }
        }
        let place = |id: EntityId| position.get(id.index()).copied().flatten();
        let mut lines = Lines::default();
        for index in order {
            let Some(entity) = arrangement.entities.get(*index) else {
                continue;
            };
            let Some(here) = position.get(*index).copied().flatten() else {
                continue;
            };
            for (relation, fact) in &entity.relations {
                for target in &fact.value {
                    // A line from an entity to itself (which the checker
                    // refuses for reporting lines) has nowhere to go on a
                    // chart.
                    let Some(there) = place(*target).filter(|there| *there != here) else {
                        continue;
                    };
                    let doubt = doubt(fact.basis, fact.during);
                    if is_hierarchy(policy, *relation) {
                        let flags = flags_for(flagging, *relation, EntityId::from_index(*index), *target);
                        lines.report(there, here, flags, doubt);
                    } else {
                        lines.relate(relation.index(), here, there, doubt);
                    }
                }
            }
        }
        lines
    }

    /// A reporting line from `manager` down to `report`, merged with one
    /// already drawn between them.
    fn report(&mut self, manager: usize, report: usize, flags: Vec<Flag>, doubt: Option<&'static str>) {
        let existing = self
            .reporting
            .iter_mut()
            .find(|edge| edge.from == manager && edge.to == report);
        match existing {
            Some(edge) => {
                for flag in flags {
                    if !edge.flags.contains(&flag) {
                        edge.flags.push(flag);
                    }
                }
            }
            None => self.reporting.push(Edge {
                from: manager,
                to: report,
                kind: EdgeKind::Reporting,
                flags,
                doubt,
            }),
        }
    }

    /// The lines from organisations to the services they run and the
    /// posts they employ, between nodes of the chart.
    pub(super) fn ties(&mut self, policy: &Policy, order: &[usize], drawn: &[ties::Drawn]) {
        let place = |id: EntityId| order.iter().position(|index| *index == id.index());
        for (organisation, to, tie, doubt) in drawn {
            if let (Some(from), Some(to)) = (place(*organisation), place(*to)) {
                self.relate(tie.id(policy), from, to, *doubt);
            }
        }
    }

    /// A line of another relation, stated on `from`, unless drawn already.
    fn relate(&mut self, relation: usize, from: usize, to: usize, doubt: Option<&'static str>) {
        let edge = Edge {
            from,
            to,
            kind: EdgeKind::Relation(relation),
            flags: Vec::new(),
            doubt,
        };
        if !self.others.iter().any(|(_, other)| *other == edge) {
            if !self.relation_ids.contains(&relation) {
                self.relation_ids.push(relation);
            }
            self.others.push((relation, edge));
        }
    }

    /// The chart's lines, reporting lines first, and the styles of the
    /// other relations. Relations get their styles in the guidance's
    /// order, so that the same relation looks the same on every council's
    /// chart.
    pub(super) fn into_edges(mut self, policy: &Policy) -> (Vec<Edge>, Vec<RelationStyle>) {
        self.relation_ids.sort_unstable();
        let relations = self.relation_ids.iter().map(|id| relation_style(policy, *id)).collect();
        let mut edges = self.reporting;
        let relation_ids = self.relation_ids;
        edges.extend(self.others.into_iter().map(|(id, mut edge)| {
            edge.kind = EdgeKind::Relation(relation_ids.iter().position(|known| *known == id).unwrap_or(0));
            edge
        }));
        (edges, relations)
    }
}

/// The flags of the verdicts that consulted one stated line, each once.
fn flags_for(flagging: &[(&Verdict, Flag)], relation: RelationId, from: EntityId, to: EntityId) -> Vec<Flag> {
    let mut flags: Vec<Flag> = Vec::new();
    for (verdict, flag) in flagging {
        if verdict.consulted_line(relation, from, to) && !flags.contains(flag) {
            flags.push(flag.clone());
        }
    }
    flags
}

/// How a relation other than a reporting line is drawn.
fn relation_style(policy: &Policy, id: usize) -> RelationStyle {
    if let Some(tie) = ties::Tie::at(policy, id) {
        return tie.style();
    }
    let declared = policy.relations.get(id);
    let downward = declared
        .is_none_or(|declared| declared.to.iter().all(|kind| *kind == EntityKind::Body) || declared.to.is_empty());
    RelationStyle {
        key: declared.map_or_else(|| format!("relation{id}"), |declared| declared.key.clone()),
        title: declared.map_or_else(
            || "is related to".to_owned(),
            |declared| text::one_line(&declared.title),
        ),
        downward,
    }
}
