//! `dcsc coverage`: which paragraphs of the guidance are encoded by which
//! duties and questions, where each paragraph's words come from, and what
//! is left unencoded.

use serde::Serialize;

use crate::model::{DutyKind, Policy, Provenance};

/// One paragraph's coverage.
#[derive(Serialize)]
pub struct ParagraphCoverage<'a> {
    /// The paragraph key.
    pub paragraph: &'a str,
    /// Its section.
    pub section: &'a str,
    /// `verbatim`, `quoted`, `paraphrase` or `not_at_hand`.
    pub provenance: &'static str,
    /// The document its words come from.
    pub document: Option<&'a str>,
    /// Who quotes it, for quoted words.
    pub quoted_by: Option<&'a str>,
    /// The duties citing it.
    pub duties: Vec<&'a str>,
    /// The questions citing it.
    pub questions: Vec<&'a str>,
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
    /// Paragraphs no duty or question cites.
    pub unencoded: Vec<&'a str>,
    /// How many paragraphs are encoded.
    pub encoded: usize,
    /// How many paragraphs there are.
    pub total: usize,
    /// `encoded / total` as a percentage, to one decimal place.
    pub percent: String,
}

/// Measures a policy's coverage.
pub fn coverage(policy: &Policy) -> Coverage<'_> {
    let mut paragraphs = Vec::new();
    let mut sections: Vec<SectionCoverage<'_>> = Vec::new();
    for (index, paragraph) in policy.paragraphs.iter().enumerate() {
        let id = crate::model::ParagraphId::from_index(index);
        let citing = policy.duties.iter().filter(|duty| duty.cites.contains(&id));
        let (mut duties, mut questions) = (Vec::new(), Vec::new());
        for duty in citing {
            match duty.kind {
                DutyKind::Rule { .. } => duties.push(duty.key.as_str()),
                DutyKind::Question { .. } => questions.push(duty.key.as_str()),
            }
        }
        let encoded = !(duties.is_empty() && questions.is_empty());
        match sections.iter_mut().find(|section| section.section == paragraph.section) {
            Some(section) => {
                section.paragraphs += 1;
                section.encoded += usize::from(encoded);
            }
            None => sections.push(SectionCoverage {
                section: &paragraph.section,
                paragraphs: 1,
                encoded: usize::from(encoded),
            }),
        }
        paragraphs.push(ParagraphCoverage {
            paragraph: &paragraph.key,
            section: &paragraph.section,
            provenance: paragraph.provenance.kind(),
            document: paragraph
                .provenance
                .document()
                .and_then(|document| policy.documents.get(document.index()))
                .map(|document| document.key.as_str()),
            quoted_by: match &paragraph.provenance {
                Provenance::Quoted { by, .. } => Some(by.as_str()),
                _ => None,
            },
            duties,
            questions,
        });
    }
    let unencoded: Vec<&str> = paragraphs
        .iter()
        .filter(|paragraph| paragraph.duties.is_empty() && paragraph.questions.is_empty())
        .map(|paragraph| paragraph.paragraph)
        .collect();
    let total = paragraphs.len();
    let encoded = total - unencoded.len();
    Coverage {
        schema_version: 1,
        guidance: policy.editions.iter().map(|edition| edition.key.as_str()).collect(),
        paragraphs,
        sections,
        unencoded,
        encoded,
        total,
        percent: percent(encoded, total),
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
    /// The human listing.
    pub fn to_human(&self) -> String {
        let mut out = format!("Guidance coverage of {}\n", self.guidance.join(" + "));
        let mut current = "";
        for paragraph in &self.paragraphs {
            if paragraph.section != current {
                current = paragraph.section;
                let section = self.sections.iter().find(|section| section.section == current);
                let (encoded, total) = section.map_or((0, 0), |section| (section.encoded, section.paragraphs));
                out.push_str(&format!("\n{current} ({encoded} of {total} paragraphs encoded)\n"));
            }
            let source = match (paragraph.provenance, paragraph.document, paragraph.quoted_by) {
                ("quoted", Some(document), Some(by)) => format!("quoted by {by} in {document}"),
                (kind, Some(document), _) => format!("{kind} from {document}"),
                (kind, None, _) => kind.replace('_', " "),
            };
            out.push_str(&format!("  {}  ({source})\n", paragraph.paragraph));
            if paragraph.duties.is_empty() && paragraph.questions.is_empty() {
                out.push_str("      NOT ENCODED\n");
            }
            for duty in &paragraph.duties {
                out.push_str(&format!("      duty {duty}\n"));
            }
            for question in &paragraph.questions {
                out.push_str(&format!("      question {question}\n"));
            }
        }
        if self.unencoded.is_empty() {
            out.push_str("\nEvery paragraph is encoded.\n");
        } else {
            out.push_str(&format!("\nNot encoded: {}\n", self.unencoded.join(", ")));
        }
        let sections_done = self.sections.iter().filter(|section| section.encoded > 0).count();
        out.push_str(&format!(
            "{} of {} sections have encoded paragraphs.\n",
            sections_done,
            self.sections.len()
        ));
        out.push_str(&format!(
            "Coverage: {} of {} paragraphs encoded ({}%).\n",
            self.encoded, self.total, self.percent
        ));
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
