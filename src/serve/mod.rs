//! `dcsc serve`: a local web application over the library, for people who
//! do not use a command line. It reads the councils under the paths it is
//! given (`councils.rs`) and serves pages (`assets/`, embedded in the
//! binary) standing on a JSON API (`api.rs`, documented in
//! `docs/serve.md`).
//!
//! The server decides and words nothing of its own: every answer is what
//! a command gives for the same council and date (`run::verify`,
//! `run::report`, `run::graph`, `run::diff`, or the check pipeline of
//! `Workspace` for the editor), run on a bounded pool of blocking threads
//! with a time limit, since evaluation is synchronous.
//!
//! Safe by default: it listens on 127.0.0.1 unless told otherwise, answers
//! only requests addressed to the name it listens on (so a web page
//! elsewhere cannot reach it through a rebound DNS name), serves only the
//! files of the councils it found (named by id and number, never by a
//! path from the client), writes nothing unless started with `--write`,
//! bounds request bodies and the time per request, and sends a
//! Content-Security-Policy that allows only its own scripts.

mod api;
mod assets;
mod councils;
mod history;
mod reply;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::{oneshot, Semaphore};

use crate::command::CommandError;
use crate::date::Day;
use crate::run::{Channel, Log, Sink, Status};

use councils::Council;
use reply::Failure;

/// The largest request body accepted: a council's file is a few tens of
/// kilobytes, so this is generous, and anything larger is refused with
/// 413 before it is read whole.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// The longest a request may take, from its headers read to its answer:
/// beyond it the client is told 408.
pub const REQUEST_TIME: Duration = Duration::from_secs(30);

/// The longest one evaluation may run before the request is answered 503
/// (the thread finishes its work, but nobody waits for it).
const WORK_TIME: Duration = Duration::from_secs(25);

/// How many evaluations run at once; further requests wait their turn
/// (within [`REQUEST_TIME`]), so a burst of requests cannot start a thread
/// each.
const AT_ONCE: usize = 4;

/// What `dcsc serve` was asked to serve, and how.
#[derive(Clone)]
pub struct Config {
    /// Folders of councils, a council's folder, or council files (none:
    /// the current folder).
    pub paths: Vec<PathBuf>,
    /// Guidance files to use instead of the embedded guidance.
    pub policies: Vec<PathBuf>,
    /// The address to listen on; port 0 picks a free one.
    pub address: SocketAddr,
    /// Whether the editor may save files.
    pub write: bool,
    /// Today, the date used for a council whose papers give none.
    pub today: Day,
    /// Where each request's line goes (standard error, for the binary).
    pub log: Log,
}

/// What every request's handler can see.
struct Shared {
    councils: Vec<Council>,
    policies: Vec<PathBuf>,
    write: bool,
    today: Day,
    log: Log,
    /// The `Host` headers accepted: the names of the loopback address
    /// listened on, or `None` (any) when told to listen elsewhere.
    hosts: Option<Vec<String>>,
    at_once: Arc<Semaphore>,
    /// Held while a file is saved, so two saves of one file never mix.
    saving: std::sync::Mutex<()>,
}

/// A running server.
pub struct Server {
    address: SocketAddr,
    councils: usize,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// The address it listens on (with the port picked, for port 0).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// How many councils it serves.
    pub fn councils(&self) -> usize {
        self.councils
    }

    /// Stops taking connections, lets the requests under way finish (for
    /// a few seconds at most), and returns once the server has stopped.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// Blocks until Ctrl-C (SIGINT), then stops the server.
    pub fn stop_on_interrupt(self) -> Result<(), String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|error| error.to_string())?;
        runtime
            .block_on(tokio::signal::ctrl_c())
            .map_err(|error| error.to_string())?;
        self.stop();
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// Finds the councils, listens on the address, and serves on threads of
/// its own; returns once it listens, so the address (and the port picked
/// for port 0) is known.
pub fn start(config: Config) -> Result<Server, CommandError> {
    let cannot = |reason: String| CommandError::CannotServe { reason };
    let here = [PathBuf::from(".")];
    let paths = if config.paths.is_empty() {
        &here[..]
    } else {
        &config.paths
    };
    let found = councils::discover(paths).map_err(cannot)?;
    for warning in &found.warnings {
        (config.log)(&format!("warning: {warning}\n"));
    }
    let listener = std::net::TcpListener::bind(config.address)
        .map_err(|error| cannot(format!("cannot listen on {}: {error}", config.address)))?;
    let address = listener
        .local_addr()
        .map_err(|error| cannot(format!("cannot tell the address listened on: {error}")))?;
    listener
        .set_nonblocking(true)
        .map_err(|error| cannot(error.to_string()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(AT_ONCE * 2)
        .thread_name("dcsc-serve")
        .enable_all()
        .build()
        .map_err(|error| cannot(format!("cannot start the server's threads: {error}")))?;
    let shared = Arc::new(Shared {
        councils: found.councils,
        policies: config.policies,
        write: config.write,
        today: config.today,
        log: config.log,
        hosts: loopback_hosts(address),
        at_once: Arc::new(Semaphore::new(AT_ONCE)),
        saving: std::sync::Mutex::new(()),
    });
    let councils = shared.councils.len();
    let app = router(Arc::clone(&shared));
    let (stop, stopped) = oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("dcsc-serve".to_owned())
        .spawn(move || {
            let log = Arc::clone(&shared.log);
            let served = runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
                    .with_graceful_shutdown(async move {
                        let _ = stopped.await;
                    })
                    .await
            });
            if let Err(error) = served {
                log(&format!("error: the server stopped: {error}\n"));
            }
            // A request still being worked on is not waited for long.
            runtime.shutdown_timeout(Duration::from_secs(5));
        })
        .map_err(|error| cannot(format!("cannot start the server's thread: {error}")))?;
    Ok(Server {
        address,
        councils,
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// `dcsc serve` for the command line: starts the server, says where to
/// open it on standard output, logs each request on standard error, and
/// serves until Ctrl-C.
pub fn run(config: Config, write: &mut Sink<'_>) -> Status {
    let elsewhere = !config.address.ip().is_loopback();
    let server = match start(config) {
        Ok(server) => server,
        Err(problem) => {
            let found = [crate::diagnostics::from_command(&problem)];
            return crate::run::problems(&found, false, crate::run::Colors::default(), write);
        }
    };
    let address = server.address();
    if elsewhere {
        write(
            Channel::Err,
            &format!("warning: listening on {address}, not only this machine: anyone who can reach it can read the councils' files\n"),
        );
    }
    write(
        Channel::Out,
        &format!(
            "dcsc serve: {} council(s) at {}\nopen that address in a web browser; Ctrl-C stops the server\n",
            server.councils(),
            page_address(address)
        ),
    );
    match server.stop_on_interrupt() {
        Ok(()) => Status::Clear,
        Err(reason) => {
            write(Channel::Err, &format!("error: cannot wait for Ctrl-C: {reason}\n"));
            Status::BadInput
        }
    }
}

/// The address to open in a browser: the loopback name for a loopback or
/// unspecified address.
pub fn page_address(address: SocketAddr) -> String {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => format!("http://127.0.0.1:{}/", address.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => format!("http://[::1]:{}/", address.port()),
        _ => format!("http://{address}/"),
    }
}

/// The `Host` headers a loopback server answers: the names of this
/// machine and the port. Listening elsewhere was asked for by name, so any
/// is answered.
fn loopback_hosts(address: SocketAddr) -> Option<Vec<String>> {
    address.ip().is_loopback().then(|| {
        let port = address.port();
        vec![
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
            address.to_string(),
        ]
    })
}

fn router(shared: Arc<Shared>) -> axum::Router {
    use axum::routing::get;
    axum::Router::new()
        .merge(assets::routes())
        .merge(api::routes())
        .route("/councils/{id}", get(assets::council_page))
        .route("/councils/{id}/edit", get(assets::editor_page))
        .route("/councils/{id}/diff", get(assets::diff_page))
        .fallback(|| async { Failure::new(StatusCode::NOT_FOUND, "there is nothing at this address") })
        .method_not_allowed_fallback(|| async {
            Failure::new(StatusCode::METHOD_NOT_ALLOWED, "this address does not take that method")
        })
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&shared), guard))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIME,
        ))
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&shared), log))
        .with_state(shared)
}

/// Logs one line a request on standard error: who asked, what, the status
/// and how long it took.
async fn log(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let target = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_owned(), ToString::to_string);
    let response = next.run(request).await;
    (shared.log)(&format!(
        "{peer} {method} {} {} {}ms\n",
        crate::visible::escape(&target),
        response.status().as_u16(),
        started.elapsed().as_millis()
    ));
    response
}

/// Refuses what a page elsewhere could send (a `Host` not this server's,
/// a cross-site write), then adds the headers every answer carries.
async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    if let Some(refused) = refusal(&shared, &request) {
        return secured(refused.into_response());
    }
    secured(next.run(request).await)
}

fn refusal(shared: &Shared, request: &Request) -> Option<Failure> {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|host| host.to_str().ok());
    if let Some(hosts) = &shared.hosts {
        if !host.is_some_and(|host| hosts.iter().any(|allowed| allowed.eq_ignore_ascii_case(host))) {
            return Some(Failure::new(
                StatusCode::MISDIRECTED_REQUEST,
                "this server answers only requests addressed to this machine (127.0.0.1 or localhost)",
            ));
        }
    }
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if writes {
        let origin = headers.get(header::ORIGIN).and_then(|origin| origin.to_str().ok());
        let same = match (origin, host) {
            (None, _) => true,
            (Some(origin), Some(host)) => origin.eq_ignore_ascii_case(&format!("http://{host}")),
            (Some(_), None) => false,
        };
        let cross_site = headers
            .get("sec-fetch-site")
            .is_some_and(|site| site.as_bytes() == b"cross-site");
        if !same || cross_site {
            return Some(Failure::new(
                StatusCode::FORBIDDEN,
                "a page from another site may not send this request",
            ));
        }
    }
    None
}

/// The headers every answer carries: only this server's own scripts and
/// styles run (a document served whole, like the HTML report, sets its
/// own stricter policy), nothing is sniffed, framed or cached.
fn secured(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Runs synchronous work (checking, evaluating, rendering) on the blocking
/// pool, at most [`AT_ONCE`] at a time and for at most [`WORK_TIME`]; a
/// panic in it costs this request a 500, never the server.
async fn blocking<T: Send + 'static>(
    shared: &Arc<Shared>,
    work: impl FnOnce(&Shared) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let permit = Arc::clone(&shared.at_once)
        .acquire_owned()
        .await
        .map_err(|_| Failure::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping"))?;
    let shared = Arc::clone(shared);
    let task = tokio::task::spawn_blocking(move || {
        let result = work(&shared);
        drop(permit);
        result
    });
    match tokio::time::timeout(WORK_TIME, task).await {
        Err(_) => Err(Failure::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the work took too long and was abandoned",
        )),
        Ok(Err(_)) => Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error: dcsc failed on this request (a bug in dcsc); the server goes on",
        )),
        Ok(Ok(result)) => result,
    }
}
