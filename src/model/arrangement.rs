//! A council's checked arrangements: its posts, members, bodies and
//! services, its timeline, answers and departures, every fact with where it
//! is stated.

use super::*;
use crate::date::{Day, Holding, PartialDate, Relative, Uncertainty};
use crate::source::{FileId, Span};
use compact_str::CompactString;
use thin_vec::ThinVec;

/// Where a fact comes from: the line in the arrangement file, and the
/// document the council's paper says it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FactOrigin {
    /// The line that states it.
    pub span: Span,
    /// The document and place it comes from, if recorded.
    pub evidence: Option<Box<EvidenceRef>>,
}

/// A reference to a place in a document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EvidenceRef {
    /// The document (in the arrangement's documents).
    pub document: DocumentId,
    /// Where in it.
    pub location: Option<String>,
}

/// How a fact is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The paper states it.
    #[default]
    Stated,
    /// The paper implies it without stating it; verdicts and reports say
    /// so.
    Inferred,
    /// It may hold: the paper leaves open which of several holds a role;
    /// one of them does.
    Possibly,
    /// The paper suggests it without saying so, and the role may be held
    /// by someone it does not list.
    Suggested,
    /// A proposal: it holds only if the proposal was adopted, which the
    /// papers do not record.
    Proposed,
}

impl Basis {
    /// Whether the papers leave it open whether the fact holds at all (a
    /// suggestion or a proposal), beyond its dates.
    pub fn in_doubt(self) -> bool {
        match self {
            Basis::Possibly | Basis::Suggested | Basis::Proposed => true,
            Basis::Stated | Basis::Inferred => false,
        }
    }
}

/// A fact of the arrangements, with where it is stated and when it held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stated<T> {
    /// What is stated.
    pub value: T,
    /// Where it is stated.
    pub origin: FactOrigin,
    /// When it held, within its entity's life.
    pub during: Period,
    /// How it is known.
    pub basis: Basis,
}

impl<T> Stated<T> {
    /// A fact that held throughout, as stated.
    pub fn always(value: T, origin: FactOrigin) -> Stated<T> {
        Stated {
            value,
            origin,
            during: Period::ALWAYS,
            basis: Basis::Stated,
        }
    }

    /// Whether it held on `day`, as far as the papers say: by its period,
    /// and unknown where the paper says only that it possibly held, or
    /// suggests or proposes it.
    pub fn holds_at(&self, timeline: &Timeline, day: Day) -> Holding {
        let by_date = timeline.holds(self.during, day);
        match (self.basis.in_doubt(), by_date) {
            (true, Holding::Yes) => Holding::Unknown(Uncertainty::Possibly),
            (true | false, holding) => holding,
        }
    }
}

/// A descriptive fact of an entity that the papers may date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Described {
    /// Its title.
    Title(String),
    /// The person holding a post, or a member's name.
    Person(String),
    /// Whether it has functions beyond those listed (`None`: unknown).
    OtherFunctions(Option<bool>),
}

impl Described {
    /// The field that states it.
    pub fn field(&self, kind: EntityKind) -> &'static str {
        match (self, kind) {
            (Described::Title(_), _) => "title",
            (Described::Person(_), EntityKind::Member) => "name",
            (
                Described::Person(_),
                EntityKind::Post | EntityKind::Body | EntityKind::Service | EntityKind::Organisation,
            ) => "holder",
            (Described::OtherFunctions(_), _) => "other_functions",
        }
    }

    /// Whether two lines state the same fact (two titles), which may then
    /// hold only at different times.
    pub fn same_fact(&self, other: &Described) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// A post, member, body or service of an arrangement.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its id in the file (inline when short, as nearly all are: a large
    /// council holds one for every post).
    pub key: CompactString,
    /// Its kind.
    pub kind: EntityKind,
    /// Its title.
    pub title: Option<String>,
    /// The person holding it, or the member's name.
    pub person: Option<String>,
    /// A member's portfolio.
    pub portfolio: Option<String>,
    /// When it existed: a post created or deleted, a member elected or
    /// gone, a body set up or abolished. Its facts hold only within it.
    pub life: Period,
    /// The `exists` lines that give `life`'s ends, each with its own
    /// evidence and basis (`exists from 2033-10 inferred per minute`), for
    /// the verdicts that rest on the life to cite.
    pub life_lines: ThinVec<Stated<()>>,
    /// Roles held, each line over its period.
    pub roles: ThinVec<Stated<RoleId>>,
    /// The lines of `roles` held by turns with others (`in_turns`).
    pub turns: ThinVec<Turn>,
    /// Functions it is responsible for, each stated list over its period.
    pub functions: ThinVec<Stated<Vec<FunctionId>>>,
    /// For a body, its kind (boxed: only bodies have one).
    pub body_kind: Option<Box<Stated<BodyKindId>>>,
    /// Relations stated, each with its targets.
    pub relations: ThinVec<(RelationId, Stated<Vec<EntityId>>)>,
    /// Attributes stated.
    pub attributes: ThinVec<(AttributeId, Stated<TypedValue>)>,
    /// Whether it has functions beyond those listed: `Some(false)` when
    /// the list is complete (the default), `None` when the council's paper
    /// does not say.
    pub other_functions: Option<bool>,
    /// Its `title`, holder's name and `other_functions` lines where the
    /// papers date them (`title "…" until 2033-04-01`); `title`, `person`
    /// and `other_functions` above say what they were as at the date
    /// verified ([`Arrangement::settle`]).
    pub described: ThinVec<Stated<Described>>,
    /// Its ties to organisations beside the council: an organisation's
    /// sort, owners and board, a service's providers, a post's employers
    /// and secondments; `None` when it states none, as most posts of a
    /// large council do (read with [`Entity::ties`]; boxed, since the ties
    /// are most of an entity's size).
    pub organisation_ties: Option<Box<Ties>>,
    /// Remarks.
    pub note: Option<String>,
    /// Where declared.
    pub span: Span,
}

/// A role held by turns (`holds DCS in_turns "weeks 1 and 3 of each
/// month"`): the entity holds it on some days, another holder by turns on
/// the others, so on any one day one of them holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// The line of the entity's `roles`.
    pub line: usize,
    /// How the papers divide the days, in their words.
    pub pattern: String,
}

impl Entity {
    /// Its ties to organisations beside the council (empty if it states
    /// none).
    pub fn ties(&self) -> &Ties {
        // A static, not the constant itself: a constant holding vectors is
        // not promoted to a reference that outlives the call.
        static NONE: Ties = Ties::NONE;
        self.organisation_ties.as_deref().unwrap_or(&NONE)
    }

    /// Its ties, to be stated: made empty on the first.
    pub fn ties_mut(&mut self) -> &mut Ties {
        self.organisation_ties.get_or_insert_with(Box::default)
    }

    /// How the papers divide the days of a role line held by turns, if
    /// it is.
    pub fn turns_of(&self, line: usize) -> Option<&str> {
        self.turns
            .iter()
            .find(|turn| turn.line == line)
            .map(|turn| turn.pattern.as_str())
    }

    /// The name to use in sentences: its title, else its id.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.key)
    }

    /// Where one line of its facts is stated, over which period it held,
    /// and how it is known.
    pub fn line(&self, line: Line) -> Option<(&FactOrigin, Period, Basis)> {
        fn parts<T>(stated: &Stated<T>) -> (&FactOrigin, Period, Basis) {
            (&stated.origin, stated.during, stated.basis)
        }
        match line {
            Line::Role(index) => self.roles.get(index).map(parts),
            Line::Functions(index) => self.functions.get(index).map(parts),
            Line::Relation(index) => self.relations.get(index).map(|(_, stated)| parts(stated)),
            Line::Attribute(index) => self.attributes.get(index).map(|(_, stated)| parts(stated)),
            Line::BodyKind => self.body_kind.as_deref().map(parts),
            Line::Described(index) => self.described.get(index).map(parts),
            Line::Owner(index) => self.ties().owners.get(index).map(parts),
            Line::Board => self.ties().board.as_ref().map(parts),
            Line::Provider(index) => self.ties().providers.get(index).map(parts),
            Line::Employer(index) => self.ties().employers.get(index).map(parts),
            Line::Secondment(index) => self.ties().secondments.get(index).map(parts),
        }
    }

    /// Its title, holder's name and `other_functions` as at `day`: for
    /// each, the line that surely holds then; where the papers date its
    /// lines and none surely holds, `other_functions` is unknown, and the
    /// title or name is that of the last line that may hold (else the
    /// first line's, so that the entity keeps a name).
    pub fn settle(&mut self, timeline: &Timeline, day: Day) {
        if self.described.iter().all(|line| line.during.is_always()) {
            return;
        }
        let pick = |wanted: &Described| {
            let lines: Vec<&Stated<Described>> = self
                .described
                .iter()
                .filter(|line| line.value.same_fact(wanted))
                .collect();
            let sure = lines
                .iter()
                .find(|line| timeline.holds(line.during, day) == Holding::Yes);
            let maybe = lines
                .iter()
                .rev()
                .find(|line| timeline.holds(line.during, day) != Holding::No);
            (
                sure.map(|line| line.value.clone()),
                maybe.map(|line| line.value.clone()),
                lines.first().map(|line| line.value.clone()),
                !lines.is_empty(),
            )
        };
        let (sure, maybe, first, any) = pick(&Described::Title(String::new()));
        if any {
            self.title = match sure.or(maybe).or(first) {
                Some(Described::Title(title)) => Some(title),
                _ => self.title.take(),
            };
        }
        let (sure, maybe, first, any) = pick(&Described::Person(String::new()));
        if any {
            self.person = match sure.or(maybe).or(first) {
                Some(Described::Person(person)) => Some(person),
                _ => self.person.take(),
            };
        }
        let (sure, _, _, any) = pick(&Described::OtherFunctions(None));
        if any {
            self.other_functions = match sure {
                Some(Described::OtherFunctions(other)) => other,
                // Dated lines, none surely holding: not known.
                _ => None,
            };
        }
    }

    /// Whether it existed on `day`.
    pub fn exists_at(&self, timeline: &Timeline, day: Day) -> Holding {
        timeline.holds(self.life, day)
    }

    /// Whether one of its facts held on `day`: the fact's own period, and
    /// the entity's life.
    pub fn fact_at<T>(&self, timeline: &Timeline, fact: &Stated<T>, day: Day) -> Holding {
        self.exists_at(timeline, day).and(fact.holds_at(timeline, day))
    }

    /// The line stating that it holds a role on `day`, if any may: a line
    /// that surely holds before one that may.
    pub fn holds_at(&self, timeline: &Timeline, role: RoleId, day: Day) -> Option<(&Stated<RoleId>, Holding)> {
        best(self.roles.iter().filter(|fact| fact.value == role), |fact| {
            self.fact_at(timeline, fact, day)
        })
    }

    /// Whether it holds a role at any time.
    pub fn ever_holds(&self, role: RoleId) -> bool {
        self.roles.iter().any(|fact| fact.value == role)
    }

    /// Every stated line of a relation that may hold on `day` (a relation
    /// may be listed line by line), with whether it does.
    pub fn relation_at(
        &self,
        timeline: &Timeline,
        relation: RelationId,
        day: Day,
    ) -> Vec<(&Stated<Vec<EntityId>>, Holding)> {
        self.relations
            .iter()
            .filter(|(id, _)| *id == relation)
            .map(|(_, fact)| (fact, self.fact_at(timeline, fact, day)))
            .filter(|(_, holding)| holding.possible())
            .collect()
    }

    /// The value of an attribute on `day`, if one may hold: a value that
    /// surely holds before one that may.
    pub fn attribute_at(
        &self,
        timeline: &Timeline,
        attribute: AttributeId,
        day: Day,
    ) -> Option<(&Stated<TypedValue>, Holding)> {
        best(
            self.attributes
                .iter()
                .filter(|(id, _)| *id == attribute)
                .map(|(_, fact)| fact),
            |fact| self.fact_at(timeline, fact, day),
        )
    }

    /// The lists of functions that may hold on `day`, with whether each
    /// does.
    pub fn functions_at(&self, timeline: &Timeline, day: Day) -> Vec<(&Stated<Vec<FunctionId>>, Holding)> {
        self.functions
            .iter()
            .map(|fact| (fact, self.fact_at(timeline, fact, day)))
            .filter(|(_, holding)| holding.possible())
            .collect()
    }
}

/// Of facts that may hold, the one that surely does, else the first that
/// may.
fn best<'a, T: 'a>(
    facts: impl Iterator<Item = &'a Stated<T>>,
    holding: impl Fn(&Stated<T>) -> Holding,
) -> Option<(&'a Stated<T>, Holding)> {
    let mut maybe = None;
    for fact in facts {
        match holding(fact) {
            Holding::Yes => return Some((fact, Holding::Yes)),
            Holding::Unknown(why) => {
                if maybe.is_none() {
                    maybe = Some((fact, Holding::Unknown(why)));
                }
            }
            Holding::No => {}
        }
    }
    maybe
}

/// What an answer says: its words, or that they are not at hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerWords {
    /// The council's words.
    Text(String),
    /// The papers record that the council answered, but its words are not
    /// at hand (why, in the arrangements' words).
    NotAtHand(String),
}

impl AnswerWords {
    /// The words, or why they are not at hand.
    pub fn text(&self) -> &str {
        match self {
            AnswerWords::Text(text) | AnswerWords::NotAtHand(text) => text,
        }
    }

    /// Whether the council's own words are at hand.
    pub fn at_hand(&self) -> bool {
        match self {
            AnswerWords::Text(_) => true,
            AnswerWords::NotAtHand(_) => false,
        }
    }
}

/// A council's answer to a question (or its account of how it discharges a
/// duty).
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The question or duty answered.
    pub duty: DutyId,
    /// When given: its instant (written, or its document's date, or some
    /// day up to the end of the papers).
    pub given: InstantId,
    /// Who gave it.
    pub by: Option<String>,
    /// The council's own reference.
    pub reference: Option<String>,
    /// The question in the council's own words, when its paper words it
    /// differently from the guidance.
    pub asked: Option<String>,
    /// The answer.
    pub text: AnswerWords,
    /// The edition or amendment whose words it answered (`against KEY`),
    /// when its date cannot tell: an answer with a date answered the words
    /// in force then.
    pub against: Option<usize>,
    /// The posts, members, bodies or services it speaks of (`about
    /// company`): an answer cannot have been given before they existed.
    pub about: Vec<EntityId>,
    /// Where it is stated.
    pub origin: FactOrigin,
}

/// A recorded departure from a `should` duty.
#[derive(Clone, Debug, PartialEq)]
pub struct Departure {
    /// The duty departed from.
    pub duty: DutyId,
    /// The reasons given.
    pub reasons: String,
    /// Who approved it.
    pub approved_by: Option<String>,
    /// When.
    pub approved: Option<PartialDate>,
    /// When it should be looked at again.
    pub review_by: Option<PartialDate>,
    /// The edition or amendment whose words its reasons addressed
    /// (`against KEY`), when its date cannot tell.
    pub against: Option<usize>,
    /// Where it is stated.
    pub origin: FactOrigin,
}

/// A checked arrangement of one council.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrangement {
    /// Its id.
    pub key: String,
    /// The file it was read from.
    pub file: FileId,
    /// The council's name.
    pub council: Option<String>,
    /// The kind of council.
    pub council_kind: Option<CouncilKind>,
    /// Whether it is an upper-tier authority.
    pub upper_tier: Option<bool>,
    /// The governance model it operates, as stated.
    pub governance: Option<Stated<Governance>>,
    /// Governance models it is considering adopting, as stated.
    pub considering: Vec<Stated<Governance>>,
    /// The guidance it answers to.
    pub answers_to: Vec<String>,
    /// The kinds of entity the arrangement lists completely.
    pub complete_kinds: Vec<EntityKind>,
    /// The relations the arrangement lists completely (besides lines of
    /// accountability, which are complete by nature).
    pub complete_relations: Vec<RelationId>,
    /// Kinds of body the council states it does not have, with the source.
    pub has_no: Vec<Stated<BodyKindId>>,
    /// Documents its facts come from.
    pub documents: Vec<Document>,
    /// Every date it gives, and what the papers say of their order.
    pub timeline: Timeline,
    /// Posts, members, bodies and services.
    pub entities: Vec<Entity>,
    /// The timeline, in file order.
    pub events: Vec<Event>,
    /// Answers.
    pub answers: Vec<Answer>,
    /// Recorded departures.
    pub departures: Vec<Departure>,
    /// The date up to which the timeline is complete (the paper's date):
    /// after it, that nothing is recorded is not evidence that nothing
    /// happened.
    pub known_until: Option<KnownUntil>,
    /// The end of the papers: the last day their facts speak of (the
    /// stated `known_until`, else the latest date the arrangements give).
    pub papers_end: Option<Day>,
    /// The shared files whose posts, members and bodies it includes.
    pub shared_files: Vec<FileId>,
    /// Amendments that commence area by area, with the date from which
    /// they took effect for this council (`commenced KEY from DATE`).
    pub commenced: Vec<Stated<String>>,
    /// The header.
    pub span: Span,
}

/// Up to when the arrangements' timeline is complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownUntil {
    /// The date; `None` for `known_until unknown`: the papers are never
    /// taken as complete.
    pub date: Option<PartialDate>,
    /// Whether the arrangements state it (`known_until`), or it is the
    /// latest date they mention.
    pub stated: bool,
}

/// How the end of a council's papers is known: what a verdict past it can
/// say of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PapersEndKind {
    /// The arrangements state it (`known_until DATE`).
    Stated,
    /// The latest date the papers give; nothing says where they stop.
    Latest,
    /// The papers are extracts, never taken as complete (`known_until
    /// unknown`): the latest date they give.
    Extracts,
}

impl Arrangement {
    /// The end of the papers (the last day their facts speak of) and how
    /// it is known; `None` for papers that give no date at all.
    pub fn papers_end(&self) -> Option<(Day, PapersEndKind)> {
        let end = self.papers_end?;
        let kind = match self.known_until {
            Some(KnownUntil {
                date: Some(_),
                stated: true,
            }) => PapersEndKind::Stated,
            Some(KnownUntil { date: None, .. }) => PapersEndKind::Extracts,
            Some(KnownUntil {
                date: Some(_),
                stated: false,
            })
            | None => PapersEndKind::Latest,
        };
        Some((end, kind))
    }

    /// Whether the arrangement lists every entity of a kind.
    pub fn lists_every(&self, kind: EntityKind) -> bool {
        self.complete_kinds.contains(&kind)
    }

    /// The statement that the council has no body of a kind on `day`, if
    /// made and surely holding then.
    pub fn has_no_at(&self, kind: BodyKindId, day: Day) -> Option<&Stated<BodyKindId>> {
        self.has_no
            .iter()
            .find(|fact| fact.value == kind && fact.holds_at(&self.timeline, day) == Holding::Yes)
    }

    /// Where one event lies relative to another, as far as the papers say
    /// (by `after` links and dates alike, through the timeline).
    pub fn event_order(&self, first: EventId, second: EventId) -> Relative {
        match (self.event(first), self.event(second)) {
            (Some(first), Some(second)) => self.timeline.order(first.at, second.at),
            _ => Relative::Overlapping,
        }
    }

    /// The events in their known order: an event comes after every event
    /// it is known to follow (by date or by `after`); where the papers do
    /// not tell (overlapping partial dates, no date), the file's order is
    /// kept.
    pub fn events_in_order(&self) -> Vec<EventId> {
        let mut left: Vec<EventId> = (0..self.events.len()).map(EventId::from_index).collect();
        let mut ordered = Vec::with_capacity(left.len());
        while !left.is_empty() {
            let next = left
                .iter()
                .position(|candidate| {
                    !left
                        .iter()
                        .any(|other| self.event_order(*other, *candidate) == Relative::Before)
                })
                // The timeline's order has no circle (the checker refuses
                // one), so some event always comes first; file order else.
                .unwrap_or(0);
            ordered.push(left.remove(next));
        }
        ordered
    }

    /// The state of the arrangements as at a day, as undated facts: what
    /// surely held then, stated to hold throughout; what may have held,
    /// with its period kept (so it stays uncertain); nothing that did not
    /// hold. Entities that did not exist keep their place (ids do not
    /// move) but lose their facts. The timeline, answers and departures
    /// are kept as they are. Duties on the state of the arrangements give
    /// the same verdicts on it as on the arrangements themselves; duties
    /// on their history (changes) cannot, as it has none.
    pub fn at(&self, day: Day) -> Arrangement {
        let mut state = self.at_unsettled(day);
        state.settle(day);
        state
    }

    /// Sets every entity's title, holder's name and `other_functions` to
    /// what the papers say as at `day` ([`Entity::settle`]).
    pub fn settle(&mut self, day: Day) {
        let Arrangement { entities, timeline, .. } = self;
        for entity in entities {
            entity.settle(timeline, day);
        }
    }

    fn at_unsettled(&self, day: Day) -> Arrangement {
        let timeline = &self.timeline;
        let mut state = self.clone();
        for entity in &mut state.entities {
            let exists = entity.exists_at(timeline, day);
            if exists == Holding::No {
                entity.roles.clear();
                entity.functions.clear();
                entity.relations.clear();
                entity.attributes.clear();
                entity.body_kind = None;
                let kind = entity.ties().kind;
                entity.organisation_ties = kind.map(|kind| {
                    Box::new(Ties {
                        kind: Some(kind),
                        ..Ties::default()
                    })
                });
                continue;
            }
            entity.roles = kept(timeline, &entity.roles, day);
            entity.functions = kept(timeline, &entity.functions, day);
            entity.relations = kept_pairs(timeline, &entity.relations, day);
            entity.attributes = kept_pairs(timeline, &entity.attributes, day);
            if let Some(ties) = &mut entity.organisation_ties {
                ties.owners = kept(timeline, &ties.owners, day);
                ties.providers = kept(timeline, &ties.providers, day);
                ties.employers = kept(timeline, &ties.employers, day);
                ties.secondments = kept(timeline, &ties.secondments, day);
            }
            if exists == Holding::Yes {
                entity.life = Period::ALWAYS;
            }
        }
        state.has_no = kept(timeline, &self.has_no, day);
        state
    }

    /// The council's name, else the arrangement's id.
    pub fn council_name(&self) -> &str {
        self.council.as_deref().unwrap_or(&self.key)
    }
}

/// Of facts, those that may hold on `day` ([`kept_fact`]).
fn kept<T: Clone, C: FromIterator<Stated<T>>>(timeline: &Timeline, facts: &[Stated<T>], day: Day) -> C {
    facts.iter().filter_map(|fact| kept_fact(timeline, fact, day)).collect()
}

/// [`kept`] for facts listed with their relation or attribute.
fn kept_pairs<K: Copy, T: Clone, C: FromIterator<(K, Stated<T>)>>(
    timeline: &Timeline,
    facts: &[(K, Stated<T>)],
    day: Day,
) -> C {
    facts
        .iter()
        .filter_map(|(key, fact)| Some((*key, kept_fact(timeline, fact, day)?)))
        .collect()
}

/// A fact as it stands on `day`: one that surely holds is kept as holding
/// throughout; one that may is kept as it is, so it stays uncertain; one
/// that does not is dropped.
fn kept_fact<T: Clone>(timeline: &Timeline, fact: &Stated<T>, day: Day) -> Option<Stated<T>> {
    match fact.holds_at(timeline, day) {
        Holding::Yes => Some(Stated {
            during: Period::ALWAYS,
            ..fact.clone()
        }),
        Holding::Unknown(_) => Some(fact.clone()),
        Holding::No => None,
    }
}
