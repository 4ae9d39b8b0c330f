//! The names of the policy's vocabulary that a resolved rule or condition
//! mentions, walked in one place: the checker asks it which vocabulary is
//! unused, evaluation which kinds of body a duty is about.

use super::{AttributeId, BodyKindId, FunctionId, Predicate, RelationId, RoleId, Subject, Target};

/// A name of the vocabulary, as a predicate or subject mentions it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mention {
    /// A role.
    Role(RoleId),
    /// A function.
    Function(FunctionId),
    /// A kind of body.
    BodyKind(BodyKindId),
    /// A relation.
    Relation(RelationId),
    /// An attribute.
    Attribute(AttributeId),
}

impl Predicate {
    /// Every name of the vocabulary the predicate mentions, at any depth,
    /// in the order written (a name mentioned twice is given twice).
    pub fn mentions(&self) -> Vec<Mention> {
        let mut found = Vec::new();
        // A stack, not recursion: nesting is capped, but nothing here
        // needs to trust it.
        let mut stack = vec![self];
        while let Some(predicate) = stack.pop() {
            match predicate {
                Predicate::And(parts) | Predicate::Or(parts) => stack.extend(parts.iter().rev()),
                Predicate::Not(inner) => stack.push(inner),
                Predicate::Hold(roles) => found.extend(roles.iter().copied().map(Mention::Role)),
                Predicate::Responsible { functions, .. } => {
                    found.extend(functions.iter().copied().map(Mention::Function));
                }
                Predicate::Kind(kind) => found.push(Mention::BodyKind(*kind)),
                Predicate::Attribute(attribute) | Predicate::Compare { attribute, .. } => {
                    found.push(Mention::Attribute(*attribute));
                }
                Predicate::After { of, .. } | Predicate::Before { of, .. } => found.extend(of.map(Mention::Role)),
                Predicate::Every { .. } | Predicate::Governance { .. } => {}
                Predicate::Relation { relation, target } => {
                    found.push(Mention::Relation(*relation));
                    found.push(match target {
                        Target::Role(role) => Mention::Role(*role),
                        Target::Kind(kind) => Mention::BodyKind(*kind),
                    });
                }
            }
        }
        found
    }
}

impl Subject {
    /// The role the subject names: the one whose holders it is, or the one
    /// its count is limited to.
    pub fn role(&self) -> Option<RoleId> {
        match self {
            Subject::Council => None,
            Subject::Role(role) => Some(*role),
            Subject::Quantified { holding, .. } => *holding,
        }
    }
}
