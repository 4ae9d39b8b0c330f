//! SARIF 2.1.0, for code-scanning dashboards: `check`'s diagnostics (one
//! rule per diagnostic code) and `verify`'s verdicts (one rule per duty or
//! question, one result per verdict, located at the council's facts).
//!
//! Verdicts map to SARIF's result kinds: what needs action is a `fail`
//! (level `error` for a breach of the law, `warning` for the rest, so the
//! dashboard and the exit status agree); a departure with recorded reasons
//! is `informational`, an answer for human judgement `review`, a met duty
//! `pass`, a duty whose condition does not hold `notApplicable`. SARIF
//! says a result that is not a `fail` has level `none`. Columns are
//! counted in Unicode code points (`columnKind`), as dcsc counts them.
//! Output holds no time or absolute path of its own, so the same input
//! gives the same bytes.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::eval::{Verdict, VerdictKind};
use crate::model::DutyKind;
use crate::outcome::Assessment;
use crate::source::{SourceMap, Span};
use crate::words::Standing;

/// Where SARIF's schema for version 2.1.0 is published.
pub const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF log of diagnostics, of one workspace or of several (a folder
/// of councils, each read on its own).
pub fn diagnostics(runs: &[(&SourceMap, &[Diagnostic])]) -> String {
    let mut codes: Vec<Code> = runs
        .iter()
        .flat_map(|(_, found)| found.iter().map(|diagnostic| diagnostic.code))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let rules: Vec<Value> = codes.iter().map(|code| code_rule(*code)).collect();
    let results: Vec<Value> = runs
        .iter()
        .flat_map(|(sources, found)| found.iter().map(move |diagnostic| (*sources, diagnostic)))
        .map(|(sources, diagnostic)| {
            let index = codes.iter().position(|code| *code == diagnostic.code).unwrap_or(0);
            diagnostic_result(sources, diagnostic, index)
        })
        .collect();
    log(rules, results, Map::new())
}

fn code_rule(code: Code) -> Value {
    let explanation = code.explain();
    json!({
        "id": explanation.code,
        "shortDescription": { "text": explanation.title },
        "fullDescription": { "text": explanation.meaning },
        "help": { "text": explanation.fix },
        "defaultConfiguration": { "level": if code.is_warning() { "warning" } else { "error" } },
    })
}

fn diagnostic_result(sources: &SourceMap, diagnostic: &Diagnostic, rule_index: usize) -> Value {
    let mut message = diagnostic.message.clone();
    for note in diagnostic.notes.iter().chain(&diagnostic.help) {
        message.push('\n');
        message.push_str(note);
    }
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(diagnostic.code.as_str()));
    result.insert("ruleIndex".into(), json!(rule_index));
    result.insert(
        "level".into(),
        json!(match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }),
    );
    result.insert("message".into(), json!({ "text": message }));
    if let Some(primary) = &diagnostic.primary {
        result.insert(
            "locations".into(),
            json!([location(sources, primary.span, Some(&primary.message))]),
        );
    }
    let related: Vec<Value> = diagnostic
        .secondary
        .iter()
        .enumerate()
        .map(|(index, label)| {
            let mut related = location(sources, label.span, Some(&label.message));
            if let Value::Object(map) = &mut related {
                map.insert("id".into(), json!(index));
            }
            related
        })
        .collect();
    if !related.is_empty() {
        result.insert("relatedLocations".into(), Value::Array(related));
    }
    Value::Object(result)
}

/// The SARIF log of `verify`'s verdicts, built council by council so that
/// a run over many councils keeps only the results, not every council.
#[derive(Debug, Default)]
pub struct VerdictLog {
    rules: Vec<Value>,
    rule_ids: Vec<String>,
    results: Vec<Value>,
    properties: Map<String, Value>,
}

impl VerdictLog {
    /// An empty log.
    pub fn new() -> VerdictLog {
        VerdictLog::default()
    }

    /// Adds one council's verdicts, a result each.
    pub fn add(&mut self, assessment: &Assessment<'_>) {
        self.properties
            .insert("asAt".into(), json!(assessment.as_at.to_string()));
        // Each council's own date and papers' end, beside its results.
        self.properties.insert(
            "asAtBasis".into(),
            json!(match assessment.date_basis {
                crate::DateBasis::Given => "given",
                crate::DateBasis::PapersEnd => "papers_end",
                crate::DateBasis::NoPapersDate => "no_papers_date",
            }),
        );
        self.properties.insert(
            "papersEnd".into(),
            json!(assessment.arrangement.papers_end.map(|end| end.to_string())),
        );
        self.properties.insert("dated".into(), json!(assessment.dated()));
        let (cited, recorded) = (assessment.words_at_hand(), assessment.words_recorded());
        let counts = |words: crate::WordsAtHand| {
            json!({
                "verbatim": words.verbatim,
                "quoted": words.quoted,
                "paraphrased": words.paraphrased,
                "notAtHand": words.not_at_hand,
            })
        };
        self.properties.insert(
            "guidanceWords".into(),
            json!({
                "cited": counts(cited),
                "recorded": counts(recorded),
                "text": crate::words::words_at_hand(cited, recorded),
            }),
        );
        let wording = assessment.wording();
        for verdict in assessment.verdicts {
            let Some(duty) = assessment.duty(verdict) else {
                continue;
            };
            let index = match self.rule_ids.iter().position(|id| *id == duty.key) {
                Some(index) => index,
                None => {
                    self.rule_ids.push(duty.key.clone());
                    self.rules.push(duty_rule(assessment, duty));
                    self.rule_ids.len() - 1
                }
            };
            let standing = Standing::of(verdict);
            let (kind, level) = match standing {
                // A permission asks nothing: whether it is used is for
                // information, never a pass.
                Standing::Permission(_) => ("informational", "none"),
                Standing::Verdict(verdict) => kind_and_level(verdict),
            };
            let mut result = Map::new();
            result.insert("ruleId".into(), json!(duty.key));
            result.insert("ruleIndex".into(), json!(index));
            result.insert("kind".into(), json!(kind));
            result.insert("level".into(), json!(level));
            result.insert(
                "message".into(),
                json!({ "text": format!("{}: {}", standing.name(), wording.reason(verdict)) }),
            );
            let (first, rest) = fact_locations(assessment, verdict);
            result.insert("locations".into(), json!([first]));
            if !rest.is_empty() {
                result.insert("relatedLocations".into(), Value::Array(rest));
            }
            let missing: Vec<&str> = verdict.missing.iter().map(|missing| missing.kind_name()).collect();
            result.insert(
                "properties".into(),
                json!({
                    "verdict": verdict.kind().name(),
                    "standing": standing.name(),
                    "inferred": !verdict.inferred_facts().is_empty(),
                    "reason": verdict.reason.kind_name(),
                    "missing": missing,
                    "council": assessment.arrangement.council.clone().unwrap_or_else(|| assessment.arrangement.key.clone()),
                    "asAt": assessment.as_at.to_string(),
                    "papersEnd": assessment.arrangement.papers_end.map(|end| end.to_string()),
                    "needsAction": verdict.kind().needs_action(),
                }),
            );
            self.results.push(Value::Object(result));
        }
    }

    /// The log as text.
    pub fn finish(self) -> String {
        log(self.rules, self.results, self.properties)
    }
}

/// SARIF's kind and level for a verdict.
pub fn kind_and_level(kind: VerdictKind) -> (&'static str, &'static str) {
    match kind {
        VerdictKind::Fail => ("fail", "error"),
        VerdictKind::Unexplained | VerdictKind::Unknown | VerdictKind::Missing | VerdictKind::Stale => {
            ("fail", "warning")
        }
        VerdictKind::Departure => ("informational", "none"),
        VerdictKind::Answered => ("review", "none"),
        VerdictKind::Pass => ("pass", "none"),
        VerdictKind::NotApplicable => ("notApplicable", "none"),
    }
}

fn duty_rule(assessment: &Assessment<'_>, duty: &crate::model::Duty) -> Value {
    let (what, text) = match &duty.kind {
        DutyKind::Rule { text, .. } => ("duty", text.as_str()),
        DutyKind::Question { asks, .. } => ("question", asks.as_str()),
    };
    let title = duty.title.clone().unwrap_or_else(|| text.to_owned());
    let paragraphs: Vec<String> = assessment
        .citations(duty)
        .iter()
        .map(|paragraph| match &paragraph.text {
            Some(words) => format!("Paragraph {} ({}): \"{words}\"", paragraph.key, paragraph.section),
            None => format!(
                "Paragraph {} ({}): the words are not at hand.",
                paragraph.key, paragraph.section
            ),
        })
        .collect();
    let mut help = format!("{} {}: {text}", capitalised(what), duty.key);
    if let Some(statute) = &duty.statute {
        let _ = write!(help, "\nStatute: {statute}");
    }
    for paragraph in &paragraphs {
        help.push('\n');
        help.push_str(paragraph);
    }
    json!({
        "id": duty.key,
        "shortDescription": { "text": title },
        "fullDescription": { "text": text },
        "help": { "text": help },
        "properties": {
            "modality": duty.modality.words(),
            "statute": duty.statute,
            "paragraphs": assessment.citations(duty).iter().map(|paragraph| paragraph.key.clone()).collect::<Vec<_>>(),
        },
    })
}

fn capitalised(word: &str) -> String {
    crate::words::capitalise(word)
}

/// Where a verdict points: its first fact (or, with none, the
/// arrangements header), and the others as related locations.
fn fact_locations(assessment: &Assessment<'_>, verdict: &Verdict) -> (Value, Vec<Value>) {
    let wording = assessment.wording();
    let mut facts = verdict.facts.iter();
    let first = match facts.next() {
        Some(used) => location(assessment.sources, used.origin.span, Some(&wording.fact(&used.fact))),
        None => location(assessment.sources, assessment.arrangement.span, None),
    };
    let rest = facts
        .enumerate()
        .map(|(index, used)| {
            let mut related = location(assessment.sources, used.origin.span, Some(&wording.fact(&used.fact)));
            if let Value::Object(map) = &mut related {
                map.insert("id".into(), json!(index));
            }
            related
        })
        .collect();
    (first, rest)
}

fn location(sources: &SourceMap, span: Span, message: Option<&str>) -> Value {
    let (start_line, start_column) = sources.line_column(span);
    let (end_line, end_column) = sources.get(span.file).map_or((start_line, start_column), |source| {
        source.line_column(span.end as usize)
    });
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(sources.name(span.file)) },
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column.max(1),
            },
        },
    });
    if let (Some(text), Value::Object(map)) = (message.filter(|text| !text.is_empty()), &mut location) {
        map.insert("message".into(), json!({ "text": text }));
    }
    location
}

/// A file's name as a URI reference: relative as given, or a `file:` URI
/// for an absolute path, every byte outside the unreserved set and `/`
/// percent-encoded.
fn uri(name: &str) -> String {
    let path = name.replace('\\', "/");
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                encoded.push(char::from(byte))
            }
            other => {
                let _ = write!(encoded, "%{other:02X}");
            }
        }
    }
    if path.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

fn log(rules: Vec<Value>, results: Vec<Value>, properties: Map<String, Value>) -> String {
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "dcsc",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let (false, Value::Object(map)) = (properties.is_empty(), &mut run) {
        map.insert("properties".into(), Value::Object(properties));
    }
    let value = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    });
    format!("{}\n", crate::visible::json(&value))
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn names_become_uri_references() {
        assert_eq!(uri("examples/coventry.dcs"), "examples/coventry.dcs");
        assert_eq!(uri("my council/a b.dcs"), "my%20council/a%20b.dcs");
        assert_eq!(uri("/home/x/c.dcs"), "file:///home/x/c.dcs");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}
