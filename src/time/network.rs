//! Difference constraints over days: a Simple Temporal Network.
//!
//! Every instant the papers place somewhere in time is a node; node 0 is
//! the zero of the calendar (day 0, 1 January 1970), so a bound by a date
//! is a constraint against it. A constraint says `later - earlier <= gap`
//! in days. The network keeps the shortest path between every two nodes,
//! which is the tightest bound the constraints put on their difference:
//! `reach(from, to)` bounds `to - from` from above. The constraints can be
//! met together exactly when no cycle is negative, which shows as a node
//! whose path to itself is below zero.
//!
//! Councils' papers give tens of dates, not thousands, so the whole matrix
//! is kept and each constraint added updates it in one pass over it
//! (`O(n²)`): every question asked afterwards is answered by reading it.

/// No bound: further than any date can be apart.
const OPEN: i64 = i64::MAX / 4;

/// A node of the network: 0 is the calendar's zero, each instant another.
pub type Node = usize;

/// The calendar's zero, against which dates are bounds.
pub const ZERO: Node = 0;

/// Difference constraints over `size` nodes (node 0 the zero), with the
/// tightest bound between every two kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    size: usize,
    /// `reach[from * size + to]`: the tightest upper bound on `to - from`.
    reach: Vec<i64>,
}

impl Default for Network {
    fn default() -> Network {
        Network::new(0)
    }
}

/// Two constraints that cannot hold together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contradiction;

impl Network {
    /// A network of the zero and `instants` nodes, with no constraint yet.
    pub fn new(instants: usize) -> Network {
        let size = instants + 1;
        let mut reach = vec![OPEN; size * size];
        for node in 0..size {
            if let Some(diagonal) = reach.get_mut(node * size + node) {
                *diagonal = 0;
            }
        }
        Network { size, reach }
    }

    /// The same network with `extra` more nodes, unconstrained.
    pub fn with_more(&self, extra: usize) -> Network {
        let size = self.size + extra;
        let mut grown = Network::new(size - 1);
        for from in 0..self.size {
            for to in 0..self.size {
                if let Some(cell) = grown.reach.get_mut(from * size + to) {
                    *cell = self.at(from, to);
                }
            }
        }
        grown
    }

    /// How many nodes, the zero included.
    pub fn size(&self) -> usize {
        self.size
    }

    fn at(&self, from: Node, to: Node) -> i64 {
        self.reach.get(from * self.size + to).copied().unwrap_or(OPEN)
    }

    /// The tightest upper bound the constraints put on `to - from`, if
    /// any.
    pub fn reach(&self, from: Node, to: Node) -> Option<i64> {
        let bound = self.at(from, to);
        (bound < OPEN / 2).then_some(bound)
    }

    /// Adds `later - earlier <= gap`. On a contradiction the network is
    /// left as it was.
    pub fn constrain(&mut self, later: Node, earlier: Node, gap: i64) -> Result<(), Contradiction> {
        if later >= self.size || earlier >= self.size {
            return Ok(());
        }
        // Already as tight, or tighter: nothing to do.
        if self.at(earlier, later) <= gap {
            return Ok(());
        }
        // The new edge closes a negative cycle: later - earlier <= gap
        // together with earlier - later <= reach(later, earlier).
        if self.at(later, earlier) < OPEN / 2 && self.at(later, earlier).saturating_add(gap) < 0 {
            return Err(Contradiction);
        }
        let size = self.size;
        let into_earlier: Vec<i64> = (0..size).map(|from| self.at(from, earlier)).collect();
        let out_of_later: Vec<i64> = (0..size).map(|to| self.at(later, to)).collect();
        for (from, before) in into_earlier.iter().enumerate() {
            if *before >= OPEN / 2 {
                continue;
            }
            for (to, after) in out_of_later.iter().enumerate() {
                if *after >= OPEN / 2 {
                    continue;
                }
                let through = before.saturating_add(gap).saturating_add(*after);
                if let Some(cell) = self.reach.get_mut(from * size + to) {
                    if through < *cell {
                        *cell = through;
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether `later - earlier <= gap` can be added without
    /// contradiction, as [`Network::constrain`] would find.
    pub fn allows(&self, later: Node, earlier: Node, gap: i64) -> bool {
        self.allows_both((later, earlier, gap), (later, earlier, gap))
    }

    /// Whether two constraints, each `(later, earlier, gap)`, can be added
    /// together without contradiction, read off the matrix without
    /// changing it. With every shortest path kept, a negative cycle the two
    /// would close runs through one of them (back along the tightest path
    /// from its `later` to its `earlier`) or through both (each edge, then
    /// the tightest path to the other's start): three sums to look at.
    pub fn allows_both(&self, one: (Node, Node, i64), other: (Node, Node, i64)) -> bool {
        let closes = |parts: &[i64]| {
            parts.iter().all(|part| *part < OPEN / 2)
                && parts.iter().fold(0i64, |sum, part| sum.saturating_add(*part)) < 0
        };
        let (later, earlier, gap) = one;
        let (second_later, second_earlier, second_gap) = other;
        !closes(&[gap, self.at(later, earlier)])
            && !closes(&[second_gap, self.at(second_later, second_earlier)])
            && !closes(&[
                gap,
                self.at(later, second_earlier),
                second_gap,
                self.at(second_later, earlier),
            ])
    }

    /// Whether the constraints entail `later - earlier <= gap`.
    pub fn entails(&self, later: Node, earlier: Node, gap: i64) -> bool {
        self.at(earlier, later) <= gap
    }

    /// The earliest value the constraints leave a node (a day number), if
    /// bounded.
    pub fn earliest(&self, node: Node) -> Option<i64> {
        self.reach(node, ZERO).map(|bound| -bound)
    }

    /// The latest value the constraints leave a node (a day number), if
    /// bounded.
    pub fn latest(&self, node: Node) -> Option<i64> {
        self.reach(ZERO, node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_and_orders_propagate() {
        // 1 in [10, 20]; 2 after 1; 2 before 15.
        let mut network = Network::new(2);
        network.constrain(1, ZERO, 20).unwrap();
        network.constrain(ZERO, 1, -10).unwrap();
        network.constrain(1, 2, 0).unwrap(); // 1 - 2 <= 0: 1 <= 2
        network.constrain(2, ZERO, 15).unwrap();
        assert_eq!(network.earliest(1), Some(10));
        assert_eq!(network.latest(1), Some(15));
        assert_eq!(network.earliest(2), Some(10));
        assert_eq!(network.latest(2), Some(15));
        assert!(network.entails(1, 2, 0));
        assert!(!network.entails(2, 1, 0));
    }

    #[test]
    fn a_contradiction_is_refused_and_changes_nothing() {
        let mut network = Network::new(2);
        network.constrain(1, 2, -1).unwrap(); // 1 < 2
        let before = network.clone();
        assert_eq!(network.constrain(2, 1, -1), Err(Contradiction)); // 2 < 1
        assert_eq!(network, before);
        // 1 in [10, 10] and 1 >= 11 cannot hold.
        network.constrain(1, ZERO, 10).unwrap();
        network.constrain(ZERO, 1, -10).unwrap();
        assert_eq!(network.constrain(ZERO, 1, -11), Err(Contradiction));
    }

    /// Two constraints allowed together exactly when adding both to a
    /// copy succeeds, over small random networks.
    #[test]
    fn allows_both_agrees_with_adding_both() {
        let mut seed: u64 = 0xd0e5;
        let mut next = move |modulo: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % modulo
        };
        let edge = |next: &mut dyn FnMut(u64) -> u64| (next(4) as usize, next(4) as usize, next(7) as i64 - 3);
        for _ in 0..500 {
            let mut network = Network::new(3);
            for _ in 0..3 {
                let (later, earlier, gap) = edge(&mut next);
                let _ = network.constrain(later, earlier, gap);
            }
            let one = edge(&mut next);
            let other = edge(&mut next);
            let mut copy = network.clone();
            let added =
                copy.constrain(one.0, one.1, one.2).is_ok() && copy.constrain(other.0, other.1, other.2).is_ok();
            assert_eq!(
                network.allows_both(one, other),
                added,
                "{one:?} {other:?} in {network:?}"
            );
            let mut single = network.clone();
            assert_eq!(
                network.allows(one.0, one.1, one.2),
                single.constrain(one.0, one.1, one.2).is_ok()
            );
        }
    }

    #[test]
    fn unbounded_nodes_stay_unbounded() {
        let mut network = Network::new(3);
        network.constrain(1, 2, 0).unwrap();
        assert_eq!(network.earliest(1), None);
        assert_eq!(network.latest(3), None);
        network.constrain(2, ZERO, 100).unwrap();
        assert_eq!(network.latest(1), Some(100));
        assert_eq!(network.earliest(1), None);
    }

    /// The network's bounds against brute force over small domains: every
    /// assignment of days that meets the constraints lies within them, and
    /// each bound is reached by one.
    #[test]
    fn bounds_are_exact_on_small_networks() {
        let mut seed: u64 = 0x5eed;
        let mut next = move |modulo: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % modulo
        };
        for _ in 0..300 {
            let mut network = Network::new(3);
            let mut constraints: Vec<(usize, usize, i64)> = Vec::new();
            for node in 1..=3 {
                constraints.push((node, ZERO, 6));
                constraints.push((ZERO, node, 0));
            }
            for _ in 0..3 {
                let later = 1 + next(3) as usize;
                let earlier = 1 + next(3) as usize;
                let gap = next(5) as i64 - 2;
                constraints.push((later, earlier, gap));
            }
            let mut feasible = true;
            for (later, earlier, gap) in &constraints {
                if network.constrain(*later, *earlier, *gap).is_err() {
                    feasible = false;
                }
            }
            let meets = |values: [i64; 4]| {
                constraints
                    .iter()
                    .all(|(later, earlier, gap)| values[*later] - values[*earlier] <= *gap)
            };
            let mut solutions = Vec::new();
            for a in 0..=6 {
                for b in 0..=6 {
                    for c in 0..=6 {
                        if meets([0, a, b, c]) {
                            solutions.push([0, a, b, c]);
                        }
                    }
                }
            }
            if !feasible {
                // Refused constraints were left out: the network then holds
                // fewer than all, and says nothing here.
                continue;
            }
            assert!(!solutions.is_empty());
            for node in 1..=3 {
                let lowest = solutions.iter().map(|values| values[node]).min().unwrap();
                let highest = solutions.iter().map(|values| values[node]).max().unwrap();
                assert_eq!(network.earliest(node), Some(lowest));
                assert_eq!(network.latest(node), Some(highest));
            }
        }
    }
}
