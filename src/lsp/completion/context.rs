//! Where the cursor is, read from the words before it: a small scanner
//! that knows strings, comments and braces, and the item and entry it
//! finds the cursor in.

use crate::syntax::ast::ItemKind;

/// What the scanner sees before the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
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

pub(super) fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'.' | b'-')
}

/// The tokens of `text`, or `None` if it ends inside a string or a
/// comment (where nothing is completed).
pub(super) fn scan(text: &str) -> Option<Vec<Token<'_>>> {
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
pub(super) enum Context<'a> {
    /// Between items: the words of the item's head written so far.
    TopLevel(Vec<&'a str>),
    /// Inside an item's block: its kind, and the current entry's tokens.
    Block(Option<ItemKind>, Vec<Token<'a>>),
}

pub(super) fn context<'a>(tokens: &[Token<'a>]) -> Context<'a> {
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
}
