//! The contract between Portal's content API and its readers.
//!
//! One definition serves both sides: the publisher serialises these types into
//! the static JSON tree, the app deserialises them. It knows nothing of Leptos
//! or the browser, so everything here compiles and is tested natively.
//!
//! - [`lang`]: the three reader languages.
//! - [`timestamp`]: RFC 3339 instants with their offset, validated on decode.
//! - [`blocks`]: structured article bodies (never HTML).
//! - [`news`]: articles, summaries, feed pages and categories.
//! - [`events`]: events, month buckets, the events index and upcoming list.
//! - [`sites`]: the travel guide: sites, their index and section facts.
//! - [`photo`]: a photograph's renditions and the `srcset`s that offer them.
//! - [`paths`]: where each API document lives, relative to the API base.
//! - [`urls`]: the reader-facing URLs of the app and their query parameters.
//! - [`slug`]: the one rule for slugs, used in paths and URLs.
//! - [`widgets`]: partner widgets' options and the snippet that embeds them.

pub mod blocks;
pub mod events;
pub mod lang;
pub mod news;
pub mod paths;
pub mod photo;
pub mod sites;
pub mod slug;
pub mod timestamp;
pub mod urls;
pub mod widgets;

pub use blocks::{Block, Image, Inline};
pub use events::{
    Event, EventSummary, EventsIndex, MonthBucket, MonthEntry, Organiser, UpcomingEvents, Venue,
};
pub use lang::Lang;
pub use news::{
    ArchiveDay, ArchiveYear, Article, ArticleSummary, Category, CategoryList, CategoryRef,
    NewsArchive, NewsArchiveYear, NewsArchiveYears, NewsDay, NewsPage,
};
pub use photo::Photo;
pub use sites::{
    AccessFacts, AccessFeature, MemorialFacts, NearbySite, RegionShape, RegionShapes,
    SanatoriumFacts, Site, SiteIndex, SiteSummary, SouvenirFacts, UnescoFacts,
};
pub use sites::{DateRange, Day, HoursRule, MonthDay, OpeningHours, Span};
pub use timestamp::Timestamp;

/// Articles per page of the news feed, in every language and category.
pub const NEWS_PAGE_SIZE: usize = 12;
