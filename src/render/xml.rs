//! Text made safe for XML, for the JUnit writers: markup escaped, and every
//! hidden character ([`crate::visible`]) shown as `\u{…}`: XML 1.0 cannot
//! hold most C0 controls at all (one would make the whole file
//! unreadable), and the rest must not reach a terminal that shows the
//! report raw.

/// Text for an attribute value (quotes and line breaks escaped too).
pub fn attribute(value: &str) -> String {
    escape(value, true)
}

/// Text for character data.
pub fn text(value: &str) -> String {
    escape(value, false)
}

fn escape(value: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for character in value.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' | '\n' => out.push(character),
            hidden if crate::visible::is_hidden(hidden) => out.push_str(&crate::visible::shown(hidden)),
            '\u{FFFE}' | '\u{FFFF}' => out.push_str(&crate::visible::shown(character)),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{attribute, text};

    #[test]
    fn xml_escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(attribute("a<b>&\"c\"\u{1}"), "a&lt;b&gt;&amp;&quot;c&quot;\\u{1}");
        assert_eq!(text("\u{1b}]52;c;x\u{7}\u{202e}"), "\\u{1b}]52;c;x\\u{7}\\u{202e}");
        assert_eq!(text("line\nnext \"q\""), "line\nnext \"q\"");
        assert_eq!(attribute("two\nlines"), "two&#10;lines");
    }
}
