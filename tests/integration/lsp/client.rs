//! The editor's side of a session: the binary spawned, messages framed
//! and read on a thread, requests answered by id, and positions counted in
//! UTF-16 as the protocol counts them.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use dcsc::lsp::uri::file_uri;
use serde_json::{json, Value};

use crate::support::binary;

/// How long any one answer may take before the test fails rather than
/// hangs.
pub(super) const PATIENCE: Duration = Duration::from_secs(60);

pub(super) struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Notifications read while waiting for an answer, oldest first.
    notifications: Vec<Value>,
    next_id: i64,
}

/// Reads one framed message.
pub(super) fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub(super) fn frame(value: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(value).unwrap();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body);
    out
}

impl Client {
    pub(super) fn start() -> Client {
        // Spawned on purpose: the server speaks on its standard streams.
        let mut child = binary(&["lsp"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start dcsc lsp");
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            incoming,
            notifications: Vec::new(),
            next_id: 0,
        }
    }

    pub(super) fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    pub(super) fn notify(&mut self, method: &str, params: Value) {
        self.send_raw(&frame(&json!({ "jsonrpc": "2.0", "method": method, "params": params })));
    }

    /// Sends a request and waits for its answer (the whole response).
    pub(super) fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send_raw(&frame(
            &json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        ));
        self.answer(id)
    }

    /// Sends a request without waiting for its answer: its id.
    pub(super) fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send_raw(&frame(
            &json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        ));
        id
    }

    /// The answers to the requests `ids`, in the order they came.
    pub(super) fn answers_in_order(&mut self, ids: &[i64]) -> Vec<Value> {
        let mut answers: Vec<Value> = Vec::new();
        while answers.len() < ids.len() {
            let message = self.incoming.recv_timeout(PATIENCE).expect("an answer from dcsc lsp");
            if message.get("method").is_none() && ids.iter().any(|id| message.get("id") == Some(&json!(id))) {
                answers.push(message);
            } else {
                self.notifications.push(message);
            }
        }
        answers
    }

    pub(super) fn answer(&mut self, id: i64) -> Value {
        loop {
            let message = self.incoming.recv_timeout(PATIENCE).expect("an answer from dcsc lsp");
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.notifications.push(message);
        }
    }

    /// The result of a request that must succeed.
    pub(super) fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    /// The next diagnostics published for a document.
    pub(super) fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            if let Some(index) = self.notifications.iter().position(|message| {
                message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
            }) {
                let message = self.notifications.remove(index);
                return message["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
            }
            let message = self.incoming.recv_timeout(PATIENCE).expect("diagnostics from dcsc lsp");
            self.notifications.push(message);
        }
    }

    pub(super) fn initialize(&mut self) -> Value {
        let result = self.result(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": {} }),
        );
        self.notify("initialized", json!({}));
        result
    }

    pub(super) fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "dcs", "version": 1, "text": text } }),
        );
    }

    pub(super) fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    pub(super) fn at(&mut self, method: &str, uri: &str, position: Value) -> Value {
        self.result(method, json!({ "textDocument": { "uri": uri }, "position": position }))
    }

    /// `shutdown`, then `exit`: the exit status.
    pub(super) fn shutdown(mut self) -> ExitStatus {
        assert_eq!(self.result("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }

    pub(super) fn wait(mut self) -> ExitStatus {
        drop(self.stdin.take());
        let started = std::time::Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(started.elapsed() < PATIENCE, "dcsc lsp did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed test must not leave a server behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The LSP position of the `nth` (from 0) occurrence of `needle`, counted
/// in UTF-16 units as the protocol does.
pub(super) fn position(text: &str, needle: &str, nth: usize) -> Value {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} not in the text"))
        .0;
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

/// The text an LSP range covers (UTF-16 columns; lines end at `\n`, with
/// any `\r` before it kept out).
pub(super) fn slice<'a>(text: &'a str, range: &Value) -> &'a str {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let line_start = text.split_inclusive('\n').take(line).map(str::len).sum::<usize>();
        let mut units = 0;
        for (index, c) in text[line_start..].char_indices() {
            if units >= character || c == '\n' || c == '\r' {
                return line_start + index;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    &text[offset(&range["start"])..offset(&range["end"])]
}

/// The LSP position of the end of a text.
pub(super) fn end_of(text: &str) -> Value {
    let last = text.rsplit('\n').next().unwrap_or("");
    json!({ "line": text.matches('\n').count(), "character": last.encode_utf16().count() })
}

pub(super) fn uri_in(dir: &Path, name: &str) -> String {
    file_uri(&dir.join(name))
}
