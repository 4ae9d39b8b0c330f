//! The fuzz targets' properties (`fuzz/src/lib.rs`) under `cargo test`, on
//! stable: every input libFuzzer once crashed on (`tests/fixtures/fuzz/`),
//! every file the project ships or tests with, and a bounded number of
//! mutations of those files, chosen by a fixed seed so that a failure
//! reproduces. The long runs are `cargo +nightly fuzz run` (fuzz/README.md).

use std::path::PathBuf;

use crate::properties;
use crate::support::{files_under, root};

/// Every file the project ships or tests with, and its bytes.
fn seeds() -> Vec<(PathBuf, Vec<u8>)> {
    let mut paths = Vec::new();
    for folder in ["examples", "policies", "tests/fixtures"] {
        paths.extend(files_under(&root().join(folder), &["dcs", "json"]));
    }
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (path, bytes)
        })
        .collect()
}

/// Every property, for one input.
fn all_properties(bytes: &[u8]) {
    properties::dcs_front_end(bytes);
    properties::json_arrangements(bytes);
    properties::verify_render(bytes);
    properties::fmt_round_trip(bytes);
}

#[test]
fn every_crash_libfuzzer_found_stays_fixed() {
    let folder = root().join("tests/fixtures/fuzz");
    let paths = files_under(&folder, &["dcs", "json"]);
    assert!(!paths.is_empty(), "no regression inputs under {}", folder.display());
    for path in paths {
        let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        all_properties(&bytes);
    }
}

#[test]
fn every_shipped_and_fixture_file_keeps_the_properties() {
    for (_, bytes) in seeds() {
        all_properties(&bytes);
    }
}

/// A small xorshift generator: the mutations are the same on every run.
struct Mutator(u64);

impl Mutator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(bound.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    /// One of libFuzzer's simpler mutations: delete, duplicate, insert a
    /// byte or a token, or splice a slice of another seed.
    fn mutate(&mut self, bytes: &[u8], other: &[u8]) -> Vec<u8> {
        const TOKENS: [&[u8]; 12] = [
            b"{",
            b"}",
            b",",
            b"\"",
            b"//",
            b"/*",
            b"\n",
            b" must ",
            b"holds ",
            b"2013-",
            b"\\u{",
            "\u{202e}".as_bytes(),
        ];
        let mut out = bytes.to_vec();
        for _ in 0..=self.below(4) {
            let at = self.below(out.len() + 1);
            match self.below(5) {
                0 if !out.is_empty() => {
                    let end = (at + self.below(32)).min(out.len());
                    out.drain(at.min(end)..end);
                }
                1 => {
                    let end = (at + self.below(64)).min(out.len());
                    let copy = out[at.min(end)..end].to_vec();
                    out.splice(at..at, copy);
                }
                2 => out.insert(at, u8::try_from(self.below(256)).unwrap_or(0)),
                3 => {
                    let token = TOKENS[self.below(TOKENS.len())];
                    out.splice(at..at, token.iter().copied());
                }
                _ => {
                    let from = self.below(other.len() + 1);
                    let end = (from + self.below(200)).min(other.len());
                    out.splice(at..at, other[from..end].iter().copied());
                }
            }
        }
        out
    }
}

#[test]
fn mutations_of_the_seeds_keep_the_properties() {
    let seeds = seeds();
    let mut mutator = Mutator(0x5eed_dc5c_2026_1201);
    // Bounded so that `cargo test` stays quick: a debug build runs a few
    // hundred inputs a second through all four properties.
    for _ in 0..400 {
        let (_, bytes) = &seeds[mutator.below(seeds.len())];
        let (_, other) = &seeds[mutator.below(seeds.len())];
        let input = mutator.mutate(bytes, other);
        all_properties(&input);
    }
}
