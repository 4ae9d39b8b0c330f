//! Remarks that matter to how a verdict was reached without deciding it:
//! a kind of body the law ended, dates that overlap, a duty met whether
//! or not it applies.

use super::{Cause, Change, Missing};
use crate::date::{Day, PartialDate};
use crate::model::{AnswerId, BodyKindId, EventId};

/// A remark that matters to how a verdict was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// The law ended every body of a kind a duty mentions before the
    /// as-at date.
    KindEnded {
        /// The kind.
        kind: BodyKindId,
    },
    /// Two partial dates overlap as periods, so a comparison is undecided.
    DatesOverlap {
        /// The stated date.
        first: PartialDate,
        /// The date compared with.
        second: PartialDate,
    },
    /// Two events' dates overlap, so which came first cannot be told.
    EventOrderUnclear {
        /// What must come first.
        earlier: Cause,
        /// The event that must follow it.
        later: EventId,
    },
    /// An answer and a change are dated to overlapping periods.
    AnswerChangeOverlap {
        /// The answer.
        answer: AnswerId,
        /// The change.
        change: Change,
    },
    /// Whether the duty applies turns on a condition the arrangements do
    /// not settle, but what it asks is met, so it is met either way.
    MetWhetherOrNotItApplies {
        /// What the condition needs to be told.
        missing: Vec<Missing>,
    },
    /// A recurring event is dated only partially, and the as-at date falls
    /// in the window when the next was due.
    DueDateUnclear {
        /// The latest event.
        event: EventId,
        /// The earliest day the next could be due.
        earliest: Day,
        /// The latest day the next could be due.
        latest: Day,
        /// The date evaluated as at.
        as_at: Day,
    },
}
