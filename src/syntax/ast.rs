//! The syntax tree: what a file says, before any name is resolved.
//!
//! Every node carries our own [`Span`]; pest's types never reach here.
//! The tree is serde-encodable so that the embedded guidance's trees can
//! be committed parsed and decoded at run time ([`crate::embedded`]).

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;
use thin_vec::ThinVec;

pub use super::kinds::{ItemKind, Namespace, Place};
use crate::date::PartialDate;
pub use crate::model::{Comparator, ConditionKind, EntityKind, EventKind, Modality, Quantifier, Trigger};
use crate::source::Span;

/// A name or key as written, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    /// The text of the name (inline when short, as nearly all are).
    pub text: CompactString,
    /// Where it is.
    pub span: Span,
}

/// One parsed file: its items in source order, and its comments.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct File {
    /// The top-level items.
    pub items: Vec<Item>,
    /// Every comment, in source order: trivia the checker never reads,
    /// kept for the formatter and the editor.
    pub comments: Vec<Comment>,
    /// The names of the items that did not parse, read from their heads:
    /// a name used elsewhere is then not also reported as unknown.
    pub unparsed: Vec<Name>,
}

/// A comment, `// …` to the end of its line or `/* … */`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Where it is, from its first `/` to the end of its line (a line
    /// comment, without the line break) or to its `*/`.
    pub span: Span,
    /// Which kind.
    pub kind: CommentKind,
}

/// The two kinds of comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CommentKind {
    /// `// …`
    Line,
    /// `/* … */`
    Block,
}

/// The fields of an `arrangements` header, read by the checker and
/// accepted at the top level of a JSON arrangements file.
pub const ARRANGEMENT_FIELDS: [&str; 12] = [
    "council",
    "kind",
    "upper_tier",
    "governance",
    "considering",
    "answers_to",
    "complete",
    "has_no",
    "known_until",
    "shares",
    "commenced",
    "source",
];

/// A top-level item: `KIND NAME [extends BASE] [on DATE] { ENTRY… }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// What kind of item.
    pub kind: ItemKind,
    /// Its name or key (for a departure, the duty departed from).
    pub name: Name,
    /// For a local policy, the guidance it extends; for an amendment, the
    /// edition it amends (boxed, as `time` is: most items of a large file
    /// are posts, which have neither).
    pub extends: Option<Box<Name>>,
    /// For a timeline event, when it happened.
    pub time: Option<Box<EventTime>>,
    /// The entries of its block.
    pub entries: Vec<Entry>,
    /// The whole item.
    pub span: Span,
}

/// A date as written, already read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// The date; `None` for `unknown`.
    pub date: Option<PartialDate>,
    /// Where it is written.
    pub span: Span,
}

/// What bounds a date: an event of the arrangements, or a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    /// A date (never `unknown`).
    Date(DateValue),
    /// An event, by its name.
    Event(Name),
}

/// A date as the papers give it, perhaps only bounded: `2016-03`,
/// `unknown after split`, `2015 after restructure`, `between 2033 and
/// 2035` (no date, one bound each side).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    /// The date given (`unknown` is a date value of no date); `None` for
    /// `between`.
    pub date: Option<DateValue>,
    /// What it comes after (`after X`, the first of `between`).
    pub after: Vec<Anchor>,
    /// What it comes before (`before Y`, the second of `between`).
    pub before: Vec<Anchor>,
    /// The whole of it.
    pub span: Span,
}

impl When {
    /// A plain date, with no bounds.
    pub fn plain(date: DateValue) -> When {
        When {
            date: Some(date),
            after: Vec::new(),
            before: Vec::new(),
            span: date.span,
        }
    }
}

/// When an event happened, as written: `on DATE`, `on unknown`, `on DATE
/// after EVENT`, `on unknown before DATE`, or `after EVENT`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTime {
    /// The date given after `on`, if any.
    pub on: Option<When>,
    /// The event it is known to follow.
    pub after: Option<Name>,
    /// The whole clause.
    pub span: Span,
}

/// `from DATE`, `until DATE` or both, after a field's values: the period
/// over which the fact held; or `seen DATE`, a day on which the papers
/// see it hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenPeriod {
    /// When it began to hold.
    pub from: Option<When>,
    /// When it stopped holding.
    pub until: Option<When>,
    /// The date the papers see it hold, its start and end not known.
    pub seen: Option<DateValue>,
    /// The whole clause.
    pub span: Span,
}

/// A word that qualifies how a fact is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Qualifier {
    /// `inferred`: the paper implies the fact without stating it.
    Inferred,
    /// `possibly`: the fact may hold; a role's holder is one of those that
    /// possibly hold it.
    Possibly,
    /// `suggested`: the paper suggests the holder, who may be no one it
    /// lists.
    Suggested,
    /// `proposed`: a proposal, not a fact of the arrangements until it is
    /// decided.
    Proposed,
    /// `or` between the values (`extends DCS or LMCS`): the paper says one
    /// of them holds, not which.
    OneOf,
}

/// One entry of an item's block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// `name value, value [per DOC "where"]`.
    Field(Field),
    /// `SUBJECT MODALITY PREDICATE` (boxed, as the other entries of
    /// guidance and tests are: a council's file is nearly all fields, and
    /// an entry is as large as its largest variant).
    Rule(Box<Rule>),
    /// `when CLAIM`, `if CLAIM`, `unless CLAIM`.
    Condition(Box<Condition>),
    /// `words …`: where a paragraph's words come from.
    Words(Words),
    /// `tag KEY VALUE`.
    Tag(Tag),
    /// `expect DUTY VERDICT …`, in a test.
    Expect(Box<Expect>),
    /// `set`, `add`, `unset` or `drop`, in a test.
    Edit(Box<Edit>),
}

impl Entry {
    /// Where the entry is written.
    pub fn span(&self) -> Span {
        match self {
            Entry::Field(field) => field.span,
            Entry::Rule(rule) => rule.span,
            Entry::Condition(condition) => condition.span,
            Entry::Words(words) => words.span,
            Entry::Tag(tag) => tag.span,
            Entry::Expect(expect) => expect.span,
            Entry::Edit(edit) => edit.span,
        }
    }
}

/// `expect DUTY VERDICT [because REASON] [missing KIND, …] [holders NAME,
/// …] [basis stated|inferred]`: what a test expects of one duty or
/// question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expect {
    /// The duty or question.
    pub duty: Name,
    /// The verdict expected, as written.
    pub verdict: Name,
    /// The kind of reason expected, as written.
    pub because: Option<Name>,
    /// The kinds of missing fact expected, as written (`none` for none).
    pub missing: Option<Vec<Name>>,
    /// The posts or members the duty is expected to bind.
    pub holders: Option<Vec<Name>>,
    /// Whether the verdict is expected to rest on an inferred fact
    /// (`inferred`) or on none (`stated`), as written.
    pub basis: Option<Name>,
    /// The whole entry.
    pub span: Span,
}

/// A change a test makes to the arrangements it starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// What is done.
    pub action: EditAction,
    /// The kind of item changed, as written.
    pub target_kind: Name,
    /// The item's name or key.
    pub target: Name,
    /// The whole entry.
    pub span: Span,
}

/// What an edit does to its item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EditAction {
    /// `set`: the item's fields of this name are replaced by this one
    /// (boxed, so that every entry is not as large as a field and more).
    Set(Box<Field>),
    /// `add`: this field is added.
    Add(Box<Field>),
    /// `unset`: the item's fields of this name are removed.
    Unset(Name),
    /// `drop`: the item is removed.
    Drop,
}

/// A field of an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The field's name.
    pub name: Name,
    /// Its values, at least one.
    pub values: Values,
    /// `(sentences 6, 7)` or `(context)` after a value of `cites`.
    pub selections: ThinVec<Selection>,
    /// `inferred`, `possibly`, as written after the values.
    pub qualifiers: ThinVec<(Qualifier, Span)>,
    /// The period over which the fact held, if stated on the line (boxed:
    /// most fields have none, and a large file holds many fields).
    pub period: Option<Box<WrittenPeriod>>,
    /// `in_turns "…"`: the role is held by turns, as the words say (boxed:
    /// rare).
    pub turns: Option<Box<Turns>>,
    /// Where the fact comes from, if stated on the line (boxed, as
    /// `period` is).
    pub evidence: Option<Box<Evidence>>,
    /// The whole field.
    pub span: Span,
}

/// `in_turns "weeks 1 and 3 of each month"`: a role held by turns with
/// others, one holder on any one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turns {
    /// How the papers divide the days, in their words.
    pub pattern: String,
    /// The whole clause.
    pub span: Span,
}

/// `(sentences 6, 7)` or `(context)`, after a value: which sentences of
/// the paragraph a `cites` value names the item encodes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// Which of the field's values it follows (0: the first).
    pub value: usize,
    /// What it selects.
    pub part: Selected,
    /// The whole selection, parentheses included.
    pub span: Span,
}

/// What a [`Selection`] selects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Selected {
    /// `(context)`: none of the paragraph's sentences; it is cited for its
    /// context.
    Context,
    /// `(sentences 6, 7)`: these sentences, numbered from 1.
    Sentences(Vec<(u64, Span)>),
}

/// A value of a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    /// What was written.
    pub kind: ValueKind,
    /// Where.
    pub span: Span,
}

/// A field's values: nearly always one, held in the field itself.
pub type Values = SmallVec<[Value; 1]>;

/// The forms a value can take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueKind {
    /// A quoted string, escapes resolved (inline when short, as names
    /// are).
    Text(CompactString),
    /// A date with month or day (`2016-03`, `2016-03-01`).
    Date(PartialDate),
    /// A whole number; a four-digit number may also be read as a year.
    Number(u64),
    /// `yes`, `no`, `true` or `false`.
    Bool(bool),
    /// A name or dotted key.
    Key(CompactString),
    /// A JSON string: read as text or as a name, as the field needs.
    Str(CompactString),
    /// A bounded date (`between 2033 and 2035`, `unknown after 2032`),
    /// boxed: rare, and four times the size of the other values.
    When(Box<When>),
}

/// `per DOCUMENT "where"`: the source of a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The document named.
    pub document: Name,
    /// Where in the document, as the author wrote it.
    pub location: Option<String>,
    /// The whole evidence clause.
    pub span: Span,
}

/// A paragraph's provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    /// How exact the words are.
    pub kind: WordsKind,
    /// The whole entry.
    pub span: Span,
}

/// How exact a paragraph's words are, and from where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WordsKind {
    /// The guidance's own text, from a document.
    Verbatim {
        /// The document.
        document: Name,
    },
    /// The guidance's words as quoted by someone else.
    Quoted {
        /// Who quotes them.
        by: String,
        /// The document that quotes them.
        document: Name,
    },
    /// The guidance's sense in someone else's words.
    Paraphrase {
        /// The document that paraphrases.
        document: Name,
    },
    /// The words are not at hand.
    NotAtHand {
        /// Why not.
        reason: String,
    },
}

/// `tag KEY VALUE`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// The tag key.
    pub key: Name,
    /// The tag value.
    pub value: Name,
    /// The whole entry.
    pub span: Span,
}

/// A condition of a duty or question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// `when` or `unless`.
    pub kind: ConditionKind,
    /// What is claimed.
    pub claim: Claim,
    /// The whole entry.
    pub span: Span,
}

/// `SUBJECT PREDICATE`, with no modality: a statement about the
/// arrangements that is true, false or unknown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Whom it is about.
    pub subject: Subject,
    /// What is said of them.
    pub predicate: Predicate,
}

/// The rule of a duty: `SUBJECT MODALITY PREDICATE`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// Whom the duty is about.
    pub subject: Subject,
    /// How binding it is.
    pub modality: Modality,
    /// What must (or should…) hold of them.
    pub predicate: Predicate,
    /// The whole rule.
    pub span: Span,
}

/// Whom a rule or claim is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    /// `council`, `the council`.
    Council {
        /// Where.
        span: Span,
    },
    /// `DCS`, `the DCS`: each holder of a role.
    Role(Name),
    /// `each post`, `exactly one member holding LMCS`, …
    Quantified {
        /// How many must satisfy the predicate.
        quantifier: Quantifier,
        /// Which kind of entity is counted.
        entity: EntityKind,
        /// Only entities holding this role.
        holding: Option<Name>,
        /// Where.
        span: Span,
    },
}

/// A predicate over one entity (or the council).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Predicate {
    /// Its form.
    pub kind: PredicateKind,
    /// Where.
    pub span: Span,
}

/// The forms of predicate. `And` and `Or` hold flat lists, so a long
/// chain is not a deep tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PredicateKind {
    /// All hold.
    And(Vec<Predicate>),
    /// At least one holds.
    Or(Vec<Predicate>),
    /// Does not hold.
    Not(Box<Predicate>),
    /// A basic statement.
    Atom(Atom),
}

impl Subject {
    /// The role the subject names: the one whose holders it is, or the one
    /// its count is limited to.
    pub fn role(&self) -> Option<&Name> {
        match self {
            Subject::Council { .. } => None,
            Subject::Role(role) => Some(role),
            Subject::Quantified { holding, .. } => holding.as_ref(),
        }
    }
}

impl Predicate {
    /// Every name the predicate mentions, at any depth, in the order
    /// written, with the namespace it names in: the one walk of a written
    /// predicate's names, for the checker and the editor alike.
    pub fn mentions(&self) -> Vec<(Namespace, &Name)> {
        let mut found = Vec::new();
        // A stack, not recursion: nesting is capped by the syntax stage
        // (NESTING_LIMIT), but nothing here needs to trust it. Parts are
        // pushed last first, so they are met in the order written.
        let mut stack = vec![self];
        while let Some(predicate) = stack.pop() {
            match &predicate.kind {
                PredicateKind::And(parts) | PredicateKind::Or(parts) => stack.extend(parts.iter().rev()),
                PredicateKind::Not(inner) => stack.push(inner),
                PredicateKind::Atom(atom) => atom.mentions(&mut found),
            }
        }
        found
    }
}

impl Atom {
    fn mentions<'a>(&'a self, found: &mut Vec<(Namespace, &'a Name)>) {
        match self {
            Atom::Hold { roles } => found.extend(roles.iter().map(|role| (Namespace::ROLE, role))),
            Atom::Responsible { functions, .. } => {
                found.extend(functions.iter().map(|function| (Namespace::FUNCTION, function)));
            }
            Atom::Kind { kind } => found.push((Namespace::BODY_KIND, kind)),
            Atom::Attribute { attribute } | Atom::Compare { attribute, .. } => {
                found.push((Namespace::ATTRIBUTE, attribute));
            }
            Atom::After { of, .. } | Atom::Before { of, .. } => {
                found.extend(of.iter().map(|role| (Namespace::ROLE, role)));
            }
            Atom::Every { .. } | Atom::Uses { .. } | Atom::Considers { .. } => {}
            Atom::Relation {
                relation,
                of_kind,
                target,
            } => {
                found.push((Namespace::RELATION, relation));
                found.push((
                    if *of_kind {
                        Namespace::BODY_KIND
                    } else {
                        Namespace::ROLE
                    },
                    target,
                ));
            }
        }
    }
}

/// A period: `12 months`, `2 years`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The length in months.
    pub months: u32,
    /// Where.
    pub span: Span,
}

/// A literal in a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Literal {
    /// The value.
    pub kind: ValueKind,
    /// Where.
    pub span: Span,
}

/// The basic statements of a predicate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Atom {
    /// `hold R, S`.
    Hold {
        /// The roles.
        roles: Vec<Name>,
    },
    /// `responsible_for [only] F, G`.
    Responsible {
        /// Whether the entity's functions must all be among those listed.
        only: bool,
        /// The functions.
        functions: Vec<Name>,
    },
    /// `be a KIND`.
    Kind {
        /// The body kind.
        kind: Name,
    },
    /// `be ATTRIBUTE` for a yes/no attribute.
    Attribute {
        /// The attribute.
        attribute: Name,
    },
    /// `have ATTRIBUTE [OP] VALUE`.
    Compare {
        /// The attribute.
        attribute: Name,
        /// The operator.
        comparator: Comparator,
        /// The value compared with.
        literal: Literal,
    },
    /// `EVENT after each TRIGGER [of ROLE] [within PERIOD]`.
    After {
        /// The event that must follow.
        event: EventKind,
        /// What triggers it.
        trigger: Trigger,
        /// Only triggers concerning a holder of this role.
        of: Option<Name>,
        /// How soon the event must follow.
        within: Option<Period>,
        /// Whether the period is `allowing` (time to act, a later event
        /// still answering) rather than `within` (a deadline).
        allowing: bool,
    },
    /// `EVENT before each TRIGGER [of ROLE]`: the guidance's "before
    /// allocating", which no later event answers.
    Before {
        /// The event that must come first.
        event: EventKind,
        /// What it must come before.
        trigger: Trigger,
        /// Only triggers concerning a holder of this role.
        of: Option<Name>,
    },
    /// `EVENT every PERIOD`.
    Every {
        /// The event that must recur.
        event: EventKind,
        /// How often.
        period: Period,
    },
    /// `uses MODEL`: the council operates this governance model.
    Uses {
        /// The model, as written.
        model: Name,
    },
    /// `considers MODEL`: the council is considering adopting this model.
    Considers {
        /// The model, as written.
        model: Name,
    },
    /// `RELATION [a] TARGET`.
    Relation {
        /// The relation.
        relation: Name,
        /// Whether the target is a kind of body (`a KIND`) rather than a
        /// role or an entity.
        of_kind: bool,
        /// The target.
        target: Name,
    },
}

#[cfg(test)]
mod tests {
    use super::{Entry, Item, Name, Value};
    use crate::model::Entity;
    use std::mem::size_of;

    /// A large council is nearly all posts: each an item, an entity, and
    /// two or three fields with a value each. What these types cost is
    /// most of what checking it costs (issue 22, docs/performance.md); a
    /// variant or field that makes one larger should be boxed instead.
    #[test]
    fn what_every_post_is_made_of_stays_small() {
        assert!(size_of::<Item>() <= 96, "Item is {} bytes", size_of::<Item>());
        assert!(size_of::<Entry>() <= 152, "Entry is {} bytes", size_of::<Entry>());
        assert!(size_of::<Value>() <= 48, "Value is {} bytes", size_of::<Value>());
        assert!(size_of::<Name>() <= 40, "Name is {} bytes", size_of::<Name>());
        assert!(size_of::<Entity>() <= 224, "Entity is {} bytes", size_of::<Entity>());
        let stated = size_of::<crate::model::Stated<crate::model::Described>>();
        assert!(stated <= 80, "a stated description is {stated} bytes");
    }
}
