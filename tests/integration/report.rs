//! The committee reports of the three seed councils, as Markdown, CSV and
//! (in structure) HTML, and one council whose every string is hostile to
//! the formats: pipes, quotes, markup, line breaks, a very long answer and
//! Welsh and other non-ASCII text. The snapshots are what a reviewer reads
//! to judge whether a report reads like a committee paper.

use std::fmt::Write as _;
use std::path::Path;

use dcsc::date::{Day, PartialDate};
use dcsc::report::{document, sha256, Document, FileDigest, Provenance};
use dcsc::{Verified, Workspace};

use crate::support::seed_council;

/// A small chart standing in for the governance chart, which is produced
/// elsewhere.
const CHART: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40" role="img" aria-label="Governance chart"><rect x="1" y="1" width="118" height="38" fill="none" stroke="black"/><text x="60" y="25" text-anchor="middle">DCS</text></svg>"#;

fn verify(workspace: &mut Workspace, as_at: &str) -> (Verified, Day) {
    let date = PartialDate::parse(as_at).expect("as-at date").last_day();
    let verified = workspace
        .verify(date)
        .unwrap_or_else(|| panic!("does not check:\n{}", workspace.render_diagnostics(false)));
    assert_eq!(verified.councils.len(), 1, "one arrangement");
    (verified, date)
}

/// The provenance of a report, hashed here file by file from the files
/// themselves with [`sha256`] and a fixed version, so snapshots show real
/// hashes and do not move with the crate's version.
fn provenance(workspace: &Workspace, verified: &Verified) -> Provenance {
    let digest = |file| {
        let source = workspace.sources.get(file).expect("source");
        // The embedded guidance is named by its file in the repository; a
        // text given in the test has no file.
        let bytes = std::fs::read(source.name()).unwrap_or_else(|_| source.bytes_as_read().to_vec());
        FileDigest {
            name: source.name().to_owned(),
            sha256: sha256(&bytes),
        }
    };
    let mut policy_files = Vec::new();
    for edition in &verified.policy.editions {
        if !policy_files.contains(&edition.file) {
            policy_files.push(edition.file);
        }
    }
    Provenance {
        dcsc_version: "test".to_owned(),
        policy_files: policy_files.into_iter().map(digest).collect(),
        arrangement_files: vec![digest(verified.councils[0].arrangement.file)],
    }
}

/// The report's document, with the number of verdicts and their duty ids.
fn build(workspace: &Workspace, verified: &Verified, date: Day) -> (Document, Vec<String>) {
    let assessments = verified.assessments(&workspace.sources);
    let report = assessments[0];
    assert_eq!(report.as_at, date);
    let provenance = provenance(workspace, verified);
    assert_eq!(
        Provenance::of(&report, "test"),
        provenance,
        "Provenance::of hashes the same files as the test"
    );
    let duties = report
        .verdicts
        .iter()
        .map(|verdict| verified.policy.duty(verdict.duty).expect("duty").key.clone())
        .collect();
    (document(&report, provenance), duties)
}

// ------------------------------------------------------------- markdown

/// The cells of a Markdown table row, split on the pipes that are not
/// escaped.
fn cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => {
                cell.push(ch);
                if let Some(next) = chars.next() {
                    cell.push(next);
                }
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            other => cell.push(other),
        }
    }
    cells.push(cell);
    // The text before the first pipe and after the last is not a cell.
    assert!(cells.len() >= 2, "not a table row: {line}");
    cells.remove(0);
    cells.pop();
    cells.into_iter().map(|cell| cell.trim().to_owned()).collect()
}

/// A Markdown table: its header cells and its body rows.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// The tables under one `## ` heading, checking on the way that every row
/// has as many cells as its header and that the delimiter row is there.
fn tables(markdown: &str, part: &str) -> Vec<Table> {
    let start = markdown
        .find(&format!("\n## {part}\n"))
        .unwrap_or_else(|| panic!("no part {part}"));
    let rest = &markdown[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |end| end + 4);
    let mut found = Vec::new();
    let mut current: Option<Table> = None;
    let mut delimiter_seen = false;
    for line in rest[..end].lines() {
        if line.starts_with('|') {
            match &mut current {
                None => {
                    current = Some(Table {
                        header: cells(line),
                        rows: Vec::new(),
                    });
                    delimiter_seen = false;
                }
                Some(table) => {
                    let row = cells(line);
                    assert_eq!(
                        row.len(),
                        table.header.len(),
                        "a row of {part} has {} cells, its header {}: {line}",
                        row.len(),
                        table.header.len()
                    );
                    if !delimiter_seen {
                        assert!(row.iter().all(|cell| cell == "---"), "no delimiter row: {line}");
                        delimiter_seen = true;
                    } else {
                        table.rows.push(row);
                    }
                }
            }
        } else if let Some(table) = current.take() {
            found.push(table);
        }
    }
    if let Some(table) = current.take() {
        found.push(table);
    }
    found
}

/// Every row of a part's tables.
fn rows(markdown: &str, part: &str) -> Vec<Vec<String>> {
    tables(markdown, part)
        .into_iter()
        .flat_map(|table| table.rows)
        .collect()
}

// ------------------------------------------------------------------ csv

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").iter().map(str::to_owned).collect();
    let records = reader
        .records()
        .map(|record| record.expect("record").iter().map(str::to_owned).collect())
        .collect();
    (headers, records)
}

// ----------------------------------------------------------------- html

/// The text between `open` (whose tag may carry attributes) and `close`,
/// for every occurrence, tags inside stripped.
fn elements(html: &str, open: &str, close: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let Some(content_start) = after.find('>') else { break };
        let content = &after[content_start + 1..];
        let Some(end) = content.find(close) else { break };
        found.push(strip_tags(&content[..end]));
        rest = &content[end..];
    }
    found
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            other if !in_tag => out.push(other),
            _ => {}
        }
    }
    out
}

/// The HTML of one table, by id.
fn table_html<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<table id=\"{id}\""))
        .unwrap_or_else(|| panic!("no table {id}"));
    let end = html[start..].find("</table>").expect("table closed") + start;
    &html[start..end]
}

/// The structure of an HTML report: headings, sections, and each table
/// with its caption, header cells and counts of rows.
fn html_structure(html: &str) -> String {
    let mut out = String::new();
    out.push_str("headings:\n");
    let mut rest = html;
    while let Some(start) = rest.find("<h") {
        let level = rest[start + 2..].chars().next().unwrap_or(' ');
        if !matches!(level, '1'..='6') {
            rest = &rest[start + 2..];
            continue;
        }
        let close = format!("</h{level}>");
        let after = &rest[start..];
        let content_start = after.find('>').unwrap() + 1;
        let end = after.find(&close).unwrap();
        let indent = "  ".repeat(level.to_digit(10).unwrap() as usize - 1);
        writeln!(out, "  {indent}h{level} {}", strip_tags(&after[content_start..end])).unwrap();
        rest = &after[end..];
    }
    out.push_str("sections:");
    let mut rest = html;
    while let Some(start) = rest.find("<section id=\"") {
        let after = &rest[start + 13..];
        let end = after.find('"').unwrap();
        write!(out, " {}", &after[..end]).unwrap();
        rest = &after[end..];
    }
    out.push_str("\ntables:\n");
    let mut rest = html;
    while let Some(start) = rest.find("<table id=\"") {
        let after = &rest[start + 11..];
        let id = &after[..after.find('"').unwrap()];
        let table = table_html(html, id);
        let caption = elements(table, "<caption", "</caption>").join("");
        let headers = elements(table, "<th scope=\"col\"", "</th>");
        let rows = table.matches("<tr ").count() + table.matches("<tr>").count() - 1;
        let verdict_rows = table.matches("data-verdict=\"").count();
        let groups = table.matches("<tbody>").count();
        write!(
            out,
            "  {id}: {caption}\n    columns: {}\n    rows: {rows} ({verdict_rows} with a verdict) in {groups} groups\n",
            headers.join(" | ")
        )
        .unwrap();
        rest = &after[id.len()..];
    }
    writeln!(
        out,
        "chart: {}",
        if html.contains("<section id=\"chart\">") && html.contains("<svg xmlns") {
            "inline svg"
        } else {
            "absent"
        }
    )
    .unwrap();
    out
}

/// Checks what holds of every report: each verdict is a row of the
/// assurance table and of the framework in Markdown, of the CSV and of
/// the HTML tables; the HTML is self-contained and well nested enough for
/// the parts a browser test looks for.
fn check_every_verdict_is_a_row(document: &Document, duties: &[String]) {
    let markdown = document.to_markdown();
    assert_eq!(rows(&markdown, "Assurance table").len(), duties.len(), "assurance rows");
    // Only a council with a framework of its own (Barnet) has the
    // framework view; there every verdict is a row of it too.
    if markdown.contains("\n## Compliance framework\n") {
        assert_eq!(
            rows(&markdown, "Compliance framework").len(),
            duties.len(),
            "framework rows"
        );
    }
    for table in tables(&markdown, "Assurance table") {
        assert_eq!(
            table.header,
            [
                "Reference",
                "Assurance requirement",
                "Response",
                "Verdict",
                "Explanation"
            ]
        );
    }

    let (headers, records) = read_csv(&document.to_csv().expect("csv"));
    assert_eq!(records.len(), duties.len(), "csv rows");
    let duty_column = headers.iter().position(|header| header == "Duty").expect("Duty column");
    let mut from_csv: Vec<&str> = records.iter().map(|record| record[duty_column].as_str()).collect();
    let mut expected: Vec<&str> = duties.iter().map(String::as_str).collect();
    from_csv.sort_unstable();
    expected.sort_unstable();
    assert_eq!(from_csv, expected, "every verdict once in the CSV");

    let html = document.to_html(CHART);
    let tables_with_rows: &[&str] = if html.contains("<table id=\"framework-table\"") {
        &["assurance-table", "framework-table"]
    } else {
        &["assurance-table"]
    };
    for id in tables_with_rows {
        let table = table_html(&html, id);
        assert_eq!(table.matches("data-verdict=\"").count(), duties.len(), "{id} rows");
        for duty in duties {
            assert!(table.contains(&format!("data-duty=\"{duty}\"")), "{id} lacks {duty}");
        }
    }
    for id in [
        "<section id=\"summary\">",
        "<section id=\"assurance\">",
        "<section id=\"departures\">",
        "<section id=\"timeline\">",
        "<section id=\"chart\">",
        "<header>",
        "<main>",
        "@page { size: A4",
        "thead { display: table-header-group; }",
    ] {
        assert!(html.contains(id), "the HTML lacks {id}");
    }
    assert_eq!(
        html.contains("<section id=\"framework\">"),
        tables_with_rows.len() == 2,
        "the framework section goes with its table"
    );
    assert_eq!(html.matches("<section").count(), html.matches("</section>").count());
    assert_eq!(html.matches("<table").count(), html.matches("</table>").count());
    assert_eq!(html.matches("<tr").count(), html.matches("</tr>").count());
    // Self-contained: nothing fetched from elsewhere. The printed tiles of
    // the chart draw it by a reference within the page (`href="#…"`).
    for outside in ["<script", "<link", "<img", "src=", "@import", "url("] {
        assert!(!html.contains(outside), "the HTML contains {outside}");
    }
    assert_eq!(
        html.matches("href=").count(),
        html.matches("href=\"#").count(),
        "the HTML links outside itself"
    );
    assert!(
        html.contains("<use href=\"#chart-drawing\"/>"),
        "the chart has no printed tiles"
    );
    // Colour is never the only carrier: every verdict row prints its word.
    let assurance = table_html(&html, "assurance-table");
    for row in assurance.split("<tr ").skip(1) {
        if let Some(start) = row.find("data-verdict=\"") {
            let name = &row[start + 14..];
            let name = &name[..name.find('"').unwrap()];
            // A permission shows whether it is used, never "pass".
            if row.contains("class=\"verdict-permission-") {
                assert!(row.contains("<strong>permission"), "a permission row without its words");
                assert!(!row.contains("<strong>pass</strong>"), "a permission shown as pass");
            } else {
                assert!(
                    row.contains(&format!("<strong>{}</strong>", name.replace('_', " "))),
                    "a {name} row without its word"
                );
                assert!(row.contains(&format!("verdict-{}", name.replace('_', "-"))));
            }
        }
    }
}

#[test]
fn each_council_has_a_committee_report() {
    for name in ["coventry", "northumberland", "barnet"] {
        let (files, as_at) = seed_council(name);
        let mut workspace = Workspace::new();
        for file in files {
            workspace.add_path(Path::new(file));
        }
        let (verified, date) = verify(&mut workspace, as_at);
        let (document, duties) = build(&workspace, &verified, date);
        check_every_verdict_is_a_row(&document, &duties);
        snapshot!(format!("{name}_markdown"), document.to_markdown());
        snapshot!(format!("{name}_csv"), document.to_csv().expect("csv"));
        snapshot!(
            format!("{name}_html_structure"),
            html_structure(&document.to_html(CHART))
        );
    }
}

#[test]
fn the_same_inputs_give_the_same_report() {
    let render = || {
        let (files, as_at) = seed_council("coventry");
        let mut workspace = Workspace::new();
        for file in files {
            workspace.add_path(Path::new(file));
        }
        let (verified, date) = verify(&mut workspace, as_at);
        let (document, _) = build(&workspace, &verified, date);
        (
            document.to_markdown(),
            document.to_csv().expect("csv"),
            document.to_html(CHART),
        )
    };
    assert_eq!(render(), render());
}

#[test]
fn the_northumberland_report_names_its_local_policy() {
    let (files, as_at) = seed_council("northumberland");
    let mut workspace = Workspace::new();
    for file in files {
        workspace.add_path(Path::new(file));
    }
    let (verified, date) = verify(&mut workspace, as_at);
    let (document, _) = build(&workspace, &verified, date);
    let markdown = document.to_markdown();
    assert!(markdown.contains("- **Local policy:** Northumberland County Council: annual review"));
    assert!(markdown.contains("legal force: local policy"));
    // Its duty sits under its own section, after the guidance's.
    let purpose = markdown.find("### Purpose of report").expect("local section");
    let local_assurance = markdown.find("### Local assurance").expect("guidance section");
    assert!(local_assurance < purpose);
}

// ------------------------------------------------------- fingerprints

#[test]
fn fingerprints_are_what_sha256sum_prints_however_the_path_is_written() {
    // The SHA-256 of "abc", as every implementation prints it.
    assert_eq!(
        sha256(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let dir = crate::support::scratch("report");
    let written = std::fs::read_to_string("examples/coventry.dcs").unwrap();
    // A copy with a byte order mark and CRLF line endings: dcsc reads it
    // as the same text, but its fingerprint is of its own bytes.
    let crlf = format!("\u{feff}{}", written.replace('\n', "\r\n"));
    crate::support::write(&dir, "coventry.dcs", &crlf);
    let digests = |run: &str, path: &str| -> Vec<String> {
        let output = crate::support::dcsc_in(
            Path::new(run),
            &["report", path, "--format", "markdown", "--as-at", "2017-03-31"],
        );
        let markdown = String::from_utf8(output.stdout).unwrap();
        markdown
            .lines()
            .skip_while(|line| !line.starts_with("- **Arrangement files"))
            .nth(1)
            .map(|line| {
                line.trim_start_matches("  - ")
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .to_owned()
            })
            .into_iter()
            .collect()
    };
    let plain = digests(".", "examples/coventry.dcs");
    assert_eq!(plain, vec![sha256(written.as_bytes())]);
    assert_eq!(
        digests(".", "./examples/coventry.dcs"),
        plain,
        "the path as written does not matter"
    );
    assert_eq!(
        digests(
            ".",
            &std::fs::canonicalize("examples/coventry.dcs")
                .unwrap()
                .display()
                .to_string()
        ),
        plain
    );
    let copy = digests(dir.to_str().unwrap(), "coventry.dcs");
    assert_eq!(copy, vec![sha256(crlf.as_bytes())], "the copy's own bytes");
    assert_ne!(copy, plain);
}

// ------------------------------------------------- pathological text

/// A council whose every string is hostile to one format or another.
fn odd_arrangement(long_answer: &str) -> String {
    format!(
        r#"
arrangements odd {{
  council "Cyngor Sir Ynys Môn | Isle of Anglesey \"County\" Council <script>alert(1)</script>"
  kind county
  upper_tier yes
  answers_to dfe_2013
  known_until 2022-06-30
}}

document papur {{ title "Gwasanaethau Plant — ‘Dyfodol’ | <b>bold</b> & more 🧒" }}

post director_of_childrens_services {{
  title "Cyfarwyddwr | Gwasanaethau Plant — ‘Dyfodol’ <script>alert(1)</script>"
  holds DCS
  tier 2
  politically_restricted yes
  responsible_for education, childrens_social_care
  report_to deputy_chief_executive
  source papur "Tudalen 1"
}}

post deputy_chief_executive {{
  title "Deputy \"Chief\" Executive\nand Director of Place"
  report_to chief_executive
}}

post chief_executive {{
  title "Prif Weithredwr"
  holds ChiefExecutive
}}

member aelod {{
  title "Aelod Cabinet | Plant 👶"
  holds LMCS
  executive yes
  responsible_for education, childrens_social_care
}}

appointment penodi_2019 on 2019-04-01 {{
  post director_of_childrens_services
  roles DCS
  what "Appointed | first line\nsecond line <i>italic</i> \\ backslash"
}}

change newid_2020 on 2020-09 {{
  post director_of_childrens_services
  responsibilities yes
  what "Took on *housing* & `leisure` [services](http://example.com) _too_"
}}

review adolygiad_2021 on 2021 {{
  by "Pwyllgor Craffu | Scrutiny \"Committee\""
  outcome assured
  record "Satisfied\n<script>alert(1)</script>"
  answers newid_2020
}}

answer local_assurance.specific.child_protection {{
  given 2021-01
  by "Cyngor Sir Ynys Môn"
  reference "R|1 <ref>"
  text "Line one | with a pipe\nLine two with \"quotes\" and 'apostrophes'\n<script>alert(1)</script> ✓ 🎉 Dyfodol — ‘plant’"
}}

answer dcs.report_to_chief_executive {{
  reference "2\\3"
  text "{long_answer}"
}}

departure from dcs.report_to_chief_executive {{
  reasons "Reasons | with a pipe\n<script>alert(1)</script> and \"quotes\", ‘Dyfodol’ 🏴"
  approved_by "Cabinet | Cabinet"
  approved 2020-03-12
  review_by 2021-03
}}

departure from dcs.first_tier {{
  reasons "Second tier, for now."
  approved_by "Cabinet"
  approved 2020-03-12
}}
"#
    )
}

#[test]
fn hostile_text_never_breaks_a_format() {
    let long_answer: String = "Pwysig | important <b>! ".repeat(250);
    assert_eq!(long_answer.chars().count(), 6_000);
    let long_answer = long_answer.get(..5_000).unwrap().to_owned();
    let mut workspace = Workspace::new();
    workspace.add_text("odd.dcs", &odd_arrangement(&long_answer));
    let (verified, date) = verify(&mut workspace, "2022-06-30");
    let (document, duties) = build(&workspace, &verified, date);
    check_every_verdict_is_a_row(&document, &duties);

    // Markdown: every table keeps its column count on every row (checked
    // by `tables`), and the hostile cells are escaped, not interpreted.
    let markdown = document.to_markdown();
    for part in ["Summary", "Assurance table", "Departures register", "Timeline"] {
        assert!(!tables(&markdown, part).is_empty(), "no table in {part}");
    }
    assert!(
        !markdown.contains("## Compliance framework"),
        "a council with no framework of its own has no framework view"
    );
    assert!(markdown.starts_with(
        "# Test of assurance: Cyngor Sir Ynys Môn \\| Isle of Anglesey \"County\" Council \\<script>alert(1)\\</script>\n"
    ));
    assert!(markdown.contains("Line one \\| with a pipe<br>Line two with \"quotes\" and 'apostrophes'<br>\\<script>alert(1)\\</script> ✓ 🎉 Dyfodol — ‘plant’"));
    assert!(markdown.contains("| R\\|1 \\<ref> |"));
    assert!(markdown.contains("| 2\\\\3 |"));
    assert!(markdown.contains("Took on \\*housing\\* & \\`leisure\\` \\[services\\](http://example.com) \\_too\\_"));
    assert!(markdown.contains("\\\\ backslash"));
    // Every `<` from a file is escaped, so no tag opens.
    assert_eq!(
        markdown.matches("<script").count(),
        markdown.matches("\\<script").count(),
        "raw markup in the Markdown"
    );
    assert_eq!(markdown.matches("<b>").count(), markdown.matches("\\<b>").count());
    let departures = rows(&markdown, "Departures register");
    assert_eq!(departures.len(), 2);
    assert_eq!(departures[0][5], "Yes: the departure is due for review");
    assert_eq!(departures[0][6], "departure");
    assert_eq!(departures[1][4], "");
    assert_eq!(departures[1][5], "No review date set");
    let timeline = rows(&markdown, "Timeline");
    assert_eq!(timeline.len(), 3);
    assert_eq!(timeline[2][4], "Change (newid_2020), September 2020");
    let long_row = rows(&markdown, "Assurance table")
        .into_iter()
        .find(|row| row[0] == "2\\\\3")
        .expect("the long answer's row");
    assert!(long_row[2].chars().count() > 5_000, "the long answer is whole");

    // CSV: every cell reads back exactly as written.
    let (headers, records) = read_csv(&document.to_csv().unwrap());
    assert_eq!(headers[0], "Reference");
    let duty = headers.iter().position(|header| header == "Duty").expect("Duty column");
    let child_protection = records
        .iter()
        .find(|record| record[duty] == "local_assurance.specific.child_protection")
        .expect("child protection row");
    assert_eq!(child_protection[0], "R|1 <ref>");
    assert_eq!(
        child_protection[2],
        "Line one | with a pipe\nLine two with \"quotes\" and 'apostrophes'\n<script>alert(1)</script> ✓ 🎉 Dyfodol — ‘plant’"
    );
    let long = records
        .iter()
        .find(|record| record[duty] == "dcs.report_to_chief_executive")
        .expect("long answer row");
    assert_eq!(long[0], "2\\3");
    assert_eq!(long[2], long_answer);
    assert_eq!(long[3], "departure");
    // And the whole file round-trips: written again from what was read,
    // after the byte-order mark a spreadsheet needs (which a CSV reader
    // strips), it is the same text.
    let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    writer.write_record(&headers).unwrap();
    for record in &records {
        writer.write_record(record).unwrap();
    }
    let again = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    assert_eq!(again, document.to_csv().unwrap());

    // HTML: no markup from the files survives; the escaped forms appear.
    let html = document.to_html(CHART);
    assert!(!html.contains("<script"), "raw script in the HTML");
    assert!(!html.contains("<b>"), "raw markup in the HTML");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Isle of Anglesey &quot;County&quot; Council"));
    assert!(html.contains("&#39;apostrophes&#39;"));
    assert!(html.contains("Line one | with a pipe<br>\nLine two"));
    assert!(html.contains("Cyngor Sir Ynys Môn"));
    assert!(html.contains("Gwasanaethau Plant — ‘Dyfodol’"));
    assert!(html.contains("🎉"));
    assert!(html.contains("&lt;b&gt;! Pwysig"));
    assert!(html.contains("<tr data-duty=\"dcs.report_to_chief_executive\" class=\"review-passed\">"));
    // The chart alone is embedded as is, without its XML declaration.
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(!html.contains("<?xml"));
    snapshot!("odd_html_structure", html_structure(&html));
}

#[test]
fn a_report_without_departures_or_events_says_so() {
    let mut workspace = Workspace::new();
    workspace.add_text(
        "plain.dcs",
        r#"
arrangements plain {
  council "Plain Council"
  kind unitary
  upper_tier yes
  answers_to dfe_2013
}
post dcs { title "Director of Children's Services"  holds DCS }
"#,
    );
    let (verified, date) = verify(&mut workspace, "2024-01-01");
    let (document, duties) = build(&workspace, &verified, date);
    check_every_verdict_is_a_row(&document, &duties);
    let markdown = document.to_markdown();
    assert!(markdown.contains("No departures from the guidance are recorded in the arrangements."));
    assert!(markdown.contains("The arrangements record no appointments, changes, reviews or inspections."));
    let html = document.to_html("");
    assert!(html.contains("<p>No governance chart was produced.</p>"));
    assert!(!html.contains("id=\"departures-table\""));
}
