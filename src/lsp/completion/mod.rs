//! Completion: the names and fields that may be written at the cursor.
//!
//! The item being written rarely parses (that is why it is being
//! written), so the cursor's context is read from the words before it, not
//! from the syntax tree: a small scanner that knows strings, comments and
//! braces finds the item the cursor is in and the entry it is writing.
//! What may follow comes from the policy (the guidance's vocabulary,
//! duties and paragraphs) and from what the council's files declare.
//!
//! `context.rs` reads the cursor's context; this file offers item heads
//! and sends an entry to what completes it: `fields.rs` (a field's name,
//! and whether a value comes next), `values.rs` (a field's values, by the
//! kind of item), `rules.rs` (a duty's or question's rule, condition or
//! tag, and a paragraph's `words`), each drawing on `names.rs` (the names
//! the policy and the council's files declare).

mod context;
mod fields;
mod names;
mod rules;
mod values;

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Position, TextEdit};

use super::analysis::Analysis;
use super::index::{Declaration, Namespace};
use crate::lsp::fields::fields;
use crate::model::{Modality, Policy};
use crate::source::{FileId, Span};
use crate::syntax::ast::ItemKind;
use context::{context, is_word_byte, scan, Context, Token};
use fields::{read_field, Field};

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

impl Completer<'_> {
    /// Between items: an item's keyword, or what its head names next.
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

    /// Inside an item's block: the entry being written.
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
}

/// Fixed words.
fn words(list: &[&str]) -> Vec<Candidate> {
    list.iter()
        .map(|word| candidate(*word, None, CompletionItemKind::KEYWORD))
        .collect()
}
