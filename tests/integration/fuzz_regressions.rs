//! Replays every input under `tests/fuzz/regressions/<target>/` through the
//! same function the cargo-fuzz target calls (`fuzz/src/entry.rs`), on stable
//! Rust: an input that once crashed a fuzzer, or a seed chosen to be tricky,
//! must never panic again. `scripts/fuzz` copies new crashes there.

#[allow(dead_code, unreachable_pub)]
#[path = "../../fuzz/src/entry.rs"]
pub(crate) mod entry;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

fn regressions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions")
}

/// The inputs of one target's directory, sorted by file name.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = regressions_dir().join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_regression_input_replays_without_panicking() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for (target, run) in entry::TARGETS {
        let files = inputs(target);
        assert!(!files.is_empty(), "no regression input for {target}");
        for file in files {
            let data = std::fs::read(&file).expect("a regression input");
            let outcome = catch_unwind(AssertUnwindSafe(|| run(&data)));
            if let Err(panic) = outcome {
                let message = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("(not a string)");
                failures.push(format!("{target}: {}: {message}", file.display()));
            }
            replayed += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {replayed} inputs panic:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_regression_directory_names_a_target() {
    for entry in std::fs::read_dir(regressions_dir()).expect("tests/fuzz/regressions") {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            entry::target(&name).is_some(),
            "no fuzz target named {name}"
        );
    }
}

/// The seeds `scripts/fuzz` starts from (every fixture, framed for its target)
/// hold the same invariants, so a fuzz run never starts on a known failure.
#[test]
fn every_seed_replays_without_panicking() {
    let seeds = entry::seeds(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut failures = Vec::new();
    for (target, _) in entry::TARGETS {
        let count = seeds.iter().filter(|seed| seed.target == *target).count();
        assert!(count > 0, "no seed for {target}");
    }
    for seed in &seeds {
        let run = entry::target(seed.target).expect("a seed names a target");
        if catch_unwind(AssertUnwindSafe(|| run(&seed.data))).is_err() {
            failures.push(format!("{}: {}", seed.target, seed.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} seeds panic:\n{}",
        failures.len(),
        seeds.len(),
        failures.join("\n")
    );
}

/// The packed-body seeds are packed bodies (every fixture body in the form
/// `door.js` writes): each reads whole, so a fuzz run of `packed_body` starts
/// from bodies the validators see rather than from bytes the reader refuses.
#[test]
fn every_packed_seed_reads_as_a_body() {
    let seeds = entry::seeds(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let packed: Vec<_> = seeds
        .iter()
        .filter(|seed| seed.target == "packed_body")
        .collect();
    assert!(packed.len() > 100, "{} packed seeds", packed.len());
    for seed in packed {
        let arena = vipmp::input::Arena::new();
        let body = seed.data.get(1..).unwrap_or_default();
        let read = vipmp::input::PackedKeys::new().read(body, &arena, |_| ());
        assert_eq!(read, Ok(()), "{}", seed.name);
    }
}
