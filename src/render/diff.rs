//! `dcsc diff` written out: for a terminal (human), as a note a legal team
//! circulates (Markdown), and as versioned JSON.

use std::fmt::Write as _;

use serde::Serialize;

use super::human::wrap;
use crate::date::Day;
use crate::diff::{
    Because, Cause, Comparison, CouncilChanges, DutyChange, DutyPart, DutyText, ParagraphChange, ParagraphState, Piece,
    SideSummary, Standing,
};
use crate::visible::escape;
use crate::words::day as day_words;

/// The version of the JSON shape; docs/json-output.md describes it.
pub const DIFF_SCHEMA_VERSION: u32 = 2;

fn side_words(side: &SideSummary) -> String {
    format!("as at {} under {}", side.as_at, side.editions.join(" + "))
}

/// Why a verdict changed, naming the instruments and the council's items.
fn because_words(cause: &Cause) -> String {
    let law = || {
        let sources: Vec<String> = cause
            .law
            .iter()
            .map(|source| format!("{} ({})", source.key, source.name))
            .collect();
        crate::words::and_list(&sources)
    };
    let facts = || {
        let items: Vec<String> = cause
            .facts
            .iter()
            .map(|item| format!("{} {}", item.kind, item.key))
            .collect();
        crate::words::and_list(&items)
    };
    let papers = |end: Day| format!("the papers end on {}, and nothing after is at hand", day_words(end));
    let words = match cause.because() {
        Because::Guidance => format!("the law or guidance in force changed: {}", law()),
        Because::Arrangements => format!("the council's arrangements changed: {}", facts()),
        Because::Both => format!(
            "the law or guidance in force changed: {}; and the council's arrangements changed: {}",
            law(),
            facts()
        ),
        Because::PapersEnd => {
            return cause.papers_end.map_or_else(String::new, papers);
        }
        Because::Time => "time passed: the duty and the facts are the same".to_owned(),
    };
    match cause.papers_end {
        Some(end) => format!("{words}; and {}", papers(end)),
        None => words,
    }
}

/// A verdict's name, or that the duty was not in force for the council
/// then (which is not the verdict not applicable).
fn standing_word(standing: Option<&Standing>) -> String {
    standing.map_or_else(|| "not in force".to_owned(), |standing| standing.label.to_owned())
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\u{1b}[{code}m{text}\u{1b}[0m")
    } else {
        text.to_owned()
    }
}

fn paragraph_word(change: ParagraphState) -> &'static str {
    match change {
        ParagraphState::Inserted => "inserted",
        ParagraphState::Repealed => "repealed",
        ParagraphState::Reworded => "reworded",
    }
}

/// The words of a paragraph change with removed words in `[-…-]` and added
/// ones in `{+…+}` (coloured red and green on a terminal).
fn marked(change: &ParagraphChange, color: bool) -> String {
    change
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Same(text) => escape(text).into_owned(),
            Piece::Removed(text) => paint(&format!("[-{}-]", escape(text)), "31", color),
            Piece::Added(text) => paint(&format!("{{+{}+}}", escape(text)), "32", color),
        })
        .collect()
}

fn duty_words(text: &DutyText) -> String {
    let mut words = format!("{} ({})", text.rule, text.modality);
    if let Some(statute) = &text.statute {
        let _ = write!(words, "; statute: {statute}");
    }
    for condition in &text.conditions {
        let _ = write!(words, "; {condition}");
    }
    let _ = write!(words, "; from {}", text.edition);
    words
}

/// What of a duty differs, in words.
fn parts_words(parts: &[DutyPart]) -> String {
    let words: Vec<String> = parts
        .iter()
        .map(|part| match part {
            DutyPart::Rule => "rule".to_owned(),
            DutyPart::Modality => "modality".to_owned(),
            DutyPart::Statute => "statute".to_owned(),
            DutyPart::Conditions => "conditions".to_owned(),
            DutyPart::Citations => "citations".to_owned(),
        })
        .collect();
    crate::words::and_list(&words)
}

fn duty_change_line(change: &DutyChange) -> String {
    match (&change.before, &change.after) {
        (None, Some(after)) => format!("added: {} {}: {}", change.duty, change.title, duty_words(after)),
        (Some(before), None) => format!("repealed: {} {}: {}", change.duty, change.title, duty_words(before)),
        (Some(before), Some(after)) => format!(
            "changed ({}): {} {}: was {}; now {}",
            parts_words(&change.differs),
            change.duty,
            change.title,
            duty_words(before),
            duty_words(after)
        ),
        (None, None) => change.duty.clone(),
    }
}

/// The human comparison. Every text from a file has its hidden
/// characters shown (see [`crate::visible`]) before colour is added, so the
/// only escapes in the output are its own colours.
pub fn human(comparison: &Comparison, color: bool) -> String {
    let mut out = escape(&format!(
        "from {}\n  to {}\n",
        side_words(&comparison.from),
        side_words(&comparison.to)
    ))
    .into_owned();
    for council in &comparison.councils {
        out.push('\n');
        out.push_str(&paint(
            &escape(&format!("{} ({})", council.council, council.arrangement)),
            "1",
            color,
        ));
        out.push('\n');
        if council.changes.is_empty() {
            out.push_str("  no verdict changes\n");
            continue;
        }
        for change in &council.changes {
            let _ = writeln!(out, "  {}", wrap(&escape(&change.title), 94, "  "));
            let _ = writeln!(
                out,
                "    {}: {} -> {}",
                escape(&change.duty),
                paint(&standing_word(change.before.as_ref()), "31", color),
                paint(&standing_word(change.after.as_ref()), "32", color),
            );
            let _ = writeln!(
                out,
                "    why:    {}",
                wrap(&escape(&because_words(&change.cause)), 92, "      ")
            );
            if let Some(before) = &change.before {
                let _ = writeln!(out, "    before: {}", wrap(&escape(&before.explanation), 92, "      "));
            }
            if let Some(after) = &change.after {
                let _ = writeln!(out, "    after:  {}", wrap(&escape(&after.explanation), 92, "      "));
            }
        }
    }
    out.push_str("\nThe guidance\n");
    if comparison.guidance.paragraphs.is_empty() && comparison.guidance.duties.is_empty() {
        out.push_str("  no change\n");
    }
    for paragraph in &comparison.guidance.paragraphs {
        let words = if paragraph.pieces.is_empty() {
            "(its words are not at hand)".to_owned()
        } else {
            marked(paragraph, color)
        };
        let _ = writeln!(
            out,
            "  paragraph {} {} ({}; {}):\n    {}",
            escape(&paragraph.paragraph),
            paragraph_word(paragraph.change),
            escape(&paragraph.section),
            escape(&paragraph.source),
            wrap(&words, 92, "    ")
        );
    }
    for duty in &comparison.guidance.duties {
        let _ = writeln!(out, "  {}", wrap(&escape(&duty_change_line(duty)), 96, "    "));
    }
    let _ = writeln!(out, "\n{}", escape(&summary_words(comparison)));
    out
}

fn summary_words(comparison: &Comparison) -> String {
    let changed = comparison
        .councils
        .iter()
        .filter(|council| !council.changes.is_empty())
        .count();
    let total = comparison.councils.len();
    let into: usize = comparison.by_duty().iter().map(|(.., into)| into).sum();
    let mut words = format!(
        "Verdicts change for {changed} of {total} council{}; {into} verdict{} move{} into needing action.",
        if total == 1 { "" } else { "s" },
        if into == 1 { "" } else { "s" },
        if into == 1 { "s" } else { "" }
    );
    // Across several councils, which duties the change reaches.
    if total > 1 {
        for (duty, title, councils, into) in comparison.by_duty() {
            let _ = write!(
                words,
                "\n  {duty}: changes for {councils} council{}, {into} into needing action ({title})",
                if councils == 1 { "" } else { "s" }
            );
        }
    }
    words
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The comparison as a Markdown note for a legal team.
pub fn markdown(comparison: &Comparison) -> String {
    let mut out = String::from("# What the change means for each council\n\n");
    let _ = writeln!(
        out,
        "Compared: {} (before) and {} (after).\n",
        cell(&side_words(&comparison.from)),
        cell(&side_words(&comparison.to))
    );
    out.push_str("## Summary\n\n");
    let by_duty = comparison.by_duty();
    if by_duty.is_empty() {
        out.push_str("No council's verdict changes.\n\n");
    } else {
        out.push_str("| Duty | Councils whose verdict changes | Of which now need action |\n| --- | --- | --- |\n");
        for (duty, title, councils, into) in by_duty {
            let _ = writeln!(out, "| {} ({duty}) | {councils} | {into} |", cell(&title));
        }
        out.push('\n');
    }
    out.push_str("## Each council\n\n");
    for council in &comparison.councils {
        markdown_council(council, &mut out);
    }
    out.push_str("## The guidance\n\n");
    if comparison.guidance.paragraphs.is_empty() && comparison.guidance.duties.is_empty() {
        out.push_str("The guidance is the same on both sides.\n");
    }
    for paragraph in &comparison.guidance.paragraphs {
        markdown_paragraph(paragraph, &mut out);
    }
    for duty in &comparison.guidance.duties {
        let _ = writeln!(out, "- {}", cell(&duty_change_note(duty)));
    }
    // No hidden character from a file is left in the note.
    crate::visible::escape_owned(out)
}

/// One council's changes as a table of duties, before, after and why.
fn markdown_council(council: &CouncilChanges, out: &mut String) {
    let _ = writeln!(out, "### {}\n", cell(&council.council));
    if council.changes.is_empty() {
        out.push_str("No verdict changes.\n\n");
        return;
    }
    out.push_str("| Duty | Before | After | Why |\n| --- | --- | --- | --- |\n");
    for change in &council.changes {
        let side = |standing: Option<&Standing>| match standing {
            Some(standing) => format!(
                "**{}**: {}",
                standing.label.replace('_', " "),
                cell(&standing.explanation)
            ),
            None => "not in force".to_owned(),
        };
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} | {} |",
            cell(&change.title),
            change.duty,
            side(change.before.as_ref()),
            side(change.after.as_ref()),
            cell(&because_words(&change.cause))
        );
    }
    out.push('\n');
}

/// A paragraph whose words changed, removed words struck through and
/// added ones in bold.
fn markdown_paragraph(paragraph: &ParagraphChange, out: &mut String) {
    let what = match paragraph.change {
        ParagraphState::Inserted => "inserted",
        ParagraphState::Repealed => "repealed",
        ParagraphState::Reworded => "words changed",
    };
    let _ = write!(
        out,
        "**Paragraph {}** ({}), {what} ({}): ",
        paragraph.paragraph,
        cell(&paragraph.section),
        cell(&paragraph.source)
    );
    if paragraph.pieces.is_empty() {
        out.push_str("its words are not at hand");
    }
    for piece in &paragraph.pieces {
        match piece {
            Piece::Same(text) => out.push_str(&cell(text)),
            Piece::Removed(text) if text.trim().is_empty() => out.push_str(text),
            Piece::Added(text) if text.trim().is_empty() => out.push_str(text),
            Piece::Removed(text) => {
                let _ = write!(out, "~~{}~~", cell(text.trim()));
            }
            Piece::Added(text) => {
                let _ = write!(out, "**{}**", cell(text.trim()));
            }
        }
    }
    out.push_str("\n\n");
}

/// A duty change in a lawyer's words: its title, its force, its statute,
/// where it comes from; no rule syntax.
fn duty_change_note(change: &DutyChange) -> String {
    let standing = |text: &DutyText| {
        let mut words = text.modality.to_owned();
        if let Some(statute) = &text.statute {
            let _ = write!(words, "; {statute}");
        }
        let _ = write!(words, "; from {}", text.edition);
        words
    };
    match (&change.before, &change.after) {
        (None, Some(after)) => format!("Added: {} ({})", change.title, standing(after)),
        (Some(before), None) => format!("Repealed: {} ({})", change.title, standing(before)),
        (Some(before), Some(after)) => format!(
            "Changed, its {}: {} (was {}; now {})",
            parts_words(&change.differs),
            change.title,
            standing(before),
            standing(after)
        ),
        (None, None) => change.title.clone(),
    }
}

#[derive(Serialize)]
struct Json<'a> {
    schema_version: u32,
    from: SideJson<'a>,
    to: SideJson<'a>,
    changes: Vec<ChangeJson<'a>>,
    guidance: GuidanceJson<'a>,
    summary: Vec<SummaryJson>,
}

#[derive(Serialize)]
struct SideJson<'a> {
    as_at: String,
    editions: &'a [String],
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    arrangement: &'a str,
    council: &'a str,
    duty: &'a str,
    title: &'a str,
    before: Option<StandingJson<'a>>,
    after: Option<StandingJson<'a>>,
    because: &'static str,
    papers_end: Option<String>,
    instruments: Vec<SourceJson<'a>>,
    facts: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    kind: &'static str,
    id: &'a str,
}

#[derive(Serialize)]
struct StandingJson<'a> {
    verdict: &'static str,
    label: &'static str,
    needs_action: bool,
    explanation: &'a str,
}

#[derive(Serialize)]
struct GuidanceJson<'a> {
    paragraphs: Vec<ParagraphJson<'a>>,
    duties: Vec<DutyJson<'a>>,
}

#[derive(Serialize)]
struct ParagraphJson<'a> {
    paragraph: &'a str,
    change: &'static str,
    section: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
    source: &'a str,
    diff: Vec<PieceJson<'a>>,
}

#[derive(Serialize)]
struct PieceJson<'a> {
    op: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct DutyJson<'a> {
    duty: &'a str,
    title: &'a str,
    change: &'static str,
    differs: Vec<&'static str>,
    before: Option<DutyTextJson<'a>>,
    after: Option<DutyTextJson<'a>>,
}

#[derive(Serialize)]
struct DutyTextJson<'a> {
    rule: &'a str,
    modality: &'static str,
    statute: Option<&'a str>,
    conditions: &'a [String],
    cites: &'a [String],
    edition: &'a str,
}

#[derive(Serialize)]
struct SummaryJson {
    duty: String,
    title: String,
    councils: usize,
    into_needs_action: usize,
}

fn standing_json(standing: Option<&Standing>) -> Option<StandingJson<'_>> {
    standing.map(|standing| StandingJson {
        verdict: standing.kind.name(),
        label: standing.label,
        needs_action: standing.kind.needs_action(),
        explanation: &standing.explanation,
    })
}

fn duty_text_json(text: Option<&DutyText>) -> Option<DutyTextJson<'_>> {
    text.map(|text| DutyTextJson {
        rule: &text.rule,
        modality: text.modality,
        statute: text.statute.as_deref(),
        conditions: &text.conditions,
        cites: &text.cites,
        edition: &text.edition,
    })
}

/// The comparison as JSON (keys in a fixed order).
pub fn json(comparison: &Comparison) -> String {
    let out = Json {
        schema_version: DIFF_SCHEMA_VERSION,
        from: SideJson {
            as_at: comparison.from.as_at.to_string(),
            editions: &comparison.from.editions,
        },
        to: SideJson {
            as_at: comparison.to.as_at.to_string(),
            editions: &comparison.to.editions,
        },
        changes: comparison
            .councils
            .iter()
            .flat_map(|council| {
                council.changes.iter().map(move |change| ChangeJson {
                    arrangement: &council.arrangement,
                    council: &council.council,
                    duty: &change.duty,
                    title: &change.title,
                    before: standing_json(change.before.as_ref()),
                    after: standing_json(change.after.as_ref()),
                    because: change.cause.because().word(),
                    papers_end: change.cause.papers_end.map(|end| end.to_string()),
                    instruments: change
                        .cause
                        .law
                        .iter()
                        .map(|source| SourceJson {
                            id: &source.key,
                            name: &source.name,
                        })
                        .collect(),
                    facts: change
                        .cause
                        .facts
                        .iter()
                        .map(|item| ItemJson {
                            kind: item.kind,
                            id: &item.key,
                        })
                        .collect(),
                })
            })
            .collect(),
        guidance: guidance_json(comparison),
        summary: comparison
            .by_duty()
            .into_iter()
            .map(|(duty, title, councils, into)| SummaryJson {
                duty,
                title,
                councils,
                into_needs_action: into,
            })
            .collect(),
    };
    let mut text = crate::visible::json(&out);
    text.push('\n');
    text
}

/// The guidance's own changes as JSON: paragraphs word by word, duties
/// added, repealed or changed.
fn guidance_json(comparison: &Comparison) -> GuidanceJson<'_> {
    GuidanceJson {
        paragraphs: comparison
            .guidance
            .paragraphs
            .iter()
            .map(|paragraph| ParagraphJson {
                paragraph: &paragraph.paragraph,
                change: paragraph.change.word(),
                section: &paragraph.section,
                before: paragraph.before.as_deref(),
                after: paragraph.after.as_deref(),
                source: &paragraph.source,
                diff: paragraph
                    .pieces
                    .iter()
                    .map(|piece| match piece {
                        Piece::Same(text) => PieceJson { op: "same", text },
                        Piece::Removed(text) => PieceJson { op: "removed", text },
                        Piece::Added(text) => PieceJson { op: "added", text },
                    })
                    .collect(),
            })
            .collect(),
        duties: comparison
            .guidance
            .duties
            .iter()
            .map(|duty| DutyJson {
                duty: &duty.duty,
                title: &duty.title,
                change: match (&duty.before, &duty.after) {
                    (None, _) => "added",
                    (_, None) => "repealed",
                    (Some(_), Some(_)) => "changed",
                },
                differs: duty.differs.iter().map(|part| part.word()).collect(),
                before: duty_text_json(duty.before.as_ref()),
                after: duty_text_json(duty.after.as_ref()),
            })
            .collect(),
    }
}
