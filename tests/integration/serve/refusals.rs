//! What the server refuses, with a status and a JSON message: paths from
//! the client, links out of the folder, large bodies, other hosts,
//! cross-site writes, writes while read-only, and saves that do not check.

use super::*;

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
