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
//!
//! `#[derive(ToJson)]` is the writing counterpart (`to_json.rs`): answers
//! written as JSON text without serde's serializer.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields, LitStr, parse_macro_input};

mod attributes;
mod case;
mod to_json;

use attributes::{ContainerAttributes, FieldAttributes};

/// Derives `crate::input::FromJson` from the type's serde attributes.
#[proc_macro_derive(FromJson, attributes(serde, from_json))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives `crate::output::ToJson` (and, for structs, `crate::output::Members`)
/// from the type's serde attributes (see `to_json.rs`).
#[proc_macro_derive(ToJson, attributes(serde))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    to_json::expand(&input)
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

/// A struct with named fields, read in one pass over the object's members:
/// each member's key is matched against the fields' JSON names once.
///
/// With `#[serde(default)]` on the struct, the members are written into
/// `Self::default()`; otherwise each field is collected in a local and the
/// missing ones take their default, `None`, or are an error.
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
    let mut plans = Vec::new();
    for field in &named.named {
        let ident = field
            .ident
            .clone()
            .ok_or_else(|| syn::Error::new_spanned(field, "unnamed field"))?;
        let attributes = FieldAttributes::read(&field.attrs)?;
        let name = attributes
            .rename
            .clone()
            .unwrap_or_else(|| container.rename_all.field(&ident.to_string()));
        plans.push(FieldPlan {
            ident,
            ty: field.ty.clone(),
            name,
            attributes,
        });
    }
    let mut next_slot = 0;
    let mut arms = Vec::new();
    for (index, plan) in plans
        .iter()
        .enumerate()
        .filter(|(_, plan)| !plan.attributes.skip)
    {
        let slots: Vec<usize> = (next_slot..=next_slot + plan.attributes.aliases.len()).collect();
        next_slot += slots.len();
        arms.push(member_arm(index, &slots, plan, container.default));
    }
    let tracks_aliases = plans.iter().any(|plan| !plan.attributes.aliases.is_empty());
    let seen = tracks_aliases.then(|| quote! { let mut seen: u64 = 0; });
    let (start, finish) = if container.default {
        (
            quote! { let mut out = <Self as ::core::default::Default>::default(); },
            quote! { out },
        )
    } else {
        let locals = plans.iter().map(|plan| {
            let (local, ty) = (local_of(&plan.ident), &plan.ty);
            quote! { let mut #local: ::core::option::Option<#ty> = ::core::option::Option::None; }
        });
        let values = plans.iter().map(missing_value);
        (quote! { #(#locals)* }, quote! { Self { #(#values),* } })
    };
    let names = plans
        .iter()
        .filter(|plan| !plan.attributes.skip)
        .flat_map(|plan| std::iter::once(&plan.name).chain(&plan.attributes.aliases));
    Ok(quote! {
        const NAMES: &[&str] = &[#(#names),*];
        let members = crate::input::derive_support::members(json, #what)?;
        #start
        #seen
        for (key, value) in members {
            match crate::input::derive_support::slot(key, NAMES) {
                #(#arms)*
                _ => {}
            }
        }
        ::core::result::Result::Ok(#finish)
    })
}

/// What the derive knows of one field.
struct FieldPlan {
    ident: syn::Ident,
    ty: syn::Type,
    name: String,
    attributes: FieldAttributes,
}

/// The local a field is collected in when the struct has no default.
fn local_of(ident: &syn::Ident) -> syn::Ident {
    format_ident!("field_{}", ident)
}

/// The match arm that reads one field from a member with its name (or an
/// alias): `slots` are the places of those names in the type's `NAMES`.
fn member_arm(index: usize, slots: &[usize], plan: &FieldPlan, into_out: bool) -> Tokens {
    let (name, aliases) = (&plan.name, &plan.attributes.aliases);
    let read = match &plan.attributes.with {
        Some(reader) => quote! { crate::input::derive_support::field_with(value, #name, #reader)? },
        None => {
            let ty = &plan.ty;
            quote! { crate::input::derive_support::field::<#ty>(value, #name)? }
        }
    };
    let ident = &plan.ident;
    let store = if into_out {
        quote! { out.#ident = #read; }
    } else {
        let local = local_of(ident);
        quote! { #local = ::core::option::Option::Some(#read); }
    };
    // Json keeps each key once, so only a name and its alias can repeat a field.
    let once = (!aliases.is_empty()).then(|| {
        let bit = 1u64 << (index % 64);
        quote! { crate::input::derive_support::once(&mut seen, #bit, #name)?; }
    });
    let slots = slots
        .iter()
        .map(|slot| quote! { ::core::option::Option::Some(#slot) });
    quote! { #(#slots)|* => { #once #store } }
}

/// A field's value after the pass, when the struct has no default.
fn missing_value(plan: &FieldPlan) -> Tokens {
    let ident = &plan.ident;
    if plan.attributes.skip {
        return quote! { #ident: ::core::default::Default::default() };
    }
    let (local, name) = (local_of(ident), &plan.name);
    if plan.attributes.default || is_option(&plan.ty) {
        quote! { #ident: #local.unwrap_or_default() }
    } else {
        quote! { #ident: crate::input::derive_support::required(#local, #name)? }
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
