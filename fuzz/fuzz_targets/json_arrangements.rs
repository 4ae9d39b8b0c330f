//! Reads a JSON arrangements text and checks it against the embedded guidance.
//! The properties are in `src/lib.rs`, shared with `tests/integration/fuzz.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dcsc_fuzz::json_arrangements(data);
});
