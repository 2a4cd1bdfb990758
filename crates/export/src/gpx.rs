//! GPX 1.1 (topografix.com/GPX/1/1): one waypoint per place, with its name,
//! description and a link back to its page.

use crate::xml::escape;
use crate::{degrees, Place};

/// A GPX document named `title`; places off the Earth are left out.
pub fn gpx(title: &str, places: &[Place<'_>]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gpx version=\"1.1\" creator=\"Portal\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n",
    );
    out.push_str(&format!(
        "  <metadata><name>{}</name></metadata>\n",
        escape(title)
    ));
    for place in places.iter().filter(|place| place.is_on_earth()) {
        out.push_str(&format!(
            "  <wpt lat=\"{}\" lon=\"{}\">\n    <name>{}</name>\n    <desc>{}</desc>\n    <link href=\"{}\"><text>{}</text></link>\n  </wpt>\n",
            degrees(place.lat),
            degrees(place.lon),
            escape(place.name),
            escape(place.description),
            escape(place.url),
            escape(place.name),
        ));
    }
    out.push_str("</gpx>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "http://www.topografix.com/GPX/1/1";

    fn place<'a>(name: &'a str, lat: f64, lon: f64) -> Place<'a> {
        Place {
            name,
            description: "A castle & a park <1563>",
            lat,
            lon,
            url: "https://portal.example.by/en/guide/mir-castle-complex?x=1&y=2",
        }
    }

    #[test]
    fn waypoints_carry_name_description_coordinates_and_link() {
        let text = gpx(
            "Saved places — Portal",
            &[
                place("Мірскі замак", 53.4513, 26.4728),
                place("Khatyn", 54.3347, 27.9441),
            ],
        );
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some(NS));
        assert_eq!(root.attribute("version"), Some("1.1"));
        let waypoints: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name((NS, "wpt")))
            .collect();
        assert_eq!(waypoints.len(), 2);
        let first = waypoints[0];
        assert_eq!(first.attribute("lat"), Some("53.451300"));
        assert_eq!(first.attribute("lon"), Some("26.472800"));
        let child = |name: &str| {
            first
                .children()
                .find(|n| n.has_tag_name((NS, name)))
                .expect(name)
        };
        assert_eq!(child("name").text(), Some("Мірскі замак"));
        assert_eq!(child("desc").text(), Some("A castle & a park <1563>"));
        assert_eq!(
            child("link").attribute("href"),
            Some("https://portal.example.by/en/guide/mir-castle-complex?x=1&y=2")
        );
        let metadata_name = doc
            .descendants()
            .find(|n| n.has_tag_name((NS, "name")))
            .and_then(|n| n.text());
        assert_eq!(metadata_name, Some("Saved places — Portal"));
    }

    #[test]
    fn places_off_the_earth_are_left_out() {
        let text = gpx(
            "x",
            &[
                place("nan", f64::NAN, 27.0),
                place("far", 91.0, 27.0),
                place("ok", 53.9, 27.56),
            ],
        );
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let names: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name((NS, "wpt")))
            .filter_map(|wpt| wpt.children().find(|n| n.has_tag_name((NS, "name"))))
            .filter_map(|name| name.text())
            .collect();
        assert_eq!(names, ["ok"]);
    }

    #[test]
    fn an_empty_list_is_still_a_valid_file() {
        let text = gpx("Nothing", &[]);
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        assert_eq!(doc.root_element().tag_name().name(), "gpx");
    }
}
