//! `dcsc test`: which files hold tests, and the run's output and
//! status. Running and comparing is [`crate::policy_test`]'s.

use std::path::{Path, PathBuf};

use super::{add_input, refuse, Channel, Status, Streams};
use crate::command::CommandError;
use crate::render::test_report::{self, Counts};
use crate::Workspace;

/// Output formats of `dcsc test`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TestFormat {
    /// Text for people: each test, and what each failure expected and found.
    Human,
    /// JUnit XML, for CI.
    Junit,
}

/// `dcsc test`: runs the tests in `paths` (none: the current folder)
/// against the guidance files given, or the embedded guidance. Needs
/// action if any test fails.
pub fn test(
    paths: &[PathBuf],
    policies: &[PathBuf],
    filter: Option<&str>,
    format: TestFormat,
    streams: &mut Streams<'_>,
) -> Status {
    let searched: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let mut files = Vec::new();
    for path in &searched {
        find(path, true, &mut files);
    }
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
    if let Some(filter) = filter {
        checked.tests.retain(|test| test.name.text.contains(filter));
    }
    // Each test verifies as at its own date, so a warning that the
    // arrangements answer to another edition than the latest in force says
    // nothing about the tests.
    workspace
        .diagnostics
        .retain(|diagnostic| diagnostic.code != crate::diagnostics::Code::W0012);
    if workspace.has_errors() {
        write(Channel::Err, &workspace.render_diagnostics(colors.err));
        return Status::BadInput;
    }
    if checked.tests.is_empty() {
        let problem = CommandError::NoTests {
            searched: searched.iter().map(|path| format!("`{}`", path.display())).collect(),
            filter: filter.map(str::to_owned),
        };
        return refuse(&workspace.sources, &problem, false, colors.err, write);
    }
    if !workspace.diagnostics.is_empty() {
        write(Channel::Err, &workspace.render_diagnostics(colors.err));
    }
    let results = crate::policy_test::run(&workspace, &checked.tests, &guidance);
    write(
        Channel::Out,
        &match format {
            TestFormat::Human => test_report::human(&results, &workspace.sources, colors.out),
            TestFormat::Junit => test_report::junit(&results, &workspace.sources),
        },
    );
    if Counts::of(&results).all_passed() {
        Status::Clear
    } else {
        Status::NeedsAction
    }
}

/// The test files a path gives: a file named is read whatever it holds; a
/// folder gives the `.dcs` files below it that hold a `test` item, in
/// name order, skipping hidden folders, `target` and links.
fn find(path: &Path, named: bool, files: &mut Vec<PathBuf>) {
    let metadata = std::fs::symlink_metadata(path);
    let is_folder = metadata.as_ref().is_ok_and(std::fs::Metadata::is_dir);
    if !is_folder {
        if named || holds_tests(path) {
            files.push(path.to_path_buf());
        }
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        files.push(path.to_path_buf());
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
            Ok(metadata) if metadata.is_dir() => find(&entry, false, files),
            Ok(metadata) if metadata.is_file() && name.ends_with(".dcs") => find(&entry, false, files),
            Ok(_) | Err(_) => {}
        }
    }
}

/// Whether a file has a line starting `test `: the cheap question a
/// folder's files are asked before one is read as tests.
fn holds_tests(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| {
        text.lines().any(|line| {
            line.strip_prefix("test")
                .is_some_and(|rest| rest.starts_with([' ', '\t']))
        })
    })
}
