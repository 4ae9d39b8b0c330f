//! One analysis of the documents checked together: the workspace the
//! command line would build from them, checked, with each file's address
//! and text map. Diagnostics, hovers, definitions and symbols are read off
//! it; nothing here keeps state between requests.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use lsp_types::{
    CodeAction, CodeActionKind, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, Hover, HoverContents,
    Location, MarkupContent, MarkupKind, NumberOrString, Position, Range, SymbolKind, TextEdit, Uri, WorkspaceEdit,
};

use super::index::{self, Declaration, Namespace, Occurrence, Vocabulary};
use super::text::TextMap;
use super::uri::{embedded_uri, file_uri, Address};
use crate::diagnostics::{Diagnostic, Label, Severity};
use crate::load::EMBEDDED_POLICIES;
use crate::model::Policy;
use crate::render::explain;
use crate::source::{FileId, Origin, SourceFile, Span};
use crate::syntax::ast::{self, Entry, Item, ItemKind, ValueKind};
use crate::syntax::SyntaxError;
use crate::workspace::parse_source;
use crate::Workspace;

/// A document handed to an analysis: its URI as the editor wrote it, what
/// it names, and the text the editor holds.
pub struct Input<'a> {
    /// The URI, as the editor wrote it (it is given back unchanged).
    pub uri: &'a str,
    /// What the URI names.
    pub address: &'a Address,
    /// The editor's text, shared with the text map made of it.
    pub text: &'a Arc<str>,
}

/// What is kept of an open document between analyses while its text is
/// unchanged (the server forgets it when the document changes): its syntax
/// tree, with the file id it was parsed under (the spans carry it), and
/// its text map. So an edit re-parses only the document edited. The tree
/// is shared with the analysis's workspace, not copied: a large document
/// is held once.
#[derive(Default)]
pub struct Kept {
    parse: Option<(FileId, Arc<ast::File>, Vec<SyntaxError>)>,
    map: Option<Arc<TextMap>>,
}

/// A file of an analysis: its URI and how to find positions in it.
struct FileInfo {
    uri: String,
    map: Arc<TextMap>,
    /// Whether the editor has it open (rather than it being read from disk
    /// because an arrangement shares it, or being embedded guidance).
    open: bool,
}

/// The documents checked together, checked.
pub struct Analysis {
    workspace: Workspace,
    policy: Option<Policy>,
    files: BTreeMap<FileId, FileInfo>,
    /// The open documents, in the order given.
    inputs: Vec<FileId>,
}

/// The open documents read into a fresh workspace, then the files
/// `beside` them from disk: the workspace, what each file is, and the open
/// documents' files in order.
fn read(
    inputs: &[Input<'_>],
    beside: &[PathBuf],
    kept: &mut BTreeMap<String, Kept>,
) -> (Workspace, BTreeMap<FileId, FileInfo>, Vec<FileId>) {
    let mut workspace = Workspace::new();
    let mut files = BTreeMap::new();
    let mut opened = Vec::new();
    for input in inputs {
        let memory = kept.entry(input.uri.to_owned()).or_default();
        let mut parse = |id: FileId, source: &SourceFile| match &memory.parse {
            Some((file, tree, errors)) if *file == id => (Arc::clone(tree), errors.clone()),
            _ => {
                let (tree, errors) = parse_source(id, source);
                memory.parse = Some((id, Arc::clone(&tree), errors.clone()));
                (tree, errors)
            }
        };
        let file = match input.address {
            Address::File(path) => Some(workspace.add_source_with(path, input.text, &mut parse)),
            Address::Other(name) => Some(workspace.add_text_with(name, input.text, &mut parse)),
            Address::Embedded(name) => workspace
                .sources
                .iter()
                .find(|(_, source)| source.origin == Origin::Embedded((*name).to_owned()))
                .map(|(file, _)| file),
        };
        if let Some(file) = file {
            // Two URIs for one file (through a link) are read once.
            if let std::collections::btree_map::Entry::Vacant(entry) = files.entry(file) {
                let map = memory
                    .map
                    .get_or_insert_with(|| Arc::new(TextMap::new(Arc::clone(input.text))))
                    .clone();
                entry.insert(FileInfo {
                    uri: input.uri.to_owned(),
                    map,
                    open: true,
                });
                opened.push(file);
            }
        }
    }
    for path in beside {
        workspace.add_path(path);
    }
    (workspace, files, opened)
}

/// The text map of an embedded guidance file, made once per process: the
/// text is compiled in and never changes.
fn embedded_map(name: &str, normalised: &str) -> Arc<TextMap> {
    static MAPS: OnceLock<Vec<(&'static str, Arc<TextMap>)>> = OnceLock::new();
    let maps = MAPS.get_or_init(|| {
        EMBEDDED_POLICIES
            .iter()
            .map(|(embedded, text)| (*embedded, Arc::new(TextMap::new((*text).into()))))
            .collect()
    });
    maps.iter()
        .find(|(embedded, _)| *embedded == name)
        .map_or_else(|| Arc::new(TextMap::new(normalised.into())), |(_, map)| map.clone())
}

/// The embedded guidance, checked once per process: what a hover says of
/// the guidance when the documents at hand form no policy (a guidance file
/// of the user's that does not check).
fn baseline() -> Option<&'static Policy> {
    static BASELINE: OnceLock<Option<Policy>> = OnceLock::new();
    BASELINE.get_or_init(|| Workspace::new().check().policy).as_ref()
}

impl Analysis {
    /// Reads and checks the documents as the command line would read the
    /// same files named together, with the embedded guidance; and, if an
    /// arrangement answers to a local policy that is not open but lies
    /// beside it, with that file read from disk, as the command line
    /// reads a council's folder (where it tells the user to add it).
    ///
    /// `kept` holds what was kept of each document (by URI) from the last
    /// analysis, used where still valid and updated.
    pub fn new(inputs: &[Input<'_>], kept: &mut BTreeMap<String, Kept>) -> Analysis {
        let (mut workspace, mut files, mut opened) = read(inputs, &[], kept);
        let mut checked = workspace.check();
        let beside = workspace.files_beside().to_vec();
        if !beside.is_empty() {
            (workspace, files, opened) = read(inputs, &beside, kept);
            checked = workspace.check();
        }
        for (file, source) in workspace.sources.iter() {
            if files.contains_key(&file) {
                continue;
            }
            let (uri, map) = match &source.origin {
                Origin::Embedded(name) => (embedded_uri(name), embedded_map(name, &source.text)),
                // Read from disk because an arrangement shares it: the
                // normalised text has the same lines and columns, less a
                // byte order mark no editor shows.
                Origin::Path(name) => (
                    file_uri(Path::new(name)),
                    Arc::new(TextMap::new(source.text.as_str().into())),
                ),
            };
            files.insert(file, FileInfo { uri, map, open: false });
        }
        Analysis {
            policy: checked.policy.or_else(|| baseline().cloned()),
            workspace,
            files,
            inputs: opened,
        }
    }

    /// The policy the documents form (else the embedded guidance).
    pub fn policy(&self) -> Option<&Policy> {
        self.policy.as_ref()
    }

    /// The file an open document's URI stands for.
    pub fn file(&self, uri: &str) -> Option<FileId> {
        self.inputs
            .iter()
            .copied()
            .find(|file| self.files.get(file).is_some_and(|info| info.uri == uri))
    }

    /// The normalised text of a file, as parsed.
    pub fn text(&self, file: FileId) -> &str {
        self.workspace
            .sources
            .get(file)
            .map_or("", |source| source.text.as_str())
    }

    /// The normalised offset of an LSP position in a file.
    pub fn offset(&self, file: FileId, position: Position) -> usize {
        self.files.get(&file).map_or(0, |info| info.map.offset(position))
    }

    /// The LSP range of a span.
    pub fn range(&self, span: Span) -> Range {
        self.files
            .get(&span.file)
            .map_or_else(Range::default, |info| info.map.range(span))
    }

    /// The location of a span, if its file has a URI an editor can read.
    pub fn location(&self, span: Span) -> Option<Location> {
        let info = self.files.get(&span.file)?;
        Some(Location {
            uri: info.uri.parse::<Uri>().ok()?,
            range: info.map.range(span),
        })
    }

    /// The syntax tree of a file.
    pub fn tree(&self, file: FileId) -> Option<&ast::File> {
        self.workspace
            .parsed()
            .find(|(parsed, _)| *parsed == file)
            .map(|(_, tree)| tree)
    }

    /// The files a file's arrangements share.
    pub fn shares_of(&self, file: FileId) -> Vec<FileId> {
        self.workspace.shares_of(file)
    }

    /// Every declaration of every file read.
    pub fn declarations(&self) -> Vec<Declaration<'_>> {
        index::declarations(&self.workspace)
    }

    /// The name at a position of an open document.
    fn occurrence(&self, file: FileId, position: Position) -> Option<Occurrence> {
        let tree = self.tree(file)?;
        let declarations = self.declarations();
        let occurrences = index::occurrences(tree, &Vocabulary::new(&declarations));
        index::at(&occurrences, self.offset(file, position)).cloned()
    }

    /// What a name refers to: for a council's own names, the declaration
    /// in the same file, else in the files it shares, else in the other
    /// files read with it; for the guidance's, every declaration of the
    /// key (an amendment's new version beside the first).
    pub fn resolve<'a>(
        &self,
        declarations: &[Declaration<'a>],
        file: FileId,
        occurrence: &Occurrence,
    ) -> Vec<Declaration<'a>> {
        let candidates: Vec<Declaration<'a>> = declarations
            .iter()
            .filter(|declaration| {
                declaration.namespace == occurrence.namespace && declaration.item.name.text == occurrence.name
            })
            .copied()
            .collect();
        if !occurrence.namespace.is_local() {
            // The guidance the documents are checked against, rather than
            // an edition it replaced (the 2012 edition's roles beside the
            // 2013 edition's).
            let in_force: Vec<FileId> = self
                .policy
                .iter()
                .flat_map(|policy| policy.editions.iter().map(|edition| edition.file))
                .collect();
            let chosen: Vec<Declaration<'a>> = candidates
                .iter()
                .filter(|found| in_force.contains(&found.file))
                .copied()
                .collect();
            return if chosen.is_empty() { candidates } else { chosen };
        }
        let same: Vec<Declaration<'a>> = candidates.iter().filter(|found| found.file == file).copied().collect();
        if !same.is_empty() {
            return same;
        }
        let shared_files = self.workspace.shares_of(file);
        let shared: Vec<Declaration<'a>> = candidates
            .iter()
            .filter(|found| shared_files.contains(&found.file))
            .copied()
            .collect();
        if !shared.is_empty() {
            return shared;
        }
        candidates
    }

    /// Every diagnostic, by the URI of the file it points into. Every open
    /// document has an entry, empty when nothing is wrong with it, so that
    /// publishing the map clears what was fixed. A diagnostic that points
    /// nowhere an editor can show (nowhere, or into the embedded guidance)
    /// is given to the first open document, at its start.
    pub fn diagnostics(&self) -> BTreeMap<String, Vec<lsp_types::Diagnostic>> {
        let mut out: BTreeMap<String, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
        for file in &self.inputs {
            if let Some(info) = self.files.get(file) {
                out.entry(info.uri.clone()).or_default();
            }
        }
        let fallback = self.inputs.first().and_then(|file| self.files.get(file));
        for diagnostic in &self.workspace.diagnostics {
            let home = diagnostic.primary.as_ref().and_then(|primary| {
                let info = self.files.get(&primary.span.file)?;
                (!self.workspace.is_embedded(primary.span.file)).then_some((info, info.map.range(primary.span)))
            });
            let Some((info, range)) = home.or_else(|| fallback.map(|info| (info, Range::default()))) else {
                continue;
            };
            out.entry(info.uri.clone())
                .or_default()
                .push(self.convert(diagnostic, range));
        }
        out
    }

    /// The quick fixes for the diagnostics of an open document whose range
    /// meets `range`: each edit a diagnostic suggests (a name it meant, a
    /// missing comma), as the diagnostics layer recorded it, replacing
    /// exactly its span. A name written in quotes (in JSON) is replaced in
    /// quotes.
    pub fn fixes(&self, file: FileId, range: Range) -> Vec<CodeAction> {
        let Some(info) = self.files.get(&file) else {
            return Vec::new();
        };
        let Ok(uri) = info.uri.parse::<Uri>() else {
            return Vec::new();
        };
        let text = self.text(file);
        let mut actions = Vec::new();
        for diagnostic in &self.workspace.diagnostics {
            let Some(primary) = diagnostic.primary.as_ref().filter(|primary| primary.span.file == file) else {
                continue;
            };
            let at = info.map.range(primary.span);
            if at.end < range.start || range.end < at.start {
                continue;
            }
            for fix in diagnostic.fixes.iter().filter(|fix| fix.span.file == file) {
                let written = text.get(fix.span.start as usize..fix.span.end as usize).unwrap_or("");
                let new_text = if written.starts_with('"') && !fix.replacement.starts_with('"') {
                    serde_json::to_string(&fix.replacement).unwrap_or_else(|_| fix.replacement.clone())
                } else {
                    fix.replacement.clone()
                };
                let edit = TextEdit {
                    range: info.map.range(fix.span),
                    new_text,
                };
                actions.push(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![self.convert(diagnostic, at)]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(std::iter::once((uri.clone(), vec![edit])).collect()),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(diagnostic.fixes.len() == 1),
                    ..CodeAction::default()
                });
            }
        }
        actions
    }

    /// A diagnostic in LSP's terms: the code in `code`, notes and help
    /// after the message, the labels as related information.
    fn convert(&self, diagnostic: &Diagnostic, range: Range) -> lsp_types::Diagnostic {
        let mut message = diagnostic.message.clone();
        for line in diagnostic.notes_and_help() {
            message.push('\n');
            message.push_str(&line);
        }
        let related: Vec<DiagnosticRelatedInformation> = diagnostic
            .primary
            .iter()
            .chain(&diagnostic.secondary)
            .filter(|label| !label.message.is_empty())
            .filter_map(|label: &Label| {
                Some(DiagnosticRelatedInformation {
                    location: self.location(label.span)?,
                    message: label.message.clone(),
                })
            })
            .collect();
        lsp_types::Diagnostic {
            range,
            severity: Some(match diagnostic.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
            }),
            code: Some(NumberOrString::String(diagnostic.code.as_str().to_owned())),
            source: Some("dcsc".to_owned()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..lsp_types::Diagnostic::default()
        }
    }

    /// Whether a file's diagnostics go to a document the editor has not
    /// opened (a shared file read from disk).
    pub fn is_open(&self, uri: &str) -> bool {
        self.files.values().any(|info| info.open && info.uri == uri)
    }

    /// The hover at a position: what the name there stands for.
    pub fn hover(&self, file: FileId, position: Position) -> Option<Hover> {
        let occurrence = self.occurrence(file, position)?;
        let text = self.describe(file, &occurrence)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: fenced(&text),
            }),
            range: Some(self.range(occurrence.span)),
        })
    }

    /// The words for a name: the guidance's own for its duties, laws,
    /// paragraphs and vocabulary; for a council's names, what its file
    /// declares.
    fn describe(&self, file: FileId, occurrence: &Occurrence) -> Option<String> {
        let policy = self.policy();
        let from_policy = match occurrence.namespace {
            Namespace::Duty => policy.and_then(|policy| explain::duty(policy, &occurrence.name)),
            Namespace::Law => policy.and_then(|policy| explain::law(policy, &occurrence.name)),
            Namespace::Paragraph => policy.and_then(|policy| explain::paragraph(policy, &occurrence.name, None)),
            Namespace::Vocabulary(kind) => policy.and_then(|policy| explain::term(policy, kind, &occurrence.name)),
            Namespace::Edition
            | Namespace::Document
            | Namespace::Entity
            | Namespace::Event
            | Namespace::Council
            | Namespace::SharedFile => None,
        };
        if from_policy.is_some() {
            return from_policy;
        }
        let declarations = self.declarations();
        let found = self.resolve(&declarations, file, occurrence);
        let declaration = found.first()?;
        Some(explain::declared(policy, &declared(declaration.item)))
    }

    /// Where a name at a position is declared. On a duty's or law's own
    /// key, the paragraphs it cites; on a `shares` path, the shared file.
    pub fn definition(&self, file: FileId, position: Position) -> Vec<Location> {
        let Some(occurrence) = self.occurrence(file, position) else {
            return Vec::new();
        };
        let declarations = self.declarations();
        let cited = |item: &Item| -> Vec<Location> {
            let paragraphs: Vec<Occurrence> = cites(item)
                .into_iter()
                .map(|(name, span)| Occurrence {
                    namespace: Namespace::Paragraph,
                    name,
                    span,
                    declaring: false,
                })
                .collect();
            paragraphs
                .iter()
                .flat_map(|paragraph| self.resolve(&declarations, file, paragraph))
                .filter_map(|declaration| self.location(declaration.item.name.span))
                .collect()
        };
        if occurrence.declaring && matches!(occurrence.namespace, Namespace::Duty | Namespace::Law) {
            if let Some(item) = self
                .tree(file)
                .and_then(|tree| tree.items.iter().find(|item| item.name.span == occurrence.span))
            {
                return cited(item);
            }
        }
        if occurrence.namespace == Namespace::SharedFile {
            return self.shared_file(file, &occurrence.name).into_iter().collect();
        }
        if occurrence.declaring {
            return self.location(occurrence.span).into_iter().collect();
        }
        self.resolve(&declarations, file, &occurrence)
            .into_iter()
            .filter_map(|declaration| self.location(declaration.item.name.span))
            .collect()
    }

    /// The start of the file a `shares` line names, as the workspace read
    /// it.
    fn shared_file(&self, file: FileId, written: &str) -> Option<Location> {
        let referring = self.workspace.sources.get(file)?;
        let folder = Path::new(referring.name()).parent()?;
        let wanted = std::fs::canonicalize(folder.join(written)).ok()?;
        let shared = self.workspace.shares_of(file).into_iter().find(|shared| {
            self.workspace
                .sources
                .get(*shared)
                .and_then(|source| std::fs::canonicalize(source.name()).ok())
                .is_some_and(|path| path == wanted)
        })?;
        self.location(Span::new(shared, 0, 0))
    }

    /// The items of a file, each with its kind, name and title.
    pub fn symbols(&self, file: FileId) -> Vec<DocumentSymbol> {
        let Some(tree) = self.tree(file) else {
            return Vec::new();
        };
        tree.items
            .iter()
            .map(|item| {
                let title = title_of(item);
                #[expect(
                    deprecated,
                    reason = "`deprecated` is deprecated in the protocol, but still a field of the type"
                )]
                DocumentSymbol {
                    name: if item.name.text.is_empty() {
                        item.kind.keyword().to_owned()
                    } else {
                        item.name.text.to_string()
                    },
                    detail: Some(match title {
                        Some(title) => format!("{}: {title}", item.kind.keyword()),
                        None => item.kind.keyword().to_owned(),
                    }),
                    kind: symbol_kind(item.kind),
                    tags: None,
                    // Deprecated in the protocol, but a field of the type.
                    deprecated: None,
                    range: self.range(item.span),
                    selection_range: self.range(item.name.span),
                    children: None,
                }
            })
            .collect()
    }
}

/// The paragraph keys an item's `cites` names.
fn cites(item: &Item) -> Vec<(String, Span)> {
    item.entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Field(field) if field.name.text == "cites" => Some(&field.values),
            Entry::Field(_)
            | Entry::Rule(_)
            | Entry::Condition(_)
            | Entry::Words(_)
            | Entry::Tag(_)
            | Entry::Expect(_)
            | Entry::Edit(_) => None,
        })
        .flatten()
        .filter_map(|value| match &value.kind {
            ValueKind::Key(key) | ValueKind::Str(key) => Some((key.to_string(), value.span)),
            ValueKind::Number(number) => Some((number.to_string(), value.span)),
            ValueKind::Text(_) | ValueKind::Date(_) | ValueKind::Bool(_) | ValueKind::When(_) => None,
        })
        .collect()
}

/// The first string of a field, as written.
fn text_field<'a>(item: &'a Item, name: &str) -> Option<&'a str> {
    item.entries.iter().find_map(|entry| match entry {
        Entry::Field(field) if field.name.text == name => field.values.first().and_then(|value| match &value.kind {
            ValueKind::Text(text) | ValueKind::Str(text) => Some(text.as_str()),
            ValueKind::Key(_) | ValueKind::Date(_) | ValueKind::Number(_) | ValueKind::Bool(_) | ValueKind::When(_) => {
                None
            }
        }),
        Entry::Field(_)
        | Entry::Rule(_)
        | Entry::Condition(_)
        | Entry::Words(_)
        | Entry::Tag(_)
        | Entry::Expect(_)
        | Entry::Edit(_) => None,
    })
}

/// An item's title (an event's `what`, a question's `asks`).
pub(super) fn title_of(item: &Item) -> Option<&str> {
    text_field(item, "title")
        .or_else(|| text_field(item, "what"))
        .or_else(|| text_field(item, "asks"))
        .or_else(|| text_field(item, "council"))
}

/// What a hover needs of an item as written.
fn declared(item: &Item) -> explain::Declared<'_> {
    let mut holds = Vec::new();
    let mut body_kind = None;
    for entry in &item.entries {
        if let Entry::Field(field) = entry {
            for value in &field.values {
                if let ValueKind::Key(key) | ValueKind::Str(key) = &value.kind {
                    match field.name.text.as_str() {
                        "holds" if !holds.contains(&key.as_str()) => holds.push(key.as_str()),
                        "kind" if item.kind == ItemKind::Body => body_kind = Some(key.as_str()),
                        _ => {}
                    }
                }
            }
        }
    }
    explain::Declared {
        kind: item.kind,
        name: &item.name.text,
        title: title_of(item),
        holds,
        body_kind,
    }
}

/// Text as a Markdown code block, so that an editor shows it as written
/// (line breaks, indentation), whatever it contains.
fn fenced(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for character in text.chars() {
        run = if character == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{}\n{fence}", text.trim_end())
}

/// The symbol kind an editor draws for an item.
fn symbol_kind(kind: ItemKind) -> SymbolKind {
    match kind {
        ItemKind::Guidance | ItemKind::LocalPolicy | ItemKind::Amendment => SymbolKind::NAMESPACE,
        ItemKind::Arrangements | ItemKind::Shared => SymbolKind::MODULE,
        ItemKind::Document => SymbolKind::FILE,
        ItemKind::Role => SymbolKind::CLASS,
        ItemKind::Function => SymbolKind::FUNCTION,
        ItemKind::BodyKind => SymbolKind::STRUCT,
        ItemKind::Relation => SymbolKind::OPERATOR,
        ItemKind::Attribute => SymbolKind::PROPERTY,
        ItemKind::TagKey => SymbolKind::ENUM,
        ItemKind::Paragraph => SymbolKind::STRING,
        ItemKind::Duty => SymbolKind::METHOD,
        ItemKind::Question => SymbolKind::INTERFACE,
        ItemKind::Law => SymbolKind::CONSTANT,
        ItemKind::Post | ItemKind::Member | ItemKind::Body | ItemKind::Service | ItemKind::Organisation => {
            SymbolKind::OBJECT
        }
        ItemKind::Appointment
        | ItemKind::Designation
        | ItemKind::Vacancy
        | ItemKind::Change
        | ItemKind::Review
        | ItemKind::Inspection => SymbolKind::EVENT,
        ItemKind::Answer | ItemKind::Departure => SymbolKind::KEY,
        ItemKind::Test => SymbolKind::EVENT,
    }
}
