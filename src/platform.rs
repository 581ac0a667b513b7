//! What only the browser knows: the clock and fresh ids.

use chrono::{NaiveDate, NaiveTime};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today in the device's time zone: a session is dated where it happens.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

pub fn clock_now() -> NaiveTime {
    let d = js_sys::Date::new_0();
    NaiveTime::from_hms_opt(d.get_hours(), d.get_minutes(), 0).unwrap_or_default()
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A moment (milliseconds since the epoch) as the device's clock showed it.
pub fn local_time(ms: i64) -> chrono::NaiveDateTime {
    let d = js_sys::Date::new(&(ms as f64).into());
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), 0))
        .unwrap_or_default()
}
