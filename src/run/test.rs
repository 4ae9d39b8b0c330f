//! `dcsc test`: which files hold tests, and the run's output and
//! status. Running and comparing is [`crate::policy_test`]'s.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::trees::Trees;
use super::{add_input, refuse, Channel, FailOn, Status, Streams};
use crate::command::CommandError;
use crate::diagnostics::{self, Diagnostic};
use crate::load;
use crate::render::test_report::Parts;
use crate::source::{FileId, SourceFile, SourceMap};
use crate::workspace::Parser;
use crate::Workspace;

/// Output formats of `dcsc test`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TestFormat {
    /// Text for people: each test, and what each failure expected and found.
    Human,
    /// JUnit XML, for CI.
    Junit,
}

/// What `dcsc test` is asked besides its paths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestOptions {
    /// Run only the tests whose names hold this text.
    pub filter: Option<String>,
    /// How the results are written.
    pub format: TestFormat,
    /// Which failed tests make the run need action: those whose verdict
    /// found is one of these; `None`, any failed test (a test that
    /// cannot run always does).
    pub fail_on: Option<FailOn>,
}

/// `dcsc test`: runs the tests in `paths` (none: the current folder)
/// against the guidance files given, or the embedded guidance. Needs
/// action if a test fails as `options.fail_on` says, or cannot run.
///
/// Each test file is read, checked and run in a workspace of its own,
/// with the files its tests start from (`given`) and the guidance,
/// checked once for them all; its results are written into the report
/// and its workspace dropped before the next file is read, so memory
/// stays flat however many files are tested. The report is the same as
/// if every file had been read together.
pub fn test(paths: &[PathBuf], policies: &[PathBuf], options: &TestOptions, streams: &mut Streams<'_>) -> Status {
    let searched: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let mut found = Found::default();
    for path in &searched {
        find(path, true, &mut found);
    }
    let Found { files, skipped } = found;
    let mut trees = Trees::default();
    let guidance = Guidance::read(policies, &mut trees, streams);
    let mut run = Run {
        parts: Parts::default(),
        said: Said::default(),
        errors: !guidance.problems.is_empty(),
        failed: false,
        trees,
    };
    run.said.add(&guidance.read, &guidance.problems, streams.colors.err);
    let files = once_each(files);
    if files.is_empty() {
        // Else what the guidance's files say is said with the first
        // test file's, as they are read with it.
        run.errors |= guidance.workspace.has_errors();
        run.said.add(
            &guidance.workspace.sources,
            &guidance.workspace.diagnostics,
            streams.colors.err,
        );
    }
    for file in files {
        run.file(&file, &guidance, options, streams);
    }
    let Streams { colors, write, .. } = streams;
    if !skipped.is_empty() {
        let warning = diagnostics::from_command(&CommandError::NotTests {
            paths: skipped
                .iter()
                .map(|path| crate::visible::escape(&path.display().to_string()).into_owned())
                .collect(),
        });
        run.said.add(&SourceMap::new(), &[warning], colors.err);
    }
    if run.errors {
        write(Channel::Err, &run.said.text);
        return Status::BadInput;
    }
    // The warnings first: that files were passed over may be why no test
    // was found.
    if !run.said.text.is_empty() {
        write(Channel::Err, &run.said.text);
    }
    if run.parts.tests() == 0 {
        let problem = CommandError::NoTests {
            searched: searched.iter().map(|path| format!("`{}`", path.display())).collect(),
            filter: options.filter.clone(),
        };
        return refuse(&SourceMap::new(), &problem, false, colors.err, write);
    }
    let failed = run.failed;
    write(
        Channel::Out,
        &match options.format {
            TestFormat::Human => run.parts.human(),
            TestFormat::Junit => run.parts.junit(),
        },
    );
    if failed {
        Status::NeedsAction
    } else {
        Status::Clear
    }
}

/// What a run of `dcsc test` has found so far.
struct Run {
    /// The report, a file's results at a time.
    parts: Parts,
    /// The diagnostics, rendered.
    said: Said,
    /// Whether a file did not check (or could not be read): then no test
    /// is reported, and the diagnostics say why.
    errors: bool,
    /// Whether a test failed as `--fail-on` says, or could not run.
    failed: bool,
    /// The trees of the guidance and of the files test files start
    /// from, kept for the next test file.
    trees: Trees,
}

impl Run {
    /// Reads, checks and runs one test file in a workspace of its own,
    /// with the files its tests start from and the guidance given, and
    /// writes its results into the report.
    fn file(&mut self, path: &Path, guidance: &Guidance, options: &TestOptions, streams: &mut Streams<'_>) {
        let mut workspace = guidance.workspace(&mut self.trees);
        let Some(test_file) = add_input(&mut workspace, path, streams) else {
            self.errors = true;
            self.said
                .add(&workspace.sources, &workspace.diagnostics, streams.colors.err);
            return;
        };
        workspace.add_given_files_with(&mut |file, source| self.trees.parse(file, source));
        let mut checked = workspace.check();
        // The tests run are those of the file asked for: a file a test
        // starts from may hold tests of its own, which are not asked for.
        checked.tests.retain(|test| test.file == test_file);
        if let Some(filter) = &options.filter {
            checked.tests.retain(|test| test.name.text.contains(filter.as_str()));
        }
        // Each test verifies as at its own date, so a warning that the
        // arrangements answer to another edition than the latest in force
        // says nothing about the tests.
        workspace
            .diagnostics
            .retain(|diagnostic| diagnostic.code != crate::diagnostics::Code::W0012);
        self.errors |= workspace.has_errors();
        self.said
            .add(&workspace.sources, &workspace.diagnostics, streams.colors.err);
        if self.errors {
            // Nothing is reported once a file does not check: the rest
            // are checked only for what they say.
            return;
        }
        let files: Vec<FileId> = guidance.files.iter().map(|(file, _)| *file).collect();
        let results = crate::policy_test::run(&workspace, &checked.tests, &files);
        match options.format {
            TestFormat::Human => self.parts.add_human(&results, &workspace.sources, streams.colors.out),
            TestFormat::Junit => self.parts.add_junit(&results, &workspace.sources),
        }
        self.failed |= results.iter().any(|result| result.fails(options.fail_on.as_ref()));
    }
}

/// The diagnostics of every workspace, rendered in the order found, each
/// said once: a file that several test files start from, or the guidance
/// given, is read with each, and what is wrong with it is said the first
/// time only.
#[derive(Default)]
struct Said {
    /// The text so far.
    text: String,
    /// What each diagnostic said is known by.
    seen: BTreeSet<Known>,
}

/// What a diagnostic said is known by: its code and message, and the
/// file and place (its start and end) it points at.
type Known = (String, String, Option<(String, u32, u32)>);

impl Said {
    fn add(&mut self, sources: &SourceMap, found: &[Diagnostic], color: bool) {
        let new: Vec<Diagnostic> = found
            .iter()
            .filter(|diagnostic| {
                let place = diagnostic.primary.as_ref().map(|label| {
                    let span = label.span;
                    (sources.name(span.file).to_owned(), span.start, span.end)
                });
                self.seen
                    .insert((diagnostic.code.as_str().to_owned(), diagnostic.message.clone(), place))
            })
            .cloned()
            .collect();
        if !new.is_empty() {
            self.text.push_str(&diagnostics::render(sources, &new, color));
        }
    }
}

/// The guidance given with `--policy`, read once (it may be standard
/// input) and checked once, for every test file's workspace.
struct Guidance {
    /// What reading it found wrong, in `read`.
    problems: Vec<Diagnostic>,
    /// The files as read.
    read: SourceMap,
    /// A workspace of the guidance alone: what checking it found, and the
    /// first of the workspaces each test file is read into.
    workspace: Workspace,
    /// The guidance's files, by their ids in every test file's workspace,
    /// each with the path it was given as.
    files: Vec<(FileId, PathBuf)>,
    /// The guidance checked, shared with every workspace.
    checked: Option<Arc<crate::check::Guidance>>,
}

impl Guidance {
    fn read(policies: &[PathBuf], trees: &mut Trees, streams: &mut Streams<'_>) -> Guidance {
        let mut read = SourceMap::new();
        let mut problems = Vec::new();
        let mut workspace = Workspace::new();
        let mut files = Vec::new();
        for path in policies {
            super::note_fifo(path, streams.write);
            match load::read_from(&mut read, path, &mut streams.input.reader) {
                Ok(file) => {
                    if let Some(source) = read.get(file) {
                        files.push((
                            add_guidance(&mut workspace, path, source, &mut |file, source| {
                                trees.parse(file, source)
                            }),
                            path.clone(),
                        ));
                    }
                }
                Err(error) => problems.push(diagnostics::from_syntax(&error)),
            }
        }
        let checked = (!files.is_empty()).then(|| Arc::new(workspace.check_guidance()));
        Guidance {
            problems,
            read,
            workspace,
            files,
            checked,
        }
    }

    /// A workspace holding the guidance, with the same file ids as it was
    /// checked with, for one test file; its trees parsed once (`trees`).
    fn workspace(&self, trees: &mut Trees) -> Workspace {
        let mut workspace = Workspace::new();
        for (file, path) in &self.files {
            if let Some(source) = self.workspace.sources.get(*file) {
                add_guidance(&mut workspace, path, source, &mut |file, source| {
                    trees.parse(file, source)
                });
            }
        }
        if let Some(checked) = &self.checked {
            workspace.share_guidance(Arc::clone(checked));
        }
        workspace
    }
}

/// Adds a guidance file, read already, to a workspace: as the file at
/// its path (so that a test's `given` naming the same file finds it, not
/// a second copy), or for standard input as text of that name.
fn add_guidance(workspace: &mut Workspace, path: &Path, source: &SourceFile, parse: &mut Parser<'_>) -> FileId {
    if path == Path::new(load::STDIN_PATH) {
        workspace.add_text_with(source.name(), &source.text, parse)
    } else {
        workspace.add_source_with(path, &source.text, parse)
    }
}

/// The files in order, each once: a file found in a folder and named as
/// well is tested once.
fn once_each(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = BTreeSet::new();
    files
        .into_iter()
        .filter(|file| seen.insert(std::fs::canonicalize(file).unwrap_or_else(|_| file.clone())))
        .collect()
}

/// The test files the paths give, and those passed over as their own
/// words ask.
#[derive(Default)]
struct Found {
    /// The files to read as tests.
    files: Vec<PathBuf>,
    /// Files in a folder that hold tests and say they are not test files
    /// ([`SKIP_MARK`]): a deliberately broken example, say.
    skipped: Vec<PathBuf>,
}

/// The line comment a file holding `test` items starts a line with to be
/// passed over when a folder is searched for tests (named, it is still
/// read): the examples of what a broken test file gives, which are meant
/// not to check.
const SKIP_MARK: &str = "// dcsc test: skip";

/// The test files a path gives: a file named is read whatever it holds; a
/// folder gives the `.dcs` files below it that hold a `test` item, in
/// name order, skipping hidden folders, `target` and links. Whether a
/// file holds a test is asked of its lines, not its parse, so a file that
/// holds tests and does not parse is read, and its errors reported; one
/// that holds none is not a test file, broken or not.
fn find(path: &Path, named: bool, found: &mut Found) {
    let metadata = std::fs::symlink_metadata(path);
    let is_folder = metadata.as_ref().is_ok_and(std::fs::Metadata::is_dir);
    if !is_folder {
        if named {
            found.files.push(path.to_path_buf());
            return;
        }
        match test_file(path) {
            TestFile::Tests => found.files.push(path.to_path_buf()),
            TestFile::Skipped => found.skipped.push(path.to_path_buf()),
            TestFile::NoTests => {}
        }
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        found.files.push(path.to_path_buf());
        return;
    };
    // Below `.`, names are shown as the user would write them: `x.dcs`,
    // not `./x.dcs`.
    let mut below: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .map(|entry| match entry.strip_prefix(".") {
            Ok(relative) if path == Path::new(".") => relative.to_path_buf(),
            Ok(_) | Err(_) => entry,
        })
        .collect();
    below.sort();
    for entry in below {
        let name = entry
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        match std::fs::symlink_metadata(&entry) {
            Ok(metadata) if metadata.is_dir() => find(&entry, false, found),
            Ok(metadata) if metadata.is_file() && name.ends_with(".dcs") => find(&entry, false, found),
            Ok(_) | Err(_) => {}
        }
    }
}

/// What a file in a searched folder is to `dcsc test`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TestFile {
    /// It holds a test: read it.
    Tests,
    /// It holds a test and says it is not a test file ([`SKIP_MARK`]).
    Skipped,
    /// It holds no test (or cannot be read as text, which the commands
    /// that read it say): not a test file.
    NoTests,
}

/// Whether a file has a line starting `test ` (an item's head, at the
/// margin as `dcsc fmt` puts it), and whether a line starts with
/// [`SKIP_MARK`]: the cheap questions a folder's files are asked before
/// one is read as tests.
fn test_file(path: &Path) -> TestFile {
    let Ok(text) = std::fs::read_to_string(path) else {
        return TestFile::NoTests;
    };
    let holds_tests = text.lines().any(|line| {
        line.strip_prefix("test")
            .is_some_and(|rest| rest.starts_with([' ', '\t']))
    });
    if !holds_tests {
        TestFile::NoTests
    } else if text.lines().any(|line| line.trim_start().starts_with(SKIP_MARK)) {
        TestFile::Skipped
    } else {
        TestFile::Tests
    }
}
