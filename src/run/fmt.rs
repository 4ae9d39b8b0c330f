//! `dcsc fmt`: the command around [`crate::syntax::format`]: which files,
//! written how, and what is said about them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{output, Channel, Status, Streams};
use crate::command::CommandError;
use crate::diagnostics;
use crate::load::STDIN_PATH;
use crate::source::SourceMap;
use crate::syntax::format::{self, FormatError};
use crate::syntax::SyntaxError;
use crate::visible;

/// What became of one file.
enum Outcome {
    /// Already in the canonical layout.
    Unchanged,
    /// Rewritten (or, with `--check`, would be).
    Reformatted,
    /// Not a `.dcs` file: JSON arrangements keep the layout their tool
    /// gave them.
    Skipped,
    /// Could not be read, parsed or written; the diagnostics are printed.
    Failed,
}

/// `dcsc fmt`: formats the files named (folders: every `.dcs` file below
/// them; `-`: standard input to standard output), or with `check` only
/// says which would change, showing how. With `check`, needs action if
/// any would.
pub fn fmt(paths: &[PathBuf], check: bool, streams: &mut Streams<'_>) -> Status {
    let mut sources = SourceMap::new();
    let mut problems = Vec::new();
    let mut counts = [0usize; 4];
    let mut files = Vec::new();
    for path in paths {
        expand(path, &mut files);
    }
    for path in &files {
        let outcome = one(path, check, &mut sources, &mut problems, streams);
        let slot = match outcome {
            Outcome::Unchanged => 0,
            Outcome::Reformatted => 1,
            Outcome::Skipped => 2,
            Outcome::Failed => 3,
        };
        if let Some(count) = counts.get_mut(slot) {
            *count += 1;
        }
    }
    let Streams { colors, write, .. } = streams;
    if !problems.is_empty() {
        write(Channel::Err, &diagnostics::render(&sources, &problems, colors.err));
    }
    let [unchanged, reformatted, skipped, failed] = counts;
    let to_stdout = files.iter().all(|path| path == Path::new(STDIN_PATH));
    if !to_stdout {
        let done = if check { "would reformat" } else { "reformatted" };
        let mut line = format!("{done} {reformatted} of {} file(s)", unchanged + reformatted + failed);
        if failed > 0 {
            let _ = write!(line, "; {failed} could not be formatted");
        }
        if skipped > 0 {
            let _ = write!(line, "; skipped {skipped} JSON file(s)");
        }
        line.push('\n');
        write(Channel::Err, &line);
    }
    if failed > 0 {
        Status::BadInput
    } else if check && reformatted > 0 {
        Status::NeedsAction
    } else {
        Status::Clear
    }
}

/// A path as the files to format: a folder gives its `.dcs` files, in
/// name order, without following links out of it.
fn expand(path: &Path, files: &mut Vec<PathBuf>) {
    let is_folder = std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_dir());
    if !is_folder {
        files.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        // Read as a file, the folder gets its own clear diagnostic.
        files.push(path.to_path_buf());
        return;
    };
    let mut below: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
    below.sort();
    for entry in below {
        let Ok(metadata) = std::fs::symlink_metadata(&entry) else {
            continue;
        };
        let hidden = entry
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if metadata.is_dir() {
            expand(&entry, files);
        } else if entry.extension().is_some_and(|extension| extension == "dcs") {
            files.push(entry);
        }
    }
}

/// Formats one file, or with `check` shows how it would change.
fn one(
    path: &Path,
    check: bool,
    sources: &mut SourceMap,
    problems: &mut Vec<diagnostics::Diagnostic>,
    streams: &mut Streams<'_>,
) -> Outcome {
    let stdin = path == Path::new(STDIN_PATH);
    if path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
    {
        return Outcome::Skipped;
    }
    if !stdin && std::fs::metadata(path).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir()) {
        // A FIFO, device or socket: formatting reads it and writes it
        // back in place, so a FIFO would wait for a second writer, and a
        // device would be written to. Refused before it is opened.
        problems.push(diagnostics::from_syntax(&SyntaxError::Unreadable {
            path: path.display().to_string(),
            reason: "it is not a regular file (a FIFO, device or socket), and `fmt` rewrites the files it reads; give its text on standard input with `dcsc fmt -`".to_owned(),
        }));
        return Outcome::Failed;
    }
    let id = match crate::load::read_from(sources, path, &mut streams.input.reader) {
        Ok(id) => id,
        Err(error) => {
            problems.push(diagnostics::from_syntax(&error));
            return Outcome::Failed;
        }
    };
    let Some(source) = sources.get(id) else {
        return Outcome::Failed;
    };
    let formatted = match format::format(id, source) {
        Ok(formatted) => formatted,
        Err(FormatError::Syntax(errors)) => {
            problems.extend(errors.iter().map(diagnostics::from_syntax));
            return Outcome::Failed;
        }
        Err(FormatError::WouldChangeMeaning) => {
            problems.push(diagnostics::from_command(&CommandError::CannotRender {
                format: "formatted file",
                reason: format!(
                    "the layout worked out for `{}` would change more than its white space, so it was left as it is",
                    source.name()
                ),
            }));
            return Outcome::Failed;
        }
    };
    let write = &mut *streams.write;
    if stdin && !check {
        write(Channel::Out, &formatted);
        return if formatted == source.text {
            Outcome::Unchanged
        } else {
            Outcome::Reformatted
        };
    }
    if formatted == source.text && !written_differently(path, &formatted) {
        return Outcome::Unchanged;
    }
    if check {
        if formatted == source.text {
            write(
                Channel::Out,
                &format!(
                    "{}: only its line endings or byte order mark would change\n",
                    visible::escape(source.name())
                ),
            );
        } else {
            write(Channel::Out, &difference(source.name(), &source.text, &formatted));
        }
        return Outcome::Reformatted;
    }
    let shown = path.display().to_string();
    match output::write(path, formatted.as_bytes()) {
        Ok(written) => {
            if written.other_links > 0 {
                problems.push(diagnostics::other_links_kept_old(&shown, written.other_links));
            }
            Outcome::Reformatted
        }
        Err(error) => {
            problems.push(if error.in_place {
                diagnostics::unwritable_in_place(&shown, &error.reason)
            } else {
                diagnostics::unwritable(&shown, &error.reason)
            });
            Outcome::Failed
        }
    }
}

/// Whether the bytes on disk differ from the text they were read as: a
/// byte order mark or CRLF line endings, which reading removes, are part
/// of what the formatter writes away.
fn written_differently(path: &Path, text: &str) -> bool {
    if path == Path::new(STDIN_PATH) {
        return false;
    }
    std::fs::read(path).is_ok_and(|bytes| bytes != text.as_bytes())
}

/// A unified difference between a file and its formatted text, shown as
/// every other output is: a control or bidirectional character in the
/// file or its name is shown as `\u{…}`, never sent to the terminal.
fn difference(name: &str, before: &str, after: &str) -> String {
    let diff = similar::TextDiff::from_lines(before, after);
    let unified = format!(
        "{}",
        diff.unified_diff()
            .context_radius(2)
            .header(name, &format!("{name} (formatted)"))
    );
    visible::escape_owned(unified)
}
