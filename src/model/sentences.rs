//! A paragraph's sentences, numbered from 1, so that a citation can say
//! which of them a duty, question or law encodes (`cites 1 (sentences 6,
//! 7)`) and a paragraph which of them ask nothing (`descriptive 2`).
//!
//! One rule, written once: a sentence ends at a full stop, question mark,
//! exclamation mark or ellipsis (`…` or `...`), with any closing quotation
//! marks or brackets after it, where the next word starts with a capital
//! letter. A stop inside an abbreviation (`e.g.`, `S.I.`) ends none; a
//! full stop with no space before a capitalised word (`in 2012.This`, as
//! the 2013 guidance prints it) ends one.

use super::Paragraph;

/// Characters that may close a sentence after its stop.
const CLOSERS: [char; 6] = ['"', '\'', '’', '”', ')', ']'];

/// The sentences of a text, in order, each trimmed.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    let characters: Vec<(usize, char)> = text.char_indices().collect();
    for (position, &(index, character)) in characters.iter().enumerate() {
        if !matches!(character, '.' | '?' | '!' | '…') {
            continue;
        }
        let mut next = position + 1;
        while characters
            .get(next)
            .is_some_and(|(_, c)| CLOSERS.contains(c) || *c == '.')
        {
            next += 1;
        }
        let spaced = characters.get(next).is_some_and(|(_, c)| c.is_whitespace());
        let mut word = next;
        while characters.get(word).is_some_and(|(_, c)| c.is_whitespace()) {
            word += 1;
        }
        let capital = characters.get(word).is_some_and(|(_, c)| c.is_uppercase());
        let joined = !spaced
            && character == '.'
            && characters.get(word + 1).is_some_and(|(_, c)| c.is_lowercase())
            && position
                .checked_sub(1)
                .and_then(|before| characters.get(before))
                .is_some_and(|(_, c)| c.is_lowercase() || c.is_ascii_digit());
        if !(capital && (spaced || joined)) || abbreviation(text, index) {
            continue;
        }
        let end = characters.get(next).map_or(text.len(), |(at, _)| *at);
        if let Some(sentence) = text
            .get(start..end)
            .map(str::trim)
            .filter(|sentence| !sentence.is_empty())
        {
            found.push(sentence);
        }
        start = end;
    }
    if let Some(rest) = text.get(start..).map(str::trim).filter(|rest| !rest.is_empty()) {
        found.push(rest);
    }
    found
}

/// Whether the full stop at `index` ends an abbreviation with an inner
/// stop (`e.g.`, `S.I.`): the word it ends holds another.
fn abbreviation(text: &str, index: usize) -> bool {
    let before = text.get(..index).unwrap_or_default();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or_default();
    word.contains('.') && text.get(index..).is_some_and(|rest| rest.starts_with('.'))
}

impl Paragraph {
    /// Its sentences, numbered from 1 by position; none when its words are
    /// not at hand.
    pub fn sentences(&self) -> Vec<&str> {
        self.text.as_deref().map(sentences).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn splits_at_a_stop_before_a_capital() {
        assert_eq!(
            sentences("The DCS is a post. This means more. In particular, yes."),
            vec!["The DCS is a post.", "This means more.", "In particular, yes."]
        );
    }

    #[test]
    fn abbreviations_and_lower_case_words_end_no_sentence() {
        assert_eq!(
            sentences("Functions e.g. Director of Adult Services."),
            vec!["Functions e.g. Director of Adult Services."]
        );
        assert_eq!(
            sentences("S.I. 2006/927, article 2. Then more."),
            vec!["S.I. 2006/927, article 2.", "Then more."]
        );
        assert_eq!(sentences("...undertake a test..."), vec!["...undertake a test..."]);
    }

    #[test]
    fn a_stop_without_a_space_before_a_word_ends_a_sentence() {
        assert_eq!(
            sentences("issued in 2005 and 2012.This guidance will be reviewed."),
            vec!["issued in 2005 and 2012.", "This guidance will be reviewed."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("It said \"stop.\" Then it went on"),
            vec!["It said \"stop.\"", "Then it went on"]
        );
        assert_eq!(sentences("respectively…"), vec!["respectively…"]);
    }
}
