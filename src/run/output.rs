//! Writing a file (a report or chart to the file named with `-o`, a file
//! `fmt` lays out) without ever leaving a truncated one, without
//! clobbering an input, and without replacing what is not a regular file.
//!
//! A regular file (or one that does not exist yet) is written to a
//! temporary file beside it, flushed to disk, and renamed over it in one
//! step. Anything else (a terminal, `/dev/null`, a FIFO, `/dev/stdout`) is
//! written in place, since renaming a regular file over it would replace
//! the device or pipe the user named.

use std::fs::{File, OpenOptions, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many symbolic links are followed before giving up, as Linux does.
const MAX_LINKS: usize = 40;

/// Why the output could not be written.
#[derive(Debug)]
pub struct WriteError {
    /// Why, in words.
    pub reason: String,
    /// Whether the target was written in place (a device or pipe), so part
    /// of the output may have reached it.
    pub in_place: bool,
}

/// Where the bytes go once symbolic links are followed.
enum Target {
    /// A regular file, or a name with nothing there yet: replaced by
    /// rename, keeping the permissions it had.
    Replace(PathBuf, Option<Permissions>),
    /// Not a regular file: opened and written as it is.
    InPlace(PathBuf),
}

/// The input that `output` is the same file as, if any: `standard_input`
/// is what `-` reads, if it is a file (a shell may have redirected it from
/// the very file named with `-o`). Only an existing regular file can be
/// clobbered by the rename; two names for one terminal or pipe
/// (`/dev/stdin` and `/dev/stdout`) are not refused.
pub fn same_file_as_input<'a>(
    output: &Path,
    inputs: &'a [PathBuf],
    standard_input: Option<&std::fs::Metadata>,
) -> Option<&'a Path> {
    let target = std::fs::metadata(output).ok().filter(std::fs::Metadata::is_file)?;
    inputs.iter().map(PathBuf::as_path).find(|input| {
        if *input == Path::new(crate::load::STDIN_PATH) {
            standard_input.is_some_and(|metadata| identity::same_metadata(output, &target, metadata))
        } else {
            identity::same(output, &target, input)
        }
    })
}

#[cfg(unix)]
mod identity {
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    /// Whether `input` is the file `target` describes: same device and
    /// inode, which also catches hard links and symbolic links.
    pub fn same(output: &Path, target: &std::fs::Metadata, input: &Path) -> bool {
        std::fs::metadata(input).is_ok_and(|metadata| same_metadata(output, target, &metadata))
    }

    /// Whether `metadata` describes the file `target` does.
    pub fn same_metadata(_output: &Path, target: &std::fs::Metadata, metadata: &std::fs::Metadata) -> bool {
        metadata.dev() == target.dev() && metadata.ino() == target.ino()
    }
}

#[cfg(not(unix))]
mod identity {
    use std::path::Path;

    /// Whether `input` names the same file as `output`, by canonical path
    /// where device and inode numbers are not at hand.
    pub fn same(output: &Path, _target: &std::fs::Metadata, input: &Path) -> bool {
        match (std::fs::canonicalize(output), std::fs::canonicalize(input)) {
            (Ok(output), Ok(input)) => output == input,
            _ => false,
        }
    }

    /// Without device and inode numbers, an open stream cannot be told to
    /// be a file named: never the same.
    pub fn same_metadata(_output: &Path, _target: &std::fs::Metadata, _metadata: &std::fs::Metadata) -> bool {
        false
    }
}

/// Writes `contents` to `path`. On failure a regular file is left as it
/// was, and the reason is returned in words.
pub fn write(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let replaced = |reason: String| WriteError {
        reason,
        in_place: false,
    };
    if path.file_name().is_none() {
        return Err(replaced("it names no file".to_owned()));
    }
    match resolve(path).map_err(replaced)? {
        Target::Replace(path, permissions) => replace(&path, permissions, contents).map_err(replaced),
        Target::InPlace(path) => in_place(&path, contents).map_err(|reason| WriteError { reason, in_place: true }),
    }
}

/// Follows symbolic links to the file that will really be written, so
/// that a link named with `-o` stays a link and its target gets the
/// text.
fn resolve(path: &Path) -> Result<Target, String> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let metadata = match std::fs::symlink_metadata(&current) {
            Ok(metadata) => metadata,
            // Nothing there yet (a dangling link is followed to here): the
            // file is created, and a missing folder is reported then.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Target::Replace(current, None));
            }
            Err(error) => return Err(describe(&error)),
        };
        let kind = metadata.file_type();
        if kind.is_symlink() {
            if in_proc(&current) {
                // /dev/stdout leads to /proc/self/fd/1, whose link text
                // ("pipe:[…]", "/x (deleted)") is no path to follow:
                // opening the link itself reaches the open file.
                return Ok(Target::InPlace(current));
            }
            let link = std::fs::read_link(&current).map_err(|error| describe(&error))?;
            current = match current.parent() {
                Some(folder) => folder.join(link),
                None => link,
            };
        } else if kind.is_dir() {
            return Err("it is a directory".to_owned());
        } else if kind.is_file() {
            return Ok(Target::Replace(current, Some(metadata.permissions())));
        } else {
            return Ok(Target::InPlace(current));
        }
    }
    Err(format!("it leads through more than {MAX_LINKS} symbolic links"))
}

/// Whether `path` is an entry of /proc, whose links are not paths.
fn in_proc(path: &Path) -> bool {
    path.parent()
        .and_then(|folder| std::fs::canonicalize(folder).ok())
        .is_some_and(|folder| folder.starts_with("/proc"))
}

/// Writes a temporary file beside `path` and renames it over `path`.
fn replace(path: &Path, permissions: Option<Permissions>, contents: &[u8]) -> Result<(), String> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    // A short name of its own rather than one built from the target's, so
    // a 250-character target name still leaves room for it; tempfile
    // makes the name unpredictable and creates it with O_EXCL, so a file
    // or link planted under the name is never written through.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dcsc-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As `File::create` would: the umask decides a new file's mode.
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(folder).map_err(|error| describe(&error))?;
    temporary.write_all(contents).map_err(|error| describe(&error))?;
    if let Some(permissions) = permissions {
        // The replacement keeps the mode the user gave the file (0640 for
        // a report only a group may read), not the umask's.
        temporary
            .as_file()
            .set_permissions(permissions)
            .map_err(|error| describe(&error))?;
    }
    temporary.as_file().sync_all().map_err(|error| describe(&error))?;
    // On failure the temporary file is dropped, which removes it.
    temporary.persist(path).map_err(|error| describe(&error.error))?;
    // The rename is durable once the folder is; where a folder cannot be
    // opened or synced (some platforms and file systems) the file is
    // written all the same.
    if let Ok(folder) = File::open(folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Writes to a device or pipe as it is: no temporary, no rename, no
/// truncation.
fn in_place(path: &Path, contents: &[u8]) -> Result<(), String> {
    let mut file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|error| describe(&error))?;
    file.write_all(contents).map_err(|error| describe(&error))?;
    file.flush().map_err(|error| describe(&error))
}

/// An I/O error in words.
pub fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "its folder does not exist".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::StorageFull => "no space is left on the device".to_owned(),
        _ => error.to_string(),
    }
}
