//! The eval stage: every duty of a checked policy against one checked
//! arrangement, as at a date, giving verdicts as data.
//!
//! Facts are read three-valued: a fact the arrangement does not state is
//! unknown and is named as missing, never guessed; a fact stated as `no`
//! is false. Nothing here writes a sentence: a verdict records what it
//! consulted, observed and lacked, and [`crate::words`] says it.
//!
//! This file holds the entry points and what every part shares: the
//! evaluator (a policy, one council's arrangement, the as-at date) and how
//! a fact is recorded as consulted. Each part decides one thing:
//! `duty.rs` the verdict of a duty or question (its modality against the
//! truth found, conditions, departures, answers); `subject.rs` whom a
//! claim is about and the truth over them (holders of a role, counts over
//! a kind); `atom.rs` the truth of a predicate of one entity or the
//! council; `lines.rs` the predicates over the lists an entity states
//! (functions, relations); `timeline/` the duties over time; `finding.rs`
//! three-valued `and`, `or` and `not`. The types a verdict is made of are
//! in `verdict.rs`, `fact.rs`, `missing.rs`, `observation.rs` and
//! `note.rs`.

mod atom;
mod clock;
mod duty;
mod fact;
mod finding;
mod holding;
mod horizon;
mod lines;
mod missing;
mod note;
mod observation;
mod organisation;
mod subject;
mod timeline;
mod verdict;
mod worlds;

pub use clock::Doubt;
pub use fact::{Cause, Change, ChangeDetail, Fact, FactUse};
pub use missing::Missing;
pub use note::Note;
pub use observation::{Clause, Observation};
pub use verdict::{Binding, DepartureStatus, Reason, Verdict, VerdictKind};

use clock::Clock;

use crate::date::{Day, Holding};
use crate::model::{Arrangement, DepartureId, DutyId, EntityId, Policy, Stated};

/// Evaluates every duty and question of `policy` against `arrangement` as
/// at `as_at`, in the policy's order. Each duty is decided over every
/// choice of dates the papers allow ([`worlds`]). As at a date after the
/// papers end, a verdict resting on the council's facts is unknown, naming
/// the verdict as at their end ([`horizon`]).
pub fn evaluate(policy: &Policy, arrangement: &Arrangement, as_at: Day) -> Vec<Verdict> {
    let verdicts = evaluate_on_the_papers(policy, arrangement, as_at);
    match horizon::Horizon::passed(arrangement, as_at) {
        Some(horizon) => {
            let last = evaluate_on_the_papers(policy, arrangement, horizon.end);
            horizon.verdicts(policy, verdicts, last)
        }
        None => verdicts,
    }
}

/// Every verdict as at `as_at` as the papers' facts give it, carried as
/// far as their open ends reach.
fn evaluate_on_the_papers(policy: &Policy, arrangement: &Arrangement, as_at: Day) -> Vec<Verdict> {
    policy
        .duties
        .iter()
        .enumerate()
        .filter_map(|(index, duty)| {
            let id = DutyId::from_index(index);
            let in_force = policy.duty_in_force(id, arrangement, as_at);
            if in_force == Holding::No {
                return None;
            }
            let verdict = worlds::decide(id, arrangement, as_at, |clock| {
                let evaluator = Evaluator {
                    policy,
                    arrangement,
                    as_at,
                    clock,
                    applies_from: policy.first_in_force(id),
                    by_law: true,
                };
                match in_force {
                    // The duty applies if the amendment that made (or
                    // repealed) it had taken effect for the council, which
                    // its papers do not settle: the verdict says so rather
                    // than guess.
                    Holding::Unknown(_) => evaluator.commencement_unknown(id, duty),
                    Holding::Yes | Holding::No => evaluator.duty(id, duty),
                }
            });
            Some(cite_lives(arrangement, verdict))
        })
        .collect()
}

/// A verdict that rests on a fact of a post, member, body or service
/// whose life the papers date rests on that life too (its facts hold only
/// while it exists): each `exists` line is cited after the facts, with its
/// own evidence and basis, so that an inferred start shows as inferred.
fn cite_lives(arrangement: &Arrangement, mut verdict: Verdict) -> Verdict {
    let mut entities: Vec<EntityId> = Vec::new();
    for used in &verdict.facts {
        for entity in used.fact.rests_on().0 {
            if !entities.contains(&entity) {
                entities.push(entity);
            }
        }
    }
    for entity in entities {
        let Some(found) = arrangement.entity(entity) else {
            continue;
        };
        for line in &found.life_lines {
            let life = FactUse {
                fact: Fact::Life { entity },
                origin: line.origin.clone(),
                during: line.during,
                basis: line.basis,
            };
            if !verdict.facts.contains(&life) {
                verdict.facts.push(life);
            }
        }
    }
    verdict
}

/// Where each recorded departure stands as at `as_at`, in the order the
/// arrangement records them.
pub fn departures(arrangement: &Arrangement, as_at: Day) -> Vec<DepartureStatus> {
    arrangement
        .departures
        .iter()
        .enumerate()
        .map(|(index, departure)| DepartureStatus {
            departure: DepartureId::from_index(index),
            review_passed: departure.review_by.map(|date| review_passed(date, as_at)),
        })
        .collect()
}

/// Whether a review-by date has passed: every day of it is before the
/// as-at date.
fn review_passed(review_by: crate::date::PartialDate, as_at: Day) -> bool {
    review_by.last_day() < as_at
}

/// One council's arrangement read against a policy as at a date, in one
/// run's world: what every part of evaluation reads.
#[derive(Clone, Copy)]
struct Evaluator<'a> {
    policy: &'a Policy,
    arrangement: &'a Arrangement,
    as_at: Day,
    clock: &'a Clock<'a>,
    /// The first day any version of the duty being evaluated was in force:
    /// what came before it is not for the duty to judge.
    applies_from: Option<Day>,
    /// Whether what the arrangement does not state may be settled by law.
    /// Off while a law's own conditions are weighed, so that no law rests
    /// on what another law (or itself) settles.
    by_law: bool,
}

impl Evaluator<'_> {
    /// A stated fact, as consulted.
    fn fact_use<T>(fact: &Stated<T>, used: Fact) -> FactUse {
        FactUse {
            fact: used,
            origin: fact.origin.clone(),
            during: fact.during,
            basis: fact.basis,
        }
    }
}
