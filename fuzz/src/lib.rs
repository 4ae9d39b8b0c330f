//! The properties dcsc's fuzzing checks, one function per fuzz target.
//!
//! The same file is the library of the cargo-fuzz crate (`fuzz/`) and a
//! module of the stable harness `tests/integration/` (`fuzz`), so a long libFuzzer run
//! and the bounded loop inside `cargo test` assert exactly the same things:
//!
//! - nothing panics, whatever the text;
//! - a text that is refused (does not parse, does not check, or gives no
//!   policy to verify against) is refused with at least one error
//!   diagnostic, and every diagnostic renders;
//! - a text that verifies renders in every output format;
//! - `dcsc fmt` changes white space only: formatting twice gives what
//!   formatting once gave, every comment survives byte for byte, and the
//!   formatted text checks to the same diagnostics.
//!
//! The embedded guidance is parsed and checked once per process (a
//! [`OnceLock`]), and each input is checked against it by reference: only
//! the input's own text is parsed and checked per run. This is the pipeline
//! [`dcsc::Workspace`] chains for `dcsc check` and `dcsc verify`, without
//! two things a fuzzer should not pay or do per input: `Workspace::new()`
//! copies the embedded syntax trees into every workspace (about 90 µs), and
//! `Workspace` follows an arrangement's `shares` onto the disk.

#![expect(
    clippy::panic,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "panicking on a broken property is the point of a fuzz target"
)]
// Not `expect`: as the fuzz crate's library every function is used, and
// only the stable harness leaves some unused.
#![allow(
    dead_code,
    reason = "the stable harness includes this file as a module and uses only some of its functions"
)]

use std::sync::OnceLock;

use dcsc::check::{self, Checked, Parsed};
use dcsc::date::{Day, PartialDate};
use dcsc::diagnostics::{self, Diagnostic, Severity};
use dcsc::outcome::{Council, Verified};
use dcsc::source::{FileId, Origin, SourceFile, SourceMap};
use dcsc::syntax::format::{format_parsed, FormatError, Formatted};
use dcsc::syntax::{self, ast};

/// The embedded guidance, read and parsed once.
struct Embedded {
    /// A source map holding the embedded files only; each input is added
    /// to a copy of it.
    sources: SourceMap,
    /// Each embedded file's syntax tree, and whether it had syntax errors.
    trees: Vec<(FileId, ast::File, bool)>,
    /// The embedded guidance checked once (as a process of dcsc checks
    /// it), shared by every input that gives no guidance of its own.
    checked: check::Guidance,
}

fn embedded() -> &'static Embedded {
    static EMBEDDED: OnceLock<Embedded> = OnceLock::new();
    EMBEDDED.get_or_init(|| {
        let mut sources = SourceMap::new();
        let files = dcsc::load::embedded(&mut sources);
        let trees = files
            .into_iter()
            .map(|file| {
                let source = sources.get(file).expect("an embedded file is in the map");
                let (tree, errors) = syntax::parse(file, source);
                assert!(
                    errors.is_empty(),
                    "the embedded guidance {} does not parse",
                    source.name()
                );
                (file, tree, false)
            })
            .collect::<Vec<_>>();
        let parsed: Vec<Parsed<'_>> = trees
            .iter()
            .map(|(file, tree, incomplete)| Parsed {
                file: *file,
                ast: tree,
                incomplete: *incomplete,
                shares: &[],
                named: true,
            })
            .collect();
        let checked = check::check_guidance(&sources, &[], &parsed);
        Embedded {
            sources,
            trees,
            checked,
        }
    })
}

/// The dates inputs are verified as at: before the 2013 edition, under it,
/// after the Children and Social Work Act 2017, and after the Health and
/// Care Act 2022. Which one is chosen depends on the input only, so a
/// crash reproduces from its input alone.
const DATES: [&str; 4] = ["2012-06-30", "2016-06-30", "2020-02-06", "2026-12-01"];

fn as_at_for(text: &str) -> Day {
    let choice = text
        .bytes()
        .fold(0usize, |sum, byte| sum.wrapping_add(usize::from(byte)))
        % DATES.len();
    PartialDate::parse(DATES[choice])
        .expect("a date of the harness")
        .last_day()
}

/// Which reader an input goes through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The `.dcs` grammar.
    Dcs,
    /// The JSON arrangements reader.
    Json,
}

impl Reader {
    /// The reader `dcsc` uses for standard input: JSON when the text
    /// starts with `{` (no `.dcs` file does), else the `.dcs` grammar.
    pub fn sniff(text: &str) -> Reader {
        if text.trim_start_matches('\u{feff}').trim_start().starts_with('{') {
            Reader::Json
        } else {
            Reader::Dcs
        }
    }

    fn name(self) -> &'static str {
        match self {
            Reader::Dcs => "fuzz.dcs",
            Reader::Json => "fuzz.json",
        }
    }
}

/// One input read and checked against the embedded guidance.
pub struct Outcome {
    /// The embedded files and the input (last).
    pub sources: SourceMap,
    /// The input's file.
    pub file: FileId,
    /// The syntax tree (empty if the JSON reader refused the text).
    pub tree: ast::File,
    /// Every diagnostic, syntax first, as `Workspace` gathers them.
    pub diagnostics: Vec<Diagnostic>,
    /// What the checker found.
    pub checked: Checked,
}

impl Outcome {
    /// Whether an error (not a warning) was reported.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Error)
    }
}

/// Bytes as text, as `dcsc` reads a file: bytes that are not UTF-8 become
/// replacement characters (dcsc then also reports E0002; the parser and
/// checker still see the rest of the text).
pub fn text_of(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// Reads `text` with `reader` and checks it against the embedded guidance
/// (as at `as_at`, choosing among the editions), exactly as
/// `Workspace::check_as_at` does for one file.
pub fn read_and_check(text: &str, reader: Reader, as_at: Option<Day>) -> Outcome {
    let (sources, file) = with_input(text, reader);
    let source = sources.get(file).expect("the input is in the map");
    let (tree, errors) = match reader {
        Reader::Dcs => syntax::parse(file, source),
        Reader::Json => match syntax::json::parse(file, source) {
            Ok(tree) => (tree, Vec::new()),
            Err(error) => (ast::File::default(), vec![error]),
        },
    };
    let syntax_errors = errors.iter().map(diagnostics::from_syntax).collect();
    check_read(sources, file, tree, syntax_errors, as_at)
}

/// A copy of the embedded files' source map with `text` added (last), and
/// the text's id in it: the same id for every text.
fn with_input(text: &str, reader: Reader) -> (SourceMap, FileId) {
    let mut sources = embedded().sources.clone();
    let file = sources.add(Origin::Path(reader.name().to_owned()), text);
    (sources, file)
}

/// Checks a text already read into `sources` as `file`, given its syntax
/// tree and its syntax errors as diagnostics, against the embedded
/// guidance.
fn check_read(
    sources: SourceMap,
    file: FileId,
    tree: ast::File,
    syntax_errors: Vec<Diagnostic>,
    as_at: Option<Day>,
) -> Outcome {
    let embedded = embedded();
    let mut diagnostics = syntax_errors;
    let user = [Parsed {
        file,
        ast: &tree,
        incomplete: !diagnostics.is_empty(),
        shares: &[],
        named: true,
    }];
    let guidance: Vec<Parsed<'_>> = embedded
        .trees
        .iter()
        .map(|(file, tree, incomplete)| Parsed {
            file: *file,
            ast: tree,
            incomplete: *incomplete,
            shares: &[],
            named: true,
        })
        .collect();
    let checked = check::check_with(&sources, &user, &guidance, &[&embedded.checked], as_at);
    diagnostics.extend(checked.errors.iter().map(diagnostics::from_check));
    Outcome {
        sources,
        file,
        tree,
        diagnostics,
        checked,
    }
}

/// The promises of the front end for one outcome: a refusal comes with an
/// error diagnostic; with `render`, every diagnostic also renders, as text
/// and as JSON. (Rendering copies every source text into codespan's file
/// list, the embedded guidance among them: `dcs_front_end` leaves it to
/// `verify_render` and `json_arrangements`, which render every refusal.)
fn assert_explained(outcome: &Outcome, text: &str, render: bool) {
    let refused = outcome.has_errors() || outcome.checked.policy.is_none();
    if refused {
        assert!(
            outcome.has_errors(),
            "refused without an error diagnostic ({} warnings, policy: {}):\n{text:?}",
            outcome.diagnostics.len(),
            outcome.checked.policy.is_some(),
        );
    }
    if !render {
        return;
    }
    let rendered = diagnostics::render(&outcome.sources, &outcome.diagnostics, false);
    assert!(
        outcome.diagnostics.is_empty() || !rendered.is_empty(),
        "diagnostics rendered as nothing:\n{text:?}"
    );
    for diagnostic in &outcome.diagnostics {
        let _ = diagnostics::to_json(&outcome.sources, diagnostic);
    }
}

/// `dcs_front_end`: parse and check a `.dcs` text (guidance, arrangements,
/// shared posts or policy tests: its header decides) against the embedded
/// guidance.
pub fn dcs_front_end(bytes: &[u8]) {
    let text = text_of(bytes);
    let outcome = read_and_check(&text, Reader::Dcs, None);
    assert_explained(&outcome, &text, false);
}

/// `json_arrangements`: the JSON arrangements reader and the checker.
pub fn json_arrangements(bytes: &[u8]) {
    let text = text_of(bytes);
    let outcome = read_and_check(&text, Reader::Json, None);
    assert_explained(&outcome, &text, true);
}

/// `verify_render`: where the text checks, verify it as at a date and run
/// every renderer over every council; where it does not, the refusal is
/// explained. JSON (a text starting with `{`) or `.dcs`.
pub fn verify_render(bytes: &[u8]) {
    let text = text_of(bytes);
    let as_at = as_at_for(&text);
    let mut outcome = read_and_check(&text, Reader::sniff(&text), Some(as_at));
    assert_explained(&outcome, &text, true);
    if outcome.has_errors() {
        return;
    }
    let Some(policy) = outcome.checked.policy.take() else {
        return;
    };
    // As `Workspace::verify` does.
    let councils = std::mem::take(&mut outcome.checked.arrangements)
        .into_iter()
        .map(|arrangement| Council::evaluate(&policy, arrangement, as_at))
        .collect();
    let verified = Verified {
        policy,
        as_at,
        councils,
    };
    for report in verified.assessments(&outcome.sources) {
        let human = dcsc::render::human::render(&report, false);
        assert!(!human.is_empty(), "the human output is empty:\n{text:?}");
        let _ = dcsc::render::human::render(&report, true);
        // The text `verify --format json` writes (empty if serialising
        // failed). Not a `serde_json::Value`: its maps hash each key with a
        // seed drawn afresh per map, so the same input would run different
        // code each time and libFuzzer would keep mistaking it for new.
        let json = dcsc::render::json::to_text(&report, 0);
        assert!(
            json.starts_with('{') && json.ends_with('}'),
            "the JSON output is not an object:\n{text:?}"
        );
        let chart = dcsc::graph::chart(&report);
        let svg = chart.to_svg();
        let _ = (chart.to_dot(), chart.to_mermaid());
        let provenance = dcsc::report::Provenance::of(&report, "fuzz");
        let document = dcsc::report::document(&report, provenance);
        let _ = document.to_markdown();
        let _ = document.to_html(&svg);
        if let Err(error) = document.to_csv() {
            panic!("the CSV report failed: {error:?}\n{text:?}");
        }
    }
}

/// A text that parsed with no syntax errors (`tree`, `source` read as
/// `file`) formatted, with the tree the formatter's own check read back of
/// the result; its check refusing the layout (the result would not parse,
/// or would differ in more than white space) breaks the property.
fn formatted(file: FileId, source: &SourceFile, tree: &ast::File, text: &str) -> Formatted {
    match format_parsed(file, source, tree) {
        Ok(formatted) => formatted,
        Err(FormatError::Syntax(_) | FormatError::WouldChangeMeaning) => {
            panic!(
                "the formatter's own check refused its layout:\n{text:?}\nformatting:\n{:?}",
                source.text
            )
        }
    }
}

/// The comments of a text, each as written, found by a scanner of the
/// harness's own (strings skipped, so `"http://…"` is not one); also
/// `tests/integration/fmt.rs`'s.
pub fn comments(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['"', '/']) {
        let tail = &rest[at..];
        if let Some(inside) = tail.strip_prefix('"') {
            let mut escaped = false;
            let end = inside
                .char_indices()
                .find(|&(_, character)| {
                    let closes = character == '"' && !escaped;
                    escaped = character == '\\' && !escaped;
                    closes
                })
                .map_or(inside.len(), |(index, _)| index + 1);
            rest = &inside[end..];
        } else if tail.starts_with("//") {
            let end = tail.find('\n').unwrap_or(tail.len());
            found.push(tail[..end].trim_end_matches('\r').to_owned());
            rest = &tail[end..];
        } else if let Some(inside) = tail.strip_prefix("/*") {
            let end = inside.find("*/").map_or(tail.len(), |index| index + 4);
            found.push(tail[..end].replace('\r', ""));
            rest = &tail[end..];
        } else {
            rest = &tail[1..];
        }
    }
    found
}

/// A text without its strings and comments, which the formatter keeps
/// byte for byte (blank lines inside them included): what is left is the
/// layout the formatter chose. Line comments go too, so that a quotation
/// mark in one (`// the forma"tter's`) is not read as opening a string.
fn layout_only(text: &str) -> String {
    let mut out = text.to_owned();
    for comment in comments(text) {
        // A line comment stays as its mark, so that its line is not taken
        // for a blank one.
        let kept = if comment.starts_with("//") { "//" } else { "" };
        out = out.replacen(&comment, kept, 1);
    }
    let mut kept = String::with_capacity(out.len());
    let mut in_string = false;
    let mut escaped = false;
    for character in out.chars() {
        if in_string {
            in_string = character != '"' || escaped;
            escaped = character == '\\' && !escaped;
            continue;
        }
        if character == '"' {
            in_string = true;
            escaped = false;
            continue;
        }
        kept.push(character);
    }
    kept
}

/// The comments the parser found in a text, each as written.
fn parsed_comments(source: &SourceFile, tree: &ast::File) -> Vec<String> {
    tree.comments
        .iter()
        .map(|comment| source.slice(comment.span).to_owned())
        .collect()
}

/// What checking a text concludes, bar positions: each diagnostic's code
/// and headline, and apart from them the warnings about characters that
/// act on a terminal outside strings (W0014). Formatting may drop those
/// (a stray carriage return is white space to the grammar, and the
/// formatter lays white space out afresh) but never add one.
fn conclusions(outcome: &Outcome) -> (Vec<String>, usize) {
    let diagnostics = &outcome.diagnostics;
    let hidden = |diagnostic: &&Diagnostic| diagnostic.code.as_str() == "W0014";
    let said = diagnostics
        .iter()
        .filter(|diagnostic| !hidden(diagnostic))
        .map(|diagnostic| format!("{} {}", diagnostic.code.as_str(), diagnostic.message))
        .collect();
    (said, diagnostics.iter().filter(hidden).count())
}

/// `fmt_round_trip`: if the text formats, formatting the result gives the
/// same text, every comment survives, the layout is tidy, and the checker
/// concludes the same of both.
pub fn fmt_round_trip(bytes: &[u8]) {
    let text = text_of(bytes);
    // As `dcsc fmt` reads it (`format` parses, then lays out): a text that
    // does not parse is left as it is. Each text is parsed once: the
    // formatter's own check parses what it wrote, and that tree is the one
    // formatted again and checked.
    let (sources, file) = with_input(&text, Reader::Dcs);
    let source = sources.get(file).expect("the input is in the map");
    let (tree, errors) = syntax::parse(file, source);
    if !errors.is_empty() {
        return;
    }
    let once = formatted(file, source, &tree, &text);
    let twice = formatted(file, &once.source, &once.tree, &text);
    assert_eq!(once.text, twice.text, "formatting is not idempotent:\n{text:?}");
    // What the parser read (`source.text`): without a byte order mark,
    // CRLF as LF.
    assert_eq!(
        comments(&source.text),
        comments(&once.text),
        "a comment was changed or lost:\n{text:?}\nformatted:\n{:?}",
        once.text
    );
    assert_eq!(
        parsed_comments(source, &tree),
        parsed_comments(&once.source, &once.tree),
        "the parser finds other comments in the formatted text:\n{text:?}\nformatted:\n{:?}",
        once.text
    );
    assert!(
        once.text.is_empty() || once.text.ends_with('\n'),
        "no final newline:\n{text:?}"
    );
    assert!(
        !layout_only(&once.text).contains("\n\n\n"),
        "more than one blank line in a row:\n{text:?}"
    );
    let Formatted {
        text: once_text,
        tree: once_tree,
        ..
    } = once;
    let (before, hidden_before) = conclusions(&check_read(sources, file, tree, Vec::new(), None));
    let (once_sources, once_file) = with_input(&once_text, Reader::Dcs);
    let (after, hidden_after) = conclusions(&check_read(once_sources, once_file, once_tree, Vec::new(), None));
    assert_eq!(
        before, after,
        "formatting changed what the checker concludes:\n{text:?}\nformatted:\n{once_text:?}"
    );
    assert!(
        hidden_after <= hidden_before,
        "formatting added a hidden character:\n{text:?}\nformatted:\n{once_text:?}"
    );
}
