//! The lines of the SVG chart and their labels: reporting lines as an org
//! chart's elbows, flagged ones red, thick and dashed; other relations as
//! curves with arrowheads; each label placed where it keeps off boxes,
//! lines and other labels.

use std::fmt::Write as _;

use super::anchors::{relation_anchors, Anchor};
use super::{num, Area, Placed, LABEL_SIZE, WIDER};
use crate::graph::layout::{Rect, H_GAP, V_GAP};
use crate::graph::style;
use crate::graph::text::{self, ems, xml};
use crate::graph::{Chart, Edge, EdgeKind};

/// A relation line's label, placed after every box is known: its text,
/// colour, and the points along the line where it may go, best first.
pub(super) struct RelationLabel {
    title: String,
    colour: &'static str,
    points: Vec<(f64, f64)>,
}

/// A flagged reporting line's label, placed after every box is known: the
/// line's tooltip, the label's lines, and where it may go, best first
/// (see [`elbow`]).
pub(super) struct FlagLabel {
    tooltip: String,
    lines: Vec<String>,
    candidates: Vec<Area>,
}

/// Draws the reporting lines, flagged ones last so they are drawn on top,
/// keeping labels off each; returns the flagged lines' labels to place.
pub(super) fn reporting_lines(
    body: &mut String,
    chart: &Chart,
    placed: &Placed,
    taken: &mut Vec<Area>,
) -> Vec<FlagLabel> {
    let mut reporting: Vec<&Edge> = chart
        .edges
        .iter()
        .filter(|edge| edge.kind == EdgeKind::Reporting)
        .collect();
    reporting.sort_by_key(|edge| edge.is_flagged());
    let mut flag_labels = Vec::new();
    for edge in reporting {
        let (Some(upper), Some(lower)) = (placed.boxes.get(edge.from), placed.boxes.get(edge.to)) else {
            continue;
        };
        let (Some(from), Some(to)) = (chart.nodes.get(edge.from), chart.nodes.get(edge.to)) else {
            continue;
        };
        let lower_top = placed.rank_tops.get(edge.to).copied().unwrap_or(lower.y);
        let (path, segments, candidates) = elbow(upper, lower, lower_top);
        taken.extend(segments);
        let mut tooltip = format!("{} {} {}", from.title, chart.reporting_title, to.title);
        let flagged = edge.flag_label();
        let (class, stroke, width, dash) = match &flagged {
            Some(label) => {
                let _ = write!(tooltip, " ({label})");
                (
                    "dcsc-line dcsc-reporting dcsc-flagged",
                    style::FLAG,
                    "4",
                    format!(" stroke-dasharray=\"{}\"", style::FLAG_DASH),
                )
            }
            None => match edge.doubt {
                Some(doubt) => {
                    let _ = write!(tooltip, " ({doubt})");
                    (
                        "dcsc-line dcsc-reporting dcsc-doubt",
                        style::REPORTING,
                        "1.6",
                        " stroke-dasharray=\"2 3\"".to_owned(),
                    )
                }
                None => ("dcsc-line dcsc-reporting", style::REPORTING, "1.6", String::new()),
            },
        };
        let _ = writeln!(
            body,
            "<g class=\"{class}\"><title>{}</title><path d=\"{path}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash} stroke-linejoin=\"round\"/></g>",
            xml(&text::one_line(&tooltip))
        );
        if flagged.is_some() {
            flag_labels.push(FlagLabel {
                tooltip,
                lines: edge.flag_lines(),
                candidates,
            });
        }
    }
    flag_labels
}

/// Draws the other relations: curves with arrowheads, in their relation's
/// style; returns their labels to place.
pub(super) fn relation_lines(body: &mut String, chart: &Chart, placed: &Placed) -> Vec<RelationLabel> {
    let id = &placed.id;
    let anchors = relation_anchors(chart, &placed.boxes);
    let mut relation_labels: Vec<RelationLabel> = Vec::new();
    for (index, edge) in chart.edges.iter().enumerate() {
        let EdgeKind::Relation(relation) = edge.kind else {
            continue;
        };
        let (Some(from), Some(to)) = (chart.nodes.get(edge.from), chart.nodes.get(edge.to)) else {
            continue;
        };
        let Some(Anchor { start, end, vertical }) = anchors.get(index).copied().flatten() else {
            continue;
        };
        let ((x1, y1), (x2, y2)) = (start, end);
        let (colour, dash, _) = style::relation(relation);
        let title = chart.line_label(edge);
        let (c1, c2) = if vertical {
            let dy = (y2 - y1) / 2.0;
            ((x1, y1 + dy), (x2, y2 - dy))
        } else {
            let dx = (x2 - x1) / 2.0;
            ((x1 + dx, y1), (x2 - dx, y2))
        };
        let _ = writeln!(
            body,
            "<g class=\"dcsc-line dcsc-relation\"><title>{}</title><path d=\"M{},{} C{},{} {},{} {},{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" stroke-dasharray=\"{dash}\" marker-end=\"url(#{id}-arrow-{relation})\"/></g>",
            xml(&text::one_line(&format!("{} {title} {}", from.title, to.title))),
            num(x1), num(y1), num(c1.0), num(c1.1), num(c2.0), num(c2.1), num(x2), num(y2)
        );
        let points: Vec<(f64, f64)> = [0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.88]
            .iter()
            .map(|t| bezier((x1, y1), c1, c2, (x2, y2), *t))
            .collect();
        relation_labels.push(RelationLabel { title, colour, points });
    }
    relation_labels
}

/// Places a flagged line's label at the first of its places that is free,
/// else at the first: it must always be shown.
pub(super) fn flag_label(layer: &mut String, label: &FlagLabel, taken: &mut Vec<Area>) {
    let FlagLabel {
        tooltip,
        lines,
        candidates,
    } = label;
    let line_height = 13.0;
    let width = lines
        .iter()
        .map(|line| ems(line) * 11.0 * 1.07 * WIDER)
        .fold(0.0, f64::max)
        + 10.0;
    let height = line_height * lines.len() as f64 + 6.0;
    let areas: Vec<Area> = candidates
        .iter()
        .map(|candidate| Area {
            x: candidate.x - if candidate.w < 0.0 { width } else { 0.0 },
            y: candidate.y - height / 2.0,
            w: width,
            h: height,
        })
        .collect();
    let Some(area) = areas
        .iter()
        .find(|area| !taken.iter().any(|other| other.overlaps(area)))
        .or_else(|| areas.first())
        .copied()
    else {
        return;
    };
    taken.push(area);
    let _ = write!(
        layer,
        "<g class=\"dcsc-flag-label\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.94\" stroke=\"{}\" stroke-width=\"1\"/><text font-size=\"11\" font-weight=\"bold\" fill=\"{}\">",
        xml(&text::one_line(tooltip)),
        num(area.x),
        num(area.y),
        num(area.w),
        num(area.h),
        style::FLAG,
        style::FLAG
    );
    for (row, line) in lines.iter().enumerate() {
        let _ = write!(
            layer,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(area.x + 5.0),
            num(area.y + 3.0 + line_height * (row as f64 + 1.0) - 2.5),
            xml(line)
        );
    }
    layer.push_str("</text></g>\n");
}

/// Places a relation's label where it fits, nearest the target first
/// (where the lines into different bodies part): off every box, reporting
/// line and other label. A label that fits nowhere is left out; its line's
/// style, the legend and the line's tooltip still say what it is.
pub(super) fn relation_label(layer: &mut String, label: &RelationLabel, taken: &mut Vec<Area>) {
    let RelationLabel { title, colour, points } = label;
    let width = ems(title) * LABEL_SIZE * WIDER + 6.0;
    let height = LABEL_SIZE + 5.0;
    let found = points.iter().find_map(|(x, y)| {
        let area = Area {
            x: x - width / 2.0,
            y: y - height / 2.0,
            w: width,
            h: height,
        };
        (!taken.iter().any(|other| other.overlaps(&area))).then_some((area, *x, *y))
    });
    let Some((area, x, y)) = found else {
        return;
    };
    taken.push(area);
    let _ = writeln!(
        layer,
        "<text class=\"dcsc-relation-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>",
        num(x),
        num(y + LABEL_SIZE / 2.0 - 1.5),
        num(LABEL_SIZE),
        xml(title)
    );
}

/// The path of a reporting line, org-chart style: down from the manager's
/// bottom to a bus just above the report's rank, across, and down into the
/// report. With the report above (a loop the layout had to break) or
/// beside, the same shape the other way or across. Returns the path, its
/// segments (to keep labels off them) and where its label may go: beside
/// the last leg, either side, centred in the gap between the two boxes,
/// then beside the first leg.
fn elbow(upper: &Rect, lower: &Rect, lower_top: f64) -> (String, Vec<Area>, Vec<Area>) {
    let (x1, x2) = (upper.cx(), lower.cx());
    // A candidate is a point and a direction: `w` 1 puts the label to the
    // right of the point, -1 to its left.
    let beside = |x: f64, y: f64| {
        vec![
            Area {
                x: x + 7.0,
                y,
                w: 1.0,
                h: 0.0,
            },
            Area {
                x: x - 7.0,
                y,
                w: -1.0,
                h: 0.0,
            },
        ]
    };
    let points: Vec<(f64, f64)>;
    let mut candidates: Vec<Area>;
    if upper.bottom() <= lower_top {
        let bus = (lower_top - V_GAP / 2.0).max(upper.bottom() + 8.0).min(lower_top - 8.0);
        points = vec![(x1, upper.bottom()), (x1, bus), (x2, bus), (x2, lower_top)];
        candidates = beside(x2, (upper.bottom() + lower_top) / 2.0);
        candidates.extend(beside(x1, (upper.bottom() + bus) / 2.0));
    } else if lower.bottom() <= upper.y {
        let bus = (upper.y - V_GAP / 2.0).max(lower.bottom() + 8.0);
        points = vec![(x1, upper.y), (x1, bus), (x2, bus), (x2, lower.bottom())];
        candidates = beside(x2, (bus + lower.bottom()) / 2.0);
        candidates.extend(beside(x1, (upper.y + bus) / 2.0));
    } else {
        // Side by side: from the nearer sides, across.
        let (start, end) = if x1 <= x2 {
            (upper.x + upper.w, lower.x)
        } else {
            (upper.x, lower.x + lower.w)
        };
        let (y1, y2) = (upper.y + upper.h / 2.0, lower.y + lower.h / 2.0);
        let middle = (start + end) / 2.0;
        points = vec![(start, y1), (middle, y1), (middle, y2), (end, y2)];
        candidates = beside(middle, (y1 + y2) / 2.0 - H_GAP);
        candidates.extend(beside(middle, (y1 + y2) / 2.0 + H_GAP));
    }
    let mut path = String::new();
    let mut segments = Vec::new();
    for (index, (x, y)) in points.iter().enumerate() {
        let _ = write!(path, "{}{},{}", if index == 0 { "M" } else { " L" }, num(*x), num(*y));
    }
    for pair in points.windows(2) {
        if let [(ax, ay), (bx, by)] = pair {
            segments.push(Area {
                x: ax.min(*bx) - 1.5,
                y: ay.min(*by) - 1.5,
                w: (ax - bx).abs() + 3.0,
                h: (ay - by).abs() + 3.0,
            });
        }
    }
    (path, segments, candidates)
}

/// A point of a cubic Bézier curve.
fn bezier(p0: (f64, f64), p1: (f64, f64), p2: (f64, f64), p3: (f64, f64), t: f64) -> (f64, f64) {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
        a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
    )
}
