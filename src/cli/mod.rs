//! The command line around [`dcsc::run`]: parses the arguments, reads the
//! clock, runs the command, its text going to the standard streams as it
//! comes (through [`dcsc::run::stdio`], which also asks whether each is a
//! terminal), and maps its status to an exit code. Every command itself
//! is the library's.

mod args;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use dcsc::command::CommandError;
use dcsc::date::Day;
use dcsc::diagnostics;
use dcsc::run::stdio::{self, colors, write as sink};
use dcsc::run::{self, Colors, Status};

use args::{Cli, Command};

/// Exit status: nothing needs action.
const OK: u8 = 0;
/// Exit status: some verdict needs action.
const NEEDS_ACTION: u8 = 1;
/// Exit status: the input could not be read or checked.
const BAD_INPUT: u8 = 2;
/// Exit status of `dcsc lsp` when the session did not end with
/// `shutdown` then `exit`, as the protocol asks.
const LSP_UNCLEAN_END: u8 = 1;

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
        command = command.version(run::version());
    }
    let status = match command
        .try_get_matches_from(&arguments)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => dispatch(cli.command, colors()),
        Err(error) => command_line_error(&error, wants_json(&arguments)),
    };
    if let Some(reason) = stdio::failure() {
        run::problems(&[diagnostics::stdout_unwritable(reason)], false, colors(), &mut sink);
        return ExitCode::from(BAD_INPUT);
    }
    ExitCode::from(status)
}

/// Runs a command, its text going to the standard streams.
fn dispatch(command: Command, colors: Colors) -> u8 {
    let write = &mut sink;
    exit_code(match command {
        Command::Check { files, format } => run::check(&files, format.into(), colors, write),
        Command::Verify {
            inputs,
            format,
            summary,
        } => run::verify(&inputs.given(), format.into(), summary, colors, write),
        Command::Report { inputs, format, output } => {
            run::report(&inputs.given(), format.into(), output.as_deref(), colors, write)
        }
        Command::Graph { inputs, format, output } => {
            run::graph(&inputs.given(), format.into(), output.as_deref(), colors, write)
        }
        Command::Diff {
            arrangements,
            from_policy,
            to_policy,
            policies,
            as_at,
            from,
            to,
            format,
            output,
        } => {
            let sides = run::Sides {
                from_policy,
                to_policy,
                policies,
                as_at: as_at.unwrap_or_else(Day::today),
                from,
                to,
            };
            run::diff(&arrangements, &sides, format.into(), output.as_deref(), colors, write)
        }
        Command::Explain { what, policies, as_at } => run::explain(&what, &policies, as_at, colors, write),
        Command::Coverage { policies, format } => run::coverage(&policies, format.into(), colors, write),
        Command::Vocabulary {
            policies,
            as_at,
            format,
        } => run::vocabulary(&policies, as_at, format.into(), colors, write),
        Command::Fmt { files, check } => run::fmt(&files, check, colors, write),
        Command::Test {
            paths,
            policies,
            format,
        } => run::test(&paths, &policies, format.into(), colors, write),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "dcsc", &mut script);
            stdio::out(&String::from_utf8_lossy(&script));
            Status::Clear
        }
        Command::Man { command } => man(command.as_deref(), colors),
        Command::Lsp => return lsp(),
        Command::Serve(serve) => {
            let config = dcsc::serve::Config {
                paths: serve.paths,
                policies: serve.policies,
                address: std::net::SocketAddr::new(serve.bind, serve.port),
                write: serve.write,
                today: Day::today(),
                log: std::sync::Arc::new(stdio::err),
            };
            dcsc::serve::run(config, write)
        }
    })
}

fn exit_code(status: Status) -> u8 {
    match status {
        Status::Clear => OK,
        Status::NeedsAction => NEEDS_ACTION,
        Status::BadInput => BAD_INPUT,
    }
}

/// `dcsc man`: a man page, from the same definitions as `--help`.
fn man(command: Option<&str>, colors: Colors) -> Status {
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
                return refuse(&problem, false, colors);
            }
        },
    };
    let mut page = Vec::new();
    match clap_mangen::Man::new(page_of).render(&mut page) {
        Ok(()) => {
            stdio::out(&String::from_utf8_lossy(&page));
            Status::Clear
        }
        Err(error) => {
            let problem = CommandError::CannotRender {
                format: "man page",
                reason: error.to_string(),
            };
            refuse(&problem, false, colors)
        }
    }
}

fn lsp() -> u8 {
    match dcsc::lsp::serve(std::io::stdin().lock(), std::io::stdout().lock()) {
        dcsc::lsp::Ending::Exited => OK,
        dcsc::lsp::Ending::ExitedWithoutShutdown | dcsc::lsp::Ending::InputClosed => LSP_UNCLEAN_END,
        dcsc::lsp::Ending::OutputFailed(reason) => {
            stdio::err(&format!(
                "dcsc lsp: the editor's end of the connection cannot be written: {reason}\n"
            ));
            LSP_UNCLEAN_END
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
    let colors = colors();
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            stdio::out(&error.render().to_string());
            return OK;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            if !json {
                stdio::err(&error.render().to_string());
            }
            let problem = CommandError::CommandLine {
                message: "no command was given".to_owned(),
                details: Vec::new(),
            };
            return exit_code(refuse(&problem, json, colors));
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
    exit_code(refuse(&CommandError::CommandLine { message, details }, json, colors))
}

/// Writes a problem with the command itself, coded (see [`run::problems`]).
fn refuse(problem: &CommandError, json: bool, colors: Colors) -> Status {
    run::problems(&[diagnostics::from_command(problem)], json, colors, &mut sink)
}
