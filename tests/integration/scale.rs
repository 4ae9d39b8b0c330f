//! Many councils: `dcsc verify FOLDER`, `--summary`, the JSON array written
//! one council at a time, and rendering whose cost per council does not
//! grow with the number of councils.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use dcsc::date::PartialDate;
use dcsc::Workspace;

use crate::support::{dcsc, scratch, stderr, stdout};

const AS_AT: &str = "2020-02-06";

/// The three shipped councils, each as its files would be given alone.
const EXAMPLES: [&[&str]; 3] = [
    &["examples/barnet/arrangements.dcs", "examples/barnet/framework.dcs"],
    &["examples/coventry.dcs"],
    &[
        "examples/northumberland/arrangements.dcs",
        "examples/northumberland/local_policy.dcs",
    ],
];

fn alone(files: &[&str], extra: &[&str]) -> Output {
    let mut args = vec!["verify"];
    args.extend(files);
    args.extend(["--as-at", AS_AT]);
    args.extend(extra);
    dcsc(&args)
}

#[test]
fn a_folder_of_councils_verifies_each_as_if_it_were_given_alone() {
    let folder = dcsc(&["verify", "examples", "--as-at", AS_AT]);
    assert_eq!(folder.status.code(), Some(1), "{}", stderr(&folder));
    // The folder's README is no council: passed over, said once.
    assert!(
        stderr(&folder).starts_with("warning[W0019]: `examples/README.md` is not dcsc input, so it was passed over\n"),
        "{}",
        stderr(&folder)
    );
    assert_eq!(
        stderr(&folder).matches("warning[").count(),
        1,
        "no other diagnostics for the shipped councils"
    );
    let each: Vec<String> = EXAMPLES.iter().map(|files| stdout(&alone(files, &[]))).collect();
    assert_eq!(stdout(&folder), each.join("\n"));
    // In the order of their sorted paths, each with its own local policy
    // only: Barnet's framework rows are Barnet's.
    let shown = stdout(&folder);
    let barnet = shown
        .find("London Borough of Barnet (examples/barnet/arrangements.dcs)")
        .unwrap();
    let coventry = shown.find("Coventry City Council (examples/coventry.dcs)").unwrap();
    let northumberland = shown
        .find("Northumberland County Council (examples/northumberland/arrangements.dcs)")
        .unwrap();
    assert!(barnet < coventry && coventry < northumberland);
    assert_eq!(shown.matches("with local policy barnet_framework").count(), 1);
}

#[test]
fn a_folder_of_councils_as_json_is_the_array_of_each_council_alone() {
    let folder = dcsc(&["verify", "examples", "--as-at", AS_AT, "--format", "json"]);
    assert_eq!(folder.status.code(), Some(1));
    let array: serde_json::Value = serde_json::from_str(&stdout(&folder)).unwrap();
    let each: Vec<serde_json::Value> = EXAMPLES
        .iter()
        .map(|files| serde_json::from_str(&stdout(&alone(files, &["--format", "json"]))).unwrap())
        .collect();
    assert_eq!(array, serde_json::Value::Array(each.clone()));
    // Written as it goes, it is still the array printed whole.
    assert_eq!(
        stdout(&folder),
        format!("{}\n", serde_json::to_string_pretty(&each).unwrap())
    );
}

#[test]
fn the_summary_of_the_examples_is_one_row_each_and_the_duties_most_often_needing_action() {
    let human = dcsc(&["verify", "examples", "--as-at", AS_AT, "--summary"]);
    assert_eq!(human.status.code(), Some(1), "{}", stderr(&human));
    let text = stdout(&human);
    assert!(text.starts_with("3 councils verified as at 2020-02-06\n"), "{text}");
    for council in [
        "London Borough of Barnet",
        "Coventry City Council",
        "Northumberland County Council",
    ] {
        assert_eq!(
            text.lines().filter(|line| line.starts_with(council)).count(),
            1,
            "{text}"
        );
    }
    snapshot!("examples_summary", text);

    let json = dcsc(&["verify", "examples", "--as-at", AS_AT, "--summary", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    // Each row's counts are those the council's own verdicts give.
    for (row, files) in value["councils"].as_array().unwrap().iter().zip(EXAMPLES) {
        let alone: serde_json::Value = serde_json::from_str(&stdout(&alone(files, &["--format", "json"]))).unwrap();
        assert_eq!(row["counts"], alone["summary"]["counts"]);
        assert_eq!(row["needs_action"], alone["summary"]["needs_action"]);
        assert_eq!(row["council"], alone["arrangement"]["council"]);
    }
    let duties = value["duties_needing_action"].as_array().unwrap();
    assert_eq!(duties[0]["councils"], 3);
    assert!(duties
        .windows(2)
        .all(|pair| pair[0]["councils"].as_u64() >= pair[1]["councils"].as_u64()));
    snapshot!("examples_summary_json", stdout(&json));
}

/// A guidance of one duty, for councils that meet it or not.
const ONE_DUTY: &str = "guidance one_duty {\n  title \"One duty\"\n  issued 2013-04\n  force statutory_guidance\n}\n\
document text { title \"The one duty\" }\n\
role DCS { title \"Director of Children's Services\"  held_by post }\n\
paragraph 1 { section \"The DCS\"  words verbatim from text  text \"Every authority appoints one DCS.\" }\n\
duty dcs.appointed { cites 1  exactly one post must hold DCS }\n";

fn one_duty_council(name: &str, holds: bool) -> String {
    format!(
        "arrangements {name} {{\n  council \"{name}\"\n  answers_to one_duty\n}}\n\npost director {{\n  title \"Director\"\n{}}}\n",
        if holds { "  holds DCS\n" } else { "" }
    )
}

#[test]
fn a_summary_exits_1_if_any_council_needs_action_and_0_if_none() {
    let dir = scratch("exit");
    let policy = dir.join("one_duty.dcs");
    std::fs::write(&policy, ONE_DUTY).unwrap();
    let councils = dir.join("councils");
    std::fs::create_dir(&councils).unwrap();
    std::fs::write(councils.join("a.dcs"), one_duty_council("alpha", true)).unwrap();
    std::fs::write(councils.join("b.dcs"), one_duty_council("beta", true)).unwrap();
    let (policy, folder) = (policy.display().to_string(), councils.display().to_string());
    for extra in [
        &[][..],
        &["--summary"],
        &["--summary", "--format", "json"],
        &["--format", "json"],
    ] {
        let mut args = vec!["verify", &folder, "--policy", &policy, "--as-at", AS_AT];
        args.extend(extra);
        let output = dcsc(&args);
        assert_eq!(output.status.code(), Some(0), "{extra:?}: {}", stderr(&output));
    }
    std::fs::write(councils.join("c.dcs"), one_duty_council("gamma", false)).unwrap();
    let output = dcsc(&["verify", &folder, "--policy", &policy, "--as-at", AS_AT, "--summary"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("councils needing action: 1 of 3"), "{text}");
    assert!(
        text.contains("  1  dcs.appointed  exactly one post must hold DCS"),
        "{text}"
    );
}

#[test]
fn two_councils_as_json_are_streamed_byte_for_byte_as_the_array_printed_whole() {
    let files = [
        "examples/coventry.dcs",
        "tests/fixtures/faults/dcs_reports_to_deputy_chief_executive.dcs",
    ];
    let streamed = dcsc(&[
        "verify",
        files[0],
        files[1],
        "--as-at",
        "2017-12-31",
        "--format",
        "json",
    ]);
    let mut workspace = Workspace::new();
    for file in files {
        workspace.add_path(Path::new(file));
    }
    let verified = workspace
        .verify(PartialDate::parse("2017-12-31").unwrap().last_day())
        .unwrap();
    let whole: Vec<serde_json::Value> = verified
        .assessments(&workspace.sources)
        .iter()
        .map(dcsc::render::json::to_value)
        .collect();
    assert_eq!(whole.len(), 2);
    assert_eq!(
        stdout(&streamed),
        format!(
            "{}\n",
            serde_json::to_string_pretty(&serde_json::Value::Array(whole)).unwrap()
        )
    );
}

#[test]
fn a_shared_file_in_a_folder_is_read_with_the_councils_that_share_it() {
    let output = dcsc(&["verify", "tests/fixtures/joint", "--as-at", "2026-11-01", "--summary"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "the shared file is no council of its own");
    let text = stdout(&output);
    assert!(text.starts_with("2 councils verified"), "{text}");
    assert!(text.contains("Northshire County Council") && text.contains("Southshire Council"));
}

#[test]
fn a_file_that_is_no_council_is_passed_over_with_a_warning() {
    // Two councils make this a folder of councils, so the local policy
    // beside them goes with neither.
    let dir = scratch("not-a-council");
    std::fs::copy("examples/coventry.dcs", dir.join("coventry.dcs")).unwrap();
    std::fs::copy(
        "tests/fixtures/faults/dcs_reports_to_deputy_chief_executive.dcs",
        dir.join("deputy.dcs"),
    )
    .unwrap();
    std::fs::copy("examples/northumberland/local_policy.dcs", dir.join("local_policy.dcs")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a council").unwrap();
    std::fs::create_dir(dir.join("empty")).unwrap();
    std::fs::write(dir.join(".hidden.dcs"), "not even read").unwrap();
    let output = dcsc(&[
        "verify",
        &dir.display().to_string(),
        "--as-at",
        "2017-12-31",
        "--summary",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let warnings = stderr(&output);
    assert!(warnings.contains(&format!("warning[{}]", "W0015")), "{warnings}");
    assert!(
        warnings.contains("local_policy.dcs` holds no council's arrangements"),
        "{warnings}"
    );
    assert!(
        warnings.contains("warning[W0019]: `") && warnings.contains("notes.txt` is not dcsc input"),
        "{warnings}"
    );
    assert_eq!(warnings.matches("warning[").count(), 2, "{warnings}");
    assert!(stdout(&output).starts_with("2 councils verified"));
}

#[test]
fn a_council_that_does_not_check_stops_the_folder_before_any_is_verified() {
    let dir = scratch("broken");
    std::fs::copy("examples/coventry.dcs", dir.join("a_coventry.dcs")).unwrap();
    std::fs::write(
        dir.join("b_broken.dcs"),
        "arrangements broken {\n  council \"Broken\"\n}\n\npost p {\n  holds DSC\n}\n",
    )
    .unwrap();
    let folder = dir.display().to_string();
    let human = dcsc(&["verify", &folder]);
    assert_eq!(human.status.code(), Some(2));
    assert_eq!(stdout(&human), "", "nothing is verified");
    let shown = stderr(&human);
    assert!(
        shown.contains("error[E0101]") && shown.contains("b_broken.dcs"),
        "{shown}"
    );
    assert!(shown.ends_with("cannot verify: 1 error(s), 0 warning(s)\n"), "{shown}");
    let json = dcsc(&["verify", &folder, "--format", "json"]);
    assert_eq!(json.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value["diagnostics"][0]["code"], "E0101");
}

#[test]
fn standard_input_cannot_be_given_with_folders() {
    let output = crate::support::dcsc_with_stdin(&["verify", "examples", "-"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("error[E0306]"), "{}", stderr(&output));
    let json = crate::support::dcsc_with_stdin(&["verify", "examples", "-", "--format", "json"], b"");
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value["diagnostics"][0]["code"], "E0306");
}

/// A small council, named by its number.
fn council(index: usize) -> String {
    format!(
        "arrangements council_{index} {{\n  council \"Council {index}\"\n  answers_to dfe_2013\n}}\n\n\
post director {{\n  title \"Director of Children's Services\"\n  holds DCS\n  tier {}\n  report_to chief_executive\n}}\n\n\
post chief_executive {{\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}}\n",
        1 + index % 2
    )
}

#[test]
fn a_folder_of_forty_councils_gives_forty_rows_in_order_and_an_array_of_forty() {
    let dir = scratch("forty");
    for index in 0..40 {
        std::fs::write(dir.join(format!("council_{index:02}.dcs")), council(index)).unwrap();
    }
    let folder = dir.display().to_string();
    let json = dcsc(&["verify", &folder, "--as-at", AS_AT, "--summary", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let rows = value["councils"].as_array().unwrap();
    assert_eq!(rows.len(), 40);
    for (index, row) in rows.iter().enumerate() {
        assert_eq!(row["council"], format!("Council {index}"));
    }
    // Half the councils put their DCS in the second tier.
    let first_tier = value["duties_needing_action"]
        .as_array()
        .unwrap()
        .iter()
        .find(|duty| duty["duty"] == "dcs.first_tier")
        .unwrap();
    assert_eq!(first_tier["councils"], 20);
    let verdicts = dcsc(&["verify", &folder, "--as-at", AS_AT, "--format", "json"]);
    let array: serde_json::Value = serde_json::from_str(&stdout(&verdicts)).unwrap();
    assert_eq!(array.as_array().unwrap().len(), 40);
}

/// The median time to render each council's human report, with `count`
/// councils read in one run, each file long (a small council and a long
/// comment, as a council's file holds its sources' words).
fn median_render_time(count: usize) -> Duration {
    let padding = "// The council's paper, quoted at length.\n".repeat(1500);
    let mut workspace = Workspace::new();
    for index in 0..count {
        workspace.add_text(&format!("council_{index}.dcs"), &format!("{padding}{}", council(index)));
    }
    let verified = workspace.verify(PartialDate::parse(AS_AT).unwrap().last_day()).unwrap();
    let mut times: Vec<Duration> = verified
        .assessments(&workspace.sources)
        .iter()
        .map(|assessment| {
            let started = Instant::now();
            let text = dcsc::render::human::render(assessment, false);
            assert!(text.contains("Council "));
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

#[test]
fn rendering_a_council_takes_no_longer_when_many_councils_were_read() {
    let few = median_render_time(4);
    let many = median_render_time(120);
    // Each council's snippets used to copy every file read into the
    // renderer: with 120 such councils, each took some ten times as long
    // as with 4. Now a council's rendering reads its own file only. The
    // bound is generous, as the machine is shared.
    assert!(
        many < few * 4 + Duration::from_millis(5),
        "rendering one council took {few:?} with 4 councils read, {many:?} with 120"
    );
}
