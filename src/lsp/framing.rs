//! Reading the protocol's messages: headers (`Content-Length: N`, others
//! ignored) up to an empty line, then N bytes of JSON. The framing is read
//! here, bounded, because `lsp-server`'s own reader believes any
//! `Content-Length` it is sent and would try to allocate it; and it
//! resynchronises on the next header after anything that is not a
//! message, so that a stray line loses no request.

use std::io::{BufRead, Read};

use lsp_server::Message;

/// The largest message the server reads: the largest file dcsc reads, and
/// room for the JSON around it.
pub(super) const MAX_MESSAGE_BYTES: usize = crate::load::MAX_FILE_BYTES as usize + 1024 * 1024;

/// The longest header line read before a message is taken as malformed.
const MAX_HEADER_BYTES: u64 = 8 * 1024;

/// What was read.
pub(super) enum Incoming {
    Message(Message),
    /// Something that is not a message, said in words for the editor's
    /// log; reading goes on with what follows.
    Malformed(String),
    End,
}

/// Reads one message: headers (`Content-Length: N`, others ignored) up to
/// an empty line, then N bytes of JSON.
pub(super) fn read_message(input: &mut impl BufRead) -> Incoming {
    let mut length: Option<usize> = None;
    let mut problem: Option<String> = None;
    // Whether a header line has been read: blank lines before one are
    // harmless, the blank line after them ends the headers.
    let mut headers = false;
    loop {
        let mut line = Vec::new();
        match input.by_ref().take(MAX_HEADER_BYTES).read_until(b'\n', &mut line) {
            Ok(0) if headers => {
                return Incoming::Malformed("the input ended inside a message's headers".to_owned());
            }
            // Nothing more can be read: the session is over.
            Ok(0) | Err(_) => return Incoming::End,
            Ok(_) => {}
        }
        if !line.ends_with(b"\n") {
            // Longer than any header: skip to the end of the line.
            let _ = input.skip_until(b'\n');
            problem = Some("a header line is too long".to_owned());
            headers = true;
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let mut text = text.trim_end_matches(['\r', '\n']);
        // A header after stray bytes (the rest of a message whose length
        // was wrong) starts the next message: read on from it.
        // So does a header after a line that was no header: the message
        // that line spoiled is dropped, not the one that follows.
        if let Some(at) = text.find("Content-Length:").filter(|at| *at > 0 || problem.is_some()) {
            text = text.get(at..).unwrap_or(text);
            length = None;
            problem = None;
        }
        if text.is_empty() {
            if headers {
                break;
            }
            continue;
        }
        headers = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(value) => length = Some(value),
                    Err(_) => problem = Some(format!("`{}` is not a length", value.trim())),
                }
            }
            Some(_) => {}
            // A stray line before any length: skipped on its own, so the
            // message whose headers follow is read whole.
            None if length.is_none() && problem.is_none() => {
                return Incoming::Malformed(format!("a line that is no header was skipped: `{text}`"));
            }
            None => problem = Some(format!("`{text}` is not a header")),
        }
    }
    let length = match (length, problem) {
        (Some(length), None) => length,
        (_, Some(problem)) => return Incoming::Malformed(format!("a message was skipped: {problem}")),
        (None, None) => return Incoming::Malformed("a message was skipped: it has no Content-Length".to_owned()),
    };
    if length > MAX_MESSAGE_BYTES {
        // Skipped unread, so that what follows it can still be read.
        let _ = std::io::copy(&mut input.by_ref().take(length as u64), &mut std::io::sink());
        return Incoming::Malformed(format!(
            "a message of {length} bytes was skipped: dcsc reads messages of at most {MAX_MESSAGE_BYTES} bytes"
        ));
    }
    let mut body = Vec::new();
    if input.by_ref().take(length as u64).read_to_end(&mut body).is_err() {
        return Incoming::End;
    }
    if body.len() < length {
        return Incoming::Malformed("the input ended inside a message".to_owned());
    }
    match serde_json::from_slice::<Message>(&body) {
        Ok(message) => Incoming::Message(message),
        Err(error) => Incoming::Malformed(format!("a message that is not JSON-RPC was skipped: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read_all(input: &str) -> Vec<String> {
        let mut reader = std::io::Cursor::new(input.as_bytes());
        let mut out = Vec::new();
        loop {
            match read_message(&mut reader) {
                Incoming::End => return out,
                Incoming::Malformed(problem) => out.push(format!("malformed: {problem}")),
                Incoming::Message(Message::Notification(notification)) => out.push(notification.method),
                Incoming::Message(Message::Request(request)) => out.push(request.method),
                Incoming::Message(Message::Response(_)) => out.push("response".to_owned()),
            }
        }
    }

    #[test]
    fn framing_recovers_from_what_is_not_a_message() {
        let good = frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
        let read = read_all(&format!(
            "{good}\r\n{}{}Content-Length: 3\r\n\r\n{{\"a\": 1}}{good}{}",
            frame("not json"),
            "X-Other: 1\r\n\r\n",
            "Content-Length: 99999999999\r\n\r\n"
        ));
        assert_eq!(
            read,
            [
                "initialized".to_owned(),
                "malformed: a message that is not JSON-RPC was skipped: expected ident at line 1 column 2".to_owned(),
                "malformed: a message was skipped: it has no Content-Length".to_owned(),
                // A length too short: what is left of the body is skipped,
                // and the next message is found at its header.
                "malformed: a message that is not JSON-RPC was skipped: EOF while parsing a string at line 1 column 3"
                    .to_owned(),
                "initialized".to_owned(),
                format!(
                    "malformed: a message of 99999999999 bytes was skipped: dcsc reads messages of at most {MAX_MESSAGE_BYTES} bytes"
                ),
            ]
        );
    }

    #[test]
    fn a_stray_line_loses_no_request() {
        let request = frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#);
        let read = read_all(&format!("garbage\r\n{request}stray: \r\nnot a header\r\n{request}"));
        assert_eq!(
            read,
            [
                "malformed: a line that is no header was skipped: `garbage`".to_owned(),
                "shutdown".to_owned(),
                // An unknown header, then a line that is none: skipped, and
                // the `Content-Length` after it starts the next message.
                "malformed: a line that is no header was skipped: `not a header`".to_owned(),
                "shutdown".to_owned(),
            ]
        );
    }
}
