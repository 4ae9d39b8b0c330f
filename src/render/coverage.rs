//! `dcsc coverage`: which paragraphs of the guidance are encoded by which
//! duties and questions, where each paragraph's words come from, and what
//! is left unencoded.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Citation, DutyKind, EditionId, Encodes, Paragraph, Policy, Provenance};

/// One paragraph's coverage.
#[derive(Serialize)]
pub struct ParagraphCoverage<'a> {
    /// The paragraph key.
    pub paragraph: &'a str,
    /// The edition or amendment these words come from.
    pub edition: &'a str,
    /// Its section.
    pub section: &'a str,
    /// `verbatim`, `quoted`, `paraphrase` or `not_at_hand`.
    pub provenance: &'static str,
    /// The document its words come from.
    pub document: Option<&'a str>,
    /// Who quotes it, for quoted words.
    pub quoted_by: Option<&'a str>,
    /// What coverage it has: `not_at_hand` (its words are not at hand:
    /// whatever cites it, what it says cannot be encoded, so it is listed
    /// apart and never counted), `encoded` (every sentence is encoded by a
    /// duty, question or law), `partly_encoded` (some are), `descriptive`
    /// (it describes the guidance and asks nothing) or `not_encoded`.
    pub status: &'static str,
    /// How many sentences its words have (none when not at hand).
    pub sentences: usize,
    /// The sentences (from 1) some duty, question or law encodes.
    pub encoded_sentences: Vec<usize>,
    /// The sentences that ask something and none encodes (a sentence
    /// marked as asking nothing is in neither list unless encoded).
    pub unencoded_sentences: Vec<usize>,
    /// The duties encoding some of it.
    pub duties: Vec<&'a str>,
    /// The questions encoding some of it.
    pub questions: Vec<&'a str>,
    /// The laws encoding some of it.
    pub laws: Vec<&'a str>,
    /// The duties, questions and laws citing it for its context only.
    pub context: Vec<&'a str>,
}

/// One section's coverage.
#[derive(Serialize)]
pub struct SectionCoverage<'a> {
    /// The section heading.
    pub section: &'a str,
    /// Its paragraphs.
    pub paragraphs: usize,
    /// How many are encoded.
    pub encoded: usize,
    /// How many could be: neither descriptive nor without their words.
    pub encodable: usize,
}

/// The coverage of a policy.
#[derive(Serialize)]
pub struct Coverage<'a> {
    /// The version of this JSON shape.
    pub schema_version: u32,
    /// The guidance (and local policies) measured.
    pub guidance: Vec<&'a str>,
    /// Every paragraph, in the policy's order.
    pub paragraphs: Vec<ParagraphCoverage<'a>>,
    /// Every section, in order of first appearance.
    pub sections: Vec<SectionCoverage<'a>>,
    /// Paragraphs that could be encoded and that no duty, question or law
    /// encodes any sentence of.
    pub unencoded: Vec<&'a str>,
    /// Paragraphs some but not all of whose sentences are encoded.
    pub partly_encoded: Vec<&'a str>,
    /// How many paragraphs are encoded, every sentence.
    pub encoded: usize,
    /// How many describe the guidance and ask nothing.
    pub descriptive: usize,
    /// How many have no words at hand (cited or not): never counted as
    /// encoded.
    pub not_at_hand: usize,
    /// How many paragraphs there are.
    pub total: usize,
    /// `encoded` as a percentage of the paragraphs that could be encoded
    /// (neither descriptive nor without their words), to one decimal
    /// place.
    pub percent: String,
}

/// Measures a policy's coverage.
pub fn coverage(policy: &Policy) -> Coverage<'_> {
    let mut paragraphs = Vec::new();
    let mut sections: Vec<SectionCoverage<'_>> = Vec::new();
    for paragraph in &policy.paragraphs {
        let measured = paragraph_coverage(policy, paragraph);
        count_in_section(&mut sections, &measured);
        paragraphs.push(measured);
    }
    let count = |wanted: &str| paragraphs.iter().filter(|paragraph| paragraph.status == wanted).count();
    let (encoded, descriptive, not_at_hand) = (count("encoded"), count("descriptive"), count("not_at_hand"));
    let keys = |wanted: &str| -> Vec<&str> {
        paragraphs
            .iter()
            .filter(|paragraph| paragraph.status == wanted)
            .map(|paragraph| paragraph.paragraph)
            .collect()
    };
    let (unencoded, partly_encoded) = (keys("not_encoded"), keys("partly_encoded"));
    let total = paragraphs.len();
    Coverage {
        schema_version: 4,
        guidance: policy.editions.iter().map(|edition| edition.key.as_str()).collect(),
        percent: percent(encoded, encoded + partly_encoded.len() + unencoded.len()),
        paragraphs,
        sections,
        unencoded,
        partly_encoded,
        encoded,
        descriptive,
        not_at_hand,
        total,
    }
}

/// One paragraph's coverage: what encodes which of its sentences, and so
/// its status.
fn paragraph_coverage<'a>(policy: &'a Policy, paragraph: &'a Paragraph) -> ParagraphCoverage<'a> {
    // A later version of a paragraph (an amendment's words) is cited
    // through its first.
    let id = paragraph.family;
    let sentences = paragraph.sentences().len();
    let mut encoded = vec![false; sentences];
    let (mut duties, mut questions, mut laws, mut context) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let citing = policy
        .duties
        .iter()
        .map(|duty| (duty.key.as_str(), Some(&duty.kind), &duty.citations))
        .chain(policy.laws.iter().map(|law| (law.key.as_str(), None, &law.citations)));
    for (key, kind, citations) in citing {
        let own: Vec<&Citation> = citations.iter().filter(|citation| citation.paragraph == id).collect();
        if own.is_empty() {
            continue;
        }
        let mut encodes_some = false;
        for (number, done) in (1..).zip(encoded.iter_mut()) {
            if own.iter().any(|citation| citation.encodes.encodes(number)) {
                *done = true;
                encodes_some = true;
            }
        }
        // Words not at hand have no sentences: a whole citation of them
        // names the item beside the paragraph, as before.
        if sentences == 0 && own.iter().any(|citation| citation.encodes == Encodes::Whole) {
            encodes_some = true;
        }
        let list = match (encodes_some, kind) {
            (false, _) => &mut context,
            (true, Some(DutyKind::Rule { .. })) => &mut duties,
            (true, Some(DutyKind::Question { .. })) => &mut questions,
            (true, None) => &mut laws,
        };
        list.push(key);
    }
    // A sentence that asks nothing needs no encoding, and is listed
    // neither way unless something encodes it.
    let numbered = || {
        (1..)
            .zip(encoded.iter())
            .filter(|(number, done)| **done || !(paragraph.descriptive || paragraph.asks_nothing.contains(number)))
    };
    let encoded_sentences: Vec<usize> = numbered()
        .filter(|(_, done)| **done)
        .map(|(number, _)| number)
        .collect();
    let unencoded_sentences: Vec<usize> = numbered()
        .filter(|(_, done)| !**done)
        .map(|(number, _)| number)
        .collect();
    // Words not at hand cannot have been encoded, whatever cites them: a
    // duty citing such a paragraph rests on the paragraphs beside it.
    let status = if matches!(paragraph.provenance, Provenance::NotAtHand { .. }) {
        "not_at_hand"
    } else if paragraph.descriptive {
        "descriptive"
    } else if !encoded_sentences.is_empty() && unencoded_sentences.is_empty() {
        "encoded"
    } else if encoded_sentences.is_empty() {
        "not_encoded"
    } else {
        "partly_encoded"
    };
    ParagraphCoverage {
        paragraph: &paragraph.key,
        edition: policy
            .edition(EditionId::from_index(paragraph.edition))
            .map_or("", |edition| edition.key.as_str()),
        section: &paragraph.section,
        provenance: paragraph.provenance.kind(),
        document: paragraph
            .provenance
            .document()
            .and_then(|document| policy.document(document))
            .map(|document| document.key.as_str()),
        quoted_by: match &paragraph.provenance {
            Provenance::Quoted { by, .. } => Some(by.as_str()),
            Provenance::Verbatim { .. } | Provenance::Paraphrase { .. } | Provenance::NotAtHand { .. } => None,
        },
        status,
        sentences,
        encoded_sentences,
        unencoded_sentences,
        duties,
        questions,
        laws,
        context,
    }
}

/// Counts a paragraph in its section, the section added at its first
/// paragraph.
fn count_in_section<'a>(sections: &mut Vec<SectionCoverage<'a>>, paragraph: &ParagraphCoverage<'a>) {
    let cited = paragraph.status == "encoded";
    let encodable = matches!(paragraph.status, "encoded" | "partly_encoded" | "not_encoded");
    match sections.iter_mut().find(|section| section.section == paragraph.section) {
        Some(section) => {
            section.paragraphs += 1;
            section.encoded += usize::from(cited);
            section.encodable += usize::from(encodable);
        }
        None => sections.push(SectionCoverage {
            section: paragraph.section,
            paragraphs: 1,
            encoded: usize::from(cited),
            encodable: usize::from(encodable),
        }),
    }
}

/// Sentence numbers as words: "sentence 2", "sentences 1, 3".
fn numbers(numbers: &[usize]) -> String {
    let list = numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
    match numbers {
        [_] => format!("sentence {list}"),
        _ => format!("sentences {list}"),
    }
}

/// A percentage to one decimal place, computed in integers so it never
/// prints as 99.99999.
fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0.0".to_owned();
    }
    let tenths = (part * 1000 + whole / 2) / whole;
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl Coverage<'_> {
    /// Whether the share encoded is below `percent` (`--fail-under`),
    /// compared in tenths of a percent as printed.
    pub fn under(&self, percent: f64) -> bool {
        let tenths: f64 = self
            .percent
            .split_once('.')
            .and_then(|(whole, tenth)| Some(whole.parse::<u32>().ok()? * 10 + tenth.parse::<u32>().ok()?))
            .map_or(0.0, f64::from);
        tenths < (percent * 10.0).round()
    }

    /// The human listing, with the hidden characters of the policy's words
    /// shown (see [`crate::visible`]).
    pub fn to_human(&self) -> String {
        crate::visible::escape_owned(self.listing())
    }

    fn listing(&self) -> String {
        let mut out = format!("Guidance coverage of {}\n", self.guidance.join(" + "));
        let mut current = "";
        for paragraph in &self.paragraphs {
            if paragraph.section != current {
                current = paragraph.section;
                let section = self.sections.iter().find(|section| section.section == current);
                let (encoded, encodable, total) = section.map_or((0, 0, 0), |section| {
                    (section.encoded, section.encodable, section.paragraphs)
                });
                let _ = writeln!(
                    out,
                    "\n{current} ({encoded} of {encodable} encodable paragraphs encoded, of {total})"
                );
            }
            let source = match (paragraph.provenance, paragraph.document, paragraph.quoted_by) {
                ("quoted", Some(document), Some(by)) => format!("quoted by {by} in {document}"),
                (kind, Some(document), _) => format!("{kind} from {document}"),
                (kind, None, _) => kind.replace('_', " "),
            };
            // Words an amendment gives say which.
            let amended = if self.guidance.first().is_some_and(|base| *base == paragraph.edition) {
                String::new()
            } else {
                format!(", words of {}", paragraph.edition)
            };
            let _ = writeln!(out, "  {}  ({source}{amended})", paragraph.paragraph);
            match paragraph.status {
                "descriptive" => out.push_str("      descriptive: asks nothing of a council\n"),
                "not_at_hand" => out.push_str("      words not at hand: not counted, whatever cites it\n"),
                "not_encoded" => out.push_str("      NOT ENCODED\n"),
                "partly_encoded" => {
                    let _ = writeln!(
                        out,
                        "      PARTLY ENCODED: {} of {} encoded; {} not",
                        numbers(&paragraph.encoded_sentences),
                        paragraph.sentences,
                        numbers(&paragraph.unencoded_sentences)
                    );
                }
                _ => {}
            }
            for duty in &paragraph.duties {
                let _ = writeln!(out, "      duty {duty}");
            }
            for question in &paragraph.questions {
                let _ = writeln!(out, "      question {question}");
            }
            for law in &paragraph.laws {
                let _ = writeln!(out, "      law {law}");
            }
            for item in &paragraph.context {
                let _ = writeln!(out, "      context only: {item}");
            }
        }
        if self.unencoded.is_empty() && self.partly_encoded.is_empty() {
            out.push_str("\nEvery encodable paragraph is encoded.\n");
        } else {
            out.push('\n');
        }
        if !self.partly_encoded.is_empty() {
            let _ = writeln!(out, "Partly encoded: {}", self.partly_encoded.join(", "));
        }
        if !self.unencoded.is_empty() {
            let _ = writeln!(out, "Not encoded: {}", self.unencoded.join(", "));
        }
        let sections_done = self.sections.iter().filter(|section| section.encoded > 0).count();
        let _ = writeln!(
            out,
            "{} of {} sections have encoded paragraphs.",
            sections_done,
            self.sections.len()
        );
        let _ = writeln!(
            out,
            "Coverage: {} of {} encodable paragraphs encoded ({}%), {} partly; {} descriptive, {} with their words not at hand; {} paragraphs in all.",
            self.encoded,
            self.encoded + self.partly_encoded.len() + self.unencoded.len(),
            self.percent,
            self.partly_encoded.len(),
            self.descriptive,
            self.not_at_hand,
            self.total
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percentages_round_to_one_place() {
        assert_eq!(percent(87, 87), "100.0");
        assert_eq!(percent(2, 3), "66.7");
        assert_eq!(percent(0, 5), "0.0");
        assert_eq!(percent(0, 0), "0.0");
    }
}
