#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| vipmp_fuzz::entry::packed_body(data));
