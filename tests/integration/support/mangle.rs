//! Deterministic ways to mangle a file, for the tests that feed every
//! stage broken input (`robustness`, `fmt`).

const INSERTS: [&str; 10] = ["{", "}", "(", ")", "\"", "not ", "per ", ", ", "2019-02-30 ", "\u{0}"];

/// A file mangled in `budget` or so deterministic ways: a character
/// deleted, something inserted, the file cut short, a line repeated.
pub fn mutations(text: &str, budget: usize) -> Vec<String> {
    let boundaries: Vec<usize> = text.char_indices().map(|(index, _)| index).collect();
    let step = (boundaries.len() / budget).max(1);
    let mut out = Vec::new();
    for (n, &at) in boundaries.iter().step_by(step).enumerate() {
        let next = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        match n % 4 {
            0 => out.push(format!("{}{}", &text[..at], &text[next..])),
            1 => out.push(format!("{}{}{}", &text[..at], INSERTS[n % INSERTS.len()], &text[at..])),
            2 => out.push(text[..at].to_owned()),
            _ => {
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
                out.push(format!("{}{}", &text[..line_end], &text[line_start..]));
            }
        }
    }
    out
}
