//! The council's timeline picture, `GET /api/councils/{id}/timeline.svg`:
//! the one place it is answered. The picture is `dcsc timeline`'s (issue
//! 23, part 1), which is not built yet, so for now this says so with 501
//! Not Implemented; the page shows the message where the timeline goes.
//! When the command exists, this calls it as the chart's handler calls
//! `run::graph`, and the page shows the picture instead.

use axum::http::StatusCode;

use super::councils::Council;
use super::reply::Failure;
use crate::date::Day;

/// The timeline of `council` as at `as_at`: not built yet.
pub(super) fn svg(council: &Council, as_at: Option<Day>) -> Failure {
    let _ = (council, as_at);
    Failure::new(
        StatusCode::NOT_IMPLEMENTED,
        "the timeline picture is not built yet: it will be `dcsc timeline`'s, and this address will serve it",
    )
}
