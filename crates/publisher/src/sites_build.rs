//! From checked sites to the travel guide's documents: the index of every
//! site and one document per site with its five nearest neighbours.

use portal_contract::{
    paths, Block, Category, CategoryRef, Lang, MemorialFacts, NearbySite, SanatoriumFacts, Site,
    SiteIndex, SiteSummary, SouvenirFacts, UnescoFacts,
};
use portal_geo::{LatLon, NearestIndex};

use crate::categories::Categories;
use crate::media::MediaLibrary;
use crate::output::Output;
use crate::site_file::{SectionFacts, SiteDef};

/// How many other sites "Nearby" lists.
pub const NEARBY_COUNT: usize = 5;

/// What the documents are built from.
pub struct SitesInput<'a> {
    pub sites: &'a [SiteDef],
    /// For reading the stories again (see [`crate::body`]).
    pub media: &'a MediaLibrary,
    pub sections: &'a Categories,
    pub regions: &'a Categories,
}

fn named(list: &Categories, slug: &str, lang: Lang) -> CategoryRef {
    CategoryRef {
        slug: slug.to_string(),
        name: list.get(slug).map_or(slug, |c| c.name(lang)).to_string(),
    }
}

/// The order of the guide: by section as listed, then by name.
pub fn ordered<'a>(input: &SitesInput<'a>, lang: Lang) -> Vec<&'a SiteDef> {
    let position = |slug: &str| {
        input
            .sections
            .iter()
            .position(|section| section.slug == slug)
            .unwrap_or(usize::MAX)
    };
    let mut sites: Vec<&SiteDef> = input.sites.iter().collect();
    sites.sort_by(|a, b| {
        (position(&a.section), a.name.get(lang)).cmp(&(position(&b.section), b.name.get(lang)))
    });
    sites
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
        section: named(input.sections, &site.section, lang),
        region: named(input.regions, &site.region, lang),
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

/// Every travel-guide document for one language.
pub fn documents(input: &SitesInput<'_>, lang: Lang, out: &Output) -> Result<(), String> {
    let sites = ordered(input, lang);
    let summaries = sites
        .iter()
        .map(|site| summary(input, site, lang))
        .collect::<Result<Vec<_>, _>>()?;
    let points: Vec<LatLon> = sites.iter().map(|s| LatLon::new(s.lat, s.lon)).collect();
    let counted = |list: &Categories, key: fn(&SiteDef) -> &str| -> Vec<Category> {
        list.iter()
            .map(|entry| Category {
                slug: entry.slug.clone(),
                name: entry.name(lang).to_string(),
                count: sites.iter().filter(|s| key(s) == entry.slug).count() as u32,
            })
            .collect()
    };
    // The index holds every summary: lent to it, not copied (133,333
    // sites in proportion to a 100,000-article archive).
    let index = SiteIndex {
        sections: counted(input.sections, |s| &s.section),
        regions: counted(input.regions, |s| &s.region),
        items: summaries,
    };
    out.put_json(paths::sites_index(lang), &index)?;
    let summaries = index.items;
    let nearest = NearestIndex::new(&points);
    for (index, site) in sites.iter().enumerate() {
        let nearby = nearest
            .nearest(index, NEARBY_COUNT)
            .into_iter()
            .map(|(other, km)| NearbySite {
                site: summaries[other].clone(),
                distance_km: (km * 10.0).round() / 10.0,
            })
            .collect();
        let (body_lang, body) = site.body(lang);
        let body = (body_lang, body.blocks(input.media)?.into_owned());
        let document = detail(site, &summaries[index], nearby, lang, body, input.media);
        out.put_json(paths::site(lang, &site.slug), &document)?;
    }
    Ok(())
}

fn detail(
    site: &SiteDef,
    summary: &SiteSummary,
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
        slug: summary.slug.clone(),
        lang,
        name: summary.name.clone(),
        summary: summary.summary.clone(),
        section: summary.section.clone(),
        region: summary.region.clone(),
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
