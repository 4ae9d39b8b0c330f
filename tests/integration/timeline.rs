//! The timeline picture (`dcsc timeline`): a snapshot of each shipped
//! council's SVG (what a reviewer reads when the picture changes), and the
//! SVG read back as XML: its bars are the lines of the arrangements giving
//! the DCS, LMCS, DASS and Chief Executive roles, with the bounds the
//! papers allow each end; its marks are the events and answers, dated the
//! same way, a review's outcome named; an uncertain end is hatched; the
//! verdict strip covers the period without gaps, the verdict written in
//! it. Then the command: the formats, a folder read as one council, the
//! period asked for, and the report that includes the picture.

use std::collections::BTreeMap;

use dcsc::date::Day;
use dcsc::model::{Arrangement, InstantId, Policy, RoleId};
use dcsc::timeline::{history, Period, LANE_ROLES};

use crate::support::{assert_bad_input, day, dcsc, stdout, verify, SEED_COUNCILS};

/// The timeline of a seed council as the command draws it by default,
/// and the arrangement and policy it was drawn from.
fn drawn(files: &[&str], as_at: &str) -> (String, Arrangement, Policy) {
    let (workspace, verified) = verify(files, as_at);
    let assessment = &verified.assessments(&workspace.sources)[0];
    let svg = history(assessment, Period::default(), assessment.as_at).to_svg();
    let again = history(assessment, Period::default(), assessment.as_at).to_svg();
    assert_eq!(svg, again, "the same history gives the same bytes");
    let council = verified.councils.into_iter().next().unwrap();
    (svg, council.arrangement, verified.policy)
}

#[test]
fn each_seed_councils_timeline_is_as_snapshotted() {
    for (name, files, as_at) in SEED_COUNCILS {
        let (svg, _, _) = drawn(files, as_at);
        snapshot!(format!("svg@{name}"), svg);
    }
}

/// An instant's bounds as the SVG's `data-` attributes write them.
fn bounds(arrangement: &Arrangement, instant: Option<InstantId>) -> String {
    let Some(instant) = instant else {
        return "open".to_owned();
    };
    let side = |day: Option<Day>| day.map_or_else(String::new, |day| day.to_string());
    format!(
        "{}/{}",
        side(arrangement.timeline.earliest(instant)),
        side(arrangement.timeline.latest(instant))
    )
}

/// Each element of a class, by its attributes asked for.
fn attributes_of(document: &roxmltree::Document<'_>, class: &str, names: &[&str]) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<String>> = document
        .descendants()
        .filter(|node| {
            node.attribute("class")
                .is_some_and(|classes| classes.split(' ').next() == Some(class))
        })
        .map(|node| {
            names
                .iter()
                .map(|name| node.attribute(*name).unwrap_or_default().to_owned())
                .collect()
        })
        .collect();
    found.sort();
    found
}

/// The bars the arrangement's role lines call for: entity, role, start,
/// end, basis.
fn expected_bars(arrangement: &Arrangement, policy: &Policy) -> Vec<Vec<String>> {
    let mut bars = Vec::new();
    for key in LANE_ROLES {
        let Some(index) = policy.roles.iter().position(|role| role.key == key) else {
            continue;
        };
        for entity in &arrangement.entities {
            for line in entity
                .roles
                .iter()
                .filter(|line| line.value == RoleId::from_index(index))
            {
                let basis = match line.basis {
                    dcsc::model::Basis::Stated => "stated",
                    dcsc::model::Basis::Inferred => "inferred",
                    dcsc::model::Basis::Possibly => "possibly",
                    dcsc::model::Basis::Suggested => "suggested",
                    dcsc::model::Basis::Proposed => "proposed",
                };
                bars.push(vec![
                    entity.key.to_string(),
                    key.to_owned(),
                    bounds(arrangement, line.during.from.or(entity.life.from)),
                    bounds(arrangement, line.during.until.or(entity.life.until)),
                    basis.to_owned(),
                ]);
            }
        }
    }
    bars.sort();
    bars
}

/// The marks the arrangement's events and answers call for: key, kind,
/// when, a review's outcome. Answers given on the same days share a mark.
fn expected_marks(arrangement: &Arrangement, policy: &Policy) -> Vec<Vec<String>> {
    let mut marks: Vec<Vec<String>> = arrangement
        .events
        .iter()
        .map(|event| {
            vec![
                event.key.clone(),
                event.kind.word().to_owned(),
                bounds(arrangement, Some(event.at)),
                event.outcome.map_or("", |outcome| outcome.word()).to_owned(),
            ]
        })
        .collect();
    let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for answer in &arrangement.answers {
        answers
            .entry(bounds(arrangement, Some(answer.given)))
            .or_default()
            .push(policy.duty(answer.duty).unwrap().key.clone());
    }
    for (at, keys) in answers {
        marks.push(vec![keys.join(" "), "answer".to_owned(), at, String::new()]);
    }
    marks.sort();
    marks
}

#[test]
fn its_bars_and_marks_are_the_arrangements_dated_facts() {
    for (name, files, as_at) in SEED_COUNCILS {
        let (svg, arrangement, policy) = drawn(files, as_at);
        let document = roxmltree::Document::parse(&svg).unwrap_or_else(|error| panic!("{name}: {error}\n{svg}"));
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        assert!(root.attribute("viewBox").is_some());
        for forbidden in ["<script", "<style", "href=", "@import", "<image", "<foreignObject"] {
            assert!(!svg.contains(forbidden), "{name}: {forbidden} in the picture");
        }

        let bars = attributes_of(
            &document,
            "bar",
            &["data-entity", "data-role", "data-start", "data-end", "data-basis"],
        );
        assert_eq!(bars, expected_bars(&arrangement, &policy), "{name}: the bars");
        assert!(!bars.is_empty(), "{name} has holders to draw");

        let mut marks = attributes_of(&document, "mark", &["data-key", "data-kind", "data-at", "data-outcome"]);
        // Answers given on the same days are one mark, their keys in the
        // order given; compare them as the expectation lists them.
        for mark in &mut marks {
            if mark[1] == "answer" {
                let mut keys: Vec<&str> = mark[0].split(' ').collect();
                keys.sort_unstable();
                mark[0] = keys.join(" ");
            }
        }
        marks.sort();
        let mut expected = expected_marks(&arrangement, &policy);
        for mark in &mut expected {
            if mark[1] == "answer" {
                let mut keys: Vec<&str> = mark[0].split(' ').collect();
                keys.sort_unstable();
                mark[0] = keys.join(" ");
            }
        }
        expected.sort();
        assert_eq!(marks, expected, "{name}: the marks");

        // The papers' end is ruled where the arrangement puts it.
        let end = arrangement.papers_end.unwrap().to_string();
        let rules = attributes_of(&document, "rule", &["data-day"]);
        assert!(
            rules.contains(&vec![end.clone()]),
            "{name}: papers' end {end} not ruled: {rules:?}"
        );
    }
}

#[test]
fn an_uncertain_end_is_hatched_and_a_certain_one_is_not() {
    let (svg, _, _) = drawn(&["examples/coventry.dcs"], "2017-12-31");
    let document = roxmltree::Document::parse(&svg).unwrap();
    let mut hatched = 0;
    for bar in document
        .descendants()
        .filter(|node| node.attribute("class") == Some("bar"))
    {
        let uncertain = |end: &str| {
            end != "open" && {
                let (earliest, latest) = end.split_once('/').unwrap();
                earliest != latest
            }
        };
        let has_hatch = bar.children().any(|child| {
            child.attribute("class") == Some("uncertain")
                && child.attribute("fill").is_some_and(|fill| fill.contains("-hatch)"))
        });
        let expected = uncertain(bar.attribute("data-start").unwrap()) || uncertain(bar.attribute("data-end").unwrap());
        assert_eq!(has_hatch, expected, "{:?}", bar.attribute("data-entity"));
        hatched += usize::from(has_hatch);
        // The bounds are in its tooltip too.
        let title = bar.children().find(|child| child.has_tag_name("title")).unwrap();
        assert!(title.text().unwrap().contains("began"), "{:?}", title.text());
    }
    // Coventry's Executive Director was appointed in 2013, month not given.
    assert!(hatched > 0, "Coventry has an end dated only to a year");
    assert!(svg.contains("some day in 2013"), "the span is said in words");
}

#[test]
fn the_verdict_strip_covers_the_period_with_the_verdict_written_in_it() {
    let (svg, _, _) = drawn(&["examples/coventry.dcs"], "2017-12-31");
    let document = roxmltree::Document::parse(&svg).unwrap();
    let root = document.root_element();
    let (from, to) = (root.attribute("data-from").unwrap(), root.attribute("data-to").unwrap());
    let strips: Vec<_> = document
        .descendants()
        .filter(|node| node.attribute("class") == Some("strip"))
        .collect();
    assert!(!strips.is_empty(), "Coventry's verdicts change over its history");
    let appointed = strips
        .iter()
        .find(|strip| strip.attribute("data-duty") == Some("dcs.appointed"))
        .expect("dcs.appointed changes: not in force before the 2013 guidance, unknown while the 2013 appointment may not have happened, then met");
    let verdicts: Vec<&str> = appointed
        .children()
        .filter_map(|segment| segment.attribute("data-verdict"))
        .collect();
    assert_eq!(verdicts, ["not_in_force", "unknown", "pass"]);
    let guidance = document
        .descendants()
        .find(|node| node.attribute("class") == Some("rule guidance") && node.attribute("data-key") == Some("dfe_2013"))
        .unwrap();
    let first = appointed
        .children()
        .find(|node| node.attribute("class") == Some("segment"))
        .unwrap();
    assert_eq!(
        day(guidance.attribute("data-day").unwrap()).previous().to_string(),
        first.attribute("data-to").unwrap(),
        "not in force until the guidance drawn came into force"
    );
    for strip in &strips {
        let segments: Vec<_> = strip
            .children()
            .filter(|node| node.attribute("class") == Some("segment"))
            .collect();
        assert!(segments.len() > 1, "a strip is drawn only for a verdict that changes");
        assert_eq!(segments.first().unwrap().attribute("data-from"), Some(from));
        assert_eq!(segments.last().unwrap().attribute("data-to"), Some(to));
        for pair in segments.windows(2) {
            let end = day(pair[0].attribute("data-to").unwrap());
            assert_eq!(
                end.next().to_string(),
                pair[1].attribute("data-from").unwrap(),
                "no gap, no overlap"
            );
            assert_ne!(pair[0].attribute("data-verdict"), pair[1].attribute("data-verdict"));
        }
        for segment in segments {
            let verdict = segment.attribute("data-verdict").unwrap().replace('_', " ");
            let written = segment
                .children()
                .find(|child| child.has_tag_name("text"))
                .and_then(|text| text.text())
                .unwrap_or_default()
                .trim_end_matches('…')
                .to_owned();
            assert!(verdict.starts_with(&written), "{written:?} is not {verdict:?}");
        }
    }
}

#[test]
fn the_command_draws_a_folder_as_one_council_in_svg_or_html() {
    let svg = dcsc(&["timeline", "examples/northumberland"]);
    assert_eq!(svg.status.code(), Some(0), "{}", String::from_utf8_lossy(&svg.stderr));
    let svg = stdout(&svg);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("Northumberland County Council"));
    let files = dcsc(&[
        "timeline",
        "examples/northumberland/arrangements.dcs",
        "examples/northumberland/local_policy.dcs",
        "examples/northumberland/tests.dcs",
    ]);
    assert_eq!(stdout(&files), svg, "a folder is its files read together");

    let html = stdout(&dcsc(&["timeline", "examples/coventry.dcs", "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("size: A4 landscape"));
    assert!(html.contains("<svg xmlns"));
    assert!(!html.contains("<script"));
}

#[test]
fn the_period_drawn_is_the_one_asked_for() {
    let output = dcsc(&["timeline", "examples/coventry.dcs", "--from", "2015", "--to", "2016-06"]);
    assert_eq!(output.status.code(), Some(0));
    let svg = stdout(&output);
    assert!(svg.contains(r#"data-from="2015-01-01" data-to="2016-06-30""#));
    assert!(svg.contains("1 January 2015 to 30 June 2016"));
    assert_bad_input(
        &dcsc(&["timeline", "examples/coventry.dcs", "--from", "2017", "--to", "2016"]),
        "E0301",
    );
    assert_bad_input(&dcsc(&["timeline", "examples"]), "E0303");
}

/// The strip reads the guidance in force on the last day drawn, whatever
/// the date marked: as at January 2013, when the 2012 edition was in
/// force, Coventry's picture still draws the 2013 edition's duties from
/// April 2013 to its papers' end, not the 2012 edition's run on past its
/// replacement, and marks the date asked for.
#[test]
fn a_date_before_a_later_edition_marks_the_date_and_keeps_the_strip_of_the_end() {
    let strips = |svg: &str| -> Vec<String> {
        let document = roxmltree::Document::parse(svg).unwrap();
        let mut duties: Vec<String> = document
            .descendants()
            .filter_map(|node| node.attribute("data-duty"))
            .map(str::to_owned)
            .collect();
        duties.sort();
        duties.dedup();
        duties
    };
    let at_the_end = stdout(&dcsc(&["timeline", "examples/coventry.dcs"]));
    let early = dcsc(&["timeline", "examples/coventry.dcs", "--as-at", "2013-01-31"]);
    assert_eq!(early.status.code(), Some(0));
    let early = stdout(&early);
    assert_eq!(strips(&early), strips(&at_the_end));
    assert!(strips(&early).iter().any(|duty| duty == "local_assurance.enable.a"));
    assert!(early.contains(r#"class="rule as_at" data-key="coventry" data-day="2013-01-31""#));
    assert!(!at_the_end.contains(r#"class="rule as_at""#));
}

#[test]
fn the_html_report_includes_the_timeline() {
    let output = dcsc(&["report", "examples/coventry.dcs", "--format", "html"]);
    assert_eq!(output.status.code(), Some(0));
    let html = stdout(&output);
    assert!(html.contains("<section id=\"history\">\n<h2>Timeline picture</h2>"));
    assert!(html.contains("class=\"dcsc-timeline\""));
}

#[test]
fn a_council_with_no_holders_and_no_dates_still_draws_and_says_so() {
    let mut workspace = dcsc::Workspace::new();
    workspace.add_text(
        "empty.dcs",
        "arrangements empty { council \"Empty <Council> & \\\"Co\\\"\" kind unitary upper_tier yes answers_to dfe_2013 }\n",
    );
    let verified = workspace.verify(day("2026-11-01")).unwrap();
    let assessment = &verified.assessments(&workspace.sources)[0];
    let svg = history(assessment, Period::default(), assessment.as_at).to_svg();
    let document = roxmltree::Document::parse(&svg).unwrap_or_else(|error| panic!("{error}\n{svg}"));
    let title = document.descendants().find(|node| node.has_tag_name("title")).unwrap();
    assert_eq!(
        title.text(),
        Some("Timeline: Empty <Council> & \"Co\", 1 January 2026 to 1 November 2026")
    );
    assert_eq!(svg.matches("no holder in the papers").count(), LANE_ROLES.len());
    assert!(!svg.contains("class=\"bar\""));
}
