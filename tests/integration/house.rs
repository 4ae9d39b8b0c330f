//! The house rules that a reader can check by counting: every source file
//! stays small enough to read in one sitting.

use std::path::{Path, PathBuf};

/// The most lines a source file may have outside its `#[cfg(test)]`
/// module (CONTRIBUTING.md, "House rules").
const MOST_LINES: usize = 800;

fn rust_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .expect("the source folder reads")
        .map(|entry| entry.expect("a folder entry reads").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

/// Lines before the file's test module, which may be as long as its
/// cases need.
fn lines_outside_tests(text: &str) -> usize {
    text.lines().take_while(|line| line.trim() != "#[cfg(test)]").count()
}

#[test]
fn every_source_file_is_under_the_line_limit() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.len() > 50, "the source files were not found");
    let long: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).expect("a source file reads");
            let lines = lines_outside_tests(&text);
            (lines > MOST_LINES).then(|| format!("{} has {lines} lines", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "over {MOST_LINES} lines outside tests: {long:#?}");
}

#[test]
fn a_test_module_is_not_counted() {
    let text = "fn a() {}\n\n#[cfg(test)]\nmod tests {\n    fn b() {}\n}\n";
    assert_eq!(lines_outside_tests(text), 2);
}
