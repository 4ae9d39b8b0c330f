//! The verified outcome: what evaluation found for each council, the one
//! input of every output. `verify`'s human and JSON output, committee
//! reports and the governance chart all read an [`Assessment`], so they
//! cannot disagree about what a verdict was or why.

use std::collections::BTreeSet;

use crate::date::{Day, Holding};
use crate::eval::{DepartureStatus, Verdict, VerdictKind};
use crate::model::{AnswerId, Arrangement, DepartureId, Duty, Edition, EntityId, EventId, Paragraph, Policy};
use crate::source::SourceMap;
use crate::words::Wording;

/// The date a run verifies as at: one date given for every council, or
/// each council's own papers' end, so that no output states more than the
/// papers behind it unless a later date is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsAt {
    /// A date given (`--as-at`, `--as-at today`).
    Given(Day),
    /// The end of each council's papers; `otherwise` for papers that give
    /// no date at all.
    PapersEnd {
        /// The date for papers that give none (today, on the command line).
        otherwise: Day,
    },
}

impl From<Day> for AsAt {
    fn from(day: Day) -> AsAt {
        AsAt::Given(day)
    }
}

impl AsAt {
    /// The date one council is verified as at, and how it was chosen.
    pub fn for_council(self, arrangement: &Arrangement) -> (Day, DateBasis) {
        match self {
            AsAt::Given(day) => (day, DateBasis::Given),
            AsAt::PapersEnd { otherwise } => match arrangement.papers_end {
                Some(end) => (end, DateBasis::PapersEnd),
                None => (otherwise, DateBasis::NoPapersDate),
            },
        }
    }

    /// The date a run of these councils is checked as at (the guidance's
    /// edition in force then is chosen): the date given, or the latest of
    /// their papers' ends.
    pub fn for_run(self, arrangements: &[Arrangement]) -> Day {
        arrangements
            .iter()
            .map(|arrangement| self.for_council(arrangement).0)
            .max()
            .unwrap_or(match self {
                AsAt::Given(day) => day,
                AsAt::PapersEnd { otherwise } => otherwise,
            })
    }
}

/// How the date a council is verified as at was chosen, which every
/// output states beside the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateBasis {
    /// It was given.
    Given,
    /// It is the end of the council's papers, none being given.
    PapersEnd,
    /// None was given and the papers give no date: the run's fallback
    /// (today, on the command line).
    NoPapersDate,
}

/// Something of a council's arrangements that stood differently at two
/// dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    /// A post, member, body or service: its roles, functions, lines or
    /// attributes, or whether it existed.
    Entity(EntityId),
    /// An event of the timeline that had happened by one date and not the
    /// other.
    Event(EventId),
    /// An answer given between the dates.
    Answer(AnswerId),
    /// A departure approved between the dates.
    Departure(DepartureId),
    /// What the council says it has no body of.
    Absences,
}

/// Every council verified in one run against one policy as at one date.
#[derive(Clone, Debug)]
pub struct Verified {
    /// The policy evaluated.
    pub policy: Policy,
    /// The date evaluated as at.
    pub as_at: Day,
    /// Each council, in the order given.
    pub councils: Vec<Council>,
}

/// One council's arrangements and what evaluation found of them.
#[derive(Clone, Debug)]
pub struct Council {
    /// The arrangements evaluated.
    pub arrangement: Arrangement,
    /// One verdict per duty and question, in policy order.
    pub verdicts: Vec<Verdict>,
    /// Where each recorded departure stands, in the order recorded.
    pub departures: Vec<DepartureStatus>,
    /// The date it was evaluated as at.
    pub as_at: Day,
    /// How that date was chosen.
    pub date_basis: DateBasis,
}

impl Council {
    /// Evaluates `arrangement` against `policy` as at `as_at`, a date
    /// given.
    pub fn evaluate(policy: &Policy, arrangement: Arrangement, as_at: Day) -> Council {
        Council::evaluate_as_at(policy, arrangement, AsAt::Given(as_at))
    }

    /// Evaluates `arrangement` against `policy` as at the date `as_at`
    /// gives it.
    pub fn evaluate_as_at(policy: &Policy, mut arrangement: Arrangement, as_at: AsAt) -> Council {
        let (day, date_basis) = as_at.for_council(&arrangement);
        // Titles, names and other functions as at the date verified.
        arrangement.settle(day);
        Council {
            verdicts: crate::eval::evaluate(policy, &arrangement, day),
            departures: crate::eval::departures(&arrangement, day),
            arrangement,
            as_at: day,
            date_basis,
        }
    }
}

impl Council {
    /// The council's assessment, ready to render, as at the date it was
    /// evaluated as at.
    pub fn assessment<'a>(&'a self, policy: &'a Policy, sources: &'a SourceMap) -> Assessment<'a> {
        Assessment {
            sources,
            policy,
            arrangement: &self.arrangement,
            verdicts: &self.verdicts,
            departures: &self.departures,
            as_at: self.as_at,
            date_basis: self.date_basis,
        }
    }
}

impl Verified {
    /// Each council's assessment, ready to render, in the order given.
    pub fn assessments<'a>(&'a self, sources: &'a SourceMap) -> Vec<Assessment<'a>> {
        self.councils
            .iter()
            .map(|council| council.assessment(&self.policy, sources))
            .collect()
    }
}

/// A run checked and ready to evaluate: the policy and each council's
/// arrangements, not yet evaluated. `verify` evaluates, writes and drops
/// one council at a time from here, so that however many councils were
/// given, only one council's verdicts are held at once.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The policy to evaluate against.
    pub policy: Policy,
    /// The date the run was checked as at (the edition in force then was
    /// chosen).
    pub as_at: Day,
    /// The date each council is evaluated as at: `as_at`, or its papers'
    /// end.
    pub dates: AsAt,
    /// Each council's arrangements, in the order given.
    pub arrangements: Vec<Arrangement>,
}

impl Prepared {
    /// Evaluates each council in turn, in the order given, and hands its
    /// assessment to `each`; a council's verdicts are dropped before the
    /// next council is evaluated.
    pub fn each(self, sources: &SourceMap, mut each: impl FnMut(&Assessment<'_>)) {
        let Prepared {
            policy,
            dates,
            arrangements,
            ..
        } = self;
        for arrangement in arrangements {
            let council = Council::evaluate_as_at(&policy, arrangement, dates);
            each(&council.assessment(&policy, sources));
        }
    }

    /// Evaluates every council at once.
    pub fn evaluate(self) -> Verified {
        let councils = self
            .arrangements
            .into_iter()
            .map(|arrangement| Council::evaluate_as_at(&self.policy, arrangement, self.dates))
            .collect();
        Verified {
            policy: self.policy,
            as_at: self.as_at,
            councils,
        }
    }
}

/// One council's verdicts with everything an output needs to present them.
#[derive(Clone, Copy)]
pub struct Assessment<'a> {
    /// The source files, for snippets and positions.
    pub sources: &'a SourceMap,
    /// The policy evaluated.
    pub policy: &'a Policy,
    /// The arrangement evaluated.
    pub arrangement: &'a Arrangement,
    /// The verdicts, in policy order.
    pub verdicts: &'a [Verdict],
    /// Where each recorded departure stands.
    pub departures: &'a [DepartureStatus],
    /// The date evaluated as at.
    pub as_at: Day,
    /// How that date was chosen.
    pub date_basis: DateBasis,
}

impl<'a> Assessment<'a> {
    /// The date the verdicts are as at, how it was chosen and where the
    /// papers end, in words every output shares ("as at 31 October 2031
    /// (the end of its papers, as the arrangements state)").
    pub fn dated(&self) -> String {
        crate::words::as_at_phrase(self.as_at, self.date_basis, self.arrangement)
    }

    /// Whether the date is after the end of the council's papers, so that
    /// what rests on them is not known.
    pub fn past_papers_end(&self) -> bool {
        self.arrangement.papers_end.is_some_and(|end| end < self.as_at)
    }

    /// The words for these verdicts.
    pub fn wording(&self) -> Wording<'a> {
        Wording::new(self.policy, self.arrangement)
    }

    /// The duty a verdict is about.
    pub fn duty(&self, verdict: &Verdict) -> Option<&'a Duty> {
        self.policy.duty(verdict.duty)
    }

    /// The section a duty sits in: that of its first cited paragraph.
    pub fn section(&self, duty: &Duty) -> &'a str {
        duty.cites
            .first()
            .and_then(|paragraph| self.policy.paragraph(*paragraph))
            .map_or("Other duties", |paragraph| paragraph.section.as_str())
    }

    /// What of the council's arrangements stood differently at another
    /// date than at this assessment's, read from these arrangements alone
    /// (the same papers materialised at both dates): two sets of guidance
    /// compared at one date find nothing. In the arrangement's order.
    pub fn changed_since(&self, other: Day) -> Vec<Changed> {
        if other == self.as_at {
            return Vec::new();
        }
        let (then, now) = (self.arrangement.at(other), self.arrangement.at(self.as_at));
        let timeline = &self.arrangement.timeline;
        let happened = |at, day| timeline.happened_by(at, day) != Holding::No;
        let entities = then
            .entities
            .iter()
            .zip(&now.entities)
            .enumerate()
            .filter(|(_, (before, after))| before != after)
            .map(|(index, _)| Changed::Entity(EntityId::from_index(index)));
        let events = self
            .arrangement
            .events
            .iter()
            .enumerate()
            .filter(|(_, event)| happened(event.at, other) != happened(event.at, self.as_at))
            .map(|(index, _)| Changed::Event(EventId::from_index(index)));
        let answers = self
            .arrangement
            .answers
            .iter()
            .enumerate()
            .filter(|(_, answer)| happened(answer.given, other) != happened(answer.given, self.as_at))
            .map(|(index, _)| Changed::Answer(AnswerId::from_index(index)));
        let departures = self
            .arrangement
            .departures
            .iter()
            .enumerate()
            .filter(|(_, departure)| {
                departure
                    .approved
                    .is_some_and(|date| date.begun_by(other) != date.begun_by(self.as_at))
            })
            .map(|(index, _)| Changed::Departure(DepartureId::from_index(index)));
        let absences = (then.has_no != now.has_no).then_some(Changed::Absences);
        entities
            .chain(events)
            .chain(answers)
            .chain(departures)
            .chain(absences)
            .collect()
    }

    /// The local policies that apply to the council (those it answers to),
    /// each with whether it had been adopted (and not withdrawn) as at the
    /// date: before its adoption its duties are not in force for the
    /// council.
    pub fn local_policies(&self) -> Vec<(&'a Edition, crate::date::Holding)> {
        self.policy
            .editions
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(index, edition)| edition.is_local() && self.policy.applies_to(*index, self.arrangement))
            .map(|(index, edition)| (edition, self.policy.commenced(index, self.arrangement, self.as_at)))
            .collect()
    }

    /// The law and other guidance beside the guidance (each Act, and each
    /// edition of another guidance) in force as at the date, or that may
    /// be: commenced, and not wholly repealed for the council.
    pub fn beside(&self) -> Vec<(&'a Edition, crate::date::Holding)> {
        self.policy
            .editions
            .iter()
            .enumerate()
            .filter(|(_, edition)| edition.alongside)
            .map(|(index, edition)| {
                (
                    edition,
                    self.policy
                        .provisions_in_force(index, Some(self.arrangement), self.as_at),
                )
            })
            .filter(|(_, holding)| holding.possible())
            .collect()
    }

    /// The Acts (and amendments they make) enacted by the date and not yet
    /// in force: no day has been appointed for them.
    pub fn awaiting_commencement(&self) -> Vec<&'a Edition> {
        self.policy
            .editions
            .iter()
            .filter(|edition| {
                edition.awaiting_commencement() && edition.enacted.is_some_and(|date| date.begun_by(self.as_at))
            })
            .collect()
    }

    /// The amendments that had taken effect for the council as at the
    /// date, or may have (`Holding::Unknown`: its papers date the
    /// commencement in its area only to a month or year).
    pub fn amendments(&self) -> Vec<(&'a Edition, crate::date::Holding)> {
        self.policy
            .editions
            .iter()
            .enumerate()
            .filter(|(_, edition)| edition.amends.is_some())
            .map(|(index, edition)| (edition, self.policy.commenced(index, self.arrangement, self.as_at)))
            .filter(|(_, holding)| holding.possible())
            .collect()
    }

    /// The paragraphs a duty cites, each in the words in force for the
    /// council as at the date (an amendment may have replaced them, or
    /// repealed one).
    pub fn citations(&self, duty: &Duty) -> Vec<&'a Paragraph> {
        duty.cites
            .iter()
            .filter_map(|paragraph| self.policy.paragraph_in_force(*paragraph, self.arrangement, self.as_at))
            .collect()
    }

    /// How the guidance's words are at hand for every paragraph of the
    /// guidance recorded as in force for the council as at the date (of
    /// the editions, amendments and local policies that bind it), cited or
    /// not: what a reader needs to know of how much of it was checked.
    pub fn words_recorded(&self) -> WordsAtHand {
        let mut words = WordsAtHand::default();
        for (index, paragraph) in self.policy.paragraphs.iter().enumerate() {
            if paragraph.family.index() != index || !self.policy.applies_to(paragraph.edition, self.arrangement) {
                continue;
            }
            if let Some(in_force) = self
                .policy
                .paragraph_in_force(paragraph.family, self.arrangement, self.as_at)
            {
                words.count(&in_force.provenance);
            }
        }
        words
    }

    /// How the guidance's words are at hand for the paragraphs the
    /// verdicts cite, each counted once.
    pub fn words_at_hand(&self) -> WordsAtHand {
        let mut seen: Vec<&Paragraph> = Vec::new();
        for duty in self.verdicts.iter().filter_map(|verdict| self.duty(verdict)) {
            for paragraph in self.citations(duty) {
                if !seen.iter().any(|counted| std::ptr::eq(*counted, paragraph)) {
                    seen.push(paragraph);
                }
            }
        }
        let mut words = WordsAtHand::default();
        for paragraph in seen {
            words.count(&paragraph.provenance);
        }
        words
    }

    /// How many verdicts of each kind, in [`VerdictKind::ALL`] order.
    pub fn counts(&self) -> Vec<(VerdictKind, usize)> {
        VerdictKind::ALL
            .iter()
            .map(|kind| {
                (
                    *kind,
                    self.verdicts.iter().filter(|verdict| verdict.kind() == *kind).count(),
                )
            })
            .collect()
    }

    /// How many verdicts need action.
    pub fn needing_action(&self) -> usize {
        self.verdicts
            .iter()
            .filter(|verdict| verdict.kind().needs_action())
            .count()
    }

    /// Whether any verdict needs action.
    pub fn needs_action(&self) -> bool {
        self.verdicts.iter().any(|verdict| verdict.kind().needs_action())
    }

    /// The verdicts as the report for people groups them: those that need
    /// action first, then the rest (a group with no verdict is left out);
    /// within each, by guidance section in the order the verdicts first
    /// reach it, and within a section the most serious first, ties in the
    /// guidance's order.
    pub fn grouped(&self) -> Vec<Group<'a>> {
        let mut groups = Vec::new();
        for needs_action in [true, false] {
            let chosen: Vec<usize> = (0..self.verdicts.len())
                .filter(|index| {
                    self.verdicts
                        .get(*index)
                        .is_some_and(|verdict| verdict.kind().needs_action() == needs_action)
                })
                .collect();
            if chosen.is_empty() {
                continue;
            }
            let mut sections: Vec<Section<'a>> = Vec::new();
            for index in &chosen {
                let Some(duty) = self.verdicts.get(*index).and_then(|verdict| self.duty(verdict)) else {
                    continue;
                };
                let title = self.section(duty);
                match sections.iter_mut().find(|section| section.title == title) {
                    Some(section) => section.verdicts.push(*index),
                    None => sections.push(Section {
                        title,
                        verdicts: vec![*index],
                    }),
                }
            }
            for section in &mut sections {
                section.verdicts.sort_by_key(|index| {
                    self.verdicts
                        .get(*index)
                        .map_or(VerdictKind::ALL.len(), |verdict| verdict.kind().rank())
                });
            }
            groups.push(Group {
                needs_action,
                count: chosen.len(),
                sections,
            });
        }
        groups
    }
}

/// How the guidance's own words are at hand for the paragraphs a council's
/// verdicts cite, each paragraph counted once, in the words in force as at
/// the date: a verdict is only as good as the words it was encoded from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordsAtHand {
    /// The guidance's own text is at hand.
    pub verbatim: usize,
    /// A third party quotes it.
    pub quoted: usize,
    /// A third party paraphrases it.
    pub paraphrased: usize,
    /// Its words are not at hand.
    pub not_at_hand: usize,
}

impl WordsAtHand {
    /// How many paragraphs in all.
    pub fn total(self) -> usize {
        self.verbatim + self.quoted + self.paraphrased + self.not_at_hand
    }

    /// Counts one paragraph.
    fn count(&mut self, provenance: &crate::model::Provenance) {
        match provenance {
            crate::model::Provenance::Verbatim { .. } => self.verbatim += 1,
            crate::model::Provenance::Quoted { .. } => self.quoted += 1,
            crate::model::Provenance::Paraphrase { .. } => self.paraphrased += 1,
            crate::model::Provenance::NotAtHand { .. } => self.not_at_hand += 1,
        }
    }
}

/// Verdicts that need action, or verdicts that do not, by section (see
/// [`Assessment::grouped`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<'a> {
    /// Whether these verdicts need action.
    pub needs_action: bool,
    /// How many verdicts the group holds, whether or not their duties are
    /// known.
    pub count: usize,
    /// Its sections, in the order the verdicts first reach them.
    pub sections: Vec<Section<'a>>,
}

/// The verdicts of one group under one guidance section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section<'a> {
    /// The section's title.
    pub title: &'a str,
    /// The verdicts, as positions in [`Assessment::verdicts`], the most
    /// serious first.
    pub verdicts: Vec<usize>,
}

/// Which verdicts make a run need action, exit status 1: what
/// `--fail-on` names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailOn {
    kinds: BTreeSet<VerdictKind>,
}

impl FailOn {
    /// The verdicts that need action (fail, unexplained, unknown,
    /// missing, stale): `verify`'s default.
    pub fn needing_action() -> FailOn {
        FailOn::of(VerdictKind::ALL.into_iter().filter(|kind| kind.needs_action()))
    }

    /// These verdicts; none, and no verdict fails a run.
    pub fn of(kinds: impl IntoIterator<Item = VerdictKind>) -> FailOn {
        FailOn {
            kinds: kinds.into_iter().collect(),
        }
    }

    /// Whether a verdict of this kind fails the run.
    pub fn includes(&self, kind: VerdictKind) -> bool {
        self.kinds.contains(&kind)
    }
}
