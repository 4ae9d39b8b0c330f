//! The JSON contracts hold: real output of the binary, for every shipped
//! council and every fault fixture, validates against the JSON Schemas
//! shipped in `docs/`, and output broken on purpose does not (so the
//! schemas are not vacuous). Each seed council, as at its paper's date,
//! has a compact golden of its verdicts (one line per duty: the verdict,
//! the kind of its reason and the kinds of the facts it lacks), which its
//! typed verdicts and its JSON must both give.

use std::fmt::Write as _;

use dcsc::eval::Missing;
use dcsc::Verified;

use crate::support::{dcsc, json, verify_files, SEED_COUNCILS};

/// The exit status of a run and the JSON it printed.
fn status_and_json(arguments: &[&str]) -> (Option<i32>, serde_json::Value) {
    let output = dcsc(arguments);
    (output.status.code(), json(&output))
}

fn validator(name: &str) -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join(name);
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|error| panic!("{name} is not a valid schema: {error}"))
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, value: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .take(5)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

/// Every council and fault, as the user runs them.
fn runs() -> Vec<Vec<String>> {
    let mut runs = vec![
        vec![
            "examples/coventry.dcs".to_owned(),
            "--as-at".to_owned(),
            "2017-12-31".to_owned(),
        ],
        vec![
            "examples/barnet/arrangements.dcs".to_owned(),
            "examples/barnet/framework.dcs".to_owned(),
        ],
        vec![
            "examples/northumberland/arrangements.dcs".to_owned(),
            "examples/northumberland/local_policy.dcs".to_owned(),
            "--as-at".to_owned(),
            "2020-02-06".to_owned(),
        ],
    ];
    let mut faults: Vec<_> = std::fs::read_dir("tests/fixtures/faults")
        .unwrap()
        .map(|entry| entry.unwrap().path().display().to_string())
        .collect();
    faults.sort();
    runs.extend(
        faults
            .into_iter()
            .map(|fault| vec![fault, "--as-at".to_owned(), "2026-11-01".to_owned()]),
    );
    runs
}

#[test]
fn verify_output_matches_its_schema() {
    let schema = validator("verify-output.schema.json");
    let mut kinds = std::collections::BTreeSet::new();
    for run in runs() {
        let mut args = vec!["verify", "--format", "json"];
        args.extend(run.iter().map(String::as_str));
        let (status, value) = status_and_json(&args);
        assert!(matches!(status, Some(0 | 1)), "{run:?} exited {status:?}");
        assert_valid(&schema, &run.join(" "), &value);
        for verdict in value["verdicts"].as_array().unwrap() {
            for missing in verdict["missing"].as_array().unwrap() {
                kinds.insert(format!("missing {}", missing["kind"].as_str().unwrap()));
            }
            for fact in verdict["facts"].as_array().unwrap() {
                kinds.insert(format!("fact {}", fact["kind"].as_str().unwrap()));
            }
        }
    }
    // The shipped inputs exercise the common kinds, so the schema is tested
    // on real data for them.
    for kind in [
        "fact holds",
        "fact functions",
        "fact attribute",
        "fact relation",
        "fact event",
        "fact answer",
        "fact departure",
        "missing holder",
        "missing attribute",
        "missing complete_list",
        "missing entities_of_kind",
    ] {
        assert!(kinds.contains(kind), "no shipped input gives {kind}: {kinds:?}");
    }
}

#[test]
fn several_councils_are_an_array_that_matches_the_schema() {
    let schema = validator("verify-output.schema.json");
    let (_, value) = status_and_json(&[
        "verify",
        "--format",
        "json",
        "examples/coventry.dcs",
        "examples/barnet/arrangements.dcs",
        "examples/barnet/framework.dcs",
        "--as-at",
        "2017-12-31",
    ]);
    assert_eq!(value.as_array().map(Vec::len), Some(2));
    assert_valid(&schema, "two councils", &value);
}

#[test]
fn the_summary_of_a_folder_of_councils_matches_its_schema() {
    let schema = validator("summary-output.schema.json");
    let (status, value) = status_and_json(&[
        "verify",
        "examples",
        "--summary",
        "--format",
        "json",
        "--as-at",
        "2020-02-06",
    ]);
    assert_eq!(status, Some(1));
    assert_valid(&schema, "the summary of examples/", &value);
    let (_, one) = status_and_json(&["verify", "examples/coventry.dcs", "--summary", "--format", "json"]);
    assert_valid(&schema, "the summary of one council", &one);
    let breakages: [(&str, Breakage); 3] = [
        ("a verdict kind missing from a row", |value| {
            value["councils"][0]["counts"].as_object_mut().unwrap().remove("stale");
        }),
        ("no councils", |value| value["councils"] = serde_json::json!([])),
        ("a duty without a count", |value| {
            value["duties_needing_action"][0]
                .as_object_mut()
                .unwrap()
                .remove("councils");
        }),
    ];
    for (what, breakage) in breakages {
        let mut broken = value.clone();
        breakage(&mut broken);
        assert!(!schema.is_valid(&broken), "{what} still matches the schema");
    }
}

/// A way of breaking valid output.
type Breakage = fn(&mut serde_json::Value);

#[test]
fn output_broken_on_purpose_does_not_match() {
    let schema = validator("verify-output.schema.json");
    let (_, value) = status_and_json(&[
        "verify",
        "--format",
        "json",
        "examples/barnet/arrangements.dcs",
        "examples/barnet/framework.dcs",
    ]);
    let breakages: [(&str, Breakage); 5] = [
        ("schema version 1", |value| value["schema_version"] = 1.into()),
        ("a missing fact as a string", |value| {
            let verdict = value["verdicts"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|verdict| !verdict["missing"].as_array().unwrap().is_empty())
                .unwrap();
            verdict["missing"][0] = "the council's members".into();
        }),
        ("a fact without a kind", |value| {
            value["verdicts"][0]["facts"][0].as_object_mut().unwrap().remove("kind");
        }),
        ("an unknown verdict", |value| {
            value["verdicts"][0]["verdict"] = "maybe".into()
        }),
        ("a field the contract lacks", |value| {
            value["verdicts"][0]["extra"] = true.into();
        }),
    ];
    for (what, breakage) in breakages {
        let mut broken = value.clone();
        breakage(&mut broken);
        assert!(!schema.is_valid(&broken), "{what} still matches the schema");
    }
}

#[test]
fn diagnostics_output_matches_its_schema() {
    let schema = validator("diagnostics-output.schema.json");
    for args in [
        vec!["check", "--format", "json", "tests/fixtures/diagnostics/E0101.dcs"],
        vec!["verify", "--format", "json", "tests/fixtures/diagnostics/E0202.dcs"],
        vec!["check", "--format", "json", "no/such/file.dcs"],
    ] {
        let (status, value) = status_and_json(&args);
        assert_eq!(status, Some(2), "{args:?}");
        assert_valid(&schema, &args.join(" "), &value);
        assert!(!value["diagnostics"].as_array().unwrap().is_empty());
    }
}

/// Adds one verdict to a golden: `DUTY VERDICT REASON MISSING`, the kinds
/// of the facts it lacks joined by commas, or `-` for none
/// (`dcs.appointed pass met -`).
fn add_line(golden: &mut String, duty: &str, verdict: &str, reason: &str, missing: &[&str]) {
    let missing = if missing.is_empty() {
        "-".to_owned()
    } else {
        missing.join(",")
    };
    writeln!(golden, "{duty} {verdict} {reason} {missing}").expect("write to a string");
}

/// The golden of the first council's typed verdicts.
fn golden_of_verdicts(verified: &Verified) -> String {
    let mut golden = String::new();
    for verdict in &verified.councils[0].verdicts {
        let duty = verified.policy.duty(verdict.duty).expect("a declared duty");
        let missing: Vec<&str> = verdict.missing.iter().map(Missing::kind_name).collect();
        add_line(
            &mut golden,
            &duty.key,
            verdict.kind().name(),
            verdict.reason.kind_name(),
            &missing,
        );
    }
    golden
}

/// The golden read back from `verify --format json` of one council.
fn golden_of_json(value: &serde_json::Value) -> String {
    let text = |value: &serde_json::Value| value.as_str().expect("a string").to_owned();
    let mut golden = String::new();
    for verdict in value["verdicts"].as_array().expect("verdicts") {
        let missing: Vec<String> = verdict["missing"]
            .as_array()
            .expect("missing")
            .iter()
            .map(|missing| text(&missing["kind"]))
            .collect();
        add_line(
            &mut golden,
            &text(&verdict["duty"]),
            &text(&verdict["verdict"]),
            &text(&verdict["reason"]),
            &missing.iter().map(String::as_str).collect::<Vec<&str>>(),
        );
    }
    golden
}

#[test]
fn each_seed_council_gives_its_golden_verdicts_in_json_that_matches_the_schema() {
    let schema = validator("verify-output.schema.json");
    for (name, files, as_at) in SEED_COUNCILS {
        let golden = golden_of_verdicts(&verify_files(files, as_at));
        snapshot!(format!("{name}_verdicts"), golden);
        let mut arguments = vec!["verify", "--format", "json", "--as-at", as_at];
        arguments.extend(files);
        let (status, value) = status_and_json(&arguments);
        assert!(matches!(status, Some(0 | 1)), "{name} exited {status:?}");
        assert_valid(&schema, name, &value);
        assert_eq!(
            golden_of_json(&value),
            golden,
            "{name}: the JSON's verdicts are not the golden's"
        );
    }
}
