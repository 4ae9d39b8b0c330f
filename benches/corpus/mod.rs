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

#![expect(
    dead_code,
    reason = "each of the benchmarks and the corpus test uses only part of the generator"
)]

mod events;
mod items;
mod members;
mod names;
mod papers;
mod posts;

use std::fmt::Write as _;
use std::path::Path;

use items::{Item, Line};
use papers::Papers;
use posts::Dcs;

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

/// The council at `index` of the corpus. Its parts are drawn in turn from
/// one generator, and the order is part of the corpus: drawing a part
/// earlier would change every draw after it. The heads of service come
/// last, as many as bring the council to the length drawn.
pub fn council(index: usize) -> Council {
    let mut rng = Rng::new(index as u64 + 1);
    let shape = SHAPES[index % SHAPES.len()];
    let papers = Papers::draw(&mut rng, index, shape);
    let header = papers::header(&mut rng, &papers);
    let mut items = papers::documents(&papers);
    let dcs = Dcs::draw(&mut rng, &papers);
    items.push(dcs.item(&mut rng, &papers));
    items.extend(posts::senior_posts(&mut rng, &papers, &dcs));
    let rest = [
        members::members(&mut rng, &papers),
        members::bodies(&mut rng, &papers),
        members::services(&mut rng, &papers),
        events::timeline(&mut rng, &papers, &dcs),
        events::answers(&mut rng, &papers),
    ];
    let mut council = Council {
        id: format!("council_{index:04}"),
        shape,
        header,
        opening: papers.opening(),
        items,
    };
    let target = rng.between(*LINES.start() + 40, *LINES.end() - 40);
    let lines = council.dcs().lines().count() + rest.iter().flatten().map(Item::dcs_lines).sum::<usize>();
    council
        .items
        .extend(posts::heads_of_service(&mut rng, &papers, lines, target));
    council.items.extend(rest.into_iter().flatten());
    council
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
