//! From checked sites to the travel guide's documents: the index of every
//! site and one document per site with its five nearest neighbours.

use portal_contract::{
    paths, Block, Category, Lang, MemorialFacts, NearbySite, SanatoriumFacts, Site, SiteSummary,
    SouvenirFacts, UnescoFacts,
};
use portal_geo::{LatLon, NearestIndex};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};
use std::sync::{Arc, Mutex, OnceLock};

use crate::categories::Categories;
use crate::item_recipes::{item_print, listing_recipe};
use crate::media::MediaLibrary;
use crate::output::{Output, Part};
use crate::site_file::{SectionFacts, SiteDef};
use crate::tree_manifest::{Hash, Recipe};

/// How many other sites "Nearby" lists.
pub const NEARBY_COUNT: usize = 5;

/// A site's "Nearby": the others' positions in `SitesInput::sites`, with
/// their distances in kilometres.
type NearbyList = Box<[(usize, f64)]>;

/// What the documents are built from.
pub struct SitesInput<'a> {
    pub sites: &'a [SiteDef],
    /// For reading the stories again (see [`crate::body`]).
    pub media: &'a MediaLibrary,
    pub sections: &'a Categories,
    pub regions: &'a Categories,
    /// What every document also depends on (see `build::recipe_context`).
    pub context: &'a Hash,
    /// Each site's "Nearby", worked out by the first language's job that
    /// asks (see [`SitesInput::nearby`]).
    nearby: OnceLock<Arc<[NearbyList]>>,
    /// Where the lists of an earlier build are remembered, if anywhere.
    remembered: Option<&'a NearbyMemo>,
}

/// The "Nearby" lists of a build, kept for the next one by a publisher
/// that stays running ([`crate::watch`]): they depend on the sites'
/// positions alone, and working them out was most of an update's guide
/// jobs after one site's text was edited (133,333 sites in proportion to
/// a 100,000-article archive).
#[derive(Default)]
pub struct NearbyMemo(Mutex<Option<(Hash, Arc<[NearbyList]>)>>);

impl std::fmt::Debug for NearbyMemo {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("NearbyMemo")
    }
}

impl<'a> SitesInput<'a> {
    pub fn new(
        sites: &'a [SiteDef],
        media: &'a MediaLibrary,
        sections: &'a Categories,
        regions: &'a Categories,
        context: &'a Hash,
    ) -> Self {
        Self {
            sites,
            media,
            sections,
            regions,
            context,
            nearby: OnceLock::new(),
            remembered: None,
        }
    }

    /// Takes "Nearby" from `memo` when it holds the lists of sites at the
    /// same positions, and leaves this build's there.
    pub fn remembering(self, memo: &'a NearbyMemo) -> Self {
        Self {
            remembered: Some(memo),
            ..self
        }
    }

    /// For each site (by its position in `sites`), the [`NEARBY_COUNT`]
    /// others closest to it, nearest first (ties in `sites`' order, the
    /// folders' by slug), with their distances as published (to 100 m).
    /// The same in every language, so worked out once: each language's
    /// job used to do it again, its great-circle distances the largest
    /// part of an update's sites jobs.
    fn nearby(&self) -> &[NearbyList] {
        self.nearby.get_or_init(|| {
            let Some(memo) = self.remembered else {
                return self.work_out_nearby();
            };
            // The lists name sites by position in `sites` and break ties
            // in that order: the same positions in the same order give the
            // same lists.
            let mut key = Recipe::new("nearby");
            for site in self.sites {
                key.add(&site.lat.to_le_bytes())
                    .add(&site.lon.to_le_bytes());
            }
            let key = key.finish();
            // A job that panicked holding the memo left nothing to trust.
            let Ok(mut held) = memo.0.lock() else {
                return self.work_out_nearby();
            };
            match &*held {
                Some((known, lists)) if *known == key => Arc::clone(lists),
                _ => {
                    let lists = self.work_out_nearby();
                    *held = Some((key, Arc::clone(&lists)));
                    lists
                }
            }
        })
    }

    fn work_out_nearby(&self) -> Arc<[NearbyList]> {
        let points: Vec<LatLon> = self
            .sites
            .iter()
            .map(|site| LatLon::new(site.lat, site.lon))
            .collect();
        let nearest = NearestIndex::new(&points);
        // Each list boxed to its length: the grid's answer keeps the
        // room of every candidate it weighed (133,333 of them held
        // were more than a gigabyte).
        (0..points.len())
            .map(|index| {
                nearest
                    .nearest(index, NEARBY_COUNT)
                    .into_iter()
                    .map(|(other, km)| (other, (km * 10.0).round() / 10.0))
                    .collect::<Vec<_>>()
                    .into_boxed_slice()
            })
            .collect()
    }
}

/// The print of `site` as the documents of `lang` show it (see
/// [`crate::item_recipes`]).
fn print(input: &SitesInput<'_>, site: &SiteDef, lang: Lang) -> Hash {
    item_print(
        input.context,
        "site",
        &site.folder,
        &site.slug,
        None,
        lang,
        &[
            input.sections.name_in(&site.section, lang),
            input.regions.name_in(&site.region, lang),
        ],
    )
}

/// The order of the guide: by section as listed, then by name; as
/// positions in `input.sites`.
pub fn ordered(input: &SitesInput<'_>, lang: Lang) -> Vec<usize> {
    let position = |slug: &str| {
        input
            .sections
            .iter()
            .position(|section| section.slug == slug)
            .unwrap_or(usize::MAX)
    };
    let sites = input.sites;
    let mut order: Vec<usize> = (0..sites.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&sites[a], &sites[b]);
        (position(&a.section), a.name.get(lang)).cmp(&(position(&b.section), b.name.get(lang)))
    });
    order
}

fn summary(input: &SitesInput<'_>, site: &SiteDef, lang: Lang) -> Result<SiteSummary, String> {
    let image = site
        .gallery
        .first()
        .ok_or_else(|| format!("{}: no gallery picture after checking", site.path))?
        .image(lang, input.media);
    Ok(SiteSummary {
        slug: site.slug.clone(),
        name: site.name.get(lang).to_string(),
        summary: site.summary.get(lang).to_string(),
        section: input.sections.named(&site.section, lang),
        region: input.regions.named(&site.region, lang),
        lat: site.lat,
        lon: site.lon,
        image,
        featured: site.featured,
        access: site
            .access
            .as_ref()
            .map(|access| access.facts(lang).present())
            .unwrap_or_default(),
        opening: site.opening.clone(),
    })
}

/// Every travel-guide document for one language. Each is made through
/// [`Output::put_made`] from its recipe (see [`crate::item_recipes`]): in
/// an update only the documents of sites that changed, or whose "Nearby"
/// did, are made again, and none at all when the index's recipe is the
/// one on record ([`Part::Unchanged`]).
pub fn documents(input: &SitesInput<'_>, lang: Lang, out: &Output) -> Result<Part, String> {
    let order = ordered(input, lang);
    let sites: Vec<&SiteDef> = order.iter().map(|&at| &input.sites[at]).collect();
    // Each site's print, by its position in `input.sites` (as "Nearby"
    // names them).
    let prints: Vec<Hash> = input
        .sites
        .iter()
        .map(|site| print(input, site, lang))
        .collect();
    let counted = |list: &Categories, key: fn(&SiteDef) -> &str| -> Vec<Category> {
        list.iter()
            .map(|entry| Category {
                slug: entry.slug.clone(),
                name: entry.name(lang).to_string(),
                count: sites.iter().filter(|s| key(s) == entry.slug).count() as u32,
            })
            .collect()
    };
    // Each summary is made where it is listed, never all at once: the
    // index writes them one by one as it is serialised (133,333 sites in
    // proportion to a 100,000-article archive, held for the whole job in
    // each language before); a copy into "Nearby" cost as much as making
    // it again.
    let index = SiteIndexOf {
        sections: counted(input.sections, |s| &s.section),
        regions: counted(input.regions, |s| &s.region),
        items: Summaries {
            input,
            sites: &sites,
            lang,
        },
    };
    // The context too: with no site there is no print to bring it.
    let mut own = input.context.to_vec();
    serde_json::to_writer(&mut own, &(lang, &index.sections, &index.regions))
        .map_err(|error| format!("the {lang} guide's index: {error}"))?;
    let index_recipe = listing_recipe(
        "site-index",
        &own,
        order.iter().map(|&at| (&prints[at], [])),
    );
    // The index lists every site by its print (its folder, slug and list
    // names, and the context), and "Nearby" is worked out from the
    // folders: everything this language's guide is made from. Kept, so is
    // the rest of the guide.
    let key = paths::sites_index(lang);
    if out.has_made(&key, &index_recipe) {
        let dir = paths::sites_dir(lang);
        return Ok(Part::Unchanged {
            dir,
            key,
            recipe: index_recipe,
        });
    }
    out.put_made_streamed(paths::sites_index(lang), index_recipe, &index)?;
    let nearby_all = input.nearby();
    for (&index, site) in order.iter().zip(&sites) {
        let nearby = &nearby_all[index];
        let recipe = listing_recipe(
            "site",
            &prints[index],
            nearby
                .iter()
                .map(|&(other, km)| (&prints[other], km.to_le_bytes())),
        );
        let path = paths::site(lang, &site.slug);
        out.put_made(path.clone(), recipe, || {
            let nearby = nearby
                .iter()
                .map(|&(other, distance_km)| {
                    Ok(NearbySite {
                        site: summary(input, &input.sites[other], lang)?,
                        distance_km,
                    })
                })
                .collect::<Result<_, String>>()?;
            let (body_lang, body) = site.body(lang);
            let body = (body_lang, body.blocks(input.media)?.into_owned());
            let own = summary(input, site, lang)?;
            let document = detail(site, own, nearby, lang, body, input.media);
            serde_json::to_vec(&document).map_err(|error| format!("{path}: {error}"))
        })?;
    }
    Ok(Part::Made)
}

/// [`portal_contract::SiteIndex`] with its items made as they are serialised: the same
/// fields in the same order, so the same bytes (a test holds this).
#[derive(Serialize)]
struct SiteIndexOf<'s, 'a> {
    sections: Vec<Category>,
    regions: Vec<Category>,
    items: Summaries<'s, 'a>,
}

/// The summaries of `sites` in `lang`, serialised as a list one by one.
struct Summaries<'s, 'a> {
    input: &'s SitesInput<'a>,
    sites: &'s [&'a SiteDef],
    lang: Lang,
}

impl Serialize for Summaries<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.sites.len()))?;
        for site in self.sites {
            let item = summary(self.input, site, self.lang).map_err(S::Error::custom)?;
            list.serialize_element(&item)?;
        }
        list.end()
    }
}

fn detail(
    site: &SiteDef,
    summary: SiteSummary,
    nearby: Vec<NearbySite>,
    lang: Lang,
    (body_lang, body): (Lang, Vec<Block>),
    media: &MediaLibrary,
) -> Site {
    let text = |t: &Option<crate::texts::Texts>| t.as_ref().map(|t| t.get(lang).to_string());
    let (mut unesco, mut sanatorium, mut souvenir, mut memorial) = (None, None, None, None);
    match &site.facts {
        SectionFacts::None => {}
        SectionFacts::Unesco {
            year,
            criteria,
            kind,
            cross_border,
        } => {
            unesco = Some(UnescoFacts {
                year: *year,
                criteria: criteria.clone(),
                kind: kind.clone(),
                cross_border: cross_border
                    .iter()
                    .map(|country| {
                        crate::countries::country_name(country, lang)
                            .unwrap_or(country)
                            .to_string()
                    })
                    .collect(),
            })
        }
        SectionFacts::Sanatorium { profiles, season } => {
            sanatorium = Some(SanatoriumFacts {
                profiles: profiles.get(lang).to_vec(),
                season: season.get(lang).to_string(),
            })
        }
        SectionFacts::Souvenir {
            materials,
            where_made,
        } => {
            souvenir = Some(SouvenirFacts {
                materials: materials.get(lang).to_vec(),
                where_made: where_made.get(lang).to_string(),
            })
        }
        SectionFacts::Memorial { commemorates } => {
            memorial = Some(MemorialFacts {
                commemorates: commemorates.get(lang).to_string(),
            })
        }
    }
    Site {
        slug: summary.slug,
        lang,
        name: summary.name,
        summary: summary.summary,
        section: summary.section,
        region: summary.region,
        lat: site.lat,
        lon: site.lon,
        address: text(&site.address),
        hours: text(&site.hours),
        opening: site.opening.clone(),
        admission: text(&site.admission),
        free: site.free,
        website: site.website.clone(),
        phone: site.phone.clone(),
        gallery: site.gallery.iter().map(|g| g.image(lang, media)).collect(),
        unesco,
        sanatorium,
        souvenir,
        memorial,
        access: site.access.as_ref().map(|access| access.facts(lang)),
        body,
        body_lang,
        nearby,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_contract::SiteIndex;

    /// "Nearby" is taken from the memo only for sites at the same
    /// positions, and is then what working it out gives.
    #[test]
    fn nearby_is_remembered_for_the_same_positions_only() {
        let checked = crate::checked::sample();
        let memo = NearbyMemo::default();
        let input = |sites| {
            SitesInput::new(
                sites,
                &checked.media,
                &checked.site_sections,
                &checked.regions,
                &[0; 16],
            )
        };
        let first = input(&checked.sites).remembering(&memo);
        let worked_out = first.nearby().to_vec();
        let again = input(&checked.sites).remembering(&memo);
        assert_eq!(again.nearby(), worked_out.as_slice());
        let held = memo
            .0
            .lock()
            .unwrap()
            .as_ref()
            .map(|(_, lists)| Arc::clone(lists))
            .unwrap();
        assert!(
            std::ptr::eq(again.nearby().as_ptr(), held.as_ptr()),
            "taken from the memo"
        );

        let mut moved = checked.sites.clone();
        moved[0].lat += 1.5;
        let remembered = input(&moved).remembering(&memo);
        let fresh = input(&moved);
        assert_ne!(
            fresh.nearby(),
            worked_out.as_slice(),
            "the move changes Nearby"
        );
        assert_eq!(remembered.nearby(), fresh.nearby());
        assert!(!std::ptr::eq(remembered.nearby().as_ptr(), held.as_ptr()));
    }

    /// The index made from summaries one by one is the contract's
    /// [`SiteIndex`] byte for byte (on the sample's sites).
    #[test]
    fn the_index_written_item_by_item_is_the_site_index() {
        let checked = crate::checked::sample();
        let input = SitesInput::new(
            &checked.sites,
            &checked.media,
            &checked.site_sections,
            &checked.regions,
            &[0; 16],
        );
        for lang in Lang::ALL {
            let sites: Vec<&SiteDef> = ordered(&input, lang)
                .iter()
                .map(|&at| &input.sites[at])
                .collect();
            assert!(sites.len() > 10);
            let counted = |list: &Categories| -> Vec<Category> {
                list.iter()
                    .map(|entry| Category {
                        slug: entry.slug.clone(),
                        name: entry.name(lang).to_string(),
                        count: 1,
                    })
                    .collect()
            };
            let whole = SiteIndex {
                sections: counted(input.sections),
                regions: counted(input.regions),
                items: sites
                    .iter()
                    .map(|site| summary(&input, site, lang))
                    .collect::<Result<_, _>>()
                    .unwrap(),
            };
            let lazy = SiteIndexOf {
                sections: counted(input.sections),
                regions: counted(input.regions),
                items: Summaries {
                    input: &input,
                    sites: &sites,
                    lang,
                },
            };
            assert_eq!(
                serde_json::to_vec(&lazy).unwrap(),
                serde_json::to_vec(&whole).unwrap()
            );
        }
    }
}
