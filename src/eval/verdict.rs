//! What evaluation produces: one verdict per duty, as data. A verdict says
//! what it decided and why in typed values: its reason, which gives its
//! kind ([`Reason::kind`]), the facts it consulted (`fact.rs`), what it
//! observed of them (`observation.rs`), the facts it lacked (`missing.rs`)
//! and its notes (`note.rs`). The sentences people read are written from
//! these in one place, [`crate::words`].

use super::{Change, Fact, FactUse, Missing, Note, Observation};
use crate::date::Day;
use crate::model::{AnswerId, DepartureId, DutyId, EditionId, EntityId, ParagraphId, RelationId, RoleId};

/// Gives a typed enum the names its kinds are written by, in JSON and in
/// tests, from one list: the match is exhaustive, so the list cannot miss
/// a kind.
macro_rules! kind_names {
    ($kind:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $kind {
            /// The name of every kind, in declaration order.
            pub const KIND_NAMES: &'static [&'static str] = &[$($name),*];

            /// The name of this one's kind (`snake_case`).
            pub fn kind_name(&self) -> &'static str {
                match self {
                    $($kind::$variant { .. } => $name,)*
                }
            }
        }
    };
}

pub(super) use kind_names;

/// Gives the verdicts their names and their order from one list: the
/// order of [`VerdictKind::ALL`] is the order written (what needs action
/// first), and the match in `name` is exhaustive, so the list cannot miss
/// a verdict.
macro_rules! verdict_names {
    ($kind:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $kind {
            /// Every verdict, in the order reports list them: what needs
            /// action first.
            pub const ALL: [$kind; [$($name),*].len()] = [$($kind::$variant),*];

            /// The lower-case name used in JSON and reports.
            pub fn name(self) -> &'static str {
                match self {
                    $($kind::$variant => $name,)*
                }
            }

            /// Reads a name written by [`VerdictKind::name`].
            pub fn from_name(name: &str) -> Option<$kind> {
                match name {
                    $($name => Some($kind::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

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

verdict_names!(VerdictKind {
    Fail => "fail",
    Unexplained => "unexplained",
    Unknown => "unknown",
    Missing => "missing",
    Stale => "stale",
    Departure => "departure",
    Pass => "pass",
    Answered => "answered",
    NotApplicable => "not_applicable",
});

impl VerdictKind {
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

    /// Whether the chart flags the reporting lines such a verdict
    /// consulted: the arrangement departs from a duty (breached, not met
    /// without reasons, or departed from with reasons).
    pub fn flags_lines(self) -> bool {
        match self {
            VerdictKind::Fail | VerdictKind::Unexplained | VerdictKind::Departure => true,
            VerdictKind::Unknown
            | VerdictKind::Missing
            | VerdictKind::Stale
            | VerdictKind::Pass
            | VerdictKind::Answered
            | VerdictKind::NotApplicable => false,
        }
    }

    /// Where it comes in [`VerdictKind::ALL`]: the most serious first.
    pub fn rank(self) -> usize {
        VerdictKind::ALL
            .iter()
            .position(|kind| *kind == self)
            .unwrap_or(VerdictKind::ALL.len())
    }
}

/// Why a verdict is what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A condition of the duty excludes it.
    ConditionNotMet {
        /// The condition, by its place in the duty.
        condition: usize,
        /// What was observed of it.
        observed: Vec<Observation>,
    },
    /// Whether a condition holds cannot be told; the verdict's missing
    /// facts say why.
    ConditionUnknown,
    /// A timeline duty has nothing to apply to.
    NothingToApplyTo {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A permission is used.
    PermissionUsed {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A permission is not used.
    PermissionNotUsed {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A permission is not shown to be used: the arrangements do not state
    /// these facts. A permission needs no action, so they are not the
    /// verdict's missing facts.
    PermissionNotShown {
        /// What is not stated.
        unstated: Vec<Missing>,
    },
    /// The duty is met.
    Met {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A `must` or `must not` is breached.
    Breached {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A `should` is not met, and a departure with reasons is recorded.
    Departed {
        /// The departure.
        departure: DepartureId,
        /// Whether the date it was to be reviewed by has passed.
        review_passed: bool,
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// A `should` is not met, and no departure is recorded.
    Unexplained {
        /// What was observed.
        observed: Vec<Observation>,
    },
    /// The duty cannot be decided; the missing facts say why.
    Undecided {
        /// What was observed besides.
        observed: Vec<Observation>,
    },
    /// A question has no answer up to the date.
    NoAnswer {
        /// The date evaluated as at.
        up_to: Day,
    },
    /// The answer predates a later change of the responsibilities it is
    /// about.
    AnswerPredatesChange {
        /// The answer.
        answer: AnswerId,
        /// The latest change after it.
        change: Change,
    },
    /// The answer answered words that have since been replaced (or
    /// repealed) by a later edition or amendment.
    AnswerToReplacedWords {
        /// The answer.
        answer: AnswerId,
        /// The paragraph whose words changed, by its first version.
        paragraph: ParagraphId,
        /// The edition or amendment that changed them.
        edition: EditionId,
    },
    /// The departure's reasons addressed words that have since been
    /// replaced (or repealed).
    DepartureFromReplacedWords {
        /// The departure.
        departure: DepartureId,
        /// The paragraph whose words changed, by its first version.
        paragraph: ParagraphId,
        /// The edition or amendment that changed them.
        edition: EditionId,
    },
    /// The question is answered.
    Answered {
        /// The answer.
        answer: AnswerId,
    },
}

kind_names!(Reason {
    ConditionNotMet => "condition_not_met",
    ConditionUnknown => "condition_unknown",
    NothingToApplyTo => "nothing_to_apply_to",
    PermissionUsed => "permission_used",
    PermissionNotUsed => "permission_not_used",
    PermissionNotShown => "permission_not_shown",
    Met => "met",
    Breached => "breached",
    Departed => "departed",
    Unexplained => "unexplained",
    Undecided => "undecided",
    NoAnswer => "no_answer",
    AnswerPredatesChange => "answer_predates_change",
    AnswerToReplacedWords => "answer_to_replaced_words",
    DepartureFromReplacedWords => "departure_from_replaced_words",
    Answered => "answered",
});

impl Reason {
    /// The verdict this reason gives: each reason gives exactly one, so a
    /// verdict's kind is read from its reason and the two cannot disagree.
    pub fn kind(&self) -> VerdictKind {
        match self {
            Reason::Breached { .. } => VerdictKind::Fail,
            Reason::Unexplained { .. } => VerdictKind::Unexplained,
            Reason::ConditionUnknown | Reason::Undecided { .. } => VerdictKind::Unknown,
            Reason::NoAnswer { .. } => VerdictKind::Missing,
            Reason::AnswerPredatesChange { .. }
            | Reason::AnswerToReplacedWords { .. }
            | Reason::DepartureFromReplacedWords { .. } => VerdictKind::Stale,
            Reason::Departed { .. } => VerdictKind::Departure,
            Reason::Met { .. } | Reason::PermissionUsed { .. } => VerdictKind::Pass,
            Reason::Answered { .. } => VerdictKind::Answered,
            Reason::ConditionNotMet { .. }
            | Reason::NothingToApplyTo { .. }
            | Reason::PermissionNotUsed { .. }
            | Reason::PermissionNotShown { .. } => VerdictKind::NotApplicable,
        }
    }
}

/// How a role in the duty was bound to the arrangement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// The role, when the subject was a role.
    pub role: Option<RoleId>,
    /// The post or member bound.
    pub entity: EntityId,
    /// Whether it surely held the role as at the date (else it is one of
    /// the candidates).
    pub certain: bool,
}

/// One duty's verdict against one arrangement as at a date, with what it
/// rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The duty or question.
    pub duty: DutyId,
    /// Why: which also says the verdict ([`Verdict::kind`]).
    pub reason: Reason,
    /// Who the subject bound to.
    pub bindings: Vec<Binding>,
    /// The facts consulted, in the order consulted, without repeats.
    pub facts: Vec<FactUse>,
    /// Facts the duty needs that the arrangement does not state.
    pub missing: Vec<Missing>,
    /// Remarks on how the verdict was reached.
    pub notes: Vec<Note>,
    /// The council's latest answer to the question, or account of how it
    /// discharges the duty, by the as-at date.
    pub answer: Option<AnswerId>,
}

impl Verdict {
    /// The verdict, as its reason gives it.
    pub fn kind(&self) -> VerdictKind {
        self.reason.kind()
    }

    /// The departure the verdict rests on, if it is a departure.
    pub fn departure(&self) -> Option<DepartureId> {
        match &self.reason {
            Reason::Departed { departure, .. } => Some(*departure),
            _ => None,
        }
    }

    /// Whether a relation line the verdict consulted leads from `from` to
    /// `to`: how the chart finds the lines a verdict flags.
    pub fn consulted_line(&self, relation: RelationId, from: EntityId, to: EntityId) -> bool {
        self.facts.iter().any(|used| match &used.fact {
            Fact::Relation {
                entity,
                relation: stated,
                targets,
            } => *stated == relation && *entity == from && targets.contains(&to),
            _ => false,
        })
    }
}

/// Where a recorded departure stands as at the date: for the departures
/// register, decided once here rather than by each report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartureStatus {
    /// The departure.
    pub departure: DepartureId,
    /// Whether the date it was to be reviewed by has passed (every day of
    /// it is before the as-at date); `None` when no date is set.
    pub review_passed: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::VerdictKind;

    #[test]
    fn every_verdict_is_read_back_from_its_name_and_ranked_in_order() {
        for (rank, kind) in VerdictKind::ALL.into_iter().enumerate() {
            assert_eq!(VerdictKind::from_name(kind.name()), Some(kind));
            assert_eq!(kind.rank(), rank);
        }
        assert_eq!(VerdictKind::from_name("passed"), None);
    }
}
