//! Where a violation sits, in the Partner API's own notation.
//!
//! A storefront maps each violation onto the form field that caused it, so the
//! path must read exactly like the JSON the API documents:
//! `companyProfile.contacts[0].email`, `lineItems[2].quantity`. Query parameters
//! use their wire names (`start-date`), and a path with no segment names the
//! whole body.
//!
//! A key that the dotted notation cannot carry (one containing `.`, `[` or
//! `]`, or the empty key) is written the way JavaScript would index it:
//! bracketed and double-quoted, with `"`, `\` and control characters escaped
//! as in a JSON string (`{"a.b":1}` is `["a.b"]`, not `a` then `b`). Every
//! other key is written bare, so the paths of the API's own fields never
//! change.

use std::borrow::Cow;
use std::fmt;

/// One step from a JSON value to one of its children.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object member, by its JSON key.
    Key(String),
    /// An array element, by its zero-based index.
    Index(usize),
}

/// A location inside a request body or query, such as `lineItems[2].quantity`.
///
/// Held as its text in the notation above, one allocation: a path is built
/// for every violation, and as a list of segments (a `Vec` and a `String`
/// per key) its allocations were most of the cost of filing a violation in
/// the wasm. The notation reads back unambiguously, so [`Path::segments`]
/// recovers the steps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path {
    text: String,
}

impl Path {
    /// The path of the whole body.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by an object key.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut text = self.text.clone();
        push_key(&mut text, key);
        Self { text }
    }

    /// This path extended by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut text = self.text.clone();
        push_index(&mut text, index);
        Self { text }
    }

    /// This path followed by every step of `rest`.
    #[must_use]
    pub fn then(&self, rest: &Path) -> Self {
        let mut text = self.text.clone();
        if !text.is_empty() && !rest.text.is_empty() && !rest.text.starts_with('[') {
            text.push('.');
        }
        text.push_str(&rest.text);
        Self { text }
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> Vec<Segment> {
        steps(&self.text)
            .map(|step| match step {
                Step::Key(key) => Segment::Key(key.into_owned()),
                Step::Index(index) => Segment::Index(index),
            })
            .collect()
    }

    /// The last object key on the path, which names the field for messages.
    /// Borrowed unless the key was written with escapes.
    ///
    /// Read from the end: a bare key holds no `.`, `[` or `]`, so it starts
    /// after the last of them; an index is stepped over; a quoted key's
    /// text holds every `"` escaped, so its `["` is the last one.
    pub fn last_key(&self) -> Option<Cow<'_, str>> {
        let mut text = self.text.as_str();
        loop {
            let Some(bracketed) = text.strip_suffix(']') else {
                let start = text
                    .bytes()
                    .rposition(|byte| matches!(byte, b'.' | b']'))
                    .map_or(0, |at| at + 1);
                return text
                    .get(start..)
                    .filter(|key| !key.is_empty())
                    .map(Cow::Borrowed);
            };
            if let Some(quoted) = bracketed.strip_suffix('"') {
                let open = quoted
                    .as_bytes()
                    .windows(2)
                    .rposition(|pair| pair == b"[\"")?;
                return quoted.get(open + 2..).map(unescape);
            }
            let open = bracketed.bytes().rposition(|byte| byte == b'[')?;
            text = bracketed.get(..open)?;
        }
    }

    /// Whether the path names the whole body.
    pub fn is_root(&self) -> bool {
        self.text.is_empty()
    }

    /// The path in the notation above (as [`Display`](fmt::Display) writes it).
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Appends a key step to a path's text.
fn push_key(text: &mut String, key: &str) {
    if needs_quoting(key) {
        push_quoted_key(text, key);
        return;
    }
    if !text.is_empty() {
        text.push('.');
    }
    text.push_str(key);
}

/// Appends an index step to a path's text.
fn push_index(text: &mut String, index: usize) {
    text.push('[');
    text.push_str(itoa::Buffer::new().format(index));
    text.push(']');
}

/// Whether a key would be misread in the dotted notation: a `.` would split
/// it, a `[` or `]` would read as an index, and an empty key would vanish.
fn needs_quoting(key: &str) -> bool {
    key.is_empty() || key.bytes().any(|byte| matches!(byte, b'.' | b'[' | b']'))
}

/// Appends `["key"]`, escaping the key as a JSON (and JavaScript) string
/// literal, so the text can be pasted after a JS expression to reach the
/// member. Byte by byte: every byte escaped is ASCII, so the runs between
/// them are whole characters.
fn push_quoted_key(text: &mut String, key: &str) {
    text.push_str("[\"");
    let mut run_start = 0;
    for (at, byte) in key.bytes().enumerate() {
        if byte != b'"' && byte != b'\\' && byte >= b' ' {
            continue;
        }
        text.push_str(key.get(run_start..at).unwrap_or_default());
        run_start = at + 1;
        if byte < b' ' {
            text.push_str("\\u00");
            text.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
            text.push(char::from(HEX_DIGITS[usize::from(byte & 0xf)]));
        } else {
            text.push('\\');
            text.push(char::from(byte));
        }
    }
    text.push_str(key.get(run_start..).unwrap_or_default());
    text.push_str("\"]");
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// One step read back from a path's text.
enum Step<'t> {
    Key(Cow<'t, str>),
    Index(usize),
}

/// The steps of a path's text, which [`Path`]'s builders alone write (so
/// every text is well formed; anything else ends the steps).
fn steps(text: &str) -> impl Iterator<Item = Step<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let (step, after) = next_step(rest)?;
        rest = after;
        Some(step)
    })
}

/// The first step of `text` and what follows it. Byte by byte, as the
/// builders write it: every mark is ASCII.
fn next_step(text: &str) -> Option<(Step<'_>, &str)> {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b'[') {
        if bytes.get(1) == Some(&b'"') {
            return quoted_step(text.get(2..)?);
        }
        let close = bytes.iter().position(|&byte| byte == b']')?;
        let index = bytes
            .get(1..close)?
            .iter()
            .try_fold(0_usize, |index, &byte| {
                let digit = byte.checked_sub(b'0').filter(|digit| *digit < 10)?;
                index.checked_mul(10)?.checked_add(usize::from(digit))
            })?;
        return Some((Step::Index(index), text.get(close + 1..)?));
    }
    let bare = text.strip_prefix('.').unwrap_or(text);
    let end = bare
        .bytes()
        .position(|byte| byte == b'.' || byte == b'[')
        .unwrap_or(bare.len());
    if end == 0 {
        return None;
    }
    Some((Step::Key(Cow::Borrowed(bare.get(..end)?)), bare.get(end..)?))
}

/// A quoted key's step, from just after its opening `["`: its closing `"`
/// is the first one not escaped.
fn quoted_step(quoted: &str) -> Option<(Step<'_>, &str)> {
    let bytes = quoted.as_bytes();
    let mut at = 0;
    loop {
        match *bytes.get(at)? {
            b'\\' => at += 2,
            b'"' => break,
            _ => at += 1,
        }
    }
    let after = quoted.get(at + 1..)?.strip_prefix(']')?;
    Some((Step::Key(unescape(quoted.get(..at)?)), after))
}

/// A quoted key's text with the escapes [`push_quoted_key`] writes read
/// back (byte by byte: the escapes are ASCII).
fn unescape(escaped: &str) -> Cow<'_, str> {
    let bytes = escaped.as_bytes();
    let Some(first) = bytes.iter().position(|&byte| byte == b'\\') else {
        return Cow::Borrowed(escaped);
    };
    let mut key = String::with_capacity(escaped.len());
    let mut run_start = 0;
    let mut at = first;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        key.push_str(escaped.get(run_start..at).unwrap_or_default());
        let code = match bytes.get(at + 1) {
            Some(b'u') => {
                let digits = bytes.get(at + 2..at + 6).unwrap_or_default();
                at += 6;
                digits.iter().fold(0, |code, &digit| {
                    code * 16 + char::from(digit).to_digit(16).unwrap_or(0)
                })
            }
            other => {
                at += 2;
                other.map_or(0, |&byte| u32::from(byte))
            }
        };
        key.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        run_start = at;
    }
    key.push_str(escaped.get(run_start..).unwrap_or_default());
    Cow::Owned(key)
}

/// Anything that names a place in a request: a [`Path`] itself, or the
/// borrowed location a validator carries while it walks a body (rendered to a
/// `Path` only when a violation is filed there, so a valid field costs no
/// allocation).
pub trait AsPath {
    /// The place as an owned [`Path`].
    fn to_path(&self) -> Path;
}

impl AsPath for Path {
    fn to_path(&self) -> Path {
        self.clone()
    }
}

/// Where a validator stands while it walks a body: a chain of borrowed steps
/// back to the root, on the stack. Extending it is free (no allocation, no
/// copy of the keys); [`AsPath::to_path`] builds the owned [`Path`] when, and
/// only when, something is wrong there.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Loc<'p> {
    /// The whole body.
    Root,
    /// A member of the object at the parent location.
    Key(&'p Loc<'p>, &'p str),
    /// An element of the list at the parent location.
    Index(&'p Loc<'p>, usize),
}

impl<'p> Loc<'p> {
    /// This location extended by an object key.
    pub(crate) fn key(&'p self, key: &'p str) -> Loc<'p> {
        Loc::Key(self, key)
    }

    /// This location extended by a list index.
    pub(crate) fn index(&'p self, index: usize) -> Loc<'p> {
        Loc::Index(self, index)
    }

    /// Appends this location's steps, the root's first.
    fn push_onto(&self, text: &mut String) {
        match self {
            Loc::Root => {}
            Loc::Key(parent, key) => {
                parent.push_onto(text);
                push_key(text, key);
            }
            Loc::Index(parent, index) => {
                parent.push_onto(text);
                push_index(text, *index);
            }
        }
    }
}

impl AsPath for Loc<'_> {
    fn to_path(&self) -> Path {
        let mut text = String::with_capacity(48);
        self.push_onto(&mut text);
        Path { text }
    }
}

impl serde::Serialize for Path {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl crate::output::ToJson for Path {
    fn write_json(&self, out: &mut String) {
        crate::output::write_str(out, &self.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_api_notation() {
        let path = Path::root()
            .key("companyProfile")
            .key("contacts")
            .index(0)
            .key("email");
        assert_eq!(path.to_string(), "companyProfile.contacts[0].email");
        assert_eq!(path.last_key().as_deref(), Some("email"));
    }

    #[test]
    fn a_location_renders_like_the_path_it_names() {
        let root = Loc::Root;
        let profile = root.key("companyProfile");
        let contacts = profile.key("contacts");
        let first = contacts.index(0);
        let email = first.key("email");
        assert_eq!(
            email.to_path().to_string(),
            "companyProfile.contacts[0].email"
        );
        assert_eq!(Loc::Root.to_path(), Path::root());
    }

    #[test]
    fn a_key_the_dotted_notation_cannot_carry_is_quoted() {
        let dotted = Path::root().key("a.b");
        assert_eq!(dotted.to_string(), r#"["a.b"]"#);
        assert_ne!(
            dotted.to_string(),
            Path::root().key("a").key("b").to_string()
        );
        let nested = Path::root().key("lineItems").index(0).key("x[1]").key("y");
        assert_eq!(nested.to_string(), r#"lineItems[0]["x[1]"].y"#);
        assert_eq!(Path::root().key("a").key("]").to_string(), r#"a["]"]"#);
        assert_eq!(Path::root().key("").key("x").to_string(), r#"[""].x"#);
        assert_eq!(Path::root().key(".x").to_string(), r#"[".x"]"#);
    }

    #[test]
    fn a_quoted_key_escapes_like_a_json_string() {
        let path = Path::root().key("a.\"b\\\n");
        assert_eq!(path.to_string(), r#"["a.\"b\\\u000a"]"#);
    }

    #[test]
    fn ordinary_keys_stay_bare() {
        let path = Path::root().key("start-date").key("a b").key("é\"");
        assert_eq!(path.to_string(), "start-date.a b.é\"");
    }

    #[test]
    fn root_is_empty() {
        assert_eq!(Path::root().to_string(), "");
        assert!(Path::root().is_root());
        assert_eq!(Path::root().index(3).to_string(), "[3]");
    }

    /// Builds a path step by step, as [`Path`]'s builders and as a [`Loc`]
    /// chain, and checks both read back as the steps.
    fn check_round_trip(steps: &[Segment]) {
        let mut path = Path::root();
        for step in steps {
            path = match step {
                Segment::Key(key) => path.key(key),
                Segment::Index(index) => path.index(*index),
            };
        }
        assert_eq!(path.segments(), steps, "{path}");
        let last_key = steps.iter().rev().find_map(|step| match step {
            Segment::Key(key) => Some(key.as_str()),
            Segment::Index(_) => None,
        });
        assert_eq!(path.last_key().as_deref(), last_key, "{path}");
        assert_eq!(path.is_root(), steps.is_empty());
        assert_eq!(loc_path(&Loc::Root, steps), path);
        for split in 0..=steps.len() {
            let (head, tail) = steps.split_at(split);
            let joined = loc_path(&Loc::Root, head).then(&loc_path(&Loc::Root, tail));
            assert_eq!(joined, path, "{head:?} then {tail:?}");
        }
    }

    /// The path of `steps` below `at`, through a chain of locations.
    fn loc_path(at: &Loc<'_>, steps: &[Segment]) -> Path {
        match steps.split_first() {
            None => at.to_path(),
            Some((Segment::Key(key), rest)) => loc_path(&at.key(key), rest),
            Some((Segment::Index(index), rest)) => loc_path(&at.index(*index), rest),
        }
    }

    #[test]
    fn odd_keys_read_back_as_they_were_given() {
        let key = |text: &str| Segment::Key(text.to_owned());
        check_round_trip(&[]);
        check_round_trip(&[Segment::Index(0), key("a")]);
        check_round_trip(&[key("a.b"), key(""), Segment::Index(7), key("]")]);
        check_round_trip(&[key("\"\\\u{1}\n"), key("[0]"), key("é.[x]")]);
        check_round_trip(&[key("0"), Segment::Index(0), key("\\u0041")]);
        // A quoted key's own `[` before its closing quote (found by the
        // property below in a first version reading from the end).
        check_round_trip(&[Segment::Index(1), key("\"["), key("x[\"")]);
    }

    fn segment() -> impl proptest::strategy::Strategy<Value = Segment> {
        use proptest::prelude::*;
        prop_oneof![
            any::<usize>().prop_map(Segment::Index),
            "[a-z.\\[\\]\"\\\\\\u{0}-\\u{1f}é]{0,6}".prop_map(Segment::Key),
            any::<String>().prop_map(Segment::Key),
        ]
    }

    proptest::proptest! {
        #[test]
        fn any_steps_read_back_from_the_text(steps in proptest::collection::vec(segment(), 0..6)) {
            check_round_trip(&steps);
        }
    }
}
