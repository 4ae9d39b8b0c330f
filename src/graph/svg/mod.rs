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

mod anchors;
mod legend;
mod lines;
mod nodes;

use std::fmt::Write as _;

use super::layout::{self, Rect, UNLINKED_CAPTION};
use super::style;
use super::text::{self, ems, wrap, xml};
use super::{Chart, LabelLine, LineStyle};
use lines::{flag_label, relation_label, relation_lines, reporting_lines};
use nodes::node_box;

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

/// The chart laid out, and moved below the document's header.
struct Placed {
    /// The prefix of every id in the document: `dcsc-KEY`.
    id: String,
    /// Each node's label lines.
    labels: Vec<Vec<LabelLine>>,
    /// Each node's box, where it is drawn.
    boxes: Vec<Rect>,
    /// The top of each box's rank, where it is drawn.
    rank_tops: Vec<f64>,
    /// The title, wrapped if a council's name is very long.
    title_lines: Vec<String>,
    /// The top-left corner of the chart, below the header.
    origin_x: f64,
    /// See `origin_x`.
    origin_y: f64,
    /// The layout, from (0, 0): its size and the caption of the boxes with
    /// no line.
    layout: layout::Layout,
}

impl Placed {
    /// Measures every box, lays the boxes out, and moves them below the
    /// header: the title and a line of counts.
    fn of(chart: &Chart) -> Placed {
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
        let layout = layout::layout(&sizes, &layout_edges);
        let title_lines = wrap(&chart.title, 90, 4);
        let header_height = 26.0 + 22.0 * title_lines.len() as f64;
        let origin_x = MARGIN;
        let origin_y = MARGIN + header_height;
        let boxes = layout
            .boxes
            .iter()
            .map(|rect| Rect {
                x: rect.x + origin_x,
                y: rect.y + origin_y,
                ..*rect
            })
            .collect();
        let rank_tops = layout.rank_tops.iter().map(|top| top + origin_y).collect();
        Placed {
            id: format!("dcsc-{}", chart.key),
            labels,
            boxes,
            rank_tops,
            title_lines,
            origin_x,
            origin_y,
            layout,
        }
    }
}

/// The SVG document of a chart: the lines, then the boxes over them, then
/// the labels of lines where they fit, then the captions and the legend.
pub(super) fn render(chart: &Chart) -> String {
    let placed = Placed::of(chart);
    // One string, written in order: a large council's chart is tens of
    // megabytes, so its layers are not built apart and copied in.
    let (mut out, legend) = document_start(chart, &placed);
    // Areas labels must keep off: every box, then each label placed.
    let mut taken: Vec<Area> = placed.boxes.iter().map(Area::of).collect();
    let flag_labels = reporting_lines(&mut out, chart, &placed, &mut taken);
    let relation_labels = relation_lines(&mut out, chart, &placed);
    for ((node, lines), rect) in chart.nodes.iter().zip(&placed.labels).zip(&placed.boxes) {
        node_box(&mut out, node, lines, rect);
    }
    // Flagged labels first: they must always be shown.
    for label in &flag_labels {
        flag_label(&mut out, label, &mut taken);
    }
    for label in &relation_labels {
        relation_label(&mut out, label, &mut taken);
    }
    out.push_str(&captions(chart, &placed));
    out.push_str(&legend);
    out.push_str("</svg>\n");
    // Grown by doubling, it may hold up to twice its text: the rest is
    // given back before the report embeds it.
    out.shrink_to_fit();
    out
}

/// The caption over boxes with no line, and the words for a chart with no
/// box.
fn captions(chart: &Chart, placed: &Placed) -> String {
    let mut captions = String::new();
    if let Some(caption) = placed.layout.unlinked_caption {
        let _ = writeln!(
            captions,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" font-style=\"italic\" fill=\"#555555\">Stated with no line to any post, member or body on this chart:</text>",
            num(placed.origin_x),
            num(placed.origin_y + caption + UNLINKED_CAPTION - 14.0)
        );
    }
    if chart.nodes.is_empty() {
        let _ = writeln!(
            captions,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#555555\">The arrangements state no post, member or body.</text>",
            num(placed.origin_x),
            num(placed.origin_y + 16.0)
        );
    }
    captions
}

/// The start of the document, sized to the chart, its header and the
/// legend below: its title and description for assistive technology, the
/// arrowheads and the header; the layers drawn follow, then the legend
/// returned with it.
fn document_start(chart: &Chart, placed: &Placed) -> (String, String) {
    let id = &placed.id;
    let chart_height = if chart.nodes.is_empty() {
        28.0
    } else {
        placed.layout.height
    };
    let legend_top = placed.origin_y + chart_height + 40.0;
    let (legend, legend_width, legend_height) = legend::legend(chart, id, placed.origin_x, legend_top);
    let header_width = placed
        .title_lines
        .iter()
        .map(|line| ems(line) * 18.0 * 1.07 * WIDER)
        .fold(0.0, f64::max);
    let width = (MARGIN * 2.0 + placed.layout.width.max(legend_width).max(header_width)).ceil();
    let height = (legend_top + legend_height + MARGIN).ceil();

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"{FONT}\" font-size=\"12\">",
        w = num(width),
        h = num(height)
    );
    let _ = writeln!(out, "<title id=\"{id}-title\">{}</title>", xml(&chart.title));
    let _ = writeln!(out, "<desc id=\"{id}-desc\">{}</desc>", xml(&describe(chart)));
    out.push_str("<defs>\n");
    for index in 0..chart.relations.len() {
        let (colour, _, _) = style::relation(index);
        let _ = writeln!(
            out,
            "<marker id=\"{id}-arrow-{index}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>"
        );
    }
    out.push_str("</defs>\n");
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        num(width),
        num(height)
    );
    out.push_str("<text font-size=\"18\" font-weight=\"bold\" fill=\"#111111\">");
    for (row, line) in placed.title_lines.iter().enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(MARGIN),
            num(MARGIN + 18.0 + 22.0 * row as f64),
            xml(line)
        );
    }
    out.push_str("</text>\n");
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#555555\">{}</text>",
        num(MARGIN),
        num(MARGIN + 22.0 * placed.title_lines.len() as f64 + 14.0),
        xml(&counts(chart))
    );
    (out, legend)
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
