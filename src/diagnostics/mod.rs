//! Every problem dcsc reports, as one type, and the one place that renders
//! through codespan-reporting.
//!
//! Each stage returns its own data-carrying error enum; [`from_syntax`] and
//! [`from_check`] turn them into [`Diagnostic`]s with a stable [`Code`], a
//! primary label, secondary labels, notes and `help:` lines.

mod codes;
mod phrases;

pub use codes::{Code, Example, Explanation};

use std::collections::BTreeMap;

use codespan_reporting::diagnostic::{self as cs, LabelStyle};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use crate::check::{CheckError, Disagreement, HeaderProblem, Term};
use crate::command::{CommandError, DiffProblem};
use crate::date::DateError;
use crate::eval::{Missing, Reason, VerdictKind};
use crate::source::{FileId, SourceMap, Span};
use crate::suggest::suggest;
use crate::syntax::{PathProblem, SyntaxError, Token};
use crate::visible;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be used.
    Error,
    /// The input can be used, but something deserves a look.
    Warning,
}

/// A label on a span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What to say there.
    pub message: String,
}

/// A diagnostic ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// The headline.
    pub message: String,
    /// The main place, if the problem has one.
    pub primary: Option<Label>,
    /// Other places that explain it.
    pub secondary: Vec<Label>,
    /// Further facts.
    pub notes: Vec<String>,
    /// How to fix it.
    pub help: Vec<String>,
}

impl Diagnostic {
    fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: if code.is_warning() {
                Severity::Warning
            } else {
                Severity::Error
            },
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: Vec::new(),
        }
    }

    fn at(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.primary = Some(Label {
            span,
            message: message.into(),
        });
        self
    }

    fn also(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    /// The notes, then each help line as `help: …`: what follows the
    /// labels, in the words every rendering of a diagnostic uses (the
    /// terminal's and the language server's).
    pub fn notes_and_help(&self) -> Vec<String> {
        let mut lines = self.notes.clone();
        lines.extend(self.help.iter().map(|help| format!("help: {help}")));
        lines
    }

    fn suggest(self, suggestion: &Option<String>) -> Diagnostic {
        match suggestion {
            Some(name) => self.help(format!("did you mean `{name}`?")),
            None => self,
        }
    }
}

fn date_problem(error: &DateError) -> String {
    match error {
        DateError::Malformed => "a date is written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`".to_owned(),
        DateError::NoSuchMonth(month) => format!("there is no month {month}"),
        DateError::NoSuchDay { day, days_in_month } => {
            format!("that month has {days_in_month} days, so there is no day {day}")
        }
    }
}

fn or_list(items: &[&str]) -> String {
    match items {
        [] => "something else".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The diagnostic for a syntax error.
pub fn from_syntax(error: &SyntaxError) -> Diagnostic {
    match error {
        SyntaxError::Unreadable { path, reason } => {
            Diagnostic::new(Code::E0001, format!("cannot read `{path}`: {reason}"))
                .help("give the path of a .dcs or .json file")
        }
        SyntaxError::TooLarge { path, limit } => Diagnostic::new(
            Code::E0016,
            format!("`{path}` is larger than {} MiB", limit / (1024 * 1024)),
        )
        .note(format!("dcsc reads at most {limit} bytes from any input"))
        .help("give the .dcs or .json file itself"),
        SyntaxError::InvalidUtf8 { span } => Diagnostic::new(Code::E0002, "this file is not UTF-8 text")
            .at(*span, "this byte is not UTF-8")
            .help("save the file as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")"),
        SyntaxError::NulByte { span } => Diagnostic::new(Code::E0003, "this file contains a NUL byte")
            .at(*span, "NUL byte here")
            .note("a NUL byte usually means the file is binary, or was saved as UTF-16")
            .help("save the file as UTF-8 text"),
        SyntaxError::Unexpected { span, expected, found } => {
            let found_words = match found {
                Token::EndOfFile => "the end of the file".to_owned(),
                Token::QuotedString => "a quoted string".to_owned(),
                Token::Word(word) => format!("`{word}`"),
                Token::ReservedWord(word) => format!("`{word}`, a reserved word"),
                Token::Space => "a space".to_owned(),
                Token::Symbol(symbol) => format!("`{symbol}`"),
            };
            let diagnostic = Diagnostic::new(
                Code::E0004,
                format!("expected {}, found {found_words}", or_list(expected)),
            )
            .at(*span, format!("expected {}", or_list(expected)));
            match found {
                Token::Symbol('=' | ':') => diagnostic.help("fields are written `name value`, with no `=` or `:` between"),
                Token::Symbol(';') => diagnostic.help("entries end at the end of the line; no `;` is needed"),
                Token::ReservedWord(_) => diagnostic.help("reserved words cannot be used as names; choose another name"),
                Token::EndOfFile | Token::QuotedString | Token::Word(_) | Token::Space | Token::Symbol(_) => diagnostic,
            }
        }
        SyntaxError::UnterminatedString { span } => Diagnostic::new(Code::E0005, "this string is never closed")
            .at(*span, "the string starts here")
            .help("add the closing `\"`; write `\\\"` for a quotation mark inside a string"),
        SyntaxError::UnterminatedComment { span } => Diagnostic::new(Code::E0006, "this comment is never closed")
            .at(*span, "the comment starts here")
            .help("close the comment with `*/`"),
        SyntaxError::OutsideItem { span, closed_by } => {
            Diagnostic::new(Code::E0020, "this is outside any item")
                .at(*span, "after the item's closing `}`")
                .also(*closed_by, "this `}` closes the item")
                .note("everything between one item's closing `}` and the next item's keyword belongs to no item, and is not read")
                .help("if the item goes on, remove the `}` that closes it early; otherwise start an item (`post NAME { … }`)")
        }
        SyntaxError::Unclosed { span } => Diagnostic::new(Code::E0007, "this `{` is never closed")
            .at(*span, "opened here")
            .help("add the matching `}` at the end of the item"),
        SyntaxError::TooDeep { span, limit } => {
            Diagnostic::new(Code::E0008, format!("brackets nest more than {limit} deep"))
                .at(*span, "too deep here")
                .note("dcsc limits nesting so that no input can exhaust its stack")
                .help("write the condition as a flat list with `and` / `or`")
        }
        SyntaxError::EmptyFile { span } => Diagnostic::new(Code::E0009, "this file declares nothing")
            .at(*span, "empty")
            .help("a guidance file starts with `guidance NAME { … }`; an arrangements file with `arrangements NAME { … }`"),
        SyntaxError::InvalidDate { span, error } => Diagnostic::new(Code::E0010, "this date does not exist")
            .at(*span, date_problem(error)),
        SyntaxError::NumberTooLarge { span } => Diagnostic::new(Code::E0011, "this number is too large")
            .at(*span, "larger than 4294967295"),
        SyntaxError::UnknownEscape { span, character } => {
            Diagnostic::new(Code::E0012, format!("unknown escape `\\{character}` in a string"))
                .at(*span, "not an escape")
                .help("strings know `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash")
        }
        SyntaxError::BadPeriod { span } => Diagnostic::new(Code::E0013, "this period is not usable")
            .at(*span, "a period is 1 to 1200 months (or 1 to 100 years)"),
        SyntaxError::Json { span, message } => Diagnostic::new(Code::E0014, format!("invalid JSON arrangements: {message}"))
            .at(*span, "here")
            .help("see docs/json-arrangements.md for the shape of a JSON arrangements file"),
        SyntaxError::RepeatedKey { key, span, first } => {
            Diagnostic::new(Code::E0109, format!("`{key}` is given twice"))
                .at(*span, "given again here")
                .also(*first, "first given here")
                .help(format!("give several values as one list: `\"{key}\": [\"…\", \"…\"]`"))
        }
        SyntaxError::SharedPath { path, span, problem } => match problem {
            PathProblem::Unreadable { reason } => {
                Diagnostic::new(Code::E0001, format!("cannot read the shared file `{path}`: {reason}"))
                    .at(*span, "named here")
                    .note("a shared file is named relative to the folder of the file that shares it")
            }
            PathProblem::Remote => Diagnostic::new(Code::E0019, format!("`{path}` is an address, not a file"))
                .at(*span, "named here")
                .note("dcsc reads only files on this machine, and never fetches anything")
                .help("save the shared declarations in a file beside this one and name it here"),
            PathProblem::Absolute => Diagnostic::new(Code::E0019, format!("`{path}` is an absolute path"))
                .at(*span, "named here")
                .note("a shared file is named relative to the folder of the file that shares it, so the folder can be moved or sent whole")
                .help("name the file relative to this file's folder"),
            PathProblem::OutsideFolder => {
                Diagnostic::new(Code::E0019, format!("`{path}` is outside this file's folder"))
                    .at(*span, "named here")
                    .note("a shared file must be in the folder of the file that shares it, or below it, so that dcsc reads nothing the user did not hand it")
                    .help("move the shared file into this file's folder, or give both councils' files in its folder")
            }
        },
        SyntaxError::Internal { span, detail } => {
            Diagnostic::new(Code::E0099, format!("internal error: dcsc could not read {detail} here"))
                .at(*span, "here")
                .note("this is a bug in dcsc, not in your file; please report it with the file")
        }
    }
}

/// The diagnostic for a problem with the command itself.
pub fn from_command(error: &CommandError) -> Diagnostic {
    match error {
        CommandError::CommandLine { message, details } => {
            let mut diagnostic = Diagnostic::new(Code::E0301, message.clone());
            for detail in details {
                diagnostic = diagnostic.note(detail.clone());
            }
            diagnostic.help("the command line was not understood, so nothing was read (exit status 2); `dcsc help COMMAND` says what each command takes")
        }
        CommandError::NoArrangements => Diagnostic::new(Code::E0302, "no arrangements were given")
            .note("every file given is guidance or a local policy")
            .help("name at least one file starting `arrangements NAME { … }`"),
        CommandError::SeveralCouncils { given } => Diagnostic::new(
            Code::E0303,
            format!("a report or chart is of one council's arrangements, and {given} were given"),
        )
        .help("run the command once for each council"),
        CommandError::NothingToExplain { topic, suggestion } => Diagnostic::new(
            Code::E0304,
            format!("`{topic}` is not a diagnostic code, nor a duty, law, paragraph or name of the guidance"),
        )
        .suggest(suggestion),
        CommandError::DiffSides { problem } => {
            let message = match problem {
                DiffProblem::NoSides => "`diff` needs two sides to compare",
                DiffProblem::OneDate => "`diff` needs both `--from DATE` and `--to DATE`",
                DiffProblem::BothWays => "`diff` compares two sets of guidance or two dates, not both at once",
            };
            Diagnostic::new(Code::E0305, message)
                .help("compare guidance with `--from-policy FILE… --to-policy FILE… [--as-at DATE]`, or dates with `--from DATE --to DATE`")
        }
        CommandError::NoTests { searched } => Diagnostic::new(
            Code::E0307,
            format!("no tests in {}", searched.join(", ")),
        )
        .note("a test is an item `test NAME { … }` in a `.dcs` file; folders are searched for files that hold one")
        .help("name the test files or folders, like `dcsc test policies/tests`"),
        CommandError::FilesAndFolders => Diagnostic::new(
            Code::E0306,
            "`verify` takes the files of councils, or folders of councils, not both",
        )
        .note("files given are read together; each council in a folder is verified on its own")
        .help("give the folders alone, or the files alone"),
        CommandError::NotACouncil { path } => Diagnostic::new(
            Code::W0015,
            format!("`{path}` holds no council's arrangements, so it is not verified"),
        )
        .note("in a folder of councils, each .dcs or .json file and each sub-folder is one council; a local policy goes in the folder of the council that answers to it")
        .help("move it into its council's folder, give guidance with `--policy`, or remove it"),
        CommandError::CannotServe { reason } => Diagnostic::new(Code::E0308, format!("cannot serve: {reason}"))
            .note("the server did not start, and nothing was read or written")
            .help("give folders or files of councils that exist, and a port that is free (`--port 0` picks one)"),
        CommandError::CannotRender { format, reason } => Diagnostic::new(
            Code::E0099,
            format!("internal error: the {format} could not be written: {reason}"),
        )
        .note("this is a bug in dcsc, not in your file; please report it with the file"),
    }
}

/// The diagnostic for an output file that could not be written.
pub fn unwritable(path: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(Code::E0015, format!("cannot write `{path}`: {reason}"))
        .note("nothing was written; an existing file of that name is unchanged")
        .help("name a file in a folder that exists and that you may write to")
}

/// The diagnostic for a device or pipe named as the output that could
/// not be written: it is written in place, so part may have gone.
pub fn unwritable_in_place(path: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(Code::E0015, format!("cannot write `{path}`: {reason}"))
        .note("it is not a regular file, so it was written in place and may have received part of the output")
        .help("name a regular file, or a device or pipe that can take the output")
}

/// The diagnostic for an output file that is one of the inputs.
pub fn output_is_input(output: &str, input: &str) -> Diagnostic {
    let message = if output == input {
        format!("cannot write `{output}`: it is an input")
    } else {
        format!("cannot write `{output}`: it is the same file as the input `{input}`")
    };
    Diagnostic::new(Code::E0017, message)
        .note("writing it would replace the input with the output; nothing was written and the input is unchanged")
        .help("name another file with `-o`")
}

/// The diagnostic for standard output that could not be written (a full
/// disk or device, not a closed pipe).
pub fn stdout_unwritable(reason: &str) -> Diagnostic {
    Diagnostic::new(Code::E0018, format!("cannot write standard output: {reason}"))
        .note("the output is incomplete")
        .help("make room where standard output goes, or send it elsewhere")
}

/// The diagnostic for a check error or warning.
pub fn from_check(error: &CheckError) -> Diagnostic {
    match error {
        CheckError::UnknownName {
            expected,
            name,
            span,
            suggestion,
        } => Diagnostic::new(Code::E0101, format!("unknown {expected} `{name}`"))
            .at(*span, format!("no {expected} is called `{name}`"))
            .suggest(suggestion),
        CheckError::UnknownTerm {
            term,
            written,
            span,
            suggestion,
        } => {
            let (what, all, names): (&str, &str, Vec<&str>) = match term {
                Term::Verdict => (
                    "verdict",
                    "verdicts",
                    VerdictKind::ALL
                        .iter()
                        .map(|kind| kind.name())
                        .chain([crate::check::NOT_IN_FORCE])
                        .collect(),
                ),
                Term::Reason => ("kind of reason", "kinds of reason", Reason::KIND_NAMES.to_vec()),
                Term::Missing => (
                    "kind of missing fact",
                    "kinds of missing fact",
                    Missing::KIND_NAMES
                        .iter()
                        .copied()
                        .chain([crate::check::NO_MISSING])
                        .collect(),
                ),
            };
            let shown: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
            Diagnostic::new(Code::E0130, format!("there is no {what} `{written}`"))
                .at(*span, format!("not a {what}"))
                .suggest(suggestion)
                .note(format!("the {all} are {}", shown.join(", ")))
        }
        CheckError::NoExpectations { span } => Diagnostic::new(Code::E0131, "this test expects nothing")
            .at(*span, "no `expect`")
            .note("a test with nothing to expect could never fail")
            .help("say what verdict a duty should have: `expect dcs.first_tier pass`"),
        CheckError::NothingToTest { span } => {
            Diagnostic::new(Code::E0132, "this test has no arrangements to start from")
                .at(*span, "no `given`, and no `arrangements` in this file")
                .help("name the council's files with `given \"council.dcs\"`, or write the arrangements in this file under an `arrangements NAME { … }` header")
        }
        CheckError::GivenUnreadable { path, reason, span } => {
            Diagnostic::new(Code::E0133, format!("cannot read `{path}`: {reason}"))
                .at(*span, "named here")
                .note("a test's `given` files are read relative to the folder of the test's own file")
        }
        CheckError::NotChangeable { kind, span } => {
            Diagnostic::new(Code::E0134, format!("a test cannot change a `{kind}`"))
                .at(*span, "not part of a council's arrangements")
                .note("a test changes the arrangements it starts from (their header, posts, members, bodies, services, documents, events, answers and departures), never the guidance it tests")
        }
        CheckError::NothingToChange { item, field, span } => {
            let (message, label) = match field {
                Some(field) => (format!("`{item}` has no `{field}` to change"), "no such field"),
                None => (format!("the arrangements have no `{item}`"), "nothing to change"),
            };
            Diagnostic::new(Code::E0135, message)
                .at(*span, label)
                .help("change an item the arrangements declare, or `add` the field instead")
        }
        CheckError::NotOneCouncil { found, span } => Diagnostic::new(
            Code::E0136,
            format!("a test starts from one council's arrangements, and these hold {found}"),
        )
        .at(*span, "this test")
        .help("give the one council's files with `given`"),
        CheckError::Duplicate { what, name, span, first } => {
            Diagnostic::new(Code::E0102, format!("the {what} `{name}` is declared twice"))
                .at(*span, "declared again here")
                .also(*first, "first declared here")
                .help("give each a different id, or remove one")
        }
        CheckError::WrongKind {
            expected,
            found,
            span,
            declared,
        } => {
            let mut diagnostic = Diagnostic::new(
                Code::E0103,
                format!("{}, but this is {}", phrases::needed(expected), phrases::found(found)),
            )
            .at(*span, "wrong kind of name here");
            if let Some(help) = phrases::wrong_kind_help(expected, found) {
                diagnostic = diagnostic.help(help);
            }
            match declared {
                Some(declared) => diagnostic.also(*declared, "declared here"),
                None => diagnostic,
            }
        }
        CheckError::WrongType {
            field,
            expected,
            span,
            declared,
        } => {
            let expected = phrases::shape(*expected);
            let diagnostic = Diagnostic::new(Code::E0104, format!("`{field}` takes {expected}"))
                .at(*span, format!("expected {expected}"));
            match declared {
                Some(declared) => diagnostic.also(*declared, "its type is declared here"),
                None => diagnostic,
            }
        }
        CheckError::NoCitation { duty, span } => {
            Diagnostic::new(Code::E0105, format!("`{duty}` cites no paragraph of the guidance"))
                .at(*span, "no `cites`")
                .note("every duty and question must say which paragraphs it encodes")
                .help("add `cites KEY` naming the paragraph (for example `cites 2`)")
        }
        CheckError::Contradiction {
            duty,
            span,
            other,
            other_span,
        } => Diagnostic::new(Code::E0106, format!("`{duty}` contradicts `{other}`"))
            .at(*span, "this duty requires the opposite")
            .also(*other_span, "of this one, for the same subject")
            .note("both can apply at once: their conditions overlap")
            .help("correct the modality of one, or give them conditions that exclude each other"),
        CheckError::UnknownField {
            item,
            field,
            span,
            suggestion,
            allowed,
            run_on,
        } => {
            if let Some(previous) = run_on {
                return Diagnostic::new(Code::E0107, format!("{} has no field `{field}`", phrases::an_item(item)))
                    .at(*span, format!("read as a new field, after `{previous}`"))
                    .note(format!(
                        "a field's values are separated by commas: without one, `{field}` starts a field of its own"
                    ))
                    .help(format!("if `{field}` is another value, put a comma before it: `{previous}, {field}`"));
            }
            let diagnostic = Diagnostic::new(Code::E0107, format!("{} has no field `{field}`", phrases::an_item(item)))
                .at(*span, "unknown field")
                .suggest(suggestion);
            if allowed.is_empty() {
                diagnostic
            } else {
                let mut fields: Vec<&str> = allowed.iter().map(String::as_str).collect();
                fields.sort_unstable();
                fields.dedup();
                let shown: Vec<String> = fields.iter().map(|field| format!("`{field}`")).collect();
                diagnostic.note(format!("{} has: {}", phrases::an_item(item), shown.join(", ")))
            }
        }
        CheckError::MissingField { item, field, span } => {
            Diagnostic::new(Code::E0108, format!("{} needs `{field}`", phrases::this_item(item)))
                .at(*span, format!("no `{field}`"))
                .help(format!("add a `{field}` line inside the braces"))
        }
        CheckError::RepeatedField { field, span, first } => {
            Diagnostic::new(Code::E0109, format!("`{field}` is given twice"))
                .at(*span, "given again here")
                .also(*first, "first given here")
                .help("list several values on one line, separated by commas")
        }
        CheckError::Header { problem, span, other } => match problem {
            HeaderProblem::Missing => Diagnostic::new(Code::E0110, "this file has no header")
                .at(*span, "the file starts here")
                .help("start a guidance file with `guidance NAME { … }` (or `local_policy NAME extends BASE { … }`), and an arrangements file with `arrangements NAME { … }`"),
            HeaderProblem::Repeated => {
                let diagnostic = Diagnostic::new(Code::E0110, "this file has more than one header")
                    .at(*span, "a second header")
                    .help("put each guidance, local policy and arrangement in its own file");
                match other {
                    Some(other) => diagnostic.also(*other, "the first header"),
                    None => diagnostic,
                }
            }
        },
        CheckError::Misplaced { item, file_kind, span } => {
            Diagnostic::new(Code::E0111, format!("a `{item}` does not belong in {file_kind}"))
                .at(*span, "misplaced item")
                .note("guidance declares vocabulary, paragraphs, duties and questions; arrangements declare posts, members, bodies, services, the timeline, answers and departures; a shared file declares only the posts, members, bodies, services and events councils share, and their documents")
        }
        CheckError::NotShared { found, path, span } => {
            let message = match found {
                Some(keyword) => format!("`{path}` is not a shared file: it starts with `{keyword}`"),
                None => format!("`{path}` is not a shared file: it has no header"),
            };
            Diagnostic::new(Code::E0126, message)
                .at(*span, "named here")
                .note("`shares` names a file of the posts, members and bodies councils share, which starts `shared NAME { … }`")
                .help("to verify several councils, give each council's file on the command line")
        }
        CheckError::ReadWith { councils, error } => from_check(error).note(format!(
            "found when this shared file is read with the arrangements of {} (it is read with those of each council that shares it)",
            crate::words::and_list(councils)
        )),
        CheckError::AnswersOtherEdition {
            item,
            duty,
            editions,
            in_force,
            span,
        } => {
            let named: Vec<String> = editions.iter().map(|key| format!("`{key}`")).collect();
            let named = crate::words::or_list(&named);
            Diagnostic::new(
                Code::W0016,
                format!("this {item} names `{duty}` of {named}, not of `{in_force}`, the guidance checked against"),
            )
            .at(*span, format!("`{in_force}` has no `{duty}`"))
            .note(format!("it is left out; these arrangements do not answer to {named}"))
            .help(format!(
                "if the council answered {named}, add it to `answers_to`; otherwise give the key of `{in_force}`'s duty or question"
            ))
        }
        CheckError::OtherEdition {
            answers_to,
            in_force,
            left_out,
            span,
        } => {
            let named: Vec<String> = answers_to.iter().map(|key| format!("`{key}`")).collect();
            let diagnostic = Diagnostic::new(
                Code::W0012,
                format!(
                    "these arrangements answer to {}, but `{in_force}` is the guidance in force as at the date",
                    crate::words::and_list(&named)
                ),
            )
            .at(*span, "arrangements")
            .note(format!("they are verified against `{in_force}`, the edition in force then"));
            match left_out {
                0 => diagnostic,
                1 => diagnostic.note("one answer or departure names a duty that edition does not have, and is left out"),
                many => diagnostic.note(format!(
                    "{many} answers and departures name duties that edition does not have, and are left out"
                )),
            }
        }
        CheckError::AmendedCitation {
            duty,
            paragraph,
            amendments,
            span,
        } => {
            let named: Vec<String> = amendments.iter().map(|key| format!("`{key}`")).collect();
            Diagnostic::new(
                Code::W0013,
                format!(
                    "`{duty}` cites paragraph `{paragraph}`, whose words {} changes",
                    crate::words::and_list(&named)
                ),
            )
            .at(*span, "a local policy's duty")
            .note("an answer or departure given against the earlier words is shown as stale once the amendment takes effect for the council")
            .help("check that the local policy still means what it says under the new words")
        }
        CheckError::UnusedShared { span } => Diagnostic::new(Code::W0011, "no arrangements given share this file")
            .at(*span, "shared file")
            .note("its posts, members and bodies are checked only as part of a council's arrangements, so nothing in it was checked")
            .help("give the arrangements of a council whose header says `shares` with this file's name"),
        CheckError::RuleCount { item, found, span } => {
            let message = match found {
                0 => format!("`{item}` has no rule"),
                _ => format!("`{item}` has {found} rules where it may have {}", if *found == 1 { "none" } else { "one" }),
            };
            Diagnostic::new(Code::E0112, message)
                .at(*span, if *found == 0 { "a duty needs one rule" } else { "not allowed here" })
                .help("a duty has exactly one rule such as `DCS should report_to ChiefExecutive`; split two rules into two duties, and write a question's words in `asks`")
        }
        CheckError::TagValue {
            key,
            value,
            span,
            allowed,
            suggestion,
        } => Diagnostic::new(Code::E0113, format!("`{value}` is not a value of the tag `{key}`"))
            .at(*span, "not declared for this key")
            .note(format!("`{key}` takes: {}", allowed.join(", ")))
            .suggest(suggestion),
        CheckError::DepartureFromMust {
            duty,
            modality,
            span,
            duty_span,
        } => Diagnostic::new(Code::E0114, format!("no departure is possible from `{duty}`: it is a `{modality}` duty"))
            .at(*span, "departure recorded here")
            .also(*duty_span, format!("a `{modality}` duty is the law, not guidance to have regard to"))
            .help("only a `should` or `should not` duty may be departed from with reasons; comply with this one"),
        CheckError::NotOneOf {
            field,
            value,
            allowed,
            span,
        } => Diagnostic::new(Code::E0115, format!("`{value}` is not a possible `{field}`"))
            .at(*span, format!("expected {}", or_list(allowed)))
            .suggest(&suggest(value, allowed.iter().copied())),
        CheckError::MisusedPredicate { problem, span } => {
            Diagnostic::new(Code::E0116, "this cannot be said here").at(*span, phrases::misuse(problem))
        }
        CheckError::SeveralEditions { names, span, first } => Diagnostic::new(
            Code::E0117,
            format!("the guidance editions {} cannot be told apart by date", names.join(", ")),
        )
        .at(*span, "this edition")
        .also(*first, "and this one")
        .note("given several editions, dcsc evaluates against the one in force as at the date, so each needs its own `in_force` date")
        .help("give each edition an `in_force` date, or give one edition at a time"),
        CheckError::NoEditionInForce { as_at, editions, span } => {
            Diagnostic::new(Code::E0118, format!("no guidance edition given was in force as at {as_at}"))
                .at(*span, "the edition given first")
                .note(format!("editions given: {}", editions.join(", ")))
                .help("evaluate as at a later date (`--as-at`), or give the edition in force then")
        }
        CheckError::ReportsToMember {
            post,
            member,
            span,
            member_span,
        } => Diagnostic::new(Code::E0201, format!("the post `{post}` reports to the member `{member}`"))
            .at(*span, "a post's line of accountability leads to another post")
            .also(*member_span, "an elected member")
            .note("officers report to officers; members hold them to account through the council's political structures")
            .help("name the post this post reports to, such as the Chief Executive"),
        CheckError::ReportingLoop {
            posts,
            span,
            others,
            on,
        } => {
            let mut diagnostic = Diagnostic::new(Code::E0202, format!("the reporting line loops: {} → {}", posts.join(" → "), posts.first().map_or("", String::as_str)))
                .at(*span, "this line closes the loop");
            for other in others {
                diagnostic = diagnostic.also(*other, "part of the loop");
            }
            if let Some(day) = on {
                diagnostic = diagnostic.note(format!("the lines hold together on {day}, by their dates"));
            }
            diagnostic.help("the line of accountability must end at the head of paid service")
        }
        CheckError::RepeatedValue { value, span, first } => {
            Diagnostic::new(Code::E0125, format!("`{value}` is given twice"))
                .at(*span, "given again here")
                .also(*first, "first given here")
                .note("two lines of the same fact may be given only for periods that do not overlap")
                .help("remove one, or give each line the period over which it held (`from …`, `until …`)")
        }
        CheckError::ReversedPeriod { span } => Diagnostic::new(Code::E0120, "this period ends before it begins")
            .at(*span, "`until` is before `from`")
            .note("`until` names when the fact stopped holding; with a day, the first day it no longer held")
            .help("swap the dates, or correct the one that is wrong"),
        CheckError::OutsideLife { entity, span, life } => Diagnostic::new(
            Code::E0121,
            format!("a fact of `{entity}` is said to hold outside the time `{entity}` existed"),
        )
        .at(*span, "this fact's period reaches outside")
        .also(*life, "its `exists` gives when it existed")
        .help("correct the fact's period, or the entity's `from` or `until`"),
        CheckError::SharedRole { role, span, other } => Diagnostic::new(
            Code::W0010,
            format!("two posts or members hold `{role}` on the same days"),
        )
        .at(*span, "this holder")
        .also(*other, "and this one, at the same time")
        .note("if one replaced the other, end the first line (`until DATE`) where the second begins (`from DATE`)")
        .help("if both really held it at once, the duties on the role will judge it"),
        CheckError::EventDisagrees {
            event,
            problem,
            span,
            fact,
        } => {
            let (message, help) = match problem {
                Disagreement::RoleNotHeld { role, entity } => (
                    format!("`{event}` gives `{entity}` the role `{role}`, which its `holds` does not list"),
                    format!("add `{role}` to the `holds` of `{entity}`, from the event's date"),
                ),
                Disagreement::RoleNotHeldThen { role, entity } => (
                    format!("`{event}` gives `{entity}` the role `{role}`, but its `holds` does not hold then"),
                    "correct the event's date, or the period of the `holds` line".to_owned(),
                ),
                Disagreement::RoleStillHeld { role, entity } => (
                    format!("`{event}` leaves `{role}` vacant, but `{entity}` surely holds it then"),
                    format!("end the line of `{entity}` (`until DATE`) at the vacancy"),
                ),
                Disagreement::NoHolderNamed => (
                    format!("`{event}` gives roles to no one"),
                    "name the `post` or `member` it gives them to".to_owned(),
                ),
            };
            let diagnostic = Diagnostic::new(Code::E0122, message)
                .at(*span, "the event")
                .note("an event that gives or takes away a role must tell the same history as the facts")
                .help(help);
            match fact {
                Some(fact) => diagnostic.also(*fact, "the fact it disagrees with"),
                None => diagnostic,
            }
        }
        CheckError::EventOrderLoop { events, span } => Diagnostic::new(
            Code::E0123,
            format!("these events each come after another: {}", events.join(" → ")),
        )
        .at(*span, "the `after` that closes the circle")
        .help("one of them must be the first: correct its `after`"),
        CheckError::WrongHolder {
            role,
            expected,
            found,
            span,
            role_span,
        } => {
            let diagnostic = Diagnostic::new(Code::E0203, format!("`{role}` is held by a {expected}, not a {found}"))
                .at(*span, format!("a {found} cannot hold `{role}`"));
            match role_span {
                Some(role_span) => diagnostic.also(*role_span, format!("declared `held_by {expected}`")),
                None => diagnostic,
            }
        }
        CheckError::UnusedVocabulary { what, name, span } => {
            Diagnostic::new(Code::W0001, format!("the {what} `{name}` is never used by a duty or question"))
                .at(*span, "declared here")
                .help("use it in a duty, or remove it")
        }
        CheckError::UnencodedParagraph { key, span } => {
            Diagnostic::new(Code::W0002, format!("paragraph `{key}` is not encoded by any duty or question"))
                .at(*span, "no duty or question cites this paragraph")
                .help("add a duty or question with `cites` naming it")
        }
        CheckError::HiddenCharacters {
            characters,
            span,
            in_string,
        } => {
            let named: Vec<String> = characters.iter().map(|c| phrases::hidden_character(*c)).collect();
            let (message, label) = if *in_string {
                (
                    format!("this text holds characters that act on a terminal or reorder text: {}", named.join(", ")),
                    "in this text",
                )
            } else {
                (
                    format!(
                        "this line holds characters that act on a terminal or reorder text, outside any string: {}",
                        named.join(", ")
                    ),
                    "on this line (in a comment, say)",
                )
            };
            Diagnostic::new(Code::W0014, message)
                .at(*span, label)
                .note("printed raw, a control character drives the terminal that shows it (ESC begins sequences that rewrite the screen, the window's title or the clipboard), and a bidirectional control makes the text after it read in another order than it is written")
                .note("dcsc shows each as `\\u{…}` in everything it writes, but an editor or another program may not")
                .help("remove them: retype the text, or paste it as plain text; a tab or a line break is fine")
        }
    }
}

/// The most diagnostics shown for one file. A file with more is one
/// mistake repeated, or not a dcsc file at all: thousands of snippets
/// would bury the first, which is the one to fix. Errors are shown before
/// warnings are, so a warning never hides an error; the rest are counted
/// in a last line, and the JSON output (`--format json`) lists them all.
pub const SHOWN_PER_FILE: usize = 100;

/// Renders diagnostics as text, with their source, as rustc does: at most
/// [`SHOWN_PER_FILE`] for each file, in the order found, then a line
/// counting those not shown.
pub fn render(sources: &SourceMap, diagnostics: &[Diagnostic], color: bool) -> String {
    let (shown, hidden) = within_cap(diagnostics);
    let labels = shown
        .iter()
        .flat_map(|diagnostic| diagnostic.primary.iter().chain(&diagnostic.secondary));
    let files = FileSet::of(sources, labels);
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    for diagnostic in shown {
        let converted = to_codespan(diagnostic, &files);
        if term::emit_to_write_style(&mut buffer, &config, &files, &converted).is_err() {
            // A span outside its file: say so plainly rather than lose the
            // message.
            let plain = cs::Diagnostic::new(converted.severity)
                .with_code(diagnostic.code.as_str())
                .with_message(visible::escape(&diagnostic.message))
                .with_notes(
                    diagnostic
                        .notes
                        .iter()
                        .map(|note| visible::escape(note).into_owned())
                        .collect(),
                );
            let _ = term::emit_to_write_style(&mut buffer, &config, &files, &plain);
        }
    }
    for untold in hidden {
        let file = untold.file.map(|file| visible::escape(sources.name(file)).into_owned());
        let counted = match (untold.errors, untold.warnings) {
            (errors, 0) => format!("{errors} more error(s)"),
            (0, warnings) => format!("{warnings} more warning(s)"),
            (errors, warnings) => format!("{errors} more error(s) and {warnings} more warning(s)"),
        };
        let message = match &file {
            Some(file) => format!("{counted} in `{file}` not shown"),
            None => format!("{counted} not shown"),
        };
        let note = cs::Diagnostic::new(cs::Severity::Note)
            .with_message(message)
            .with_notes(vec![format!(
                "dcsc shows at most {SHOWN_PER_FILE} diagnostics for each file, errors first; `--format json` lists them all"
            )]);
        let _ = term::emit_to_write_style(&mut buffer, &config, &files, &note);
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// How many diagnostics of one file were not shown.
#[derive(Debug, PartialEq, Eq)]
struct Untold {
    /// The file (of the primary label); `None` for diagnostics with no
    /// place.
    file: Option<FileId>,
    errors: usize,
    warnings: usize,
}

/// The diagnostics to show, in the order found, and what each file had
/// beyond [`SHOWN_PER_FILE`], in the order the files first appear. Each
/// file shows its first errors up to the cap, then its first warnings in
/// whatever room is left.
fn within_cap(diagnostics: &[Diagnostic]) -> (Vec<&Diagnostic>, Vec<Untold>) {
    let file_of = |diagnostic: &Diagnostic| diagnostic.primary.as_ref().map(|label| label.span.file);
    // Per file, in order of first appearance: (file, errors, warnings).
    let mut totals: Vec<(Option<FileId>, usize, usize)> = Vec::new();
    let mut index: BTreeMap<Option<FileId>, usize> = BTreeMap::new();
    for diagnostic in diagnostics {
        let key = file_of(diagnostic);
        let slot = *index.entry(key).or_insert_with(|| {
            totals.push((key, 0, 0));
            totals.len() - 1
        });
        if let Some(total) = totals.get_mut(slot) {
            match diagnostic.severity {
                Severity::Error => total.1 += 1,
                Severity::Warning => total.2 += 1,
            }
        }
    }
    // Room left for errors and warnings in each file.
    let mut room: Vec<(usize, usize)> = totals
        .iter()
        .map(|(_, errors, warnings)| {
            let errors_shown = (*errors).min(SHOWN_PER_FILE);
            (errors_shown, (*warnings).min(SHOWN_PER_FILE - errors_shown))
        })
        .collect();
    let untold = totals
        .iter()
        .zip(&room)
        .filter(|((_, errors, warnings), (errors_shown, warnings_shown))| {
            errors > errors_shown || warnings > warnings_shown
        })
        .map(|((file, errors, warnings), (errors_shown, warnings_shown))| Untold {
            file: *file,
            errors: errors - errors_shown,
            warnings: warnings - warnings_shown,
        })
        .collect();
    let shown = diagnostics
        .iter()
        .filter(|diagnostic| {
            let Some(left) = index.get(&file_of(diagnostic)).and_then(|slot| room.get_mut(*slot)) else {
                return true;
            };
            let left = match diagnostic.severity {
                Severity::Error => &mut left.0,
                Severity::Warning => &mut left.1,
            };
            if *left == 0 {
                return false;
            }
            *left -= 1;
            true
        })
        .collect();
    (shown, untold)
}

/// The source files that labels point into, each given to codespan once,
/// with its name and text made safe to print: hidden characters (see
/// [`crate::visible`]) are shown as `\u{…}`, and label spans are moved to
/// match. Only the files labels point into are built, so rendering is in
/// proportion to what is shown, however many files the run has read.
/// A snippet's lines are the shown text's, but every location printed
/// (`file:line:column`) is the source file's own.
struct FileSet<'s> {
    sources: &'s SourceMap,
    files: SimpleFiles<String, String>,
    shown: BTreeMap<FileId, ShownFile>,
    /// Each codespan id's file, in the order given.
    by_id: Vec<FileId>,
}

/// One file as given to codespan.
struct ShownFile {
    /// Its id in [`FileSet::files`].
    id: usize,
    /// Where each stretch of the source text starts in the shown text,
    /// in order: a hidden character is shown as `\u{…}`, and the middle of
    /// a very long line as one "…".
    stretches: Vec<Stretch>,
}

/// A stretch of a source text as shown.
#[derive(Clone, Copy)]
struct Stretch {
    /// Where it starts in the source text.
    source: usize,
    /// Where it starts in the shown text.
    shown: usize,
    /// Whether it is shown as written, byte for byte; otherwise every
    /// offset inside it is shown at its start (a hidden character, or an
    /// elided part of a long line).
    verbatim: bool,
}

/// A line longer than this many bytes is shown in part: a window around
/// each point a label starts or ends on it. A snippet of a 12 MB line
/// would otherwise be the whole 12 MB.
const LONG_LINE: usize = 400;

/// How many bytes either side of a label's start or end a long line keeps.
const WINDOW: usize = 60;

impl ShownFile {
    /// Where a byte offset of the shown text is in the source text.
    fn source_offset(&self, offset: usize) -> usize {
        let at = self.stretches.partition_point(|stretch| stretch.shown <= offset);
        match at.checked_sub(1).and_then(|index| self.stretches.get(index)) {
            Some(stretch) if stretch.verbatim => stretch.source + (offset - stretch.shown),
            Some(stretch) => stretch.source,
            None => offset,
        }
    }

    /// Where a byte offset of the source text is in the shown text.
    fn offset(&self, offset: usize) -> usize {
        let at = self.stretches.partition_point(|stretch| stretch.source <= offset);
        match at.checked_sub(1).and_then(|index| self.stretches.get(index)) {
            Some(stretch) if stretch.verbatim => stretch.shown + (offset - stretch.source),
            Some(stretch) => stretch.shown,
            None => offset,
        }
    }
}

/// The shown text of a file, built stretch by stretch.
struct Shown<'a> {
    source: &'a str,
    text: String,
    stretches: Vec<Stretch>,
}

impl Shown<'_> {
    fn stretch(&mut self, source: usize, verbatim: bool) {
        let shown = self.text.len();
        match self.stretches.last_mut() {
            // Two verbatim stretches in a row are one.
            Some(last) if verbatim && last.verbatim && last.shown + (source - last.source) == shown => {}
            Some(last) if last.source == source => {
                *last = Stretch {
                    source,
                    shown,
                    verbatim,
                }
            }
            _ => self.stretches.push(Stretch {
                source,
                shown,
                verbatim,
            }),
        }
    }

    /// Copies `from..to` of the source, each hidden character shown.
    fn keep(&mut self, from: usize, to: usize) {
        let Some(part) = self.source.get(from..to) else {
            return;
        };
        self.stretch(from, true);
        // Copied a run at a time between hidden characters (almost always
        // one run, the whole part), not a character at a time: that was a
        // tenth of a council's run once the guidance was no longer parsed.
        let mut copied = 0;
        for (index, c) in part.char_indices().filter(|(_, c)| visible::is_hidden(*c)) {
            self.text.push_str(part.get(copied..index).unwrap_or(""));
            self.stretch(from + index, false);
            self.text.push_str(&visible::shown(c));
            copied = index + c.len_utf8();
            self.stretch(from + copied, true);
        }
        self.text.push_str(part.get(copied..).unwrap_or(""));
    }

    /// Shows `from..to` of the source as one "…".
    fn elide(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        self.stretch(from, false);
        self.text.push('…');
        self.stretch(to, true);
    }

    /// One line (without its line break): whole if it is short, else the
    /// windows around `points` (the labels' ends on it), or its start if
    /// there are none.
    fn line(&mut self, start: usize, end: usize, points: &[usize]) {
        if end - start <= LONG_LINE {
            self.keep(start, end);
            return;
        }
        let boundary = |offset: usize, forward: bool| {
            let mut offset = offset.clamp(start, end);
            while !self.source.is_char_boundary(offset) {
                offset = if forward { offset + 1 } else { offset - 1 };
            }
            offset
        };
        let mut windows: Vec<(usize, usize)> = points
            .iter()
            .filter(|point| (start..=end).contains(*point))
            .map(|point| {
                (
                    boundary(point.saturating_sub(WINDOW), false),
                    boundary(point.saturating_add(WINDOW), true),
                )
            })
            .collect();
        if windows.is_empty() {
            windows.push((start, boundary(start + 2 * WINDOW, true)));
        }
        windows.sort_unstable();
        let mut position = start;
        for (from, to) in windows {
            let from = from.max(position);
            if to <= position {
                continue;
            }
            self.elide(position, from);
            self.keep(from, to);
            position = to;
        }
        self.elide(position, end);
    }
}

impl<'a> codespan_reporting::files::Files<'a> for FileSet<'_> {
    type FileId = usize;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<String, codespan_reporting::files::Error> {
        self.files.name(id)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, codespan_reporting::files::Error> {
        self.files.source(id)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, codespan_reporting::files::Error> {
        self.files.line_index(id, byte_index)
    }

    fn line_range(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        self.files.line_range(id, line_index)
    }

    /// The source file's own line and column, not the shown text's (which
    /// differ where a hidden character is escaped or a long line cut).
    fn location(
        &'a self,
        id: usize,
        byte_index: usize,
    ) -> Result<codespan_reporting::files::Location, codespan_reporting::files::Error> {
        let source = self
            .by_id
            .get(id)
            .and_then(|file| Some((self.shown.get(file)?, self.sources.get(*file)?)));
        let Some((shown, source)) = source else {
            return Err(codespan_reporting::files::Error::FileMissing);
        };
        let (line_number, column_number) = source.line_column(shown.source_offset(byte_index));
        Ok(codespan_reporting::files::Location {
            line_number,
            column_number,
        })
    }
}

impl<'s> FileSet<'s> {
    fn of<'l>(sources: &'s SourceMap, labels: impl IntoIterator<Item = &'l Label>) -> FileSet<'s> {
        let mut set = FileSet {
            sources,
            files: SimpleFiles::new(),
            shown: BTreeMap::new(),
            by_id: Vec::new(),
        };
        let mut points: BTreeMap<FileId, Vec<usize>> = BTreeMap::new();
        for label in labels {
            let range = label.span.range();
            points
                .entry(label.span.file)
                .or_default()
                .extend([range.start, range.end]);
        }
        for (file, mut points) in points {
            let Some(source) = sources.get(file) else {
                continue;
            };
            points.sort_unstable();
            let mut shown = Shown {
                source: &source.text,
                text: String::with_capacity(source.text.len()),
                stretches: Vec::new(),
            };
            let mut start = 0;
            for line in source.text.split_inclusive('\n') {
                let end = start + line.trim_end_matches('\n').len();
                let first = points.partition_point(|point| *point < start);
                let last = points.partition_point(|point| *point <= end);
                shown.line(start, end, points.get(first..last).unwrap_or(&[]));
                shown.keep(end, start + line.len());
                start += line.len();
            }
            let id = set.files.add(visible::escape(source.name()).into_owned(), shown.text);
            set.by_id.push(file);
            set.shown.insert(
                file,
                ShownFile {
                    id,
                    stretches: shown.stretches,
                },
            );
        }
        set
    }

    /// A label in codespan's terms, or `None` if its file is not known.
    fn label(&self, style: LabelStyle, label: &Label) -> Option<cs::Label<usize>> {
        let file = self.shown.get(&label.span.file)?;
        let range = label.span.range();
        Some(
            cs::Label::new(style, file.id, file.offset(range.start)..file.offset(range.end))
                .with_message(bounded(&visible::escape(&label.message))),
        )
    }

    /// How many files were given to codespan.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.shown.len()
    }
}

/// The most characters a message, label or note shows on a terminal.
const LONGEST_TEXT: usize = 1_000;

/// A message, label or note for a terminal, its middle elided if it is
/// longer than [`LONGEST_TEXT`]: words quoted from the file (a value run
/// on from a 12 MB string) must not print the whole file again.
fn bounded(text: &str) -> String {
    let count = text.chars().count();
    if count <= LONGEST_TEXT {
        return text.to_owned();
    }
    let head: String = text.chars().take(LONGEST_TEXT * 2 / 3).collect();
    let tail: String = text.chars().skip(count - LONGEST_TEXT / 4).collect();
    format!("{head}…{tail}")
}

fn to_codespan(diagnostic: &Diagnostic, files: &FileSet) -> cs::Diagnostic<usize> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let mut labels = Vec::new();
    labels.extend(
        diagnostic
            .primary
            .iter()
            .filter_map(|primary| files.label(LabelStyle::Primary, primary)),
    );
    labels.extend(
        diagnostic
            .secondary
            .iter()
            .filter_map(|secondary| files.label(LabelStyle::Secondary, secondary)),
    );
    let notes: Vec<String> = diagnostic
        .notes_and_help()
        .iter()
        .map(|line| bounded(&visible::escape(line)))
        .collect();
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(bounded(&visible::escape(&diagnostic.message)))
        .with_labels(labels)
        .with_notes(notes)
}

/// A diagnostic as JSON, for tools.
#[derive(Serialize)]
pub struct JsonDiagnostic {
    severity: Severity,
    code: &'static str,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    labels: Vec<JsonLabel>,
    notes: Vec<String>,
    help: Vec<String>,
}

#[derive(Serialize)]
struct JsonLabel {
    primary: bool,
    file: String,
    line: usize,
    column: usize,
    message: String,
}

/// Converts a diagnostic to its JSON form.
pub fn to_json(sources: &SourceMap, diagnostic: &Diagnostic) -> JsonDiagnostic {
    let json_label = |primary: bool, label: &Label| {
        let (line, column) = sources.line_column(label.span);
        JsonLabel {
            primary,
            file: sources.name(label.span.file).to_owned(),
            line,
            column,
            message: label.message.clone(),
        }
    };
    let location = diagnostic.primary.as_ref().map(|primary| {
        let (line, column) = sources.line_column(primary.span);
        (sources.name(primary.span.file).to_owned(), line, column)
    });
    JsonDiagnostic {
        severity: diagnostic.severity,
        code: diagnostic.code.as_str(),
        message: diagnostic.message.clone(),
        file: location.as_ref().map(|(file, _, _)| file.clone()),
        line: location.as_ref().map(|(_, line, _)| *line),
        column: location.as_ref().map(|(_, _, column)| *column),
        labels: diagnostic
            .primary
            .iter()
            .map(|label| json_label(true, label))
            .chain(diagnostic.secondary.iter().map(|label| json_label(false, label)))
            .collect(),
        notes: diagnostic.notes.clone(),
        help: diagnostic.help.clone(),
    }
}

/// Diagnostics as the JSON document `--format json` prints (schema
/// `docs/diagnostics-output.schema.json`), ending in a newline: those of
/// each run in turn, each with the sources its spans point into.
pub fn json_document(runs: &[(&SourceMap, &[Diagnostic])]) -> String {
    let diagnostics: Vec<JsonDiagnostic> = runs
        .iter()
        .flat_map(|(sources, diagnostics)| diagnostics.iter().map(|diagnostic| to_json(sources, diagnostic)))
        .collect();
    let value = serde_json::json!({ "schema_version": 1, "diagnostics": diagnostics });
    format!("{}\n", visible::json(&value))
}

/// A snippet of an arrangement file with labels, for the facts an
/// explanation quotes.
pub struct Snippet {
    /// The headline.
    pub headline: String,
    /// A short tag shown in brackets after the severity word.
    pub tag: String,
    /// Whether this needs action (drawn as a warning) or not (a note).
    pub needs_action: bool,
    /// Whether it is a breach (drawn as an error).
    pub breach: bool,
    /// The labelled facts.
    pub labels: Vec<Label>,
    /// Lines under the snippet.
    pub notes: Vec<String>,
}

/// Renders explanation snippets through the same renderer as diagnostics,
/// so facts are shown with their source lines. Only the files the
/// snippets point into are given to the renderer, and everything printed
/// from a file has its hidden characters shown (see [`crate::visible`]).
pub fn render_snippets(sources: &SourceMap, snippets: &[Snippet], color: bool) -> String {
    let files = FileSet::of(sources, snippets.iter().flat_map(|snippet| &snippet.labels));
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    for snippet in snippets {
        let severity = if snippet.breach {
            cs::Severity::Error
        } else if snippet.needs_action {
            cs::Severity::Warning
        } else {
            cs::Severity::Note
        };
        let labels = snippet
            .labels
            .iter()
            .enumerate()
            .filter_map(|(index, label)| {
                let style = if index == 0 {
                    LabelStyle::Primary
                } else {
                    LabelStyle::Secondary
                };
                files.label(style, label)
            })
            .collect();
        let headline = visible::escape(&snippet.headline).into_owned();
        let tag = visible::escape(&snippet.tag).into_owned();
        let notes: Vec<String> = snippet
            .notes
            .iter()
            .map(|note| visible::escape(note).into_owned())
            .collect();
        let diagnostic = cs::Diagnostic::new(severity)
            .with_code(tag.clone())
            .with_message(headline.clone())
            .with_labels(labels)
            .with_notes(notes.clone());
        if term::emit_to_write_style(&mut buffer, &config, &files, &diagnostic).is_err() {
            let plain = cs::Diagnostic::new(severity)
                .with_code(tag)
                .with_message(headline)
                .with_notes(notes);
            let _ = term::emit_to_write_style(&mut buffer, &config, &files, &plain);
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Origin;

    fn many_files(count: usize) -> SourceMap {
        let mut sources = SourceMap::new();
        for index in 0..count {
            sources.add(
                Origin::Path(format!("council_{index}.dcs")),
                "post a {\n  title \"A\"\n}\n",
            );
        }
        sources
    }

    fn snippet(file: u32) -> Snippet {
        Snippet {
            headline: "headline".to_owned(),
            tag: "pass".to_owned(),
            needs_action: false,
            breach: false,
            labels: vec![Label {
                span: Span::new(FileId(file), 12, 15),
                message: "here".to_owned(),
            }],
            notes: Vec::new(),
        }
    }

    #[test]
    fn only_the_files_labels_point_into_are_given_to_the_renderer() {
        let sources = many_files(1000);
        let snippets = [snippet(7), snippet(7), snippet(900)];
        let files = FileSet::of(&sources, snippets.iter().flat_map(|snippet| &snippet.labels));
        assert_eq!(files.len(), 2);
        let shown = render_snippets(&sources, &snippets, false);
        assert!(shown.contains("council_7.dcs:2:4"), "{shown}");
        assert!(shown.contains("council_900.dcs:2:4"), "{shown}");
        assert!(!shown.contains("council_8.dcs"), "{shown}");
    }

    #[test]
    fn hidden_characters_in_a_source_are_shown_and_labels_still_fit() {
        let mut sources = SourceMap::new();
        let text = "post a {\n  title \"\u{1b}]52;c;aGk=\u{7}\u{202e}Chief\"\n}\n";
        sources.add(Origin::Path("odd\u{1b}[2J.dcs".to_owned()), text);
        let start = text.find("Chief").unwrap();
        let label = Label {
            span: Span::new(FileId(0), start, start + 5),
            message: "the \u{202e}word".to_owned(),
        };
        let snippet = Snippet {
            labels: vec![label],
            headline: "a \u{7} bell".to_owned(),
            notes: vec!["note \u{9b}31m".to_owned()],
            ..snippet(0)
        };
        for color in [false, true] {
            let shown = render_snippets(&sources, std::slice::from_ref(&snippet), color);
            let without_colour: String = if color {
                // The only escapes left are the renderer's own colours.
                let mut plain = String::new();
                let mut rest = shown.as_str();
                while let Some(at) = rest.find('\u{1b}') {
                    plain.push_str(&rest[..at]);
                    let after = &rest[at + 1..];
                    assert!(after.starts_with('['), "a raw escape that is not a colour: {shown:?}");
                    let end = after.find('m').expect("a colour ends with m");
                    assert!(
                        after[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
                        "{shown:?}"
                    );
                    rest = &after[end + 1..];
                }
                plain.push_str(rest);
                plain
            } else {
                shown.clone()
            };
            assert!(!without_colour.chars().any(crate::visible::is_hidden), "{shown:?}");
            assert!(without_colour.contains("odd\\u{1b}[2J.dcs:2:"), "{without_colour}");
            assert!(
                without_colour.contains("title \"\\u{1b}]52;c;aGk=\\u{7}\\u{202e}Chief\""),
                "{without_colour}"
            );
            assert!(without_colour.contains("the \\u{202e}word"), "{without_colour}");
            assert!(without_colour.contains("a \\u{7} bell"), "{without_colour}");
            assert!(without_colour.contains("note \\u{9b}31m"), "{without_colour}");
            if !color {
                // The carets are under the word, in the shown text.
                let lines: Vec<&str> = without_colour.lines().collect();
                let source = lines.iter().position(|line| line.contains("Chief\"")).unwrap();
                let column = lines[source].find("Chief").unwrap();
                let carets = lines[source + 1];
                assert_eq!(carets.find('^'), Some(column), "{without_colour}");
                assert_eq!(carets.matches('^').count(), 5, "{without_colour}");
            }
        }
    }

    fn problem(file: u32, code: Code) -> Diagnostic {
        Diagnostic::new(code, "a problem").at(Span::new(FileId(file), 0, 4), "here")
    }

    #[test]
    fn each_file_shows_at_most_its_share_and_errors_before_warnings() {
        let sources = many_files(3);
        let mut diagnostics: Vec<Diagnostic> = (0..150).map(|_| problem(0, Code::W0001)).collect();
        diagnostics.extend((0..120).map(|_| problem(0, Code::E0101)));
        diagnostics.extend((0..3).map(|_| problem(1, Code::E0101)));
        let (shown, untold) = within_cap(&diagnostics);
        let errors = |file: u32| {
            shown
                .iter()
                .filter(|d| d.severity == Severity::Error && d.primary.as_ref().unwrap().span.file == FileId(file))
                .count()
        };
        assert_eq!(errors(0), SHOWN_PER_FILE);
        assert_eq!(errors(1), 3);
        assert_eq!(shown.len(), SHOWN_PER_FILE + 3);
        assert_eq!(
            untold,
            vec![Untold {
                file: Some(FileId(0)),
                errors: 20,
                warnings: 150
            }]
        );
        let text = render(&sources, &diagnostics, false);
        assert_eq!(text.matches("error[E0101]").count(), SHOWN_PER_FILE + 3);
        assert!(!text.contains("warning[W0001]"));
        assert!(
            text.contains("note: 20 more error(s) and 150 more warning(s) in `council_0.dcs` not shown"),
            "{text}"
        );
        // Under the cap, warnings are shown too, in the order found.
        let few: Vec<Diagnostic> = vec![problem(2, Code::W0001), problem(2, Code::E0101)];
        let (shown, untold) = within_cap(&few);
        assert_eq!(shown.len(), 2);
        assert_eq!(shown[0].code, Code::W0001);
        assert!(untold.is_empty());
    }
}
