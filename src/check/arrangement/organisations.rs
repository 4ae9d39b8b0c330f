//! An entity's ties to organisations beside the council: an
//! organisation's sort, owners and board; a service's provider; a post's
//! employer and secondment from another council. Each names the council
//! itself by a word of its own (`in_house`, `council`), an unnamed
//! external provider by `external`, or a declared organisation (E0101,
//! with a suggestion, where none is declared by the name; E0152 where a
//! secondment names an organisation that is not a council).

use super::Context;
use crate::check::error::{CheckError, Found, Needed, Shape};
use crate::check::fields::{names_of, Fields};
use crate::model::*;
use crate::syntax::ast::{self, EntityKind, Item, ValueKind};

/// The fields of an organisation's own.
pub(super) const ORGANISATION_FIELDS: [&str; 4] = ["kind", "owned_by", "part_owned_by", "board"];
/// A service's field naming who provides it.
pub(super) const SERVICE_FIELDS: [&str; 1] = ["provider"];
/// A post's fields naming who employs it and whom it is seconded from.
pub(super) const POST_FIELDS: [&str; 5] = ["employer", "seconded_from", "seconded_to", "holds_there", "days_a_week"];

/// The word that names the council itself in each field that may name
/// it, and whether an unnamed external provider may be named there.
fn own_words(field: &str) -> (&'static str, bool) {
    match field {
        "provider" => ("in_house", true),
        _ => ("council", false),
    }
}

impl Context<'_> {
    /// Reads the ties of an entity of any kind; a kind without ties leaves
    /// its fields to be reported unknown.
    pub(super) fn ties(
        &self,
        id: EntityId,
        fields: &mut Fields<'_>,
        entity: &mut Entity,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        match entity.kind {
            EntityKind::Organisation => self.organisation(id, fields, entity, default, errors),
            EntityKind::Service => {
                for field in fields.take_all("provider") {
                    let line = Line::Provider(entity.ties_mut().providers.len());
                    if let Some(party) = self.party(entity, field, errors) {
                        let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
                        let stated = self.stated(party, field.span, field, during, default, errors);
                        entity.ties_mut().providers.push(stated);
                    }
                }
            }
            EntityKind::Post => self.post_ties(id, fields, entity, default, errors),
            EntityKind::Member | EntityKind::Body => {}
        }
    }

    fn organisation(
        &self,
        id: EntityId,
        fields: &mut Fields<'_>,
        entity: &mut Entity,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        let words: Vec<&'static str> = OrganisationKind::ALL.iter().map(|kind| kind.word()).collect();
        entity.ties_mut().kind = fields
            .one_of("kind", &words, errors)
            .and_then(OrganisationKind::from_word);
        for (name, share) in [("owned_by", Share::Whole), ("part_owned_by", Share::Part)] {
            for field in fields.take_all(name) {
                let line = Line::Owner(entity.ties_mut().owners.len());
                let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
                for party in self.parties(entity, field, errors) {
                    let owned = Ownership { owner: party, share };
                    let stated = self.stated(owned, field.span, field, during, default, errors);
                    entity.ties_mut().owners.push(stated);
                }
            }
        }
        if let Some(field) = fields.take("board") {
            let body = names_of(field, errors)
                .into_iter()
                .next()
                .and_then(|name| self.named_of_kind(&name, "board", EntityKind::Body, errors));
            if let Some(body) = body {
                let during = self.period(field, |end| Owner::Fact {
                    entity: id,
                    line: Line::Board,
                    end,
                });
                entity.ties_mut().board = Some(self.stated(body, field.span, field, during, default, errors));
            }
        }
    }

    fn post_ties(
        &self,
        id: EntityId,
        fields: &mut Fields<'_>,
        entity: &mut Entity,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        for field in fields.take_all("employer") {
            let line = Line::Employer(entity.ties_mut().employers.len());
            if let Some(party) = self.party(entity, field, errors) {
                let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
                let stated = self.stated(party, field.span, field, during, default, errors);
                entity.ties_mut().employers.push(stated);
            }
        }
        for seconded in [Seconded::From, Seconded::To] {
            for field in fields.take_all(seconded.field()) {
                let line = Line::Secondment(entity.ties_mut().secondments.len());
                let council = names_of(field, errors)
                    .into_iter()
                    .next()
                    .and_then(|name| self.other_council(&name, seconded.field(), errors));
                if let Some(council) = council {
                    let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
                    let secondment = Secondment { council, seconded };
                    let stated = self.stated(secondment, field.span, field, during, default, errors);
                    entity.ties_mut().secondments.push(stated);
                }
            }
        }
        if let Some(field) = fields.take("holds_there") {
            for name in names_of(field, errors) {
                entity
                    .ties_mut()
                    .roles_there
                    .extend(self.scope.roles.resolve(&name, errors));
            }
        }
        if let Some(field) = fields.take("days_a_week") {
            match field.values.as_slice() {
                [ast::Value {
                    kind: ValueKind::Number(days @ 1..=7),
                    ..
                }] => entity.ties_mut().days_a_week = u32::try_from(*days).ok(),
                _ => errors.push(CheckError::WrongType {
                    field: "days_a_week".to_owned(),
                    expected: Shape::Value(ValueType::Int),
                    span: field.values.first().map_or(field.span, |value| value.span),
                    declared: None,
                }),
            }
        }
    }

    /// The one party a line names.
    fn party(&self, entity: &Entity, field: &ast::Field, errors: &mut Vec<CheckError>) -> Option<Party> {
        if field.values.len() > 1 {
            errors.push(CheckError::WrongType {
                field: field.name.text.to_string(),
                expected: Shape::Name,
                span: field.span,
                declared: None,
            });
            return None;
        }
        self.parties(entity, field, errors).into_iter().next()
    }

    /// The parties a line names: the council itself by its word, an
    /// unnamed external provider, or declared organisations.
    fn parties(&self, entity: &Entity, field: &ast::Field, errors: &mut Vec<CheckError>) -> Vec<Party> {
        let (own, external) = own_words(&field.name.text);
        let mut parties = Vec::new();
        for name in names_of(field, errors) {
            if name.text == own {
                parties.push(Party::Council);
            } else if external && name.text == "external" {
                parties.push(Party::External);
            } else if name.text == entity.key {
                // An organisation does not own itself; a service or post
                // is never an organisation.
                errors.push(self.wrong_kind(&name, &field.name.text, entity.kind));
            } else if let Some(id) = self.named_of_kind(&name, &field.name.text, EntityKind::Organisation, errors) {
                parties.push(Party::Organisation(id));
            }
        }
        parties
    }

    /// A declared entity of the kind a field needs (E0101 where none is
    /// declared by the name, with a suggestion; E0103 where it is another kind of entity).
    fn named_of_kind(
        &self,
        name: &ast::Name,
        field: &str,
        wanted: EntityKind,
        errors: &mut Vec<CheckError>,
    ) -> Option<EntityId> {
        let target = self.entities.resolve(name, errors)?;
        let kind = self.kind_of(target)?;
        if kind == wanted {
            return Some(target);
        }
        let mut error = self.wrong_kind(name, field, kind);
        if let CheckError::WrongKind { expected, declared, .. } = &mut error {
            *expected = Needed::RelationTo {
                relation: field.to_owned(),
                kinds: vec![wanted],
            };
            *declared = self.kinds.get(target.index()).map(|(item, _)| item.name.span);
        }
        errors.push(error);
        None
    }

    fn wrong_kind(&self, name: &ast::Name, field: &str, kind: EntityKind) -> CheckError {
        CheckError::WrongKind {
            expected: Needed::RelationTo {
                relation: field.to_owned(),
                kinds: vec![EntityKind::Organisation],
            },
            found: Found::Entity {
                name: name.text.to_string(),
                kind,
            },
            span: name.span,
            declared: None,
        }
    }

    /// The other council a secondment is from: an organisation whose
    /// `kind` is `council` (E0152 where it is another sort, or none).
    fn other_council(&self, name: &ast::Name, field: &str, errors: &mut Vec<CheckError>) -> Option<EntityId> {
        let id = self.named_of_kind(name, field, EntityKind::Organisation, errors)?;
        let (item, _) = self.kinds.get(id.index())?;
        let sort = organisation_kind(item);
        if sort == Some(OrganisationKind::Council) {
            return Some(id);
        }
        errors.push(CheckError::NotACouncil {
            name: name.text.to_string(),
            kind: sort,
            span: name.span,
            declared: item.name.span,
        });
        None
    }
}

/// The sort an organisation's item gives in its `kind` line, read from
/// the item itself, as the organisation may be declared after the line
/// that names it.
fn organisation_kind(item: &Item) -> Option<OrganisationKind> {
    item.entries.iter().find_map(|entry| match entry {
        ast::Entry::Field(field) if field.name.text == "kind" => match field.values.as_slice() {
            [ast::Value {
                kind: ValueKind::Key(word) | ValueKind::Str(word),
                ..
            }] => OrganisationKind::from_word(word),
            _ => None,
        },
        _ => None,
    })
}
