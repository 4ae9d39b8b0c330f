//! Quick fixes: every diagnostic that suggests an edit (the name it
//! meant, a missing comma, a `=` too many) offers it as a code action of
//! kind `quickfix`, and the edit, applied as an editor applies it, makes
//! that diagnostic go.

use serde_json::{json, Value};

use super::client::{uri_in, Client};
use crate::support::{root, scratch};

/// A council that checks clean; each test spoils one line of it.
const CLEAN: &str = r#"arrangements testshire {
  council "Testshire County Council"
  kind county
  upper_tier yes
  governance leader_and_cabinet
  answers_to dfe_2013
}

post director {
  title "Director — Children’s Services 🙂"
  holds DCS
  report_to chief_executive
}

post chief_executive {
  title "Chief Executive"
  holds ChiefExecutive
}

member lead_member { title "Cabinet Member for Children"  holds LMCS }
"#;

/// The byte offset of an LSP position (UTF-16 columns).
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let line_start = text.split_inclusive('\n').take(line).map(str::len).sum::<usize>();
    let mut units = 0;
    for (index, c) in text[line_start..].char_indices() {
        if units >= character || c == '\n' {
            return line_start + index;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The text with a code action's edits to `uri` applied.
fn apply(text: &str, action: &Value, uri: &str) -> String {
    let edits = action["edit"]["changes"][uri].as_array().unwrap();
    assert_eq!(edits.len(), 1, "{action:#}");
    let edit = &edits[0];
    let (start, end) = (
        offset(text, &edit["range"]["start"]),
        offset(text, &edit["range"]["end"]),
    );
    format!(
        "{}{}{}",
        &text[..start],
        edit["newText"].as_str().unwrap(),
        &text[end..]
    )
}

/// The quick fixes offered on a range, the editor naming the diagnostics
/// it shows there.
fn actions_in(client: &mut Client, uri: &str, range: &Value, diagnostics: Value) -> Vec<Value> {
    let result = client.result(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": range,
            "context": { "diagnostics": diagnostics },
        }),
    );
    result.as_array().cloned().unwrap_or_default()
}

/// The quick fixes offered on a diagnostic's range.
fn actions_on(client: &mut Client, uri: &str, diagnostic: &Value) -> Vec<Value> {
    actions_in(client, uri, &diagnostic["range"], json!([diagnostic]))
}

/// Opens `text`, takes the one diagnostic it has, which must have the
/// code `code` and one quick fix titled `title`, applies the fix and
/// returns the text and the diagnostics after it.
fn fix(text: &str, code: &str, title: &str) -> (String, Vec<Value>) {
    let dir = scratch("code-actions");
    let uri = uri_in(&dir, "testshire.dcs");
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, text);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], code, "{diagnostics:#?}");
    let actions = actions_on(&mut client, &uri, &diagnostics[0]);
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let action = &actions[0];
    assert_eq!(action["title"], title);
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["diagnostics"][0]["code"], code);
    let fixed = apply(text, action, &uri);
    client.change(&uri, 2, &fixed);
    let after = client.diagnostics(&uri);
    assert!(client.shutdown().success());
    (fixed, after)
}

#[test]
fn the_server_offers_quick_fixes() {
    let mut client = Client::start();
    let result = client.initialize();
    assert_eq!(
        result["capabilities"]["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_misspelt_role_is_changed_to_the_one_meant() {
    let (fixed, after) = fix(&CLEAN.replace("holds DCS\n", "holds DSC\n"), "E0101", "change to `DCS`");
    assert_eq!(fixed, CLEAN);
    assert_eq!(after, Vec::<Value>::new());
}

#[test]
fn a_misspelt_post_on_a_line_with_wide_characters_is_changed() {
    // The title before it on the line has "—", "’" and an emoji: the edit's
    // columns are counted in UTF-16 as the protocol counts them.
    let spoilt = CLEAN.replace(
        "Services 🙂\"\n  holds DCS\n  report_to chief_executive",
        "Services 🙂\" holds DCS report_to chief_exec",
    );
    let (fixed, after) = fix(&spoilt, "E0101", "change to `chief_executive`");
    assert!(fixed.contains("🙂\" holds DCS report_to chief_executive\n"), "{fixed}");
    assert_eq!(after, Vec::<Value>::new());
}

#[test]
fn an_unknown_field_is_changed_to_the_field_meant() {
    let (fixed, after) = fix(
        &CLEAN.replace("  title \"Chief", "  tilte \"Chief"),
        "E0107",
        "change to `title`",
    );
    assert_eq!(fixed, CLEAN);
    assert_eq!(after, Vec::<Value>::new());
}

#[test]
fn a_value_not_among_those_allowed_is_changed_to_the_nearest() {
    let (fixed, after) = fix(
        &CLEAN.replace("kind county", "kind countee"),
        "E0115",
        "change to `county`",
    );
    assert_eq!(fixed, CLEAN);
    assert_eq!(after, Vec::<Value>::new());
}

#[test]
fn a_missing_comma_is_put_in() {
    let spoilt = std::fs::read_to_string(root().join("tests/fixtures/messages/missing_comma.dcs")).unwrap();
    let (fixed, after) = fix(&spoilt, "E0107", "put a comma before `DASS`");
    assert_eq!(fixed, spoilt.replace("holds DCS DASS", "holds DCS, DASS"));
    assert_eq!(after, Vec::<Value>::new());
}

#[test]
fn an_equals_sign_between_a_field_and_its_value_is_removed() {
    let (fixed, after) = fix(
        &CLEAN.replace("report_to chief", "report_to = chief"),
        "E0004",
        "remove `=`",
    );
    assert_eq!(fixed, CLEAN.replace("report_to chief", "report_to  chief"));
    assert_eq!(after, Vec::<Value>::new());
}

#[test]
fn a_name_in_json_arrangements_is_replaced_in_its_quotes() {
    let text = r#"{"arrangements": "testshire", "council": "Testshire County Council", "kind": "county",
 "upper_tier": true, "answers_to": ["dfe_2013"],
 "posts": [{"id": "director", "title": "Director", "holds": ["DSC"], "report_to": "chief_executive"},
           {"id": "chief_executive", "title": "Chief Executive", "holds": ["ChiefExecutive"]}]}
"#;
    let dir = scratch("code-actions-json");
    let uri = uri_in(&dir, "testshire.json");
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, text);
    let diagnostics = client.diagnostics(&uri);
    let unknown = diagnostics
        .iter()
        .find(|diagnostic| diagnostic["code"] == "E0101")
        .unwrap();
    let actions = actions_on(&mut client, &uri, unknown);
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let fixed = apply(text, &actions[0], &uri);
    assert_eq!(fixed, text.replace(r#"["DSC"]"#, r#"["DCS"]"#));
    client.change(&uri, 2, &fixed);
    let after = client.diagnostics(&uri);
    assert!(
        after.iter().all(|diagnostic| diagnostic["code"] != "E0101"),
        "{after:#?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn no_fix_is_offered_where_nothing_is_suggested_or_outside_the_range() {
    let dir = scratch("code-actions-none");
    let uri = uri_in(&dir, "testshire.dcs");
    let mut client = Client::start();
    client.initialize();
    // A name close to none: the error suggests nothing, so no fix.
    client.open(&uri, &CLEAN.replace("holds DCS\n", "holds Zzyzx\n"));
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(actions_on(&mut client, &uri, &diagnostics[0]), Vec::<Value>::new());
    // A misspelt name, but the range asked about is the header's.
    client.change(&uri, 2, &CLEAN.replace("holds DCS\n", "holds DSC\n"));
    assert_eq!(client.diagnostics(&uri).len(), 1);
    let header = json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 1, "character": 3 } });
    assert_eq!(actions_in(&mut client, &uri, &header, json!([])), Vec::<Value>::new());
    assert!(client.shutdown().success());
}

/// Every fixture of a diagnostic or message: each quick fix offered,
/// applied, makes the diagnostic it fixes go; and fixes are offered for
/// every kind of suggestion the fixtures show.
#[test]
fn every_fix_offered_for_the_fixtures_removes_its_diagnostic() {
    let mut fixtures: Vec<std::path::PathBuf> = ["tests/fixtures/diagnostics", "tests/fixtures/messages"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(root().join(folder)).unwrap())
        .map(|entry| entry.unwrap().path())
        .collect();
    fixtures.sort();
    let dir = scratch("code-actions-fixtures");
    let mut client = Client::start();
    client.initialize();
    let mut fixed_codes = std::collections::BTreeSet::new();
    for fixture in fixtures {
        let name = fixture.file_name().unwrap().to_str().unwrap().to_owned();
        // The fixtures of bytes that are not UTF-8 cannot be sent.
        let Ok(text) = std::fs::read_to_string(&fixture) else {
            continue;
        };
        let uri = uri_in(&dir, &name);
        client.open(&uri, &text);
        let diagnostics = client.diagnostics(&uri);
        let mut version = 1;
        for diagnostic in &diagnostics {
            for action in actions_on(&mut client, &uri, diagnostic) {
                assert_eq!(action["kind"], "quickfix");
                let fixed_one = &action["diagnostics"][0];
                let fixed = apply(&text, &action, &uri);
                version += 1;
                client.change(&uri, version, &fixed);
                let after = client.diagnostics(&uri);
                assert!(
                    after
                        .iter()
                        .all(|left| left["code"] != fixed_one["code"] || left["message"] != fixed_one["message"]),
                    "{name}: `{}` left {fixed_one:#} in place:\n{fixed}",
                    action["title"]
                );
                fixed_codes.insert(fixed_one["code"].as_str().unwrap().to_owned());
                version += 1;
                client.change(&uri, version, &text);
                client.diagnostics(&uri);
            }
        }
        client.notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }));
        client.diagnostics(&uri);
    }
    for code in ["E0004", "E0101", "E0107", "E0113", "E0115", "E0130"] {
        assert!(fixed_codes.contains(code), "no fix for {code}: {fixed_codes:?}");
    }
    assert!(client.shutdown().success());
}
