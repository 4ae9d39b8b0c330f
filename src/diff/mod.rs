//! `dcsc diff`: the same councils under two verified outcomes (two sets of
//! guidance at one date, or one guidance at two dates), compared duty by
//! duty, and the guidance's own changes between the two sides.
//!
//! A comparison is data: which duties changed verdict for which council,
//! which appeared or disappeared, and why (the guidance, the council's
//! arrangements, or both); which paragraphs' words changed, word by word;
//! which duties the guidance added, repealed or changed. `render::diff`
//! writes it for people and programs.

mod guidance;

use guidance::{duty_text, guidance_changes};

use crate::date::{Day, Holding};
use crate::eval::{Fact, Reason, Verdict, VerdictKind};
use crate::model::{Duty, DutyId, DutyKind, EditionId, Versioned};
use crate::outcome::{Assessment, Changed, Verified};
use crate::source::SourceMap;

/// One side of a comparison: an outcome and what produced it.
pub struct Side<'a> {
    /// The verified outcome.
    pub verified: &'a Verified,
    /// The sources it was read from.
    pub sources: &'a SourceMap,
}

/// What a side was, for the heading of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideSummary {
    /// The date it was verified as at.
    pub as_at: Day,
    /// The editions it was verified against, base first (amendments and
    /// local policies after), by key.
    pub editions: Vec<String>,
}

/// A verdict on one side, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The verdict.
    pub kind: VerdictKind,
    /// How a committee reads it: the verdict's name, or for a permission
    /// whether it is used (a permission is never "pass").
    pub label: &'static str,
    /// Its explanation, as `verify` gives it.
    pub explanation: String,
}

/// The kind of cause of a changed verdict ([`Cause::because`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Because {
    /// The law or guidance in force: the duty commenced, was repealed, or
    /// its rule, modality, conditions or cited words differ; the council's
    /// facts it rests on are the same.
    Guidance,
    /// The council's arrangements as they stood: the duty is the same,
    /// the facts are not.
    Arrangements,
    /// Both changed.
    Both,
    /// Neither, but one side's date is past the end of the council's
    /// papers, so nothing the verdict would rest on is at hand there.
    PapersEnd,
    /// Neither: the duty and the facts are the same, and only the time
    /// between the dates tells them apart (a review falling due, a change
    /// long unanswered).
    Time,
}

impl Because {
    /// The word used in JSON.
    pub fn word(self) -> &'static str {
        match self {
            Because::Guidance => "guidance",
            Because::Arrangements => "arrangements",
            Because::Both => "both",
            Because::PapersEnd => "papers_end",
            Because::Time => "time",
        }
    }
}

/// One duty whose verdict is not the same on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictChange {
    /// The duty's key.
    pub duty: String,
    /// Its title (or words), from the side that has it, the later first.
    pub title: String,
    /// The verdict before; `None`: the duty was not in force for the
    /// council then (not yet commenced, repealed, or not in that edition),
    /// which is not the same as a verdict of not applicable.
    pub before: Option<Standing>,
    /// The verdict after; `None`: the duty is not in force for the council
    /// then.
    pub after: Option<Standing>,
    /// What changed, from data.
    pub cause: Cause,
}

/// Why a duty's verdict differs between the sides, as data: what of the
/// law or guidance in force changed for the duty, and what of the
/// council's facts it rests on changed between the dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cause {
    /// Each edition, Act or amendment whose coming into force, repeal or
    /// words made the duty (or what it cites) differ.
    pub law: Vec<Source>,
    /// Each item of the council's arrangements, among those the verdict
    /// rests on, that stood differently at the two dates (read from the
    /// arrangements alone, so two sets of guidance compared at one date
    /// find none).
    pub facts: Vec<Item>,
    /// Where the council's papers end, when one side's verdict is unknown
    /// only because its date is past that end and the other's is not.
    pub papers_end: Option<Day>,
}

impl Cause {
    /// The kind of cause.
    pub fn because(&self) -> Because {
        match (self.law.is_empty(), self.facts.is_empty(), self.papers_end) {
            (false, false, _) => Because::Both,
            (false, true, _) => Because::Guidance,
            (true, false, _) => Because::Arrangements,
            (true, true, Some(_)) => Because::PapersEnd,
            (true, true, None) => Because::Time,
        }
    }
}

/// An edition, Act or amendment, by its key and its instrument (or title).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Its key (`hca_2022`).
    pub key: String,
    /// The instrument that makes an amendment, else its title.
    pub name: String,
}

/// An item of a council's arrangements, by its key and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// What kind of item, as the language spells it (`post`, `review`,
    /// `answer`, `departure`, `has_no`).
    pub kind: &'static str,
    /// Its key (for an answer or departure, the duty's).
    pub key: String,
}

impl VerdictChange {
    /// Whether the change moves the duty into needing action.
    pub fn into_needing_action(&self) -> bool {
        let before = self
            .before
            .as_ref()
            .is_some_and(|standing| standing.kind.needs_action());
        let after = self.after.as_ref().is_some_and(|standing| standing.kind.needs_action());
        after && !before
    }
}

/// One council's changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CouncilChanges {
    /// The arrangement's key.
    pub arrangement: String,
    /// The council's name.
    pub council: String,
    /// Every duty whose verdict changed, in the later side's order (then
    /// the duties only the earlier side had).
    pub changes: Vec<VerdictChange>,
}

/// A piece of a word-level difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Words on both sides.
    Same(String),
    /// Words only before.
    Removed(String),
    /// Words only after.
    Added(String),
}

/// A paragraph whose words differ between the sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphChange {
    /// Its key.
    pub paragraph: String,
    /// Its section.
    pub section: String,
    /// The words before (`None`: not in force, or not at hand).
    pub before: Option<String>,
    /// The words after.
    pub after: Option<String>,
    /// Where the later words come from (an amendment's instrument, or the
    /// edition).
    pub source: String,
    /// The words compared, word by word (none where neither side's words
    /// are at hand).
    pub pieces: Vec<Piece>,
    /// Whether it was inserted, repealed or given other words.
    pub change: ParagraphState,
}

/// How a paragraph differs between the sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphState {
    /// In force only on the later side.
    Inserted,
    /// In force only on the earlier side: repealed, or its edition
    /// replaced.
    Repealed,
    /// In force on both, in other words.
    Reworded,
}

impl ParagraphState {
    /// The word used in JSON.
    pub fn word(self) -> &'static str {
        match self {
            ParagraphState::Inserted => "inserted",
            ParagraphState::Repealed => "repealed",
            ParagraphState::Reworded => "reworded",
        }
    }
}

/// A duty of the guidance, as each side has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyText {
    /// The rule as written, or the question's words.
    pub rule: String,
    /// Its modality.
    pub modality: &'static str,
    /// The statute it names, if any.
    pub statute: Option<String>,
    /// Its conditions, as written.
    pub conditions: Vec<String>,
    /// The paragraphs it cites.
    pub cites: Vec<String>,
    /// The edition (or amendment) it comes from.
    pub edition: String,
}

/// A part of a duty that may differ between the sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DutyPart {
    /// The rule, or the question's words.
    Rule,
    /// Its modality.
    Modality,
    /// The statute it names.
    Statute,
    /// Its conditions.
    Conditions,
    /// The paragraphs it cites.
    Citations,
}

impl DutyPart {
    /// The word used in JSON.
    pub fn word(self) -> &'static str {
        match self {
            DutyPart::Rule => "rule",
            DutyPart::Modality => "modality",
            DutyPart::Statute => "statute",
            DutyPart::Conditions => "conditions",
            DutyPart::Citations => "citations",
        }
    }
}

impl DutyText {
    /// What differs from another side's text of the same duty; the edition
    /// it comes from is not a difference by itself (a later edition that
    /// asks the same in the same words changes nothing).
    pub fn differences(&self, other: &DutyText) -> Vec<DutyPart> {
        [
            (self.rule != other.rule, DutyPart::Rule),
            (self.modality != other.modality, DutyPart::Modality),
            (self.statute != other.statute, DutyPart::Statute),
            (self.conditions != other.conditions, DutyPart::Conditions),
            (self.cites != other.cites, DutyPart::Citations),
        ]
        .into_iter()
        .filter_map(|(differs, part)| differs.then_some(part))
        .collect()
    }

    /// Whether it asks the same as another side's text.
    pub fn same_as(&self, other: &DutyText) -> bool {
        self.differences(other).is_empty()
    }
}

/// A duty the guidance added, repealed or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyChange {
    /// Its key.
    pub duty: String,
    /// Its title.
    pub title: String,
    /// As before (`None`: added).
    pub before: Option<DutyText>,
    /// As after (`None`: repealed).
    pub after: Option<DutyText>,
    /// For a duty changed, what of it differs.
    pub differs: Vec<DutyPart>,
}

/// What changed in the guidance itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GuidanceChanges {
    /// Paragraphs whose words in force differ.
    pub paragraphs: Vec<ParagraphChange>,
    /// Duties added, repealed or changed.
    pub duties: Vec<DutyChange>,
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The earlier (or current) side.
    pub from: SideSummary,
    /// The later (or proposed) side.
    pub to: SideSummary,
    /// Each council's changes, in the order the councils were given.
    pub councils: Vec<CouncilChanges>,
    /// The guidance's own changes.
    pub guidance: GuidanceChanges,
}

impl Comparison {
    /// Whether any council's verdict changes.
    pub fn changes_any_verdict(&self) -> bool {
        self.councils.iter().any(|council| !council.changes.is_empty())
    }

    /// Whether some council's verdict changes into one that `fails` (a
    /// verdict no longer in force changes into none).
    pub fn changes_into(&self, fails: impl Fn(VerdictKind) -> bool) -> bool {
        self.councils.iter().any(|council| {
            council
                .changes
                .iter()
                .any(|change| change.after.as_ref().is_some_and(|after| fails(after.kind)))
        })
    }

    /// For each duty that changes for some council: how many councils it
    /// changes for, and how many it moves into needing action, in the
    /// order the duties first appear.
    pub fn by_duty(&self) -> Vec<(String, String, usize, usize)> {
        let mut rows: Vec<(String, String, usize, usize)> = Vec::new();
        for change in self.councils.iter().flat_map(|council| &council.changes) {
            let into = usize::from(change.into_needing_action());
            match rows.iter_mut().find(|(duty, ..)| *duty == change.duty) {
                Some(row) => {
                    row.2 += 1;
                    row.3 += into;
                }
                None => rows.push((change.duty.clone(), change.title.clone(), 1, into)),
            }
        }
        rows
    }
}

/// Compares two outcomes of the same councils (matched by arrangement key,
/// in the earlier side's order).
pub fn compare(from: &Side<'_>, to: &Side<'_>) -> Comparison {
    let before = from.verified.assessments(from.sources);
    let after = to.verified.assessments(to.sources);
    let mut councils = Vec::new();
    for old in &before {
        let Some(new) = after
            .iter()
            .find(|candidate| candidate.arrangement.key == old.arrangement.key)
        else {
            continue;
        };
        councils.push(CouncilChanges {
            arrangement: old.arrangement.key.clone(),
            council: old.arrangement.council_name().to_owned(),
            changes: council_changes(old, new),
        });
    }
    Comparison {
        from: summary(from.verified),
        to: summary(to.verified),
        councils,
        guidance: guidance_changes(
            &from.verified.policy,
            from.verified.as_at,
            &to.verified.policy,
            to.verified.as_at,
        ),
    }
}

fn summary(verified: &Verified) -> SideSummary {
    SideSummary {
        as_at: verified.as_at,
        editions: verified
            .policy
            .editions
            .iter()
            .enumerate()
            .filter(|(index, edition)| {
                // An Act beside the guidance whose provisions were all
                // repealed is no longer in force.
                verified.policy.in_force_nationally(*index, verified.as_at).possible()
                    && (!edition.alongside
                        || verified
                            .policy
                            .provisions_in_force(*index, None, verified.as_at)
                            .possible())
            })
            .map(|(_, edition)| edition.key.clone())
            .collect(),
    }
}

/// The changes of one council's verdicts: the later side's duties in its
/// order, then those only the earlier side had. A verdict changes when its
/// kind does: the same verdict explained as at another date ("no answer is
/// recorded up to …") is not a change.
fn council_changes(old: &Assessment<'_>, new: &Assessment<'_>) -> Vec<VerdictChange> {
    let changed = new.changed_since(old.as_at);
    let sides = Sides {
        old,
        new,
        changed: &changed,
    };
    let mut changes = Vec::new();
    for verdict in new.verdicts {
        let key = key_of(new, verdict);
        let earlier = old.verdicts.iter().find(|candidate| key_of(old, candidate) == key);
        if earlier.is_some_and(|candidate| candidate.kind() == verdict.kind()) {
            continue;
        }
        changes.push(sides.change(key, earlier, Some(verdict)));
    }
    for verdict in old.verdicts {
        let key = key_of(old, verdict);
        if new.verdicts.iter().any(|candidate| key_of(new, candidate) == key) {
            continue;
        }
        changes.push(sides.change(key, Some(verdict), None));
    }
    changes
}

/// Where the papers end, when exactly one side's verdict is unknown for
/// being past that end: a change that only the papers' silence explains.
fn papers_end(before: Option<&Verdict>, after: Option<&Verdict>) -> Option<Day> {
    let past = |verdict: Option<&Verdict>| match verdict.map(|verdict| &verdict.reason) {
        Some(Reason::PastPapersEnd { end, .. }) => Some(*end),
        _ => None,
    };
    match (past(before), past(after)) {
        (Some(end), None) | (None, Some(end)) => Some(end),
        (Some(_), Some(_)) | (None, None) => None,
    }
}

fn key_of(assessment: &Assessment<'_>, verdict: &Verdict) -> String {
    assessment
        .policy
        .duty(verdict.duty)
        .map_or_else(String::new, |duty| duty.key.clone())
}

/// One council on both sides, and what of its arrangements changed between
/// the dates.
struct Sides<'s, 'a> {
    old: &'s Assessment<'a>,
    new: &'s Assessment<'a>,
    changed: &'s [Changed],
}

impl Sides<'_, '_> {
    /// A duty's change, with its verdict on each side where it is in force.
    fn change(&self, duty: String, before: Option<&Verdict>, after: Option<&Verdict>) -> VerdictChange {
        let declared = after
            .and_then(|verdict| self.new.policy.duty(verdict.duty))
            .or_else(|| before.and_then(|verdict| self.old.policy.duty(verdict.duty)));
        let law = self.law(&duty, before, after);
        let facts = self.facts(before, after, law.is_empty());
        VerdictChange {
            title: title(declared),
            before: before.map(|verdict| standing(self.old, verdict)),
            after: after.map(|verdict| standing(self.new, verdict)),
            duty,
            cause: Cause {
                law,
                facts,
                papers_end: papers_end(before, after),
            },
        }
    }

    /// What of the law or guidance in force changed for the duty: the
    /// edition that brought it into force, repealed it or gave it other
    /// words, and those that gave the words it cites.
    fn law(&self, key: &str, before: Option<&Verdict>, after: Option<&Verdict>) -> Vec<Source> {
        let new = self.new;
        let editions: Vec<usize> = match (before, after) {
            (Some(earlier), Some(later)) => self.edited(earlier, later),
            (None, Some(later)) => new
                .policy
                .duty(later.duty)
                .map(|duty| duty.edition)
                .into_iter()
                .collect(),
            (Some(_), None) => {
                // Repealed on the later side; else its edition was replaced
                // by the one in force then.
                let repeal = new.policy.duty_by_key(key).and_then(|family| {
                    new.policy
                        .repeals
                        .iter()
                        .find(|repeal| repeal.target == Versioned::Duty(family))
                });
                vec![repeal.map_or(0, |repeal| repeal.edition)]
            }
            (None, None) => Vec::new(),
        };
        let mut sources: Vec<Source> = Vec::new();
        for edition in editions {
            if let Some(declared) = new.policy.edition(EditionId::from_index(edition)) {
                if !sources.iter().any(|source| source.key == declared.key) {
                    sources.push(Source {
                        key: declared.key.clone(),
                        name: declared.instrument.clone().unwrap_or_else(|| declared.title.clone()),
                    });
                }
            }
        }
        sources
    }

    /// For a duty in force on both sides, the editions that changed it:
    /// its own, where its rule, modality, statute, conditions or citations
    /// differ, and each one that gave a cited paragraph other words.
    fn edited(&self, earlier: &Verdict, later: &Verdict) -> Vec<usize> {
        let (old, new) = (self.old, self.new);
        let (Some(was), Some(now)) = (old.policy.duty(earlier.duty), new.policy.duty(later.duty)) else {
            return Vec::new();
        };
        let mut editions = Vec::new();
        if !duty_text(old.policy, was).same_as(&duty_text(new.policy, now)) {
            editions.push(now.edition);
        }
        let before_words: Vec<(&str, Option<&str>)> = old
            .citations(was)
            .into_iter()
            .map(|paragraph| (paragraph.key.as_str(), paragraph.text.as_deref()))
            .collect();
        for paragraph in new.citations(now) {
            if !before_words.contains(&(paragraph.key.as_str(), paragraph.text.as_deref())) {
                editions.push(paragraph.edition);
            }
        }
        editions
    }

    /// What of the council's arrangements that the verdicts rest on
    /// changed between the dates; where nothing they rest on did and the
    /// law did not either, everything that changed (what a verdict rests
    /// on is not always among the facts it names).
    fn facts(&self, before: Option<&Verdict>, after: Option<&Verdict>, law_same: bool) -> Vec<Item> {
        let mut entities = Vec::new();
        let mut events = Vec::new();
        let mut absences = false;
        for verdict in before.into_iter().chain(after) {
            for used in &verdict.facts {
                let (about, on) = used.fact.rests_on();
                entities.extend(about);
                events.extend(on);
                absences |= matches!(used.fact, Fact::NoBodyOfKind { .. });
            }
            entities.extend(verdict.bindings.iter().map(|binding| binding.entity));
        }
        let duties: Vec<DutyId> = before.into_iter().chain(after).map(|verdict| verdict.duty).collect();
        let arrangement = self.new.arrangement;
        let rests_on = |changed: &&Changed| match changed {
            Changed::Entity(id) => entities.contains(id),
            Changed::Event(id) => events.contains(id),
            Changed::Answer(id) => arrangement
                .answer(*id)
                .is_some_and(|answer| duties.contains(&answer.duty)),
            Changed::Departure(id) => arrangement
                .departure(*id)
                .is_some_and(|departure| duties.contains(&departure.duty)),
            Changed::Absences => absences,
        };
        let mut relevant: Vec<&Changed> = self.changed.iter().filter(rests_on).collect();
        if relevant.is_empty() && law_same {
            relevant = self.changed.iter().collect();
        }
        relevant.into_iter().filter_map(|changed| self.item(*changed)).collect()
    }

    /// An item of the later side's arrangements, named.
    fn item(&self, changed: Changed) -> Option<Item> {
        let arrangement = self.new.arrangement;
        let duty_key = |duty: DutyId| self.new.policy.duty(duty).map(|duty| duty.key.clone());
        Some(match changed {
            Changed::Entity(id) => arrangement.entity(id).map(|entity| Item {
                kind: entity.kind.word(),
                key: entity.key.to_string(),
            })?,
            Changed::Event(id) => arrangement.event(id).map(|event| Item {
                kind: event.kind.word(),
                key: event.key.clone(),
            })?,
            Changed::Answer(id) => Item {
                kind: "answer",
                key: duty_key(arrangement.answer(id)?.duty)?,
            },
            Changed::Departure(id) => Item {
                kind: "departure",
                key: duty_key(arrangement.departure(id)?.duty)?,
            },
            Changed::Absences => Item {
                kind: "has_no",
                key: arrangement.key.clone(),
            },
        })
    }
}

/// A verdict in words, as `verify` gives it.
fn standing(assessment: &Assessment<'_>, verdict: &Verdict) -> Standing {
    Standing {
        kind: verdict.kind(),
        label: crate::words::Permission::of(&verdict.reason)
            .map_or(verdict.kind().name(), |permission| permission.name()),
        explanation: assessment.wording().reason(verdict),
    }
}

fn title(duty: Option<&Duty>) -> String {
    match duty {
        Some(duty) => match (&duty.title, &duty.kind) {
            (Some(title), _) => title.clone(),
            (None, DutyKind::Rule { text, .. }) => text.clone(),
            (None, DutyKind::Question { asks, .. }) => asks.clone(),
        },
        None => String::new(),
    }
}
