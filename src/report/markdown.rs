//! The report as GitHub-flavoured Markdown, to paste into a committee
//! paper. Everything that comes from a file is escaped so that it reads as
//! the words written and never as markup: above all, a table cell never
//! breaks its table, whatever pipes, newlines or backslashes it holds.

use std::fmt::Write as _;

use super::{review_passed_words, Document, Row};

/// Escapes text for an inline context (a table cell, a list item, a
/// sentence): markup characters get a backslash, line breaks become
/// `<br>` so a cell stays on its row.
///
/// CommonMark lets any ASCII punctuation be backslash-escaped, so the
/// escaped text reads exactly as written. To keep ids and prose readable in
/// the raw Markdown, `_` is escaped only where it could open or close
/// emphasis (not between two letters or digits, as in
/// `report_to_chief_executive`), and `&` only where it could start an
/// entity (`&amp;`), not in "SCB & CB".
pub(super) fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut iter = chars.iter().copied().peekable();
    while let Some(ch) = iter.next() {
        let next = iter.peek().copied();
        match ch {
            '\r' => {
                // CRLF is one line break, a lone CR another.
                if next == Some('\n') {
                    iter.next();
                }
                out.push_str("<br>");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("<br>"),
            '\\' | '|' | '*' | '`' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '_' => {
                let inner = previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                if !inner {
                    out.push('\\');
                }
                out.push('_');
            }
            '&' => {
                if next.is_some_and(|next| next.is_ascii_alphanumeric() || next == '#') {
                    out.push('\\');
                }
                out.push('&');
            }
            // Tabs read as spaces. Other control characters and the
            // bidirectional controls would be invisible, upset a renderer
            // or reorder the text: they are shown (see `crate::visible`).
            '\t' => out.push(' '),
            hidden if crate::visible::is_hidden(hidden) => out.push_str(&crate::visible::shown(hidden)),
            other => out.push(other),
        }
        previous = Some(ch);
    }
    out
}

/// Escapes text for a heading: on one line, so line breaks become spaces.
fn heading(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|ch| {
            if matches!(ch, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                ch
            }
        })
        .collect();
    inline(&flat)
}

/// Several lines in one cell, each escaped, joined by `<br>`.
fn lines(lines: &[String]) -> String {
    lines.iter().map(|line| inline(line)).collect::<Vec<_>>().join("<br>")
}

/// A table. Cells are already escaped; an empty cell stays empty.
pub(super) fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    out.push('|');
    for header in headers {
        let _ = write!(out, " {header} |");
    }
    out.push_str("\n|");
    for _ in headers {
        out.push_str(" --- |");
    }
    out.push('\n');
    for row in rows {
        out.push('|');
        for cell in row {
            if cell.is_empty() {
                out.push_str(" |");
            } else {
                let _ = write!(out, " {cell} |");
            }
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The verdict as printed in a table: bold when it needs action, so the
/// eye finds those rows without colour.
fn verdict_cell(row: &Row) -> String {
    let words = row.standing.words();
    if row.standing.needs_action() {
        format!("**{words}**")
    } else {
        words
    }
}

fn optional(text: Option<&String>) -> String {
    text.map(|text| inline(text)).unwrap_or_default()
}

/// A cell the arrangements or the guidance may leave unrecorded.
fn recorded(text: Option<&String>) -> String {
    text.map_or_else(|| "not recorded".to_owned(), |text| inline(text))
}

impl Document {
    /// The report as GitHub-flavoured Markdown: a heading for each part,
    /// tables that paste into a committee paper.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = write!(out, "# {}\n\n", heading(&self.title()));
        let _ = write!(out, "{}\n\n", inline(&self.standfirst()));
        self.front_matter(&mut out);
        self.summary(&mut out);
        self.assurance(&mut out);
        self.framework(&mut out);
        self.departures_register(&mut out);
        super::ties::markdown(&self.organisations, &mut out);
        self.timeline_table(&mut out);
        self.documents_list(&mut out);
        // One newline at the end, none to spare.
        while out.ends_with("\n\n") {
            out.pop();
        }
        // Every cell is escaped as it is written; this makes sure no
        // hidden character (see `crate::visible`) is left anywhere.
        crate::visible::escape_owned(out)
    }

    fn front_matter(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "- **Council:** {} (arrangements {}, read from {})",
            inline(&self.council),
            inline(&self.arrangement),
            inline(&self.arrangement_path)
        );
        match &self.guidance {
            Some(guidance) => {
                let _ = writeln!(out, "- **Guidance:** {}", inline(&guidance.describe()));
                let _ = writeln!(out, "- **Legal force:** {}", inline(guidance.force));
            }
            None => out.push_str("- **Guidance:** none\n"),
        }
        for local in &self.local_policies {
            let _ = writeln!(
                out,
                "- **Local policy:** {}; legal force: {}",
                inline(&local.describe()),
                inline(local.force)
            );
        }
        for beside in &self.beside {
            let _ = writeln!(
                out,
                "- **Beside it:** {}; legal force: {}",
                inline(&beside.describe()),
                inline(beside.force)
            );
        }
        for awaiting in &self.awaiting {
            let _ = writeln!(out, "- **Enacted, not yet in force:** {}", inline(&awaiting.describe()));
        }
        for (amendment, surely) in &self.amendments {
            let _ = writeln!(
                out,
                "- **Amended by:** {}{}",
                inline(&amendment.describe()),
                if *surely {
                    ""
                } else {
                    " (whether it had taken effect for the council is not known)"
                }
            );
        }
        let _ = writeln!(out, "- **As at:** {}", inline(self.as_at_entry()));
        let _ = writeln!(out, "- **Produced by:** dcsc {}", inline(&self.provenance.dcsc_version));
        for (label, files) in [
            ("Policy files", &self.provenance.policy_files),
            ("Arrangement files", &self.provenance.arrangement_files),
        ] {
            let _ = writeln!(out, "- **{label} (SHA-256 of each, as sha256sum prints it):**");
            for file in files {
                let _ = writeln!(out, "  - {} {}", inline(&file.sha256), inline(&file.name));
            }
        }
        out.push('\n');
    }

    fn summary(&self, out: &mut String) {
        out.push_str("## Summary\n\n");
        let _ = write!(out, "{}\n\n", inline(&self.summary_sentence()));
        let rows: Vec<Vec<String>> = self
            .counts()
            .into_iter()
            .map(|(standing, count)| {
                vec![
                    standing.words(),
                    count.to_string(),
                    if standing.needs_action() { "Yes" } else { "No" }.to_owned(),
                    inline(standing.meaning()),
                ]
            })
            .collect();
        table(out, &["Verdict", "Count", "Needs action", "Meaning"], &rows);
        out.push_str("### What needs action\n\n");
        let needing = self.needing_action();
        if needing.is_empty() {
            out.push_str("Nothing needs action.\n\n");
            return;
        }
        for row in needing {
            let _ = writeln!(
                out,
                "- **{}** ({}): {}",
                row.standing.words(),
                inline(&super::citation_list(&row.paragraphs)),
                inline(&row.headline)
            );
        }
        out.push('\n');
    }

    fn assurance(&self, out: &mut String) {
        out.push_str("## Assurance table\n\n");
        let _ = write!(out, "{}\n\n", inline(self.assurance_note()));
        self.sectioned_tables(out, &super::ASSURANCE_COLUMNS, |row| {
            vec![
                optional(row.reference.as_ref()),
                inline(&row.requirement_cell()),
                {
                    let mut cell: Vec<String> = row.response.iter().cloned().collect();
                    cell.extend(row.evidence_lines(&self.documents));
                    lines(&cell)
                },
                verdict_cell(row),
                lines(&row.explanation_lines()),
            ]
        });
    }

    fn framework(&self, out: &mut String) {
        // Only a council with a framework of its own (a local policy that
        // classifies its rows) has this view.
        if !self.has_framework() {
            return;
        }
        out.push_str("## Compliance framework\n\n");
        let _ = write!(out, "{}\n\n", inline(&self.framework_note()));
        self.sectioned_tables(out, &self.framework_columns(), |row| {
            let mut cells = vec![inline(&row.requirement)];
            cells.extend(row.classification.iter().map(|value| optional(value.as_ref())));
            cells.push(optional(row.discharged().as_ref()));
            cells.push(verdict_cell(row));
            cells
        });
    }

    /// One table per guidance section, each row made by `cells`.
    fn sectioned_tables(&self, out: &mut String, columns: &[&str], cells: impl Fn(&super::Row) -> Vec<String>) {
        for section in &self.sections {
            let _ = write!(out, "### {}\n\n", heading(&section.heading()));
            let rows: Vec<Vec<String>> = section.rows.iter().map(&cells).collect();
            table(out, columns, &rows);
        }
    }

    fn departures_register(&self, out: &mut String) {
        out.push_str("## Departures register\n\n");
        if self.departures.is_empty() {
            out.push_str("No departures from the guidance are recorded in the arrangements.\n\n");
            return;
        }
        out.push_str(
            "Each recorded departure from what the guidance says should be done, with its reasons, who approved it and when it is to be reviewed.\n\n",
        );
        let rows: Vec<Vec<String>> = self
            .departures
            .iter()
            .map(|departure| {
                vec![
                    inline(&departure.title),
                    inline(&departure.reasons),
                    optional(departure.approved_by.as_ref()),
                    optional(departure.approved.as_ref()),
                    optional(departure.review_by.as_ref()),
                    review_passed_words(departure.review_passed).to_owned(),
                    departure.verdict.map(crate::words::verdict_words).unwrap_or_default(),
                ]
            })
            .collect();
        let columns = self.departure_columns();
        table(out, &columns.each_ref().map(String::as_str), &rows);
    }

    fn timeline_table(&self, out: &mut String) {
        out.push_str("## Timeline\n\n");
        if self.timeline.is_empty() {
            out.push_str("The arrangements record no appointments, changes, reviews or inspections.\n\n");
            return;
        }
        out.push_str("Appointments, changes of responsibilities, reviews and inspections, in date order.\n\n");
        let rows: Vec<Vec<String>> = self
            .timeline
            .iter()
            .map(|entry| {
                vec![
                    inline(&entry.date),
                    inline(&entry.event()),
                    optional(entry.concerns.as_ref()),
                    lines(&entry.details()),
                    optional(entry.answers.as_ref()),
                ]
            })
            .collect();
        table(out, &super::TIMELINE_COLUMNS, &rows);
        if let Some(note) = self.later_events_note() {
            let _ = write!(out, "{}\n\n", inline(&note));
        }
    }

    fn documents_list(&self, out: &mut String) {
        out.push_str("## Documents relied on\n\n");
        if self.documents.is_empty() {
            out.push_str("No verdict relies on a document the arrangements or the guidance name.\n\n");
            return;
        }
        let _ = write!(out, "{}\n\n", inline(self.documents_note()));
        let rows: Vec<Vec<String>> = self
            .documents
            .iter()
            .map(|document| {
                vec![
                    inline(&document.title),
                    recorded(document.date.as_ref()),
                    recorded(document.address.as_ref()),
                    inline(document.used_for()),
                ]
            })
            .collect();
        table(out, &super::DOCUMENT_COLUMNS, &rows);
    }
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn cells_never_break_a_table() {
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("a\\|b"), "a\\\\\\|b");
        assert_eq!(inline("one\ntwo\r\nthree\rfour"), "one<br>two<br>three<br>four");
        assert_eq!(inline("<script>"), "\\<script>");
    }

    #[test]
    fn ids_and_ampersands_stay_readable() {
        assert_eq!(inline("report_to_chief_executive"), "report_to_chief_executive");
        assert_eq!(inline("_emphasis_"), "\\_emphasis\\_");
        assert_eq!(inline("SCB & CB"), "SCB & CB");
        assert_eq!(inline("&amp;"), "\\&amp;");
    }
}
