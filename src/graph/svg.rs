//! The chart as a standalone SVG document, laid out by dcsc (see
//! [`super::layout`]) and drawn here: boxes with their title, holder,
//! portfolio or kind and roles; reporting lines as an org chart's elbows
//! from each manager down to its reports; other relations as dashed curves
//! with arrowheads and labels; flagged reporting lines red, thick, dashed
//! and labelled; a legend.
//!
//! It is meant to be embedded inline in an HTML page, so it carries no
//! `<style>` (which would leak into the page), no script, no external font
//! or image, and its ids are prefixed with the arrangement's id. Output is
//! a pure function of the chart: same chart, byte-identical SVG.

use super::layout::{self, Rect, H_GAP, UNLINKED_CAPTION, V_GAP};
use super::style;
use super::text::{self, ems, wrap, xml};
use super::{Chart, Edge, EdgeKind, LabelLine, LineStyle, NodeKind};

/// System sans-serif fonts only: nothing is fetched. Fonts of Arial's
/// widths come first (Windows, macOS, and Liberation Sans on Linux), so
/// that the widths estimated below hold; `system-ui` only after them, as on
/// Linux it is often the wider DejaVu Sans.
const FONT: &str =
    "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', Roboto, 'Noto Sans', system-ui, sans-serif";
/// Text is measured with no font at hand: widths are estimated for Arial
/// and widened by this much, enough for the widest common fallback
/// (DejaVu Sans), so text stays inside its box whichever font draws it.
const WIDER: f64 = 1.12;
/// Space around everything.
const MARGIN: f64 = 24.0;
/// Space inside a box, left and right.
const PAD_X: f64 = 12.0;
/// Space inside a box, top and bottom.
const PAD_Y: f64 = 9.0;
/// The narrowest box.
const MIN_WIDTH: f64 = 140.0;
/// Font size of line labels.
const LABEL_SIZE: f64 = 10.5;

/// Font size, line height, weight and colour of a label line.
fn line_style(style: LineStyle, strong: bool) -> (f64, f64, &'static str, &'static str) {
    match style {
        LineStyle::Title => (13.0, 17.0, "bold", "#111111"),
        LineStyle::Detail => (11.0, 15.0, "normal", "#3c3c3c"),
        LineStyle::Roles if strong => (12.0, 17.0, "bold", style::STRONG_TEXT),
        LineStyle::Roles => (11.5, 16.0, "bold", "#37474f"),
    }
}

/// The size of a box for its label lines.
fn box_size(lines: &[LabelLine], strong: bool) -> (f64, f64) {
    let mut width: f64 = 0.0;
    let mut height = PAD_Y * 2.0;
    for line in lines {
        let (size, leading, weight, _) = line_style(line.style, strong);
        let bold = if weight == "bold" { 1.07 } else { 1.0 };
        width = width.max(ems(&line.text) * size * bold * WIDER);
        height += leading;
    }
    ((width + PAD_X * 2.0).max(MIN_WIDTH).ceil(), height.ceil())
}

/// A number for SVG: one decimal, no "-0", no trailing ".0".
fn num(value: f64) -> String {
    if !value.is_finite() || value.abs() < 0.05 {
        return "0".to_owned();
    }
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// A rectangle a label takes, to keep labels off boxes and each other.
#[derive(Clone, Copy)]
struct Area {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Area {
    fn overlaps(&self, other: &Area) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    fn of(rect: &Rect) -> Area {
        Area {
            x: rect.x,
            y: rect.y,
            w: rect.w,
            h: rect.h,
        }
    }
}

/// A relation line's label, placed after every box is known: its text,
/// colour, and the points along the line where it may go, best first.
struct RelationLabel {
    title: String,
    colour: &'static str,
    points: Vec<(f64, f64)>,
}

/// The SVG document of a chart.
pub(super) fn render(chart: &Chart) -> String {
    let id = format!("dcsc-{}", chart.key);
    let labels: Vec<Vec<LabelLine>> = chart.nodes.iter().map(|node| chart.label(node)).collect();
    let sizes: Vec<(f64, f64)> = chart
        .nodes
        .iter()
        .zip(&labels)
        .map(|(node, lines)| box_size(lines, node.statutory))
        .collect();
    let layout_edges: Vec<(usize, usize)> = chart
        .edges
        .iter()
        .map(|edge| {
            if chart.downward(edge) {
                (edge.from, edge.to)
            } else {
                (edge.to, edge.from)
            }
        })
        .collect();
    let placed = layout::layout(&sizes, &layout_edges);

    // The header: title (wrapped if a council's name is very long) and a
    // line of counts.
    let title_lines = wrap(&chart.title, 90, 4);
    let header_height = 26.0 + 22.0 * title_lines.len() as f64;
    let origin_x = MARGIN;
    let origin_y = MARGIN + header_height;
    let boxes: Vec<Rect> = placed
        .boxes
        .iter()
        .map(|rect| Rect {
            x: rect.x + origin_x,
            y: rect.y + origin_y,
            ..*rect
        })
        .collect();
    let rank_tops: Vec<f64> = placed.rank_tops.iter().map(|top| top + origin_y).collect();

    let mut body = String::new();
    let mut label_layer = String::new();
    // Areas labels must keep off: every box, then each label placed.
    let mut taken: Vec<Area> = boxes.iter().map(Area::of).collect();

    // Which side of each box's centre is taken by a reporting line: the
    // bottom of a manager, the top of a report. Other lines attach beside.
    let mut bottom_centre = vec![false; boxes.len()];
    let mut top_centre = vec![false; boxes.len()];
    for edge in chart.edges.iter().filter(|edge| edge.kind == EdgeKind::Reporting) {
        if let Some(flag) = bottom_centre.get_mut(edge.from) {
            *flag = true;
        }
        if let Some(flag) = top_centre.get_mut(edge.to) {
            *flag = true;
        }
    }
    let anchors = relation_anchors(chart, &boxes, &bottom_centre, &top_centre);

    // Reporting lines, flagged ones last so they are drawn on top.
    let mut reporting: Vec<&Edge> = chart
        .edges
        .iter()
        .filter(|edge| edge.kind == EdgeKind::Reporting)
        .collect();
    reporting.sort_by_key(|edge| edge.is_flagged());
    let mut flag_labels: Vec<(String, Vec<String>, Vec<Area>)> = Vec::new();
    for edge in reporting {
        let (Some(upper), Some(lower)) = (boxes.get(edge.from), boxes.get(edge.to)) else {
            continue;
        };
        let (Some(from), Some(to)) = (chart.nodes.get(edge.from), chart.nodes.get(edge.to)) else {
            continue;
        };
        let lower_top = rank_tops.get(edge.to).copied().unwrap_or(lower.y);
        let (path, segments, candidates) = elbow(upper, lower, lower_top);
        taken.extend(segments);
        let mut tooltip = format!("{} {} {}", from.title, chart.reporting_title, to.title);
        let flagged = edge.flag_label();
        let (class, stroke, width, dash) = match &flagged {
            Some(label) => {
                tooltip.push_str(&format!(" ({label})"));
                (
                    "dcsc-line dcsc-reporting dcsc-flagged",
                    style::FLAG,
                    "4",
                    format!(" stroke-dasharray=\"{}\"", style::FLAG_DASH),
                )
            }
            None => ("dcsc-line dcsc-reporting", style::REPORTING, "1.6", String::new()),
        };
        body.push_str(&format!(
            "<g class=\"{class}\"><title>{}</title><path d=\"{path}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash} stroke-linejoin=\"round\"/></g>\n",
            xml(&text::one_line(&tooltip))
        ));
        if flagged.is_some() {
            let lines = edge.flag_lines();
            flag_labels.push((tooltip, lines, candidates));
        }
    }

    // Other relations: curves with arrowheads, in their relation's style.
    let mut relation_labels: Vec<RelationLabel> = Vec::new();
    for (index, edge) in chart.edges.iter().enumerate() {
        let EdgeKind::Relation(relation) = edge.kind else {
            continue;
        };
        let (Some(from), Some(to)) = (chart.nodes.get(edge.from), chart.nodes.get(edge.to)) else {
            continue;
        };
        let Some(((x1, y1), (x2, y2), vertical)) = anchors.get(index).copied().flatten() else {
            continue;
        };
        let (colour, dash, _) = style::relation(relation);
        let title = chart.relation_title(edge);
        let (c1, c2) = if vertical {
            let dy = (y2 - y1) / 2.0;
            ((x1, y1 + dy), (x2, y2 - dy))
        } else {
            let dx = (x2 - x1) / 2.0;
            ((x1 + dx, y1), (x2 - dx, y2))
        };
        body.push_str(&format!(
            "<g class=\"dcsc-line dcsc-relation\"><title>{}</title><path d=\"M{},{} C{},{} {},{} {},{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" stroke-dasharray=\"{dash}\" marker-end=\"url(#{id}-arrow-{relation})\"/></g>\n",
            xml(&text::one_line(&format!("{} {} {}", from.title, title, to.title))),
            num(x1), num(y1), num(c1.0), num(c1.1), num(c2.0), num(c2.1), num(x2), num(y2)
        ));
        let points: Vec<(f64, f64)> = [0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.88]
            .iter()
            .map(|t| bezier((x1, y1), c1, c2, (x2, y2), *t))
            .collect();
        relation_labels.push(RelationLabel {
            title: title.to_owned(),
            colour,
            points,
        });
    }

    // Nodes.
    for ((node, lines), rect) in chart.nodes.iter().zip(&labels).zip(&boxes) {
        let (fill, stroke, radius, class) = match node.kind {
            NodeKind::Post => (style::POST_FILL, style::POST_STROKE, 2.0, "dcsc-node dcsc-post"),
            NodeKind::Member => (style::MEMBER_FILL, style::MEMBER_STROKE, 12.0, "dcsc-node dcsc-member"),
            NodeKind::Body => (
                style::BODY_FILL,
                style::BODY_STROKE,
                (rect.h / 2.0).min(26.0),
                "dcsc-node dcsc-body",
            ),
        };
        let (stroke, stroke_width, class) = if node.statutory {
            (style::STRONG_STROKE, "3.5", format!("{class} dcsc-statutory"))
        } else {
            (stroke, "1.3", class.to_owned())
        };
        body.push_str(&format!("<g class=\"{class}\"><title>{}</title>", xml(&tooltip(node))));
        body.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"/>",
            num(rect.x),
            num(rect.y),
            num(rect.w),
            num(rect.h),
            num(radius)
        ));
        body.push_str(&format!("<text text-anchor=\"middle\" x=\"{}\">", num(rect.cx())));
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
            body.push_str(&format!(
                "<tspan x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{weight}\" fill=\"{colour}\"{italic}>{}</tspan>",
                num(rect.cx()),
                num(baseline),
                num(size),
                xml(&line.text)
            ));
            y += leading;
        }
        body.push_str("</text></g>\n");
    }

    // Flagged labels first: they must always be shown.
    for (tooltip, lines, candidates) in &flag_labels {
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
            continue;
        };
        taken.push(area);
        label_layer.push_str(&format!(
            "<g class=\"dcsc-flag-label\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.94\" stroke=\"{}\" stroke-width=\"1\"/><text font-size=\"11\" font-weight=\"bold\" fill=\"{}\">",
            xml(&text::one_line(tooltip)),
            num(area.x),
            num(area.y),
            num(area.w),
            num(area.h),
            style::FLAG,
            style::FLAG
        ));
        for (row, line) in lines.iter().enumerate() {
            label_layer.push_str(&format!(
                "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                num(area.x + 5.0),
                num(area.y + 3.0 + line_height * (row as f64 + 1.0) - 2.5),
                xml(line)
            ));
        }
        label_layer.push_str("</text></g>\n");
    }

    // Relation labels where they fit, nearest the target first (where the
    // lines into different bodies part): off every box, reporting line and
    // other label. A label that fits nowhere is left out; its line's style,
    // the legend and the line's tooltip still say what it is.
    for RelationLabel { title, colour, points } in &relation_labels {
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
            continue;
        };
        taken.push(area);
        label_layer.push_str(&format!(
            "<text class=\"dcsc-relation-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
            num(x),
            num(y + LABEL_SIZE / 2.0 - 1.5),
            num(LABEL_SIZE),
            xml(title)
        ));
    }

    // The caption over boxes with no line.
    let mut extra = String::new();
    if let Some(caption) = placed.unlinked_caption {
        extra.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" font-style=\"italic\" fill=\"#555555\">Stated with no line to any post, member or body on this chart:</text>\n",
            num(origin_x),
            num(origin_y + caption + UNLINKED_CAPTION - 14.0)
        ));
    }
    if chart.nodes.is_empty() {
        extra.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#555555\">The arrangements state no post, member or body.</text>\n",
            num(origin_x),
            num(origin_y + 16.0)
        ));
    }

    let chart_height = if chart.nodes.is_empty() { 28.0 } else { placed.height };
    let legend_top = origin_y + chart_height + 40.0;
    let (legend, legend_width, legend_height) = legend(chart, &id, origin_x, legend_top);

    let header_width = title_lines
        .iter()
        .map(|line| ems(line) * 18.0 * 1.07 * WIDER)
        .fold(0.0, f64::max);
    let width = (MARGIN * 2.0 + placed.width.max(legend_width).max(header_width)).ceil();
    let height = (legend_top + legend_height + MARGIN).ceil();

    let mut out = String::new();
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"{FONT}\" font-size=\"12\">\n",
        w = num(width),
        h = num(height)
    ));
    out.push_str(&format!("<title id=\"{id}-title\">{}</title>\n", xml(&chart.title)));
    out.push_str(&format!("<desc id=\"{id}-desc\">{}</desc>\n", xml(&describe(chart))));
    out.push_str("<defs>\n");
    for index in 0..chart.relations.len() {
        let (colour, _, _) = style::relation(index);
        out.push_str(&format!(
            "<marker id=\"{id}-arrow-{index}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>\n"
        ));
    }
    out.push_str("</defs>\n");
    out.push_str(&format!(
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
        num(width),
        num(height)
    ));
    out.push_str("<text font-size=\"18\" font-weight=\"bold\" fill=\"#111111\">");
    for (row, line) in title_lines.iter().enumerate() {
        out.push_str(&format!(
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(MARGIN),
            num(MARGIN + 18.0 + 22.0 * row as f64),
            xml(line)
        ));
    }
    out.push_str("</text>\n");
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#555555\">{}</text>\n",
        num(MARGIN),
        num(MARGIN + 22.0 * title_lines.len() as f64 + 14.0),
        xml(&counts(chart))
    ));
    out.push_str(&body);
    out.push_str(&label_layer);
    out.push_str(&extra);
    out.push_str(&legend);
    out.push_str("</svg>\n");
    out
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
        path.push_str(&format!(
            "{}{},{}",
            if index == 0 { "M" } else { " L" },
            num(*x),
            num(*y)
        ));
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

/// Where each relation line (by edge index) starts and ends, and whether
/// it runs vertically. Lines leaving or entering one side of a box are
/// spread along it in the order of their other ends, so they do not
/// cross each other there; where a reporting line takes the side's centre,
/// they keep to either side of it.
#[allow(clippy::type_complexity)]
fn relation_anchors(
    chart: &Chart,
    boxes: &[Rect],
    bottom_centre: &[bool],
    top_centre: &[bool],
) -> Vec<Option<((f64, f64), (f64, f64), bool)>> {
    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Side {
        Top,
        Bottom,
        Left,
        Right,
    }
    // (box, side) -> [(other end's x, edge index, is start)]
    let mut sides: std::collections::BTreeMap<(usize, Side), Vec<(f64, usize, bool)>> =
        std::collections::BTreeMap::new();
    let mut plan: Vec<Option<(Side, Side, bool)>> = vec![None; chart.edges.len()];
    for (index, edge) in chart.edges.iter().enumerate() {
        if edge.kind == EdgeKind::Reporting {
            continue;
        }
        let (Some(from), Some(to)) = (boxes.get(edge.from), boxes.get(edge.to)) else {
            continue;
        };
        let (start, end, vertical) = if from.bottom() <= to.y {
            (Side::Bottom, Side::Top, true)
        } else if to.bottom() <= from.y {
            (Side::Top, Side::Bottom, true)
        } else if from.cx() <= to.cx() {
            (Side::Right, Side::Left, false)
        } else {
            (Side::Left, Side::Right, false)
        };
        if let Some(slot) = plan.get_mut(index) {
            *slot = Some((start, end, vertical));
        }
        sides
            .entry((edge.from, start))
            .or_default()
            .push((to.cx(), index, true));
        sides.entry((edge.to, end)).or_default().push((from.cx(), index, false));
    }
    let mut starts: Vec<Option<(f64, f64)>> = vec![None; chart.edges.len()];
    let mut ends: Vec<Option<(f64, f64)>> = vec![None; chart.edges.len()];
    for ((node, side), mut list) in sides {
        let Some(rect) = boxes.get(node) else {
            continue;
        };
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let centre_taken = match side {
            Side::Bottom => bottom_centre.get(node).copied().unwrap_or(false),
            Side::Top => top_centre.get(node).copied().unwrap_or(false),
            Side::Left | Side::Right => false,
        };
        let count = list.len() as f64;
        for (place, (other_x, edge, is_start)) in list.iter().enumerate() {
            let place = place as f64;
            let point = match side {
                Side::Top | Side::Bottom => {
                    let fraction = if centre_taken {
                        // Left of the centre for lines going left, right
                        // for lines going right.
                        let left = list.iter().filter(|(x, _, _)| *x < rect.cx()).count() as f64;
                        if *other_x < rect.cx() {
                            0.14 + 0.26 * (place + 0.5) / left.max(1.0)
                        } else {
                            0.6 + 0.26 * (place - left + 0.5) / (count - left).max(1.0)
                        }
                    } else {
                        0.2 + 0.6 * (place + 0.5) / count
                    };
                    let y = if side == Side::Top { rect.y } else { rect.bottom() };
                    (rect.x + rect.w * fraction, y)
                }
                Side::Left | Side::Right => {
                    let y = rect.y + rect.h * (0.25 + 0.5 * (place + 0.5) / count);
                    let x = if side == Side::Left { rect.x } else { rect.x + rect.w };
                    (x, y)
                }
            };
            let target = if *is_start {
                starts.get_mut(*edge)
            } else {
                ends.get_mut(*edge)
            };
            if let Some(slot) = target {
                *slot = Some(point);
            }
        }
    }
    plan.iter()
        .enumerate()
        .map(|(index, plan)| {
            let (_, _, vertical) = (*plan)?;
            Some((starts.get(index).copied()??, ends.get(index).copied()??, vertical))
        })
        .collect()
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

/// A node's tooltip: its full title and what it holds.
fn tooltip(node: &super::Node) -> String {
    let kind = match node.kind {
        NodeKind::Post => "officer post",
        NodeKind::Member => "elected member",
        NodeKind::Body => "body",
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

/// The line of counts under the title.
fn counts(chart: &Chart) -> String {
    chart.counts().join(" · ")
}

/// The chart in words, for `<desc>`: who holds the statutory roles, and
/// every flagged line.
fn describe(chart: &Chart) -> String {
    let mut sentences = vec![format!(
        "Posts, members and bodies as the council's arrangements state them, from the head of paid service down: {}.",
        chart.counts().join(", ")
    )];
    for node in chart.nodes.iter().filter(|node| !node.roles.is_empty()) {
        sentences.push(format!(
            "{} holds {}.",
            text::one_line(&node.title),
            crate::words::and_list(&node.roles)
        ));
    }
    for edge in chart.edges.iter().filter(|edge| edge.is_flagged()) {
        if let (Some(manager), Some(report), Some(label)) =
            (chart.nodes.get(edge.from), chart.nodes.get(edge.to), edge.flag_label())
        {
            sentences.push(format!(
                "The line by which {} {} {} is {label}.",
                text::one_line(&report.title),
                chart.reporting_title,
                text::one_line(&manager.title)
            ));
        }
    }
    sentences.join(" ")
}

/// The legend: what each shape, border and line means. Returns the SVG,
/// its width and height.
fn legend(chart: &Chart, id: &str, x: f64, y: f64) -> (String, f64, f64) {
    let row = 26.0;
    let glyph = 56.0;
    let mut rows: Vec<(String, String)> = Vec::new();
    let rect = |fill: &str, stroke: &str, width: &str, radius: f64| {
        format!(
            "<rect x=\"0\" y=\"-8\" width=\"{}\" height=\"16\" rx=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>",
            num(glyph - 12.0),
            num(radius)
        )
    };
    rows.push((
        rect(style::POST_FILL, style::POST_STROKE, "1.3", 2.0),
        "Officer post".to_owned(),
    ));
    rows.push((
        rect(style::MEMBER_FILL, style::MEMBER_STROKE, "1.3", 6.0),
        "Elected member, with portfolio if stated".to_owned(),
    ));
    rows.push((
        rect(style::BODY_FILL, style::BODY_STROKE, "1.3", 8.0),
        "Body (board, committee, partnership), with its kind".to_owned(),
    ));
    rows.push((
        rect(style::POST_FILL, style::STRONG_STROKE, "3.5", 2.0),
        format!(
            "Thick blue border: {}; the roles a box holds follow “Holds:”",
            chart.principal_words()
        ),
    ));
    rows.push((
        format!(
            "<path d=\"M22,-10 V-1 M4,9 V-1 H40 V9\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.6\"/>",
            style::REPORTING
        ),
        format!("Reporting line: the lower box {} the upper one", chart.reporting_title),
    ));
    for (index, relation) in chart.relations.iter().enumerate() {
        let (colour, dash, _) = style::relation(index);
        rows.push((
            format!(
                "<path d=\"M2,0 H40\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" stroke-dasharray=\"{dash}\" marker-end=\"url(#{id}-arrow-{index})\"/>"
            ),
            format!("A → B: A {} B", relation.title),
        ));
    }
    rows.push((
        format!(
            "<path d=\"M2,0 H42\" fill=\"none\" stroke=\"{}\" stroke-width=\"4\" stroke-dasharray=\"{}\"/>",
            style::FLAG,
            style::FLAG_DASH
        ),
        "Flagged: a reporting line a verdict found departing from the guidance (fail, unexplained or departure); its label names the duty and the verdict"
            .to_owned(),
    ));
    let text_width = rows
        .iter()
        .map(|(_, label)| ems(label) * 12.0 * WIDER)
        .fold(0.0, f64::max);
    let width = 16.0 + glyph + text_width + 16.0;
    let height = 34.0 + row * rows.len() as f64 + 4.0;
    let mut out = format!(
        "<g class=\"dcsc-legend\" transform=\"translate({},{})\"><rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#fafafa\" stroke=\"#bbbbbb\"/><text x=\"16\" y=\"22\" font-size=\"13\" font-weight=\"bold\" fill=\"#111111\">Legend</text>\n",
        num(x),
        num(y),
        num(width),
        num(height)
    );
    for (place, (glyph_svg, label)) in rows.iter().enumerate() {
        let centre = 34.0 + row * place as f64 + row / 2.0;
        out.push_str(&format!(
            "<g transform=\"translate(16,{})\">{glyph_svg}<text x=\"{}\" y=\"4\" font-size=\"12\" fill=\"#222222\">{}</text></g>\n",
            num(centre),
            num(glyph),
            xml(label)
        ));
    }
    out.push_str("</g>\n");
    (out, width, height)
}
