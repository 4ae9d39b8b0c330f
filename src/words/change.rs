//! Changes of a role's responsibilities and what calls for an event, in
//! words: a change named by its event or date, with what it did.

use super::{and_list, inner, Wording};
use crate::eval::{Cause, Change, ChangeDetail};
use crate::model::{EventKind, Written};

impl Wording<'_> {
    /// One difference a change made.
    pub(super) fn change_detail(&self, change: &Change, detail: &ChangeDetail) -> String {
        let role = change.role;
        match detail {
            ChangeDetail::Recorded => "as recorded".to_owned(),
            ChangeDetail::Holders { before, after } => match (before.is_empty(), after.is_empty()) {
                (true, _) => format!("{} holds {}", self.labels(after), self.role(role)),
                // Only a recorded vacancy says the role had no holder; a line
                // that ends says only that its holder stopped.
                (false, true) if self.recorded_vacancy(change) => format!(
                    "{} falls vacant, held until then by {}",
                    self.role(role),
                    self.labels(before)
                ),
                (false, true) => format!(
                    "{} stops holding {}; who holds it next is not stated",
                    self.labels(before),
                    self.role(role)
                ),
                (false, false) => format!(
                    "{} moves from {} to {}",
                    self.role(role),
                    self.labels(before),
                    self.labels(after)
                ),
            },
            ChangeDetail::FirstSeenCombined { entity } => format!(
                "{} already holds {} with its other roles where the papers first describe it",
                self.label(*entity),
                self.role(role)
            ),
            ChangeDetail::RoleAdded { entity, role } => {
                format!("{} also holds {}", self.label(*entity), self.role(*role))
            }
            ChangeDetail::RoleRemoved { entity, role } => {
                format!("{} no longer holds {}", self.label(*entity), self.role(*role))
            }
            ChangeDetail::FunctionAdded { entity, function } => {
                format!(
                    "{} becomes responsible for {}",
                    self.label(*entity),
                    self.function(*function)
                )
            }
            ChangeDetail::FunctionRemoved { entity, function } => {
                format!(
                    "{} is no longer responsible for {}",
                    self.label(*entity),
                    self.function(*function)
                )
            }
            ChangeDetail::AttributeChanged {
                entity,
                attribute,
                after,
                ..
            } => match after {
                Some(value) => self.attribute_statement(*entity, *attribute, value),
                None => format!(
                    "the {} of {} is no longer stated",
                    self.attribute(*attribute).0,
                    self.label(*entity)
                ),
            },
        }
    }

    /// Whether a vacancy the papers record made the change.
    fn recorded_vacancy(&self, change: &Change) -> bool {
        change
            .event
            .and_then(|id| self.arrangement.event(id))
            .is_some_and(|event| event.kind == EventKind::Vacancy)
    }

    /// A change, named: "the change of October 2016", "the designation
    /// of March 2019", "the change of January 2019" (one derived from dated
    /// facts, with no event of its own).
    pub(super) fn change_named(&self, change: &Change) -> String {
        match change.event.filter(|id| self.arrangement.event(*id).is_some()) {
            Some(event) => self.event_name(event),
            None => self.change_of(change),
        }
    }

    /// A change with no event of its own, by its date: "the change of
    /// October 2016", "a change at an unknown date", "the change between
    /// 2033 and 2035".
    fn change_of(&self, change: &Change) -> String {
        let written = self
            .arrangement
            .timeline
            .instant(change.at)
            .map(|instant| &instant.written);
        if written.is_none_or(Written::says_nothing) {
            "a change at an unknown date".to_owned()
        } else {
            format!("the change of {}", self.instant(change.at))
        }
    }

    /// What a change did, in brackets after its name ("" for a recorded
    /// change with no description).
    pub(super) fn change_what(&self, change: &Change) -> String {
        let recorded = change
            .event
            .and_then(|id| self.arrangement.event(id))
            .and_then(|event| event.what.clone());
        let derived: Vec<String> = change
            .details
            .iter()
            .filter(|detail| !matches!(detail, ChangeDetail::Recorded))
            .map(|detail| self.change_detail(change, detail))
            .collect();
        match (recorded, derived.is_empty()) {
            (_, false) => format!(" ({})", and_list(&derived)),
            (Some(what), true) => format!(" ({})", inner(&what)),
            (None, true) => String::new(),
        }
    }

    /// A change with what it did: "the change of October 2016", "the
    /// appointment of 2013 (Executive Director, People holds …)".
    pub(super) fn change_dated(&self, change: &Change) -> String {
        match change.event {
            Some(_) => {
                let what = change
                    .details
                    .iter()
                    .filter(|detail| !matches!(detail, ChangeDetail::Recorded))
                    .map(|detail| self.change_detail(change, detail))
                    .collect::<Vec<_>>();
                if what.is_empty() {
                    self.change_named(change)
                } else {
                    format!("{} ({})", self.change_named(change), and_list(&what))
                }
            }
            None => format!("{}{}", self.change_named(change), self.change_what(change)),
        }
    }

    /// What calls for an event, with what it did.
    pub(super) fn cause_dated(&self, cause: &Cause) -> String {
        match cause {
            Cause::Change(change) => self.change_dated(change),
            Cause::Event(event) => self.event_name(*event),
        }
    }
}
