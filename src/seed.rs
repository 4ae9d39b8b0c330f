//! One hash seed for the whole process, for the sets that only answer
//! "seen already?".
//!
//! The standard library's `RandomState::new()` draws a new seed for every
//! set, so the same input hashed into a fresh set probes the table
//! differently each time: where two keys' hashes meet in a bucket differs
//! from run to run, and with it which comparisons are made. Nothing
//! printed depends on it, but the work done on the same input does, and a
//! coverage-guided fuzzer takes each difference for a new path and keeps
//! the input again (`fuzz/README.md`). Sets seeded from here still get a
//! seed no file can predict (drawn once per process), so a file cannot be
//! written to make their lookups collide.

use std::collections::hash_map::RandomState;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The process's seed, drawn the first time it is asked for.
pub fn process() -> RandomState {
    static SEED: OnceLock<RandomState> = OnceLock::new();
    SEED.get_or_init(RandomState::new).clone()
}

/// An empty set hashed with the process's seed.
pub fn set<T>() -> HashSet<T, RandomState> {
    HashSet::with_hasher(process())
}

/// An empty set with room for `capacity` items, hashed with the process's
/// seed.
pub fn set_with_capacity<T>(capacity: usize) -> HashSet<T, RandomState> {
    HashSet::with_capacity_and_hasher(capacity, process())
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn every_set_of_a_process_hashes_alike() {
        assert_eq!(process().hash_one("a key"), process().hash_one("a key"));
        let mut first = set();
        let mut second = set_with_capacity(4);
        assert!(first.insert(1) && second.insert(1));
        assert!(!first.insert(1) && !second.insert(1));
    }
}
