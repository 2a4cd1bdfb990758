//! The shipped region outlines and the map projection together: known
//! places, projected to map pixels, land inside their region's outline.

use portal_geo::{in_ring, LatLon, Projection};
use serde_json::Value;

fn outlines() -> Vec<(String, Vec<Vec<LatLon>>)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/regions.geo.json"
    );
    let value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    value["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|feature| {
            let slug = feature["properties"]["slug"].as_str().unwrap().to_string();
            let geometry = &feature["geometry"];
            let polygons: Vec<&Value> = match geometry["type"].as_str().unwrap() {
                "Polygon" => vec![&geometry["coordinates"]],
                _ => geometry["coordinates"].as_array().unwrap().iter().collect(),
            };
            let rings = polygons
                .iter()
                .map(|polygon| {
                    polygon[0]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|p| LatLon::new(p[1].as_f64().unwrap(), p[0].as_f64().unwrap()))
                        .collect()
                })
                .collect();
            (slug, rings)
        })
        .collect()
}

/// The region a point is in, on the map: Minsk city before the oblast
/// around it (the map draws it on top, outer rings only).
fn region_on_map(
    point: LatLon,
    projection: &Projection,
    outlines: &[(String, Vec<Vec<LatLon>>)],
) -> Option<String> {
    let to_pixels = |p: LatLon| {
        let (x, y) = projection.project(p);
        // in_ring works on any plane; pixels are as good as degrees.
        LatLon::new(y, x)
    };
    let pin = to_pixels(point);
    let mut order: Vec<&(String, Vec<Vec<LatLon>>)> = outlines.iter().collect();
    order.sort_by_key(|(slug, _)| slug != "minsk-city");
    order
        .into_iter()
        .find(|(_, rings)| {
            rings.iter().any(|ring| {
                let projected: Vec<LatLon> = ring.iter().map(|p| to_pixels(*p)).collect();
                in_ring(pin, &projected)
            })
        })
        .map(|(slug, _)| slug.clone())
}

#[test]
fn known_places_land_in_their_region_on_the_map() {
    let outlines = outlines();
    assert_eq!(outlines.len(), 7);
    let projection = Projection::fit(51.2, 56.25, 23.1, 32.85, 600.0);
    for (lat, lon, expected) in [
        (53.8950, 27.5470, "minsk-city"),
        (53.4513, 26.4728, "grodno"),
        (53.2226, 26.6917, "minsk"),
        (52.0830, 23.6550, "brest"),
        (55.4850, 28.7680, "vitebsk"),
        (52.4260, 31.0150, "gomel"),
        (53.8940, 30.3300, "mogilev"),
        (53.6780, 23.8290, "grodno"),
    ] {
        assert_eq!(
            region_on_map(LatLon::new(lat, lon), &projection, &outlines).as_deref(),
            Some(expected),
            "{lat}, {lon}"
        );
    }
    // Warsaw is on no Belarusian region.
    assert_eq!(
        region_on_map(LatLon::new(52.2297, 21.0122), &projection, &outlines),
        None
    );
}
