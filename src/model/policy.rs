//! The checked guidance as a whole: every edition, its vocabulary,
//! paragraphs, duties, questions, laws and repeals in plain tables, and
//! which version of each is in force for an arrangement on a day.

use super::*;
use crate::date::{Day, Holding, PartialDate};
use crate::source::Span;

/// A checked policy: a guidance edition with any local policies on top,
/// base first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Policy {
    /// The editions, base first.
    pub editions: Vec<Edition>,
    /// Documents cited by provenance.
    pub documents: Vec<Document>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Functions.
    pub functions: Vec<Term>,
    /// Kinds of body.
    pub body_kinds: Vec<Term>,
    /// Relations.
    pub relations: Vec<Relation>,
    /// Attributes.
    pub attributes: Vec<Attribute>,
    /// Tag keys.
    pub tag_keys: Vec<TagKey>,
    /// Paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Duties and questions.
    pub duties: Vec<Duty>,
    /// Facts the law settles for the holders of roles.
    pub laws: Vec<Law>,
    /// What amendments repeal, each from its amendment's commencement.
    pub repeals: Vec<Repeal>,
    /// For a duty, by key, the date the earliest edition given that asks
    /// it (this one, or one it supersedes) came into force: a cause that
    /// came before then is for no guidance to judge.
    pub asked_since: Vec<(String, PartialDate)>,
}

/// Something an amendment repeals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repeal {
    /// What: the first version of a paragraph, duty or law.
    pub target: Versioned,
    /// The amendment (index into [`Policy::editions`]).
    pub edition: usize,
    /// Where the repeal is written.
    pub span: Span,
}

/// A paragraph, duty or law, by its first version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Versioned {
    /// A paragraph.
    Paragraph(ParagraphId),
    /// A duty or question.
    Duty(DutyId),
    /// A law.
    Law(LawId),
}

impl Policy {
    /// The first day a duty was asked by any edition given: its own
    /// edition's (or amendment's) date in force, or an earlier edition's
    /// that asked it under the same key.
    pub fn first_in_force(&self, id: DutyId) -> Option<Day> {
        let duty = self.duty(id)?;
        let own = self.editions.get(duty.edition).and_then(|edition| edition.in_force);
        let earlier = self
            .asked_since
            .iter()
            .find(|(key, _)| *key == duty.key)
            .map(|(_, date)| *date);
        [own, earlier].into_iter().flatten().map(PartialDate::first_day).min()
    }

    /// Whether a version of a paragraph, duty or law is the one in force
    /// for an arrangement as at a day: its edition has taken effect, and
    /// no later version or repeal of it has.
    fn version_in_force(
        &self,
        family: Versioned,
        edition: usize,
        arrangement: Option<&Arrangement>,
        day: Day,
    ) -> Holding {
        let later: Vec<usize> = match family {
            Versioned::Paragraph(root) => self
                .paragraphs
                .iter()
                .filter(|paragraph| paragraph.family == root && paragraph.edition > edition)
                .map(|paragraph| paragraph.edition)
                .collect(),
            Versioned::Duty(root) => self
                .duties
                .iter()
                .filter(|duty| duty.family == root && duty.edition > edition)
                .map(|duty| duty.edition)
                .collect(),
            Versioned::Law(root) => self
                .laws
                .iter()
                .filter(|law| law.family == root && law.edition > edition)
                .map(|law| law.edition)
                .collect(),
        };
        let repealed = self
            .repeals
            .iter()
            .filter(|repeal| repeal.target == family && repeal.edition > edition)
            .map(|repeal| repeal.edition);
        later
            .into_iter()
            .chain(repealed)
            .fold(self.commenced_for(edition, arrangement, day), |holding, superseding| {
                holding.and(!self.commenced_for(superseding, arrangement, day))
            })
    }

    /// Whether a duty (this version of it) is in force for an arrangement
    /// as at a day.
    pub fn duty_in_force(&self, id: DutyId, arrangement: &Arrangement, day: Day) -> Holding {
        match self.duty(id) {
            Some(duty) => self.version_in_force(Versioned::Duty(duty.family), duty.edition, Some(arrangement), day),
            None => Holding::No,
        }
    }

    /// Whether a duty (this version of it) is in force in the country as a
    /// whole as at a day.
    pub fn duty_in_force_nationally(&self, id: DutyId, day: Day) -> Holding {
        match self.duty(id) {
            Some(duty) => self.version_in_force(Versioned::Duty(duty.family), duty.edition, None, day),
            None => Holding::No,
        }
    }

    /// Whether anything an edition provides (a paragraph, duty or law) is
    /// in force for an arrangement (or, `None`, in the country as a whole)
    /// as at a day: an Act whose provisions an amendment has repealed is no
    /// longer in force.
    pub fn provisions_in_force(&self, edition: usize, arrangement: Option<&Arrangement>, day: Day) -> Holding {
        let paragraphs = self
            .paragraphs
            .iter()
            .filter(|paragraph| paragraph.edition == edition)
            .map(|paragraph| Versioned::Paragraph(paragraph.family));
        let duties = self
            .duties
            .iter()
            .filter(|duty| duty.edition == edition)
            .map(|duty| Versioned::Duty(duty.family));
        let laws = self
            .laws
            .iter()
            .filter(|law| law.edition == edition)
            .map(|law| Versioned::Law(law.family));
        paragraphs
            .chain(duties)
            .chain(laws)
            .map(|family| self.version_in_force(family, edition, arrangement, day))
            .fold(Holding::No, |any, holding| match (any, holding) {
                (Holding::Yes, _) | (_, Holding::Yes) => Holding::Yes,
                (Holding::Unknown(why), _) | (_, Holding::Unknown(why)) => Holding::Unknown(why),
                (Holding::No, Holding::No) => Holding::No,
            })
    }

    /// Whether a law (this version of it) is in force for an arrangement
    /// as at a day.
    pub fn law_in_force(&self, id: LawId, arrangement: &Arrangement, day: Day) -> Holding {
        match self.law(id) {
            Some(law) => self.version_in_force(Versioned::Law(law.family), law.edition, Some(arrangement), day),
            None => Holding::No,
        }
    }

    /// The words of a paragraph in force for an arrangement as at a day:
    /// the latest version then surely commenced, else the earliest; `None`
    /// once repealed.
    pub fn paragraph_in_force(&self, family: ParagraphId, arrangement: &Arrangement, day: Day) -> Option<&Paragraph> {
        self.paragraph_in_force_for(family, Some(arrangement), day)
    }

    /// The words of a paragraph in force in the country as a whole as at a
    /// day, each amendment by its national date.
    pub fn paragraph_in_force_nationally(&self, family: ParagraphId, day: Day) -> Option<&Paragraph> {
        self.paragraph_in_force_for(family, None, day)
    }

    fn paragraph_in_force_for(
        &self,
        family: ParagraphId,
        arrangement: Option<&Arrangement>,
        day: Day,
    ) -> Option<&Paragraph> {
        let versions: Vec<&Paragraph> = self
            .paragraphs
            .iter()
            .filter(|paragraph| paragraph.family == family)
            .collect();
        let surely = versions.iter().rev().find(|paragraph| {
            self.version_in_force(Versioned::Paragraph(family), paragraph.edition, arrangement, day) == Holding::Yes
        });
        match surely {
            Some(paragraph) => Some(*paragraph),
            None => {
                let repealed = self.repeals.iter().any(|repeal| {
                    repeal.target == Versioned::Paragraph(family)
                        && self.commenced_for(repeal.edition, arrangement, day) == Holding::Yes
                });
                // Not repealed, and no version surely in force: the
                // earliest, unless it had not yet taken effect at all.
                let first = versions.first().copied();
                if repealed
                    || first
                        .is_some_and(|paragraph| self.commenced_for(paragraph.edition, arrangement, day) == Holding::No)
                {
                    None
                } else {
                    first
                }
            }
        }
    }

    /// The first version of a duty, which answers and departures belong to.
    pub fn family(&self, id: DutyId) -> DutyId {
        self.duty(id).map_or(id, |duty| duty.family)
    }

    /// Every version of a paragraph, first first.
    pub fn paragraph_versions(&self, family: ParagraphId) -> Vec<&Paragraph> {
        self.paragraphs
            .iter()
            .filter(|paragraph| paragraph.family == family)
            .collect()
    }

    /// The base edition (the guidance itself).
    pub fn base(&self) -> Option<&Edition> {
        self.editions.first()
    }

    /// The value of a tag, as declared.
    pub fn tag_value(&self, tag: Tag) -> Option<&str> {
        self.tag_key(tag.key)?.values.get(tag.value).map(String::as_str)
    }

    /// Finds a duty by its key.
    pub fn duty_by_key(&self, key: &str) -> Option<DutyId> {
        self.duties
            .iter()
            .position(|duty| duty.key == key)
            .map(DutyId::from_index)
    }

    /// Finds a paragraph by its key.
    pub fn paragraph_by_key(&self, key: &str) -> Option<ParagraphId> {
        self.paragraphs
            .iter()
            .position(|paragraph| paragraph.key == key)
            .map(ParagraphId::from_index)
    }
}
