//! The render stage: verdicts to what people and tools read. Nothing here
//! decides a verdict; it only presents what evaluation found.

pub mod coverage;
pub mod explain;
pub mod human;
pub mod json;

use crate::date::Day;
use crate::eval::{Verdict, VerdictKind};
use crate::model::{Arrangement, Duty, Paragraph, Policy};
use crate::source::SourceMap;

/// Everything a rendering of one arrangement's verdicts needs.
pub struct Report<'a> {
    /// The source files, for snippets and positions.
    pub sources: &'a SourceMap,
    /// The policy evaluated.
    pub policy: &'a Policy,
    /// The arrangement evaluated.
    pub arrangement: &'a Arrangement,
    /// The verdicts, in policy order.
    pub verdicts: &'a [Verdict],
    /// The date evaluated as at.
    pub as_at: Day,
}

impl<'a> Report<'a> {
    /// The duty a verdict is about.
    pub fn duty(&self, verdict: &Verdict) -> Option<&'a Duty> {
        self.policy.duty(verdict.duty)
    }

    /// The section a duty sits in: that of its first cited paragraph.
    pub fn section(&self, duty: &Duty) -> &'a str {
        duty.cites
            .first()
            .and_then(|paragraph| self.policy.paragraph(*paragraph))
            .map_or("Other duties", |paragraph| paragraph.section.as_str())
    }

    /// The paragraphs a duty cites.
    pub fn citations(&self, duty: &Duty) -> Vec<&'a Paragraph> {
        duty.cites
            .iter()
            .filter_map(|paragraph| self.policy.paragraph(*paragraph))
            .collect()
    }

    /// How many verdicts of each kind, in [`VerdictKind::ALL`] order.
    pub fn counts(&self) -> Vec<(VerdictKind, usize)> {
        VerdictKind::ALL
            .iter()
            .map(|kind| {
                (
                    *kind,
                    self.verdicts.iter().filter(|verdict| verdict.kind == *kind).count(),
                )
            })
            .collect()
    }

    /// Whether any verdict needs action.
    pub fn needs_action(&self) -> bool {
        self.verdicts.iter().any(|verdict| verdict.kind.needs_action())
    }

    /// The provenance of a paragraph in a few words ("verbatim", "quoted
    /// by …", "paraphrase in DOCUMENT"); the JSON output carries the full
    /// source.
    pub fn provenance_words(&self, paragraph: &Paragraph) -> String {
        use crate::model::Provenance;
        let key = |document: crate::model::DocumentId| {
            self.policy
                .documents
                .get(document.index())
                .map_or_else(|| "an unknown document".to_owned(), |document| document.key.clone())
        };
        match &paragraph.provenance {
            Provenance::Verbatim { .. } => "verbatim".to_owned(),
            Provenance::Quoted { by, .. } => format!("quoted by {by}"),
            Provenance::Paraphrase { document } => format!("paraphrase in {}", key(*document)),
            Provenance::NotAtHand { .. } => "words not at hand".to_owned(),
        }
    }
}
