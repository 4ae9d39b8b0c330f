//! The rules a policy states: duties and questions (whom each is about,
//! what it asks, under which conditions) and laws, every name resolved.

use std::fmt;

use super::*;
use crate::date::PartialDate;
use crate::source::Span;

/// Whom a rule or condition is about, resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The council as a whole.
    Council,
    /// Each holder of a role.
    Role(RoleId),
    /// A count over entities of a kind.
    Quantified {
        /// The quantifier.
        quantifier: Quantifier,
        /// The kind counted.
        entity: EntityKind,
        /// Only those holding this role.
        holding: Option<RoleId>,
    },
}

/// What a relation must lead to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// An entity holding this role.
    Role(RoleId),
    /// A body of this kind.
    Kind(BodyKindId),
}

/// A typed value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypedValue {
    /// A whole number.
    Int(i64),
    /// Yes or no.
    Bool(bool),
    /// Text.
    Text(String),
    /// A date.
    Date(PartialDate),
}

impl fmt::Display for TypedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypedValue::Int(number) => write!(f, "{number}"),
            TypedValue::Bool(true) => write!(f, "yes"),
            TypedValue::Bool(false) => write!(f, "no"),
            TypedValue::Text(text) => write!(f, "\"{text}\""),
            TypedValue::Date(date) => write!(f, "{date}"),
        }
    }
}

/// A resolved predicate. `And` and `Or` are flat lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Predicate {
    /// All hold.
    And(Vec<Predicate>),
    /// One holds.
    Or(Vec<Predicate>),
    /// Does not hold.
    Not(Box<Predicate>),
    /// Holds every role listed.
    Hold(Vec<RoleId>),
    /// Responsible for every function listed, or (`only`) for none other.
    Responsible {
        /// Whether the functions must all be among those listed.
        only: bool,
        /// The functions.
        functions: Vec<FunctionId>,
    },
    /// A body of this kind.
    Kind(BodyKindId),
    /// A yes/no attribute is yes.
    Attribute(AttributeId),
    /// An attribute compares with a value.
    Compare {
        /// The attribute.
        attribute: AttributeId,
        /// The operator.
        comparator: Comparator,
        /// The value.
        value: TypedValue,
    },
    /// Each trigger event is followed by an event.
    After {
        /// The event that must follow.
        event: EventKind,
        /// The trigger.
        trigger: Trigger,
        /// Only triggers about a holder of this role.
        of: Option<RoleId>,
        /// The period it has to follow in.
        within: Option<Deadline>,
    },
    /// Each trigger event is preceded by an event: the guidance's
    /// "before allocating", which nothing later answers.
    Before {
        /// The event that must come first.
        event: EventKind,
        /// The trigger.
        trigger: Trigger,
        /// Only triggers about a holder of this role.
        of: Option<RoleId>,
    },
    /// An event recurs at least this often.
    Every {
        /// The event.
        event: EventKind,
        /// The period in months.
        months: u32,
    },
    /// The council operates this governance model (`uses`), or is
    /// considering adopting it (`considers`).
    Governance {
        /// The model.
        model: Governance,
        /// `considers` rather than `uses`.
        considering: bool,
    },
    /// The relation leads to the target.
    Relation {
        /// The relation.
        relation: RelationId,
        /// The target.
        target: Target,
    },
}

/// A resolved condition of a duty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// `when` or `unless`.
    pub kind: ConditionKind,
    /// Whom it is about.
    pub subject: Subject,
    /// What is claimed.
    pub predicate: Predicate,
    /// The condition as written, for explanations.
    pub text: String,
    /// Where.
    pub span: Span,
}

/// What a duty asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum DutyKind {
    /// A rule evaluated against facts.
    Rule {
        /// Whom it binds.
        subject: Subject,
        /// What must hold.
        predicate: Predicate,
        /// The rule as written, for explanations.
        text: String,
        /// The predicate as written.
        predicate_text: String,
    },
    /// An assurance question the council answers.
    Question {
        /// The question in the guidance's words.
        asks: String,
        /// An answer is stale once a `change` to a holder of this role
        /// follows it.
        renew_on_change_of: Option<RoleId>,
        /// The ties to organisations beside the council its verdict cites
        /// (`reads providers, employers`).
        reads: Vec<Reading>,
    },
}

/// A duty or assurance question of the guidance.
#[derive(Clone, Debug, PartialEq)]
pub struct Duty {
    /// Its id (`dcs.report_to_chief_executive`).
    pub key: String,
    /// Plain words for reports.
    pub title: Option<String>,
    /// A rule or a question.
    pub kind: DutyKind,
    /// How binding it is.
    pub modality: Modality,
    /// The paragraphs it cites (for their words or their context).
    pub cites: Vec<ParagraphId>,
    /// Each citation as written, with what of the paragraph it encodes.
    pub citations: Vec<Citation>,
    /// When it applies.
    pub conditions: Vec<Condition>,
    /// Classification tags, in the order written.
    pub tags: Vec<Tag>,
    /// The Act or regulations that make it law, for a duty whose force
    /// comes from statute rather than from the guidance alone.
    pub statute: Option<String>,
    /// The first version of the duty: itself, unless an amendment replaces
    /// an earlier one. Answers belong to the family.
    pub family: DutyId,
    /// Which edition (index into [`Policy::editions`]).
    pub edition: usize,
    /// Where declared.
    pub span: Span,
}

/// A paragraph a duty, question or law cites, and what of it the item
/// encodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The paragraph (its first version).
    pub paragraph: ParagraphId,
    /// What of it the item encodes.
    pub encodes: Encodes,
    /// The paragraph's key as written in `cites`.
    pub span: Span,
}

/// What of a cited paragraph an item encodes.
#[derive(Clone, Debug, PartialEq)]
pub enum Encodes {
    /// Every sentence (`cites 2`), or the paragraph restates the law
    /// (`restates`).
    Whole,
    /// These sentences, numbered from 1, each with where it is written
    /// (`cites 1 (sentences 6, 7)`).
    Sentences(Vec<(usize, Span)>),
    /// None: cited for its context (`cites 3 (context)`).
    Context,
}

impl Encodes {
    /// Whether it encodes sentence `number` (from 1) of the paragraph.
    pub fn encodes(&self, number: usize) -> bool {
        match self {
            Encodes::Whole => true,
            Encodes::Sentences(numbers) => numbers.iter().any(|(written, _)| *written == number),
            Encodes::Context => false,
        }
    }
}

/// A fact the law settles for every holder of a role: a post holding DCS
/// is politically restricted (Local Government and Housing Act 1989,
/// section 2); the Lead Member, a member of a leader and cabinet
/// executive, answers to the executive leader who appointed them (Local
/// Government Act 2000, section 9C(3)(b)). An arrangement need not state
/// it; one that states the contrary is judged on what it states.
#[derive(Clone, Debug, PartialEq)]
pub struct Law {
    /// Its id (`restriction.dcs`).
    pub key: String,
    /// Plain words: what the law settles.
    pub title: String,
    /// The provision, in words.
    pub statute: String,
    /// The paragraphs of the guidance or the Act that state it.
    pub cites: Vec<ParagraphId>,
    /// Each citation as written, with what of the paragraph it encodes.
    pub citations: Vec<Citation>,
    /// The role whose holders it concerns.
    pub role: RoleId,
    /// What it settles for them.
    pub settles: Settled,
    /// When it settles it (the council's form of governance, say); none:
    /// always.
    pub conditions: Vec<Condition>,
    /// The first version of the law: itself, unless an amendment replaces
    /// an earlier one.
    pub family: LawId,
    /// Which edition (index into [`Policy::editions`]).
    pub edition: usize,
    /// Where declared.
    pub span: Span,
}

/// What a law settles for the holders of its role.
#[derive(Clone, Debug, PartialEq)]
pub enum Settled {
    /// An attribute and its value.
    Attribute {
        /// The attribute.
        attribute: AttributeId,
        /// The value the law gives it.
        value: TypedValue,
    },
    /// A relation and where it leads: to a holder of a role, or to a body
    /// of a kind.
    Relation {
        /// The relation.
        relation: RelationId,
        /// Where it leads.
        target: Target,
    },
}

impl Duty {
    /// Whether this is an assurance question.
    pub fn is_question(&self) -> bool {
        matches!(self.kind, DutyKind::Question { .. })
    }
}
