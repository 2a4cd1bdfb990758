//! The events widget: the next events, optionally of one category and
//! region. Reads the events index, then the month buckets from this month
//! on that have a matching event, until it has enough.

use portal_calendar::Date;
use portal_contract::widgets::WidgetOptions;
use portal_contract::{paths, urls, EventSummary};
use portal_i18n::dates::{format_event_when, month_short};
use portal_i18n::widget_texts;

use crate::dom::{el, portal_link, El};
use crate::frame::{failure, header, more_link};
use crate::load::{self, LoadError};
use crate::read;

/// Today on the reader's clock.
fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
}

async fn next_events(options: &WidgetOptions) -> Result<Vec<EventSummary>, LoadError> {
    let lang = options.lang;
    let (category, region) = (options.category.as_deref(), options.region.as_deref());
    let index = load::document(&paths::events_index(lang), read::events_index).await?;
    let Some(from) = today().map(Date::year_month) else {
        return Err(LoadError::Failed);
    };
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let limit = options.limit as usize;
    let mut found: Vec<EventSummary> = Vec::new();
    for month in index.months_from(from, category, region) {
        let bucket = load::document(&paths::events_month(lang, month), read::month_bucket).await?;
        for event in bucket.items {
            let seen = found.iter().any(|e| e.slug == event.slug);
            if !seen && event.matches(category, region) && !event.has_ended(now) {
                // In order of start; an insertion, not a sort (code size).
                let starts = event.starts.unix_seconds();
                let at = found.partition_point(|e| e.starts.unix_seconds() <= starts);
                found.insert(at, event);
            }
        }
        // A later bucket holds only events that start later, or that an
        // earlier bucket already had.
        if found.len() >= limit {
            break;
        }
    }
    found.truncate(limit);
    Ok(found)
}

pub async fn render(options: &WidgetOptions) -> El {
    let lang = options.lang;
    let t = widget_texts(lang);
    // Only documents the index lists are fetched, so a missing one is a
    // broken or half-deployed server, not "no events".
    let events = match next_events(options).await {
        Ok(events) => events,
        Err(_) => return failure(options, LoadError::Failed, t.events_none),
    };
    let today = today();
    let list = if events.is_empty() {
        el("p").class("w-status").text(t.events_none)
    } else {
        el("ul")
            .class("w-list")
            .children(events.iter().map(|event| {
                let (first, _) = event.days();
                // The full dates follow in text; the badge is a visual cue.
                let badge = el("span").attr("aria-hidden", "true");
                let badge = if Some(first) < today {
                    badge.class("w-date w-date-now").text(t.on_now)
                } else {
                    badge.class("w-date").children([
                        el("span").class("w-date-day").text(&first.day.to_string()),
                        el("span")
                            .class("w-date-month")
                            .text(month_short(lang, first.month)),
                    ])
                };
                let when = format_event_when(lang, &event.starts, &event.ends, event.all_day);
                let mut place = event.venue.clone();
                if event.free {
                    place.push_str(&format!(" · {}", t.free));
                }
                el("li").class("w-item w-event").children([
                    badge,
                    el("div").children([
                        el("h3").class("w-title").child(portal_link(
                            &urls::event(lang, &event.slug),
                            el("span").text(&event.title),
                            t.new_tab,
                        )),
                        el("p").class("w-meta").child(
                            el("time")
                                .attr("datetime", &event.starts.to_string())
                                .text(&when),
                        ),
                        el("p").class("w-meta").text(&place),
                    ]),
                ])
            }))
    };
    el("section").class("w-events").children([
        header(lang, t.events_heading),
        list,
        more_link(t, &options.portal_path(), t.more_events),
    ])
}
