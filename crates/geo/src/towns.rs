//! Towns a reader can measure the guide's distances from when they do not
//! share their position: the regional centres and the towns visitors base
//! themselves in. Their names are UI text (`portal_i18n::towns`).

use crate::LatLon;

/// A town by its slug (the `near=` value in the guide's URL) and centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Town {
    pub slug: &'static str,
    pub at: LatLon,
}

const fn town(slug: &'static str, lat: f64, lon: f64) -> Town {
    Town {
        slug,
        at: LatLon::new(lat, lon),
    }
}

/// Town centres, to about 0.01°.
pub const TOWNS: [Town; 23] = [
    town("minsk", 53.9023, 27.5619),
    town("brest", 52.0976, 23.7341),
    town("grodno", 53.6694, 23.8131),
    town("gomel", 52.4345, 30.9754),
    town("mogilev", 53.9007, 30.3314),
    town("vitebsk", 55.1904, 30.2049),
    town("baranovichi", 53.1327, 26.0139),
    town("bobruisk", 53.1384, 29.2214),
    town("borisov", 54.2279, 28.5050),
    town("pinsk", 52.1229, 26.0951),
    town("orsha", 54.5081, 30.4172),
    town("mozyr", 52.0495, 29.2456),
    town("lida", 53.8885, 25.2846),
    town("molodechno", 54.3104, 26.8389),
    town("polotsk", 55.4879, 28.7856),
    town("slonim", 53.0869, 25.3163),
    town("nesvizh", 53.2227, 26.6766),
    town("mir", 53.4531, 26.4731),
    town("novogrudok", 53.5942, 25.8191),
    town("braslav", 55.6413, 27.0418),
    town("kamenets", 52.4017, 23.8197),
    town("myadel", 54.8756, 26.9386),
    town("turov", 52.0690, 27.7360),
];

pub fn town_by_slug(slug: &str) -> Option<&'static Town> {
    TOWNS.iter().find(|town| town.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_towns_lie_in_belarus() {
        for (i, town) in TOWNS.iter().enumerate() {
            assert!(
                TOWNS[i + 1..].iter().all(|other| other.slug != town.slug),
                "{}",
                town.slug
            );
            assert!((51.2..56.2).contains(&town.at.lat) && (23.1..32.8).contains(&town.at.lon));
        }
        assert_eq!(town_by_slug("grodno").map(|t| t.at.lat), Some(53.6694));
        assert_eq!(town_by_slug("paris"), None);
        // Minsk to Brest is about 326 km as the crow flies.
        let (minsk, brest) = (
            town_by_slug("minsk").unwrap(),
            town_by_slug("brest").unwrap(),
        );
        assert!((320.0..332.0).contains(&crate::distance_km(minsk.at, brest.at)));
    }
}
