//! What a verdict rests on, in plain sight (issue 18): the design cases of
//! `tests/fixtures/evidence/` pass as `dcs test` items, and each output
//! says, as data, where the papers end, what the papers last showed past
//! their end, and which facts are inferred.

use serde_json::Value;

use crate::support::{dcsc, json, scratch, text, write};

const CASES: &str = "tests/fixtures/evidence";
const PAST_THE_PAPERS: &str = "tests/fixtures/evidence/21_facts_past_papers_end.dcs";
const INFERRED: &str = "tests/fixtures/evidence/25_inferred_dropped.dcs";

/// The verdict on `duty` in a `verify --format json` run.
fn verdict<'a>(output: &'a Value, duty: &str) -> &'a Value {
    output["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|verdict| verdict["duty"] == duty)
        .unwrap_or_else(|| panic!("no verdict on {duty}"))
}

#[test]
fn the_design_cases_pass_as_policy_tests() {
    let output = dcsc(&["test", CASES]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}

#[test]
fn past_the_papers_a_verdict_names_their_end_and_what_they_last_showed() {
    let output = json(&dcsc(&[
        "verify",
        PAST_THE_PAPERS,
        "--as-at",
        "2038-06-30",
        "--format",
        "json",
    ]));
    let appointed = verdict(&output, "dcs.appointed");
    assert_eq!(appointed["verdict"], "unknown");
    assert_eq!(appointed["reason"], "past_papers_end");
    assert_eq!(appointed["missing"][0]["kind"], "since_papers");
    assert_eq!(appointed["missing"][0]["end"], "2031-10-31");
    assert_eq!(appointed["missing"][0]["papers_end"], "stated");
    let last = &appointed["on_the_papers"];
    assert_eq!(last["as_at"], "2031-10-31");
    assert_eq!(last["verdict"], "pass");
    assert_eq!(last["reason"], "met");
    // The evidence the papers last gave is still shown, as evidence of
    // then.
    assert_eq!(appointed["facts"][0]["kind"], "holds");
    // What the law settles for whoever holds the role is not in doubt.
    let restricted = verdict(&output, "dcs.politically_restricted");
    assert_eq!(restricted["verdict"], "pass");
    assert!(restricted["on_the_papers"].is_null());
    assert!(restricted["notes"][0].as_str().unwrap().contains("31 October 2031"));
    // A permission, which asks nothing, never needs action past them.
    let permission = verdict(&output, "dcs.may_hold_dass");
    assert_eq!(permission["permission"], "not_shown");
    assert_eq!(permission["needs_action"], false);
}

#[test]
fn at_the_end_of_the_papers_nothing_is_past_them() {
    let output = json(&dcsc(&[
        "verify",
        PAST_THE_PAPERS,
        "--as-at",
        "2031-10-31",
        "--format",
        "json",
    ]));
    for verdict in output["verdicts"].as_array().unwrap() {
        assert_ne!(verdict["reason"], "past_papers_end", "{}", verdict["duty"]);
        assert!(verdict["on_the_papers"].is_null());
    }
}

#[test]
fn a_verdict_resting_on_an_inferred_fact_says_so_in_every_field() {
    let output = json(&dcsc(&[
        "verify",
        INFERRED,
        "--as-at",
        "2034-06-30",
        "--format",
        "json",
    ]));
    let report_to = verdict(&output, "dcs.report_to_chief_executive");
    assert_eq!(report_to["inferred"], true);
    assert!(report_to["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|fact| fact["kind"] == "relation" && fact["basis"] == "inferred"));
    assert!(report_to["explanation"]
        .as_str()
        .unwrap()
        .starts_with("Met, on an inferred fact: "));
    let appointed = verdict(&output, "dcs.appointed");
    assert_eq!(appointed["inferred"], false);
    assert!(appointed["explanation"].as_str().unwrap().starts_with("Met: "));
}

#[test]
fn with_no_date_a_council_is_verified_as_at_the_end_of_its_papers_and_says_so() {
    let human = dcsc(&["verify", PAST_THE_PAPERS]);
    assert!(
        text(&human).contains("\nas at 31 October 2031 (the end of its papers, as the arrangements state)\n"),
        "{}",
        text(&human)
    );
    let output = json(&dcsc(&["verify", PAST_THE_PAPERS, "--format", "json"]));
    assert_eq!(output["as_at"], "2031-10-31");
    assert_eq!(output["as_at_basis"], "papers_end");
    assert_eq!(output["papers_end"]["date"], "2031-10-31");
    assert_eq!(output["papers_end"]["kind"], "stated");
    // A date given is said to be given, and one past the papers says so.
    let given = json(&dcsc(&[
        "verify",
        PAST_THE_PAPERS,
        "--as-at",
        "2038-06-30",
        "--format",
        "json",
    ]));
    assert_eq!(given["as_at_basis"], "given");
    let past = dcsc(&[
        "report",
        PAST_THE_PAPERS,
        "--as-at",
        "2038-06-30",
        "--format",
        "markdown",
    ]);
    assert!(text(&past).contains(
        "- **As at:** 30 June 2038, after its papers end on 31 October 2031 (as the arrangements state): nothing after them is at hand\n"
    ));
    // `today` is a date one can ask for.
    let today = json(&dcsc(&[
        "verify",
        PAST_THE_PAPERS,
        "--as-at",
        "today",
        "--format",
        "json",
    ]));
    assert_eq!(today["as_at"], dcsc::date::Day::today().to_string());
}

#[test]
fn every_format_names_the_date_and_the_papers_end() {
    let sarif = json(&dcsc(&["verify", PAST_THE_PAPERS, "--format", "sarif"]));
    let properties = &sarif["runs"][0]["properties"];
    assert_eq!(properties["asAt"], "2031-10-31");
    assert_eq!(properties["asAtBasis"], "papers_end");
    assert_eq!(properties["papersEnd"], "2031-10-31");
    assert_eq!(sarif["runs"][0]["results"][0]["properties"]["papersEnd"], "2031-10-31");
    let junit = text(&dcsc(&["verify", PAST_THE_PAPERS, "--format", "junit"]));
    assert!(
        junit.contains("<property name=\"papers_end\" value=\"2031-10-31\"/>"),
        "{junit}"
    );
    let chart = text(&dcsc(&["graph", PAST_THE_PAPERS, "--format", "dot"]));
    assert!(
        chart.contains("Governance chart: Test Council, as at 31 October 2031 (the end of its papers"),
        "{chart}"
    );
    let summary = text(&dcsc(&["verify", CASES, "--summary"]));
    assert!(
        summary.contains(" councils verified, each as at the end of its papers\n"),
        "{summary}"
    );
    assert!(summary.contains("Test Council  2031-10-31  2031-10-31"), "{summary}");
}

#[test]
fn where_the_guidances_words_are_not_at_hand_every_output_says_so() {
    const EDITION_2012: &str = "tests/fixtures/evidence/40_edition_text_not_at_hand.dcs";
    let arguments = ["verify", EDITION_2012, "--as-at", "2012-09-30"];
    let output = json(&dcsc(&[&arguments[..], &["--format", "json"]].concat()));
    let words = &output["guidance_words"];
    // The law beside the 2012 edition gives its own words; the edition's
    // own duties rest on paraphrases.
    assert_eq!(words["cited"]["verbatim"], 6);
    assert_eq!(words["cited"]["paraphrased"], 3);
    assert_eq!(words["cited"]["not_at_hand"], 1);
    assert_eq!(words["recorded"]["not_at_hand"], 4);
    let human = text(&dcsc(&arguments));
    assert!(
        human.contains("Of the 10 paragraphs these duties cite, the guidance's own words are at hand for 6;"),
        "{human}"
    );
    let report = text(&dcsc(&[
        "report",
        EDITION_2012,
        "--as-at",
        "2012-09-30",
        "--format",
        "markdown",
    ]));
    assert!(
        report.contains("Of the 17 paragraphs of the guidance recorded as in force, 4 have words not at hand"),
        "{report}"
    );
    let sarif = json(&dcsc(&[&arguments[..], &["--format", "sarif"]].concat()));
    assert_eq!(
        sarif["runs"][0]["properties"]["guidanceWords"]["recorded"]["notAtHand"],
        4
    );
}

#[test]
fn a_chart_is_the_state_as_at_its_date_and_says_so() {
    const CHART: &str = "tests/fixtures/evidence/37_chart_as_at.dcs";
    for (as_at, drawn, gone, date) in [
        (
            "2032-06-30",
            "Director of Learning and Care",
            "Director of Family Services",
            "30 June 2032",
        ),
        (
            "2035-06-30",
            "Director of Family Services",
            "Director of Learning and Care",
            "30 June 2035",
        ),
    ] {
        for format in ["dot", "mermaid", "svg"] {
            let chart = text(&dcsc(&["graph", CHART, "--as-at", as_at, "--format", format]));
            assert!(chart.contains(drawn), "{format} as at {as_at}:\n{chart}");
            assert!(!chart.contains(gone), "{format} as at {as_at}:\n{chart}");
            assert!(
                chart.contains(&format!("as at {date}")),
                "{format} as at {as_at}:\n{chart}"
            );
        }
    }
    // An inferred reporting line is marked on the chart.
    let inferred = text(&dcsc(&["graph", INFERRED, "--format", "dot"]));
    assert!(
        inferred.contains("n0 -> n1 [arrowhead=none, label=\"(inferred)\", style=dotted];"),
        "{inferred}"
    );
}

#[test]
fn coverage_counts_no_paragraph_whose_words_are_not_at_hand_and_can_fail_ci() {
    let output = json(&dcsc(&["coverage", "--format", "json"]));
    let definition = output["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|paragraph| paragraph["paragraph"] == "lgha_1989.s2.6")
        .unwrap();
    // Cited by a statutory duty, but its words are not at hand.
    assert_eq!(definition["status"], "not_at_hand");
    assert!(!definition["duties"].as_array().unwrap().is_empty());
    assert_eq!(dcsc(&["coverage", "--fail-under", "86.2"]).status.code(), Some(0));
    let under = dcsc(&["coverage", "--fail-under", "86.3"]);
    assert_eq!(under.status.code(), Some(1));
    assert!(text(&under).contains("is under the 86.3% asked for by --fail-under"));
}

/// A small guidance whose true count is known: a paragraph counts as
/// encoded only where every sentence of it that asks something is encoded;
/// one cited for its context only is not; the sentences encoded and not are
/// listed; a sentence a citation names is checked against the paragraph.
#[test]
fn coverage_counts_paragraphs_by_the_sentences_encoded() {
    let output = json(&dcsc(&[
        "coverage",
        "tests/fixtures/coverage/by_sentence.dcs",
        "--format",
        "json",
    ]));
    assert_eq!(output["schema_version"], 4);
    assert_eq!(
        (output["encoded"].as_u64(), output["percent"].as_str()),
        (Some(2), Some("50.0"))
    );
    assert_eq!(output["partly_encoded"], serde_json::json!(["2"]));
    assert_eq!(output["unencoded"], serde_json::json!(["3"]));
    assert_eq!(
        (output["descriptive"].as_u64(), output["not_at_hand"].as_u64()),
        (Some(1), Some(1))
    );
    let paragraph = |key: &str| {
        output["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|paragraph| paragraph["paragraph"] == key)
            .unwrap()
            .clone()
    };
    let part = paragraph("2");
    assert_eq!(part["status"], "partly_encoded");
    assert_eq!(part["sentences"], 3);
    // Sentence 3 asks nothing (`descriptive 3`): in neither list.
    assert_eq!(part["encoded_sentences"], serde_json::json!([1]));
    assert_eq!(part["unencoded_sentences"], serde_json::json!([2]));
    let context = paragraph("3");
    assert_eq!(context["status"], "not_encoded");
    assert_eq!(context["duties"], serde_json::json!([]));
    assert_eq!(
        context["context"],
        serde_json::json!(["dcs.appointed", "dcs.first_tier"])
    );
    // Two duties encode a sentence each: together, the whole paragraph.
    assert_eq!(paragraph("1")["status"], "encoded");
    assert_eq!(paragraph("4")["status"], "encoded");
    assert_eq!(
        dcsc(&[
            "coverage",
            "tests/fixtures/coverage/by_sentence.dcs",
            "--fail-under",
            "50.1"
        ])
        .status
        .code(),
        Some(1)
    );
    // `explain` numbers the sentences and says who encodes which.
    let explain = |key: &str| {
        text(&dcsc(&[
            "explain",
            key,
            "--policy",
            "tests/fixtures/coverage/by_sentence.dcs",
        ]))
    };
    let two = explain("2");
    assert!(
        two.contains("  2. The DCS should report to the Chief Executive."),
        "{two}"
    );
    assert!(two.contains("encoded by: dcs.first_tier (sentence 1)"), "{two}");
    let three = explain("3");
    assert!(
        three.contains("cited for its context by: dcs.appointed, dcs.first_tier"),
        "{three}"
    );
}

/// Only `cites` says which sentences it encodes: a selection after any
/// other field's value is refused, pointing at it.
#[test]
fn a_selection_after_another_field_is_refused() {
    let dir = scratch("selection");
    let policy = std::fs::read_to_string("tests/fixtures/coverage/by_sentence.dcs")
        .unwrap()
        .replace(
            "duty dcs.appointed {",
            "duty dcs.appointed {\n  title \"The DCS\" (context)",
        );
    let path = write(&dir, "policy.dcs", policy.as_bytes());
    let output = dcsc(&["check", &path]);
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output);
    assert!(said.contains("E0139") && said.contains(":55:19"), "{said}");
}

/// `diff` across the end of the papers blames neither the law nor the
/// council: a verdict that becomes unknown only because the later date is
/// past the papers' end says so, as data, and never "time passed".
#[test]
fn diff_across_the_papers_end_names_it_as_the_cause() {
    let arguments = [
        "diff",
        "policies/tests/model_council.dcs",
        "--from",
        "2023-12-01",
        "--to",
        "2024-01-01",
    ];
    let output = json(&dcsc(&[&arguments[..], &["--format", "json"]].concat()));
    let changes = output["changes"].as_array().unwrap();
    let appointed = changes.iter().find(|change| change["duty"] == "dcs.appointed").unwrap();
    assert_eq!(appointed["because"], "papers_end", "{appointed}");
    assert_eq!(appointed["papers_end"], "2023-12-31", "{appointed}");
    assert_eq!(appointed["facts"], serde_json::json!([]));
    // A duty that came into force between the dates names the instrument,
    // and the papers' end beside it.
    let delegated = changes
        .iter()
        .find(|change| change["duty"] == "safeguarding.delegated_partner")
        .unwrap();
    assert_eq!(delegated["because"], "guidance", "{delegated}");
    assert_eq!(delegated["instruments"][0]["id"], "wt_2023", "{delegated}");
    assert_eq!(delegated["papers_end"], "2023-12-31", "{delegated}");
    // Within the papers nothing is blamed on their end.
    let within = json(&dcsc(&[
        "diff",
        "policies/tests/model_council.dcs",
        "--from",
        "2013-01-01",
        "--to",
        "2014-01-01",
        "--format",
        "json",
    ]));
    for change in within["changes"].as_array().unwrap() {
        assert_eq!(change["papers_end"], Value::Null, "{change}");
        assert_ne!(change["because"], "papers_end", "{change}");
    }
    let human = text(&dcsc(&arguments));
    assert!(
        human.contains("why:    the papers end on 31 December 2023, and nothing after is at hand"),
        "{human}"
    );
    assert!(!human.contains("time passed"), "{human}");
}
