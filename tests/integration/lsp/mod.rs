//! `dcsc lsp` as an editor meets it: the real binary, spoken to in
//! JSON-RPC over its standard input and output. Diagnostics with their
//! codes and labels, hovers, definitions (into the embedded guidance too),
//! completion and symbols, positions in UTF-16 on lines with "’", "—" and
//! emoji, and a session that survives whatever it is sent.

use std::io::BufReader;

use dcsc::lsp::uri::file_uri;
use serde_json::{json, Value};

use crate::support::{dcsc, root, scratch, stdout};

mod actions;
mod blocking;
mod client;
mod completion;

use client::{end_of, frame, position, read_frame, slice, uri_in, Client};

/// A council's arrangements with "’", "—" and emoji on the lines that
/// matter, and one error: a role misspelt after them on the same line.
const COUNCIL: &str = r#"// Testshire’s arrangements — drafted by the legal team 🙂
arrangements testshire {
  council "Testshire County Council"
  kind county
  upper_tier yes
  governance leader_and_cabinet
  answers_to dfe_2013
}

document papers_2024 { title "Cabinet papers — March 2024 🙂" }

post director { title "Director — Children’s 🙂" holds DCS, DSC }

post chief_executive {
  title "Chief Executive"
  holds ChiefExecutive  per papers_2024 "ref 1"
}

member lead_member { title "Cabinet Member — Children 🙂"  holds LMCS }

answer local_assurance.specific.senior_management { text "The structure is clear — ’🙂’." }
"#;

fn fixed() -> String {
    COUNCIL.replace("holds DCS, DSC }", "holds DCS\n  report_to chief_executive }")
}

#[test]
fn initialize_says_what_the_server_does() {
    let mut client = Client::start();
    let result = client.initialize();
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["hoverProvider"], true);
    assert_eq!(capabilities["definitionProvider"], true);
    assert_eq!(capabilities["documentSymbolProvider"], true);
    assert!(capabilities["completionProvider"].is_object());
    assert_eq!(
        capabilities["executeCommandProvider"]["commands"],
        json!(["dcsc.embeddedSource"])
    );
    assert_eq!(capabilities["documentFormattingProvider"], true);
    assert_eq!(result["serverInfo"]["name"], "dcsc");
    assert!(client.shutdown().success());
}

#[test]
fn diagnostics_as_you_type_with_codes_labels_and_utf16_positions() {
    let dir = scratch("diagnostics");
    let uri = uri_in(&dir, "testshire.dcs");
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, COUNCIL);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic["code"], "E0101");
    assert_eq!(diagnostic["severity"], 1);
    assert_eq!(diagnostic["source"], "dcsc");
    assert!(diagnostic["message"]
        .as_str()
        .unwrap()
        .starts_with("unknown role `DSC`"));
    assert!(diagnostic["message"]
        .as_str()
        .unwrap()
        .contains("help: did you mean `DCS`?"));
    // "post director { title "Director — Children’s 🙂" holds DCS, " is 59
    // characters, 60 UTF-16 units (the emoji is two) and 66 bytes.
    assert_eq!(diagnostic["range"]["start"], json!({ "line": 11, "character": 60 }));
    assert_eq!(diagnostic["range"]["start"], position(COUNCIL, "DSC", 0));
    assert_eq!(slice(COUNCIL, &diagnostic["range"]), "DSC");
    let related = diagnostic["relatedInformation"].as_array().unwrap();
    assert_eq!(related[0]["message"], "no role is called `DSC`");
    assert_eq!(related[0]["location"]["uri"], uri.as_str());

    // Declared twice: the first declaration is related information.
    let twice = format!("{COUNCIL}\npost director {{ title \"again — 🙂\" }}\n");
    client.change(&uri, 2, &twice);
    let diagnostics = client.diagnostics(&uri);
    let duplicate = diagnostics
        .iter()
        .find(|diagnostic| diagnostic["code"] == "E0102")
        .unwrap();
    assert_eq!(slice(&twice, &duplicate["range"]), "director");
    assert_eq!(duplicate["range"]["start"], position(&twice, "director", 1));
    let related = duplicate["relatedInformation"].as_array().unwrap();
    let first = related
        .iter()
        .find(|label| label["message"] == "first declared here")
        .unwrap();
    assert_eq!(first["location"]["range"]["start"], position(&twice, "director", 0));

    // Fixed: the diagnostics are cleared.
    client.change(&uri, 3, &fixed());
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    assert!(client.shutdown().success());
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_keep_positions() {
    let dir = scratch("crlf");
    let uri = uri_in(&dir, "testshire.dcs");
    let text = format!("\u{feff}{}", COUNCIL.replace('\n', "\r\n"));
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, &text);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    // The byte order mark is a character of the first line only.
    assert_eq!(diagnostics[0]["range"]["start"], json!({ "line": 11, "character": 60 }));
    assert_eq!(diagnostics[0]["range"]["end"], json!({ "line": 11, "character": 63 }));
    let hover = client.at("textDocument/hover", &uri, position(&text, "LMCS", 0));
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Lead Member for Children's Services"));
    assert_eq!(slice(&text, &hover["range"]), "LMCS");
    assert!(client.shutdown().success());
}

#[test]
fn hover_shows_titles_and_the_guidance_words_with_provenance() {
    let dir = scratch("hover");
    let uri = uri_in(&dir, "testshire.dcs");
    let text = fixed();
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, &text);
    client.diagnostics(&uri);

    let hover = |client: &mut Client, needle: &str, nth: usize| -> (String, String) {
        let result = client.at("textDocument/hover", &uri, position(&text, needle, nth));
        assert!(result.is_object(), "no hover on `{needle}`");
        (
            result["contents"]["value"].as_str().unwrap().to_owned(),
            slice(&text, &result["range"]).to_owned(),
        )
    };
    // A role.
    let (words, range) = hover(&mut client, "DCS", 0);
    assert_eq!(range, "DCS");
    assert!(
        words.contains("role DCS\ntitle: Director of Children's Services"),
        "{words}"
    );
    assert!(words.contains("statute: Children Act 2004, section 18"), "{words}");
    // A relation, written as a field of the post.
    let (words, _) = hover(&mut client, "report_to", 0);
    assert!(
        words.contains("relation report_to\ntitle: reports directly to"),
        "{words}"
    );
    // A post named as the target of the relation, in words a hover at its
    // declaration shares.
    let (words, range) = hover(&mut client, "chief_executive", 0);
    assert_eq!(range, "chief_executive");
    assert!(
        words.contains("post chief_executive\ntitle: Chief Executive"),
        "{words}"
    );
    assert!(
        words.contains("holds: ChiefExecutive (Chief Executive (Head of Paid Service))"),
        "{words}"
    );
    // A member with a title in "—" and emoji.
    let (words, _) = hover(&mut client, "lead_member", 0);
    assert!(
        words.contains("member lead_member\ntitle: Cabinet Member — Children 🙂"),
        "{words}"
    );
    // A question answered: what it asks, and the paragraph's words with
    // their provenance, as `dcsc explain` gives them.
    let (words, range) = hover(&mut client, "local_assurance.specific.senior_management", 0);
    assert_eq!(range, "local_assurance.specific.senior_management");
    assert!(
        words.starts_with("```text\nquestion local_assurance.specific.senior_management"),
        "{words}"
    );
    assert!(words.contains("paragraph local_assurance.specific\n"), "{words}");
    assert!(words.contains("words: "), "{words}");
    let explained = stdout(&dcsc(&["explain", "local_assurance.specific.senior_management"]));
    assert!(
        words.contains(explained.trim_end()),
        "the hover is not explain's words:\n{words}\n{explained}"
    );
    // A document.
    let (words, _) = hover(&mut client, "papers_2024", 1);
    assert!(
        words.contains("document papers_2024\ntitle: Cabinet papers — March 2024 🙂"),
        "{words}"
    );
    // Between names: nothing.
    let nothing = client.at("textDocument/hover", &uri, json!({ "line": 8, "character": 0 }));
    assert_eq!(nothing, Value::Null);
    assert!(client.shutdown().success());
}

#[test]
fn definition_goes_to_declarations_and_into_the_embedded_guidance() {
    let dir = scratch("definition");
    let uri = uri_in(&dir, "testshire.dcs");
    let text = fixed();
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, &text);
    client.diagnostics(&uri);

    // A post named by a relation: its declaration in the same file.
    let found = client.at("textDocument/definition", &uri, position(&text, "chief_executive", 0));
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["uri"], uri.as_str());
    assert_eq!(found[0]["range"]["start"], position(&text, "chief_executive", 1));

    // Evidence: the document.
    let found = client.at("textDocument/definition", &uri, position(&text, "papers_2024", 1));
    assert_eq!(found[0]["range"]["start"], position(&text, "papers_2024", 0));

    // A role: into the embedded guidance in force, whose text the server
    // serves.
    let found = client.at("textDocument/definition", &uri, position(&text, "LMCS", 0));
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:#?}");
    let embedded = found[0]["uri"].as_str().unwrap().to_owned();
    assert_eq!(embedded, "dcsc-embedded:///policies/dfe_2013.dcs");
    let source = client.result("dcsc/embeddedSource", json!({ "uri": embedded }));
    let guidance = source["text"].as_str().unwrap().to_owned();
    assert_eq!(guidance, include_str!("../../../policies/dfe_2013.dcs"));
    assert_eq!(slice(&guidance, &found[0]["range"]), "LMCS");
    // The same by command, as an editor without custom requests asks.
    let by_command = client.result(
        "workspace/executeCommand",
        json!({ "command": "dcsc.embeddedSource", "arguments": [embedded] }),
    );
    assert_eq!(by_command["text"], source["text"]);

    // A duty key answered: the question in the guidance.
    let found = client.at(
        "textDocument/definition",
        &uri,
        position(&text, "local_assurance.specific.senior_management", 0),
    );
    let found = found.as_array().unwrap();
    assert!(!found.is_empty());
    assert_eq!(found[0]["uri"], embedded.as_str());
    let line = guidance
        .lines()
        .nth(found[0]["range"]["start"]["line"].as_u64().unwrap() as usize)
        .unwrap();
    assert!(
        line.starts_with("question local_assurance.specific.senior_management"),
        "{line}"
    );

    // In the embedded guidance itself, opened as the editor opens it (VS
    // Code writes the URI without the empty authority): a duty's own key
    // goes to the paragraphs it cites.
    let vscode_uri = "dcsc-embedded:/policies/dfe_2013.dcs";
    client.open(vscode_uri, &guidance);
    let duty = "duty dcs.report_to_chief_executive";
    let at = position(&guidance, duty, 0);
    let at = json!({ "line": at["line"], "character": at["character"].as_u64().unwrap() + 6 });
    let cited = client.at("textDocument/definition", vscode_uri, at);
    let cited: Vec<String> = cited
        .as_array()
        .unwrap()
        .iter()
        .map(|location| slice(&guidance, &location["range"]).to_owned())
        .collect();
    assert!(cited.contains(&"2".to_owned()), "{cited:?}");
    assert!(cited.contains(&"key_points.first_tier".to_owned()), "{cited:?}");
    // A hover there quotes the guidance too.
    let hover = client.at(
        "textDocument/hover",
        vscode_uri,
        position(&guidance, "ChiefExecutive", 0),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("role ChiefExecutive"));

    // Not an embedded file.
    let refused = client.request(
        "dcsc/embeddedSource",
        json!({ "uri": "dcsc-embedded:///policies/none.dcs" }),
    );
    assert_eq!(refused["error"]["code"], -32602);
    assert!(client.shutdown().success());
}

#[test]
fn a_shared_post_is_found_in_the_shared_file() {
    let dir = scratch("shared");
    let fixtures = root().join("tests/fixtures/joint");
    for name in ["joint_director.dcs", "northshire.dcs"] {
        std::fs::copy(fixtures.join(name), dir.join(name)).unwrap();
    }
    let council = std::fs::read_to_string(dir.join("northshire.dcs")).unwrap();
    let uri = uri_in(&dir, "northshire.dcs");
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, &council);
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    // `shares "joint_director.dcs"` goes to the file.
    let at = position(&council, "shares \"joint_director.dcs\"", 0);
    let at = json!({ "line": at["line"], "character": at["character"].as_u64().unwrap() + 8 });
    let found = client.at("textDocument/definition", &uri, at);
    assert_eq!(found[0]["uri"], uri_in(&dir, "joint_director.dcs").as_str());

    // Opened too, the shared file's unsaved text is what the council's
    // arrangements read: a role misspelt there is reported there.
    let shared = std::fs::read_to_string(dir.join("joint_director.dcs")).unwrap();
    let broken = shared.replacen("holds DCS", "holds DSC", 1);
    let shared_uri = uri_in(&dir, "joint_director.dcs");
    client.open(&shared_uri, &broken);
    let diagnostics = client.diagnostics(&shared_uri);
    assert!(
        diagnostics.iter().any(|diagnostic| diagnostic["code"] == "E0101"),
        "{diagnostics:#?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn the_open_documents_of_a_folder_are_checked_together() {
    // Barnet's arrangements answer its own framework: opened alone, the
    // framework beside it on disk is read too (where `dcsc check` given
    // the one file names it to add), so nothing is wrong; open beside it,
    // the framework as the editor holds it is read instead.
    let root = root().join("examples/barnet");
    let arrangements = std::fs::read_to_string(root.join("arrangements.dcs")).unwrap();
    let framework = std::fs::read_to_string(root.join("framework.dcs")).unwrap();
    let arrangements_uri = file_uri(&root.join("arrangements.dcs"));
    let framework_uri = file_uri(&root.join("framework.dcs"));
    let mut client = Client::start();
    client.initialize();
    client.open(&arrangements_uri, &arrangements);
    let alone = client.diagnostics(&arrangements_uri);
    assert_eq!(alone, Vec::<Value>::new());
    let row = position(&arrangements, "answer barnet.", 0);
    let row = json!({ "line": row["line"], "character": row["character"].as_u64().unwrap() + 7 });
    let hover = client.at("textDocument/hover", &arrangements_uri, row.clone());
    assert!(
        hover["contents"]["value"].as_str().unwrap().contains("from: barnet"),
        "the framework found beside it: {hover}"
    );
    client.open(&framework_uri, &framework);
    assert_eq!(client.diagnostics(&framework_uri), Vec::<Value>::new());
    assert_eq!(client.diagnostics(&arrangements_uri), Vec::<Value>::new());
    // A hover on one of Barnet's rows quotes Barnet's framework.
    let hover = client.at("textDocument/hover", &arrangements_uri, row);
    assert!(
        hover["contents"]["value"].as_str().unwrap().contains("from: barnet"),
        "{hover}"
    );
    // Closed again, the framework's diagnostics are cleared and the
    // arrangements are checked with the framework on disk once more.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": framework_uri } }),
    );
    assert_eq!(client.diagnostics(&framework_uri), Vec::<Value>::new());
    assert_eq!(client.diagnostics(&arrangements_uri).len(), alone.len());
    assert!(client.shutdown().success());
}

#[test]
fn document_symbols_are_the_items() {
    let dir = scratch("symbols");
    let uri = uri_in(&dir, "testshire.dcs");
    let text = fixed();
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, &text);
    let symbols = client.result("textDocument/documentSymbol", json!({ "textDocument": { "uri": uri } }));
    let symbols = symbols.as_array().unwrap();
    let names: Vec<(&str, &str, u64)> = symbols
        .iter()
        .map(|symbol| {
            (
                symbol["name"].as_str().unwrap(),
                symbol["detail"].as_str().unwrap(),
                symbol["kind"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("testshire", "arrangements: Testshire County Council", 2),
            ("papers_2024", "document: Cabinet papers — March 2024 🙂", 1),
            ("director", "post: Director — Children’s 🙂", 19),
            ("chief_executive", "post: Chief Executive", 19),
            ("lead_member", "member: Cabinet Member — Children 🙂", 19),
            ("local_assurance.specific.senior_management", "answer", 20),
        ]
    );
    let director = &symbols[2];
    assert_eq!(slice(&text, &director["selectionRange"]), "director");
    assert!(slice(&text, &director["range"]).starts_with("post director {"));
    assert!(client.shutdown().success());
}

#[test]
fn formatting_is_dcsc_fmt_and_leaves_a_file_that_does_not_parse_alone() {
    let dir = scratch("formatting");
    let uri = uri_in(&dir, "messy.dcs");
    // CRLF, a byte order mark, indentation and a character beyond the
    // Basic Multilingual Plane on the last line: the edit covers it all.
    let messy = "\u{feff}role  DCS {\r\n      title \"Director 🙂\"\r\n}\r\n// the end 🙂";
    let mut client = Client::start();
    client.initialize();
    client.open(&uri, messy);
    let edits = client.result(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["range"]["start"], json!({ "line": 0, "character": 0 }));
    assert_eq!(edits[0]["range"]["end"], json!({ "line": 3, "character": 13 }));
    let formatted = edits[0]["newText"].as_str().unwrap();
    assert_eq!(formatted, "role DCS {\n  title \"Director 🙂\"\n}\n// the end 🙂\n");
    // Formatted already: nothing to change.
    client.change(&uri, 2, formatted);
    let none = client.result(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(none, json!([]));
    // A syntax error: no edit at all.
    client.change(&uri, 3, "role DCS {\n  title \"x\"\n");
    let refused = client.result(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(refused, Value::Null);
    assert!(client.shutdown().success());
}

#[test]
fn unknown_methods_bad_input_and_the_protocols_order_are_answered() {
    let mut client = Client::start();
    // Before `initialize`.
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    client.initialize();
    let twice = client.request("initialize", json!({ "capabilities": {} }));
    assert_eq!(twice["error"]["code"], -32600);
    // An unknown method, and an unknown notification (ignored).
    let unknown = client.request("textDocument/noSuchThing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    client.notify("$/noSuchNotification", json!({ "x": 1 }));
    // Parameters of the wrong shape.
    let bad = client.request("textDocument/hover", json!({ "textDocument": 7 }));
    assert_eq!(bad["error"]["code"], -32602);
    // A document never opened: no answer, no error.
    let unopened = client.at(
        "textDocument/hover",
        "file:///nowhere/x.dcs",
        json!({ "line": 0, "character": 0 }),
    );
    assert_eq!(unopened, Value::Null);
    // Not JSON, a length larger than anything read, a header with no
    // length: each is skipped, and the session goes on.
    client.send_raw(b"Content-Length: 9\r\n\r\nnot json!");
    client.send_raw(b"Content-Length: 99999999999999999999\r\n\r\n");
    client.send_raw(b"X-Nothing: 1\r\n\r\n");
    client.send_raw(b"Content-Length: 2\r\n\r\n{}");
    // Positions far outside the document, and a document of nothing but
    // wide characters.
    let uri = "untitled:Untitled-1";
    client.open(uri, "🙂🙂🙂\n’—\u{0}\"unterminated");
    client.diagnostics(uri);
    for (line, character) in [(0, 1), (0, 3), (0, 99), (1, 1), (99, 99), (u32::MAX, u32::MAX)] {
        let at = json!({ "line": line, "character": character });
        for method in [
            "textDocument/hover",
            "textDocument/definition",
            "textDocument/completion",
        ] {
            let response = client.request(method, json!({ "textDocument": { "uri": uri }, "position": at }));
            assert!(response.get("error").is_none(), "{method} at {at}: {response}");
        }
    }
    assert!(client.shutdown().success());
}

#[test]
fn after_shutdown_only_exit_and_exit_without_shutdown_fails() {
    let mut client = Client::start();
    client.initialize();
    assert_eq!(client.result("shutdown", Value::Null), Value::Null);
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(0));

    let mut client = Client::start();
    client.initialize();
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(1));

    // The editor goes away without a word.
    let mut client = Client::start();
    client.initialize();
    assert_eq!(client.wait().code(), Some(1));
}

/// Every position of every shipped file, asked in process through the same
/// `serve` the binary runs: never an internal error, and the same answers
/// twice (deterministic).
#[test]
fn every_position_of_the_shipped_files_is_answered() {
    let root = root();
    let files = [
        "examples/coventry.dcs",
        "examples/barnet/framework.dcs",
        "examples/barnet/arrangements.dcs",
        "tests/fixtures/joint/northshire.dcs",
        "policies/csw_2017.dcs",
    ];
    let mut input = Vec::new();
    input.extend(frame(
        &json!({ "jsonrpc": "2.0", "id": 0, "method": "initialize", "params": { "capabilities": {} } }),
    ));
    input.extend(frame(
        &json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
    ));
    let mut id = 0;
    for name in files {
        let path = root.join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let uri = file_uri(&path);
        input.extend(frame(&json!({
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": { "textDocument": { "uri": uri, "languageId": "dcs", "version": 1, "text": text } }
        })));
        for (line, content) in text.lines().enumerate() {
            let width = content.encode_utf16().count();
            for character in (0..=width).step_by(7) {
                for method in [
                    "textDocument/hover",
                    "textDocument/definition",
                    "textDocument/completion",
                ] {
                    id += 1;
                    input.extend(frame(&json!({
                        "jsonrpc": "2.0", "id": id, "method": method,
                        "params": { "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }
                    })));
                }
            }
        }
        id += 1;
        input.extend(frame(&json!({
            "jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol",
            "params": { "textDocument": { "uri": uri } }
        })));
    }
    input.extend(frame(&json!({ "jsonrpc": "2.0", "id": id + 1, "method": "shutdown" })));
    input.extend(frame(&json!({ "jsonrpc": "2.0", "method": "exit" })));

    let run = || {
        let mut output = Vec::new();
        let ending = dcsc::lsp::serve(std::io::Cursor::new(&input), &mut output);
        assert_eq!(ending, dcsc::lsp::Ending::Exited);
        output
    };
    let output = run();
    let mut reader = BufReader::new(output.as_slice());
    let mut answered = 0;
    let mut hovers = 0;
    while let Some(message) = read_frame(&mut reader) {
        assert!(message.get("error").is_none(), "{message}");
        if message["method"] == "textDocument/publishDiagnostics" {
            assert_eq!(message["params"]["diagnostics"], json!([]), "{message}");
        }
        if message.get("id").is_some() {
            answered += 1;
        }
        if message["result"]["contents"].is_object() {
            hovers += 1;
        }
    }
    assert_eq!(answered, id + 2);
    assert!(hovers > 1000, "only {hovers} hovers");
    assert_eq!(run(), output, "the same questions must get the same answers");
}
