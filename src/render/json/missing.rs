//! The facts a verdict needed and lacked, in the JSON contract: each
//! one's kind, typed fields naming what is missing, and its words.

use serde::Serialize;

use super::keys::Keys;
use super::time::DoubtOut;
use crate::eval::{Clause, Missing};
use crate::model::{EntityId, EntityKind, PapersEndKind, RelationId, RoleId, Target};
use crate::words::Wording;

/// A fact the duty needs that the arrangements do not state: its kind,
/// typed fields naming what is missing, and the words for people.
#[derive(Serialize)]
pub(super) struct MissingOut<'a> {
    /// [`Missing::kind_name`]: written once, for JSON and for tests.
    kind: &'static str,
    #[serde(flatten)]
    missing: MissingKindOut<'a>,
    text: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum MissingKindOut<'a> {
    Holder {
        role: &'a str,
    },
    EntitiesOfKind {
        entity_kind: &'static str,
    },
    AnyOfKind {
        entity_kind: &'static str,
        holding: Option<&'a str>,
    },
    CompleteList {
        entity_kind: &'static str,
        holding: Option<&'a str>,
        predicate: &'a str,
        negated: bool,
        listed: usize,
    },
    Subject,
    Governance,
    Commencement {
        amendment: &'a str,
    },
    Functions {
        entity: &'a str,
    },
    FunctionsBeyond {
        entity: &'a str,
        listed: Vec<&'a str>,
    },
    BodyKind {
        entities: Vec<&'a str>,
    },
    Attribute {
        entity: &'a str,
        attribute: &'a str,
    },
    ExactAttribute {
        entity: &'a str,
        attribute: &'a str,
    },
    Relation {
        entity: &'a str,
        relation: &'a str,
    },
    CompleteRelation {
        entity: &'a str,
        relation: &'a str,
        target_role: Option<&'a str>,
        target_body_kind: Option<&'a str>,
        listed: Vec<&'a str>,
    },
    Doubt(DoubtOut<'a>),
    TooManyDoubts {
        asked: usize,
    },
    BeyondPapers {
        event_kind: &'static str,
        until: String,
        stated: bool,
        papers_end: &'static str,
    },
    SincePapers {
        end: String,
        papers_end: &'static str,
    },
    ReviewOutcome {
        review: &'a str,
    },
    ReviewSubject {
        review: &'a str,
    },
    Turns {
        role: &'a str,
        holders: Vec<&'a str>,
    },
}

/// A fact missing, with its kind and words.
pub(super) fn missing_out<'a>(keys: &Keys<'a>, wording: &Wording<'_>, missing: &Missing) -> MissingOut<'a> {
    MissingOut {
        kind: missing.kind_name(),
        missing: keys.missing(missing),
        text: wording.missing(missing),
    }
}

impl<'a> Keys<'a> {
    /// What is missing, by the keys of what it names.
    fn missing(&self, missing: &Missing) -> MissingKindOut<'a> {
        match missing {
            Missing::Holder { role } => MissingKindOut::Holder { role: self.role(*role) },
            Missing::EntitiesOfKind { kind } => MissingKindOut::EntitiesOfKind {
                entity_kind: kind.word(),
            },
            Missing::AnyOfKind { kind, holding } => MissingKindOut::AnyOfKind {
                entity_kind: kind.word(),
                holding: holding.map(|role| self.role(role)),
            },
            Missing::CompleteList {
                kind,
                holding,
                clause,
                negated,
                listed,
            } => self.complete_list(*kind, *holding, *clause, *negated, *listed),
            Missing::Subject => MissingKindOut::Subject,
            Missing::Governance => MissingKindOut::Governance,
            Missing::Commencement { edition } => MissingKindOut::Commencement {
                amendment: self.edition(*edition),
            },
            Missing::Functions { entity } => MissingKindOut::Functions {
                entity: self.entity(*entity),
            },
            Missing::FunctionsBeyond { entity, listed } => MissingKindOut::FunctionsBeyond {
                entity: self.entity(*entity),
                listed: listed.iter().map(|function| self.function(*function)).collect(),
            },
            Missing::BodyKind { entities } => MissingKindOut::BodyKind {
                entities: self.entities(entities),
            },
            Missing::Attribute { entity, attribute } => MissingKindOut::Attribute {
                entity: self.entity(*entity),
                attribute: self.attribute(*attribute),
            },
            Missing::ExactAttribute { entity, attribute } => MissingKindOut::ExactAttribute {
                entity: self.entity(*entity),
                attribute: self.attribute(*attribute),
            },
            Missing::Relation { entity, relation } => MissingKindOut::Relation {
                entity: self.entity(*entity),
                relation: self.relation(*relation),
            },
            Missing::CompleteRelation {
                entity,
                relation,
                target,
                listed,
            } => self.complete_relation(*entity, *relation, target, listed),
            Missing::Doubt(doubt) => MissingKindOut::Doubt(self.doubt(doubt)),
            Missing::TooManyDoubts { asked } => MissingKindOut::TooManyDoubts { asked: *asked },
            Missing::BeyondPapers { event, until, kind } => MissingKindOut::BeyondPapers {
                event_kind: event.word(),
                until: until.to_string(),
                stated: *kind == PapersEndKind::Stated,
                papers_end: papers_end_name(*kind),
            },
            Missing::SincePapers { end, kind } => MissingKindOut::SincePapers {
                end: end.to_string(),
                papers_end: papers_end_name(*kind),
            },
            Missing::ReviewOutcome { review } => MissingKindOut::ReviewOutcome {
                review: self.event(*review),
            },
            Missing::ReviewSubject { review, .. } => MissingKindOut::ReviewSubject {
                review: self.event(*review),
            },
            Missing::Turns { role, holders } => MissingKindOut::Turns {
                role: self.role(*role),
                holders: self.entities(holders),
            },
        }
    }

    /// Whether the council has an entity of a kind that meets a clause,
    /// the list not declared complete.
    fn complete_list(
        &self,
        kind: EntityKind,
        holding: Option<RoleId>,
        clause: Clause,
        negated: bool,
        listed: usize,
    ) -> MissingKindOut<'a> {
        MissingKindOut::CompleteList {
            entity_kind: kind.word(),
            holding: holding.map(|role| self.role(role)),
            predicate: self.clause(clause),
            negated,
            listed,
        }
    }

    /// Whether an entity is related to a target, the list not declared
    /// complete.
    fn complete_relation(
        &self,
        entity: EntityId,
        relation: RelationId,
        target: &Target,
        listed: &[EntityId],
    ) -> MissingKindOut<'a> {
        MissingKindOut::CompleteRelation {
            entity: self.entity(entity),
            relation: self.relation(relation),
            target_role: match target {
                Target::Role(role) => Some(self.role(*role)),
                Target::Kind(_) => None,
            },
            target_body_kind: match target {
                Target::Kind(kind) => Some(self.body_kind(*kind)),
                Target::Role(_) => None,
            },
            listed: self.entities(listed),
        }
    }
}

/// How the papers' end is known, as the JSON output names it: `stated`
/// (`known_until`), `latest` (the latest date the papers give) or
/// `extracts` (`known_until unknown`).
pub(super) fn papers_end_name(kind: PapersEndKind) -> &'static str {
    match kind {
        PapersEndKind::Stated => "stated",
        PapersEndKind::Latest => "latest",
        PapersEndKind::Extracts => "extracts",
    }
}
