//! The governance chart of each shipped council, in DOT, Mermaid and SVG:
//! snapshots of the text formats (what a reviewer reads when the chart
//! changes), and checks of the SVG a person sees: well-formed, every post,
//! member and body shown, the DCS marked, flagged lines flagged, the same
//! bytes every time. Then the inputs a council's file could throw at it:
//! markup and quotes in names, Welsh, very long titles, no entities at all,
//! 200 posts, and lines that loop.

use dcsc::eval::VerdictKind;
use dcsc::graph::{chart, Chart, EdgeKind, NodeKind};
use dcsc::model::EntityKind;
use dcsc::model::{Arrangement, Entity, EntityId, FactOrigin, Policy, Relation, RelationId, Stated};
use dcsc::source::Span;
use dcsc::Workspace;

use crate::support::{day, root, SEED_COUNCILS};

/// The fault whose DCS reports to a deputy chief executive, unexplained.
const DEPUTY: &str = "tests/fixtures/faults/dcs_reports_to_deputy_chief_executive.dcs";

/// Verifies files (paths relative to the crate) and charts the first
/// arrangement, with its policy.
fn chart_of_files(files: &[&str], date: &str) -> (Chart, Policy, Arrangement) {
    let root = root();
    let mut workspace = Workspace::new();
    for file in files {
        assert!(workspace.add_path(&root.join(file)).is_some(), "cannot read {file}");
    }
    let Some(verified) = workspace.verify(day(date)) else {
        panic!("{files:?} did not check:\n{}", workspace.render_diagnostics(false));
    };
    let chart = chart(&verified.assessments(&workspace.sources)[0]);
    let council = verified.councils.into_iter().next().expect("one arrangement");
    (chart, verified.policy, council.arrangement)
}

/// Verifies texts given inline (name, text) and charts the first
/// arrangement.
fn chart_of_texts(texts: &[(&str, &str)], date: &str) -> (Chart, Arrangement) {
    let mut workspace = Workspace::new();
    for (name, text) in texts {
        workspace.add_text(name, text);
    }
    let Some(verified) = workspace.verify(day(date)) else {
        panic!("did not check:\n{}", workspace.render_diagnostics(false));
    };
    let chart = chart(&verified.assessments(&workspace.sources)[0]);
    let council = verified.councils.into_iter().next().expect("one arrangement");
    (chart, council.arrangement)
}

/// Text of an element and its descendants' text nodes, lines joined by
/// spaces.
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for descendant in node.descendants() {
        if descendant.is_element() && matches!(descendant.tag_name().name(), "tspan" | "text") {
            for child in descendant.children().filter(|child| child.is_text()) {
                parts.push(child.text().unwrap_or_default().to_owned());
            }
        }
    }
    parts.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_class(node: roxmltree::Node<'_, '_>, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|classes| classes.split(' ').any(|name| name == class))
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks what every SVG chart must be: parses as XML, an `<svg>` root in
/// the SVG namespace with size, viewBox, role and title, nothing that runs
/// or fetches, and one node group per node showing the node's title and
/// roles. Returns the parsed document's node texts, in node order.
fn check_svg(chart: &Chart, svg: &str) -> Vec<String> {
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
    let document = roxmltree::Document::parse(svg).unwrap_or_else(|error| panic!("not XML: {error}\n{svg}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    for attribute in ["width", "height", "viewBox"] {
        let value = root.attribute(attribute).unwrap_or_else(|| panic!("no {attribute}"));
        assert!(
            !value.is_empty() && !value.contains("NaN") && !value.contains("inf"),
            "{attribute}={value}"
        );
    }
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root
        .children()
        .find(|child| child.has_tag_name("title"))
        .expect("a <title> first");
    assert_eq!(title.text(), Some(chart.title()));
    assert!(root.children().any(|child| child.has_tag_name("desc")));
    // Nothing that runs, fetches or styles the page it is embedded in.
    for element in document.descendants().filter(|node| node.is_element()) {
        let name = element.tag_name().name();
        assert!(
            !matches!(name, "script" | "style" | "image" | "foreignObject" | "a" | "use"),
            "<{name}> in the chart"
        );
        for attribute in element.attributes() {
            assert!(
                !attribute.name().starts_with("on"),
                "event handler {}",
                attribute.name()
            );
            assert!(!attribute.value().contains("http://") || attribute.name() == "xmlns");
        }
    }
    assert!(!svg.contains("NaN") && !svg.contains("inf\""));
    assert!(
        document.descendants().any(|node| has_class(node, "dcsc-legend")),
        "a legend"
    );

    let groups: Vec<roxmltree::Node<'_, '_>> = document
        .descendants()
        .filter(|node| has_class(*node, "dcsc-node"))
        .collect();
    assert_eq!(groups.len(), chart.nodes().len());
    let mut texts = Vec::new();
    for (group, node) in groups.iter().zip(chart.nodes()) {
        let shown = text_of(*group);
        assert!(
            shown.contains(&normalise(&node.title)) || normalise(&node.title).chars().count() > 200,
            "{:?} not shown in {shown:?}",
            node.title
        );
        // Roles by title, never by id.
        for (role, key) in node.roles.iter().zip(&node.role_keys) {
            assert!(shown.contains(&normalise(role)), "{role} not in {shown}");
            assert!(
                !shown.split_whitespace().any(|word| word == key.as_str()),
                "{key} in {shown}"
            );
        }
        let class = match node.kind {
            NodeKind::Post => "dcsc-post",
            NodeKind::Member => "dcsc-member",
            NodeKind::Body => "dcsc-body",
        };
        assert!(has_class(*group, class), "{} is not drawn as a {class}", node.title);
        assert_eq!(has_class(*group, "dcsc-statutory"), node.statutory);
        texts.push(shown);
    }
    boxes_do_not_overlap(&document);
    texts
}

/// No two node boxes overlap.
fn boxes_do_not_overlap(document: &roxmltree::Document<'_>) {
    let boxes: Vec<(f64, f64, f64, f64)> = document
        .descendants()
        .filter(|node| has_class(*node, "dcsc-node"))
        .map(|group| {
            let rect = group
                .children()
                .find(|child| child.has_tag_name("rect"))
                .expect("a box");
            let number = |name: &str| rect.attribute(name).unwrap().parse::<f64>().unwrap();
            (number("x"), number("y"), number("width"), number("height"))
        })
        .collect();
    for (index, a) in boxes.iter().enumerate() {
        for b in boxes.iter().skip(index + 1) {
            let apart = a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
            assert!(apart, "boxes overlap: {a:?} and {b:?}");
        }
    }
}

/// A small checker of the DOT the chart writes: strings closed and
/// escaped, no raw line break inside one, braces balanced outside strings,
/// every node id of the form `n0`. Returns each quoted string, unescaped.
fn check_dot(dot: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut depth = 0i32;
    let mut chars = dot.chars().peekable();
    let mut word = String::new();
    let mut previous_word = String::new();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let mut text = String::new();
                loop {
                    match chars.next() {
                        None => panic!("unterminated string in DOT:\n{dot}"),
                        Some('"') => break,
                        Some('\n') => panic!("raw line break in a DOT string:\n{dot}"),
                        Some('\\') => match chars.next() {
                            Some('"') => text.push('"'),
                            Some('\\') => text.push('\\'),
                            Some('n') => text.push('\n'),
                            other => panic!("unexpected escape \\{other:?} in DOT"),
                        },
                        Some(c) => text.push(c),
                    }
                }
                strings.push(text);
            }
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                assert!(depth >= 0, "unbalanced braces");
            }
            c if c.is_alphanumeric() || c == '_' || c == '.' || c == '#' => word.push(c),
            _ => {
                if !word.is_empty() {
                    previous_word = std::mem::take(&mut word);
                }
                // An edge's ends and a node statement's id are ids `nN`.
                if c == '-' && chars.peek() == Some(&'>') {
                    assert!(is_node_id(&previous_word), "edge from {previous_word:?}");
                }
            }
        }
    }
    assert_eq!(depth, 0, "unbalanced braces");
    for line in dot.lines().map(str::trim) {
        if line.starts_with('n') && line.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) && line.ends_with("];") {
            let id = line.split([' ', '[']).next().unwrap_or_default();
            assert!(is_node_id(id), "node id {id:?} in {line}");
        }
    }
    strings
}

fn is_node_id(id: &str) -> bool {
    id.strip_prefix('n')
        .is_some_and(|digits| !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
}

/// Checks the Mermaid the chart writes: one statement a line, each node a
/// safe id and one quoted label with no quote, markup or pipe inside it,
/// each link between safe ids with an optional quoted label.
fn check_mermaid(chart: &Chart, mermaid: &str) {
    let mut lines = mermaid.lines().filter(|line| !line.starts_with("%%"));
    assert_eq!(lines.next(), Some("flowchart TD"));
    let label_ok = |label: &str| {
        let inner = label
            .strip_prefix('"')
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("unquoted label {label}"));
        let unsafe_inside = inner.replace("<br/>", "");
        assert!(
            !unsafe_inside.contains(['"', '<', '>', '|', '`', '\n']),
            "unescaped text in Mermaid label {label}"
        );
    };
    let mut nodes = 0;
    for line in lines {
        let statement = line.trim();
        let first = statement.split([' ', '[', '(']).next().unwrap_or_default();
        if is_node_id(first) && !statement.contains("---") && !statement.contains("-.->") && !statement.contains("===")
        {
            let shape = &statement[first.len()..];
            let label = if let Some(inner) = shape.strip_prefix("([").and_then(|s| s.strip_suffix("])")) {
                inner
            } else if let Some(inner) = shape.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                inner
            } else if let Some(inner) = shape.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
                inner
            } else {
                panic!("odd node statement {statement}")
            };
            label_ok(label);
            nodes += 1;
        } else if is_node_id(first) {
            let parts: Vec<&str> = statement.split(' ').collect();
            assert!(is_node_id(parts[0]), "{statement}");
            assert!(is_node_id(parts[parts.len() - 1]), "{statement}");
            let link = parts[1..parts.len() - 1].join(" ");
            if let Some(rest) = link.split_once('|') {
                let label = rest.1.strip_suffix('|').unwrap_or_else(|| panic!("{statement}"));
                label_ok(label);
                assert!(matches!(rest.0, "===" | "-.->"), "{statement}");
            } else {
                assert_eq!(link, "---", "{statement}");
            }
        } else {
            assert!(
                ["accTitle: ", "accDescr: ", "classDef ", "class ", "linkStyle "]
                    .iter()
                    .any(|start| statement.starts_with(start)),
                "unexpected Mermaid line {statement}"
            );
            assert!(!statement.contains(['"', '<', '>', '|', '{', '}']), "{statement}");
        }
    }
    assert_eq!(nodes, chart.nodes().len());
}

#[test]
fn each_council_has_a_chart_in_dot_and_mermaid_snapshotted() {
    for (name, files, date) in SEED_COUNCILS {
        let (chart, _, _) = chart_of_files(files, date);
        let dot = chart.to_dot();
        check_dot(&dot);
        snapshot!(format!("{name}_dot"), dot);
        let mermaid = chart.to_mermaid();
        check_mermaid(&chart, &mermaid);
        snapshot!(format!("{name}_mermaid"), mermaid);
    }
}

#[test]
fn each_council_has_an_svg_chart_showing_every_post_member_and_body() {
    for (name, files, date) in SEED_COUNCILS {
        let (chart, _, arrangement) = chart_of_files(files, date);
        let svg = chart.to_svg();
        check_svg(&chart, &svg);
        // Every post, member and body of the file is on the chart, by title;
        // services are not (they are commissioned, not governance).
        for entity in &arrangement.entities {
            let node = chart.nodes().iter().find(|node| node.key == entity.key);
            assert_eq!(
                node.is_some(),
                entity.kind != EntityKind::Service,
                "{name}: {}",
                entity.key
            );
            if let Some(node) = node {
                assert_eq!(node.title, entity.label(), "{name}");
            }
        }
    }
}

#[test]
fn the_charts_read_from_the_head_of_paid_service_down() {
    let (chart, policy, _) = chart_of_files(SEED_COUNCILS[0].1, SEED_COUNCILS[0].2);
    let titles: Vec<&str> = chart.nodes().iter().map(|node| node.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Chief Executive",
            "Executive Director, People",
            "Director (Education)",
            "Director (Children Services)",
            "Director (Adults)",
            "Director (Public Health)",
            "Cabinet Member for Children and Young People",
            "Cabinet Member for Adult Services",
            "Cabinet",
            "Health and Well Being Board",
            "Children and Young People's Partnership Board",
            "Improvement Board",
        ]
    );
    // Reporting lines run from manager to report.
    let reporting: Vec<(usize, usize)> = chart
        .edges()
        .iter()
        .filter(|edge| edge.kind == EdgeKind::Reporting)
        .map(|edge| (edge.from, edge.to))
        .collect();
    assert_eq!(reporting, [(0, 1), (1, 2), (1, 3), (1, 4), (1, 5)]);
    assert_eq!(chart.relation_titles(), ["is a member of"]);
    // Coventry's member has its portfolio; its bodies their kinds.
    assert_eq!(chart.nodes()[6].portfolio.as_deref(), Some("Children and Young People"));
    let executive = policy.body_kinds.iter().find(|kind| kind.key == "executive").unwrap();
    assert_eq!(chart.nodes()[8].body_kind.as_deref(), Some(executive.title.as_str()));
    // Nothing is flagged as at 2017: its DCS reports to the Chief Executive.
    assert!(chart.edges().iter().all(|edge| !edge.is_flagged()));
}

#[test]
fn the_dcs_and_lmcs_are_marked_in_every_format() {
    for (name, files, date) in SEED_COUNCILS {
        let (chart, _, _) = chart_of_files(files, date);
        let dcs: Vec<usize> = chart
            .nodes()
            .iter()
            .enumerate()
            .filter(|(_, node)| node.role_keys.iter().any(|role| role == "DCS"))
            .map(|(index, _)| index)
            .collect();
        assert_eq!(dcs.len(), 1, "{name}: one DCS");
        let index = dcs[0];
        let node = &chart.nodes()[index];
        assert!(node.statutory);

        let svg = chart.to_svg();
        let document = roxmltree::Document::parse(&svg).unwrap();
        let marked: Vec<roxmltree::Node<'_, '_>> = document
            .descendants()
            .filter(|group| has_class(*group, "dcsc-statutory"))
            .collect();
        let holder = marked
            .iter()
            .find(|group| text_of(**group).contains(&normalise(&node.title)))
            .unwrap_or_else(|| panic!("{name}: the DCS is not marked"));
        assert!(text_of(*holder).contains("Director of Children"));
        let rect = holder.children().find(|child| child.has_tag_name("rect")).unwrap();
        assert_eq!(rect.attribute("stroke-width"), Some("3.5"));

        let dot = chart.to_dot();
        let line = dot
            .lines()
            .find(|line| line.trim_start().starts_with(&format!("n{index} [")))
            .unwrap();
        assert!(
            line.contains("penwidth=3") && line.contains("Director of Children"),
            "{line}"
        );
        let mermaid = chart.to_mermaid();
        let statutory = mermaid.lines().find(|line| line.ends_with(" statutory")).unwrap();
        assert!(
            statutory
                .trim()
                .trim_start_matches("class ")
                .split([',', ' '])
                .any(|id| id == format!("n{index}")),
            "{statutory}"
        );
    }
}

#[test]
fn charts_are_the_same_bytes_every_time() {
    for (name, files, date) in SEED_COUNCILS {
        let (first, _, _) = chart_of_files(files, date);
        let (second, _, _) = chart_of_files(files, date);
        assert_eq!(first, second, "{name}");
        assert_eq!(first.to_svg(), second.to_svg(), "{name}");
        assert_eq!(first.to_svg(), first.to_svg(), "{name}");
        assert_eq!(first.to_dot(), second.to_dot(), "{name}");
        assert_eq!(first.to_mermaid(), second.to_mermaid(), "{name}");
    }
}

#[test]
fn a_dcs_reporting_to_a_deputy_is_flagged_in_every_format() {
    let (chart, _, _) = chart_of_files(&[DEPUTY], "2026-11-01");
    let flagged: Vec<_> = chart.edges().iter().filter(|edge| edge.is_flagged()).collect();
    assert_eq!(flagged.len(), 1, "{:?}", chart.edges());
    let line = flagged[0];
    assert_eq!(chart.nodes()[line.from].title, "Deputy Chief Executive");
    assert_eq!(chart.nodes()[line.to].title, "Director of Children's Services");
    assert!(line
        .flags
        .iter()
        .any(|flag| flag.duty == "dcs.report_to_chief_executive" && flag.verdict == VerdictKind::Unexplained));
    // The line from the Chief Executive to the deputy is not flagged.
    assert_eq!(
        chart
            .edges()
            .iter()
            .filter(|edge| edge.kind == EdgeKind::Reporting)
            .count(),
        2
    );
    // Labelled with the duty's title and the verdict in words, not the
    // duty's id.
    let label = "flagged: The DCS reports directly to the Chief Executive";

    // DOT: red, thick, dashed and labelled, on the deputy's line.
    let dot = chart.to_dot();
    check_dot(&dot);
    let edge = dot
        .lines()
        .find(|text| {
            text.trim_start()
                .starts_with(&format!("n{} -> n{} ", line.from, line.to))
        })
        .unwrap();
    for part in [label, "color=\"#c00000\"", "penwidth=3.5", "style=dashed"] {
        assert!(edge.contains(part), "{part} missing from {edge}");
    }

    // Mermaid: a thick labelled link, styled red and dashed.
    let mermaid = chart.to_mermaid();
    check_mermaid(&chart, &mermaid);
    let links: Vec<&str> = mermaid
        .lines()
        .map(str::trim)
        .filter(|text| text.starts_with('n') && (text.contains("---") || text.contains("-.->") || text.contains("===")))
        .collect();
    let place = links
        .iter()
        .position(|text| text.starts_with(&format!("n{} ===|\"{label}", line.from)))
        .unwrap_or_else(|| panic!("{mermaid}"));
    let style = mermaid
        .lines()
        .find(|text| text.trim().starts_with(&format!("linkStyle {place} ")))
        .unwrap();
    assert!(style.contains("stroke:#c00000") && style.contains("stroke-dasharray") && style.contains("4px"));

    // SVG: a red, thick, dashed path with the label in text beside it.
    let svg = chart.to_svg();
    check_svg(&chart, &svg);
    let document = roxmltree::Document::parse(&svg).unwrap();
    let group = document
        .descendants()
        .find(|node| has_class(*node, "dcsc-flagged"))
        .expect("a flagged line");
    let path = group.children().find(|child| child.has_tag_name("path")).unwrap();
    assert_eq!(path.attribute("stroke"), Some("#c00000"));
    assert!(path.attribute("stroke-dasharray").is_some());
    assert!(path.attribute("stroke-width").unwrap().parse::<f64>().unwrap() >= 3.0);
    let labels: Vec<String> = document
        .descendants()
        .filter(|node| has_class(*node, "dcsc-flag-label"))
        .map(text_of)
        .collect();
    assert!(labels.iter().any(|text| text.contains(label)), "{labels:?}");
    snapshot!("deputy_dot", dot);
    snapshot!("deputy_mermaid", mermaid);
}

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
        text.push_str(&format!(
            "post p{index} {{ title \"Post number {index} of the council\"{holds} report_to p{}{body} }}\n",
            parent(index)
        ));
    }
    for index in 0..7 {
        text.push_str(&format!(
            "body b{index} {{ kind other_body title \"Board {index}\" }}\n"
        ));
        text.push_str(&format!(
            "member m{index} {{ title \"Member {index}\" member_of b{index}, b{} }}\n",
            (index + 3) % 7
        ));
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
        key: key.to_owned(),
        kind: EntityKind::Post,
        title: None,
        person: None,
        portfolio: None,
        life: dcsc::model::Period::ALWAYS,
        roles: Vec::new(),
        functions: Vec::new(),
        body_kind: None,
        relations,
        attributes: Vec::new(),
        other_functions: Some(false),
        described: Vec::new(),
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
            post("a", vec![line(&[1], 0)]),
            post("b", vec![line(&[2], 0)]),
            post("c", vec![line(&[0, 2, 99], 0), line(&[0], 7)]),
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
