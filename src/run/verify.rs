//! `dcsc verify` from inputs to output: every council checked first, then
//! each evaluated, written and dropped in turn, so that memory stays flat
//! however many councils are given.
//!
//! The files named on the command line are read together, as one
//! workspace ([`workspace`]). A folder of councils ([`folders`]) gives each
//! council a workspace of its own, with the guidance: its own files only,
//! so a local policy in a council's folder goes with that council alone.
//! Its councils are checked in a first pass that keeps nothing but the
//! diagnostics of those that fail; only if every council checks are they
//! read again, one at a time, and verified.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{is_folder, note_fifo, refuse, stop, Channel, Inputs, Sink, Status, Streams};
use crate::command::CommandError;
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::load;
use crate::outcome::{AsAt, FailOn};
use crate::render::human::Detail;
use crate::render::stream::{Shape, Stream};
use crate::source::SourceMap;
use crate::Workspace;

/// What to write, as at when, and which verdicts fail the run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The date to verify as at: one given, or each council's papers'
    /// end.
    pub as_at: AsAt,
    /// What to write on standard output.
    pub shape: Shape,
    /// Whether diagnostics on standard error are coloured.
    pub error_color: bool,
    /// Which verdicts make the run need action (exit status 1).
    pub fail_on: FailOn,
}

impl Settings {
    /// Whether diagnostics go to standard output, for a tool: as JSON, or
    /// for a SARIF reader as SARIF.
    fn json(&self) -> bool {
        match self.shape {
            Shape::Json | Shape::SummaryJson | Shape::Sarif => true,
            Shape::Human { .. } | Shape::SummaryHuman | Shape::Junit | Shape::Github => false,
        }
    }
}

/// How `verify` writes its councils and what fails the run: the command
/// line's options.
#[derive(Clone, Debug)]
pub struct VerifyOptions {
    /// The output format.
    pub format: VerifyFormat,
    /// The sector's table instead of each council's verdicts.
    pub summary: bool,
    /// Which verdicts make the run need action (exit status 1).
    pub fail_on: FailOn,
    /// How much of each council to write for people.
    pub detail: Detail,
}

impl VerifyOptions {
    /// `format`, each council's verdicts, failing on those that need
    /// action, passes a line each.
    pub fn new(format: VerifyFormat) -> VerifyOptions {
        VerifyOptions {
            format,
            summary: false,
            fail_on: FailOn::needing_action(),
            detail: Detail::Concise,
        }
    }
}

/// Output formats of `dcsc verify`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum VerifyFormat {
    /// Text for people, with source snippets.
    Human,
    /// JSON for tools (see docs/json-output.md).
    Json,
    /// JUnit XML for CI: a test case per duty, a failure for what needs
    /// action.
    Junit,
    /// SARIF 2.1.0, for code-scanning dashboards: a rule per duty, a
    /// result per verdict at the council's facts.
    Sarif,
    /// GitHub Actions annotations: a line per verdict that needs action,
    /// at the council's facts (diagnostics, where they point, if the
    /// input does not check).
    Github,
}

impl VerifyFormat {
    /// What is written on standard output in this format, each council's
    /// verdicts or (`summary`) the sector's table; `None` for a summary
    /// in a format it is not written in.
    fn shape(self, summary: bool, color: bool, detail: Detail) -> Option<Shape> {
        match (self, summary) {
            (VerifyFormat::Human, false) => Some(Shape::Human { color, detail }),
            (VerifyFormat::Json, false) => Some(Shape::Json),
            (VerifyFormat::Junit, false) => Some(Shape::Junit),
            (VerifyFormat::Sarif, false) => Some(Shape::Sarif),
            (VerifyFormat::Github, false) => Some(Shape::Github),
            (VerifyFormat::Human, true) => Some(Shape::SummaryHuman),
            (VerifyFormat::Json, true) => Some(Shape::SummaryJson),
            (VerifyFormat::Junit | VerifyFormat::Sarif | VerifyFormat::Github, true) => None,
        }
    }
}

/// `dcsc verify`: the councils of the paths given ([`plan`]), verified as
/// at the date given and written in `format` (with `summary`, the
/// sector's table instead); needs action if a verdict `fail_on` names is
/// found.
pub fn verify(inputs: &Inputs, options: &VerifyOptions, streams: &mut Streams<'_>) -> Status {
    let VerifyOptions {
        format,
        summary,
        fail_on,
        detail,
    } = options.clone();
    let colors = streams.colors;
    let Some(shape) = format.shape(summary, colors.out, detail) else {
        let problem = CommandError::CommandLine {
            message: "`--summary` is written for people or as JSON, not as JUnit, SARIF or GitHub annotations"
                .to_owned(),
            details: vec!["use `--summary` alone or with `--format json`".to_owned()],
        };
        return refuse(&SourceMap::new(), &problem, false, colors.err, streams.write);
    };
    let settings = Settings {
        as_at: inputs.as_at,
        shape,
        error_color: colors.err,
        fail_on,
    };
    match plan(&inputs.arrangements) {
        Ok(Plan::Together) => workspace(&mut inputs.workspace(streams), &settings, streams.write),
        Ok(Plan::Each(found)) => {
            for policy in &inputs.policies {
                note_fifo(policy, streams.write);
            }
            councils(found, &inputs.policies, &settings, streams)
        }
        Err(problem) => stop(
            &SourceMap::new(),
            &[*problem],
            format == VerifyFormat::Json,
            colors.err,
            streams.write,
        ),
    }
}

/// How the paths given are verified (or checked).
pub(super) enum Plan {
    /// Read together in one workspace, once: files alone, some of which
    /// are read only once (standard input, a FIFO) or are not councils of
    /// their own (a local policy given with its council), or one file.
    Together,
    /// Council by council, each in a workspace of its own, read once to
    /// check and again to verify.
    Each(load::Councils),
}

/// Which councils the paths name: each folder's (see [`load::councils`]);
/// the files given, each its own council if each holds arrangements,
/// else all read together as one.
pub(super) fn plan(paths: &[PathBuf]) -> Result<Plan, Box<Diagnostic>> {
    let files: Vec<PathBuf> = paths.iter().filter(|path| !is_folder(path)).cloned().collect();
    let read_once = files.iter().any(|file| !is_regular_file(file));
    if read_once {
        return if files.len() == paths.len() {
            Ok(Plan::Together)
        } else {
            Err(Box::new(diagnostics::from_command(&CommandError::FilesAndFolders)))
        };
    }
    // Each file is asked what it holds once (a file that cannot be read
    // is taken for arrangements, its error the council's to report).
    let named = files.iter().all(|file| load::holds(file) == load::Holds::Arrangements);
    if files.len() == paths.len() && (files.len() < 2 || !named) {
        return Ok(Plan::Together);
    }
    // Councils in the order of the paths; files read together stand
    // where the first of them was given.
    let mut found = load::Councils::default();
    let mut grouped = false;
    for path in paths {
        if is_folder(path) {
            let more = load::councils(std::slice::from_ref(path))
                .map_err(|error| Box::new(diagnostics::from_syntax(&error)))?;
            found.councils.extend(more.councils);
            found.skipped.extend(more.skipped);
        } else if named {
            found.councils.push(load::Council {
                name: path.display().to_string(),
                files: vec![path.clone()],
            });
        } else if !grouped {
            grouped = true;
            found.councils.push(load::Council {
                name: files
                    .iter()
                    .map(|file| file.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                files: files.clone(),
            });
        }
    }
    Ok(Plan::Each(found))
}

/// Counts of errors and warnings, for the line that ends a failed run.
fn counted(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .count();
    (errors, diagnostics.len() - errors)
}

/// Writes what stops a run: as JSON (or SARIF) on standard output if that
/// was asked for, else rendered on standard error with a closing count,
/// and for JUnit or GitHub annotations, in that format on standard output
/// too, so that CI shows what stopped the run.
fn cannot_verify(runs: &[(&SourceMap, &[Diagnostic])], settings: &Settings, write: &mut Sink<'_>) -> Status {
    if settings.shape == Shape::Sarif {
        write(Channel::Out, &crate::render::sarif::diagnostics(runs));
    } else if settings.json() {
        write(Channel::Out, &diagnostics::json_document(runs));
    } else {
        match settings.shape {
            Shape::Github => write(Channel::Out, &crate::render::github::diagnostics(runs)),
            Shape::Junit => write(Channel::Out, &crate::render::junit::diagnostics(runs)),
            Shape::Human { .. } | Shape::Json | Shape::Sarif | Shape::SummaryHuman | Shape::SummaryJson => {}
        }
        let (mut errors, mut warnings) = (0, 0);
        for (sources, found) in runs {
            write(Channel::Err, &diagnostics::render(sources, found, settings.error_color));
            let (more_errors, more_warnings) = counted(found);
            errors += more_errors;
            warnings += more_warnings;
        }
        write(
            Channel::Err,
            &format!("cannot verify: {errors} error(s), {warnings} warning(s)\n"),
        );
    }
    Status::BadInput
}

fn finished(stream: Stream, bad: bool, fail_on: &FailOn, write: &mut Sink<'_>) -> Status {
    let needs_action = stream.fails(fail_on);
    write(Channel::Out, &stream.finish());
    if bad {
        Status::BadInput
    } else if needs_action {
        Status::NeedsAction
    } else {
        Status::Clear
    }
}

/// Verifies the councils of one workspace: all checked together, then
/// each evaluated, written and dropped in turn.
pub fn workspace(workspace: &mut Workspace, settings: &Settings, write: &mut Sink<'_>) -> Status {
    let Some(prepared) = workspace.prepare(settings.as_at) else {
        return cannot_verify(&[(&workspace.sources, &workspace.diagnostics)], settings, write);
    };
    if prepared.arrangements.is_empty() {
        let mut problems = workspace.diagnostics.clone();
        problems.push(diagnostics::from_command(&CommandError::NoArrangements));
        return cannot_verify(&[(&workspace.sources, &problems)], settings, write);
    }
    if !workspace.diagnostics.is_empty() && !settings.json() {
        write(
            Channel::Err,
            &diagnostics::render(&workspace.sources, &workspace.diagnostics, settings.error_color),
        );
    }
    let mut stream = Stream::new(settings.shape, prepared.arrangements.len(), settings.as_at);
    prepared.each(&workspace.sources, |assessment| {
        write(Channel::Out, &stream.council(assessment));
    });
    finished(stream, false, &settings.fail_on, write)
}

/// A file read once and given to every council's workspace: guidance
/// named with `--policy`, which may be standard input or a FIFO and so
/// cannot be read again.
struct Given {
    name: String,
    text: String,
}

/// One council of a folder, as the first pass found it.
struct Found {
    council: load::Council,
    /// How many arrangements it holds (a sub-folder may hold several).
    arrangements: usize,
    /// Its workspace, kept only if it has errors to show.
    failed: Option<Workspace>,
}

/// The guidance given with `--policy`, read once, and checked once for
/// every council.
struct Guidance {
    files: Vec<Given>,
    checked: Option<Arc<crate::check::Guidance>>,
}

/// A council's workspace: the guidance given, then its own files, so
/// that the guidance's files have the ids they had when it was checked.
fn council_workspace(guidance: &Guidance, council: &load::Council) -> Workspace {
    let mut workspace = Workspace::new();
    for file in &guidance.files {
        workspace.add_text(&file.name, &file.text);
    }
    if let Some(checked) = &guidance.checked {
        workspace.share_guidance(Arc::clone(checked));
    }
    for file in &council.files {
        workspace.add_path(file);
    }
    workspace
}

/// Verifies each council found, in order, each in a workspace of its own
/// with the guidance files `policies` (read once; none: the embedded
/// guidance; `-` reads the standard input given), after warning once of
/// the files passed over as not dcsc input.
pub fn councils(found: load::Councils, policies: &[PathBuf], settings: &Settings, streams: &mut Streams<'_>) -> Status {
    let mut read = SourceMap::new();
    let mut problems = Vec::new();
    let mut given = Vec::new();
    for path in policies {
        match load::read_from(&mut read, path, &mut streams.input.reader) {
            Ok(file) => {
                if let Some(source) = read.get(file) {
                    given.push(Given {
                        name: source.name().to_owned(),
                        text: source.text.clone(),
                    });
                }
            }
            Err(error) => problems.push(diagnostics::from_syntax(&error)),
        }
    }
    let write = &mut *streams.write;
    let mut guidance = Workspace::new();
    for file in &given {
        let id = guidance.add_text(&file.name, &file.text);
        guidance.refuse_unless_guidance(id);
    }
    if guidance.has_errors() {
        return cannot_verify(&[(&guidance.sources, &guidance.diagnostics)], settings, write);
    }
    let given = Guidance {
        checked: (!given.is_empty()).then(|| Arc::new(guidance.check_guidance())),
        files: given,
    };
    if !problems.is_empty() {
        return cannot_verify(&[(&read, &problems)], settings, write);
    }
    if !found.skipped.is_empty() && !settings.json() {
        let warning = super::passed_over(&found.skipped);
        write(
            Channel::Err,
            &diagnostics::render(&SourceMap::new(), &[warning], settings.error_color),
        );
    }
    let found = first_pass(found.councils, &given, settings.as_at);
    let failed: Vec<(&SourceMap, &[Diagnostic])> = found
        .iter()
        .filter_map(|council| council.failed.as_ref())
        .map(|workspace| (&workspace.sources, workspace.diagnostics.as_slice()))
        .collect();
    if !failed.is_empty() {
        return cannot_verify(&failed, settings, write);
    }
    let expected: usize = found.iter().map(|council| council.arrangements).sum();
    if expected == 0 {
        let problem = diagnostics::from_command(&CommandError::NoArrangements);
        return cannot_verify(&[(&read, &[problem])], settings, write);
    }
    second_pass(found, &given, expected, settings, write)
}

/// Checks each council, keeping the workspace of those that fail only.
fn first_pass(councils: Vec<load::Council>, given: &Guidance, as_at: AsAt) -> Vec<Found> {
    let mut found = Vec::new();
    let mut shared: BTreeSet<PathBuf> = BTreeSet::new();
    for council in councils {
        let mut workspace = council_workspace(given, &council);
        let day = workspace.date_for(as_at);
        let checked = workspace.check_as_at(Some(day));
        // A file of policy tests beside the councils (`dcsc test` reads
        // it) is neither a council nor a mistake.
        if checked.arrangements.is_empty() && !checked.tests.is_empty() {
            continue;
        }
        shared.extend(workspace.shared_paths().iter().cloned());
        let failed = workspace.has_errors().then_some(workspace);
        found.push(Found {
            council,
            arrangements: checked.arrangements.len(),
            failed,
        });
    }
    // A file another council shares is read with that council, not as one
    // of its own.
    found.retain(|council| {
        !matches!(council.council.files.as_slice(), [file] if std::fs::canonicalize(file).is_ok_and(|file| shared.contains(&file)))
    });
    found
}

/// Reads each council again, verifies it, writes it and drops it, once
/// every council has checked (`expected` arrangements in all).
fn second_pass(
    found: Vec<Found>,
    given: &Guidance,
    expected: usize,
    settings: &Settings,
    write: &mut Sink<'_>,
) -> Status {
    let mut stream = Stream::new(settings.shape, expected, settings.as_at);
    let mut bad = false;
    for council in found {
        if council.arrangements == 0 {
            if !settings.json() {
                let warning = diagnostics::from_command(&CommandError::NotACouncil {
                    path: council.council.name.clone(),
                });
                write(
                    Channel::Err,
                    &diagnostics::render(&SourceMap::new(), &[warning], settings.error_color),
                );
            }
            continue;
        }
        let mut workspace = council_workspace(given, &council.council);
        let Some(prepared) = workspace.prepare(settings.as_at) else {
            // The files changed since the first pass. JSON on standard
            // output is under way, so this is said on standard error.
            write(
                Channel::Err,
                &diagnostics::render(&workspace.sources, &workspace.diagnostics, settings.error_color),
            );
            bad = true;
            continue;
        };
        if !workspace.diagnostics.is_empty() && !settings.json() {
            write(
                Channel::Err,
                &diagnostics::render(&workspace.sources, &workspace.diagnostics, settings.error_color),
            );
        }
        prepared.each(&workspace.sources, |assessment| {
            write(Channel::Out, &stream.council(assessment));
        });
    }
    finished(stream, bad, &settings.fail_on, write)
}

/// Whether a file can be read twice (once to check, once to verify):
/// not standard input, a FIFO or a device.
fn is_regular_file(path: &Path) -> bool {
    path != Path::new(load::STDIN_PATH) && std::fs::metadata(path).is_ok_and(|metadata| metadata.is_file())
}
