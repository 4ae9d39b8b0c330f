//! Questions of time in the JSON contract: an open question a verdict
//! turned on (a [`Doubt`]), and the instants it names, each with what it
//! dates and when the files say it came.

use serde::Serialize;

use super::keys::Keys;
use crate::eval::Doubt;
use crate::model::{End, InstantId, Line, Owner};

/// An open question of time or of candidates, by the keys of what it
/// names.
#[derive(Serialize)]
#[serde(tag = "question", rename_all = "snake_case")]
pub(super) enum DoubtOut<'a> {
    /// Whether an instant had come by a day.
    Happened { instant: InstantOut<'a>, by: String },
    /// Whether one instant came on a day before another.
    Before {
        first: InstantOut<'a>,
        second: InstantOut<'a>,
    },
    /// Which of two things on the same day came first.
    SameDay {
        first: InstantOut<'a>,
        second: InstantOut<'a>,
    },
    /// Whether one instant came within some months after another.
    Within {
        start: InstantOut<'a>,
        end: InstantOut<'a>,
        months: u32,
    },
    /// Which candidate holds a role.
    Which { role: &'a str, candidates: Vec<&'a str> },
    /// Whether a fact only suggested or proposed holds.
    Holds { entity: &'a str, line: LineOut },
    /// Which of the roles a change extended.
    Extended { event: &'a str, roles: Vec<&'a str> },
}

/// An instant: what it dates, and when the files say it came.
#[derive(Serialize)]
pub(super) struct InstantOut<'a> {
    #[serde(flatten)]
    owner: OwnerOut<'a>,
    when: String,
}

/// What an instant dates.
#[derive(Serialize)]
#[serde(tag = "dates", rename_all = "snake_case")]
enum OwnerOut<'a> {
    Event {
        event: &'a str,
    },
    Fact {
        entity: &'a str,
        line: LineOut,
        end: &'static str,
    },
    Life {
        entity: &'a str,
        end: &'static str,
    },
    Council {
        end: &'static str,
    },
    Answer {
        question: &'a str,
    },
    Extension {
        entity: &'a str,
        role: &'a str,
    },
}

/// One line of an entity's facts: its field and its place among that
/// field's lines (from 1).
#[derive(Serialize)]
pub(super) struct LineOut {
    field: &'static str,
    number: usize,
}

impl<'a> Keys<'a> {
    /// An open question, by the keys of what it names.
    pub(super) fn doubt(&self, doubt: &Doubt) -> DoubtOut<'a> {
        match doubt {
            Doubt::Happened { instant, by } => DoubtOut::Happened {
                instant: self.instant_out(*instant),
                by: by.to_string(),
            },
            Doubt::Before { first, second } => DoubtOut::Before {
                first: self.instant_out(*first),
                second: self.instant_out(*second),
            },
            Doubt::SameDay { first, second } => DoubtOut::SameDay {
                first: self.instant_out(*first),
                second: self.instant_out(*second),
            },
            Doubt::Within { start, end, months } => DoubtOut::Within {
                start: self.instant_out(*start),
                end: self.instant_out(*end),
                months: *months,
            },
            Doubt::Which { role, candidates } => DoubtOut::Which {
                role: self.role(*role),
                candidates: self.entities(candidates),
            },
            Doubt::Holds { entity, line } => DoubtOut::Holds {
                entity: self.entity(*entity),
                line: line_out(*line),
            },
            Doubt::Extended { event, roles } => DoubtOut::Extended {
                event: self.event(*event),
                roles: roles.iter().map(|role| self.role(*role)).collect(),
            },
        }
    }

    /// An instant, with what it dates.
    fn instant_out(&self, id: InstantId) -> InstantOut<'a> {
        let owner = self
            .assessment
            .arrangement
            .timeline
            .instant(id)
            .map_or(OwnerOut::Council { end: "start" }, |instant| self.owner(instant.owner));
        InstantOut {
            owner,
            when: self.instant(id),
        }
    }

    fn owner(&self, owner: Owner) -> OwnerOut<'a> {
        match owner {
            Owner::Event(event) => OwnerOut::Event {
                event: self.event(event),
            },
            Owner::Fact { entity, line, end } => OwnerOut::Fact {
                entity: self.entity(entity),
                line: line_out(line),
                end: end_name(end),
            },
            Owner::Life { entity, end } => OwnerOut::Life {
                entity: self.entity(entity),
                end: end_name(end),
            },
            Owner::Council { end } => OwnerOut::Council { end: end_name(end) },
            Owner::Answer(answer) => OwnerOut::Answer {
                question: self.question(answer),
            },
            Owner::Extension { entity, role } => OwnerOut::Extension {
                entity: self.entity(entity),
                role: self.role(role),
            },
        }
    }
}

fn end_name(end: End) -> &'static str {
    match end {
        End::Start => "start",
        End::Stop => "stop",
    }
}

fn line_out(line: Line) -> LineOut {
    let (field, index) = match line {
        Line::Role(index) => ("holds", index),
        Line::Functions(index) => ("responsible_for", index),
        Line::Relation(index) => ("relation", index),
        Line::Attribute(index) => ("attribute", index),
        Line::BodyKind => ("kind", 0),
        Line::Described(index) => ("described", index),
        Line::Owner(index) => ("owned_by", index),
        Line::Board => ("board", 0),
        Line::Provider(index) => ("provider", index),
        Line::Employer(index) => ("employer", index),
        Line::Secondment(index) => ("seconded_from", index),
    };
    LineOut {
        field,
        number: index + 1,
    }
}
