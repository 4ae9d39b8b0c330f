//! The mistakes people make, each a file in `tests/fixtures/messages/`
//! whose header says which codes it must give (`// expect: E0010`, or
//! `// expect: nothing`): no more, so a knock-on error fails the test, and
//! the rendered messages are snapshotted. Also a line too long to print.

use dcsc::Workspace;

fn expected_codes(text: &str) -> Vec<String> {
    let line = text
        .lines()
        .find_map(|line| line.strip_prefix("// expect: "))
        .expect("a `// expect:` line");
    if line.trim() == "nothing" {
        return Vec::new();
    }
    line.split(',').map(|code| code.trim().to_owned()).collect()
}

#[test]
fn each_mistake_gets_its_one_clear_message() {
    insta::glob!("..", "fixtures/messages/*.dcs", |path| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let relative = path.strip_prefix(root).unwrap_or(path);
        let text = std::fs::read_to_string(path).unwrap();
        let mut workspace = Workspace::new();
        workspace.add_path(relative);
        workspace.check();
        let codes: Vec<String> = workspace
            .diagnostics
            .iter()
            .map(|diagnostic| diagnostic.code.as_str().to_owned())
            .collect();
        assert_eq!(codes, expected_codes(&text), "{}", relative.display());
        snapshot!(
            "each_mistake_gets_its_one_clear_message",
            workspace.render_diagnostics(false)
        );
    });
}

/// A 12 MB line (a pasted blob, a minified export) holding two mistakes:
/// each snippet shows the part of the line around its own mistake, not the
/// whole line, and the words quoting the file are cut short too.
#[test]
fn a_very_long_line_is_shown_around_each_mistake_only() {
    let blob = "a".repeat(12 * 1024 * 1024);
    // A hidden character near the second mistake: still shown escaped, and
    // the caret still under the field it points at.
    let text = format!("arrangements long {{\n  council \"Long Council\"\n  note \"{blob}\u{1b}\" bogus_field 1\n}}\n");
    let mut workspace = Workspace::new();
    workspace.add_text("long.dcs", &text);
    workspace.check();
    let codes: Vec<&str> = workspace
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.as_str())
        .collect();
    assert!(codes.contains(&"E0107"), "{codes:?}");
    let rendered = workspace.render_diagnostics(false);
    assert!(rendered.len() < 8 * 1024, "{} bytes rendered", rendered.len());
    // The snippet of the `note` mistake starts at the line's start; that of
    // `bogus_field` shows the end of the string, the escaped ESC, the field.
    assert!(rendered.contains("3 │   note \"aaaa"), "{rendered}");
    assert!(rendered.contains("aaaa…aaaa"), "{rendered}");
    assert!(rendered.contains("aaaa\\u{1b}\" bogus_field 1\n"), "{rendered}");
    let lines: Vec<&str> = rendered.lines().collect();
    let caret_index = lines
        .iter()
        .position(|line| line.contains("^ read as a new field"))
        .expect("the run-on field's label");
    let (snippet_line, caret_line) = (lines[caret_index - 1], lines[caret_index]);
    assert!(snippet_line.contains("\\u{1b}\" bogus_field 1"), "{snippet_line}");
    let field_at = snippet_line.find("bogus_field").expect("the field in the snippet");
    let carets_at = caret_line.find('^').expect("carets under the field");
    assert_eq!(
        snippet_line[..field_at].chars().count(),
        caret_line[..carets_at].chars().count(),
        "{snippet_line}\n{caret_line}"
    );
    // Positions are the file's, not the shortened snippet's.
    let location = format!(
        "long.dcs:3:{}",
        3 + "note \"".len() + blob.len() + "\u{1b}\" ".chars().count()
    );
    assert!(rendered.contains(&location), "{location} not in\n{rendered}");
}

/// Every reserved word of the grammar is refused as a name: the `keyword`
/// rule's ordered choice once let `after`, `an`, `one` and `holding`
/// through, because a shorter word before them matched first.
#[test]
fn every_reserved_word_is_refused_as_a_name() {
    let grammar = include_str!("../../grammar/dcs.pest");
    let start = grammar.find("keyword = @{").expect("the keyword rule");
    let end = start + grammar[start..].find("~ !ident_char").expect("its end");
    let words: Vec<&str> = grammar[start..end].split('"').skip(1).step_by(2).collect();
    assert!(words.len() > 40, "{words:?}");
    for word in words {
        let text = format!("arrangements example {{\n  council \"Example Borough Council\"\n}}\n\npost {word} {{\n  title \"A post\"\n}}\n");
        let mut workspace = Workspace::new();
        workspace.add_text("reserved.dcs", &text);
        workspace.check();
        assert!(
            workspace
                .diagnostics
                .iter()
                .any(|diagnostic| diagnostic.severity == dcsc::diagnostics::Severity::Error),
            "`{word}` was taken as a name:\n{text}"
        );
    }
}
