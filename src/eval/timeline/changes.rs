//! What a change of a role's responsibilities is, in one run: a difference
//! between the state of the role's holders just before an instant and at
//! it (the role given to another post or to none, a role or function added
//! to or removed from the post holding it, an attribute that marks a
//! change), derived from the dated facts; a `change` the papers record as
//! changing the responsibilities of a holder (or saying which role it
//! extended); or a post first seen already combining the role with others
//! beyond its remit, extended at a date the papers do not give. The run
//! decides the order of every instant, so the states are exact.

use super::super::clock::Doubt;
use super::super::Evaluator;
use super::super::{Change, ChangeDetail};
use crate::model::{
    AttributeId, Basis, Entity, EntityId, Event, EventId, EventKind, EventStatus, FactOrigin, FunctionId, InstantId,
    Owner, Period, Policy, RoleId, TypedValue,
};

/// One holder of a role at a point: the roles it holds, the functions it
/// is responsible for and the values of the attributes that mark a change.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Holder {
    entity: EntityId,
    roles: Vec<RoleId>,
    functions: Vec<FunctionId>,
    attributes: Vec<(AttributeId, TypedValue)>,
}

/// The state of a role's holders at a point.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct Profile {
    holders: Vec<Holder>,
}

/// A point of time relative to an instant: the day before it, or its day.
#[derive(Clone, Copy)]
enum Point {
    JustBefore(InstantId),
    At(InstantId),
}

impl<'a> Evaluator<'a> {
    /// Whether a period holds at a point, in this run.
    fn holds_at_point(&self, period: Period, point: Point) -> bool {
        match point {
            // Held on the day before: began before the instant's day, and
            // had not stopped by then.
            Point::JustBefore(instant) => {
                period.from.is_none_or(|from| self.clock.before(from, instant))
                    && period.until.is_none_or(|until| !self.clock.before(until, instant))
            }
            // Held on its day: began by it, stopped after it.
            Point::At(instant) => {
                period.from.is_none_or(|from| self.clock.not_after(from, instant))
                    && period.until.is_none_or(|until| self.clock.before(instant, until))
            }
        }
    }

    /// The state of a role's holders at a point: only what the papers
    /// state or infer counts (a suggestion or a proposal is not a state).
    fn profile(&self, role: RoleId, point: Point) -> Profile {
        let mut holders = Vec::new();
        for (index, entity) in self.arrangement.entities.iter().enumerate() {
            if !self.holds_at_point(entity.life, point) {
                continue;
            }
            let definite = |basis: Basis| !basis.in_doubt();
            let holds = entity
                .roles
                .iter()
                .any(|line| line.value == role && definite(line.basis) && self.holds_at_point(line.during, point));
            if !holds {
                continue;
            }
            holders.push(self.holder(EntityId::from_index(index), entity, point));
        }
        Profile { holders }
    }

    fn holder(&self, id: EntityId, entity: &Entity, point: Point) -> Holder {
        let held = |basis: Basis, period: Period| !basis.in_doubt() && self.holds_at_point(period, point);
        let mut roles: Vec<RoleId> = entity
            .roles
            .iter()
            .filter(|line| held(line.basis, line.during))
            .map(|line| line.value)
            .collect();
        roles.sort();
        roles.dedup();
        let mut functions: Vec<FunctionId> = entity
            .functions
            .iter()
            .filter(|line| held(line.basis, line.during))
            .flat_map(|line| line.value.iter().copied())
            .collect();
        functions.sort();
        functions.dedup();
        let attributes = entity
            .attributes
            .iter()
            .filter(|(attribute, line)| {
                self.policy
                    .attribute(*attribute)
                    .is_some_and(|declared| declared.marks_change)
                    && held(line.basis, line.during)
            })
            .map(|(attribute, line)| (*attribute, line.value.clone()))
            .collect();
        Holder {
            entity: id,
            roles,
            functions,
            attributes,
        }
    }

    /// The instants at which any fact about the holders of a role may
    /// change, that have come by the as-at date.
    fn boundaries(&self, role: RoleId) -> Vec<InstantId> {
        let mut instants: Vec<InstantId> = Vec::new();
        for entity in &self.arrangement.entities {
            if !entity.roles.iter().any(|line| line.value == role) {
                continue;
            }
            instants.extend(entity.life.ends());
            for line in &entity.roles {
                instants.extend(line.during.ends());
            }
            for line in &entity.functions {
                instants.extend(line.during.ends());
            }
            for (attribute, line) in &entity.attributes {
                if self
                    .policy
                    .attribute(*attribute)
                    .is_some_and(|declared| declared.marks_change)
                {
                    instants.extend(line.during.ends());
                }
            }
        }
        instants.sort();
        instants.dedup();
        instants.retain(|instant| self.clock.happened(*instant));
        instants
    }

    /// The changes of a role's responsibilities that had come by the as-at
    /// date, each with the line or event that shows it: derived from the
    /// facts (matched to the event that records each), recorded `change`s
    /// of the role's holders, and undated extensions.
    pub(in super::super) fn changes_of(&self, role: RoleId) -> Vec<(Change, FactOrigin)> {
        let mut changes: Vec<(Change, FactOrigin)> = Vec::new();
        for instant in self.boundaries(role) {
            let before = self.profile(role, Point::JustBefore(instant));
            let after = self.profile(role, Point::At(instant));
            let details: Vec<ChangeDetail> = differences(&before, &after)
                .into_iter()
                .filter(|detail| !matches!(detail, ChangeDetail::RoleAdded { role: added, .. } if *added == role))
                .collect();
            // Two instants on one day give the one change twice: once.
            if details.is_empty() || changes.iter().any(|(change, _)| change.details == details) {
                continue;
            }
            let event = self.recording_event(role, instant, &details);
            let origin = event
                .and_then(|id| self.arrangement.event(id))
                .map_or_else(|| self.origin_of(instant), |event| event.origin.clone());
            changes.push((
                Change {
                    role,
                    at: instant,
                    details,
                    event,
                    extension: extends(self.policy, role, &before, &after),
                },
                origin,
            ));
        }
        let recorded: Vec<EventId> = changes.iter().filter_map(|(change, _)| change.event).collect();
        for (index, event) in self.arrangement.events.iter().enumerate() {
            let id = EventId::from_index(index);
            if !recorded.contains(&id) {
                changes.extend(self.recorded_change(role, id, event));
            }
        }
        changes.extend(self.undated_extensions(role));
        changes
    }

    /// Where a derived change shows, when no event records it: the line
    /// whose date it is (else where its date is written).
    fn origin_of(&self, instant: InstantId) -> FactOrigin {
        let found = self.arrangement.timeline.instant(instant);
        let line = found.and_then(|found| match found.owner {
            Owner::Fact { entity, line, .. } => {
                self.arrangement.entity(entity)?.line(line).map(|(origin, _, _)| origin)
            }
            Owner::Event(_)
            | Owner::Life { .. }
            | Owner::Council { .. }
            | Owner::Answer(_)
            | Owner::Extension { .. } => None,
        });
        FactOrigin {
            span: line
                .map(|origin| origin.span)
                .or(found.map(|found| found.span))
                .unwrap_or(self.arrangement.span),
            evidence: None,
        }
    }

    /// A `change` the papers record, as a change of a role: it happened by
    /// the date, and it changed the responsibilities of a post or member
    /// holding the role then, or says it extended the role (or one of
    /// roles, this run deciding which).
    fn recorded_change(&self, role: RoleId, id: EventId, event: &Event) -> Option<(Change, FactOrigin)> {
        if event.kind != EventKind::Change || event.responsibilities != Some(true) {
            return None;
        }
        // A proposal is no change of the arrangements, except to the review
        // that tests it: the guidance asks for that test "before
        // allocating", so a review planned or held for the proposal makes
        // it a change to answer, whenever it is to take effect.
        let tested_proposal = event.status == EventStatus::Proposed
            && self.arrangement.events.iter().any(|review| {
                review.kind == EventKind::Review && (review.answers == Some(id) || review.prepares == Some(id))
            });
        if !tested_proposal && (!event.status.happened() || !self.clock.happened(event.at)) {
            return None;
        }
        let extended = self.extended(id, event);
        let named = extended.contains(&role);
        let of_holder = event.concerns.iter().any(|entity| {
            self.arrangement.entity(*entity).is_some_and(|found| {
                found.roles.iter().any(|line| {
                    line.value == role
                        && !line.basis.in_doubt()
                        && self.holds_at_point(line.during, Point::At(event.at))
                }) && self.holds_at_point(found.life, Point::At(event.at))
            })
        });
        // A change that names the role it extended is a change of that role
        // (and of no other, even of a post that holds it too).
        let about_role = if event.extends.roles.is_empty() {
            of_holder
        } else {
            named
        };
        about_role.then(|| {
            (
                Change {
                    role,
                    at: event.at,
                    details: vec![ChangeDetail::Recorded],
                    event: Some(id),
                    extension: named,
                },
                event.origin.clone(),
            )
        })
    }

    /// The roles a change extended: those it names, or (`extends A or B`)
    /// the one this run decides.
    fn extended(&self, id: EventId, event: &Event) -> Vec<RoleId> {
        if !event.extends.one_of {
            return event.extends.roles.clone();
        }
        let roles = event.extends.roles.clone();
        let which = self.clock.which(
            Doubt::Extended {
                event: id,
                roles: roles.clone(),
            },
            roles.len(),
        );
        roles.get(which).copied().into_iter().collect()
    }

    /// A post first seen already combining the role with others beyond its
    /// remit: extended at an instant the papers do not give, up to their
    /// first evidence of it.
    fn undated_extensions(&self, role: RoleId) -> Vec<(Change, FactOrigin)> {
        self.arrangement
            .timeline
            .instants
            .iter()
            .enumerate()
            .filter_map(|(index, instant)| match instant.owner {
                Owner::Extension { entity, role: extended } if extended == role => {
                    let at = InstantId::from_index(index);
                    self.clock.happened(at).then(|| {
                        (
                            Change {
                                role,
                                at,
                                details: vec![ChangeDetail::FirstSeenCombined { entity }],
                                event: None,
                                extension: true,
                            },
                            FactOrigin {
                                span: instant.span,
                                evidence: None,
                            },
                        )
                    })
                }
                _ => None,
            })
            .collect()
    }

    /// The appointment, designation, vacancy or `change` that records a
    /// derived change: at the same instant (or on its day), for the role
    /// or a post the change concerns.
    fn recording_event(&self, role: RoleId, instant: InstantId, details: &[ChangeDetail]) -> Option<EventId> {
        let involved: Vec<EntityId> = details.iter().flat_map(ChangeDetail::entities).collect();
        let concerned = |event: &Event| {
            event.roles.contains(&role) || event.concerns.iter().any(|entity| involved.contains(entity))
        };
        let recording = |event: &Event| {
            matches!(
                event.kind,
                EventKind::Appointment | EventKind::Designation | EventKind::Vacancy | EventKind::Change
            ) && event.status.happened()
                && concerned(event)
        };
        let events = || self.arrangement.events.iter().enumerate();
        events()
            .find(|(_, event)| recording(event) && event.at == instant)
            .or_else(|| {
                events().find(|(_, event)| {
                    recording(event) && !self.clock.before(event.at, instant) && !self.clock.before(instant, event.at)
                })
            })
            .map(|(index, _)| EventId::from_index(index))
    }
}

impl ChangeDetail {
    /// The posts and members a difference concerns.
    fn entities(&self) -> Vec<EntityId> {
        match self {
            ChangeDetail::Holders { before, after } => before.iter().chain(after).copied().collect(),
            ChangeDetail::RoleAdded { entity, .. }
            | ChangeDetail::RoleRemoved { entity, .. }
            | ChangeDetail::FunctionAdded { entity, .. }
            | ChangeDetail::FunctionRemoved { entity, .. }
            | ChangeDetail::AttributeChanged { entity, .. }
            | ChangeDetail::FirstSeenCombined { entity } => vec![*entity],
            ChangeDetail::Recorded => Vec::new(),
        }
    }
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
        for holder in &profile.holders {
            roles.extend(holder.roles.iter().copied().filter(|other| *other != role));
            functions.extend(
                holder
                    .functions
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

/// The differences between two states of a role's holders.
fn differences(before: &Profile, after: &Profile) -> Vec<ChangeDetail> {
    let ids = |profile: &Profile| profile.holders.iter().map(|holder| holder.entity).collect::<Vec<_>>();
    let mut details = Vec::new();
    if ids(before) != ids(after) {
        details.push(ChangeDetail::Holders {
            before: ids(before),
            after: ids(after),
        });
    }
    for holder in &after.holders {
        let entity = holder.entity;
        let Some(old) = before.holders.iter().find(|old| old.entity == entity) else {
            // A new holder: what else it holds comes with the role.
            details.extend(
                holder
                    .roles
                    .iter()
                    .map(|role| ChangeDetail::RoleAdded { entity, role: *role }),
            );
            continue;
        };
        details.extend(
            holder
                .roles
                .iter()
                .filter(|role| !old.roles.contains(role))
                .map(|role| ChangeDetail::RoleAdded { entity, role: *role }),
        );
        details.extend(
            old.roles
                .iter()
                .filter(|role| !holder.roles.contains(role))
                .map(|role| ChangeDetail::RoleRemoved { entity, role: *role }),
        );
        details.extend(
            holder
                .functions
                .iter()
                .filter(|function| !old.functions.contains(function))
                .map(|function| ChangeDetail::FunctionAdded {
                    entity,
                    function: *function,
                }),
        );
        details.extend(
            old.functions
                .iter()
                .filter(|function| !holder.functions.contains(function))
                .map(|function| ChangeDetail::FunctionRemoved {
                    entity,
                    function: *function,
                }),
        );
        details.extend(attribute_changes(entity, &old.attributes, &holder.attributes));
    }
    details
}

/// The attributes that mark a change whose values differ.
fn attribute_changes(
    entity: EntityId,
    before: &[(AttributeId, TypedValue)],
    after: &[(AttributeId, TypedValue)],
) -> Vec<ChangeDetail> {
    let mut keys: Vec<AttributeId> = after.iter().chain(before).map(|(key, _)| *key).collect();
    keys.sort();
    keys.dedup();
    let value = |list: &[(AttributeId, TypedValue)], key: AttributeId| {
        list.iter().find(|(id, _)| *id == key).map(|(_, value)| value.clone())
    };
    keys.into_iter()
        .filter_map(|key| {
            let (was, is) = (value(before, key), value(after, key));
            (was != is).then_some(ChangeDetail::AttributeChanged {
                entity,
                attribute: key,
                before: was,
                after: is,
            })
        })
        .collect()
}
