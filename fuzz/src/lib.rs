//! The fuzz targets' logic, shared with the stable regression test
//! (`tests/integration/fuzz_regressions.rs` includes `entry.rs` by path).

pub mod entry;
