//! Duties over the dated timeline: `review after each change of DCS` and
//! `review every 12 months`. Partial dates are whole periods; when the
//! overlap of two periods decides the answer, the finding is unknown and
//! says why.

use super::finding::{Finding, Truth};
use super::{Fact, FactUse, Missing, Note, Observation};
use crate::date::{Day, Relative};
use crate::model::{Arrangement, Event, EventId, EventKind, RoleId};

/// The fact an event gives an explanation.
pub(super) fn event_fact(id: EventId, event: &Event) -> FactUse {
    FactUse {
        fact: Fact::Event { event: id },
        origin: event.origin.clone(),
    }
}

/// Events of a kind that have begun by the as-at date, in date order
/// (file order among equal dates).
fn events_of(arrangement: &Arrangement, as_at: Day, kind: EventKind) -> Vec<(EventId, &Event)> {
    let mut events: Vec<(EventId, &Event)> = arrangement
        .events
        .iter()
        .enumerate()
        .filter(|(_, event)| event.kind == kind && event.date.begun_by(as_at))
        .map(|(index, event)| (EventId::from_index(index), event))
        .collect();
    events.sort_by_key(|(_, event)| event.date);
    events
}

/// Whether an event concerns a post or member holding the role.
fn concerns_holder(arrangement: &Arrangement, event: &Event, role: RoleId) -> bool {
    event
        .concerns
        .and_then(|entity| arrangement.entity(entity))
        .is_some_and(|entity| entity.holds(role).is_some())
}

/// `change` events, by the as-at date, concerning a holder of the role.
pub(super) fn changes_of(arrangement: &Arrangement, as_at: Day, role: RoleId) -> Vec<(EventId, &Event)> {
    events_of(arrangement, as_at, EventKind::Change)
        .into_iter()
        .filter(|(_, event)| concerns_holder(arrangement, event, role))
        .collect()
}

/// `EVENT after each TRIGGER [of ROLE] [within N months]`.
pub(super) fn after(
    arrangement: &Arrangement,
    as_at: Day,
    event: EventKind,
    trigger: EventKind,
    of: Option<RoleId>,
    within: Option<u32>,
) -> Finding {
    let triggers: Vec<(EventId, &Event)> = events_of(arrangement, as_at, trigger)
        .into_iter()
        .filter(|(_, candidate)| of.is_none_or(|role| concerns_holder(arrangement, candidate, role)))
        .collect();
    if triggers.is_empty() {
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
    let followers = events_of(arrangement, as_at, event);
    let parts = triggers
        .into_iter()
        .map(|(cause_id, cause)| {
            let deadline = within.map(|months| cause.date.last_day().add_months(months));
            let cause_fact = event_fact(cause_id, cause);
            let definite = followers.iter().find(|(_, follower)| {
                follower.date.relative_to(cause.date) == Relative::After
                    && deadline.is_none_or(|deadline| follower.date.first_day() <= deadline)
            });
            if let Some((follower_id, follower)) = definite {
                let mut finding = Finding::new(
                    Truth::True,
                    Observation::Follows {
                        follower: *follower_id,
                        cause: cause_id,
                    },
                );
                finding.facts = vec![cause_fact, event_fact(*follower_id, follower)];
                return finding;
            }
            let overlapping = followers
                .iter()
                .find(|(_, follower)| follower.date.relative_to(cause.date) == Relative::Overlapping);
            if let Some((follower_id, follower)) = overlapping {
                let mut finding = Finding::missing(Missing::EventOrder {
                    earlier: cause_id,
                    later: *follower_id,
                });
                finding.notes.push(Note::EventOrderUnclear {
                    earlier: cause_id,
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
                            cause: cause_id,
                            due: deadline,
                        },
                    )
                    .with_fact(cause_fact);
                }
            }
            let late: Vec<EventId> = match deadline {
                Some(_) => followers
                    .iter()
                    .filter(|(_, follower)| follower.date.relative_to(cause.date) == Relative::After)
                    .map(|(id, _)| *id)
                    .collect(),
                None => Vec::new(),
            };
            Finding::new(
                Truth::False,
                Observation::NotFollowed {
                    expected: event,
                    cause: cause_id,
                    deadline,
                    late,
                },
            )
            .with_fact(cause_fact)
        })
        .collect();
    Finding::all(parts)
}

/// `EVENT every N months`.
pub(super) fn every(arrangement: &Arrangement, as_at: Day, event: EventKind, months: u32) -> Finding {
    let events = events_of(arrangement, as_at, event);
    let Some((latest_id, latest)) = events.iter().max_by_key(|(_, candidate)| candidate.date.last_day()) else {
        return Finding::new(
            Truth::False,
            Observation::NoEvent {
                event,
                of: None,
                up_to: as_at,
            },
        );
    };
    let earliest_due = latest.date.first_day().add_months(months);
    let latest_due = latest.date.last_day().add_months(months);
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
