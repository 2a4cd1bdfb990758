//! KML 2.2 (OGC): one placemark per place. The link back goes both into the
//! description (what Google My Maps and Organic Maps show) and into
//! `ExtendedData` (what a program reads).

use crate::xml::escape;
use crate::{degrees, Place};

/// A KML document named `title`; places off the Earth are left out.
pub fn kml(title: &str, places: &[Place<'_>]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    out.push_str(&format!("  <name>{}</name>\n", escape(title)));
    for place in places.iter().filter(|place| place.is_on_earth()) {
        let description = if place.description.is_empty() {
            place.url.to_owned()
        } else {
            format!("{}\n\n{}", place.description, place.url)
        };
        out.push_str(&format!(
            "  <Placemark>\n    <name>{}</name>\n    <description>{}</description>\n    \
             <ExtendedData><Data name=\"url\"><value>{}</value></Data></ExtendedData>\n    \
             <Point><coordinates>{},{}</coordinates></Point>\n  </Placemark>\n",
            escape(place.name),
            escape(&description),
            escape(place.url),
            // KML writes longitude first.
            degrees(place.lon),
            degrees(place.lat),
        ));
    }
    out.push_str("</Document>\n</kml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "http://www.opengis.net/kml/2.2";

    #[test]
    fn placemarks_carry_name_description_link_and_lon_lat() {
        let places = [Place {
            name: "Brest Fortress \"Hero\"",
            description: "Walls & gates",
            lat: 52.0833,
            lon: 23.6556,
            url: "https://portal.example.by/ru/guide/brest-hero-fortress",
        }];
        let text = kml("Сохранённые места", &places);
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        assert_eq!(doc.root_element().tag_name().namespace(), Some(NS));
        let placemarks: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name((NS, "Placemark")))
            .collect();
        assert_eq!(placemarks.len(), 1);
        let text_of = |name: &str| {
            placemarks[0]
                .descendants()
                .find(|n| n.has_tag_name((NS, name)))
                .and_then(|n| n.text())
        };
        assert_eq!(text_of("name"), Some("Brest Fortress \"Hero\""));
        assert_eq!(
            text_of("description"),
            Some("Walls & gates\n\nhttps://portal.example.by/ru/guide/brest-hero-fortress")
        );
        assert_eq!(
            text_of("value"),
            Some("https://portal.example.by/ru/guide/brest-hero-fortress")
        );
        assert_eq!(text_of("coordinates"), Some("23.655600,52.083300"));
        let document_name = doc
            .descendants()
            .find(|n| n.has_tag_name((NS, "name")))
            .and_then(|n| n.text());
        assert_eq!(document_name, Some("Сохранённые места"));
    }

    #[test]
    fn places_off_the_earth_are_left_out() {
        let bad = Place {
            name: "nowhere",
            description: "",
            lat: 12.0,
            lon: f64::INFINITY,
            url: "https://portal.example.by/",
        };
        let text = kml("x", &[bad]);
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        assert!(!doc.descendants().any(|n| n.has_tag_name((NS, "Placemark"))));
    }
}
