//! The chart's look, shared by the three formats so that a council's DOT,
//! Mermaid and SVG charts read alike. Every distinction colour makes is
//! also made another way (shape, border width, dashes, a label), so a
//! chart printed in black and white, or read by someone who does not see
//! the colours, loses nothing.

/// Fill and border of an officer post: a plain box.
pub(super) const POST_FILL: &str = "#ffffff";
/// Border of an officer post.
pub(super) const POST_STROKE: &str = "#37474f";
/// Fill of an elected member: a rounded box, lilac.
pub(super) const MEMBER_FILL: &str = "#f3effa";
/// Border of an elected member.
pub(super) const MEMBER_STROKE: &str = "#5e3c99";
/// Fill of a body: a pill, pale green.
pub(super) const BODY_FILL: &str = "#e8f3e8";
/// Border of a body.
pub(super) const BODY_STROKE: &str = "#2e7d32";
/// Fill of an organisation beside the council: a box with small rounded
/// corners, pale amber.
pub(super) const ORGANISATION_FILL: &str = "#fff4e0";
/// Border of an organisation beside the council.
pub(super) const ORGANISATION_STROKE: &str = "#a15c00";
/// Fill of a service an organisation runs: a square box, pale grey.
pub(super) const SERVICE_FILL: &str = "#f2f2f2";
/// Border of a service.
pub(super) const SERVICE_STROKE: &str = "#616161";
/// Border of a holder of DCS or LMCS: thick and dark blue, whatever its
/// kind (the fill still tells the kind).
pub(super) const STRONG_STROKE: &str = "#0b3d91";
/// Text of the roles line of a holder of DCS or LMCS.
pub(super) const STRONG_TEXT: &str = "#0b3d91";
/// A reporting line.
pub(super) const REPORTING: &str = "#37474f";
/// A flagged reporting line: red, and also thick, dashed and labelled.
pub(super) const FLAG: &str = "#c00000";
/// The dash pattern of a flagged line (SVG and Mermaid).
pub(super) const FLAG_DASH: &str = "10 5";

/// The styles of relations other than reporting lines, by their place among
/// the relations on the chart: a colour and an SVG dash pattern, and
/// Graphviz's nearest style. Past the last, they repeat.
const RELATIONS: [(&str, &str, &str); 5] = [
    ("#1b7837", "7 4", "dashed"),
    ("#8e24aa", "2 3", "dotted"),
    ("#b35806", "10 3 2 3", "dashed"),
    ("#01665e", "1 4", "dotted"),
    ("#5d4037", "12 5", "dashed"),
];

/// The style of the relation at `index` on the chart: colour, SVG dash
/// pattern, Graphviz style.
pub(super) fn relation(index: usize) -> (&'static str, &'static str, &'static str) {
    RELATIONS
        .get(index % RELATIONS.len())
        .copied()
        .unwrap_or(("#1b7837", "7 4", "dashed"))
}
