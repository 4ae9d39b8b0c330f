//! The verdict strip: each duty's verdict over the period drawn, for the
//! duties whose verdict changes. A verdict can change only where what the
//! papers say of the day changes (an instant's earliest or latest day, an
//! edition, amendment, departure or review date coming) or where a period
//! the guidance allows runs out (six months after a change…), so the
//! duties are evaluated at every such day the papers give and on the
//! first of every month between, and each stretch between two of them
//! takes the verdict of its first day. The duties are those of the
//! guidance edition checked for the date verified, from the day it came
//! into force: before it, the strip says they were not in force.

use std::collections::BTreeSet;

use super::{Segment, Strip};
use crate::date::Day;
use crate::eval::VerdictKind;
use crate::model::{Arrangement, DutyId, InstantId, Policy};

/// The strips of the duties whose verdict changes within `(from, to)`.
pub(super) fn strips(policy: &Policy, arrangement: &Arrangement, (from, to): (Day, Day)) -> Vec<Strip> {
    let days = sample_days(policy, arrangement, from, to);
    // Before the edition drawn came into force none of its duties bound
    // the council (another edition did, which this policy does not hold):
    // they are drawn not in force then, and that alone is no change.
    let edition = policy.editions.first().and_then(|edition| edition.in_force);
    let begun: Vec<bool> = days
        .iter()
        .map(|day| edition.is_none_or(|date| date.begun_by(*day)))
        .collect();
    let verdicts: Vec<Vec<Option<VerdictKind>>> = days
        .iter()
        .zip(&begun)
        .map(|(day, begun)| {
            if !begun {
                return vec![None; policy.duties.len()];
            }
            let mut state = arrangement.clone();
            state.settle(*day);
            let found = crate::eval::evaluate(policy, &state, *day);
            (0..policy.duties.len())
                .map(|index| {
                    let duty = DutyId::from_index(index);
                    found
                        .iter()
                        .find(|verdict| verdict.duty == duty)
                        .map(crate::eval::Verdict::kind)
                })
                .collect()
        })
        .collect();
    policy
        .duties
        .iter()
        .enumerate()
        .filter_map(|(index, duty)| {
            let kinds: Vec<Option<VerdictKind>> =
                verdicts.iter().map(|row| row.get(index).copied().flatten()).collect();
            let mut in_force = kinds
                .iter()
                .zip(&begun)
                .filter(|(_, begun)| **begun)
                .map(|(kind, _)| kind);
            let first = in_force.next();
            let changes = in_force.any(|kind| Some(kind) != first);
            changes.then(|| Strip {
                duty: duty.key.clone(),
                title: duty.title.as_deref().map(crate::graph::one_line),
                segments: segments(&days, &kinds, to),
            })
        })
        .collect()
}

/// Consecutive days with the same verdict, joined: each stretch runs from
/// its first day to the day before the next stretch begins (the last, to
/// `to`).
fn segments(days: &[Day], kinds: &[Option<VerdictKind>], to: Day) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    for (day, kind) in days.iter().zip(kinds) {
        if let Some(last) = segments.last_mut() {
            if last.verdict == *kind {
                continue;
            }
            last.to = day.previous();
        }
        segments.push(Segment {
            from: *day,
            to,
            verdict: *kind,
        });
    }
    segments
}

/// The days the duties are evaluated on: the first day drawn, the first
/// of every month after it, and every day within the period on which what
/// the papers say may change.
fn sample_days(policy: &Policy, arrangement: &Arrangement, from: Day, to: Day) -> Vec<Day> {
    let mut days = BTreeSet::new();
    days.insert(from);
    let mut month = Day {
        year: from.year,
        month: from.month,
        day: 1,
    }
    .add_months(1);
    while month <= to {
        days.insert(month);
        month = month.add_months(1);
    }
    let timeline = &arrangement.timeline;
    for instant in (0..timeline.instants.len()).map(InstantId::from_index) {
        // Whether it had come changes on its earliest day (from no to
        // perhaps) and on its latest (from perhaps to yes).
        days.extend(
            [timeline.earliest(instant), timeline.latest(instant)]
                .into_iter()
                .flatten(),
        );
    }
    for edition in &policy.editions {
        for date in [edition.in_force, edition.issued, edition.withdrawn]
            .into_iter()
            .flatten()
        {
            days.extend([date.first_day(), date.last_day().next()]);
        }
    }
    for departure in &arrangement.departures {
        for date in [departure.approved, departure.review_by].into_iter().flatten() {
            days.extend([date.first_day(), date.last_day().next()]);
        }
    }
    days.into_iter().filter(|day| *day >= from && *day <= to).collect()
}
