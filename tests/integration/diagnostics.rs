//! Every diagnostic code has a fixture named after it that produces it; the
//! rendered diagnostics, with their source, are snapshots.

use std::path::Path;

use dcsc::diagnostics::{Code, Example};
use dcsc::Workspace;

use crate::support::{files_under, root};

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

fn codes_of(workspace: &Workspace) -> Vec<&'static str> {
    workspace
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.as_str())
        .collect()
}

#[test]
fn each_fixture_produces_its_code() {
    insta::glob!("..", "fixtures/diagnostics/*", |path| {
        let relative = relative(path);
        let mut workspace = Workspace::new();
        workspace.add_path(Path::new(&relative));
        workspace.check();
        let expected = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default();
        let codes = codes_of(&workspace);
        assert!(
            codes.contains(&expected),
            "{relative} should produce {expected}, produced {codes:?}"
        );
        snapshot!("each_fixture_produces_its_code", workspace.render_diagnostics(false));
    });
}

#[test]
fn every_code_has_a_fixture_or_a_described_example() {
    let root = root();
    let fixtures = root.join("tests/fixtures/diagnostics");
    // Codes about paths, commands and output cannot be shown as one file;
    // their explanation describes the situation, and a black-box test must
    // produce them.
    let tests: String = files_under(&root.join("tests"), &["rs"])
        .into_iter()
        .map(|path| std::fs::read_to_string(path).expect("a test file"))
        .collect();
    for code in Code::ALL {
        let has_fixture = std::fs::read_dir(&fixtures)
            .expect("fixtures folder")
            .filter_map(Result::ok)
            .any(|entry| entry.path().file_stem().and_then(|stem| stem.to_str()) == Some(code.as_str()));
        match code.explain().example {
            Example::File(name, _) => {
                assert!(
                    name.starts_with(code.as_str()),
                    "{code}'s example is {name}, another code's fixture"
                );
                assert!(has_fixture, "{code} has no fixture in tests/fixtures/diagnostics");
            }
            // E0099 is a bug report: no input is meant to produce it.
            Example::Described(_) if *code == Code::E0099 => {}
            Example::Described(_) => assert!(
                tests.contains(&format!("\"{code}\"")),
                "{code} is described, not shown by a fixture, and no test in tests/ produces it"
            ),
        }
    }
}

#[test]
fn errors_are_all_reported_not_just_the_first() {
    let mut workspace = Workspace::new();
    workspace.add_text(
        "many.dcs",
        "arrangements many { council \"Many Errors Council\" }\n\
         post alpha { holds DSC }\n\
         post beta { tier \"first\" }\n\
         post three { holds DCS\n  report_to = one\n}\n\
         review late on 2019-02-30 { by \"Cabinet\" }\n",
    );
    workspace.check();
    let codes = codes_of(&workspace);
    for expected in ["E0004", "E0010"] {
        assert!(codes.contains(&expected), "{expected} missing from {codes:?}");
    }
    let mut checked = Workspace::new();
    checked.add_text(
        "many-check.dcs",
        "arrangements many { council \"Many Errors Council\" }\n\
         post alpha { holds DSC }\n\
         post beta { tier \"first\" }\n\
         post alpha { holds DCS }\n",
    );
    checked.check();
    let codes = codes_of(&checked);
    for expected in ["E0101", "E0104", "E0102"] {
        assert!(codes.contains(&expected), "{expected} missing from {codes:?}");
    }
}

#[test]
fn parse_errors_never_show_grammar_rule_names() {
    let inputs = [
        "arrangements x { council \"X\" }\npost p { holds }\n",
        "guidance g { title \"G\" }\nduty d { cites 1  DCS must }\n",
        "guidance g { title \"G\" }\nduty d { cites 1  exactly two posts must hold DCS }\n",
        "arrangements x { council \"X\" ",
        "arrangements x { council \"X\" }\nreview r on { }\n",
        "}}}",
        "arrangements x { council \"X\" }\npost p { holds DCS, }\n",
    ];
    let rule_names = [
        "duty_rule",
        "named_item",
        "keyed_item",
        "field_name",
        "quantified_subject",
        "role_subject",
        "relation_atom",
        "EOI",
        "SOI",
        "item_only",
        "kw_",
        "_atom",
    ];
    for input in inputs {
        let mut workspace = Workspace::new();
        workspace.add_text("input.dcs", input);
        workspace.check();
        let rendered = workspace.render_diagnostics(false);
        assert!(!rendered.is_empty(), "no diagnostic for {input:?}");
        for rule in rule_names {
            assert!(!rendered.contains(rule), "{rule} shown for {input:?}:\n{rendered}");
        }
    }
}

#[test]
fn explanations_are_complete() {
    for code in Code::ALL {
        let text = code.explain().to_string();
        assert!(text.starts_with(code.as_str()));
        assert!(text.contains("Example"));
        assert!(text.contains("How to fix it"));
    }
}

/// A reporting loop of `posts` posts, in JSON on one line.
fn one_line_loop(posts: usize) -> String {
    let posts: Vec<String> = (0..posts)
        .map(|post| {
            format!(
                r#"{{"id":"p{post}","title":"P{post}","report_to":"p{}"}}"#,
                (post + 1) % posts
            )
        })
        .collect();
    format!(
        r#"{{"arrangements":"loop","council":"Loop Council","kind":"unitary","upper_tier":true,"answers_to":["dfe_2013"],"posts":[{}]}}"#,
        posts.join(",")
    )
}

#[test]
fn labels_on_one_line_are_capped_and_counted() {
    // Every label of a line was laid out against every other: 500 posts
    // in one line of JSON gave 6.9 MB of output.
    let mut workspace = Workspace::new();
    workspace.add_text("loop.json", &one_line_loop(1_000));
    workspace.check();
    assert_eq!(codes_of(&workspace), ["E0202"]);
    let rendered = workspace.render_diagnostics(false);
    assert!(rendered.len() < 8_000, "{} bytes:\n{rendered}", rendered.len());
    let cap = dcsc::diagnostics::LABELS_PER_LINE;
    assert_eq!(rendered.matches("part of the loop").count(), cap - 1, "{rendered}");
    assert!(
        rendered.contains(&format!(
            "= {} more label(s) on line 1 of `loop.json` not shown: dcsc shows at most {cap} on a line; `--format json` lists them all",
            999 - (cap - 1)
        )),
        "{rendered}"
    );
    // The diagnostic itself, which `--format json` writes, keeps them all.
    assert_eq!(workspace.diagnostics[0].secondary.len(), 999);
}
