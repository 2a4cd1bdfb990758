//! What each day cell of an events month grid shows: which event sits in
//! which lane, where a bar joins the day before or after, what goes to
//! "+N more", and which long-running events are named once below the grid
//! instead. Pure, so the rules have native tests; the view only draws it.

use std::collections::BTreeMap;

use crate::{day_lanes, Date};

/// One event as the layout sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutEvent {
    /// First and last day it covers (see `portal_contract::covered_days`).
    pub first: Date,
    pub last: Date,
    /// When it starts (seconds since the epoch), for the order within a day.
    pub starts_at: i64,
    pub all_day: bool,
}

impl LayoutEvent {
    fn length(&self) -> i64 {
        self.last.to_days() - self.first.to_days()
    }

    fn covers(&self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }
}

/// One lane of a day cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaneSlot {
    /// Kept free for a bar of another day in the same week.
    Empty,
    /// `index` into the events given to [`month_layout`].
    Event {
        index: usize,
        /// The bar continues from the day before / into the day after
        /// (never across the edge of a week row).
        joins_before: bool,
        joins_after: bool,
    },
}

/// One day cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayLayout {
    /// At most the visible lanes, top first.
    pub slots: Vec<LaneSlot>,
    /// Events of lanes below the visible ones, for "+N more".
    pub more: Vec<usize>,
    /// Every event on this day, long-running ones included (they are only
    /// counted in the cell).
    pub total: usize,
}

/// The whole month.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MonthLayout {
    pub days: BTreeMap<Date, DayLayout>,
    /// Events lasting more than the long-running threshold, in lane order:
    /// named once below the grid rather than filling every day.
    pub long_running: Vec<usize>,
}

/// Lays out `events` over `weeks` (rows of seven dates). Lane order: short
/// multi-day events first, longest first (their bars stay on top), then
/// single days by start time; events longer than `long_days` take no lane.
pub fn month_layout(
    weeks: &[[Date; 7]],
    events: &[LayoutEvent],
    long_days: i64,
    visible_lanes: usize,
) -> MonthLayout {
    let is_long = |event: &LayoutEvent| event.length() > long_days;
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| {
        let event = &events[i];
        (
            is_long(event),
            std::cmp::Reverse(event.length()),
            event.starts_at,
            i,
        )
    });
    let (long_running, bars): (Vec<usize>, Vec<usize>) =
        order.into_iter().partition(|&i| is_long(&events[i]));
    let bar_spans: Vec<(Date, Date)> = bars
        .iter()
        .map(|&i| (events[i].first, events[i].last))
        .collect();
    let lanes = day_lanes(weeks, &bar_spans);
    let row_starts: Vec<Date> = weeks.iter().map(|week| week[0]).collect();
    let row_ends: Vec<Date> = weeks.iter().map(|week| week[6]).collect();

    let mut days = BTreeMap::new();
    for &date in weeks.iter().flatten() {
        let mut day = DayLayout {
            total: long_running
                .iter()
                .filter(|&&i| events[i].covers(date))
                .count(),
            ..DayLayout::default()
        };
        for (lane, entry) in lanes.get(&date).into_iter().flatten().enumerate() {
            match (entry.map(|k| bars[k]), lane < visible_lanes) {
                (None, true) => day.slots.push(LaneSlot::Empty),
                (None, false) => {}
                (Some(index), visible) => {
                    day.total += 1;
                    let event = &events[index];
                    if visible {
                        day.slots.push(LaneSlot::Event {
                            index,
                            joins_before: event.first < date && !row_starts.contains(&date),
                            joins_after: date < event.last && !row_ends.contains(&date),
                        });
                    } else {
                        day.more.push(index);
                    }
                }
            }
        }
        days.insert(date, day);
    }
    MonthLayout { days, long_running }
}

/// The events on `date` for the day's list: all-day and already running
/// ones first, then by start time.
pub fn events_on(events: &[LayoutEvent], date: Date) -> Vec<usize> {
    let mut on_day: Vec<usize> = (0..events.len())
        .filter(|&i| events[i].covers(date))
        .collect();
    on_day.sort_by_key(|&i| {
        let event = &events[i];
        (!(event.all_day || event.first < date), event.starts_at)
    });
    on_day
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{WeekStart, YearMonth};

    fn date(day: u8) -> Date {
        Date::new(2026, 11, day).expect("a November date")
    }

    fn event(first: u8, last: u8, hour: i64) -> LayoutEvent {
        LayoutEvent {
            first: date(first),
            last: date(last),
            starts_at: date(first).to_days() * 86_400 + hour * 3_600,
            all_day: false,
        }
    }

    fn weeks() -> Vec<[Date; 7]> {
        YearMonth::parse("2026-11")
            .expect("a month")
            .weeks(WeekStart::Monday)
    }

    #[test]
    fn multi_day_bars_take_the_top_lanes_and_join_within_a_week() {
        // Mon 2 to Wed 4, and a single day on Tue 3 at 9:00.
        let events = [event(3, 3, 9), event(2, 4, 18)];
        let layout = month_layout(&weeks(), &events, 7, 3);
        let tuesday = &layout.days[&date(3)];
        assert_eq!(
            tuesday.slots,
            vec![
                LaneSlot::Event {
                    index: 1,
                    joins_before: true,
                    joins_after: true
                },
                LaneSlot::Event {
                    index: 0,
                    joins_before: false,
                    joins_after: false
                },
            ]
        );
        assert_eq!(tuesday.total, 2);
        let monday = &layout.days[&date(2)];
        assert_eq!(
            monday.slots[0],
            LaneSlot::Event {
                index: 1,
                joins_before: false,
                joins_after: true
            }
        );
    }

    #[test]
    fn a_bar_does_not_join_across_the_end_of_a_week_row() {
        // Sun 8 (end of a Monday row) to Mon 9.
        let layout = month_layout(&weeks(), &[event(8, 9, 10)], 7, 3);
        assert_eq!(
            layout.days[&date(8)].slots[0],
            LaneSlot::Event {
                index: 0,
                joins_before: false,
                joins_after: false
            }
        );
        assert_eq!(
            layout.days[&date(9)].slots[0],
            LaneSlot::Event {
                index: 0,
                joins_before: false,
                joins_after: false
            }
        );
    }

    #[test]
    fn lanes_past_the_visible_ones_go_to_more() {
        let events: Vec<LayoutEvent> = (0..5).map(|hour| event(10, 10, hour)).collect();
        let day = &month_layout(&weeks(), &events, 7, 3).days[&date(10)];
        assert_eq!(day.slots.len(), 3);
        assert_eq!(day.more, vec![3, 4], "the latest starts go to +N more");
        assert_eq!(day.total, 5);
    }

    #[test]
    fn long_running_events_take_no_lane_but_are_counted() {
        // A month-long exhibition and one evening concert.
        let events = [event(1, 30, 10), event(12, 12, 19)];
        let layout = month_layout(&weeks(), &events, 7, 3);
        assert_eq!(layout.long_running, vec![0]);
        let day = &layout.days[&date(12)];
        assert_eq!(
            day.slots,
            vec![LaneSlot::Event {
                index: 1,
                joins_before: false,
                joins_after: false
            }]
        );
        assert_eq!(day.total, 2);
        assert_eq!(layout.days[&date(13)].total, 1);
    }

    #[test]
    fn a_day_lists_running_and_all_day_events_first() {
        let mut all_day = event(15, 15, 0);
        all_day.all_day = true;
        let events = [
            event(15, 15, 20),
            event(14, 16, 9),
            all_day,
            event(15, 15, 8),
        ];
        assert_eq!(events_on(&events, date(15)), vec![1, 2, 3, 0]);
        assert!(events_on(&events, date(17)).is_empty());
    }
}
