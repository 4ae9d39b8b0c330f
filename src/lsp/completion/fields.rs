//! The entry being written, read as a field: whether its name, a value or
//! its evidence comes next; and the names of the fields an item may have.

use lsp_types::CompletionItemKind;

use super::context::Token;
use super::{candidate, Candidate, Completer};
use crate::lsp::fields::{fields, TEST_ENTRIES};
use crate::syntax::ast::ItemKind;

/// The state of a field entry, read word by word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field<'a> {
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

pub(super) fn read_field<'a>(entry: &[Token<'a>]) -> Field<'a> {
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
                // `in_turns "…"` qualifies the line, as `possibly` does.
                "inferred" | "possibly" | "in_turns" => Field::Values(field, false),
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

impl Completer<'_> {
    /// The fields of an item of this kind; on a post, member, body or
    /// service, the guidance's relations and attributes it may have too.
    pub(super) fn field_names(&self, kind: ItemKind) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = fields(kind)
            .iter()
            .map(|field| candidate(*field, None, CompletionItemKind::FIELD))
            .collect();
        if kind == ItemKind::Test {
            out.extend(
                TEST_ENTRIES
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
}

#[cfg(test)]
mod tests {
    use super::super::context::scan;
    use super::*;

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
