//! The standard streams as the command line is handed them: each piece of
//! a command's text written to its stream as it comes, and a failure to
//! write standard output remembered, so that the exit status can say so
//! once the command is done. Nothing here opens a stream of the process:
//! the binary hands over its own, and a test its buffers.

use std::io::Write;

use super::{Channel, Log};

/// What went wrong writing standard output: every piece goes through
/// [`Writer::out`], and a failure must change the exit status instead of
/// being lost.
enum StdoutFailure {
    /// The reader went away (`dcsc … | head`): not an error worth
    /// reporting, but nothing more is written.
    Closed,
    /// Anything else (`> /dev/full`): the output is incomplete.
    Failed(String),
}

/// Standard output and standard error, as given, and whether writing
/// standard output has failed.
pub struct Writer<'a> {
    output: &'a mut dyn Write,
    error: Log,
    failure: Option<StdoutFailure>,
}

impl<'a> Writer<'a> {
    /// Writes to `output` (flushed after each piece) and `error`.
    pub fn new(output: &'a mut dyn Write, error: Log) -> Writer<'a> {
        Writer {
            output,
            error,
            failure: None,
        }
    }

    /// Writes a piece of text to its stream at once (as a
    /// [`super::Sink`]).
    pub fn write(&mut self, channel: Channel, text: &str) {
        match channel {
            Channel::Out => self.out(text),
            Channel::Err => self.err(text),
        }
    }

    /// Writes to standard output, unless writing it already failed.
    pub fn out(&mut self, text: &str) {
        if self.failure.is_some() {
            return;
        }
        if let Err(error) = self
            .output
            .write_all(text.as_bytes())
            .and_then(|()| self.output.flush())
        {
            self.failure = Some(match error.kind() {
                std::io::ErrorKind::BrokenPipe => StdoutFailure::Closed,
                _ => StdoutFailure::Failed(super::output::describe(&error)),
            });
        }
    }

    /// Writes to standard error; a failure there has nowhere to be said.
    pub fn err(&self, text: &str) {
        (self.error)(text);
    }

    /// Standard error, for a writer on other threads (the server's log).
    pub fn error(&self) -> Log {
        self.error.clone()
    }

    /// Standard output itself, for a command that speaks a protocol on
    /// it (the language server).
    pub fn output(&mut self) -> &mut dyn Write {
        self.output
    }

    /// Why standard output could not be written, if it could not (a
    /// reader that went away is not a failure).
    pub fn failure(&self) -> Option<&str> {
        match &self.failure {
            Some(StdoutFailure::Failed(reason)) => Some(reason),
            Some(StdoutFailure::Closed) | None => None,
        }
    }
}
