//! What the server writes: answers to requests, serialised straight
//! from the protocol's types, and every other message as `lsp_server`
//! writes it.

use std::io::Write;

use lsp_server::{Message, RequestId, Response};

/// The result of a request, serialised: written straight from the
/// protocol's types. A `serde_json::Value` of a large answer (the symbols
/// of a document of many posts) would hold an ordered map for every
/// object, several times the size of its text.
pub(super) type Answer = Box<serde_json::value::RawValue>;

/// What the server writes: an answer to a request, or any other message
/// of the protocol (an error, a notification).
pub(super) enum Outgoing {
    /// A request's result.
    Answer {
        /// The request answered.
        id: RequestId,
        /// Its result.
        result: Answer,
    },
    /// Any other message.
    Message(Message),
}

impl From<Message> for Outgoing {
    fn from(message: Message) -> Outgoing {
        Outgoing::Message(message)
    }
}

impl Outgoing {
    /// Writes it with its header, as `lsp_server` writes a message.
    pub(super) fn write(&self, output: &mut impl Write) -> std::io::Result<()> {
        match self {
            Outgoing::Message(message) => message.write(output),
            Outgoing::Answer { id, result } => {
                // Framed around the result, not serialised again into one
                // body: a large document's symbols are megabytes, and a
                // body holding them would be a second copy, grown by
                // doubling.
                let opening = format!(
                    "{{\"jsonrpc\":\"2.0\",\"id\":{},\"result\":",
                    serde_json::to_string(id)?
                );
                let result = result.get();
                let length = opening.len() + result.len() + 1;
                write!(output, "Content-Length: {length}\r\n\r\n{opening}")?;
                output.write_all(result.as_bytes())?;
                output.write_all(b"}")
            }
        }
    }

    /// As the protocol's message, for a caller in the process
    /// ([`Session`]).
    pub(super) fn into_message(self) -> Message {
        match self {
            Outgoing::Message(message) => message,
            Outgoing::Answer { id, result } => Response {
                id,
                response_result: Ok(serde_json::from_str(result.get()).unwrap_or(serde_json::Value::Null)),
            }
            .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An answer written from its serialised result is the message
    /// `lsp_server` would write for the same result: the same header and
    /// the same JSON.
    #[test]
    fn an_answer_is_written_as_the_protocol_frames_a_response() {
        let result = serde_json::json!({"name": "p1", "kind": 5, "children": [{"name": "a \"b\""}]});
        let mut ours = Vec::new();
        let answer = Outgoing::Answer {
            id: RequestId::from(7),
            result: serde_json::value::to_raw_value(&result).unwrap(),
        };
        answer.write(&mut ours).unwrap();
        let mut theirs = Vec::new();
        Message::from(Response::new_ok(RequestId::from(7), result))
            .write(&mut theirs)
            .unwrap();
        let split = |bytes: &[u8]| {
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            let (header, body) = text.split_once("\r\n\r\n").unwrap();
            assert_eq!(header, format!("Content-Length: {}", body.len()));
            serde_json::from_str::<serde_json::Value>(body).unwrap()
        };
        assert_eq!(split(&ours), split(&theirs));
        assert!(matches!(
            answer.into_message(),
            Message::Response(Response { id, response_result: Ok(value) })
                if id == RequestId::from(7) && value == result_again()
        ));
    }

    /// A request's id may be a string, quoted and escaped as JSON.
    #[test]
    fn an_answer_to_a_request_named_by_a_string_is_framed_with_it_quoted() {
        let mut ours = Vec::new();
        Outgoing::Answer {
            id: RequestId::from("a \"b\"".to_owned()),
            result: serde_json::value::to_raw_value(&[1, 2]).unwrap(),
        }
        .write(&mut ours)
        .unwrap();
        let body = "{\"jsonrpc\":\"2.0\",\"id\":\"a \\\"b\\\"\",\"result\":[1,2]}";
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            format!("Content-Length: {}\r\n\r\n{body}", body.len())
        );
    }

    fn result_again() -> serde_json::Value {
        serde_json::json!({"name": "p1", "kind": 5, "children": [{"name": "a \"b\""}]})
    }
}
