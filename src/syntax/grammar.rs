//! The pest parser generated from `grammar/dcs.pest`. Its `Rule` enum is
//! read by the lowering and by the words for parse errors, and never leaves
//! `src/syntax/`.

/// The parser for the one grammar of guidance and arrangements.
#[derive(pest_derive::Parser)]
#[grammar = "grammar/dcs.pest"]
pub(super) struct DcsParser;
