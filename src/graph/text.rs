//! Text for the chart: cleaning what a council's file says into lines that
//! any of the three formats can carry, wrapping long names, and escaping for
//! DOT, Mermaid and XML. Names come from council files, so nothing here
//! trusts them: quotes, markup, pipes and line breaks are all data.

/// The most characters on one wrapped line of a node's title. About the
/// width of "Executive Director of Adults Social Care" in the chart's font.
pub(super) const TITLE_WIDTH: usize = 30;

/// The most characters on one wrapped line of a node's smaller lines
/// (holder, portfolio, kind of body) and of edge labels.
pub(super) const DETAIL_WIDTH: usize = 36;

/// The most characters on one line of a flagged line's label: room for
/// "flagged: " and the longest duty key with its verdict.
pub(super) const FLAG_WIDTH: usize = 64;

/// The most lines a title may wrap to. A longer title is cut with an
/// ellipsis on the chart; its full text stays in the SVG tooltip.
pub(super) const MAX_TITLE_LINES: usize = 8;

/// The most lines a smaller line may wrap to.
pub(super) const MAX_DETAIL_LINES: usize = 4;

/// Text as the chart shows it: every kind of line break read as a line
/// break, tabs as spaces, other control characters and the bidirectional
/// controls (which XML cannot carry, which no title means, and which could
/// make a name read as another) shown as `\u{…}` (see [`crate::visible`]),
/// so the chart is laid out for what it shows, and runs of spaces
/// collapsed.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{0085}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            // Not allowed in XML 1.0, and never meant in a name.
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if crate::visible::is_hidden(c) => out.push_str(&crate::visible::shown(c)),
            c => out.push(c),
        }
    }
    // Collapse spaces within each line, and drop blank lines.
    out.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text on one line: line breaks read as spaces (for labels that must stay
/// on one line, such as comments and accessibility titles).
pub(super) fn one_line(text: &str) -> String {
    clean(text).replace('\n', " ")
}

/// Wraps cleaned text to lines of at most `width` characters, breaking at
/// spaces where it can and inside a word only when the word alone is too
/// long; at most `max_lines` lines, the last ending in "…" when cut.
/// Linear in the text: a long word is cut by walking it once, and no line
/// is built past the one that shows the text was cut.
pub(super) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    'paragraphs: for paragraph in clean(text).split('\n') {
        let mut line = String::new();
        let mut line_chars = 0;
        for word in paragraph.split(' ').filter(|word| !word.is_empty()) {
            if lines.len() > max_lines {
                break 'paragraphs;
            }
            let mut rest = word;
            let mut rest_chars = word.chars().count();
            // A word longer than a line is cut into pieces of a line each.
            while !rest.is_empty() && lines.len() <= max_lines {
                let room = if line_chars == 0 {
                    width
                } else {
                    width.saturating_sub(line_chars + 1)
                };
                if rest_chars <= room {
                    if line_chars > 0 {
                        line.push(' ');
                        line_chars += 1;
                    }
                    line.push_str(rest);
                    line_chars += rest_chars;
                    rest = "";
                } else if line_chars > 0 {
                    lines.push(std::mem::take(&mut line));
                    line_chars = 0;
                } else {
                    let cut = rest.char_indices().nth(width).map_or(rest.len(), |(index, _)| index);
                    lines.push(rest.get(..cut).unwrap_or(rest).to_owned());
                    rest = rest.get(cut..).unwrap_or("");
                    rest_chars -= width.min(rest_chars);
                }
            }
        }
        if line_chars > 0 {
            lines.push(line);
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = kept.trim_end().to_owned();
            last.push('…');
        }
    }
    lines
}

/// A DOT double-quoted string. Inside one, `"` must be escaped and `\`
/// starts Graphviz's own escapes (`\n`, `\N`, `\l`…), so both are escaped;
/// `&` is written as an entity because Graphviz decodes HTML entities in
/// plain labels. Lines are joined by DOT's `\n` line break (centred).
pub(super) fn dot_string(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            out.push_str("\\n");
        }
        for c in line.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '&' => out.push_str("&amp;"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
    }
    out.push('"');
    out
}

/// A Mermaid quoted label (`"…"`). Mermaid reads `#name;` and `#123;` as
/// entity codes, so every character that could end the string, start
/// markup or a markdown string, be read as an entity code or an escape
/// (`\`) is written as one; lines are joined by `<br/>`, the one markup
/// Mermaid takes for a line break (user text can never produce it: its `<`
/// is escaped).
pub(super) fn mermaid_string(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            out.push_str("<br/>");
        }
        for c in line.chars() {
            match c {
                '"' => out.push_str("#quot;"),
                '#' => out.push_str("#35;"),
                '<' => out.push_str("#lt;"),
                '>' => out.push_str("#gt;"),
                '&' => out.push_str("#amp;"),
                '|' => out.push_str("#124;"),
                '`' => out.push_str("#96;"),
                // Mermaid decodes entity codes before it reads `\n` as a
                // line break, so a backslash is followed by a zero-width
                // space: the text shows as written.
                '\\' => out.push_str("#92;#8203;"),
                '\n' => out.push_str("<br/>"),
                c => out.push(c),
            }
        }
    }
    out.push('"');
    out
}

/// Text escaped for XML character data and attribute values.
pub(super) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            '\n' => out.push(' '),
            c if crate::visible::is_hidden(c) => out.push_str(&crate::visible::shown(c)),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The width in "ems" a line of text takes, near enough to size a box: no
/// font metrics are at hand (the viewer's system font draws it), so narrow
/// letters count less than wide ones and East Asian characters count
/// double.
pub(super) fn ems(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | '[' | ']' | ' ' | 'f'
            | 't' | 'r' | '‘' | '’' => 0.32,
            'm' | 'w' | 'M' | 'W' | '@' | '—' | '&' => 0.86,
            'A'..='Z' => 0.66,
            c if is_wide(c) => 1.0,
            _ => 0.55,
        })
        .sum()
}

/// Whether a character is drawn double width (CJK, Hangul, fullwidth
/// forms): a rough test, enough to make boxes wide enough.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x20000..=0x3FFFD)
}

/// An id fragment safe in XML ids and CSS selectors, derived from a name:
/// ASCII letters, digits, `_` and `-` kept, anything else dropped.
pub(super) fn id_fragment(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .take(40)
        .collect();
    if kept.is_empty() {
        "chart".to_owned()
    } else {
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(
            wrap("Executive Director, People", 30, 8),
            vec!["Executive Director, People"]
        );
        assert_eq!(
            wrap("Executive Director of Adults Social Care & Children's Services", 30, 8),
            vec!["Executive Director of Adults", "Social Care & Children's", "Services"]
        );
        assert_eq!(wrap("abcdefghij", 4, 8), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", 4, 8), vec!["a", "b"]);
        assert_eq!(wrap("", 4, 8), Vec::<String>::new());
        let cut = wrap(&"word ".repeat(100), 10, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut.iter().all(|line| line.chars().count() <= 10));
        assert!(cut.last().is_some_and(|line| line.ends_with('…')));
        assert_eq!(wrap("ab cdéfghij k", 4, 8), vec!["ab", "cdéf", "ghij", "k"]);
        assert_eq!(wrap("abcdefghij", 4, 2), vec!["abcd", "efg…"]);
    }

    #[test]
    fn cleaning_keeps_welsh_and_shows_control_characters() {
        assert_eq!(clean("Cyngor Sir\tYnys Môn\u{0007}"), "Cyngor Sir Ynys Môn\\u{7}");
        assert_eq!(
            clean("\u{1b}]52;c;aGk=\u{7}\u{202e}x"),
            "\\u{1b}]52;c;aGk=\\u{7}\\u{202e}x"
        );
        assert_eq!(xml("a\u{1b}b\u{2066}"), "a\\u{1b}b\\u{2066}");
        assert_eq!(clean("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(one_line("a\n b"), "a b");
    }

    #[test]
    fn each_format_escapes_what_would_end_or_break_it() {
        let lines = vec!["say \"hi\" \\n <b>&|#`".to_owned()];
        assert_eq!(dot_string(&lines), r#""say \"hi\" \\n <b>&amp;|#`""#);
        assert_eq!(
            mermaid_string(&lines),
            "\"say #quot;hi#quot; #92;#8203;n #lt;b#gt;#amp;#124;#35;#96;\""
        );
        assert_eq!(xml("<script>'&\""), "&lt;script&gt;&#39;&amp;&quot;");
        assert_eq!(id_fragment("odd <name>!"), "oddname");
        assert_eq!(id_fragment("<>"), "chart");
    }
}
