//! `dcsc fmt` changes layout and nothing else. Over every `.dcs` file the
//! project ships or tests with, the same files with their white space
//! scrambled, and hundreds of mangled variants: formatting twice gives what
//! formatting once gave, every comment survives byte for byte, and what
//! dcsc concludes (diagnostics, and every verdict as JSON, bar lines and
//! columns) is what it concluded from the file as written. The command
//! itself: `--check`, standard input, folders, files that do not parse,
//! JSON files, line endings.

use std::path::Path;

use dcsc::date::PartialDate;
use dcsc::source::{Origin, SourceMap};
use dcsc::syntax::format::{format, FormatError};
use dcsc::Workspace;

// The fuzz targets' scanner of comments: a scanner of the tests' own, so
// the formatter is not checked by itself.
use crate::properties::comments;
use crate::support::{dcsc_in, files_under, mutations, root, stderr, stdout, Run};

/// The name and text of every `.dcs` file shipped or tested with (the
/// fixture that is not UTF-8 has nothing to format).
fn shipped_and_fixture_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for folder in ["examples", "policies", "tests/fixtures"] {
        files.extend(files_under(Path::new(folder), &["dcs"]));
    }
    assert!(files.len() > 60, "expected the fixtures, found {}", files.len());
    files
        .into_iter()
        .filter_map(|path| Some((path.display().to_string(), std::fs::read_to_string(&path).ok()?)))
        .collect()
}

/// The formatted text, or `None` if the text does not parse.
fn formatted(name: &str, text: &str) -> Option<String> {
    let mut sources = SourceMap::new();
    let id = sources.add(Origin::Path(name.to_owned()), text);
    match format(id, sources.get(id).unwrap()) {
        Ok(out) => Some(out),
        Err(FormatError::Syntax(_)) => None,
        Err(FormatError::WouldChangeMeaning) => panic!("{name}: the formatter's own check refused its layout:\n{text}"),
    }
}

/// JSON with every line and column taken out: what a verdict says, not
/// where its facts are.
fn without_positions(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|key, _| !matches!(key.as_str(), "line" | "column" | "end_line" | "end_column"));
            map.values_mut().for_each(without_positions);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_positions),
        _ => {}
    }
}

/// What dcsc concludes from one file on its own: its diagnostics (code
/// and headline) and, where it verifies, every council's verdicts as at a
/// few dates. Left out: warnings about characters that act on a terminal
/// outside strings (W0014), which formatting may remove (a stray carriage
/// return is white space to the grammar); `hidden_characters` counts them.
fn conclusions(name: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for date in ["2012-06-30", "2016-06-30", "2020-02-06", "2026-12-01"] {
        let mut workspace = Workspace::new();
        workspace.add_text(name, text);
        let verified = workspace.verify(PartialDate::parse(date).unwrap().last_day());
        out.extend(
            workspace
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.code.as_str() != "W0014")
                .map(|diagnostic| format!("{date} {} {}", diagnostic.code.as_str(), diagnostic.message)),
        );
        if let Some(verified) = verified {
            for report in verified.assessments(&workspace.sources) {
                let mut value = dcsc::render::json::to_value(&report);
                without_positions(&mut value);
                out.push(format!("{date} {value}"));
            }
        }
    }
    out
}

/// How many W0014 warnings (characters that act on a terminal, outside
/// strings) one file gets.
fn hidden_characters(name: &str, text: &str) -> usize {
    let mut workspace = Workspace::new();
    workspace.add_text(name, text);
    workspace.check();
    workspace
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code.as_str() == "W0014")
        .count()
}

/// A text without its strings, which the formatter keeps byte for byte,
/// blank lines inside them included.
fn outside_strings(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for character in text.chars() {
        if in_string {
            in_string = character != '"' || escaped;
            escaped = character == '\\' && !escaped;
        } else if character == '"' {
            in_string = true;
            escaped = false;
        } else {
            kept.push(character);
        }
    }
    kept
}

/// The promises, for one text that parses.
fn assert_layout_only(name: &str, text: &str, once: &str) {
    let twice = formatted(name, once).unwrap_or_else(|| panic!("{name}: the formatted text does not parse:\n{once}"));
    assert_eq!(once, twice, "{name}: formatting is not idempotent");
    assert_eq!(comments(text), comments(once), "{name}: a comment was changed or lost");
    assert!(once.is_empty() || once.ends_with('\n'), "{name}: no final newline");
    assert!(
        !outside_strings(once).contains("\n\n\n"),
        "{name}: more than one blank line in a row"
    );
    assert!(
        hidden_characters(name, once) <= hidden_characters(name, text),
        "{name}: formatting added a character that acts on a terminal"
    );
}

#[test]
fn every_file_formats_to_the_same_meaning() {
    let mut parsed = 0;
    for (name, text) in shipped_and_fixture_files() {
        let Some(once) = formatted(&name, &text) else {
            continue;
        };
        parsed += 1;
        assert_layout_only(&name, &text, &once);
        assert_eq!(
            conclusions(&name, &text),
            conclusions(&name, &once),
            "{name}: formatting changed what dcsc concludes"
        );
    }
    // The fixtures of syntax errors do not parse; nearly everything else
    // must, or this test is testing little.
    assert!(parsed > 45, "only {parsed} files parsed");
}

/// The text with every run of white space outside strings and comments
/// replaced, in turn, by other white space: a line break becomes several,
/// or a break among spaces and tabs; a space becomes several, or tabs. (A
/// space never becomes a line break: a line may not start with `from` or
/// `until`, so where lines break is part of the language.) A line comment
/// still ends at a line break.
fn scrambled(text: &str, seed: usize) -> String {
    const SPACES: [&str; 4] = ["   ", "\t", "  ", " \t "];
    const BREAKS: [&str; 4] = ["\n\n\n\n", "\n\t", " \n   ", "\n"];
    let mut out = String::new();
    let mut characters = text.chars().peekable();
    let mut run = 0;
    let mut in_line_comment = false;
    while let Some(character) = characters.next() {
        if in_line_comment {
            out.push(character);
            in_line_comment = character != '\n';
            continue;
        }
        match character {
            ' ' | '\t' | '\n' => {
                let mut breaks = character == '\n';
                while let Some(&next) = characters.peek() {
                    if !matches!(next, ' ' | '\t' | '\n') {
                        break;
                    }
                    breaks |= next == '\n';
                    characters.next();
                }
                run += 1;
                let choice = (run + seed) % 4;
                out.push_str(if breaks { BREAKS[choice] } else { SPACES[choice] });
            }
            '"' => {
                out.push('"');
                let mut escaped = false;
                for inner in characters.by_ref() {
                    out.push(inner);
                    if inner == '"' && !escaped {
                        break;
                    }
                    escaped = inner == '\\' && !escaped;
                }
            }
            '/' if characters.peek() == Some(&'/') => {
                out.push('/');
                in_line_comment = true;
            }
            '/' if characters.peek() == Some(&'*') => {
                out.push('/');
                let mut previous = '/';
                for inner in characters.by_ref() {
                    out.push(inner);
                    if previous == '*' && inner == '/' {
                        break;
                    }
                    previous = inner;
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[test]
fn scrambled_white_space_formats_to_the_same_meaning() {
    for (name, text) in shipped_and_fixture_files() {
        if formatted(&name, &text).is_none() {
            continue;
        }
        for seed in 0..2 {
            let messy = scrambled(&text, seed);
            let once = formatted(&name, &messy)
                .unwrap_or_else(|| panic!("{name}: scrambling white space broke the parse:\n{messy}"));
            assert_layout_only(&name, &messy, &once);
            assert_eq!(
                conclusions(&name, &text),
                conclusions(&name, &once),
                "{name} (scrambled {seed}): formatting changed what dcsc concludes"
            );
        }
    }
}

#[test]
fn mangled_files_format_or_are_refused_never_broken() {
    for path in ["examples/coventry.dcs", "tests/fixtures/diagnostics/E0106.dcs"] {
        let text = std::fs::read_to_string(path).unwrap();
        for (index, mangled) in mutations(&text, 150).into_iter().enumerate() {
            let name = format!("{path}#{index}");
            if let Some(once) = formatted(&name, &mangled) {
                assert_layout_only(&name, &mangled, &once);
            }
        }
    }
}

#[test]
fn the_layout_is_canonical() {
    let messy = "// Guidance of a test.\nrole   DCS{title \"Director\"   statutory  yes}\n\n\n\nrole LMCS {\n      title \"Lead Member\" // who\n\n\n  statutory yes\n}\n";
    let once = formatted("messy.dcs", messy).unwrap();
    assert_eq!(
        once,
        "// Guidance of a test.\nrole DCS { title \"Director\"  statutory yes }\n\nrole LMCS {\n  title \"Lead Member\"  // who\n\n  statutory yes\n}\n"
    );
}

#[test]
fn evidence_is_aligned_within_a_block_and_kept_below_a_long_field() {
    let text = "post director {\n  title \"Director\"\n  holds DCS per paper \"1\"\n  report_to chief_executive    per paper \"2\"\n  member_of a_very_long_name_of_a_board_that_will_not_fit\n      per paper \"3\"\n}\n";
    let once = formatted("post.dcs", text).unwrap();
    assert_eq!(
        once,
        "post director {\n  title \"Director\"\n  holds DCS                 per paper \"1\"\n  report_to chief_executive per paper \"2\"\n  member_of a_very_long_name_of_a_board_that_will_not_fit\n                            per paper \"3\"\n}\n"
    );
}

#[test]
fn a_comment_inside_a_head_or_an_entry_is_kept_as_written() {
    let text = "post /* the DCS */ director {\n  title \"Director\"\n}\nmember lead {\n  holds /* by office */   LMCS\n    title \"Lead\"\n}\n";
    let once = formatted("comments.dcs", text).unwrap();
    assert_eq!(
        once,
        "post /* the DCS */ director {\n  title \"Director\"\n}\nmember lead {\n  holds /* by office */   LMCS\n  title \"Lead\"\n}\n"
    );
}

#[test]
fn strings_over_several_lines_are_untouched() {
    let text = "paragraph 9 {\n    text   \"first line\n      second line   \"\n}\n";
    let once = formatted("strings.dcs", text).unwrap();
    assert_eq!(once, "paragraph 9 {\n  text \"first line\n      second line   \"\n}\n");
}

// ------------------------------------------------------------ the command

const MESSY: &str = "role DCS {\n      title \"Director\"\n}\n";
const TIDY: &str = "role DCS {\n  title \"Director\"\n}\n";

#[test]
fn the_shipped_files_are_formatted() {
    let root = root();
    let output = dcsc_in(root, &["fmt", "--check", "examples", "policies"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "run `cargo run -- fmt examples policies`:\n{}",
        stdout(&output)
    );
    assert!(
        stderr(&output).starts_with("would reformat 0 of "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_shows_the_change_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("messy.dcs"), MESSY).unwrap();
    std::fs::write(folder.path().join("tidy.dcs"), TIDY).unwrap();
    let output = dcsc_in(folder.path(), &["fmt", "--check", "messy.dcs", "tidy.dcs"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "--- messy.dcs\n+++ messy.dcs (formatted)\n@@ -1,3 +1,3 @@\n role DCS {\n-      title \"Director\"\n+  title \"Director\"\n }\n"
    );
    assert_eq!(stderr(&output), "would reformat 1 of 2 file(s)\n");
    assert_eq!(std::fs::read_to_string(folder.path().join("messy.dcs")).unwrap(), MESSY);
}

#[test]
fn formatting_rewrites_files_and_folders_keeping_json_as_it_is() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("council")).unwrap();
    std::fs::write(folder.path().join("council/a.dcs"), MESSY).unwrap();
    std::fs::write(folder.path().join("council/b.dcs"), TIDY).unwrap();
    std::fs::write(folder.path().join("council/notes.txt"), MESSY).unwrap();
    std::fs::write(folder.path().join("c.json"), "{ }").unwrap();
    // CRLF line endings and a byte order mark are written away.
    std::fs::write(
        folder.path().join("d.dcs"),
        format!("\u{feff}{}", TIDY.replace('\n', "\r\n")),
    )
    .unwrap();
    let output = dcsc_in(folder.path(), &["fmt", "council", "c.json", "d.dcs"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "reformatted 2 of 3 file(s); skipped 1 JSON file(s)\n");
    assert_eq!(
        std::fs::read_to_string(folder.path().join("council/a.dcs")).unwrap(),
        TIDY
    );
    assert_eq!(
        std::fs::read_to_string(folder.path().join("council/b.dcs")).unwrap(),
        TIDY
    );
    assert_eq!(
        std::fs::read_to_string(folder.path().join("council/notes.txt")).unwrap(),
        MESSY
    );
    assert_eq!(std::fs::read_to_string(folder.path().join("c.json")).unwrap(), "{ }");
    assert_eq!(std::fs::read_to_string(folder.path().join("d.dcs")).unwrap(), TIDY);
    let again = dcsc_in(folder.path(), &["fmt", "--check", "."]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
}

#[test]
fn standard_input_is_formatted_to_standard_output() {
    let folder = tempfile::tempdir().unwrap();
    let output = Run::new(&["fmt", "-"])
        .in_folder(folder.path())
        .with_stdin(MESSY.as_bytes())
        .output();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), TIDY);
    assert_eq!(stderr(&output), "");
    let checked = Run::new(&["fmt", "--check", "-"])
        .in_folder(folder.path())
        .with_stdin(MESSY.as_bytes())
        .output();
    assert_eq!(checked.status.code(), Some(1));
    assert!(stdout(&checked).starts_with("--- <stdin>\n"));
}

#[test]
fn a_file_that_does_not_parse_is_left_alone_with_its_diagnostic() {
    let folder = tempfile::tempdir().unwrap();
    let broken = "role DCS {\n      title \"Director\"\n\nrole LMCS { title \"Lead\" }\n";
    std::fs::write(folder.path().join("broken.dcs"), broken).unwrap();
    std::fs::write(folder.path().join("messy.dcs"), MESSY).unwrap();
    let output = dcsc_in(folder.path(), &["fmt", "broken.dcs", "messy.dcs", "missing.dcs"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr(&output);
    assert!(stderr.contains("error[E0001]"), "{stderr}");
    assert!(stderr.contains("broken.dcs:"), "{stderr}");
    assert!(stderr.contains("cannot read `missing.dcs`: no such file"), "{stderr}");
    assert!(
        stderr.ends_with("reformatted 1 of 3 file(s); 2 could not be formatted\n"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(folder.path().join("broken.dcs")).unwrap(),
        broken
    );
    // The files that could be formatted still were.
    assert_eq!(std::fs::read_to_string(folder.path().join("messy.dcs")).unwrap(), TIDY);
}

// ------------------------------------------------- what the sweep found

#[test]
fn a_parenthesised_predicate_is_formatted() {
    let text = "duty council.x {\n  title \"x\"\n  at least one body must   (be a local_safeguarding_children_board or be a health_and_wellbeing_board)\n  when the council (uses committee_system)\n}\n";
    let once = formatted("paren.dcs", text).unwrap();
    assert_eq!(
        once,
        "duty council.x {\n  title \"x\"\n  at least one body must (be a local_safeguarding_children_board or be a health_and_wellbeing_board)\n  when the council (uses committee_system)\n}\n"
    );
    assert_layout_only("paren.dcs", text, &once);
}

#[test]
fn the_star_that_opens_a_comment_does_not_close_it() {
    // The fuzzer's 15 bytes: `/*/"*/` is one comment holding `/"`.
    let text = "post p {/*/\"*/}";
    let once = formatted("fuzz.dcs", text).unwrap();
    assert_eq!(once, "post p {\n  /*/\"*/\n}\n");
    assert_layout_only("fuzz.dcs", text, &once);
}

/// A small deterministic generator (xorshift), so the property test needs
/// no dependency and fails the same way every time.
struct Generator(u64);

impl Generator {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }

    fn pick<'a>(&mut self, choices: &[&'a str]) -> &'a str {
        choices[self.below(choices.len())]
    }

    /// White space, sometimes with a comment, between two tokens.
    fn gap(&mut self) -> &'static str {
        self.pick(&[" ", " ", " ", "  ", "\n      ", " /* c */ ", "\t"])
    }

    /// A predicate of the grammar: every kind of atom, `and`, `or`, `not`
    /// and parentheses, nested up to `depth`.
    fn predicate(&mut self, depth: usize) -> String {
        let atoms = [
            "hold DASS",
            "holds DCS, DASS",
            "responsible_for education, childrens_social_care",
            "responsible_for only education",
            "be politically_restricted",
            "is a health_and_wellbeing_board",
            "have tier 1",
            "has tier <= 1",
            "has title \"Director\"",
            "report_to ChiefExecutive",
            "member_of a safeguarding_partnership",
            "review after each change of DCS within 12 months",
            "review after each change of DCS allowing 6 months",
            "review after each extension of DCS",
            "review every 12 months",
            "uses committee_system",
            "considers committee_system",
        ];
        let choice = if depth == 0 { 0 } else { self.below(5) };
        match choice {
            0 | 1 => self.pick(&atoms).to_owned(),
            2 => format!("not{}{}", self.gap(), self.predicate(depth - 1)),
            3 => {
                let (left, gap, right) = (self.predicate(depth - 1), self.gap(), self.predicate(depth - 1));
                let joiner = self.pick(&["and", "or"]);
                format!("{left}{gap}{joiner} {right}")
            }
            _ => {
                let (open, inner, close) = (
                    self.pick(&["(", "( ", "(\n  "]),
                    self.predicate(depth - 1),
                    self.pick(&[")", " )", "\n)"]),
                );
                format!("{open}{inner}{close}")
            }
        }
    }
}

#[test]
fn every_predicate_the_grammar_accepts_is_formatted() {
    let mut generator = Generator(0x9e37_79b9_7f4a_7c15);
    for case in 0..400 {
        let subject = generator.pick(&[
            "DCS",
            "the council",
            "each post holding DCS",
            "at least one body",
            "no member",
        ]);
        let modality = generator.pick(&["must", "must not", "should", "may"]);
        let rule = generator.predicate(4);
        let condition = generator.predicate(3);
        let gap = generator.gap();
        let text = format!(
            "duty d.{case} {{\n  title \"t\"\n  {subject} {modality}{gap}{rule}\n  unless DCS {condition}\n}}\nduty e.{case} {{ when the council {condition}  DCS must {rule} }}\n"
        );
        let name = format!("generated-{case}.dcs");
        let once =
            formatted(&name, &text).unwrap_or_else(|| panic!("{name}: the generated text does not parse:\n{text}"));
        assert_layout_only(&name, &text, &once);
    }
}

#[test]
fn check_shows_control_characters_escaped() {
    let folder = tempfile::tempdir().unwrap();
    // OSC 52 (a clipboard write), CSI 2J (clear the screen) and a
    // right-to-left override, in a string and a comment.
    let text = "role DCS {\n      title \"\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\"\n  // \u{202e}reversed\n}\n";
    std::fs::write(folder.path().join("hostile.dcs"), text).unwrap();
    let output = dcsc_in(folder.path(), &["fmt", "--check", "hostile.dcs"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let shown = stdout(&output);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
    assert!(shown.contains("\\u{1b}]52;c;aGk=\\u{7}\\u{1b}[2J"), "{shown}");
    assert!(shown.contains("\\u{202e}reversed"), "{shown}");
}

#[test]
fn old_mac_line_endings_are_line_breaks() {
    let folder = tempfile::tempdir().unwrap();
    // A line comment ends at a lone CR as at LF: the role after it is read.
    std::fs::write(
        folder.path().join("mac.dcs"),
        "// who\rrole DCS {\r      title \"Director\"\r}\r",
    )
    .unwrap();
    let output = dcsc_in(folder.path(), &["fmt", "mac.dcs"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(folder.path().join("mac.dcs")).unwrap(),
        format!("// who\n{TIDY}")
    );
    // Diagnostics count the lines as the editor does.
    std::fs::write(folder.path().join("broken.dcs"), "role DCS {\r  title \"D\"\r  !!\r}\r").unwrap();
    let checked = dcsc_in(folder.path(), &["check", "broken.dcs"]);
    assert_eq!(checked.status.code(), Some(2));
    assert!(stdout(&checked).contains("broken.dcs:3:3"), "{}", stdout(&checked));
}
