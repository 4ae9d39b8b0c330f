//! Checking a council's arrangements against the vocabulary of the guidance
//! it answers to.

use super::error::{CheckError, FileKind, Found, Misuse, NameKind, Needed, Shape};
use super::fields::{names_of, typed, Fields, Names};
use super::policy::{document, Scope};
use super::SharedUnit;
use crate::date::{Boundary, Day, Holding, PartialDate, Period};
use crate::model::*;
use crate::source::{FileId, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{self, EntityKind, Entry, EventKind, Evidence, Item, ItemKind, Modality, Place, Qualifier};

/// Checks one arrangement file's items, with those of the files it
/// shares, against a policy.
#[allow(clippy::too_many_arguments)]
pub fn check_arrangement(
    file: FileId,
    header: &Item,
    own: &[Item],
    shared: &[SharedUnit<'_>],
    policy: &Policy,
    scope: &Scope,
    known_policies: &[String],
    elsewhere: &std::collections::BTreeMap<String, Vec<String>>,
    errors: &mut Vec<CheckError>,
) -> Arrangement {
    let mut arrangement = header_of(file, header, known_policies, errors);
    arrangement.shared_files = shared.iter().map(|unit| unit.file).collect();
    for unit in shared {
        shared_header(unit.header, errors);
    }
    // The council's own items, then each shared file's, with the reference
    // that brings them in: the council's names and the shared ones are one
    // namespace, so a shared post reports to each council's own officer.
    let items: Vec<(&Item, Option<Span>)> = own
        .iter()
        .map(|item| (item, None))
        .chain(
            shared
                .iter()
                .flat_map(|unit| unit.items.iter().map(|item| (item, Some(unit.reference)))),
        )
        .collect();

    let mut documents = Names::new(NameKind::Document);
    for (item, _) in items.iter().filter(|(item, _)| item.kind == ItemKind::Document) {
        let id = DocumentId::from_index(arrangement.documents.len());
        if documents.declare(&item.name.text, id, item.name.span, errors) {
            arrangement.documents.push(document(item, errors));
        }
    }

    let mut entities = Names::new(NameKind::Entity);
    let mut kinds = Vec::new();
    let mut sharing = Vec::new();
    for (item, reference) in &items {
        if let Some(kind) = item.kind.entity_kind() {
            let id = EntityId::from_index(kinds.len());
            if entities.declare(&item.name.text, id, item.name.span, errors) {
                kinds.push((*item, kind));
                sharing.push(*reference);
            }
        }
    }
    let context = Context {
        policy,
        known_policies,
        scope,
        documents: &documents,
        entities: &entities,
        kinds: &kinds,
    };
    for ((item, kind), reference) in kinds.iter().zip(&sharing) {
        let mut entity = context.entity(item, *kind, errors);
        if let Some(reference) = reference {
            context.follows_from_sharing(&mut entity, *reference);
        }
        arrangement.entities.push(entity);
    }
    context.completeness(header, &mut arrangement, errors);

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
        if let Some(event) = context.event(item, &events, errors) {
            arrangement.events.push(event);
        }
    }

    // The edition in force, if the arrangements say they answer to others.
    let other_edition = policy
        .base()
        .filter(|base| !arrangement.answers_to.is_empty() && !arrangement.answers_to.contains(&base.key))
        .map(|base| base.key.clone());
    let mut left_out = 0;
    for (item, reference) in &items {
        let file_kind = if reference.is_some() {
            FileKind::Shared
        } else {
            FileKind::Arrangements
        };
        match item.kind {
            // Each council answers and departs for itself.
            ItemKind::Answer | ItemKind::Departure if reference.is_some() => errors.push(CheckError::Misplaced {
                item: item.kind,
                file_kind,
                span: item.span,
            }),
            // Arrangements written for another edition, read against the
            // one in force: what they answer that this edition does not ask
            // is left out (and counted in W0012), not an error.
            ItemKind::Answer | ItemKind::Departure
                if other_edition.is_some() && scope.duties.get(&item.name.text).is_none() =>
            {
                left_out += 1;
            }
            // An answer to a duty of another edition given (a 2012 answer
            // kept in a file read against 2013) is not for this edition:
            // left out, and said so unless the arrangements answer to that
            // edition too.
            ItemKind::Answer | ItemKind::Departure
                if scope.duties.get(&item.name.text).is_none() && elsewhere.contains_key(&item.name.text) =>
            {
                let editions = elsewhere.get(&item.name.text).cloned().unwrap_or_default();
                if !editions.iter().any(|edition| arrangement.answers_to.contains(edition)) {
                    errors.push(CheckError::AnswersOtherEdition {
                        item: item.kind,
                        duty: item.name.text.clone(),
                        editions,
                        in_force: policy.base().map_or_else(String::new, |base| base.key.clone()),
                        span: item.name.span,
                    });
                }
            }
            ItemKind::Answer => arrangement.answers.extend(context.answer(item, errors)),
            ItemKind::Departure => arrangement.departures.extend(context.departure(item, errors)),
            // Every other kind by where it is written: the guidance's
            // are misplaced here; the headers, documents, entities and
            // events were read above; a test beside the arrangements it
            // tests is for `dcsc test`, the arrangements the same without
            // it.
            other => match other.place() {
                Place::Policy => errors.push(CheckError::Misplaced {
                    item: other,
                    file_kind,
                    span: item.span,
                }),
                Place::Arrangements | Place::Either | Place::Tests => {}
            },
        }
    }
    if let Some(in_force) = other_edition {
        errors.push(CheckError::OtherEdition {
            answers_to: arrangement.answers_to.clone(),
            in_force,
            left_out,
            span: arrangement.span,
        });
    }
    for day in sample_days(&arrangement) {
        reporting_loops(&arrangement, policy, day, errors);
    }
    super::time::check(&mut arrangement, policy, errors);
    arrangement
}

fn header_of(file: FileId, header: &Item, known_policies: &[String], errors: &mut Vec<CheckError>) -> Arrangement {
    let mut fields = Fields::new(header, errors);
    let council = fields.required_text("council", errors);
    let council_kinds = CouncilKind::ALL.map(CouncilKind::word);
    let council_kind = fields
        .one_of("kind", &council_kinds, errors)
        .and_then(|word| CouncilKind::ALL.into_iter().find(|kind| kind.word() == word));
    let upper_tier = fields.boolean("upper_tier", errors);
    let known_until = fields
        .date("known_until", errors)
        .map(|date| KnownUntil { date, stated: true });
    // The workspace has read the files `shares` names; here only their
    // form is checked.
    fields.texts("shares", errors);
    // `complete`, `has_no`, `governance`, `considering` and `source` are
    // read by `completeness`, once the vocabulary and documents are known.
    for later in ["complete", "has_no", "governance", "considering", "commenced", "source"] {
        fields.take_all(later);
    }
    let mut answers_to = Vec::new();
    for name in fields.names("answers_to", errors).unwrap_or_default() {
        if known_policies.contains(&name.text) {
            answers_to.push(name.text);
        } else {
            errors.push(CheckError::UnknownName {
                expected: NameKind::Guidance,
                suggestion: suggest(&name.text, known_policies.iter().map(String::as_str)),
                name: name.text,
                span: name.span,
            });
        }
    }
    fields.finish(&crate::syntax::ast::ARRANGEMENT_FIELDS, errors);
    Arrangement {
        key: header.name.text.clone(),
        file,
        council,
        council_kind,
        upper_tier,
        governance: None,
        considering: Vec::new(),
        answers_to,
        complete_kinds: Vec::new(),
        complete_relations: Vec::new(),
        has_no: Vec::new(),
        documents: Vec::new(),
        entities: Vec::new(),
        events: Vec::new(),
        answers: Vec::new(),
        departures: Vec::new(),
        known_until,
        shared_files: Vec::new(),
        commenced: Vec::new(),
        span: header.name.span,
    }
}

/// Checks a shared file's header: a title, and a note.
fn shared_header(header: &Item, errors: &mut Vec<CheckError>) {
    let mut fields = Fields::new(header, errors);
    fields.text("title", errors);
    fields.text("note", errors);
    fields.finish(&["title", "note"], errors);
}

struct Context<'a> {
    policy: &'a Policy,
    /// Every edition and amendment given, whichever is in force: a
    /// commencement may name an amendment of another edition's chain.
    known_policies: &'a [String],
    scope: &'a Scope,
    documents: &'a Names<DocumentId>,
    entities: &'a Names<EntityId>,
    kinds: &'a [(&'a Item, EntityKind)],
}

impl Context<'_> {
    /// Reads the header's `complete` (which lists are complete) and
    /// `has_no` (kinds of body the council states it does not have).
    fn completeness(&self, header: &Item, arrangement: &mut Arrangement, errors: &mut Vec<CheckError>) {
        let mut fields = Fields::new(header, errors);
        let source = fields.source(errors);
        let default = self.evidence(source.as_ref(), errors);
        if let Some(field) = fields.take("complete") {
            for name in names_of(field, errors) {
                if let Some(kind) = EntityKind::from_word(&name.text) {
                    arrangement.complete_kinds.push(kind);
                } else if let Some(relation) = self.scope.relations.get(&name.text) {
                    arrangement.complete_relations.push(relation);
                } else {
                    let mut candidates: Vec<&str> = vec!["posts", "members", "bodies", "services"];
                    candidates.extend(self.scope.relations.keys());
                    errors.push(CheckError::UnknownName {
                        expected: NameKind::EntityKindOrRelation,
                        suggestion: suggest(&name.text, candidates),
                        name: name.text,
                        span: name.span,
                    });
                }
            }
        }
        let models = Governance::ALL.map(Governance::word);
        for (name, list) in [("governance", false), ("considering", true)] {
            for field in fields.take_all(name) {
                for value in names_of(field, errors) {
                    let Some(model) = Governance::ALL.into_iter().find(|model| model.word() == value.text) else {
                        errors.push(CheckError::NotOneOf {
                            field: name.to_owned(),
                            value: value.text.clone(),
                            allowed: models.to_vec(),
                            span: value.span,
                        });
                        continue;
                    };
                    let stated = self.stated(model, field.span, field, &default, errors);
                    if list {
                        arrangement.considering.push(stated);
                    } else if arrangement.governance.is_some() {
                        errors.push(CheckError::RepeatedField {
                            field: name.to_owned(),
                            span: value.span,
                            first: arrangement
                                .governance
                                .as_ref()
                                .map_or(value.span, |first| first.origin.span),
                        });
                    } else {
                        arrangement.governance = Some(stated);
                    }
                }
            }
        }
        // `commenced AMENDMENT from DATE`: when an amendment that
        // commences area by area took effect for this council.
        for field in fields.take_all("commenced") {
            for name in names_of(field, errors) {
                let by_area: Vec<&str> = self
                    .policy
                    .editions
                    .iter()
                    .filter(|edition| edition.by_area)
                    .map(|edition| edition.key.as_str())
                    .collect();
                // An amendment of another edition's chain (verifying as at a
                // date before it) is known, and simply not in force.
                let elsewhere = self.known_policies.contains(&name.text)
                    && !self.policy.editions.iter().any(|edition| edition.key == name.text);
                if elsewhere {
                    continue;
                }
                if !by_area.contains(&name.text.as_str()) {
                    errors.push(CheckError::UnknownName {
                        expected: NameKind::AmendmentByArea,
                        suggestion: suggest(&name.text, by_area.iter().copied()),
                        name: name.text.clone(),
                        span: name.span,
                    });
                    continue;
                }
                if field.period.is_none() {
                    errors.push(CheckError::WrongType {
                        field: "commenced".to_owned(),
                        expected: Shape::Date,
                        span: field.span,
                        declared: None,
                    });
                    continue;
                }
                let stated = self.stated(name.text.clone(), field.span, field, &default, errors);
                arrangement.commenced.push(stated);
            }
        }
        for field in fields.take_all("has_no") {
            for name in names_of(field, errors) {
                if let Some(kind) = self.scope.body_kinds.resolve(&name, errors) {
                    let stated = self.stated(kind, field.span, field, &default, errors);
                    arrangement.has_no.push(stated);
                }
            }
        }
    }

    fn evidence(&self, evidence: Option<&Evidence>, errors: &mut Vec<CheckError>) -> Option<EvidenceRef> {
        let evidence = evidence?;
        let document = self.documents.resolve(&evidence.document, errors)?;
        Some(EvidenceRef {
            document,
            location: evidence.location.clone(),
        })
    }

    fn origin(
        &self,
        span: Span,
        line: Option<&Evidence>,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) -> FactOrigin {
        let evidence = match line {
            Some(_) => self.evidence(line, errors),
            None => default.clone(),
        };
        FactOrigin { span, evidence }
    }

    /// A fact read from a field's line: its origin, the period the line
    /// gives and how it is known.
    fn stated<T>(
        &self,
        value: T,
        span: Span,
        field: &ast::Field,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) -> Stated<T> {
        let basis = if field
            .qualifiers
            .iter()
            .any(|(qualifier, _)| *qualifier == Qualifier::Possibly)
        {
            Basis::Possibly
        } else if field
            .qualifiers
            .iter()
            .any(|(qualifier, _)| *qualifier == Qualifier::Inferred)
        {
            Basis::Inferred
        } else {
            Basis::Stated
        };
        Stated {
            value,
            origin: self.origin(span, field.evidence.as_ref(), default, errors),
            during: period_of(field.period.as_ref(), errors),
            basis,
        }
    }

    /// Gives an entity declared in a shared file the attributes that
    /// follow from its being shared (a shared post is a joint
    /// appointment), unless it states them itself. The fact's origin is
    /// the council's `shares` line: that is where its paper says so.
    fn follows_from_sharing(&self, entity: &mut Entity, reference: Span) {
        for (index, declared) in self.policy.attributes.iter().enumerate() {
            let attribute = AttributeId::from_index(index);
            let Some(value) = &declared.when_shared else {
                continue;
            };
            if !declared.on.contains(&entity.kind) || entity.attributes.iter().any(|(id, _)| *id == attribute) {
                continue;
            }
            entity.attributes.push((
                attribute,
                Stated::always(
                    value.clone(),
                    FactOrigin {
                        span: reference,
                        evidence: None,
                    },
                ),
            ));
        }
    }

    fn kind_of(&self, id: EntityId) -> Option<EntityKind> {
        self.kinds.get(id.index()).map(|(_, kind)| *kind)
    }

    fn entity(&self, item: &Item, kind: EntityKind, errors: &mut Vec<CheckError>) -> Entity {
        let mut fields = Fields::new(item, errors);
        let source = fields.source(errors);
        let default = self.evidence(source.as_ref(), errors);
        let title = fields.text("title", errors);
        let person_field = match kind {
            EntityKind::Post => "holder",
            EntityKind::Member => "name",
            EntityKind::Body | EntityKind::Service => "",
        };
        let person = if person_field.is_empty() {
            None
        } else {
            fields.text(person_field, errors)
        };
        let portfolio = match kind {
            EntityKind::Member => fields.text("portfolio", errors),
            EntityKind::Post | EntityKind::Body | EntityKind::Service => None,
        };
        let note = fields.text("note", errors);
        let life = life_of(&mut fields, errors);
        let mut entity = Entity {
            key: item.name.text.clone(),
            kind,
            title,
            person,
            portfolio,
            life,
            roles: Vec::new(),
            functions: Vec::new(),
            body_kind: None,
            relations: Vec::new(),
            attributes: Vec::new(),
            other_functions: Some(false),
            note,
            span: item.name.span,
        };
        for field in fields.take_all("holds") {
            if !matches!(kind, EntityKind::Post | EntityKind::Member) {
                errors.push(CheckError::UnknownField {
                    item: item.kind,
                    field: "holds".to_owned(),
                    span: field.name.span,
                    suggestion: None,
                    allowed: Vec::new(),
                    run_on: None,
                });
            }
            for name in distinct(names_of(field, errors), errors) {
                let Some(role) = self.scope.roles.resolve(&name, errors) else {
                    continue;
                };
                if let Some(declared) = self.policy.role(role) {
                    if declared.holder != kind {
                        errors.push(CheckError::WrongHolder {
                            role: declared.key.clone(),
                            expected: declared.holder,
                            found: kind,
                            span: name.span,
                            role_span: Some(declared.span),
                        });
                        continue;
                    }
                }
                let stated = self.stated(role, name.span, field, &default, errors);
                if let Some(earlier) = entity
                    .roles
                    .iter()
                    .find(|other| other.value == role && other.during.surely_overlaps(stated.during))
                {
                    errors.push(CheckError::RepeatedValue {
                        value: name.text.clone(),
                        span: name.span,
                        first: earlier.origin.span,
                    });
                    continue;
                }
                entity.roles.push(stated);
            }
        }
        for field in fields.take_all("responsible_for") {
            let mut functions = Vec::new();
            for name in distinct(names_of(field, errors), errors) {
                functions.extend(self.scope.functions.resolve(&name, errors));
            }
            let stated = self.stated(functions, field.span, field, &default, errors);
            entity.functions.push(stated);
        }
        if kind == EntityKind::Body {
            if let Some(field) = fields.take("kind") {
                for name in names_of(field, errors).into_iter().take(1) {
                    if let Some(body_kind) = self.scope.body_kinds.resolve(&name, errors) {
                        entity.body_kind = Some(self.stated(body_kind, field.span, field, &default, errors));
                        // A kind of body the law abolished: none exists
                        // after the law's date, however undated the paper
                        // that describes it.
                        let ended = self.policy.body_kind(body_kind).and_then(|term| term.ended.as_ref());
                        if let (Some(ended), None) = (ended, entity.life.until) {
                            entity.life.until = Some(Boundary::On(ended.by));
                        }
                    }
                }
            }
        }
        if let Some(field) = fields.take("other_functions") {
            match field.values.as_slice() {
                [value] => match &value.kind {
                    ast::ValueKind::Bool(other) => entity.other_functions = Some(*other),
                    ast::ValueKind::Key(word) | ast::ValueKind::Str(word) if word == "unknown" => {
                        entity.other_functions = None;
                    }
                    ast::ValueKind::Key(word) | ast::ValueKind::Str(word) => errors.push(CheckError::NotOneOf {
                        field: "other_functions".to_owned(),
                        value: word.clone(),
                        allowed: vec!["no", "yes", "unknown"],
                        span: value.span,
                    }),
                    ast::ValueKind::Text(_) | ast::ValueKind::Date(_) | ast::ValueKind::Number(_) => {
                        errors.push(CheckError::WrongType {
                            field: "other_functions".to_owned(),
                            expected: Shape::YesNoUnknown,
                            span: value.span,
                            declared: None,
                        });
                    }
                },
                _ => errors.push(CheckError::WrongType {
                    field: "other_functions".to_owned(),
                    expected: Shape::YesNoUnknown,
                    span: field.span,
                    declared: None,
                }),
            }
        }
        for field in fields.rest() {
            let name = field.name.text.as_str();
            if let Some(relation) = self.scope.relations.get(name) {
                for line in fields.take_all(name) {
                    self.relation(&mut entity, relation, line, &default, errors);
                }
            } else if let Some(attribute) = self.scope.attributes.get(name) {
                for line in fields.take_all(name) {
                    self.attribute(&mut entity, attribute, line, &default, errors);
                }
            }
        }
        let mut known: Vec<&str> = vec!["title", "exists", "source", "note"];
        known.extend(match kind {
            EntityKind::Post => vec!["holder", "holds", "responsible_for", "other_functions"],
            EntityKind::Member => vec!["name", "portfolio", "holds", "responsible_for", "other_functions"],
            EntityKind::Body => vec!["kind"],
            EntityKind::Service => vec![],
        });
        known.extend(self.scope.relations.keys());
        known.extend(self.scope.attributes.keys());
        fields.finish(&known, errors);
        entity
    }

    fn relation(
        &self,
        entity: &mut Entity,
        relation: RelationId,
        field: &crate::syntax::ast::Field,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        let Some(declared) = self.policy.relation(relation) else {
            return;
        };
        if !declared.from.contains(&entity.kind) {
            errors.push(CheckError::WrongKind {
                expected: Needed::RelationFrom {
                    relation: declared.key.clone(),
                    kinds: declared.from.clone(),
                },
                found: Found::Entity {
                    name: entity.key.clone(),
                    kind: entity.kind,
                },
                span: field.name.span,
                declared: Some(declared.span),
            });
            return;
        }
        let mut targets = Vec::new();
        for name in names_of(field, errors) {
            let Some(target) = self.entities.resolve(&name, errors) else {
                continue;
            };
            let Some(target_kind) = self.kind_of(target) else {
                continue;
            };
            if declared.hierarchy && entity.kind == EntityKind::Post && target_kind == EntityKind::Member {
                errors.push(CheckError::ReportsToMember {
                    post: entity.key.clone(),
                    member: name.text.clone(),
                    span: name.span,
                    member_span: self
                        .kinds
                        .get(target.index())
                        .map_or(name.span, |(item, _)| item.name.span),
                });
                continue;
            }
            if !declared.to.contains(&target_kind) {
                errors.push(CheckError::WrongKind {
                    expected: Needed::RelationTo {
                        relation: declared.key.clone(),
                        kinds: declared.to.clone(),
                    },
                    found: Found::Entity {
                        name: name.text.clone(),
                        kind: target_kind,
                    },
                    span: name.span,
                    declared: self.kinds.get(target.index()).map(|(item, _)| item.name.span),
                });
                continue;
            }
            targets.push(target);
        }
        let stated = self.stated(targets, field.span, field, default, errors);
        entity.relations.push((relation, stated));
    }

    fn attribute(
        &self,
        entity: &mut Entity,
        attribute: AttributeId,
        field: &crate::syntax::ast::Field,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        let Some(declared) = self.policy.attribute(attribute) else {
            return;
        };
        if !declared.on.contains(&entity.kind) {
            errors.push(CheckError::WrongKind {
                expected: Needed::AttributeOn {
                    attribute: declared.key.clone(),
                    kinds: declared.on.clone(),
                },
                found: Found::Entity {
                    name: entity.key.clone(),
                    kind: entity.kind,
                },
                span: field.name.span,
                declared: Some(declared.span),
            });
            return;
        }
        let value = match field.values.as_slice() {
            [value] => typed(&value.kind, declared.value_type),
            _ => None,
        };
        match value {
            Some(value) => {
                let stated = self.stated(value, field.span, field, default, errors);
                if let Some((_, earlier)) = entity
                    .attributes
                    .iter()
                    .find(|(id, other)| *id == attribute && other.during.surely_overlaps(stated.during))
                {
                    errors.push(CheckError::RepeatedField {
                        field: declared.key.clone(),
                        span: field.name.span,
                        first: earlier.origin.span,
                    });
                    return;
                }
                entity.attributes.push((attribute, stated));
            }
            None => errors.push(CheckError::WrongType {
                field: declared.key.clone(),
                expected: Shape::Value(declared.value_type),
                span: field.values.first().map_or(field.span, |value| value.span),
                declared: Some(declared.span),
            }),
        }
    }

    fn event(&self, item: &Item, events: &Names<EventId>, errors: &mut Vec<CheckError>) -> Option<Event> {
        let kind = item.kind.event_kind()?;
        let time = item.time.as_ref();
        let date = EventDate {
            on: time.and_then(|time| time.on).and_then(|on| on.date),
            after: time
                .and_then(|time| time.after.as_ref())
                .and_then(|name| events.resolve(name, errors)),
        };
        let mut fields = Fields::new(item, errors);
        let source = fields.source(errors);
        let evidence = self.evidence(source.as_ref(), errors);
        let mut concerns = None;
        for word in ["post", "member"] {
            if let Some(name) = fields.name(word, errors) {
                if let Some(entity) = self.entities.resolve(&name, errors) {
                    let expected = if word == "post" {
                        EntityKind::Post
                    } else {
                        EntityKind::Member
                    };
                    match self.kind_of(entity) {
                        Some(found) if found != expected => errors.push(CheckError::WrongKind {
                            expected: Needed::Entity { kind: expected },
                            found: Found::Entity {
                                name: name.text.clone(),
                                kind: found,
                            },
                            span: name.span,
                            declared: self.kinds.get(entity.index()).map(|(item, _)| item.name.span),
                        }),
                        _ => concerns = Some(entity),
                    }
                }
            }
        }
        let mut roles = Vec::new();
        for name in distinct(fields.names("roles", errors).unwrap_or_default(), errors) {
            roles.extend(self.scope.roles.resolve(&name, errors));
        }
        let what = fields.text("what", errors);
        let by = self.actors(&mut fields, errors);
        let outcome = match kind {
            EventKind::Review => {
                if !fields.has("outcome") {
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
        };
        let outcome_basis = match item.entries.iter().find_map(|entry| match entry {
            Entry::Field(field) if field.name.text == "outcome" => Some(field),
            Entry::Field(_)
            | Entry::Rule(_)
            | Entry::Condition(_)
            | Entry::Words(_)
            | Entry::Tag(_)
            | Entry::Expect(_)
            | Entry::Edit(_) => None,
        }) {
            Some(field)
                if field
                    .qualifiers
                    .iter()
                    .any(|(qualifier, _)| *qualifier == Qualifier::Inferred) =>
            {
                Basis::Inferred
            }
            Some(_) | None => Basis::Stated,
        };
        let record = fields.text("record", errors).or(fields.text("judgement", errors));
        let responsibilities = match kind {
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
        };
        let note = fields.text("note", errors);
        let answers = match fields.name("answers", errors) {
            Some(name) => events.resolve(&name, errors),
            None => None,
        };
        let mut known = vec!["what", "by", "note", "source"];
        known.extend(match kind {
            EventKind::Appointment | EventKind::Designation => vec!["post", "member", "roles"],
            EventKind::Vacancy => vec!["post", "member", "roles"],
            EventKind::Change => vec!["post", "member", "responsibilities"],
            EventKind::Review => vec!["outcome", "record", "answers"],
            EventKind::Inspection => vec!["record", "judgement"],
        });
        fields.finish(&known, errors);
        Some(Event {
            key: item.name.text.clone(),
            kind,
            date,
            concerns,
            roles,
            what,
            by,
            outcome,
            outcome_basis,
            record,
            responsibilities,
            answers,
            note,
            origin: FactOrigin {
                span: time.map_or(item.name.span, |time| item.name.span.to(time.span)),
                evidence,
            },
        })
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
                ast::ValueKind::Text(text) => actors.push(Actor::Outside(text.clone())),
                ast::ValueKind::Str(text) if self.entities.get(text).is_none() => {
                    actors.push(Actor::Outside(text.clone()));
                }
                ast::ValueKind::Key(name) | ast::ValueKind::Str(name) => {
                    let written = ast::Name {
                        text: name.clone(),
                        span: value.span,
                    };
                    actors.extend(self.entities.resolve(&written, errors).map(Actor::Entity));
                }
                ast::ValueKind::Date(_) | ast::ValueKind::Number(_) | ast::ValueKind::Bool(_) => {
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

    fn answer(&self, item: &Item, errors: &mut Vec<CheckError>) -> Option<Answer> {
        let duty = self.scope.duties.resolve(&item.name, errors);
        let mut fields = Fields::new(item, errors);
        let source = fields.source(errors);
        let evidence = self.evidence(source.as_ref(), errors);
        let given = fields.date("given", errors);
        let by = fields.text("by", errors);
        let reference = fields.text("reference", errors);
        let asked = fields.text("asked", errors);
        let text = fields.required_text("text", errors);
        let against = self.against(&mut fields, errors);
        fields.finish(
            &["given", "by", "reference", "asked", "text", "against", "source"],
            errors,
        );
        rules_not_allowed(item, errors);
        Some(Answer {
            duty: duty?,
            given,
            by,
            reference,
            asked,
            text: text?,
            against,
            origin: FactOrigin {
                span: item.name.span,
                evidence,
            },
        })
    }

    /// `against KEY`: the edition or amendment whose words an answer or
    /// departure addressed.
    fn against(&self, fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Option<usize> {
        let name = fields.name("against", errors)?;
        let position = self.policy.editions.iter().position(|edition| edition.key == name.text);
        if position.is_none() {
            errors.push(CheckError::UnknownName {
                expected: NameKind::EditionOrAmendment,
                suggestion: suggest(
                    &name.text,
                    self.policy.editions.iter().map(|edition| edition.key.as_str()),
                ),
                name: name.text.clone(),
                span: name.span,
            });
        }
        position
    }

    fn departure(&self, item: &Item, errors: &mut Vec<CheckError>) -> Option<Departure> {
        let duty = self.scope.duties.resolve(&item.name, errors);
        let mut fields = Fields::new(item, errors);
        let source = fields.source(errors);
        let evidence = self.evidence(source.as_ref(), errors);
        let reasons = fields.required_text("reasons", errors);
        let approved_by = fields.text("approved_by", errors);
        let approved = fields.date("approved", errors);
        let review_by = fields.date("review_by", errors);
        let against = self.against(&mut fields, errors);
        fields.finish(
            &["reasons", "approved_by", "approved", "review_by", "against", "source"],
            errors,
        );
        rules_not_allowed(item, errors);
        let duty = duty?;
        if let Some(declared) = self.policy.duty(duty) {
            if !matches!(declared.modality, Modality::Should | Modality::ShouldNot) {
                errors.push(CheckError::DepartureFromMust {
                    duty: declared.key.clone(),
                    modality: declared.modality,
                    span: item.name.span,
                    duty_span: declared.span,
                });
                return None;
            }
        }
        Some(Departure {
            duty,
            reasons: reasons?,
            approved_by,
            approved,
            review_by,
            against,
            origin: FactOrigin {
                span: item.name.span,
                evidence,
            },
        })
    }
}

fn rules_not_allowed(item: &Item, errors: &mut Vec<CheckError>) {
    for entry in &item.entries {
        let span = match entry {
            Entry::Field(_) => continue,
            Entry::Rule(rule) => rule.span,
            Entry::Condition(condition) => condition.span,
            Entry::Words(words) => words.span,
            Entry::Tag(tag) => tag.span,
            Entry::Expect(_) | Entry::Edit(_) => {
                errors.extend(super::test_only(entry));
                continue;
            }
        };
        errors.push(CheckError::MisusedPredicate {
            problem: Misuse::FieldsOnly { item: item.kind },
            span,
        });
    }
}

/// Finds reporting lines that come back on themselves, and reports each
/// loop once, starting from its first-declared member, the loops in the
/// order of those members.
///
/// Only each entity's first stated line is followed, so every entity has
/// at most one successor and the loops are disjoint. One explicit walk
/// from each entity not yet visited, stopping at anything visited before,
/// visits each entity once: linear in the number of entities, where
/// following the whole line from every entity (checking the path so far
/// at each step) took over 20 s for a chain of 8,000 posts.
/// The first stated line of a relation, among those that surely hold on
/// `day` (all of them when `day` is `None`).
fn first_line(entity: &Entity, relation: RelationId, day: Option<Day>) -> Option<&Stated<Vec<EntityId>>> {
    entity
        .relations
        .iter()
        .filter(|(id, _)| *id == relation)
        .map(|(_, fact)| fact)
        .find(|fact| day.is_none_or(|day| entity.fact_at(*fact, day) == Holding::Yes))
}

fn reporting_loops(arrangement: &Arrangement, policy: &Policy, day: Option<Day>, errors: &mut Vec<CheckError>) {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Visit {
        New,
        /// On the walk that started at this entity.
        OnWalk(usize),
        Done,
    }
    for (relation_index, relation) in policy.relations.iter().enumerate() {
        if !relation.hierarchy {
            continue;
        }
        let relation_id = RelationId::from_index(relation_index);
        let next: Vec<Option<usize>> = arrangement
            .entities
            .iter()
            .map(|entity| {
                first_line(entity, relation_id, day)
                    .and_then(|fact| fact.value.first())
                    .map(|id| id.index())
            })
            .collect();
        let mut visits = vec![Visit::New; next.len()];
        let mut loops: Vec<Vec<usize>> = Vec::new();
        for start in 0..next.len() {
            let mut walk = Vec::new();
            let mut current = Some(start);
            while let Some(index) = current {
                match visits.get(index).copied() {
                    Some(Visit::New) => {
                        if let Some(visit) = visits.get_mut(index) {
                            *visit = Visit::OnWalk(start);
                        }
                        walk.push(index);
                        current = next.get(index).copied().flatten();
                    }
                    Some(Visit::OnWalk(walk_start)) if walk_start == start => {
                        // Back on this walk: from there on it is a loop.
                        let entered = walk.iter().position(|member| *member == index).unwrap_or(0);
                        let mut cycle = walk.get(entered..).unwrap_or_default().to_vec();
                        let first = cycle
                            .iter()
                            .enumerate()
                            .min_by_key(|(_, member)| **member)
                            .map_or(0, |(position, _)| position);
                        cycle.rotate_left(first);
                        loops.push(cycle);
                        current = None;
                    }
                    // Visited by an earlier walk, or not an entity.
                    _ => current = None,
                }
            }
            for index in walk {
                if let Some(visit) = visits.get_mut(index) {
                    *visit = Visit::Done;
                }
            }
        }
        loops.sort_by_key(|cycle| cycle.first().copied());
        for cycle in loops {
            let path: Vec<EntityId> = cycle.into_iter().map(EntityId::from_index).collect();
            let spans: Vec<Span> = path
                .iter()
                .filter_map(|id| arrangement.entity(*id))
                .filter_map(|entity| first_line(entity, relation_id, day))
                .map(|fact| fact.origin.span)
                .collect();
            let names = path
                .iter()
                .filter_map(|id| arrangement.entity(*id))
                .map(|entity| entity.key.clone())
                .collect();
            let already = errors
                .iter()
                .any(|error| matches!(error, CheckError::ReportingLoop { posts, .. } if *posts == names));
            if let (false, Some((last, others))) = (already, spans.split_last()) {
                errors.push(CheckError::ReportingLoop {
                    posts: names,
                    span: *last,
                    others: others.to_vec(),
                    on: day,
                });
            }
        }
    }
}

/// The period a field's line gives, refusing one that ends before it
/// begins.
fn period_of(written: Option<&ast::WrittenPeriod>, errors: &mut Vec<CheckError>) -> Period {
    let Some(written) = written else {
        return Period::ALWAYS;
    };
    let boundary = |date: Option<ast::DateValue>| {
        date.map(|value| match value.date {
            Some(date) => Boundary::On(date),
            None => Boundary::Unknown,
        })
    };
    let period = Period {
        from: boundary(written.from),
        until: boundary(written.until),
    };
    if period.is_reversed() {
        errors.push(CheckError::ReversedPeriod { span: written.span });
        return Period::ALWAYS;
    }
    period
}

/// An entity's life, from its `exists from … until …` line.
fn life_of(fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Period {
    match fields.take("exists") {
        Some(field) => period_of(field.period.as_ref(), errors),
        None => Period::ALWAYS,
    }
}

/// The names of a list, each once: a name given twice is reported.
fn distinct(names: Vec<ast::Name>, errors: &mut Vec<CheckError>) -> Vec<ast::Name> {
    let mut kept: Vec<ast::Name> = Vec::new();
    for name in names {
        match kept.iter().find(|earlier| earlier.text == name.text) {
            Some(earlier) => errors.push(CheckError::RepeatedValue {
                value: name.text.clone(),
                span: name.span,
                first: earlier.span,
            }),
            None => kept.push(name),
        }
    }
    kept
}

/// One day in each stretch of time between the dates at which any
/// reporting line or entity begins or ends, so that every arrangement of
/// lines that ever held is looked at; `None` stands for all time when
/// nothing is dated.
fn sample_days(arrangement: &Arrangement) -> Vec<Option<Day>> {
    let mut boundaries: Vec<PartialDate> = Vec::new();
    for entity in &arrangement.entities {
        boundaries.extend(entity.life.boundaries());
        for (_, fact) in &entity.relations {
            boundaries.extend(fact.during.boundaries());
        }
    }
    if boundaries.is_empty() {
        return vec![None];
    }
    boundaries.sort();
    boundaries.dedup();
    let mut days: Vec<Day> = Vec::new();
    for boundary in &boundaries {
        days.push(boundary.first_day().previous());
        days.push(boundary.last_day());
    }
    days.sort();
    days.dedup();
    days.into_iter().map(Some).collect()
}
