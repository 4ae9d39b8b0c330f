//! When the guidance is revised: editions in force by date (2012, 2013),
//! amendments in force by date and area (the Children and Social Work Act
//! 2017, the Health and Care Act 2022), answers and departures given
//! against words since replaced, and `dcsc diff`. The matrix snapshot is
//! what a reviewer reads when a revision is encoded: each council under
//! each edition and amendment, at dates either side of each change.

use std::fmt::Write as _;
use std::path::Path;

use dcsc::eval::{Missing, Reason, VerdictKind};
use dcsc::Workspace;

use crate::support::{day, dcsc, find, stdout, verdict, verify};

const NORTHUMBERLAND: [&str; 2] = [
    "examples/northumberland/arrangements.dcs",
    "examples/northumberland/local_policy.dcs",
];
const PARTNERS: [&str; 2] = [
    "tests/fixtures/revisions/partners_council.dcs",
    "tests/fixtures/revisions/partners_practice.dcs",
];

#[test]
fn a_2012_council_verifies_against_the_2012_edition() {
    let (workspace, in_2012) = verify(&["tests/fixtures/revisions/council_2012.dcs"], "2012-09-30");
    assert_eq!(in_2012.policy.base().unwrap().key, "dfe_2012");
    assert!(
        workspace.diagnostics.is_empty(),
        "{}",
        workspace.render_diagnostics(false)
    );
    assert_eq!(verdict(&in_2012, "dcs.appointed").kind(), VerdictKind::Pass);
    // Its combination of the DCS with the DASS in May 2012 was followed by
    // the assurance process the 2012 edition advised.
    assert_eq!(
        verdict(&in_2012, "additional_functions.dcs_local_test").kind(),
        VerdictKind::Pass
    );
    // The 2013 edition's own questions are not asked of it in 2012.
    assert!(find(&in_2012, "local_assurance.enable.a").is_none());
    // As at 2014 the 2013 edition is in force: it is verified against it,
    // and told that it answers to another edition.
    let (workspace, in_2014) = verify(&["tests/fixtures/revisions/council_2012.dcs"], "2014-06-30");
    assert_eq!(in_2014.policy.base().unwrap().key, "dfe_2013");
    assert!(
        workspace
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.code.as_str() == "W0012"),
        "{}",
        workspace.render_diagnostics(false)
    );
    assert!(find(&in_2014, "local_assurance.enable.a").is_some());
}

#[test]
fn northumberland_gets_the_lscb_duty_then_the_safeguarding_partners_duty() {
    let (_, before) = verify(&NORTHUMBERLAND, "2018-01-01");
    assert!(
        find(&before, "council.lscb").is_some(),
        "the LSCB duty applies in January 2018"
    );
    assert!(find(&before, "council.safeguarding_partners").is_none());
    // During the transition (29 June 2018 to 29 September 2019) the papers
    // do not say when Northumberland moved: whether the LSCB duty still
    // applied is unknown, and the verdict asks for the date; the
    // partnership it had by then meets the partners' duty either way.
    let (_, during) = verify(&NORTHUMBERLAND, "2019-01-01");
    let lscb = verdict(&during, "council.lscb");
    assert_eq!(lscb.kind(), VerdictKind::Unknown);
    assert!(
        lscb.missing
            .iter()
            .any(|missing| matches!(missing, Missing::Commencement { .. })),
        "{:?}",
        lscb.missing
    );
    let partners = verdict(&during, "council.safeguarding_partners");
    assert_eq!(partners.kind(), VerdictKind::Pass);
    assert!(partners
        .notes
        .iter()
        .any(|note| matches!(note, dcsc::eval::Note::MetWhetherOrNotItApplies { .. })));
    let (_, after) = verify(&NORTHUMBERLAND, "2020-01-01");
    assert!(
        find(&after, "council.lscb").is_none(),
        "repealed for every area by September 2019"
    );
    assert_eq!(
        verdict(&after, "council.safeguarding_partners").kind(),
        VerdictKind::Pass,
        "Northumberland's Strategic Safeguarding Partnership"
    );
}

#[test]
fn an_area_that_moved_early_takes_the_amendment_from_its_own_date() {
    let files = ["tests/fixtures/revisions/early_mover.dcs"];
    let (_, before) = verify(&files, "2018-06-30");
    assert_eq!(verdict(&before, "council.lscb").kind(), VerdictKind::Pass);
    assert!(find(&before, "council.safeguarding_partners").is_none());
    // From 1 November 2018, before the national deadline.
    let (_, after) = verify(&files, "2018-12-31");
    assert!(find(&after, "council.lscb").is_none());
    assert_eq!(
        verdict(&after, "council.safeguarding_partners").kind(),
        VerdictKind::Pass
    );
    // Another council, as at the same day, that does not say when it
    // moved may or may not still have had its LSCB: unknown, not assumed.
    let (_, national) = verify(&["tests/fixtures/revisions/council_2012.dcs"], "2018-12-31");
    assert_eq!(verdict(&national, "council.lscb").kind(), VerdictKind::Unknown);
    // Before the first areas moved, every council had the LSCB duty.
    let (_, first) = verify(&["tests/fixtures/revisions/council_2012.dcs"], "2018-06-28");
    assert!(!verdict(&first, "council.lscb")
        .missing
        .iter()
        .any(|missing| matches!(missing, Missing::Commencement { .. })));
    assert!(find(&first, "council.safeguarding_partners").is_none());
}

#[test]
fn a_commencement_known_only_to_a_year_is_unknown_within_it() {
    let files = ["tests/fixtures/revisions/moved_in_2019.dcs"];
    let (_, during) = verify(&files, "2019-06-30");
    for duty in ["council.lscb", "council.safeguarding_partners"] {
        let found = verdict(&during, duty);
        assert_eq!(found.kind(), VerdictKind::Unknown, "{duty}");
        assert!(
            found
                .missing
                .iter()
                .any(|missing| matches!(missing, Missing::Commencement { .. })),
            "{duty}: {:?}",
            found.missing
        );
    }
    let (_, after) = verify(&files, "2020-06-30");
    assert!(find(&after, "council.lscb").is_none());
    assert!(find(&after, "council.safeguarding_partners").is_some());
}

#[test]
fn the_words_in_force_change_with_the_health_and_care_act() {
    let files = ["tests/fixtures/revisions/early_mover.dcs"];
    let cited = |as_at: &str| {
        let (workspace, verified) = verify(&files, as_at);
        let assessments = verified.assessments(&workspace.sources);
        let duty = verified
            .policy
            .duty(verdict(&verified, "council.safeguarding_partners").duty)
            .unwrap();
        assessments[0]
            .citations(duty)
            .iter()
            .filter_map(|paragraph| paragraph.text.clone())
            .collect::<Vec<String>>()
            .join(" ")
    };
    assert!(cited("2021-06-30").contains("a clinical commissioning group"));
    assert!(cited("2022-07-01").contains("an integrated care board"));
    // `explain` shows the words in force at a date, and their history.
    let before = stdout(&dcsc(&[
        "explain",
        "safeguarding.partners.defined",
        "--as-at",
        "2021-06-30",
    ]));
    let words_then = before.split("history:").next().unwrap();
    assert!(words_then.contains("clinical commissioning group"), "{before}");
    assert!(before.contains("words of hca_2022"), "{before}");
    let after = stdout(&dcsc(&[
        "explain",
        "safeguarding.partners.defined",
        "--as-at",
        "2023-01-01",
    ]));
    assert!(
        after
            .split("history:")
            .next()
            .unwrap()
            .contains("integrated care board"),
        "{after}"
    );
    let repealed = stdout(&dcsc(&["explain", "statute.lscb", "--as-at", "2020-01-01"]));
    assert!(repealed.contains("is repealed"), "{repealed}");
}

#[test]
fn answers_and_departures_given_against_replaced_words_need_a_fresh_look() {
    let (workspace, before) = verify(&PARTNERS, "2021-06-30");
    assert_eq!(verdict(&before, "partners.who_they_are").kind(), VerdictKind::Answered);
    assert_eq!(
        verdict(&before, "partners.annual_review").kind(),
        VerdictKind::Departure
    );
    // The local policy cites words an amendment changes: a warning at
    // check, for each of its duties.
    let pinned = workspace
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code.as_str() == "W0013")
        .count();
    assert_eq!(pinned, 2, "{}", workspace.render_diagnostics(false));
    let (workspace, after) = verify(&PARTNERS, "2023-06-30");
    let answer = verdict(&after, "partners.who_they_are");
    assert_eq!(answer.kind(), VerdictKind::Stale);
    assert!(
        matches!(answer.reason, Reason::AnswerToReplacedWords { .. }),
        "{:?}",
        answer.reason
    );
    let departure = verdict(&after, "partners.annual_review");
    assert_eq!(departure.kind(), VerdictKind::Stale);
    assert!(
        matches!(departure.reason, Reason::DepartureFromReplacedWords { .. }),
        "{:?}",
        departure.reason
    );
    let assessments = after.assessments(&workspace.sources);
    let words = assessments[0].wording().reason(answer);
    assert!(
        words.contains("March 2020") && words.contains("Health and Care Act 2022"),
        "{words}"
    );
}

#[test]
fn diff_across_the_2017_change_shows_the_duty_replaced() {
    let output = dcsc(&[
        "diff",
        NORTHUMBERLAND[0],
        NORTHUMBERLAND[1],
        "--from",
        "2018-01-01",
        "--to",
        "2020-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["schema_version"], 2);
    let changes = json["changes"].as_array().unwrap();
    let change = |duty: &str| {
        changes
            .iter()
            .find(|change| change["duty"] == duty)
            .unwrap_or_else(|| panic!("no change for {duty}"))
    };
    // The board's duty was repealed for the council: the law changed,
    // whatever the council's papers also say of the board.
    let lscb = change("council.lscb");
    assert!(lscb["after"].is_null() && lscb["before"]["verdict"].is_string());
    assert_eq!(lscb["because"], "guidance");
    assert_eq!(lscb["instruments"][0]["id"], "csw_2017");
    let partners = change("council.safeguarding_partners");
    assert!(partners["before"].is_null());
    assert_eq!(partners["after"]["verdict"], "pass");
    assert!(partners["after"]["explanation"]
        .as_str()
        .unwrap()
        .contains("Safeguarding Partnership"));
    let duties = json["guidance"]["duties"].as_array().unwrap();
    assert!(duties
        .iter()
        .any(|duty| duty["duty"] == "council.lscb" && duty["change"] == "repealed"));
    assert!(duties
        .iter()
        .any(|duty| duty["duty"] == "council.safeguarding_partners" && duty["change"] == "added"));
    json_snapshot!("diff_northumberland_2018_2020", json);
    let markdown = dcsc(&[
        "diff",
        NORTHUMBERLAND[0],
        NORTHUMBERLAND[1],
        "--from",
        "2018-01-01",
        "--to",
        "2020-01-01",
        "--format",
        "markdown",
    ]);
    snapshot!("diff_northumberland_2018_2020_markdown", stdout(&markdown));
}

#[test]
fn a_policy_diffed_against_itself_changes_nothing() {
    let output = dcsc(&[
        "diff",
        "examples/coventry.dcs",
        "--from-policy",
        "policies/dfe_2013.dcs",
        "--to-policy",
        "policies/dfe_2013.dcs",
        "--as-at",
        "2017-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["changes"], serde_json::json!([]));
    assert_eq!(json["guidance"]["paragraphs"], serde_json::json!([]));
    assert_eq!(json["guidance"]["duties"], serde_json::json!([]));
}

#[test]
fn a_draft_amendment_diffed_against_the_guidance_in_force() {
    // The Health and Care Act 2022 given as a draft on the later side only,
    // as a legal team would before it takes effect: the words of the
    // definition change, and the one verdict that changes is the duty it
    // adds (no clinical commissioning group named as a partner).
    let output = dcsc(&[
        "diff",
        "tests/fixtures/revisions/early_mover.dcs",
        "--from-policy",
        "policies/dfe_2013.dcs",
        "--from-policy",
        "policies/csw_2017.dcs",
        "--to-policy",
        "policies/dfe_2013.dcs",
        "--to-policy",
        "policies/csw_2017.dcs",
        "--to-policy",
        "policies/hca_2022.dcs",
        "--as-at",
        "2023-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let changed: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["duty"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["council.health_partner"]);
    let paragraphs = json["guidance"]["paragraphs"].as_array().unwrap();
    let keys: Vec<&str> = paragraphs
        .iter()
        .map(|paragraph| paragraph["paragraph"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["safeguarding.partners.defined", "safeguarding.ccg_abolished"]);
    let diff = paragraphs[0]["diff"].as_array().unwrap();
    let side = |wanted: &str| -> String {
        diff.iter()
            .filter(|piece| piece["op"] == wanted || piece["op"] == "same")
            .map(|piece| piece["text"].as_str().unwrap())
            .collect()
    };
    assert!(side("added").contains("an integrated care board"), "{}", side("added"));
    assert!(
        side("removed").contains("a clinical commissioning group"),
        "{}",
        side("removed")
    );
}

#[test]
fn diff_needs_two_sides() {
    for args in [
        vec!["diff", "examples/coventry.dcs"],
        vec!["diff", "examples/coventry.dcs", "--from", "2016-06-30"],
        vec![
            "diff",
            "examples/coventry.dcs",
            "--from",
            "2016-06-30",
            "--to",
            "2017-06-30",
            "--to-policy",
            "policies/dfe_2013.dcs",
        ],
    ] {
        let output = dcsc(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let shown = format!("{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
        assert!(shown.contains(&format!("[{}]", "E0305")), "{args:?}: {shown}");
    }
}

/// Each council, at dates either side of each change of the guidance: the
/// guidance in force, and the verdicts of the duties the changes touch.
#[test]
fn the_matrix_of_councils_editions_and_dates() {
    let councils: [(&str, &[&str]); 5] = [
        ("coventry", &["examples/coventry.dcs"]),
        ("northumberland", &NORTHUMBERLAND),
        (
            "barnet",
            &["examples/barnet/arrangements.dcs", "examples/barnet/framework.dcs"],
        ),
        ("shire_2012", &["tests/fixtures/revisions/council_2012.dcs"]),
        ("early_mover", &["tests/fixtures/revisions/early_mover.dcs"]),
    ];
    let dates = [
        "2012-09-30",
        "2013-06-30",
        "2018-06-30",
        "2018-12-31",
        "2019-09-28",
        "2019-09-29",
        "2022-06-30",
        "2022-07-01",
    ];
    let watched = [
        "dcs.appointed",
        "council.lscb",
        "council.safeguarding_partners",
        "barnet.safeguarding.lscb",
    ];
    let mut table = String::new();
    for (name, files) in councils {
        for date in dates {
            let mut workspace = Workspace::new();
            for file in files {
                workspace.add_path(Path::new(file));
            }
            let Some(verified) = workspace.verify(day(date)) else {
                writeln!(table, "{name} {date}: does not check").unwrap();
                continue;
            };
            let assessments = verified.assessments(&workspace.sources);
            let assessment = &assessments[0];
            let mut editions: Vec<String> = verified
                .policy
                .base()
                .map(|base| base.key.clone())
                .into_iter()
                .collect();
            // A local policy before its adoption is not in force for the
            // council; the law beside the guidance is, by its own dates.
            editions.extend(
                assessment
                    .local_policies()
                    .iter()
                    .filter(|(_, holding)| holding.possible())
                    .map(|(edition, _)| edition.key.clone()),
            );
            editions.extend(assessment.amendments().iter().map(|(edition, _)| edition.key.clone()));
            editions.extend(assessment.beside().iter().map(|(edition, _)| edition.key.clone()));
            let watched_verdicts: Vec<String> = watched
                .iter()
                .filter_map(|duty| find(&verified, duty).map(|found| format!("{duty} {}", found.kind().name())))
                .collect();
            writeln!(
                table,
                "{name} {date} {}: {} verdicts, {} need action; {}",
                editions.join("+"),
                assessment.verdicts.len(),
                assessment.needing_action(),
                watched_verdicts.join(", ")
            )
            .unwrap();
        }
    }
    snapshot!("matrix", table);
}

#[test]
fn first_in_force_needs_by_area_and_must_come_before_in_force() {
    let amendment = |fields: &str| {
        format!(
            "amendment late amends dfe_2013 {{\n  title \"A late amendment\"\n  instrument \"An Act\"\n  force statute\n  in_force 2019-09-29\n{fields}}}\n"
        )
    };
    for (fields, says) in [
        ("  first_in_force 2018-06-29\n", "it needs `by_area yes`"),
        (
            "  by_area yes\n  first_in_force 2019-09-29\n",
            "must come before `in_force`",
        ),
    ] {
        let mut workspace = Workspace::new();
        workspace.add_text("late.dcs", &amendment(fields));
        workspace.check();
        let rendered = workspace.render_diagnostics(false);
        assert!(
            workspace
                .diagnostics
                .iter()
                .any(|diagnostic| diagnostic.code.as_str() == "E0116"),
            "{rendered}"
        );
        assert!(rendered.contains(says), "{rendered}");
        assert!(rendered.contains("first_in_force 20"), "{rendered}");
    }
    let mut workspace = Workspace::new();
    workspace.add_text("late.dcs", &amendment("  by_area yes\n  first_in_force 2018-06-29\n"));
    workspace.check();
    assert!(
        !workspace
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.code.as_str() == "E0116"),
        "{}",
        workspace.render_diagnostics(false)
    );
}

#[test]
fn an_answer_to_an_older_editions_question_counts_under_that_edition_and_is_left_out_after() {
    let text = "arrangements spanning {\n  council \"Spanning Council\"\n  answers_to dfe_2012, dfe_2013\n  known_until 2014-01-01\n}\n\npost director {\n  title \"Director of Children's Services\"\n  holds DCS\n}\n\nanswer integrated_brief {\n  given 2012-06\n  by \"Cabinet\"\n  text \"Both briefs are integrated.\"\n}\n";
    // Checked without a date (against the latest edition): no error, no
    // warning, since the council answers to the 2012 edition too.
    let mut workspace = Workspace::new();
    workspace.add_text("spanning.dcs", text);
    workspace.check();
    assert!(
        workspace.diagnostics.is_empty(),
        "{}",
        workspace.render_diagnostics(false)
    );
    let verified_at = |as_at: &str| {
        let mut workspace = Workspace::new();
        workspace.add_text("spanning.dcs", text);
        let verified = workspace
            .verify(day(as_at))
            .unwrap_or_else(|| panic!("{}", workspace.render_diagnostics(false)));
        (workspace, verified)
    };
    let (_, in_2012) = verified_at("2012-08-01");
    assert_eq!(verdict(&in_2012, "integrated_brief").kind(), VerdictKind::Answered);
    let (workspace, in_2014) = verified_at("2014-01-01");
    assert!(find(&in_2014, "integrated_brief").is_none());
    assert!(
        !workspace
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.code.as_str() == "W0016"),
        "{}",
        workspace.render_diagnostics(false)
    );
}

/// The Children's Wellbeing and Schools Act 2026, section 2: enacted on 29
/// April 2026 and commencing by regulations none of which is at hand. As at
/// a date after Royal Assent it is enacted and not in force, and says so;
/// its duty is not asked. A draft that gives the day in force, in one line,
/// brings it in.
#[test]
fn the_2026_act_is_enacted_not_in_force_until_a_day_is_given() {
    let version = stdout(&dcsc(&["--version"]));
    assert!(
        version.contains("enacted 29 April 2026, not yet in force (no commencement is at hand), amending csw_2017"),
        "{version}"
    );
    let before = stdout(&dcsc(&["verify", "examples/coventry.dcs", "--as-at", "2026-04-28"]));
    assert!(!before.contains("enacted, not yet in force"), "{before}");
    let after = stdout(&dcsc(&["verify", "examples/coventry.dcs", "--as-at", "2026-06-01"]));
    assert!(after.contains("enacted, not yet in force: cwsa_2026"), "{after}");
    let json = crate::support::json(&dcsc(&[
        "verify",
        "examples/coventry.dcs",
        "--as-at",
        "2026-06-01",
        "--format",
        "json",
    ]));
    assert_eq!(
        json["guidance"]["enacted_not_in_force"],
        serde_json::json!(["cwsa_2026"])
    );
    let explained = stdout(&dcsc(&["explain", "safeguarding.education_agencies"]));
    assert!(
        explained.contains("in force: not yet; enacted 29 April 2026, and no day in force is at hand"),
        "{explained}"
    );
    assert!(find(
        &verify(&["examples/coventry.dcs"], "2026-06-01").1,
        "safeguarding.education_agencies"
    )
    .is_none());

    // The day appointed, in one line (with its instrument): a draft given on
    // the command line in place of the embedded file.
    let shipped = std::fs::read_to_string("policies/cwsa_2026.dcs").unwrap();
    let header_end = shipped.find("  commencement_not_at_hand").unwrap();
    let line_end = header_end + shipped[header_end..].find('\n').unwrap();
    let draft_text = format!(
        "{}  in_force 2027-01-01\n  commencement \"A draft: the regulations appointing the day\"{}",
        &shipped[..header_end],
        &shipped[line_end..]
    );
    let dir = crate::support::scratch("revisions-cwsa-draft");
    let draft = crate::support::write(&dir, "cwsa_2026.dcs", &draft_text);
    let commenced = stdout(&dcsc(&[
        "verify",
        "examples/coventry.dcs",
        "--policy",
        &draft,
        "--as-at",
        "2027-02-01",
    ]));
    assert!(!commenced.contains("enacted, not yet in force"), "{commenced}");
    assert!(commenced.contains("as amended by cwsa_2026"), "{commenced}");
    assert!(
        commenced.contains("The safeguarding arrangements include the designated childcare and education agencies"),
        "{commenced}"
    );
}

/// Cases 33 and 39 of the design notes (tests/fixtures/law/): an interim
/// holder of the same post is no change of the DCS's responsibilities; the
/// law beside the guidance applies on both sides of the 2013 edition, so
/// `diff` across April 2013 does not list its duties.
#[test]
fn the_law_cases_give_their_expected_verdicts() {
    let output = dcsc(&["test", "tests/fixtures/law"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let diff = crate::support::json(&dcsc(&[
        "diff",
        "tests/fixtures/law/39_diff_edition_misattributes.dcs",
        "--from",
        "2013-01-31",
        "--to",
        "2013-06-30",
        "--format",
        "json",
    ]));
    let changed: Vec<&str> = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["duty"].as_str().unwrap())
        .collect();
    for law in ["dcs.politically_restricted", "dcs.not_elected_member", "council.lscb"] {
        assert!(!changed.contains(&law), "{law} in {changed:?}");
    }
}

/// Every `dcsc` command of docs/revising-guidance.md's shell blocks runs
/// as written (an `-o` file written into a scratch folder instead), and
/// none is refused: the walkthrough a legal team follows works.
#[test]
fn the_revising_guidance_walkthrough_runs_as_written() {
    let guide = std::fs::read_to_string("docs/revising-guidance.md").unwrap();
    let mut commands: Vec<String> = Vec::new();
    let mut in_shell = false;
    let mut pending = String::new();
    for line in guide.lines() {
        match line.trim() {
            "```sh" => in_shell = true,
            "```" => in_shell = false,
            text if in_shell && (text.starts_with("dcsc ") || !pending.is_empty()) => {
                pending.push_str(text.trim_end_matches('\\'));
                pending.push(' ');
                if !text.ends_with('\\') {
                    commands.push(std::mem::take(&mut pending));
                }
            }
            _ => {}
        }
    }
    assert!(commands.len() >= 3, "{commands:?}");
    let dir = crate::support::scratch("revisions-walkthrough");
    for command in commands {
        let mut words: Vec<String> = command.split_whitespace().skip(1).map(str::to_owned).collect();
        let mut written = None;
        if let Some(at) = words.iter().position(|word| word == "-o") {
            let path = dir.join(&words[at + 1]);
            words[at + 1] = path.display().to_string();
            written = Some(path);
        }
        let arguments: Vec<&str> = words.iter().map(String::as_str).collect();
        let output = dcsc(&arguments);
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{command}\n{}{}",
            stdout(&output),
            String::from_utf8_lossy(&output.stderr)
        );
        match written {
            Some(path) => assert!(std::fs::read_to_string(&path)
                .unwrap()
                .starts_with("# What the change means")),
            None => assert!(!stdout(&output).is_empty(), "{command}"),
        }
    }
}

/// `diff` says why each verdict changed, from data: between two sets of
/// guidance at one date the council's facts never change; across two
/// dates the facts the verdict rests on are named; a duty not in force is
/// not "not applicable".
#[test]
fn diff_names_the_cause_of_each_change() {
    let json = |arguments: &[&str]| crate::support::json(&dcsc(arguments));
    // Two sets of guidance, one date: only the law or guidance changed.
    let draft = json(&[
        "diff",
        "examples/coventry.dcs",
        "--to-policy",
        "policies/tests/cwsa_2026_commenced.dcs",
        "--as-at",
        "2027-06-30",
        "--format",
        "json",
    ]);
    let changes = draft["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    for change in changes {
        assert_eq!(change["because"], "guidance", "{change}");
        assert_eq!(change["facts"], serde_json::json!([]), "{change}");
        assert_eq!(change["instruments"][0]["id"], "cwsa_2026", "{change}");
        assert_eq!(change["before"], serde_json::Value::Null, "{change}");
    }
    // Two dates: a verdict that changes because the DCS was appointed
    // names the post, and not the law. (The later date is the end of the
    // council's papers: past it, what rests on them is not known.)
    let dates = json(&[
        "diff",
        "examples/northumberland/arrangements.dcs",
        "examples/northumberland/local_policy.dcs",
        "--from",
        "2019-01-01",
        "--to",
        "2020-02-06",
        "--format",
        "json",
    ]);
    let change = |duty: &str| {
        dates["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|change| change["duty"] == duty)
            .unwrap_or_else(|| panic!("no change of {duty}"))
            .clone()
    };
    let appointed = change("dcs.appointed");
    assert_eq!(appointed["because"], "arrangements");
    assert_eq!(
        appointed["facts"],
        serde_json::json!([{ "kind": "post", "id": "executive_director_adults_and_childrens_services" }])
    );
    // The board's duty was repealed for the council between the dates.
    let lscb = change("council.lscb");
    assert_eq!(lscb["after"], serde_json::Value::Null);
    assert_eq!(lscb["because"], "guidance");
    assert_eq!(lscb["instruments"][0]["id"], "csw_2017");
    // And in words: not in force, never "does not apply", for a duty absent.
    let human = stdout(&dcsc(&[
        "diff",
        "examples/northumberland/arrangements.dcs",
        "examples/northumberland/local_policy.dcs",
        "--from",
        "2019-01-01",
        "--to",
        "2020-02-06",
    ]));
    assert!(human.contains("council.lscb: unknown -> not in force"), "{human}");
    assert!(!human.contains("does not apply ->"), "{human}");
}

/// A side that does not check is named: the errors say which side.
#[test]
fn diff_errors_name_their_side() {
    let dir = crate::support::scratch("revisions-diff-side");
    let broken = crate::support::write(
        &dir,
        "broken.dcs",
        "amendment broken amends csw_2017 {\n  title \"Broken\"\n}\n",
    );
    let output = dcsc(&[
        "diff",
        "examples/coventry.dcs",
        "--to-policy",
        &broken,
        "--as-at",
        "2020-01-01",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let shown = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(shown.contains("the later side (as at 2020-01-01, with "), "{shown}");
    assert!(!shown.contains("the earlier side"), "{shown}");
    // An error in the council's own file is the same on both sides: said
    // once, for both.
    let council = crate::support::write(
        &dir,
        "council.dcs",
        "arrangements c {\n  council \"C\"\n}\npost p { holds NoSuchRole }\n",
    );
    let output = dcsc(&["diff", &council, "--from", "2019-01-01", "--to", "2020-01-01"]);
    let shown = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(shown.matches("both sides (").count(), 1, "{shown}");
    assert_eq!(shown.matches("error[E0101]").count(), 1, "{shown}");
}
