//! What each kind of item is. Every question asked of an [`ItemKind`] is
//! answered here, each in one exhaustive match or derived from one: its
//! keyword, the namespace its name is declared in, the files it is
//! written in, and the kind of entity, event or vocabulary it declares.
//! A new kind of item is placed by answering each of them.

use serde::{Deserialize, Serialize};

use crate::model::{EntityKind, EventKind, VocabularyKind};

/// What kind of top-level item this is; the first word of the item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    /// `guidance NAME { … }`: the header of a guidance edition.
    Guidance,
    /// `local_policy NAME extends BASE { … }`.
    LocalPolicy,
    /// `amendment NAME amends EDITION { … }`: changes to an edition from a
    /// date.
    Amendment,
    /// `arrangements NAME { … }`: the header of a council's arrangements.
    Arrangements,
    /// `shared NAME { … }`: the header of a file of posts, members and
    /// bodies that several councils' arrangements share.
    Shared,
    /// `document NAME { … }`: a source of words or facts.
    Document,
    /// `role NAME { … }`.
    Role,
    /// `function NAME { … }`.
    Function,
    /// `body_kind NAME { … }`.
    BodyKind,
    /// `relation NAME { … }`.
    Relation,
    /// `attribute NAME { … }`.
    Attribute,
    /// `tag_key NAME { … }`.
    TagKey,
    /// `paragraph KEY { … }`.
    Paragraph,
    /// `duty KEY { … }`.
    Duty,
    /// `question KEY { … }`.
    Question,
    /// `law KEY { … }`: a fact the law settles for the holders of a role.
    Law,
    /// `post NAME { … }`.
    Post,
    /// `member NAME { … }`.
    Member,
    /// `body NAME { … }`.
    Body,
    /// `service NAME { … }`.
    Service,
    /// `organisation NAME { … }`: a company, trust, partner body, external
    /// provider or another council.
    Organisation,
    /// `appointment NAME on DATE { … }`.
    Appointment,
    /// `designation NAME on DATE { … }`: a role given to a post or member.
    Designation,
    /// `vacancy NAME on DATE { … }`: a role left without a holder.
    Vacancy,
    /// `change NAME on DATE { … }`.
    Change,
    /// `review NAME on DATE { … }`.
    Review,
    /// `inspection NAME on DATE { … }`.
    Inspection,
    /// `answer KEY { … }`.
    Answer,
    /// `departure from DUTY { … }`.
    Departure,
    /// `test NAME { … }`: a policy test.
    Test,
}

/// Gives each kind its keyword, and [`ItemKind::ALL`], from one list: the
/// match in `keyword` is exhaustive, so the list cannot miss a kind.
macro_rules! keywords {
    ($($variant:ident => $keyword:literal),* $(,)?) => {
        impl ItemKind {
            /// Every item kind, in the order declared, for lookup by
            /// keyword.
            pub const ALL: [ItemKind; [$($keyword),*].len()] = [$(ItemKind::$variant),*];

            /// The keyword that starts the item.
            pub fn keyword(self) -> &'static str {
                match self {
                    $(ItemKind::$variant => $keyword,)*
                }
            }
        }
    };
}

keywords! {
    Guidance => "guidance",
    LocalPolicy => "local_policy",
    Amendment => "amendment",
    Arrangements => "arrangements",
    Shared => "shared",
    Document => "document",
    Role => "role",
    Function => "function",
    BodyKind => "body_kind",
    Relation => "relation",
    Attribute => "attribute",
    TagKey => "tag_key",
    Paragraph => "paragraph",
    Duty => "duty",
    Question => "question",
    Law => "law",
    Post => "post",
    Member => "member",
    Body => "body",
    Service => "service",
    Organisation => "organisation",
    Appointment => "appointment",
    Designation => "designation",
    Vacancy => "vacancy",
    Change => "change",
    Review => "review",
    Inspection => "inspection",
    Answer => "answer",
    Departure => "departure",
    Test => "test",
}

impl ItemKind {
    /// The item kind a keyword starts, if any.
    pub fn from_keyword(word: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|kind| kind.keyword() == word)
    }

    /// The namespace an item of this kind declares its name in, if any:
    /// answers and departures declare nothing, they name a duty; a test's
    /// name is the report's, not a name the files use.
    pub fn namespace(self) -> Option<Namespace> {
        match self {
            ItemKind::Guidance | ItemKind::LocalPolicy | ItemKind::Amendment => Some(Namespace::Edition),
            ItemKind::Arrangements | ItemKind::Shared => Some(Namespace::Council),
            ItemKind::Document => Some(Namespace::Document),
            ItemKind::Role
            | ItemKind::Function
            | ItemKind::BodyKind
            | ItemKind::Relation
            | ItemKind::Attribute
            | ItemKind::TagKey => self.vocabulary().map(Namespace::Vocabulary),
            ItemKind::Paragraph => Some(Namespace::Paragraph),
            ItemKind::Duty | ItemKind::Question => Some(Namespace::Duty),
            ItemKind::Law => Some(Namespace::Law),
            ItemKind::Post | ItemKind::Member | ItemKind::Body | ItemKind::Service | ItemKind::Organisation => {
                Some(Namespace::Entity)
            }
            ItemKind::Appointment
            | ItemKind::Designation
            | ItemKind::Vacancy
            | ItemKind::Change
            | ItemKind::Review
            | ItemKind::Inspection => Some(Namespace::Event),
            ItemKind::Answer | ItemKind::Departure | ItemKind::Test => None,
        }
    }

    /// The files an item of this kind is written in.
    pub fn place(self) -> Place {
        match self {
            ItemKind::Guidance
            | ItemKind::LocalPolicy
            | ItemKind::Amendment
            | ItemKind::Role
            | ItemKind::Function
            | ItemKind::BodyKind
            | ItemKind::Relation
            | ItemKind::Attribute
            | ItemKind::TagKey
            | ItemKind::Paragraph
            | ItemKind::Duty
            | ItemKind::Question
            | ItemKind::Law => Place::Policy,
            ItemKind::Arrangements
            | ItemKind::Shared
            | ItemKind::Post
            | ItemKind::Member
            | ItemKind::Body
            | ItemKind::Service
            | ItemKind::Organisation
            | ItemKind::Appointment
            | ItemKind::Designation
            | ItemKind::Vacancy
            | ItemKind::Change
            | ItemKind::Review
            | ItemKind::Inspection
            | ItemKind::Answer
            | ItemKind::Departure => Place::Arrangements,
            ItemKind::Document => Place::Either,
            ItemKind::Test => Place::Tests,
        }
    }

    /// Whether an item of this kind is a file's header: a guidance
    /// edition, local policy or amendment, a council's arrangements or a
    /// shared file.
    pub fn is_header(self) -> bool {
        matches!(self.namespace(), Some(Namespace::Edition | Namespace::Council))
    }

    /// The kind of entity an item of this kind declares, if it declares
    /// one.
    pub fn entity_kind(self) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|kind| ItemKind::from(*kind) == self)
    }

    /// The kind of event an item of this kind records, if it is an event
    /// of a council's timeline.
    pub fn event_kind(self) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|kind| ItemKind::from(*kind) == self)
    }

    /// The kind of vocabulary an item of this kind declares, if it
    /// declares a name of the guidance's vocabulary.
    pub fn vocabulary(self) -> Option<VocabularyKind> {
        VocabularyKind::ALL
            .into_iter()
            .find(|kind| ItemKind::from(*kind) == self)
    }
}

/// The item that declares an entity of a kind.
impl From<EntityKind> for ItemKind {
    fn from(kind: EntityKind) -> ItemKind {
        match kind {
            EntityKind::Post => ItemKind::Post,
            EntityKind::Member => ItemKind::Member,
            EntityKind::Body => ItemKind::Body,
            EntityKind::Service => ItemKind::Service,
            EntityKind::Organisation => ItemKind::Organisation,
        }
    }
}

/// The item that records an event of a kind.
impl From<EventKind> for ItemKind {
    fn from(kind: EventKind) -> ItemKind {
        match kind {
            EventKind::Appointment => ItemKind::Appointment,
            EventKind::Designation => ItemKind::Designation,
            EventKind::Vacancy => ItemKind::Vacancy,
            EventKind::Change => ItemKind::Change,
            EventKind::Review => ItemKind::Review,
            EventKind::Inspection => ItemKind::Inspection,
        }
    }
}

/// The item that declares a name of a kind of vocabulary.
impl From<VocabularyKind> for ItemKind {
    fn from(kind: VocabularyKind) -> ItemKind {
        match kind {
            VocabularyKind::Role => ItemKind::Role,
            VocabularyKind::Function => ItemKind::Function,
            VocabularyKind::BodyKind => ItemKind::BodyKind,
            VocabularyKind::Relation => ItemKind::Relation,
            VocabularyKind::Attribute => ItemKind::Attribute,
            VocabularyKind::TagKey => ItemKind::TagKey,
        }
    }
}

/// The files an item may be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A guidance edition, a local policy or an amendment.
    Policy,
    /// A council's arrangements, or a file of posts, members and bodies
    /// they share.
    Arrangements,
    /// Either: a document is cited by guidance and arrangements alike.
    Either,
    /// Beside the arrangements it tests, or in a file of tests alone.
    Tests,
}

/// The kinds of thing a name can name; each is its own namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Namespace {
    /// A guidance edition, local policy or amendment.
    Edition,
    /// A document (of the guidance or of a council).
    Document,
    /// A name of the guidance's vocabulary: a role, function, kind of
    /// body, relation, attribute or tag key.
    Vocabulary(VocabularyKind),
    /// A paragraph.
    Paragraph,
    /// A duty or assurance question.
    Duty,
    /// A law.
    Law,
    /// A post, member, body or service.
    Entity,
    /// An event on a council's timeline.
    Event,
    /// A council's arrangements, or a shared file's header.
    Council,
    /// A file named by `shares`, by its path as written.
    SharedFile,
}

impl Namespace {
    /// A role's.
    pub const ROLE: Namespace = Namespace::Vocabulary(VocabularyKind::Role);
    /// A function's.
    pub const FUNCTION: Namespace = Namespace::Vocabulary(VocabularyKind::Function);
    /// A kind of body's.
    pub const BODY_KIND: Namespace = Namespace::Vocabulary(VocabularyKind::BodyKind);
    /// A relation's.
    pub const RELATION: Namespace = Namespace::Vocabulary(VocabularyKind::Relation);
    /// An attribute's.
    pub const ATTRIBUTE: Namespace = Namespace::Vocabulary(VocabularyKind::Attribute);
    /// A tag key's.
    pub const TAG_KEY: Namespace = Namespace::Vocabulary(VocabularyKind::TagKey);

    /// Whether names of this kind belong to one council's arrangements
    /// (with the files it shares) rather than to the guidance.
    pub fn is_local(self) -> bool {
        match self {
            Namespace::Entity | Namespace::Event | Namespace::Document | Namespace::Council | Namespace::SharedFile => {
                true
            }
            Namespace::Edition | Namespace::Vocabulary(_) | Namespace::Paragraph | Namespace::Duty | Namespace::Law => {
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_read_back_from_its_keyword() {
        for kind in ItemKind::ALL {
            assert_eq!(ItemKind::from_keyword(kind.keyword()), Some(kind));
        }
    }

    #[test]
    fn each_entity_event_and_vocabulary_kind_has_its_own_item_kind() {
        for kind in EntityKind::ALL {
            assert_eq!(ItemKind::from(kind).entity_kind(), Some(kind));
            assert_eq!(ItemKind::from(kind).namespace(), Some(Namespace::Entity));
        }
        for kind in EventKind::ALL {
            assert_eq!(ItemKind::from(kind).event_kind(), Some(kind));
            assert_eq!(ItemKind::from(kind).namespace(), Some(Namespace::Event));
        }
        for kind in VocabularyKind::ALL {
            assert_eq!(ItemKind::from(kind).vocabulary(), Some(kind));
            assert_eq!(ItemKind::from(kind).namespace(), Some(Namespace::Vocabulary(kind)));
            assert_eq!(ItemKind::from(kind).place(), Place::Policy);
        }
    }
}
