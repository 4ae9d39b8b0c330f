//! Organisations beside the council and an entity's ties to them: who
//! owns an organisation, who provides a service, who employs a post, and
//! a post's secondment from another council. Each tie is a dated fact
//! with its origin, as every other fact of the arrangements is, so that a
//! verdict as at a date reads the tie that held then.

use serde::{Deserialize, Serialize};

use super::{EntityId, RoleId, Stated};

/// What sort of organisation an `organisation` item is. One item kind
/// with a `kind` rather than one item per sort: each sort exists over a
/// period, may be owned, and runs services or employs posts in the same
/// way; only the words said of it differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OrganisationKind {
    /// A company (an arm's-length company where the council owns it).
    Company,
    /// A trust.
    Trust,
    /// A mutual (a public service mutual spun out of the council).
    Mutual,
    /// A partner body the council works with.
    PartnerBody,
    /// An external provider services are commissioned from.
    ExternalProvider,
    /// Another council.
    Council,
}

impl OrganisationKind {
    /// Every kind, in the order declared.
    pub const ALL: [OrganisationKind; 6] = [
        OrganisationKind::Company,
        OrganisationKind::Trust,
        OrganisationKind::Mutual,
        OrganisationKind::PartnerBody,
        OrganisationKind::ExternalProvider,
        OrganisationKind::Council,
    ];

    /// The word written after `kind`.
    pub fn word(self) -> &'static str {
        match self {
            OrganisationKind::Company => "company",
            OrganisationKind::Trust => "trust",
            OrganisationKind::Mutual => "mutual",
            OrganisationKind::PartnerBody => "partner_body",
            OrganisationKind::ExternalProvider => "external_provider",
            OrganisationKind::Council => "council",
        }
    }

    /// The kind a word names, if any.
    pub fn from_word(word: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL.into_iter().find(|kind| kind.word() == word)
    }
}

/// The ties of the arrangements to organisations beside the council that
/// a question reads (`reads providers`): its verdict then cites each tie
/// in force as at the date, with the organisation, whatever the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reading {
    /// Each service an organisation beside the council provides.
    Providers,
    /// Each post an organisation beside the council employs.
    Employers,
}

impl Reading {
    /// Every reading, in the order declared.
    pub const ALL: [Reading; 2] = [Reading::Providers, Reading::Employers];

    /// The word written after `reads`.
    pub fn word(self) -> &'static str {
        match self {
            Reading::Providers => "providers",
            Reading::Employers => "employers",
        }
    }
}

/// Who provides a service or employs a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// The council itself: a service provided in house, a post the
    /// council employs.
    Council,
    /// An external provider the papers do not name (`provider external`).
    External,
    /// A declared organisation.
    Organisation(EntityId),
}

impl Party {
    /// The organisation named, if one is.
    pub fn organisation(self) -> Option<EntityId> {
        match self {
            Party::Organisation(id) => Some(id),
            Party::Council | Party::External => None,
        }
    }
}

/// Which way an officer is seconded: to this council from another
/// (`seconded_from`), or from this council to another (`seconded_to`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Seconded {
    /// Seconded to this council from the other.
    From,
    /// Seconded from this council to the other.
    To,
}

impl Seconded {
    /// The field that states it.
    pub fn field(self) -> &'static str {
        match self {
            Seconded::From => "seconded_from",
            Seconded::To => "seconded_to",
        }
    }
}

/// A post's secondment: the other council, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Secondment {
    /// The other council (an organisation of kind council).
    pub council: EntityId,
    /// Which way.
    pub seconded: Seconded,
}

/// How much of an organisation its owner owns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Share {
    /// Wholly owned (`owned_by`).
    Whole,
    /// Partly owned (`part_owned_by`).
    Part,
}

/// One owner of an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ownership {
    /// The council itself, or another organisation (another council).
    pub owner: Party,
    /// Wholly or partly.
    pub share: Share,
}

/// An entity's ties to organisations beside the council; each list is
/// empty where the papers say nothing (a service then has no stated
/// provider, a post is the council's by default).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ties {
    /// An organisation's sort, from its `kind` line.
    pub kind: Option<OrganisationKind>,
    /// An organisation's owners, each line over its period.
    pub owners: Vec<Stated<Ownership>>,
    /// An organisation's board (a declared body).
    pub board: Option<Stated<EntityId>>,
    /// A service's providers, each line over its period.
    pub providers: Vec<Stated<Party>>,
    /// A post's employers, each line over its period.
    pub employers: Vec<Stated<Party>>,
    /// A post's secondments, each from or to another council (an
    /// organisation of kind council), over its period.
    pub secondments: Vec<Stated<Secondment>>,
    /// The roles the seconded officer holds at the other council
    /// (`holds_there`).
    pub roles_there: Vec<RoleId>,
    /// The days a week the post is held for this council
    /// (`days_a_week`), where the papers give them.
    pub days_a_week: Option<u32>,
}

impl Ties {
    /// No ties: what an entity that states none has.
    pub const NONE: Ties = Ties {
        kind: None,
        owners: Vec::new(),
        board: None,
        providers: Vec::new(),
        employers: Vec::new(),
        secondments: Vec::new(),
        roles_there: Vec::new(),
        days_a_week: None,
    };

    /// Whether the entity states any tie to an organisation: what decides
    /// whether a chart or report has anything to say of it.
    pub fn any(&self) -> bool {
        !self.owners.is_empty()
            || self.board.is_some()
            || !self.providers.is_empty()
            || !self.employers.is_empty()
            || !self.secondments.is_empty()
    }
}
