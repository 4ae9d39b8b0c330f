//! The councils under the paths `dcsc serve` is given, found once when it
//! starts: a council's file, a council's folder (one arrangements file,
//! with its local policies and shared files beside it), or a folder of
//! councils (`load::councils_in`: each file, each sub-folder). Files that
//! hold only policy tests are left out, as `verify` leaves them out, and
//! so is a file another council shares, which holds no arrangements, and
//! a file that is not dcsc input ([`load::holds`]).
//!
//! The client names a council by its id and a file by its number in the
//! council's list, never by a path; and a file is read or written only if
//! its canonical path still lies in the folder it was found in, so
//! neither a `..` nor a symbolic link can lead out.

use std::path::{Path, PathBuf};

use axum::http::StatusCode;

use super::reply::Failure;
use crate::load::{self, holds, Holds};

/// One council: its id in addresses, its files, and the folder they must
/// stay in.
#[derive(Clone, Debug)]
pub(super) struct Council {
    /// Letters, digits and `-`, unique among the councils served.
    pub(super) id: String,
    /// The file or folder it was found as, as shown to people.
    pub(super) path: String,
    /// Its files, sorted, as found (relative to where dcsc started, if
    /// given so).
    pub(super) files: Vec<PathBuf>,
    /// The canonical folder its files must lie in.
    pub(super) root: PathBuf,
}

/// The councils found, and what was passed over that people should hear
/// of.
pub(super) struct Found {
    pub(super) councils: Vec<Council>,
    pub(super) warnings: Vec<String>,
}

/// Finds the councils under the paths, in the order given (a folder's
/// sorted by path).
pub(super) fn discover(paths: &[PathBuf]) -> Result<Found, String> {
    let mut found = Found {
        councils: Vec::new(),
        warnings: Vec::new(),
    };
    for path in paths {
        let metadata =
            std::fs::metadata(path).map_err(|error| format!("`{}`: {}", shown(path), load::describe_io(&error)))?;
        if metadata.is_file() {
            let folder = path.parent().filter(|parent| !parent.as_os_str().is_empty());
            let root = canonical_folder(folder.unwrap_or(Path::new(".")))?;
            add(&mut found, shown(path), vec![path.clone()], root);
        } else if metadata.is_dir() {
            in_folder(&mut found, path)?;
        } else {
            return Err(format!("`{}` is neither a file nor a folder", shown(path)));
        }
    }
    Ok(found)
}

fn in_folder(found: &mut Found, folder: &Path) -> Result<(), String> {
    let root = canonical_folder(folder)?;
    let entries = load::councils_in(folder).map_err(|_| format!("`{}` cannot be read", shown(folder)))?;
    let files_here: Vec<&PathBuf> = entries
        .iter()
        .filter(|entry| Path::new(&entry.name).is_file())
        .flat_map(|entry| &entry.files)
        .collect();
    let sub_folders = entries.len() - files_here.len();
    let arrangements = files_here
        .iter()
        .filter(|file| holds(file) == Holds::Arrangements)
        .count();
    if sub_folders == 0 && arrangements == 1 {
        // One council's folder: its arrangements with what lies beside.
        let files = council_files(files_here.into_iter().cloned(), &root, &mut found.warnings);
        add(found, shown(folder), files, root);
        return Ok(());
    }
    for entry in entries {
        if Path::new(&entry.name).is_file() {
            let files = council_files(entry.files, &root, &mut found.warnings);
            if files.iter().any(|file| holds(file) == Holds::Arrangements) {
                add(found, entry.name, files, root.clone());
            }
        } else {
            let sub_root = canonical_folder(Path::new(&entry.name))?;
            if !sub_root.starts_with(&root) {
                found
                    .warnings
                    .push(format!("`{}` leads out of its folder, so it is not served", entry.name));
                continue;
            }
            let files = council_files(entry.files, &sub_root, &mut found.warnings);
            if files.iter().any(|file| holds(file) == Holds::Arrangements) {
                add(found, entry.name, files, sub_root);
            }
        }
    }
    Ok(())
}

/// A council's files: those that lie in its folder, less those holding
/// only tests.
fn council_files(files: impl IntoIterator<Item = PathBuf>, root: &Path, warnings: &mut Vec<String>) -> Vec<PathBuf> {
    files
        .into_iter()
        .filter(|file| {
            let inside = std::fs::canonicalize(file).is_ok_and(|canonical| canonical.starts_with(root));
            if !inside {
                warnings.push(format!(
                    "`{}` leads out of its folder, so it is not served",
                    shown(file)
                ));
            }
            let holds = holds(file);
            if holds == Holds::NotInput {
                warnings.push(format!("`{}` is not dcsc input, so it is not served", shown(file)));
            }
            inside && !matches!(holds, Holds::Tests | Holds::NotInput)
        })
        .collect()
}

fn add(found: &mut Found, path: String, files: Vec<PathBuf>, root: PathBuf) {
    if files.is_empty() {
        return;
    }
    let stem = Path::new(&path)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = unique(&found.councils, &slug(&stem));
    found.councils.push(Council { id, path, files, root });
}

/// A name made fit for an address: lower-case letters and digits, words
/// joined by `-`.
fn slug(name: &str) -> String {
    let mut slug = String::new();
    for character in name.chars() {
        if character.is_ascii_alphanumeric() {
            slug.push(character.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "council".to_owned()
    } else {
        slug.to_owned()
    }
}

fn unique(councils: &[Council], wanted: &str) -> String {
    let taken = |id: &str| councils.iter().any(|council| council.id == id);
    if !taken(wanted) {
        return wanted.to_owned();
    }
    (2..)
        .map(|number| format!("{wanted}-{number}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| wanted.to_owned())
}

fn canonical_folder(folder: &Path) -> Result<PathBuf, String> {
    std::fs::canonicalize(folder).map_err(|error| format!("`{}`: {}", shown(folder), load::describe_io(&error)))
}

/// A path as shown to people and in the API.
pub(super) fn shown(path: &Path) -> String {
    path.display().to_string()
}

impl Council {
    /// The file at `number` in the council's list, if it is still a
    /// regular file inside the council's folder (canonically, so a link
    /// put there since cannot lead out): the canonical path.
    pub(super) fn file(&self, number: usize) -> Result<(&Path, PathBuf), Failure> {
        let file = self.files.get(number).ok_or_else(|| {
            Failure::new(
                StatusCode::NOT_FOUND,
                format!(
                    "council `{}` has {} file(s), numbered from 0",
                    self.id,
                    self.files.len()
                ),
            )
        })?;
        let canonical = std::fs::canonicalize(file).map_err(|error| {
            Failure::new(
                StatusCode::NOT_FOUND,
                format!("`{}`: {}", shown(file), load::describe_io(&error)),
            )
        })?;
        if !canonical.starts_with(&self.root) || !canonical.is_file() {
            return Err(Failure::new(
                StatusCode::FORBIDDEN,
                format!(
                    "`{}` no longer lies in the council's folder, so it is not served",
                    shown(file)
                ),
            ));
        }
        Ok((file, canonical))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_ids_fit_for_an_address() {
        assert_eq!(slug("coventry"), "coventry");
        assert_eq!(slug("Barnet Council (2019)"), "barnet-council-2019");
        assert_eq!(slug("../.."), "council");
    }

    #[test]
    fn the_examples_are_three_councils_without_their_tests() {
        let found = discover(&[PathBuf::from("examples")]).unwrap();
        let ids: Vec<&str> = found.councils.iter().map(|council| council.id.as_str()).collect();
        assert_eq!(ids, ["barnet", "coventry", "northumberland"]);
        let barnet = &found.councils[0];
        assert_eq!(
            barnet.files,
            [
                PathBuf::from("examples/barnet/arrangements.dcs"),
                PathBuf::from("examples/barnet/framework.dcs")
            ]
        );
    }

    #[test]
    fn a_council_folder_given_alone_is_one_council() {
        let found = discover(&[PathBuf::from("examples/northumberland")]).unwrap();
        assert_eq!(found.councils.len(), 1);
        assert_eq!(found.councils[0].id, "northumberland");
        assert_eq!(found.councils[0].files.len(), 2);
    }
}
