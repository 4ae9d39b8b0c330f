//! The checked guidance: editions, vocabulary, paragraphs, duties and
//! questions, every name resolved to an id.

use std::fmt;

use super::*;
use crate::date::{Day, Holding, PartialDate};
use crate::source::Span;

/// A source of words or facts.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Its id.
    pub key: String,
    /// Its title.
    pub title: String,
    /// The seed file it is, if any.
    pub seed: Option<String>,
    /// Its date, if given: an answer it holds with no date of its own was
    /// given then.
    pub date: Option<PartialDate>,
    /// A remark about it.
    pub note: Option<String>,
    /// Where declared.
    pub span: Span,
}

/// A statutory or organisational role.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    /// Its id (`DCS`).
    pub key: String,
    /// Its title.
    pub title: String,
    /// Whether officers or members hold it.
    pub holder: EntityKind,
    /// The provision that creates it.
    pub statute: Option<String>,
    /// The functions the role exists for (the DCS: education and
    /// children's social care); a holder's other roles and functions
    /// extend it.
    pub remit: Vec<FunctionId>,
    /// Whether it is one of the roles the guidance is about (the DCS and
    /// the LMCS): charts draw its holders with a strong border.
    pub principal: bool,
    /// Whether it exists for arrangements to describe themselves, with no
    /// duty expected to use it (no unused-vocabulary warning).
    pub descriptive: bool,
    /// Where declared.
    pub span: Span,
}

/// A named item of vocabulary with a title: functions and kinds of body.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Its id.
    pub key: String,
    /// Its title.
    pub title: String,
    /// For a kind of body the law abolished: when, and by what. No body of
    /// the kind exists after the date, whatever an undated paper says.
    pub ended: Option<Ended>,
    /// Whether it exists for arrangements to describe themselves, with no
    /// duty expected to use it (no unused-vocabulary warning).
    pub descriptive: bool,
    /// Where declared.
    pub span: Span,
}

/// When and by what law a kind of body ceased to exist.
#[derive(Clone, Debug, PartialEq)]
pub struct Ended {
    /// The day by which every body of the kind had ended: none exists on
    /// it or after.
    pub by: PartialDate,
    /// The law that ended it, in words.
    pub law: String,
}

/// A typed relation between entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// Its id (`report_to`).
    pub key: String,
    /// Words for reports ("reports directly to").
    pub title: String,
    /// The kinds of entity it starts from.
    pub from: Vec<EntityKind>,
    /// The kinds of entity it leads to.
    pub to: Vec<EntityKind>,
    /// Whether it is a line of accountability: it must not loop, and a
    /// post's line must not lead to a member.
    pub hierarchy: bool,
    /// Whether it exists for arrangements to describe themselves, with no
    /// duty expected to use it (no unused-vocabulary warning).
    pub descriptive: bool,
    /// Where declared.
    pub span: Span,
}

/// The types an attribute can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// A whole number.
    Int,
    /// Yes or no.
    Bool,
    /// Free text.
    Text,
    /// A (partial) date.
    Date,
}

impl ValueType {
    /// The word used in the language.
    pub fn word(self) -> &'static str {
        match self {
            ValueType::Int => "int",
            ValueType::Bool => "bool",
            ValueType::Text => "text",
            ValueType::Date => "date",
        }
    }
}

/// A typed attribute of entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// Its id (`tier`).
    pub key: String,
    /// Words for reports.
    pub title: String,
    /// The kinds of entity that have it.
    pub on: Vec<EntityKind>,
    /// Its type.
    pub value_type: ValueType,
    /// The value the guidance takes when an arrangement does not state
    /// one; without it an unstated value is unknown.
    pub default: Option<TypedValue>,
    /// Why the default may be taken, in words that name their source
    /// (shown wherever a verdict rests on it).
    pub default_basis: Option<String>,
    /// Whether a change of its value on the holder of a role is a change
    /// of that role's responsibilities (holding the post on an interim
    /// basis).
    pub marks_change: bool,
    /// The value an entity declared in a shared file has, unless it states
    /// one: a post two councils share is a joint appointment.
    pub when_shared: Option<TypedValue>,
    /// Whether it exists for arrangements to describe themselves, with no
    /// duty expected to use it (no unused-vocabulary warning).
    pub descriptive: bool,
    /// Where declared.
    pub span: Span,
}

/// A classification key with its declared values.
#[derive(Clone, Debug, PartialEq)]
pub struct TagKey {
    /// Its id (`type`).
    pub key: String,
    /// Its title.
    pub title: String,
    /// The values it may take.
    pub values: Vec<String>,
    /// Where declared.
    pub span: Span,
}

/// A classification of a duty: a tag key and one of its declared values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag {
    /// The key.
    pub key: TagKeyId,
    /// The value, by its place in the key's [`TagKey::values`].
    pub value: usize,
}

/// Where a paragraph's words come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Provenance {
    /// The guidance's own text.
    Verbatim {
        /// From this document.
        document: DocumentId,
    },
    /// Quoted by a third party.
    Quoted {
        /// Who quotes it.
        by: String,
        /// In this document.
        document: DocumentId,
    },
    /// Paraphrased in another document.
    Paraphrase {
        /// This document.
        document: DocumentId,
    },
    /// The words are not at hand.
    NotAtHand {
        /// Why.
        reason: String,
    },
}

impl Provenance {
    /// The one-word kind used in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Provenance::Verbatim { .. } => "verbatim",
            Provenance::Quoted { .. } => "quoted",
            Provenance::Paraphrase { .. } => "paraphrase",
            Provenance::NotAtHand { .. } => "not_at_hand",
        }
    }

    /// The document the words come from, if any.
    pub fn document(&self) -> Option<DocumentId> {
        match self {
            Provenance::Verbatim { document }
            | Provenance::Quoted { document, .. }
            | Provenance::Paraphrase { document } => Some(*document),
            Provenance::NotAtHand { .. } => None,
        }
    }
}

/// A citable paragraph of the guidance.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// Its number or key (`2`, `key_points.first_tier`).
    pub key: String,
    /// The section heading it sits under.
    pub section: String,
    /// Where its words come from.
    pub provenance: Provenance,
    /// The words, unless not at hand.
    pub text: Option<String>,
    /// The first version of the paragraph: itself, unless an amendment
    /// gives this one new words. Duties cite the first version; the words
    /// in force at a date are the latest version then commenced.
    pub family: ParagraphId,
    /// Whether it describes the guidance itself (who it is for, when it
    /// will be reviewed) and asks nothing of a council: no duty encodes
    /// it, and coverage counts it apart.
    pub descriptive: bool,
    /// Which edition (index into [`Policy::editions`]).
    pub edition: usize,
    /// Where declared.
    pub span: Span,
}

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
    /// The paragraphs it encodes.
    pub cites: Vec<ParagraphId>,
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

/// A checked policy: a guidance edition with any local policies on top,
/// base first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Policy {
    /// The editions, base first.
    pub editions: Vec<Edition>,
    /// Documents cited by provenance.
    pub documents: Vec<Document>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Functions.
    pub functions: Vec<Term>,
    /// Kinds of body.
    pub body_kinds: Vec<Term>,
    /// Relations.
    pub relations: Vec<Relation>,
    /// Attributes.
    pub attributes: Vec<Attribute>,
    /// Tag keys.
    pub tag_keys: Vec<TagKey>,
    /// Paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Duties and questions.
    pub duties: Vec<Duty>,
    /// Facts the law settles for the holders of roles.
    pub laws: Vec<Law>,
    /// What amendments repeal, each from its amendment's commencement.
    pub repeals: Vec<Repeal>,
    /// For a duty, by key, the date the earliest edition given that asks
    /// it (this one, or one it supersedes) came into force: a cause that
    /// came before then is for no guidance to judge.
    pub asked_since: Vec<(String, PartialDate)>,
}

/// Something an amendment repeals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repeal {
    /// What: the first version of a paragraph, duty or law.
    pub target: Versioned,
    /// The amendment (index into [`Policy::editions`]).
    pub edition: usize,
    /// Where the repeal is written.
    pub span: Span,
}

/// A paragraph, duty or law, by its first version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Versioned {
    /// A paragraph.
    Paragraph(ParagraphId),
    /// A duty or question.
    Duty(DutyId),
    /// A law.
    Law(LawId),
}

impl Policy {
    /// The first day a duty was asked by any edition given: its own
    /// edition's (or amendment's) date in force, or an earlier edition's
    /// that asked it under the same key.
    pub fn first_in_force(&self, id: DutyId) -> Option<Day> {
        let duty = self.duty(id)?;
        let own = self.editions.get(duty.edition).and_then(|edition| edition.in_force);
        let earlier = self
            .asked_since
            .iter()
            .find(|(key, _)| *key == duty.key)
            .map(|(_, date)| *date);
        [own, earlier].into_iter().flatten().map(PartialDate::first_day).min()
    }

    /// Whether a version of a paragraph, duty or law is the one in force
    /// for an arrangement as at a day: its edition has taken effect, and
    /// no later version or repeal of it has.
    fn version_in_force(
        &self,
        family: Versioned,
        edition: usize,
        arrangement: Option<&Arrangement>,
        day: Day,
    ) -> Holding {
        let later: Vec<usize> = match family {
            Versioned::Paragraph(root) => self
                .paragraphs
                .iter()
                .filter(|paragraph| paragraph.family == root && paragraph.edition > edition)
                .map(|paragraph| paragraph.edition)
                .collect(),
            Versioned::Duty(root) => self
                .duties
                .iter()
                .filter(|duty| duty.family == root && duty.edition > edition)
                .map(|duty| duty.edition)
                .collect(),
            Versioned::Law(root) => self
                .laws
                .iter()
                .filter(|law| law.family == root && law.edition > edition)
                .map(|law| law.edition)
                .collect(),
        };
        let repealed = self
            .repeals
            .iter()
            .filter(|repeal| repeal.target == family && repeal.edition > edition)
            .map(|repeal| repeal.edition);
        later
            .into_iter()
            .chain(repealed)
            .fold(self.commenced_for(edition, arrangement, day), |holding, superseding| {
                holding.and(!self.commenced_for(superseding, arrangement, day))
            })
    }

    /// Whether a duty (this version of it) is in force for an arrangement
    /// as at a day.
    pub fn duty_in_force(&self, id: DutyId, arrangement: &Arrangement, day: Day) -> Holding {
        match self.duty(id) {
            Some(duty) => self.version_in_force(Versioned::Duty(duty.family), duty.edition, Some(arrangement), day),
            None => Holding::No,
        }
    }

    /// Whether a duty (this version of it) is in force in the country as a
    /// whole as at a day.
    pub fn duty_in_force_nationally(&self, id: DutyId, day: Day) -> Holding {
        match self.duty(id) {
            Some(duty) => self.version_in_force(Versioned::Duty(duty.family), duty.edition, None, day),
            None => Holding::No,
        }
    }

    /// Whether anything an edition provides (a paragraph, duty or law) is
    /// in force for an arrangement (or, `None`, in the country as a whole)
    /// as at a day: an Act whose provisions an amendment has repealed is no
    /// longer in force.
    pub fn provisions_in_force(&self, edition: usize, arrangement: Option<&Arrangement>, day: Day) -> Holding {
        let paragraphs = self
            .paragraphs
            .iter()
            .filter(|paragraph| paragraph.edition == edition)
            .map(|paragraph| Versioned::Paragraph(paragraph.family));
        let duties = self
            .duties
            .iter()
            .filter(|duty| duty.edition == edition)
            .map(|duty| Versioned::Duty(duty.family));
        let laws = self
            .laws
            .iter()
            .filter(|law| law.edition == edition)
            .map(|law| Versioned::Law(law.family));
        paragraphs
            .chain(duties)
            .chain(laws)
            .map(|family| self.version_in_force(family, edition, arrangement, day))
            .fold(Holding::No, |any, holding| match (any, holding) {
                (Holding::Yes, _) | (_, Holding::Yes) => Holding::Yes,
                (Holding::Unknown(why), _) | (_, Holding::Unknown(why)) => Holding::Unknown(why),
                (Holding::No, Holding::No) => Holding::No,
            })
    }

    /// Whether a law (this version of it) is in force for an arrangement
    /// as at a day.
    pub fn law_in_force(&self, id: LawId, arrangement: &Arrangement, day: Day) -> Holding {
        match self.law(id) {
            Some(law) => self.version_in_force(Versioned::Law(law.family), law.edition, Some(arrangement), day),
            None => Holding::No,
        }
    }

    /// The words of a paragraph in force for an arrangement as at a day:
    /// the latest version then surely commenced, else the earliest; `None`
    /// once repealed.
    pub fn paragraph_in_force(&self, family: ParagraphId, arrangement: &Arrangement, day: Day) -> Option<&Paragraph> {
        self.paragraph_in_force_for(family, Some(arrangement), day)
    }

    /// The words of a paragraph in force in the country as a whole as at a
    /// day, each amendment by its national date.
    pub fn paragraph_in_force_nationally(&self, family: ParagraphId, day: Day) -> Option<&Paragraph> {
        self.paragraph_in_force_for(family, None, day)
    }

    fn paragraph_in_force_for(
        &self,
        family: ParagraphId,
        arrangement: Option<&Arrangement>,
        day: Day,
    ) -> Option<&Paragraph> {
        let versions: Vec<&Paragraph> = self
            .paragraphs
            .iter()
            .filter(|paragraph| paragraph.family == family)
            .collect();
        let surely = versions.iter().rev().find(|paragraph| {
            self.version_in_force(Versioned::Paragraph(family), paragraph.edition, arrangement, day) == Holding::Yes
        });
        match surely {
            Some(paragraph) => Some(*paragraph),
            None => {
                let repealed = self.repeals.iter().any(|repeal| {
                    repeal.target == Versioned::Paragraph(family)
                        && self.commenced_for(repeal.edition, arrangement, day) == Holding::Yes
                });
                // Not repealed, and no version surely in force: the
                // earliest, unless it had not yet taken effect at all.
                let first = versions.first().copied();
                if repealed
                    || first
                        .is_some_and(|paragraph| self.commenced_for(paragraph.edition, arrangement, day) == Holding::No)
                {
                    None
                } else {
                    first
                }
            }
        }
    }

    /// The first version of a duty, which answers and departures belong to.
    pub fn family(&self, id: DutyId) -> DutyId {
        self.duty(id).map_or(id, |duty| duty.family)
    }

    /// Every version of a paragraph, first first.
    pub fn paragraph_versions(&self, family: ParagraphId) -> Vec<&Paragraph> {
        self.paragraphs
            .iter()
            .filter(|paragraph| paragraph.family == family)
            .collect()
    }

    /// The base edition (the guidance itself).
    pub fn base(&self) -> Option<&Edition> {
        self.editions.first()
    }

    /// The value of a tag, as declared.
    pub fn tag_value(&self, tag: Tag) -> Option<&str> {
        self.tag_key(tag.key)?.values.get(tag.value).map(String::as_str)
    }

    /// Finds a duty by its key.
    pub fn duty_by_key(&self, key: &str) -> Option<DutyId> {
        self.duties
            .iter()
            .position(|duty| duty.key == key)
            .map(DutyId::from_index)
    }

    /// Finds a paragraph by its key.
    pub fn paragraph_by_key(&self, key: &str) -> Option<ParagraphId> {
        self.paragraphs
            .iter()
            .position(|paragraph| paragraph.key == key)
            .map(ParagraphId::from_index)
    }
}
