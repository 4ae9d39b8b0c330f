//! The chart as a Mermaid flowchart, for papers written in Markdown. Node
//! ids are `n0`, `n1`…; every label is quoted with Mermaid's entity codes
//! for anything that could end or break it (see [`super::text::mermaid_string`]).

use std::fmt::Write as _;

use super::style;
use super::text::{mermaid_string, one_line};
use super::{Chart, EdgeKind, NodeKind};

/// The Mermaid text of a chart: the legend as comments, the title and
/// description, the nodes, the links, and the styles of each.
pub(super) fn render(chart: &Chart) -> String {
    let mut out = String::new();
    legend(&mut out, chart);
    out.push_str("flowchart TD\n");
    // Accessibility title and description: Mermaid reads each to the end of
    // its line, so they are kept to one.
    let _ = writeln!(out, "  accTitle: {}", comment(&chart.title));
    let _ = writeln!(out, "  accDescr: {}", comment(&summary(chart)));
    for (index, node) in chart.nodes.iter().enumerate() {
        let lines: Vec<String> = chart.label(node).into_iter().map(|line| line.text).collect();
        let label = mermaid_string(&lines);
        let shape = match node.kind {
            NodeKind::Post => format!("[{label}]"),
            NodeKind::Member => format!("({label})"),
            NodeKind::Body => format!("([{label}])"),
            NodeKind::Organisation => format!("{{{{{label}}}}}"),
            NodeKind::Service => format!("[/{label}/]"),
        };
        let _ = writeln!(out, "  n{index}{shape}");
    }
    let links = links(&mut out, chart);
    classes(&mut out, chart);
    link_styles(&mut out, &links);
    out
}

/// The legend, as comments above the flowchart.
fn legend(out: &mut String, chart: &Chart) {
    out.push_str("%% Governance chart drawn by dcsc from the council's stated arrangements.\n");
    out.push_str("%% Legend:\n");
    out.push_str("%%   rectangle = officer post; rounded box = elected member; stadium = body\n");
    if chart
        .nodes
        .iter()
        .any(|node| matches!(node.kind, NodeKind::Organisation | NodeKind::Service))
    {
        out.push_str("%%   hexagon = organisation beside the council; parallelogram = service it runs\n");
    }
    let _ = writeln!(
        out,
        "%%   thick dark blue border = {}; the roles a box holds follow \"Holds:\"",
        comment(&chart.principal_words())
    );
    let _ = writeln!(
        out,
        "%%   solid line, no arrowhead = reporting line: the lower box {} the upper one",
        comment(&chart.reporting_title)
    );
    for relation in &chart.relations {
        let _ = writeln!(
            out,
            "%%   dotted arrow labelled {} = A {} B",
            comment(&relation.title),
            comment(&relation.title)
        );
    }
    out.push_str(
        "%%   dotted line labelled (inferred), (possibly) or (perhaps, at this date) = a reporting line the papers\n",
    );
    out.push_str("%%     only imply, or leave open at the chart's date; a role so held is marked the same way\n");
    out.push_str("%%   thick red dashed line labelled flagged: = a reporting line that a verdict found departing\n");
    out.push_str(
        "%%     from the guidance (fail, unexplained or departure); the label names the duty and the verdict\n",
    );
}

/// The links drawn, by their number in the order written, for
/// `linkStyle`.
struct Links {
    /// The flagged reporting lines.
    flagged: Vec<usize>,
    /// The lines of each relation, by the relation's place on the chart.
    by_relation: Vec<Vec<usize>>,
}

/// Writes the reporting lines, then the other relations, and numbers
/// them.
fn links(out: &mut String, chart: &Chart) -> Links {
    let mut links = Links {
        flagged: Vec::new(),
        by_relation: vec![Vec::new(); chart.relations.len()],
    };
    let mut link = 0usize;
    for edge in chart.edges.iter().filter(|edge| edge.kind == EdgeKind::Reporting) {
        if edge.is_flagged() {
            let label = mermaid_string(&edge.flag_lines());
            let _ = writeln!(out, "  n{} ===|{label}| n{}", edge.from, edge.to);
            links.flagged.push(link);
        } else if let Some(doubt) = edge.doubt {
            let label = mermaid_string(&[format!("({doubt})")]);
            let _ = writeln!(out, "  n{} -.-|{label}| n{}", edge.from, edge.to);
        } else {
            let _ = writeln!(out, "  n{} --- n{}", edge.from, edge.to);
        }
        link += 1;
    }
    for edge in chart.edges.iter() {
        let EdgeKind::Relation(index) = edge.kind else {
            continue;
        };
        let label = mermaid_string(&[chart.line_label(edge)]);
        let _ = writeln!(out, "  n{} -.->|{label}| n{}", edge.from, edge.to);
        if let Some(numbers) = links.by_relation.get_mut(index) {
            numbers.push(link);
        }
        link += 1;
    }
    links
}

/// The classes of node, and which nodes are in each.
fn classes(out: &mut String, chart: &Chart) {
    let _ = writeln!(
        out,
        "  classDef post fill:{},stroke:{},color:#111111",
        style::POST_FILL,
        style::POST_STROKE
    );
    let _ = writeln!(
        out,
        "  classDef member fill:{},stroke:{},color:#111111",
        style::MEMBER_FILL,
        style::MEMBER_STROKE
    );
    let _ = writeln!(
        out,
        "  classDef body fill:{},stroke:{},color:#111111",
        style::BODY_FILL,
        style::BODY_STROKE
    );
    // Organisations and services are drawn only where the guidance reads
    // them: their classes are defined only where they are drawn.
    for (class, kind, fill, stroke) in [
        (
            "organisation",
            NodeKind::Organisation,
            style::ORGANISATION_FILL,
            style::ORGANISATION_STROKE,
        ),
        ("service", NodeKind::Service, style::SERVICE_FILL, style::SERVICE_STROKE),
    ] {
        if chart.nodes.iter().any(|node| node.kind == kind) {
            let _ = writeln!(out, "  classDef {class} fill:{fill},stroke:{stroke},color:#111111");
        }
    }
    let _ = writeln!(
        out,
        "  classDef statutory stroke:{},stroke-width:4px",
        style::STRONG_STROKE
    );
    for (class, kind) in [
        ("post", NodeKind::Post),
        ("member", NodeKind::Member),
        ("body", NodeKind::Body),
        ("organisation", NodeKind::Organisation),
        ("service", NodeKind::Service),
    ] {
        let ids: Vec<String> = chart
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.kind == kind)
            .map(|(index, _)| format!("n{index}"))
            .collect();
        if !ids.is_empty() {
            let _ = writeln!(out, "  class {} {class}", ids.join(","));
        }
    }
    let strong: Vec<String> = chart
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| node.statutory)
        .map(|(index, _)| format!("n{index}"))
        .collect();
    if !strong.is_empty() {
        let _ = writeln!(out, "  class {} statutory", strong.join(","));
    }
}

/// The style of each relation's links, then of the flagged lines.
fn link_styles(out: &mut String, links: &Links) {
    for (index, numbers) in links.by_relation.iter().enumerate() {
        if numbers.is_empty() {
            continue;
        }
        let (colour, dash, _) = style::relation(index);
        let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
        let _ = writeln!(
            out,
            "  linkStyle {} stroke:{colour},stroke-width:1.5px,stroke-dasharray:{dash},color:{colour}",
            numbers.join(",")
        );
    }
    if !links.flagged.is_empty() {
        let numbers: Vec<String> = links.flagged.iter().map(usize::to_string).collect();
        let _ = writeln!(
            out,
            "  linkStyle {} stroke:{},stroke-width:4px,stroke-dasharray:{},color:{}",
            numbers.join(","),
            style::FLAG,
            style::FLAG_DASH,
            style::FLAG
        );
    }
}

/// Text for a line that Mermaid reads to its end (comments, `accTitle`,
/// `accDescr`): on one line, and without the characters some Mermaid
/// versions read as an entity code, a statement's end, a block, a label or
/// markup (`# ; { } | " < > \``): these lines cannot be quoted, so such
/// characters become spaces.
fn comment(text: &str) -> String {
    let spaced: String = one_line(text)
        .chars()
        .map(|c| match c {
            '#' | ';' | '{' | '}' | '|' | '"' | '<' | '>' | '`' => ' ',
            c => c,
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One sentence saying what the chart holds, for `accDescr`.
fn summary(chart: &Chart) -> String {
    format!(
        "Reporting lines from the head of paid service down: {}.",
        chart.counts().join(", ")
    )
}
