//! Small arrangements, each named after the fault it shows, verified
//! against the embedded guidance. Each fixture says in its header which
//! verdicts it must give (`// expect: DUTY VERDICT because REASON`); the
//! test reads them, asserts them on the typed verdicts, and snapshots only
//! those verdicts with the council's summary line. Together the faults
//! produce all nine verdicts.

use std::collections::BTreeSet;
use std::path::Path;

use dcsc::date::PartialDate;
use dcsc::eval::{Verdict, VerdictKind};
use dcsc::render;
use dcsc::{Verified, Workspace};

use crate::support::{root, verdict};

const AS_AT: &str = "2026-11-01";

/// One `// expect:` line of a fixture.
struct Expectation {
    duty: String,
    verdict: VerdictKind,
    reason: String,
}

/// The expectations in a fixture's header, refusing lines that do not
/// read as one (so a typo cannot silently expect nothing).
fn expectations(path: &Path) -> Vec<Expectation> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter_map(|line| line.strip_prefix("// expect:"))
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let [duty, verdict, "because", reason] = words.as_slice() else {
                panic!("{}: cannot read `// expect:{line}`", path.display());
            };
            Expectation {
                duty: (*duty).to_owned(),
                verdict: VerdictKind::from_name(verdict)
                    .unwrap_or_else(|| panic!("{}: no verdict `{verdict}`", path.display())),
                reason: (*reason).to_owned(),
            }
        })
        .collect()
}

fn faults() -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("tests/fixtures/faults"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "dcs"))
        .collect();
    paths.sort();
    paths
}

fn verify(path: &Path) -> (Workspace, Verified) {
    // Named relative to the crate, so snapshots do not depend on where the
    // checkout is.
    let path = path.strip_prefix(root()).unwrap_or(path);
    let mut workspace = Workspace::new();
    workspace.add_path(path);
    let as_at = PartialDate::parse(AS_AT).unwrap().last_day();
    let verified = workspace.verify(as_at).unwrap_or_else(|| {
        panic!(
            "{} does not check:\n{}",
            path.display(),
            workspace.render_diagnostics(false)
        )
    });
    (workspace, verified)
}

#[test]
fn each_fault_gets_the_verdicts_its_header_expects() {
    let mut counted = 0;
    for path in faults() {
        let expected = expectations(&path);
        assert!(!expected.is_empty(), "{} expects nothing", path.display());
        let (_, verified) = verify(&path);
        for expectation in &expected {
            let found = verdict(&verified, &expectation.duty);
            assert_eq!(
                (found.kind(), found.reason.kind_name()),
                (expectation.verdict, expectation.reason.as_str()),
                "{}: {}: {:?}",
                path.display(),
                expectation.duty,
                found.reason
            );
            counted += 1;
        }
    }
    assert!(counted >= 9, "only {counted} expectations");
}

#[test]
fn the_faults_together_produce_all_nine_verdicts() {
    let mut seen = BTreeSet::new();
    for path in faults() {
        seen.extend(expectations(&path).into_iter().map(|expectation| expectation.verdict));
    }
    for kind in VerdictKind::ALL {
        assert!(seen.contains(&kind), "no fault expects {}", kind.name());
    }
}

#[test]
fn each_fault_snapshots_the_verdicts_it_is_about() {
    insta::glob!("..", "fixtures/faults/*.dcs", |path| {
        let (workspace, verified) = verify(path);
        let assessments = verified.assessments(&workspace.sources);
        let assessment = &assessments[0];
        let chosen: Vec<&Verdict> = expectations(path)
            .iter()
            .map(|expectation| verdict(&verified, &expectation.duty))
            .collect();
        let text = format!(
            "{}\n\n{}",
            render::human::summary_line(assessment),
            render::human::render_verdicts(assessment, &chosen, false)
        );
        snapshot!("verdicts", text);
    });
}

#[test]
fn coverage_tells_the_truth_about_the_embedded_guidance() {
    let mut workspace = Workspace::new();
    let checked = workspace.check();
    let policy = checked.policy.expect("the embedded guidance checks");
    let coverage = dcsc::render::coverage::coverage(&policy);
    // A paragraph counts as encoded only where every sentence of it that
    // asks something is encoded by a duty, question or law. Five are cited
    // only for their context, none of their content encoded; three are
    // encoded in part (the scope of the functions, the truncated last
    // sentence of paragraph 3, the accountability the roles provide).
    assert_eq!(
        coverage.unencoded,
        [
            "summary.legislation",
            "key_points.local_accountability",
            "key_points.professional_political",
            "key_points.leadership_role",
            "2.footnote_4"
        ]
    );
    assert_eq!(
        coverage.partly_encoded,
        ["key_points.purpose", "3", "accountability.clear_line"]
    );
    assert_eq!((coverage.encoded, coverage.percent.as_str()), (50, "86.2"));
    let status = |key: &str| {
        coverage
            .paragraphs
            .iter()
            .find(|paragraph| paragraph.paragraph == key)
            .map(|paragraph| paragraph.status)
            .unwrap_or_else(|| panic!("no paragraph {key}"))
    };
    // What describes the guidance itself is shown as such, not counted as
    // encoded by a duty that cites it to reach 100%.
    for key in [
        "summary.about",
        "summary.review_date",
        "summary.who_for",
        "wt_2023.published",
        "wt_2023.replaces",
        "safeguarding.education_agencies.commencement",
    ] {
        assert_eq!(status(key), "descriptive", "{key}");
    }
    // Paragraphs whose words are not at hand are listed apart and never
    // counted as encoded, whatever cites them (their words cannot have
    // been encoded): the Roles and responsibilities sections (vetting and
    // barring among them, known only by its heading), the rest of
    // paragraph 3, the joint DCS section, the Act's definition the
    // political restriction rests on, Working Together's chapter 2.
    for key in [
        "roles.vulnerable",
        "roles.vetting",
        "roles.fair_access",
        "roles.leadership",
        "roles.safeguarding",
        "roles.educational_excellence",
        "3.remainder",
        "joint_dcs.appointments",
        "lgha_1989.s2.6",
        "wt_2023.chapter_2",
    ] {
        assert_eq!(status(key), "not_at_hand", "{key}");
    }
    // The guidance's words that restate the law are encoded through it.
    for key in ["2.footnote_3", "statute.lscb", "hsca_2012.s194.2"] {
        assert_eq!(status(key), "encoded", "{key}");
    }
    assert_eq!(coverage.descriptive, 6);
    assert_eq!(coverage.not_at_hand, 10);
    // `--fail-under` compares the share as printed.
    assert!(!coverage.under(86.2));
    assert!(coverage.under(86.3));
    // An amendment's words are a version of the paragraph they replace,
    // encoded through it.
    let versions: Vec<&str> = coverage
        .paragraphs
        .iter()
        .filter(|paragraph| paragraph.paragraph == "safeguarding.partners.defined")
        .map(|paragraph| paragraph.edition)
        .collect();
    assert_eq!(versions, ["csw_2017", "hca_2022"]);
    // The clear line of accountability is quoted by the LGA, in its public
    // publication.
    let lga = policy
        .documents
        .iter()
        .find(|document| document.key == "lga_briefing")
        .expect("the LGA's publication");
    assert!(lga.title.contains("Chief executives must know: children's services"));
    snapshot!("coverage_human", coverage.to_human());
    json_snapshot!("coverage_json", coverage);
}
