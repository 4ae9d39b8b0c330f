//! The `dcsc` binary: hands the command line ([`dcsc::cli`]) what only a
//! process has (its arguments, standard streams, whether each is a
//! terminal, what its environment says of colour, and today's date), and
//! exits with the status it gives.

use std::io::{IsTerminal, Write};

use dcsc::run::{Colors, Input};

fn main() -> std::process::ExitCode {
    // What `--color auto` gives: a terminal, unless the environment says
    // otherwise (`NO_COLOR`, `CLICOLOR_FORCE`, `TERM=dumb`).
    let colors = dcsc::cli::auto_colors(
        Colors {
            out: std::io::stdout().is_terminal(),
            err: std::io::stderr().is_terminal(),
        },
        |name| std::env::var_os(name),
    );
    let process = dcsc::cli::Process {
        arguments: std::env::args_os().collect(),
        input: Input {
            reader: Box::new(std::io::stdin()),
            file: standard_input_file(),
        },
        output: &mut std::io::stdout(),
        error: std::sync::Arc::new(|text: &str| {
            // A failure to write standard error has nowhere to be said.
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(text.as_bytes());
            let _ = stderr.flush();
        }),
        colors,
        today: dcsc::date::Day::today(),
    };
    std::process::ExitCode::from(dcsc::cli::run(process))
}

/// What standard input is, asked of its descriptor: a shell may have
/// redirected it from the very file named with `-o`.
#[cfg(unix)]
fn standard_input_file() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let descriptor = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(descriptor).metadata().ok()
}

#[cfg(not(unix))]
fn standard_input_file() -> Option<std::fs::Metadata> {
    None
}
