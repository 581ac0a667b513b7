//! Dates, times of day, lengths of time and "3 days ago": the one place that
//! reads them from form fields and writes them for the screen, notes and files.
//!
//! Written by hand: chrono's strftime parser and formatter cost about 1.5 KB
//! gzip of wasm for these few fixed patterns.

use super::input::InputError;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// A day in milliseconds, the unit of "3 days ago".
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// 1 to `max` ASCII digits.
fn digits(s: &str, max: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `yyyy-mm-dd` as browsers' date inputs send it.
pub fn parse_date(input: &str) -> Result<NaiveDate, InputError> {
    let mut parts = input.trim().split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d), None) => digits(y, 6)
            .and_then(|y| NaiveDate::from_ymd_opt(y as i32, digits(m, 2)?, digits(d, 2)?)),
        _ => None,
    }
    .ok_or(InputError::BadDate)
}

/// `yyyy-mm-dd`, the value a date input shows.
pub fn date_field_value(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A 24-hour `hh:mm` as browsers' time inputs send it, or typed where a
/// browser shows a plain text field: `9:05` and `9:5` read as 09:05. An empty
/// field means "not set"; anything else, 24:00 included, is refused.
pub fn parse_time(input: &str) -> Result<Option<NaiveTime>, InputError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    input
        .split_once(':')
        .and_then(|(h, m)| NaiveTime::from_hms_opt(digits(h, 2)?, digits(m, 2)?, 0))
        .map(Some)
        .ok_or(InputError::BadTime)
}

/// A time of day as the app writes it everywhere: zero-padded `hh:mm`, the
/// seconds dropped. Also the value a time input shows.
pub fn format_time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// " at 10:05" after what was said at a transcript's time mark, or nothing
/// where the transcript has no times.
pub fn said_at(mark: Option<NaiveTime>) -> String {
    mark.map(|m| format!(" at {}", format_time(m)))
        .unwrap_or_default()
}

/// "10:00–10:50", or just "10:00" while the end is not known; `None` without a start.
pub fn format_time_range(start: Option<NaiveTime>, end: Option<NaiveTime>) -> Option<String> {
    let start = format_time(start?);
    Some(match end {
        Some(end) => format!("{start}–{}", format_time(end)),
        None => start,
    })
}

/// How dates read on screen: "31 Jul 2025".
pub fn format_date(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

/// "26 Nov 2026, 09:05".
pub fn format_moment(at: NaiveDateTime) -> String {
    format!("{}, {}", format_date(at.date()), format_time(at.time()))
}

/// A length of time in whole minutes: "50 min", "1 h 15 min", "2 h". A
/// negative length (an end before its start) reads as none.
pub fn format_duration(minutes: i64) -> String {
    sixties(minutes, "h", "min")
}

/// A short wait in whole seconds: "40 s", "1 min", "5 min 20 s". A negative
/// wait reads as none.
pub fn format_seconds(seconds: i64) -> String {
    sixties(seconds, "min", "s")
}

/// `amount` of `small` units, sixty to each `big` one, in both where both count.
fn sixties(amount: i64, big: &str, small: &str) -> String {
    match (amount.max(0) / 60, amount.max(0) % 60) {
        (0, n) => format!("{n} {small}"),
        (n, 0) => format!("{n} {big}"),
        (n, m) => format!("{n} {big} {m} {small}"),
    }
}

/// How long ago `at` was, in whole days before `now` (both milliseconds since
/// the Unix epoch): "today" under a day, then "yesterday", then "3 days ago".
/// A moment after `now` (another device's clock) reads as today.
pub fn days_ago(at: i64, now: i64) -> String {
    match (now - at).max(0) / DAY_MS {
        0 => "today".into(),
        1 => "yesterday".into(),
        days => format!("{days} days ago"),
    }
}

/// "2026-11-26T09:30:00Z" for a moment in milliseconds since the Unix epoch.
pub fn utc_timestamp(ms: i64) -> String {
    let at = chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default();
    format!(
        "{}T{}:{:02}Z",
        date_field_value(at.date_naive()),
        format_time(at.time()),
        at.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_date_field_reads_year_month_and_day_and_refuses_anything_else() {
        assert_eq!(parse_date("2025-07-31"), Ok(d(2025, 7, 31)));
        assert_eq!(parse_date(" 2024-02-29 "), Ok(d(2024, 2, 29)));
        for bad in [
            "",
            "31/07/2025",
            "2025-02-30",
            "2025-7",
            "2025-07-31-1",
            "2025-0a-01",
            "July 31",
        ] {
            assert_eq!(parse_date(bad), Err(InputError::BadDate), "{bad:?}");
        }
        assert_eq!(
            InputError::BadDate.to_string(),
            "Enter the date as YYYY-MM-DD."
        );
    }

    #[test]
    fn a_date_field_shows_the_date_zero_padded() {
        assert_eq!(date_field_value(d(2025, 7, 3)), "2025-07-03");
        assert_eq!(
            parse_date(&date_field_value(d(987, 12, 31))),
            Ok(d(987, 12, 31))
        );
    }

    #[test]
    fn a_time_field_reads_hours_and_minutes_from_midnight_to_a_minute_before() {
        assert_eq!(parse_time("00:00"), Ok(Some(t(0, 0))));
        assert_eq!(parse_time(" 0:00 "), Ok(Some(t(0, 0))));
        assert_eq!(parse_time("09:05"), Ok(Some(t(9, 5))));
        assert_eq!(parse_time("9:05"), Ok(Some(t(9, 5))));
        assert_eq!(parse_time("21:30"), Ok(Some(t(21, 30))));
        assert_eq!(parse_time("23:59"), Ok(Some(t(23, 59))));
    }

    #[test]
    fn a_single_digit_of_minutes_reads_as_that_many_minutes() {
        assert_eq!(parse_time("9:5"), Ok(Some(t(9, 5))));
        assert_eq!(parse_time("10:0"), Ok(Some(t(10, 0))));
    }

    #[test]
    fn an_empty_time_field_means_not_set() {
        assert_eq!(parse_time(""), Ok(None));
        assert_eq!(parse_time("  "), Ok(None));
    }

    #[test]
    fn midnight_at_the_end_of_the_day_and_other_impossible_times_are_refused() {
        for bad in [
            "24:00", "12:60", "9", "009:05", "9:005", "9:05:00", "-1:05", "+9:05", "ab:cd", "9h05",
            "9:05pm", ":05", "9:",
        ] {
            assert_eq!(parse_time(bad), Err(InputError::BadTime), "{bad:?}");
        }
        assert_eq!(
            parse_time("25:00").unwrap_err().to_string(),
            "Enter the time as hh:mm, like 09:05."
        );
    }

    #[test]
    fn a_time_is_written_as_zero_padded_hours_and_minutes() {
        assert_eq!(format_time(t(0, 0)), "00:00");
        assert_eq!(format_time(t(9, 5)), "09:05");
        assert_eq!(format_time(t(23, 59)), "23:59");
        assert_eq!(
            format_time(NaiveTime::from_hms_opt(7, 3, 59).unwrap()),
            "07:03"
        );
        for typed in ["00:00", "09:05", "23:59"] {
            let read = parse_time(typed).unwrap().unwrap();
            assert_eq!(format_time(read), typed);
        }
    }

    #[test]
    fn what_was_said_at_a_time_mark_says_when_and_without_one_says_nothing() {
        assert_eq!(said_at(Some(t(9, 5))), " at 09:05");
        assert_eq!(said_at(None), "");
    }

    #[test]
    fn a_time_range_reads_start_to_end_and_needs_a_start() {
        assert_eq!(
            format_time_range(Some(t(10, 0)), Some(t(10, 50))).as_deref(),
            Some("10:00–10:50")
        );
        assert_eq!(
            format_time_range(Some(t(9, 5)), None).as_deref(),
            Some("09:05")
        );
        assert_eq!(format_time_range(None, Some(t(10, 50))), None);
        assert_eq!(format_time_range(None, None), None);
    }

    #[test]
    fn a_date_reads_day_short_month_and_year() {
        assert_eq!(format_date(d(2025, 7, 3)), "3 Jul 2025");
        assert_eq!(format_date(d(2025, 12, 31)), "31 Dec 2025");
        assert_eq!(format_date(d(2026, 1, 1)), "1 Jan 2026");
    }

    #[test]
    fn a_moment_reads_its_date_then_its_time() {
        assert_eq!(
            format_moment(d(2026, 11, 26).and_time(t(9, 5))),
            "26 Nov 2026, 09:05"
        );
        assert_eq!(
            format_moment(d(2026, 11, 26).and_time(t(0, 0))),
            "26 Nov 2026, 00:00"
        );
    }

    #[test]
    fn a_length_reads_in_minutes_under_an_hour_and_in_hours_and_minutes_over() {
        assert_eq!(format_duration(0), "0 min");
        assert_eq!(format_duration(31), "31 min");
        assert_eq!(format_duration(59), "59 min");
        assert_eq!(format_duration(60), "1 h");
        assert_eq!(format_duration(75), "1 h 15 min");
        assert_eq!(format_duration(120), "2 h");
        assert_eq!(format_duration(24 * 60 - 1), "23 h 59 min");
        assert_eq!(format_duration(-5), "0 min");
    }

    #[test]
    fn a_wait_reads_in_seconds_under_a_minute_and_in_minutes_and_seconds_over() {
        assert_eq!(format_seconds(0), "0 s");
        assert_eq!(format_seconds(5), "5 s");
        assert_eq!(format_seconds(59), "59 s");
        assert_eq!(format_seconds(60), "1 min");
        assert_eq!(format_seconds(320), "5 min 20 s");
        assert_eq!(format_seconds(600), "10 min");
        assert_eq!(format_seconds(-1), "0 s");
    }

    #[test]
    fn days_ago_says_today_then_yesterday_then_a_count() {
        const NOW: i64 = 1_764_149_400_000; // 2025-11-26T09:30:00Z
        assert_eq!(days_ago(NOW, NOW), "today");
        assert_eq!(days_ago(NOW - 60_000, NOW), "today");
        assert_eq!(days_ago(NOW - DAY_MS + 1, NOW), "today");
        assert_eq!(days_ago(NOW - DAY_MS, NOW), "yesterday");
        assert_eq!(days_ago(NOW - 2 * DAY_MS + 1, NOW), "yesterday");
        assert_eq!(days_ago(NOW - 2 * DAY_MS, NOW), "2 days ago");
        assert_eq!(days_ago(NOW - 3 * DAY_MS, NOW), "3 days ago");
        assert_eq!(days_ago(NOW - 400 * DAY_MS, NOW), "400 days ago");
        assert_eq!(days_ago(NOW + DAY_MS, NOW), "today");
    }

    #[test]
    fn moments_are_stamped_in_utc() {
        assert_eq!(utc_timestamp(1_764_149_400_000), "2025-11-26T09:30:00Z");
        assert_eq!(utc_timestamp(1_764_149_405_999), "2025-11-26T09:30:05Z");
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
    }
}
