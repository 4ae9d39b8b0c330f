//! The diagnostics for syntax errors: [`from_syntax`] hands each variant
//! to its own function. The families are reading a file, the shape of the
//! text, the values written in it, and dcsc's own failures.

use super::{or_list, Code, Diagnostic};
use crate::date::DateError;
use crate::source::Span;
use crate::syntax::{PathProblem, SyntaxError, Token};

/// The diagnostic for a syntax error.
pub fn from_syntax(error: &SyntaxError) -> Diagnostic {
    match error {
        // Reading a file.
        SyntaxError::Unreadable { path, reason } => unreadable(path, reason),
        SyntaxError::TooLarge { path, limit } => too_large(path, *limit),
        SyntaxError::InvalidUtf8 { span } => invalid_utf8(*span),
        SyntaxError::NulByte { span } => nul_byte(*span),
        SyntaxError::SharedPath { path, span, problem } => shared_path(path, *span, problem),
        SyntaxError::Json { span, message } => json(*span, message),
        // The shape of the text.
        SyntaxError::Unexpected { span, expected, found } => unexpected(*span, expected, found),
        SyntaxError::UnterminatedString { span } => unterminated_string(*span),
        SyntaxError::UnterminatedComment { span } => unterminated_comment(*span),
        SyntaxError::OutsideItem { span, closed_by } => outside_item(*span, *closed_by),
        SyntaxError::Unclosed { span } => unclosed(*span),
        SyntaxError::TooDeep { span, limit } => too_deep(*span, *limit),
        SyntaxError::EmptyFile { span } => empty_file(*span),
        SyntaxError::RepeatedKey { key, span, first } => repeated_key(key, *span, *first),
        // Values.
        SyntaxError::InvalidDate { span, error } => invalid_date(*span, error),
        SyntaxError::NumberTooLarge { span } => number_too_large(*span),
        SyntaxError::UnknownEscape { span, character } => unknown_escape(*span, *character),
        SyntaxError::BadPeriod { span } => bad_period(*span),
        // dcsc's own failure.
        SyntaxError::Internal { span, detail } => internal(*span, detail),
    }
}

// Reading a file.

fn unreadable(path: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(Code::E0001, format!("cannot read `{path}`: {reason}"))
        .help("give the path of a .dcs or .json file")
}

fn too_large(path: &str, limit: u64) -> Diagnostic {
    Diagnostic::new(
        Code::E0016,
        format!("`{path}` is larger than {} MiB", limit / (1024 * 1024)),
    )
    .note(format!("dcsc reads at most {limit} bytes from any input"))
    .help("give the .dcs or .json file itself")
}

fn invalid_utf8(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0002, "this file is not UTF-8 text")
        .at(span, "this byte is not UTF-8")
        .help("save the file as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")")
}

fn nul_byte(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0003, "this file contains a NUL byte")
        .at(span, "NUL byte here")
        .note("a NUL byte usually means the file is binary, or was saved as UTF-16")
        .help("save the file as UTF-8 text")
}

fn shared_path(path: &str, span: Span, problem: &PathProblem) -> Diagnostic {
    match problem {
        PathProblem::Unreadable { reason } => {
            Diagnostic::new(Code::E0001, format!("cannot read the shared file `{path}`: {reason}"))
                .at(span, "named here")
                .note("a shared file is named relative to the folder of the file that shares it")
        }
        PathProblem::Remote => Diagnostic::new(Code::E0019, format!("`{path}` is an address, not a file"))
            .at(span, "named here")
            .note("dcsc reads only files on this machine, and never fetches anything")
            .help("save the shared declarations in a file beside this one and name it here"),
        PathProblem::Absolute => Diagnostic::new(Code::E0019, format!("`{path}` is an absolute path"))
            .at(span, "named here")
            .note("a shared file is named relative to the folder of the file that shares it, so the folder can be moved or sent whole")
            .help("name the file relative to this file's folder"),
        PathProblem::OutsideFolder => {
            Diagnostic::new(Code::E0019, format!("`{path}` is outside this file's folder"))
                .at(span, "named here")
                .note("a shared file must be in the folder of the file that shares it, or below it, so that dcsc reads nothing the user did not hand it")
                .help("move the shared file into this file's folder, or give both councils' files in its folder")
        }
    }
}

fn json(span: Span, message: &str) -> Diagnostic {
    Diagnostic::new(Code::E0014, format!("invalid JSON arrangements: {message}"))
        .at(span, "here")
        .help("see docs/json-arrangements.md for the shape of a JSON arrangements file")
}

// The shape of the text.

/// What the parser found instead, in words.
fn found_words(found: &Token) -> String {
    match found {
        Token::EndOfFile => "the end of the file".to_owned(),
        Token::QuotedString => "a quoted string".to_owned(),
        Token::Word(word) => format!("`{word}`"),
        Token::ReservedWord(word) => format!("`{word}`, a reserved word"),
        Token::Space => "a space".to_owned(),
        Token::Symbol(symbol) => format!("`{symbol}`"),
    }
}

fn unexpected(span: Span, expected: &[&str], found: &Token) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Code::E0004,
        format!("expected {}, found {}", or_list(expected), found_words(found)),
    )
    .at(span, format!("expected {}", or_list(expected)));
    match found {
        Token::Symbol(symbol @ ('=' | ':')) => diagnostic
            .help("fields are written `name value`, with no `=` or `:` between")
            .fix(format!("remove `{symbol}`"), span, ""),
        Token::Symbol(';') => diagnostic
            .help("entries end at the end of the line; no `;` is needed")
            .fix("remove `;`", span, ""),
        Token::ReservedWord(_) => diagnostic.help("reserved words cannot be used as names; choose another name"),
        Token::EndOfFile | Token::QuotedString | Token::Word(_) | Token::Space | Token::Symbol(_) => diagnostic,
    }
}

fn unterminated_string(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0005, "this string is never closed")
        .at(span, "the string starts here")
        .help("add the closing `\"`; write `\\\"` for a quotation mark inside a string")
}

fn unterminated_comment(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0006, "this comment is never closed")
        .at(span, "the comment starts here")
        .help("close the comment with `*/`")
}

fn outside_item(span: Span, closed_by: Span) -> Diagnostic {
    Diagnostic::new(Code::E0020, "this is outside any item")
        .at(span, "after the item's closing `}`")
        .also(closed_by, "this `}` closes the item")
        .note(
            "everything between one item's closing `}` and the next item's keyword belongs to no item, and is not read",
        )
        .help("if the item goes on, remove the `}` that closes it early; otherwise start an item (`post NAME { … }`)")
}

fn unclosed(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0007, "this `{` is never closed")
        .at(span, "opened here")
        .help("add the matching `}` at the end of the item")
}

fn too_deep(span: Span, limit: usize) -> Diagnostic {
    Diagnostic::new(Code::E0008, format!("brackets nest more than {limit} deep"))
        .at(span, "too deep here")
        .note("dcsc limits nesting so that no input can exhaust its stack")
        .help("write the condition as a flat list with `and` / `or`")
}

fn empty_file(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0009, "this file declares nothing")
        .at(span, "empty")
        .help("a guidance file starts with `guidance NAME { … }`; an arrangements file with `arrangements NAME { … }`")
}

fn repeated_key(key: &str, span: Span, first: Span) -> Diagnostic {
    Diagnostic::new(Code::E0109, format!("`{key}` is given twice"))
        .at(span, "given again here")
        .also(first, "first given here")
        .help(format!("give several values as one list: `\"{key}\": [\"…\", \"…\"]`"))
}

// Values.

/// Why a date does not exist.
fn date_problem(error: &DateError) -> String {
    match error {
        DateError::Malformed => "a date is written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`".to_owned(),
        DateError::NoSuchMonth(month) => format!("there is no month {month}"),
        DateError::NoSuchDay { day, days_in_month } => {
            format!("that month has {days_in_month} days, so there is no day {day}")
        }
    }
}

fn invalid_date(span: Span, error: &DateError) -> Diagnostic {
    Diagnostic::new(Code::E0010, "this date does not exist").at(span, date_problem(error))
}

fn number_too_large(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0011, "this number is too large").at(span, "larger than 4294967295")
}

fn unknown_escape(span: Span, character: char) -> Diagnostic {
    Diagnostic::new(Code::E0012, format!("unknown escape `\\{character}` in a string"))
        .at(span, "not an escape")
        .help("strings know `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash")
}

fn bad_period(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0013, "this period is not usable")
        .at(span, "a period is 1 to 1200 months (or 1 to 100 years)")
}

// dcsc's own failure.

fn internal(span: Span, detail: &str) -> Diagnostic {
    Diagnostic::new(
        Code::E0099,
        format!("internal error: dcsc could not read {detail} here"),
    )
    .at(span, "here")
    .note("this is a bug in dcsc, not in your file; please report it with the file")
}
