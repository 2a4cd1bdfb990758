//! The names of the towns the guide measures distances from
//! (`portal_geo::towns`), in each language.

use portal_contract::Lang;

/// `(slug, en, ru, be)`.
const NAMES: [(&str, &str, &str, &str); 23] = [
    ("minsk", "Minsk", "Минск", "Мінск"),
    ("brest", "Brest", "Брест", "Брэст"),
    ("grodno", "Grodno", "Гродно", "Гродна"),
    ("gomel", "Gomel", "Гомель", "Гомель"),
    ("mogilev", "Mogilev", "Могилёв", "Магілёў"),
    ("vitebsk", "Vitebsk", "Витебск", "Віцебск"),
    ("baranovichi", "Baranovichi", "Барановичи", "Баранавічы"),
    ("bobruisk", "Bobruisk", "Бобруйск", "Бабруйск"),
    ("borisov", "Borisov", "Борисов", "Барысаў"),
    ("pinsk", "Pinsk", "Пинск", "Пінск"),
    ("orsha", "Orsha", "Орша", "Орша"),
    ("mozyr", "Mozyr", "Мозырь", "Мазыр"),
    ("lida", "Lida", "Лида", "Ліда"),
    ("molodechno", "Molodechno", "Молодечно", "Маладзечна"),
    ("polotsk", "Polotsk", "Полоцк", "Полацк"),
    ("slonim", "Slonim", "Слоним", "Слонім"),
    ("nesvizh", "Nesvizh", "Несвиж", "Нясвіж"),
    ("mir", "Mir", "Мир", "Мір"),
    ("novogrudok", "Novogrudok", "Новогрудок", "Навагрудак"),
    ("braslav", "Braslav", "Браслав", "Браслаў"),
    ("kamenets", "Kamenets", "Каменец", "Камянец"),
    ("myadel", "Myadel", "Мядель", "Мядзел"),
    ("turov", "Turov", "Туров", "Тураў"),
];

pub fn town_name(lang: Lang, slug: &str) -> Option<&'static str> {
    NAMES
        .iter()
        .find(|(s, ..)| *s == slug)
        .map(|(_, en, ru, be)| match lang {
            Lang::En => *en,
            Lang::Ru => *ru,
            Lang::Be => *be,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_town_the_guide_knows_has_a_name_in_every_language() {
        for town in portal_geo::towns::TOWNS {
            for lang in Lang::ALL {
                assert!(
                    town_name(lang, town.slug).is_some_and(|n| !n.is_empty()),
                    "{} {lang:?}",
                    town.slug
                );
            }
        }
        assert_eq!(NAMES.len(), portal_geo::towns::TOWNS.len());
        assert_eq!(town_name(Lang::Be, "grodno"), Some("Гродна"));
    }
}
