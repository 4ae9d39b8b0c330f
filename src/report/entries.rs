//! The entries of a report besides its rows: the editions its front
//! matter names, the documents relied on, the departures register and the
//! timeline.

use std::fmt::Write as _;

use crate::date::Holding;
use crate::eval::VerdictKind;
use crate::model::{Basis, DocumentId, Edition, Event, EventId};
use crate::words::{capitalise, date as date_words, Wording};
use crate::Assessment;

use super::rows::{headline, Row};

/// A guidance edition or local policy as the front matter names it.
#[derive(Clone, Debug)]
pub(super) struct EditionEntry {
    pub(super) key: String,
    pub(super) title: String,
    pub(super) issuer: Option<String>,
    pub(super) issued: Option<String>,
    pub(super) force: &'static str,
}

impl EditionEntry {
    pub(super) fn new(edition: &Edition) -> EditionEntry {
        EditionEntry {
            key: edition.key.clone(),
            title: edition.title.clone(),
            issuer: edition.issuer.clone(),
            issued: edition.issued.map(|date| date.to_string()),
            force: edition.force.description(),
        }
    }

    /// "TITLE (KEY), issued by ISSUER, DATE", the words of a front matter
    /// line, before any escaping.
    pub(super) fn describe(&self) -> String {
        let mut words = format!("{} ({})", self.title, self.key);
        let _ = match (&self.issuer, &self.issued) {
            (Some(issuer), Some(issued)) => write!(words, ", issued by {issuer}, {issued}"),
            (Some(issuer), None) => write!(words, ", issued by {issuer}"),
            (None, Some(issued)) => write!(words, ", issued {issued}"),
            (None, None) => Ok(()),
        };
        words
    }
}

/// A document a row relies on, for the list at the report's end, by what
/// a reader needs to find it: its title, date and address. One document
/// may be both the council's and the guidance's (a council's paper the
/// guidance paraphrases): it is listed once (the two declarations name
/// the same file, or the same address).
#[derive(Clone, Debug)]
pub(super) struct DocumentEntry {
    /// The council's arrangements cite it for a fact or an answer.
    pub(super) arrangement: Option<DocumentId>,
    /// The guidance takes a cited paragraph's words from it.
    pub(super) guidance: Option<DocumentId>,
    pub(super) title: String,
    /// When it was issued, in words ("March 2016").
    pub(super) date: Option<String>,
    /// Where a reader finds it.
    pub(super) address: Option<String>,
    /// Which file its text was read from: only to tell that two
    /// declarations are one document, never shown.
    seed: Option<String>,
}

impl DocumentEntry {
    fn new(document: &crate::model::Document, arrangement: Option<DocumentId>, guidance: Option<DocumentId>) -> Self {
        DocumentEntry {
            arrangement,
            guidance,
            title: document.title.clone(),
            date: document.date.map(date_words),
            address: document.address.clone(),
            seed: document.seed.clone(),
        }
    }

    /// Whether a declaration of the guidance's is this document.
    fn is(&self, document: &crate::model::Document) -> bool {
        let same = |ours: &Option<String>, theirs: &Option<String>| ours.is_some() && ours == theirs;
        same(&self.seed, &document.seed) || same(&self.address, &document.address)
    }
}

impl DocumentEntry {
    /// What the report relies on it for.
    pub(super) fn used_for(&self) -> &'static str {
        match (self.arrangement, self.guidance) {
            (Some(_), Some(_)) => "The council's facts and answers, and the guidance's words",
            (Some(_), None) => "The council's facts and answers",
            (None, Some(_) | None) => "The guidance's words",
        }
    }
}

/// A recorded departure, for the register.
#[derive(Clone, Debug)]
pub(super) struct DepartureEntry {
    pub(super) duty: String,
    pub(super) title: String,
    pub(super) reasons: String,
    pub(super) approved_by: Option<String>,
    pub(super) approved: Option<String>,
    pub(super) review_by: Option<String>,
    /// Whether the review date has passed as at the report's date: every
    /// day of it is before that date. `None` when no date is set.
    pub(super) review_passed: Option<bool>,
    /// The duty's verdict as at the report's date (a departure, or `pass`
    /// once the duty is met again).
    pub(super) verdict: Option<VerdictKind>,
}

/// An event of the timeline.
#[derive(Clone, Debug)]
pub(super) struct TimelineEntry {
    pub(super) date: String,
    pub(super) kind: &'static str,
    pub(super) key: String,
    pub(super) concerns: Option<String>,
    pub(super) roles: Vec<String>,
    pub(super) what: Option<String>,
    pub(super) by: Option<String>,
    /// Whether who carried it out is inferred, not stated.
    pub(super) by_inferred: bool,
    pub(super) outcome: Option<String>,
    /// Whether its outcome is inferred, not stated.
    pub(super) outcome_inferred: bool,
    pub(super) note: Option<String>,
    /// For a review: the change it answers, "KIND KEY (DATE)".
    pub(super) answers: Option<String>,
}

impl TimelineEntry {
    /// What happened, one line per part, before any escaping.
    pub(super) fn details(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(what) = &self.what {
            lines.push(what.clone());
        }
        if !self.roles.is_empty() {
            lines.push(format!("Roles: {}.", self.roles.join(", ")));
        }
        if let Some(by) = &self.by {
            lines.push(format!("By: {by}."));
        }
        if let Some(outcome) = &self.outcome {
            lines.push(format!("Outcome: {outcome}"));
        }
        if let Some(note) = &self.note {
            lines.push(format!("Note: {note}"));
        }
        lines
    }

    /// The attribute that marks, for tools and the page's style, which of
    /// its parts are inferred: ` data-inferred="by outcome"`, or nothing.
    pub(super) fn inferred_attribute(&self) -> String {
        let parts: Vec<&str> = [(self.by_inferred, "by"), (self.outcome_inferred, "outcome")]
            .into_iter()
            .filter_map(|(inferred, part)| inferred.then_some(part))
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!(" data-inferred=\"{}\"", parts.join(" "))
        }
    }

    /// "Review (cabinet_2017)".
    pub(super) fn event(&self) -> String {
        format!("{} ({})", capitalise(self.kind), self.key)
    }
}

/// The documents the rows cite, for the list at the report's end: the
/// council's documents any row's evidence names, then the guidance's
/// documents the words of any cited paragraph come from, each in the
/// order its file declares them, so the list is the same on every run.
pub(super) fn documents_relied_on(report: &Assessment<'_>, rows: &[Row]) -> Vec<DocumentEntry> {
    let mut documents = Vec::new();
    for (index, document) in report.arrangement.documents.iter().enumerate() {
        let id = DocumentId::from_index(index);
        if rows
            .iter()
            .any(|row| row.evidence.iter().any(|(cited, _)| *cited == id))
        {
            documents.push(DocumentEntry::new(document, Some(id), None));
        }
    }
    let mut guidance: Vec<DocumentId> = Vec::new();
    for verdict in report.verdicts {
        let Some(duty) = report.duty(verdict) else {
            continue;
        };
        for paragraph in report.citations(duty) {
            let document = match &paragraph.provenance {
                crate::model::Provenance::Verbatim { document }
                | crate::model::Provenance::Quoted { document, .. }
                | crate::model::Provenance::Paraphrase { document } => Some(*document),
                crate::model::Provenance::NotAtHand { .. } => None,
            };
            if let Some(document) = document {
                if !guidance.contains(&document) {
                    guidance.push(document);
                }
            }
        }
    }
    guidance.sort_by_key(|id| id.index());
    for id in guidance {
        let Some(document) = report.policy.documents.get(id.index()) else {
            continue;
        };
        let same = documents
            .iter_mut()
            .find(|entry| entry.guidance.is_none() && entry.is(document));
        match same {
            Some(entry) => {
                entry.guidance = Some(id);
                // The council's declaration may leave out what the
                // guidance's gives.
                if entry.date.is_none() {
                    entry.date = document.date.map(date_words);
                }
                if entry.address.is_none() {
                    entry.address.clone_from(&document.address);
                }
            }
            None => documents.push(DocumentEntry::new(document, None, Some(id))),
        }
    }
    documents
}

/// "Yes" or "No" for whether a departure's review date has passed.
pub(super) fn review_passed_words(passed: Option<bool>) -> &'static str {
    match passed {
        Some(true) => "Yes: the departure is due for review",
        Some(false) => "No",
        None => "No review date set",
    }
}

/// The departures register: each recorded departure, with its duty's
/// verdict as at the report's date.
pub(super) fn departures(report: &Assessment<'_>) -> Vec<DepartureEntry> {
    report
        .departures
        .iter()
        .filter_map(|status| {
            let departure = report.arrangement.departure(status.departure)?;
            let duty = report.policy.duty(departure.duty);
            Some(DepartureEntry {
                duty: duty.map_or_else(|| "(unknown duty)".to_owned(), |duty| duty.key.clone()),
                title: duty.map(headline).unwrap_or_default(),
                reasons: departure.reasons.clone(),
                approved_by: departure.approved_by.clone(),
                approved: departure.approved.map(date_words),
                review_by: departure.review_by.map(date_words),
                review_passed: status.review_passed,
                verdict: report
                    .verdicts
                    .iter()
                    .find(|verdict| report.policy.family(verdict.duty) == report.policy.family(departure.duty))
                    .map(|verdict| verdict.kind()),
            })
        })
        .collect()
}

/// What happened up to the as-at date, in the order the papers give: an
/// event after every event it is known to follow, file order where
/// partial dates leave it open; and how many events are left out. An
/// event dated after the as-at date is not what had happened as at it: it
/// is left out, and the report says how many were.
pub(super) fn timeline(report: &Assessment<'_>) -> (Vec<TimelineEntry>, usize) {
    let wording = report.wording();
    // An event that may have come by the as-at date is shown; only one
    // surely later is left out.
    let on_time = |event: &&Event| report.arrangement.timeline.happened_by(event.at, report.as_at) != Holding::No;
    let later_events = report.arrangement.events.iter().filter(|event| !on_time(event)).count();
    let timeline = report
        .arrangement
        .events_in_order()
        .into_iter()
        .filter_map(|id| Some((id, report.arrangement.event(id)?)))
        .filter(|(_, event)| on_time(event))
        .map(|(id, event)| timeline_entry(report, &wording, id, event))
        .collect();
    (timeline, later_events)
}

/// One event as the timeline shows it.
fn timeline_entry(report: &Assessment<'_>, wording: &Wording<'_>, id: EventId, event: &Event) -> TimelineEntry {
    TimelineEntry {
        date: wording.event_date(id),
        kind: event.kind.word(),
        key: event.key.clone(),
        concerns: (!event.concerns.is_empty()).then(|| wording.labels(&event.concerns)),
        roles: event
            .roles
            .iter()
            .filter_map(|role| report.policy.role(*role))
            .map(|role| role.title.clone())
            .collect(),
        what: event.what.clone(),
        by: wording.event_by(event),
        by_inferred: event.by_basis == Basis::Inferred,
        outcome: wording.event_outcome(event),
        outcome_inferred: event.outcome.is_some() && event.outcome_basis == Basis::Inferred,
        note: event.note.clone(),
        answers: event
            .answers
            .and_then(|answered_id| Some((answered_id, report.arrangement.event(answered_id)?)))
            .map(|(answered_id, answered)| {
                format!(
                    "{} ({}), {}",
                    capitalise(answered.kind.word()),
                    answered.key,
                    wording.event_date(answered_id)
                )
            }),
    }
}
