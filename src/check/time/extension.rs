//! A post the papers first show already holding a role together with
//! others beyond the role's remit (a DCS who is also the DASS, or runs
//! housing) was extended at some date they do not give, up to that first
//! evidence. Most papers describe a combined post that already exists, and
//! the local test of assurance is asked of exactly that combination, so the
//! combination is an extension of the role at an instant of its own, not
//! nothing.

use crate::date::Day;
use crate::model::*;

/// An extension the papers do not date: its instant, the latest day it can
/// have been made, and the ends of the lines that show it (it came before
/// each).
pub(super) struct Undated {
    pub instant: Instant,
    pub latest: Option<Day>,
    pub before: Vec<InstantId>,
}

/// One undated extension for each post or member first shown holding a
/// role together with roles or functions beyond its remit.
pub(super) fn undated(arrangement: &Arrangement, policy: &Policy) -> Vec<Undated> {
    let mut found = Vec::new();
    for (index, entity) in arrangement.entities.iter().enumerate() {
        for line in entity
            .roles
            .iter()
            .filter(|line| line.during.from.is_none() && !line.basis.in_doubt())
        {
            let Some(role) = policy.role(line.value) else {
                continue;
            };
            if role.remit.is_empty() {
                continue;
            }
            // A recorded `change` of this post's responsibilities (that does
            // not say it extended some other role) is the combination: the
            // papers date it, however loosely, and it is to be answered.
            let id = EntityId::from_index(index);
            let recorded = arrangement.events.iter().any(|event| {
                event.kind == EventKind::Change
                    && event.status.happened()
                    && event.responsibilities == Some(true)
                    && event.concerns.contains(&id)
                    && (event.extends.roles.is_empty() || event.extends.roles.contains(&line.value))
            });
            if recorded {
                continue;
            }
            // What it held from the start of the record beyond the remit.
            let other_roles = entity
                .roles
                .iter()
                .filter(|other| other.value != line.value && other.during.from.is_none() && !other.basis.in_doubt());
            let other_functions = entity.functions.iter().filter(|functions| {
                functions.during.from.is_none()
                    && !functions.basis.in_doubt()
                    && functions.value.iter().any(|function| !role.remit.contains(function))
            });
            let showing: Vec<(&FactOrigin, Period)> = other_roles
                .map(|other| (&other.origin, other.during))
                .chain(other_functions.map(|functions| (&functions.origin, functions.during)))
                .collect();
            if showing.is_empty() {
                continue;
            }
            let origins: Vec<&FactOrigin> = showing.iter().map(|(origin, _)| *origin).collect();
            found.push(Undated {
                instant: Instant {
                    written: Written::default(),
                    owner: Owner::Extension {
                        entity: EntityId::from_index(index),
                        role: line.value,
                    },
                    span: line.origin.span,
                },
                latest: first_evidence(arrangement, &line.origin, &origins),
                before: std::iter::once(line.during)
                    .chain(showing.iter().map(|(_, during)| *during))
                    .filter_map(|during| during.until)
                    .collect(),
            });
        }
    }
    found
}

/// The last day by which the papers show the combination: the latest of
/// the dates of the documents its lines cite, or the end of the papers.
fn first_evidence(arrangement: &Arrangement, role: &FactOrigin, others: &[&FactOrigin]) -> Option<Day> {
    let dated = |origin: &FactOrigin| {
        origin
            .evidence
            .as_ref()
            .and_then(|evidence| arrangement.document(evidence.document))
            .and_then(|document| document.date)
            .map(|date| date.last_day())
    };
    let mut latest: Option<Day> = None;
    for origin in std::iter::once(role).chain(others.iter().copied()) {
        let day = dated(origin).or(arrangement.papers_end);
        latest = match (latest, day) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    latest
}
