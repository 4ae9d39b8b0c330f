//! Where an event lies relative to what calls for it, and the index that
//! matches each cause to the events that may answer it. This decides the
//! order of a follower and a cause (by an `answers` link, by `after`
//! links, then by dates compared as whole periods) and which events are
//! tried for each cause, in which order; what counts as an answer is
//! decided in `timeline/mod.rs`.

use std::collections::BTreeMap;

use super::{concluded, events_of, happened};
use crate::date::{Day, PartialDate, Relative};
use crate::eval::Cause;
use crate::model::{Arrangement, Event, EventId, EventKind};

/// Where an event lies relative to a date.
fn relative_to_date(arrangement: &Arrangement, event: EventId, date: Option<PartialDate>) -> Relative {
    match (arrangement.event(event).and_then(|found| found.date.on), date) {
        (Some(on), Some(date)) => on.relative_to(date),
        // An undated event after a dated one is after it.
        (None, Some(date)) => match earliest_known(arrangement, event) {
            Some(before) if before.relative_to(date) != Relative::Before => Relative::After,
            _ => Relative::Overlapping,
        },
        _ => Relative::Overlapping,
    }
}

/// The latest date an event is known to follow, through `after` links.
fn earliest_known(arrangement: &Arrangement, event: EventId) -> Option<PartialDate> {
    let mut current = arrangement.event(event).and_then(|found| found.date.after);
    let mut steps = 0;
    while let Some(id) = current {
        let found = arrangement.event(id)?;
        if let Some(on) = found.date.on {
            return Some(on);
        }
        steps += 1;
        if steps > arrangement.events.len() {
            return None;
        }
        current = found.date.after;
    }
    None
}

/// What a cause's date is, for ordering.
pub(super) fn cause_date(arrangement: &Arrangement, cause: &Cause) -> Option<PartialDate> {
    match cause {
        Cause::Change(change) => change.date,
        Cause::Event(event) => arrangement.event(*event).and_then(|event| event.date.on),
    }
}

/// Where a follower lies relative to a cause: by an explicit `answers`,
/// by `after` links to the event that records it, then by dates.
pub(super) fn follower_order(arrangement: &Arrangement, follower: EventId, cause: &Cause) -> Relative {
    #[cfg(test)]
    ORDERS_ASKED.with(|asked| asked.set(asked.get() + 1));
    let recorded = match cause {
        Cause::Change(change) => change.event,
        Cause::Event(event) => Some(*event),
    };
    if let Some(recorded) = recorded {
        if arrangement.event(follower).and_then(|event| event.answers) == Some(recorded) {
            return Relative::After;
        }
        let by_events = arrangement.event_order(follower, recorded);
        if by_events != Relative::Overlapping {
            return by_events;
        }
    }
    relative_to_date(arrangement, follower, cause_date(arrangement, cause))
}

#[cfg(test)]
thread_local! {
    /// How many times [`follower_order`] has been asked, for the test that
    /// matching causes to events is not quadratic.
    pub(super) static ORDERS_ASKED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The events of the kind that answers a cause (a review, say), indexed
/// once per duty so that each cause is matched by sorted search rather
/// than by asking the order of every such event against it.
///
/// Which event answers a cause, and in what order they are tried, is
/// exactly as scanning them all in date order would give: the index only
/// leaves out events that cannot be after (or overlap) the cause, and
/// every candidate is still asked [`follower_order`]. An event is after a
/// cause by an `answers` or `after` link, whatever its date, or by date;
/// by date, a dated event is after only if it begins after the cause's
/// date or the date of the event that records it, so only the dated
/// events from there on are tried, with those linked by `answers` to the
/// recording event or by `after` to any, and the undated. Each cause then
/// costs a binary search and the events tried, not all of them.
pub(super) struct Followers<'a> {
    pub(super) arrangement: &'a Arrangement,
    /// The events of the kind that happened by the as-at date, in date
    /// order: undated ones first, file order among equal dates.
    events: Vec<(EventId, &'a Event)>,
    /// How many of `events` are undated.
    undated: usize,
    /// The first day of each dated event, `events[undated + i]`.
    first_days: Vec<Day>,
    /// The latest last day among the dated events up to each,
    /// `events[undated..=undated + i]`: where events that might overlap a
    /// date begin.
    latest_last_days: Vec<Day>,
    /// Where the dated events with an `after` link are in `events`.
    linked: Vec<usize>,
    /// Where the events that `answers` each event are in `events`.
    answering: BTreeMap<EventId, Vec<usize>>,
    /// Events of the kind that are undated and may or may not have
    /// happened by the date (the papers run on past it), concluded, in
    /// file order.
    pub(super) open: Vec<(EventId, &'a Event)>,
}

impl<'a> Followers<'a> {
    pub(super) fn new(arrangement: &'a Arrangement, as_at: Day, kind: EventKind) -> Followers<'a> {
        let events = events_of(arrangement, as_at, kind);
        let undated = events.iter().take_while(|(_, event)| event.date.on.is_none()).count();
        let dated = events.iter().skip(undated).filter_map(|(_, event)| event.date.on);
        let first_days: Vec<Day> = dated.clone().map(PartialDate::first_day).collect();
        let latest_last_days: Vec<Day> = dated
            .scan(None, |latest: &mut Option<Day>, date| {
                let last = latest.map_or(date.last_day(), |latest| latest.max(date.last_day()));
                *latest = Some(last);
                Some(last)
            })
            .collect();
        let mut linked = Vec::new();
        let mut answering: BTreeMap<EventId, Vec<usize>> = BTreeMap::new();
        for (position, (_, event)) in events.iter().enumerate() {
            if position >= undated && event.date.after.is_some() {
                linked.push(position);
            }
            if let Some(answered) = event.answers {
                answering.entry(answered).or_default().push(position);
            }
        }
        let open = arrangement
            .events
            .iter()
            .enumerate()
            .filter(|(_, event)| {
                event.kind == kind && happened(arrangement, event, as_at).is_none() && concluded(event)
            })
            .map(|(index, event)| (EventId::from_index(index), event))
            .collect();
        Followers {
            arrangement,
            events,
            undated,
            first_days,
            latest_last_days,
            linked,
            answering,
            open,
        }
    }

    /// The events at these positions, in order, that are in `relative`
    /// order to the cause.
    fn tried(
        &self,
        positions: impl Iterator<Item = usize> + 'a,
        cause: &'a Cause,
        relative: Relative,
    ) -> impl Iterator<Item = (EventId, &'a Event)> + '_ {
        positions
            .filter_map(|position| self.events.get(position).copied())
            .filter(move |(id, _)| follower_order(self.arrangement, *id, cause) == relative)
    }

    /// The events after the cause, in date order.
    pub(super) fn after(&self, cause: &'a Cause) -> impl Iterator<Item = (EventId, &'a Event)> + '_ {
        let recorded = match cause {
            Cause::Change(change) => change.event,
            Cause::Event(event) => Some(*event),
        };
        let recorded_date = recorded
            .and_then(|id| self.arrangement.event(id))
            .and_then(|event| event.date.on);
        // By date, an event is after the cause only if it begins after the
        // cause's date or after the recording event's: after the earlier
        // of their ends. With neither dated, no date puts it after.
        let threshold = [cause_date(self.arrangement, cause), recorded_date]
            .into_iter()
            .flatten()
            .map(PartialDate::last_day)
            .min();
        let from = match threshold {
            Some(threshold) => self.undated + self.first_days.partition_point(|first| *first <= threshold),
            None => self.events.len(),
        };
        let answering = recorded
            .and_then(|id| self.answering.get(&id))
            .map_or(&[][..], Vec::as_slice);
        let mut earlier: Vec<usize> = (0..self.undated)
            .chain(self.linked.iter().copied().take_while(|position| *position < from))
            .chain(answering.iter().copied().filter(|position| *position < from))
            .collect();
        earlier.sort_unstable();
        earlier.dedup();
        self.tried(
            earlier.into_iter().chain(from..self.events.len()),
            cause,
            Relative::After,
        )
    }

    /// The events whose order to the cause the papers do not settle, in
    /// date order.
    pub(super) fn overlapping(&self, cause: &'a Cause) -> impl Iterator<Item = (EventId, &'a Event)> + '_ {
        // A dated event overlaps the cause only if its period overlaps the
        // cause's date (a link, or the recording event's date, would order
        // it); undated events may overlap anything.
        let (from, to) = match cause_date(self.arrangement, cause) {
            Some(date) => (
                self.undated + self.latest_last_days.partition_point(|last| *last < date.first_day()),
                self.undated + self.first_days.partition_point(|first| *first <= date.last_day()),
            ),
            None => (self.undated, self.events.len()),
        };
        self.tried(
            (0..self.undated).chain(from..to.max(from)),
            cause,
            Relative::Overlapping,
        )
    }
}
