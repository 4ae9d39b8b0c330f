//! The chart as a Mermaid flowchart, for papers written in Markdown. Node
//! ids are `n0`, `n1`…; every label is quoted with Mermaid's entity codes
//! for anything that could end or break it (see [`super::text::mermaid_string`]).

use super::style;
use super::text::{mermaid_string, one_line};
use super::{Chart, EdgeKind, NodeKind};

/// The Mermaid text of a chart.
pub(super) fn render(chart: &Chart) -> String {
    let mut out = String::new();
    out.push_str("%% Governance chart drawn by dcsc from the council's stated arrangements.\n");
    out.push_str("%% Legend:\n");
    out.push_str("%%   rectangle = officer post; rounded box = elected member; stadium = body\n");
    out.push_str(&format!(
        "%%   thick dark blue border = {}; the roles a box holds follow \"Holds:\"\n",
        comment(&chart.principal_words())
    ));
    out.push_str(&format!(
        "%%   solid line, no arrowhead = reporting line: the lower box {} the upper one\n",
        comment(&chart.reporting_title)
    ));
    for relation in &chart.relations {
        out.push_str(&format!(
            "%%   dotted arrow labelled {} = A {} B\n",
            comment(&relation.title),
            comment(&relation.title)
        ));
    }
    out.push_str("%%   thick red dashed line labelled flagged: = a reporting line that a verdict found departing\n");
    out.push_str(
        "%%     from the guidance (fail, unexplained or departure); the label names the duty and the verdict\n",
    );
    out.push_str("flowchart TD\n");
    // Accessibility title and description: Mermaid reads each to the end of
    // its line, so they are kept to one.
    out.push_str(&format!("  accTitle: {}\n", comment(&chart.title)));
    out.push_str(&format!("  accDescr: {}\n", comment(&summary(chart))));

    for (index, node) in chart.nodes.iter().enumerate() {
        let lines: Vec<String> = chart.label(node).into_iter().map(|line| line.text).collect();
        let label = mermaid_string(&lines);
        let shape = match node.kind {
            NodeKind::Post => format!("[{label}]"),
            NodeKind::Member => format!("({label})"),
            NodeKind::Body => format!("([{label}])"),
        };
        out.push_str(&format!("  n{index}{shape}\n"));
    }

    // Links are numbered in the order written, for `linkStyle`.
    let mut flagged: Vec<usize> = Vec::new();
    let mut by_relation: Vec<Vec<usize>> = vec![Vec::new(); chart.relations.len()];
    let mut link = 0usize;
    for edge in chart.edges.iter().filter(|edge| edge.kind == EdgeKind::Reporting) {
        if edge.is_flagged() {
            let label = mermaid_string(&edge.flag_lines());
            out.push_str(&format!("  n{} ===|{label}| n{}\n", edge.from, edge.to));
            flagged.push(link);
        } else {
            out.push_str(&format!("  n{} --- n{}\n", edge.from, edge.to));
        }
        link += 1;
    }
    for edge in chart.edges.iter() {
        let EdgeKind::Relation(index) = edge.kind else {
            continue;
        };
        let label = mermaid_string(&[chart.relation_title(edge).to_owned()]);
        out.push_str(&format!("  n{} -.->|{label}| n{}\n", edge.from, edge.to));
        if let Some(links) = by_relation.get_mut(index) {
            links.push(link);
        }
        link += 1;
    }

    out.push_str(&format!(
        "  classDef post fill:{},stroke:{},color:#111111\n",
        style::POST_FILL,
        style::POST_STROKE
    ));
    out.push_str(&format!(
        "  classDef member fill:{},stroke:{},color:#111111\n",
        style::MEMBER_FILL,
        style::MEMBER_STROKE
    ));
    out.push_str(&format!(
        "  classDef body fill:{},stroke:{},color:#111111\n",
        style::BODY_FILL,
        style::BODY_STROKE
    ));
    out.push_str(&format!(
        "  classDef statutory stroke:{},stroke-width:4px\n",
        style::STRONG_STROKE
    ));
    for (class, kind) in [
        ("post", NodeKind::Post),
        ("member", NodeKind::Member),
        ("body", NodeKind::Body),
    ] {
        let ids: Vec<String> = chart
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.kind == kind)
            .map(|(index, _)| format!("n{index}"))
            .collect();
        if !ids.is_empty() {
            out.push_str(&format!("  class {} {class}\n", ids.join(",")));
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
        out.push_str(&format!("  class {} statutory\n", strong.join(",")));
    }
    for (index, links) in by_relation.iter().enumerate() {
        if links.is_empty() {
            continue;
        }
        let (colour, dash, _) = style::relation(index);
        let links: Vec<String> = links.iter().map(usize::to_string).collect();
        out.push_str(&format!(
            "  linkStyle {} stroke:{colour},stroke-width:1.5px,stroke-dasharray:{dash},color:{colour}\n",
            links.join(",")
        ));
    }
    if !flagged.is_empty() {
        let links: Vec<String> = flagged.iter().map(usize::to_string).collect();
        out.push_str(&format!(
            "  linkStyle {} stroke:{},stroke-width:4px,stroke-dasharray:{},color:{}\n",
            links.join(","),
            style::FLAG,
            style::FLAG_DASH,
            style::FLAG
        ));
    }
    out
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
