//! The reader's clock and calendar conventions, read from the browser:
//! today's date, their UTC offset at an instant, and where their week starts.

use portal_calendar::{Date, WeekStart};
use portal_contract::Lang;

/// Today on the reader's clock.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
    .unwrap_or_else(|| Date::from_days((js_sys::Date::now() / 86_400_000.0) as i64))
}

/// Seconds since the Unix epoch, now.
pub fn now_unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The reader's offset from UTC in minutes (east positive) at an instant.
pub fn reader_offset_minutes(unix_seconds: i64) -> i16 {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        unix_seconds as f64 * 1000.0,
    ));
    // getTimezoneOffset() is minutes *behind* UTC.
    -(at.get_timezone_offset() as i16)
}

/// Monday for ru and be; for English, the convention of the reader's own
/// locale (Sunday in the US, Monday in the UK).
pub fn week_start(lang: Lang) -> WeekStart {
    match lang {
        Lang::Ru | Lang::Be => WeekStart::Monday,
        Lang::En => web_sys::window()
            .and_then(|window| window.navigator().language())
            .map_or(WeekStart::Monday, |tag| WeekStart::for_locale(&tag)),
    }
}
