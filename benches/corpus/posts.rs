//! The posts of a generated council: the DCS post, the senior posts
//! around it, and the heads of service that bring the council to the
//! length drawn.

use super::items::{field, name, names, source, text, Item, Kind, Line, Value};
use super::names::{month, person, AREAS, PLACES};
use super::papers::Papers;
use super::{Rng, Shape};

/// The directors below the DCS, each with the function they are
/// responsible for; the heads of service report to them in turn.
const DIRECTORS: [(&str, &str, &str); 3] = [
    ("director_of_education", "Director of Education and Skills", "education"),
    (
        "director_of_childrens_social_care",
        "Director of Children's Social Care",
        "childrens_social_care",
    ),
    (
        "director_of_commissioning",
        "Director of Commissioning",
        "commissioning",
    ),
];

/// The post that holds DCS: which post it is, whether it also holds
/// DASS, whom it reports to, and when its holder was appointed.
pub(super) struct Dcs {
    /// The post's id.
    pub(super) post: String,
    /// Whether it holds DASS too (from its holder's appointment).
    pub(super) with_dass: bool,
    boss: &'static str,
    /// When its holder was appointed (`2018-04`).
    pub(super) appointed: String,
}

impl Dcs {
    /// Draws which post holds DCS, whether it holds DASS too, and when
    /// its holder was appointed; whom it reports to follows the shape.
    pub(super) fn draw(rng: &mut Rng, papers: &Papers) -> Dcs {
        let shape = papers.shape;

        let post = rng
            .pick(&[
                "director_of_childrens_services",
                "executive_director_people",
                "corporate_director_children_and_families",
                "strategic_director_children_and_young_people",
            ])
            .to_owned();
        let with_dass = shape != Shape::ExtendedAfterAnswer && rng.chance(40);
        let boss = match shape {
            Shape::UnderDeputy | Shape::UnderDeputyDeparted => "deputy_chief_executive",
            _ => "chief_executive",
        };
        let appointed = month(rng, 2016, 2021);
        Dcs {
            post,
            with_dass,
            boss,
            appointed,
        }
    }

    /// The post itself, its facts from the test of assurance.
    pub(super) fn item(&self, rng: &mut Rng, papers: &Papers) -> Item {
        let (index, shape, joint) = (papers.index, papers.shape, papers.joint);
        let Papers { assurance, cabinet, .. } = papers;
        let Dcs {
            post: dcs_post, boss, ..
        } = self;

        let dcs_title = match dcs_post.as_str() {
            "director_of_childrens_services" => "Director of Children's Services",
            "executive_director_people" => "Executive Director, People",
            "corporate_director_children_and_families" => "Corporate Director, Children and Families",
            _ => "Strategic Director, Children and Young People",
        };
        let mut dcs = Item::new(Kind::Post, dcs_post)
            .comment("---------------------------------------------------------------- posts")
            .comment(&format!(
                "The post that holds DCS ({:?}); its facts are from the test of assurance.",
                shape
            ))
            .line(field("title", text(dcs_title)))
            .line(field("holder", text(&person(rng))).per(assurance, "Section 1"));
        dcs = self.roles(dcs, shape, assurance);

        dcs = dcs.line(field("report_to", name(boss)).per(assurance, "Section 2"));
        match shape {
            Shape::TierUnstated => {}
            Shape::UnderDeputy | Shape::UnderDeputyDeparted => {
                dcs = dcs.line(field("tier", Value::Int(2)).per(assurance, "Section 2"));
            }
            _ => dcs = dcs.line(field("tier", Value::Int(1)).per(assurance, "Section 2")),
        }
        if shape == Shape::Councillor {
            dcs = dcs
                .line(field("elected_member", Value::Bool(true)).per(cabinet, "Paragraph 3"))
                .line(field("politically_restricted", Value::Bool(false)).per(cabinet, "Paragraph 3"));
        } else if rng.chance(60) {
            dcs = dcs.line(field("politically_restricted", Value::Bool(true)).per(assurance, "Section 2"));
        }
        if joint {
            dcs = dcs
                .line(field("joint_appointment", Value::Bool(true)).per(assurance, "Section 1.3"))
                .line(field(
                    "shared_with",
                    text(&format!("{} Council", PLACES[(index + 7) % PLACES.len()])),
                ));
        }
        let member_of_dcs = vec![
            "health_and_wellbeing_board",
            "safeguarding_partnership",
            "children_and_young_people_partnership",
        ];
        dcs = dcs
            .line(Line::new("member_of", names(&member_of_dcs)).per(assurance, "Section 2.13"))
            .line(
                Line::new("chair_of", names(&["children_and_young_people_partnership"])).per(assurance, "Section 2.13"),
            )
            .line(field(
                "constitution",
                text("Part 3: Responsibility for Functions, Scheme of Delegation to Officers"),
            ))
            .line(field(
                "note",
                text("Meets the Chief Executive monthly for supervision and the Lead Member fortnightly."),
            ))
            .line(source(assurance, "Sections 1 and 2"));
        dcs
    }

    /// The roles the post holds and the functions it is responsible for,
    /// which for a DCS extended after an answer change in April 2024.
    fn roles(&self, dcs: Item, shape: Shape, assurance: &str) -> Item {
        let with_dass = self.with_dass;
        let mut dcs = dcs;

        match (shape, with_dass) {
            (Shape::ExtendedAfterAnswer, _) => {
                dcs = dcs
                    .line(Line::new("holds", names(&["DCS"])).per(assurance, "Section 1.1"))
                    .line(Line::new("holds", names(&["DASS"])).from("2024-04"))
                    .line(Line::new("responsible_for", names(&["education", "childrens_social_care"])).until("2024-04"))
                    .line(
                        Line::new(
                            "responsible_for",
                            names(&["education", "childrens_social_care", "adult_social_care"]),
                        )
                        .from("2024-04"),
                    );
            }
            (_, true) => {
                dcs = dcs
                    .line(Line::new("holds", names(&["DCS", "DASS"])).per(assurance, "Section 1.1"))
                    .line(
                        Line::new(
                            "responsible_for",
                            names(&["education", "childrens_social_care", "adult_social_care"]),
                        )
                        .per(assurance, "Section 1.2"),
                    );
            }
            (_, false) => {
                dcs = dcs
                    .line(Line::new("holds", names(&["DCS"])).per(assurance, "Section 1.1"))
                    .line(
                        Line::new("responsible_for", names(&["education", "childrens_social_care"]))
                            .per(assurance, "Section 1.2"),
                    );
            }
        }
        dcs
    }
}

/// The Chief Executive, a deputy if the DCS reports to one, the Director
/// of Public Health, and the directors below the DCS.
pub(super) fn senior_posts(rng: &mut Rng, papers: &Papers, dcs: &Dcs) -> Vec<Item> {
    let Papers { assurance, cabinet, .. } = papers;
    let (dcs_post, boss) = (&dcs.post, dcs.boss);
    let mut items = Vec::new();
    items.push(
        Item::new(Kind::Post, "chief_executive")
            .line(field("title", text("Chief Executive")))
            .line(field("holder", text(&person(rng))))
            .line(Line::new("holds", names(&["ChiefExecutive"])))
            .line(field("tier", Value::Int(1)))
            .line(field("politically_restricted", Value::Bool(true)))
            .line(source(cabinet, "Report sign off")),
    );
    if boss == "deputy_chief_executive" {
        items.push(
            Item::new(Kind::Post, "deputy_chief_executive")
                .comment("The DCS reports here, not to the Chief Executive.")
                .line(field("title", text("Deputy Chief Executive")))
                .line(field("holder", text(&person(rng))))
                .line(field("report_to", name("chief_executive")).per(assurance, "Section 2"))
                .line(field("tier", Value::Int(1)))
                .line(source(assurance, "Section 2")),
        );
    }
    items.push(
        Item::new(Kind::Post, "director_of_public_health")
            .line(field("title", text("Director of Public Health")))
            .line(field("holder", text(&person(rng))))
            .line(Line::new("holds", names(&["DirectorOfPublicHealth"])))
            .line(field("report_to", name("chief_executive")))
            .line(field("tier", Value::Int(2)))
            .line(Line::new("responsible_for", names(&["public_health"])))
            .line(Line::new("member_of", names(&["health_and_wellbeing_board"])))
            .line(source(assurance, "Section 2.5")),
    );
    for (post, title, function) in DIRECTORS {
        items.push(
            Item::new(Kind::Post, post)
                .line(field("title", text(title)))
                .line(field("holder", text(&person(rng))))
                .line(field("report_to", name(dcs_post)).per(assurance, "Section 2.5"))
                .line(field("tier", Value::Int(2)))
                .line(Line::new("responsible_for", names(&[function])))
                .line(field(
                    "note",
                    text(
                        "A member of the DCS's management team; provides monthly supervision to each head of service.",
                    ),
                ))
                .line(source(assurance, "Section 2.5")),
        );
    }
    items
}

/// Heads of service below the directors, until the council's `.dcs` text,
/// `lines` long without them, is `target` lines long (at most 60).
pub(super) fn heads_of_service(rng: &mut Rng, papers: &Papers, mut lines: usize, target: usize) -> Vec<Item> {
    let Papers { index, assurance, .. } = papers;
    let mut heads = Vec::new();
    let mut taken = 0;

    while lines < target && taken < 60 {
        let (part, area) = AREAS[(taken + index) % AREAS.len()];
        let round = taken / AREAS.len();
        let id = if round == 0 {
            format!("head_of_{part}")
        } else {
            format!("head_of_{part}_{}", round + 1)
        };
        let manager = DIRECTORS[taken % DIRECTORS.len()].0;
        let mut head = Item::new(Kind::Post, &id)
            .line(field("title", text(&format!("Head of {area}"))))
            .line(field("holder", text(&person(rng))))
            .line(field("report_to", name(manager)).per(assurance, "Section 2.5"))
            .line(field("tier", Value::Int(3)));
        if rng.chance(30) {
            head = head.line(field("interim", Value::Bool(true)));
        }
        if rng.chance(40) {
            head = head.line(Line::new("member_of", names(&["safeguarding_partnership"])));
        }
        head = head
            .line(field(
                "note",
                text(&format!(
                    "Leads the {area} service; reports on performance each quarter."
                )),
            ))
            .line(source(assurance, "Section 2.5"));
        lines += head.dcs_lines();
        heads.push(head);
        taken += 1;
    }
    heads
}
