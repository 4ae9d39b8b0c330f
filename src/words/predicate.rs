//! Predicates as verb phrases of the guidance's vocabulary: what a duty or
//! its condition asks of its subject, said of one entity or of several,
//! negated or not, never in the rule's own syntax.

use super::{and_list, indefinite, or_list, period, Wording};
use crate::eval::Clause;
use crate::model::{
    AttributeId, BodyKindId, Comparator, Deadline, DutyKind, EventKind, FunctionId, Governance, Predicate, RelationId,
    RoleId, Subject, Target, Trigger, TypedValue,
};

/// Whether a verb phrase is said of one entity or of several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Number {
    One,
    Many,
}

/// The form of a verb phrase for the negation and number wanted, from its
/// four forms: of one, of several, of one negated, of several negated.
fn agree(negated: bool, number: Number, [one, many, not_one, not_many]: [&str; 4]) -> String {
    match (negated, number) {
        (false, Number::One) => one.to_owned(),
        (false, Number::Many) => many.to_owned(),
        (true, Number::One) => not_one.to_owned(),
        (true, Number::Many) => not_many.to_owned(),
    }
}

/// "is" in every form.
const IS: [&str; 4] = ["is", "are", "is not", "are not"];

/// "holds" in every form.
const HOLDS: [&str; 4] = ["holds", "hold", "does not hold", "do not hold"];

impl Wording<'_> {
    /// The predicate a count was about, in words, as said of one entity
    /// ("holds Director of Children's Services") or of several ("hold …").
    pub(super) fn clause(&self, clause: Clause, negated: bool, number: Number) -> String {
        let predicate = match clause {
            Clause::Rule(duty) => self.policy.duty(duty).and_then(|duty| match &duty.kind {
                DutyKind::Rule { predicate, .. } => Some(predicate),
                DutyKind::Question { .. } => None,
            }),
            Clause::Condition(duty, index) => self
                .policy
                .duty(duty)
                .and_then(|duty| duty.conditions.get(index))
                .map(|condition| &condition.predicate),
            Clause::LawCondition(law, index) => self
                .policy
                .law(law)
                .and_then(|law| law.conditions.get(index))
                .map(|condition| &condition.predicate),
        };
        match predicate {
            Some(predicate) => self.predicate(predicate, negated, number),
            None => agree(
                negated,
                number,
                [
                    "meets the condition",
                    "meet the condition",
                    "does not meet the condition",
                    "do not meet the condition",
                ],
            ),
        }
    }

    /// Whom a duty or condition is about: "the Director of Children's
    /// Services", "the council", "exactly one post holding …".
    pub(super) fn subject(&self, subject: &Subject) -> String {
        match subject {
            Subject::Council => "the council".to_owned(),
            Subject::Role(role) => format!("the {}", self.role(*role)),
            Subject::Quantified {
                quantifier,
                entity,
                holding,
            } => format!("{} {}", quantifier.words(), self.noun(*entity, *holding)),
        }
    }

    /// A predicate as a verb phrase of the guidance's vocabulary, by the
    /// titles the policy gives roles, functions, kinds of body, relations
    /// and attributes: never the rule's own syntax.
    pub(super) fn predicate(&self, predicate: &Predicate, negated: bool, number: Number) -> String {
        match predicate {
            // Not (A and B) is (not A) or (not B): said so, no brackets are
            // needed.
            Predicate::And(parts) => self.joined_phrase(parts, !negated, negated, number),
            Predicate::Or(parts) => self.joined_phrase(parts, negated, negated, number),
            Predicate::Not(inside) => self.predicate(inside, !negated, number),
            Predicate::Hold(roles) => self.holds_phrase(roles, negated, number),
            Predicate::Responsible { only, functions } => self.responsible_phrase(*only, functions, negated, number),
            Predicate::Kind(kind) => self.kind_phrase(*kind, negated, number),
            Predicate::Attribute(attribute) => self.attribute_phrase(*attribute, negated, number),
            Predicate::Compare {
                attribute,
                comparator,
                value,
            } => self.compare_phrase(*attribute, *comparator, value, negated, number),
            Predicate::After {
                event,
                trigger,
                of,
                within,
            } => self.after_phrase(*event, *trigger, *of, *within, negated, number),
            Predicate::Before { event, trigger, of } => self.before_phrase(*event, *trigger, *of, negated, number),
            Predicate::Governance { model, considering } => governance_phrase(*model, *considering, negated, number),
            Predicate::Every { event, months } => every_phrase(*event, *months, negated, number),
            Predicate::Relation { relation, target } => self.relation_phrase(*relation, target, negated, number),
        }
    }

    /// Parts joined as all of them ("a, b and c") or any ("a, b or c").
    fn joined_phrase(&self, parts: &[Predicate], all: bool, negated: bool, number: Number) -> String {
        let words: Vec<String> = parts.iter().map(|part| self.predicate(part, negated, number)).collect();
        if all {
            and_list(&words)
        } else {
            or_list(&words)
        }
    }

    /// "holds Director of Children's Services and …".
    fn holds_phrase(&self, roles: &[RoleId], negated: bool, number: Number) -> String {
        let titles: Vec<String> = roles.iter().map(|role| self.role(*role)).collect();
        format!("{} {}", agree(negated, number, HOLDS), and_list(&titles))
    }

    /// "is responsible (only) for …".
    fn responsible_phrase(&self, only: bool, functions: &[FunctionId], negated: bool, number: Number) -> String {
        format!(
            "{} responsible {}for {}",
            agree(negated, number, IS),
            if only { "only " } else { "" },
            self.functions(functions)
        )
    }

    /// "is a schools forum".
    fn kind_phrase(&self, kind: BodyKindId, negated: bool, number: Number) -> String {
        format!("{} {}", agree(negated, number, IS), indefinite(&self.body_kind(kind)))
    }

    /// "is politically restricted".
    fn attribute_phrase(&self, attribute: AttributeId, negated: bool, number: Number) -> String {
        format!("{} {}", agree(negated, number, IS), self.attribute(attribute).0)
    }

    /// "has an officer tier of 1 or less".
    fn compare_phrase(
        &self,
        attribute: AttributeId,
        comparator: Comparator,
        value: &TypedValue,
        negated: bool,
        number: Number,
    ) -> String {
        let than = match comparator {
            Comparator::Equal => format!("of {value}"),
            Comparator::NotEqual => format!("other than {value}"),
            Comparator::Less => format!("below {value}"),
            Comparator::LessOrEqual => format!("of {value} or less"),
            Comparator::Greater => format!("above {value}"),
            Comparator::GreaterOrEqual => format!("of {value} or more"),
        };
        format!(
            "{} {} {than}",
            agree(negated, number, ["has", "have", "does not have", "do not have"]),
            indefinite(&self.attribute(attribute).0)
        )
    }

    /// "holds a review after each change of the Director of Children's
    /// Services within 12 months".
    fn after_phrase(
        &self,
        event: EventKind,
        trigger: Trigger,
        of: Option<RoleId>,
        within: Option<Deadline>,
        negated: bool,
        number: Number,
    ) -> String {
        let of_words = of
            .map(|role| format!(" of the {}", self.role(role)))
            .unwrap_or_default();
        let within_words = within
            .map(|deadline| {
                if deadline.strict {
                    format!(" within {}", period(deadline.months))
                } else {
                    format!(", allowing {} to hold it", period(deadline.months))
                }
            })
            .unwrap_or_default();
        let after = match trigger {
            Trigger::Event(kind) => format!("each {}{of_words}", kind.word()),
            Trigger::Extension => format!("each extension{of_words} beyond its remit"),
        };
        format!(
            "{} {} after {after}{within_words}",
            agree(negated, number, HOLDS),
            indefinite(event.word()),
        )
    }

    /// "holds a review before each extension of the Director of
    /// Children's Services beyond its remit".
    fn before_phrase(
        &self,
        event: EventKind,
        trigger: Trigger,
        of: Option<RoleId>,
        negated: bool,
        number: Number,
    ) -> String {
        let of_words = of
            .map(|role| format!(" of the {}", self.role(role)))
            .unwrap_or_default();
        let before = match trigger {
            Trigger::Event(kind) => format!("each {}{of_words}", kind.word()),
            Trigger::Extension => format!("each extension{of_words} beyond its remit"),
        };
        format!(
            "{} {} before {before}",
            agree(negated, number, HOLDS),
            indefinite(event.word()),
        )
    }

    /// "reports directly to someone holding …", "chairs a schools forum".
    fn relation_phrase(&self, relation: RelationId, target: &Target, negated: bool, number: Number) -> String {
        let title = self.relation(relation);
        let phrase = relation_verb(&title, negated, number);
        match target {
            Target::Role(role) => format!("{phrase} someone holding {}", self.role(*role)),
            Target::Kind(kind) => format!("{phrase} {}", indefinite(&self.body_kind(*kind))),
        }
    }
}

/// "uses the committee system", "is considering adopting …".
fn governance_phrase(model: Governance, considering: bool, negated: bool, number: Number) -> String {
    if considering {
        format!(
            "{} adopting {}",
            agree(
                negated,
                number,
                [
                    "is considering",
                    "are considering",
                    "is not considering",
                    "are not considering"
                ]
            ),
            governance_words(model)
        )
    } else {
        format!(
            "{} {}",
            agree(negated, number, ["uses", "use", "does not use", "do not use"]),
            governance_words(model)
        )
    }
}

/// "holds a review at least every 2 years".
fn every_phrase(event: EventKind, months: u32, negated: bool, number: Number) -> String {
    format!(
        "{} {} at least every {}",
        agree(negated, number, HOLDS),
        indefinite(event.word()),
        period(months)
    )
}

/// A relation's title ("reports directly to", "is a member of", "chairs")
/// as the verb of a phrase, in the number wanted and negated if asked: the
/// titles are written for one entity, in the present tense.
fn relation_verb(title: &str, negated: bool, number: Number) -> String {
    let (first, rest) = title.split_once(' ').unwrap_or((title, ""));
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!(" {rest}")
    };
    let base = match first {
        "is" | "has" => None,
        verb => Some(verb.strip_suffix('s').unwrap_or(verb)),
    };
    match (first, base, negated, number) {
        ("is", _, false, Number::One) => format!("is{rest}"),
        ("is", _, false, Number::Many) => format!("are{rest}"),
        ("is", _, true, Number::One) => format!("is not{rest}"),
        ("is", _, true, Number::Many) => format!("are not{rest}"),
        ("has", _, false, Number::One) => format!("has{rest}"),
        (_, _, false, Number::One) => title.to_owned(),
        ("has", _, false, Number::Many) => format!("have{rest}"),
        (_, base, false, Number::Many) => format!("{}{rest}", base.unwrap_or(first)),
        ("has", _, true, Number::One) => format!("does not have{rest}"),
        ("has", _, true, Number::Many) => format!("do not have{rest}"),
        (_, base, true, Number::One) => format!("does not {}{rest}", base.unwrap_or(first)),
        (_, base, true, Number::Many) => format!("do not {}{rest}", base.unwrap_or(first)),
    }
}

/// A governance model in words.
pub(super) fn governance_words(model: Governance) -> &'static str {
    match model {
        Governance::LeaderAndCabinet => "leader and cabinet executive arrangements",
        Governance::MayorAndCabinet => "mayor and cabinet executive arrangements",
        Governance::CommitteeSystem => "the committee system",
    }
}

#[cfg(test)]
mod tests {
    use super::{relation_verb, Number};

    #[test]
    fn relation_titles_agree_and_negate() {
        assert_eq!(
            relation_verb("reports directly to", false, Number::One),
            "reports directly to"
        );
        assert_eq!(
            relation_verb("reports directly to", false, Number::Many),
            "report directly to"
        );
        assert_eq!(
            relation_verb("reports directly to", true, Number::One),
            "does not report directly to"
        );
        assert_eq!(
            relation_verb("is a member of", true, Number::Many),
            "are not a member of"
        );
        assert_eq!(relation_verb("is a member of", false, Number::One), "is a member of");
        assert_eq!(relation_verb("has", true, Number::One), "does not have");
        assert_eq!(relation_verb("chairs", true, Number::Many), "do not chair");
    }
}
