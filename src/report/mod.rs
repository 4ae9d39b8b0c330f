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
mod ties;
mod tiles;

use std::fmt;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::date::Day;
use crate::words::Standing;
use crate::words::{and_list, day as day_words};
use crate::Assessment;
use entries::review_passed_words;
use entries::{departures, documents_relied_on, timeline, DepartureEntry, DocumentEntry, EditionEntry, TimelineEntry};
use rows::{citation_list, row, sections, tell_apart, Row, Section};

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
pub(crate) const DOCUMENT_COLUMNS: [&str; 4] = ["Document", "Date", "Address", "Relied on for"];

/// What produced a report, for its front matter: traceable to exactly the
/// inputs, each file by a fingerprint a reader can check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// dcsc's version (the CLI passes `env!("CARGO_PKG_VERSION")`).
    pub dcsc_version: String,
    /// The policy files, in chain order (the guidance in force, then any
    /// local policies).
    pub policy_files: Vec<FileDigest>,
    /// The arrangement's file, then the files it shares.
    pub arrangement_files: Vec<FileDigest>,
}

/// One file a report was produced from, and its fingerprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDigest {
    /// The file's name as dcsc was given it (an embedded policy by its
    /// path in the repository).
    pub name: String,
    /// SHA-256 of the file's bytes as read, as lowercase hex: what
    /// `sha256sum FILE` prints, however the path was written.
    pub sha256: String,
}

impl Provenance {
    /// The provenance of a rendered report from the files in its source
    /// map: the files of the policy's editions (the guidance in force and
    /// any local policies, in chain order) and the arrangement's file with
    /// the files it shares.
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
        let digests = |files: &[crate::source::FileId]| -> Vec<FileDigest> {
            files
                .iter()
                .filter_map(|file| report.sources.get(*file))
                .map(|source| FileDigest {
                    name: source.name().to_owned(),
                    sha256: sha256(source.bytes_as_read()),
                })
                .collect()
        };
        Provenance {
            dcsc_version: dcsc_version.to_owned(),
            policy_files: digests(&policy_files),
            arrangement_files: digests(&arrangement_files),
        }
    }
}

/// SHA-256 of some bytes, as lowercase hex: of a file's bytes, what
/// `sha256sum` prints for it.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
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
    /// The date in words, how it was chosen and where the papers end
    /// ("as at 31 October 2031 (the end of its papers, …)").
    dated: String,
    /// Where the council's papers end, when the date is after it.
    papers_end_passed: Option<Day>,
    /// How much of the guidance's own text the rows rest on, when any of
    /// it is not at hand.
    words_at_hand: Option<String>,
    provenance: Provenance,
    /// The titles of the policy's classifications, in the order declared.
    classifications: Vec<String>,
    sections: Vec<Section>,
    departures: Vec<DepartureEntry>,
    /// The organisations beside the council the verdicts read.
    organisations: Vec<ties::TieEntry>,
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
        dated: report.dated(),
        papers_end_passed: report.arrangement.papers_end.filter(|_| report.past_papers_end()),
        words_at_hand: crate::words::words_at_hand(report.words_at_hand(), report.words_recorded()),
        provenance,
        classifications: report.policy.tag_keys.iter().map(|key| key.title.clone()).collect(),
        sections: sections(report, rows),
        departures: departures(report),
        organisations: ties::ties(report),
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
            "The arrangements of {} for the Director of Children's Services (DCS) and the Lead Member for Children's Services (LMCS), checked duty by duty against the statutory guidance {}.",
            self.council,
            self.dated
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
        "The documents the verdicts above rely on: the council's papers, where the arrangements state each fact and answer, and the documents the guidance's words are taken from, each with its date and where a reader finds it, as far as the arrangements and the guidance record them."
    }

    /// The date the front matter gives: how it was chosen, and where the
    /// papers end.
    fn as_at_entry(&self) -> &str {
        self.dated.strip_prefix("as at ").unwrap_or(&self.dated)
    }

    /// The summary's opening sentences: how many duties were checked, and,
    /// past the end of the papers, that what rests on them is not known.
    fn summary_sentence(&self) -> String {
        let action = self.rows().filter(|row| row.standing.needs_action()).count();
        let total = self.total();
        let past = self.papers_end_passed.map_or_else(String::new, |end| {
            format!(
                " The council's papers end on {}: every verdict resting on them is unknown, and says what they last showed; only what the law settles for whoever holds a role is decided.",
                day_words(end)
            )
        });
        let words = self
            .words_at_hand
            .as_ref()
            .map_or_else(String::new, |words| format!(" {words}"));
        format!(
            "{total} {} of the guidance {} checked as at {}; {action} {} action.{past}{words}",
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
        "Every duty and assurance question of the guidance, grouped by the guidance's sections. Reference is the council's own reference where its paper gives one. The requirement is the duty as encoded from the guidance, with the paragraphs it comes from; a paragraph whose own words are not at hand says how they are known (quoted or paraphrased by another, or not at hand)."
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
