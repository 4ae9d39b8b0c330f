//! The changes of a role's responsibilities, derived from the dated facts:
//! any difference between consecutive states of the role's holders (the
//! role given to another post or to none, a role or function added to or
//! removed from the post holding it, an attribute that marks a change such
//! as an interim basis), and `change` items that say they changed the
//! responsibilities. This decides what a change is and when it happened;
//! whether one was answered is decided in `timeline/mod.rs`.

use super::events_of;
use crate::date::{Day, Holding, PartialDate, Relative};
use crate::eval::{Change, ChangeDetail};
use crate::model::{
    Arrangement, AttributeId, EntityId, EventId, EventKind, FactOrigin, FunctionId, Policy, RoleId, TypedValue,
};

/// One holder of a role on a day: the roles it holds, the functions it is
/// responsible for and the values of the attributes that mark a change.
type Holder = (EntityId, Vec<RoleId>, Vec<FunctionId>, Vec<(AttributeId, TypedValue)>);

/// The state of a role's holders on a day, for telling changes apart: who
/// surely holds it, and what each holds, is responsible for and has of the
/// attributes that mark a change.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Profile {
    holders: Vec<Holder>,
}

fn profile(arrangement: &Arrangement, policy: &Policy, role: RoleId, day: Day) -> Profile {
    let mut holders = Vec::new();
    for (index, entity) in arrangement.entities.iter().enumerate() {
        if !matches!(entity.holds_at(role, day), Some((_, Holding::Yes))) {
            continue;
        }
        let mut roles: Vec<RoleId> = entity
            .roles
            .iter()
            .filter(|line| entity.fact_at(*line, day) == Holding::Yes)
            .map(|line| line.value)
            .collect();
        roles.sort();
        roles.dedup();
        let mut functions: Vec<FunctionId> = entity
            .functions_at(day)
            .into_iter()
            .filter(|(_, holding)| *holding == Holding::Yes)
            .flat_map(|(line, _)| line.value.iter().copied())
            .collect();
        functions.sort();
        functions.dedup();
        let attributes = policy
            .attributes
            .iter()
            .enumerate()
            .filter(|(_, declared)| declared.marks_change)
            .filter_map(|(attribute, _)| {
                let attribute = AttributeId::from_index(attribute);
                match entity.attribute_at(attribute, day) {
                    Some((fact, Holding::Yes)) => Some((attribute, fact.value.clone())),
                    _ => None,
                }
            })
            .collect();
        holders.push((EntityId::from_index(index), roles, functions, attributes));
    }
    Profile { holders }
}

/// Whether the holders after a change have a role or function beyond the
/// role's remit that none had before: the role was extended (a DCS who
/// also becomes the DASS, or takes on housing), at appointment or later.
fn extends(policy: &Policy, role: RoleId, before: &Profile, after: &Profile) -> bool {
    let Some(declared) = policy.role(role) else {
        return false;
    };
    if declared.remit.is_empty() {
        return false;
    }
    let beyond = |profile: &Profile| -> (Vec<RoleId>, Vec<FunctionId>) {
        let mut roles = Vec::new();
        let mut functions = Vec::new();
        for (_, held, responsible, _) in &profile.holders {
            roles.extend(held.iter().copied().filter(|other| *other != role));
            functions.extend(
                responsible
                    .iter()
                    .copied()
                    .filter(|function| !declared.remit.contains(function)),
            );
        }
        (roles, functions)
    };
    let (old_roles, old_functions) = beyond(before);
    let (roles, functions) = beyond(after);
    roles.iter().any(|other| !old_roles.contains(other))
        || functions.iter().any(|function| !old_functions.contains(function))
}

/// The differences between two profiles.
fn differences(before: &Profile, after: &Profile) -> Vec<ChangeDetail> {
    let ids = |profile: &Profile| profile.holders.iter().map(|(id, ..)| *id).collect::<Vec<_>>();
    let mut details = Vec::new();
    if ids(before) != ids(after) {
        details.push(ChangeDetail::Holders {
            before: ids(before),
            after: ids(after),
        });
    }
    for (entity, roles, functions, attributes) in &after.holders {
        let Some((_, old_roles, old_functions, old_attributes)) = before.holders.iter().find(|(id, ..)| id == entity)
        else {
            // A new holder: what else it holds comes with the role.
            details.extend(roles.iter().map(|role| ChangeDetail::RoleAdded {
                entity: *entity,
                role: *role,
            }));
            continue;
        };
        details.extend(
            roles
                .iter()
                .filter(|role| !old_roles.contains(role))
                .map(|role| ChangeDetail::RoleAdded {
                    entity: *entity,
                    role: *role,
                }),
        );
        details.extend(
            old_roles
                .iter()
                .filter(|role| !roles.contains(role))
                .map(|role| ChangeDetail::RoleRemoved {
                    entity: *entity,
                    role: *role,
                }),
        );
        details.extend(
            functions
                .iter()
                .filter(|function| !old_functions.contains(function))
                .map(|function| ChangeDetail::FunctionAdded {
                    entity: *entity,
                    function: *function,
                }),
        );
        details.extend(
            old_functions
                .iter()
                .filter(|function| !functions.contains(function))
                .map(|function| ChangeDetail::FunctionRemoved {
                    entity: *entity,
                    function: *function,
                }),
        );
        details.extend(attribute_changes(*entity, old_attributes, attributes));
    }
    details
}

/// The attributes that mark a change whose value on a holder differs
/// between two states, in attribute order.
fn attribute_changes(
    entity: EntityId,
    before: &[(AttributeId, TypedValue)],
    after: &[(AttributeId, TypedValue)],
) -> Vec<ChangeDetail> {
    let mut keys: Vec<AttributeId> = after.iter().chain(before.iter()).map(|(key, _)| *key).collect();
    keys.sort();
    keys.dedup();
    let mut details = Vec::new();
    for key in keys {
        let value =
            |list: &[(AttributeId, TypedValue)]| list.iter().find(|(id, _)| *id == key).map(|(_, value)| value.clone());
        let (was, is) = (value(before), value(after));
        if was != is {
            details.push(ChangeDetail::AttributeChanged {
                entity,
                attribute: key,
                before: was,
                after: is,
            });
        }
    }
    details
}

/// The changes of a role's responsibilities that have happened by the
/// as-at date, with the line or event that shows each, in date order:
/// those derived from the facts (matched to the appointment, designation
/// or vacancy that records them, if any) and `change` items that say they
/// changed the responsibilities of the role's holder.
pub(in crate::eval) fn changes_of(
    arrangement: &Arrangement,
    policy: &Policy,
    as_at: Day,
    role: RoleId,
) -> Vec<(Change, FactOrigin)> {
    let mut changes = derived_changes(arrangement, policy, as_at, role);
    changes.extend(recorded_changes(arrangement, as_at, role));
    changes.sort_by_key(|(change, _)| change.date);
    changes
}

/// The dates at which any fact about the role's holders begins or ends,
/// in order, each once, with the first line found that begins or ends
/// then.
fn boundaries(arrangement: &Arrangement, policy: &Policy, role: RoleId) -> Vec<(PartialDate, FactOrigin)> {
    let mut boundaries: Vec<(PartialDate, FactOrigin)> = Vec::new();
    for entity in &arrangement.entities {
        if !entity.ever_holds(role) {
            continue;
        }
        let mut add = |period: crate::date::Period, origin: &FactOrigin| {
            for date in period.boundaries() {
                boundaries.push((date, origin.clone()));
            }
        };
        let life_origin = FactOrigin {
            span: entity.span,
            evidence: None,
        };
        add(entity.life, &life_origin);
        for line in &entity.roles {
            add(line.during, &line.origin);
        }
        for line in &entity.functions {
            add(line.during, &line.origin);
        }
        for (attribute, line) in &entity.attributes {
            if policy
                .attribute(*attribute)
                .is_some_and(|declared| declared.marks_change)
            {
                add(line.during, &line.origin);
            }
        }
    }
    boundaries.sort_by_key(|(date, _)| *date);
    boundaries.dedup_by_key(|(date, _)| *date);
    boundaries
}

/// The changes the facts show by the as-at date: at each boundary, the
/// differences between the holders' state the day before and on its last
/// day (a holder's taking the role itself shows in who holds it, not as
/// a role added).
fn derived_changes(arrangement: &Arrangement, policy: &Policy, as_at: Day, role: RoleId) -> Vec<(Change, FactOrigin)> {
    let mut changes: Vec<(Change, FactOrigin)> = Vec::new();
    for (date, origin) in boundaries(arrangement, policy, role) {
        if !date.begun_by(as_at) {
            continue;
        }
        let before = profile(arrangement, policy, role, date.first_day().previous());
        let after = profile(arrangement, policy, role, date.last_day());
        let details: Vec<ChangeDetail> = differences(&before, &after)
            .into_iter()
            .filter(|detail| !matches!(detail, ChangeDetail::RoleAdded { role: added, .. } if *added == role))
            .collect();
        if details.is_empty() {
            continue;
        }
        let event = recording_event(arrangement, role, date, &details);
        let origin = event
            .and_then(|id| arrangement.event(id))
            .map_or(origin, |event| event.origin.clone());
        let extension = extends(policy, role, &before, &after);
        changes.push((
            Change {
                role,
                date: Some(date),
                details,
                event,
                extension,
            },
            origin,
        ));
    }
    changes
}

/// The `change` items by the as-at date that say they changed the
/// responsibilities of someone who held the role then.
fn recorded_changes(arrangement: &Arrangement, as_at: Day, role: RoleId) -> Vec<(Change, FactOrigin)> {
    let mut changes: Vec<(Change, FactOrigin)> = Vec::new();
    for (id, event) in events_of(arrangement, as_at, EventKind::Change) {
        let concerns_holder = event
            .concerns
            .and_then(|entity| arrangement.entity(entity))
            .is_some_and(|entity| match event.date.on {
                Some(date) => entity
                    .holds_at(role, date.last_day())
                    .is_some_and(|(_, holding)| holding.possible()),
                None => entity.ever_holds(role),
            });
        if concerns_holder && event.responsibilities == Some(true) {
            changes.push((
                Change {
                    role,
                    date: event.date.on,
                    details: vec![ChangeDetail::Recorded],
                    event: Some(id),
                    // A change in words says nothing the facts can weigh
                    // against the role's remit.
                    extension: false,
                },
                event.origin.clone(),
            ));
        }
    }
    changes
}

/// The appointment, designation or vacancy that records a derived change:
/// at an overlapping date, for the role or a post the change concerns.
fn recording_event(
    arrangement: &Arrangement,
    role: RoleId,
    date: PartialDate,
    details: &[ChangeDetail],
) -> Option<EventId> {
    let involved: Vec<EntityId> = details
        .iter()
        .flat_map(|detail| match detail {
            ChangeDetail::Holders { before, after } => before.iter().chain(after).copied().collect::<Vec<_>>(),
            ChangeDetail::RoleAdded { entity, .. }
            | ChangeDetail::RoleRemoved { entity, .. }
            | ChangeDetail::FunctionAdded { entity, .. }
            | ChangeDetail::FunctionRemoved { entity, .. }
            | ChangeDetail::AttributeChanged { entity, .. } => vec![*entity],
            ChangeDetail::Recorded => Vec::new(),
        })
        .collect();
    arrangement
        .events
        .iter()
        .position(|event| {
            matches!(
                event.kind,
                EventKind::Appointment | EventKind::Designation | EventKind::Vacancy
            ) && event
                .date
                .on
                .is_some_and(|on| on.relative_to(date) == Relative::Overlapping)
                && (event.roles.contains(&role) || event.concerns.is_some_and(|entity| involved.contains(&entity)))
        })
        .map(EventId::from_index)
}
