//! The content API as the prerenderer sees it: the publisher's output on
//! disk. Same methods and errors as the browser's client (`client.rs`); URLs
//! it hands to views (images, feeds) are the public ones.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::ApiError;

/// Kept for the one constant both clients export.
pub const REQUEST_TIMEOUT_MS: u32 = 8_000;

/// `Copy` like the browser's client; made once per prerendering run, so
/// its strings are leaked on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiClient {
    /// The public base, as `index.html` names it (`/api/v1`).
    base: &'static str,
    /// Where the published documents are; `None` answers every document
    /// as missing.
    files: Option<&'static Path>,
    same_origin: bool,
}

impl ApiClient {
    pub fn new(base: impl Into<String>) -> ApiClient {
        let base: &'static str = Box::leak(base.into().into_boxed_str());
        ApiClient {
            base,
            files: None,
            same_origin: !base.contains("://"),
        }
    }

    /// A client whose documents are the files under `files` (the `--out`
    /// of the publisher), published at `base`.
    pub fn published(base: impl Into<String>, files: PathBuf) -> ApiClient {
        ApiClient {
            files: Some(Box::leak(files.into_boxed_path())),
            ..ApiClient::new(base)
        }
    }

    pub fn is_same_origin(&self) -> bool {
        self.same_origin
    }

    pub fn url(&self, path: &str) -> String {
        portal_contract::paths::resolve(self.base, path)
    }

    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let Some(files) = self.files else {
            return Err(ApiError::NotFound);
        };
        let relative = path.trim_start_matches('/');
        if relative
            .split('/')
            .any(|part| part == ".." || part.is_empty())
        {
            return Err(ApiError::NotFound);
        }
        let text = match std::fs::read_to_string(files.join(relative)) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(ApiError::NotFound)
            }
            Err(err) => return Err(ApiError::Network(format!("{relative}: {err}"))),
        };
        serde_json::from_str(&text).map_err(|err| ApiError::Decode(format!("{relative}: {err}")))
    }
}
