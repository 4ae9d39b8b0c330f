//! The check stage: syntax trees to a checked model.
//!
//! Files are sorted by their header into guidance and arrangements. The
//! guidance files (or, if none is given, the guidance embedded in the
//! binary) are composed into one policy chain, base edition first, and
//! checked; each arrangement is then checked against that policy's
//! vocabulary. Every problem found is returned, not just the first.

mod arrangement;
mod chains;
mod error;
mod fields;
mod follow_on;
mod hidden;
mod parts;
mod policy;
mod problems;
mod test_cases;
mod time;

pub use error::{
    CheckError, DatesProblem, Disagreement, FileKind, Found, HeaderProblem, Misuse, NameKind, Needed, OrderInDoubt,
    Said, Shape, Term, Window,
};
pub use test_cases::{apply_edits, Expectation, Expected, Given, TestCase, BASES, NOT_IN_FORCE, NO_MISSING};

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::date::Day;
use crate::model::{Arrangement, Edition, Policy};
use crate::source::{FileId, SourceMap, Span};
use crate::syntax::ast::{File, Item, ItemKind};
use arrangement::Against;
pub use chains::Guidance;
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
    misused_entries(item, false, errors);
}

/// As [`fields_only`], but allowing `words not_at_hand "…"` (an answer
/// whose words the papers do not hold).
fn fields_only_or_words(item: &Item, errors: &mut Vec<CheckError>) {
    misused_entries(item, true, errors);
}

fn misused_entries(item: &Item, words_not_at_hand: bool, errors: &mut Vec<CheckError>) {
    use crate::syntax::ast::{Entry, Words, WordsKind};
    for entry in &item.entries {
        let span = match entry {
            Entry::Field(_) => continue,
            Entry::Words(Words {
                kind: WordsKind::NotAtHand { .. },
                ..
            }) if words_not_at_hand => continue,
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

/// A file's place among the files given, read from its header.
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
    check_with(sources, files, embedded, &[], as_at)
}

/// Checks the guidance files among `files` (and the embedded guidance),
/// once, for [`check_with`] to share among the councils checked against
/// the same files: what the other files hold is not looked at.
pub fn check_guidance(sources: &SourceMap, files: &[Parsed<'_>], embedded: &[Parsed<'_>]) -> Guidance {
    let sorted = sort_by_header(sources, files, &mut Vec::new());
    Guidance::check(sources, &sorted.policies, embedded)
}

/// As [`check`], using the first of the guidance already `checked`
/// (see [`check_guidance`]) that was checked from the same guidance files
/// as those given, and checking the guidance only if none was: what it
/// finds is the same, the cost of the guidance paid once per process
/// rather than once per council.
pub fn check_with(
    sources: &SourceMap,
    files: &[Parsed<'_>],
    embedded: &[Parsed<'_>],
    checked: &[&Guidance],
    as_at: Option<Day>,
) -> Checked {
    let mut errors = Vec::new();
    let sorted = sort_by_header(sources, files, &mut errors);
    let fresh;
    let guidance = match checked
        .iter()
        .find(|guidance| guidance.checked_from(&sorted.policies, embedded))
    {
        Some(guidance) => *guidance,
        None => {
            fresh = Guidance::check(sources, &sorted.policies, embedded);
            &fresh
        }
    };
    errors.extend(guidance.errors().iter().cloned());
    let chains = guidance.chains();
    let mut checked = Checked {
        tests: check_tests(&sorted.tests, chains, &mut errors),
        editions: every_edition(chains),
        ..Checked::default()
    };
    let given = GivenEditions::of(chains);
    if let Some((policy, scope)) = chains::select(chains, as_at, &mut errors) {
        let elsewhere = given.elsewhere(&policy, scope);
        let against = Against {
            policy: &policy,
            scope,
            known_policies: &given.editions,
            elsewhere: &elsewhere,
        };
        let read = check_arrangements(sources, files, &sorted, &against, &mut errors);
        checked.arrangements = read.arrangements;
        unused_shared(&sorted.shared, &read.used, &mut errors);
        errors = follow_on::once_each(errors, &read.read_with, &read.sharers);
        errors = follow_on::not_unknown_if_unparsed(errors, files);
        errors = follow_on::not_unknown_if_guidance_missing(errors);
        errors = follow_on::run_on_values(errors, files, sources);
        checked.policy = Some(policy);
    }
    checked.errors = errors;
    checked
}

/// The files given, sorted by their headers.
struct Sorted<'a> {
    /// The user's guidance, local policies and amendments.
    policies: Vec<Unit<'a>>,
    /// Each council's arrangements, with their header.
    arrangements: Vec<(Parsed<'a>, &'a Item)>,
    /// Each shared file, with its header.
    shared: Vec<(Parsed<'a>, &'a Item)>,
    /// The files that may hold tests, and whether each has arrangements
    /// of its own to start from.
    tests: Vec<(Parsed<'a>, bool)>,
    /// Each file's header, for saying what a wrongly shared file is
    /// instead.
    headers: Vec<(FileId, Option<ItemKind>)>,
}

/// Sorts the user's files by their headers, warning of hidden characters
/// in each.
fn sort_by_header<'a>(sources: &SourceMap, files: &[Parsed<'a>], errors: &mut Vec<CheckError>) -> Sorted<'a> {
    let mut sorted = Sorted {
        policies: Vec::new(),
        arrangements: Vec::new(),
        shared: Vec::new(),
        tests: Vec::new(),
        headers: Vec::new(),
    };
    for parsed in files {
        if let Some(source) = sources.get(parsed.file) {
            errors.extend(hidden::warnings(parsed, source));
        }
        let role = header(parsed, errors);
        sorted.headers.push((
            parsed.file,
            match &role {
                Some(Role::Policy(item) | Role::Arrangements(item) | Role::Shared(item)) => Some(item.kind),
                Some(Role::Tests) | None => None,
            },
        ));
        match role {
            Some(Role::Policy(_) | Role::Arrangements(_)) if !parsed.named => {}
            Some(Role::Policy(item)) => sorted.policies.push(Unit {
                header: item,
                items: &parsed.ast.items,
                file: parsed.file,
            }),
            Some(Role::Arrangements(item)) => {
                sorted.tests.push((*parsed, true));
                sorted.arrangements.push((*parsed, item));
            }
            Some(Role::Tests) => sorted.tests.push((*parsed, false)),
            Some(Role::Shared(item)) => sorted.shared.push((*parsed, item)),
            None => {}
        }
    }
    sorted
}

/// A policy chain, checked, with its names.
type Chain = (Policy, policy::Scope);

/// Checks every test. A test may expect a verdict of a duty of any
/// edition given: which is in force is decided by its date when it runs.
fn check_tests(tests: &[(Parsed<'_>, bool)], chains: &[Chain], errors: &mut Vec<CheckError>) -> Vec<TestCase> {
    let duties: BTreeSet<String> = chains
        .iter()
        .flat_map(|(policy, _)| policy.duties.iter().map(|duty| duty.key.clone()))
        .collect();
    let mut checked = Vec::new();
    for (parsed, has_arrangements) in tests {
        checked.extend(test_cases::check_tests(
            parsed.file,
            &parsed.ast.items,
            *has_arrangements,
            &duties,
            errors,
        ));
    }
    checked
}

/// Every edition, amendment and local policy of every chain, each once.
fn every_edition(chains: &[Chain]) -> Vec<Edition> {
    let mut editions: Vec<Edition> = Vec::new();
    for (policy, _) in chains {
        for edition in &policy.editions {
            if !editions.iter().any(|known| known.key == edition.key) {
                editions.push(edition.clone());
            }
        }
    }
    editions
}

/// What arrangements may name of every edition given, not only the one
/// in force.
struct GivenEditions {
    /// Every edition's key: `answers_to` may name any.
    editions: Vec<String>,
    /// Each edition's duties, to tell an answer to another edition's
    /// question from an answer to no question at all.
    duties: Vec<(String, BTreeSet<String>)>,
}

impl GivenEditions {
    fn of(chains: &[Chain]) -> GivenEditions {
        GivenEditions {
            editions: chains
                .iter()
                .flat_map(|(policy, _)| policy.editions.iter().map(|edition| edition.key.clone()))
                .collect(),
            duties: chains
                .iter()
                .map(|(policy, _)| {
                    (
                        policy.base().map_or_else(String::new, |base| base.key.clone()),
                        policy.duties.iter().map(|duty| duty.key.clone()).collect(),
                    )
                })
                .collect(),
        }
    }

    /// The duties of the other editions that the one selected does not
    /// have, each with the editions that have it.
    fn elsewhere(&self, policy: &Policy, scope: &policy::Scope) -> BTreeMap<String, Vec<String>> {
        let selected = policy.base().map(|base| base.key.clone());
        let mut elsewhere: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (edition, keys) in &self.duties {
            if Some(edition) == selected.as_ref() {
                continue;
            }
            for key in keys.iter().filter(|key| scope.duties.get(key).is_none()) {
                elsewhere.entry(key.clone()).or_default().push(edition.clone());
            }
        }
        elsewhere
    }
}

/// What checking every council's arrangements gives besides errors.
#[derive(Default)]
struct Read {
    arrangements: Vec<Arrangement>,
    /// The shared files some council shares.
    used: Vec<FileId>,
    /// Which council's arrangements each error in a shared file was found
    /// with, by its place in the errors.
    read_with: HashMap<usize, String>,
    /// The councils that share each shared file.
    sharers: HashMap<FileId, Vec<String>>,
}

impl Read {
    /// Notes which council shares each of its shared files, and with
    /// which council each error found in them from `before` on was found.
    fn note_sharing(&mut self, arrangement: &Arrangement, before: usize, errors: &[CheckError]) {
        let council = arrangement.council.clone().unwrap_or_else(|| arrangement.key.clone());
        for file in &arrangement.shared_files {
            self.sharers.entry(*file).or_default().push(council.clone());
        }
        for (index, error) in errors.iter().enumerate().skip(before) {
            if arrangement.shared_files.contains(&error.span().file) {
                self.read_with.insert(index, council.clone());
            }
        }
    }
}

/// Checks each council's arrangements, with the files it shares.
fn check_arrangements(
    sources: &SourceMap,
    files: &[Parsed<'_>],
    sorted: &Sorted<'_>,
    against: &Against<'_>,
    errors: &mut Vec<CheckError>,
) -> Read {
    let mut read = Read::default();
    for (parsed, header) in &sorted.arrangements {
        let units = shared_units(sources, files, sorted, parsed, &mut read.used, errors);
        let before = errors.len();
        let arrangement =
            arrangement::check_arrangement(parsed.file, header, &parsed.ast.items, &units, against, errors);
        read.note_sharing(&arrangement, before, errors);
        read.arrangements.push(arrangement);
    }
    read
}

/// The shared files an arrangements header names, each once; a file
/// named that is not a shared file is reported.
fn shared_units<'a>(
    sources: &SourceMap,
    files: &[Parsed<'_>],
    sorted: &Sorted<'a>,
    parsed: &Parsed<'_>,
    used: &mut Vec<FileId>,
    errors: &mut Vec<CheckError>,
) -> Vec<SharedUnit<'a>> {
    let name_of = |file: FileId| {
        sources
            .get(file)
            .map_or_else(String::new, |source| source.name().to_owned())
    };
    let mut units = Vec::new();
    for (index, reference) in parsed.shares.iter().enumerate() {
        if let Some(first) = parsed
            .shares
            .iter()
            .take(index)
            .find(|earlier| earlier.file == reference.file)
        {
            errors.push(CheckError::RepeatedValue {
                value: name_of(reference.file),
                span: reference.span,
                first: first.span,
            });
            continue;
        }
        if let Some((shared, header)) = sorted.shared.iter().find(|(shared, _)| shared.file == reference.file) {
            used.push(reference.file);
            units.push(SharedUnit {
                file: shared.file,
                header,
                items: &shared.ast.items,
                reference: reference.span,
            });
            continue;
        }
        let found = sorted
            .headers
            .iter()
            .find(|(file, _)| *file == reference.file)
            .and_then(|(_, keyword)| *keyword);
        // A file whose syntax errors hid its header has been reported
        // already.
        let hidden = found.is_none()
            && files
                .iter()
                .any(|parsed| parsed.file == reference.file && parsed.incomplete);
        if !hidden {
            errors.push(CheckError::NotShared {
                found,
                path: name_of(reference.file),
                span: reference.span,
            });
        }
    }
    units
}

/// Warns of every shared file no council shares.
fn unused_shared(shared: &[(Parsed<'_>, &Item)], used: &[FileId], errors: &mut Vec<CheckError>) {
    for (parsed, header) in shared {
        if !used.contains(&parsed.file) {
            errors.push(CheckError::UnusedShared { span: header.name.span });
        }
    }
}
