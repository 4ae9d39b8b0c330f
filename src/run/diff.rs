//! `dcsc diff`: the same councils verified on two sides (two sets of
//! guidance at one date, or one at two dates), each in a workspace of its
//! own, then compared.

use std::path::{Path, PathBuf};

use super::{refuse, stop, workspace_of, Channel, Colors, FailOn, Sink, Status, Streams};
use crate::command::{CommandError, DiffProblem};
use crate::date::Day;
use crate::diagnostics;
use crate::source::SourceMap;
use crate::Workspace;

/// Output formats of `dcsc diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Text for people.
    Human,
    /// A note a legal team circulates.
    Markdown,
    /// JSON for tools (see docs/json-output.md).
    Json,
}

/// The two sides `diff` was asked to compare, as given: two sets of
/// guidance (`from_policy`, `to_policy`) as at `as_at`, or the same
/// guidance (`policies`) at two dates (`from`, `to`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sides {
    /// Guidance files of the earlier side (none: the embedded guidance).
    pub from_policy: Vec<PathBuf>,
    /// Guidance files of the later side (none: the embedded guidance).
    pub to_policy: Vec<PathBuf>,
    /// Guidance files of both sides, comparing two dates.
    pub policies: Vec<PathBuf>,
    /// The date two sets of guidance are compared as at.
    pub as_at: Day,
    /// The earlier date, comparing two dates.
    pub from: Option<Day>,
    /// The later date.
    pub to: Option<Day>,
}

impl Sides {
    /// Each side's guidance files and date, or what is wrong.
    fn resolve(&self) -> Result<[(&[PathBuf], Day); 2], CommandError> {
        let by_policy = !self.from_policy.is_empty() || !self.to_policy.is_empty();
        let by_date = self.from.is_some() || self.to.is_some();
        let problem = |problem| Err(CommandError::DiffSides { problem });
        match (by_policy, by_date, self.from, self.to) {
            (true, true, ..) => problem(DiffProblem::BothWays),
            (true, false, ..) => Ok([(&self.from_policy, self.as_at), (&self.to_policy, self.as_at)]),
            (false, true, Some(from), Some(to)) => Ok([(&self.policies, from), (&self.policies, to)]),
            (false, true, ..) => problem(DiffProblem::OneDate),
            (false, false, ..) => problem(DiffProblem::NoSides),
        }
    }
}

/// `dcsc diff`: the councils of `arrangements` verified on each side and
/// compared: every verdict that changes, and what changed in the
/// guidance, to `output` if given (atomically, never over an input), else
/// to standard output. Needs action if any verdict changes, or, given
/// `fail_on`, if one changes into a verdict it names.
pub fn diff(
    arrangements: &[PathBuf],
    sides: &Sides,
    format: DiffFormat,
    output: Option<&Path>,
    fail_on: Option<&FailOn>,
    streams: &mut Streams<'_>,
) -> Status {
    let json = format == DiffFormat::Json;
    let [(from_files, from_day), (to_files, to_day)] = match sides.resolve() {
        Ok(sides) => sides,
        Err(problem) => return refuse(&SourceMap::new(), &problem, json, streams.colors.err, streams.write),
    };
    let (arrangements, passed_over) = super::files_of(arrangements);
    let arrangements = arrangements.as_slice();
    let mut side = |policies: &[PathBuf], day: Day| {
        let mut workspace = workspace_of(policies, arrangements, streams);
        workspace.diagnostics.extend(passed_over.iter().cloned());
        let verified = workspace.verify(day);
        (workspace, verified)
    };
    let (from_workspace, from) = side(from_files, from_day);
    let (to_workspace, to) = side(to_files, to_day);
    let Streams { input, colors, write } = streams;
    let (Some(from), Some(to)) = (from, to) else {
        let named = [
            (&from_workspace, side_name("earlier", from_files, from_day)),
            (&to_workspace, side_name("later", to_files, to_day)),
        ];
        not_checked(&named, json, *colors, write);
        return Status::BadInput;
    };
    if from.councils.is_empty() {
        return refuse(
            &from_workspace.sources,
            &CommandError::NoArrangements,
            json,
            colors.err,
            write,
        );
    }
    let comparison = crate::diff::compare(
        &crate::diff::Side {
            verified: &from,
            sources: &from_workspace.sources,
        },
        &crate::diff::Side {
            verified: &to,
            sources: &to_workspace.sources,
        },
    );
    let text = match format {
        DiffFormat::Human => crate::render::diff::human(&comparison, colors.out && output.is_none()),
        DiffFormat::Markdown => crate::render::diff::markdown(&comparison),
        DiffFormat::Json => crate::render::diff::json(&comparison),
    };
    match output {
        None => write(Channel::Out, &text),
        Some(path) => {
            let read: Vec<PathBuf> = from_files
                .iter()
                .chain(to_files)
                .chain(arrangements)
                .chain(from_workspace.shared_paths())
                .chain(to_workspace.shared_paths())
                .cloned()
                .collect();
            match super::document::save_over(path, &text, &read, input.file.as_ref()) {
                None => {}
                Some(warning) if warning.severity == crate::diagnostics::Severity::Warning => write(
                    Channel::Err,
                    &crate::diagnostics::render(&to_workspace.sources, &[warning], colors.err),
                ),
                Some(refused) => return stop(&to_workspace.sources, &[refused], json, colors.err, write),
            }
        }
    }
    let fails = match fail_on {
        None => comparison.changes_any_verdict(),
        Some(fail_on) => comparison.changes_into(|kind| fail_on.includes(kind)),
    };
    if fails {
        Status::NeedsAction
    } else {
        Status::Clear
    }
}

/// A side, named for the person reading its errors: which side, its date,
/// and the guidance it read.
fn side_name(which: &str, policies: &[PathBuf], day: Day) -> String {
    let guidance = if policies.is_empty() {
        "the embedded guidance".to_owned()
    } else {
        policies
            .iter()
            .map(|path| path.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("the {which} side (as at {day}, with {guidance})")
}

/// Writes the diagnostics of the sides that do not check, each under the
/// side it belongs to; errors the two sides share (in the councils' own
/// files, say) are said once, for both.
fn not_checked(sides: &[(&Workspace, String); 2], json: bool, colors: Colors, write: &mut Sink<'_>) {
    let [(earlier, earlier_name), (later, later_name)] = sides;
    let failed: Vec<(&Workspace, String)> = match (earlier.has_errors(), later.has_errors()) {
        (true, true) if earlier.render_diagnostics(false) == later.render_diagnostics(false) => {
            vec![(*earlier, format!("both sides ({earlier_name}; {later_name})"))]
        }
        (earlier_failed, later_failed) => [(earlier_failed, earlier), (later_failed, later)]
            .into_iter()
            .zip([earlier_name, later_name])
            .filter(|((failed, _), _)| *failed)
            .map(|((_, workspace), name)| (*workspace, name.clone()))
            .collect(),
    };
    if json {
        let documents: Vec<_> = failed
            .iter()
            .map(|(workspace, _)| (&workspace.sources, &workspace.diagnostics[..]))
            .collect();
        write(Channel::Out, &diagnostics::json_document(&documents));
        return;
    }
    for (workspace, name) in failed {
        write(Channel::Err, &format!("{name} does not check:\n"));
        write(Channel::Err, &workspace.render_diagnostics(colors.err));
    }
}
