//! `dcsc diff`: the same councils under two verified outcomes (two sets of
//! guidance at one date, or one guidance at two dates), compared duty by
//! duty, and the guidance's own changes between the two sides.
//!
//! A comparison is data: which duties changed verdict for which council,
//! which appeared or disappeared, and why (the guidance, the council's
//! arrangements, or both); which paragraphs' words changed, word by word;
//! which duties the guidance added, repealed or changed. `render::diff`
//! writes it for people and programs.

use similar::{ChangeTag, TextDiff};

use crate::date::{Day, Holding};
use crate::eval::{Verdict, VerdictKind};
use crate::model::{Duty, DutyId, DutyKind, EditionId, Paragraph, Policy};
use crate::outcome::{Assessment, Verified};
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

/// Why a duty's verdict differs between the sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Because {
    /// The guidance: the duty is new, repealed, or its rule, modality,
    /// conditions or cited words differ; the council's facts are the
    /// same.
    Guidance,
    /// The council's arrangements as they stood: the duty is the same,
    /// the facts are not.
    Arrangements,
    /// Both changed.
    Both,
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
    /// The verdict before, if the duty applied then.
    pub before: Option<Standing>,
    /// The verdict after, if the duty applies then.
    pub after: Option<Standing>,
    /// What changed.
    pub because: Because,
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
    /// The words compared, word by word.
    pub pieces: Vec<Piece>,
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
            .filter(|(index, _)| verified.policy.in_force_nationally(*index, verified.as_at).possible())
            .map(|(_, edition)| edition.key.clone())
            .collect(),
    }
}

/// The changes of one council's verdicts.
fn council_changes(old: &Assessment<'_>, new: &Assessment<'_>) -> Vec<VerdictChange> {
    let key_of = |assessment: &Assessment<'_>, verdict: &Verdict| {
        assessment
            .policy
            .duty(verdict.duty)
            .map_or_else(String::new, |duty| duty.key.clone())
    };
    let standing = |assessment: &Assessment<'_>, verdict: &Verdict| Standing {
        kind: verdict.kind(),
        label: crate::words::Permission::of(&verdict.reason)
            .map_or(verdict.kind().name(), |permission| permission.name()),
        explanation: assessment.wording().reason(verdict),
    };
    let mut changes = Vec::new();
    for verdict in new.verdicts {
        let key = key_of(new, verdict);
        let earlier = old.verdicts.iter().find(|candidate| key_of(old, candidate) == key);
        // A verdict changes when its kind does: the same verdict explained
        // as at another date ("no answer is recorded up to …") is not a
        // change.
        if earlier.is_some_and(|candidate| candidate.kind() == verdict.kind()) {
            continue;
        }
        let after = standing(new, verdict);
        let before = earlier.map(|candidate| standing(old, candidate));
        let guidance = match earlier {
            Some(candidate) => !same_duty(old, candidate.duty, new, verdict.duty),
            None => true,
        };
        let arrangements = old.arrangement_facts_differ(new);
        changes.push(VerdictChange {
            title: title(new.policy.duty(verdict.duty)),
            duty: key,
            before,
            after: Some(after),
            because: because(guidance, arrangements),
        });
    }
    for verdict in old.verdicts {
        let key = key_of(old, verdict);
        if new.verdicts.iter().any(|candidate| key_of(new, candidate) == key) {
            continue;
        }
        changes.push(VerdictChange {
            title: title(old.policy.duty(verdict.duty)),
            duty: key,
            before: Some(standing(old, verdict)),
            after: None,
            because: because(true, old.arrangement_facts_differ(new)),
        });
    }
    changes
}

fn because(guidance: bool, arrangements: bool) -> Because {
    match (guidance, arrangements) {
        (true, true) => Because::Both,
        (true, false) => Because::Guidance,
        (false, true) => Because::Arrangements,
        (false, false) => Because::Time,
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

/// Whether a duty is the same on both sides: its text, and the words in
/// force of every paragraph it cites.
fn same_duty(old: &Assessment<'_>, old_id: DutyId, new: &Assessment<'_>, new_id: DutyId) -> bool {
    let (Some(before), Some(after)) = (old.policy.duty(old_id), new.policy.duty(new_id)) else {
        return false;
    };
    let words = |assessment: &Assessment<'_>, duty: &Duty| -> Vec<Option<String>> {
        assessment
            .citations(duty)
            .into_iter()
            .map(|paragraph| paragraph.text.clone())
            .collect()
    };
    duty_text(old.policy, before) == duty_text(new.policy, after) && words(old, before) == words(new, after)
}

fn duty_text(policy: &Policy, duty: &Duty) -> DutyText {
    DutyText {
        rule: match &duty.kind {
            DutyKind::Rule { text, .. } => text.clone(),
            DutyKind::Question { asks, .. } => asks.clone(),
        },
        modality: duty.modality.words(),
        statute: duty.statute.clone(),
        conditions: duty.conditions.iter().map(|condition| condition.text.clone()).collect(),
        cites: duty
            .cites
            .iter()
            .filter_map(|paragraph| policy.paragraph(*paragraph).map(|paragraph| paragraph.key.clone()))
            .collect(),
        edition: policy
            .edition(EditionId::from_index(duty.edition))
            .map_or_else(String::new, |edition| edition.key.clone()),
    }
}

/// The guidance's changes between the two sides, across the country (each
/// amendment by its national date).
fn guidance_changes(old: &Policy, old_day: Day, new: &Policy, new_day: Day) -> GuidanceChanges {
    GuidanceChanges {
        paragraphs: paragraph_changes(old, old_day, new, new_day),
        duties: duty_changes(old, old_day, new, new_day),
    }
}

/// The paragraphs whose words in force differ, by key: the later side's
/// paragraphs first, then those only the earlier side has.
fn paragraph_changes(old: &Policy, old_day: Day, new: &Policy, new_day: Day) -> Vec<ParagraphChange> {
    let families = |policy: &Policy| -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for paragraph in &policy.paragraphs {
            if !keys.contains(&paragraph.key) {
                keys.push(paragraph.key.clone());
            }
        }
        keys
    };
    let mut keys = families(new);
    for key in families(old) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let mut changes = Vec::new();
    for key in keys {
        let (before, after) = (words_in_force(old, &key, old_day), words_in_force(new, &key, new_day));
        let text = |paragraph: Option<&Paragraph>| paragraph.and_then(|paragraph| paragraph.text.clone());
        let (before_text, after_text) = (text(before), text(after));
        if before_text == after_text && before.is_some() == after.is_some() {
            continue;
        }
        let shown = after.or(before);
        changes.push(ParagraphChange {
            paragraph: key.clone(),
            section: shown.map_or_else(String::new, |paragraph| paragraph.section.clone()),
            pieces: pieces(
                before_text.as_deref().unwrap_or(""),
                after_text.as_deref().unwrap_or(""),
            ),
            before: before_text,
            after: after_text,
            source: match after {
                Some(paragraph) => instrument(new, paragraph.edition),
                // Repealed: by the amendment that repeals it.
                None => new
                    .paragraph_by_key(&key)
                    .and_then(|family| {
                        new.repeals
                            .iter()
                            .find(|repeal| repeal.target == crate::model::Versioned::Paragraph(family))
                    })
                    .map_or_else(String::new, |repeal| instrument(new, repeal.edition)),
            },
        });
    }
    changes
}

/// The duties in force on one side and not the same on the other: added
/// or changed in the later side's order, then repealed.
fn duty_changes(old: &Policy, old_day: Day, new: &Policy, new_day: Day) -> Vec<DutyChange> {
    let in_force = |policy: &Policy, day: Day| -> Vec<(String, DutyText, String)> {
        policy
            .duties
            .iter()
            .enumerate()
            .filter(|(index, _)| policy.duty_in_force_nationally(DutyId::from_index(*index), day) == Holding::Yes)
            .map(|(_, duty)| (duty.key.clone(), duty_text(policy, duty), title(Some(duty))))
            .collect()
    };
    let (before, after) = (in_force(old, old_day), in_force(new, new_day));
    let mut changes = Vec::new();
    for (key, text, name) in &after {
        match before.iter().find(|(other, ..)| other == key) {
            Some((_, old_text, _)) if old_text == text => {}
            Some((_, old_text, _)) => changes.push(DutyChange {
                duty: key.clone(),
                title: name.clone(),
                before: Some(old_text.clone()),
                after: Some(text.clone()),
            }),
            None => changes.push(DutyChange {
                duty: key.clone(),
                title: name.clone(),
                before: None,
                after: Some(text.clone()),
            }),
        }
    }
    for (key, text, name) in &before {
        if !after.iter().any(|(other, ..)| other == key) {
            changes.push(DutyChange {
                duty: key.clone(),
                title: name.clone(),
                before: Some(text.clone()),
                after: None,
            });
        }
    }
    changes
}

/// Where words come from: an amendment's instrument, else the edition's
/// key.
fn instrument(policy: &Policy, edition: usize) -> String {
    policy
        .edition(EditionId::from_index(edition))
        .map_or_else(String::new, |edition| {
            edition.instrument.clone().unwrap_or_else(|| edition.key.clone())
        })
}

/// A paragraph's words in force in the country as at a day, by its key.
fn words_in_force<'p>(policy: &'p Policy, key: &str, day: Day) -> Option<&'p Paragraph> {
    let family = policy.paragraph_by_key(key)?;
    policy.paragraph_in_force_nationally(family, day)
}

/// Two texts compared word by word, runs of the same tag joined.
fn pieces(before: &str, after: &str) -> Vec<Piece> {
    let diff = TextDiff::from_words(before, after);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let value = change.value();
        let piece = match change.tag() {
            ChangeTag::Equal => Piece::Same(value.to_owned()),
            ChangeTag::Delete => Piece::Removed(value.to_owned()),
            ChangeTag::Insert => Piece::Added(value.to_owned()),
        };
        match (pieces.last_mut(), &piece) {
            (Some(Piece::Same(text)), Piece::Same(more))
            | (Some(Piece::Removed(text)), Piece::Removed(more))
            | (Some(Piece::Added(text)), Piece::Added(more)) => text.push_str(more),
            _ => pieces.push(piece),
        }
    }
    pieces
}
