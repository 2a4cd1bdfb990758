//! "Open in a maps app" (a `geo:` link, which phones hand to the reader's
//! own maps app) and the same point on OpenStreetMap's website, for
//! desktops and for phones with no maps app.

use leptos::prelude::*;
use portal_contract::urls::{geo_uri, web_map};

use crate::i18n::texts_untracked;

#[component]
pub fn MapsLinks(lat: f64, lon: f64, name: String, zoom: u8) -> impl IntoView {
    let t = texts_untracked();
    let geo = geo_uri(lat, lon, &name);
    view! {
        <ul class="maps-links">
            {geo.map(|href| view! { <li><a href=href>{t.open_in_maps_app}</a></li> })}
            <li><a href=web_map(lat, lon, zoom) target="_blank" rel="noopener noreferrer">{t.event_open_map}</a></li>
        </ul>
    }
}
