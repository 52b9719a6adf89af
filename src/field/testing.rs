//! What the field rules' tests share: the codes of a rule's findings, a
//! parameter of its last finding as text, and one-character edits of a value
//! (for the differential tests of the compiled patterns).

use crate::report::Param;
use crate::{Code, Finding};

/// The codes of `findings`, in order.
pub(crate) fn codes(findings: Vec<Finding>) -> Vec<Code> {
    findings.into_iter().map(|finding| finding.code).collect()
}

/// The parameter `name` of the last finding, as text (empty when absent).
pub(crate) fn last_param(findings: &[Finding], name: &str) -> String {
    let finding = findings.last().expect("a finding");
    finding
        .params
        .get(name)
        .map(Param::to_string)
        .unwrap_or_default()
}

/// `value` with one edit at `at`: `edit % 3` inserts `c`, replaces the
/// character there with `c`, or deletes it.
pub(crate) fn edited(value: &str, at: proptest::sample::Index, edit: u8, c: char) -> String {
    let mut chars: Vec<char> = value.chars().collect();
    let i = at.index(chars.len() + 1);
    match edit % 3 {
        0 => chars.insert(i, c),
        1 if i < chars.len() => chars[i] = c,
        _ if i < chars.len() => {
            chars.remove(i);
        }
        _ => {}
    }
    chars.into_iter().collect()
}
