//! `dcsc check`: the files parsed and checked, and what was found.

use std::path::PathBuf;

use super::{workspace_of, Channel, Status, Streams};
use crate::diagnostics::{self, Severity};

/// Output formats of `dcsc check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Text for people, with source snippets.
    Human,
    /// JSON for tools (see docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards: one rule per code.
    Sarif,
    /// GitHub Actions annotations: a line per diagnostic, where it
    /// points.
    Github,
}

/// `dcsc check`: parses and checks the files given, a folder's councils
/// in its place (arrangements against the guidance files among them, or
/// the embedded guidance), and writes
/// every diagnostic on standard output.
pub fn check(files: &[PathBuf], format: CheckFormat, streams: &mut Streams<'_>) -> Status {
    let (files, passed_over) = super::files_of(files);
    let mut workspace = workspace_of(&[], &files, streams);
    workspace.diagnostics.extend(passed_over);
    let Streams { colors, write, .. } = streams;
    workspace.check();
    let read = files.len() + workspace.shared_only();
    match format {
        CheckFormat::Human => {
            write(Channel::Out, &workspace.render_diagnostics(colors.out));
            let errors = workspace
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.severity == Severity::Error)
                .count();
            let warnings = workspace.diagnostics.len() - errors;
            write(
                Channel::Out,
                &match (errors, warnings) {
                    (0, 0) => format!("checked {read} file(s): no problems\n"),
                    _ => format!("checked {read} file(s): {errors} error(s), {warnings} warning(s)\n"),
                },
            );
        }
        CheckFormat::Json => write(
            Channel::Out,
            &diagnostics::json_document(&[(&workspace.sources, &workspace.diagnostics)]),
        ),
        CheckFormat::Github => write(
            Channel::Out,
            &crate::render::github::diagnostics(&[(&workspace.sources, &workspace.diagnostics)]),
        ),
        CheckFormat::Sarif => write(
            Channel::Out,
            &crate::render::sarif::diagnostics(&[(&workspace.sources, &workspace.diagnostics)]),
        ),
    }
    if workspace.has_errors() {
        Status::BadInput
    } else {
        Status::Clear
    }
}
