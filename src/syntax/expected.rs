//! pest's parse errors in words a policy author reads.
//!
//! [`describe`] names every grammar rule with no catch-all arm, so a rule
//! added to the grammar cannot reach a user as `duty_stmt`.

use pest::error::{Error, ErrorVariant, InputLocation};

use super::error::{SyntaxError, Token};
use super::grammar::Rule;
use crate::source::{FileId, Span};

/// Words for what a rule would have accepted, or `None` for rules that are
/// never worth naming on their own (their parts are named instead).
fn describe(rule: Rule) -> Option<&'static str> {
    match rule {
        Rule::EOI => Some("the end of the file"),
        Rule::WHITESPACE | Rule::COMMENT | Rule::line_comment | Rule::block_comment => None,
        Rule::ident_char => None,
        Rule::word | Rule::name | Rule::field_name => Some("a name"),
        Rule::keyword => None,
        Rule::key_part | Rule::key => Some("a name or key (like `2` or `key_points.first_tier`)"),
        Rule::string_char | Rule::string => Some("a quoted string"),
        Rule::date | Rule::date_value => Some("a date (like `2016`, `2016-03` or `2016-03-01`)"),
        Rule::unknown_date => Some("`unknown`"),
        Rule::event_time => Some("`on` and a date, or `after` and an event"),
        Rule::qualifier => Some("`inferred`, `possibly`, `suggested` or `proposed`"),
        Rule::period | Rule::kw_until => Some("`from` or `until` and a date, or `seen` and a date"),
        Rule::kw_seen => Some("`seen DATE`"),
        Rule::turns | Rule::kw_in_turns => Some("`in_turns` and a quoted string"),
        Rule::when | Rule::bounded => Some("a date, `unknown`, or `between DATE and DATE`"),
        Rule::between | Rule::kw_between => Some("`between DATE and DATE`"),
        Rule::date_bound | Rule::kw_before => Some("`after` or `before` and a date or event"),
        Rule::anchor => Some("a date or an event"),
        Rule::extends_entry => Some("`extends ROLE`"),
        Rule::extends_join => Some("`,` or `or`"),
        Rule::life_entry | Rule::kw_exists => Some("`exists from DATE until DATE`"),
        Rule::number => Some("a number"),
        Rule::boolean => Some("`yes` or `no`"),
        Rule::file | Rule::item_only | Rule::item => Some("an item (like `duty`, `paragraph`, `post` or `member`)"),
        Rule::guidance_item | Rule::kw_guidance => Some("`guidance`"),
        Rule::local_policy_item | Rule::kw_local_policy => Some("`local_policy`"),
        Rule::amendment_item | Rule::kw_amendment => Some("`amendment`"),
        Rule::kw_amends => Some("`amends`"),
        Rule::arrangements_item | Rule::kw_arrangements => Some("`arrangements`"),
        Rule::shared_item | Rule::kw_shared => Some("`shared`"),
        Rule::departure_item | Rule::kw_departure => Some("`departure`"),
        Rule::test_item | Rule::kw_test => Some("`test`"),
        Rule::expect_entry | Rule::kw_expect => Some("`expect DUTY VERDICT`"),
        Rule::verdict_word => Some("a verdict (like `pass`, `fail` or `unknown`)"),
        Rule::expect_clause => Some("`because`, `missing`, `holders` or `basis`"),
        Rule::expect_because | Rule::kw_because => Some("`because` and a kind of reason"),
        Rule::expect_missing | Rule::kw_missing => Some("`missing` and kinds of missing fact"),
        Rule::expect_holders | Rule::kw_holders => Some("`holders` and posts or members"),
        Rule::expect_basis | Rule::kw_basis => Some("`basis stated` or `basis inferred`"),
        Rule::kind_word => Some("a kind of reason or missing fact"),
        Rule::edit_entry => Some("`set`, `add`, `unset` or `drop`"),
        Rule::edit_set | Rule::kw_set => Some("`set ITEM NAME FIELD VALUE`"),
        Rule::edit_add | Rule::kw_add => Some("`add ITEM NAME FIELD VALUE`"),
        Rule::edit_unset | Rule::kw_unset => Some("`unset ITEM NAME FIELD`"),
        Rule::edit_drop | Rule::kw_drop => Some("`drop ITEM NAME`"),
        Rule::edit_target | Rule::target_kind => Some("an item keyword and name (like `post director`)"),
        Rule::kw_extends => Some("`extends`"),
        Rule::kw_from => Some("`from`"),
        Rule::kw_on => Some("`on` and a date"),
        Rule::event_item | Rule::event_kind => {
            Some("`appointment`, `designation`, `vacancy`, `change`, `review` or `inspection`")
        }
        Rule::keyed_item | Rule::keyed_kind => Some("`paragraph`, `duty`, `question` or `answer`"),
        Rule::named_item | Rule::named_kind => Some("an item keyword (like `post`, `member`, `role` or `document`)"),
        Rule::block => Some("`{`"),
        Rule::entry => Some("a field, a rule or `}`"),
        Rule::field => Some("a field (a name and its value)"),
        Rule::value => Some("a value (a quoted string, a date, a number, `yes`/`no` or a name)"),
        Rule::selection => Some("`(sentences N, …)` or `(context)`"),
        Rule::kw_context => Some("`context`"),
        Rule::kw_sentences => Some("`sentences` and sentence numbers"),
        Rule::evidence | Rule::kw_per => Some("`per` and a document"),
        Rule::words_entry | Rule::kw_words => Some("`words`"),
        Rule::words_verbatim => Some("`verbatim from DOCUMENT`"),
        Rule::words_quoted => Some("`quoted by \"WHO\" in DOCUMENT`"),
        Rule::words_paraphrase => Some("`paraphrase from DOCUMENT`"),
        Rule::words_absent => Some("`not_at_hand \"WHY\"`"),
        Rule::tag_entry | Rule::kw_tag => Some("`tag KEY VALUE`"),
        Rule::source_entry | Rule::kw_source => Some("`source DOCUMENT \"where\"`"),
        Rule::condition | Rule::condition_kw => Some("`when`, `if` or `unless`"),
        Rule::claim => Some("a claim (a subject and what is said of it)"),
        Rule::duty_rule => Some("a rule (subject, `must`/`should`/`may`, predicate)"),
        Rule::modality | Rule::must_not | Rule::must | Rule::should_not | Rule::should | Rule::may => {
            Some("`must`, `must not`, `should`, `should not` or `may`")
        }
        Rule::subject | Rule::role_subject => Some("a subject (a role like `DCS`, `each post`, or `the council`)"),
        Rule::council_subject | Rule::kw_council => Some("`council`"),
        Rule::quantified_subject | Rule::quantifier => Some("`each`, `exactly one`, `at least one` or `no`"),
        Rule::each => Some("`each`"),
        Rule::exactly_one => Some("`exactly one`"),
        Rule::at_least_one => Some("`at least one`"),
        Rule::no_quantifier => Some("`no`"),
        Rule::holding_filter | Rule::kw_holding => Some("`holding` and a role"),
        Rule::entity_kind => Some("`post`, `member`, `body` or `service`"),
        Rule::kw_the => Some("`the`"),
        Rule::predicate | Rule::conjunction | Rule::negation | Rule::primary | Rule::atom => {
            Some("a predicate (like `hold DASS`, `be politically_restricted` or `report_to ChiefExecutive`)")
        }
        Rule::kw_or => Some("`or`"),
        Rule::kw_and => Some("`and`"),
        Rule::kw_not => Some("`not`"),
        Rule::hold_atom | Rule::kw_hold => Some("`hold` and a role"),
        Rule::responsible_atom | Rule::kw_responsible_for => Some("`responsible_for` and functions"),
        Rule::kw_only => Some("`only`"),
        Rule::kind_atom | Rule::attribute_atom | Rule::kw_be => Some("`be` or `is`"),
        Rule::article => Some("`a` or `an`"),
        Rule::comparison_atom | Rule::kw_have => Some("`have` or `has`"),
        Rule::comparator => Some("a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`)"),
        Rule::literal => Some("a value to compare with"),
        Rule::after_atom | Rule::kw_after => Some("`after each`"),
        Rule::before_atom => Some("`before each`"),
        Rule::kw_extension => Some("`extension`"),
        Rule::uses_atom | Rule::kw_uses => Some("`uses` and a governance model"),
        Rule::considers_atom | Rule::kw_considers => Some("`considers` and a governance model"),
        Rule::every_atom | Rule::kw_every => Some("`every` and a period"),
        Rule::within | Rule::kw_within | Rule::kw_allowing => Some("`within` or `allowing` and a period"),
        Rule::period_unit => Some("`months` or `years`"),
        Rule::kw_of => Some("`of`"),
        Rule::relation_atom => Some("a relation and its target"),
    }
}

/// Turns a pest error at `offset` in the file into a [`SyntaxError`].
pub(super) fn translate(file: FileId, offset: usize, text: &str, error: &Error<Rule>) -> SyntaxError {
    let position = match error.location {
        InputLocation::Pos(position) => position,
        InputLocation::Span((start, _)) => start,
    };
    let mut expected: Vec<&'static str> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.iter().filter_map(|rule| describe(*rule)).collect(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    expected.sort_unstable();
    expected.dedup();
    let (found, length) = found_at(text, position);
    SyntaxError::Unexpected {
        span: Span::new(file, offset + position, offset + position + length),
        expected,
        found,
    }
}

/// The words that start the language's English forms and cannot name a
/// role, entity or vocabulary item: the alternatives of the grammar's
/// `keyword` rule, which a test holds this list to.
pub const RESERVED_WORDS: &[&str] = &[
    "must",
    "should",
    "may",
    "not",
    "and",
    "or",
    "each",
    "exactly",
    "at",
    "no",
    "when",
    "unless",
    "if",
    "per",
    "the",
    "a",
    "an",
    "holds",
    "hold",
    "is",
    "be",
    "has",
    "have",
    "responsible_for",
    "only",
    "after",
    "every",
    "within",
    "of",
    "from",
    "on",
    "council",
    "by",
    "in",
    "words",
    "tag",
    "extends",
    "one",
    "least",
    "holding",
    "uses",
    "considers",
    "before",
    "between",
    "seen",
    "allowing",
];

/// The token at `position`, and how many bytes to underline.
fn found_at(text: &str, position: usize) -> (Token, usize) {
    let rest = text.get(position..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (Token::EndOfFile, 0);
    };
    if first == '"' {
        return (Token::QuotedString, 1);
    }
    if first.is_ascii_alphanumeric() || first == '_' {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-' || *c == '.')
            .collect();
        let length = word.len();
        if RESERVED_WORDS.contains(&word.as_str()) {
            return (Token::ReservedWord(word), length);
        }
        return (Token::Word(word), length);
    }
    if first.is_whitespace() {
        return (Token::Space, first.len_utf8());
    }
    (Token::Symbol(first), first.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::RESERVED_WORDS;

    /// The alternatives of the grammar's `keyword` rule.
    fn grammar_keywords() -> Vec<String> {
        let grammar = include_str!("../../grammar/dcs.pest");
        let start = grammar.find("keyword = @{").unwrap();
        let rule = &grammar[start..];
        let rule = &rule[..rule.find("~ !ident_char").unwrap()];
        let mut words: Vec<String> = rule.split('"').skip(1).step_by(2).map(str::to_owned).collect();
        words.sort();
        words
    }

    #[test]
    fn the_reserved_words_are_the_grammars_keywords() {
        let mut listed: Vec<String> = RESERVED_WORDS.iter().map(|word| (*word).to_owned()).collect();
        listed.sort();
        assert_eq!(listed, grammar_keywords());
    }

    #[test]
    fn the_language_reference_lists_every_reserved_word() {
        let reference = include_str!("../../docs/language.md");
        let start = reference.find("Reserved words (cannot be names):").unwrap();
        let paragraph = &reference[start
            ..reference[start..]
                .find("\n\n")
                .map_or(reference.len(), |end| start + end)];
        let mut documented: Vec<String> = paragraph
            .split('`')
            .nth(1)
            .unwrap()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        documented.sort();
        assert_eq!(documented, grammar_keywords());
    }
}
