//! Source files and the spans that point into them.
//!
//! Every node of the syntax tree, every fact of the checked model and every
//! fact an explanation quotes carries a [`Span`], so any message can point at
//! the text that caused it.

use std::fmt;

/// The name standard input is given in messages: the name of its source
/// file, which the reader gives it and the parser asks after (standard
/// input has no `.json` to tell JSON arrangements by).
pub const STDIN_NAME: &str = "<stdin>";

/// Identifies one loaded source file inside a [`SourceMap`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct FileId(pub u32);

impl fmt::Debug for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "file#{}", self.0)
    }
}

/// A byte range in one source file.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}@{}..{}", self.file, self.start, self.end)
    }
}

impl Span {
    /// A span over `start..end` in `file`, saturating offsets that do not fit
    /// in `u32` (files that large are refused before parsing).
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span {
            file,
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// The smallest span covering both `self` and `other` (same file).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The byte range as `usize`s.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Where a source file came from: how it is named in messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file read from disk; the name is the path as the user gave it.
    Path(String),
    /// A policy compiled into the binary; the name is its path in the
    /// repository.
    Embedded(String),
}

/// One loaded source file. Its text is what was parsed: a leading byte
/// order mark is removed and CRLF and lone CR line endings are read as LF,
/// so spans, lines and columns agree whichever line endings the author
/// used.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Where the file came from.
    pub origin: Origin,
    /// The text as parsed.
    pub text: String,
    /// Where each line starts, as spans count (a large council has
    /// hundreds of thousands of lines; these are kept for the whole run).
    line_starts: Vec<u32>,
    /// The text as read, kept only when reading it changed it (a byte
    /// order mark, CRLF), so that a fingerprint is of the file's own bytes.
    as_read: Option<String>,
}

impl SourceFile {
    /// A file of this text, normalised (no byte order mark, LF line
    /// endings), outside any source map: the formatter reads its own
    /// output back this way.
    pub fn new(origin: Origin, text: &str) -> SourceFile {
        let normalised = normalise(text);
        let as_read = (normalised != text).then(|| text.to_owned());
        // Sized once: growing by doubling leaves the freed halves resident.
        let mut line_starts = Vec::with_capacity(normalised.bytes().filter(|byte| *byte == b'\n').count() + 1);
        line_starts.push(0);
        line_starts.extend(normalised.match_indices('\n').map(|(index, _)| offset(index + 1)));
        SourceFile {
            origin,
            text: normalised,
            line_starts,
            as_read,
        }
    }

    /// The file's bytes as read, before a byte order mark was removed and
    /// CRLF read as LF: what `sha256sum` reads (for a file that is UTF-8).
    pub fn bytes_as_read(&self) -> &[u8] {
        self.as_read.as_deref().unwrap_or(&self.text).as_bytes()
    }

    /// The name shown in messages.
    pub fn name(&self) -> &str {
        match &self.origin {
            Origin::Path(name) | Origin::Embedded(name) => name,
        }
    }

    /// Offsets at which each line starts.
    pub fn line_starts(&self) -> &[u32] {
        &self.line_starts
    }

    /// The line (1-based) of a byte offset, without counting its column:
    /// cheap however long the line.
    pub fn line_of(&self, at: usize) -> usize {
        match self.line_starts.binary_search(&offset(at)) {
            Ok(line) => line + 1,
            Err(next) => next.max(1),
        }
    }

    /// The line (1-based) and column (1-based, in characters) of a byte
    /// offset.
    pub fn line_column(&self, at: usize) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset(at)) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        };
        let start = self.line_starts.get(line).map_or(0, |start| *start as usize);
        let column = self
            .text
            .get(start..at.min(self.text.len()))
            .map(|prefix| prefix.chars().count())
            .unwrap_or(0);
        (line + 1, column + 1)
    }

    /// The text a span covers, or the empty string if the span is not in
    /// this file's bounds.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// All source files of one run.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Adds a file, normalising its text, and returns its id.
    pub fn add(&mut self, origin: Origin, text: &str) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::new(origin, text));
        id
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    /// Every file with its id, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(index, file)| (FileId(u32::try_from(index).unwrap_or(u32::MAX)), file))
    }

    /// The name of a file, for messages.
    pub fn name(&self, id: FileId) -> &str {
        self.get(id).map(SourceFile::name).unwrap_or("<unknown file>")
    }

    /// One-based line and column of the start of a span.
    pub fn line_column(&self, span: Span) -> (usize, usize) {
        self.get(span.file)
            .map(|file| file.line_column(span.start as usize))
            .unwrap_or((1, 1))
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        self.get(span.file).map(|file| file.slice(span)).unwrap_or("")
    }
}

/// A byte offset as spans hold it (a file past 4 GiB is refused when read,
/// so this never saturates in practice).
fn offset(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        // A lone CR (old Mac line endings) is a line break too, as editors
        // and the language server count it; it becomes LF in place, so
        // offsets after it do not move.
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}
