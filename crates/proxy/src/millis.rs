//! Durations as whole milliseconds: what Redis takes for an expiry (`PX`) and
//! what the logs print. One home for the saturating conversion, which five
//! places wrote out.

use std::time::Duration;

/// The duration in whole milliseconds, `u64::MAX` for one too long to count.
pub fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::millis;
    use std::time::Duration;

    #[test]
    fn counts_whole_milliseconds_and_saturates() {
        assert_eq!(millis(Duration::from_micros(2_999)), 2);
        assert_eq!(millis(Duration::from_secs(3)), 3_000);
        assert_eq!(millis(Duration::MAX), u64::MAX);
    }
}
