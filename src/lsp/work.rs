//! The work that may take long: analysing a folder's open documents and
//! formatting one. Work on more than [`LARGE_BYTES`] of text is handed to
//! a thread of its own as a [`Job`], so that the loop goes on answering
//! other requests; its [`Done`] comes back to the loop as a message does.
//! Everything a job needs is copied or shared into it (the texts are
//! shared, never copied), so it reads nothing the loop may change.

use std::collections::BTreeMap;
use std::sync::Arc;

use lsp_server::RequestId;

use super::analysis::{Analysis, Input, Kept};
use super::uri::Address;
use super::Group;

/// The most text a folder's analysis or a document's formatting may have
/// to be done in the loop itself: a quarter of a mebibyte, which takes
/// tens of milliseconds; every council shipped is a tenth of it or less.
pub(super) const LARGE_BYTES: usize = 256 * 1024;

/// An open document as a job takes it.
#[derive(Clone)]
pub(super) struct Member {
    pub(super) uri: String,
    pub(super) address: Address,
    pub(super) text: Arc<str>,
    pub(super) version: i32,
}

/// Work handed to a thread.
pub(super) enum Job {
    /// A folder's open documents analysed, with what was kept of each.
    Analyse {
        group: Group,
        members: Vec<Member>,
        kept: BTreeMap<String, Kept>,
    },
    /// A document formatted, for a request.
    Format { id: RequestId, text: Arc<str> },
}

/// What a job gives back.
pub(super) enum Done {
    /// The analysis of the members' texts at their versions, and what was
    /// kept of each document for the next.
    Analysed {
        group: Group,
        versions: Vec<(String, i32)>,
        analysis: Box<Analysis>,
        kept: BTreeMap<String, Kept>,
    },
    /// The edits that format the text (`None`: it does not parse).
    Formatted {
        id: RequestId,
        edits: Option<Vec<lsp_types::TextEdit>>,
    },
    /// The job failed (a bug in dcsc): the loop must not wait for it.
    AnalysisFailed(Group),
    /// The same, for formatting.
    FormattingFailed(RequestId),
}

impl Job {
    /// Whether the work is large enough to be done off the loop.
    pub(super) fn is_large(&self) -> bool {
        match self {
            Job::Analyse { members, .. } => members.iter().map(|member| member.text.len()).sum::<usize>() > LARGE_BYTES,
            Job::Format { text, .. } => text.len() > LARGE_BYTES,
        }
    }

    /// Does the work; a bug in it costs this job, never the session.
    pub(super) fn run(self) -> Done {
        match self {
            Job::Analyse {
                group,
                members,
                mut kept,
            } => {
                let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(&members, &mut kept)));
                match made {
                    Ok(analysis) => Done::Analysed {
                        group,
                        versions: members
                            .iter()
                            .map(|member| (member.uri.clone(), member.version))
                            .collect(),
                        analysis: Box::new(analysis),
                        kept,
                    },
                    Err(_) => Done::AnalysisFailed(group),
                }
            }
            Job::Format { id, text } => {
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| super::formatting(&text))) {
                    Ok(edits) => Done::Formatted { id, edits },
                    Err(_) => Done::FormattingFailed(id),
                }
            }
        }
    }
}

/// The analysis of a folder's open documents.
fn analyse(members: &[Member], kept: &mut BTreeMap<String, Kept>) -> Analysis {
    let inputs: Vec<Input<'_>> = members
        .iter()
        .map(|member| Input {
            uri: &member.uri,
            address: &member.address,
            text: &member.text,
        })
        .collect();
    Analysis::new(&inputs, kept)
}
