//! `#[derive(FromJson)]`: reads a type from `vipmp::input::Json`, the borrowed
//! tree the validators already walk, instead of through serde's `Deserialize`.
//!
//! Why a second reader: serde's derived code is generic over the deserializer,
//! and every type read from a `serde_json::Value` got its own copy of the
//! value deserializer's struct, sequence and option machinery. In the npm
//! package's module that was about 90 KB of code for the options, contexts and
//! typed responses. The code this derive writes is one call per field into a
//! handful of non-generic helpers (`vipmp::input::from_json`), so each type
//! costs a few hundred bytes.
//!
//! One home for the names: the derive reads the `#[serde(...)]` attributes the
//! type already carries (`rename_all`, `rename`, `alias`, `default`, `skip`)
//! so the JSON names are written once, for both readers. A `from_json(with =
//! "path")` attribute stands for serde's `deserialize_with`. Anything else this
//! derive does not understand (`flatten`, data-carrying enum variants) is a
//! compile error rather than a silently different reading.
//!
//! The generated code names `crate::input`, so the derive is for the vipmp
//! crate's own types.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields, LitStr, parse_macro_input};

mod attributes;
mod case;

use attributes::{ContainerAttributes, FieldAttributes};

/// Derives `crate::input::FromJson` from the type's serde attributes.
#[proc_macro_derive(FromJson, attributes(serde, from_json))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let container = ContainerAttributes::read(&input.attrs)?;
    let body = match &input.data {
        Data::Struct(data) => struct_body(input, &container, &data.fields)?,
        Data::Enum(data) => enum_body(input, &container, data)?,
        Data::Union(_) => {
            return Err(syn::Error::new_spanned(
                input,
                "FromJson reads structs and enums",
            ));
        }
    };
    let name = &input.ident;
    let mut generics = input.generics.clone();
    for parameter in generics.type_params_mut() {
        parameter
            .bounds
            .push(syn::parse_quote!(crate::input::FromJson));
    }
    let (impl_generics, type_generics, _) = generics.split_for_impl();
    let mut where_clause = generics.where_clause.clone();
    if container.default && !generics.params.is_empty() {
        // A generic type's derived `Default` needs its parameters' too.
        where_clause
            .get_or_insert_with(|| syn::parse_quote!(where))
            .predicates
            .push(syn::parse_quote!(#name #type_generics: ::core::default::Default));
    }
    Ok(quote! {
        impl #impl_generics crate::input::FromJson for #name #type_generics #where_clause {
            fn from_json(json: &crate::input::Json<'_>) -> ::core::result::Result<Self, crate::input::FromJsonError> {
                #body
            }
        }
    })
}

/// A struct with named fields: each field looked up by its JSON name.
fn struct_body(
    input: &DeriveInput,
    container: &ContainerAttributes,
    fields: &Fields,
) -> syn::Result<Tokens> {
    let Fields::Named(named) = fields else {
        return Err(syn::Error::new_spanned(
            input,
            "FromJson reads structs with named fields",
        ));
    };
    let what = LitStr::new(&format!("struct {}", input.ident), input.ident.span());
    let defaults = container
        .default
        .then(|| quote! { let defaults = <Self as ::core::default::Default>::default(); });
    let mut values = Vec::new();
    for field in &named.named {
        let ident = field
            .ident
            .as_ref()
            .ok_or_else(|| syn::Error::new_spanned(field, "unnamed field"))?;
        let attributes = FieldAttributes::read(&field.attrs)?;
        let value = field_value(ident, &field.ty, container, &attributes);
        values.push(quote! { #ident: #value });
    }
    Ok(quote! {
        let members = crate::input::derive_support::members(json, #what)?;
        #defaults
        ::core::result::Result::Ok(Self { #(#values),* })
    })
}

/// How one field gets its value: read, or what is used when it is missing.
fn field_value(
    ident: &syn::Ident,
    ty: &syn::Type,
    container: &ContainerAttributes,
    field: &FieldAttributes,
) -> Tokens {
    if field.skip {
        return quote! { ::core::default::Default::default() };
    }
    let name = field
        .rename
        .clone()
        .unwrap_or_else(|| container.rename_all.field(&ident.to_string()));
    let aliases = &field.aliases;
    let found = match &field.with {
        Some(reader) => {
            quote! { crate::input::derive_support::member_with(members, #name, &[#(#aliases),*], #reader)? }
        }
        None => {
            quote! { crate::input::derive_support::member::<#ty>(members, #name, &[#(#aliases),*])? }
        }
    };
    if field.default {
        quote! { #found.unwrap_or_default() }
    } else if container.default {
        let from_defaults = format_ident!("{}", ident);
        quote! { match #found { ::core::option::Option::Some(value) => value, ::core::option::Option::None => defaults.#from_defaults } }
    } else if is_option(ty) {
        quote! { #found.unwrap_or(::core::option::Option::None) }
    } else {
        quote! { crate::input::derive_support::required(#found, #name)? }
    }
}

/// Whether a field's type is written `Option<…>`: serde reads such a missing
/// field as `None` without being told, and so does this derive.
fn is_option(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    path.path
        .segments
        .last()
        .is_some_and(|segment| segment.ident == "Option")
}

/// An enum of unit variants, read from its name.
fn enum_body(
    input: &DeriveInput,
    container: &ContainerAttributes,
    data: &syn::DataEnum,
) -> syn::Result<Tokens> {
    let mut names = Vec::new();
    let mut arms = Vec::new();
    for (index, variant) in data.variants.iter().enumerate() {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(
                variant,
                "FromJson reads enums of unit variants only",
            ));
        }
        let attributes = FieldAttributes::read(&variant.attrs)?;
        let ident = &variant.ident;
        names.push(
            attributes
                .rename
                .unwrap_or_else(|| container.rename_all.variant(&ident.to_string())),
        );
        let pattern = if index + 1 == data.variants.len() {
            quote!(_)
        } else {
            quote!(#index)
        };
        arms.push(quote! { #pattern => Self::#ident });
    }
    if names.is_empty() {
        return Err(syn::Error::new_spanned(
            input,
            "FromJson cannot read an enum without variants",
        ));
    }
    Ok(quote! {
        const NAMES: &[&str] = &[#(#names),*];
        ::core::result::Result::Ok(match crate::input::derive_support::variant(json, NAMES)? { #(#arms),* })
    })
}
