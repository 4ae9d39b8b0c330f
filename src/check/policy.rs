//! Checking guidance: vocabulary, paragraphs, duties and questions, read
//! together across a guidance edition and the local policies on top of it.

use super::error::{CheckError, FileKind, Found, Misuse, NameKind, Needed, Said, Shape};
use super::fields::{names_of, typed, Fields, Names};
use crate::model::*;
use crate::source::{SourceMap, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{self, EntityKind, Entry, Item, ItemKind, Place, WordsKind};

/// The name tables of a policy, kept after checking so that arrangements
/// can be resolved against the same vocabulary.
pub struct Scope {
    /// Documents.
    pub documents: Names<DocumentId>,
    /// Roles.
    pub roles: Names<RoleId>,
    /// Functions.
    pub functions: Names<FunctionId>,
    /// Kinds of body.
    pub body_kinds: Names<BodyKindId>,
    /// Relations.
    pub relations: Names<RelationId>,
    /// Attributes.
    pub attributes: Names<AttributeId>,
    /// Tag keys.
    pub tag_keys: Names<TagKeyId>,
    /// Paragraphs.
    pub paragraphs: Names<ParagraphId>,
    /// Duties and questions.
    pub duties: Names<DutyId>,
    /// Laws.
    pub laws: Names<LawId>,
    /// The paragraph, duty, question and law items the first pass accepted
    /// (first declarations, and an amendment's new versions), by the span
    /// of their key, with what each is: a repeated key outside an
    /// amendment is reported and left out.
    accepted: std::collections::BTreeMap<Span, Provision>,
    /// Each accepted paragraph's first version, in the order the first
    /// pass met them, which is the order of [`Policy::paragraphs`].
    paragraph_family: Vec<ParagraphId>,
}

impl Scope {
    fn new() -> Scope {
        Scope {
            documents: Names::new(NameKind::Document),
            roles: Names::new(NameKind::Role),
            functions: Names::new(NameKind::Function),
            body_kinds: Names::new(NameKind::BodyKind),
            relations: Names::new(NameKind::Relation),
            attributes: Names::new(NameKind::Attribute),
            tag_keys: Names::new(NameKind::TagKey),
            paragraphs: Names::new(NameKind::Paragraph),
            duties: Names::new(NameKind::DutyOrQuestion),
            laws: Names::new(NameKind::Law),
            accepted: std::collections::BTreeMap::new(),
            paragraph_family: Vec::new(),
        }
    }
}

/// What an accepted item provides, checked in the second pass once every
/// name is declared.
#[derive(Clone, Copy)]
enum Provision {
    Paragraph,
    Duty,
    Law,
}

/// What the first pass leaves for when every name is declared.
#[derive(Default)]
struct Pending<'a> {
    /// Each role's `remit`, naming functions that may come later.
    remits: Vec<(RoleId, &'a ast::Field)>,
}

/// One file of a policy chain: its header item and all its items.
pub struct Unit<'a> {
    /// The header (`guidance` or `local_policy`).
    pub header: &'a Item,
    /// Every item of the file, header included.
    pub items: &'a [Item],
    /// The file.
    pub file: crate::source::FileId,
}

/// Checks a chain of policy units (base first) into one [`Policy`].
pub fn check_policy(units: &[Unit<'_>], sources: &SourceMap, errors: &mut Vec<CheckError>) -> (Policy, Scope) {
    let mut policy = Policy::default();
    let mut scope = Scope::new();
    let mut pending = Pending::default();
    for unit in units {
        policy.editions.push(edition_of(unit, errors));
        declare(unit, &mut policy, &mut scope, &mut pending, errors);
    }
    for (role, field) in pending.remits {
        let functions: Vec<FunctionId> = names_of(field, errors)
            .iter()
            .filter_map(|name| scope.functions.resolve(name, errors))
            .collect();
        if let Some(declared) = policy.roles.get_mut(role.index()) {
            declared.remit = functions;
        }
    }
    // The names mentioned by duties that did not check: the vocabulary and
    // paragraphs they use are not reported unused on top of their error.
    let mut mentioned = std::collections::BTreeSet::new();
    for (edition, unit) in units.iter().enumerate() {
        for item in unit.items {
            match scope.accepted.get(&item.name.span) {
                Some(Provision::Paragraph) => paragraph(item, edition, &mut policy, &scope, errors),
                Some(Provision::Law) => law(item, edition, &mut policy, &scope, errors),
                Some(Provision::Duty) => {
                    let checked = duty(item, edition, &mut policy, &scope, sources, errors);
                    if !checked {
                        mentioned_in(item, &mut mentioned);
                    }
                }
                // Declared in the first pass, or refused there: misplaced,
                // or a repeated key outside an amendment.
                None => {}
            }
        }
    }
    families(&mut policy, &mut scope);
    for (edition, unit) in units.iter().enumerate() {
        repeals(unit, edition, &mut policy, &scope, errors);
    }
    pinned_words(&policy, errors);
    contradictions(&policy, errors);
    unused(&policy, &mentioned, errors);
    (policy, scope)
}

/// Links each duty and law to its first version, by key, and points the
/// scope's keys at the first versions: an answer or departure belongs to
/// the duty whatever version is in force. A duty that failed to check left
/// no entry, so the ids here are those of the policy's own tables.
fn families(policy: &mut Policy, scope: &mut Scope) {
    let mut first: std::collections::BTreeMap<String, DutyId> = std::collections::BTreeMap::new();
    for (index, duty) in policy.duties.iter_mut().enumerate() {
        duty.family = *first.entry(duty.key.clone()).or_insert(DutyId::from_index(index));
    }
    let mut duties = Names::new(NameKind::DutyOrQuestion);
    // Each key is declared once here, so nothing is reported.
    let mut none = Vec::new();
    for (key, id) in &first {
        let span = policy.duty(*id).map_or(Span::default(), |duty| duty.span);
        duties.declare(key, *id, span, &mut none);
    }
    scope.duties = duties;
    let mut first_law: std::collections::BTreeMap<String, LawId> = std::collections::BTreeMap::new();
    for (index, law) in policy.laws.iter_mut().enumerate() {
        law.family = *first_law.entry(law.key.clone()).or_insert(LawId::from_index(index));
    }
}

/// A local policy's duty that cites a paragraph of the guidance whose words
/// an amendment changes or repeals: what the council wrote against the old
/// words may need a fresh look once the amendment takes effect.
fn pinned_words(policy: &Policy, errors: &mut Vec<CheckError>) {
    for duty in &policy.duties {
        let local = policy
            .edition(EditionId::from_index(duty.edition))
            .is_some_and(|edition| edition.force == LegalForce::LocalPolicy && edition.amends.is_none());
        if !local {
            continue;
        }
        for family in &duty.cites {
            let versions = policy.paragraph_versions(*family);
            let changed_by = versions
                .iter()
                .skip(1)
                .map(|version| version.edition)
                .chain(
                    policy
                        .repeals
                        .iter()
                        .filter(|repeal| repeal.target == Versioned::Paragraph(*family))
                        .map(|repeal| repeal.edition),
                )
                .filter_map(|edition| policy.edition(EditionId::from_index(edition)))
                .map(|edition| edition.key.clone())
                .collect::<Vec<String>>();
            if changed_by.is_empty() {
                continue;
            }
            errors.push(CheckError::AmendedCitation {
                duty: duty.key.clone(),
                paragraph: versions
                    .first()
                    .map_or_else(String::new, |paragraph| paragraph.key.clone()),
                amendments: changed_by,
                span: duty.span,
            });
        }
    }
}

/// An amendment's `repeals`: each key a paragraph, duty, question or law
/// of the editions it amends, repealed from the amendment's commencement.
fn repeals(unit: &Unit<'_>, edition: usize, policy: &mut Policy, scope: &Scope, errors: &mut Vec<CheckError>) {
    if unit.header.kind != ItemKind::Amendment {
        return;
    }
    for entry in &unit.header.entries {
        let Entry::Field(field) = entry else {
            continue;
        };
        if field.name.text != "repeals" {
            continue;
        }
        for name in names_of(field, errors) {
            let target = if let Some(id) = scope.paragraphs.get(&name.text) {
                Some(Versioned::Paragraph(id))
            } else if let Some(id) = scope.duties.get(&name.text) {
                Some(Versioned::Duty(id))
            } else {
                policy
                    .laws
                    .iter()
                    .find(|law| law.key == name.text)
                    .map(|law| Versioned::Law(law.family))
            };
            match target {
                Some(target) => policy.repeals.push(Repeal {
                    target,
                    edition,
                    span: name.span,
                }),
                None => {
                    let known: Vec<&str> = scope
                        .paragraphs
                        .keys()
                        .chain(scope.duties.keys())
                        .chain(policy.laws.iter().map(|law| law.key.as_str()))
                        .collect();
                    errors.push(CheckError::UnknownName {
                        expected: NameKind::ParagraphDutyOrLaw,
                        suggestion: suggest(&name.text, known),
                        name: name.text.clone(),
                        span: name.span,
                    });
                }
            }
        }
    }
}

/// Every name and key an item mentions, in fields, rules, conditions and
/// tags.
fn mentioned_in(item: &Item, names: &mut std::collections::BTreeSet<String>) {
    fn claim(subject: &ast::Subject, predicate: &ast::Predicate, names: &mut std::collections::BTreeSet<String>) {
        names.extend(subject.role().map(|role| role.text.clone()));
        names.extend(predicate.mentions().into_iter().map(|(_, name)| name.text.clone()));
    }
    for entry in &item.entries {
        match entry {
            Entry::Field(field) => {
                for value in &field.values {
                    if let ast::ValueKind::Key(key) | ast::ValueKind::Str(key) = &value.kind {
                        names.insert(key.clone());
                    }
                    if let ast::ValueKind::Number(number) = &value.kind {
                        names.insert(number.to_string());
                    }
                }
            }
            Entry::Rule(rule) => claim(&rule.subject, &rule.predicate, names),
            Entry::Condition(condition) => claim(&condition.claim.subject, &condition.claim.predicate, names),
            Entry::Tag(tag) => {
                names.insert(tag.key.text.clone());
            }
            Entry::Words(_) | Entry::Expect(_) | Entry::Edit(_) => {}
        }
    }
}

fn edition_of(unit: &Unit<'_>, errors: &mut Vec<CheckError>) -> Edition {
    let header = unit.header;
    let mut fields = Fields::new(header, errors);
    let title = fields.required_text("title", errors).unwrap_or_default();
    let issuer = fields.text("issuer", errors);
    let issued = fields.date("issued", errors);
    let in_force = fields.date("in_force", errors);
    let basis = fields.texts("basis", errors);
    let force = match fields.one_of("force", &["statute", "statutory_guidance", "local_policy"], errors) {
        Some("statute") => LegalForce::Statute,
        Some("local_policy") => LegalForce::LocalPolicy,
        Some(_) => LegalForce::StatutoryGuidance,
        None if header.kind == ItemKind::LocalPolicy => LegalForce::LocalPolicy,
        None => LegalForce::StatutoryGuidance,
    };
    let supersedes = fields
        .names("supersedes", errors)
        .unwrap_or_default()
        .into_iter()
        .map(|name| name.text)
        .collect();
    let amendment = header.kind == ItemKind::Amendment;
    let (instrument, by_area, first_in_force) = if amendment {
        let instrument = fields.required_text("instrument", errors);
        if in_force.is_none() {
            errors.push(fields.missing("in_force"));
        }
        // Read once every key is declared (see `repeals`).
        fields.take_all("repeals");
        let by_area = fields.boolean("by_area", errors).unwrap_or(false);
        let first_span = fields.span_of("first_in_force");
        let first_in_force = fields.date("first_in_force", errors);
        if let (Some(first), Some(span)) = (first_in_force, first_span) {
            if !by_area {
                errors.push(CheckError::MisusedPredicate {
                    problem: Misuse::FirstInForceWithoutByArea,
                    span,
                });
            } else if in_force.is_some_and(|latest| first.first_day() >= latest.first_day()) {
                errors.push(CheckError::MisusedPredicate {
                    problem: Misuse::FirstInForceNotBefore,
                    span,
                });
            }
        }
        (instrument, by_area, first_in_force)
    } else {
        (None, false, None)
    };
    fields.finish(
        if amendment {
            &[
                "title",
                "issuer",
                "issued",
                "in_force",
                "basis",
                "force",
                "instrument",
                "by_area",
                "first_in_force",
                "repeals",
            ]
        } else {
            &["title", "issuer", "issued", "in_force", "basis", "force", "supersedes"]
        },
        errors,
    );
    Edition {
        key: header.name.text.clone(),
        title,
        issuer,
        issued,
        in_force,
        basis,
        force,
        supersedes,
        extends: header
            .extends
            .as_ref()
            .filter(|_| !amendment)
            .map(|name| name.text.clone()),
        amends: header
            .extends
            .as_ref()
            .filter(|_| amendment)
            .map(|name| name.text.clone()),
        instrument,
        by_area,
        first_in_force,
        file: unit.file,
        span: header.name.span,
    }
}

fn entity_kinds(fields: &mut Fields<'_>, name: &'static str, errors: &mut Vec<CheckError>) -> Vec<EntityKind> {
    let Some(words) = fields.names(name, errors) else {
        errors.push(fields.missing(name));
        return Vec::new();
    };
    let mut kinds = Vec::new();
    for word in words {
        match EntityKind::from_word(&word.text) {
            Some(kind) => kinds.push(kind),
            None => errors.push(CheckError::NotOneOf {
                field: name.to_owned(),
                value: word.text.clone(),
                allowed: vec!["post", "member", "body", "service"],
                span: word.span,
            }),
        }
    }
    kinds
}

/// First pass: every declaration gets its id, so later items can refer to
/// earlier and later ones alike.
fn declare<'a>(
    unit: &Unit<'a>,
    policy: &mut Policy,
    scope: &mut Scope,
    pending: &mut Pending<'a>,
    errors: &mut Vec<CheckError>,
) {
    let amending = unit.header.kind == ItemKind::Amendment;
    // What this amendment has already given a new version: a second one in
    // the same file is a repeated key.
    let mut versioned: std::collections::BTreeSet<(&str, &str)> = std::collections::BTreeSet::new();
    for item in unit.items {
        let name = item.name.text.as_str();
        let span = item.name.span;
        match item.kind {
            ItemKind::Guidance | ItemKind::LocalPolicy | ItemKind::Amendment => {}
            ItemKind::Document => {
                let id = DocumentId::from_index(policy.documents.len());
                if scope.documents.declare(name, id, span, errors) {
                    policy.documents.push(document(item, errors));
                }
            }
            ItemKind::Role => {
                let id = RoleId::from_index(policy.roles.len());
                if scope.roles.declare(name, id, span, errors) {
                    let mut fields = Fields::new(item, errors);
                    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
                    let holder = match fields.one_of("held_by", &["post", "member"], errors) {
                        Some("member") => EntityKind::Member,
                        Some(_) => EntityKind::Post,
                        None => {
                            errors.push(fields.missing("held_by"));
                            EntityKind::Post
                        }
                    };
                    let statute = fields.text("statute", errors);
                    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
                    let principal = fields.boolean("principal", errors).unwrap_or(false);
                    // Functions may be declared after the role: the remit
                    // is resolved once every name is declared.
                    if let Some(field) = fields.take("remit") {
                        pending.remits.push((id, field));
                    }
                    fields.finish(
                        &["title", "held_by", "statute", "remit", "principal", "descriptive"],
                        errors,
                    );
                    policy.roles.push(Role {
                        key: name.to_owned(),
                        title,
                        holder,
                        statute,
                        remit: Vec::new(),
                        principal,
                        descriptive,
                        span,
                    });
                }
            }
            ItemKind::Function | ItemKind::BodyKind => {
                let term = {
                    let mut fields = Fields::new(item, errors);
                    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
                    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
                    let ended = if item.kind == ItemKind::BodyKind {
                        let by = fields.date("ended", errors);
                        let law = fields.text("ended_by", errors);
                        match (by, law) {
                            (Some(by), Some(law)) => Some(Ended { by, law }),
                            (Some(_), None) => {
                                errors.push(fields.missing("ended_by"));
                                None
                            }
                            (None, Some(_)) => {
                                errors.push(fields.missing("ended"));
                                None
                            }
                            (None, None) => None,
                        }
                    } else {
                        None
                    };
                    fields.finish(
                        if item.kind == ItemKind::BodyKind {
                            &["title", "descriptive", "ended", "ended_by"]
                        } else {
                            &["title", "descriptive"]
                        },
                        errors,
                    );
                    Term {
                        key: name.to_owned(),
                        title,
                        ended,
                        descriptive,
                        span,
                    }
                };
                if item.kind == ItemKind::Function {
                    let id = FunctionId::from_index(policy.functions.len());
                    if scope.functions.declare(name, id, span, errors) {
                        policy.functions.push(term);
                    }
                } else {
                    let id = BodyKindId::from_index(policy.body_kinds.len());
                    if scope.body_kinds.declare(name, id, span, errors) {
                        policy.body_kinds.push(term);
                    }
                }
            }
            ItemKind::Relation => {
                let id = RelationId::from_index(policy.relations.len());
                if scope.relations.declare(name, id, span, errors) {
                    let mut fields = Fields::new(item, errors);
                    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
                    let from = entity_kinds(&mut fields, "from", errors);
                    let to = entity_kinds(&mut fields, "to", errors);
                    let hierarchy = fields.boolean("hierarchy", errors).unwrap_or(false);
                    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
                    fields.finish(&["title", "from", "to", "hierarchy", "descriptive"], errors);
                    policy.relations.push(Relation {
                        key: name.to_owned(),
                        title,
                        from,
                        to,
                        hierarchy,
                        descriptive,
                        span,
                    });
                }
            }
            ItemKind::Attribute => {
                let id = AttributeId::from_index(policy.attributes.len());
                if scope.attributes.declare(name, id, span, errors) {
                    let mut fields = Fields::new(item, errors);
                    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
                    let on = entity_kinds(&mut fields, "on", errors);
                    let value_type = match fields.one_of("type", &["int", "bool", "text", "date"], errors) {
                        Some("int") => ValueType::Int,
                        Some("bool") => ValueType::Bool,
                        Some("date") => ValueType::Date,
                        Some(_) => ValueType::Text,
                        None => {
                            errors.push(fields.missing("type"));
                            ValueType::Text
                        }
                    };
                    let mut one_value = |field_name: &str| {
                        fields.take(field_name).and_then(|field| {
                            let value = match field.values.as_slice() {
                                [value] => typed(&value.kind, value_type),
                                _ => None,
                            };
                            if value.is_none() {
                                errors.push(CheckError::WrongType {
                                    field: field_name.to_owned(),
                                    expected: Shape::OneValue(value_type),
                                    span: field.values.first().map_or(field.span, |value| value.span),
                                    declared: None,
                                });
                            }
                            value
                        })
                    };
                    let default = one_value("default");
                    let when_shared = one_value("when_shared");
                    // A default is a reading of the guidance or of the law:
                    // it must say whose, so that a verdict resting on it
                    // can.
                    let default_basis = fields.text("default_basis", errors);
                    if default.is_some() && default_basis.is_none() {
                        errors.push(fields.missing("default_basis"));
                    }
                    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
                    let marks_change = fields.boolean("marks_change", errors).unwrap_or(false);
                    fields.finish(
                        &[
                            "title",
                            "on",
                            "type",
                            "default",
                            "default_basis",
                            "when_shared",
                            "marks_change",
                            "descriptive",
                        ],
                        errors,
                    );
                    policy.attributes.push(Attribute {
                        key: name.to_owned(),
                        title,
                        on,
                        value_type,
                        default,
                        default_basis,
                        marks_change,
                        when_shared,
                        descriptive,
                        span,
                    });
                }
            }
            ItemKind::TagKey => {
                let id = TagKeyId::from_index(policy.tag_keys.len());
                if scope.tag_keys.declare(name, id, span, errors) {
                    let mut fields = Fields::new(item, errors);
                    let title = fields.required_text("title", errors).unwrap_or_else(|| name.to_owned());
                    let values: Vec<String> = match fields.names("values", errors) {
                        Some(values) => values.into_iter().map(|value| value.text).collect(),
                        None => {
                            errors.push(fields.missing("values"));
                            Vec::new()
                        }
                    };
                    fields.finish(&["title", "values"], errors);
                    policy.tag_keys.push(TagKey {
                        key: name.to_owned(),
                        title,
                        values,
                        span,
                    });
                }
            }
            // An amendment gives a paragraph, duty or law of the same key
            // new words, a new rule or a new value: a new version, in force
            // from the amendment's commencement. Anywhere else a repeated
            // key is an error.
            ItemKind::Paragraph => {
                let id = ParagraphId::from_index(scope.paragraph_family.len());
                match scope.paragraphs.get(name) {
                    Some(first) if amending && versioned.insert(("paragraph", name)) => {
                        scope.paragraph_family.push(first);
                        scope.accepted.insert(span, Provision::Paragraph);
                    }
                    Some(_) | None => {
                        if scope.paragraphs.declare(name, id, span, errors) {
                            scope.paragraph_family.push(id);
                            scope.accepted.insert(span, Provision::Paragraph);
                        }
                    }
                }
            }
            ItemKind::Duty | ItemKind::Question => {
                let id = DutyId::from_index(scope.duties.keys().count());
                let known = scope.duties.get(name).is_some();
                if (known && amending && versioned.insert(("duty", name)))
                    || scope.duties.declare(name, id, span, errors)
                {
                    scope.accepted.insert(span, Provision::Duty);
                }
            }
            ItemKind::Law => {
                let id = LawId::from_index(scope.laws.keys().count());
                let known = scope.laws.get(name).is_some();
                if (known && amending && versioned.insert(("law", name))) || scope.laws.declare(name, id, span, errors)
                {
                    scope.accepted.insert(span, Provision::Law);
                }
            }
            // Every other kind by where it is written: each of the
            // guidance's is declared above.
            other => match other.place() {
                Place::Arrangements | Place::Tests => errors.push(CheckError::Misplaced {
                    item: other,
                    file_kind: FileKind::Guidance,
                    span: item.span,
                }),
                Place::Policy | Place::Either => {}
            },
        }
    }
}

/// Reads a `document` item (also used by arrangements).
pub fn document(item: &Item, errors: &mut Vec<CheckError>) -> Document {
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors).unwrap_or_default();
    let seed = fields.text("seed", errors);
    let note = fields.text("note", errors);
    fields.finish(&["title", "seed", "note"], errors);
    Document {
        key: item.name.text.clone(),
        title,
        seed,
        note,
        span: item.name.span,
    }
}

fn paragraph(item: &Item, edition: usize, policy: &mut Policy, scope: &Scope, errors: &mut Vec<CheckError>) {
    let mut fields = Fields::new(item, errors);
    let section = fields.required_text("section", errors).unwrap_or_default();
    let text = fields.text("text", errors);
    let descriptive = fields.boolean("descriptive", errors).unwrap_or(false);
    fields.finish(&["section", "text", "descriptive"], errors);
    let mut provenance = None;
    for entry in &item.entries {
        match entry {
            Entry::Words(words) => {
                if provenance.is_some() {
                    errors.push(CheckError::RepeatedField {
                        field: "words".to_owned(),
                        span: words.span,
                        first: item.name.span,
                    });
                    continue;
                }
                provenance = match &words.kind {
                    WordsKind::Verbatim { document } => scope
                        .documents
                        .resolve(document, errors)
                        .map(|document| Provenance::Verbatim { document }),
                    WordsKind::Quoted { by, document } => {
                        scope
                            .documents
                            .resolve(document, errors)
                            .map(|document| Provenance::Quoted {
                                by: by.clone(),
                                document,
                            })
                    }
                    WordsKind::Paraphrase { document } => scope
                        .documents
                        .resolve(document, errors)
                        .map(|document| Provenance::Paraphrase { document }),
                    WordsKind::NotAtHand { reason } => Some(Provenance::NotAtHand { reason: reason.clone() }),
                };
            }
            Entry::Rule(rule) => errors.push(CheckError::RuleCount {
                item: item.name.text.clone(),
                found: 1,
                span: rule.span,
            }),
            Entry::Condition(condition) => errors.push(CheckError::MisusedPredicate {
                problem: Misuse::ConditionOnParagraph,
                span: condition.span,
            }),
            Entry::Tag(tag) => errors.push(CheckError::MisusedPredicate {
                problem: Misuse::TagOnParagraph,
                span: tag.span,
            }),
            Entry::Expect(_) | Entry::Edit(_) => errors.extend(super::test_only(entry)),
            Entry::Field(_) => {}
        }
    }
    let provenance = match provenance {
        Some(provenance) => provenance,
        None => {
            errors.push(fields_missing(item, "words"));
            Provenance::NotAtHand { reason: String::new() }
        }
    };
    if text.is_none() && !matches!(provenance, Provenance::NotAtHand { .. }) {
        errors.push(fields_missing(item, "text"));
    }
    policy.paragraphs.push(Paragraph {
        key: item.name.text.clone(),
        section,
        provenance,
        text,
        family: scope
            .paragraph_family
            .get(policy.paragraphs.len())
            .copied()
            .unwrap_or(ParagraphId::from_index(policy.paragraphs.len())),
        descriptive,
        edition,
        span: item.name.span,
    });
}

fn fields_missing(item: &Item, field: &'static str) -> CheckError {
    CheckError::MissingField {
        item: item.kind,
        field,
        span: item.name.span,
    }
}

fn duty(
    item: &Item,
    edition: usize,
    policy: &mut Policy,
    scope: &Scope,
    sources: &SourceMap,
    errors: &mut Vec<CheckError>,
) -> bool {
    let is_question = item.kind == ItemKind::Question;
    let mut fields = Fields::new(item, errors);
    let title = fields.text("title", errors);
    let cites_field = fields.take("cites");
    let asks = if is_question {
        fields.required_text("asks", errors)
    } else {
        None
    };
    let question_modality = if is_question {
        fields.one_of("modality", &["must", "should"], errors)
    } else {
        None
    };
    let renew_on_change_of = if is_question {
        fields
            .name("renew_on_change_of", errors)
            .and_then(|name| scope.roles.resolve(&name, errors))
    } else {
        None
    };
    let statute = fields.text("statute", errors);
    fields.finish(
        if is_question {
            &["title", "cites", "asks", "modality", "renew_on_change_of", "statute"]
        } else {
            &["title", "cites", "statute"]
        },
        errors,
    );
    let mut cites = Vec::new();
    match cites_field {
        Some(field) => {
            for name in names_of(field, errors) {
                cites.extend(scope.paragraphs.resolve(&name, errors));
            }
        }
        None => errors.push(CheckError::NoCitation {
            duty: item.name.text.clone(),
            span: item.name.span,
        }),
    }
    let mut rules = Vec::new();
    let mut conditions = Vec::new();
    let mut tags = Vec::new();
    for entry in &item.entries {
        match entry {
            Entry::Rule(rule) => rules.push(rule),
            Entry::Condition(condition) => {
                let resolver = Resolver { policy, scope, errors };
                if let Some(resolved) = resolver.claim(&condition.claim.subject, &condition.claim.predicate) {
                    conditions.push(Condition {
                        kind: condition.kind,
                        subject: resolved.0,
                        predicate: resolved.1,
                        text: words_of(sources, condition.span),
                        span: condition.span,
                    });
                }
            }
            Entry::Tag(tag) => {
                if let Some(key) = scope.tag_keys.resolve(&tag.key, errors) {
                    let allowed = policy.tag_key(key).map(|key| key.values.clone()).unwrap_or_default();
                    if let Some(value) = allowed.iter().position(|value| *value == tag.value.text) {
                        tags.push(Tag { key, value });
                    } else {
                        errors.push(CheckError::TagValue {
                            key: tag.key.text.clone(),
                            value: tag.value.text.clone(),
                            span: tag.value.span,
                            suggestion: suggest(&tag.value.text, allowed.iter().map(String::as_str)),
                            allowed,
                        });
                    }
                }
            }
            Entry::Words(words) => errors.push(CheckError::MisusedPredicate {
                problem: Misuse::WordsOutsideParagraph,
                span: words.span,
            }),
            Entry::Expect(_) | Entry::Edit(_) => errors.extend(super::test_only(entry)),
            Entry::Field(_) => {}
        }
    }
    let (kind, modality) = if is_question {
        if let Some(rule) = rules.first() {
            errors.push(CheckError::RuleCount {
                item: item.name.text.clone(),
                found: rules.len(),
                span: rule.span,
            });
        }
        let modality = match question_modality {
            Some("must") => ast::Modality::Must,
            _ => ast::Modality::Should,
        };
        (
            DutyKind::Question {
                asks: asks.unwrap_or_default(),
                renew_on_change_of,
            },
            modality,
        )
    } else {
        let rule = match rules.as_slice() {
            [rule] => rule,
            [] => {
                errors.push(CheckError::RuleCount {
                    item: item.name.text.clone(),
                    found: 0,
                    span: item.name.span,
                });
                return false;
            }
            [_, extra, ..] => {
                errors.push(CheckError::RuleCount {
                    item: item.name.text.clone(),
                    found: rules.len(),
                    span: extra.span,
                });
                return false;
            }
        };
        let resolver = Resolver { policy, scope, errors };
        let Some((subject, predicate)) = resolver.claim(&rule.subject, &rule.predicate) else {
            return false;
        };
        (
            DutyKind::Rule {
                subject,
                predicate,
                text: words_of(sources, rule.span),
                predicate_text: words_of(sources, rule.predicate.span),
            },
            rule.modality,
        )
    };
    policy.duties.push(Duty {
        key: item.name.text.clone(),
        title,
        kind,
        modality,
        cites,
        conditions,
        tags,
        statute,
        // Set once every duty is read (see `families`).
        family: DutyId::from_index(policy.duties.len()),
        edition,
        span: item.name.span,
    });
    true
}

/// Checks a `law` item: the role whose holders it concerns, the attribute
/// it settles and the value, typed by the attribute; the statute and the
/// paragraphs that state it.
fn law(item: &Item, edition: usize, policy: &mut Policy, scope: &Scope, errors: &mut Vec<CheckError>) {
    let mut fields = Fields::new(item, errors);
    let title = fields.required_text("title", errors);
    let statute = fields.required_text("statute", errors);
    let cites_field = fields.take("cites");
    let role = match fields.name("holder", errors) {
        Some(name) => scope.roles.resolve(&name, errors),
        None => {
            errors.push(fields.missing("holder"));
            None
        }
    };
    let attribute = match fields.name("sets", errors) {
        Some(name) => scope.attributes.resolve(&name, errors),
        None => {
            errors.push(fields.missing("sets"));
            None
        }
    };
    let value_field = fields.take("value");
    if value_field.is_none() {
        errors.push(fields.missing("value"));
    }
    fields.finish(&["title", "statute", "cites", "holder", "sets", "value"], errors);
    for entry in &item.entries {
        let span = match entry {
            Entry::Field(_) => continue,
            Entry::Rule(rule) => rule.span,
            Entry::Condition(condition) => condition.span,
            Entry::Words(words) => words.span,
            Entry::Tag(tag) => tag.span,
            Entry::Expect(_) | Entry::Edit(_) => {
                errors.extend(super::test_only(entry));
                continue;
            }
        };
        errors.push(CheckError::MisusedPredicate {
            problem: Misuse::FieldsOnly { item: ItemKind::Law },
            span,
        });
    }
    let mut cites = Vec::new();
    match cites_field {
        Some(field) => {
            for name in names_of(field, errors) {
                cites.extend(scope.paragraphs.resolve(&name, errors));
            }
        }
        None => errors.push(CheckError::NoCitation {
            duty: item.name.text.clone(),
            span: item.name.span,
        }),
    }
    let (Some(title), Some(statute), Some(role), Some(attribute), Some(value_field)) =
        (title, statute, role, attribute, value_field)
    else {
        return;
    };
    let (Some(declared_role), Some(declared)) = (policy.role(role), policy.attribute(attribute)) else {
        return;
    };
    if !declared.on.contains(&declared_role.holder) {
        errors.push(CheckError::WrongKind {
            expected: Needed::AttributeOn {
                attribute: declared.key.clone(),
                kinds: declared.on.clone(),
            },
            found: Found::Role {
                name: declared_role.key.clone(),
                holder: declared_role.holder,
            },
            span: value_field.name.span,
            declared: Some(declared.span),
        });
        return;
    }
    let value = match value_field.values.as_slice() {
        [value] => typed(&value.kind, declared.value_type),
        _ => None,
    };
    let Some(value) = value else {
        errors.push(CheckError::WrongType {
            field: "value".to_owned(),
            expected: Shape::OneValue(declared.value_type),
            span: value_field.values.first().map_or(value_field.span, |value| value.span),
            declared: Some(declared.span),
        });
        return;
    };
    policy.laws.push(Law {
        key: item.name.text.clone(),
        title,
        statute,
        cites,
        role,
        attribute,
        value,
        // Set once every law is read (see `families`).
        family: LawId::from_index(policy.laws.len()),
        edition,
        span: item.name.span,
    });
}

/// The source text of a span with runs of white space made single spaces.
pub fn words_of(sources: &SourceMap, span: Span) -> String {
    sources.slice(span).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a subject binds: the council, or entities of one kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Binds {
    Council,
    Entities(EntityKind),
}

struct Resolver<'p, 'e> {
    policy: &'p Policy,
    scope: &'p Scope,
    errors: &'e mut Vec<CheckError>,
}

impl Resolver<'_, '_> {
    fn claim(mut self, subject: &ast::Subject, predicate: &ast::Predicate) -> Option<(Subject, Predicate)> {
        let (subject, binds) = self.subject(subject)?;
        let predicate = self.predicate(predicate, binds)?;
        Some((subject, predicate))
    }

    fn subject(&mut self, subject: &ast::Subject) -> Option<(Subject, Binds)> {
        match subject {
            ast::Subject::Council { .. } => Some((Subject::Council, Binds::Council)),
            ast::Subject::Role(name) => {
                let role = self.scope.roles.resolve(name, self.errors)?;
                let holder = self.policy.role(role)?.holder;
                Some((Subject::Role(role), Binds::Entities(holder)))
            }
            ast::Subject::Quantified {
                quantifier,
                entity,
                holding,
                ..
            } => {
                let holding = match holding {
                    Some(name) => {
                        let role = self.scope.roles.resolve(name, self.errors)?;
                        self.holder_matches(role, *entity, name.span);
                        Some(role)
                    }
                    None => None,
                };
                Some((
                    Subject::Quantified {
                        quantifier: *quantifier,
                        entity: *entity,
                        holding,
                    },
                    Binds::Entities(*entity),
                ))
            }
        }
    }

    fn holder_matches(&mut self, role: RoleId, entity: EntityKind, span: Span) {
        if let Some(declared) = self.policy.role(role) {
            if declared.holder != entity {
                self.errors.push(CheckError::WrongKind {
                    expected: Needed::RoleHeldBy { kind: entity },
                    found: Found::Role {
                        name: declared.key.clone(),
                        holder: declared.holder,
                    },
                    span,
                    declared: Some(declared.span),
                });
            }
        }
    }

    fn predicate(&mut self, predicate: &ast::Predicate, binds: Binds) -> Option<Predicate> {
        let span = predicate.span;
        match &predicate.kind {
            ast::PredicateKind::And(parts) => self.all(parts, binds).map(Predicate::And),
            ast::PredicateKind::Or(parts) => self.all(parts, binds).map(Predicate::Or),
            ast::PredicateKind::Not(inner) => self
                .predicate(inner, binds)
                .map(|inner| Predicate::Not(Box::new(inner))),
            ast::PredicateKind::Atom(atom) => self.atom(atom, binds, span),
        }
    }

    fn all(&mut self, parts: &[ast::Predicate], binds: Binds) -> Option<Vec<Predicate>> {
        let mut resolved = Vec::with_capacity(parts.len());
        let mut failed = false;
        for part in parts {
            match self.predicate(part, binds) {
                Some(part) => resolved.push(part),
                None => failed = true,
            }
        }
        (!failed).then_some(resolved)
    }

    fn needs_entities(&mut self, binds: Binds, allowed: &[EntityKind], what: Said, span: Span) -> bool {
        match binds {
            Binds::Council => {
                self.errors.push(CheckError::MisusedPredicate {
                    problem: Misuse::SaidOfTheCouncil { what },
                    span,
                });
                false
            }
            Binds::Entities(kind) if !allowed.contains(&kind) => {
                self.errors.push(CheckError::MisusedPredicate {
                    problem: Misuse::SaidOfWrongKind {
                        what,
                        allowed: allowed.to_vec(),
                        subject: kind,
                    },
                    span,
                });
                false
            }
            Binds::Entities(_) => true,
        }
    }

    fn atom(&mut self, atom: &ast::Atom, binds: Binds, span: Span) -> Option<Predicate> {
        match atom {
            ast::Atom::Hold { roles } => {
                let mut resolved = Vec::new();
                for name in roles {
                    let role = self.scope.roles.resolve(name, self.errors)?;
                    if let Binds::Entities(kind) = binds {
                        self.holder_matches(role, kind, name.span);
                    }
                    resolved.push(role);
                }
                self.needs_entities(binds, &[EntityKind::Post, EntityKind::Member], Said::HoldingRole, span)
                    .then_some(Predicate::Hold(resolved))
            }
            ast::Atom::Responsible { only, functions } => {
                let mut resolved = Vec::new();
                for name in functions {
                    resolved.push(self.scope.functions.resolve(name, self.errors)?);
                }
                self.needs_entities(
                    binds,
                    &[EntityKind::Post, EntityKind::Member],
                    Said::Responsibility,
                    span,
                )
                .then_some(Predicate::Responsible {
                    only: *only,
                    functions: resolved,
                })
            }
            ast::Atom::Kind { kind } => {
                let kind = self.scope.body_kinds.resolve(kind, self.errors)?;
                self.needs_entities(binds, &[EntityKind::Body], Said::BeingKindOfBody, span)
                    .then_some(Predicate::Kind(kind))
            }
            ast::Atom::Attribute { attribute } => {
                let id = self.scope.attributes.resolve(attribute, self.errors)?;
                let declared = self.policy.attribute(id)?;
                if declared.value_type != ValueType::Bool {
                    self.errors.push(CheckError::WrongKind {
                        expected: Needed::YesNoAttribute,
                        found: Found::Attribute {
                            name: declared.key.clone(),
                            value_type: declared.value_type,
                        },
                        span: attribute.span,
                        declared: Some(declared.span),
                    });
                    return None;
                }
                let on = declared.on.clone();
                self.needs_entities(binds, &on, Said::Attribute(declared.key.clone()), span)
                    .then_some(Predicate::Attribute(id))
            }
            ast::Atom::Compare {
                attribute,
                comparator,
                literal,
            } => {
                let id = self.scope.attributes.resolve(attribute, self.errors)?;
                let declared = self.policy.attribute(id)?;
                let Some(value) = typed(&literal.kind, declared.value_type) else {
                    self.errors.push(CheckError::WrongType {
                        field: declared.key.clone(),
                        expected: Shape::Value(declared.value_type),
                        span: literal.span,
                        declared: Some(declared.span),
                    });
                    return None;
                };
                let on = declared.on.clone();
                self.needs_entities(binds, &on, Said::Attribute(declared.key.clone()), span)
                    .then_some(Predicate::Compare {
                        attribute: id,
                        comparator: *comparator,
                        value,
                    })
            }
            ast::Atom::After {
                event,
                trigger,
                of,
                within,
            } => {
                let of = match of {
                    Some(name) => Some(self.scope.roles.resolve(name, self.errors)?),
                    None => None,
                };
                if *trigger == Trigger::Extension {
                    let remit = of
                        .and_then(|role| self.policy.role(role))
                        .map(|role| !role.remit.is_empty());
                    if remit != Some(true) {
                        self.errors.push(CheckError::MisusedPredicate {
                            problem: Misuse::ExtensionWithoutRemit {
                                role: of.and_then(|role| self.policy.role(role)).map(|role| role.key.clone()),
                            },
                            span,
                        });
                        return None;
                    }
                }
                self.needs_council(binds, span).then_some(Predicate::After {
                    event: *event,
                    trigger: *trigger,
                    of,
                    within: within.map(|period| period.months),
                })
            }
            ast::Atom::Uses { model } | ast::Atom::Considers { model } => {
                let considering = matches!(atom, ast::Atom::Considers { .. });
                let Some(found) = Governance::ALL.into_iter().find(|known| known.word() == model.text) else {
                    self.errors.push(CheckError::NotOneOf {
                        field: if considering { "considers" } else { "uses" }.to_owned(),
                        value: model.text.clone(),
                        allowed: Governance::ALL.map(Governance::word).to_vec(),
                        span: model.span,
                    });
                    return None;
                };
                if binds != Binds::Council {
                    self.errors.push(CheckError::MisusedPredicate {
                        problem: Misuse::GovernanceOfEntities,
                        span,
                    });
                    return None;
                }
                Some(Predicate::Governance {
                    model: found,
                    considering,
                })
            }
            ast::Atom::Every { event, period } => self.needs_council(binds, span).then_some(Predicate::Every {
                event: *event,
                months: period.months,
            }),
            ast::Atom::Relation {
                relation,
                of_kind,
                target,
            } => {
                let id = self.scope.relations.resolve(relation, self.errors)?;
                let declared = self.policy.relation(id)?;
                let from = declared.from.clone();
                let to = declared.to.clone();
                let relation_key = declared.key.clone();
                let relation_span = declared.span;
                let target = if *of_kind {
                    let kind = self.scope.body_kinds.resolve(target, self.errors)?;
                    if !to.contains(&EntityKind::Body) {
                        self.errors.push(CheckError::WrongKind {
                            expected: Needed::RelationTo {
                                relation: relation_key.clone(),
                                kinds: to.clone(),
                            },
                            found: Found::BodyKind {
                                name: target.text.clone(),
                            },
                            span: target.span,
                            declared: Some(relation_span),
                        });
                        return None;
                    }
                    Target::Kind(kind)
                } else {
                    let Some(role) = self.scope.roles.get(&target.text) else {
                        let mut error = self.scope.roles.unknown(target);
                        if self.scope.body_kinds.get(&target.text).is_some() {
                            error = CheckError::WrongKind {
                                expected: Needed::RoleOrBodyKind,
                                found: Found::BodyKind {
                                    name: target.text.clone(),
                                },
                                span: target.span,
                                declared: None,
                            };
                        }
                        self.errors.push(error);
                        return None;
                    };
                    let holder = self.policy.role(role)?;
                    if !to.contains(&holder.holder) {
                        self.errors.push(CheckError::WrongKind {
                            expected: Needed::RelationBetween {
                                relation: relation_key.clone(),
                                from: from.clone(),
                                to: to.clone(),
                            },
                            found: Found::Role {
                                name: holder.key.clone(),
                                holder: holder.holder,
                            },
                            span: target.span,
                            declared: Some(holder.span),
                        });
                        return None;
                    }
                    Target::Role(role)
                };
                self.needs_entities(binds, &from, Said::Relation(relation_key.clone()), span)
                    .then_some(Predicate::Relation { relation: id, target })
            }
        }
    }

    fn needs_council(&mut self, binds: Binds, span: Span) -> bool {
        if binds == Binds::Council {
            return true;
        }
        self.errors.push(CheckError::MisusedPredicate {
            problem: Misuse::TimelineOfEntities,
            span,
        });
        false
    }
}

/// `must P` beside `must not P` (or `should` beside `should not` of a
/// `must`) for the same subject, where neither duty's conditions exclude
/// the other's.
fn contradictions(policy: &Policy, errors: &mut Vec<CheckError>) {
    for (index, later) in policy.duties.iter().enumerate() {
        let DutyKind::Rule { subject, predicate, .. } = &later.kind else {
            continue;
        };
        for earlier in policy.duties.iter().take(index) {
            let DutyKind::Rule {
                subject: other_subject,
                predicate: other_predicate,
                ..
            } = &earlier.kind
            else {
                continue;
            };
            let opposed = later.modality.is_negative() != earlier.modality.is_negative()
                && later.modality != ast::Modality::May
                && earlier.modality != ast::Modality::May;
            let binding = matches!(later.modality, ast::Modality::Must | ast::Modality::MustNot)
                || matches!(earlier.modality, ast::Modality::Must | ast::Modality::MustNot);
            let overlapping = later.conditions.is_empty()
                || earlier.conditions.is_empty()
                || same_conditions(&later.conditions, &earlier.conditions);
            if opposed && binding && overlapping && subject == other_subject && predicate == other_predicate {
                errors.push(CheckError::Contradiction {
                    duty: later.key.clone(),
                    span: later.span,
                    other: earlier.key.clone(),
                    other_span: earlier.span,
                });
            }
        }
    }
}

fn same_conditions(left: &[Condition], right: &[Condition]) -> bool {
    left.len() == right.len()
        && left
            .iter()
            .zip(right)
            .all(|(a, b)| a.kind == b.kind && a.subject == b.subject && a.predicate == b.predicate)
}

#[derive(Default)]
struct Used {
    roles: Vec<bool>,
    functions: Vec<bool>,
    body_kinds: Vec<bool>,
    relations: Vec<bool>,
    attributes: Vec<bool>,
}

fn mark(flags: &mut [bool], index: usize) {
    if let Some(flag) = flags.get_mut(index) {
        *flag = true;
    }
}

impl Used {
    fn subject(&mut self, subject: &Subject) {
        if let Some(role) = subject.role() {
            mark(&mut self.roles, role.index());
        }
    }

    fn predicate(&mut self, predicate: &Predicate) {
        for mention in predicate.mentions() {
            match mention {
                Mention::Role(role) => mark(&mut self.roles, role.index()),
                Mention::Function(function) => mark(&mut self.functions, function.index()),
                Mention::BodyKind(kind) => mark(&mut self.body_kinds, kind.index()),
                Mention::Relation(relation) => mark(&mut self.relations, relation.index()),
                Mention::Attribute(attribute) => mark(&mut self.attributes, attribute.index()),
            }
        }
    }
}

fn unused(policy: &Policy, mentioned: &std::collections::BTreeSet<String>, errors: &mut Vec<CheckError>) {
    let mut used = Used {
        roles: vec![false; policy.roles.len()],
        functions: vec![false; policy.functions.len()],
        body_kinds: vec![false; policy.body_kinds.len()],
        relations: vec![false; policy.relations.len()],
        attributes: vec![false; policy.attributes.len()],
    };
    let mut cited = vec![false; policy.paragraphs.len()];
    let mut tag_keys = vec![false; policy.tag_keys.len()];
    let mut documents = vec![false; policy.documents.len()];
    for duty in &policy.duties {
        if let DutyKind::Rule { subject, predicate, .. } = &duty.kind {
            used.subject(subject);
            used.predicate(predicate);
        }
        for condition in &duty.conditions {
            used.subject(&condition.subject);
            used.predicate(&condition.predicate);
        }
        if let DutyKind::Question {
            renew_on_change_of: Some(role),
            ..
        } = &duty.kind
        {
            mark(&mut used.roles, role.index());
        }
        for paragraph in &duty.cites {
            mark(&mut cited, paragraph.index());
        }
        for tag in &duty.tags {
            mark(&mut tag_keys, tag.key.index());
        }
    }
    for law in &policy.laws {
        mark(&mut used.roles, law.role.index());
        mark(&mut used.attributes, law.attribute.index());
        for paragraph in &law.cites {
            mark(&mut cited, paragraph.index());
        }
    }
    // A role's remit is used by the duties that ask after its extension;
    // the functions named there are the ones those duties weigh.
    for role in &policy.roles {
        for function in &role.remit {
            mark(&mut used.functions, function.index());
        }
    }
    for paragraph in &policy.paragraphs {
        if let Some(document) = paragraph.provenance.document() {
            mark(&mut documents, document.index());
        }
    }
    let mut report = |what: NameKind, flags: &[bool], names: Vec<(&str, bool, Span)>| {
        for (flag, (name, descriptive, span)) in flags.iter().zip(names) {
            if !flag && !descriptive && !mentioned.contains(name) {
                errors.push(CheckError::UnusedVocabulary {
                    what,
                    name: name.to_owned(),
                    span,
                });
            }
        }
    };
    report(
        NameKind::Role,
        &used.roles,
        policy
            .roles
            .iter()
            .map(|r| (r.key.as_str(), r.descriptive, r.span))
            .collect(),
    );
    report(
        NameKind::Function,
        &used.functions,
        policy
            .functions
            .iter()
            .map(|t| (t.key.as_str(), t.descriptive, t.span))
            .collect(),
    );
    report(
        NameKind::BodyKind,
        &used.body_kinds,
        policy
            .body_kinds
            .iter()
            .map(|t| (t.key.as_str(), t.descriptive, t.span))
            .collect(),
    );
    report(
        NameKind::Relation,
        &used.relations,
        policy
            .relations
            .iter()
            .map(|r| (r.key.as_str(), r.descriptive, r.span))
            .collect(),
    );
    report(
        NameKind::Attribute,
        &used.attributes,
        policy
            .attributes
            .iter()
            .map(|a| (a.key.as_str(), a.descriptive, a.span))
            .collect(),
    );
    report(
        NameKind::TagKey,
        &tag_keys,
        policy
            .tag_keys
            .iter()
            .map(|t| (t.key.as_str(), false, t.span))
            .collect(),
    );
    report(
        NameKind::Document,
        &documents,
        policy
            .documents
            .iter()
            .map(|d| (d.key.as_str(), false, d.span))
            .collect(),
    );
    // A paragraph that describes the guidance, or whose words are not at
    // hand, has nothing a duty could encode.
    // A later version of a paragraph is cited through its first.
    let cited: Vec<bool> = policy
        .paragraphs
        .iter()
        .enumerate()
        .map(|(index, paragraph)| {
            cited.get(index).copied().unwrap_or(false) || cited.get(paragraph.family.index()).copied().unwrap_or(false)
        })
        .collect();
    for (flag, paragraph) in cited.iter().zip(&policy.paragraphs) {
        let encodable = !paragraph.descriptive && !matches!(paragraph.provenance, Provenance::NotAtHand { .. });
        if !flag && encodable && !mentioned.contains(&paragraph.key) {
            errors.push(CheckError::UnencodedParagraph {
                key: paragraph.key.clone(),
                span: paragraph.span,
            });
        }
    }
}
