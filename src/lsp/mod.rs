//! `dcsc lsp`: a language server for `.dcs` files, over standard input and
//! output.
//!
//! It runs the same stages as the command line. On every change of an open
//! document it builds a [`Workspace`](crate::Workspace) from the documents
//! the command line would read together (the open documents of the same
//! folder, with the embedded guidance), checks it, and publishes the
//! diagnostics with their codes and labels. Hovers quote the guidance
//! through [`crate::render::explain`]; definitions, completion and document
//! symbols read the syntax trees (see [`index`], [`completion`]).
//!
//! One loop answers the messages in the order they come. A thread reads
//! them (and stops after `exit`), so that the loop can also take the
//! results of work it handed off. Checking a council's files with the
//! guidance takes milliseconds, and is done in the loop, in order,
//! deterministically. A folder whose open documents, or a document to
//! format, hold more than [`work::LARGE_BYTES`] of text (a generated or
//! broken file of megabytes, which took seconds) is worked on in a thread
//! of its own instead, and the loop goes on answering everything else:
//!
//! - a request about a folder being analysed (a hover, a completion…)
//!   waits for that analysis, and is answered from it: a request about a
//!   document's version N is answered from version N or a later one,
//!   never from an older analysis or a mix of two;
//! - an analysis finished after its documents changed again is dropped,
//!   and the latest texts analysed (edits in between are not analysed one
//!   by one); one analysis of a folder runs at a time;
//! - formatting a version that changes before it is done is answered
//!   with the protocol's `ContentModified` error at the change; a request
//!   waiting or in work that the editor cancels (`$/cancelRequest`), with
//!   `RequestCancelled`.
//!
//! The messages are `lsp-server`'s (rust-analyzer's) and the protocol's
//! types `lsp-types'`; the framing is read in [`framing`], bounded. Every
//! request is answered, if need be with an error: an unknown method, bad
//! parameters, or a request before `initialize` or after `shutdown`.

mod analysis;
mod completion;
mod fields;
mod framing;
mod index;
mod outgoing;
mod refresh;
mod text;
pub mod uri;
mod work;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::{mpsc, Arc};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notifications, Notification as _};
use lsp_types::request::{self as requests, Request as _};
use lsp_types::{
    CompletionOptions, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DocumentSymbolParams, DocumentSymbolResponse, ExecuteCommandOptions, ExecuteCommandParams, GotoDefinitionParams,
    GotoDefinitionResponse, HoverParams, HoverProviderCapability, InitializeResult, LogMessageParams, MessageType,
    OneOf, PublishDiagnosticsParams, ServerCapabilities, ServerInfo, TextDocumentPositionParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, Uri,
};
use serde::{Deserialize, Serialize};

use analysis::Analysis;
use framing::{read_message, Incoming};
use outgoing::{Answer, Outgoing};
use uri::Address;
use work::{Done, Job};

/// The custom request that returns the text of an embedded guidance file:
/// params `{ "uri": "dcsc-embedded:///policies/dfe_2013.dcs" }`, result
/// `{ "uri": …, "text": … }`.
pub const EMBEDDED_SOURCE_REQUEST: &str = "dcsc/embeddedSource";

/// The same, as a command for `workspace/executeCommand`, with the URI as
/// its one argument.
pub const EMBEDDED_SOURCE_COMMAND: &str = "dcsc.embeddedSource";

/// How a session ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`, as the protocol asks: exit status 0.
    Exited,
    /// `exit` without `shutdown`: exit status 1, as the protocol asks.
    ExitedWithoutShutdown,
    /// The input closed without `exit`.
    InputClosed,
    /// The output could not be written (the editor went away).
    OutputFailed(String),
}

/// Parameters and result of [`EMBEDDED_SOURCE_REQUEST`].
#[derive(Debug, Deserialize, Serialize)]
pub struct EmbeddedSource {
    /// The document's URI.
    pub uri: String,
    /// Its text (only in the result).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The server driven one message at a time in the caller's thread, with
/// no framing: what the benchmarks measure (`benches/pipeline.rs`, an
/// edit's cost from `didChange` to the diagnostics it publishes).
pub struct Session {
    server: Server,
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}

impl Session {
    /// A session past `initialize`.
    pub fn new() -> Session {
        Session {
            server: Server {
                initialized: true,
                ..Server::default()
            },
        }
    }

    /// What the server sends back for a message, any work it starts done
    /// before this returns.
    pub fn handle(&mut self, message: Message) -> Vec<Message> {
        let mut out = self.server.handle(message);
        while !self.server.jobs.is_empty() {
            let jobs: Vec<Job> = self.server.jobs.drain(..).collect();
            for job in jobs {
                out.extend(self.server.finished(job.run()));
            }
        }
        out.into_iter().map(Outgoing::into_message).collect()
    }
}

/// What the loop takes next.
enum Event {
    Incoming(Incoming),
    Done(Done),
}

/// Reads messages until the input ends or after `exit`, so that the
/// session can end while the editor keeps its end open.
fn read_all(mut input: impl BufRead, events: &mpsc::Sender<Event>) {
    loop {
        let incoming = read_message(&mut input);
        let last = match &incoming {
            Incoming::End => true,
            Incoming::Message(Message::Notification(notification)) => {
                notification.method == notifications::Exit::METHOD
            }
            Incoming::Message(_) | Incoming::Malformed(_) => false,
        };
        if events.send(Event::Incoming(incoming)).is_err() || last {
            return;
        }
    }
}

/// Starts a job on a thread of its own, whose result comes back as an
/// event; done at once, and its result returned, if no thread can be
/// started.
fn start(job: Job, events: &mpsc::Sender<Event>) -> Option<Done> {
    let slot = Arc::new(std::sync::Mutex::new(Some(job)));
    let theirs = Arc::clone(&slot);
    let sender = events.clone();
    let started = std::thread::Builder::new()
        .name("dcsc-lsp-work".to_owned())
        .spawn(move || {
            let job = theirs.lock().ok().and_then(|mut job| job.take());
            if let Some(job) = job {
                let _ = sender.send(Event::Done(job.run()));
            }
        });
    if started.is_ok() {
        return None;
    }
    let job = slot.lock().ok().and_then(|mut job| job.take());
    job.map(Job::run)
}

/// Serves one session: reads messages from `input` and writes answers and
/// notifications to `output` until `exit` or the end of the input.
pub fn serve(input: impl BufRead + Send, mut output: impl Write) -> Ending {
    let (events, incoming) = mpsc::channel::<Event>();
    std::thread::scope(|scope| {
        let reader = events.clone();
        scope.spawn(move || read_all(input, &reader));
        let mut server = Server::default();
        loop {
            let Ok(event) = incoming.recv() else {
                return Ending::InputClosed;
            };
            let mut outgoing = match event {
                Event::Incoming(Incoming::End) => return Ending::InputClosed,
                Event::Incoming(Incoming::Malformed(problem)) => vec![log(MessageType::WARNING, &problem)],
                Event::Incoming(Incoming::Message(message)) => server.handle(message),
                Event::Done(done) => server.finished(done),
            };
            while !server.jobs.is_empty() {
                let jobs: Vec<Job> = server.jobs.drain(..).collect();
                for job in jobs {
                    if let Some(done) = start(job, &events) {
                        outgoing.extend(server.finished(done));
                    }
                }
            }
            if let Err(error) = write_all(&mut output, &outgoing) {
                return Ending::OutputFailed(error.to_string());
            }
            if let Some(ending) = &server.ending {
                return ending.clone();
            }
        }
    })
}

fn write_all(output: &mut impl Write, messages: &[Outgoing]) -> std::io::Result<()> {
    for message in messages {
        message.write(output)?;
    }
    output.flush()
}

fn log(kind: MessageType, message: &str) -> Outgoing {
    Outgoing::Message(
        Notification::new(
            notifications::LogMessage::METHOD.to_owned(),
            LogMessageParams {
                typ: kind,
                message: format!("dcsc: {message}"),
            },
        )
        .into(),
    )
}

/// A document the editor has open.
struct Document {
    address: Address,
    /// Shared with the jobs that read it.
    text: Arc<str>,
    version: i32,
}

/// Which documents are checked together: the open documents of one
/// folder, as `dcsc check FOLDER/*.dcs` would read them; anything else
/// (an unsaved buffer, the embedded guidance) alone.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Folder(PathBuf),
    Alone(String),
}

fn group_of(uri: &str, address: &Address) -> Group {
    match address {
        Address::File(path) => Group::Folder(path.parent().map(PathBuf::from).unwrap_or_default()),
        Address::Embedded(_) | Address::Other(_) => Group::Alone(uri.to_owned()),
    }
}

/// The server's state between messages.
#[derive(Default)]
struct Server {
    initialized: bool,
    shut_down: bool,
    ending: Option<Ending>,
    documents: BTreeMap<String, Document>,
    analyses: BTreeMap<Group, Analysis>,
    /// Files not open that a group's diagnostics were published to (a
    /// shared file read from disk), to clear them when fixed.
    foreign: BTreeMap<Group, BTreeSet<String>>,
    /// What is kept of each open document while its text is unchanged
    /// (its syntax tree): forgotten when it changes, so that an edit
    /// re-parses only the document edited.
    kept: BTreeMap<String, analysis::Kept>,
    /// Work to start, taken by the loop.
    jobs: Vec<Job>,
    /// The folders being analysed by a job, and whether their documents
    /// changed since it started.
    running: BTreeMap<Group, bool>,
    /// Requests waiting for a folder's analysis, in the order they came.
    waiting: BTreeMap<Group, Vec<Request>>,
    /// Formatting requests in work: the document and its version.
    formatting: Vec<(RequestId, String, i32)>,
}

impl Server {
    fn handle(&mut self, message: Message) -> Vec<Outgoing> {
        match message {
            Message::Request(request) => {
                let id = request.id.clone();
                // A bug must cost one answer, never the session.
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.request(request))) {
                    Ok(messages) => messages,
                    Err(_) => vec![error(
                        id,
                        ErrorCode::InternalError,
                        "dcsc could not answer this request: this is a bug in dcsc",
                    )],
                }
            }
            Message::Notification(notification) => {
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.notification(notification))) {
                    Ok(messages) => messages,
                    Err(_) => vec![log(
                        MessageType::ERROR,
                        "a notification could not be handled: this is a bug in dcsc",
                    )],
                }
            }
            // The server sends no requests, so expects no responses.
            Message::Response(_) => Vec::new(),
        }
    }

    /// A request, answered at once: before `initialize` and after
    /// `shutdown`, with an error.
    fn request(&mut self, request: Request) -> Vec<Outgoing> {
        let Request { id, method, params } = request;
        if method == requests::Initialize::METHOD {
            if self.initialized {
                return vec![error(
                    id,
                    ErrorCode::InvalidRequest,
                    "the server is already initialised",
                )];
            }
            self.initialized = true;
            return vec![ok(id, initialize_result())];
        }
        if !self.initialized {
            return vec![error(
                id,
                ErrorCode::ServerNotInitialized,
                "the server is not initialised yet",
            )];
        }
        if self.shut_down {
            return vec![error(id, ErrorCode::InvalidRequest, "the server is shutting down")];
        }
        let mut out = Vec::new();
        if let Some(group) = self.needs_analysis(&method, &params) {
            if !self.analyses.contains_key(&group) && !self.running.contains_key(&group) {
                out.extend(self.republish(group.clone()));
            }
            if self.running.contains_key(&group) {
                self.waiting
                    .entry(group)
                    .or_default()
                    .push(Request { id, method, params });
                return out;
            }
        }
        if method == requests::Formatting::METHOD {
            if let Some(document) = document_uri(&params).and_then(|uri| self.documents.get_key_value(uri)) {
                let job = Job::Format {
                    id: id.clone(),
                    text: Arc::clone(&document.1.text),
                };
                if job.is_large() {
                    self.formatting.push((id, document.0.clone(), document.1.version));
                    self.jobs.push(job);
                    return out;
                }
            }
        }
        out.push(match self.answer(&method, params) {
            Ok(value) => ok(id, value),
            Err((code, message)) => error(id, code, &message),
        });
        out
    }

    /// The folder whose analysis a request reads, if it reads one.
    fn needs_analysis(&self, method: &str, params: &serde_json::Value) -> Option<Group> {
        let reads = [
            requests::HoverRequest::METHOD,
            requests::GotoDefinition::METHOD,
            requests::Completion::METHOD,
            requests::DocumentSymbolRequest::METHOD,
            requests::CodeActionRequest::METHOD,
        ];
        if !reads.contains(&method) {
            return None;
        }
        let uri = document_uri(params)?;
        let document = self.documents.get(uri)?;
        Some(group_of(uri, &document.address))
    }

    /// The result of a request once the server is running, or the error
    /// it is answered with.
    fn answer(&mut self, method: &str, params: serde_json::Value) -> Result<Answer, (ErrorCode, String)> {
        match method {
            requests::Shutdown::METHOD => {
                self.shut_down = true;
                Ok(to_json(()))
            }
            requests::HoverRequest::METHOD => parse::<HoverParams>(params).map(|params| {
                let at = params.text_document_position_params;
                to_json(self.at(&at, |analysis, file| analysis.hover(file, at.position)))
            }),
            requests::GotoDefinition::METHOD => parse::<GotoDefinitionParams>(params).map(|params| {
                let at = params.text_document_position_params;
                let locations = self.at(&at, |analysis, file| Some(analysis.definition(file, at.position)));
                to_json(locations.map(GotoDefinitionResponse::Array))
            }),
            requests::Completion::METHOD => parse::<lsp_types::CompletionParams>(params).map(|params| {
                let at = params.text_document_position;
                to_json(self.at(&at, |analysis, file| {
                    Some(lsp_types::CompletionResponse::Array(completion::complete(
                        analysis,
                        file,
                        at.position,
                    )))
                }))
            }),
            requests::DocumentSymbolRequest::METHOD => parse::<DocumentSymbolParams>(params).map(|params| {
                let uri = params.text_document.uri.as_str().to_owned();
                let symbols = self
                    .analysis(&uri)
                    .and_then(|analysis| analysis.file(&uri).map(|file| analysis.symbols(file)));
                to_json(symbols.map(DocumentSymbolResponse::Nested))
            }),
            requests::CodeActionRequest::METHOD => parse::<lsp_types::CodeActionParams>(params).map(|params| {
                let uri = params.text_document.uri.as_str().to_owned();
                // Quick fixes are the only kind offered.
                let wanted = params.context.only.as_ref().is_none_or(|only| {
                    only.iter()
                        .any(|kind| lsp_types::CodeActionKind::QUICKFIX.as_str().starts_with(kind.as_str()))
                });
                let actions = wanted
                    .then(|| {
                        self.analysis(&uri)
                            .and_then(|analysis| analysis.file(&uri).map(|file| analysis.fixes(file, params.range)))
                    })
                    .flatten()
                    .unwrap_or_default();
                let response: lsp_types::CodeActionResponse = actions
                    .into_iter()
                    .map(lsp_types::CodeActionOrCommand::CodeAction)
                    .collect();
                to_json(response)
            }),
            requests::Formatting::METHOD => parse::<lsp_types::DocumentFormattingParams>(params).map(|params| {
                let uri = params.text_document.uri.as_str().to_owned();
                to_json(self.documents.get(&uri).and_then(|document| formatting(&document.text)))
            }),
            requests::ExecuteCommand::METHOD => parse::<ExecuteCommandParams>(params).and_then(execute_command),
            EMBEDDED_SOURCE_REQUEST => parse::<EmbeddedSource>(params).and_then(|params| embedded_source(params.uri)),
            other => Err((ErrorCode::MethodNotFound, format!("dcsc does not answer `{other}`"))),
        }
    }

    fn notification(&mut self, notification: Notification) -> Vec<Outgoing> {
        let Notification { method, params } = notification;
        if method == notifications::Exit::METHOD {
            self.ending = Some(if self.shut_down {
                Ending::Exited
            } else {
                Ending::ExitedWithoutShutdown
            });
            return Vec::new();
        }
        if !self.initialized {
            return Vec::new();
        }
        match method.as_str() {
            notifications::DidOpenTextDocument::METHOD => {
                match serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    Ok(params) => {
                        let uri = params.text_document.uri.as_str().to_owned();
                        let address = Address::parse(&uri);
                        self.kept.remove(&uri);
                        self.documents.insert(
                            uri.clone(),
                            Document {
                                address,
                                text: params.text_document.text.into(),
                                version: params.text_document.version,
                            },
                        );
                        self.changed(&uri)
                    }
                    Err(problem) => vec![log(MessageType::WARNING, &format!("didOpen not understood: {problem}"))],
                }
            }
            notifications::DidChangeTextDocument::METHOD => {
                match serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    Ok(params) => {
                        let uri = params.text_document.uri.as_str().to_owned();
                        let Some(document) = self.documents.get_mut(&uri) else {
                            return Vec::new();
                        };
                        // Full synchronisation: the last change is the
                        // whole text.
                        if let Some(change) = params.content_changes.into_iter().last() {
                            document.text = change.text.into();
                            self.kept.remove(&uri);
                        }
                        document.version = params.text_document.version;
                        let mut out = self.outdated(&uri);
                        out.extend(self.changed(&uri));
                        out
                    }
                    Err(problem) => vec![log(
                        MessageType::WARNING,
                        &format!("didChange not understood: {problem}"),
                    )],
                }
            }
            notifications::DidCloseTextDocument::METHOD => {
                match serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    Ok(params) => {
                        let uri = params.text_document.uri.as_str().to_owned();
                        let Some(document) = self.documents.remove(&uri) else {
                            return Vec::new();
                        };
                        self.kept.remove(&uri);
                        let mut out = self.outdated(&uri);
                        out.extend(publish(&uri, Vec::new(), None));
                        out.extend(self.republish(group_of(&uri, &document.address)));
                        out
                    }
                    Err(problem) => vec![log(
                        MessageType::WARNING,
                        &format!("didClose not understood: {problem}"),
                    )],
                }
            }
            notifications::Cancel::METHOD => self.cancel(params),
            // `initialized`, `didSave`, settings and anything new: nothing
            // to do.
            _ => Vec::new(),
        }
    }

    /// A document was opened or changed: its group is checked again.
    fn changed(&mut self, uri: &str) -> Vec<Outgoing> {
        let Some(document) = self.documents.get(uri) else {
            return Vec::new();
        };
        let group = group_of(uri, &document.address);
        self.republish(group)
    }

    /// The analysis of a group, if it has been made (see
    /// [`Server::request`], which waits for it).
    fn group_analysis(&self, group: &Group) -> Option<&Analysis> {
        self.analyses.get(group)
    }

    /// The analysis that holds an open document.
    fn analysis(&mut self, uri: &str) -> Option<&Analysis> {
        let group = group_of(uri, &self.documents.get(uri)?.address);
        self.group_analysis(&group)
    }

    /// Answers a question about a position of an open document.
    fn at<T>(
        &mut self,
        at: &TextDocumentPositionParams,
        answer: impl FnOnce(&Analysis, crate::source::FileId) -> Option<T>,
    ) -> Option<T> {
        let uri = at.text_document.uri.as_str().to_owned();
        let analysis = self.analysis(&uri)?;
        let file = analysis.file(&uri)?;
        answer(analysis, file)
    }
}

/// The URI of the document a request's parameters name.
fn document_uri(params: &serde_json::Value) -> Option<&str> {
    params.get("textDocument")?.get("uri")?.as_str()
}

/// Whether a text's first item is a `shared` header.
fn declares_shared(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(comment) = rest.strip_prefix("//") {
            rest = comment.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(comment) = rest.strip_prefix("/*") {
            rest = comment.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    rest.strip_prefix("shared")
        .is_some_and(|after| after.starts_with(|c: char| c.is_whitespace()))
}

/// `workspace/executeCommand`: the one command dcsc has, the embedded
/// source, with the URI as its argument.
fn execute_command(params: ExecuteCommandParams) -> Result<Answer, (ErrorCode, String)> {
    if params.command != EMBEDDED_SOURCE_COMMAND {
        return Err((
            ErrorCode::InvalidParams,
            format!("dcsc has no command `{}`", params.command),
        ));
    }
    let uri = params
        .arguments
        .first()
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned();
    embedded_source(uri)
}

fn embedded_source(uri: String) -> Result<Answer, (ErrorCode, String)> {
    match uri::embedded_text(&uri) {
        Some(text) => Ok(to_json(EmbeddedSource {
            uri,
            text: Some(text.to_owned()),
        })),
        None => Err((
            ErrorCode::InvalidParams,
            format!("`{uri}` is not a guidance file embedded in dcsc"),
        )),
    }
}

/// `dcsc fmt` for an open document: one edit replacing the whole text, no
/// edit when it is already laid out, and `None` (the editor changes
/// nothing) when it does not parse.
fn formatting(text: &str) -> Option<Vec<lsp_types::TextEdit>> {
    let source = crate::source::SourceFile::new(crate::source::Origin::Path(String::new()), text);
    let formatted = crate::syntax::format::format(crate::source::FileId(0), &source).ok()?;
    if formatted == text {
        return Some(Vec::new());
    }
    // The end of the text as the editor holds it: its last line, counted
    // in UTF-16 units, the protocol's positions.
    let lines = text.matches('\n').count();
    let last = text.rsplit('\n').next().unwrap_or("");
    let end = lsp_types::Position {
        line: u32::try_from(lines).unwrap_or(u32::MAX),
        character: u32::try_from(last.encode_utf16().count()).unwrap_or(u32::MAX),
    };
    Some(vec![lsp_types::TextEdit {
        range: lsp_types::Range {
            start: lsp_types::Position { line: 0, character: 0 },
            end,
        },
        new_text: formatted,
    }])
}

fn initialize_result() -> Answer {
    to_json(InitializeResult {
        capabilities: ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                will_save: None,
                will_save_wait_until: None,
                save: None,
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            definition_provider: Some(OneOf::Left(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![" ".to_owned(), ",".to_owned()]),
                ..CompletionOptions::default()
            }),
            document_symbol_provider: Some(OneOf::Left(true)),
            execute_command_provider: Some(ExecuteCommandOptions {
                commands: vec![EMBEDDED_SOURCE_COMMAND.to_owned()],
                ..ExecuteCommandOptions::default()
            }),
            document_formatting_provider: Some(OneOf::Left(true)),
            code_action_provider: Some(lsp_types::CodeActionProviderCapability::Options(
                lsp_types::CodeActionOptions {
                    code_action_kinds: Some(vec![lsp_types::CodeActionKind::QUICKFIX]),
                    ..lsp_types::CodeActionOptions::default()
                },
            )),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "dcsc".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    })
}

fn parse<P: serde::de::DeserializeOwned>(params: serde_json::Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params)
        .map_err(|problem| (ErrorCode::InvalidParams, format!("invalid parameters: {problem}")))
}

fn to_json(value: impl Serialize) -> Answer {
    // The protocol's types always serialise; `null` stands for one that
    // would not, as a `Value` did.
    serde_json::value::to_raw_value(&value).unwrap_or_default()
}

fn ok(id: RequestId, result: Answer) -> Outgoing {
    Outgoing::Answer { id, result }
}

fn error(id: RequestId, code: ErrorCode, message: &str) -> Outgoing {
    Outgoing::Message(Response::new_err(id, code as i32, message.to_owned()).into())
}

/// The notification that sets a document's diagnostics; `None` for a URI
/// that does not parse (no editor could have sent it).
fn publish(uri: &str, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) -> Option<Outgoing> {
    let uri = uri.parse::<Uri>().ok()?;
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    Some(Outgoing::Message(
        Notification::new(notifications::PublishDiagnostics::METHOD.to_owned(), params).into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_header_is_found_after_comments() {
        assert!(declares_shared("// joint posts\n/* two\nlines */\nshared north { }"));
        assert!(declares_shared("\u{feff}shared north { }"));
        assert!(!declares_shared("arrangements north { shares \"x.dcs\" }"));
        assert!(!declares_shared("shared_thing x { }"));
        assert!(!declares_shared("// unclosed /*"));
    }
}
