//! Joint and shared arrangements: a post two councils share, declared once
//! in a shared file that both councils' arrangements name with `shares`,
//! verified for each council; what follows from the sharing (the joint DCS
//! question applies); and how references between files are refused.

use std::fmt::Write as _;
use std::path::Path;

use dcsc::eval::{Verdict, VerdictKind};
use dcsc::{Verified, Workspace};

use crate::support::{council, day, dcsc_in, find_in, holders, root, scratch, text, verify_files, write};

const NORTHSHIRE: &str = "tests/fixtures/joint/northshire.dcs";
const SOUTHSHIRE: &str = "tests/fixtures/joint/southshire.dcs";
const SHARED: &str = "tests/fixtures/joint/joint_director.dcs";

fn both(as_at: &str) -> Verified {
    verify_files(&[Path::new(NORTHSHIRE), Path::new(SOUTHSHIRE)], as_at)
}

/// A council's verdict on a duty, which must have been asked.
fn verdict<'a>(verified: &'a Verified, key: &str, duty: &str) -> &'a Verdict {
    find_in(&verified.policy, council(verified, key), duty).unwrap_or_else(|| panic!("no verdict for {duty} in {key}"))
}

/// The keys of the entities a council's verdict on a duty bound to.
fn bound(verified: &Verified, key: &str, duty: &str) -> Vec<String> {
    holders(council(verified, key), verdict(verified, key, duty))
}

/// Whether the output shows a diagnostic with this code.
fn shows(shown: &str, code: &str) -> bool {
    shown.contains(&format!("[{code}]"))
}

fn council_sharing(key: &str, shares: &str) -> String {
    format!(
        "arrangements {key} {{\n  council \"{key} Council\"\n  answers_to dfe_2013\n  shares \"{shares}\"\n}}\n\npost chief_executive {{\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}}\n"
    )
}

const SHARED_DIRECTOR: &str = "shared pair {\n  title \"Posts the pair share\"\n}\n\npost joint_director {\n  title \"Joint Director\"\n  holds DCS\n  politically_restricted yes\n  report_to chief_executive\n}\n";

#[test]
fn a_post_shared_by_two_councils_is_declared_once_and_holds_dcs_in_each() {
    let verified = both("2020-01-31");
    assert_eq!(verified.councils.len(), 2, "one verdict set per council, no more");
    let mut declared_in = Vec::new();
    for key in ["northshire", "southshire"] {
        assert_eq!(
            bound(&verified, key, "dcs.politically_restricted"),
            ["joint_director_of_people"],
            "{key}'s DCS"
        );
        let entity = council(&verified, key)
            .arrangement
            .entities
            .iter()
            .find(|entity| entity.key == "joint_director_of_people")
            .unwrap();
        declared_in.push(entity.span);
    }
    assert_eq!(
        declared_in[0], declared_in[1],
        "both councils' post is the one declaration"
    );
    // Accountable separately to each: the shared post's `report_to
    // chief_executive` is each council's own Chief Executive.
    for (key, title) in [
        ("northshire", "Chief Executive, Northshire"),
        ("southshire", "Chief Executive, Southshire"),
    ] {
        let council = council(&verified, key);
        let director = council
            .arrangement
            .entities
            .iter()
            .find(|entity| entity.key == "joint_director_of_people")
            .unwrap();
        let (_, line) = director.relations.first().unwrap();
        let target = council.arrangement.entity(line.value[0]).unwrap();
        assert_eq!(target.title.as_deref(), Some(title));
    }
}

#[test]
fn the_joint_dcs_question_applies_because_the_post_is_shared() {
    let verified = both("2020-01-31");
    assert_eq!(
        verdict(&verified, "northshire", "joint_dcs.arrangements").kind(),
        VerdictKind::Answered
    );
    assert_eq!(
        verdict(&verified, "southshire", "joint_dcs.arrangements").kind(),
        VerdictKind::Missing,
        "Southshire gives no account of the joint appointment"
    );
    // The same post declared in one council's own file is that council's
    // own officer: the question does not apply by default.
    let own = std::fs::read_to_string(SHARED)
        .unwrap()
        .replace(
            "shared north_and_south {",
            "arrangements own {\n  council \"Own Council\"\n  answers_to dfe_2013",
        )
        .replace(
            "title \"Posts shared by Northshire and Southshire\"",
            "known_until 2020-03-31",
        )
        + "\npost chief_executive {\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}\n";
    let mut workspace = Workspace::new();
    workspace.add_text("own.dcs", &own);
    let verified = workspace
        .verify(day("2020-01-31"))
        .unwrap_or_else(|| panic!("does not check:\n{}", workspace.render_diagnostics(false)));
    assert_eq!(
        verdict(&verified, "own", "joint_dcs.arrangements").kind(),
        VerdictKind::NotApplicable
    );
}

#[test]
fn each_council_tests_its_own_assurance_after_the_joint_appointment() {
    let verified = both("2020-01-31");
    assert_eq!(
        verdict(&verified, "northshire", "review.on_change").kind(),
        VerdictKind::Pass
    );
    assert_eq!(
        verdict(&verified, "southshire", "review.on_change").kind(),
        VerdictKind::Unexplained,
        "the appointment in the shared file is a change for Southshire too, and it recorded no review"
    );
    // Before the joint post existed, neither council's papers say who
    // held DCS (their lists of posts are not complete).
    let before = both("2019-01-31");
    for key in ["northshire", "southshire"] {
        assert_eq!(
            verdict(&before, key, "dcs.appointed").kind(),
            VerdictKind::Unknown,
            "{key} before the joint post began"
        );
    }
}

#[test]
fn verdicts_of_both_councils() {
    let verified = both("2020-01-31");
    let mut table = String::new();
    for council in &verified.councils {
        for verdict in &council.verdicts {
            let duty = verified.policy.duty(verdict.duty).unwrap();
            writeln!(
                table,
                "{} {} {}",
                council.arrangement.key,
                duty.key,
                verdict.kind().name()
            )
            .unwrap();
        }
    }
    snapshot!("joint_verdicts", table);
}

#[test]
fn the_fact_of_sharing_points_at_the_councils_shares_line() {
    let output = dcsc_in(
        root(),
        &["verify", SOUTHSHIRE, "--as-at", "2020-01-31", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let verdicts = json["verdicts"].as_array().unwrap();
    let joint = verdicts
        .iter()
        .find(|verdict| verdict["duty"] == "joint_dcs.arrangements")
        .unwrap();
    let shown = joint.to_string();
    assert!(
        shown.contains("southshire.dcs") && shown.contains("joint appointment"),
        "the joint appointment is a fact stated at Southshire's `shares` line: {shown}"
    );
}

#[test]
fn a_shared_chief_executive_heads_both_councils() {
    let dir = scratch("shared-chief-executive");
    write(
        &dir,
        "pair.dcs",
        &format!(
            "{SHARED_DIRECTOR}\npost chief_executive {{\n  title \"Joint Chief Executive\"\n  holds ChiefExecutive\n}}\n"
        ),
    );
    for key in ["east", "west"] {
        write(
            &dir,
            &format!("{key}.dcs"),
            &format!("arrangements {key} {{\n  council \"{key} Council\"\n  answers_to dfe_2013\n  shares \"pair.dcs\"\n}}\n"),
        );
    }
    let verified = verify_files(&[&dir.join("east.dcs"), &dir.join("west.dcs")], "2020-01-31");
    for key in ["east", "west"] {
        assert_eq!(bound(&verified, key, "dcs.politically_restricted"), ["joint_director"]);
        assert_eq!(
            verdict(&verified, key, "dcs.report_to_chief_executive").kind(),
            VerdictKind::Pass,
            "{key}"
        );
    }
}

#[test]
fn json_arrangements_share_too() {
    let dir = scratch("json");
    write(&dir, "pair.dcs", SHARED_DIRECTOR);
    write(
        &dir,
        "east.json",
        r#"{"arrangements": "east", "council": "East Council", "answers_to": "dfe_2013", "shares": ["pair.dcs"],
            "posts": [{"id": "chief_executive", "title": "Chief Executive", "holds": "ChiefExecutive"}]}"#,
    );
    let verified = verify_files(&[&dir.join("east.json")], "2020-01-31");
    assert_eq!(
        bound(&verified, "east", "dcs.politically_restricted"),
        ["joint_director"]
    );
}

#[test]
fn references_are_relative_and_never_leave_the_folder() {
    let dir = scratch("refused");
    write(&dir, "councils/pair.dcs", SHARED_DIRECTOR);
    write(&dir, "outside.dcs", SHARED_DIRECTOR);
    let absolute = dir.join("councils/pair.dcs").display().to_string();
    let cases = [
        (absolute.as_str(), "E0019", "absolute path"),
        ("../outside.dcs", "E0019", "outside this file's folder"),
        ("sub/../../outside.dcs", "E0019", "outside this file's folder"),
        ("https://example.org/pair.dcs", "E0019", "never fetches"),
        ("missing.dcs", "E0001", "cannot read the shared file `missing.dcs`"),
    ];
    for (shares, code, words) in cases {
        write(&dir, "councils/east.dcs", &council_sharing("east", shares));
        // Run from elsewhere: the path is relative to the referring file,
        // not to the current folder.
        let output = dcsc_in(&dir, &["check", "councils/east.dcs"]);
        let shown = text(&output);
        assert_eq!(output.status.code(), Some(2), "{shares}:\n{shown}");
        assert!(
            shown.contains(&format!("[{code}]")),
            "{shares}: {code} not shown:\n{shown}"
        );
        assert!(shown.contains(words), "{shares}: `{words}` not shown:\n{shown}");
        assert!(
            shown.contains("councils/east.dcs:4:"),
            "{shares}: points at the reference:\n{shown}"
        );
    }
    // Relative to the referring file, from any folder, and below it.
    write(&dir, "councils/shared/pair.dcs", SHARED_DIRECTOR);
    for shares in ["pair.dcs", "./pair.dcs", "shared/pair.dcs", "shared/../pair.dcs"] {
        write(&dir, "councils/east.dcs", &council_sharing("east", shares));
        let output = dcsc_in(&dir, &["check", "councils/east.dcs"]);
        assert_eq!(output.status.code(), Some(0), "{shares}:\n{}", text(&output));
    }
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_refused() {
    let dir = scratch("link");
    write(&dir, "outside.dcs", SHARED_DIRECTOR);
    write(&dir, "councils/east.dcs", &council_sharing("east", "pair.dcs"));
    std::os::unix::fs::symlink(dir.join("outside.dcs"), dir.join("councils/pair.dcs")).unwrap();
    let output = dcsc_in(&dir, &["check", "councils/east.dcs"]);
    let shown = text(&output);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert!(
        shows(&shown, "E0019") && shown.contains("outside this file's folder"),
        "{shown}"
    );
}

#[test]
fn a_file_that_is_not_shared_is_refused_and_not_taken_for_a_council() {
    let dir = scratch("not-shared");
    write(&dir, "west.dcs", &council_sharing("west", "pair.dcs"));
    write(&dir, "pair.dcs", SHARED_DIRECTOR);
    write(&dir, "east.dcs", &council_sharing("east", "west.dcs"));
    let output = dcsc_in(&dir, &["verify", "east.dcs", "--as-at", "2020-01-31"]);
    let shown = text(&output);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert!(
        shows(&shown, "E0126") && shown.contains("it starts with `arrangements`"),
        "{shown}"
    );
    assert!(
        !shown.contains("west Council"),
        "west.dcs is not verified as a council:\n{shown}"
    );
}

#[test]
fn a_shared_file_given_alone_is_a_warning_that_nothing_was_checked() {
    let output = dcsc_in(root(), &["check", "tests/fixtures/diagnostics/W0011.dcs"]);
    let shown = text(&output);
    assert_eq!(output.status.code(), Some(0), "{shown}");
    assert!(shows(&shown, "W0011"), "{shown}");
    // Named on the command line as well as shared, it is read once.
    let output = dcsc_in(root(), &["check", SHARED, NORTHSHIRE, SOUTHSHIRE]);
    let shown = text(&output);
    assert_eq!(output.status.code(), Some(0), "{shown}");
    assert!(shown.contains("checked 3 file(s): no problems"), "{shown}");
}

#[test]
fn problems_in_a_shared_file_are_said_once_and_say_with_which_council() {
    let dir = scratch("problems");
    write(
        &dir,
        "pair.dcs",
        &SHARED_DIRECTOR.replace(
            "report_to chief_executive",
            "report_to chief_executive, east_treasurer\n  holds NoSuchRole",
        ),
    );
    write(
        &dir,
        "east.dcs",
        &(council_sharing("east", "pair.dcs") + "\npost east_treasurer {\n  title \"Treasurer\"\n}\n"),
    );
    write(&dir, "west.dcs", &council_sharing("west", "pair.dcs"));
    let output = dcsc_in(&dir, &["check", "east.dcs", "west.dcs"]);
    let shown = text(&output);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert_eq!(
        shown.matches("unknown role `NoSuchRole`").count(),
        1,
        "said once:\n{shown}"
    );
    assert_eq!(
        shown
            .matches("unknown post, member, body, service or organisation `east_treasurer`")
            .count(),
        1,
        "said once:\n{shown}"
    );
    assert!(
        shown.contains("read with the arrangements of west Council"),
        "says the council the name is unknown to:\n{shown}"
    );
    assert!(shown.contains("checked 3 file(s): 2 error(s)"), "{shown}");
}

/// A council sharing a file with each of two other councils, that share
/// nothing with each other, joins the three: they are checked together,
/// each shared file read once, so a problem in the file the middle
/// council shares with the last is said once, wherever the middle
/// council stands. (The middle council used to join only the first
/// group, and the second shared file was read with both groups.)
#[test]
fn a_council_sharing_with_two_groups_joins_them_and_each_problem_is_said_once() {
    let dir = scratch("bridging");
    write(&dir, "first.dcs", SHARED_DIRECTOR);
    write(
        &dir,
        "second.dcs",
        &SHARED_DIRECTOR
            .replace("shared pair", "shared second")
            .replace("joint_director", "second_director")
            .replace("holds DCS", "holds NoSuchRole"),
    );
    write(&dir, "east.dcs", &council_sharing("east", "first.dcs"));
    write(&dir, "west.dcs", &council_sharing("west", "second.dcs"));
    let middle = council_sharing("middle", "first.dcs").replace("\"first.dcs\"", "\"first.dcs\", \"second.dcs\"");
    for (name, order) in [
        ("zmiddle.dcs", ["east.dcs", "west.dcs", "zmiddle.dcs"]),
        ("amiddle.dcs", ["amiddle.dcs", "east.dcs", "west.dcs"]),
    ] {
        let _ = std::fs::remove_file(dir.join("zmiddle.dcs"));
        let _ = std::fs::remove_file(dir.join("amiddle.dcs"));
        write(&dir, name, &middle);
        for arguments in [vec!["check", "."], [vec!["check"], order.to_vec()].concat()] {
            let output = dcsc_in(&dir, &arguments);
            let shown = text(&output);
            assert_eq!(output.status.code(), Some(2), "{arguments:?}:\n{shown}");
            assert_eq!(
                shown.matches("unknown role `NoSuchRole`").count(),
                1,
                "{arguments:?}: said once:\n{shown}"
            );
            assert!(
                shown.contains("checked 5 file(s): 1 error(s), 0 warning(s)"),
                "{arguments:?}:\n{shown}"
            );
        }
    }
}

#[test]
fn answers_belong_to_each_council_and_a_file_is_shared_once() {
    let dir = scratch("misplaced");
    write(
        &dir,
        "pair.dcs",
        &format!("{SHARED_DIRECTOR}\nanswer joint_dcs.arrangements {{\n  text \"Both councils' account\"\n}}\n"),
    );
    write(&dir, "east.dcs", &council_sharing("east", "pair.dcs"));
    let output = dcsc_in(&dir, &["check", "east.dcs"]);
    let shown = text(&output);
    assert!(
        shows(&shown, "E0111") && shown.contains("does not belong in a shared file"),
        "{shown}"
    );
    write(&dir, "pair.dcs", SHARED_DIRECTOR);
    write(
        &dir,
        "east.dcs",
        &council_sharing("east", "pair.dcs").replace("shares \"pair.dcs\"", "shares \"pair.dcs\", \"./pair.dcs\""),
    );
    let output = dcsc_in(&dir, &["check", "east.dcs"]);
    let shown = text(&output);
    assert!(shows(&shown, "E0125"), "the same file shared twice:\n{shown}");
}

#[test]
fn a_report_fingerprints_the_shared_file_and_will_not_overwrite_it() {
    let dir = scratch("report");
    write(&dir, "pair.dcs", SHARED_DIRECTOR);
    write(&dir, "east.dcs", &council_sharing("east", "pair.dcs"));
    let report = |dir: &Path| {
        let output = dcsc_in(
            dir,
            &["report", "east.dcs", "--format", "markdown", "--as-at", "2020-01-31"],
        );
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    let hash = |report: &str| {
        report
            .lines()
            .skip_while(|line| !line.contains("Arrangement files (SHA-256"))
            .take_while(|line| !line.is_empty())
            .collect::<Vec<&str>>()
            .join("\n")
    };
    let before = hash(&report(&dir));
    write(
        &dir,
        "pair.dcs",
        &SHARED_DIRECTOR.replace("Joint Director", "Joint Director of People"),
    );
    assert_ne!(
        before,
        hash(&report(&dir)),
        "a change to the shared file changes the fingerprint"
    );
    let output = dcsc_in(&dir, &["report", "east.dcs", "--format", "markdown", "-o", "pair.dcs"]);
    let shown = text(&output);
    assert!(shows(&shown, "E0017"), "{shown}");
    assert!(
        std::fs::read_to_string(dir.join("pair.dcs"))
            .unwrap()
            .starts_with("shared pair"),
        "the shared file is untouched"
    );
}

/// Issue 20, case 43: each council re-opens the shared post to give its
/// own title, and its verdicts name the post by that title, never the
/// other council's nor the shared file's combined one.
#[test]
fn each_council_names_a_shared_post_by_its_own_title() {
    let folder = root().join("tests/fixtures/structures");
    let combined = "Director of Lifelong Services (Test Council) and Director of Care and Learning (Neighbour Council)";
    for (file, own, other) in [
        (
            "43_shared_post_titles.dcs",
            "Director of Lifelong Services",
            "Director of Care and Learning",
        ),
        (
            "43_shared_post_titles.neighbour.dcs",
            "Director of Care and Learning",
            "Director of Lifelong Services",
        ),
    ] {
        let output = dcsc_in(&folder, &["verify", file, "--as-at", "2033-06-30"]);
        let shown = text(&output);
        assert_eq!(output.status.code(), Some(1), "{shown}");
        assert!(!shows(&shown, "E0102"), "{shown}");
        assert!(shown.contains(own), "{file}: {shown}");
        assert!(!shown.contains(other), "{file}: {shown}");
        assert!(!shown.contains(combined), "{file}: {shown}");
    }
}

/// A council's own view of a shared post gives its title and nothing
/// else: any other field is E0107, and the facts stay the shared file's.
#[test]
fn a_council_view_of_a_shared_post_gives_only_its_title() {
    let folder = scratch("shared_view");
    write(
        &folder,
        "shared.dcs",
        "shared pair { title \"Posts shared\" }\n\npost joint_director { title \"Joint Director\"  holds DCS }\n",
    );
    write(
        &folder,
        "north.dcs",
        "arrangements north { council \"North Council\"  answers_to dfe_2013  shares \"shared.dcs\" }\n\npost joint_director { title \"Director of People\"  tier 1 }\n",
    );
    let output = dcsc_in(&folder, &["check", "north.dcs"]);
    let shown = text(&output);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert!(shows(&shown, "E0107"), "{shown}");
    assert!(!shows(&shown, "E0102"), "{shown}");
}
