//! The editions of the guidance and local policies, the documents they
//! cite, and their paragraphs with where each one's words come from; and
//! when each edition applies: the guidance edition chosen for the date;
//! the law and other guidance that stand alongside it, each by its own
//! dates whatever edition is in force; a council's local policies, from
//! their adoption until withdrawn; and amendments, from their commencement
//! (area by area where they say so).

use super::*;
use crate::date::{Day, Holding, PartialDate, Uncertainty};
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

/// What brought an Act's provisions into force, as far as the sources at
/// hand say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Commencement {
    /// The commencement instrument and article, or the Act's own words
    /// when it commenced on passing.
    Instrument(String),
    /// The instrument is not at hand: why, and what the date rests on.
    NotAtHand(String),
}

impl Commencement {
    /// The words given, whichever they are.
    pub fn text(&self) -> &str {
        match self {
            Commencement::Instrument(text) | Commencement::NotAtHand(text) => text,
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
    /// When it came into force (for a local policy, when the council
    /// adopted it). An Act or amendment that gives only `enacted` is not
    /// yet in force.
    pub in_force: Option<PartialDate>,
    /// When an Act (or an amendment an Act makes) received Royal Assent.
    pub enacted: Option<PartialDate>,
    /// What brought it into force, for the law.
    pub commencement: Option<Commencement>,
    /// When a local policy was withdrawn: it applies until then.
    pub withdrawn: Option<PartialDate>,
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
    /// Whether it stands alongside the guidance's editions rather than
    /// being one of them: an Act (`force statute`), or an edition of
    /// another guidance (`series`). It applies to every council by its own
    /// dates, whatever edition of the guidance is in force.
    pub alongside: bool,
    /// The guidance an edition standing alongside belongs to (`series
    /// working_together`): a later edition of the same series replaces it.
    pub series: Option<String>,
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

impl Policy {
    /// The edition, Act, amendment or local policy whose file declares
    /// what is at `span`.
    pub fn declared_in(&self, span: Span) -> Option<&Edition> {
        self.editions.iter().find(|edition| edition.file == span.file)
    }
}

impl Edition {
    /// Whether it is the law: an Act, or an amendment an Act makes.
    pub fn is_law(&self) -> bool {
        self.force == LegalForce::Statute
    }

    /// Whether it is a council's own policy on top of the guidance.
    pub fn is_local(&self) -> bool {
        self.extends.is_some() && self.amends.is_none()
    }

    /// Whether it was enacted and has no date in force yet: an Act whose
    /// provisions commence by regulations none of which is at hand.
    pub fn awaiting_commencement(&self) -> bool {
        self.in_force.is_none() && self.enacted.is_some()
    }
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
    /// Its sentences (numbered from 1) that ask nothing of a council
    /// (`descriptive 1, 3`): coverage counts it encoded once the others
    /// are.
    pub asks_nothing: Vec<usize>,
    /// Which edition (index into [`Policy::editions`]).
    pub edition: usize,
    /// Where declared.
    pub span: Span,
}

impl Policy {
    /// Whether what an edition says applies to an arrangement: the
    /// guidance always, and the law and other guidance alongside it; a
    /// local policy only to the arrangements that name it in `answers_to`
    /// (or that name no guidance at all), so that one council's own
    /// framework is never asked of another verified with it; an amendment
    /// to the arrangements its edition applies to.
    pub fn applies_to(&self, edition: usize, arrangement: &Arrangement) -> bool {
        if edition == 0 {
            return true;
        }
        let Some(declared) = self.editions.get(edition) else {
            return false;
        };
        if let Some(amended) = &declared.amends {
            return self
                .editions
                .iter()
                .position(|other| &other.key == amended)
                .is_some_and(|index| index < edition && self.applies_to(index, arrangement));
        }
        if declared.alongside {
            return true;
        }
        arrangement.answers_to.is_empty() || arrangement.answers_to.contains(&declared.key)
    }

    /// Whether an edition had taken effect for an arrangement as at a
    /// day: the guidance chosen for the date always; the law and other
    /// guidance alongside it from their `in_force` (never, while an Act
    /// awaits commencement); a local policy that applies from its
    /// adoption (`in_force`, else `issued`) until `withdrawn`; an
    /// amendment from the date the council's arrangements give for their
    /// area, else its `in_force`. Unknown within a date given only to a
    /// month or year.
    pub fn commenced(&self, edition: usize, arrangement: &Arrangement, day: Day) -> Holding {
        self.commenced_for(edition, Some(arrangement), day)
    }

    /// Whether an edition had taken effect in the country as a whole as at
    /// a day (an amendment by its national date).
    pub fn in_force_nationally(&self, edition: usize, day: Day) -> Holding {
        self.commenced_for(edition, None, day)
    }

    /// As [`Policy::commenced`], for an arrangement or (`None`) for the
    /// country as a whole: an amendment by its national date, every local
    /// policy as applying.
    pub(super) fn commenced_for(&self, edition: usize, arrangement: Option<&Arrangement>, day: Day) -> Holding {
        if arrangement.is_some_and(|arrangement| !self.applies_to(edition, arrangement)) {
            return Holding::No;
        }
        let Some(declared) = self.editions.get(edition) else {
            return Holding::No;
        };
        if edition == 0 {
            return Holding::Yes;
        }
        if let Some(holding) = by_area(declared, arrangement, day) {
            return holding;
        }
        let from = if declared.is_local() {
            declared.in_force.or(declared.issued)
        } else {
            declared.in_force
        };
        let begun = match from {
            Some(date) => from_date(date, day),
            // An Act enacted and awaiting commencement, or an amendment
            // that gives no date, is not in force; a local policy that
            // gives no date applies with the edition it extends.
            None if declared.is_local() => Holding::Yes,
            None => Holding::No,
        };
        begun.and(!self.ended(edition, declared, day))
    }

    /// Whether an edition had stopped applying by a day: a local policy
    /// withdrawn, or an edition of another guidance replaced by a later
    /// one of the same series.
    fn ended(&self, edition: usize, declared: &Edition, day: Day) -> Holding {
        let withdrawn = declared.withdrawn.map_or(Holding::No, |date| from_date(date, day));
        let Some(series) = &declared.series else {
            return withdrawn;
        };
        let replaced = self
            .editions
            .iter()
            .enumerate()
            .filter(|(index, later)| *index != edition && later.series.as_ref() == Some(series))
            .filter(|(_, later)| {
                matches!((later.in_force, declared.in_force), (Some(later), Some(own)) if later.first_day() > own.first_day())
            })
            .filter_map(|(_, later)| later.in_force)
            .map(|date| from_date(date, day))
            .fold(Holding::No, either);
        either(withdrawn, replaced)
    }
}

/// Whether one or the other held: `Yes` before `Unknown` before `No`.
fn either(one: Holding, other: Holding) -> Holding {
    !(!one).and(!other)
}

/// Whether a day falls on or after a date: unknown within a date given
/// only to a month or year.
fn from_date(date: PartialDate, day: Day) -> Holding {
    if date.first_day() > day {
        Holding::No
    } else if date.last_day() > day {
        Holding::Unknown(Uncertainty::Began(date))
    } else {
        Holding::Yes
    }
}

/// For an amendment that commences area by area: from the date the
/// council's arrangements give; else, between the first areas and the
/// last, unknown (a council that does not say may have moved on any day
/// of the window). `None` when the national date decides.
fn by_area(declared: &Edition, arrangement: Option<&Arrangement>, day: Day) -> Option<Holding> {
    if !declared.by_area {
        return None;
    }
    let arrangement = arrangement?;
    if let Some(stated) = arrangement.commenced.iter().find(|stated| stated.value == declared.key) {
        return Some(stated.holds_at(&arrangement.timeline, day));
    }
    match (declared.first_in_force, declared.in_force) {
        (Some(first), _) if first.first_day() > day => Some(Holding::No),
        (Some(_), Some(latest)) if latest.first_day() > day => Some(Holding::Unknown(Uncertainty::Began(latest))),
        _ => None,
    }
}
