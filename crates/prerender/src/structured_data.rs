//! JSON-LD for search engines: `NewsArticle`, `Event`, a tourist
//! attraction, and the page's `BreadcrumbList`, from the published documents.

use portal_contract::{Article, Event, Site};
use serde_json::{json, Value};

/// The publisher named in every article.
pub struct Publisher<'a> {
    pub name: &'a str,
    pub logo: &'a str,
}

pub fn news_article(article: &Article, url: &str, image: &str, publisher: &Publisher) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "inLanguage": article.lang.code(),
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.published,
        "dateModified": article.updated.as_ref().unwrap_or(&article.published),
        "image": [image],
        "articleSection": article.category.name,
        "keywords": article.tags,
        "publisher": {
            "@type": "Organization",
            "name": publisher.name,
            "logo": { "@type": "ImageObject", "url": publisher.logo },
        },
    })
}

pub fn event(event: &Event, url: &str, image: &str) -> Value {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "inLanguage": event.lang.code(),
        "url": url,
        "image": [image],
        "startDate": event.starts,
        "endDate": event.ends,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": event.venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.venue.address,
                "addressCountry": "BY",
            },
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": event.venue.lat,
                "longitude": event.venue.lon,
            },
        },
    });
    if let Some(organiser) = &event.organiser {
        value["organizer"] = json!({ "@type": "Organization", "name": organiser.name });
        if let Some(link) = &organiser.url {
            value["organizer"]["url"] = json!(link);
        }
    }
    // Only a price the content states; "free" is a price of zero.
    match &event.price {
        Some(price) => {
            value["offers"] = json!({ "@type": "Offer", "description": price, "url": url })
        }
        None => {
            value["isAccessibleForFree"] = json!(true);
        }
    }
    value
}

pub fn site(site: &Site, url: &str, image: &str) -> Value {
    // Castles, memorials and UNESCO sites are landmarks; the rest of the
    // guide (resorts, crafts, nature) is described as a tourist attraction.
    let landmark = matches!(site.section.slug.as_str(), "unesco" | "memorials");
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": if landmark {
            json!(["TouristAttraction", "LandmarksOrHistoricalBuildings"])
        } else {
            json!("TouristAttraction")
        },
        "name": site.name,
        "description": site.summary,
        "inLanguage": site.lang.code(),
        "url": url,
        "image": [image],
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": site.lat,
            "longitude": site.lon,
        },
        "containedInPlace": { "@type": "AdministrativeArea", "name": site.region.name },
    });
    if let Some(address) = &site.address {
        value["address"] = json!({
            "@type": "PostalAddress",
            "streetAddress": address,
            "addressCountry": "BY",
        });
    }
    if site.free {
        value["isAccessibleForFree"] = json!(true);
    }
    value
}

/// `trail`: (name, absolute URL) from the home page down to the page itself.
pub fn breadcrumbs(trail: &[(String, String)]) -> Value {
    let items: Vec<Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url })
        })
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// A `<script type="application/ld+json">` element. `<`, `>` and `&` are
/// written as JSON escapes, so no value can end the element early.
pub fn script(value: &Value) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_string());
    let json = json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!(r#"<script type="application/ld+json" data-prerendered>{json}</script>"#)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_value_can_close_the_script_element() {
        let script = script(&json!({ "name": "</script><script>alert(1)</script> & more" }));
        assert!(!script[..script.len() - "</script>".len()].contains("</script"));
        assert!(script.contains("\\u003c/script\\u003e"));
        let inner = script
            .trim_start_matches(r#"<script type="application/ld+json" data-prerendered>"#)
            .trim_end_matches("</script>");
        let back: Value = serde_json::from_str(inner).expect("still JSON");
        assert_eq!(back["name"], "</script><script>alert(1)</script> & more");
    }

    #[test]
    fn breadcrumbs_are_numbered_from_one() {
        let value = breadcrumbs(&[
            ("Home".into(), "https://x.by/en/".into()),
            ("News".into(), "https://x.by/en/news".into()),
        ]);
        assert_eq!(value["itemListElement"][0]["position"], 1);
        assert_eq!(value["itemListElement"][1]["item"], "https://x.by/en/news");
    }
}
