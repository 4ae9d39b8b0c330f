//! `verify --format junit`: one test suite per council, one test case per
//! duty or question. What needs action (fail, unexplained, unknown,
//! missing, stale) is a failure, typed by its verdict; a duty whose
//! condition does not hold is skipped; a departure or an answer passes,
//! its reason kept as output for the reader. Built council by council; no
//! times, so the same input gives the same bytes. Input that does not
//! check is a report of its own ([`diagnostics`]): a test suite per file
//! with diagnostics, an `error` per diagnostic, so that CI shows what
//! stopped the run rather than an empty file.

use std::fmt::Write as _;

use crate::diagnostics::{Diagnostic, Severity};
use crate::eval::{Verdict, VerdictKind};
use crate::outcome::Assessment;
use crate::render::xml::{attribute, text};
use crate::source::SourceMap;
use crate::words::{Standing, Wording};

/// The JUnit report of a run, built council by council.
#[derive(Debug, Default)]
pub struct JunitLog {
    suites: String,
    tests: usize,
    failures: usize,
    skipped: usize,
}

impl JunitLog {
    /// An empty report.
    pub fn new() -> JunitLog {
        JunitLog::default()
    }

    /// Adds one council's verdicts as a test suite.
    pub fn add(&mut self, assessment: &Assessment<'_>) {
        let wording = assessment.wording();
        let arrangement = assessment.arrangement;
        let council = arrangement.council.clone().unwrap_or_else(|| arrangement.key.clone());
        let file = assessment.sources.name(arrangement.file).to_owned();
        let failures = assessment
            .verdicts
            .iter()
            .filter(|verdict| verdict.kind().needs_action())
            .count();
        let skipped = assessment
            .verdicts
            .iter()
            .filter(|verdict| verdict.kind() == VerdictKind::NotApplicable)
            .count();
        self.tests += assessment.verdicts.len();
        self.failures += failures;
        self.skipped += skipped;
        let _ = writeln!(
            self.suites,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" file=\"{}\">",
            attribute(&council),
            assessment.verdicts.len(),
            attribute(&file)
        );
        let _ = writeln!(
            self.suites,
            "    <properties>\n      <property name=\"as_at\" value=\"{}\"/>\n      <property name=\"papers_end\" value=\"{}\"/>\n      <property name=\"dated\" value=\"{}\"/>\n      <property name=\"guidance_words\" value=\"{}\"/>\n    </properties>",
            assessment.as_at,
            assessment
                .arrangement
                .papers_end
                .map_or_else(|| "none".to_owned(), |end| end.to_string()),
            attribute(&assessment.dated()),
            attribute(
                &crate::words::words_at_hand(assessment.words_at_hand(), assessment.words_recorded())
                    .unwrap_or_else(|| "every paragraph cited is at hand verbatim".to_owned())
            )
        );
        for verdict in assessment.verdicts {
            testcase(&mut self.suites, assessment, &wording, &file, verdict);
        }
        self.suites.push_str("  </testsuite>\n");
    }

    /// The report as text.
    pub fn finish(self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dcsc verify\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n{}</testsuites>\n",
            self.tests, self.failures, self.skipped, self.suites
        )
    }
}

/// The JUnit report of a run that could not be verified: a test suite
/// for each file with diagnostics (and one for those tied to no file), a
/// test case per diagnostic, an `error` if it is an error, passing with
/// its words as output if it is a warning.
pub fn diagnostics(runs: &[(&SourceMap, &[Diagnostic])]) -> String {
    let mut by_file: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
    let (mut tests, mut errors) = (0, 0);
    for (sources, found) in runs {
        for diagnostic in *found {
            let (file, line) = diagnostic.primary.as_ref().map_or((String::new(), 0), |label| {
                (
                    sources.name(label.span.file).to_owned(),
                    sources.line_column(label.span).0,
                )
            });
            let mut words = diagnostic.message.clone();
            for note in diagnostic.notes_and_help() {
                let _ = write!(words, "\n{note}");
            }
            let code = diagnostic.code.as_str();
            let mut case = format!(
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{line}\">\n",
                attribute(&format!("{code}: {}", diagnostic.message)),
                attribute(&file),
                attribute(&file)
            );
            tests += 1;
            match diagnostic.severity {
                Severity::Error => {
                    errors += 1;
                    let _ = writeln!(
                        case,
                        "      <error message=\"{}\" type=\"{code}\">{}</error>",
                        attribute(&diagnostic.message),
                        text(&words)
                    );
                }
                Severity::Warning => {
                    let _ = writeln!(case, "      <system-out>{}</system-out>", text(&words));
                }
            }
            case.push_str("    </testcase>\n");
            by_file.entry(file).or_default().push(case);
        }
    }
    let mut suites = String::new();
    for (file, cases) in &by_file {
        let name = if file.is_empty() { "the command" } else { file.as_str() };
        let _ = writeln!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"0\" errors=\"{}\" skipped=\"0\">",
            attribute(name),
            cases.len(),
            cases.iter().filter(|case| case.contains("<error ")).count()
        );
        suites.extend(cases.iter().map(String::as_str));
        suites.push_str("  </testsuite>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dcsc verify\" tests=\"{tests}\" failures=\"0\" errors=\"{errors}\" skipped=\"0\">\n{suites}</testsuites>\n"
    )
}

/// One verdict as a `testcase`: a failure if it needs action, skipped if
/// its duty does not apply, else passed with its reason as output.
fn testcase(out: &mut String, assessment: &Assessment<'_>, wording: &Wording<'_>, file: &str, verdict: &Verdict) {
    let arrangement = assessment.arrangement;
    let Some(duty) = assessment.duty(verdict) else {
        return;
    };
    let line = verdict.facts.first().map_or(arrangement.span, |used| used.origin.span);
    let (line, _) = assessment.sources.line_column(line);
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{line}\"",
        attribute(&duty.key),
        attribute(&arrangement.key),
        attribute(file)
    );
    let reason = wording.reason(verdict);
    let details = details(assessment, wording, file, verdict, &reason);
    // A permission says whether it is used, never `pass`.
    let kind = Standing::of(verdict).name();
    match verdict.kind() {
        VerdictKind::Fail
        | VerdictKind::Unexplained
        | VerdictKind::Unknown
        | VerdictKind::Missing
        | VerdictKind::Stale => {
            let _ = writeln!(
                out,
                ">\n      <failure message=\"{}\" type=\"{kind}\">{}</failure>\n    </testcase>",
                attribute(&format!("{kind}: {reason}")),
                text(&details)
            );
        }
        VerdictKind::NotApplicable => {
            let _ = writeln!(
                out,
                ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                attribute(&format!("{kind}: {reason}"))
            );
        }
        VerdictKind::Departure | VerdictKind::Answered | VerdictKind::Pass => {
            let _ = writeln!(
                out,
                ">\n      <system-out>{}</system-out>\n    </testcase>",
                text(&format!("{kind}: {details}"))
            );
        }
    }
}

/// A verdict's reason, then each fact missing and each fact consulted
/// with where it is stated.
fn details(assessment: &Assessment<'_>, wording: &Wording<'_>, file: &str, verdict: &Verdict, reason: &str) -> String {
    let mut details = reason.to_owned();
    for missing in &verdict.missing {
        let _ = write!(details, "\nmissing: {}", wording.missing(missing));
    }
    for used in &verdict.facts {
        let (fact_line, _) = assessment.sources.line_column(used.origin.span);
        let _ = write!(details, "\n{file}:{fact_line}: {}", wording.fact(&used.fact));
    }
    details
}
