//! The guidance's own changes between the two sides of a comparison:
//! paragraphs whose words in force differ (word by word), and duties the
//! guidance added, repealed or changed.

use similar::{ChangeTag, TextDiff};

use super::*;
use crate::date::Day;
use crate::model::{Duty, DutyKind, Paragraph, Policy, Versioned};

pub(super) fn duty_text(policy: &Policy, duty: &Duty) -> DutyText {
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
pub(super) fn guidance_changes(old: &Policy, old_day: Day, new: &Policy, new_day: Day) -> GuidanceChanges {
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
        let change = match (before, after) {
            (None, Some(_)) => ParagraphState::Inserted,
            (Some(_), None) => ParagraphState::Repealed,
            (Some(_), Some(_)) | (None, None) => ParagraphState::Reworded,
        };
        changes.push(ParagraphChange {
            change,
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
                // Repealed: by the amendment that repeals it; else its
                // edition was replaced by the one in force then.
                None => new
                    .paragraph_by_key(&key)
                    .and_then(|family| {
                        new.repeals
                            .iter()
                            .find(|repeal| repeal.target == Versioned::Paragraph(family))
                    })
                    .map_or_else(|| instrument(new, 0), |repeal| instrument(new, repeal.edition)),
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
            Some((_, old_text, _)) if old_text.same_as(text) => {}
            Some((_, old_text, _)) => changes.push(DutyChange {
                duty: key.clone(),
                title: name.clone(),
                differs: old_text.differences(text),
                before: Some(old_text.clone()),
                after: Some(text.clone()),
            }),
            None => changes.push(DutyChange {
                duty: key.clone(),
                title: name.clone(),
                before: None,
                after: Some(text.clone()),
                differs: Vec::new(),
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
                differs: Vec::new(),
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
