//! The binary against inputs and outputs that are hard on it: endless and
//! oversized inputs, standard input and FIFOs, output files that are links,
//! devices or inputs, full and closed standard output, and inputs large
//! enough to expose a quadratic check.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dcsc"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    command
}

fn dcsc(args: &[&str]) -> Output {
    command(args).output().expect("run dcsc")
}

/// Runs dcsc with `input` on its standard input.
fn dcsc_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dcsc");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for dcsc");
    writer.join().expect("stdin writer");
    output
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn assert_bad_input(output: &Output, code: &str) {
    let shown = text(output);
    assert_eq!(output.status.code(), Some(2), "exit status for {code}:\n{shown}");
    assert!(shown.contains(&format!("[{code}]")), "{code} not shown:\n{shown}");
    assert!(!shown.contains("panicked"), "panic:\n{shown}");
}

/// A scratch folder for one test, removed and made anew.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dcsc-hardening-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn path_text(path: &Path) -> String {
    path.display().to_string()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

const ARRANGEMENT: &str = "arrangements small {\n  council \"Small Council\"\n  answers_to dfe_2013\n}\n\npost director {\n  title \"Director of Children's Services\"\n  holds DCS\n  politically_restricted yes\n  report_to chief_executive\n}\n\npost chief_executive {\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}\n";

const ARRANGEMENT_JSON: &str = r#"
  {
  "arrangements": "small",
  "council": "Small Council",
  "answers_to": ["dfe_2013"],
  "posts": [
    { "id": "director", "title": "Director of Children's Services", "holds": ["DCS"],
      "politically_restricted": true, "report_to": "chief_executive" },
    { "id": "chief_executive", "title": "Chief Executive", "holds": "ChiefExecutive" }
  ]
}
"#;

/// The verdicts of a `verify --format json` run, one line each.
fn verdicts(output: &Output) -> Vec<String> {
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    value["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .map(|verdict| format!("{} {}", verdict["duty"], verdict["verdict"]))
        .collect()
}

// Reading

#[test]
fn an_endless_device_is_refused_at_the_limit_quickly_and_in_bounded_memory() {
    // Under a 512 MiB address-space limit: reading /dev/zero to its end
    // would run out of memory long before any limit message.
    let started = Instant::now();
    let output = Command::new("sh")
        .args([
            "-c",
            "ulimit -v 524288 && exec \"$0\" check /dev/zero",
            env!("CARGO_BIN_EXE_dcsc"),
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("run dcsc under sh");
    assert_bad_input(&output, "E0016");
    assert!(text(&output).contains("/dev/zero"), "{}", text(&output));
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn an_endless_standard_input_is_refused_at_the_limit() {
    let mut child = command(&["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dcsc");
    let mut stdin = child.stdin.take().expect("stdin");
    // As `yes` would: writes until dcsc stops reading and the pipe breaks.
    let writer = std::thread::spawn(move || {
        let line = b"y\n".repeat(32 * 1024);
        while stdin.write_all(&line).is_ok() {}
    });
    let output = child.wait_with_output().expect("wait for dcsc");
    writer.join().expect("writer");
    assert_bad_input(&output, "E0016");
    assert!(text(&output).contains("<stdin>"), "{}", text(&output));
}

#[test]
fn a_regular_file_over_the_limit_is_refused() {
    let dir = scratch("large");
    let path = dir.join("large.dcs");
    // Sparse: 64 MiB and one byte of nothing, costing no disk.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(dcsc::load::MAX_FILE_BYTES + 1)
        .unwrap();
    assert_bad_input(&dcsc(&["check", &path_text(&path)]), "E0016");
}

#[test]
fn standard_input_is_read_for_a_dash_as_dcs_or_json() {
    let dir = scratch("stdin");
    let file = dir.join("small.dcs");
    std::fs::write(&file, ARRANGEMENT).unwrap();
    let file = path_text(&file);
    let from_file = verdicts(&dcsc(&["verify", &file, "--as-at", "2020-01-01", "--format", "json"]));
    let from_stdin = ["verify", "-", "--as-at", "2020-01-01", "--format", "json"];
    let from_stdin_dcs = verdicts(&dcsc_with_stdin(&from_stdin, ARRANGEMENT.as_bytes()));
    let from_stdin_json = verdicts(&dcsc_with_stdin(&from_stdin, ARRANGEMENT_JSON.as_bytes()));
    assert!(!from_file.is_empty());
    assert_eq!(from_file, from_stdin_dcs);
    assert_eq!(from_file, from_stdin_json);

    // Standard input is named `<stdin>` in diagnostics, in either language.
    let output = dcsc_with_stdin(
        &["check", "-"],
        b"arrangements x {\n  council \"X\"\n}\npost p { holds DSC }\n",
    );
    assert_bad_input(&output, "E0101");
    assert!(text(&output).contains("<stdin>:4:"), "{}", text(&output));
    let output = dcsc_with_stdin(
        &["check", "-"],
        br#"{ "arrangements": "t", "council": "T", "posts": [ { "id": "d", "holds": ["DSC"] } ] }"#,
    );
    assert_bad_input(&output, "E0101");
    assert!(text(&output).contains("did you mean `DCS`"), "{}", text(&output));
}

#[test]
fn a_fifo_is_read_once_a_writer_comes_and_the_wait_is_announced() {
    let dir = scratch("fifo-input");
    let fifo = dir.join("arrangement.dcs");
    mkfifo(&fifo);
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        // Opening for writing waits until dcsc opens it for reading.
        let mut fifo = std::fs::OpenOptions::new().write(true).open(writer_path).unwrap();
        fifo.write_all(ARRANGEMENT.as_bytes()).unwrap();
    });
    let output = dcsc(&["check", &path_text(&fifo)]);
    writer.join().expect("writer");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("waiting for a writer on FIFO"), "{stderr}");
}
