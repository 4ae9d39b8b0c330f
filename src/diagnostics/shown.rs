//! The source files as codespan is given them: only the files labels
//! point into, with hidden characters shown and very long lines cut, and
//! every label moved to match.

use std::collections::BTreeMap;

use codespan_reporting::diagnostic::{self as cs, LabelStyle};
use codespan_reporting::files::SimpleFiles;

use super::{bounded, Label};
use crate::source::{FileId, SourceMap};
use crate::visible;

/// The source files that labels point into, each given to codespan once,
/// with its name and text made safe to print: hidden characters (see
/// [`crate::visible`]) are shown as `\u{…}`, and label spans are moved to
/// match. Only the files labels point into are built, so rendering is in
/// proportion to what is shown, however many files the run has read.
/// A snippet's lines are the shown text's, but every location printed
/// (`file:line:column`) is the source file's own.
pub(super) struct FileSet<'s> {
    sources: &'s SourceMap,
    files: SimpleFiles<String, String>,
    shown: BTreeMap<FileId, ShownFile>,
    /// Each codespan id's file, in the order given.
    by_id: Vec<FileId>,
}

/// One file as given to codespan.
struct ShownFile {
    /// Its id in [`FileSet::files`].
    id: usize,
    /// Where each stretch of the source text starts in the shown text,
    /// in order: a hidden character is shown as `\u{…}`, and the middle of
    /// a very long line as one "…".
    stretches: Vec<Stretch>,
}

/// A stretch of a source text as shown.
#[derive(Clone, Copy)]
struct Stretch {
    /// Where it starts in the source text.
    source: usize,
    /// Where it starts in the shown text.
    shown: usize,
    /// Whether it is shown as written, byte for byte; otherwise every
    /// offset inside it is shown at its start (a hidden character, or an
    /// elided part of a long line).
    verbatim: bool,
}

/// A line longer than this many bytes is shown in part: a window around
/// each point a label starts or ends on it. A snippet of a 12 MB line
/// would otherwise be the whole 12 MB.
const LONG_LINE: usize = 400;

/// How many bytes either side of a label's start or end a long line keeps.
const WINDOW: usize = 60;

impl ShownFile {
    /// Where a byte offset of the shown text is in the source text.
    fn source_offset(&self, offset: usize) -> usize {
        let at = self.stretches.partition_point(|stretch| stretch.shown <= offset);
        match at.checked_sub(1).and_then(|index| self.stretches.get(index)) {
            Some(stretch) if stretch.verbatim => stretch.source + (offset - stretch.shown),
            Some(stretch) => stretch.source,
            None => offset,
        }
    }

    /// Where a byte offset of the source text is in the shown text.
    fn offset(&self, offset: usize) -> usize {
        let at = self.stretches.partition_point(|stretch| stretch.source <= offset);
        match at.checked_sub(1).and_then(|index| self.stretches.get(index)) {
            Some(stretch) if stretch.verbatim => stretch.shown + (offset - stretch.source),
            Some(stretch) => stretch.shown,
            None => offset,
        }
    }
}

/// The shown text of a file, built stretch by stretch.
struct Shown<'a> {
    source: &'a str,
    text: String,
    stretches: Vec<Stretch>,
}

impl Shown<'_> {
    fn stretch(&mut self, source: usize, verbatim: bool) {
        let shown = self.text.len();
        match self.stretches.last_mut() {
            // Two verbatim stretches in a row are one.
            Some(last) if verbatim && last.verbatim && last.shown + (source - last.source) == shown => {}
            Some(last) if last.source == source => {
                *last = Stretch {
                    source,
                    shown,
                    verbatim,
                }
            }
            _ => self.stretches.push(Stretch {
                source,
                shown,
                verbatim,
            }),
        }
    }

    /// Copies `from..to` of the source, each hidden character shown.
    fn keep(&mut self, from: usize, to: usize) {
        let Some(part) = self.source.get(from..to) else {
            return;
        };
        self.stretch(from, true);
        if !visible::has_hidden(part) {
            self.text.push_str(part);
            return;
        }
        // Copied a run at a time between hidden characters (almost always
        // one run, the whole part), not a character at a time: that was a
        // tenth of a council's run once the guidance was no longer parsed.
        let mut copied = 0;
        for (index, c) in part.char_indices().filter(|(_, c)| visible::is_hidden(*c)) {
            self.text.push_str(part.get(copied..index).unwrap_or(""));
            self.stretch(from + index, false);
            self.text.push_str(&visible::shown(c));
            copied = index + c.len_utf8();
            self.stretch(from + copied, true);
        }
        self.text.push_str(part.get(copied..).unwrap_or(""));
    }

    /// Shows `from..to` of the source as one "…".
    fn elide(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        self.stretch(from, false);
        self.text.push('…');
        self.stretch(to, true);
    }

    /// One line (without its line break): whole if it is short, else the
    /// windows around `points` (the labels' ends on it), or its start if
    /// there are none.
    fn line(&mut self, start: usize, end: usize, points: &[usize]) {
        if end - start <= LONG_LINE {
            self.keep(start, end);
            return;
        }
        let boundary = |offset: usize, forward: bool| {
            let mut offset = offset.clamp(start, end);
            while !self.source.is_char_boundary(offset) {
                offset = if forward { offset + 1 } else { offset - 1 };
            }
            offset
        };
        let mut windows: Vec<(usize, usize)> = points
            .iter()
            .filter(|point| (start..=end).contains(*point))
            .map(|point| {
                (
                    boundary(point.saturating_sub(WINDOW), false),
                    boundary(point.saturating_add(WINDOW), true),
                )
            })
            .collect();
        if windows.is_empty() {
            windows.push((start, boundary(start + 2 * WINDOW, true)));
        }
        windows.sort_unstable();
        let mut position = start;
        for (from, to) in windows {
            let from = from.max(position);
            if to <= position {
                continue;
            }
            self.elide(position, from);
            self.keep(from, to);
            position = to;
        }
        self.elide(position, end);
    }
}

impl<'a> codespan_reporting::files::Files<'a> for FileSet<'_> {
    type FileId = usize;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<String, codespan_reporting::files::Error> {
        self.files.name(id)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, codespan_reporting::files::Error> {
        self.files.source(id)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, codespan_reporting::files::Error> {
        self.files.line_index(id, byte_index)
    }

    fn line_range(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        self.files.line_range(id, line_index)
    }

    /// The source file's own line and column, not the shown text's (which
    /// differ where a hidden character is escaped or a long line cut).
    fn location(
        &'a self,
        id: usize,
        byte_index: usize,
    ) -> Result<codespan_reporting::files::Location, codespan_reporting::files::Error> {
        let source = self
            .by_id
            .get(id)
            .and_then(|file| Some((self.shown.get(file)?, self.sources.get(*file)?)));
        let Some((shown, source)) = source else {
            return Err(codespan_reporting::files::Error::FileMissing);
        };
        let (line_number, column_number) = source.line_column(shown.source_offset(byte_index));
        Ok(codespan_reporting::files::Location {
            line_number,
            column_number,
        })
    }
}

impl<'s> FileSet<'s> {
    pub(super) fn of<'l>(sources: &'s SourceMap, labels: impl IntoIterator<Item = &'l Label>) -> FileSet<'s> {
        let mut set = FileSet {
            sources,
            files: SimpleFiles::new(),
            shown: BTreeMap::new(),
            by_id: Vec::new(),
        };
        let mut points: BTreeMap<FileId, Vec<usize>> = BTreeMap::new();
        for label in labels {
            let range = label.span.range();
            points
                .entry(label.span.file)
                .or_default()
                .extend([range.start, range.end]);
        }
        for (file, mut points) in points {
            let Some(source) = sources.get(file) else {
                continue;
            };
            points.sort_unstable();
            let mut shown = Shown {
                source: &source.text,
                text: String::with_capacity(source.text.len()),
                stretches: Vec::new(),
            };
            let mut start = 0;
            for line in source.text.split_inclusive('\n') {
                let end = start + line.trim_end_matches('\n').len();
                let first = points.partition_point(|point| *point < start);
                let last = points.partition_point(|point| *point <= end);
                shown.line(start, end, points.get(first..last).unwrap_or(&[]));
                shown.keep(end, start + line.len());
                start += line.len();
            }
            let id = set.files.add(visible::escape(source.name()).into_owned(), shown.text);
            set.by_id.push(file);
            set.shown.insert(
                file,
                ShownFile {
                    id,
                    stretches: shown.stretches,
                },
            );
        }
        set
    }

    /// The source files the labels point into.
    pub(super) fn sources(&self) -> &'s SourceMap {
        self.sources
    }

    /// A label in codespan's terms, or `None` if its file is not known.
    pub(super) fn label(&self, style: LabelStyle, label: &Label) -> Option<cs::Label<usize>> {
        let file = self.shown.get(&label.span.file)?;
        let range = label.span.range();
        Some(
            cs::Label::new(style, file.id, file.offset(range.start)..file.offset(range.end))
                .with_message(bounded(&visible::escape(&label.message))),
        )
    }

    /// How many files were given to codespan.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.shown.len()
    }
}
