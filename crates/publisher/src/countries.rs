//! Country names for the UNESCO facts' `cross_border`, which editors write
//! once, in English: the guide's neighbours and the countries of the Struve
//! Arc, in each language. An unknown name is refused, so a reader never
//! sees an English word on a Russian or Belarusian page.

use portal_contract::Lang;

/// English, Russian, Belarusian.
const COUNTRIES: [(&str, &str, &str); 11] = [
    ("Poland", "Польша", "Польшча"),
    ("Lithuania", "Литва", "Літва"),
    ("Latvia", "Латвия", "Латвія"),
    ("Estonia", "Эстония", "Эстонія"),
    ("Russia", "Россия", "Расія"),
    ("Ukraine", "Украина", "Украіна"),
    ("Moldova", "Молдова", "Малдова"),
    ("Finland", "Финляндия", "Фінляндыя"),
    ("Sweden", "Швеция", "Швецыя"),
    ("Norway", "Норвегия", "Нарвегія"),
    ("Belarus", "Беларусь", "Беларусь"),
];

/// The name of an English-named country in `lang`, or `None` if unknown.
pub fn country_name(english: &str, lang: Lang) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(en, _, _)| *en == english)
        .map(|(en, ru, be)| match lang {
            Lang::En => *en,
            Lang::Ru => *ru,
            Lang::Be => *be,
        })
}

/// The names this table knows, for error messages.
pub fn known() -> String {
    COUNTRIES
        .iter()
        .map(|(en, _, _)| *en)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_each_language() {
        assert_eq!(country_name("Poland", Lang::Be), Some("Польшча"));
        assert_eq!(country_name("Norway", Lang::Ru), Some("Норвегия"));
        assert_eq!(country_name("Sweden", Lang::En), Some("Sweden"));
        assert_eq!(country_name("Atlantis", Lang::En), None);
    }
}
