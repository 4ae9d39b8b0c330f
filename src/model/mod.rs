//! The checked model: what the check stage produces and evaluation reads.
//! Every name is resolved to an id into a plain table, so evaluation never
//! looks a name up by string. It stands on its own: check builds it, eval
//! reads it, and every output stage reads it beside the verdicts, without
//! reaching into either.

mod arrangement;
mod edition;
mod event;
mod kinds;
mod lookup;
mod mentions;
mod organisation;
mod policy;
mod rules;
mod sentences;
mod time;
mod vocabulary;

use std::fmt;

pub use arrangement::*;
pub use edition::*;
pub use event::*;
pub use kinds::*;
pub use mentions::*;
pub use organisation::*;
pub use policy::*;
pub use rules::*;
pub use sentences::sentences;
pub use time::*;
pub use vocabulary::*;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident => $prefix:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in its table.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The id of the entry at `index` in its table.
            pub fn from_index(index: usize) -> Self {
                $name(u32::try_from(index).unwrap_or(u32::MAX))
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "#{}"), self.0)
            }
        }
    )*};
}

ids! {
    /// A role in [`Policy::roles`].
    RoleId => "role";
    /// A function in [`Policy::functions`].
    FunctionId => "function";
    /// A kind of body in [`Policy::body_kinds`].
    BodyKindId => "body_kind";
    /// A relation in [`Policy::relations`].
    RelationId => "relation";
    /// An attribute in [`Policy::attributes`].
    AttributeId => "attribute";
    /// A tag key in [`Policy::tag_keys`].
    TagKeyId => "tag_key";
    /// A paragraph in [`Policy::paragraphs`].
    ParagraphId => "paragraph";
    /// A duty or question in [`Policy::duties`].
    DutyId => "duty";
    /// A law in [`Policy::laws`].
    LawId => "law";
    /// A document in a policy's or an arrangement's documents.
    DocumentId => "document";
    /// An entity in [`Arrangement::entities`].
    EntityId => "entity";
    /// An event in [`Arrangement::events`].
    EventId => "event";
    /// An answer in [`Arrangement::answers`].
    AnswerId => "answer";
    /// A departure in [`Arrangement::departures`].
    DepartureId => "departure";
    /// An edition in [`Policy::editions`] (the guidance first, then the
    /// local policies that extend it).
    EditionId => "edition";
    /// An instant in an arrangement's [`Timeline`].
    InstantId => "instant";
}
