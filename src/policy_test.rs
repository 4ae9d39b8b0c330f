//! The test stage: runs checked policy tests and compares each expected
//! verdict with the verdict found.
//!
//! A test's arrangements are verified as at its date in a scenario of
//! their own ([`Workspace::verify_test`]), so no test sees another's
//! changes. The comparison is of typed values: the verdict kind, the
//! reason's kind ([`crate::eval::Reason::kind_name`]), the set of missing
//! facts' kinds and the set of posts and members bound. The words are
//! written by [`crate::render::test_report`].

use crate::check::{Expectation, Expected, TestCase};
use crate::diagnostics::Diagnostic;
use crate::eval::{Verdict, VerdictKind};
use crate::outcome::{FailOn, Verified};
use crate::source::FileId;
use crate::Workspace;

/// What became of one test.
#[derive(Debug)]
pub struct TestResult<'a> {
    /// The test.
    pub test: &'a TestCase,
    /// How it went.
    pub outcome: TestOutcome,
}

/// How a test went.
#[derive(Debug)]
pub enum TestOutcome {
    /// Its arrangements were verified; each expectation compared.
    Ran {
        /// The verdicts found.
        verified: Box<Verified>,
        /// One per expectation, in order.
        checks: Vec<Check>,
    },
    /// Its arrangements could not be verified (a change names nothing
    /// there, or the changed arrangements do not check).
    Broken {
        /// Why.
        diagnostics: Vec<Diagnostic>,
    },
}

/// One expectation compared with what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The expectation, by its place in the test.
    pub expectation: usize,
    /// The verdict found for its duty, by its place in the council's
    /// verdicts; `None` when the duty is not in force as at the date.
    pub verdict: Option<usize>,
    /// Where what was found differs from what was expected; empty when
    /// the expectation holds.
    pub differences: Vec<Difference>,
}

/// One way a verdict differs from what a test expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Another verdict, or none (`None`: the duty is not in force).
    Verdict {
        /// What was found.
        found: Option<VerdictKind>,
    },
    /// Another kind of reason.
    Reason {
        /// What was found.
        found: &'static str,
    },
    /// Other kinds of missing fact.
    Missing {
        /// What was found, sorted, without repeats.
        found: Vec<&'static str>,
    },
    /// Other posts or members bound.
    Holders {
        /// What was found, sorted, without repeats.
        found: Vec<String>,
    },
    /// The verdict rests on an inferred fact where none was expected, or
    /// the other way round.
    Basis {
        /// Whether it rests on one.
        inferred: bool,
    },
}

impl TestResult<'_> {
    /// Whether every expectation held.
    pub fn passed(&self) -> bool {
        match &self.outcome {
            TestOutcome::Ran { checks, .. } => checks.iter().all(|check| check.differences.is_empty()),
            TestOutcome::Broken { .. } => false,
        }
    }

    /// Whether this result makes the run need action (`dcsc test
    /// --fail-on`): with no `fail_on`, if it did not pass; with one, if an
    /// expectation that did not hold found a verdict `fail_on` names. A
    /// test that cannot run always does: it found no verdict to judge by.
    pub fn fails(&self, fail_on: Option<&FailOn>) -> bool {
        match (&self.outcome, fail_on) {
            (TestOutcome::Broken { .. }, _) => true,
            (TestOutcome::Ran { .. }, None) => !self.passed(),
            (TestOutcome::Ran { verified, checks }, Some(fail_on)) => checks
                .iter()
                .filter(|check| !check.differences.is_empty())
                .filter_map(|check| {
                    let council = verified.councils.first()?;
                    council.verdicts.get(check.verdict?)
                })
                .any(|verdict| fail_on.includes(verdict.kind())),
        }
    }
}

/// Runs the tests, in order, against the workspace's files; `policies`
/// are the guidance files given in place of the embedded guidance.
pub fn run<'a>(workspace: &Workspace, tests: &'a [TestCase], policies: &[FileId]) -> Vec<TestResult<'a>> {
    tests
        .iter()
        .map(|test| TestResult {
            test,
            outcome: match workspace.verify_test(test, policies) {
                Ok(verified) => {
                    let checks = test
                        .expectations
                        .iter()
                        .enumerate()
                        .map(|(index, expectation)| compare(&verified, index, expectation))
                        .collect();
                    TestOutcome::Ran {
                        verified: Box::new(verified),
                        checks,
                    }
                }
                Err(diagnostics) => TestOutcome::Broken { diagnostics },
            },
        })
        .collect()
}

fn compare(verified: &Verified, index: usize, expectation: &Expectation) -> Check {
    let Some(council) = verified.councils.first() else {
        return Check {
            expectation: index,
            verdict: None,
            differences: vec![Difference::Verdict { found: None }],
        };
    };
    let position = council.verdicts.iter().position(|verdict| {
        verified
            .policy
            .duty(verdict.duty)
            .is_some_and(|duty| duty.key == expectation.duty.text)
    });
    let found = position.and_then(|position| council.verdicts.get(position));
    let mut differences = Vec::new();
    match (expectation.verdict, found) {
        (Expected::NotInForce, None) => {}
        (Expected::NotInForce, Some(verdict)) => differences.push(Difference::Verdict {
            found: Some(verdict.kind()),
        }),
        (Expected::Verdict(_), None) => differences.push(Difference::Verdict { found: None }),
        (Expected::Verdict(kind), Some(verdict)) => {
            if verdict.kind() != kind {
                differences.push(Difference::Verdict {
                    found: Some(verdict.kind()),
                });
            }
            differences.extend(details(council, verdict, expectation));
        }
    }
    Check {
        expectation: index,
        verdict: position,
        differences,
    }
}

/// How a verdict differs from an expectation's `because`, `missing` and
/// `holders`.
fn details(council: &crate::outcome::Council, verdict: &Verdict, expectation: &Expectation) -> Vec<Difference> {
    let mut differences = Vec::new();
    if let Some(because) = expectation.because {
        let found = verdict.reason.kind_name();
        if found != because {
            differences.push(Difference::Reason { found });
        }
    }
    if let Some(expected) = &expectation.missing {
        let mut found: Vec<&'static str> = verdict.missing.iter().map(|missing| missing.kind_name()).collect();
        found.sort_unstable();
        found.dedup();
        let mut wanted = expected.clone();
        wanted.sort_unstable();
        wanted.dedup();
        if found != wanted {
            differences.push(Difference::Missing { found });
        }
    }
    if let Some(expected) = &expectation.holders {
        let mut found: Vec<String> = verdict
            .bindings
            .iter()
            .filter_map(|binding| council.arrangement.entity(binding.entity))
            .map(|entity| entity.key.to_string())
            .collect();
        found.sort_unstable();
        found.dedup();
        let mut wanted: Vec<String> = expected.iter().map(|name| name.text.to_string()).collect();
        wanted.sort_unstable();
        wanted.dedup();
        if found != wanted {
            differences.push(Difference::Holders { found });
        }
    }
    if let Some(expected) = expectation.inferred {
        let inferred = !verdict.inferred_facts().is_empty();
        if inferred != expected {
            differences.push(Difference::Basis { inferred });
        }
    }
    differences
}
