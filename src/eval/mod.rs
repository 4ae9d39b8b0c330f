//! The eval stage: every duty of a checked policy against one checked
//! arrangement, as at a date, giving verdicts that carry their explanation.
//!
//! Facts are read three-valued: a fact the arrangement does not state is
//! unknown and is named as missing, never guessed; a fact stated as `no`
//! is false.

mod timeline;
mod verdict;

pub use verdict::{Binding, FactUse, Verdict, VerdictKind};

use crate::date::Day;
use crate::model::*;

/// Evaluates every duty and question of `policy` against `arrangement` as
/// at `as_at`, in the policy's order.
pub fn evaluate(policy: &Policy, arrangement: &Arrangement, as_at: Day) -> Vec<Verdict> {
    let evaluator = Evaluator {
        policy,
        arrangement,
        as_at,
    };
    policy
        .duties
        .iter()
        .enumerate()
        .map(|(index, duty)| evaluator.duty(DutyId::from_index(index), duty))
        .collect()
}

/// Three-valued truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Truth {
    True,
    False,
    #[default]
    Unknown,
}

impl Truth {
    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }

    fn of(value: bool) -> Truth {
        if value {
            Truth::True
        } else {
            Truth::False
        }
    }
}

/// What evaluating a predicate found: its truth, what was said of the
/// facts, the facts consulted and the facts missing.
#[derive(Clone, Debug, Default)]
pub(crate) struct Finding {
    pub(crate) truth: Truth,
    pub(crate) said: Vec<String>,
    pub(crate) facts: Vec<FactUse>,
    pub(crate) missing: Vec<String>,
    pub(crate) notes: Vec<String>,
    /// True when a timeline duty had nothing to apply to (no trigger).
    pub(crate) vacuous: bool,
}

impl Finding {
    fn new(truth: Truth, said: impl Into<String>) -> Finding {
        Finding {
            truth,
            said: vec![said.into()],
            ..Finding::default()
        }
    }

    fn missing(what: impl Into<String>) -> Finding {
        let what = what.into();
        Finding {
            truth: Truth::Unknown,
            said: Vec::new(),
            missing: vec![what],
            ..Finding::default()
        }
    }

    fn with_fact(mut self, fact: FactUse) -> Finding {
        self.facts.push(fact);
        self
    }

    fn negate(mut self) -> Finding {
        self.truth = self.truth.not();
        self
    }

    /// Combines findings that must all hold.
    fn all(parts: Vec<Finding>) -> Finding {
        let truth = if parts.iter().any(|part| part.truth == Truth::False) {
            Truth::False
        } else if parts.iter().any(|part| part.truth == Truth::Unknown) {
            Truth::Unknown
        } else {
            Truth::True
        };
        Finding::merge(parts, truth)
    }

    /// Combines findings of which one must hold.
    fn any(parts: Vec<Finding>) -> Finding {
        let truth = if parts.iter().any(|part| part.truth == Truth::True) {
            Truth::True
        } else if parts.iter().any(|part| part.truth == Truth::Unknown) {
            Truth::Unknown
        } else {
            Truth::False
        };
        Finding::merge(parts, truth)
    }

    /// Merges parts under a decided truth: what is said comes from the
    /// parts that decided it.
    fn merge(parts: Vec<Finding>, truth: Truth) -> Finding {
        let vacuous = !parts.is_empty() && parts.iter().all(|part| part.vacuous);
        let mut merged = Finding {
            truth,
            vacuous,
            ..Finding::default()
        };
        for part in parts {
            if part.truth == truth {
                for said in part.said {
                    // Parts of an `or` often rest on the same fact: say it once.
                    if !merged.said.contains(&said) {
                        merged.said.push(said);
                    }
                }
            }
            if part.truth == Truth::Unknown {
                merged.missing.extend(part.missing);
            }
            for fact in part.facts {
                push_fact(&mut merged.facts, fact);
            }
            merged.notes.extend(part.notes);
        }
        merged.missing.dedup();
        merged.notes.dedup();
        merged
    }
}

fn push_fact(facts: &mut Vec<FactUse>, fact: FactUse) {
    if !facts.iter().any(|known| {
        known.span.range() == fact.span.range()
            && known.span.file == fact.span.file
            && known.statement == fact.statement
    }) {
        facts.push(fact);
    }
}

/// A title used mid-sentence: "Health and wellbeing board" becomes
/// "health and wellbeing board", but a proper name ("Local Safeguarding
/// Children Board", "Chief Executive") or an acronym keeps its capitals.
pub(crate) fn lower_first(title: &str) -> String {
    let mut words = title.split_whitespace();
    let first = words.next().unwrap_or("");
    let proper = words.any(|word| word.starts_with(char::is_uppercase));
    let acronym = first.chars().nth(1).is_some_and(char::is_uppercase);
    let mut characters = title.chars();
    match characters.next() {
        Some(initial) if !proper && !acronym => format!("{}{}", initial.to_lowercase(), characters.as_str()),
        _ => title.to_owned(),
    }
}

/// A noun phrase with its indefinite article: "a schools forum", "an
/// improvement board".
pub(crate) fn indefinite(phrase: &str) -> String {
    let article = if phrase.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {phrase}")
}

/// Joins words as in prose: `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

struct Evaluator<'a> {
    policy: &'a Policy,
    arrangement: &'a Arrangement,
    as_at: Day,
}

impl<'a> Evaluator<'a> {
    fn role_title(&self, role: RoleId) -> String {
        self.policy
            .role(role)
            .map_or_else(|| "a role".to_owned(), |role| role.title.clone())
    }

    fn function_title(&self, function: FunctionId) -> String {
        self.policy
            .functions
            .get(function.index())
            .map_or_else(|| "a function".to_owned(), |term| lower_first(&term.title))
    }

    fn body_kind_title(&self, kind: BodyKindId) -> String {
        self.policy
            .body_kinds
            .get(kind.index())
            .map_or_else(|| "a kind of body".to_owned(), |term| lower_first(&term.title))
    }

    fn label(&self, entity: EntityId) -> String {
        self.arrangement
            .entity(entity)
            .map_or_else(|| "an unknown entity".to_owned(), |entity| entity.label().to_owned())
    }

    fn fact<T>(&self, fact: &Fact<T>, statement: String) -> FactUse {
        FactUse {
            span: fact.origin.span,
            statement,
            evidence: fact.origin.evidence.clone(),
        }
    }

    /// The entities of a kind, optionally only those holding a role.
    fn domain(&self, kind: EntityKind, holding: Option<RoleId>) -> Vec<EntityId> {
        self.arrangement
            .entities
            .iter()
            .enumerate()
            .filter(|(_, entity)| entity.kind == kind && holding.is_none_or(|role| entity.holds(role).is_some()))
            .map(|(index, _)| EntityId::from_index(index))
            .collect()
    }

    fn holders(&self, role: RoleId) -> Vec<EntityId> {
        self.arrangement
            .entities
            .iter()
            .enumerate()
            .filter(|(_, entity)| entity.holds(role).is_some())
            .map(|(index, _)| EntityId::from_index(index))
            .collect()
    }

    /// Evaluates a subject and predicate: the truth that the subject
    /// satisfies the predicate (or, when `negate`, its negation, applied to
    /// each entity before counting).
    fn claim(
        &self,
        subject: &Subject,
        predicate: &Predicate,
        negate: bool,
        predicate_text: &str,
    ) -> (Finding, Vec<Binding>) {
        let per_entity = |entity: EntityId| {
            let finding = match self.arrangement.entity(entity) {
                Some(found) => self.predicate(Some((entity, found)), predicate),
                None => Finding::missing("an entity"),
            };
            if negate {
                finding.negate()
            } else {
                finding
            }
        };
        match subject {
            Subject::Council => {
                let finding = self.predicate(None, predicate);
                (if negate { finding.negate() } else { finding }, Vec::new())
            }
            Subject::Role(role) => {
                let holders = self.holders(*role);
                if holders.is_empty() {
                    let holder = self.policy.role(*role).map_or("post", |role| role.holder.word());
                    let mut finding = Finding::missing(format!("a {holder} holding {}", self.role_title(*role)));
                    finding
                        .said
                        .push(format!("no {holder} is recorded as holding {}", self.role_title(*role)));
                    return (finding, Vec::new());
                }
                let mut parts = Vec::new();
                let mut bindings = Vec::new();
                for holder in holders {
                    let mut finding = per_entity(holder);
                    if let Some(fact) = self.arrangement.entity(holder).and_then(|entity| entity.holds(*role)) {
                        finding.facts.insert(
                            0,
                            self.fact(fact, format!("{} holds {}", self.label(holder), self.role_title(*role))),
                        );
                    }
                    bindings.push(Binding {
                        role: Some(*role),
                        entity: holder,
                    });
                    parts.push(finding);
                }
                (Finding::all(parts), bindings)
            }
            Subject::Quantified {
                quantifier,
                entity,
                holding,
            } => {
                let domain = self.domain(*entity, *holding);
                let noun = match holding {
                    Some(role) => format!("{} holding {}", entity.word(), self.role_title(*role)),
                    None => entity.word().to_owned(),
                };
                let findings: Vec<(EntityId, Finding)> = domain
                    .iter()
                    .map(|id| {
                        let mut finding = per_entity(*id);
                        let held = holding.and_then(|role| {
                            let fact = self.arrangement.entity(*id)?.holds(role)?;
                            Some(self.fact(fact, format!("{} holds {}", self.label(*id), self.role_title(role))))
                        });
                        if let Some(held) = held {
                            finding.facts.insert(0, held);
                        }
                        (*id, finding)
                    })
                    .collect();
                let satisfying: Vec<EntityId> = findings
                    .iter()
                    .filter(|(_, finding)| finding.truth == Truth::True)
                    .map(|(id, _)| *id)
                    .collect();
                let bindings = satisfying
                    .iter()
                    .map(|entity| Binding {
                        role: *holding,
                        entity: *entity,
                    })
                    .collect();
                // A count over a kind of entity the arrangement does not
                // describe at all (no member declared) cannot be zero by
                // evidence: the paper is silent, not negative.
                let described = self
                    .arrangement
                    .entities
                    .iter()
                    .any(|declared| declared.kind == *entity);
                let denied = matches!(predicate, Predicate::Kind(kind) if self.arrangement.has_no(*kind).is_some());
                if !described && !denied {
                    let plural = format!("{}s", entity.word()).replace("bodys", "bodies");
                    let mut finding = Finding::missing(format!("the council's {plural}"));
                    finding
                        .said
                        .push(format!("the arrangements declare no {plural} at all"));
                    return (finding, bindings);
                }
                if *quantifier == Quantifier::Each {
                    if domain.is_empty() {
                        let mut finding = Finding::missing(format!("any {noun}"));
                        finding.said.push(format!("no {noun} is recorded"));
                        return (finding, bindings);
                    }
                    return (
                        Finding::all(findings.into_iter().map(|(_, finding)| finding).collect()),
                        bindings,
                    );
                }
                let trues = satisfying.len();
                let unknowns: Vec<EntityId> = findings
                    .iter()
                    .filter(|(_, finding)| finding.truth == Truth::Unknown)
                    .map(|(id, _)| *id)
                    .collect();
                let truth = match quantifier {
                    Quantifier::ExactlyOne if trues > 1 => Truth::False,
                    Quantifier::ExactlyOne if trues + unknowns.len() == 0 => Truth::False,
                    Quantifier::ExactlyOne if trues == 1 && unknowns.is_empty() => Truth::True,
                    Quantifier::AtLeastOne if trues >= 1 => Truth::True,
                    Quantifier::AtLeastOne if unknowns.is_empty() => Truth::False,
                    Quantifier::No if trues >= 1 => Truth::False,
                    Quantifier::No if unknowns.is_empty() => Truth::True,
                    Quantifier::ExactlyOne | Quantifier::AtLeastOne | Quantifier::No | Quantifier::Each => {
                        Truth::Unknown
                    }
                };
                // A conclusion that rests on nothing being found holds only
                // if the arrangement lists every entity of the kind (or the
                // holders of a role, which are always listed), or states
                // that it has no body of the kind the predicate names.
                let rests_on_absence = trues == 0 && unknowns.is_empty() && *quantifier != Quantifier::Each;
                let denial = match predicate {
                    Predicate::Kind(kind) => self.arrangement.has_no(*kind),
                    _ => None,
                };
                let listed = holding.is_some() || self.arrangement.lists_every(*entity);
                let (truth, absence_unknown) = if rests_on_absence && denial.is_none() && !listed {
                    (Truth::Unknown, true)
                } else {
                    (truth, false)
                };
                let labels = |ids: &[EntityId]| and_list(&ids.iter().map(|id| self.label(*id)).collect::<Vec<_>>());
                let condition = if negate {
                    format!("not `{predicate_text}`")
                } else {
                    format!("`{predicate_text}`")
                };
                let mut summary = match trues {
                    0 => format!("no {noun} satisfies {condition}"),
                    1 => format!("one {noun} satisfies {condition}: {}", labels(&satisfying)),
                    n => format!("{n} of them satisfy {condition}: {}", labels(&satisfying)),
                };
                if trues > 1 {
                    summary = format!("{trues} {noun}s satisfy {condition}: {}", labels(&satisfying));
                }
                if !unknowns.is_empty() {
                    summary.push_str(&format!("; for {} the arrangements do not say", labels(&unknowns)));
                }
                let mut finding = Finding {
                    truth,
                    said: vec![summary],
                    ..Finding::default()
                };
                if absence_unknown {
                    let plural = format!("{}s", entity.word()).replace("bodys", "bodies");
                    finding.said.clear();
                    let listed = match domain.len() {
                        1 => format!("the one {} listed does not", entity.word()),
                        n => format!("none of the {n} {plural} listed does"),
                    };
                    finding.missing.push(format!(
                        "whether the council has a {noun} that satisfies {condition}: {listed}, and the list is not declared complete"
                    ));
                }
                if let Some(denial) = denial {
                    let kind_title = match predicate {
                        Predicate::Kind(kind) => self.body_kind_title(*kind),
                        _ => String::new(),
                    };
                    finding
                        .facts
                        .push(self.fact(denial, format!("the council has no {kind_title}")));
                }
                for (_, part) in findings {
                    if part.truth == Truth::Unknown {
                        finding.missing.extend(part.missing);
                    }
                    for fact in part.facts {
                        push_fact(&mut finding.facts, fact);
                    }
                    finding.notes.extend(part.notes);
                }
                (finding, bindings)
            }
        }
    }

    /// Evaluates a predicate of one entity, or of the council when `entity`
    /// is `None`.
    fn predicate(&self, entity: Option<(EntityId, &Entity)>, predicate: &Predicate) -> Finding {
        match predicate {
            Predicate::And(parts) => Finding::all(parts.iter().map(|part| self.predicate(entity, part)).collect()),
            Predicate::Or(parts) => Finding::any(parts.iter().map(|part| self.predicate(entity, part)).collect()),
            Predicate::Not(inner) => self.predicate(entity, inner).negate(),
            Predicate::After {
                event,
                trigger,
                of,
                within,
            } => timeline::after(
                self.policy,
                self.arrangement,
                self.as_at,
                *event,
                *trigger,
                *of,
                *within,
            ),
            Predicate::Every { event, months } => timeline::every(self.arrangement, self.as_at, *event, *months),
            atom => match entity {
                Some((id, found)) => self.atom(id, found, atom),
                None => Finding::missing("a post or member to say this of"),
            },
        }
    }

    fn atom(&self, id: EntityId, entity: &Entity, atom: &Predicate) -> Finding {
        let label = entity.label();
        match atom {
            Predicate::Hold(roles) => Finding::all(
                roles
                    .iter()
                    .map(|role| match entity.holds(*role) {
                        Some(fact) => {
                            let said = format!("{label} holds {}", self.role_title(*role));
                            Finding::new(Truth::True, said.clone()).with_fact(self.fact(fact, said))
                        }
                        None => Finding::new(
                            Truth::False,
                            format!("{label} does not hold {}", self.role_title(*role)),
                        ),
                    })
                    .collect(),
            ),
            Predicate::Responsible { only, functions } => {
                let Some(fact) = &entity.functions else {
                    return Finding::missing(format!("the functions {label} is responsible for"));
                };
                let held: Vec<String> = fact
                    .value
                    .iter()
                    .map(|function| self.function_title(*function))
                    .collect();
                let statement = format!("{label} is responsible for {}", and_list(&held));
                let fact_use = self.fact(fact, statement.clone());
                if *only {
                    let others: Vec<String> = fact
                        .value
                        .iter()
                        .filter(|function| !functions.contains(function))
                        .map(|function| self.function_title(*function))
                        .collect();
                    if others.is_empty() && entity.other_functions == Some(true) {
                        Finding::new(
                            Truth::False,
                            format!("{label} is responsible for {} and for other functions", and_list(&held)),
                        )
                        .with_fact(fact_use)
                    } else if others.is_empty() && entity.other_functions.is_none() {
                        let mut finding =
                            Finding::missing(format!("whether {label} has functions beyond {}", and_list(&held)));
                        finding.facts.push(fact_use);
                        finding
                    } else if others.is_empty() {
                        Finding::new(
                            Truth::True,
                            format!("{label} is responsible only for {}", and_list(&held)),
                        )
                        .with_fact(fact_use)
                    } else {
                        Finding::new(
                            Truth::False,
                            format!("{label} is also responsible for {}", and_list(&others)),
                        )
                        .with_fact(fact_use)
                    }
                } else {
                    let lacking: Vec<String> = functions
                        .iter()
                        .filter(|function| !fact.value.contains(function))
                        .map(|function| self.function_title(*function))
                        .collect();
                    if lacking.is_empty() {
                        Finding::new(Truth::True, statement).with_fact(fact_use)
                    } else {
                        Finding::new(
                            Truth::False,
                            format!("{label} is not responsible for {}", and_list(&lacking)),
                        )
                        .with_fact(fact_use)
                    }
                }
            }
            Predicate::Kind(kind) => match &entity.body_kind {
                None => Finding::missing(format!("what kind of body {label} is")),
                Some(fact) => {
                    let statement = format!("{label} is {}", indefinite(&self.body_kind_title(fact.value)));
                    let truth = Truth::of(fact.value == *kind);
                    let said = if truth == Truth::True {
                        statement.clone()
                    } else {
                        format!("{statement}, not {}", indefinite(&self.body_kind_title(*kind)))
                    };
                    Finding::new(truth, said).with_fact(self.fact(fact, statement))
                }
            },
            Predicate::Attribute(attribute) => {
                let title = self.attribute_title(*attribute);
                let describe = |value: bool| {
                    if value {
                        format!("{label} is {title}")
                    } else {
                        format!("{label} is not {title}")
                    }
                };
                match (entity.attribute(*attribute), self.attribute_default(*attribute)) {
                    (Some(fact), _) => {
                        let statement = describe(fact.value == TypedValue::Bool(true));
                        Finding::new(Truth::of(fact.value == TypedValue::Bool(true)), statement.clone())
                            .with_fact(self.fact(fact, statement))
                    }
                    (None, Some(default)) => {
                        let value = *default == TypedValue::Bool(true);
                        Finding::new(
                            Truth::of(value),
                            format!(
                                "{} (not stated, so taken as {default}, as the guidance declares)",
                                describe(value)
                            ),
                        )
                    }
                    (None, None) => Finding::missing(format!("whether {label} is {title}")),
                }
            }
            Predicate::Compare {
                attribute,
                comparator,
                value,
            } => {
                let title = self.attribute_title(*attribute);
                match entity.attribute(*attribute) {
                    None => match self.attribute_default(*attribute) {
                        Some(default) => {
                            let (truth, note) = compare(default, *comparator, value);
                            let mut finding = Finding::new(
                                truth,
                                format!("the {title} of {label} is not stated, so taken as {default}, as the guidance declares"),
                            );
                            finding.notes.extend(note);
                            finding
                        }
                        None => Finding::missing(format!("the {title} of {label}")),
                    },
                    Some(fact) => {
                        let statement = format!("the {title} of {label} is {}", fact.value);
                        let (truth, note) = compare(&fact.value, *comparator, value);
                        let mut finding = Finding::new(truth, statement.clone()).with_fact(self.fact(fact, statement));
                        finding.notes.extend(note);
                        if truth == Truth::Unknown {
                            finding.missing.push(format!("the exact {title} of {label}"));
                        }
                        finding
                    }
                }
            }
            Predicate::Relation { relation, target } => self.relation(id, entity, *relation, target),
            Predicate::And(_)
            | Predicate::Or(_)
            | Predicate::Not(_)
            | Predicate::After { .. }
            | Predicate::Every { .. } => self.predicate(Some((id, entity)), atom),
        }
    }

    /// Whether the arrangement lists every line of a relation: lines of
    /// accountability always, others when the arrangement says so.
    fn lists_every(&self, relation: RelationId) -> bool {
        self.policy
            .relations
            .get(relation.index())
            .is_some_and(|declared| declared.hierarchy)
            || self.arrangement.complete_relations.contains(&relation)
    }

    fn attribute_default(&self, attribute: AttributeId) -> Option<&'a TypedValue> {
        self.policy
            .attributes
            .get(attribute.index())
            .and_then(|declared| declared.default.as_ref())
    }

    fn attribute_title(&self, attribute: AttributeId) -> String {
        self.policy
            .attributes
            .get(attribute.index())
            .map_or_else(|| "an attribute".to_owned(), |declared| declared.title.clone())
    }

    fn relation(&self, _id: EntityId, entity: &Entity, relation: RelationId, target: &Target) -> Finding {
        let label = entity.label();
        let title = self
            .policy
            .relations
            .get(relation.index())
            .map_or_else(|| "is related to".to_owned(), |declared| declared.title.clone());
        let lines = entity.relation(relation);
        if lines.is_empty() {
            return Finding::missing(format!("what {label} {title}"));
        }
        let all_targets: Vec<EntityId> = lines.iter().flat_map(|fact| fact.value.iter().copied()).collect();
        let fact_uses: Vec<FactUse> = lines
            .iter()
            .map(|fact| {
                let names: Vec<String> = fact.value.iter().map(|target| self.label(*target)).collect();
                self.fact(*fact, format!("{label} {title} {}", and_list(&names)))
            })
            .collect();
        let targets: Vec<String> = all_targets.iter().map(|target| self.label(*target)).collect();
        let statement = if targets.is_empty() {
            format!("{label} {title} nothing")
        } else {
            format!("{label} {title} {}", and_list(&targets))
        };
        let with_facts = |mut finding: Finding| {
            finding.facts.extend(fact_uses.iter().cloned());
            finding
        };
        match target {
            Target::Role(role) => {
                let role_title = self.role_title(*role);
                let matching: Vec<String> = all_targets
                    .iter()
                    .filter(|target| {
                        self.arrangement
                            .entity(**target)
                            .is_some_and(|entity| entity.holds(*role).is_some())
                    })
                    .map(|target| self.label(*target))
                    .collect();
                if matching.is_empty() && !self.lists_every(relation) {
                    with_facts(Finding::missing(format!(
                        "whether {label} {title} anyone holding {role_title}: the arrangements list {}, who does not, and do not say the list is complete",
                        and_list(&targets)
                    )))
                } else if matching.is_empty() {
                    with_facts(Finding::new(
                        Truth::False,
                        format!("{statement}, and no one there holds {role_title}"),
                    ))
                } else {
                    with_facts(Finding::new(
                        Truth::True,
                        format!("{label} {title} {}, who holds {role_title}", and_list(&matching)),
                    ))
                }
            }
            Target::Kind(kind) => {
                let kind_title = self.body_kind_title(*kind);
                let mut unknown = Vec::new();
                let mut matching = Vec::new();
                for target in &all_targets {
                    match self
                        .arrangement
                        .entity(*target)
                        .and_then(|entity| entity.body_kind.as_ref())
                    {
                        Some(body_kind) if body_kind.value == *kind => matching.push(self.label(*target)),
                        Some(_) => {}
                        None => unknown.push(self.label(*target)),
                    }
                }
                if !matching.is_empty() {
                    with_facts(Finding::new(
                        Truth::True,
                        format!("{label} {title} {}, {}", and_list(&matching), indefinite(&kind_title)),
                    ))
                } else if !unknown.is_empty() {
                    with_facts(Finding::missing(format!("what kind of body {} is", and_list(&unknown))))
                } else if let Some(denial) = self.arrangement.has_no(*kind) {
                    let denied = format!("the council has no {kind_title}");
                    with_facts(
                        Finding::new(Truth::False, format!("{statement}; {denied}"))
                            .with_fact(self.fact(denial, denied.clone())),
                    )
                } else if self.lists_every(relation) {
                    with_facts(Finding::new(
                        Truth::False,
                        format!("{statement}, none of which is {}", indefinite(&kind_title)),
                    ))
                } else {
                    with_facts(Finding::missing(format!(
                        "whether {label} {title} {}: the arrangements list {}, none of which is one, and do not say the list is complete",
                        indefinite(&kind_title),
                        and_list(&targets)
                    )))
                }
            }
        }
    }

    fn duty(&self, id: DutyId, duty: &Duty) -> Verdict {
        let mut verdict = Verdict {
            duty: id,
            kind: VerdictKind::Unknown,
            bindings: Vec::new(),
            facts: Vec::new(),
            missing: Vec::new(),
            reason: String::new(),
            notes: Vec::new(),
            answer: self.latest_answer(id),
            departure: None,
        };
        let mut unknown_conditions = Vec::new();
        for condition in &duty.conditions {
            let (finding, _) = self.claim(&condition.subject, &condition.predicate, false, &condition.text);
            for fact in &finding.facts {
                push_fact(&mut verdict.facts, fact.clone());
            }
            match (condition.kind, finding.truth) {
                (ConditionKind::When, Truth::False) | (ConditionKind::Unless, Truth::True) => {
                    verdict.kind = VerdictKind::NotApplicable;
                    let word = match condition.kind {
                        ConditionKind::When => "applies only when",
                        ConditionKind::Unless => "does not apply when",
                    };
                    verdict.reason = sentence(&format!(
                        "Does not apply: the duty {word} `{}`, and {}",
                        strip_keyword(&condition.text),
                        and_list(&finding.said)
                    ));
                    verdict.notes.extend(finding.notes);
                    return verdict;
                }
                (_, Truth::Unknown) => unknown_conditions.push(finding),
                (ConditionKind::When, Truth::True) | (ConditionKind::Unless, Truth::False) => {}
            }
        }
        if !unknown_conditions.is_empty() {
            let merged = Finding::merge(unknown_conditions, Truth::Unknown);
            verdict.missing = merged.missing;
            verdict.reason = sentence(&format!(
                "Cannot tell whether the duty applies: the arrangements do not state {}",
                and_list(&verdict.missing)
            ));
            verdict.notes.extend(merged.notes);
            return verdict;
        }
        match &duty.kind {
            DutyKind::Rule {
                subject,
                predicate,
                predicate_text,
                ..
            } => self.rule(duty, subject, predicate, predicate_text, verdict),
            DutyKind::Question { renew_on_change_of, .. } => self.question(*renew_on_change_of, verdict),
        }
    }

    fn rule(
        &self,
        duty: &Duty,
        subject: &Subject,
        predicate: &Predicate,
        predicate_text: &str,
        mut verdict: Verdict,
    ) -> Verdict {
        let negate = duty.modality.is_negative();
        let (finding, bindings) = self.claim(subject, predicate, negate, predicate_text);
        verdict.bindings = bindings;
        for fact in finding.facts {
            push_fact(&mut verdict.facts, fact);
        }
        verdict.notes.extend(finding.notes);
        let said = and_list(&finding.said);
        if finding.vacuous && finding.truth == Truth::True {
            verdict.kind = VerdictKind::NotApplicable;
            verdict.reason = sentence(&format!("Does not apply: {said}"));
            return verdict;
        }
        match (duty.modality, finding.truth) {
            (Modality::May, Truth::True) => {
                verdict.kind = VerdictKind::Pass;
                verdict.reason = sentence(&format!("The permission is used: {said}"));
            }
            (Modality::May, Truth::False) => {
                verdict.kind = VerdictKind::NotApplicable;
                verdict.reason = sentence(&format!("The permission is not used: {said}"));
            }
            (Modality::May, Truth::Unknown) => {
                verdict.kind = VerdictKind::NotApplicable;
                verdict.reason = sentence(&format!(
                    "The permission is not shown to be used: the arrangements do not state {}",
                    and_list(&finding.missing)
                ));
            }
            (_, Truth::True) => {
                verdict.kind = VerdictKind::Pass;
                verdict.reason = sentence(&format!("Met: {said}"));
            }
            (Modality::Must | Modality::MustNot, Truth::False) => {
                verdict.kind = VerdictKind::Fail;
                verdict.reason = sentence(&format!("Breached: {said}"));
            }
            (Modality::Should | Modality::ShouldNot, Truth::False) => match self.departure(verdict.duty) {
                Some((index, departure)) => {
                    verdict.kind = VerdictKind::Departure;
                    verdict.departure = Some(index);
                    let approval = match (&departure.approved_by, departure.approved) {
                        (Some(by), Some(on)) => format!(", approved by {by} on {on}"),
                        (Some(by), None) => format!(", approved by {by}"),
                        (None, Some(on)) => format!(", approved on {on}"),
                        (None, None) => String::new(),
                    };
                    verdict.reason = sentence(&format!(
                        "Not met, with a recorded departure{approval} for the reasons given: {said}"
                    ));
                    verdict.facts.push(FactUse {
                        span: departure.origin.span,
                        statement: format!("departure recorded: {}", departure.reasons),
                        evidence: departure.origin.evidence.clone(),
                    });
                    if let Some(review_by) = departure.review_by {
                        if review_by.last_day() < self.as_at {
                            verdict.notes.push(format!(
                                "The departure was to be reviewed by {review_by}, which has passed."
                            ));
                        }
                    }
                }
                None => {
                    verdict.kind = VerdictKind::Unexplained;
                    verdict.reason = sentence(&format!("Not met, and no departure with reasons is recorded: {said}"));
                }
            },
            (_, Truth::Unknown) => {
                verdict.kind = VerdictKind::Unknown;
                verdict.missing = finding.missing;
                verdict.missing.dedup();
                let mut reason = format!(
                    "Cannot be decided: the arrangements do not state {}",
                    and_list(&verdict.missing)
                );
                if !said.is_empty() {
                    reason.push_str(&format!(" ({said})"));
                }
                verdict.reason = sentence(&reason);
            }
        }
        verdict
    }

    /// The departure recorded for a duty by the as-at date, the latest if
    /// several.
    fn departure(&self, duty: DutyId) -> Option<(usize, &'a Departure)> {
        self.arrangement
            .departures
            .iter()
            .enumerate()
            .filter(|(_, departure)| {
                departure.duty == duty && departure.approved.is_none_or(|date| date.begun_by(self.as_at))
            })
            .max_by_key(|(index, departure)| (departure.approved, *index))
    }

    /// The latest answer given to a duty or question by the as-at date.
    fn latest_answer(&self, duty: DutyId) -> Option<usize> {
        self.arrangement
            .answers
            .iter()
            .enumerate()
            .filter(|(_, answer)| answer.duty == duty && answer.given.is_none_or(|date| date.begun_by(self.as_at)))
            .max_by_key(|(index, answer)| (answer.given, *index))
            .map(|(index, _)| index)
    }

    fn question(&self, renew_on_change_of: Option<RoleId>, mut verdict: Verdict) -> Verdict {
        let Some(answer) = verdict.answer.and_then(|index| self.arrangement.answers.get(index)) else {
            verdict.kind = VerdictKind::Missing;
            verdict.reason = sentence(&format!("No answer to this question is recorded up to {}", self.as_at));
            return verdict;
        };
        verdict.facts.push(FactUse {
            span: answer.origin.span,
            statement: match answer.given {
                Some(given) => format!("answered on {given}"),
                None => "answered (undated)".to_owned(),
            },
            evidence: answer.origin.evidence.clone(),
        });
        if let Some(role) = renew_on_change_of {
            let changes = timeline::changes_of(self.arrangement, self.as_at, role);
            match answer.given {
                Some(given) => {
                    let later = changes
                        .iter()
                        .filter(|event| event.date.relative_to(given) == crate::date::Relative::After)
                        .max_by_key(|event| event.date);
                    let overlapping = changes
                        .iter()
                        .find(|event| event.date.relative_to(given) == crate::date::Relative::Overlapping);
                    if let Some(change) = later {
                        verdict.kind = VerdictKind::Stale;
                        verdict.facts.push(timeline::event_fact(change));
                        verdict.reason = sentence(&format!(
                            "The answer given on {given} predates the change `{}` of {}{}",
                            change.key,
                            change.date,
                            change
                                .what
                                .as_deref()
                                .map(|what| format!(" ({what})"))
                                .unwrap_or_default()
                        ));
                        return verdict;
                    }
                    if let Some(change) = overlapping {
                        verdict.kind = VerdictKind::Unknown;
                        verdict.facts.push(timeline::event_fact(change));
                        verdict.missing.push(format!(
                            "whether the answer of {given} was given after the change `{}`",
                            change.key
                        ));
                        verdict.notes.push(format!(
                            "The answer ({given}) and the change `{}` ({}) are dated only to the {}, so which came first cannot be told.",
                            change.key,
                            change.date,
                            if given.is_partial() && change.date.is_partial() { "same period" } else { "period shown" }
                        ));
                        verdict.reason = sentence(&format!(
                            "Cannot be decided: whether the answer of {given} was given after the change `{}` of {}",
                            change.key, change.date
                        ));
                        return verdict;
                    }
                }
                None if !changes.is_empty() => {
                    verdict.kind = VerdictKind::Unknown;
                    verdict.missing.push("the date the answer was given".to_owned());
                    verdict.reason = sentence(
                        "Cannot be decided: the answer is undated, so whether it predates the recorded changes of responsibilities cannot be told",
                    );
                    return verdict;
                }
                None => {}
            }
        }
        verdict.kind = VerdictKind::Answered;
        let mut reason = "Answered".to_owned();
        if let Some(by) = &answer.by {
            reason.push_str(&format!(" by {by}"));
        }
        if let Some(given) = answer.given {
            reason.push_str(&format!(" on {given}"));
        }
        if let Some(reference) = &answer.reference {
            reason.push_str(&format!(" (reference {reference})"));
        }
        reason.push_str("; whether the answer gives assurance is for the council's members to judge");
        verdict.reason = sentence(&reason);
        verdict
    }
}

/// Makes one sentence: first letter capital, one full stop.
fn sentence(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches('.');
    let mut characters = trimmed.chars();
    match characters.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), characters.as_str()),
        None => String::new(),
    }
}

fn strip_keyword(text: &str) -> &str {
    for keyword in ["when ", "unless ", "if "] {
        if let Some(rest) = text.strip_prefix(keyword) {
            return rest;
        }
    }
    text
}

fn compare(actual: &TypedValue, comparator: Comparator, expected: &TypedValue) -> (Truth, Option<String>) {
    use std::cmp::Ordering;
    let ordering = match (actual, expected) {
        (TypedValue::Int(a), TypedValue::Int(b)) => Some(a.cmp(b)),
        (TypedValue::Bool(a), TypedValue::Bool(b)) => Some(a.cmp(b)),
        (TypedValue::Text(a), TypedValue::Text(b)) => Some(a.cmp(b)),
        (TypedValue::Date(a), TypedValue::Date(b)) => match a.relative_to(*b) {
            crate::date::Relative::Before => Some(Ordering::Less),
            crate::date::Relative::After => Some(Ordering::Greater),
            crate::date::Relative::Overlapping if a == b && !a.is_partial() => Some(Ordering::Equal),
            crate::date::Relative::Overlapping => {
                return (
                    Truth::Unknown,
                    Some(format!(
                        "{a} and {b} overlap as periods, so the comparison cannot be decided from the dates given."
                    )),
                )
            }
        },
        _ => None,
    };
    let Some(ordering) = ordering else {
        return (Truth::Unknown, None);
    };
    let result = match comparator {
        Comparator::Equal => ordering == Ordering::Equal,
        Comparator::NotEqual => ordering != Ordering::Equal,
        Comparator::Less => ordering == Ordering::Less,
        Comparator::LessOrEqual => ordering != Ordering::Greater,
        Comparator::Greater => ordering == Ordering::Greater,
        Comparator::GreaterOrEqual => ordering != Ordering::Less,
    };
    (Truth::of(result), None)
}
