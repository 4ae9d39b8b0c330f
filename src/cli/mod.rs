//! clap definitions and the mapping from results to exit codes. Nothing
//! here decides a verdict or formats one.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use dcsc::date::{Day, PartialDate};
use dcsc::diagnostics::{self, Code, Severity};
use dcsc::render::Report;
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
    about = "Check a council's arrangements for its Director of Children's Services and Lead Member for Children's Services against the DfE statutory guidance",
    after_help = "Exit status: 0 nothing needs action; 1 some verdict needs action (fail, unexplained, unknown, missing, stale); 2 the input could not be read or checked."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and check guidance and arrangement files.
    Check {
        /// The files to check (.dcs, or .json arrangements). Arrangements are
        /// checked against the guidance files given, or the embedded 2013
        /// guidance.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format for diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Evaluate arrangements against the guidance, duty by duty, with an
    /// explained verdict for each.
    Verify {
        /// The council's arrangement files (.dcs or .json). A local policy
        /// file given here is read with the guidance it extends.
        #[arg(required = true)]
        arrangements: Vec<PathBuf>,
        /// Guidance files to verify against instead of the embedded 2013
        /// guidance (a local policy extending it may be given alone).
        #[arg(long = "policy", value_name = "FILE")]
        policies: Vec<PathBuf>,
        /// Evaluate as at this date (YYYY-MM-DD; a month or year means its
        /// last day). Default: today.
        #[arg(long, value_name = "DATE", value_parser = parse_as_at)]
        as_at: Option<Day>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List every paragraph of the guidance with the duties and questions
    /// that encode it, and the share of paragraphs encoded.
    Coverage {
        /// Guidance files to measure (default: the embedded 2013 guidance).
        policies: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Explain a diagnostic code (E0101), a duty or a paragraph of the
    /// guidance.
    Explain {
        /// A diagnostic code, duty id or paragraph key.
        what: String,
        /// Guidance files to look duties and paragraphs up in (default: the
        /// embedded 2013 guidance).
        #[arg(long = "policy", value_name = "FILE")]
        policies: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Text for people, with source snippets.
    Human,
    /// JSON for tools (see docs/json-output.md).
    Json,
}

fn parse_as_at(text: &str) -> Result<Day, String> {
    PartialDate::parse(text)
        .map(PartialDate::last_day)
        .map_err(|_| format!("`{text}` is not a date that exists; write YYYY-MM-DD, YYYY-MM or YYYY"))
}

fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()) && std::io::stdout().is_terminal()
}

fn stderr_color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()) && std::io::stderr().is_terminal()
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check { files, format } => check(&files, format),
        Command::Verify {
            arrangements,
            policies,
            as_at,
            format,
        } => verify(&arrangements, &policies, as_at.unwrap_or_else(Day::today), format),
        Command::Explain { what, policies } => explain(&what, &policies),
        Command::Coverage { policies, format } => coverage(&policies, format),
    };
    ExitCode::from(status)
}

fn emit(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`dcsc … | head`) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn emit_error(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

fn diagnostics_json(workspace: &Workspace) -> String {
    let diagnostics: Vec<_> = workspace
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostics::to_json(&workspace.sources, diagnostic))
        .collect();
    let value = serde_json::json!({ "schema_version": 1, "diagnostics": diagnostics });
    format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default())
}

fn counts_line(workspace: &Workspace) -> (usize, usize) {
    let errors = workspace
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .count();
    (errors, workspace.diagnostics.len() - errors)
}

fn check(files: &[PathBuf], format: Format) -> u8 {
    let mut workspace = Workspace::new();
    for file in files {
        workspace.add_path(file);
    }
    workspace.check();
    match format {
        Format::Human => {
            emit(&workspace.render_diagnostics(color_wanted()));
            let (errors, warnings) = counts_line(&workspace);
            emit(&match (errors, warnings) {
                (0, 0) => format!("checked {} file(s): no problems\n", files.len()),
                _ => format!(
                    "checked {} file(s): {errors} error(s), {warnings} warning(s)\n",
                    files.len()
                ),
            });
        }
        Format::Json => emit(&diagnostics_json(&workspace)),
    }
    if workspace.has_errors() {
        BAD_INPUT
    } else {
        OK
    }
}

fn verify(arrangements: &[PathBuf], policies: &[PathBuf], as_at: Day, format: Format) -> u8 {
    let mut workspace = Workspace::new();
    for file in policies.iter().chain(arrangements) {
        workspace.add_path(file);
    }
    let Some(verified) = workspace.verify(as_at) else {
        match format {
            Format::Human => {
                emit_error(&workspace.render_diagnostics(stderr_color_wanted()));
                let (errors, warnings) = counts_line(&workspace);
                emit_error(&format!("cannot verify: {errors} error(s), {warnings} warning(s)\n"));
            }
            Format::Json => emit(&diagnostics_json(&workspace)),
        }
        return BAD_INPUT;
    };
    if !workspace.diagnostics.is_empty() && format == Format::Human {
        emit_error(&workspace.render_diagnostics(stderr_color_wanted()));
    }
    if verified.results.is_empty() {
        emit_error("error: no arrangements given: name at least one file starting `arrangements NAME { … }`\n");
        return BAD_INPUT;
    }
    let mut needs_action = false;
    let mut json_reports = Vec::new();
    for (index, (arrangement, verdicts)) in verified.results.iter().enumerate() {
        let report = Report {
            sources: &workspace.sources,
            policy: &verified.policy,
            arrangement,
            verdicts,
            as_at,
        };
        needs_action |= report.needs_action();
        match format {
            Format::Human => {
                if index > 0 {
                    emit("\n");
                }
                emit(&report.to_human(color_wanted()));
            }
            Format::Json => json_reports.push(report.to_json()),
        }
    }
    if format == Format::Json {
        let value = match <[serde_json::Value; 1]>::try_from(json_reports) {
            Ok([single]) => single,
            Err(several) => serde_json::Value::Array(several),
        };
        emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        ));
    }
    if needs_action {
        NEEDS_ACTION
    } else {
        OK
    }
}

/// Reads the given guidance files (or the embedded guidance) and checks
/// them; `None` after printing the diagnostics if they do not check.
fn load_policy(policies: &[PathBuf]) -> Option<(Workspace, dcsc::check::model::Policy)> {
    let mut workspace = Workspace::new();
    for file in policies {
        workspace.add_path(file);
    }
    let checked = workspace.check();
    match checked.policy {
        Some(policy) if !workspace.has_errors() => Some((workspace, policy)),
        _ => {
            emit_error(&workspace.render_diagnostics(stderr_color_wanted()));
            None
        }
    }
}

fn coverage(policies: &[PathBuf], format: Format) -> u8 {
    let Some((_, policy)) = load_policy(policies) else {
        return BAD_INPUT;
    };
    let coverage = dcsc::render::coverage::coverage(&policy);
    match format {
        Format::Human => emit(&coverage.to_human()),
        Format::Json => emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&coverage).unwrap_or_default()
        )),
    }
    OK
}

fn explain(what: &str, policies: &[PathBuf]) -> u8 {
    if let Some(code) = Code::parse(what) {
        emit(&format!("{}\n", code.explain()));
        return OK;
    }
    let Some((_, policy)) = load_policy(policies) else {
        return BAD_INPUT;
    };
    match dcsc::render::explain::explain(&policy, what) {
        Ok(text) => {
            emit(&text);
            OK
        }
        Err(message) => {
            emit_error(&format!("error: {message}\n"));
            BAD_INPUT
        }
    }
}
