//! `dcsc serve` over HTTP: the API's status codes and JSON shapes (held to
//! the schemas in `docs/`), answers byte for byte those of the commands,
//! refusals of traversal, links out, large bodies, writes while read-only,
//! other hosts and malformed requests, saves that check first and keep
//! the previous text, and 1,000 requests from 20 clients all answered
//! right. The server runs in-process on port 0; the binary is run for
//! its command line (help, a path that is not there, Ctrl-C).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dcsc::date::Day;
use dcsc::run::{self, Captured, Colors};
use dcsc::serve::{self, Config, Server};

use crate::support::{binary, root, scratch};

const AS_AT: Day = Day {
    year: 2017,
    month: 6,
    day: 1,
};

/// A server over `paths`, on a free port, logging into `log`.
fn start(paths: &[PathBuf], write: bool) -> (Server, Arc<Mutex<String>>) {
    let log = Arc::new(Mutex::new(String::new()));
    let kept = Arc::clone(&log);
    let server = serve::start(Config {
        paths: paths.to_vec(),
        policies: Vec::new(),
        address: "127.0.0.1:0".parse().unwrap(),
        write,
        today: AS_AT,
        log: Arc::new(move |line: &str| kept.lock().unwrap().push_str(line)),
    })
    .unwrap_or_else(|problem| panic!("the server does not start: {problem:?}"));
    (server, log)
}

fn examples() -> (Server, Arc<Mutex<String>>) {
    start(&[PathBuf::from("examples")], false)
}

/// An answer: status, headers (names lower-cased) and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Sends raw bytes and reads the whole answer (the request asks the
/// server to close the connection).
fn raw(address: SocketAddr, request: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    stream.write_all(request).unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    parse(&bytes)
}

fn parse(bytes: &[u8]) -> Answer {
    let end = bytes
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete answer: {}", String::from_utf8_lossy(bytes)));
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let mut body = bytes[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(name, value)| name == "transfer-encoding" && value.contains("chunked"));
    if chunked {
        body = unchunk(&body);
    }
    Answer { status, headers, body }
}

fn unchunk(mut bytes: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line = bytes.windows(2).position(|window| window == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&bytes[..line]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&bytes[line + 2..line + 2 + size]);
        bytes = &bytes[line + 2 + size + 2..];
    }
}

fn request(address: SocketAddr, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut text = format!(
        "{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(body);
    raw(address, &bytes)
}

fn get(address: SocketAddr, target: &str) -> Answer {
    request(address, "GET", target, &[], b"")
}

fn post_json(address: SocketAddr, target: &str, body: &serde_json::Value) -> Answer {
    request(
        address,
        "POST",
        target,
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    )
}

fn validator(name: &str) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("docs").join(name)).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|error| panic!("{name} is not a valid schema: {error}"))
}

fn assert_valid(schema: &str, value: &serde_json::Value) {
    let validator = validator(schema);
    let errors: Vec<String> = validator
        .iter_errors(value)
        .take(5)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "does not match {schema}:\n{}", errors.join("\n"));
}

/// A refusal: its status, its JSON error of the documented shape, and its
/// message.
fn assert_refused(answer: &Answer, status: u16) -> String {
    assert_eq!(answer.status, status, "{}", String::from_utf8_lossy(&answer.body));
    assert_eq!(answer.header("content-type"), Some("application/json"));
    let value = answer.json();
    assert_valid("serve-error.schema.json", &value);
    assert_eq!(value["error"]["status"], status);
    value["error"]["message"].as_str().unwrap().to_owned()
}

fn captured(command: impl FnOnce(&mut run::Sink<'_>) -> run::Status) -> String {
    let mut captured = Captured::default();
    command(&mut |channel, text| captured.write(channel, text));
    captured.out
}

fn inputs(files: &[&str]) -> run::Inputs {
    run::Inputs {
        arrangements: files.iter().map(PathBuf::from).collect(),
        policies: Vec::new(),
        as_at: AS_AT,
    }
}

#[test]
fn the_councils_are_listed_with_their_summaries_as_at_a_date() {
    let (server, log) = examples();
    let address = server.address();
    let answer = get(address, "/api/councils?as_at=2017-06-01");
    assert_eq!(answer.status, 200);
    let value = answer.json();
    assert_valid("serve-councils.schema.json", &value);
    let ids: Vec<&str> = value["councils"]
        .as_array()
        .unwrap()
        .iter()
        .map(|council| council["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["barnet", "coventry", "northumberland"]);
    let coventry = &value["councils"][1];
    assert_eq!(coventry["name"], "Coventry City Council");
    assert_eq!(coventry["as_at"], "2017-06-01");
    assert_eq!(coventry["papers_end"]["date"], "2017");
    // The summary is verify's, for the same council and date.
    let verify: serde_json::Value = serde_json::from_str(&captured(|write| {
        run::verify(
            &inputs(&["examples/coventry.dcs"]),
            run::VerifyFormat::Json,
            false,
            Colors::default(),
            write,
        )
    }))
    .unwrap();
    assert_eq!(coventry["summary"], verify["summary"]);
    // With no date, each council is shown as at the end of its papers.
    let value = get(address, "/api/councils").json();
    assert_eq!(value["councils"][1]["as_at"], "2017-12-31");
    server.stop();
    let log = log.lock().unwrap();
    assert!(log.contains("GET /api/councils?as_at=2017-06-01 200 "), "{log}");
    assert_eq!(log.lines().count(), 2, "{log}");
}

#[test]
fn a_councils_answers_are_the_commands_own() {
    let (server, _) = examples();
    let address = server.address();
    let verdicts = get(address, "/api/councils/coventry/verdicts?as_at=2017-06-01");
    assert_eq!(verdicts.status, 200);
    assert_eq!(verdicts.header("content-type"), Some("application/json"));
    let expected = captured(|write| {
        run::verify(
            &inputs(&["examples/coventry.dcs"]),
            run::VerifyFormat::Json,
            false,
            Colors::default(),
            write,
        )
    });
    assert_eq!(verdicts.text(), expected);
    assert_valid("verify-output.schema.json", &verdicts.json());

    let barnet = ["examples/barnet/arrangements.dcs", "examples/barnet/framework.dcs"];
    let chart = get(address, "/api/councils/barnet/chart.svg?as_at=2017-06-01");
    assert_eq!(chart.status, 200);
    assert_eq!(chart.header("content-type"), Some("image/svg+xml"));
    let expected =
        captured(|write| run::graph(&inputs(&barnet), run::ChartFormat::Svg, None, Colors::default(), write));
    assert_eq!(chart.text(), expected);
    assert!(chart
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));

    for (format, word, media_type) in [
        (run::ReportFormat::Html, "html", "text/html; charset=utf-8"),
        (run::ReportFormat::Markdown, "markdown", "text/markdown; charset=utf-8"),
        (run::ReportFormat::Csv, "csv", "text/csv; charset=utf-8"),
    ] {
        let report = get(
            address,
            &format!("/api/councils/barnet/report?format={word}&as_at=2017-06-01"),
        );
        assert_eq!(report.status, 200, "{word}");
        assert_eq!(report.header("content-type"), Some(media_type));
        assert!(report
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment; filename=\"barnet-2017-06-01."));
        let expected = captured(|write| run::report(&inputs(&barnet), format, None, Colors::default(), write));
        assert_eq!(report.text(), expected, "{word}");
    }

    let sarif = get(
        address,
        "/api/councils/coventry/verdicts?format=sarif&download=1&as_at=2017-06-01",
    );
    assert_eq!(sarif.status, 200);
    assert_eq!(sarif.header("content-type"), Some("application/sarif+json"));
    assert!(sarif
        .header("content-disposition")
        .unwrap()
        .contains("coventry-2017-06-01.sarif"));
    let expected = captured(|write| {
        run::verify(
            &inputs(&["examples/coventry.dcs"]),
            run::VerifyFormat::Sarif,
            false,
            Colors::default(),
            write,
        )
    });
    assert_eq!(sarif.text(), expected);

    let diff = get(address, "/api/councils/coventry/diff?from=2013-01-01&to=2017-06-01");
    assert_eq!(diff.status, 200);
    let sides = run::Sides {
        from_policy: Vec::new(),
        to_policy: Vec::new(),
        policies: Vec::new(),
        as_at: AS_AT,
        from: Some(Day {
            year: 2013,
            month: 1,
            day: 1,
        }),
        to: Some(AS_AT),
    };
    let expected = captured(|write| {
        run::diff(
            &[PathBuf::from("examples/coventry.dcs")],
            &sides,
            run::DiffFormat::Json,
            None,
            Colors::default(),
            write,
        )
    });
    assert_eq!(diff.text(), expected);
}

#[test]
fn a_councils_page_data_marks_its_dates_and_groups_every_verdict_once() {
    let (server, _) = examples();
    let address = server.address();
    for id in ["barnet", "coventry", "northumberland"] {
        let council = get(address, &format!("/api/councils/{id}")).json();
        assert_valid("serve-council.schema.json", &council);
        assert_eq!(council["checks"], true, "{id}");
        assert_eq!(council["writable"], false);
        assert_eq!(council["as_at"], council["papers_end"]["day"], "{id}");
        let marks = council["marks"].as_array().unwrap();
        assert!(!marks.is_empty(), "{id}");
        let days: Vec<&str> = marks.iter().map(|mark| mark["day"].as_str().unwrap()).collect();
        assert!(days.windows(2).all(|pair| pair[0] <= pair[1]), "{id}: {days:?}");
        assert!(marks.iter().any(|mark| mark["what"] == "papers_end"), "{id}");
        let verdicts = get(
            address,
            &format!(
                "/api/councils/{id}/verdicts?as_at={}",
                council["as_at"].as_str().unwrap()
            ),
        )
        .json();
        let verdicts = verdicts["verdicts"].as_array().unwrap();
        let mut seen: Vec<u64> = Vec::new();
        for group in council["groups"].as_array().unwrap() {
            let needs_action = group["needs_action"].as_bool().unwrap();
            let mut in_group = 0;
            for section in group["sections"].as_array().unwrap() {
                for index in section["verdicts"].as_array().unwrap() {
                    let verdict = &verdicts[usize::try_from(index.as_u64().unwrap()).unwrap()];
                    assert_eq!(verdict["needs_action"], needs_action, "{id}");
                    assert_eq!(verdict["section"], section["title"], "{id}");
                    seen.push(index.as_u64().unwrap());
                    in_group += 1;
                }
            }
            assert_eq!(group["count"], in_group, "{id}");
        }
        seen.sort_unstable();
        assert_eq!(seen, (0..verdicts.len() as u64).collect::<Vec<_>>(), "{id}");
    }
    // The needs-action group comes first, and the report's first section
    // of it is the page's.
    let coventry = get(address, "/api/councils/coventry?as_at=2017-06-01").json();
    assert_eq!(coventry["groups"][0]["needs_action"], true);
    let files = get(address, "/api/councils/coventry/files/0");
    assert_eq!(files.status, 200);
    assert_eq!(files.header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(
        files.text(),
        std::fs::read_to_string("examples/coventry.dcs")
            .unwrap()
            .replace("\r\n", "\n")
    );
}

#[test]
fn the_timeline_says_it_is_not_built_yet() {
    let (server, _) = examples();
    let message = assert_refused(&get(server.address(), "/api/councils/coventry/timeline.svg"), 501);
    assert!(message.contains("not built yet"), "{message}");
    assert_refused(&get(server.address(), "/api/councils/nowhere/timeline.svg"), 404);
}

#[test]
fn text_checked_gives_coded_diagnostics_and_the_verdicts_when_it_checks() {
    let (server, _) = examples();
    let address = server.address();
    let diagnostics = validator("diagnostics-output.schema.json");
    let coventry = std::fs::read_to_string("examples/coventry.dcs").unwrap();
    let misspelt = coventry.replacen("holds DCS", "holds DSC", 1);
    assert_ne!(misspelt, coventry);
    let answer = post_json(
        address,
        "/api/check",
        &serde_json::json!({ "council": "coventry", "file": 0, "text": misspelt }),
    );
    assert_eq!(answer.status, 200);
    let value = answer.json();
    assert_valid("serve-check.schema.json", &value);
    assert!(diagnostics.is_valid(&value["diagnostics"]));
    let found = value["diagnostics"]["diagnostics"].as_array().unwrap();
    let unknown = found.iter().find(|diagnostic| diagnostic["code"] == "E0101").unwrap();
    assert_eq!(unknown["file"], "examples/coventry.dcs");
    let line = coventry[..coventry.find("holds DCS").unwrap()].lines().count();
    assert_eq!(unknown["line"], line);
    assert_eq!(value["verdicts"], serde_json::Value::Null);

    let answer = post_json(
        address,
        "/api/check",
        &serde_json::json!({ "council": "coventry", "file": 0, "text": coventry, "as_at": "2017-06-01" }),
    );
    let value = answer.json();
    assert_valid("serve-check.schema.json", &value);
    assert_eq!(value["diagnostics"]["diagnostics"], serde_json::json!([]));
    // Coventry's Lead Member's line is the law's (Local Government Act
    // 2000, section 9C); paragraph 1's five questions are unanswered.
    assert_eq!(value["verdicts"]["needs_action"], 13);
    assert_eq!(value["verdicts"]["as_at"], "2017-06-01");

    // Text alone, with no council, is checked against the guidance.
    let alone = post_json(address, "/api/check", &serde_json::json!({ "text": "role X {" })).json();
    assert_valid("serve-check.schema.json", &alone);
    assert_eq!(alone["diagnostics"]["diagnostics"][0]["file"], "request.dcs");
}

#[test]
fn bad_requests_get_a_clear_status_and_message() {
    let (server, _) = examples();
    let address = server.address();
    assert_refused(&get(address, "/api/councils/nowhere"), 404);
    assert_refused(&get(address, "/api/councils/coventry/verdicts?as_at=2017-02-30"), 400);
    assert_refused(&get(address, "/api/councils/coventry/verdicts?format=xml"), 400);
    assert_refused(&get(address, "/api/councils/coventry/report"), 400);
    assert_refused(&get(address, "/api/councils/coventry/diff?from=2013"), 400);
    assert_refused(&get(address, "/api/councils/coventry/files/7"), 404);
    assert_refused(&get(address, "/api/councils/coventry/files/x"), 400);
    assert_refused(&get(address, "/nothing/here"), 404);
    assert_refused(&request(address, "DELETE", "/api/councils", &[], b""), 405);
    let not_json = request(
        address,
        "POST",
        "/api/check",
        &[("Content-Type", "text/plain")],
        b"{\"text\": \"\"}",
    );
    assert_refused(&not_json, 415);
    let broken = request(
        address,
        "POST",
        "/api/check",
        &[("Content-Type", "application/json")],
        b"{\"text\": ",
    );
    assert_refused(&broken, 400);
    let unknown_field = post_json(
        address,
        "/api/check",
        &serde_json::json!({ "text": "", "path": "/etc/passwd" }),
    );
    assert!(matches!(unknown_field.status, 400 | 422), "{}", unknown_field.status);
    let half = post_json(
        address,
        "/api/check",
        &serde_json::json!({ "text": "", "council": "coventry" }),
    );
    assert_refused(&half, 400);
    // Not HTTP at all: refused by the HTTP layer, and the server goes on.
    let garbage = raw(address, b"\x16\x03\x01 hello\r\n\r\n");
    assert_eq!(garbage.status, 400);
    assert_eq!(get(address, "/api/councils").status, 200);
}

#[test]
fn no_path_from_the_client_reaches_a_file() {
    let (server, _) = examples();
    let address = server.address();
    for target in [
        "/../../../../etc/passwd",
        "/assets/../../Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/api/councils/..%2f..%2fetc%2fpasswd",
        "/api/councils/..%2fexamples/verdicts",
        "/api/councils/%2fetc%2fpasswd/files/0",
        "/api/councils/coventry/files/..%2f..%2fCargo.toml",
        "/api/councils/coventry/files/-1",
        "/api/councils/coventry/files/%2fetc%2fpasswd",
        "/councils/..%2f..%2fetc",
        "//etc/passwd",
    ] {
        let answer = get(address, target);
        assert!(
            (400..500).contains(&answer.status),
            "{target} answered {}",
            answer.status
        );
        let body = String::from_utf8_lossy(&answer.body);
        assert!(
            !body.contains("root:") && !body.contains("[package]"),
            "{target}: {body}"
        );
    }
    // An absolute address in the request line is not a file either.
    let absolute = raw(
        address,
        format!("GET http://{address}/etc/passwd HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert_eq!(absolute.status, 404);
}

fn coventry_text() -> String {
    std::fs::read_to_string(root().join("examples/coventry.dcs")).unwrap()
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_not_served() {
    let outside = scratch("outside");
    std::fs::write(outside.join("secret.dcs"), coventry_text()).unwrap();
    let folder = scratch("links");
    std::fs::write(folder.join("coventry.dcs"), coventry_text()).unwrap();
    std::fs::write(folder.join("other.dcs"), coventry_text()).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.dcs"), folder.join("linked.dcs")).unwrap();
    let (server, log) = start(std::slice::from_ref(&folder), false);
    let address = server.address();
    let ids: Vec<String> = get(address, "/api/councils").json()["councils"]
        .as_array()
        .unwrap()
        .iter()
        .map(|council| council["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["coventry", "other"]);
    assert!(log.lock().unwrap().contains("linked.dcs` leads out of its folder"));
    // A file swapped for a link after the server started is refused too.
    std::fs::remove_file(folder.join("other.dcs")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.dcs"), folder.join("other.dcs")).unwrap();
    assert_refused(&get(address, "/api/councils/other/files/0"), 403);
    server.stop();
}

#[test]
fn bodies_are_bounded() {
    let (server, _) = examples();
    let address = server.address();
    let large = "x".repeat(serve::MAX_BODY_BYTES + 1);
    let answer = post_json(address, "/api/check", &serde_json::json!({ "text": large }));
    let message = assert_refused(&answer, 413);
    assert!(message.contains("larger than"), "{message}");
    assert_eq!(get(address, "/api/councils").status, 200);
}

#[test]
fn requests_from_elsewhere_are_refused() {
    let (server, _) = examples();
    let address = server.address();
    let rebound = raw(
        address,
        b"GET /api/councils HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n",
    );
    assert_refused(&rebound, 421);
    let no_host = raw(address, b"GET /api/councils HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!((400..500).contains(&no_host.status));
    let cross_site = request(
        address,
        "POST",
        "/api/check",
        &[
            ("Content-Type", "application/json"),
            ("Origin", "http://attacker.example"),
        ],
        b"{\"text\": \"\"}",
    );
    assert_refused(&cross_site, 403);
    let localhost = raw(
        address,
        format!(
            "GET /api/councils HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
            address.port()
        )
        .as_bytes(),
    );
    assert_eq!(localhost.status, 200);
}

#[test]
fn pages_are_embedded_and_allow_only_their_own_scripts() {
    let (server, _) = examples();
    let address = server.address();
    for target in [
        "/",
        "/councils/coventry",
        "/councils/barnet/edit",
        "/councils/northumberland/diff",
    ] {
        let page = get(address, target);
        assert_eq!(page.status, 200, "{target}");
        assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
        let policy = page.header("content-security-policy").unwrap();
        assert!(
            policy.contains("default-src 'self'") && policy.contains("script-src 'self';"),
            "{policy}"
        );
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
        let html = page.text();
        assert!(
            !html.contains("<script>") && !html.contains("style="),
            "{target} has inline script or style"
        );
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "{target} fetches from elsewhere"
        );
        for script in html.split("src=\"").skip(1).map(|rest| rest.split('"').next().unwrap()) {
            assert_eq!(get(address, script).status, 200, "{script}");
        }
    }
    assert_refused(&get(address, "/councils/nowhere"), 404);
    for script in ["common", "councils", "council", "editor", "diff"] {
        let text = get(address, &format!("/assets/{script}.js")).text();
        assert!(!text.contains("innerHTML") && !text.contains("eval("), "{script}.js");
    }
}

#[test]
fn the_server_is_read_only_unless_told_to_write() {
    let folder = scratch("read-only");
    std::fs::write(folder.join("coventry.dcs"), coventry_text()).unwrap();
    let (server, _) = start(&[folder.join("coventry.dcs")], false);
    let answer = request(
        server.address(),
        "PUT",
        "/api/councils/coventry/files/0",
        &[],
        b"changed",
    );
    let message = assert_refused(&answer, 403);
    assert!(message.contains("--write"), "{message}");
    assert_eq!(
        std::fs::read_to_string(folder.join("coventry.dcs")).unwrap(),
        coventry_text()
    );
    let council = get(server.address(), "/api/councils/coventry").json();
    assert_eq!(council["writable"], false);
}

#[test]
fn a_save_is_checked_first_written_whole_and_keeps_the_previous_text() {
    let folder = scratch("write");
    let file = folder.join("coventry.dcs");
    std::fs::write(&file, coventry_text()).unwrap();
    let (server, _) = start(std::slice::from_ref(&file), true);
    let address = server.address();
    assert_eq!(get(address, "/api/councils/coventry").json()["writable"], true);
    let broken = coventry_text().replacen("holds DCS", "holds DSC", 1);
    let answer = request(address, "PUT", "/api/councils/coventry/files/0", &[], broken.as_bytes());
    let message = assert_refused(&answer, 422);
    assert!(message.contains("not saved"), "{message}");
    assert_eq!(answer.json()["error"]["diagnostics"]["diagnostics"][0]["code"], "E0101");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), coventry_text());
    assert!(!folder.join("coventry.dcs.previous").exists());

    let changed = coventry_text().replacen("council \"Coventry City Council\"", "council \"Coventry Council\"", 1);
    let answer = request(
        address,
        "PUT",
        "/api/councils/coventry/files/0",
        &[],
        changed.as_bytes(),
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_valid("serve-saved.schema.json", &answer.json());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), changed);
    assert_eq!(
        std::fs::read_to_string(folder.join("coventry.dcs.previous")).unwrap(),
        coventry_text()
    );
    assert_eq!(
        get(address, "/api/councils/coventry").json()["name"],
        "Coventry Council"
    );
    let not_utf8 = request(address, "PUT", "/api/councils/coventry/files/0", &[], b"\xff\xfe");
    assert_refused(&not_utf8, 400);
}

#[test]
fn a_thousand_requests_from_twenty_clients_are_all_answered_right() {
    let (server, _) = examples();
    let address = server.address();
    // What each request must get, asked once first.
    let targets: Vec<String> = vec![
        "/api/councils?as_at=2017-06-01".to_owned(),
        "/api/councils/coventry/verdicts?as_at=2013-01-01".to_owned(),
        "/api/councils/coventry/verdicts?as_at=2017-06-01".to_owned(),
        "/api/councils/barnet/verdicts?as_at=2019-09-29".to_owned(),
        "/api/councils/northumberland/chart.svg?as_at=2018-01-01".to_owned(),
        "/api/councils/coventry?as_at=2016-03-31".to_owned(),
        "/".to_owned(),
        "/assets/council.js".to_owned(),
        "/api/councils/nowhere".to_owned(),
    ];
    let expected: Vec<(u16, Vec<u8>)> = targets
        .iter()
        .map(|target| {
            let answer = get(address, target);
            (answer.status, answer.body)
        })
        .collect();
    let targets = Arc::new(targets);
    let expected = Arc::new(expected);
    let started = Instant::now();
    let clients: Vec<_> = (0..20)
        .map(|client| {
            let targets = Arc::clone(&targets);
            let expected = Arc::clone(&expected);
            std::thread::spawn(move || {
                let mut wrong = Vec::new();
                let mut slowest = Duration::ZERO;
                for number in 0..50 {
                    let which = (client * 7 + number) % targets.len();
                    let asked = Instant::now();
                    let answer = get(address, &targets[which]);
                    slowest = slowest.max(asked.elapsed());
                    if (answer.status, &answer.body) != (expected[which].0, &expected[which].1) {
                        wrong.push(format!("{} answered {}", targets[which], answer.status));
                    }
                }
                (wrong, slowest)
            })
        })
        .collect();
    let mut wrong = Vec::new();
    let mut slowest = Duration::ZERO;
    for client in clients {
        let (more, slow) = client.join().unwrap();
        wrong.extend(more);
        slowest = slowest.max(slow);
    }
    let took = started.elapsed();
    eprintln!(
        "1000 requests from 20 clients: {:.1} s, {:.0} requests a second, slowest {} ms",
        took.as_secs_f64(),
        1000.0 / took.as_secs_f64(),
        slowest.as_millis()
    );
    assert!(
        wrong.is_empty(),
        "{} wrong answers: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(5)]
    );
}

#[test]
fn the_help_says_how_to_open_it() {
    let output = binary(&[]).args(["serve", "--help"]).output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(
        help.contains("dcsc serve examples") && help.contains("browser"),
        "{help}"
    );
    assert!(
        help.contains("--port") && help.contains("--bind") && help.contains("--write"),
        "{help}"
    );
}

#[test]
fn a_path_that_is_not_there_stops_it_with_a_coded_diagnostic() {
    let output = binary(&[])
        .args(["serve", "no/such/folder", "--port", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(
        error.contains("cannot serve: `no/such/folder`: no such file"),
        "{error}"
    );
    assert!(error.contains(&format!("error[{}]", "E0308")), "{error}");
}

#[cfg(unix)]
#[test]
fn the_binary_prints_its_address_logs_each_request_and_stops_on_ctrl_c() {
    use std::io::BufRead;
    let mut child = binary(&[])
        .args(["serve", "examples", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let address = first
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {first:?}"));
    assert!(
        first.starts_with("dcsc serve: 3 council(s) at http://127.0.0.1:"),
        "{first}"
    );
    let address: SocketAddr = address
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert_eq!(get(address, "/api/councils").status, 200);
    let interrupted = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let mut log = String::new();
    child.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 1, "{log}");
    assert!(
        lines[0].starts_with("127.0.0.1:") && lines[0].contains(" GET /api/councils 200 "),
        "{log}"
    );
}

#[test]
fn an_address_that_is_not_one_is_refused() {
    let output = binary(&[])
        .args(["serve", "examples", "--bind", "256.0.0.1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("E0301"));
}
