//! The embedded guidance's syntax trees, parsed ahead of time.
//!
//! Parsing the four guidance files was most of what one council's run
//! cost (about 5.5 ms of 8; see `docs/notes/fixed-cost.md`), yet their text
//! is fixed when the binary is built. So their trees are parsed when the
//! guidance (or the parser) changes and committed, encoded with postcard,
//! as `policies/parsed.postcard`; a run decodes them instead of parsing.
//! The trees' spans point into the embedded texts
//! ([`crate::load::EMBEDDED_POLICIES`]), which stay in the binary, so
//! diagnostics, `explain` and the language server quote them as before.
//!
//! The file starts with a fingerprint of everything that decides what the
//! trees are: the guidance texts and the source of the parser and of the
//! tree's types. The trees are used only if it matches the fingerprint of
//! what this binary was built from; otherwise (a policy edited and the file
//! not made again) the texts are parsed as before, so a stale file costs
//! time, never a wrong tree. `tests/embedded.rs` fails while the file is
//! stale and writes it anew when asked.

use crate::load::EMBEDDED_POLICIES;
use crate::source::{FileId, SourceMap};
use crate::syntax::{self, ast, SyntaxError};

/// Where the committed trees are, from the crate's root.
pub const FROZEN_PATH: &str = "policies/parsed.postcard";

/// The committed trees: the fingerprint they were made from, then one
/// tree for each of [`EMBEDDED_POLICIES`], in order.
const FROZEN: &[u8] = include_bytes!("../policies/parsed.postcard");

/// The source that decides what tree the guidance parses to, besides the
/// guidance itself: the grammar, the pre-scan and lowering, the types of
/// the tree and of what it holds (an enum's variants are encoded by
/// position), how source text is normalised, and this file's encoding. An
/// edit to any of them, even one that changes nothing, retires the
/// committed trees until they are made again: a wrong tree is never read.
const PARSER_SOURCES: &[&str] = &[
    include_str!("../grammar/dcs.pest"),
    include_str!("syntax/mod.rs"),
    include_str!("syntax/prescan.rs"),
    include_str!("syntax/lower/mod.rs"),
    include_str!("syntax/lower/rule.rs"),
    include_str!("syntax/ast.rs"),
    include_str!("syntax/kinds.rs"),
    include_str!("model/kinds.rs"),
    include_str!("date.rs"),
    include_str!("source.rs"),
    include_str!("embedded.rs"),
];

/// The fingerprint of this binary's guidance and parser, computed when it
/// is compiled, so a run pays nothing for it.
const FINGERPRINT: u64 = fingerprint();

/// FNV-1a (64-bit) over each guidance file's name and text and each
/// parser source, each preceded by its length so that no two different
/// lists run together to the same bytes. It guards against forgetting to
/// make the file again, not against an adversary, so a fast
/// non-cryptographic hash that a `const fn` can compute is enough.
const fn fingerprint() -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325;
    let mut policies = EMBEDDED_POLICIES;
    while let [(name, text), rest @ ..] = policies {
        hash = fnv1a(hash, name.as_bytes());
        hash = fnv1a(hash, text.as_bytes());
        policies = rest;
    }
    let mut sources = PARSER_SOURCES;
    while let [text, rest @ ..] = sources {
        hash = fnv1a(hash, text.as_bytes());
        sources = rest;
    }
    hash
}

const fn fnv1a(mut hash: u64, mut bytes: &[u8]) -> u64 {
    let length = (bytes.len() as u64).to_le_bytes();
    let mut prefix: &[u8] = &length;
    while let [byte, rest @ ..] = prefix {
        hash = (hash ^ *byte as u64).wrapping_mul(0x0100_0000_01b3);
        prefix = rest;
    }
    while let [byte, rest @ ..] = bytes {
        hash = (hash ^ *byte as u64).wrapping_mul(0x0100_0000_01b3);
        bytes = rest;
    }
    hash
}

/// Why the trees could not be made.
#[derive(Debug)]
pub enum FreezeError {
    /// The guidance does not parse: its errors must be reported at run
    /// time, which committed trees would hide.
    Syntax(Vec<SyntaxError>),
    /// postcard could not encode the trees.
    Encode(postcard::Error),
}

/// Parses the embedded guidance and encodes its trees, with the
/// fingerprint of what they were made from, as [`FROZEN_PATH`] holds them.
pub fn freeze() -> Result<Vec<u8>, FreezeError> {
    let mut sources = SourceMap::new();
    let files = crate::load::embedded(&mut sources);
    let mut trees = Vec::new();
    let mut errors = Vec::new();
    for (file, source) in files
        .iter()
        .filter_map(|file| sources.get(*file).map(|source| (*file, source)))
    {
        let (tree, mut found) = syntax::parse(file, source);
        trees.push(tree);
        errors.append(&mut found);
    }
    if !errors.is_empty() {
        return Err(FreezeError::Syntax(errors));
    }
    // A tuple is its fields one after the other in postcard, so `thaw`
    // can read the fingerprint alone before deciding to read the trees.
    postcard::to_allocvec(&(FINGERPRINT, &trees)).map_err(FreezeError::Encode)
}

/// Whether the committed trees were made from this binary's guidance and
/// parser, and so are used.
pub fn frozen_is_current() -> bool {
    thaw(EMBEDDED_POLICIES.len()).is_some()
}

/// The committed trees, if they are current and decode into one tree for
/// each of the `count` guidance files.
fn thaw(count: usize) -> Option<Vec<ast::File>> {
    let (made_from, trees) = postcard::take_from_bytes::<u64>(FROZEN).ok()?;
    if made_from != FINGERPRINT {
        return None;
    }
    let trees: Vec<ast::File> = postcard::from_bytes(trees).ok()?;
    (trees.len() == count).then_some(trees)
}

/// The syntax tree of each embedded guidance file, with its syntax errors:
/// the committed trees if they are current, else parsed now. `files` are
/// the ids [`crate::load::embedded`] gave the guidance; the committed
/// trees point at files 0, 1, 2…, which they are when the guidance is the
/// first thing added to a source map, as a workspace adds it.
pub fn parsed(sources: &SourceMap, files: &[FileId]) -> Vec<(ast::File, Vec<SyntaxError>)> {
    let first_added = files
        .iter()
        .enumerate()
        .all(|(position, file)| usize::try_from(file.0).is_ok_and(|id| id == position));
    if first_added {
        if let Some(trees) = thaw(files.len()) {
            return trees.into_iter().map(|tree| (tree, Vec::new())).collect();
        }
    }
    files
        .iter()
        .filter_map(|file| sources.get(*file).map(|source| syntax::parse(*file, source)))
        .collect()
}
