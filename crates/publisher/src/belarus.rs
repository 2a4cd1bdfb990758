//! Where and when the content is: the country's bounds, which every event
//! venue and site must fall within, and Minsk's clock, on which the build
//! date, event times and calendars are read.

/// Minsk's offset from UTC, all year since 2011 (the contract's, which the
/// app reads too).
pub const MINSK_OFFSET_MINUTES: i16 = portal_contract::events::EVENT_ZONE_OFFSET_MINUTES;

/// Latitude and longitude bounds of Belarus, with a little margin.
pub const BELARUS_LAT: (f64, f64) = (51.2, 56.2);
pub const BELARUS_LON: (f64, f64) = (23.1, 32.8);
