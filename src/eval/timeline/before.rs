//! `review before each extension of DCS`: the guidance's "before
//! allocating". Each cause (as for `after each`, [`Evaluator::causes`]) is
//! met by a concluded review that names it (`answers`, `prepares`) and
//! came before it took effect. A review that comes later answers the local
//! test, not this: nothing after the change makes up for it.
//!
//! A concluded review the papers link to nothing, about the role, that
//! came before the change with no other change of the role between them,
//! may have considered it or not: the papers do not say, so where no
//! linked review decides it the verdict is unknown and names that doubt
//! (a general review two years before an allocation is not taken to be
//! its consideration, nor taken not to be).
//!
//! The same day: a review that names the change and is dated on its day
//! is read as coming before it (a decision and its consideration in one
//! minute: the consideration informs the decision); one that does not
//! name it leaves the order within the day open, and the run decides it.
//! Where the dates leave the order open, each run decides it, and a
//! verdict that turns on it is unknown, naming the doubt
//! ([`super::super::worlds`]). A review only planned or proposed is none.

use super::super::finding::{Finding, Truth};
use super::super::{Cause, Change, Evaluator, FactUse, Missing, Observation};
use super::{conclusion, event_fact};
use crate::model::{Event, EventId, EventKind, FactOrigin, InstantId, RoleId, Trigger};

/// How a review came before a cause.
#[derive(Clone, Copy)]
struct Preceding {
    /// It names the cause (`answers`, `prepares`).
    linked: bool,
    /// It is dated on the cause's day (and names it).
    same_day: bool,
}

impl<'a> Evaluator<'a> {
    /// `EVENT before each TRIGGER [of ROLE]`.
    pub(in super::super) fn before(&self, event: EventKind, trigger: Trigger, of: Option<RoleId>) -> Finding {
        let causes = self.causes(trigger, of);
        if causes.is_empty() {
            return self.no_cause(trigger, of);
        }
        // Every change of the role, for the reviews the papers link to
        // nothing: one counts only if the role did not change after it.
        let changes = of.map(|role| self.changes_of(role)).unwrap_or_default();
        let parts = causes
            .into_iter()
            .map(|(cause, at, fact)| self.preceded(event, of, &changes, cause, at, fact))
            .collect();
        Finding::all(parts)
    }

    /// Whether a concluded event that names a cause came before it; else a
    /// planned review for a change not yet made; else unknown when one
    /// that came before gives no conclusion, or names nothing; else not
    /// preceded.
    fn preceded(
        &self,
        event: EventKind,
        of: Option<RoleId>,
        changes: &[(Change, FactOrigin)],
        cause: Cause,
        at: InstantId,
        cause_fact: FactUse,
    ) -> Finding {
        let events = self.events_of(event);
        let preceding: Vec<(EventId, &Event, Preceding)> = events
            .iter()
            .filter_map(|(id, review)| {
                self.precedes(review, &cause, at, of, changes)
                    .map(|how| (*id, *review, how))
            })
            .collect();
        if let Some((id, review, how)) = preceding
            .iter()
            .find(|(_, review, how)| how.linked && conclusion(review) == Some(true))
        {
            let mut finding = Finding::new(
                Truth::True,
                Observation::Precedes {
                    review: *id,
                    cause,
                    same_day: how.same_day,
                },
            );
            finding.facts = vec![cause_fact, event_fact(*id, review)];
            return finding;
        }
        // A change not yet made may still be considered first: a review
        // planned for it is under way.
        if !self.made(&cause, at) {
            if let Some(finding) = self.under_way(event, &cause, at, &cause_fact) {
                return finding;
            }
        }
        if let Some((id, review, _)) = preceding
            .iter()
            .find(|(_, review, how)| how.linked && conclusion(review).is_none())
        {
            let mut finding = Finding::missing(Missing::ReviewOutcome { review: *id });
            finding.facts = vec![cause_fact, event_fact(*id, review)];
            return finding;
        }
        // One that names nothing may have considered it.
        if let Some((id, review, _)) = preceding
            .iter()
            .find(|(_, review, how)| !how.linked && conclusion(review) != Some(false))
        {
            let mut finding = Finding::missing(Missing::ReviewSubject {
                review: *id,
                cause: cause.clone(),
            });
            finding.facts = vec![cause_fact, event_fact(*id, review)];
            return finding;
        }
        let inconclusive: Vec<EventId> = preceding
            .iter()
            .filter(|(_, review, _)| conclusion(review) == Some(false))
            .map(|(id, _, _)| *id)
            .collect();
        let later: Vec<EventId> = events
            .iter()
            .filter(|(_, review)| self.names(review, &cause))
            .filter(|(id, _)| !preceding.iter().any(|(before, _, _)| before == id))
            .map(|(id, _)| *id)
            .collect();
        let mut facts = vec![cause_fact];
        facts.extend(
            later
                .iter()
                .chain(&inconclusive)
                .filter_map(|id| self.arrangement.event(*id).map(|found| event_fact(*id, found))),
        );
        let mut finding = Finding::new(
            Truth::False,
            Observation::NotPreceded {
                expected: event,
                cause,
                later,
                inconclusive,
            },
        );
        finding.facts = facts;
        finding
    }

    /// Whether a review names the cause's event (`answers`, `prepares`).
    fn names(&self, review: &Event, cause: &Cause) -> bool {
        let recorded = match cause {
            Cause::Change(change) => change.event,
            Cause::Event(event) => Some(*event),
        };
        recorded.is_some() && (review.answers == recorded || review.prepares == recorded)
    }

    /// How a review came before a cause at an instant, if it did in this
    /// run: one that names it, on an earlier day or on its day; one linked
    /// to nothing, about the role, on an earlier day (or the same, as the
    /// run decides), with no other change of the role between them (which
    /// may have considered it).
    fn precedes(
        &self,
        review: &Event,
        cause: &Cause,
        at: InstantId,
        of: Option<RoleId>,
        changes: &[(Change, FactOrigin)],
    ) -> Option<Preceding> {
        if self.names(review, cause) {
            if self.clock.before(review.at, at) {
                return Some(Preceding {
                    linked: true,
                    same_day: false,
                });
            }
            return self.clock.not_after(review.at, at).then_some(Preceding {
                linked: true,
                same_day: true,
            });
        }
        let linked_elsewhere = review.answers.is_some() || review.prepares.is_some();
        if linked_elsewhere || !self.about_role(review, of) || self.clock.follows(at, review.at) {
            return None;
        }
        let between = changes.iter().any(|(change, _)| {
            change.at != at && self.clock.before(review.at, change.at) && self.clock.before(change.at, at)
        });
        (!between).then_some(Preceding {
            linked: false,
            same_day: false,
        })
    }

    /// Whether a review is about the role: it names no post or member (a
    /// review of the arrangements), or names one that holds the role.
    fn about_role(&self, review: &Event, of: Option<RoleId>) -> bool {
        let Some(role) = of else {
            return true;
        };
        review.concerns.is_empty()
            || review.concerns.iter().any(|entity| {
                self.arrangement
                    .entity(*entity)
                    .is_some_and(|found| found.roles.iter().any(|line| line.value == role))
            })
    }

    /// Whether the cause has been made by the as-at date: a proposal has
    /// not, nor a change still to come.
    fn made(&self, cause: &Cause, at: InstantId) -> bool {
        let recorded = match cause {
            Cause::Change(change) => change.event,
            Cause::Event(event) => Some(*event),
        };
        let proposed = recorded
            .and_then(|id| self.arrangement.event(id))
            .is_some_and(|found| !found.status.happened());
        !proposed && self.clock.happened(at)
    }
}
