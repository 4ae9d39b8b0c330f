//! The report as one self-contained HTML file: inline CSS, no fonts,
//! scripts, images or links from elsewhere, so it can be attached to a
//! committee paper and opened, or printed to A4, anywhere.
//!
//! Everything that comes from a file is escaped; the only markup not
//! written here is the governance chart and the timeline picture, dcsc's
//! own SVGs, embedded as they are but for an `id` on the root, by which
//! their printed tiles draw them (`super::tiles`).
//! Colour marks verdicts on screen, but the verdict word is always printed
//! beside it, so a reader who cannot see colour, or a black-and-white
//! print, loses nothing.

use std::fmt::Write as _;

use super::{review_passed_words, Document, Row};
use crate::eval::VerdictKind;
use crate::words::verdict_words;
use crate::words::Standing;

/// Escapes text for element content and quoted attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than line breaks and tabs are not
            // allowed in HTML text, and the bidirectional controls would
            // reorder it: both are shown (see `crate::visible`).
            '\n' | '\t' => out.push(ch),
            '\r' => {}
            hidden if crate::visible::is_hidden(hidden) => out.push_str(&crate::visible::shown(hidden)),
            other => out.push(other),
        }
    }
    out
}

/// Escapes text and keeps its line breaks as `<br>`.
fn multiline(text: &str) -> String {
    escape(&text.replace("\r\n", "\n").replace('\r', "\n")).replace('\n', "<br>\n")
}

/// An identifier, reference or address escaped, with a break
/// opportunity after each dot, underscore and slash:
/// `roles.leadership.local_partners` or a long web address would
/// otherwise widen its column to its full length.
fn breakable(text: &str) -> String {
    escape(text)
        .replace('.', ".<wbr>")
        .replace('_', "_<wbr>")
        .replace('/', "/<wbr>")
}

/// Several lines in one cell, each escaped.
fn lines(lines: &[String]) -> String {
    lines
        .iter()
        .map(|line| multiline(line))
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// The class and data attributes every verdict carries, for colour and
/// for tools: `class="verdict-fail needs-action" data-verdict="fail"`; a
/// permission is coloured by whether it is used
/// (`class="verdict-permission-used"`), its verdict kept for tools.
fn verdict_attributes(standing: Standing, kind: Option<VerdictKind>) -> String {
    let mut attributes = format!(
        "class=\"verdict-{}{}\"",
        standing.name().replace('_', "-"),
        if standing.needs_action() { " needs-action" } else { "" },
    );
    if let Some(kind) = kind {
        let _ = write!(attributes, " data-verdict=\"{}\"", kind.name());
    }
    attributes
}

/// The verdict cell: the words always, and, in a table of verdicts,
/// "needs action" under them where it does.
fn verdict_cell(standing: Standing, say_action: bool) -> String {
    let mut cell = format!("<td class=\"verdict\"><strong>{}</strong>", escape(&standing.words()));
    if say_action && standing.needs_action() {
        cell.push_str("<br><span class=\"action\">needs action</span>");
    }
    cell.push_str("</td>");
    cell
}

fn optional_cell(text: Option<&String>) -> String {
    match text {
        Some(text) => format!("<td>{}</td>", multiline(text)),
        None => "<td class=\"none\">—</td>".to_owned(),
    }
}

/// The response cell of the assurance table: the council's response, then
/// where the papers state the facts and answer the verdict rests on, set
/// quieter than the response.
fn response_cell(response: Option<&String>, evidence: &[String]) -> String {
    let mut parts: Vec<String> = response.map(|text| multiline(text)).into_iter().collect();
    parts.extend(
        evidence
            .iter()
            .map(|line| format!("<span class=\"evidence\">{}</span>", escape(line))),
    );
    if parts.is_empty() {
        "<td class=\"none\">—</td>".to_owned()
    } else {
        format!("<td>{}</td>", parts.join("<br>\n"))
    }
}

/// A date, kept on one line: "2025-03-12" should not break at its hyphens.
fn date_cell(date: Option<&String>) -> String {
    match date {
        Some(date) => format!("<td class=\"nowrap\">{}</td>", escape(date)),
        None => "<td class=\"none\">—</td>".to_owned(),
    }
}

/// A table's column widths, in per cent: what each column is given where
/// its words allow. The table lays out automatically, so no column is
/// narrower than its longest word (or identifier between its break
/// points): no word is broken mid-word and no cell overflows, whatever
/// the page's width, and the longest texts get the most room.
fn columns(out: &mut String, widths: &[u32]) {
    out.push_str("<colgroup>");
    for width in widths {
        let _ = write!(out, "<col style=\"width: {width}%\">");
    }
    out.push_str("</colgroup>\n");
}

/// A table's head: one `<th scope="col">` per column.
fn head(out: &mut String, headers: &[&str]) {
    out.push_str("<thead><tr>");
    for header in headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(header));
    }
    out.push_str("</tr></thead>\n");
}

/// An SVG for embedding in HTML: an XML declaration or doctype before the
/// `<svg>` element has no place inside an HTML body, so it is left out.
fn embeddable(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |start| svg.get(start..).unwrap_or(svg))
}

// Printed, the report must fit a committee's agenda pack: A4, small but
// legible type, columns no narrower than their longest word (so no word
// is broken mid-word and no cell overflows, at 1280 px or on A4), no
// section forced onto a page of its own, no heading left at the foot of a
// page without what it heads (a heading and the paragraph under it are
// kept together, and both kept with what follows), and the pictures
// printed in tiles whose labels are 8 pt or more (see `super::tiles`).
const STYLE: &str = r#"
:root { --ink: #1b1b1b; --muted: #505a5f; --rule: #b1b4b6; --band: #f3f2f1; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 75rem; padding: 1.5rem; color: var(--ink); background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.45; }
header { border-bottom: 3px solid var(--ink); margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
.standfirst { font-size: 1.1rem; color: var(--muted); }
dl.front-matter { display: grid; grid-template-columns: minmax(8em, max-content) minmax(0, 1fr); gap: .25rem 1rem; margin: 1rem 0; }
dl.front-matter dt { font-weight: 600; max-width: 16em; }
dl.front-matter dd { margin: 0; }
dl.front-matter code { white-space: nowrap; }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; caption-side: top; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.nowrap { white-space: nowrap; }
thead th { background: var(--band); }
tbody th[scope="rowgroup"] { background: #dee0e2; font-size: 1rem; }
td.none { color: var(--muted); }
td.verdict { border-left-width: 6px; }
td.verdict .action { font-size: .8rem; white-space: nowrap; }
tr.verdict-fail td.verdict { background: #f6d7d2; border-left-color: #d4351c; }
tr.verdict-unexplained td.verdict, tr.verdict-unknown td.verdict,
tr.verdict-missing td.verdict, tr.verdict-stale td.verdict { background: #fff2d3; border-left-color: #f47738; }
tr.verdict-departure td.verdict { background: #dbe8f5; border-left-color: #1d70b8; }
tr.verdict-pass td.verdict, tr.verdict-answered td.verdict { background: #dff0e5; border-left-color: #00703c; }
tr.verdict-not-applicable td.verdict, tr.verdict-permission-used td.verdict,
tr.verdict-permission-not-used td.verdict, tr.verdict-permission-not-shown td.verdict { background: var(--band); border-left-color: var(--rule); }
.evidence, .citation { color: var(--muted); font-size: .92em; }
.lead > :last-child { margin-bottom: .5rem; }
ul.actions li { margin: .2rem 0; }
ul.actions .verdict-word { font-weight: 700; }
#chart figure, #history figure { margin: 0; overflow-x: auto; }
.picture-whole svg, figure > svg { max-width: 100%; height: auto; }
.picture-tiles { display: none; }
@media print {
  @page { size: A4; margin: 12mm 10mm 12mm 10mm; }
  body { max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.3; }
  header { margin-bottom: .75rem; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin: 1rem 0 .4rem; }
  h3 { font-size: 10pt; margin: .75rem 0 .3rem; }
  .standfirst { font-size: 9pt; }
  dl.front-matter { margin: .5rem 0; gap: .1rem .75rem; }
  table { font-size: 7pt; line-height: 1.15; margin: .25rem 0 .75rem; }
  th, td { padding: .1rem .25rem; }
  tbody th[scope="rowgroup"] { font-size: 8pt; }
  td.verdict .action { font-size: 6pt; }
  thead { display: table-header-group; }
  thead th { font-size: 6.5pt; }
  tr, th, td, li { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, caption, .lead, tr.section { break-after: avoid; page-break-after: avoid; }
  .lead { break-inside: avoid; page-break-inside: avoid; }
  thead + tbody > tr:first-child, thead + tbody > tr:nth-child(2), tr.section + tr { break-before: avoid; page-break-before: avoid; }
  #chart figure, #history figure { overflow: visible; }
  .picture-whole { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .picture-tiles { display: block; }
  .picture-tiles .tile { break-inside: avoid; page-break-inside: avoid; }
  .picture-tiles svg { display: block; }
  .tile-caption { margin: .2rem 0 0; color: var(--muted); }
  #history { break-before: page; page-break-before: always; }
  td.verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

impl Document {
    /// The report as one self-contained HTML file. `chart_svg` is the
    /// governance chart (dcsc's own SVG writer's output), embedded in the
    /// "Governance chart" section whole for the screen and in tiles for
    /// print; nothing else is embedded unescaped.
    pub fn to_html(&self, chart_svg: &str) -> String {
        self.to_html_with_timeline(chart_svg, "")
    }

    /// [`Document::to_html`] with the timeline picture (`dcsc timeline`'s
    /// SVG) embedded after the chart, in the "Timeline picture" section;
    /// none when `timeline_svg` is empty.
    pub fn to_html_with_timeline(&self, chart_svg: &str, timeline_svg: &str) -> String {
        let mut out = String::new();
        out.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(out, "<title>{}</title>", escape(&self.title()));
        let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
        self.html_header(&mut out);
        out.push_str("<main>\n");
        self.html_summary(&mut out);
        self.html_assurance(&mut out);
        self.html_framework(&mut out);
        self.html_departures(&mut out);
        super::ties::html(&self.organisations, &mut out);
        self.html_timeline(&mut out);
        self.html_documents(&mut out);
        out.push_str("<section id=\"chart\">\n<h2>Governance chart</h2>\n");
        if chart_svg.trim().is_empty() {
            out.push_str("<p>No governance chart was produced.</p>\n");
        } else {
            out.push_str("<figure>\n");
            super::tiles::picture(&mut out, embeddable(chart_svg), "chart-drawing", "Governance chart");
            let _ = writeln!(out,
                "\n<figcaption>The governance chart of {}: posts and reporting lines, members and bodies, as the arrangements state them.</figcaption>\n</figure>",
                escape(&self.council)
            );
        }
        out.push_str("</section>\n");
        if !timeline_svg.trim().is_empty() {
            out.push_str("<section id=\"history\">\n<h2>Timeline picture</h2>\n<figure>\n");
            super::tiles::picture(
                &mut out,
                embeddable(timeline_svg),
                "history-drawing",
                "Timeline picture",
            );
            let _ = writeln!(
                out,
                "\n<figcaption>{}</figcaption>\n</figure>\n</section>",
                escape(crate::words::timeline::CAPTION)
            );
        }
        out.push_str("</main>\n</body>\n</html>\n");
        // Everything from a file is escaped as it is written; this makes
        // sure no hidden character (see `crate::visible`) is left anywhere,
        // the chart included.
        crate::visible::escape_owned(out)
    }

    fn html_header(&self, out: &mut String) {
        out.push_str("<header>\n");
        let _ = writeln!(out, "<h1>{}</h1>", escape(&self.title()));
        let _ = writeln!(out, "<p class=\"standfirst\">{}</p>", escape(&self.standfirst()));
        out.push_str("<dl class=\"front-matter\">\n");
        let mut entry = |term: &str, value: String| {
            let _ = writeln!(out, "<dt>{}</dt><dd>{value}</dd>", escape(term));
        };
        entry(
            "Council",
            format!(
                "{} (arrangements <code>{}</code>, read from <code>{}</code>)",
                escape(&self.council),
                escape(&self.arrangement),
                escape(&self.arrangement_path)
            ),
        );
        match &self.guidance {
            Some(guidance) => {
                entry("Guidance", escape(&guidance.describe()));
                entry("Legal force", escape(guidance.force));
            }
            None => entry("Guidance", "none".to_owned()),
        }
        for local in &self.local_policies {
            entry(
                "Local policy",
                format!("{}; legal force: {}", escape(&local.describe()), escape(local.force)),
            );
        }
        for beside in &self.beside {
            entry(
                "Beside it",
                format!("{}; legal force: {}", escape(&beside.describe()), escape(beside.force)),
            );
        }
        for awaiting in &self.awaiting {
            entry("Enacted, not yet in force", escape(&awaiting.describe()));
        }
        for (amendment, surely) in &self.amendments {
            entry(
                "Amended by",
                format!(
                    "{}{}",
                    escape(&amendment.describe()),
                    if *surely {
                        ""
                    } else {
                        " (whether it had taken effect for the council is not known)"
                    }
                ),
            );
        }
        entry("As at", escape(self.as_at_entry()));
        entry("Produced by", format!("dcsc {}", escape(&self.provenance.dcsc_version)));
        let digests = |files: &[super::FileDigest]| {
            files
                .iter()
                .map(|file| format!("<code>{}</code> {}", escape(&file.sha256), breakable(&file.name)))
                .collect::<Vec<String>>()
                .join("<br>")
        };
        entry(
            "Policy files (SHA-256 of each, as sha256sum prints it)",
            digests(&self.provenance.policy_files),
        );
        entry(
            "Arrangement files (SHA-256 of each, as sha256sum prints it)",
            digests(&self.provenance.arrangement_files),
        );
        out.push_str("</dl>\n</header>\n");
    }

    fn html_summary(&self, out: &mut String) {
        out.push_str("<section id=\"summary\">\n");
        lead(out, "Summary", &self.summary_sentence());
        out.push_str("<table id=\"summary-table\">\n<caption>Verdicts by kind</caption>\n");
        head(out, &["Verdict", "Count", "Needs action", "Meaning"]);
        out.push_str("<tbody>\n");
        for (standing, count) in self.counts() {
            let _ = writeln!(
                out,
                "<tr {}>{}<td>{count}</td><td>{}</td><td>{}</td></tr>",
                verdict_attributes(
                    standing,
                    match standing {
                        Standing::Verdict(kind) => Some(kind),
                        Standing::Permission(_) => None,
                    }
                ),
                verdict_cell(standing, false),
                if standing.needs_action() { "Yes" } else { "No" },
                escape(standing.meaning())
            );
        }
        out.push_str("</tbody>\n</table>\n<h3>What needs action</h3>\n");
        let needing = self.needing_action();
        if needing.is_empty() {
            out.push_str("<p>Nothing needs action.</p>\n");
        } else {
            out.push_str("<ul class=\"actions\">\n");
            for row in needing {
                let _ = writeln!(
                    out,
                    "<li {}><span class=\"verdict-word\">{}</span> ({}): {}</li>",
                    verdict_attributes(row.standing, Some(row.verdict)),
                    escape(&row.standing.words()),
                    escape(&super::citation_list(&row.paragraphs)),
                    escape(&row.headline)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }

    /// A table of every row grouped by section: a `<tbody>` per section
    /// headed by a row header spanning the columns.
    fn grouped_table(
        &self,
        out: &mut String,
        id: &str,
        caption: &str,
        headers: &[&str],
        widths: &[u32],
        cells: impl Fn(&Row) -> String,
    ) {
        let _ = writeln!(out, "<table id=\"{id}\">\n<caption>{}</caption>", escape(caption));
        columns(out, widths);
        head(out, headers);
        for section in &self.sections {
            let _ = writeln!(
                out,
                "<tbody>\n<tr class=\"section\"><th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>",
                headers.len(),
                escape(&section.heading())
            );
            for row in &section.rows {
                let _ = writeln!(
                    out,
                    "<tr {} data-duty=\"{}\">{}</tr>",
                    verdict_attributes(row.standing, Some(row.verdict)),
                    escape(&row.duty),
                    cells(row)
                );
            }
            out.push_str("</tbody>\n");
        }
        out.push_str("</table>\n");
    }

    fn html_assurance(&self, out: &mut String) {
        out.push_str("<section id=\"assurance\">\n");
        lead(out, "Assurance table", self.assurance_note());
        let caption = format!(
            "Test of assurance: {} as at {}",
            self.council,
            crate::words::day(self.as_at)
        );
        // The response is the longest text, the explanation next.
        let widths = [8, 28, 35, 9, 20];
        self.grouped_table(
            out,
            "assurance-table",
            &caption,
            &super::ASSURANCE_COLUMNS,
            &widths,
            |row| {
                format!(
                    "{}<td>{} <span class=\"citation\">{}</span></td>{}{}<td class=\"explanation\">{}</td>",
                    match &row.reference {
                        Some(reference) => format!("<td class=\"reference\">{}</td>", breakable(reference)),
                        None => "<td class=\"none\">—</td>".to_owned(),
                    },
                    multiline(&row.requirement),
                    escape(&row.citation()),
                    response_cell(row.response.as_ref(), &row.evidence_lines(&self.documents)),
                    verdict_cell(row.standing, true),
                    lines(&row.explanation_lines())
                )
            },
        );
        out.push_str("</section>\n");
    }

    fn html_framework(&self, out: &mut String) {
        if !self.has_framework() {
            return;
        }
        out.push_str("<section id=\"framework\">\n");
        lead(out, "Compliance framework", &self.framework_note());
        let caption = format!(
            "Compliance framework: {} as at {}",
            self.council,
            crate::words::day(self.as_at)
        );
        // The requirement and how it is discharged share what the
        // classifications and the verdict leave.
        let classifications = u32::try_from(self.classifications.len()).unwrap_or(0);
        let rest = 100u32.saturating_sub(9 + 9 * classifications);
        let mut widths = vec![rest * 3 / 5];
        widths.extend(std::iter::repeat_n(9, self.classifications.len()));
        widths.push(rest - rest * 3 / 5);
        widths.push(9);
        self.grouped_table(
            out,
            "framework-table",
            &caption,
            &self.framework_columns(),
            &widths,
            |row| {
                let classification: String = row
                    .classification
                    .iter()
                    .map(|value| match value {
                        Some(value) => format!("<td>{}</td>", escape(value)),
                        None => "<td></td>".to_owned(),
                    })
                    .collect();
                format!(
                    "<td>{}</td>{classification}{}{}",
                    multiline(&row.requirement),
                    optional_cell(row.discharged().as_ref()),
                    verdict_cell(row.standing, true)
                )
            },
        );
        out.push_str("</section>\n");
    }

    fn html_departures(&self, out: &mut String) {
        out.push_str("<section id=\"departures\">\n");
        if self.departures.is_empty() {
            lead(
                out,
                "Departures register",
                "No departures from the guidance are recorded in the arrangements.",
            );
            out.push_str("</section>\n");
            return;
        }
        lead(
            out,
            "Departures register",
            "Each recorded departure from what the guidance says should be done, with its reasons, who approved it and when it is to be reviewed.",
        );
        out.push_str("<table id=\"departures-table\">\n<caption>Recorded departures from the guidance</caption>\n");
        let columns = self.departure_columns();
        head(out, &columns.each_ref().map(String::as_str));
        out.push_str("<tbody>\n");
        for departure in &self.departures {
            let passed_class = match departure.review_passed {
                Some(true) => " class=\"review-passed\"",
                _ => "",
            };
            let _ = writeln!(out,
                "<tr data-duty=\"{}\"{passed_class}><td>{}</td><td>{}</td>{}{}{}<td>{}</td><td class=\"nowrap\">{}</td></tr>",
                escape(&departure.duty),
                multiline(&departure.title),
                multiline(&departure.reasons),
                optional_cell(departure.approved_by.as_ref()),
                date_cell(departure.approved.as_ref()),
                date_cell(departure.review_by.as_ref()),
                review_passed_words(departure.review_passed),
                departure.verdict.map(verdict_words).unwrap_or_default(),
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    fn html_timeline(&self, out: &mut String) {
        out.push_str("<section id=\"timeline\">\n");
        if self.timeline.is_empty() {
            lead(
                out,
                "Timeline",
                "The arrangements record no appointments, changes, reviews or inspections.",
            );
            out.push_str("</section>\n");
            return;
        }
        lead(
            out,
            "Timeline",
            "Appointments, changes of responsibilities, reviews and inspections, in date order.",
        );
        out.push_str("<table id=\"timeline-table\">\n<caption>Appointments, changes of responsibilities, reviews and inspections, in date order</caption>\n");
        head(out, &super::TIMELINE_COLUMNS);
        out.push_str("<tbody>\n");
        for entry in &self.timeline {
            let _ = writeln!(
                out,
                "<tr class=\"event-{}\"{}><td class=\"nowrap\">{}</td><td>{}</td>{}<td>{}</td>{}</tr>",
                entry.kind,
                entry.inferred_attribute(),
                escape(&entry.date),
                breakable(&entry.event()),
                optional_cell(entry.concerns.as_ref()),
                lines(&entry.details()),
                optional_cell(entry.answers.as_ref()),
            );
        }
        out.push_str("</tbody>\n</table>\n");
        if let Some(note) = self.later_events_note() {
            let _ = writeln!(out, "<p>{}</p>", escape(&note));
        }
        out.push_str("</section>\n");
    }

    fn html_documents(&self, out: &mut String) {
        out.push_str("<section id=\"documents\">\n");
        if self.documents.is_empty() {
            lead(
                out,
                "Documents relied on",
                "No verdict relies on a document the arrangements or the guidance name.",
            );
            out.push_str("</section>\n");
            return;
        }
        lead(out, "Documents relied on", self.documents_note());
        out.push_str("<table id=\"documents-table\">\n<caption>Documents relied on</caption>\n");
        columns(out, &[44, 12, 26, 18]);
        head(out, &super::DOCUMENT_COLUMNS);
        out.push_str("<tbody>\n");
        let optional = |cell: &Option<String>, shown: &dyn Fn(&str) -> String| match cell {
            Some(text) => format!("<td>{}</td>", shown(text)),
            None => "<td class=\"none\">not recorded</td>".to_owned(),
        };
        for document in &self.documents {
            let _ = writeln!(
                out,
                "<tr><td>{}</td>{}{}<td>{}</td></tr>",
                escape(&document.title),
                optional(&document.date, &|text| escape(text)),
                optional(&document.address, &|text| breakable(text)),
                escape(document.used_for()),
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
}

/// A section's heading and the paragraph under it, kept together so that
/// a printed heading never sits alone at the foot of a page.
fn lead(out: &mut String, heading: &str, paragraph: &str) {
    let _ = writeln!(
        out,
        "<div class=\"lead\"><h2>{}</h2>\n<p>{}</p></div>",
        escape(heading),
        escape(paragraph)
    );
}

#[cfg(test)]
mod tests {
    use super::{embeddable, escape};

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn an_xml_declaration_is_left_out_of_the_embedded_chart() {
        assert_eq!(embeddable("<?xml version=\"1.0\"?>\n<svg></svg>"), "<svg></svg>");
        assert_eq!(embeddable("<svg/>"), "<svg/>");
    }
}
