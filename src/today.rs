//! Today's date as the browser's clock and time zone give it: the app's side of "core
//! never reads the clock". The planner and the matrix word the dated facts for it.

use smarthost_core::date::Date;

/// The browser's local date; 1970-01-01 if the clock gives something impossible, which
/// only makes every dated fact read as passed.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = now.get_full_year() as i32;
    let month = now.get_month() as u8 + 1;
    let day = now.get_date() as u8;
    Date::new(year, month, day).unwrap_or_else(|| Date::from_days_since_epoch(0))
}
