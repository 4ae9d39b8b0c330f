//! What the rest of a generated council refers to, drawn first: its name,
//! kind and governance, and the papers its facts cite; then its header and
//! those documents.
//!
//! [`super::council`] draws a council's parts in turn from one generator,
//! and the order is part of the corpus: drawing a part earlier would change
//! every draw after it.

use super::items::{field, name, names, text, Item, Kind, Line, Value};
use super::names::{PLACES, PLACE_SUFFIXES};
use super::{Rng, Shape};

/// What the rest of a council refers to, drawn first: its name and kind,
/// how it is governed, the papers its facts cite, and whether its DCS is
/// shared with another council.
pub(super) struct Papers {
    /// The council's index in the corpus.
    pub(super) index: usize,
    /// How its DCS post is arranged.
    pub(super) shape: Shape,
    /// The place it is named after.
    pub(super) place: String,
    /// Its name (`Ashford County Council (0)`).
    pub(super) council_name: String,
    kind: &'static str,
    governance: &'static str,
    /// `Leader`, or `Mayor` under mayor and cabinet.
    pub(super) leader_role: &'static str,
    /// The year of the test of assurance (the cabinet report is a year later).
    pub(super) paper_year: usize,
    /// The test of assurance's id.
    pub(super) assurance: String,
    /// The cabinet report's id.
    pub(super) cabinet: String,
    /// The inspection letter's id.
    pub(super) ofsted: String,
    /// Whether the DCS is shared with another council.
    pub(super) joint: bool,
}

impl Papers {
    /// Draws the council's kind, governance, the year of its papers and
    /// whether its DCS is shared.
    pub(super) fn draw(rng: &mut Rng, index: usize, shape: Shape) -> Papers {
        let place = format!(
            "{}{}",
            PLACES[index % PLACES.len()],
            PLACE_SUFFIXES[(index / PLACES.len()) % PLACE_SUFFIXES.len()]
        );
        let kind = rng.pick(&["county", "unitary", "metropolitan_district", "london_borough"]);
        let style = match kind {
            "county" => "County Council",
            "london_borough" => "London Borough Council",
            "metropolitan_district" => "Metropolitan Borough Council",
            _ => "Council",
        };
        let council_name = format!("{place} {style} ({index})");
        let governance = if rng.chance(80) {
            "leader_and_cabinet"
        } else {
            "mayor_and_cabinet"
        };
        let leader_role = if governance == "mayor_and_cabinet" {
            "Mayor"
        } else {
            "Leader"
        };
        // Dates of the papers: a test of assurance and a cabinet report.
        let paper_year = rng.between(2023, 2025);
        let assurance = format!("assurance_{paper_year}");
        let cabinet = format!("cabinet_report_{}", paper_year + 1);
        let ofsted = "ofsted_letter".to_owned();
        let joint = shape == Shape::Sound && rng.chance(40);
        Papers {
            index,
            shape,
            place,
            council_name,
            kind,
            governance,
            leader_role,
            paper_year,
            assurance,
            cabinet,
            ofsted,
            joint,
        }
    }

    /// The comment that opens the council's file.
    pub(super) fn opening(&self) -> Vec<String> {
        let council_name = &self.council_name;
        vec![
            format!("// {council_name}: arrangements for the DCS and the Lead Member for Children's Services,"),
            "// generated for dcsc's benchmarks (benches/corpus/mod.rs). Every fact cites".to_owned(),
            "// the paper it comes from; what the papers do not state is left out.".to_owned(),
        ]
    }
}

/// The arrangements' header: the council, its kind and governance, and
/// (drawn) whether it says its posts and members are complete.
pub(super) fn header(rng: &mut Rng, papers: &Papers) -> Vec<Line> {
    let Papers {
        council_name,
        kind,
        governance,
        ..
    } = papers;

    let mut header = vec![
        field("council", text(council_name)),
        field("kind", name(kind)),
        field("upper_tier", Value::Bool(true)),
        field("governance", name(governance)),
        field("answers_to", name("dfe_2013")),
    ];
    if rng.chance(50) {
        header.push(Line::new("complete", names(&["posts", "members"])));
    }
    header.push(field("known_until", Value::Date("2026-10".to_owned())));
    header
}

/// The documents the council's facts cite: a test of assurance, a cabinet
/// report and an inspection letter.
pub(super) fn documents(papers: &Papers) -> Vec<Item> {
    let Papers {
        council_name,
        paper_year,
        assurance,
        cabinet,
        ofsted,
        ..
    } = papers;

    let mut items = Vec::new();
    // ------------------------------------------------------------ documents
    items.push(
        Item::new(Kind::Document, assurance)
            .comment("------------------------------------------------------------ documents")
            .line(field(
                "title",
                text(&format!(
                    "{council_name}: Test of Assurance on the roles of the Director of Children's Services and the Lead Member ({paper_year})"
                )),
            ))
            .line(field(
                "note",
                text("Appendix A answers each of the guidance's specific tests in turn."),
            )),
    );
    items.push(
        Item::new(Kind::Document, cabinet)
            .line(field(
                "title",
                text(&format!(
                    "{council_name}, Cabinet: Local assurance of the statutory children's services roles ({})",
                    paper_year + 1
                )),
            ))
            .line(field(
                "note",
                text("Minutes and the report of the Chief Executive; paragraphs cited by their order."),
            )),
    );
    items.push(Item::new(Kind::Document, ofsted).line(field(
        "title",
        text(&format!(
            "Ofsted, inspection of local authority children's services: {council_name}"
        )),
    )));
    items
}
