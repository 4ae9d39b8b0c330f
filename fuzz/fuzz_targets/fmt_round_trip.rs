//! Formats a `.dcs` text: idempotent, comments kept, same conclusions.
//! The properties are in `src/lib.rs`, shared with `tests/integration/fuzz.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dcsc_fuzz::fmt_round_trip(data);
});
