//! Generates `src/unicode/generated.rs`: the general-category range tables.
//!
//! Adobe's name classes use `\p{L}` and `\p{N}` (FACTS.md §2.1), and the
//! normalization diagnosis needs `\p{M}`. A Unicode regex engine would cost the
//! WebAssembly build far more than its 150 KiB budget allows (DESIGN.md,
//! "Decisions"), so the core looks characters up in small sorted range tables
//! instead. The tables come from the `regex-syntax` crate, the same data the
//! `regex` crate (our test oracle) uses, so the two agree by construction.

use regex_syntax::hir::{Class, HirKind};
use std::fmt::Write as _;
use std::path::Path;

/// The tables to emit: the Rust constant name, the property and what it holds.
const TABLES: &[(&str, &str, &str)] = &[
    (
        "LETTER",
        r"\p{L}",
        "General category L (letters), `\\p{L}`.",
    ),
    (
        "NUMBER",
        r"\p{N}",
        "General category N (numbers), `\\p{N}`.",
    ),
    (
        "MARK",
        r"\p{M}",
        "General category M (combining marks), `\\p{M}`.",
    ),
];

/// The text of `src/unicode/generated.rs`.
pub(crate) fn generate(root: &Path) -> Result<String, String> {
    let version = regex_syntax_version(root)?;
    let source = format!("the Unicode tables of regex-syntax {version}");
    let tables = TABLES
        .iter()
        .map(|(name, property, doc)| Ok(table(name, doc, &ranges(property)?)))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(crate::header(&source) + &tables.join("\n"))
}

/// The inclusive code-point ranges of a Unicode property class.
fn ranges(property: &str) -> Result<Vec<(u32, u32)>, String> {
    let hir = regex_syntax::parse(property).map_err(|e| format!("{property}: {e}"))?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Ok(class
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect()),
        other => Err(format!(
            "{property} did not parse to a Unicode class: {other:?}"
        )),
    }
}

/// Bits of a packed range that hold its length (`end - start`); the code point
/// of its start takes the 21 bits above them.
const LENGTH_BITS: u32 = 11;

/// Ranges packed one to a `u32`, `start << 11 | (end - start)`: half the bytes of
/// `(u32, u32)` pairs. A range longer than 11 bits allow is split into adjacent
/// ones, so the table stays sorted and disjoint.
fn packed(ranges: &[(u32, u32)]) -> Vec<u32> {
    let max = (1 << LENGTH_BITS) - 1;
    let mut out = Vec::new();
    for &(first, last) in ranges {
        let mut start = first;
        loop {
            let end = last.min(start + max);
            out.push(start << LENGTH_BITS | (end - start));
            if end == last {
                break;
            }
            start = end + 1;
        }
    }
    out
}

/// One `static` table, eight packed ranges a line.
fn table(name: &str, doc: &str, ranges: &[(u32, u32)]) -> String {
    let mut out = format!(
        "/// {doc}\n/// Packed ranges, `start << {LENGTH_BITS} | (end - start)`.\n\
         pub(super) static {name}: &[u32] = &[\n"
    );
    for line in packed(ranges).chunks(8) {
        out.push_str("   ");
        for entry in line {
            let _ = write!(out, " 0x{entry:08X},");
        }
        out.push('\n');
    }
    out.push_str("];\n");
    out
}

/// The locked `regex-syntax` 0.8 version, read from `Cargo.lock` so the header
/// names the exact data the tables came from.
fn regex_syntax_version(root: &Path) -> Result<String, String> {
    let lock_path = root.join("Cargo.lock");
    let lock =
        std::fs::read_to_string(&lock_path).map_err(|e| format!("{}: {e}", lock_path.display()))?;
    locked_version(&lock, "regex-syntax", "0.8.")
        .ok_or_else(|| "Cargo.lock has no regex-syntax 0.8".to_owned())
}

/// The version of `package` in a lock file whose version starts with `prefix`.
fn locked_version(lock: &str, package: &str, prefix: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line != name_line {
            continue;
        }
        let version = lines
            .next()?
            .strip_prefix("version = \"")?
            .strip_suffix('"')?;
        if version.starts_with(prefix) {
            return Some(version.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_table_is_sorted_and_disjoint() {
        let letters = ranges(r"\p{L}").expect("\\p{L} parses");
        assert!(letters.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(
            letters
                .iter()
                .any(|&(s, e)| s <= 'é' as u32 && 'é' as u32 <= e)
        );
    }

    #[test]
    fn long_ranges_are_split_when_packed() {
        let table = packed(&[(0x41, 0x5A), (0x4E00, 0x4E00 + 2047 + 5)]);
        assert_eq!(
            table,
            [
                0x41 << 11 | 25,
                0x4E00 << 11 | 2047,
                (0x4E00 + 2048) << 11 | 4
            ]
        );
    }

    #[test]
    fn reads_the_locked_version() {
        let lock = "[[package]]\nname = \"regex-syntax\"\nversion = \"0.6.29\"\n\n\
                    [[package]]\nname = \"regex-syntax\"\nversion = \"0.8.5\"\n";
        assert_eq!(
            locked_version(lock, "regex-syntax", "0.8."),
            Some("0.8.5".to_owned())
        );
    }
}
