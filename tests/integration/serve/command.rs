//! `dcsc serve` as a command, the binary spawned on purpose: its help, a
//! path that is not there, an address that is not one, and the process
//! that prints its address, logs each request and stops on Ctrl-C.

use super::*;

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
