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
//! - `lsp_edit`: the language server's cost of an edit, from `didChange`
//!   to the diagnostics published, on Barnet's framework with its
//!   siblings open.

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
        // As `verify --format json` writes one council.
        bencher.bench_local(|| dcsc::render::json::to_text(black_box(&assessments[0]), 0));
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

/// The language server: an edit of Barnet's `framework.dcs`, with its
/// siblings (`arrangements.dcs`, `tests.dcs`) open, to the diagnostics it
/// publishes for the folder. Each edit alternates between the file as
/// shipped and the same with a comment added, so each is a change.
mod lsp_edit {
    use super::*;
    use lsp_server::{Message, Notification};
    use serde_json::json;

    fn barnet(name: &str) -> (String, String) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/barnet")
            .join(name);
        (dcsc::lsp::uri::file_uri(&path), std::fs::read_to_string(&path).unwrap())
    }

    fn notification(method: &str, params: serde_json::Value) -> Message {
        Message::Notification(Notification::new(method.to_owned(), params))
    }

    #[divan::bench]
    fn barnet_framework_with_siblings_open(bencher: Bencher) {
        let mut session = dcsc::lsp::Session::new();
        for name in ["framework.dcs", "arrangements.dcs", "tests.dcs"] {
            let (uri, text) = barnet(name);
            session.handle(notification(
                "textDocument/didOpen",
                json!({ "textDocument": { "uri": uri, "languageId": "dcs", "version": 1, "text": text } }),
            ));
        }
        let (uri, text) = barnet("framework.dcs");
        let texts = [text.clone(), format!("{text}\n// edited\n")];
        let mut version = 1;
        bencher
            .with_inputs(|| {
                version += 1;
                notification(
                    "textDocument/didChange",
                    json!({
                        "textDocument": { "uri": uri, "version": version },
                        "contentChanges": [{ "text": texts[version as usize % 2] }],
                    }),
                )
            })
            .bench_local_values(|change| {
                let published = session.handle(change);
                assert!(published.len() >= 3, "{published:?}");
                published
            });
    }
}
