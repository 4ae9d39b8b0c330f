//! Small arrangements, each named after the fault it shows, verified
//! against the embedded guidance. Together they produce all nine verdicts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::path::Path;

use dcsc::date::PartialDate;
use dcsc::eval::VerdictKind;
use dcsc::Workspace;

/// Each fault, the duty it is about, and the verdict that duty must get.
const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "dcs_reports_to_deputy_chief_executive",
        "dcs.report_to_chief_executive",
        "unexplained",
    ),
    (
        "dcs_reports_to_deputy_with_departure",
        "dcs.report_to_chief_executive",
        "departure",
    ),
    ("dcs_reports_to_deputy_with_departure", "dcs.first_tier", "departure"),
    ("dcs_is_an_elected_member", "dcs.not_elected_member", "fail"),
    ("two_posts_hold_dcs", "roles.leadership.appoint_dcs", "fail"),
    (
        "political_restriction_not_stated",
        "dcs.politically_restricted",
        "unknown",
    ),
    (
        "change_of_responsibilities_without_review",
        "review.on_change",
        "unexplained",
    ),
    (
        "answer_older_than_last_change",
        "local_assurance.specific.child_protection",
        "stale",
    ),
    ("answer_older_than_last_change", "review.on_change", "pass"),
    (
        "unanswered_assurance_question",
        "local_assurance.specific.child_protection",
        "missing",
    ),
    ("joint_dcs_with_another_council", "joint_dcs.arrangements", "answered"),
    (
        "joint_dcs_with_another_council",
        "additional_functions.protect_dcs",
        "not_applicable",
    ),
    (
        "joint_dcs_with_another_council",
        "dcs.report_to_chief_executive",
        "pass",
    ),
    (
        "dcs_reports_to_deputy_chief_executive",
        "joint_dcs.arrangements",
        "not_applicable",
    ),
];

const AS_AT: &str = "2026-11-01";

fn verify(fault: &str) -> (Workspace, dcsc::Verified) {
    let mut workspace = Workspace::new();
    workspace.add_path(Path::new(&format!("tests/fixtures/faults/{fault}.dcs")));
    let as_at = PartialDate::parse(AS_AT).expect("date").last_day();
    let verified = workspace
        .verify(as_at)
        .unwrap_or_else(|| panic!("{fault} does not check:\n{}", workspace.render_diagnostics(false)));
    (workspace, verified)
}

#[test]
fn each_fault_gets_its_verdict() {
    for (fault, duty, expected) in EXPECTED {
        let (_, verified) = verify(fault);
        let (_, verdicts) = &verified.results[0];
        let found = verdicts
            .iter()
            .find(|verdict| {
                verified
                    .policy
                    .duty(verdict.duty)
                    .is_some_and(|declared| declared.key == *duty)
            })
            .unwrap_or_else(|| panic!("{fault}: no verdict for {duty}"));
        assert_eq!(found.kind.name(), *expected, "{fault}: {duty}: {}", found.reason);
    }
}

#[test]
fn the_faults_together_produce_all_nine_verdicts() {
    let mut seen = BTreeSet::new();
    for fault in EXPECTED.iter().map(|(fault, _, _)| *fault).collect::<BTreeSet<_>>() {
        let (_, verified) = verify(fault);
        seen.extend(verified.results[0].1.iter().map(|verdict| verdict.kind));
    }
    for kind in VerdictKind::ALL {
        assert!(seen.contains(&kind), "no fault produces {}", kind.name());
    }
}

#[test]
fn each_fault_is_snapshotted() {
    insta::glob!("fixtures/faults/*.dcs", |path| {
        let fault = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default();
        let (workspace, verified) = verify(fault);
        let reports = verified.reports(&workspace.sources);
        let report = &reports[0];
        insta::assert_snapshot!("human", report.to_human(false));
        insta::assert_json_snapshot!("json", report.to_json());
    });
}

#[test]
fn the_embedded_guidance_is_wholly_encoded() {
    let mut workspace = Workspace::new();
    let checked = workspace.check();
    let policy = checked.policy.expect("the embedded guidance checks");
    let coverage = dcsc::render::coverage::coverage(&policy);
    assert!(coverage.unencoded.is_empty(), "not encoded: {:?}", coverage.unencoded);
    assert_eq!(coverage.percent, "100.0");
    for section in [
        "Key points",
        "The Director of Children's Services (DCS)",
        "The Lead Member for Children's Services (LMCS)",
        "Ensuring a clear line of accountability",
        "Additional functions not related to local authority children's services",
        "Joint DCS appointments",
        "Local assurance",
        "Leadership and partnership",
        "Safeguarding",
        "Vulnerable children and young people",
        "Fair access to services",
        "Educational excellence",
    ] {
        assert!(
            coverage
                .sections
                .iter()
                .any(|covered| covered.section == section && covered.encoded > 0),
            "section {section} is not encoded"
        );
    }
    insta::assert_snapshot!("coverage_human", coverage.to_human());
    insta::assert_json_snapshot!("coverage_json", coverage);
}
