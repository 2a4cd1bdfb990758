//! Search across the portal, shared by the publisher (which builds one index
//! per language and publishes it cut into shards under `{lang}/search/`) and
//! the app (which fetches the shards a query needs and searches as the
//! reader types). Pure functions, tested natively; compiled
//! to wasm with serde as the only dependency.
//!
//! - [`fold`]: the character folding that makes "Мір" find "Мир" and
//!   "Łódź" find "Lodz";
//! - [`tokens`]: words with their byte ranges;
//! - [`index`]: the published index and its compact JSON;
//! - [`builder`]: building an index from documents;
//! - [`query`]: AND, prefix-as-you-type, ranked search;
//! - [`highlight`]: which words of a result to mark;
//! - [`groups`]: results counted and filtered by kind;
//! - [`shards`]: the index cut into files fetched as queries need them.

pub mod builder;
pub mod fold;
pub mod groups;
pub mod highlight;
pub mod index;
pub mod patch;
pub mod query;
pub mod shards;
pub mod tokens;

pub use builder::{DocTerms, IndexBuilder};
pub use fold::{fold_char, Fold};
pub use groups::{first_of_each_kind, of_kind, KindCounts};
pub use highlight::highlight;
pub use index::{
    canonical_numbering, DocKind, Fields, KindRanges, Posting, SearchDoc, SearchIndex,
    MAX_SNIPPET_CHARS,
};
pub use query::{search, Hit, Query, Terms, MAX_QUERY_TOKENS};
pub use shards::{ShardManifest, ShardSet, TermShard};
pub use tokens::{fold_text, tokens, Token, Tokens, MAX_TOKEN_CHARS};
