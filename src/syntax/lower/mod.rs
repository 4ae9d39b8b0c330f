//! pest's concrete tree to our syntax tree, one small function per
//! construct. `Pair` and `Rule` stay inside `src/syntax/`.
//!
//! Each function names the rules it expects among a pair's children; a
//! child of any other rule is an internal error (E0099), never silently
//! dropped, so a grammar edit that adds a child cannot lose an entry.
//!
//! This file lowers items, their entries and values; `rule.rs` lowers a
//! duty's rule and a condition's claim.

mod rule;

use pest::iterators::Pair;
use pest::Parser;
use thin_vec::ThinVec;

use super::ast::*;
use super::error::SyntaxError;
use super::expected;
use super::grammar::{DcsParser, Rule};
use crate::date::PartialDate;
use crate::source::{FileId, Span};

/// Parses and lowers one top-level item found at `offset` in the file.
pub(super) fn parse_item(file: FileId, offset: usize, text: &str) -> Result<Item, Vec<SyntaxError>> {
    let pairs = DcsParser::parse(Rule::item_only, text)
        .map_err(|error| vec![expected::translate(file, offset, text, &error)])?;
    let mut lowerer = Lowerer {
        file,
        offset,
        errors: Vec::new(),
    };
    let item = pairs
        .flatten()
        .find(|pair| pair.as_rule() == Rule::item)
        .and_then(|pair| lowerer.item(pair));
    match item {
        Some(item) if lowerer.errors.is_empty() => Ok(item),
        _ => {
            if lowerer.errors.is_empty() {
                lowerer.errors.push(SyntaxError::Internal {
                    span: Span::new(file, offset, offset + text.len()),
                    detail: "an item",
                });
            }
            Err(lowerer.errors)
        }
    }
}

struct Lowerer {
    file: FileId,
    offset: usize,
    errors: Vec<SyntaxError>,
}

type P<'i> = Pair<'i, Rule>;

impl Lowerer {
    fn span(&self, pair: &P<'_>) -> Span {
        let span = pair.as_span();
        Span::new(self.file, self.offset + span.start(), self.offset + span.end())
    }

    /// The span of a pair from its start to the end of its last token:
    /// pest's implicit whitespace before an absent optional part would
    /// otherwise stretch it, and each pair inside it, over the blank lines
    /// that follow.
    fn tight_span(&self, pair: &P<'_>) -> Span {
        let whole = self.span(pair);
        let mut last = None;
        let mut children = pair.clone().into_inner().last();
        while let Some(child) = children {
            children = child.clone().into_inner().last();
            last = Some(child);
        }
        match last {
            Some(last) => Span {
                end: u32::try_from(self.offset + closing_parentheses(pair, last.as_span().end())).unwrap_or(u32::MAX),
                ..whole
            },
            None => whole,
        }
    }

    fn name(&self, pair: &P<'_>) -> Name {
        Name {
            text: pair.as_str().to_owned().into(),
            span: self.span(pair),
        }
    }

    fn internal(&mut self, pair: &P<'_>, detail: &'static str) {
        self.errors.push(SyntaxError::Internal {
            span: self.span(pair),
            detail,
        });
    }

    fn item(&mut self, pair: P<'_>) -> Option<Item> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next()?;
        let mut kind = match inner.as_rule() {
            Rule::guidance_item => Some(ItemKind::Guidance),
            Rule::local_policy_item => Some(ItemKind::LocalPolicy),
            Rule::amendment_item => Some(ItemKind::Amendment),
            Rule::arrangements_item => Some(ItemKind::Arrangements),
            Rule::shared_item => Some(ItemKind::Shared),
            Rule::departure_item => Some(ItemKind::Departure),
            Rule::test_item => Some(ItemKind::Test),
            _ => None,
        };
        let mut names = Vec::new();
        let mut time = None;
        let mut entries = Vec::new();
        for part in inner.into_inner() {
            match part.as_rule() {
                Rule::event_kind | Rule::keyed_kind | Rule::named_kind => {
                    kind = ItemKind::from_keyword(part.as_str());
                }
                Rule::name | Rule::key => names.push(self.name(&part)),
                Rule::event_time => time = self.event_time(part),
                Rule::block => entries = self.block(part),
                Rule::kw_guidance
                | Rule::kw_local_policy
                | Rule::kw_amendment
                | Rule::kw_amends
                | Rule::kw_arrangements
                | Rule::kw_shared
                | Rule::kw_departure
                | Rule::kw_test
                | Rule::kw_extends
                | Rule::kw_from
                | Rule::kw_on => {}
                _ => self.internal(&part, "an item's head"),
            }
        }
        let mut names = names.into_iter();
        let (Some(kind), Some(name)) = (kind, names.next()) else {
            self.errors.push(SyntaxError::Internal {
                span,
                detail: "an item kind and name",
            });
            return None;
        };
        Some(Item {
            kind,
            name,
            extends: names.next().map(Box::new),
            time: time.map(Box::new),
            entries,
            span,
        })
    }

    fn date_value(&mut self, pair: P<'_>) -> Option<DateValue> {
        let inner = pair.into_inner().next()?;
        self.date_value_of(&inner)
    }

    /// A `date`, `number` (a year) or `unknown`, as a date value.
    fn date_value_of(&mut self, pair: &P<'_>) -> Option<DateValue> {
        let span = self.span(pair);
        let text = pair.as_str();
        if pair.as_rule() == Rule::unknown_date {
            return Some(DateValue { date: None, span });
        }
        match PartialDate::parse(text.trim()) {
            Ok(date) => Some(DateValue { date: Some(date), span }),
            Err(error) => {
                self.errors.push(SyntaxError::InvalidDate { span, error });
                None
            }
        }
    }

    /// `exists from … until …` becomes the field `exists` with no value and
    /// that period, as the checker reads it.
    fn life(&mut self, pair: P<'_>) -> Option<Field> {
        let span = self.tight_span(&pair);
        let mut name = None;
        let mut period = None;
        let mut qualifiers = ThinVec::new();
        let mut evidence = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_exists => name = Some(self.name(&part)),
                Rule::period => period = self.period(part),
                Rule::qualifier => qualifiers.push(self.qualifier(&part)),
                Rule::evidence => evidence = self.evidence(part),
                _ => self.internal(&part, "an `exists` entry"),
            }
        }
        Some(Field {
            name: name?,
            values: Values::new(),
            selections: ThinVec::new(),
            qualifiers,
            period: Some(Box::new(period?)),
            turns: None,
            evidence: evidence.map(Box::new),
            span,
        })
    }

    /// `extends A`, `extends A, B`, `extends A or B` becomes the field
    /// `extends` with the roles as values, marked [`Qualifier::OneOf`] when
    /// joined by `or`.
    fn extends(&mut self, pair: P<'_>) -> Option<Field> {
        let span = self.tight_span(&pair);
        let mut name = None;
        let mut values = Values::new();
        let mut qualifiers = ThinVec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_extends => name = Some(self.name(&part)),
                Rule::name => values.push(Value {
                    kind: ValueKind::Key(part.as_str().to_owned().into()),
                    span: self.span(&part),
                }),
                Rule::extends_join => {
                    if part.as_str().starts_with("or") {
                        qualifiers.push((Qualifier::OneOf, self.span(&part)));
                    }
                }
                _ => self.internal(&part, "an `extends` entry"),
            }
        }
        Some(Field {
            name: name?,
            values,
            selections: ThinVec::new(),
            qualifiers,
            period: None,
            turns: None,
            evidence: None,
            span,
        })
    }

    fn qualifier(&self, part: &P<'_>) -> (Qualifier, Span) {
        let qualifier = match part.as_str() {
            "possibly" => Qualifier::Possibly,
            "suggested" => Qualifier::Suggested,
            "proposed" => Qualifier::Proposed,
            _ => Qualifier::Inferred,
        };
        (qualifier, self.span(part))
    }

    fn anchor(&mut self, pair: P<'_>) -> Option<Anchor> {
        let inner = pair.into_inner().next()?;
        match inner.as_rule() {
            Rule::name => Some(Anchor::Event(self.name(&inner))),
            Rule::date | Rule::number => {
                let span = self.span(&inner);
                match PartialDate::parse(inner.as_str().trim()) {
                    Ok(date) => Some(Anchor::Date(DateValue { date: Some(date), span })),
                    Err(error) => {
                        self.errors.push(SyntaxError::InvalidDate { span, error });
                        None
                    }
                }
            }
            _ => {
                self.internal(&inner, "what bounds a date");
                None
            }
        }
    }

    /// `between A and B`: no date, after A and before B.
    fn between(&mut self, pair: P<'_>, when: &mut When) -> Option<()> {
        let mut anchors = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::anchor => anchors.push(self.anchor(part)?),
                Rule::kw_between | Rule::kw_and => {}
                _ => self.internal(&part, "`between … and …`"),
            }
        }
        let mut anchors = anchors.into_iter();
        when.after.extend(anchors.next());
        when.before.extend(anchors.next());
        Some(())
    }

    /// `after X` or `before Y` after a date.
    fn date_bound(&mut self, pair: P<'_>, when: &mut When) -> Option<()> {
        let mut before = false;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_after => before = false,
                Rule::kw_before => before = true,
                Rule::anchor => {
                    let anchor = self.anchor(part)?;
                    if before {
                        when.before.push(anchor);
                    } else {
                        when.after.push(anchor);
                    }
                }
                _ => self.internal(&part, "a bound of a date"),
            }
        }
        Some(())
    }

    /// A date as the papers give it (`when` or a `bounded` value).
    fn when(&mut self, pair: P<'_>) -> Option<When> {
        let span = self.tight_span(&pair);
        let mut when = When {
            date: None,
            after: Vec::new(),
            before: Vec::new(),
            span,
        };
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::date_value => when.date = Some(self.date_value(part)?),
                Rule::date | Rule::number | Rule::unknown_date => {
                    when.date = Some(self.date_value_of(&part)?);
                }
                Rule::between => self.between(part, &mut when)?,
                Rule::date_bound => self.date_bound(part, &mut when)?,
                _ => self.internal(&part, "a date"),
            }
        }
        Some(when)
    }

    fn event_time(&mut self, pair: P<'_>) -> Option<EventTime> {
        let span = self.tight_span(&pair);
        let mut on = None;
        let mut after = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::when => on = Some(self.when(part)?),
                Rule::name => after = Some(self.name(&part)),
                Rule::kw_on | Rule::kw_after => {}
                _ => self.internal(&part, "when an event happened"),
            }
        }
        Some(EventTime { on, after, span })
    }

    fn period(&mut self, pair: P<'_>) -> Option<WrittenPeriod> {
        let span = self.tight_span(&pair);
        let mut from = None;
        let mut until = None;
        let mut seen = None;
        let mut next_is_until = false;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_from => next_is_until = false,
                Rule::kw_until => next_is_until = true,
                Rule::kw_seen => {}
                Rule::date_value => seen = Some(self.date_value(part)?),
                Rule::when => {
                    let when = self.when(part)?;
                    if next_is_until {
                        until = Some(when);
                    } else {
                        from = Some(when);
                    }
                }
                _ => self.internal(&part, "a period"),
            }
        }
        Some(WrittenPeriod {
            from,
            until,
            seen,
            span,
        })
    }

    fn block(&mut self, pair: P<'_>) -> Vec<Entry> {
        let mut entries = Vec::new();
        for entry in pair.into_inner() {
            let Some(inner) = entry.into_inner().next() else {
                continue;
            };
            let lowered = match inner.as_rule() {
                Rule::field => self.field(inner).map(Entry::Field),
                Rule::duty_rule => self.rule(inner).map(|rule| Entry::Rule(Box::new(rule))),
                Rule::condition => self
                    .condition(inner)
                    .map(|condition| Entry::Condition(Box::new(condition))),
                Rule::words_entry => self.words(inner).map(Entry::Words),
                Rule::tag_entry => self.tag(inner).map(Entry::Tag),
                Rule::source_entry => self.source(inner).map(Entry::Field),
                Rule::life_entry => self.life(inner).map(Entry::Field),
                Rule::extends_entry => self.extends(inner).map(Entry::Field),
                Rule::expect_entry => self.expect(inner).map(|expect| Entry::Expect(Box::new(expect))),
                Rule::edit_entry => self.edit(inner).map(|edit| Entry::Edit(Box::new(edit))),
                _ => {
                    self.internal(&inner, "an entry");
                    None
                }
            };
            entries.extend(lowered);
        }
        // Held for the whole run, one block per item: a large file's
        // items would otherwise keep room for twice the entries they have.
        entries.shrink_to_fit();
        entries
    }

    fn field(&mut self, pair: P<'_>) -> Option<Field> {
        let span = self.tight_span(&pair);
        let mut name = None;
        let mut values = Values::new();
        let mut qualifiers = ThinVec::new();
        let mut period = None;
        let mut turns = None;
        let mut evidence = None;
        let mut selections = ThinVec::new();
        // The value a selection follows: none after a value refused (its
        // error is reported), so a selection never moves to another value.
        let mut last = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::field_name => name = Some(self.name(&part)),
                Rule::value => {
                    last = self.value(part).map(|value| {
                        values.push(value);
                        values.len() - 1
                    });
                }
                Rule::selection => {
                    if let Some(value) = last {
                        selections.extend(self.selection(part, value));
                    }
                }
                Rule::qualifier => qualifiers.push(self.qualifier(&part)),
                Rule::period => period = self.period(part),
                Rule::turns => turns = self.turns(part),
                Rule::evidence => evidence = self.evidence(part),
                _ => self.internal(&part, "a field"),
            }
        }
        // A selection ends at its closing parenthesis, which the tight
        // span (ending at the last pair) would leave out.
        let end = selections.iter().map(|selection: &Selection| selection.span.end).max();
        let span = Span {
            end: end.map_or(span.end, |end| end.max(span.end)),
            ..span
        };
        // Most fields have one value: keep no room for more (see `block`).
        values.shrink_to_fit();
        Some(Field {
            name: name?,
            values,
            selections,
            qualifiers,
            period: period.map(Box::new),
            turns: turns.map(Box::new),
            evidence: evidence.map(Box::new),
            span,
        })
    }

    /// `in_turns "…"`: the words that say how the days are divided.
    fn turns(&mut self, pair: P<'_>) -> Option<Turns> {
        let span = self.tight_span(&pair);
        let mut pattern = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_in_turns => {}
                Rule::string => pattern = self.string(&part),
                _ => self.internal(&part, "an `in_turns` clause"),
            }
        }
        Some(Turns {
            pattern: pattern?,
            span,
        })
    }

    /// `(sentences 6, 7)` or `(context)`, after the value numbered `value`.
    fn selection(&mut self, pair: P<'_>, value: usize) -> Option<Selection> {
        // Its closing parenthesis is a literal, not a pair: the whole span.
        let span = self.span(&pair);
        let mut sentences = Vec::new();
        let mut context = false;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_context => context = true,
                Rule::kw_sentences => {}
                Rule::number => {
                    if let Some(ValueKind::Number(number)) = self.value_kind(&part) {
                        sentences.push((number, self.span(&part)));
                    }
                }
                _ => self.internal(&part, "a selection of sentences"),
            }
        }
        let part = if context {
            Selected::Context
        } else {
            Selected::Sentences(sentences)
        };
        Some(Selection { value, part, span })
    }

    fn value(&mut self, pair: P<'_>) -> Option<Value> {
        let inner = pair.into_inner().next()?;
        let span = self.span(&inner);
        let kind = self.value_kind(&inner)?;
        Some(Value { kind, span })
    }

    fn value_kind(&mut self, pair: &P<'_>) -> Option<ValueKind> {
        let span = self.span(pair);
        match pair.as_rule() {
            Rule::string => self.string(pair).map(|text| ValueKind::Text(text.into())),
            Rule::date => match PartialDate::parse(pair.as_str()) {
                Ok(date) => Some(ValueKind::Date(date)),
                Err(error) => {
                    self.errors.push(SyntaxError::InvalidDate { span, error });
                    None
                }
            },
            Rule::number => match pair.as_str().parse::<u64>() {
                Ok(number) if number <= u64::from(u32::MAX) => Some(ValueKind::Number(number)),
                _ => {
                    self.errors.push(SyntaxError::NumberTooLarge { span });
                    None
                }
            },
            Rule::boolean => Some(ValueKind::Bool(matches!(pair.as_str(), "yes" | "true"))),
            Rule::bounded => self.when(pair.clone()).map(|when| ValueKind::When(Box::new(when))),
            Rule::key | Rule::name => Some(ValueKind::Key(pair.as_str().to_owned().into())),
            _ => {
                self.internal(pair, "a value");
                None
            }
        }
    }

    fn string(&mut self, pair: &P<'_>) -> Option<String> {
        let raw = pair.as_str();
        let body = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
        let start = self.span(pair).start as usize + 1;
        let mut text = String::with_capacity(body.len());
        let mut characters = body.char_indices();
        while let Some((index, character)) = characters.next() {
            if character != '\\' {
                text.push(character);
                continue;
            }
            match characters.next() {
                Some((_, '"')) => text.push('"'),
                Some((_, '\\')) => text.push('\\'),
                Some((_, 'n')) => text.push('\n'),
                Some((_, 't')) => text.push('\t'),
                Some((next, other)) => {
                    self.errors.push(SyntaxError::UnknownEscape {
                        span: Span::new(self.file, start + index, start + next + other.len_utf8()),
                        character: other,
                    });
                    return None;
                }
                None => return None,
            }
        }
        Some(text)
    }

    fn evidence(&mut self, pair: P<'_>) -> Option<Evidence> {
        let span = self.tight_span(&pair);
        let mut document = None;
        let mut location = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::name => document = Some(self.name(&part)),
                Rule::string => location = self.string(&part),
                Rule::kw_per => {}
                _ => self.internal(&part, "evidence"),
            }
        }
        Some(Evidence {
            document: document?,
            location,
            span,
        })
    }

    fn words(&mut self, pair: P<'_>) -> Option<Words> {
        let span = self.tight_span(&pair);
        let inner = pair.into_inner().find(|part| part.as_rule() != Rule::kw_words)?;
        let rule = inner.as_rule();
        let mut names = Vec::new();
        let mut strings = Vec::new();
        for part in inner.into_inner() {
            match part.as_rule() {
                Rule::name => names.push(self.name(&part)),
                Rule::string => strings.extend(self.string(&part)),
                Rule::kw_from => {}
                _ => self.internal(&part, "a `words` entry"),
            }
        }
        let kind = match rule {
            Rule::words_verbatim => WordsKind::Verbatim { document: names.pop()? },
            Rule::words_quoted => WordsKind::Quoted {
                by: strings.pop()?,
                document: names.pop()?,
            },
            Rule::words_paraphrase => WordsKind::Paraphrase { document: names.pop()? },
            Rule::words_absent => WordsKind::NotAtHand { reason: strings.pop()? },
            _ => return None,
        };
        Some(Words { kind, span })
    }

    /// `source DOC "where"` becomes the field `source` with a name and a
    /// string, as the checker reads it.
    fn source(&mut self, pair: P<'_>) -> Option<Field> {
        let span = self.tight_span(&pair);
        let mut name = None;
        let mut values = Values::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_source => name = Some(self.name(&part)),
                Rule::name => values.push(Value {
                    kind: ValueKind::Key(part.as_str().to_owned().into()),
                    span: self.span(&part),
                }),
                Rule::string => {
                    let value_span = self.span(&part);
                    if let Some(text) = self.string(&part) {
                        values.push(Value {
                            kind: ValueKind::Text(text.into()),
                            span: value_span,
                        });
                    }
                }
                _ => self.internal(&part, "a `source` entry"),
            }
        }
        Some(Field {
            name: name?,
            values,
            selections: ThinVec::new(),
            qualifiers: ThinVec::new(),
            period: None,
            turns: None,
            evidence: None,
            span,
        })
    }

    fn expect(&mut self, pair: P<'_>) -> Option<Expect> {
        let span = self.tight_span(&pair);
        let mut duty = None;
        let mut verdict = None;
        let mut because = None;
        let mut missing = None;
        let mut holders = None;
        let mut basis = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_expect => {}
                Rule::key => duty = Some(self.name(&part)),
                Rule::verdict_word => verdict = Some(self.name(&part)),
                Rule::expect_clause => {
                    for clause in part.into_inner() {
                        let rule = clause.as_rule();
                        let words: Vec<Name> = clause
                            .into_inner()
                            .filter(|word| matches!(word.as_rule(), Rule::kind_word | Rule::name))
                            .map(|word| self.name(&word))
                            .collect();
                        match rule {
                            Rule::expect_because => because = words.into_iter().next(),
                            Rule::expect_missing => missing = Some(words),
                            Rule::expect_holders => holders = Some(words),
                            Rule::expect_basis => basis = words.into_iter().next(),
                            _ => self.errors.push(SyntaxError::Internal {
                                span,
                                detail: "an `expect` clause",
                            }),
                        }
                    }
                }
                _ => self.internal(&part, "an `expect` entry"),
            }
        }
        Some(Expect {
            duty: duty?,
            verdict: verdict?,
            because,
            missing,
            holders,
            basis,
            span,
        })
    }

    fn edit(&mut self, pair: P<'_>) -> Option<Edit> {
        let span = self.tight_span(&pair);
        let inner = pair.into_inner().next()?;
        let verb = inner.as_rule();
        let mut target = None;
        let mut field = None;
        let mut field_name = None;
        for part in inner.into_inner() {
            match part.as_rule() {
                Rule::kw_set | Rule::kw_add | Rule::kw_unset | Rule::kw_drop => {}
                Rule::edit_target => {
                    let mut words = part.into_inner().map(|word| self.name(&word));
                    target = words.next().zip(words.next());
                }
                Rule::field => field = self.field(part),
                Rule::life_entry => field = self.life(part),
                Rule::field_name => field_name = Some(self.name(&part)),
                _ => self.internal(&part, "a change in a test"),
            }
        }
        let (target_kind, target) = target?;
        let action = match verb {
            Rule::edit_set => EditAction::Set(Box::new(field?)),
            Rule::edit_add => EditAction::Add(Box::new(field?)),
            Rule::edit_unset => EditAction::Unset(field_name?),
            Rule::edit_drop => EditAction::Drop,
            _ => {
                self.errors.push(SyntaxError::Internal {
                    span,
                    detail: "a change in a test",
                });
                return None;
            }
        };
        Some(Edit {
            action,
            target_kind,
            target,
            span,
        })
    }

    fn tag(&mut self, pair: P<'_>) -> Option<Tag> {
        let span = self.tight_span(&pair);
        let mut names = pair
            .into_inner()
            .filter(|part| part.as_rule() == Rule::name)
            .map(|part| self.name(&part));
        Some(Tag {
            key: names.next()?,
            value: names.next()?,
            span,
        })
    }
}

/// Where a pair's last token ends, given where its deepest last pair
/// ends: the `)` that closes a parenthesised predicate is a literal, not
/// a pair, so a rule ending `… (A or B)` would otherwise lose it (and
/// `fmt`, which lays out what the spans hold, would drop it).
fn closing_parentheses(pair: &P<'_>, last_end: usize) -> usize {
    let start = pair.as_span().start();
    let text = pair.as_str();
    let mut end = last_end;
    let mut position = last_end;
    while let Some(rest) = text.get(position.saturating_sub(start)..) {
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
        let rest = rest.get(skipped..).unwrap_or("");
        if rest.starts_with(')') {
            position += skipped + 1;
            end = position;
        } else if let Some(comment) = rest.strip_prefix("//") {
            position += skipped + 2 + comment.find('\n').unwrap_or(comment.len());
        } else if let Some(comment) = rest.strip_prefix("/*") {
            position += skipped + 2 + comment.find("*/").map_or(comment.len(), |close| close + 2);
        } else {
            break;
        }
    }
    end
}
