//! What evaluation produces: one verdict per duty, carrying its
//! explanation.

use crate::model::{DutyId, EntityId, EvidenceRef, RoleId};
use crate::source::Span;

/// The nine verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VerdictKind {
    /// A `must` or `must not` is breached.
    Fail,
    /// A `should` is not met and no reasons are recorded.
    Unexplained,
    /// The arrangement does not state the facts the duty needs.
    Unknown,
    /// An assurance question has no answer.
    Missing,
    /// An answer predates a later change of the responsibilities it is
    /// about.
    Stale,
    /// A `should` is not met and the arrangement records reasons.
    Departure,
    /// The duty holds.
    Pass,
    /// An answer exists, for human judgement.
    Answered,
    /// The duty's condition does not hold.
    NotApplicable,
}

impl VerdictKind {
    /// Every verdict, in the order reports list them: what needs action
    /// first.
    pub const ALL: [VerdictKind; 9] = [
        VerdictKind::Fail,
        VerdictKind::Unexplained,
        VerdictKind::Unknown,
        VerdictKind::Missing,
        VerdictKind::Stale,
        VerdictKind::Departure,
        VerdictKind::Pass,
        VerdictKind::Answered,
        VerdictKind::NotApplicable,
    ];

    /// The lower-case name used in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::Pass => "pass",
            VerdictKind::Fail => "fail",
            VerdictKind::Departure => "departure",
            VerdictKind::Unexplained => "unexplained",
            VerdictKind::Unknown => "unknown",
            VerdictKind::NotApplicable => "not_applicable",
            VerdictKind::Answered => "answered",
            VerdictKind::Missing => "missing",
            VerdictKind::Stale => "stale",
        }
    }

    /// Whether the council must act on it.
    pub fn needs_action(self) -> bool {
        match self {
            VerdictKind::Fail
            | VerdictKind::Unexplained
            | VerdictKind::Unknown
            | VerdictKind::Missing
            | VerdictKind::Stale => true,
            VerdictKind::Pass | VerdictKind::Departure | VerdictKind::NotApplicable | VerdictKind::Answered => false,
        }
    }

    /// Whether it is a breach of the law.
    pub fn is_breach(self) -> bool {
        self == VerdictKind::Fail
    }
}

/// A fact the verdict consulted: the line of the arrangement file that
/// states it, what it says, and where the council's paper says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactUse {
    /// The line in the arrangement file.
    pub span: Span,
    /// What the fact says, in words.
    pub statement: String,
    /// The council's source for it.
    pub evidence: Option<EvidenceRef>,
}

/// How a role in the duty was bound to the arrangement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// The role, when the subject was a role.
    pub role: Option<RoleId>,
    /// The post or member bound.
    pub entity: EntityId,
}

/// One duty's verdict against one arrangement as at a date, with its
/// explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The duty or question.
    pub duty: DutyId,
    /// The verdict.
    pub kind: VerdictKind,
    /// Who the subject bound to.
    pub bindings: Vec<Binding>,
    /// The facts consulted, in the order consulted, without repeats.
    pub facts: Vec<FactUse>,
    /// Facts the duty needs that the arrangement does not state.
    pub missing: Vec<String>,
    /// The reason, in one plain sentence.
    pub reason: String,
    /// Further remarks (a partial date deciding the verdict, a departure
    /// whose review date has passed).
    pub notes: Vec<String>,
    /// The council's answer or account (index into the arrangement's
    /// answers).
    pub answer: Option<usize>,
    /// The recorded departure (index into the arrangement's departures).
    pub departure: Option<usize>,
}
