//! Portal's publisher: turns `content/` (Markdown with TOML front matter,
//! categories, SVG media) into the static JSON API tree the app reads.
//!
//! The pipeline, one module per step:
//! - [`sources`]: read the content directory and check its layout;
//! - [`categories`], [`front_matter`], [`markdown`], [`media`]: parse and
//!   check each kind of file;
//! - [`article`]: one article file checked on its own;
//! - [`build`]: checks across files, then the API documents in memory
//!   (events in [`events_build`], the search index in [`search_build`]);
//! - [`write`]: swap the new tree into place atomically;
//! - [`schema`]: JSON Schemas of the documents;
//! - [`cli`]: the `portal-publisher` command line.
//!
//! Problems are [`error::ContentError`]s with file, line and reason; all of
//! them are collected before anything is written.

pub mod article;
pub mod build;
pub mod categories;
pub mod cli;
pub mod countries;
pub mod error;
pub mod event_file;
pub mod events_build;
pub mod folder;
pub mod front_matter;
pub mod markdown;
pub mod media;
pub mod news_archive;
pub mod recurrence;
pub mod region_shapes;
pub mod schema;
pub mod search_build;
pub mod site_file;
pub mod sites_build;
pub mod sources;
pub mod texts;
pub mod write;
