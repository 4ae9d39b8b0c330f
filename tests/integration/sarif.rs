//! SARIF and JUnit as CI systems read them: `check --format sarif` over
//! every diagnostics fixture and `verify --format sarif` over every
//! council validate against the OASIS SARIF 2.1.0 schema (with formats
//! checked), rules and results agree, and levels follow the verdicts;
//! `verify --format junit` parses and counts what needs action.

use std::path::Path;

use serde_json::Value;

use crate::support::{dcsc, stdout};

/// The exit status of a run and what it printed on standard output.
fn status_and_stdout(arguments: &[&str]) -> (Option<i32>, String) {
    let output = dcsc(arguments);
    (output.status.code(), stdout(&output))
}

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Formats asserted: a `uri` must be a URI reference.
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, log: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(log)
        .take(5)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

/// Every `uri` in the log is a URI reference: no character a URI may not
/// hold raw.
fn assert_uri_references(what: &str, value: &Value) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if key == "uri" {
                    let uri = inner.as_str().unwrap();
                    assert!(
                        uri.bytes()
                            .all(|byte| byte.is_ascii_alphanumeric() || b"-._~/:%".contains(&byte)),
                        "{what}: {uri} is not a URI reference"
                    );
                }
                assert_uri_references(what, inner);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| assert_uri_references(what, item)),
        _ => {}
    }
}

/// Every result names a rule by id and by index, and they agree.
fn assert_rules_agree(what: &str, log: &Value) {
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "{what}");
    }
}

#[test]
fn check_sarif_validates_for_every_diagnostics_fixture() {
    let validator = sarif_validator();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diagnostics");
    let mut fixtures: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    fixtures.sort();
    let mut located = 0;
    for fixture in fixtures {
        let relative = format!(
            "tests/fixtures/diagnostics/{}",
            fixture.file_name().unwrap().to_string_lossy()
        );
        let (status, out) = status_and_stdout(&["check", "--format", "sarif", &relative]);
        assert!(matches!(status, Some(0 | 2)), "{relative}");
        let log: Value = serde_json::from_str(&out).unwrap_or_else(|error| panic!("{relative}: {error}\n{out}"));
        assert_valid(&validator, &relative, &log);
        assert_uri_references(&relative, &log);
        assert_rules_agree(&relative, &log);
        let code = fixture.file_stem().unwrap().to_string_lossy().into_owned();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(
            results.iter().any(|result| result["ruleId"] == code.as_str()),
            "{relative} gives no {code} result"
        );
        located += results
            .iter()
            .filter(|result| result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == relative.as_str())
            .count();
    }
    assert!(located > 40, "only {located} results point into their fixture");
}

#[test]
fn verify_sarif_validates_and_follows_the_verdicts() {
    let validator = sarif_validator();
    for (council, as_at) in [
        (vec!["examples/coventry.dcs"], "2016-06-30"),
        (
            vec![
                "examples/northumberland/arrangements.dcs",
                "examples/northumberland/local_policy.dcs",
            ],
            "2020-02-06",
        ),
        (
            vec!["examples/barnet/arrangements.dcs", "examples/barnet/framework.dcs"],
            "2014-12-31",
        ),
    ] {
        let mut arguments = vec!["verify", "--format", "sarif", "--as-at", as_at];
        arguments.extend(council.iter().copied());
        let (status, out) = status_and_stdout(&arguments);
        let log: Value = serde_json::from_str(&out).unwrap();
        assert_valid(&validator, council[0], &log);
        assert_uri_references(council[0], &log);
        assert_rules_agree(council[0], &log);
        let (_, json) = status_and_stdout(&[&["verify", "--format", "json", "--as-at", as_at][..], &council].concat());
        let verdicts: Value = serde_json::from_str(&json).unwrap();
        let verdicts = verdicts["verdicts"].as_array().unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), verdicts.len(), "{}", council[0]);
        let mut needing_action = 0;
        for (result, verdict) in results.iter().zip(verdicts) {
            assert_eq!(result["ruleId"], verdict["duty"]);
            assert_eq!(result["properties"]["verdict"], verdict["verdict"]);
            // A permission asks nothing: whether it is used is for
            // information, never a pass.
            let (kind, level) = match verdict["verdict"].as_str().unwrap() {
                _ if !verdict["permission"].is_null() => ("informational", "none"),
                "fail" => ("fail", "error"),
                "unexplained" | "unknown" | "missing" | "stale" => ("fail", "warning"),
                "departure" => ("informational", "none"),
                "answered" => ("review", "none"),
                "pass" => ("pass", "none"),
                "not_applicable" => ("notApplicable", "none"),
                other => panic!("verdict {other}"),
            };
            assert_eq!(
                (result["kind"].as_str().unwrap(), result["level"].as_str().unwrap()),
                (kind, level)
            );
            needing_action += usize::from(kind == "fail");
            // Located at the council's own files.
            let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(council.contains(&uri), "{uri} is not one of {council:?}");
        }
        assert_eq!(status, Some(if needing_action > 0 { 1 } else { 0 }));
    }
}

#[test]
fn a_broken_log_fails_the_schema() {
    // The validator is strict enough to catch a wrong log.
    let validator = sarif_validator();
    let (_, out) = status_and_stdout(&["check", "--format", "sarif", "tests/fixtures/diagnostics/E0201.dcs"]);
    let mut log: Value = serde_json::from_str(&out).unwrap();
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&log));
    let mut log: Value = serde_json::from_str(&out).unwrap();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = Value::from(0);
    assert!(!validator.is_valid(&log));
}

#[test]
fn verify_junit_has_a_case_per_duty_and_a_failure_per_verdict_needing_action() {
    let (status, out) = status_and_stdout(&[
        "verify",
        "--format",
        "junit",
        "--as-at",
        "2016-06-30",
        "examples/coventry.dcs",
    ]);
    assert_eq!(status, Some(1));
    let document = roxmltree::Document::parse(&out).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let (_, json) = status_and_stdout(&[
        "verify",
        "--format",
        "json",
        "--as-at",
        "2016-06-30",
        "examples/coventry.dcs",
    ]);
    let verdicts: Value = serde_json::from_str(&json).unwrap();
    let verdicts = verdicts["verdicts"].as_array().unwrap();
    let needing_action = verdicts
        .iter()
        .filter(|verdict| verdict["needs_action"] == true)
        .count();
    let not_applicable = verdicts
        .iter()
        .filter(|verdict| verdict["verdict"] == "not_applicable")
        .count();
    assert_eq!(root.attribute("tests"), Some(verdicts.len().to_string().as_str()));
    assert_eq!(root.attribute("failures"), Some(needing_action.to_string().as_str()));
    assert_eq!(root.attribute("skipped"), Some(not_applicable.to_string().as_str()));
    let cases: Vec<_> = root
        .descendants()
        .filter(|node| node.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), verdicts.len());
    for (case, verdict) in cases.iter().zip(verdicts) {
        assert_eq!(case.attribute("name"), verdict["duty"].as_str());
        let failure = case.children().find(|node| node.has_tag_name("failure"));
        assert_eq!(
            failure.is_some(),
            verdict["needs_action"] == true,
            "{:?}",
            verdict["duty"]
        );
        if let Some(failure) = failure {
            assert_eq!(failure.attribute("type"), verdict["verdict"].as_str());
        }
    }
}
