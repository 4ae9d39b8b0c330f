//! `verify`'s output written one council at a time, so that the councils
//! can be evaluated, written and dropped in turn.
//!
//! With one council the JSON output is that council's object; with more,
//! an array of them. The array is written as it goes (`[`, each object,
//! `,`, `]`), laid out byte for byte as the whole array printed at once
//! would be ([`crate::visible::json_at`]), so the streamed output is the
//! same text as before it was streamed.

use crate::sector::Sector;
use crate::Assessment;

/// What `verify` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Each council's verdicts for people, coloured or not.
    Human {
        /// Whether to colour for a terminal.
        color: bool,
        /// How much of each council to write.
        detail: crate::render::human::Detail,
    },
    /// Each council's verdicts as JSON (docs/json-output.md).
    Json,
    /// Every council's verdicts as one JUnit report.
    Junit,
    /// Every council's verdicts as one SARIF log.
    Sarif,
    /// Each council's verdicts that need action as GitHub Actions
    /// annotations.
    Github,
    /// The sector table for people.
    SummaryHuman,
    /// The sector table as JSON.
    SummaryJson,
}

/// The output of one `verify`, written council by council.
pub struct Stream {
    shape: Shape,
    /// How many councils will be written, if known before the first: with
    /// JSON, one is an object and any other number an array.
    expected: Option<usize>,
    /// Without a count known, the first council as JSON, held until a
    /// second (an array) or the end (one object) says how to write it.
    first_json: Option<serde_json::Value>,
    written: usize,
    /// Every kind of verdict written so far.
    seen: std::collections::BTreeSet<crate::eval::VerdictKind>,
    sector: Option<Sector>,
    /// JUnit and SARIF are one document each, built as the councils come
    /// (each council's results kept as text, the council itself dropped).
    junit: crate::render::junit::JunitLog,
    sarif: crate::render::sarif::VerdictLog,
}

impl Stream {
    /// A stream of `expected` councils (which decides whether JSON output
    /// is one object or an array), verified as at `as_at`.
    pub fn new(shape: Shape, expected: usize, as_at: crate::AsAt) -> Stream {
        Stream {
            expected: Some(expected),
            ..Stream::counting(shape, as_at)
        }
    }

    /// A stream of councils not counted yet: councils verified in the
    /// same pass that checks them, the output held until every one has
    /// checked. The text is the same as [`Stream::new`] gives with the
    /// count that turns out.
    pub fn counting(shape: Shape, as_at: crate::AsAt) -> Stream {
        let sector = match shape {
            Shape::SummaryHuman | Shape::SummaryJson => Some(Sector::new(as_at)),
            Shape::Human { .. } | Shape::Json | Shape::Junit | Shape::Sarif | Shape::Github => None,
        };
        Stream {
            shape,
            expected: None,
            first_json: None,
            written: 0,
            seen: std::collections::BTreeSet::new(),
            sector,
            junit: crate::render::junit::JunitLog::new(),
            sarif: crate::render::sarif::VerdictLog::new(),
        }
    }

    /// The text to write for one more council (empty for a summary, which
    /// is written at the end).
    pub fn council(&mut self, assessment: &Assessment<'_>) -> String {
        let first = self.written == 0;
        self.written += 1;
        self.seen
            .extend(assessment.verdicts.iter().map(crate::eval::Verdict::kind));
        if let Some(sector) = &mut self.sector {
            sector.add(assessment);
            return String::new();
        }
        match self.shape {
            Shape::Human { color, detail } => {
                let text = crate::render::human::render_in(assessment, color, detail);
                if first {
                    text
                } else {
                    format!("\n{text}")
                }
            }
            // Written straight from the contract's types; a value is built
            // only for a first council held until the count is known.
            Shape::Json => match self.expected {
                Some(1) => format!("{}\n", crate::render::json::to_text(assessment, 0)),
                Some(_) => {
                    let opening = if first { "[\n  " } else { ",\n  " };
                    format!("{opening}{}", crate::render::json::to_text(assessment, 1))
                }
                None if first => {
                    self.first_json = Some(crate::render::json::to_value(assessment));
                    String::new()
                }
                None => {
                    let held = self
                        .first_json
                        .take()
                        .map(|held| format!("[\n  {}", crate::visible::json_at(&held, 1)))
                        .unwrap_or_default();
                    format!("{held},\n  {}", crate::render::json::to_text(assessment, 1))
                }
            },
            Shape::Junit => {
                self.junit.add(assessment);
                String::new()
            }
            Shape::Sarif => {
                self.sarif.add(assessment);
                String::new()
            }
            Shape::Github => crate::render::github::verdicts(assessment),
            Shape::SummaryHuman | Shape::SummaryJson => String::new(),
        }
    }

    /// The text that ends the output.
    pub fn finish(self) -> String {
        match (self.shape, self.sector) {
            (Shape::SummaryHuman, Some(sector)) => crate::render::summary::human(&sector),
            (Shape::SummaryJson, Some(sector)) => crate::render::summary::json(&sector),
            (Shape::Json, _) if self.first_json.is_some() => self
                .first_json
                .map(|held| format!("{}\n", crate::visible::json(&held)))
                .unwrap_or_default(),
            (Shape::Json, _) if self.expected != Some(1) => {
                if self.written == 0 {
                    "[]\n".to_owned()
                } else {
                    "\n]\n".to_owned()
                }
            }
            (Shape::Junit, _) => self.junit.finish(),
            (Shape::Sarif, _) => self.sarif.finish(),
            (Shape::Human { .. } | Shape::Json | Shape::Github | Shape::SummaryHuman | Shape::SummaryJson, _) => {
                String::new()
            }
        }
    }

    /// Whether any verdict written so far is one that fails the run.
    pub fn fails(&self, fail_on: &crate::outcome::FailOn) -> bool {
        self.seen.iter().any(|kind| fail_on.includes(*kind))
    }
}
