//! Lowering a duty's rule and a condition's claim: the subject, the
//! modality and the predicate, down to its atoms and periods. `and`/`or`
//! chains become flat lists and `not not P` is counted, not nested, so no
//! input builds a deep tree.

use super::{Lowerer, P};
use crate::source::Span;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;
use crate::syntax::grammar::Rule;

impl Lowerer {
    pub(super) fn condition(&mut self, pair: P<'_>) -> Option<Condition> {
        let span = self.tight_span(&pair);
        let mut kind = ConditionKind::When;
        let mut claim = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::condition_kw if part.as_str() == "unless" => kind = ConditionKind::Unless,
                Rule::condition_kw => {}
                Rule::claim => claim = self.claim(part),
                _ => self.internal(&part, "a condition"),
            }
        }
        Some(Condition {
            kind,
            claim: claim?,
            span,
        })
    }

    fn claim(&mut self, pair: P<'_>) -> Option<Claim> {
        let mut subject = None;
        let mut predicate = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::subject => subject = self.subject(part),
                Rule::predicate => predicate = self.predicate(part),
                _ => self.internal(&part, "a claim"),
            }
        }
        Some(Claim {
            subject: subject?,
            predicate: predicate?,
        })
    }

    pub(super) fn rule(&mut self, pair: P<'_>) -> Option<Rule_> {
        let span = self.tight_span(&pair);
        let mut subject = None;
        let mut modality = None;
        let mut predicate = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::subject => subject = self.subject(part),
                Rule::modality => modality = part.into_inner().next().and_then(|inner| modality_of(inner.as_rule())),
                Rule::predicate => predicate = self.predicate(part),
                _ => self.internal(&part, "a rule"),
            }
        }
        Some(Rule_ {
            subject: subject?,
            modality: modality?,
            predicate: predicate?,
            span,
        })
    }

    fn subject(&mut self, pair: P<'_>) -> Option<Subject> {
        let inner = pair.into_inner().next()?;
        let span = self.span(&inner);
        match inner.as_rule() {
            Rule::council_subject => Some(Subject::Council { span }),
            Rule::role_subject => inner
                .into_inner()
                .find(|part| part.as_rule() == Rule::name)
                .map(|part| Subject::Role(self.name(&part))),
            Rule::quantified_subject => self.quantified_subject(inner, span),
            _ => {
                self.internal(&inner, "a subject");
                None
            }
        }
    }

    /// `each post holding DCS`, `exactly one member`, `no body`.
    fn quantified_subject(&mut self, pair: P<'_>, span: Span) -> Option<Subject> {
        let mut quantifier = None;
        let mut entity = None;
        let mut holding = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::quantifier => {
                    quantifier = part.into_inner().next().and_then(|q| quantifier_of(q.as_rule()));
                }
                Rule::entity_kind => entity = EntityKind::from_word(part.as_str()),
                Rule::holding_filter => {
                    holding = part
                        .into_inner()
                        .find(|p| p.as_rule() == Rule::name)
                        .map(|p| self.name(&p));
                }
                _ => self.internal(&part, "a subject"),
            }
        }
        Some(Subject::Quantified {
            quantifier: quantifier?,
            entity: entity?,
            holding,
            span,
        })
    }

    fn predicate(&mut self, pair: P<'_>) -> Option<Predicate> {
        let span = self.tight_span(&pair);
        let mut alternatives = Vec::new();
        for part in pair.into_inner() {
            if part.as_rule() == Rule::conjunction {
                alternatives.push(self.conjunction(part)?);
            }
        }
        flatten(alternatives, span, PredicateKind::Or)
    }

    fn conjunction(&mut self, pair: P<'_>) -> Option<Predicate> {
        let span = self.tight_span(&pair);
        let mut parts = Vec::new();
        for part in pair.into_inner() {
            if part.as_rule() == Rule::negation {
                parts.push(self.negation(part)?);
            }
        }
        flatten(parts, span, PredicateKind::And)
    }

    fn negation(&mut self, pair: P<'_>) -> Option<Predicate> {
        let span = self.tight_span(&pair);
        let mut negations = 0usize;
        let mut primary = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_not => negations += 1,
                Rule::primary => primary = self.primary(part),
                _ => self.internal(&part, "a negation"),
            }
        }
        let primary = primary?;
        // `not not P` is P: only the parity matters, so no chain of nots
        // becomes a deep tree.
        Some(if negations % 2 == 1 {
            Predicate {
                kind: PredicateKind::Not(Box::new(primary)),
                span,
            }
        } else {
            primary
        })
    }

    fn primary(&mut self, pair: P<'_>) -> Option<Predicate> {
        let inner = pair.into_inner().next()?;
        let span = self.span(&inner);
        match inner.as_rule() {
            Rule::predicate => self.predicate(inner),
            Rule::atom => self.atom(inner).map(|atom| Predicate {
                kind: PredicateKind::Atom(atom),
                span,
            }),
            _ => {
                self.internal(&inner, "a predicate");
                None
            }
        }
    }

    fn atom(&mut self, pair: P<'_>) -> Option<Atom> {
        let inner = pair.into_inner().next()?;
        let rule = inner.as_rule();
        let parts: Vec<P<'_>> = inner.clone().into_inner().collect();
        let names: Vec<Name> = parts
            .iter()
            .filter(|part| part.as_rule() == Rule::name)
            .map(|part| self.name(part))
            .collect();
        let has = |wanted: Rule| parts.iter().any(|part| part.as_rule() == wanted);
        match rule {
            Rule::uses_atom => Some(Atom::Uses {
                model: names.into_iter().next()?,
            }),
            Rule::considers_atom => Some(Atom::Considers {
                model: names.into_iter().next()?,
            }),
            Rule::hold_atom => Some(Atom::Hold { roles: names }),
            Rule::responsible_atom => Some(Atom::Responsible {
                only: has(Rule::kw_only),
                functions: names,
            }),
            Rule::kind_atom => Some(Atom::Kind {
                kind: names.into_iter().next()?,
            }),
            Rule::attribute_atom => Some(Atom::Attribute {
                attribute: names.into_iter().next()?,
            }),
            Rule::comparison_atom => self.comparison(&parts, names),
            Rule::after_atom => self.after(&parts, names),
            Rule::before_atom => self.before(&parts, names),
            Rule::every_atom => self.every(parts),
            Rule::relation_atom => {
                let mut names = names.into_iter();
                Some(Atom::Relation {
                    relation: names.next()?,
                    of_kind: has(Rule::article),
                    target: names.next()?,
                })
            }
            _ => {
                self.internal(&inner, "a predicate");
                None
            }
        }
    }

    /// `ATTRIBUTE >= LITERAL`; a bare attribute compares with `=`.
    fn comparison(&mut self, parts: &[P<'_>], names: Vec<Name>) -> Option<Atom> {
        let comparator = parts
            .iter()
            .find(|part| part.as_rule() == Rule::comparator)
            .map_or(Some(Comparator::Equal), |part| comparator_of(part.as_str()))?;
        let literal_pair = parts.iter().find(|part| part.as_rule() == Rule::literal)?;
        let literal_inner = literal_pair.clone().into_inner().next()?;
        let literal = Literal {
            kind: self.value_kind(&literal_inner)?,
            span: self.span(&literal_inner),
        };
        Some(Atom::Compare {
            attribute: names.into_iter().next()?,
            comparator,
            literal,
        })
    }

    /// `review after appointment of DCS within 12 months`, or after an
    /// extension.
    fn after(&mut self, parts: &[P<'_>], names: Vec<Name>) -> Option<Atom> {
        let mut events = parts
            .iter()
            .filter(|part| part.as_rule() == Rule::event_kind)
            .filter_map(|part| EventKind::from_word(part.as_str()));
        let event = events.next()?;
        let trigger = if parts.iter().any(|part| part.as_rule() == Rule::kw_extension) {
            Trigger::Extension
        } else {
            Trigger::Event(events.next()?)
        };
        let period = parts.iter().find(|part| part.as_rule() == Rule::within);
        let allowing = period.is_some_and(|period| {
            period
                .clone()
                .into_inner()
                .any(|part| part.as_rule() == Rule::kw_allowing)
        });
        let within = match period {
            Some(within) => Some(self.duration(within.clone().into_inner().collect())?),
            None => None,
        };
        Some(Atom::After {
            event,
            trigger,
            of: names.into_iter().next(),
            within,
            allowing,
        })
    }

    /// `review before each extension of DCS`.
    fn before(&mut self, parts: &[P<'_>], names: Vec<Name>) -> Option<Atom> {
        let mut events = parts
            .iter()
            .filter(|part| part.as_rule() == Rule::event_kind)
            .filter_map(|part| EventKind::from_word(part.as_str()));
        let event = events.next()?;
        let trigger = if parts.iter().any(|part| part.as_rule() == Rule::kw_extension) {
            Trigger::Extension
        } else {
            Trigger::Event(events.next()?)
        };
        Some(Atom::Before {
            event,
            trigger,
            of: names.into_iter().next(),
        })
    }

    /// `review every 12 months`.
    fn every(&mut self, parts: Vec<P<'_>>) -> Option<Atom> {
        let event = parts
            .iter()
            .find(|part| part.as_rule() == Rule::event_kind)
            .and_then(|part| EventKind::from_word(part.as_str()))?;
        let period = self.duration(parts)?;
        Some(Atom::Every { event, period })
    }

    fn duration(&mut self, parts: Vec<P<'_>>) -> Option<Period> {
        let number = parts.iter().find(|part| part.as_rule() == Rule::number)?;
        let unit = parts.iter().find(|part| part.as_rule() == Rule::period_unit)?;
        let span = self.span(number).to(self.span(unit));
        let count: u32 = number.as_str().parse().unwrap_or(0);
        let months = if unit.as_str().starts_with("year") {
            count.saturating_mul(12)
        } else {
            count
        };
        if months == 0 || months > 1200 {
            self.errors.push(SyntaxError::BadPeriod { span });
            return None;
        }
        Some(Period { months, span })
    }
}

/// Our rule type, renamed here because pest's generated `Rule` enum has
/// the name in this file.
type Rule_ = crate::syntax::ast::Rule;

fn flatten(mut parts: Vec<Predicate>, span: Span, wrap: fn(Vec<Predicate>) -> PredicateKind) -> Option<Predicate> {
    if parts.len() <= 1 {
        return parts.pop();
    }
    Some(Predicate {
        kind: wrap(parts),
        span,
    })
}

fn modality_of(rule: Rule) -> Option<Modality> {
    match rule {
        Rule::must => Some(Modality::Must),
        Rule::must_not => Some(Modality::MustNot),
        Rule::should => Some(Modality::Should),
        Rule::should_not => Some(Modality::ShouldNot),
        Rule::may => Some(Modality::May),
        _ => None,
    }
}

fn quantifier_of(rule: Rule) -> Option<Quantifier> {
    match rule {
        Rule::each => Some(Quantifier::Each),
        Rule::exactly_one => Some(Quantifier::ExactlyOne),
        Rule::at_least_one => Some(Quantifier::AtLeastOne),
        Rule::no_quantifier => Some(Quantifier::No),
        _ => None,
    }
}

fn comparator_of(text: &str) -> Option<Comparator> {
    match text {
        "=" => Some(Comparator::Equal),
        "!=" => Some(Comparator::NotEqual),
        "<" => Some(Comparator::Less),
        "<=" => Some(Comparator::LessOrEqual),
        ">" => Some(Comparator::Greater),
        ">=" => Some(Comparator::GreaterOrEqual),
        _ => None,
    }
}
