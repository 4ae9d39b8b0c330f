//! A duty decided over every choice of dates the papers allow.
//!
//! The duty is run once in a world where every question of time the papers
//! leave open is decided one way, and again for each other way
//! ([`crate::time::worlds::explore`]). Each run is exact-date evaluation.
//! Every run giving the same verdict decides it: the first run's verdict
//! stands, with a note of the doubts it was decided over (where the runs
//! reached it by different roads) and its bindings
//! marked uncertain where the runs bound different holders. Runs giving
//! different verdicts leave it unknown: the verdict names the doubts that
//! divide them (a doubt bears on it when the runs on one side of it give
//! other verdicts than those on the other), and whatever the runs that
//! were themselves unknown lacked.

use std::collections::{BTreeMap, BTreeSet};

use super::clock::{Clock, Doubt};
use super::{finding, Binding, Missing, Note, Reason, Verdict, VerdictKind};
use crate::date::Day;
use crate::model::{Arrangement, DutyId};
use crate::time::worlds::{explore, Decision, Explored};

/// The most runs a duty is given: far more than real papers' doubts need
/// (a dozen dates in doubt at once), few enough that a pathological file
/// cannot hang a run.
const MOST_RUNS: usize = 512;

/// The verdict of `run` over every choice of dates.
pub(super) fn decide(
    duty: DutyId,
    arrangement: &Arrangement,
    as_at: Day,
    run: impl Fn(&Clock<'_>) -> Verdict,
) -> Verdict {
    let explored = explore(&arrangement.timeline.network, MOST_RUNS, |world| {
        let clock = Clock::new(world, as_at);
        run(&clock)
    });
    merge(duty, explored)
}

/// One verdict from the runs.
fn merge(duty: DutyId, explored: Explored<Doubt, Verdict>) -> Verdict {
    let complete = explored.complete;
    let runs = explored.runs;
    let kinds: BTreeSet<VerdictKind> = runs.iter().map(|(_, verdict)| verdict.kind()).collect();
    let doubts = all_doubts(&runs);
    let mut verdicts = runs.iter().map(|(_, verdict)| verdict);
    let Some(first) = verdicts.next().cloned() else {
        // No run at all: nothing was evaluated, so nothing is decided.
        return Verdict {
            duty,
            reason: Reason::Undecided { observed: Vec::new() },
            bindings: Vec::new(),
            facts: Vec::new(),
            missing: vec![Missing::TooManyDoubts { asked: 0 }],
            notes: Vec::new(),
            answer: None,
        };
    };
    if !complete {
        return undecided(first, &runs, vec![Missing::TooManyDoubts { asked: doubts.len() }]);
    }
    if kinds.len() == 1 {
        let mut verdict = first;
        if runs.len() > 1 {
            // The doubts are worth a note only where the runs reached the
            // verdict by different roads (another review, another holder).
            let same_road = runs
                .iter()
                .all(|(_, other)| other.reason == verdict.reason && other.bindings == verdict.bindings);
            verdict.bindings = bindings(&runs);
            for (_, other) in runs.iter().skip(1) {
                finding::push_facts(&mut verdict.facts, other.facts.iter().cloned());
            }
            if !same_road {
                verdict.notes.push(Note::EitherWay { doubts });
            }
        }
        return verdict;
    }
    let bearing: Vec<Missing> = bearing(&runs).into_iter().map(Missing::Doubt).collect();
    if kinds == BTreeSet::from([VerdictKind::Pass, VerdictKind::NotApplicable]) {
        return met_either_way(&runs, bearing).unwrap_or_else(|| undecided(first, &runs, Vec::new()));
    }
    undecided(first, &runs, bearing)
}

/// Met where the duty applies, and not applicable elsewhere: the duty asks
/// nothing more of the council whichever way the doubts go, so it is met,
/// with a note of what leaves open whether it applies.
fn met_either_way(runs: &[(Vec<Decision<Doubt>>, Verdict)], bearing: Vec<Missing>) -> Option<Verdict> {
    let met: Vec<&Verdict> = runs
        .iter()
        .map(|(_, verdict)| verdict)
        .filter(|verdict| verdict.kind() == VerdictKind::Pass)
        .collect();
    let mut verdict = (*met.first()?).clone();
    for other in met.iter().skip(1) {
        finding::push_facts(&mut verdict.facts, other.facts.iter().cloned());
    }
    verdict.bindings = bindings(runs);
    verdict.notes.push(Note::MetWhetherOrNotItApplies { missing: bearing });
    Some(verdict)
}

/// Unknown: what the runs that were unknown lacked, after the doubts that
/// divide the runs.
fn undecided(first: Verdict, runs: &[(Vec<Decision<Doubt>>, Verdict)], doubts: Vec<Missing>) -> Verdict {
    let mut missing = doubts;
    for (_, verdict) in runs {
        for lacked in &verdict.missing {
            if !missing.contains(lacked) {
                missing.push(lacked.clone());
            }
        }
    }
    let mut facts = Vec::new();
    let mut notes: Vec<Note> = Vec::new();
    for (_, verdict) in runs {
        finding::push_facts(&mut facts, verdict.facts.iter().cloned());
        for note in &verdict.notes {
            if !notes.contains(note) {
                notes.push(note.clone());
            }
        }
    }
    Verdict {
        duty: first.duty,
        reason: Reason::Undecided { observed: Vec::new() },
        bindings: bindings(runs),
        facts,
        missing,
        notes,
        answer: first.answer,
    }
}

/// Every doubt any run decided, each question once, in the order first
/// met.
fn all_doubts(runs: &[(Vec<Decision<Doubt>>, Verdict)]) -> Vec<Doubt> {
    let mut doubts: Vec<Doubt> = Vec::new();
    for (decisions, _) in runs {
        for decision in decisions {
            if !doubts.iter().any(|doubt| doubt.same_question(&decision.question)) {
                doubts.push(decision.question.clone());
            }
        }
    }
    doubts
}

/// The kinds of verdict below each answer to a doubt.
type Branches = BTreeMap<usize, BTreeSet<VerdictKind>>;

/// The doubts that bear on the verdict: at some decision, the runs taking
/// one answer give other verdicts than those taking another.
fn bearing(runs: &[(Vec<Decision<Doubt>>, Verdict)]) -> Vec<Doubt> {
    // Each decision of the tree, by the answers that lead to it: the doubt
    // asked there, and the verdicts below each of its answers.
    let mut nodes: BTreeMap<Vec<usize>, (Doubt, Branches)> = BTreeMap::new();
    for (decisions, verdict) in runs {
        for (place, decision) in decisions.iter().enumerate() {
            let path: Vec<usize> = decisions.iter().take(place).map(|taken| taken.answer).collect();
            let entry = nodes
                .entry(path)
                .or_insert_with(|| (decision.question.clone(), BTreeMap::new()));
            entry.1.entry(decision.answer).or_default().insert(verdict.kind());
        }
    }
    let mut bearing: Vec<Doubt> = Vec::new();
    // In the order the runs first met them.
    for doubt in all_doubts(runs) {
        let divides = nodes.values().any(|(asked, branches)| {
            asked.same_question(&doubt) && {
                let mut sets = branches.values();
                let first = sets.next();
                sets.any(|other| Some(other) != first)
            }
        });
        if divides && !bearing.contains(&doubt) {
            bearing.push(doubt);
        }
    }
    bearing
}

/// The holders the runs bound, each once: certain only where every run
/// bound it, and certain there.
fn bindings(runs: &[(Vec<Decision<Doubt>>, Verdict)]) -> Vec<Binding> {
    let mut merged: Vec<Binding> = Vec::new();
    for (_, verdict) in runs {
        for binding in &verdict.bindings {
            let in_every = runs.iter().all(|(_, other)| {
                other
                    .bindings
                    .iter()
                    .any(|bound| bound.entity == binding.entity && bound.role == binding.role && bound.certain)
            });
            if !merged
                .iter()
                .any(|kept| kept.entity == binding.entity && kept.role == binding.role)
            {
                merged.push(Binding {
                    certain: binding.certain && in_every,
                    ..binding.clone()
                });
            }
        }
    }
    merged
}
