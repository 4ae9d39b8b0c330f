//! What may follow a field's name (or a comma in its list), by the kind
//! of item the field is in.

use lsp_types::CompletionItemKind;

use super::{candidate, words, Candidate, Completer};
use crate::lsp::index::Namespace;
use crate::model::{
    CouncilKind, EntityKind, Governance, LegalForce, Modality, OrganisationKind, Reading, ReviewOutcome, ValueType,
};
use crate::syntax::ast::ItemKind;

impl Completer<'_> {
    /// What may follow a field's name (or a comma in its list).
    pub(super) fn values(&self, kind: ItemKind, field: &str) -> Vec<Candidate> {
        if field == "source" {
            return self.documents();
        }
        match kind {
            ItemKind::Post | ItemKind::Member | ItemKind::Body | ItemKind::Service => self.entity_values(kind, field),
            ItemKind::Organisation => self.organisation_values(field),
            ItemKind::Appointment
            | ItemKind::Designation
            | ItemKind::Vacancy
            | ItemKind::Change
            | ItemKind::Review
            | ItemKind::Inspection => self.event_values(field),
            ItemKind::Arrangements => self.arrangements_values(field),
            ItemKind::Duty | ItemKind::Question | ItemKind::Law => match field {
                "cites" => self.paragraphs(),
                "renew_on_change_of" | "holder" => self.roles(None),
                "sets" => self.attributes(|_| true),
                "modality" => words(&[Modality::Must.words(), Modality::Should.words()]),
                "reads" => words(&Reading::ALL.map(Reading::word)),
                _ => Vec::new(),
            },
            ItemKind::Role => match field {
                "held_by" => words(&[EntityKind::Post.word(), EntityKind::Member.word()]),
                "remit" => self.functions(),
                "principal" | "descriptive" => yes_no(),
                _ => Vec::new(),
            },
            ItemKind::Relation => match field {
                "from" | "to" => entity_kinds(),
                "hierarchy" | "descriptive" => yes_no(),
                _ => Vec::new(),
            },
            ItemKind::Attribute => attribute_values(field),
            ItemKind::Guidance | ItemKind::LocalPolicy | ItemKind::Amendment => self.edition_values(field),
            ItemKind::Answer | ItemKind::Departure => match field {
                "against" => self.editions(|_| true),
                _ => Vec::new(),
            },
            ItemKind::Function | ItemKind::BodyKind | ItemKind::Paragraph => match field {
                "descriptive" => yes_no(),
                _ => Vec::new(),
            },
            ItemKind::Test => self.test_values(field),
            ItemKind::Shared | ItemKind::Document | ItemKind::TagKey => Vec::new(),
        }
    }

    /// On a post, member, body or service: its own fields, then the
    /// guidance's relations (their targets) and yes-or-no attributes.
    fn entity_values(&self, kind: ItemKind, field: &str) -> Vec<Candidate> {
        let entity = kind.entity_kind();
        match field {
            "holds" | "holds_there" => self.roles(entity),
            "responsible_for" => self.functions(),
            "provider" => self.parties("in_house", true),
            "employer" => self.parties("council", false),
            "seconded_from" | "seconded_to" => self.entities(&[EntityKind::Organisation]),
            "kind" => self.body_kinds(),
            "other_functions" => words(&["no", "yes", "unknown"]),
            _ => {
                let Some(policy) = self.policy else {
                    return Vec::new();
                };
                if let Some(relation) = policy.relations.iter().find(|relation| relation.key == field) {
                    return self.entities(&relation.to);
                }
                match policy.attributes.iter().find(|attribute| attribute.key == field) {
                    Some(attribute) if attribute.value_type == ValueType::Bool => yes_no(),
                    _ => Vec::new(),
                }
            }
        }
    }

    /// Who provides a service or employs a post: the council by its word,
    /// an unnamed external provider where the field allows one, or a
    /// declared organisation.
    fn parties(&self, own: &'static str, external: bool) -> Vec<Candidate> {
        let with_external = [own, "external"];
        let alone = [own];
        let mut candidates = words(if external { &with_external } else { &alone });
        candidates.extend(self.entities(&[EntityKind::Organisation]));
        candidates
    }

    /// On an organisation: its sort, owners and board.
    fn organisation_values(&self, field: &str) -> Vec<Candidate> {
        match field {
            "kind" => OrganisationKind::ALL
                .iter()
                .map(|kind| candidate(kind.word(), None, CompletionItemKind::ENUM_MEMBER))
                .collect(),
            "owned_by" | "part_owned_by" => self.parties("council", false),
            "board" => self.entities(&[EntityKind::Body]),
            _ => Vec::new(),
        }
    }

    /// On an appointment, designation, vacancy, change, review or
    /// inspection.
    fn event_values(&self, field: &str) -> Vec<Candidate> {
        match field {
            "post" => self.entities(&[EntityKind::Post]),
            "member" => self.entities(&[EntityKind::Member]),
            "by" => self.entities(&[EntityKind::Body, EntityKind::Post, EntityKind::Member]),
            "roles" => self.roles(None),
            "answers" => self.local(Namespace::Event, |_| true),
            "outcome" => ReviewOutcome::ALL
                .iter()
                .map(|outcome| candidate(outcome.word(), None, CompletionItemKind::ENUM_MEMBER))
                .collect(),
            "responsibilities" => yes_no(),
            _ => Vec::new(),
        }
    }

    /// On a council's `arrangements`.
    fn arrangements_values(&self, field: &str) -> Vec<Candidate> {
        match field {
            "kind" => CouncilKind::ALL
                .iter()
                .map(|kind| candidate(kind.word(), None, CompletionItemKind::ENUM_MEMBER))
                .collect(),
            "governance" | "considering" => Governance::ALL
                .iter()
                .map(|model| candidate(model.word(), None, CompletionItemKind::ENUM_MEMBER))
                .collect(),
            "upper_tier" => yes_no(),
            "answers_to" => self.editions(|kind| kind != ItemKind::Amendment),
            "commenced" => self.editions(|kind| kind == ItemKind::Amendment),
            "has_no" => self.body_kinds(),
            "complete" => {
                let mut out = words(&["posts", "members", "bodies", "services"]);
                if let Some(policy) = self.policy {
                    out.extend(
                        policy.relations.iter().map(|relation| {
                            candidate(&relation.key, Some(&relation.title), CompletionItemKind::PROPERTY)
                        }),
                    );
                }
                out
            }
            _ => Vec::new(),
        }
    }

    /// On a guidance edition, local policy or amendment.
    fn edition_values(&self, field: &str) -> Vec<Candidate> {
        match field {
            "force" => [
                LegalForce::Statute,
                LegalForce::StatutoryGuidance,
                LegalForce::LocalPolicy,
            ]
            .iter()
            .map(|force| candidate(force.word(), Some(force.description()), CompletionItemKind::ENUM_MEMBER))
            .collect(),
            "supersedes" => self.editions(|kind| kind == ItemKind::Guidance),
            "by_area" => yes_no(),
            "repeals" => {
                let mut out = self.paragraphs();
                out.extend(self.duties(|_| true));
                out
            }
            _ => Vec::new(),
        }
    }

    /// In a policy's `test`.
    fn test_values(&self, field: &str) -> Vec<Candidate> {
        match field {
            "expect" => self.duties(|_| true),
            "set" | "add" | "unset" | "drop" => words(&[
                "arrangements",
                "post",
                "member",
                "body",
                "service",
                "document",
                "appointment",
                "designation",
                "vacancy",
                "change",
                "review",
                "inspection",
                "answer",
                "departure",
            ]),
            _ => Vec::new(),
        }
    }
}

/// On a guidance `attribute`.
fn attribute_values(field: &str) -> Vec<Candidate> {
    match field {
        "on" => entity_kinds(),
        "type" => [ValueType::Int, ValueType::Bool, ValueType::Text, ValueType::Date]
            .iter()
            .map(|value_type| candidate(value_type.word(), None, CompletionItemKind::ENUM_MEMBER))
            .collect(),
        "marks_change" | "descriptive" => yes_no(),
        _ => Vec::new(),
    }
}

fn yes_no() -> Vec<Candidate> {
    words(&["yes", "no"])
}

/// Every kind of entity a council declares.
fn entity_kinds() -> Vec<Candidate> {
    EntityKind::ALL
        .iter()
        .map(|kind| candidate(kind.word(), None, CompletionItemKind::ENUM_MEMBER))
        .collect()
}
