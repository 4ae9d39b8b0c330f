//! What the server writes: answers to requests, serialised straight
//! from the protocol's types, and every other message as `lsp_server`
//! writes it.

use std::io::Write;

use lsp_server::{Message, RequestId, Response};
use serde::Serialize;

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

/// A response as the protocol frames it, its result already serialised.
#[derive(Serialize)]
struct Framed<'a> {
    jsonrpc: &'static str,
    id: &'a RequestId,
    result: &'a serde_json::value::RawValue,
}

impl Outgoing {
    /// Writes it with its header, as `lsp_server` writes a message.
    pub(super) fn write(&self, output: &mut impl Write) -> std::io::Result<()> {
        match self {
            Outgoing::Message(message) => message.write(output),
            Outgoing::Answer { id, result } => {
                let body = serde_json::to_vec(&Framed {
                    jsonrpc: "2.0",
                    id,
                    result,
                })?;
                write!(output, "Content-Length: {}\r\n\r\n", body.len())?;
                output.write_all(&body)
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

    fn result_again() -> serde_json::Value {
        serde_json::json!({"name": "p1", "kind": 5, "children": [{"name": "a \"b\""}]})
    }
}
