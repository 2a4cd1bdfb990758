//! Folding: the one mapping from a character as written to the character
//! that is indexed and searched, so that spellings a reader treats as "the
//! same word" meet on one term.
//!
//! Written out as tables instead of `char::to_lowercase`: the standard
//! library's case mapping links Unicode tables of several kilobytes into the
//! wasm, and we only need the scripts the portal is written in (Latin with
//! the diacritics of Polish, Belarusian Łacinka, German and their neighbours;
//! Cyrillic).

/// What a character is to the tokeniser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// A letter or digit, folded.
    Char(char),
    /// A letter folded to two (ß → ss, æ → ae): the spelling readers type
    /// on a keyboard without the letter.
    Two(char, char),
    /// Part of the word but dropped: combining marks (the stress mark in
    /// "за́мок", a decomposed "é" = e + U+0301), soft hyphens and zero-width
    /// joiners. Readers never type them, so they must not split or change a
    /// word.
    Silent,
    /// An apostrophe: inside a word (сям’я, сям'я, don't) it joins and is
    /// dropped, since readers type ’, ' or nothing; elsewhere it separates.
    Apostrophe,
    /// Anything else separates words.
    Break,
}

/// Folds one character. See [`Fold`].
pub fn fold_char(c: char) -> Fold {
    let u = u32::from(c);
    match u {
        0x30..=0x39 | 0x61..=0x7A => Fold::Char(c),
        // ASCII capitals: case never distinguishes words in a search.
        0x41..=0x5A => Fold::Char(char::from((u + 0x20) as u8)),
        // ' ` ʼ ‘ ’: typewriter, backtick, the modifier letter apostrophe of
        // Belarusian and Ukrainian orthography, and the typographic quotes
        // editors' tools substitute for them.
        0x27 | 0x60 | 0x2BC | 0x2018 | 0x2019 => Fold::Apostrophe,
        0xAD | 0x300..=0x36F | 0x483..=0x489 | 0x200C | 0x200D => Fold::Silent,
        0xC0..=0xFF => latin1(u),
        0x100..=0x17F => latin_extended_a(u),
        0x400..=0x4FF => cyrillic(u),
        _ => Fold::Break,
    }
}

/// Whether `c` can start or continue a word.
pub fn is_word_char(c: char) -> bool {
    matches!(fold_char(c), Fold::Char(_) | Fold::Two(..))
}

/// Latin-1 letters U+00C0–U+00FF without their diacritics: readers type
/// "Mueller" or "Muller", "cafe" for "café", and Polish or Łacinka names
/// with or without marks depending on their keyboard. `*` is × and ÷.
const LATIN1: &[u8; 64] = b"aaaaaa_ceeeeiiiidnooooo*ouuuuy__aaaaaa_ceeeeiiiidnooooo*ouuuuy_y";

fn latin1(u: u32) -> Fold {
    match u {
        0xC6 | 0xE6 => Fold::Two('a', 'e'),
        0xDE | 0xFE => Fold::Two('t', 'h'),
        0xDF => Fold::Two('s', 's'),
        _ => table(LATIN1, u - 0xC0),
    }
}

/// Latin Extended-A U+0100–U+017F (ą ć č ę ł ń ś š ŭ ź ż ž …), each letter
/// to its base letter, for the same reason as [`LATIN1`]: Belarusian
/// Łacinka "Niaśviž" must meet "Niasviz".
const LATIN_EXTENDED_A: &str = concat!(
    "aaaaaa",       // Ā ā Ă ă Ą ą
    "cccccccc",     // Ć ć Ĉ ĉ Ċ ċ Č č
    "dddd",         // Ď ď Đ đ
    "eeeeeeeeee",   // Ē ē Ĕ ĕ Ė ė Ę ę Ě ě
    "gggggggg",     // Ĝ ĝ Ğ ğ Ġ ġ Ģ ģ
    "hhhh",         // Ĥ ĥ Ħ ħ
    "iiiiiiiiii",   // Ĩ ĩ Ī ī Ĭ ĭ Į į İ ı
    "__",           // Ĳ ĳ
    "jj",           // Ĵ ĵ
    "kkk",          // Ķ ķ ĸ
    "llllllllll",   // Ĺ ĺ Ļ ļ Ľ ľ Ŀ ŀ Ł ł
    "nnnnnnnnn",    // Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ
    "oooooo",       // Ō ō Ŏ ŏ Ő ő
    "__",           // Œ œ
    "rrrrrr",       // Ŕ ŕ Ŗ ŗ Ř ř
    "ssssssss",     // Ś ś Ŝ ŝ Ş ş Š š
    "tttttt",       // Ţ ţ Ť ť Ŧ ŧ
    "uuuuuuuuuuuu", // Ũ ũ Ū ū Ŭ ŭ Ů ů Ű ű Ų ų
    "ww",           // Ŵ ŵ
    "yyy",          // Ŷ ŷ Ÿ
    "zzzzzz",       // Ź ź Ż ż Ž ž
    "s",            // ſ
);
const _: () = assert!(LATIN_EXTENDED_A.len() == 128, "one entry per code point");

fn latin_extended_a(u: u32) -> Fold {
    match u {
        0x132 | 0x133 => Fold::Two('i', 'j'),
        0x152 | 0x153 => Fold::Two('o', 'e'),
        _ => table(LATIN_EXTENDED_A.as_bytes(), u - 0x100),
    }
}

fn table(table: &[u8], offset: u32) -> Fold {
    match table.get(offset as usize) {
        Some(b'*') | None => Fold::Break,
        Some(&letter) => Fold::Char(char::from(letter)),
    }
}

fn cyrillic(u: u32) -> Fold {
    let lower = match u {
        // Ѐ Ё Ђ … Ў Џ sit 0x50 below their small letters; А–Я 0x20 below.
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        // Extended letters (Ѣ, Ґ, Ҡ, Ӑ …) come in capital/small pairs,
        // capital first, except the block 04C1–04CE, which pairs odd/even.
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF => u | 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        0x482 => return Fold::Break, // ҂, a numeral sign
        _ => u,
    };
    let folded = match lower {
        // ё is written as е in most Russian print, so "елка" must find
        // "ёлка"; є (Ukrainian) and ѐ are other spellings of the same vowel.
        0x450 | 0x451 | 0x454 => 0x435,
        // Belarusian і and Russian и are the same sound in the same words
        // ("Мір"/"Мир", "Нясвіж"/"Несвиж" share the и); ї and ѝ likewise.
        0x456 | 0x457 | 0x45D => 0x438,
        // Belarusian ў is the form у takes after a vowel ("у Мінску", "ва
        // ўсіх", "Усход" / "на ўсходзе"): each form must find the other,
        // and the Russian spelling has only у.
        0x45E => 0x443,
        // Ukrainian ґ, typed as г on Russian and Belarusian keyboards.
        0x491 => 0x433,
        // ъ and ь are both silent signs and often confused when typing
        // (the Belarusian layout has no ъ key at all).
        0x44A => 0x44C,
        other => other,
    };
    char::from_u32(folded).map_or(Fold::Break, Fold::Char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match fold_char(c) {
                Fold::Char(f) => out.push(f),
                Fold::Two(a, b) => {
                    out.push(a);
                    out.push(b);
                }
                Fold::Silent | Fold::Apostrophe => {}
                Fold::Break => out.push(' '),
            }
        }
        out
    }

    #[test]
    fn ascii_case_and_digits() {
        assert_eq!(fold("Minsk 2026 UNESCO"), "minsk 2026 unesco");
        assert_eq!(fold("a-z_A@Z"), "a z a z");
    }

    #[test]
    fn latin_diacritics_fold_to_base_letters() {
        assert_eq!(fold("Łódź Kraków Gdańsk"), "lodz krakow gdansk");
        assert_eq!(fold("Niaśviž Hrodna Mahilioŭ"), "niasviz hrodna mahiliou");
        assert_eq!(fold("Zażółć gęślą jaźń"), "zazolc gesla jazn");
        assert_eq!(
            fold("Straße Müller Ærø Œuvre"),
            "strasse muller aero oeuvre"
        );
        assert_eq!(fold("ÀÉÎÕÜÝÿ"), "aeiouyy");
        assert_eq!(fold("Þór"), "thor");
        assert_eq!(fold("2×3÷4"), "2 3 4");
        assert_eq!(fold("Čč Ďď Ěě Řř Ťť Ůů"), "cc dd ee rr tt uu");
    }

    #[test]
    fn the_latin_tables_cover_every_code_point() {
        for u in 0xC0..=0x17F {
            let c = char::from_u32(u).unwrap();
            let expected_break = u == 0xD7 || u == 0xF7;
            assert_eq!(fold_char(c) == Fold::Break, expected_break, "U+{u:04X}");
        }
        assert_eq!(fold("ſ"), "s");
        assert_eq!(fold("Ŋŋ Ŧŧ Ÿ"), "nn tt y");
    }

    #[test]
    fn cyrillic_lowercases_and_meets_across_ru_and_be() {
        assert_eq!(fold("МІНСК Мінск"), "минск минск");
        assert_eq!(fold("Мір"), fold("Мир"));
        assert_eq!(fold("Ёлка"), fold("елка"));
        assert_eq!(fold("Ўсход"), "усход");
        assert_eq!(fold("ЁЖЗІЎ"), "ежзиу");
        assert_eq!(fold("ґанок Ґ Єва Їжак"), "ганок г ева ижак");
        assert_eq!(fold("объявление"), fold("обьявление"));
        assert_eq!(
            fold("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
            "абвгдежзийклмнопрстуфхцчшщьыьэюя"
        );
        assert_eq!(fold("ЀЂЃЅЈЉЊЋЌЍЏ"), "еђѓѕјљњћќиџ");
    }

    #[test]
    fn extended_cyrillic_pairs_lowercase() {
        assert_eq!(fold("Ѣѣ"), "ѣѣ");
        assert_eq!(fold("Ӂӂ"), "ӂӂ");
        assert_eq!(fold("Ӏӏ"), "ӏӏ");
        assert_eq!(fold("ӐӑҠҡ"), "ӑӑҡҡ");
        assert_eq!(fold("1҂2"), "1 2");
    }

    #[test]
    fn marks_and_apostrophes_are_dropped() {
        assert_eq!(fold("за\u{301}мок"), "замок");
        assert_eq!(fold("cafe\u{301}"), "cafe");
        assert_eq!(fold("soft\u{ad}hyphen"), "softhyphen");
        for apostrophe in ['\'', '’', 'ʼ', '‘', '`'] {
            assert_eq!(fold_char(apostrophe), Fold::Apostrophe, "{apostrophe}");
        }
    }

    #[test]
    fn other_scripts_and_symbols_separate() {
        for c in [
            'α', '中', '€', '—', '«', '»', '№', ' ', '\u{a0}', '\n', '😀',
        ] {
            assert_eq!(fold_char(c), Fold::Break, "{c}");
        }
    }
}
