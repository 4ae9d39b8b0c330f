//! Every problem dcsc reports, as one type, and the one place that renders
//! through codespan-reporting.
//!
//! Each stage returns its own data-carrying error enum; [`from_syntax`]
//! (`syntax.rs`), [`from_check`] (`check.rs`) and [`from_command`]
//! (`command.rs`) turn them into [`Diagnostic`]s with a stable [`Code`], a
//! primary label, secondary labels, notes and `help:` lines. This file
//! holds the type, its builder, and the rendering; `shown.rs` the source
//! files as codespan is given them; `phrases.rs` the words for the typed
//! parts of check errors.

mod check;
mod codes;
mod command;
mod phrases;
mod shown;
mod syntax;

pub use check::{from_check, give_the_file_beside};
pub use codes::{Code, Example, Explanation};
pub use command::{
    from_command, held_output_unreadable, not_guidance, other_links_kept_old, output_is_input, stdout_unwritable,
    unwritable, unwritable_in_place,
};
pub use syntax::from_syntax;

use codespan_reporting::diagnostic::{self as cs, LabelStyle};
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::source::{FileId, SourceMap, Span};
use crate::visible;
use shown::FileSet;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be used.
    Error,
    /// The input can be used, but something deserves a look.
    Warning,
}

/// A label on a span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What to say there.
    pub message: String,
}

/// A diagnostic ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// The headline.
    pub message: String,
    /// The main place, if the problem has one.
    pub primary: Option<Label>,
    /// Other places that explain it.
    pub secondary: Vec<Label>,
    /// Further facts.
    pub notes: Vec<String>,
    /// How to fix it.
    pub help: Vec<String>,
    /// The edits a `help:` line suggests, as data, for an editor to offer
    /// as quick fixes: each said in words by a help line, and made here
    /// from the typed error, never read back from the words.
    pub fixes: Vec<Fix>,
}

/// An edit a diagnostic suggests: the text at a span replaced. The
/// language server offers each as a quick fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the edit does, in words: the quick fix's title.
    pub title: String,
    /// The text replaced; empty where text is inserted.
    pub span: Span,
    /// What replaces it, as a `.dcs` file writes it.
    pub replacement: String,
}

impl Diagnostic {
    fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: if code.is_warning() {
                Severity::Warning
            } else {
                Severity::Error
            },
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Vec::new(),
            fixes: Vec::new(),
        }
    }

    fn at(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.primary = Some(Label {
            span,
            message: message.into(),
        });
        self
    }

    fn also(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    /// The notes, then each help line as `help: …`: what follows the
    /// labels, in the words every rendering of a diagnostic uses (the
    /// terminal's and the language server's).
    pub fn notes_and_help(&self) -> Vec<String> {
        let mut lines = self.notes.clone();
        lines.extend(self.help.iter().map(|help| format!("help: {help}")));
        lines
    }

    fn fix(mut self, title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Diagnostic {
        self.fixes.push(Fix {
            title: title.into(),
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// "Did you mean": a help line, and the name at the primary label
    /// replaced by the one suggested as its fix.
    fn suggest(self, suggestion: &Option<String>) -> Diagnostic {
        let Some(name) = suggestion else {
            return self;
        };
        let span = self.primary.as_ref().map(|primary| primary.span);
        let diagnostic = self.help(format!("did you mean `{name}`?"));
        match span {
            Some(span) => diagnostic.fix(format!("change to `{name}`"), span, name.clone()),
            None => diagnostic,
        }
    }
}

/// Alternatives as the messages list them: "a, b or c", and "something
/// else" for none.
fn or_list(items: &[&str]) -> String {
    match items {
        [] => "something else".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The most diagnostics shown for one file. A file with more is one
/// mistake repeated, or not a dcsc file at all: thousands of snippets
/// would bury the first, which is the one to fix. Errors are shown before
/// warnings are, so a warning never hides an error; the rest are counted
/// in a last line, and the JSON output (`--format json`) lists them all.
pub const SHOWN_PER_FILE: usize = 100;

/// Renders diagnostics as text, with their source, as rustc does: at most
/// [`SHOWN_PER_FILE`] for each file, in the order found, then a line
/// counting those not shown.
pub fn render(sources: &SourceMap, diagnostics: &[Diagnostic], color: bool) -> String {
    let (shown, hidden) = within_cap(diagnostics);
    let shown: Vec<Diagnostic> = shown
        .into_iter()
        .map(|diagnostic| labels_within_cap(sources, diagnostic))
        .collect();
    let labels = shown
        .iter()
        .flat_map(|diagnostic| diagnostic.primary.iter().chain(&diagnostic.secondary));
    let files = FileSet::of(sources, labels);
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    for diagnostic in &shown {
        let converted = to_codespan(diagnostic, &files);
        if term::emit_to_write_style(&mut buffer, &config, &files, &converted).is_err() {
            // A span outside its file: say so plainly rather than lose the
            // message.
            let plain = cs::Diagnostic::new(converted.severity)
                .with_code(diagnostic.code.as_str())
                .with_message(visible::escape(&diagnostic.message))
                .with_notes(
                    diagnostic
                        .notes
                        .iter()
                        .map(|note| visible::escape(note).into_owned())
                        .collect(),
                );
            let _ = term::emit_to_write_style(&mut buffer, &config, &files, &plain);
        }
    }
    for untold in hidden {
        let file = untold.file.map(|file| visible::escape(sources.name(file)).into_owned());
        let counted = match (untold.errors, untold.warnings) {
            (errors, 0) => format!("{errors} more error(s)"),
            (0, warnings) => format!("{warnings} more warning(s)"),
            (errors, warnings) => format!("{errors} more error(s) and {warnings} more warning(s)"),
        };
        let message = match &file {
            Some(file) => format!("{counted} in `{file}` not shown"),
            None => format!("{counted} not shown"),
        };
        let note = cs::Diagnostic::new(cs::Severity::Note)
            .with_message(message)
            .with_notes(vec![format!(
                "dcsc shows at most {SHOWN_PER_FILE} diagnostics for each file, errors first; `--format json` lists them all"
            )]);
        let _ = term::emit_to_write_style(&mut buffer, &config, &files, &note);
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// The most labels shown on one line of a snippet. codespan lays out
/// every label of a line against every other, so a line with hundreds
/// (a cycle of 500 posts in one-line JSON) took seconds and megabytes;
/// the rest are counted in a note, and `--format json` lists them all.
pub const LABELS_PER_LINE: usize = 8;

/// A diagnostic with at most [`LABELS_PER_LINE`] labels on any one line
/// (the primary label always among them), and a note for each line
/// saying how many more it has.
fn labels_within_cap(sources: &SourceMap, diagnostic: &Diagnostic) -> Diagnostic {
    let (secondary, untold) = within_line_cap(sources, diagnostic.primary.as_ref(), &diagnostic.secondary);
    let mut notes = diagnostic.notes.clone();
    notes.extend(untold);
    Diagnostic {
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message.clone(),
        primary: diagnostic.primary.clone(),
        secondary: secondary.into_iter().cloned().collect(),
        notes,
        help: diagnostic.help.clone(),
        fixes: diagnostic.fixes.clone(),
    }
}

/// Of the labels `rest` that follow `first` (always shown), those shown:
/// at most [`LABELS_PER_LINE`] on any one line, counting `first`; and a
/// note for each line with more, saying how many.
fn within_line_cap<'l>(sources: &SourceMap, first: Option<&Label>, rest: &'l [Label]) -> (Vec<&'l Label>, Vec<String>) {
    let line_of = |label: &Label| {
        let line = sources
            .get(label.span.file)
            .map_or(0, |source| source.line_of(label.span.start as usize));
        (label.span.file, line)
    };
    let mut on_line: BTreeMap<(FileId, usize), usize> = BTreeMap::new();
    if let Some(first) = first {
        on_line.insert(line_of(first), 1);
    }
    let mut untold: BTreeMap<(FileId, usize), usize> = BTreeMap::new();
    let mut shown = Vec::with_capacity(rest.len().min(LABELS_PER_LINE));
    for label in rest {
        let line = line_of(label);
        let count = on_line.entry(line).or_insert(0);
        if *count < LABELS_PER_LINE {
            *count += 1;
            shown.push(label);
        } else {
            *untold.entry(line).or_insert(0) += 1;
        }
    }
    let notes = untold
        .into_iter()
        .map(|((file, line), count)| {
            format!(
                "{count} more label(s) on line {line} of `{}` not shown: dcsc shows at most {LABELS_PER_LINE} on a line; `--format json` lists them all",
                sources.name(file)
            )
        })
        .collect();
    (shown, notes)
}

/// How many diagnostics of one file were not shown.
#[derive(Debug, PartialEq, Eq)]
struct Untold {
    /// The file (of the primary label); `None` for diagnostics with no
    /// place.
    file: Option<FileId>,
    errors: usize,
    warnings: usize,
}

/// The diagnostics to show, in the order found, and what each file had
/// beyond [`SHOWN_PER_FILE`], in the order the files first appear. Each
/// file shows its first errors up to the cap, then its first warnings in
/// whatever room is left.
fn within_cap(diagnostics: &[Diagnostic]) -> (Vec<&Diagnostic>, Vec<Untold>) {
    let file_of = |diagnostic: &Diagnostic| diagnostic.primary.as_ref().map(|label| label.span.file);
    // Per file, in order of first appearance: (file, errors, warnings).
    let mut totals: Vec<(Option<FileId>, usize, usize)> = Vec::new();
    let mut index: BTreeMap<Option<FileId>, usize> = BTreeMap::new();
    for diagnostic in diagnostics {
        let key = file_of(diagnostic);
        let slot = *index.entry(key).or_insert_with(|| {
            totals.push((key, 0, 0));
            totals.len() - 1
        });
        if let Some(total) = totals.get_mut(slot) {
            match diagnostic.severity {
                Severity::Error => total.1 += 1,
                Severity::Warning => total.2 += 1,
            }
        }
    }
    // Room left for errors and warnings in each file.
    let mut room: Vec<(usize, usize)> = totals
        .iter()
        .map(|(_, errors, warnings)| {
            let errors_shown = (*errors).min(SHOWN_PER_FILE);
            (errors_shown, (*warnings).min(SHOWN_PER_FILE - errors_shown))
        })
        .collect();
    let untold = totals
        .iter()
        .zip(&room)
        .filter(|((_, errors, warnings), (errors_shown, warnings_shown))| {
            errors > errors_shown || warnings > warnings_shown
        })
        .map(|((file, errors, warnings), (errors_shown, warnings_shown))| Untold {
            file: *file,
            errors: errors - errors_shown,
            warnings: warnings - warnings_shown,
        })
        .collect();
    let shown = diagnostics
        .iter()
        .filter(|diagnostic| {
            let Some(left) = index.get(&file_of(diagnostic)).and_then(|slot| room.get_mut(*slot)) else {
                return true;
            };
            let left = match diagnostic.severity {
                Severity::Error => &mut left.0,
                Severity::Warning => &mut left.1,
            };
            if *left == 0 {
                return false;
            }
            *left -= 1;
            true
        })
        .collect();
    (shown, untold)
}

/// The most characters a message, label or note shows on a terminal.
const LONGEST_TEXT: usize = 1_000;

/// A message, label or note for a terminal, its middle elided if it is
/// longer than [`LONGEST_TEXT`]: words quoted from the file (a value run
/// on from a 12 MB string) must not print the whole file again.
fn bounded(text: &str) -> String {
    let count = text.chars().count();
    if count <= LONGEST_TEXT {
        return text.to_owned();
    }
    let head: String = text.chars().take(LONGEST_TEXT * 2 / 3).collect();
    let tail: String = text.chars().skip(count - LONGEST_TEXT / 4).collect();
    format!("{head}…{tail}")
}

fn to_codespan(diagnostic: &Diagnostic, files: &FileSet) -> cs::Diagnostic<usize> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let mut labels = Vec::new();
    labels.extend(
        diagnostic
            .primary
            .iter()
            .filter_map(|primary| files.label(LabelStyle::Primary, primary)),
    );
    labels.extend(
        diagnostic
            .secondary
            .iter()
            .filter_map(|secondary| files.label(LabelStyle::Secondary, secondary)),
    );
    let notes: Vec<String> = diagnostic
        .notes_and_help()
        .iter()
        .map(|line| bounded(&visible::escape(line)))
        .collect();
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(bounded(&visible::escape(&diagnostic.message)))
        .with_labels(labels)
        .with_notes(notes)
}

/// A diagnostic as JSON, for tools.
#[derive(Serialize)]
pub struct JsonDiagnostic {
    severity: Severity,
    code: &'static str,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    labels: Vec<JsonLabel>,
    notes: Vec<String>,
    help: Vec<String>,
}

#[derive(Serialize)]
struct JsonLabel {
    primary: bool,
    file: String,
    line: usize,
    column: usize,
    message: String,
}

/// Converts a diagnostic to its JSON form.
pub fn to_json(sources: &SourceMap, diagnostic: &Diagnostic) -> JsonDiagnostic {
    let json_label = |primary: bool, label: &Label| {
        let (line, column) = sources.line_column(label.span);
        JsonLabel {
            primary,
            file: sources.name(label.span.file).to_owned(),
            line,
            column,
            message: label.message.clone(),
        }
    };
    let location = diagnostic.primary.as_ref().map(|primary| {
        let (line, column) = sources.line_column(primary.span);
        (sources.name(primary.span.file).to_owned(), line, column)
    });
    JsonDiagnostic {
        severity: diagnostic.severity,
        code: diagnostic.code.as_str(),
        message: diagnostic.message.clone(),
        file: location.as_ref().map(|(file, _, _)| file.clone()),
        line: location.as_ref().map(|(_, line, _)| *line),
        column: location.as_ref().map(|(_, _, column)| *column),
        labels: diagnostic
            .primary
            .iter()
            .map(|label| json_label(true, label))
            .chain(diagnostic.secondary.iter().map(|label| json_label(false, label)))
            .collect(),
        notes: diagnostic.notes.clone(),
        help: diagnostic.help.clone(),
    }
}

/// Diagnostics as the JSON document `--format json` prints (schema
/// `docs/diagnostics-output.schema.json`), ending in a newline: those of
/// each run in turn, each with the sources its spans point into.
pub fn json_document(runs: &[(&SourceMap, &[Diagnostic])]) -> String {
    let diagnostics: Vec<JsonDiagnostic> = runs
        .iter()
        .flat_map(|(sources, diagnostics)| diagnostics.iter().map(|diagnostic| to_json(sources, diagnostic)))
        .collect();
    let value = serde_json::json!({ "schema_version": 1, "diagnostics": diagnostics });
    format!("{}\n", visible::json(&value))
}

/// A snippet of an arrangement file with labels, for the facts an
/// explanation quotes.
pub struct Snippet {
    /// The headline.
    pub headline: String,
    /// A short tag shown in brackets after the severity word.
    pub tag: String,
    /// Whether this needs action (drawn as a warning) or not (a note).
    pub needs_action: bool,
    /// Whether it is a breach (drawn as an error).
    pub breach: bool,
    /// The labelled facts.
    pub labels: Vec<Label>,
    /// Lines under the snippet.
    pub notes: Vec<String>,
}

/// Renders explanation snippets through the same renderer as diagnostics,
/// so facts are shown with their source lines. Only the files the
/// snippets point into are given to the renderer, and everything printed
/// from a file has its hidden characters shown (see [`crate::visible`]).
pub fn render_snippets(sources: &SourceMap, snippets: &[Snippet], color: bool) -> String {
    render_sections(sources, &[snippets], color).concat()
}

/// Renders several sections of snippets (one council's report), each to
/// its own text, with the shown text of each file built once for them
/// all rather than once a section.
pub fn render_sections(sources: &SourceMap, sections: &[&[Snippet]], color: bool) -> Vec<String> {
    let labels = sections
        .iter()
        .flat_map(|snippets| snippets.iter())
        .flat_map(|snippet| &snippet.labels);
    let files = FileSet::of(sources, labels);
    sections
        .iter()
        .map(|snippets| emit_snippets(&files, snippets, color))
        .collect()
}

/// One section's snippets, through codespan, from files already shown.
fn emit_snippets(files: &FileSet<'_>, snippets: &[Snippet], color: bool) -> String {
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    for snippet in snippets {
        let severity = if snippet.breach {
            cs::Severity::Error
        } else if snippet.needs_action {
            cs::Severity::Warning
        } else {
            cs::Severity::Note
        };
        // As for diagnostics: a council of 500 posts in one line of JSON
        // gives a verdict 500 labels on that line.
        let (first, rest) = snippet
            .labels
            .split_first()
            .map_or((None, &[][..]), |(first, rest)| (Some(first), rest));
        let (rest, untold) = within_line_cap(files.sources(), first, rest);
        let labels = first
            .and_then(|first| files.label(LabelStyle::Primary, first))
            .into_iter()
            .chain(
                rest.into_iter()
                    .filter_map(|label| files.label(LabelStyle::Secondary, label)),
            )
            .collect();
        let headline = visible::escape(&snippet.headline).into_owned();
        let tag = visible::escape(&snippet.tag).into_owned();
        let notes: Vec<String> = snippet
            .notes
            .iter()
            .chain(&untold)
            .map(|note| visible::escape(note).into_owned())
            .collect();
        let diagnostic = cs::Diagnostic::new(severity)
            .with_code(tag.clone())
            .with_message(headline.clone())
            .with_labels(labels)
            .with_notes(notes.clone());
        if term::emit_to_write_style(&mut buffer, &config, files, &diagnostic).is_err() {
            let plain = cs::Diagnostic::new(severity)
                .with_code(tag)
                .with_message(headline)
                .with_notes(notes);
            let _ = term::emit_to_write_style(&mut buffer, &config, files, &plain);
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Origin;

    fn many_files(count: usize) -> SourceMap {
        let mut sources = SourceMap::new();
        for index in 0..count {
            sources.add(
                Origin::Path(format!("council_{index}.dcs")),
                "post a {\n  title \"A\"\n}\n",
            );
        }
        sources
    }

    fn snippet(file: u32) -> Snippet {
        Snippet {
            headline: "headline".to_owned(),
            tag: "pass".to_owned(),
            needs_action: false,
            breach: false,
            labels: vec![Label {
                span: Span::new(FileId(file), 12, 15),
                message: "here".to_owned(),
            }],
            notes: Vec::new(),
        }
    }

    #[test]
    fn only_the_files_labels_point_into_are_given_to_the_renderer() {
        let sources = many_files(1000);
        let snippets = [snippet(7), snippet(7), snippet(900)];
        let files = FileSet::of(&sources, snippets.iter().flat_map(|snippet| &snippet.labels));
        assert_eq!(files.len(), 2);
        let shown = render_snippets(&sources, &snippets, false);
        assert!(shown.contains("council_7.dcs:2:4"), "{shown}");
        assert!(shown.contains("council_900.dcs:2:4"), "{shown}");
        assert!(!shown.contains("council_8.dcs"), "{shown}");
    }

    #[test]
    fn hidden_characters_in_a_source_are_shown_and_labels_still_fit() {
        let mut sources = SourceMap::new();
        let text = "post a {\n  title \"\u{1b}]52;c;aGk=\u{7}\u{202e}Chief\"\n}\n";
        sources.add(Origin::Path("odd\u{1b}[2J.dcs".to_owned()), text);
        let start = text.find("Chief").unwrap();
        let label = Label {
            span: Span::new(FileId(0), start, start + 5),
            message: "the \u{202e}word".to_owned(),
        };
        let snippet = Snippet {
            labels: vec![label],
            headline: "a \u{7} bell".to_owned(),
            notes: vec!["note \u{9b}31m".to_owned()],
            ..snippet(0)
        };
        for color in [false, true] {
            let shown = render_snippets(&sources, std::slice::from_ref(&snippet), color);
            let without_colour: String = if color {
                // The only escapes left are the renderer's own colours.
                let mut plain = String::new();
                let mut rest = shown.as_str();
                while let Some(at) = rest.find('\u{1b}') {
                    plain.push_str(&rest[..at]);
                    let after = &rest[at + 1..];
                    assert!(after.starts_with('['), "a raw escape that is not a colour: {shown:?}");
                    let end = after.find('m').expect("a colour ends with m");
                    assert!(
                        after[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
                        "{shown:?}"
                    );
                    rest = &after[end + 1..];
                }
                plain.push_str(rest);
                plain
            } else {
                shown.clone()
            };
            assert!(!without_colour.chars().any(crate::visible::is_hidden), "{shown:?}");
            assert!(without_colour.contains("odd\\u{1b}[2J.dcs:2:"), "{without_colour}");
            assert!(
                without_colour.contains("title \"\\u{1b}]52;c;aGk=\\u{7}\\u{202e}Chief\""),
                "{without_colour}"
            );
            assert!(without_colour.contains("the \\u{202e}word"), "{without_colour}");
            assert!(without_colour.contains("a \\u{7} bell"), "{without_colour}");
            assert!(without_colour.contains("note \\u{9b}31m"), "{without_colour}");
            if !color {
                // The carets are under the word, in the shown text.
                let lines: Vec<&str> = without_colour.lines().collect();
                let source = lines.iter().position(|line| line.contains("Chief\"")).unwrap();
                let column = lines[source].find("Chief").unwrap();
                let carets = lines[source + 1];
                assert_eq!(carets.find('^'), Some(column), "{without_colour}");
                assert_eq!(carets.matches('^').count(), 5, "{without_colour}");
            }
        }
    }

    fn problem(file: u32, code: Code) -> Diagnostic {
        Diagnostic::new(code, "a problem").at(Span::new(FileId(file), 0, 4), "here")
    }

    #[test]
    fn each_file_shows_at_most_its_share_and_errors_before_warnings() {
        let sources = many_files(3);
        let mut diagnostics: Vec<Diagnostic> = (0..150).map(|_| problem(0, Code::W0001)).collect();
        diagnostics.extend((0..120).map(|_| problem(0, Code::E0101)));
        diagnostics.extend((0..3).map(|_| problem(1, Code::E0101)));
        let (shown, untold) = within_cap(&diagnostics);
        let errors = |file: u32| {
            shown
                .iter()
                .filter(|d| d.severity == Severity::Error && d.primary.as_ref().unwrap().span.file == FileId(file))
                .count()
        };
        assert_eq!(errors(0), SHOWN_PER_FILE);
        assert_eq!(errors(1), 3);
        assert_eq!(shown.len(), SHOWN_PER_FILE + 3);
        assert_eq!(
            untold,
            vec![Untold {
                file: Some(FileId(0)),
                errors: 20,
                warnings: 150
            }]
        );
        let text = render(&sources, &diagnostics, false);
        assert_eq!(text.matches("error[E0101]").count(), SHOWN_PER_FILE + 3);
        assert!(!text.contains("warning[W0001]"));
        assert!(
            text.contains("note: 20 more error(s) and 150 more warning(s) in `council_0.dcs` not shown"),
            "{text}"
        );
        // Under the cap, warnings are shown too, in the order found.
        let few: Vec<Diagnostic> = vec![problem(2, Code::W0001), problem(2, Code::E0101)];
        let (shown, untold) = within_cap(&few);
        assert_eq!(shown.len(), 2);
        assert_eq!(shown[0].code, Code::W0001);
        assert!(untold.is_empty());
    }
}
