//! What a council's file could throw at the chart: markup and quotes in
//! names, Welsh, very long titles, no entities at all, 200 posts, and
//! lines that loop.

use std::fmt::Write as _;

use super::*;

/// A council whose names try everything: quotes, markup, pipes,
/// ampersands, braces, line breaks and tabs, a backslash, Welsh, a
/// 300-character title.
fn odd() -> String {
    let long = "Cyfarwyddwr Gwasanaethau Plant a Phobl Ifanc ".repeat(7);
    let long = long.trim_end();
    assert!(long.chars().count() >= 300);
    format!(
        r#"
arrangements odd {{
  council "Cyngor Sir Ynys Môn & \"Friends\" <script>alert(1)</script>"
  kind unitary
  upper_tier yes
  answers_to dfe_2013
}}

post chief_executive {{
  title "Prif Weithredwr | Chief Executive {{}}"
  holds ChiefExecutive
}}

post director {{
  title "Director \"Children\" <script>alert(1)</script> & Families | {{x}}\nsecond line\twith tab \\n not a break"
  holder "Siân O'Brien-Llŷr"
  holds DCS
  report_to chief_executive
  member_of board
}}

post long_one {{
  title "{long}"
  report_to director
}}

member lead {{
  title "Aelod Arweiniol: Gwasanaethau Plant — ‘Dyfodol’"
  portfolio "Plant & Pobl Ifanc <b>bold</b> | \"quoted\" #quot; `code` %% not a comment"
  holds LMCS
  chair_of board
}}

body board {{
  kind children_partnership
  title "Bwrdd \"Partneriaeth\" </text><script>x</script>"
}}
"#
    )
}

#[test]
fn names_from_a_council_file_are_escaped_in_every_format() {
    let text = odd();
    let (chart, _) = chart_of_texts(&[("odd.dcs", &text)], "2026-11-01");
    assert_eq!(chart.nodes().len(), 5);

    // DOT: every string closed, quotes and backslashes escaped, ids safe;
    // the strings read back as the names (lines wrapped).
    let dot = chart.to_dot();
    // Lines wrapped at spaces read back with spaces.
    let strings: Vec<String> = check_dot(&dot).iter().map(|s| s.replace('\n', " ")).collect();
    assert!(strings
        .iter()
        .any(|s| s.contains("Director \"Children\" <script>alert(1)</script>")));
    assert!(
        strings.iter().any(|s| s.contains("\\n not a break")),
        "a backslash stays a backslash"
    );
    assert!(strings.iter().any(|s| s.contains("Siân O'Brien-Llŷr")));
    assert!(strings.iter().any(|s| s.contains("Gwasanaethau Plant — ‘Dyfodol’")));
    assert!(dot.contains("&amp;"), "ampersands are entities for Graphviz");
    assert!(!dot.contains('\t'));
    let wrapped = check_dot(&dot);
    let long = wrapped
        .iter()
        .find(|s| s.starts_with("Cyfarwyddwr"))
        .expect("the long title");
    assert!(long.lines().count() > 3, "a long title wraps: {long}");
    assert!(long.lines().all(|line| line.chars().count() <= 36));

    // Mermaid: entity codes for what would break a label.
    let mermaid = chart.to_mermaid();
    check_mermaid(&chart, &mermaid);
    assert!(!mermaid.contains("<script") && !mermaid.contains("<b>"));
    for code in [
        "#quot;",
        "#lt;script#gt;",
        "#amp;",
        "#124;",
        "#96;",
        "#35;quot;",
        "#92;#8203;n not a",
    ] {
        assert!(mermaid.contains(code), "{code} missing:\n{mermaid}");
    }
    assert!(mermaid.contains("Cyngor Sir Ynys Môn"));

    // SVG: parses, no markup let through, the names read back as text.
    let svg = chart.to_svg();
    assert!(!svg.contains("<script") && !svg.contains("<b>") && !svg.contains("</text><script"));
    let texts = check_svg(&chart, &svg);
    assert!(texts[1].contains("Director \"Children\" <script>alert(1)</script> & Families | {x}"));
    assert!(texts[1].contains("second line with tab \\n not a break"));
    assert!(texts
        .iter()
        .any(|text| text.contains("Aelod Arweiniol: Gwasanaethau Plant — ‘Dyfodol’")));
    let document = roxmltree::Document::parse(&svg).unwrap();
    assert!(document
        .root_element()
        .children()
        .any(|child| child.has_tag_name("title") && child.text().unwrap_or_default().contains("Ynys Môn")));
    // The long title wraps into several short lines and the box stays
    // narrow.
    let long_group = document
        .descendants()
        .filter(|node| has_class(*node, "dcsc-node"))
        .nth(2)
        .unwrap();
    let lines: Vec<&str> = long_group
        .descendants()
        .filter(|node| node.has_tag_name("tspan"))
        .filter_map(|node| node.text())
        .collect();
    assert!(lines.len() > 3, "{lines:?}");
    assert!(lines.iter().all(|line| line.chars().count() <= 30), "{lines:?}");
    let rect = long_group.children().find(|child| child.has_tag_name("rect")).unwrap();
    assert!(rect.attribute("width").unwrap().parse::<f64>().unwrap() < 320.0);
    snapshot!("odd_dot", dot);
    snapshot!("odd_mermaid", mermaid);
}

#[test]
fn an_arrangement_with_no_posts_members_or_bodies_has_an_empty_chart() {
    let (chart, _) = chart_of_texts(
        &[(
            "empty.dcs",
            "arrangements empty { council \"Empty Council\" kind unitary upper_tier yes answers_to dfe_2013 }\n",
        )],
        "2026-11-01",
    );
    assert!(chart.is_empty());
    check_dot(&chart.to_dot());
    check_mermaid(&chart, &chart.to_mermaid());
    let svg = chart.to_svg();
    check_svg(&chart, &svg);
    assert!(svg.contains("The arrangements state no post, member or body."));
}

/// An arrangement of `count` posts under a chief executive, each post
/// reporting to the one `parent(index)` names, with members and bodies.
fn many_posts(count: usize, parent: impl Fn(usize) -> usize) -> String {
    let mut text = String::from(
        "arrangements many { council \"Many Posts Council\" kind county upper_tier yes answers_to dfe_2013 }\n\
         post p0 { title \"Chief Executive\" holds ChiefExecutive }\n",
    );
    for index in 1..count {
        let holds = if index == 1 { " holds DCS" } else { "" };
        let body = if index % 10 == 0 {
            format!(" member_of b{}", index % 7)
        } else {
            String::new()
        };
        writeln!(
            text,
            "post p{index} {{ title \"Post number {index} of the council\"{holds} report_to p{}{body} }}",
            parent(index)
        )
        .unwrap();
    }
    for index in 0..7 {
        writeln!(text, "body b{index} {{ kind other_body title \"Board {index}\" }}").unwrap();
        writeln!(
            text,
            "member m{index} {{ title \"Member {index}\" member_of b{index}, b{} }}",
            (index + 3) % 7
        )
        .unwrap();
    }
    text
}

/// Which post a post reports to, by number.
type Parent = fn(usize) -> usize;

#[test]
fn two_hundred_posts_are_laid_out_without_overlap_whatever_their_shape() {
    // Everyone under the chief executive; each under the last; three to a
    // manager.
    let shapes: [(&str, Parent); 3] = [
        ("flat", |_| 0),
        ("chain", |index| index - 1),
        ("tree", |index| (index - 1) / 3),
    ];
    for (shape, parent) in shapes {
        let text = many_posts(200, parent);
        let (chart, _) = chart_of_texts(&[("many.dcs", &text)], "2026-11-01");
        assert_eq!(chart.nodes().len(), 214, "{shape}");
        let svg = chart.to_svg();
        check_svg(&chart, &svg);
        assert_eq!(svg, chart.to_svg(), "{shape}: deterministic");
        check_dot(&chart.to_dot());
        check_mermaid(&chart, &chart.to_mermaid());
    }
}

/// A small guidance whose relations between posts and bodies can loop.
const LOOPING_POLICY: &str = r#"
guidance loops {
  title "A guidance whose relations loop"
  issued 2013-04
  force statutory_guidance
}
document text { title "The test guidance" }
role DCS { title "Director of Children's Services"  held_by post }
role ChiefExecutive { title "Chief Executive"  held_by post }
body_kind board { title "Board" }
relation report_to { title "reports directly to"  from post  to post  hierarchy yes }
relation member_of { title "is a member of"  from post, member  to body }
relation advises { title "advises"  from body  to post, body }
relation works_with { title "works with"  from post  to post }
paragraph 1 { section "The DCS"  words verbatim from text  text "Every authority appoints one DCS." }
duty dcs.appointed { cites 1  exactly one post must hold DCS }
duty dcs.report_to_chief_executive { cites 1  DCS should report_to ChiefExecutive }
"#;

#[test]
fn relations_that_loop_are_drawn_without_hanging() {
    let arrangement = r#"
arrangements looping { council "Looping Council" }
post ceo { title "Chief Executive" holds ChiefExecutive works_with dcs member_of board_a }
post dcs { title "Director" holds DCS report_to ceo works_with ceo member_of board_a, board_b }
body board_a { kind board title "Board A" advises dcs, board_b }
body board_b { kind board title "Board B" advises board_a, ceo }
"#;
    let (chart, _) = chart_of_texts(
        &[("policy.dcs", LOOPING_POLICY), ("looping.dcs", arrangement)],
        "2026-11-01",
    );
    assert_eq!(chart.nodes().len(), 4);
    assert_eq!(chart.relation_titles(), ["is a member of", "advises", "works with"]);
    // Every stated line is drawn, loops and all.
    assert_eq!(chart.edges().len(), 1 + 3 + 4 + 2);
    let svg = chart.to_svg();
    check_svg(&chart, &svg);
    let document = roxmltree::Document::parse(&svg).unwrap();
    let lines = document
        .descendants()
        .filter(|node| has_class(*node, "dcsc-line"))
        .count();
    assert_eq!(lines, chart.edges().len());
    check_dot(&chart.to_dot());
    check_mermaid(&chart, &chart.to_mermaid());
}

/// A model built by hand, as the checker would never let through: a
/// reporting loop, a line to itself, a line to an entity that does not
/// exist, a relation the policy does not declare.
#[test]
fn a_reporting_loop_the_checker_would_refuse_still_draws() {
    let policy = Policy {
        relations: vec![Relation {
            key: "report_to".to_owned(),
            title: "reports directly to".to_owned(),
            from: vec![EntityKind::Post],
            to: vec![EntityKind::Post],
            hierarchy: true,
            descriptive: false,
            span: Span::default(),
        }],
        ..Policy::default()
    };
    let line = |targets: &[u32], relation: u32| {
        (
            RelationId(relation),
            Stated::always(
                targets.iter().map(|target| EntityId(*target)).collect(),
                FactOrigin {
                    span: Span::default(),
                    evidence: None,
                },
            ),
        )
    };
    let post = |key: &str, relations| Entity {
        key: key.into(),
        kind: EntityKind::Post,
        title: None,
        person: None,
        portfolio: None,
        life: dcsc::model::Period::ALWAYS,
        life_lines: thin_vec::ThinVec::new(),
        roles: thin_vec::ThinVec::new(),
        turns: thin_vec::ThinVec::new(),
        functions: thin_vec::ThinVec::new(),
        body_kind: None,
        relations,
        attributes: thin_vec::ThinVec::new(),
        other_functions: Some(false),
        described: thin_vec::ThinVec::new(),
        organisation_ties: None,
        note: None,
        span: Span::default(),
    };
    let arrangement = Arrangement {
        key: "<loop>".to_owned(),
        file: dcsc::source::FileId(0),
        council: None,
        council_kind: None,
        upper_tier: None,
        governance: None,
        considering: Vec::new(),
        answers_to: Vec::new(),
        complete_kinds: Vec::new(),
        complete_relations: Vec::new(),
        has_no: Vec::new(),
        documents: Vec::new(),
        entities: vec![
            post("a", thin_vec::thin_vec![line(&[1], 0)]),
            post("b", thin_vec::thin_vec![line(&[2], 0)]),
            post("c", thin_vec::thin_vec![line(&[0, 2, 99], 0), line(&[0], 7)]),
        ],
        events: Vec::new(),
        answers: Vec::new(),
        departures: Vec::new(),
        known_until: None,
        papers_end: None,
        timeline: dcsc::model::Timeline::default(),
        shared_files: Vec::new(),
        commenced: Vec::new(),
        span: Span::default(),
    };
    let sources = dcsc::source::SourceMap::new();
    let chart = chart(&dcsc::Assessment {
        sources: &sources,
        policy: &policy,
        arrangement: &arrangement,
        verdicts: &[],
        departures: &[],
        as_at: day("2026-11-01"),
        date_basis: dcsc::DateBasis::Given,
    });
    assert_eq!(chart.nodes().len(), 3);
    // The loop's three lines are drawn; the line to itself and to nowhere
    // are not.
    let reporting = chart
        .edges()
        .iter()
        .filter(|edge| edge.kind == EdgeKind::Reporting)
        .count();
    assert_eq!(reporting, 3);
    assert_eq!(chart.relation_titles(), ["is related to"]);
    let svg = chart.to_svg();
    check_svg(&chart, &svg);
    // Titles fall back to the entities' ids; the SVG ids keep to safe
    // characters.
    assert!(svg.contains("id=\"dcsc-loop-title\""));
    check_dot(&chart.to_dot());
    check_mermaid(&chart, &chart.to_mermaid());
}
