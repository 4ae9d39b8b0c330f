//! The boxes of the SVG chart: a post, member or body in its kind's
//! shape and colours, a strong border for a statutory role, its label lines
//! and its tooltip.

use std::fmt::Write as _;

use super::{line_style, num, PAD_Y};
use crate::graph::layout::Rect;
use crate::graph::style;
use crate::graph::text::{self, xml};
use crate::graph::{LabelLine, LineStyle, Node, NodeKind};

/// Draws one node: its box, in its kind's shape and colours (a strong
/// border for a statutory role), and its label lines.
pub(super) fn node_box(body: &mut String, node: &Node, lines: &[LabelLine], rect: &Rect) {
    let (fill, stroke, radius, class) = match node.kind {
        NodeKind::Post => (style::POST_FILL, style::POST_STROKE, 2.0, "dcsc-node dcsc-post"),
        NodeKind::Member => (style::MEMBER_FILL, style::MEMBER_STROKE, 12.0, "dcsc-node dcsc-member"),
        NodeKind::Body => (
            style::BODY_FILL,
            style::BODY_STROKE,
            (rect.h / 2.0).min(26.0),
            "dcsc-node dcsc-body",
        ),
        NodeKind::Organisation => (
            style::ORGANISATION_FILL,
            style::ORGANISATION_STROKE,
            6.0,
            "dcsc-node dcsc-organisation",
        ),
        NodeKind::Service => (
            style::SERVICE_FILL,
            style::SERVICE_STROKE,
            0.0,
            "dcsc-node dcsc-service",
        ),
    };
    let (stroke, stroke_width, class) = if node.statutory {
        (style::STRONG_STROKE, "3.5", format!("{class} dcsc-statutory"))
    } else {
        (stroke, "1.3", class.to_owned())
    };
    let _ = write!(body, "<g class=\"{class}\"><title>{}</title>", xml(&tooltip(node)));
    let _ = write!(
        body,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"/>",
        num(rect.x),
        num(rect.y),
        num(rect.w),
        num(rect.h),
        num(radius)
    );
    let _ = write!(body, "<text text-anchor=\"middle\" x=\"{}\">", num(rect.cx()));
    let mut y = rect.y + PAD_Y;
    for line in lines {
        let (size, leading, weight, colour) = line_style(line.style, node.statutory);
        let baseline = y + (leading + size) / 2.0 - 1.5;
        // A body's detail line is its kind: set apart in italics.
        let italic = if line.style == LineStyle::Detail && node.kind == NodeKind::Body {
            " font-style=\"italic\""
        } else {
            ""
        };
        let _ = write!(
            body,
            "<tspan x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{weight}\" fill=\"{colour}\"{italic}>{}</tspan>",
            num(rect.cx()),
            num(baseline),
            num(size),
            xml(&line.text)
        );
        y += leading;
    }
    body.push_str("</text></g>\n");
}

/// A node's tooltip: its full title and what it holds.
fn tooltip(node: &Node) -> String {
    let kind = match node.kind {
        NodeKind::Post => "officer post",
        NodeKind::Member => "elected member",
        NodeKind::Body => "body",
        NodeKind::Organisation => "organisation beside the council",
        NodeKind::Service => "service",
    };
    let mut parts = vec![format!("{} ({kind})", text::one_line(&node.title))];
    if let Some(person) = &node.person {
        parts.push(text::one_line(person));
    }
    if let Some(portfolio) = &node.portfolio {
        parts.push(format!("Portfolio: {}", text::one_line(portfolio)));
    }
    if let Some(kind) = &node.body_kind {
        parts.push(text::one_line(kind));
    }
    if !node.roles.is_empty() {
        parts.push(format!("Holds: {}", node.roles.join(", ")));
    }
    parts.join(". ")
}
