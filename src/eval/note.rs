//! Remarks that matter to how a verdict was reached without deciding it:
//! a kind of body the law ended, dates that overlap, a duty met whether
//! or not it applies.

use super::clock::Doubt;
use super::Missing;
use crate::date::PartialDate;
use crate::model::BodyKindId;

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
    /// Whether the duty applies turns on a condition the arrangements do
    /// not settle, but what it asks is met, so it is met either way.
    MetWhetherOrNotItApplies {
        /// What the condition needs to be told.
        missing: Vec<Missing>,
    },
    /// The verdict comes out the same over every choice of dates (and of
    /// candidates) the papers allow, and these were open.
    EitherWay {
        /// The questions that were open.
        doubts: Vec<Doubt>,
    },
}
