//! Completion: the names and fields that may be written at the cursor.
//!
//! The item being written rarely parses (that is why it is being
//! written), so the cursor's context is read from the words before it, not
//! from the syntax tree: a small scanner that knows strings, comments and
//! braces finds the item the cursor is in and the entry it is writing.
//! What may follow comes from the policy (the guidance's vocabulary,
//! duties and paragraphs) and from what the council's files declare.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Position, TextEdit};

use super::analysis::Analysis;
use super::fields::fields;
use super::index::{Declaration, Namespace};
use crate::model::{CouncilKind, EntityKind, Governance, LegalForce, Modality, Policy, ReviewOutcome, ValueType};
use crate::source::{FileId, Span};
use crate::syntax::ast::ItemKind;

/// What the scanner sees before the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'a> {
    /// A name, key, number or date.
    Word(&'a str),
    /// A quoted string.
    Text,
    /// `{`
    Open,
    /// `}`
    Close,
    /// `,`
    Comma,
    /// `(`
    Paren,
    /// The end of a line.
    Newline,
    /// Any other symbol.
    Symbol,
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'.' | b'-')
}

/// The tokens of `text`, or `None` if it ends inside a string or a
/// comment (where nothing is completed).
fn scan(text: &str) -> Option<Vec<Token<'_>>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\n' => {
                tokens.push(Token::Newline);
                index += 1;
            }
            b'"' => {
                index += 1;
                loop {
                    match bytes.get(index) {
                        None => return None,
                        Some(b'\\') => index += 2,
                        Some(b'"') => {
                            index += 1;
                            break;
                        }
                        Some(_) => index += 1,
                    }
                }
                tokens.push(Token::Text);
            }
            b'/' if bytes.get(index + 1) == Some(&b'/') => match text.get(index..).and_then(|rest| rest.find('\n')) {
                Some(end) => index += end,
                None => return None,
            },
            b'/' if bytes.get(index + 1) == Some(&b'*') => match text.get(index + 2..).and_then(|rest| rest.find("*/"))
            {
                Some(end) => index += end + 4,
                None => return None,
            },
            b'{' => {
                tokens.push(Token::Open);
                index += 1;
            }
            b'}' => {
                tokens.push(Token::Close);
                index += 1;
            }
            b',' => {
                tokens.push(Token::Comma);
                index += 1;
            }
            b'(' => {
                tokens.push(Token::Paren);
                index += 1;
            }
            _ if is_word_byte(byte) => {
                let start = index;
                while bytes.get(index).copied().is_some_and(is_word_byte) {
                    index += 1;
                }
                tokens.push(Token::Word(text.get(start..index).unwrap_or("")));
            }
            _ if byte.is_ascii_whitespace() => index += 1,
            _ => {
                tokens.push(Token::Symbol);
                index += 1;
            }
        }
    }
    Some(tokens)
}

/// Where the cursor is.
#[derive(Debug, PartialEq, Eq)]
enum Context<'a> {
    /// Between items: the words of the item's head written so far.
    TopLevel(Vec<&'a str>),
    /// Inside an item's block: its kind, and the current entry's tokens.
    Block(Option<ItemKind>, Vec<Token<'a>>),
}

fn context<'a>(tokens: &[Token<'a>]) -> Context<'a> {
    let mut depth = 0usize;
    let mut head: Vec<&'a str> = Vec::new();
    let mut kind = None;
    let mut entry: Vec<Token<'a>> = Vec::new();
    for token in tokens {
        match token {
            Token::Open => {
                if depth == 0 {
                    kind = head.first().and_then(|word| ItemKind::from_keyword(word));
                }
                depth += 1;
                entry.clear();
            }
            Token::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    head.clear();
                    kind = None;
                }
                entry.clear();
            }
            // A list may go on on the next line after its comma.
            Token::Newline => {
                if entry.last() != Some(&Token::Comma) {
                    entry.clear();
                }
            }
            Token::Word(word) if depth == 0 => head.push(word),
            Token::Word(_) | Token::Text | Token::Comma | Token::Paren | Token::Symbol => {
                if depth > 0 {
                    entry.push(*token);
                }
            }
        }
    }
    if depth == 0 {
        Context::TopLevel(head)
    } else {
        Context::Block(kind, entry)
    }
}

/// One thing that may be written.
struct Candidate {
    label: String,
    detail: Option<String>,
    kind: CompletionItemKind,
}

fn candidate(label: impl Into<String>, detail: Option<&str>, kind: CompletionItemKind) -> Candidate {
    Candidate {
        label: label.into(),
        detail: detail.map(str::to_owned),
        kind,
    }
}

/// The completions at a position of an open document.
pub fn complete(analysis: &Analysis, file: FileId, position: Position) -> Vec<CompletionItem> {
    let text = analysis.text(file);
    let cursor = analysis.offset(file, position).min(text.len());
    let Some(before) = text.get(..cursor) else {
        return Vec::new();
    };
    // The word being written is replaced whole, dots and all: an editor's
    // own idea of a word would stop at the dot of `dcs.report_to`.
    let start = before
        .bytes()
        .rposition(|byte| !is_word_byte(byte))
        .map_or(0, |index| index + 1);
    let Some(tokens) = before.get(..start).and_then(scan) else {
        return Vec::new();
    };
    let completer = Completer {
        analysis,
        file,
        policy: analysis.policy(),
        declarations: analysis.declarations(),
    };
    let candidates = match context(&tokens) {
        Context::TopLevel(head) => completer.top_level(&head),
        Context::Block(Some(kind), entry) => completer.entry(kind, &entry),
        Context::Block(None, _) => Vec::new(),
    };
    let range = analysis.range(Span::new(file, start, cursor));
    let mut seen = std::collections::BTreeSet::new();
    candidates
        .into_iter()
        .filter(|candidate| seen.insert(candidate.label.clone()))
        .enumerate()
        .map(|(index, candidate)| CompletionItem {
            label: candidate.label.clone(),
            kind: Some(candidate.kind),
            detail: candidate.detail,
            // The order given, whatever the labels.
            sort_text: Some(format!("{index:05}")),
            filter_text: Some(candidate.label.clone()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range,
                new_text: candidate.label,
            })),
            ..CompletionItem::default()
        })
        .collect()
}

struct Completer<'a> {
    analysis: &'a Analysis,
    file: FileId,
    policy: Option<&'a Policy>,
    declarations: Vec<Declaration<'a>>,
}

/// The state of a field entry, read word by word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field<'a> {
    /// Nothing written yet.
    Start,
    /// A field's name and values; whether a value is wanted next (after
    /// the name or a comma).
    Values(&'a str, bool),
    /// After `per`; whether the document is named.
    Evidence(bool),
    /// After `from` or `until`.
    Period,
    /// Nothing to offer.
    Other,
}

fn read_field<'a>(entry: &[Token<'a>]) -> Field<'a> {
    entry.iter().fold(Field::Start, |state, token| step(state, *token))
}

fn step<'a>(state: Field<'a>, token: Token<'a>) -> Field<'a> {
    match token {
        Token::Comma => match state {
            Field::Values(field, _) => Field::Values(field, true),
            Field::Start | Field::Evidence(_) | Field::Period | Field::Other => Field::Other,
        },
        // A string value, or where in its document a fact's evidence is.
        Token::Text => match state {
            Field::Values(field, _) => Field::Values(field, false),
            Field::Evidence(_) => Field::Evidence(true),
            Field::Start | Field::Period | Field::Other => Field::Other,
        },
        Token::Word(word) => match state {
            Field::Start => Field::Values(word, true),
            Field::Values(field, true) => Field::Values(field, false),
            Field::Values(field, false) => match word {
                "per" => Field::Evidence(false),
                "from" | "until" => Field::Period,
                "inferred" | "possibly" => Field::Values(field, false),
                // Another field on the same line: `{ title "…"  held_by post }`.
                _ => Field::Values(word, true),
            },
            Field::Evidence(false) => Field::Evidence(true),
            Field::Evidence(true) => Field::Values(word, true),
            Field::Period => match word {
                "per" => Field::Evidence(false),
                "until" | "unknown" => Field::Period,
                _ if word.starts_with(|c: char| c.is_ascii_digit()) => Field::Period,
                _ => Field::Values(word, true),
            },
            Field::Other => Field::Other,
        },
        Token::Open | Token::Close | Token::Paren | Token::Newline | Token::Symbol => Field::Other,
    }
}

impl<'a> Completer<'a> {
    fn top_level(&self, head: &[&str]) -> Vec<Candidate> {
        match head {
            [] => ItemKind::ALL
                .iter()
                .map(|kind| {
                    // A departure's head is two words.
                    let words = if *kind == ItemKind::Departure {
                        "departure from"
                    } else {
                        kind.keyword()
                    };
                    candidate(words, None, CompletionItemKind::KEYWORD)
                })
                .collect(),
            ["answer"] => self.duties(|_| true),
            ["departure"] => vec![candidate("from", None, CompletionItemKind::KEYWORD)],
            ["departure", "from"] => self.duties(|modality| matches!(modality, Modality::Should | Modality::ShouldNot)),
            ["local_policy", _, "extends"] | ["amendment", _, "amends"] => {
                self.editions(|kind| kind == ItemKind::Guidance)
            }
            [event, .., "after"] if ItemKind::from_keyword(event).is_some_and(|kind| kind.event_kind().is_some()) => {
                self.local(Namespace::Event, |_| true)
            }
            _ => Vec::new(),
        }
    }

    fn entry(&self, kind: ItemKind, entry: &[Token<'_>]) -> Vec<Candidate> {
        let first = match entry.first() {
            Some(Token::Word(word)) => Some(*word),
            _ => None,
        };
        let is_field = first.is_some_and(|word| fields(kind).contains(&word));
        if matches!(kind, ItemKind::Duty | ItemKind::Question) && !is_field {
            return self.rule(kind, entry);
        }
        if kind == ItemKind::Paragraph && first == Some("words") {
            return self.words(entry);
        }
        match read_field(entry) {
            Field::Start => self.field_names(kind),
            Field::Values(field, true) => self.values(kind, field),
            Field::Evidence(false) => self.documents(),
            Field::Values(_, false) | Field::Evidence(true) | Field::Period | Field::Other => Vec::new(),
        }
    }

    /// The fields of an item of this kind; on a post, member, body or
    /// service, the guidance's relations and attributes it may have too.
    fn field_names(&self, kind: ItemKind) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = fields(kind)
            .iter()
            .map(|field| candidate(*field, None, CompletionItemKind::FIELD))
            .collect();
        if kind == ItemKind::Test {
            out.extend(
                super::fields::TEST_ENTRIES
                    .iter()
                    .map(|word| candidate(*word, None, CompletionItemKind::KEYWORD)),
            );
        }
        if let (Some(entity), Some(policy)) = (kind.entity_kind(), self.policy) {
            for relation in policy
                .relations
                .iter()
                .filter(|relation| relation.from.contains(&entity))
            {
                out.push(candidate(
                    &relation.key,
                    Some(&relation.title),
                    CompletionItemKind::PROPERTY,
                ));
            }
            for attribute in policy
                .attributes
                .iter()
                .filter(|attribute| attribute.on.contains(&entity))
            {
                out.push(candidate(
                    &attribute.key,
                    Some(&attribute.title),
                    CompletionItemKind::PROPERTY,
                ));
            }
        }
        out
    }

    /// What may follow a field's name (or a comma in its list).
    fn values(&self, kind: ItemKind, field: &str) -> Vec<Candidate> {
        if field == "source" {
            return self.documents();
        }
        let yes_no = || words(&["yes", "no"]);
        let entity_kinds = || {
            EntityKind::ALL
                .iter()
                .map(|kind| candidate(kind.word(), None, CompletionItemKind::ENUM_MEMBER))
                .collect::<Vec<_>>()
        };
        match kind {
            ItemKind::Post | ItemKind::Member | ItemKind::Body | ItemKind::Service => {
                let entity = kind.entity_kind();
                match field {
                    "holds" => self.roles(entity),
                    "responsible_for" => self.functions(),
                    "kind" => self.body_kinds(),
                    "other_functions" => words(&["no", "yes", "unknown"]),
                    _ => {
                        let Some(policy) = self.policy else {
                            return Vec::new();
                        };
                        if let Some(relation) = policy.relations.iter().find(|relation| relation.key == field) {
                            return self.entities(&relation.to);
                        }
                        match policy.attributes.iter().find(|attribute| attribute.key == field) {
                            Some(attribute) if attribute.value_type == ValueType::Bool => yes_no(),
                            _ => Vec::new(),
                        }
                    }
                }
            }
            ItemKind::Appointment
            | ItemKind::Designation
            | ItemKind::Vacancy
            | ItemKind::Change
            | ItemKind::Review
            | ItemKind::Inspection => match field {
                "post" => self.entities(&[EntityKind::Post]),
                "member" => self.entities(&[EntityKind::Member]),
                "by" => self.entities(&[EntityKind::Body, EntityKind::Post, EntityKind::Member]),
                "roles" => self.roles(None),
                "answers" => self.local(Namespace::Event, |_| true),
                "outcome" => ReviewOutcome::ALL
                    .iter()
                    .map(|outcome| candidate(outcome.word(), None, CompletionItemKind::ENUM_MEMBER))
                    .collect(),
                "responsibilities" => yes_no(),
                _ => Vec::new(),
            },
            ItemKind::Arrangements => match field {
                "kind" => CouncilKind::ALL
                    .iter()
                    .map(|kind| candidate(kind.word(), None, CompletionItemKind::ENUM_MEMBER))
                    .collect(),
                "governance" | "considering" => Governance::ALL
                    .iter()
                    .map(|model| candidate(model.word(), None, CompletionItemKind::ENUM_MEMBER))
                    .collect(),
                "upper_tier" => yes_no(),
                "answers_to" => self.editions(|kind| kind != ItemKind::Amendment),
                "commenced" => self.editions(|kind| kind == ItemKind::Amendment),
                "has_no" => self.body_kinds(),
                "complete" => {
                    let mut out = words(&["posts", "members", "bodies", "services"]);
                    if let Some(policy) = self.policy {
                        out.extend(policy.relations.iter().map(|relation| {
                            candidate(&relation.key, Some(&relation.title), CompletionItemKind::PROPERTY)
                        }));
                    }
                    out
                }
                _ => Vec::new(),
            },
            ItemKind::Duty | ItemKind::Question | ItemKind::Law => match field {
                "cites" => self.paragraphs(),
                "renew_on_change_of" | "holder" => self.roles(None),
                "sets" => self.attributes(|_| true),
                "modality" => words(&[Modality::Must.words(), Modality::Should.words()]),
                _ => Vec::new(),
            },
            ItemKind::Role => match field {
                "held_by" => words(&[EntityKind::Post.word(), EntityKind::Member.word()]),
                "remit" => self.functions(),
                "principal" | "descriptive" => yes_no(),
                _ => Vec::new(),
            },
            ItemKind::Relation => match field {
                "from" | "to" => entity_kinds(),
                "hierarchy" | "descriptive" => yes_no(),
                _ => Vec::new(),
            },
            ItemKind::Attribute => match field {
                "on" => entity_kinds(),
                "type" => [ValueType::Int, ValueType::Bool, ValueType::Text, ValueType::Date]
                    .iter()
                    .map(|value_type| candidate(value_type.word(), None, CompletionItemKind::ENUM_MEMBER))
                    .collect(),
                "marks_change" | "descriptive" => yes_no(),
                _ => Vec::new(),
            },
            ItemKind::Guidance | ItemKind::LocalPolicy | ItemKind::Amendment => match field {
                "force" => [
                    LegalForce::Statute,
                    LegalForce::StatutoryGuidance,
                    LegalForce::LocalPolicy,
                ]
                .iter()
                .map(|force| candidate(force.word(), Some(force.description()), CompletionItemKind::ENUM_MEMBER))
                .collect(),
                "supersedes" => self.editions(|kind| kind == ItemKind::Guidance),
                "by_area" => yes_no(),
                "repeals" => {
                    let mut out = self.paragraphs();
                    out.extend(self.duties(|_| true));
                    out
                }
                _ => Vec::new(),
            },
            ItemKind::Answer | ItemKind::Departure => match field {
                "against" => self.editions(|_| true),
                _ => Vec::new(),
            },
            ItemKind::Function | ItemKind::BodyKind | ItemKind::Paragraph => match field {
                "descriptive" => yes_no(),
                _ => Vec::new(),
            },
            ItemKind::Test => match field {
                "expect" => self.duties(|_| true),
                "set" | "add" | "unset" | "drop" => words(&[
                    "arrangements",
                    "post",
                    "member",
                    "body",
                    "service",
                    "document",
                    "appointment",
                    "designation",
                    "vacancy",
                    "change",
                    "review",
                    "inspection",
                    "answer",
                    "departure",
                ]),
                _ => Vec::new(),
            },
            ItemKind::Shared | ItemKind::Document | ItemKind::TagKey => Vec::new(),
        }
    }

    /// Inside a duty or question, an entry that is not a field: the rule,
    /// a condition or a tag.
    fn rule(&self, kind: ItemKind, entry: &[Token<'_>]) -> Vec<Candidate> {
        let subjects = || {
            let mut out = self.roles(None);
            out.extend(words(&["the", "council", "each", "exactly one", "at least one", "no"]));
            out
        };
        let starters = || {
            let mut out = Vec::new();
            if let Some(policy) = self.policy {
                out.extend(
                    policy
                        .relations
                        .iter()
                        .map(|relation| candidate(&relation.key, Some(&relation.title), CompletionItemKind::PROPERTY)),
                );
            }
            out.extend(words(&[
                "hold",
                "responsible_for",
                "be",
                "have",
                "not",
                "review",
                "uses",
                "considers",
            ]));
            out
        };
        let Some(last) = entry.last() else {
            let mut out = self.field_names(kind);
            out.extend(subjects());
            out.extend(words(&["when", "unless", "tag"]));
            return out;
        };
        let is_relation = |word: &str| {
            self.policy
                .is_some_and(|policy| policy.relations.iter().any(|relation| relation.key == word))
        };
        match *last {
            Token::Word(word) => match word {
                "when" | "unless" | "if" => subjects(),
                "the" => {
                    let mut out = self.roles(None);
                    out.push(candidate("council", None, CompletionItemKind::KEYWORD));
                    out
                }
                "tag" => self.tag_keys(),
                "hold" | "holds" | "holding" | "of" => self.roles(None),
                "responsible_for" | "only" => self.functions(),
                "a" | "an" => self.body_kinds(),
                "be" | "is" => {
                    let mut out = self.attributes(|value_type| value_type == ValueType::Bool);
                    out.extend(words(&["a", "an"]));
                    out
                }
                "have" | "has" => self.attributes(|value_type| value_type != ValueType::Bool),
                "must" | "should" | "may" | "not" | "and" | "or" => starters(),
                "post" | "posts" | "member" | "members" | "body" | "bodies" | "service" | "services" => {
                    words(&["holding", "must", "should", "may"])
                }
                _ if entry.len() == 2 && entry.first() == Some(&Token::Word("tag")) => self.tag_values(word),
                _ if is_relation(word) => {
                    let mut out = self.roles(None);
                    out.extend(words(&["a", "an"]));
                    out
                }
                _ if entry.len() == 1 || entry.first() == Some(&Token::Word("the")) && entry.len() == 2 => {
                    words(&["must", "must not", "should", "should not", "may"])
                }
                _ => Vec::new(),
            },
            Token::Paren => starters(),
            Token::Comma => {
                // In a list: what the list is of.
                let head = entry.iter().rev().find_map(|token| {
                    if let Token::Word(word @ ("hold" | "holds" | "responsible_for" | "only")) = token {
                        Some(*word)
                    } else {
                        None
                    }
                });
                match head {
                    Some("hold" | "holds") => self.roles(None),
                    Some(_) => self.functions(),
                    None => Vec::new(),
                }
            }
            Token::Text | Token::Open | Token::Close | Token::Newline | Token::Symbol => Vec::new(),
        }
    }

    /// A paragraph's `words` entry.
    fn words(&self, entry: &[Token<'_>]) -> Vec<Candidate> {
        match entry {
            [Token::Word("words")] => words(&["verbatim from", "quoted by", "paraphrase from", "not_at_hand"]),
            [Token::Word("words"), Token::Word("verbatim" | "paraphrase"), Token::Word("from")]
            | [Token::Word("words"), Token::Word("quoted"), Token::Word("by"), Token::Text, Token::Word("in")] => {
                self.documents()
            }
            _ => Vec::new(),
        }
    }

    fn roles(&self, holder: Option<EntityKind>) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .roles
                .iter()
                .filter(|role| holder.is_none_or(|holder| role.holder == holder))
                .map(|role| candidate(&role.key, Some(&role.title), CompletionItemKind::CLASS))
                .collect()
        })
    }

    fn functions(&self) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .functions
                .iter()
                .map(|function| candidate(&function.key, Some(&function.title), CompletionItemKind::FUNCTION))
                .collect()
        })
    }

    fn body_kinds(&self) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .body_kinds
                .iter()
                .map(|kind| candidate(&kind.key, Some(&kind.title), CompletionItemKind::STRUCT))
                .collect()
        })
    }

    fn attributes(&self, wanted: impl Fn(ValueType) -> bool) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .attributes
                .iter()
                .filter(|attribute| wanted(attribute.value_type))
                .map(|attribute| candidate(&attribute.key, Some(&attribute.title), CompletionItemKind::PROPERTY))
                .collect()
        })
    }

    fn tag_keys(&self) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .tag_keys
                .iter()
                .map(|key| candidate(&key.key, Some(&key.title), CompletionItemKind::ENUM))
                .collect()
        })
    }

    fn tag_values(&self, key: &str) -> Vec<Candidate> {
        self.policy
            .and_then(|policy| policy.tag_keys.iter().find(|tag_key| tag_key.key == key))
            .map_or_else(Vec::new, |tag_key| {
                tag_key
                    .values
                    .iter()
                    .map(|value| candidate(value, None, CompletionItemKind::ENUM_MEMBER))
                    .collect()
            })
    }

    /// Paragraph keys, each version once.
    fn paragraphs(&self) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .paragraphs
                .iter()
                .map(|paragraph| candidate(&paragraph.key, Some(&paragraph.section), CompletionItemKind::REFERENCE))
                .collect()
        })
    }

    /// Duty and question keys whose modality passes; questions first, as
    /// a council answers questions more than it departs from duties.
    fn duties(&self, wanted: impl Fn(Modality) -> bool) -> Vec<Candidate> {
        let Some(policy) = self.policy else {
            return Vec::new();
        };
        let listed = |questions: bool| {
            policy
                .duties
                .iter()
                .filter(|duty| duty.is_question() == questions && wanted(duty.modality))
                .map(|duty| {
                    let detail = match &duty.kind {
                        crate::model::DutyKind::Question { asks, .. } => duty.title.as_deref().unwrap_or(asks),
                        crate::model::DutyKind::Rule { text, .. } => duty.title.as_deref().unwrap_or(text),
                    };
                    candidate(&duty.key, Some(detail), CompletionItemKind::REFERENCE)
                })
                .collect::<Vec<_>>()
        };
        let mut out = listed(true);
        out.extend(listed(false));
        out
    }

    /// Editions, local policies and amendments declared anywhere read.
    fn editions(&self, wanted: impl Fn(ItemKind) -> bool) -> Vec<Candidate> {
        self.declarations
            .iter()
            .filter(|declaration| declaration.namespace == Namespace::Edition && wanted(declaration.item.kind))
            .map(|declaration| candidate(&declaration.item.name.text, None, CompletionItemKind::MODULE))
            .collect()
    }

    /// A council's posts, members, bodies or services of the kinds given.
    fn entities(&self, kinds: &[EntityKind]) -> Vec<Candidate> {
        self.local(Namespace::Entity, |kind| {
            kind.entity_kind().is_some_and(|entity| kinds.contains(&entity))
        })
    }

    /// Documents of this file (and those it shares), else every document.
    fn documents(&self) -> Vec<Candidate> {
        let local = self.local(Namespace::Document, |_| true);
        if !local.is_empty() {
            return local;
        }
        self.declarations
            .iter()
            .filter(|declaration| declaration.namespace == Namespace::Document)
            .map(|declaration| candidate(&declaration.item.name.text, None, CompletionItemKind::FILE))
            .collect()
    }

    /// Names a council declares, in this file and the files it shares.
    fn local(&self, namespace: Namespace, wanted: impl Fn(ItemKind) -> bool) -> Vec<Candidate> {
        let shared = self.analysis.shares_of(self.file);
        let kind = if namespace == Namespace::Event {
            CompletionItemKind::EVENT
        } else if namespace == Namespace::Document {
            CompletionItemKind::FILE
        } else {
            CompletionItemKind::VARIABLE
        };
        self.declarations
            .iter()
            .filter(|declaration| {
                declaration.namespace == namespace
                    && wanted(declaration.item.kind)
                    && (declaration.file == self.file || shared.contains(&declaration.file))
            })
            .map(|declaration| {
                let title = super::analysis::title_of(declaration.item);
                candidate(&declaration.item.name.text, title, kind)
            })
            .collect()
    }
}

/// Fixed words.
fn words(list: &[&str]) -> Vec<Candidate> {
    list.iter()
        .map(|word| candidate(*word, None, CompletionItemKind::KEYWORD))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context_of(text: &str) -> String {
        match scan(text) {
            None => "none".to_owned(),
            Some(tokens) => format!("{:?}", context(&tokens)),
        }
    }

    #[test]
    fn the_scanner_finds_the_item_and_the_entry() {
        assert_eq!(context_of(""), "TopLevel([])");
        assert_eq!(context_of("post p { title \"x\" }\nanswer "), "TopLevel([\"answer\"])");
        assert_eq!(
            context_of("post p {\n  title \"a { b\" // }\n  holds "),
            "Block(Some(Post), [Word(\"holds\")])"
        );
        assert_eq!(
            context_of("post p {\n  holds DCS,\n    "),
            "Block(Some(Post), [Word(\"holds\"), Word(\"DCS\"), Comma])"
        );
        assert_eq!(context_of("post p { title \"unclosed"), "none");
        assert_eq!(context_of("post p { /* open"), "none");
        assert_eq!(context_of("post p { // comment"), "none");
    }

    #[test]
    fn fields_are_read_word_by_word() {
        let read = |text: &str| format!("{:?}", scan(text).map(|tokens| read_field(&tokens)));
        assert_eq!(read(""), "Some(Start)");
        assert_eq!(read("holds "), "Some(Values(\"holds\", true))");
        assert_eq!(read("holds DCS, "), "Some(Values(\"holds\", true))");
        assert_eq!(read("holds DCS "), "Some(Values(\"holds\", false))");
        assert_eq!(read("holds DCS per "), "Some(Evidence(false))");
        assert_eq!(read("title \"x\"  held_by "), "Some(Values(\"held_by\", true))");
        assert_eq!(read("tier 1 from 2017 until 2018 per "), "Some(Evidence(false))");
    }
}
