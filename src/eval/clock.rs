//! Time as one run of a duty sees it. Every question evaluation asks of
//! time goes through a [`Clock`]: has this instant come by the date, did
//! this come before that, which of the candidates holds the role, was the
//! proposal adopted. The clock answers from the timeline when the papers
//! settle it; when they leave it open, the run's [`World`] decides it and
//! remembers ([`Doubt`] names what was decided), and the duty is run again
//! the other way ([`super::evaluate`]). So within one run every fact holds
//! or does not, as with exact dates; across the runs, a verdict that comes
//! out the same is decided, and one that does not is unknown, naming the
//! doubts that divide it.

use crate::date::Day;
use crate::model::{node, Basis, EntityId, EventId, InstantId, Line, Period, RoleId};
use crate::time::network::ZERO;
use crate::time::worlds::World;

/// A question of time the papers leave open, decided one way in a run.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Doubt {
    /// Whether an instant had come by the end of a day.
    Happened {
        /// The instant.
        instant: InstantId,
        /// The day.
        by: Day,
    },
    /// Whether one instant came on a day before another's.
    Before {
        /// The one asked to come first.
        first: InstantId,
        /// The other.
        second: InstantId,
    },
    /// Which of two things on the same day came first, which the papers
    /// do not say.
    SameDay {
        /// The one asked to come first.
        first: InstantId,
        /// The other.
        second: InstantId,
    },
    /// Whether one instant came within some months after another.
    Within {
        /// The earlier.
        start: InstantId,
        /// The later.
        end: InstantId,
        /// How many months.
        months: u32,
    },
    /// Which of the candidates holds a role (`possibly` on each).
    Which {
        /// The role.
        role: RoleId,
        /// The candidates, one of which holds it.
        candidates: Vec<EntityId>,
    },
    /// Whether a fact the papers only suggest or propose holds.
    Holds {
        /// The entity.
        entity: EntityId,
        /// Its line.
        line: Line,
    },
    /// Which of the roles a change says it extended (`extends A or B`).
    Extended {
        /// The change.
        event: EventId,
        /// The roles, one of which it extended.
        roles: Vec<RoleId>,
    },
}

impl Doubt {
    /// Whether two doubts ask one question of the papers: which of two
    /// instants came first is asked as "before?", "after?" and "which on
    /// the same day?", but is one doubt to a reader.
    pub fn same_question(&self, other: &Doubt) -> bool {
        match (self.order_pair(), other.order_pair()) {
            (Some(one), Some(another)) => one == another,
            _ => self == other,
        }
    }

    /// The two instants whose order the doubt asks, smaller first.
    fn order_pair(&self) -> Option<(InstantId, InstantId)> {
        match self {
            Doubt::Before { first, second } | Doubt::SameDay { first, second } => {
                Some(((*first).min(*second), (*first).max(*second)))
            }
            Doubt::Happened { .. }
            | Doubt::Within { .. }
            | Doubt::Which { .. }
            | Doubt::Holds { .. }
            | Doubt::Extended { .. } => None,
        }
    }
}

/// One run's view of time: the timeline, the date evaluated as at, and the
/// world deciding what the timeline leaves open.
pub(crate) struct Clock<'a> {
    world: &'a World<Doubt>,
    /// The date evaluated as at.
    pub as_at: Day,
}

impl<'a> Clock<'a> {
    /// A clock as at a day, in a world (which holds the timeline's network).
    pub fn new(world: &'a World<Doubt>, as_at: Day) -> Clock<'a> {
        Clock { world, as_at }
    }

    /// Whether an instant had come by the end of `day`.
    pub fn happened_by(&self, instant: InstantId, day: Day) -> bool {
        self.world
            .at_most(node(instant), ZERO, day.number(), || Doubt::Happened {
                instant,
                by: day,
            })
    }

    /// Whether an instant had come by the as-at date.
    pub fn happened(&self, instant: InstantId) -> bool {
        self.happened_by(instant, self.as_at)
    }

    /// Whether `first` came on a day before `second`.
    pub fn before(&self, first: InstantId, second: InstantId) -> bool {
        self.world
            .at_most(node(first), node(second), -1, || Doubt::Before { first, second })
    }

    /// Whether `first` came on or before `second`'s day.
    pub fn not_after(&self, first: InstantId, second: InstantId) -> bool {
        !self.before(second, first)
    }

    /// Whether `later` follows `earlier`: on a later day, or on the same
    /// day where the papers leave the order to be decided.
    pub fn follows(&self, earlier: InstantId, later: InstantId) -> bool {
        if earlier == later {
            return false;
        }
        if self.before(earlier, later) {
            return true;
        }
        if self.before(later, earlier) {
            return false;
        }
        self.world.choose(
            Doubt::SameDay {
                first: earlier,
                second: later,
            },
            2,
        ) == 0
    }

    /// Whether `end` came within `months` after `start` (on or before the
    /// day `months` after it).
    pub fn within(&self, start: InstantId, end: InstantId, months: u32) -> bool {
        let (start_earliest, start_latest) = self.world.bounds(node(start));
        let (end_earliest, end_latest) = self.world.bounds(node(end));
        let deadline = |day: Option<i64>| day.map(|day| Day::from_number(day).add_months(months).number());
        // Settled by the bounds: the latest end by the earliest deadline, or
        // the earliest end after the latest deadline.
        if let (Some(end_latest), Some(deadline)) = (end_latest, deadline(start_earliest)) {
            if end_latest <= deadline {
                return true;
            }
        }
        if let (Some(end_earliest), Some(deadline)) = (end_earliest, deadline(start_latest)) {
            if end_earliest > deadline {
                return false;
            }
        }
        self.world.choose(Doubt::Within { start, end, months }, 2) == 0
    }

    /// Whether a period holds on `day`: begun by then and not yet stopped.
    pub fn holds_on(&self, period: Period, day: Day) -> bool {
        period.from.is_none_or(|from| self.happened_by(from, day))
            && period.until.is_none_or(|until| !self.happened_by(until, day))
    }

    /// Whether a period holds as at the date.
    pub fn holds(&self, period: Period) -> bool {
        self.holds_on(period, self.as_at)
    }

    /// Whether a fact the papers only suggest or propose holds (decided);
    /// every other fact does, as stated.
    pub fn believed(&self, entity: EntityId, line: Line, basis: Basis) -> bool {
        match basis {
            Basis::Stated | Basis::Inferred => true,
            Basis::Possibly | Basis::Suggested | Basis::Proposed => {
                self.world.choose(Doubt::Holds { entity, line }, 2) == 0
            }
        }
    }

    /// Which of `options` holds, decided when there are several.
    pub fn which(&self, doubt: Doubt, options: usize) -> usize {
        self.world.choose(doubt, options)
    }

    /// The days the papers (and this run's decisions) leave an instant.
    pub fn bounds(&self, instant: InstantId) -> (Option<Day>, Option<Day>) {
        let (earliest, latest) = self.world.bounds(node(instant));
        (earliest.map(Day::from_number), latest.map(Day::from_number))
    }
}
