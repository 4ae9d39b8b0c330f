//! Parses and checks a `.dcs` text against the embedded guidance.
//! The properties are in `src/lib.rs`, shared with `tests/integration/fuzz.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dcsc_fuzz::dcs_front_end(data);
});
