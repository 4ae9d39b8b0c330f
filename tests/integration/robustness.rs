//! Nothing a user can type crashes dcsc: the shipped examples, mangled in
//! hundreds of deterministic ways (characters deleted, brackets and quotes
//! and keywords inserted, lines repeated, the file cut short), are each
//! read, checked and, where they check, verified, reported and charted.
//! A panic anywhere fails the test.

use dcsc::date::PartialDate;
use dcsc::Workspace;

use crate::support::mutations;

fn exercise(name: &str, text: &str) {
    let mut workspace = Workspace::new();
    workspace.add_text(name, text);
    let as_at = PartialDate::parse("2020-02-06").unwrap().last_day();
    let rendered = workspace.render_diagnostics(false);
    let Some(verified) = workspace.verify(as_at) else {
        assert!(
            !workspace.diagnostics.is_empty(),
            "refused without a diagnostic:\n{text}"
        );
        let _ = rendered;
        return;
    };
    for report in verified.assessments(&workspace.sources) {
        let _ = dcsc::render::human::render(&report, false);
        let _ = dcsc::render::json::to_value(&report);
        let chart = dcsc::graph::chart(&report);
        let _ = (chart.to_dot(), chart.to_mermaid(), chart.to_svg());
        let provenance = dcsc::report::Provenance::of(&report, "test");
        let document = dcsc::report::document(&report, provenance);
        let _ = (document.to_markdown(), document.to_csv(), document.to_html(""));
    }
}

#[test]
fn mangled_examples_never_crash() {
    for path in [
        "examples/coventry.dcs",
        "examples/barnet/arrangements.dcs",
        "tests/fixtures/faults/dcs_reports_to_deputy_with_departure.dcs",
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        for (index, mangled) in mutations(&text, 80).into_iter().enumerate() {
            exercise(&format!("{path}#{index}"), &mangled);
        }
    }
}

#[test]
fn mangled_guidance_never_crashes() {
    let text = std::fs::read_to_string("tests/fixtures/diagnostics/E0106.dcs").unwrap();
    for (index, mangled) in mutations(&text, 120).into_iter().enumerate() {
        let mut workspace = Workspace::new();
        workspace.add_text(&format!("guidance#{index}"), &mangled);
        let checked = workspace.check();
        if let Some(policy) = checked.policy {
            let _ = dcsc::render::coverage::coverage(&policy).to_human();
        }
        let _ = workspace.render_diagnostics(false);
    }
}
