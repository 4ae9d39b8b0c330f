//! Snapshots, kept where they were when each module was a test crate of
//! its own: `tests/snapshots/MODULE__NAME.snap`, `MODULE` being the name
//! of the module under the crate's root. insta would otherwise name them
//! after the module's path in this crate and look for them in
//! `tests/integration/snapshots/`.
//!
//! Assert them with [`snapshot!`] and [`json_snapshot!`] (never insta's
//! own macros, which would look elsewhere); in `insta::glob!`, the suffix
//! the glob adds is kept.

use std::path::Path;

/// insta's settings as they are, but reading and writing
/// `tests/snapshots/` and adding no module path to names.
pub fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// `MODULE__NAME`, from the asserting module's path: `MODULE` is the
/// module under the crate's root, so a module split into files keeps its
/// snapshots' names.
pub fn name(module_path: &str, name: &str) -> String {
    let module = module_path.split("::").nth(1).unwrap_or(module_path);
    format!("{module}__{name}")
}

/// Asserts a text snapshot named `NAME` in the calling module (see the
/// module's documentation).
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        $crate::support::snapshots::settings()
            .bind(|| insta::assert_snapshot!($crate::support::snapshots::name(module_path!(), &$name), $value))
    };
}

/// Asserts a JSON snapshot named `NAME` in the calling module (see the
/// module's documentation).
macro_rules! json_snapshot {
    ($name:expr, $value:expr) => {
        $crate::support::snapshots::settings()
            .bind(|| insta::assert_json_snapshot!($crate::support::snapshots::name(module_path!(), &$name), $value))
    };
}
