//! Facts in words: what a fact states, when it held and how it is known,
//! where the council's paper states it, and how a role was bound.

use std::fmt::Write as _;

use super::predicate::governance_words;
use super::{and_list, date as date_words, indefinite, inner, on_date, Wording};
use crate::eval::{Binding, Change, Fact, FactUse};
use crate::model::{AttributeId, Basis, EntityId, EventId, EvidenceRef, RelationId, ReviewOutcome, TypedValue};
use crate::model::{Party, Period};

impl Wording<'_> {
    /// The period over which a fact held, and how it is known, to follow
    /// its statement: "from January 2019", "inferred". None for a fact
    /// stated to hold throughout.
    pub fn period_and_basis(&self, during: Period, basis: Basis) -> Vec<String> {
        let mut parts = Vec::new();
        let seen = |end: Option<crate::model::InstantId>| {
            end.and_then(|id| self.arrangement.timeline.instant(id))
                .and_then(|instant| instant.written.seen)
        };
        match (seen(during.from), seen(during.until)) {
            (Some(date), _) | (None, Some(date)) => parts.push(format!("seen {}", on_date(date))),
            (None, None) => {
                if let Some(from) = during.from {
                    parts.push(format!("from {}", self.instant(from)));
                }
                if let Some(until) = during.until {
                    parts.push(format!("until {}", self.instant(until)));
                }
            }
        }
        match basis {
            Basis::Stated => {}
            Basis::Inferred => parts.push("inferred".to_owned()),
            Basis::Possibly => parts.push("possibly".to_owned()),
            Basis::Suggested => parts.push("suggested".to_owned()),
            Basis::Proposed => parts.push("proposed, not recorded as adopted".to_owned()),
        }
        parts
    }

    /// " by turns (weeks 1 and 3 of each month)" when every line by which
    /// an entity holds a role is held by turns, in one pattern; else
    /// nothing.
    fn by_turns(&self, entity: EntityId, role: crate::model::RoleId) -> String {
        let Some(declared) = self.arrangement.entity(entity) else {
            return String::new();
        };
        let patterns: Vec<Option<&str>> = declared
            .roles
            .iter()
            .enumerate()
            .filter(|(_, line)| line.value == role)
            .map(|(index, _)| declared.turns_of(index))
            .collect();
        match patterns.split_first() {
            Some((Some(first), rest)) if rest.iter().all(|other| *other == Some(*first)) => {
                format!(" by turns ({first})")
            }
            Some(_) | None => String::new(),
        }
    }

    /// When a change with no event of its own came, with its preposition.
    pub(super) fn change_when(&self, change: &crate::eval::Change) -> String {
        match self
            .arrangement
            .timeline
            .instant(change.at)
            .map(|instant| &instant.written)
        {
            Some(written) if written.after.is_empty() && written.before.is_empty() && written.seen.is_none() => {
                written.date.map_or_else(|| "at an unknown date".to_owned(), on_date)
            }
            _ => format!("at {}", self.instant(change.at)),
        }
    }

    /// "X is politically restricted" / "X is not politically restricted"
    /// for yes/no attributes; "the officer tier of X is 1" for others.
    pub(super) fn attribute_statement(&self, entity: EntityId, attribute: AttributeId, value: &TypedValue) -> String {
        let (title, _) = self.attribute(attribute);
        let label = self.label(entity);
        match value {
            TypedValue::Bool(true) => format!("{label} is {title}"),
            TypedValue::Bool(false) => format!("{label} is not {title}"),
            TypedValue::Date(date) => format!("the {title} of {label} is {}", date_words(*date)),
            TypedValue::Int(_) | TypedValue::Text(_) => format!("the {title} of {label} is {value}"),
        }
    }

    /// What a fact states.
    pub fn fact(&self, fact: &Fact) -> String {
        match fact {
            Fact::Holds { entity, role } => format!(
                "{} holds {}{}",
                self.label(*entity),
                self.role(*role),
                self.by_turns(*entity, *role)
            ),
            Fact::Functions { entity, functions } => {
                format!(
                    "{} is responsible for {}",
                    self.label(*entity),
                    self.functions(functions)
                )
            }
            Fact::BodyKind { entity, kind } => {
                format!("{} is {}", self.label(*entity), indefinite(&self.body_kind(*kind)))
            }
            Fact::Attribute {
                entity,
                attribute,
                value,
            } => self.attribute_statement(*entity, *attribute, value),
            Fact::Relation {
                entity,
                relation,
                targets,
            } => self.relation_statement(*entity, *relation, targets),
            Fact::NoBodyOfKind { kind } => format!("the council has no {}", self.body_kind(*kind)),
            Fact::Governance {
                model,
                considering: false,
            } => format!(
                "{} operates {}",
                self.arrangement.council_name(),
                governance_words(*model)
            ),
            Fact::Governance {
                model,
                considering: true,
            } => format!(
                "{} is considering adopting {}",
                self.arrangement.council_name(),
                governance_words(*model)
            ),
            Fact::Life { entity } => format!("{} existed", self.label(*entity)),
            Fact::Provider { service, party } => match party {
                Party::Organisation(organisation) => {
                    format!("{} {}", self.organisation(*organisation), self.runs(*service))
                }
                Party::Council | Party::External => {
                    format!("{} is provided by {}", self.label(*service), self.provider(*party))
                }
            },
            Fact::Employer { post, party } => match party {
                Party::Organisation(organisation) => {
                    format!("{} {}", self.organisation(*organisation), self.employs(*post))
                }
                Party::Council | Party::External => {
                    format!("{} is employed by {}", self.label(*post), self.employer(*party))
                }
            },
            Fact::Secondment { post, secondment } => {
                format!(
                    "{} is held by an officer {}",
                    self.label(*post),
                    self.seconded(*post, *secondment)
                )
            }
            Fact::Event { event } => self.event_statement(*event),
            Fact::Answer { answer } => {
                let given = self.answer_given(*answer);
                if given == "at an unknown date" {
                    "answered (undated)".to_owned()
                } else {
                    format!("answered {given}")
                }
            }
            Fact::Departure { departure } => match self.arrangement.departure(*departure) {
                Some(departure) => format!("departure recorded: {}", inner(&departure.reasons)),
                None => "departure recorded".to_owned(),
            },
            Fact::Change(change) => self.change_statement(change),
        }
    }

    /// An event as a fact: its name, its outcome, what it was.
    fn event_statement(&self, event: EventId) -> String {
        let Some(found) = self.arrangement.event(event) else {
            return "an event".to_owned();
        };
        let mut statement = self.event_name(event);
        // Each part a paper only implies is marked where it stands, so the
        // event's source label need not say it again.
        if found.by_basis == Basis::Inferred && !found.by.is_empty() {
            let _ = write!(statement, ", by {} (inferred)", self.actors(&found.by));
        }
        if let Some(outcome) = found.outcome {
            let _ = write!(statement, ", {}", outcome_words(outcome));
            if found.outcome_basis == Basis::Inferred {
                statement.push_str(" (inferred)");
            }
        }
        if let Some(what) = found.what.as_ref().or(found.record.as_ref()) {
            let _ = write!(statement, ": {}", inner(what));
        }
        statement
    }

    /// A change of responsibilities as a fact: its event or date, then
    /// what it did.
    fn change_statement(&self, change: &Change) -> String {
        let what: Vec<String> = change
            .details
            .iter()
            .map(|detail| self.change_detail(change, detail))
            .collect();
        match change.event.filter(|id| self.arrangement.event(*id).is_some()) {
            Some(id) if what == ["as recorded"] => format!(
                "{}{}",
                self.event_name(id),
                self.arrangement
                    .event(id)
                    .and_then(|event| event.what.as_deref())
                    .map(|what| format!(": {}", inner(what)))
                    .unwrap_or_default()
            ),
            Some(id) => format!("{}: {}", self.event_name(id), and_list(&what)),
            None => format!("{}, {}", self.change_when(change), and_list(&what)),
        }
    }

    /// Where the council's paper states a fact or answer: "TITLE, PLACE",
    /// the document by its title, as the list of documents relied on
    /// names it.
    pub fn evidence(&self, evidence: &EvidenceRef) -> Option<String> {
        let document = self.arrangement.document(evidence.document)?;
        let title = inner(&document.title);
        Some(match &evidence.location {
            Some(location) => format!("{title}, {}", inner(location)),
            None => title.to_owned(),
        })
    }

    pub(super) fn relation_statement(&self, entity: EntityId, relation: RelationId, targets: &[EntityId]) -> String {
        let label = self.label(entity);
        let title = self.relation(relation);
        if targets.is_empty() {
            format!("{label} {title} nothing")
        } else {
            format!("{label} {title} {}", self.labels(targets))
        }
    }

    /// How a role was bound: "the Director of Children's Services is
    /// Executive Director, People".
    pub fn binding(&self, binding: &Binding) -> Option<String> {
        let entity = self.arrangement.entity(binding.entity)?;
        let possibly = if binding.certain { "" } else { "possibly " };
        Some(match binding.role.and_then(|role| self.policy.role(role)) {
            // A post titled as the role it holds: saying "the Director of
            // Children's Services is Director of Children's Services" tells
            // a reader nothing.
            Some(role) if role.title.eq_ignore_ascii_case(entity.label()) => {
                format!(
                    "the {} is {possibly}the {} of that title",
                    role.title,
                    entity.kind.word()
                )
            }
            Some(role) => format!("the {} is {possibly}{}", role.title, entity.label()),
            None => format!("{possibly}{}", entity.label()),
        })
    }
}

/// How a consulted fact's source label gives its basis: an event marks the
/// parts a paper only implies in its own statement (who held it, what it
/// concluded), so its label gives none, and the word is said once.
pub fn label_basis(used: &FactUse) -> Basis {
    match used.fact {
        Fact::Event { .. } => Basis::Stated,
        Fact::Holds { .. }
        | Fact::Functions { .. }
        | Fact::BodyKind { .. }
        | Fact::Attribute { .. }
        | Fact::Relation { .. }
        | Fact::NoBodyOfKind { .. }
        | Fact::Governance { .. }
        | Fact::Answer { .. }
        | Fact::Departure { .. }
        | Fact::Life { .. }
        | Fact::Provider { .. }
        | Fact::Employer { .. }
        | Fact::Secondment { .. }
        | Fact::Change(_) => used.basis,
    }
}

/// What a paper says, marked once when it only implies it: "Children's
/// Scrutiny Panel (inferred)". A stated fact is shown as it is.
pub fn with_basis(text: &str, basis: Basis) -> String {
    match basis {
        Basis::Stated => text.to_owned(),
        Basis::Inferred => format!("{text} (inferred)"),
        Basis::Possibly => format!("{text} (possibly)"),
        Basis::Suggested => format!("{text} (suggested)"),
        Basis::Proposed => format!("{text} (proposed, not recorded as adopted)"),
    }
}

/// A review's outcome as the value of an "Outcome:" label: "Assured",
/// "No conclusion recorded".
pub fn outcome_label(outcome: ReviewOutcome) -> &'static str {
    match outcome {
        ReviewOutcome::Assured => "Assured",
        ReviewOutcome::NotAssured => "Not assured",
        ReviewOutcome::Deferred => "Deferred",
        ReviewOutcome::Noted => "Noted",
        ReviewOutcome::NotQuoted => "Concluded; the conclusion is recorded but not quoted",
        ReviewOutcome::Unknown => "No conclusion recorded",
    }
}

/// A review's outcome in words.
pub fn outcome_words(outcome: ReviewOutcome) -> &'static str {
    match outcome {
        ReviewOutcome::Assured => "assured",
        ReviewOutcome::NotAssured => "not assured",
        ReviewOutcome::Deferred => "deferred",
        ReviewOutcome::Noted => "noted",
        ReviewOutcome::NotQuoted => "concluded, its conclusion recorded but not quoted",
        ReviewOutcome::Unknown => "no conclusion recorded",
    }
}
