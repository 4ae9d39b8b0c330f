//! Guidance editions into policy chains: each edition composed with the
//! local policies and amendments on top of it, every chain checked, and
//! the one in force as at the verification date selected.

use super::error::{CheckError, NameKind};
use super::policy::{self, Unit};
use super::{header, Chain, Parsed, Role};
use crate::date::{Day, PartialDate};
use crate::model::Policy;
use crate::source::{FileId, SourceMap, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{Entry, ItemKind, ValueKind};

/// The guidance checked: every policy chain a set of guidance files
/// composes, with what checking them found. It depends only on the
/// guidance files (the user's and the embedded), so it is checked once and
/// shared by every council checked against the same files (see
/// [`super::check_with`]).
pub struct Guidance {
    /// The user's policy files it was checked from, in order.
    policies: Vec<FileId>,
    /// The embedded guidance files it was checked from, in order.
    embedded: Vec<FileId>,
    /// The chains, each edition composed with what extends it.
    chains: Vec<Chain>,
    /// What checking the chains found, in the order found.
    errors: Vec<CheckError>,
}

impl Guidance {
    /// Composes and checks the chains of the user's policy units and the
    /// embedded guidance.
    pub(super) fn check(sources: &SourceMap, user_policies: &[Unit<'_>], embedded: &[Parsed<'_>]) -> Guidance {
        let mut errors = Vec::new();
        let chains = check_chains(sources, user_policies, embedded, &mut errors);
        Guidance {
            policies: user_policies.iter().map(|unit| unit.file).collect(),
            embedded: embedded.iter().map(|parsed| parsed.file).collect(),
            chains,
            errors,
        }
    }

    /// Whether this was checked from these files: the same ids of the
    /// same source map, or of one built the same way (the embedded
    /// guidance first, then the same guidance files, in order), hold the
    /// same text.
    pub(super) fn checked_from(&self, user_policies: &[Unit<'_>], embedded: &[Parsed<'_>]) -> bool {
        self.policies.len() == user_policies.len()
            && self.embedded.len() == embedded.len()
            && self
                .policies
                .iter()
                .zip(user_policies)
                .all(|(file, unit)| *file == unit.file)
            && self
                .embedded
                .iter()
                .zip(embedded)
                .all(|(file, parsed)| *file == parsed.file)
    }

    /// The chains.
    pub(super) fn chains(&self) -> &[Chain] {
        &self.chains
    }

    /// What checking the chains found.
    pub(super) fn errors(&self) -> &[CheckError] {
        &self.errors
    }
}

/// Composes the user's policy units with the embedded guidance into
/// chains and checks each. Warnings about the embedded guidance are not
/// the user's to act on; its errors (a bug in dcsc) are still shown.
fn check_chains(
    sources: &SourceMap,
    user_policies: &[Unit<'_>],
    embedded: &[Parsed<'_>],
    errors: &mut Vec<CheckError>,
) -> Vec<Chain> {
    let embedded_policies = embedded_policies(embedded);
    let embedded_files: Vec<FileId> = embedded.iter().map(|parsed| parsed.file).collect();
    let mut checked_chains = Vec::new();
    // An Act beside the guidance (and an amendment of it) is checked in
    // every chain; what is wrong with it is said once. The set only
    // answers whether an error was said; the order is the chains'.
    let mut said = crate::seed::set();
    for chain in compose(user_policies, &embedded_policies, errors) {
        let mut policy_errors = Vec::new();
        let (policy, scope) = policy::check_policy(&chain, sources, &mut policy_errors);
        for error in policy_errors {
            let embedded_warning = error.is_warning() && embedded_files.contains(&error.span().file);
            if !embedded_warning && said.insert(error.clone()) {
                errors.push(error);
            }
        }
        checked_chains.push((policy, scope));
    }
    checked_chains
}

/// The embedded guidance's policy units; what its headers say wrong is
/// not the user's.
fn embedded_policies<'a>(embedded: &[Parsed<'a>]) -> Vec<Unit<'a>> {
    let mut embedded_errors = Vec::new();
    embedded
        .iter()
        .filter_map(|parsed| match header(parsed, &mut embedded_errors) {
            Some(Role::Policy(item)) => Some(Unit {
                header: item,
                items: &parsed.ast.items,
                file: parsed.file,
            }),
            Some(Role::Arrangements(_) | Role::Shared(_) | Role::Tests) | None => None,
        })
        .collect()
}

/// When an edition comes into force, if it says.
fn in_force(policy: &Policy) -> Option<PartialDate> {
    policy.base().and_then(|edition| edition.in_force)
}

/// Where an edition's header is.
fn header_span(policy: &Policy) -> Span {
    policy.base().map_or(Span::default(), |edition| edition.span)
}

/// Picks the edition to evaluate against: the one in force as at the date
/// (the latest to have come into force by then), or without a date the
/// latest of all. Editions that dates cannot tell apart are refused. The
/// chains are shared (see [`Guidance`]): the policy chosen is a copy of
/// its own, its names borrowed.
pub(super) fn select<'c>(
    chains: &'c [Chain],
    as_at: Option<Day>,
    errors: &mut Vec<CheckError>,
) -> Option<(Policy, &'c policy::Scope)> {
    if chains.len() <= 1 {
        return only_edition(chains, as_at, errors);
    }
    let names: Vec<String> = chains
        .iter()
        .filter_map(|(policy, _)| policy.base().map(|edition| edition.key.clone()))
        .collect();
    if let Some((undated, _)) = chains.iter().find(|(policy, _)| in_force(policy).is_none()) {
        errors.push(CheckError::SeveralEditions {
            names,
            span: header_span(undated),
            first: chains
                .first()
                .map_or(Span::default(), |(policy, _)| header_span(policy)),
        });
        return None;
    }
    let Some((latest_day, chosen)) = latest_in_force(chains, as_at) else {
        none_in_force(chains, as_at, errors);
        return None;
    };
    let tied: Vec<&Chain> = chains
        .iter()
        .filter(|(policy, _)| in_force(policy).map(|date| date.first_day()) == Some(latest_day))
        .collect();
    if let [first, second, ..] = tied.as_slice() {
        errors.push(CheckError::SeveralEditions {
            names,
            span: header_span(&second.0),
            first: header_span(&first.0),
        });
        return None;
    }
    let (policy, scope) = chains.get(chosen)?;
    let mut selected = policy.clone();
    selected.asked_since = asked_since(chains, chosen);
    Some((selected, scope))
}

/// For each duty of the chosen edition, the date the earliest edition
/// given that asks it under the same key (and is no later than the chosen
/// one) came into force.
fn asked_since(chains: &[Chain], chosen: usize) -> Vec<(String, PartialDate)> {
    let Some((policy, _)) = chains.get(chosen) else {
        return Vec::new();
    };
    let latest = in_force(policy);
    let mut since: Vec<(String, PartialDate)> = Vec::new();
    for duty in &policy.duties {
        let earliest = chains
            .iter()
            .filter(|(other, _)| in_force(other).is_some_and(|date| latest.is_none_or(|latest| date <= latest)))
            .filter(|(other, _)| other.duties.iter().any(|asked| asked.key == duty.key))
            .filter_map(|(other, _)| in_force(other))
            .min();
        if let Some(date) = earliest {
            if !since.iter().any(|(key, _)| *key == duty.key) {
                since.push((duty.key.clone(), date));
            }
        }
    }
    since
}

/// One edition is used as at any date it is in force, and at no date
/// before: verifying then would judge a council by guidance that did not
/// yet exist.
fn only_edition<'c>(
    chains: &'c [Chain],
    as_at: Option<Day>,
    errors: &mut Vec<CheckError>,
) -> Option<(Policy, &'c policy::Scope)> {
    if let (Some((policy, _)), Some(day)) = (chains.first(), as_at) {
        if let Some(date) = in_force(policy).filter(|date| !date.begun_by(day)) {
            errors.push(CheckError::NoEditionInForce {
                as_at: day,
                editions: policy
                    .base()
                    .map(|edition| (edition.key.clone(), date))
                    .into_iter()
                    .collect(),
                span: header_span(policy),
            });
            return None;
        }
    }
    chains.last().map(|(policy, scope)| (policy.clone(), scope))
}

/// The day the latest edition in force as at the date (or, without one,
/// of all) came into force, and its place among the chains.
fn latest_in_force(chains: &[Chain], as_at: Option<Day>) -> Option<(Day, usize)> {
    let candidates: Vec<usize> = (0..chains.len())
        .filter(|index| {
            chains
                .get(*index)
                .and_then(|(policy, _)| in_force(policy))
                .is_some_and(|date| as_at.is_none_or(|day| date.begun_by(day)))
        })
        .collect();
    candidates
        .iter()
        .filter_map(|index| {
            chains
                .get(*index)
                .and_then(|(policy, _)| in_force(policy))
                .map(|date| (date.first_day(), *index))
        })
        .max()
}

/// Only a date leaves no candidate: without one, every edition is (each
/// has a date in force, or was refused before). The date is the
/// caller's; the clock is read by the command line alone.
fn none_in_force(chains: &[Chain], as_at: Option<Day>, errors: &mut Vec<CheckError>) {
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
            span: chains
                .first()
                .map_or(Span::default(), |(policy, _)| header_span(policy)),
        });
    }
}

/// Whether a file stands alongside the guidance's editions rather than
/// being one: an Act (`guidance KEY { … force statute }`) or an edition of
/// another guidance (`series NAME`). Read from the header as written, since
/// the chains are made before any file is checked.
fn alongside(unit: &Unit<'_>) -> bool {
    unit.header.kind == ItemKind::Guidance
        && (unit
            .header
            .entries
            .iter()
            .any(|entry| matches!(entry, Entry::Field(field) if field.name.text == "series"))
            || header_words(unit, "force").any(|word| word == "statute"))
}

/// Orders the policy units into chains, one per guidance edition, base
/// first: each of the user's own editions, else every embedded edition;
/// then every Act and edition of another guidance standing alongside (each
/// chain has them all: they apply by their own dates whatever edition is
/// in force); then every local policy and amendment after the unit it
/// extends or amends (an amendment of an Act in every chain that has it).
fn compose<'a>(user: &[Unit<'a>], embedded: &[Unit<'a>], errors: &mut Vec<CheckError>) -> Vec<Vec<Unit<'a>>> {
    let bases: Vec<&Unit<'a>> = user
        .iter()
        .filter(|unit| unit.header.kind == ItemKind::Guidance && !alongside(unit))
        .collect();
    let attached =
        |unit: &&Unit<'a>| matches!(unit.header.kind, ItemKind::LocalPolicy | ItemKind::Amendment) || alongside(unit);
    // A file the user gives in place of an embedded one (a draft of an
    // amendment, say) is used instead of it.
    let replaced = |unit: &&Unit<'a>| user.iter().any(|mine| mine.header.name.text == unit.header.name.text);
    let locals: Vec<&Unit<'a>> = if bases.is_empty() {
        // Without a guidance of the user's, the embedded guidance is used
        // whole: its editions, the law beside them and the amendments.
        embedded
            .iter()
            .filter(attached)
            .filter(|unit| !replaced(unit))
            .chain(user.iter().filter(attached))
            .collect()
    } else if builds_on_embedded(&bases, embedded) {
        // A guidance of the user's that is the embedded guidance (a copy,
        // or a draft edition that supersedes one) stands beside the same
        // law: the embedded Acts join it, unless the user gives their own.
        // Amendments are the user's to give, as before.
        embedded
            .iter()
            .filter(|unit| alongside(unit) && !replaced(unit))
            .chain(user.iter().filter(attached))
            .collect()
    } else {
        user.iter().filter(attached).collect()
    };
    let mut chains: Vec<Vec<Unit<'a>>> = if bases.is_empty() {
        embedded
            .iter()
            .filter(|unit| unit.header.kind == ItemKind::Guidance && !alongside(unit))
            .map(|base| vec![copy(base)])
            .collect()
    } else {
        bases.iter().map(|base| vec![copy(base)]).collect()
    };
    for chain in &mut chains {
        chain.extend(locals.iter().filter(|unit| alongside(unit)).map(|unit| copy(unit)));
    }
    let mut pending: Vec<&Unit<'a>> = locals.into_iter().filter(|unit| !alongside(unit)).collect();
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|unit| {
            let extends = unit.header.extends.as_ref().map(|name| name.text.as_str());
            let mut placed = false;
            for chain in chains
                .iter_mut()
                .filter(|chain| chain.iter().any(|done| Some(done.header.name.text.as_str()) == extends))
            {
                chain.push(copy(unit));
                placed = true;
            }
            !placed
        });
        if pending.len() == before {
            unknown_extended(&pending, &chains, embedded, errors);
            break;
        }
    }
    chains
}

/// Whether the user's guidance is the embedded guidance's own: an edition
/// with the key of an embedded edition, or one that supersedes one. Its
/// vocabulary is then the one the embedded law is written against.
fn builds_on_embedded(bases: &[&Unit<'_>], embedded: &[Unit<'_>]) -> bool {
    let embedded_editions: Vec<&str> = embedded
        .iter()
        .filter(|unit| unit.header.kind == ItemKind::Guidance && !alongside(unit))
        .map(|unit| unit.header.name.text.as_str())
        .collect();
    bases.iter().any(|base| {
        embedded_editions.contains(&base.header.name.text.as_str())
            || header_words(base, "supersedes").any(|word| embedded_editions.contains(&word))
    })
}

/// The words of a header's field, as written.
fn header_words<'u>(unit: &'u Unit<'_>, name: &'u str) -> impl Iterator<Item = &'u str> + 'u {
    unit.header
        .entries
        .iter()
        .filter_map(move |entry| match entry {
            Entry::Field(field) if field.name.text == name => Some(field.values.iter()),
            Entry::Field(_)
            | Entry::Rule(_)
            | Entry::Condition(_)
            | Entry::Words(_)
            | Entry::Tag(_)
            | Entry::Expect(_)
            | Entry::Edit(_) => None,
        })
        .flatten()
        .filter_map(|value| match &value.kind {
            ValueKind::Key(word) | ValueKind::Str(word) => Some(word.as_str()),
            ValueKind::Text(_)
            | ValueKind::Date(_)
            | ValueKind::Number(_)
            | ValueKind::Bool(_)
            | ValueKind::When(_) => None,
        })
}

/// The files left over extend or amend what no chain has.
fn unknown_extended(
    pending: &[&Unit<'_>],
    chains: &[Vec<Unit<'_>>],
    embedded: &[Unit<'_>],
    errors: &mut Vec<CheckError>,
) {
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
                name: name.text.to_string(),
                span: name.span,
                suggestion: suggest(&name.text, known),
            });
        }
    }
}

fn copy<'a>(unit: &Unit<'a>) -> Unit<'a> {
    Unit {
        header: unit.header,
        items: unit.items,
        file: unit.file,
    }
}
