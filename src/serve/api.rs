//! The JSON API the pages stand on, which scripts can use too
//! (`docs/serve.md`). Each answer is what a command gives for the same
//! council and date: the verdicts are `verify --format json`'s document,
//! the chart `graph --format svg`'s, the timeline `timeline --format
//! svg`'s, the report `report`'s, the changes
//! `diff`'s; the editor's diagnostics are `check --format json`'s. What is
//! built here only gathers typed values the library already holds (a
//! council's name, the end of its papers, its verdict counts, the dates
//! its papers mark, its verdicts as the report groups them).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderName, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::councils::{shown, Council};
use super::reply::{self, attachment, document, Failure};
use super::{blocking, history, Shared};
use crate::date::{Day, PartialDate};
use crate::outcome::Assessment;
use crate::run::{self, Captured, Colors, Status};
use crate::Workspace;

/// The API's routes.
pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/api/councils", get(councils))
        .route("/api/councils/{id}", get(council))
        .route("/api/councils/{id}/verdicts", get(verdicts))
        .route("/api/councils/{id}/chart.svg", get(chart))
        .route("/api/councils/{id}/timeline.svg", get(timeline_svg))
        .route("/api/councils/{id}/report", get(report))
        .route("/api/councils/{id}/diff", get(diff))
        .route("/api/councils/{id}/files/{number}", get(file).put(save))
        .route("/api/check", post(check))
}

/// The query string, its names each with one value (the last given).
struct Params(BTreeMap<String, String>);

impl Params {
    fn of(query: Result<Query<BTreeMap<String, String>>, QueryRejection>) -> Result<Params, Failure> {
        query
            .map(|Query(pairs)| Params(pairs))
            .map_err(|rejection| Failure::bad(format!("the query string is not understood: {}", rejection.body_text())))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// A date parameter, read as `--as-at` reads one: a month or year
    /// means its last day.
    fn day(&self, name: &str) -> Result<Option<Day>, Failure> {
        self.get(name).map(|text| day(name, text)).transpose()
    }

    /// One of the values a parameter may take, or its default.
    fn choice<T: Copy>(&self, name: &str, choices: &[(&str, T)]) -> Result<T, Failure> {
        let words = || choices.iter().map(|(word, _)| *word).collect::<Vec<_>>().join(", ");
        match self.get(name) {
            None => choices
                .first()
                .map(|(_, value)| *value)
                .ok_or_else(|| Failure::internal("a parameter with no choices")),
            Some(given) => choices
                .iter()
                .find(|(word, _)| *word == given)
                .map(|(_, value)| *value)
                .ok_or_else(|| Failure::bad(format!("`{name}` takes one of: {}", words()))),
        }
    }
}

fn day(name: &str, text: &str) -> Result<Day, Failure> {
    PartialDate::parse(text)
        .map(PartialDate::last_day)
        .map_err(|_| Failure::bad(format!("`{name}` is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")))
}

fn id_of(id: Result<Path<String>, PathRejection>) -> Result<String, Failure> {
    id.map(|Path(id)| id)
        .map_err(|rejection| Failure::bad(format!("the address is not understood: {}", rejection.body_text())))
}

fn find<'a>(shared: &'a Shared, id: &str) -> Result<&'a Council, Failure> {
    shared.councils.iter().find(|council| council.id == id).ok_or_else(|| {
        Failure::new(
            StatusCode::NOT_FOUND,
            "there is no council of that id here; GET /api/councils lists them",
        )
    })
}

/// A council's files (and the guidance files given) read together, as
/// `verify` reads files named together; `edited` is the editor's text for
/// one of them, read before the others so that a council file sharing it
/// reads that text.
fn workspace(shared: &Shared, council: &Council, edited: Option<(usize, &str)>) -> Workspace {
    let mut workspace = Workspace::new();
    for policy in &shared.policies {
        workspace.add_path(policy);
    }
    if let Some((number, text)) = edited {
        if let Some(file) = council.files.get(number) {
            workspace.add_source(file, text);
        }
    }
    for (number, file) in council.files.iter().enumerate() {
        if edited.is_none_or(|(edited, _)| edited != number) {
            workspace.add_path(file);
        }
    }
    workspace
}

/// The inputs of a command for a council: as at the date asked for, else
/// at the end of its papers, as the command line defaults.
fn inputs(shared: &Shared, council: &Council, asked: Option<Day>) -> run::Inputs {
    run::Inputs {
        arrangements: council.files.clone(),
        policies: shared.policies.clone(),
        as_at: asked.map_or(
            crate::AsAt::PapersEnd {
                otherwise: shared.today,
            },
            crate::AsAt::Given,
        ),
    }
}

/// What a command wrote, and how it ended. A guidance file given as `-`
/// reads the process's standard input, as [`Workspace::add_path`] does.
fn captured(command: impl FnOnce(&mut run::Streams<'_>) -> Status) -> (Status, Captured) {
    let mut captured = Captured::default();
    let mut write = |channel, text: &str| captured.write(channel, text);
    let mut streams = run::Streams {
        input: run::Input {
            reader: Box::new(std::io::stdin()),
            file: None,
        },
        colors: Colors::default(),
        write: &mut write,
    };
    let status = command(&mut streams);
    drop(streams);
    (status, captured)
}

/// The end of the council's papers (`known_until`, or the latest date
/// they mention), as checked with no date.
fn papers_end(workspace: &mut Workspace) -> Option<PapersEnd> {
    let checked = workspace.check();
    let arrangement = checked.arrangements.first()?;
    let known = arrangement.known_until;
    Some(PapersEnd {
        written: known.and_then(|known| known.date),
        day: arrangement.papers_end?,
        stated: known.is_some_and(|known| known.stated),
    })
}

/// The end of a council's papers: as written, its last day, and whether
/// the arrangements state it.
#[derive(Clone, Copy)]
struct PapersEnd {
    written: Option<crate::date::PartialDate>,
    day: Day,
    stated: bool,
}

/// The date asked for, else the end of the council's papers, else today.
fn as_at(shared: &Shared, council: &Council, asked: Option<Day>) -> Day {
    asked.unwrap_or_else(|| papers_end(&mut workspace(shared, council, None)).map_or(shared.today, |end| end.day))
}

/// The diagnostics of a council that does not check as at a date.
fn not_checking(shared: &Shared, council: &Council, as_at: Day) -> Failure {
    let mut workspace = workspace(shared, council, None);
    workspace.check_as_at(Some(as_at));
    Failure::does_not_check(&crate::diagnostics::json_document(&[(
        &workspace.sources,
        &workspace.diagnostics,
    )]))
}

fn summary(assessment: &Assessment<'_>) -> Value {
    let counts: Map<String, Value> = assessment
        .counts()
        .into_iter()
        .map(|(kind, count)| (kind.name().to_owned(), json!(count)))
        .collect();
    json!({ "needs_action": assessment.needing_action(), "counts": counts })
}

fn groups(assessment: &Assessment<'_>) -> Value {
    Value::Array(
        assessment
            .grouped()
            .into_iter()
            .map(|group| {
                let sections: Vec<Value> = group
                    .sections
                    .iter()
                    .map(|section| json!({ "title": section.title, "verdicts": section.verdicts }))
                    .collect();
                json!({ "needs_action": group.needs_action, "count": group.count, "sections": sections })
            })
            .collect(),
    )
}

/// One council as the list shows it, or (`detail`) as its page does: with
/// the dates its papers mark and its verdicts grouped.
fn describe(shared: &Shared, council: &Council, asked: Option<Day>, detail: bool) -> Value {
    let end = papers_end(&mut workspace(shared, council, None));
    let day = asked.unwrap_or_else(|| end.map_or(shared.today, |end| end.day));
    let mut described = json!({
        "schema_version": 1,
        "id": council.id,
        "path": council.path,
        "files": council.files.iter().map(|file| shown(file)).collect::<Vec<_>>(),
        "name": null,
        "papers_end": end.map(|end| json!({
            "date": end.written.map_or_else(|| end.day.to_string(), |date| date.to_string()),
            "day": end.day.to_string(),
            "stated": end.stated,
        })),
        "as_at": day.to_string(),
        "checks": false,
        "summary": null,
    });
    let mut workspace = workspace(shared, council, None);
    let mut fields = Map::new();
    match workspace.prepare(day).map(crate::Prepared::evaluate) {
        Some(verified) => {
            let assessments = verified.assessments(&workspace.sources);
            if let Some(assessment) = assessments.first() {
                fields.insert("name".to_owned(), json!(assessment.arrangement.council_name()));
                fields.insert("checks".to_owned(), json!(true));
                fields.insert("summary".to_owned(), summary(assessment));
                if detail {
                    let marks = history::marks(assessment.arrangement, assessment.policy);
                    fields.insert("marks".to_owned(), json!(marks));
                    fields.insert("groups".to_owned(), groups(assessment));
                }
            }
        }
        None if detail => {
            let document = crate::diagnostics::json_document(&[(&workspace.sources, &workspace.diagnostics)]);
            fields.insert(
                "diagnostics".to_owned(),
                serde_json::from_str(&document).unwrap_or(Value::Null),
            );
        }
        None => {}
    }
    if detail {
        fields.entry("marks").or_insert_with(|| json!([]));
        fields.entry("groups").or_insert_with(|| json!([]));
        fields.entry("diagnostics").or_insert(Value::Null);
        fields.insert("writable".to_owned(), json!(shared.write));
    }
    if let Some(object) = described.as_object_mut() {
        object.extend(fields);
    }
    described
}

/// `GET /api/councils?as_at=DATE`: every council with its summary as at
/// the date (each council's own papers' end if none is given).
async fn councils(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<BTreeMap<String, String>>, QueryRejection>,
) -> Result<Response, Failure> {
    let asked = Params::of(query)?.day("as_at")?;
    blocking(&shared, move |shared| {
        let councils: Vec<Value> = shared
            .councils
            .iter()
            .map(|council| {
                let mut described = describe(shared, council, asked, false);
                if let Some(object) = described.as_object_mut() {
                    object.remove("schema_version");
                }
                described
            })
            .collect();
        Ok(reply::json(&json!({ "schema_version": 1, "councils": councils })))
    })
    .await
}

/// `GET /api/councils/{id}?as_at=DATE`: one council for its page.
async fn council(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<BTreeMap<String, String>>, QueryRejection>,
) -> Result<Response, Failure> {
    let id = id_of(id)?;
    let asked = Params::of(query)?.day("as_at")?;
    blocking(&shared, move |shared| {
        let council = find(shared, &id)?;
        Ok(reply::json(&describe(shared, council, asked, true)))
    })
    .await
}

/// `GET /api/councils/{id}/verdicts?as_at=DATE&format=json|sarif`: the
/// document `verify` writes in that format (`download` asks the browser to
/// save it).
async fn verdicts(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<BTreeMap<String, String>>, QueryRejection>,
) -> Result<Response, Failure> {
    let id = id_of(id)?;
    let params = Params::of(query)?;
    let asked = params.day("as_at")?;
    let format = params.choice(
        "format",
        &[("json", run::VerifyFormat::Json), ("sarif", run::VerifyFormat::Sarif)],
    )?;
    let download = params.get("download").is_some();
    blocking(&shared, move |shared| {
        let council = find(shared, &id)?;
        let day = as_at(shared, council, asked);
        let (status, written) = captured(|streams| {
            run::verify(
                &inputs(shared, council, asked),
                &run::VerifyOptions::new(format),
                streams,
            )
        });
        if status == Status::BadInput {
            return Err(not_checking(shared, council, day));
        }
        let (media_type, extension) = match format {
            run::VerifyFormat::Sarif => ("application/sarif+json", "sarif"),
            run::VerifyFormat::Json
            | run::VerifyFormat::Human
            | run::VerifyFormat::Junit
            | run::VerifyFormat::Github => (reply::JSON, "json"),
        };
        let headers: Vec<(HeaderName, String)> = if download {
            vec![attachment(&format!("{}-{day}.{extension}", council.id))]
        } else {
            Vec::new()
        };
        Ok(document(media_type, written.out, &headers))
    })
    .await
}

/// `GET /api/councils/{id}/chart.svg?as_at=DATE`: the governance chart.
async fn chart(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<BTreeMap<String, String>>, QueryRejection>,
) -> Result<Response, Failure> {
    picture(shared, id, query, |inputs, streams| {
        run::graph(inputs, run::ChartFormat::Svg, None, streams)
    })
    .await
}

/// The policy of a document served whole (a chart, the HTML report): its
/// own inline styles, pictures inside it, and nothing else: no script at
/// all.
const SEALED: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

/// `GET /api/councils/{id}/timeline.svg?as_at=DATE`: the council's history,
/// `timeline --format svg`'s, with the date asked for marked.
async fn timeline_svg(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<BTreeMap<String, String>>, QueryRejection>,
) -> Result<Response, Failure> {
    picture(shared, id, query, |inputs, streams| {
        run::timeline(
            inputs,
            run::TimelineFormat::Svg,
            crate::timeline::Period::default(),
            None,
            streams,
        )
    })
    .await
}

/// A council's picture as at the date asked for, as the command `draw`
/// writes it in SVG, served sealed.
async fn picture(
    shared: Arc<Shared>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<BTreeMap<String, String>>, QueryRejection>,
    draw: fn(&run::Inputs, &mut run::Streams<'_>) -> Status,
) -> Result<Response, Failure> {
    let id = id_of(id)?;
    let asked = Params::of(query)?.day("as_at")?;
    blocking(&shared, move |shared| {
        let council = find(shared, &id)?;
        let day = as_at(shared, council, asked);
        let (status, written) = captured(|streams| draw(&inputs(shared, council, asked), streams));
        if status == Status::BadInput {
            return Err(not_checking(shared, council, day));
        }
        Ok(document(
            "image/svg+xml",
            written.out,
            &[(header::CONTENT_SECURITY_POLICY, SEALED.to_owned())],
        ))
    })
    .await
}

/// `GET /api/councils/{id}/report?format=html|markdown|csv&as_at=DATE`:
/// the committee's report, to save.
async fn report(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<BTreeMap<String, String>>, QueryRejection>,
) -> Result<Response, Failure> {
    use run::ReportFormat::{Csv, Html, Markdown};
    let id = id_of(id)?;
    let params = Params::of(query)?;
    let asked = params.day("as_at")?;
    if params.get("format").is_none() {
        return Err(Failure::bad(
            "give the report's format: `format=html`, `markdown` or `csv`",
        ));
    }
    let format = params.choice("format", &[("html", Html), ("markdown", Markdown), ("csv", Csv)])?;
    blocking(&shared, move |shared| {
        let council = find(shared, &id)?;
        let day = as_at(shared, council, asked);
        let (status, written) = captured(|streams| run::report(&inputs(shared, council, asked), format, None, streams));
        if status == Status::BadInput {
            return Err(not_checking(shared, council, day));
        }
        let (media_type, extension) = match format {
            Html => ("text/html; charset=utf-8", "html"),
            Markdown => ("text/markdown; charset=utf-8", "md"),
            Csv => ("text/csv; charset=utf-8", "csv"),
        };
        let mut headers = vec![attachment(&format!("{}-{day}.{extension}", council.id))];
        if format == Html {
            headers.push((header::CONTENT_SECURITY_POLICY, SEALED.to_owned()));
        }
        Ok(document(media_type, written.out, &headers))
    })
    .await
}

/// `GET /api/councils/{id}/diff?from=DATE&to=DATE&format=json|markdown`:
/// every verdict that changes between the two dates, as `diff` writes it.
async fn diff(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<BTreeMap<String, String>>, QueryRejection>,
) -> Result<Response, Failure> {
    let id = id_of(id)?;
    let params = Params::of(query)?;
    let (Some(from), Some(to)) = (params.day("from")?, params.day("to")?) else {
        return Err(Failure::bad("give both dates: `from=DATE&to=DATE`"));
    };
    let format = params.choice(
        "format",
        &[("json", run::DiffFormat::Json), ("markdown", run::DiffFormat::Markdown)],
    )?;
    blocking(&shared, move |shared| {
        let council = find(shared, &id)?;
        let sides = run::Sides {
            from_policy: Vec::new(),
            to_policy: Vec::new(),
            policies: shared.policies.clone(),
            as_at: from,
            from: Some(from),
            to: Some(to),
        };
        let (status, written) = captured(|streams| run::diff(&council.files, &sides, format, None, None, streams));
        if status == Status::BadInput {
            return Err(not_checking(shared, council, from));
        }
        let media_type = match format {
            run::DiffFormat::Markdown => "text/markdown; charset=utf-8",
            run::DiffFormat::Json | run::DiffFormat::Human => reply::JSON,
        };
        Ok(document(media_type, written.out, &[]))
    })
    .await
}

fn number_of(path: Result<Path<(String, String)>, PathRejection>) -> Result<(String, usize), Failure> {
    let Path((id, number)) =
        path.map_err(|rejection| Failure::bad(format!("the address is not understood: {}", rejection.body_text())))?;
    let number = number
        .parse()
        .map_err(|_| Failure::bad("a file is named by its number in the council's list, from 0"))?;
    Ok((id, number))
}

/// `GET /api/councils/{id}/files/{number}`: the text of one of the
/// council's files, for the editor.
async fn file(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, Failure> {
    let (id, number) = number_of(path)?;
    blocking(&shared, move |shared| {
        let council = find(shared, &id)?;
        let (_, canonical) = council.file(number)?;
        let mut sources = crate::source::SourceMap::new();
        let file = crate::load::read(&mut sources, &canonical).map_err(|_| {
            Failure::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "the file cannot be read as UTF-8 text",
            )
        })?;
        let text = sources.get(file).map(|source| source.text.clone()).unwrap_or_default();
        Ok(document("text/plain; charset=utf-8", text, &[]))
    })
    .await
}

/// `PUT /api/councils/{id}/files/{number}` (with `--write` only): saves
/// the editor's text, if it checks with the council's other files; the
/// file is replaced atomically and its previous text kept beside it.
async fn save(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<(String, String)>, PathRejection>,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, Failure> {
    let (id, number) = number_of(path)?;
    if !shared.write {
        return Err(Failure::new(
            StatusCode::FORBIDDEN,
            "the server is read-only: start it with `dcsc serve --write` to save files",
        ));
    }
    let body = body.map_err(|rejection| Failure::new(rejection.status(), body_refused(rejection.status())))?;
    let text = String::from_utf8(body.to_vec()).map_err(|_| Failure::bad("the text is not UTF-8"))?;
    blocking(&shared, move |shared| {
        let council = find(shared, &id)?;
        let (file, canonical) = council.file(number)?;
        let mut workspace = workspace(shared, council, Some((number, &text)));
        workspace.check();
        if workspace.has_errors() {
            let document = crate::diagnostics::json_document(&[(&workspace.sources, &workspace.diagnostics)]);
            return Err(Failure::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "the text does not check, so it was not saved; the diagnostics say why",
            )
            .with_diagnostics(&document));
        }
        let _saving = shared.saving.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        keep_previous(&canonical)?;
        run::output::write(&canonical, text.as_bytes())
            .map_err(|error| Failure::internal(format!("cannot write `{}`: {}", shown(file), error.reason)))?;
        Ok(reply::json(&json!({
            "saved": shown(file),
            "previous": shown(&previous_of(file)),
        })))
    })
    .await
}

fn previous_of(file: &std::path::Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".previous");
    PathBuf::from(name)
}

/// Keeps the file's text as it was, beside it (`FILE.previous`), before it
/// is replaced.
fn keep_previous(canonical: &std::path::Path) -> Result<(), Failure> {
    let previous = previous_of(canonical);
    let old = std::fs::read(canonical).map_err(|error| {
        Failure::internal(format!(
            "cannot read the file to keep it: {}",
            crate::load::describe_io(&error)
        ))
    })?;
    run::output::write(&previous, &old)
        .map(|_| ())
        .map_err(|error| Failure::internal(format!("cannot keep the previous text: {}", error.reason)))
}

fn body_refused(status: StatusCode) -> String {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        format!("the request body is larger than {} bytes", super::MAX_BODY_BYTES)
    } else {
        "the request body cannot be read".to_owned()
    }
}

/// What the editor sends to be checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    /// The text.
    text: String,
    /// The council it is one of the files of (none: checked alone).
    council: Option<String>,
    /// Which of the council's files it is.
    file: Option<usize>,
    /// The date to verify as at (default: the end of the papers).
    as_at: Option<String>,
}

/// `POST /api/check`: text in, coded diagnostics out (`check --format
/// json`'s document), and, if it checks, the council's verdict counts.
async fn check(
    State(shared): State<Arc<Shared>>,
    request: Result<Json<CheckRequest>, JsonRejection>,
) -> Result<Response, Failure> {
    let Json(request) = request.map_err(|rejection| {
        let status = rejection.status();
        let message = match status {
            StatusCode::PAYLOAD_TOO_LARGE => body_refused(status),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                "send the request as JSON (Content-Type: application/json)".to_owned()
            }
            _ => format!(
                "the request is not understood: {}; send {{\"text\": …, \"council\": ID, \"file\": NUMBER}}",
                rejection.body_text()
            ),
        };
        Failure::new(status, message)
    })?;
    let asked = request.as_at.as_deref().map(|text| day("as_at", text)).transpose()?;
    if request.council.is_some() != request.file.is_some() {
        return Err(Failure::bad("give `council` and `file` together, or neither"));
    }
    blocking(&shared, move |shared| checked(shared, &request, asked)).await
}

fn checked(shared: &Shared, request: &CheckRequest, asked: Option<Day>) -> Result<Response, Failure> {
    let council = request.council.as_deref().map(|id| find(shared, id)).transpose()?;
    let build = || match (council, request.file) {
        (Some(council), Some(number)) => workspace(shared, council, Some((number, &request.text))),
        _ => {
            let mut workspace = Workspace::new();
            for policy in &shared.policies {
                workspace.add_path(policy);
            }
            workspace.add_text("request.dcs", &request.text);
            workspace
        }
    };
    if let (Some(council), Some(number)) = (council, request.file) {
        council.file(number)?;
    }
    let mut first = build();
    let end = papers_end(&mut first);
    let diagnostics = crate::diagnostics::json_document(&[(&first.sources, &first.diagnostics)]);
    let mut verdicts = Value::Null;
    if !first.has_errors() {
        let day = asked.unwrap_or_else(|| end.map_or(shared.today, |end| end.day));
        let mut second = build();
        if let Some(verified) = second.verify(day) {
            if let Some(assessment) = verified.assessments(&second.sources).first() {
                let mut counted = summary(assessment);
                if let Some(object) = counted.as_object_mut() {
                    object.insert("as_at".to_owned(), json!(day.to_string()));
                }
                verdicts = counted;
            }
        }
    }
    let diagnostics: Value =
        serde_json::from_str(&diagnostics).map_err(|error| Failure::internal(error.to_string()))?;
    Ok(reply::json(&json!({
        "schema_version": 1,
        "diagnostics": diagnostics,
        "verdicts": verdicts,
    })))
}
