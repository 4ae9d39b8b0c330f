//! GitHub Actions annotations: one workflow command a line
//! (`::error file=…,line=…,col=…,title=…::message`), which the runner shows
//! on the pull request's changed lines and in the job's summary. Each
//! verdict that needs action is an annotation at the council's first fact
//! for it (the arrangements header when there is none): `error` for a
//! breach of the law, `warning` for what else needs action. Passes,
//! departures, answers and duties not applicable are not annotated, so
//! the annotations are what needs action. A run that cannot be checked
//! annotates each diagnostic where it points.
//!
//! GitHub reads the properties up to the first `,` or `::`, and a message
//! to the end of its line, so `%`, line breaks, and in properties `:` and
//! `,`, are percent-encoded as its toolkit does.

use std::fmt::Write;

use crate::diagnostics::{Diagnostic, Severity};
use crate::eval::VerdictKind;
use crate::source::{SourceMap, Span};
use crate::Assessment;

/// The annotations of one council's verdicts that need action.
pub fn verdicts(assessment: &Assessment<'_>) -> String {
    let wording = assessment.wording();
    let council = assessment
        .arrangement
        .council
        .clone()
        .unwrap_or_else(|| assessment.arrangement.key.clone());
    let mut text = String::new();
    for verdict in assessment.verdicts {
        let Some(level) = level(verdict.kind()) else {
            continue;
        };
        let Some(duty) = assessment.duty(verdict) else {
            continue;
        };
        let span = verdict
            .facts
            .first()
            .map_or(assessment.arrangement.span, |used| used.origin.span);
        let title = format!("{council}: {} is {}", duty.key, verdict.kind().name());
        let message = format!("{}: {}", verdict.kind().name(), wording.reason(verdict));
        command(&mut text, level, assessment.sources, Some(span), &title, &message);
    }
    text
}

/// The annotations of diagnostics that stop a run, each where it points
/// (or on no file).
pub fn diagnostics(runs: &[(&SourceMap, &[Diagnostic])]) -> String {
    let mut text = String::new();
    for (sources, found) in runs {
        for diagnostic in *found {
            let level = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let span = diagnostic.primary.as_ref().map(|label| label.span);
            let title = format!("{}: {}", diagnostic.code.as_str(), diagnostic.message);
            let mut message = diagnostic.message.clone();
            for line in diagnostic.notes_and_help() {
                message.push('\n');
                message.push_str(&line);
            }
            command(&mut text, level, sources, span, &title, &message);
        }
    }
    text
}

/// The annotation level of a verdict: `None` for those that need no
/// action.
fn level(kind: VerdictKind) -> Option<&'static str> {
    match kind {
        VerdictKind::Fail => Some("error"),
        VerdictKind::Unexplained | VerdictKind::Unknown | VerdictKind::Missing | VerdictKind::Stale => Some("warning"),
        VerdictKind::Departure | VerdictKind::Pass | VerdictKind::Answered | VerdictKind::NotApplicable => None,
    }
}

/// Writes one workflow command.
fn command(text: &mut String, level: &str, sources: &SourceMap, span: Option<Span>, title: &str, message: &str) {
    let _ = write!(text, "::{level} ");
    if let Some(span) = span {
        let (line, column) = sources.line_column(span);
        let (end_line, end_column) = sources
            .get(span.file)
            .map_or((line, column), |source| source.line_column(span.end as usize));
        let _ = write!(
            text,
            "file={},line={line},endLine={end_line},",
            property(sources.name(span.file))
        );
        // GitHub takes columns only within one line.
        if end_line == line {
            let _ = write!(text, "col={column},endColumn={},", end_column.max(column));
        }
    }
    let _ = writeln!(text, "title={}::{}", property(title), data(message));
}

/// A message, escaped as GitHub's toolkit escapes one (a carriage
/// return is already shown as `\u{d}`, as every writer shows it).
fn data(text: &str) -> String {
    crate::visible::escape(text).replace('%', "%25").replace('\n', "%0A")
}

/// A property's value, escaped as GitHub's toolkit escapes one.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_and_messages_are_escaped_as_the_toolkit_escapes_them() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        // A carriage return never reaches the line raw: it is shown.
        assert_eq!(data("a\rb"), "a\\u{d}b");
        assert_eq!(property("a: b, c"), "a%3A b%2C c");
    }
}
