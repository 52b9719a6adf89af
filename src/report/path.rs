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

use std::fmt::{self, Write as _};

/// One step from a JSON value to one of its children.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object member, by its JSON key.
    Key(String),
    /// An array element, by its zero-based index.
    Index(usize),
}

/// A location inside a request body or query, such as `lineItems[2].quantity`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path {
    segments: Vec<Segment>,
}

impl Path {
    /// The path of the whole body.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by an object key.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        self.with(Segment::Key(key.to_owned()))
    }

    /// This path extended by an array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        self.with(Segment::Index(index))
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The last object key on the path, which names the field for messages.
    pub fn last_key(&self) -> Option<&str> {
        self.segments
            .iter()
            .rev()
            .find_map(|segment| match segment {
                Segment::Key(key) => Some(key.as_str()),
                Segment::Index(_) => None,
            })
    }

    /// Whether the path names the whole body.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    fn with(&self, segment: Segment) -> Self {
        let mut segments = self.segments.clone();
        segments.push(segment);
        Self { segments }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(key) if needs_quoting(key) => write_quoted_key(f, key)?,
                Segment::Key(key) if position == 0 => f.write_str(key)?,
                Segment::Key(key) => {
                    f.write_str(".")?;
                    f.write_str(key)?;
                }
                Segment::Index(index) => {
                    f.write_str("[")?;
                    f.write_str(itoa::Buffer::new().format(*index))?;
                    f.write_str("]")?;
                }
            }
        }
        Ok(())
    }
}

/// Whether a key would be misread in the dotted notation: a `.` would split
/// it, a `[` or `]` would read as an index, and an empty key would vanish.
fn needs_quoting(key: &str) -> bool {
    key.is_empty() || key.contains(['.', '[', ']'])
}

/// Writes `["key"]`, escaping the key as a JSON (and JavaScript) string
/// literal, so the text can be pasted after a JS expression to reach the
/// member.
fn write_quoted_key(f: &mut fmt::Formatter<'_>, key: &str) -> fmt::Result {
    f.write_str("[\"")?;
    for character in key.chars() {
        match character {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            control if control < ' ' => write!(f, "\\u{:04x}", u32::from(control))?,
            other => f.write_char(other)?,
        }
    }
    f.write_str("\"]")
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

    fn push_onto(&self, segments: &mut Vec<Segment>) {
        match self {
            Loc::Root => {}
            Loc::Key(parent, key) => {
                parent.push_onto(segments);
                segments.push(Segment::Key((*key).to_owned()));
            }
            Loc::Index(parent, index) => {
                parent.push_onto(segments);
                segments.push(Segment::Index(*index));
            }
        }
    }
}

impl AsPath for Loc<'_> {
    fn to_path(&self) -> Path {
        let mut segments = Vec::new();
        self.push_onto(&mut segments);
        Path { segments }
    }
}

impl serde::Serialize for Path {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl crate::output::ToJson for Path {
    fn write_json(&self, out: &mut String) {
        crate::output::write_str(out, &self.to_string());
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
        assert_eq!(path.last_key(), Some("email"));
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
}
