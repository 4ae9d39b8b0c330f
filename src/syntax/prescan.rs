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
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut at_line_start = true;
    let mut braces: Vec<usize> = Vec::new();
    let mut parens: Vec<usize> = Vec::new();
    let mut starts: Vec<usize> = vec![0];
    let mut has_content = vec![false];
    // Where each chunk's parse must stop: at the `}` that closed its item,
    // when text follows that belongs to no item.
    let mut cut: Vec<Option<usize>> = vec![None];
    // The `}` that last brought the braces back to none, in this chunk.
    let mut closed: Option<usize> = None;
    let mut stray_errors = Vec::new();
    let mut comments = Vec::new();
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\n' => {
                at_line_start = true;
                index += 1;
            }
            b' ' | b'\t' | b'\r' => index += 1,
            b'/' if bytes.get(index + 1) == Some(&b'/') => {
                let end = text
                    .get(index..)
                    .and_then(|rest| rest.find('\n'))
                    .map_or(bytes.len(), |offset| index + offset);
                comments.push(Comment {
                    span: Span::new(file, index, end),
                    kind: CommentKind::Line,
                });
                index = end;
            }
            b'/' if bytes.get(index + 1) == Some(&b'*') => {
                match text.get(index + 2..).and_then(|rest| rest.find("*/")) {
                    Some(offset) => {
                        let end = index + 2 + offset + 2;
                        comments.push(Comment {
                            span: Span::new(file, index, end),
                            kind: CommentKind::Block,
                        });
                        index = end;
                    }
                    None => {
                        return Err(vec![SyntaxError::UnterminatedComment {
                            span: Span::new(file, index, index + 2),
                        }])
                    }
                }
            }
            b'"' => {
                let mut end = index + 1;
                loop {
                    match bytes.get(end) {
                        None => {
                            return Err(vec![SyntaxError::UnterminatedString {
                                span: Span::new(file, index, index + 1),
                            }])
                        }
                        Some(b'\\') => end += 2,
                        Some(b'"') => break,
                        Some(_) => end += 1,
                    }
                }
                stray(file, index, end + 1, closed, &mut cut, &mut stray_errors);
                mark(&mut has_content);
                at_line_start = false;
                index = end + 1;
            }
            b'{' | b'(' => {
                if braces.is_empty() {
                    stray(file, index, index + 1, closed, &mut cut, &mut stray_errors);
                }
                let stack = if byte == b'{' { &mut braces } else { &mut parens };
                stack.push(index);
                if stack.len() > NESTING_LIMIT {
                    return Err(vec![SyntaxError::TooDeep {
                        span: Span::new(file, index, index + 1),
                        limit: NESTING_LIMIT,
                    }]);
                }
                mark(&mut has_content);
                at_line_start = false;
                index += 1;
            }
            b'}' | b')' => {
                if braces.is_empty() {
                    // A `}` with nothing open: the end of an item already
                    // closed.
                    stray(file, index, index + 1, closed, &mut cut, &mut stray_errors);
                }
                let stack = if byte == b'}' { &mut braces } else { &mut parens };
                stack.pop();
                if byte == b'}' && braces.is_empty() && cut.last() == Some(&None) {
                    closed = Some(index);
                }
                mark(&mut has_content);
                at_line_start = false;
                index += 1;
            }
            _ => {
                // An item starts at the start of a line, or after the `}`
                // that closed the one before (two items on one line).
                if (at_line_start || closed.is_some()) && braces.is_empty() && byte.is_ascii_alphabetic() {
                    let end = text
                        .get(index..)
                        .and_then(|rest| rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')))
                        .map_or(bytes.len(), |offset| index + offset);
                    let word = text.get(index..end).unwrap_or("");
                    if ItemKind::from_keyword(word).is_some() && has_content.last() == Some(&true) {
                        starts.push(index);
                        has_content.push(false);
                        cut.push(None);
                        closed = None;
                        parens.clear();
                    } else {
                        stray(file, index, end, closed, &mut cut, &mut stray_errors);
                    }
                    mark(&mut has_content);
                    at_line_start = false;
                    index = end.max(index + 1);
                } else {
                    if braces.is_empty() {
                        let width = text
                            .get(index..)
                            .and_then(|rest| rest.chars().next())
                            .map_or(1, char::len_utf8);
                        stray(file, index, index + width, closed, &mut cut, &mut stray_errors);
                    }
                    mark(&mut has_content);
                    at_line_start = false;
                    // Step over a whole UTF-8 character so slices stay on
                    // character boundaries.
                    index += text
                        .get(index..)
                        .and_then(|rest| rest.chars().next())
                        .map_or(1, char::len_utf8);
                }
            }
        }
    }
    let mut errors = stray_errors;
    let unclosed_at = braces.last().copied();
    if let Some(open) = unclosed_at {
        errors.push(SyntaxError::Unclosed {
            span: Span::new(file, open, open + 1),
        });
    }
    let mut chunks = Vec::new();
    for (position, &start) in starts.iter().enumerate() {
        let next = starts.get(position + 1).copied().unwrap_or(bytes.len());
        // Text outside any item was reported; the item before it still
        // parses, up to its own `}`.
        let end = match cut.get(position) {
            Some(Some(close)) => close + 1,
            _ => next,
        };
        let holds_unclosed = unclosed_at.is_some_and(|open| open >= start && open < end);
        // A chunk with an unclosed brace would only repeat the error above.
        if has_content.get(position) == Some(&true) && !holds_unclosed {
            chunks.push(Chunk { start, end });
        }
    }
    if chunks.is_empty() && errors.is_empty() {
        errors.push(SyntaxError::EmptyFile {
            span: Span::new(file, 0, 0),
        });
    }
    Ok(Prescan {
        chunks,
        errors,
        comments,
    })
}

/// Text found where no item is open: after the `}` that closed the
/// chunk's item (`closed`), it is outside any item. The first such text
/// in a chunk is reported, and the chunk is cut at that `}` so the item
/// itself still parses. Before any item closes, text is an item's head.
fn stray(
    file: FileId,
    start: usize,
    end: usize,
    closed: Option<usize>,
    cut: &mut [Option<usize>],
    errors: &mut Vec<SyntaxError>,
) {
    let (Some(close), Some(slot)) = (closed, cut.last_mut()) else {
        return;
    };
    if slot.is_some() {
        return;
    }
    *slot = Some(close);
    errors.push(SyntaxError::OutsideItem {
        span: Span::new(file, start, end),
        closed_by: Span::new(file, close, close + 1),
    });
}

fn mark(has_content: &mut [bool]) {
    if let Some(last) = has_content.last_mut() {
        *last = true;
    }
}
