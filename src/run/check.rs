//! `dcsc check`: the files parsed and checked, and what was found.
//!
//! Councils are checked as `verify` reads them (see its `plan`): files
//! given alone, or a single file, are read together in one workspace;
//! a folder's councils, and files that each hold a council's
//! arrangements, are each checked in a workspace of their own, one at a
//! time, so that memory stays flat however many councils are given and
//! each council's diagnostics are those it gives alone.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::verify::{plan, Plan};
use super::{add_input, workspace_of, Channel, Status, Streams};
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::load;
use crate::source::SourceMap;
use crate::Workspace;

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

/// What one run of `check` found: the diagnostics of each workspace that
/// had any, in the order its councils were given, and how many files
/// were read.
struct Found {
    /// Problems not tied to any council (the files passed over).
    general: Vec<Diagnostic>,
    /// The workspaces with something to say, in order.
    workspaces: Vec<Workspace>,
    /// How many files were read, each once however many councils read it.
    read: usize,
}

/// `dcsc check`: parses and checks the files given, a folder's councils
/// in its place (each council alone: arrangements against the guidance
/// files among its own, or the embedded guidance), and writes every
/// diagnostic on standard output.
pub fn check(paths: &[PathBuf], format: CheckFormat, streams: &mut Streams<'_>) -> Status {
    let found = match plan(paths) {
        Ok(Plan::Together) => together(paths, streams),
        Ok(Plan::Each(councils)) => each(councils, streams),
        Err(problem) => Found {
            general: vec![*problem],
            workspaces: Vec::new(),
            read: 0,
        },
    };
    let empty = SourceMap::new();
    let runs: Vec<(&SourceMap, &[Diagnostic])> = std::iter::once((&empty, found.general.as_slice()))
        .filter(|(_, general)| !general.is_empty())
        .chain(
            found
                .workspaces
                .iter()
                .map(|workspace| (&workspace.sources, workspace.diagnostics.as_slice())),
        )
        .collect();
    write_found(&runs, found.read, format, streams);
    let errors = runs
        .iter()
        .flat_map(|(_, found)| found.iter())
        .any(|diagnostic| diagnostic.severity == Severity::Error);
    if errors {
        Status::BadInput
    } else {
        Status::Clear
    }
}

/// Files read together in one workspace, as given.
fn together(paths: &[PathBuf], streams: &mut Streams<'_>) -> Found {
    let mut workspace = workspace_of(&[], paths, streams);
    workspace.check();
    let read = paths.len() + workspace.shared_only();
    Found {
        general: Vec::new(),
        workspaces: vec![workspace],
        read,
    }
}

/// What checking one council alone left.
enum Alone {
    /// Its workspace, if it had something to say.
    Checked(Option<Workspace>),
    /// It shares these files (canonical paths) with other councils:
    /// checked again with the councils it shares them with.
    Shares(Vec<PathBuf>),
}

/// Each council in a workspace of its own, checked and dropped unless it
/// has something to say. A file that another council shares is read
/// with that council, not checked as one of its own (as `verify` does).
/// Councils that share files are checked again together, each group in
/// one workspace, so that a problem in a shared file is said once and
/// says which council it was found with.
fn each(found: load::Councils, streams: &mut Streams<'_>) -> Found {
    let general: Vec<Diagnostic> = (!found.skipped.is_empty())
        .then(|| super::passed_over(&found.skipped))
        .into_iter()
        .collect();
    let mut shared: BTreeSet<PathBuf> = BTreeSet::new();
    let mut read: BTreeSet<PathBuf> = BTreeSet::new();
    let mut checked: Vec<(load::Council, Alone)> = Vec::new();
    for council in found.councils {
        let mut workspace = Workspace::new();
        for file in &council.files {
            add_input(&mut workspace, file, streams);
            read.insert(std::fs::canonicalize(file).unwrap_or_else(|_| file.clone()));
        }
        workspace.check();
        let shares = workspace.shared_paths().to_vec();
        shared.extend(shares.iter().cloned());
        let alone = if shares.is_empty() {
            Alone::Checked((!workspace.diagnostics.is_empty()).then_some(workspace))
        } else {
            Alone::Shares(shares)
        };
        checked.push((council, alone));
    }
    read.extend(shared.iter().cloned());
    let checked: Vec<(load::Council, Alone)> = checked
        .into_iter()
        .filter(|(council, _)| {
            !matches!(council.files.as_slice(), [file] if std::fs::canonicalize(file).is_ok_and(|file| shared.contains(&file)))
        })
        .collect();
    Found {
        general,
        workspaces: with_sharers(checked, streams),
        read: read.len(),
    }
}

/// The workspaces with something to say, in the order of the councils:
/// councils that share files grouped ([`load::sharing_groups`]: a
/// council sharing files with two groups joins them), each group checked
/// in one workspace where its first council stands.
fn with_sharers(checked: Vec<(load::Council, Alone)>, streams: &mut Streams<'_>) -> Vec<Workspace> {
    let shares: Vec<Vec<PathBuf>> = checked
        .iter()
        .map(|(_, alone)| match alone {
            Alone::Shares(shares) => shares.clone(),
            Alone::Checked(_) => Vec::new(),
        })
        .collect();
    let groups = load::sharing_groups(&shares);
    let mut councils: Vec<Option<load::Council>> = Vec::new();
    let mut order: Vec<Option<Workspace>> = Vec::new();
    for (council, alone) in checked {
        match alone {
            Alone::Checked(workspace) => {
                councils.push(None);
                order.push(workspace);
            }
            Alone::Shares(_) => {
                councils.push(Some(council));
                order.push(None);
            }
        }
    }
    for group in groups {
        let mut workspace = Workspace::new();
        for council in &group {
            let files = councils
                .get_mut(*council)
                .and_then(Option::take)
                .map(|council| council.files);
            for file in files.iter().flatten() {
                add_input(&mut workspace, file, streams);
            }
        }
        workspace.check();
        if let Some(place) = group.first().and_then(|first| order.get_mut(*first)) {
            *place = (!workspace.diagnostics.is_empty()).then_some(workspace);
        }
    }
    order.into_iter().flatten().collect()
}

/// Writes what was found in the format asked for, on standard output.
fn write_found(runs: &[(&SourceMap, &[Diagnostic])], read: usize, format: CheckFormat, streams: &mut Streams<'_>) {
    let Streams { colors, write, .. } = streams;
    match format {
        CheckFormat::Human => {
            let (mut errors, mut warnings) = (0, 0);
            for (sources, found) in runs {
                write(Channel::Out, &diagnostics::render(sources, found, colors.out));
                let more_errors = found
                    .iter()
                    .filter(|diagnostic| diagnostic.severity == Severity::Error)
                    .count();
                errors += more_errors;
                warnings += found.len() - more_errors;
            }
            write(
                Channel::Out,
                &match (errors, warnings) {
                    (0, 0) => format!("checked {read} file(s): no problems\n"),
                    _ => format!("checked {read} file(s): {errors} error(s), {warnings} warning(s)\n"),
                },
            );
        }
        CheckFormat::Json => write(Channel::Out, &diagnostics::json_document(runs)),
        CheckFormat::Github => write(Channel::Out, &crate::render::github::diagnostics(runs)),
        CheckFormat::Sarif => write(Channel::Out, &crate::render::sarif::diagnostics(runs)),
    }
}
