//! The closed vocabulary of the language that every stage shares: kinds of
//! entity, event and vocabulary, modalities, quantifiers, comparators and
//! conditions. The syntax tree reads them and the checked model keeps them,
//! so output stages need only the model. Those the syntax tree holds are
//! serde-encodable because it is ([`crate::embedded`]).

use serde::{Deserialize, Serialize};

/// Whether a condition must hold or must not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConditionKind {
    /// `when` or `if`: the duty applies only when the claim holds.
    When,
    /// `unless`: the duty does not apply when the claim holds.
    Unless,
}

/// The five modalities of the guidance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Modality {
    /// A legal requirement.
    Must,
    /// A legal prohibition.
    MustNot,
    /// Have regard: departure needs recorded reasons.
    Should,
    /// Have regard, negatively.
    ShouldNot,
    /// A permission: never fails.
    May,
}

impl Modality {
    /// The words as written in the language and in reports.
    pub fn words(self) -> &'static str {
        match self {
            Modality::Must => "must",
            Modality::MustNot => "must not",
            Modality::Should => "should",
            Modality::ShouldNot => "should not",
            Modality::May => "may",
        }
    }

    /// Whether the predicate is required to be false rather than true.
    pub fn is_negative(self) -> bool {
        matches!(self, Modality::MustNot | Modality::ShouldNot)
    }
}

/// Quantifiers and cardinalities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Quantifier {
    /// All of them.
    Each,
    /// Exactly one.
    ExactlyOne,
    /// One or more.
    AtLeastOne,
    /// None.
    No,
}

impl Quantifier {
    /// The words as written.
    pub fn words(self) -> &'static str {
        match self {
            Quantifier::Each => "each",
            Quantifier::ExactlyOne => "exactly one",
            Quantifier::AtLeastOne => "at least one",
            Quantifier::No => "no",
        }
    }
}

/// The kinds of entity an arrangement declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// An officer post.
    Post,
    /// An elected member.
    Member,
    /// A board, committee or partnership.
    Body,
    /// A commissioned service.
    Service,
    /// An organisation beside the council: a company or trust it owns, a
    /// partner body, an external provider, or another council. One kind of
    /// entity with a `kind` field rather than one per sort, because every
    /// sort is read the same way: it exists over a period, may be owned,
    /// and runs services or employs posts.
    Organisation,
}

impl EntityKind {
    /// Every kind of entity, in the order declared.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Post,
        EntityKind::Member,
        EntityKind::Body,
        EntityKind::Service,
        EntityKind::Organisation,
    ];

    /// The singular word.
    pub fn word(self) -> &'static str {
        match self {
            EntityKind::Post => "post",
            EntityKind::Member => "member",
            EntityKind::Body => "body",
            EntityKind::Service => "service",
            EntityKind::Organisation => "organisation",
        }
    }

    /// Reads a singular or plural word.
    pub fn from_word(word: &str) -> Option<EntityKind> {
        match word {
            "post" | "posts" => Some(EntityKind::Post),
            "member" | "members" => Some(EntityKind::Member),
            "body" | "bodies" => Some(EntityKind::Body),
            "service" | "services" => Some(EntityKind::Service),
            "organisation" | "organisations" => Some(EntityKind::Organisation),
            _ => None,
        }
    }
}

/// Comparison operators for `have ATTRIBUTE OP VALUE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    /// `=` (also when no operator is written).
    Equal,
    /// `!=`.
    NotEqual,
    /// `<`.
    Less,
    /// `<=`.
    LessOrEqual,
    /// `>`.
    Greater,
    /// `>=`.
    GreaterOrEqual,
}

impl Comparator {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Equal => "=",
            Comparator::NotEqual => "!=",
            Comparator::Less => "<",
            Comparator::LessOrEqual => "<=",
            Comparator::Greater => ">",
            Comparator::GreaterOrEqual => ">=",
        }
    }
}

/// What an `after each` duty waits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Trigger {
    /// An event of this kind (`change` of a role: each change of its
    /// holder's responsibilities, derived from the facts).
    Event(EventKind),
    /// Each change that gives a role's holder a role or function beyond
    /// the role's remit (`extension of DCS`).
    Extension,
}

/// The period an `after each` duty gives the event that must follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Deadline {
    /// How many months.
    pub months: u32,
    /// `within`: an event later than the period does not answer (`true`);
    /// `allowing`: the period is time to act, and a later event still
    /// answers (`false`).
    pub strict: bool,
}

/// The kinds of dated event on an arrangement's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    /// Someone is appointed to a post or role.
    Appointment,
    /// A role is given to a post or member.
    Designation,
    /// A role is left without a holder.
    Vacancy,
    /// The responsibilities of a post change.
    Change,
    /// An assurance review of the arrangements.
    Review,
    /// An external inspection.
    Inspection,
}

impl EventKind {
    /// Every kind of event, in the order declared.
    pub const ALL: [EventKind; 6] = [
        EventKind::Appointment,
        EventKind::Designation,
        EventKind::Vacancy,
        EventKind::Change,
        EventKind::Review,
        EventKind::Inspection,
    ];

    /// The keyword.
    pub fn word(self) -> &'static str {
        match self {
            EventKind::Appointment => "appointment",
            EventKind::Designation => "designation",
            EventKind::Vacancy => "vacancy",
            EventKind::Change => "change",
            EventKind::Review => "review",
            EventKind::Inspection => "inspection",
        }
    }

    /// Reads the keyword.
    pub fn from_word(word: &str) -> Option<EventKind> {
        match word {
            "appointment" => Some(EventKind::Appointment),
            "designation" => Some(EventKind::Designation),
            "vacancy" => Some(EventKind::Vacancy),
            "change" => Some(EventKind::Change),
            "review" => Some(EventKind::Review),
            "inspection" => Some(EventKind::Inspection),
            _ => None,
        }
    }
}

/// The kinds of name the guidance declares for arrangements to use: its
/// vocabulary, each kind a table of [`crate::model::Policy`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VocabularyKind {
    /// A role (`DCS`, `LMCS`).
    Role,
    /// A function a post or member is responsible for.
    Function,
    /// A kind of body.
    BodyKind,
    /// A relation between entities.
    Relation,
    /// An attribute of an entity.
    Attribute,
    /// A key for tagging duties.
    TagKey,
}

impl VocabularyKind {
    /// Every kind of vocabulary, in the order `dcsc vocabulary` lists
    /// them.
    pub const ALL: [VocabularyKind; 6] = [
        VocabularyKind::Role,
        VocabularyKind::Function,
        VocabularyKind::BodyKind,
        VocabularyKind::Relation,
        VocabularyKind::Attribute,
        VocabularyKind::TagKey,
    ];
}

/// The kinds of council that appoint a DCS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CouncilKind {
    /// A county council.
    County,
    /// A unitary authority.
    Unitary,
    /// A metropolitan district council.
    MetropolitanDistrict,
    /// A London borough council.
    LondonBorough,
}

impl CouncilKind {
    /// Every kind, in the order the language lists them.
    pub const ALL: [CouncilKind; 4] = [
        CouncilKind::County,
        CouncilKind::Unitary,
        CouncilKind::MetropolitanDistrict,
        CouncilKind::LondonBorough,
    ];

    /// The word used in the language.
    pub fn word(self) -> &'static str {
        match self {
            CouncilKind::County => "county",
            CouncilKind::Unitary => "unitary",
            CouncilKind::MetropolitanDistrict => "metropolitan_district",
            CouncilKind::LondonBorough => "london_borough",
        }
    }
}

/// How a council takes its executive decisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Governance {
    /// A leader and cabinet.
    LeaderAndCabinet,
    /// A directly elected mayor and cabinet.
    MayorAndCabinet,
    /// The committee system.
    CommitteeSystem,
}

impl Governance {
    /// Every model, in the order the language lists them.
    pub const ALL: [Governance; 3] = [
        Governance::LeaderAndCabinet,
        Governance::MayorAndCabinet,
        Governance::CommitteeSystem,
    ];

    /// The word used in the language.
    pub fn word(self) -> &'static str {
        match self {
            Governance::LeaderAndCabinet => "leader_and_cabinet",
            Governance::MayorAndCabinet => "mayor_and_cabinet",
            Governance::CommitteeSystem => "committee_system",
        }
    }
}
