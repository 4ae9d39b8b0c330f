//! Which files make which council, one meaning for every command that
//! reads councils: a council's file; a council's folder (one arrangements
//! file, with its local policies and shared files beside it), read whole;
//! a folder of councils (each arrangements file in it, and each sub-folder
//! holding arrangements, read whole). Files that hold only policy tests
//! are `dcsc test`'s and left out; files that are not dcsc input (a saved
//! JSON output, notes) are passed over, and named, so one warning can say
//! so.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{read_from, sorted_entries, Council};
use crate::source::SourceMap;
use crate::syntax::{self, ast::ItemKind, SyntaxError};

/// What a file holds, as far as finding councils goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// An arrangements header, or what cannot be told (a file that does
    /// not read, or does not cut into items): its errors are for the
    /// council's run to report.
    Arrangements,
    /// Only policy tests: `dcsc test`'s.
    Tests,
    /// Guidance, a local policy, an amendment, a shared file.
    Other,
    /// Not dcsc input: not a `.dcs` or `.json` file, or JSON that is not
    /// arrangements (a saved output of `--format json`, SARIF).
    NotInput,
}

/// What a file holds, from the first word of each item (see
/// [`syntax::item_kinds`]).
pub fn holds(path: &Path) -> Holds {
    if !super::is_council_file(path) {
        return Holds::NotInput;
    }
    let mut sources = SourceMap::new();
    let Ok(file) = read_from(&mut sources, path, &mut std::io::empty()) else {
        return Holds::Arrangements;
    };
    let Some(kinds) = sources.get(file).and_then(|source| syntax::item_kinds(file, source)) else {
        return Holds::Arrangements;
    };
    let json = path.extension().is_some_and(|extension| extension == "json");
    if kinds.contains(&ItemKind::Arrangements) {
        Holds::Arrangements
    } else if json {
        Holds::NotInput
    } else if kinds.iter().any(|kind| kind.is_header()) {
        Holds::Other
    } else if !kinds.is_empty() && kinds.iter().all(|kind| *kind == ItemKind::Test) {
        Holds::Tests
    } else {
        // Items with no header: arrangements missing theirs, which the
        // check says.
        Holds::Arrangements
    }
}

/// The councils under the paths given, and the files passed over as not
/// dcsc input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Councils {
    /// The councils, each folder's sorted by path.
    pub councils: Vec<Council>,
    /// The files that are not dcsc input, passed over.
    pub skipped: Vec<PathBuf>,
}

/// The councils in each folder given (see the module's doc), in the order
/// the folders are given.
pub fn councils(folders: &[PathBuf]) -> Result<Councils, SyntaxError> {
    let mut found = Councils::default();
    for folder in folders {
        in_folder(folder, &mut found)?;
    }
    Ok(found)
}

fn in_folder(folder: &Path, found: &mut Councils) -> Result<(), SyntaxError> {
    let mut files = Vec::new();
    let mut sub_folders = Vec::new();
    for entry in sorted_entries(folder)? {
        let Ok(metadata) = std::fs::metadata(&entry) else {
            continue;
        };
        if metadata.is_file() {
            files.extend(input(entry, &mut found.skipped));
        } else if metadata.is_dir() {
            let mut inside = Vec::new();
            for file in sorted_entries(&entry)? {
                if std::fs::metadata(&file).is_ok_and(|metadata| metadata.is_file()) {
                    inside.extend(input(file, &mut found.skipped));
                }
            }
            let files = without_tests(inside);
            if !files.is_empty() {
                sub_folders.push(Council {
                    name: entry.display().to_string(),
                    files,
                });
            }
        }
    }
    let arrangements = files.iter().filter(|(_, holds)| *holds == Holds::Arrangements).count();
    if arrangements == 1 && sub_folders.is_empty() {
        found.councils.push(Council {
            name: folder.display().to_string(),
            files: without_tests(files),
        });
        return Ok(());
    }
    let mut here: Vec<Council> = without_tests(files)
        .into_iter()
        .map(|file| Council {
            name: file.display().to_string(),
            files: vec![file],
        })
        .chain(sub_folders)
        .collect();
    here.sort_by(|first, second| first.name.cmp(&second.name));
    found.councils.extend(here);
    Ok(())
}

/// The councils that must be read together because they share files:
/// given the files each council shares (canonical paths; none for a
/// council that shares nothing), the groups of councils, by their place
/// in `shares`, that share a file directly or through other councils.
/// Each group lists its councils in order and the groups are in the
/// order of their first council; a council that shares nothing is in no
/// group. A council that shares files with two groups joins them into
/// one: read apart, a file of both would be read, and its problems
/// said, once with each.
pub fn sharing_groups(shares: &[Vec<PathBuf>]) -> Vec<Vec<usize>> {
    // Each group: the files its councils share, and its councils.
    let mut groups: Vec<(BTreeSet<&PathBuf>, Vec<usize>)> = Vec::new();
    for (council, files) in shares.iter().enumerate() {
        if files.is_empty() {
            continue;
        }
        let mut joined: (BTreeSet<&PathBuf>, Vec<usize>) = (files.iter().collect(), vec![council]);
        // Every group with a file in common is joined into this one, so
        // a council bridging groups leaves one group, not two that each
        // read a file of the other.
        let (common, apart): (Vec<_>, Vec<_>) = std::mem::take(&mut groups)
            .into_iter()
            .partition(|(paths, _)| files.iter().any(|file| paths.contains(file)));
        for (paths, councils) in common {
            joined.0.extend(paths);
            joined.1.extend(councils);
        }
        joined.1.sort_unstable();
        groups = apart;
        groups.push(joined);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_iter().map(|(_, councils)| councils).collect();
    groups.sort_unstable();
    groups
}

/// A file of a folder with what it holds, or `None` (and named in
/// `skipped`) if it is not dcsc input.
fn input(file: PathBuf, skipped: &mut Vec<PathBuf>) -> Option<(PathBuf, Holds)> {
    match holds(&file) {
        Holds::NotInput => {
            skipped.push(file);
            None
        }
        holds @ (Holds::Arrangements | Holds::Tests | Holds::Other) => Some((file, holds)),
    }
}

fn without_tests(files: Vec<(PathBuf, Holds)>) -> Vec<PathBuf> {
    files
        .into_iter()
        .filter(|(_, holds)| *holds != Holds::Tests)
        .map(|(file, _)| file)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_councils_folder_is_one_council_and_its_tests_are_left_out() {
        let found = councils(&[PathBuf::from("examples/barnet")]).unwrap();
        assert_eq!(
            found.councils,
            vec![Council {
                name: "examples/barnet".to_owned(),
                files: vec![
                    PathBuf::from("examples/barnet/arrangements.dcs"),
                    PathBuf::from("examples/barnet/framework.dcs"),
                ],
            }]
        );
    }

    #[test]
    fn a_folder_of_councils_is_many_and_notes_are_passed_over() {
        let found = councils(&[PathBuf::from("examples")]).unwrap();
        let names: Vec<&str> = found.councils.iter().map(|council| council.name.as_str()).collect();
        assert_eq!(
            names,
            ["examples/barnet", "examples/coventry.dcs", "examples/northumberland"]
        );
        assert_eq!(found.skipped, vec![PathBuf::from("examples/README.md")]);
    }

    #[test]
    fn a_council_sharing_with_two_groups_joins_them_into_one() {
        let file = |name: &str| PathBuf::from(name);
        let shares = vec![
            vec![file("/c/first.dcs")],
            vec![file("/c/second.dcs")],
            Vec::new(),
            vec![file("/c/second.dcs"), file("/c/first.dcs")],
            vec![file("/c/third.dcs")],
        ];
        assert_eq!(sharing_groups(&shares), vec![vec![0, 1, 3], vec![4]]);
        // Found in another order, the same groups.
        let shares = vec![
            vec![file("/c/first.dcs"), file("/c/second.dcs")],
            vec![file("/c/second.dcs")],
            vec![file("/c/first.dcs")],
        ];
        assert_eq!(sharing_groups(&shares), vec![vec![0, 1, 2]]);
    }
}
