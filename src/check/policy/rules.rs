//! Checking duties and questions: their fields, citations, conditions and
//! tags, and their rules' subjects and predicates, each name resolved and
//! each predicate type-checked against what its subject binds. Then
//! duties that contradict each other.

use super::{citations, Scope};
use crate::check::error::{CheckError, Found, Misuse, Needed, Said, Shape};
use crate::check::fields::{names_of, typed, Fields};
use crate::model::*;
use crate::source::{SourceMap, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{self, EntityKind, Entry, Item, ItemKind};

/// The fields of a duty or question, read before its entries.
struct DutyFields<'a> {
    title: Option<String>,
    /// Resolved once the other fields are read.
    cites: Option<&'a ast::Field>,
    /// A question's `asks`.
    asks: Option<String>,
    /// A question's `modality`.
    modality: Option<&'static str>,
    /// A question's `renew_on_change_of`.
    renew_on_change_of: Option<RoleId>,
    /// A question's `reads`.
    reads: Vec<Reading>,
    statute: Option<String>,
}

/// What a duty's or question's entries give besides its fields.
struct Entries<'a> {
    /// Its rules: a duty has one, a question none.
    rules: Vec<&'a ast::Rule>,
    conditions: Vec<Condition>,
    tags: Vec<Tag>,
}

/// Checks a `duty` or `question` item into the policy's next duty; false
/// if it could not be, its errors reported.
pub(super) fn duty(
    item: &Item,
    edition: usize,
    policy: &mut Policy,
    scope: &Scope,
    sources: &SourceMap,
    errors: &mut Vec<CheckError>,
) -> bool {
    let is_question = item.kind == ItemKind::Question;
    let fields = duty_fields(item, is_question, scope, errors);
    let (cites, citations) = citations(fields.cites, item, scope, errors);
    let entries = entries(item, policy, scope, sources, errors);
    let kind_and_modality = if is_question {
        Some(question(item, &entries.rules, &fields, errors))
    } else {
        rule(item, &entries.rules, policy, scope, sources, errors)
    };
    let Some((kind, modality)) = kind_and_modality else {
        return false;
    };
    policy.duties.push(Duty {
        key: item.name.text.to_string(),
        title: fields.title,
        kind,
        modality,
        cites,
        citations,
        conditions: entries.conditions,
        tags: entries.tags,
        statute: fields.statute,
        // Set once every duty is read (see `families`).
        family: DutyId::from_index(policy.duties.len()),
        edition,
        span: item.name.span,
    });
    true
}

/// Reads a duty's or question's fields; a question has more.
fn duty_fields<'a>(item: &'a Item, is_question: bool, scope: &Scope, errors: &mut Vec<CheckError>) -> DutyFields<'a> {
    let mut fields = Fields::new(item, errors);
    let title = fields.text("title", errors);
    let cites = fields.take("cites");
    let asks = if is_question {
        fields.required_text("asks", errors)
    } else {
        None
    };
    let modality = if is_question {
        fields.one_of("modality", &["must", "should"], errors)
    } else {
        None
    };
    let renew_on_change_of = if is_question {
        fields
            .name("renew_on_change_of", errors)
            .and_then(|name| scope.roles.resolve(&name, errors))
    } else {
        None
    };
    let reads = if is_question {
        readings(&mut fields, errors)
    } else {
        Vec::new()
    };
    let statute = fields.text("statute", errors);
    fields.finish(
        if is_question {
            &[
                "title",
                "cites",
                "asks",
                "modality",
                "renew_on_change_of",
                "reads",
                "statute",
            ]
        } else {
            &["title", "cites", "statute"]
        },
        errors,
    );
    DutyFields {
        title,
        cites,
        asks,
        modality,
        renew_on_change_of,
        reads,
        statute,
    }
}

/// A question's `reads providers, employers`: the ties to organisations
/// beside the council its verdict cites.
fn readings(fields: &mut Fields<'_>, errors: &mut Vec<CheckError>) -> Vec<Reading> {
    let Some(field) = fields.take("reads") else {
        return Vec::new();
    };
    let mut reads = Vec::new();
    for name in names_of(field, errors) {
        match Reading::ALL.into_iter().find(|reading| reading.word() == name.text) {
            Some(reading) if !reads.contains(&reading) => reads.push(reading),
            Some(_) => {}
            None => errors.push(CheckError::NotOneOf {
                field: "reads".to_owned(),
                value: name.text.to_string(),
                allowed: Reading::ALL.iter().map(|reading| reading.word()).collect(),
                span: name.span,
            }),
        }
    }
    reads
}

/// A duty's or question's rules, conditions and tags; what a duty cannot
/// have is reported.
fn entries<'a>(
    item: &'a Item,
    policy: &Policy,
    scope: &Scope,
    sources: &SourceMap,
    errors: &mut Vec<CheckError>,
) -> Entries<'a> {
    let mut entries = Entries {
        rules: Vec::new(),
        conditions: Vec::new(),
        tags: Vec::new(),
    };
    for entry in &item.entries {
        match entry {
            Entry::Rule(rule) => entries.rules.push(rule),
            Entry::Condition(condition) => {
                entries
                    .conditions
                    .extend(self::condition(condition, policy, scope, sources, errors));
            }
            Entry::Tag(tag) => entries.tags.extend(self::tag(tag, policy, scope, errors)),
            Entry::Words(words) => errors.push(CheckError::MisusedPredicate {
                problem: Misuse::WordsOutsideParagraph,
                span: words.span,
            }),
            Entry::Expect(_) | Entry::Edit(_) => errors.extend(crate::check::test_only(entry)),
            Entry::Field(_) => {}
        }
    }
    entries
}

/// A `when`, `if` or `unless` condition, resolved like a rule.
pub(super) fn condition(
    condition: &ast::Condition,
    policy: &Policy,
    scope: &Scope,
    sources: &SourceMap,
    errors: &mut Vec<CheckError>,
) -> Option<Condition> {
    let resolver = Resolver { policy, scope, errors };
    let (subject, predicate) = resolver.claim(&condition.claim.subject, &condition.claim.predicate)?;
    Some(Condition {
        kind: condition.kind,
        subject,
        predicate,
        text: words_of(sources, condition.span),
        span: condition.span,
    })
}

/// A tag, its value one of those its key declares.
fn tag(tag: &ast::Tag, policy: &Policy, scope: &Scope, errors: &mut Vec<CheckError>) -> Option<Tag> {
    let key = scope.tag_keys.resolve(&tag.key, errors)?;
    let allowed = policy.tag_key(key).map(|key| key.values.clone()).unwrap_or_default();
    if let Some(value) = allowed.iter().position(|value| *value == tag.value.text) {
        return Some(Tag { key, value });
    }
    errors.push(CheckError::TagValue {
        key: tag.key.text.to_string(),
        value: tag.value.text.to_string(),
        span: tag.value.span,
        suggestion: suggest(&tag.value.text, allowed.iter().map(String::as_str)),
        allowed,
    });
    None
}

/// A question: it asks, and has no rule; `should` unless it says `must`.
fn question(
    item: &Item,
    rules: &[&ast::Rule],
    fields: &DutyFields<'_>,
    errors: &mut Vec<CheckError>,
) -> (DutyKind, ast::Modality) {
    if let Some(rule) = rules.first() {
        errors.push(CheckError::RuleCount {
            item: item.name.text.to_string(),
            found: rules.len(),
            span: rule.span,
        });
    }
    let modality = match fields.modality {
        Some("must") => ast::Modality::Must,
        _ => ast::Modality::Should,
    };
    (
        DutyKind::Question {
            asks: fields.asks.clone().unwrap_or_default(),
            renew_on_change_of: fields.renew_on_change_of,
            reads: fields.reads.clone(),
        },
        modality,
    )
}

/// A duty's one rule, resolved and type-checked.
fn rule(
    item: &Item,
    rules: &[&ast::Rule],
    policy: &Policy,
    scope: &Scope,
    sources: &SourceMap,
    errors: &mut Vec<CheckError>,
) -> Option<(DutyKind, ast::Modality)> {
    let rule = match rules {
        [rule] => rule,
        [] => {
            errors.push(CheckError::RuleCount {
                item: item.name.text.to_string(),
                found: 0,
                span: item.name.span,
            });
            return None;
        }
        [_, extra, ..] => {
            errors.push(CheckError::RuleCount {
                item: item.name.text.to_string(),
                found: rules.len(),
                span: extra.span,
            });
            return None;
        }
    };
    let resolver = Resolver { policy, scope, errors };
    let (subject, predicate) = resolver.claim(&rule.subject, &rule.predicate)?;
    Some((
        DutyKind::Rule {
            subject,
            predicate,
            text: words_of(sources, rule.span),
            predicate_text: words_of(sources, rule.predicate.span),
        },
        rule.modality,
    ))
}

/// The source text of a span with runs of white space made single spaces.
fn words_of(sources: &SourceMap, span: Span) -> String {
    sources.slice(span).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a subject binds: the council, or entities of one kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Binds {
    Council,
    Entities(EntityKind),
}

/// Resolves a written claim's names and checks that what its predicate
/// says can be said of what its subject binds.
struct Resolver<'p, 'e> {
    policy: &'p Policy,
    scope: &'p Scope,
    errors: &'e mut Vec<CheckError>,
}

impl Resolver<'_, '_> {
    fn claim(mut self, subject: &ast::Subject, predicate: &ast::Predicate) -> Option<(Subject, Predicate)> {
        let (subject, binds) = self.subject(subject)?;
        let predicate = self.predicate(predicate, binds)?;
        Some((subject, predicate))
    }

    fn subject(&mut self, subject: &ast::Subject) -> Option<(Subject, Binds)> {
        match subject {
            ast::Subject::Council { .. } => Some((Subject::Council, Binds::Council)),
            ast::Subject::Role(name) => {
                let role = self.scope.roles.resolve(name, self.errors)?;
                let holder = self.policy.role(role)?.holder;
                Some((Subject::Role(role), Binds::Entities(holder)))
            }
            ast::Subject::Quantified {
                quantifier,
                entity,
                holding,
                ..
            } => {
                let holding = match holding {
                    Some(name) => {
                        let role = self.scope.roles.resolve(name, self.errors)?;
                        self.holder_matches(role, *entity, name.span);
                        Some(role)
                    }
                    None => None,
                };
                Some((
                    Subject::Quantified {
                        quantifier: *quantifier,
                        entity: *entity,
                        holding,
                    },
                    Binds::Entities(*entity),
                ))
            }
        }
    }

    fn holder_matches(&mut self, role: RoleId, entity: EntityKind, span: Span) {
        if let Some(declared) = self.policy.role(role) {
            if declared.holder != entity {
                self.errors.push(CheckError::WrongKind {
                    expected: Needed::RoleHeldBy { kind: entity },
                    found: Found::Role {
                        name: declared.key.clone(),
                        holder: declared.holder,
                    },
                    span,
                    declared: Some(declared.span),
                });
            }
        }
    }

    fn predicate(&mut self, predicate: &ast::Predicate, binds: Binds) -> Option<Predicate> {
        let span = predicate.span;
        match &predicate.kind {
            ast::PredicateKind::And(parts) => self.all(parts, binds).map(Predicate::And),
            ast::PredicateKind::Or(parts) => self.all(parts, binds).map(Predicate::Or),
            ast::PredicateKind::Not(inner) => self
                .predicate(inner, binds)
                .map(|inner| Predicate::Not(Box::new(inner))),
            ast::PredicateKind::Atom(atom) => self.atom(atom, binds, span),
        }
    }

    fn all(&mut self, parts: &[ast::Predicate], binds: Binds) -> Option<Vec<Predicate>> {
        let mut resolved = Vec::with_capacity(parts.len());
        let mut failed = false;
        for part in parts {
            match self.predicate(part, binds) {
                Some(part) => resolved.push(part),
                None => failed = true,
            }
        }
        (!failed).then_some(resolved)
    }

    fn needs_entities(&mut self, binds: Binds, allowed: &[EntityKind], what: Said, span: Span) -> bool {
        match binds {
            Binds::Council => {
                self.errors.push(CheckError::MisusedPredicate {
                    problem: Misuse::SaidOfTheCouncil { what },
                    span,
                });
                false
            }
            Binds::Entities(kind) if !allowed.contains(&kind) => {
                self.errors.push(CheckError::MisusedPredicate {
                    problem: Misuse::SaidOfWrongKind {
                        what,
                        allowed: allowed.to_vec(),
                        subject: kind,
                    },
                    span,
                });
                false
            }
            Binds::Entities(_) => true,
        }
    }

    fn needs_council(&mut self, binds: Binds, span: Span) -> bool {
        if binds == Binds::Council {
            return true;
        }
        self.errors.push(CheckError::MisusedPredicate {
            problem: Misuse::TimelineOfEntities,
            span,
        });
        false
    }

    fn atom(&mut self, atom: &ast::Atom, binds: Binds, span: Span) -> Option<Predicate> {
        match atom {
            ast::Atom::Hold { roles } => self.hold(roles, binds, span),
            ast::Atom::Responsible { only, functions } => self.responsible(*only, functions, binds, span),
            ast::Atom::Kind { kind } => self.kind(kind, binds, span),
            ast::Atom::Attribute { attribute } => self.attribute(attribute, binds, span),
            ast::Atom::Compare {
                attribute,
                comparator,
                literal,
            } => self.compare(attribute, *comparator, literal, binds, span),
            ast::Atom::After {
                event,
                trigger,
                of,
                within,
                allowing,
            } => {
                let deadline = within.map(|period| Deadline {
                    months: period.months,
                    strict: !*allowing,
                });
                self.after(*event, *trigger, of.as_ref(), deadline, binds, span)
            }
            ast::Atom::Before { event, trigger, of } => {
                let of = self.trigger_role(*trigger, of.as_ref(), span)?;
                self.needs_council(binds, span).then_some(Predicate::Before {
                    event: *event,
                    trigger: *trigger,
                    of,
                })
            }
            ast::Atom::Uses { model } => self.governance(model, false, binds, span),
            ast::Atom::Considers { model } => self.governance(model, true, binds, span),
            ast::Atom::Every { event, period } => self.needs_council(binds, span).then_some(Predicate::Every {
                event: *event,
                months: period.months,
            }),
            ast::Atom::Relation {
                relation,
                of_kind,
                target,
            } => self.relation(relation, *of_kind, target, binds, span),
        }
    }

    /// `hold R, S`.
    fn hold(&mut self, roles: &[ast::Name], binds: Binds, span: Span) -> Option<Predicate> {
        let mut resolved = Vec::new();
        for name in roles {
            let role = self.scope.roles.resolve(name, self.errors)?;
            if let Binds::Entities(kind) = binds {
                self.holder_matches(role, kind, name.span);
            }
            resolved.push(role);
        }
        self.needs_entities(binds, &[EntityKind::Post, EntityKind::Member], Said::HoldingRole, span)
            .then_some(Predicate::Hold(resolved))
    }

    /// `responsible_for [only] F, G`.
    fn responsible(&mut self, only: bool, functions: &[ast::Name], binds: Binds, span: Span) -> Option<Predicate> {
        let mut resolved = Vec::new();
        for name in functions {
            resolved.push(self.scope.functions.resolve(name, self.errors)?);
        }
        self.needs_entities(
            binds,
            &[EntityKind::Post, EntityKind::Member],
            Said::Responsibility,
            span,
        )
        .then_some(Predicate::Responsible {
            only,
            functions: resolved,
        })
    }

    /// `be a KIND`.
    fn kind(&mut self, kind: &ast::Name, binds: Binds, span: Span) -> Option<Predicate> {
        let kind = self.scope.body_kinds.resolve(kind, self.errors)?;
        self.needs_entities(binds, &[EntityKind::Body], Said::BeingKindOfBody, span)
            .then_some(Predicate::Kind(kind))
    }

    /// `be ATTRIBUTE`, of a yes/no attribute.
    fn attribute(&mut self, attribute: &ast::Name, binds: Binds, span: Span) -> Option<Predicate> {
        let id = self.scope.attributes.resolve(attribute, self.errors)?;
        let declared = self.policy.attribute(id)?;
        if declared.value_type != ValueType::Bool {
            self.errors.push(CheckError::WrongKind {
                expected: Needed::YesNoAttribute,
                found: Found::Attribute {
                    name: declared.key.clone(),
                    value_type: declared.value_type,
                },
                span: attribute.span,
                declared: Some(declared.span),
            });
            return None;
        }
        let on = declared.on.clone();
        self.needs_entities(binds, &on, Said::Attribute(declared.key.clone()), span)
            .then_some(Predicate::Attribute(id))
    }

    /// `have ATTRIBUTE [OP] VALUE`, the value of the attribute's type.
    fn compare(
        &mut self,
        attribute: &ast::Name,
        comparator: Comparator,
        literal: &ast::Literal,
        binds: Binds,
        span: Span,
    ) -> Option<Predicate> {
        let id = self.scope.attributes.resolve(attribute, self.errors)?;
        let declared = self.policy.attribute(id)?;
        let Some(value) = typed(&literal.kind, declared.value_type) else {
            self.errors.push(CheckError::WrongType {
                field: declared.key.clone(),
                expected: Shape::Value(declared.value_type),
                span: literal.span,
                declared: Some(declared.span),
            });
            return None;
        };
        let on = declared.on.clone();
        self.needs_entities(binds, &on, Said::Attribute(declared.key.clone()), span)
            .then_some(Predicate::Compare {
                attribute: id,
                comparator,
                value,
            })
    }

    /// `EVENT after each TRIGGER [of ROLE] [within PERIOD]`; an extension
    /// is of a role with a remit.
    fn after(
        &mut self,
        event: EventKind,
        trigger: Trigger,
        of: Option<&ast::Name>,
        within: Option<Deadline>,
        binds: Binds,
        span: Span,
    ) -> Option<Predicate> {
        let of = self.trigger_role(trigger, of, span)?;
        self.needs_council(binds, span).then_some(Predicate::After {
            event,
            trigger,
            of,
            within,
        })
    }

    /// The role a timeline duty's triggers concern (`of DCS`), resolved:
    /// an extension needs a role with a remit to go beyond.
    fn trigger_role(&mut self, trigger: Trigger, of: Option<&ast::Name>, span: Span) -> Option<Option<RoleId>> {
        let of = match of {
            Some(name) => Some(self.scope.roles.resolve(name, self.errors)?),
            None => None,
        };
        if trigger == Trigger::Extension {
            let remit = of
                .and_then(|role| self.policy.role(role))
                .map(|role| !role.remit.is_empty());
            if remit != Some(true) {
                self.errors.push(CheckError::MisusedPredicate {
                    problem: Misuse::ExtensionWithoutRemit {
                        role: of.and_then(|role| self.policy.role(role)).map(|role| role.key.clone()),
                    },
                    span,
                });
                return None;
            }
        }
        Some(of)
    }

    /// `uses MODEL` or `considers MODEL`, said of the council.
    fn governance(&mut self, model: &ast::Name, considering: bool, binds: Binds, span: Span) -> Option<Predicate> {
        let Some(found) = Governance::ALL.into_iter().find(|known| known.word() == model.text) else {
            self.errors.push(CheckError::NotOneOf {
                field: if considering { "considers" } else { "uses" }.to_owned(),
                value: model.text.to_string(),
                allowed: Governance::ALL.map(Governance::word).to_vec(),
                span: model.span,
            });
            return None;
        };
        if binds != Binds::Council {
            self.errors.push(CheckError::MisusedPredicate {
                problem: Misuse::GovernanceOfEntities,
                span,
            });
            return None;
        }
        Some(Predicate::Governance {
            model: found,
            considering,
        })
    }

    /// `RELATION [a] TARGET`: to a kind of body, or to the holders of a
    /// role, each of a kind the relation may lead to.
    fn relation(
        &mut self,
        relation: &ast::Name,
        of_kind: bool,
        target: &ast::Name,
        binds: Binds,
        span: Span,
    ) -> Option<Predicate> {
        let id = self.scope.relations.resolve(relation, self.errors)?;
        let declared = self.policy.relation(id)?;
        let target = if of_kind {
            self.kind_target(declared, target)?
        } else {
            self.role_target(declared, target)?
        };
        self.needs_entities(binds, &declared.from, Said::Relation(declared.key.clone()), span)
            .then_some(Predicate::Relation { relation: id, target })
    }

    /// `RELATION a KIND`: the relation must lead to bodies.
    fn kind_target(&mut self, declared: &Relation, target: &ast::Name) -> Option<Target> {
        let kind = self.scope.body_kinds.resolve(target, self.errors)?;
        if !declared.to.contains(&EntityKind::Body) {
            self.errors.push(CheckError::WrongKind {
                expected: Needed::RelationTo {
                    relation: declared.key.clone(),
                    kinds: declared.to.clone(),
                },
                found: Found::BodyKind {
                    name: target.text.to_string(),
                },
                span: target.span,
                declared: Some(declared.span),
            });
            return None;
        }
        Some(Target::Kind(kind))
    }

    /// `RELATION ROLE`: the relation must lead to the role's holders; a
    /// kind of body written without `a` is said to be one.
    fn role_target(&mut self, declared: &Relation, target: &ast::Name) -> Option<Target> {
        let Some(role) = self.scope.roles.get(&target.text) else {
            let mut error = self.scope.roles.unknown(target);
            if self.scope.body_kinds.get(&target.text).is_some() {
                error = CheckError::WrongKind {
                    expected: Needed::RoleOrBodyKind,
                    found: Found::BodyKind {
                        name: target.text.to_string(),
                    },
                    span: target.span,
                    declared: None,
                };
            }
            self.errors.push(error);
            return None;
        };
        let holder = self.policy.role(role)?;
        if !declared.to.contains(&holder.holder) {
            self.errors.push(CheckError::WrongKind {
                expected: Needed::RelationBetween {
                    relation: declared.key.clone(),
                    from: declared.from.clone(),
                    to: declared.to.clone(),
                },
                found: Found::Role {
                    name: holder.key.clone(),
                    holder: holder.holder,
                },
                span: target.span,
                declared: Some(holder.span),
            });
            return None;
        }
        Some(Target::Role(role))
    }
}

/// Where a law's relation leads: to the holders of a role, or (a name of a
/// kind of body) to a body of that kind; the relation checked to lead
/// there.
pub(super) fn law_target(
    policy: &Policy,
    scope: &Scope,
    relation: RelationId,
    value: &ast::Name,
    errors: &mut Vec<CheckError>,
) -> Option<Target> {
    let declared = policy.relation(relation)?;
    let mut resolver = Resolver { policy, scope, errors };
    if scope.body_kinds.get(&value.text).is_some() {
        resolver.kind_target(declared, value)
    } else {
        resolver.role_target(declared, value)
    }
}

/// `must P` beside `must not P` (or `should` beside `should not` of a
/// `must`) for the same subject, where neither duty's conditions exclude
/// the other's.
pub(super) fn contradictions(policy: &Policy, errors: &mut Vec<CheckError>) {
    for (index, later) in policy.duties.iter().enumerate() {
        let DutyKind::Rule { subject, predicate, .. } = &later.kind else {
            continue;
        };
        for earlier in policy.duties.iter().take(index) {
            let DutyKind::Rule {
                subject: other_subject,
                predicate: other_predicate,
                ..
            } = &earlier.kind
            else {
                continue;
            };
            let opposed = later.modality.is_negative() != earlier.modality.is_negative()
                && later.modality != ast::Modality::May
                && earlier.modality != ast::Modality::May;
            let binding = matches!(later.modality, ast::Modality::Must | ast::Modality::MustNot)
                || matches!(earlier.modality, ast::Modality::Must | ast::Modality::MustNot);
            let overlapping = later.conditions.is_empty()
                || earlier.conditions.is_empty()
                || same_conditions(&later.conditions, &earlier.conditions);
            if opposed && binding && overlapping && subject == other_subject && predicate == other_predicate {
                errors.push(CheckError::Contradiction {
                    duty: later.key.clone(),
                    span: later.span,
                    other: earlier.key.clone(),
                    other_span: earlier.span,
                });
            }
        }
    }
}

fn same_conditions(left: &[Condition], right: &[Condition]) -> bool {
    left.len() == right.len()
        && left
            .iter()
            .zip(right)
            .all(|(a, b)| a.kind == b.kind && a.subject == b.subject && a.predicate == b.predicate)
}
