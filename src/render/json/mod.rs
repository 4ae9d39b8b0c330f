//! The JSON contract of `dcsc verify --format json`, documented in
//! `docs/json-output.md` and described by `docs/verify-output.schema.json`.
//! Key order is the order of the fields below, and every list is in a fixed
//! order, so the output is byte-identical for the same input.
//!
//! `mod.rs` holds the output and each verdict's own fields; `fact.rs` the
//! facts consulted (and the changes and causes they name), `missing.rs`
//! the facts missing, and `keys.rs` the keys that name what they point to.

mod fact;
mod keys;
mod missing;
mod time;

use serde::Serialize;

use self::fact::{fact_out, FactOut};
use self::keys::Keys;
use self::missing::{missing_out, MissingOut};
use crate::eval::{Verdict, VerdictKind};
use crate::model::{Duty, DutyKind, EditionId, Paragraph, Provenance};
use crate::words::{Permission, Wording};
use crate::Assessment;

/// The version of the JSON contract. Raised when a field changes meaning
/// or is removed; adding a field does not raise it. Version 2 made
/// `missing` a list of typed objects and gave every fact a `kind`.
pub const SCHEMA_VERSION: u32 = 3;

/// One council's verdicts in the JSON contract, ready to serialise.
#[derive(Serialize)]
pub struct Output<'a> {
    schema_version: u32,
    guidance: Guidance<'a>,
    as_at: String,
    as_at_basis: &'static str,
    papers_end: Option<PapersEndOut>,
    guidance_words: GuidanceWordsOut,
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
    beside: Vec<BesideOut<'a>>,
    enacted_not_in_force: Vec<&'a str>,
}

/// An Act, or an edition of another guidance, beside the guidance.
#[derive(Serialize)]
struct BesideOut<'a> {
    id: &'a str,
    title: &'a str,
    force: &'a str,
    /// Whether it had surely taken effect (false: its date in force is
    /// given only to a month or year that holds the date).
    in_force: bool,
}

#[derive(Serialize)]
struct AmendmentOut<'a> {
    id: &'a str,
    instrument: Option<&'a str>,
    /// Whether it had surely taken effect for the council (false: its
    /// papers date the commencement in its area only to a month or year).
    in_force: bool,
}

/// How the guidance's words are at hand: for the paragraphs the verdicts
/// cite, and for every paragraph recorded as in force for the council.
#[derive(Serialize)]
struct GuidanceWordsOut {
    cited: WordsOut,
    recorded: WordsOut,
}

/// Paragraphs by how their words are at hand.
#[derive(Serialize)]
struct WordsOut {
    verbatim: usize,
    quoted: usize,
    paraphrased: usize,
    not_at_hand: usize,
}

impl WordsOut {
    fn of(words: crate::WordsAtHand) -> WordsOut {
        WordsOut {
            verbatim: words.verbatim,
            quoted: words.quoted,
            paraphrased: words.paraphrased,
            not_at_hand: words.not_at_hand,
        }
    }
}

/// Where the council's papers end, and how that is known.
#[derive(Serialize)]
struct PapersEndOut {
    date: String,
    kind: &'static str,
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
    counts: Entries<&'static str, usize>,
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
    permission: Option<&'static str>,
    needs_action: bool,
    inferred: bool,
    section: &'a str,
    citations: Vec<Citation<'a>>,
    tags: Entries<&'a str, &'a str>,
    bindings: Vec<BindingOut<'a>>,
    facts: Vec<FactOut<'a>>,
    missing: Vec<MissingOut<'a>>,
    reason: &'static str,
    explanation: String,
    notes: Vec<String>,
    answer: Option<AnswerOut<'a>>,
    departure: Option<DepartureOut<'a>>,
    on_the_papers: Option<LastOut>,
}

/// For a verdict past the end of the papers, the verdict they supported as
/// at their end.
#[derive(Serialize)]
struct LastOut {
    as_at: String,
    verdict: &'static str,
    permission: Option<&'static str>,
    inferred: bool,
    reason: &'static str,
    explanation: String,
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
    date: Option<String>,
    address: Option<&'a str>,
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
struct AnswerOut<'a> {
    given: Option<String>,
    by: Option<&'a str>,
    reference: Option<&'a str>,
    text: &'a str,
    /// Whether `text` is the council's words (`false`: why they are not at
    /// hand).
    words_at_hand: bool,
}

#[derive(Serialize)]
struct DepartureOut<'a> {
    reasons: &'a str,
    approved_by: Option<&'a str>,
    approved: Option<String>,
    review_by: Option<String>,
}

/// One council's verdicts in the JSON contract.
pub fn output<'a>(assessment: &'a Assessment<'a>) -> Output<'a> {
    let base = assessment.policy.base();
    let mut counts = Entries::default();
    for (kind, count) in assessment.counts() {
        counts.insert(kind.name(), count);
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
                .filter(|(_, holding)| holding.possible())
                .map(|(edition, _)| edition.key.as_str())
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
            beside: assessment
                .beside()
                .into_iter()
                .map(|(edition, holding)| BesideOut {
                    id: &edition.key,
                    title: &edition.title,
                    force: edition.force.word(),
                    in_force: holding == crate::date::Holding::Yes,
                })
                .collect(),
            enacted_not_in_force: assessment
                .awaiting_commencement()
                .into_iter()
                .map(|edition| edition.key.as_str())
                .collect(),
        },
        as_at: assessment.as_at.to_string(),
        as_at_basis: match assessment.date_basis {
            crate::DateBasis::Given => "given",
            crate::DateBasis::PapersEnd => "papers_end",
            crate::DateBasis::NoPapersDate => "no_papers_date",
        },
        papers_end: assessment.arrangement.papers_end().map(|(end, kind)| PapersEndOut {
            date: end.to_string(),
            kind: missing::papers_end_name(kind),
        }),
        guidance_words: GuidanceWordsOut {
            cited: WordsOut::of(assessment.words_at_hand()),
            recorded: WordsOut::of(assessment.words_recorded()),
        },
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

/// One council's verdicts as the JSON text `verify --format json` writes,
/// written at `depth` inside enclosing arrays (see
/// [`crate::visible::json_at`]): the same text as [`to_value`] printed,
/// serialised straight from the contract's types, so no
/// `serde_json::Value` is built (every string copied, every key hashed)
/// only to be printed and dropped.
pub fn to_text(assessment: &Assessment<'_>, depth: usize) -> String {
    crate::visible::json_at(&output(assessment), depth)
}

/// Keys and values written as one JSON object, in the order first
/// inserted, a key inserted again keeping its place and taking the new
/// value: what a `serde_json::Map` (which keeps insertion order) writes.
/// A `Map` hashes every key with a seed drawn afresh for each map, so the
/// work it does differs from run to run on the same input; these objects
/// are small (a count per verdict kind, a duty's tags), so a list
/// searched in order does the same with no hashing.
struct Entries<K, V>(Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<K: PartialEq, V> Entries<K, V> {
    fn insert(&mut self, key: K, value: V) {
        match self.0.iter_mut().find(|(existing, _)| *existing == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }
}

impl<K: Serialize, V: Serialize> Serialize for Entries<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
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
    Some(VerdictOut {
        duty: &duty.key,
        kind,
        title: duty.title.as_deref(),
        rule,
        modality: duty.modality.words(),
        statute: duty.statute.as_deref(),
        verdict: verdict.kind().name(),
        permission: Permission::of(&verdict.reason).map(Permission::short_name),
        needs_action: verdict.kind().needs_action(),
        inferred: !verdict.inferred_facts().is_empty(),
        section: assessment.section(duty),
        citations: citations(assessment, duty),
        tags: tags(assessment, duty),
        bindings: bindings(assessment, keys, verdict),
        facts: verdict
            .facts
            .iter()
            .map(|used| fact_out(assessment, keys, wording, used))
            .collect(),
        missing: verdict
            .missing
            .iter()
            .map(|missing| missing_out(keys, wording, missing))
            .collect(),
        reason: verdict.reason.kind_name(),
        explanation: wording.reason(verdict),
        notes: wording.notes(verdict),
        answer: answer_out(assessment, verdict),
        departure: departure_out(assessment, verdict),
        on_the_papers: last_out(wording, verdict),
    })
}

/// What the papers supported as at their end, for a verdict past it.
fn last_out(wording: &Wording<'_>, verdict: &Verdict) -> Option<LastOut> {
    let crate::eval::Reason::PastPapersEnd { end, last: Some(last) } = &verdict.reason else {
        return None;
    };
    Some(LastOut {
        as_at: end.to_string(),
        verdict: last.kind().name(),
        permission: Permission::of(&last.reason).map(Permission::short_name),
        inferred: !last.inferred_facts().is_empty(),
        reason: last.reason.kind_name(),
        explanation: wording.reason(last),
    })
}

/// The paragraphs a duty cites, each with its words and their source.
fn citations<'a>(assessment: &Assessment<'a>, duty: &Duty) -> Vec<Citation<'a>> {
    assessment
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
            source: source_out(assessment, paragraph),
        })
        .collect()
}

/// The document a paragraph's words come from.
fn source_out<'a>(assessment: &Assessment<'a>, paragraph: &'a Paragraph) -> Option<SourceOut<'a>> {
    paragraph.provenance.document().and_then(|document| {
        let document = assessment.policy.document(document)?;
        Some(SourceOut {
            document: &document.key,
            title: &document.title,
            date: document.date.map(|date| date.to_string()),
            address: document.address.as_deref(),
            seed: document.seed.as_deref(),
            quoted_by: match &paragraph.provenance {
                Provenance::Quoted { by, .. } => Some(by.as_str()),
                Provenance::Verbatim { .. } | Provenance::Paraphrase { .. } | Provenance::NotAtHand { .. } => None,
            },
            note: document.note.as_deref(),
        })
    })
}

/// A duty's tags, by key.
fn tags<'a>(assessment: &Assessment<'a>, duty: &'a Duty) -> Entries<&'a str, &'a str> {
    let mut tags = Entries::default();
    for tag in &duty.tags {
        if let (Some(key), Some(value)) = (assessment.policy.tag_key(tag.key), assessment.policy.tag_value(*tag)) {
            tags.insert(key.key.as_str(), value);
        }
    }
    tags
}

/// Whom a verdict's roles were bound to.
fn bindings<'a>(assessment: &Assessment<'a>, keys: &Keys<'a>, verdict: &Verdict) -> Vec<BindingOut<'a>> {
    verdict
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
        .collect()
}

/// The council's answer a question's verdict is about.
fn answer_out<'a>(assessment: &Assessment<'a>, verdict: &Verdict) -> Option<AnswerOut<'a>> {
    verdict
        .answer
        .and_then(|id| assessment.arrangement.answer(id))
        .map(|answer| AnswerOut {
            given: Keys { assessment }.dated(answer.given),
            by: answer.by.as_deref(),
            reference: answer.reference.as_deref(),
            text: answer.text.text(),
            words_at_hand: answer.text.at_hand(),
        })
}

/// The departure a verdict's reason names.
fn departure_out<'a>(assessment: &Assessment<'a>, verdict: &Verdict) -> Option<DepartureOut<'a>> {
    verdict
        .departure()
        .and_then(|id| assessment.arrangement.departure(id))
        .map(|departure| DepartureOut {
            reasons: &departure.reasons,
            approved_by: departure.approved_by.as_deref(),
            approved: departure.approved.map(|date| date.to_string()),
            review_by: departure.review_by.map(|date| date.to_string()),
        })
}

/// Whether a verdict name is one of the nine.
pub fn is_verdict_name(name: &str) -> bool {
    VerdictKind::from_name(name).is_some()
}
