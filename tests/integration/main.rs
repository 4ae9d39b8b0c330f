//! dcsc's integration tests, in one test crate: each module was a test
//! crate of its own, and each of those linked the library and its
//! dependencies again, which made most of `cargo test`'s time and of
//! `target/`'s size. What the modules share is in [`support`]: running the
//! command line, verifying councils and finding verdicts, the seed
//! councils, scratch folders, snapshots, and mangled inputs.
//!
//! The browser test is a crate of its own (`tests/browser.rs`): it needs
//! a harness that can skip at run time.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test that fails panics, saying what it found"
)]

#[macro_use]
mod support;

// The fuzz targets' properties (fuzz/src/lib.rs), run on stable by `fuzz`;
// `fmt` uses their scanner of comments.
#[path = "../../fuzz/src/lib.rs"]
mod properties;

mod cli;
mod controls;
mod corpus;
mod councils;
mod date;
mod diagnostics;
mod doubt;
mod embedded;
mod eval;
mod evidence;
mod examples;
mod faults;
mod fidelity;
mod fmt;
mod fuzz;
mod graph;
mod hardening;
mod house;
mod joint;
mod json_schema;
mod lsp;
mod messages;
mod organisations;
mod policy_tests;
mod prose;
mod report;
mod revisions;
mod robustness;
mod sarif;
mod scale;
mod serve;
mod time;
mod timeline;
