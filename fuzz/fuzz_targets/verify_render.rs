//! Verifies a text that checks (JSON if it starts with `{`, else `.dcs`) and runs every renderer.
//! The properties are in `src/lib.rs`, shared with `tests/integration/fuzz.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dcsc_fuzz::verify_render(data);
});
