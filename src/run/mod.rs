//! Every command from typed inputs to the text it writes: one module per
//! command, each taking paths (or a [`Workspace`]), formats as the enums
//! here, the date already chosen, and the [`Streams`] it is given:
//! standard input (read for a path `-`), whether each output stream is
//! coloured, and the [`Sink`] it writes through, piece by piece, what goes
//! to standard output and what to standard error. Each returns a
//! [`Status`].
//!
//! Nothing here prints, exits or reads the clock or the process's
//! standard input: the command line ([`crate::cli`]) parses its arguments
//! into these values and hands over the streams the process gave it. A
//! test gets the same bytes in-process by collecting them ([`Captured`]).

mod check;
mod diff;
mod document;
mod fmt;
pub mod output;
mod policy;
pub mod stdio;
mod test;
mod trees;
mod verify;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostics::{self, Diagnostic};
use crate::load;
use crate::source::{FileId, SourceMap};
use crate::AsAt;
use crate::Workspace;

pub use check::{check, CheckFormat};
pub use diff::{diff, DiffFormat, Sides};
pub use document::{graph, report, timeline, ChartFormat, ReportFormat, TimelineFormat};
pub use fmt::fmt;
pub use policy::{coverage, explain, version, vocabulary, Format};
pub use test::{test, TestFormat, TestOptions};
pub use verify::{councils, verify, workspace, Settings, VerifyFormat, VerifyOptions};

pub use crate::render::human::Detail;

pub use crate::outcome::FailOn;

/// Where a piece of text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Standard output: the verdicts, or diagnostics asked for as JSON.
    Out,
    /// Standard error: diagnostics for people.
    Err,
}

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Done; nothing needs action.
    Clear,
    /// Done; something needs action (a verdict, a test that failed, a
    /// file `fmt --check` would change, a verdict `diff` sees change).
    NeedsAction,
    /// Some input could not be read or checked, or the command itself is
    /// wrong.
    BadInput,
}

impl Status {
    /// The exit status the command line gives: 0 nothing needs action, 1
    /// something does, 2 the input could not be read or checked.
    pub fn exit_code(self) -> u8 {
        match self {
            Status::Clear => 0,
            Status::NeedsAction => 1,
            Status::BadInput => 2,
        }
    }
}

/// Where a command writes its text, one piece at a time, as it goes: the
/// command line writes each piece to its stream at once (so a long run
/// streams, and a note that dcsc waits on a FIFO is seen before it
/// waits); a test keeps them ([`Captured`]).
pub type Sink<'a> = dyn FnMut(Channel, &str) + 'a;

/// Where text for standard error goes from any thread: the command line's
/// standard error, and `dcsc serve`'s line a request and its warnings.
pub type Log = std::sync::Arc<dyn Fn(&str) + Send + Sync>;

/// The text a command wrote, kept by channel: what the binary would have
/// written to standard output and standard error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Captured {
    /// What went to standard output.
    pub out: String,
    /// What went to standard error.
    pub err: String,
}

impl Captured {
    /// Keeps a piece of text (as a [`Sink`]: `&mut |channel, text|
    /// captured.write(channel, text)`).
    pub fn write(&mut self, channel: Channel, text: &str) {
        match channel {
            Channel::Out => self.out.push_str(text),
            Channel::Err => self.err.push_str(text),
        }
    }
}

/// Whether text for people is coloured on each stream, as the command
/// line decided (a terminal, and `NO_COLOR` unset).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Colors {
    /// Standard output.
    pub out: bool,
    /// Standard error.
    pub err: bool,
}

/// Standard input as a command is given it: read when a path is `-`.
pub struct Input<'a> {
    /// Its bytes (`Send`: the language server reads them on a thread of
    /// their own).
    pub reader: Box<dyn Read + Send + 'a>,
    /// What it is, when it can be asked (the binary asks its descriptor):
    /// `-o` must never replace the file standard input is read from.
    pub file: Option<std::fs::Metadata>,
}

impl Input<'_> {
    /// No standard input: `-` reads nothing, as from `/dev/null`.
    pub fn empty() -> Input<'static> {
        Input {
            reader: Box::new(std::io::empty()),
            file: None,
        }
    }
}

/// The standard streams as a command is given them: standard input, read
/// for a path `-`; whether text for people is coloured on each output
/// stream; and where each piece of text goes.
pub struct Streams<'a> {
    /// Standard input.
    pub input: Input<'a>,
    /// Whether text for people is coloured on each stream.
    pub colors: Colors,
    /// Where each piece of text goes, as it comes.
    pub write: &'a mut Sink<'a>,
}

impl<'a> Streams<'a> {
    /// Streams with no standard input (a command that is given `-` reads
    /// nothing), for callers that name only files: the server, tests.
    pub fn new(colors: Colors, write: &'a mut Sink<'a>) -> Streams<'a> {
        Streams {
            input: Input::empty(),
            colors,
            write,
        }
    }
}

/// What `verify`, `report` and `graph` read, and as at when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    /// The council's arrangement files (`-` is standard input), read
    /// together, or, for `verify`, folders of councils.
    pub arrangements: Vec<PathBuf>,
    /// Guidance files to use instead of the embedded guidance.
    pub policies: Vec<PathBuf>,
    /// The date to verify as at: one given, or each council's papers'
    /// end.
    pub as_at: AsAt,
}

impl Inputs {
    /// A workspace holding the guidance and arrangement files, a folder's
    /// councils' files in its place.
    fn workspace(&self, streams: &mut Streams<'_>) -> Workspace {
        let (arrangements, passed_over) = files_of(&self.arrangements);
        let mut workspace = workspace_of(&self.policies, &arrangements, streams);
        workspace.diagnostics.extend(passed_over);
        workspace
    }
}

/// The files the paths name, each folder's councils' files in its place
/// ([`load::councils`]), with what stops or warns: a folder that cannot
/// be read, and the files passed over as not dcsc input (one warning).
fn files_of(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if !is_folder(path) {
            files.push(path.clone());
            continue;
        }
        match load::councils(std::slice::from_ref(path)) {
            Ok(councils) => {
                files.extend(councils.councils.into_iter().flat_map(|council| council.files));
                skipped.extend(councils.skipped);
            }
            Err(error) => found.push(diagnostics::from_syntax(&error)),
        }
    }
    if !skipped.is_empty() {
        found.push(passed_over(&skipped));
    }
    (files, found)
}

/// The one warning for the files passed over as not dcsc input (W0019).
fn passed_over(skipped: &[PathBuf]) -> Diagnostic {
    diagnostics::from_command(&crate::command::CommandError::NotInput {
        paths: skipped
            .iter()
            .map(|path| crate::visible::escape(&path.display().to_string()).into_owned())
            .collect(),
    })
}

/// Writes a command's standard output to the file named with `-o`
/// (atomically), unless that file is one of those `read` names (a folder
/// standing for its councils' files) or the file standard input is; what
/// stopped it, if anything.
pub fn save_output(
    path: &Path,
    text: &str,
    read: &[PathBuf],
    standard_input: Option<&std::fs::Metadata>,
) -> Option<Diagnostic> {
    let (files, _) = files_of(read);
    document::save_over(path, text, &files, standard_input)
}

/// Whether a path names a folder (`-` never does).
fn is_folder(path: &Path) -> bool {
    path != Path::new(crate::load::STDIN_PATH) && std::fs::metadata(path).is_ok_and(|metadata| metadata.is_dir())
}

/// A workspace of the files given, in order: the guidance given with
/// `--policy` (each refused if it is a council's), then the councils'.
fn workspace_of(policies: &[PathBuf], files: &[PathBuf], streams: &mut Streams<'_>) -> Workspace {
    let mut workspace = Workspace::new();
    for policy in policies {
        note_fifo(policy, streams.write);
        workspace.add_guidance_input(policy, &mut streams.input.reader);
    }
    for file in files {
        add_input(&mut workspace, file, streams);
    }
    workspace
}

/// Reads a file the user named (`-` is standard input) into the
/// workspace, first saying so on standard error if it is a FIFO: opening
/// one waits for a writer, which would otherwise look like a hang.
fn add_input(workspace: &mut Workspace, path: &Path, streams: &mut Streams<'_>) -> Option<FileId> {
    note_fifo(path, streams.write);
    workspace.add_input(path, &mut streams.input.reader)
}

/// Says on standard error that dcsc waits for a writer, if `path` is a
/// FIFO.
fn note_fifo(path: &Path, write: &mut Sink<'_>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        // Asked of the name itself, not of what it links to: `/dev/stdin`
        // and `<(…)` are links to pipes that have their writer already.
        if std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_fifo()) {
            write(
                Channel::Err,
                &format!(
                    "note: waiting for a writer on FIFO `{}`\n",
                    crate::visible::escape(&path.display().to_string())
                ),
            );
        }
    }
    #[cfg(not(unix))]
    let _ = (path, write);
}

/// Writes problems that stop a command, coded and not tied to any file
/// (a command line clap refuses, standard output that cannot be
/// written): as JSON on standard output when JSON was asked for, else
/// rendered on standard error.
pub fn problems(found: &[Diagnostic], json: bool, colors: Colors, write: &mut Sink<'_>) -> Status {
    stop(&SourceMap::new(), found, json, colors.err, write)
}

/// Writes problems that stop a command, with the files they point into:
/// as JSON on standard output when JSON was asked for, else rendered on
/// standard error.
fn stop(sources: &SourceMap, found: &[Diagnostic], json: bool, error_color: bool, write: &mut Sink<'_>) -> Status {
    if json {
        write(Channel::Out, &diagnostics::json_document(&[(sources, found)]));
    } else {
        write(Channel::Err, &diagnostics::render(sources, found, error_color));
    }
    Status::BadInput
}

/// Writes a command's own problem (see [`problems`]).
fn refuse(
    sources: &SourceMap,
    problem: &crate::command::CommandError,
    json: bool,
    error_color: bool,
    write: &mut Sink<'_>,
) -> Status {
    stop(sources, &[diagnostics::from_command(problem)], json, error_color, write)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Day;

    fn coventry() -> Inputs {
        Inputs {
            arrangements: vec![PathBuf::from("examples/coventry.dcs")],
            policies: Vec::new(),
            as_at: AsAt::Given(Day {
                year: 2017,
                month: 6,
                day: 1,
            }),
        }
    }

    #[test]
    fn a_command_run_in_process_writes_what_it_writes_and_says_how_it_ended() {
        let mut captured = Captured::default();
        let mut write = |channel, text: &str| captured.write(channel, text);
        let status = report(
            &coventry(),
            ReportFormat::Markdown,
            None,
            &mut Streams::new(Colors::default(), &mut write),
        );
        assert_eq!(status, Status::Clear);
        assert!(
            captured.out.starts_with("# Test of assurance: Coventry City Council\n"),
            "{}",
            captured.out
        );
        assert_eq!(captured.err, "");
    }

    #[test]
    fn a_summary_in_a_format_it_is_not_written_in_is_refused_before_anything_is_read() {
        let mut captured = Captured::default();
        let mut inputs = coventry();
        inputs.arrangements = vec![PathBuf::from("no/such/file.dcs")];
        let mut write = |channel, text: &str| captured.write(channel, text);
        let options = VerifyOptions {
            summary: true,
            ..VerifyOptions::new(VerifyFormat::Junit)
        };
        let status = verify(&inputs, &options, &mut Streams::new(Colors::default(), &mut write));
        assert_eq!(status, Status::BadInput);
        assert_eq!(captured.out, "");
        assert!(captured.err.contains("E0301"), "{}", captured.err);
        assert!(!captured.err.contains("no/such/file.dcs"), "{}", captured.err);
    }
}
