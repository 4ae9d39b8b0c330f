//! Arrangements given as JSON (for councils exporting from HR systems),
//! lowered into the same syntax tree as `.dcs` files so they go through the
//! same checker. The shape is documented in `docs/json-arrangements.md`.
//!
//! serde_json validates the text and gives the values; a small scanner
//! records the byte span of every value and key by JSON pointer, so facts
//! read from JSON still point at their file, line and column, and finds a
//! key given twice in one object (E0109, as in `.dcs` files), which
//! serde_json would silently resolve to the last. The scanner
//! walks with an explicit stack, so deep input cannot overflow ours (and
//! serde_json refuses nesting past 128).

use std::collections::BTreeMap;

use serde_json::{Map, Value as Json};
use thin_vec::ThinVec;

use super::ast::*;
use super::error::SyntaxError;
use crate::date::PartialDate;
use crate::source::{FileId, SourceFile, Span};

/// Parses a JSON arrangements file into a syntax tree.
pub fn parse(file: FileId, source: &SourceFile) -> Result<File, SyntaxError> {
    let text = source.text.as_str();
    let value: Json = serde_json::from_str(text).map_err(|error| {
        let line = error.line().max(1) - 1;
        let start = source.line_starts().get(line).map_or(0, |start| *start as usize);
        let offset = text
            .get(start..)
            .and_then(|rest| rest.char_indices().nth(error.column().saturating_sub(1)))
            .map_or(text.len(), |(index, _)| start + index);
        SyntaxError::Json {
            span: Span::new(file, offset.min(text.len()), (offset + 1).min(text.len())),
            message: strip_position(&error.to_string()),
        }
    })?;
    let spans = Spans::scan(text);
    if let Some(Repeated { key, first, again }) = spans.repeated.first() {
        return Err(SyntaxError::RepeatedKey {
            key: key.clone(),
            span: Span::new(file, again.0, again.1),
            first: Span::new(file, first.0, first.1),
        });
    }
    let lowerer = Lowerer { file, spans };
    lowerer.file(&value)
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message.get(..index).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

/// Byte spans of values and keys, by JSON pointer.
#[derive(Default)]
struct Spans {
    values: BTreeMap<String, (usize, usize)>,
    keys: BTreeMap<String, (usize, usize)>,
    /// Keys given twice in one object, in the order met. serde_json keeps
    /// the last silently.
    repeated: Vec<Repeated>,
}

/// A key given again in the object that already has it.
struct Repeated {
    key: String,
    first: (usize, usize),
    again: (usize, usize),
}

enum Frame {
    Object {
        path: String,
        start: usize,
        key: Option<String>,
        /// The keys of this object so far, with their spans.
        seen: BTreeMap<String, (usize, usize)>,
    },
    Array {
        path: String,
        start: usize,
        index: usize,
    },
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

impl Spans {
    /// Scans text that serde_json has already accepted as JSON.
    fn scan(text: &str) -> Spans {
        let mut scanner = SpanScanner {
            text,
            spans: Spans::default(),
            stack: Vec::new(),
        };
        let bytes = text.as_bytes();
        let mut index = 0;
        while let Some(&byte) = bytes.get(index) {
            index = match byte {
                b'{' | b'[' => scanner.open(index, byte),
                b'}' | b']' => scanner.close(index),
                b'"' => scanner.string(index),
                b' ' | b'\t' | b'\r' | b'\n' | b':' | b',' => index + 1,
                _ => scanner.scalar(index),
            };
        }
        scanner.spans
    }
}

/// The span scanner's state: the spans so far and the containers open
/// around the byte being read. Each method is handed the index of its
/// construct's first byte and returns where the next starts.
struct SpanScanner<'a> {
    text: &'a str,
    spans: Spans,
    stack: Vec<Frame>,
}

impl SpanScanner<'_> {
    /// The pointer of the value that starts here, if a value may.
    fn current_path(&self) -> Option<String> {
        match self.stack.last() {
            None => Some(String::new()),
            Some(Frame::Object { path, key, .. }) => key.as_ref().map(|key| format!("{path}/{}", escape(key))),
            Some(Frame::Array { path, index, .. }) => Some(format!("{path}/{index}")),
        }
    }

    /// A value has ended: its object wants a key next, its array the next
    /// element.
    fn finish_value(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Object { key, .. }) => *key = None,
            Some(Frame::Array { index, .. }) => *index += 1,
            None => {}
        }
    }

    /// A `{` or `[`.
    fn open(&mut self, index: usize, byte: u8) -> usize {
        let path = self.current_path().unwrap_or_default();
        self.stack.push(if byte == b'{' {
            Frame::Object {
                path,
                start: index,
                key: None,
                seen: BTreeMap::new(),
            }
        } else {
            Frame::Array {
                path,
                start: index,
                index: 0,
            }
        });
        index + 1
    }

    /// A `}` or `]`.
    fn close(&mut self, index: usize) -> usize {
        if let Some(Frame::Object { path, start, .. } | Frame::Array { path, start, .. }) = self.stack.pop() {
            self.spans.values.insert(path, (start, index + 1));
        }
        self.finish_value();
        index + 1
    }

    /// A string: an object's key, or a value.
    fn string(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut end = start + 1;
        while let Some(&inner) = bytes.get(end) {
            match inner {
                b'\\' => end += 2,
                b'"' => break,
                _ => end += 1,
            }
        }
        let end = (end + 1).min(bytes.len());
        let expecting_key = matches!(self.stack.last(), Some(Frame::Object { key: None, .. }));
        if expecting_key {
            self.key(start, end);
        } else {
            if let Some(path) = self.current_path() {
                self.spans.values.insert(path, (start, end));
            }
            self.finish_value();
        }
        end
    }

    /// An object's key, from its opening quote to one past its closing
    /// one: recorded, and remembered in case the object repeats it.
    fn key(&mut self, start: usize, end: usize) {
        let raw = self.text.get(start..end).unwrap_or("\"\"");
        let key: String = serde_json::from_str(raw).unwrap_or_default();
        if let Some(Frame::Object {
            path, key: slot, seen, ..
        }) = self.stack.last_mut()
        {
            match seen.get(&key) {
                Some(first) => self.spans.repeated.push(Repeated {
                    key: key.clone(),
                    first: *first,
                    again: (start, end),
                }),
                None => {
                    seen.insert(key.clone(), (start, end));
                }
            }
            self.spans.keys.insert(format!("{path}/{}", escape(&key)), (start, end));
            *slot = Some(key);
        }
    }

    /// A number, `true`, `false` or `null`.
    fn scalar(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut index = start;
        while bytes
            .get(index)
            .is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n'))
        {
            index += 1;
        }
        if let Some(path) = self.current_path() {
            self.spans.values.insert(path, (start, index));
        }
        self.finish_value();
        index
    }
}

struct Lowerer {
    file: FileId,
    spans: Spans,
}

/// The top-level lists, the item each element becomes, and the key that
/// names it.
const LISTS: [(&str, ItemKind, &str); 8] = [
    ("documents", ItemKind::Document, "id"),
    ("posts", ItemKind::Post, "id"),
    ("members", ItemKind::Member, "id"),
    ("bodies", ItemKind::Body, "id"),
    ("services", ItemKind::Service, "id"),
    ("organisations", ItemKind::Organisation, "id"),
    ("answers", ItemKind::Answer, "question"),
    ("departures", ItemKind::Departure, "duty"),
];

impl Lowerer {
    fn span(&self, path: &str) -> Span {
        let (start, end) = self.spans.values.get(path).copied().unwrap_or((0, 0));
        Span::new(self.file, start, end)
    }

    fn key_span(&self, path: &str) -> Span {
        match self.spans.keys.get(path) {
            Some((start, end)) => Span::new(self.file, *start, *end),
            None => self.span(path),
        }
    }

    fn error(&self, path: &str, message: String) -> SyntaxError {
        SyntaxError::Json {
            span: self.span(path),
            message,
        }
    }

    fn file(&self, value: &Json) -> Result<File, SyntaxError> {
        let Json::Object(top) = value else {
            return Err(self.error("", "the top level must be an object".to_owned()));
        };
        let mut items = Vec::new();
        let name = match top.get("arrangements") {
            Some(Json::String(name)) => name.clone(),
            _ => return Err(self.error("", "the top level needs `\"arrangements\": \"ID\"`".to_owned())),
        };
        let mut header_entries = Vec::new();
        for (key, value) in top {
            let path = format!("/{}", escape(key));
            match key.as_str() {
                "arrangements" => {}
                "events" => {
                    for (index, element) in self.list(&path, value)?.iter().enumerate() {
                        items.push(self.event(&format!("{path}/{index}"), element)?);
                    }
                }
                other => {
                    if let Some((_, kind, id_key)) = LISTS.iter().find(|(list, _, _)| *list == other) {
                        for (index, element) in self.list(&path, value)?.iter().enumerate() {
                            items.push(self.named_item(&format!("{path}/{index}"), element, *kind, id_key)?);
                        }
                    } else if ARRANGEMENT_FIELDS.contains(&other) {
                        header_entries.extend(self.fields(&path, key, value)?.into_iter().map(Entry::Field));
                    } else {
                        return Err(SyntaxError::Json {
                            span: self.key_span(&path),
                            message: format!(
                                "unknown key `{other}`; the top level has arrangements, {}, documents, posts, members, bodies, services, organisations, events, answers and departures",
                                ARRANGEMENT_FIELDS.join(", ")
                            ),
                        });
                    }
                }
            }
        }
        let header_span = self.span("/arrangements");
        items.insert(
            0,
            Item {
                kind: ItemKind::Arrangements,
                name: Name {
                    text: name.into(),
                    span: header_span,
                },
                extends: None,
                time: None,
                entries: header_entries,
                span: self.span(""),
            },
        );
        Ok(File {
            items,
            comments: Vec::new(),
            unparsed: Vec::new(),
        })
    }

    fn list<'v>(&self, path: &str, value: &'v Json) -> Result<&'v Vec<Json>, SyntaxError> {
        match value {
            Json::Array(list) => Ok(list),
            _ => Err(self.error(path, "expected a list".to_owned())),
        }
    }

    fn object<'v>(&self, path: &str, value: &'v Json) -> Result<&'v Map<String, Json>, SyntaxError> {
        match value {
            Json::Object(object) => Ok(object),
            _ => Err(self.error(path, "expected an object".to_owned())),
        }
    }

    fn named_item(&self, path: &str, value: &Json, kind: ItemKind, id_key: &str) -> Result<Item, SyntaxError> {
        let object = self.object(path, value)?;
        let id_path = format!("{path}/{id_key}");
        let name = match object.get(id_key) {
            Some(Json::String(id)) => Name {
                text: id.clone().into(),
                span: self.span(&id_path),
            },
            _ => return Err(self.error(path, format!("each entry here needs `\"{id_key}\"` (a string)"))),
        };
        let mut entries = Vec::new();
        for (key, field_value) in object {
            if key == id_key {
                continue;
            }
            entries.extend(
                self.fields(&format!("{path}/{}", escape(key)), key, field_value)?
                    .into_iter()
                    .map(Entry::Field),
            );
        }
        Ok(Item {
            kind,
            name,
            extends: None,
            time: None,
            entries,
            span: self.span(path),
        })
    }

    fn event(&self, path: &str, value: &Json) -> Result<Item, SyntaxError> {
        let object = self.object(path, value)?;
        let kind = match object.get("kind") {
            Some(Json::String(kind)) => match kind.as_str() {
                "appointment" => ItemKind::Appointment,
                "designation" => ItemKind::Designation,
                "vacancy" => ItemKind::Vacancy,
                "change" => ItemKind::Change,
                "review" => ItemKind::Review,
                "inspection" => ItemKind::Inspection,
                other => {
                    return Err(self.error(
                        &format!("{path}/kind"),
                        format!("`{other}` is not an event kind; use appointment, designation, vacancy, change, review or inspection"),
                    ))
                }
            },
            _ => return Err(self.error(path, "each event needs `\"kind\"`".to_owned())),
        };
        let date = match object.get("date") {
            Some(value) => Some(self.when(&format!("{path}/date"), value)?),
            None => None,
        };
        let after = match object.get("after") {
            Some(Json::String(earlier)) => Some(Name {
                text: earlier.clone().into(),
                span: self.span(&format!("{path}/after")),
            }),
            Some(_) => return Err(self.error(&format!("{path}/after"), "`after` names an event by its id".to_owned())),
            None => None,
        };
        if date.is_none() && after.is_none() {
            return Err(self.error(
                path,
                "each event needs `\"date\"` (or `\"unknown\"`), or `\"after\"` naming an earlier event".to_owned(),
            ));
        }
        let mut item = self.named_item(
            path,
            &Json::Object(strip(object, &["kind", "date", "after"])),
            kind,
            "id",
        )?;
        let span = date.as_ref().map_or_else(|| self.span(path), |date| date.span);
        item.time = Some(Box::new(EventTime { on: date, after, span }));
        item.span = self.span(path);
        Ok(item)
    }

    /// A date, or `"unknown"`.
    fn date_value(&self, path: &str, value: &Json) -> Result<DateValue, SyntaxError> {
        let span = self.span(path);
        let text = match value {
            Json::String(text) if text == "unknown" => return Ok(DateValue { date: None, span }),
            Json::String(text) => text.clone(),
            Json::Number(number) => number.to_string(),
            Json::Null | Json::Bool(_) | Json::Array(_) | Json::Object(_) => {
                return Err(self.error(
                    path,
                    "a date is a string such as \"2016\", \"2016-03\" or \"2016-03-01\"".to_owned(),
                ))
            }
        };
        match PartialDate::parse(&text) {
            Ok(date) => Ok(DateValue { date: Some(date), span }),
            Err(error) => Err(SyntaxError::InvalidDate { span, error }),
        }
    }

    /// A date as the papers give it: a date, `"unknown"`, or the words of
    /// the language (`"unknown after split"`, `"2015 after restructure"`,
    /// `"between 2033 and 2035"`, `"unknown before 2035-06"`), a bound
    /// being a date or an event's id.
    fn when(&self, path: &str, value: &Json) -> Result<When, SyntaxError> {
        let span = self.span(path);
        let Json::String(text) = value else {
            return Ok(When::plain(self.date_value(path, value)?));
        };
        match when_text(text, span) {
            Some(when) => Ok(when),
            None => match PartialDate::parse(text) {
                Err(error) if text.split_whitespace().count() == 1 && text != "unknown" => {
                    Err(SyntaxError::InvalidDate { span, error })
                }
                _ => Err(self.error(
                    path,
                    "a date is a string such as \"2016-03\", \"unknown\", \"unknown after EVENT\", \"2015 before 2015-06\" or \"between 2033 and 2035\"".to_owned(),
                )),
            },
        }
    }

    /// `"from"` and `"until"` of a line or of `"exists"`, or `"seen"`.
    fn period(&self, path: &str, object: &Map<String, Json>) -> Result<Option<WrittenPeriod>, SyntaxError> {
        let from = match object.get("from") {
            Some(value) => Some(self.when(&format!("{path}/from"), value)?),
            None => None,
        };
        let until = match object.get("until") {
            Some(value) => Some(self.when(&format!("{path}/until"), value)?),
            None => None,
        };
        let seen = match object.get("seen") {
            Some(value) => Some(self.date_value(&format!("{path}/seen"), value)?),
            None => None,
        };
        Ok(
            (from.is_some() || until.is_some() || seen.is_some()).then(|| WrittenPeriod {
                from,
                until,
                seen,
                span: self.span(path),
            }),
        )
    }

    /// A key's lines: one field, or (for an array of `{"value": …}`
    /// objects) one field per line, each with its own period and evidence.
    fn fields(&self, path: &str, key: &str, value: &Json) -> Result<Vec<Field>, SyntaxError> {
        if key == "exists" {
            let object = self.object(path, value)?;
            return Ok(vec![Field {
                name: Name {
                    text: key.to_owned().into(),
                    span: self.key_span(path),
                },
                values: Values::new(),
                selections: ThinVec::new(),
                qualifiers: ThinVec::new(),
                period: self.period(path, object)?.map(Box::new),
                turns: None,
                evidence: None,
                span: self.key_span(path).to(self.span(path)),
            }]);
        }
        match value {
            Json::Array(lines)
                if !lines.is_empty()
                    && lines
                        .iter()
                        .all(|line| matches!(line, Json::Object(object) if object.contains_key("value"))) =>
            {
                lines
                    .iter()
                    .enumerate()
                    .map(|(index, line)| self.field(&format!("{path}/{index}"), key, line))
                    .collect()
            }
            _ => Ok(vec![self.field(path, key, value)?]),
        }
    }

    fn field(&self, path: &str, key: &str, value: &Json) -> Result<Field, SyntaxError> {
        let name = Name {
            text: key.to_owned().into(),
            span: self.key_span(path),
        };
        // `{"value": …, "per": {"document": …, "where": …}, "from": …,
        // "until": …, "inferred": true, "possibly": true}` carries evidence,
        // a period and how the fact is known.
        let mut period = None;
        let mut qualifiers = ThinVec::new();
        let mut turns = None;
        let (value, value_path, evidence) = match value {
            Json::Object(object) if key != "source" && object.contains_key("value") => {
                let evidence = match object.get("per") {
                    Some(per) => Some(self.evidence(&format!("{path}/per"), per)?),
                    None => None,
                };
                period = self.period(path, object)?;
                for (word, qualifier) in [
                    ("inferred", Qualifier::Inferred),
                    ("possibly", Qualifier::Possibly),
                    ("suggested", Qualifier::Suggested),
                    ("proposed", Qualifier::Proposed),
                ] {
                    match object.get(word) {
                        Some(Json::Bool(true)) => qualifiers.push((qualifier, self.span(&format!("{path}/{word}")))),
                        Some(Json::Bool(false)) | None => {}
                        Some(_) => {
                            return Err(self.error(&format!("{path}/{word}"), format!("`{word}` is true or false")))
                        }
                    }
                }
                match object.get("in_turns") {
                    Some(Json::String(pattern)) => {
                        turns = Some(Turns {
                            pattern: pattern.clone(),
                            span: self.span(&format!("{path}/in_turns")),
                        })
                    }
                    Some(_) => {
                        return Err(self.error(
                            &format!("{path}/in_turns"),
                            "`in_turns` is a string: how the days are divided".to_owned(),
                        ))
                    }
                    None => {}
                }
                for other in object.keys() {
                    if !FACT_LINE_KEYS.contains(&other.as_str()) {
                        return Err(self.error(
                            &format!("{path}/{}", escape(other)),
                            format!("a fact's line has `value`, `per`, `from`, `until`, `seen`, `inferred`, `possibly`, `suggested`, `proposed` and `in_turns`, not `{other}`"),
                        ));
                    }
                }
                (
                    object.get("value").unwrap_or(&Json::Null),
                    format!("{path}/value"),
                    evidence,
                )
            }
            other => (other, path.to_owned(), None),
        };
        let values = if key == "source" {
            let evidence = self.evidence(path, value)?;
            let mut values = Values::new();
            values.push(Value {
                kind: ValueKind::Str(evidence.document.text.clone()),
                span: evidence.document.span,
            });
            if let Some(location) = evidence.location {
                values.push(Value {
                    kind: ValueKind::Text(location.into()),
                    span: self.span(&format!("{path}/where")),
                });
            }
            values
        } else {
            match value {
                Json::Array(list) => list
                    .iter()
                    .enumerate()
                    .map(|(index, element)| self.scalar(&format!("{value_path}/{index}"), element))
                    .collect::<Result<Values, _>>()?,
                other => Values::from_buf([self.scalar(&value_path, other)?]),
            }
        };
        Ok(Field {
            name,
            values,
            selections: ThinVec::new(),
            qualifiers,
            period: period.map(Box::new),
            turns: turns.map(Box::new),
            evidence: evidence.map(Box::new),
            span: self.key_span(path).to(self.span(path)),
        })
    }

    fn evidence(&self, path: &str, value: &Json) -> Result<Evidence, SyntaxError> {
        let object = self.object(path, value)?;
        let document = match object.get("document") {
            Some(Json::String(document)) => Name {
                text: document.clone().into(),
                span: self.span(&format!("{path}/document")),
            },
            _ => return Err(self.error(path, "evidence needs `\"document\"`".to_owned())),
        };
        let location = match object.get("where") {
            Some(Json::String(location)) => Some(location.clone()),
            None => None,
            Some(_) => return Err(self.error(&format!("{path}/where"), "`where` is a string".to_owned())),
        };
        Ok(Evidence {
            document,
            location,
            span: self.span(path),
        })
    }

    fn scalar(&self, path: &str, value: &Json) -> Result<Value, SyntaxError> {
        let span = self.span(path);
        let kind = match value {
            Json::String(text) => ValueKind::Str(text.clone().into()),
            Json::Bool(value) => ValueKind::Bool(*value),
            Json::Number(number) => match number.as_u64() {
                Some(number) if number <= u64::from(u32::MAX) => ValueKind::Number(number),
                _ => return Err(SyntaxError::NumberTooLarge { span }),
            },
            Json::Null | Json::Array(_) | Json::Object(_) => {
                return Err(self.error(path, "expected a string, a number, true or false".to_owned()))
            }
        };
        Ok(Value { kind, span })
    }
}

fn strip(object: &Map<String, Json>, keys: &[&str]) -> Map<String, Json> {
    object
        .iter()
        .filter(|(key, _)| !keys.contains(&key.as_str()))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// The keys of one line of a fact (`{"value": …, "from": …}`).
const FACT_LINE_KEYS: [&str; 10] = [
    "value",
    "per",
    "from",
    "until",
    "seen",
    "inferred",
    "possibly",
    "suggested",
    "proposed",
    "in_turns",
];

/// A date as the papers give it, read from the words of the language in a
/// string (JSON arrangements write dates as strings): `2016-03`,
/// `unknown`, `unknown after split`, `2015 before 2015-06`, `between 2033
/// and 2035`. Every part takes the string's span. `None` if the words are
/// not such a date.
pub fn when_text(text: &str, span: Span) -> Option<When> {
    let date = |word: &str| PartialDate::parse(word).ok();
    let anchor = |word: &str| -> Option<Anchor> {
        if word.starts_with(|character: char| character.is_ascii_digit()) {
            date(word).map(|date| Anchor::Date(DateValue { date: Some(date), span }))
        } else if !word.is_empty()
            && word
                .chars()
                .all(|character| character.is_alphanumeric() || character == '_')
        {
            Some(Anchor::Event(Name {
                text: word.to_owned().into(),
                span,
            }))
        } else {
            None
        }
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut when = When {
        date: None,
        after: Vec::new(),
        before: Vec::new(),
        span,
    };
    let mut rest: &[&str] = &words;
    match rest {
        ["between", first, "and", second, tail @ ..] => {
            when.after.push(anchor(first)?);
            when.before.push(anchor(second)?);
            rest = tail;
        }
        ["unknown", tail @ ..] => {
            when.date = Some(DateValue { date: None, span });
            rest = tail;
        }
        [first, tail @ ..] => {
            when.date = Some(DateValue {
                date: Some(date(first)?),
                span,
            });
            rest = tail;
        }
        [] => return None,
    }
    while let [bound, target, tail @ ..] = rest {
        match *bound {
            "after" => when.after.push(anchor(target)?),
            "before" => when.before.push(anchor(target)?),
            _ => return None,
        }
        rest = tail;
    }
    rest.is_empty().then_some(when)
}
