//! Files a reader takes along: the places of a list as GPX (OsmAnd, Organic
//! Maps, GPS units) and KML (Google My Maps, Organic Maps, Google Earth), and
//! the XML escaping they share with the publisher's RSS feeds. Saved events
//! go out as iCalendar through `portal_calendar::ics`.

pub mod gpx;
pub mod kml;
pub mod xml;

/// One place to take along.
#[derive(Debug, Clone, PartialEq)]
pub struct Place<'a> {
    pub name: &'a str,
    /// A sentence or two, in the reader's language.
    pub description: &'a str,
    /// WGS 84 degrees.
    pub lat: f64,
    pub lon: f64,
    /// The place's page on the portal, absolute, so the maps app links back.
    pub url: &'a str,
}

impl Place<'_> {
    /// Whether the coordinates are a point on Earth; a file never carries
    /// one that is not (a maps app would refuse the whole file).
    pub fn is_on_earth(&self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lon)
    }
}

/// Six decimals: about 0.1 m, more than any venue needs.
fn degrees(value: f64) -> String {
    format!("{value:.6}")
}
