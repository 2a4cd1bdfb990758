//! One file per route view. Views read the URL, fetch through `api`, and
//! hand data to components.

pub mod article;
pub mod event;
pub mod events;
pub mod home;
pub mod news_day;
pub mod news_feed;
pub mod not_found;
pub mod partners;
pub mod saved;
pub mod search;
pub mod site;
pub mod sites;
