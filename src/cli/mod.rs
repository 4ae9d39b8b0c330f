//! The command line around [`crate::run`]: parses the arguments, runs the
//! command, its text going to the standard streams the process handed
//! over as it comes (through [`run::stdio::Writer`]), and gives the exit
//! status. Every command itself is [`run`]'s. Nothing here reads the
//! process's arguments, streams, terminal or clock, or exits: the binary
//! (`src/main.rs`) gives them in a [`Process`], and a test can give its
//! own and get the same bytes and status in-process.

mod args;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{CommandFactory, FromArgMatches};

use crate::command::CommandError;
use crate::date::Day;
use crate::diagnostics;
use crate::run::stdio::Writer;
use crate::run::{self, Channel, Colors, Input, Log, Status, Streams};

use args::{Cli, Command};

/// Exit status of `dcsc lsp` when the session did not end with
/// `shutdown` then `exit`, as the protocol asks.
const LSP_UNCLEAN_END: u8 = 1;

/// What the process gives the command line.
pub struct Process<'a> {
    /// The arguments, the program's name first.
    pub arguments: Vec<OsString>,
    /// Standard input.
    pub input: Input<'a>,
    /// Standard output: each piece is written and flushed as it comes.
    pub output: &'a mut dyn Write,
    /// Standard error, which `dcsc serve`'s threads write to as well.
    pub error: Log,
    /// Whether text for people is coloured on each stream with `--color
    /// auto` ([`auto_colors`]).
    pub colors: Colors,
    /// Today: what `--as-at` defaults to.
    pub today: Day,
}

/// Parses the command line and runs the command: its exit status, 0
/// nothing needs action, 1 something does, 2 bad input.
pub fn run(process: Process<'_>) -> u8 {
    let Process {
        arguments,
        input,
        output,
        error,
        colors,
        today,
    } = process;
    let auto = colors;
    let colors = args::ColorWhen::in_arguments(&arguments).applied(auto);
    let mut writer = Writer::new(output, error);
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
        Ok(cli) => {
            let given = Given {
                input,
                colors: cli.color.applied(auto),
                writer: &mut writer,
            };
            dispatch(cli.command, given, today)
        }
        Err(error) => command_line_error(&error, wants_json(&arguments), colors, &mut writer),
    };
    if let Some(reason) = writer.failure().map(str::to_owned) {
        let found = [diagnostics::stdout_unwritable(&reason)];
        return run::problems(&found, false, colors, &mut |channel, text| writer.write(channel, text)).exit_code();
    }
    status
}

/// What `--color auto` gives on each stream: colour on a terminal
/// (`terminals`), unless the environment (`variable`) sets `NO_COLOR`
/// (to anything but the empty string) or `TERM=dumb`; `CLICOLOR_FORCE`
/// (set, not empty or `0`) colours off a terminal too. `NO_COLOR` wins
/// over `CLICOLOR_FORCE`; `--color always` wins over both.
pub fn auto_colors(terminals: Colors, variable: impl Fn(&str) -> Option<OsString>) -> Colors {
    let set = |name: &str| variable(name).filter(|value| !value.is_empty());
    if set("NO_COLOR").is_some() {
        return Colors { out: false, err: false };
    }
    if set("CLICOLOR_FORCE").is_some_and(|value| value != "0") {
        return Colors { out: true, err: true };
    }
    if variable("TERM").is_some_and(|value| value == "dumb") {
        return Colors { out: false, err: false };
    }
    terminals
}

/// What a command is run with: the standard streams and their colour.
struct Given<'a, 'w> {
    input: Input<'a>,
    colors: Colors,
    writer: &'w mut Writer<'a>,
}

impl Given<'_, '_> {
    /// Runs a command of [`run`] on the streams: its exit status.
    fn streamed(self, command: impl FnOnce(&mut Streams<'_>) -> Status) -> u8 {
        let writer = self.writer;
        let mut write = |channel, text: &str| writer.write(channel, text);
        let mut streams = Streams {
            input: self.input,
            colors: self.colors,
            write: &mut write,
        };
        command(&mut streams).exit_code()
    }
}

impl Given<'_, '_> {
    /// Runs a command whose standard output is a document: to `output`
    /// if given (atomically, never over a file of those `read` names,
    /// uncoloured), else to standard output. A run that stops on bad
    /// input before writing anything leaves the file as it was.
    fn documented(
        self,
        output: Option<&Path>,
        read: &[PathBuf],
        command: impl FnOnce(&mut Streams<'_>) -> Status,
    ) -> u8 {
        let Some(path) = output else {
            return self.streamed(command);
        };
        let colors = self.colors;
        let standard_input = self.input.file.clone();
        let writer = self.writer;
        let mut document = String::new();
        let status = {
            let mut write = |channel, text: &str| match channel {
                Channel::Out => document.push_str(text),
                Channel::Err => writer.write(channel, text),
            };
            let mut streams = Streams {
                input: self.input,
                colors: Colors {
                    out: false,
                    err: colors.err,
                },
                write: &mut write,
            };
            command(&mut streams)
        };
        if status == Status::BadInput && document.is_empty() {
            return status.exit_code();
        }
        match run::save_output(path, &document, read, standard_input.as_ref()) {
            None => status.exit_code(),
            Some(refused) => run::problems(&[refused], false, colors, &mut |channel, text| {
                writer.write(channel, text)
            })
            .exit_code(),
        }
    }
}

/// Runs a command, its text going to the standard streams.
fn dispatch(command: Command, given: Given<'_, '_>, today: Day) -> u8 {
    match command {
        Command::Check { files, format, output } => {
            given.documented(output.as_deref(), &files, |streams| run::check(&files, format, streams))
        }
        Command::Verify {
            inputs,
            format,
            summary,
            fail_on,
            quiet,
            verbose,
            output,
        } => {
            let options = run::VerifyOptions {
                format,
                summary,
                fail_on: args::fail_on(&fail_on, run::FailOn::needing_action()),
                detail: match (quiet, verbose) {
                    (true, _) => run::Detail::Quiet,
                    (false, true) => run::Detail::Verbose,
                    (false, false) => run::Detail::Concise,
                },
            };
            let read: Vec<PathBuf> = inputs.arrangements.iter().chain(&inputs.policies).cloned().collect();
            given.documented(output.as_deref(), &read, |streams| {
                run::verify(&inputs.given(today), &options, streams)
            })
        }
        Command::Report { inputs, format, output } => {
            given.streamed(|streams| run::report(&inputs.given(today), format, output.as_deref(), streams))
        }
        Command::Graph { inputs, format, output } => {
            given.streamed(|streams| run::graph(&inputs.given(today), format, output.as_deref(), streams))
        }
        Command::Timeline {
            inputs,
            format,
            from,
            to,
            output,
        } => given.streamed(|streams| {
            let period = crate::timeline::Period { from, to };
            run::timeline(&inputs.given(today), format, period, output.as_deref(), streams)
        }),
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
            fail_on,
        } => {
            let fail_on = (!fail_on.is_empty()).then(|| args::fail_on(&fail_on, run::FailOn::needing_action()));
            let sides = run::Sides {
                from_policy,
                to_policy,
                policies,
                as_at: as_at.unwrap_or(today),
                from,
                to,
            };
            given.streamed(|streams| {
                run::diff(
                    &arrangements,
                    &sides,
                    format,
                    output.as_deref(),
                    fail_on.as_ref(),
                    streams,
                )
            })
        }
        Command::Explain { what, policies, as_at } => {
            given.streamed(|streams| run::explain(&what, &policies, as_at, streams))
        }
        Command::Coverage {
            policies,
            format,
            fail_under,
            output,
        } => given.documented(output.as_deref(), &policies, |streams| {
            run::coverage(&policies, format, fail_under, streams)
        }),
        Command::Vocabulary {
            policies,
            as_at,
            format,
            output,
        } => given.documented(output.as_deref(), &policies, |streams| {
            run::vocabulary(&policies, as_at, format, streams)
        }),
        Command::Fmt { files, check } => given.streamed(|streams| run::fmt(&files, check, streams)),
        Command::Test {
            paths,
            policies,
            filter,
            format,
            output,
            fail_on,
        } => {
            let options = run::TestOptions {
                filter,
                format,
                fail_on: (!fail_on.is_empty()).then(|| args::fail_on(&fail_on, run::FailOn::needing_action())),
            };
            let read: Vec<PathBuf> = paths.iter().chain(&policies).cloned().collect();
            given.documented(output.as_deref(), &read, |streams| {
                run::test(&paths, &policies, &options, streams)
            })
        }
        Command::Completions { shell } => given.streamed(|streams| {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "dcsc", &mut script);
            (streams.write)(Channel::Out, &String::from_utf8_lossy(&script));
            Status::Clear
        }),
        Command::Man { command } => given.streamed(|streams| man(command.as_deref(), streams)),
        Command::Lsp => lsp(given.input, given.writer),
        Command::Serve(serve) => {
            let config = crate::serve::Config {
                paths: serve.paths,
                policies: serve.policies,
                address: std::net::SocketAddr::new(serve.bind, serve.port),
                write: serve.write,
                today,
                log: given.writer.error(),
            };
            given.streamed(|streams| crate::serve::run(config, streams.write))
        }
    }
}

/// `dcsc man`: a man page, from the same definitions as `--help`.
fn man(command: Option<&str>, streams: &mut Streams<'_>) -> Status {
    let whole = Cli::command();
    let page_of = match command {
        None => whole,
        Some(name) => match whole.find_subcommand(name) {
            Some(sub) => sub
                .clone()
                .name(format!("dcsc-{name}"))
                .version(env!("CARGO_PKG_VERSION"))
                // A command takes no `-V`; only dcsc itself does.
                .disable_version_flag(true),
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
                return refuse(&problem, false, streams.colors, streams.write);
            }
        },
    };
    let mut page = Vec::new();
    match clap_mangen::Man::new(page_of).render(&mut page) {
        Ok(()) => {
            (streams.write)(Channel::Out, &String::from_utf8_lossy(&page));
            Status::Clear
        }
        Err(error) => {
            let problem = CommandError::CannotRender {
                format: "man page",
                reason: error.to_string(),
            };
            refuse(&problem, false, streams.colors, streams.write)
        }
    }
}

/// `dcsc lsp`: the language server, speaking on the standard streams
/// themselves.
fn lsp(input: Input<'_>, writer: &mut Writer<'_>) -> u8 {
    use crate::lsp::Ending;
    match crate::lsp::serve(std::io::BufReader::new(input.reader), writer.output()) {
        Ending::Exited => Status::Clear.exit_code(),
        Ending::ExitedWithoutShutdown | Ending::InputClosed => LSP_UNCLEAN_END,
        Ending::OutputFailed(reason) => {
            writer.err(&format!(
                "dcsc lsp: the editor's end of the connection cannot be written: {reason}\n"
            ));
            LSP_UNCLEAN_END
        }
    }
}

/// Whether the command line asks for JSON, read from the raw arguments:
/// when they cannot be parsed, a diagnostic in JSON is still what a tool
/// reading the output expects.
fn wants_json(arguments: &[OsString]) -> bool {
    arguments
        .windows(2)
        .any(|pair| matches!(pair, [option, value] if option.as_os_str() == "--format" && value.as_os_str() == "json"))
        || arguments.iter().any(|argument| argument.as_os_str() == "--format=json")
}

/// Help and the version are printed as clap writes them; anything else clap
/// refuses becomes the coded diagnostic E0301.
fn command_line_error(error: &clap::Error, json: bool, colors: Colors, writer: &mut Writer<'_>) -> u8 {
    use clap::error::ErrorKind;
    let write = &mut |channel, text: &str| writer.write(channel, text);
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            write(Channel::Out, &error.render().to_string());
            return Status::Clear.exit_code();
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            if !json {
                write(Channel::Err, &error.render().to_string());
            }
            let problem = CommandError::CommandLine {
                message: "no command was given".to_owned(),
                details: Vec::new(),
            };
            return refuse(&problem, json, colors, write).exit_code();
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
    refuse(&CommandError::CommandLine { message, details }, json, colors, write).exit_code()
}

/// Writes a problem with the command itself, coded (see [`run::problems`]).
fn refuse(problem: &CommandError, json: bool, colors: Colors, write: &mut run::Sink<'_>) -> Status {
    run::problems(&[diagnostics::from_command(problem)], json, colors, write)
}
