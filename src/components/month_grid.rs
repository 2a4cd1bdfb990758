//! A month as a WAI-ARIA date grid: weekday header in the reader's
//! language, days of neighbouring months dimmed, today marked, one roving
//! tab stop. Arrows move by day and week, Home/End to the row's ends,
//! PageUp/PageDown by month (Shift: by year), Enter or Space activates a day.
//! What a day shows is the caller's: the events calendar and the news
//! archive share this grid.

use leptos::prelude::*;
use portal_calendar::window::DayRange;
use portal_calendar::{key_target, Date, WeekStart, YearMonth};
use portal_i18n::dates::{weekday_name, weekday_short};
use wasm_bindgen::JsCast;

use crate::i18n::use_lang;

/// The day that holds the grid's tab stop, shared with the view so it
/// survives the grid being rebuilt for another month.
#[derive(Clone, Copy)]
pub struct GridCursor {
    pub date: RwSignal<Date>,
    /// Set when the keyboard moved the cursor into another month: the next
    /// grid to render focuses that day.
    pub refocus: RwSignal<bool>,
}

impl GridCursor {
    pub fn new(date: Date) -> GridCursor {
        GridCursor {
            date: RwSignal::new(date),
            refocus: RwSignal::new(false),
        }
    }
}

#[component]
pub fn MonthGrid<F, V>(
    month: YearMonth,
    week_start: WeekStart,
    today: Date,
    cursor: GridCursor,
    /// The id of the element that names the grid (the month heading).
    labelled_by: &'static str,
    /// The id of a short keyboard help text.
    described_by: &'static str,
    /// The cursor left the month: show this month.
    on_month: Callback<YearMonth>,
    /// Enter or Space on a day.
    on_activate: Callback<Date>,
    /// The content of one day cell.
    day: F,
    /// Days the view is about (a quick window): the grid runs on until its
    /// last day, and every day outside it is dimmed instead of the other
    /// months' days.
    #[prop(default = None)]
    focus: Option<DayRange>,
) -> impl IntoView
where
    F: Fn(Date) -> V + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang().get_untracked();
    let table = NodeRef::<leptos::html::Table>::new();

    // Handlers use the `try_` accessors throughout: the events view shows
    // the grid inside a `<Transition>`, which keeps the old grid on screen
    // (and its handlers live) after its owner has been disposed, until the
    // next month's data arrives. A key or click on it then does nothing.
    let focus_cell = move |date: Date| {
        let Some(Some(table)) = table.try_get_untracked() else {
            return;
        };
        let selector = format!("td[data-date='{date}']");
        if let Some(cell) = table
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = cell.focus();
        }
    };
    // A grid built after the keyboard crossed into its month takes focus.
    Effect::new(move |_| {
        if table.get().is_some() && cursor.refocus.get_untracked() {
            cursor.refocus.set(false);
            focus_cell(cursor.date.get_untracked());
        }
    });

    let weeks = match focus {
        Some(range) => month.weeks_through(week_start, range.last),
        None => month.weeks(week_start),
    };
    let shown: Vec<Date> = weeks.iter().flatten().copied().collect();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // Only a focused cell: links and buttons inside keep their own keys.
        let on_cell = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("td"));
        if !on_cell || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let Some(from) = cursor.date.try_get_untracked() else {
            return;
        };
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            on_activate.try_run(from);
            return;
        }
        let Some(to) = key_target(&key, ev.shift_key(), from, week_start) else {
            return;
        };
        ev.prevent_default();
        cursor.date.try_set(to);
        // A day already on screen (a neighbouring month's day in the first
        // or last row) is focused in place; PageUp/PageDown always turn the
        // page, and so does a day beyond the grid.
        let turns_page = key.starts_with("Page") || !shown.contains(&to);
        if !turns_page {
            focus_cell(to);
        } else {
            cursor.refocus.try_set(true);
            on_month.try_run(to.year_month());
        }
    };

    let header = week_start
        .columns()
        .into_iter()
        .map(|weekday| {
            view! {
                <th scope="col" abbr=weekday_name(lang, weekday)>
                    {weekday_short(lang, weekday)}
                </th>
            }
        })
        .collect_view();
    let rows = weeks
        .into_iter()
        .map(|week| {
            let cells = week
                .into_iter()
                .map(|date| {
                    let outside = match focus {
                        Some(range) => !range.contains(date),
                        None => !month.contains(date),
                    };
                    let is_today = date == today;
                    let class = format!(
                        "month-grid__day{}{}{}",
                        if outside {
                            " month-grid__day--outside"
                        } else {
                            ""
                        },
                        if is_today {
                            " month-grid__day--today"
                        } else {
                            ""
                        },
                        if date.weekday().index_from_monday() >= 5 {
                            " month-grid__day--weekend"
                        } else {
                            ""
                        },
                    );
                    view! {
                        <td
                            role="gridcell"
                            class=class
                            data-date=date.to_string()
                            tabindex=move || if cursor.date.get() == date { "0" } else { "-1" }
                            aria-current=is_today.then_some("date")
                            on:focusin=move |_| {
                                if cursor.date.try_get_untracked().is_some_and(|at| at != date) {
                                    cursor.date.try_set(date);
                                }
                            }
                            on:click=move |ev: leptos::ev::MouseEvent| {
                                // A click on the day itself, not on a link
                                // or button inside it, opens the day.
                                let on_control = ev
                                    .target()
                                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                    .and_then(|el| el.closest("a, button").ok().flatten())
                                    .is_some();
                                if !on_control {
                                    on_activate.try_run(date);
                                }
                            }
                        >
                            {day(date)}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();

    view! {
        <table
            class="month-grid"
            role="grid"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            node_ref=table
            on:keydown=on_keydown
        >
            <thead>
                <tr>{header}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
