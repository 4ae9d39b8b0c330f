//! Inside a duty or question, an entry that is not a field: the rule, a
//! condition or a tag; and a paragraph's `words`.

use lsp_types::CompletionItemKind;

use super::context::Token;
use super::{candidate, words, Candidate, Completer};
use crate::model::ValueType;
use crate::syntax::ast::ItemKind;

impl Completer<'_> {
    /// Inside a duty or question, an entry that is not a field: the rule,
    /// a condition or a tag.
    pub(super) fn rule(&self, kind: ItemKind, entry: &[Token<'_>]) -> Vec<Candidate> {
        let Some(last) = entry.last() else {
            let mut out = self.field_names(kind);
            out.extend(self.subjects());
            out.extend(words(&["when", "unless", "tag"]));
            return out;
        };
        match *last {
            Token::Word(word) => self.after_word(entry, word),
            Token::Paren => self.starters(),
            Token::Comma => self.list_elements(entry),
            Token::Text | Token::Open | Token::Close | Token::Newline | Token::Symbol => Vec::new(),
        }
    }

    /// What may follow the entry's last word.
    fn after_word(&self, entry: &[Token<'_>], word: &str) -> Vec<Candidate> {
        let is_relation = |word: &str| {
            self.policy
                .is_some_and(|policy| policy.relations.iter().any(|relation| relation.key == word))
        };
        match word {
            "when" | "unless" | "if" => self.subjects(),
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
            // A timeline predicate: after each change, before each
            // extension (the guidance's "before allocating"), or every
            // so often.
            "review" => words(&["after each", "before each", "every"]),
            "each"
                if entry.len() >= 2
                    && entry
                        .iter()
                        .rev()
                        .nth(1)
                        .is_some_and(|token| matches!(token, Token::Word("after" | "before"))) =>
            {
                words(&["change of", "extension of"])
            }
            "must" | "should" | "may" | "not" | "and" | "or" => self.starters(),
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
        }
    }

    /// After a comma, in a list: what the list is of.
    fn list_elements(&self, entry: &[Token<'_>]) -> Vec<Candidate> {
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

    /// What a rule or condition may be about.
    fn subjects(&self) -> Vec<Candidate> {
        let mut out = self.roles(None);
        out.extend(words(&["the", "council", "each", "exactly one", "at least one", "no"]));
        out
    }

    /// How a predicate may start: a relation, or a word of the language.
    fn starters(&self) -> Vec<Candidate> {
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
    }

    /// A paragraph's `words` entry.
    pub(super) fn words(&self, entry: &[Token<'_>]) -> Vec<Candidate> {
        match entry {
            [Token::Word("words")] => words(&["verbatim from", "quoted by", "paraphrase from", "not_at_hand"]),
            [Token::Word("words"), Token::Word("verbatim" | "paraphrase"), Token::Word("from")]
            | [Token::Word("words"), Token::Word("quoted"), Token::Word("by"), Token::Text, Token::Word("in")] => {
                self.documents()
            }
            _ => Vec::new(),
        }
    }
}
