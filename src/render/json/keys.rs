//! The keys that name, in the JSON contract, what the model's ids point
//! to: an entity, role or event by its key in the files, never by a
//! title.

use std::fmt::Write as _;

use crate::eval::Clause;
use crate::model::{
    Anchor, AnswerId, AttributeId, BodyKindId, DutyKind, EditionId, EntityId, EventId, FunctionId, InstantId,
    RelationId, RoleId,
};
use crate::Assessment;

/// Reads keys of the model's tables for one assessment.
pub(super) struct Keys<'a> {
    pub(super) assessment: &'a Assessment<'a>,
}

impl<'a> Keys<'a> {
    pub(super) fn entity(&self, id: EntityId) -> &'a str {
        self.assessment
            .arrangement
            .entity(id)
            .map_or("", |entity| entity.key.as_str())
    }

    /// A provider or employer as the language writes it: the council's
    /// own word, `external`, or the organisation's id.
    pub(super) fn party(&self, party: crate::model::Party, own: &'static str) -> &'a str {
        match party {
            crate::model::Party::Council => own,
            crate::model::Party::External => "external",
            crate::model::Party::Organisation(id) => self.entity(id),
        }
    }

    pub(super) fn entities(&self, ids: &[EntityId]) -> Vec<&'a str> {
        ids.iter().map(|id| self.entity(*id)).collect()
    }

    pub(super) fn role(&self, id: RoleId) -> &'a str {
        self.assessment.policy.role(id).map_or("", |role| role.key.as_str())
    }

    pub(super) fn function(&self, id: FunctionId) -> &'a str {
        self.assessment.policy.function(id).map_or("", |term| term.key.as_str())
    }

    pub(super) fn body_kind(&self, id: BodyKindId) -> &'a str {
        self.assessment
            .policy
            .body_kind(id)
            .map_or("", |term| term.key.as_str())
    }

    pub(super) fn attribute(&self, id: AttributeId) -> &'a str {
        self.assessment
            .policy
            .attribute(id)
            .map_or("", |attribute| attribute.key.as_str())
    }

    pub(super) fn relation(&self, id: RelationId) -> &'a str {
        self.assessment
            .policy
            .relation(id)
            .map_or("", |relation| relation.key.as_str())
    }

    pub(super) fn edition(&self, id: EditionId) -> &'a str {
        self.assessment
            .policy
            .edition(id)
            .map_or("", |edition| edition.key.as_str())
    }

    pub(super) fn event(&self, id: EventId) -> &'a str {
        self.assessment
            .arrangement
            .event(id)
            .map_or("", |event| event.key.as_str())
    }

    pub(super) fn question(&self, id: AnswerId) -> &'a str {
        self.assessment
            .arrangement
            .answer(id)
            .and_then(|answer| self.assessment.policy.duty(answer.duty))
            .map_or("", |duty| duty.key.as_str())
    }

    pub(super) fn given(&self, id: AnswerId) -> Option<String> {
        self.assessment
            .arrangement
            .answer(id)
            .and_then(|answer| self.dated(answer.given))
    }

    /// When an instant came, as the files write it: `2016-03`, `unknown`,
    /// `unknown after designation_2019 before 2020-01`, `seen 2016-03`.
    pub(super) fn instant(&self, id: InstantId) -> String {
        let Some(instant) = self.assessment.arrangement.timeline.instant(id) else {
            return "unknown".to_owned();
        };
        let written = &instant.written;
        if let Some(seen) = written.seen {
            return format!("seen {seen}");
        }
        let mut text = written
            .date
            .map_or_else(|| "unknown".to_owned(), |date| date.to_string());
        for (word, anchors) in [("after", &written.after), ("before", &written.before)] {
            for anchor in anchors {
                let _ = match anchor {
                    Anchor::Date(date) => write!(text, " {word} {date}"),
                    Anchor::Event(event) => write!(text, " {word} {}", self.event(*event)),
                };
            }
        }
        text
    }

    /// When an instant came, or nothing when the papers say nothing of it.
    pub(super) fn dated(&self, id: InstantId) -> Option<String> {
        let instant = self.assessment.arrangement.timeline.instant(id)?;
        (!instant.written.says_nothing()).then(|| self.instant(id))
    }

    pub(super) fn clause(&self, clause: Clause) -> &'a str {
        match clause {
            Clause::Rule(duty) => self.assessment.policy.duty(duty).map_or("", |duty| match &duty.kind {
                DutyKind::Rule { predicate_text, .. } => predicate_text.as_str(),
                DutyKind::Question { .. } => "",
            }),
            Clause::Condition(duty, index) => self
                .assessment
                .policy
                .duty(duty)
                .and_then(|duty| duty.conditions.get(index))
                .map_or("", |condition| condition.text.as_str()),
            Clause::LawCondition(law, index) => self
                .assessment
                .policy
                .law(law)
                .and_then(|law| law.conditions.get(index))
                .map_or("", |condition| condition.text.as_str()),
        }
    }
}
