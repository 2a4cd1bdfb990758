//! The reader's clock and calendar conventions, read from the browser:
//! today's date, their UTC offset at an instant, and where their week starts.
//! While prerendering (`ssr`) the clock is the publish date at noon in Minsk,
//! the content's own time zone, set by [`set_prerender_now`].

#[cfg(not(feature = "ssr"))]
use portal_calendar::{Date, WeekStart};
#[cfg(not(feature = "ssr"))]
use portal_contract::Lang;

/// Today on the reader's clock.
#[cfg(not(feature = "ssr"))]
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
#[cfg(not(feature = "ssr"))]
pub fn now_unix_seconds() -> i64 {
    (now_millis() / 1000.0) as i64
}

/// Milliseconds since the Unix epoch, now (as JavaScript counts them).
#[cfg(not(feature = "ssr"))]
pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// The reader's offset from UTC in minutes (east positive) at an instant.
#[cfg(not(feature = "ssr"))]
pub fn reader_offset_minutes(unix_seconds: i64) -> i16 {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        unix_seconds as f64 * 1000.0,
    ));
    // getTimezoneOffset() is minutes *behind* UTC.
    -(at.get_timezone_offset() as i16)
}

/// Monday for ru and be; for English, the convention of the reader's own
/// locale (Sunday in the US, Monday in the UK).
#[cfg(not(feature = "ssr"))]
pub fn week_start(lang: Lang) -> WeekStart {
    match lang {
        Lang::Ru | Lang::Be => WeekStart::Monday,
        Lang::En => web_sys::window()
            .and_then(|window| window.navigator().language())
            .map_or(WeekStart::Monday, |tag| WeekStart::for_locale(&tag)),
    }
}

#[cfg(feature = "ssr")]
pub use prerender::*;

#[cfg(feature = "ssr")]
mod prerender {
    use std::cell::Cell;

    use portal_calendar::{Date, WeekStart};
    use portal_contract::Lang;

    use portal_contract::events::EVENT_ZONE_OFFSET_MINUTES as MINSK_OFFSET_MINUTES;

    thread_local! {
        static NOW: Cell<i64> = const { Cell::new(0) };
    }

    /// The instant pages are prerendered at (seconds since the epoch).
    pub fn set_prerender_now(unix_seconds: i64) {
        NOW.set(unix_seconds);
    }

    pub fn today() -> Date {
        let local = NOW.get() + i64::from(MINSK_OFFSET_MINUTES) * 60;
        Date::from_days(local.div_euclid(86_400))
    }

    pub fn now_unix_seconds() -> i64 {
        NOW.get()
    }

    pub fn now_millis() -> f64 {
        NOW.get() as f64 * 1000.0
    }

    pub fn reader_offset_minutes(_unix_seconds: i64) -> i16 {
        MINSK_OFFSET_MINUTES
    }

    /// Monday: the convention of every language's home country.
    pub fn week_start(_lang: Lang) -> WeekStart {
        WeekStart::Monday
    }
}
