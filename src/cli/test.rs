//! `dcsc test`: which files hold tests, and the run's output and exit
//! status. Running and comparing is [`dcsc::policy_test`]'s.

use std::path::{Path, PathBuf};

use dcsc::command::CommandError;
use dcsc::diagnostics;
use dcsc::render::test_report::{self, Counts};
use dcsc::Workspace;

use super::{
    add_input, color_wanted, emit, emit_error, report_problems, stderr_color_wanted, BAD_INPUT, NEEDS_ACTION, OK,
};

/// Output formats of `dcsc test`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TestFormat {
    /// Text for people: each test, and what each failure expected and found.
    Human,
    /// JUnit XML, for CI.
    Junit,
}

/// Runs the tests in `paths` (default: the current folder) against the
/// guidance files given, or the embedded guidance.
pub fn run(paths: &[PathBuf], policies: &[PathBuf], format: TestFormat) -> u8 {
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
        .filter_map(|policy| add_input(&mut workspace, policy))
        .collect();
    let test_files: Vec<_> = files
        .iter()
        .filter_map(|file| add_input(&mut workspace, file))
        .collect();
    workspace.add_given_files();
    let mut checked = workspace.check();
    // The tests run are those of the files asked for: a file a test starts
    // from may hold tests of its own, which are not asked for.
    checked.tests.retain(|test| test_files.contains(&test.file));
    // Each test verifies as at its own date, so a warning that the
    // arrangements answer to another edition than the latest in force says
    // nothing about the tests.
    workspace
        .diagnostics
        .retain(|diagnostic| diagnostic.code != dcsc::diagnostics::Code::W0012);
    if workspace.has_errors() {
        emit_error(&workspace.render_diagnostics(stderr_color_wanted()));
        return BAD_INPUT;
    }
    if checked.tests.is_empty() {
        let problem = CommandError::NoTests {
            searched: searched.iter().map(|path| format!("`{}`", path.display())).collect(),
        };
        return report_problems(&workspace.sources, &[diagnostics::from_command(&problem)], false);
    }
    if !workspace.diagnostics.is_empty() {
        emit_error(&workspace.render_diagnostics(stderr_color_wanted()));
    }
    let results = dcsc::policy_test::run(&workspace, &checked.tests, &guidance);
    emit(&match format {
        TestFormat::Human => test_report::human(&results, &workspace.sources, color_wanted()),
        TestFormat::Junit => test_report::junit(&results, &workspace.sources),
    });
    if Counts::of(&results).all_passed() {
        OK
    } else {
        NEEDS_ACTION
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
