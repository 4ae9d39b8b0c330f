//! The rows of a report: one per verdict, with the guidance's words, the
//! council's response, the verdict and its explanation and evidence, and
//! the sections that group them.

use crate::eval::{Verdict, VerdictKind};
use crate::model::{DocumentId, Duty, DutyKind, EvidenceRef, Predicate, RoleId, Subject};
use crate::words::Standing;
use crate::Assessment;

use super::entries::DocumentEntry;

/// One verdict as a row of the assurance table and of the compliance
/// framework.
#[derive(Clone, Debug)]
pub(super) struct Row {
    /// The duty or question id.
    pub(super) duty: String,
    /// The guidance section it is grouped under.
    pub(super) section: String,
    /// The council's own reference for its answer, if its paper gives one.
    pub(super) reference: Option<String>,
    /// The guidance's words: a question's `asks`, a duty's title or rule.
    pub(super) requirement: String,
    /// The paragraphs cited, as keys, each followed by how its words are
    /// known where the guidance's own text is not at hand ("3.remainder
    /// (words not at hand)").
    pub(super) paragraphs: Vec<String>,
    /// Plain words for one line of the summary: the title, else the
    /// guidance's words.
    pub(super) headline: String,
    /// The council's response or account of how it discharges the duty.
    pub(super) response: Option<String>,
    pub(super) verdict: VerdictKind,
    /// What the compliance column shows.
    pub(super) standing: Standing,
    /// Where the council's papers state each fact and answer the verdict
    /// rests on: each document with the places in it, in the order
    /// consulted.
    pub(super) evidence: Vec<(DocumentId, Vec<String>)>,
    /// The principal role the duty is about, to tell apart rows whose
    /// guidance words are the same.
    pub(super) role: Option<String>,
    pub(super) reason: String,
    pub(super) missing: Vec<String>,
    pub(super) notes: Vec<String>,
    pub(super) modality: &'static str,
    /// The duty's value of each of the policy's classifications (Barnet's
    /// "Type of responsibility" and "Focus"), in [`super::Document::classifications`]
    /// order.
    pub(super) classification: Vec<Option<String>>,
}

impl Row {
    /// The citation after the guidance's words: "(para 2; key_points.first_tier)".
    pub(super) fn citation(&self) -> String {
        format!("({})", citation_list(&self.paragraphs))
    }

    /// The assurance requirement: the guidance's words and their citation.
    pub(super) fn requirement_cell(&self) -> String {
        format!("{} {}", self.requirement, self.citation())
    }

    /// The explanation: the reason, then the facts the arrangement does
    /// not state (unless the reason already names them) and any remarks,
    /// one per line.
    pub(super) fn explanation_lines(&self) -> Vec<String> {
        let mut lines = vec![self.reason.clone()];
        let unsaid: Vec<&str> = self
            .missing
            .iter()
            .filter(|missing| !self.reason.contains(missing.as_str()))
            .map(String::as_str)
            .collect();
        if !unsaid.is_empty() {
            lines.push(format!("Not stated: {}.", unsaid.join("; ")));
        }
        for note in &self.notes {
            lines.push(format!("Note: {note}"));
        }
        lines
    }

    /// "Evidence: TITLE, at PLACE; PLACE.", one line per document.
    pub(super) fn evidence_lines(&self, documents: &[DocumentEntry]) -> Vec<String> {
        self.evidence
            .iter()
            .filter_map(|(id, places)| {
                let document = documents.iter().find(|entry| entry.arrangement == Some(*id))?;
                let title = crate::words::inner(&document.title);
                Some(if places.is_empty() {
                    format!("Evidence: {title}.")
                } else {
                    crate::words::sentence(&format!("Evidence: {title}, at {}", places.join("; ")))
                })
            })
            .collect()
    }

    /// What the compliance framework says of how the duty is discharged:
    /// the response is printed once, in the assurance table, and the
    /// framework points to it, so a printed report does not carry every
    /// response twice.
    pub(super) fn discharged(&self) -> Option<String> {
        self.response.as_ref().map(|_| match &self.reference {
            Some(reference) => format!(
                "Given in the assurance table, reference {}.",
                crate::words::inner(reference)
            ),
            None => "Given in the assurance table.".to_owned(),
        })
    }
}

/// Paragraph keys as a committee reads them: numbered paragraphs as "para
/// 2", named ones by their key.
pub(super) fn citation_list(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|key| {
            if key.starts_with(|first: char| first.is_ascii_digit()) {
                format!("para {key}")
            } else {
                key.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rows under one guidance section.
#[derive(Clone, Debug)]
pub(super) struct Section {
    pub(super) title: String,
    /// The local policy whose paragraphs first name the section, when it
    /// is not the guidance's own: a committee should see which duties the
    /// council set itself.
    pub(super) local_policy: Option<String>,
    pub(super) rows: Vec<Row>,
}

impl Section {
    /// The section's heading: its title, and the local policy it comes
    /// from, if any.
    pub(super) fn heading(&self) -> String {
        match &self.local_policy {
            Some(policy) => format!("{} (local policy {policy})", self.title),
            None => self.title.clone(),
        }
    }
}

/// Where each fact and answer a verdict rests on comes from, grouped by
/// document in the order first consulted, each place once.
fn evidence(report: &Assessment<'_>, verdict: &Verdict) -> Vec<(DocumentId, Vec<String>)> {
    let answer = verdict
        .answer
        .and_then(|id| report.arrangement.answer(id))
        .and_then(|answer| answer.origin.evidence.as_deref());
    let cited: Vec<&EvidenceRef> = verdict
        .facts
        .iter()
        .filter_map(|used| used.origin.evidence.as_deref())
        .chain(answer)
        .collect();
    let mut grouped: Vec<(DocumentId, Vec<String>)> = Vec::new();
    for reference in cited {
        let index = match grouped.iter().position(|(id, _)| *id == reference.document) {
            Some(index) => index,
            None => {
                grouped.push((reference.document, Vec::new()));
                grouped.len() - 1
            }
        };
        if let (Some((_, places)), Some(location)) = (grouped.get_mut(index), &reference.location) {
            let place = crate::words::inner(location).to_owned();
            if !places.contains(&place) {
                places.push(place);
            }
        }
    }
    grouped
}

/// The principal role a duty is about: its subject's role, else the role
/// its conditions are about, else the role whose changes renew its
/// answers.
fn principal_role(duty: &Duty) -> Option<RoleId> {
    fn of_subject(subject: &Subject) -> Option<RoleId> {
        match subject {
            Subject::Role(role) => Some(*role),
            Subject::Quantified { holding, .. } => *holding,
            Subject::Council => None,
        }
    }
    let from_rule = match &duty.kind {
        DutyKind::Rule { subject, .. } => of_subject(subject),
        DutyKind::Question { .. } => None,
    };
    let from_question = match &duty.kind {
        DutyKind::Question { renew_on_change_of, .. } => *renew_on_change_of,
        DutyKind::Rule { .. } => None,
    };
    from_rule
        .or_else(|| {
            duty.conditions
                .iter()
                .find_map(|condition| of_subject(&condition.subject))
        })
        .or(from_question)
        .or_else(|| match &duty.kind {
            DutyKind::Rule {
                predicate: Predicate::Hold(roles),
                ..
            } => roles.first().copied(),
            DutyKind::Rule { .. } | DutyKind::Question { .. } => None,
        })
}

/// Rows whose guidance words are the same (the DCS's and the LMCS's
/// version of one paragraph) are told apart by the principal role each is
/// about, in words after the requirement; where that does not tell them
/// apart either, by the duty's identifier.
pub(super) fn tell_apart(rows: &mut [Row]) {
    let requirements: Vec<String> = rows.iter().map(|row| row.requirement.clone()).collect();
    let roles: Vec<Option<String>> = rows.iter().map(|row| row.role.clone()).collect();
    for (index, row) in rows.iter_mut().enumerate() {
        let twins: Vec<usize> = requirements
            .iter()
            .enumerate()
            .filter(|(other, text)| *other != index && **text == row.requirement)
            .map(|(other, _)| other)
            .collect();
        if twins.is_empty() {
            continue;
        }
        let own_role = roles.get(index).cloned().flatten();
        let role_tells = own_role.as_ref().is_some_and(|role| {
            twins
                .iter()
                .all(|twin| roles.get(*twin).cloned().flatten().as_ref() != Some(role))
        });
        let suffix = match (own_role, role_tells) {
            (Some(role), true) => format!("(as to the {role})"),
            (Some(_) | None, _) => format!("(duty {})", row.duty),
        };
        row.requirement = format!("{} {suffix}", row.requirement);
        row.headline = format!("{} {suffix}", row.headline);
    }
}

/// The title of a duty, else its words: what one line names it by.
pub(super) fn headline(duty: &Duty) -> String {
    match (&duty.title, &duty.kind) {
        (Some(title), _) => title.clone(),
        (None, DutyKind::Rule { text, .. }) => text.clone(),
        (None, DutyKind::Question { asks, .. }) => asks.clone(),
    }
}

pub(super) fn row(report: &Assessment<'_>, verdict: &Verdict) -> Option<Row> {
    let duty = report.duty(verdict)?;
    let requirement = match &duty.kind {
        DutyKind::Question { asks, .. } => asks.clone(),
        DutyKind::Rule { text, .. } => duty.title.clone().unwrap_or_else(|| text.clone()),
    };
    let answer = verdict.answer.and_then(|id| report.arrangement.answer(id));
    let wording = report.wording();
    let classification = (0..report.policy.tag_keys.len())
        .map(|index| {
            duty.tags
                .iter()
                .find(|tag| tag.key.index() == index)
                .and_then(|tag| report.policy.tag_value(*tag))
                .map(str::to_owned)
        })
        .collect();
    Some(Row {
        duty: duty.key.clone(),
        section: report.section(duty).to_owned(),
        reference: answer.and_then(|answer| answer.reference.clone()),
        requirement,
        // Each paragraph says how its words are known, unless the
        // guidance's own text is at hand: the requirement stands on them.
        paragraphs: report
            .citations(duty)
            .into_iter()
            .map(|paragraph| match crate::words::words_known(&paragraph.provenance) {
                Some(known) => format!("{} ({known})", paragraph.key),
                None => paragraph.key.clone(),
            })
            .collect(),
        headline: headline(duty),
        response: answer.map(|answer| wording.answer_words(&answer.text)),
        verdict: verdict.kind(),
        standing: Standing::of(verdict),
        evidence: evidence(report, verdict),
        role: principal_role(duty)
            .and_then(|role| report.policy.role(role))
            .map(|role| role.title.clone()),
        reason: wording.reason(verdict),
        missing: verdict.missing.iter().map(|missing| wording.missing(missing)).collect(),
        notes: wording.notes(verdict),
        modality: duty.modality.words(),
        classification,
    })
}

/// The rows under their guidance sections: the sections in the order the
/// policy's paragraphs name them, then any section no paragraph names
/// ("Other duties") in the order first met; sections with no row left out.
pub(super) fn sections(report: &Assessment<'_>, rows: Vec<Row>) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for paragraph in &report.policy.paragraphs {
        if sections.iter().all(|section| section.title != paragraph.section) {
            sections.push(Section {
                title: paragraph.section.clone(),
                local_policy: (paragraph.edition > 0)
                    .then(|| report.policy.editions.get(paragraph.edition))
                    .flatten()
                    .map(|edition| edition.key.clone()),
                rows: Vec::new(),
            });
        }
    }
    for row in rows {
        match sections.iter_mut().find(|section| section.title == row.section) {
            Some(section) => section.rows.push(row),
            // A section no paragraph names ("Other duties"): after the
            // guidance's own, in the order first met.
            None => sections.push(Section {
                title: row.section.clone(),
                local_policy: None,
                rows: vec![row],
            }),
        }
    }
    sections.retain(|section| !section.rows.is_empty());
    sections
}
