//! Walking a JSON request body and filing what is wrong at each path.
//!
//! Validators read raw `serde_json::Value`s rather than typed structs so that a
//! number where a string belongs, a missing object or an unknown key becomes a
//! violation at its path, and every other field is still checked. The helpers here
//! keep the per-operation validators short: each says what a field must be, and
//! the helper files the type or presence problem if it is not.

use crate::input::Json;
use crate::report::{AsPath, Code, Finding, Loc, Report};

/// An object of the request and where it sits. The location is borrowed from
/// the walk (see [`Loc`]): a path is only built when something is filed.
pub(crate) struct Object<'a, 'p> {
    members: &'a [(&'a str, Json<'a>)],
    /// The object's own location.
    pub(crate) loc: Loc<'p>,
}

/// What a JSON type is called in messages.
const TEXT: &str = "text";
const WHOLE_NUMBER: &str = "a whole number";
const TRUE_OR_FALSE: &str = "true or false";
const LIST: &str = "a list";
const OBJECT: &str = "an object";

/// Files a type violation.
pub(crate) fn wrong_type(report: &mut Report, path: &impl AsPath, expected: &str) {
    report.add(
        path,
        Finding::new(Code::TypeInvalid).with("expected", expected),
    );
}

impl<'a, 'p> Object<'a, 'p> {
    /// The value as an object, or a type violation at `loc`.
    pub(crate) fn new(value: &'a Json<'a>, loc: Loc<'p>, report: &mut Report) -> Option<Self> {
        match value {
            Json::Object(members) => Some(Self { members, loc }),
            _ => {
                wrong_type(report, &loc, OBJECT);
                None
            }
        }
    }

    /// The member `key`, treating `null` as absent.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        // A body's objects are small: comparing the few keys beats hashing
        // the wanted one (measured: half the time of a 499-line order once
        // went to SipHash), and each key is read a bounded number of times.
        self.members
            .iter()
            .find_map(|(name, value)| (*name == key).then_some(value))
            .filter(|value| !value.is_null())
    }

    /// Whether the member is present and not null.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The location of a member (free: nothing is built until a finding is filed).
    pub(crate) fn at<'k>(&'k self, key: &'k str) -> Loc<'k> {
        self.loc.key(key)
    }

    /// Files `findings` at `key` (see [`apply`]).
    #[inline]
    pub(crate) fn apply(&self, key: &str, findings: Vec<Finding>, report: &mut Report) {
        apply(report, &self.at(key), findings);
    }

    /// Reports every key that is neither `known` nor `read_only` as unknown, and
    /// every `read_only` key that was sent (Adobe sets those itself).
    pub(crate) fn check_keys(&self, known: &[&str], read_only: &[&str], report: &mut Report) {
        self.check_keys_by(
            |key| known.contains(&key),
            |key| read_only.contains(&key),
            report,
        );
    }

    /// [`Object::check_keys`] with the two lists given as tests, for a rule
    /// whose lists are constants combined or trimmed (building the combined
    /// list would allocate on every body, valid or not).
    pub(crate) fn check_keys_by(
        &self,
        known: impl Fn(&str) -> bool,
        read_only: impl Fn(&str) -> bool,
        report: &mut Report,
    ) {
        for (key, _) in self.members {
            if read_only(key) {
                report.add(
                    &self.at(key),
                    Finding::new(Code::FieldReadOnly).with("field", *key),
                );
            } else if !known(key) {
                report.add(
                    &self.at(key),
                    Finding::new(Code::FieldUnknown).with("field", *key),
                );
            }
        }
    }

    /// The members of the object, in order (for a reader that finds several
    /// in one pass; the `*_of` readers below take what it found).
    pub(crate) fn members(&self) -> &'a [(&'a str, Json<'a>)] {
        self.members
    }

    /// The members named in `names`, found in one pass over the object (null
    /// reads as absent; a repeated key, possible only in packed bytes, keeps
    /// its first). The same pass files each key `names` does not list as
    /// `field.unknown`, in the object's order, as `check_keys(names, &[])`
    /// would: the rules then read what was found instead of looking each
    /// member up by name, a scan of the object per rule.
    pub(crate) fn members_named<const N: usize>(
        &self,
        names: &[&str; N],
        report: &mut Report,
    ) -> [Option<&'a Json<'a>>; N] {
        let mut found = [None; N];
        for (key, value) in self.members {
            match names.iter().position(|name| name == key) {
                Some(place) => {
                    if let Some(slot @ None) = found.get_mut(place) {
                        *slot = (!value.is_null()).then_some(value);
                    }
                }
                None => report.add(
                    &self.at(key),
                    Finding::new(Code::FieldUnknown).with("field", *key),
                ),
            }
        }
        found
    }

    /// A required text member; missing, null or `""` is `field.required`.
    pub(crate) fn required_str(&self, key: &str, report: &mut Report) -> Option<&'a str> {
        self.required_str_of(key, self.get(key), report)
    }

    /// [`Self::required_str`] of the member `value` found at `key`. The
    /// text is answered here and the rest filed out of line: an order's
    /// lines take this path 499 times a body, and the call was a tenth of a
    /// line's instructions.
    #[inline]
    pub(crate) fn required_str_of(
        &self,
        key: &str,
        value: Option<&'a Json<'a>>,
        report: &mut Report,
    ) -> Option<&'a str> {
        match value {
            Some(Json::Text(text)) if !text.is_empty() => Some(text),
            _ => self.missing_or_wrong_str(key, value, report),
        }
    }

    /// [`Self::required_str_of`] of anything but a text that is not empty.
    #[inline(never)]
    fn missing_or_wrong_str(
        &self,
        key: &str,
        value: Option<&'a Json<'a>>,
        report: &mut Report,
    ) -> Option<&'a str> {
        match self.str_of(key, value, report) {
            Some("") | None if value.is_none_or(Json::is_string) => {
                report.add(&self.at(key), Finding::new(Code::FieldRequired));
                None
            }
            other => other,
        }
    }

    /// An optional text member; `None` when absent, null or of the wrong type.
    pub(crate) fn optional_str(&self, key: &str, report: &mut Report) -> Option<&'a str> {
        self.str_of(key, self.get(key), report)
    }

    /// [`Self::optional_str`] of the member `value` found at `key`: a text
    /// or nothing answered here, a value of another type filed out of line.
    #[inline]
    pub(crate) fn str_of(
        &self,
        key: &str,
        value: Option<&'a Json<'a>>,
        report: &mut Report,
    ) -> Option<&'a str> {
        match value? {
            Json::Text(text) => Some(text),
            _ => self.not_text(key, report),
        }
    }

    /// Files a member at `key` that is not text.
    #[inline(never)]
    fn not_text(&self, key: &str, report: &mut Report) -> Option<&'a str> {
        wrong_type(report, &self.at(key), TEXT);
        None
    }

    /// A required whole number.
    pub(crate) fn required_int(&self, key: &str, report: &mut Report) -> Option<i64> {
        self.required_int_of(key, self.get(key), report)
    }

    /// [`Self::required_int`] of the member `value` found at `key`; a whole
    /// number answered here, the rest filed out of line (as text is).
    #[inline]
    pub(crate) fn required_int_of(
        &self,
        key: &str,
        value: Option<&'a Json<'a>>,
        report: &mut Report,
    ) -> Option<i64> {
        match value {
            Some(Json::Int(whole)) => Some(*whole),
            _ => missing_or_not_whole(value, &self.at(key), report),
        }
    }

    /// An optional whole number; `1.5` is `number.not_integer`, `"5"` a type error.
    pub(crate) fn optional_int(&self, key: &str, report: &mut Report) -> Option<i64> {
        let value = self.get(key)?;
        if let Json::Int(whole) = value {
            return Some(*whole);
        }
        whole_number(value, &self.at(key), report)
    }

    /// An optional boolean.
    pub(crate) fn optional_bool(&self, key: &str, report: &mut Report) -> Option<bool> {
        match self.get(key)? {
            Json::Bool(flag) => Some(*flag),
            _ => {
                wrong_type(report, &self.at(key), TRUE_OR_FALSE);
                None
            }
        }
    }

    /// An optional list.
    pub(crate) fn optional_array(&self, key: &str, report: &mut Report) -> Option<&'a [Json<'a>]> {
        match self.get(key)? {
            Json::List(items) => Some(items),
            _ => {
                wrong_type(report, &self.at(key), LIST);
                None
            }
        }
    }

    /// A required list (may be empty; callers check counts).
    pub(crate) fn required_array(&self, key: &str, report: &mut Report) -> Option<&'a [Json<'a>]> {
        match self.get(key) {
            Some(Json::List(items)) => Some(items),
            Some(_) => {
                wrong_type(report, &self.at(key), LIST);
                None
            }
            None => {
                report.add(&self.at(key), Finding::new(Code::FieldRequired));
                None
            }
        }
    }

    /// An optional nested object.
    pub(crate) fn optional_object<'k>(
        &'k self,
        key: &'k str,
        report: &mut Report,
    ) -> Option<Object<'a, 'k>> {
        Object::new(self.get(key)?, self.at(key), report)
    }

    /// A required nested object.
    pub(crate) fn required_object<'k>(
        &'k self,
        key: &'k str,
        report: &mut Report,
    ) -> Option<Object<'a, 'k>> {
        if !self.has(key) {
            report.add(&self.at(key), Finding::new(Code::FieldRequired));
            return None;
        }
        self.optional_object(key, report)
    }

    /// A text member that must be one of `allowed` (`enum.invalid` otherwise),
    /// required or not.
    pub(crate) fn one_of(
        &self,
        key: &str,
        allowed: &[&str],
        required: bool,
        report: &mut Report,
    ) -> Option<&'a str> {
        let value = if required {
            self.required_str(key, report)
        } else {
            self.optional_str(key, report)
        }?;
        one_of(value, allowed, &self.at(key), report)
    }

    /// Each item of an optional list as text (type problems filed at its index).
    pub(crate) fn optional_texts(&self, key: &str, report: &mut Report) -> Option<&'a [Json<'a>]> {
        self.texts_of(key, self.get(key), report)
    }

    /// [`Self::optional_texts`] of the member `value` found at `key`.
    pub(crate) fn texts_of(
        &self,
        key: &str,
        value: Option<&'a Json<'a>>,
        report: &mut Report,
    ) -> Option<&'a [Json<'a>]> {
        let Json::List(items) = value? else {
            wrong_type(report, &self.at(key), LIST);
            return None;
        };
        let path = self.at(key);
        for (index, value) in items.iter().enumerate() {
            text(value, &path.index(index), report);
        }
        Some(items)
    }
}

/// A required member that is missing (`field.required`, filed at `path`) or
/// not a whole number that fits an `i64` (read by [`whole_number`]).
#[inline(never)]
fn missing_or_not_whole(
    value: Option<&Json<'_>>,
    path: &impl AsPath,
    report: &mut Report,
) -> Option<i64> {
    let Some(value) = value else {
        report.add(path, Finding::new(Code::FieldRequired));
        return None;
    };
    whole_number(value, path, report)
}

/// A JSON value as a whole number, filing the problem when it is not one.
pub(crate) fn whole_number(
    value: &Json<'_>,
    path: &impl AsPath,
    report: &mut Report,
) -> Option<i64> {
    match value {
        Json::Int(whole) => Some(*whole),
        Json::Big(_) => Some(i64::MAX),
        Json::Float(_) => {
            report.add(path, Finding::new(Code::NumberNotInteger));
            None
        }
        _ => {
            wrong_type(report, path, WHOLE_NUMBER);
            None
        }
    }
}

/// A JSON value as text, filing a type problem when it is not.
pub(crate) fn text<'a>(
    value: &'a Json<'a>,
    path: &impl AsPath,
    report: &mut Report,
) -> Option<&'a str> {
    match value {
        Json::Text(text) => Some(text),
        _ => {
            wrong_type(report, path, TEXT);
            None
        }
    }
}

/// `value` when it is one of `allowed`, else `enum.invalid` (listing them) at
/// `path`.
pub(crate) fn one_of<'v>(
    value: &'v str,
    allowed: &[&str],
    path: &impl AsPath,
    report: &mut Report,
) -> Option<&'v str> {
    if allowed.contains(&value) {
        return Some(value);
    }
    let finding = Finding::new(Code::EnumInvalid).with("allowed", allowed.join(", "));
    report.add(path, finding);
    None
}

/// Files a rule's findings at `path`. Most values are valid: an empty list
/// returns before any iterator or path is built (building and dropping them
/// was 4 % of a valid customer's instructions), and without a call (in the
/// wasm, the call was 1.6 % of a 100-line order's time).
#[inline]
pub(crate) fn apply(report: &mut Report, path: &impl AsPath, findings: Vec<Finding>) {
    if !findings.is_empty() {
        report.add_all(path, findings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// The value as a tree, in an arena the test leaks (it ends soon).
    fn tree(value: &Value) -> Json<'_> {
        Json::from_value(value, Box::leak(Box::new(crate::input::Arena::new())))
    }

    #[test]
    fn required_text_reports_missing_empty_and_wrong_type() {
        let body = json!({ "a": "", "b": 5, "c": "ok" });
        let mut report = Report::new();
        let body = tree(&body);
        let object = Object::new(&body, Loc::Root, &mut report).expect("object");
        assert_eq!(object.required_str("a", &mut report), None);
        assert_eq!(object.required_str("b", &mut report), None);
        assert_eq!(object.required_str("c", &mut report), Some("ok"));
        assert_eq!(object.required_str("d", &mut report), None);
        assert_eq!(
            report.codes(),
            ["field.required", "type.invalid", "field.required"]
        );
    }

    #[test]
    fn numbers_must_be_whole() {
        let body = json!({ "q": 1.5, "r": "7", "s": 7 });
        let mut report = Report::new();
        let body = tree(&body);
        let object = Object::new(&body, Loc::Root, &mut report).expect("object");
        assert_eq!(object.optional_int("q", &mut report), None);
        assert_eq!(object.optional_int("r", &mut report), None);
        assert_eq!(object.optional_int("s", &mut report), Some(7));
        assert_eq!(report.codes(), ["number.not_integer", "type.invalid"]);
    }

    #[test]
    fn unknown_and_read_only_keys_are_reported() {
        let body = json!({ "known": 1, "status": "1000", "extra": true });
        let mut report = Report::new();
        let body = tree(&body);
        let object = Object::new(&body, Loc::Root, &mut report).expect("object");
        object.check_keys(&["known"], &["status"], &mut report);
        assert_eq!(report.codes(), ["field.read_only", "field.unknown"]);
        assert_eq!(report.violations[1].path.to_string(), "extra");
    }
}
