//! The facts a verdict consulted, in the JSON contract: each fact's kind
//! and typed fields (changes and causes among them), when it held, where
//! it is stated, and its words.

use serde::Serialize;

use super::keys::Keys;
use crate::eval::{Change, ChangeDetail, Fact, FactUse};
use crate::model::{Basis, EvidenceRef, TypedValue};
use crate::words::Wording;
use crate::Assessment;

/// A fact consulted: its kind and typed fields, when it held and how it is
/// known, then where it is stated.
#[derive(Serialize)]
pub(super) struct FactOut<'a> {
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
pub(super) struct ChangeOut<'a> {
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
    FirstSeenCombined {
        entity: &'a str,
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

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum FactKindOut<'a> {
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
    Life {
        entity: &'a str,
    },
    Provider {
        service: &'a str,
        provider: &'a str,
    },
    Employer {
        post: &'a str,
        employer: &'a str,
    },
    Secondment {
        post: &'a str,
        council: &'a str,
        seconded: &'static str,
    },
    Event {
        event: &'a str,
        event_kind: &'static str,
        date: Option<String>,
        /// A review's outcome as the language words it: `not_quoted` (a
        /// conclusion recorded, not quoted) is told apart from `unknown`
        /// (none recorded).
        #[serde(skip_serializing_if = "Option::is_none")]
        outcome: Option<&'static str>,
        /// Whether the papers only imply the outcome.
        #[serde(skip_serializing_if = "Option::is_none")]
        outcome_inferred: Option<bool>,
        /// Whether the papers only imply who carried it out.
        #[serde(skip_serializing_if = "Option::is_none")]
        by_inferred: Option<bool>,
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

#[derive(Serialize)]
struct EvidenceOut<'a> {
    document: &'a str,
    title: &'a str,
    date: Option<String>,
    address: Option<&'a str>,
    seed: Option<&'a str>,
    location: Option<&'a str>,
}

impl<'a> Keys<'a> {
    pub(super) fn fact(&self, fact: &Fact) -> FactKindOut<'a> {
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
            Fact::Life { entity } => FactKindOut::Life {
                entity: self.entity(*entity),
            },
            Fact::Provider { service, party } => FactKindOut::Provider {
                service: self.entity(*service),
                provider: self.party(*party, "in_house"),
            },
            Fact::Employer { post, party } => FactKindOut::Employer {
                post: self.entity(*post),
                employer: self.party(*party, "council"),
            },
            Fact::Secondment { post, secondment } => FactKindOut::Secondment {
                post: self.entity(*post),
                council: self.entity(secondment.council),
                seconded: match secondment.seconded {
                    crate::model::Seconded::From => "from",
                    crate::model::Seconded::To => "to",
                },
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
                    date: found.and_then(|event| self.dated(event.at)),
                    outcome: found
                        .and_then(|event| event.outcome)
                        .map(crate::model::ReviewOutcome::word),
                    outcome_inferred: found
                        .filter(|event| event.outcome.is_some())
                        .map(|event| event.outcome_basis == Basis::Inferred),
                    by_inferred: found
                        .filter(|event| !event.by.is_empty())
                        .map(|event| event.by_basis == Basis::Inferred),
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

    pub(super) fn change(&self, change: &Change) -> ChangeOut<'a> {
        ChangeOut {
            role: self.role(change.role),
            date: self.dated(change.at),
            event: change.event.map(|event| self.event(event)),
            details: change.details.iter().map(|detail| self.change_detail(detail)).collect(),
        }
    }

    /// One difference a change made.
    fn change_detail(&self, detail: &ChangeDetail) -> ChangeDetailOut<'a> {
        match detail {
            ChangeDetail::Recorded => ChangeDetailOut::Recorded,
            ChangeDetail::Holders { before, after } => ChangeDetailOut::Holders {
                before: self.entities(before),
                after: self.entities(after),
            },
            ChangeDetail::FirstSeenCombined { entity } => ChangeDetailOut::FirstSeenCombined {
                entity: self.entity(*entity),
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
        }
    }
}

fn evidence<'a>(assessment: &Assessment<'a>, evidence: Option<&'a EvidenceRef>) -> Option<EvidenceOut<'a>> {
    let evidence = evidence?;
    let document = assessment.arrangement.document(evidence.document)?;
    Some(EvidenceOut {
        document: &document.key,
        title: &document.title,
        date: document.date.map(|date| date.to_string()),
        address: document.address.as_deref(),
        seed: document.seed.as_deref(),
        location: evidence.location.as_deref(),
    })
}

pub(super) fn fact_out<'a>(
    assessment: &Assessment<'a>,
    keys: &Keys<'a>,
    wording: &Wording<'_>,
    used: &'a FactUse,
) -> FactOut<'a> {
    let (line, column) = assessment.sources.line_column(used.origin.span);
    FactOut {
        fact: keys.fact(&used.fact),
        from: used.during.from.map(|from| keys.instant(from)),
        until: used.during.until.map(|until| keys.instant(until)),
        basis: basis_name(used.basis),
        file: assessment.sources.name(used.origin.span.file),
        line,
        column,
        statement: wording.fact(&used.fact),
        evidence: evidence(assessment, used.origin.evidence.as_deref()),
    }
}

fn basis_name(basis: Basis) -> &'static str {
    match basis {
        Basis::Stated => "stated",
        Basis::Inferred => "inferred",
        Basis::Possibly => "possibly",
        Basis::Suggested => "suggested",
        Basis::Proposed => "proposed",
    }
}

pub(super) fn value_json(value: &TypedValue) -> serde_json::Value {
    match value {
        TypedValue::Int(number) => serde_json::Value::from(*number),
        TypedValue::Bool(value) => serde_json::Value::Bool(*value),
        TypedValue::Text(text) => serde_json::Value::String(text.clone()),
        TypedValue::Date(date) => serde_json::Value::String(date.to_string()),
    }
}
