//! `dcsc test`: which files hold tests, and the run's output and
//! status. Running and comparing is [`crate::policy_test`]'s.

use std::path::{Path, PathBuf};

use super::{add_input, refuse, Channel, FailOn, Status, Streams};
use crate::command::CommandError;
use crate::diagnostics;
use crate::render::test_report;
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
    let mut workspace = Workspace::new();
    let guidance: Vec<_> = policies
        .iter()
        .filter_map(|policy| add_input(&mut workspace, policy, streams))
        .collect();
    let test_files: Vec<_> = files
        .iter()
        .filter_map(|file| add_input(&mut workspace, file, streams))
        .collect();
    let Streams { colors, write, .. } = streams;
    workspace.add_given_files();
    let mut checked = workspace.check();
    // The tests run are those of the files asked for: a file a test starts
    // from may hold tests of its own, which are not asked for.
    checked.tests.retain(|test| test_files.contains(&test.file));
    if let Some(filter) = &options.filter {
        checked.tests.retain(|test| test.name.text.contains(filter.as_str()));
    }
    // Each test verifies as at its own date, so a warning that the
    // arrangements answer to another edition than the latest in force says
    // nothing about the tests.
    workspace
        .diagnostics
        .retain(|diagnostic| diagnostic.code != crate::diagnostics::Code::W0012);
    if !skipped.is_empty() {
        workspace
            .diagnostics
            .push(diagnostics::from_command(&CommandError::NotTests {
                paths: skipped
                    .iter()
                    .map(|path| crate::visible::escape(&path.display().to_string()).into_owned())
                    .collect(),
            }));
    }
    if workspace.has_errors() {
        write(Channel::Err, &workspace.render_diagnostics(colors.err));
        return Status::BadInput;
    }
    // The warnings first: that files were passed over may be why no test
    // was found.
    if !workspace.diagnostics.is_empty() {
        write(Channel::Err, &workspace.render_diagnostics(colors.err));
    }
    if checked.tests.is_empty() {
        let problem = CommandError::NoTests {
            searched: searched.iter().map(|path| format!("`{}`", path.display())).collect(),
            filter: options.filter.clone(),
        };
        return refuse(&workspace.sources, &problem, false, colors.err, write);
    }
    let results = crate::policy_test::run(&workspace, &checked.tests, &guidance);
    write(
        Channel::Out,
        &match options.format {
            TestFormat::Human => test_report::human(&results, &workspace.sources, colors.out),
            TestFormat::Junit => test_report::junit(&results, &workspace.sources),
        },
    );
    if results.iter().any(|result| result.fails(options.fail_on.as_ref())) {
        Status::NeedsAction
    } else {
        Status::Clear
    }
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
