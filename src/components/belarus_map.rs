//! The travel guide's map: Belarus drawn as SVG from the region outlines
//! the API ships (no tile server, works offline), with a pin per site. Pins
//! are links with the site's name, so they are reachable by keyboard and
//! announced by screen readers.

use leptos::prelude::*;
use portal_contract::RegionShapes;
use portal_geo::{LatLon, Projection};

/// Bounds of the drawing: all of Belarus with a small margin.
const SOUTH: f64 = 51.2;
const NORTH: f64 = 56.25;
const WEST: f64 = 23.1;
const EAST: f64 = 32.85;
const WIDTH: f64 = 600.0;

/// One pin.
#[derive(Clone)]
pub struct MapPin {
    pub name: String,
    pub href: String,
    pub lat: f64,
    pub lon: f64,
    /// Drawn larger and on top (the site of a site page).
    pub current: bool,
}

/// A point that is not a site: where distances are measured from.
#[derive(Clone)]
pub struct MapMarker {
    pub lat: f64,
    pub lon: f64,
    /// Its name for screen readers and the tooltip ("You are here", a town).
    pub label: String,
}

/// `shapes` may be missing (the map then shows pins on a plain ground);
/// `region`: a region slug to shade (the active filter); `marker`: the
/// reader's point (a diamond, drawn over the pins).
#[component]
pub fn BelarusMap(
    shapes: Option<RegionShapes>,
    pins: Vec<MapPin>,
    label: String,
    #[prop(optional)] region: Option<String>,
    #[prop(default = None)] marker: Option<MapMarker>,
) -> impl IntoView {
    let projection = Projection::fit(SOUTH, NORTH, WEST, EAST, WIDTH);
    let height = projection.height(SOUTH).round();
    let outlines = shapes.map(|shapes| {
        shapes
            .regions
            .into_iter()
            .map(|shape| {
                let mut d = String::new();
                for ring in &shape.rings {
                    for (i, [lon, lat]) in ring.iter().enumerate() {
                        let (x, y) = projection.project(LatLon::new(*lat, *lon));
                        d.push_str(&format!(
                            "{}{:.1} {:.1}",
                            if i == 0 { "M" } else { "L" },
                            x,
                            y
                        ));
                    }
                    d.push('Z');
                }
                let active = region.as_deref() == Some(shape.slug.as_str());
                view! {
                    <path
                        class="belarus-map__region"
                        class:belarus-map__region--active=active
                        d=d
                    />
                }
            })
            .collect_view()
    });
    let mut pins = pins;
    // The current site last, so it is drawn on top.
    pins.sort_by_key(|pin| pin.current);
    let pin_views = pins
        .into_iter()
        .map(|pin| {
            let (x, y) = projection.project(LatLon::new(pin.lat, pin.lon));
            let r = if pin.current { 13.0 } else { 9.0 };
            let label = pin.name.clone();
            // The `<g>` makes the macro build `<a>` and `<title>` as SVG
            // elements, which an HTML `<a>` inside `<svg>` would not be.
            view! {
                <g>
                    <a
                        class="belarus-map__pin"
                        class:belarus-map__pin--current=pin.current
                        href=pin.href
                        aria-label=label
                    >
                        <title>{pin.name}</title>
                        <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r=r.to_string()/>
                    </a>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="belarus-map">
            <svg
                class="belarus-map__svg"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="group"
                aria-label=label
            >
                <g class="belarus-map__regions" aria-hidden="true">
                    <rect class="belarus-map__ground" width=WIDTH.to_string() height=height.to_string() rx="16"/>
                    {outlines}
                </g>
                <g class="belarus-map__pins">{pin_views}</g>
                {marker.map(|marker| {
                    let (x, y) = projection.project(LatLon::new(marker.lat, marker.lon));
                    let points = format!("{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}", y - 11.0, x + 11.0, y + 11.0, x - 11.0);
                    view! {
                        <g class="belarus-map__marker" role="img" aria-label=marker.label.clone()>
                            <title>{marker.label.clone()}</title>
                            <polygon points=points/>
                        </g>
                    }
                })}
            </svg>
        </figure>
    }
}
