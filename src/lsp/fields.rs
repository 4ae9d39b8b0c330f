//! The fields each kind of item takes, for completion. The checker reads
//! fields one by one as it checks an item; this table lists the same
//! names, and a unit test holds it to the checker both ways (every name
//! here is accepted, and every name the checker offers in its "unknown
//! field" help is here).

use crate::syntax::ast::{ItemKind, ARRANGEMENT_FIELDS};

/// The fields of an item of this kind, besides the guidance's relations
/// and attributes on a post, member, body or service (see
/// [`ItemKind::entity_kind`]).
pub fn fields(kind: ItemKind) -> &'static [&'static str] {
    match kind {
        ItemKind::Guidance => &[
            "title",
            "issuer",
            "issued",
            "in_force",
            "basis",
            "force",
            "supersedes",
            "series",
            "enacted",
            "commencement",
            "commencement_not_at_hand",
        ],
        ItemKind::LocalPolicy => &[
            "title",
            "issuer",
            "issued",
            "in_force",
            "withdrawn",
            "basis",
            "force",
            "supersedes",
        ],
        ItemKind::Amendment => &[
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
            "enacted",
            "commencement",
            "commencement_not_at_hand",
        ],
        ItemKind::Arrangements => &ARRANGEMENT_FIELDS,
        ItemKind::Shared => &["title", "note"],
        ItemKind::Document => &["title", "date", "address", "seed", "note"],
        ItemKind::Role => &["title", "held_by", "statute", "remit", "principal", "descriptive"],
        ItemKind::Function => &["title", "descriptive"],
        ItemKind::BodyKind => &["title", "descriptive", "ended", "ended_by"],
        ItemKind::Relation => &["title", "from", "to", "hierarchy", "descriptive"],
        ItemKind::Attribute => &[
            "title",
            "on",
            "type",
            "default",
            "default_basis",
            "when_shared",
            "when_seconded",
            "marks_change",
            "descriptive",
        ],
        ItemKind::TagKey => &["title", "values"],
        ItemKind::Paragraph => &["section", "text", "descriptive", "restates"],
        ItemKind::Duty => &["title", "cites", "statute"],
        ItemKind::Question => &[
            "title",
            "cites",
            "asks",
            "modality",
            "renew_on_change_of",
            "reads",
            "statute",
        ],
        ItemKind::Law => &["title", "statute", "cites", "holder", "sets", "value"],
        ItemKind::Post => &[
            "title",
            "exists",
            "source",
            "note",
            "holder",
            "holds",
            "responsible_for",
            "other_functions",
            "employer",
            "seconded_from",
            "seconded_to",
            "holds_there",
            "days_a_week",
        ],
        ItemKind::Member => &[
            "title",
            "exists",
            "source",
            "note",
            "name",
            "portfolio",
            "holds",
            "responsible_for",
            "other_functions",
        ],
        ItemKind::Body => &["title", "exists", "source", "note", "kind"],
        ItemKind::Service => &["title", "exists", "source", "note", "provider"],
        ItemKind::Organisation => &[
            "title",
            "exists",
            "source",
            "note",
            "kind",
            "owned_by",
            "part_owned_by",
            "board",
        ],
        ItemKind::Appointment | ItemKind::Designation | ItemKind::Vacancy => {
            &["what", "by", "note", "source", "status", "post", "member", "roles"]
        }
        ItemKind::Change => &[
            "what",
            "by",
            "note",
            "source",
            "status",
            "post",
            "member",
            "responsibilities",
            "extends",
        ],
        ItemKind::Review => &[
            "what", "by", "note", "source", "status", "outcome", "record", "answers", "prepares", "due",
        ],
        ItemKind::Inspection => &["what", "by", "note", "source", "status", "record", "judgement"],
        ItemKind::Answer => &[
            "given",
            "by",
            "reference",
            "asked",
            "text",
            "against",
            "about",
            "source",
        ],
        ItemKind::Departure => &["reasons", "approved_by", "approved", "review_by", "against", "source"],
        ItemKind::Test => &["given", "as_at", "note"],
    }
}

/// The words that start a test's other entries: what it expects, and the
/// changes it makes.
pub const TEST_ENTRIES: [&str; 5] = ["expect", "set", "add", "unset", "drop"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckError;
    use crate::Workspace;

    /// An item of a kind with one field, inside a file of the right sort.
    fn file_with(kind: ItemKind, field: &str) -> String {
        let value = match field {
            "exists" => "from 2020".to_owned(),
            _ => "x".to_owned(),
        };
        let line = format!("{field} {value}");
        match kind {
            ItemKind::Guidance => format!("guidance sample_guidance {{ {line} }}"),
            ItemKind::LocalPolicy => format!("local_policy sample_policy extends dfe_2013 {{ {line} }}"),
            ItemKind::Amendment => format!("amendment sample_amendment amends dfe_2013 {{ {line} }}"),
            ItemKind::Arrangements => format!("arrangements sample_council {{ {line} }}"),
            ItemKind::Shared => format!("shared sample_shared {{ {line} }}"),
            ItemKind::Answer => {
                format!("arrangements sample_council {{ council \"C\" }}\nanswer dcs.appointed {{ {line} }}")
            }
            ItemKind::Departure => {
                format!("arrangements sample_council {{ council \"C\" }}\ndeparture from dcs.report_to_chief_executive {{ {line} }}")
            }
            ItemKind::Appointment
            | ItemKind::Designation
            | ItemKind::Vacancy
            | ItemKind::Change
            | ItemKind::Review
            | ItemKind::Inspection => format!(
                "arrangements sample_council {{ council \"C\" }}\n{} sample_event on 2020 {{ {line} }}",
                kind.keyword()
            ),
            ItemKind::Post | ItemKind::Member | ItemKind::Body | ItemKind::Service | ItemKind::Organisation => format!(
                "arrangements sample_council {{ council \"C\" }}\n{} sample_entity {{ {line} }}",
                kind.keyword()
            ),
            ItemKind::Document => {
                format!("arrangements sample_council {{ council \"C\" }}\ndocument sample_document {{ {line} }}")
            }
            ItemKind::Test => format!(
                "arrangements sample_council {{ council \"C\" }}\ntest sample_test {{ {line}  expect dcs.appointed pass }}"
            ),
            ItemKind::Role
            | ItemKind::Function
            | ItemKind::BodyKind
            | ItemKind::Relation
            | ItemKind::Attribute
            | ItemKind::TagKey
            | ItemKind::Paragraph
            | ItemKind::Duty
            | ItemKind::Question
            | ItemKind::Law => format!(
                "local_policy sample_policy extends dfe_2013 {{ title \"L\" }}\n{} sample_item {{ {line} }}",
                kind.keyword()
            ),
        }
    }

    fn unknown_fields(text: &str) -> Vec<(String, Vec<String>)> {
        let mut workspace = Workspace::new();
        if text.starts_with("shared ") {
            // A shared file is checked only with a council that shares it,
            // and is read from disk.
            let folder = std::env::temp_dir().join(format!("dcsc-fields-{}", std::process::id()));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("shared.dcs"), text).unwrap();
            let council = folder.join("council.dcs");
            std::fs::write(
                &council,
                "arrangements sample_council { council \"C\"  shares \"shared.dcs\" }",
            )
            .unwrap();
            workspace.add_path(&council);
        } else {
            workspace.add_text("fields.dcs", text);
        }
        workspace
            .check()
            .errors
            .into_iter()
            .filter_map(|error| {
                if let CheckError::UnknownField { field, allowed, .. } = error {
                    Some((field, allowed))
                } else {
                    None
                }
            })
            .collect()
    }

    #[test]
    fn every_field_offered_is_one_the_checker_takes() {
        for kind in ItemKind::ALL {
            for field in fields(kind) {
                let text = file_with(kind, field);
                let unknown = unknown_fields(&text);
                assert!(
                    unknown.iter().all(|(name, _)| name != field),
                    "{} does not take `{field}`:\n{text}",
                    kind.keyword()
                );
            }
        }
    }

    #[test]
    fn every_field_the_checker_names_is_offered() {
        let policy = Workspace::new().check().policy.unwrap();
        for kind in ItemKind::ALL {
            let text = file_with(kind, "no_such_field");
            let unknown = unknown_fields(&text);
            let allowed = unknown
                .iter()
                .find(|(name, _)| name == "no_such_field")
                .map(|(_, allowed)| allowed.clone())
                .unwrap_or_default();
            assert!(
                !allowed.is_empty(),
                "{}: no unknown-field error:\n{text}",
                kind.keyword()
            );
            for name in &allowed {
                let name = name.as_str();
                // The guidance's relations and attributes are offered from
                // the policy (those the entity's kind may have; the
                // checker's help names them all).
                let vocabulary = kind.entity_kind().is_some()
                    && (policy.relations.iter().any(|relation| relation.key == name)
                        || policy.attributes.iter().any(|attribute| attribute.key == name));
                let offered = fields(kind).contains(&name);
                assert!(offered || vocabulary, "{} takes `{name}`, not offered", kind.keyword());
            }
            // And the checker's help names every field offered.
            for field in fields(kind) {
                assert!(
                    allowed.iter().any(|name| name == field),
                    "{} takes `{field}`, but its help does not name it",
                    kind.keyword()
                );
            }
        }
    }
}
