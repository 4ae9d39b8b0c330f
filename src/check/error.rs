//! What the check stage finds wrong, as data. `crate::diagnostics` turns
//! each variant into a coded message.

use crate::date::{Day, PartialDate};
use crate::model::{EntityKind, Modality, OrganisationKind};
use crate::source::Span;
use crate::syntax::ast::ItemKind;

pub use super::parts::{Disagreement, FileKind, Found, NameKind, Needed, Shape, Term};
pub use super::problems::{DatesProblem, HeaderProblem, Misuse, OrderInDoubt, Said, Window};

/// A problem found by the check stage. Errors stop evaluation; warnings
/// (those whose [`CheckError::is_warning`] is true) do not.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CheckError {
    /// A name that is not declared.
    UnknownName {
        /// What kind of thing was expected (a role, a paragraph…).
        expected: NameKind,
        /// The name written.
        name: String,
        /// Where.
        span: Span,
        /// The closest declared name, if one is close.
        suggestion: Option<String>,
    },
    /// A test's `expect` names a verdict, kind of reason or kind of
    /// missing fact that does not exist.
    UnknownTerm {
        /// Which of the three.
        term: Term,
        /// What was written.
        written: String,
        /// Where.
        span: Span,
        /// The closest, if one is close.
        suggestion: Option<String>,
    },
    /// A test with no `expect`: it could not fail.
    NoExpectations {
        /// The test's name.
        span: Span,
    },
    /// A test with no arrangements to start from: no `given`, and its
    /// file has no `arrangements` header.
    NothingToTest {
        /// The test's name.
        span: Span,
    },
    /// A file a test names with `given` cannot be read.
    GivenUnreadable {
        /// The path as written.
        path: String,
        /// Why, in words.
        reason: String,
        /// The string that names it.
        span: Span,
    },
    /// A test changes an item of a kind tests do not change (a duty, a
    /// role): tests change arrangements, not the guidance they test.
    NotChangeable {
        /// The keyword written.
        kind: String,
        /// Where.
        span: Span,
    },
    /// A test changes an item or field its arrangements do not have.
    NothingToChange {
        /// The item's keyword and name (`post director`).
        item: String,
        /// The field, when the item is there but the field is not.
        field: Option<String>,
        /// The change.
        span: Span,
    },
    /// The arrangements a test starts from are not one council's.
    NotOneCouncil {
        /// How many councils they hold.
        found: usize,
        /// The test's name.
        span: Span,
    },
    /// Two declarations with the same id.
    Duplicate {
        /// What kind of thing.
        what: NameKind,
        /// The id.
        name: String,
        /// The second declaration.
        span: Span,
        /// The first.
        first: Span,
    },
    /// A name of the wrong kind where a particular kind is needed
    /// (`reports_to` relates posts, but `LMCS` is a member role).
    WrongKind {
        /// What the place needs.
        expected: Needed,
        /// What the name is.
        found: Found,
        /// The name.
        span: Span,
        /// Where the name is declared, or the declaration that sets the
        /// expectation.
        declared: Option<Span>,
    },
    /// A value of the wrong type for a field or attribute.
    WrongType {
        /// The field or attribute.
        field: String,
        /// The type it needs.
        expected: Shape,
        /// What was written.
        span: Span,
        /// Where the attribute is declared.
        declared: Option<Span>,
    },
    /// A duty or question that cites no paragraph.
    NoCitation {
        /// The duty's id.
        duty: String,
        /// The duty.
        span: Span,
    },
    /// A citation names a sentence its paragraph does not have.
    NoSuchSentence {
        /// The paragraph's key.
        paragraph: String,
        /// The number written.
        number: usize,
        /// How many sentences the paragraph has.
        count: usize,
        /// The number.
        span: Span,
    },
    /// `(sentences …)` or `(context)` after a value of a field other than
    /// `cites`.
    SelectionNotCitation {
        /// The field's name.
        field: String,
        /// The selection.
        span: Span,
    },
    /// A citation names sentences of a paragraph whose words are not at
    /// hand.
    SentencesNotAtHand {
        /// The paragraph's key.
        paragraph: String,
        /// The paragraph's key in `cites`.
        span: Span,
    },
    /// A `must` and a `must not` of the same thing for the same subject.
    Contradiction {
        /// The later duty.
        duty: String,
        /// Its rule.
        span: Span,
        /// The earlier duty.
        other: String,
        /// Its rule.
        other_span: Span,
    },
    /// A field the item does not have.
    UnknownField {
        /// The item kind.
        item: ItemKind,
        /// The field written.
        field: String,
        /// Where.
        span: Span,
        /// The closest field the item has.
        suggestion: Option<String>,
        /// The fields the item has.
        allowed: Vec<String>,
        /// The field it follows on the same line, as written, and the
        /// empty span where that field ends (where the comma goes), when
        /// there is one and the word is close to no field: then the word
        /// is most likely a value missing its comma (`holds DCS DASS`).
        run_on: Option<(String, Span)>,
    },
    /// A field the item needs.
    MissingField {
        /// The item kind.
        item: ItemKind,
        /// The field, as the language spells it (`title`): the name of a
        /// piece of syntax, quoted in the message, not words about it.
        field: &'static str,
        /// The item's head.
        span: Span,
    },
    /// A field given twice.
    RepeatedField {
        /// The field.
        field: String,
        /// The second.
        span: Span,
        /// The first.
        first: Span,
    },
    /// A file with no header, or with two.
    Header {
        /// What is wrong.
        problem: HeaderProblem,
        /// Where.
        span: Span,
        /// The other header, when there are two.
        other: Option<Span>,
    },
    /// An item that does not belong in this kind of file.
    Misplaced {
        /// The item's kind.
        item: ItemKind,
        /// The kind of file it is in.
        file_kind: FileKind,
        /// The item.
        span: Span,
    },
    /// `shares` names a file that does not start `shared NAME { … }`.
    NotShared {
        /// The header the file has instead (`arrangements`), if any.
        found: Option<ItemKind>,
        /// The file named.
        path: String,
        /// The reference.
        span: Span,
    },
    /// A local policy's duty cites a paragraph whose words an amendment
    /// changes or repeals.
    AmendedCitation {
        /// The duty.
        duty: String,
        /// The paragraph.
        paragraph: String,
        /// The amendments that change it.
        amendments: Vec<String>,
        /// The duty's key.
        span: Span,
    },
    /// Arrangements that answer to other editions, read against the one in
    /// force as at the date.
    OtherEdition {
        /// The editions the arrangements answer to.
        answers_to: Vec<String>,
        /// The edition in force.
        in_force: String,
        /// How many answers and departures name duties the edition in
        /// force does not have, and were left out.
        left_out: usize,
        /// The arrangements header.
        span: Span,
    },
    /// An answer or departure naming a duty of another edition given, not
    /// of the one checked against, in arrangements that do not answer to
    /// that edition: left out.
    AnswersOtherEdition {
        /// `answer` or `departure`.
        item: ItemKind,
        /// The duty or question named.
        duty: String,
        /// The editions that have it.
        editions: Vec<String>,
        /// The edition checked against.
        in_force: String,
        /// The name of the answer or departure.
        span: Span,
    },
    /// A shared file that no arrangements given share, so nothing in it
    /// was checked.
    UnusedShared {
        /// The shared file's header.
        span: Span,
    },
    /// A problem in a shared file found only when it is read with some of
    /// the councils that share it (a name the others declare).
    ReadWith {
        /// The councils it was found with.
        councils: Vec<String>,
        /// The problem.
        error: Box<CheckError>,
    },
    /// A duty with no rule or more than one, or a rule in an item that
    /// cannot have one.
    RuleCount {
        /// The item's id.
        item: String,
        /// How many rules were found.
        found: usize,
        /// The item (or the extra rule).
        span: Span,
    },
    /// A tag value outside the key's declared values.
    TagValue {
        /// The key.
        key: String,
        /// The value written.
        value: String,
        /// Where.
        span: Span,
        /// The declared values.
        allowed: Vec<String>,
        /// The closest one.
        suggestion: Option<String>,
    },
    /// A departure recorded from a duty that is not a `should`.
    DepartureFromMust {
        /// The duty.
        duty: String,
        /// Its modality.
        modality: Modality,
        /// The departure.
        span: Span,
        /// The duty's declaration (in the policy).
        duty_span: Span,
    },
    /// A post that reports to a member.
    ReportsToMember {
        /// The post.
        post: String,
        /// The member.
        member: String,
        /// The fact.
        span: Span,
        /// The member's declaration.
        member_span: Span,
    },
    /// A reporting line that comes back on itself.
    ReportingLoop {
        /// The posts in the loop, in order.
        posts: Vec<String>,
        /// The fact that closes the loop.
        span: Span,
        /// The other facts in the loop.
        others: Vec<Span>,
        /// A day on which the loop held, when the lines are dated.
        on: Option<crate::date::Day>,
    },
    /// A role held by the wrong kind of holder (an officer role held by a
    /// member).
    WrongHolder {
        /// The role.
        role: String,
        /// The kind that should hold it.
        expected: EntityKind,
        /// The kind that holds it.
        found: EntityKind,
        /// The fact.
        span: Span,
        /// The role's declaration.
        role_span: Option<Span>,
    },
    /// More than one guidance edition where one is needed.
    SeveralEditions {
        /// The editions.
        names: Vec<String>,
        /// The second header.
        span: Span,
        /// The first.
        first: Span,
    },
    /// Several guidance editions, none of them in force as at the date.
    NoEditionInForce {
        /// The date.
        as_at: Day,
        /// The editions, each by its key with the date it came into force.
        editions: Vec<(String, PartialDate)>,
        /// The first edition's header.
        span: Span,
    },
    /// A vocabulary item no duty or question uses.
    UnusedVocabulary {
        /// Its kind (a role…).
        what: NameKind,
        /// Its id.
        name: String,
        /// Where declared.
        span: Span,
    },
    /// A paragraph no duty or question cites.
    UnencodedParagraph {
        /// The paragraph key.
        key: String,
        /// Where declared.
        span: Span,
    },
    /// Text in a file holds characters that act on a terminal or reorder
    /// text when printed raw (see [`crate::visible`]).
    HiddenCharacters {
        /// Each such character, once, in the order it first appears.
        characters: Vec<char>,
        /// The string, name or line that holds them.
        span: Span,
        /// Whether they are in a string or name (else outside one: in a
        /// comment, say).
        in_string: bool,
    },
    /// The same value twice in a list, or in two lines whose periods
    /// overlap (`holds DCS, DCS`).
    RepeatedValue {
        /// The value.
        value: String,
        /// The second.
        span: Span,
        /// The first.
        first: Span,
    },
    /// A period that ends before it begins (`from 2019 until 2017`).
    ReversedPeriod {
        /// The period.
        span: Span,
    },
    /// What the papers say of a date cannot all hold: its date and its
    /// bounds, or its bounds and another date's (`on 2015 after x` where
    /// `x` is in 2016).
    DatesContradict {
        /// The date whose bound cannot hold with the others.
        span: Span,
    },
    /// A fact of an entity said to hold outside the entity's own life.
    OutsideLife {
        /// The entity.
        entity: String,
        /// The fact.
        span: Span,
        /// The entity's `from` or `until`.
        life: Span,
    },
    /// Two posts or members surely hold the same role on the same day.
    SharedRole {
        /// The role.
        role: String,
        /// The later line.
        span: Span,
        /// The earlier line.
        other: Span,
    },
    /// Two posts or members that may hold the same role on the same day:
    /// the papers leave open the order of the dates that would tell.
    MaySharedRole {
        /// The role.
        role: String,
        /// The later line.
        span: Span,
        /// The earlier line.
        other: Span,
        /// The questions of order that decide it, each still open.
        doubts: Vec<OrderInDoubt>,
    },
    /// An appointment, designation or vacancy that the facts do not bear
    /// out.
    EventDisagrees {
        /// The event.
        event: String,
        /// What is wrong.
        problem: Disagreement,
        /// The event.
        span: Span,
        /// The fact it disagrees with, if one.
        fact: Option<Span>,
    },
    /// Events each said to come after the other.
    EventOrderLoop {
        /// The events, in order.
        events: Vec<String>,
        /// The `after` that closes the loop.
        span: Span,
    },
    /// A field whose value is not one of a fixed set of words.
    NotOneOf {
        /// The field.
        field: String,
        /// What was written.
        value: String,
        /// What is allowed: the words the language accepts there (`yes`,
        /// `post`…), each quoted as written, so the grammar's own spelling
        /// rather than words about them.
        allowed: Vec<&'static str>,
        /// Where.
        span: Span,
    },
    /// The dates of an Act, amendment or local policy that cannot be:
    /// enacted after it came into force, in force without saying what
    /// commenced it, withdrawn before it was adopted.
    LawDates {
        /// What is wrong.
        problem: DatesProblem,
        /// Where.
        span: Span,
    },
    /// A paragraph of the guidance `restates` a duty, question or law that
    /// is the guidance's own, not the law's: only what an Act (or another
    /// guidance beside it) provides can be restated.
    RestatesNotLaw {
        /// The key named.
        key: String,
        /// The edition that provides it.
        edition: String,
        /// Where.
        span: Span,
    },
    /// A local policy's vocabulary item named as one of the national
    /// vocabulary (the guidance's, the law's).
    NationalName {
        /// What the local policy declares.
        kind: NameKind,
        /// The name.
        name: String,
        /// The local declaration.
        span: Span,
        /// What the national vocabulary declares by the name.
        first_kind: NameKind,
        /// The national declaration.
        first: Span,
        /// The edition or Act that declares it.
        edition: String,
    },
    /// `seconded_from` names an organisation that is not a council: an
    /// officer is seconded from another council.
    NotACouncil {
        /// The organisation named.
        name: String,
        /// Its sort, as its `kind` line gives it.
        kind: Option<OrganisationKind>,
        /// Where it is named.
        span: Span,
        /// Where it is declared.
        declared: Span,
    },
    /// `in_turns` on a line that is not a `holds` line: only a role is
    /// held by turns.
    TurnsMisplaced {
        /// The field it follows.
        field: String,
        /// The `in_turns` clause.
        span: Span,
    },
    /// A predicate that cannot be used in this place (a timeline predicate
    /// on a post, a post predicate on the council).
    MisusedPredicate {
        /// What is wrong.
        problem: Misuse,
        /// Where.
        span: Span,
    },
}

impl CheckError {
    /// Whether this is a warning rather than an error.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            CheckError::UnusedVocabulary { .. }
                | CheckError::UnencodedParagraph { .. }
                | CheckError::SharedRole { .. }
                | CheckError::MaySharedRole { .. }
                | CheckError::UnusedShared { .. }
                | CheckError::OtherEdition { .. }
                | CheckError::AnswersOtherEdition { .. }
                | CheckError::AmendedCitation { .. }
                | CheckError::HiddenCharacters { .. }
        ) || matches!(self, CheckError::ReadWith { error, .. } if error.is_warning())
    }

    /// The span the message points at first.
    pub fn span(&self) -> Span {
        match self {
            CheckError::ReadWith { error, .. } => error.span(),
            CheckError::UnknownName { span, .. }
            | CheckError::UnknownTerm { span, .. }
            | CheckError::NoExpectations { span }
            | CheckError::NothingToTest { span }
            | CheckError::GivenUnreadable { span, .. }
            | CheckError::NotChangeable { span, .. }
            | CheckError::NothingToChange { span, .. }
            | CheckError::NotOneCouncil { span, .. }
            | CheckError::Duplicate { span, .. }
            | CheckError::WrongKind { span, .. }
            | CheckError::WrongType { span, .. }
            | CheckError::NoCitation { span, .. }
            | CheckError::NoSuchSentence { span, .. }
            | CheckError::SentencesNotAtHand { span, .. }
            | CheckError::SelectionNotCitation { span, .. }
            | CheckError::Contradiction { span, .. }
            | CheckError::UnknownField { span, .. }
            | CheckError::MissingField { span, .. }
            | CheckError::RepeatedField { span, .. }
            | CheckError::Header { span, .. }
            | CheckError::Misplaced { span, .. }
            | CheckError::NotShared { span, .. }
            | CheckError::UnusedShared { span }
            | CheckError::OtherEdition { span, .. }
            | CheckError::AnswersOtherEdition { span, .. }
            | CheckError::AmendedCitation { span, .. }
            | CheckError::RuleCount { span, .. }
            | CheckError::TagValue { span, .. }
            | CheckError::DepartureFromMust { span, .. }
            | CheckError::ReportsToMember { span, .. }
            | CheckError::ReportingLoop { span, .. }
            | CheckError::WrongHolder { span, .. }
            | CheckError::SeveralEditions { span, .. }
            | CheckError::NoEditionInForce { span, .. }
            | CheckError::UnusedVocabulary { span, .. }
            | CheckError::UnencodedParagraph { span, .. }
            | CheckError::HiddenCharacters { span, .. }
            | CheckError::NotOneOf { span, .. }
            | CheckError::RepeatedValue { span, .. }
            | CheckError::ReversedPeriod { span }
            | CheckError::DatesContradict { span }
            | CheckError::OutsideLife { span, .. }
            | CheckError::SharedRole { span, .. }
            | CheckError::MaySharedRole { span, .. }
            | CheckError::EventDisagrees { span, .. }
            | CheckError::EventOrderLoop { span, .. }
            | CheckError::MisusedPredicate { span, .. }
            | CheckError::LawDates { span, .. }
            | CheckError::RestatesNotLaw { span, .. }
            | CheckError::TurnsMisplaced { span, .. }
            | CheckError::NotACouncil { span, .. }
            | CheckError::NationalName { span, .. } => *span,
        }
    }
}
