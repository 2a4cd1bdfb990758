//! Shared UI. Components receive data through props and never fetch.

pub mod archive_calendar;
pub mod article_body;
pub mod article_card;
pub mod breadcrumbs;
pub mod calendar_day;
pub mod category_chips;
pub mod error_view;
pub mod event_filters;
pub mod event_row;
pub mod footer;
pub mod header;
pub mod highlighted;
pub mod month_grid;
pub mod offline_banner;
pub mod page_meta;
pub mod page_title;
pub mod pager;
pub mod picture;
pub mod published_date;
pub mod save_button;
pub mod search_box;
pub mod share;
pub mod skeletons;
pub mod upcoming_events;
pub mod update_prompt;
