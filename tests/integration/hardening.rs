//! The binary against inputs and outputs that are hard on it: endless and
//! oversized inputs, standard input and FIFOs, output files that are links,
//! devices or inputs, full and closed standard output, and inputs large
//! enough to expose a quadratic check. The tests whose subject is the
//! process (its standard streams as pipes or devices, its process id)
//! spawn the binary on purpose and say so.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{assert_bad_input, binary, dcsc, dcsc_with_stdin, json_verdicts, scratch, text, BINARY};

fn path_text(path: &Path) -> String {
    path.display().to_string()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A process writing `bytes` into a FIFO once a reader opens it. A process
/// rather than a thread, so that if dcsc never opens the FIFO the test can
/// end it and fail instead of hanging.
fn feed_fifo(fifo: &Path, bytes: &[u8]) -> Child {
    let mut child = Command::new("sh")
        .args(["-c", "exec cat > \"$0\""])
        .arg(fifo)
        .stdin(Stdio::piped())
        .spawn()
        .expect("run sh");
    // Small enough for the pipe's buffer, and closed so `cat` ends.
    child.stdin.take().expect("stdin").write_all(bytes).expect("feed cat");
    child
}

/// A process reading a FIFO to its end, with a thread collecting what it
/// read.
fn drain_fifo(fifo: &Path) -> (Child, std::thread::JoinHandle<Vec<u8>>) {
    let mut child = Command::new("cat")
        .arg(fifo)
        .stdout(Stdio::piped())
        .spawn()
        .expect("run cat");
    let mut stdout = child.stdout.take().expect("stdout");
    let collector = std::thread::spawn(move || {
        let mut received = Vec::new();
        let _ = stdout.read_to_end(&mut received);
        received
    });
    (child, collector)
}

/// Waits for a helper process, ending it (and failing) if it is still
/// blocked on its FIFO long after dcsc has finished.
fn finish(mut child: Child, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "{what} failed: {status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} was never released: dcsc did not open the FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
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

// Reading

/// Spawns the binary on purpose, under a memory limit.
#[test]
fn an_endless_device_is_refused_at_the_limit_quickly_and_in_bounded_memory() {
    // Under a 512 MiB address-space limit: reading /dev/zero to its end
    // would run out of memory long before any limit message.
    let started = Instant::now();
    let output = Command::new("sh")
        .args(["-c", "ulimit -v 524288 && exec \"$0\" check /dev/zero", BINARY])
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

/// Spawns the binary on purpose: standard input is an endless pipe.
#[test]
fn an_endless_standard_input_is_refused_at_the_limit() {
    let mut child = binary(&["check", "-"])
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
    let from_file = json_verdicts(&dcsc(&["verify", &file, "--as-at", "2020-01-01", "--format", "json"]));
    let from_stdin = ["verify", "-", "--as-at", "2020-01-01", "--format", "json"];
    let from_stdin_dcs = json_verdicts(&dcsc_with_stdin(&from_stdin, ARRANGEMENT.as_bytes()));
    let from_stdin_json = json_verdicts(&dcsc_with_stdin(&from_stdin, ARRANGEMENT_JSON.as_bytes()));
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
    let writer = feed_fifo(&fifo, ARRANGEMENT.as_bytes());
    let output = dcsc(&["check", &path_text(&fifo)]);
    finish(writer, "the FIFO's writer");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("waiting for a writer on FIFO"), "{stderr}");
}

// Writing with `-o`

/// Runs `dcsc report ARRANGEMENT --format markdown -o OUTPUT`.
fn report(arrangement: &str, output: &Path) -> Output {
    dcsc(&[
        "report",
        arrangement,
        "--as-at",
        "2020-01-01",
        "--format",
        "markdown",
        "-o",
        &path_text(output),
    ])
}

/// The report `report` writes, as printed on standard output.
fn printed_report(arrangement: &str) -> Vec<u8> {
    let output = dcsc(&["report", arrangement, "--as-at", "2020-01-01", "--format", "markdown"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    output.stdout
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = scratch("output-is-input");
    let input = dir.join("small.dcs");
    std::fs::write(&input, ARRANGEMENT).unwrap();
    let input_text = path_text(&input);
    let link = dir.join("link.dcs");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let hard = dir.join("hard.dcs");
    std::fs::hard_link(&input, &hard).unwrap();
    // By its own name, through a symbolic link, through a hard link, and
    // as a guidance file given with --policy.
    for output in [&input, &link, &hard] {
        assert_bad_input(&report(&input_text, output), "E0017");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), ARRANGEMENT);
    }
    let policy = dir.join("policy.dcs");
    std::fs::write(
        &policy,
        dcsc::load::EMBEDDED_POLICIES
            .iter()
            .find(|(name, _)| *name == "policies/dfe_2013.dcs")
            .unwrap()
            .1,
    )
    .unwrap();
    let output = dcsc(&[
        "graph",
        &input_text,
        "--policy",
        &path_text(&policy),
        "--format",
        "dot",
        "-o",
        &path_text(&policy),
    ]);
    assert_bad_input(&output, "E0017");
    assert_eq!(
        std::fs::read_to_string(&policy).unwrap(),
        dcsc::load::EMBEDDED_POLICIES
            .iter()
            .find(|(name, _)| *name == "policies/dfe_2013.dcs")
            .unwrap()
            .1
    );
    // Standard input redirected from the file named with -o: spawned on
    // purpose, as only a process's standard input can be that file.
    let output = binary(&["report", "-", "--format", "markdown", "-o", &input_text])
        .stdin(std::fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    assert_bad_input(&output, "E0017");
    assert!(text(&output).contains("<stdin>"), "{}", text(&output));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), ARRANGEMENT);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
}

#[test]
fn a_symbolic_link_stays_a_link_and_its_file_gets_the_output() {
    let dir = scratch("output-link");
    let input = dir.join("small.dcs");
    std::fs::write(&input, ARRANGEMENT).unwrap();
    let input = path_text(&input);
    let real = dir.join("reports/real.md");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    std::fs::write(&real, "an older report").unwrap();
    // A relative link, resolved against the link's own folder.
    let link = dir.join("report.md");
    std::os::unix::fs::symlink("reports/real.md", &link).unwrap();
    let output = report(&input, &link);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("reports/real.md"));
    assert_eq!(std::fs::read(&real).unwrap(), printed_report(&input));
    // A dangling link makes its file, as `>` would.
    let dangling = dir.join("dangling.md");
    std::os::unix::fs::symlink("reports/new.md", &dangling).unwrap();
    let output = report(&input, &dangling);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(std::fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
    assert_eq!(
        std::fs::read(dir.join("reports/new.md")).unwrap(),
        printed_report(&input)
    );
    assert!(leftovers(&dir).is_empty() && leftovers(&dir.join("reports")).is_empty());
}

#[test]
fn the_permission_mode_of_a_replaced_file_is_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("output-mode");
    let input = dir.join("small.dcs");
    std::fs::write(&input, ARRANGEMENT).unwrap();
    let target = dir.join("report.md");
    std::fs::write(&target, "an older report").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let output = report(&path_text(&input), &target);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640, "mode {mode:o}");
    assert_eq!(std::fs::read(&target).unwrap(), printed_report(&path_text(&input)));
}

const MESSY: &str = "role DCS {\n      title \"Director\"\n}\n";
const TIDY: &str = "role DCS {\n  title \"Director\"\n}\n";

#[test]
fn a_read_only_file_is_refused_by_output_and_fmt() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("output-read-only");
    let input = dir.join("small.dcs");
    std::fs::write(&input, ARRANGEMENT).unwrap();
    let target = dir.join("report.md");
    let messy = dir.join("messy.dcs");
    std::fs::write(&target, "an older report").unwrap();
    std::fs::write(&messy, MESSY).unwrap();
    for file in [&target, &messy] {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    // Refused even as root, who could write it: no one is meant to.
    let output = report(&path_text(&input), &target);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains("error[E0015]: cannot write"),
        "{}",
        text(&output)
    );
    assert!(text(&output).contains("it is read-only"), "{}", text(&output));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "an older report");
    let formatted = dcsc(&["fmt", &path_text(&messy)]);
    assert_eq!(formatted.status.code(), Some(2), "{}", text(&formatted));
    assert!(text(&formatted).contains("it is read-only"), "{}", text(&formatted));
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), MESSY);
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
}

#[test]
fn breaking_a_hard_link_is_said() {
    let dir = scratch("output-hard-link");
    let input = dir.join("small.dcs");
    std::fs::write(&input, ARRANGEMENT).unwrap();
    let target = dir.join("report.md");
    std::fs::write(&target, "an older report").unwrap();
    std::fs::hard_link(&target, dir.join("copy.md")).unwrap();
    let output = report(&path_text(&input), &target);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let code = "W0018";
    assert!(
        text(&output).contains(&format!("warning[{code}]: `"))
            && text(&output).contains("its 1 other hard link(s) still hold the old text"),
        "{}",
        text(&output)
    );
    assert_eq!(std::fs::read_to_string(dir.join("copy.md")).unwrap(), "an older report");
    let messy = dir.join("messy.dcs");
    std::fs::write(&messy, MESSY).unwrap();
    std::fs::hard_link(&messy, dir.join("messy-too.dcs")).unwrap();
    let formatted = dcsc(&["fmt", &path_text(&messy)]);
    assert_eq!(formatted.status.code(), Some(0), "{}", text(&formatted));
    assert!(text(&formatted).contains("warning[W0018]"), "{}", text(&formatted));
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), TIDY);
    assert_eq!(std::fs::read_to_string(dir.join("messy-too.dcs")).unwrap(), MESSY);
}

#[test]
fn the_owner_of_a_replaced_file_is_kept() {
    use std::os::unix::fs::MetadataExt;
    let dir = scratch("output-owner");
    let messy = dir.join("messy.dcs");
    std::fs::write(&messy, MESSY).unwrap();
    // Only root can hand a file to another user, as `sudo dcsc fmt` runs;
    // as anyone else, a file of one's own is all there is to keep.
    let owner = if std::fs::metadata(&messy).unwrap().uid() == 0 {
        std::os::unix::fs::chown(&messy, Some(4242), Some(4343)).unwrap();
        (4242, 4343)
    } else {
        let metadata = std::fs::metadata(&messy).unwrap();
        (metadata.uid(), metadata.gid())
    };
    let formatted = dcsc(&["fmt", &path_text(&messy)]);
    assert_eq!(formatted.status.code(), Some(0), "{}", text(&formatted));
    let metadata = std::fs::metadata(&messy).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), owner);
    assert_eq!(std::fs::read_to_string(&messy).unwrap(), TIDY);
}

#[test]
fn temporaries_a_killed_run_left_are_cleaned_by_the_next() {
    let dir = scratch("output-stale");
    let messy = dir.join("messy.dcs");
    std::fs::write(&messy, MESSY).unwrap();
    // A writer that is no longer running (above Linux's largest process
    // id), one still running (init), and one of unknown writer two hours
    // old.
    let gone = dir.join(".dcsc-4194305-Ab12Cd.tmp");
    let running = dir.join(".dcsc-1-Ef34Gh.tmp");
    let unknown = dir.join(".dcsc-Ij56Kl.tmp");
    for file in [&gone, &running, &unknown] {
        std::fs::write(file, "half a file").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(2 * 60 * 60);
    std::fs::File::options()
        .write(true)
        .open(&unknown)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    let formatted = dcsc(&["fmt", &path_text(&messy)]);
    assert_eq!(formatted.status.code(), Some(0), "{}", text(&formatted));
    assert!(!gone.exists() && !unknown.exists());
    assert!(running.exists());
}

#[test]
fn fmt_refuses_a_fifo_without_waiting_on_it() {
    let dir = scratch("fmt-fifo");
    let fifo = dir.join("pipe.dcs");
    mkfifo(&fifo);
    let output = dcsc(&["fmt", &path_text(&fifo)]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("it is not a regular file"), "{}", text(&output));
}

#[test]
fn arrangements_given_as_guidance_are_refused() {
    let dir = scratch("policy-arrangements");
    let input = dir.join("small.dcs");
    std::fs::write(&input, ARRANGEMENT).unwrap();
    let other = dir.join("other.dcs");
    std::fs::write(&other, ARRANGEMENT.replace("small", "other")).unwrap();
    for arrangements in [path_text(&input), path_text(&dir)] {
        let output = dcsc(&[
            "verify",
            &arrangements,
            "--policy",
            &path_text(&other),
            "--as-at",
            "2020-01-01",
        ]);
        assert_eq!(output.status.code(), Some(2), "{}", text(&output));
        let code = "E0309";
        assert!(
            text(&output).contains(&format!(
                "error[{code}]: this file was given as guidance, but it is not guidance"
            )),
            "{}",
            text(&output)
        );
    }
}

#[test]
fn a_250_character_file_name_can_be_written() {
    let dir = scratch("output-long-name");
    let input = dir.join("small.dcs");
    std::fs::write(&input, ARRANGEMENT).unwrap();
    let name = format!("{}.md", "r".repeat(247));
    assert_eq!(name.len(), 250);
    let target = dir.join(&name);
    for _ in 0..2 {
        // Made, then replaced.
        let output = report(&path_text(&input), &target);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
        assert_eq!(std::fs::read(&target).unwrap(), printed_report(&path_text(&input)));
    }
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
}

/// Spawns the binary on purpose: the temporary's name holds its process id.
#[test]
fn a_link_planted_at_a_predictable_temporary_name_is_not_written_through() {
    let dir = scratch("output-planted");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "not yours").unwrap();
    let target = dir.join("report.md");
    // The input is a FIFO, so dcsc waits on it once started; its process
    // id is known by then and the link planted under the name a
    // temporary built from the target's name and the process id would
    // have (`.report.md.dcsc-PID.tmp`) before dcsc gets to write.
    let fifo = dir.join("small.dcs");
    mkfifo(&fifo);
    let mut child = binary(&[
        "report",
        &path_text(&fifo),
        "--as-at",
        "2020-01-01",
        "--format",
        "markdown",
        "-o",
        &path_text(&target),
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let planted = dir.join(format!(".report.md.dcsc-{}.tmp", child.id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let writer = feed_fifo(&fifo, ARRANGEMENT.as_bytes());
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    finish(writer, "the FIFO's writer");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not yours");
    assert!(std::fs::symlink_metadata(&planted).unwrap().file_type().is_symlink());
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("Small Council"), "{written}");
}

#[test]
fn a_fifo_named_as_the_output_is_written_into_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("output-fifo");
    let input = dir.join("small.dcs");
    std::fs::write(&input, ARRANGEMENT).unwrap();
    // A FIFO with a reader stands in for a device such as /dev/null: a
    // test naming a real device would replace it if this regressed.
    let fifo = dir.join("report.md");
    mkfifo(&fifo);
    let (reader, collector) = drain_fifo(&fifo);
    let output = report(&path_text(&input), &fifo);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    finish(reader, "the FIFO's reader");
    let received = collector.join().unwrap();
    assert_eq!(received, printed_report(&path_text(&input)));
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
}

// Standard output

/// Spawns the binary on purpose: standard output is `/dev/full`.
#[test]
fn a_full_standard_output_is_a_coded_error() {
    for args in [
        &["verify", "examples/coventry.dcs", "--as-at", "2017-12-31"][..],
        &[
            "verify",
            "examples/coventry.dcs",
            "--as-at",
            "2017-12-31",
            "--format",
            "json",
        ],
        &["check", "examples/coventry.dcs"],
        &["report", "examples/coventry.dcs", "--format", "html"],
        &["explain", "E0101"],
    ] {
        // Opened for writing only: /dev/full is never created, truncated
        // or replaced.
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let output = binary(args).stdout(full).output().unwrap();
        assert_bad_input(&output, "E0018");
    }
}

/// Spawns the binary on purpose: standard output is a pipe closed early.
#[test]
fn a_closed_pipe_on_standard_output_is_not_an_error() {
    let mut child = binary(&["verify", "examples/coventry.dcs", "--as-at", "2017-12-31"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closed before dcsc writes, as `| head` closes it early: the verdicts'
    // ~100 kB would not fit in the pipe either way.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    // Coventry as at 2017 has verdicts needing action: the status says so,
    // as it would had the output been read.
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(output.stderr.is_empty(), "{}", text(&output));
}

// JSON arrangements

#[test]
fn a_key_given_twice_in_json_is_e0109_wherever_it_is() {
    let dir = scratch("json-repeated");
    let cases = [
        // In a post; the second spelled with an escape, which is the same key.
        (
            r#"{ "arrangements": "t", "council": "T", "posts": [ { "id": "d", "holds": "DCS", "hol\u0064s": "DASS" } ] }"#,
            "holds",
        ),
        // At the top level.
        (r#"{ "arrangements": "t", "council": "T", "council": "U" }"#, "council"),
        // In a fact's evidence.
        (
            r#"{ "arrangements": "t", "council": "T", "documents": [ { "id": "paper", "title": "Paper" } ],
                 "posts": [ { "id": "d", "holds": { "value": "DCS", "per": { "document": "paper", "where": "p1", "where": "p2" } } } ] }"#,
            "where",
        ),
    ];
    for (index, (json, key)) in cases.iter().enumerate() {
        let path = dir.join(format!("case{index}.json"));
        std::fs::write(&path, json).unwrap();
        let output = dcsc(&["check", &path_text(&path)]);
        assert_bad_input(&output, "E0109");
        let shown = text(&output);
        assert!(shown.contains(&format!("`{key}` is given twice")), "{shown}");
        assert!(shown.contains("first given here"), "{shown}");
    }
    // The same key in two different objects is no repetition.
    let output = dcsc_with_stdin(&["check", "-"], ARRANGEMENT_JSON.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}

// Inputs large enough to expose a quadratic check

/// An arrangement of `posts` posts, each reporting to the one before and
/// the first to the Chief Executive: one line of accountability, 8,000
/// deep at national scale.
fn reporting_chain(posts: usize) -> String {
    let mut text = String::from(
        "arrangements chain {\n  council \"Chain Council\"\n}\n\npost chief_executive {\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}\n",
    );
    for index in 0..posts {
        let boss = match index {
            0 => "chief_executive".to_owned(),
            _ => format!("post_{:05}", index - 1),
        };
        write!(
            text,
            "post post_{index:05} {{\n  title \"Post {index}\"\n  report_to {boss}\n}}\n"
        )
        .unwrap();
    }
    text
}

#[test]
fn an_8000_post_reporting_chain_checks_quickly() {
    let dir = scratch("chain");
    let path = dir.join("chain.dcs");
    std::fs::write(&path, reporting_chain(8_000)).unwrap();
    let (output, took) = check_timed(&dir, &path);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    // Generous for a debug build on a slow machine; following the whole
    // line from every post took over 20 s in a release build (CPU time,
    // as below).
    assert!(took < Duration::from_secs(10), "took {took:?} of CPU time");
}

#[test]
fn reporting_loops_are_each_reported_once_from_their_first_declared_post() {
    // p0 leads into the loop p5 → p6, declared after the loop p1 → p2; p3
    // reports to itself; p4 leads into p1's loop.
    let lines = [
        ("p0", "p5"),
        ("p1", "p2"),
        ("p2", "p1"),
        ("p3", "p3"),
        ("p4", "p2"),
        ("p5", "p6"),
        ("p6", "p5"),
    ];
    let mut arrangement = String::from("arrangements loops {\n  council \"Loops Council\"\n}\n");
    for (post, boss) in lines {
        write!(arrangement, "post {post} {{\n  report_to {boss}\n}}\n").unwrap();
    }
    let output = dcsc_with_stdin(&["check", "-"], arrangement.as_bytes());
    assert_bad_input(&output, "E0202");
    let shown = text(&output);
    let headlines: Vec<&str> = shown.lines().filter(|line| line.starts_with("error[E0202]")).collect();
    assert_eq!(
        headlines,
        [
            "error[E0202]: the reporting line loops: p1 → p2 → p1",
            "error[E0202]: the reporting line loops: p3 → p3",
            "error[E0202]: the reporting line loops: p5 → p6 → p5",
        ],
        "{shown}"
    );
}

#[test]
fn ten_thousand_unknown_names_check_quickly() {
    let dir = scratch("unknown-names");
    let mut arrangement = String::from("arrangements big {\n  council \"Big Council\"\n}\n");
    for index in 0..10_000 {
        // Each post reports to a misspelt post: one unknown name each, with
        // thousands of similar names to suggest from.
        write!(
            arrangement,
            "post post_{index:05} {{\n  title \"Post {index}\"\n  report_to psot_{index:05}\n}}\n"
        )
        .unwrap();
    }
    let path = dir.join("big.dcs");
    std::fs::write(&path, arrangement).unwrap();
    let (output, took) = check_timed(&dir, &path);
    assert_bad_input(&output, "E0101");
    let shown = text(&output);
    assert!(
        shown.contains("10000 error(s)"),
        "{}",
        shown.lines().last().unwrap_or("")
    );
    assert!(shown.contains("did you mean `post_00001`?"));
    // Generous for a debug build on a slow machine; comparing every
    // unknown name with every post took over 20 s in a release build.
    // Measured in the process's own CPU time, so that a busy machine
    // (other builds on its cores) does not fail it.
    assert!(took < Duration::from_secs(10), "took {took:?} of CPU time");
}

/// `dcsc check PATH`, with the CPU time the process used (user and
/// system, read from /proc once it has exited and before it is reaped):
/// a measure of its work that other load on the machine leaves alone.
/// Where /proc cannot tell (not Linux), the wall time stands in.
fn check_timed(dir: &Path, path: &Path) -> (Output, Duration) {
    let out_path = dir.join("check.out");
    let err_path = dir.join("check.err");
    let started = Instant::now();
    let mut child = binary(&["check", &path_text(path)])
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("run dcsc");
    let stat_path = format!("/proc/{}/stat", child.id());
    let mut cpu = None;
    // The child's record stays readable until it is waited for.
    while let Ok(stat) = std::fs::read_to_string(&stat_path) {
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        if fields.first() == Some(&"Z") {
            // utime and stime are fields 14 and 15 of the record, in clock
            // ticks (100 a second on Linux); the first after the name is 3.
            let ticks: u64 = [11, 12]
                .iter()
                .filter_map(|index| fields.get(*index).and_then(|value| value.parse::<u64>().ok()))
                .sum();
            cpu = Some(Duration::from_millis(ticks * 10));
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = child.wait().expect("wait for dcsc");
    let took = cpu.unwrap_or_else(|| started.elapsed());
    let output = Output {
        status,
        stdout: std::fs::read(&out_path).expect("stdout"),
        stderr: std::fs::read(&err_path).expect("stderr"),
    };
    (output, took)
}

#[test]
fn a_verdict_with_hundreds_of_facts_on_one_line_shows_a_few_and_counts_the_rest() {
    // 500 posts holding DCS in one line of JSON: each verdict about the
    // DCS labels all 500 on that line, which once wrote 64 MB.
    let dir = scratch("labels-on-one-line");
    let posts: Vec<String> = (0..500)
        .map(|post| format!(r#"{{"id":"p{post}","title":"P{post}","holds":["DCS"]}}"#))
        .collect();
    let council = format!(
        r#"{{"arrangements":"many","council":"Many Council","kind":"unitary","upper_tier":true,"answers_to":["dfe_2013"],"posts":[{}]}}"#,
        posts.join(",")
    );
    let path = dir.join("many.json");
    std::fs::write(&path, council).unwrap();
    let output = dcsc(&["verify", &path_text(&path), "--as-at", "2020-01-01"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(output.stdout.len() < 2_000_000, "{} bytes", output.stdout.len());
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(
        shown.contains("492 more label(s) on line 1 of `"),
        "{}",
        shown.get(..4000).unwrap_or(&shown)
    );
}
