//! JSON Schemas of the API documents, generated from the contract types so
//! they cannot drift from what the publisher writes and the app reads. The
//! committed copies live in docs/schema/; a test keeps them current.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use portal_contract::{
    Article, CategoryList, Event, EventsIndex, MonthBucket, NewsArchive, NewsArchiveYear,
    NewsArchiveYears, NewsDay, NewsPage, Site, SiteIndex, UpcomingEvents,
};

/// `(file name, pretty JSON with a trailing newline)` for every document type.
pub fn schemas() -> Result<Vec<(&'static str, String)>, serde_json::Error> {
    let render = |schema: schemars::Schema| -> Result<String, serde_json::Error> {
        let mut text = serde_json::to_string_pretty(&schema)?;
        text.push('\n');
        Ok(text)
    };
    Ok(vec![
        (
            "article.schema.json",
            render(schemars::schema_for!(Article))?,
        ),
        (
            "news-page.schema.json",
            render(schemars::schema_for!(NewsPage))?,
        ),
        (
            "category-list.schema.json",
            render(schemars::schema_for!(CategoryList))?,
        ),
        (
            "news-day.schema.json",
            render(schemars::schema_for!(NewsDay))?,
        ),
        (
            "news-archive.schema.json",
            render(schemars::schema_for!(NewsArchive))?,
        ),
        (
            "news-archive-years.schema.json",
            render(schemars::schema_for!(NewsArchiveYears))?,
        ),
        (
            "news-archive-year.schema.json",
            render(schemars::schema_for!(NewsArchiveYear))?,
        ),
        ("event.schema.json", render(schemars::schema_for!(Event))?),
        (
            "events-index.schema.json",
            render(schemars::schema_for!(EventsIndex))?,
        ),
        (
            "events-month.schema.json",
            render(schemars::schema_for!(MonthBucket))?,
        ),
        (
            "events-upcoming.schema.json",
            render(schemars::schema_for!(UpcomingEvents))?,
        ),
        ("site.schema.json", render(schemars::schema_for!(Site))?),
        (
            "site-index.schema.json",
            render(schemars::schema_for!(SiteIndex))?,
        ),
    ])
}

/// Writes the schema files into `dir` (created if needed); returns their paths.
pub fn write_schemas(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let schemas = schemas().map_err(io::Error::other)?;
    fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, text) in schemas {
        let path = dir.join(name);
        fs::write(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_describe_the_documents() {
        let schemas = schemas().unwrap();
        assert_eq!(schemas.len(), 13);
        for (name, text) in &schemas {
            assert!(text.ends_with("}\n"), "{name}");
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert!(value.get("$schema").is_some(), "{name}");
        }
        assert!(schemas[0].1.contains("\"translations\""));
        assert!(schemas[1].1.contains("\"total_pages\""));
        assert!(schemas[2].1.contains("\"categories\""));
        assert!(schemas[3].1.contains("\"previous\""));
        assert!(schemas[5].1.contains("\"articles\""));
        assert!(schemas[6].1.contains("\"days\""));
        assert!(schemas[7].1.contains("\"time_zone\""));
        assert!(schemas[8].1.contains("\"pairs\""));
    }
}
