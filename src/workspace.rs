//! The pipeline chained: files in, checked model and diagnostics out.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::check::{self, Checked, Parsed, Reference};
use crate::diagnostics::{self, Diagnostic};
use crate::load;
use crate::outcome::{AsAt, Council, Prepared, Verified};
use crate::source::{FileId, SourceMap, STDIN_NAME};
use crate::syntax::{self, ast, PathProblem, SyntaxError};

/// Everything one run has read, with what was found wrong.
#[derive(Default)]
pub struct Workspace {
    /// The source files, user files first.
    pub sources: SourceMap,
    user: Vec<Loaded>,
    embedded: Vec<Embedded>,
    /// Every file read from disk, by its canonical path, so that a file
    /// shared by several councils (or also named on the command line) is
    /// read and checked once.
    read: BTreeMap<PathBuf, FileId>,
    /// The canonical paths of the files read because an arrangement
    /// `shares` them.
    shared: Vec<PathBuf>,
    /// The files policy tests name with `given`: by the test's file and
    /// the path as written.
    given: BTreeMap<(FileId, String), FileId>,
    /// Every diagnostic so far, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// Files beside an arrangements file that declare guidance its
    /// `answers_to` names and that was not given, as the last check found.
    beside: Vec<PathBuf>,
    /// Guidance already checked, shared with other workspaces of the same
    /// run (see [`Workspace::share_guidance`]).
    shared_guidance: Option<Arc<check::Guidance>>,
}

/// An embedded guidance file: its tree is the one every workspace of the
/// process shares, never changed, so it is borrowed rather than copied.
#[derive(Clone, Copy)]
struct Embedded {
    file: FileId,
    ast: &'static ast::File,
    incomplete: bool,
}

/// A parsed file, with the shared files its header names.
#[derive(Clone)]
struct Loaded {
    file: FileId,
    /// Shared, not copied, with the language server, which keeps an
    /// unchanged document's tree for the next analysis.
    ast: Arc<ast::File>,
    incomplete: bool,
    shares: Vec<Reference>,
    /// Whether the user named it, rather than only an arrangement's
    /// `shares`.
    named: bool,
}

impl Workspace {
    /// An empty workspace with the embedded guidance loaded.
    pub fn new() -> Workspace {
        let mut workspace = Workspace::default();
        let files = load::embedded(&mut workspace.sources);
        // The embedded guidance is the same text in every workspace and is
        // always added first, so its files have the same ids each time: its
        // trees are decoded (or, if the committed ones are stale, parsed)
        // once per process, and every workspace borrows them.
        static PARSED: OnceLock<Vec<(ast::File, Vec<SyntaxError>)>> = OnceLock::new();
        let parsed = PARSED.get_or_init(|| crate::embedded::parsed(&workspace.sources, &files));
        for (file, (tree, errors)) in files.into_iter().zip(parsed) {
            workspace
                .diagnostics
                .extend(errors.iter().map(diagnostics::from_syntax));
            workspace.embedded.push(Embedded {
                file,
                ast: tree,
                incomplete: !errors.is_empty(),
            });
        }
        workspace
    }

    /// Reads and parses a file given by the user (`-` is the process's
    /// standard input), and the files its arrangements share (see
    /// [`Workspace::add_input`]).
    pub fn add_path(&mut self, path: &Path) -> Option<FileId> {
        self.add_input(path, &mut std::io::stdin())
    }

    /// Reads and parses a file given by the user (`-` is the standard
    /// input given, as the commands are handed theirs), and the files its
    /// arrangements share. A file already read because an arrangement
    /// shares it is not read again.
    pub fn add_input(&mut self, path: &Path, standard_input: &mut dyn std::io::Read) -> Option<FileId> {
        let canonical = std::fs::canonicalize(path).ok();
        if let Some(canonical) = &canonical {
            if self.shared.contains(canonical) {
                let file = self.read.get(canonical).copied();
                for loaded in &mut self.user {
                    if Some(loaded.file) == file {
                        loaded.named = true;
                    }
                }
                return file;
            }
        }
        match load::read_from(&mut self.sources, path, standard_input) {
            Ok(file) => {
                if let Some(canonical) = canonical {
                    self.read.entry(canonical).or_insert(file);
                }
                self.parse_into(file);
                Some(file)
            }
            Err(error) => {
                self.diagnostics.push(diagnostics::from_syntax(&error));
                None
            }
        }
    }

    /// Reads a file the user gave as guidance (`--policy`), as
    /// [`Workspace::add_input`] does, and refuses it (coded, at its
    /// header) if it is a council's arrangements or a shared file, which
    /// would otherwise be verified as one more council.
    pub fn add_guidance_input(&mut self, path: &Path, standard_input: &mut dyn std::io::Read) -> Option<FileId> {
        let file = self.add_input(path, standard_input)?;
        self.refuse_unless_guidance(file);
        Some(file)
    }

    /// Adds the diagnostic for a file given as guidance whose header says
    /// it is a council's (`arrangements`, `shared`), if it is one.
    pub fn refuse_unless_guidance(&mut self, file: FileId) {
        let header = self.parsed().find(|(id, _)| *id == file).and_then(|(_, tree)| {
            tree.items
                .iter()
                .find(|item| item.kind.namespace() == Some(crate::syntax::ast::Namespace::Council))
                .map(|item| (item.kind.keyword(), item.name.span))
        });
        if let Some((keyword, span)) = header {
            self.diagnostics.push(diagnostics::not_guidance(span, keyword));
        }
    }

    /// Parses text as if read from a file named `name` (for tests and
    /// tools).
    pub fn add_text(&mut self, name: &str, text: &str) -> FileId {
        self.add_text_with(name, text, &mut parse_source)
    }

    /// As [`Workspace::add_text`], with the syntax tree `parse` gives for
    /// the file's id and normalised text: the language server's, kept
    /// from before when neither has changed, so that an edit re-parses
    /// only the document edited.
    pub fn add_text_with(&mut self, name: &str, text: &str, parse: &mut Parser<'_>) -> FileId {
        let file = self.sources.add(crate::source::Origin::Path(name.to_owned()), text);
        self.parse_into_with(file, parse);
        file
    }

    /// Parses the text an editor holds for the file at `path`, which may
    /// differ from what is on disk, as if the user had named the file: an
    /// arrangement added afterwards that `shares` the same file uses this
    /// text rather than reading the disk. Like [`Workspace::add_path`], a
    /// file already read because an arrangement shares it is not added
    /// twice.
    pub fn add_source(&mut self, path: &Path, text: &str) -> FileId {
        self.add_source_with(path, text, &mut parse_source)
    }

    /// As [`Workspace::add_source`], with the syntax tree `parse` gives
    /// (see [`Workspace::add_text_with`]).
    pub fn add_source_with(&mut self, path: &Path, text: &str, parse: &mut Parser<'_>) -> FileId {
        let canonical = std::fs::canonicalize(path).ok();
        if let Some(canonical) = &canonical {
            if let Some(file) = self.read.get(canonical).copied() {
                for loaded in &mut self.user {
                    if loaded.file == file {
                        loaded.named = true;
                    }
                }
                return file;
            }
        }
        let file = self
            .sources
            .add(crate::source::Origin::Path(path.display().to_string()), text);
        if let Some(canonical) = canonical {
            self.read.insert(canonical, file);
        }
        self.parse_into_with(file, parse);
        file
    }

    /// Every file parsed, the user's first (in the order added, shared
    /// files where they were read) and then the embedded guidance, with
    /// its syntax tree: for tools that look names up in what was written,
    /// such as the language server.
    pub fn parsed(&self) -> impl Iterator<Item = (FileId, &ast::File)> {
        self.user
            .iter()
            .map(|loaded| (loaded.file, &*loaded.ast))
            .chain(self.embedded.iter().map(|embedded| (embedded.file, embedded.ast)))
    }

    /// The files a user file's arrangements header `shares`, as read.
    pub fn shares_of(&self, file: FileId) -> Vec<FileId> {
        self.user
            .iter()
            .filter(|loaded| loaded.file == file)
            .flat_map(|loaded| loaded.shares.iter().map(|reference| reference.file))
            .collect()
    }

    /// Whether a file is one of the guidance files compiled into the
    /// binary.
    pub fn is_embedded(&self, file: FileId) -> bool {
        self.embedded.iter().any(|loaded| loaded.file == file)
    }

    /// The canonical paths of the files read because an arrangement shares
    /// them: inputs as much as the files the user named.
    pub fn shared_paths(&self) -> &[PathBuf] {
        &self.shared
    }

    /// How many files were read only because an arrangement shares them,
    /// besides those the user named.
    pub fn shared_only(&self) -> usize {
        self.user.iter().filter(|loaded| !loaded.named).count()
    }

    fn parse_into(&mut self, file: FileId) {
        self.parse_into_with(file, &mut parse_source);
    }

    fn parse_into_with(&mut self, file: FileId, parse: &mut Parser<'_>) {
        let (tree, incomplete) = self.parse_with(file, parse);
        let shares = self.follow_shares(file, &tree);
        self.user.push(Loaded {
            file,
            ast: tree,
            incomplete,
            shares,
            named: true,
        });
    }

    fn parse(&mut self, file: FileId) -> (Arc<ast::File>, bool) {
        self.parse_with(file, &mut parse_source)
    }

    fn parse_with(&mut self, file: FileId, parse: &mut Parser<'_>) -> (Arc<ast::File>, bool) {
        let Some(source) = self.sources.get(file) else {
            return (Arc::default(), true);
        };
        let (tree, errors) = parse(file, source);
        self.diagnostics.extend(errors.iter().map(diagnostics::from_syntax));
        (tree, !errors.is_empty())
    }

    /// Reads the files an arrangements header names with `shares`, each
    /// relative to the referring file's folder and never outside it. A
    /// refused or unreadable reference is reported here, at the reference.
    fn follow_shares(&mut self, referring: FileId, tree: &ast::File) -> Vec<Reference> {
        let written: Vec<(String, crate::source::Span)> = tree
            .items
            .iter()
            .filter(|item| item.kind == ast::ItemKind::Arrangements)
            .flat_map(|item| &item.entries)
            .filter_map(|entry| match entry {
                ast::Entry::Field(field) if field.name.text == "shares" => Some(&field.values),
                _ => None,
            })
            .flatten()
            .filter_map(|value| match &value.kind {
                ast::ValueKind::Text(path) | ast::ValueKind::Str(path) => Some((path.to_string(), value.span)),
                _ => None,
            })
            .collect();
        if written.is_empty() {
            return Vec::new();
        }
        let folder = self.sources.get(referring).map_or_else(PathBuf::new, |source| {
            if source.name() == STDIN_NAME {
                PathBuf::new()
            } else {
                Path::new(source.name())
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default()
            }
        });
        let mut references = Vec::new();
        for (path, span) in written {
            match self.read_shared(&folder, &path, span) {
                Ok(file) => references.push(Reference { file, span }),
                Err(error) => self.diagnostics.push(diagnostics::from_syntax(&error)),
            }
        }
        references
    }

    fn read_shared(&mut self, folder: &Path, written: &str, span: crate::source::Span) -> Result<FileId, SyntaxError> {
        let refuse = |problem: PathProblem| SyntaxError::SharedPath {
            path: written.to_owned(),
            span,
            problem,
        };
        if written.contains("://") {
            return Err(refuse(PathProblem::Remote));
        }
        let relative = Path::new(written);
        if relative.has_root() || relative.is_absolute() {
            return Err(refuse(PathProblem::Absolute));
        }
        // Refused by its words before the disk is asked, so that `../x`
        // is refused whether or not it exists.
        let mut depth = 0usize;
        for component in relative.components() {
            match component {
                Component::ParentDir if depth == 0 => return Err(refuse(PathProblem::OutsideFolder)),
                Component::ParentDir => depth -= 1,
                Component::Normal(_) => depth += 1,
                Component::CurDir => {}
                Component::RootDir | Component::Prefix(_) => return Err(refuse(PathProblem::Absolute)),
            }
        }
        let joined = if folder.as_os_str().is_empty() {
            relative.to_path_buf()
        } else {
            folder.join(relative)
        };
        let unreadable = |error: std::io::Error| {
            refuse(PathProblem::Unreadable {
                reason: load::describe_io(&error),
            })
        };
        let root = std::fs::canonicalize(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        })
        .map_err(unreadable)?;
        let canonical = std::fs::canonicalize(&joined).map_err(unreadable)?;
        // A link inside the folder may still point out of it.
        if !canonical.starts_with(&root) {
            return Err(refuse(PathProblem::OutsideFolder));
        }
        if !self.shared.contains(&canonical) {
            self.shared.push(canonical.clone());
        }
        if let Some(file) = self.read.get(&canonical) {
            return Ok(*file);
        }
        let file = load::read(&mut self.sources, &joined)?;
        self.read.insert(canonical, file);
        let (tree, incomplete) = self.parse(file);
        // A shared file names no further files: `shares` belongs to an
        // arrangements header, and the checker refuses it elsewhere.
        self.user.push(Loaded {
            file,
            ast: tree,
            incomplete,
            shares: Vec::new(),
            named: false,
        });
        Ok(file)
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
        let embedded: Vec<Parsed<'_>> = self.embedded.iter().map(Embedded::as_parsed).collect();
        let checked = check::check_with(&self.sources, &user, &embedded, &self.checked_guidance(), as_at);
        for error in &checked.errors {
            let mut diagnostic = diagnostics::from_check(error);
            if let check::CheckError::UnknownName {
                expected: check::NameKind::Guidance,
                name,
                span,
                ..
            } = error
            {
                if let Some(beside) = self.declared_beside(span.file, name) {
                    diagnostic = diagnostics::give_the_file_beside(diagnostic, &beside, name);
                    if !self.beside.contains(&beside) {
                        self.beside.push(beside);
                    }
                }
            }
            self.diagnostics.push(diagnostic);
        }
        checked
    }

    /// The files beside arrangements, not given, that declare the guidance
    /// their `answers_to` names, as the last check found: what the error
    /// tells the user to add, and what the language server adds itself.
    pub fn files_beside(&self) -> &[PathBuf] {
        &self.beside
    }

    /// The guidance checked from the guidance files read so far (the
    /// user's, or none: the embedded guidance alone), for other
    /// workspaces to share ([`Workspace::share_guidance`]).
    pub fn check_guidance(&self) -> check::Guidance {
        let user: Vec<Parsed<'_>> = self.user.iter().map(as_parsed).collect();
        let embedded: Vec<Parsed<'_>> = self.embedded.iter().map(Embedded::as_parsed).collect();
        check::check_guidance(&self.sources, &user, &embedded)
    }

    /// Uses guidance checked once for many workspaces: each built the
    /// same way as the one it was checked in (a new workspace, then the
    /// same guidance files in the same order), so that the same file ids
    /// hold the same text. A check whose guidance files are not those it
    /// was checked from checks its own, so a mismatch costs time, never a
    /// wrong answer.
    pub fn share_guidance(&mut self, guidance: Arc<check::Guidance>) {
        self.shared_guidance = Some(guidance);
    }

    /// The guidance already checked that a check may use: any shared with
    /// this workspace, and the embedded guidance alone, checked once per
    /// process (like its trees, the same in every workspace made with
    /// [`Workspace::new`]).
    fn checked_guidance(&self) -> Vec<&check::Guidance> {
        static EMBEDDED_ALONE: OnceLock<check::Guidance> = OnceLock::new();
        let mut checked: Vec<&check::Guidance> = self.shared_guidance.as_deref().into_iter().collect();
        if !self.embedded.is_empty() {
            checked.push(EMBEDDED_ALONE.get_or_init(|| {
                let embedded: Vec<Parsed<'_>> = self.embedded.iter().map(Embedded::as_parsed).collect();
                check::check_guidance(&self.sources, &[], &embedded)
            }));
        }
        checked
    }

    /// The file beside `file` (in its folder, not read in this workspace)
    /// that declares the guidance or local policy `name`: a council's
    /// local policy left off the command line, which the error naming it
    /// tells the user to add.
    fn declared_beside(&self, file: FileId, name: &str) -> Option<PathBuf> {
        if self.is_embedded(file) {
            return None;
        }
        let written = Path::new(self.sources.get(file)?.name());
        if written == Path::new(STDIN_NAME) {
            return None;
        }
        let folder = written.parent().unwrap_or(Path::new(""));
        load::dcs_files_in(folder)
            .into_iter()
            .filter(|candidate| {
                std::fs::canonicalize(candidate).is_ok_and(|canonical| !self.read.contains_key(&canonical))
            })
            .find(|candidate| {
                let mut sources = SourceMap::new();
                load::read_from(&mut sources, candidate, &mut std::io::empty()).is_ok_and(|read| {
                    sources.get(read).is_some_and(|source| {
                        syntax::parse(read, source).0.items.iter().any(|item| {
                            matches!(item.kind, ast::ItemKind::LocalPolicy | ast::ItemKind::Guidance)
                                && item.name.text == name
                        })
                    })
                })
            })
    }

    /// Renders every diagnostic so far.
    pub fn render_diagnostics(&self, color: bool) -> String {
        diagnostics::render(&self.sources, &self.diagnostics, color)
    }
}

/// What parses a file's normalised text, given its id: [`parse_source`],
/// or a tree kept from before.
pub type Parser<'p> = dyn FnMut(FileId, &crate::source::SourceFile) -> (Arc<ast::File>, Vec<SyntaxError>) + 'p;

/// Parses a file's text as dcsc reads it: JSON arrangements by the file's
/// name, else the language.
pub fn parse_source(file: FileId, source: &crate::source::SourceFile) -> (Arc<ast::File>, Vec<SyntaxError>) {
    let (tree, errors) = if syntax::reads_as_json(source) {
        match syntax::json::parse(file, source) {
            Ok(tree) => (tree, Vec::new()),
            Err(error) => (ast::File::default(), vec![error]),
        }
    } else {
        syntax::parse(file, source)
    };
    (Arc::new(tree), errors)
}

impl Embedded {
    fn as_parsed(&self) -> Parsed<'static> {
        Parsed {
            file: self.file,
            ast: self.ast,
            incomplete: self.incomplete,
            shares: &[],
            named: true,
        }
    }
}

fn as_parsed(loaded: &Loaded) -> Parsed<'_> {
    Parsed {
        file: loaded.file,
        ast: &loaded.ast,
        incomplete: loaded.incomplete,
        shares: &loaded.shares,
        named: loaded.named,
    }
}

impl Workspace {
    /// Checks everything read and, if nothing is wrong, evaluates every
    /// arrangement as at `as_at`. `None` when checking found errors (they
    /// are in [`Workspace::diagnostics`]).
    pub fn verify(&mut self, as_at: impl Into<AsAt>) -> Option<Verified> {
        self.prepare(as_at).map(Prepared::evaluate)
    }

    /// Checks everything read and, if nothing is wrong, returns the policy
    /// and arrangements ready to evaluate one council at a time
    /// ([`Prepared::each`]). `None` when checking found errors (they are in
    /// [`Workspace::diagnostics`]).
    pub fn prepare(&mut self, as_at: impl Into<AsAt>) -> Option<Prepared> {
        let dates = as_at.into();
        let as_at = self.date_for(dates);
        let checked = self.check_as_at(Some(as_at));
        if self.has_errors() {
            return None;
        }
        Some(Prepared {
            policy: checked.policy?,
            as_at,
            dates,
            arrangements: checked.arrangements,
        })
    }

    /// The date to check everything read as at: the date given, or the
    /// latest end of the papers of the councils read, found by checking
    /// them once against the latest edition without keeping what that
    /// check says (the check as at the date says it again).
    pub fn date_for(&self, as_at: AsAt) -> crate::date::Day {
        match as_at {
            AsAt::Given(day) => day,
            AsAt::PapersEnd { .. } => {
                let user: Vec<Parsed<'_>> = self.user.iter().map(as_parsed).collect();
                let embedded: Vec<Parsed<'_>> = self.embedded.iter().map(Embedded::as_parsed).collect();
                let probe = check::check_with(&self.sources, &user, &embedded, &self.checked_guidance(), None);
                as_at.for_run(&probe.arrangements)
            }
        }
    }
}

impl Workspace {
    /// Reads the files the policy tests of every file read so far name
    /// with `given`, each relative to its test's file. A file already read
    /// (named twice, or also on the command line) is not read again.
    pub fn add_given_files(&mut self) {
        self.add_given_files_with(&mut parse_source);
    }

    /// As [`Workspace::add_given_files`], with the syntax tree `parse`
    /// gives for each file read (see [`Workspace::add_text_with`]):
    /// `dcsc test` keeps the trees of the files many test files start
    /// from, each tested in a workspace of its own.
    pub fn add_given_files_with(&mut self, parse: &mut Parser<'_>) {
        let mut wanted: Vec<(FileId, String, crate::source::Span)> = Vec::new();
        for loaded in &self.user {
            for item in loaded.ast.items.iter().filter(|item| item.kind == ast::ItemKind::Test) {
                for entry in &item.entries {
                    let ast::Entry::Field(field) = entry else {
                        continue;
                    };
                    if field.name.text != "given" {
                        continue;
                    }
                    for value in &field.values {
                        if let ast::ValueKind::Text(path) | ast::ValueKind::Str(path) = &value.kind {
                            wanted.push((loaded.file, path.to_string(), value.span));
                        }
                    }
                }
            }
        }
        for (test_file, written, span) in wanted {
            if self.given.contains_key(&(test_file, written.clone())) {
                continue;
            }
            let folder = self
                .sources
                .get(test_file)
                .and_then(|source| Path::new(source.name()).parent().map(Path::to_path_buf))
                .unwrap_or_default();
            let path = folder.join(&written);
            let canonical = std::fs::canonicalize(&path).ok();
            let known = canonical
                .as_ref()
                .and_then(|canonical| self.read.get(canonical).copied());
            let file = match known {
                Some(file) => file,
                None => match load::read(&mut self.sources, &path) {
                    Ok(file) => {
                        if let Some(canonical) = canonical {
                            self.read.insert(canonical, file);
                        }
                        self.parse_into_with(file, parse);
                        file
                    }
                    Err(SyntaxError::Unreadable { reason, .. }) => {
                        self.diagnostics
                            .push(diagnostics::from_check(&check::CheckError::GivenUnreadable {
                                path: written,
                                reason,
                                span,
                            }));
                        continue;
                    }
                    Err(error) => {
                        self.diagnostics.push(diagnostics::from_syntax(&error));
                        continue;
                    }
                },
            };
            self.given.insert((test_file, written), file);
        }
    }

    /// Verifies one policy test's arrangements: the files it starts from
    /// (and the files they share) with the guidance files given, changed
    /// as the test says, as at its date. The workspace is not changed, so
    /// every test starts from the arrangements as written.
    pub fn verify_test(&self, test: &check::TestCase, policies: &[FileId]) -> Result<Verified, Vec<Diagnostic>> {
        let starts_from: Vec<FileId> = if test.given.is_empty() {
            vec![test.file]
        } else {
            test.given
                .iter()
                .filter_map(|given| self.given.get(&(test.file, given.path.clone())).copied())
                .collect()
        };
        let shared: Vec<FileId> = self
            .user
            .iter()
            .filter(|loaded| starts_from.contains(&loaded.file))
            .flat_map(|loaded| loaded.shares.iter().map(|reference| reference.file))
            .collect();
        // A file given as guidance (`--policy`) that a test also starts
        // from is the guidance, once: taken again with the arrangements,
        // everything it declares would be declared twice.
        let arrangements: Vec<Loaded> = self
            .user
            .iter()
            .filter(|loaded| starts_from.contains(&loaded.file) || shared.contains(&loaded.file))
            .filter(|loaded| !policies.contains(&loaded.file))
            .cloned()
            .map(|mut loaded| {
                // The tests are not part of the arrangements they test.
                Arc::make_mut(&mut loaded.ast)
                    .items
                    .retain(|item| item.kind != ast::ItemKind::Test);
                loaded.named = starts_from.contains(&loaded.file);
                loaded
            })
            .collect();
        let mut trees: Vec<ast::File> = arrangements.iter().map(|loaded| (*loaded.ast).clone()).collect();
        let edit_errors = check::apply_edits(&test.edits, &mut trees);
        if !edit_errors.is_empty() {
            return Err(edit_errors.iter().map(diagnostics::from_check).collect());
        }
        let changed: Vec<Loaded> = arrangements
            .into_iter()
            .zip(trees)
            .map(|(loaded, ast)| Loaded {
                ast: Arc::new(ast),
                ..loaded
            })
            .collect();
        let guidance: Vec<&Loaded> = self
            .user
            .iter()
            .filter(|loaded| policies.contains(&loaded.file))
            .collect();
        let user: Vec<Parsed<'_>> = guidance.into_iter().chain(&changed).map(as_parsed).collect();
        let embedded: Vec<Parsed<'_>> = self.embedded.iter().map(Embedded::as_parsed).collect();
        // The guidance is checked once, not once per test: the test's
        // guidance files are the workspace's, which it was checked from.
        let checked = check::check_with(
            &self.sources,
            &user,
            &embedded,
            &self.checked_guidance(),
            Some(test.as_at),
        );
        let errors: Vec<Diagnostic> = checked
            .errors
            .iter()
            .filter(|error| !error.is_warning())
            .map(diagnostics::from_check)
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let Some(policy) = checked.policy else {
            return Err(Vec::new());
        };
        if checked.arrangements.len() != 1 {
            return Err(vec![diagnostics::from_check(&check::CheckError::NotOneCouncil {
                found: checked.arrangements.len(),
                span: test.name.span,
            })]);
        }
        let councils = checked
            .arrangements
            .into_iter()
            .map(|arrangement| Council::evaluate(&policy, arrangement, test.as_at))
            .collect();
        Ok(Verified {
            policy,
            as_at: test.as_at,
            councils,
        })
    }
}
