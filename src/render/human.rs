//! The terminal report of `dcsc verify`: what needs action first, grouped
//! by guidance section, each verdict with the paragraph it comes from and
//! the council's facts as snippets of the arrangement file.

use std::fmt::Write as _;

use crate::diagnostics::{render_sections, render_snippets, Label, Snippet};
use crate::eval::Verdict;
use crate::model::{Duty, DutyKind};
use crate::words::{provenance_in_brief, Standing, Wording};
use crate::Assessment;

/// Wraps text to `width` columns, indenting continuation lines: each
/// line of the text is filled with its words (split at white space) as
/// far as `width` characters allows.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1) * (indent.len() + 1));
    for (index, paragraph) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        // Almost every paragraph is printable ASCII, where the only white
        // space is a space and a word's length is its length in bytes:
        // found without decoding a character at a time, which was most of
        // the cost of a verbose report (a paragraph of guidance is
        // wrapped for every verdict that cites it).
        if is_printable_ascii(paragraph) {
            let words = paragraph.split(' ').filter(|word| !word.is_empty());
            fill(&mut out, words.map(|word| (word, word.len())), width, indent);
        } else {
            let words = paragraph.split_whitespace();
            fill(&mut out, words.map(|word| (word, word.chars().count())), width, indent);
        }
    }
    out
}

/// Adds words (each with its length in characters) to `out`, a space
/// between two on a line, starting a new indented line where the next word
/// would pass `width`.
fn fill<'a>(out: &mut String, words: impl Iterator<Item = (&'a str, usize)>, width: usize, indent: &str) {
    // The line's length in characters, kept as it grows rather than
    // counted again for every word.
    let mut length = 0;
    let mut started = false;
    for (word, word_length) in words {
        if started && length + 1 + word_length > width {
            out.push('\n');
            out.push_str(indent);
            length = 0;
            started = false;
        }
        if started {
            out.push(' ');
            length += 1;
        }
        out.push_str(word);
        length += word_length;
        started = true;
    }
}

/// Whether every byte of a text is printable ASCII (a space to `~`), read
/// eight bytes at a time.
fn is_printable_ascii(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let printable = |word: u64| {
        // No byte at or above 0x80, none below a space, and none that is DEL.
        let below_space = word.wrapping_sub(ONES * 0x20) & !word;
        let delete = word ^ (ONES * 0x7f);
        let is_delete = delete.wrapping_sub(ONES) & !delete;
        (word | below_space | is_delete) & HIGHS == 0
    };
    let mut chunks = text.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        if !printable(u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]))) {
            return false;
        }
    }
    chunks.remainder().iter().all(|byte| (b' '..=b'~').contains(byte))
}

/// The human report of one council's verdicts, every verdict explained.
/// `color` adds terminal colours.
pub fn render(assessment: &Assessment<'_>, color: bool) -> String {
    assessment.human(color, Detail::Verbose)
}

/// How much of each council `verify` writes for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The header and what needs action, explained: `-q`.
    Quiet,
    /// What needs action explained; every other verdict a line each, its
    /// verdict, duty and title: the default.
    Concise,
    /// Every verdict explained: `-v`.
    Verbose,
}

/// The human report of one council's verdicts in as much detail as asked
/// for.
pub fn render_in(assessment: &Assessment<'_>, color: bool, detail: Detail) -> String {
    assessment.human(color, detail)
}

/// The line that counts one council's verdicts: "71 verdicts, 3 need
/// action: …".
pub fn summary_line(assessment: &Assessment<'_>) -> String {
    // A used permission is not a pass: it is counted as what it is.
    let parts: Vec<String> = Standing::all()
        .map(|standing| {
            let count = assessment
                .verdicts
                .iter()
                .filter(|verdict| Standing::of(verdict) == standing)
                .count();
            (standing, count)
        })
        .filter(|(_, count)| *count > 0)
        .map(|(standing, count)| format!("{count} {}", standing.name()))
        .collect();
    format!(
        "{} verdicts, {} need action: {}",
        assessment.verdicts.len(),
        assessment.needing_action(),
        parts.join(", ")
    )
}

/// Some of a council's verdicts as snippets, in the order given: for a
/// reader (or a test) who wants the verdicts about one thing.
pub fn render_verdicts(assessment: &Assessment<'_>, verdicts: &[&Verdict], color: bool) -> String {
    let snippets: Vec<Snippet> = verdicts
        .iter()
        .filter_map(|verdict| assessment.snippet(verdict))
        .collect();
    render_snippets(assessment.sources, &snippets, color)
}

impl Assessment<'_> {
    fn snippet(&self, verdict: &Verdict) -> Option<Snippet> {
        let duty = self.duty(verdict)?;
        let wording = self.wording();
        let title = match (&duty.title, &duty.kind) {
            (Some(title), _) => title.clone(),
            (None, DutyKind::Rule { text, .. }) => text.clone(),
            (None, DutyKind::Question { asks, .. }) => asks.clone(),
        };
        let mut notes = self.duty_notes(duty);
        notes.extend(self.verdict_notes(verdict, &wording));
        Some(Snippet {
            headline: format!("{} ({})", title, duty.modality.words()),
            tag: Standing::of(verdict).name().to_owned(),
            needs_action: verdict.kind().needs_action(),
            breach: verdict.kind().is_breach(),
            labels: self.fact_labels(verdict, &wording),
            notes,
        })
    }

    /// The notes about the duty itself: its rule or question, its statute
    /// and the paragraphs it cites, with their words.
    fn duty_notes(&self, duty: &Duty) -> Vec<String> {
        let mut notes = Vec::new();
        match &duty.kind {
            DutyKind::Rule { text, .. } => {
                notes.push(format!("duty {}: {}", duty.key, text));
            }
            DutyKind::Question { asks, .. } => {
                if duty.title.is_some() {
                    notes.push(wrap(&format!("question {}: {asks}", duty.key), 88, "  "));
                } else {
                    notes.push(format!("question {}", duty.key));
                }
            }
        }
        if let Some(statute) = &duty.statute {
            notes.push(wrap(&format!("statute: {statute}"), 88, "  "));
        }
        for paragraph in self.citations(duty) {
            let words = match &paragraph.text {
                Some(text) => format!("\"{text}\""),
                None => "(the words are not at hand)".to_owned(),
            };
            notes.push(wrap(
                &format!(
                    "paragraph {} in \"{}\" ({}): {words}",
                    paragraph.key,
                    paragraph.section,
                    provenance_in_brief(self.policy, paragraph)
                ),
                88,
                "  ",
            ));
        }
        notes
    }

    /// The notes about the verdict: whom it bound, the council's answer or
    /// departure, what is missing, its remarks, and its reason.
    fn verdict_notes(&self, verdict: &Verdict, wording: &Wording<'_>) -> Vec<String> {
        let mut notes = Vec::new();
        if !verdict.bindings.is_empty() {
            let bound: Vec<String> = verdict
                .bindings
                .iter()
                .filter_map(|binding| wording.binding(binding))
                .collect();
            notes.push(format!("bound: {}", bound.join("; ")));
        }
        if let Some(answer) = verdict.answer.and_then(|id| self.arrangement.answer(id)) {
            let mut heading = "council's answer".to_owned();
            if let Some(reference) = &answer.reference {
                let _ = write!(heading, ", reference {reference}");
            }
            if let Some(given) = self.arrangement.timeline.plain_date(answer.given) {
                let _ = write!(heading, ", {given}");
            } else if self
                .arrangement
                .timeline
                .instant(answer.given)
                .is_some_and(|instant| !instant.written.says_nothing())
            {
                let _ = write!(heading, ", {}", wording.instant(answer.given));
            }
            notes.push(wrap(
                &format!("{heading}: {}", wording.answer_words(&answer.text)),
                88,
                "  ",
            ));
        }
        if let Some(departure) = verdict.departure().and_then(|id| self.arrangement.departure(id)) {
            notes.push(wrap(&format!("departure reasons: {}", departure.reasons), 88, "  "));
        }
        if !verdict.missing.is_empty() {
            let missing: Vec<String> = verdict.missing.iter().map(|missing| wording.missing(missing)).collect();
            notes.push(format!("missing: {}", missing.join("; ")));
        }
        for note in wording.notes(verdict) {
            notes.push(wrap(&format!("note: {note}"), 88, "  "));
        }
        notes.push(wrap(&format!("verdict: {}", wording.reason(verdict)), 88, "  "));
        notes
    }

    /// The facts the verdict consulted in the council's own file, each a
    /// label on its place there.
    fn fact_labels(&self, verdict: &Verdict, wording: &Wording<'_>) -> Vec<Label> {
        verdict
            .facts
            .iter()
            .filter(|used| used.origin.span.file == self.arrangement.file)
            .map(|used| {
                let mut message = wording.fact(&used.fact);
                let mut about = wording.period_and_basis(used.during, crate::words::label_basis(used));
                about.extend(
                    used.origin
                        .evidence
                        .as_ref()
                        .and_then(|evidence| wording.evidence(evidence)),
                );
                if !about.is_empty() {
                    let _ = write!(message, " ({})", about.join("; "));
                }
                Label {
                    span: used.origin.span,
                    message,
                }
            })
            .collect()
    }

    fn human(&self, color: bool, detail: Detail) -> String {
        // The header is the council's and the guidance's own words; the
        // snippets below show their hidden characters themselves.
        let mut out = crate::visible::escape_owned(self.header());
        let groups = self.grouped();
        // How much of each group is explained: all of it, its one-line
        // verdicts only (`false`), or none (`None`, quiet and no action).
        let explained = |needs_action: bool| match detail {
            Detail::Verbose => Some(true),
            Detail::Concise => Some(needs_action),
            Detail::Quiet if needs_action => Some(true),
            Detail::Quiet => None,
        };
        // Every explained section's snippets first, so each file's text is
        // shown once for the council, not once a section.
        let snippets: Vec<Vec<Snippet>> = groups
            .iter()
            .filter(|group| explained(group.needs_action) == Some(true))
            .flat_map(|group| &group.sections)
            .map(|section| {
                section
                    .verdicts
                    .iter()
                    .filter_map(|index| self.verdicts.get(*index))
                    .filter_map(|verdict| self.snippet(verdict))
                    .collect()
            })
            .collect();
        let sections: Vec<&[Snippet]> = snippets.iter().map(Vec::as_slice).collect();
        let mut rendered = render_sections(self.sources, &sections, color).into_iter();
        for group in groups {
            let Some(explained) = explained(group.needs_action) else {
                continue;
            };
            let heading = if group.needs_action {
                "NEEDS ACTION"
            } else {
                "NO ACTION NEEDED"
            };
            let _ = writeln!(out, "\n==== {heading} ({}) ====", group.count);
            for section in group.sections {
                let _ = writeln!(out, "\n---- {} ----\n", crate::visible::escape(section.title));
                if !explained {
                    for verdict in section.verdicts.iter().filter_map(|index| self.verdicts.get(*index)) {
                        out.push_str(&crate::visible::escape(&self.one_line(verdict)));
                    }
                    continue;
                }
                out.push_str(&rendered.next().unwrap_or_default());
            }
        }
        out
    }

    /// A verdict in one line: its verdict, its duty's key and title.
    fn one_line(&self, verdict: &Verdict) -> String {
        let kind = verdict.kind().name();
        match self.duty(verdict) {
            Some(duty) => {
                let title = match (&duty.title, &duty.kind) {
                    (Some(title), _) => title.as_str(),
                    (None, crate::model::DutyKind::Rule { text, .. }) => text.as_str(),
                    (None, crate::model::DutyKind::Question { asks, .. }) => asks.as_str(),
                };
                format!("  {kind:<14} {}  {title}\n", duty.key)
            }
            None => format!("  {kind}\n"),
        }
    }

    /// The head of the report: the council, the guidance it is checked
    /// against (with local policies and amendments), the date, the counts.
    fn header(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} ({})",
            self.arrangement.council_name(),
            self.sources.name(self.arrangement.file)
        );
        if let Some(base) = self.policy.base() {
            out.push_str(&wrap(
                &format!(
                    "checked against {} \"{}\"{}, {}",
                    base.key,
                    base.title,
                    base.issued.map(|date| format!(", issued {date}")).unwrap_or_default(),
                    base.force.description()
                ),
                100,
                "  ",
            ));
            out.push('\n');
        }
        for (extension, holding) in self.local_policies() {
            let adopted = match (holding, extension.in_force.or(extension.issued)) {
                (crate::date::Holding::Yes, _) => String::new(),
                (crate::date::Holding::No, Some(from)) if from.first_day() > self.as_at => {
                    format!(
                        " (not in force: it applies from {}, its adoption)",
                        crate::words::date(from)
                    )
                }
                (crate::date::Holding::No, _) => " (not in force: withdrawn by the date)".to_owned(),
                (crate::date::Holding::Unknown(_), _) => " (whether it applied as at the date is not known)".to_owned(),
            };
            let _ = writeln!(
                out,
                "with local policy {} \"{}\"{adopted}",
                extension.key, extension.title
            );
        }
        let beside: Vec<String> = self
            .beside()
            .into_iter()
            .map(|(edition, holding)| match holding {
                crate::date::Holding::Yes => edition.key.clone(),
                crate::date::Holding::No | crate::date::Holding::Unknown(_) => {
                    format!("{} (whether still in force for the council is not known)", edition.key)
                }
            })
            .collect();
        if !beside.is_empty() {
            out.push_str(&wrap(
                &format!("beside it, in force: {}", crate::words::and_list(&beside)),
                100,
                "  ",
            ));
            out.push('\n');
        }
        for (amendment, holding) in self.amendments() {
            let doubt = match holding {
                crate::date::Holding::Yes => "",
                crate::date::Holding::No | crate::date::Holding::Unknown(_) => {
                    " (whether it had taken effect for the council is not known)"
                }
            };
            out.push_str(&wrap(
                &format!(
                    "as amended by {} \"{}\" ({}){doubt}",
                    amendment.key,
                    amendment.title,
                    amendment.instrument.as_deref().unwrap_or(amendment.force.description())
                ),
                100,
                "  ",
            ));
            out.push('\n');
        }
        for awaiting in self.awaiting_commencement() {
            out.push_str(&wrap(
                &format!(
                    "enacted, not yet in force: {} \"{}\"{}",
                    awaiting.key,
                    awaiting.title,
                    awaiting
                        .enacted
                        .map(|date| format!(" (enacted {})", crate::words::date(date)))
                        .unwrap_or_default()
                ),
                100,
                "  ",
            ));
            out.push('\n');
        }
        out.push_str(&wrap(&self.dated(), 100, "  "));
        out.push('\n');
        if let Some(words) = crate::words::words_at_hand(self.words_at_hand(), self.words_recorded()) {
            out.push_str(&wrap(&words, 100, "  "));
            out.push('\n');
        }
        let _ = writeln!(out, "{}", summary_line(self));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wrapping as it was done before printable ASCII had a way of its
    /// own: every paragraph split at Unicode white space, every word's
    /// characters counted.
    fn reference(text: &str, width: usize, indent: &str) -> String {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut length = 0;
            for word in paragraph.split_whitespace() {
                let word_length = word.chars().count();
                if !line.is_empty() && length + 1 + word_length > width {
                    lines.push(std::mem::take(&mut line));
                    length = 0;
                }
                if !line.is_empty() {
                    line.push(' ');
                    length += 1;
                }
                line.push_str(word);
                length += word_length;
            }
            lines.push(line);
        }
        lines.join(&format!("\n{indent}"))
    }

    #[test]
    fn words_fill_each_line_as_far_as_the_width() {
        assert_eq!(wrap("aaa bbb ccc", 7, "  "), "aaa bbb\n  ccc");
        assert_eq!(wrap("aaa   bbb ", 80, "  "), "aaa bbb");
        assert_eq!(wrap("abcdefghij k", 4, "  "), "abcdefghij\n  k");
        assert_eq!(wrap("a\n\nb", 80, "  "), "a\n  \n  b");
        assert_eq!(wrap("", 80, "  "), "");
        // Tab and other white space split words too; widths count
        // characters, not bytes.
        assert_eq!(wrap("aaa\tbbb\u{b}ccc", 7, "  "), "aaa bbb\n  ccc");
        assert_eq!(wrap("é é é", 3, "  "), "é é\n  é");
        assert_eq!(wrap("a\u{a0}b c", 3, "  "), "a b\n  c");
    }

    #[test]
    fn printable_ascii_wraps_as_any_text_does() {
        let words = [
            "a",
            "bb",
            "ccc",
            "dddddddd",
            "e",
            "ffffffffffffffffffff",
            "\u{7f}",
            "é",
            "\t",
            "~",
        ];
        for width in [1, 3, 8, 20] {
            for count in 0..12 {
                for spaces in [" ", "  ", " \n ", "\n"] {
                    let text: Vec<&str> = (0..count)
                        .map(|index| words[(index * 7 + width) % words.len()])
                        .collect();
                    let text = text.join(spaces);
                    assert_eq!(
                        wrap(&text, width, "  "),
                        reference(&text, width, "  "),
                        "{text:?} at {width}"
                    );
                }
            }
        }
        for text in [
            "printable ascii only",
            "line\u{0}feed",
            "delete\u{7f}it",
            "tilde~ ok",
            "high\u{80}",
        ] {
            assert_eq!(
                is_printable_ascii(text),
                text.bytes().all(|byte| (b' '..=b'~').contains(&byte)),
                "{text:?}"
            );
        }
    }
}
