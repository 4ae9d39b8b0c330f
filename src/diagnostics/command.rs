//! The diagnostics for problems with the command itself, not with a
//! file: a command line clap refuses, nothing to verify or explain, and
//! output that cannot be written.

use super::{Code, Diagnostic};
use crate::command::{CommandError, DiffProblem};
use crate::source::Span;

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
        CommandError::SeveralCouncils {
            command,
            given,
            councils,
        } => several_councils(command, *given, councils),
        CommandError::NothingToExplain { topic, suggestion } => Diagnostic::new(
            Code::E0304,
            format!("`{topic}` is not a diagnostic code, nor a duty, law, paragraph, edition or name of the guidance"),
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
        CommandError::NoTests { searched, filter: None } => Diagnostic::new(
            Code::E0307,
            format!("no tests in {}", searched.join(", ")),
        )
        .note("a test is an item `test NAME { … }` in a `.dcs` file; folders are searched for files that hold one")
        .help("name the test files or folders, like `dcsc test policies/tests`"),
        CommandError::NoTests {
            searched,
            filter: Some(filter),
        } => Diagnostic::new(
            Code::E0307,
            format!("no test whose name holds `{filter}` in {}", searched.join(", ")),
        )
        .note("`--filter` runs the tests whose names hold the text given")
        .help("`dcsc test` without `--filter` lists every test it runs by name"),
        CommandError::FilesAndFolders => Diagnostic::new(
            Code::E0306,
            "standard input or a FIFO cannot be verified with folders of councils",
        )
        .note("the councils of folders are each read twice, once to check every council and again to verify each, and standard input or a FIFO can be read only once")
        .help("save the input to a file and give that, or give it in a run of its own"),
        CommandError::NotInput { paths } => match paths.as_slice() {
            [one] => Diagnostic::new(Code::W0019, format!("`{one}` is not dcsc input, so it was passed over")),
            several => Diagnostic::new(
                Code::W0019,
                format!("{} files are not dcsc input, so they were passed over", several.len()),
            )
            .note(format!(
                "passed over: {}",
                several.iter().map(|path| format!("`{path}`")).collect::<Vec<_>>().join(", ")
            )),
        }
        .note("dcsc reads .dcs files and JSON arrangements (a top-level `\"arrangements\"`); other files, and JSON it wrote itself, are not councils")
        .help("move saved outputs and notes out of the councils' folders to silence this"),
        CommandError::NotTests { paths } => not_tests(paths),
        CommandError::NotACouncil { path } => Diagnostic::new(
            Code::W0015,
            format!("`{path}` holds no council's arrangements, so it is not verified"),
        )
        .note("in a folder of councils, each .dcs or .json file and each sub-folder is one council; a local policy goes in the folder of the council that answers to it")
        .help("move it into its council's folder, give guidance with `--policy`, or remove it"),
        CommandError::CannotServe { reason } => cannot_serve(reason),
        CommandError::CannotRender { format, reason } => Diagnostic::new(
            Code::E0099,
            format!("internal error: the {format} could not be written: {reason}"),
        )
        .note("this is a bug in dcsc, not in your file; please report it with the file"),
    }
}

/// How many councils [`several_councils`] names before it counts the rest.
const COUNCILS_NAMED: usize = 5;

/// E0303: a report, chart or timeline (`command`) asked of `given`
/// councils, naming the first few (`councils`) and counting the rest, so
/// that a folder of thousands is one short message.
fn several_councils(command: &str, given: usize, councils: &[String]) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Code::E0303,
        format!("a report, chart or timeline is of one council's arrangements, and {given} were given"),
    );
    let diagnostic = match councils {
        [] => diagnostic,
        named => {
            let mut listed: Vec<String> = named
                .iter()
                .take(COUNCILS_NAMED)
                .map(|council| format!("`{council}`"))
                .collect();
            if named.len() > COUNCILS_NAMED {
                listed.push(format!("and {} more", named.len() - COUNCILS_NAMED));
            }
            diagnostic
                .note(format!("the councils: {}", listed.join(", ")))
                .note("`dcsc verify` with `--summary` writes one table of every council")
        }
    };
    let example = councils
        .first()
        .map_or_else(String::new, |council| format!(": `dcsc {command} {council} …`"));
    diagnostic.help(format!(
        "run `dcsc {command}` once for each council, naming its file or folder{example}"
    ))
}

/// The diagnostic for a file given as guidance (`--policy`) that is a
/// council's: its header, at `span`, is `keyword`.
pub fn not_guidance(span: Span, keyword: &str) -> Diagnostic {
    Diagnostic::new(Code::E0309, "this file was given as guidance, but it is not guidance")
        .at(span, format!("an `{keyword}` file"))
        .note("a file given with `--policy` is read as the guidance to verify against; nothing was verified")
        .help("give guidance or a local policy with `--policy`, and a council's files without it")
}

/// The diagnostic for an output file that could not be written.
pub fn unwritable(path: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(Code::E0015, format!("cannot write `{path}`: {reason}"))
        .note("nothing was written; an existing file of that name is unchanged")
        .help("name a file in a folder that exists and that you may write to")
}

/// The warning for a file replaced by rename that had `others` other
/// names (hard links): they keep the old text.
pub fn other_links_kept_old(path: &str, others: u64) -> Diagnostic {
    Diagnostic::new(
        Code::W0018,
        format!("`{path}` was replaced, but its {others} other hard link(s) still hold the old text"),
    )
    .note("the file is written whole and renamed over the old one, so the names it shared with it no longer share it")
    .help("link the other names again (`ln -f`), or use symbolic links, which dcsc follows")
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

/// The diagnostic for verdicts held back until every council had checked
/// (in a temporary file) that could not be read back to be written.
pub fn held_output_unreadable(reason: &str) -> Diagnostic {
    Diagnostic::new(
        Code::E0018,
        format!("cannot write standard output: the verdicts held until every council checked could not be read back: {reason}"),
    )
    .note("the output is incomplete")
    .help("make room in the temporary folder (`TMPDIR`), or verify fewer councils at a time")
}

fn cannot_serve(reason: &str) -> Diagnostic {
    Diagnostic::new(Code::E0308, format!("cannot serve: {reason}"))
        .note("the server did not start, and nothing was read or written")
        .help("give folders or files of councils that exist, and a port that is free (`--port 0` picks one)")
}

/// The one warning for the files holding tests that a folder's search
/// passed over as they ask (W0023).
fn not_tests(paths: &[String]) -> Diagnostic {
    match paths {
        [one] => Diagnostic::new(
            Code::W0023,
            format!("`{one}` says it is not a test file, so its tests were not run"),
        ),
        several => Diagnostic::new(
            Code::W0023,
            format!("{} files say they are not test files, so their tests were not run", several.len()),
        )
        .note(format!(
            "passed over: {}",
            several.iter().map(|path| format!("`{path}`")).collect::<Vec<_>>().join(", ")
        )),
    }
    .note("a file holding `test` items with a line `// dcsc test: skip` is passed over when a folder is searched for tests, and read when it is named")
    .help("name the file to run its tests; remove the line to run them with the folder's")
}
