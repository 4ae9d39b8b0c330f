//! The `dcsc` binary as a user meets it: exit codes, bad input of every
//! kind, and `explain`.

use dcsc::diagnostics::Code;

use crate::support::{assert_bad_input, binary, dcsc, json_verdicts, scratch, text, write};

const ARRANGEMENT: &str = "arrangements small {\n  council \"Small Council\"\n  answers_to dfe_2013\n}\n\npost director {\n  title \"Director of Children's Services\"\n  holds DCS\n  politically_restricted yes\n  report_to chief_executive\n}\n\npost chief_executive {\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}\n";

#[test]
fn missing_paths_and_directories_are_coded_errors() {
    assert_bad_input(&dcsc(&["check", "no/such/file.dcs"]), "E0001");
    assert_bad_input(&dcsc(&["verify", "no/such/file.dcs"]), "E0001");
    assert_bad_input(&dcsc(&["check", "no/such/folder/"]), "E0001");
}

#[test]
fn unreadable_text_is_a_coded_error() {
    let dir = scratch("unreadable");
    let cases: [(&str, &[u8], &str); 7] = [
        ("empty.dcs", b"", "E0009"),
        (
            "latin1.dcs",
            b"arrangements x {\n  council \"Caf\xe9 Council\"\n}\n",
            "E0002",
        ),
        ("nul.dcs", b"arrangements x {\n  council \"A\0B\"\n}\n", "E0003"),
        (
            "string.dcs",
            b"arrangements x {\n  council \"Never closed\n}\n",
            "E0005",
        ),
        (
            "comment.dcs",
            b"arrangements x {\n  council \"X\"\n}\n/* never closed\n",
            "E0006",
        ),
        ("brace.dcs", b"arrangements x {\n  council \"X\"\n", "E0007"),
        ("utf16.dcs", b"\xff\xfea\0r\0r\0", "E0002"),
    ];
    for (name, bytes, code) in cases {
        let path = write(&dir, name, bytes);
        assert_bad_input(&dcsc(&["check", &path]), code);
        assert_bad_input(&dcsc(&["verify", &path]), code);
    }
}

#[test]
fn deep_nesting_and_long_chains_neither_crash_nor_hang() {
    let dir = scratch("deep");
    let deep = format!(
        "guidance deep {{ title \"Deep\" }}\nrole DCS {{ title \"DCS\" held_by post }}\nduty d {{\n  cites 1\n  DCS must {}hold DCS{}\n}}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let path = write(&dir, "deep.dcs", deep.as_bytes());
    assert_bad_input(&dcsc(&["check", &path]), "E0008");

    let nots = format!(
        "guidance nots {{ title \"Nots\" }}\ndocument text {{ title \"T\" }}\nrole DCS {{ title \"DCS\" held_by post }}\nparagraph 1 {{ section \"S\" words verbatim from text text \"T\" }}\nduty d {{\n  cites 1\n  DCS must {}hold DCS\n}}\n",
        "not ".repeat(50_000)
    );
    let path = write(&dir, "nots.dcs", nots.as_bytes());
    let output = dcsc(&["check", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));

    let chain = format!(
        "guidance chain {{ title \"Chain\" }}\ndocument text {{ title \"T\" }}\nrole DCS {{ title \"DCS\" held_by post }}\nparagraph 1 {{ section \"S\" words verbatim from text text \"T\" }}\nduty d {{\n  cites 1\n  DCS must hold DCS{}\n}}\n",
        " and hold DCS or hold DCS".repeat(20_000)
    );
    let path = write(&dir, "chain.dcs", chain.as_bytes());
    let output = dcsc(&["check", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}

#[test]
fn crlf_and_a_byte_order_mark_give_the_same_verdicts() {
    let dir = scratch("line-endings");
    let lf = write(&dir, "lf.dcs", ARRANGEMENT.as_bytes());
    let crlf = write(&dir, "crlf.dcs", ARRANGEMENT.replace('\n', "\r\n").as_bytes());
    let bom = write(&dir, "bom.dcs", format!("\u{feff}{ARRANGEMENT}").as_bytes());
    let verdicts = |path: &str| {
        let output = dcsc(&["verify", path, "--as-at", "2020-01-01", "--format", "json"]);
        assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(&output));
        String::from_utf8_lossy(&output.stdout).replace(path, "FILE")
    };
    let reference = verdicts(&lf);
    assert_eq!(reference, verdicts(&crlf));
    assert_eq!(reference, verdicts(&bom));
}

/// Spawns the binary on purpose: the subject is the exit status a shell
/// sees.
#[test]
fn exit_status_says_whether_action_is_needed() {
    let dir = scratch("exit");
    let path = write(&dir, "small.dcs", ARRANGEMENT.as_bytes());
    let spawned = |arguments: &[&str]| binary(arguments).output().expect("run dcsc");
    // The small arrangement leaves many facts unstated: action is needed.
    let output = spawned(&["verify", &path, "--as-at", "2020-01-01"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let shown = text(&output);
    assert!(shown.contains("NEEDS ACTION"), "{shown}");
    assert!(shown.contains("Small Council"), "{shown}");

    let policy = "guidance tiny {\n  title \"Tiny\"\n  force statutory_guidance\n}\ndocument text { title \"T\" }\nrole DCS { title \"Director of Children's Services\" held_by post }\nparagraph 1 { section \"S\" words verbatim from text text \"One DCS.\" }\nduty one { cites 1  exactly one post must hold DCS }\n";
    let policy_path = write(&dir, "tiny.dcs", policy.as_bytes());
    let met = write(
        &dir,
        "met.dcs",
        b"arrangements met { council \"Met Council\" }\npost director { holds DCS }\n",
    );
    let output = spawned(&["verify", &met, "--policy", &policy_path, "--as-at", "2020-01-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}

#[test]
fn json_output_follows_the_contract() {
    let dir = scratch("json");
    let path = write(&dir, "small.dcs", ARRANGEMENT.as_bytes());
    let output = dcsc(&["verify", &path, "--as-at", "2020-01-01", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(value["schema_version"], 3);
    assert_eq!(value["guidance"]["id"], "dfe_2013");
    assert_eq!(value["as_at"], "2020-01-01");
    assert_eq!(value["arrangement"]["path"], path.as_str());
    let verdicts = value["verdicts"].as_array().expect("verdicts");
    assert!(!verdicts.is_empty());
    for verdict in verdicts {
        for key in [
            "duty",
            "modality",
            "verdict",
            "citations",
            "tags",
            "facts",
            "explanation",
        ] {
            assert!(verdict.get(key).is_some(), "{key} missing in {verdict}");
        }
        let name = verdict["verdict"].as_str().expect("verdict name");
        assert!(dcsc::render::json::is_verdict_name(name), "{name}");
        for citation in verdict["citations"].as_array().expect("citations") {
            for key in ["paragraph", "section", "text", "provenance"] {
                assert!(citation.get(key).is_some(), "{key} missing in {citation}");
            }
        }
        for fact in verdict["facts"].as_array().expect("facts") {
            for key in ["file", "line", "column"] {
                assert!(fact.get(key).is_some(), "{key} missing in {fact}");
            }
        }
    }
    // Deterministic: the same input gives byte-identical output.
    let again = dcsc(&["verify", &path, "--as-at", "2020-01-01", "--format", "json"]);
    assert_eq!(output.stdout, again.stdout);
}

#[test]
fn bad_input_in_json_mode_gives_json_diagnostics() {
    let output = dcsc(&["verify", "tests/fixtures/diagnostics/E0101.dcs", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON diagnostics");
    assert_eq!(value["diagnostics"][0]["code"], "E0101");
    assert_eq!(value["diagnostics"][0]["line"], 7);
}

#[test]
fn two_guidance_editions_are_refused() {
    let dir = scratch("editions");
    let first = write(&dir, "first.dcs", b"guidance first { title \"First\" }\n");
    let second = write(&dir, "second.dcs", b"guidance second { title \"Second\" }\n");
    assert_bad_input(&dcsc(&["check", &first, &second]), "E0117");
}

#[test]
fn explain_knows_every_code() {
    for code in Code::ALL {
        let output = dcsc(&["explain", code.as_str()]);
        assert_eq!(output.status.code(), Some(0));
        let shown = text(&output);
        assert!(shown.starts_with(code.as_str()), "{shown}");
        assert!(shown.contains("How to fix it"));
    }
    let lower = dcsc(&["explain", "e0101"]);
    assert_eq!(lower.status.code(), Some(0));
}

#[test]
fn explain_shows_duties_and_paragraphs_with_their_words() {
    let paragraph = dcsc(&["explain", "2"]);
    assert_eq!(paragraph.status.code(), Some(0), "{}", text(&paragraph));
    let shown = text(&paragraph);
    assert!(shown.contains("politically restricted"), "{shown}");
    assert!(shown.contains("verbatim"), "{shown}");

    // A law names its statute and the paragraphs that state it; a duty
    // whose force is statute's names the statute too.
    let law = dcsc(&["explain", "restriction.dcs"]);
    assert_eq!(law.status.code(), Some(0), "{}", text(&law));
    let shown = text(&law);
    assert!(
        shown.contains("statute: Local Government and Housing Act 1989, section 2"),
        "{shown}"
    );
    assert!(shown.contains("paragraph 2.footnote_3"), "{shown}");
    let duty = text(&dcsc(&["explain", "dcs.health_and_wellbeing_board"]));
    assert!(
        duty.contains("statute: Health and Social Care Act 2012, section 194(2)"),
        "{duty}"
    );
    let described = text(&dcsc(&["explain", "summary.review_date"]));
    assert!(described.contains("describes the guidance itself"), "{described}");

    let unknown = dcsc(&["explain", "E0102x"]);
    assert_bad_input(&unknown, "E0304");
    assert!(text(&unknown).contains("did you mean"), "{}", text(&unknown));
}

#[test]
fn json_arrangements_go_through_the_same_checker() {
    let dir = scratch("json-input");
    let json = r#"{
  "arrangements": "small",
  "council": "Small Council",
  "answers_to": ["dfe_2013"],
  "posts": [
    { "id": "director", "title": "Director of Children's Services", "holds": ["DCS"],
      "politically_restricted": true, "report_to": "chief_executive" },
    { "id": "chief_executive", "title": "Chief Executive", "holds": "ChiefExecutive" }
  ]
}
"#;
    let json_path = write(&dir, "small.json", json.as_bytes());
    let dcs_path = write(&dir, "small.dcs", ARRANGEMENT.as_bytes());
    let verdicts = |path: &str| json_verdicts(&dcsc(&["verify", path, "--as-at", "2020-01-01", "--format", "json"]));
    assert_eq!(verdicts(&json_path), verdicts(&dcs_path));

    let typo = write(
        &dir,
        "typo.json",
        br#"{ "arrangements": "t", "council": "T", "posts": [ { "id": "d", "holds": ["DSC"] } ] }"#,
    );
    let output = dcsc(&["check", &typo]);
    assert_bad_input(&output, "E0101");
    assert!(text(&output).contains("did you mean `DCS`"), "{}", text(&output));
}

#[test]
fn verification_uses_the_edition_in_force_as_at_the_date() {
    let dir = scratch("editions-by-date");
    let edition = |key: &str, in_force: &str, rule: &str| {
        format!(
            "guidance {key} {{\n  title \"Edition {key}\"\n  in_force {in_force}\n  force statutory_guidance\n}}\n\
             document text {{ title \"T\" }}\nrole DCS {{ title \"Director of Children's Services\" held_by post }}\n\
             attribute tier {{ title \"officer tier\" on post type int }}\n\
             paragraph 1 {{ section \"S\" words verbatim from text text \"T\" }}\n\
             duty rule {{ cites 1  {rule} }}\n"
        )
    };
    let old = write(
        &dir,
        "old.dcs",
        edition("old_edition", "2013-04", "DCS must have tier 1").as_bytes(),
    );
    let new = write(
        &dir,
        "new.dcs",
        edition("new_edition", "2019-09-29", "DCS must have tier <= 2").as_bytes(),
    );
    let council = write(
        &dir,
        "council.dcs",
        b"arrangements c { council \"C\" }\npost d { holds DCS tier 2 }\n",
    );
    let run = |as_at: &str| {
        dcsc(&[
            "verify", &council, "--policy", &old, "--policy", &new, "--as-at", as_at, "--format", "json",
        ])
    };

    let before = run("2019-09-28");
    assert_eq!(before.status.code(), Some(1), "{}", text(&before));
    let value: serde_json::Value = serde_json::from_slice(&before.stdout).expect("JSON");
    assert_eq!(value["guidance"]["id"], "old_edition");
    assert_eq!(value["verdicts"][0]["verdict"], "fail");

    let after = run("2019-09-29");
    assert_eq!(after.status.code(), Some(0), "{}", text(&after));
    let value: serde_json::Value = serde_json::from_slice(&after.stdout).expect("JSON");
    assert_eq!(value["guidance"]["id"], "new_edition");
    assert_eq!(value["verdicts"][0]["verdict"], "pass");

    let too_early = dcsc(&[
        "verify",
        &council,
        "--policy",
        &old,
        "--policy",
        &new,
        "--as-at",
        "2010-01-01",
    ]);
    assert_bad_input(&too_early, "E0118");

    // The embedded guidance begins with the 2012 edition (April 2012): a
    // council as at 2011 is judged by none of it; as at 2012 by the 2012
    // edition, not the 2013 one.
    assert_bad_input(&dcsc(&["verify", &council, "--as-at", "2011-06-30"]), "E0118");
    let in_2012 = text(&dcsc(&["verify", &council, "--as-at", "2012-06-30"]));
    assert!(in_2012.contains("checked against dfe_2012"), "{in_2012}");
    assert_bad_input(
        &dcsc(&["verify", &council, "--policy", &old, "--as-at", "2013-03-31"]),
        "E0118",
    );
    assert_eq!(
        dcsc(&["verify", &council, "--policy", &old, "--as-at", "2013-04-01"])
            .status
            .code(),
        Some(1)
    );

    // `answers_to` may name any edition given, not only the one in force.
    let answering = write(
        &dir,
        "answering.dcs",
        b"arrangements answering { council \"A\" answers_to old_edition, new_edition }\npost d { holds DCS tier 2 }\n",
    );
    let output = dcsc(&[
        "verify",
        &answering,
        "--policy",
        &old,
        "--policy",
        &new,
        "--as-at",
        "2019-09-28",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
}

#[test]
fn reports_and_charts_are_written_in_every_format() {
    let dir = scratch("documents");
    for (command, format, marker) in [
        ("report", "markdown", "| Reference |"),
        ("report", "html", "<!DOCTYPE html>"),
        ("report", "csv", "Reference,Assurance requirement"),
        ("graph", "dot", "digraph"),
        ("graph", "mermaid", "flowchart"),
        ("graph", "svg", "<svg"),
    ] {
        let stdout = dcsc(&[
            command,
            "examples/coventry.dcs",
            "--as-at",
            "2017-12-31",
            "--format",
            format,
        ]);
        assert_eq!(stdout.status.code(), Some(0), "{command} {format}: {}", text(&stdout));
        let printed = String::from_utf8_lossy(&stdout.stdout).into_owned();
        assert!(printed.contains(marker), "{command} {format} lacks {marker}");
        assert!(
            printed.contains("Coventry"),
            "{command} {format} does not name the council"
        );

        let path = dir.join(format!("coventry-{command}.{format}"));
        // A longer file already there must be replaced whole, not overwritten in part.
        std::fs::write(&path, "x".repeat(printed.len() * 2)).unwrap();
        let written = dcsc(&[
            command,
            "examples/coventry.dcs",
            "--as-at",
            "2017-12-31",
            "--format",
            format,
            "-o",
            &path.display().to_string(),
        ]);
        assert_eq!(written.status.code(), Some(0), "{}", text(&written));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), printed);
    }
}

#[test]
fn an_output_file_that_cannot_be_written_is_a_coded_error_and_nothing_is_lost() {
    let dir = scratch("unwritable");
    let missing_folder = dir.join("no/such/folder/report.html");
    let output = dcsc(&[
        "report",
        "examples/coventry.dcs",
        "--format",
        "html",
        "-o",
        &missing_folder.display().to_string(),
    ]);
    assert_bad_input(&output, "E0015");
    let folder = dir.join("a-folder");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("kept.txt"), "kept").unwrap();
    let output = dcsc(&[
        "graph",
        "examples/coventry.dcs",
        "--format",
        "svg",
        "-o",
        &folder.display().to_string(),
    ]);
    assert_bad_input(&output, "E0015");
    assert_eq!(std::fs::read_to_string(folder.join("kept.txt")).unwrap(), "kept");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn a_report_is_of_one_council() {
    let dir = scratch("two-councils");
    let first = write(
        &dir,
        "first.dcs",
        b"arrangements first { council \"First\" }\npost d { holds DCS }\n",
    );
    let second = write(
        &dir,
        "second.dcs",
        b"arrangements second { council \"Second\" }\npost d { holds DCS }\n",
    );
    let output = dcsc(&["report", &first, &second, "--format", "markdown"]);
    assert_bad_input(&output, "E0303");
    assert!(text(&output).contains("one council"), "{}", text(&output));
}

/// Every way a command can refuse to run exits 2 with a coded diagnostic,
/// and with `--format json` prints that diagnostic as JSON on standard
/// output.
#[test]
fn every_refused_command_is_a_coded_diagnostic() {
    let human: &[(&[&str], &str)] = &[
        (&["verify", "policies/dfe_2013.dcs"], "E0302"),
        (&["graph", "policies/dfe_2013.dcs", "--format", "dot"], "E0302"),
        (
            &[
                "report",
                "examples/coventry.dcs",
                "tests/fixtures/time/moving_dcs.dcs",
                "--format",
                "csv",
            ],
            "E0303",
        ),
        (&["explain", "nonsense"], "E0304"),
        (&["verify", "examples/coventry.dcs", "--as-at", "2019-13-01"], "E0301"),
        (&["verify", "examples/coventry.dcs", "--bogus"], "E0301"),
        (&["verify"], "E0301"),
        (&["frobnicate"], "E0301"),
        (&[], "E0301"),
        (&["report", "examples/coventry.dcs", "--format", "pdf"], "E0301"),
    ];
    for (args, code) in human {
        assert_bad_input(&dcsc(args), code);
    }
    let json: &[(&[&str], &str)] = &[
        (&["verify", "policies/dfe_2013.dcs", "--format", "json"], "E0302"),
        (
            &[
                "verify",
                "examples/coventry.dcs",
                "--as-at",
                "15/10/2024",
                "--format",
                "json",
            ],
            "E0301",
        ),
        (&["verify", "--format=json", "--bogus"], "E0301"),
        (&["check", "--format", "json"], "E0301"),
    ];
    for (args, code) in json {
        let output = dcsc(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let value: serde_json::Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|_| panic!("{args:?}: no JSON on standard output:\n{}", text(&output)));
        let codes: Vec<&str> = value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|diagnostic| diagnostic["code"].as_str())
            .collect();
        assert!(codes.contains(code), "{args:?}: {codes:?}");
    }
    // A date in the wrong format is said to be in the wrong format, not to
    // be a date that does not exist.
    let shown = text(&dcsc(&["verify", "examples/coventry.dcs", "--as-at", "15/10/2024"]));
    assert!(shown.contains("not written as a date"), "{shown}");
    let shown = text(&dcsc(&["verify", "examples/coventry.dcs", "--as-at", "2019-02-30"]));
    assert!(shown.contains("not a date that exists"), "{shown}");
}

#[test]
fn help_and_version_are_not_errors() {
    for args in [&["--help"][..], &["--version"], &["verify", "--help"]] {
        let output = dcsc(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output));
        assert!(!output.stdout.is_empty());
    }
}

#[test]
fn version_names_the_embedded_guidance_and_its_dates() {
    let output = dcsc(&["--version"]);
    assert!(output.status.success());
    let version = String::from_utf8(output.stdout).unwrap();
    assert!(
        version.starts_with(&format!("dcsc {}\n", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    // The keys are padded to the longest; compared with single spaces.
    let lines: Vec<String> = version
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    for line in [
        "embedded guidance, in force from:",
        "dfe_2012 April 2012",
        "dfe_2013 April 2013",
        "the law beside it, in force from:",
        "lgha_1989 1 March 1990",
        "ca_2004_s13 1 April 2006",
        "csw_2017 29 June 2018 to 29 September 2019, area by area, amending ca_2004_s13",
        "hca_2022 1 July 2022, amending csw_2017",
        "cwsa_2026 enacted 29 April 2026, not yet in force (no commencement is at hand), amending csw_2017",
        "other guidance beside it, in force from:",
        "wt_2023 15 December 2023",
    ] {
        assert!(lines.iter().any(|shown| shown == line), "{line} in {version}");
    }
}

#[test]
fn completions_and_man_pages_are_written_for_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = dcsc(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for command in ["verify", "report", "diff", "fmt", "test", "explain"] {
            assert!(script.contains(command), "{shell} completions lack {command}");
        }
    }
    let page = String::from_utf8(dcsc(&["man"]).stdout).unwrap();
    assert!(page.contains(".TH dcsc 1"), "{page}");
    assert!(page.contains("dcsc\\-verify(1)"), "{page}");
    let verify = String::from_utf8(dcsc(&["man", "verify"]).stdout).unwrap();
    assert!(verify.contains(".TH dcsc-verify 1"), "{verify}");
    assert!(verify.contains("\\-\\-as\\-at"), "{verify}");
    let unknown = dcsc(&["man", "verfy"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8(unknown.stderr).unwrap().contains("E0301"));
}

#[test]
fn vocabulary_lists_every_name_the_guidance_declares_and_explain_knows_each() {
    let output = dcsc(&["vocabulary", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let kinds = listed["kinds"].as_array().unwrap();
    let kind_names: Vec<&str> = kinds.iter().map(|kind| kind["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kind_names,
        ["role", "function", "body_kind", "relation", "attribute", "tag_key"]
    );

    // Every name the embedded guidance declares, and nothing else.
    let mut workspace = dcsc::Workspace::new();
    let policy = workspace.check().policy.expect("the embedded guidance checks");
    let declared: Vec<(&str, Vec<&str>)> = vec![
        ("role", policy.roles.iter().map(|role| role.key.as_str()).collect()),
        (
            "function",
            policy.functions.iter().map(|term| term.key.as_str()).collect(),
        ),
        (
            "body_kind",
            policy.body_kinds.iter().map(|term| term.key.as_str()).collect(),
        ),
        (
            "relation",
            policy.relations.iter().map(|relation| relation.key.as_str()).collect(),
        ),
        (
            "attribute",
            policy
                .attributes
                .iter()
                .map(|attribute| attribute.key.as_str())
                .collect(),
        ),
        (
            "tag_key",
            policy.tag_keys.iter().map(|tag_key| tag_key.key.as_str()).collect(),
        ),
    ];
    for (kind, (keyword, keys)) in kinds.iter().zip(&declared) {
        let names: Vec<&str> = kind["names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|name| name["key"].as_str().unwrap())
            .collect();
        assert_eq!(&names, keys, "{keyword}");
        for name in kind["names"].as_array().unwrap() {
            let key = name["key"].as_str().unwrap();
            let explained = dcsc(&["explain", key]);
            assert_eq!(explained.status.code(), Some(0), "{key}: {}", text(&explained));
            let shown = text(&explained);
            assert!(shown.contains(&format!("{keyword} {key}\n")), "{shown}");
            assert!(shown.contains(name["title"].as_str().unwrap()), "{shown}");
        }
    }
    assert!(declared.iter().map(|(_, keys)| keys.len()).sum::<usize>() > 30);

    // The listing a person reads: each kind under its heading.
    let human = text(&dcsc(&["vocabulary"]));
    assert!(human.starts_with("Vocabulary of dfe_2013"), "{human}");
    // The guidance's seven roles and Working Together 2023's delegated
    // safeguarding partner.
    assert!(human.contains("\nRoles (8, declared with `role`)\n  DCS "), "{human}");
    assert!(
        human.contains("  report_to       reports directly to (from a post to a post)\n"),
        "{human}"
    );
    assert!(human.contains("(none from 29 September 2019)"), "{human}");
    // Where each name comes from: the guidance's own go unmarked, an Act's
    // or another guidance's say which; the JSON names every one's.
    assert!(human.contains("(held by a post; from wt_2023)\n"), "{human}");
    assert!(human.contains("Names not marked `from` are dfe_2013's."), "{human}");
    for kind in kinds {
        for name in kind["names"].as_array().unwrap() {
            assert!(!name["declared_in"].as_str().unwrap().is_empty(), "{name}");
            assert_eq!(name["local"], false, "{name}");
        }
    }
    // A council's own role, from its local policy.
    let local = text(&dcsc(&[
        "vocabulary",
        "--policy",
        "tests/fixtures/structures/41_local_role.policy.dcs",
        "--as-at",
        "2034-01-01",
    ]));
    assert!(
        local.contains(
            "Corporate Health and Safety Lead (held by a post; the council's own, from local policy test_local)"
        ),
        "{local}"
    );
    // As at a date before the 2013 edition, the 2012 edition's vocabulary.
    let earlier = text(&dcsc(&["vocabulary", "--as-at", "2012-06-01"]));
    // The 2012 edition, with the law beside it and its amendments.
    assert!(earlier.starts_with("Vocabulary of dfe_2012 + "), "{earlier}");

    // A misspelt name is suggested from the vocabulary too.
    let misspelt = dcsc(&["explain", "reprot_to"]);
    assert_bad_input(&misspelt, "E0304");
    assert!(
        text(&misspelt).contains("did you mean `report_to`?"),
        "{}",
        text(&misspelt)
    );
}
