//! The committed syntax trees of the embedded guidance
//! (`policies/parsed.postcard`, see `src/embedded.rs`) are exactly what
//! parsing the guidance gives now. A run would still be right with a stale
//! file (it parses instead), only slower; this test is what keeps it from
//! going stale unnoticed.
//!
//! After editing the guidance or the parser, make the file again with
//! `DCSC_FREEZE_GUIDANCE=1 cargo test --test integration embedded::`, and
//! commit it.

use dcsc::embedded;
use dcsc::source::SourceMap;

use crate::support::root;

#[test]
fn the_committed_trees_are_those_the_guidance_parses_to() {
    let fresh = embedded::freeze().expect("the embedded guidance parses");
    let path = root().join(embedded::FROZEN_PATH);
    let committed = std::fs::read(&path).unwrap_or_default();
    if committed == fresh {
        return;
    }
    if std::env::var_os("DCSC_FREEZE_GUIDANCE").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        eprintln!("wrote {}: rebuild and commit it", embedded::FROZEN_PATH);
        return;
    }
    panic!(
        "{} is stale (the guidance or the parser changed): make it again with \
         `DCSC_FREEZE_GUIDANCE=1 cargo test --test integration embedded::` and commit it",
        embedded::FROZEN_PATH
    );
}

#[test]
fn this_binary_reads_the_committed_trees_rather_than_parsing() {
    if std::env::var_os("DCSC_FREEZE_GUIDANCE").is_some() {
        // This binary was built with the file the other test may just
        // have replaced: the next build reads the new one.
        return;
    }
    assert!(
        embedded::frozen_is_current(),
        "{} was not made from this guidance and parser, so every run parses the guidance: \
         make it again with `DCSC_FREEZE_GUIDANCE=1 cargo test --test integration embedded::`, \
         rebuild, and commit it",
        embedded::FROZEN_PATH
    );
}

#[test]
fn the_trees_a_workspace_is_given_are_those_parsing_gives() {
    let mut sources = SourceMap::new();
    let files = dcsc::load::embedded(&mut sources);
    let given = embedded::parsed(&sources, &files);
    assert_eq!(given.len(), files.len());
    for (file, (tree, errors)) in files.iter().zip(&given) {
        let (parsed, parse_errors) = dcsc::syntax::parse(*file, sources.get(*file).unwrap());
        assert!(errors.is_empty() && parse_errors.is_empty());
        assert!(*tree == parsed, "{}", sources.name(*file));
    }
}

#[test]
fn the_guidance_added_after_another_file_is_parsed_not_read_from_the_committed_trees() {
    // The committed spans point at files 0, 1, 2…: added after another
    // file, the guidance has other ids, and its trees must say so.
    let mut sources = SourceMap::new();
    sources.add(dcsc::source::Origin::Path("first.dcs".to_owned()), "role X {}");
    let files = dcsc::load::embedded(&mut sources);
    let given = embedded::parsed(&sources, &files);
    for (file, (tree, _)) in files.iter().zip(&given) {
        assert!(tree.items.iter().all(|item| item.span.file == *file));
    }
}
