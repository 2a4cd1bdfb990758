//! Portal's publisher: turns `content/` (news articles in Markdown with TOML
//! front matter, event and travel-guide folders, categories, regions, SVG
//! media) into the static JSON API tree the app reads, with `.ics` files
//! and the search index.
//!
//! The pipeline, one module per step:
//! - [`sources`]: read the content directory and check its layout;
//! - [`categories`], [`front_matter`], [`markdown`], [`media`] (with
//!   [`svg_check`], what an SVG may contain), [`texts`]: parse and check
//!   each kind of file;
//! - [`article`]: one news article checked on its own (its body then kept
//!   as a [`body`] handle to the file, parsed again when written); [`event_file`] one
//!   event folder and [`site_file`] one travel-guide folder, both read by
//!   [`folder`] (facts file plus texts per language); [`countries`] the
//!   UNESCO cross-border names; [`belarus`] the country's bounds and clock;
//! - [`checked`]: every file checked and the checks across files (articles
//!   whose files did not change since the last build taken from
//!   [`check_cache`], events and sites from [`folder_cache`]);
//!   [`build`]: then every API document, as
//!   of the build date (`PORTAL_BUILD_DATE`): yearly events expanded by
//!   [`recurrence`] and published by [`events_build`], the archive in
//!   [`news_archive`], the guide in [`sites_build`] and [`region_shapes`],
//!   the search index in [`search_build`], related articles in
//!   [`related`], the link previews (PNGs of the
//!   heroes' SVGs) in [`og_image`], kept between builds by [`cache`];
//!   what each expensive document is made from in [`news_recipes`] and
//!   [`item_recipes`] (events and sites), so an update makes only what
//!   changed;
//! - [`news_feeds`]: the RSS feeds of the news (escaped by `portal_export::xml`),
//!   with absolute links on the deployment's [`origin`];
//! - [`output`]: each document to the staging tree as it is made (by a
//!   writer thread) or into memory, [`parallel`] the languages' pieces
//!   side by side; [`write`]: swap the new tree into
//!   place atomically, or [`update`] the tree in place when
//!   [`tree_manifest`] (kept in the cache) says what it holds; [`watch`]:
//!   a publisher that stays running and is told what changed;
//!   [`progress`]: what a terminal sees meanwhile;
//! - [`schema`]: JSON Schemas of the documents;
//! - [`cli`]: the `portal-publisher` command line.
//!
//! Problems are [`error::ContentError`]s with file, line and reason; all of
//! them are collected before anything is written.

pub mod article;
pub mod belarus;
pub mod body;
pub mod build;
pub mod cache;
pub mod categories;
pub mod check_cache;
pub mod checked;
pub mod cli;
pub mod countries;
pub mod error;
pub mod event_file;
pub mod events_build;
pub mod folder;
pub mod folder_cache;
pub mod front_matter;
pub mod item_recipes;
pub mod markdown;
pub mod media;
pub mod news_archive;
pub mod news_feeds;
pub mod news_recipes;
pub mod og_image;
pub mod origin;
pub mod output;
pub mod parallel;
pub mod path_map;
pub mod photos;
pub mod pieces;
pub mod progress;
pub mod recurrence;
pub mod region_shapes;
pub mod related;
pub mod schema;
pub mod search_build;
pub mod search_patch;
pub mod search_state;
pub mod search_terms_cache;
pub mod site_access;
pub mod site_file;
pub mod sites_build;
pub mod sources;
pub mod svg_check;
pub mod texts;
pub mod tree_manifest;
pub mod update;
pub mod watch;
pub mod write;
