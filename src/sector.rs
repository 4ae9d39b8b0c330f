//! Many councils at a glance: `verify --summary`. One row per council with
//! its count of each verdict, and the duties that need action in the most
//! councils. Built one council at a time from each [`Assessment`] as it is
//! evaluated, so a summary of a thousand councils holds a thousand rows,
//! never a thousand councils' verdicts.

use std::collections::BTreeMap;

use crate::date::Day;
use crate::eval::VerdictKind;
use crate::model::{Duty, DutyKind};
use crate::{AsAt, Assessment};

/// The summary of every council verified in one run.
#[derive(Clone, Debug)]
pub struct Sector {
    /// The date the councils were verified as at: one given, or each
    /// council's papers' end (each row says its own).
    pub as_at: AsAt,
    /// One row per council, in the order verified.
    pub rows: Vec<Row>,
    /// Each duty that needs action in some council, by key.
    duties: BTreeMap<String, Tally>,
}

/// One council's counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The council's name.
    pub council: String,
    /// The arrangements' id.
    pub arrangement: String,
    /// The file the arrangements were read from.
    pub path: String,
    /// The guidance edition verified against.
    pub guidance: String,
    /// The date it was verified as at.
    pub as_at: Day,
    /// The end of its papers, if they give a date.
    pub papers_end: Option<Day>,
    /// How many verdicts in all.
    pub verdicts: usize,
    /// How many need action.
    pub needs_action: usize,
    /// How many of each kind, in [`VerdictKind::ALL`] order.
    pub counts: Vec<(VerdictKind, usize)>,
}

/// A duty that needs action, and in how many councils.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// The duty's or question's key.
    pub duty: String,
    /// Its title (its rule, or what it asks, if it has none), as the first
    /// council that needs action on it read it.
    pub title: String,
    /// In how many councils it needs action.
    pub councils: usize,
}

impl Sector {
    /// An empty summary.
    pub fn new(as_at: AsAt) -> Sector {
        Sector {
            as_at,
            rows: Vec::new(),
            duties: BTreeMap::new(),
        }
    }

    /// Adds one council.
    pub fn add(&mut self, assessment: &Assessment<'_>) {
        self.rows.push(Row {
            council: assessment.arrangement.council_name().to_owned(),
            arrangement: assessment.arrangement.key.clone(),
            path: assessment.sources.name(assessment.arrangement.file).to_owned(),
            guidance: assessment
                .policy
                .base()
                .map(|edition| edition.key.clone())
                .unwrap_or_default(),
            as_at: assessment.as_at,
            papers_end: assessment.arrangement.papers_end,
            verdicts: assessment.verdicts.len(),
            needs_action: assessment.needing_action(),
            counts: assessment.counts(),
        });
        // A duty has one verdict per council, but a council is counted
        // once for a duty whatever happens.
        let mut counted: Vec<&str> = Vec::new();
        for verdict in assessment
            .verdicts
            .iter()
            .filter(|verdict| verdict.kind().needs_action())
        {
            let Some(duty) = assessment.duty(verdict) else {
                continue;
            };
            if counted.contains(&duty.key.as_str()) {
                continue;
            }
            counted.push(duty.key.as_str());
            self.duties
                .entry(duty.key.clone())
                .or_insert_with(|| Tally {
                    duty: duty.key.clone(),
                    title: title(duty),
                    councils: 0,
                })
                .councils += 1;
        }
    }

    /// How many councils need action on something.
    pub fn councils_needing_action(&self) -> usize {
        self.rows.iter().filter(|row| row.needs_action > 0).count()
    }

    /// Whether any council needs action.
    pub fn needs_action(&self) -> bool {
        self.councils_needing_action() > 0
    }

    /// Every council's counts added up: verdicts, needing action, and each
    /// kind in [`VerdictKind::ALL`] order.
    pub fn totals(&self) -> (usize, usize, Vec<(VerdictKind, usize)>) {
        let counts = VerdictKind::ALL
            .iter()
            .map(|kind| {
                let sum = self
                    .rows
                    .iter()
                    .flat_map(|row| &row.counts)
                    .filter(|(counted, _)| counted == kind)
                    .map(|(_, count)| count)
                    .sum();
                (*kind, sum)
            })
            .collect();
        (
            self.rows.iter().map(|row| row.verdicts).sum(),
            self.rows.iter().map(|row| row.needs_action).sum(),
            counts,
        )
    }

    /// The duties that need action in at least one council: those in the
    /// most councils first, then by key.
    pub fn duties_needing_action(&self) -> Vec<&Tally> {
        let mut duties: Vec<&Tally> = self.duties.values().collect();
        duties.sort_by(|a, b| b.councils.cmp(&a.councils).then_with(|| a.duty.cmp(&b.duty)));
        duties
    }
}

/// A duty's title, or its rule or question when it has none.
fn title(duty: &Duty) -> String {
    match (&duty.title, &duty.kind) {
        (Some(title), _) => title.clone(),
        (None, DutyKind::Rule { text, .. }) => text.clone(),
        (None, DutyKind::Question { asks, .. }) => asks.clone(),
    }
}
