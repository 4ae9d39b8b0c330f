//! `dcsc explain DUTY`, `dcsc explain LAW`, `dcsc explain PARAGRAPH`,
//! `dcsc explain EDITION` and `dcsc explain NAME`: a duty, a fact the law
//! settles, a paragraph of the guidance with its words, an edition or Act
//! with its dates and commencement, or a name of its vocabulary. The language server's hovers say the same in the same words,
//! with [`term`] and [`declared`] for the guidance's vocabulary and for
//! what a council's file declares.

use std::fmt::Write as _;

use super::human::wrap;
use crate::command::CommandError;
use crate::date::Day;
use crate::diagnostics::Code;
use crate::model::{
    Commencement, DutyKind, EditionId, Encodes, EntityKind, Paragraph, ParagraphId, Policy, Provenance, Settled,
    Target, VocabularyKind,
};
use crate::suggest::suggest;
use crate::syntax::ast::ItemKind;

fn provenance(policy: &Policy, paragraph: &Paragraph) -> String {
    let document = |id: crate::model::DocumentId| {
        policy
            .document(id)
            .map_or_else(String::new, crate::words::document_described)
    };
    match &paragraph.provenance {
        Provenance::Verbatim { document: id } => format!("verbatim, from {}", document(*id)),
        Provenance::Quoted { by, document: id } => format!("quoted by {by}, in {}", document(*id)),
        Provenance::Paraphrase { document: id } => format!("paraphrase, in {}", document(*id)),
        Provenance::NotAtHand { reason } => format!("not at hand: {reason}"),
    }
}

fn paragraph_text(policy: &Policy, paragraph: &Paragraph) -> String {
    let mut out = format!(
        "paragraph {}\nsection: {}\nwords: {}\n",
        paragraph.key,
        paragraph.section,
        provenance(policy, paragraph)
    );
    match &paragraph.text {
        Some(text) => {
            let _ = writeln!(out, "\n  {}", wrap(text, 88, "  "));
        }
        None => out.push_str("\n  (the words are not at hand)\n"),
    }
    out
}

/// Explains a duty, question or paragraph by its key; the error says what
/// the key might have meant. The words are the policy file's, so their
/// hidden characters are shown (see [`crate::visible`]).
pub fn explain(policy: &Policy, key: &str, as_at: Option<Day>) -> Result<String, CommandError> {
    duty(policy, key)
        .or_else(|| law(policy, key))
        .or_else(|| paragraph(policy, key, as_at))
        .or_else(|| edition(policy, key))
        .or_else(|| vocabulary(policy, key))
        .map(crate::visible::escape_owned)
        .ok_or_else(|| nothing(policy, key))
}

/// A duty or question by its key, with the words of the paragraphs it
/// cites; `None` if the policy has none of that key.
pub fn duty(policy: &Policy, key: &str) -> Option<String> {
    let duty = policy.duty(policy.duty_by_key(key)?)?;
    let mut out = match &duty.kind {
        DutyKind::Rule { text, .. } => format!("duty {}\nrule: {text}\n", duty.key),
        DutyKind::Question {
            asks,
            renew_on_change_of,
            reads,
        } => {
            let mut text = format!("question {}\nasks: {}\n", duty.key, wrap(asks, 88, "  "));
            if let Some(role) = renew_on_change_of.and_then(|role| policy.role(role)) {
                let _ = writeln!(
                    text,
                    "an answer is stale once the responsibilities of the {} change",
                    role.key
                );
            }
            for reading in reads {
                let what = match reading {
                    crate::model::Reading::Providers => "service an organisation beside the council provides",
                    crate::model::Reading::Employers => "post an organisation beside the council employs",
                };
                let _ = writeln!(text, "its verdict cites each {what}, as at the date");
            }
            text
        }
    };
    if let Some(title) = &duty.title {
        let _ = writeln!(out, "title: {title}");
    }
    let _ = writeln!(
        out,
        "modality: {} ({})",
        duty.modality.words(),
        match duty.modality {
            crate::model::Modality::Must | crate::model::Modality::MustNot => "a legal requirement",
            crate::model::Modality::Should | crate::model::Modality::ShouldNot => {
                "have regard: a departure needs clear, recorded reasons"
            }
            crate::model::Modality::May => "a permission: never a breach",
        }
    );
    if let Some(statute) = &duty.statute {
        let _ = writeln!(out, "statute: {statute}");
    }
    for condition in &duty.conditions {
        let _ = writeln!(out, "condition: {}", condition.text);
    }
    for tag in &duty.tags {
        if let (Some(key), Some(value)) = (policy.tag_key(tag.key), policy.tag_value(*tag)) {
            let _ = writeln!(out, "{}: {value}", key.title);
        }
    }
    from_edition(&mut out, policy, duty.edition);
    for paragraph in duty.cites.iter().filter_map(|id| policy.paragraph(*id)) {
        out.push('\n');
        out.push_str(&paragraph_text(policy, paragraph));
    }
    Some(out)
}

/// A law by its key, with the words of the paragraphs it cites; `None` if
/// the policy has none of that key.
pub fn law(policy: &Policy, key: &str) -> Option<String> {
    let law = policy.laws.iter().find(|law| law.key == key)?;
    let role = policy.role(law.role).map_or("", |role| role.title.as_str());
    let settled = match &law.settles {
        Settled::Attribute { attribute, value } => format!(
            "`{}` is {value}",
            policy
                .attribute(*attribute)
                .map_or("", |attribute| attribute.key.as_str())
        ),
        Settled::Relation { relation, target } => format!(
            "`{}` {}",
            policy.relation(*relation).map_or("", |relation| relation.key.as_str()),
            match target {
                Target::Role(role) => policy.role(*role).map_or("", |role| role.key.as_str()),
                Target::Kind(kind) => policy.body_kind(*kind).map_or("", |kind| kind.key.as_str()),
            }
        ),
    };
    let mut out = format!(
        "law {}\ntitle: {}\nstatute: {}\nsettles: {settled} for every holder of {role}, without the arrangements stating it; arrangements that state otherwise are judged on what they state\n",
        law.key, law.title, law.statute
    );
    for condition in &law.conditions {
        let _ = writeln!(out, "condition: {}", condition.text);
    }
    from_edition(&mut out, policy, law.edition);
    for paragraph in law.cites.iter().filter_map(|id| policy.paragraph(*id)) {
        out.push('\n');
        out.push_str(&paragraph_text(policy, paragraph));
    }
    Some(out)
}

/// The edition a duty or law comes from, and, for the law, when it came
/// into force and by what: an Act enacted and awaiting commencement says
/// that it is not yet in force.
fn from_edition(out: &mut String, policy: &Policy, edition: usize) {
    let Some(declared) = policy.edition(EditionId::from_index(edition)) else {
        return;
    };
    let _ = writeln!(out, "from: {} ({})", declared.key, declared.force.description());
    if declared.is_law() {
        in_force(out, declared);
    }
}

/// When an edition came into force (the window, for one taken up area by
/// area), or that an Act enacted has no day in force at hand; and what
/// commenced it.
fn in_force(out: &mut String, declared: &crate::model::Edition) {
    match (
        declared.by_area,
        declared.first_in_force,
        declared.in_force,
        declared.enacted,
    ) {
        (true, Some(first), Some(latest), _) => {
            let _ = writeln!(
                out,
                "in force from: {} to {}, area by area",
                crate::words::date(first),
                crate::words::date(latest)
            );
        }
        (_, _, Some(date), _) => {
            let _ = writeln!(out, "in force from: {}", crate::words::date(date));
        }
        (_, _, None, Some(enacted)) => {
            let _ = writeln!(
                out,
                "in force: not yet; enacted {}, and no day in force is at hand",
                crate::words::date(enacted)
            );
        }
        (_, _, None, None) => {}
    }
    match &declared.commencement {
        Some(Commencement::Instrument(text)) => {
            let _ = writeln!(out, "commencement: {text}");
        }
        Some(Commencement::NotAtHand(text)) => {
            let _ = writeln!(out, "commencement not at hand: {text}");
        }
        None => {}
    }
}

/// An edition, Act or amendment by its key: its title, force, dates and
/// commencement, and what it amends or replaces.
pub fn edition(policy: &Policy, key: &str) -> Option<String> {
    let declared = policy.editions.iter().find(|declared| declared.key == key)?;
    let kind = match (declared.is_local(), declared.amends.as_deref(), declared.alongside) {
        (true, _, _) => "local policy".to_owned(),
        (false, Some(amended), _) => format!("amendment of {amended}"),
        (false, None, true) if declared.is_law() => "an Act beside the guidance".to_owned(),
        (false, None, true) => "guidance beside the guidance".to_owned(),
        (false, None, false) => "an edition of the guidance".to_owned(),
    };
    let mut out = format!(
        "edition {}
title: {}
kind: {kind}
",
        declared.key, declared.title
    );
    if let Some(instrument) = &declared.instrument {
        let _ = writeln!(out, "instrument: {instrument}");
    }
    if let Some(enacted) = declared.enacted {
        let _ = writeln!(out, "enacted: {}", crate::words::date(enacted));
    }
    if let Some(issued) = declared.issued {
        let _ = writeln!(out, "issued: {}", crate::words::date(issued));
    }
    if let Some(withdrawn) = declared.withdrawn {
        let _ = writeln!(out, "withdrawn: {}", crate::words::date(withdrawn));
    }
    if !declared.supersedes.is_empty() {
        let _ = writeln!(out, "replaces: {}", declared.supersedes.join(", "));
    }
    let _ = writeln!(out, "legal force: {}", declared.force.description());
    in_force(&mut out, declared);
    Some(out)
}

/// A paragraph by its key: its words in force as at the date (without a
/// date, the latest), their history, and what encodes it; `None` if the
/// policy has no paragraph of that key.
pub fn paragraph(policy: &Policy, key: &str, as_at: Option<Day>) -> Option<String> {
    let id = policy.paragraph_by_key(key)?;
    let first = policy.paragraph(id)?;
    let versions = policy.paragraph_versions(id);
    // The words in force as at the date (across the country, each
    // amendment by its national date), else the latest words.
    let shown = match as_at {
        Some(day) => policy.paragraph_in_force_nationally(id, day),
        None => versions.last().copied(),
    };
    let mut out = match (shown, as_at) {
        (Some(paragraph), Some(day)) => format!("as at {day}\n{}", paragraph_text(policy, paragraph)),
        (Some(paragraph), None) => paragraph_text(policy, paragraph),
        (None, Some(day)) => format!("as at {day}, paragraph {} is repealed\n", first.key),
        (None, None) => paragraph_text(policy, first),
    };
    let repeals: Vec<&crate::model::Repeal> = policy
        .repeals
        .iter()
        .filter(|repeal| repeal.target == crate::model::Versioned::Paragraph(id))
        .collect();
    if versions.len() > 1 || !repeals.is_empty() {
        out.push_str("\nhistory:\n");
        for version in &versions {
            let _ = writeln!(out, "  {}", version_line(policy, version.edition, "words of"));
            if let Some(text) = &version.text {
                let _ = writeln!(out, "    \"{}\"", wrap(text, 86, "     "));
            }
        }
        for repeal in repeals {
            let _ = writeln!(out, "  {}", version_line(policy, repeal.edition, "repealed by"));
        }
    }
    let paragraph = first;
    let (encoded, context) = encoders(policy, id);
    if let Some(shown) = shown.filter(|shown| shown.sentences().len() > 1) {
        out.push_str("\nsentences:\n");
        for (number, sentence) in (1..).zip(shown.sentences()) {
            let _ = writeln!(out, "  {number}. {}", wrap(sentence, 84, "     "));
        }
    }
    if encoded.is_empty() && paragraph.descriptive {
        out.push_str("\nthis paragraph describes the guidance itself and asks nothing of a council\n");
    } else if encoded.is_empty() {
        out.push_str("\nno duty, question or law encodes this paragraph\n");
    } else {
        let _ = writeln!(out, "\nencoded by: {}", encoded.join(", "));
    }
    if !context.is_empty() {
        let _ = writeln!(out, "cited for its context by: {}", context.join(", "));
    }
    Some(out)
}

/// The duties, questions and laws that encode a paragraph (each with the
/// sentences it names, if not the whole), and those that cite it for its
/// context only.
fn encoders(policy: &Policy, id: ParagraphId) -> (Vec<String>, Vec<&str>) {
    let (mut encoded, mut context) = (Vec::new(), Vec::new());
    let citing = policy
        .duties
        .iter()
        .map(|duty| (duty.key.as_str(), &duty.citations))
        .chain(policy.laws.iter().map(|law| (law.key.as_str(), &law.citations)));
    for (key, citations) in citing {
        let mut named = Vec::new();
        let mut whole = false;
        let mut cited = false;
        for citation in citations.iter().filter(|citation| citation.paragraph == id) {
            cited = true;
            match &citation.encodes {
                Encodes::Whole => whole = true,
                Encodes::Sentences(numbers) => named.extend(numbers.iter().map(|(number, _)| *number)),
                Encodes::Context => {}
            }
        }
        named.sort_unstable();
        named.dedup();
        match (cited, whole, named.as_slice()) {
            (false, _, _) => {}
            (true, true, _) => encoded.push(key.to_owned()),
            (true, false, []) => context.push(key),
            (true, false, [one]) => encoded.push(format!("{key} (sentence {one})")),
            (true, false, many) => {
                let list: Vec<String> = many.iter().map(usize::to_string).collect();
                encoded.push(format!("{key} (sentences {})", list.join(", ")));
            }
        }
    }
    (encoded, context)
}

/// "words of dfe_2013, in force from 2013-04", "repealed by csw_2017 (an
/// amendment: INSTRUMENT), in force from 2019-09-29 at the latest…".
fn version_line(policy: &Policy, edition: usize, what: &str) -> String {
    let Some(declared) = policy.edition(EditionId::from_index(edition)) else {
        return what.to_owned();
    };
    let mut line = format!("{what} {}", declared.key);
    if declared.amends.is_some() {
        let _ = write!(
            line,
            " (an amendment: {})",
            declared.instrument.as_deref().unwrap_or(&declared.title)
        );
    }
    if let Some(date) = declared.in_force {
        let _ = write!(line, ", in force from {date}");
        if declared.by_area {
            line.push_str(" at the latest, earlier in areas that moved sooner");
        }
    } else if let Some(enacted) = declared.enacted {
        let _ = write!(line, ", enacted {enacted}, not yet in force");
    }
    line
}

/// A name of the guidance's vocabulary, in [`term`]'s words: every kind
/// that declares it (a name may be, say, both a role and a function).
fn vocabulary(policy: &Policy, key: &str) -> Option<String> {
    let found: Vec<String> = VocabularyKind::ALL
        .into_iter()
        .filter_map(|kind| term(policy, kind, key))
        .collect();
    (!found.is_empty()).then(|| found.join("\n"))
}

/// The error for a key that names nothing, with the nearest that does.
fn nothing(policy: &Policy, key: &str) -> CommandError {
    let candidates = Code::ALL
        .iter()
        .map(|code| code.as_str())
        .chain(policy.duties.iter().map(|duty| duty.key.as_str()))
        .chain(policy.laws.iter().map(|law| law.key.as_str()))
        .chain(policy.paragraphs.iter().map(|paragraph| paragraph.key.as_str()))
        .chain(policy.roles.iter().map(|role| role.key.as_str()))
        .chain(policy.functions.iter().map(|function| function.key.as_str()))
        .chain(policy.body_kinds.iter().map(|body_kind| body_kind.key.as_str()))
        .chain(policy.relations.iter().map(|relation| relation.key.as_str()))
        .chain(policy.attributes.iter().map(|attribute| attribute.key.as_str()))
        .chain(policy.tag_keys.iter().map(|tag_key| tag_key.key.as_str()))
        .chain(policy.editions.iter().map(|edition| edition.key.as_str()));
    CommandError::NothingToExplain {
        topic: key.to_owned(),
        suggestion: suggest(key, candidates),
    }
}

/// A name of the guidance's vocabulary (a role, function, kind of body,
/// relation, attribute or tag key), with what the guidance says of it: for
/// an editor's hover. `None` if the policy declares no such name of that
/// kind.
pub fn term(policy: &Policy, kind: VocabularyKind, key: &str) -> Option<String> {
    let about = match kind {
        VocabularyKind::Role => role_term(policy, key)?,
        VocabularyKind::Function => {
            let function = policy.functions.iter().find(|function| function.key == key)?;
            format!("title: {}\n", function.title)
        }
        VocabularyKind::BodyKind => body_kind_term(policy, key)?,
        VocabularyKind::Relation => relation_term(policy, key)?,
        VocabularyKind::Attribute => attribute_term(policy, key)?,
        VocabularyKind::TagKey => {
            let tag_key = policy.tag_keys.iter().find(|tag_key| tag_key.key == key)?;
            format!("title: {}\nvalues: {}\n", tag_key.title, tag_key.values.join(", "))
        }
    };
    Some(format!("{} {key}\n{about}", ItemKind::from(kind).keyword()))
}

/// What the guidance says of a role: its title, holder, statute, remit.
fn role_term(policy: &Policy, key: &str) -> Option<String> {
    let role = policy.roles.iter().find(|role| role.key == key)?;
    let mut out = format!("title: {}\nheld by: a {}\n", role.title, role.holder.word());
    if let Some(statute) = &role.statute {
        let _ = writeln!(out, "statute: {statute}");
    }
    if !role.remit.is_empty() {
        let titles: Vec<&str> = role
            .remit
            .iter()
            .filter_map(|id| policy.function(*id))
            .map(|function| function.title.as_str())
            .collect();
        let _ = writeln!(out, "remit: {}", titles.join(", "));
    }
    if role.principal {
        out.push_str("one of the roles the guidance is about\n");
    }
    Some(out)
}

/// What the guidance says of a kind of body: its title, and when the law
/// ended it.
fn body_kind_term(policy: &Policy, key: &str) -> Option<String> {
    let body_kind = policy.body_kinds.iter().find(|body_kind| body_kind.key == key)?;
    let mut out = format!("title: {}\n", body_kind.title);
    if let Some(ended) = &body_kind.ended {
        let _ = writeln!(
            out,
            "ended: none exists from {}: {}",
            crate::words::date(ended.by),
            ended.law
        );
    }
    Some(out)
}

/// What the guidance says of a relation: its title, what it leads from
/// and to, and whether it is a line of accountability.
fn relation_term(policy: &Policy, key: &str) -> Option<String> {
    let relation = policy.relations.iter().find(|relation| relation.key == key)?;
    let mut out = format!(
        "title: {}\nfrom: {}\nto: {}\n",
        relation.title,
        entity_kinds(&relation.from),
        entity_kinds(&relation.to)
    );
    if relation.hierarchy {
        out.push_str("a line of accountability: it must not loop, and a post's line must not lead to a member\n");
    }
    Some(out)
}

/// What the guidance says of an attribute: its title, what it is said
/// of, its type, its default and its value in a shared file.
fn attribute_term(policy: &Policy, key: &str) -> Option<String> {
    let attribute = policy.attributes.iter().find(|attribute| attribute.key == key)?;
    let mut out = format!(
        "title: {}\non: {}\ntype: {}\n",
        attribute.title,
        entity_kinds(&attribute.on),
        attribute.value_type.word()
    );
    let _ = match (&attribute.default, &attribute.default_basis) {
        (Some(default), Some(basis)) => writeln!(out, "default: {default}, because {basis}"),
        (Some(default), None) => writeln!(out, "default: {default}"),
        (None, _) => writeln!(out, "no default: unstated, it is unknown"),
    };
    if let Some(shared) = &attribute.when_shared {
        let _ = writeln!(out, "in a shared file: {shared}, unless stated");
    }
    if let Some(seconded) = &attribute.when_seconded {
        let _ = writeln!(out, "while seconded from another council: {seconded}, unless stated");
    }
    Some(out)
}

/// Kinds of entity as a list: "post, member".
fn entity_kinds(kinds: &[EntityKind]) -> String {
    kinds.iter().map(|kind| kind.word()).collect::<Vec<_>>().join(", ")
}

/// An item as its file declares it (a post, member, body or service, a
/// document, an event, an edition's header): for an editor's hover.
pub struct Declared<'a> {
    /// The item's kind.
    pub kind: ItemKind,
    /// Its name.
    pub name: &'a str,
    /// Its `title` (or, for an event, its `what`).
    pub title: Option<&'a str>,
    /// The roles it `holds`, by key.
    pub holds: Vec<&'a str>,
    /// For a body, its `kind`.
    pub body_kind: Option<&'a str>,
}

/// The words for an item as declared: what it is, its title, and the
/// roles it holds or the kind of body it is, by their titles in the
/// policy where the policy has them.
pub fn declared(policy: Option<&Policy>, item: &Declared<'_>) -> String {
    let mut out = format!("{} {}\n", item.kind.keyword(), item.name);
    if let Some(title) = item.title {
        let _ = writeln!(out, "title: {title}");
    }
    if !item.holds.is_empty() {
        let roles: Vec<String> = item
            .holds
            .iter()
            .map(
                |key| match policy.and_then(|policy| policy.roles.iter().find(|role| role.key == *key)) {
                    Some(role) => format!("{key} ({})", role.title),
                    None => (*key).to_owned(),
                },
            )
            .collect();
        let _ = writeln!(out, "holds: {}", roles.join(", "));
    }
    if let Some(key) = item.body_kind {
        let _ = match policy.and_then(|policy| policy.body_kinds.iter().find(|kind| kind.key == key)) {
            Some(kind) => writeln!(out, "kind: {key} ({})", kind.title),
            None => writeln!(out, "kind: {key}"),
        };
    }
    out
}
