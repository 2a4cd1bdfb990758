//! Download buttons for the files a reader takes along: places as GPX and
//! KML, events as iCalendar. The file is made when the button is pressed,
//! from what the list holds at that moment; the outcome is announced.

use leptos::prelude::*;

use crate::download::download;
use crate::i18n::{use_lang, use_texts};
use crate::saved::take_along::{places_file, PlaceEntry, PlacesFormat};

/// "Take the places along": GPX and KML of `places`; `file_stem` names the
/// files (`portal-saved-places.gpx`), `title` is the name inside them.
#[component]
pub fn ExportPlaces(
    places: Signal<Vec<PlaceEntry>>,
    title: Signal<String>,
    #[prop(into)] file_stem: String,
    /// Distinguishes the heading's id when a page has two groups.
    id: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let status = RwSignal::new(String::new());
    let heading_id = format!("{id}-title");
    let file_stem = StoredValue::new(file_stem);
    let export = move |format: PlacesFormat| {
        let origin = crate::page_url::origin().unwrap_or_default();
        let text = places_file(
            format,
            &title.get_untracked(),
            &places.get_untracked(),
            &origin,
        );
        let file = format!("{}.{}", file_stem.get_value(), format.extension());
        let outcome = download(&file, format.media_type(), &text);
        status.set(match outcome {
            Ok(()) => portal_i18n::fill(
                portal_i18n::texts(lang.get_untracked()).export_started,
                &[("file", &file)],
            ),
            Err(_) => portal_i18n::texts(lang.get_untracked())
                .export_failed
                .to_string(),
        });
    };
    view! {
        <div class="export" role="group" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone() class="export__title">{move || t().export_places_title}</h3>
            <div class="export__buttons">
                <button type="button" class="button button--secondary" on:click=move |_| export(PlacesFormat::Gpx)>
                    {move || t().export_gpx}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| export(PlacesFormat::Kml)>
                    {move || t().export_kml}
                </button>
            </div>
            <p class="export__status" role="status">{move || status.get()}</p>
        </div>
    }
}

/// One button: `make` returns the file's text when pressed.
#[component]
pub fn ExportFile(
    label: Signal<&'static str>,
    file_name: &'static str,
    media_type: &'static str,
    make: Callback<(), String>,
) -> impl IntoView {
    let lang = use_lang();
    let status = RwSignal::new(String::new());
    let on_click = move |_| {
        let text = make.run(());
        status.set(match download(file_name, media_type, &text) {
            Ok(()) => portal_i18n::fill(
                portal_i18n::texts(lang.get_untracked()).export_started,
                &[("file", file_name)],
            ),
            Err(_) => portal_i18n::texts(lang.get_untracked())
                .export_failed
                .to_string(),
        });
    };
    view! {
        <div class="export">
            <button type="button" class="button button--secondary" on:click=on_click>{move || label.get()}</button>
            <p class="export__status" role="status">{move || status.get()}</p>
        </div>
    }
}
