//! Search across the portal, shared by the publisher (which builds one index
//! per language into `{lang}/search.json`) and the app (which loads it and
//! searches as the reader types). Pure functions, tested natively; compiled
//! to wasm with serde as the only dependency.
//!
//! - [`fold`]: the character folding that makes "Мір" find "Мир" and
//!   "Łódź" find "Lodz";
//! - [`tokens`]: words with their byte ranges;
//! - [`index`]: the published index and its compact JSON;
//! - [`builder`]: building an index from documents;
//! - [`query`]: AND, prefix-as-you-type, ranked search;
//! - [`highlight`]: which words of a result to mark;
//! - [`groups`]: results counted and filtered by kind.

pub mod builder;
pub mod fold;
pub mod groups;
pub mod highlight;
pub mod index;
pub mod query;
pub mod tokens;

pub use builder::IndexBuilder;
pub use fold::{fold_char, Fold};
pub use groups::{of_kind, KindCounts};
pub use highlight::highlight;
pub use index::{DocKind, Fields, Posting, SearchDoc, SearchIndex, MAX_SNIPPET_CHARS};
pub use query::{search, Hit, Query, MAX_QUERY_TOKENS};
pub use tokens::{fold_text, tokens, Token, Tokens, MAX_TOKEN_CHARS};
