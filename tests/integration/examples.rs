//! Every shipped example verified against the embedded guidance, as at the
//! date of the council's own paper. These snapshots are what a reviewer
//! reads when the guidance changes: the diff is what the revision changes
//! for each council. What each verdict is, and that the JSON says the
//! same, is `json_schema`'s compact golden of each council.

use std::path::{Path, PathBuf};

use dcsc::date::PartialDate;
use dcsc::{render, Workspace};

use crate::support::{root, SEED_COUNCILS};

/// The date each council's paper speaks as at; other examples are read as
/// at a fixed date so that snapshots do not move with the calendar.
fn as_at(name: &str) -> &'static str {
    SEED_COUNCILS
        .iter()
        .find(|(seed, _, _)| *seed == name)
        .map_or("2026-11-01", |(_, _, as_at)| *as_at)
}

/// Whether a file holds policy tests and no arrangements: a council's tests
/// beside it, not a council.
fn only_tests(path: &Path) -> bool {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines().any(|line| line.starts_with("test ")) && !text.lines().any(|line| line.starts_with("arrangements "))
}

/// Each example: a `.dcs` file alone, or a folder whose files are read
/// together.
fn examples() -> Vec<(String, Vec<String>)> {
    let root = root();
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .expect("examples folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default()
            .to_owned();
        let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).display().to_string();
        if path.is_dir() {
            let mut files: Vec<String> = std::fs::read_dir(&path)
                .expect("example folder")
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|file| {
                    file.extension()
                        .is_some_and(|extension| extension == "dcs" || extension == "json")
                })
                .map(|file| relative(&file))
                .collect();
            files.sort();
            found.push((name, files));
        } else if path
            .extension()
            .is_some_and(|extension| extension == "dcs" || extension == "json")
            && !only_tests(&path)
        {
            found.push((name, vec![relative(&path)]));
        }
    }
    found
}

#[test]
fn the_examples_are_the_three_seed_councils() {
    let names: Vec<String> = examples().into_iter().map(|(name, _)| name).collect();
    for council in ["barnet", "coventry", "northumberland"] {
        assert!(
            names.iter().any(|name| name == council),
            "{council} missing from {names:?}"
        );
    }
}

#[test]
fn the_policy_and_the_examples_check_without_a_single_diagnostic() {
    let mut policy = Workspace::new();
    policy.add_path(Path::new("policies/dfe_2013.dcs"));
    policy.check();
    assert!(policy.diagnostics.is_empty(), "{}", policy.render_diagnostics(false));
    for (name, files) in examples() {
        let mut workspace = Workspace::new();
        for file in &files {
            workspace.add_path(Path::new(file));
        }
        workspace.check();
        assert!(
            workspace.diagnostics.is_empty(),
            "{name}:\n{}",
            workspace.render_diagnostics(false)
        );
    }
}

#[test]
fn each_example_verifies_with_snapshotted_verdicts() {
    for (name, files) in examples() {
        let mut workspace = Workspace::new();
        for file in &files {
            workspace.add_path(Path::new(file));
        }
        let date = PartialDate::parse(as_at(&name)).expect("as-at date").last_day();
        let verified = workspace
            .verify(date)
            .unwrap_or_else(|| panic!("{name} does not check:\n{}", workspace.render_diagnostics(false)));
        assert_eq!(verified.councils.len(), 1, "{name}: one arrangement per example");
        let assessments = verified.assessments(&workspace.sources);
        let assessment = &assessments[0];
        assert!(
            assessment.verdicts.len() >= 25,
            "{name}: only {} verdicts",
            assessment.verdicts.len()
        );
        let wording = assessment.wording();
        for verdict in assessment.verdicts {
            assert!(
                !wording.reason(verdict).is_empty(),
                "{name}: a verdict without a reason"
            );
        }
        snapshot!(format!("{name}_human"), render::human::render(assessment, false));
    }
}

#[test]
fn every_row_of_barnets_framework_is_a_tagged_duty_or_question_of_barnets_own() {
    let mut workspace = Workspace::new();
    for file in ["examples/barnet/arrangements.dcs", "examples/barnet/framework.dcs"] {
        workspace.add_path(Path::new(file));
    }
    let checked = workspace.check();
    let policy = checked.policy.expect("Barnet's framework checks");
    let tag = |duty: &dcsc::model::Duty, key: &str| {
        duty.tags
            .iter()
            .find(|tag| policy.tag_key(tag.key).is_some_and(|declared| declared.key == key))
            .and_then(|tag| policy.tag_value(*tag))
            .map(str::to_owned)
    };
    let framework = policy
        .editions
        .iter()
        .position(|edition| edition.key == "barnet_framework")
        .expect("the framework is a local policy in the chain");
    let rows: Vec<_> = policy.duties.iter().filter(|duty| duty.edition == framework).collect();
    // The framework (seed 004) has 44 rows, each typed and focused, each
    // under Barnet's own key.
    assert_eq!(rows.len(), 44);
    let arrangement = &checked.arrangements[0];
    for duty in &rows {
        assert!(duty.key.starts_with("barnet."), "{}", duty.key);
        let kind = tag(duty, "type").unwrap_or_else(|| panic!("{} has no type", duty.key));
        let focus = tag(duty, "focus").unwrap_or_else(|| panic!("{} has no focus", duty.key));
        assert!([
            "Organisational",
            "Professional",
            "Commissioning",
            "Partnership",
            "Performance"
        ]
        .contains(&kind.as_str()));
        assert!(["Structural", "Outcome", "Output", "Input", "Cultural"].contains(&focus.as_str()));
        // Each row's "How Discharged" is Barnet's answer to it.
        let id = policy.duty_by_key(&duty.key).unwrap();
        assert!(
            arrangement.answers.iter().any(|answer| answer.duty == id),
            "{} has no answer",
            duty.key
        );
    }
}

#[test]
fn no_council_but_barnet_is_asked_barnets_rows() {
    // The national guidance has none of them, and no classification.
    let mut alone = Workspace::new();
    let national = alone.check().policy.expect("the embedded guidance checks");
    assert!(national
        .duties
        .iter()
        .all(|duty| duty.tags.is_empty() && !duty.key.starts_with("barnet.")));
    assert!(national.tag_keys.is_empty());
    // Verified beside Barnet, with Barnet's framework given, Coventry and
    // Northumberland answer to the guidance (and Northumberland to its own
    // practice), not to Barnet's framework.
    let mut workspace = Workspace::new();
    for file in [
        "examples/barnet/arrangements.dcs",
        "examples/barnet/framework.dcs",
        "examples/coventry.dcs",
        "examples/northumberland/arrangements.dcs",
        "examples/northumberland/local_policy.dcs",
    ] {
        workspace.add_path(Path::new(file));
    }
    let verified = workspace
        .verify(PartialDate::parse("2020-02-06").unwrap().last_day())
        .unwrap_or_else(|| panic!("does not check:\n{}", workspace.render_diagnostics(false)));
    for council in &verified.councils {
        let keys: Vec<&str> = council
            .verdicts
            .iter()
            .filter_map(|verdict| verified.policy.duty(verdict.duty).map(|duty| duty.key.as_str()))
            .collect();
        let barnet_rows = keys.iter().filter(|key| key.starts_with("barnet.")).count();
        let northumberland_practice = keys.contains(&"northumberland.review_every_year");
        match council.arrangement.key.as_str() {
            "barnet" => {
                assert_eq!(barnet_rows, 44);
                assert!(!northumberland_practice);
            }
            "northumberland" => {
                assert_eq!(barnet_rows, 0);
                assert!(northumberland_practice);
            }
            other => {
                assert_eq!(barnet_rows, 0, "{other}");
                assert!(!northumberland_practice, "{other}");
            }
        }
    }
}
