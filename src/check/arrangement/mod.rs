//! Checking a council's arrangements against the vocabulary of the guidance
//! it answers to.
//!
//! `check_arrangement` reads the header, declares the documents and
//! entities of the council's own file and of the files it shares (one
//! namespace), then reads each in turn: entities (`entities.rs`), what
//! the header says is complete or absent (`completeness.rs`), events
//! (`events.rs`), answers and departures (`answers.rs`), and last looks
//! for reporting lines that loop (`reporting.rs`) and checks the
//! timeline (`super::time`).

mod answers;
mod completeness;
mod entities;
mod events;
mod organisations;
mod reporting;

use std::collections::BTreeMap;

use super::error::{CheckError, FileKind, NameKind};
use super::fields::{Fields, Names};
use super::policy::{document, Scope};
use super::SharedUnit;
use crate::model::*;
use crate::source::{FileId, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{self, EntityKind, Evidence, Item, ItemKind, Place, Qualifier};

/// What a council's arrangements are checked against: the policy in
/// force, and what is known of the other editions given.
pub struct Against<'a> {
    /// The policy in force.
    pub policy: &'a Policy,
    /// Its name tables.
    pub scope: &'a Scope,
    /// Every edition and amendment given, whichever is in force.
    pub known_policies: &'a [String],
    /// The duties of the other editions given that the one in force does
    /// not have, each with the editions that have it.
    pub elsewhere: &'a BTreeMap<String, Vec<String>>,
}

/// An item of the arrangements, with the `shares` line that brings it in
/// when it is written in a shared file.
type Placed<'a> = (&'a Item, Option<Span>);

/// Checks one arrangement file's items, with those of the files it
/// shares, against a policy.
pub fn check_arrangement(
    file: FileId,
    header: &Item,
    own: &[Item],
    shared: &[SharedUnit<'_>],
    against: &Against<'_>,
    errors: &mut Vec<CheckError>,
) -> Arrangement {
    let mut arrangement = header_of(file, header, against.known_policies, errors);
    arrangement.shared_files = shared.iter().map(|unit| unit.file).collect();
    for unit in shared {
        shared_header(unit.header, errors);
    }
    let views = own_views(own, shared);
    let items = items_of(own, shared, &views);
    let documents = declare_documents(&items, &mut arrangement, errors);
    let declared = declare_entities(&items, errors);
    let dates = super::time::Dates::default();
    let context = Context {
        policy: against.policy,
        known_policies: against.known_policies,
        elsewhere: against.elsewhere,
        scope: against.scope,
        documents: &documents,
        entities: &declared.names,
        kinds: &declared.kinds,
        dates: &dates,
        document_dates: arrangement.documents.iter().map(|document| document.date).collect(),
        views: &views,
    };
    context.read_entities(&declared.sharing, &mut arrangement, errors);
    context.completeness(header, &mut arrangement, errors);
    context.read_events(&items, &mut arrangement, errors);
    answers_and_misplaced(&context, &items, &mut arrangement, errors);
    super::time::check(&mut arrangement, against.policy, dates, errors);
    reporting::loops(&arrangement, against.policy, errors);
    arrangement
}

/// The council's own items, then each shared file's, with the reference
/// that brings them in: the council's names and the shared ones are one
/// namespace, so a shared post reports to each council's own officer.
fn items_of<'a>(own: &'a [Item], shared: &'a [SharedUnit<'_>], views: &Views<'_>) -> Vec<Placed<'a>> {
    own.iter()
        .filter(|item| !views.values().any(|view| std::ptr::eq(*view, *item)))
        .map(|item| (item, None))
        .chain(
            shared
                .iter()
                .flat_map(|unit| unit.items.iter().map(|item| (item, Some(unit.reference)))),
        )
        .collect()
}

/// The council's own items that re-open a post, member, body or service
/// of a file it shares, by name: the council's own view of it (its own
/// title for a shared post), read in place of the shared file's.
type Views<'a> = BTreeMap<&'a str, &'a Item>;

/// The council's own items of the same kind and name as an entity of a
/// file it shares: each gives the council's own title for it. One of
/// another kind, or a second of the same, is declared as any item is (and
/// so E0102).
fn own_views<'a>(own: &'a [Item], shared: &[SharedUnit<'_>]) -> Views<'a> {
    let mut views = Views::new();
    for item in own.iter().filter(|item| item.kind.entity_kind().is_some()) {
        let in_shared = shared
            .iter()
            .flat_map(|unit| unit.items.iter())
            .any(|other| other.kind == item.kind && other.name.text == item.name.text);
        if in_shared && !views.contains_key(item.name.text.as_str()) {
            views.insert(item.name.text.as_str(), item);
        }
    }
    views
}

/// Declares and reads every document, the council's and the shared files'.
fn declare_documents(
    items: &[Placed<'_>],
    arrangement: &mut Arrangement,
    errors: &mut Vec<CheckError>,
) -> Names<DocumentId> {
    let mut documents = Names::new(NameKind::Document);
    for (item, _) in items.iter().filter(|(item, _)| item.kind == ItemKind::Document) {
        let id = DocumentId::from_index(arrangement.documents.len());
        if documents.declare(&item.name.text, id, item.name.span, errors) {
            arrangement.documents.push(document(item, errors));
        }
    }
    documents
}

/// The entities declared, each once, in the order of their ids.
struct Declared<'a> {
    names: Names<EntityId>,
    /// Each entity's item and kind.
    kinds: Vec<(&'a Item, EntityKind)>,
    /// Each entity's `shares` line, if it is declared in a shared file.
    sharing: Vec<Option<Span>>,
}

/// Declares every post, member, body and service, each name once.
fn declare_entities<'a>(items: &[Placed<'a>], errors: &mut Vec<CheckError>) -> Declared<'a> {
    let mut declared = Declared {
        names: Names::new(NameKind::Entity),
        kinds: Vec::new(),
        sharing: Vec::new(),
    };
    for (item, reference) in items {
        if let Some(kind) = item.kind.entity_kind() {
            let id = EntityId::from_index(declared.kinds.len());
            if declared.names.declare(&item.name.text, id, item.name.span, errors) {
                declared.kinds.push((*item, kind));
                declared.sharing.push(*reference);
            }
        }
    }
    declared
}

/// Reads the answers and departures, and reports the items of the
/// guidance written among the arrangements.
fn answers_and_misplaced(
    context: &Context<'_>,
    items: &[Placed<'_>],
    arrangement: &mut Arrangement,
    errors: &mut Vec<CheckError>,
) {
    let mut answering = context.answering(arrangement);
    for (item, reference) in items {
        match item.kind {
            ItemKind::Answer => {
                if context.answers_here(&mut answering, item, *reference, &arrangement.answers_to, errors) {
                    let id = AnswerId::from_index(arrangement.answers.len());
                    arrangement.answers.extend(context.answer(id, item, errors));
                }
            }
            ItemKind::Departure => {
                if context.answers_here(&mut answering, item, *reference, &arrangement.answers_to, errors) {
                    arrangement.departures.extend(context.departure(item, errors));
                }
            }
            // Every other kind by where it is written: the guidance's
            // are misplaced here; the headers, documents, entities and
            // events were read above; a test beside the arrangements it
            // tests is for `dcsc test`, the arrangements the same without
            // it.
            other => match other.place() {
                Place::Policy => errors.push(CheckError::Misplaced {
                    item: other,
                    file_kind: if reference.is_some() {
                        FileKind::Shared
                    } else {
                        FileKind::Arrangements
                    },
                    span: item.span,
                }),
                Place::Arrangements | Place::Either | Place::Tests => {}
            },
        }
    }
    context.other_edition(answering, arrangement, errors);
}

/// The fields of an arrangements header that `completeness` reads, once
/// the vocabulary and documents are known.
const READ_LATER: [&str; 6] = ["complete", "has_no", "governance", "considering", "commenced", "source"];

/// Reads the arrangements header into an arrangement with nothing else
/// in it yet.
fn header_of(file: FileId, header: &Item, known_policies: &[String], errors: &mut Vec<CheckError>) -> Arrangement {
    let mut fields = Fields::new(header, errors);
    let council = fields.required_text("council", errors);
    let council_kinds = CouncilKind::ALL.map(CouncilKind::word);
    let council_kind = fields
        .one_of("kind", &council_kinds, errors)
        .and_then(|word| CouncilKind::ALL.into_iter().find(|kind| kind.word() == word));
    let upper_tier = fields.boolean("upper_tier", errors);
    let known_until = fields
        .date_or_unknown("known_until", errors)
        .map(|date| KnownUntil { date, stated: true });
    // The workspace has read the files `shares` names; here only their
    // form is checked.
    fields.texts("shares", errors);
    for later in READ_LATER {
        fields.take_all(later);
    }
    let answers_to = answers_to(&mut fields, known_policies, errors);
    fields.finish(&crate::syntax::ast::ARRANGEMENT_FIELDS, errors);
    Arrangement {
        key: header.name.text.to_string(),
        file,
        council,
        council_kind,
        upper_tier,
        governance: None,
        considering: Vec::new(),
        answers_to,
        complete_kinds: Vec::new(),
        complete_relations: Vec::new(),
        has_no: Vec::new(),
        documents: Vec::new(),
        entities: Vec::new(),
        events: Vec::new(),
        answers: Vec::new(),
        departures: Vec::new(),
        timeline: Timeline::default(),
        known_until,
        papers_end: None,
        shared_files: Vec::new(),
        commenced: Vec::new(),
        span: header.name.span,
    }
}

/// `answers_to`: editions given, by key.
fn answers_to(fields: &mut Fields<'_>, known_policies: &[String], errors: &mut Vec<CheckError>) -> Vec<String> {
    let mut answers_to = Vec::new();
    for name in fields.names("answers_to", errors).unwrap_or_default() {
        if known_policies.iter().any(|known| *known == name.text) {
            answers_to.push(name.text.to_string());
        } else {
            errors.push(CheckError::UnknownName {
                expected: NameKind::Guidance,
                suggestion: suggest(&name.text, known_policies.iter().map(String::as_str)),
                name: name.text.to_string(),
                span: name.span,
            });
        }
    }
    answers_to
}

/// Checks a shared file's header: a title, and a note.
fn shared_header(header: &Item, errors: &mut Vec<CheckError>) {
    let mut fields = Fields::new(header, errors);
    fields.text("title", errors);
    fields.text("note", errors);
    fields.finish(&["title", "note"], errors);
}

/// What every part of an arrangement's check reads: the policy and its
/// names, and the arrangement's own documents and entities.
struct Context<'a> {
    policy: &'a Policy,
    /// Every edition and amendment given, whichever is in force: a
    /// commencement may name an amendment of another edition's chain.
    known_policies: &'a [String],
    /// The duties of other editions (see [`Against::elsewhere`]).
    elsewhere: &'a BTreeMap<String, Vec<String>>,
    scope: &'a Scope,
    documents: &'a Names<DocumentId>,
    entities: &'a Names<EntityId>,
    kinds: &'a [(&'a Item, EntityKind)],
    /// The dates read so far, each an instant of the timeline.
    dates: &'a super::time::Dates,
    /// The date of each of the arrangements' documents, if it has one.
    document_dates: Vec<Option<crate::date::PartialDate>>,
    /// The council's own views of entities of the files it shares.
    views: &'a Views<'a>,
}

impl Context<'_> {
    fn evidence(&self, evidence: Option<&Evidence>, errors: &mut Vec<CheckError>) -> Option<EvidenceRef> {
        let evidence = evidence?;
        let document = self.documents.resolve(&evidence.document, errors)?;
        Some(EvidenceRef {
            document,
            location: evidence.location.clone(),
        })
    }

    fn origin(
        &self,
        span: Span,
        line: Option<&Evidence>,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) -> FactOrigin {
        let evidence = match line {
            Some(_) => self.evidence(line, errors),
            None => default.clone(),
        };
        FactOrigin {
            span,
            evidence: evidence.map(Box::new),
        }
    }

    /// A fact read from a field's line: its origin, the period given (an
    /// instant for each end the line writes, dating what `owner` says)
    /// and how it is known.
    fn stated<T>(
        &self,
        value: T,
        span: Span,
        field: &ast::Field,
        during: Period,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) -> Stated<T> {
        Stated {
            value,
            origin: self.origin(span, field.evidence.as_deref(), default, errors),
            during,
            basis: basis_of(field),
        }
    }

    /// The period a field's line gives: an instant for each end written,
    /// dating what `owner` says.
    fn period(&self, field: &ast::Field, owner: impl Fn(End) -> Owner) -> Period {
        self.dates.period(field.period.as_deref(), owner)
    }

    fn kind_of(&self, id: EntityId) -> Option<EntityKind> {
        self.kinds.get(id.index()).map(|(_, kind)| *kind)
    }
}

/// How a line says its fact is known: the strongest doubt its qualifiers
/// give.
fn basis_of(field: &ast::Field) -> Basis {
    let has = |wanted: Qualifier| field.qualifiers.iter().any(|(qualifier, _)| *qualifier == wanted);
    if has(Qualifier::Proposed) {
        Basis::Proposed
    } else if has(Qualifier::Suggested) {
        Basis::Suggested
    } else if has(Qualifier::Possibly) {
        Basis::Possibly
    } else if has(Qualifier::Inferred) {
        Basis::Inferred
    } else {
        Basis::Stated
    }
}

/// The names of a list, each once: a name given twice is reported.
fn distinct(names: Vec<ast::Name>, errors: &mut Vec<CheckError>) -> Vec<ast::Name> {
    let mut kept: Vec<ast::Name> = Vec::new();
    for name in names {
        match kept.iter().find(|earlier| earlier.text == name.text) {
            Some(earlier) => errors.push(CheckError::RepeatedValue {
                value: name.text.to_string(),
                span: name.span,
                first: earlier.span,
            }),
            None => kept.push(name),
        }
    }
    kept
}
