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
mod entries;
mod html;
mod markdown;
mod rows;

use std::fmt;

use sha2::{Digest, Sha256};

use crate::date::Day;
use crate::words::{and_list, day as day_words};
use crate::Assessment;
use entries::review_passed_words;
use entries::{departures, documents_relied_on, timeline, DepartureEntry, DocumentEntry, EditionEntry, TimelineEntry};
use rows::{citation_list, row, sections, tell_apart, Row, Section, Standing};

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
    /// The law and other guidance beside the guidance, in force as at the
    /// date (or that may be).
    beside: Vec<EditionEntry>,
    /// The Acts enacted by the date and not yet in force.
    awaiting: Vec<EditionEntry>,
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
/// own order, local policies after it); then the departures register, the
/// timeline up to the as-at date, and the documents the rows rely on.
pub fn document(report: &Assessment<'_>, provenance: Provenance) -> Document {
    let mut rows: Vec<Row> = report
        .verdicts
        .iter()
        .filter_map(|verdict| row(report, verdict))
        .collect();
    tell_apart(&mut rows);
    let documents = documents_relied_on(report, &rows);
    let (timeline, later_events) = timeline(report);
    Document {
        council: report.arrangement.council_name().to_owned(),
        arrangement: report.arrangement.key.clone(),
        arrangement_path: report.sources.name(report.arrangement.file).to_owned(),
        guidance: report.policy.base().map(EditionEntry::new),
        local_policies: report
            .local_policies()
            .into_iter()
            .filter(|(_, holding)| holding.possible())
            .map(|(edition, _)| EditionEntry::new(edition))
            .collect(),
        beside: report
            .beside()
            .into_iter()
            .map(|(edition, _)| EditionEntry::new(edition))
            .collect(),
        awaiting: report
            .awaiting_commencement()
            .into_iter()
            .map(EditionEntry::new)
            .collect(),
        amendments: report
            .amendments()
            .into_iter()
            .map(|(edition, holding)| (EditionEntry::new(edition), holding == crate::date::Holding::Yes))
            .collect(),
        as_at: report.as_at,
        provenance,
        classifications: report.policy.tag_keys.iter().map(|key| key.title.clone()).collect(),
        sections: sections(report, rows),
        departures: departures(report),
        timeline,
        later_events,
        documents,
    }
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
