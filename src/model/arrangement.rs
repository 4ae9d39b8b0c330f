//! A council's checked arrangements: its posts, members, bodies and
//! services, its timeline, answers and departures, every fact with where it
//! is stated.

use super::*;
use crate::date::PartialDate;
use crate::source::{FileId, Span};

/// Where a fact comes from: the line in the arrangement file, and the
/// document the council's paper says it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactOrigin {
    /// The line that states it.
    pub span: Span,
    /// The document and place it comes from, if recorded.
    pub evidence: Option<EvidenceRef>,
}

/// A reference to a place in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceRef {
    /// The document (in the arrangement's documents).
    pub document: DocumentId,
    /// Where in it.
    pub location: Option<String>,
}

/// A stated fact with its origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stated<T> {
    /// What is stated.
    pub value: T,
    /// Where it is stated.
    pub origin: FactOrigin,
}

/// A post, member, body or service of an arrangement.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its id in the file.
    pub key: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Its title.
    pub title: Option<String>,
    /// The person holding it, or the member's name.
    pub person: Option<String>,
    /// A member's portfolio.
    pub portfolio: Option<String>,
    /// Roles held.
    pub roles: Vec<Stated<RoleId>>,
    /// Functions it is responsible for, if stated.
    pub functions: Option<Stated<Vec<FunctionId>>>,
    /// For a body, its kind.
    pub body_kind: Option<Stated<BodyKindId>>,
    /// Relations stated, each with its targets.
    pub relations: Vec<(RelationId, Stated<Vec<EntityId>>)>,
    /// Attributes stated.
    pub attributes: Vec<(AttributeId, Stated<TypedValue>)>,
    /// Whether it has functions beyond those listed: `Some(false)` when
    /// the list is complete (the default), `None` when the council's paper
    /// does not say.
    pub other_functions: Option<bool>,
    /// Remarks.
    pub note: Option<String>,
    /// Where declared.
    pub span: Span,
}

impl Entity {
    /// The name to use in sentences: its title, else its id.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.key)
    }

    /// Whether it holds a role.
    pub fn holds(&self, role: RoleId) -> Option<&Stated<RoleId>> {
        self.roles.iter().find(|fact| fact.value == role)
    }

    /// Every stated line of a relation (a relation may be listed line by
    /// line); empty when the relation is not stated.
    pub fn relation(&self, relation: RelationId) -> Vec<&Stated<Vec<EntityId>>> {
        self.relations
            .iter()
            .filter(|(id, _)| *id == relation)
            .map(|(_, fact)| fact)
            .collect()
    }

    /// The stated value of an attribute.
    pub fn attribute(&self, attribute: AttributeId) -> Option<&Stated<TypedValue>> {
        self.attributes
            .iter()
            .find(|(id, _)| *id == attribute)
            .map(|(_, fact)| fact)
    }
}

/// A dated event on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its id.
    pub key: String,
    /// Its kind.
    pub kind: EventKind,
    /// When.
    pub date: PartialDate,
    /// The post or member it concerns.
    pub concerns: Option<EntityId>,
    /// Roles appointed to (appointments).
    pub roles: Vec<RoleId>,
    /// What happened.
    pub what: Option<String>,
    /// Who carried it out.
    pub by: Option<String>,
    /// The outcome or judgement.
    pub outcome: Option<String>,
    /// The change a review answers.
    pub answers: Option<EventId>,
    /// Remarks.
    pub note: Option<String>,
    /// Where it is stated.
    pub origin: FactOrigin,
}

/// A council's answer to a question (or its account of how it discharges a
/// duty).
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The question or duty answered.
    pub duty: DutyId,
    /// When given.
    pub given: Option<PartialDate>,
    /// Who gave it.
    pub by: Option<String>,
    /// The council's own reference.
    pub reference: Option<String>,
    /// The question in the council's own words, when its paper words it
    /// differently from the guidance.
    pub asked: Option<String>,
    /// The answer.
    pub text: String,
    /// Where it is stated.
    pub origin: FactOrigin,
}

/// A recorded departure from a `should` duty.
#[derive(Clone, Debug, PartialEq)]
pub struct Departure {
    /// The duty departed from.
    pub duty: DutyId,
    /// The reasons given.
    pub reasons: String,
    /// Who approved it.
    pub approved_by: Option<String>,
    /// When.
    pub approved: Option<PartialDate>,
    /// When it should be looked at again.
    pub review_by: Option<PartialDate>,
    /// Where it is stated.
    pub origin: FactOrigin,
}

/// A checked arrangement of one council.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrangement {
    /// Its id.
    pub key: String,
    /// The file it was read from.
    pub file: FileId,
    /// The council's name.
    pub council: Option<String>,
    /// The kind of council.
    pub council_kind: Option<CouncilKind>,
    /// Whether it is an upper-tier authority.
    pub upper_tier: Option<bool>,
    /// Its governance model.
    pub governance: Option<Governance>,
    /// The guidance it answers to.
    pub answers_to: Vec<String>,
    /// The kinds of entity the arrangement lists completely.
    pub complete_kinds: Vec<EntityKind>,
    /// The relations the arrangement lists completely (besides lines of
    /// accountability, which are complete by nature).
    pub complete_relations: Vec<RelationId>,
    /// Kinds of body the council states it does not have, with the source.
    pub has_no: Vec<Stated<BodyKindId>>,
    /// Documents its facts come from.
    pub documents: Vec<Document>,
    /// Posts, members, bodies and services.
    pub entities: Vec<Entity>,
    /// The timeline, in file order.
    pub events: Vec<Event>,
    /// Answers.
    pub answers: Vec<Answer>,
    /// Recorded departures.
    pub departures: Vec<Departure>,
    /// The header.
    pub span: Span,
}

impl Arrangement {
    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.index())
    }

    /// The event with this id.
    pub fn event(&self, id: EventId) -> Option<&Event> {
        self.events.get(id.index())
    }

    /// The answer with this id.
    pub fn answer(&self, id: AnswerId) -> Option<&Answer> {
        self.answers.get(id.index())
    }

    /// The departure with this id.
    pub fn departure(&self, id: DepartureId) -> Option<&Departure> {
        self.departures.get(id.index())
    }

    /// The document with this id.
    pub fn document(&self, id: DocumentId) -> Option<&Document> {
        self.documents.get(id.index())
    }

    /// Whether the arrangement lists every entity of a kind.
    pub fn lists_every(&self, kind: EntityKind) -> bool {
        self.complete_kinds.contains(&kind)
    }

    /// The statement that the council has no body of a kind, if made.
    pub fn has_no(&self, kind: BodyKindId) -> Option<&Stated<BodyKindId>> {
        self.has_no.iter().find(|fact| fact.value == kind)
    }

    /// The council's name, else the arrangement's id.
    pub fn council_name(&self) -> &str {
        self.council.as_deref().unwrap_or(&self.key)
    }
}
