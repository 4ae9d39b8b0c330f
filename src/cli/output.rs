//! Writing a report or chart to a file without ever leaving a truncated
//! one: the text goes to a temporary file beside the target, is flushed to
//! disk, and is then renamed over the target in one step.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` atomically. On failure the target is left
/// as it was and the reason is returned in words.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), String> {
    if path.is_dir() {
        return Err("it is a directory".to_owned());
    }
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| "it names no file".to_owned())?;
    let temporary: PathBuf = path.with_file_name(format!(".{name}.dcsc-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary).map_err(|error| describe(&error))?;
        file.write_all(contents).map_err(|error| describe(&error))?;
        file.sync_all().map_err(|error| describe(&error))?;
        std::fs::rename(&temporary, path).map_err(|error| describe(&error))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "its folder does not exist".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}
