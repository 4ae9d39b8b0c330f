//! The words every output prints for the three seed councils, read as a
//! committee reads them: no doubled punctuation (".).", "..", ".,", "?."),
//! and no backticks or rule syntax in prose. The human report, the
//! Markdown, the text of the HTML and the CSV are all scanned, so a
//! sentence written in `src/words` or a report template that goes wrong
//! fails here whichever output shows it.

use std::path::Path;

use dcsc::date::PartialDate;
use dcsc::report::{document, Provenance};
use dcsc::{render, Workspace};

use crate::support::SEED_COUNCILS;

/// The outputs of one council: (name, text).
fn outputs(files: &[&str], as_at: &str) -> Vec<(&'static str, String)> {
    let mut workspace = Workspace::new();
    for file in files {
        workspace.add_path(Path::new(file));
    }
    let date = PartialDate::parse(as_at).unwrap().last_day();
    let verified = workspace.verify(date).expect("checks");
    let assessments = verified.assessments(&workspace.sources);
    let assessment = &assessments[0];
    let provenance = Provenance {
        dcsc_version: "test".to_owned(),
        policy_files: Vec::new(),
        arrangement_files: Vec::new(),
    };
    let report = document(assessment, provenance);
    let chart = dcsc::graph::chart(assessment);
    vec![
        ("human", human_prose(&render::human::render(assessment, false))),
        ("markdown", report.to_markdown()),
        ("html", html_text(&report.to_html(&chart.to_svg()))),
        ("csv", csv_prose(&report.to_csv().unwrap())),
        ("dot", chart.to_dot()),
        ("mermaid", chart.to_mermaid()),
    ]
}

/// The human report without what it quotes: the lines of the arrangement
/// file (the codespan snippets, `NN │ …`), the rule line, which shows the
/// rule as written on purpose (`= duty KEY: DCS should report_to …`), and
/// the guidance's own words (`= paragraph …`, with the lines that carry
/// it on), which are the guidance's punctuation, not ours.
fn human_prose(text: &str) -> String {
    let mut kept = Vec::new();
    let mut quoting = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("= ") || trimmed.is_empty() || !line.starts_with("  ") {
            quoting = trimmed.starts_with("= duty ") || trimmed.starts_with("= paragraph ");
        }
        let snippet = trimmed.split_once('│').is_some_and(|(number, _)| {
            !number.trim().is_empty() && number.trim().chars().all(|ch| ch.is_ascii_digit())
        });
        if !quoting && !snippet {
            kept.push(line);
        }
    }
    kept.join("\n")
}

/// The cells of the CSV that hold sentences, one a line: every column but
/// the identifiers and names a spreadsheet filters on (the duty's id, its
/// section, modality, classification, whether action is needed). A CSV's
/// own commas between cells are not punctuation.
fn csv_prose(text: &str) -> String {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let prose = [
        "Reference",
        "Assurance requirement",
        "Response",
        "Explanation",
        "Evidence",
    ];
    let mut out = String::new();
    for record in reader.records() {
        let record = record.unwrap();
        for (header, cell) in headers.iter().zip(record.iter()) {
            if prose.contains(&header.as_str()) {
                out.push_str(cell);
                out.push('\n');
            }
        }
    }
    out
}

/// The text of an HTML page: tags and the style sheet removed, entities
/// read.
fn html_text(html: &str) -> String {
    let body = html.split("</style>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for ch in body.chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            other if !in_tag => out.push(other),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Where punctuation is doubled: two marks in a row that a writer never
/// puts together, or a full stop after a bracket closed on one (".).").
/// An ellipsis ("...") is not doubling.
fn doubled(text: &str) -> Vec<String> {
    const MARKS: [char; 6] = ['.', ',', ';', ':', '?', '!'];
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for index in 1..chars.len() {
        let (before, here) = (chars[index - 1], chars[index]);
        let in_ellipsis = before == '.'
            && here == '.'
            && (chars.get(index + 1) == Some(&'.') || (index >= 2 && chars[index - 2] == '.'));
        let pair = MARKS.contains(&before) && MARKS.contains(&here) && !in_ellipsis;
        let closed = before == ')' && here == '.' && index >= 2 && chars[index - 2] == '.';
        if pair || closed {
            let start = index.saturating_sub(40);
            let end = (index + 40).min(chars.len());
            found.push(chars[start..end].iter().collect());
        }
    }
    found
}

#[test]
fn no_output_doubles_its_punctuation() {
    for (council, files, as_at) in SEED_COUNCILS {
        for (format, text) in outputs(files, as_at) {
            let found = doubled(&text);
            assert!(
                found.is_empty(),
                "{council} {format}: doubled punctuation in {found:#?}"
            );
        }
    }
}

#[test]
fn no_output_has_backticks_or_rule_syntax_in_prose() {
    // Words of the rule language that never belong in a sentence.
    let syntax = [
        "`",
        "hold DCS",
        "hold LMCS",
        "responsible_for ",
        "report_to ",
        "member_of ",
        "be a schools_forum",
        " satisfies ",
        "per coventry_",
        "per northumberland_",
        "per barnet_",
        "[DCS",
        "[LMCS",
        "on 2013",
        "on 2016",
        "on 2017",
        "on 2019",
        "on 2020-0",
    ];
    for (council, files, as_at) in SEED_COUNCILS {
        for (format, text) in outputs(files, as_at) {
            for word in syntax {
                let at = text.find(word);
                assert!(
                    at.is_none(),
                    "{council} {format}: {word:?} in {:?}",
                    at.map(|at| &text[at.saturating_sub(60)..(at + 60).min(text.len())])
                );
            }
        }
    }
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    assert!(!doubled("It began in January 2017.).").is_empty());
    assert!(!doubled("Is it robust?.").is_empty());
    assert!(!doubled("Met.,").is_empty());
    assert!(!doubled("a.. b").is_empty());
    assert!(doubled("and so on... and more").is_empty());
    assert!(doubled("(the EDP.) and").is_empty());
    assert!(doubled("Met: x (reference 1).").is_empty());
}
