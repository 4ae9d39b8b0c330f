//! Three-valued truth and what evaluating a predicate found, combined
//! through `and`, `or` and `not`.

use super::{FactUse, Missing, Note, Observation};

/// Three-valued truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Truth {
    True,
    False,
    #[default]
    Unknown,
}

impl Truth {
    pub(crate) fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }

    pub(crate) fn of(value: bool) -> Truth {
        if value {
            Truth::True
        } else {
            Truth::False
        }
    }
}

/// What evaluating a predicate found: its truth, what was observed of the
/// facts, the facts consulted and the facts missing.
#[derive(Clone, Debug, Default)]
pub(crate) struct Finding {
    pub(crate) truth: Truth,
    pub(crate) said: Vec<Observation>,
    pub(crate) facts: Vec<FactUse>,
    pub(crate) missing: Vec<Missing>,
    pub(crate) notes: Vec<Note>,
    /// True when a timeline duty had nothing to apply to (no trigger).
    pub(crate) vacuous: bool,
}

impl Finding {
    pub(crate) fn new(truth: Truth, said: Observation) -> Finding {
        Finding {
            truth,
            said: vec![said],
            ..Finding::default()
        }
    }

    pub(crate) fn missing(what: Missing) -> Finding {
        Finding {
            truth: Truth::Unknown,
            missing: vec![what],
            ..Finding::default()
        }
    }

    pub(crate) fn with_fact(mut self, fact: FactUse) -> Finding {
        self.facts.push(fact);
        self
    }

    pub(crate) fn negate(mut self) -> Finding {
        self.truth = self.truth.not();
        self
    }

    /// Combines findings that must all hold.
    pub(crate) fn all(parts: Vec<Finding>) -> Finding {
        let truth = if parts.iter().any(|part| part.truth == Truth::False) {
            Truth::False
        } else if parts.iter().any(|part| part.truth == Truth::Unknown) {
            Truth::Unknown
        } else {
            Truth::True
        };
        Finding::merge(parts, truth)
    }

    /// Combines findings of which one must hold.
    pub(crate) fn any(parts: Vec<Finding>) -> Finding {
        let truth = if parts.iter().any(|part| part.truth == Truth::True) {
            Truth::True
        } else if parts.iter().any(|part| part.truth == Truth::Unknown) {
            Truth::Unknown
        } else {
            Truth::False
        };
        Finding::merge(parts, truth)
    }

    /// Merges parts under a decided truth: what is observed comes from the
    /// parts that decided it.
    pub(crate) fn merge(parts: Vec<Finding>, truth: Truth) -> Finding {
        let vacuous = !parts.is_empty() && parts.iter().all(|part| part.vacuous);
        let mut merged = Finding {
            truth,
            vacuous,
            ..Finding::default()
        };
        // What is already in, to say each thing once in the order first
        // met: a timeline duty has a part per change, so searching the list
        // for each would be quadratic. The sets are only asked, never
        // listed, so their order cannot reach the output; one seed for the
        // process (`crate::seed`), so the work is the same each time.
        let mut said_already = crate::seed::set::<Observation>();
        let mut facts_already = crate::seed::set::<FactUse>();
        for part in parts {
            if part.truth == truth {
                for said in part.said {
                    // Parts of an `or` often rest on the same fact: say it once.
                    if said_already.insert(said.clone()) {
                        merged.said.push(said);
                    }
                }
            }
            if part.truth == Truth::Unknown {
                merged.missing.extend(part.missing);
            }
            for fact in part.facts {
                if facts_already.insert(fact.clone()) {
                    merged.facts.push(fact);
                }
            }
            merged.notes.extend(part.notes);
        }
        merged.missing.dedup();
        merged.notes.dedup();
        merged
    }
}

/// Adds facts, each unless the same fact, stated on the same line, is
/// there already; in proportion to the facts there and added, not their
/// product.
pub(crate) fn push_facts(facts: &mut Vec<FactUse>, more: impl IntoIterator<Item = FactUse>) {
    let mut already = crate::seed::set_with_capacity::<FactUse>(facts.len());
    already.extend(facts.iter().cloned());
    for fact in more {
        if already.insert(fact.clone()) {
            facts.push(fact);
        }
    }
}
