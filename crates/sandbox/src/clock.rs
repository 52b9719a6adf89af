//! The sandbox's injectable clock.
//!
//! Asynchronous status changes, token expiry, the return window, renewals and
//! the 10-day idempotency memory all read this clock, never the system's, so a
//! test advances time through the admin route instead of sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use vipmp::date::{Date, Timestamp};

/// Seconds in a day.
const DAY: i64 = 86_400;

/// A clock that starts at midnight UTC of a given day and moves only when told.
///
/// *Assumed*: time stands still between calls; Adobe's clock of course runs.
#[derive(Debug)]
pub struct Clock {
    start: Date,
    seconds: AtomicI64,
}

impl Clock {
    /// A clock at midnight UTC of `start`.
    pub fn new(start: Date) -> Self {
        Self {
            start,
            seconds: AtomicI64::new(0),
        }
    }

    /// Today's date according to the system clock (UTC), for `cargo run`.
    pub fn system_today() -> Option<Date> {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        let days = i64::try_from(seconds).ok()? / DAY;
        Date::new(1970, 1, 1)?.add_days(days)
    }

    /// Seconds since the start.
    pub fn now(&self) -> i64 {
        self.seconds.load(Ordering::SeqCst)
    }

    /// Moves the clock forward (never backward) and answers the new reading.
    pub fn advance(&self, seconds: i64) -> i64 {
        let seconds = seconds.max(0);
        self.seconds.fetch_add(seconds, Ordering::SeqCst) + seconds
    }

    /// The date at a reading.
    pub fn date_at(&self, seconds: i64) -> Date {
        self.start
            .add_days(seconds.div_euclid(DAY))
            .unwrap_or(self.start)
    }

    /// Today's date.
    pub fn today(&self) -> Date {
        self.date_at(self.now())
    }

    /// The reading at midnight UTC of a date.
    pub fn seconds_at(&self, date: Date) -> i64 {
        self.start.days_until(date) * DAY
    }

    /// A reading as Adobe writes `creationDate`: `2024-02-01T10:00:00Z`.
    pub fn timestamp_at(&self, seconds: i64) -> String {
        timestamp_from(self.start, seconds)
    }

    /// The clock's first day.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The current reading as a timestamp.
    pub fn timestamp(&self) -> String {
        self.timestamp_at(self.now())
    }
}

/// A reading of a clock started at `start`, as Adobe writes `creationDate`
/// (for handlers, which hold the start date but not the clock).
pub fn timestamp_from(start: Date, seconds: i64) -> String {
    let day = start.add_days(seconds.div_euclid(DAY)).unwrap_or(start);
    let in_day = seconds.rem_euclid(DAY);
    let (hour, minute, second) = (in_day / 3600, in_day % 3600 / 60, in_day % 60);
    let time = Timestamp::new(
        day,
        u8::try_from(hour).unwrap_or(0),
        u8::try_from(minute).unwrap_or(0),
        u8::try_from(second).unwrap_or(0),
        0,
    );
    time.map_or_else(|| day.to_string(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advances_and_formats() {
        let clock = Clock::new(Date::new(2024, 2, 28).expect("date"));
        assert_eq!(clock.timestamp(), "2024-02-28T00:00:00Z");
        clock.advance(DAY + 3_661);
        assert_eq!(clock.timestamp(), "2024-02-29T01:01:01Z");
        clock.advance(-5);
        assert_eq!(clock.today().to_string(), "2024-02-29");
    }
}
