//! A site's opening hours to read: one table per part of the year (days
//! with the same hours on one row, public holidays on their own), the
//! clock they are in, what the public holidays are, and the editor's note.
//! The same in the prerendered page and the app: nothing here depends on
//! the moment (the status is `OpeningStatus`).

use leptos::prelude::*;
use portal_contract::OpeningHours;
use portal_hours::weekly::weekly;
use portal_i18n::opening::{days_label, season_label, spans_label};

use crate::components::opening_status::OpeningStatus;
use crate::i18n::{texts_untracked, use_lang};

/// The site page's "Opening hours" fact: status, tables and note, or
/// "not known yet" and the note.
#[component]
pub fn OpeningFacts(hours: Option<OpeningHours>, note: Option<String>) -> impl IntoView {
    let t = texts_untracked();
    let note = note.map(|note| view! { <p class="hours-note hours-note--editor">{note}</p> });
    match hours {
        Some(hours) => view! {
            <OpeningStatus hours=hours.clone() class="opening-status--page"/>
            <OpeningHoursTables hours/>
            {note}
        }
        .into_any(),
        None => view! {
            <p class="hours-unknown">{t.hours_unknown}</p>
            {note}
        }
        .into_any(),
    }
}

#[component]
pub fn OpeningHoursTables(hours: OpeningHours) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let tables = weekly(&hours);
    // Round the clock needs no clock.
    let minsk_note =
        (!hours.always()).then(|| view! { <p class="hours-note">{t.hours_minsk_time}</p> });
    let several = tables.len() > 1;
    let any_holidays = tables.iter().any(|table| table.holidays.is_some());
    let views = tables
        .into_iter()
        .map(|table| {
            let caption = if several {
                season_label(lang, &table)
            } else {
                t.site_hours.to_string()
            };
            let rows = table
                .rows
                .iter()
                .map(|row| {
                    view! {
                        <tr>
                            <th scope="row">{days_label(lang, row)}</th>
                            <td>{spans_label(lang, &row.times)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let holidays = table.holidays.as_ref().map(|times| {
                view! {
                    <tr>
                        <th scope="row">{t.hours_public_holidays}</th>
                        <td>{spans_label(lang, times)}</td>
                    </tr>
                }
            });
            view! {
                <table class="hours-table">
                    <caption class:visually-hidden=!several>{caption}</caption>
                    <thead class="visually-hidden">
                        <tr><th scope="col">{t.hours_days}</th><th scope="col">{t.hours_hours}</th></tr>
                    </thead>
                    <tbody>{rows}{holidays}</tbody>
                </table>
            }
        })
        .collect_view();
    view! {
        {views}
        {minsk_note}
        {any_holidays.then(|| view! { <p class="hours-note">{t.hours_holidays_explained}</p> })}
    }
}
