//! The travel guide: tourist sites in five sections (top sites, UNESCO,
//! sanatoria, souvenirs, war memorials), each with the facts its section
//! calls for.

use serde::{Deserialize, Serialize};

use crate::{Block, Category, CategoryRef, Image, Lang};

/// Structured opening hours (issue 16): `portal-hours` parses, publishes
/// and evaluates them; the contract carries them as they are.
pub use portal_hours::{DateRange, Day, MonthDay, OpeningHours, Rule as HoursRule, Span};

/// What a card, a map pin and a "Nearby" entry need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SiteSummary {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub section: CategoryRef,
    pub region: CategoryRef,
    /// WGS 84 degrees.
    pub lat: f64,
    pub lon: f64,
    /// The first picture of the gallery.
    pub image: Image,
    /// Shown in "Discover Belarus" on the home page.
    #[serde(default)]
    pub featured: bool,
    /// The accessibility features the site is known to have (for the
    /// guide's filter); a feature not listed is absent or not known.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "known_features"
    )]
    pub access: Vec<AccessFeature>,
    /// Opening hours, for the cards' "open now" and the guide's filters;
    /// absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<OpeningHours>,
}

impl SiteSummary {
    /// Whether the guide's opening filter keeps the site at `now` (Minsk
    /// local time); `None` when its hours are unknown.
    pub fn passes_open_filter(
        &self,
        filter: crate::urls::OpenFilter,
        now: portal_hours::Moment,
    ) -> Option<bool> {
        let hours = self.opening.as_ref()?;
        Some(match filter {
            crate::urls::OpenFilter::Now => {
                matches!(
                    portal_hours::status(hours, now),
                    portal_hours::Status::Open { .. }
                )
            }
            crate::urls::OpenFilter::On(date) => portal_hours::open_on(hours, date),
        })
    }
}

/// `{lang}/sites/index.json`: every site, small enough to load whole, with
/// the filters' names and counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SiteIndex {
    pub sections: Vec<Category>,
    pub regions: Vec<Category>,
    /// In section order, then by name.
    pub items: Vec<SiteSummary>,
}

/// UNESCO World Heritage facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnescoFacts {
    /// The year of inscription.
    pub year: u16,
    /// Selection criteria as roman numerals, e.g. `["ii", "iv"]`.
    pub criteria: Vec<String>,
    /// `cultural`, `natural` or `mixed`.
    pub kind: String,
    /// Other countries sharing the property, in the document's language.
    #[serde(default)]
    pub cross_border: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SanatoriumFacts {
    /// Treatment profiles, e.g. "cardiology".
    pub profiles: Vec<String>,
    pub season: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SouvenirFacts {
    pub materials: Vec<String>,
    /// Where it is made or sold.
    pub where_made: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemorialFacts {
    /// What and whom it commemorates.
    pub commemorates: String,
}

/// A fact about getting in and around for visitors with a disability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum AccessFeature {
    /// The entrance (or the way in, outdoors) has no steps, or a ramp or lift.
    StepFreeEntrance,
    AccessibleToilet,
    /// Parking spaces marked for disabled visitors.
    DisabledParking,
    /// Staff help visitors who ask (ahead or on arrival).
    AssistanceOnRequest,
}

impl AccessFeature {
    pub const ALL: [AccessFeature; 4] = [
        AccessFeature::StepFreeEntrance,
        AccessFeature::AccessibleToilet,
        AccessFeature::DisabledParking,
        AccessFeature::AssistanceOnRequest,
    ];

    /// The name in URLs and in the JSON.
    pub fn slug(self) -> &'static str {
        match self {
            AccessFeature::StepFreeEntrance => "step-free-entrance",
            AccessFeature::AccessibleToilet => "accessible-toilet",
            AccessFeature::DisabledParking => "disabled-parking",
            AccessFeature::AssistanceOnRequest => "assistance-on-request",
        }
    }

    pub fn from_slug(slug: &str) -> Option<AccessFeature> {
        AccessFeature::ALL.into_iter().find(|f| f.slug() == slug)
    }
}

/// Reads the features this version knows and skips the others, so a
/// feature added to the API later never fails the whole guide for an app
/// that is not yet updated.
fn known_features<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<AccessFeature>, D::Error> {
    let names: Vec<String> = Vec::deserialize(deserializer)?;
    Ok(names
        .iter()
        .filter_map(|name| AccessFeature::from_slug(name))
        .collect())
}

/// What is known about a site's accessibility: each feature is yes, no or
/// not known (absent), so "no" is never confused with "nobody checked".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccessFacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_free_entrance: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessible_toilet: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_parking: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistance_on_request: Option<bool>,
    /// Details in the document's language (a lift to the first floor only,
    /// how to ask for help).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl AccessFacts {
    /// Yes, no, or not known.
    pub fn get(&self, feature: AccessFeature) -> Option<bool> {
        match feature {
            AccessFeature::StepFreeEntrance => self.step_free_entrance,
            AccessFeature::AccessibleToilet => self.accessible_toilet,
            AccessFeature::DisabledParking => self.disabled_parking,
            AccessFeature::AssistanceOnRequest => self.assistance_on_request,
        }
    }

    /// The features known to be there, in [`AccessFeature::ALL`] order.
    pub fn present(&self) -> Vec<AccessFeature> {
        AccessFeature::ALL
            .into_iter()
            .filter(|f| self.get(*f) == Some(true))
            .collect()
    }
}

/// Another site and how far it is, for "Nearby".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NearbySite {
    pub site: SiteSummary,
    /// Great-circle distance, rounded to 0.1 km.
    pub distance_km: f64,
}

/// `{lang}/sites/{slug}.json`: one site in one language. Exactly one of the
/// section facts is present for the sections that have them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Site {
    pub slug: String,
    pub lang: Lang,
    pub name: String,
    pub summary: String,
    pub section: CategoryRef,
    pub region: CategoryRef,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Free text about the hours in the document's language: exceptions
    /// the rules cannot say ("last entry an hour before closing"), or why
    /// they are unknown. Shown with `opening`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Structured opening hours in Minsk time; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<OpeningHours>,
    /// The admission price as written; see `free`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admission: Option<String>,
    #[serde(default)]
    pub free: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// At least one picture; the first is the card image.
    pub gallery: Vec<Image>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unesco: Option<UnescoFacts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanatorium: Option<SanatoriumFacts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub souvenir: Option<SouvenirFacts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memorial: Option<MemorialFacts>,
    /// Absent when nothing is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<AccessFacts>,
    pub body: Vec<Block>,
    /// The language of `body` (English when not yet translated).
    pub body_lang: Lang,
    /// The closest other sites, nearest first.
    #[serde(default)]
    pub nearby: Vec<NearbySite>,
}

/// The outline of one region: rings of `[lon, lat]` points (GeoJSON
/// order); a region made of several parts has several outer rings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionShape {
    pub slug: String,
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// `regions.json`: simplified outlines of Minsk city and the six oblasts
/// (public-domain data, see content/regions.geo.README.md), for the maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionShapes {
    pub regions: Vec<RegionShape>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_filter_reads_the_hours() {
        use crate::urls::OpenFilter;
        use portal_calendar::Date;
        let image = Image {
            src: "media/x.svg".into(),
            width: 1,
            height: 1,
            alt: "x".into(),
            caption: None,
            credit: None,
            photo: None,
        };
        let cat = CategoryRef {
            slug: "top".into(),
            name: "Top".into(),
        };
        let mut card = SiteSummary {
            slug: "museum".into(),
            name: "Museum".into(),
            summary: String::new(),
            section: cat.clone(),
            region: cat,
            lat: 53.9,
            lon: 27.5,
            image,
            featured: false,
            access: Vec::new(),
            opening: None,
        };
        let friday = Date::new(2026, 11, 20).unwrap();
        let noon = portal_hours::Moment {
            date: friday,
            minute: 720,
        };
        assert_eq!(card.passes_open_filter(OpenFilter::Now, noon), None);
        card.opening = Some(portal_hours::parse("Tu-Su 10:00-18:00; Mo off; PH off").unwrap());
        assert_eq!(card.passes_open_filter(OpenFilter::Now, noon), Some(true));
        let evening = portal_hours::Moment {
            date: friday,
            minute: 19 * 60,
        };
        assert_eq!(
            card.passes_open_filter(OpenFilter::Now, evening),
            Some(false)
        );
        let monday = Date::new(2026, 11, 23).unwrap();
        let christmas = Date::new(2026, 12, 25).unwrap();
        assert_eq!(
            card.passes_open_filter(OpenFilter::On(monday), noon),
            Some(false)
        );
        assert_eq!(
            card.passes_open_filter(OpenFilter::On(christmas), noon),
            Some(false)
        );
        assert_eq!(
            card.passes_open_filter(OpenFilter::On(friday), evening),
            Some(true)
        );
    }

    #[test]
    fn site_round_trips_without_absent_facts() {
        let image = Image {
            src: "media/castle-mir.svg".into(),
            width: 1200,
            height: 675,
            alt: "Castle".into(),
            caption: None,
            credit: None,
            photo: None,
        };
        let cat = |slug: &str| CategoryRef {
            slug: slug.into(),
            name: slug.into(),
        };
        let site = Site {
            slug: "mir-castle".into(),
            lang: Lang::En,
            name: "Mir Castle Complex".into(),
            summary: "A castle".into(),
            section: cat("unesco"),
            region: cat("grodno"),
            lat: 53.4513,
            lon: 26.4728,
            address: Some("Mir".into()),
            hours: None,
            opening: None,
            admission: None,
            free: false,
            website: None,
            phone: None,
            gallery: vec![image],
            unesco: Some(UnescoFacts {
                year: 2000,
                criteria: vec!["ii".into(), "iv".into()],
                kind: "cultural".into(),
                cross_border: vec![],
            }),
            sanatorium: None,
            souvenir: None,
            memorial: None,
            access: None,
            body: vec![],
            body_lang: Lang::En,
            nearby: vec![],
        };
        let json = serde_json::to_string(&site).unwrap();
        assert!(
            !json.contains("sanatorium") && !json.contains("hours") && !json.contains("access")
        );
        assert_eq!(serde_json::from_str::<Site>(&json).unwrap(), site);
    }

    #[test]
    fn access_facts_tell_no_from_not_known() {
        let facts = AccessFacts {
            step_free_entrance: Some(true),
            accessible_toilet: Some(false),
            assistance_on_request: Some(true),
            ..AccessFacts::default()
        };
        assert_eq!(
            facts.present(),
            [
                AccessFeature::StepFreeEntrance,
                AccessFeature::AssistanceOnRequest
            ]
        );
        assert_eq!(facts.get(AccessFeature::DisabledParking), None);
        let json = serde_json::to_string(&facts).unwrap();
        assert_eq!(
            json,
            r#"{"step_free_entrance":true,"accessible_toilet":false,"assistance_on_request":true}"#
        );
        for feature in AccessFeature::ALL {
            assert_eq!(AccessFeature::from_slug(feature.slug()), Some(feature));
            assert_eq!(
                serde_json::to_string(&feature).unwrap(),
                format!("\"{}\"", feature.slug())
            );
        }
        assert_eq!(AccessFeature::from_slug("lift"), None);
        // A feature added later is skipped, not a failed guide.
        let card: SiteSummary = serde_json::from_str(
            r#"{"slug":"s","name":"N","summary":"S","section":{"slug":"a","name":"A"},
                "region":{"slug":"b","name":"B"},"lat":53.9,"lon":27.5,
                "image":{"src":"media/a.svg","width":1,"height":1,"alt":"A"},
                "access":["hearing-loop","step-free-entrance"]}"#,
        )
        .unwrap();
        assert_eq!(card.access, [AccessFeature::StepFreeEntrance]);
    }
}
