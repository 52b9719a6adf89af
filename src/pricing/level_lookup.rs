//! The storefront's warning when the customer's level could not be read from
//! Adobe: "Volume Discount Level for Adobe products could not be retrieved."
//!
//! Source: storefront-ordering-rules.txt, "Volume Discount Level Informative
//! Message": the blue ribbon shows the level "calculated based on the end
//! customer's current level in Adobe, along with the add-on quantity of the
//! new Adobe order … However, in case an error occurs during the
//! communication between the two systems (BSS & Adobe), a warning message is
//! displayed instead, stating the following: Volume Discount Level for Adobe
//! products could not be retrieved."
//!
//! The core makes no calls, so the caller says the lookup failed
//! (`QuoteContext::level_lookup_failed`); the quote then carries the warning
//! (`level.not_retrieved`, at `level`) with the storefront's words, and its
//! level is what this order's quantity reaches without the current level, a
//! lower bound the page should not present as the customer's level.

use crate::{Code, Finding, Path};

/// Where the warning is filed: the quote's `level`.
pub fn path() -> Path {
    Path::root().key("level")
}

/// The storefront's warning.
pub fn warning() -> Finding {
    Finding::new(Code::LevelNotRetrieved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Report;

    #[test]
    fn the_warning_has_the_storefront_words() {
        let mut report = Report::new();
        report.add(&path(), warning());
        assert_eq!(
            report.violations[0].message,
            "Volume Discount Level for Adobe products could not be retrieved."
        );
        assert_eq!(report.violations[0].path.to_string(), "level");
    }
}
