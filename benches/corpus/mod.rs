//! Generated councils for the benchmarks (`benches/pipeline.rs`) and the
//! test that holds the generator to its promises
//! (`tests/integration/corpus.rs`, which includes this file with `#[path]`).
//!
//! Each council is built from a seeded xorshift generator, so the same
//! index always gives the same text, and is written both as a `.dcs` file
//! and as JSON arrangements (docs/json-arrangements.md) of the same facts.
//! A council is 350 to 650 lines of `.dcs`: a header, the documents its
//! facts cite, a Chief Executive, a DCS post and 7 to 37 other posts,
//! members, bodies, services, a timeline of appointments, designations,
//! changes, reviews and an inspection, answers to the guidance's
//! questions and, where it departs from a duty, its recorded departures.
//! Which way the DCS post is arranged cycles with the index, so that any
//! six consecutive councils between them give all nine verdict kinds.
//!
//! Also here: a reporting chain of N posts, and a council of N posts that
//! each report to a misspelt name (the cost of "did you mean").

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// The date the generated councils are verified as at.
pub const AS_AT: &str = "2026-11-01";

/// The fewest and most lines of a generated council's `.dcs` text.
pub const LINES: std::ops::RangeInclusive<usize> = 350..=650;

/// A small xorshift64* generator: deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded from a council's index (never zero).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03 | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound` (bound > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A value of a field.
#[derive(Clone)]
pub enum Value {
    /// A name (`DCS`, `chief_executive`).
    Name(String),
    /// Quoted text.
    Text(String),
    /// An integer.
    Int(i64),
    /// `yes` / `no`.
    Bool(bool),
    /// A date (`2016`, `2016-03`, `2016-03-01`).
    Date(String),
}

/// One line of an item: `key value, value [from D] [until D] [inferred] [per doc "where"]`.
#[derive(Clone)]
pub struct Line {
    key: &'static str,
    values: Vec<Value>,
    from: Option<String>,
    until: Option<String>,
    inferred: bool,
    per: Option<(String, String)>,
}

impl Line {
    fn new(key: &'static str, values: Vec<Value>) -> Line {
        Line {
            key,
            values,
            from: None,
            until: None,
            inferred: false,
            per: None,
        }
    }

    fn from(mut self, date: &str) -> Line {
        self.from = Some(date.to_owned());
        self
    }

    fn until(mut self, date: &str) -> Line {
        self.until = Some(date.to_owned());
        self
    }

    fn inferred(mut self) -> Line {
        self.inferred = true;
        self
    }

    fn per(mut self, document: &str, place: &str) -> Line {
        self.per = Some((document.to_owned(), place.to_owned()));
        self
    }
}

fn name(text: &str) -> Value {
    Value::Name(text.to_owned())
}

fn text(text: &str) -> Value {
    Value::Text(text.to_owned())
}

fn names(texts: &[&str]) -> Vec<Value> {
    texts.iter().map(|text| name(text)).collect()
}

fn field(key: &'static str, value: Value) -> Line {
    Line::new(key, vec![value])
}

fn source(document: &str, place: &str) -> Line {
    Line::new("source", vec![name(document), text(place)])
}

/// The kinds of item a generated council holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `document`
    Document,
    /// `post`
    Post,
    /// `member`
    Member,
    /// `body`
    Body,
    /// `service`
    Service,
    /// `appointment` (an event)
    Appointment,
    /// `designation` (an event)
    Designation,
    /// `change` (an event)
    Change,
    /// `review` (an event)
    Review,
    /// `inspection` (an event)
    Inspection,
    /// `answer`
    Answer,
    /// `departure from`
    Departure,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Post => "post",
            Kind::Member => "member",
            Kind::Body => "body",
            Kind::Service => "service",
            Kind::Appointment => "appointment",
            Kind::Designation => "designation",
            Kind::Change => "change",
            Kind::Review => "review",
            Kind::Inspection => "inspection",
            Kind::Answer => "answer",
            Kind::Departure => "departure",
        }
    }

    fn is_event(self) -> bool {
        matches!(
            self,
            Kind::Appointment | Kind::Designation | Kind::Change | Kind::Review | Kind::Inspection
        )
    }
}

/// One item: `KIND ID [on DATE] { LINES }`, with comment lines before it.
#[derive(Clone)]
pub struct Item {
    kind: Kind,
    id: String,
    date: Option<String>,
    comment: Vec<String>,
    lines: Vec<Line>,
}

impl Item {
    fn new(kind: Kind, id: &str) -> Item {
        Item {
            kind,
            id: id.to_owned(),
            date: None,
            comment: Vec::new(),
            lines: Vec::new(),
        }
    }

    fn on(mut self, date: &str) -> Item {
        self.date = Some(date.to_owned());
        self
    }

    fn comment(mut self, words: &str) -> Item {
        self.comment.push(words.to_owned());
        self
    }

    fn line(mut self, line: Line) -> Item {
        self.lines.push(line);
        self
    }

    fn lines(mut self, lines: impl IntoIterator<Item = Line>) -> Item {
        self.lines.extend(lines);
        self
    }
}

/// How the DCS post is arranged: cycles with the council's index so that
/// every six councils give all nine verdict kinds between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// First tier, reporting to the Chief Executive.
    Sound,
    /// Reporting to a deputy chief executive, with no reason recorded
    /// (`unexplained`).
    UnderDeputy,
    /// The same with departures recorded and approved (`departure`).
    UnderDeputyDeparted,
    /// The post stated to be held by a councillor (`fail`).
    Councillor,
    /// The post's tier not stated (`unknown`).
    TierUnstated,
    /// The DCS took on adult social care after an answer was given
    /// (`stale`), and a review answered the change.
    ExtendedAfterAnswer,
}

const SHAPES: [Shape; 6] = [
    Shape::Sound,
    Shape::UnderDeputy,
    Shape::UnderDeputyDeparted,
    Shape::Councillor,
    Shape::TierUnstated,
    Shape::ExtendedAfterAnswer,
];

/// A generated council: its header and items.
pub struct Council {
    /// The arrangements' id (`council_0042`), also the file's stem.
    pub id: String,
    /// How its DCS post is arranged.
    pub shape: Shape,
    header: Vec<Line>,
    opening: Vec<String>,
    items: Vec<Item>,
}

const PLACES: [&str; 24] = [
    "Ashford",
    "Brackley",
    "Calderbrook",
    "Dunmere",
    "Eastwick",
    "Fenmoor",
    "Greystone",
    "Harrowfield",
    "Ivybridge",
    "Kestrel Vale",
    "Longmarsh",
    "Millbrook",
    "Northam",
    "Oakhurst",
    "Pendle Cross",
    "Queensbury",
    "Redcliffe",
    "Stonebridge",
    "Thornbury",
    "Upminster Vale",
    "Westmoor",
    "Yarrow",
    "Amberley",
    "Bramhall",
];
const PLACE_SUFFIXES: [&str; 6] = ["", "shire", " and District", " Valley", "ton", " Borough"];
const FIRST_NAMES: [&str; 16] = [
    "Alex",
    "Bernadette",
    "Chidi",
    "Dana",
    "Emeka",
    "Fiona",
    "Gareth",
    "Hannah",
    "Imran",
    "Joanne",
    "Kwame",
    "Laura",
    "Mohammed",
    "Niamh",
    "Owen",
    "Priya",
];
const SURNAMES: [&str; 16] = [
    "Adeyemi", "Brown", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis",
    "Morgan", "Nowak", "O'Brien", "Patel",
];
/// Service areas for the posts below the directors: (id part, title).
const AREAS: [(&str, &str); 20] = [
    ("early_help", "Early Help"),
    ("safeguarding", "Safeguarding and Quality Assurance"),
    ("looked_after_children", "Looked After Children"),
    ("fostering", "Fostering and Adoption"),
    ("youth_justice", "Youth Justice"),
    ("send", "Special Educational Needs and Disabilities"),
    ("school_improvement", "School Improvement"),
    ("admissions", "School Admissions and Transport"),
    ("early_years", "Early Years and Childcare"),
    ("virtual_school", "Virtual School"),
    ("commissioning", "Children's Commissioning"),
    ("performance", "Performance and Intelligence"),
    ("workforce", "Social Work Workforce Development"),
    ("leaving_care", "Leaving Care"),
    ("front_door", "Multi-Agency Safeguarding Hub"),
    ("disabled_children", "Disabled Children's Service"),
    ("adult_care", "Adult Social Care Operations"),
    ("housing", "Housing Options"),
    ("public_health", "Public Health Commissioning"),
    ("finance", "People Directorate Finance"),
];
const QUESTIONS: [&str; 9] = [
    "local_assurance.enable.a",
    "local_assurance.enable.b",
    "local_assurance.enable.c",
    "local_assurance.specific.senior_management",
    "local_assurance.specific.accountability",
    "local_assurance.specific.seniority",
    "local_assurance.specific.children_involvement",
    "local_assurance.specific.partnerships",
    "review.keep_under_review",
];
const MONTHS: [&str; 12] = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&FIRST_NAMES), rng.pick(&SURNAMES))
}

fn month(rng: &mut Rng, first_year: usize, last_year: usize) -> String {
    format!("{}-{}", rng.between(first_year, last_year), rng.pick(&MONTHS))
}

/// The council at `index` of the corpus.
pub fn council(index: usize) -> Council {
    let mut rng = Rng::new(index as u64 + 1);
    let shape = SHAPES[index % SHAPES.len()];
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
    let id = format!("council_{index:04}");
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

    let mut header = vec![
        field("council", text(&council_name)),
        field("kind", name(kind)),
        field("upper_tier", Value::Bool(true)),
        field("governance", name(governance)),
        field("answers_to", name("dfe_2013")),
    ];
    if rng.chance(50) {
        header.push(Line::new("complete", names(&["posts", "members"])));
    }
    // The papers speak up to the date the corpus is verified as at
    // ([`AS_AT`]): past their end, no verdict resting on them is decided.
    header.push(field("known_until", Value::Date("2026-11".to_owned())));

    let mut items = Vec::new();
    // ------------------------------------------------------------ documents
    items.push(
        Item::new(Kind::Document, &assurance)
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
        Item::new(Kind::Document, &cabinet)
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
    items.push(Item::new(Kind::Document, &ofsted).line(field(
        "title",
        text(&format!(
            "Ofsted, inspection of local authority children's services: {council_name}"
        )),
    )));

    // ---------------------------------------------------------------- posts
    let dcs_post = rng
        .pick(&[
            "director_of_childrens_services",
            "executive_director_people",
            "corporate_director_children_and_families",
            "strategic_director_children_and_young_people",
        ])
        .to_owned();
    let dcs_title = match dcs_post.as_str() {
        "director_of_childrens_services" => "Director of Children's Services",
        "executive_director_people" => "Executive Director, People",
        "corporate_director_children_and_families" => "Corporate Director, Children and Families",
        _ => "Strategic Director, Children and Young People",
    };
    let with_dass = shape != Shape::ExtendedAfterAnswer && rng.chance(40);
    let boss = match shape {
        Shape::UnderDeputy | Shape::UnderDeputyDeparted => "deputy_chief_executive",
        _ => "chief_executive",
    };
    let appointed = month(&mut rng, 2016, 2021);
    let mut dcs = Item::new(Kind::Post, &dcs_post)
        .comment("---------------------------------------------------------------- posts")
        .comment(&format!(
            "The post that holds DCS ({:?}); its facts are from the test of assurance.",
            shape
        ))
        .line(field("title", text(dcs_title)))
        .line(field("holder", text(&person(&mut rng))).per(&assurance, "Section 1"));
    match (shape, with_dass) {
        (Shape::ExtendedAfterAnswer, _) => {
            dcs = dcs
                .line(Line::new("holds", names(&["DCS"])).per(&assurance, "Section 1.1"))
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
                .line(Line::new("holds", names(&["DCS", "DASS"])).per(&assurance, "Section 1.1"))
                .line(
                    Line::new(
                        "responsible_for",
                        names(&["education", "childrens_social_care", "adult_social_care"]),
                    )
                    .per(&assurance, "Section 1.2"),
                );
        }
        (_, false) => {
            dcs = dcs
                .line(Line::new("holds", names(&["DCS"])).per(&assurance, "Section 1.1"))
                .line(
                    Line::new("responsible_for", names(&["education", "childrens_social_care"]))
                        .per(&assurance, "Section 1.2"),
                );
        }
    }
    dcs = dcs.line(field("report_to", name(boss)).per(&assurance, "Section 2"));
    match shape {
        Shape::TierUnstated => {}
        Shape::UnderDeputy | Shape::UnderDeputyDeparted => {
            dcs = dcs.line(field("tier", Value::Int(2)).per(&assurance, "Section 2"));
        }
        _ => dcs = dcs.line(field("tier", Value::Int(1)).per(&assurance, "Section 2")),
    }
    if shape == Shape::Councillor {
        dcs = dcs
            .line(field("elected_member", Value::Bool(true)).per(&cabinet, "Paragraph 3"))
            .line(field("politically_restricted", Value::Bool(false)).per(&cabinet, "Paragraph 3"));
    } else if rng.chance(60) {
        dcs = dcs.line(field("politically_restricted", Value::Bool(true)).per(&assurance, "Section 2"));
    }
    if joint {
        dcs = dcs
            .line(field("joint_appointment", Value::Bool(true)).per(&assurance, "Section 1.3"))
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
        .line(Line::new("member_of", names(&member_of_dcs)).per(&assurance, "Section 2.13"))
        .line(Line::new("chair_of", names(&["children_and_young_people_partnership"])).per(&assurance, "Section 2.13"))
        .line(field(
            "constitution",
            text("Part 3: Responsibility for Functions, Scheme of Delegation to Officers"),
        ))
        .line(field(
            "note",
            text("Meets the Chief Executive monthly for supervision and the Lead Member fortnightly."),
        ))
        .line(source(&assurance, "Sections 1 and 2"));
    items.push(dcs);

    items.push(
        Item::new(Kind::Post, "chief_executive")
            .line(field("title", text("Chief Executive")))
            .line(field("holder", text(&person(&mut rng))))
            .line(Line::new("holds", names(&["ChiefExecutive"])))
            .line(field("tier", Value::Int(1)))
            .line(field("politically_restricted", Value::Bool(true)))
            .line(source(&cabinet, "Report sign off")),
    );
    if boss == "deputy_chief_executive" {
        items.push(
            Item::new(Kind::Post, "deputy_chief_executive")
                .comment("The DCS reports here, not to the Chief Executive.")
                .line(field("title", text("Deputy Chief Executive")))
                .line(field("holder", text(&person(&mut rng))))
                .line(field("report_to", name("chief_executive")).per(&assurance, "Section 2"))
                .line(field("tier", Value::Int(1)))
                .line(source(&assurance, "Section 2")),
        );
    }
    items.push(
        Item::new(Kind::Post, "director_of_public_health")
            .line(field("title", text("Director of Public Health")))
            .line(field("holder", text(&person(&mut rng))))
            .line(Line::new("holds", names(&["DirectorOfPublicHealth"])))
            .line(field("report_to", name("chief_executive")))
            .line(field("tier", Value::Int(2)))
            .line(Line::new("responsible_for", names(&["public_health"])))
            .line(Line::new("member_of", names(&["health_and_wellbeing_board"])))
            .line(source(&assurance, "Section 2.5")),
    );
    // The directors below the DCS, and the heads of service below them.
    let directors = [
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
    for (post, title, function) in directors {
        items.push(
            Item::new(Kind::Post, post)
                .line(field("title", text(title)))
                .line(field("holder", text(&person(&mut rng))))
                .line(field("report_to", name(&dcs_post)).per(&assurance, "Section 2.5"))
                .line(field("tier", Value::Int(2)))
                .line(Line::new("responsible_for", names(&[function])))
                .line(field(
                    "note",
                    text(
                        "A member of the DCS's management team; provides monthly supervision to each head of service.",
                    ),
                ))
                .line(source(&assurance, "Section 2.5")),
        );
    }

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
        .line(field("name", text(&format!("Councillor {}", person(&mut rng)))))
        .line(Line::new("holds", names(&[leader_role])))
        .line(field("executive", Value::Bool(true)))
        .line(Line::new(
            "member_of",
            names(&["cabinet", "health_and_wellbeing_board"]),
        ))
        .line(Line::new("chair_of", names(&["cabinet", "health_and_wellbeing_board"])))
        .line(source(&cabinet, "Paragraph 1"))];
    let mut lead = Item::new(Kind::Member, "cabinet_member_children")
        .line(field("title", text("Cabinet Member for Children and Young People")))
        .line(field("name", text(&format!("Councillor {}", person(&mut rng)))))
        .line(field("portfolio", text("Children, Young People and Families")));
    lead = if rng.chance(20) {
        lead.line(
            Line::new("holds", names(&["LMCS"]))
                .inferred()
                .per(&cabinet, "Paragraph 2"),
        )
    } else {
        lead.line(Line::new("holds", names(&["LMCS"])).per(&cabinet, "Paragraph 2"))
    };
    lead = lead
        .line(Line::new("responsible_for", names(&["education", "childrens_social_care"])).per(&cabinet, "Paragraph 2"))
        .line(field("executive", Value::Bool(true)))
        .line(Line::new("member_of", names(&["cabinet", "corporate_parenting_board"])));
    if rng.chance(70) {
        lead = lead.line(field("accountable_to", name(leader)).per(&cabinet, "Paragraph 2"));
    }
    members.push(lead.line(source(&cabinet, "Paragraph 2")));
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
                .line(field("name", text(&format!("Councillor {}", person(&mut rng)))))
                .line(field("portfolio", text(portfolio)))
                .line(field("executive", Value::Bool(true)))
                .line(Line::new("member_of", names(&["cabinet"])))
                .line(source(&cabinet, "Paragraph 1")),
        );
    }
    members.push(
        Item::new(Kind::Member, "scrutiny_chair")
            .line(field("title", text("Chair, Children's Services Scrutiny Committee")))
            .line(field("name", text(&format!("Councillor {}", person(&mut rng)))))
            .line(field("executive", Value::Bool(false)))
            .line(Line::new("member_of", names(&["childrens_scrutiny_committee"])))
            .line(Line::new("chair_of", names(&["childrens_scrutiny_committee"])))
            .line(source(&cabinet, "Paragraph 5")),
    );

    // --------------------------------------------------------------- bodies
    let mut bodies = vec![
        Item::new(Kind::Body, "cabinet")
            .comment("--------------------------------------------------------------- bodies")
            .line(field("kind", name("executive")))
            .line(field("title", text("Cabinet")))
            .line(source(&cabinet, "Heading")),
        Item::new(Kind::Body, "health_and_wellbeing_board")
            .line(field("kind", name("health_and_wellbeing_board")))
            .line(field("title", text("Health and Wellbeing Board")))
            .line(field("meets", text("quarterly")))
            .line(source(&assurance, "Section 2.13")),
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
            .line(source(&assurance, "Section 2.10")),
        Item::new(Kind::Body, "children_and_young_people_partnership")
            .line(field("kind", name("children_partnership")))
            .line(field("title", text("Children and Young People's Partnership Board")))
            .line(source(&assurance, "Section 2.13")),
        Item::new(Kind::Body, "corporate_parenting_board")
            .line(field("kind", name("corporate_parenting_group")))
            .line(field("title", text("Corporate Parenting Board")))
            .line(field("meets", text("every two months")))
            .line(source(&assurance, "Section 2.7")),
        Item::new(Kind::Body, "childrens_scrutiny_committee")
            .line(field("kind", name("scrutiny_committee")))
            .line(field("title", text("Children's Services Overview and Scrutiny Committee")))
            .line(source(&cabinet, "Paragraph 5")),
    ];
    if rng.chance(70) {
        bodies.push(
            Item::new(Kind::Body, "schools_forum")
                .line(field("kind", name("schools_forum")))
                .line(field("title", text("Schools Forum")))
                .line(field("meets", text("termly")))
                .line(source(&assurance, "Section 2.13.2")),
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
                .line(source(&ofsted, "Next steps")),
        );
    }

    // ------------------------------------------------------------- services
    let mut services = Vec::new();
    for (number, (part, title, provider)) in [
        ("childrens_centres", "Children's centres", "external"),
        ("residential_homes", "Children's residential homes", "in_house"),
        ("youth_service", "Youth service", "arms_length"),
    ]
    .into_iter()
    .take(rng.between(1, 3))
    .enumerate()
    {
        let mut service = Item::new(Kind::Service, part)
            .line(field("title", text(title)))
            .line(field("provider", text(provider)))
            .line(Line::new("monitored_by", names(&["director_of_commissioning"])))
            .line(source(&assurance, "Section 2.4"));
        if number == 0 {
            service = service.comment("------------------------------------------------------------- services");
        }
        services.push(service);
    }

    // ------------------------------------------------------------- timeline
    let mut timeline = vec![
        Item::new(Kind::Appointment, &format!("dcs_appointed_{}", &appointed[..4]))
            .on(&appointed)
            .comment("------------------------------------------------------------- timeline")
            .line(field("post", name(&dcs_post)))
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
            .line(source(&assurance, "Section 1")),
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
            .line(source(&cabinet, "Background")),
    );
    timeline.push(
        Item::new(Kind::Designation, "dcs_designated_in_constitution")
            .on(&assured_after)
            .comment("The constitution's scheme of delegation names the post as the DCS.")
            .line(field("post", name(&dcs_post)))
            .line(Line::new("roles", names(&["DCS"])))
            .line(field("by", name("chief_executive")))
            .line(source(&assurance, "Section 1")),
    );
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
            .line(source(&cabinet, "Paragraph 4")),
    );
    if shape == Shape::ExtendedAfterAnswer {
        timeline.push(
            Item::new(Kind::Change, "adults_added_2024")
                .on("2024-04")
                .line(field("post", name(&dcs_post)))
                .line(field("responsibilities", Value::Bool(true)))
                .line(field(
                    "what",
                    text("Adult social care and the DASS role added to the post"),
                ))
                .line(source(&cabinet, "Paragraph 6")),
        );
        timeline.push(
            Item::new(Kind::Review, "assurance_2024")
                .on("2024-09")
                .line(field("by", name("cabinet")))
                .line(Line::new("outcome", names(&["assured"])))
                .line(field("answers", name("adults_added_2024")))
                .line(source(&cabinet, "Paragraph 7")),
        );
    }
    timeline.push(
        Item::new(Kind::Inspection, "ofsted_inspection")
            .on(&month(&mut rng, 2022, 2025))
            .line(field("by", text("Ofsted")))
            .line(field(
                "judgement",
                text(rng.pick(&["Outstanding", "Good", "Requires improvement to be good"])),
            ))
            .line(source(&ofsted, "Summary")),
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
            .line(source(&assurance, "Recommendations")),
    );

    // -------------------------------------------------------------- answers
    let mut answers = Vec::new();
    let given = format!("{paper_year}-{}", rng.pick(&MONTHS));
    for (number, question) in QUESTIONS.iter().enumerate() {
        // Some questions go unanswered (`missing`).
        if rng.chance(25) {
            continue;
        }
        let mut answer = Item::new(Kind::Answer, question)
            .line(field("by", text(&council_name)))
            .line(field("given", Value::Date(given.clone())))
            .line(field("reference", text(&format!("Appendix A, 2.{}", number + 2))))
            .line(field(
                "text",
                text("The arrangements are set out in the scheme of delegation and reviewed by the Cabinet each year; the DCS reports on them to the Lead Member and to the scrutiny committee."),
            ))
            .line(source(&assurance, &format!("Appendix A, 2.{}", number + 2)));
        if answers.is_empty() {
            answer = answer.comment("-------------------------------------------------------------- answers");
        }
        answers.push(answer);
    }
    if shape == Shape::ExtendedAfterAnswer {
        answers.push(
            Item::new(Kind::Answer, "local_assurance.specific.child_protection")
                .comment("Given before adult social care was added to the post, and not renewed.")
                .line(field("by", text(&council_name)))
                .line(field("given", Value::Date("2023-02".to_owned())))
                .line(field(
                    "text",
                    text("Monthly case file audits are reported to the Chief Executive and the Lead Member."),
                ))
                .line(source(&assurance, "Appendix A, 2.11")),
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
                .line(source(&assurance, "Section 1.3")),
        );
    }
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

    let mut council = Council {
        id,
        shape,
        header,
        opening: vec![
            format!("// {council_name}: arrangements for the DCS and the Lead Member for Children's Services,"),
            "// generated for dcsc's benchmarks (benches/corpus/mod.rs). Every fact cites".to_owned(),
            "// the paper it comes from; what the papers do not state is left out.".to_owned(),
        ],
        items: Vec::new(),
    };
    let target = rng.between(*LINES.start() + 40, *LINES.end() - 40);
    council.items = items;
    // Heads of service, until the council is as long as it was drawn.
    let head_posts: Vec<Item> = {
        let mut heads = Vec::new();
        let mut taken = 0;
        let fixed: usize = [&members, &bodies, &services, &timeline, &answers]
            .iter()
            .map(|items| items.iter().map(Item::dcs_lines).sum::<usize>())
            .sum();
        let mut lines = council.dcs().lines().count() + fixed;
        while lines < target && taken < 60 {
            let (part, area) = AREAS[(taken + index) % AREAS.len()];
            let round = taken / AREAS.len();
            let id = if round == 0 {
                format!("head_of_{part}")
            } else {
                format!("head_of_{part}_{}", round + 1)
            };
            let manager = directors[taken % directors.len()].0;
            let mut head = Item::new(Kind::Post, &id)
                .line(field("title", text(&format!("Head of {area}"))))
                .line(field("holder", text(&person(&mut rng))))
                .line(field("report_to", name(manager)).per(&assurance, "Section 2.5"))
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
                .line(source(&assurance, "Section 2.5"));
            lines += head.dcs_lines();
            heads.push(head);
            taken += 1;
        }
        heads
    };
    council.items.extend(head_posts);
    council.items.extend(members);
    council.items.extend(bodies);
    council.items.extend(services);
    council.items.extend(timeline);
    council.items.extend(answers);
    council
}

fn dcs_value(value: &Value) -> String {
    match value {
        Value::Name(text) | Value::Date(text) => text.clone(),
        Value::Text(text) => format!("{text:?}"),
        Value::Int(number) => number.to_string(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
    }
}

fn dcs_line(line: &Line) -> String {
    let values: Vec<String> = line.values.iter().map(dcs_value).collect();
    let mut out = format!(
        "  {} {}",
        line.key,
        values.join(if line.key == "source" { " " } else { ", " })
    );
    if let Some(from) = &line.from {
        let _ = write!(out, " from {from}");
    }
    if let Some(until) = &line.until {
        let _ = write!(out, " until {until}");
    }
    if line.inferred {
        out.push_str(" inferred");
    }
    if let Some((document, place)) = &line.per {
        let _ = write!(out, "  per {document} {place:?}");
    }
    out
}

impl Item {
    fn dcs(&self) -> String {
        let mut out = String::from("\n");
        for comment in &self.comment {
            let _ = writeln!(out, "// {comment}");
        }
        let head = match self.kind {
            Kind::Departure => format!("departure from {}", self.id),
            kind => format!("{} {}", kind.keyword(), self.id),
        };
        match &self.date {
            Some(date) => {
                let _ = writeln!(out, "{head} on {date} {{");
            }
            None => {
                let _ = writeln!(out, "{head} {{");
            }
        }
        for line in &self.lines {
            out.push_str(&dcs_line(line));
            out.push('\n');
        }
        out.push_str("}\n");
        out
    }

    fn dcs_lines(&self) -> usize {
        self.lines.len() + self.comment.len() + 3
    }
}

fn json_value(value: &Value) -> serde_json::Value {
    match value {
        Value::Name(text) | Value::Text(text) | Value::Date(text) => serde_json::Value::String(text.clone()),
        Value::Int(number) => serde_json::Value::from(*number),
        Value::Bool(flag) => serde_json::Value::Bool(*flag),
    }
}

fn json_line(line: &Line) -> serde_json::Value {
    if line.key == "source" {
        return serde_json::json!({
            "document": line.values.first().map(json_value),
            "where": line.values.get(1).map(json_value),
        });
    }
    let value = match line.values.as_slice() {
        [one]
            if !matches!(
                line.key,
                "holds" | "responsible_for" | "member_of" | "chair_of" | "roles" | "answers_to" | "complete"
            ) =>
        {
            json_value(one)
        }
        many => serde_json::Value::Array(many.iter().map(json_value).collect()),
    };
    if line.from.is_none() && line.until.is_none() && !line.inferred && line.per.is_none() {
        return value;
    }
    let mut object = serde_json::Map::new();
    object.insert("value".to_owned(), value);
    if let Some(from) = &line.from {
        object.insert("from".to_owned(), from.clone().into());
    }
    if let Some(until) = &line.until {
        object.insert("until".to_owned(), until.clone().into());
    }
    if line.inferred {
        object.insert("inferred".to_owned(), true.into());
    }
    if let Some((document, place)) = &line.per {
        object.insert(
            "per".to_owned(),
            serde_json::json!({ "document": document, "where": place }),
        );
    }
    serde_json::Value::Object(object)
}

/// An item's lines as a JSON object, several lines of one key as an array
/// of `{"value": …}` objects.
fn json_fields(object: &mut serde_json::Map<String, serde_json::Value>, lines: &[Line]) {
    for line in lines {
        let value = json_line(line);
        let repeated = lines.iter().filter(|other| other.key == line.key).count() > 1;
        if repeated {
            let entry = object
                .entry(line.key.to_owned())
                .or_insert_with(|| serde_json::Value::Array(Vec::new()));
            if let serde_json::Value::Array(all) = entry {
                let value = if value.get("value").is_some() {
                    value
                } else {
                    serde_json::json!({ "value": value })
                };
                all.push(value);
            }
        } else {
            object.insert(line.key.to_owned(), value);
        }
    }
}

impl Council {
    /// The council as a `.dcs` file.
    pub fn dcs(&self) -> String {
        let mut out = String::new();
        for line in &self.opening {
            out.push_str(line);
            out.push('\n');
        }
        let _ = writeln!(out, "arrangements {} {{", self.id);
        for line in &self.header {
            out.push_str(&dcs_line(line));
            out.push('\n');
        }
        out.push_str("}\n");
        for item in &self.items {
            out.push_str(&item.dcs());
        }
        out
    }

    /// The same council as JSON arrangements (docs/json-arrangements.md).
    pub fn json(&self) -> String {
        let mut top = serde_json::Map::new();
        top.insert("arrangements".to_owned(), self.id.clone().into());
        json_fields(&mut top, &self.header);
        for (key, kinds) in [
            ("documents", &[Kind::Document][..]),
            ("posts", &[Kind::Post]),
            ("members", &[Kind::Member]),
            ("bodies", &[Kind::Body]),
            ("services", &[Kind::Service]),
            (
                "events",
                &[
                    Kind::Appointment,
                    Kind::Designation,
                    Kind::Change,
                    Kind::Review,
                    Kind::Inspection,
                ],
            ),
            ("answers", &[Kind::Answer]),
            ("departures", &[Kind::Departure]),
        ] {
            let list: Vec<serde_json::Value> = self
                .items
                .iter()
                .filter(|item| kinds.contains(&item.kind))
                .map(|item| {
                    let mut object = serde_json::Map::new();
                    if item.kind.is_event() {
                        object.insert("kind".to_owned(), item.kind.keyword().into());
                    }
                    let id_key = match item.kind {
                        Kind::Answer => "question",
                        Kind::Departure => "duty",
                        _ => "id",
                    };
                    object.insert(id_key.to_owned(), item.id.clone().into());
                    if let Some(date) = &item.date {
                        object.insert("date".to_owned(), date.clone().into());
                    }
                    json_fields(&mut object, &item.lines);
                    serde_json::Value::Object(object)
                })
                .collect();
            if !list.is_empty() {
                top.insert(key.to_owned(), serde_json::Value::Array(list));
            }
        }
        let mut text = serde_json::to_string_pretty(&serde_json::Value::Object(top)).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The first `count` councils of the corpus, as `(file name, .dcs text)`.
pub fn corpus(count: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|index| {
            let council = council(index);
            (format!("{}.dcs", council.id), council.dcs())
        })
        .collect()
}

/// Writes the first `count` councils into `dir` (created if need be), one
/// `.dcs` file each.
pub fn write_corpus(dir: &Path, count: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (file, text) in corpus(count) {
        std::fs::write(dir.join(file), text)?;
    }
    Ok(())
}

/// A council of `posts` posts, each reporting to the one before and the
/// first to the Chief Executive: one line of accountability `posts` deep.
pub fn reporting_chain(posts: usize) -> String {
    let mut text = String::from(
        "arrangements chain {\n  council \"Chain Council\"\n  answers_to dfe_2013\n}\n\npost chief_executive {\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}\n",
    );
    for index in 0..posts {
        let boss = match index {
            0 => "chief_executive".to_owned(),
            _ => format!("post_{:05}", index - 1),
        };
        let _ = write!(
            text,
            "post post_{index:05} {{\n  title \"Post {index}\"\n  report_to {boss}\n}}\n"
        );
    }
    text
}

/// A council of `posts` posts, each reporting to a misspelt post
/// (`psot_00042`): one unknown name each, with thousands of similar names
/// to suggest from.
pub fn unknown_names(posts: usize) -> String {
    let mut text = String::from("arrangements big {\n  council \"Big Council\"\n  answers_to dfe_2013\n}\n");
    for index in 0..posts {
        let _ = write!(
            text,
            "post post_{index:05} {{\n  title \"Post {index}\"\n  report_to psot_{index:05}\n}}\n"
        );
    }
    text
}
