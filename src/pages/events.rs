//! `/{lang}/events?month=…&when=…&category=…&region=…&free=1&view=list`:
//! the events calendar. The URL holds the whole view state, so reload and
//! Back restore it; a malformed value is dropped with a notice. A quick
//! window (`when`) replaces the month: the grid shows the window's first
//! month, running on into the next if the window does, with the days
//! outside the window dimmed; the list shows only the window's events.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_calendar::month_layout::{events_on, month_layout, LaneSlot, LayoutEvent};
use portal_calendar::window::{DayRange, QuickWindow};
use portal_calendar::{Date, YearMonth};
use portal_contract::events::{group_by_day, merge_buckets};
use portal_contract::urls::{EventsParams, EventsQuery};
use portal_contract::{paths, EventSummary, EventsIndex};
use portal_i18n::dates::{format_day_range, format_month, format_weekday_day};
use portal_i18n::Texts;

use crate::api::{use_api, ApiError, ApiResource};
use crate::clock;
use crate::components::calendar_day::{CalendarDay, Slot, VISIBLE_LANES};
use crate::components::error_view::ErrorView;
use crate::components::event_filters::EventFilters;
use crate::components::event_row::EventRow;
use crate::components::month_grid::{GridCursor, MonthGrid};
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::i18n::{texts_untracked, use_lang, use_texts};

const MONTH_HEADING_ID: &str = "events-month";
const GRID_HELP_ID: &str = "events-grid-help";
/// Events longer than this many days go below the others in a day cell.
const LONG_RUNNING_DAYS: i64 = 7;

#[component]
pub fn EventsPage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let api = use_api();
    let query_map = use_query_map();
    let parsed = Memo::new(move |_| {
        let map = query_map.read();
        EventsQuery::parse(EventsParams {
            month: map.get_str("month"),
            when: map.get_str("when"),
            category: map.get_str("category"),
            region: map.get_str("region"),
            free: map.get_str("free"),
            view: map.get_str("view"),
        })
    });
    let query = Memo::new(move |_| parsed.get().value);
    let today = clock::today();
    let range = Memo::new(move |_| query.get().window_range(today));
    let month = Memo::new(move |_| {
        let query = query.get();
        match range.get() {
            Some(range) => range.first.year_month(),
            None => query.month.unwrap_or(today.year_month()),
        }
    });
    // The buckets to read: the month's, or every month the window touches.
    let months = Memo::new(move |_| match range.get() {
        Some(range) => range.months(),
        None => vec![month.get()],
    });

    let index = ApiResource::new({
        move || {
            let lang = lang.get();
            async move { api.events_index(lang).await }
        }
    });
    let bucket = ApiResource::new({
        move || {
            let lang = lang.get();
            let months = months.get();
            async move {
                let mut buckets = Vec::new();
                for month in months {
                    // Only months with events are published: a missing
                    // month is an empty one (the index still suggests
                    // where to go).
                    match api.events_month(lang, month).await {
                        Ok(bucket) => buckets.push(bucket),
                        Err(ApiError::NotFound) => {}
                        Err(error) => return Err(error),
                    }
                }
                Ok(match buckets.len() {
                    // One bucket keeps the publisher's order as it is.
                    1 => buckets.remove(0).items,
                    _ => merge_buckets(buckets),
                })
            }
        }
    });

    let cursor = GridCursor::new(today);
    let selected_day = RwSignal::new(None::<Date>);
    Effect::new(move |_| {
        let month = month.get();
        if !month.contains(cursor.date.get_untracked()) {
            cursor.date.set(if month.contains(today) {
                today
            } else {
                month.first_day()
            });
        }
        if selected_day
            .get_untracked()
            .is_some_and(|day| !month.contains(day))
        {
            selected_day.set(None);
        }
    });

    let url_with = move |change: &dyn Fn(&mut EventsQuery)| {
        let mut next = query.get();
        change(&mut next);
        next.url(lang.get())
    };
    // Turning the month leaves the window: the month is the view again.
    let to_month = move |target: YearMonth| {
        url_with(&|q| {
            q.month = Some(target);
            q.when = None;
        })
    };
    let previous_url = move || to_month(month.get().previous());
    let next_url = move || to_month(month.get().next());
    let today_url = move || to_month(today.year_month());
    let grid_url = move || url_with(&|q| q.list = false);
    let list_url = move || url_with(&|q| q.list = true);
    let is_list = move || query.get().list;

    let month_title = move || format_month(lang.get(), month.get());
    let page_title = move || {
        let what = match query.get().when {
            Some(window) => window_name(t(), window).to_string(),
            None => month_title(),
        };
        format!("{} — {what}", t().events_title)
    };
    let corrected = move || {
        let parsed = parsed.get();
        // With a window set, the view is not "the current month".
        let text = if parsed.value.when.is_some() {
            t().events_corrected_dropped
        } else {
            t().events_corrected
        };
        parsed
            .corrected
            .then(|| view! { <p class="notice" role="status">{text}</p> })
    };
    let calendar_feed = { move || api.url(&paths::events_calendar(lang.get())) };

    view! {
        <PageMeta title=page_title description=move || t().events_description.to_string()/>
        <div class="events">
            <PageTitle keep_focus_on_query=true>{move || t().events_title}</PageTitle>
            {corrected}
            <div class="events-toolbar">
                <div class="month-nav" role="group" aria-labelledby=MONTH_HEADING_ID>
                    <a class="month-nav__step" href=previous_url>
                        <span aria-hidden="true">"‹"</span>
                        <span class="visually-hidden">{move || t().events_previous_month}</span>
                    </a>
                    <h2 id=MONTH_HEADING_ID class="month-nav__title" aria-live="polite">{month_title}</h2>
                    <a class="month-nav__step" href=next_url>
                        <span aria-hidden="true">"›"</span>
                        <span class="visually-hidden">{move || t().events_next_month}</span>
                    </a>
                    <a class="button button--secondary month-nav__today" href=today_url>{move || t().events_today}</a>
                </div>
                <nav class="view-switch" aria-label=move || t().events_view_label>
                    <a href=grid_url aria-current=move || (!is_list()).then_some("true")>{move || t().events_view_month}</a>
                    <a href=list_url aria-current=move || is_list().then_some("true")>{move || t().events_view_list}</a>
                </nav>
            </div>
            <Transition fallback=|| view! { <div class="events-body events-body--loading" aria-busy="true"><p class="visually-hidden">{texts_untracked().loading}</p></div> }>
                {move || {
                    // Read here, outside the async block, so a filter or view
                    // change re-renders the body even though the month's data
                    // (and so the resources) stay the same.
                    let current = query.get();
                    Suspend::new(async move {
                    let index_result = index.await;
                    let bucket_result = bucket.await;
                    let retry = Callback::new(move |()| {
                        index.refetch();
                        bucket.refetch();
                    });
                    match (index_result, bucket_result) {
                        (Ok(index), Ok(items)) => {
                            let view_state = ViewState {
                                range: current.window_range(today),
                                query: current,
                                month: month.get_untracked(),
                                today,
                                cursor,
                                selected_day,
                            };
                            render_events(index, items, view_state).into_any()
                        }
                        (Err(error), _) | (_, Err(error)) => view! { <ErrorView error on_retry=retry/> }.into_any(),
                    }
                })}}
            </Transition>
            <p class="events-subscribe">
                <a href=calendar_feed>{move || t().events_subscribe}</a>
                " "
                <span class="events-subscribe__hint">{move || t().events_subscribe_hint}</span>
            </p>
        </div>
    }
}

/// What the body needs besides the data.
struct ViewState {
    query: EventsQuery,
    /// The window's days, if one is set.
    range: Option<DayRange>,
    month: YearMonth,
    today: Date,
    cursor: GridCursor,
    selected_day: RwSignal<Option<Date>>,
}

/// The name of a quick window in the reader's language.
pub fn window_name(t: &Texts, window: QuickWindow) -> &'static str {
    match window {
        QuickWindow::Today => t.events_when_today,
        QuickWindow::Weekend => t.events_when_weekend,
        QuickWindow::Week => t.events_when_week,
    }
}

fn render_events(index: EventsIndex, items: Vec<EventSummary>, state: ViewState) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let ViewState {
        query,
        range,
        month,
        today,
        cursor,
        selected_day,
    } = state;
    let items: Vec<EventSummary> = items.into_iter().filter(|e| e.passes(&query)).collect();
    // What the list shows and what "empty" means: the window's events, or
    // the month's.
    let shown: Vec<EventSummary> = match range {
        Some(range) => items
            .iter()
            .filter(|e| e.overlaps(range))
            .cloned()
            .collect(),
        None => items.clone(),
    };

    // Ways out of an empty result: drop the window, drop "free entry".
    let way_out = |label: &'static str, change: &dyn Fn(&mut EventsQuery)| {
        let mut next = query.clone();
        change(&mut next);
        let href = next.url(lang);
        view! { <li><a class="button button--secondary" href=href>{label}</a></li> }
    };
    let window_heading = range.zip(query.when).map(|(range, window)| {
        let dates = format_day_range(lang, range.first, range.last);
        let text = portal_i18n::fill(
            t.events_window_dates,
            &[("window", window_name(t, window)), ("dates", &dates)],
        );
        view! { <p class="events-window">{text}</p> }
    });
    let empty = shown.is_empty().then(|| {
        let mut exits = Vec::new();
        if query.when.is_some() {
            exits.push(
                way_out(t.events_show_all_dates, &|q| {
                    q.when = None;
                    q.month = Some(month);
                })
                .into_any(),
            );
        }
        if query.free {
            exits.push(way_out(t.events_include_paid, &|q| q.free = false).into_any());
        }
        let message = match range {
            Some(range) => portal_i18n::fill(
                t.events_window_empty,
                &[("dates", &format_day_range(lang, range.first, range.last))],
            ),
            None => portal_i18n::fill(
                t.events_empty_month,
                &[("month", &format_month(lang, month))],
            ),
        };
        // The index knows categories and regions per month, not free entry:
        // the nearest month is suggested only when it is sure to match.
        let nearest = (range.is_none() && !query.free)
            .then(|| index.nearest_month(month, query.category.as_deref(), query.region.as_deref()))
            .flatten()
            .filter(|&nearest| nearest != month);
        let suggestion = match nearest {
            Some(nearest) => {
                let href = EventsQuery {
                    month: Some(nearest),
                    ..query.clone()
                }
                .url(lang);
                let label =
                    portal_i18n::fill(t.events_nearest, &[("month", &format_month(lang, nearest))]);
                Some(view! { <p><a class="button" href=href>{label}</a></p> }.into_any())
            }
            None if exits.is_empty() => Some(view! { <p>{t.events_none_match}</p> }.into_any()),
            None => None,
        };
        let exits =
            (!exits.is_empty()).then(|| view! { <ul class="events-empty__exits">{exits}</ul> });
        view! {
            <div class="empty events-empty" role="status">
                <p>{message}</p>
                {suggestion}
                {exits}
            </div>
        }
    });

    let feeds = filtered_feeds(&index, &query);
    let filters = view! { <EventFilters categories=index.categories regions=index.regions query=query.clone()/> };
    let body = if query.list {
        let from = range.map_or(month.first_day(), |range| range.first);
        (!shown.is_empty())
            .then(|| render_list(&shown, from))
            .into_any()
    } else {
        render_grid(items, month, today, cursor, selected_day, query, range).into_any()
    };
    view! {
        {filters}
        {window_heading}
        {empty}
        <div class="events-body">{body}</div>
        {feeds}
    }
}

/// The subscribable calendars of the active category and region, beside
/// the calendar of everything.
fn filtered_feeds(index: &EventsIndex, query: &EventsQuery) -> Option<impl IntoView> {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let api = use_api();
    let name_in = |list: &[portal_contract::Category], slug: &str| {
        list.iter().find(|c| c.slug == slug).map(|c| c.name.clone())
    };
    let mut feeds = Vec::new();
    if let Some(slug) = &query.category {
        if let Some(name) = name_in(&index.categories, slug) {
            feeds.push((name, api.url(&paths::events_category_calendar(lang, slug))));
        }
    }
    if let Some(slug) = &query.region {
        if let Some(name) = name_in(&index.regions, slug) {
            feeds.push((name, api.url(&paths::events_region_calendar(lang, slug))));
        }
    }
    (!feeds.is_empty()).then(|| {
        view! {
            <ul class="events-feeds">
                {feeds
                    .into_iter()
                    .map(|(name, href)| {
                        let label = portal_i18n::fill(t.events_subscribe_only, &[("name", &name)]);
                        view! { <li><a href=href>{label}</a></li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// Events grouped by the day they start (or `from`, the first day shown,
/// for those that began earlier).
fn render_list(items: &[EventSummary], from: Date) -> impl IntoView {
    let lang = use_lang().get_untracked();
    view! {
        <div class="event-list">
            {group_by_day(items, from)
                .into_iter()
                .map(|(day, events)| view! {
                    <section class="event-list__day">
                        <h3 class="event-list__date">{format_weekday_day(lang, day)}</h3>
                        <ul class="event-list__items">
                            {events
                                .into_iter()
                                .map(|summary| view! { <li><EventRow summary time_only=true level=4/></li> })
                                .collect_view()}
                        </ul>
                    </section>
                })
                .collect_view()}
        </div>
    }
}

fn render_grid(
    items: Vec<EventSummary>,
    month: YearMonth,
    today: Date,
    cursor: GridCursor,
    selected_day: RwSignal<Option<Date>>,
    query: EventsQuery,
    range: Option<DayRange>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let week_start = clock::week_start(lang);
    // The same rows as the grid draws (longer with a window that runs on).
    let weeks = match range {
        Some(range) => month.weeks_through(week_start, range.last),
        None => month.weeks(week_start),
    };

    // Which event goes in which lane of which day: a pure function with
    // its own tests (`portal_calendar::month_layout`).
    let layout_events: Vec<LayoutEvent> = items
        .iter()
        .map(|item| {
            let (first, last) = item.days();
            LayoutEvent {
                first,
                last,
                starts_at: item.starts.unix_seconds(),
                all_day: item.all_day,
            }
        })
        .collect();
    let layout = month_layout(&weeks, &layout_events, LONG_RUNNING_DAYS, VISIBLE_LANES);
    let ongoing: Vec<EventSummary> = layout
        .long_running
        .iter()
        .map(|&i| items[i].clone())
        .collect();
    let by_day = {
        let items = items.clone();
        move |date: Date| -> Vec<EventSummary> {
            events_on(&layout_events, date)
                .into_iter()
                .map(|i| items[i].clone())
                .collect()
        }
    };
    let day_cell = move |date: Date| {
        let day = layout.days.get(&date).cloned().unwrap_or_default();
        let slots = day
            .slots
            .into_iter()
            .map(|slot| match slot {
                LaneSlot::Empty => Slot::Empty,
                LaneSlot::Event {
                    index,
                    joins_before,
                    joins_after,
                } => Slot::Event {
                    summary: Box::new(items[index].clone()),
                    joins_before,
                    joins_after,
                },
            })
            .collect();
        let more = day.more.into_iter().map(|i| items[i].clone()).collect();
        view! { <CalendarDay date slots more total=day.total/> }
    };

    let navigate = use_navigate();
    let on_month = Callback::new(move |target: YearMonth| {
        let url = EventsQuery {
            month: Some(target),
            when: None,
            ..query.clone()
        }
        .url(lang);
        navigate(&url, Default::default());
    });
    // The panel takes focus when the reader opens it, not when the body
    // re-renders for a filter change with a day still open.
    let panel_focus = RwSignal::new(false);
    let on_activate = Callback::new(move |date: Date| {
        panel_focus.set(true);
        selected_day.set(Some(date));
    });

    let ongoing_view = (!ongoing.is_empty()).then(|| {
        view! {
            <section class="ongoing" aria-labelledby="ongoing-title">
                <h3 id="ongoing-title" class="ongoing__title">{t.events_long_running}</h3>
                <ul class="ongoing__list">
                    {ongoing
                        .into_iter()
                        .map(|summary| view! { <li><EventRow summary level=4/></li> })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <div class="month-grid__wrap">
            <MonthGrid
                month
                week_start
                today
                cursor
                labelled_by=MONTH_HEADING_ID
                described_by=GRID_HELP_ID
                on_month
                on_activate
                day=day_cell
                focus=range
            />
        </div>
        <p id=GRID_HELP_ID class="events-help">{t.events_grid_help}</p>
        {ongoing_view}
        {move || selected_day.get().map(|date| view! { <DayPanel date events=by_day(date) take_focus=panel_focus/> })}
    }
}

/// The events of one chosen day, below the grid; its heading takes focus so
/// keyboard and screen-reader users land on the list they asked for.
#[component]
fn DayPanel(date: Date, events: Vec<EventSummary>, take_focus: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            if take_focus.get_untracked() {
                take_focus.set(false);
                let _ = heading.focus();
            }
        }
    });
    let date_text = format_weekday_day(lang, date);
    let body = if events.is_empty() {
        view! { <p>{portal_i18n::fill(t.events_day_none, &[("date", &date_text)])}</p> }.into_any()
    } else {
        view! {
            <ul class="event-list__items">
                {events
                    .into_iter()
                    .map(|summary| view! { <li><EventRow summary time_only=true level=4/></li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="day-panel" aria-labelledby="day-panel-title">
            <h3 id="day-panel-title" class="day-panel__title" tabindex="-1" node_ref=heading>
                {portal_i18n::fill(t.events_day_heading, &[("date", &date_text)])}
            </h3>
            {body}
        </section>
    }
}
