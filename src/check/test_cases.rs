//! Policy tests: `test NAME { … }` items, checked into [`TestCase`]s for
//! `dcsc test` to run.
//!
//! A test starts from arrangements (its own file's, or the files it names
//! with `given`), changes them as its `set`, `add`, `unset` and `drop`
//! entries say, and expects verdicts of named duties as at a date. What can
//! be checked without running it is checked here: the fields, the words
//! after `expect`, the duties named, the kinds of item changed. What needs
//! the arrangements (that the items changed are there) is checked when it
//! runs.

use std::collections::BTreeSet;

use super::error::{CheckError, NameKind, Term};
use super::fields::Fields;
use crate::date::{Day, PartialDate};
use crate::eval::{Missing, Reason, VerdictKind};
use crate::source::{FileId, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{Edit, Entry, Expect, Item, ItemKind, Name, ValueKind};

/// The verdict word that says a duty is not in the guidance in force as at
/// the test's date (not yet commenced, or repealed).
pub const NOT_IN_FORCE: &str = "not_in_force";

/// The word after `missing` that says the verdict lacks no fact.
pub const NO_MISSING: &str = "none";

/// The words of `basis`: a verdict resting on no inferred fact, or on one.
pub const BASES: [&str; 2] = ["stated", "inferred"];

/// One policy test, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestCase {
    /// Its name, as written.
    pub name: Name,
    /// The file it is written in.
    pub file: FileId,
    /// The files it starts from, relative to its own; none means the
    /// arrangements of its own file.
    pub given: Vec<Given>,
    /// The date it verifies as at (a month or year means its last day).
    pub as_at: Day,
    /// The date as written.
    pub as_at_written: PartialDate,
    /// What the test is about, in its author's words.
    pub note: Option<String>,
    /// The changes it makes to the arrangements, in order.
    pub edits: Vec<Edit>,
    /// What it expects.
    pub expectations: Vec<Expectation>,
    /// The whole item.
    pub span: Span,
}

/// A file a test starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Given {
    /// The path as written, relative to the test's file.
    pub path: String,
    /// The string that names it.
    pub span: Span,
}

/// What a test expects of one duty or question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expectation {
    /// The duty or question, by key.
    pub duty: Name,
    /// The verdict expected.
    pub verdict: Expected,
    /// The kind of reason expected ([`Reason::KIND_NAMES`]).
    pub because: Option<&'static str>,
    /// The kinds of missing fact expected, as a set ([`Missing::KIND_NAMES`];
    /// empty for `missing none`).
    pub missing: Option<Vec<&'static str>>,
    /// The posts or members the duty is expected to bind, as a set.
    pub holders: Option<Vec<Name>>,
    /// Whether the verdict is expected to rest on a fact the papers only
    /// imply (`basis inferred`: true) or on none (`basis stated`: false).
    pub inferred: Option<bool>,
    /// The whole `expect`.
    pub span: Span,
}

/// The verdict a test expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// One of the nine verdicts.
    Verdict(VerdictKind),
    /// No verdict: the duty is not in the guidance in force then.
    NotInForce,
}

/// The fields a test has.
const TEST_FIELDS: [&str; 3] = ["given", "as_at", "note"];

/// The kinds of item a test may change: those of arrangements.
const CHANGEABLE: [ItemKind; 14] = [
    ItemKind::Arrangements,
    ItemKind::Document,
    ItemKind::Post,
    ItemKind::Member,
    ItemKind::Body,
    ItemKind::Service,
    ItemKind::Appointment,
    ItemKind::Designation,
    ItemKind::Vacancy,
    ItemKind::Change,
    ItemKind::Review,
    ItemKind::Inspection,
    ItemKind::Answer,
    ItemKind::Departure,
];

/// Checks the tests of one file. `has_arrangements` says whether the file
/// has an `arrangements` header for tests without `given` to start from;
/// `duties` holds every duty and question key of every edition given.
pub(super) fn check_tests(
    file: FileId,
    items: &[Item],
    has_arrangements: bool,
    duties: &BTreeSet<String>,
    errors: &mut Vec<CheckError>,
) -> Vec<TestCase> {
    let mut names: Vec<&Name> = Vec::new();
    let mut tests = Vec::new();
    for item in items.iter().filter(|item| item.kind == ItemKind::Test) {
        if let Some(first) = names.iter().find(|name| name.text == item.name.text) {
            errors.push(CheckError::Duplicate {
                what: NameKind::Test,
                name: item.name.text.to_string(),
                span: item.name.span,
                first: first.span,
            });
        } else {
            names.push(&item.name);
        }
        tests.extend(check_test(file, item, has_arrangements, duties, errors));
    }
    tests
}

fn check_test(
    file: FileId,
    item: &Item,
    has_arrangements: bool,
    duties: &BTreeSet<String>,
    errors: &mut Vec<CheckError>,
) -> Option<TestCase> {
    let mut fields = Fields::new(item, errors);
    let given = given(&mut fields, errors);
    let missing_date = !fields.has("as_at");
    let as_at = fields.date("as_at", errors);
    if missing_date {
        errors.push(fields.missing("as_at"));
    }
    let note = fields.text("note", errors);
    fields.finish(&TEST_FIELDS, errors);
    if given.is_empty() && !has_arrangements {
        errors.push(CheckError::NothingToTest { span: item.name.span });
    }
    let mut edits = Vec::new();
    let mut expectations = Vec::new();
    for entry in &item.entries {
        match entry {
            Entry::Field(_) => {}
            Entry::Expect(expect) => expectations.extend(expectation(expect, duties, errors)),
            Entry::Edit(edit) => edits.extend(changeable(edit, errors)),
            Entry::Rule(_) | Entry::Condition(_) | Entry::Words(_) | Entry::Tag(_) => {
                errors.push(CheckError::MisusedPredicate {
                    problem: super::Misuse::FieldsOnly { item: ItemKind::Test },
                    span: entry.span(),
                });
            }
        }
    }
    if item.entries.iter().all(|entry| !matches!(entry, Entry::Expect(_))) {
        errors.push(CheckError::NoExpectations { span: item.name.span });
    }
    let as_at_written = as_at?;
    Some(TestCase {
        name: item.name.clone(),
        file,
        given,
        as_at: as_at_written.last_day(),
        as_at_written,
        note,
        edits,
        expectations,
        span: item.span,
    })
}

/// `given`: the files a test starts from, each a quoted path.
fn given(fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Vec<Given> {
    let Some(field) = fields.take("given") else {
        return Vec::new();
    };
    field
        .values
        .iter()
        .filter_map(|value| match &value.kind {
            ValueKind::Text(path) | ValueKind::Str(path) => Some(Given {
                path: path.to_string(),
                span: value.span,
            }),
            ValueKind::Date(_) | ValueKind::Number(_) | ValueKind::Bool(_) | ValueKind::Key(_) | ValueKind::When(_) => {
                errors.push(CheckError::WrongType {
                    field: "given".to_owned(),
                    expected: super::Shape::QuotedString,
                    span: value.span,
                    declared: None,
                });
                None
            }
        })
        .collect()
}

/// One `expect`: a duty of some edition given, and words the language
/// knows for the verdict, the reason and the missing facts.
fn expectation(expect: &Expect, duties: &BTreeSet<String>, errors: &mut Vec<CheckError>) -> Option<Expectation> {
    if !duties.contains(expect.duty.text.as_str()) {
        errors.push(CheckError::UnknownName {
            expected: NameKind::DutyOrQuestion,
            name: expect.duty.text.to_string(),
            span: expect.duty.span,
            suggestion: suggest(&expect.duty.text, duties.iter().map(String::as_str)),
        });
    }
    let verdict = expected_verdict(&expect.verdict, errors);
    let because = expect
        .because
        .as_ref()
        .and_then(|word| term(word, Term::Reason, Reason::KIND_NAMES, errors));
    let missing = expect.missing.as_ref().map(|words| match words.as_slice() {
        [only] if only.text == NO_MISSING => Vec::new(),
        _ => words
            .iter()
            .filter_map(|word| term(word, Term::Missing, Missing::KIND_NAMES, errors))
            .collect(),
    });
    let inferred = expect
        .basis
        .as_ref()
        .and_then(|word| term(word, Term::Basis, &BASES, errors))
        .map(|basis| basis == "inferred");
    Some(Expectation {
        duty: expect.duty.clone(),
        verdict: verdict?,
        because,
        missing,
        holders: expect.holders.clone(),
        inferred,
        span: expect.span,
    })
}

/// A change, if it is to a kind of item tests change.
fn changeable(edit: &Edit, errors: &mut Vec<CheckError>) -> Option<Edit> {
    if CHANGEABLE.iter().any(|kind| kind.keyword() == edit.target_kind.text) {
        return Some(edit.clone());
    }
    errors.push(CheckError::NotChangeable {
        kind: edit.target_kind.text.to_string(),
        span: edit.target_kind.span,
    });
    None
}

fn expected_verdict(word: &Name, errors: &mut Vec<CheckError>) -> Option<Expected> {
    if word.text == NOT_IN_FORCE {
        return Some(Expected::NotInForce);
    }
    if let Some(kind) = VerdictKind::from_name(&word.text) {
        return Some(Expected::Verdict(kind));
    }
    let names = VerdictKind::ALL.iter().map(|kind| kind.name()).chain([NOT_IN_FORCE]);
    errors.push(CheckError::UnknownTerm {
        term: Term::Verdict,
        written: word.text.to_string(),
        span: word.span,
        suggestion: suggest(&word.text, names),
    });
    None
}

fn term(
    word: &Name,
    which: Term,
    names: &'static [&'static str],
    errors: &mut Vec<CheckError>,
) -> Option<&'static str> {
    if let Some(name) = names.iter().find(|name| **name == word.text) {
        return Some(name);
    }
    errors.push(CheckError::UnknownTerm {
        term: which,
        written: word.text.to_string(),
        span: word.span,
        suggestion: suggest(&word.text, names.iter().copied()),
    });
    None
}

/// Makes a test's changes to the syntax trees of the arrangements it starts
/// from, in order; what names an item or field that is not there is
/// returned as an error, and the rest is still made.
pub fn apply_edits(edits: &[Edit], files: &mut [crate::syntax::ast::File]) -> Vec<CheckError> {
    use crate::syntax::ast::EditAction;
    let mut errors = Vec::new();
    for edit in edits {
        let is_target =
            |item: &Item| item.kind.keyword() == edit.target_kind.text && item.name.text == edit.target.text;
        let found = files.iter().any(|file| file.items.iter().any(is_target));
        let described = format!("{} {}", edit.target_kind.text, edit.target.text);
        if !found {
            errors.push(CheckError::NothingToChange {
                item: described,
                field: None,
                span: edit.target.span,
            });
            continue;
        }
        match &edit.action {
            EditAction::Drop => {
                for file in files.iter_mut() {
                    file.items.retain(|item| !is_target(item));
                }
            }
            EditAction::Set(field) | EditAction::Add(field) => {
                let replace = matches!(edit.action, EditAction::Set(_));
                for item in files.iter_mut().flat_map(|file| file.items.iter_mut()) {
                    if !is_target(item) {
                        continue;
                    }
                    let same_name =
                        |entry: &Entry| matches!(entry, Entry::Field(old) if old.name.text == field.name.text);
                    let at = if replace {
                        item.entries.iter().position(same_name)
                    } else {
                        None
                    };
                    if replace {
                        item.entries.retain(|entry| !same_name(entry));
                    }
                    let at = at.unwrap_or(item.entries.len()).min(item.entries.len());
                    item.entries.insert(at, Entry::Field((**field).clone()));
                }
            }
            EditAction::Unset(name) => {
                let mut removed = false;
                for item in files.iter_mut().flat_map(|file| file.items.iter_mut()) {
                    if !is_target(item) {
                        continue;
                    }
                    let before = item.entries.len();
                    item.entries
                        .retain(|entry| !matches!(entry, Entry::Field(old) if old.name.text == name.text));
                    removed |= item.entries.len() < before;
                }
                if !removed {
                    errors.push(CheckError::NothingToChange {
                        item: described,
                        field: Some(name.text.to_string()),
                        span: name.span,
                    });
                }
            }
        }
    }
    errors
}
