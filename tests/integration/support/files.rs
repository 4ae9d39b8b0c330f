//! Files the tests make and read: scratch folders, and the files shipped
//! or tested with.

use std::path::{Path, PathBuf};

/// A scratch folder, removed and made anew: `dcsc-MODULE-PID-NAME` in the
/// temporary folder, the module being the file of the test that asks
/// (`lsp-completion` for `lsp/completion.rs`), so that modules running side
/// by side in one process never share one.
#[track_caller]
pub fn scratch(name: &str) -> PathBuf {
    let file = std::panic::Location::caller().file();
    let module = file
        .rsplit_once("integration/")
        .map_or(file, |(_, module)| module)
        .trim_end_matches(".rs")
        .trim_end_matches("/mod")
        .replace('/', "-");
    let dir = std::env::temp_dir().join(format!("dcsc-{module}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Writes a file below `dir` (making its folders), and gives its path.
pub fn write(dir: &Path, name: &str, contents: &(impl AsRef<[u8]> + ?Sized)) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("scratch subfolder");
    }
    std::fs::write(&path, contents).expect("write scratch file");
    path.display().to_string()
}

/// Every file below a folder whose extension is one of `extensions`,
/// each folder's entries in name order.
pub fn files_under(folder: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    collect(folder, extensions, &mut found);
    found
}

fn collect(folder: &Path, extensions: &[&str], found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, extensions, found);
        } else if entry
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| extensions.contains(&extension))
        {
            found.push(entry);
        }
    }
}
