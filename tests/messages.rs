//! The mistakes people make, each a file in `tests/fixtures/messages/`
//! whose header says which codes it must give (`// expect: E0010`, or
//! `// expect: nothing`): no more, so a knock-on error fails the test, and
//! the rendered messages are snapshotted. Also a line too long to print.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

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
    insta::glob!("fixtures/messages/*.dcs", |path| {
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
        insta::assert_snapshot!(workspace.render_diagnostics(false));
    });
}
