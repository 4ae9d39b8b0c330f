//! Checking a law: the role whose holders it concerns, the attribute it
//! settles and the value, typed by the attribute; the statute and the
//! paragraphs that state it.

use super::{citations, Scope};
use crate::check::error::{CheckError, Found, Needed, Shape};
use crate::check::fields::{typed, Fields};
use crate::model::*;
use crate::syntax::ast::{self, Item};

/// The fields of a law, each `None` where missing or not resolved.
struct LawFields<'a> {
    title: Option<String>,
    statute: Option<String>,
    /// Resolved once the entries are checked.
    cites: Option<&'a ast::Field>,
    role: Option<RoleId>,
    attribute: Option<AttributeId>,
    value: Option<&'a ast::Field>,
}

/// Checks a `law` item into the policy's next law, unless a field it
/// needs is missing or wrong.
pub(super) fn law(item: &Item, edition: usize, policy: &mut Policy, scope: &Scope, errors: &mut Vec<CheckError>) {
    let fields = law_fields(item, scope, errors);
    crate::check::fields_only(item, errors);
    let cites = citations(fields.cites, item, scope, errors);
    let (Some(title), Some(statute), Some(role), Some(attribute), Some(value_field)) = (
        fields.title,
        fields.statute,
        fields.role,
        fields.attribute,
        fields.value,
    ) else {
        return;
    };
    let Some(value) = settled_value(policy, role, attribute, value_field, errors) else {
        return;
    };
    policy.laws.push(Law {
        key: item.name.text.clone(),
        title,
        statute,
        cites,
        role,
        attribute,
        value,
        // Set once every law is read (see `families`).
        family: LawId::from_index(policy.laws.len()),
        edition,
        span: item.name.span,
    });
}

/// Reads a law's fields, its role and attribute resolved.
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
    let attribute = match fields.name("sets", errors) {
        Some(name) => scope.attributes.resolve(&name, errors),
        None => {
            errors.push(fields.missing("sets"));
            None
        }
    };
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
        attribute,
        value,
    }
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
