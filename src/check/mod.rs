//! The check stage: syntax trees to a checked model.
//!
//! Files are sorted by their header into guidance and arrangements. The
//! guidance files (or, if none is given, the guidance embedded in the
//! binary) are composed into one policy chain, base edition first, and
//! checked; each arrangement is then checked against that policy's
//! vocabulary. Every problem found is returned, not just the first.

mod arrangement;
mod error;
mod fields;
mod hidden;
mod policy;
mod test_cases;
mod time;

pub use error::{
    CheckError, Disagreement, FileKind, Found, HeaderProblem, Misuse, NameKind, Needed, Said, Shape, Term,
};
pub use test_cases::{apply_edits, Expectation, Expected, Given, TestCase, NOT_IN_FORCE, NO_MISSING};

use crate::date::Day;
use crate::model::{Arrangement, Policy};
use crate::source::{FileId, SourceMap, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{File, Item, ItemKind};
use policy::Unit;

/// A parsed file handed to the checker.
#[derive(Clone, Copy)]
pub struct Parsed<'a> {
    /// The file.
    pub file: FileId,
    /// Its syntax tree.
    pub ast: &'a File,
    /// Whether syntax errors left items out of the tree; problems that
    /// could be caused by a missing item are then not reported again.
    pub incomplete: bool,
    /// The shared files its arrangements header names, as read.
    pub shares: &'a [Reference],
    /// Whether the user named it, rather than only an arrangement's
    /// `shares`: a file read only because it is shared is never taken
    /// for guidance or another council.
    pub named: bool,
}

/// A file named by an arrangements header's `shares`, once read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The file read.
    pub file: FileId,
    /// The string that names it.
    pub span: Span,
}

/// The posts, members, bodies and services a council shares with others,
/// declared once in a file of their own.
#[derive(Clone, Copy)]
pub struct SharedUnit<'a> {
    /// The file.
    pub file: FileId,
    /// Its `shared NAME { … }` header.
    pub header: &'a Item,
    /// Its items, the header among them.
    pub items: &'a [Item],
    /// Where the arrangements name it: the origin of what follows from
    /// the sharing.
    pub reference: Span,
}

/// What the check stage produces.
#[derive(Debug, Default)]
pub struct Checked {
    /// The policy chain, if one could be formed.
    pub policy: Option<Policy>,
    /// The arrangements checked, in the order given.
    pub arrangements: Vec<Arrangement>,
    /// The policy tests found, in the order given.
    pub tests: Vec<TestCase>,
    /// Every edition, amendment and local policy of every set of guidance
    /// given (not only the one in force), each once.
    pub editions: Vec<crate::model::Edition>,
    /// Every error and warning, in the order found.
    pub errors: Vec<CheckError>,
}

impl Checked {
    /// Whether any error (not warning) was found.
    pub fn has_errors(&self) -> bool {
        self.errors.iter().any(|error| !error.is_warning())
    }
}

/// The error for a test's entry (`expect`, or a change) written in any
/// other item; `None` for the other entries.
fn test_only(entry: &crate::syntax::ast::Entry) -> Option<CheckError> {
    use crate::syntax::ast::{EditAction, Entry};
    let (word, span) = match entry {
        Entry::Expect(expect) => ("expect", expect.span),
        Entry::Edit(edit) => (
            match edit.action {
                EditAction::Set(_) => "set",
                EditAction::Add(_) => "add",
                EditAction::Unset(_) => "unset",
                EditAction::Drop => "drop",
            },
            edit.span,
        ),
        Entry::Field(_) | Entry::Rule(_) | Entry::Condition(_) | Entry::Words(_) | Entry::Tag(_) => return None,
    };
    Some(CheckError::MisusedPredicate {
        problem: Misuse::TestOnly { entry: word },
        span,
    })
}

/// Reports every entry but fields in an item that has only fields (a
/// law, an answer, a departure).
fn fields_only(item: &Item, errors: &mut Vec<CheckError>) {
    use crate::syntax::ast::Entry;
    for entry in &item.entries {
        let span = match entry {
            Entry::Field(_) => continue,
            Entry::Rule(rule) => rule.span,
            Entry::Condition(condition) => condition.span,
            Entry::Words(words) => words.span,
            Entry::Tag(tag) => tag.span,
            Entry::Expect(_) | Entry::Edit(_) => {
                errors.extend(test_only(entry));
                continue;
            }
        };
        errors.push(CheckError::MisusedPredicate {
            problem: Misuse::FieldsOnly { item: item.kind },
            span,
        });
    }
}

enum Role<'a> {
    Policy(&'a Item),
    Arrangements(&'a Item),
    Shared(&'a Item),
    /// A file of policy tests and nothing else: it needs no header.
    Tests,
}

fn header<'a>(parsed: &Parsed<'a>, errors: &mut Vec<CheckError>) -> Option<Role<'a>> {
    let mut found: Option<&Item> = None;
    for item in &parsed.ast.items {
        if item.kind.is_header() {
            match found {
                Some(first) => errors.push(CheckError::Header {
                    problem: HeaderProblem::Repeated,
                    span: item.name.span,
                    other: Some(first.name.span),
                }),
                None => found = Some(item),
            }
        }
    }
    match found {
        Some(item) if item.kind == ItemKind::Arrangements => Some(Role::Arrangements(item)),
        Some(item) if item.kind == ItemKind::Shared => Some(Role::Shared(item)),
        Some(item) => Some(Role::Policy(item)),
        None if parsed.ast.items.iter().any(|item| item.kind == ItemKind::Test) => Some(Role::Tests),
        None if parsed.incomplete => None,
        None => {
            let span = parsed
                .ast
                .items
                .first()
                .map_or(Span::new(parsed.file, 0, 0), |item| item.name.span);
            errors.push(CheckError::Header {
                problem: HeaderProblem::Missing,
                span,
                other: None,
            });
            None
        }
    }
}

/// Checks user files, composing their guidance with the embedded guidance
/// where they extend it or give none. Given several guidance editions,
/// every one is checked, and arrangements are checked against the edition
/// in force `as_at` (or, without a date, the latest to come into force).
pub fn check(sources: &SourceMap, files: &[Parsed<'_>], embedded: &[Parsed<'_>], as_at: Option<Day>) -> Checked {
    let mut errors = Vec::new();
    let mut user_policies = Vec::new();
    let mut arrangements = Vec::new();
    let mut shared = Vec::new();
    // The files that may hold tests, and whether each has arrangements of
    // its own to start from.
    let mut test_files = Vec::new();
    // Each file's header, for saying what a wrongly shared file is instead.
    let mut headers: Vec<(FileId, Option<ItemKind>)> = Vec::new();
    for parsed in files {
        if let Some(source) = sources.get(parsed.file) {
            errors.extend(hidden::warnings(parsed, source));
        }
        let role = header(parsed, &mut errors);
        headers.push((
            parsed.file,
            match &role {
                Some(Role::Policy(item) | Role::Arrangements(item) | Role::Shared(item)) => Some(item.kind),
                Some(Role::Tests) | None => None,
            },
        ));
        match role {
            Some(Role::Policy(_) | Role::Arrangements(_)) if !parsed.named => {}
            Some(Role::Policy(item)) => user_policies.push(Unit {
                header: item,
                items: &parsed.ast.items,
                file: parsed.file,
            }),
            Some(Role::Arrangements(item)) => {
                test_files.push((parsed, true));
                arrangements.push((parsed, item));
            }
            Some(Role::Tests) => test_files.push((parsed, false)),
            Some(Role::Shared(item)) => shared.push((parsed, item)),
            None => {}
        }
    }
    let mut embedded_errors = Vec::new();
    let embedded_policies: Vec<Unit<'_>> = embedded
        .iter()
        .filter_map(|parsed| match header(parsed, &mut embedded_errors) {
            Some(Role::Policy(item)) => Some(Unit {
                header: item,
                items: &parsed.ast.items,
                file: parsed.file,
            }),
            Some(Role::Arrangements(_) | Role::Shared(_) | Role::Tests) | None => None,
        })
        .collect();
    let embedded_files: Vec<FileId> = embedded.iter().map(|parsed| parsed.file).collect();
    let mut checked_chains = Vec::new();
    for chain in compose(&user_policies, &embedded_policies, &mut errors) {
        let mut policy_errors = Vec::new();
        let (policy, scope) = policy::check_policy(&chain, sources, &mut policy_errors);
        // Warnings about the embedded guidance are not the user's to act on;
        // its errors (a bug in dcsc) are still shown.
        errors.extend(
            policy_errors
                .into_iter()
                .filter(|error| !(error.is_warning() && embedded_files.contains(&error.span().file))),
        );
        checked_chains.push((policy, scope));
    }
    let mut checked = Checked::default();
    // A test may expect a verdict of a duty of any edition given: which is
    // in force is decided by its date when it runs.
    let duties: std::collections::BTreeSet<String> = checked_chains
        .iter()
        .flat_map(|(policy, _)| policy.duties.iter().map(|duty| duty.key.clone()))
        .collect();
    for (parsed, has_arrangements) in &test_files {
        checked.tests.extend(test_cases::check_tests(
            parsed.file,
            &parsed.ast.items,
            *has_arrangements,
            &duties,
            &mut errors,
        ));
    }
    for (policy, _) in &checked_chains {
        for edition in &policy.editions {
            if !checked
                .editions
                .iter()
                .any(|known: &crate::model::Edition| known.key == edition.key)
            {
                checked.editions.push(edition.clone());
            }
        }
    }
    // `answers_to` may name any edition given, not only the one in force.
    let known: Vec<String> = checked_chains
        .iter()
        .flat_map(|(policy, _)| policy.editions.iter().map(|edition| edition.key.clone()))
        .collect();
    // Each edition's duties, to tell an answer to another edition's
    // question from an answer to no question at all.
    let duties_by_edition: Vec<(String, std::collections::BTreeSet<String>)> = checked_chains
        .iter()
        .map(|(policy, _)| {
            (
                policy.base().map_or_else(String::new, |base| base.key.clone()),
                policy.duties.iter().map(|duty| duty.key.clone()).collect(),
            )
        })
        .collect();
    if let Some((policy, scope)) = select(checked_chains, as_at, &mut errors) {
        let selected = policy.base().map(|base| base.key.clone());
        let mut elsewhere: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
        for (edition, keys) in &duties_by_edition {
            if Some(edition) == selected.as_ref() {
                continue;
            }
            for key in keys.iter().filter(|key| scope.duties.get(key).is_none()) {
                elsewhere.entry(key.clone()).or_default().push(edition.clone());
            }
        }
        let mut used = Vec::new();
        // Which council's arrangements each error in a shared file was
        // found with, by its place in `errors`.
        let mut read_with = std::collections::HashMap::new();
        let mut sharers: std::collections::HashMap<FileId, Vec<String>> = std::collections::HashMap::new();
        for (parsed, header) in arrangements {
            let mut units = Vec::new();
            for (index, reference) in parsed.shares.iter().enumerate() {
                if let Some(first) = parsed
                    .shares
                    .iter()
                    .take(index)
                    .find(|earlier| earlier.file == reference.file)
                {
                    errors.push(CheckError::RepeatedValue {
                        value: sources
                            .get(reference.file)
                            .map_or_else(String::new, |source| source.name().to_owned()),
                        span: reference.span,
                        first: first.span,
                    });
                    continue;
                }
                match shared.iter().find(|(shared, _)| shared.file == reference.file) {
                    Some((shared, header)) => {
                        used.push(reference.file);
                        units.push(SharedUnit {
                            file: shared.file,
                            header,
                            items: &shared.ast.items,
                            reference: reference.span,
                        });
                    }
                    None => {
                        let found = headers
                            .iter()
                            .find(|(file, _)| *file == reference.file)
                            .and_then(|(_, keyword)| *keyword);
                        // A file whose syntax errors hid its header has
                        // been reported already.
                        let hidden = found.is_none()
                            && files
                                .iter()
                                .any(|parsed| parsed.file == reference.file && parsed.incomplete);
                        if !hidden {
                            errors.push(CheckError::NotShared {
                                found,
                                path: sources
                                    .get(reference.file)
                                    .map_or_else(String::new, |source| source.name().to_owned()),
                                span: reference.span,
                            });
                        }
                    }
                }
            }
            let before = errors.len();
            let arrangement = arrangement::check_arrangement(
                parsed.file,
                header,
                &parsed.ast.items,
                &units,
                &policy,
                &scope,
                &known,
                &elsewhere,
                &mut errors,
            );
            let council = arrangement.council.clone().unwrap_or_else(|| arrangement.key.clone());
            for file in &arrangement.shared_files {
                sharers.entry(*file).or_default().push(council.clone());
            }
            for (index, error) in errors.iter().enumerate().skip(before) {
                if arrangement.shared_files.contains(&error.span().file) {
                    read_with.insert(index, council.clone());
                }
            }
            checked.arrangements.push(arrangement);
        }
        for (parsed, header) in &shared {
            if !used.contains(&parsed.file) {
                errors.push(CheckError::UnusedShared { span: header.name.span });
            }
        }
        errors = once_each(errors, &read_with, &sharers);
        // A name declared by an item that did not parse is not unknown: its
        // syntax error has been reported, and saying more would mislead.
        let unparsed: std::collections::BTreeSet<&str> = files
            .iter()
            .flat_map(|parsed| parsed.ast.unparsed.iter().map(|name| name.text.as_str()))
            .collect();
        errors
            .retain(|error| !matches!(error, CheckError::UnknownName { name, .. } if unparsed.contains(name.as_str())));
        errors = run_on_values(errors, files, sources);
        checked.policy = Some(policy);
    }
    checked.errors = errors;
    checked
}

/// Unknown fields that follow another field on the same line are most
/// likely values missing their comma (`holds DCS DASS per paper`): the
/// first says so, and the unknown fields that follow it on that line, each
/// starting where the one before it ends, only follow from it and are not
/// reported. Only whether an entry starts on the line where the entry
/// before it ends counts, never the width of an entry: that is what
/// `dcsc fmt` keeps, so a file says the same before and after formatting.
fn run_on_values(errors: Vec<CheckError>, files: &[Parsed<'_>], sources: &SourceMap) -> Vec<CheckError> {
    use crate::syntax::ast::Entry;
    let same_line = |earlier: Span, later: Span| {
        earlier.file == later.file
            && sources
                .get(later.file)
                .and_then(|source| source.text.get(earlier.end as usize..later.start as usize))
                .is_some_and(|between| !between.contains('\n'))
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
        let follows = previous
            .filter(|_| suggestion.is_none())
            .and_then(|previous| {
                sources
                    .get(previous.span.file)
                    .map(|source| source.slice(previous.span))
            })
            .map(|written| written.split_whitespace().collect::<Vec<_>>().join(" "));
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
fn once_each(
    errors: Vec<CheckError>,
    read_with: &std::collections::HashMap<usize, String>,
    sharers: &std::collections::HashMap<FileId, Vec<String>>,
) -> Vec<CheckError> {
    let mut councils: std::collections::HashMap<&CheckError, Vec<&str>> = std::collections::HashMap::new();
    for (index, error) in errors.iter().enumerate() {
        if let Some(council) = read_with.get(&index) {
            councils.entry(error).or_default().push(council);
        }
    }
    let mut seen = std::collections::HashSet::with_capacity(errors.len());
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

/// Picks the edition to evaluate against: the one in force as at the date
/// (the latest to have come into force by then), or without a date the
/// latest of all. Editions that dates cannot tell apart are refused.
fn select(
    mut chains: Vec<(Policy, policy::Scope)>,
    as_at: Option<Day>,
    errors: &mut Vec<CheckError>,
) -> Option<(Policy, policy::Scope)> {
    let in_force = |policy: &Policy| policy.base().and_then(|edition| edition.in_force);
    let header = |policy: &Policy| policy.base().map_or(Span::default(), |edition| edition.span);
    if chains.len() <= 1 {
        // One edition is used as at any date it is in force, and at no
        // date before: verifying then would judge a council by guidance
        // that did not yet exist.
        if let (Some((policy, _)), Some(day)) = (chains.first(), as_at) {
            if let Some(date) = in_force(policy).filter(|date| !date.begun_by(day)) {
                errors.push(CheckError::NoEditionInForce {
                    as_at: day,
                    editions: policy
                        .base()
                        .map(|edition| (edition.key.clone(), date))
                        .into_iter()
                        .collect(),
                    span: header(policy),
                });
                return None;
            }
        }
        return chains.pop();
    }
    let names: Vec<String> = chains
        .iter()
        .filter_map(|(policy, _)| policy.base().map(|edition| edition.key.clone()))
        .collect();
    if let Some((undated, _)) = chains.iter().find(|(policy, _)| in_force(policy).is_none()) {
        errors.push(CheckError::SeveralEditions {
            names,
            span: header(undated),
            first: chains.first().map_or(Span::default(), |(policy, _)| header(policy)),
        });
        return None;
    }
    let candidates: Vec<usize> = (0..chains.len())
        .filter(|index| {
            chains
                .get(*index)
                .and_then(|(policy, _)| in_force(policy))
                .is_some_and(|date| as_at.is_none_or(|day| date.begun_by(day)))
        })
        .collect();
    let latest = candidates
        .iter()
        .filter_map(|index| {
            chains
                .get(*index)
                .and_then(|(policy, _)| in_force(policy))
                .map(|date| (date.first_day(), *index))
        })
        .max();
    let Some((latest_day, chosen)) = latest else {
        // Only a date leaves no candidate: without one, every edition is
        // (each has a date in force, or was refused above). The date is
        // the caller's; the clock is read by the command line alone.
        if let Some(day) = as_at {
            errors.push(CheckError::NoEditionInForce {
                as_at: day,
                editions: chains
                    .iter()
                    .filter_map(|(policy, _)| {
                        let edition = policy.base()?;
                        Some((edition.key.clone(), edition.in_force?))
                    })
                    .collect(),
                span: chains.first().map_or(Span::default(), |(policy, _)| header(policy)),
            });
        }
        return None;
    };
    let tied: Vec<&(Policy, policy::Scope)> = chains
        .iter()
        .filter(|(policy, _)| in_force(policy).map(|date| date.first_day()) == Some(latest_day))
        .collect();
    if let [first, second, ..] = tied.as_slice() {
        errors.push(CheckError::SeveralEditions {
            names,
            span: header(&second.0),
            first: header(&first.0),
        });
        return None;
    }
    if chosen < chains.len() {
        Some(chains.swap_remove(chosen))
    } else {
        None
    }
}

/// Orders the policy units into chains, one per guidance edition, base
/// first: each of the user's own editions, else every embedded edition (the
/// embedded amendments after the edition they amend), then every local
/// policy and amendment after the unit it extends or amends.
fn compose<'a>(user: &[Unit<'a>], embedded: &[Unit<'a>], errors: &mut Vec<CheckError>) -> Vec<Vec<Unit<'a>>> {
    let bases: Vec<&Unit<'a>> = user
        .iter()
        .filter(|unit| unit.header.kind == ItemKind::Guidance)
        .collect();
    let attached = |unit: &&Unit<'a>| matches!(unit.header.kind, ItemKind::LocalPolicy | ItemKind::Amendment);
    // A file the user gives in place of an embedded one (a draft of an
    // amendment, say) is used instead of it.
    let replaced = |unit: &&Unit<'a>| user.iter().any(|mine| mine.header.name.text == unit.header.name.text);
    let locals: Vec<&Unit<'a>> = if bases.is_empty() {
        // Without a guidance of the user's, the embedded guidance is used
        // whole: its editions and the amendments to them.
        embedded
            .iter()
            .filter(attached)
            .filter(|unit| !replaced(unit))
            .chain(user.iter().filter(attached))
            .collect()
    } else {
        user.iter().filter(attached).collect()
    };
    let mut chains: Vec<Vec<Unit<'a>>> = if bases.is_empty() {
        embedded
            .iter()
            .filter(|unit| unit.header.kind == ItemKind::Guidance)
            .map(|base| vec![copy(base)])
            .collect()
    } else {
        bases.iter().map(|base| vec![copy(base)]).collect()
    };
    let mut pending: Vec<&Unit<'a>> = locals;
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|unit| {
            let extends = unit.header.extends.as_ref().map(|name| name.text.as_str());
            match chains
                .iter_mut()
                .find(|chain| chain.iter().any(|done| Some(done.header.name.text.as_str()) == extends))
            {
                Some(chain) => {
                    chain.push(copy(unit));
                    false
                }
                None => true,
            }
        });
        if pending.len() == before {
            for unit in pending {
                if let Some(name) = &unit.header.extends {
                    let known: Vec<&str> = chains
                        .iter()
                        .flatten()
                        .map(|unit| unit.header.name.text.as_str())
                        .chain(embedded.iter().map(|unit| unit.header.name.text.as_str()))
                        .collect();
                    errors.push(CheckError::UnknownName {
                        expected: NameKind::Guidance,
                        name: name.text.clone(),
                        span: name.span,
                        suggestion: suggest(&name.text, known),
                    });
                }
            }
            break;
        }
    }
    chains
}

fn copy<'a>(unit: &Unit<'a>) -> Unit<'a> {
    Unit {
        header: unit.header,
        items: unit.items,
        file: unit.file,
    }
}
