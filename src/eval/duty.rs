//! The verdict of one duty or question: what the truth found of its rule
//! gives under its modality (the table first, below), whether its
//! conditions exclude it or leave it open, whether a `should` not met has
//! recorded reasons, and whether an answer is missing, stale or given.
//! What the rule's claim finds is decided in `subject.rs` and `atom.rs`;
//! the verdict is given once, last, from a [`Draft`] by its `Reason`.

use super::finding::{self, Finding, Truth};
use super::{review_passed, timeline, Evaluator};
use super::{Binding, Clause, Fact, FactUse, Missing, Note, Observation, Reason, Verdict, VerdictKind};
use crate::date::Day;
use crate::date::{Holding, PartialDate};
use crate::model::{
    AnswerId, Basis, BodyKindId, ConditionKind, Departure, DepartureId, Duty, DutyId, DutyKind, EditionId, InstantId,
    Mention, Modality, Paragraph, ParagraphId, Predicate, RoleId, Subject, Versioned,
};

impl<'a> Evaluator<'a> {
    /// The verdict of a rule: the modality against the truth of its claim.
    /// A negative modality (`must not`, `should not`) claims the negation,
    /// so `true` is met for every duty; a permission (`may`) is never
    /// breached.
    fn rule(&self, duty: &Duty, subject: &Subject, predicate: &Predicate, mut verdict: Draft) -> Verdict {
        let negate = duty.modality.is_negative();
        let (finding, bindings) = self.claim(subject, predicate, negate, Clause::Rule(verdict.duty));
        verdict.bindings = bindings;
        finding::push_facts(&mut verdict.facts, finding.facts);
        verdict.notes.extend(finding.notes);
        let observed = finding.said;
        if finding.vacuous && finding.truth == Truth::True {
            return verdict.decided(Reason::NothingToApplyTo { observed });
        }
        let reason = match (duty.modality, finding.truth) {
            (Modality::May, Truth::True) => Reason::PermissionUsed { observed },
            (Modality::May, Truth::False) => Reason::PermissionNotUsed { observed },
            (Modality::May, Truth::Unknown) => Reason::PermissionNotShown {
                unstated: finding.missing,
            },
            (Modality::Must | Modality::MustNot | Modality::Should | Modality::ShouldNot, Truth::True) => {
                Reason::Met { observed }
            }
            (Modality::Must | Modality::MustNot, Truth::False) => Reason::Breached { observed },
            (Modality::Should | Modality::ShouldNot, Truth::False) => self.departed(&mut verdict, observed),
            (Modality::Must | Modality::MustNot | Modality::Should | Modality::ShouldNot, Truth::Unknown) => {
                verdict.missing = finding.missing;
                verdict.missing.dedup();
                Reason::Undecided { observed }
            }
        };
        verdict.decided(reason)
    }

    /// A `should` not met: departed from if the council recorded its
    /// reasons by the date (stale if they addressed words since replaced),
    /// else unexplained.
    fn departed(&self, verdict: &mut Draft, observed: Vec<Observation>) -> Reason {
        match self.departure(verdict.duty) {
            Some((departure_id, departure)) => {
                verdict.facts.push(FactUse {
                    fact: Fact::Departure {
                        departure: departure_id,
                    },
                    origin: departure.origin.clone(),
                    during: crate::model::Period::ALWAYS,
                    basis: Basis::Stated,
                });
                match self.words_replaced(
                    verdict.duty,
                    departure.approved.map(PartialDate::last_day),
                    departure.against,
                ) {
                    // Reasons given against words since replaced need a
                    // fresh look before they excuse the duty.
                    Some((paragraph, edition)) => Reason::DepartureFromReplacedWords {
                        departure: departure_id,
                        paragraph,
                        edition,
                    },
                    None => Reason::Departed {
                        departure: departure_id,
                        review_passed: departure.review_by.is_some_and(|date| review_passed(date, self.as_at)),
                        observed,
                    },
                }
            }
            None => Reason::Unexplained { observed },
        }
    }

    /// The departure recorded for a duty by the as-at date, the latest if
    /// several.
    fn departure(&self, duty: DutyId) -> Option<(DepartureId, &'a Departure)> {
        self.arrangement
            .departures
            .iter()
            .enumerate()
            .filter(|(_, departure)| {
                self.policy.family(departure.duty) == self.policy.family(duty)
                    && departure.approved.is_none_or(|date| date.begun_by(self.as_at))
            })
            .max_by_key(|(index, departure)| (departure.approved, *index))
            .map(|(index, departure)| (DepartureId::from_index(index), departure))
    }

    /// The verdict of a duty in force: excluded by a condition that does
    /// not hold, else decided by what it asks, with the conditions' facts
    /// after the rule's.
    pub(super) fn duty(&self, id: DutyId, duty: &Duty) -> Verdict {
        let mut verdict = Draft {
            notes: self.ended_kinds(duty),
            ..Draft::new(id, self.latest_answer(id))
        };
        let mut unknown_conditions = Vec::new();
        // The conditions' facts follow the rule's: a verdict points first at
        // what the duty asks of the council, then at why it applies.
        let mut condition_facts = Vec::new();
        for (index, condition) in duty.conditions.iter().enumerate() {
            let (finding, _) = self.claim(
                &condition.subject,
                &condition.predicate,
                false,
                Clause::Condition(id, index),
            );
            finding::push_facts(&mut condition_facts, finding.facts.iter().cloned());
            match (condition.kind, finding.truth) {
                (ConditionKind::When, Truth::False) | (ConditionKind::Unless, Truth::True) => {
                    verdict.notes.extend(finding.notes);
                    verdict.facts = condition_facts;
                    return verdict.decided(Reason::ConditionNotMet {
                        condition: index,
                        observed: finding.said,
                    });
                }
                (_, Truth::Unknown) => unknown_conditions.push(finding),
                (ConditionKind::When, Truth::True) | (ConditionKind::Unless, Truth::False) => {}
            }
        }
        if !unknown_conditions.is_empty() {
            return self.conditions_unknown(duty, verdict, unknown_conditions, condition_facts);
        }
        let mut decided = self.requirement(duty, verdict);
        finding::push_facts(&mut decided.facts, condition_facts);
        decided
    }

    /// The verdict of a duty whose conditions the facts do not settle (none
    /// excludes it): met either way if what it asks is met, else unknown,
    /// asking for what the conditions need.
    fn conditions_unknown(
        &self,
        duty: &Duty,
        mut verdict: Draft,
        unknown_conditions: Vec<Finding>,
        condition_facts: Vec<FactUse>,
    ) -> Verdict {
        let merged = Finding::merge(unknown_conditions, Truth::Unknown);
        // What the duty asks may be met whether or not it applies: then
        // the council complies either way, and is not asked to settle
        // the condition (a Lead Member in the cabinet needs no word on
        // whether the council runs the committee system).
        let mut decided = self.requirement(duty, verdict.clone());
        if matches!(decided.kind(), VerdictKind::Pass | VerdictKind::Answered) {
            // The facts the conditions used stay with the verdict.
            finding::push_facts(&mut decided.facts, condition_facts);
            decided.notes.extend(merged.notes);
            decided.notes.push(Note::MetWhetherOrNotItApplies {
                missing: merged.missing,
            });
            return decided;
        }
        verdict.missing = merged.missing;
        ask_also(&mut verdict.missing, decided);
        verdict.notes.extend(merged.notes);
        verdict.facts = condition_facts;
        verdict.decided(Reason::ConditionUnknown)
    }

    /// The verdict of a duty whose being in force for the council turns on
    /// an amendment's commencement in its area, which is not known.
    pub(super) fn commencement_unknown(&self, id: DutyId, duty: &Duty) -> Verdict {
        let missing: Vec<Missing> = self
            .policy
            .editions
            .iter()
            .enumerate()
            .filter(|(index, edition)| {
                edition.by_area
                    && matches!(
                        self.policy.commenced(*index, self.arrangement, self.as_at),
                        Holding::Unknown(_)
                    )
            })
            .map(|(index, _)| Missing::Commencement {
                edition: EditionId::from_index(index),
            })
            .collect();
        // As for a condition the facts do not settle: a duty met while it
        // may or may not be in force is met either way (an LSCB the council
        // still had when the LSCB duty may have been repealed).
        let mut decided = self.duty(id, duty);
        if matches!(decided.kind(), VerdictKind::Pass | VerdictKind::Answered) {
            decided.notes.push(Note::MetWhetherOrNotItApplies { missing });
            return decided;
        }
        let mut verdict = Draft {
            missing,
            ..Draft::new(id, self.latest_answer(id))
        };
        ask_also(&mut verdict.missing, decided);
        verdict.decided(Reason::ConditionUnknown)
    }

    /// The verdict on what a duty asks, its conditions aside.
    fn requirement(&self, duty: &Duty, verdict: Draft) -> Verdict {
        match &duty.kind {
            DutyKind::Rule { subject, predicate, .. } => self.rule(duty, subject, predicate, verdict),
            DutyKind::Question {
                renew_on_change_of,
                reads,
                ..
            } => {
                // The ties it reads follow the answer: a verdict points
                // first at what the council said.
                let mut decided = self.question(*renew_on_change_of, verdict);
                finding::push_facts(&mut decided.facts, self.readings(reads));
                decided
            }
        }
    }

    /// Notes for a duty that mentions a kind of body the law had ended by
    /// the as-at date: its verdict is about a board that no longer exists.
    fn ended_kinds(&self, duty: &Duty) -> Vec<Note> {
        let mut predicates: Vec<&Predicate> = duty.conditions.iter().map(|condition| &condition.predicate).collect();
        if let DutyKind::Rule { predicate, .. } = &duty.kind {
            predicates.push(predicate);
        }
        let mut kinds: Vec<BodyKindId> = predicates
            .into_iter()
            .flat_map(Predicate::mentions)
            .filter_map(|mention| match mention {
                Mention::BodyKind(kind) => Some(kind),
                Mention::Role(_) | Mention::Function(_) | Mention::Relation(_) | Mention::Attribute(_) => None,
            })
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
            .into_iter()
            .filter(|kind| self.kind_ended(*kind))
            .map(|kind| Note::KindEnded { kind })
            .collect()
    }

    /// The latest answer given to a duty or question by the as-at date, in
    /// this run's order (file order among answers given on one day).
    fn latest_answer(&self, duty: DutyId) -> Option<AnswerId> {
        let mut latest: Option<(AnswerId, InstantId)> = None;
        for (index, answer) in self.arrangement.answers.iter().enumerate() {
            // An answer belongs to the duty whatever version is in force.
            if self.policy.family(answer.duty) != self.policy.family(duty)
                || !self.clock.happened(answer.given)
                || self.before_what_it_speaks_of(answer)
            {
                continue;
            }
            latest = match latest {
                Some((_, current)) if self.clock.before(answer.given, current) => latest,
                _ => Some((AnswerId::from_index(index), answer.given)),
            };
        }
        latest.map(|(id, _)| id)
    }

    /// Whether, in this run, an answer came before something it speaks of
    /// existed (`about company`, given before the company was set up): it
    /// then answers nothing, so the verdict is decided by the entity's life
    /// (unknown where the papers leave which came first open).
    fn before_what_it_speaks_of(&self, answer: &crate::model::Answer) -> bool {
        answer.about.iter().any(|entity| {
            self.arrangement
                .entity(*entity)
                .and_then(|found| found.life.from)
                .is_some_and(|born| self.clock.before(answer.given, born))
        })
    }

    /// The day an answer was given, for the words it answered: the last
    /// day this run allows it, when the papers date it at all.
    fn answer_day(&self, given: InstantId) -> Option<Day> {
        let dated = self.arrangement.timeline.instant(given).is_some_and(|instant| {
            instant.written.date.is_some() || !instant.written.after.is_empty() || !instant.written.before.is_empty()
        });
        if !dated {
            return None;
        }
        let (earliest, latest) = self.clock.bounds(given);
        latest.or(earliest)
    }

    /// The verdict of a question: missing without an answer by the date;
    /// stale if the responsibilities it asks to be renewed on changed
    /// after it, or if it answered words since replaced; else answered.
    fn question(&self, renew_on_change_of: Option<RoleId>, mut verdict: Draft) -> Verdict {
        let Some((answer_id, answer)) = verdict.answer.and_then(|id| Some((id, self.arrangement.answer(id)?))) else {
            return verdict.decided(Reason::NoAnswer { up_to: self.as_at });
        };
        verdict.facts.push(FactUse {
            fact: Fact::Answer { answer: answer_id },
            origin: answer.origin.clone(),
            during: crate::model::Period::ALWAYS,
            basis: Basis::Stated,
        });
        if let Some(role) = renew_on_change_of {
            if let Some(reason) = self.renewal(role, answer_id, answer.given, &mut verdict) {
                return verdict.decided(reason);
            }
        }
        let given = self.answer_day(answer.given);
        if let Some((paragraph, edition)) = self.words_replaced(verdict.duty, given, answer.against) {
            return verdict.decided(Reason::AnswerToReplacedWords {
                answer: answer_id,
                paragraph,
                edition,
            });
        }
        verdict.decided(Reason::Answered { answer: answer_id })
    }

    /// Whether an answer must be renewed because the responsibilities of a
    /// role's holder changed after it was given: the latest such change in
    /// this run, with the change consulted.
    fn renewal(&self, role: RoleId, answer_id: AnswerId, given: InstantId, verdict: &mut Draft) -> Option<Reason> {
        let mut later: Option<(super::Change, crate::model::FactOrigin)> = None;
        // A change the papers put surely after the answer is named before
        // one that follows it only in this run, so that the reason reads
        // the same whichever way the doubts go.
        let surely = |change: &super::Change| self.arrangement.timeline.surely_before(given, change.at);
        for (change, origin) in self.changes_of(role) {
            if !self.clock.follows(given, change.at) {
                continue;
            }
            let replaces = later.as_ref().is_none_or(|(current, _)| {
                (surely(&change), self.clock.before(current.at, change.at)) > (surely(current), false)
            });
            if replaces {
                later = Some((change, origin));
            }
        }
        let (change, origin) = later?;
        verdict.facts.push(timeline::change_fact(&change, origin));
        Some(Reason::AnswerPredatesChange {
            answer: answer_id,
            change,
        })
    }

    /// The first paragraph a duty cites whose words in force now are not
    /// those an answer or departure addressed: those in force at its date,
    /// or (undated) those of the edition it names with `against`. With
    /// neither, nothing can be told.
    fn words_replaced(
        &self,
        duty: DutyId,
        given: Option<Day>,
        against: Option<usize>,
    ) -> Option<(ParagraphId, EditionId)> {
        let declared = self.policy.duty(duty)?;
        for family in &declared.cites {
            let now = self.policy.paragraph_in_force(*family, self.arrangement, self.as_at);
            let then = match (given, against) {
                (Some(given), _) => self.policy.paragraph_in_force(*family, self.arrangement, given),
                (None, Some(edition)) => self
                    .policy
                    .paragraph_versions(*family)
                    .into_iter()
                    .rev()
                    .find(|version| version.edition <= edition),
                (None, None) => return None,
            };
            let edition_of = |paragraph: Option<&Paragraph>| paragraph.map(|paragraph| paragraph.edition);
            if edition_of(now) != edition_of(then) && then.is_some() {
                // Replaced: by the newer version's edition; repealed: by the
                // amendment that repeals it.
                let by = match now {
                    Some(paragraph) => Some(paragraph.edition),
                    None => self
                        .policy
                        .repeals
                        .iter()
                        .find(|repeal| repeal.target == Versioned::Paragraph(*family))
                        .map(|repeal| repeal.edition),
                };
                if let Some(by) = by {
                    return Some((*family, EditionId::from_index(by)));
                }
            }
        }
        None
    }
}

/// Adds what the verdict of a duty's requirement lacked, when it too is
/// unknown, to what a verdict left open by its conditions or commencement
/// asks for, so that one set of facts from the council settles it.
fn ask_also(asked: &mut Vec<Missing>, decided: Verdict) {
    if decided.kind() == VerdictKind::Unknown {
        for missing in decided.missing {
            if !asked.contains(&missing) {
                asked.push(missing);
            }
        }
    }
}

/// A verdict being reached: everything but its reason, which is given
/// once, last ([`Draft::decided`]), and says the verdict.
#[derive(Clone)]
struct Draft {
    duty: DutyId,
    bindings: Vec<Binding>,
    facts: Vec<FactUse>,
    missing: Vec<Missing>,
    notes: Vec<Note>,
    answer: Option<AnswerId>,
}

impl Draft {
    fn new(duty: DutyId, answer: Option<AnswerId>) -> Draft {
        Draft {
            duty,
            bindings: Vec::new(),
            facts: Vec::new(),
            missing: Vec::new(),
            notes: Vec::new(),
            answer,
        }
    }

    fn decided(self, reason: Reason) -> Verdict {
        Verdict {
            duty: self.duty,
            reason,
            bindings: self.bindings,
            facts: self.facts,
            missing: self.missing,
            notes: self.notes,
            answer: self.answer,
        }
    }
}
