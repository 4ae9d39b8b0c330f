//! Characters that must never reach a reader raw, and how they are shown
//! instead.
//!
//! A council's file is written by someone other than the officer who runs
//! dcsc, so nothing in it may act on the officer's terminal or viewer. A
//! control character printed raw can drive the terminal that shows it: ESC
//! starts sequences that recolour, move the cursor, retitle the window or
//! (OSC 52) write the clipboard; BEL rings; a lone CR rewrites the line. A
//! bidirectional embedding, override or isolate (U+202A to U+202E, U+2066
//! to U+2069) reorders what follows it on screen, so a line can read
//! differently from what it says ("Trojan Source", CVE-2021-42574).
//!
//! Every output of dcsc shows each such character as `\u{…}`, its code
//! point in lower-case hex, as Rust writes it: visible, the same every
//! time, and acted on by no terminal, browser or spreadsheet. The
//! language's strings have no `\u` escape, so the shown form cannot be
//! mistaken for something the author wrote. Tab and line feed are kept:
//! they are the two characters the language's strings can write (`\t`,
//! `\n`), and every output lays them out. JSON output keeps every string
//! exact but writes these characters as JSON escapes (`\u001b`), see
//! [`json`].

use std::borrow::Cow;
use std::io;

use serde::Serialize;

/// Whether a character must not be written raw: a C0 control other than
/// tab and line feed, DEL, a C1 control, or a bidirectional embedding,
/// override or isolate.
pub fn is_hidden(c: char) -> bool {
    is_control(c) || is_bidi(c)
}

/// Whether a character is a control character other than tab and line
/// feed: C0, DEL or C1.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Whether a character is a bidirectional embedding, override or isolate
/// (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI). The marks LRM, RLM and
/// ALM are left alone: they reorder nothing, and right-to-left text needs
/// them.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How a hidden character is shown: `\u{1b}`, `\u{202e}`.
pub fn shown(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// Whether a text holds a hidden character: what
/// `text.chars().any(is_hidden)` says, read eight bytes at a time. Every
/// output asks this of every string it writes, and the answer is almost
/// always no: a word is passed over when none of its bytes is below a
/// space, DEL, or the first byte of a C1 control (0xC2) or of a
/// bidirectional control (0xE2); only a word that holds one is read byte
/// by byte (tab and line feed are below a space, `’` starts with 0xE2).
pub fn has_hidden(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of the word is below `bound` (at most 0x80), or equal
    // to `byte`: exact, by the borrow of a subtraction per byte.
    let below = |word: u64, bound: u8| word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGHS != 0;
    let holds = |word: u64, byte: u8| below(word ^ (ONES * u64::from(byte)), 1);
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut start = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let suspect = below(word, 0x20) || holds(word, 0x7f) || holds(word, 0xc2) || holds(word, 0xe2);
        if suspect && (start..start + 8).any(|index| hidden_at(bytes, index)) {
            return true;
        }
        start += 8;
    }
    (start..bytes.len()).any(|index| hidden_at(bytes, index))
}

/// Whether a hidden character starts at this byte of UTF-8 text (its
/// continuation bytes may lie beyond the word being read): a C0 control
/// other than tab and line feed, DEL, a C1 control (U+0080 to U+009F,
/// 0xC2 0x80 to 0xC2 0x9F) or a bidirectional control (U+202A to U+202E,
/// 0xE2 0x80 0xAA to 0xAE; U+2066 to U+2069, 0xE2 0x81 0xA6 to 0xA9).
fn hidden_at(bytes: &[u8], index: usize) -> bool {
    let at = |offset: usize| bytes.get(index + offset).copied().unwrap_or(0);
    match at(0) {
        0x00..=0x08 | 0x0b..=0x1f | 0x7f => true,
        0xc2 => matches!(at(1), 0x80..=0x9f),
        0xe2 => matches!((at(1), at(2)), (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9)),
        _ => false,
    }
}

/// The text with every hidden character shown as `\u{…}`; borrowed when
/// there is none, which is almost always.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !has_hidden(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&shown(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`escape`] of a text already owned: the same string, not a copy, when
/// there is nothing to show (a large council's chart or report is tens
/// of megabytes).
pub fn escape_owned(text: String) -> String {
    match escape(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(shown) => shown,
    }
}

/// The distinct hidden characters of a text, in the order they first
/// appear.
pub fn hidden_in(text: &str) -> Vec<char> {
    let mut found: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| is_hidden(*c)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// A value as pretty-printed JSON (two spaces, as `serde_json` indents),
/// with every hidden character written as a JSON escape: `serde_json`
/// escapes C0 controls itself but writes DEL, C1 controls and the
/// bidirectional controls raw. A parser reads back exactly the same
/// strings.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    json_at(value, 0)
}

/// As [`json`], for a value written inside a JSON array at `depth`
/// (nested values are indented as if the enclosing arrays had been
/// printed around it), so that an array can be written one element at a
/// time and read the same, byte for byte, as the whole array printed at
/// once.
pub fn json_at<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, Pretty::at(depth));
    if value.serialize(&mut serializer).is_err() {
        // Serialising our own plain data into memory cannot fail; an
        // empty string is safer than half a value if it ever does.
        return String::new();
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// `serde_json`'s pretty formatter, reproduced so that it can start at a
/// depth and escape the characters `serde_json` writes raw.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    fn at(depth: usize) -> Pretty {
        Pretty {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + io::Write>(&self, writer: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    fn next<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.next(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.next(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        // A fragment holds nothing `serde_json` escapes itself; what it
        // leaves raw is written here as `\uXXXX` (every hidden character is
        // in the Basic Multilingual Plane, so one escape each). Almost
        // every fragment holds none, and is written whole.
        if !has_hidden(fragment) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((index, c)) = rest.char_indices().find(|(_, c)| is_hidden(*c)) {
            writer.write_all(rest.get(..index).unwrap_or("").as_bytes())?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = rest.get(index + c.len_utf8()..).unwrap_or("");
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owned_text_with_nothing_hidden_is_handed_back_not_copied() {
        let text = String::from("<svg>a chart</svg>");
        let before = text.as_ptr();
        let shown = escape_owned(text);
        assert_eq!(shown, "<svg>a chart</svg>");
        assert_eq!(shown.as_ptr(), before, "the same allocation, not a copy");
        assert_eq!(escape_owned("a\u{202e}b".to_owned()), escape("a\u{202e}b"));
        assert_ne!(escape_owned("a\u{202e}b".to_owned()), "a\u{202e}b");
    }

    #[test]
    fn reading_eight_bytes_at_a_time_finds_what_reading_each_character_finds() {
        // Every character near the edges of the hidden ranges and of the
        // bytes the word test looks for, at every offset in a word, so that
        // a character split across two words is met too.
        let edges = [
            '\u{0}',
            '\u{8}',
            '\t',
            '\n',
            '\u{b}',
            '\u{1f}',
            ' ',
            '~',
            '\u{7f}',
            '\u{80}',
            '\u{9f}',
            '\u{a0}',
            'é',
            '\u{2019}',
            '\u{2029}',
            '\u{202a}',
            '\u{202e}',
            '\u{202f}',
            '\u{2065}',
            '\u{2066}',
            '\u{2069}',
            '\u{206a}',
            '\u{1f600}',
        ];
        for padding in 0..9 {
            for first in edges {
                for second in edges {
                    let text = format!("{}{first}{second}abc", "x".repeat(padding));
                    assert_eq!(has_hidden(&text), text.chars().any(is_hidden), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn hidden_characters_are_shown_and_others_kept() {
        assert_eq!(escape("plain\ttext\n"), "plain\ttext\n");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a\u{1b}]52;c;aGk=\u{7}b\u{202e}c\u{85}\r\u{7f}"),
            "a\\u{1b}]52;c;aGk=\\u{7}b\\u{202e}c\\u{85}\\u{d}\\u{7f}"
        );
        assert_eq!(escape("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        // Marks and other format characters are text.
        assert_eq!(escape("\u{200f}\u{200b}é"), "\u{200f}\u{200b}é");
        assert_eq!(hidden_in("\u{1b}a\u{1b}\u{202e}"), vec!['\u{1b}', '\u{202e}']);
    }

    #[test]
    fn json_is_serde_json_pretty_output_with_the_raw_characters_escaped() {
        let value = serde_json::json!({
            "a": [1, {"b": [], "c": {}}, "x\u{1b}y"],
            "d": "\u{85}\u{202e}\u{7f}é\"\\",
            "e": [[]],
        });
        let ours = json(&value);
        let theirs = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(
            ours,
            theirs
                .replace('\u{85}', "\\u0085")
                .replace('\u{202e}', "\\u202e")
                .replace('\u{7f}', "\\u007f")
        );
        assert!(!ours.chars().any(is_hidden));
        let back: serde_json::Value = serde_json::from_str(&ours).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn an_array_written_element_by_element_is_the_array_printed_at_once() {
        let elements = vec![
            serde_json::json!({"a": [1, 2], "b": {"c": null}}),
            serde_json::json!({"d": []}),
        ];
        let mut streamed = String::from("[");
        for (index, element) in elements.iter().enumerate() {
            streamed.push_str(if index == 0 { "\n  " } else { ",\n  " });
            streamed.push_str(&json_at(element, 1));
        }
        streamed.push_str("\n]");
        assert_eq!(streamed, serde_json::to_string_pretty(&elements).unwrap());
    }
}
