//! The generated corpus the benchmarks run on (`benches/corpus/mod.rs`):
//! every council checks with no diagnostic against the embedded guidance,
//! is of realistic size, and the councils between them give all nine
//! verdict kinds; the JSON form of a council gives the same verdicts as
//! its `.dcs` form; the chain and unknown-name generators give what they
//! say.
//!
//! To write the corpus that docs/performance.md measures to disk:
//!
//! ```sh
//! DCSC_CORPUS_OUT=/tmp/dcsc-corpus cargo test --release --test integration -- --ignored corpus::write_the_corpus_to_disk
//! ```

#[path = "../../benches/corpus/mod.rs"]
mod generator;

use std::collections::BTreeSet;

use dcsc::date::PartialDate;
use dcsc::eval::VerdictKind;
use dcsc::Workspace;

fn as_at() -> dcsc::date::Day {
    PartialDate::parse(generator::AS_AT).unwrap().last_day()
}

/// Each verdict of a council, as (duty key, verdict), after checking that
/// it gave no diagnostic at all.
fn verdicts(name: &str, text: &str) -> Vec<(String, VerdictKind)> {
    let mut workspace = Workspace::new();
    workspace.add_text(name, text);
    let verified = workspace.verify(as_at());
    assert!(
        workspace.diagnostics.is_empty(),
        "{name} gives diagnostics:\n{}",
        workspace.render_diagnostics(false)
    );
    let verified = verified.unwrap_or_else(|| panic!("{name} does not check"));
    assert_eq!(verified.councils.len(), 1);
    verified.councils[0]
        .verdicts
        .iter()
        .map(|verdict| {
            let duty = verified.policy.duty(verdict.duty).unwrap();
            (duty.key.clone(), verdict.kind())
        })
        .collect()
}

#[test]
fn fifty_generated_councils_check_cleanly_and_give_all_nine_verdicts() {
    let mut seen = BTreeSet::new();
    let mut titles = BTreeSet::new();
    for index in 0..50 {
        let council = generator::council(index);
        let text = council.dcs();
        let lines = text.lines().count();
        assert!(generator::LINES.contains(&lines), "{} is {lines} lines", council.id);
        assert!(titles.insert(
            text.lines()
                .find(|line| line.contains("council \""))
                .unwrap()
                .to_owned()
        ));
        seen.extend(
            verdicts(&format!("{}.dcs", council.id), &text)
                .into_iter()
                .map(|(_, kind)| kind),
        );
    }
    for kind in VerdictKind::ALL {
        assert!(seen.contains(&kind), "no generated council gives {}", kind.name());
    }
}

#[test]
fn the_same_index_gives_the_same_council_and_councils_differ() {
    assert_eq!(generator::council(7).dcs(), generator::council(7).dcs());
    assert_eq!(generator::council(7).json(), generator::council(7).json());
    let texts: BTreeSet<String> = (0..20).map(|index| generator::council(index).dcs()).collect();
    assert_eq!(texts.len(), 20);
}

#[test]
fn a_council_as_json_gives_the_verdicts_of_its_dcs_form() {
    // One council of each shape of DCS post.
    for index in 0..6 {
        let council = generator::council(index);
        let dcs = verdicts(&format!("{}.dcs", council.id), &council.dcs());
        let json = verdicts(&format!("{}.json", council.id), &council.json());
        assert_eq!(dcs, json, "{} ({:?})", council.id, council.shape);
    }
}

#[test]
fn the_reporting_chain_checks_and_each_misspelt_name_is_one_error() {
    let mut workspace = Workspace::new();
    workspace.add_text("chain.dcs", &generator::reporting_chain(200));
    workspace.check();
    assert!(
        workspace.diagnostics.is_empty(),
        "{}",
        workspace.render_diagnostics(false)
    );

    let mut workspace = Workspace::new();
    workspace.add_text("unknown.dcs", &generator::unknown_names(50));
    workspace.check();
    let codes: Vec<&str> = workspace
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.as_str())
        .collect();
    assert_eq!(codes, ["E0101"; 50]);
}

/// Writes what docs/performance.md measures into `$DCSC_CORPUS_OUT`:
/// `councils-10/`, `councils-100/`, `councils-1000/` (one `.dcs` file per
/// council), `one/council_0000.dcs` with its JSON form `council_0000.json`,
/// `chain-1000.dcs`, `chain-8000.dcs` and `unknown-10000.dcs`.
#[test]
#[ignore = "writes a corpus to disk: DCSC_CORPUS_OUT=DIR cargo test --release --test integration -- --ignored corpus::write_the_corpus_to_disk"]
fn write_the_corpus_to_disk() {
    let out = std::path::PathBuf::from(std::env::var_os("DCSC_CORPUS_OUT").expect("set DCSC_CORPUS_OUT=DIR"));
    for count in [10, 100, 1000] {
        let dir = out.join(format!("councils-{count}"));
        let _ = std::fs::remove_dir_all(&dir);
        generator::write_corpus(&dir, count).unwrap();
    }
    let one = out.join("one");
    std::fs::create_dir_all(&one).unwrap();
    let council = generator::council(0);
    std::fs::write(one.join(format!("{}.dcs", council.id)), council.dcs()).unwrap();
    std::fs::write(one.join(format!("{}.json", council.id)), council.json()).unwrap();
    for posts in [1000, 8000] {
        std::fs::write(
            out.join(format!("chain-{posts}.dcs")),
            generator::reporting_chain(posts),
        )
        .unwrap();
    }
    std::fs::write(out.join("unknown-10000.dcs"), generator::unknown_names(10_000)).unwrap();
}
