//! Doubt about dates and about what the papers record, as issue 17 left
//! it to finish: two posts that may hold one role on some day (W0017), a
//! review whose conclusion is recorded but not quoted told apart from one
//! with none, a reviewer the papers only imply; and the completeness of
//! deciding over every date the papers allow: a verdict is `unknown` for
//! doubt only if some choice of dates changes it.

use std::fmt::Write as _;

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

/// A small generator of numbers, seeded, so that every run draws the same
/// councils.
struct Draws(u64);

impl Draws {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A date of the generated councils: a day counted from 1 March 2020.
fn on(offset: u64) -> String {
    let start = dcsc::date::Day::from_number(crate::support::day("2020-03-01").number());
    dcsc::date::Day::from_number(start.number() + i64::try_from(offset).unwrap()).to_string()
}

/// A small council whose dates (holders' ends, a change and a review) are
/// each exact or known only to a few days: the text with a placeholder
/// `@N` for each date in doubt, and for each the days it may be on.
fn council_in_doubt(draws: &mut Draws) -> (String, Vec<Vec<u64>>) {
    let mut doubts: Vec<Vec<u64>> = Vec::new();
    // A date: exact, or (for at most three) one of a few days, written
    // `between` the days either side.
    let mut date = |draws: &mut Draws, low: u64, spread: u64| -> String {
        let exact = low + draws.below(spread);
        if doubts.len() < 3 && draws.below(3) != 0 {
            let width = 1 + draws.below(3);
            let first = exact.saturating_sub(draws.below(width)).max(1);
            doubts.push((first..first + width).collect());
            format!("@{}", doubts.len() - 1)
        } else {
            format!("on {}", on(exact))
        }
    };
    let mut text = String::from(
        "arrangements generated { council \"Generated\"  upper_tier yes  known_until 2020-12-31 }\n\
         post ceo { holds ChiefExecutive }\n",
    );
    let first_until = date(draws, 8, 6);
    writeln!(
        text,
        "post p0 {{ holds DCS until {}  report_to ceo }}",
        first_until.trim_start_matches("on ")
    )
    .unwrap();
    let second_from = date(draws, 8, 6);
    writeln!(
        text,
        "post p1 {{ holds DCS from {}  report_to ceo }}",
        second_from.trim_start_matches("on ")
    )
    .unwrap();
    if draws.below(2) == 0 {
        let change = date(draws, 0, 6);
        let review = date(draws, 2, 6);
        writeln!(
            text,
            "change c {change} {{ post p0  responsibilities yes  what \"restructure\" }}\n\
             review r {review} {{ by \"Cabinet\"  outcome assured }}"
        )
        .unwrap();
    }
    (text, doubts)
}

/// The council with each date in doubt written as its interval, or as
/// the day chosen for it.
fn written(text: &str, doubts: &[Vec<u64>], chosen: Option<&[u64]>) -> String {
    let mut written = text.to_owned();
    for (index, days) in doubts.iter().enumerate().rev() {
        let date = match chosen {
            Some(chosen) => on(chosen[index]),
            None => format!("between {} and {}", on(days[0] - 1), on(days[days.len() - 1] + 1)),
        };
        let placeholder = format!("@{index}");
        // A fact's end reads `from DATE`; an event's `on DATE`.
        written = written
            .replace(&format!("until {placeholder}"), &format!("until {date}"))
            .replace(&format!("from {placeholder}"), &format!("from {date}"))
            .replace(&placeholder, &format!("on {date}"));
    }
    written
}

/// Every choice of one day for each date in doubt.
fn choices(doubts: &[Vec<u64>]) -> Vec<Vec<u64>> {
    doubts.iter().fold(vec![Vec::new()], |chosen, days| {
        chosen
            .iter()
            .flat_map(|prefix| {
                days.iter().map(move |day| {
                    let mut next = prefix.clone();
                    next.push(*day);
                    next
                })
            })
            .collect()
    })
}

#[test]
fn a_verdict_is_unknown_for_doubt_only_if_some_choice_of_dates_changes_it() {
    // Both directions over every choice of dates the papers allow: a
    // verdict decided over the intervals is the verdict of every choice
    // (met either way may be not applicable on some), and one left
    // unknown for doubt alone differs between two choices (and not only as
    // met where it applies, not applicable elsewhere).
    use dcsc::eval::{Missing, Note, VerdictKind};
    let mut draws = Draws(0x00c0_4713_7e4e);
    let (mut decided, mut in_doubt) = (0, 0);
    for _ in 0..100 {
        let (text, doubts) = council_in_doubt(&mut draws);
        // As at a day the doubt may bear on: one of the days a date in
        // doubt may be, any day of the window, or months later (when a
        // review is due).
        let as_at = crate::support::day(&match (draws.below(3), doubts.first()) {
            (0, Some(days)) => on(days[usize::try_from(draws.below(days.len() as u64)).unwrap()]),
            (1, _) => "2020-10-15".to_owned(),
            _ => on(draws.below(20)),
        });
        let verify_one = |text: &str| {
            let mut workspace = dcsc::Workspace::new();
            workspace.add_text("generated.dcs", text);
            workspace.verify(as_at).unwrap_or_else(|| panic!("refused:\n{text}"))
        };
        let blurred = verify_one(&written(&text, &doubts, None));
        let exact: Vec<_> = choices(&doubts)
            .iter()
            .map(|chosen| verify_one(&written(&text, &doubts, Some(chosen))))
            .collect();
        for (index, on_intervals) in blurred.councils[0].verdicts.iter().enumerate() {
            let key = &blurred.policy.duty(on_intervals.duty).unwrap().key;
            let mut kinds: Vec<VerdictKind> = exact
                .iter()
                .map(|verified| {
                    let on_days = &verified.councils[0].verdicts[index];
                    assert_eq!(on_days.duty, on_intervals.duty);
                    on_days.kind()
                })
                .collect();
            kinds.sort_by_key(|kind| format!("{kind:?}"));
            kinds.dedup();
            let shown = || format!("{key} as at {as_at}: {kinds:?}\n{}", written(&text, &doubts, None));
            if on_intervals.kind() != VerdictKind::Unknown {
                decided += 1;
                let either_way = on_intervals
                    .notes
                    .iter()
                    .any(|note| matches!(note, Note::MetWhetherOrNotItApplies { .. }));
                let agrees = kinds
                    .iter()
                    .all(|kind| *kind == on_intervals.kind() || (either_way && *kind == VerdictKind::NotApplicable));
                assert!(agrees, "decided {:?}, {}", on_intervals.kind(), shown());
            } else if !on_intervals.missing.is_empty()
                && on_intervals
                    .missing
                    .iter()
                    .all(|missing| matches!(missing, Missing::Doubt(_)))
            {
                in_doubt += 1;
                let met_either_way = kinds == [VerdictKind::NotApplicable, VerdictKind::Pass];
                assert!(kinds.len() > 1 && !met_either_way, "unknown for doubt, {}", shown());
            }
        }
    }
    // Not vacuous: both directions are exercised.
    assert!(
        decided > 2_000 && in_doubt >= 8,
        "{decided} decided, {in_doubt} in doubt"
    );
}

#[test]
fn an_answer_given_before_what_it_speaks_of_existed_answers_nothing() {
    const ABOUT: &str = "tests/fixtures/uncertain_time/47_answer_about_entity_not_yet_existing.dcs";
    let file = std::fs::read_to_string(ABOUT).unwrap();
    let dir = scratch("about");
    let given = |date: &str| {
        write(
            &dir,
            &format!("given-{date}.dcs"),
            &file.replace("  about company\n", &format!("  about company  given {date}\n")),
        )
    };
    let accountability = |path: &str, as_at: &str| {
        let verified = json(&dcsc(&["verify", "--as-at", as_at, "--format", "json", path]));
        let found = verdict(&verified, "local_assurance.specific.accountability").clone();
        (found["verdict"].as_str().unwrap().to_owned(), found["missing"].clone())
    };
    // Dated a year before the company: it answers nothing, ever.
    let early = given("2032-06");
    for as_at in ["2032-12-31", "2035-12-31"] {
        assert_eq!(accountability(&early, as_at).0, "missing", "as at {as_at}");
    }
    // Dated in the year the company was set up: whether it then existed
    // is the doubt, named.
    let (kind, missing) = accountability(&given("2033-06"), "2035-12-31");
    assert_eq!(kind, "unknown");
    let named = missing[0]["text"].as_str().unwrap();
    assert!(
        named.contains("came before the day Test Family Services Ltd came into being (2033)"),
        "{named}"
    );
    // Without `about`, the same dated answer is answered.
    let unrelated = write(
        &dir,
        "unrelated.dcs",
        &file.replace("  about company\n", "  given 2032-06\n"),
    );
    assert_eq!(accountability(&unrelated, "2035-12-31").0, "answered");
}

#[test]
fn a_verdict_resting_on_a_life_cites_its_source_and_whether_it_is_inferred() {
    const LIFE: &str = "tests/fixtures/uncertain_time/26_exists_takes_no_evidence.dcs";
    let verified = json(&dcsc(&["verify", "--as-at", "2034-06-30", "--format", "json", LIFE]));
    let appointed = verdict(&verified, "dcs.appointed");
    assert_eq!(appointed["verdict"], "pass");
    let lives: Vec<(&str, &str, &str)> = appointed["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|fact| fact["kind"] == "life")
        .map(|fact| {
            (
                fact["basis"].as_str().unwrap(),
                fact["evidence"]["document"].as_str().unwrap(),
                fact["evidence"]["location"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lives,
        [("inferred", "minute", "item 2"), ("stated", "notice", "paragraph 1")]
    );
    // The human report shows the inference beside the line.
    let shown = text(&dcsc(&["verify", "--as-at", "2034-06-30", LIFE]));
    assert!(
        shown.contains("Director of Family Services existed (from October 2033; inferred; Test Council, cabinet minute, November 2033, item 2)"),
        "{shown}"
    );
}
