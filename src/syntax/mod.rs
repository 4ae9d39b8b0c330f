//! The syntax stage: source text to syntax tree.
//!
//! This folder is the only place that knows pest. [`parse`] pre-scans the
//! text ([`prescan`]), parses each top-level item with the grammar in
//! `grammar/dcs.pest`, and lowers pest's pairs into our own [`ast`], which
//! carries our own spans. Parse errors leave as [`SyntaxError`]s, with pest's
//! rule names already turned into words.

pub mod ast;
mod error;
mod expected;
pub mod format;
mod grammar;
pub mod json;
mod kinds;
mod lower;
mod prescan;

pub use error::{PathProblem, SyntaxError, Token};
pub use expected::RESERVED_WORDS;
pub use json::when_text;
pub use prescan::NESTING_LIMIT;

use crate::source::{FileId, SourceFile};

/// Whether a file is read as JSON arrangements: by its name, or, for
/// standard input, which has no name to tell by, by its first character
/// (no .dcs file starts with `{`).
pub fn reads_as_json(source: &SourceFile) -> bool {
    source.name().ends_with(".json")
        || (source.name() == crate::source::STDIN_NAME && source.text.trim_start().starts_with('{'))
}

/// The kind of each top-level item, read from its first word without
/// parsing it (for JSON, which holds one council's arrangements, its top
/// level): enough to tell which files make a council, for the price of
/// the pre-scan. `None` when the file cannot be cut into items (a NUL
/// byte, an unterminated string) or is JSON that does not parse: what it
/// holds is then for its errors to say.
pub fn item_kinds(file: FileId, source: &SourceFile) -> Option<Vec<ast::ItemKind>> {
    let text = source.text.as_str();
    if reads_as_json(source) {
        return match serde_json::from_str::<serde_json::Value>(text).ok()? {
            serde_json::Value::Object(top) if top.contains_key("arrangements") => {
                Some(vec![ast::ItemKind::Arrangements])
            }
            serde_json::Value::Object(_)
            | serde_json::Value::Null
            | serde_json::Value::Bool(_)
            | serde_json::Value::Number(_)
            | serde_json::Value::String(_)
            | serde_json::Value::Array(_) => Some(Vec::new()),
        };
    }
    let scan = prescan::chunks(file, text).ok()?;
    Some(
        scan.chunks
            .iter()
            .filter_map(|chunk| text.get(chunk.start..chunk.end))
            .filter_map(first_keyword)
            .collect(),
    )
}

/// The item keyword an item's text starts with, past white space and
/// comments.
fn first_keyword(text: &str) -> Option<ast::ItemKind> {
    let mut rest = text.trim_start();
    loop {
        let comment_end = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            rest.find("*/").map_or(rest.len(), |end| end + 2)
        } else {
            break;
        };
        rest = rest.get(comment_end..).unwrap_or("").trim_start();
    }
    let length = rest
        .find(|character: char| !(character.is_ascii_alphanumeric() || character == '_'))
        .unwrap_or(rest.len());
    ast::ItemKind::from_keyword(rest.get(..length)?)
}

/// Parses one file into its syntax tree, returning every item that parsed
/// and every error found, however many.
pub fn parse(file: FileId, source: &SourceFile) -> (ast::File, Vec<SyntaxError>) {
    let text = source.text.as_str();
    let scan = match prescan::chunks(file, text) {
        Ok(scan) => scan,
        Err(errors) => return (ast::File::default(), errors),
    };
    let mut errors = scan.errors;
    let comments = scan.comments;
    // Sized once: growing by doubling a large file's items leaves the
    // freed halves in the heap, resident, beside the tree.
    let mut items = Vec::with_capacity(scan.chunks.len());
    let mut unparsed = Vec::new();
    for chunk in scan.chunks {
        let Some(chunk_text) = text.get(chunk.start..chunk.end) else {
            continue;
        };
        match lower::parse_item(file, chunk.start, chunk_text) {
            Ok(item) => items.push(item),
            Err(mut item_errors) => {
                errors.append(&mut item_errors);
                unparsed.extend(head_name(file, chunk.start, chunk_text));
            }
        }
    }
    (
        ast::File {
            items,
            comments,
            unparsed,
        },
        errors,
    )
}

/// The name an item declares, read from its head without the grammar: the
/// word after its keyword (after `departure from`, the key).
fn head_name(file: FileId, offset: usize, text: &str) -> Option<ast::Name> {
    let mut rest = text;
    let mut position = offset;
    let mut next_word = |allow_dots: bool| -> Option<(usize, String)> {
        loop {
            let trimmed = rest.trim_start();
            position += rest.len() - trimmed.len();
            rest = trimmed;
            let comment_end = if rest.starts_with("//") {
                rest.find('\n')
            } else if rest.starts_with("/*") {
                // Searched after the opening `/*`, whose `*` cannot close it.
                rest.get(2..).and_then(|inner| inner.find("*/")).map(|end| end + 4)
            } else {
                break;
            };
            let end = comment_end.unwrap_or(rest.len());
            position += end;
            rest = rest.get(end..).unwrap_or("");
        }
        let length = rest
            .find(|character: char| {
                !(character.is_ascii_alphanumeric() || character == '_' || (allow_dots && character == '.'))
            })
            .unwrap_or(rest.len());
        let word = rest.get(..length).filter(|word| !word.is_empty())?.to_owned();
        let start = position;
        position += length;
        rest = rest.get(length..).unwrap_or("");
        Some((start, word))
    };
    let (_, keyword) = next_word(false)?;
    let kind = ast::ItemKind::from_keyword(&keyword)?;
    if kind == ast::ItemKind::Departure {
        next_word(false)?;
    }
    let (start, name) = next_word(true)?;
    Some(ast::Name {
        span: crate::source::Span::new(file, start, start + name.len()),
        text: name.into(),
    })
}
