//! The server never blocks: formatting and checking a huge document run
//! off its loop, so a cheap request sent meanwhile is answered first; a
//! formatting outdated by an edit, or cancelled, is answered as the
//! protocol says; and a request about a huge document waits for its
//! analysis.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::client::{uri_in, Client};
use crate::support::scratch;

const SMALL: &str = "arrangements testshire {\n  council \"Testshire County Council\"\n  answers_to dfe_2013\n}\n\npost director {\n  title \"Director\"\n  holds DCS\n}\n";

/// About 2 MiB of posts, with a `{` never closed at the end: a document
/// that does not parse, whose formatting and checking take long.
fn huge() -> String {
    let mut text = String::from("arrangements huge {\n  council \"Huge Council\"\n  answers_to dfe_2013\n}\n");
    for index in 0..40_000 {
        write!(text, "post p{index} {{\n  title \"Post {index}\"\n}}\n").unwrap();
    }
    text.push_str("post broken {\n");
    text
}

/// A client with the small document open in one folder and the huge one
/// in another: the URIs of both.
fn two_folders() -> (Client, String, String) {
    let small = uri_in(&scratch("blocking-small"), "testshire.dcs");
    let huge_uri = uri_in(&scratch("blocking-huge"), "huge.dcs");
    let mut client = Client::start();
    client.initialize();
    client.open(&small, SMALL);
    assert_eq!(client.diagnostics(&small), Vec::<Value>::new());
    client.open(&huge_uri, &huge());
    (client, small, huge_uri)
}

fn formatting(client: &mut Client, uri: &str) -> i64 {
    client.send_request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    )
}

#[test]
fn a_cheap_request_is_answered_while_a_huge_document_is_formatted() {
    let (mut client, small, huge_uri) = two_folders();
    let format = formatting(&mut client, &huge_uri);
    let symbols = client.send_request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": small } }),
    );
    let answers = client.answers_in_order(&[format, symbols]);
    let order: Vec<&Value> = answers.iter().map(|answer| &answer["id"]).collect();
    assert_eq!(order, [&json!(symbols), &json!(format)]);
    assert_eq!(answers[0]["result"][0]["name"], "testshire");
    // It does not parse, so the editor is to change nothing.
    assert_eq!(answers[1]["result"], Value::Null, "{:#}", answers[1]);
    // The huge document's diagnostics come when its check is done, and a
    // request about it waits for them.
    let hover = client.send_request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": huge_uri }, "position": { "line": 5, "character": 6 } }),
    );
    let answer = client.answers_in_order(&[hover]);
    assert!(answer[0].get("error").is_none(), "{:#}", answer[0]);
    let diagnostics = client.diagnostics(&huge_uri);
    assert!(
        diagnostics.iter().any(|diagnostic| diagnostic["code"] == "E0007"),
        "{diagnostics:#?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn formatting_outdated_by_an_edit_or_cancelled_is_answered_so() {
    let (mut client, _small, huge_uri) = two_folders();
    let outdated = formatting(&mut client, &huge_uri);
    client.change(&huge_uri, 2, &format!("{}\n", huge()));
    let answers = client.answers_in_order(&[outdated]);
    assert_eq!(answers[0]["error"]["code"], -32801, "{:#}", answers[0]);
    let cancelled = formatting(&mut client, &huge_uri);
    client.notify("$/cancelRequest", json!({ "id": cancelled }));
    let answers = client.answers_in_order(&[cancelled]);
    assert_eq!(answers[0]["error"]["code"], -32800, "{:#}", answers[0]);
    // Shut down with the analysis still running: answered at once.
    assert!(client.shutdown().success());
}
