//! What the test modules share. Running the command line goes through
//! [`run::Run`], the one place that decides how a command is run;
//! verifying councils and finding a verdict by its duty, the seed
//! councils, scratch folders, snapshots and mangled inputs are each here
//! once.

#[macro_use]
pub mod snapshots;

pub mod councils;
pub mod files;
pub mod mangle;
pub mod run;

pub use councils::{
    bound, council, day, find, find_in, holders, seed_council, verdict, verify, verify_files, verify_text,
    SEED_COUNCILS,
};
pub use files::{files_under, scratch, write};
pub use mangle::mutations;
pub use run::{
    assert_bad_input, binary, dcsc, dcsc_in, dcsc_with_stdin, json, json_verdicts, root, stderr, stdout, text, Run,
    BINARY,
};
