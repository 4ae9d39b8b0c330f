//! The date an output is as at, and where the papers behind it end, in one
//! phrase every output shares: the human header, the report's front
//! matter, the chart's title. A committee reading any of them learns the
//! date the verdicts speak of, how it was chosen, and whether it lies past
//! the council's papers.

use std::fmt::Write as _;

use super::day as day_words;
use crate::date::Day;
use crate::model::{Arrangement, PapersEndKind, Provenance};
use crate::{DateBasis, WordsAtHand};

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

/// How much of the guidance's own text the verdicts rest on, said whenever
/// any of it is not at hand verbatim: "Of the 4 paragraphs these duties
/// cite, the guidance's own words are at hand for 1; 3 are paraphrased by
/// others, so those duties are checked as others report the guidance. Of
/// the 7 paragraphs of the guidance recorded as in force, 3 have words not
/// at hand, so whatever they ask is not checked." `None` when every word is
/// at hand.
pub fn words_at_hand(cited: WordsAtHand, recorded: WordsAtHand) -> Option<String> {
    let total = cited.total();
    let all_cited = cited.verbatim == total;
    if all_cited && recorded.not_at_hand == 0 {
        return None;
    }
    let mut text = String::new();
    if !all_cited {
        let mut others: Vec<String> = Vec::new();
        if cited.quoted > 0 {
            others.push(format!("{} {} quoted by others", cited.quoted, is_are(cited.quoted)));
        }
        if cited.paraphrased > 0 {
            others.push(format!(
                "{} {} paraphrased by others",
                cited.paraphrased,
                is_are(cited.paraphrased)
            ));
        }
        if cited.not_at_hand > 0 {
            others.push(format!(
                "{} {} not at hand",
                cited.not_at_hand,
                is_are(cited.not_at_hand)
            ));
        }
        text = format!(
            "Of the {total} paragraphs these duties cite, the guidance's own words are at hand for {}; {}, so those duties are checked as others report the guidance, or as encoded without its words.",
            cited.verbatim,
            super::and_list(&others)
        );
    }
    if recorded.not_at_hand > 0 {
        if !text.is_empty() {
            text.push(' ');
        }
        let _ = write!(
            text,
            "Of the {} paragraphs of the guidance recorded as in force, {} {} words not at hand, so whatever {} is not checked.",
            recorded.total(),
            recorded.not_at_hand,
            if recorded.not_at_hand == 1 { "has" } else { "have" },
            if recorded.not_at_hand == 1 { "it asks" } else { "they ask" }
        );
    }
    Some(text)
}

fn is_are(count: usize) -> &'static str {
    if count == 1 {
        "is"
    } else {
        "are"
    }
}

/// How a paragraph's words are known, when the guidance's own text is not
/// at hand: "quoted", "paraphrased", "words not at hand". `None` for the
/// guidance's own words.
pub fn words_known(provenance: &Provenance) -> Option<&'static str> {
    match provenance {
        Provenance::Verbatim { .. } => None,
        Provenance::Quoted { .. } => Some("quoted"),
        Provenance::Paraphrase { .. } => Some("paraphrased"),
        Provenance::NotAtHand { .. } => Some("words not at hand"),
    }
}
