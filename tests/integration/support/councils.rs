//! Councils verified in the test's own process, and their verdicts found
//! by duty.

use std::path::Path;

use dcsc::date::{Day, PartialDate};
use dcsc::eval::Verdict;
use dcsc::model::Policy;
use dcsc::outcome::Council;
use dcsc::{Verified, Workspace};

/// The three shipped councils: each one's name, files, and the date its
/// own paper speaks as at (Barnet's framework is undated: a fixed date
/// keeps what is compared with it still).
pub const SEED_COUNCILS: [(&str, &[&str], &str); 3] = [
    // Coventry's Cabinet minute is of 2017; its month is not given.
    ("coventry", &["examples/coventry.dcs"], "2017-12-31"),
    // Northumberland's scrutiny committee met on 6 February 2020; its
    // annual review is a local policy read with the guidance.
    (
        "northumberland",
        &[
            "examples/northumberland/arrangements.dcs",
            "examples/northumberland/local_policy.dcs",
        ],
        "2020-02-06",
    ),
    // Barnet's framework is undated, but it describes a Local Safeguarding
    // Children Board, so its papers end by 29 September 2019, when the
    // last boards were replaced: past that date nothing in them is
    // current.
    (
        "barnet",
        &["examples/barnet/arrangements.dcs", "examples/barnet/framework.dcs"],
        "2019-09-29",
    ),
];

/// A seed council's files and date, by name.
pub fn seed_council(name: &str) -> (&'static [&'static str], &'static str) {
    SEED_COUNCILS
        .iter()
        .find(|(seed, _, _)| *seed == name)
        .map(|(_, files, as_at)| (*files, *as_at))
        .unwrap_or_else(|| panic!("no seed council {name}"))
}

/// The last day of a date written as a user writes it (`2020`,
/// `2020-02`, `2020-02-06`).
pub fn day(text: &str) -> Day {
    PartialDate::parse(text)
        .unwrap_or_else(|error| panic!("bad date {text}: {error:?}"))
        .last_day()
}

/// Files (relative to the crate, or absolute) read together and verified
/// as at a date, which must check.
pub fn verify(files: &[impl AsRef<Path>], as_at: &str) -> (Workspace, Verified) {
    let mut workspace = Workspace::new();
    for file in files {
        let file = file.as_ref();
        assert!(workspace.add_path(file).is_some(), "cannot read {}", file.display());
    }
    let verified = workspace.verify(day(as_at)).unwrap_or_else(|| {
        panic!(
            "{:?} does not check:\n{}",
            files.iter().map(AsRef::as_ref).collect::<Vec<&Path>>(),
            workspace.render_diagnostics(false)
        )
    });
    (workspace, verified)
}

/// [`verify`], when the workspace is not needed.
pub fn verify_files(files: &[impl AsRef<Path>], as_at: &str) -> Verified {
    verify(files, as_at).1
}

/// One text, named `council.dcs`, verified as at a date; it must check.
pub fn verify_text(text: &str, as_at: &str) -> Verified {
    let mut workspace = Workspace::new();
    workspace.add_text("council.dcs", text);
    workspace
        .verify(day(as_at))
        .unwrap_or_else(|| panic!("does not check:\n{}", workspace.render_diagnostics(false)))
}

/// The council of the arrangements with this key.
pub fn council<'a>(verified: &'a Verified, key: &str) -> &'a Council {
    verified
        .councils
        .iter()
        .find(|council| council.arrangement.key == key)
        .unwrap_or_else(|| panic!("no council {key}"))
}

/// A council's verdict on the duty or question with this key, if it was
/// asked.
pub fn find_in<'a>(policy: &Policy, council: &'a Council, duty: &str) -> Option<&'a Verdict> {
    council
        .verdicts
        .iter()
        .find(|verdict| policy.duty(verdict.duty).is_some_and(|declared| declared.key == duty))
}

/// The first council's verdict on a duty, if it was asked.
pub fn find<'a>(verified: &'a Verified, duty: &str) -> Option<&'a Verdict> {
    find_in(&verified.policy, &verified.councils[0], duty)
}

/// The first council's verdict on a duty, which must have been asked.
#[track_caller]
pub fn verdict<'a>(verified: &'a Verified, duty: &str) -> &'a Verdict {
    find(verified, duty).unwrap_or_else(|| panic!("no verdict for {duty}"))
}

/// The keys of the entities a verdict bound to, in a council.
pub fn holders(council: &Council, verdict: &Verdict) -> Vec<String> {
    verdict
        .bindings
        .iter()
        .map(|binding| council.arrangement.entity(binding.entity).unwrap().key.to_string())
        .collect()
}

/// The keys of the entities the first council's verdict on a duty bound
/// to.
pub fn bound(verified: &Verified, duty: &str) -> Vec<String> {
    holders(&verified.councils[0], verdict(verified, duty))
}
