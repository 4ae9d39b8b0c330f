//! Duties over time: `review after each change of DCS [within N months]`
//! and `review every 12 months` (and, in `before.rs`, `review before each
//! extension of DCS`), in one run (every date decided, see
//! [`super::clock`]). This file decides which causes an `after each` duty
//! must answer ([`Evaluator::causes`]), whether an event answers each in
//! time ([`Evaluator::answer`]), and whether the latest of a recurring
//! event is recent enough ([`Evaluator::every`]). What a change is, is
//! decided in `changes.rs`.
//!
//! Only a review that reached a conclusion answers a change; one that
//! names the change it prepares (`prepares X`), or answers (`answers X`),
//! answers it even when it came first, as the guidance's "before
//! allocating" asks. A review still planned answers nothing yet, but is
//! under way until its due date. Within a duty's period a cause is not yet
//! due. A cause that came before the duty was first in force is not one.
//! The timeline is complete only up to the date the papers stop: after it,
//! that no review is recorded is unknown, not a breach.

mod before;
mod changes;

use super::finding::{Finding, Truth};
use super::{Cause, Change, Evaluator, Fact, FactUse, Missing, Observation};
use crate::date::Day;
use crate::model::{Basis, Deadline, Event, EventId, EventKind, FactOrigin, InstantId, ReviewOutcome, RoleId, Trigger};

/// The fact an event gives an explanation.
pub(super) fn event_fact(id: EventId, event: &Event) -> FactUse {
    FactUse {
        fact: Fact::Event { event: id },
        origin: event.origin.clone(),
        during: crate::model::Period::ALWAYS,
        basis: event.basis(),
    }
}

/// The fact a change gives an explanation, at the line that shows it.
pub(super) fn change_fact(change: &Change, origin: FactOrigin) -> FactUse {
    FactUse {
        fact: Fact::Change(change.clone()),
        origin,
        during: crate::model::Period::ALWAYS,
        basis: Basis::Stated,
    }
}

/// Whether a follower reached a conclusion (a review must; other events
/// count as they are), or `None` when the papers do not say.
fn conclusion(event: &Event) -> Option<bool> {
    match event.kind {
        EventKind::Review => event.outcome.and_then(ReviewOutcome::concluded),
        EventKind::Appointment
        | EventKind::Designation
        | EventKind::Vacancy
        | EventKind::Change
        | EventKind::Inspection => Some(true),
    }
}

/// Whether a review was held at all, for a duty to review every so often:
/// one put off was not; one that noted the arrangements, or whose outcome
/// the papers do not give, was.
fn held(event: &Event) -> bool {
    event.outcome != Some(ReviewOutcome::Deferred)
}

/// The last day on which something could have happened for the next, due
/// `months` after it, to be overdue as at `as_at` (its due day before the
/// as-at date).
fn last_overdue_start(as_at: Day, months: u32) -> Day {
    let back = i64::from(months) * 31 + 31;
    let mut day = Day::from_number(as_at.number() - back);
    while day.next().add_months(months) < as_at {
        day = day.next();
    }
    day
}

/// What an event answers: a cause it names (`answers`, `prepares`),
/// else one it follows.
enum Answering {
    /// It names the cause's event: before or after it, it answers it.
    Names,
    /// It follows the cause.
    Follows,
}

impl<'a> Evaluator<'a> {
    /// The events of a kind the papers record as having happened by the
    /// as-at date.
    fn events_of(&self, kind: EventKind) -> Vec<(EventId, &'a Event)> {
        self.arrangement
            .events
            .iter()
            .enumerate()
            .filter(|(_, event)| event.kind == kind && event.status.happened() && self.clock.happened(event.at))
            .map(|(index, event)| (EventId::from_index(index), event))
            .collect()
    }

    /// Whether the papers leave absence unproven at a day: after the date
    /// they are complete up to (or at any date, with `known_until
    /// unknown`).
    fn beyond_papers(&self, event: EventKind, day: Day) -> Option<Missing> {
        let known = self.arrangement.known_until?;
        let until = match known.date {
            Some(date) if day <= date.last_day() => return None,
            Some(date) => date.last_day(),
            None => self.arrangement.papers_end?,
        };
        let (_, kind) = self.arrangement.papers_end()?;
        Some(Missing::BeyondPapers { event, until, kind })
    }

    /// What an `after each TRIGGER [of ROLE]` duty must answer: each change
    /// (or extension) of the role's holders, or each event of the kind,
    /// with the fact it rests on; none that came before the duty was first
    /// in force.
    fn causes(&self, trigger: Trigger, of: Option<RoleId>) -> Vec<(Cause, InstantId, FactUse)> {
        let causes: Vec<(Cause, InstantId, FactUse)> = match (trigger, of) {
            (Trigger::Event(EventKind::Change) | Trigger::Extension, Some(role)) => self
                .changes_of(role)
                .into_iter()
                .filter(|(change, _)| trigger != Trigger::Extension || change.extension)
                .map(|(change, origin)| {
                    let fact = change_fact(&change, origin);
                    let at = change.at;
                    (Cause::Change(change), at, fact)
                })
                .collect(),
            // The checker refuses an extension with no role.
            (Trigger::Extension, None) => Vec::new(),
            (Trigger::Event(trigger), _) => self
                .events_of(trigger)
                .into_iter()
                .filter(|(_, candidate)| {
                    of.is_none_or(|role| {
                        candidate.concerns.iter().any(|entity| {
                            self.arrangement
                                .entity(*entity)
                                .is_some_and(|entity| entity.roles.iter().any(|line| line.value == role))
                        })
                    })
                })
                .map(|(id, found)| (Cause::Event(id), found.at, event_fact(id, found)))
                .collect(),
        };
        match self.applies_from {
            Some(first) => causes
                .into_iter()
                .filter(|(_, at, _)| !self.clock.happened_by(*at, first.previous()))
                .collect(),
            None => causes,
        }
    }

    /// Met, and vacuously: nothing the duty reads from is recorded up to
    /// the date, so it asks nothing (for `after each` and `before each`
    /// alike).
    fn no_cause(&self, trigger: Trigger, of: Option<RoleId>) -> Finding {
        Finding {
            truth: Truth::True,
            said: vec![Observation::NoEvent {
                event: trigger,
                of,
                up_to: self.as_at,
            }],
            vacuous: true,
            ..Finding::default()
        }
    }

    /// `EVENT after each TRIGGER [of ROLE] [within N months]`.
    pub(super) fn after(
        &self,
        event: EventKind,
        trigger: Trigger,
        of: Option<RoleId>,
        within: Option<Deadline>,
    ) -> Finding {
        let causes = self.causes(trigger, of);
        if causes.is_empty() {
            return self.no_cause(trigger, of);
        }
        let parts = causes
            .into_iter()
            .map(|(cause, at, fact)| self.answer(event, within, cause, at, fact))
            .collect();
        Finding::all(parts)
    }

    /// How an event answers a cause at an instant, if it does.
    fn answering(&self, follower: &Event, cause: &Cause, at: InstantId) -> Option<Answering> {
        let recorded = match cause {
            Cause::Change(change) => change.event,
            Cause::Event(event) => Some(*event),
        };
        if recorded.is_some() && (follower.answers == recorded || follower.prepares == recorded) {
            return Some(Answering::Names);
        }
        self.clock.follows(at, follower.at).then_some(Answering::Follows)
    }

    /// Whether an event answers a cause in time: a concluded event that
    /// names it or follows it, within the period; else unknown when one
    /// that answers it gives no conclusion; else a planned review under
    /// way; else [`Evaluator::unanswered`].
    fn answer(
        &self,
        event: EventKind,
        within: Option<Deadline>,
        cause: Cause,
        at: InstantId,
        cause_fact: FactUse,
    ) -> Finding {
        // Only a deadline (`within`) makes a later event too late.
        let in_time = |follower: &Event, how: &Answering| match (within.filter(|deadline| deadline.strict), how) {
            (None, _) | (Some(_), Answering::Names) => true,
            (Some(deadline), Answering::Follows) => self.clock.within(at, follower.at, deadline.months),
        };
        let followers = self.events_of(event);
        let answering: Vec<(EventId, &Event, Answering)> = followers
            .iter()
            .filter_map(|(id, follower)| self.answering(follower, &cause, at).map(|how| (*id, *follower, how)))
            .collect();
        if let Some((id, follower, _)) = answering
            .iter()
            .find(|(_, follower, how)| conclusion(follower) == Some(true) && in_time(follower, how))
        {
            let mut finding = Finding::new(Truth::True, Observation::Follows { follower: *id, cause });
            finding.facts = vec![cause_fact, event_fact(*id, follower)];
            return finding;
        }
        if let Some(finding) = self.under_way(event, &cause, at, &cause_fact) {
            return finding;
        }
        // Within its period, nothing more is owed yet: a review whose
        // conclusion the papers do not give, or none, is not yet a want.
        if let Some(finding) = self.not_yet_due(event, within, &cause, at, &cause_fact) {
            return finding;
        }
        // One that answers it whose conclusion the papers do not give may
        // answer it.
        if let Some((id, follower, _)) = answering
            .iter()
            .find(|(_, follower, how)| conclusion(follower).is_none() && in_time(follower, how))
        {
            let mut finding = Finding::missing(Missing::ReviewOutcome { review: *id });
            finding.facts = vec![cause_fact, event_fact(*id, follower)];
            return finding;
        }
        let after_cause: Vec<(EventId, &Event)> = answering
            .iter()
            .filter(|(_, _, how)| matches!(how, Answering::Follows))
            .map(|(id, follower, _)| (*id, *follower))
            .collect();
        self.unanswered(event, within, cause, at, cause_fact, &after_cause)
    }

    /// The event is not yet due: the cause came within the period the duty
    /// gives, counting back from the as-at date.
    fn not_yet_due(
        &self,
        event: EventKind,
        within: Option<Deadline>,
        cause: &Cause,
        at: InstantId,
        cause_fact: &FactUse,
    ) -> Option<Finding> {
        let months = within?.months;
        if self.clock.happened_by(at, last_overdue_start(self.as_at, months)) {
            return None;
        }
        let due = self.clock.bounds(at).1.map(|latest| latest.add_months(months));
        Some(
            Finding::new(
                Truth::True,
                Observation::NotYetDue {
                    expected: event,
                    cause: cause.clone(),
                    due: due.unwrap_or(self.as_at),
                },
            )
            .with_fact(cause_fact.clone()),
        )
    }

    /// A planned review that names the cause: under way, not yet due, until
    /// its due date; past it with no result, unknown.
    fn under_way(&self, event: EventKind, cause: &Cause, at: InstantId, cause_fact: &FactUse) -> Option<Finding> {
        let (id, review) = self.arrangement.events.iter().enumerate().find_map(|(index, review)| {
            (review.kind == event
                && review.status == crate::model::EventStatus::Planned
                && matches!(self.answering(review, cause, at), Some(Answering::Names)))
            .then_some((EventId::from_index(index), review))
        })?;
        let due = review.due.map(crate::date::PartialDate::last_day);
        let mut finding = match due {
            Some(due) if self.as_at <= due => Finding::new(
                Truth::True,
                Observation::UnderWay {
                    review: id,
                    cause: cause.clone(),
                    due: Some(due),
                },
            ),
            _ => Finding::missing(Missing::ReviewOutcome { review: id }),
        };
        finding.facts = vec![cause_fact.clone(), event_fact(id, review)];
        Some(finding)
    }

    /// A cause no event answers in time: not yet due within its period;
    /// undecided when the papers stop before the last day an answer could
    /// come; else not followed, naming the events after it that came late
    /// or reached no conclusion.
    fn unanswered(
        &self,
        event: EventKind,
        within: Option<Deadline>,
        cause: Cause,
        at: InstantId,
        cause_fact: FactUse,
        after_cause: &[(EventId, &Event)],
    ) -> Finding {
        let due = |months: u32| self.clock.bounds(at).1.map(|latest| latest.add_months(months));
        // Past a period `allowing` time to act, no event yet is simply
        // none: there is no deadline to be late for.
        let strict = within
            .filter(|deadline| deadline.strict)
            .map(|deadline| deadline.months);
        let deadline = strict.and_then(due);
        let inconclusive: Vec<EventId> = after_cause
            .iter()
            .filter(|(_, follower)| conclusion(follower) == Some(false))
            .map(|(id, _)| *id)
            .collect();
        let late: Vec<EventId> = match strict {
            Some(_) => after_cause
                .iter()
                .filter(|(_, follower)| conclusion(follower) == Some(true))
                .map(|(id, _)| *id)
                .collect(),
            None => Vec::new(),
        };
        let mut facts = vec![cause_fact];
        facts.extend(
            inconclusive
                .iter()
                .filter_map(|id| self.arrangement.event(*id).map(|found| event_fact(*id, found))),
        );
        // The papers stop before the as-at date (and before the deadline): a
        // review after them is not excluded.
        let last_chance = deadline.map_or(self.as_at, |deadline| deadline.min(self.as_at));
        if let Some(missing) = self.beyond_papers(event, last_chance) {
            let mut finding = Finding::missing(missing);
            finding.facts = facts;
            return finding;
        }
        let mut finding = Finding::new(
            Truth::False,
            Observation::NotFollowed {
                expected: event,
                cause,
                deadline,
                late,
                inconclusive,
            },
        );
        finding.facts = facts;
        finding
    }

    /// `EVENT every N months`: the latest held by the date must be recent.
    pub(super) fn every(&self, event: EventKind, months: u32) -> Finding {
        let events: Vec<(EventId, &Event)> = self
            .events_of(event)
            .into_iter()
            .filter(|(_, found)| held(found))
            .collect();
        // The latest in this run's order.
        let mut latest: Option<(EventId, &Event)> = None;
        for (id, found) in events {
            latest = match latest {
                Some((_, current)) if !self.clock.before(current.at, found.at) => latest,
                _ => Some((id, found)),
            };
        }
        let Some((latest_id, latest)) = latest else {
            if let Some(missing) = self.beyond_papers(event, self.as_at) {
                return Finding::missing(missing);
            }
            return Finding::new(
                Truth::False,
                Observation::NoEvent {
                    event: Trigger::Event(event),
                    of: None,
                    up_to: self.as_at,
                },
            );
        };
        let fact = event_fact(latest_id, latest);
        if !self
            .clock
            .happened_by(latest.at, last_overdue_start(self.as_at, months))
        {
            return Finding::new(
                Truth::True,
                Observation::Recent {
                    latest: latest_id,
                    months,
                    as_at: self.as_at,
                },
            )
            .with_fact(fact);
        }
        let due = self
            .clock
            .bounds(latest.at)
            .1
            .map_or(self.as_at, |day| day.add_months(months));
        if let Some(missing) = self.beyond_papers(event, due) {
            let mut finding = Finding::missing(missing);
            finding.facts.push(fact);
            return finding;
        }
        Finding::new(
            Truth::False,
            Observation::Overdue {
                latest: latest_id,
                months,
                as_at: self.as_at,
                due,
            },
        )
        .with_fact(fact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_overdue_start_is_the_last_day_whose_next_is_due_before_the_date() {
        let day = |year, month, day| Day { year, month, day };
        for (as_at, months) in [
            (day(2017, 6, 30), 6),
            (day(2017, 3, 1), 12),
            (day(2016, 2, 29), 1),
            (day(2020, 8, 31), 6),
        ] {
            let last = last_overdue_start(as_at, months);
            assert!(last.add_months(months) < as_at, "{last} + {months} months");
            assert!(last.next().add_months(months) >= as_at, "{last} + 1 day");
        }
    }
}
