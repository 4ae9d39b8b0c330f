//! Each file of a chain as an edition: its header's fields, an
//! amendment's repeals, and the local duties whose cited words an
//! amendment changes.

use super::{Scope, Unit};
use crate::check::error::{CheckError, DatesProblem, Misuse, NameKind};
use crate::check::fields::{names_of, Fields};
use crate::date::PartialDate;
use crate::model::*;
use crate::source::Span;
use crate::suggest::suggest;
use crate::syntax::ast::{Entry, ItemKind};

/// The fields of a guidance edition's header (an edition of the guidance,
/// an Act beside it with `force statute`, or an edition of another
/// guidance with `series`).
const GUIDANCE_FIELDS: [&str; 11] = [
    "title",
    "issuer",
    "issued",
    "in_force",
    "basis",
    "force",
    "supersedes",
    "series",
    "enacted",
    "commencement",
    "commencement_not_at_hand",
];

/// The fields of a local policy's header.
const LOCAL_POLICY_FIELDS: [&str; 8] = [
    "title",
    "issuer",
    "issued",
    "in_force",
    "withdrawn",
    "basis",
    "force",
    "supersedes",
];

/// The fields of an amendment's header.
const AMENDMENT_FIELDS: [&str; 13] = [
    "title",
    "issuer",
    "issued",
    "in_force",
    "basis",
    "force",
    "instrument",
    "by_area",
    "first_in_force",
    "repeals",
    "enacted",
    "commencement",
    "commencement_not_at_hand",
];

/// What only an amendment's header gives.
#[derive(Default)]
struct Amending {
    instrument: Option<String>,
    by_area: bool,
    first_in_force: Option<PartialDate>,
}

/// When a file applies, as its header says: the dates and what commenced
/// an Act.
struct Dates {
    issued: Option<PartialDate>,
    in_force: Option<PartialDate>,
    enacted: Option<PartialDate>,
    commencement: Option<Commencement>,
    withdrawn: Option<PartialDate>,
}

/// Reads a file's header into its edition.
pub(super) fn edition_of(unit: &Unit<'_>, errors: &mut Vec<CheckError>) -> Edition {
    let header = unit.header;
    let mut fields = Fields::new(header, errors);
    let title = fields.required_text("title", errors).unwrap_or_default();
    let issuer = fields.text("issuer", errors);
    let basis = fields.texts("basis", errors);
    let force = legal_force(&mut fields, header.kind, errors);
    let series = match header.kind {
        ItemKind::Guidance => fields.name("series", errors).map(|name| name.text.into()),
        _ => None,
    };
    let alongside = header.kind == ItemKind::Guidance && (force == LegalForce::Statute || series.is_some());
    let dates = dates(&mut fields, header.kind, force, alongside, errors);
    let supersedes = fields
        .names("supersedes", errors)
        .unwrap_or_default()
        .into_iter()
        .map(|name| name.text.into())
        .collect();
    let amendment = header.kind == ItemKind::Amendment;
    let amending = if amendment {
        amendment_fields(&mut fields, &dates, errors)
    } else {
        Amending::default()
    };
    fields.finish(
        match header.kind {
            ItemKind::Amendment => &AMENDMENT_FIELDS,
            ItemKind::LocalPolicy => &LOCAL_POLICY_FIELDS,
            _ => &GUIDANCE_FIELDS,
        },
        errors,
    );
    Edition {
        key: header.name.text.to_string(),
        title,
        issuer,
        issued: dates.issued,
        in_force: dates.in_force,
        enacted: dates.enacted,
        commencement: dates.commencement,
        withdrawn: dates.withdrawn,
        basis,
        force,
        supersedes,
        extends: header
            .extends
            .as_ref()
            .filter(|_| !amendment)
            .map(|name| name.text.to_string()),
        amends: header
            .extends
            .as_ref()
            .filter(|_| amendment)
            .map(|name| name.text.to_string()),
        alongside,
        series,
        instrument: amending.instrument,
        by_area: amending.by_area,
        first_in_force: amending.first_in_force,
        file: unit.file,
        span: header.name.span,
    }
}

/// A header's dates, each checked against the others: an Act is enacted
/// on or before it comes into force, and says what commenced it; a local
/// policy is withdrawn after it was adopted.
fn dates(
    fields: &mut Fields<'_>,
    kind: ItemKind,
    force: LegalForce,
    alongside: bool,
    errors: &mut Vec<CheckError>,
) -> Dates {
    let issued = fields.date("issued", errors);
    let in_force_span = fields.span_of("in_force");
    let in_force = fields.date("in_force", errors);
    let enacted_span = fields.span_of("enacted");
    let enacted = match kind {
        ItemKind::LocalPolicy => None,
        _ => fields.date("enacted", errors),
    };
    let withdrawn_span = fields.span_of("withdrawn");
    let withdrawn = match kind {
        ItemKind::LocalPolicy => fields.date("withdrawn", errors),
        _ => None,
    };
    let commencement = commencement(fields, kind, errors);
    let mut problem = |problem, span: Option<Span>| {
        errors.push(CheckError::LawDates {
            problem,
            span: span.unwrap_or(fields.header_span()),
        });
    };
    if let (Some(enacted), Some(span)) = (enacted, enacted_span) {
        if force != LegalForce::Statute {
            problem(DatesProblem::EnactedNotLaw, Some(span));
        } else if in_force.is_some_and(|in_force| enacted.first_day() > in_force.last_day()) {
            problem(DatesProblem::EnactedAfterInForce, Some(span));
        }
    }
    if force == LegalForce::Statute && kind != ItemKind::LocalPolicy && in_force.is_some() && commencement.is_none() {
        problem(DatesProblem::NoCommencement, in_force_span);
    }
    if alongside && in_force.is_none() && enacted.is_none() {
        problem(DatesProblem::NoDate, None);
    }
    if let (Some(withdrawn), Some(from), Some(span)) = (withdrawn, in_force.or(issued), withdrawn_span) {
        if withdrawn.first_day() <= from.first_day() {
            problem(DatesProblem::WithdrawnBeforeInForce, Some(span));
        }
    }
    Dates {
        issued,
        in_force,
        enacted,
        commencement,
        withdrawn,
    }
}

/// `commencement "…"` (the instrument) or `commencement_not_at_hand "…"`
/// (why it is not at hand), at most one of them.
fn commencement(fields: &mut Fields<'_>, kind: ItemKind, errors: &mut Vec<CheckError>) -> Option<Commencement> {
    if kind == ItemKind::LocalPolicy {
        return None;
    }
    let twice = fields
        .span_of("commencement_not_at_hand")
        .filter(|_| fields.span_of("commencement").is_some());
    let instrument = fields.text("commencement", errors);
    let not_at_hand = fields.text("commencement_not_at_hand", errors);
    if let Some(span) = twice {
        errors.push(CheckError::LawDates {
            problem: DatesProblem::CommencementTwice,
            span,
        });
    }
    instrument
        .map(Commencement::Instrument)
        .or(not_at_hand.map(Commencement::NotAtHand))
}

/// A header's `force`; without one, a local policy's is its own and any
/// other's statutory guidance.
fn legal_force(fields: &mut Fields<'_>, header: ItemKind, errors: &mut Vec<CheckError>) -> LegalForce {
    match fields.one_of("force", &["statute", "statutory_guidance", "local_policy"], errors) {
        Some("statute") => LegalForce::Statute,
        Some("local_policy") => LegalForce::LocalPolicy,
        Some(_) => LegalForce::StatutoryGuidance,
        None if header == ItemKind::LocalPolicy => LegalForce::LocalPolicy,
        None => LegalForce::StatutoryGuidance,
    }
}

/// An amendment's own fields: its instrument, which it needs with a date
/// in force (or, for an Act passed and awaiting commencement, the day it
/// was enacted), and whether it commences area by area.
fn amendment_fields(fields: &mut Fields<'_>, dates: &Dates, errors: &mut Vec<CheckError>) -> Amending {
    let in_force = dates.in_force;
    let instrument = fields.required_text("instrument", errors);
    if in_force.is_none() && dates.enacted.is_none() {
        errors.push(fields.missing("in_force"));
    }
    // Read once every key is declared (see `repeals`).
    fields.take_all("repeals");
    let by_area = fields.boolean("by_area", errors).unwrap_or(false);
    let first_in_force = first_in_force(fields, by_area, in_force, errors);
    Amending {
        instrument,
        by_area,
        first_in_force,
    }
}

/// `first_in_force`: the first area's commencement, which only an
/// amendment by area has, and which comes before its last (`in_force`).
fn first_in_force(
    fields: &mut Fields<'_>,
    by_area: bool,
    in_force: Option<PartialDate>,
    errors: &mut Vec<CheckError>,
) -> Option<PartialDate> {
    let first_span = fields.span_of("first_in_force");
    let first_in_force = fields.date("first_in_force", errors);
    if let (Some(first), Some(span)) = (first_in_force, first_span) {
        if !by_area {
            errors.push(CheckError::MisusedPredicate {
                problem: Misuse::FirstInForceWithoutByArea,
                span,
            });
        } else if in_force.is_some_and(|latest| first.first_day() >= latest.first_day()) {
            errors.push(CheckError::MisusedPredicate {
                problem: Misuse::FirstInForceNotBefore,
                span,
            });
        }
    }
    first_in_force
}

/// An amendment's `repeals`: each key a paragraph, duty, question or law
/// of the editions it amends, repealed from the amendment's commencement.
pub(super) fn repeals(
    unit: &Unit<'_>,
    edition: usize,
    policy: &mut Policy,
    scope: &Scope,
    errors: &mut Vec<CheckError>,
) {
    if unit.header.kind != ItemKind::Amendment {
        return;
    }
    for entry in &unit.header.entries {
        let Entry::Field(field) = entry else {
            continue;
        };
        if field.name.text != "repeals" {
            continue;
        }
        for name in names_of(field, errors) {
            match repealed(&name.text, policy, scope) {
                Some(target) => policy.repeals.push(Repeal {
                    target,
                    edition,
                    span: name.span,
                }),
                None => {
                    let known: Vec<&str> = scope
                        .paragraphs
                        .keys()
                        .chain(scope.duties.keys())
                        .chain(policy.laws.iter().map(|law| law.key.as_str()))
                        .collect();
                    errors.push(CheckError::UnknownName {
                        expected: NameKind::ParagraphDutyOrLaw,
                        suggestion: suggest(&name.text, known),
                        name: name.text.to_string(),
                        span: name.span,
                    });
                }
            }
        }
    }
}

/// What a key in `repeals` names: a paragraph, else a duty or question,
/// else a law.
fn repealed(key: &str, policy: &Policy, scope: &Scope) -> Option<Versioned> {
    if let Some(id) = scope.paragraphs.get(key) {
        Some(Versioned::Paragraph(id))
    } else if let Some(id) = scope.duties.get(key) {
        Some(Versioned::Duty(id))
    } else {
        policy
            .laws
            .iter()
            .find(|law| law.key == key)
            .map(|law| Versioned::Law(law.family))
    }
}

/// A local policy's duty that cites a paragraph of the guidance whose words
/// an amendment changes or repeals: what the council wrote against the old
/// words may need a fresh look once the amendment takes effect.
pub(super) fn pinned_words(policy: &Policy, errors: &mut Vec<CheckError>) {
    for duty in &policy.duties {
        let local = policy
            .edition(EditionId::from_index(duty.edition))
            .is_some_and(|edition| edition.force == LegalForce::LocalPolicy && edition.amends.is_none());
        if !local {
            continue;
        }
        for family in &duty.cites {
            let changed_by = changed_by(policy, *family);
            if changed_by.is_empty() {
                continue;
            }
            errors.push(CheckError::AmendedCitation {
                duty: duty.key.clone(),
                paragraph: policy
                    .paragraph_versions(*family)
                    .first()
                    .map_or_else(String::new, |paragraph| paragraph.key.clone()),
                amendments: changed_by,
                span: duty.span,
            });
        }
    }
}

/// The editions that give a paragraph new words or repeal it, by key.
fn changed_by(policy: &Policy, family: ParagraphId) -> Vec<String> {
    policy
        .paragraph_versions(family)
        .iter()
        .skip(1)
        .map(|version| version.edition)
        .chain(
            policy
                .repeals
                .iter()
                .filter(|repeal| repeal.target == Versioned::Paragraph(family))
                .map(|repeal| repeal.edition),
        )
        .filter_map(|edition| policy.edition(EditionId::from_index(edition)))
        .map(|edition| edition.key.clone())
        .collect()
}
