//! One travel-guide folder checked on its own: `site.toml` (facts and short
//! texts in every language, plus the facts its section requires) and its
//! Markdown stories.

use portal_contract::paths::RESERVED_SITE_SLUGS;
use portal_contract::{Image, Lang};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::belarus::{BELARUS_LAT, BELARUS_LON};
use crate::categories::Categories;
use crate::error::{line_of_offset, LineError};
use crate::folder::{body_in, report_missing, require_english};
use crate::front_matter::MAX_LEAD_CHARS;
use crate::media::{Lookup, MediaLibrary};
use crate::texts::{read_texts, RawTexts, Texts};
use crate::tree_manifest::Hash;

/// A site folder as read from disk.
pub type SiteSource = crate::folder::FolderSource;

/// Lists of texts in every language (treatment profiles, materials).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TextLists {
    pub en: Vec<String>,
    pub ru: Vec<String>,
    pub be: Vec<String>,
}

impl TextLists {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Be => &self.be,
        }
    }
}

/// The facts only one section has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionFacts {
    None,
    Unesco {
        year: u16,
        criteria: Vec<String>,
        kind: String,
        cross_border: Vec<String>,
    },
    Sanatorium {
        profiles: TextLists,
        season: Texts,
    },
    Souvenir {
        materials: TextLists,
        where_made: Texts,
    },
    Memorial {
        commemorates: Texts,
    },
}

/// A picture of the gallery, its texts in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GalleryImage {
    pub src: String,
    pub size: (u32, u32),
    pub alt: Texts,
    pub caption: Option<Texts>,
    pub credit: Option<String>,
}

impl GalleryImage {
    /// The picture in `lang`, as published (see [`MediaLibrary::dress`]).
    pub fn image(&self, lang: Lang, media: &MediaLibrary) -> Image {
        media.dress(Image {
            src: self.src.clone(),
            width: self.size.0,
            height: self.size.1,
            alt: self.alt.get(lang).to_string(),
            caption: self.caption.as_ref().map(|c| c.get(lang).to_string()),
            credit: self.credit.clone(),
            photo: None,
        })
    }
}

/// A checked site. Kept between builds by [`crate::folder_cache`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteDef {
    pub slug: String,
    pub path: String,
    pub section: String,
    pub region: String,
    pub featured: bool,
    pub lat: f64,
    pub lon: f64,
    pub website: Option<String>,
    pub phone: Option<String>,
    pub name: Texts,
    pub summary: Texts,
    pub address: Option<Texts>,
    pub hours: Option<Texts>,
    /// `opening_hours`, parsed; `None` when absent or "unknown". Kept as
    /// JSON: its fields are left out when empty, which a compact format
    /// without field names cannot read back.
    #[serde(with = "crate::folder_cache::as_json")]
    pub opening: Option<portal_hours::OpeningHours>,
    pub admission: Option<Texts>,
    pub free: bool,
    pub gallery: Vec<GalleryImage>,
    pub facts: SectionFacts,
    pub access: Option<crate::site_access::AccessDef>,
    #[serde(with = "crate::folder_cache::kept_bodies")]
    pub bodies: crate::folder::Bodies,
    /// The folder's files as checked ([`crate::folder::FolderSource::print`]).
    pub folder: Hash,
}

impl SiteDef {
    /// The story in `lang`, or the English one, with its language.
    pub fn body(&self, lang: Lang) -> (Lang, &crate::body::Body) {
        body_in(&self.bodies, lang)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    section: Option<Spanned<String>>,
    region: Option<Spanned<String>>,
    featured: Option<bool>,
    lat: Option<Spanned<f64>>,
    lon: Option<Spanned<f64>>,
    website: Option<Spanned<String>>,
    phone: Option<String>,
    free: Option<bool>,
    name: Option<Spanned<RawTexts>>,
    summary: Option<Spanned<RawTexts>>,
    address: Option<Spanned<RawTexts>>,
    hours: Option<Spanned<RawTexts>>,
    opening_hours: Option<Spanned<String>>,
    admission: Option<Spanned<RawTexts>>,
    #[serde(default)]
    gallery: Vec<Spanned<RawImage>>,
    unesco: Option<Spanned<RawUnesco>>,
    sanatorium: Option<Spanned<RawSanatorium>>,
    souvenir: Option<Spanned<RawSouvenir>>,
    memorial: Option<Spanned<RawMemorial>>,
    access: Option<Spanned<crate::site_access::RawAccess>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImage {
    src: Option<Spanned<String>>,
    alt: Option<RawTexts>,
    caption: Option<RawTexts>,
    credit: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLists {
    en: Option<Vec<String>>,
    ru: Option<Vec<String>>,
    be: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnesco {
    year: Option<u16>,
    criteria: Option<Vec<String>>,
    kind: Option<String>,
    cross_border: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSanatorium {
    profiles: Option<RawLists>,
    season: Option<RawTexts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSouvenir {
    materials: Option<RawLists>,
    #[serde(rename = "where")]
    where_made: Option<RawTexts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMemorial {
    commemorates: Option<RawTexts>,
}

/// What a site is checked against.
pub struct SiteLists<'a> {
    pub sections: &'a Categories,
    pub regions: &'a Categories,
    pub media: &'a MediaLibrary,
}

const ROMAN_CRITERIA: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

/// Checks one site folder. Errors carry the path they belong to.
pub fn parse_site(
    source: &SiteSource,
    lists: &SiteLists<'_>,
) -> (Option<SiteDef>, Vec<(String, LineError)>) {
    let (bodies, mut errors) = source.parse_bodies(lists.media, "story");
    let folder = source.print(&bodies);
    let (site, toml_errors) = parse_toml(source, lists, bodies, folder);
    errors.extend(toml_errors.into_iter().map(|e| (source.path.clone(), e)));
    (site, errors)
}

fn parse_toml(
    source: &SiteSource,
    lists: &SiteLists<'_>,
    bodies: crate::folder::Bodies,
    folder_print: Hash,
) -> (Option<SiteDef>, Vec<LineError>) {
    let text = source.toml.as_str();
    let line_at = |offset: usize| line_of_offset(text, offset);
    let raw: RawSite = match source.read_facts() {
        Ok(raw) => raw,
        Err(error) => return (None, vec![error]),
    };
    let mut errors = Vec::new();
    let (Some(section), Some(region), Some(name), Some(summary), Some(lat), Some(lon)) = (
        raw.section.as_ref(),
        raw.region.as_ref(),
        raw.name.as_ref(),
        raw.summary.as_ref(),
        raw.lat.as_ref(),
        raw.lon.as_ref(),
    ) else {
        let fields = [
            ("section", raw.section.is_some()),
            ("region", raw.region.is_some()),
            ("name", raw.name.is_some()),
            ("summary", raw.summary.is_some()),
            ("lat", raw.lat.is_some()),
            ("lon", raw.lon.is_some()),
        ];
        report_missing(&fields, &mut errors);
        return (None, errors);
    };
    let texts = |field: &str, raw: &Spanned<RawTexts>, limit, errors: &mut Vec<LineError>| {
        read_texts(
            field,
            raw.get_ref(),
            line_at(raw.span().start),
            limit,
            errors,
        )
    };
    let name_texts = texts("name", name, None, &mut errors);
    let summary_texts = texts("summary", summary, Some(MAX_LEAD_CHARS), &mut errors);
    let address = raw
        .address
        .as_ref()
        .map(|a| texts("address", a, None, &mut errors));
    let hours = raw
        .hours
        .as_ref()
        .map(|h| texts("hours", h, None, &mut errors));
    let admission = raw
        .admission
        .as_ref()
        .map(|a| texts("admission", a, None, &mut errors));
    let opening = raw
        .opening_hours
        .as_ref()
        .and_then(|value| read_opening_hours(value, line_at(value.span().start), &mut errors));

    for (what, value, list, file) in [
        ("section", section, lists.sections, "site-sections.toml"),
        ("region", region, lists.regions, "regions.toml"),
    ] {
        if list.get(value.get_ref()).is_none() {
            errors.push(LineError::new(
                line_at(value.span().start),
                format!(
                    "unknown {what} {:?}; {file} defines: {}",
                    value.get_ref(),
                    list.slugs()
                ),
            ));
        }
    }
    for (name, value, (lo, hi)) in [("lat", lat, BELARUS_LAT), ("lon", lon, BELARUS_LON)] {
        if !(lo..=hi).contains(value.get_ref()) {
            errors.push(LineError::new(
                line_at(value.span().start),
                format!(
                    "`{name}` {} is outside Belarus (expected {lo} to {hi})",
                    value.get_ref()
                ),
            ));
        }
    }
    if let Some(website) = &raw.website {
        if !website.get_ref().starts_with("https://") && !website.get_ref().starts_with("http://") {
            errors.push(LineError::new(
                line_at(website.span().start),
                "`website` must be an http(s) address",
            ));
        }
    }
    if RESERVED_SITE_SLUGS.contains(&source.slug.as_str()) {
        errors.push(LineError::new(
            1,
            format!("the slug {:?} is reserved; rename the folder", source.slug),
        ));
    }
    let folder = format!("sites/{}", source.slug);
    require_english(&bodies, "story", &folder, &mut errors);

    let mut gallery = Vec::new();
    if raw.gallery.is_empty() {
        errors.push(LineError::new(1, "add at least one [[gallery]] picture"));
    }
    for picture in &raw.gallery {
        let line = line_at(picture.span().start);
        let inner = picture.get_ref();
        let Some(src) = &inner.src else {
            errors.push(LineError::new(line, "a [[gallery]] picture needs `src`"));
            continue;
        };
        let size = match lists.media.lookup(src.get_ref()) {
            Lookup::Found(size) => (size.width, size.height),
            Lookup::Broken => (0, 0),
            Lookup::Refused(reason) => {
                errors.push(LineError::new(line_at(src.span().start), reason));
                (0, 0)
            }
        };
        let alt = match &inner.alt {
            Some(alt) => read_texts("gallery.alt", alt, line, None, &mut errors),
            None => {
                errors.push(LineError::new(
                    line,
                    "a [[gallery]] picture needs `alt` in en, ru and be",
                ));
                Texts::default()
            }
        };
        let caption = inner
            .caption
            .as_ref()
            .map(|c| read_texts("gallery.caption", c, line, None, &mut errors));
        gallery.push(GalleryImage {
            src: src.get_ref().clone(),
            size,
            alt,
            caption,
            credit: inner.credit.clone(),
        });
    }

    let section_line = line_at(section.span().start);
    let missing_facts = |table: &str, errors: &mut Vec<LineError>| {
        errors.push(LineError::new(
            section_line,
            format!("section {:?} needs its [{table}] facts", section.get_ref()),
        ));
    };
    let facts = match section.get_ref().as_str() {
        "unesco" => match &raw.unesco {
            None => {
                missing_facts("unesco", &mut errors);
                SectionFacts::None
            }
            Some(unesco) => {
                let line = line_at(unesco.span().start);
                let u = unesco.get_ref();
                let criteria = u.criteria.clone().unwrap_or_default();
                if u.year.is_none_or(|year| !(1978..=2100).contains(&year)) {
                    errors.push(LineError::new(
                        line,
                        "[unesco] needs `year`, the year of inscription",
                    ));
                }
                if criteria.is_empty()
                    || criteria
                        .iter()
                        .any(|c| !ROMAN_CRITERIA.contains(&c.as_str()))
                {
                    errors.push(LineError::new(
                        line,
                        "[unesco] `criteria` are roman numerals i to x, e.g. [\"ii\", \"iv\"]",
                    ));
                }
                for country in u.cross_border.iter().flatten() {
                    if crate::countries::country_name(country, Lang::En).is_none() {
                        errors.push(LineError::new(
                            line,
                            format!(
                                "[unesco] `cross_border`: unknown country {country:?}; write one of {}",
                                crate::countries::known()
                            ),
                        ));
                    }
                }
                let kind = u.kind.clone().unwrap_or_default();
                if !["cultural", "natural", "mixed"].contains(&kind.as_str()) {
                    errors.push(LineError::new(
                        line,
                        "[unesco] `kind` is cultural, natural or mixed",
                    ));
                }
                SectionFacts::Unesco {
                    year: u.year.unwrap_or(0),
                    criteria,
                    kind,
                    cross_border: u.cross_border.clone().unwrap_or_default(),
                }
            }
        },
        "sanatoria" => match &raw.sanatorium {
            None => {
                missing_facts("sanatorium", &mut errors);
                SectionFacts::None
            }
            Some(s) => {
                let line = line_at(s.span().start);
                let s = s.get_ref();
                let profiles = read_lists(
                    "sanatorium.profiles",
                    s.profiles.as_ref(),
                    line,
                    &mut errors,
                );
                let season = match &s.season {
                    Some(season) => {
                        read_texts("sanatorium.season", season, line, None, &mut errors)
                    }
                    None => {
                        errors.push(LineError::new(line, "[sanatorium] needs `season`"));
                        Texts::default()
                    }
                };
                SectionFacts::Sanatorium { profiles, season }
            }
        },
        "souvenirs" => match &raw.souvenir {
            None => {
                missing_facts("souvenir", &mut errors);
                SectionFacts::None
            }
            Some(s) => {
                let line = line_at(s.span().start);
                let s = s.get_ref();
                let materials = read_lists(
                    "souvenir.materials",
                    s.materials.as_ref(),
                    line,
                    &mut errors,
                );
                let where_made = match &s.where_made {
                    Some(w) => read_texts("souvenir.where", w, line, None, &mut errors),
                    None => {
                        errors.push(LineError::new(
                            line,
                            "[souvenir] needs `where` (where it is made or sold)",
                        ));
                        Texts::default()
                    }
                };
                SectionFacts::Souvenir {
                    materials,
                    where_made,
                }
            }
        },
        "memorials" => match &raw.memorial {
            None => {
                missing_facts("memorial", &mut errors);
                SectionFacts::None
            }
            Some(m) => {
                let line = line_at(m.span().start);
                let commemorates = match &m.get_ref().commemorates {
                    Some(c) => read_texts("memorial.commemorates", c, line, None, &mut errors),
                    None => {
                        errors.push(LineError::new(line, "[memorial] needs `commemorates`"));
                        Texts::default()
                    }
                };
                SectionFacts::Memorial { commemorates }
            }
        },
        _ => SectionFacts::None,
    };
    let access = raw.access.as_ref().map(|access| {
        crate::site_access::read_access(access, line_at(access.span().start), &mut errors)
    });
    if address.is_none() && section.get_ref() != "souvenirs" {
        errors.push(LineError::new(1, "missing required table `[address]`"));
    }

    let site = SiteDef {
        slug: source.slug.clone(),
        path: source.path.clone(),
        section: section.get_ref().clone(),
        region: region.get_ref().clone(),
        featured: raw.featured.unwrap_or(false),
        lat: *lat.get_ref(),
        lon: *lon.get_ref(),
        website: raw.website.as_ref().map(|w| w.get_ref().clone()),
        phone: raw.phone.clone(),
        name: name_texts,
        summary: summary_texts,
        address,
        hours,
        opening,
        admission,
        free: raw.free.unwrap_or(false),
        gallery,
        facts,
        access,
        bodies,
        folder: folder_print,
    };
    (Some(site), errors)
}

/// `opening_hours`: "unknown" (or leaving it out) says the hours are not
/// known; anything else must read as the documented subset of
/// OpenStreetMap's syntax (see `portal_hours::parse`).
fn read_opening_hours(
    value: &Spanned<String>,
    line: usize,
    errors: &mut Vec<LineError>,
) -> Option<portal_hours::OpeningHours> {
    let text = value.get_ref().trim();
    if text == "unknown" {
        return None;
    }
    match portal_hours::parse(text) {
        Ok(hours) => Some(hours),
        Err(error) => {
            errors.push(LineError::new(line, format!("`opening_hours` {error}")));
            None
        }
    }
}

fn read_lists(
    field: &str,
    raw: Option<&RawLists>,
    line: usize,
    errors: &mut Vec<LineError>,
) -> TextLists {
    let Some(raw) = raw else {
        errors.push(LineError::new(
            line,
            format!("missing `{field}` in en, ru and be"),
        ));
        return TextLists::default();
    };
    let mut out = TextLists::default();
    for (lang, value, slot) in [
        (Lang::En, &raw.en, &mut out.en),
        (Lang::Ru, &raw.ru, &mut out.ru),
        (Lang::Be, &raw.be, &mut out.be),
    ] {
        let items: Vec<String> = value
            .iter()
            .flatten()
            .map(|item| item.trim().to_string())
            .filter(|item| !item.is_empty())
            .collect();
        if items.is_empty() {
            errors.push(LineError::new(
                line,
                format!("`{field}` needs at least one {lang} entry"),
            ));
        }
        *slot = items;
    }
    out
}
