//! The names a generated council is drawn from: places, people, service
//! areas, the guidance's questions, and months.

use super::Rng;

/// The places councils are named after, in turn.
pub(super) const PLACES: [&str; 24] = [
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
/// What follows a place's name once every place has been used.
pub(super) const PLACE_SUFFIXES: [&str; 6] = ["", "shire", " and District", " Valley", "ton", " Borough"];
/// First names and surnames of the people who hold posts and seats.
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
pub(super) const AREAS: [(&str, &str); 20] = [
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
/// The guidance's questions a council answers (most of them).
pub(super) const QUESTIONS: [&str; 9] = [
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
/// Months as a date writes them.
pub(super) const MONTHS: [&str; 12] = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];

/// A person's name.
pub(super) fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&FIRST_NAMES), rng.pick(&SURNAMES))
}

/// A month between two years, inclusive (`2019-04`).
pub(super) fn month(rng: &mut Rng, first_year: usize, last_year: usize) -> String {
    format!("{}-{}", rng.between(first_year, last_year), rng.pick(&MONTHS))
}
