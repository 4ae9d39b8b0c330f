//! Reading an item's fields: each field at most once, of the right type,
//! and none the item does not have.

use std::collections::BTreeMap;

use super::error::{CheckError, NameKind, Shape};
use crate::date::PartialDate;
use crate::model::TypedValue;
use crate::source::Span;
use crate::suggest::suggest;
use crate::syntax::ast::{Entry, Evidence, Field, Item, ItemKind, Name, ValueKind};

/// The fields of one item, taken one by one by the checker.
pub struct Fields<'a> {
    item: ItemKind,
    head: Span,
    fields: BTreeMap<&'a str, &'a Field>,
    order: Vec<&'a Field>,
    repeats: Vec<(&'a Field, Span)>,
}

impl<'a> Fields<'a> {
    /// Collects the item's fields. A field given twice is reported when
    /// the item is finished, unless the checker takes every line of it
    /// (relations may be listed line by line).
    /// Only a `holds` line may say its role is held by turns (E0150), and
    /// only a citation which sentences it encodes (E0139).
    pub fn new(item: &'a Item, errors: &mut Vec<CheckError>) -> Fields<'a> {
        let mut fields: BTreeMap<&'a str, &'a Field> = BTreeMap::new();
        let mut order = Vec::new();
        let mut repeats = Vec::new();
        for entry in &item.entries {
            if let Entry::Field(field) = entry {
                if let Some(turns) = field.turns.as_ref().filter(|_| field.name.text != "holds") {
                    errors.push(CheckError::TurnsMisplaced {
                        field: field.name.text.to_string(),
                        span: turns.span,
                    });
                }
                // Only a citation says which sentences it encodes.
                if field.name.text != "cites" {
                    errors.extend(
                        field
                            .selections
                            .iter()
                            .map(|selection| CheckError::SelectionNotCitation {
                                field: field.name.text.to_string(),
                                span: selection.span,
                            }),
                    );
                }
                match fields.get(field.name.text.as_str()) {
                    Some(first) => repeats.push((field, first.name.span)),
                    None => {
                        fields.insert(field.name.text.as_str(), field);
                        order.push(field);
                    }
                }
            }
        }
        Fields {
            item: item.kind,
            head: item.name.span,
            fields,
            order,
            repeats,
        }
    }

    /// Where the item's name is, for a problem of the item as a whole.
    pub fn header_span(&self) -> Span {
        self.head
    }

    /// Whether the item gives a field (not yet taken).
    pub fn has(&self, name: &str) -> bool {
        self.fields.contains_key(name)
    }

    /// Where a field (not yet taken) is given: its first line.
    pub fn span_of(&self, name: &str) -> Option<Span> {
        self.fields.get(name).map(|field| field.span)
    }

    /// Takes a field by name (its first line, if given more than once).
    pub fn take(&mut self, name: &str) -> Option<&'a Field> {
        let field = self.fields.remove(name)?;
        self.order.retain(|other| !std::ptr::eq(*other, field));
        Some(field)
    }

    /// Takes every line of a field that may be given more than once.
    pub fn take_all(&mut self, name: &str) -> Vec<&'a Field> {
        let mut all: Vec<&'a Field> = self.take(name).into_iter().collect();
        self.repeats.retain(|(field, _)| {
            if field.name.text == name {
                all.push(field);
                false
            } else {
                true
            }
        });
        all
    }

    /// Takes a field holding one string.
    pub fn text(&mut self, name: &str, errors: &mut Vec<CheckError>) -> Option<String> {
        let field = self.take(name)?;
        match single(field).and_then(text_of) {
            Some(text) => Some(text.to_owned()),
            _ => {
                errors.push(wrong_type(field, Shape::QuotedString));
                None
            }
        }
    }

    /// Takes a required field holding one string.
    pub fn required_text(&mut self, name: &'static str, errors: &mut Vec<CheckError>) -> Option<String> {
        if !self.fields.contains_key(name) {
            errors.push(self.missing(name));
            return None;
        }
        self.text(name, errors)
    }

    /// Takes a field holding one or more strings.
    pub fn texts(&mut self, name: &str, errors: &mut Vec<CheckError>) -> Vec<String> {
        let Some(field) = self.take(name) else {
            return Vec::new();
        };
        let mut texts = Vec::new();
        for value in &field.values {
            match text_of(&value.kind) {
                Some(text) => texts.push(text.to_owned()),
                None => errors.push(CheckError::WrongType {
                    field: field.name.text.to_string(),
                    expected: Shape::QuotedString,
                    span: value.span,
                    declared: None,
                }),
            }
        }
        texts
    }

    /// Takes a field holding names or keys.
    pub fn names(&mut self, name: &str, errors: &mut Vec<CheckError>) -> Option<Vec<Name>> {
        let field = self.take(name)?;
        Some(names_of(field, errors))
    }

    /// Takes a field holding exactly one name.
    pub fn name(&mut self, name: &str, errors: &mut Vec<CheckError>) -> Option<Name> {
        let field = self.take(name)?;
        match field.values.as_slice() {
            [value] => match key_text(&value.kind) {
                Some(text) => Some(Name {
                    text: text.into(),
                    span: value.span,
                }),
                None => {
                    errors.push(wrong_type(field, Shape::Name));
                    None
                }
            },
            _ => {
                errors.push(wrong_type(field, Shape::OneName));
                None
            }
        }
    }

    /// Takes a field holding a date.
    pub fn date(&mut self, name: &str, errors: &mut Vec<CheckError>) -> Option<PartialDate> {
        let field = self.take(name)?;
        match single(field).and_then(as_date) {
            Some(date) => Some(date),
            None => {
                errors.push(wrong_type(field, Shape::Date));
                None
            }
        }
    }

    /// Takes a field holding a date or `unknown`: `Some(None)` for
    /// `unknown`.
    pub fn date_or_unknown(&mut self, name: &str, errors: &mut Vec<CheckError>) -> Option<Option<PartialDate>> {
        let field = self.take(name)?;
        match single(field) {
            Some(ValueKind::Key(word) | ValueKind::Str(word)) if word == "unknown" => Some(None),
            Some(value) if as_date(value).is_some() => Some(as_date(value)),
            _ => {
                errors.push(wrong_type(field, Shape::Date));
                None
            }
        }
    }

    /// Takes a field holding a date as the papers give it: a date,
    /// `unknown`, or a bounded date (`between 2033 and 2035`, `unknown
    /// after 2032`, or in JSON the same words in a string).
    pub fn when(&mut self, name: &str, errors: &mut Vec<CheckError>) -> Option<crate::syntax::ast::When> {
        use crate::syntax::ast::{DateValue, When};
        let field = self.take(name)?;
        let value = match field.values.as_slice() {
            [value] => value,
            _ => {
                errors.push(wrong_type(field, Shape::Date));
                return None;
            }
        };
        let plain = |date: Option<PartialDate>| When::plain(DateValue { date, span: value.span });
        match &value.kind {
            ValueKind::When(when) => Some(when.as_ref().clone()),
            ValueKind::Key(word) | ValueKind::Str(word) if word == "unknown" => Some(plain(None)),
            ValueKind::Str(text) => match crate::syntax::when_text(text, value.span) {
                Some(when) => Some(when),
                None => {
                    errors.push(wrong_type(field, Shape::Date));
                    None
                }
            },
            other => match as_date(other) {
                Some(date) => Some(plain(Some(date))),
                None => {
                    errors.push(wrong_type(field, Shape::Date));
                    None
                }
            },
        }
    }

    /// Takes a field holding `yes` or `no`.
    pub fn boolean(&mut self, name: &str, errors: &mut Vec<CheckError>) -> Option<bool> {
        let field = self.take(name)?;
        match single(field) {
            Some(ValueKind::Bool(value)) => Some(*value),
            _ => {
                errors.push(wrong_type(field, Shape::YesNo));
                None
            }
        }
    }

    /// Takes a field holding one word from a fixed set.
    pub fn one_of(
        &mut self,
        name: &str,
        allowed: &[&'static str],
        errors: &mut Vec<CheckError>,
    ) -> Option<&'static str> {
        let field = self.take(name)?;
        let word = match single(field) {
            Some(ValueKind::Key(word) | ValueKind::Str(word)) => word.as_str(),
            _ => {
                errors.push(wrong_type(field, Shape::Word));
                return None;
            }
        };
        match allowed.iter().find(|candidate| **candidate == word) {
            Some(found) => Some(found),
            None => {
                errors.push(CheckError::NotOneOf {
                    field: field.name.text.to_string(),
                    value: word.to_owned(),
                    allowed: allowed.to_vec(),
                    span: field.values.first().map_or(field.span, |value| value.span),
                });
                None
            }
        }
    }

    /// Takes `source DOC "where"`: the evidence for facts without their own.
    pub fn source(&mut self, errors: &mut Vec<CheckError>) -> Option<Evidence> {
        let field = self.take("source")?;
        let mut values = field.values.iter();
        let document = match values.next().map(|value| (&value.kind, value.span)) {
            Some((ValueKind::Key(text) | ValueKind::Str(text), span)) => Name {
                text: text.clone(),
                span,
            },
            _ => {
                errors.push(wrong_type(field, Shape::Evidence));
                return None;
            }
        };
        let location = match values.next().map(|value| &value.kind) {
            None => None,
            Some(ValueKind::Text(text) | ValueKind::Str(text)) => Some(text.clone()),
            Some(_) => {
                errors.push(wrong_type(field, Shape::Evidence));
                return None;
            }
        };
        Some(Evidence {
            document,
            location: location.map(Into::into),
            span: field.span,
        })
    }

    /// The error for a required field that is absent.
    pub fn missing(&self, field: &'static str) -> CheckError {
        CheckError::MissingField {
            item: self.item,
            field,
            span: self.head,
        }
    }

    /// The fields not yet taken, in source order.
    pub fn rest(&self) -> Vec<&'a Field> {
        self.order.clone()
    }

    /// Reports every field not taken as unknown, suggesting among `known`,
    /// and every field given twice that may not be.
    pub fn finish(self, known: &[&str], errors: &mut Vec<CheckError>) {
        for (field, first) in self.repeats {
            errors.push(CheckError::RepeatedField {
                field: field.name.text.to_string(),
                span: field.name.span,
                first,
            });
        }
        for field in self.order {
            errors.push(CheckError::UnknownField {
                item: self.item,
                field: field.name.text.to_string(),
                span: field.name.span,
                suggestion: suggest(&field.name.text, known.iter().copied()),
                allowed: known.iter().map(|field| (*field).to_owned()).collect(),
                run_on: None,
            });
        }
    }
}

/// The names in a field's values, reporting values that are not names.
pub fn names_of(field: &Field, errors: &mut Vec<CheckError>) -> Vec<Name> {
    let mut names = Vec::new();
    for value in &field.values {
        match key_text(&value.kind) {
            Some(text) => names.push(Name {
                text: text.into(),
                span: value.span,
            }),
            None => errors.push(CheckError::WrongType {
                field: field.name.text.to_string(),
                expected: Shape::Name,
                span: value.span,
                declared: None,
            }),
        }
    }
    names
}

/// The text of a value that can be read as a name or key: paragraph keys
/// may be plain numbers (`cites 2`).
pub(crate) fn key_text(value: &ValueKind) -> Option<String> {
    match value {
        ValueKind::Key(text) => Some(text.to_string()),
        ValueKind::Number(number) => Some(number.to_string()),
        ValueKind::Str(text) if is_key(text) => Some(text.to_string()),
        _ => None,
    }
}

/// Whether a JSON string can stand for a name or dotted key.
fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text.split('.').all(|part| {
            !part.is_empty()
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && (part.chars().all(|c| c.is_ascii_digit())
                    || part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
        })
}

/// The text of a quoted string (or a JSON string).
/// The one string a line holds, or a wrong-type error.
pub fn line_text(field: &Field, errors: &mut Vec<CheckError>) -> Option<String> {
    match single(field).and_then(text_of) {
        Some(text) => Some(text.to_owned()),
        None => {
            errors.push(wrong_type(field, Shape::QuotedString));
            None
        }
    }
}

fn text_of(value: &ValueKind) -> Option<&str> {
    match value {
        ValueKind::Text(text) | ValueKind::Str(text) => Some(text),
        _ => None,
    }
}

fn single(field: &Field) -> Option<&ValueKind> {
    match field.values.as_slice() {
        [value] => Some(&value.kind),
        _ => None,
    }
}

/// Reads a value as a date; a four-digit number is a year.
pub fn as_date(value: &ValueKind) -> Option<PartialDate> {
    match value {
        ValueKind::Date(date) => Some(*date),
        ValueKind::Str(text) => PartialDate::parse(text).ok(),
        ValueKind::Number(number) if (1000..=9999).contains(number) => PartialDate::parse(&number.to_string()).ok(),
        _ => None,
    }
}

/// Reads a value at a declared type.
pub fn typed(value: &ValueKind, value_type: crate::model::ValueType) -> Option<TypedValue> {
    use crate::model::ValueType;
    match (value_type, value) {
        (ValueType::Int, ValueKind::Number(number)) => i64::try_from(*number).ok().map(TypedValue::Int),
        (ValueType::Bool, ValueKind::Bool(value)) => Some(TypedValue::Bool(*value)),
        // A bare word is text too: `provider external`.
        (ValueType::Text, ValueKind::Text(text) | ValueKind::Str(text) | ValueKind::Key(text)) => {
            Some(TypedValue::Text(text.to_string()))
        }
        (ValueType::Date, other) => as_date(other).map(TypedValue::Date),
        _ => None,
    }
}

fn wrong_type(field: &Field, expected: Shape) -> CheckError {
    CheckError::WrongType {
        field: field.name.text.to_string(),
        expected,
        span: field
            .values
            .first()
            .map_or(field.span, |value| value.span.to(field.span)),
        declared: None,
    }
}

/// A table from names to ids that reports duplicates and suggests on
/// misses.
pub struct Names<Id> {
    what: NameKind,
    /// Inline when short, as nearly all names are: a large council's
    /// table holds one for every post.
    map: BTreeMap<compact_str::CompactString, (Id, Span)>,
}

impl<Id: Copy> Names<Id> {
    /// An empty table of things of one kind (roles, paragraphs…).
    pub fn new(what: NameKind) -> Names<Id> {
        Names {
            what,
            map: BTreeMap::new(),
        }
    }

    /// Declares a name; a duplicate is reported and keeps the first id.
    pub fn declare(&mut self, name: &str, id: Id, span: Span, errors: &mut Vec<CheckError>) -> bool {
        if let Some((_, first)) = self.map.get(name) {
            errors.push(CheckError::Duplicate {
                what: self.what,
                name: name.to_owned(),
                span,
                first: *first,
            });
            return false;
        }
        self.map.insert(name.into(), (id, span));
        true
    }

    /// Where a name was declared, if it was.
    pub fn declared_at(&self, name: &str) -> Option<Span> {
        self.map.get(name).map(|(_, span)| *span)
    }

    /// Looks a name up without reporting.
    pub fn get(&self, name: &str) -> Option<Id> {
        self.map.get(name).map(|(id, _)| *id)
    }

    /// Looks a name up, reporting an unknown name with a suggestion.
    pub fn resolve(&self, name: &Name, errors: &mut Vec<CheckError>) -> Option<Id> {
        match self.get(&name.text) {
            Some(id) => Some(id),
            None => {
                errors.push(self.unknown(name));
                None
            }
        }
    }

    /// The error for an unknown name.
    pub fn unknown(&self, name: &Name) -> CheckError {
        CheckError::UnknownName {
            expected: self.what,
            name: name.text.to_string(),
            span: name.span,
            suggestion: suggest(&name.text, self.map.keys().map(compact_str::CompactString::as_str)),
        }
    }

    /// All names, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(compact_str::CompactString::as_str)
    }
}
