//! Errors that only follow from another are not reported: an error
//! found again because a shared file is read with each council that
//! shares it, a name unknown because the item declaring it did not
//! parse, a duty unknown because the guidance an arrangement answers to
//! was not given, and unknown fields that are values missing their comma.

use std::collections::{BTreeSet, HashMap};

use super::error::{CheckError, NameKind};
use super::Parsed;
use crate::source::{FileId, SourceMap, Span};

/// The errors without those that call a name unknown that an item which
/// did not parse declares: its syntax error has been reported, and saying
/// more would mislead.
pub(super) fn not_unknown_if_unparsed(mut errors: Vec<CheckError>, files: &[Parsed<'_>]) -> Vec<CheckError> {
    let unparsed: BTreeSet<&str> = files
        .iter()
        .flat_map(|parsed| parsed.ast.unparsed.iter().map(|name| name.text.as_str()))
        .collect();
    errors.retain(|error| !matches!(error, CheckError::UnknownName { name, .. } if unparsed.contains(name.as_str())));
    errors
}

/// The errors without those that call a duty or question unknown in a
/// file whose `answers_to` names guidance that was not given: the
/// missing file (a council's local policy left off the command line)
/// most likely declares them, and the one error naming it says what to
/// add. Once it is given, any duty still unknown is reported.
pub(super) fn not_unknown_if_guidance_missing(mut errors: Vec<CheckError>) -> Vec<CheckError> {
    let missing: BTreeSet<FileId> = errors
        .iter()
        .filter_map(|error| match error {
            CheckError::UnknownName {
                expected: NameKind::Guidance,
                span,
                ..
            } => Some(span.file),
            _ => None,
        })
        .collect();
    errors.retain(|error| {
        !matches!(error, CheckError::UnknownName { expected: NameKind::DutyOrQuestion, span, .. } if missing.contains(&span.file))
    });
    errors
}

/// Unknown fields that follow another field on the same line are most
/// likely values missing their comma (`holds DCS DASS per paper`): the
/// first says so, and the unknown fields that follow it on that line, each
/// starting where the one before it ends, only follow from it and are not
/// reported. Only whether an entry starts on the line where the entry
/// before it ends counts, never the width of an entry: that is what
/// `dcsc fmt` keeps, so a file says the same before and after formatting.
/// Each such error records where the field before it ends, where the
/// comma goes.
pub(super) fn run_on_values(errors: Vec<CheckError>, files: &[Parsed<'_>], sources: &SourceMap) -> Vec<CheckError> {
    use crate::syntax::ast::Entry;
    // JSON separates its values with its own commas, so a key there
    // never runs on from the one before it, whatever its line.
    let same_line = |earlier: Span, later: Span| {
        earlier.file == later.file
            && sources.get(later.file).is_some_and(|source| {
                !crate::syntax::reads_as_json(source)
                    && source
                        .text
                        .get(earlier.end as usize..later.start as usize)
                        .is_some_and(|between| !between.contains('\n'))
            })
    };
    // The entry before each field, by the field name's span.
    let previous_of = |span: Span| -> Option<&crate::syntax::ast::Field> {
        let parsed = files.iter().find(|parsed| parsed.file == span.file)?;
        parsed.ast.items.iter().find_map(|item| {
            let index = item
                .entries
                .iter()
                .position(|entry| matches!(entry, Entry::Field(field) if field.name.span == span))?;
            match item.entries.get(index.checked_sub(1)?)? {
                Entry::Field(field) => Some(field),
                _ => None,
            }
        })
    };
    // The names of the unknown fields that run on from a field before them
    // on their line, reported or not.
    let mut running_on: Vec<Span> = Vec::new();
    let mut kept = Vec::with_capacity(errors.len());
    for error in errors {
        let CheckError::UnknownField {
            item,
            field,
            span,
            suggestion,
            allowed,
            run_on: None,
        } = error
        else {
            kept.push(error);
            continue;
        };
        let previous = previous_of(span).filter(|previous| same_line(previous.span, span));
        if previous.is_some_and(|previous| running_on.contains(&previous.name.span)) {
            running_on.push(span);
            continue;
        }
        // A word close to a field the item has is a misspelt field, not a
        // value: one-line items give several fields on a line.
        let follows = previous.filter(|_| suggestion.is_none()).and_then(|previous| {
            let written = sources.get(previous.span.file)?.slice(previous.span);
            let end = Span {
                start: previous.span.end,
                ..previous.span
            };
            Some((written.split_whitespace().collect::<Vec<_>>().join(" "), end))
        });
        if follows.is_some() {
            running_on.push(span);
        }
        kept.push(CheckError::UnknownField {
            item,
            field,
            span,
            suggestion,
            allowed,
            run_on: follows,
        });
    }
    kept
}

/// The errors with repeats removed, first report kept. A shared file is
/// checked once with each council that shares it: what is wrong in it
/// whichever council it is read with is said once, and what is wrong only
/// with some (a name only one council declares) says with which.
pub(super) fn once_each(
    errors: Vec<CheckError>,
    read_with: &HashMap<usize, String>,
    sharers: &HashMap<FileId, Vec<String>>,
) -> Vec<CheckError> {
    // Seeded once per process (`crate::seed`), so that checking the same
    // text does the same work each time.
    let mut councils: HashMap<&CheckError, Vec<&str>, _> = HashMap::with_hasher(crate::seed::process());
    for (index, error) in errors.iter().enumerate() {
        if let Some(council) = read_with.get(&index) {
            councils.entry(error).or_default().push(council);
        }
    }
    let mut seen = crate::seed::set_with_capacity(errors.len());
    let mut kept = Vec::new();
    for error in &errors {
        if !seen.insert(error) {
            continue;
        }
        let found_with = councils.get(error);
        let sharing = sharers.get(&error.span().file);
        match (found_with, sharing) {
            (Some(found_with), Some(sharing)) if found_with.len() < sharing.len() => {
                kept.push(CheckError::ReadWith {
                    councils: found_with.iter().map(|council| (*council).to_owned()).collect(),
                    error: Box::new(error.clone()),
                });
            }
            _ => kept.push(error.clone()),
        }
    }
    kept
}
