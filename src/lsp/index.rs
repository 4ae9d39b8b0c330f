//! What each name written in a file refers to, read from the syntax trees.
//!
//! The index is built from what was *written* rather than from the
//! checked model, so that it still serves a file with errors in it: a
//! syntax error drops one item, and every other item still has its names.
//! [`occurrences`] lists every name in one file with the kind of thing it
//! names; [`declarations`] lists every item of every file read.

use std::collections::BTreeSet;

use crate::model::VocabularyKind;
use crate::source::{FileId, Span};
pub use crate::syntax::ast::Namespace;
use crate::syntax::ast::{self, Entry, Item, ItemKind, Subject, ValueKind, WordsKind};
use crate::Workspace;

/// An item as declared.
#[derive(Clone, Copy, Debug)]
pub struct Declaration<'a> {
    /// Its namespace.
    pub namespace: Namespace,
    /// The file it is in.
    pub file: FileId,
    /// The item.
    pub item: &'a Item,
}

/// A name as written, with what kind of thing it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// What it names.
    pub namespace: Namespace,
    /// The name or key.
    pub name: String,
    /// Where it is written.
    pub span: Span,
    /// Whether this is the declaration itself (the name of an item).
    pub declaring: bool,
}

/// Every declaration in every file the workspace read, the user's files
/// first and then the embedded guidance.
pub fn declarations(workspace: &Workspace) -> Vec<Declaration<'_>> {
    let mut found = Vec::new();
    for (file, tree) in workspace.parsed() {
        for item in &tree.items {
            if let Some(namespace) = item.kind.namespace() {
                found.push(Declaration { namespace, file, item });
            }
        }
    }
    found
}

/// The names of relations and attributes declared anywhere, which decide
/// what a field of a post, member, body or service names.
#[derive(Default)]
pub struct Vocabulary {
    relations: BTreeSet<String>,
    attributes: BTreeSet<String>,
}

impl Vocabulary {
    /// The relations and attributes among the declarations.
    pub fn new(declarations: &[Declaration<'_>]) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for declaration in declarations {
            match declaration.item.kind.vocabulary() {
                Some(VocabularyKind::Relation) => {
                    vocabulary.relations.insert(declaration.item.name.text.to_string());
                }
                Some(VocabularyKind::Attribute) => {
                    vocabulary.attributes.insert(declaration.item.name.text.to_string());
                }
                Some(
                    VocabularyKind::Role | VocabularyKind::Function | VocabularyKind::BodyKind | VocabularyKind::TagKey,
                )
                | None => {}
            }
        }
        vocabulary
    }
}

/// Every name written in a file, in source order.
pub fn occurrences(tree: &ast::File, vocabulary: &Vocabulary) -> Vec<Occurrence> {
    let mut out = Occurrences(Vec::new());
    for item in &tree.items {
        out.item(item, vocabulary);
    }
    out.0
}

/// The occurrence at a byte offset: the narrowest span that holds it, or
/// that ends at it (a cursor just after a name is on the name).
pub fn at(occurrences: &[Occurrence], offset: usize) -> Option<&Occurrence> {
    let width = |occurrence: &&Occurrence| occurrence.span.end - occurrence.span.start;
    occurrences
        .iter()
        .filter(|occurrence| {
            let range = occurrence.span.range();
            range.start <= offset && offset < range.end
        })
        .min_by_key(width)
        .or_else(|| {
            occurrences
                .iter()
                .filter(|occurrence| occurrence.span.end as usize == offset)
                .min_by_key(width)
        })
}

struct Occurrences(Vec<Occurrence>);

impl Occurrences {
    fn push(&mut self, namespace: Namespace, name: &str, span: Span) {
        self.0.push(Occurrence {
            namespace,
            name: name.to_owned(),
            span,
            declaring: false,
        });
    }

    fn name(&mut self, namespace: Namespace, name: &ast::Name) {
        self.push(namespace, &name.text, name.span);
    }

    /// Every value of a field that is a name or key, in a namespace.
    fn values(&mut self, namespace: Namespace, field: &ast::Field) {
        for value in &field.values {
            match &value.kind {
                ValueKind::Key(text) | ValueKind::Str(text) => self.push(namespace, text, value.span),
                ValueKind::Number(number) => self.push(namespace, &number.to_string(), value.span),
                ValueKind::Text(_) | ValueKind::Date(_) | ValueKind::Bool(_) | ValueKind::When(_) => {}
            }
        }
    }

    fn item(&mut self, item: &Item, vocabulary: &Vocabulary) {
        match item.kind.namespace() {
            Some(namespace) => self.0.push(Occurrence {
                namespace,
                name: item.name.text.to_string(),
                span: item.name.span,
                declaring: true,
            }),
            // A test's name names nothing in the files.
            None if item.kind == ItemKind::Test => {}
            // An answer or a departure is written with the key of the duty
            // it answers or departs from.
            None => self.name(Namespace::Duty, &item.name),
        }
        if let Some(extends) = &item.extends {
            self.name(Namespace::Edition, extends);
        }
        if let Some(after) = item.time.as_ref().and_then(|time| time.after.as_ref()) {
            self.name(Namespace::Event, after);
        }
        for entry in &item.entries {
            match entry {
                Entry::Field(field) => self.field(item.kind, field, vocabulary),
                Entry::Rule(rule) => self.claim(&rule.subject, &rule.predicate),
                Entry::Condition(condition) => self.claim(&condition.claim.subject, &condition.claim.predicate),
                Entry::Words(words) => match &words.kind {
                    WordsKind::Verbatim { document }
                    | WordsKind::Quoted { document, .. }
                    | WordsKind::Paraphrase { document } => self.name(Namespace::Document, document),
                    WordsKind::NotAtHand { .. } => {}
                },
                Entry::Tag(tag) => self.name(Namespace::TAG_KEY, &tag.key),
                // A test expects of a duty, and binds posts or members by
                // name; its changes name an item and give a field.
                Entry::Expect(expect) => {
                    self.name(Namespace::Duty, &expect.duty);
                    for holder in expect.holders.iter().flatten() {
                        self.name(Namespace::Entity, holder);
                    }
                }
                Entry::Edit(edit) => {
                    if let Some(namespace) =
                        ItemKind::from_keyword(&edit.target_kind.text).and_then(ItemKind::namespace)
                    {
                        self.name(namespace, &edit.target);
                    }
                    if let ast::EditAction::Set(field) | ast::EditAction::Add(field) = &edit.action {
                        let target = ItemKind::from_keyword(&edit.target_kind.text).unwrap_or(ItemKind::Test);
                        self.field(target, field, vocabulary);
                    }
                }
            }
        }
    }

    fn field(&mut self, kind: ItemKind, field: &ast::Field, vocabulary: &Vocabulary) {
        if let Some(evidence) = &field.evidence {
            self.name(Namespace::Document, &evidence.document);
        }
        let name = field.name.text.as_str();
        if name == "source" {
            if let Some(document) = field.values.first() {
                if let ValueKind::Key(text) | ValueKind::Str(text) = &document.kind {
                    self.push(Namespace::Document, text, document.span);
                }
            }
            return;
        }
        // Over the item kind first, so that a new kind of item must be
        // placed here; then over the field's name, which is open.
        let namespace = match kind {
            ItemKind::Guidance | ItemKind::LocalPolicy => (name == "supersedes").then_some(Namespace::Edition),
            ItemKind::Amendment => {
                if name == "repeals" {
                    // A repeal names a paragraph, duty or law by its key:
                    // the one that is declared is found whichever it is.
                    for namespace in [Namespace::Paragraph, Namespace::Duty, Namespace::Law] {
                        self.values(namespace, field);
                    }
                }
                None
            }
            ItemKind::Role => (name == "remit").then_some(Namespace::FUNCTION),
            ItemKind::Duty | ItemKind::Question | ItemKind::Law => match name {
                "cites" => Some(Namespace::Paragraph),
                "renew_on_change_of" | "holder" => Some(Namespace::ROLE),
                "sets" => Some(Namespace::ATTRIBUTE),
                _ => None,
            },
            ItemKind::Arrangements => match name {
                "answers_to" | "commenced" => Some(Namespace::Edition),
                "has_no" => Some(Namespace::BODY_KIND),
                "complete" => Some(Namespace::RELATION),
                "shares" => {
                    for value in &field.values {
                        if let ValueKind::Text(path) | ValueKind::Str(path) = &value.kind {
                            self.push(Namespace::SharedFile, path, value.span);
                        }
                    }
                    None
                }
                _ => None,
            },
            ItemKind::Answer | ItemKind::Departure => match name {
                "against" => Some(Namespace::Edition),
                "about" => Some(Namespace::Entity),
                _ => None,
            },
            ItemKind::Post | ItemKind::Member | ItemKind::Body | ItemKind::Service => {
                self.entity_field(field, vocabulary)
            }
            ItemKind::Organisation => match name {
                "owned_by" | "part_owned_by" | "board" => Some(Namespace::Entity),
                _ => None,
            },
            ItemKind::Appointment | ItemKind::Designation | ItemKind::Vacancy | ItemKind::Change => match name {
                "post" | "member" | "by" => Some(Namespace::Entity),
                "roles" => Some(Namespace::ROLE),
                _ => None,
            },
            ItemKind::Review | ItemKind::Inspection => match name {
                "by" => Some(Namespace::Entity),
                "answers" => Some(Namespace::Event),
                _ => None,
            },
            ItemKind::Shared
            | ItemKind::Document
            | ItemKind::Function
            | ItemKind::BodyKind
            | ItemKind::Relation
            | ItemKind::Attribute
            | ItemKind::TagKey
            | ItemKind::Paragraph
            | ItemKind::Test => None,
        };
        if let Some(namespace) = namespace {
            self.values(namespace, field);
        }
    }

    /// A field of a post, member, body or service: its name may itself be
    /// a relation or attribute of the guidance.
    fn entity_field(&mut self, field: &ast::Field, vocabulary: &Vocabulary) -> Option<Namespace> {
        let name = field.name.text.as_str();
        match name {
            "holds" => Some(Namespace::ROLE),
            "responsible_for" => Some(Namespace::FUNCTION),
            "kind" => Some(Namespace::BODY_KIND),
            "provider" | "employer" | "seconded_from" | "seconded_to" => Some(Namespace::Entity),
            "holds_there" => Some(Namespace::ROLE),
            _ if vocabulary.relations.contains(name) => {
                self.name(Namespace::RELATION, &field.name);
                Some(Namespace::Entity)
            }
            _ if vocabulary.attributes.contains(name) => {
                self.name(Namespace::ATTRIBUTE, &field.name);
                None
            }
            _ => None,
        }
    }

    fn claim(&mut self, subject: &Subject, predicate: &ast::Predicate) {
        if let Some(role) = subject.role() {
            self.name(Namespace::ROLE, role);
        }
        for (namespace, name) in predicate.mentions() {
            self.name(namespace, name);
        }
    }
}
