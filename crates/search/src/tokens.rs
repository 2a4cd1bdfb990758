//! Words of a text with their place in it. The same tokeniser reads
//! documents (in the publisher), queries and result texts (in the app), so a
//! word is indexed, searched and highlighted by one rule.

use crate::fold::{fold_char, is_word_char, Fold};

/// Folded characters kept of one word. Longer words are still one token
/// (their byte range covers all of them) but only this much is compared:
/// it bounds the index and the work a pasted blob of text can cause.
pub const MAX_TOKEN_CHARS: usize = 64;

/// One word: its byte range in the original text (never inside a UTF-8
/// character) and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    /// Exclusive.
    pub end: usize,
    pub folded: String,
}

/// Every word of `text`, in order. A word is a run of letters and digits of
/// the scripts [`fold_char`] knows, with apostrophes, combining marks and
/// soft hyphens inside it.
pub fn tokens(text: &str) -> Vec<Token> {
    Tokens::new(text).collect()
}

/// The words of a text, one at a time (a query reads only its first few).
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    /// Byte offset of the first character not read yet.
    pos: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Tokens<'a> {
        Tokens { text, pos: 0 }
    }
}

impl Tokens<'_> {
    /// The next word's byte range, its folded form written into `folded`
    /// (cleared first): the same words as the iterator, without a new
    /// string per word (the publisher indexes millions of them).
    pub fn next_into(&mut self, folded: &mut String) -> Option<(usize, usize)> {
        folded.clear();
        let rest = self.text.get(self.pos..)?;
        let mut chars = rest.char_indices().peekable();
        let mut word: Option<(usize, usize)> = None;
        let mut kept = 0;
        while let Some((offset, c)) = chars.next() {
            let at = self.pos + offset;
            let after = at + c.len_utf8();
            let in_word = word.is_some();
            let (first, second) = match fold_char(c) {
                Fold::Char(f) => (Some(f), None),
                Fold::Two(a, b) => (Some(a), Some(b)),
                Fold::Silent if in_word => (None, None),
                Fold::Apostrophe
                    if in_word && chars.peek().is_some_and(|&(_, n)| is_word_char(n)) =>
                {
                    (None, None)
                }
                _ if in_word => {
                    // The separator is consumed: the next word starts after it.
                    self.pos = after;
                    return word;
                }
                _ => continue,
            };
            let range = word.get_or_insert((at, at));
            range.1 = after;
            for f in [first, second].into_iter().flatten() {
                if kept < MAX_TOKEN_CHARS {
                    folded.push(f);
                    kept += 1;
                }
            }
        }
        self.pos = self.text.len();
        word
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let mut folded = String::new();
        let (start, end) = self.next_into(&mut folded)?;
        Some(Token { start, end, folded })
    }
}

/// The folded form of a whole text, words joined by single spaces.
pub fn fold_text(text: &str) -> String {
    let mut out = String::new();
    for token in Tokens::new(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&token.folded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.folded).collect()
    }

    fn spans(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn english_words_digits_and_case() {
        assert_eq!(
            words("Mir Castle, 2026: UNESCO-listed!"),
            ["mir", "castle", "2026", "unesco", "listed"]
        );
        assert_eq!(words("COVID19 vs. 3D"), ["covid19", "vs", "3d"]);
        assert_eq!(words("don't Belarus's"), ["dont", "belaruss"]);
        assert_eq!(words("café naïve"), ["cafe", "naive"]);
    }

    #[test]
    fn russian_and_belarusian() {
        assert_eq!(
            words("Мирский замок — ЮНЕСКО"),
            ["мирский", "замок", "юнеско"]
        );
        assert_eq!(words("Мірскі замак"), ["мирски", "замак"]);
        assert_eq!(words("Ёлка ёлка елка"), ["елка", "елка", "елка"]);
        assert_eq!(words("у Мінску, ў Мінску"), ["у", "минску", "у", "минску"]);
        assert_eq!(words("Нясвіж Несвиж"), ["нясвиж", "несвиж"]);
    }

    #[test]
    fn apostrophes_join_only_inside_words() {
        assert_eq!(words("сям’я сям'я сямʼя сямя"), ["сямя"; 4]);
        assert_eq!(spans("«сям’я»"), ["сям’я"]);
        assert_eq!(
            words("'quoted' students' ’word’"),
            ["quoted", "students", "word"]
        );
        assert_eq!(spans("students' x"), ["students", "x"]);
        assert_eq!(words("a''b"), ["a", "b"]);
        assert_eq!(words("'"), Vec::<String>::new());
    }

    #[test]
    fn mixed_scripts_split_nothing_they_share() {
        // Latin and Cyrillic letters in one run stay one word; other
        // scripts and symbols separate.
        assert_eq!(
            words("Minsk-Мінск IT-парк"),
            ["minsk", "минск", "it", "парк"]
        );
        assert_eq!(words("abcабв"), ["abcабв"]);
        assert_eq!(words("x€y αβγ z"), ["x", "y", "z"]);
        assert_eq!(words("№5 50%"), ["5", "50"]);
    }

    #[test]
    fn offsets_cover_the_original_bytes() {
        let text = "  Мір, за\u{301}мак\u{ad}! Łódź ";
        let list = tokens(text);
        assert_eq!(spans(text), ["Мір", "за\u{301}мак\u{ad}", "Łódź"]);
        assert_eq!((list[0].start, list[0].end), (2, 8));
        for token in &list {
            assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        }
        assert_eq!(list[1].folded, "замак");
    }

    #[test]
    fn empty_and_punctuation_only() {
        for text in ["", "   ", "\n\t", "!?—…", "'’", "\u{301}\u{ad}"] {
            assert!(tokens(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn long_words_are_capped_but_covered() {
        let long = "я".repeat(200);
        let text = format!("{long} x");
        let list = tokens(&text);
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].folded.chars().count(), MAX_TOKEN_CHARS);
        assert_eq!(list[0].end, long.len());
        // Two-letter folds count both letters and stop exactly at the cap.
        let list = tokens(&"ß".repeat(40));
        assert_eq!(list[0].folded, "s".repeat(MAX_TOKEN_CHARS));
    }

    #[test]
    fn fold_text_joins_words() {
        assert_eq!(fold_text("  Мірскі   ЗАМАК! "), "мирски замак");
        assert_eq!(fold_text("—"), "");
    }
}
