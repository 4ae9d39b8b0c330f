//! The one place that writes about verdicts in English. Evaluation returns
//! typed values ([`crate::eval::Verdict`]); every sentence people read about
//! them (the human report, the `explanation` of the JSON output, committee
//! reports and the chart's labels) is written here, as
//! [`crate::diagnostics`] does for errors.
//!
//! Keeping the words in one room means a change of wording is one edit, and
//! that no output can say a verdict differently from another.
//!
//! This file holds the words every room shares (dates, lists, sentences)
//! and those about verdicts in general (their meanings, permissions). A
//! [`Wording`] writes about one arrangement's verdicts, each kind of thing
//! in a room of its own: `names` (roles, posts, events), `change` (changes
//! of responsibilities), `predicate` (what a duty asks, as a verb phrase),
//! `fact`, `observation`, `missing`, `note` and `reason`.

mod change;
mod dated;
mod fact;
mod missing;
mod names;
mod note;
mod observation;
mod organisation;
mod predicate;
mod reason;
mod time;
pub mod timeline;

pub use dated::{as_at_phrase, words_at_hand, words_known};
pub use fact::{label_basis, outcome_label, outcome_words, with_basis};
pub use names::Wording;
pub use organisation::{employs_title, organisation_kind, runs_title};

use crate::date::{Day, PartialDate, Precision};
use crate::eval::{Reason, Verdict, VerdictKind};
use crate::model::{Document, EditionId, Paragraph, Policy, Provenance};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("an unknown month")
}

/// A date as people write it, to its precision: "2017", "March 2017",
/// "1 March 2017". Council papers date things loosely, and a committee
/// reads "March 2017", not "2017-03".
pub fn date(date: PartialDate) -> String {
    let first = date.first_day();
    match date.precision() {
        Precision::Year => format!("{}", first.year),
        Precision::Month => format!("{} {}", month_name(first.month), first.year),
        Precision::Day => day(first),
    }
}

/// A day as people write it: "31 December 2017".
pub fn day(day: Day) -> String {
    format!("{} {} {}", day.day, month_name(day.month), day.year)
}

/// A date with the preposition its precision takes: "in 2017", "in March
/// 2017", "on 1 March 2017" (never "on 2017").
pub fn on_date(when: PartialDate) -> String {
    match when.precision() {
        Precision::Year | Precision::Month => format!("in {}", date(when)),
        Precision::Day => format!("on {}", date(when)),
    }
}

/// Text from a council's paper put inside one of our sentences: its own
/// closing full stop is dropped, so that "(… in January 2017.)" does not
/// become "(… in January 2017.)." once our sentence ends. A question mark or
/// an ellipsis is the writer's and is kept.
pub fn inner(text: &str) -> &str {
    let trimmed = text.trim();
    if trimmed.ends_with("...") {
        return trimmed;
    }
    trimmed.strip_suffix('.').unwrap_or(trimmed)
}

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

/// Joins alternatives as in prose: `a`, `a or b`, `a, b or c`.
pub fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Joins words as in prose: `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Makes one sentence: first letter capital, one closing mark. Text that
/// already ends a sentence ("?", "!", or a full stop inside a closing
/// bracket or quotation mark, as in "(… January 2017.)") gets no second
/// one; a trailing comma, semicolon or colon gives way to the full stop.
pub fn sentence(text: &str) -> String {
    let trimmed = text
        .trim()
        .trim_end_matches(|ch: char| matches!(ch, '.' | ',' | ';' | ':') || ch.is_whitespace());
    let mut characters = trimmed.chars();
    let Some(first) = characters.next() else {
        return String::new();
    };
    let body = format!("{}{}", first.to_uppercase(), characters.as_str());
    let closed = body
        .trim_end_matches([')', ']', '"', '\'', '\u{2019}', '\u{201d}'])
        .ends_with(['.', '?', '!']);
    if closed {
        body
    } else {
        format!("{body}.")
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

/// Whether a permission (a `may` duty) is used. A permission asks nothing
/// of the council, so a report's compliance column never shows it as
/// "pass" (nor as "not applicable" when it is not used): it shows it as
/// used, or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Permission {
    /// The arrangements use what the guidance permits.
    Used,
    /// They do not.
    NotUsed,
    /// They do not state enough to tell.
    NotShown,
}

impl Permission {
    /// Every way a permission can stand, in the order reports list them.
    pub const ALL: [Permission; 3] = [Permission::Used, Permission::NotUsed, Permission::NotShown];

    /// The permission a verdict is about, if its duty is one.
    pub fn of(reason: &Reason) -> Option<Permission> {
        match reason {
            Reason::PermissionUsed { .. } => Some(Permission::Used),
            Reason::PermissionNotUsed { .. } => Some(Permission::NotUsed),
            Reason::PermissionNotShown { .. } => Some(Permission::NotShown),
            Reason::ConditionNotMet { .. }
            | Reason::ConditionUnknown
            | Reason::NothingToApplyTo { .. }
            | Reason::Met { .. }
            | Reason::Breached { .. }
            | Reason::Departed { .. }
            | Reason::Unexplained { .. }
            | Reason::Undecided { .. }
            | Reason::NoAnswer { .. }
            | Reason::AnswerPredatesChange { .. }
            | Reason::AnswerToReplacedWords { .. }
            | Reason::DepartureFromReplacedWords { .. }
            | Reason::Answered { .. }
            | Reason::PastPapersEnd { .. } => None,
        }
    }

    /// The words of a compliance column: "permission used".
    pub fn words(self) -> &'static str {
        match self {
            Permission::Used => "permission used",
            Permission::NotUsed => "permission not used",
            Permission::NotShown => "permission use not stated",
        }
    }

    /// A name for machines (CSS classes, CSV filters): "permission_used".
    pub fn name(self) -> &'static str {
        match self {
            Permission::Used => "permission_used",
            Permission::NotUsed => "permission_not_used",
            Permission::NotShown => "permission_not_shown",
        }
    }

    /// The JSON output's name for it, beside the verdict it gives:
    /// "used", "not_used", "not_shown".
    pub fn short_name(self) -> &'static str {
        match self {
            Permission::Used => "used",
            Permission::NotUsed => "not_used",
            Permission::NotShown => "not_shown",
        }
    }

    /// What it means, for the legend of a report.
    pub fn meaning(self) -> &'static str {
        match self {
            Permission::Used => "The guidance permits this and the arrangements do it; nothing is required either way.",
            Permission::NotUsed => "The guidance permits this and the arrangements do not do it; nothing is required either way.",
            Permission::NotShown => {
                "The guidance permits this and the arrangements do not state whether they do it; nothing is required either way."
            }
        }
    }
}

/// How a verdict stands, in every output's one meaning: its verdict, or,
/// for a permission (a `may` duty), whether it is used. A permission asks
/// nothing of the council, so no output calls a used permission `pass`
/// (nor one not used `not applicable`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// A duty's or question's verdict.
    Verdict(VerdictKind),
    /// A permission, used or not.
    Permission(Permission),
}

impl Standing {
    /// How a verdict stands.
    pub fn of(verdict: &Verdict) -> Standing {
        Permission::of(&verdict.reason).map_or(Standing::Verdict(verdict.kind()), Standing::Permission)
    }

    /// Every standing, in the order summaries list them: the verdicts
    /// (what needs action first), then the permissions.
    pub fn all() -> impl Iterator<Item = Standing> {
        VerdictKind::ALL
            .into_iter()
            .map(Standing::Verdict)
            .chain(Permission::ALL.into_iter().map(Standing::Permission))
    }

    /// The words a committee reads: "not applicable", "permission used".
    pub fn words(self) -> String {
        match self {
            Standing::Verdict(kind) => verdict_words(kind),
            Standing::Permission(permission) => permission.words().to_owned(),
        }
    }

    /// The name for machines and terminals, as in the JSON output:
    /// "not_applicable", "permission_used".
    pub fn name(self) -> &'static str {
        match self {
            Standing::Verdict(kind) => kind.name(),
            Standing::Permission(permission) => permission.name(),
        }
    }

    /// What it means, for the legend of a report.
    pub fn meaning(self) -> &'static str {
        match self {
            Standing::Verdict(kind) => verdict_meaning(kind),
            Standing::Permission(permission) => permission.meaning(),
        }
    }

    /// Whether the council must act on it.
    pub fn needs_action(self) -> bool {
        match self {
            Standing::Verdict(kind) => kind.needs_action(),
            Standing::Permission(_) => false,
        }
    }
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
    if months.is_multiple_of(12) {
        match months / 12 {
            1 => "12 months".to_owned(),
            years => format!("{years} years"),
        }
    } else {
        format!("{months} months")
    }
}

/// A document as a reader finds it: its title, its date (unless the title
/// already gives it) and its address: "Coventry City Council, Cabinet
/// minute … (2017), at https://…". The file its text was read from is the
/// maintainers' and never named.
pub fn document_described(document: &Document) -> String {
    let title = inner(&document.title);
    let mut words = title.to_owned();
    if let Some(dated) = document.date.map(date).filter(|dated| !title.contains(dated.as_str())) {
        words = format!("{words} ({dated})");
    }
    if let Some(address) = &document.address {
        words = format!("{words}, at {}", inner(address));
    }
    words
}

/// Where a paragraph's words come from, in a few words ("verbatim",
/// "quoted by …", "paraphrase in DOCUMENT", the document by its title);
/// the JSON output carries the full source.
pub fn provenance_in_brief(policy: &Policy, paragraph: &Paragraph) -> String {
    let key = |document: crate::model::DocumentId| {
        policy.document(document).map_or_else(
            || "an unknown document".to_owned(),
            |document| inner(&document.title).to_owned(),
        )
    };
    let words = match &paragraph.provenance {
        Provenance::Verbatim { .. } => "verbatim".to_owned(),
        Provenance::Quoted { by, .. } => format!("quoted by {by}"),
        Provenance::Paraphrase { document } => format!("paraphrase in {}", key(*document)),
        Provenance::NotAtHand { .. } => "words not at hand".to_owned(),
    };
    // Words an amendment gave say so, with the instrument: a paragraph it
    // inserted, or new words for one it amended.
    let inserted = policy
        .paragraph(paragraph.family)
        .is_some_and(|first| std::ptr::eq(first, paragraph));
    match policy
        .edition(EditionId::from_index(paragraph.edition))
        .filter(|edition| edition.amends.is_some())
    {
        Some(amendment) => format!(
            "{words}; {} by {}",
            if inserted { "inserted" } else { "as amended" },
            amendment.instrument.as_deref().unwrap_or(&amendment.title)
        ),
        None => words,
    }
}

#[cfg(test)]
mod tests {
    #![expect(clippy::unwrap_used, reason = "a test fails loudly on a date it cannot parse")]

    use super::{date, inner, on_date, sentence};
    use crate::date::PartialDate;

    #[test]
    fn a_sentence_ends_once() {
        assert_eq!(sentence("met: x"), "Met: x.");
        assert_eq!(sentence("met: x."), "Met: x.");
        assert_eq!(
            sentence("follows it (they began in January 2017.)"),
            "Follows it (they began in January 2017.)"
        );
        assert_eq!(sentence("is it robust?"), "Is it robust?");
        assert_eq!(sentence("the list:"), "The list.");
        assert_eq!(sentence("a, b;"), "A, b.");
        assert_eq!(sentence("see (reference 1)"), "See (reference 1).");
        assert_eq!(sentence("  "), "");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        let parse = |text| PartialDate::parse(text).unwrap();
        assert_eq!(date(parse("2017")), "2017");
        assert_eq!(date(parse("2016-03")), "March 2016");
        assert_eq!(date(parse("2020-02-06")), "6 February 2020");
        assert_eq!(on_date(parse("2017")), "in 2017");
        assert_eq!(on_date(parse("2016-03")), "in March 2016");
        assert_eq!(on_date(parse("2017-03-01")), "on 1 March 2017");
    }

    #[test]
    fn quoted_text_loses_its_own_full_stop_only() {
        assert_eq!(inner("January 2017."), "January 2017");
        assert_eq!(inner("Is it?"), "Is it?");
        assert_eq!(inner("and so on..."), "and so on...");
    }
}
