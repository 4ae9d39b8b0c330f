//! What happened and what a generated council said: its timeline of
//! events, its answers to the guidance's questions, and its departures.

use super::items::{field, name, names, source, text, Item, Kind, Line, Value};
use super::names::{month, MONTHS, QUESTIONS};
use super::papers::Papers;
use super::posts::Dcs;
use super::{Rng, Shape};

/// The timeline: the DCS's appointment, assurance and designation, then
/// the changes, the inspection and the annual review.
pub(super) fn timeline(rng: &mut Rng, papers: &Papers, dcs: &Dcs) -> Vec<Item> {
    let mut timeline = appointment(rng, papers, dcs);
    timeline.extend(later_events(rng, papers, dcs));
    timeline
}

/// The DCS's appointment, the review that assured it, and the
/// constitution's designation of the post.
fn appointment(rng: &mut Rng, papers: &Papers, dcs: &Dcs) -> Vec<Item> {
    let Papers { assurance, cabinet, .. } = papers;
    let (dcs_post, with_dass, appointed) = (&dcs.post, dcs.with_dass, &dcs.appointed);

    // ------------------------------------------------------------- timeline
    let mut timeline = vec![
        Item::new(Kind::Appointment, &format!("dcs_appointed_{}", &appointed[..4]))
            .on(appointed)
            .comment("------------------------------------------------------------- timeline")
            .line(field("post", name(dcs_post)))
            .line(Line::new(
                "roles",
                if with_dass {
                    names(&["DCS", "DASS"])
                } else {
                    names(&["DCS"])
                },
            ))
            .line(field(
                "what",
                text("Appointed by the Appointments Committee of the Council"),
            ))
            .line(source(assurance, "Section 1")),
    ];
    let appointment_id = format!("dcs_appointed_{}", &appointed[..4]);
    let assured_after = format!(
        "{}-{}",
        appointed[..4].parse::<usize>().unwrap_or(2020) + 1,
        rng.pick(&MONTHS)
    );
    timeline.push(
        Item::new(Kind::Review, "assurance_after_appointment")
            .on(&assured_after)
            .line(field("by", name("cabinet")))
            .line(Line::new("outcome", names(&["assured"])))
            .line(field(
                "record",
                text("The Cabinet was satisfied that the arrangements for the DCS and the Lead Member meet the statutory guidance."),
            ))
            .line(field("answers", name(&appointment_id)))
            .line(source(cabinet, "Background")),
    );
    timeline.push(
        Item::new(Kind::Designation, "dcs_designated_in_constitution")
            .on(&assured_after)
            .comment("The constitution's scheme of delegation names the post as the DCS.")
            .line(field("post", name(dcs_post)))
            .line(Line::new("roles", names(&["DCS"])))
            .line(field("by", name("chief_executive")))
            .line(source(assurance, "Section 1")),
    );
    timeline
}

/// A restructure below the DCS, the adult social care added to the post
/// (for that shape) with the review that answered it, the inspection and
/// the annual review.
fn later_events(rng: &mut Rng, papers: &Papers, dcs: &Dcs) -> Vec<Item> {
    let shape = papers.shape;
    let Papers {
        paper_year,
        assurance,
        cabinet,
        ofsted,
        ..
    } = papers;
    let dcs_post = &dcs.post;
    let mut timeline = Vec::new();

    let restructure = format!("{}-{}", rng.between(2022, 2023), rng.pick(&MONTHS));
    timeline.push(
        Item::new(Kind::Change, "restructure_below_dcs")
            .on(&restructure)
            .comment("A restructure of the posts below the DCS: not a change of the DCS's responsibilities.")
            .line(field("post", name("director_of_childrens_social_care")))
            .line(field("responsibilities", Value::Bool(false)))
            .line(field(
                "what",
                text("The heads of service were regrouped under the Director of Children's Social Care."),
            ))
            .line(source(cabinet, "Paragraph 4")),
    );
    if shape == Shape::ExtendedAfterAnswer {
        timeline.push(
            Item::new(Kind::Change, "adults_added_2024")
                .on("2024-04")
                .line(field("post", name(dcs_post)))
                .line(field("responsibilities", Value::Bool(true)))
                .line(field(
                    "what",
                    text("Adult social care and the DASS role added to the post"),
                ))
                .line(source(cabinet, "Paragraph 6")),
        );
        timeline.push(
            Item::new(Kind::Review, "assurance_2024")
                .on("2024-09")
                .line(field("by", name("cabinet")))
                .line(Line::new("outcome", names(&["assured"])))
                .line(field("answers", name("adults_added_2024")))
                .line(source(cabinet, "Paragraph 7")),
        );
    }
    timeline.push(
        Item::new(Kind::Inspection, "ofsted_inspection")
            .on(&month(rng, 2022, 2025))
            .line(field("by", text("Ofsted")))
            .line(field(
                "judgement",
                text(rng.pick(&["Outstanding", "Good", "Requires improvement to be good"])),
            ))
            .line(source(ofsted, "Summary")),
    );
    timeline.push(
        Item::new(Kind::Review, &format!("annual_review_{paper_year}"))
            .on(&format!("{paper_year}-{}", rng.pick(&MONTHS)))
            .line(field("by", name("childrens_scrutiny_committee")))
            .line(Line::new("outcome", names(&["assured"])))
            .line(field(
                "record",
                text("The committee confirmed the arrangements pass the test of assurance."),
            ))
            .line(source(assurance, "Recommendations")),
    );

    timeline
}

/// The council's answers to the guidance's questions (some drawn
/// unanswered), an answer left stale or on the joint appointment where the
/// shape has one, and recorded departures.
pub(super) fn answers(rng: &mut Rng, papers: &Papers) -> Vec<Item> {
    let (shape, joint) = (papers.shape, papers.joint);
    let Papers {
        council_name,
        paper_year,
        assurance,
        ..
    } = papers;

    // -------------------------------------------------------------- answers
    let mut answers = Vec::new();
    let given = format!("{paper_year}-{}", rng.pick(&MONTHS));
    for (number, question) in QUESTIONS.iter().enumerate() {
        // Some questions go unanswered (`missing`).
        if rng.chance(25) {
            continue;
        }
        let mut answer = Item::new(Kind::Answer, question)
            .line(field("by", text(council_name)))
            .line(field("given", Value::Date(given.clone())))
            .line(field("reference", text(&format!("Appendix A, 2.{}", number + 2))))
            .line(field(
                "text",
                text("The arrangements are set out in the scheme of delegation and reviewed by the Cabinet each year; the DCS reports on them to the Lead Member and to the scrutiny committee."),
            ))
            .line(source(assurance, &format!("Appendix A, 2.{}", number + 2)));
        if answers.is_empty() {
            answer = answer.comment("-------------------------------------------------------------- answers");
        }
        answers.push(answer);
    }
    if shape == Shape::ExtendedAfterAnswer {
        answers.push(
            Item::new(Kind::Answer, "local_assurance.specific.child_protection")
                .comment("Given before adult social care was added to the post, and not renewed.")
                .line(field("by", text(council_name)))
                .line(field("given", Value::Date("2023-02".to_owned())))
                .line(field(
                    "text",
                    text("Monthly case file audits are reported to the Chief Executive and the Lead Member."),
                ))
                .line(source(assurance, "Appendix A, 2.11")),
        );
    }
    if joint {
        answers.push(
            Item::new(Kind::Answer, "joint_dcs.arrangements")
                .line(field("by", text("Chief Executive")))
                .line(field("given", Value::Date(given.clone())))
                .line(field(
                    "text",
                    text("The joint DCS is employed by this council; a joint committee of both councils' Cabinets oversees the arrangement."),
                ))
                .line(source(assurance, "Section 1.3")),
        );
    }
    answers.extend(departures(shape));
    answers
}

/// The departures from duties recorded and approved, for that shape.
fn departures(shape: Shape) -> Vec<Item> {
    let mut answers = Vec::new();

    if shape == Shape::UnderDeputyDeparted {
        for (duty, words, review) in [
            (
                "dcs.report_to_chief_executive",
                "The Deputy Chief Executive leads all people services; the DCS meets the Chief Executive monthly and may raise any matter directly.",
                "2026-03",
            ),
            (
                "dcs.first_tier",
                "The DCS sits in the second tier under the Deputy Chief Executive for the reasons recorded on the reporting line.",
                "2027-03",
            ),
        ] {
            answers.push(
                Item::new(Kind::Departure, duty)
                    .line(field("reasons", text(words)))
                    .line(field("approved_by", text("Cabinet")))
                    .line(field("approved", Value::Date("2025-03-12".to_owned())))
                    .line(field("review_by", Value::Date(review.to_owned()))),
            );
        }
    }
    answers
}
