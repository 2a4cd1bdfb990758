//! Counted phrases with CLDR cardinal plural rules.
//!
//! English has one/other; Russian and Belarusian have one/few/many
//! (1, 21, 31 → one; 2–4, 22–24 → few; 0, 5–20, 25–30 → many).

use portal_contract::Lang;

/// The forms of one counted phrase; `{n}` is replaced by the number.
/// English uses `one` and `many` (as its "other").
pub struct Plural {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Few,
    Many,
}

/// The plural category of a non-negative integer in `lang`.
pub fn category(lang: Lang, n: u64) -> PluralCategory {
    match lang {
        Lang::En => {
            if n == 1 {
                PluralCategory::One
            } else {
                PluralCategory::Many
            }
        }
        Lang::Ru | Lang::Be => {
            let (mod10, mod100) = (n % 10, n % 100);
            if mod10 == 1 && mod100 != 11 {
                PluralCategory::One
            } else if (2..=4).contains(&mod10) && !(12..=14).contains(&mod100) {
                PluralCategory::Few
            } else {
                PluralCategory::Many
            }
        }
    }
}

impl Plural {
    pub fn format(&self, lang: Lang, n: u64) -> String {
        let form = match category(lang, n) {
            PluralCategory::One => self.one,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
        };
        form.replace("{n}", &n.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralCategory::*;

    #[test]
    fn english() {
        assert_eq!(category(Lang::En, 1), One);
        for n in [0, 2, 5, 11, 21, 101] {
            assert_eq!(category(Lang::En, n), Many, "{n}");
        }
    }

    #[test]
    fn east_slavic() {
        for lang in [Lang::Ru, Lang::Be] {
            for n in [1, 21, 31, 101, 1001] {
                assert_eq!(category(lang, n), One, "{n}");
            }
            for n in [2, 3, 4, 22, 24, 102] {
                assert_eq!(category(lang, n), Few, "{n}");
            }
            for n in [0, 5, 9, 11, 12, 13, 14, 19, 20, 25, 111, 112] {
                assert_eq!(category(lang, n), Many, "{n}");
            }
        }
    }

    #[test]
    fn formats_with_the_number() {
        let p = Plural {
            one: "{n} статья",
            few: "{n} статьи",
            many: "{n} статей",
        };
        assert_eq!(p.format(Lang::Ru, 1), "1 статья");
        assert_eq!(p.format(Lang::Ru, 3), "3 статьи");
        assert_eq!(p.format(Lang::Ru, 12), "12 статей");
        let texts = crate::texts(Lang::Be);
        assert_eq!(texts.minutes_read.format(Lang::Be, 2), "2 хвіліны чытання");
        assert_eq!(
            crate::texts(Lang::En).articles_count.format(Lang::En, 1),
            "1 article"
        );
    }
}
