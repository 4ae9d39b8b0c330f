//! The members, bodies and services of a generated council.

use super::items::{field, name, names, source, text, Item, Kind, Line, Value};
use super::names::person;
use super::papers::Papers;
use super::Rng;

/// The leader or mayor, the Lead Member, other cabinet members, and the
/// chair of scrutiny.
pub(super) fn members(rng: &mut Rng, papers: &Papers) -> Vec<Item> {
    let (leader_role, cabinet) = (papers.leader_role, &papers.cabinet);

    // ------------------------------------------------------------- members
    let leader = if leader_role == "Mayor" {
        "elected_mayor"
    } else {
        "leader_of_the_council"
    };
    let mut members = vec![Item::new(Kind::Member, leader)
        .comment("-------------------------------------------------------------- members")
        .line(field(
            "title",
            text(if leader_role == "Mayor" {
                "Elected Mayor"
            } else {
                "Leader of the Council"
            }),
        ))
        .line(field("name", text(&format!("Councillor {}", person(rng)))))
        .line(Line::new("holds", names(&[leader_role])))
        .line(field("executive", Value::Bool(true)))
        .line(Line::new(
            "member_of",
            names(&["cabinet", "health_and_wellbeing_board"]),
        ))
        .line(Line::new("chair_of", names(&["cabinet", "health_and_wellbeing_board"])))
        .line(source(cabinet, "Paragraph 1"))];
    let mut lead = Item::new(Kind::Member, "cabinet_member_children")
        .line(field("title", text("Cabinet Member for Children and Young People")))
        .line(field("name", text(&format!("Councillor {}", person(rng)))))
        .line(field("portfolio", text("Children, Young People and Families")));
    lead = if rng.chance(20) {
        lead.line(
            Line::new("holds", names(&["LMCS"]))
                .inferred()
                .per(cabinet, "Paragraph 2"),
        )
    } else {
        lead.line(Line::new("holds", names(&["LMCS"])).per(cabinet, "Paragraph 2"))
    };
    lead = lead
        .line(Line::new("responsible_for", names(&["education", "childrens_social_care"])).per(cabinet, "Paragraph 2"))
        .line(field("executive", Value::Bool(true)))
        .line(Line::new("member_of", names(&["cabinet", "corporate_parenting_board"])));
    if rng.chance(70) {
        lead = lead.line(field("accountable_to", name(leader)).per(cabinet, "Paragraph 2"));
    }
    members.push(lead.line(source(cabinet, "Paragraph 2")));
    let portfolios = [
        ("adult_social_care", "Adult Social Care and Health"),
        ("housing", "Housing and Regeneration"),
        ("finance", "Finance and Resources"),
        ("environment", "Environment and Transport"),
        ("communities", "Communities and Equalities"),
    ];
    for (part, portfolio) in portfolios.iter().take(rng.between(2, 5)) {
        members.push(
            Item::new(Kind::Member, &format!("cabinet_member_{part}"))
                .line(field("title", text(&format!("Cabinet Member for {portfolio}"))))
                .line(field("name", text(&format!("Councillor {}", person(rng)))))
                .line(field("portfolio", text(portfolio)))
                .line(field("executive", Value::Bool(true)))
                .line(Line::new("member_of", names(&["cabinet"])))
                .line(source(cabinet, "Paragraph 1")),
        );
    }
    members.push(
        Item::new(Kind::Member, "scrutiny_chair")
            .line(field("title", text("Chair, Children's Services Scrutiny Committee")))
            .line(field("name", text(&format!("Councillor {}", person(rng)))))
            .line(field("executive", Value::Bool(false)))
            .line(Line::new("member_of", names(&["childrens_scrutiny_committee"])))
            .line(Line::new("chair_of", names(&["childrens_scrutiny_committee"])))
            .line(source(cabinet, "Paragraph 5")),
    );
    members
}

/// The council's bodies: the six every council has, and (drawn) a schools
/// forum and an improvement board.
pub(super) fn bodies(rng: &mut Rng, papers: &Papers) -> Vec<Item> {
    let Papers {
        place,
        assurance,
        cabinet,
        ofsted,
        ..
    } = papers;

    // --------------------------------------------------------------- bodies
    let mut bodies = vec![
        Item::new(Kind::Body, "cabinet")
            .comment("--------------------------------------------------------------- bodies")
            .line(field("kind", name("executive")))
            .line(field("title", text("Cabinet")))
            .line(source(cabinet, "Heading")),
        Item::new(Kind::Body, "health_and_wellbeing_board")
            .line(field("kind", name("health_and_wellbeing_board")))
            .line(field("title", text("Health and Wellbeing Board")))
            .line(field("meets", text("quarterly")))
            .line(source(assurance, "Section 2.13")),
        Item::new(Kind::Body, "safeguarding_partnership")
            .line(field("kind", name("safeguarding_partnership")))
            .line(field(
                "title",
                text(&format!("{place} Safeguarding Children Partnership")),
            ))
            .line(field("meets", text("bi-monthly")))
            .line(field(
                "note",
                text("The three statutory safeguarding partners: the local authority, the police and the integrated care board."),
            ))
            .line(source(assurance, "Section 2.10")),
        Item::new(Kind::Body, "children_and_young_people_partnership")
            .line(field("kind", name("children_partnership")))
            .line(field("title", text("Children and Young People's Partnership Board")))
            .line(source(assurance, "Section 2.13")),
        Item::new(Kind::Body, "corporate_parenting_board")
            .line(field("kind", name("corporate_parenting_group")))
            .line(field("title", text("Corporate Parenting Board")))
            .line(field("meets", text("every two months")))
            .line(source(assurance, "Section 2.7")),
        Item::new(Kind::Body, "childrens_scrutiny_committee")
            .line(field("kind", name("scrutiny_committee")))
            .line(field("title", text("Children's Services Overview and Scrutiny Committee")))
            .line(source(cabinet, "Paragraph 5")),
    ];
    if rng.chance(70) {
        bodies.push(
            Item::new(Kind::Body, "schools_forum")
                .line(field("kind", name("schools_forum")))
                .line(field("title", text("Schools Forum")))
                .line(field("meets", text("termly")))
                .line(source(assurance, "Section 2.13.2")),
        );
    }
    if rng.chance(30) {
        bodies.push(
            Item::new(Kind::Body, "improvement_board")
                .line(field("kind", name("improvement_board")))
                .line(field("title", text("Children's Services Improvement Board")))
                .line(field(
                    "note",
                    text("With an independent chair, meeting monthly since the last inspection."),
                ))
                .line(source(ofsted, "Next steps")),
        );
    }

    bodies
}

/// One to three services the council commissions or provides.
pub(super) fn services(rng: &mut Rng, papers: &Papers) -> Vec<Item> {
    let assurance = &papers.assurance;

    // ------------------------------------------------------------- services
    let mut services = Vec::new();
    for (number, (part, title, provider)) in [
        ("childrens_centres", "Children's centres", "external"),
        ("residential_homes", "Children's residential homes", "in_house"),
        ("youth_service", "Youth service", "youth_trust"),
    ]
    .into_iter()
    .take(rng.between(1, 3))
    .enumerate()
    {
        let mut service = Item::new(Kind::Service, part)
            .line(field("title", text(title)))
            .line(field("provider", name(provider)))
            .line(Line::new("monitored_by", names(&["director_of_commissioning"])))
            .line(source(assurance, "Section 2.4"));
        if number == 0 {
            service = service.comment("------------------------------------------------------------- services");
        }
        // The youth service is run by a trust the council owns: an
        // organisation beside the council, declared with it.
        if number == 2 {
            services.push(
                Item::new(Kind::Organisation, "youth_trust")
                    .line(field("title", text("Youth Trust")))
                    .line(field("kind", name("trust")))
                    .line(field("owned_by", name("council"))),
            );
        }
        services.push(service);
    }

    services
}
