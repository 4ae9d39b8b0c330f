//! Lines of accountability: reporting lines (each relation the policy
//! marks a hierarchy) that come back on themselves, at any time the
//! arrangements describe.

use crate::check::error::CheckError;
use crate::date::{Day, Holding};
use crate::model::*;
use crate::source::Span;

/// Reports every reporting line that loops, on one day of each stretch
/// of time in which the lines stay the same.
pub(super) fn loops(arrangement: &Arrangement, policy: &Policy, errors: &mut Vec<CheckError>) {
    for day in sample_days(arrangement) {
        reporting_loops(arrangement, policy, day, errors);
    }
}

/// The first stated line of a relation, among those that surely hold on
/// `day` (all of them when `day` is `None`).
fn first_line<'a>(
    timeline: &Timeline,
    entity: &'a Entity,
    relation: RelationId,
    day: Option<Day>,
) -> Option<&'a Stated<Vec<EntityId>>> {
    entity
        .relations
        .iter()
        .filter(|(id, _)| *id == relation)
        .map(|(_, fact)| fact)
        .find(|fact| day.is_none_or(|day| entity.fact_at(timeline, *fact, day) == Holding::Yes))
}

/// Finds reporting lines that come back on themselves, and reports each
/// loop once, starting from its first-declared member, the loops in the
/// order of those members.
///
/// Only each entity's first stated line is followed, so every entity has
/// at most one successor and the loops are disjoint. One explicit walk
/// from each entity not yet visited, stopping at anything visited before,
/// visits each entity once: linear in the number of entities, where
/// following the whole line from every entity (checking the path so far
/// at each step) took over 20 s for a chain of 8,000 posts.
fn reporting_loops(arrangement: &Arrangement, policy: &Policy, day: Option<Day>, errors: &mut Vec<CheckError>) {
    for (relation_index, relation) in policy.relations.iter().enumerate() {
        if !relation.hierarchy {
            continue;
        }
        let relation_id = RelationId::from_index(relation_index);
        let next: Vec<Option<usize>> = arrangement
            .entities
            .iter()
            .map(|entity| {
                first_line(&arrangement.timeline, entity, relation_id, day)
                    .and_then(|fact| fact.value.first())
                    .map(|id| id.index())
            })
            .collect();
        for cycle in cycles(&next) {
            report_loop(arrangement, relation_id, day, cycle, errors);
        }
    }
}

/// Where a walk over the reporting lines has been.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    /// On the walk that started at this entity.
    OnWalk(usize),
    Done,
}

/// The loops of a graph in which each entity leads to at most one other
/// (`next`), each starting from its smallest member, in the order of
/// those members.
fn cycles(next: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut visits = vec![Visit::New; next.len()];
    let mut loops: Vec<Vec<usize>> = Vec::new();
    for start in 0..next.len() {
        let mut walk = Vec::new();
        let mut current = Some(start);
        while let Some(index) = current {
            match visits.get(index).copied() {
                Some(Visit::New) => {
                    if let Some(visit) = visits.get_mut(index) {
                        *visit = Visit::OnWalk(start);
                    }
                    walk.push(index);
                    current = next.get(index).copied().flatten();
                }
                Some(Visit::OnWalk(walk_start)) if walk_start == start => {
                    // Back on this walk: from there on it is a loop.
                    let entered = walk.iter().position(|member| *member == index).unwrap_or(0);
                    let mut cycle = walk.get(entered..).unwrap_or_default().to_vec();
                    let first = cycle
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, member)| **member)
                        .map_or(0, |(position, _)| position);
                    cycle.rotate_left(first);
                    loops.push(cycle);
                    current = None;
                }
                // Visited by an earlier walk, or not an entity.
                _ => current = None,
            }
        }
        for index in walk {
            if let Some(visit) = visits.get_mut(index) {
                *visit = Visit::Done;
            }
        }
    }
    loops.sort_by_key(|cycle| cycle.first().copied());
    loops
}

/// Reports one loop, unless the same loop was reported on another day.
fn report_loop(
    arrangement: &Arrangement,
    relation: RelationId,
    day: Option<Day>,
    cycle: Vec<usize>,
    errors: &mut Vec<CheckError>,
) {
    let path: Vec<EntityId> = cycle.into_iter().map(EntityId::from_index).collect();
    let spans: Vec<Span> = path
        .iter()
        .filter_map(|id| arrangement.entity(*id))
        .filter_map(|entity| first_line(&arrangement.timeline, entity, relation, day))
        .map(|fact| fact.origin.span)
        .collect();
    let names = path
        .iter()
        .filter_map(|id| arrangement.entity(*id))
        .map(|entity| entity.key.to_string())
        .collect();
    let already = errors
        .iter()
        .any(|error| matches!(error, CheckError::ReportingLoop { posts, .. } if *posts == names));
    if let (false, Some((last, others))) = (already, spans.split_last()) {
        errors.push(CheckError::ReportingLoop {
            posts: names,
            span: *last,
            others: others.to_vec(),
            on: day,
        });
    }
}

/// One day in each stretch of time between the dates at which any
/// reporting line or entity begins or ends, so that every arrangement of
/// lines that ever held is looked at; `None` stands for all time when
/// nothing is dated.
fn sample_days(arrangement: &Arrangement) -> Vec<Option<Day>> {
    let timeline = &arrangement.timeline;
    let mut ends: Vec<InstantId> = Vec::new();
    for entity in &arrangement.entities {
        ends.extend(entity.life.ends());
        for (_, fact) in &entity.relations {
            ends.extend(fact.during.ends());
        }
    }
    if ends.is_empty() {
        return vec![None];
    }
    // The day before each instant may be and the day it may be on, at each
    // end of its interval.
    let mut days: Vec<Day> = Vec::new();
    for end in ends {
        for day in [timeline.earliest(end), timeline.latest(end)].into_iter().flatten() {
            days.push(day.previous());
            days.push(day);
        }
    }
    days.sort();
    days.dedup();
    if days.is_empty() {
        return vec![None];
    }
    days.into_iter().map(Some).collect()
}
