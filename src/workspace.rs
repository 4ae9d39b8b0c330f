//! The pipeline chained: files in, checked model and diagnostics out.

use std::path::Path;
use std::sync::OnceLock;

use crate::check::{self, Checked, Parsed};
use crate::diagnostics::{self, Diagnostic};
use crate::load;
use crate::outcome::{Council, Verified};
use crate::source::{FileId, SourceMap};
use crate::syntax::{self, ast, SyntaxError};

/// Everything one run has read, with what was found wrong.
#[derive(Default)]
pub struct Workspace {
    /// The source files, user files first.
    pub sources: SourceMap,
    user: Vec<(FileId, ast::File, bool)>,
    embedded: Vec<(FileId, ast::File, bool)>,
    /// Every diagnostic so far, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Workspace {
    /// An empty workspace with the embedded guidance loaded.
    pub fn new() -> Workspace {
        let mut workspace = Workspace::default();
        let files = load::embedded(&mut workspace.sources);
        // The embedded guidance is the same text in every workspace and is
        // always added first, so its files have the same ids each time: it
        // is parsed once per process, and each workspace takes a copy.
        static PARSED: OnceLock<Vec<(ast::File, Vec<SyntaxError>)>> = OnceLock::new();
        let parsed = PARSED.get_or_init(|| {
            files
                .iter()
                .filter_map(|file| workspace.sources.get(*file).map(|source| syntax::parse(*file, source)))
                .collect()
        });
        for (file, (tree, errors)) in files.into_iter().zip(parsed) {
            workspace
                .diagnostics
                .extend(errors.iter().map(diagnostics::from_syntax));
            workspace.embedded.push((file, tree.clone(), !errors.is_empty()));
        }
        workspace
    }

    /// Reads and parses a file given by the user (`-` is standard input).
    pub fn add_path(&mut self, path: &Path) -> Option<FileId> {
        match load::read(&mut self.sources, path) {
            Ok(file) => {
                self.parse_into(file, false);
                Some(file)
            }
            Err(error) => {
                self.diagnostics.push(diagnostics::from_syntax(&error));
                None
            }
        }
    }

    /// Parses text as if read from a file named `name` (for tests and
    /// tools).
    pub fn add_text(&mut self, name: &str, text: &str) -> FileId {
        let file = self.sources.add(crate::source::Origin::Path(name.to_owned()), text);
        self.parse_into(file, false);
        file
    }

    fn parse_into(&mut self, file: FileId, embedded: bool) {
        let Some(source) = self.sources.get(file) else {
            return;
        };
        // Standard input has no name to tell JSON by, so its first
        // character does: no .dcs file starts with `{`.
        let json = source.name().ends_with(".json")
            || (source.name() == load::STDIN_NAME && source.text.trim_start().starts_with('{'));
        let (tree, errors) = if json {
            match syntax::json::parse(file, source) {
                Ok(tree) => (tree, Vec::new()),
                Err(error) => (ast::File::default(), vec![error]),
            }
        } else {
            syntax::parse(file, source)
        };
        self.diagnostics.extend(errors.iter().map(diagnostics::from_syntax));
        let incomplete = !errors.is_empty();
        if embedded {
            self.embedded.push((file, tree, incomplete));
        } else {
            self.user.push((file, tree, incomplete));
        }
    }

    /// Whether any error (not warning) has been found.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == diagnostics::Severity::Error)
    }

    /// Runs the check stage over everything read, adding its diagnostics.
    /// Given several guidance editions, arrangements are checked against the
    /// latest.
    pub fn check(&mut self) -> Checked {
        self.check_as_at(None)
    }

    /// Runs the check stage, choosing among several guidance editions the
    /// one in force as at `as_at`.
    pub fn check_as_at(&mut self, as_at: Option<crate::date::Day>) -> Checked {
        let user: Vec<Parsed<'_>> = self.user.iter().map(as_parsed).collect();
        let embedded: Vec<Parsed<'_>> = self.embedded.iter().map(as_parsed).collect();
        let checked = check::check(&self.sources, &user, &embedded, as_at);
        self.diagnostics
            .extend(checked.errors.iter().map(diagnostics::from_check));
        checked
    }

    /// Renders every diagnostic so far.
    pub fn render_diagnostics(&self, color: bool) -> String {
        diagnostics::render(&self.sources, &self.diagnostics, color)
    }
}

fn as_parsed((file, ast, incomplete): &(FileId, ast::File, bool)) -> Parsed<'_> {
    Parsed {
        file: *file,
        ast,
        incomplete: *incomplete,
    }
}

impl Workspace {
    /// Checks everything read and, if nothing is wrong, evaluates every
    /// arrangement as at `as_at`. `None` when checking found errors (they
    /// are in [`Workspace::diagnostics`]).
    pub fn verify(&mut self, as_at: crate::date::Day) -> Option<Verified> {
        let checked = self.check_as_at(Some(as_at));
        if self.has_errors() {
            return None;
        }
        let policy = checked.policy?;
        let councils = checked
            .arrangements
            .into_iter()
            .map(|arrangement| Council::evaluate(&policy, arrangement, as_at))
            .collect();
        Some(Verified {
            policy,
            as_at,
            councils,
        })
    }
}
