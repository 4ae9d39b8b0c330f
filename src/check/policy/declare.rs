//! The first pass over a policy chain: every declaration gets its id, so
//! later items can refer to earlier and later ones alike. Vocabulary is
//! read whole here; paragraphs, duties, questions and laws only have
//! their keys accepted, to be checked once every name is declared.

use std::collections::BTreeSet;

use super::{Pending, Provision, Scope, Unit};
use crate::check::error::{CheckError, FileKind, NameKind, Shape};
use crate::check::fields::{typed, Fields};
use crate::model::*;
use crate::syntax::ast::{EntityKind, Item, ItemKind, Place};

/// The keys one file has given a new version: an amendment may give a
/// paragraph, duty or law one new version, and a second in the same file
/// is a repeated key.
struct Versions<'a> {
    /// Whether the file is an amendment.
    amending: bool,
    /// The kind and key of each new version given so far.
    versioned: BTreeSet<(&'static str, &'a str)>,
}

impl<'a> Versions<'a> {
    /// Whether an item of an already known key is a new version: in an
    /// amendment, the first of its key in the file.
    fn new_version(&mut self, kind: &'static str, key: &'a str) -> bool {
        self.amending && self.versioned.insert((kind, key))
    }
}

/// First pass: every declaration gets its id, so later items can refer to
/// earlier and later ones alike.
pub(super) fn declare<'a>(
    unit: &Unit<'a>,
    policy: &mut Policy,
    scope: &mut Scope,
    pending: &mut Pending<'a>,
    errors: &mut Vec<CheckError>,
) {
    let mut versions = Versions {
        amending: unit.header.kind == ItemKind::Amendment,
        versioned: BTreeSet::new(),
    };
    let local = unit.header.kind == ItemKind::LocalPolicy;
    for item in unit.items {
        if local && national_name_taken(item, policy, scope, errors) {
            continue;
        }
        match item.kind {
            ItemKind::Guidance | ItemKind::LocalPolicy | ItemKind::Amendment => {}
            ItemKind::Document => declare_document(item, policy, scope, errors),
            ItemKind::Role => role(item, policy, scope, pending, errors),
            ItemKind::Function => function(item, policy, scope, errors),
            ItemKind::BodyKind => body_kind(item, policy, scope, errors),
            ItemKind::Relation => relation(item, policy, scope, errors),
            ItemKind::Attribute => attribute(item, policy, scope, errors),
            ItemKind::TagKey => tag_key(item, policy, scope, errors),
            ItemKind::Paragraph => paragraph_key(item, scope, &mut versions, errors),
            ItemKind::Duty | ItemKind::Question => duty_key(item, scope, &mut versions, errors),
            ItemKind::Law => law_key(item, scope, &mut versions, errors),
            // Every other kind by where it is written: each of the
            // guidance's is declared above.
            other => match other.place() {
                Place::Arrangements | Place::Tests => errors.push(CheckError::Misplaced {
                    item: other,
                    file_kind: FileKind::Guidance,
                    span: item.span,
                }),
                Place::Policy | Place::Either => {}
            },
        }
    }
}

/// Whether a local policy's vocabulary item takes a name the national
/// vocabulary (the guidance, the law beside it, their amendments) already
/// declares, of any kind (E0151): a council's own role may not be read as
/// the guidance's, nor shadow it. Two local policies' names are E0102, as
/// any name declared twice.
fn national_name_taken(item: &Item, policy: &Policy, scope: &Scope, errors: &mut Vec<CheckError>) -> bool {
    let Some(kind) = vocabulary_name_kind(item.kind) else {
        return false;
    };
    let name = item.name.text.as_str();
    let declared = [
        (NameKind::Role, scope.roles.declared_at(name)),
        (NameKind::Function, scope.functions.declared_at(name)),
        (NameKind::BodyKind, scope.body_kinds.declared_at(name)),
        (NameKind::Relation, scope.relations.declared_at(name)),
        (NameKind::Attribute, scope.attributes.declared_at(name)),
        (NameKind::TagKey, scope.tag_keys.declared_at(name)),
    ];
    let national = declared.into_iter().find_map(|(first_kind, span)| {
        let span = span?;
        let edition = policy.editions.iter().find(|edition| edition.file == span.file)?;
        (!edition.is_local()).then(|| (first_kind, span, edition.key.clone()))
    });
    match national {
        Some((first_kind, first, edition)) => {
            errors.push(CheckError::NationalName {
                kind,
                name: name.to_owned(),
                span: item.name.span,
                first_kind,
                first,
                edition,
            });
            true
        }
        None => false,
    }
}

/// The namespace a vocabulary item declares its name in; `None` for an
/// item that is not vocabulary.
fn vocabulary_name_kind(kind: ItemKind) -> Option<NameKind> {
    let vocabulary = kind.vocabulary()?;
    Some(match vocabulary {
        VocabularyKind::Role => NameKind::Role,
        VocabularyKind::Function => NameKind::Function,
        VocabularyKind::BodyKind => NameKind::BodyKind,
        VocabularyKind::Relation => NameKind::Relation,
        VocabularyKind::Attribute => NameKind::Attribute,
        VocabularyKind::TagKey => NameKind::TagKey,
    })
}

/// Declares and reads a document of the guidance.
fn declare_document(item: &Item, policy: &mut Policy, scope: &mut Scope, errors: &mut Vec<CheckError>) {
    let id = DocumentId::from_index(policy.documents.len());
    if scope.documents.declare(&item.name.text, id, item.name.span, errors) {
        policy.documents.push(document(item, errors));
    }
}

/// The fields of a `document`, in guidance and arrangements alike.
pub const DOCUMENT_FIELDS: [&str; 5] = ["title", "date", "address", "seed", "note"];

/// Reads a `document` item (also used by arrangements).
pub fn document(item: &Item, errors: &mut Vec<CheckError>) -> Document {
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors).unwrap_or_default();
    let date = fields.date("date", errors);
    let address = fields.text("address", errors);
    let seed = fields.text("seed", errors);
    let note = fields.text("note", errors);
    fields.finish(&DOCUMENT_FIELDS, errors);
    Document {
        key: item.name.text.to_string(),
        title,
        date,
        address,
        seed,
        note,
        span: item.name.span,
    }
}

/// Declares and reads a role; its remit waits for every function.
fn role<'a>(
    item: &'a Item,
    policy: &mut Policy,
    scope: &mut Scope,
    pending: &mut Pending<'a>,
    errors: &mut Vec<CheckError>,
) {
    let name = item.name.text.as_str();
    let id = RoleId::from_index(policy.roles.len());
    if !scope.roles.declare(name, id, item.name.span, errors) {
        return;
    }
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
    let holder = match fields.one_of("held_by", &["post", "member"], errors) {
        Some("member") => EntityKind::Member,
        Some(_) => EntityKind::Post,
        None => {
            errors.push(fields.missing("held_by"));
            EntityKind::Post
        }
    };
    let statute = fields.text("statute", errors);
    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
    let principal = fields.boolean("principal", errors).unwrap_or(false);
    // Functions may be declared after the role: the remit is resolved
    // once every name is declared.
    if let Some(field) = fields.take("remit") {
        pending.remits.push((id, field));
    }
    fields.finish(
        &["title", "held_by", "statute", "remit", "principal", "descriptive"],
        errors,
    );
    policy.roles.push(Role {
        key: name.to_owned(),
        title,
        holder,
        statute,
        remit: Vec::new(),
        principal,
        descriptive,
        span: item.name.span,
    });
}

/// A function's or kind of body's fields are read before its name is
/// declared, so that they are checked even when the name is repeated.
fn function(item: &Item, policy: &mut Policy, scope: &mut Scope, errors: &mut Vec<CheckError>) {
    let term = term(item, errors);
    let id = FunctionId::from_index(policy.functions.len());
    if scope.functions.declare(&item.name.text, id, item.name.span, errors) {
        policy.functions.push(term);
    }
}

/// See [`function`].
fn body_kind(item: &Item, policy: &mut Policy, scope: &mut Scope, errors: &mut Vec<CheckError>) {
    let term = term(item, errors);
    let id = BodyKindId::from_index(policy.body_kinds.len());
    if scope.body_kinds.declare(&item.name.text, id, item.name.span, errors) {
        policy.body_kinds.push(term);
    }
}

/// A function or a kind of body: a title, and for a kind of body the law
/// that ended it, if one did.
fn term(item: &Item, errors: &mut Vec<CheckError>) -> Term {
    let name = item.name.text.as_str();
    let body_kind = item.kind == ItemKind::BodyKind;
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
    let ended = if body_kind { ended(&mut fields, errors) } else { None };
    fields.finish(
        if body_kind {
            &["title", "descriptive", "ended", "ended_by"]
        } else {
            &["title", "descriptive"]
        },
        errors,
    );
    Term {
        key: name.to_owned(),
        title,
        ended,
        descriptive,
        span: item.name.span,
    }
}

/// A kind of body's `ended` and `ended_by`: each needs the other.
fn ended(fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Option<Ended> {
    let by = fields.date("ended", errors);
    let law = fields.text("ended_by", errors);
    match (by, law) {
        (Some(by), Some(law)) => Some(Ended { by, law }),
        (Some(_), None) => {
            errors.push(fields.missing("ended_by"));
            None
        }
        (None, Some(_)) => {
            errors.push(fields.missing("ended"));
            None
        }
        (None, None) => None,
    }
}

/// Declares and reads a relation: from and to which kinds of entity.
fn relation(item: &Item, policy: &mut Policy, scope: &mut Scope, errors: &mut Vec<CheckError>) {
    let name = item.name.text.as_str();
    let id = RelationId::from_index(policy.relations.len());
    if !scope.relations.declare(name, id, item.name.span, errors) {
        return;
    }
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
    let from = entity_kinds(&mut fields, "from", errors);
    let to = entity_kinds(&mut fields, "to", errors);
    let hierarchy = fields.boolean("hierarchy", errors).unwrap_or(false);
    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
    fields.finish(&["title", "from", "to", "hierarchy", "descriptive"], errors);
    policy.relations.push(Relation {
        key: name.to_owned(),
        title,
        from,
        to,
        hierarchy,
        descriptive,
        span: item.name.span,
    });
}

/// A field listing kinds of entity, which the item needs.
fn entity_kinds(fields: &mut Fields<'_>, name: &'static str, errors: &mut Vec<CheckError>) -> Vec<EntityKind> {
    let Some(words) = fields.names(name, errors) else {
        errors.push(fields.missing(name));
        return Vec::new();
    };
    let mut kinds = Vec::new();
    for word in words {
        match EntityKind::from_word(&word.text) {
            Some(kind) => kinds.push(kind),
            None => errors.push(CheckError::NotOneOf {
                field: name.to_owned(),
                value: word.text.to_string(),
                allowed: vec!["post", "member", "body", "service", "organisation"],
                span: word.span,
            }),
        }
    }
    kinds
}

/// The fields an attribute has.
const ATTRIBUTE_FIELDS: [&str; 9] = [
    "title",
    "on",
    "type",
    "default",
    "default_basis",
    "when_shared",
    "when_seconded",
    "marks_change",
    "descriptive",
];

/// Declares and reads an attribute: its type, on which kinds of entity,
/// and any default with its basis.
fn attribute(item: &Item, policy: &mut Policy, scope: &mut Scope, errors: &mut Vec<CheckError>) {
    let name = item.name.text.as_str();
    let id = AttributeId::from_index(policy.attributes.len());
    if !scope.attributes.declare(name, id, item.name.span, errors) {
        return;
    }
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
    let on = entity_kinds(&mut fields, "on", errors);
    let value_type = value_type(&mut fields, errors);
    let default = one_value(&mut fields, "default", value_type, errors);
    let when_shared = one_value(&mut fields, "when_shared", value_type, errors);
    let when_seconded = one_value(&mut fields, "when_seconded", value_type, errors);
    // A default is a reading of the guidance or of the law: it must say
    // whose, so that a verdict resting on it can.
    let default_basis = fields.text("default_basis", errors);
    if default.is_some() && default_basis.is_none() {
        errors.push(fields.missing("default_basis"));
    }
    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
    let marks_change = fields.boolean("marks_change", errors).unwrap_or(false);
    fields.finish(&ATTRIBUTE_FIELDS, errors);
    policy.attributes.push(Attribute {
        key: name.to_owned(),
        title,
        on,
        value_type,
        default,
        default_basis,
        marks_change,
        when_shared,
        when_seconded,
        descriptive,
        span: item.name.span,
    });
}

/// An attribute's `type`: text when it is missing or not one of the four.
fn value_type(fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> ValueType {
    match fields.one_of("type", &["int", "bool", "text", "date"], errors) {
        Some("int") => ValueType::Int,
        Some("bool") => ValueType::Bool,
        Some("date") => ValueType::Date,
        Some(_) => ValueType::Text,
        None => {
            errors.push(fields.missing("type"));
            ValueType::Text
        }
    }
}

/// A field that gives one value of the attribute's type (`default`,
/// `when_shared`), if given.
fn one_value(
    fields: &mut Fields<'_>,
    field_name: &str,
    value_type: ValueType,
    errors: &mut Vec<CheckError>,
) -> Option<TypedValue> {
    let field = fields.take(field_name)?;
    let value = match field.values.as_slice() {
        [value] => typed(&value.kind, value_type),
        _ => None,
    };
    if value.is_none() {
        errors.push(CheckError::WrongType {
            field: field_name.to_owned(),
            expected: Shape::OneValue(value_type),
            span: field.values.first().map_or(field.span, |value| value.span),
            declared: None,
        });
    }
    value
}

/// Declares and reads a tag key with its values.
fn tag_key(item: &Item, policy: &mut Policy, scope: &mut Scope, errors: &mut Vec<CheckError>) {
    let name = item.name.text.as_str();
    let id = TagKeyId::from_index(policy.tag_keys.len());
    if !scope.tag_keys.declare(name, id, item.name.span, errors) {
        return;
    }
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
    let values: Vec<String> = match fields.names("values", errors) {
        Some(values) => values.into_iter().map(|value| value.text.into()).collect(),
        None => {
            errors.push(fields.missing("values"));
            Vec::new()
        }
    };
    fields.finish(&["title", "values"], errors);
    policy.tag_keys.push(TagKey {
        key: name.to_owned(),
        title,
        values,
        span: item.name.span,
    });
}

/// Accepts a paragraph's key. An amendment gives a paragraph, duty or law
/// of the same key new words, a new rule or a new value: a new version, in
/// force from the amendment's commencement. Anywhere else a repeated key
/// is an error.
fn paragraph_key<'a>(item: &'a Item, scope: &mut Scope, versions: &mut Versions<'a>, errors: &mut Vec<CheckError>) {
    let name = item.name.text.as_str();
    let span = item.name.span;
    let id = ParagraphId::from_index(scope.paragraph_family.len());
    match scope.paragraphs.get(name) {
        Some(first) if versions.new_version("paragraph", name) => {
            scope.paragraph_family.push(first);
            scope.accepted.insert(span, Provision::Paragraph);
        }
        Some(_) | None => {
            if scope.paragraphs.declare(name, id, span, errors) {
                scope.paragraph_family.push(id);
                scope.accepted.insert(span, Provision::Paragraph);
            }
        }
    }
}

/// Accepts a duty's or question's key (see [`paragraph_key`]).
fn duty_key<'a>(item: &'a Item, scope: &mut Scope, versions: &mut Versions<'a>, errors: &mut Vec<CheckError>) {
    let name = item.name.text.as_str();
    let span = item.name.span;
    let id = DutyId::from_index(scope.duties.keys().count());
    let known = scope.duties.get(name).is_some();
    if (known && versions.new_version("duty", name)) || scope.duties.declare(name, id, span, errors) {
        scope.accepted.insert(span, Provision::Duty);
    }
}

/// Accepts a law's key (see [`paragraph_key`]).
fn law_key<'a>(item: &'a Item, scope: &mut Scope, versions: &mut Versions<'a>, errors: &mut Vec<CheckError>) {
    let name = item.name.text.as_str();
    let span = item.name.span;
    let id = LawId::from_index(scope.laws.keys().count());
    let known = scope.laws.get(name).is_some();
    if (known && versions.new_version("law", name)) || scope.laws.declare(name, id, span, errors) {
        scope.accepted.insert(span, Provision::Law);
    }
}
