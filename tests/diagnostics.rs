//! Every diagnostic code has a fixture named after it that produces it; the
//! rendered diagnostics, with their source, are snapshots.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use dcsc::diagnostics::{Code, Example};
use dcsc::Workspace;

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).unwrap_or(path).display().to_string()
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
    insta::glob!("fixtures/diagnostics/*", |path| {
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
        insta::assert_snapshot!(workspace.render_diagnostics(false));
    });
}

#[test]
fn every_code_has_a_fixture_or_a_described_example() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diagnostics");
    for code in Code::ALL {
        let explanation = code.explain();
        let has_fixture = std::fs::read_dir(&fixtures)
            .expect("fixtures folder")
            .filter_map(Result::ok)
            .any(|entry| entry.path().file_stem().and_then(|stem| stem.to_str()) == Some(code.as_str()));
        match explanation.example {
            Example::File(name, _) => assert!(
                name.starts_with(code.as_str()),
                "{code}'s example is {name}, another code's fixture"
            ),
            Example::Described(_) => {}
        }
        // E0001 is about paths, E0117 and E0118 about several files (all
        // tested in tests/cli.rs); E0099 is a bug report. Every other code is
        // shown by a fixture file.
        // E0015 is about writing output (tested in tests/cli.rs).
        // E0016 is about inputs of 64 MiB and more, E0017 about an output
        // that is an input, E0018 about a full standard output (tested in
        // tests/hardening.rs).
        if !matches!(
            code,
            Code::E0001
                | Code::E0015
                | Code::E0016
                | Code::E0017
                | Code::E0018
                | Code::E0117
                | Code::E0118
                | Code::E0099
        ) {
            assert!(has_fixture, "{code} has no fixture in tests/fixtures/diagnostics");
        }
    }
}

#[test]
fn errors_are_all_reported_not_just_the_first() {
    let mut workspace = Workspace::new();
    workspace.add_text(
        "many.dcs",
        "arrangements many { council \"Many Errors Council\" }\n\
         post one { holds DSC }\n\
         post two { tier \"first\" }\n\
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
         post one { holds DSC }\n\
         post two { tier \"first\" }\n\
         post one { holds DCS }\n",
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
