//! The names that may be written: the policy's vocabulary, duties and
//! paragraphs, and what the council's files declare.

use lsp_types::CompletionItemKind;

use super::{candidate, Candidate, Completer};
use crate::lsp::analysis::title_of;
use crate::lsp::index::Namespace;
use crate::model::{DutyKind, EntityKind, Modality, ValueType};
use crate::syntax::ast::ItemKind;

impl Completer<'_> {
    pub(super) fn roles(&self, holder: Option<EntityKind>) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .roles
                .iter()
                .filter(|role| holder.is_none_or(|holder| role.holder == holder))
                .map(|role| candidate(&role.key, Some(&role.title), CompletionItemKind::CLASS))
                .collect()
        })
    }

    pub(super) fn functions(&self) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .functions
                .iter()
                .map(|function| candidate(&function.key, Some(&function.title), CompletionItemKind::FUNCTION))
                .collect()
        })
    }

    pub(super) fn body_kinds(&self) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .body_kinds
                .iter()
                .map(|kind| candidate(&kind.key, Some(&kind.title), CompletionItemKind::STRUCT))
                .collect()
        })
    }

    pub(super) fn attributes(&self, wanted: impl Fn(ValueType) -> bool) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .attributes
                .iter()
                .filter(|attribute| wanted(attribute.value_type))
                .map(|attribute| candidate(&attribute.key, Some(&attribute.title), CompletionItemKind::PROPERTY))
                .collect()
        })
    }

    pub(super) fn tag_keys(&self) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .tag_keys
                .iter()
                .map(|key| candidate(&key.key, Some(&key.title), CompletionItemKind::ENUM))
                .collect()
        })
    }

    pub(super) fn tag_values(&self, key: &str) -> Vec<Candidate> {
        self.policy
            .and_then(|policy| policy.tag_keys.iter().find(|tag_key| tag_key.key == key))
            .map_or_else(Vec::new, |tag_key| {
                tag_key
                    .values
                    .iter()
                    .map(|value| candidate(value, None, CompletionItemKind::ENUM_MEMBER))
                    .collect()
            })
    }

    /// Paragraph keys, each version once.
    pub(super) fn paragraphs(&self) -> Vec<Candidate> {
        self.policy.map_or_else(Vec::new, |policy| {
            policy
                .paragraphs
                .iter()
                .map(|paragraph| candidate(&paragraph.key, Some(&paragraph.section), CompletionItemKind::REFERENCE))
                .collect()
        })
    }

    /// Duty and question keys whose modality passes; questions first, as
    /// a council answers questions more than it departs from duties.
    pub(super) fn duties(&self, wanted: impl Fn(Modality) -> bool) -> Vec<Candidate> {
        let Some(policy) = self.policy else {
            return Vec::new();
        };
        let listed = |questions: bool| {
            policy
                .duties
                .iter()
                .filter(|duty| duty.is_question() == questions && wanted(duty.modality))
                .map(|duty| {
                    let detail = match &duty.kind {
                        DutyKind::Question { asks, .. } => duty.title.as_deref().unwrap_or(asks),
                        DutyKind::Rule { text, .. } => duty.title.as_deref().unwrap_or(text),
                    };
                    candidate(&duty.key, Some(detail), CompletionItemKind::REFERENCE)
                })
                .collect::<Vec<_>>()
        };
        let mut out = listed(true);
        out.extend(listed(false));
        out
    }

    /// Editions, local policies and amendments declared anywhere read.
    pub(super) fn editions(&self, wanted: impl Fn(ItemKind) -> bool) -> Vec<Candidate> {
        self.declarations
            .iter()
            .filter(|declaration| declaration.namespace == Namespace::Edition && wanted(declaration.item.kind))
            .map(|declaration| candidate(&*declaration.item.name.text, None, CompletionItemKind::MODULE))
            .collect()
    }

    /// A council's posts, members, bodies or services of the kinds given.
    pub(super) fn entities(&self, kinds: &[EntityKind]) -> Vec<Candidate> {
        self.local(Namespace::Entity, |kind| {
            kind.entity_kind().is_some_and(|entity| kinds.contains(&entity))
        })
    }

    /// Documents of this file (and those it shares), else every document.
    pub(super) fn documents(&self) -> Vec<Candidate> {
        let local = self.local(Namespace::Document, |_| true);
        if !local.is_empty() {
            return local;
        }
        self.declarations
            .iter()
            .filter(|declaration| declaration.namespace == Namespace::Document)
            .map(|declaration| candidate(&*declaration.item.name.text, None, CompletionItemKind::FILE))
            .collect()
    }

    /// Names a council declares, in this file and the files it shares.
    pub(super) fn local(&self, namespace: Namespace, wanted: impl Fn(ItemKind) -> bool) -> Vec<Candidate> {
        let shared = self.analysis.shares_of(self.file);
        let kind = if namespace == Namespace::Event {
            CompletionItemKind::EVENT
        } else if namespace == Namespace::Document {
            CompletionItemKind::FILE
        } else {
            CompletionItemKind::VARIABLE
        };
        self.declarations
            .iter()
            .filter(|declaration| {
                declaration.namespace == namespace
                    && wanted(declaration.item.kind)
                    && (declaration.file == self.file || shared.contains(&declaration.file))
            })
            .map(|declaration| {
                let title = title_of(declaration.item);
                candidate(&*declaration.item.name.text, title, kind)
            })
            .collect()
    }
}
