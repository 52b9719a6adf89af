//! Civil dates and UTC timestamps as the Partner API writes them, without a clock.
//!
//! Adobe sends and accepts dates as `YYYY-MM-DD` (`cotermDate`, `renewalDate`) and
//! datetimes as ISO-8601 UTC, `2019-05-02T22:49:54Z` (Feb-2024 reference, Get Order
//! History: "Dates with timestamp will only be accepted in ISO-8601 format with
//! 'Zulu' (UTC) time zone"). Its published COTERM_DATE pattern accepts impossible
//! dates such as `2026-02-31` (FACTS.md §2.3 item 10), so [`Date::parse`] does the
//! real calendar check and tells a bad format from an impossible date. Proration
//! counts days and knows leap years (FACTS.md §3.4: "Number of days in Leap Year =
//! 366"), hence the day arithmetic here. The core never reads the time: callers
//! pass "today" in.

use crate::input::{FromJson, FromJsonError, Json, text_of};
use crate::{Code, Finding};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The earliest year a four-digit `YYYY` can name in the Gregorian calendar.
const MIN_YEAR: u16 = 1;
/// The latest year a four-digit `YYYY` can name.
const MAX_YEAR: u16 = 9999;
/// Days in a 400-year Gregorian cycle.
const DAYS_PER_400_YEARS: i64 = 146_097;

/// A day of the proleptic Gregorian calendar, years 0001–9999.
///
/// Ordered chronologically; serialized as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date or timestamp could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// The text is not written `YYYY-MM-DD` (or, for a timestamp,
    /// `YYYY-MM-DDTHH:MM:SS[.fff]Z`).
    Format,
    /// The text is well formed but names no calendar day (`2026-02-31`, year 0000).
    NotACalendarDate,
    /// The date is real but the time of day is not (`24:00:00`, `12:60:00`).
    NotATimeOfDay,
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a month of a year; 0 for a month outside 1–12.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists (years 0001–9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid =
            (MIN_YEAR..=MAX_YEAR).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` (ASCII digits only, as Adobe's `\d` in Java; FACTS.md
    /// §2.3 item 5).
    ///
    /// # Errors
    /// [`DateError::Format`] when the text is not `YYYY-MM-DD`;
    /// [`DateError::NotACalendarDate`] when it is, but the day does not exist.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        parse_date_bytes(text.as_bytes())
    }

    /// The year, 1–9999.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// 366 in a leap year, else 365 (the proration divisor, FACTS.md §3.4).
    pub fn days_in_year(self) -> u16 {
        if is_leap_year(self.year) { 366 } else { 365 }
    }

    /// The date `days` days later (earlier when negative), if within 0001–9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(days)?)
    }

    /// The same day `years` years later (earlier when negative); Feb 29 becomes
    /// Feb 28 in a common year. `None` outside 0001–9999.
    pub fn add_years(self, years: i32) -> Option<Date> {
        let year = u16::try_from(i32::from(self.year).checked_add(years)?).ok()?;
        let day = self.day.min(days_in_month(year, self.month));
        Date::new(year, self.month, day)
    }

    /// The same day `months` months later (earlier when negative), clamped to the
    /// end of a shorter month. `None` outside 0001–9999.
    pub fn add_months(self, months: i32) -> Option<Date> {
        let index = i32::from(self.year) * 12 + i32::from(self.month) - 1 + months;
        let year = u16::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// Days from `self` to `later`: positive when `later` is after `self`,
    /// 0 for the same day. 2022-03-10 to 2023-03-10 is 365 (FACTS.md §3.4).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Days since 0001-01-01 (which is day 0).
    fn day_number(self) -> i64 {
        days_before_year(self.year) + days_before_month(self.year, self.month) + i64::from(self.day)
            - 1
    }

    /// The date of a day number, if within 0001–9999.
    fn from_day_number(number: i64) -> Option<Date> {
        let year = year_of_day_number(number)?;
        let mut rest = number - days_before_year(year);
        let mut month = 1;
        while rest >= i64::from(days_in_month(year, month)) {
            rest -= i64::from(days_in_month(year, month));
            month += 1;
        }
        Date::new(year, month, u8::try_from(rest + 1).ok()?)
    }
}

/// Days from 0001-01-01 to January 1st of `year`.
fn days_before_year(year: u16) -> i64 {
    let past = i64::from(year) - 1;
    365 * past + past / 4 - past / 100 + past / 400
}

/// Days from January 1st to the first of `month` in `year`.
fn days_before_month(year: u16, month: u8) -> i64 {
    (1..month).map(|m| i64::from(days_in_month(year, m))).sum()
}

/// The year holding a day number, if within 0001–9999.
fn year_of_day_number(number: i64) -> Option<u16> {
    if number < 0 || number >= days_before_year(MAX_YEAR) + 365 {
        return None;
    }
    let estimate = number * 400 / DAYS_PER_400_YEARS + 1;
    let mut year = u16::try_from(estimate).ok()?.clamp(MIN_YEAR, MAX_YEAR);
    while days_before_year(year) > number {
        year -= 1;
    }
    while year < MAX_YEAR && days_before_year(year + 1) <= number {
        year += 1;
    }
    Some(year)
}

/// The value of a run of ASCII digits; `None` if empty or any byte is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0u32, |value, &b| {
        b.is_ascii_digit().then(|| value * 10 + u32::from(b - b'0'))
    })
}

/// A fixed-width number field of `bytes` at `range`, as `T`.
fn field<T: TryFrom<u32>>(bytes: &[u8], range: std::ops::Range<usize>) -> Result<T, DateError> {
    let value = bytes.get(range).and_then(digits).ok_or(DateError::Format)?;
    T::try_from(value).map_err(|_| DateError::Format)
}

/// Reads exactly `YYYY-MM-DD`. A month outside 01–12 or a day outside 01–31 is a
/// format error, as in Adobe's COTERM_DATE pattern (FACTS.md §2.1); a day the
/// month does not have (`02-31`) is not a calendar date (§2.3 item 10).
fn parse_date_bytes(bytes: &[u8]) -> Result<Date, DateError> {
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(DateError::Format);
    }
    let (year, month, day) = (
        field(bytes, 0..4)?,
        field(bytes, 5..7)?,
        field(bytes, 8..10)?,
    );
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(DateError::Format);
    }
    Date::new(year, month, day).ok_or(DateError::NotACalendarDate)
}

impl DateError {
    /// The finding for a date field (`cotermDate`, a `YYYY-MM-DD` query date).
    pub fn finding(self) -> Finding {
        match self {
            DateError::Format => {
                Finding::new(Code::DateInvalidFormat).with("expected", "YYYY-MM-DD")
            }
            DateError::NotACalendarDate => Finding::new(Code::DateNotACalendarDate),
            DateError::NotATimeOfDay => Finding::new(Code::DateTimeInvalidFormat),
        }
    }

    /// The finding for a query date that may be a date or a timestamp
    /// (`start-date`, `end-date` of Get Order History).
    pub fn date_time_finding(self) -> Finding {
        match self {
            DateError::NotACalendarDate => Finding::new(Code::DateNotACalendarDate),
            DateError::Format | DateError::NotATimeOfDay => {
                Finding::new(Code::DateTimeInvalidFormat)
            }
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Format => "not written YYYY-MM-DD",
            DateError::NotACalendarDate => "not a calendar date",
            DateError::NotATimeOfDay => "not a time of day",
        })
    }
}

impl std::error::Error for DateError {}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Date::parse(text)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl crate::output::ToJson for Date {
    fn write_json(&self, out: &mut String) {
        crate::output::write_str(out, &self.to_string());
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// An instant in UTC, as Adobe writes `creationDate` and accepts the order-history
/// `start-date` / `end-date` (Feb-2024 reference, Get Order History):
/// `YYYY-MM-DDTHH:MM:SSZ`, optionally with a fraction of a second (`.sss`, 1–9
/// digits). Only the `Z` (Zulu) zone is accepted, as Adobe requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
}

impl Timestamp {
    /// Reads `YYYY-MM-DDTHH:MM:SS[.f…]Z`.
    ///
    /// # Errors
    /// [`DateError::Format`] when the text is not in that shape (another zone,
    /// no `Z`, lower-case `t`/`z`); [`DateError::NotACalendarDate`] for an
    /// impossible day; [`DateError::NotATimeOfDay`] for an impossible time.
    pub fn parse(text: &str) -> Result<Timestamp, DateError> {
        let bytes = text.as_bytes();
        let body = bytes.strip_suffix(b"Z").ok_or(DateError::Format)?;
        let (whole, fraction) = split_fraction(body)?;
        if whole.len() != 19 || whole[10] != b'T' || whole[13] != b':' || whole[16] != b':' {
            return Err(DateError::Format);
        }
        let date = parse_date_bytes(&whole[..10])?;
        let (hour, minute, second) = (
            field(whole, 11..13)?,
            field(whole, 14..16)?,
            field(whole, 17..19)?,
        );
        Timestamp::new(date, hour, minute, second, nanoseconds(fraction)?)
            .ok_or(DateError::NotATimeOfDay)
    }

    /// Reads a query date the way Get Order History does: a `YYYY-MM-DD` date is
    /// "evaluated to midnight UTC", anything longer must be a [`Timestamp`].
    ///
    /// # Errors
    /// As [`Date::parse`] and [`Timestamp::parse`].
    pub fn parse_date_or_timestamp(text: &str) -> Result<Timestamp, DateError> {
        if text.len() == 10 {
            Date::parse(text).map(Timestamp::midnight)
        } else {
            Timestamp::parse(text)
        }
    }

    /// The instant, if the time of day exists (no leap second: Adobe writes 00–59).
    pub fn new(date: Date, hour: u8, minute: u8, second: u8, nanosecond: u32) -> Option<Self> {
        let valid = hour < 24 && minute < 60 && second < 60 && nanosecond < 1_000_000_000;
        valid.then_some(Timestamp {
            date,
            hour,
            minute,
            second,
            nanosecond,
        })
    }

    /// Midnight UTC at the start of `date`.
    pub fn midnight(date: Date) -> Timestamp {
        Timestamp {
            date,
            hour: 0,
            minute: 0,
            second: 0,
            nanosecond: 0,
        }
    }

    /// The UTC calendar day.
    pub fn date(self) -> Date {
        self.date
    }

    /// Hour, minute and second of the day.
    pub fn time(self) -> (u8, u8, u8) {
        (self.hour, self.minute, self.second)
    }

    /// The fraction of the second, in nanoseconds.
    pub fn nanosecond(self) -> u32 {
        self.nanosecond
    }
}

/// Splits `…SS.fff` into the whole seconds part and the fraction digits.
fn split_fraction(body: &[u8]) -> Result<(&[u8], &[u8]), DateError> {
    match body.iter().position(|&b| b == b'.') {
        Some(dot) if dot + 1 < body.len() => Ok((&body[..dot], &body[dot + 1..])),
        Some(_) => Err(DateError::Format),
        None => Ok((body, &[])),
    }
}

/// The nanoseconds of 0–9 fraction digits.
fn nanoseconds(fraction: &[u8]) -> Result<u32, DateError> {
    if fraction.is_empty() {
        return Ok(0);
    }
    let value = digits(fraction).ok_or(DateError::Format)?;
    let scale = 10u32.pow(9 - u32::try_from(fraction.len()).map_err(|_| DateError::Format)?);
    Ok(value * scale)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date, self.hour, self.minute, self.second
        )?;
        if self.nanosecond != 0 {
            let fraction = format!("{:09}", self.nanosecond);
            write!(f, ".{}", fraction.trim_end_matches('0'))?;
        }
        f.write_str("Z")
    }
}

impl FromStr for Timestamp {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Timestamp::parse(text)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl crate::output::ToJson for Timestamp {
    fn write_json(&self, out: &mut String) {
        crate::output::write_str(out, &self.to_string());
    }
}

impl FromJson for Date {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        Date::parse(text_of(json)?).map_err(FromJsonError::custom)
    }
}

impl FromJson for Timestamp {
    fn from_json(json: &Json<'_>) -> Result<Self, FromJsonError> {
        Timestamp::parse(text_of(json)?).map_err(FromJsonError::custom)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("valid date")
    }

    #[test]
    fn parses_and_prints_dates() {
        let d = date("2026-02-28");
        assert_eq!((d.year(), d.month(), d.day()), (2026, 2, 28));
        assert_eq!(d.to_string(), "2026-02-28");
        assert_eq!(date("0001-01-01").to_string(), "0001-01-01");
    }

    #[test]
    fn tells_bad_format_from_impossible_dates() {
        for bad in [
            "",
            "2026-2-28",
            "2026/02/28",
            "20260228",
            "2026-02-28 ",
            "+026-02-28",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad:?}");
        }
        assert_eq!(Date::parse("２０２６-02-28"), Err(DateError::Format));
        assert_eq!(Date::parse("2026-0٣-28"), Err(DateError::Format));
        for impossible in ["2026-02-31", "2026-02-29", "2026-04-31", "0000-01-01"] {
            assert_eq!(
                Date::parse(impossible),
                Err(DateError::NotACalendarDate),
                "{impossible}"
            );
        }
    }

    #[test]
    fn months_and_days_outside_the_pattern_are_format_errors() {
        for shape in ["2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32"] {
            assert_eq!(Date::parse(shape), Err(DateError::Format), "{shape}");
        }
    }

    #[test]
    fn add_months_clamps_to_the_month_end() {
        let date = |text| Date::parse(text).expect("date");
        assert_eq!(date("2026-01-31").add_months(1), Some(date("2026-02-28")));
        assert_eq!(date("2026-11-23").add_months(23), Some(date("2028-10-23")));
        assert_eq!(date("2026-03-15").add_months(-3), Some(date("2025-12-15")));
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024) && is_leap_year(2000) && !is_leap_year(1900));
        assert!(!is_leap_year(2026));
        assert_eq!(date("2028-02-29").days_in_year(), 366);
        assert_eq!(date("2026-06-01").days_in_year(), 365);
        assert_eq!(Date::parse("2100-02-29"), Err(DateError::NotACalendarDate));
    }

    #[test]
    fn orders_chronologically() {
        assert!(date("2025-12-31") < date("2026-01-01"));
        assert!(date("2026-01-31") < date("2026-02-01"));
        assert!(date("2026-02-01") < date("2026-02-02"));
    }

    #[test]
    fn adds_days_across_months_and_years() {
        assert_eq!(date("2026-02-28").add_days(1), Some(date("2026-03-01")));
        assert_eq!(date("2024-02-28").add_days(1), Some(date("2024-02-29")));
        assert_eq!(date("2025-12-31").add_days(1), Some(date("2026-01-01")));
        assert_eq!(date("2026-01-01").add_days(-1), Some(date("2025-12-31")));
        assert_eq!(date("2026-03-10").add_days(365), Some(date("2027-03-10")));
        assert_eq!(date("9999-12-31").add_days(1), None);
        assert_eq!(date("0001-01-01").add_days(-1), None);
        assert_eq!(date("2026-01-01").add_days(i64::MAX), None);
    }

    #[test]
    fn adds_years_clamping_february_29() {
        assert_eq!(date("2024-02-29").add_years(1), Some(date("2025-02-28")));
        assert_eq!(date("2024-02-29").add_years(4), Some(date("2028-02-29")));
        assert_eq!(date("2026-03-10").add_years(-1), Some(date("2025-03-10")));
        assert_eq!(date("9999-01-01").add_years(1), None);
    }

    #[test]
    fn counts_days_between_dates() {
        // FACTS.md §3.4 worked cases: a full term and an add-on on 2022-07-25.
        assert_eq!(date("2022-03-10").days_until(date("2023-03-10")), 365);
        assert_eq!(date("2022-07-25").days_until(date("2023-03-10")), 228);
        assert_eq!(date("2023-03-10").days_until(date("2022-03-10")), -365);
        assert_eq!(date("2024-01-01").days_until(date("2025-01-01")), 366);
        assert_eq!(date("0001-01-01").days_until(date("9999-12-31")), 3_652_058);
    }

    #[test]
    fn serde_uses_yyyy_mm_dd() {
        let json = serde_json::to_string(&date("2026-08-13")).expect("serializes");
        assert_eq!(json, "\"2026-08-13\"");
        let back: Date = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, date("2026-08-13"));
        assert!(serde_json::from_str::<Date>("\"2026-02-31\"").is_err());
        assert!(serde_json::from_str::<Date>("20260213").is_err());
    }

    #[test]
    fn date_errors_map_to_codes() {
        assert_eq!(DateError::Format.finding().code, Code::DateInvalidFormat);
        assert_eq!(
            DateError::NotACalendarDate.finding().code,
            Code::DateNotACalendarDate
        );
        assert_eq!(
            DateError::Format.date_time_finding().code,
            Code::DateTimeInvalidFormat
        );
    }

    #[test]
    fn parses_zulu_timestamps() {
        let t = Timestamp::parse("2019-05-02T22:49:54Z").expect("Adobe's example");
        assert_eq!(
            (t.date(), t.time(), t.nanosecond()),
            (date("2019-05-02"), (22, 49, 54), 0)
        );
        assert_eq!(t.to_string(), "2019-05-02T22:49:54Z");
        let ms = Timestamp::parse("2019-05-02T22:49:54.123Z").expect("milliseconds");
        assert_eq!(ms.nanosecond(), 123_000_000);
        assert_eq!(ms.to_string(), "2019-05-02T22:49:54.123Z");
        assert!(t < ms);
    }

    #[test]
    fn rejects_other_zones_and_shapes() {
        for bad in [
            "2019-05-02T22:49:54",
            "2019-05-02T22:49:54+00:00",
            "2019-05-02T22:49:54z",
            "2019-05-02t22:49:54Z",
            "2019-05-02 22:49:54Z",
            "2019-05-02T22:49Z",
            "2019-05-02T22:49:54.Z",
            "2019-05-02T22:49:54.1234567890Z",
            "Z",
        ] {
            assert_eq!(Timestamp::parse(bad), Err(DateError::Format), "{bad}");
        }
        assert_eq!(
            Timestamp::parse("2019-02-30T00:00:00Z"),
            Err(DateError::NotACalendarDate)
        );
        assert_eq!(
            Timestamp::parse("2019-05-02T24:00:00Z"),
            Err(DateError::NotATimeOfDay)
        );
        assert_eq!(
            Timestamp::parse("2019-05-02T23:59:60Z"),
            Err(DateError::NotATimeOfDay)
        );
    }

    #[test]
    fn query_dates_default_to_midnight_utc() {
        let midnight = Timestamp::parse_date_or_timestamp("2019-05-02").expect("date");
        assert_eq!(
            midnight,
            Timestamp::parse("2019-05-02T00:00:00Z").expect("timestamp")
        );
        assert!(Timestamp::parse_date_or_timestamp("2019-05-02T22:49:54Z").is_ok());
        assert_eq!(
            Timestamp::parse_date_or_timestamp("yesterday"),
            Err(DateError::Format)
        );
    }

    #[test]
    fn timestamp_serde_round_trips() {
        let t = Timestamp::parse("2019-05-02T22:49:54.5Z").expect("valid");
        let json = serde_json::to_string(&t).expect("serializes");
        assert_eq!(json, "\"2019-05-02T22:49:54.5Z\"");
        assert_eq!(
            serde_json::from_str::<Timestamp>(&json).expect("deserializes"),
            t
        );
    }

    proptest! {
        #[test]
        fn parsing_never_panics(text in "\\PC{0,40}") {
            let _ = Date::parse(&text);
            let _ = Timestamp::parse_date_or_timestamp(&text);
        }

        #[test]
        fn day_arithmetic_round_trips(days in 0i64..3_652_059, step in -800i64..800) {
            let start = date("0001-01-01").add_days(days).expect("in range");
            prop_assert_eq!(Date::parse(&start.to_string()), Ok(start));
            if let Some(moved) = start.add_days(step) {
                prop_assert_eq!(start.days_until(moved), step);
            }
        }
    }
}
