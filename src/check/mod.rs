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
pub mod model;
mod policy;

pub use error::{CheckError, HeaderProblem};
pub use fields::suggest;

use crate::source::{FileId, SourceMap, Span};
use crate::syntax::ast::{File, Item, ItemKind};
use model::{Arrangement, Policy};
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
}

/// What the check stage produces.
#[derive(Debug, Default)]
pub struct Checked {
    /// The policy chain, if one could be formed.
    pub policy: Option<Policy>,
    /// The arrangements checked, in the order given.
    pub arrangements: Vec<Arrangement>,
    /// Every error and warning, in the order found.
    pub errors: Vec<CheckError>,
}

impl Checked {
    /// Whether any error (not warning) was found.
    pub fn has_errors(&self) -> bool {
        self.errors.iter().any(|error| !error.is_warning())
    }
}

enum Role<'a> {
    Policy(&'a Item),
    Arrangements(&'a Item),
}

fn header<'a>(parsed: &Parsed<'a>, errors: &mut Vec<CheckError>) -> Option<Role<'a>> {
    let mut found: Option<&Item> = None;
    for item in &parsed.ast.items {
        if matches!(
            item.kind,
            ItemKind::Guidance | ItemKind::LocalPolicy | ItemKind::Arrangements
        ) {
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
        Some(item) => Some(Role::Policy(item)),
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
/// where they extend it or give none.
pub fn check(sources: &SourceMap, files: &[Parsed<'_>], embedded: &[Parsed<'_>]) -> Checked {
    let mut errors = Vec::new();
    let mut user_policies = Vec::new();
    let mut arrangements = Vec::new();
    for parsed in files {
        match header(parsed, &mut errors) {
            Some(Role::Policy(item)) => user_policies.push(Unit {
                header: item,
                items: &parsed.ast.items,
                file: parsed.file,
            }),
            Some(Role::Arrangements(item)) => arrangements.push((parsed, item)),
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
            _ => None,
        })
        .collect();
    let chain = compose(&user_policies, &embedded_policies, &mut errors);
    let mut checked = Checked::default();
    if let Some(chain) = chain {
        let mut policy_errors = Vec::new();
        let (policy, scope) = policy::check_policy(&chain, sources, &mut policy_errors);
        // Warnings about the embedded guidance are not the user's to act on;
        // its errors (a bug in dcsc) are still shown.
        let embedded_files: Vec<FileId> = embedded.iter().map(|parsed| parsed.file).collect();
        errors.extend(
            policy_errors
                .into_iter()
                .filter(|error| !(error.is_warning() && embedded_files.contains(&error.span().file))),
        );
        let known: Vec<String> = policy.editions.iter().map(|edition| edition.key.clone()).collect();
        for (parsed, header) in arrangements {
            checked.arrangements.push(arrangement::check_arrangement(
                parsed.file,
                header,
                &parsed.ast.items,
                &policy,
                &scope,
                &known,
                &mut errors,
            ));
        }
        checked.policy = Some(policy);
    }
    checked.errors = errors;
    checked
}

/// Orders the policy units into one chain, base first: the user's own
/// guidance if given, else the embedded guidance, then every local policy
/// after the one it extends.
fn compose<'a>(user: &[Unit<'a>], embedded: &[Unit<'a>], errors: &mut Vec<CheckError>) -> Option<Vec<Unit<'a>>> {
    let bases: Vec<&Unit<'a>> = user
        .iter()
        .filter(|unit| unit.header.kind == ItemKind::Guidance)
        .collect();
    let locals: Vec<&Unit<'a>> = user
        .iter()
        .filter(|unit| unit.header.kind == ItemKind::LocalPolicy)
        .collect();
    if let [first, second, ..] = bases.as_slice() {
        errors.push(CheckError::SeveralEditions {
            names: bases.iter().map(|unit| unit.header.name.text.clone()).collect(),
            span: second.header.name.span,
            first: first.header.name.span,
        });
        return None;
    }
    let base = match bases.first() {
        Some(base) => copy(base),
        None => {
            // Without a guidance of the user's, use the embedded edition the
            // local policies extend, or the first embedded one.
            let wanted = locals
                .iter()
                .filter_map(|unit| unit.header.extends.as_ref())
                .find_map(|name| embedded.iter().find(|unit| unit.header.name.text == name.text));
            copy(wanted.or(embedded.first())?)
        }
    };
    let mut chain = vec![base];
    let mut pending: Vec<&Unit<'a>> = locals;
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|unit| {
            let extends = unit.header.extends.as_ref().map(|name| name.text.as_str());
            if chain.iter().any(|done| Some(done.header.name.text.as_str()) == extends) {
                chain.push(copy(unit));
                false
            } else {
                true
            }
        });
        if pending.len() == before {
            for unit in pending {
                if let Some(name) = &unit.header.extends {
                    let known: Vec<&str> = chain
                        .iter()
                        .map(|unit| unit.header.name.text.as_str())
                        .chain(embedded.iter().map(|unit| unit.header.name.text.as_str()))
                        .collect();
                    errors.push(CheckError::UnknownName {
                        expected: "guidance",
                        name: name.text.clone(),
                        span: name.span,
                        suggestion: suggest(&name.text, known),
                    });
                }
            }
            break;
        }
    }
    Some(chain)
}

fn copy<'a>(unit: &Unit<'a>) -> Unit<'a> {
    Unit {
        header: unit.header,
        items: unit.items,
        file: unit.file,
    }
}
