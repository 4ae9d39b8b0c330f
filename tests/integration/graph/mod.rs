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

mod hostile;

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
            NodeKind::Organisation => "dcsc-organisation",
            NodeKind::Service => "dcsc-service",
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
        // Every post, member and body of the file that existed at the
        // chart's date is on the chart, by title; services are not (they
        // are commissioned, not governance), nor what was gone by then
        // (Barnet's LSCB, as at 29 September 2019, when the boards ended).
        for entity in &arrangement.entities {
            let node = chart.nodes().iter().find(|node| node.key == entity.key);
            let existed = entity.exists_at(&arrangement.timeline, day(date)) != dcsc::date::Holding::No;
            assert_eq!(
                node.is_some(),
                entity.kind != EntityKind::Service && existed,
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
