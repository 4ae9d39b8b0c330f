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

use std::collections::BTreeMap;

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
                .attribute(*attribute)
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
    #[cfg(test)]
    ORDERS_ASKED.with(|asked| asked.set(asked.get() + 1));
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

/// What an `after each TRIGGER [of ROLE]` duty must answer, as at a day:
/// each change (or extension) of the role's holders, or each event of the
/// kind, with the fact it rests on.
fn causes(
    arrangement: &Arrangement,
    policy: &Policy,
    as_at: Day,
    trigger: Trigger,
    of: Option<RoleId>,
) -> Vec<(Cause, FactUse)> {
    match (trigger, of) {
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
    }
}

/// The finding when nothing happened that a duty must answer: met, with
/// nothing to apply to.
fn no_cause(trigger: Trigger, of: Option<RoleId>, as_at: Day) -> Finding {
    Finding {
        truth: Truth::True,
        said: vec![Observation::NoEvent {
            event: trigger,
            of,
            up_to: as_at,
        }],
        vacuous: true,
        ..Finding::default()
    }
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
    let causes = causes(arrangement, policy, as_at, trigger, of);
    if causes.is_empty() {
        return no_cause(trigger, of, as_at);
    }
    let followers = Followers::new(arrangement, as_at, event);
    let parts = causes
        .into_iter()
        .map(|(cause, cause_fact)| {
            let deadline = within
                .and_then(|months| cause_date(arrangement, &cause).map(|date| date.last_day().add_months(months)));
            let in_time = |follower: &Event| {
                deadline.is_none_or(|deadline| follower.date.on.is_none_or(|on| on.first_day() <= deadline))
            };
            let definite = followers
                .after(&cause)
                .find(|(_, follower)| concluded(follower) && in_time(follower));
            if let Some((follower_id, follower)) = definite {
                let mut finding = Finding::new(
                    Truth::True,
                    Observation::Follows {
                        follower: follower_id,
                        cause: cause.clone(),
                    },
                );
                finding.facts = vec![cause_fact, event_fact(follower_id, follower)];
                return finding;
            }
            // A review after the change, recorded without a date, may have
            // taken place by the as-at date or not.
            if let Some((follower_id, follower)) = followers
                .open
                .iter()
                .find(|(id, _)| follower_order(arrangement, *id, &cause) == Relative::After)
            {
                let mut finding = Finding::missing(Missing::EventDate { event: *follower_id });
                finding.facts = vec![cause_fact, event_fact(*follower_id, follower)];
                return finding;
            }
            // A review after the change whose conclusion the papers do not
            // give may answer it.
            if let Some((follower_id, follower)) = followers
                .after(&cause)
                .find(|(_, follower)| conclusion(follower).is_none() && in_time(follower))
            {
                let mut finding = Finding::missing(Missing::ReviewOutcome { review: follower_id });
                finding.facts = vec![cause_fact, event_fact(follower_id, follower)];
                return finding;
            }
            if let Some((follower_id, follower)) =
                followers.overlapping(&cause).find(|(_, follower)| concluded(follower))
            {
                let mut finding = Finding::missing(Missing::EventOrder {
                    earlier: cause.clone(),
                    later: follower_id,
                });
                finding.notes.push(Note::EventOrderUnclear {
                    earlier: cause.clone(),
                    later: follower_id,
                });
                finding.facts = vec![cause_fact, event_fact(follower_id, follower)];
                return finding;
            }
            let after_cause: Vec<(EventId, &Event)> = followers.after(&cause).collect();
            unanswered(arrangement, as_at, event, &cause, cause_fact, &after_cause, deadline)
        })
        .collect();
    Finding::all(parts)
}

/// A cause no event answers in time: not yet due before its deadline;
/// undecided when the papers stop before the last day an answer could
/// come; else not followed, naming the events after it that came late or
/// reached no conclusion.
fn unanswered(
    arrangement: &Arrangement,
    as_at: Day,
    event: EventKind,
    cause: &Cause,
    cause_fact: FactUse,
    after_cause: &[(EventId, &Event)],
    deadline: Option<Day>,
) -> Finding {
    if let Some(deadline) = deadline {
        if as_at <= deadline {
            return Finding::new(
                Truth::True,
                Observation::NotYetDue {
                    expected: event,
                    cause: cause.clone(),
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
    // The papers stop before the as-at date (and before the deadline): a
    // review after them is not excluded.
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
            cause: cause.clone(),
            deadline,
            late,
            inconclusive,
        },
    );
    finding.facts = facts;
    finding
}

/// The events of the kind that answers a cause (a review, say), indexed
/// once per duty so that each cause is matched by sorted search rather
/// than by asking the order of every such event against it.
///
/// Which event answers a cause, and in what order they are tried, is
/// exactly as scanning them all in date order would give: the index only
/// leaves out events that cannot be after (or overlap) the cause, and
/// every candidate is still asked [`follower_order`]. An event is after a
/// cause by an `answers` or `after` link, whatever its date, or by date;
/// by date, a dated event is after only if it begins after the cause's
/// date or the date of the event that records it, so only the dated
/// events from there on are tried, with those linked by `answers` to the
/// recording event or by `after` to any, and the undated. Each cause then
/// costs a binary search and the events tried, not all of them.
struct Followers<'a> {
    arrangement: &'a Arrangement,
    /// The events of the kind that happened by the as-at date, in date
    /// order: undated ones first, file order among equal dates.
    events: Vec<(EventId, &'a Event)>,
    /// How many of `events` are undated.
    undated: usize,
    /// The first day of each dated event, `events[undated + i]`.
    first_days: Vec<Day>,
    /// The latest last day among the dated events up to each,
    /// `events[undated..=undated + i]`: where events that might overlap a
    /// date begin.
    latest_last_days: Vec<Day>,
    /// Where the dated events with an `after` link are in `events`.
    linked: Vec<usize>,
    /// Where the events that `answers` each event are in `events`.
    answering: BTreeMap<EventId, Vec<usize>>,
    /// Events of the kind that are undated and may or may not have
    /// happened by the date (the papers run on past it), concluded, in
    /// file order.
    open: Vec<(EventId, &'a Event)>,
}

impl<'a> Followers<'a> {
    fn new(arrangement: &'a Arrangement, as_at: Day, kind: EventKind) -> Followers<'a> {
        let events = events_of(arrangement, as_at, kind);
        let undated = events.iter().take_while(|(_, event)| event.date.on.is_none()).count();
        let dated = events.iter().skip(undated).filter_map(|(_, event)| event.date.on);
        let first_days: Vec<Day> = dated.clone().map(PartialDate::first_day).collect();
        let latest_last_days: Vec<Day> = dated
            .scan(None, |latest: &mut Option<Day>, date| {
                let last = latest.map_or(date.last_day(), |latest| latest.max(date.last_day()));
                *latest = Some(last);
                Some(last)
            })
            .collect();
        let mut linked = Vec::new();
        let mut answering: BTreeMap<EventId, Vec<usize>> = BTreeMap::new();
        for (position, (_, event)) in events.iter().enumerate() {
            if position >= undated && event.date.after.is_some() {
                linked.push(position);
            }
            if let Some(answered) = event.answers {
                answering.entry(answered).or_default().push(position);
            }
        }
        let open = arrangement
            .events
            .iter()
            .enumerate()
            .filter(|(_, event)| {
                event.kind == kind && happened(arrangement, event, as_at).is_none() && concluded(event)
            })
            .map(|(index, event)| (EventId::from_index(index), event))
            .collect();
        Followers {
            arrangement,
            events,
            undated,
            first_days,
            latest_last_days,
            linked,
            answering,
            open,
        }
    }

    /// The events at these positions, in order, that are in `relative`
    /// order to the cause.
    fn tried(
        &self,
        positions: impl Iterator<Item = usize> + 'a,
        cause: &'a Cause,
        relative: Relative,
    ) -> impl Iterator<Item = (EventId, &'a Event)> + '_ {
        positions
            .filter_map(|position| self.events.get(position).copied())
            .filter(move |(id, _)| follower_order(self.arrangement, *id, cause) == relative)
    }

    /// The events after the cause, in date order.
    fn after(&self, cause: &'a Cause) -> impl Iterator<Item = (EventId, &'a Event)> + '_ {
        let recorded = match cause {
            Cause::Change(change) => change.event,
            Cause::Event(event) => Some(*event),
        };
        let recorded_date = recorded
            .and_then(|id| self.arrangement.event(id))
            .and_then(|event| event.date.on);
        // By date, an event is after the cause only if it begins after the
        // cause's date or after the recording event's: after the earlier
        // of their ends. With neither dated, no date puts it after.
        let threshold = [cause_date(self.arrangement, cause), recorded_date]
            .into_iter()
            .flatten()
            .map(PartialDate::last_day)
            .min();
        let from = match threshold {
            Some(threshold) => self.undated + self.first_days.partition_point(|first| *first <= threshold),
            None => self.events.len(),
        };
        let answering = recorded
            .and_then(|id| self.answering.get(&id))
            .map_or(&[][..], Vec::as_slice);
        let mut earlier: Vec<usize> = (0..self.undated)
            .chain(self.linked.iter().copied().take_while(|position| *position < from))
            .chain(answering.iter().copied().filter(|position| *position < from))
            .collect();
        earlier.sort_unstable();
        earlier.dedup();
        self.tried(
            earlier.into_iter().chain(from..self.events.len()),
            cause,
            Relative::After,
        )
    }

    /// The events whose order to the cause the papers do not settle, in
    /// date order.
    fn overlapping(&self, cause: &'a Cause) -> impl Iterator<Item = (EventId, &'a Event)> + '_ {
        // A dated event overlaps the cause only if its period overlaps the
        // cause's date (a link, or the recording event's date, would order
        // it); undated events may overlap anything.
        let (from, to) = match cause_date(self.arrangement, cause) {
            Some(date) => (
                self.undated + self.latest_last_days.partition_point(|last| *last < date.first_day()),
                self.undated + self.first_days.partition_point(|first| *first <= date.last_day()),
            ),
            None => (self.undated, self.events.len()),
        };
        self.tried(
            (0..self.undated).chain(from..to.max(from)),
            cause,
            Relative::Overlapping,
        )
    }
}

#[cfg(test)]
thread_local! {
    /// How many times [`follower_order`] has been asked, for the test that
    /// matching causes to events is not quadratic.
    static ORDERS_ASKED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Workspace;

    /// `after` as it was before [`Followers`]: every event of the kind
    /// asked against every cause. Kept to show that the index changes no
    /// finding.
    fn after_by_scanning(
        arrangement: &Arrangement,
        policy: &Policy,
        as_at: Day,
        event: EventKind,
        trigger: Trigger,
        of: Option<RoleId>,
        within: Option<u32>,
    ) -> Finding {
        let causes = causes(arrangement, policy, as_at, trigger, of);
        if causes.is_empty() {
            return no_cause(trigger, of, as_at);
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
                let after_cause: Vec<(EventId, &Event)> = followers
                    .iter()
                    .filter(|(id, _)| follower_order(arrangement, *id, &cause) == Relative::After)
                    .copied()
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
                if let Some((follower_id, follower)) =
                    arrangement.events.iter().enumerate().find_map(|(index, found)| {
                        let id = EventId::from_index(index);
                        (found.kind == event
                            && happened(arrangement, found, as_at).is_none()
                            && concluded(found)
                            && follower_order(arrangement, id, &cause) == Relative::After)
                            .then_some((id, found))
                    })
                {
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
                unanswered(arrangement, as_at, event, &cause, cause_fact, &after_cause, deadline)
            })
            .collect();
        Finding::all(parts)
    }

    /// A small random number generator, so the cases are the same every
    /// run.
    struct Cases(u64);

    impl Cases {
        fn below(&mut self, bound: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % bound
        }

        fn date(&mut self) -> String {
            let year = 2014 + self.below(6);
            match self.below(6) {
                0 => format!("{year}"),
                1 | 2 => format!("{year}-{:02}", 1 + self.below(12)),
                _ => format!("{year}-{:02}-{:02}", 1 + self.below(12), 1 + self.below(28)),
            }
        }
    }

    /// Changes of the DCS's responsibilities and reviews, dated to a year,
    /// month or day or not at all, some answering a change, some known to
    /// follow an earlier event, with every outcome.
    fn timeline(cases: &mut Cases) -> String {
        let mut text = String::from("arrangements generated {\n  council \"Generated\"\n");
        if cases.below(2) == 0 {
            text.push_str(&format!("  known_until {}\n", cases.date()));
        }
        text.push_str("}\npost ceo { holds ChiefExecutive }\n");
        text.push_str("post director {\n  holds DCS\n  report_to ceo\n");
        if cases.below(2) == 0 {
            text.push_str(&format!("  responsible_for education from {}\n", cases.date()));
        }
        text.push_str("}\n");
        let mut names: Vec<String> = Vec::new();
        let events = 1 + cases.below(12);
        for index in 0..events {
            let review = cases.below(2) == 0;
            let name = format!("{}_{index}", if review { "review" } else { "change" });
            let earlier = (!names.is_empty() && cases.below(3) == 0)
                .then(|| names[cases.below(names.len() as u64) as usize].clone());
            let time = match (cases.below(4), &earlier) {
                (0, Some(earlier)) => format!("after {earlier}"),
                (1, Some(earlier)) => format!("on {} after {earlier}", cases.date()),
                (2, _) => "on unknown".to_owned(),
                _ => format!("on {}", cases.date()),
            };
            if review {
                let outcome = ["assured", "not_assured", "deferred", "noted", "unknown"][cases.below(5) as usize];
                let answers = names
                    .iter()
                    .filter(|name| name.starts_with("change"))
                    .nth(cases.below(4) as usize)
                    .filter(|_| cases.below(2) == 0)
                    .map(|change| format!("  answers {change}\n"))
                    .unwrap_or_default();
                text.push_str(&format!(
                    "review {name} {time} {{\n  by \"Cabinet\"\n  outcome {outcome}\n{answers}}}\n"
                ));
            } else {
                let responsibilities = if cases.below(4) == 0 { "no" } else { "yes" };
                text.push_str(&format!(
                    "change {name} {time} {{\n  post director\n  responsibilities {responsibilities}\n}}\n"
                ));
            }
            names.push(name);
        }
        text
    }

    fn dcs(policy: &Policy) -> RoleId {
        let index = policy.roles.iter().position(|role| role.key == "DCS").unwrap();
        RoleId::from_index(index)
    }

    #[test]
    fn matching_by_the_index_finds_what_scanning_every_event_found() {
        let mut cases = Cases(0x0dc5_7133_1a9e);
        let mut compared = 0;
        for _ in 0..400 {
            let text = timeline(&mut cases);
            let mut workspace = Workspace::new();
            workspace.add_text("generated.dcs", &text);
            let as_at = PartialDate::parse(&cases.date()).unwrap().last_day();
            let Some(prepared) = workspace.prepare(as_at) else {
                continue;
            };
            let role = dcs(&prepared.policy);
            for arrangement in &prepared.arrangements {
                for within in [None, Some(3), Some(12)] {
                    for (trigger, of) in [
                        (Trigger::Event(EventKind::Change), Some(role)),
                        (Trigger::Event(EventKind::Change), None),
                        (Trigger::Event(EventKind::Review), None),
                        (Trigger::Extension, Some(role)),
                    ] {
                        let ours = after(
                            arrangement,
                            &prepared.policy,
                            as_at,
                            EventKind::Review,
                            trigger,
                            of,
                            within,
                        );
                        let theirs = after_by_scanning(
                            arrangement,
                            &prepared.policy,
                            as_at,
                            EventKind::Review,
                            trigger,
                            of,
                            within,
                        );
                        assert_eq!(
                            format!("{ours:?}"),
                            format!("{theirs:?}"),
                            "as at {as_at}, within {within:?}, {trigger:?}:\n{text}"
                        );
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 2000, "only {compared} compared");
    }

    /// Changes each followed by the review that answers it, months apart.
    fn long_history(changes: usize) -> String {
        let mut text = String::from(
            "arrangements long {\n  council \"Long\"\n}\npost ceo { holds ChiefExecutive }\npost director {\n  holds DCS\n  report_to ceo\n}\n",
        );
        for index in 0..changes {
            let (year, month) = (1900 + index / 12, 1 + index % 12);
            text.push_str(&format!(
                "change change_{index} on {year}-{month:02}-01 {{\n  post director\n  responsibilities yes\n}}\n"
            ));
            // Half answer their change, half follow it by date alone.
            let answers = if index % 2 == 0 {
                format!("  answers change_{index}\n")
            } else {
                String::new()
            };
            text.push_str(&format!(
                "review review_{index} on {year}-{month:02}-15 {{\n  by \"Cabinet\"\n  outcome assured\n{answers}}}\n"
            ));
        }
        text
    }

    fn orders_asked(changes: usize) -> usize {
        let mut workspace = Workspace::new();
        workspace.add_text("long.dcs", &long_history(changes));
        let as_at = PartialDate::parse("2026-11-01").unwrap().last_day();
        let prepared = workspace.prepare(as_at).expect("the long history checks");
        let role = dcs(&prepared.policy);
        let arrangement = &prepared.arrangements[0];
        ORDERS_ASKED.with(|asked| asked.set(0));
        let finding = after(
            arrangement,
            &prepared.policy,
            as_at,
            EventKind::Review,
            Trigger::Event(EventKind::Change),
            Some(role),
            Some(6),
        );
        assert_eq!(finding.truth, Truth::True, "every change is reviewed");
        ORDERS_ASKED.with(std::cell::Cell::get)
    }

    #[test]
    fn each_change_is_matched_to_its_review_without_asking_of_every_review() {
        let small = orders_asked(100);
        let large = orders_asked(400);
        // Scanning asked of every review for every change: 16 times as
        // many for four times the changes. The index asks of a few each.
        assert!(
            large <= 4 * small + 100,
            "{small} orders asked for 100 changes, {large} for 400"
        );
        assert!(large < 4 * 400, "{large} orders asked for 400 changes");
    }
}
