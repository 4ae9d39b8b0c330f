//! The HTML report in a real browser: headless Chromium renders it, takes a
//! screenshot, and the rendered DOM must hold the summary, the tables (one
//! row per verdict) and the governance chart; printed to PDF on A4,
//! Coventry's report must fit a committee's pack, at most
//! [`MOST_PAGES`] pages.
//!
//! `.ci/run` installs Debian's chromium. Where no Chromium is installed and
//! CI is not set, the test is reported as ignored (skipped), not passed, so
//! `cargo test` works on a fresh machine with nothing installed by hand and
//! still says the browser was not tried; under CI a missing browser is a
//! failure. The file has its own test harness (libtest-mimic) because the
//! standard one cannot decide at run time to skip a test.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test that fails panics, saying what it found"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dcsc::date::PartialDate;
use dcsc::Workspace;

/// The most pages Coventry's report may print to on A4.
const MOST_PAGES: usize = 12;

/// The pages of a PDF: its page objects, `/Type /Page` not followed by a
/// letter (which would make it the page tree's `/Pages`). Chromium writes
/// page dictionaries uncompressed, so counting them needs no PDF library;
/// the page tree's `/Count` is checked to agree, so a PDF that hid its
/// pages in compressed object streams would fail here rather than pass.
fn pdf_pages(pdf: &[u8]) -> usize {
    let pattern = b"/Type";
    let mut pages = 0;
    let mut at = 0;
    while let Some(found) = pdf[at..].windows(pattern.len()).position(|window| window == pattern) {
        let mut rest = at + found + pattern.len();
        while pdf.get(rest).is_some_and(u8::is_ascii_whitespace) {
            rest += 1;
        }
        if pdf[rest..].starts_with(b"/Page") && !pdf.get(rest + 5).is_some_and(u8::is_ascii_alphabetic) {
            pages += 1;
        }
        at = rest;
    }
    pages
}

/// The largest `/Count` in the PDF: the root page tree's count of pages.
fn pdf_count(pdf: &[u8]) -> Option<usize> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Count ")
        .filter_map(|(at, key)| {
            text[at + key.len()..]
                .split(|ch: char| !ch.is_ascii_digit())
                .next()
                .and_then(|digits| digits.parse().ok())
        })
        .max()
}

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DCSC_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|path| path.exists())
}

/// Runs Chromium headless with the flags this sandbox needs (no network
/// beyond the package registries, root user) and a time limit.
fn run_chromium(browser: &Path, profile: &Path, args: &[String]) -> (bool, Vec<u8>) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    // Drain standard output while the browser runs: a dumped DOM is larger
    // than a pipe's buffer, and a full pipe would stall the browser.
    let mut stdout = child.stdout.take().expect("chromium's output");
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut output = Vec::new();
        let _ = stdout.read_to_end(&mut output);
        output
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait for chromium") {
            Some(status) => break status,
            None if started.elapsed() > Duration::from_secs(120) => {
                let _ = child.kill();
                panic!("chromium did not finish within 120 seconds");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    };
    let output = reader.join().unwrap_or_default();
    (status.success(), output)
}

fn coventry_html() -> (String, usize) {
    let mut workspace = Workspace::new();
    workspace.add_path(Path::new("examples/coventry.dcs"));
    let as_at = PartialDate::parse("2017-12-31").unwrap().last_day();
    let verified = workspace.verify(as_at).expect("Coventry checks");
    let reports = verified.assessments(&workspace.sources);
    let report = &reports[0];
    let chart = dcsc::graph::chart(report).to_svg();
    let provenance = dcsc::report::Provenance {
        dcsc_version: "test".to_owned(),
        policy_hash: "policy".to_owned(),
        arrangement_hash: "arrangement".to_owned(),
    };
    let document = dcsc::report::document(report, provenance);
    (document.to_html(&chart), report.verdicts.len())
}

fn main() {
    let arguments = libtest_mimic::Arguments::from_args();
    let browser = chromium();
    let in_ci = std::env::var_os("CI").is_some();
    if browser.is_none() && !in_ci {
        eprintln!("no Chromium installed: the browser test is skipped (set DCSC_CHROMIUM or install chromium)");
    }
    let skip = browser.is_none() && !in_ci;
    let trial = libtest_mimic::Trial::test(
        "the_html_report_renders_in_chromium_with_its_chart",
        move || match browser {
            Some(browser) => {
                the_html_report_renders_in_chromium_with_its_chart(&browser);
                Ok(())
            }
            None => Err("CI needs Chromium for this test: .ci/run installs Debian's chromium".into()),
        },
    )
    .with_ignored_flag(skip);
    libtest_mimic::run(&arguments, vec![trial]).exit();
}

fn the_html_report_renders_in_chromium_with_its_chart(browser: &Path) {
    let dir = std::env::temp_dir().join(format!("dcsc-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (html, verdicts) = coventry_html();
    let page = dir.join("coventry.html");
    std::fs::write(&page, html).unwrap();
    let url = format!("file://{}", page.display());

    let screenshot = dir.join("coventry.png");
    let (ok, _) = run_chromium(
        browser,
        &dir.join("profile-shot"),
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1240,1754".to_owned(),
            url.clone(),
        ],
    );
    assert!(ok, "chromium failed to take a screenshot");
    let png = std::fs::read(&screenshot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "the screenshot is not a PNG");
    assert!(
        png.len() > 10_000,
        "the screenshot is suspiciously small ({} bytes)",
        png.len()
    );

    let (ok, dom) = run_chromium(
        browser,
        &dir.join("profile-dom"),
        &["--dump-dom".to_owned(), url.clone()],
    );
    assert!(ok, "chromium failed to dump the DOM");
    let dom = String::from_utf8_lossy(&dom);
    for needle in [
        "id=\"summary\"",
        "id=\"assurance-table\"",
        "id=\"departures\"",
        "id=\"timeline\"",
        "id=\"chart\"",
        "<svg",
        "Coventry City Council",
    ] {
        assert!(dom.contains(needle), "the rendered page lacks {needle}");
    }
    // Coventry has no framework of its own: only Barnet's report has the
    // framework view.
    assert!(
        !dom.contains("id=\"framework-table\""),
        "Coventry has no framework view"
    );
    let rows = dom.matches("data-verdict=").count();
    assert!(rows >= verdicts, "{rows} verdict rows rendered for {verdicts} verdicts");

    // Printed as the user's browser prints it, without the browser's own
    // header and footer (date, file name, page numbers).
    let pdf = dir.join("coventry.pdf");
    let (ok, _) = run_chromium(
        browser,
        &dir.join("profile-pdf"),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_owned(),
            url.clone(),
        ],
    );
    assert!(ok, "chromium failed to print to PDF");
    let pdf = std::fs::read(&pdf).expect("a PDF was written");
    assert!(pdf.starts_with(b"%PDF-"), "the print is not a PDF");
    let pages = pdf_pages(&pdf);
    assert_eq!(Some(pages), pdf_count(&pdf), "page objects and the page tree disagree");
    assert!(pages >= 2, "{pages} pages: the report did not print whole");
    assert!(
        pages <= MOST_PAGES,
        "Coventry's report prints to {pages} A4 pages, more than {MOST_PAGES}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
