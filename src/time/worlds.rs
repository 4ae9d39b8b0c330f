//! Worlds: a question decided over every choice of dates the papers allow.
//!
//! Evaluation asks time only through a [`World`]: whether one instant is
//! at most so many days after another (or a date), or which of several
//! candidates holds a role. When the constraints already settle the answer,
//! that is the answer. When they leave it open, the world answers one way,
//! records a [`Decision`], and adds the answer as a constraint, so every
//! later question in the same run is answered consistently with it (the
//! transitivity of "before" is the network's, not the evaluator's
//! concern).
//!
//! [`explore`] runs an evaluation again for every other answer of every
//! decision it met, depth first, so the runs are the leaves of a tree of
//! decisions: each run is the evaluation under exact, consistent dates,
//! and together they cover every choice of dates the papers allow. Only
//! the questions an evaluation actually asks are ever branched on, so a
//! doubt that does not bear on a duty costs nothing. The number of runs is
//! capped; an exploration cut short says so, and its caller must not decide
//! from it.

use std::cell::RefCell;

use super::network::{Network, Node};

/// A question a run met that the constraints left open, and the answer
/// the run took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision<Q> {
    /// What was asked.
    pub question: Q,
    /// The answer taken: for a comparison 0 is yes and 1 is no; for a
    /// choice, the option's place.
    pub answer: usize,
    /// How many answers it has.
    pub arity: usize,
}

/// One run's view of time: the constraints, what the run has decided, and
/// the answers it must take for the decisions it was told to (its place in
/// the tree).
pub struct World<Q> {
    network: RefCell<Network>,
    forced: Vec<usize>,
    trace: RefCell<Vec<Decision<Q>>>,
}

impl<Q: Clone + PartialEq> World<Q> {
    /// A world over the constraints, taking the given answers for its first
    /// decisions and the first answer for the rest.
    pub fn new(network: Network, forced: Vec<usize>) -> World<Q> {
        World {
            network: RefCell::new(network),
            forced,
            trace: RefCell::new(Vec::new()),
        }
    }

    /// The answer for a new decision, recorded.
    fn decide(&self, question: Q, arity: usize) -> usize {
        let mut trace = self.trace.borrow_mut();
        let answer = self
            .forced
            .get(trace.len())
            .copied()
            .unwrap_or(0)
            .min(arity.saturating_sub(1));
        trace.push(Decision {
            question,
            answer,
            arity,
        });
        answer
    }

    /// Whether `later - earlier <= gap` (days): settled by the constraints,
    /// or decided, and then kept as a constraint. `question` names it for
    /// the explanation if it has to be decided.
    pub fn at_most(&self, later: Node, earlier: Node, gap: i64, question: impl FnOnce() -> Q) -> bool {
        {
            let network = self.network.borrow();
            if network.entails(later, earlier, gap) {
                return true;
            }
            if network.entails(earlier, later, gap.saturating_neg().saturating_sub(1)) {
                return false;
            }
        }
        let yes = self.decide(question(), 2) == 0;
        let mut network = self.network.borrow_mut();
        // Neither is entailed, so either can be added.
        let _ = if yes {
            network.constrain(later, earlier, gap)
        } else {
            network.constrain(earlier, later, gap.saturating_neg().saturating_sub(1))
        };
        yes
    }

    /// Which of `arity` options holds: the same answer each time the run
    /// asks the same question, else a decision.
    pub fn choose(&self, question: Q, arity: usize) -> usize {
        if arity <= 1 {
            return 0;
        }
        if let Some(decided) = self
            .trace
            .borrow()
            .iter()
            .find(|decision| decision.question == question)
        {
            return decided.answer;
        }
        self.decide(question, arity)
    }

    /// The earliest and latest day numbers the run's constraints leave a
    /// node.
    pub fn bounds(&self, node: Node) -> (Option<i64>, Option<i64>) {
        let network = self.network.borrow();
        (network.earliest(node), network.latest(node))
    }

    /// The decisions taken so far.
    pub fn decisions(&self) -> Vec<Decision<Q>> {
        self.trace.borrow().clone()
    }
}

/// Every run of an evaluation, with the decisions each took.
#[derive(Clone, Debug)]
pub struct Explored<Q, R> {
    /// The runs, in depth-first order (the first answer of each decision
    /// first).
    pub runs: Vec<(Vec<Decision<Q>>, R)>,
    /// Whether every choice was run; `false` when the cap cut it short.
    pub complete: bool,
}

/// Runs `evaluate` once for every way of answering the questions it leaves
/// open, up to `cap` runs.
pub fn explore<Q: Clone + PartialEq, R>(
    base: &Network,
    cap: usize,
    mut evaluate: impl FnMut(&World<Q>) -> R,
) -> Explored<Q, R> {
    let mut pending: Vec<Vec<usize>> = vec![Vec::new()];
    let mut runs = Vec::new();
    while let Some(forced) = pending.pop() {
        if runs.len() >= cap {
            return Explored { runs, complete: false };
        }
        let world = World::new(base.clone(), forced.clone());
        let result = evaluate(&world);
        let decisions = world.decisions();
        // Every decision this run took freely (past the forced ones) has
        // other answers to try; pushed last-first, so they are run in the
        // tree's order.
        for place in (forced.len()..decisions.len()).rev() {
            let Some(decision) = decisions.get(place) else {
                continue;
            };
            for other in (decision.answer + 1..decision.arity).rev() {
                let mut next: Vec<usize> = decisions.iter().take(place).map(|taken| taken.answer).collect();
                next.push(other);
                pending.push(next);
            }
        }
        runs.push((decisions, result));
    }
    Explored { runs, complete: true }
}

#[cfg(test)]
mod tests {
    use super::super::network::ZERO;
    use super::*;

    /// Two instants in [0, 10], one known to be at most the other.
    fn two_instants() -> Network {
        let mut network = Network::new(2);
        for node in [1, 2] {
            network.constrain(node, ZERO, 10).unwrap();
            network.constrain(ZERO, node, 0).unwrap();
        }
        network.constrain(1, 2, 0).unwrap();
        network
    }

    #[test]
    fn a_settled_question_is_no_decision() {
        let explored = explore(&two_instants(), 100, |world: &World<&str>| {
            world.at_most(1, 2, 0, || "1 <= 2")
        });
        assert!(explored.complete);
        assert_eq!(explored.runs.len(), 1);
        assert!(explored.runs[0].0.is_empty());
        assert!(explored.runs[0].1);
    }

    #[test]
    fn an_open_question_is_run_both_ways_and_answers_stay_consistent() {
        // Has 2 happened by day 5? Then, asked of 1 (which is at most 2):
        // if 2 has, 1 has too, with no second decision.
        let explored = explore(&two_instants(), 100, |world: &World<&str>| {
            let second = world.at_most(2, ZERO, 5, || "2 by 5");
            let first = world.at_most(1, ZERO, 5, || "1 by 5");
            (second, first)
        });
        assert!(explored.complete);
        let results: Vec<(bool, bool)> = explored.runs.iter().map(|(_, result)| *result).collect();
        assert_eq!(results, [(true, true), (false, true), (false, false)]);
        assert_eq!(explored.runs[0].0.len(), 1);
        assert_eq!(explored.runs[1].0.len(), 2);
    }

    #[test]
    fn choices_are_asked_once_a_run_and_every_option_is_run() {
        let explored = explore(&Network::new(0), 100, |world: &World<&str>| {
            let first = world.choose("which", 3);
            let again = world.choose("which", 3);
            assert_eq!(first, again);
            first
        });
        let results: Vec<usize> = explored.runs.iter().map(|(_, result)| *result).collect();
        assert_eq!(results, [0, 1, 2]);
    }

    #[test]
    fn the_cap_cuts_exploration_short_and_says_so() {
        let explored = explore(&Network::new(0), 3, |world: &World<u32>| {
            (0..4).map(|question| world.choose(question, 2)).sum::<usize>()
        });
        assert!(!explored.complete);
        assert_eq!(explored.runs.len(), 3);
    }
}
