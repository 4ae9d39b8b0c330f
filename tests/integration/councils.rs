//! Paths mean one thing to every command that reads councils: a council's
//! file, a council's folder (read whole), a folder of councils (each
//! council on its own); test files are `dcsc test`'s; what is not dcsc
//! input is passed over with one warning; a council's file given without
//! its local policy is one error naming the file to add. And the command
//! line's conventions around them: `--fail-on`, `--format github`, JUnit
//! for input that does not check, `--color`, exit statuses in `--help`.

use crate::support::{dcsc, json, scratch, stderr, stdout, text};

const BARNET_DATE: &str = "2018-06-28";

#[test]
fn a_councils_folder_is_that_council_read_whole() {
    let folder = dcsc(&["verify", "examples/barnet", "--as-at", BARNET_DATE, "--format", "json"]);
    let files = dcsc(&[
        "verify",
        "examples/barnet/arrangements.dcs",
        "examples/barnet/framework.dcs",
        "--as-at",
        BARNET_DATE,
        "--format",
        "json",
    ]);
    assert_eq!(folder.status.code(), Some(1), "{}", text(&folder));
    assert_eq!(stdout(&folder), stdout(&files));
    assert_eq!(
        stderr(&folder),
        "",
        "the tests beside it are `dcsc test`'s, and no council"
    );
    for command in ["check", "report", "graph"] {
        let mut arguments = vec![command, "examples/barnet"];
        if command != "check" {
            arguments.extend(["--as-at", BARNET_DATE, "--format", "markdown"]);
        }
        if command == "graph" {
            arguments.pop();
            arguments.push("mermaid");
        }
        let output = dcsc(&arguments);
        assert_eq!(output.status.code(), Some(0), "{command}: {}", text(&output));
    }
}

#[test]
fn a_councils_own_local_policy_given_as_policy_is_read_once() {
    // The folder holds framework.dcs; naming it with `--policy` as well
    // once declared everything in it twice (E0102).
    let folder = dcsc(&["verify", "examples/barnet", "--as-at", BARNET_DATE]);
    let named = dcsc(&[
        "verify",
        "examples/barnet",
        "--policy",
        "examples/barnet/framework.dcs",
        "--as-at",
        BARNET_DATE,
    ]);
    assert!(!text(&named).contains("E0102"), "{}", text(&named));
    assert_eq!(named.status.code(), folder.status.code());
    assert_eq!(stdout(&named), stdout(&folder));
    assert_eq!(stderr(&named), stderr(&folder));
}

#[test]
fn a_folder_of_councils_is_each_council_and_notes_are_passed_over_once() {
    let output = dcsc(&["verify", "examples", "--as-at", BARNET_DATE, "--summary"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let table = stdout(&output);
    assert!(table.starts_with("3 councils verified"), "{table}");
    for council in [
        "London Borough of Barnet",
        "Coventry City Council",
        "Northumberland County Council",
    ] {
        assert!(table.contains(council), "{table}");
    }
    let warnings = stderr(&output);
    assert!(warnings.contains(&format!("warning[{}]", "W0019")), "{warnings}");
    assert_eq!(warnings.matches("warning[").count(), 1, "{warnings}");
    assert!(
        warnings.contains("warning[W0019]: `examples/README.md` is not dcsc input"),
        "{warnings}"
    );
}

#[test]
fn saved_outputs_beside_a_council_are_passed_over_not_read_as_arrangements() {
    let dir = scratch("saved-outputs");
    let barnet = dir.join("barnet");
    std::fs::create_dir_all(&barnet).unwrap();
    for file in ["arrangements.dcs", "framework.dcs", "tests.dcs"] {
        std::fs::copy(format!("examples/barnet/{file}"), barnet.join(file)).unwrap();
    }
    let folder = barnet.display().to_string();
    let first = dcsc(&["verify", &folder, "--as-at", BARNET_DATE, "--format", "json"]);
    std::fs::write(barnet.join("verdicts.json"), &first.stdout).unwrap();
    let sarif = dcsc(&["verify", &folder, "--as-at", BARNET_DATE, "--format", "sarif"]);
    std::fs::write(barnet.join("verdicts.sarif.json"), &sarif.stdout).unwrap();
    std::fs::write(barnet.join("notes.md"), "# Notes\n").unwrap();
    let again = dcsc(&["verify", &folder, "--as-at", BARNET_DATE, "--format", "json"]);
    assert_eq!(again.status.code(), Some(1), "{}", text(&again));
    assert_eq!(again.stdout, first.stdout);
    let human = dcsc(&["verify", &folder, "--as-at", BARNET_DATE]);
    let warnings = stderr(&human);
    assert!(!warnings.contains("E0014"), "{warnings}");
    assert_eq!(warnings.matches("warning[W0019]").count(), 1, "{warnings}");
    assert!(warnings.contains("3 files are not dcsc input"), "{warnings}");
}

#[test]
fn a_councils_file_alone_is_one_error_naming_the_file_to_add() {
    let output = dcsc(&["verify", "examples/barnet/arrangements.dcs", "--as-at", BARNET_DATE]);
    assert_eq!(output.status.code(), Some(2));
    let shown = stderr(&output);
    assert_eq!(shown.matches("error[").count(), 1, "{shown}");
    assert!(
        shown.contains("error[E0101]: unknown guidance `barnet_framework`"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "help: give `examples/barnet/framework.dcs` as well, or give the council's folder (`examples/barnet`)"
        ),
        "{shown}"
    );
    // Given, the answers it declares the duties of are checked again: a
    // misspelt one among them is still found.
    let dir = scratch("misspelt-answer");
    let arrangements = std::fs::read_to_string("examples/barnet/arrangements.dcs")
        .unwrap()
        .replacen(
            "answer barnet.leadership.appoint_dcs {",
            "answer barnet.leadership.apoint_dcs {",
            1,
        );
    std::fs::write(dir.join("arrangements.dcs"), arrangements).unwrap();
    std::fs::copy("examples/barnet/framework.dcs", dir.join("framework.dcs")).unwrap();
    let misspelt = dcsc(&["check", &dir.display().to_string()]);
    let shown = text(&misspelt);
    assert!(shown.contains("barnet.leadership.apoint_dcs"), "{shown}");
}

#[test]
fn files_that_each_hold_arrangements_are_councils_of_their_own_beside_folders() {
    let output = dcsc(&[
        "verify",
        "examples/coventry.dcs",
        "examples/barnet",
        "--as-at",
        BARNET_DATE,
        "--summary",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let table = stdout(&output);
    let coventry = table.find("Coventry City Council").unwrap();
    let barnet = table.find("London Borough of Barnet").unwrap();
    assert!(table.starts_with("2 councils verified") && coventry < barnet, "{table}");
    let read_once = crate::support::dcsc_with_stdin(&["verify", "-", "examples"], b"");
    assert_eq!(read_once.status.code(), Some(2));
    assert!(stderr(&read_once).contains("error[E0306]"), "{}", stderr(&read_once));
}

#[test]
fn fail_on_chooses_the_verdicts_that_give_exit_status_1() {
    let run = |extra: &[&str]| {
        let mut arguments = vec!["verify", "examples/coventry.dcs", "--as-at", "2018-06-30"];
        arguments.extend_from_slice(extra);
        dcsc(&arguments).status.code()
    };
    // Coventry as at 2018: no breach of the law, some facts unknown.
    assert_eq!(run(&[]), Some(1));
    assert_eq!(run(&["--fail-on", "fail"]), Some(0));
    assert_eq!(run(&["--fail-on", "fail,unknown"]), Some(1));
    assert_eq!(run(&["--fail-on", "none"]), Some(0));
    assert_eq!(run(&["--fail-on", "pass"]), Some(1));
    assert_eq!(run(&["--fail-on", "maybe"]), Some(2));
    let diff = |extra: &[&str]| {
        let mut arguments = vec![
            "diff",
            "examples/northumberland",
            "--from",
            "2019-01-01",
            "--to",
            "2020-01-01",
        ];
        arguments.extend_from_slice(extra);
        dcsc(&arguments).status.code()
    };
    assert_eq!(diff(&[]), Some(1), "some verdict changes");
    assert_eq!(diff(&["--fail-on", "fail"]), Some(0), "none changes into a failure");
}

#[test]
fn github_annotations_are_one_workflow_command_a_line_at_the_facts() {
    let output = dcsc(&[
        "verify",
        "examples/coventry.dcs",
        "--as-at",
        "2018-06-30",
        "--format",
        "github",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout(&output);
    for line in lines.lines() {
        assert_annotation(line, "examples/coventry.dcs");
    }
    let counted = dcsc(&[
        "verify",
        "examples/coventry.dcs",
        "--as-at",
        "2018-06-30",
        "--format",
        "json",
    ]);
    let needing_action = json(&counted)["summary"]["needs_action"].as_u64().unwrap();
    assert_eq!(lines.lines().count() as u64, needing_action);
    // Input that does not check is annotated where each error points.
    let broken = dcsc(&[
        "verify",
        "examples/barnet/arrangements.dcs",
        "--as-at",
        BARNET_DATE,
        "--format",
        "github",
    ]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stdout(&broken).starts_with("::error file=examples/barnet/arrangements.dcs,line=64,"),
        "{}",
        stdout(&broken)
    );
}

/// A line is one GitHub workflow command annotating `file`: a level, the
/// properties GitHub reads (each `key=value`, none holding a raw `:` or
/// `,`), then `::` and a message on that one line.
#[track_caller]
fn assert_annotation(line: &str, file: &str) {
    let rest = line
        .strip_prefix("::error ")
        .or_else(|| line.strip_prefix("::warning "))
        .unwrap_or_else(|| panic!("no level: {line}"));
    let (properties, message) = rest.split_once("::").unwrap_or_else(|| panic!("no message: {line}"));
    assert!(!message.is_empty() && !message.contains('\r'), "{line}");
    let keys: Vec<&str> = properties
        .split(',')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or_else(|| panic!("{pair} in {line}"));
            assert!(!value.contains(':'), "{line}");
            if key == "file" {
                assert_eq!(value, file);
            } else if key != "title" {
                assert!(value.parse::<usize>().is_ok_and(|number| number > 0), "{line}");
            }
            key
        })
        .collect();
    assert!(
        keys == ["file", "line", "endLine", "col", "endColumn", "title"]
            || keys == ["file", "line", "endLine", "title"],
        "{line}"
    );
}

#[test]
fn junit_describes_input_that_does_not_check_as_errors() {
    let output = dcsc(&[
        "verify",
        "examples/barnet/arrangements.dcs",
        "--as-at",
        BARNET_DATE,
        "--format",
        "junit",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let xml = stdout(&output);
    let document = roxmltree::Document::parse(&xml).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("errors"), Some("1"));
    let error = document.descendants().find(|node| node.has_tag_name("error")).unwrap();
    assert_eq!(error.attribute("type"), Some("E0101"));
    assert!(error.text().unwrap().contains("framework.dcs"), "{xml}");
}

#[test]
fn color_is_chosen_by_the_flag_over_the_environment() {
    let coloured = dcsc(&[
        "--color",
        "always",
        "verify",
        "examples/coventry.dcs",
        "--as-at",
        "2018",
    ]);
    assert!(stdout(&coloured).contains('\u{1b}'), "always colours even into a pipe");
    let plain = dcsc(&["verify", "examples/coventry.dcs", "--as-at", "2018", "--color=never"]);
    assert!(!stdout(&plain).contains('\u{1b}'));
    let refused = dcsc(&["--color", "always", "verify", "--no-such-option"]);
    assert!(
        stderr(&refused).contains('\u{1b}'),
        "a refused command line is coloured as asked"
    );
    use dcsc::cli::auto_colors;
    use dcsc::run::Colors;
    let terminal = Colors { out: true, err: true };
    let pipe = Colors { out: false, err: false };
    let environment = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| std::ffi::OsString::from(value))
        }
    };
    assert_eq!(auto_colors(terminal, environment(&[])), terminal);
    assert_eq!(auto_colors(terminal, environment(&[("NO_COLOR", "1")])), pipe);
    assert_eq!(auto_colors(terminal, environment(&[("NO_COLOR", "")])), terminal);
    assert_eq!(auto_colors(terminal, environment(&[("TERM", "dumb")])), pipe);
    assert_eq!(auto_colors(pipe, environment(&[("CLICOLOR_FORCE", "1")])), terminal);
    assert_eq!(auto_colors(pipe, environment(&[("CLICOLOR_FORCE", "0")])), pipe);
    assert_eq!(
        auto_colors(pipe, environment(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])),
        pipe
    );
}

#[test]
fn every_command_says_its_exit_statuses_and_no_man_page_offers_a_v_it_refuses() {
    let commands = [
        "check",
        "verify",
        "report",
        "graph",
        "diff",
        "coverage",
        "vocabulary",
        "fmt",
        "test",
        "completions",
        "man",
        "explain",
        "lsp",
        "serve",
        "timeline",
    ];
    for command in commands {
        let help = dcsc(&[command, "--help"]);
        assert!(stdout(&help).contains("Exit status: 0"), "{command}: {}", stdout(&help));
        let page = dcsc(&["man", command]);
        let page = stdout(&page);
        assert!(page.contains("Exit status: 0"), "{command}: {page}");
        assert!(!page.contains("\\-V"), "{command}: {page}");
        assert_eq!(dcsc(&[command, "-V"]).status.code(), Some(2), "{command}");
    }
}

#[test]
fn passes_are_a_line_each_by_default_every_verdict_explained_with_v_and_left_out_with_q() {
    let run = |extra: &[&str]| {
        let mut arguments = vec!["verify", "examples/coventry.dcs", "--as-at", "2017-12-31"];
        arguments.extend_from_slice(extra);
        stdout(&dcsc(&arguments))
    };
    let (concise, verbose, quiet) = (run(&[]), run(&["-v"]), run(&["-q"]));
    for text in [&concise, &verbose, &quiet] {
        assert!(text.contains("38 verdicts, 9 need action"), "{text}");
        assert!(text.contains("==== NEEDS ACTION (9) ===="), "{text}");
    }
    assert!(
        concise.contains(
            "\n  pass           dcs.report_to_chief_executive  The DCS reports directly to the Chief Executive\n"
        ),
        "{concise}"
    );
    assert!(!concise.contains("note[pass]"), "{concise}");
    assert!(
        verbose.contains("note[pass]: The DCS reports directly to the Chief Executive (should)"),
        "{verbose}"
    );
    assert!(!quiet.contains("NO ACTION NEEDED"), "{quiet}");
    // What needs action reads the same in all three.
    let needing = |text: &str| {
        text[..text.find("==== NO ACTION NEEDED").unwrap_or(text.len())]
            .trim_end()
            .to_owned()
    };
    assert_eq!(needing(&concise), needing(&verbose));
    assert_eq!(needing(&quiet), needing(&verbose));
    assert!(concise.lines().count() * 3 < verbose.lines().count());
}

#[test]
fn o_writes_every_commands_document_and_never_over_an_input() {
    let dir = scratch("output-everywhere");
    let verdicts = dir.join("verdicts.json").display().to_string();
    let output = dcsc(&[
        "verify",
        "examples/coventry.dcs",
        "--as-at",
        "2017-12-31",
        "--format",
        "json",
        "-o",
        &verdicts,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&verdicts).unwrap()).unwrap();
    assert_eq!(written["summary"]["needs_action"], 9);
    let checked = dir.join("check.sarif").display().to_string();
    assert_eq!(
        dcsc(&["check", "examples/barnet", "--format", "sarif", "-o", &checked])
            .status
            .code(),
        Some(0)
    );
    assert!(std::fs::read_to_string(&checked)
        .unwrap()
        .contains("\"version\": \"2.1.0\""));
    let coverage = dir.join("coverage.json").display().to_string();
    assert_eq!(
        dcsc(&["coverage", "--format", "json", "-o", &coverage]).status.code(),
        Some(0)
    );
    assert!(std::fs::metadata(&coverage).unwrap().len() > 0);
    let over = dcsc(&["verify", "examples/barnet", "-o", "examples/barnet/framework.dcs"]);
    assert_eq!(over.status.code(), Some(2));
    assert!(stderr(&over).contains("error[E0017]"), "{}", stderr(&over));
}

#[test]
fn the_csv_starts_with_a_byte_order_mark_and_reads_back() {
    let output = dcsc(&[
        "report",
        "examples/coventry.dcs",
        "--as-at",
        "2017-12-31",
        "--format",
        "csv",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("\u{feff}Reference,"), "{}", &text[..40]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().get(0),
        Some("Reference"),
        "a reader strips the mark"
    );
    assert_eq!(reader.records().count(), 38);
}

#[test]
fn test_filter_runs_the_tests_whose_names_hold_the_text() {
    let all = dcsc(&["test", "examples/barnet"]);
    let some = dcsc(&["test", "examples/barnet", "--filter", "one_dcs"]);
    assert_eq!(some.status.code(), all.status.code(), "{}", text(&some));
    let ran = |output: &std::process::Output| {
        stdout(output)
            .lines()
            .map(str::trim_start)
            .filter(|line| line.starts_with("ok ") || line.starts_with("FAIL"))
            .count()
    };
    assert!(ran(&some) >= 1 && ran(&some) < ran(&all), "{}", stdout(&some));
    let none = dcsc(&["test", "examples/barnet", "--filter", "no_such_test_name"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(
        stderr(&none).contains("error[E0307]: no test whose name holds `no_such_test_name`"),
        "{}",
        stderr(&none)
    );
}

/// `dcsc check` of a folder of councils (or of councils' files named)
/// checks each council alone, in order: each council's diagnostics are
/// those it gives checked by itself, the same two councils never clash,
/// and the closing count is of every file read.
#[test]
fn check_of_a_folder_gives_each_councils_diagnostics_as_if_checked_alone() {
    let dir = scratch("check-each");
    let barnet = dir.join("barnet");
    std::fs::create_dir_all(&barnet).unwrap();
    for file in ["arrangements.dcs", "framework.dcs"] {
        std::fs::copy(format!("examples/barnet/{file}"), barnet.join(file)).unwrap();
    }
    // Two councils with the same key and the same misspelt role: read
    // together they would clash; each alone has one error of its own.
    std::fs::copy("tests/fixtures/diagnostics/E0101.dcs", dir.join("a.dcs")).unwrap();
    std::fs::copy("examples/coventry.dcs", dir.join("b.dcs")).unwrap();
    std::fs::copy("tests/fixtures/diagnostics/E0101.dcs", dir.join("c.dcs")).unwrap();
    let path = |name: &str| dir.join(name).display().to_string();
    let councils = [path("a.dcs"), path("b.dcs"), path("barnet"), path("c.dcs")];

    let folder = dcsc(&["check", &dir.display().to_string(), "--format", "json"]);
    assert_eq!(folder.status.code(), Some(2), "{}", text(&folder));
    let mut each = Vec::new();
    for council in &councils {
        let alone = json(&dcsc(&["check", council, "--format", "json"]));
        each.extend(alone["diagnostics"].as_array().unwrap().iter().cloned());
    }
    assert_eq!(json(&folder)["diagnostics"], serde_json::Value::Array(each));
    let codes: Vec<String> = json(&folder)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, ["E0101", "E0101"]);

    // For people: each council's diagnostics as it shows them alone, then
    // one count of the five files read.
    let human = dcsc(&["check", &dir.display().to_string()]);
    let mut expected = String::new();
    for council in &councils {
        let alone = stdout(&dcsc(&["check", council]));
        let (diagnostics, _count) = alone.trim_end().rsplit_once('\n').unwrap_or(("", &alone));
        if !diagnostics.is_empty() {
            expected.push_str(diagnostics);
            expected.push('\n');
        }
    }
    expected.push_str("checked 5 file(s): 2 error(s), 0 warning(s)\n");
    assert_eq!(stdout(&human), expected);

    // Named on the command line, the same councils' files are checked the
    // same way.
    let named = dcsc(&["check", &councils[0], &councils[1], &councils[3], "--format", "json"]);
    let mut each = Vec::new();
    for council in [&councils[0], &councils[1], &councils[3]] {
        let alone = json(&dcsc(&["check", council, "--format", "json"]));
        each.extend(alone["diagnostics"].as_array().unwrap().iter().cloned());
    }
    assert_eq!(json(&named)["diagnostics"], serde_json::Value::Array(each));
}

/// `report`, `graph` and `timeline` draw one council: given a folder of
/// councils they refuse (E0303) before any council is checked, naming the
/// first few and counting the rest; a council that does not even parse is
/// not read past its first words, so its errors are not what is said.
#[test]
fn a_document_of_a_folder_of_councils_is_refused_before_any_is_checked() {
    let dir = scratch("document-of-many");
    for index in 0..6 {
        std::fs::copy("examples/coventry.dcs", dir.join(format!("council_{index}.dcs"))).unwrap();
    }
    std::fs::write(
        dir.join("council_6.dcs"),
        "arrangements broken {\n  council \"Broken\"\n}\n\npost director {\n  holds\n",
    )
    .unwrap();
    let folder = dir.display().to_string();
    for arguments in [
        vec!["report", &folder, "--format", "markdown"],
        vec!["graph", &folder, "--format", "dot"],
        vec!["timeline", &folder],
    ] {
        let output = dcsc(&arguments);
        assert_eq!(output.status.code(), Some(2), "{arguments:?}: {}", text(&output));
        assert_eq!(stdout(&output), "", "{arguments:?}");
        let shown = stderr(&output);
        assert_eq!(shown.matches("error[").count(), 1, "{arguments:?}: {shown}");
        assert!(
            shown.contains(
                "error[E0303]: a report, chart or timeline is of one council's arrangements, and 7 were given"
            ),
            "{arguments:?}: {shown}"
        );
        let first = format!("`{}`", dir.join("council_0.dcs").display());
        assert!(
            shown.contains(&format!("the councils: {first}, ")) && shown.contains(", and 2 more"),
            "{arguments:?}: {shown}"
        );
        assert!(
            shown.contains(&format!("help: run `dcsc {}` once for each council", arguments[0])),
            "{arguments:?}: {shown}"
        );
    }
    // One council's folder is still that council's document.
    let one = dir.join("one");
    std::fs::create_dir_all(&one).unwrap();
    std::fs::copy("examples/coventry.dcs", one.join("coventry.dcs")).unwrap();
    let output = dcsc(&["graph", &one.display().to_string(), "--format", "dot"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}
