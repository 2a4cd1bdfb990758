//! `portal-prerender --dist DIR`: writes an HTML page for every public URL
//! of the portal, in every language, into a build (`dist/`), rendered by
//! the app's own views (`portal::prerender`) from the published JSON API;
//! then `sitemap.xml` and `robots.txt`. Run by tools/post-build/run.sh
//! after the publisher. See ARCHITECTURE.md ("Prerendered pages").

mod chunk_preloads;
mod head;
mod routes;
mod sitemap;
mod structured_data;
mod template;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use portal::page_url::PrerenderUrl;
use portal_contract::Lang;

/// The dev server's address: where absolute URLs point unless told.
const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";

const USAGE: &str = "usage: portal-prerender --dist DIR [--api DIR] [--origin URL]

  --dist DIR     the build: its index.html is the page template, pages are written into it
  --api DIR      the published JSON API (default: DIR/api/v1)
  --origin URL   the public origin for canonical, Open Graph and sitemap URLs
                 (default: $PORTAL_PUBLIC_ORIGIN, else http://127.0.0.1:8080)

The date pages are rendered at (the calendar's month, upcoming events) is
$PORTAL_BUILD_DATE (YYYY-MM-DD), as for the publisher; else today (UTC).";

struct Options {
    dist: PathBuf,
    api: PathBuf,
    origin: String,
}

fn main() -> ExitCode {
    match parse(std::env::args().skip(1).collect()).and_then(|options| run(&options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("portal-prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse(args: Vec<String>) -> Result<Options, String> {
    let mut dist = None;
    let mut api = None;
    let mut origin = std::env::var("PORTAL_PUBLIC_ORIGIN").ok();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--dist" => dist = Some(PathBuf::from(value()?)),
            "--api" => api = Some(PathBuf::from(value()?)),
            "--origin" => origin = Some(value()?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n\n{USAGE}")),
        }
    }
    let dist = dist.ok_or_else(|| format!("--dist is required\n\n{USAGE}"))?;
    let origin = origin
        .filter(|origin| !origin.trim().is_empty())
        .unwrap_or_else(|| {
            eprintln!(
                "portal-prerender: warning: no --origin or PORTAL_PUBLIC_ORIGIN; canonical, Open Graph and sitemap URLs point at {DEFAULT_ORIGIN} (fine for development, wrong for a release)"
            );
            DEFAULT_ORIGIN.to_string()
        });
    let origin = origin.trim().trim_end_matches('/').to_string();
    if !(origin.starts_with("https://") || origin.starts_with("http://")) {
        return Err(format!("--origin must be an http(s) URL, not {origin:?}"));
    }
    Ok(Options {
        api: api.unwrap_or_else(|| dist.join("api/v1")),
        dist,
        origin,
    })
}

fn run(options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let template_path = options.dist.join("index.html");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|err| format!("{}: {err}", template_path.display()))?;
    template::check(&template).map_err(|err| format!("{}: {}", template_path.display(), err.0))?;
    let api_base =
        api_base(&template).unwrap_or_else(|| portal::config::DEFAULT_API_BASE.to_string());
    let now = render_instant()?;
    let deployment = head::Deployment {
        origin: &options.origin,
        api_base: &api_base,
        api_dir: &options.api,
    };

    let chunk_preloads = chunk_preloads::ChunkPreloads::read(&options.dist)?;

    portal::prerender::init();
    let api = portal::api::ApiClient::published(api_base.clone(), options.api.clone());
    let mut entries = Vec::new();
    let mut written = 0usize;
    for lang in Lang::ALL {
        for page in routes::pages(&options.api, lang) {
            let url = PrerenderUrl {
                origin: options.origin.clone(),
                path: page.url(),
            };
            let rendered = portal::prerender::render_page(api, url, now);
            let head = head::head(&page, &deployment);
            let extra_head = format!("{}{}", head.tags, chunk_preloads.tags(&page.path));
            let html = template::compose(
                &template,
                &template::PageParts {
                    rendered: &rendered,
                    extra_head: &extra_head,
                    query: page.query.as_deref().unwrap_or(""),
                    static_content: page.static_content,
                },
            );
            write(&options.dist.join(&page.file), &html)?;
            written += 1;
            if page.static_content && page.kind != routes::Kind::NotFound {
                entries.push(sitemap::Entry {
                    url: deployment.absolute(&page.url()),
                    last_modified: head.last_modified,
                    alternates: head
                        .languages
                        .iter()
                        .map(|other| {
                            (
                                *other,
                                deployment.absolute(&portal_contract::urls::with_lang(
                                    &page.url(),
                                    *other,
                                )),
                            )
                        })
                        .collect(),
                });
            }
        }
    }
    for (name, content) in sitemap::sitemap_files(&entries, &options.origin) {
        write(&options.dist.join(name), &content)?;
    }
    write(
        &options.dist.join("robots.txt"),
        &sitemap::robots_txt(&options.origin),
    )?;
    println!(
        "prerendered {written} pages and a sitemap of {} URLs in {:.1} s",
        entries.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Noon in Minsk on the build date: the same "today" the publisher used.
fn render_instant() -> Result<i64, String> {
    let date = match std::env::var("PORTAL_BUILD_DATE") {
        Ok(text) if !text.trim().is_empty() => portal_calendar::Date::parse(text.trim())
            .ok_or_else(|| format!("PORTAL_BUILD_DATE is not a date (YYYY-MM-DD): {text:?}"))?,
        _ => {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|err| err.to_string())?
                .as_secs() as i64;
            portal_calendar::Date::from_days(seconds.div_euclid(86_400))
        }
    };
    Ok(date.to_days() * 86_400 + 9 * 3_600)
}

/// The API base from the template's `portal-api-base` tag (quoted or not,
/// in any attribute order, as Trunk's minifier leaves it).
fn api_base(template: &str) -> Option<String> {
    let at = template.find("portal-api-base")?;
    let tag_start = template[..at].rfind("<meta")?;
    let tag_end = at + template[at..].find('>')?;
    let tag = &template[tag_start..tag_end];
    let value = tag.split("content=").nth(1)?;
    let value = match value.chars().next()? {
        quote @ ('"' | '\'') => value[1..].split(quote).next()?,
        _ => value.split([' ', '>']).next()?,
    };
    let value = value.trim().trim_end_matches('/');
    (!value.is_empty()).then(|| value.to_string())
}

fn write(path: &Path, content: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|err| format!("{}: {err}", parent.display()))?;
    }
    std::fs::write(path, content).map_err(|err| format!("{}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_api_base_as_trunk_minifies_it() {
        assert_eq!(
            api_base("<meta content=/api/v1 name=portal-api-base>").as_deref(),
            Some("/api/v1")
        );
        assert_eq!(
            api_base(r#"<meta name="portal-api-base" content="https://c.example.by/api/v1/">"#)
                .as_deref(),
            Some("https://c.example.by/api/v1")
        );
        assert_eq!(api_base("<meta name=other content=x>"), None);
    }

    #[test]
    fn the_origin_must_be_a_web_address() {
        let args = |origin: &str| {
            vec![
                "--dist".to_string(),
                "d".to_string(),
                "--origin".to_string(),
                origin.to_string(),
            ]
        };
        assert!(parse(args("portal.by")).is_err());
        assert_eq!(
            parse(args("https://portal.by/")).map(|o| o.origin),
            Ok("https://portal.by".to_string())
        );
    }
}
