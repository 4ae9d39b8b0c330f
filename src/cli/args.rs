//! The command line as clap reads it: the commands, their arguments and
//! help. The formats are the library's own enums, their values spelled
//! and helped where each is defined.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::date::{Day, PartialDate};
use crate::run::{
    self, ChartFormat, CheckFormat, DiffFormat, Format, ReportFormat, TestFormat, TimelineFormat, VerifyFormat,
};
use crate::AsAt;

#[derive(Parser)]
#[command(
    name = "dcsc",
    version,
    about = "Check a council's arrangements for its Director of Children's Services and Lead Member for Children's Services against the DfE statutory guidance",
    after_help = "Exit status: 0 nothing needs action; 1 some verdict needs action (fail, unexplained, unknown, missing, stale); 2 the input could not be read or checked."
)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
}

#[derive(Subcommand)]
pub(super) enum Command {
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
    /// Draw one council's history: who held the DCS, Lead Member, DASS and
    /// Chief Executive roles when (uncertain ends hatched), its events,
    /// reviews and answers, the guidance and law coming into force, and
    /// the verdicts that change over time.
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
    },
    /// List every paragraph of the guidance with the duties and questions
    /// that encode it, and the share of paragraphs encoded.
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
        #[arg(long, value_enum, default_value_t = TestFormat::Human)]
        format: TestFormat,
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
    /// Explain a diagnostic code (E0101), or a duty, law, paragraph,
    /// edition (an Act, amendment or local policy) or vocabulary name (a
    /// role, function, kind of body, relation, attribute or tag key) of the
    /// guidance.
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
    Lsp,
    /// Serve a local web application over the councils under the paths:
    /// their verdicts as at any date, charts, reports to download, an
    /// editor with live diagnostics, and a JSON API (docs/serve.md).
    #[command(
        after_help = "Open it: run `dcsc serve examples` and open the address it prints (http://127.0.0.1:8080/) in a web browser. Ctrl-C stops it."
    )]
    Serve(Serve),
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
