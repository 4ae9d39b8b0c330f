//! The chart as Graphviz DOT, for councils that lay their charts out with
//! Graphviz themselves. Node ids are `n0`, `n1`… (never the council's own
//! names); every label is a quoted, escaped string.

use std::fmt::Write as _;

use super::style;
use super::text::dot_string;
use super::{Chart, Edge, EdgeKind, Node, NodeKind};

const FONT: &str = "Helvetica,Arial,sans-serif";

/// The DOT text of a chart: the legend as comments, then the graph's
/// defaults, its nodes by kind, its reporting lines and its other lines.
pub(super) fn render(chart: &Chart) -> String {
    let mut out = String::new();
    legend(&mut out, chart);
    out.push_str("digraph governance {\n");
    defaults(&mut out, chart);
    for (group, kind) in [
        ("posts", NodeKind::Post),
        ("members", NodeKind::Member),
        ("bodies", NodeKind::Body),
        ("organisations", NodeKind::Organisation),
        ("services", NodeKind::Service),
    ] {
        nodes(&mut out, chart, group, kind);
    }
    reporting_lines(&mut out, chart);
    other_lines(&mut out, chart);
    out.push_str("}\n");
    out
}

/// The legend, as comments above the graph.
fn legend(out: &mut String, chart: &Chart) {
    out.push_str("// Governance chart drawn by dcsc from the council's stated arrangements.\n");
    out.push_str("// Legend:\n");
    out.push_str("//   box = officer post; rounded lilac box = elected member; pale green oval = body\n");
    if chart
        .nodes
        .iter()
        .any(|node| matches!(node.kind, NodeKind::Organisation | NodeKind::Service))
    {
        out.push_str("//   pale amber hexagon = organisation beside the council; grey note = service it runs\n");
    }
    let _ = writeln!(
        out,
        "//   thick dark blue border = {}; the roles a box holds follow \"Holds:\"",
        one_line_comment(&chart.principal_words())
    );
    let _ = writeln!(
        out,
        "//   solid line, no arrowhead = reporting line: the lower box {} the upper one",
        one_line_comment(&chart.reporting_title)
    );
    for (index, relation) in chart.relations.iter().enumerate() {
        let (_, _, line) = style::relation(index);
        let _ = writeln!(
            out,
            "//   {line} arrow labelled \"{}\" = A {} B",
            one_line_comment(&relation.title),
            one_line_comment(&relation.title)
        );
    }
    out.push_str(
        "//   dotted line labelled \"(inferred)\", \"(possibly)\" or \"(perhaps, at this date)\" = a reporting line the papers\n",
    );
    out.push_str("//     only imply, or leave open at the chart's date; a role so held is marked the same way\n");
    out.push_str(
        "//   thick red dashed line labelled \"flagged:\" = a reporting line that a verdict found departing\n",
    );
    out.push_str(
        "//     from the guidance (fail, unexplained or departure); the label names the duty and the verdict\n",
    );
}

/// The graph's title and the defaults of its nodes (a post's look) and
/// lines.
fn defaults(out: &mut String, chart: &Chart) {
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, fontname=\"{FONT}\", fontsize=16, rankdir=TB, nodesep=0.35, ranksep=0.6];",
        dot_string(std::slice::from_ref(&chart.title))
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=filled, fontname=\"{FONT}\", fontsize=11, color=\"{}\", fillcolor=\"{}\"];",
        style::POST_STROKE,
        style::POST_FILL
    );
    let _ = writeln!(
        out,
        "  edge [fontname=\"{FONT}\", fontsize=9, color=\"{}\"];",
        style::REPORTING
    );
}

/// The nodes of one kind, under a comment naming the group.
fn nodes(out: &mut String, chart: &Chart, group: &str, kind: NodeKind) {
    let members: Vec<(usize, &Node)> = chart
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| node.kind == kind)
        .collect();
    if members.is_empty() {
        return;
    }
    let _ = write!(out, "\n  // {group}\n");
    for (index, node) in members {
        let _ = writeln!(out, "  n{index} [{}];", node_attributes(chart, node).join(", "));
    }
}

/// A node's label and what its look differs in from a post's.
fn node_attributes(chart: &Chart, node: &Node) -> Vec<String> {
    let lines: Vec<String> = chart.label(node).into_iter().map(|line| line.text).collect();
    let mut attributes = vec![format!("label={}", dot_string(&lines))];
    let (stroke, fill) = match node.kind {
        NodeKind::Post => (style::POST_STROKE, style::POST_FILL),
        NodeKind::Member => {
            attributes.push("style=\"rounded,filled\"".to_owned());
            (style::MEMBER_STROKE, style::MEMBER_FILL)
        }
        NodeKind::Body => {
            attributes.push("shape=oval".to_owned());
            (style::BODY_STROKE, style::BODY_FILL)
        }
        NodeKind::Organisation => {
            attributes.push("shape=hexagon".to_owned());
            (style::ORGANISATION_STROKE, style::ORGANISATION_FILL)
        }
        NodeKind::Service => {
            attributes.push("shape=note".to_owned());
            (style::SERVICE_STROKE, style::SERVICE_FILL)
        }
    };
    // The node defaults are a post's colours: say only what differs.
    if node.statutory {
        attributes.push("penwidth=3".to_owned());
        attributes.push(format!("color=\"{}\"", style::STRONG_STROKE));
    } else if stroke != style::POST_STROKE {
        attributes.push(format!("color=\"{stroke}\""));
    }
    if fill != style::POST_FILL {
        attributes.push(format!("fillcolor=\"{fill}\""));
    }
    attributes
}

/// The reporting lines, manager above; flagged ones red, thick, dashed and
/// labelled.
fn reporting_lines(out: &mut String, chart: &Chart) {
    let reporting: Vec<&Edge> = chart
        .edges
        .iter()
        .filter(|edge| edge.kind == EdgeKind::Reporting)
        .collect();
    if !reporting.is_empty() {
        out.push_str("\n  // reporting lines, manager above\n");
    }
    for edge in reporting {
        let mut attributes = vec!["arrowhead=none".to_owned()];
        if edge.is_flagged() {
            attributes.push(format!("label={}", dot_string(&edge.flag_lines())));
            attributes.push(format!("color=\"{}\"", style::FLAG));
            attributes.push(format!("fontcolor=\"{}\"", style::FLAG));
            attributes.push("penwidth=3.5".to_owned());
            attributes.push("style=dashed".to_owned());
        } else if let Some(doubt) = edge.doubt {
            // A line the papers only imply, or that may not hold at the
            // chart's date, is drawn dotted and says so.
            attributes.push(format!("label={}", dot_string(&[format!("({doubt})")])));
            attributes.push("style=dotted".to_owned());
        }
        let _ = writeln!(out, "  n{} -> n{} [{}];", edge.from, edge.to, attributes.join(", "));
    }
}

/// The other relations, labelled with their titles, in their relation's
/// style.
fn other_lines(out: &mut String, chart: &Chart) {
    let others: Vec<&Edge> = chart
        .edges
        .iter()
        .filter(|edge| edge.kind != EdgeKind::Reporting)
        .collect();
    if !others.is_empty() {
        out.push_str("\n  // other relations, labelled with their titles\n");
    }
    for edge in others {
        let EdgeKind::Relation(index) = edge.kind else {
            continue;
        };
        let (colour, _, line) = style::relation(index);
        let label = dot_string(&[chart.line_label(edge)]);
        let attributes = format!("label={label}, style={line}, color=\"{colour}\", fontcolor=\"{colour}\"");
        if chart.downward(edge) {
            let _ = writeln!(out, "  n{} -> n{} [{attributes}];", edge.from, edge.to);
        } else {
            // The target is drawn above (accountability to another member):
            // rank it first and turn the arrowhead round.
            let _ = writeln!(out, "  n{} -> n{} [{attributes}, dir=back];", edge.to, edge.from);
        }
    }
}

/// Text for a `//` comment: on one line, so it cannot end the comment.
fn one_line_comment(text: &str) -> String {
    super::text::one_line(text)
}
