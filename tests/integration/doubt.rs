//! Doubt about dates and about what the papers record, as issue 17 left
//! it to finish: two posts that may hold one role on some day (W0017), a
//! review whose conclusion is recorded but not quoted told apart from one
//! with none, and a reviewer the papers only imply.

use serde_json::Value;

use crate::support::{dcsc, json, scratch, text, write};

const MAY_PRECEDE: &str = "tests/fixtures/uncertain_time/45_designation_may_precede_vacancy.dcs";
const NOT_QUOTED: &str = "tests/fixtures/uncertain_time/46_review_conclusion_not_quoted.dcs";

/// The codes `check` gives a file, with the line each points at.
fn warnings(path: &str) -> Vec<(String, u64)> {
    let output = dcsc(&["check", "--format", "json", path]);
    json(&output)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|diagnostic| {
            (
                diagnostic["code"].as_str().unwrap_or_default().to_owned(),
                diagnostic["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_designation_that_may_precede_the_vacancy_is_warned_of_and_never_fails() {
    let file = std::fs::read_to_string(MAY_PRECEDE).unwrap();
    assert_eq!(warnings(MAY_PRECEDE), [("W0017".to_owned(), 18)]);
    let output = dcsc(&["check", MAY_PRECEDE]);
    let shown = text(&output);
    // Both lines and both dates in doubt, with the days the papers allow.
    assert!(shown.contains("18 │ post family_director"), "{shown}");
    assert!(shown.contains("17 │ post childrens_director"), "{shown}");
    assert!(shown.contains("a start whose order the papers leave open"), "{shown}");
    assert!(shown.contains("an end whose order the papers leave open"), "{shown}");
    assert!(
        shown.contains("this line begins between 2034-01-02 and 2035-12-31, and the other stops on 2034-03-01"),
        "{shown}"
    );
    // Dated by the vacancy, the designation cannot come first: no warning.
    let dir = scratch("after-vacancy");
    let after = write(
        &dir,
        "after.dcs",
        &file.replace("on unknown after split", "on unknown after left"),
    );
    assert_eq!(warnings(&after), []);
    // Surely before the vacancy: the surer warning, W0010.
    let before = write(
        &dir,
        "before.dcs",
        &file
            .replace("on unknown after split", "on 2034-02-01")
            .replace("vacancy left on 2034-03-01 { post childrens_director  roles DCS }", "")
            .replace("holds DCS }\npost family", "holds DCS until 2034-03-01 }\npost family"),
    );
    assert_eq!(warnings(&before), [("W0010".to_owned(), 18)]);
    // As at a day between the split and the vacancy, two holders if the
    // designation came by then: unknown, unless the papers say it did.
    for (path, expected) in [
        (MAY_PRECEDE, "unknown"),
        (before.as_str(), "fail"),
        (after.as_str(), "pass"),
    ] {
        let verdicts = json(&dcsc(&["verify", "--as-at", "2034-02-15", "--format", "json", path]));
        assert_eq!(verdict(&verdicts, "dcs.appointed")["verdict"], expected, "{path}");
    }
}

/// A verdict of a `verify --format json` run by its duty.
fn verdict<'a>(verified: &'a Value, duty: &str) -> &'a Value {
    verified["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .find(|verdict| verdict["duty"] == duty)
        .unwrap_or_else(|| panic!("no verdict of {duty}"))
}

/// The event facts a verdict cites, by event.
fn event_facts(verdict: &Value) -> Vec<&Value> {
    verdict["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .filter(|fact| fact["kind"] == "event")
        .collect()
}

#[test]
fn a_conclusion_recorded_but_not_quoted_is_told_apart_from_none() {
    let quoted = json(&dcsc(&[
        "verify",
        "--as-at",
        "2034-06-30",
        "--format",
        "json",
        NOT_QUOTED,
    ]));
    let met = verdict(&quoted, "review.on_change");
    assert_eq!(met["verdict"], "pass");
    let cited = event_facts(met);
    let [cabinet] = cited.as_slice() else {
        panic!("one review cited: {met:#}");
    };
    assert_eq!(cabinet["outcome"], "not_quoted");
    assert_eq!(cabinet["by_inferred"], false);
    let statement = cabinet["statement"].as_str().unwrap();
    assert!(
        statement.contains("its conclusion recorded but not quoted"),
        "{statement}"
    );

    let text = std::fs::read_to_string(NOT_QUOTED).unwrap();
    let dir = scratch("no-conclusion");
    let without = write(
        &dir,
        "panel.dcs",
        &text
            .lines()
            .filter(|line| !line.starts_with("review cabinet_test"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let unknown = json(&dcsc(&[
        "verify",
        "--as-at",
        "2034-06-30",
        "--format",
        "json",
        &without,
    ]));
    let undecided = verdict(&unknown, "review.on_change");
    assert_eq!(undecided["verdict"], "unknown");
    assert_eq!(undecided["missing"][0]["kind"], "review_outcome");
    let cited = event_facts(undecided);
    let [panel] = cited.as_slice() else {
        panic!("one review cited: {undecided:#}");
    };
    assert_eq!(panel["outcome"], "unknown");
    assert_eq!(panel["by_inferred"], true);
    let statement = panel["statement"].as_str().unwrap();
    assert!(
        statement.contains("by Children's Scrutiny Panel (inferred), no conclusion recorded"),
        "{statement}"
    );
    // The committee report's timeline says the same.
    let report = dcsc(&["report", "--as-at", "2034-06-30", "--format", "markdown", NOT_QUOTED]);
    let report = String::from_utf8_lossy(&report.stdout).into_owned();
    assert!(report.contains("Children's Scrutiny Panel (inferred)"), "{report}");
    assert!(report.contains("No conclusion recorded."), "{report}");
    assert!(
        report.contains("Concluded; the conclusion is recorded but not quoted."),
        "{report}"
    );
}
