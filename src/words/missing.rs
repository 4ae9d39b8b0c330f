//! What the arrangements do not state, in words: the facts a verdict
//! needed and lacked, each as the object of "the arrangements do not
//! state …".

use super::predicate::Number;
use super::{and_list, date as date_words, day as day_words, indefinite, Wording};
use crate::date::Day;
use crate::eval::{Clause, Missing};
use crate::model::{EditionId, EntityId, EntityKind, EventKind, PapersEndKind, RelationId, RoleId, Target, ValueType};

impl Wording<'_> {
    /// What the arrangements do not state.
    pub fn missing(&self, missing: &Missing) -> String {
        match missing {
            Missing::Holder { role } => format!("a {} holding {}", self.holder_word(*role), self.role(*role)),
            Missing::EntitiesOfKind { kind } => format!("the council's {}", Self::plural(*kind)),
            Missing::AnyOfKind { kind, holding } => format!("any {}", self.noun(*kind, *holding)),
            Missing::CompleteList {
                kind,
                holding,
                clause,
                negated,
                listed,
            } => self.complete_list(*kind, *holding, *clause, *negated, *listed),
            Missing::Subject => "a post or member to say this of".to_owned(),
            Missing::Governance => "the governance model the council operates".to_owned(),
            Missing::Commencement { edition } => self.commencement(*edition),
            Missing::Functions { entity } => format!("the functions {} is responsible for", self.label(*entity)),
            Missing::FunctionsBeyond { entity, listed } => format!(
                "whether {} has functions beyond {}",
                self.label(*entity),
                self.functions(listed)
            ),
            Missing::BodyKind { entities } => format!("what kind of body {} is", self.labels(entities)),
            Missing::Attribute { entity, attribute } => match self.attribute(*attribute) {
                (title, Some(ValueType::Bool)) => format!("whether {} is {title}", self.label(*entity)),
                (title, _) => format!("the {title} of {}", self.label(*entity)),
            },
            Missing::ExactAttribute { entity, attribute } => {
                format!("the exact {} of {}", self.attribute(*attribute).0, self.label(*entity))
            }
            Missing::Relation { entity, relation } => {
                format!("what {} {}", self.label(*entity), self.relation(*relation))
            }
            Missing::CompleteRelation {
                entity,
                relation,
                target,
                listed,
            } => self.complete_relation(*entity, *relation, target, listed),
            Missing::Doubt(doubt) => self.doubt(doubt),
            Missing::TooManyDoubts { asked } => format!(
                "the dates of the {asked} things whose order decides this: the papers leave too many open to try every order"
            ),
            Missing::BeyondPapers { event, until, kind } => beyond_papers(*event, *until, *kind),
            Missing::SincePapers { end, kind } => format!("what has happened since {}", papers_end(*end, *kind)),
            Missing::ReviewOutcome { review } => format!("what {} concluded", self.event_name(*review)),
            Missing::ReviewSubject { review, cause } => format!(
                "whether {}, which names no change, considered {} before it was made",
                self.event_name(*review),
                self.cause_dated(cause)
            ),
            Missing::Turns { role, holders } => self.turns(*role, holders),
        }
    }

    /// Whether holders of a role by turns count as one: each named with
    /// how the papers divide the days.
    fn turns(&self, role: RoleId, holders: &[EntityId]) -> String {
        let named: Vec<String> = holders
            .iter()
            .map(|holder| {
                let pattern = self.arrangement.entity(*holder).and_then(|entity| {
                    entity
                        .roles
                        .iter()
                        .enumerate()
                        .filter(|(_, line)| line.value == role)
                        .find_map(|(index, _)| entity.turns_of(index))
                });
                match pattern {
                    Some(pattern) => format!("{} ({pattern})", self.label(*holder)),
                    None => self.label(*holder),
                }
            })
            .collect();
        format!(
            "whether {}, holding {} by turns (one of them on any one day), count as the one {} holding it",
            and_list(&named),
            self.role(role),
            self.holder_word(role)
        )
    }

    /// Every fact missing, joined as in prose.
    pub(super) fn missing_list(&self, missing: &[Missing]) -> String {
        and_list(&missing.iter().map(|missing| self.missing(missing)).collect::<Vec<_>>())
    }

    /// Whether an entity of a listed kind meets a clause, when none listed
    /// does and the list is not declared complete.
    fn complete_list(
        &self,
        kind: EntityKind,
        holding: Option<RoleId>,
        clause: Clause,
        negated: bool,
        listed: usize,
    ) -> String {
        let listed = match listed {
            1 => format!("the one {} listed does not", kind.word()),
            n => format!("none of the {n} {} listed does", Self::plural(kind)),
        };
        format!(
            "whether the council has a {} that {}: {listed}, and the list is not declared complete",
            self.noun(kind, holding),
            self.clause(clause, negated, Number::One)
        )
    }

    /// Whether an amendment commenced in the council's area: what its
    /// papers say of the date, and when areas took it up.
    fn commencement(&self, edition: EditionId) -> String {
        let declared = self.policy.edition(edition);
        let what = declared.map_or_else(
            || "the amendment".to_owned(),
            |edition| edition.instrument.clone().unwrap_or_else(|| edition.title.clone()),
        );
        let key = declared.map(|edition| edition.key.as_str());
        let stated = self
            .arrangement
            .commenced
            .iter()
            .find(|stated| Some(stated.value.as_str()) == key)
            .map(|stated| self.period_and_basis(stated.during, stated.basis).join(", "));
        let latest = match declared.map(|edition| (edition.first_in_force, edition.in_force)) {
            Some((Some(first), Some(latest))) => format!(
                "; areas took it up between {} and {}",
                date_words(first),
                date_words(latest)
            ),
            Some((None, Some(latest))) => format!("; in every area it had by {}", date_words(latest)),
            Some((_, None)) | None => String::new(),
        };
        match stated {
            Some(stated) => format!(
                "whether the {what} had taken effect for the council's area (its papers date it {stated}{latest})"
            ),
            None => format!("whether the {what} had taken effect for the council's area{latest}"),
        }
    }

    /// Whether an entity is related to a target, when none of those it is
    /// listed as related to is one and the list is not declared complete.
    fn complete_relation(
        &self,
        entity: EntityId,
        relation: RelationId,
        target: &Target,
        listed: &[EntityId],
    ) -> String {
        let label = self.label(entity);
        let title = self.relation(relation);
        let targets = self.labels(listed);
        match target {
            Target::Role(role) => format!(
                "whether {label} {title} anyone holding {}: the arrangements list {targets}, who does not, and do not say the list is complete",
                self.role(*role)
            ),
            Target::Kind(kind) => format!(
                "whether {label} {title} {}: the arrangements list {targets}, none of which is one, and do not say the list is complete",
                indefinite(&self.body_kind(*kind))
            ),
        }
    }
}

/// Whether an event the duty asks for took place after the papers stop.
/// Where the papers stop, and how that is known: "31 October 2031, where
/// the papers stop", "30 September 2033, the latest date the papers give
/// (extracts, never taken as complete)".
pub fn papers_end(end: Day, kind: PapersEndKind) -> String {
    let how = match kind {
        PapersEndKind::Stated => "where the papers are stated to stop",
        PapersEndKind::Latest => "the latest date the papers give",
        PapersEndKind::Extracts => "the latest date the papers give (extracts, never taken as complete)",
    };
    format!("{}, {how}", day_words(end))
}

fn beyond_papers(event: EventKind, until: Day, kind: PapersEndKind) -> String {
    let event = indefinite(event.word());
    match kind {
        PapersEndKind::Stated => format!("whether {event} took place after {}, when the papers stop", day_words(until)),
        PapersEndKind::Latest => format!(
            "whether {event} took place after {}, when the papers stop (the latest date the arrangements mention, as they do not say up to when their timeline is complete)",
            day_words(until)
        ),
        PapersEndKind::Extracts => {
            format!("whether {event} took place that the papers, extracts never taken as complete, do not record")
        }
    }
}
