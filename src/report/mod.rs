//! Assurance reports a committee can read: front matter, summary, the
//! assurance table in the councils' own shape and in Barnet's, the
//! departures register and the timeline, as Markdown, HTML or CSV.
//!
//! Councils put their arrangements for the DCS and the LMCS before Cabinet
//! or a scrutiny committee as a "test of assurance" (Reference | Assurance
//! requirement | Response, as Coventry and Northumberland do) or keep a
//! compliance framework (Role and responsibility | Type | Focus | How
//! discharged | Compliance, as Barnet does). [`document`] gathers what such
//! a paper says from a rendered verdict set once, in a [`Document`] that
//! knows nothing of formats; each format then only lays it out, so the
//! Markdown, HTML and CSV of one report never disagree.
//!
//! Like the rest of the render stage, nothing here decides a verdict. A
//! report is deterministic: it carries no time of generation, only the
//! as-at date and fingerprints of the files that produced it
//! ([`Provenance`]), so the same inputs give byte-identical output.

mod csv_rows;
mod html;
mod markdown;

use std::fmt;

use sha2::{Digest, Sha256};

use crate::date::Day;
use crate::eval::{Verdict, VerdictKind};
use crate::model::{DocumentId, Duty, DutyKind, Edition, EvidenceRef, Predicate, RoleId, Subject};
use crate::words::{
    and_list, capitalise, date as date_words, day as day_words, outcome_label, verdict_meaning, verdict_words,
    Permission,
};
use crate::Assessment;

/// The columns of the assurance table, in the councils' own shape.
pub(crate) const ASSURANCE_COLUMNS: [&str; 5] = [
    "Reference",
    "Assurance requirement",
    "Response",
    "Verdict",
    "Explanation",
];

/// The first column of the compliance framework, in Barnet's shape; the
/// policy's classifications (Barnet's Type of responsibility and Focus)
/// follow it, then [`FRAMEWORK_LAST_COLUMNS`].
pub(crate) const FRAMEWORK_FIRST_COLUMN: &str = "Role and responsibility of the DCS";

/// The last columns of the compliance framework.
pub(crate) const FRAMEWORK_LAST_COLUMNS: [&str; 2] = ["How discharged", "Compliance"];

/// The columns of the timeline.
pub(crate) const TIMELINE_COLUMNS: [&str; 5] = ["Date", "Event", "Post or member", "Details", "In answer to"];

/// The columns of the list of documents relied on.
pub(crate) const DOCUMENT_COLUMNS: [&str; 3] = ["Document", "Relied on for", "Seed"];

/// What produced a report, for its front matter: traceable to exactly the
/// inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// dcsc's version (the CLI passes `env!("CARGO_PKG_VERSION")`).
    pub dcsc_version: String,
    /// SHA-256 over the policy files, as lowercase hex.
    pub policy_hash: String,
    /// SHA-256 over the arrangement files, as lowercase hex.
    pub arrangement_hash: String,
}

impl Provenance {
    /// The provenance of a rendered report from the files in its source
    /// map: the files of the policy's editions (the guidance in force and
    /// any local policies, in chain order) and the arrangement's file with
    /// the files it shares.
    ///
    /// The texts hashed are those dcsc read (a byte order mark removed,
    /// CRLF read as LF), so the fingerprint names what was evaluated, not
    /// how a copy of it happens to be encoded.
    pub fn of(report: &Assessment<'_>, dcsc_version: &str) -> Provenance {
        let mut policy_files = Vec::new();
        for edition in &report.policy.editions {
            if !policy_files.contains(&edition.file) {
                policy_files.push(edition.file);
            }
        }
        // The council's file, then the files it shares, in its order.
        let arrangement_files: Vec<crate::source::FileId> = std::iter::once(report.arrangement.file)
            .chain(report.arrangement.shared_files.iter().copied())
            .collect();
        let texts = |files: &[crate::source::FileId]| -> Vec<(String, String)> {
            files
                .iter()
                .filter_map(|file| report.sources.get(*file))
                .map(|source| (source.name().to_owned(), source.text.clone()))
                .collect()
        };
        let borrowed = |files: &[(String, String)]| -> String {
            let pairs: Vec<(&str, &str)> = files
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str()))
                .collect();
            fingerprint(&pairs)
        };
        Provenance {
            dcsc_version: dcsc_version.to_owned(),
            policy_hash: borrowed(&texts(&policy_files)),
            arrangement_hash: borrowed(&texts(&arrangement_files)),
        }
    }
}

/// SHA-256 fingerprint of several files: each file's name and text, in the
/// given order, each preceded by its length in bytes (eight bytes, big
/// endian), after the number of files. The framing makes the fingerprint
/// unambiguous: moving text from one file's end to the next file's name, or
/// splitting one file in two, changes it. Returns lowercase hex.
pub fn fingerprint(files: &[(&str, &str)]) -> String {
    fn length(bytes: usize) -> [u8; 8] {
        u64::try_from(bytes).unwrap_or(u64::MAX).to_be_bytes()
    }
    let mut hasher = Sha256::new();
    hasher.update(length(files.len()));
    for (name, text) in files {
        hasher.update(length(name.len()));
        hasher.update(name.as_bytes());
        hasher.update(length(text.len()));
        hasher.update(text.as_bytes());
    }
    hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Why a report could not be written.
#[derive(Debug)]
pub enum ReportError {
    /// The CSV writer failed.
    Csv(csv::Error),
    /// The CSV writer could not hand back its buffer.
    Flush(String),
    /// The CSV written was not UTF-8 (it cannot be: every cell is a Rust
    /// string, but the writer's buffer is bytes).
    Encoding(std::string::FromUtf8Error),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Csv(error) => write!(f, "could not write the report as CSV: {error}"),
            ReportError::Flush(error) => write!(f, "could not finish the CSV report: {error}"),
            ReportError::Encoding(error) => write!(f, "the CSV report is not UTF-8: {error}"),
        }
    }
}

impl std::error::Error for ReportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReportError::Csv(error) => Some(error),
            ReportError::Flush(_) => None,
            ReportError::Encoding(error) => Some(error),
        }
    }
}

impl From<csv::Error> for ReportError {
    fn from(error: csv::Error) -> Self {
        ReportError::Csv(error)
    }
}

/// A guidance edition or local policy as the front matter names it.
#[derive(Clone, Debug)]
struct EditionEntry {
    key: String,
    title: String,
    issuer: Option<String>,
    issued: Option<String>,
    force: &'static str,
}

impl EditionEntry {
    fn new(edition: &Edition) -> EditionEntry {
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
    fn describe(&self) -> String {
        let mut words = format!("{} ({})", self.title, self.key);
        match (&self.issuer, &self.issued) {
            (Some(issuer), Some(issued)) => words.push_str(&format!(", issued by {issuer}, {issued}")),
            (Some(issuer), None) => words.push_str(&format!(", issued by {issuer}")),
            (None, Some(issued)) => words.push_str(&format!(", issued {issued}")),
            (None, None) => {}
        }
        words
    }
}

/// How a row stands in a compliance column: its verdict, or, for a
/// permission, whether it is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Verdict(VerdictKind),
    Permission(Permission),
}

impl Standing {
    /// Every standing, in the order the summary lists them: the verdicts
    /// (what needs action first), then the permissions.
    fn all() -> impl Iterator<Item = Standing> {
        VerdictKind::ALL
            .into_iter()
            .map(Standing::Verdict)
            .chain(Permission::ALL.into_iter().map(Standing::Permission))
    }

    /// The words a committee reads: "not applicable", "permission used".
    fn words(self) -> String {
        match self {
            Standing::Verdict(kind) => verdict_words(kind),
            Standing::Permission(permission) => permission.words().to_owned(),
        }
    }

    /// The name for machines, as in the JSON output: "not_applicable",
    /// "permission_used".
    fn name(self) -> &'static str {
        match self {
            Standing::Verdict(kind) => kind.name(),
            Standing::Permission(permission) => permission.name(),
        }
    }

    /// What it means, for the summary's legend.
    fn meaning(self) -> &'static str {
        match self {
            Standing::Verdict(kind) => verdict_meaning(kind),
            Standing::Permission(permission) => permission.meaning(),
        }
    }

    fn needs_action(self) -> bool {
        match self {
            Standing::Verdict(kind) => kind.needs_action(),
            Standing::Permission(_) => false,
        }
    }
}

/// One verdict as a row of the assurance table and of the compliance
/// framework.
#[derive(Clone, Debug)]
struct Row {
    /// The duty or question id.
    duty: String,
    /// The guidance section it is grouped under.
    section: String,
    /// The council's own reference for its answer, if its paper gives one.
    reference: Option<String>,
    /// The guidance's words: a question's `asks`, a duty's title or rule.
    requirement: String,
    /// The paragraphs cited, as keys.
    paragraphs: Vec<String>,
    /// Plain words for one line of the summary: the title, else the
    /// guidance's words.
    headline: String,
    /// The council's response or account of how it discharges the duty.
    response: Option<String>,
    verdict: VerdictKind,
    /// What the compliance column shows.
    standing: Standing,
    /// Where the council's papers state each fact and answer the verdict
    /// rests on: each document with the places in it, in the order
    /// consulted.
    evidence: Vec<(DocumentId, Vec<String>)>,
    /// The principal role the duty is about, to tell apart rows whose
    /// guidance words are the same.
    role: Option<String>,
    reason: String,
    missing: Vec<String>,
    notes: Vec<String>,
    modality: &'static str,
    /// The duty's value of each of the policy's classifications (Barnet's
    /// "Type of responsibility" and "Focus"), in [`Document::classifications`]
    /// order.
    classification: Vec<Option<String>>,
}

impl Row {
    /// The citation after the guidance's words: "(para 2; key_points.first_tier)".
    fn citation(&self) -> String {
        format!("({})", citation_list(&self.paragraphs))
    }

    /// The assurance requirement: the guidance's words and their citation.
    fn requirement_cell(&self) -> String {
        format!("{} {}", self.requirement, self.citation())
    }

    /// The explanation: the reason, then the facts the arrangement does
    /// not state (unless the reason already names them) and any remarks,
    /// one per line.
    fn explanation_lines(&self) -> Vec<String> {
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
    fn evidence_lines(&self, documents: &[DocumentEntry]) -> Vec<String> {
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
}

/// Paragraph keys as a committee reads them: numbered paragraphs as "para
/// 2", named ones by their key.
fn citation_list(paragraphs: &[String]) -> String {
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
struct Section {
    title: String,
    /// The local policy whose paragraphs first name the section, when it
    /// is not the guidance's own: a committee should see which duties the
    /// council set itself.
    local_policy: Option<String>,
    rows: Vec<Row>,
}

impl Section {
    /// The section's heading: its title, and the local policy it comes
    /// from, if any.
    fn heading(&self) -> String {
        match &self.local_policy {
            Some(policy) => format!("{} (local policy {policy})", self.title),
            None => self.title.clone(),
        }
    }
}

/// A document a row relies on, for the list at the report's end. One
/// document may be both the council's and the guidance's (a council's
/// paper the guidance paraphrases): it is listed once, by its seed.
#[derive(Clone, Debug)]
struct DocumentEntry {
    /// The council's arrangements cite it for a fact or an answer.
    arrangement: Option<DocumentId>,
    /// The guidance takes a cited paragraph's words from it.
    guidance: Option<DocumentId>,
    title: String,
    seed: Option<String>,
}

impl DocumentEntry {
    /// What the report relies on it for.
    fn used_for(&self) -> &'static str {
        match (self.arrangement, self.guidance) {
            (Some(_), Some(_)) => "The council's facts and answers, and the guidance's words",
            (Some(_), None) => "The council's facts and answers",
            (None, Some(_) | None) => "The guidance's words",
        }
    }
}

/// A recorded departure, for the register.
#[derive(Clone, Debug)]
struct DepartureEntry {
    duty: String,
    title: String,
    reasons: String,
    approved_by: Option<String>,
    approved: Option<String>,
    review_by: Option<String>,
    /// Whether the review date has passed as at the report's date: every
    /// day of it is before that date. `None` when no date is set.
    review_passed: Option<bool>,
    /// The duty's verdict as at the report's date (a departure, or `pass`
    /// once the duty is met again).
    verdict: Option<VerdictKind>,
}

/// An event of the timeline.
#[derive(Clone, Debug)]
struct TimelineEntry {
    date: String,
    kind: &'static str,
    key: String,
    concerns: Option<String>,
    roles: Vec<String>,
    what: Option<String>,
    by: Option<String>,
    outcome: Option<String>,
    note: Option<String>,
    /// For a review: the change it answers, "KIND KEY (DATE)".
    answers: Option<String>,
}

impl TimelineEntry {
    /// What happened, one line per part, before any escaping.
    fn details(&self) -> Vec<String> {
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

    /// "Review (cabinet_2017)".
    fn event(&self) -> String {
        format!("{} ({})", capitalise(self.kind), self.key)
    }
}

/// The report's content, independent of format: built once by
/// [`document`], laid out by [`Document::to_markdown`],
/// [`Document::to_html`] and [`Document::to_csv`].
#[derive(Clone, Debug)]
pub struct Document {
    council: String,
    arrangement: String,
    arrangement_path: String,
    guidance: Option<EditionEntry>,
    local_policies: Vec<EditionEntry>,
    /// The amendments in force for the council, with whether that is
    /// known.
    amendments: Vec<(EditionEntry, bool)>,
    as_at: Day,
    provenance: Provenance,
    /// The titles of the policy's classifications, in the order declared.
    classifications: Vec<String>,
    sections: Vec<Section>,
    departures: Vec<DepartureEntry>,
    timeline: Vec<TimelineEntry>,
    /// How many recorded events fall after the as-at date, and are left
    /// out of the timeline.
    later_events: usize,
    /// The documents the rows rely on: the council's, then the
    /// guidance's, each in the order declared.
    documents: Vec<DocumentEntry>,
}

/// Builds the document from a rendered verdict set. Every verdict becomes
/// one row, grouped by the guidance section of its first cited paragraph,
/// sections in the order the policy's paragraphs give them (the guidance's
/// own order, local policies after it).
pub fn document(report: &Assessment<'_>, provenance: Provenance) -> Document {
    let mut rows: Vec<Row> = report
        .verdicts
        .iter()
        .filter_map(|verdict| row(report, verdict))
        .collect();
    tell_apart(&mut rows);
    let documents = documents_relied_on(report, &rows);
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

    let departures = report
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
        .collect();

    // What happened up to the as-at date, in the order the papers give:
    // an event after every event it is known to follow, file order where
    // partial dates leave it open.
    // An event dated after the as-at date is not what had happened as at
    // it: it is left out, and the report says how many were.
    let wording = report.wording();
    let on_time = |event: &&crate::model::Event| event.date.on.is_none_or(|date| date.begun_by(report.as_at));
    let later_events = report.arrangement.events.iter().filter(|event| !on_time(event)).count();
    let timeline = report
        .arrangement
        .events_in_order()
        .into_iter()
        .filter_map(|id| report.arrangement.event(id))
        .filter(on_time)
        .map(|event| TimelineEntry {
            date: wording.event_date(event.date),
            kind: event.kind.word(),
            key: event.key.clone(),
            concerns: event
                .concerns
                .and_then(|entity| report.arrangement.entity(entity))
                .map(|entity| entity.label().to_owned()),
            roles: event
                .roles
                .iter()
                .filter_map(|role| report.policy.role(*role))
                .map(|role| role.title.clone())
                .collect(),
            what: event.what.clone(),
            by: (!event.by.is_empty()).then(|| wording.actors(&event.by)),
            outcome: match (event.outcome, &event.record) {
                (Some(outcome), Some(record)) => Some(format!("{}. {record}", outcome_label(outcome))),
                (Some(outcome), None) => Some(format!("{}.", outcome_label(outcome))),
                (None, record) => record.clone(),
            },
            note: event.note.clone(),
            answers: event
                .answers
                .and_then(|answered| report.arrangement.event(answered))
                .map(|answered| {
                    format!(
                        "{} ({}), {}",
                        capitalise(answered.kind.word()),
                        answered.key,
                        wording.event_date(answered.date)
                    )
                }),
        })
        .collect();

    Document {
        council: report.arrangement.council_name().to_owned(),
        arrangement: report.arrangement.key.clone(),
        arrangement_path: report.sources.name(report.arrangement.file).to_owned(),
        guidance: report.policy.base().map(EditionEntry::new),
        local_policies: report.local_policies().into_iter().map(EditionEntry::new).collect(),
        amendments: report
            .amendments()
            .into_iter()
            .map(|(edition, holding)| (EditionEntry::new(edition), holding == crate::date::Holding::Yes))
            .collect(),
        as_at: report.as_at,
        provenance,
        classifications: report.policy.tag_keys.iter().map(|key| key.title.clone()).collect(),
        sections,
        departures,
        timeline,
        later_events,
        documents,
    }
}

/// Where each fact and answer a verdict rests on comes from, grouped by
/// document in the order first consulted, each place once.
fn evidence(report: &Assessment<'_>, verdict: &Verdict) -> Vec<(DocumentId, Vec<String>)> {
    let answer = verdict
        .answer
        .and_then(|id| report.arrangement.answer(id))
        .and_then(|answer| answer.origin.evidence.as_ref());
    let cited: Vec<&EvidenceRef> = verdict
        .facts
        .iter()
        .filter_map(|used| used.origin.evidence.as_ref())
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

/// The documents the rows cite, for the list at the report's end: the
/// council's documents any row's evidence names, then the guidance's
/// documents the words of any cited paragraph come from, each in the
/// order its file declares them, so the list is the same on every run.
fn documents_relied_on(report: &Assessment<'_>, rows: &[Row]) -> Vec<DocumentEntry> {
    let mut documents = Vec::new();
    for (index, document) in report.arrangement.documents.iter().enumerate() {
        let id = DocumentId::from_index(index);
        if rows
            .iter()
            .any(|row| row.evidence.iter().any(|(cited, _)| *cited == id))
        {
            documents.push(DocumentEntry {
                arrangement: Some(id),
                guidance: None,
                title: document.title.clone(),
                seed: document.seed.clone(),
            });
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
            .find(|entry| entry.guidance.is_none() && entry.seed.is_some() && entry.seed == document.seed);
        match same {
            Some(entry) => entry.guidance = Some(id),
            None => documents.push(DocumentEntry {
                arrangement: None,
                guidance: Some(id),
                title: document.title.clone(),
                seed: document.seed.clone(),
            }),
        }
    }
    documents
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
fn tell_apart(rows: &mut [Row]) {
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
fn headline(duty: &Duty) -> String {
    match (&duty.title, &duty.kind) {
        (Some(title), _) => title.clone(),
        (None, DutyKind::Rule { text, .. }) => text.clone(),
        (None, DutyKind::Question { asks, .. }) => asks.clone(),
    }
}

fn row(report: &Assessment<'_>, verdict: &Verdict) -> Option<Row> {
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
        paragraphs: report
            .citations(duty)
            .into_iter()
            .map(|paragraph| paragraph.key.clone())
            .collect(),
        headline: headline(duty),
        response: answer.map(|answer| answer.text.clone()),
        verdict: verdict.kind(),
        standing: Permission::of(&verdict.reason).map_or(Standing::Verdict(verdict.kind()), Standing::Permission),
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

impl Document {
    /// Every row, in report order: by section, then the guidance's order.
    fn rows(&self) -> impl Iterator<Item = &Row> {
        self.sections.iter().flat_map(|section| section.rows.iter())
    }

    /// How many rows (verdicts) the report has.
    fn total(&self) -> usize {
        self.rows().count()
    }

    /// The rows that need action, the most serious first, then in report
    /// order.
    fn needing_action(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.rows().filter(|row| row.standing.needs_action()).collect();
        rows.sort_by_key(|row| row.verdict.rank());
        rows
    }

    /// The report's title, before any escaping.
    fn title(&self) -> String {
        format!("Test of assurance: {}", self.council)
    }

    /// The sentence under the title.
    fn standfirst(&self) -> String {
        format!(
            "The arrangements of {} for the Director of Children's Services (DCS) and the Lead Member for Children's Services (LMCS), checked duty by duty against the statutory guidance as at {}.",
            self.council,
            day_words(self.as_at)
        )
    }

    /// How many rows stand each way, in the summary's order: every
    /// verdict, and the permissions where the report has any.
    fn counts(&self) -> Vec<(Standing, usize)> {
        Standing::all()
            .map(|standing| (standing, self.rows().filter(|row| row.standing == standing).count()))
            .filter(|(standing, count)| matches!(standing, Standing::Verdict(_)) || *count > 0)
            .collect()
    }

    /// The note under the timeline when events after the as-at date are
    /// left out of it.
    fn later_events_note(&self) -> Option<String> {
        match self.later_events {
            0 => None,
            1 => Some(format!(
                "One event recorded after {} is not shown: the report speaks as at that date.",
                day_words(self.as_at)
            )),
            count => Some(format!(
                "{count} events recorded after {} are not shown: the report speaks as at that date.",
                day_words(self.as_at)
            )),
        }
    }

    /// The note above the list of documents.
    fn documents_note(&self) -> &'static str {
        "The documents the verdicts above rely on: the council's papers, where the arrangements state each fact and answer, and the documents the guidance's words are taken from. Each seed is the file of the document's text as it was read."
    }

    /// The summary's opening sentence.
    fn summary_sentence(&self) -> String {
        let action = self.rows().filter(|row| row.standing.needs_action()).count();
        let total = self.total();
        format!(
            "{total} {} of the guidance {} checked as at {}; {action} {} action.",
            if total == 1 {
                "duty or question"
            } else {
                "duties and questions"
            },
            if total == 1 { "was" } else { "were" },
            day_words(self.as_at),
            if action == 1 { "needs" } else { "need" },
        )
    }

    /// Whether the council has a compliance framework of its own: a local
    /// policy that classifies its rows (Barnet's type and focus).
    fn has_framework(&self) -> bool {
        !self.classifications.is_empty()
    }

    /// The note above the compliance framework: which rows carry the
    /// framework's classification.
    fn framework_note(&self) -> String {
        let tagged = self
            .rows()
            .filter(|row| row.classification.iter().any(Option::is_some))
            .count();
        let framework = and_list(
            &self
                .local_policies
                .iter()
                .map(|local| local.title.clone())
                .collect::<Vec<String>>(),
        );
        format!(
            "The same verdicts in the shape of the council's own framework ({framework}). Every duty and question appears; {} are the framework's own classification, which it gives to {tagged} of the {} rows (its own rows). The other rows, the guidance's, leave those cells blank. How each is discharged is the council's response, given once, in the assurance table, under the reference shown.",
            and_list(&self.classifications),
            self.total()
        )
    }

    /// The columns of the compliance framework: the requirement, the
    /// policy's classifications, how it is discharged and the verdict.
    fn framework_columns(&self) -> Vec<&str> {
        let mut columns = vec![FRAMEWORK_FIRST_COLUMN];
        columns.extend(self.classifications.iter().map(String::as_str));
        columns.extend(FRAMEWORK_LAST_COLUMNS);
        columns
    }

    /// The note above the assurance table.
    fn assurance_note(&self) -> &'static str {
        "Every duty and assurance question of the guidance, grouped by the guidance's sections. Reference is the council's own reference where its paper gives one. The requirement is in the guidance's words, with the paragraphs it comes from."
    }

    /// The columns of the departures register; one names the as-at date.
    fn departure_columns(&self) -> [String; 7] {
        [
            "Duty".to_owned(),
            "Reasons".to_owned(),
            "Approved by".to_owned(),
            "Approved".to_owned(),
            "Review by".to_owned(),
            format!("Review date passed (as at {})", day_words(self.as_at)),
            "Verdict".to_owned(),
        ]
    }
}

impl Row {
    /// What the compliance framework says of how the duty is discharged:
    /// the response is printed once, in the assurance table, and the
    /// framework points to it, so a printed report does not carry every
    /// response twice.
    fn discharged(&self) -> Option<String> {
        self.response.as_ref().map(|_| match &self.reference {
            Some(reference) => format!(
                "Given in the assurance table, reference {}.",
                crate::words::inner(reference)
            ),
            None => "Given in the assurance table.".to_owned(),
        })
    }
}

/// "Yes" or "No" for whether a departure's review date has passed.
fn review_passed_words(passed: Option<bool>) -> &'static str {
    match passed {
        Some(true) => "Yes: the departure is due for review",
        Some(false) => "No",
        None => "No review date set",
    }
}
