//! Duties over the dated timeline: `review after each change of DCS` and
//! `review every 12 months`. Partial dates are whole periods; when the
//! overlap of two periods decides the answer, the finding is unknown and
//! says why.

use super::{and_list, FactUse, Finding, Truth};
use crate::date::{Day, Relative};
use crate::model::EventKind;
use crate::model::{Arrangement, Event, Policy, RoleId};

/// The fact an event gives an explanation.
pub(super) fn event_fact(event: &Event) -> FactUse {
    let mut statement = format!("{} `{}` on {}", event.kind.word(), event.key, event.date);
    if let Some(what) = event.what.as_ref().or(event.outcome.as_ref()) {
        statement.push_str(&format!(": {what}"));
    }
    FactUse {
        span: event.origin.span,
        statement,
        evidence: event.origin.evidence.clone(),
    }
}

/// Events of a kind that have begun by the as-at date, in date order.
fn events_of(arrangement: &Arrangement, as_at: Day, kind: EventKind) -> Vec<&Event> {
    let mut events: Vec<&Event> = arrangement
        .events
        .iter()
        .filter(|event| event.kind == kind && event.date.begun_by(as_at))
        .collect();
    events.sort_by_key(|event| event.date);
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
pub(super) fn changes_of(arrangement: &Arrangement, as_at: Day, role: RoleId) -> Vec<&Event> {
    events_of(arrangement, as_at, EventKind::Change)
        .into_iter()
        .filter(|event| concerns_holder(arrangement, event, role))
        .collect()
}

/// `EVENT after each TRIGGER [of ROLE] [within N months]`.
pub(super) fn after(
    policy: &Policy,
    arrangement: &Arrangement,
    as_at: Day,
    event: EventKind,
    trigger: EventKind,
    of: Option<RoleId>,
    within: Option<u32>,
) -> Finding {
    let triggers: Vec<&Event> = events_of(arrangement, as_at, trigger)
        .into_iter()
        .filter(|candidate| of.is_none_or(|role| concerns_holder(arrangement, candidate, role)))
        .collect();
    let of_words = of
        .and_then(|role| policy.role(role))
        .map(|role| format!(" of the {}", role.title))
        .unwrap_or_default();
    if triggers.is_empty() {
        return Finding {
            truth: Truth::True,
            said: vec![format!("no {}{of_words} is recorded up to {as_at}", trigger.word())],
            vacuous: true,
            ..Finding::default()
        };
    }
    let followers = events_of(arrangement, as_at, event);
    let parts = triggers
        .into_iter()
        .map(|cause| {
            let deadline = within.map(|months| cause.date.last_day().add_months(months));
            let cause_fact = event_fact(cause);
            let definite = followers.iter().find(|follower| {
                follower.date.relative_to(cause.date) == Relative::After
                    && deadline.is_none_or(|deadline| follower.date.first_day() <= deadline)
            });
            if let Some(follower) = definite {
                let mut finding = Finding::new(
                    Truth::True,
                    format!(
                        "the {} `{}` ({}) follows the {} `{}` ({})",
                        event.word(),
                        follower.key,
                        follower.date,
                        trigger.word(),
                        cause.key,
                        cause.date
                    ),
                );
                finding.facts = vec![cause_fact, event_fact(follower)];
                return finding;
            }
            let overlapping: Vec<&&Event> = followers
                .iter()
                .filter(|follower| follower.date.relative_to(cause.date) == Relative::Overlapping)
                .collect();
            if let Some(follower) = overlapping.first() {
                let mut finding = Finding::missing(format!(
                    "whether the {} `{}` came after the {} `{}`",
                    event.word(),
                    follower.key,
                    trigger.word(),
                    cause.key
                ));
                finding.notes.push(format!(
                    "The {} `{}` is dated {} and the {} `{}` {}; as periods they overlap, so which came first cannot be told from the dates.",
                    trigger.word(),
                    cause.key,
                    cause.date,
                    event.word(),
                    follower.key,
                    follower.date
                ));
                finding.facts = vec![cause_fact, event_fact(follower)];
                return finding;
            }
            if let Some(deadline) = deadline {
                if as_at <= deadline {
                    return Finding::new(
                        Truth::True,
                        format!(
                            "a {} after the {} `{}` ({}) is not due until {deadline}",
                            event.word(),
                            trigger.word(),
                            cause.key,
                            cause.date
                        ),
                    )
                    .with_fact(cause_fact);
                }
            }
            let late: Vec<String> = followers
                .iter()
                .filter(|follower| follower.date.relative_to(cause.date) == Relative::After)
                .map(|follower| format!("`{}` ({})", follower.key, follower.date))
                .collect();
            let said = match (deadline, late.is_empty()) {
                (Some(deadline), false) => format!(
                    "no {} followed the {} `{}` ({}) by {deadline}; the next was {}",
                    event.word(),
                    trigger.word(),
                    cause.key,
                    cause.date,
                    and_list(&late)
                ),
                _ => format!(
                    "no {} is recorded after the {} `{}` ({})",
                    event.word(),
                    trigger.word(),
                    cause.key,
                    cause.date
                ),
            };
            Finding::new(Truth::False, said).with_fact(cause_fact)
        })
        .collect();
    Finding::all(parts)
}

/// `EVENT every N months`.
pub(super) fn every(arrangement: &Arrangement, as_at: Day, event: EventKind, months: u32) -> Finding {
    let events = events_of(arrangement, as_at, event);
    let Some(latest) = events.iter().max_by_key(|candidate| candidate.date.last_day()) else {
        return Finding::new(Truth::False, format!("no {} is recorded up to {as_at}", event.word()));
    };
    let period = if months % 12 == 0 {
        let years = months / 12;
        if years == 1 {
            "12 months".to_owned()
        } else {
            format!("{years} years")
        }
    } else {
        format!("{months} months")
    };
    let earliest_due = latest.date.first_day().add_months(months);
    let latest_due = latest.date.last_day().add_months(months);
    let fact = event_fact(latest);
    if as_at <= earliest_due {
        Finding::new(
            Truth::True,
            format!(
                "the latest {}, `{}` ({}), is within {period} of {as_at}",
                event.word(),
                latest.key,
                latest.date
            ),
        )
        .with_fact(fact)
    } else if as_at > latest_due {
        Finding::new(
            Truth::False,
            format!(
                "the latest {}, `{}` ({}), is more than {period} before {as_at}: the next was due by {latest_due}",
                event.word(),
                latest.key,
                latest.date
            ),
        )
        .with_fact(fact)
    } else {
        let mut finding = Finding::missing(format!("the exact date of the {} `{}`", event.word(), latest.key));
        finding.notes.push(format!(
            "The {} `{}` is dated only to {}; the next was due between {earliest_due} and {latest_due}, and {as_at} falls between.",
            event.word(),
            latest.key,
            latest.date
        ));
        finding.facts.push(fact);
        finding
    }
}
