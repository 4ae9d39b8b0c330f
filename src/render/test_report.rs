//! What `dcsc test` prints: for people, each test's result and, for each
//! failure, what was expected, what was found and the verdict's own
//! explanation; for CI, JUnit XML (one test suite per file, one test case
//! per test). Both are written from [`crate::policy_test`]'s typed results,
//! and neither holds a time or a date of running, so the same tests give
//! the same bytes.

use std::fmt::Write as _;

use crate::check::{Expectation, Expected, TestCase};
use crate::diagnostics;
use crate::outcome::Verified;
use crate::policy_test::{Check, Difference, TestOutcome, TestResult};
use crate::render::human::render_verdicts;
use crate::render::xml::{attribute, text};
use crate::source::SourceMap;

/// The results of a run, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Tests whose every expectation held.
    pub passed: usize,
    /// Tests with an expectation that did not.
    pub failed: usize,
    /// Tests whose arrangements could not be verified.
    pub broken: usize,
}

impl Counts {
    /// Counts the results.
    pub fn of(results: &[TestResult<'_>]) -> Counts {
        let mut counts = Counts::default();
        for result in results {
            match &result.outcome {
                TestOutcome::Broken { .. } => counts.broken += 1,
                TestOutcome::Ran { .. } if result.passed() => counts.passed += 1,
                TestOutcome::Ran { .. } => counts.failed += 1,
            }
        }
        counts
    }

    /// Whether every test passed.
    pub fn all_passed(self) -> bool {
        self.failed == 0 && self.broken == 0
    }
}

/// The files the results come from, in order of first appearance, each
/// with its results.
fn by_file<'r, 'a>(results: &'r [TestResult<'a>], sources: &SourceMap) -> Vec<(String, Vec<&'r TestResult<'a>>)> {
    let mut files: Vec<(String, Vec<&TestResult<'_>>)> = Vec::new();
    for result in results {
        let name = sources.name(result.test.file).to_owned();
        match files.iter_mut().find(|(file, _)| *file == name) {
            Some((_, list)) => list.push(result),
            None => files.push((name, vec![result])),
        }
    }
    files
}

/// What an expectation asks for, in its own words: `fail because
/// breached, missing holder`.
fn expected_words(expectation: &Expectation) -> String {
    let mut words = match expectation.verdict {
        Expected::Verdict(kind) => kind.name().to_owned(),
        Expected::NotInForce => crate::check::NOT_IN_FORCE.to_owned(),
    };
    if let Some(because) = expectation.because {
        let _ = write!(words, " because {because}");
    }
    if let Some(missing) = &expectation.missing {
        let listed = if missing.is_empty() {
            crate::check::NO_MISSING.to_owned()
        } else {
            missing.join(", ")
        };
        let _ = write!(words, " missing {listed}");
    }
    if let Some(holders) = &expectation.holders {
        let names: Vec<&str> = holders.iter().map(|name| name.text.as_str()).collect();
        let _ = write!(words, " holders {}", names.join(", "));
    }
    if let Some(inferred) = expectation.inferred {
        let _ = write!(words, " basis {}", basis_word(inferred));
    }
    words
}

/// The word of `basis` for whether a verdict rests on an inferred fact.
fn basis_word(inferred: bool) -> &'static str {
    let [stated, inferred_word] = crate::check::BASES;
    if inferred {
        inferred_word
    } else {
        stated
    }
}

/// What was found where it differs, in the expectation's terms.
fn found_words(check: &Check) -> String {
    let mut parts = Vec::new();
    for difference in &check.differences {
        parts.push(match difference {
            Difference::Verdict { found: Some(kind) } => kind.name().to_owned(),
            Difference::Verdict { found: None } => format!(
                "{} (the duty is not in the guidance in force then)",
                crate::check::NOT_IN_FORCE
            ),
            Difference::Reason { found } => format!("because {found}"),
            Difference::Missing { found } if found.is_empty() => format!("missing {}", crate::check::NO_MISSING),
            Difference::Missing { found } => format!("missing {}", found.join(", ")),
            Difference::Holders { found } if found.is_empty() => "bound to no post or member".to_owned(),
            Difference::Holders { found } => format!("holders {}", found.join(", ")),
            Difference::Basis { inferred } => format!("basis {}", basis_word(*inferred)),
        });
    }
    parts.join(" ")
}

/// A report written a part at a time: the results of one workspace's
/// tests are written into it as they come, so that the workspace can be
/// dropped before the next is read (`dcsc test` runs each test file in a
/// workspace of its own), and the whole is the same bytes as if every
/// result had been written at once. The parts' files are each in one
/// part.
#[derive(Clone, Debug, Default)]
pub struct Parts {
    /// How many tests, and how they went.
    tests: usize,
    counts: Counts,
    files: usize,
    /// For people, each file's list of tests; for JUnit, its test suite.
    body: String,
    /// For people, each failure explained, after every file's list.
    failures: String,
}

impl Parts {
    /// Adds the results of one workspace's tests to the report for
    /// people. `color` is for the verdicts' snippets.
    pub fn add_human(&mut self, results: &[TestResult<'_>], sources: &SourceMap, color: bool) {
        self.count(results);
        let files = by_file(results, sources);
        self.files += files.len();
        for (file, list) in &files {
            let _ = writeln!(self.body, "\n{file}");
            for result in list {
                let status = match &result.outcome {
                    TestOutcome::Broken { .. } => "BROKEN",
                    TestOutcome::Ran { .. } if result.passed() => "ok",
                    TestOutcome::Ran { .. } => "FAILED",
                };
                let _ = writeln!(self.body, "  {status:<7}{}", result.test.name.text);
            }
        }
        failures(&mut self.failures, results, sources, color);
    }

    /// Adds the results of one workspace's tests to the JUnit report.
    pub fn add_junit(&mut self, results: &[TestResult<'_>], sources: &SourceMap) {
        self.count(results);
        for (file, list) in by_file(results, sources) {
            self.files += 1;
            junit_suite(&mut self.body, &file, &list, sources);
        }
    }

    fn count(&mut self, results: &[TestResult<'_>]) {
        let counts = Counts::of(results);
        self.tests += results.len();
        self.counts.passed += counts.passed;
        self.counts.failed += counts.failed;
        self.counts.broken += counts.broken;
    }

    /// How many tests the parts hold.
    pub fn tests(&self) -> usize {
        self.tests
    }

    /// The report for people of every part added.
    pub fn human(self) -> String {
        let counts = self.counts;
        let mut out = format!("running {} test(s) from {} file(s)\n", self.tests, self.files);
        out.push_str(&self.body);
        out.push_str(&self.failures);
        let _ = writeln!(
            out,
            "\ntest result: {}. {} passed; {} failed; {} broken",
            if counts.all_passed() { "ok" } else { "FAILED" },
            counts.passed,
            counts.failed,
            counts.broken
        );
        out
    }

    /// The JUnit report of every part added.
    pub fn junit(self) -> String {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuites name=\"dcsc test\" tests=\"{}\" failures=\"{}\" errors=\"{}\">",
            self.tests, self.counts.failed, self.counts.broken
        );
        out.push_str(&self.body);
        out.push_str("</testsuites>\n");
        out
    }
}

/// The report for people. `color` is for the verdicts' snippets.
pub fn human(results: &[TestResult<'_>], sources: &SourceMap, color: bool) -> String {
    let mut parts = Parts::default();
    parts.add_human(results, sources, color);
    parts.human()
}

/// Each failed test explained: what was expected, what was found and
/// the verdict's own explanation.
fn failures(out: &mut String, results: &[TestResult<'_>], sources: &SourceMap, color: bool) {
    let failures: Vec<&TestResult<'_>> = results.iter().filter(|result| !result.passed()).collect();
    for result in &failures {
        let test = result.test;
        let (line, _) = sources.line_column(test.name.span);
        let _ = writeln!(
            out,
            "\n---- {} ({}:{line}), as at {} ----",
            test.name.text,
            sources.name(test.file),
            crate::words::day(test.as_at)
        );
        if let Some(note) = &test.note {
            let _ = writeln!(out, "{note}");
        }
        match &result.outcome {
            TestOutcome::Broken { diagnostics: found } => {
                let _ = writeln!(out, "the test could not run:");
                out.push_str(&diagnostics::render(sources, found, color));
            }
            TestOutcome::Ran { verified, checks } => {
                let assessments = verified.assessments(sources);
                for check in checks.iter().filter(|check| !check.differences.is_empty()) {
                    let Some(expectation) = test.expectations.get(check.expectation) else {
                        continue;
                    };
                    let (line, _) = sources.line_column(expectation.span);
                    let _ = writeln!(
                        out,
                        "{} (line {line})\n  expected: {}\n     found: {}",
                        expectation.duty.text,
                        expected_words(expectation),
                        found_words(check)
                    );
                    let verdict = check.verdict.and_then(|position| {
                        assessments.first().and_then(|assessment| {
                            assessment.verdicts.get(position).map(|verdict| (assessment, verdict))
                        })
                    });
                    if let Some((assessment, verdict)) = verdict {
                        out.push_str(&render_verdicts(assessment, &[verdict], color));
                    }
                }
            }
        }
    }
}

/// The run as JUnit XML: one `testsuite` per file, one `testcase` per
/// test, a `failure` for each expectation that did not hold and an `error`
/// for a test that could not run.
pub fn junit(results: &[TestResult<'_>], sources: &SourceMap) -> String {
    let mut parts = Parts::default();
    parts.add_junit(results, sources);
    parts.junit()
}

/// One file's tests as a `testsuite`.
fn junit_suite(out: &mut String, file: &str, list: &[&TestResult<'_>], sources: &SourceMap) {
    let failed = list
        .iter()
        .filter(|result| matches!(result.outcome, TestOutcome::Ran { .. }) && !result.passed())
        .count();
    let broken = list
        .iter()
        .filter(|result| matches!(result.outcome, TestOutcome::Broken { .. }))
        .count();
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" errors=\"{broken}\" skipped=\"0\">",
        attribute(file),
        list.len()
    );
    for result in list {
        let test = result.test;
        let (line, _) = sources.line_column(test.name.span);
        let _ = write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{line}\"",
            attribute(&test.name.text),
            attribute(file),
            attribute(file)
        );
        match &result.outcome {
            TestOutcome::Ran { .. } if result.passed() => out.push_str("/>\n"),
            TestOutcome::Ran { verified, checks } => {
                out.push_str(">\n");
                junit_failure(out, file, test, verified, checks, sources);
                out.push_str("    </testcase>\n");
            }
            TestOutcome::Broken { diagnostics: found } => {
                out.push_str(">\n");
                let code = found.first().map_or("E0099", |diagnostic| diagnostic.code.as_str());
                let _ = writeln!(
                    out,
                    "      <error message=\"the test could not run\" type=\"{code}\">{}</error>",
                    text(&diagnostics::render(sources, found, false))
                );
                out.push_str("    </testcase>\n");
            }
        }
    }
    out.push_str("  </testsuite>\n");
}

/// The one `failure` of a test that ran and failed, naming each
/// expectation that did not hold, with the verdict's reason.
fn junit_failure(
    out: &mut String,
    file: &str,
    test: &TestCase,
    verified: &Verified,
    checks: &[Check],
    sources: &SourceMap,
) {
    let assessments = verified.assessments(sources);
    let mut messages = Vec::new();
    let mut body = String::new();
    for check in checks.iter().filter(|check| !check.differences.is_empty()) {
        let Some(expectation) = test.expectations.get(check.expectation) else {
            continue;
        };
        let message = format!(
            "{}: expected {}, found {}",
            expectation.duty.text,
            expected_words(expectation),
            found_words(check)
        );
        let (line, _) = sources.line_column(expectation.span);
        let _ = writeln!(body, "{file}:{line}: {message}");
        let verdict = check.verdict.and_then(|position| {
            assessments.first().and_then(|assessment| {
                assessment
                    .verdicts
                    .get(position)
                    .map(|verdict| assessment.wording().reason(verdict))
            })
        });
        if let Some(reason) = verdict {
            let _ = writeln!(body, "  verdict: {reason}");
        }
        messages.push(message);
    }
    // One failure per test case, as every JUnit reader
    // expects, naming each expectation that did not hold.
    let message = match messages.as_slice() {
        [only] => only.clone(),
        several => format!("{} expectations did not hold", several.len()),
    };
    let _ = writeln!(
        out,
        "      <failure message=\"{}\" type=\"verdict\">{}</failure>",
        attribute(&message),
        text(&body)
    );
}
