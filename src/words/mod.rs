//! The one place that writes about verdicts in English. Evaluation returns
//! typed values ([`crate::eval::Verdict`]); every sentence people read about
//! them (the human report, the `explanation` of the JSON output, committee
//! reports and the chart's labels) is written here, as
//! [`crate::diagnostics`] does for errors.
//!
//! Keeping the words in one room means a change of wording is one edit, and
//! that no output can say a verdict differently from another.

mod verdict;

pub use verdict::{outcome_words, Wording};

use crate::eval::VerdictKind;
use crate::model::{Paragraph, Policy, Provenance};

/// A title used mid-sentence: "Health and wellbeing board" becomes
/// "health and wellbeing board", but a proper name ("Local Safeguarding
/// Children Board", "Chief Executive") or an acronym keeps its capitals.
pub fn lower_first(title: &str) -> String {
    let mut words = title.split_whitespace();
    let first = words.next().unwrap_or("");
    let proper = words.any(|word| word.starts_with(char::is_uppercase));
    let acronym = first.chars().nth(1).is_some_and(char::is_uppercase);
    let mut characters = title.chars();
    match characters.next() {
        Some(initial) if !proper && !acronym => format!("{}{}", initial.to_lowercase(), characters.as_str()),
        _ => title.to_owned(),
    }
}

/// A noun phrase with its indefinite article: "a schools forum", "an
/// improvement board".
pub fn indefinite(phrase: &str) -> String {
    let article = if phrase.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {phrase}")
}

/// Joins words as in prose: `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Makes one sentence: first letter capital, one full stop.
pub fn sentence(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches('.');
    let mut characters = trimmed.chars();
    match characters.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), characters.as_str()),
        None => String::new(),
    }
}

/// The word with its first letter in capitals: "review" becomes "Review".
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A verdict as a committee reads it: "not applicable", not
/// "not_applicable".
pub fn verdict_words(kind: VerdictKind) -> String {
    kind.name().replace('_', " ")
}

/// What each verdict means, for the legend of a report.
pub fn verdict_meaning(kind: VerdictKind) -> &'static str {
    match kind {
        VerdictKind::Fail => "A legal requirement (must or must not) is breached.",
        VerdictKind::Unexplained => {
            "What the guidance says should be done is not done, and no reasons for departing from it are recorded."
        }
        VerdictKind::Unknown => "The arrangements do not state the facts needed to decide.",
        VerdictKind::Missing => "An assurance question has no recorded response.",
        VerdictKind::Stale => "The response predates a later change to the DCS's responsibilities.",
        VerdictKind::Departure => {
            "What the guidance says should be done is not done, and the reasons for departing from it are recorded."
        }
        VerdictKind::Pass => "The duty is met.",
        VerdictKind::Answered => "A response is recorded; whether it gives assurance is for members to judge.",
        VerdictKind::NotApplicable => "The duty's condition does not hold, so it does not apply.",
    }
}

/// A period of months as people say it: "12 months", "2 years", "18
/// months".
pub fn period(months: u32) -> String {
    if months % 12 == 0 {
        match months / 12 {
            1 => "12 months".to_owned(),
            years => format!("{years} years"),
        }
    } else {
        format!("{months} months")
    }
}

/// Where a paragraph's words come from, in a few words ("verbatim",
/// "quoted by …", "paraphrase in DOCUMENT"); the JSON output carries the
/// full source.
pub fn provenance_in_brief(policy: &Policy, paragraph: &Paragraph) -> String {
    let key = |document: crate::model::DocumentId| {
        policy
            .documents
            .get(document.index())
            .map_or_else(|| "an unknown document".to_owned(), |document| document.key.clone())
    };
    match &paragraph.provenance {
        Provenance::Verbatim { .. } => "verbatim".to_owned(),
        Provenance::Quoted { by, .. } => format!("quoted by {by}"),
        Provenance::Paraphrase { document } => format!("paraphrase in {}", key(*document)),
        Provenance::NotAtHand { .. } => "words not at hand".to_owned(),
    }
}
