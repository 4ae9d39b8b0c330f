//! Checking a law: the role whose holders it concerns, what it settles
//! for them (an attribute and its value, typed by the attribute; or a
//! relation and where it leads), when it settles it (its conditions), the
//! statute and the paragraphs that state it.

use super::rules::{condition, law_target};
use super::{citations, Scope};
use crate::check::error::{CheckError, Found, Misuse, Needed, Shape};
use crate::check::fields::{typed, Fields};
use crate::model::*;
use crate::source::SourceMap;
use crate::syntax::ast::{self, Entry, Item};

/// The fields of a law, each `None` where missing or not resolved.
struct LawFields<'a> {
    title: Option<String>,
    statute: Option<String>,
    /// Resolved once the entries are checked.
    cites: Option<&'a ast::Field>,
    role: Option<RoleId>,
    /// An attribute or a relation, by name.
    sets: Option<ast::Name>,
    value: Option<&'a ast::Field>,
}

/// Checks a `law` item into the policy's next law, unless a field it
/// needs is missing or wrong.
pub(super) fn law(
    item: &Item,
    edition: usize,
    policy: &mut Policy,
    scope: &Scope,
    sources: &SourceMap,
    errors: &mut Vec<CheckError>,
) {
    let fields = law_fields(item, scope, errors);
    let conditions = conditions(item, policy, scope, sources, errors);
    let (cites, citations) = citations(fields.cites, item, scope, errors);
    let (Some(title), Some(statute), Some(role), Some(sets), Some(value_field)) =
        (fields.title, fields.statute, fields.role, fields.sets, fields.value)
    else {
        return;
    };
    let Some(settles) = settled(policy, scope, role, &sets, value_field, errors) else {
        return;
    };
    policy.laws.push(Law {
        key: item.name.text.to_string(),
        title,
        statute,
        cites,
        citations,
        role,
        settles,
        conditions,
        // Set once every law is read (see `families`).
        family: LawId::from_index(policy.laws.len()),
        edition,
        span: item.name.span,
    });
}

/// A law's conditions; a rule, tag or `words` is not for a law.
fn conditions(
    item: &Item,
    policy: &Policy,
    scope: &Scope,
    sources: &SourceMap,
    errors: &mut Vec<CheckError>,
) -> Vec<Condition> {
    let mut conditions = Vec::new();
    for entry in &item.entries {
        let span = match entry {
            Entry::Condition(written) => {
                conditions.extend(condition(written, policy, scope, sources, errors));
                continue;
            }
            Entry::Field(_) => continue,
            Entry::Expect(_) | Entry::Edit(_) => {
                errors.extend(crate::check::test_only(entry));
                continue;
            }
            Entry::Rule(rule) => rule.span,
            Entry::Tag(tag) => tag.span,
            Entry::Words(words) => words.span,
        };
        errors.push(CheckError::MisusedPredicate {
            problem: Misuse::FieldsOnly { item: item.kind },
            span,
        });
    }
    conditions
}

/// Reads a law's fields, its role resolved.
fn law_fields<'a>(item: &'a Item, scope: &Scope, errors: &mut Vec<CheckError>) -> LawFields<'a> {
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors);
    let statute = fields.required_text("statute", errors);
    let cites = fields.take("cites");
    let role = match fields.name("holder", errors) {
        Some(name) => scope.roles.resolve(&name, errors),
        None => {
            errors.push(fields.missing("holder"));
            None
        }
    };
    let sets = fields.name("sets", errors);
    if sets.is_none() {
        errors.push(fields.missing("sets"));
    }
    let value = fields.take("value");
    if value.is_none() {
        errors.push(fields.missing("value"));
    }
    fields.finish(&["title", "statute", "cites", "holder", "sets", "value"], errors);
    LawFields {
        title,
        statute,
        cites,
        role,
        sets,
        value,
    }
}

/// What a law settles: an attribute (`sets politically_restricted value
/// yes`) or a relation (`sets accountable_to value Leader`), either one
/// the role's holders can have.
fn settled(
    policy: &Policy,
    scope: &Scope,
    role: RoleId,
    sets: &ast::Name,
    value_field: &ast::Field,
    errors: &mut Vec<CheckError>,
) -> Option<Settled> {
    if let Some(relation) = scope.relations.get(&sets.text) {
        return settled_relation(policy, scope, role, relation, value_field, errors);
    }
    let attribute = scope.attributes.resolve(sets, errors)?;
    let value = settled_value(policy, role, attribute, value_field, errors)?;
    Some(Settled::Attribute { attribute, value })
}

/// A relation a law settles: it starts from the role's holders and leads
/// to the role or kind of body named as its value.
fn settled_relation(
    policy: &Policy,
    scope: &Scope,
    role: RoleId,
    relation: RelationId,
    value_field: &ast::Field,
    errors: &mut Vec<CheckError>,
) -> Option<Settled> {
    let (declared_role, declared) = (policy.role(role)?, policy.relation(relation)?);
    if !declared.from.contains(&declared_role.holder) {
        errors.push(CheckError::WrongKind {
            expected: Needed::RelationFrom {
                relation: declared.key.clone(),
                kinds: declared.from.clone(),
            },
            found: Found::Role {
                name: declared_role.key.clone(),
                holder: declared_role.holder,
            },
            span: value_field.name.span,
            declared: Some(declared.span),
        });
        return None;
    }
    let name = match value_field.values.as_slice() {
        [value] => match &value.kind {
            ast::ValueKind::Key(name) | ast::ValueKind::Str(name) => Some(ast::Name {
                text: name.clone(),
                span: value.span,
            }),
            ast::ValueKind::Text(_)
            | ast::ValueKind::Date(_)
            | ast::ValueKind::Number(_)
            | ast::ValueKind::Bool(_)
            | ast::ValueKind::When(_) => None,
        },
        _ => None,
    };
    let Some(name) = name else {
        errors.push(CheckError::WrongType {
            field: "value".to_owned(),
            expected: Shape::OneName,
            span: value_field.values.first().map_or(value_field.span, |value| value.span),
            declared: Some(declared.span),
        });
        return None;
    };
    let target = law_target(policy, scope, relation, &name, errors)?;
    Some(Settled::Relation { relation, target })
}

/// The value a law sets: one value of the attribute's type, the attribute
/// one the role's holders can have.
fn settled_value(
    policy: &Policy,
    role: RoleId,
    attribute: AttributeId,
    value_field: &ast::Field,
    errors: &mut Vec<CheckError>,
) -> Option<TypedValue> {
    let (declared_role, declared) = (policy.role(role)?, policy.attribute(attribute)?);
    if !declared.on.contains(&declared_role.holder) {
        errors.push(CheckError::WrongKind {
            expected: Needed::AttributeOn {
                attribute: declared.key.clone(),
                kinds: declared.on.clone(),
            },
            found: Found::Role {
                name: declared_role.key.clone(),
                holder: declared_role.holder,
            },
            span: value_field.name.span,
            declared: Some(declared.span),
        });
        return None;
    }
    let value = match value_field.values.as_slice() {
        [value] => typed(&value.kind, declared.value_type),
        _ => None,
    };
    if value.is_none() {
        errors.push(CheckError::WrongType {
            field: "value".to_owned(),
            expected: Shape::OneValue(declared.value_type),
            span: value_field.values.first().map_or(value_field.span, |value| value.span),
            declared: Some(declared.span),
        });
    }
    value
}
