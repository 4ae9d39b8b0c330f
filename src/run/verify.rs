//! `dcsc verify` from inputs to output: every council checked first, then
//! each evaluated, written and dropped in turn, so that memory stays flat
//! however many councils are given.
//!
//! Files given alone, or one file, are read together, as one workspace
//! ([`workspace`]). A folder of councils, or files that each hold a
//! council's arrangements ([`councils`]), gives each council a workspace
//! of its own, with the guidance: its own files only, so a local policy in
//! a council's folder goes with that council alone. Each council is read,
//! checked and verified once, in one pass; its output is held (in a
//! temporary file past a megabyte) and written only once every council
//! has checked, so a run that stops writes no verdicts.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::trees::Trees;
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
    /// Council by council, each in a workspace of its own, read, checked
    /// and verified once.
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
    /// Where it is on disk, if it is a file (not standard input): a
    /// council's folder that holds it does not read it again.
    canonical: Option<PathBuf>,
}

/// The guidance given with `--policy`, read once, and checked once for
/// every council.
struct Guidance {
    files: Vec<Given>,
    checked: Option<Arc<crate::check::Guidance>>,
}

/// A council's workspace: the guidance given, then its own files, so
/// that the guidance's files have the ids they had when it was checked,
/// and their trees, parsed once, are taken again (`trees`).
fn council_workspace(guidance: &Guidance, council: &load::Council, trees: &mut Trees) -> Workspace {
    let mut workspace = Workspace::new();
    for file in &guidance.files {
        workspace.add_text_with(&file.name, &file.text, &mut |file, source| trees.parse(file, source));
    }
    if let Some(checked) = &guidance.checked {
        workspace.share_guidance(Arc::clone(checked));
    }
    // A file given as guidance is read once, as guidance, even where it
    // is also one of the council's own (`verify FOLDER --policy
    // FOLDER/framework.dcs`): read again, everything it declares would be
    // declared twice.
    let given_as_guidance = |file: &PathBuf| {
        std::fs::canonicalize(file).is_ok_and(|canonical| {
            guidance
                .files
                .iter()
                .any(|given| given.canonical.as_ref() == Some(&canonical))
        })
    };
    for file in council.files.iter().filter(|file| !given_as_guidance(file)) {
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
                        canonical: std::fs::canonicalize(path).ok(),
                    });
                }
            }
            Err(error) => problems.push(diagnostics::from_syntax(&error)),
        }
    }
    let write = &mut *streams.write;
    // The guidance's trees, parsed here once and taken again by every
    // council's workspace.
    let mut trees = Trees::default();
    let mut guidance = Workspace::new();
    for file in &given {
        let id = guidance.add_text_with(&file.name, &file.text, &mut |file, source| trees.parse(file, source));
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
    let pass = one_pass(found.councils, &given, &mut trees, settings);
    let lone_and_shared = |council: &load::Council| matches!(council.files.as_slice(), [file] if std::fs::canonicalize(file).is_ok_and(|file| pass.shared.contains(&file)));
    let failed: Vec<(&SourceMap, &[Diagnostic])> = pass
        .failed
        .iter()
        .filter(|(council, _)| !lone_and_shared(council))
        .map(|(_, workspace)| (&workspace.sources, workspace.diagnostics.as_slice()))
        .collect();
    if !failed.is_empty() {
        return cannot_verify(&failed, settings, write);
    }
    if pass.arrangements == 0 {
        let problem = diagnostics::from_command(&CommandError::NoArrangements);
        return cannot_verify(&[(&read, &[problem])], settings, write);
    }
    for (council, text) in &pass.said {
        if council.as_ref().is_none_or(|council| !lone_and_shared(council)) {
            write(Channel::Err, text);
        }
    }
    if let Err(error) = pass.held.replay(write) {
        let problem = diagnostics::held_output_unreadable(&load::describe_io(&error));
        return cannot_verify(&[(&read, &[problem])], settings, write);
    }
    finished(pass.stream, pass.bad, &settings.fail_on, write)
}

/// What one pass over the councils found, and the output it holds until
/// it is known that every council checks.
struct Pass {
    stream: Stream,
    /// Standard output so far.
    held: Held,
    /// Standard error so far, each piece with the council it is about if
    /// it is said only because that council holds no arrangements (not
    /// said if the council is a file another council shares).
    said: Vec<(Option<load::Council>, String)>,
    /// The councils that do not check, each with its workspace.
    failed: Vec<(load::Council, Workspace)>,
    /// The canonical paths of every file some council shares.
    shared: BTreeSet<PathBuf>,
    /// How many arrangements were verified.
    arrangements: usize,
    /// Whether a council checked but gave no policy to verify against.
    bad: bool,
}

/// Checks each council and, if it checks, verifies it and writes it to
/// the held output, dropping it before the next: each council read,
/// parsed and checked once. A council that does not check keeps its
/// workspace, for its errors; what was held is then never written.
fn one_pass(councils: Vec<load::Council>, given: &Guidance, trees: &mut Trees, settings: &Settings) -> Pass {
    let mut pass = Pass {
        stream: Stream::counting(settings.shape, settings.as_at),
        held: Held::new(),
        said: Vec::new(),
        failed: Vec::new(),
        shared: BTreeSet::new(),
        arrangements: 0,
        bad: false,
    };
    for council in councils {
        let mut workspace = council_workspace(given, &council, trees);
        let day = workspace.date_for(settings.as_at);
        let checked = workspace.check_as_at(Some(day));
        // A file of policy tests beside the councils (`dcsc test` reads
        // it) is neither a council nor a mistake.
        if checked.arrangements.is_empty() && !checked.tests.is_empty() {
            continue;
        }
        pass.shared.extend(workspace.shared_paths().iter().cloned());
        if workspace.has_errors() {
            pass.failed.push((council, workspace));
            continue;
        }
        let render = |workspace: &Workspace| {
            diagnostics::render(&workspace.sources, &workspace.diagnostics, settings.error_color)
        };
        if checked.arrangements.is_empty() {
            if !settings.json() {
                let warning = diagnostics::from_command(&CommandError::NotACouncil {
                    path: council.name.clone(),
                });
                let text = diagnostics::render(&SourceMap::new(), &[warning], settings.error_color);
                pass.said.push((Some(council), text));
            }
            continue;
        }
        let Some(policy) = checked.policy else {
            // Checked, yet no policy to verify against: said on standard
            // error whatever the format, as the run goes on.
            pass.said.push((None, render(&workspace)));
            pass.bad = true;
            continue;
        };
        if !workspace.diagnostics.is_empty() && !settings.json() {
            pass.said.push((None, render(&workspace)));
        }
        pass.arrangements += checked.arrangements.len();
        let prepared = crate::outcome::Prepared {
            policy,
            as_at: day,
            dates: settings.as_at,
            arrangements: checked.arrangements,
        };
        let Pass { stream, held, .. } = &mut pass;
        prepared.each(&workspace.sources, |assessment| held.push(&stream.council(assessment)));
    }
    pass
}

/// Standard output held until every council has checked, so that a run
/// that stops writes none of it: in memory up to [`Held::SPILL`] bytes at
/// a time, then in a temporary file, which is gone when the run ends. If
/// the temporary file cannot be made or written, the rest stays in
/// memory: nothing is lost.
struct Held {
    /// The temporary file being written.
    file: Option<std::fs::File>,
    /// The temporary file, no longer written after a write failed.
    kept: Option<std::fs::File>,
    /// Whether a temporary file was asked for already.
    asked: bool,
    /// How many bytes the file holds.
    in_file: u64,
    /// What is held in memory, after what the file holds.
    in_memory: String,
}

impl Held {
    /// How much is held in memory before it goes to the file.
    const SPILL: usize = 1 << 20;

    fn new() -> Held {
        Held {
            file: None,
            kept: None,
            asked: false,
            in_file: 0,
            in_memory: String::new(),
        }
    }

    fn push(&mut self, text: &str) {
        self.in_memory.push_str(text);
        if self.in_memory.len() >= Held::SPILL {
            self.spill();
        }
    }

    fn spill(&mut self) {
        use std::io::{Seek, Write};
        if !self.asked {
            self.asked = true;
            self.file = tempfile::tempfile().ok();
        }
        let Some(file) = &mut self.file else {
            return;
        };
        if file.write_all(self.in_memory.as_bytes()).is_ok() {
            self.in_file += u64::try_from(self.in_memory.len()).unwrap_or(u64::MAX);
            self.in_memory.clear();
        } else {
            // Part may have gone in: what follows stays in memory, and
            // only the bytes known written are read back.
            let _ = file.seek(std::io::SeekFrom::Start(self.in_file));
            self.stop_spilling();
        }
    }

    /// After a failed write the file keeps what it held before it (read
    /// back up to there), and the rest is held in memory from then on.
    fn stop_spilling(&mut self) {
        self.asked = true;
        if let Some(file) = self.file.take() {
            self.kept = Some(file);
        }
    }

    /// Writes everything held, in order, through the sink.
    fn replay(self, write: &mut Sink<'_>) -> std::io::Result<()> {
        use std::io::{Read, Seek};
        if let Some(mut file) = self.file.or(self.kept) {
            file.seek(std::io::SeekFrom::Start(0))?;
            let mut reader = file.take(self.in_file);
            let mut chunk = vec![0; 1 << 16];
            let mut carried: Vec<u8> = Vec::new();
            loop {
                let count = reader.read(&mut chunk)?;
                if count == 0 {
                    break;
                }
                carried.extend(chunk.iter().take(count));
                // Written from `&str`s, so only a character cut at the
                // chunk's end can be incomplete: it waits for the next.
                let whole = match std::str::from_utf8(&carried) {
                    Ok(text) => text.len(),
                    Err(error) => error.valid_up_to(),
                };
                let (text, rest) = carried.split_at_checked(whole).unwrap_or((&carried, &[]));
                write(Channel::Out, &String::from_utf8_lossy(text));
                carried = rest.to_vec();
            }
            if !carried.is_empty() {
                write(Channel::Out, &String::from_utf8_lossy(&carried));
            }
        }
        write(Channel::Out, &self.in_memory);
        Ok(())
    }
}

/// Whether a file can be read again (`plan` reads it to ask what it
/// holds, then its council reads it): not standard input, a FIFO or a
/// device.
fn is_regular_file(path: &Path) -> bool {
    path != Path::new(load::STDIN_PATH) && std::fs::metadata(path).is_ok_and(|metadata| metadata.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_output_is_written_back_whole_and_in_order_past_the_spill() {
        // Pieces of three-byte characters, so that chunks read back cut
        // characters in two, over several spills to the temporary file.
        let piece = "– verdict ‘met’ –\n".repeat(1000);
        let mut held = Held::new();
        let mut expected = String::new();
        for index in 0..200 {
            let text = format!("{index}{piece}");
            held.push(&text);
            expected.push_str(&text);
        }
        assert!(held.in_file > 0, "more than a megabyte goes to the temporary file");
        let mut written = String::new();
        let mut write = |channel: Channel, text: &str| {
            assert_eq!(channel, Channel::Out);
            written.push_str(text);
        };
        held.replay(&mut write).unwrap();
        assert_eq!(written.len(), expected.len());
        assert!(written == expected);
    }
}
