//! The events on a council's timeline: what happened (or was proposed or
//! planned), who carried it out, what a review concluded, and the roles a
//! change extended.

use super::*;
use crate::date::PartialDate;

/// Whether an event happened, or is only proposed or planned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EventStatus {
    /// It happened (the default).
    #[default]
    Happened,
    /// It is proposed: a decision not yet taken, not a fact of the
    /// arrangements.
    Proposed,
    /// It is planned or under way (a review started, due by a date).
    Planned,
}

impl EventStatus {
    /// Every status, in the order the language lists them.
    pub const ALL: [EventStatus; 3] = [EventStatus::Happened, EventStatus::Proposed, EventStatus::Planned];

    /// The word used in the language.
    pub fn word(self) -> &'static str {
        match self {
            EventStatus::Happened => "happened",
            EventStatus::Proposed => "proposed",
            EventStatus::Planned => "planned",
        }
    }

    /// Whether the papers record it as having happened, so that it happened
    /// by the time they stop.
    pub fn happened(self) -> bool {
        match self {
            EventStatus::Happened => true,
            EventStatus::Proposed | EventStatus::Planned => false,
        }
    }
}

/// What a review concluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewOutcome {
    /// The arrangements were found to give assurance.
    Assured,
    /// The arrangements were found not to give assurance.
    NotAssured,
    /// The review was put off: no conclusion was reached.
    Deferred,
    /// The arrangements were noted, without a conclusion on them.
    Noted,
    /// The papers record that the review reached a conclusion on the
    /// arrangements (a minute's "RESOLVED that the recommendations be
    /// agreed"), without quoting it: it concluded, assured or not.
    NotQuoted,
    /// The papers record no conclusion: a report put to a committee whose
    /// decision is not at hand, or a meeting whose minute is silent.
    Unknown,
}

impl ReviewOutcome {
    /// Every outcome, in the order the language lists them.
    pub const ALL: [ReviewOutcome; 6] = [
        ReviewOutcome::Assured,
        ReviewOutcome::NotAssured,
        ReviewOutcome::Deferred,
        ReviewOutcome::Noted,
        ReviewOutcome::NotQuoted,
        ReviewOutcome::Unknown,
    ];

    /// The word used in the language.
    pub fn word(self) -> &'static str {
        match self {
            ReviewOutcome::Assured => "assured",
            ReviewOutcome::NotAssured => "not_assured",
            ReviewOutcome::Deferred => "deferred",
            ReviewOutcome::Noted => "noted",
            ReviewOutcome::NotQuoted => "not_quoted",
            ReviewOutcome::Unknown => "unknown",
        }
    }

    /// Whether the review reached a conclusion on the arrangements, so
    /// that it answers a change: yes, no, or not known.
    pub fn concluded(self) -> Option<bool> {
        match self {
            ReviewOutcome::Assured | ReviewOutcome::NotAssured | ReviewOutcome::NotQuoted => Some(true),
            ReviewOutcome::Deferred | ReviewOutcome::Noted => Some(false),
            ReviewOutcome::Unknown => None,
        }
    }
}

/// Who carried out a review or another event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// A body, post or member of the arrangements.
    Entity(EntityId),
    /// Someone outside them: a serving DCS of another council, an LSCB's
    /// independent chair, the LGA, "Coventry City Council".
    Outside(String),
}

/// A dated event on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its id.
    pub key: String,
    /// Its kind.
    pub kind: EventKind,
    /// When: its instant in the timeline.
    pub at: InstantId,
    /// The event it is written to follow (`after EVENT`).
    pub after: Option<EventId>,
    /// Whether it happened, or is only proposed or planned.
    pub status: EventStatus,
    /// For a planned review, the date it is due by.
    pub due: Option<PartialDate>,
    /// The posts and members it concerns (a change may name a post and a
    /// member: one change of both).
    pub concerns: Vec<EntityId>,
    /// Roles it gives or leaves empty (appointments, designations,
    /// vacancies).
    pub roles: Vec<RoleId>,
    /// What happened.
    pub what: Option<String>,
    /// Who carried it out (one or more, for a joint meeting).
    pub by: Vec<Actor>,
    /// How who carried it out is known (a paper may imply it).
    pub by_basis: Basis,
    /// For a review, what it concluded.
    pub outcome: Option<ReviewOutcome>,
    /// How the outcome is known (a paper may imply it without saying).
    pub outcome_basis: Basis,
    /// The council's own words for the outcome or judgement.
    pub record: Option<String>,
    /// For a change, whether it changed the responsibilities of the post
    /// it concerns (a restructure below the DCS does not).
    pub responsibilities: Option<bool>,
    /// The change a review answers (after it).
    pub answers: Option<EventId>,
    /// The change a review prepares: concluded before it, it answers it,
    /// as the guidance's "before allocating" asks.
    pub prepares: Option<EventId>,
    /// For a change, the roles it extended beyond their remit: all of them,
    /// or (`one_of`) one of them, the papers not saying which.
    pub extends: Extends,
    /// Remarks.
    pub note: Option<String>,
    /// Where it is stated.
    pub origin: FactOrigin,
}

impl Event {
    /// How the event is known: inferred when the paper implies who
    /// carried it out or what it concluded without saying so.
    pub fn basis(&self) -> Basis {
        match (self.by_basis, self.outcome_basis) {
            (Basis::Inferred, _) | (_, Basis::Inferred) => Basis::Inferred,
            (by, Basis::Stated) => by,
            (_, outcome) => outcome,
        }
    }
}

/// The roles a change extended beyond their remit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extends {
    /// The roles named.
    pub roles: Vec<RoleId>,
    /// Whether the change extended one of them only, the papers not saying
    /// which (`extends DCS or LMCS`).
    pub one_of: bool,
}
