//! `sitemap.xml` (a sitemap index over numbered files once there are more
//! URLs than one file may hold) and `robots.txt`, for the pages written.

use portal_contract::{urls, Lang};

use portal_contract::widgets::escape_html;

/// The most URLs one sitemap file may list (sitemaps.org).
pub const MAX_URLS_PER_FILE: usize = 50_000;

/// One public URL with its language versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Absolute URL.
    pub url: String,
    pub last_modified: Option<String>,
    /// (language, absolute URL) of every version, this one included.
    pub alternates: Vec<(Lang, String)>,
}

/// The files to write at the site root: `(name, content)`. One
/// `sitemap.xml` up to [`MAX_URLS_PER_FILE`] URLs; beyond that
/// `sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml`, ….
pub fn sitemap_files(entries: &[Entry], origin: &str) -> Vec<(String, String)> {
    if entries.len() <= MAX_URLS_PER_FILE {
        return vec![("sitemap.xml".to_string(), url_set(entries))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in entries.chunks(MAX_URLS_PER_FILE).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        index.push_str(&format!(
            "  <sitemap><loc>{origin}/{name}</loc></sitemap>\n"
        ));
        files.push((name, url_set(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_string(), index));
    files
}

fn url_set(entries: &[Entry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for entry in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_html(&entry.url));
        xml.push_str("</loc>");
        if let Some(date) = &entry.last_modified {
            xml.push_str("<lastmod>");
            xml.push_str(&escape_html(date));
            xml.push_str("</lastmod>");
        }
        for (lang, href) in &entry.alternates {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                lang.code(),
                escape_html(href)
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Crawlers may read every page; the API, the partner frames and the
/// reader's own pages (search results, saved list) are not for indexing.
/// The API's media stay open: link previews and JSON-LD point at them.
pub fn robots_txt(origin: &str) -> String {
    let mut text =
        String::from("User-agent: *\nAllow: /api/v1/media/\nDisallow: /api/\nDisallow: /embed/\n");
    for lang in Lang::ALL {
        text.push_str(&format!("Disallow: {}\n", urls::search(lang, "")));
        text.push_str(&format!("Disallow: {}\n", urls::saved(lang)));
    }
    text.push_str(&format!("\nSitemap: {origin}/sitemap.xml\n"));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(i: usize) -> Entry {
        Entry {
            url: format!("https://x.by/en/news/a-{i}?x=1&y=2"),
            last_modified: Some("2026-11-20T10:00:00+03:00".into()),
            alternates: vec![
                (Lang::En, format!("https://x.by/en/news/a-{i}")),
                (Lang::Ru, format!("https://x.by/ru/news/a-{i}")),
            ],
        }
    }

    #[test]
    fn one_file_holds_up_to_the_limit() {
        let files = sitemap_files(&[entry(1)], "https://x.by");
        assert_eq!(files.len(), 1);
        let xml = &files[0].1;
        assert!(xml.contains("<loc>https://x.by/en/news/a-1?x=1&amp;y=2</loc>"));
        assert!(xml.contains(
            r#"<xhtml:link rel="alternate" hreflang="ru" href="https://x.by/ru/news/a-1"/>"#
        ));
        assert!(xml.contains("<lastmod>2026-11-20T10:00:00+03:00</lastmod>"));
    }

    #[test]
    fn past_the_limit_an_index_lists_the_parts() {
        let entries: Vec<Entry> = (0..MAX_URLS_PER_FILE + 1).map(entry).collect();
        let files = sitemap_files(&entries, "https://x.by");
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0].1.contains("<loc>https://x.by/sitemap-2.xml</loc>"));
        assert_eq!(files[2].1.matches("<url>").count(), 1);
    }

    /// Read back by an XML parser: well-formed, in the sitemaps namespace,
    /// every URL with its alternates.
    #[test]
    fn an_xml_parser_reads_the_sitemap_back() {
        let entries: Vec<Entry> = (0..3).map(entry).collect();
        let files = sitemap_files(&entries, "https://x.by");
        let document = roxmltree::Document::parse(&files[0].1).expect("well-formed XML");
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "urlset");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.sitemaps.org/schemas/sitemap/0.9")
        );
        let urls: Vec<_> = root
            .children()
            .filter(|node| node.has_tag_name("url"))
            .collect();
        assert_eq!(urls.len(), 3);
        let loc = urls[1]
            .children()
            .find(|node| node.has_tag_name("loc"))
            .and_then(|node| node.text());
        assert_eq!(loc, Some("https://x.by/en/news/a-1?x=1&y=2"));
        let alternates: Vec<_> = urls[1]
            .children()
            .filter(|node| node.tag_name().name() == "link")
            .map(|node| (node.attribute("hreflang"), node.attribute("href")))
            .collect();
        assert_eq!(
            alternates[1],
            (Some("ru"), Some("https://x.by/ru/news/a-1"))
        );
    }

    #[test]
    fn robots_points_at_the_sitemap() {
        let robots = robots_txt("https://x.by");
        assert!(robots.contains("Sitemap: https://x.by/sitemap.xml"));
        assert!(robots.contains("Disallow: /api/"));
        let allow = robots
            .find("Allow: /api/v1/media/")
            .expect("preview images are allowed");
        assert!(
            allow < robots.find("Disallow: /api/").unwrap_or(0),
            "the longer rule first, for old parsers"
        );
    }
}
