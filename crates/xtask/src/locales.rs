//! Generates `src/locale/generated.rs` from `data/locales.json`.
//!
//! Adobe accepts 43 `preferredLanguage` values, some of them not IETF tags
//! (`en-XM`, `zh-HANS`; FACTS.md §2.5), so the core checks membership in this
//! list rather than parsing BCP 47. The list is emitted sorted for binary search.

use std::fmt::Write as _;
use std::path::Path;

/// The text of `src/locale/generated.rs`.
pub(crate) fn generate(root: &Path) -> Result<String, String> {
    let mut locales: Vec<String> = crate::read_json(root, "data/locales.json")?;
    locales.sort();
    locales.dedup();
    if let Some(bad) = locales
        .iter()
        .find(|l| l.is_empty() || !l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    {
        return Err(format!("data/locales.json: bad locale {bad:?}"));
    }
    let mut out = crate::header("data/locales.json");
    let _ = writeln!(
        out,
        "/// Adobe's supported `preferredLanguage` values, sorted by byte.\npub(super) static LOCALES: &[&str] = &["
    );
    for locale in &locales {
        let _ = writeln!(out, "{locale:?},");
    }
    out.push_str("];\n");
    Ok(out)
}
