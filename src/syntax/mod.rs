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
mod grammar;
pub mod json;
mod lower;
mod prescan;

pub use error::{PathProblem, SyntaxError, Token};
pub use expected::RESERVED_WORDS;
pub use prescan::NESTING_LIMIT;

use crate::source::{FileId, SourceFile};

/// Whether a file is read as JSON arrangements: by its name, or, for
/// standard input, which has no name to tell by, by its first character
/// (no .dcs file starts with `{`).
pub fn reads_as_json(source: &SourceFile) -> bool {
    source.name().ends_with(".json")
        || (source.name() == crate::load::STDIN_NAME && source.text.trim_start().starts_with('{'))
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
    let mut items = Vec::new();
    for chunk in scan.chunks {
        let Some(chunk_text) = text.get(chunk.start..chunk.end) else {
            continue;
        };
        match lower::parse_item(file, chunk.start, chunk_text) {
            Ok(item) => items.push(item),
            Err(mut item_errors) => errors.append(&mut item_errors),
        }
    }
    (ast::File { items }, errors)
}
