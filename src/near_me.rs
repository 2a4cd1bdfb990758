//! The reader's position for the guide's "near me": asked for only when they
//! press the button, kept in memory for this visit (shared through context,
//! so coming Back to the guide keeps the order), never stored, never put in
//! a URL and never sent anywhere.

use leptos::prelude::*;
use portal_geo::LatLon;

/// The last position the browser gave, if the reader asked for it.
#[derive(Clone, Copy)]
pub struct ReaderPosition(RwSignal<Option<LatLon>>);

impl ReaderPosition {
    pub fn get(&self) -> Option<LatLon> {
        self.0.get()
    }

    pub fn set(&self, position: Option<LatLon>) {
        // The view that asked may be gone by the time the answer comes.
        self.0.try_set(position);
    }
}

/// Call once from the app root.
pub fn provide_reader_position() {
    provide_context(ReaderPosition(RwSignal::new(None)));
}

pub fn use_reader_position() -> ReaderPosition {
    use_context::<ReaderPosition>().unwrap_or_else(|| ReaderPosition(RwSignal::new(None)))
}

/// Why there is no position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocateError {
    /// The reader (or the browser's settings) said no.
    Denied,
    /// No fix, no answer in time, or no geolocation in this browser.
    Unavailable,
}

/// Asks the browser once (a cached fix up to five minutes old will do; no
/// GPS warm-up for a list sorted to the kilometre).
#[cfg(not(feature = "ssr"))]
pub async fn locate() -> Result<LatLon, LocateError> {
    let geolocation = web_sys::window()
        .and_then(|window| window.navigator().geolocation().ok())
        .ok_or(LocateError::Unavailable)?;
    let options = web_sys::PositionOptions::new();
    options.set_timeout(15_000);
    options.set_maximum_age(300_000);
    options.set_enable_high_accuracy(false);
    // The callbacks are the promise's own resolve and reject: nothing to
    // keep alive or forget here.
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let asked = geolocation.get_current_position_with_error_callback_and_options(
            &resolve,
            Some(&reject),
            &options,
        );
        if asked.is_err() {
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    // Read by name: web-sys's GeolocationPosition types are still behind
    // its unstable-API flag.
    let number = |value: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(value, &wasm_bindgen::JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(position) => {
            let coords =
                js_sys::Reflect::get(&position, &wasm_bindgen::JsValue::from_str("coords"))
                    .map_err(|_| LocateError::Unavailable)?;
            match (number(&coords, "latitude"), number(&coords, "longitude")) {
                (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => {
                    Ok(LatLon::new(lat, lon))
                }
                _ => Err(LocateError::Unavailable),
            }
        }
        // GeolocationPositionError.PERMISSION_DENIED is 1.
        Err(error) if number(&error, "code") == Some(1.0) => Err(LocateError::Denied),
        Err(_) => Err(LocateError::Unavailable),
    }
}

/// Prerendering never asks.
#[cfg(feature = "ssr")]
pub async fn locate() -> Result<LatLon, LocateError> {
    Err(LocateError::Unavailable)
}

/// Where distances are measured from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DistanceFrom {
    /// A town the reader picked (its slug; in the URL).
    Town(&'static str),
    /// The reader's position (never in the URL).
    Reader,
}

/// `items` nearest first from `from`, each with its distance in km
/// rounded to 0.1; ties keep the list's order.
pub fn by_distance<T>(items: Vec<T>, from: LatLon, at: impl Fn(&T) -> LatLon) -> Vec<(T, f64)> {
    let points: Vec<LatLon> = items.iter().map(&at).collect();
    let order = portal_geo::nearest(from, &points, None, points.len());
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(index, km)| Some((slots[index].take()?, (km * 10.0).round() / 10.0)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_first_with_rounded_distances() {
        let minsk = LatLon::new(53.9023, 27.5619);
        let places = vec![
            ("brest", LatLon::new(52.0976, 23.7341)),
            ("khatyn", LatLon::new(54.3347, 27.9441)),
            ("mir", LatLon::new(53.4513, 26.4728)),
        ];
        let sorted = by_distance(places, minsk, |(_, at)| *at);
        let names: Vec<&str> = sorted.iter().map(|((name, _), _)| *name).collect();
        assert_eq!(names, ["khatyn", "mir", "brest"]);
        let km = sorted[0].1;
        assert!((54.0..56.0).contains(&km), "{km}");
        assert_eq!(km, (km * 10.0).round() / 10.0);
    }
}
