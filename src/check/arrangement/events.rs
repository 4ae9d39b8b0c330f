//! A council's timeline: appointments, designations, vacancies, changes,
//! reviews and inspections, each dated or ordered after another.

use super::{distinct, Context, Placed};
use crate::check::error::{CheckError, Found, NameKind, Needed, Shape};
use crate::check::fields::{Fields, Names};
use crate::model::*;
use crate::syntax::ast::{self, EntityKind, Entry, EventKind, Item, Qualifier};

impl Context<'_> {
    /// Declares every event, so that one may be dated after a later one,
    /// then reads each.
    pub(super) fn read_events(
        &self,
        items: &[Placed<'_>],
        arrangement: &mut Arrangement,
        errors: &mut Vec<CheckError>,
    ) {
        let mut events = Names::new(NameKind::Event);
        let event_items: Vec<&Item> = items
            .iter()
            .map(|(item, _)| *item)
            .filter(|item| item.kind.event_kind().is_some())
            .collect();
        for (index, item) in event_items.iter().enumerate() {
            events.declare(&item.name.text, EventId::from_index(index), item.name.span, errors);
        }
        for item in &event_items {
            let id = EventId::from_index(arrangement.events.len());
            if let Some(event) = self.event(id, item, &events, errors) {
                arrangement.events.push(event);
            }
        }
    }

    fn event(&self, id: EventId, item: &Item, events: &Names<EventId>, errors: &mut Vec<CheckError>) -> Option<Event> {
        let kind = item.kind.event_kind()?;
        let time = item.time.as_ref();
        // `on WHEN`, and the older `after EVENT` alone, are one date: an
        // instant the check bounds by what they say.
        let mut when = time.and_then(|time| time.on.clone()).unwrap_or_else(|| {
            ast::When::plain(ast::DateValue {
                date: None,
                span: time.map_or(item.name.span, |time| time.span),
            })
        });
        if let Some(after) = time.and_then(|time| time.after.clone()) {
            when.after.push(ast::Anchor::Event(after));
        }
        let at = self.dates.when(&when, Owner::Event(id));
        // The first event it is written to follow, for the check that
        // `after`s do not go round in a circle; a name that is no event is
        // reported with the timeline.
        let after = when.after.iter().find_map(|anchor| match anchor {
            ast::Anchor::Event(name) => events.get(&name.text),
            ast::Anchor::Date(_) => None,
        });
        let mut fields = Fields::new(item, errors);
        let source = fields.source(errors);
        let evidence = self.evidence(source.as_ref(), errors);
        let concerns = self.concerns(&mut fields, errors);
        let mut roles = Vec::new();
        for name in distinct(fields.names("roles", errors).unwrap_or_default(), errors) {
            roles.extend(self.scope.roles.resolve(&name, errors));
        }
        let what = fields.text("what", errors);
        let by = self.actors(&mut fields, errors);
        let status = status(&mut fields, errors);
        let outcome = outcome(&mut fields, kind, status, errors);
        let outcome_basis = field_basis(item, "outcome");
        let by_basis = field_basis(item, "by");
        let record = fields.text("record", errors).or(fields.text("judgement", errors));
        let responsibilities = responsibilities(&mut fields, kind, errors);
        let note = fields.text("note", errors);
        let answers = self.event_named(&mut fields, "answers", events, errors);
        let prepares = self.event_named(&mut fields, "prepares", events, errors);
        let due = fields.date("due", errors);
        let extends = self.extends(&mut fields, errors);
        fields.finish(&event_fields(kind), errors);
        Some(Event {
            key: item.name.text.to_string(),
            kind,
            at,
            after,
            status,
            due,
            concerns,
            roles,
            what,
            by,
            by_basis,
            outcome,
            outcome_basis,
            record,
            responsibilities,
            answers,
            prepares,
            extends,
            note,
            origin: FactOrigin {
                span: time.map_or(item.name.span, |time| item.name.span.to(time.span)),
                evidence: evidence.map(Box::new),
            },
        })
    }

    /// A field naming another event (`answers`, `prepares`).
    fn event_named(
        &self,
        fields: &mut Fields<'_>,
        field: &str,
        events: &Names<EventId>,
        errors: &mut Vec<CheckError>,
    ) -> Option<EventId> {
        let name = fields.name(field, errors)?;
        events.resolve(&name, errors)
    }

    /// A change's `extends`: the roles it extended beyond their remit, all
    /// of them, or (`or`) one of them.
    fn extends(&self, fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Extends {
        let Some(field) = fields.take("extends") else {
            return Extends::default();
        };
        let one_of = field
            .qualifiers
            .iter()
            .any(|(qualifier, _)| *qualifier == Qualifier::OneOf);
        let mut roles = Vec::new();
        for name in distinct(crate::check::fields::names_of(field, errors), errors) {
            roles.extend(self.scope.roles.resolve(&name, errors));
        }
        Extends { roles, one_of }
    }

    /// `post` and `member`: the entities an event concerns, each of that
    /// kind.
    fn concerns(&self, fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Vec<EntityId> {
        let mut concerns = Vec::new();
        for word in ["post", "member"] {
            let Some(name) = fields.name(word, errors) else {
                continue;
            };
            let Some(entity) = self.entities.resolve(&name, errors) else {
                continue;
            };
            let expected = if word == "post" {
                EntityKind::Post
            } else {
                EntityKind::Member
            };
            match self.kind_of(entity) {
                Some(found) if found != expected => errors.push(CheckError::WrongKind {
                    expected: Needed::Entity { kind: expected },
                    found: Found::Entity {
                        name: name.text.to_string(),
                        kind: found,
                    },
                    span: name.span,
                    declared: self.kinds.get(entity.index()).map(|(item, _)| item.name.span),
                }),
                _ => concerns.push(entity),
            }
        }
        concerns
    }

    /// `by`: posts, members or bodies of the arrangements by their ids, or
    /// anyone outside them in a quoted string.
    fn actors(&self, fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Vec<Actor> {
        let Some(field) = fields.take("by") else {
            return Vec::new();
        };
        let mut actors = Vec::new();
        for value in &field.values {
            match &value.kind {
                ast::ValueKind::Text(text) => actors.push(Actor::Outside(text.to_string())),
                ast::ValueKind::Str(text) if self.entities.get(text).is_none() => {
                    actors.push(Actor::Outside(text.to_string()));
                }
                ast::ValueKind::Key(name) | ast::ValueKind::Str(name) => {
                    let written = ast::Name {
                        text: name.clone(),
                        span: value.span,
                    };
                    actors.extend(self.entities.resolve(&written, errors).map(Actor::Entity));
                }
                ast::ValueKind::Date(_)
                | ast::ValueKind::Number(_)
                | ast::ValueKind::Bool(_)
                | ast::ValueKind::When(_) => {
                    errors.push(CheckError::WrongType {
                        field: "by".to_owned(),
                        expected: Shape::Actor,
                        span: value.span,
                        declared: None,
                    });
                }
            }
        }
        actors
    }
}

/// `status proposed` or `status planned`; without it, the event happened.
fn status(fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> EventStatus {
    let words = EventStatus::ALL.map(EventStatus::word);
    fields
        .one_of("status", &words, errors)
        .and_then(|word| EventStatus::ALL.into_iter().find(|status| status.word() == word))
        .unwrap_or_default()
}

/// A review's `outcome`, which a review that happened needs (a planned one
/// has none yet); other events have none.
fn outcome(
    fields: &mut Fields<'_>,
    kind: EventKind,
    status: EventStatus,
    errors: &mut Vec<CheckError>,
) -> Option<ReviewOutcome> {
    match kind {
        EventKind::Review => {
            if !fields.has("outcome") && status.happened() {
                errors.push(fields.missing("outcome"));
            }
            let words = ReviewOutcome::ALL.map(ReviewOutcome::word);
            fields
                .one_of("outcome", &words, errors)
                .and_then(|word| ReviewOutcome::ALL.into_iter().find(|outcome| outcome.word() == word))
        }
        EventKind::Appointment
        | EventKind::Designation
        | EventKind::Vacancy
        | EventKind::Change
        | EventKind::Inspection => None,
    }
}

/// Whether a line of an event (`outcome`, `by`) says what it states is
/// inferred.
fn field_basis(item: &Item, name: &str) -> Basis {
    let field = item.entries.iter().find_map(|entry| match entry {
        Entry::Field(field) if field.name.text == name => Some(field),
        Entry::Field(_)
        | Entry::Rule(_)
        | Entry::Condition(_)
        | Entry::Words(_)
        | Entry::Tag(_)
        | Entry::Expect(_)
        | Entry::Edit(_) => None,
    });
    match field {
        Some(field)
            if field
                .qualifiers
                .iter()
                .any(|(qualifier, _)| *qualifier == Qualifier::Inferred) =>
        {
            Basis::Inferred
        }
        Some(_) | None => Basis::Stated,
    }
}

/// A change's `responsibilities`, which it needs; other events have none.
fn responsibilities(fields: &mut Fields<'_>, kind: EventKind, errors: &mut Vec<CheckError>) -> Option<bool> {
    match kind {
        EventKind::Change => {
            if !fields.has("responsibilities") {
                errors.push(fields.missing("responsibilities"));
            }
            fields.boolean("responsibilities", errors)
        }
        EventKind::Appointment
        | EventKind::Designation
        | EventKind::Vacancy
        | EventKind::Review
        | EventKind::Inspection => None,
    }
}

/// The fields an event of a kind has.
fn event_fields(kind: EventKind) -> Vec<&'static str> {
    let mut known = vec!["what", "by", "note", "source", "status"];
    known.extend(match kind {
        EventKind::Appointment | EventKind::Designation => vec!["post", "member", "roles"],
        EventKind::Vacancy => vec!["post", "member", "roles"],
        EventKind::Change => vec!["post", "member", "responsibilities", "extends"],
        EventKind::Review => vec!["outcome", "record", "answers", "prepares", "due"],
        EventKind::Inspection => vec!["record", "judgement"],
    });
    known
}
