//! Syntax trees kept across the workspaces of one run, so that a file
//! read into many of them (the guidance given with `--policy`, read with
//! every council; a council that many test files start from) is parsed
//! once, not once for each.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::source::{FileId, SourceFile};
use crate::syntax::{ast, SyntaxError};

/// The trees of the last files parsed. A tree is taken again only for
/// the same file id, name and text, so it is the tree parsing would give
/// (its spans carry the id): the workspaces of a run read the same files
/// in the same order first, so those have the same ids in each. At most
/// [`Trees::KEPT`] are kept, so memory stays flat however many different
/// files are read.
#[derive(Default)]
pub(super) struct Trees {
    kept: VecDeque<Kept>,
}

/// A file's tree, as parsed from its text.
struct Kept {
    file: FileId,
    name: String,
    text: String,
    /// Shared with each workspace that reads the file, not copied.
    parsed: (Arc<ast::File>, Vec<SyntaxError>),
}

impl Trees {
    const KEPT: usize = 8;

    /// The file's tree, kept from before or parsed now (and kept): a
    /// [`crate::workspace::Parser`].
    pub(super) fn parse(&mut self, file: FileId, source: &SourceFile) -> (Arc<ast::File>, Vec<SyntaxError>) {
        let same = |kept: &Kept| kept.file == file && kept.name == source.name() && kept.text == source.text;
        if let Some(kept) = self.kept.iter().find(|kept| same(kept)) {
            return kept.parsed.clone();
        }
        let parsed = crate::workspace::parse_source(file, source);
        if self.kept.len() >= Trees::KEPT {
            self.kept.pop_front();
        }
        self.kept.push_back(Kept {
            file,
            name: source.name().to_owned(),
            text: source.text.clone(),
            parsed: parsed.clone(),
        });
        parsed
    }
}
