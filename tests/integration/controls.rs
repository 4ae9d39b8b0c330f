//! No control character or bidirectional control from a file reaches any
//! output raw: a council whose names and texts carry ESC, BEL, an OSC 52
//! clipboard write, a C1 CSI and a right-to-left override is warned about
//! (W0014), and every output dcsc writes of it shows them as `\u{…}`: the
//! terminal report (with and without colour), diagnostics, JSON, Markdown,
//! HTML, CSV, DOT, Mermaid, SVG, `diff` and `explain`.

use std::path::Path;
use std::process::Output;

use dcsc::date::PartialDate;
use dcsc::visible::is_hidden;
use dcsc::Workspace;

use crate::support::{dcsc, scratch};

/// An OSC 52 sequence that would put "hello" on the clipboard.
const OSC52: &str = "\u{1b}]52;c;aGVsbG8=\u{7}";

/// A council whose strings, and a comment, carry terminal sequences and
/// bidirectional controls.
fn hostile() -> String {
    format!(
        "// A comment that reads backwards: \u{202e}evif-ytnewt\u{202c} and rings\u{7}\n\
arrangements hostile {{\n\
  council \"Hostile{OSC52} \u{1b}[2JBorough\u{202e} Council\"\n\
  kind unitary\n\
  upper_tier yes\n\
  answers_to dfe_2013\n\
}}\n\
\n\
document paper {{ title \"Paper \u{9b}31m\u{2066}one\u{2069}\" }}\n\
\n\
post director {{\n\
  title \"Director\u{1b}[31m of \u{202e}secivreS s'nerdlihC\"\n\
  holds DCS\n\
  tier 2\n\
  politically_restricted yes\n\
  report_to deputy               per paper \"page\u{7f} 1\u{1b}]0;title\u{7}\"\n\
}}\n\
\n\
post deputy {{\n\
  title \"Deputy\u{85} Chief Executive\"\n\
  report_to chief_executive\n\
}}\n\
\n\
post chief_executive {{\n\
  title \"Chief Executive\"\n\
  holds ChiefExecutive\n\
}}\n\
\n\
member lead {{\n\
  title \"Lead\u{202d} Member\"\n\
  holds LMCS\n\
}}\n\
\n\
answer local_assurance.specific.child_protection {{\n\
  given 2023-02\n\
  by \"Director{OSC52}\"\n\
  text \"Audits\u{1b}[8m hidden\u{1b}[0m are reported.\u{d}Overwritten\"\n\
}}\n\
\n\
departure from dcs.first_tier {{\n\
  reasons \"Second tier\u{202e} for now\u{7}\"\n\
  approved_by \"Cabinet\u{1b}\\\\\"\n\
  approved 2024-03-12\n\
}}\n\
\n\
change restructure_2024 on 2024-04 {{\n\
  post director\n\
  responsibilities yes\n\
  what \"Restructure\u{1b}[1A\u{1b}[2K\"\n\
}}\n"
    )
}

const AS_AT: &str = "2026-11-01";

/// Every hidden character in a text, with where it is, for the message.
fn raw(text: &str) -> Vec<(usize, char)> {
    text.char_indices().filter(|(_, c)| is_hidden(*c)).collect()
}

#[track_caller]
fn assert_clean(what: &str, text: &str) {
    let found = raw(text);
    assert!(found.is_empty(), "{what} carries raw {found:?}:\n{text}");
}

/// Standard output and error of a run, each checked.
#[track_caller]
fn assert_output_clean(what: &str, output: &Output) {
    assert!(
        !output.stdout.is_empty() || !output.stderr.is_empty(),
        "{what}: no output"
    );
    assert_clean(&format!("{what} (stdout)"), &String::from_utf8_lossy(&output.stdout));
    assert_clean(&format!("{what} (stderr)"), &String::from_utf8_lossy(&output.stderr));
}

fn hostile_file(dir: &Path) -> String {
    let path = dir.join("hostile.dcs");
    std::fs::write(&path, hostile()).unwrap();
    path.display().to_string()
}

#[test]
fn the_hostile_council_is_warned_about_at_every_string_and_the_comment() {
    let mut workspace = Workspace::new();
    workspace.add_text("hostile.dcs", &hostile());
    workspace.check();
    let warnings: Vec<String> = workspace
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code.as_str() == "W0014")
        .map(|diagnostic| diagnostic.message.clone())
        .collect();
    assert!(
        !workspace.has_errors(),
        "the hostile council should check: {}",
        workspace.render_diagnostics(false)
    );
    // The comment line, the council, the document's title, the director's
    // title, the evidence, the deputy, the lead member, the answer's `by`
    // and text, the departure's reasons and approver, the change.
    assert_eq!(warnings.len(), 12, "{warnings:#?}");
    assert!(warnings[0].contains("outside any string"), "{}", warnings[0]);
    assert!(warnings[0].contains("RLO (right-to-left override) \\u{202e}"));
    assert!(warnings[0].contains("BEL (bell) \\u{7}"));
    assert!(warnings[1].starts_with("this text holds"), "{}", warnings[1]);
    assert!(
        warnings[1].contains("ESC (escape) \\u{1b}, BEL (bell) \\u{7}, RLO"),
        "{}",
        warnings[1]
    );
    assert!(warnings
        .iter()
        .any(|warning| warning.contains("CSI (control sequence introducer) \\u{9b}")));
    assert!(warnings
        .iter()
        .any(|warning| warning.contains("LRI (left-to-right isolate) \\u{2066}")));
    // A carriage return on its own is a line break (old Mac line endings),
    // read as LF: it can no longer return to the start of a line.
    assert!(!warnings.iter().any(|warning| warning.contains("\\u{d}")));
    assert!(warnings
        .iter()
        .any(|warning| warning.contains("NEL (next line) \\u{85}")));
    assert!(warnings.iter().any(|warning| warning.contains("DEL \\u{7f}")));
    let rendered = workspace.render_diagnostics(false);
    assert_clean("the warnings", &rendered);
    // The snippet shows the source line with its characters shown.
    assert!(
        rendered.contains("council \"Hostile\\u{1b}]52;c;aGVsbG8=\\u{7} \\u{1b}[2JBorough\\u{202e} Council\""),
        "{rendered}"
    );
}

#[test]
fn tab_and_line_feed_in_strings_are_not_warned_about() {
    let mut workspace = Workspace::new();
    workspace.add_text(
        "plain.dcs",
        "arrangements plain {\n  council \"Plain\\tCouncil\\nof Somewhere\"\n}\n\npost p {\n  title \"A\tB\"\n}\n",
    );
    workspace.check();
    assert!(
        workspace
            .diagnostics
            .iter()
            .all(|diagnostic| diagnostic.code.as_str() != "W0014"),
        "{}",
        workspace.render_diagnostics(false)
    );
}

#[test]
fn the_terminal_report_shows_every_hidden_character_with_or_without_colour() {
    let mut workspace = Workspace::new();
    workspace.add_text("hostile\u{1b}]0;x\u{7}.dcs", &hostile());
    let day = PartialDate::parse(AS_AT).unwrap().last_day();
    let verified = workspace.verify(day).expect("the hostile council verifies");
    let assessments = verified.assessments(&workspace.sources);
    let plain = dcsc::render::human::render(&assessments[0], false);
    assert_clean("the human report", &plain);
    assert!(
        plain.contains("Hostile\\u{1b}]52;c;aGVsbG8=\\u{7} \\u{1b}[2JBorough\\u{202e} Council"),
        "{plain}"
    );
    assert!(plain.contains("hostile\\u{1b}]0;x\\u{7}.dcs"), "{plain}");
    assert!(
        plain.contains("Director\\u{1b}[31m of \\u{202e}secivreS s'nerdlihC"),
        "{plain}"
    );
    let coloured = dcsc::render::human::render(&assessments[0], true);
    // In colour, the only escapes are the report's own colours: ESC `[`
    // digits and semicolons, `m`.
    let mut rest = coloured.as_str();
    let mut colours = 0;
    while let Some(at) = rest.find('\u{1b}') {
        assert_clean("the coloured report between colours", &rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find('m').expect("a colour ends with m");
        assert!(
            after.starts_with('[') && after[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "a raw escape that is not a colour: {:?}",
            &after[..end.min(20)]
        );
        colours += 1;
        rest = &after[end + 1..];
    }
    assert_clean("the coloured report", rest);
    assert!(colours > 10, "the report is coloured");
}

#[test]
fn no_output_of_the_binary_carries_a_hidden_character() {
    let dir = scratch("binary");
    let file = hostile_file(&dir);
    let check = dcsc(&["check", &file]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert_output_clean("check", &check);
    assert!(String::from_utf8_lossy(&check.stdout).contains("warning[W0014]"));
    let check_json = dcsc(&["check", &file, "--format", "json"]);
    assert_output_clean("check --format json", &check_json);

    let verify = dcsc(&["verify", &file, "--as-at", AS_AT]);
    assert_eq!(verify.status.code(), Some(1));
    assert_output_clean("verify", &verify);
    assert!(String::from_utf8_lossy(&verify.stderr).contains("warning[W0014]"));

    let json = dcsc(&["verify", &file, "--as-at", AS_AT, "--format", "json"]);
    assert_output_clean("verify --format json", &json);
    // JSON keeps the text exact: its escapes read back as the characters.
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        value["arrangement"]["council"],
        format!("Hostile{OSC52} \u{1b}[2JBorough\u{202e} Council")
    );
    let json_text = String::from_utf8_lossy(&json.stdout);
    assert!(json_text.contains("\\u001b]52;c;aGVsbG8=\\u0007"), "C0 as JSON escapes");
    assert!(
        json_text.contains("Borough\\u202e Council"),
        "bidirectional controls as JSON escapes"
    );

    for format in ["markdown", "html", "csv"] {
        let output = dcsc(&["report", &file, "--as-at", AS_AT, "--format", format]);
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_output_clean(&format!("report --format {format}"), &output);
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("\\u{202e}"),
            "{format} shows the override"
        );
    }
    for format in ["dot", "mermaid", "svg"] {
        let output = dcsc(&["graph", &file, "--as-at", AS_AT, "--format", format]);
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_output_clean(&format!("graph --format {format}"), &output);
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("secivreS"),
            "{format} shows the director"
        );
    }
    for format in ["human", "markdown", "json"] {
        let output = dcsc(&["diff", &file, "--from", "2024-01-01", "--to", AS_AT, "--format", format]);
        assert_output_clean(&format!("diff --format {format}"), &output);
    }
    assert_output_clean("explain W0014", &dcsc(&["explain", "W0014"]));
    assert_output_clean("check --format sarif", &dcsc(&["check", &file, "--format", "sarif"]));
    for format in ["junit", "sarif"] {
        let output = dcsc(&["verify", &file, "--as-at", AS_AT, "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert_output_clean(&format!("verify --format {format}"), &output);
    }
    // A test of the hostile council, beside it: its report is clean too.
    std::fs::write(
        dir.join("hostile_tests.dcs"),
        "test hostile_council {\n  given \"hostile.dcs\"\n  as_at 2026-11-01\n  expect dcs.appointed fail\n}\n",
    )
    .unwrap();
    let tests = dir.join("hostile_tests.dcs").display().to_string();
    for format in ["human", "junit"] {
        let output = dcsc(&["test", &tests, "--format", format]);
        assert_output_clean(&format!("test --format {format}"), &output);
    }
}

#[test]
fn a_file_name_with_an_escape_sequence_is_shown_not_obeyed() {
    let dir = scratch("name");
    let path = dir.join("odd\u{1b}]0;pwned\u{7}name.dcs");
    std::fs::write(
        &path,
        "arrangements x {\n  council \"X\"\n}\n\npost p {\n  report_to nowhere\n}\n",
    )
    .unwrap();
    let output = dcsc(&["check", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert_output_clean("check of a file with an odd name", &output);
    assert!(String::from_utf8_lossy(&output.stdout).contains("odd\\u{1b}]0;pwned\\u{7}name.dcs"));
}

#[test]
fn a_json_council_with_escaped_controls_is_warned_about_and_shown_safely() {
    let dir = scratch("json");
    let path = dir.join("hostile.json");
    std::fs::write(
        &path,
        r#"{
  "arrangements": "hostile",
  "council": "Hostile \u001b]52;c;aGVsbG8=\u0007 Council\u202e",
  "answers_to": ["dfe_2013"],
  "posts": [
    { "id": "director\u009b", "title": "Director \u2067of\u2069", "holds": ["DCS"], "report_to": "chief_executive" },
    { "id": "chief_executive", "title": "Chief Executive", "holds": "ChiefExecutive" }
  ]
}
"#,
    )
    .unwrap();
    let file = path.display().to_string();
    let check = dcsc(&["check", &file]);
    assert_output_clean("check of JSON", &check);
    let shown = String::from_utf8_lossy(&check.stdout);
    assert_eq!(shown.matches("warning[W0014]").count(), 3, "{shown}");
    let verify = dcsc(&["verify", &file, "--as-at", AS_AT]);
    assert_output_clean("verify of JSON", &verify);
    let json = dcsc(&["verify", &file, "--as-at", AS_AT, "--format", "json"]);
    assert_output_clean("verify of JSON as JSON", &json);
    let text = String::from_utf8_lossy(&json.stdout);
    assert!(text.contains("director\\u009b"), "C1 as a JSON escape");
}
