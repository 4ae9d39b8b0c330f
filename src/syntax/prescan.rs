//! A cheap pass over the raw text before pest sees it.
//!
//! It finds what pest reports badly or cannot survive (NUL bytes,
//! unterminated strings and comments, unclosed braces, nesting deep enough
//! to threaten the stack) and cuts the file into top-level items, so that a
//! syntax error in one item does not hide the errors in the next.

use super::ast::{Comment, CommentKind, ItemKind};
use super::error::SyntaxError;
use crate::source::{FileId, Span};

/// How deep parentheses and braces may nest.
pub const NESTING_LIMIT: usize = 128;

/// A byte range of the file holding one top-level item (and the trivia
/// before it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The chunks to parse and the errors found on the way that did not stop
/// the scan.
#[derive(Clone, Debug, Default)]
pub struct Prescan {
    /// Item chunks in source order.
    pub chunks: Vec<Chunk>,
    /// Errors that leave the other chunks parseable (an unclosed brace,
    /// an empty file).
    pub errors: Vec<SyntaxError>,
    /// Every comment, in source order: the scan has to know where they
    /// are anyway, to skip them.
    pub comments: Vec<Comment>,
}

/// Cuts `text` into item chunks, or explains why it cannot be parsed at
/// all.
pub fn chunks(file: FileId, text: &str) -> Result<Prescan, Vec<SyntaxError>> {
    if let Some(index) = text.find('\0') {
        return Err(vec![SyntaxError::NulByte {
            span: Span::new(file, index, index + 1),
        }]);
    }
    let mut scanner = Scanner::new(file, text);
    scanner.scan().map_err(|error| vec![error])?;
    Ok(scanner.finish())
}

/// An item being read: where it starts, whether anything but trivia has
/// been seen since, and where its parse must stop.
struct Pending {
    start: usize,
    has_content: bool,
    /// The `}` that closed its item, when text follows that belongs to no
    /// item.
    cut: Option<usize>,
}

/// The pre-scan's state, with one method for each construct it steps
/// over: each is handed the construct's first byte's index and returns
/// where the next construct starts.
struct Scanner<'a> {
    file: FileId,
    text: &'a str,
    bytes: &'a [u8],
    braces: Vec<usize>,
    parens: Vec<usize>,
    /// Never empty: the item being read is the last.
    pending: Vec<Pending>,
    /// The `}` that last brought the braces back to none, in this chunk.
    closed: Option<usize>,
    stray_errors: Vec<SyntaxError>,
    comments: Vec<Comment>,
}

impl<'a> Scanner<'a> {
    fn new(file: FileId, text: &'a str) -> Self {
        Scanner {
            file,
            text,
            bytes: text.as_bytes(),
            braces: Vec::new(),
            parens: Vec::new(),
            pending: vec![Pending {
                start: 0,
                has_content: false,
                cut: None,
            }],
            closed: None,
            stray_errors: Vec::new(),
            comments: Vec::new(),
        }
    }

    /// Steps over the text construct by construct, or stops at the first
    /// error that leaves nothing parseable. Where it is, and whether that
    /// is at the start of a line, are kept here rather than in the scanner,
    /// as the loop is the pre-scan's hot path.
    fn scan(&mut self) -> Result<(), SyntaxError> {
        let bytes = self.bytes;
        let mut index = 0;
        let mut at_line_start = true;
        while let Some(&byte) = bytes.get(index) {
            (index, at_line_start) = match byte {
                b'\n' => (index + 1, true),
                b' ' | b'\t' | b'\r' => (index + 1, at_line_start),
                b'/' if bytes.get(index + 1) == Some(&b'/') => (self.line_comment(index), at_line_start),
                b'/' if bytes.get(index + 1) == Some(&b'*') => (self.block_comment(index)?, at_line_start),
                b'"' => (self.string(index)?, false),
                b'{' | b'(' => (self.open(index, byte)?, false),
                b'}' | b')' => (self.close(index, byte), false),
                // An item starts at the start of a line, or after the `}`
                // that closed the one before (two items on one line).
                _ if (at_line_start || self.closed.is_some())
                    && self.braces.is_empty()
                    && byte.is_ascii_alphabetic() =>
                {
                    (self.word(index), false)
                }
                _ => (self.other(index, byte), false),
            };
        }
        Ok(())
    }

    /// `// …` up to the end of its line.
    fn line_comment(&mut self, index: usize) -> usize {
        let end = self
            .text
            .get(index..)
            .and_then(|rest| rest.find('\n'))
            .map_or(self.bytes.len(), |offset| index + offset);
        self.comments.push(Comment {
            span: Span::new(self.file, index, end),
            kind: CommentKind::Line,
        });
        end
    }

    /// `/* … */`, which must be closed.
    fn block_comment(&mut self, index: usize) -> Result<usize, SyntaxError> {
        let Some(offset) = self.text.get(index + 2..).and_then(|rest| rest.find("*/")) else {
            return Err(SyntaxError::UnterminatedComment {
                span: Span::new(self.file, index, index + 2),
            });
        };
        let end = index + 2 + offset + 2;
        self.comments.push(Comment {
            span: Span::new(self.file, index, end),
            kind: CommentKind::Block,
        });
        Ok(end)
    }

    /// A quoted string, which must be closed.
    fn string(&mut self, index: usize) -> Result<usize, SyntaxError> {
        let mut end = index + 1;
        loop {
            match self.bytes.get(end) {
                None => {
                    return Err(SyntaxError::UnterminatedString {
                        span: Span::new(self.file, index, index + 1),
                    })
                }
                Some(b'\\') => end += 2,
                Some(b'"') => break,
                Some(_) => end += 1,
            }
        }
        self.stray(index, end + 1);
        self.content();
        Ok(end + 1)
    }

    /// A `{` or `(`.
    fn open(&mut self, index: usize, byte: u8) -> Result<usize, SyntaxError> {
        if self.braces.is_empty() {
            self.stray(index, index + 1);
        }
        let stack = if byte == b'{' {
            &mut self.braces
        } else {
            &mut self.parens
        };
        stack.push(index);
        if stack.len() > NESTING_LIMIT {
            return Err(SyntaxError::TooDeep {
                span: Span::new(self.file, index, index + 1),
                limit: NESTING_LIMIT,
            });
        }
        self.content();
        Ok(index + 1)
    }

    /// A `}` or `)`.
    fn close(&mut self, index: usize, byte: u8) -> usize {
        if self.braces.is_empty() {
            // A `}` with nothing open: the end of an item already closed.
            self.stray(index, index + 1);
        }
        let stack = if byte == b'}' {
            &mut self.braces
        } else {
            &mut self.parens
        };
        stack.pop();
        if byte == b'}' && self.braces.is_empty() && self.pending.last().is_some_and(|item| item.cut.is_none()) {
            self.closed = Some(index);
        }
        self.content();
        index + 1
    }

    /// A word where an item may start: an item's keyword starts the next
    /// chunk, once this one holds anything.
    fn word(&mut self, index: usize) -> usize {
        let end = self
            .text
            .get(index..)
            .and_then(|rest| rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')))
            .map_or(self.bytes.len(), |offset| index + offset);
        let word = self.text.get(index..end).unwrap_or("");
        if ItemKind::from_keyword(word).is_some() && self.pending.last().is_some_and(|item| item.has_content) {
            self.pending.push(Pending {
                start: index,
                has_content: false,
                cut: None,
            });
            self.closed = None;
            self.parens.clear();
        } else {
            self.stray(index, end);
        }
        self.content();
        end.max(index + 1)
    }

    /// Any other character.
    fn other(&mut self, index: usize, byte: u8) -> usize {
        // Step over a whole UTF-8 character so slices stay on character
        // boundaries. Most text is ASCII, one byte a character.
        let width = if byte.is_ascii() {
            1
        } else {
            self.text
                .get(index..)
                .and_then(|rest| rest.chars().next())
                .map_or(1, char::len_utf8)
        };
        if self.braces.is_empty() {
            self.stray(index, index + width);
        }
        self.content();
        index + width
    }

    /// Text found where no item is open: after the `}` that closed the
    /// chunk's item (`closed`), it is outside any item. The first such text
    /// in a chunk is reported, and the chunk is cut at that `}` so the item
    /// itself still parses. Before any item closes, text is an item's head.
    fn stray(&mut self, start: usize, end: usize) {
        let (Some(close), Some(item)) = (self.closed, self.pending.last_mut()) else {
            return;
        };
        if item.cut.is_some() {
            return;
        }
        item.cut = Some(close);
        self.stray_errors.push(SyntaxError::OutsideItem {
            span: Span::new(self.file, start, end),
            closed_by: Span::new(self.file, close, close + 1),
        });
    }

    /// Something other than trivia: the item being read holds it.
    fn content(&mut self) {
        if let Some(item) = self.pending.last_mut() {
            item.has_content = true;
        }
    }

    /// The chunks to parse, once the whole text is scanned.
    fn finish(self) -> Prescan {
        let file = self.file;
        let mut errors = self.stray_errors;
        let unclosed_at = self.braces.last().copied();
        if let Some(open) = unclosed_at {
            errors.push(SyntaxError::Unclosed {
                span: Span::new(file, open, open + 1),
            });
        }
        let mut chunks = Vec::new();
        for (position, item) in self.pending.iter().enumerate() {
            let next = self
                .pending
                .get(position + 1)
                .map_or(self.bytes.len(), |next| next.start);
            // Text outside any item was reported; the item before it still
            // parses, up to its own `}`.
            let end = item.cut.map_or(next, |close| close + 1);
            let holds_unclosed = unclosed_at.is_some_and(|open| open >= item.start && open < end);
            // A chunk with an unclosed brace would only repeat the error above.
            if item.has_content && !holds_unclosed {
                chunks.push(Chunk { start: item.start, end });
            }
        }
        if chunks.is_empty() && errors.is_empty() {
            errors.push(SyntaxError::EmptyFile {
                span: Span::new(file, 0, 0),
            });
        }
        Prescan {
            chunks,
            errors,
            comments: self.comments,
        }
    }
}
