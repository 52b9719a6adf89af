//! Violations as data: what is wrong, where, in words a shopper understands.
//!
//! A rule never stops at the first problem and never panics: it adds a
//! [`Finding`] (a [`Code`] with its parameters) and carries on. The validator that
//! called the rule knows *where* the value sat, so it files the finding in the
//! [`Report`] under a [`Path`], and the report renders the English message once,
//! from the code, the parameters and the field's name.

mod code;
mod message;
mod path;

pub use code::Code;
pub(crate) use path::Loc;
pub use path::{AsPath, Path, Segment};

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// A parameter value of a violation: text or a whole number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Param {
    /// A text parameter, such as a character or a country name.
    Text(String),
    /// A numeric parameter, such as a limit.
    Number(i64),
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::Text(text) => f.write_str(text),
            Param::Number(number) => write!(f, "{number}"),
        }
    }
}

impl From<&str> for Param {
    fn from(text: &str) -> Self {
        Param::Text(text.to_owned())
    }
}

impl From<String> for Param {
    fn from(text: String) -> Self {
        Param::Text(text)
    }
}

impl From<i64> for Param {
    fn from(number: i64) -> Self {
        Param::Number(number)
    }
}

impl From<usize> for Param {
    fn from(number: usize) -> Self {
        Param::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<u64> for Param {
    /// A quantity; one beyond `i64::MAX` is written as `i64::MAX`.
    fn from(number: u64) -> Self {
        Param::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Param {
    fn from(number: u32) -> Self {
        Param::Number(i64::from(number))
    }
}

/// Named parameters of a violation, in the order the rule added them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, Param)>);

impl Params {
    /// The value of a parameter, if the rule set it.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    }

    /// All parameters, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Param)> {
        self.0.iter().map(|(key, value)| (*key, value))
    }

    /// The parameter as message text: borrowed when it is text, written out
    /// when it is a number; empty when the rule did not set it.
    fn text(&self, name: &str) -> Cow<'_, str> {
        match self.get(name) {
            Some(Param::Text(text)) => Cow::Borrowed(text),
            Some(Param::Number(number)) => {
                Cow::Owned(itoa::Buffer::new().format(*number).to_owned())
            }
            None => Cow::Borrowed(""),
        }
    }

    /// Whether the parameter is set and not empty text.
    fn is_set(&self, name: &str) -> bool {
        match self.get(name) {
            Some(Param::Text(text)) => !text.is_empty(),
            Some(Param::Number(_)) => true,
            None => false,
        }
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

impl crate::output::ToJson for Param {
    fn write_json(&self, out: &mut String) {
        match self {
            Param::Text(text) => crate::output::write_str(out, text),
            Param::Number(number) => number.write_json(out),
        }
    }
}

impl crate::output::ToJson for Params {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (index, (key, value)) in self.0.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            crate::output::write_str(out, key);
            out.push(':');
            value.write_json(out);
        }
        out.push('}');
    }
}

/// What a rule found wrong with one value, before it is placed at a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The stable code of the problem.
    pub code: Code,
    /// The parameters the message and the storefront need.
    pub params: Params,
}

impl Finding {
    /// A finding with no parameters.
    pub fn new(code: Code) -> Self {
        Self {
            code,
            params: Params::default(),
        }
    }

    /// The same finding with one more parameter.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.0.push((name, value.into()));
        self
    }
}

/// One problem with a request, placed at the field that caused it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Violation {
    /// Where the problem is, e.g. `companyProfile.address.postalCode`.
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub path: Path,
    /// The stable code, e.g. `postal_code.invalid_format`.
    #[cfg_attr(feature = "tsify", tsify(type = "ViolationCode"))]
    pub code: Code,
    /// The parameters of the message, e.g. `{ "max": 80 }`.
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, string | number>"))]
    pub params: Params,
    /// The problem in plain English, ready to show next to the field.
    pub message: String,
}

/// Every violation a validator found, in the order it found them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, crate::output::ToJson)]
pub struct Report {
    /// The violations; empty when the input is valid.
    pub violations: Vec<Violation>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether nothing was found.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }

    /// Files a finding at a path, rendering its message. Not inlined, as
    /// [`Report::add_all`].
    #[inline(never)]
    pub fn add(&mut self, place: &(impl AsPath + ?Sized), finding: Finding) {
        self.file(place.to_path(), finding);
    }

    /// Files every finding of a rule at the same path. The path is built
    /// once and moved into the last violation: filing each through
    /// [`Report::add`] copied it again (a `Vec` and a `String` per key).
    /// Not inlined: inlined into every rule this cost the wasm 6 KB raw
    /// (1.2 KB gzip), and with only the filing kept out of line a valid
    /// 499-line order ran 9 % more instructions (callgrind).
    #[inline(never)]
    pub fn add_all(
        &mut self,
        place: &(impl AsPath + ?Sized),
        findings: impl IntoIterator<Item = Finding>,
    ) {
        let mut findings = findings.into_iter();
        if let Some(first) = findings.next() {
            self.file_all(place.to_path(), first, &mut findings);
        }
    }

    /// The part of [`Report::add_all`] that is not generic (one copy in the
    /// wasm, not one per rule that calls it).
    fn file_all(&mut self, path: Path, first: Finding, rest: &mut dyn Iterator<Item = Finding>) {
        let mut current = first;
        for next in rest {
            self.file(path.clone(), current);
            current = next;
        }
        self.file(path, current);
    }

    /// Files a finding at a path already built, rendering its message.
    fn file(&mut self, path: Path, finding: Finding) {
        // The crate's own tests prove every rule sets only the parameters its
        // code declares in the registry; shipped builds pay nothing for it.
        #[cfg(test)]
        for (name, _) in finding.params.iter() {
            let code = finding.code;
            assert!(
                code.params().contains(&name),
                "{code} does not declare `{name}`"
            );
        }
        let message = message::render(&path, finding.code, &finding.params);
        self.violations.push(Violation {
            path,
            code: finding.code,
            params: finding.params,
            message,
        });
    }

    /// The codes found, in order; handy in tests.
    pub fn codes(&self) -> Vec<&'static str> {
        self.violations
            .iter()
            .map(|violation| violation.code.as_str())
            .collect()
    }

    /// `Ok(())` when valid, else the report itself as the error.
    ///
    /// # Errors
    /// Returns the report when it holds at least one violation.
    pub fn into_result(self) -> Result<(), Report> {
        if self.is_valid() { Ok(()) } else { Err(self) }
    }
}

/// What a validator answers across the JavaScript boundary: the verdict and
/// every violation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, crate::output::ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ValidationResult {
    /// `true` when there is no violation.
    pub valid: bool,
    /// The violations, in the order they were found.
    pub violations: Vec<Violation>,
}

impl From<Report> for ValidationResult {
    fn from(report: Report) -> Self {
        Self {
            valid: report.is_valid(),
            violations: report.violations,
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for violation in &self.violations {
            writeln!(
                f,
                "{}: {} [{}]",
                violation.path, violation.message, violation.code
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

#[cfg(test)]
mod tests {
    use super::Param;

    #[test]
    fn quantities_become_numbers_and_saturate() {
        assert_eq!(Param::from(104_u64), Param::Number(104));
        assert_eq!(Param::from(u64::MAX), Param::Number(i64::MAX));
        assert_eq!(Param::from(usize::MAX), Param::Number(i64::MAX));
    }
}
