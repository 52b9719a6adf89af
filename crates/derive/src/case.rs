//! serde's `rename_all` conventions, for the ones vipmp's types use.

/// A `rename_all` value.
#[derive(Clone, Copy, Default)]
pub(crate) enum RenameAll {
    /// No renaming: the Rust name is the JSON name.
    #[default]
    None,
    /// `camelCase`.
    Camel,
    /// `lowercase`.
    Lower,
    /// `UPPERCASE`.
    Upper,
    /// `SCREAMING_SNAKE_CASE`.
    ScreamingSnake,
}

impl RenameAll {
    /// The convention named by a `rename_all` value, if this derive knows it.
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "camelCase" => Self::Camel,
            "lowercase" => Self::Lower,
            "UPPERCASE" => Self::Upper,
            "SCREAMING_SNAKE_CASE" => Self::ScreamingSnake,
            _ => return None,
        })
    }

    /// A field's JSON name from its `snake_case` Rust name.
    pub(crate) fn field(self, rust: &str) -> String {
        let rust = rust.trim_start_matches("r#");
        match self {
            Self::None => rust.to_owned(),
            Self::Camel => snake_to_camel(rust),
            Self::Lower => rust.to_ascii_lowercase(),
            Self::Upper | Self::ScreamingSnake => rust.to_ascii_uppercase(),
        }
    }

    /// A variant's JSON name from its `PascalCase` Rust name.
    pub(crate) fn variant(self, rust: &str) -> String {
        match self {
            Self::None => rust.to_owned(),
            Self::Camel => lower_first(rust),
            Self::Lower => rust.to_ascii_lowercase(),
            Self::Upper => rust.to_ascii_uppercase(),
            Self::ScreamingSnake => pascal_to_screaming_snake(rust),
        }
    }
}

fn snake_to_camel(rust: &str) -> String {
    let mut out = String::with_capacity(rust.len());
    let mut upper_next = false;
    for character in rust.chars() {
        if character == '_' {
            upper_next = true;
        } else if upper_next {
            out.push(character.to_ascii_uppercase());
            upper_next = false;
        } else {
            out.push(character);
        }
    }
    out
}

fn lower_first(rust: &str) -> String {
    let mut characters = rust.chars();
    characters
        .next()
        .map(|first| first.to_ascii_lowercase().to_string() + characters.as_str())
        .unwrap_or_default()
}

fn pascal_to_screaming_snake(rust: &str) -> String {
    let mut out = String::with_capacity(rust.len() + 4);
    for (index, character) in rust.chars().enumerate() {
        if character.is_ascii_uppercase() && index > 0 {
            out.push('_');
        }
        out.push(character.to_ascii_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RenameAll;

    #[test]
    fn names_as_serde_does() {
        assert_eq!(RenameAll::Camel.field("address_line1"), "addressLine1");
        assert_eq!(
            RenameAll::Camel.field("ext_line_item_number"),
            "extLineItemNumber"
        );
        assert_eq!(RenameAll::Camel.variant("ResellerChange"), "resellerChange");
        assert_eq!(
            RenameAll::ScreamingSnake.variant("PreviewRevertSwitch"),
            "PREVIEW_REVERT_SWITCH"
        );
        assert_eq!(RenameAll::Upper.variant("Com"), "COM");
        assert_eq!(RenameAll::None.field("r#type"), "type");
    }
}
