//! The render stage: an [`Assessment`](crate::Assessment) to what people and
//! tools read on a terminal or in a pipe. Nothing here decides a verdict or
//! words one; it lays out what evaluation found in the words of
//! [`crate::words`].

pub mod coverage;
pub mod diff;
pub mod explain;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod stream;
pub mod summary;
pub mod test_report;
pub mod vocabulary;
pub mod xml;
