//! The JSON contract of `dcsc verify --format json`, documented in
//! `docs/json-output.md` and described by `docs/verify-output.schema.json`.
//! Key order is the order of the fields below, and every list is in a fixed
//! order, so the output is byte-identical for the same input.

use serde::Serialize;

use crate::date::{Boundary, Uncertainty};
use crate::eval::{Cause, Change, ChangeDetail, Clause, Fact, FactUse, Missing, Verdict, VerdictKind};
use crate::model::{
    AnswerId, AttributeId, Basis, BodyKindId, DutyKind, EditionId, EntityId, EventId, EvidenceRef, FunctionId,
    Provenance, RelationId, RoleId, Target, TypedValue,
};
use crate::words::Wording;
use crate::Assessment;

/// The version of the JSON contract. Raised when a field changes meaning
/// or is removed; adding a field does not raise it. Version 2 made
/// `missing` a list of typed objects and gave every fact a `kind`.
pub const SCHEMA_VERSION: u32 = 2;

/// One council's verdicts in the JSON contract, ready to serialise.
#[derive(Serialize)]
pub struct Output<'a> {
    schema_version: u32,
    guidance: Guidance<'a>,
    as_at: String,
    arrangement: ArrangementInfo<'a>,
    summary: Summary,
    verdicts: Vec<VerdictOut<'a>>,
}

#[derive(Serialize)]
struct Guidance<'a> {
    id: &'a str,
    title: &'a str,
    edition: Option<String>,
    force: &'a str,
    extended_by: Vec<&'a str>,
    amended_by: Vec<AmendmentOut<'a>>,
}

#[derive(Serialize)]
struct AmendmentOut<'a> {
    id: &'a str,
    instrument: Option<&'a str>,
    /// Whether it had surely taken effect for the council (false: its
    /// papers date the commencement in its area only to a month or year).
    in_force: bool,
}

#[derive(Serialize)]
struct ArrangementInfo<'a> {
    id: &'a str,
    council: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct Summary {
    needs_action: usize,
    counts: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct VerdictOut<'a> {
    duty: &'a str,
    kind: &'static str,
    title: Option<&'a str>,
    rule: Option<&'a str>,
    modality: &'static str,
    statute: Option<&'a str>,
    verdict: &'static str,
    needs_action: bool,
    section: &'a str,
    citations: Vec<Citation<'a>>,
    tags: serde_json::Map<String, serde_json::Value>,
    bindings: Vec<BindingOut<'a>>,
    facts: Vec<FactOut<'a>>,
    missing: Vec<MissingOut<'a>>,
    reason: &'static str,
    explanation: String,
    notes: Vec<String>,
    answer: Option<AnswerOut<'a>>,
    departure: Option<DepartureOut<'a>>,
}

#[derive(Serialize)]
struct Citation<'a> {
    paragraph: &'a str,
    edition: &'a str,
    section: &'a str,
    text: Option<&'a str>,
    provenance: &'static str,
    source: Option<SourceOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    document: &'a str,
    title: &'a str,
    seed: Option<&'a str>,
    quoted_by: Option<&'a str>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct BindingOut<'a> {
    role: Option<&'a str>,
    holder: &'a str,
    title: &'a str,
}

/// A fact consulted: its kind and typed fields, when it held and how it is
/// known, then where it is stated.
#[derive(Serialize)]
struct FactOut<'a> {
    #[serde(flatten)]
    fact: FactKindOut<'a>,
    from: Option<String>,
    until: Option<String>,
    basis: &'static str,
    file: &'a str,
    line: usize,
    column: usize,
    statement: String,
    evidence: Option<EvidenceOut<'a>>,
}

/// A change of a role's responsibilities.
#[derive(Serialize)]
struct ChangeOut<'a> {
    role: &'a str,
    date: Option<String>,
    event: Option<&'a str>,
    details: Vec<ChangeDetailOut<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum ChangeDetailOut<'a> {
    Recorded,
    Holders {
        before: Vec<&'a str>,
        after: Vec<&'a str>,
    },
    RoleAdded {
        entity: &'a str,
        role: &'a str,
    },
    RoleRemoved {
        entity: &'a str,
        role: &'a str,
    },
    FunctionAdded {
        entity: &'a str,
        function: &'a str,
    },
    FunctionRemoved {
        entity: &'a str,
        function: &'a str,
    },
    AttributeChanged {
        entity: &'a str,
        attribute: &'a str,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    },
}

/// What calls for an event: a change, or an event.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum CauseOut<'a> {
    Change(ChangeOut<'a>),
    Event { event: &'a str },
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum FactKindOut<'a> {
    Holds {
        entity: &'a str,
        role: &'a str,
    },
    Functions {
        entity: &'a str,
        functions: Vec<&'a str>,
    },
    BodyKind {
        entity: &'a str,
        body_kind: &'a str,
    },
    Attribute {
        entity: &'a str,
        attribute: &'a str,
        value: serde_json::Value,
    },
    Relation {
        entity: &'a str,
        relation: &'a str,
        targets: Vec<&'a str>,
    },
    NoBodyOfKind {
        body_kind: &'a str,
    },
    Governance {
        governance: &'static str,
        considering: bool,
    },
    Event {
        event: &'a str,
        event_kind: &'static str,
        date: Option<String>,
    },
    Answer {
        question: &'a str,
        given: Option<String>,
    },
    Departure {
        duty: &'a str,
        approved: Option<String>,
    },
    Change {
        change: ChangeOut<'a>,
    },
}

/// A fact the duty needs that the arrangements do not state: its kind,
/// typed fields naming what is missing, and the words for people.
#[derive(Serialize)]
struct MissingOut<'a> {
    /// [`Missing::kind_name`]: written once, for JSON and for tests.
    kind: &'static str,
    #[serde(flatten)]
    missing: MissingKindOut<'a>,
    text: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum MissingKindOut<'a> {
    Holder {
        role: &'a str,
    },
    EntitiesOfKind {
        entity_kind: &'static str,
    },
    AnyOfKind {
        entity_kind: &'static str,
        holding: Option<&'a str>,
    },
    CompleteList {
        entity_kind: &'static str,
        holding: Option<&'a str>,
        predicate: &'a str,
        negated: bool,
        listed: usize,
    },
    Subject,
    Governance,
    Commencement {
        amendment: &'a str,
    },
    Functions {
        entity: &'a str,
    },
    FunctionsBeyond {
        entity: &'a str,
        listed: Vec<&'a str>,
    },
    BodyKind {
        entities: Vec<&'a str>,
    },
    Attribute {
        entity: &'a str,
        attribute: &'a str,
    },
    ExactAttribute {
        entity: &'a str,
        attribute: &'a str,
    },
    Relation {
        entity: &'a str,
        relation: &'a str,
    },
    CompleteRelation {
        entity: &'a str,
        relation: &'a str,
        target_role: Option<&'a str>,
        target_body_kind: Option<&'a str>,
        listed: Vec<&'a str>,
    },
    EventOrder {
        earlier: CauseOut<'a>,
        later: &'a str,
    },
    AnswerOrder {
        question: &'a str,
        given: Option<String>,
        change: ChangeOut<'a>,
    },
    AnswerDate {
        question: &'a str,
    },
    EventDate {
        event: &'a str,
    },
    Uncertain {
        fact: Box<FactKindOut<'a>>,
        why: &'static str,
        date: Option<String>,
    },
    Existed {
        entity: &'a str,
        why: &'static str,
        date: Option<String>,
    },
    WhichHolder {
        role: &'a str,
        candidates: Vec<&'a str>,
    },
    BeyondPapers {
        event_kind: &'static str,
        until: String,
        stated: bool,
    },
    ChangeOrder {
        change: ChangeOut<'a>,
        event: &'a str,
    },
    ReviewOutcome {
        review: &'a str,
    },
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    document: &'a str,
    title: &'a str,
    seed: Option<&'a str>,
    location: Option<&'a str>,
}

#[derive(Serialize)]
struct AnswerOut<'a> {
    given: Option<String>,
    by: Option<&'a str>,
    reference: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct DepartureOut<'a> {
    reasons: &'a str,
    approved_by: Option<&'a str>,
    approved: Option<String>,
    review_by: Option<String>,
}

/// Reads keys of the model's tables for one assessment.
struct Keys<'a> {
    assessment: &'a Assessment<'a>,
}

impl<'a> Keys<'a> {
    fn entity(&self, id: EntityId) -> &'a str {
        self.assessment
            .arrangement
            .entity(id)
            .map_or("", |entity| entity.key.as_str())
    }

    fn entities(&self, ids: &[EntityId]) -> Vec<&'a str> {
        ids.iter().map(|id| self.entity(*id)).collect()
    }

    fn role(&self, id: RoleId) -> &'a str {
        self.assessment.policy.role(id).map_or("", |role| role.key.as_str())
    }

    fn function(&self, id: FunctionId) -> &'a str {
        self.assessment.policy.function(id).map_or("", |term| term.key.as_str())
    }

    fn body_kind(&self, id: BodyKindId) -> &'a str {
        self.assessment
            .policy
            .body_kind(id)
            .map_or("", |term| term.key.as_str())
    }

    fn attribute(&self, id: AttributeId) -> &'a str {
        self.assessment
            .policy
            .attribute(id)
            .map_or("", |attribute| attribute.key.as_str())
    }

    fn relation(&self, id: RelationId) -> &'a str {
        self.assessment
            .policy
            .relation(id)
            .map_or("", |relation| relation.key.as_str())
    }

    fn event(&self, id: EventId) -> &'a str {
        self.assessment
            .arrangement
            .event(id)
            .map_or("", |event| event.key.as_str())
    }

    fn question(&self, id: AnswerId) -> &'a str {
        self.assessment
            .arrangement
            .answer(id)
            .and_then(|answer| self.assessment.policy.duty(answer.duty))
            .map_or("", |duty| duty.key.as_str())
    }

    fn given(&self, id: AnswerId) -> Option<String> {
        self.assessment
            .arrangement
            .answer(id)
            .and_then(|answer| answer.given)
            .map(|date| date.to_string())
    }

    fn clause(&self, clause: Clause) -> &'a str {
        match clause {
            Clause::Rule(duty) => self.assessment.policy.duty(duty).map_or("", |duty| match &duty.kind {
                DutyKind::Rule { predicate_text, .. } => predicate_text.as_str(),
                DutyKind::Question { .. } => "",
            }),
            Clause::Condition(duty, index) => self
                .assessment
                .policy
                .duty(duty)
                .and_then(|duty| duty.conditions.get(index))
                .map_or("", |condition| condition.text.as_str()),
        }
    }

    fn fact(&self, fact: &Fact) -> FactKindOut<'a> {
        match fact {
            Fact::Holds { entity, role } => FactKindOut::Holds {
                entity: self.entity(*entity),
                role: self.role(*role),
            },
            Fact::Functions { entity, functions } => FactKindOut::Functions {
                entity: self.entity(*entity),
                functions: functions.iter().map(|function| self.function(*function)).collect(),
            },
            Fact::BodyKind { entity, kind } => FactKindOut::BodyKind {
                entity: self.entity(*entity),
                body_kind: self.body_kind(*kind),
            },
            Fact::Attribute {
                entity,
                attribute,
                value,
            } => FactKindOut::Attribute {
                entity: self.entity(*entity),
                attribute: self.attribute(*attribute),
                value: value_json(value),
            },
            Fact::Relation {
                entity,
                relation,
                targets,
            } => FactKindOut::Relation {
                entity: self.entity(*entity),
                relation: self.relation(*relation),
                targets: self.entities(targets),
            },
            Fact::NoBodyOfKind { kind } => FactKindOut::NoBodyOfKind {
                body_kind: self.body_kind(*kind),
            },
            Fact::Governance { model, considering } => FactKindOut::Governance {
                governance: model.word(),
                considering: *considering,
            },
            Fact::Event { event } => {
                let found = self.assessment.arrangement.event(*event);
                FactKindOut::Event {
                    event: self.event(*event),
                    event_kind: found.map_or("", |event| event.kind.word()),
                    date: found.and_then(|event| event.date.on).map(|date| date.to_string()),
                }
            }
            Fact::Change(change) => FactKindOut::Change {
                change: self.change(change),
            },
            Fact::Answer { answer } => FactKindOut::Answer {
                question: self.question(*answer),
                given: self.given(*answer),
            },
            Fact::Departure { departure } => {
                let found = self.assessment.arrangement.departure(*departure);
                FactKindOut::Departure {
                    duty: found
                        .and_then(|departure| self.assessment.policy.duty(departure.duty))
                        .map_or("", |duty| duty.key.as_str()),
                    approved: found
                        .and_then(|departure| departure.approved)
                        .map(|date| date.to_string()),
                }
            }
        }
    }

    fn missing(&self, missing: &Missing) -> MissingKindOut<'a> {
        match missing {
            Missing::Holder { role } => MissingKindOut::Holder { role: self.role(*role) },
            Missing::EntitiesOfKind { kind } => MissingKindOut::EntitiesOfKind {
                entity_kind: kind.word(),
            },
            Missing::AnyOfKind { kind, holding } => MissingKindOut::AnyOfKind {
                entity_kind: kind.word(),
                holding: holding.map(|role| self.role(role)),
            },
            Missing::CompleteList {
                kind,
                holding,
                clause,
                negated,
                listed,
            } => MissingKindOut::CompleteList {
                entity_kind: kind.word(),
                holding: holding.map(|role| self.role(role)),
                predicate: self.clause(*clause),
                negated: *negated,
                listed: *listed,
            },
            Missing::Subject => MissingKindOut::Subject,
            Missing::Governance => MissingKindOut::Governance,
            Missing::Commencement { edition } => MissingKindOut::Commencement {
                amendment: self
                    .assessment
                    .policy
                    .edition(*edition)
                    .map_or("", |edition| edition.key.as_str()),
            },
            Missing::Functions { entity } => MissingKindOut::Functions {
                entity: self.entity(*entity),
            },
            Missing::FunctionsBeyond { entity, listed } => MissingKindOut::FunctionsBeyond {
                entity: self.entity(*entity),
                listed: listed.iter().map(|function| self.function(*function)).collect(),
            },
            Missing::BodyKind { entities } => MissingKindOut::BodyKind {
                entities: self.entities(entities),
            },
            Missing::Attribute { entity, attribute } => MissingKindOut::Attribute {
                entity: self.entity(*entity),
                attribute: self.attribute(*attribute),
            },
            Missing::ExactAttribute { entity, attribute } => MissingKindOut::ExactAttribute {
                entity: self.entity(*entity),
                attribute: self.attribute(*attribute),
            },
            Missing::Relation { entity, relation } => MissingKindOut::Relation {
                entity: self.entity(*entity),
                relation: self.relation(*relation),
            },
            Missing::CompleteRelation {
                entity,
                relation,
                target,
                listed,
            } => MissingKindOut::CompleteRelation {
                entity: self.entity(*entity),
                relation: self.relation(*relation),
                target_role: match target {
                    Target::Role(role) => Some(self.role(*role)),
                    Target::Kind(_) => None,
                },
                target_body_kind: match target {
                    Target::Kind(kind) => Some(self.body_kind(*kind)),
                    Target::Role(_) => None,
                },
                listed: self.entities(listed),
            },
            Missing::EventOrder { earlier, later } => MissingKindOut::EventOrder {
                earlier: self.cause(earlier),
                later: self.event(*later),
            },
            Missing::AnswerOrder { answer, change } => MissingKindOut::AnswerOrder {
                question: self.question(*answer),
                given: self.given(*answer),
                change: self.change(change),
            },
            Missing::AnswerDate { answer } => MissingKindOut::AnswerDate {
                question: self.question(*answer),
            },
            Missing::EventDate { event } => MissingKindOut::EventDate {
                event: self.event(*event),
            },
            Missing::Uncertain { fact, why } => {
                let (why, date) = uncertainty(*why);
                MissingKindOut::Uncertain {
                    fact: Box::new(self.fact(fact)),
                    why,
                    date,
                }
            }
            Missing::Existed { entity, why } => {
                let (why, date) = uncertainty(*why);
                MissingKindOut::Existed {
                    entity: self.entity(*entity),
                    why,
                    date,
                }
            }
            Missing::WhichHolder { role, candidates } => MissingKindOut::WhichHolder {
                role: self.role(*role),
                candidates: self.entities(candidates),
            },
            Missing::BeyondPapers { event, until, stated } => MissingKindOut::BeyondPapers {
                event_kind: event.word(),
                until: until.to_string(),
                stated: *stated,
            },
            Missing::ReviewOutcome { review } => MissingKindOut::ReviewOutcome {
                review: self.event(*review),
            },
            Missing::ChangeOrder { change, event } => MissingKindOut::ChangeOrder {
                change: self.change(change),
                event: self.event(*event),
            },
        }
    }

    fn change(&self, change: &Change) -> ChangeOut<'a> {
        ChangeOut {
            role: self.role(change.role),
            date: change.date.map(|date| date.to_string()),
            event: change.event.map(|event| self.event(event)),
            details: change
                .details
                .iter()
                .map(|detail| match detail {
                    ChangeDetail::Recorded => ChangeDetailOut::Recorded,
                    ChangeDetail::Holders { before, after } => ChangeDetailOut::Holders {
                        before: self.entities(before),
                        after: self.entities(after),
                    },
                    ChangeDetail::RoleAdded { entity, role } => ChangeDetailOut::RoleAdded {
                        entity: self.entity(*entity),
                        role: self.role(*role),
                    },
                    ChangeDetail::RoleRemoved { entity, role } => ChangeDetailOut::RoleRemoved {
                        entity: self.entity(*entity),
                        role: self.role(*role),
                    },
                    ChangeDetail::FunctionAdded { entity, function } => ChangeDetailOut::FunctionAdded {
                        entity: self.entity(*entity),
                        function: self.function(*function),
                    },
                    ChangeDetail::FunctionRemoved { entity, function } => ChangeDetailOut::FunctionRemoved {
                        entity: self.entity(*entity),
                        function: self.function(*function),
                    },
                    ChangeDetail::AttributeChanged {
                        entity,
                        attribute,
                        before,
                        after,
                    } => ChangeDetailOut::AttributeChanged {
                        entity: self.entity(*entity),
                        attribute: self.attribute(*attribute),
                        before: before.as_ref().map(value_json),
                        after: after.as_ref().map(value_json),
                    },
                })
                .collect(),
        }
    }

    fn cause(&self, cause: &Cause) -> CauseOut<'a> {
        match cause {
            Cause::Change(change) => CauseOut::Change(self.change(change)),
            Cause::Event(event) => CauseOut::Event {
                event: self.event(*event),
            },
        }
    }
}

/// Why whether a fact held cannot be told, and the date that leaves it
/// open.
fn uncertainty(why: Uncertainty) -> (&'static str, Option<String>) {
    match why {
        Uncertainty::Began(date) => ("began", Some(date.to_string())),
        Uncertainty::Stopped(date) => ("stopped", Some(date.to_string())),
        Uncertainty::UnknownDate => ("unknown_date", None),
        Uncertainty::Possibly => ("possibly", None),
    }
}

fn boundary(end: Option<Boundary>) -> Option<String> {
    end.map(|end| match end {
        Boundary::On(date) => date.to_string(),
        Boundary::Unknown => "unknown".to_owned(),
    })
}

fn basis_name(basis: Basis) -> &'static str {
    match basis {
        Basis::Stated => "stated",
        Basis::Inferred => "inferred",
        Basis::Possibly => "possibly",
    }
}

fn value_json(value: &TypedValue) -> serde_json::Value {
    match value {
        TypedValue::Int(number) => serde_json::Value::from(*number),
        TypedValue::Bool(value) => serde_json::Value::Bool(*value),
        TypedValue::Text(text) => serde_json::Value::String(text.clone()),
        TypedValue::Date(date) => serde_json::Value::String(date.to_string()),
    }
}

/// One council's verdicts in the JSON contract.
pub fn output<'a>(assessment: &'a Assessment<'a>) -> Output<'a> {
    let base = assessment.policy.base();
    let mut counts = serde_json::Map::new();
    for (kind, count) in assessment.counts() {
        counts.insert(kind.name().to_owned(), serde_json::Value::from(count));
    }
    let keys = Keys { assessment };
    let wording = assessment.wording();
    Output {
        schema_version: SCHEMA_VERSION,
        guidance: Guidance {
            id: base.map_or("", |edition| edition.key.as_str()),
            title: base.map_or("", |edition| edition.title.as_str()),
            edition: base.and_then(|edition| edition.issued.map(|date| date.to_string())),
            force: base.map_or("", |edition| edition.force.word()),
            extended_by: assessment
                .local_policies()
                .into_iter()
                .map(|edition| edition.key.as_str())
                .collect(),
            amended_by: assessment
                .amendments()
                .into_iter()
                .map(|(edition, holding)| AmendmentOut {
                    id: &edition.key,
                    instrument: edition.instrument.as_deref(),
                    in_force: holding == crate::date::Holding::Yes,
                })
                .collect(),
        },
        as_at: assessment.as_at.to_string(),
        arrangement: ArrangementInfo {
            id: &assessment.arrangement.key,
            council: assessment.arrangement.council_name(),
            path: assessment.sources.name(assessment.arrangement.file),
        },
        summary: Summary {
            needs_action: assessment.needing_action(),
            counts,
        },
        verdicts: assessment
            .verdicts
            .iter()
            .filter_map(|verdict| verdict_out(assessment, &keys, &wording, verdict))
            .collect(),
    }
}

/// One council's verdicts as a JSON value.
pub fn to_value(assessment: &Assessment<'_>) -> serde_json::Value {
    serde_json::to_value(output(assessment)).unwrap_or(serde_json::Value::Null)
}

fn evidence<'a>(assessment: &Assessment<'a>, evidence: &'a Option<EvidenceRef>) -> Option<EvidenceOut<'a>> {
    let evidence = evidence.as_ref()?;
    let document = assessment.arrangement.document(evidence.document)?;
    Some(EvidenceOut {
        document: &document.key,
        title: &document.title,
        seed: document.seed.as_deref(),
        location: evidence.location.as_deref(),
    })
}

fn fact_out<'a>(assessment: &Assessment<'a>, keys: &Keys<'a>, wording: &Wording<'_>, used: &'a FactUse) -> FactOut<'a> {
    let (line, column) = assessment.sources.line_column(used.origin.span);
    FactOut {
        fact: keys.fact(&used.fact),
        from: boundary(used.during.from),
        until: boundary(used.during.until),
        basis: basis_name(used.basis),
        file: assessment.sources.name(used.origin.span.file),
        line,
        column,
        statement: wording.fact(&used.fact),
        evidence: evidence(assessment, &used.origin.evidence),
    }
}

fn verdict_out<'a>(
    assessment: &Assessment<'a>,
    keys: &Keys<'a>,
    wording: &Wording<'_>,
    verdict: &'a Verdict,
) -> Option<VerdictOut<'a>> {
    let duty = assessment.duty(verdict)?;
    let (kind, rule) = match &duty.kind {
        DutyKind::Rule { text, .. } => ("duty", Some(text.as_str())),
        DutyKind::Question { asks, .. } => ("question", Some(asks.as_str())),
    };
    let citations = assessment
        .citations(duty)
        .into_iter()
        .map(|paragraph| Citation {
            paragraph: &paragraph.key,
            edition: assessment
                .policy
                .edition(EditionId::from_index(paragraph.edition))
                .map_or("", |edition| edition.key.as_str()),
            section: &paragraph.section,
            text: paragraph.text.as_deref(),
            provenance: paragraph.provenance.kind(),
            source: paragraph.provenance.document().and_then(|document| {
                let document = assessment.policy.document(document)?;
                Some(SourceOut {
                    document: &document.key,
                    title: &document.title,
                    seed: document.seed.as_deref(),
                    quoted_by: match &paragraph.provenance {
                        Provenance::Quoted { by, .. } => Some(by.as_str()),
                        Provenance::Verbatim { .. } | Provenance::Paraphrase { .. } | Provenance::NotAtHand { .. } => {
                            None
                        }
                    },
                    note: document.note.as_deref(),
                })
            }),
        })
        .collect();
    let mut tags = serde_json::Map::new();
    for tag in &duty.tags {
        if let (Some(key), Some(value)) = (assessment.policy.tag_key(tag.key), assessment.policy.tag_value(*tag)) {
            tags.insert(key.key.clone(), serde_json::Value::String(value.to_owned()));
        }
    }
    let bindings = verdict
        .bindings
        .iter()
        .filter_map(|binding| {
            let entity = assessment.arrangement.entity(binding.entity)?;
            Some(BindingOut {
                role: binding.role.map(|role| keys.role(role)),
                holder: &entity.key,
                title: entity.label(),
            })
        })
        .collect();
    let answer = verdict
        .answer
        .and_then(|id| assessment.arrangement.answer(id))
        .map(|answer| AnswerOut {
            given: answer.given.map(|date| date.to_string()),
            by: answer.by.as_deref(),
            reference: answer.reference.as_deref(),
            text: &answer.text,
        });
    let departure = verdict
        .departure()
        .and_then(|id| assessment.arrangement.departure(id))
        .map(|departure| DepartureOut {
            reasons: &departure.reasons,
            approved_by: departure.approved_by.as_deref(),
            approved: departure.approved.map(|date| date.to_string()),
            review_by: departure.review_by.map(|date| date.to_string()),
        });
    Some(VerdictOut {
        duty: &duty.key,
        kind,
        title: duty.title.as_deref(),
        rule,
        modality: duty.modality.words(),
        statute: duty.statute.as_deref(),
        verdict: verdict.kind().name(),
        needs_action: verdict.kind().needs_action(),
        section: assessment.section(duty),
        citations,
        tags,
        bindings,
        facts: verdict
            .facts
            .iter()
            .map(|used| fact_out(assessment, keys, wording, used))
            .collect(),
        missing: verdict
            .missing
            .iter()
            .map(|missing| MissingOut {
                kind: missing.kind_name(),
                missing: keys.missing(missing),
                text: wording.missing(missing),
            })
            .collect(),
        reason: verdict.reason.kind_name(),
        explanation: wording.reason(verdict),
        notes: wording.notes(verdict),
        answer,
        departure,
    })
}

/// Whether a verdict name is one of the nine.
pub fn is_verdict_name(name: &str) -> bool {
    VerdictKind::from_name(name).is_some()
}
