//! `#[derive(ToJson)]`: writes a type as JSON text, as serde_json writes its
//! derived `Serialize`, without serde's generic serializer.
//!
//! The npm package answers JavaScript with JSON text (then `JSON.parse`).
//! Written through serde, every answer type instantiated serde_json's
//! serializer state machine: measured, all of serialization was 12.5 KB of the
//! gzipped module. The code this derive writes is a literal per key and a call
//! per field.
//!
//! The names come from the `#[serde(...)]` attributes the type already
//! carries (`rename_all`, `rename`, `skip`, `skip_serializing_if`,
//! `flatten`, `tag` with `content`), so they are written once for both
//! writers; reading-only settings are ignored, and a writing setting this
//! derive does not implement (`serialize_with`, `untagged`, an externally
//! tagged variant with data) is a compile error. An oracle test compares the
//! two writers on every answer the fixtures produce.

use crate::case::RenameAll;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Data, DeriveInput, Fields, LitStr};

/// Settings of the struct or enum that change how it is written.
#[derive(Default)]
struct Container {
    rename_all: RenameAll,
    /// `tag = "…"` and `content = "…"`: adjacently tagged variants.
    tag: Option<String>,
    content: Option<String>,
}

/// Settings of a field or a variant that change how it is written.
#[derive(Default)]
struct Member {
    rename: Option<String>,
    skip: bool,
    skip_if: Option<syn::ExprPath>,
    flatten: bool,
}

/// Settings that only change how a type is read, which this writer ignores.
const READING_ONLY: &[&str] = &[
    "default",
    "alias",
    "deserialize_with",
    "skip_deserializing",
    "deny_unknown_fields",
];

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let container = container(&input.attrs)?;
    let name = &input.ident;
    let mut generics = input.generics.clone();
    for parameter in generics.type_params_mut() {
        parameter
            .bounds
            .push(syn::parse_quote!(crate::output::ToJson));
    }
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    match &input.data {
        Data::Struct(data) => {
            let members = struct_members(&container, &data.fields, input)?;
            Ok(quote! {
                impl #impl_generics crate::output::ToJson for #name #type_generics #where_clause {
                    fn write_json(&self, out: &mut ::std::string::String) {
                        crate::output::write_object(self, out);
                    }
                }
                impl #impl_generics crate::output::Members for #name #type_generics #where_clause {
                    fn write_members(&self, out: &mut ::std::string::String, first: &mut bool) {
                        #(#members)*
                    }
                }
            })
        }
        Data::Enum(data) => {
            let body = enum_body(&container, data)?;
            Ok(quote! {
                impl #impl_generics crate::output::ToJson for #name #type_generics #where_clause {
                    fn write_json(&self, out: &mut ::std::string::String) {
                        #body
                    }
                }
            })
        }
        Data::Union(_) => Err(syn::Error::new_spanned(
            input,
            "ToJson writes structs and enums",
        )),
    }
}

/// One statement a field: its key and value, unless skipped.
fn struct_members(
    container: &Container,
    fields: &Fields,
    input: &DeriveInput,
) -> syn::Result<Vec<Tokens>> {
    let Fields::Named(named) = fields else {
        return Err(syn::Error::new_spanned(
            input,
            "ToJson writes structs with named fields",
        ));
    };
    let mut statements = Vec::new();
    for field in &named.named {
        let settings = member(&field.attrs)?;
        let ident = field
            .ident
            .as_ref()
            .ok_or_else(|| syn::Error::new_spanned(field, "unnamed field"))?;
        if settings.skip {
            continue;
        }
        if settings.flatten {
            statements.push(quote! {
                crate::output::Members::write_members(&self.#ident, out, first);
            });
            continue;
        }
        let name = settings
            .rename
            .clone()
            .unwrap_or_else(|| container.rename_all.field(&ident.to_string()));
        let key = key_literal(&name, field)?;
        let write = quote! { crate::output::member(out, first, #key, &self.#ident); };
        statements.push(match &settings.skip_if {
            Some(skip_if) => quote! { if !#skip_if(&self.#ident) { #write } },
            None => write,
        });
    }
    Ok(statements)
}

/// `"name":` as a literal: JSON names of Rust fields need no escape, and a
/// name that would is refused.
fn key_literal(name: &str, spanned: &impl quote::ToTokens) -> syn::Result<LitStr> {
    if name
        .chars()
        .any(|c| c == '"' || c == '\\' || c.is_control())
    {
        return Err(syn::Error::new_spanned(
            spanned,
            "ToJson writes plain names only",
        ));
    }
    Ok(LitStr::new(
        &format!("\"{name}\":"),
        proc_macro2::Span::call_site(),
    ))
}

/// An enum: unit variants as their names; adjacently tagged variants as
/// `{"tag":"name","content":value}` (`{"tag":"name"}` for a unit one).
fn enum_body(container: &Container, data: &syn::DataEnum) -> syn::Result<Tokens> {
    let mut arms = Vec::new();
    for variant in &data.variants {
        let settings = member(&variant.attrs)?;
        let ident = &variant.ident;
        let name = settings
            .rename
            .clone()
            .unwrap_or_else(|| container.rename_all.variant(&ident.to_string()));
        let arm = match (&container.tag, &variant.fields) {
            (None, Fields::Unit) => {
                let text = LitStr::new(&format!("\"{name}\""), ident.span());
                quote! { Self::#ident => out.push_str(#text), }
            }
            (Some(tag), Fields::Unit) => {
                let text = LitStr::new(&format!("{{\"{tag}\":\"{name}\"}}"), ident.span());
                quote! { Self::#ident => out.push_str(#text), }
            }
            (Some(tag), Fields::Unnamed(fields)) if fields.unnamed.len() == 1 => {
                let content = container.content.as_deref().ok_or_else(|| {
                    syn::Error::new_spanned(variant, "ToJson needs `content` beside `tag`")
                })?;
                let head = LitStr::new(
                    &format!("{{\"{tag}\":\"{name}\",\"{content}\":"),
                    ident.span(),
                );
                quote! {
                    Self::#ident(value) => {
                        out.push_str(#head);
                        crate::output::ToJson::write_json(value, out);
                        out.push('}');
                    }
                }
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "ToJson writes unit variants, or one-field variants with tag and content",
                ));
            }
        };
        arms.push(arm);
    }
    if arms.is_empty() {
        return Ok(quote! { match *self {} });
    }
    Ok(quote! { match self { #(#arms)* } })
}

fn container(attributes: &[Attribute]) -> syn::Result<Container> {
    let mut read = Container::default();
    for_each_setting(attributes, |meta| {
        if meta.path.is_ident("rename_all") {
            let name: LitStr = meta.value()?.parse()?;
            read.rename_all = RenameAll::from_name(&name.value())
                .ok_or_else(|| meta.error("ToJson does not know this rename_all"))?;
        } else if meta.path.is_ident("tag") {
            read.tag = Some(meta.value()?.parse::<LitStr>()?.value());
        } else if meta.path.is_ident("content") {
            read.content = Some(meta.value()?.parse::<LitStr>()?.value());
        } else {
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(read)
}

fn member(attributes: &[Attribute]) -> syn::Result<Member> {
    let mut read = Member::default();
    for_each_setting(attributes, |meta| {
        if meta.path.is_ident("rename") {
            read.rename = Some(meta.value()?.parse::<LitStr>()?.value());
        } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_serializing") {
            read.skip = true;
        } else if meta.path.is_ident("skip_serializing_if") {
            read.skip_if = Some(meta.value()?.parse::<LitStr>()?.parse()?);
        } else if meta.path.is_ident("flatten") {
            read.flatten = true;
        } else {
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(read)
}

/// Runs `setting` on each `#[serde(...)]` setting; one it does not take
/// (answers `false`) is skipped when it only changes reading, else an error.
fn for_each_setting(
    attributes: &[Attribute],
    mut setting: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<bool>,
) -> syn::Result<()> {
    for attribute in attributes.iter().filter(|a| a.path().is_ident("serde")) {
        attribute.parse_nested_meta(|meta| {
            if setting(&meta)? {
                Ok(())
            } else if is_reading_only(&meta) {
                skip_value(&meta)
            } else {
                Err(meta.error("ToJson does not implement this serde setting"))
            }
        })?;
    }
    Ok(())
}

fn is_reading_only(meta: &ParseNestedMeta<'_>) -> bool {
    READING_ONLY.iter().any(|name| meta.path.is_ident(name))
}

/// Consumes `= "…"` after a setting that is not written here.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: LitStr = meta.value()?.parse()?;
    }
    Ok(())
}
