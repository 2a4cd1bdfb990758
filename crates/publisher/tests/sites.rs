//! The travel guide through the whole publisher: the index, section facts,
//! "Nearby" by great-circle distance, and refused input (coordinates outside
//! Belarus, a section's missing facts).

mod support;

use portal_calendar::Date;
use portal_contract::{Lang, Site, SiteIndex};
use portal_publisher::build::{build_site_on, BuildError, Site as Built};
use support::{Fixture, REGIONS};

const SECTIONS: &str = r#"[[category]]
slug = "unesco"
en = "UNESCO World Heritage sites"
ru = "Объекты ЮНЕСКО"
be = "Аб'екты ЮНЕСКА"

[[category]]
slug = "memorials"
en = "War memorials"
ru = "Мемориалы"
be = "Мемарыялы"

[[category]]
slug = "souvenirs"
en = "Souvenirs"
ru = "Сувениры"
be = "Сувеніры"
"#;

fn texts(name: &str) -> String {
    format!("{{ en = \"{name}\", ru = \"{name} ru\", be = \"{name} be\" }}")
}

/// A site.toml. Line 1 section, 2 region, 3 lat, 4 lon.
fn site_toml(section: &str, region: &str, lat: f64, lon: f64, facts: &str) -> String {
    format!(
        r#"section = "{section}"
region = "{region}"
lat = {lat}
lon = {lon}
name = {name}
summary = {summary}
address = {address}

[[gallery]]
src = "media/castle.svg"
alt = {alt}

{facts}
"#,
        name = texts("Name"),
        summary = texts("Summary"),
        address = texts("Address"),
        alt = texts("Alt"),
    )
}

const UNESCO: &str =
    "[unesco]\nyear = 2000\ncriteria = [\"ii\", \"iv\"]\nkind = \"cultural\"\ncross_border = []";
const MEMORIAL: &str =
    "[memorial]\ncommemorates = { en = \"The fallen\", ru = \"Павших\", be = \"Загінулых\" }";

fn fixture(sites: &[(&str, String)]) -> Fixture {
    let fixture = Fixture::new();
    fixture.write("site-sections.toml", SECTIONS);
    fixture.write("regions.toml", REGIONS);
    for (slug, toml) in sites {
        fixture.write(&format!("sites/{slug}/site.toml"), toml);
        fixture.write(&format!("sites/{slug}/en.md"), "A story about it.\n");
    }
    fixture
}

fn today() -> Date {
    Date::parse("2026-11-29").unwrap()
}

fn build(fixture: &Fixture) -> Built {
    match build_site_on(&fixture.content(), today()) {
        Ok(site) => site,
        Err(BuildError::Content(errors)) => panic!("refused: {errors:#?}"),
        Err(BuildError::Other(message)) => panic!("{message}"),
    }
}

fn doc<T: serde::de::DeserializeOwned>(site: &Built, path: &str) -> T {
    serde_json::from_slice(&site.files[path]).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn index_facts_and_nearby() {
    let fixture = fixture(&[
        (
            "mir-castle",
            site_toml("unesco", "grodno", 53.4513, 26.4728, UNESCO),
        ),
        (
            "nesvizh-palace",
            site_toml("unesco", "minsk", 53.2226, 26.6917, UNESCO),
        ),
        (
            "khatyn",
            site_toml("memorials", "minsk", 54.3347, 27.9441, MEMORIAL),
        ),
    ]);
    let built = build(&fixture);
    let index: SiteIndex = doc(&built, "ru/sites/index.json");
    assert_eq!(index.items.len(), 3);
    assert_eq!(index.sections[0].count, 2);
    assert_eq!(index.items[0].name, "Name ru");
    let mir: Site = doc(&built, "en/sites/mir-castle.json");
    let unesco = mir.unesco.as_ref().expect("UNESCO facts");
    assert_eq!((unesco.year, unesco.kind.as_str()), (2000, "cultural"));
    assert!(mir.memorial.is_none());
    // Nesvizh is about 29 km from Mir; Khatyn about 115 km.
    assert_eq!(mir.nearby.len(), 2);
    assert_eq!(mir.nearby[0].site.slug, "nesvizh-palace");
    assert!(
        (27.0..31.0).contains(&mir.nearby[0].distance_km),
        "{}",
        mir.nearby[0].distance_km
    );
    assert!(mir.nearby[1].distance_km > 100.0);
    let khatyn: Site = doc(&built, "be/sites/khatyn.json");
    assert_eq!(khatyn.memorial.unwrap().commemorates, "Загінулых");
    assert_eq!(khatyn.body_lang, Lang::En);
}

fn refused(fixture: &Fixture) -> Vec<String> {
    match build_site_on(&fixture.content(), today()) {
        Ok(_) => panic!("expected the build to be refused"),
        Err(BuildError::Content(errors)) => errors.iter().map(|e| e.to_string()).collect(),
        Err(BuildError::Other(message)) => panic!("{message}"),
    }
}

#[test]
fn refuses_coordinates_outside_belarus_and_missing_section_facts() {
    let paris = fixture(&[(
        "eiffel",
        site_toml("memorials", "minsk", 48.8584, 2.2945, MEMORIAL),
    )]);
    let errors = refused(&paris);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("sites/eiffel/site.toml:3: `lat` 48.8584 is outside Belarus")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("sites/eiffel/site.toml:4: `lon` 2.2945 is outside Belarus")),
        "{errors:#?}"
    );

    let no_facts = fixture(&[("mir", site_toml("unesco", "grodno", 53.45, 26.47, ""))]);
    let errors = refused(&no_facts);
    assert!(
        errors
            .iter()
            .any(|e| e
                .starts_with("sites/mir/site.toml:1: section \"unesco\" needs its [unesco] facts")),
        "{errors:#?}"
    );

    let bad_criteria = fixture(&[(
        "mir",
        site_toml(
            "unesco",
            "grodno",
            53.45,
            26.47,
            &UNESCO.replace("\"iv\"", "\"xv\""),
        ),
    )]);
    assert!(refused(&bad_criteria)[0].contains("`criteria` are roman numerals"));

    let atlantis = fixture(&[(
        "mir",
        site_toml(
            "unesco",
            "grodno",
            53.45,
            26.47,
            &UNESCO.replace("cross_border = []", "cross_border = [\"Atlantis\"]"),
        ),
    )]);
    assert!(refused(&atlantis)[0].contains("unknown country \"Atlantis\""));

    let souvenir = fixture(&[("sash", site_toml("souvenirs", "minsk", 53.02, 27.55, ""))]);
    assert!(refused(&souvenir)
        .iter()
        .any(|e| e.contains("needs its [souvenir] facts")));
}

#[test]
fn access_facts_tell_yes_no_and_not_known_and_feed_the_filter() {
    let access = "\n[access]\nstep_free_entrance = true\naccessible_toilet = false\n\
                  note = { en = \"Lift to floor 1\", ru = \"Лифт на 1 этаж\", be = \"Ліфт на 1 паверх\" }\n";
    let fixture = fixture(&[
        (
            "khatyn",
            site_toml(
                "memorials",
                "minsk",
                54.3347,
                27.9441,
                &format!("{MEMORIAL}{access}"),
            ),
        ),
        (
            "mir",
            site_toml("unesco", "grodno", 53.4513, 26.4728, UNESCO),
        ),
    ]);
    let built = build(&fixture);
    let khatyn: Site = doc(&built, "ru/sites/khatyn.json");
    let facts = khatyn.access.expect("access facts");
    assert_eq!(facts.step_free_entrance, Some(true));
    assert_eq!(facts.accessible_toilet, Some(false));
    assert_eq!(facts.disabled_parking, None);
    assert_eq!(facts.note.as_deref(), Some("Лифт на 1 этаж"));
    let mir: Site = doc(&built, "en/sites/mir.json");
    assert!(mir.access.is_none());
    let index: SiteIndex = doc(&built, "en/sites/index.json");
    let listed = |slug: &str| {
        index
            .items
            .iter()
            .find(|s| s.slug == slug)
            .unwrap()
            .access
            .clone()
    };
    assert_eq!(
        listed("khatyn"),
        [portal_contract::AccessFeature::StepFreeEntrance]
    );
    assert!(listed("mir").is_empty());
}

#[test]
fn refuses_an_access_table_that_says_nothing_or_misspells_a_feature() {
    let empty = fixture(&[(
        "khatyn",
        site_toml(
            "memorials",
            "minsk",
            54.3347,
            27.9441,
            &format!("{MEMORIAL}\n[access]\n"),
        ),
    )]);
    let errors = refused(&empty);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("sites/khatyn/site.toml:")
                && e.contains("[access] names none of")),
        "{errors:#?}"
    );
    let misspelt = fixture(&[(
        "khatyn",
        site_toml(
            "memorials",
            "minsk",
            54.3347,
            27.9441,
            &format!("{MEMORIAL}\n[access]\nwheelchair = true\n"),
        ),
    )]);
    let errors = refused(&misspelt);
    assert!(
        errors.iter().any(|e| e.contains("wheelchair")),
        "{errors:#?}"
    );
}

/// A memorial site with `opening_hours` on line 5.
fn with_hours(value: &str) -> String {
    site_toml("memorials", "minsk", 54.3347, 27.9441, MEMORIAL).replacen(
        "name = ",
        &format!("opening_hours = {value:?}\nname = "),
        1,
    )
}

#[test]
fn opening_hours_are_published_in_the_site_and_its_card() {
    let fixture = fixture(&[
        ("khatyn", with_hours("Tu-Su 10:00-18:00; Mo off; PH off")),
        ("unknown-hours", with_hours("unknown")),
        (
            "no-hours",
            site_toml("memorials", "minsk", 54.0, 27.9, MEMORIAL),
        ),
    ]);
    let built = build(&fixture);
    let khatyn: Site = doc(&built, "en/sites/khatyn.json");
    let opening = khatyn.opening.expect("structured hours");
    assert_eq!(opening.rules.len(), 3);
    assert!(opening.rules[2].holidays && opening.rules[2].times.is_empty());
    let index: SiteIndex = doc(&built, "be/sites/index.json");
    let card = |slug: &str| index.items.iter().find(|s| s.slug == slug).unwrap();
    assert_eq!(card("khatyn").opening.as_ref(), Some(&opening));
    // "unknown" and no value at all publish nothing.
    assert!(card("unknown-hours").opening.is_none());
    assert!(card("no-hours").opening.is_none());
    let raw: serde_json::Value = doc(&built, "en/sites/no-hours.json");
    assert!(raw.get("opening").is_none(), "{raw}");
    let nearby = raw["nearby"].as_array().unwrap();
    assert!(
        nearby.iter().any(|n| n["site"].get("opening").is_some()),
        "Khatyn is near"
    );
}

#[test]
fn bad_opening_hours_are_refused_with_their_line() {
    for (value, reason) in [
        (
            "Mo-Fr 10:00-18:00; Sa sunrise-sunset",
            "`opening_hours` rule 2 `Sa sunrise-sunset`: times relative to the sun",
        ),
        (
            "Mo-Fr 10:00-18:00 || \"by appointment\"",
            "`opening_hours` rule 1",
        ),
        ("Mo-Fr 9-18", "a time is `hh:mm`"),
        ("", "is empty"),
    ] {
        let errors = refused(&fixture(&[("khatyn", with_hours(value))]));
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("sites/khatyn/site.toml:5: ") && e.contains(reason)),
            "{value}: {errors:#?}"
        );
    }
}
