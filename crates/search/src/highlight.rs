//! Where to mark the query in a result's title or snippet.

use crate::query::Query;
use crate::tokens::Tokens;

/// Byte ranges (start, exclusive end) of the words of `text` that match
/// `query` the way the search does: the folded word equals or starts with a
/// folded query word. The ranges are whole words of the original text, so
/// `&text[start..end]` is always valid UTF-8; they are in order and never
/// overlap.
pub fn highlight(text: &str, query: &str) -> Vec<(usize, usize)> {
    Query::parse(query).highlight(text)
}

impl Query {
    /// [`highlight`] with a query parsed once for many texts.
    pub fn highlight(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        Tokens::new(text)
            .filter(|token| self.matches_word(&token.folded))
            .map(|token| (token.start, token.end))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        highlight(text, query)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn marks_whole_words_by_prefix() {
        assert_eq!(
            marked("UNESCO lists Mir Castle", "unesc castle"),
            ["UNESCO", "Castle"]
        );
        assert_eq!(marked("Mirsky castle in Mir", "mir"), ["Mirsky", "Mir"]);
        assert!(marked("Admiral", "mir").is_empty());
    }

    #[test]
    fn offsets_are_bytes_of_the_original_cyrillic() {
        let text = "Мірскі замак: сям’я, Ёлка і Мір.";
        let ranges = highlight(text, "мир елка сям'я");
        assert_eq!(
            marked(text, "мир елка сям'я"),
            ["Мірскі", "сям’я", "Ёлка", "Мір"]
        );
        assert_eq!(ranges[0], (0, "Мірскі".len()));
        for (start, end) in ranges {
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }

    #[test]
    fn marks_and_decomposed_letters_stay_inside_the_range() {
        let text = "за\u{301}мак Cafe\u{301}!";
        assert_eq!(marked(text, "замак café"), ["за\u{301}мак", "Cafe\u{301}"]);
    }

    #[test]
    fn nothing_to_mark() {
        assert!(highlight("Mir", "").is_empty());
        assert!(highlight("Mir", " —!").is_empty());
        assert!(highlight("", "mir").is_empty());
    }
}
