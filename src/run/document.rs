//! `dcsc report`, `dcsc graph` and `dcsc timeline`: one council verified,
//! and the document a committee reads, the chart of its governance or the
//! picture of its history, written to standard output or (`-o`) to a
//! file, atomically and never over an input.

use std::path::{Path, PathBuf};

use super::{output, refuse, stop, Channel, Colors, Inputs, Sink, Status, Streams};
use crate::command::CommandError;
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::load;
use crate::source::SourceMap;
use crate::Workspace;

/// Output formats of `dcsc report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// GitHub-flavoured Markdown tables, to paste into a committee paper.
    Markdown,
    /// One self-contained HTML file, with the governance chart.
    Html,
    /// One row per verdict, for spreadsheets.
    Csv,
}

/// Output formats of `dcsc graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartFormat {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// An SVG picture, laid out by dcsc.
    Svg,
}

/// Output formats of `dcsc timeline`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineFormat {
    /// An SVG picture, laid out by dcsc.
    Svg,
    /// One self-contained HTML page holding the picture, for A4 landscape.
    Html,
}

/// What `report`, `graph` or `timeline` writes.
#[derive(Clone, Copy)]
enum Document {
    Report(ReportFormat),
    Chart(ChartFormat),
    Timeline(TimelineFormat, crate::timeline::Period),
}

impl Document {
    /// The command that writes it, as the user typed it.
    fn command(self) -> &'static str {
        match self {
            Document::Report(_) => "report",
            Document::Chart(_) => "graph",
            Document::Timeline(..) => "timeline",
        }
    }
}

/// `dcsc report`: verifies one council's arrangements and writes the
/// committee's report of them, to `output` if given (atomically, never
/// over an input), else to standard output.
pub fn report(inputs: &Inputs, format: ReportFormat, output: Option<&Path>, streams: &mut Streams<'_>) -> Status {
    document(inputs, Document::Report(format), output, streams)
}

/// `dcsc graph`: verifies one council's arrangements and draws its
/// governance chart, to `output` if given (atomically, never over an
/// input), else to standard output.
pub fn graph(inputs: &Inputs, format: ChartFormat, output: Option<&Path>, streams: &mut Streams<'_>) -> Status {
    document(inputs, Document::Chart(format), output, streams)
}

/// `dcsc timeline`: verifies one council's arrangements (a council's
/// folder is read whole, as `report` reads it) and draws its history over `period`,
/// to `output` if given (atomically, never over an input), else to
/// standard output.
pub fn timeline(
    inputs: &Inputs,
    format: TimelineFormat,
    period: crate::timeline::Period,
    output: Option<&Path>,
    streams: &mut Streams<'_>,
) -> Status {
    if let (Some(from), Some(to)) = (period.from, period.to) {
        if from >= to {
            let problem = CommandError::CommandLine {
                message: format!("`--from {from}` is not before `--to {to}`: the timeline needs a period to draw"),
                details: Vec::new(),
            };
            let colors = streams.colors;
            return refuse(
                &crate::source::SourceMap::default(),
                &problem,
                false,
                colors.err,
                streams.write,
            );
        }
    }
    document(inputs, Document::Timeline(format, period), output, streams)
}

fn document(inputs: &Inputs, kind: Document, output: Option<&Path>, streams: &mut Streams<'_>) -> Status {
    if let Some(councils) = several_councils(&inputs.arrangements) {
        let problem = CommandError::SeveralCouncils {
            command: kind.command(),
            given: councils.len(),
            councils,
        };
        return refuse(&SourceMap::new(), &problem, false, streams.colors.err, streams.write);
    }
    let mut workspace = inputs.workspace(streams);
    let Streams {
        input, colors, write, ..
    } = streams;
    let colors = *colors;
    let text = match written(&mut workspace, inputs, kind, colors, write) {
        Ok(text) => text,
        Err(status) => return status,
    };
    match output {
        None => write(Channel::Out, &text),
        Some(path) => match save(path, &text, inputs, &workspace, input.file.as_ref()) {
            None => {}
            Some(warning) if warning.severity == Severity::Warning => write(
                Channel::Err,
                &diagnostics::render(&workspace.sources, &[warning], colors.err),
            ),
            Some(refused) => return stop(&workspace.sources, &[refused], false, colors.err, write),
        },
    }
    // A report or chart is a document, not a verdict: it was produced.
    Status::Clear
}

/// The councils the paths name, as shown, if they are told apart before
/// any is read (a folder of councils, or files each holding a council's
/// arrangements: `verify`'s plan) and more than one holds arrangements.
/// A document is of one council, and reading every council of a folder
/// into one workspace only to refuse them would cost the memory and time
/// of checking them all; asking each file what it holds reads only the
/// first word of each item.
fn several_councils(paths: &[PathBuf]) -> Option<Vec<String>> {
    let Ok(super::verify::Plan::Each(found)) = super::verify::plan(paths) else {
        return None;
    };
    let councils: Vec<String> = found
        .councils
        .into_iter()
        .filter(|council| {
            council
                .files
                .iter()
                .any(|file| load::holds(file) == load::Holds::Arrangements)
        })
        .map(|council| crate::visible::escape(&council.name).into_owned())
        .collect();
    (councils.len() > 1).then_some(councils)
}

/// The document's text, or the status once what stops it is written.
fn written(
    workspace: &mut Workspace,
    inputs: &Inputs,
    kind: Document,
    colors: Colors,
    write: &mut Sink<'_>,
) -> Result<String, Status> {
    let Some(verified) = workspace.verify(inputs.as_at) else {
        write(Channel::Err, &workspace.render_diagnostics(colors.err));
        return Err(Status::BadInput);
    };
    if !workspace.diagnostics.is_empty() {
        write(Channel::Err, &workspace.render_diagnostics(colors.err));
    }
    // A picture of the history reads its verdict strip from the guidance
    // in force on the last day it draws: checked for an earlier date, an
    // edition replaced in between would run on past its replacement.
    let pictured = match kind {
        Document::Timeline(_, period) => Some(period),
        Document::Report(ReportFormat::Html) => Some(crate::timeline::Period::default()),
        Document::Report(ReportFormat::Markdown | ReportFormat::Csv) | Document::Chart(_) => None,
    };
    let last_drawn = match (pictured, verified.assessments(&workspace.sources).as_slice()) {
        (Some(period), [report]) => Some(crate::timeline::last_day(report.arrangement, period, report.as_at))
            .filter(|last| *last > report.as_at),
        _ => None,
    };
    let later = last_drawn.and_then(|last| workspace.verify(last));
    let later_reports = later.as_ref().map(|later| later.assessments(&workspace.sources));
    let reports = verified.assessments(&workspace.sources);
    let [report] = reports.as_slice() else {
        let problem = match reports.len() {
            0 => CommandError::NoArrangements,
            given => CommandError::SeveralCouncils {
                command: kind.command(),
                given,
                councils: reports
                    .iter()
                    .map(|report| crate::visible::escape(workspace.sources.name(report.arrangement.file)).into_owned())
                    .collect(),
            },
        };
        return Err(refuse(&workspace.sources, &problem, false, colors.err, write));
    };
    let chart = || crate::graph::chart(report);
    let pictured_from = later_reports.as_deref().and_then(<[_]>::first).unwrap_or(report);
    let timeline = |period| crate::timeline::history(pictured_from, period, report.as_at);
    Ok(match kind {
        Document::Timeline(TimelineFormat::Svg, period) => timeline(period).to_svg(),
        Document::Timeline(TimelineFormat::Html, period) => timeline(period).to_html(),
        Document::Chart(ChartFormat::Dot) => chart().to_dot(),
        Document::Chart(ChartFormat::Mermaid) => chart().to_mermaid(),
        Document::Chart(ChartFormat::Svg) => chart().to_svg(),
        Document::Report(format) => {
            let provenance = crate::report::Provenance::of(report, env!("CARGO_PKG_VERSION"));
            let document = crate::report::document(report, provenance);
            match format {
                ReportFormat::Markdown => document.to_markdown(),
                ReportFormat::Html => {
                    let history = timeline(crate::timeline::Period::default()).to_svg();
                    document.to_html_with_timeline(&chart().to_svg(), &history)
                }
                ReportFormat::Csv => match document.to_csv() {
                    Ok(csv) => csv,
                    Err(error) => {
                        let problem = CommandError::CannotRender {
                            format: "CSV report",
                            reason: error.to_string(),
                        };
                        return Err(refuse(&workspace.sources, &problem, false, colors.err, write));
                    }
                },
            }
        }
    })
}

/// Writes the document to the file named with `-o`, unless that file is
/// one of the inputs (a file named, one an arrangement shares, or the
/// file standard input is, if it is one); what stopped it, or a warning
/// about how it was written.
fn save(
    path: &Path,
    text: &str,
    inputs: &Inputs,
    workspace: &Workspace,
    standard_input: Option<&std::fs::Metadata>,
) -> Option<Diagnostic> {
    let (arrangements, _) = super::files_of(&inputs.arrangements);
    let named: Vec<PathBuf> = inputs
        .policies
        .iter()
        .chain(&arrangements)
        .chain(workspace.shared_paths())
        .cloned()
        .collect();
    save_over(path, text, &named, standard_input)
}

/// Writes a command's output to the file named with `-o`, unless that
/// file is one of `named`, the files it read (or standard input, when it
/// was read); what stopped it (an error), or a warning about how it was
/// written: the other hard links of the file it replaced.
pub(super) fn save_over(
    path: &Path,
    text: &str,
    named: &[PathBuf],
    standard_input: Option<&std::fs::Metadata>,
) -> Option<Diagnostic> {
    let shown = path.display().to_string();
    match output::same_file_as_input(path, named, standard_input) {
        Some(input) => {
            let input = if input == Path::new(crate::load::STDIN_PATH) {
                crate::source::STDIN_NAME.to_owned()
            } else {
                input.display().to_string()
            };
            Some(diagnostics::output_is_input(&shown, &input))
        }
        None => match output::write(path, text.as_bytes()) {
            Ok(written) if written.other_links > 0 => {
                Some(diagnostics::other_links_kept_old(&shown, written.other_links))
            }
            Ok(_) => None,
            Err(error) if error.in_place => Some(diagnostics::unwritable_in_place(&shown, &error.reason)),
            Err(error) => Some(diagnostics::unwritable(&shown, &error.reason)),
        },
    }
}
