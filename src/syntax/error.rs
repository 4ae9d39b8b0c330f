//! What can go wrong reading a file, as data. `crate::diagnostics` turns
//! each variant into a coded message.

use crate::date::DateError;
use crate::source::Span;

/// A problem found while reading or parsing a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    /// The file is not UTF-8 text.
    InvalidUtf8 {
        /// The first byte that is not UTF-8.
        span: Span,
    },
    /// The file could not be read at all.
    Unreadable {
        /// The path as given.
        path: String,
        /// Why, in the operating system's words.
        reason: String,
    },
    /// The input is larger than dcsc reads.
    TooLarge {
        /// The path as given (`<stdin>` for standard input).
        path: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file contains a NUL byte.
    NulByte {
        /// Where the first one is.
        span: Span,
    },
    /// A string is opened but never closed.
    UnterminatedString {
        /// The opening quote.
        span: Span,
    },
    /// A `/*` comment is never closed.
    UnterminatedComment {
        /// The opening `/*`.
        span: Span,
    },
    /// Text after the `}` that closed an item, before the next item: a
    /// stray `}` ended the item early, or words belong to no item.
    OutsideItem {
        /// The first text outside any item.
        span: Span,
        /// The `}` that closed the item before it.
        closed_by: Span,
    },
    /// A `{` is never closed.
    Unclosed {
        /// The brace.
        span: Span,
    },
    /// Parentheses or braces nest deeper than the limit.
    TooDeep {
        /// The bracket past the limit.
        span: Span,
        /// The limit.
        limit: usize,
    },
    /// The file holds no items.
    EmptyFile {
        /// The start of the file.
        span: Span,
    },
    /// The text does not fit the grammar.
    Unexpected {
        /// Where reading stopped.
        span: Span,
        /// What would have been accepted there, in words.
        expected: Vec<&'static str>,
        /// What was found there.
        found: Token,
    },
    /// A date that is malformed or does not exist.
    InvalidDate {
        /// The date.
        span: Span,
        /// What is wrong with it.
        error: DateError,
    },
    /// A number too large to be meant.
    NumberTooLarge {
        /// The number.
        span: Span,
    },
    /// A backslash escape that strings do not have.
    UnknownEscape {
        /// The escape.
        span: Span,
        /// The character after the backslash.
        character: char,
    },
    /// A period of zero or more than 1,200 months.
    BadPeriod {
        /// The period.
        span: Span,
    },
    /// A JSON arrangements file that is not valid JSON or not of the
    /// documented shape.
    Json {
        /// Where, as near as serde_json says.
        span: Span,
        /// serde_json's description.
        message: String,
    },
    /// A key given twice in one object of a JSON arrangements file.
    RepeatedKey {
        /// The key.
        key: String,
        /// The second.
        span: Span,
        /// The first.
        first: Span,
    },
    /// A file named by `shares` that is not read.
    SharedPath {
        /// The path as written.
        path: String,
        /// The string naming it.
        span: Span,
        /// Why it is not read.
        problem: PathProblem,
    },
    /// The syntax tree had a shape the lowering did not expect: a bug in
    /// dcsc, reported rather than crashed on.
    Internal {
        /// Where.
        span: Span,
        /// What was expected.
        detail: &'static str,
    },
}

/// Why a file named by `shares` is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathProblem {
    /// An address (`https://…`): dcsc reads only local files.
    Remote,
    /// An absolute path: a shared file is named relative to the file that
    /// shares it, so a folder of councils can be moved whole.
    Absolute,
    /// A path that leaves the referring file's folder, by `..` or by a
    /// link.
    OutsideFolder,
    /// The file cannot be read.
    Unreadable {
        /// Why, in the operating system's words.
        reason: String,
    },
}

/// What stood where reading stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// The end of the file (or of the item).
    EndOfFile,
    /// A quoted string.
    QuotedString,
    /// A word or name.
    Word(String),
    /// One of the language's reserved words, which cannot be a name.
    ReservedWord(String),
    /// White space.
    Space,
    /// Any other character.
    Symbol(char),
}
