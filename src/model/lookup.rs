//! The one way from an id to what it names: every table of a [`Policy`]
//! and an [`Arrangement`] is read through these, never indexed. An id
//! comes from the table it indexes, so `None` is a "cannot happen" that
//! each caller meets with its own fallback (a word, an empty key).

use super::{
    Answer, AnswerId, Arrangement, Attribute, AttributeId, BodyKindId, Departure, DepartureId, Document, DocumentId,
    Duty, DutyId, Edition, EditionId, Entity, EntityId, Event, EventId, FunctionId, Law, LawId, Paragraph, ParagraphId,
    Policy, Relation, RelationId, Role, RoleId, TagKey, TagKeyId, Term,
};

/// An accessor for each table: `method(Id) -> Option<&Item>`.
macro_rules! lookups {
    ($owner:ident { $($what:literal: $method:ident($id:ident) -> $table:ident: $item:ident;)* }) => {
        impl $owner {
            $(
                #[doc = concat!("The ", $what, " with this id.")]
                pub fn $method(&self, id: $id) -> Option<&$item> {
                    self.$table.get(id.index())
                }
            )*
        }
    };
}

lookups!(Policy {
    "edition": edition(EditionId) -> editions: Edition;
    "document": document(DocumentId) -> documents: Document;
    "role": role(RoleId) -> roles: Role;
    "function": function(FunctionId) -> functions: Term;
    "kind of body": body_kind(BodyKindId) -> body_kinds: Term;
    "relation": relation(RelationId) -> relations: Relation;
    "attribute": attribute(AttributeId) -> attributes: Attribute;
    "tag key": tag_key(TagKeyId) -> tag_keys: TagKey;
    "paragraph": paragraph(ParagraphId) -> paragraphs: Paragraph;
    "duty or question": duty(DutyId) -> duties: Duty;
    "law": law(LawId) -> laws: Law;
});

lookups!(Arrangement {
    "document": document(DocumentId) -> documents: Document;
    "entity": entity(EntityId) -> entities: Entity;
    "event": event(EventId) -> events: Event;
    "answer": answer(AnswerId) -> answers: Answer;
    "departure": departure(DepartureId) -> departures: Departure;
});
