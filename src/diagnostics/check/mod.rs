//! The diagnostics for check errors: [`from_check`] names each variant's
//! family and hands it to that family's function, which writes the
//! message. The families are names, fields, files and editions, duties,
//! policy tests, lines of accountability, time, and hidden characters.

mod lines;

use lines::{
    dates_contradict, event_disagrees, event_order_loop, hidden_characters, may_share_role, outside_life,
    reporting_loop, reports_to_member, reversed_period, shared_role, wrong_holder,
};

use super::{or_list, phrases, Code, Diagnostic};
use crate::check::{CheckError, DatesProblem, FileKind, Found, HeaderProblem, Misuse, NameKind, Needed, Shape, Term};
use crate::date::{Day, PartialDate};
use crate::eval::{Missing, Reason, VerdictKind};
use crate::model::{Modality, OrganisationKind};
use crate::source::Span;
use crate::suggest::suggest;
use crate::syntax::ast::ItemKind;

/// The diagnostic for a check error or warning.
pub fn from_check(error: &CheckError) -> Diagnostic {
    match error {
        // Names.
        CheckError::UnknownName {
            expected,
            name,
            span,
            suggestion,
        } => unknown_name(*expected, name, *span, suggestion),
        CheckError::Duplicate {
            what,
            name,
            span,
            first,
        } => duplicate(*what, name, *span, *first),
        CheckError::WrongKind {
            expected,
            found,
            span,
            declared,
        } => wrong_kind(expected, found, *span, *declared),
        CheckError::UnusedVocabulary { what, name, span } => unused_vocabulary(*what, name, *span),
        CheckError::NationalName {
            kind,
            name,
            span,
            first_kind,
            first,
            edition,
        } => national_name(*kind, name, *span, *first_kind, *first, edition),
        // Fields and values.
        CheckError::WrongType {
            field,
            expected,
            span,
            declared,
        } => wrong_type(field, *expected, *span, *declared),
        CheckError::UnknownField {
            item,
            field,
            span,
            suggestion,
            allowed,
            run_on,
        } => match run_on {
            Some((previous, end)) => run_on_field(*item, field, *span, previous, *end),
            None => unknown_field(*item, field, *span, suggestion, allowed),
        },
        CheckError::MissingField { item, field, span } => missing_field(*item, field, *span),
        CheckError::RepeatedField { field, span, first } => repeated_field(field, *span, *first),
        CheckError::RepeatedValue { value, span, first } => repeated_value(value, *span, *first),
        CheckError::TagValue {
            key,
            value,
            span,
            allowed,
            suggestion,
        } => tag_value(key, value, *span, allowed, suggestion),
        CheckError::NotOneOf {
            field,
            value,
            allowed,
            span,
        } => not_one_of(field, value, allowed, *span),
        // Files and editions.
        CheckError::Header { problem, span, other } => header(*problem, *span, *other),
        CheckError::Misplaced { item, file_kind, span } => misplaced(*item, *file_kind, *span),
        CheckError::NotShared { found, path, span } => not_shared(*found, path, *span),
        CheckError::UnusedShared { span } => unused_shared(*span),
        CheckError::ReadWith { councils, error } => read_with(councils, error),
        CheckError::SeveralEditions { names, span, first } => several_editions(names, *span, *first),
        CheckError::NoEditionInForce { as_at, editions, span } => no_edition_in_force(*as_at, editions, *span),
        CheckError::OtherEdition {
            answers_to,
            in_force,
            left_out,
            span,
        } => other_edition(answers_to, in_force, *left_out, *span),
        CheckError::AnswersOtherEdition {
            item,
            duty,
            editions,
            in_force,
            span,
        } => answers_other_edition(*item, duty, editions, in_force, *span),
        CheckError::AmendedCitation {
            duty,
            paragraph,
            amendments,
            span,
        } => amended_citation(duty, paragraph, amendments, *span),
        // Duties and what they say.
        CheckError::NoCitation { duty, span } => no_citation(duty, *span),
        CheckError::NoSuchSentence {
            paragraph,
            number,
            count,
            span,
        } => no_such_sentence(paragraph, *number, *count, *span),
        CheckError::SentencesNotAtHand { paragraph, span } => sentences_not_at_hand(paragraph, *span),
        CheckError::SelectionNotCitation { field, span } => selection_not_citation(field, *span),
        CheckError::UnencodedParagraph { key, span } => unencoded_paragraph(key, *span),
        CheckError::Contradiction {
            duty,
            span,
            other,
            other_span,
        } => contradiction(duty, *span, other, *other_span),
        CheckError::RuleCount { item, found, span } => rule_count(item, *found, *span),
        CheckError::DepartureFromMust {
            duty,
            modality,
            span,
            duty_span,
        } => departure_from_must(duty, *modality, *span, *duty_span),
        CheckError::MisusedPredicate { problem, span } => misused_predicate(problem, *span),
        CheckError::LawDates { problem, span } => law_dates(*problem, *span),
        CheckError::RestatesNotLaw { key, edition, span } => restates_not_law(key, edition, *span),
        CheckError::TurnsMisplaced { field, span } => turns_misplaced(field, *span),
        CheckError::NotACouncil {
            name,
            kind,
            span,
            declared,
        } => not_a_council(name, *kind, *span, *declared),
        // Policy tests.
        CheckError::UnknownTerm {
            term,
            written,
            span,
            suggestion,
        } => unknown_term(*term, written, *span, suggestion),
        CheckError::NoExpectations { span } => no_expectations(*span),
        CheckError::NothingToTest { span } => nothing_to_test(*span),
        CheckError::GivenUnreadable { path, reason, span } => given_unreadable(path, reason, *span),
        CheckError::NotChangeable { kind, span } => not_changeable(kind, *span),
        CheckError::NothingToChange { item, field, span } => nothing_to_change(item, field.as_deref(), *span),
        CheckError::NotOneCouncil { found, span } => not_one_council(*found, *span),
        // Lines of accountability and who holds a role.
        CheckError::ReportsToMember {
            post,
            member,
            span,
            member_span,
        } => reports_to_member(post, member, *span, *member_span),
        CheckError::ReportingLoop {
            posts,
            span,
            others,
            on,
        } => reporting_loop(posts, *span, others, *on),
        CheckError::WrongHolder {
            role,
            expected,
            found,
            span,
            role_span,
        } => wrong_holder(role, *expected, *found, *span, *role_span),
        CheckError::SharedRole { role, span, other } => shared_role(role, *span, *other),
        CheckError::MaySharedRole {
            role,
            span,
            other,
            doubts,
        } => may_share_role(role, *span, *other, doubts),
        // Time.
        CheckError::ReversedPeriod { span } => reversed_period(*span),
        CheckError::DatesContradict { span } => dates_contradict(*span),
        CheckError::OutsideLife { entity, span, life } => outside_life(entity, *span, *life),
        CheckError::EventDisagrees {
            event,
            problem,
            span,
            fact,
        } => event_disagrees(event, problem, *span, *fact),
        CheckError::EventOrderLoop { events, span } => event_order_loop(events, *span),
        // Characters.
        CheckError::HiddenCharacters {
            characters,
            span,
            in_string,
        } => hidden_characters(characters, *span, *in_string),
    }
}

/// Adds a secondary label when there is a place for it.
pub(super) fn also_if(diagnostic: Diagnostic, span: Option<Span>, message: impl Into<String>) -> Diagnostic {
    match span {
        Some(span) => diagnostic.also(span, message),
        None => diagnostic,
    }
}

// Names.

fn unknown_name(expected: NameKind, name: &str, span: Span, suggestion: &Option<String>) -> Diagnostic {
    let expected = phrases::name_kind(expected);
    Diagnostic::new(Code::E0101, format!("unknown {expected} `{name}`"))
        .at(span, format!("no {expected} is called `{name}`"))
        .suggest(suggestion)
}

/// An unknown guidance name (E0101) with the file beside the one naming
/// it that declares it: a council's local policy left off the command
/// line.
pub fn give_the_file_beside(diagnostic: Diagnostic, beside: &std::path::Path, name: &str) -> Diagnostic {
    let folder = beside
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .map_or_else(|| ".".to_owned(), |folder| folder.display().to_string());
    let folder = crate::visible::escape(&folder);
    let beside = crate::visible::escape(&beside.display().to_string()).into_owned();
    diagnostic
        .note(format!(
            "`{beside}`, beside this file, declares `{name}`; answers to duties it may declare are not checked without it"
        ))
        .help(format!(
            "give `{beside}` as well, or give the council's folder (`{folder}`), which is read whole"
        ))
}

fn duplicate(what: NameKind, name: &str, span: Span, first: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0102,
        format!("the {} `{name}` is declared twice", phrases::name_kind(what)),
    )
    .at(span, "declared again here")
    .also(first, "first declared here")
    .help("give each a different id, or remove one")
}

fn national_name(
    kind: NameKind,
    name: &str,
    span: Span,
    first_kind: NameKind,
    first: Span,
    edition: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::E0151,
        format!(
            "the local {} `{name}` takes a name of the national vocabulary",
            phrases::name_kind(kind)
        ),
    )
    .at(span, "declared by the local policy here")
    .also(first, format!("the {} `{name}` of `{edition}`", phrases::name_kind(first_kind)))
    .note("a council's own roles, functions and kinds of body stand beside the guidance's: arrangements and duties must never read one for the other")
    .help("give the local one a name of its own (`SafetyLead`, `DeputyChiefExecutive`)")
}

fn wrong_kind(expected: &Needed, found: &Found, span: Span, declared: Option<Span>) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(
        Code::E0103,
        format!("{}, but this is {}", phrases::needed(expected), phrases::found(found)),
    )
    .at(span, "wrong kind of name here");
    if let Some(help) = phrases::wrong_kind_help(expected, found) {
        diagnostic = diagnostic.help(help);
    }
    also_if(diagnostic, declared, "declared here")
}

fn unused_vocabulary(what: NameKind, name: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::W0001,
        format!(
            "the {} `{name}` is never used by a duty or question",
            phrases::name_kind(what)
        ),
    )
    .at(span, "declared here")
    .help("use it in a duty, or remove it")
}

// Fields and values.

fn wrong_type(field: &str, expected: Shape, span: Span, declared: Option<Span>) -> Diagnostic {
    let expected = phrases::shape(expected);
    let diagnostic =
        Diagnostic::new(Code::E0104, format!("`{field}` takes {expected}")).at(span, format!("expected {expected}"));
    also_if(diagnostic, declared, "its type is declared here")
}

/// A word read as a field that is most likely a value missing its comma.
fn run_on_field(item: ItemKind, field: &str, span: Span, previous: &str, end: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0107,
        format!("{} has no field `{field}`", phrases::an_item(item)),
    )
    .at(span, format!("read as a new field, after `{previous}`"))
    .note(format!(
        "a field's values are separated by commas: without one, `{field}` starts a field of its own"
    ))
    .help(format!(
        "if `{field}` is another value, put a comma before it: `{previous}, {field}`"
    ))
    .fix(format!("put a comma before `{field}`"), end, ",")
}

fn unknown_field(
    item: ItemKind,
    field: &str,
    span: Span,
    suggestion: &Option<String>,
    allowed: &[String],
) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Code::E0107,
        format!("{} has no field `{field}`", phrases::an_item(item)),
    )
    .at(span, "unknown field")
    .suggest(suggestion);
    if allowed.is_empty() {
        return diagnostic;
    }
    let mut fields: Vec<&str> = allowed.iter().map(String::as_str).collect();
    fields.sort_unstable();
    fields.dedup();
    let shown: Vec<String> = fields.iter().map(|field| format!("`{field}`")).collect();
    diagnostic.note(format!("{} has: {}", phrases::an_item(item), shown.join(", ")))
}

fn missing_field(item: ItemKind, field: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0108, format!("{} needs `{field}`", phrases::this_item(item)))
        .at(span, format!("no `{field}`"))
        .help(format!("add a `{field}` line inside the braces"))
}

fn repeated_field(field: &str, span: Span, first: Span) -> Diagnostic {
    Diagnostic::new(Code::E0109, format!("`{field}` is given twice"))
        .at(span, "given again here")
        .also(first, "first given here")
        .help("list several values on one line, separated by commas")
}

fn repeated_value(value: &str, span: Span, first: Span) -> Diagnostic {
    Diagnostic::new(Code::E0125, format!("`{value}` is given twice"))
        .at(span, "given again here")
        .also(first, "first given here")
        .note("two lines of the same fact may be given only for periods that do not overlap")
        .help("remove one, or give each line the period over which it held (`from …`, `until …`)")
}

fn tag_value(key: &str, value: &str, span: Span, allowed: &[String], suggestion: &Option<String>) -> Diagnostic {
    Diagnostic::new(Code::E0113, format!("`{value}` is not a value of the tag `{key}`"))
        .at(span, "not declared for this key")
        .note(format!("`{key}` takes: {}", allowed.join(", ")))
        .suggest(suggestion)
}

fn not_one_of(field: &str, value: &str, allowed: &[&str], span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0115, format!("`{value}` is not a possible `{field}`"))
        .at(span, format!("expected {}", or_list(allowed)))
        .suggest(&suggest(value, allowed.iter().copied()))
}

// Files and editions.

fn header(problem: HeaderProblem, span: Span, other: Option<Span>) -> Diagnostic {
    match problem {
        HeaderProblem::Missing => Diagnostic::new(Code::E0110, "this file has no header")
            .at(span, "the file starts here")
            .help("start a guidance file with `guidance NAME { … }` (or `local_policy NAME extends BASE { … }`), and an arrangements file with `arrangements NAME { … }`"),
        HeaderProblem::Repeated => {
            let diagnostic = Diagnostic::new(Code::E0110, "this file has more than one header")
                .at(span, "a second header")
                .help("put each guidance, local policy and arrangement in its own file");
            also_if(diagnostic, other, "the first header")
        }
    }
}

fn misplaced(item: ItemKind, file_kind: FileKind, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0111,
        format!("a `{}` does not belong in {}", item.keyword(), phrases::file_kind(file_kind)),
    )
    .at(span, "misplaced item")
    .note("guidance declares vocabulary, paragraphs, duties and questions; arrangements declare posts, members, bodies, services, the timeline, answers and departures; a shared file declares only the posts, members, bodies, services and events councils share, and their documents")
}

fn not_shared(found: Option<ItemKind>, path: &str, span: Span) -> Diagnostic {
    let message = match found {
        Some(header) => format!("`{path}` is not a shared file: it starts with `{}`", header.keyword()),
        None => format!("`{path}` is not a shared file: it has no header"),
    };
    Diagnostic::new(Code::E0126, message)
        .at(span, "named here")
        .note("`shares` names a file of the posts, members and bodies councils share, which starts `shared NAME { … }`")
        .help("to verify several councils, give each council's file on the command line")
}

fn unused_shared(span: Span) -> Diagnostic {
    Diagnostic::new(Code::W0011, "no arrangements given share this file")
        .at(span, "shared file")
        .note("its posts, members and bodies are checked only as part of a council's arrangements, so nothing in it was checked")
        .help("give the arrangements of a council whose header says `shares` with this file's name")
}

/// The problem's own diagnostic, with the councils it was found with.
fn read_with(councils: &[String], error: &CheckError) -> Diagnostic {
    from_check(error).note(format!(
        "found when this shared file is read with the arrangements of {} (it is read with those of each council that shares it)",
        crate::words::and_list(councils)
    ))
}

fn several_editions(names: &[String], span: Span, first: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0117,
        format!("the guidance editions {} cannot be told apart by date", names.join(", ")),
    )
    .at(span, "this edition")
    .also(first, "and this one")
    .note("given several editions, dcsc evaluates against the one in force as at the date, so each needs its own `in_force` date")
    .help("give each edition an `in_force` date, or give one edition at a time")
}

fn no_edition_in_force(as_at: Day, editions: &[(String, PartialDate)], span: Span) -> Diagnostic {
    let editions: Vec<String> = editions
        .iter()
        .map(|(key, in_force)| format!("{key} (in force {in_force})"))
        .collect();
    Diagnostic::new(Code::E0118, format!("no guidance edition was in force as at {as_at}"))
        .at(span, "the first of the editions read")
        .note(format!(
            "the editions read (those built in, or those given with `--policy`): {}",
            editions.join(", ")
        ))
        .help("evaluate as at a later date (`--as-at`), or give the edition in force then with `--policy`")
}

fn other_edition(answers_to: &[String], in_force: &str, left_out: usize, span: Span) -> Diagnostic {
    let named: Vec<String> = answers_to.iter().map(|key| format!("`{key}`")).collect();
    let diagnostic = Diagnostic::new(
        Code::W0012,
        format!(
            "these arrangements answer to {}, but `{in_force}` is the guidance in force as at the date",
            crate::words::and_list(&named)
        ),
    )
    .at(span, "arrangements")
    .note(format!(
        "they are verified against `{in_force}`, the edition in force then"
    ));
    match left_out {
        0 => diagnostic,
        1 => diagnostic.note("one answer or departure names a duty that edition does not have, and is left out"),
        many => diagnostic.note(format!(
            "{many} answers and departures name duties that edition does not have, and are left out"
        )),
    }
}

fn answers_other_edition(item: ItemKind, duty: &str, editions: &[String], in_force: &str, span: Span) -> Diagnostic {
    let named: Vec<String> = editions.iter().map(|key| format!("`{key}`")).collect();
    let named = crate::words::or_list(&named);
    Diagnostic::new(
        Code::W0016,
        format!(
            "this {} names `{duty}` of {named}, not of `{in_force}`, the guidance checked against",
            item.keyword()
        ),
    )
    .at(span, format!("`{in_force}` has no `{duty}`"))
    .note(format!("it is left out; these arrangements do not answer to {named}"))
    .help(format!(
        "if the council answered {named}, add it to `answers_to`; otherwise give the key of `{in_force}`'s duty or question"
    ))
}

fn amended_citation(duty: &str, paragraph: &str, amendments: &[String], span: Span) -> Diagnostic {
    let named: Vec<String> = amendments.iter().map(|key| format!("`{key}`")).collect();
    Diagnostic::new(
        Code::W0013,
        format!(
            "`{duty}` cites paragraph `{paragraph}`, whose words {} changes",
            crate::words::and_list(&named)
        ),
    )
    .at(span, "a local policy's duty")
    .note("an answer or departure given against the earlier words is shown as stale once the amendment takes effect for the council")
    .help("check that the local policy still means what it says under the new words")
}

// Duties and what they say.

fn no_citation(duty: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0105, format!("`{duty}` cites no paragraph of the guidance"))
        .at(span, "no `cites`")
        .note("every duty and question must say which paragraphs it encodes")
        .help("add `cites KEY` naming the paragraph (for example `cites 2`)")
}

fn no_such_sentence(paragraph: &str, number: usize, count: usize, span: Span) -> Diagnostic {
    let has = match count {
        1 => "one sentence".to_owned(),
        _ => format!("{count} sentences"),
    };
    Diagnostic::new(
        Code::E0137,
        format!("paragraph `{paragraph}` has no sentence {number}: it has {has}"),
    )
    .at(span, "no such sentence")
    .note("sentences are numbered from 1, split where a full stop, question mark, exclamation mark or ellipsis comes before a capital letter; `dcsc explain` shows a paragraph's words")
    .help("name the sentences the item encodes, or `(context)` if it encodes none")
}

fn selection_not_citation(field: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0139,
        format!("`{field}` cannot say which sentences: only `cites` names a paragraph's sentences"),
    )
    .at(span, "sentences of what?")
    .help("remove it, or move it after the paragraph's key in the item's `cites`")
}

fn sentences_not_at_hand(paragraph: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0138,
        format!("the words of paragraph `{paragraph}` are not at hand, so none of its sentences can be named"),
    )
    .at(span, "sentences of a paragraph whose words are not at hand")
    .note(
        "what a paragraph without its words says cannot be known, so no item can be said to encode any sentence of it",
    )
    .help("cite it as `(context)`, or cite it whole, which coverage lists apart and never counts")
}

fn unencoded_paragraph(key: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::W0002,
        format!("paragraph `{key}` is not encoded by any duty or question"),
    )
    .at(span, "no duty or question cites this paragraph")
    .help("add a duty or question with `cites` naming it")
}

fn contradiction(duty: &str, span: Span, other: &str, other_span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0106, format!("`{duty}` contradicts `{other}`"))
        .at(span, "this duty requires the opposite")
        .also(other_span, "of this one, for the same subject")
        .note("both can apply at once: their conditions overlap")
        .help("correct the modality of one, or give them conditions that exclude each other")
}

fn rule_count(item: &str, found: usize, span: Span) -> Diagnostic {
    let message = match found {
        0 => format!("`{item}` has no rule"),
        _ => format!(
            "`{item}` has {found} rules where it may have {}",
            if found == 1 { "none" } else { "one" }
        ),
    };
    Diagnostic::new(Code::E0112, message)
        .at(span, if found == 0 { "a duty needs one rule" } else { "not allowed here" })
        .help("a duty has exactly one rule such as `DCS should report_to ChiefExecutive`; split two rules into two duties, and write a question's words in `asks`")
}

fn departure_from_must(duty: &str, modality: Modality, span: Span, duty_span: Span) -> Diagnostic {
    let modality = modality.words();
    Diagnostic::new(
        Code::E0114,
        format!("no departure is possible from `{duty}`: it is a `{modality}` duty"),
    )
    .at(span, "departure recorded here")
    .also(
        duty_span,
        format!("a `{modality}` duty is the law, not guidance to have regard to"),
    )
    .help("only a `should` or `should not` duty may be departed from with reasons; comply with this one")
}

fn misused_predicate(problem: &Misuse, span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0116, "this cannot be said here").at(span, phrases::misuse(problem))
}

fn law_dates(problem: DatesProblem, span: Span) -> Diagnostic {
    let (message, label, help) = phrases::dates_problem(problem);
    Diagnostic::new(Code::E0140, message)
        .at(span, label)
        .note("an Act applies from the day its provisions came into force, whatever edition of the guidance is in force; a local policy from the day the council adopted it until it withdrew it")
        .help(help)
}

fn restates_not_law(key: &str, edition: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0141,
        format!("`{key}` is not the law's: it is provided by `{edition}`, an edition of the guidance"),
    )
    .at(span, "restated here")
    .note("`restates` links the guidance's words to a duty, question or law of an Act (or of another guidance) standing beside it, so that the verdict cites both")
    .help("cite the paragraph from the duty itself with `cites`, or name a duty of a file whose header says `force statute`")
}

fn turns_misplaced(field: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0150, format!("`{field}` is not held by turns"))
        .at(span, "`in_turns` belongs on a `holds` line")
        .note("`in_turns` says a role is held by turns with other posts or members, one of them on any one day")
        .help("move `in_turns \"…\"` to the `holds` line of the role held by turns, or remove it")
}

fn not_a_council(name: &str, kind: Option<OrganisationKind>, span: Span, declared: Span) -> Diagnostic {
    let sort = kind.map_or("an organisation of no stated kind", crate::words::organisation_kind);
    Diagnostic::new(Code::E0152, format!("`{name}` is not a council"))
        .at(span, "an officer is seconded from or to another council")
        .also(declared, format!("`{name}` is {sort}"))
        .help(format!(
            "give `{name}` the line `kind council`, or name the council the officer is seconded from"
        ))
}

// Policy tests.

/// What a test's `expect` may name for a term: the term in the singular
/// and the plural, and every name it may take.
fn term_names(term: Term) -> (&'static str, &'static str, Vec<&'static str>) {
    match term {
        Term::Verdict => (
            "verdict",
            "verdicts",
            VerdictKind::ALL
                .iter()
                .map(|kind| kind.name())
                .chain([crate::check::NOT_IN_FORCE])
                .collect(),
        ),
        Term::Reason => ("kind of reason", "kinds of reason", Reason::KIND_NAMES.to_vec()),
        Term::Missing => (
            "kind of missing fact",
            "kinds of missing fact",
            Missing::KIND_NAMES
                .iter()
                .copied()
                .chain([crate::check::NO_MISSING])
                .collect(),
        ),
        Term::Basis => ("basis", "bases", crate::check::BASES.to_vec()),
    }
}

fn unknown_term(term: Term, written: &str, span: Span, suggestion: &Option<String>) -> Diagnostic {
    let (what, all, names) = term_names(term);
    let shown: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    Diagnostic::new(Code::E0130, format!("there is no {what} `{written}`"))
        .at(span, format!("not a {what}"))
        .suggest(suggestion)
        .note(format!("the {all} are {}", shown.join(", ")))
}

fn no_expectations(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0131, "this test expects nothing")
        .at(span, "no `expect`")
        .note("a test with nothing to expect could never fail")
        .help("say what verdict a duty should have: `expect dcs.first_tier pass`")
}

fn nothing_to_test(span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0132, "this test has no arrangements to start from")
        .at(span, "no `given`, and no `arrangements` in this file")
        .help("name the council's files with `given \"council.dcs\"`, or write the arrangements in this file under an `arrangements NAME { … }` header")
}

fn given_unreadable(path: &str, reason: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0133, format!("cannot read `{path}`: {reason}"))
        .at(span, "named here")
        .note("a test's `given` files are read relative to the folder of the test's own file")
}

fn not_changeable(kind: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::E0134, format!("a test cannot change a `{kind}`"))
        .at(span, "not part of a council's arrangements")
        .note("a test changes the arrangements it starts from (their header, posts, members, bodies, services, documents, events, answers and departures), never the guidance it tests")
}

fn nothing_to_change(item: &str, field: Option<&str>, span: Span) -> Diagnostic {
    let (message, label) = match field {
        Some(field) => (format!("`{item}` has no `{field}` to change"), "no such field"),
        None => (format!("the arrangements have no `{item}`"), "nothing to change"),
    };
    Diagnostic::new(Code::E0135, message)
        .at(span, label)
        .help("change an item the arrangements declare, or `add` the field instead")
}

fn not_one_council(found: usize, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::E0136,
        format!("a test starts from one council's arrangements, and these hold {found}"),
    )
    .at(span, "this test")
    .help("give the one council's files with `given`")
}
