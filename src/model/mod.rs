//! The clinician's world as plain data: clients, their courses of treatment and
//! sessions. Nothing in here touches the browser, so all of it is tested natively.

mod client;
mod clinician;
mod session;

pub mod homework;
pub mod import;
pub mod note;
pub mod ratings;
pub mod sample;
pub mod suggest;
pub mod tags;
pub mod timeline;
pub mod transcript;

pub use client::{Client, Course};
pub use clinician::{Clinician, DeviceSettings};
pub use session::{Modality, Session};

use std::fmt;

/// A fixed set of options the clinician picks from (a note format, a risk
/// level, a homework decision…): stable keys for storage and form controls,
/// and words for people. Lets one view serve every such list.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// For option types whose inherent `ALL`, `key` and `label` already exist.
macro_rules! impl_choice {
    ($($t:ty),+) => {$(
        impl Choice for $t {
            const ALL: &'static [Self] = &<$t>::ALL;
            fn key(self) -> &'static str {
                <$t>::key(self)
            }
            fn label(self) -> &'static str {
                <$t>::label(self)
            }
        }
    )+};
}
pub(crate) use impl_choice;

impl_choice!(
    note::NoteFormat,
    ratings::RiskLevel,
    timeline::EntryKind,
    session::Modality
);

/// Input a clinician can fix, each with a message that says how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    EmptyName,
    PlannedBelowOne,
    NotANumber(&'static str),
    EndBeforeStart,
    BadDate,
    BadTime(&'static str),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyName => f.write_str("Enter a name or a client code."),
            Self::PlannedBelowOne => f.write_str("Planned sessions must be at least 1."),
            Self::NotANumber(what) => write!(f, "{what} must be a whole number."),
            Self::EndBeforeStart => f.write_str("The end time is before the start time."),
            Self::BadDate => f.write_str("Enter the date as YYYY-MM-DD."),
            Self::BadTime(what) => write!(f, "Enter the {what} time as hh:mm."),
        }
    }
}

impl std::error::Error for InputError {}

/// A trimmed, non-empty name or client code.
pub fn parse_name(input: &str) -> Result<String, InputError> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(InputError::EmptyName)
    } else {
        Ok(name)
    }
}

/// Planned number of sessions in a course: a whole number, at least 1.
pub fn parse_planned(input: &str) -> Result<u32, InputError> {
    let n: i64 = input
        .trim()
        .parse()
        .map_err(|_| InputError::NotANumber("Planned sessions"))?;
    if n < 1 {
        return Err(InputError::PlannedBelowOne);
    }
    u32::try_from(n).map_err(|_| InputError::NotANumber("Planned sessions"))
}

// Dates and times are read and written by hand: chrono's strftime parser and
// formatter cost about 1.5 KB gzip of wasm for these three fixed patterns.

/// 1 to `max` ASCII digits.
fn digits(s: &str, max: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `yyyy-mm-dd` as browsers' date inputs send it.
pub fn parse_date(input: &str) -> Result<chrono::NaiveDate, InputError> {
    let mut parts = input.trim().split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d), None) => digits(y, 6)
            .and_then(|y| chrono::NaiveDate::from_ymd_opt(y as i32, digits(m, 2)?, digits(d, 2)?)),
        _ => None,
    }
    .ok_or(InputError::BadDate)
}

/// `hh:mm` as browsers' time inputs send it; an empty field means "not set".
pub fn parse_time(
    input: &str,
    what: &'static str,
) -> Result<Option<chrono::NaiveTime>, InputError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    input
        .split_once(':')
        .and_then(|(h, m)| chrono::NaiveTime::from_hms_opt(digits(h, 2)?, digits(m, 2)?, 0))
        .map(Some)
        .ok_or(InputError::BadTime(what))
}

/// How dates read on screen: "31 Jul 2025".
pub fn format_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_must_not_be_empty() {
        assert_eq!(parse_name("  Alex   K. ").unwrap(), "Alex K.");
        assert_eq!(parse_name(" \t "), Err(InputError::EmptyName));
        assert_eq!(
            InputError::EmptyName.to_string(),
            "Enter a name or a client code."
        );
    }

    #[test]
    fn planned_sessions_must_be_a_whole_number_of_at_least_one() {
        assert_eq!(parse_planned(" 24 "), Ok(24));
        assert_eq!(parse_planned("1"), Ok(1));
        assert_eq!(parse_planned("0"), Err(InputError::PlannedBelowOne));
        assert_eq!(parse_planned("-3"), Err(InputError::PlannedBelowOne));
        assert_eq!(
            parse_planned("twelve"),
            Err(InputError::NotANumber("Planned sessions"))
        );
        assert_eq!(
            parse_planned("2.5").unwrap_err().to_string(),
            "Planned sessions must be a whole number."
        );
    }

    #[test]
    fn dates_and_times_parse_from_form_values() {
        assert_eq!(
            parse_date("2025-07-31"),
            Ok(chrono::NaiveDate::from_ymd_opt(2025, 7, 31).unwrap())
        );
        assert_eq!(
            parse_date(" 2025-7-3 "),
            Ok(chrono::NaiveDate::from_ymd_opt(2025, 7, 3).unwrap())
        );
        for bad in [
            "31/07/2025",
            "2025-02-30",
            "2025-07",
            "2025-07-31-1",
            "2025--07",
            "2025-07-3x",
            "",
        ] {
            assert_eq!(parse_date(bad), Err(InputError::BadDate), "{bad}");
        }
        assert_eq!(
            parse_time("10:31", "end"),
            Ok(chrono::NaiveTime::from_hms_opt(10, 31, 0))
        );
        assert_eq!(parse_time("", "end"), Ok(None));
        for bad in ["10", "10:3x", "10:31:00", ":31", "10:60", "+1:00"] {
            assert_eq!(
                parse_time(bad, "end"),
                Err(InputError::BadTime("end")),
                "{bad}"
            );
        }
        assert_eq!(
            parse_time("25:00", "end").unwrap_err().to_string(),
            "Enter the end time as hh:mm."
        );
        assert_eq!(
            format_date(chrono::NaiveDate::from_ymd_opt(2025, 7, 3).unwrap()),
            "3 Jul 2025"
        );
        assert_eq!(
            format_date(chrono::NaiveDate::from_ymd_opt(2024, 12, 25).unwrap()),
            "25 Dec 2024"
        );
    }
}
