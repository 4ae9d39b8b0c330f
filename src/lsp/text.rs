//! Byte offsets in the text dcsc parsed, and positions as an editor counts
//! them.
//!
//! Spans are byte offsets into a file's *normalised* text (a byte order
//! mark removed, CRLF read as LF: see [`crate::source::SourceMap::add`]).
//! An LSP position is a line and a count of UTF-16 code units in the text
//! *as the editor holds it*, where a line ends at `\n`, `\r\n` or a lone
//! `\r`. [`TextMap`] converts between the two, so that "’", "—" and emoji
//! (one, one and two UTF-16 units, but three, three and four bytes) and a
//! file saved with Windows line endings all point at the right place.

use lsp_types::{Position, Range};

use crate::source::Span;
use std::sync::Arc;

/// The conversion between one text's normalised byte offsets and LSP
/// positions in the text as the editor holds it.
#[derive(Clone, Debug)]
pub struct TextMap {
    /// The text as the editor holds it.
    original: Arc<str>,
    /// Bytes of the original before the normalised text begins (3 for a
    /// byte order mark, else 0).
    bom: usize,
    /// The normalised offsets at which a `\r` of a `\r\n` was removed, in
    /// order: the offset of the `\n` that followed it.
    removed: Vec<usize>,
    /// Byte offsets in the original at which each line starts.
    line_starts: Vec<usize>,
}

impl TextMap {
    /// The map for a text as the editor holds it.
    pub fn new(original: Arc<str>) -> TextMap {
        let bom = if original.starts_with('\u{feff}') { 3 } else { 0 };
        let mut removed = Vec::new();
        // Sized once (a line break is a CR, an LF or both, so this may
        // be a little more than needed): growing by doubling leaves the
        // freed halves resident, for a large document's many lines.
        let breaks = original.bytes().filter(|byte| matches!(byte, b'\r' | b'\n')).count();
        let mut line_starts = Vec::with_capacity(breaks + 1);
        line_starts.push(0);
        let bytes = original.as_bytes();
        let mut index = 0;
        while let Some(&byte) = bytes.get(index) {
            match byte {
                b'\r' if bytes.get(index + 1) == Some(&b'\n') => {
                    // In the normalised text the `\n` stands where this
                    // `\r` was, less what was removed before it.
                    removed.push(index - bom - removed.len());
                    line_starts.push(index + 2);
                    index += 2;
                }
                b'\r' | b'\n' => {
                    line_starts.push(index + 1);
                    index += 1;
                }
                _ => index += 1,
            }
        }
        TextMap {
            original,
            bom,
            removed,
            line_starts,
        }
    }

    /// The original offset of a normalised one.
    fn to_original(&self, normalised: usize) -> usize {
        // A `\r` removed at the very offset asked for stays before it: the
        // end of a line's content is before its `\r\n`.
        let before = self.removed.partition_point(|&at| at < normalised);
        (normalised + self.bom + before).min(self.original.len())
    }

    /// The normalised offset of an original one.
    fn to_normalised(&self, original: usize) -> usize {
        let original = original.max(self.bom);
        // The `\r` of the k-th `\r\n` is at original offset
        // `removed[k] + bom + k`.
        let mut before = 0;
        for (count, &at) in self.removed.iter().enumerate() {
            if at + self.bom + count < original {
                before += 1;
            } else {
                break;
            }
        }
        original - self.bom - before
    }

    /// The LSP position of a normalised byte offset.
    pub fn position(&self, normalised: usize) -> Position {
        let offset = self.to_original(normalised);
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        // Within a line's terminator (between `\r` and `\n`) counts as its
        // end; an offset inside a character counts from its start.
        let mut end = offset;
        while end > start && !self.original.is_char_boundary(end) {
            end -= 1;
        }
        let units = self
            .original
            .get(start..end)
            .map_or(0, |prefix| prefix.chars().map(char::len_utf16).sum::<usize>());
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(units).unwrap_or(u32::MAX),
        }
    }

    /// The LSP range of a span.
    pub fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start as usize),
            end: self.position(span.end as usize),
        }
    }

    /// The normalised byte offset of an LSP position. A line past the end
    /// is the end of the text; a character past the end of its line is
    /// the end of the line; a position inside a surrogate pair is before
    /// the character.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.line_starts.get(line) else {
            return self.to_normalised(self.original.len());
        };
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.original.len());
        let content = self
            .original
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r']);
        let mut units = 0usize;
        let mut offset = start + content.len();
        for (index, character) in content.char_indices() {
            let next = units + character.len_utf16();
            if next > position.character as usize {
                offset = start + index;
                break;
            }
            units = next;
        }
        self.to_normalised(offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn ascii_positions_are_byte_columns() {
        let map = TextMap::new("ab\ncd\n".into());
        assert_eq!(map.position(0), at(0, 0));
        assert_eq!(map.position(4), at(1, 1));
        assert_eq!(map.offset(at(1, 1)), 4);
        assert_eq!(map.position(6), at(2, 0));
    }

    #[test]
    fn wide_characters_count_in_utf16_units() {
        // ’ is 3 bytes and 1 unit, — 3 bytes and 1 unit, 🙂 4 bytes and 2
        // units.
        let text = "a’—🙂b";
        let map = TextMap::new(text.into());
        let b = text.find('b').unwrap();
        assert_eq!(map.position(b), at(0, 5));
        assert_eq!(map.offset(at(0, 5)), b);
        let emoji = text.find('🙂').unwrap();
        assert_eq!(map.offset(at(0, 3)), emoji);
        // Inside the surrogate pair: before the emoji.
        assert_eq!(map.offset(at(0, 4)), emoji);
        // Inside a character's bytes: from its start.
        assert_eq!(map.position(emoji + 1), at(0, 3));
    }

    #[test]
    fn crlf_and_bom_map_to_the_normalised_text() {
        let original = "\u{feff}ab\r\ncd\r\ne";
        let normalised = "ab\ncd\ne";
        let map = TextMap::new(original.into());
        // The editor holds the byte order mark: a character of line 0.
        for (offset, expected) in [
            (0, at(0, 1)),
            (2, at(0, 3)),
            (3, at(1, 0)),
            (5, at(1, 2)),
            (6, at(2, 0)),
        ] {
            assert_eq!(map.position(offset), expected, "offset {offset}");
            assert_eq!(map.offset(expected), offset, "position {expected:?}");
        }
        assert_eq!(normalised.get(6..7), Some("e"));
        // Past the end of a line, and past the last line.
        assert_eq!(map.offset(at(0, 99)), 2);
        assert_eq!(map.offset(at(0, 0)), 0);
        assert_eq!(map.offset(at(99, 0)), normalised.len());
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let map = TextMap::new("a\rb".into());
        assert_eq!(map.position(2), at(1, 0));
        assert_eq!(map.offset(at(1, 0)), 2);
    }
}
