//! Organisations beside the council (issue 20): a company that runs a
//! service and employs the DCS, and a DCS shared by two councils by
//! secondment. The verdicts that read them cite the ties while they hold,
//! and say nothing of them before or after; what is wrong with a tie is a
//! coded diagnostic.

use std::path::Path;

use dcsc::eval::{Fact, Verdict};
use dcsc::Verified;

use crate::support::{council, dcsc_in, find_in, root, stderr, stdout, verify_files, verify_text};

const COMPANY: &str = "tests/fixtures/structures/44_company.dcs";
const EASTSHIRE: &str = "tests/fixtures/structures/secondment_eastshire.dcs";
const WESTSHIRE: &str = "tests/fixtures/structures/secondment_westshire.dcs";

fn verdict<'a>(verified: &'a Verified, key: &str, duty: &str) -> &'a Verdict {
    find_in(&verified.policy, council(verified, key), duty).unwrap_or_else(|| panic!("no verdict for {duty}"))
}

/// The keys of the entities a verdict's ties to organisations name, each
/// as `kind:entity:party`.
fn ties_cited(verified: &Verified, key: &str, duty: &str) -> Vec<String> {
    let arrangement = &council(verified, key).arrangement;
    let name = |id: dcsc::model::EntityId| arrangement.entity(id).map_or("?", |entity| entity.key.as_str());
    let party = |party: dcsc::model::Party| match party {
        dcsc::model::Party::Council => "council".to_owned(),
        dcsc::model::Party::External => "external".to_owned(),
        dcsc::model::Party::Organisation(id) => name(id).to_owned(),
    };
    verdict(verified, key, duty)
        .facts
        .iter()
        .filter_map(|used| match &used.fact {
            Fact::Provider { service, party: by } => Some(format!("provider:{}:{}", name(*service), party(*by))),
            Fact::Employer { post, party: by } => Some(format!("employer:{}:{}", name(*post), party(*by))),
            Fact::Secondment { post, secondment } => {
                Some(format!("secondment:{}:{}", name(*post), name(secondment.council)))
            }
            Fact::Life { entity } => Some(format!("life:{}", name(*entity))),
            _ => None,
        })
        .collect()
}

#[test]
fn the_accountability_question_cites_the_company_only_while_it_runs_the_service() {
    let question = "local_assurance.specific.accountability";
    let before = verify_files(&[Path::new(COMPANY)], "2031-03-31");
    assert_eq!(
        ties_cited(&before, "test", question),
        Vec::<String>::new(),
        "before the company"
    );
    let during = verify_files(&[Path::new(COMPANY)], "2033-06-30");
    assert_eq!(
        ties_cited(&during, "test", question),
        [
            "provider:social_care_delivery:family_services_ltd",
            "employer:family_director:family_services_ltd",
            "life:family_services_ltd",
        ],
        "while the company runs the service and employs the DCS"
    );
    let after = verify_files(&[Path::new(COMPANY)], "2036-06-30");
    assert_eq!(
        ties_cited(&after, "test", question),
        Vec::<String>::new(),
        "back in house"
    );
}

#[test]
fn the_company_is_named_with_what_it_is_in_the_verdict() {
    let output = dcsc_in(
        root(),
        &["verify", COMPANY, "--as-at", "2033-06-30", "--format", "json"],
    );
    let out = stdout(&output);
    assert!(
        out.contains("Test Family Services Ltd (a company wholly owned by the council) runs children's social care"),
        "{out}"
    );
    assert!(
        out.contains(
            "Test Family Services Ltd (a company wholly owned by the council) employs the Director of Family Services"
        ),
        "{out}"
    );
}

#[test]
fn a_secondment_raises_the_joint_question_in_both_councils_only_while_it_lasts() {
    for (file, key, post) in [
        (EASTSHIRE, "eastshire", "interim_director"),
        (WESTSHIRE, "westshire", "director_of_childrens_services"),
    ] {
        for (date, applies) in [("2033-03-31", false), ("2033-10-31", true), ("2034-06-30", false)] {
            let verified = verify_files(&[Path::new(file)], date);
            let found = verdict(&verified, key, "joint_dcs.arrangements");
            let cited = ties_cited(&verified, key, "joint_dcs.arrangements");
            if applies {
                assert_eq!(found.kind(), dcsc::eval::VerdictKind::Missing, "{key} {date}");
                assert!(
                    cited.iter().any(|tie| tie.starts_with(&format!("secondment:{post}:"))),
                    "{key} {date}: {cited:?}"
                );
            } else {
                assert_eq!(found.kind(), dcsc::eval::VerdictKind::NotApplicable, "{key} {date}");
                assert!(
                    cited.iter().all(|tie| !tie.starts_with("secondment")),
                    "{key} {date}: {cited:?}"
                );
            }
        }
    }
}

#[test]
fn a_secondment_is_not_called_a_joint_appointment() {
    let output = dcsc_in(root(), &["verify", EASTSHIRE, "--as-at", "2033-10-31", "--verbose"]);
    let out = stdout(&output);
    assert!(
        out.contains("seconded from Westshire Council, where the same officer is Director of Children's Services (2 days a week here)"),
        "{out}"
    );
    assert!(
        !out.contains("Interim Director of Children's Services is a joint appointment"),
        "{out}"
    );
}

const HEADER: &str =
    "arrangements t { council \"T Council\"  upper_tier yes  answers_to dfe_2013  known_until 2034 }\n";

fn check_text(name: &str, text: &str) -> String {
    let folder = crate::support::scratch(name);
    crate::support::write(&folder, "council.dcs", text);
    let output = dcsc_in(&folder, &["check", "council.dcs"]);
    format!("{}{}", stdout(&output), stderr(&output))
}

#[test]
fn a_provider_must_name_a_declared_organisation() {
    let shown = check_text(
        "misspelt",
        &format!(
        "{HEADER}organisation family_services_ltd {{ kind company  owned_by council }}\nservice care {{ provider family_service_ltd }}\n"
        ),
    );
    assert!(
        shown.contains("[E0101]") && shown.contains("family_services_ltd"),
        "{shown}"
    );
    let shown = check_text(
        "post",
        &format!("{HEADER}post director {{ holds DCS }}\nservice care {{ provider director }}\n"),
    );
    assert!(shown.contains("[E0103]") && shown.contains("organisation"), "{shown}");
    let shown = check_text("text", &format!("{HEADER}service care {{ provider \"external\" }}\n"));
    assert!(shown.contains("error["), "a provider is named, not described: {shown}");
}

#[test]
fn an_employer_and_an_external_provider_check() {
    let verified = verify_text(
        &format!(
            "{HEADER}organisation trust {{ kind trust  part_owned_by council  exists from 2030 }}\npost director {{ holds DCS  employer trust from 2030 }}\nservice centres {{ provider external }}\n"
        ),
        "2032-01-01",
    );
    let arrangement = &council(&verified, "t").arrangement;
    let director = arrangement
        .entities
        .iter()
        .find(|entity| entity.key == "director")
        .unwrap();
    assert_eq!(director.ties().employers.len(), 1);
    let centres = arrangement
        .entities
        .iter()
        .find(|entity| entity.key == "centres")
        .unwrap();
    assert_eq!(centres.ties().providers[0].value, dcsc::model::Party::External);
}

#[test]
fn the_chart_and_report_show_the_company_only_while_it_runs_the_service() {
    let chart = |date: &str| {
        stdout(&dcsc_in(
            root(),
            &["graph", COMPANY, "--as-at", date, "--format", "mermaid"],
        ))
    };
    let during = chart("2033-06-30");
    assert!(during.contains("Test Family Services Ltd"), "{during}");
    assert!(
        during.contains("|\"runs\"|") && during.contains("|\"employs\"|"),
        "{during}"
    );
    let after = chart("2036-06-30");
    assert!(!after.contains("Test Family Services Ltd"), "{after}");
    let report = |date: &str| {
        stdout(&dcsc_in(
            root(),
            &["report", COMPANY, "--as-at", date, "--format", "markdown"],
        ))
    };
    let during = report("2033-06-30");
    assert!(
        during.contains("| Test Family Services Ltd (a company wholly owned by the council) | runs children's social care<br>employs the Director of Family Services | local_assurance.specific.accountability |"),
        "{during}"
    );
    assert!(!report("2036-06-30").contains("Organisations beside the council"));
}

#[test]
fn a_report_shows_the_link_to_the_other_councils_post() {
    let report = stdout(&dcsc_in(
        root(),
        &["report", EASTSHIRE, "--as-at", "2033-10-31", "--format", "markdown"],
    ));
    assert!(
        report.contains("Interim Director of Children's Services: seconded from Westshire Council, where the same officer is Director of Children's Services (2 days a week here)"),
        "{report}"
    );
}
