//! Reading files (and standard input) into the source map, refusing what
//! cannot be text, and the guidance embedded in the binary.

use std::io::Read;
use std::path::{Path, PathBuf};

mod councils;

pub use councils::{councils, holds, sharing_groups, Councils, Holds};

use crate::source::{FileId, Origin, SourceMap, Span, STDIN_NAME};
use crate::syntax::SyntaxError;

/// Inputs larger than this are refused: no guidance or arrangement is
/// anywhere near it, and it keeps offsets within `u32`.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The path that means standard input.
pub const STDIN_PATH: &str = "-";

/// The guidance compiled into the binary: the default policy.
/// Every edition and amendment is embedded, so that verifying as at any
/// date uses the guidance then in force: the 2012 edition, the 2013 edition
/// that replaced it; beside them the law, each Act from its own
/// commencement, and the Acts that changed it since; and Working Together
/// 2023, statutory guidance of its own.
pub const EMBEDDED_POLICIES: &[(&str, &str)] = &[
    ("policies/dfe_2012.dcs", include_str!("../../policies/dfe_2012.dcs")),
    ("policies/dfe_2013.dcs", include_str!("../../policies/dfe_2013.dcs")),
    ("policies/lgha_1989.dcs", include_str!("../../policies/lgha_1989.dcs")),
    (
        "policies/ca_2004_s13.dcs",
        include_str!("../../policies/ca_2004_s13.dcs"),
    ),
    (
        "policies/ssfa_1998_s47a.dcs",
        include_str!("../../policies/ssfa_1998_s47a.dcs"),
    ),
    (
        "policies/hsca_2012_s194.dcs",
        include_str!("../../policies/hsca_2012_s194.dcs"),
    ),
    (
        "policies/lga_2000_s9c.dcs",
        include_str!("../../policies/lga_2000_s9c.dcs"),
    ),
    ("policies/csw_2017.dcs", include_str!("../../policies/csw_2017.dcs")),
    ("policies/hca_2022.dcs", include_str!("../../policies/hca_2022.dcs")),
    ("policies/wt_2023.dcs", include_str!("../../policies/wt_2023.dcs")),
    ("policies/cwsa_2026.dcs", include_str!("../../policies/cwsa_2026.dcs")),
];

/// Reads a file, or the process's standard input for `-`, into the
/// source map (see [`read_from`]).
pub fn read(sources: &mut SourceMap, path: &Path) -> Result<FileId, SyntaxError> {
    read_from(sources, path, &mut std::io::stdin())
}

/// Reads a file, or for `-` the standard input given (the commands are
/// handed theirs), into the source map. A file that is not UTF-8 is still
/// added (with replacement characters) so the error can show it.
pub fn read_from(sources: &mut SourceMap, path: &Path, standard_input: &mut dyn Read) -> Result<FileId, SyntaxError> {
    let stdin = path == Path::new(STDIN_PATH);
    let name = if stdin {
        STDIN_NAME.to_owned()
    } else {
        path.display().to_string()
    };
    let bytes = if stdin {
        bounded(standard_input, 0, &name)?
    } else {
        from_path(path, &name)?
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(sources.add(Origin::Path(name), text)),
        Err(error) => {
            let lossy = String::from_utf8_lossy(&bytes);
            let id = sources.add(Origin::Path(name), &lossy);
            // The text up to the first bad byte is unchanged by the lossy
            // conversion, so the offset holds (less a byte order mark).
            let bom = usize::from(bytes.starts_with(&[0xEF, 0xBB, 0xBF])) * 3;
            let offset = error.valid_up_to().saturating_sub(bom);
            Err(SyntaxError::InvalidUtf8 {
                span: Span::new(id, offset, offset + 1),
            })
        }
    }
}

fn from_path(path: &Path, name: &str) -> Result<Vec<u8>, SyntaxError> {
    let unreadable = |reason: String| SyntaxError::Unreadable {
        path: name.to_owned(),
        reason,
    };
    // Asked of the path before opening it, as opening a FIFO waits for a
    // writer and opening a directory fails differently on each platform.
    let metadata = std::fs::metadata(path).map_err(|error| unreadable(describe_io(&error)))?;
    if metadata.is_dir() {
        return Err(unreadable("it is a directory".to_owned()));
    }
    // Only a regular file's length is worth asking: a device or pipe says
    // 0 whatever it holds, so everything is read through `bounded` anyway.
    let expected = if metadata.is_file() { metadata.len() } else { 0 };
    if expected > MAX_FILE_BYTES {
        return Err(too_large(name));
    }
    let file = std::fs::File::open(path).map_err(|error| unreadable(describe_io(&error)))?;
    bounded(file, expected, name)
}

/// Reads at most one byte past the limit, so an endless input
/// (`/dev/zero`, `yes |`) is refused once it is known to be too large
/// instead of filling memory.
fn bounded(reader: impl Read, expected: u64, name: &str) -> Result<Vec<u8>, SyntaxError> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.saturating_add(1)).unwrap_or(0));
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| SyntaxError::Unreadable {
            path: name.to_owned(),
            reason: describe_io(&error),
        })?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_FILE_BYTES {
        return Err(too_large(name));
    }
    Ok(bytes)
}

fn too_large(name: &str) -> SyntaxError {
    SyntaxError::TooLarge {
        path: name.to_owned(),
        limit: MAX_FILE_BYTES,
    }
}

/// Adds the embedded guidance to the source map.
pub fn embedded(sources: &mut SourceMap) -> Vec<FileId> {
    EMBEDDED_POLICIES
        .iter()
        .map(|(name, text)| sources.add(Origin::Embedded((*name).to_owned()), text))
        .collect()
}

/// An input/output error in words for a message.
pub fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

/// One council in a folder of councils: a `.dcs` or `.json` file, or a
/// sub-folder whose files are read together (a council's arrangements with
/// its local policy, as `examples/barnet/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Council {
    /// The file or sub-folder, as shown in messages.
    pub name: String,
    /// Its files, sorted.
    pub files: Vec<PathBuf>,
}

/// The councils in a folder, sorted by path: each `.dcs` or `.json` file
/// in it, and each sub-folder holding such files (read whole, the files
/// directly in it; deeper folders are left to `shares`). Names starting
/// with `.` are passed over, and so is anything but regular files and
/// folders (a FIFO would wait for a writer).
pub fn councils_in(folder: &Path) -> Result<Vec<Council>, SyntaxError> {
    let mut councils = Vec::new();
    for entry in sorted_entries(folder)? {
        let Ok(metadata) = std::fs::metadata(&entry) else {
            continue;
        };
        if metadata.is_file() && is_council_file(&entry) {
            councils.push(Council {
                name: entry.display().to_string(),
                files: vec![entry],
            });
        } else if metadata.is_dir() {
            let files: Vec<PathBuf> = sorted_entries(&entry)?
                .into_iter()
                .filter(|file| {
                    is_council_file(file) && std::fs::metadata(file).is_ok_and(|metadata| metadata.is_file())
                })
                .collect();
            if !files.is_empty() {
                councils.push(Council {
                    name: entry.display().to_string(),
                    files,
                });
            }
        }
    }
    Ok(councils)
}

/// The `.dcs` files directly in a folder (`""` is the current folder),
/// sorted, each named as the folder joined with its name; none if the
/// folder cannot be read.
pub fn dcs_files_in(folder: &Path) -> Vec<PathBuf> {
    let listed = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    sorted_entries(listed)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|entry| {
            let name = entry.file_name()?;
            (entry.extension().is_some_and(|extension| extension == "dcs")
                && std::fs::metadata(&entry).is_ok_and(|metadata| metadata.is_file()))
            .then(|| folder.join(name))
        })
        .collect()
}

/// The entries of a folder, sorted by name, hidden ones left out.
pub(crate) fn sorted_entries(folder: &Path) -> Result<Vec<PathBuf>, SyntaxError> {
    let unreadable = |error: std::io::Error| SyntaxError::Unreadable {
        path: folder.display().to_string(),
        reason: describe_io(&error),
    };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        if entry.file_name().as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        entries.push(entry.path());
    }
    entries.sort();
    Ok(entries)
}

pub(crate) fn is_council_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == "dcs" || extension == "json")
}
