//! Duties over time: `review after each change of DCS` and `review every 12
//! months`, and the changes of a role's responsibilities they turn on.
//!
//! A change is any difference between consecutive states of the holder of
//! the role (the role given to another post or to none, a role or function
//! added to or removed from the post holding it, an attribute that marks a
//! change such as an interim basis), derived from the dated facts, or a
//! `change` item that says it changed the responsibilities. Only a review
//! that reached a conclusion answers a change. The timeline is complete
//! only up to the date the papers stop: after it, that no review is
//! recorded is unknown, not a breach. Partial dates are whole periods, and
//! events known only to follow another keep that order.

use super::finding::{Finding, Truth};
use super::{Cause, Change, ChangeDetail, Fact, FactUse, Missing, Note, Observation};
use crate::date::{Day, Holding, PartialDate, Relative};
use crate::model::{
    Arrangement, Basis, EntityId, Event, EventId, EventKind, FactOrigin, FunctionId, Policy, RoleId, Trigger,
};

/// The fact an event gives an explanation.
pub(super) fn event_fact(id: EventId, event: &Event) -> FactUse {
    FactUse {
        fact: Fact::Event { event: id },
        origin: event.origin.clone(),
        during: crate::date::Period::ALWAYS,
        basis: Basis::Stated,
    }
}

/// The fact a change gives an explanation, at the line that shows it.
pub(super) fn change_fact(change: &Change, origin: FactOrigin) -> FactUse {
    FactUse {
        fact: Fact::Change(change.clone()),
        origin,
        during: crate::date::Period::ALWAYS,
        basis: Basis::Stated,
    }
}

/// Where an event lies relative to a date.
fn relative_to_date(arrangement: &Arrangement, event: EventId, date: Option<PartialDate>) -> Relative {
    match (arrangement.event(event).and_then(|found| found.date.on), date) {
        (Some(on), Some(date)) => on.relative_to(date),
        // An undated event after a dated one is after it.
        (None, Some(date)) => match earliest_known(arrangement, event) {
            Some(before) if before.relative_to(date) != Relative::Before => Relative::After,
            _ => Relative::Overlapping,
        },
        _ => Relative::Overlapping,
    }
}

/// The latest date an event is known to follow, through `after` links.
fn earliest_known(arrangement: &Arrangement, event: EventId) -> Option<PartialDate> {
    let mut current = arrangement.event(event).and_then(|found| found.date.after);
    let mut steps = 0;
    while let Some(id) = current {
        let found = arrangement.event(id)?;
        if let Some(on) = found.date.on {
            return Some(on);
        }
        steps += 1;
        if steps > arrangement.events.len() {
            return None;
        }
        current = found.date.after;
    }
    None
}

/// Whether an event has happened by the as-at date: a dated one once its
/// period has begun; an undated one is in the papers, so by the date they
/// stop.
fn happened_by(arrangement: &Arrangement, event: &Event, as_at: Day) -> bool {
    happened(arrangement, event, as_at) == Some(true)
}

/// Whether an event has happened by the as-at date, or `None` when it is
/// undated and the papers run on past the date, so it may come before or
/// after.
fn happened(arrangement: &Arrangement, event: &Event, as_at: Day) -> Option<bool> {
    match event.date.on {
        Some(date) => Some(date.begun_by(as_at)),
        None => match arrangement.known_until {
            Some(horizon) if horizon.date.last_day() <= as_at => Some(true),
            Some(_) | None => None,
        },
    }
}

/// Events of a kind that have happened by the as-at date, in date order
/// (file order among equal or unknown dates).
fn events_of(arrangement: &Arrangement, as_at: Day, kind: EventKind) -> Vec<(EventId, &Event)> {
    let mut events: Vec<(EventId, &Event)> = arrangement
        .events
        .iter()
        .enumerate()
        .filter(|(_, event)| event.kind == kind && happened_by(arrangement, event, as_at))
        .map(|(index, event)| (EventId::from_index(index), event))
        .collect();
    events.sort_by_key(|(_, event)| event.date.on);
    events
}

/// One holder of a role on a day: the roles it holds, the functions it is
/// responsible for and the values of the attributes that mark a change.
type Holder = (
    EntityId,
    Vec<RoleId>,
    Vec<FunctionId>,
    Vec<(crate::model::AttributeId, crate::model::TypedValue)>,
);

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
                let attribute = crate::model::AttributeId::from_index(attribute);
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
        let mut keys: Vec<crate::model::AttributeId> = attributes
            .iter()
            .chain(old_attributes.iter())
            .map(|(key, _)| *key)
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let value = |list: &[(crate::model::AttributeId, crate::model::TypedValue)]| {
                list.iter().find(|(id, _)| *id == key).map(|(_, value)| value.clone())
            };
            let (was, is) = (value(old_attributes), value(attributes));
            if was != is {
                details.push(ChangeDetail::AttributeChanged {
                    entity: *entity,
                    attribute: key,
                    before: was,
                    after: is,
                });
            }
        }
    }
    details
}

/// The changes of a role's responsibilities that have happened by the
/// as-at date, with the line or event that shows each, in date order:
/// those derived from the facts (matched to the appointment, designation
/// or vacancy that records them, if any) and `change` items that say they
/// changed the responsibilities of the role's holder.
pub(super) fn changes_of(
    arrangement: &Arrangement,
    policy: &Policy,
    as_at: Day,
    role: RoleId,
) -> Vec<(Change, FactOrigin)> {
    // The dates at which any fact about the role's holders begins or ends.
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
                .attributes
                .get(attribute.index())
                .is_some_and(|declared| declared.marks_change)
            {
                add(line.during, &line.origin);
            }
        }
    }
    boundaries.sort_by_key(|(date, _)| *date);
    boundaries.dedup_by_key(|(date, _)| *date);
    let mut changes: Vec<(Change, FactOrigin)> = Vec::new();
    for (date, origin) in boundaries {
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
    changes.sort_by_key(|(change, _)| change.date);
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

/// What a cause's date is, for ordering.
fn cause_date(arrangement: &Arrangement, cause: &Cause) -> Option<PartialDate> {
    match cause {
        Cause::Change(change) => change.date,
        Cause::Event(event) => arrangement.event(*event).and_then(|event| event.date.on),
    }
}

/// Where a follower lies relative to a cause: by an explicit `answers`,
/// by `after` links to the event that records it, then by dates.
fn follower_order(arrangement: &Arrangement, follower: EventId, cause: &Cause) -> Relative {
    let recorded = match cause {
        Cause::Change(change) => change.event,
        Cause::Event(event) => Some(*event),
    };
    if let Some(recorded) = recorded {
        if arrangement.event(follower).and_then(|event| event.answers) == Some(recorded) {
            return Relative::After;
        }
        let by_events = arrangement.event_order(follower, recorded);
        if by_events != Relative::Overlapping {
            return by_events;
        }
    }
    relative_to_date(arrangement, follower, cause_date(arrangement, cause))
}

/// Whether a follower reached a conclusion (a review must; other events
/// count as they are), or `None` when the papers do not say.
fn conclusion(event: &Event) -> Option<bool> {
    match event.kind {
        EventKind::Review => event.outcome.and_then(|outcome| outcome.concluded()),
        EventKind::Appointment
        | EventKind::Designation
        | EventKind::Vacancy
        | EventKind::Change
        | EventKind::Inspection => Some(true),
    }
}

fn concluded(event: &Event) -> bool {
    conclusion(event) == Some(true)
}

/// Whether a review was held at all, for a duty to review every so often:
/// one put off was not; one that noted the arrangements, or whose outcome
/// the papers do not give, was.
fn held(event: &Event) -> bool {
    event.outcome != Some(crate::model::ReviewOutcome::Deferred)
}

/// The horizon of the papers: after it, absence is not evidence.
fn beyond_papers(arrangement: &Arrangement, event: EventKind, day: Day) -> Option<Missing> {
    let horizon = arrangement.known_until?;
    (day > horizon.date.last_day()).then_some(Missing::BeyondPapers {
        event,
        until: horizon.date,
        stated: horizon.stated,
    })
}

/// `EVENT after each TRIGGER [of ROLE] [within N months]`.
pub(super) fn after(
    arrangement: &Arrangement,
    policy: &Policy,
    as_at: Day,
    event: EventKind,
    trigger: Trigger,
    of: Option<RoleId>,
    within: Option<u32>,
) -> Finding {
    let causes: Vec<(Cause, FactUse)> = match (trigger, of) {
        (Trigger::Event(EventKind::Change) | Trigger::Extension, Some(role)) => {
            changes_of(arrangement, policy, as_at, role)
                .into_iter()
                .filter(|(change, _)| trigger != Trigger::Extension || change.extension)
                .map(|(change, origin)| {
                    let fact = change_fact(&change, origin);
                    (Cause::Change(change), fact)
                })
                .collect()
        }
        // The checker refuses an extension with no role.
        (Trigger::Extension, None) => Vec::new(),
        (Trigger::Event(trigger), _) => events_of(arrangement, as_at, trigger)
            .into_iter()
            .filter(|(_, candidate)| {
                of.is_none_or(|role| {
                    candidate
                        .concerns
                        .and_then(|entity| arrangement.entity(entity))
                        .is_some_and(|entity| entity.ever_holds(role))
                })
            })
            .map(|(id, found)| (Cause::Event(id), event_fact(id, found)))
            .collect(),
    };
    if causes.is_empty() {
        return Finding {
            truth: Truth::True,
            said: vec![Observation::NoEvent {
                event: trigger,
                of,
                up_to: as_at,
            }],
            vacuous: true,
            ..Finding::default()
        };
    }
    let followers: Vec<(EventId, &Event)> = events_of(arrangement, as_at, event);
    let parts = causes
        .into_iter()
        .map(|(cause, cause_fact)| {
            let deadline = within
                .and_then(|months| cause_date(arrangement, &cause).map(|date| date.last_day().add_months(months)));
            let in_time = |follower: &Event| {
                deadline.is_none_or(|deadline| follower.date.on.is_none_or(|on| on.first_day() <= deadline))
            };
            let after_cause: Vec<&(EventId, &Event)> = followers
                .iter()
                .filter(|(id, _)| follower_order(arrangement, *id, &cause) == Relative::After)
                .collect();
            let definite = after_cause
                .iter()
                .find(|(_, follower)| concluded(follower) && in_time(follower));
            if let Some((follower_id, follower)) = definite {
                let mut finding = Finding::new(
                    Truth::True,
                    Observation::Follows {
                        follower: *follower_id,
                        cause: cause.clone(),
                    },
                );
                finding.facts = vec![cause_fact, event_fact(*follower_id, follower)];
                return finding;
            }
            // A review after the change, recorded without a date, may have
            // taken place by the as-at date or not.
            if let Some((follower_id, follower)) = arrangement.events.iter().enumerate().find_map(|(index, found)| {
                let id = EventId::from_index(index);
                (found.kind == event
                    && happened(arrangement, found, as_at).is_none()
                    && concluded(found)
                    && follower_order(arrangement, id, &cause) == Relative::After)
                    .then_some((id, found))
            }) {
                let mut finding = Finding::missing(Missing::EventDate { event: follower_id });
                finding.facts = vec![cause_fact, event_fact(follower_id, follower)];
                return finding;
            }
            // A review after the change whose conclusion the papers do not
            // give may answer it.
            if let Some((follower_id, follower)) = after_cause
                .iter()
                .find(|(_, follower)| conclusion(follower).is_none() && in_time(follower))
            {
                let mut finding = Finding::missing(Missing::ReviewOutcome { review: *follower_id });
                finding.facts = vec![cause_fact, event_fact(*follower_id, follower)];
                return finding;
            }
            let overlapping = followers.iter().find(|(id, follower)| {
                concluded(follower) && follower_order(arrangement, *id, &cause) == Relative::Overlapping
            });
            if let Some((follower_id, follower)) = overlapping {
                let mut finding = Finding::missing(Missing::EventOrder {
                    earlier: cause.clone(),
                    later: *follower_id,
                });
                finding.notes.push(Note::EventOrderUnclear {
                    earlier: cause.clone(),
                    later: *follower_id,
                });
                finding.facts = vec![cause_fact, event_fact(*follower_id, follower)];
                return finding;
            }
            if let Some(deadline) = deadline {
                if as_at <= deadline {
                    return Finding::new(
                        Truth::True,
                        Observation::NotYetDue {
                            expected: event,
                            cause,
                            due: deadline,
                        },
                    )
                    .with_fact(cause_fact);
                }
            }
            let inconclusive: Vec<EventId> = after_cause
                .iter()
                .filter(|(_, follower)| conclusion(follower) == Some(false))
                .map(|(id, _)| *id)
                .collect();
            let late: Vec<EventId> = match deadline {
                Some(_) => after_cause
                    .iter()
                    .filter(|(_, follower)| concluded(follower))
                    .map(|(id, _)| *id)
                    .collect(),
                None => Vec::new(),
            };
            let mut facts = vec![cause_fact];
            facts.extend(
                inconclusive
                    .iter()
                    .filter_map(|id| arrangement.event(*id).map(|found| event_fact(*id, found))),
            );
            // The papers stop before the as-at date (and before the
            // deadline): a review after them is not excluded.
            let last_chance = deadline.map_or(as_at, |deadline| deadline.min(as_at));
            if let Some(missing) = beyond_papers(arrangement, event, last_chance) {
                let mut finding = Finding::missing(missing);
                finding.facts = facts;
                return finding;
            }
            let mut finding = Finding::new(
                Truth::False,
                Observation::NotFollowed {
                    expected: event,
                    cause,
                    deadline,
                    late,
                    inconclusive,
                },
            );
            finding.facts = facts;
            finding
        })
        .collect();
    Finding::all(parts)
}

/// `EVENT every N months`.
pub(super) fn every(arrangement: &Arrangement, as_at: Day, event: EventKind, months: u32) -> Finding {
    let events: Vec<(EventId, &Event)> = events_of(arrangement, as_at, event)
        .into_iter()
        .filter(|(_, found)| held(found))
        .collect();
    let Some((latest_id, latest)) = events
        .iter()
        .filter(|(_, found)| found.date.on.is_some())
        .max_by_key(|(_, candidate)| candidate.date.on.map(PartialDate::last_day))
    else {
        if let Some(missing) = beyond_papers(arrangement, event, as_at) {
            return Finding::missing(missing);
        }
        return Finding::new(
            Truth::False,
            Observation::NoEvent {
                event: Trigger::Event(event),
                of: None,
                up_to: as_at,
            },
        );
    };
    let Some(date) = latest.date.on else {
        return Finding::default();
    };
    let earliest_due = date.first_day().add_months(months);
    let latest_due = date.last_day().add_months(months);
    let fact = event_fact(*latest_id, latest);
    if as_at <= earliest_due {
        Finding::new(
            Truth::True,
            Observation::Recent {
                latest: *latest_id,
                months,
                as_at,
            },
        )
        .with_fact(fact)
    } else if as_at > latest_due {
        if let Some(missing) = beyond_papers(arrangement, event, latest_due) {
            let mut finding = Finding::missing(missing);
            finding.facts.push(fact);
            return finding;
        }
        Finding::new(
            Truth::False,
            Observation::Overdue {
                latest: *latest_id,
                months,
                as_at,
                due: latest_due,
            },
        )
        .with_fact(fact)
    } else {
        let mut finding = Finding::missing(Missing::EventDate { event: *latest_id });
        finding.notes.push(Note::DueDateUnclear {
            event: *latest_id,
            earliest: earliest_due,
            latest: latest_due,
            as_at,
        });
        finding.facts.push(fact);
        finding
    }
}
