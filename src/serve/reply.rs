//! The server's answers: a refusal as JSON with its status and a message
//! (`docs/serve-error.schema.json`), and a document of a given type.

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// A request refused or failed: its status, a message in words, and the
/// coded diagnostics when a council's files do not check.
#[derive(Debug)]
pub(super) struct Failure {
    status: StatusCode,
    message: String,
    diagnostics: Option<serde_json::Value>,
}

impl Failure {
    /// A refusal with a status and a message.
    pub(super) fn new(status: StatusCode, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
            diagnostics: None,
        }
    }

    /// A council whose files do not check (422), with the diagnostics
    /// document `dcsc check --format json` would print.
    pub(super) fn does_not_check(diagnostics: &str) -> Failure {
        Failure {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: "the council's files do not check, so there are no verdicts; the diagnostics say why".to_owned(),
            diagnostics: serde_json::from_str(diagnostics).ok(),
        }
    }

    /// A bad request (400).
    pub(super) fn bad(message: impl Into<String>) -> Failure {
        Failure::new(StatusCode::BAD_REQUEST, message)
    }

    /// Something dcsc did not expect (500).
    pub(super) fn internal(message: impl Into<String>) -> Failure {
        Failure::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// The same failure with the diagnostics that explain it.
    pub(super) fn with_diagnostics(mut self, diagnostics: &str) -> Failure {
        self.diagnostics = serde_json::from_str(diagnostics).ok();
        self
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut error = serde_json::json!({
            "status": self.status.as_u16(),
            "message": self.message,
        });
        if let (Some(diagnostics), Some(object)) = (self.diagnostics, error.as_object_mut()) {
            object.insert("diagnostics".to_owned(), diagnostics);
        }
        let body = json_text(&serde_json::json!({ "error": error }));
        (self.status, [(header::CONTENT_TYPE, JSON)], body).into_response()
    }
}

/// The media type of JSON answers.
pub(super) const JSON: &str = "application/json";

/// JSON as dcsc writes it everywhere: pretty, with the characters that
/// must never be written raw escaped.
pub(super) fn json_text(value: &serde_json::Value) -> String {
    format!("{}\n", crate::visible::json(value))
}

/// A JSON answer built here.
pub(super) fn json(value: &serde_json::Value) -> Response {
    document(JSON, json_text(value), &[])
}

/// A document of a media type, with any further headers.
pub(super) fn document(media_type: &'static str, body: String, headers: &[(HeaderName, String)]) -> Response {
    let mut response = (StatusCode::OK, [(header::CONTENT_TYPE, media_type)], body).into_response();
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_str(value) {
            response.headers_mut().insert(name.clone(), value);
        }
    }
    response
}

/// The header that makes a browser save a document as a file of this
/// name rather than show it.
pub(super) fn attachment(file_name: &str) -> (HeaderName, String) {
    (
        header::CONTENT_DISPOSITION,
        format!("attachment; filename=\"{file_name}\""),
    )
}
