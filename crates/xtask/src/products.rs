//! Generates `src/offer/generated.rs` from `data/products.json`.
//!
//! An offer ID does not say whether its product is a Team or an Enterprise
//! product, which decides the quantity limit (FACTS.md §3.1, §3.5), nor always
//! whether it is a consumable. The catalogue does, keyed by the partial SKU (the
//! first 10 characters: product code, `C`, segment letter). Each offer is emitted
//! as one `offer(…)` call that the core packs into a `u32`, so the table costs
//! four bytes an offer in the WebAssembly build.

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

/// One record of `data/products.json` (see data/README.md).
#[derive(Deserialize)]
struct ProductRow {
    sku: String,
    kind: String,
    consumable: bool,
}

/// The text of `src/offer/generated.rs`.
pub(crate) fn generate(root: &Path) -> Result<String, String> {
    let mut rows: Vec<ProductRow> = crate::read_json(root, "data/products.json")?;
    rows.sort_by(|a, b| a.sku.cmp(&b.sku));
    let mut out = crate::header("data/products.json");
    out.push_str("use super::ProductKind::{Enterprise, Team};\nuse super::offer;\n\n");
    let _ = writeln!(
        out,
        "/// Every base offer's partial SKU, packed and sorted.\npub(super) static OFFERS: &[u32] = &["
    );
    let mut previous: Option<&str> = None;
    for row in &rows {
        if previous == Some(row.sku.as_str()) {
            return Err(format!("data/products.json: {} is listed twice", row.sku));
        }
        previous = Some(&row.sku);
        let _ = writeln!(out, "{},", record(row)?);
    }
    out.push_str("];\n");
    Ok(out)
}

/// `offer(30001468, b'B', Enterprise, false)` for partial SKU `30001468CB`.
fn record(row: &ProductRow) -> Result<String, String> {
    let bytes = row.sku.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[..8].iter().all(u8::is_ascii_digit)
        && bytes[8] == b'C'
        && matches!(bytes[9], b'A'..=b'C');
    if !well_formed {
        return Err(format!("data/products.json: bad partial SKU {:?}", row.sku));
    }
    let kind = match row.kind.as_str() {
        "Team" | "Enterprise" => &row.kind,
        other => {
            return Err(format!(
                "data/products.json: {}: bad kind {other:?}",
                row.sku
            ));
        }
    };
    let product: u32 = row.sku[..8]
        .parse()
        .map_err(|e| format!("{}: {e}", row.sku))?;
    Ok(format!(
        "offer({product}, b'{}', {kind}, {})",
        char::from(bytes[9]),
        row.consumable
    ))
}
