//! Running dcsc as a user does, and reading what it printed.
//!
//! Every test that runs a command goes through [`Run::output`], which runs
//! the command line in the test's own process ([`dcsc::cli::run`], given
//! the arguments, standard input and buffers for standard output and
//! error, colour off as `NO_COLOR` gives, and today's date), and returns
//! what the binary would: the same bytes on each stream and the same exit
//! status. A run in a folder other than the crate's spawns the binary
//! there, as the working folder belongs to the process, not to a thread.
//! Tests whose subject is the process itself (exit statuses seen by a
//! shell, standard input and output as pipes, FIFOs, `/dev/full`, a
//! language server on stdio, Ctrl-C) spawn the binary on purpose with
//! [`binary`], and say so.

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex};

use dcsc::run::{Colors, Input};

/// The binary cargo built for these tests.
pub const BINARY: &str = env!("CARGO_BIN_EXE_dcsc");

/// The crate's own folder, where the tests' relative paths start.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, spawned on purpose: for a test whose subject is the process
/// (its exit status, its standard streams as pipes, FIFOs, devices), which
/// no call in the test's own process could stand in for. Run from the
/// crate's folder, without colour.
pub fn binary(arguments: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command.args(arguments).current_dir(root()).env("NO_COLOR", "1");
    command
}

/// One run of the command line: its arguments, the folder it runs in (the
/// crate's, unless said), and what it reads on standard input (nothing,
/// unless said).
pub struct Run {
    arguments: Vec<String>,
    folder: PathBuf,
    input: Vec<u8>,
}

impl Run {
    /// `dcsc ARGUMENTS`, in the crate's folder.
    pub fn new(arguments: &[&str]) -> Run {
        Run {
            arguments: arguments.iter().map(|argument| (*argument).to_owned()).collect(),
            folder: root().to_path_buf(),
            input: Vec::new(),
        }
    }

    /// Run in another folder.
    pub fn in_folder(mut self, folder: &Path) -> Run {
        self.folder = folder.to_path_buf();
        self
    }

    /// With these bytes on standard input.
    pub fn with_stdin(mut self, input: &[u8]) -> Run {
        self.input = input.to_vec();
        self
    }

    /// Runs it: its exit status, standard output and standard error.
    pub fn output(self) -> Output {
        if self.folder != root() {
            return self.spawned();
        }
        let arguments = std::iter::once("dcsc".to_owned())
            .chain(self.arguments)
            .map(Into::into)
            .collect();
        let error = Arc::new(Mutex::new(Vec::new()));
        let mut output = Vec::new();
        let input = self.input;
        let run = || {
            dcsc::cli::run(dcsc::cli::Process {
                arguments,
                input: Input {
                    reader: Box::new(std::io::Cursor::new(input)),
                    file: None,
                },
                output: &mut output,
                error: {
                    let error = Arc::clone(&error);
                    Arc::new(move |text: &str| error.lock().unwrap().extend_from_slice(text.as_bytes()))
                },
                colors: Colors::default(),
                today: dcsc::date::Day::today(),
            })
        };
        // On a thread with the main thread's stack (8 MiB), as the binary
        // runs it: a test's thread has 2 MiB.
        let code = std::thread::scope(|scope| {
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn_scoped(scope, run)
                .expect("a thread to run dcsc on")
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        let stderr = std::mem::take(&mut *error.lock().unwrap());
        Output {
            status: ExitStatus::from_raw(i32::from(code) << 8),
            stdout: output,
            stderr,
        }
    }

    /// Runs it as a process of its own, in its folder.
    fn spawned(self) -> Output {
        let arguments: Vec<&str> = self.arguments.iter().map(String::as_str).collect();
        let mut child = binary(&arguments)
            .current_dir(&self.folder)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run dcsc");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = self.input;
        // From a thread, so a large input cannot fill the pipe while dcsc
        // fills its output; dcsc may stop reading early, so a broken pipe
        // is no failure.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let output = child.wait_with_output().expect("wait for dcsc");
        writer.join().expect("the writer of standard input");
        output
    }
}

/// `dcsc ARGUMENTS` in the crate's folder.
pub fn dcsc(arguments: &[&str]) -> Output {
    Run::new(arguments).output()
}

/// `dcsc ARGUMENTS` in `folder`.
pub fn dcsc_in(folder: &Path, arguments: &[&str]) -> Output {
    Run::new(arguments).in_folder(folder).output()
}

/// `dcsc ARGUMENTS` in the crate's folder, with `input` on standard input.
pub fn dcsc_with_stdin(arguments: &[&str], input: &[u8]) -> Output {
    Run::new(arguments).with_stdin(input).output()
}

/// Standard output and standard error together, as a person reads them.
pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Standard output, which must be UTF-8.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 on standard output")
}

/// Standard error, which must be UTF-8.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 on standard error")
}

/// Standard output read as JSON.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "no JSON on standard output ({error}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// The verdicts of a `verify --format json` run of one council, one line
/// each (`"duty" "verdict"`); the run must have verified.
#[track_caller]
pub fn json_verdicts(output: &Output) -> Vec<String> {
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(output));
    json(output)["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .map(|verdict| format!("{} {}", verdict["duty"], verdict["verdict"]))
        .collect()
}

/// The run was refused as bad input: exit status 2, the diagnostic's code
/// shown, and no panic.
#[track_caller]
pub fn assert_bad_input(output: &Output, code: &str) {
    let shown = text(output);
    assert_eq!(output.status.code(), Some(2), "exit status for {code}:\n{shown}");
    assert!(shown.contains(&format!("[{code}]")), "{code} not shown:\n{shown}");
    assert!(!shown.contains("panicked"), "panic:\n{shown}");
}
