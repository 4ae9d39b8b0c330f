//! The words of the timeline picture: its title, the label and tooltip of
//! each bar, mark, rule and verdict segment, its rows' names and its
//! legend. Each uncertain date is said as the span the papers allow
//! ("some day between 1 March 2016 and 31 March 2016"), never as one day
//! picked inside it.

use crate::eval::VerdictKind;
use crate::model::{Basis, EventKind, EventStatus};
use crate::timeline::{Bar, History, Mark, MarkKind, Moment, Rule, RuleKind, Segment, Strip};

/// "Timeline: Coventry City Council, 1 January 2013 to 31 December 2017".
pub fn title(history: &History) -> String {
    format!(
        "Timeline: {}, {} to {}",
        history.council,
        super::day(history.from),
        super::day(history.to)
    )
}

/// When a moment is, as far as the papers say.
pub fn when(moment: Moment) -> String {
    if !moment.given {
        return "not dated: as far as the papers speak".to_owned();
    }
    match (moment.earliest, moment.latest) {
        (Some(earliest), Some(latest)) if earliest == latest => super::day(earliest),
        (Some(earliest), Some(latest)) => match moment.written {
            Some(date) if date.first_day() == earliest && date.last_day() == latest => {
                format!("some day {}", super::on_date(date))
            }
            Some(_) | None => format!("some day between {} and {}", super::day(earliest), super::day(latest)),
        },
        (Some(earliest), None) => format!("some day on or after {}", super::day(earliest)),
        (None, Some(latest)) => format!("some day on or before {}", super::day(latest)),
        (None, None) => "a day the papers do not give".to_owned(),
    }
}

/// How the papers know a fact, for a label: `None` for a fact they state.
pub fn basis(basis: Basis) -> Option<&'static str> {
    match basis {
        Basis::Stated => None,
        Basis::Inferred => Some("inferred"),
        Basis::Possibly => Some("possibly"),
        Basis::Suggested => Some("suggested"),
        Basis::Proposed => Some("proposed"),
    }
}

/// A bar's label: its title, its holders, and how it is known:
/// "Executive Director of People — Jane Doe (inferred)".
pub fn bar_label(bar: &Bar) -> String {
    let mut label = bar.title.clone();
    if !bar.holders.is_empty() {
        label = format!("{label} — {}", bar.holders.join(", "));
    }
    match basis(bar.basis) {
        Some(word) => format!("{label} ({word})"),
        None => label,
    }
}

/// A bar's tooltip: who held the role, from when until when.
pub fn bar_title(bar: &Bar, role: &str) -> String {
    let basis = basis(bar.basis).map_or_else(String::new, |word| format!(" ({word})"));
    format!(
        "{} held {role}{basis}: began {}; ended {}.",
        bar_label_plain(bar),
        when(bar.start),
        when(bar.end)
    )
}

fn bar_label_plain(bar: &Bar) -> String {
    if bar.holders.is_empty() {
        bar.title.clone()
    } else {
        format!("{} ({})", bar.title, bar.holders.join(", "))
    }
}

/// The name of a row of marks: "Appointments", "Reviews", "Answers".
pub fn row(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::Event(EventKind::Appointment) => "Appointments",
        MarkKind::Event(EventKind::Designation) => "Designations",
        MarkKind::Event(EventKind::Vacancy) => "Vacancies",
        MarkKind::Event(EventKind::Change) => "Changes",
        MarkKind::Event(EventKind::Review) => "Reviews",
        MarkKind::Event(EventKind::Inspection) => "Inspections",
        MarkKind::Answer => "Answers",
    }
}

/// What a mark's status adds to its label: "(planned)".
fn status(status: EventStatus) -> Option<&'static str> {
    match status {
        EventStatus::Happened => None,
        EventStatus::Proposed => Some("(proposed)"),
        EventStatus::Planned => Some("(planned)"),
    }
}

/// The words printed beside a mark: a review's outcome, the roles an
/// appointment, designation or vacancy concerns, and a planned or
/// proposed event's status; so that colour is never all a mark says.
pub fn mark_label(mark: &Mark) -> String {
    let main = match mark.kind {
        MarkKind::Event(EventKind::Review) => mark.outcome.map_or_else(
            || "Outcome not recorded".to_owned(),
            |outcome| super::outcome_label(outcome).to_owned(),
        ),
        MarkKind::Event(EventKind::Appointment | EventKind::Designation | EventKind::Vacancy) => mark.roles.join(", "),
        MarkKind::Event(EventKind::Change | EventKind::Inspection) | MarkKind::Answer => String::new(),
    };
    let basis = basis(mark.basis).map(|word| format!("({word})"));
    let parts: Vec<&str> = [Some(main.as_str()), status(mark.status), basis.as_deref()]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect();
    parts.join(" ")
}

/// The label of answers given on the same span of days: "10 answers".
pub fn answers(count: usize) -> String {
    format!("{count} answers")
}

/// A mark's tooltip: "Review test_of_assurance_2016, some day in March
/// 2016: Assured."
pub fn mark_title(mark: &Mark) -> String {
    let what = match mark.kind {
        MarkKind::Event(kind) => format!("{} {}", super::capitalise(kind.word()), mark.key),
        MarkKind::Answer => format!("Answer to {}", mark.key),
    };
    let label = mark_label(mark);
    if label.is_empty() {
        format!("{what}, {}.", when(mark.at))
    } else {
        format!("{what}, {}: {label}.", when(mark.at))
    }
}

/// The words printed by a rule: "dfe_2013 in force", "Papers end".
pub fn rule_label(rule: &Rule) -> String {
    match rule.kind {
        RuleKind::Guidance | RuleKind::Amendment | RuleKind::Law => format!("{} in force", rule.key),
        RuleKind::LocalPolicy => format!("{} adopted", rule.key),
        RuleKind::PapersEnd => "Papers end".to_owned(),
        RuleKind::AsAt => "As at".to_owned(),
    }
}

/// A rule's tooltip.
pub fn rule_title(rule: &Rule) -> String {
    let on = super::on_date(rule.date);
    match rule.kind {
        RuleKind::Guidance => format!("The guidance {} ({}) came into force {on}.", rule.title, rule.key),
        RuleKind::Amendment => format!("The amendment {} ({}) took effect {on}.", rule.title, rule.key),
        RuleKind::Law => format!("{} ({}) came into force {on}.", rule.title, rule.key),
        RuleKind::LocalPolicy => format!("The council adopted {} ({}) {on}.", rule.title, rule.key),
        RuleKind::PapersEnd => format!("The council's papers end {on}: nothing later is known."),
        RuleKind::AsAt => format!("The picture is drawn as at {}.", super::day(rule.day)),
    }
}

/// The words written in a verdict segment: the verdict, or "not in force".
pub fn segment_words(verdict: Option<VerdictKind>) -> String {
    verdict.map_or_else(|| "not in force".to_owned(), super::verdict_words)
}

/// A segment's tooltip: "dcs.appointed: pass from 1 January 2013 to 31
/// March 2016".
pub fn segment_title(strip: &Strip, segment: &Segment) -> String {
    let duty = strip
        .title
        .as_ref()
        .map_or_else(|| strip.duty.clone(), |title| format!("{} ({title})", strip.duty));
    format!(
        "{duty}: {} from {} to {}.",
        segment_words(segment.verdict),
        super::day(segment.from),
        super::day(segment.to)
    )
}

/// The heading of the verdict strip.
pub const STRIP_HEADING: &str = "Verdicts that change over the period";

/// What the strip says when no verdict changes.
pub const NO_CHANGES: &str = "No duty's verdict changes over the period drawn.";

/// The legend's lines, each a sign and what it means.
pub const LEGEND: [(&str, &str); 4] = [
    ("hatched", "hatched: the papers allow any day in this span"),
    ("dashed", "dashed border: inferred, possibly, suggested or proposed"),
    ("whisker", "line through a mark: the span of days the papers allow it"),
    ("open", "hollow mark: planned or proposed, not recorded as happened"),
];

/// What a lane says when no post or member holds its role in the papers.
pub const NO_HOLDER: &str = "no holder in the papers";

/// The caption under the picture in a page.
pub const CAPTION: &str = "Who held the DCS, Lead Member, DASS and Chief Executive roles when, as the council's papers state them; the events and answers they record; the guidance and law coming into force; and the verdicts that change over the period. A hatched end is one the papers date only within a span; hover over any part for its dates.";
