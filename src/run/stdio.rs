//! The standard streams, for the binary: each piece of a command's text
//! written to its stream as it comes, and what went wrong writing standard
//! output remembered, so that the exit status can say so once the command
//! is done. The commands themselves never print; the binary hands them
//! [`write`] as their [`super::Sink`], and `dcsc serve` its log.

use std::io::{IsTerminal, Write};

use super::{Channel, Colors};

/// Whether text for people is coloured on each stream: on a terminal,
/// unless `NO_COLOR` is set (to anything but the empty string).
pub fn colors() -> Colors {
    let wanted = std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
    Colors {
        out: wanted && std::io::stdout().is_terminal(),
        err: wanted && std::io::stderr().is_terminal(),
    }
}

/// What went wrong writing standard output: every piece goes through
/// [`out`], and a failure must change the exit status instead of being
/// lost.
enum StdoutFailure {
    /// The reader went away (`dcsc … | head`): not an error worth
    /// reporting, but nothing more is written.
    Closed,
    /// Anything else (`> /dev/full`): the output is incomplete.
    Failed(String),
}

static STDOUT_FAILURE: std::sync::OnceLock<StdoutFailure> = std::sync::OnceLock::new();

/// Writes a piece of text to its stream at once (a [`super::Sink`]).
pub fn write(channel: Channel, text: &str) {
    match channel {
        Channel::Out => out(text),
        Channel::Err => err(text),
    }
}

/// Writes to standard output, unless writing it already failed.
pub fn out(text: &str) {
    if STDOUT_FAILURE.get().is_some() {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        let _ = STDOUT_FAILURE.set(match error.kind() {
            std::io::ErrorKind::BrokenPipe => StdoutFailure::Closed,
            _ => StdoutFailure::Failed(super::output::describe(&error)),
        });
    }
}

/// Writes to standard error; a failure there has nowhere to be said.
pub fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// Why standard output could not be written, if it could not (a reader
/// that went away is not a failure).
pub fn failure() -> Option<&'static str> {
    match STDOUT_FAILURE.get() {
        Some(StdoutFailure::Failed(reason)) => Some(reason),
        Some(StdoutFailure::Closed) | None => None,
    }
}
