//! Writing a file (a report or chart to the file named with `-o`, a file
//! `fmt` lays out) without ever leaving a truncated one, without
//! clobbering an input, and without replacing what is not a regular file.
//!
//! A regular file (or one that does not exist yet) is written to a
//! temporary file beside it, flushed to disk, and renamed over it in one
//! step. The replacement keeps the file's mode and owner (a file whose
//! owner cannot be kept is refused, as is one the user may not write);
//! a file with other hard links is still replaced, and the caller is told
//! that those names keep the old text. A temporary is named after the
//! process that wrote it (`.dcsc-PID-XXXXXX.tmp`), so one left by a
//! process that was killed is removed by the next write to that folder. Anything else (a terminal, `/dev/null`, a FIFO, `/dev/stdout`) is
//! written in place, since renaming a regular file over it would replace
//! the device or pipe the user named.

use std::collections::BTreeSet;
use std::fs::{File, Metadata, OpenOptions, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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

/// What a write did beyond writing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// How many other names (hard links) the file replaced had: they keep
    /// its old text.
    pub other_links: u64,
}

/// Where the bytes go once symbolic links are followed.
enum Target {
    /// A regular file, or a name with nothing there yet: replaced by
    /// rename, keeping the mode and owner it had.
    Replace(PathBuf, Option<Metadata>),
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
pub fn write(path: &Path, contents: &[u8]) -> Result<Written, WriteError> {
    let replaced = |reason: String| WriteError {
        reason,
        in_place: false,
    };
    if path.file_name().is_none() {
        return Err(replaced("it names no file".to_owned()));
    }
    match resolve(path).map_err(replaced)? {
        Target::Replace(path, existing) => replace(&path, existing.as_ref(), contents).map_err(replaced),
        Target::InPlace(path) => in_place(&path, contents)
            .map(|()| Written::default())
            .map_err(|reason| WriteError { reason, in_place: true }),
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
            return Ok(Target::Replace(current, Some(metadata)));
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

/// Writes a temporary file beside `path` and renames it over `path`,
/// keeping the mode and owner of the file it replaces (`existing`).
fn replace(path: &Path, existing: Option<&Metadata>, contents: &[u8]) -> Result<Written, String> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if let Some(existing) = existing {
        // The rename needs only the folder to be writable, so a read-only
        // file would be replaced: refused if no one may write it (as root
        // too, as an editor warns), or if opening it for writing, which
        // changes nothing, is refused to this user.
        let read_only = "it is read-only (you may not write it), so it was left as it is";
        if existing.permissions().readonly() {
            return Err(read_only.to_owned());
        }
        OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::PermissionDenied => read_only.to_owned(),
                _ => describe(&error),
            })?;
    }
    clean_stale(folder);
    // A short name of its own rather than one built from the target's, so
    // a 250-character target name still leaves room for it; tempfile
    // makes the name unpredictable and creates it with O_EXCL, so a file
    // or link planted under the name is never written through. The
    // process's id in the name lets a later run tell an abandoned one.
    let prefix = format!("{TEMPORARY_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As `File::create` would: the umask decides a new file's mode.
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(folder).map_err(|error| describe(&error))?;
    temporary.write_all(contents).map_err(|error| describe(&error))?;
    let mut written = Written::default();
    if let Some(existing) = existing {
        // Owner first: changing it may clear the set-id bits of the mode.
        ownership::keep(temporary.as_file(), existing)?;
        // The replacement keeps the mode the user gave the file (0640 for
        // a report only a group may read), not the umask's.
        temporary
            .as_file()
            .set_permissions(existing.permissions())
            .map_err(|error| describe(&error))?;
        written.other_links = ownership::other_links(existing);
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
    Ok(written)
}

/// How a temporary file's name starts: then the writer's process id.
const TEMPORARY_PREFIX: &str = ".dcsc-";

/// How a temporary file's name ends.
const TEMPORARY_SUFFIX: &str = ".tmp";

/// How old a temporary whose writer cannot be told (no process id in its
/// name, or no `/proc` to ask) must be before it is taken as abandoned.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// The folders already cleaned by this process: each once, so formatting
/// a folder of thousands of files does not list it thousands of times.
static CLEANED: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// Removes the temporaries in `folder` that a killed process left: those
/// whose writer is no longer running, or, where that cannot be told, that
/// are more than an hour old. Failures are ignored: cleaning is a
/// courtesy, and never stops a write.
fn clean_stale(folder: &Path) {
    {
        let mut cleaned = CLEANED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let key = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
        if !cleaned.insert(key) {
            return;
        }
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(middle) = name
            .to_str()
            .and_then(|name| name.strip_prefix(TEMPORARY_PREFIX))
            .and_then(|name| name.strip_suffix(TEMPORARY_SUFFIX))
        else {
            continue;
        };
        // Never follow a link: only a regular file of that name is ours.
        let Ok(metadata) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if metadata.is_file() && abandoned(middle, &metadata) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a temporary (`middle`: its name between prefix and suffix) was
/// abandoned by the process that wrote it.
fn abandoned(middle: &str, metadata: &Metadata) -> bool {
    let writer = middle
        .split_once('-')
        .and_then(|(process, _)| process.parse::<u32>().ok());
    let proc_known = Path::new("/proc/self").exists();
    match writer {
        Some(process) if process == std::process::id() => false,
        Some(process) if proc_known => !Path::new("/proc").join(process.to_string()).exists(),
        Some(_) | None => metadata
            .modified()
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > ABANDONED_AFTER),
    }
}

#[cfg(unix)]
mod ownership {
    use std::fs::{File, Metadata};
    use std::os::unix::fs::MetadataExt;

    /// Gives the new file the owner and group of the one it replaces.
    /// Only where they differ from what the new file got (they do when
    /// `sudo dcsc fmt` rewrites a user's file); a file whose owner cannot
    /// be kept is refused rather than handed to another owner.
    pub fn keep(file: &File, existing: &Metadata) -> Result<(), String> {
        let new = file.metadata().map_err(|error| super::describe(&error))?;
        if new.uid() == existing.uid() && new.gid() == existing.gid() {
            return Ok(());
        }
        std::os::unix::fs::fchown(file, Some(existing.uid()), Some(existing.gid())).map_err(|_| {
            format!(
                "it belongs to another user or group (uid {}, gid {}), which a rewritten file could not keep, so it was left as it is",
                existing.uid(),
                existing.gid()
            )
        })
    }

    /// How many other names the file has.
    pub fn other_links(existing: &Metadata) -> u64 {
        existing.nlink().saturating_sub(1)
    }
}

#[cfg(not(unix))]
mod ownership {
    use std::fs::{File, Metadata};

    /// Elsewhere a file's owner is not part of what is kept.
    pub fn keep(_file: &File, _existing: &Metadata) -> Result<(), String> {
        Ok(())
    }

    /// Not asked where the standard library cannot tell.
    pub fn other_links(_existing: &Metadata) -> u64 {
        0
    }
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
