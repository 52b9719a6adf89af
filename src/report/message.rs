//! English messages, written for the person filling in the form.
//!
//! A message names the field in words ("Postal code", not `postalCode`), quotes
//! what was typed when that helps, and says how to fix it. The storefront may
//! translate by code and params instead; these are the defaults.
//!
//! Each code's wording is a template in its registry entry (`code.rs`), so a
//! code's facts live in one place; this module only fills templates in. The
//! notation is small enough to scan without a formatting engine:
//!
//! - `{label}`: the field's name in words (see [`field_label`]);
//! - `{name}`: the parameter `name` (empty when the rule did not set it);
//! - `{name:lower}`: the same, lower-cased;
//! - `{character:quoted}`: the character in curly quotes, or "a double quote (")";
//! - `{min:count}`: "1 item" or "3 items", the noun taken from the `noun` parameter;
//! - `{offerType:offer}`: "consumables" for CONSUMABLES, else "licences";
//! - `[then|else]`: `then` when every parameter it names is set and not empty,
//!   else `else` (which may be left out, with its `|`, to mean nothing).
//!
//! Templates hold no other `{`, `}`, `[`, `]` or `|`; a test checks each one.

use super::{Code, Params, Path};
use std::borrow::Cow;

/// The message for a code at a path.
pub(super) fn render(path: &Path, code: Code, params: &Params) -> String {
    let template = code.template();
    // Room for the template and its values: one allocation for most messages.
    let mut message = String::with_capacity(template.len() + 64);
    fill(template, &Values { path, params }, &mut message);
    message
}

/// What a template's placeholders are filled from.
struct Values<'a> {
    path: &'a Path,
    params: &'a Params,
}

impl<'a> Values<'a> {
    /// The text of a placeholder's name, before any modifier: borrowed from
    /// the registry or the parameters where it can be (a message is built for
    /// every violation, and the allocations were most of its cost).
    fn text(&self, name: &str) -> Cow<'a, str> {
        if name == LABEL {
            field_label(self.path)
        } else {
            self.params.text(name)
        }
    }

    /// Whether every parameter a section names is set and not empty.
    fn all_set(&self, section: &str) -> bool {
        placeholders(section)
            .map(name_of)
            .all(|name| name == LABEL || self.params.is_set(name))
    }
}

/// The placeholder of the field's label.
const LABEL: &str = "label";

/// Appends `template` to `out`, filling placeholders and choosing sections.
fn fill(template: &str, values: &Values<'_>, out: &mut String) {
    let mut rest = template;
    // Bytes, not chars: both marks are ASCII, so where one is found is a
    // character boundary, and a byte scan skips decoding the text.
    while let Some(at) = rest.bytes().position(|byte| byte == b'{' || byte == b'[') {
        out.push_str(&rest[..at]);
        let open = rest.as_bytes()[at];
        let close = if open == b'{' { b'}' } else { b']' };
        let inner_start = at + 1;
        let inner_end = rest.as_bytes()[inner_start..]
            .iter()
            .position(|&byte| byte == close)
            .map_or(rest.len(), |end| inner_start + end);
        let inner = &rest[inner_start..inner_end];
        if open == b'{' {
            placeholder(inner, values, out);
        } else {
            section(inner, values, out);
        }
        rest = rest.get(inner_end + 1..).unwrap_or("");
    }
    out.push_str(rest);
}

/// `[then|else]`: the first branch when all it names is set, else the second.
fn section(body: &str, values: &Values<'_>, out: &mut String) {
    let (then, otherwise) = split_once_at(body, b'|').unwrap_or((body, ""));
    let branch = if values.all_set(then) {
        then
    } else {
        otherwise
    };
    fill(branch, values, out);
}

/// `{name}` or `{name:modifier}`.
fn placeholder(spec: &str, values: &Values<'_>, out: &mut String) {
    let (name, modifier) = split_once_at(spec, b':').unwrap_or((spec, ""));
    let text = values.text(name);
    match modifier {
        "lower" => push_lowercase(&text, out),
        "quoted" => quoted_char(&text, out),
        "count" => counted(&text, values.params, out),
        "offer" => out.push_str(offer_type_words(&text)),
        _ => out.push_str(&text),
    }
}

/// The placeholders (`name` or `name:modifier`) of a template, in order.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    let mut rest = template;
    std::iter::from_fn(move || {
        let (_, after) = split_once_at(rest, b'{')?;
        let (spec, tail) = split_once_at(after, b'}')?;
        rest = tail;
        Some(spec)
    })
}

/// The parameter a placeholder names.
fn name_of(spec: &str) -> &str {
    split_once_at(spec, b':').map_or(spec, |(name, _)| name)
}

/// `text` split around the first `mark`, an ASCII byte (so both sides are
/// whole characters). The templates' marks are found byte by byte: `str`'s
/// search for a `char` was the largest cost of rendering a message.
fn split_once_at(text: &str, mark: u8) -> Option<(&str, &str)> {
    let at = text.bytes().position(|byte| byte == mark)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// The text with ASCII letters lower-cased, appended.
fn push_lowercase(text: &str, out: &mut String) {
    let start = out.len();
    out.push_str(text);
    if let Some(appended) = out.get_mut(start..) {
        appended.make_ascii_lowercase();
    }
}

/// "1 item", "3 items": the count with the `noun` parameter (default "item").
fn counted(n: &str, params: &Params, out: &mut String) {
    out.push_str(n);
    out.push(' ');
    match params.get("noun") {
        Some(_) => out.push_str(&params.text("noun")),
        None => out.push_str("item"),
    }
    if n != "1" {
        out.push('s');
    }
}

fn quoted_char(character: &str, out: &mut String) {
    if character == "\"" {
        out.push_str("a double quote (\")");
    } else {
        out.push('“');
        out.push_str(character);
        out.push('”');
    }
}

fn offer_type_words(offer_type: &str) -> &'static str {
    if offer_type == "CONSUMABLES" {
        "consumables"
    } else {
        "licences"
    }
}

/// The label of a path without a key: the whole body.
const ROOT_LABEL: &str = "The request";

/// "Postal code" for `…address.postalCode` (the field registry's label);
/// "The request" for the root; other keys in words.
fn field_label(path: &Path) -> Cow<'static, str> {
    let Some(key) = path.last_key() else {
        return Cow::Borrowed(ROOT_LABEL);
    };
    crate::field_registry::label(&key).map_or_else(|| Cow::Owned(words_of(&key)), Cow::Borrowed)
}

/// `referenceOrderId` → "Reference order ID"; `start-date` → "Start date".
fn words_of(key: &str) -> String {
    let mut words = String::new();
    for (position, ch) in key.chars().enumerate() {
        if ch == '-' || ch == '_' {
            words.push(' ');
        } else if ch.is_ascii_uppercase() && position > 0 {
            words.push(' ');
            words.push(ch.to_ascii_lowercase());
        } else if position == 0 {
            words.push(ch.to_ascii_uppercase());
        } else {
            words.push(ch);
        }
    }
    words.replace(" id", " ID")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Finding;

    fn message(path: &Path, finding: &Finding) -> String {
        render(path, finding.code, &finding.params)
    }

    #[test]
    fn postal_code_message_reads_like_a_sentence() {
        let path = Path::root().key("address").key("postalCode");
        let finding = Finding::new(Code::PostalCodeInvalidFormat)
            .with("value", "9511")
            .with("country", "United States")
            .with("examples", "95110 or 95110-1234");
        assert_eq!(
            message(&path, &finding),
            "Postal code 9511 does not match the format for United States, e.g. 95110 or 95110-1234."
        );
    }

    #[test]
    fn labels_fall_back_to_words() {
        assert_eq!(words_of("referenceOrderId"), "Reference order ID");
        assert_eq!(words_of("start-date"), "Start date");
        assert_eq!(field_label(&Path::root()), "The request");
    }

    #[test]
    fn every_template_names_only_declared_params() {
        for &code in Code::ALL {
            for spec in placeholders(code.template()) {
                let name = name_of(spec);
                assert!(
                    name == LABEL || code.params().contains(&name),
                    "{code}: {{{spec}}} names an undeclared parameter"
                );
            }
            assert!(
                !code.params().contains(&LABEL),
                "{code}: `label` is reserved"
            );
        }
    }

    #[test]
    fn every_template_uses_the_notation_only() {
        for &code in Code::ALL {
            let template = code.template();
            let mut depth = (0, 0);
            for ch in template.chars() {
                match ch {
                    '{' => depth.0 += 1,
                    '}' => depth.0 -= 1,
                    '[' => depth.1 += 1,
                    ']' => depth.1 -= 1,
                    '|' => assert_eq!(depth.1, 1, "{code}: | outside a section"),
                    _ => {}
                }
                assert!((0..=1).contains(&depth.0), "{code}: nested or stray braces");
                assert!(
                    (0..=1).contains(&depth.1),
                    "{code}: nested or stray brackets"
                );
            }
            assert_eq!(depth, (0, 0), "{code}: unclosed placeholder or section");
            for spec in placeholders(template) {
                let modifier = spec.split_once(':').map_or("", |(_, m)| m);
                assert!(
                    ["", "lower", "quoted", "count", "offer"].contains(&modifier),
                    "{code}: unknown modifier in {{{spec}}}"
                );
            }
        }
    }

    #[test]
    fn sections_choose_by_whether_their_params_are_set() {
        let path = Path::root().key("country");
        let plain = Finding::new(Code::CountryInvalidFormat);
        assert_eq!(
            message(&path, &plain),
            "Country must be a two-letter ISO country code such as US."
        );
        let fixable = plain.with("suggestion", "US");
        assert_eq!(
            message(&path, &fixable),
            "Country must be written in capitals: US."
        );
        let sanctioned = Finding::new(Code::CountryUnsupported)
            .with("reason", "Sanctioned")
            .with("remediation", "");
        assert_eq!(
            message(&path, &sanctioned),
            "Adobe does not sell into this country (sanctioned)."
        );
    }

    #[test]
    fn modifiers_count_quote_and_name_offer_types() {
        let path = Path::root().key("contacts");
        let one = Finding::new(Code::ArrayTooFew)
            .with("min", 1_i64)
            .with("noun", "contact");
        assert_eq!(message(&path, &one), "Contacts needs at least 1 contact.");
        let many = Finding::new(Code::ArrayTooMany)
            .with("max", 2_i64)
            .with("count", 3_i64);
        assert_eq!(
            message(&path, &many),
            "Contacts can have at most 2 items (it has 3)."
        );
        let quote = Finding::new(Code::TextForbiddenCharacter).with("character", "\"");
        assert_eq!(
            message(&path, &quote),
            "Contacts cannot contain a double quote (\"); remove it."
        );
        let consumables =
            Finding::new(Code::CommitmentMissingOfferType).with("offerType", "CONSUMABLES");
        assert_eq!(
            message(&path, &consumables),
            "Contacts must repeat the committed consumables quantity."
        );
    }

    #[test]
    fn every_code_renders_without_params() {
        let path = Path::root().key("companyName");
        for &code in Code::ALL {
            let text = render(&path, code, &Params::default());
            assert!(!text.is_empty(), "{code}");
        }
    }
}
