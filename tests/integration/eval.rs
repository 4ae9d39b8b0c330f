//! Evaluation semantics, one verdict kind at a time, against a small policy
//! written here so that these tests do not move when the embedded guidance
//! is revised.

use dcsc::date::{Day, PartialDate};
use dcsc::eval::{Fact, Missing, Observation, Reason, Verdict, VerdictKind};
use dcsc::model::{AttributeId, EntityId, EventId, TypedValue};
use dcsc::Workspace;

const POLICY: &str = r#"
guidance test_guidance {
  title "A guidance for tests"
  issued 2013-04
  force statutory_guidance
}

document text { title "The test guidance" }

role DCS { title "Director of Children's Services"  held_by post }
role ChiefExecutive { title "Chief Executive"  held_by post }
role LMCS { title "Lead Member for Children's Services"  held_by member }
function education { title "Education" }
function childrens_social_care { title "Children's social care" }
body_kind schools_forum { title "Schools forum" }
body_kind other_kind { title "Another kind of body" }
relation report_to { title "reports directly to"  from post  to post  hierarchy yes }
relation member_of { title "is a member of"  from post, member  to body }
attribute politically_restricted { title "politically restricted"  on post  type bool }
attribute tier { title "officer tier"  on post  type int }
attribute joint_appointment { title "a joint appointment"  on post  type bool  default no  default_basis "a DCS is one council's own officer unless stated" }

paragraph 1 { section "The DCS"  words verbatim from text  text "Every authority appoints one DCS." }
paragraph 2 { section "The DCS"  words verbatim from text  text "The DCS should report directly to the Chief Executive." }
paragraph 3 { section "Review"  words verbatim from text  text "Review when the DCS's responsibilities change." }
paragraph 4 { section "Assurance"  words verbatim from text  text "Clarity about child protection systems." }

duty dcs.appointed { cites 1  exactly one post must hold DCS }
duty dcs.restricted { cites 2  DCS must be politically_restricted }
duty dcs.report_to_chief_executive {
  cites 2
  DCS should report_to ChiefExecutive
  unless DCS is joint_appointment
}
duty dcs.first_tier { cites 2  DCS should have tier 1 }
duty dcs.forum { cites 1  at least one body should be a schools_forum }
duty dcs.combined { cites 1  DCS may responsible_for education, childrens_social_care }
duty review.on_change { cites 3  council should review after each change of DCS }
question assurance.child_protection {
  cites 4
  asks "Clarity about child protection systems"
  renew_on_change_of DCS
  when DCS responsible_for education
}
"#;

fn verdicts(arrangement: &str, as_at: &str) -> Vec<(String, Verdict)> {
    let mut workspace = Workspace::new();
    workspace.add_text("policy.dcs", POLICY);
    workspace.add_text("arrangement.dcs", arrangement);
    let as_at = match PartialDate::parse(as_at) {
        Ok(date) => date.last_day(),
        Err(error) => panic!("bad date {as_at}: {error:?}"),
    };
    let Some(verified) = workspace.verify(as_at) else {
        panic!("did not check:\n{}", workspace.render_diagnostics(false));
    };
    let council = verified.councils.into_iter().next().expect("one arrangement");
    council
        .verdicts
        .into_iter()
        .map(|verdict| {
            let key = verified
                .policy
                .duty(verdict.duty)
                .map(|duty| duty.key.clone())
                .unwrap_or_default();
            (key, verdict)
        })
        .collect()
}

fn verdict<'v>(verdicts: &'v [(String, Verdict)], key: &str) -> &'v Verdict {
    &verdicts
        .iter()
        .find(|(duty, _)| duty == key)
        .unwrap_or_else(|| panic!("no verdict for {key}"))
        .1
}

const HEADER: &str = "arrangements test { council \"Test Council\" }\n";

fn with_header(body: &str) -> String {
    format!("{HEADER}{body}")
}

#[test]
fn a_met_duty_passes_and_names_its_facts() {
    let found = verdicts(
        &with_header(
            "post dcs { title \"Director\" holds DCS politically_restricted yes report_to ceo tier 1 }\n\
             post ceo { title \"Chief Executive\" holds ChiefExecutive }",
        ),
        "2020-01-01",
    );
    let restricted = verdict(&found, "dcs.restricted");
    assert_eq!(restricted.kind(), VerdictKind::Pass);
    assert!(restricted.facts.iter().any(|used| used.fact
        == Fact::Attribute {
            entity: EntityId(0),
            attribute: AttributeId(0),
            value: TypedValue::Bool(true),
        }));
    assert_eq!(
        verdict(&found, "dcs.report_to_chief_executive").kind(),
        VerdictKind::Pass
    );
    assert_eq!(verdict(&found, "dcs.first_tier").kind(), VerdictKind::Pass);
}

#[test]
fn an_unstated_fact_is_unknown_and_named_but_a_stated_no_is_a_breach() {
    let unstated = verdicts(&with_header("post dcs { title \"Director\" holds DCS }"), "2020-01-01");
    let restricted = verdict(&unstated, "dcs.restricted");
    assert_eq!(restricted.kind(), VerdictKind::Unknown);
    assert_eq!(
        restricted.missing,
        vec![Missing::Attribute {
            entity: EntityId(0),
            attribute: AttributeId(0),
        }]
    );

    let stated_no = verdicts(
        &with_header("post dcs { title \"Director\" holds DCS politically_restricted no }"),
        "2020-01-01",
    );
    assert_eq!(verdict(&stated_no, "dcs.restricted").kind(), VerdictKind::Fail);
}

#[test]
fn a_should_not_met_is_unexplained_without_reasons_and_a_departure_with_them() {
    let arrangement = "post dcs { title \"Director\" holds DCS report_to deputy }\n\
                       post deputy { title \"Deputy Chief Executive\" report_to ceo }\n\
                       post ceo { title \"Chief Executive\" holds ChiefExecutive }\n";
    let without = verdicts(&with_header(arrangement), "2020-01-01");
    assert_eq!(
        verdict(&without, "dcs.report_to_chief_executive").kind(),
        VerdictKind::Unexplained
    );

    let departure = "departure from dcs.report_to_chief_executive {\n\
                       reasons \"The deputy chief executive leads all people services.\"\n\
                       approved_by \"Cabinet\"\n  approved 2019-06-01\n}\n";
    let with = verdicts(&with_header(&format!("{arrangement}{departure}")), "2020-01-01");
    let found = verdict(&with, "dcs.report_to_chief_executive");
    assert_eq!(found.kind(), VerdictKind::Departure);
    assert!(found.departure().is_some());
    assert!(matches!(
        found.reason,
        Reason::Departed {
            review_passed: false,
            ..
        }
    ));

    // A departure approved after the as-at date does not yet count.
    let before = verdicts(&with_header(&format!("{arrangement}{departure}")), "2019-05-31");
    assert_eq!(
        verdict(&before, "dcs.report_to_chief_executive").kind(),
        VerdictKind::Unexplained
    );
}

#[test]
fn a_condition_that_does_not_hold_makes_the_duty_not_applicable() {
    let joint = verdicts(
        &with_header("post dcs { title \"Joint Director\" holds DCS joint_appointment yes report_to other }\npost other { title \"Other\" }"),
        "2020-01-01",
    );
    assert_eq!(
        verdict(&joint, "dcs.report_to_chief_executive").kind(),
        VerdictKind::NotApplicable
    );
    // The default declared by the guidance applies when the fact is not stated.
    let sole = verdicts(
        &with_header("post dcs { title \"Director\" holds DCS report_to other }\npost other { title \"Other\" }"),
        "2020-01-01",
    );
    assert_eq!(
        verdict(&sole, "dcs.report_to_chief_executive").kind(),
        VerdictKind::Unexplained
    );
}

#[test]
fn roles_bind_to_whoever_holds_them_and_cardinality_is_counted() {
    let two = verdicts(
        &with_header("post first { title \"A\" holds DCS }\npost second { title \"B\" holds DCS }"),
        "2020-01-01",
    );
    let appointed = verdict(&two, "dcs.appointed");
    assert_eq!(appointed.kind(), VerdictKind::Fail);
    assert!(
        matches!(&appointed.reason, Reason::Breached { observed }
            if matches!(observed.as_slice(), [Observation::Count { satisfying, .. }] if satisfying.len() == 2)),
        "{:?}",
        appointed.reason
    );
    let restricted = verdict(&two, "dcs.restricted");
    assert_eq!(restricted.bindings.len(), 2);

    // Finding no holder among the posts listed is not evidence that there is
    // none, unless the arrangement says it lists every post.
    let none = verdicts(&with_header("post first { title \"A\" }"), "2020-01-01");
    assert_eq!(verdict(&none, "dcs.appointed").kind(), VerdictKind::Unknown);
    let complete = verdicts(
        "arrangements test { council \"Test Council\" complete posts }\npost first { title \"A\" }",
        "2020-01-01",
    );
    assert_eq!(verdict(&complete, "dcs.appointed").kind(), VerdictKind::Fail);
    let unbound = verdict(&none, "dcs.restricted");
    assert_eq!(unbound.kind(), VerdictKind::Unknown);
    assert!(unbound
        .missing
        .iter()
        .any(|missing| matches!(missing, Missing::Holder { .. })));
}

#[test]
fn a_permission_never_needs_action() {
    let used = verdicts(
        &with_header("post dcs { holds DCS responsible_for education, childrens_social_care }"),
        "2020-01-01",
    );
    assert_eq!(verdict(&used, "dcs.combined").kind(), VerdictKind::Pass);
    let unused = verdicts(
        &with_header("post dcs { holds DCS responsible_for education }"),
        "2020-01-01",
    );
    assert_eq!(verdict(&unused, "dcs.combined").kind(), VerdictKind::NotApplicable);
}

#[test]
fn questions_are_answered_missing_or_stale() {
    let base = "post dcs { holds DCS responsible_for education }\n";
    let missing = verdicts(&with_header(base), "2020-01-01");
    assert_eq!(
        verdict(&missing, "assurance.child_protection").kind(),
        VerdictKind::Missing
    );

    let answer = "answer assurance.child_protection { given 2019-03 text \"Audits are monthly.\" }\n";
    let answered = verdicts(&with_header(&format!("{base}{answer}")), "2020-01-01");
    assert_eq!(
        verdict(&answered, "assurance.child_protection").kind(),
        VerdictKind::Answered
    );

    let change = "change restructure on 2019-09 { post dcs responsibilities yes what \"Adult social care added\" }\n";
    let stale = verdicts(&with_header(&format!("{base}{answer}{change}")), "2020-01-01");
    let found = verdict(&stale, "assurance.child_protection");
    assert_eq!(found.kind(), VerdictKind::Stale);
    assert!(
        matches!(&found.reason, Reason::AnswerPredatesChange { change, .. } if change.event == Some(EventId(0))),
        "{:?}",
        found.reason
    );

    // As at a date before the change, the same answer is not stale.
    let earlier = verdicts(&with_header(&format!("{base}{answer}{change}")), "2019-06-01");
    assert_eq!(
        verdict(&earlier, "assurance.child_protection").kind(),
        VerdictKind::Answered
    );

    // An answer not yet given by the as-at date does not count.
    let before = verdicts(&with_header(&format!("{base}{answer}")), "2019-02-01");
    assert_eq!(
        verdict(&before, "assurance.child_protection").kind(),
        VerdictKind::Missing
    );
}

#[test]
fn a_question_whose_condition_fails_is_not_applicable() {
    let found = verdicts(
        &with_header("post dcs { holds DCS responsible_for childrens_social_care }"),
        "2020-01-01",
    );
    assert_eq!(
        verdict(&found, "assurance.child_protection").kind(),
        VerdictKind::NotApplicable
    );
}

#[test]
fn reviews_after_changes_compare_partial_dates_as_periods() {
    let base = "post dcs { holds DCS }\n";
    let no_change = verdicts(&with_header(base), "2020-01-01");
    assert_eq!(
        verdict(&no_change, "review.on_change").kind(),
        VerdictKind::NotApplicable
    );

    let change = "change service_review on 2016-10 { post dcs responsibilities yes what \"New senior posts\" }\n";
    // The papers speak up to 2020: no review by then is a fact.
    let complete = "arrangements test { council \"Test Council\" known_until 2020-01-01 }\n";
    let unreviewed = verdicts(&format!("{complete}{base}{change}"), "2020-01-01");
    assert_eq!(
        verdict(&unreviewed, "review.on_change").kind(),
        VerdictKind::Unexplained
    );
    // Without it, the papers stop at the latest date they mention (the
    // change itself): a review after that is not excluded.
    let open = verdicts(&with_header(&format!("{base}{change}")), "2020-01-01");
    let found = verdict(&open, "review.on_change");
    assert_eq!(found.kind(), VerdictKind::Unknown);
    assert!(
        matches!(found.missing.as_slice(), [Missing::BeyondPapers { stated: false, .. }]),
        "{:?}",
        found.missing
    );

    // A review dated only to 2017 is wholly after October 2016.
    let later = "review cabinet on 2017 { by \"Cabinet\" outcome assured }\n";
    let reviewed = verdicts(&with_header(&format!("{base}{change}{later}")), "2020-01-01");
    assert_eq!(verdict(&reviewed, "review.on_change").kind(), VerdictKind::Pass);

    // A review dated only to 2016 may be before or after October 2016.
    let ambiguous = "review cabinet on 2016 { by \"Cabinet\" outcome assured }\n";
    let unclear = verdicts(&with_header(&format!("{base}{change}{ambiguous}")), "2020-01-01");
    let found = verdict(&unclear, "review.on_change");
    assert_eq!(found.kind(), VerdictKind::Unknown);
    assert!(
        found.missing.iter().any(|missing| matches!(missing, Missing::Doubt(_))),
        "{:?}",
        found.missing
    );
}

#[test]
fn silence_about_a_body_is_unknown_but_a_stated_absence_is_not() {
    let silent = verdicts(
        &with_header("post dcs { holds DCS }\nbody board { kind other_kind }"),
        "2020-01-01",
    );
    let forum = verdict(&silent, "dcs.forum");
    assert_eq!(forum.kind(), VerdictKind::Unknown);
    assert!(
        forum
            .missing
            .iter()
            .any(|missing| matches!(missing, Missing::CompleteList { listed: 1, .. })),
        "{:?}",
        forum.missing
    );

    let denied = verdicts(
        "arrangements test {\n  council \"Test Council\"\n  has_no schools_forum per paper \"section 2\"\n}\n\
         document paper { title \"The council's paper\" }\npost dcs { holds DCS }\n",
        "2020-01-01",
    );
    let forum = verdict(&denied, "dcs.forum");
    assert_eq!(forum.kind(), VerdictKind::Unexplained);
    assert!(
        forum
            .facts
            .iter()
            .any(|used| matches!(used.fact, Fact::NoBodyOfKind { .. })),
        "{:?}",
        forum.facts
    );
}

#[test]
fn the_same_input_gives_the_same_verdicts() {
    let arrangement = with_header("post dcs { title \"Director\" holds DCS }\nbody forum { kind schools_forum }");
    let first = verdicts(&arrangement, "2020-01-01");
    let second = verdicts(&arrangement, "2020-01-01");
    assert_eq!(first, second);
    assert_eq!(verdict(&first, "dcs.forum").kind(), VerdictKind::Pass);
}

#[test]
fn today_is_a_real_date() {
    let today = Day::today();
    assert!(today.year >= 2024);
}
