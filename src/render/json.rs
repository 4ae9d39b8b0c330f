//! The JSON contract of `dcsc verify --format json`, documented in
//! `docs/json-output.md`. Key order is the order of the fields below, and
//! every list is in a fixed order, so the output is byte-identical for the
//! same input.

use serde::Serialize;

use super::Report;
use crate::eval::{FactUse, Verdict, VerdictKind};
use crate::model::{EvidenceRef, Provenance};

/// The version of the JSON contract. Raised when a field changes meaning
/// or is removed; adding a field does not raise it.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
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
    verdict: &'static str,
    needs_action: bool,
    section: &'a str,
    citations: Vec<Citation<'a>>,
    tags: serde_json::Map<String, serde_json::Value>,
    bindings: Vec<BindingOut<'a>>,
    facts: Vec<FactOut<'a>>,
    missing: &'a [String],
    explanation: &'a str,
    notes: &'a [String],
    answer: Option<AnswerOut<'a>>,
    departure: Option<DepartureOut<'a>>,
}

#[derive(Serialize)]
struct Citation<'a> {
    paragraph: &'a str,
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

#[derive(Serialize)]
struct FactOut<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    statement: &'a str,
    evidence: Option<EvidenceOut<'a>>,
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

impl<'a> Report<'a> {
    fn evidence(&self, evidence: &'a Option<EvidenceRef>) -> Option<EvidenceOut<'a>> {
        let evidence = evidence.as_ref()?;
        let document = self.arrangement.document(evidence.document)?;
        Some(EvidenceOut {
            document: &document.key,
            title: &document.title,
            seed: document.seed.as_deref(),
            location: evidence.location.as_deref(),
        })
    }

    fn fact(&self, fact: &'a FactUse) -> FactOut<'a> {
        let (line, column) = self.sources.line_column(fact.span);
        FactOut {
            file: self.sources.name(fact.span.file),
            line,
            column,
            statement: &fact.statement,
            evidence: self.evidence(&fact.evidence),
        }
    }

    fn verdict_out(&self, verdict: &'a Verdict) -> Option<VerdictOut<'a>> {
        let duty = self.duty(verdict)?;
        let (kind, rule) = match &duty.kind {
            crate::model::DutyKind::Rule { text, .. } => ("duty", Some(text.as_str())),
            crate::model::DutyKind::Question { asks, .. } => ("question", Some(asks.as_str())),
        };
        let citations = self
            .citations(duty)
            .into_iter()
            .map(|paragraph| Citation {
                paragraph: &paragraph.key,
                section: &paragraph.section,
                text: paragraph.text.as_deref(),
                provenance: paragraph.provenance.kind(),
                source: paragraph.provenance.document().and_then(|document| {
                    let document = self.policy.documents.get(document.index())?;
                    Some(SourceOut {
                        document: &document.key,
                        title: &document.title,
                        seed: document.seed.as_deref(),
                        quoted_by: match &paragraph.provenance {
                            Provenance::Quoted { by, .. } => Some(by.as_str()),
                            _ => None,
                        },
                        note: document.note.as_deref(),
                    })
                }),
            })
            .collect();
        let mut tags = serde_json::Map::new();
        for (key, value) in &duty.tags {
            if let Some(key) = self.policy.tag_keys.get(key.index()) {
                tags.insert(key.key.clone(), serde_json::Value::String(value.clone()));
            }
        }
        let bindings = verdict
            .bindings
            .iter()
            .filter_map(|binding| {
                let entity = self.arrangement.entity(binding.entity)?;
                Some(BindingOut {
                    role: binding
                        .role
                        .and_then(|role| self.policy.role(role))
                        .map(|role| role.key.as_str()),
                    holder: &entity.key,
                    title: entity.label(),
                })
            })
            .collect();
        let answer = verdict
            .answer
            .and_then(|index| self.arrangement.answers.get(index))
            .map(|answer| AnswerOut {
                given: answer.given.map(|date| date.to_string()),
                by: answer.by.as_deref(),
                reference: answer.reference.as_deref(),
                text: &answer.text,
            });
        let departure = verdict
            .departure
            .and_then(|index| self.arrangement.departures.get(index))
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
            verdict: verdict.kind.name(),
            needs_action: verdict.kind.needs_action(),
            section: self.section(duty),
            citations,
            tags,
            bindings,
            facts: verdict.facts.iter().map(|fact| self.fact(fact)).collect(),
            missing: &verdict.missing,
            explanation: &verdict.reason,
            notes: &verdict.notes,
            answer,
            departure,
        })
    }

    /// The report as a JSON value.
    pub fn to_json(&self) -> serde_json::Value {
        let base = self.policy.base();
        let mut counts = serde_json::Map::new();
        for (kind, count) in self.counts() {
            counts.insert(kind.name().to_owned(), serde_json::Value::from(count));
        }
        let output = Output {
            schema_version: SCHEMA_VERSION,
            guidance: Guidance {
                id: base.map_or("", |edition| edition.key.as_str()),
                title: base.map_or("", |edition| edition.title.as_str()),
                edition: base.and_then(|edition| edition.issued.map(|date| date.to_string())),
                force: base.map_or("", |edition| edition.force.word()),
                extended_by: self
                    .policy
                    .editions
                    .iter()
                    .skip(1)
                    .map(|edition| edition.key.as_str())
                    .collect(),
            },
            as_at: self.as_at.to_string(),
            arrangement: ArrangementInfo {
                id: &self.arrangement.key,
                council: self.arrangement.council_name(),
                path: self.sources.name(self.arrangement.file),
            },
            summary: Summary {
                needs_action: self
                    .verdicts
                    .iter()
                    .filter(|verdict| verdict.kind.needs_action())
                    .count(),
                counts,
            },
            verdicts: self
                .verdicts
                .iter()
                .filter_map(|verdict| self.verdict_out(verdict))
                .collect(),
        };
        serde_json::to_value(output).unwrap_or(serde_json::Value::Null)
    }
}

/// Whether a verdict name is one of the nine.
pub fn is_verdict_name(name: &str) -> bool {
    VerdictKind::ALL.iter().any(|kind| kind.name() == name)
}
