//! `content/regions.geo.json` (simplified public-domain outlines, see its
//! README) to the API's `regions.json`: one entry per region of
//! `regions.toml`, outer rings only, as `[lon, lat]` pairs.

use std::fs;
use std::path::Path;

use portal_contract::{RegionShape, RegionShapes};
use serde_json::Value;

use crate::categories::Categories;
use crate::error::Problems;

pub const REGION_SHAPES_FILE: &str = "regions.geo.json";

/// Reads and checks the outlines. Without the file there are none (maps
/// are then drawn with pins only, and `regions.json` is still published);
/// `None` when the file has problems (reported).
pub fn read(
    content_dir: &Path,
    regions: &Categories,
    problems: &mut Problems,
) -> Option<RegionShapes> {
    let Ok(text) = fs::read_to_string(content_dir.join(REGION_SHAPES_FILE)) else {
        return Some(RegionShapes {
            regions: Vec::new(),
        });
    };
    let mut report = |reason: String| problems.add(REGION_SHAPES_FILE, 1, reason);
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(error) => {
            report(format!("not valid JSON: {error}"));
            return None;
        }
    };
    let Some(features) = value.get("features").and_then(Value::as_array) else {
        report("expected a GeoJSON FeatureCollection with `features`".into());
        return None;
    };
    let mut shapes = Vec::new();
    for feature in features {
        let slug = feature
            .pointer("/properties/slug")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        if regions.get(&slug).is_none() {
            report(format!(
                "feature with slug {slug:?} is not a region of regions.toml"
            ));
            continue;
        }
        let geometry = feature.get("geometry");
        let kind = geometry.and_then(|g| g.get("type")).and_then(Value::as_str);
        let coordinates = geometry.and_then(|g| g.get("coordinates"));
        let polygons: Vec<&Value> = match (kind, coordinates) {
            (Some("Polygon"), Some(c)) => vec![c],
            (Some("MultiPolygon"), Some(Value::Array(parts))) => parts.iter().collect(),
            _ => {
                report(format!(
                    "region {slug:?}: geometry must be a Polygon or MultiPolygon"
                ));
                continue;
            }
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            let Some(outer) = polygon.get(0).and_then(Value::as_array) else {
                continue;
            };
            let ring: Option<Vec<[f64; 2]>> = outer
                .iter()
                .map(|point| Some([point.get(0)?.as_f64()?, point.get(1)?.as_f64()?]))
                .collect();
            match ring {
                Some(ring) if ring.len() >= 4 => rings.push(ring),
                _ => report(format!(
                    "region {slug:?}: a ring needs at least four [lon, lat] points"
                )),
            }
        }
        shapes.push(RegionShape { slug, rings });
    }
    for region in regions.iter() {
        if !shapes.iter().any(|shape| shape.slug == region.slug) {
            report(format!("no outline for region {:?}", region.slug));
        }
    }
    Some(RegionShapes { regions: shapes })
}
