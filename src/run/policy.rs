//! The commands that read the guidance alone: `explain`, `coverage`,
//! `vocabulary`, and the guidance `--version` names.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::{refuse, workspace_of, Channel, Status, Streams};
use crate::date::Day;
use crate::diagnostics::Code;
use crate::model::{Commencement, Edition, Policy};
use crate::source::SourceMap;
use crate::Workspace;

/// Output formats of `dcsc coverage` and `dcsc vocabulary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for people, with source snippets.
    Human,
    /// JSON for tools (see docs/json-output.md).
    Json,
}

/// The version and the guidance embedded: the guidance's editions, then
/// the law beside them (each Act, and the amendments Acts made, by date,
/// an Act enacted and not yet in force last), then other guidance beside
/// them, each with from when it is in force (what `--version` shows).
pub fn version() -> String {
    let mut workspace = Workspace::new();
    let checked = workspace.check();
    let width = checked
        .editions
        .iter()
        .map(|edition| edition.key.len())
        .max()
        .unwrap_or(0);
    let guidance: Vec<&Edition> = checked
        .editions
        .iter()
        .filter(|edition| !edition.alongside && !edition.is_law())
        .collect();
    let mut law: Vec<&Edition> = checked.editions.iter().filter(|edition| edition.is_law()).collect();
    // By date in force; an Act awaiting commencement after every dated one.
    law.sort_by_key(|edition| {
        (
            edition.in_force.is_none(),
            edition.in_force.map(|date| date.first_day()),
        )
    });
    let other: Vec<&Edition> = checked
        .editions
        .iter()
        .filter(|edition| edition.alongside && !edition.is_law())
        .collect();
    let mut text = format!("{}\nembedded guidance, in force from:", env!("CARGO_PKG_VERSION"));
    for edition in guidance {
        version_line(&mut text, edition, width);
    }
    for (heading, editions) in [
        ("the law beside it, in force from:", law),
        ("other guidance beside it, in force from:", other),
    ] {
        if !editions.is_empty() {
            let _ = write!(text, "\n{heading}");
        }
        for edition in editions {
            version_line(&mut text, edition, width);
        }
    }
    text
}

/// One edition's line of `--version`: its key, from when it is in force
/// (the window for one taken up area by area; for an Act awaiting
/// commencement, when it was enacted), what it amends.
fn version_line(text: &mut String, edition: &Edition, width: usize) {
    let from = match (
        edition.by_area,
        edition.first_in_force,
        edition.in_force,
        edition.enacted,
    ) {
        // The window in which areas took it up.
        (true, Some(first), Some(latest), _) => {
            format!("{} to {}", crate::words::date(first), crate::words::date(latest))
        }
        (_, _, Some(date), _) => crate::words::date(date),
        (_, _, None, Some(enacted)) => format!("enacted {}, not yet in force", crate::words::date(enacted)),
        (_, _, None, None) => "a date not given".to_owned(),
    };
    let not_at_hand = match &edition.commencement {
        Some(Commencement::NotAtHand(_)) if edition.in_force.is_some() => {
            " (its commencement instrument is not at hand)"
        }
        Some(Commencement::NotAtHand(_)) => " (no commencement is at hand)",
        Some(Commencement::Instrument(_)) | None => "",
    };
    let amends = edition
        .amends
        .as_ref()
        .map(|amended| format!(", amending {amended}"))
        .unwrap_or_default();
    let by_area = if edition.by_area { ", area by area" } else { "" };
    let _ = write!(
        text,
        "\n  {:<width$}  {from}{not_at_hand}{by_area}{amends}",
        edition.key
    );
}

/// Reads the given guidance files (or the embedded guidance) and checks
/// them, choosing the edition in force as at a date if one is given;
/// `None` after writing the diagnostics if they do not check.
fn load_policy(policies: &[PathBuf], as_at: Option<Day>, streams: &mut Streams<'_>) -> Option<Policy> {
    let mut workspace = workspace_of(policies, &[], streams);
    let checked = workspace.check_as_at(as_at);
    match checked.policy {
        Some(policy) if !workspace.has_errors() => Some(policy),
        _ => {
            (streams.write)(Channel::Err, &workspace.render_diagnostics(streams.colors.err));
            None
        }
    }
}

/// `dcsc coverage`: every paragraph of the guidance with the duties and
/// questions that encode it, and the share encoded; with `fail_under`, a
/// share below it needs action (exit status 1), for CI.
pub fn coverage(policies: &[PathBuf], format: Format, fail_under: Option<f64>, streams: &mut Streams<'_>) -> Status {
    let Some(policy) = load_policy(policies, None, streams) else {
        return Status::BadInput;
    };
    let coverage = crate::render::coverage::coverage(&policy);
    match format {
        Format::Human => (streams.write)(Channel::Out, &coverage.to_human()),
        Format::Json => (streams.write)(Channel::Out, &format!("{}\n", crate::visible::json(&coverage))),
    }
    match fail_under {
        Some(percent) if coverage.under(percent) => {
            (streams.write)(
                Channel::Err,
                &format!(
                    "coverage {}% is under the {percent}% asked for by --fail-under\n",
                    coverage.percent
                ),
            );
            Status::NeedsAction
        }
        Some(_) | None => Status::Clear,
    }
}

/// `dcsc vocabulary`: the names the guidance (in force as at `as_at`, or
/// the latest) declares for arrangements to use.
pub fn vocabulary(policies: &[PathBuf], as_at: Option<Day>, format: Format, streams: &mut Streams<'_>) -> Status {
    let Some(policy) = load_policy(policies, as_at, streams) else {
        return Status::BadInput;
    };
    let vocabulary = crate::render::vocabulary::vocabulary(&policy);
    match format {
        Format::Human => (streams.write)(Channel::Out, &vocabulary.to_human()),
        Format::Json => (streams.write)(Channel::Out, &format!("{}\n", crate::visible::json(&vocabulary))),
    }
    Status::Clear
}

/// `dcsc explain`: a diagnostic code's explanation, or a duty, law,
/// paragraph or vocabulary name of the guidance (in force as at `as_at`,
/// or the latest).
pub fn explain(what: &str, policies: &[PathBuf], as_at: Option<Day>, streams: &mut Streams<'_>) -> Status {
    if let Some(code) = Code::parse(what) {
        (streams.write)(Channel::Out, &format!("{}\n", code.explain()));
        return Status::Clear;
    }
    let Some(policy) = load_policy(policies, as_at, streams) else {
        return Status::BadInput;
    };
    match crate::render::explain::explain(&policy, what, as_at) {
        Ok(text) => {
            (streams.write)(Channel::Out, &text);
            Status::Clear
        }
        Err(problem) => refuse(&SourceMap::new(), &problem, false, streams.colors.err, streams.write),
    }
}
