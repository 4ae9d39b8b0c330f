//! `dcsc test`: policy tests written in the language. The command against
//! small suites of its own (passing, failing, broken tests; every way a
//! test can be wrong; JUnit that parses and counts right), and the suite
//! shipped with the guidance: it passes, has at least 100 tests, and for
//! every duty and question of every embedded edition expects it to pass
//! once and not to pass once, so a revision that changes a verdict breaks
//! a named test. And issue 17's synthetic councils: each gives what a
//! local-government lawyer expects, but for the cases listed as not yet
//! met.

use crate::support::{dcsc, dcsc_in, root, stderr, stdout};

/// The diagnostic codes in rendered output, in order.
fn codes(text: &str) -> Vec<&str> {
    text.match_indices("error[")
        .filter_map(|(at, _)| text.get(at + 6..at + 11))
        .collect()
}

/// A council that meets the 2013 guidance's structural duties as at 2017.
const COUNCIL: &str = r#"arrangements example {
  council "Example Borough Council"
  kind london_borough
  upper_tier yes
  governance leader_and_cabinet
}

post director {
  title "Director of Children's Services"
  holds DCS
  tier 1
  responsible_for education, childrens_social_care
  report_to chief_executive
}

post chief_executive {
  title "Chief Executive"
  holds ChiefExecutive
}

post deputy_chief_executive {
  title "Deputy Chief Executive"
  report_to chief_executive
}

member lead_member {
  title "Cabinet Member for Children"
  holds LMCS
  executive yes
  responsible_for education, childrens_social_care
}
"#;

const TESTS: &str = r#"test the_council_meets_the_reporting_duty {
  given "council.dcs"
  as_at 2017-06-30
  expect dcs.report_to_chief_executive pass because met holders director
  expect dcs.appointed pass missing none
  expect council.safeguarding_partners not_in_force
}

test a_deputy_in_between_is_unexplained {
  given "council.dcs"
  as_at 2017-06-30
  set post director report_to deputy_chief_executive
  expect dcs.report_to_chief_executive unexplained because unexplained
}

test a_wrong_expectation_fails {
  given "council.dcs"
  as_at 2017
  drop post director
  expect dcs.appointed pass
  expect dcs.first_tier pass because met
}

test a_change_to_nothing_cannot_run {
  given "council.dcs"
  as_at 2017-06-30
  unset post director salary
  expect dcs.appointed pass
}
"#;

fn suite() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("council.dcs"), COUNCIL).unwrap();
    std::fs::write(folder.path().join("council_tests.dcs"), TESTS).unwrap();
    folder
}

#[test]
fn a_local_policy_given_as_policy_that_the_tests_start_from_is_read_once() {
    // Barnet's tests start from framework.dcs; naming it with `--policy`
    // as well once made every test broken, each thing it declares
    // declared twice (E0102).
    let alone = dcsc(&["test", "examples/barnet"]);
    let named = dcsc(&["test", "examples/barnet", "--policy", "examples/barnet/framework.dcs"]);
    assert!(!stdout(&named).contains("E0102"), "{}", stdout(&named));
    assert_eq!(named.status.code(), alone.status.code());
    assert_eq!(stdout(&named), stdout(&alone));
    assert_eq!(stderr(&named), stderr(&alone));
}

#[test]
fn passing_failing_and_broken_tests_are_reported_with_what_was_found() {
    let folder = suite();
    let output = dcsc_in(folder.path(), &["test"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}\n{}", stderr(&output));
    assert!(
        out.starts_with("running 4 test(s) from 1 file(s)\n\ncouncil_tests.dcs\n"),
        "{out}"
    );
    assert!(out.contains("  ok     the_council_meets_the_reporting_duty\n"), "{out}");
    assert!(out.contains("  FAILED a_wrong_expectation_fails\n"), "{out}");
    assert!(out.contains("  BROKEN a_change_to_nothing_cannot_run\n"), "{out}");
    // What was expected and what was found, in the test's own terms, and
    // the verdict's explanation.
    assert!(
        out.contains("dcs.appointed (line 20)\n  expected: pass\n     found: unknown\n"),
        "{out}"
    );
    assert!(
        out.contains("dcs.first_tier (line 21)\n  expected: pass because met\n     found: unknown because undecided\n"),
        "{out}"
    );
    assert!(out.contains("verdict: Cannot be decided"), "{out}");
    assert!(
        out.contains("error[E0135]: `post director` has no `salary` to change"),
        "{out}"
    );
    assert!(
        out.ends_with("test result: FAILED. 2 passed; 1 failed; 1 broken\n"),
        "{out}"
    );
}

#[test]
fn an_unchanged_run_gives_the_same_bytes() {
    let folder = suite();
    let first = dcsc_in(folder.path(), &["test", "--format", "junit"]);
    let second = dcsc_in(folder.path(), &["test", "--format", "junit"]);
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn junit_output_parses_and_counts_what_happened() {
    let folder = suite();
    let output = dcsc_in(folder.path(), &["test", "--format", "junit"]);
    assert_eq!(output.status.code(), Some(1));
    let xml = stdout(&output);
    let document = roxmltree::Document::parse(&xml).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("4"));
    assert_eq!(root.attribute("failures"), Some("1"));
    assert_eq!(root.attribute("errors"), Some("1"));
    let suites: Vec<_> = root.children().filter(roxmltree::Node::is_element).collect();
    assert_eq!(suites.len(), 1);
    let cases: Vec<_> = suites[0].children().filter(roxmltree::Node::is_element).collect();
    assert_eq!(cases.len(), 4);
    for case in &cases {
        assert_eq!(case.tag_name().name(), "testcase");
        assert!(case.attribute("name").is_some() && case.attribute("classname").is_some());
        // At most one failure or error per test case.
        assert!(case.children().filter(roxmltree::Node::is_element).count() <= 1);
    }
    let failure = cases[2].children().find(roxmltree::Node::is_element).unwrap();
    assert_eq!(failure.tag_name().name(), "failure");
    assert_eq!(failure.attribute("message"), Some("2 expectations did not hold"));
    assert!(failure
        .text()
        .unwrap()
        .contains("council_tests.dcs:20: dcs.appointed: expected pass, found unknown"));
    let error = cases[3].children().find(roxmltree::Node::is_element).unwrap();
    assert_eq!(error.tag_name().name(), "error");
    assert_eq!(error.attribute("type"), Some("E0135"));
}

#[test]
fn a_passing_suite_exits_zero() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("council.dcs"), COUNCIL).unwrap();
    // Tests may be written in the council's own file, beside its items.
    std::fs::write(
        folder.path().join("inline.dcs"),
        format!("{COUNCIL}\ntest inline {{\n  as_at 2016\n  expect lmcs.designated pass holders lead_member\n}}\n"),
    )
    .unwrap();
    let output = dcsc_in(folder.path(), &["test", "inline.dcs"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("test result: ok. 1 passed; 0 failed; 0 broken\n"));
    // The arrangements verify as ever: the test is not part of them.
    let verified = dcsc_in(folder.path(), &["verify", "inline.dcs", "--as-at", "2016-12-31"]);
    assert!(stdout(&verified).contains("Example Borough Council"));
}

#[test]
fn tests_that_cannot_be_read_are_refused_with_their_codes() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("council.dcs"), COUNCIL).unwrap();
    std::fs::write(
        folder.path().join("bad.dcs"),
        "test unreadable {\n  given \"missing.dcs\"\n  as_at 2017\n  expect dcs.appointed pass\n}\n",
    )
    .unwrap();
    let output = dcsc_in(folder.path(), &["test", "bad.dcs"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("error[E0133]: cannot read `missing.dcs`: no such file"));
    assert_eq!(codes(&stderr(&output)), ["E0133"]);

    std::fs::write(
        folder.path().join("two.dcs"),
        "test two {\n  given \"council.dcs\", \"other.dcs\"\n  as_at 2017\n  expect dcs.appointed pass\n}\n",
    )
    .unwrap();
    std::fs::write(folder.path().join("other.dcs"), COUNCIL.replace("example", "other")).unwrap();
    let output = dcsc_in(folder.path(), &["test", "two.dcs"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("error[E0136]: a test starts from one council's arrangements, and these hold 2"));
    assert_eq!(codes(&stdout(&output)), ["E0136"]);

    let output = dcsc_in(folder.path(), &["test", "council.dcs"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("error[E0307]: no tests in `council.dcs`"));
    assert_eq!(codes(&stderr(&output)), ["E0307"]);
}

#[test]
fn folders_are_searched_for_files_holding_tests() {
    let folder = suite();
    std::fs::create_dir(folder.path().join(".hidden")).unwrap();
    std::fs::write(folder.path().join(".hidden/x.dcs"), TESTS).unwrap();
    std::fs::create_dir(folder.path().join("target")).unwrap();
    std::fs::write(folder.path().join("target/x.dcs"), TESTS).unwrap();
    let output = dcsc_in(folder.path(), &["test", "."]);
    assert!(stdout(&output).starts_with("running 4 test(s) from 1 file(s)"));
}

/// Each test file is run in a workspace of its own, with the files its
/// tests start from: two files may name their tests alike (read together
/// they would clash), a file found in a folder and named again is run
/// once, and a warning in the council both files start from is said
/// once, not once for each file that reads it. The report is as one run
/// of every file: the same bytes whether the files are named or found.
#[test]
fn each_test_file_runs_alone_and_what_a_file_they_share_says_is_said_once() {
    let folder = tempfile::tempdir().unwrap();
    // A title that would reorder the text around it: W0014.
    let council = COUNCIL.replace("\"Deputy Chief Executive\"", "\"Deputy \u{202e}Chief Executive\"");
    std::fs::write(folder.path().join("council.dcs"), council).unwrap();
    let tests: String = TESTS.split("\ntest a_deputy_in_between").take(1).collect();
    std::fs::write(folder.path().join("a_tests.dcs"), &tests).unwrap();
    std::fs::write(folder.path().join("b_tests.dcs"), &tests).unwrap();
    let found = dcsc_in(folder.path(), &["test"]);
    let (out, err) = (stdout(&found), stderr(&found));
    assert_eq!(found.status.code(), Some(0), "{out}\n{err}");
    assert!(out.starts_with("running 2 test(s) from 2 file(s)\n"), "{out}");
    assert!(
        out.ends_with("test result: ok. 2 passed; 0 failed; 0 broken\n"),
        "{out}"
    );
    assert_eq!(err.matches("warning[W0014]").count(), 1, "{err}");
    assert_eq!(codes(&err), Vec::<&str>::new(), "{err}");
    let named = dcsc_in(folder.path(), &["test", "a_tests.dcs", "b_tests.dcs", "."]);
    assert_eq!(stdout(&named), out);
    assert_eq!(stderr(&named), err);
}

/// Every duty and question key of the embedded guidance, from the policy
/// files themselves.
fn embedded_keys() -> Vec<String> {
    let root = root();
    let mut keys = Vec::new();
    for (name, _) in dcsc::load::EMBEDDED_POLICIES {
        let text = std::fs::read_to_string(root.join(name)).unwrap();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("duty ").or_else(|| line.strip_prefix("question ")) {
                let key = rest.split_whitespace().next().unwrap().to_owned();
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
    }
    keys
}

#[test]
fn the_shipped_suite_passes_and_covers_every_duty_both_ways() {
    let root = root();
    let output = dcsc_in(root, &["test", "policies/tests", "examples"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}\n{}", stderr(&output));
    assert!(
        out.ends_with(" failed; 0 broken\n") && out.contains("test result: ok."),
        "{out}"
    );

    // What the guidance's own tests expect, read as the runner reads them.
    let mut workspace = dcsc::Workspace::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root.join("policies/tests")).unwrap() {
        let path = entry.unwrap().path();
        let relative = path.strip_prefix(root).unwrap().to_path_buf();
        files.push(relative);
    }
    files.sort();
    for file in &files {
        workspace.add_path(&root.join(file));
    }
    workspace.add_given_files();
    let checked = workspace.check();
    assert!(!workspace.has_errors(), "{}", workspace.render_diagnostics(false));
    let guidance_tests: Vec<_> = checked
        .tests
        .iter()
        .filter(|test| workspace.sources.name(test.file).contains("policies/tests"))
        .collect();
    assert!(
        guidance_tests.len() >= 100,
        "the guidance has {} tests, fewer than 100",
        guidance_tests.len()
    );
    use dcsc::check::Expected;
    use dcsc::eval::VerdictKind;
    let met = |expected: Expected| matches!(expected, Expected::Verdict(VerdictKind::Pass | VerdictKind::Answered));
    for key in embedded_keys() {
        let expectations: Vec<_> = guidance_tests
            .iter()
            .flat_map(|test| &test.expectations)
            .filter(|expectation| expectation.duty.text == key)
            .collect();
        assert!(
            expectations.iter().any(|expectation| met(expectation.verdict)),
            "no test of the guidance expects {key} to pass"
        );
        assert!(
            expectations
                .iter()
                .any(|expectation| matches!(expectation.verdict, Expected::Verdict(_)) && !met(expectation.verdict)),
            "no test of the guidance expects {key} not to pass"
        );
    }
}

/// Issue 17's synthetic councils (tests/fixtures/uncertain_time, one
/// test per case and date of its table): each gives what a
/// local-government lawyer expects of it.
#[test]
fn the_uncertain_time_cases_give_what_a_lawyer_expects() {
    let output = dcsc_in(root(), &["test", "tests/fixtures/uncertain_time"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}\n{}", stderr(&output));
    let passed = out.lines().filter(|line| line.starts_with("  ok     ")).count();
    assert!(passed >= 49, "only {passed} tests passed:\n{out}");
    assert!(out.contains("test result: ok."), "{out}");
}

/// Issue 20's synthetic councils (tests/fixtures/structures, one test per
/// case and date): each gives what a local-government lawyer expects of
/// it.
#[test]
fn the_structures_cases_give_what_a_lawyer_expects() {
    let output = dcsc_in(root(), &["test", "tests/fixtures/structures"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}\n{}", stderr(&output));
    let passed = out.lines().filter(|line| line.starts_with("  ok     ")).count();
    assert!(passed >= 4, "only {passed} tests passed:\n{out}");
    assert!(out.contains("test result: ok."), "{out}");
}

/// A role held by turns is one holder on any one day: two `in_turns`
/// lines over the same days are not two holders at once (no W0010).
#[test]
fn a_role_held_by_turns_is_not_two_holders_at_once() {
    let output = dcsc_in(
        root(),
        &["check", "tests/fixtures/structures/20_role_split_by_turns.dcs"],
    );
    let out = stdout(&output);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{out}\n{err}");
    assert!(!out.contains("W0010") && !err.contains("W0010"), "{out}\n{err}");
}

/// The council's tests with one that passes and one that fails having
/// found `unknown` where it expected `pass` (`a_wrong_expectation_fails`
/// of [`TESTS`]), and none that cannot run.
fn passing_and_failing() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("council.dcs"), COUNCIL).unwrap();
    let tests: String = TESTS.split("\ntest a_change_to_nothing_cannot_run").take(1).collect();
    std::fs::write(folder.path().join("council_tests.dcs"), tests).unwrap();
    folder
}

/// `--fail-on` means for `test` what it means for `verify` and `diff`:
/// which verdicts fail the run. A failed test fails it only if a verdict
/// it found instead of the one expected is named; a test that cannot run
/// always does.
#[test]
fn fail_on_chooses_which_failed_tests_fail_the_run() {
    let folder = passing_and_failing();
    let status = |arguments: &[&str]| {
        let mut all = vec!["test"];
        all.extend_from_slice(arguments);
        let output = dcsc_in(folder.path(), &all);
        (output.status.code(), stdout(&output), stderr(&output))
    };
    let (code, out, err) = status(&[]);
    assert_eq!(code, Some(1), "{out}\n{err}");
    assert!(
        out.ends_with("test result: FAILED. 2 passed; 1 failed; 0 broken\n"),
        "{out}"
    );
    // The failing test found `unknown` for both its expectations.
    for (fail_on, expected) in [
        ("unknown", 1),
        ("fail", 0),
        ("fail,missing", 0),
        ("missing,unknown", 1),
        ("none", 0),
    ] {
        let (code, out, err) = status(&["--fail-on", fail_on]);
        assert_eq!(code, Some(expected), "--fail-on {fail_on}:\n{out}\n{err}");
        // The report is the same whatever fails the run.
        assert!(out.contains("  FAILED a_wrong_expectation_fails\n"), "{out}");
    }
    let (code, _, err) = status(&["--fail-on", "passes"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("`passes` is not a verdict"), "{err}");

    // A test that cannot run found no verdict: it fails the run whatever
    // `--fail-on` names.
    let broken = suite();
    let output = dcsc_in(broken.path(), &["test", "--fail-on", "none"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
}

/// `dcsc test` with no path at the repository's root runs every file in
/// it that holds tests (the guidance's, the examples', the fixtures'), and
/// they pass: the deliberately broken examples of the errors a test file
/// can have say they are not test files, and are passed over in one
/// warning that names them.
#[test]
fn dcsc_test_at_the_repository_root_runs_every_test_file_and_passes() {
    let output = dcsc_in(root(), &["test"]);
    let (out, err) = (stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(0), "{out}\n{err}");
    assert!(out.contains("test result: ok."), "{out}");
    for file in [
        "policies/tests/",
        "examples/barnet/",
        "tests/fixtures/uncertain_time/",
        "tests/fixtures/structures/",
        "tests/fixtures/law/",
        "tests/fixtures/evidence/",
    ] {
        assert!(
            out.lines().any(|line| line.starts_with(file)),
            "no test file under {file} was run:\n{out}"
        );
    }
    assert_eq!(codes(&err), Vec::<&str>::new(), "{err}");
    assert_eq!(err.matches(&format!("warning[{}]", "W0023")).count(), 1, "{err}");
    for skipped in ["E0130", "E0131", "E0132", "E0134"] {
        assert!(
            err.contains(&format!("`tests/fixtures/diagnostics/{skipped}.dcs`")),
            "{skipped} is not named as passed over:\n{err}"
        );
    }
}

/// In a folder, a file is a test file if a line starts a `test` item,
/// whether or not it parses: a broken test file is read and its errors
/// reported (exit 2); a broken file holding no test is no test file and
/// is passed over, silently; a file that says `// dcsc test: skip` is
/// passed over with a warning, and read when named.
#[test]
fn a_broken_file_in_a_folder_fails_the_run_only_if_it_holds_tests() {
    let folder = passing_and_failing();
    std::fs::write(folder.path().join("notes.dcs"), "this is not { dcsc\n").unwrap();
    let output = dcsc_in(folder.path(), &["test", "--fail-on", "none"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");

    let broken = "test half_written {\n  given \"council.dcs\"\n  as_at 2017\n  expect dcs.appointed\n}\n";
    std::fs::write(folder.path().join("broken_tests.dcs"), broken).unwrap();
    let output = dcsc_in(folder.path(), &["test", "--fail-on", "none"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(stderr(&output).contains("broken_tests.dcs:4:"), "{}", stderr(&output));

    let skipped = format!("// dcsc test: skip (meant not to check)\n{broken}");
    std::fs::write(folder.path().join("broken_tests.dcs"), skipped).unwrap();
    let output = dcsc_in(folder.path(), &["test", "--fail-on", "none"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .starts_with("warning[W0023]: `broken_tests.dcs` says it is not a test file, so its tests were not run\n"),
        "{}",
        stderr(&output)
    );
    let output = dcsc_in(folder.path(), &["test", "broken_tests.dcs"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));

    // A folder whose only test file is passed over has no tests, and says
    // why before it says so.
    std::fs::remove_file(folder.path().join("council_tests.dcs")).unwrap();
    let output = dcsc_in(folder.path(), &["test"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    let err = stderr(&output);
    let (warned, refused) = (err.find("warning[W0023]"), err.find("error[E0307]"));
    assert!(warned.is_some() && refused.is_some() && warned < refused, "{err}");
}
