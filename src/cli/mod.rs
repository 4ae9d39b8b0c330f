//! clap definitions and the mapping from results to exit codes. Nothing
//! here decides a verdict or formats one.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use dcsc::Workspace;

/// Exit status: nothing needs action.
const OK: u8 = 0;
/// Exit status: some verdict needs action.
const NEEDS_ACTION: u8 = 1;
/// Exit status: the input could not be read or checked.
const BAD_INPUT: u8 = 2;

#[derive(Parser)]
#[command(
    name = "dcsc",
    version,
    about = "Check a council's arrangements for its Director of Children's Services and Lead Member against the statutory guidance",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and check guidance and arrangement files.
    Check {
        /// The files to check (.dcs, or .json arrangements).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format for diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Text for people, with source snippets.
    Human,
    /// JSON for tools.
    Json,
}

fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
        && std::io::stdout().is_terminal()
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check { files, format } => check(&files, format),
    };
    ExitCode::from(status)
}

fn emit(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`dcsc … | head`) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn check(files: &[PathBuf], format: Format) -> u8 {
    let mut workspace = Workspace::new();
    for file in files {
        workspace.add_path(file);
    }
    workspace.check();
    match format {
        Format::Human => {
            let text = workspace.render_diagnostics(color_wanted());
            emit(&text);
            let errors = workspace
                .diagnostics
                .iter()
                .filter(|d| d.severity == dcsc::diagnostics::Severity::Error)
                .count();
            let warnings = workspace.diagnostics.len() - errors;
            emit(&match (errors, warnings) {
                (0, 0) => format!("checked {} file(s): no problems\n", files.len()),
                _ => format!(
                    "checked {} file(s): {errors} error(s), {warnings} warning(s)\n",
                    files.len()
                ),
            });
        }
        Format::Json => {
            let diagnostics: Vec<_> = workspace
                .diagnostics
                .iter()
                .map(|diagnostic| dcsc::diagnostics::to_json(&workspace.sources, diagnostic))
                .collect();
            let value = serde_json::json!({ "schema_version": 1, "diagnostics": diagnostics });
            emit(&format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            ));
        }
    }
    if workspace.has_errors() {
        BAD_INPUT
    } else {
        OK
    }
}

#[allow(dead_code)]
const _: u8 = NEEDS_ACTION;
