//! The one error type of the content API, and how each kind reads to a
//! reader.

use portal_contract::Lang;

/// Why a request to the content API gave no usable document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 404: the document does not exist (an unknown slug or page).
    NotFound,
    /// The request never got an answer (offline, DNS, CORS, refused).
    Network(String),
    /// No answer within [`super::REQUEST_TIMEOUT_MS`]; the request was aborted.
    Timeout,
    /// Any other non-success HTTP status.
    Status(u16),
    /// The answer was not the JSON we expect (malformed or wrong shape).
    Decode(String),
}

impl ApiError {
    /// A plain-language sentence for the reader.
    pub fn message(&self, lang: Lang) -> String {
        let t = portal_i18n::texts(lang);
        match self {
            ApiError::NotFound => t.error_not_found.to_string(),
            ApiError::Network(_) => t.error_network.to_string(),
            ApiError::Timeout => t.error_timeout.to_string(),
            ApiError::Status(status) => {
                portal_i18n::fill(t.error_server, &[("status", &status.to_string())])
            }
            ApiError::Decode(_) => t.error_decode.to_string(),
        }
    }

    /// What a developer or support person needs, shown behind "details".
    pub fn detail(&self) -> Option<String> {
        match self {
            ApiError::Network(detail) | ApiError::Decode(detail) => Some(detail.clone()),
            ApiError::Status(status) => Some(format!("HTTP {status}")),
            ApiError::Timeout => Some(format!("no answer after {} ms", super::REQUEST_TIMEOUT_MS)),
            ApiError::NotFound => None,
        }
    }
}
