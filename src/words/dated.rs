//! The date an output is as at, and where the papers behind it end, in one
//! phrase every output shares: the human header, the report's front
//! matter, the chart's title. A committee reading any of them learns the
//! date the verdicts speak of, how it was chosen, and whether it lies past
//! the council's papers.

use super::day as day_words;
use crate::date::Day;
use crate::model::{Arrangement, PapersEndKind};
use crate::DateBasis;

/// How the papers' end is known, after the date: "as the arrangements
/// state", "the latest date they give".
fn how(kind: PapersEndKind) -> &'static str {
    match kind {
        PapersEndKind::Stated => "as the arrangements state",
        PapersEndKind::Latest => "the latest date they give",
        PapersEndKind::Extracts => "the latest date they give; they are extracts, never complete",
    }
}

/// "as at 31 October 2031 (the end of its papers, as the arrangements
/// state)", "as at 30 June 2038, after its papers end on 31 October 2031
/// (as the arrangements state): nothing after them is at hand", "as at 1
/// June 2017; its papers end on 31 December 2017 (the latest date they
/// give)", "as at 7 December 2026 (none given; its papers give no date)".
pub fn as_at_phrase(as_at: Day, basis: DateBasis, arrangement: &Arrangement) -> String {
    let day = day_words(as_at);
    match (basis, arrangement.papers_end()) {
        (DateBasis::PapersEnd, Some((_, kind))) => format!("as at {day} (the end of its papers, {})", how(kind)),
        (DateBasis::Given, Some((end, kind))) if end == as_at => {
            format!("as at {day} (the end of its papers, {})", how(kind))
        }
        (DateBasis::Given, Some((end, kind))) if end < as_at => format!(
            "as at {day}, after its papers end on {} ({}): nothing after them is at hand",
            day_words(end),
            how(kind)
        ),
        (DateBasis::Given, Some((end, kind))) => {
            format!("as at {day}; its papers end on {} ({})", day_words(end), how(kind))
        }
        (DateBasis::Given | DateBasis::PapersEnd, None) => format!("as at {day} (its papers give no date)"),
        (DateBasis::NoPapersDate, _) => format!("as at {day} (none given; its papers give no date)"),
    }
}
