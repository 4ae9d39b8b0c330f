//! The legend of the SVG chart: what each shape, border and line means.

use std::fmt::Write as _;

use super::{num, WIDER};
use crate::graph::style;
use crate::graph::text::{ems, xml};
use crate::graph::{Chart, NodeKind};

/// The height of a row of the legend.
const ROW: f64 = 26.0;
/// The width of a row's glyph.
const GLYPH: f64 = 56.0;

/// The legend: what each shape, border and line means. Returns the SVG,
/// its width and height.
pub(super) fn legend(chart: &Chart, id: &str, x: f64, y: f64) -> (String, f64, f64) {
    let rows = rows(chart, id);
    let text_width = rows
        .iter()
        .map(|(_, label)| ems(label) * 12.0 * WIDER)
        .fold(0.0, f64::max);
    let width = 16.0 + GLYPH + text_width + 16.0;
    let height = 34.0 + ROW * rows.len() as f64 + 4.0;
    let mut out = format!(
        "<g class=\"dcsc-legend\" transform=\"translate({},{})\"><rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#fafafa\" stroke=\"#bbbbbb\"/><text x=\"16\" y=\"22\" font-size=\"13\" font-weight=\"bold\" fill=\"#111111\">Legend</text>\n",
        num(x),
        num(y),
        num(width),
        num(height)
    );
    for (place, (glyph_svg, label)) in rows.iter().enumerate() {
        let centre = 34.0 + ROW * place as f64 + ROW / 2.0;
        let _ = writeln!(
            out,
            "<g transform=\"translate(16,{})\">{glyph_svg}<text x=\"{}\" y=\"4\" font-size=\"12\" fill=\"#222222\">{}</text></g>",
            num(centre),
            num(GLYPH),
            xml(label)
        );
    }
    out.push_str("</g>\n");
    (out, width, height)
}

/// The legend's rows: each glyph's SVG and what it means.
fn rows(chart: &Chart, id: &str) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Vec::new();
    let rect = |fill: &str, stroke: &str, width: &str, radius: f64| {
        format!(
            "<rect x=\"0\" y=\"-8\" width=\"{}\" height=\"16\" rx=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>",
            num(GLYPH - 12.0),
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
    // Organisations and services are drawn only where the guidance reads
    // them, and so named in the legend only then.
    for (kind, fill, stroke, radius, words) in [
        (
            NodeKind::Organisation,
            style::ORGANISATION_FILL,
            style::ORGANISATION_STROKE,
            6.0,
            "Organisation beside the council (company, trust, provider, another council), with what it is",
        ),
        (
            NodeKind::Service,
            style::SERVICE_FILL,
            style::SERVICE_STROKE,
            0.0,
            "Service an organisation beside the council runs",
        ),
    ] {
        if chart.nodes.iter().any(|node| node.kind == kind) {
            rows.push((rect(fill, stroke, "1.3", radius), words.to_owned()));
        }
    }
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
    rows
}
