//! The evidence horizon: verdicts as at a date after the council's papers
//! end.
//!
//! A fact whose end the papers leave open holds as far as they speak, and
//! no further: years after a cabinet paper, it is no evidence of who the
//! DCS is, whom they report to, or whether a review has since been held.
//! So as at a date past the papers' end a verdict that rests on the
//! council's facts is unknown, naming the end and the verdict the papers
//! supported then ([`Reason::PastPapersEnd`], [`Missing::SincePapers`]); a
//! verdict the law settles for whoever holds the role still stands, with a
//! note of the end; and a permission, which asks nothing, is not shown to
//! be used.

use super::{Binding, Missing, Note, Reason, Verdict};
use crate::date::Day;
use crate::model::{Arrangement, DutyId, Modality, PapersEndKind, Policy};

/// The papers' end, as verdicts past it name it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Horizon {
    /// The last day the papers speak of.
    pub(super) end: Day,
    /// How that end is known.
    pub(super) kind: PapersEndKind,
}

impl Horizon {
    /// The horizon a verdict as at `as_at` lies past, if it does.
    pub(super) fn passed(arrangement: &Arrangement, as_at: Day) -> Option<Horizon> {
        arrangement
            .papers_end()
            .filter(|(end, _)| *end < as_at)
            .map(|(end, kind)| Horizon { end, kind })
    }

    /// The verdicts as at a date past the horizon: each as the law or the
    /// papers leave it, given the verdicts as at the date (`now`) and as
    /// at the papers' end (`last`).
    pub(super) fn verdicts(self, policy: &Policy, now: Vec<Verdict>, last: Vec<Verdict>) -> Vec<Verdict> {
        let family = |duty: DutyId| policy.duty(duty).map_or(duty, |found| found.family);
        now.into_iter()
            .map(|verdict| {
                let last = last
                    .iter()
                    .find(|earlier| family(earlier.duty) == family(verdict.duty))
                    .cloned();
                let permission = policy
                    .duty(verdict.duty)
                    .is_some_and(|duty| duty.modality == Modality::May);
                self.verdict(verdict, last, permission)
            })
            .collect()
    }

    /// One verdict past the horizon.
    fn verdict(self, mut verdict: Verdict, last: Option<Verdict>, permission: bool) -> Verdict {
        let since = Missing::SincePapers {
            end: self.end,
            kind: self.kind,
        };
        if verdict.settled_by_law() {
            verdict.notes.push(Note::SettledByLawPastPapers { end: self.end });
            verdict.bindings = uncertain(&verdict.bindings);
            return verdict;
        }
        if permission {
            // A permission asks nothing of the council, so it never needs
            // action: whether it is still used is simply not shown.
            return Verdict {
                reason: Reason::PermissionNotShown { unstated: vec![since] },
                bindings: uncertain(&verdict.bindings),
                missing: Vec::new(),
                notes: Vec::new(),
                ..verdict
            };
        }
        let mut missing = vec![since];
        let (bindings, facts, answer) = match &last {
            Some(last) => {
                for lacked in &last.missing {
                    if !missing.contains(lacked) {
                        missing.push(lacked.clone());
                    }
                }
                (uncertain(&last.bindings), last.facts.clone(), last.answer)
            }
            None => (Vec::new(), Vec::new(), None),
        };
        Verdict {
            duty: verdict.duty,
            reason: Reason::PastPapersEnd {
                end: self.end,
                last: last.map(Box::new),
            },
            bindings,
            facts,
            missing,
            notes: Vec::new(),
            answer,
        }
    }
}

/// The holders the papers last named, none of them known to hold the role
/// still.
fn uncertain(bindings: &[Binding]) -> Vec<Binding> {
    bindings
        .iter()
        .map(|binding| Binding {
            certain: false,
            ..binding.clone()
        })
        .collect()
}
