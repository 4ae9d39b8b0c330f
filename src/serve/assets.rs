//! The pages, their script and their style, compiled into the binary, so
//! that every page works offline and nothing is fetched from elsewhere.
//! Plain HTML, CSS and JavaScript, no framework and no build step; no page
//! holds inline script or style, and the scripts put council text into
//! pages only as text (`textContent`), never as markup.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::reply::Failure;
use super::Shared;

/// Each asset's address, media type and contents.
const ASSETS: &[(&str, &str, &str)] = &[
    ("/", HTML, include_str!("assets/index.html")),
    ("/assets/style.css", CSS, include_str!("assets/style.css")),
    ("/assets/common.js", JS, include_str!("assets/common.js")),
    ("/assets/councils.js", JS, include_str!("assets/councils.js")),
    ("/assets/council.js", JS, include_str!("assets/council.js")),
    ("/assets/editor.js", JS, include_str!("assets/editor.js")),
    ("/assets/diff.js", JS, include_str!("assets/diff.js")),
];

const HTML: &str = "text/html; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";

/// The fixed assets' routes.
pub(super) fn routes() -> Router<Arc<Shared>> {
    ASSETS
        .iter()
        .fold(Router::new(), |router, (address, media_type, contents)| {
            router.route(address, get(move || async move { page(media_type, contents) }))
        })
}

fn page(media_type: &'static str, contents: &'static str) -> Response {
    ([(header::CONTENT_TYPE, media_type)], contents).into_response()
}

/// A council's page, if there is such a council.
fn council_page_of(shared: &Shared, id: &str, contents: &'static str) -> Response {
    if shared.councils.iter().any(|council| council.id == id) {
        page(HTML, contents)
    } else {
        Failure::new(StatusCode::NOT_FOUND, "there is no council of that id here").into_response()
    }
}

/// `/councils/{id}`: a council's verdicts, chart and timeline as at a
/// date, and its downloads.
pub(super) async fn council_page(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    council_page_of(&shared, &id, include_str!("assets/council.html"))
}

/// `/councils/{id}/edit`: the editor of a council's files.
pub(super) async fn editor_page(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    council_page_of(&shared, &id, include_str!("assets/editor.html"))
}

/// `/councils/{id}/diff`: the changes between two dates.
pub(super) async fn diff_page(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    council_page_of(&shared, &id, include_str!("assets/diff.html"))
}
