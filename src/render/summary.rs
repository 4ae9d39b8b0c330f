//! `verify --summary` written out: the sector table of councils × verdict
//! counts, and the duties that most often need action, for a terminal or
//! as JSON (`docs/json-output.md`, `docs/summary-output.schema.json`).

use std::fmt::Write as _;

use serde::Serialize;

use crate::eval::VerdictKind;
use crate::sector::{Row, Sector};
use crate::visible::escape;
use crate::AsAt;

/// The version of the summary's JSON shape. Version 2: `as_at` is null
/// when each council was verified as at the end of its own papers, and
/// each council's row gives its `as_at` and `papers_end`.
pub const SUMMARY_SCHEMA_VERSION: u32 = 2;

/// How many duties the terminal lists; the JSON lists them all.
pub const DUTIES_SHOWN: usize = 10;

/// The most characters of a council's name in the table; a longer name is
/// cut with "…" (the JSON keeps it whole).
const NAME_WIDTH: usize = 40;

/// The most characters of a duty's title in the list of duties.
const TITLE_WIDTH: usize = 100;

/// Text cut to `width` characters, the last being "…" when cut.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut kept: String = text.chars().take(width.saturating_sub(1)).collect();
    kept.push('…');
    kept
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The summary for a terminal.
pub fn human(sector: &Sector) -> String {
    let (verdicts, needing, totals) = sector.totals();
    let dated = match sector.as_at {
        AsAt::Given(day) => format!(" as at {day}"),
        AsAt::PapersEnd { .. } => ", each as at the end of its papers".to_owned(),
    };
    let mut out = format!(
        "{} verified{dated}\ncouncils needing action: {} of {}; verdicts needing action: {needing} of {verdicts}\n\n",
        plural(sector.rows.len(), "council", "councils"),
        sector.councils_needing_action(),
        sector.rows.len(),
    );
    out.push_str(&table(sector, (verdicts, needing, &totals)));
    out.push_str(&duties(sector));
    out
}

/// The table of councils × verdict counts, with a row of totals when
/// there are several councils.
fn table(sector: &Sector, (verdicts, needing, totals): (usize, usize, &[(VerdictKind, usize)])) -> String {
    let mut headers: Vec<String> = vec![
        "council".to_owned(),
        "as at".to_owned(),
        "papers end".to_owned(),
        "verdicts".to_owned(),
    ];
    headers.extend(VerdictKind::ALL.iter().map(|kind| kind.name().to_owned()));
    headers.push("needs action".to_owned());
    headers.push("file".to_owned());
    let mut rows: Vec<Vec<String>> = sector.rows.iter().map(row_cells).collect();
    if sector.rows.len() > 1 {
        let mut total = vec![
            "all councils".to_owned(),
            String::new(),
            String::new(),
            verdicts.to_string(),
        ];
        total.extend(totals.iter().map(|(_, count)| count.to_string()));
        total.push(needing.to_string());
        total.push(String::new());
        rows.push(total);
    }
    let widths: Vec<usize> = (0..headers.len())
        .map(|column| {
            std::iter::once(&headers)
                .chain(&rows)
                .filter_map(|cells| cells.get(column))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for cells in std::iter::once(&headers).chain(&rows) {
        out.push_str(&line(cells, &widths));
        out.push('\n');
    }
    out
}

/// One council's cells in the table.
fn row_cells(row: &Row) -> Vec<String> {
    let mut cells = vec![
        cut(&escape(&row.council), NAME_WIDTH),
        row.as_at.to_string(),
        row.papers_end.map_or_else(|| "none".to_owned(), |end| end.to_string()),
        row.verdicts.to_string(),
    ];
    cells.extend(row.counts.iter().map(|(_, count)| count.to_string()));
    cells.push(row.needs_action.to_string());
    cells.push(escape(&row.path).into_owned());
    cells
}

/// One line of the table, its cells padded to the columns' widths.
fn line(cells: &[String], widths: &[usize]) -> String {
    let last = widths.len() - 1;
    let mut text = String::new();
    for (column, (cell, width)) in cells.iter().zip(widths).enumerate() {
        let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
        match column {
            // The council's name is read from the left, the file last
            // and unpadded; counts line up on the right.
            0 => {
                let _ = write!(text, "{cell}{pad}");
            }
            column if column == last => text.push_str(cell),
            _ => {
                let _ = write!(text, "{pad}{cell}");
            }
        }
        if column != last {
            text.push_str("  ");
        }
    }
    text.trim_end().to_owned()
}

/// The duties that need action in the most councils, the first
/// [`DUTIES_SHOWN`] of them.
fn duties(sector: &Sector) -> String {
    let duties = sector.duties_needing_action();
    if duties.is_empty() {
        return "\nNo duty needs action in any council.\n".to_owned();
    }
    let mut out = format!(
        "\nDuties that need action in the most councils (of {}):\n",
        sector.rows.len()
    );
    let count_width = duties.first().map_or(1, |tally| tally.councils.to_string().len());
    let key_width = duties
        .iter()
        .take(DUTIES_SHOWN)
        .map(|tally| tally.duty.chars().count())
        .max()
        .unwrap_or(0);
    for tally in duties.iter().take(DUTIES_SHOWN) {
        let duty = escape(&tally.duty);
        let _ = writeln!(
            out,
            "  {:>count_width$}  {duty}{}  {}",
            tally.councils,
            " ".repeat(key_width.saturating_sub(duty.chars().count())),
            cut(&escape(&tally.title), TITLE_WIDTH)
        );
    }
    if duties.len() > DUTIES_SHOWN {
        let _ = writeln!(
            out,
            "  … and {} more {} action in at least one council (`--format json` lists them all)",
            duties.len() - DUTIES_SHOWN,
            if duties.len() - DUTIES_SHOWN == 1 {
                "duty needs"
            } else {
                "duties need"
            }
        );
    }
    out
}

#[derive(Serialize)]
struct SummaryOut<'a> {
    schema_version: u32,
    as_at: Option<String>,
    councils: Vec<RowOut<'a>>,
    totals: TotalsOut,
    duties_needing_action: Vec<DutyOut<'a>>,
}

#[derive(Serialize)]
struct RowOut<'a> {
    council: &'a str,
    arrangement: &'a str,
    path: &'a str,
    guidance: &'a str,
    as_at: String,
    papers_end: Option<String>,
    verdicts: usize,
    needs_action: usize,
    counts: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct TotalsOut {
    councils: usize,
    councils_needing_action: usize,
    verdicts: usize,
    needs_action: usize,
    counts: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct DutyOut<'a> {
    duty: &'a str,
    title: &'a str,
    councils: usize,
}

fn counts(counts: &[(VerdictKind, usize)]) -> serde_json::Map<String, serde_json::Value> {
    counts
        .iter()
        .map(|(kind, count)| (kind.name().to_owned(), serde_json::Value::from(*count)))
        .collect()
}

/// The summary as JSON, ending in a newline.
pub fn json(sector: &Sector) -> String {
    let (verdicts, needs_action, totals) = sector.totals();
    let out = SummaryOut {
        schema_version: SUMMARY_SCHEMA_VERSION,
        as_at: match sector.as_at {
            AsAt::Given(day) => Some(day.to_string()),
            AsAt::PapersEnd { .. } => None,
        },
        councils: sector
            .rows
            .iter()
            .map(|row| RowOut {
                council: &row.council,
                arrangement: &row.arrangement,
                path: &row.path,
                guidance: &row.guidance,
                as_at: row.as_at.to_string(),
                papers_end: row.papers_end.map(|end| end.to_string()),
                verdicts: row.verdicts,
                needs_action: row.needs_action,
                counts: counts(&row.counts),
            })
            .collect(),
        totals: TotalsOut {
            councils: sector.rows.len(),
            councils_needing_action: sector.councils_needing_action(),
            verdicts,
            needs_action,
            counts: counts(&totals),
        },
        duties_needing_action: sector
            .duties_needing_action()
            .into_iter()
            .map(|tally| DutyOut {
                duty: &tally.duty,
                title: &tally.title,
                councils: tally.councils,
            })
            .collect(),
    };
    let mut text = crate::visible::json(&out);
    text.push('\n');
    text
}
