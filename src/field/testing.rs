//! What the field rules' tests share: the codes of a rule's findings and a
//! parameter of its last finding, as text.

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
