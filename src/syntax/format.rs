//! `dcsc fmt`: one canonical layout for every `.dcs` file.
//!
//! The formatter changes white space and nothing else: every comment, every
//! string byte for byte, every token is written in its order, so the
//! formatted file parses to the same tree (but for spans) and checks to the
//! same model. What it decides is where lines break and how they are
//! indented:
//!
//! - items start at the left margin, with at most one blank line between
//!   them (the author's blank lines are kept, runs of them shortened);
//! - an item the author wrote on one line stays on one line, its entries
//!   two spaces apart; any other item has its entries on lines of their
//!   own, indented two spaces, with `}` alone on the last line, and entries
//!   the author wrote on one line stay on one line, two spaces apart
//!   (entries have no separator, so `holds DCS DASS` is two entries that a
//!   missing comma made: splitting them would hide the mistake);
//! - inside an entry, runs of white space become one space (strings and
//!   comments untouched);
//! - the fields of one block that give their evidence (`per DOC "where"`)
//!   have their `per` clauses aligned in one column, as the shipped files
//!   align them by hand (a field too long to align gives its evidence after
//!   one space), and evidence the author put on a line of its own below a
//!   long field stays there, in that column;
//! - a comment keeps its place: on a line of its own (indented with the
//!   entries around it), or after the entry it follows on the same line;
//! - the file ends with one newline, and no line the formatter lays out
//!   ends in white space.
//!
//! What the canonical layout cannot express without moving a comment (a
//! comment inside an item's head, or inside one entry) is kept byte for
//! byte as written, and so is every comment's own text, so nothing is ever
//! lost.

use super::ast::{Entry, File, Item};
use super::error::SyntaxError;
use crate::source::{FileId, SourceFile};

/// How wide the text before an aligned `per` may be: a field longer than
/// this gives its evidence after one space, so one long line does not push
/// every other `per` far right.
const ALIGN_LIMIT: usize = 40;

/// How far a `per` clause on a line of its own is indented past the
/// entries, when no other field of the block sets the column.
const CONTINUATION: usize = 4;

/// A comment's byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Comment {
    start: usize,
    end: usize,
}

/// Why a file was not formatted.
#[derive(Debug)]
pub enum FormatError {
    /// The file does not parse; it is left as it is.
    Syntax(Vec<SyntaxError>),
    /// The layout worked out would change more than white space, or would
    /// not parse: a bug in the formatter, caught before anything is
    /// written.
    WouldChangeMeaning,
}

/// Formats a file's text, or says why it is left as it is.
pub fn format(file: FileId, source: &SourceFile) -> Result<String, FormatError> {
    let (tree, errors) = super::parse(file, source);
    if !errors.is_empty() {
        return Err(FormatError::Syntax(errors));
    }
    let formatted = Formatter::new(&source.text, &tree).file();
    // Only the count of items is compared by the check: the tree goes
    // before the formatted text is parsed, so a large file's two trees are
    // never held at once.
    let items = tree.items.len();
    drop(tree);
    checked(file, source, formatted, items).map(|formatted| formatted.text)
}

/// A text in the canonical layout, with what the formatter's own check
/// read back of it.
#[derive(Debug)]
pub struct Formatted {
    /// The text in the canonical layout.
    pub text: String,
    /// The text read back as a source file (with the original's origin).
    pub source: SourceFile,
    /// The text read back: it parses with no errors, to as many items as
    /// the original.
    pub tree: File,
}

/// Formats a text already parsed with no syntax errors (`tree` is
/// `source` parsed as `file`), and gives the formatted text with the tree
/// the formatter's own check parsed of it: a caller that goes on to read
/// the formatted text (to format it again, or check it) need not parse it
/// a second time.
pub fn format_parsed(file: FileId, source: &SourceFile, tree: &File) -> Result<Formatted, FormatError> {
    let formatted = Formatter::new(&source.text, tree).file();
    checked(file, source, formatted, tree.items.len())
}

/// The formatter's own check of its layout of `source`, which parsed to
/// `items` items: the promise is white space only, checked on every
/// file, so a mistake in the layout can never reach the disk.
fn checked(file: FileId, source: &SourceFile, formatted: String, items: usize) -> Result<Formatted, FormatError> {
    let reparsed = SourceFile::new(source.origin.clone(), &formatted);
    let (retree, reerrors) = super::parse(file, &reparsed);
    if significant(&formatted) != significant(&source.text) || !reerrors.is_empty() || retree.items.len() != items {
        return Err(FormatError::WouldChangeMeaning);
    }
    Ok(Formatted {
        text: formatted,
        source: reparsed,
        tree: retree,
    })
}

/// A text without its white space outside strings and comments: two texts
/// with the same significant text differ in layout only.
fn significant(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            ' ' | '\t' | '\r' | '\n' => {}
            '"' => {
                out.push('"');
                while let Some(inner) = characters.next() {
                    out.push(inner);
                    match inner {
                        '\\' => {
                            if let Some(escaped) = characters.next() {
                                out.push(escaped);
                            }
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '/' if characters.peek() == Some(&'/') => {
                out.push('/');
                for inner in characters.by_ref() {
                    if inner == '\n' {
                        break;
                    }
                    out.push(inner);
                }
                // A line comment ends at the line's end: marked, so that
                // joining the next line onto it would be seen.
                out.push('\n');
            }
            '/' if characters.peek() == Some(&'*') => {
                out.push('/');
                // The `*` of `/*` opens the comment and cannot also close
                // it: `/*/` is no comment of its own.
                if let Some(star) = characters.next() {
                    out.push(star);
                }
                let mut previous = '\0';
                for inner in characters.by_ref() {
                    out.push(inner);
                    if previous == '*' && inner == '/' {
                        break;
                    }
                    previous = inner;
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// One thing laid out on a line of a block or of the file.
enum Piece<'a> {
    /// An entry or item, already in its canonical words.
    Code(Code<'a>),
    /// A comment on a line of its own.
    Comment(&'a str),
    /// A blank line the author left.
    Blank,
}

/// An entry or item laid out.
struct Code<'a> {
    /// Its words up to its evidence (all of them, if it gives none).
    text: String,
    /// Its `per DOC "where"` clause, if it gives one.
    evidence: Option<Evidence>,
    /// The comments after it on the same line: block comments, then at
    /// most one line comment.
    trailing: Vec<&'a str>,
}

/// A field's evidence clause.
struct Evidence {
    /// `per DOC "where"`.
    text: String,
    /// Whether the author put it on a line of its own below the field (a
    /// long field, say): kept so, aligned with the others.
    broken: bool,
}

impl<'a> Code<'a> {
    fn plain(text: String) -> Code<'a> {
        Code {
            text,
            evidence: None,
            trailing: Vec::new(),
        }
    }
}

struct Formatter<'a> {
    text: &'a str,
    tree: &'a File,
    comments: Vec<Comment>,
}

impl<'a> Formatter<'a> {
    fn new(text: &'a str, tree: &'a File) -> Formatter<'a> {
        Formatter {
            text,
            tree,
            comments: tree
                .comments
                .iter()
                .map(|comment| Comment {
                    start: comment.span.start as usize,
                    end: comment.span.end as usize,
                })
                .collect(),
        }
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    /// The comments wholly inside a byte range.
    fn comments_in(&self, start: usize, end: usize) -> Vec<Comment> {
        self.comments
            .iter()
            .copied()
            .filter(|comment| comment.start >= start && comment.end <= end)
            .collect()
    }

    /// Whether the gap between two positions holds a blank line.
    fn blank_between(&self, start: usize, end: usize) -> bool {
        // A blank line is two line breaks with only white space between.
        let gap = self.slice(start, end);
        let mut breaks = 0;
        for character in gap.chars() {
            match character {
                '\n' => {
                    breaks += 1;
                    if breaks >= 2 {
                        return true;
                    }
                }
                ' ' | '\t' | '\r' => {}
                _ => breaks = 0,
            }
        }
        false
    }

    /// Whether a position is on the same line as an earlier one (no line
    /// break between them).
    fn same_line(&self, earlier: usize, later: usize) -> bool {
        !self.slice(earlier, later).contains('\n')
    }

    fn file(&self) -> String {
        let mut pieces: Vec<Piece<'_>> = Vec::new();
        let mut position = 0;
        let mut previous_end: Option<usize> = None;
        for item in &self.tree.items {
            let start = item.span.start as usize;
            let end = item.span.end as usize;
            self.gap(position, start, previous_end, &mut pieces);
            pieces.push(Piece::Code(Code::plain(self.item(item))));
            position = end;
            previous_end = Some(end);
        }
        self.gap(position, self.text.len(), previous_end, &mut pieces);
        let mut out = lay_out(pieces, "");
        while out.starts_with('\n') {
            out.remove(0);
        }
        let trimmed = out.trim_end_matches('\n').to_owned();
        if trimmed.is_empty() {
            return String::new();
        }
        format!("{trimmed}\n")
    }

    /// The comments and blank lines between two pieces of code: a comment
    /// on the line of the code before it follows that code.
    fn gap(&self, start: usize, end: usize, previous_end: Option<usize>, pieces: &mut Vec<Piece<'a>>) {
        let mut position = start;
        for comment in self.comments_in(start, end) {
            // Every comment on the line the code ends on stays on that line,
            // after it.
            let trailing = previous_end.is_some_and(|after| self.same_line(after, comment.start));
            if trailing {
                if let Some(Piece::Code(code)) = pieces.last_mut() {
                    code.trailing.push(self.slice(comment.start, comment.end));
                    position = comment.end;
                    continue;
                }
            }
            if self.blank_between(position, comment.start) && !pieces.is_empty() {
                pieces.push(Piece::Blank);
            }
            pieces.push(Piece::Comment(self.slice(comment.start, comment.end)));
            position = comment.end;
        }
        if self.blank_between(position, end) && !pieces.is_empty() {
            pieces.push(Piece::Blank);
        }
    }

    /// An item in its canonical layout.
    fn item(&self, item: &Item) -> String {
        let start = item.span.start as usize;
        let end = item.span.end as usize;
        let Some(open) = self.open_brace(item) else {
            return verbatim(self.slice(start, end));
        };
        let head_comments = self.comments_in(start, open);
        let entries: Vec<(usize, usize)> = item
            .entries
            .iter()
            .map(|entry| {
                let span = entry.span();
                (span.start as usize, span.end as usize)
            })
            .collect();
        let in_entry = entries
            .iter()
            .any(|(from, to)| !self.comments_in(*from, *to).is_empty());
        if !head_comments.is_empty() {
            // A comment inside the head cannot move without changing what
            // it is about: the item stays as written.
            return verbatim(self.slice(start, end));
        }
        let head = collapse(self.slice(start, open));
        let close = end.saturating_sub(1);
        let block_comments = self.comments_in(open, close);
        let one_line = self.same_line(start, end) && block_comments.is_empty() && !in_entry;
        if entries.is_empty() && block_comments.is_empty() {
            return format!("{head} {{}}");
        }
        if one_line {
            let words: Vec<String> = entries
                .iter()
                .map(|(from, to)| collapse(self.slice(*from, *to)))
                .collect();
            return format!("{head} {{ {} }}", words.join("  "));
        }
        let pieces = self.block(item, &entries, open, close);
        format!("{head} {{\n{}}}", lay_out(pieces, "  "))
    }

    /// The lines of a multi-line block, between its braces at `open` and
    /// `close`: its entries (at `entries`) with the comments and blank
    /// lines between them.
    fn block(&self, item: &Item, entries: &[(usize, usize)], open: usize, close: usize) -> Vec<Piece<'a>> {
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        let mut position = open + 1;
        let mut previous_end = None;
        for (entry, (from, to)) in item.entries.iter().zip(entries) {
            self.gap(position, *from, previous_end, &mut pieces);
            let piece = self.entry(entry, *from, *to);
            // Entries the author wrote on one line stay on one line: with no
            // separator between entries, `holds DCS DASS` is two entries
            // that a missing comma made, and splitting them would hide it.
            // (Block comments between them stay between them: a line comment
            // would have ended the line.)
            let shares_line = previous_end.is_some_and(|end| end == position && self.same_line(end, *from));
            let broken = |code: &Code<'_>| code.evidence.as_ref().is_some_and(|evidence| evidence.broken);
            match (pieces.last_mut(), piece) {
                (Some(Piece::Code(previous)), Piece::Code(code))
                    if shares_line && !broken(previous) && !broken(&code) =>
                {
                    join(previous, code);
                }
                (_, piece) => pieces.push(piece),
            }
            position = *to;
            previous_end = Some(*to);
        }
        self.gap(position, close, previous_end, &mut pieces);
        // No blank line just inside the braces.
        while matches!(pieces.first(), Some(Piece::Blank)) {
            pieces.remove(0);
        }
        while matches!(pieces.last(), Some(Piece::Blank)) {
            pieces.pop();
        }
        pieces
    }

    /// The `{` that opens an item's block: the first after its head.
    fn open_brace(&self, item: &Item) -> Option<usize> {
        let start = item.span.start as usize;
        let end = item.span.end as usize;
        let first_entry = item.entries.first().map_or(end, |entry| entry.span().start as usize);
        let head = self.slice(start, first_entry);
        // The head holds no strings, so the first `{` outside a comment is
        // the block's.
        let mut index = 0;
        let bytes = head.as_bytes();
        while let Some(&byte) = bytes.get(index) {
            match byte {
                b'{' => return Some(start + index),
                b'/' if bytes.get(index + 1) == Some(&b'/') => {
                    index = head
                        .get(index..)
                        .and_then(|rest| rest.find('\n'))
                        .map_or(bytes.len(), |offset| index + offset);
                }
                b'/' if bytes.get(index + 1) == Some(&b'*') => {
                    index = head
                        .get(index + 2..)
                        .and_then(|rest| rest.find("*/"))
                        .map_or(bytes.len(), |offset| index + 2 + offset + 2);
                }
                _ => index += 1,
            }
        }
        None
    }

    /// One entry of a multi-line block.
    fn entry(&self, entry: &Entry, from: usize, to: usize) -> Piece<'a> {
        if !self.comments_in(from, to).is_empty() {
            // A comment inside the entry stays where it is.
            return Piece::Code(Code::plain(verbatim(self.slice(from, to))));
        }
        let evidence = match entry {
            Entry::Field(field) => field.evidence.as_ref(),
            Entry::Rule(_)
            | Entry::Condition(_)
            | Entry::Words(_)
            | Entry::Tag(_)
            | Entry::Expect(_)
            | Entry::Edit(_) => None,
        };
        let Some(evidence) = evidence else {
            return Piece::Code(Code::plain(collapse(self.slice(from, to))));
        };
        let per = evidence.span.start as usize;
        let before = self.slice(from, per);
        Piece::Code(Code {
            text: collapse(before),
            evidence: Some(Evidence {
                text: collapse(self.slice(per, to)),
                broken: before.trim_end_matches([' ', '\t']).ends_with('\n'),
            }),
            trailing: Vec::new(),
        })
    }
}

/// An entry written on the line of the one before, joined onto it two
/// spaces after it (and its evidence and trailing comments).
fn join(previous: &mut Code<'_>, code: Code<'_>) {
    if let Some(evidence) = previous.evidence.take() {
        previous.text.push(' ');
        previous.text.push_str(&evidence.text);
    }
    for comment in previous.trailing.drain(..) {
        previous.text.push_str("  ");
        previous.text.push_str(comment);
    }
    previous.text.push_str("  ");
    previous.text.push_str(&code.text);
    if let Some(evidence) = code.evidence {
        previous.text.push(' ');
        previous.text.push_str(&evidence.text);
    }
}

/// Pieces as lines, each indented, with the evidence of a block's fields
/// aligned in one column.
fn lay_out(pieces: Vec<Piece<'_>>, indent: &str) -> String {
    let column = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Code(Code {
                text,
                evidence: Some(Evidence { broken: false, .. }),
                ..
            }) => Some(text.chars().count()),
            Piece::Code(_) | Piece::Comment(_) | Piece::Blank => None,
        })
        .filter(|width| *width <= ALIGN_LIMIT)
        .max();
    // Sized once, to at most what is written: a large file's text grown by
    // doubling would hold up to twice itself; and each piece goes once
    // written, so the pieces and the text are not both held whole.
    let padding = column.map_or(CONTINUATION, |column| column + 1).max(CONTINUATION);
    let most: usize = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Blank => 1,
            Piece::Comment(text) => indent.len() + text.len() + 1,
            Piece::Code(code) => {
                indent.len()
                    + code.text.len()
                    + code
                        .evidence
                        .as_ref()
                        .map_or(0, |evidence| 1 + indent.len() + padding + evidence.text.len())
                    + code.trailing.iter().map(|comment| comment.len() + 2).sum::<usize>()
                    + 1
            }
        })
        .sum();
    let mut out = String::with_capacity(most);
    for piece in pieces {
        match piece {
            Piece::Blank => out.push('\n'),
            Piece::Comment(text) => {
                out.push_str(indent);
                out.push_str(text);
                out.push('\n');
            }
            Piece::Code(code) => {
                out.push_str(indent);
                out.push_str(&code.text);
                if let Some(evidence) = &code.evidence {
                    let width = code.text.chars().count();
                    if evidence.broken {
                        out.push('\n');
                        out.push_str(indent);
                        out.push_str(&" ".repeat(column.map_or(CONTINUATION, |column| column + 1)));
                    } else {
                        let gap = column
                            .filter(|column| width <= *column)
                            .map_or(1, |column| column - width + 1);
                        out.push_str(&" ".repeat(gap));
                    }
                    out.push_str(&evidence.text);
                }
                for comment in &code.trailing {
                    out.push_str("  ");
                    out.push_str(comment);
                }
                out.push('\n');
            }
        }
    }
    out
}

/// White space outside strings and comments made single spaces, the ends
/// trimmed. Strings are kept byte for byte.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    let mut pending_space = false;
    while let Some(character) = characters.next() {
        match character {
            ' ' | '\t' | '\r' | '\n' => pending_space = true,
            '"' => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push('"');
                while let Some(inner) = characters.next() {
                    out.push(inner);
                    match inner {
                        '\\' => {
                            if let Some(escaped) = characters.next() {
                                out.push(escaped);
                            }
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            other => {
                if pending_space && !out.is_empty() && !matches!(other, ',') {
                    out.push(' ');
                }
                pending_space = false;
                out.push(other);
            }
        }
    }
    out
}

/// Text kept as written, byte for byte: a comment inside a head or an
/// entry, or a string over several lines, may say something its author laid
/// out by hand, so the formatter does not guess at re-indenting it.
fn verbatim(text: &str) -> String {
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn white_space_collapses_outside_strings_only() {
        assert_eq!(collapse("holds   DCS ,  DASS"), "holds DCS, DASS");
        assert_eq!(collapse("text \"a   b\\\"  c\"  "), "text \"a   b\\\"  c\"");
        assert_eq!(collapse("  per doc   \"x\""), "per doc \"x\"");
    }
}
