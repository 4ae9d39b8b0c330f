//! clap definitions and the mapping from results to exit codes. Nothing
//! here decides a verdict or formats one.

mod fmt;
mod output;
mod test;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use dcsc::command::CommandError;
use dcsc::date::{Day, PartialDate};
use dcsc::diagnostics::{self, Code, Severity};
use dcsc::render::stream::Shape;
use dcsc::run::{Channel, Status};
use dcsc::Workspace;

/// Exit status: nothing needs action.
const OK: u8 = 0;
/// Exit status: some verdict needs action.
const NEEDS_ACTION: u8 = 1;
/// Exit status: the input could not be read or checked.
const BAD_INPUT: u8 = 2;
/// Exit status of `dcsc lsp` when the session did not end with
/// `shutdown` then `exit`, as the protocol asks.
const LSP_UNCLEAN_END: u8 = 1;

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
        /// The files to check (.dcs, or .json arrangements; `-` reads
        /// standard input). Arrangements are checked against the guidance
        /// files given, or the embedded 2013 guidance.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format for diagnostics.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// Evaluate arrangements against the guidance, duty by duty, with an
    /// explained verdict for each.
    Verify {
        #[command(flatten)]
        inputs: Inputs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = VerifyFormat::Human)]
        format: VerifyFormat,
        /// Instead of each council's verdicts, one table: each council's
        /// count of each verdict, and the duties that need action in the
        /// most councils.
        #[arg(long)]
        summary: bool,
    },
    /// Write the assurance report a committee reads: front matter, summary,
    /// the assurance table, Barnet's framework view, departures and the
    /// timeline.
    Report {
        #[command(flatten)]
        inputs: Inputs,
        /// The document format.
        #[arg(long, value_enum)]
        format: ReportFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Draw the governance chart: posts and reporting lines, members,
    /// bodies, statutory roles, and flagged lines.
    Graph {
        #[command(flatten)]
        inputs: Inputs,
        /// The chart format.
        #[arg(long, value_enum)]
        format: ChartFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Compare the same councils under two sets of guidance at one date, or
    /// at two dates: every verdict that changes, and what changed in the
    /// guidance.
    Diff {
        /// The councils' arrangement files (and any local policies of
        /// theirs), read on both sides.
        #[arg(required = true)]
        arrangements: Vec<PathBuf>,
        /// Guidance files of the earlier side (none: the embedded guidance).
        #[arg(long = "from-policy", value_name = "FILE")]
        from_policy: Vec<PathBuf>,
        /// Guidance files of the later side, a draft revision, say (none:
        /// the embedded guidance).
        #[arg(long = "to-policy", value_name = "FILE")]
        to_policy: Vec<PathBuf>,
        /// Guidance files for both sides when comparing two dates.
        #[arg(long = "policy", value_name = "FILE")]
        policies: Vec<PathBuf>,
        /// The date both sets of guidance are compared as at (default:
        /// today).
        #[arg(long, value_name = "DATE", value_parser = parse_as_at)]
        as_at: Option<Day>,
        /// The earlier date, comparing the same guidance at two dates.
        #[arg(long, value_name = "DATE", value_parser = parse_as_at)]
        from: Option<Day>,
        /// The later date.
        #[arg(long, value_name = "DATE", value_parser = parse_as_at)]
        to: Option<Day>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
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
    /// List the names the guidance declares for arrangements to use:
    /// roles, functions, kinds of body, relations, attributes and tag
    /// keys, with their titles (`dcsc explain NAME` says more of each).
    Vocabulary {
        /// Guidance files to list (default: the embedded guidance).
        #[arg(long = "policy", value_name = "FILE")]
        policies: Vec<PathBuf>,
        /// The guidance in force as at this date (default: the latest
        /// edition, every amendment).
        #[arg(long, value_name = "DATE", value_parser = parse_as_at)]
        as_at: Option<Day>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Lay out `.dcs` files the one canonical way, changing white space
    /// only: items at the margin, one entry a line, evidence aligned,
    /// comments where they were.
    Fmt {
        /// The files to format (folders: every `.dcs` file below them; `-`
        /// formats standard input to standard output). JSON files are
        /// skipped.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write nothing: show how each file would change, and exit with
        /// status 1 if any would.
        #[arg(long)]
        check: bool,
    },
    /// Run policy tests: `test NAME { … }` items that verify arrangements
    /// (changed as each test says) as at a date and expect verdicts.
    Test {
        /// Test files, or folders searched for `.dcs` files holding tests
        /// (default: the current folder).
        paths: Vec<PathBuf>,
        /// Guidance files to test instead of the embedded guidance.
        #[arg(long = "policy", value_name = "FILE")]
        policies: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = test::TestFormat::Human)]
        format: test::TestFormat,
    },
    /// Write a completion script for a shell (bash: `source <(dcsc
    /// completions bash)`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the man page in roff: dcsc(1), or a command's (`dcsc man
    /// verify | man -l -`).
    Man {
        /// The command whose page to write (default: dcsc(1)).
        command: Option<String>,
    },
    /// Explain a diagnostic code (E0101), or a duty, law, paragraph or
    /// vocabulary name (a role, function, kind of body, relation, attribute
    /// or tag key) of the guidance.
    Explain {
        /// A diagnostic code, duty id, law, paragraph key or vocabulary name.
        what: String,
        /// Guidance files to look duties and paragraphs up in (default: the
        /// embedded guidance).
        #[arg(long = "policy", value_name = "FILE")]
        policies: Vec<PathBuf>,
        /// Show the guidance in force as at this date, and a paragraph's
        /// words then (default: the latest edition, every amendment).
        #[arg(long, value_name = "DATE", value_parser = parse_as_at)]
        as_at: Option<Day>,
    },
    /// Run the language server for editors, speaking the Language Server
    /// Protocol over standard input and output (see docs/editor.md).
    Lsp,
}

/// What `verify`, `report` and `graph` read, and as at when.
#[derive(clap::Args)]
struct Inputs {
    /// The council's arrangement files (.dcs or .json; `-` reads standard
    /// input), read together: a local policy file given here is read with
    /// the guidance it extends. `verify` also takes folders of councils
    /// instead: each .dcs or .json file in a folder, and each sub-folder
    /// (its files read together), is one council, verified on its own.
    #[arg(required = true)]
    arrangements: Vec<PathBuf>,
    /// Guidance files to use instead of the embedded 2013 guidance (a local
    /// policy extending it may be given alone).
    #[arg(long = "policy", value_name = "FILE")]
    policies: Vec<PathBuf>,
    /// Evaluate as at this date (YYYY-MM-DD; a month or year means its last
    /// day). Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_as_at)]
    as_at: Option<Day>,
}

impl Inputs {
    /// A workspace holding the guidance and arrangement files.
    fn workspace(&self) -> Workspace {
        let mut workspace = Workspace::new();
        for file in self.policies.iter().chain(&self.arrangements) {
            add_input(&mut workspace, file);
        }
        workspace
    }

    fn as_at(&self) -> Day {
        self.as_at.unwrap_or_else(Day::today)
    }
}

/// Output formats of `dcsc diff`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    /// Text for people.
    Human,
    /// A note a legal team circulates.
    Markdown,
    /// JSON for tools (see docs/json-output.md).
    Json,
}

/// Output formats of `dcsc report`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// GitHub-flavoured Markdown tables, to paste into a committee paper.
    Markdown,
    /// One self-contained HTML file, with the governance chart.
    Html,
    /// One row per verdict, for spreadsheets.
    Csv,
}

/// Output formats of `dcsc graph`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ChartFormat {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// An SVG picture, laid out by dcsc.
    Svg,
}

/// Output formats of `dcsc verify`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum VerifyFormat {
    /// Text for people, with source snippets.
    Human,
    /// JSON for tools (see docs/json-output.md).
    Json,
    /// JUnit XML for CI: a test case per duty, a failure for what needs
    /// action.
    Junit,
    /// SARIF 2.1.0, for code-scanning dashboards: a rule per duty, a
    /// result per verdict at the council's facts.
    Sarif,
}

/// Output formats of `dcsc check`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Text for people, with source snippets.
    Human,
    /// JSON for tools (see docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards: one rule per code.
    Sarif,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Text for people, with source snippets.
    Human,
    /// JSON for tools (see docs/json-output.md).
    Json,
}

fn parse_as_at(text: &str) -> Result<Day, String> {
    PartialDate::parse(text).map(PartialDate::last_day).map_err(|error| match error {
        dcsc::date::DateError::Malformed => {
            format!("`{text}` is not written as a date: write YYYY-MM-DD, YYYY-MM or YYYY (for 15 October 2024, 2024-10-15)")
        }
        dcsc::date::DateError::NoSuchMonth(_) | dcsc::date::DateError::NoSuchDay { .. } => {
            format!("`{text}` is not a date that exists")
        }
    })
}

fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()) && std::io::stdout().is_terminal()
}

fn stderr_color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()) && std::io::stderr().is_terminal()
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let arguments: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = Cli::command();
    // Which guidance is embedded is part of the version, worked out only
    // when asked for.
    if arguments
        .iter()
        .skip(1)
        .any(|argument| argument == "--version" || argument == "-V")
    {
        command = command.version(version_text());
    }
    let cli = match command
        .try_get_matches_from(&arguments)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => return ExitCode::from(command_line_error(&error, wants_json(&arguments))),
    };
    let status = match cli.command {
        Command::Check { files, format } => check(&files, format),
        Command::Verify {
            inputs,
            format,
            summary,
        } => verify(&inputs, format, summary),
        Command::Explain { what, policies, as_at } => explain(&what, &policies, as_at),
        Command::Coverage { policies, format } => coverage(&policies, format),
        Command::Vocabulary {
            policies,
            as_at,
            format,
        } => vocabulary(&policies, as_at, format),
        Command::Fmt { files, check } => fmt::run(&files, check),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "dcsc", &mut script);
            emit(&String::from_utf8_lossy(&script));
            OK
        }
        Command::Man { command } => man(command.as_deref()),
        Command::Test {
            paths,
            policies,
            format,
        } => test::run(&paths, &policies, format),
        Command::Diff {
            arrangements,
            from_policy,
            to_policy,
            policies,
            as_at,
            from,
            to,
            format,
        } => diff(
            &arrangements,
            &Sides {
                from_policy,
                to_policy,
                policies,
                as_at,
                from,
                to,
            },
            format,
        ),
        Command::Report { inputs, format, output } => document(&inputs, Document::Report(format), output.as_deref()),
        Command::Graph { inputs, format, output } => document(&inputs, Document::Chart(format), output.as_deref()),
        Command::Lsp => lsp(),
    };
    if let Some(StdoutFailure::Failed(reason)) = STDOUT_FAILURE.get() {
        emit_error(&diagnostics::render(
            &dcsc::source::SourceMap::new(),
            &[diagnostics::stdout_unwritable(reason)],
            stderr_color_wanted(),
        ));
        return ExitCode::from(BAD_INPUT);
    }
    ExitCode::from(status)
}

/// The version and the guidance embedded: each edition and amendment, and
/// from when it is in force.
fn version_text() -> String {
    let mut workspace = Workspace::new();
    let checked = workspace.check();
    let width = checked
        .editions
        .iter()
        .map(|edition| edition.key.len())
        .max()
        .unwrap_or(0);
    let mut text = format!("{}\nembedded guidance, in force from:", env!("CARGO_PKG_VERSION"));
    for edition in &checked.editions {
        let from = match (edition.by_area, edition.first_in_force, edition.in_force) {
            // The window in which areas took it up.
            (true, Some(first), Some(latest)) => {
                format!("{} to {}", dcsc::words::date(first), dcsc::words::date(latest))
            }
            _ => edition
                .in_force
                .map_or_else(|| "a date not given".to_owned(), dcsc::words::date),
        };
        let amends = edition
            .amends
            .as_ref()
            .map(|amended| format!(", amending {amended}"))
            .unwrap_or_default();
        let by_area = if edition.by_area { ", area by area" } else { "" };
        text.push_str(&format!("\n  {:<width$}  {from}{by_area}{amends}", edition.key));
    }
    text
}

/// `dcsc man`: a man page, from the same definitions as `--help`.
fn man(command: Option<&str>) -> u8 {
    let whole = Cli::command();
    let page_of = match command {
        None => whole,
        Some(name) => match whole.find_subcommand(name) {
            Some(sub) => sub
                .clone()
                .name(format!("dcsc-{name}"))
                .version(env!("CARGO_PKG_VERSION")),
            None => {
                let problem = CommandError::CommandLine {
                    message: format!("there is no command `{name}`"),
                    details: vec![format!(
                        "the commands are: {}",
                        whole
                            .get_subcommands()
                            .map(|sub| sub.get_name().to_owned())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )],
                };
                return report_problems(
                    &dcsc::source::SourceMap::new(),
                    &[diagnostics::from_command(&problem)],
                    false,
                );
            }
        },
    };
    let mut page = Vec::new();
    match clap_mangen::Man::new(page_of).render(&mut page) {
        Ok(()) => {
            emit(&String::from_utf8_lossy(&page));
            OK
        }
        Err(error) => {
            let problem = CommandError::CannotRender {
                format: "man page",
                reason: error.to_string(),
            };
            report_problems(
                &dcsc::source::SourceMap::new(),
                &[diagnostics::from_command(&problem)],
                false,
            )
        }
    }
}

/// Whether the command line asks for JSON, read from the raw arguments:
/// when they cannot be parsed, a diagnostic in JSON is still what a tool
/// reading the output expects.
fn wants_json(arguments: &[std::ffi::OsString]) -> bool {
    arguments
        .windows(2)
        .any(|pair| matches!(pair, [option, value] if option.as_os_str() == "--format" && value.as_os_str() == "json"))
        || arguments.iter().any(|argument| argument.as_os_str() == "--format=json")
}

/// Help and the version are printed as clap writes them; anything else clap
/// refuses becomes the coded diagnostic E0301.
fn command_line_error(error: &clap::Error, json: bool) -> u8 {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            emit(&error.render().to_string());
            return OK;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            if !json {
                emit_error(&error.render().to_string());
            }
            let problem = CommandError::CommandLine {
                message: "no command was given".to_owned(),
                details: Vec::new(),
            };
            return report_problems(
                &dcsc::source::SourceMap::new(),
                &[diagnostics::from_command(&problem)],
                json,
            );
        }
        _ => {}
    }
    let rendered = error.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|line| !line.is_empty());
    let message = lines
        .next()
        .map(|line| line.strip_prefix("error: ").unwrap_or(line).to_owned())
        .unwrap_or_else(|| "the command line is not understood".to_owned());
    let details = lines
        .filter(|line| !line.starts_with("For more information"))
        .map(str::to_owned)
        .collect();
    let diagnostic = diagnostics::from_command(&CommandError::CommandLine { message, details });
    report_problems(&dcsc::source::SourceMap::new(), &[diagnostic], json)
}

/// Prints problems that stop a command, coded: as JSON on standard output
/// when JSON was asked for, else rendered on standard error. Returns the
/// exit status for bad input.
fn report_problems(sources: &dcsc::source::SourceMap, problems: &[diagnostics::Diagnostic], json: bool) -> u8 {
    if json {
        emit(&diagnostics_json(sources, problems));
    } else {
        emit_error(&diagnostics::render(sources, problems, stderr_color_wanted()));
    }
    BAD_INPUT
}

/// What went wrong writing standard output, kept for [`run`] to act on
/// once the command is done: every command writes through [`emit`], and a
/// failure must change the exit status instead of being lost.
enum StdoutFailure {
    /// The reader went away (`dcsc … | head`): not an error worth
    /// reporting, but nothing more is written.
    Closed,
    /// Anything else (`> /dev/full`): the output is incomplete.
    Failed(String),
}

static STDOUT_FAILURE: std::sync::OnceLock<StdoutFailure> = std::sync::OnceLock::new();

fn emit(text: &str) {
    if STDOUT_FAILURE.get().is_some() {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        let _ = STDOUT_FAILURE.set(match error.kind() {
            std::io::ErrorKind::BrokenPipe => StdoutFailure::Closed,
            _ => StdoutFailure::Failed(output::describe(&error)),
        });
    }
}

fn emit_error(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

fn diagnostics_json(sources: &dcsc::source::SourceMap, problems: &[diagnostics::Diagnostic]) -> String {
    diagnostics::json_document(&[(sources, problems)])
}

fn counts_line(workspace: &Workspace) -> (usize, usize) {
    let errors = workspace
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .count();
    (errors, workspace.diagnostics.len() - errors)
}

/// Reads a file the user named (`-` is standard input) into the
/// workspace, first saying so on standard error if it is a FIFO: opening
/// one waits for a writer, which would otherwise look like a hang.
fn add_input(workspace: &mut Workspace, path: &Path) -> Option<dcsc::source::FileId> {
    note_fifo(path);
    workspace.add_path(path)
}

/// Says on standard error that dcsc waits for a writer, if `path` is a
/// FIFO.
fn note_fifo(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        // Asked of the name itself, not of what it links to: `/dev/stdin`
        // and `<(…)` are links to pipes that have their writer already.
        if std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_fifo()) {
            emit_error(&format!(
                "note: waiting for a writer on FIFO `{}`\n",
                dcsc::visible::escape(&path.display().to_string())
            ));
        }
    }
}

fn check(files: &[PathBuf], format: CheckFormat) -> u8 {
    let mut workspace = Workspace::new();
    for file in files {
        add_input(&mut workspace, file);
    }
    workspace.check();
    let read = files.len() + workspace.shared_only();
    match format {
        CheckFormat::Human => {
            emit(&workspace.render_diagnostics(color_wanted()));
            let (errors, warnings) = counts_line(&workspace);
            emit(&match (errors, warnings) {
                (0, 0) => format!("checked {read} file(s): no problems\n"),
                _ => format!("checked {read} file(s): {errors} error(s), {warnings} warning(s)\n"),
            });
        }
        CheckFormat::Json => emit(&diagnostics_json(&workspace.sources, &workspace.diagnostics)),
        CheckFormat::Sarif => emit(&dcsc::render::sarif::diagnostics(&[(
            &workspace.sources,
            &workspace.diagnostics,
        )])),
    }
    if workspace.has_errors() {
        BAD_INPUT
    } else {
        OK
    }
}

fn verify(inputs: &Inputs, format: VerifyFormat, summary: bool) -> u8 {
    let shape = match (format, summary) {
        (VerifyFormat::Human, false) => Shape::Human { color: color_wanted() },
        (VerifyFormat::Json, false) => Shape::Json,
        (VerifyFormat::Junit, false) => Shape::Junit,
        (VerifyFormat::Sarif, false) => Shape::Sarif,
        (VerifyFormat::Human, true) => Shape::SummaryHuman,
        (VerifyFormat::Json, true) => Shape::SummaryJson,
        (VerifyFormat::Junit | VerifyFormat::Sarif, true) => {
            let problem = CommandError::CommandLine {
                message: "`--summary` is written for people or as JSON, not as JUnit or SARIF".to_owned(),
                details: vec!["use `--summary` alone or with `--format json`".to_owned()],
            };
            return report_problems(
                &dcsc::source::SourceMap::new(),
                &[diagnostics::from_command(&problem)],
                false,
            );
        }
    };
    let settings = dcsc::run::Settings {
        as_at: inputs.as_at(),
        shape,
        error_color: stderr_color_wanted(),
    };
    let mut write = |channel: Channel, text: &str| match channel {
        Channel::Out => emit(text),
        Channel::Err => emit_error(text),
    };
    let status = match dcsc::run::folders_given(&inputs.arrangements) {
        Ok(true) => {
            for policy in &inputs.policies {
                note_fifo(policy);
            }
            dcsc::run::folders(&inputs.arrangements, &inputs.policies, &settings, &mut write)
        }
        Ok(false) => dcsc::run::workspace(&mut inputs.workspace(), &settings, &mut write),
        Err(problem) => {
            return report_problems(
                &dcsc::source::SourceMap::new(),
                &[diagnostics::from_command(&problem)],
                format == VerifyFormat::Json,
            )
        }
    };
    match status {
        Status::Clear => OK,
        Status::NeedsAction => NEEDS_ACTION,
        Status::BadInput => BAD_INPUT,
    }
}

/// What `report` or `graph` writes.
#[derive(Clone, Copy)]
enum Document {
    Report(ReportFormat),
    Chart(ChartFormat),
}

/// Verifies one council's arrangements and writes a report or chart of
/// them, to a file (atomically, never over an input) or to standard
/// output.
fn document(inputs: &Inputs, kind: Document, output: Option<&Path>) -> u8 {
    let mut workspace = inputs.workspace();
    let as_at = inputs.as_at();
    let Some(verified) = workspace.verify(as_at) else {
        emit_error(&workspace.render_diagnostics(stderr_color_wanted()));
        return BAD_INPUT;
    };
    if !workspace.diagnostics.is_empty() {
        emit_error(&workspace.render_diagnostics(stderr_color_wanted()));
    }
    let reports = verified.assessments(&workspace.sources);
    let [report] = reports.as_slice() else {
        let problem = match reports.len() {
            0 => CommandError::NoArrangements,
            given => CommandError::SeveralCouncils { given },
        };
        return report_problems(&workspace.sources, &[diagnostics::from_command(&problem)], false);
    };
    let chart = || dcsc::graph::chart(report);
    let text = match kind {
        Document::Chart(ChartFormat::Dot) => chart().to_dot(),
        Document::Chart(ChartFormat::Mermaid) => chart().to_mermaid(),
        Document::Chart(ChartFormat::Svg) => chart().to_svg(),
        Document::Report(format) => {
            let provenance = dcsc::report::Provenance::of(report, env!("CARGO_PKG_VERSION"));
            let document = dcsc::report::document(report, provenance);
            match format {
                ReportFormat::Markdown => document.to_markdown(),
                ReportFormat::Html => document.to_html(&chart().to_svg()),
                ReportFormat::Csv => match document.to_csv() {
                    Ok(csv) => csv,
                    Err(error) => {
                        let problem = CommandError::CannotRender {
                            format: "CSV report",
                            reason: error.to_string(),
                        };
                        return report_problems(&workspace.sources, &[diagnostics::from_command(&problem)], false);
                    }
                },
            }
        }
    };
    match output {
        None => emit(&text),
        Some(path) => {
            let named: Vec<PathBuf> = inputs
                .policies
                .iter()
                .chain(&inputs.arrangements)
                .chain(workspace.shared_paths())
                .cloned()
                .collect();
            let shown = path.display().to_string();
            let refused = match output::same_file_as_input(path, &named) {
                Some(input) => {
                    let input = if input == Path::new(dcsc::load::STDIN_PATH) {
                        dcsc::source::STDIN_NAME.to_owned()
                    } else {
                        input.display().to_string()
                    };
                    Some(diagnostics::output_is_input(&shown, &input))
                }
                None => match output::write(path, text.as_bytes()) {
                    Ok(()) => None,
                    Err(error) if error.in_place => Some(diagnostics::unwritable_in_place(&shown, &error.reason)),
                    Err(error) => Some(diagnostics::unwritable(&shown, &error.reason)),
                },
            };
            if let Some(diagnostic) = refused {
                emit_error(&diagnostics::render(
                    &workspace.sources,
                    &[diagnostic],
                    stderr_color_wanted(),
                ));
                return BAD_INPUT;
            }
        }
    }
    // A report or chart is a document, not a verdict: it was produced.
    OK
}

/// The two sides `diff` was asked to compare.
struct Sides {
    from_policy: Vec<PathBuf>,
    to_policy: Vec<PathBuf>,
    policies: Vec<PathBuf>,
    as_at: Option<Day>,
    from: Option<Day>,
    to: Option<Day>,
}

impl Sides {
    /// Each side's guidance files and date, or what is wrong.
    fn resolve(&self) -> Result<[(&[PathBuf], Day); 2], CommandError> {
        let by_policy = !self.from_policy.is_empty() || !self.to_policy.is_empty();
        let by_date = self.from.is_some() || self.to.is_some();
        let problem = |problem| Err(CommandError::DiffSides { problem });
        match (by_policy, by_date, self.from, self.to) {
            (true, true, ..) => problem(dcsc::command::DiffProblem::BothWays),
            (true, false, ..) => {
                let day = self.as_at.unwrap_or_else(Day::today);
                Ok([(&self.from_policy, day), (&self.to_policy, day)])
            }
            (false, true, Some(from), Some(to)) => Ok([(&self.policies, from), (&self.policies, to)]),
            (false, true, ..) => problem(dcsc::command::DiffProblem::OneDate),
            (false, false, ..) => problem(dcsc::command::DiffProblem::NoSides),
        }
    }
}

/// `dcsc diff`: each side verified in a workspace of its own, then
/// compared.
fn diff(arrangements: &[PathBuf], sides: &Sides, format: DiffFormat) -> u8 {
    let [(from_files, from_day), (to_files, to_day)] = match sides.resolve() {
        Ok(sides) => sides,
        Err(problem) => {
            return report_problems(
                &dcsc::source::SourceMap::new(),
                &[diagnostics::from_command(&problem)],
                format == DiffFormat::Json,
            )
        }
    };
    let side = |policies: &[PathBuf], day: Day| {
        let mut workspace = Workspace::new();
        for file in policies.iter().chain(arrangements) {
            add_input(&mut workspace, file);
        }
        let verified = workspace.verify(day);
        (workspace, verified)
    };
    let (from_workspace, from) = side(from_files, from_day);
    let (to_workspace, to) = side(to_files, to_day);
    let (Some(from), Some(to)) = (from, to) else {
        for workspace in [&from_workspace, &to_workspace] {
            if workspace.has_errors() {
                if format == DiffFormat::Json {
                    emit(&diagnostics_json(&workspace.sources, &workspace.diagnostics));
                } else {
                    emit_error(&workspace.render_diagnostics(stderr_color_wanted()));
                }
            }
        }
        return BAD_INPUT;
    };
    if from.councils.is_empty() {
        return report_problems(
            &from_workspace.sources,
            &[diagnostics::from_command(&CommandError::NoArrangements)],
            format == DiffFormat::Json,
        );
    }
    let comparison = dcsc::diff::compare(
        &dcsc::diff::Side {
            verified: &from,
            sources: &from_workspace.sources,
        },
        &dcsc::diff::Side {
            verified: &to,
            sources: &to_workspace.sources,
        },
    );
    emit(&match format {
        DiffFormat::Human => dcsc::render::diff::human(&comparison, color_wanted()),
        DiffFormat::Markdown => dcsc::render::diff::markdown(&comparison),
        DiffFormat::Json => dcsc::render::diff::json(&comparison),
    });
    if comparison.changes_any_verdict() {
        NEEDS_ACTION
    } else {
        OK
    }
}

/// Reads the given guidance files (or the embedded guidance) and checks
/// them; `None` after printing the diagnostics if they do not check.
fn load_policy(policies: &[PathBuf]) -> Option<(Workspace, dcsc::model::Policy)> {
    load_policy_as_at(policies, None)
}

/// As [`load_policy`], choosing the edition in force as at a date if one is
/// given.
fn load_policy_as_at(policies: &[PathBuf], as_at: Option<Day>) -> Option<(Workspace, dcsc::model::Policy)> {
    let mut workspace = Workspace::new();
    for file in policies {
        add_input(&mut workspace, file);
    }
    let checked = workspace.check_as_at(as_at);
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
        Format::Json => emit(&format!("{}\n", dcsc::visible::json(&coverage))),
    }
    OK
}

fn vocabulary(policies: &[PathBuf], as_at: Option<Day>, format: Format) -> u8 {
    let Some((_, policy)) = load_policy_as_at(policies, as_at) else {
        return BAD_INPUT;
    };
    let vocabulary = dcsc::render::vocabulary::vocabulary(&policy);
    match format {
        Format::Human => emit(&vocabulary.to_human()),
        Format::Json => emit(&format!("{}\n", dcsc::visible::json(&vocabulary))),
    }
    OK
}

fn lsp() -> u8 {
    let ending = dcsc::lsp::serve(std::io::stdin().lock(), std::io::stdout().lock());
    match ending {
        dcsc::lsp::Ending::Exited => OK,
        dcsc::lsp::Ending::ExitedWithoutShutdown | dcsc::lsp::Ending::InputClosed => LSP_UNCLEAN_END,
        dcsc::lsp::Ending::OutputFailed(reason) => {
            emit_error(&format!(
                "dcsc lsp: the editor's end of the connection cannot be written: {reason}\n"
            ));
            LSP_UNCLEAN_END
        }
    }
}

fn explain(what: &str, policies: &[PathBuf], as_at: Option<Day>) -> u8 {
    if let Some(code) = Code::parse(what) {
        emit(&format!("{}\n", code.explain()));
        return OK;
    }
    let Some((_, policy)) = load_policy_as_at(policies, as_at) else {
        return BAD_INPUT;
    };
    match dcsc::render::explain::explain(&policy, what, as_at) {
        Ok(text) => {
            emit(&text);
            OK
        }
        Err(problem) => report_problems(
            &dcsc::source::SourceMap::new(),
            &[diagnostics::from_command(&problem)],
            false,
        ),
    }
}
