//! Slugs name articles and categories in URLs and API paths.

/// Longest slug we accept; keeps paths and file names sane.
pub const MAX_SLUG_LEN: usize = 100;

/// A slug is lowercase ASCII letters and digits in groups joined by single
/// hyphens: `mir-castle-2026`. Anything else (from a URL or a content file)
/// is refused before it reaches a path, so it can never escape the API tree.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_slugs() {
        for ok in ["a", "mir-castle", "expo-2026", "x1-y2-z3"] {
            assert!(is_valid_slug(ok), "{ok}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        let long = "a".repeat(MAX_SLUG_LEN + 1);
        for bad in [
            "", "-a", "a-", "a--b", "A", "a_b", "a b", "../etc", "a/b", "мір", "a.json", &long,
        ] {
            assert!(!is_valid_slug(bad), "{bad:?}");
        }
    }
}
