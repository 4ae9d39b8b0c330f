//! The command line as clap reads it: the commands, their arguments and
//! help. The formats are the library's own enums, their values spelled
//! and helped where each is defined.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::date::{Day, PartialDate};
use crate::eval::VerdictKind;
use crate::run::{
    self, ChartFormat, CheckFormat, DiffFormat, Format, ReportFormat, TestFormat, TimelineFormat, VerifyFormat,
};
use crate::AsAt;

#[derive(Parser)]
#[command(
    name = "dcsc",
    version,
    about = "Check a council's arrangements for its Director of Children's Services and Lead Member for Children's Services against the DfE statutory guidance",
    after_help = "Exit status: 0 nothing needs action; 1 something does (for verify, a verdict `--fail-on` names, by default fail, unexplained, unknown, missing or stale); 2 the input could not be read or checked, or the command line is wrong. Each command's help gives its own."
)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
    /// When to colour text for people: auto (on a terminal, unless
    /// NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE colours off a
    /// terminal too), always or never.
    #[arg(long, value_enum, global = true, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub(super) color: ColorWhen,
}

/// When text for people is coloured: `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum ColorWhen {
    /// As the process found its streams and environment.
    Auto,
    /// Always, even into a file or pipe.
    Always,
    /// Never.
    Never,
}

impl ColorWhen {
    /// The colours of each stream, `auto` being what the process gave.
    pub(super) fn applied(self, auto: run::Colors) -> run::Colors {
        match self {
            ColorWhen::Auto => auto,
            ColorWhen::Always => run::Colors { out: true, err: true },
            ColorWhen::Never => run::Colors { out: false, err: false },
        }
    }

    /// `--color` read from the raw arguments, for a command line that
    /// cannot be parsed (its error is still coloured as asked): the last
    /// given wins, as clap takes it.
    pub(super) fn in_arguments(arguments: &[std::ffi::OsString]) -> ColorWhen {
        use clap::ValueEnum;
        let mut when = ColorWhen::Auto;
        let mut previous: Option<&str> = None;
        for argument in arguments.iter().filter_map(|argument| argument.to_str()) {
            let value = argument
                .strip_prefix("--color=")
                .or_else(|| (previous == Some("--color")).then_some(argument));
            if let Some(chosen) = value.and_then(|value| ColorWhen::from_str(value, false).ok()) {
                when = chosen;
            }
            previous = Some(argument);
        }
        when
    }
}

#[derive(Subcommand)]
pub(super) enum Command {
    /// Parse and check guidance and arrangement files.
    #[command(after_help = EXIT_CHECK)]
    Check {
        /// The files to check (.dcs, or .json arrangements; `-` reads
        /// standard input). Arrangements are checked against the guidance
        /// files given, or the embedded 2013 guidance.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format for diagnostics.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Evaluate arrangements against the guidance, duty by duty, with an
    /// explained verdict for each.
    #[command(after_help = EXIT_VERIFY)]
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
        /// Which verdicts make the exit status 1, separated by commas:
        /// fail, unexplained, unknown, missing, stale, departure, pass,
        /// answered, not_applicable, or none (default: fail, unexplained,
        /// unknown, missing and stale, the verdicts that need action).
        #[arg(long = "fail-on", value_name = "VERDICT", value_delimiter = ',', value_parser = parse_fail_on)]
        fail_on: Vec<FailLevel>,
        /// For people: only what needs action, with each council's counts.
        #[arg(short, long, conflicts_with = "verbose")]
        quiet: bool,
        /// For people: every verdict explained, passes too (by default,
        /// what needs no action is a line each).
        #[arg(short, long)]
        verbose: bool,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write the assurance report a committee reads: front matter, summary,
    /// the assurance table, Barnet's framework view, departures and the
    /// timeline.
    #[command(after_help = EXIT_DOCUMENT)]
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
    #[command(after_help = EXIT_DOCUMENT)]
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
    /// Draw one council's history: who held the DCS, Lead Member, DASS and
    /// Chief Executive roles when (uncertain ends hatched), its events,
    /// reviews and answers, the guidance and law coming into force, and
    /// the verdicts that change over time.
    #[command(after_help = EXIT_DOCUMENT)]
    Timeline {
        #[command(flatten)]
        inputs: Inputs,
        /// The picture's format.
        #[arg(long, value_enum, default_value = "svg")]
        format: TimelineFormat,
        /// The first day drawn (YYYY-MM-DD; a month or year means its first
        /// day). Default: the start of the year of the papers' first date.
        #[arg(long, value_name = "DATE", value_parser = parse_first_day)]
        from: Option<Day>,
        /// The last day drawn (a month or year means its last day).
        /// Default: the end of the papers.
        #[arg(long, value_name = "DATE", value_parser = parse_as_at)]
        to: Option<Day>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Compare the same councils under two sets of guidance at one date, or
    /// at two dates: every verdict that changes, and what changed in the
    /// guidance.
    #[command(after_help = EXIT_DIFF)]
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
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Make the exit status 1 only if some verdict changes into one of
        /// these, separated by commas (the verdicts, as for `verify
        /// --fail-on`, or none; default: any change).
        #[arg(long = "fail-on", value_name = "VERDICT", value_delimiter = ',', value_parser = parse_fail_on)]
        fail_on: Vec<FailLevel>,
    },
    /// List every paragraph of the guidance with the duties and questions
    /// that encode it, and the share of paragraphs encoded.
    #[command(after_help = EXIT_GUIDANCE)]
    Coverage {
        /// Guidance files to measure (default: the embedded 2013 guidance).
        policies: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit with status 1 when the share of encodable paragraphs
        /// encoded is under this percentage (for CI).
        #[arg(long, value_name = "PERCENT")]
        fail_under: Option<f64>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the names the guidance declares for arrangements to use:
    /// roles, functions, kinds of body, relations, attributes and tag
    /// keys, with their titles (`dcsc explain NAME` says more of each).
    #[command(after_help = EXIT_GUIDANCE)]
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
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Lay out `.dcs` files the one canonical way, changing white space
    /// only: items at the margin, one entry a line, evidence aligned,
    /// comments where they were.
    #[command(after_help = EXIT_FMT)]
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
    #[command(after_help = EXIT_TEST)]
    Test {
        /// Test files, or folders searched for `.dcs` files holding tests
        /// (default: the current folder).
        paths: Vec<PathBuf>,
        /// Guidance files to test instead of the embedded guidance.
        #[arg(long = "policy", value_name = "FILE")]
        policies: Vec<PathBuf>,
        /// Run only the tests whose names hold this text (as `opa test
        /// --run` or `cargo test NAME`).
        #[arg(long, value_name = "TEXT")]
        filter: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TestFormat::Human)]
        format: TestFormat,
        /// Make the exit status 1 only if a test fails having found one of
        /// these verdicts where it expected otherwise, separated by commas
        /// (the verdicts, as for `verify --fail-on`, or none; default: any
        /// test that fails). A test that cannot run always gives 1.
        #[arg(long = "fail-on", value_name = "VERDICT", value_delimiter = ',', value_parser = parse_fail_on)]
        fail_on: Vec<FailLevel>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a completion script for a shell (bash: `source <(dcsc
    /// completions bash)`).
    #[command(after_help = EXIT_WRITE)]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the man page in roff: dcsc(1), or a command's (`dcsc man
    /// verify | man -l -`).
    #[command(after_help = EXIT_MAN)]
    Man {
        /// The command whose page to write (default: dcsc(1)).
        command: Option<String>,
    },
    /// Explain a diagnostic code (E0101), or a duty, law, paragraph,
    /// edition (an Act, amendment or local policy) or vocabulary name (a
    /// role, function, kind of body, relation, attribute or tag key) of the
    /// guidance.
    #[command(after_help = EXIT_EXPLAIN)]
    Explain {
        /// A diagnostic code, duty id, law, paragraph key, edition or
        /// vocabulary name.
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
    #[command(after_help = EXIT_LSP)]
    Lsp,
    /// Serve a local web application over the councils under the paths:
    /// their verdicts as at any date, charts, reports to download, an
    /// editor with live diagnostics, and a JSON API (docs/serve.md).
    #[command(
        after_help = "Open it: run `dcsc serve examples` and open the address it prints (http://127.0.0.1:8080/) in a web browser. Ctrl-C stops it.\n\nExit status: 0 stopped; 2 the councils could not be read or the address cannot be listened on."
    )]
    Serve(Serve),
}

const EXIT_CHECK: &str =
    "Exit status: 0 no errors (warnings do not count); 2 some error, or a file that cannot be read.";
const EXIT_VERIFY: &str = "Exit status: 0 no verdict is one `--fail-on` names (by default: fail, unexplained, unknown, missing, stale); 1 some verdict is; 2 the input could not be read or checked, or the command line is wrong.";
const EXIT_DOCUMENT: &str = "Exit status: 0 written; 2 the input could not be read or checked, the output cannot be written, or more than one council was given.";
const EXIT_DIFF: &str = "Exit status: 0 no verdict changes (with `--fail-on`: none changes into a verdict it names); 1 some does; 2 either side could not be read or checked, or the output cannot be written.";
const EXIT_GUIDANCE: &str = "Exit status: 0 written; 2 the guidance could not be read or checked.";
const EXIT_FMT: &str = "Exit status: 0 every file is laid out canonically (or was rewritten so); 1 with `--check`, some file would change; 2 a file could not be read or parsed.";
const EXIT_TEST: &str = "Exit status: 0 every test passes (with `--fail-on`: none fails having found a verdict it names); 1 some test fails so, or cannot run; 2 the tests could not be read or checked, or none were found.";
const EXIT_WRITE: &str = "Exit status: 0 written; 2 the command line is wrong.";
const EXIT_MAN: &str = "Exit status: 0 written; 2 there is no such command.";
const EXIT_EXPLAIN: &str =
    "Exit status: 0 explained; 2 nothing by that name, or the guidance could not be read or checked.";
const EXIT_LSP: &str = "Exit status: 0 the editor ended the session with `shutdown` then `exit`; 1 it ended otherwise.";

/// A value of `--fail-on`: a verdict, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FailLevel {
    /// Verdicts of this kind fail the run.
    Verdict(VerdictKind),
    /// No verdict fails the run.
    None,
}

/// The verdicts `--fail-on` names (`none` names none), or `default` if
/// it was not given.
pub(super) fn fail_on(levels: &[FailLevel], default: run::FailOn) -> run::FailOn {
    if levels.is_empty() {
        return default;
    }
    run::FailOn::of(levels.iter().filter_map(|level| match level {
        FailLevel::Verdict(kind) => Some(*kind),
        FailLevel::None => None,
    }))
}

/// A verdict's name as `--fail-on` takes it.
fn parse_fail_on(text: &str) -> Result<FailLevel, String> {
    if text == "none" {
        return Ok(FailLevel::None);
    }
    VerdictKind::from_name(text).map(FailLevel::Verdict).ok_or_else(|| {
        format!(
            "`{text}` is not a verdict: write {} or none",
            VerdictKind::ALL.map(VerdictKind::name).join(", ")
        )
    })
}

/// What `serve` serves, and how.
#[derive(clap::Args)]
pub(super) struct Serve {
    /// Folders of councils, a council's folder, or council files
    /// (default: the current folder).
    pub(super) paths: Vec<PathBuf>,
    /// Guidance files to use instead of the embedded guidance.
    #[arg(long = "policy", value_name = "FILE")]
    pub(super) policies: Vec<PathBuf>,
    /// The port to listen on (0 picks a free one; the address is printed).
    #[arg(long, default_value_t = 8080)]
    pub(super) port: u16,
    /// The address to listen on (default: 127.0.0.1, this machine only;
    /// any other is warned of).
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub(super) bind: std::net::IpAddr,
    /// Let the editor save files (checked first; the previous text is kept
    /// as FILE.previous).
    #[arg(long)]
    pub(super) write: bool,
}

/// What `verify`, `report` and `graph` read, and as at when.
#[derive(clap::Args)]
pub(super) struct Inputs {
    /// The council's arrangement files (.dcs or .json; `-` reads standard
    /// input), read together: a local policy file given here is read with
    /// the guidance it extends. `verify` also takes folders of councils
    /// instead: each .dcs or .json file in a folder, and each sub-folder
    /// (its files read together), is one council, verified on its own.
    #[arg(required = true)]
    pub(super) arrangements: Vec<PathBuf>,
    /// Guidance files to use instead of the embedded 2013 guidance (a local
    /// policy extending it may be given alone).
    #[arg(long = "policy", value_name = "FILE")]
    pub(super) policies: Vec<PathBuf>,
    /// Evaluate as at this date (YYYY-MM-DD; a month or year means its last
    /// day; `today`). Default: the end of each council's papers (their
    /// `known_until`, or the latest date they give), so that nothing is
    /// read past them; today for papers that give no date.
    #[arg(long, value_name = "DATE", value_parser = parse_as_at_or_today)]
    pub(super) as_at: Option<DateArgument>,
}

/// A date as `--as-at` of `verify`, `report` and `graph` takes it: a date,
/// or `today`, which only the caller's clock can say.
#[derive(Clone, Copy, Debug)]
pub(super) enum DateArgument {
    /// `today`.
    Today,
    /// A date written.
    Day(Day),
}

impl Inputs {
    /// The inputs as the library takes them, the date defaulting to the end
    /// of each council's papers (today for papers that give no date).
    pub(super) fn given(self, today: Day) -> run::Inputs {
        run::Inputs {
            arrangements: self.arrangements,
            policies: self.policies,
            as_at: match self.as_at {
                Some(DateArgument::Today) => AsAt::Given(today),
                Some(DateArgument::Day(day)) => AsAt::Given(day),
                None => AsAt::PapersEnd { otherwise: today },
            },
        }
    }
}

/// `--as-at` of `verify`, `report` and `graph`: a date, or `today`.
fn parse_as_at_or_today(text: &str) -> Result<DateArgument, String> {
    if text == "today" {
        return Ok(DateArgument::Today);
    }
    parse_as_at(text)
        .map(DateArgument::Day)
        .map_err(|error| format!("{error}, or `today`"))
}

/// A date as `timeline --from` takes it: a month or year means its first
/// day.
fn parse_first_day(text: &str) -> Result<Day, String> {
    parse_as_at(text).and_then(|_| {
        PartialDate::parse(text)
            .map(PartialDate::first_day)
            .map_err(|_| String::new())
    })
}

/// A date as `--as-at` and its like take it: a month or year means its
/// last day.
fn parse_as_at(text: &str) -> Result<Day, String> {
    PartialDate::parse(text).map(PartialDate::last_day).map_err(|error| match error {
        crate::date::DateError::Malformed => {
            format!("`{text}` is not written as a date: write YYYY-MM-DD, YYYY-MM or YYYY (for 15 October 2024, 2024-10-15)")
        }
        crate::date::DateError::NoSuchMonth(_) | crate::date::DateError::NoSuchDay { .. } => {
            format!("`{text}` is not a date that exists")
        }
    })
}
