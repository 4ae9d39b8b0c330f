//! The names of things in sentences: roles, functions, kinds of body and
//! attributes by the titles the policy gives them, posts and members by
//! their labels, events by their kind and date, counted entities by their
//! noun. Every other room of [`crate::words`] names things through these.

use std::fmt::Write;

use super::{and_list, inner, lower_first};
use crate::model::{
    Actor, AnswerId, AnswerWords, Arrangement, AttributeId, BodyKindId, EntityId, EntityKind, Event, FunctionId,
    Policy, RelationId, RoleId, ValueType,
};

/// Writes about the verdicts of one arrangement under one policy: the
/// names it needs (titles of roles, labels of posts) come from both.
#[derive(Clone, Copy)]
pub struct Wording<'a> {
    pub(super) policy: &'a Policy,
    pub(super) arrangement: &'a Arrangement,
}

impl<'a> Wording<'a> {
    /// Words for verdicts of `arrangement` under `policy`.
    pub fn new(policy: &'a Policy, arrangement: &'a Arrangement) -> Wording<'a> {
        Wording { policy, arrangement }
    }

    pub(super) fn role(&self, role: RoleId) -> String {
        self.policy
            .role(role)
            .map_or_else(|| "a role".to_owned(), |role| role.title.clone())
    }

    pub(super) fn holder_word(&self, role: RoleId) -> &'static str {
        self.policy.role(role).map_or("post", |role| role.holder.word())
    }

    pub(super) fn function(&self, function: FunctionId) -> String {
        self.policy
            .function(function)
            .map_or_else(|| "a function".to_owned(), |term| lower_first(&term.title))
    }

    pub(super) fn functions(&self, functions: &[FunctionId]) -> String {
        and_list(
            &functions
                .iter()
                .map(|function| self.function(*function))
                .collect::<Vec<_>>(),
        )
    }

    pub(super) fn body_kind(&self, kind: BodyKindId) -> String {
        self.policy
            .body_kind(kind)
            .map_or_else(|| "a kind of body".to_owned(), |term| lower_first(&term.title))
    }

    /// The name of a post, member, body or service in sentences: its
    /// title, else its id.
    pub fn label(&self, entity: EntityId) -> String {
        self.arrangement
            .entity(entity)
            .map_or_else(|| "an unknown entity".to_owned(), |entity| entity.label().to_owned())
    }

    /// Several entities' names, as a list ("the DCS post and the DASS post").
    pub fn labels(&self, entities: &[EntityId]) -> String {
        and_list(&entities.iter().map(|entity| self.label(*entity)).collect::<Vec<_>>())
    }

    pub(super) fn attribute(&self, attribute: AttributeId) -> (String, Option<ValueType>) {
        self.policy.attribute(attribute).map_or_else(
            || ("an attribute".to_owned(), None),
            |declared| (declared.title.clone(), Some(declared.value_type)),
        )
    }

    pub(super) fn relation(&self, relation: RelationId) -> String {
        self.policy
            .relation(relation)
            .map_or_else(|| "is related to".to_owned(), |declared| declared.title.clone())
    }

    /// Who carried out an event.
    pub fn actors(&self, actors: &[Actor]) -> String {
        and_list(
            &actors
                .iter()
                .map(|actor| match actor {
                    Actor::Entity(entity) => self.label(*entity),
                    Actor::Outside(name) => name.clone(),
                })
                .collect::<Vec<_>>(),
        )
    }

    /// Who carried out an event, as a timeline entry gives it: marked
    /// "(inferred)" where the papers only imply it.
    pub fn event_by(&self, event: &Event) -> Option<String> {
        if event.by.is_empty() {
            return None;
        }
        Some(super::fact::with_basis(&self.actors(&event.by), event.by_basis))
    }

    /// A review's outcome as a timeline entry gives it ("Assured
    /// (inferred). RESOLVED that …"), or the council's record alone.
    pub fn event_outcome(&self, event: &Event) -> Option<String> {
        let Some(outcome) = event.outcome else {
            return event.record.clone();
        };
        let mut words = super::fact::with_basis(super::fact::outcome_label(outcome), event.outcome_basis);
        words.push('.');
        if let Some(record) = &event.record {
            let _ = write!(words, " {record}");
        }
        Some(words)
    }

    /// An answer's words: the council's own, or that they are not at hand
    /// and why.
    pub fn answer_words(&self, words: &AnswerWords) -> String {
        match words {
            AnswerWords::Text(text) => text.clone(),
            AnswerWords::NotAtHand(why) => format!("(the council's words are not at hand: {})", inner(why)),
        }
    }

    /// When an answer was given, with its preposition: "in March 2016",
    /// "on 6 February 2020", "at an unknown date", "between 2033 and 2035".
    pub(super) fn answer_given(&self, answer: AnswerId) -> String {
        self.arrangement
            .answer(answer)
            .and_then(|answer| self.arrangement.timeline.instant(answer.given))
            .map_or_else(
                || "at an unknown date".to_owned(),
                |instant| self.written_with_preposition(&instant.written),
            )
    }

    /// The noun for counted entities: "post", "member holding Lead Member
    /// for Children's Services".
    pub(super) fn noun(&self, kind: EntityKind, holding: Option<RoleId>) -> String {
        match holding {
            Some(role) => format!("{} holding {}", kind.word(), self.role(role)),
            None => kind.word().to_owned(),
        }
    }

    /// The noun for several counted entities: "posts holding …".
    pub(super) fn plural_noun(&self, kind: EntityKind, holding: Option<RoleId>) -> String {
        match holding {
            Some(role) => format!("{} holding {}", Self::plural(kind), self.role(role)),
            None => Self::plural(kind),
        }
    }

    pub(super) fn plural(kind: EntityKind) -> String {
        match kind {
            EntityKind::Body => "bodies".to_owned(),
            EntityKind::Post | EntityKind::Member | EntityKind::Service | EntityKind::Organisation => {
                format!("{}s", kind.word())
            }
        }
    }
}
