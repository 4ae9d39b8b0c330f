//! What an arrangements header says of the whole council: which of its
//! lists are complete, the kinds of body it has none of, its governance,
//! and when amendments by area commenced for it.

use super::Context;
use crate::check::error::{CheckError, NameKind, Shape};
use crate::check::fields::{names_of, Fields};
use crate::model::*;
use crate::suggest::suggest;
use crate::syntax::ast::{self, EntityKind, Item};

impl Context<'_> {
    /// Reads the header's `complete` (which lists are complete) and
    /// `has_no` (kinds of body the council states it does not have), its
    /// `governance` and `considering`, and its `commenced` lines.
    pub(super) fn completeness(&self, header: &Item, arrangement: &mut Arrangement, errors: &mut Vec<CheckError>) {
        let mut fields = Fields::new(header, errors);
        let source = fields.source(errors);
        let default = self.evidence(source.as_ref(), errors);
        if let Some(field) = fields.take("complete") {
            self.complete(field, arrangement, errors);
        }
        self.governance(&mut fields, &default, arrangement, errors);
        for field in fields.take_all("commenced") {
            self.commenced(field, &default, arrangement, errors);
        }
        for field in fields.take_all("has_no") {
            for name in names_of(field, errors) {
                if let Some(kind) = self.scope.body_kinds.resolve(&name, errors) {
                    let during = self.period(field, |end| Owner::Council { end });
                    let stated = self.stated(kind, field.span, field, during, &default, errors);
                    arrangement.has_no.push(stated);
                }
            }
        }
    }

    /// `complete`: kinds of entity (`posts`) and relations whose lists
    /// are complete.
    fn complete(&self, field: &ast::Field, arrangement: &mut Arrangement, errors: &mut Vec<CheckError>) {
        for name in names_of(field, errors) {
            if let Some(kind) = EntityKind::from_word(&name.text) {
                arrangement.complete_kinds.push(kind);
            } else if let Some(relation) = self.scope.relations.get(&name.text) {
                arrangement.complete_relations.push(relation);
            } else {
                let mut candidates: Vec<&str> = vec!["posts", "members", "bodies", "services"];
                candidates.extend(self.scope.relations.keys());
                errors.push(CheckError::UnknownName {
                    expected: NameKind::EntityKindOrRelation,
                    suggestion: suggest(&name.text, candidates),
                    name: name.text.to_string(),
                    span: name.span,
                });
            }
        }
    }

    /// `governance` (one model) and `considering` (a list).
    fn governance(
        &self,
        fields: &mut Fields<'_>,
        default: &Option<EvidenceRef>,
        arrangement: &mut Arrangement,
        errors: &mut Vec<CheckError>,
    ) {
        let models = Governance::ALL.map(Governance::word);
        for (name, list) in [("governance", false), ("considering", true)] {
            for field in fields.take_all(name) {
                for value in names_of(field, errors) {
                    let Some(model) = Governance::ALL.into_iter().find(|model| model.word() == value.text) else {
                        errors.push(CheckError::NotOneOf {
                            field: name.to_owned(),
                            value: value.text.to_string(),
                            allowed: models.to_vec(),
                            span: value.span,
                        });
                        continue;
                    };
                    let during = self.period(field, |end| Owner::Council { end });
                    let stated = self.stated(model, field.span, field, during, default, errors);
                    if list {
                        arrangement.considering.push(stated);
                    } else if arrangement.governance.is_some() {
                        errors.push(CheckError::RepeatedField {
                            field: name.to_owned(),
                            span: value.span,
                            first: arrangement
                                .governance
                                .as_ref()
                                .map_or(value.span, |first| first.origin.span),
                        });
                    } else {
                        arrangement.governance = Some(stated);
                    }
                }
            }
        }
    }

    /// `commenced AMENDMENT from DATE`: when an amendment that commences
    /// area by area took effect for this council.
    fn commenced(
        &self,
        field: &ast::Field,
        default: &Option<EvidenceRef>,
        arrangement: &mut Arrangement,
        errors: &mut Vec<CheckError>,
    ) {
        for name in names_of(field, errors) {
            let by_area: Vec<&str> = self
                .policy
                .editions
                .iter()
                .filter(|edition| edition.by_area)
                .map(|edition| edition.key.as_str())
                .collect();
            // An amendment of another edition's chain (verifying as at a
            // date before it) is known, and simply not in force.
            let elsewhere = self.known_policies.iter().any(|known| *known == name.text)
                && !self.policy.editions.iter().any(|edition| edition.key == name.text);
            if elsewhere {
                continue;
            }
            if !by_area.contains(&name.text.as_str()) {
                errors.push(CheckError::UnknownName {
                    expected: NameKind::AmendmentByArea,
                    suggestion: suggest(&name.text, by_area.iter().copied()),
                    name: name.text.to_string(),
                    span: name.span,
                });
                continue;
            }
            if field.period.is_none() {
                errors.push(CheckError::WrongType {
                    field: "commenced".to_owned(),
                    expected: Shape::Date,
                    span: field.span,
                    declared: None,
                });
                continue;
            }
            let during = self.period(field, |end| Owner::Council { end });
            let stated = self.stated(name.text.to_string(), field.span, field, during, default, errors);
            arrangement.commenced.push(stated);
        }
    }
}
