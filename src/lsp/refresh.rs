//! Keeping each folder's analysis current: checking it again when its
//! documents change (in the loop, or by a job when its texts are large),
//! taking a job's result, publishing the diagnostics, and answering the
//! requests that waited for them; and the answers owed to formatting
//! requests outdated or cancelled.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use lsp_server::{ErrorCode, RequestId};
use lsp_types::MessageType;

use super::analysis::Analysis;
use super::uri::Address;
use super::work::{Done, Job, Member};
use super::{declares_shared, error, group_of, log, ok, publish, to_json, Group, Outgoing, Server};

impl Server {
    /// The result of a job.
    pub(super) fn finished(&mut self, done: Done) -> Vec<Outgoing> {
        match done {
            Done::Analysed {
                group,
                versions,
                analysis,
                kept,
            } => {
                let changed = self.running.remove(&group).unwrap_or(true);
                let current = versions.iter().all(|(uri, version)| {
                    self.documents
                        .get(uri)
                        .is_some_and(|document| document.version == *version)
                });
                for (uri, memory) in kept {
                    let same = versions.iter().any(|(kept_uri, version)| {
                        *kept_uri == uri
                            && self
                                .documents
                                .get(&uri)
                                .is_some_and(|document| document.version == *version)
                    });
                    if same {
                        self.kept.insert(uri, memory);
                    }
                }
                if changed || !current || self.members(&group).len() != versions.len() {
                    return self.republish(group);
                }
                self.install(group, Some(*analysis))
            }
            Done::AnalysisFailed(group) => {
                self.running.remove(&group);
                let mut out = vec![log(
                    MessageType::ERROR,
                    "a folder could not be checked: this is a bug in dcsc",
                )];
                for request in self.waiting.remove(&group).unwrap_or_default() {
                    out.push(error(
                        request.id,
                        ErrorCode::InternalError,
                        "dcsc could not answer this request: this is a bug in dcsc",
                    ));
                }
                out
            }
            Done::Formatted { id, edits } => match self.formatting.iter().position(|(waiting, ..)| *waiting == id) {
                Some(index) => {
                    self.formatting.remove(index);
                    vec![ok(id, to_json(edits))]
                }
                None => Vec::new(),
            },
            Done::FormattingFailed(id) => match self.formatting.iter().position(|(waiting, ..)| *waiting == id) {
                Some(index) => {
                    self.formatting.remove(index);
                    vec![error(
                        id,
                        ErrorCode::InternalError,
                        "dcsc could not answer this request: this is a bug in dcsc",
                    )]
                }
                None => Vec::new(),
            },
        }
    }

    /// Formatting requests for a document that changed or closed before
    /// they were done: answered as the protocol says, and dropped.
    pub(super) fn outdated(&mut self, uri: &str) -> Vec<Outgoing> {
        let (outdated, kept): (Vec<_>, Vec<_>) = self.formatting.drain(..).partition(|(_, waiting, _)| waiting == uri);
        self.formatting = kept;
        outdated
            .into_iter()
            .map(|(id, ..)| {
                error(
                    id,
                    ErrorCode::ContentModified,
                    "the document changed before it was formatted",
                )
            })
            .collect()
    }

    /// `$/cancelRequest`: a request waiting or in work is answered as
    /// cancelled; one already answered is left alone.
    pub(super) fn cancel(&mut self, params: serde_json::Value) -> Vec<Outgoing> {
        let Ok(params) = serde_json::from_value::<lsp_types::CancelParams>(params) else {
            return Vec::new();
        };
        let id: RequestId = match params.id {
            lsp_types::NumberOrString::Number(number) => number.into(),
            lsp_types::NumberOrString::String(text) => text.into(),
        };
        let mut found = false;
        for requests in self.waiting.values_mut() {
            let before = requests.len();
            requests.retain(|request| request.id != id);
            found |= requests.len() != before;
        }
        let before = self.formatting.len();
        self.formatting.retain(|(waiting, ..)| *waiting != id);
        found |= self.formatting.len() != before;
        if found {
            vec![error(id, ErrorCode::RequestCanceled, "cancelled by the editor")]
        } else {
            Vec::new()
        }
    }

    /// Checks a group afresh and publishes its diagnostics: at once, or,
    /// when its texts are large, by a job whose result [`Server::install`]s
    /// it. While a job runs, the group is marked changed and checked again
    /// when it ends.
    pub(super) fn republish(&mut self, group: Group) -> Vec<Outgoing> {
        self.analyses.remove(&group);
        if let Some(changed) = self.running.get_mut(&group) {
            *changed = true;
            return Vec::new();
        }
        let members = self.members(&group);
        if members.is_empty() {
            return self.install(group, None);
        }
        let kept = members
            .iter()
            .map(|member| (member.uri.clone(), self.kept.remove(&member.uri).unwrap_or_default()))
            .collect();
        let job = Job::Analyse {
            group: group.clone(),
            members,
            kept,
        };
        if job.is_large() {
            self.running.insert(group, false);
            self.jobs.push(job);
            return Vec::new();
        }
        match job.run() {
            Done::Analysed { analysis, kept, .. } => {
                self.kept.extend(kept);
                self.install(group, Some(*analysis))
            }
            done @ (Done::AnalysisFailed(_) | Done::Formatted { .. } | Done::FormattingFailed(_)) => {
                self.finished(done)
            }
        }
    }

    /// The open documents of a group, as a job takes them: a shared file
    /// first, so that an arrangement that shares it reads the editor's
    /// text rather than the disk's.
    pub(super) fn members(&self, group: &Group) -> Vec<Member> {
        let mut members: Vec<Member> = self
            .documents
            .iter()
            .filter(|(uri, document)| group_of(uri, &document.address) == *group)
            .map(|(uri, document)| Member {
                uri: uri.clone(),
                address: document.address.clone(),
                text: Arc::clone(&document.text),
                version: document.version,
            })
            .collect();
        members.sort_by_key(|member| (!declares_shared(&member.text), member.uri.clone()));
        members
    }

    /// Publishes a group's diagnostics from its analysis (`None`: no
    /// document of it is open), keeps the analysis, and answers the
    /// requests that waited for it.
    pub(super) fn install(&mut self, group: Group, analysis: Option<Analysis>) -> Vec<Outgoing> {
        let mut out = Vec::new();
        let previous = self.foreign.remove(&group).unwrap_or_default();
        let Some(analysis) = analysis else {
            out.extend(previous.iter().filter_map(|uri| publish(uri, Vec::new(), None)));
            return out;
        };
        let versions: BTreeMap<&String, i32> = self
            .documents
            .iter()
            .map(|(uri, document)| (uri, document.version))
            .collect();
        let mut foreign = BTreeSet::new();
        for (uri, diagnostics) in analysis.diagnostics() {
            // The embedded guidance is read-only: nothing to fix there.
            if matches!(Address::parse(&uri), Address::Embedded(_)) {
                continue;
            }
            let version = versions.get(&uri).copied();
            if !analysis.is_open(&uri) {
                // Open in another folder's group, which publishes its own
                // diagnostics: two groups must not take turns.
                if version.is_some() {
                    continue;
                }
                foreign.insert(uri.clone());
            }
            out.extend(publish(&uri, diagnostics, version));
        }
        out.extend(
            previous
                .difference(&foreign)
                .filter_map(|uri| publish(uri, Vec::new(), None)),
        );
        if !foreign.is_empty() {
            self.foreign.insert(group.clone(), foreign);
        }
        self.analyses.insert(group.clone(), analysis);
        for request in self.waiting.remove(&group).unwrap_or_default() {
            out.extend(self.request(request));
        }
        out
    }
}
