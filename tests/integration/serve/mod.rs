//! `dcsc serve` over HTTP: the API's status codes and JSON shapes (held to
//! the schemas in `docs/`), answers byte for byte those of the commands,
//! refusals of traversal, links out, large bodies, writes while read-only,
//! other hosts and malformed requests, saves that check first and keep
//! the previous text, and 1,000 requests from 20 clients all answered
//! right. The server runs in-process on port 0; the binary is run for
//! its command line (help, a path that is not there, Ctrl-C).

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dcsc::date::Day;
use dcsc::run::{self, Captured, Colors};
use dcsc::serve::{self, Config, Server};

use crate::support::{binary, root, scratch};

mod command;
mod refusals;

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
        write!(text, "{name}: {value}\r\n").unwrap();
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

fn captured(command: impl FnOnce(&mut run::Streams<'_>) -> run::Status) -> String {
    let mut captured = Captured::default();
    let mut write = |channel, text: &str| captured.write(channel, text);
    command(&mut run::Streams::new(Colors::default(), &mut write));
    captured.out
}

fn inputs(files: &[&str]) -> run::Inputs {
    run::Inputs {
        arrangements: files.iter().map(PathBuf::from).collect(),
        policies: Vec::new(),
        as_at: dcsc::AsAt::Given(AS_AT),
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
    let verify: serde_json::Value = serde_json::from_str(&captured(|streams| {
        run::verify(
            &inputs(&["examples/coventry.dcs"]),
            &run::VerifyOptions::new(run::VerifyFormat::Json),
            streams,
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
    let expected = captured(|streams| {
        run::verify(
            &inputs(&["examples/coventry.dcs"]),
            &run::VerifyOptions::new(run::VerifyFormat::Json),
            streams,
        )
    });
    assert_eq!(verdicts.text(), expected);
    assert_valid("verify-output.schema.json", &verdicts.json());

    let barnet = ["examples/barnet/arrangements.dcs", "examples/barnet/framework.dcs"];
    let chart = get(address, "/api/councils/barnet/chart.svg?as_at=2017-06-01");
    assert_eq!(chart.status, 200);
    assert_eq!(chart.header("content-type"), Some("image/svg+xml"));
    let expected = captured(|streams| run::graph(&inputs(&barnet), run::ChartFormat::Svg, None, streams));
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
        let expected = captured(|streams| run::report(&inputs(&barnet), format, None, streams));
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
    let expected = captured(|streams| {
        run::verify(
            &inputs(&["examples/coventry.dcs"]),
            &run::VerifyOptions::new(run::VerifyFormat::Sarif),
            streams,
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
    let expected = captured(|streams| {
        run::diff(
            &[PathBuf::from("examples/coventry.dcs")],
            &sides,
            run::DiffFormat::Json,
            None,
            None,
            streams,
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
fn the_timeline_is_the_commands_picture_with_the_date_asked_for_marked() {
    let (server, _) = examples();
    let address = server.address();
    let timeline = get(address, "/api/councils/coventry/timeline.svg?as_at=2016-03-31");
    assert_eq!(timeline.status, 200);
    assert_eq!(timeline.header("content-type"), Some("image/svg+xml"));
    assert!(timeline
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    let expected = captured(|streams| {
        run::timeline(
            &run::Inputs {
                arrangements: vec!["examples/coventry.dcs".into()],
                policies: Vec::new(),
                as_at: dcsc::AsAt::Given(Day {
                    year: 2016,
                    month: 3,
                    day: 31,
                }),
            },
            run::TimelineFormat::Svg,
            dcsc::timeline::Period::default(),
            None,
            streams,
        )
    });
    assert_eq!(timeline.text(), expected);
    assert!(
        timeline
            .text()
            .contains(r#"class="rule as_at" data-key="coventry" data-day="2016-03-31""#),
        "the date asked for is marked"
    );
    // As at the end of the papers, no separate rule marks the date.
    let at_end = get(address, "/api/councils/coventry/timeline.svg");
    assert_eq!(at_end.status, 200);
    assert!(!at_end.text().contains("rule as_at"));
    assert!(at_end.text().contains("rule papers_end"));
    assert_refused(&get(address, "/api/councils/nowhere/timeline.svg"), 404);
    assert_refused(
        &get(address, "/api/councils/coventry/timeline.svg?as_at=2016-02-30"),
        400,
    );
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
    // The two bodies the law requires that the paper never mentions, the
    // seven questions no passage of it speaks to, and whether the 2013
    // combination was considered before it was made (see
    // fidelity::coventry_at_its_test_of_assurance_needs_action_only_where_its_paper_is_silent).
    assert_eq!(value["verdicts"]["needs_action"], 10);
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
