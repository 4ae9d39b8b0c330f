//! The editions of the guidance and local policies, the documents they
//! cite, and their paragraphs with where each one's words come from.

use super::*;
use crate::date::PartialDate;
use crate::source::{FileId, Span};

/// The legal force of a guidance or policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalForce {
    /// An Act or regulations.
    Statute,
    /// Statutory guidance: authorities must have regard to it.
    StatutoryGuidance,
    /// A council's own policy.
    LocalPolicy,
}

impl LegalForce {
    /// The word used in the language and in JSON.
    pub fn word(self) -> &'static str {
        match self {
            LegalForce::Statute => "statute",
            LegalForce::StatutoryGuidance => "statutory_guidance",
            LegalForce::LocalPolicy => "local_policy",
        }
    }

    /// Plain words for reports.
    pub fn description(self) -> &'static str {
        match self {
            LegalForce::Statute => "statute",
            LegalForce::StatutoryGuidance => "statutory guidance (authorities must have regard to it)",
            LegalForce::LocalPolicy => "local policy",
        }
    }
}

/// A guidance edition or local policy: the header of a policy file.
#[derive(Clone, Debug, PartialEq)]
pub struct Edition {
    /// Its id (`dfe_2013`).
    pub key: String,
    /// Its title.
    pub title: String,
    /// Who issued it.
    pub issuer: Option<String>,
    /// When it was issued.
    pub issued: Option<PartialDate>,
    /// When it came into force.
    pub in_force: Option<PartialDate>,
    /// The statutory basis.
    pub basis: Vec<String>,
    /// Its legal force.
    pub force: LegalForce,
    /// The editions it replaces.
    pub supersedes: Vec<String>,
    /// The edition it extends, for a local policy.
    pub extends: Option<String>,
    /// The edition it amends, for an amendment.
    pub amends: Option<String>,
    /// The instrument that makes the amendment (an Act and its sections),
    /// given as the provenance of every change it makes.
    pub instrument: Option<String>,
    /// Whether the amendment commences area by area: a council's
    /// arrangements may say from when it took effect for them
    /// (`commenced KEY from DATE`), with `in_force` (the national latest
    /// date) for those that do not.
    pub by_area: bool,
    /// For an amendment by area, the first day any area took it up: before
    /// it the amendment is in force nowhere; from it until `in_force` it
    /// is in force for a council from the date its arrangements give, and
    /// unknown for one that gives none. Without it, a council that gives
    /// none takes `in_force`.
    pub first_in_force: Option<PartialDate>,
    /// The file it was read from.
    pub file: FileId,
    /// The header item.
    pub span: Span,
}

/// A source of words or facts.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Its id.
    pub key: String,
    /// Its title.
    pub title: String,
    /// When it was issued, published or met (a council's answer dated by
    /// its paper takes this date), if known.
    pub date: Option<PartialDate>,
    /// Where a reader finds it (a web address), if known.
    pub address: Option<String>,
    /// The file its text was read from, for the maintainers: never shown
    /// to a reader, who is given the title, date and address instead.
    pub seed: Option<String>,
    /// A remark about it.
    pub note: Option<String>,
    /// Where declared.
    pub span: Span,
}

/// Where a paragraph's words come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Provenance {
    /// The guidance's own text.
    Verbatim {
        /// From this document.
        document: DocumentId,
    },
    /// Quoted by a third party.
    Quoted {
        /// Who quotes it.
        by: String,
        /// In this document.
        document: DocumentId,
    },
    /// Paraphrased in another document.
    Paraphrase {
        /// This document.
        document: DocumentId,
    },
    /// The words are not at hand.
    NotAtHand {
        /// Why.
        reason: String,
    },
}

impl Provenance {
    /// The one-word kind used in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Provenance::Verbatim { .. } => "verbatim",
            Provenance::Quoted { .. } => "quoted",
            Provenance::Paraphrase { .. } => "paraphrase",
            Provenance::NotAtHand { .. } => "not_at_hand",
        }
    }

    /// The document the words come from, if any.
    pub fn document(&self) -> Option<DocumentId> {
        match self {
            Provenance::Verbatim { document }
            | Provenance::Quoted { document, .. }
            | Provenance::Paraphrase { document } => Some(*document),
            Provenance::NotAtHand { .. } => None,
        }
    }
}

/// A citable paragraph of the guidance.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// Its number or key (`2`, `key_points.first_tier`).
    pub key: String,
    /// The section heading it sits under.
    pub section: String,
    /// Where its words come from.
    pub provenance: Provenance,
    /// The words, unless not at hand.
    pub text: Option<String>,
    /// The first version of the paragraph: itself, unless an amendment
    /// gives this one new words. Duties cite the first version; the words
    /// in force at a date are the latest version then commenced.
    pub family: ParagraphId,
    /// Whether it describes the guidance itself (who it is for, when it
    /// will be reviewed) and asks nothing of a council: no duty encodes
    /// it, and coverage counts it apart.
    pub descriptive: bool,
    /// Which edition (index into [`Policy::editions`]).
    pub edition: usize,
    /// Where declared.
    pub span: Span,
}
