//! When things happened, as far as a council's papers say: every date an
//! arrangement gives (an event's, a fact's start or end, an entity's birth
//! or end, an answer's) is an [`Instant`], a day the papers place somewhere
//! in an interval of doubt. How the papers wrote it is kept for words
//! ([`Written`]); what they say of it, together with every other date,
//! is held as difference constraints in the arrangement's [`Timeline`]
//! (the interval core, [`crate::time`]), so that "after", "before", a
//! shared event and the papers' end all bound each instant the same way.

use super::{AnswerId, EntityId, EventId, InstantId, RoleId};
use crate::date::{Day, Holding, PartialDate, Relative, Uncertainty};
use crate::source::Span;
use crate::time::network::{Network, Node};

/// A date or an event that bounds an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// A date (its whole period: `after 2015` is after some day of 2015).
    Date(PartialDate),
    /// An event of the arrangements.
    Event(EventId),
}

/// How the papers date an instant, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Written {
    /// The date given (`2016-03`); `None` for `unknown`, or when only
    /// bounds are given.
    pub date: Option<PartialDate>,
    /// What it is known to come after (`after EVENT`, `after DATE`, the
    /// first of `between A and B`).
    pub after: Vec<Anchor>,
    /// What it is known to come before (`before DATE`, the second of
    /// `between A and B`).
    pub before: Vec<Anchor>,
    /// Whether the date was written at all: `false` for an end the
    /// arrangements leave to an event (a holding dated by the appointment
    /// that gives it).
    pub stated: bool,
    /// For an end of a `seen DATE` line, that date: the fact held on some
    /// day of it, its start and end not known.
    pub seen: Option<PartialDate>,
}

impl Written {
    /// A date as written.
    pub fn on(date: PartialDate) -> Written {
        Written {
            date: Some(date),
            stated: true,
            ..Written::default()
        }
    }

    /// `unknown`, as written.
    pub fn unknown() -> Written {
        Written {
            stated: true,
            ..Written::default()
        }
    }

    /// Whether the papers say nothing of when: no date, no bound.
    pub fn says_nothing(&self) -> bool {
        self.date.is_none() && self.after.is_empty() && self.before.is_empty() && self.seen.is_none()
    }

    /// The date, when the papers give one plainly (`on 2016-03`, not a
    /// bound, not a date the fact was only seen at).
    pub fn plain_date(&self) -> Option<PartialDate> {
        if self.after.is_empty() && self.before.is_empty() && self.seen.is_none() {
            self.date
        } else {
            None
        }
    }
}

/// Which end of a period an instant is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum End {
    /// When it began.
    Start,
    /// When it stopped (the first day it no longer held).
    Stop,
}

/// One line of an entity's facts, by its place in the entity's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Line {
    /// A line of `holds`.
    Role(usize),
    /// A line of `responsible_for`.
    Functions(usize),
    /// A line of a relation.
    Relation(usize),
    /// A line of an attribute.
    Attribute(usize),
    /// The kind of a body.
    BodyKind,
    /// A line of its title, holder's name or `other_functions`.
    Described(usize),
    /// A line of an organisation's owners.
    Owner(usize),
    /// An organisation's board.
    Board,
    /// A line of a service's providers.
    Provider(usize),
    /// A line of a post's employers.
    Employer(usize),
    /// A line of a post's secondments.
    Secondment(usize),
}

/// What an instant dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// An event of the timeline.
    Event(EventId),
    /// An end of one line of an entity's facts.
    Fact {
        /// The entity.
        entity: EntityId,
        /// The line.
        line: Line,
        /// Which end.
        end: End,
    },
    /// An end of an entity's life (`exists from … until …`).
    Life {
        /// The entity.
        entity: EntityId,
        /// Which end.
        end: End,
    },
    /// An end of a fact the arrangements' header states of the council
    /// (its governance, a body it has none of, a commencement).
    Council {
        /// Which end.
        end: End,
    },
    /// When an answer was given.
    Answer(AnswerId),
    /// When a post first seen already holding a role beyond its remit took
    /// it on: some day up to the first evidence of the combination.
    Extension {
        /// The post or member.
        entity: EntityId,
        /// The role extended.
        role: RoleId,
    },
}

/// A day the papers place somewhere in an interval of doubt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instant {
    /// How the papers wrote it.
    pub written: Written,
    /// What it dates.
    pub owner: Owner,
    /// Where it is written (the line of its fact or event).
    pub span: Span,
}

/// When a fact held: from one instant until another; an end left out is
/// open (the fact held as far as the papers speak).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Period {
    /// When it began to hold.
    pub from: Option<InstantId>,
    /// When it stopped holding (it held until the day before).
    pub until: Option<InstantId>,
}

impl Period {
    /// Held throughout, as far as the papers speak.
    pub const ALWAYS: Period = Period {
        from: None,
        until: None,
    };

    /// Whether neither end is given.
    pub fn is_always(self) -> bool {
        self.from.is_none() && self.until.is_none()
    }

    /// The instants that bound it.
    pub fn ends(self) -> impl Iterator<Item = InstantId> {
        [self.from, self.until].into_iter().flatten()
    }
}

/// Every instant of an arrangement, and what the papers say of each and of
/// their order, as difference constraints.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Timeline {
    /// The instants, by id.
    pub instants: Vec<Instant>,
    /// The constraints, with the tightest bound between every two
    /// instants.
    pub network: Network,
}

/// A day as a number of days since 1 January 1970, the network's unit.
pub fn day_number(day: Day) -> i64 {
    day.number()
}

/// The network node of an instant (node 0 is the calendar's zero).
pub fn node(instant: InstantId) -> Node {
    instant.index() + 1
}

impl Timeline {
    /// The instant with this id.
    pub fn instant(&self, id: InstantId) -> Option<&Instant> {
        self.instants.get(id.index())
    }

    /// The date the papers give plainly for an instant, if any.
    pub fn plain_date(&self, id: InstantId) -> Option<PartialDate> {
        self.instant(id).and_then(|instant| instant.written.plain_date())
    }

    /// The earliest day the papers allow an instant.
    pub fn earliest(&self, id: InstantId) -> Option<Day> {
        self.network.earliest(node(id)).map(Day::from_number)
    }

    /// The latest day the papers allow an instant.
    pub fn latest(&self, id: InstantId) -> Option<Day> {
        self.network.latest(node(id)).map(Day::from_number)
    }

    /// Whether an instant had come by the end of `day`, as far as the
    /// papers say: yes if its latest day is on or before it, no if its
    /// earliest is after it, else unknown.
    pub fn happened_by(&self, id: InstantId, day: Day) -> Holding {
        let number = day_number(day);
        if self.network.entails(node(id), 0, number) {
            Holding::Yes
        } else if self
            .network
            .entails(0, node(id), number.saturating_neg().saturating_sub(1))
        {
            Holding::No
        } else {
            Holding::Unknown(self.doubt(id))
        }
    }

    /// Why an instant is in doubt, for the static three-valued reading.
    fn doubt(&self, id: InstantId) -> Uncertainty {
        match self.instant(id).and_then(|instant| instant.written.date) {
            Some(date) => Uncertainty::Began(date),
            None => Uncertainty::UnknownDate,
        }
    }

    /// Whether a period holds on `day`: it has begun by then and not yet
    /// stopped. Open ends hold.
    pub fn holds(&self, period: Period, day: Day) -> Holding {
        let begun = period.from.map_or(Holding::Yes, |from| self.happened_by(from, day));
        let stopped = period.until.map_or(Holding::No, |until| self.happened_by(until, day));
        begun.and(!stopped)
    }

    /// Where one instant lies relative to another, as far as the papers
    /// say: before (every day it may be on is before every day the other
    /// may be on), after, or overlapping.
    pub fn order(&self, first: InstantId, second: InstantId) -> Relative {
        if self.network.entails(node(first), node(second), -1) {
            Relative::Before
        } else if self.network.entails(node(second), node(first), -1) {
            Relative::After
        } else {
            Relative::Overlapping
        }
    }

    /// Whether `first` surely comes on a day before `second`'s.
    pub fn surely_before(&self, first: InstantId, second: InstantId) -> bool {
        self.network.entails(node(first), node(second), -1)
    }

    /// Whether the papers put `first` on or before `second`.
    pub fn surely_not_after(&self, first: InstantId, second: InstantId) -> bool {
        self.network.entails(node(first), node(second), 0)
    }

    /// Whether two periods surely share a day.
    pub fn surely_overlap(&self, one: Period, other: Period) -> bool {
        // Each begins surely before the other stops.
        let begins_before = |period: Period, stop: Option<InstantId>| match (period.from, stop) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(from), Some(until)) => self.network.entails(node(from), node(until), -1),
        };
        let bounded = |period: Period| period.from.is_some() || period.until.is_some();
        (bounded(one) || bounded(other)) && begins_before(one, other.until) && begins_before(other, one.until)
    }

    /// Whether two periods may share a day: neither surely stops before
    /// the other begins.
    pub fn may_overlap(&self, one: Period, other: Period) -> bool {
        let stops_before = |period: Period, start: Option<InstantId>| match (period.until, start) {
            (Some(until), Some(from)) => self.network.entails(node(until), node(from), 0),
            _ => false,
        };
        !stops_before(one, other.from) && !stops_before(other, one.from)
    }
}
