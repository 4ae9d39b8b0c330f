//! The timeline picture: one council's history as typed data, drawn by
//! [`svg`] (and wrapped in a page by [`html`]). [`history`] reads the
//! checked arrangement once: for the DCS, the Lead Member, the DASS and the
//! Chief Executive, a bar per post or member holding the role, each end
//! with the earliest and latest day the papers allow it (the interval core,
//! [`crate::time`]); a mark per event and answer, dated the same way; a
//! rule for each edition, amendment and Act coming into force and for the
//! end of the papers; and, under them, the verdict of each duty whose
//! verdict changes over the period, at every date where anything may
//! change ([`strip`]). The renderers only draw it, so the picture cannot
//! say what the data does not.

mod build;
mod html;
mod strip;
mod svg;

pub use build::{history, last_day};

use crate::date::{Day, PartialDate};
use crate::eval::VerdictKind;
use crate::model::{Basis, EventKind, EventStatus, ReviewOutcome};

/// The roles the picture has a lane for, by their keys in the guidance, in
/// the order drawn.
pub const LANE_ROLES: [&str; 4] = ["DCS", "LMCS", "DASS", "ChiefExecutive"];

/// The period drawn, as asked (`--from`, `--to`); an end not given is
/// read from the papers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    /// The first day drawn.
    pub from: Option<Day>,
    /// The last day drawn.
    pub to: Option<Day>,
}

/// One council's history, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    /// The council's name.
    pub council: String,
    /// The arrangement's id.
    pub key: String,
    /// The first day drawn.
    pub from: Day,
    /// The last day drawn.
    pub to: Day,
    /// One lane per role of [`LANE_ROLES`] the guidance has.
    pub lanes: Vec<Lane>,
    /// The events and answers, in the order the papers give them.
    pub marks: Vec<Mark>,
    /// Editions, amendments and Acts coming into force, the end of the
    /// papers and the date verified as at, in date order.
    pub rules: Vec<Rule>,
    /// The duties whose verdict changes over the period, in the
    /// guidance's order.
    pub strip: Vec<Strip>,
}

/// The holders of one role over time.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The role's key (`DCS`).
    pub role: String,
    /// The role's title.
    pub title: String,
    /// A bar for each line of the papers giving the role to a post or
    /// member, in file order.
    pub bars: Vec<Bar>,
}

/// A post or member holding a role, from one moment until another.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The post's or member's id.
    pub entity: String,
    /// Its title as at the date verified.
    pub title: String,
    /// The people who held the post (or the member's names), as the
    /// papers name them, in order.
    pub holders: Vec<String>,
    /// When the holding began.
    pub start: Moment,
    /// When it stopped (the first day it no longer held).
    pub end: Moment,
    /// How the papers know it: stated, inferred, possibly…
    pub basis: Basis,
}

/// A day the papers place somewhere between two bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// Whether the papers date it at all: an end they leave open is not
    /// given (the fact held as far as they speak).
    pub given: bool,
    /// The date as written, when written plainly.
    pub written: Option<PartialDate>,
    /// The earliest day the papers allow, if bounded.
    pub earliest: Option<Day>,
    /// The latest day the papers allow, if bounded.
    pub latest: Option<Day>,
}

impl Moment {
    /// An end the papers leave open.
    pub const OPEN: Moment = Moment {
        given: false,
        written: None,
        earliest: None,
        latest: None,
    };

    /// Whether the papers pin it to one day.
    pub fn is_exact(self) -> bool {
        self.given && self.earliest.is_some() && self.earliest == self.latest
    }
}

/// What a mark stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    /// An event of the given kind.
    Event(EventKind),
    /// An answer to a question, or an account of how a duty is discharged.
    Answer,
}

impl MarkKind {
    /// Every kind, in the order the picture's rows are drawn.
    pub const ALL: [MarkKind; 7] = [
        MarkKind::Event(EventKind::Appointment),
        MarkKind::Event(EventKind::Designation),
        MarkKind::Event(EventKind::Vacancy),
        MarkKind::Event(EventKind::Change),
        MarkKind::Event(EventKind::Review),
        MarkKind::Event(EventKind::Inspection),
        MarkKind::Answer,
    ];

    /// A name for machines (a class in the SVG): `appointment`, `answer`.
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Event(kind) => kind.word(),
            MarkKind::Answer => "answer",
        }
    }
}

/// An event or answer on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The event's id, or the key of the duty answered.
    pub key: String,
    /// What it is.
    pub kind: MarkKind,
    /// When.
    pub at: Moment,
    /// Whether it happened, or is only proposed or planned.
    pub status: EventStatus,
    /// For a review, what it concluded.
    pub outcome: Option<ReviewOutcome>,
    /// How the papers know it.
    pub basis: Basis,
    /// The roles it gives or leaves empty, by key (`DCS`).
    pub roles: Vec<String>,
}

/// What a vertical rule marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RuleKind {
    /// An edition of the guidance (or of guidance beside it) came into
    /// force.
    Guidance,
    /// An amendment took effect.
    Amendment,
    /// An Act's provisions came into force.
    Law,
    /// The council adopted a local policy.
    LocalPolicy,
    /// The council's papers end.
    PapersEnd,
    /// The date the picture is drawn as at.
    AsAt,
}

impl RuleKind {
    /// A name for machines (a class in the SVG).
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::Guidance => "guidance",
            RuleKind::Amendment => "amendment",
            RuleKind::Law => "law",
            RuleKind::LocalPolicy => "local_policy",
            RuleKind::PapersEnd => "papers_end",
            RuleKind::AsAt => "as_at",
        }
    }
}

/// A vertical rule: something that took effect on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The first day it marks.
    pub day: Day,
    /// The date as written (a month may stand for its first day).
    pub date: PartialDate,
    /// What it marks.
    pub kind: RuleKind,
    /// The edition's id, or the arrangement's.
    pub key: String,
    /// The edition's title, or empty.
    pub title: String,
}

/// The verdicts of one duty over the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    /// The duty's key.
    pub duty: String,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// Its verdict over each stretch of days, in order, together covering
    /// the period.
    pub segments: Vec<Segment>,
}

/// A stretch of days over which a duty's verdict stays the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The first day.
    pub from: Day,
    /// The last day.
    pub to: Day,
    /// The verdict; `None` where the duty is not in force.
    pub verdict: Option<VerdictKind>,
}

impl History {
    /// A standalone SVG document: lanes, marks, rules and the verdict
    /// strip, with no script, no external font and no style sheet, its
    /// ids prefixed with the arrangement's id. The same history gives the
    /// same bytes.
    pub fn to_svg(&self) -> String {
        crate::visible::escape_owned(svg::render(self))
    }

    /// A self-contained HTML page holding the SVG, laid out for A4
    /// landscape.
    pub fn to_html(&self) -> String {
        crate::visible::escape_owned(html::render(self, &svg::render(self)))
    }
}
