//! What a generated council is made of (values, lines, items) and how
//! each is written, as a `.dcs` file and as JSON arrangements of the same
//! facts.

use std::fmt::Write as _;

use super::Council;

/// A value of a field.
#[derive(Clone)]
pub enum Value {
    /// A name (`DCS`, `chief_executive`).
    Name(String),
    /// Quoted text.
    Text(String),
    /// An integer.
    Int(i64),
    /// `yes` / `no`.
    Bool(bool),
    /// A date (`2016`, `2016-03`, `2016-03-01`).
    Date(String),
}

/// One line of an item: `key value, value [from D] [until D] [inferred] [per doc "where"]`.
#[derive(Clone)]
pub struct Line {
    key: &'static str,
    values: Vec<Value>,
    from: Option<String>,
    until: Option<String>,
    inferred: bool,
    per: Option<(String, String)>,
}

impl Line {
    pub(super) fn new(key: &'static str, values: Vec<Value>) -> Line {
        Line {
            key,
            values,
            from: None,
            until: None,
            inferred: false,
            per: None,
        }
    }

    pub(super) fn from(mut self, date: &str) -> Line {
        self.from = Some(date.to_owned());
        self
    }

    pub(super) fn until(mut self, date: &str) -> Line {
        self.until = Some(date.to_owned());
        self
    }

    pub(super) fn inferred(mut self) -> Line {
        self.inferred = true;
        self
    }

    pub(super) fn per(mut self, document: &str, place: &str) -> Line {
        self.per = Some((document.to_owned(), place.to_owned()));
        self
    }
}

pub(super) fn name(text: &str) -> Value {
    Value::Name(text.to_owned())
}

pub(super) fn text(text: &str) -> Value {
    Value::Text(text.to_owned())
}

pub(super) fn names(texts: &[&str]) -> Vec<Value> {
    texts.iter().map(|text| name(text)).collect()
}

pub(super) fn field(key: &'static str, value: Value) -> Line {
    Line::new(key, vec![value])
}

pub(super) fn source(document: &str, place: &str) -> Line {
    Line::new("source", vec![name(document), text(place)])
}

/// The kinds of item a generated council holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `document`
    Document,
    /// `post`
    Post,
    /// `member`
    Member,
    /// `body`
    Body,
    /// `service`
    Service,
    /// `organisation`
    Organisation,
    /// `appointment` (an event)
    Appointment,
    /// `designation` (an event)
    Designation,
    /// `change` (an event)
    Change,
    /// `review` (an event)
    Review,
    /// `inspection` (an event)
    Inspection,
    /// `answer`
    Answer,
    /// `departure from`
    Departure,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Post => "post",
            Kind::Member => "member",
            Kind::Body => "body",
            Kind::Service => "service",
            Kind::Organisation => "organisation",
            Kind::Appointment => "appointment",
            Kind::Designation => "designation",
            Kind::Change => "change",
            Kind::Review => "review",
            Kind::Inspection => "inspection",
            Kind::Answer => "answer",
            Kind::Departure => "departure",
        }
    }

    fn is_event(self) -> bool {
        matches!(
            self,
            Kind::Appointment | Kind::Designation | Kind::Change | Kind::Review | Kind::Inspection
        )
    }
}

/// One item: `KIND ID [on DATE] { LINES }`, with comment lines before it.
#[derive(Clone)]
pub struct Item {
    kind: Kind,
    id: String,
    date: Option<String>,
    comment: Vec<String>,
    lines: Vec<Line>,
}

impl Item {
    pub(super) fn new(kind: Kind, id: &str) -> Item {
        Item {
            kind,
            id: id.to_owned(),
            date: None,
            comment: Vec::new(),
            lines: Vec::new(),
        }
    }

    pub(super) fn on(mut self, date: &str) -> Item {
        self.date = Some(date.to_owned());
        self
    }

    pub(super) fn comment(mut self, words: &str) -> Item {
        self.comment.push(words.to_owned());
        self
    }

    pub(super) fn line(mut self, line: Line) -> Item {
        self.lines.push(line);
        self
    }

    pub(super) fn lines(mut self, lines: impl IntoIterator<Item = Line>) -> Item {
        self.lines.extend(lines);
        self
    }
}

fn dcs_value(value: &Value) -> String {
    match value {
        Value::Name(text) | Value::Date(text) => text.clone(),
        Value::Text(text) => format!("{text:?}"),
        Value::Int(number) => number.to_string(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
    }
}

fn dcs_line(line: &Line) -> String {
    let values: Vec<String> = line.values.iter().map(dcs_value).collect();
    let mut out = format!(
        "  {} {}",
        line.key,
        values.join(if line.key == "source" { " " } else { ", " })
    );
    if let Some(from) = &line.from {
        let _ = write!(out, " from {from}");
    }
    if let Some(until) = &line.until {
        let _ = write!(out, " until {until}");
    }
    if line.inferred {
        out.push_str(" inferred");
    }
    if let Some((document, place)) = &line.per {
        let _ = write!(out, "  per {document} {place:?}");
    }
    out
}

impl Item {
    fn dcs(&self) -> String {
        let mut out = String::from("\n");
        for comment in &self.comment {
            let _ = writeln!(out, "// {comment}");
        }
        let head = match self.kind {
            Kind::Departure => format!("departure from {}", self.id),
            kind => format!("{} {}", kind.keyword(), self.id),
        };
        match &self.date {
            Some(date) => {
                let _ = writeln!(out, "{head} on {date} {{");
            }
            None => {
                let _ = writeln!(out, "{head} {{");
            }
        }
        for line in &self.lines {
            out.push_str(&dcs_line(line));
            out.push('\n');
        }
        out.push_str("}\n");
        out
    }

    pub(super) fn dcs_lines(&self) -> usize {
        self.lines.len() + self.comment.len() + 3
    }
}

fn json_value(value: &Value) -> serde_json::Value {
    match value {
        Value::Name(text) | Value::Text(text) | Value::Date(text) => serde_json::Value::String(text.clone()),
        Value::Int(number) => serde_json::Value::from(*number),
        Value::Bool(flag) => serde_json::Value::Bool(*flag),
    }
}

fn json_line(line: &Line) -> serde_json::Value {
    if line.key == "source" {
        return serde_json::json!({
            "document": line.values.first().map(json_value),
            "where": line.values.get(1).map(json_value),
        });
    }
    let value = match line.values.as_slice() {
        [one]
            if !matches!(
                line.key,
                "holds" | "responsible_for" | "member_of" | "chair_of" | "roles" | "answers_to" | "complete"
            ) =>
        {
            json_value(one)
        }
        many => serde_json::Value::Array(many.iter().map(json_value).collect()),
    };
    if line.from.is_none() && line.until.is_none() && !line.inferred && line.per.is_none() {
        return value;
    }
    let mut object = serde_json::Map::new();
    object.insert("value".to_owned(), value);
    if let Some(from) = &line.from {
        object.insert("from".to_owned(), from.clone().into());
    }
    if let Some(until) = &line.until {
        object.insert("until".to_owned(), until.clone().into());
    }
    if line.inferred {
        object.insert("inferred".to_owned(), true.into());
    }
    if let Some((document, place)) = &line.per {
        object.insert(
            "per".to_owned(),
            serde_json::json!({ "document": document, "where": place }),
        );
    }
    serde_json::Value::Object(object)
}

/// An item's lines as a JSON object, several lines of one key as an array
/// of `{"value": …}` objects.
fn json_fields(object: &mut serde_json::Map<String, serde_json::Value>, lines: &[Line]) {
    for line in lines {
        let value = json_line(line);
        let repeated = lines.iter().filter(|other| other.key == line.key).count() > 1;
        if repeated {
            let entry = object
                .entry(line.key.to_owned())
                .or_insert_with(|| serde_json::Value::Array(Vec::new()));
            if let serde_json::Value::Array(all) = entry {
                let value = if value.get("value").is_some() {
                    value
                } else {
                    serde_json::json!({ "value": value })
                };
                all.push(value);
            }
        } else {
            object.insert(line.key.to_owned(), value);
        }
    }
}

impl Council {
    /// The council as a `.dcs` file.
    pub fn dcs(&self) -> String {
        let mut out = String::new();
        for line in &self.opening {
            out.push_str(line);
            out.push('\n');
        }
        let _ = writeln!(out, "arrangements {} {{", self.id);
        for line in &self.header {
            out.push_str(&dcs_line(line));
            out.push('\n');
        }
        out.push_str("}\n");
        for item in &self.items {
            out.push_str(&item.dcs());
        }
        out
    }

    /// The same council as JSON arrangements (docs/json-arrangements.md).
    pub fn json(&self) -> String {
        let mut top = serde_json::Map::new();
        top.insert("arrangements".to_owned(), self.id.clone().into());
        json_fields(&mut top, &self.header);
        for (key, kinds) in [
            ("documents", &[Kind::Document][..]),
            ("posts", &[Kind::Post]),
            ("members", &[Kind::Member]),
            ("bodies", &[Kind::Body]),
            ("services", &[Kind::Service]),
            ("organisations", &[Kind::Organisation]),
            (
                "events",
                &[
                    Kind::Appointment,
                    Kind::Designation,
                    Kind::Change,
                    Kind::Review,
                    Kind::Inspection,
                ],
            ),
            ("answers", &[Kind::Answer]),
            ("departures", &[Kind::Departure]),
        ] {
            let list: Vec<serde_json::Value> = self
                .items
                .iter()
                .filter(|item| kinds.contains(&item.kind))
                .map(|item| {
                    let mut object = serde_json::Map::new();
                    if item.kind.is_event() {
                        object.insert("kind".to_owned(), item.kind.keyword().into());
                    }
                    let id_key = match item.kind {
                        Kind::Answer => "question",
                        Kind::Departure => "duty",
                        _ => "id",
                    };
                    object.insert(id_key.to_owned(), item.id.clone().into());
                    if let Some(date) = &item.date {
                        object.insert("date".to_owned(), date.clone().into());
                    }
                    json_fields(&mut object, &item.lines);
                    serde_json::Value::Object(object)
                })
                .collect();
            if !list.is_empty() {
                top.insert(key.to_owned(), serde_json::Value::Array(list));
            }
        }
        let mut text = serde_json::to_string_pretty(&serde_json::Value::Object(top)).unwrap_or_default();
        text.push('\n');
        text
    }
}
