//! Warning W0014: text in a file that holds characters which act on a
//! terminal or reorder text when printed raw (see [`crate::visible`]).
//!
//! Every output shows them safely whatever the checker says; the warning
//! is for the author, because the file itself does not read as it is
//! written: in an editor, a bidirectional override in a comment can make
//! a duty look commented out ("Trojan Source"), and a council name can
//! carry a terminal sequence. Tab and line feed are not warned about: the
//! language's strings write them (`\t`, `\n`) and every output lays them
//! out.
//!
//! Strings and names are read from the syntax tree, so a JSON string's
//! `\u001b` is found as the character it stands for. In a `.dcs` file the
//! text outside strings is scanned too, line by line: comments are where
//! such characters hide best. That scan waits until the file parses
//! whole, as only then is it known where its strings are.

use super::{CheckError, Parsed};
use crate::source::{FileId, SourceFile, Span};
use crate::syntax::ast::{Entry, Name, PredicateKind, Value, ValueKind, WordsKind};
use crate::visible;

/// The warnings for one file.
pub(super) fn warnings(parsed: &Parsed<'_>, source: &SourceFile) -> Vec<CheckError> {
    let mut texts: Vec<(&str, Span)> = Vec::new();
    for item in &parsed.ast.items {
        texts.push(name(&item.name));
        texts.extend(item.extends.as_deref().map(name));
        texts.extend(item.time.as_ref().and_then(|time| time.after.as_ref()).map(name));
        for entry in &item.entries {
            entry_texts(entry, &mut texts);
        }
    }
    let mut found: Vec<CheckError> = texts
        .iter()
        .filter_map(|(text, span)| {
            let characters = visible::hidden_in(text);
            (!characters.is_empty()).then_some(CheckError::HiddenCharacters {
                characters,
                span: *span,
                in_string: true,
            })
        })
        .collect();
    if !parsed.incomplete && !crate::syntax::reads_as_json(source) {
        let mut inside: Vec<Span> = texts.iter().map(|(_, span)| *span).collect();
        inside.sort_by_key(|span| (span.start, span.end));
        found.extend(outside_strings(parsed.file, &source.text, &inside));
    }
    found.sort_by_key(|error| {
        let span = error.span();
        (span.start, span.end)
    });
    found
}

fn name(name: &Name) -> (&str, Span) {
    (name.text.as_str(), name.span)
}

fn value(value: &Value) -> Option<(&str, Span)> {
    match &value.kind {
        ValueKind::Text(text) | ValueKind::Str(text) | ValueKind::Key(text) => Some((text.as_str(), value.span)),
        // A bounded date's anchors are dates or event names, which the grammar
        // keeps to plain identifier characters.
        ValueKind::Date(_) | ValueKind::Number(_) | ValueKind::Bool(_) | ValueKind::When(_) => None,
    }
}

fn entry_texts<'a>(entry: &'a Entry, texts: &mut Vec<(&'a str, Span)>) {
    match entry {
        Entry::Field(field) => field_texts(field, texts),
        Entry::Words(words) => match &words.kind {
            WordsKind::Verbatim { document } | WordsKind::Paraphrase { document } => texts.push(name(document)),
            WordsKind::Quoted { by, document } => {
                texts.push((by.as_str(), words.span));
                texts.push(name(document));
            }
            WordsKind::NotAtHand { reason } => texts.push((reason.as_str(), words.span)),
        },
        Entry::Tag(tag) => {
            texts.push(name(&tag.key));
            texts.push(name(&tag.value));
        }
        // Rules and conditions are written in the grammar's words and
        // names, which hold no such character; only a compared value may
        // be a string.
        Entry::Rule(rule) => predicate_texts(&rule.predicate.kind, texts),
        Entry::Condition(condition) => predicate_texts(&condition.claim.predicate.kind, texts),
        // A test's words after `expect` are names; a change carries a
        // field like any other.
        Entry::Expect(expect) => {
            texts.push(name(&expect.duty));
            texts.extend(expect.holders.iter().flatten().map(name));
        }
        Entry::Edit(edit) => match &edit.action {
            crate::syntax::ast::EditAction::Set(field) | crate::syntax::ast::EditAction::Add(field) => {
                field_texts(field, texts);
            }
            crate::syntax::ast::EditAction::Unset(_) | crate::syntax::ast::EditAction::Drop => {}
        },
    }
}

fn field_texts<'a>(field: &'a crate::syntax::ast::Field, texts: &mut Vec<(&'a str, Span)>) {
    texts.push(name(&field.name));
    texts.extend(field.values.iter().filter_map(value));
    if let Some(evidence) = &field.evidence {
        texts.push(name(&evidence.document));
        texts.extend(evidence.location.as_deref().map(|location| (location, evidence.span)));
    }
}

fn predicate_texts<'a>(predicate: &'a PredicateKind, texts: &mut Vec<(&'a str, Span)>) {
    // A stack, not recursion: nesting is capped, but need not be trusted.
    let mut stack = vec![predicate];
    while let Some(kind) = stack.pop() {
        match kind {
            PredicateKind::And(parts) | PredicateKind::Or(parts) => stack.extend(parts.iter().map(|part| &part.kind)),
            PredicateKind::Not(inner) => stack.push(&inner.kind),
            PredicateKind::Atom(crate::syntax::ast::Atom::Compare { literal, .. }) => match &literal.kind {
                ValueKind::Text(text) | ValueKind::Str(text) | ValueKind::Key(text) => {
                    texts.push((text.as_str(), literal.span));
                }
                ValueKind::Date(_) | ValueKind::Number(_) | ValueKind::Bool(_) | ValueKind::When(_) => {}
            },
            PredicateKind::Atom(_) => {}
        }
    }
}

/// The lines of a `.dcs` file with such characters outside every string
/// (spans sorted by start), one warning per line.
fn outside_strings(file: FileId, text: &str, inside: &[Span]) -> Vec<CheckError> {
    let mut found: Vec<CheckError> = Vec::new();
    // The line being gathered: its characters and span.
    let mut line: Option<(Vec<char>, usize, usize)> = None;
    let mut next_inside = 0;
    let mut flush = |line: &mut Option<(Vec<char>, usize, usize)>| {
        if let Some((characters, start, end)) = line.take() {
            found.push(CheckError::HiddenCharacters {
                characters,
                span: Span::new(file, start, end),
                in_string: false,
            });
        }
    };
    for (at, c) in text.char_indices() {
        if c == '\n' {
            flush(&mut line);
            continue;
        }
        if !visible::is_hidden(c) {
            continue;
        }
        // Spans are sorted by start, so those ending before here are done
        // with for good.
        while inside.get(next_inside).is_some_and(|span| (span.end as usize) <= at) {
            next_inside += 1;
        }
        let covered = inside
            .iter()
            .skip(next_inside)
            .take_while(|span| (span.start as usize) <= at)
            .any(|span| at < span.end as usize);
        if covered {
            continue;
        }
        let end = at + c.len_utf8();
        match &mut line {
            Some((characters, _, last)) => {
                if !characters.contains(&c) {
                    characters.push(c);
                }
                *last = end;
            }
            None => line = Some((vec![c], at, end)),
        }
    }
    flush(&mut line);
    found
}
