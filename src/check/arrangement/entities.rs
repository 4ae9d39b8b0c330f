//! A council's posts, members, bodies and services: the roles they hold,
//! the functions they are responsible for, their relations and
//! attributes, each a fact with its period and origin.

use super::organisations::{ORGANISATION_FIELDS, POST_FIELDS, SERVICE_FIELDS};
use super::{distinct, Context};
use crate::check::error::{CheckError, Found, Needed, Shape};
use crate::check::fields::{line_text, names_of, typed, Fields};
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::{self, EntityKind, Item};
use thin_vec::ThinVec;

impl Context<'_> {
    /// Reads every entity declared, in order; one declared in a shared
    /// file gets what follows from its being shared.
    pub(super) fn read_entities(
        &self,
        sharing: &[Option<Span>],
        arrangement: &mut Arrangement,
        errors: &mut Vec<CheckError>,
    ) {
        // Sized once, as the syntax tree's items are: growing by doubling
        // leaves the freed halves resident.
        arrangement.entities.reserve_exact(self.kinds.len());
        for ((item, kind), reference) in self.kinds.iter().zip(sharing) {
            let id = EntityId::from_index(arrangement.entities.len());
            let mut entity = self.entity(id, item, *kind, errors);
            if let Some(reference) = reference {
                self.follows_from_sharing(&mut entity, *reference);
            }
            arrangement.entities.push(entity);
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

    fn entity(&self, id: EntityId, item: &Item, kind: EntityKind, errors: &mut Vec<CheckError>) -> Entity {
        let mut fields = Fields::new(item, errors);
        let source = fields.source(errors);
        let default = self.evidence(source.as_ref(), errors);
        let mut described: Vec<(&ast::Field, Described)> = Vec::new();
        let shared_titles = fields.take_all("title");
        // A shared entity the council's own file re-opens takes the
        // council's own title (and only that) from there.
        let view = self
            .views
            .get(item.name.text.as_str())
            .filter(|view| !std::ptr::eq(**view, item));
        let titles = match view {
            Some(view) => {
                let mut own = Fields::new(view, errors);
                let titles = own.take_all("title");
                own.finish(&["title"], errors);
                if titles.is_empty() {
                    shared_titles
                } else {
                    titles
                }
            }
            None => shared_titles,
        };
        for field in titles {
            described.extend(line_text(field, errors).map(|title| (field, Described::Title(title))));
        }
        let person_field = match kind {
            EntityKind::Post => Some("holder"),
            EntityKind::Member => Some("name"),
            EntityKind::Body | EntityKind::Service | EntityKind::Organisation => None,
        };
        for field in person_field.map(|name| fields.take_all(name)).unwrap_or_default() {
            described.extend(line_text(field, errors).map(|person| (field, Described::Person(person))));
        }
        for field in fields.take_all("other_functions") {
            described.extend(other_functions(field, errors).map(|other| (field, Described::OtherFunctions(other))));
        }
        let portfolio = match kind {
            EntityKind::Member => fields.text("portfolio", errors),
            EntityKind::Post | EntityKind::Body | EntityKind::Service | EntityKind::Organisation => None,
        };
        let note = fields.text("note", errors);
        let (life, life_lines) = self.life(fields.take_all("exists"), id, &default, errors);
        let mut entity = Entity {
            key: item.name.text.clone(),
            kind,
            title: None,
            person: None,
            portfolio,
            life,
            life_lines,
            roles: ThinVec::new(),
            turns: ThinVec::new(),
            functions: ThinVec::new(),
            body_kind: None,
            relations: ThinVec::new(),
            attributes: ThinVec::new(),
            other_functions: Some(false),
            described: ThinVec::new(),
            organisation_ties: None,
            note,
            span: item.name.span,
        };
        for field in fields.take_all("holds") {
            self.holds(id, item, field, &mut entity, &default, errors);
        }
        for field in fields.take_all("responsible_for") {
            let mut functions = Vec::new();
            for name in distinct(names_of(field, errors), errors) {
                functions.extend(self.scope.functions.resolve(&name, errors));
            }
            let line = Line::Functions(entity.functions.len());
            let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
            let stated = self.stated(functions, field.span, field, during, &default, errors);
            entity.functions.push(stated);
        }
        if kind == EntityKind::Body {
            if let Some(field) = fields.take("kind") {
                self.body_kind(id, field, &mut entity, &default, errors);
            }
        }
        self.describe(id, &mut entity, described, &default, errors);
        self.ties(id, &mut fields, &mut entity, &default, errors);
        self.relations_and_attributes(id, &mut fields, &mut entity, &default, errors);
        fields.finish(&self.entity_fields(kind), errors);
        // Kept for the whole run, one for each of a council's posts, which
        // may be many: no room for lines an entity does not have.
        entity.life_lines.shrink_to_fit();
        entity.roles.shrink_to_fit();
        entity.functions.shrink_to_fit();
        entity.relations.shrink_to_fit();
        entity.attributes.shrink_to_fit();
        entity.described.shrink_to_fit();
        entity
    }

    /// The fields an entity of a kind has: its own, and each relation and
    /// attribute of the policy.
    fn entity_fields(&self, kind: EntityKind) -> Vec<&str> {
        let mut known: Vec<&str> = vec!["title", "exists", "source", "note"];
        known.extend(match kind {
            EntityKind::Post => {
                let mut own = vec!["holder", "holds", "responsible_for", "other_functions"];
                own.extend(POST_FIELDS);
                own
            }
            EntityKind::Member => vec!["name", "portfolio", "holds", "responsible_for", "other_functions"],
            EntityKind::Body => vec!["kind"],
            EntityKind::Service => SERVICE_FIELDS.to_vec(),
            EntityKind::Organisation => ORGANISATION_FIELDS.to_vec(),
        });
        known.extend(self.scope.relations.keys());
        known.extend(self.scope.attributes.keys());
        known
    }

    /// A `holds` line: roles of the entity's kind of holder, none held
    /// twice at once.
    fn holds(
        &self,
        id: EntityId,
        item: &Item,
        field: &ast::Field,
        entity: &mut Entity,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        let kind = entity.kind;
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
        // One line, one period: the roles it lists began (and stopped)
        // together.
        let line = Line::Role(entity.roles.len());
        let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
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
            let stated = self.stated(role, name.span, field, during, default, errors);
            if let Some(turns) = &field.turns {
                entity.turns.push(Turn {
                    line: entity.roles.len(),
                    pattern: turns.pattern.clone(),
                });
            }
            entity.roles.push(stated);
        }
    }

    /// A body's `kind`: its first name only.
    fn body_kind(
        &self,
        id: EntityId,
        field: &ast::Field,
        entity: &mut Entity,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        for name in names_of(field, errors).into_iter().take(1) {
            if let Some(body_kind) = self.scope.body_kinds.resolve(&name, errors) {
                let during = self.period(field, |end| Owner::Fact {
                    entity: id,
                    line: Line::BodyKind,
                    end,
                });
                entity.body_kind = Some(Box::new(
                    self.stated(body_kind, field.span, field, during, default, errors),
                ));
                // A kind of body the law abolished: none exists after the
                // law's date, however undated the paper that describes it.
                let ended = self.policy.body_kind(body_kind).and_then(|term| term.ended.as_ref());
                if let (Some(ended), None) = (ended, entity.life.until) {
                    entity.life.until = Some(self.dates.not_written(
                        Some(ended.by),
                        Owner::Life {
                            entity: id,
                            end: End::Stop,
                        },
                        field.span,
                    ));
                }
            }
        }
    }

    /// The fields named after a relation or attribute of the policy, every
    /// line of each.
    fn relations_and_attributes(
        &self,
        id: EntityId,
        fields: &mut Fields<'_>,
        entity: &mut Entity,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        for field in fields.rest() {
            let name = field.name.text.as_str();
            if let Some(relation) = self.scope.relations.get(name) {
                for line in fields.take_all(name) {
                    self.relation(id, entity, relation, line, default, errors);
                }
            } else if let Some(attribute) = self.scope.attributes.get(name) {
                for line in fields.take_all(name) {
                    self.attribute(id, entity, attribute, line, default, errors);
                }
            }
        }
    }

    fn relation(
        &self,
        id: EntityId,
        entity: &mut Entity,
        relation: RelationId,
        field: &ast::Field,
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
                    name: entity.key.to_string(),
                    kind: entity.kind,
                },
                span: field.name.span,
                declared: Some(declared.span),
            });
            return;
        }
        let mut targets = Vec::new();
        for name in names_of(field, errors) {
            targets.extend(self.relation_target(entity, declared, &name, errors));
        }
        let line = Line::Relation(entity.relations.len());
        let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
        let stated = self.stated(targets, field.span, field, during, default, errors);
        entity.relations.push((relation, stated));
    }

    /// One entity a relation leads to, of a kind it may lead to; a post
    /// never reports to a member.
    fn relation_target(
        &self,
        entity: &Entity,
        declared: &Relation,
        name: &ast::Name,
        errors: &mut Vec<CheckError>,
    ) -> Option<EntityId> {
        let target = self.entities.resolve(name, errors)?;
        let target_kind = self.kind_of(target)?;
        if declared.hierarchy && entity.kind == EntityKind::Post && target_kind == EntityKind::Member {
            errors.push(CheckError::ReportsToMember {
                post: entity.key.to_string(),
                member: name.text.to_string(),
                span: name.span,
                member_span: self
                    .kinds
                    .get(target.index())
                    .map_or(name.span, |(item, _)| item.name.span),
            });
            return None;
        }
        if !declared.to.contains(&target_kind) {
            errors.push(CheckError::WrongKind {
                expected: Needed::RelationTo {
                    relation: declared.key.clone(),
                    kinds: declared.to.clone(),
                },
                found: Found::Entity {
                    name: name.text.to_string(),
                    kind: target_kind,
                },
                span: name.span,
                declared: self.kinds.get(target.index()).map(|(item, _)| item.name.span),
            });
            return None;
        }
        Some(target)
    }

    fn attribute(
        &self,
        id: EntityId,
        entity: &mut Entity,
        attribute: AttributeId,
        field: &ast::Field,
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
                    name: entity.key.to_string(),
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
                let line = Line::Attribute(entity.attributes.len());
                let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
                let stated = self.stated(value, field.span, field, during, default, errors);
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

    /// Its title, holder's name and `other_functions` lines, each dated as
    /// written; the entity's own `title`, `person` and `other_functions`
    /// are an undated line's value, else the last line's, until the
    /// arrangement is settled as at a date.
    fn describe(
        &self,
        id: EntityId,
        entity: &mut Entity,
        lines: Vec<(&ast::Field, Described)>,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) {
        for (field, value) in lines {
            let line = Line::Described(entity.described.len());
            let during = self.period(field, |end| Owner::Fact { entity: id, line, end });
            entity
                .described
                .push(self.stated(value, field.span, field, during, default, errors));
        }
        let value_of = |wanted: &Described| {
            let mut lines = entity.described.iter().filter(|line| line.value.same_fact(wanted));
            let undated = lines.clone().find(|line| line.during.is_always());
            undated.or(lines.next_back()).map(|line| line.value.clone())
        };
        if let Some(Described::Title(title)) = value_of(&Described::Title(String::new())) {
            entity.title = Some(title);
        }
        if let Some(Described::Person(person)) = value_of(&Described::Person(String::new())) {
            entity.person = Some(person);
        }
        if let Some(Described::OtherFunctions(other)) = value_of(&Described::OtherFunctions(None)) {
            entity.other_functions = other;
        }
    }

    /// When an entity existed: its `exists` lines, each giving one end or
    /// both (`exists from 2033-10 inferred per minute`, `exists until
    /// 2035-09-01 per notice`), each with its own evidence and basis. An
    /// end given twice is E0109.
    fn life(
        &self,
        lines: Vec<&ast::Field>,
        id: EntityId,
        default: &Option<EvidenceRef>,
        errors: &mut Vec<CheckError>,
    ) -> (Period, ThinVec<Stated<()>>) {
        let mut life = Period::ALWAYS;
        let mut stated = ThinVec::new();
        let mut first: [Option<Span>; 2] = [None, None];
        for field in lines {
            let read = self.period(field, |end| Owner::Life { entity: id, end });
            stated.push(self.stated((), field.name.span, field, read, default, errors));
            for (end, slot, given) in [(read.from, &mut life.from, 0), (read.until, &mut life.until, 1)] {
                let Some(instant) = end else {
                    continue;
                };
                match first.get(given).copied().flatten() {
                    Some(earlier) => errors.push(CheckError::RepeatedField {
                        field: "exists".to_owned(),
                        span: field.name.span,
                        first: earlier,
                    }),
                    None => {
                        *slot = Some(instant);
                        if let Some(place) = first.get_mut(given) {
                            *place = Some(field.span);
                        }
                    }
                }
            }
        }
        (life, stated)
    }
}

/// `other_functions yes`, `no` or `unknown` (`Some(None)`).
fn other_functions(field: &ast::Field, errors: &mut Vec<CheckError>) -> Option<Option<bool>> {
    let wrong_type = |span| CheckError::WrongType {
        field: "other_functions".to_owned(),
        expected: Shape::YesNoUnknown,
        span,
        declared: None,
    };
    let [value] = field.values.as_slice() else {
        errors.push(wrong_type(field.span));
        return None;
    };
    match &value.kind {
        ast::ValueKind::Bool(other) => Some(Some(*other)),
        ast::ValueKind::Key(word) | ast::ValueKind::Str(word) if word == "unknown" => Some(None),
        ast::ValueKind::Key(word) | ast::ValueKind::Str(word) => {
            errors.push(CheckError::NotOneOf {
                field: "other_functions".to_owned(),
                value: word.to_string(),
                allowed: vec!["no", "yes", "unknown"],
                span: value.span,
            });
            None
        }
        ast::ValueKind::Text(_) | ast::ValueKind::Date(_) | ast::ValueKind::Number(_) | ast::ValueKind::When(_) => {
            errors.push(wrong_type(value.span));
            None
        }
    }
}
