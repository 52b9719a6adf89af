//! Percent-encoding of path segments and query components.
//!
//! A path parameter is data, never structure: an ID holding `/`, `?` or `#`
//! must not change which endpoint is called. Everything outside RFC 3986's
//! *unreserved* set (`A–Z a–z 0–9 - . _ ~`) is written as `%XX` of its UTF-8
//! bytes, in path segments and query components alike (RFC 3986 §2.1, §2.3).

/// Whether a byte may appear as itself (RFC 3986 §2.3, unreserved).
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes a path segment or a query name or value.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0x0f));
        }
    }
    out
}

/// The upper-case hex digit of a nibble.
fn hex_digit(nibble: u8) -> char {
    char::from(b"0123456789ABCDEF"[usize::from(nibble & 0x0f)])
}

/// A query string (without `?`) of percent-encoded pairs, in the given order.
pub fn query_string(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreserved_characters_stay() {
        assert_eq!(encode("Az09-._~"), "Az09-._~");
    }

    #[test]
    fn structure_characters_are_escaped() {
        assert_eq!(encode("a/b?c#d"), "a%2Fb%3Fc%23d");
        assert_eq!(encode("../x"), "..%2Fx");
        assert_eq!(encode("a b&c=d"), "a%20b%26c%3Dd");
    }

    #[test]
    fn non_ascii_is_escaped_as_utf8() {
        assert_eq!(encode("é"), "%C3%A9");
        assert_eq!(encode("ÄÖ"), "%C3%84%C3%96");
    }

    #[test]
    fn repeated_names_stay_repeated() {
        let pairs = [
            ("status".to_owned(), "1000".to_owned()),
            ("status".to_owned(), "1002".to_owned()),
        ];
        assert_eq!(query_string(&pairs), "status=1000&status=1002");
    }
}
