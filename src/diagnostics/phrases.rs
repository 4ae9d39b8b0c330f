//! The words for the typed parts of check errors: what a place needs, what
//! stands there instead, the shape of a value, and what cannot be said
//! where.

use crate::check::{DatesProblem, FileKind, Found, Misuse, NameKind, Needed, Said, Shape, Window};
use crate::model::{EntityKind, ValueType};
use crate::syntax::ast::ItemKind;

/// An item kind as a noun: its keyword, but "arrangements block" for the
/// one keyword that is a plural.
fn item_noun(item: ItemKind) -> &'static str {
    match item {
        ItemKind::Arrangements => "arrangements block",
        ItemKind::Guidance
        | ItemKind::LocalPolicy
        | ItemKind::Amendment
        | ItemKind::Shared
        | ItemKind::Document
        | ItemKind::Role
        | ItemKind::Function
        | ItemKind::BodyKind
        | ItemKind::Relation
        | ItemKind::Attribute
        | ItemKind::TagKey
        | ItemKind::Paragraph
        | ItemKind::Duty
        | ItemKind::Question
        | ItemKind::Law
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
        | ItemKind::Departure
        | ItemKind::Test => item.keyword(),
    }
}

/// An item kind with its article, as the subject of a sentence: "a
/// post", "an answer", and "an arrangements block".
pub(super) fn an_item(item: ItemKind) -> String {
    crate::words::indefinite(item_noun(item))
}

/// An item kind after "this": "this post", "this arrangements block".
pub(super) fn this_item(item: ItemKind) -> String {
    format!("this {}", item_noun(item))
}

/// What kind of thing a name names: "role", "duty or question".
pub(super) fn name_kind(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Guidance => "guidance",
        NameKind::EditionOrAmendment => "edition or amendment",
        NameKind::AmendmentByArea => "amendment that commences area by area",
        NameKind::Document => "document",
        NameKind::Role => "role",
        NameKind::Function => "function",
        NameKind::BodyKind => "kind of body",
        NameKind::Relation => "relation",
        NameKind::Attribute => "attribute",
        NameKind::TagKey => "tag key",
        NameKind::Paragraph => "paragraph",
        NameKind::DutyOrQuestion => "duty or question",
        NameKind::Law => "law",
        NameKind::ParagraphDutyOrLaw => "paragraph, duty or law",
        NameKind::DutyOrLaw => "duty, question or law",
        NameKind::Entity => "post, member, body, service or organisation",
        NameKind::EntityKindOrRelation => "kind of entity or relation",
        NameKind::Event => "event",
        NameKind::Test => "test",
    }
}

/// A kind of file, after "does not belong in": "a shared file".
pub(super) fn file_kind(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Guidance => "guidance",
        FileKind::Arrangements => "arrangements",
        FileKind::Shared => "a shared file",
    }
}

/// "post or member".
fn kinds(kinds: &[EntityKind]) -> String {
    kinds.iter().map(|kind| kind.word()).collect::<Vec<_>>().join(" or ")
}

/// "posts or members".
fn plural(kinds: &[EntityKind]) -> String {
    kinds
        .iter()
        .map(|kind| match kind {
            EntityKind::Post => "posts",
            EntityKind::Member => "members",
            EntityKind::Body => "bodies",
            EntityKind::Service => "services",
            EntityKind::Organisation => "organisations",
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// What a place needs: "`report_to` starts from a post".
pub(super) fn needed(needed: &Needed) -> String {
    match needed {
        Needed::RelationFrom { relation, kinds: from } => {
            format!("`{relation}` starts from {}", crate::words::indefinite(&kinds(from)))
        }
        Needed::RelationTo { relation, kinds: to } => {
            format!("`{relation}` leads to {}", crate::words::indefinite(&kinds(to)))
        }
        Needed::RelationBetween { relation, from, to } => {
            format!("`{relation}` relates {} to {}", kinds(from), plural(to))
        }
        Needed::AttributeOn { attribute, kinds: on } => {
            format!(
                "`{attribute}` is an attribute of {}",
                crate::words::indefinite(&kinds(on))
            )
        }
        Needed::Entity { kind } => format!("a {}", kind.word()),
        Needed::RoleHeldBy { kind } => format!("a role held by a {}", kind.word()),
        Needed::YesNoAttribute => "a yes/no attribute after `be`".to_owned(),
        Needed::RoleOrBodyKind => "a role (or `a KIND` for any body of a kind)".to_owned(),
    }
}

/// What stands there: "`LMCS`, a role held by a member".
pub(super) fn found(found: &Found) -> String {
    match found {
        Found::Entity { name, kind } => format!("`{name}`, a {}", kind.word()),
        Found::Role { name, holder } => format!("`{name}`, a role held by a {}", holder.word()),
        Found::Attribute { name, value_type } => {
            format!("`{name}`, a {} attribute (use `have {name} …`)", value_type.word())
        }
        Found::BodyKind { name } => format!("`{name}`, a kind of body"),
    }
}

/// A help line for a name of the wrong kind, where the fix is plain.
pub(super) fn wrong_kind_help(needed: &Needed, found: &Found) -> Option<String> {
    match (needed, found) {
        (Needed::RoleOrBodyKind, Found::BodyKind { name }) => {
            Some(format!("write `a {name}` for any body of that kind"))
        }
        _ => None,
    }
}

/// The shape of value a field takes: "a quoted string".
pub(super) fn shape(shape: Shape) -> String {
    match shape {
        Shape::QuotedString => "a quoted string".to_owned(),
        Shape::Name => "a name".to_owned(),
        Shape::OneName => "one name".to_owned(),
        Shape::Date => "a date (like `2016`, `2016-03` or `2016-03-01`)".to_owned(),
        Shape::YesNo => "`yes` or `no`".to_owned(),
        Shape::Word => "a word".to_owned(),
        Shape::Evidence => "a document and, optionally, where in it".to_owned(),
        Shape::Value(value_type) => value(value_type).to_owned(),
        Shape::OneValue(value_type) => format!("one value: {}", value(value_type)),
        Shape::YesNoUnknown => "`yes`, `no` or `unknown`".to_owned(),
        Shape::Actor => "a post, member or body, or someone outside them in quotes".to_owned(),
    }
}

fn value(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::Int => "a whole number",
        ValueType::Bool => "`yes` or `no`",
        ValueType::Text => "a quoted string",
        ValueType::Date => "a date",
    }
}

fn said(said: &Said) -> String {
    match said {
        Said::HoldingRole => "holding a role".to_owned(),
        Said::Responsibility => "responsibility for functions".to_owned(),
        Said::BeingKindOfBody => "being a kind of body".to_owned(),
        Said::Attribute(name) | Said::Relation(name) => format!("`{name}`"),
    }
}

/// A problem with the dates of an Act, amendment or local policy: the
/// message, the label at the field, and the help.
pub(super) fn dates_problem(problem: DatesProblem) -> (&'static str, &'static str, &'static str) {
    match problem {
        DatesProblem::EnactedAfterInForce => (
            "enacted after it came into force",
            "`enacted` is later than `in_force`",
            "an Act comes into force on or after the day it is passed: correct whichever date is wrong",
        ),
        DatesProblem::NoCommencement => (
            "the law is in force here without saying what commenced it",
            "this Act or amendment has an `in_force` date",
            "add `commencement \"…\"` (the commencement instrument and article), or `commencement_not_at_hand \"…\"` saying why it is not at hand and what the date rests on",
        ),
        DatesProblem::CommencementTwice => (
            "both `commencement` and `commencement_not_at_hand`",
            "give one or the other",
            "keep `commencement` if the instrument is at hand, else `commencement_not_at_hand`",
        ),
        DatesProblem::EnactedNotLaw => (
            "`enacted` on guidance or a local policy",
            "only an Act (`force statute`) is enacted",
            "use `issued` for the day guidance or a policy was issued, and `in_force` for the day it took effect",
        ),
        DatesProblem::WithdrawnBeforeInForce => (
            "withdrawn before it was adopted",
            "`withdrawn` is not later than `in_force`",
            "a local policy applies from `in_force` until `withdrawn`: correct whichever date is wrong",
        ),
        DatesProblem::NoDate => (
            "an Act or guidance beside the guidance's editions with no date",
            "neither `in_force` nor `enacted`",
            "give `in_force` (with its `commencement`), or, for an Act passed and awaiting commencement, `enacted`",
        ),
    }
}

/// Why something cannot be said here.
pub(super) fn misuse(misuse: &Misuse) -> String {
    match misuse {
        Misuse::FieldsOnly { item } => format!("a `{}` item holds fields only", item.keyword()),
        Misuse::TestOnly { entry } => format!("`{entry}` belongs in a `test`"),
        Misuse::ConditionOnParagraph => {
            "a paragraph cannot have conditions; put them on the duty that cites it".to_owned()
        }
        Misuse::TagOnParagraph => "a paragraph cannot have tags; put them on the duty that cites it".to_owned(),
        Misuse::WordsOutsideParagraph => "only a paragraph has `words`".to_owned(),
        Misuse::SaidOfTheCouncil { what } => format!(
            "{} is said of a post, member, body or service, not of the council",
            said(what)
        ),
        Misuse::SaidOfWrongKind { what, allowed, subject } => format!(
            "{} is said of a {}, but this subject is a {}",
            said(what),
            kinds(allowed),
            subject.word()
        ),
        Misuse::TimelineOfEntities => "a timeline duty (`after each`, `every`) is said of `the council`".to_owned(),
        Misuse::GovernanceOfEntities => "what governance the council uses or considers is said of `the council`".to_owned(),
        Misuse::ExtensionWithoutRemit { role: Some(role) } => format!(
            "`extension of {role}` needs the role's remit: `role {role} {{ … remit FUNCTION, … }}` says which functions are its own"
        ),
        Misuse::FirstInForceWithoutByArea => {
            "`first_in_force` is the first date any area took the amendment up: it needs `by_area yes`".to_owned()
        }
        Misuse::FirstInForceNotBefore => {
            "`first_in_force` must come before `in_force`, the date by which every area had taken the amendment up"
                .to_owned()
        }
        Misuse::ExtensionWithoutRemit { role: None } => {
            "`after each extension` names the role extended: `after each extension of DCS`".to_owned()
        }
    }
}

/// A character that acts on a terminal or reorders text, named as its
/// standard abbreviation where it has a well-known one, with its shown
/// form: "ESC \u{1b}", "RLO (right-to-left override) \u{202e}".
/// The days the papers allow an instant: "on 2034-03-01", "between
/// 2034-02-01 and 2035-12-31", "on or after 2034-02-01", "on a day the
/// papers do not bound".
pub(super) fn window(window: Window) -> String {
    match (window.earliest, window.latest) {
        (Some(earliest), Some(latest)) if earliest == latest => format!("on {earliest}"),
        (Some(earliest), Some(latest)) => format!("between {earliest} and {latest}"),
        (Some(earliest), None) => format!("on or after {earliest}"),
        (None, Some(latest)) => format!("on or before {latest}"),
        (None, None) => "on a day the papers do not bound".to_owned(),
    }
}

pub(super) fn hidden_character(c: char) -> String {
    let name = match c {
        '\u{0}' => "NUL",
        '\u{7}' => "BEL (bell)",
        '\u{8}' => "BS (backspace)",
        '\u{b}' => "VT (vertical tab)",
        '\u{c}' => "FF (form feed)",
        '\u{d}' => "CR (carriage return)",
        '\u{1b}' => "ESC (escape)",
        '\u{7f}' => "DEL",
        '\u{85}' => "NEL (next line)",
        '\u{9b}' => "CSI (control sequence introducer)",
        '\u{9d}' => "OSC (operating system command)",
        '\u{202a}' => "LRE (left-to-right embedding)",
        '\u{202b}' => "RLE (right-to-left embedding)",
        '\u{202c}' => "PDF (pop directional formatting)",
        '\u{202d}' => "LRO (left-to-right override)",
        '\u{202e}' => "RLO (right-to-left override)",
        '\u{2066}' => "LRI (left-to-right isolate)",
        '\u{2067}' => "RLI (right-to-left isolate)",
        '\u{2068}' => "FSI (first strong isolate)",
        '\u{2069}' => "PDI (pop directional isolate)",
        c if crate::visible::is_bidi(c) => "a bidirectional control",
        _ => "a control character",
    };
    format!("{name} {}", crate::visible::shown(c))
}
