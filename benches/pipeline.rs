//! What dcsc costs, stage by stage and over many councils, on the
//! generated corpus (`benches/corpus/mod.rs`). Run with
//! `cargo bench --bench pipeline`; docs/performance.md says what each
//! figure is for and records the latest.
//!
//! - `stage`: one generated council (about 500 lines) through each stage:
//!   parse, check, evaluate, render for people, render as JSON.
//! - `verify_folder`: `dcsc verify DIR` as the command line runs it
//!   (`dcsc::load::councils`, then `dcsc::run::councils`), over folders of 10, 100 and 1,000 councils,
//!   for people and as JSON; divan's `item/s` is councils per second.
//! - `check_chain`, `check_unknown_names`: the inputs
//!   `tests/integration/hardening.rs` guards against a quadratic check.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark whose input does not load may stop at once"
)]

mod corpus;

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};

use dcsc::date::{Day, PartialDate};
use dcsc::render::stream::Shape;
use dcsc::run::{Channel, Colors, Settings};
use dcsc::source::{Origin, SourceMap};
use dcsc::{Prepared, Verified, Workspace};

fn main() {
    divan::main();
    if let Some(dir) = FOLDERS.get() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn as_at() -> Day {
    PartialDate::parse(corpus::AS_AT).unwrap().last_day()
}

/// The council every stage is measured on: the first of the corpus.
fn text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| corpus::council(0).dcs())
}

const NAME: &str = "council_0000.dcs";

fn workspace() -> Workspace {
    let mut workspace = Workspace::new();
    workspace.add_text(NAME, text());
    workspace
}

mod stage {
    use super::*;

    #[divan::bench]
    fn parse(bencher: Bencher) {
        let mut sources = SourceMap::new();
        let file = sources.add(Origin::Path(NAME.to_owned()), text());
        let source = sources.get(file).unwrap();
        bencher.bench_local(|| dcsc::syntax::parse(file, black_box(source)));
    }

    /// Checking the parsed council against the embedded guidance (whose
    /// parse is shared by every workspace of a process).
    #[divan::bench]
    fn check(bencher: Bencher) {
        bencher.with_inputs(workspace).bench_local_values(|mut workspace| {
            let checked = workspace.check_as_at(Some(as_at()));
            // Returned, so that divan drops them untimed.
            (workspace, checked)
        });
    }

    #[divan::bench]
    fn evaluate(bencher: Bencher) {
        let prepared: Prepared = workspace().prepare(as_at()).unwrap();
        let arrangement = &prepared.arrangements[0];
        bencher.bench_local(|| {
            (
                dcsc::eval::evaluate(&prepared.policy, black_box(arrangement), prepared.as_at),
                dcsc::eval::departures(black_box(arrangement), prepared.as_at),
            )
        });
    }

    fn verified() -> (Workspace, Verified) {
        let mut workspace = workspace();
        let verified = workspace.verify(as_at()).unwrap();
        (workspace, verified)
    }

    #[divan::bench]
    fn render_human(bencher: Bencher) {
        let (workspace, verified) = verified();
        let assessments = verified.assessments(&workspace.sources);
        bencher.bench_local(|| dcsc::render::human::render(black_box(&assessments[0]), false));
    }

    #[divan::bench]
    fn render_json(bencher: Bencher) {
        let (workspace, verified) = verified();
        let assessments = verified.assessments(&workspace.sources);
        bencher.bench_local(|| dcsc::visible::json(&dcsc::render::json::to_value(black_box(&assessments[0]))));
    }

    /// All of the above for one council, as `dcsc verify FILE` does once
    /// the guidance is parsed.
    #[divan::bench]
    fn whole_council(bencher: Bencher) {
        bencher.bench_local(|| {
            let mut workspace = workspace();
            let verified = workspace.verify(as_at()).unwrap();
            let assessments = verified.assessments(&workspace.sources);
            dcsc::render::human::render(&assessments[0], false).len()
        });
    }
}

/// Folders of 10, 100 and 1,000 generated councils, written once.
static FOLDERS: OnceLock<PathBuf> = OnceLock::new();

fn folder(count: usize) -> PathBuf {
    let root = FOLDERS.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("dcsc-bench-{}", std::process::id()));
        for count in [10, 100, 1000] {
            corpus::write_corpus(&root.join(count.to_string()), count).unwrap();
        }
        root
    });
    root.join(count.to_string())
}

fn verify_folder(bencher: Bencher, count: usize, shape: Shape) {
    let folders = [folder(count)];
    let settings = Settings {
        as_at: dcsc::AsAt::Given(as_at()),
        shape,
        error_color: false,
        fail_on: dcsc::run::FailOn::needing_action(),
    };
    bencher.counter(ItemsCount::new(count)).bench_local(|| {
        let mut written = 0usize;
        let mut write = |channel, text: &str| {
            if channel == Channel::Out {
                written += black_box(text).len();
            }
        };
        let Ok(found) = dcsc::load::councils(&folders) else {
            return written;
        };
        dcsc::run::councils(
            found,
            &[],
            &settings,
            &mut dcsc::run::Streams::new(Colors::default(), &mut write),
        );
        written
    });
}

mod verify_folder {
    use super::*;

    #[divan::bench(args = [10, 100, 1000], sample_count = 5, sample_size = 1)]
    fn human(bencher: Bencher, count: usize) {
        // Every verdict explained (`-v`), as docs/performance.md's figures
        // were measured before passes became a line each by default.
        verify_folder(
            bencher,
            count,
            Shape::Human {
                color: false,
                detail: dcsc::run::Detail::Verbose,
            },
        );
    }

    #[divan::bench(args = [10, 100, 1000], sample_count = 5, sample_size = 1)]
    fn json(bencher: Bencher, count: usize) {
        verify_folder(bencher, count, Shape::Json);
    }
}

fn check_text(bencher: Bencher, text: &str) {
    bencher
        .with_inputs(|| {
            let mut workspace = Workspace::new();
            workspace.add_text("big.dcs", text);
            workspace
        })
        .bench_local_values(|mut workspace| {
            let checked = workspace.check();
            // Returned, so that divan drops them untimed: a large
            // workspace's drop is no part of checking it.
            (workspace, checked)
        });
}

#[divan::bench(args = [1000, 8000], sample_count = 10, sample_size = 1)]
fn check_chain(bencher: Bencher, posts: usize) {
    check_text(bencher, &corpus::reporting_chain(posts));
}

#[divan::bench(args = [1000, 10000], sample_count = 10, sample_size = 1)]
fn check_unknown_names(bencher: Bencher, posts: usize) {
    check_text(bencher, &corpus::unknown_names(posts));
}
