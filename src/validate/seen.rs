//! The values of a small closed set that a list has named so far, held on
//! the stack. A body's lists of benefit types and of minimum-quantity offer
//! types are checked for repeats on every body; a `Vec` of the values seen
//! allocated on each of them, valid or not.

/// Up to `N` distinct values. Meant for lists whose values were already
/// checked to be one of `N` constants, so it never fills; a value past `N`
/// distinct ones is not held.
pub(super) struct Seen<'a, const N: usize> {
    values: [&'a str; N],
    len: usize,
}

impl<'a, const N: usize> Seen<'a, N> {
    pub(super) const fn new() -> Self {
        Self {
            values: [""; N],
            len: 0,
        }
    }

    /// Whether `value` was noted before.
    pub(super) fn contains(&self, value: &str) -> bool {
        self.values
            .get(..self.len)
            .unwrap_or_default()
            .contains(&value)
    }

    /// Notes `value` (once).
    pub(super) fn insert(&mut self, value: &'a str) {
        if self.contains(value) {
            return;
        }
        if let Some(slot) = self.values.get_mut(self.len) {
            *slot = value;
            self.len += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn a_value_is_seen_once_noted() {
        let mut seen = Seen::<2>::new();
        assert!(!seen.contains("LICENSE"));
        seen.insert("LICENSE");
        seen.insert("LICENSE");
        assert!(seen.contains("LICENSE"));
        assert!(!seen.contains("CONSUMABLES"));
        seen.insert("CONSUMABLES");
        assert!(seen.contains("CONSUMABLES"));
        assert!(!seen.contains(""));
    }

    #[test]
    fn a_value_past_its_capacity_is_not_held() {
        let mut seen = Seen::<1>::new();
        seen.insert("a");
        seen.insert("b");
        assert!(seen.contains("a"));
        assert!(!seen.contains("b"));
    }
}
