//! dcsc: the statutory guidance on the Director of Children's Services and
//! the Lead Member for Children's Services, as code.
//!
//! The pipeline, one module per arrow:
//!
//! ```text
//! source text --syntax--> AST --check--> checked model --eval--> verdicts --render--> human / JSON
//! ```
//!
//! [`syntax::parse`], [`check::check`], [`eval::evaluate`] and the
//! renderers in [`render`] are the arrows; [`Workspace`] chains them for
//! the command line.

#![cfg_attr(
    test,
    expect(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        reason = "tests may unwrap and index: a failed assertion is their purpose"
    )
)]

pub mod check;
pub mod cli;
pub mod command;
pub mod date;
pub mod diagnostics;
pub mod diff;
pub mod embedded;
pub mod load;
pub mod lsp;
pub mod model;
pub mod outcome;
pub mod policy_test;
pub mod run;
pub mod sector;
pub mod seed;
pub mod serve;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod time;
pub mod timeline;
pub mod visible;
mod workspace;

pub use outcome::{AsAt, Assessment, DateBasis, Prepared, Verified, WordsAtHand};
pub use workspace::Workspace;
pub mod eval;
pub mod graph;
pub mod render;
pub mod report;
pub mod words;
