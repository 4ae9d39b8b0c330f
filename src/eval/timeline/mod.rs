//! Duties over time: `review after each change of DCS` and `review every 12
//! months`. This file decides them: which causes an `after each` duty must
//! answer ([`causes`]), whether an event answers each in time ([`after`]),
//! and whether the latest of a recurring event is recent enough
//! ([`every`]). What a change is, is decided in `changes.rs`; which events
//! may follow a cause, and in what order they are tried, in `followers.rs`.
//!
//! Only a review that reached a conclusion answers a change. The timeline
//! is complete only up to the date the papers stop: after it, that no
//! review is recorded is unknown, not a breach. Partial dates are whole
//! periods, and events known only to follow another keep that order.

mod changes;
mod followers;

pub(super) use changes::changes_of;
use followers::{cause_date, follower_order, Followers};

use super::finding::{Finding, Truth};
use super::{Cause, Change, Fact, FactUse, Missing, Note, Observation};
use crate::date::{Day, PartialDate, Relative};
use crate::model::{Arrangement, Basis, Event, EventId, EventKind, FactOrigin, Policy, RoleId, Trigger};

/// The fact an event gives an explanation.
pub(super) fn event_fact(id: EventId, event: &Event) -> FactUse {
    FactUse {
        fact: Fact::Event { event: id },
        origin: event.origin.clone(),
        during: crate::date::Period::ALWAYS,
        basis: event.basis(),
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
        .map(|(cause, cause_fact)| answer(&followers, as_at, event, within, cause, cause_fact))
        .collect();
    Finding::all(parts)
}

/// Whether an event of the kind answers one cause in time: a concluded
/// event after it, within the deadline; else unknown when an undated one
/// may have followed it, one after it gives no conclusion, or one's order
/// to it is not settled; else [`unanswered`].
fn answer(
    followers: &Followers,
    as_at: Day,
    event: EventKind,
    within: Option<u32>,
    cause: Cause,
    cause_fact: FactUse,
) -> Finding {
    let arrangement = followers.arrangement;
    let deadline =
        within.and_then(|months| cause_date(arrangement, &cause).map(|date| date.last_day().add_months(months)));
    let in_time =
        |follower: &Event| deadline.is_none_or(|deadline| follower.date.on.is_none_or(|on| on.first_day() <= deadline));
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
    if let Some((follower_id, follower)) = followers.overlapping(&cause).find(|(_, follower)| concluded(follower)) {
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
    use std::fmt::Write;

    use super::followers::ORDERS_ASKED;
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
                answer_by_scanning(arrangement, as_at, event, &followers, within, cause, cause_fact)
            })
            .collect();
        Finding::all(parts)
    }

    /// [`answer`] as it was before [`Followers`], asking every event.
    fn answer_by_scanning(
        arrangement: &Arrangement,
        as_at: Day,
        event: EventKind,
        followers: &[(EventId, &Event)],
        within: Option<u32>,
        cause: Cause,
        cause_fact: FactUse,
    ) -> Finding {
        let deadline =
            within.and_then(|months| cause_date(arrangement, &cause).map(|date| date.last_day().add_months(months)));
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
        unanswered(arrangement, as_at, event, &cause, cause_fact, &after_cause, deadline)
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
            writeln!(text, "  known_until {}", cases.date()).unwrap();
        }
        text.push_str("}\npost ceo { holds ChiefExecutive }\n");
        text.push_str("post director {\n  holds DCS\n  report_to ceo\n");
        if cases.below(2) == 0 {
            writeln!(text, "  responsible_for education from {}", cases.date()).unwrap();
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
                writeln!(
                    text,
                    "review {name} {time} {{\n  by \"Cabinet\"\n  outcome {outcome}\n{answers}}}"
                )
                .unwrap();
            } else {
                let responsibilities = if cases.below(4) == 0 { "no" } else { "yes" };
                writeln!(
                    text,
                    "change {name} {time} {{\n  post director\n  responsibilities {responsibilities}\n}}"
                )
                .unwrap();
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
            writeln!(
                text,
                "change change_{index} on {year}-{month:02}-01 {{\n  post director\n  responsibilities yes\n}}"
            )
            .unwrap();
            // Half answer their change, half follow it by date alone.
            let answers = if index % 2 == 0 {
                format!("  answers change_{index}\n")
            } else {
                String::new()
            };
            writeln!(
                text,
                "review review_{index} on {year}-{month:02}-15 {{\n  by \"Cabinet\"\n  outcome assured\n{answers}}}"
            )
            .unwrap();
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
