//! The deployment's public origin (`https://portal.example.by`). The JSON
//! documents use relative paths, but an RSS feed or an `.ics` file is read
//! away from the site: its links and images must be absolute, so the
//! publisher needs to know where the site and its API are reachable.

use portal_contract::paths::DEFAULT_API_BASE;

/// The environment variable read when `--origin` is not given.
pub const ORIGIN_ENV: &str = "PORTAL_PUBLIC_ORIGIN";

/// Without `--origin` or the variable: the dev server (`scripts/dev`).
pub const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";

/// `http(s)://host[:port]`, lowercase, with no trailing slash, path, query,
/// fragment or credentials: the app's pages are at the root of the origin,
/// and the API at [`DEFAULT_API_BASE`] under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicOrigin(String);

impl Default for PublicOrigin {
    fn default() -> PublicOrigin {
        PublicOrigin(DEFAULT_ORIGIN.to_string())
    }
}

impl PublicOrigin {
    /// Checks an origin as given on the command line; one trailing slash is
    /// forgiven.
    pub fn parse(text: &str) -> Result<PublicOrigin, String> {
        let refuse = |why: &str| {
            Err(format!(
                "the public origin {text:?} {why}; give scheme and host only, e.g. https://portal.example.by"
            ))
        };
        let lower = text.to_ascii_lowercase();
        let trimmed = lower.strip_suffix('/').unwrap_or(&lower);
        let Some((scheme, authority)) = trimmed.split_once("://") else {
            return refuse("does not start with http:// or https://");
        };
        if scheme != "http" && scheme != "https" {
            return refuse("does not start with http:// or https://");
        }
        if authority.contains(['/', '?', '#']) {
            return refuse("has a path, query or fragment");
        }
        if authority.contains('@') {
            return refuse("has credentials");
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) if !port.contains(']') => (host, Some(port)),
            _ => (authority, None),
        };
        let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            Some(ipv6) => {
                !ipv6.is_empty() && ipv6.chars().all(|c| c.is_ascii_hexdigit() || c == ':')
            }
            None => {
                !host.is_empty()
                    && host.split('.').all(|label| {
                        !label.is_empty()
                            && !label.starts_with('-')
                            && !label.ends_with('-')
                            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
            }
        };
        if !host_ok {
            return refuse("has no valid host name");
        }
        if let Some(port) = port {
            let valid = !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u16>().is_ok_and(|n| n > 0);
            if !valid {
                return refuse("has an invalid port");
            }
        }
        Ok(PublicOrigin(trimmed.to_string()))
    }

    /// [`ORIGIN_ENV`] when set and not empty, else [`DEFAULT_ORIGIN`].
    pub fn from_env() -> Result<PublicOrigin, String> {
        match std::env::var(ORIGIN_ENV) {
            Ok(text) if !text.is_empty() => {
                PublicOrigin::parse(&text).map_err(|error| format!("{ORIGIN_ENV}: {error}"))
            }
            _ => Ok(PublicOrigin::default()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A public page, from a root-relative path of `portal_contract::urls`.
    pub fn page(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// An API document or image, from a path of `portal_contract::paths`
    /// (or an image `src`).
    pub fn api(&self, path: &str) -> String {
        portal_contract::paths::resolve(&format!("{}{DEFAULT_API_BASE}", self.0), path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_scheme_host_and_port() {
        for (given, kept) in [
            ("https://portal.example.by", "https://portal.example.by"),
            ("https://Portal.Example.BY/", "https://portal.example.by"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://localhost:3000/", "http://localhost:3000"),
            ("https://[::1]:8443", "https://[::1]:8443"),
            ("https://xn--80a.by", "https://xn--80a.by"),
        ] {
            assert_eq!(PublicOrigin::parse(given).unwrap().as_str(), kept);
        }
        assert_eq!(PublicOrigin::default().as_str(), DEFAULT_ORIGIN);
    }

    #[test]
    fn refuses_anything_else() {
        for bad in [
            "",
            "portal.example.by",
            "//portal.example.by",
            "ftp://portal.example.by",
            "https://",
            "https://portal.example.by/news",
            "https://portal.example.by//",
            "https://portal.example.by?x=1",
            "https://portal.example.by#top",
            "https://user@portal.example.by",
            "https://portal example.by",
            "https://portal.example.by:",
            "https://portal.example.by:0",
            "https://portal.example.by:70000",
            "https://-portal.example.by",
            "https://portal..by",
            "https://<script>",
        ] {
            assert!(PublicOrigin::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn joins_pages_and_api_paths() {
        let origin = PublicOrigin::parse("https://portal.example.by").unwrap();
        assert_eq!(
            origin.page("/en/news/mir"),
            "https://portal.example.by/en/news/mir"
        );
        assert_eq!(
            origin.api("en/news/feed.xml"),
            "https://portal.example.by/api/v1/en/news/feed.xml"
        );
        assert_eq!(
            origin.api("media/castle.svg"),
            "https://portal.example.by/api/v1/media/castle.svg"
        );
    }
}
