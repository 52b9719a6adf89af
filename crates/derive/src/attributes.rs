//! The `#[serde(...)]` and `#[from_json(...)]` attributes the derive honours.
//!
//! Serialization-only settings (`skip_serializing_if`, `serialize_with`, …)
//! are skipped; a reading setting this derive does not implement is an error,
//! so the two readers cannot silently disagree.

use crate::case::RenameAll;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr};

/// Settings on the struct or enum.
#[derive(Default)]
pub(crate) struct ContainerAttributes {
    /// `rename_all = "…"`.
    pub(crate) rename_all: RenameAll,
    /// `default`: missing fields take the value of `Self::default()`.
    pub(crate) default: bool,
}

/// Settings on a field or a variant.
#[derive(Default)]
pub(crate) struct FieldAttributes {
    /// `rename = "…"`.
    pub(crate) rename: Option<String>,
    /// `alias = "…"`, each.
    pub(crate) aliases: Vec<String>,
    /// `default`: a missing field is `Default::default()`.
    pub(crate) default: bool,
    /// `skip` or `skip_deserializing`: never read.
    pub(crate) skip: bool,
    /// `from_json(with = "path")`: the reader of this field.
    pub(crate) with: Option<syn::Path>,
    /// serde's `deserialize_with` was given: the field needs `from_json(with)`.
    serde_reader: bool,
}

/// Settings that only change how a type is written, which this reader ignores.
const WRITING_ONLY: &[&str] = &[
    "skip_serializing_if",
    "skip_serializing",
    "serialize_with",
    "tag",
    "content",
    "untagged",
];

impl ContainerAttributes {
    pub(crate) fn read(attributes: &[Attribute]) -> syn::Result<Self> {
        let mut read = Self::default();
        for attribute in attributes.iter().filter(|a| a.path().is_ident("serde")) {
            attribute.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename_all") {
                    let name: LitStr = meta.value()?.parse()?;
                    read.rename_all = RenameAll::from_name(&name.value())
                        .ok_or_else(|| meta.error("FromJson does not know this rename_all"))?;
                } else if meta.path.is_ident("default") {
                    read.default = true;
                } else if is_writing_only(&meta) {
                    skip_value(&meta)?;
                } else {
                    return Err(meta.error("FromJson does not implement this serde setting"));
                }
                Ok(())
            })?;
        }
        Ok(read)
    }
}

impl FieldAttributes {
    pub(crate) fn read(attributes: &[Attribute]) -> syn::Result<Self> {
        let mut read = Self::default();
        for attribute in attributes {
            if attribute.path().is_ident("serde") {
                attribute.parse_nested_meta(|meta| read.serde_setting(&meta))?;
            } else if attribute.path().is_ident("from_json") {
                attribute.parse_nested_meta(|meta| {
                    if meta.path.is_ident("with") {
                        let path: LitStr = meta.value()?.parse()?;
                        read.with = Some(path.parse()?);
                        Ok(())
                    } else {
                        Err(meta.error("from_json takes `with = \"path\"`"))
                    }
                })?;
            }
        }
        if read.serde_reader && read.with.is_none() {
            let attribute = attributes.iter().find(|a| a.path().is_ident("serde"));
            let message = "serde's deserialize_with needs a from_json(with = \"path\") beside it";
            return Err(match attribute {
                Some(attribute) => syn::Error::new_spanned(attribute, message),
                None => syn::Error::new(proc_macro2::Span::call_site(), message),
            });
        }
        Ok(read)
    }

    fn serde_setting(&mut self, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
        if meta.path.is_ident("rename") {
            self.rename = Some(meta.value()?.parse::<LitStr>()?.value());
        } else if meta.path.is_ident("alias") {
            self.aliases.push(meta.value()?.parse::<LitStr>()?.value());
        } else if meta.path.is_ident("default") {
            self.default = true;
        } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
            self.skip = true;
        } else if meta.path.is_ident("deserialize_with") {
            // serde's reader of the field; this derive uses `from_json(with)`.
            self.serde_reader = true;
            skip_value(meta)?;
        } else if is_writing_only(meta) {
            skip_value(meta)?;
        } else {
            return Err(meta.error("FromJson does not implement this serde setting"));
        }
        Ok(())
    }
}

fn is_writing_only(meta: &ParseNestedMeta<'_>) -> bool {
    WRITING_ONLY.iter().any(|name| meta.path.is_ident(name))
}

/// Consumes `= "…"` after a setting that is not read here.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: LitStr = meta.value()?.parse()?;
    }
    Ok(())
}
