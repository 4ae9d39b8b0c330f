//! Reads one council's checked arrangement into a [`History`]: the period
//! drawn, the lanes and their bars, the marks and the rules. Every date is
//! the interval the papers allow (its earliest and latest day, from the
//! timeline's network), never a guess inside it.

use super::{strip, Bar, History, Lane, Mark, MarkKind, Moment, Period, Rule, RuleKind, LANE_ROLES};
use crate::date::{Day, PartialDate};
use crate::model::{Arrangement, Basis, Described, Entity, EventStatus, InstantId, Policy, RoleId, Timeline};
use crate::Assessment;

/// The history of the council `assessment` is of, over `period` (each end
/// not asked for read from the papers: from the start of the year of their
/// first date to their end). The rule "as at" is drawn at `as_at` when it
/// is not the papers' end. The verdict strip reads the guidance
/// `assessment` was checked against, so that assessment should be as at
/// the last day drawn ([`last_day`]): an edition in force then was in
/// force, or not yet, on every earlier day, where one checked for an
/// earlier date may have been replaced before the end.
pub fn history(assessment: &Assessment<'_>, period: Period, as_at: Day) -> History {
    let arrangement = assessment.arrangement;
    let policy = assessment.policy;
    let (from, to) = drawn(arrangement, period, as_at);
    History {
        council: crate::graph::one_line(arrangement.council_name()),
        key: arrangement.key.clone(),
        from,
        to,
        lanes: lanes(policy, arrangement),
        marks: marks(policy, arrangement),
        rules: rules(policy, arrangement, as_at, (from, to)),
        strip: strip::strips(policy, arrangement, (from, to)),
    }
}

/// The last day a history of `arrangement` over `period` draws, as at
/// `as_at`: the end asked for, else the papers' end.
pub fn last_day(arrangement: &Arrangement, period: Period, as_at: Day) -> Day {
    drawn(arrangement, period, as_at).1
}

/// The first and last day drawn.
fn drawn(arrangement: &Arrangement, asked: Period, as_at: Day) -> (Day, Day) {
    let timeline = &arrangement.timeline;
    let days: Vec<Day> = (0..timeline.instants.len())
        .map(InstantId::from_index)
        .flat_map(|instant| [timeline.earliest(instant), timeline.latest(instant)])
        .flatten()
        .collect();
    let first = days.iter().min().copied().unwrap_or(as_at);
    let last = arrangement
        .papers_end
        .or_else(|| days.iter().max().copied())
        .unwrap_or(as_at);
    let from = asked.from.unwrap_or(Day {
        year: first.year,
        month: 1,
        day: 1,
    });
    let to = asked.to.unwrap_or(last);
    if to > from {
        (from, to)
    } else {
        // Nothing to stretch over: a year from the first day.
        (from, from.add_months(12))
    }
}

/// An instant as the papers bound it.
fn moment(timeline: &Timeline, instant: Option<InstantId>) -> Moment {
    match instant {
        None => Moment::OPEN,
        Some(instant) => Moment {
            given: true,
            written: timeline.plain_date(instant),
            earliest: timeline.earliest(instant),
            latest: timeline.latest(instant),
        },
    }
}

/// A lane for each role of [`LANE_ROLES`] the guidance declares.
fn lanes(policy: &Policy, arrangement: &Arrangement) -> Vec<Lane> {
    LANE_ROLES
        .iter()
        .filter_map(|key| {
            let index = policy.roles.iter().position(|role| role.key == *key)?;
            let role = policy.role(RoleId::from_index(index))?;
            Some(Lane {
                role: role.key.clone(),
                title: crate::graph::one_line(&role.title),
                bars: bars(arrangement, RoleId::from_index(index)),
            })
        })
        .collect()
}

/// A bar for each line giving `role` to a post or member: the line's own
/// dates, else its entity's life.
fn bars(arrangement: &Arrangement, role: RoleId) -> Vec<Bar> {
    let timeline = &arrangement.timeline;
    arrangement
        .entities
        .iter()
        .flat_map(|entity| {
            entity
                .roles
                .iter()
                .filter(move |line| line.value == role)
                .map(move |line| Bar {
                    entity: entity.key.to_string(),
                    title: crate::graph::one_line(entity.label()),
                    holders: holders(entity),
                    start: moment(timeline, line.during.from.or(entity.life.from)),
                    end: moment(timeline, line.during.until.or(entity.life.until)),
                    basis: line.basis,
                })
        })
        .collect()
}

/// The people who held a post (or a member's names), each once, in the
/// order the papers give them.
fn holders(entity: &Entity) -> Vec<String> {
    let mut holders: Vec<String> = Vec::new();
    let dated = entity.described.iter().filter_map(|line| match &line.value {
        Described::Person(person) => Some(person.as_str()),
        Described::Title(_) | Described::OtherFunctions(_) => None,
    });
    for person in dated.chain(entity.person.as_deref()) {
        let person = crate::graph::one_line(person);
        if !person.is_empty() && !holders.contains(&person) {
            holders.push(person);
        }
    }
    holders
}

/// The events in their known order, then the answers in file order.
fn marks(policy: &Policy, arrangement: &Arrangement) -> Vec<Mark> {
    let timeline = &arrangement.timeline;
    let role_key = |id: &RoleId| policy.role(*id).map(|role| role.key.clone());
    let events = arrangement
        .events_in_order()
        .into_iter()
        .filter_map(|id| arrangement.event(id))
        .map(|event| Mark {
            key: event.key.clone(),
            kind: MarkKind::Event(event.kind),
            at: moment(timeline, Some(event.at)),
            status: event.status,
            outcome: event.outcome,
            basis: event.basis(),
            roles: event.roles.iter().filter_map(role_key).collect(),
        });
    let answers = arrangement.answers.iter().map(|answer| Mark {
        key: policy
            .duty(answer.duty)
            .map_or_else(String::new, |duty| duty.key.clone()),
        kind: MarkKind::Answer,
        at: moment(timeline, Some(answer.given)),
        status: EventStatus::Happened,
        outcome: None,
        basis: Basis::Stated,
        roles: Vec::new(),
    });
    events.chain(answers).collect()
}

/// The editions that apply to the council and came into force within the
/// period, its papers' end, and the date verified as at when that is not
/// their end; in date order.
fn rules(policy: &Policy, arrangement: &Arrangement, as_at: Day, (from, to): (Day, Day)) -> Vec<Rule> {
    let mut rules: Vec<Rule> = policy
        .editions
        .iter()
        .enumerate()
        .filter(|(index, _)| policy.applies_to(*index, arrangement))
        .filter_map(|(_, edition)| {
            let kind = if edition.is_local() {
                RuleKind::LocalPolicy
            } else if edition.amends.is_some() {
                RuleKind::Amendment
            } else if edition.is_law() {
                RuleKind::Law
            } else {
                RuleKind::Guidance
            };
            let date = if edition.is_local() {
                edition.in_force.or(edition.issued)
            } else {
                edition.in_force
            }?;
            Some(Rule {
                day: date.first_day(),
                date,
                kind,
                key: edition.key.clone(),
                title: crate::graph::one_line(&edition.title),
            })
        })
        .collect();
    if let Some(end) = arrangement.papers_end {
        rules.push(day_rule(end, RuleKind::PapersEnd, &arrangement.key));
    }
    if arrangement.papers_end != Some(as_at) {
        rules.push(day_rule(as_at, RuleKind::AsAt, &arrangement.key));
    }
    rules.retain(|rule| rule.day >= from && rule.day <= to);
    rules.sort_by(|one, other| (one.day, one.kind, &one.key).cmp(&(other.day, other.kind, &other.key)));
    rules
}

/// A rule on a day of the council's own.
fn day_rule(day: Day, kind: RuleKind, key: &str) -> Rule {
    Rule {
        day,
        date: PartialDate::from_day(day),
        kind,
        key: key.to_owned(),
        title: String::new(),
    }
}
