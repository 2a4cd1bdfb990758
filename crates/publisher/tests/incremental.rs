//! A tree updated in place after an edit holds the same bytes as a clean
//! build of the same content: each step below edits a copy of the sample
//! content, updates one tree through its cache, builds another from
//! nothing, and compares every file.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::{assert_same_trees, copy_dir, counts_read, edit, markdown_files};

struct Build {
    ok: bool,
    summary: String,
    errors: String,
}

/// The build date and public origin of a build.
#[derive(Clone, Copy)]
struct On {
    date: &'static str,
    origin: &'static str,
}

const FIRST: On = On {
    date: "2026-11-20",
    origin: "https://portal.example.by",
};

fn publish(content: &Path, out: &Path, cache: &Path, clean: bool, on: On) -> Build {
    let mut command = support::publisher("build", content, out, cache);
    command
        .env("PORTAL_BUILD_DATE", on.date)
        .env("PORTAL_PUBLIC_ORIGIN", on.origin);
    if clean {
        command.arg("--clean");
    }
    let output = command.output().unwrap();
    Build {
        ok: output.status.success(),
        summary: String::from_utf8_lossy(&output.stdout).trim().to_string(),
        errors: String::from_utf8_lossy(&output.stderr).to_string(),
    }
}

/// A build that must succeed.
fn published(content: &Path, out: &Path, cache: &Path, clean: bool, on: On) -> Build {
    let build = publish(content, out, cache, clean, on);
    assert!(build.ok, "the build failed:\n{}", build.errors);
    build
}

/// The number in "(N written, ...)" of an update's summary.
fn written(summary: &str) -> usize {
    let after = summary
        .split("updated in place (")
        .nth(1)
        .unwrap_or_else(|| panic!("not an update: {summary}"));
    after.split(' ').next().unwrap().parse().unwrap()
}

/// The article files an update read again.
fn read(summary: &str) -> usize {
    counts_read(summary).0
}

/// The event and site folders an update read again.
fn folders_read(summary: &str) -> usize {
    counts_read(summary).1
}

/// How many article files `news` holds (`{slug}/{lang}.md`).
fn article_files(news: &Path) -> usize {
    fs::read_dir(news)
        .unwrap()
        .map(|folder| markdown_files(&folder.unwrap().path()))
        .sum()
}

#[test]
fn an_updated_tree_is_byte_for_byte_a_clean_build() {
    let work = tempfile::tempdir().unwrap();
    let content = work.path().join("content");
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content");
    copy_dir(&sample, &content);
    let (out, cache) = (work.path().join("site/v1"), work.path().join("cache"));
    let first = published(&content, &out, &cache, false, FIRST);
    assert!(
        first.summary.contains("files written to"),
        "{}",
        first.summary
    );

    let unchanged = published(&content, &out, &cache, false, FIRST);
    assert_eq!(written(&unchanged.summary), 0, "{}", unchanged.summary);
    // Every article, event and site was taken from the cache, not read
    // again.
    assert_eq!(read(&unchanged.summary), 0, "{}", unchanged.summary);
    assert_eq!(folders_read(&unchanged.summary), 0, "{}", unchanged.summary);

    let news = content.join("news");
    let article = news.join("autumn-cycling-routes-birch-woods");

    // A file rewritten with the same bytes and its folder touched (a file
    // added and removed): read again, nothing written.
    let same = article.join("en.md");
    fs::write(&same, fs::read(&same).unwrap()).unwrap();
    fs::write(article.join("notes.tmp"), "x").unwrap();
    fs::remove_file(article.join("notes.tmp")).unwrap();
    let touched = published(&content, &out, &cache, false, FIRST);
    assert_eq!(written(&touched.summary), 0, "{}", touched.summary);
    assert_eq!(read(&touched.summary), 1, "{}", touched.summary);

    // The checked articles' cache damaged, then cut short: every article
    // is read again, with a warning, and nothing is written; the build
    // after that reads nothing again (the cache was written whole).
    let articles_files = article_files(&news);
    let checks = fs::read_dir(cache.join("checks"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|ext| ext == "articles"))
        .expect("the checked articles are kept");
    for damage in ["a flipped byte", "cut short"] {
        let mut bytes = fs::read(&checks).unwrap();
        match damage {
            "a flipped byte" => {
                let middle = bytes.len() / 2;
                bytes[middle] ^= 0x20;
            }
            _ => bytes.truncate(bytes.len() / 3),
        }
        fs::write(&checks, bytes).unwrap();
        let damaged = published(&content, &out, &cache, false, FIRST);
        assert_eq!(
            written(&damaged.summary),
            0,
            "{damage}: {}",
            damaged.summary
        );
        assert_eq!(read(&damaged.summary), articles_files, "{damage}");
        assert!(
            damaged.errors.contains("damaged or of another format"),
            "{damage}: {}",
            damaged.errors
        );
        let after = published(&content, &out, &cache, false, FIRST);
        assert_eq!(read(&after.summary), 0, "{damage}: {}", after.summary);
    }

    // The tree's manifest cut short: not trusted, so a clean build.
    let manifests: Vec<PathBuf> = fs::read_dir(cache.join("trees"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(manifests.len(), 1, "{manifests:?}");
    let text = fs::read(&manifests[0]).unwrap();
    fs::write(&manifests[0], &text[..text.len() - 10]).unwrap();
    let rebuilt = published(&content, &out, &cache, false, FIRST);
    assert!(
        rebuilt.summary.contains("files written to"),
        "{}",
        rebuilt.summary
    );
    let unchanged = published(&content, &out, &cache, false, FIRST);
    assert_eq!(written(&unchanged.summary), 0, "{}", unchanged.summary);
    // What changes, when the build runs, how many article files it must
    // read again (None: all, the categories changed) and what becomes of
    // the search index (None: not asserted): patched in the languages
    // named (the documents kept their numbers) or built again.
    type Step<'a> = (
        &'a str,
        Box<dyn Fn() + 'a>,
        On,
        Option<usize>,
        Option<&'a str>,
    );
    let next_day = On {
        date: "2026-11-21",
        origin: "https://portal.example.by",
    };
    let new_origin = On {
        date: "2026-11-21",
        origin: "https://www.portal.example.by",
    };
    let steps: Vec<Step> = vec![
        (
            "an English article's title and body",
            Box::new(|| {
                edit(&article.join("en.md"), |text| {
                    text.replacen("title = \"", "title = \"Edited: ", 1)
                        + "\nA paragraph added by the editor about cranberries.\n"
                })
            }),
            FIRST,
            Some(1),
            Some("patched in en"),
        ),
        (
            "a translation's title, same size and modification time",
            Box::new(|| {
                // Only the change time tells this edit apart (see
                // check_cache.rs): the file keeps its length and mtime.
                let file = news.join("belovezhskaya-pushcha-winter-season/ru.md");
                let modified = fs::metadata(&file).unwrap().modified().unwrap();
                edit(&file, |text| {
                    text.replacen("title = \"", "title = \"!", 1)
                        .replacen("\n\n", "\n", 1)
                });
                let handle = fs::File::options().write(true).open(&file).unwrap();
                handle.set_modified(modified).unwrap();
            }),
            FIRST,
            Some(1),
            Some("patched in ru"),
        ),
        (
            "only the body of an article",
            Box::new(|| {
                edit(
                    &news.join("bolshoi-theatre-minsk-autumn-premieres/en.md"),
                    |text| text + "\nA closing line about the cloakroom queue.\n",
                )
            }),
            FIRST,
            Some(1),
            Some("patched in en"),
        ),
        (
            // Documents of a day are numbered by slug, not title: a new
            // title keeps every number, so the index is patched.
            "an article retitled",
            Box::new(|| {
                edit(
                    &news.join("mir-castle-autumn-evening-tours/en.md"),
                    |text| text.replacen("title = \"", "title = \"Zubr and ", 1),
                )
            }),
            FIRST,
            Some(1),
            Some("patched in en"),
        ),
        (
            "a new article",
            Box::new(|| {
                let new = news.join("a-new-article-on-the-archive");
                fs::create_dir_all(&new).unwrap();
                let text = fs::read_to_string(article.join("en.md")).unwrap();
                fs::write(new.join("en.md"), text.replace("Edited: ", "Newly added: ")).unwrap();
            }),
            FIRST,
            Some(1),
            Some("built in en"),
        ),
        (
            "an article removed",
            Box::new(|| fs::remove_dir_all(news.join("a-new-article-on-the-archive")).unwrap()),
            FIRST,
            Some(0),
            Some("built in en"),
        ),
        (
            "an event's and a site's texts",
            Box::new(|| {
                let event = content.join("events/belaya-vezha-theatre-festival/en.md");
                edit(&event, |text| text + "\nTickets sell out early.\n");
                let site = content.join("sites/belarusian-straw-weaving/en.md");
                edit(&site, |text| text.replacen("Straw", "Rye straw", 1));
            }),
            FIRST,
            Some(0),
            None,
        ),
        (
            // An event's facts: its page, its month, the pages that list it
            // as related and the calendars (the upcoming event's title).
            "an event's title and price",
            Box::new(|| {
                edit(
                    &content.join("events/belaya-vezha-theatre-festival/event.toml"),
                    |text| {
                        text.replacen(
                            "en = \"Belaya Vezha International Theatre Festival\"",
                            "en = \"Belaya Vezha Theatre Festival\"",
                            1,
                        )
                    },
                )
            }),
            FIRST,
            Some(0),
            None,
        ),
        (
            // Moved across the country: its own page, the guide's index and
            // the "Nearby" lists it leaves and joins.
            "a site moved",
            Box::new(|| {
                edit(
                    &content.join("sites/belarusian-straw-weaving/site.toml"),
                    |text| {
                        text.replacen("lat = 53.9040", "lat = 52.0970", 1).replacen(
                            "lon = 27.5570",
                            "lon = 23.7340",
                            1,
                        )
                    },
                )
            }),
            FIRST,
            Some(0),
            None,
        ),
        (
            "a guide section and an event category renamed",
            Box::new(|| {
                edit(&content.join("site-sections.toml"), |text| {
                    text.replacen("en = \"Top tourist sites\"", "en = \"Top sites\"", 1)
                });
                edit(&content.join("event-categories.toml"), |text| {
                    text.replacen("ru = \"Концерты\"", "ru = \"Концерты и выступления\"", 1)
                });
            }),
            FIRST,
            Some(0),
            None,
        ),
        (
            // The credit changes the documents that show the photo; the
            // focal point changes the crops, so the photo's folder (named
            // by its files) moves and the old one must go.
            "a photo's credit and another photo's focal point",
            Box::new(|| {
                edit(&content.join("media/hilltop-sunset.toml"), |text| {
                    text.replacen("Photo: Aitzol Berasategi", "Photo: A. Berasategi", 1)
                });
                edit(&content.join("media/storm-clouds-road.toml"), |text| {
                    text.replacen("licence", "focus = [0.5, 0.2]\nlicence", 1)
                });
            }),
            FIRST,
            None,
            None,
        ),
        // Nothing edited: the next day's events and the new origin's links
        // must come out as a clean build's.
        ("the next day", Box::new(|| {}), next_day, Some(0), None),
        (
            "another public origin",
            Box::new(|| {}),
            new_origin,
            Some(0),
            None,
        ),
        (
            "a category renamed",
            Box::new(|| {
                edit(&content.join("categories.toml"), |text| {
                    text.replacen("en = \"", "en = \"Renamed ", 1)
                })
            }),
            new_origin,
            None,
            None,
        ),
        (
            // Region names are in the events' documents and in the names
            // of the region calendars (region/{slug}/calendar.ics).
            "a region renamed",
            Box::new(|| {
                edit(&content.join("regions.toml"), |text| {
                    text.replacen("en = \"", "en = \"Renamed ", 1)
                })
            }),
            new_origin,
            None,
            None,
        ),
    ];
    // How many event and site folders each step reads again; `None`:
    // every one (their lists or the media changed).
    let folders_to_read = |step: &str| match step {
        "an event's and a site's texts" => Some(2),
        "an event's title and price" | "a site moved" => Some(1),
        "a guide section and an event category renamed"
        | "a photo's credit and another photo's focal point"
        | "a region renamed" => None,
        _ => Some(0),
    };
    // What each step keeps whole without a recipe per document (see
    // `Output::keep_all_under`): a language's guide or events none of whose
    // inputs changed. A folder's print covers all its texts, so an edit in
    // one language remakes that part in every language; a list's name is
    // in one language's prints only.
    let everything = "events (en, ru, be), guide (en, ru, be)";
    let kept_whole = |step: &str| match step {
        "an event's and a site's texts" | "a photo's credit and another photo's focal point" => {
            None
        }
        "an event's title and price" | "the next day" | "another public origin" => {
            Some("guide (en, ru, be)")
        }
        "a site moved" => Some("events (en, ru, be)"),
        "a guide section and an event category renamed" => Some("events (en, be), guide (ru, be)"),
        "a region renamed" => Some("events (ru, be), guide (ru, be)"),
        _ => Some(everything),
    };
    let kept_clause = |summary: &str| {
        summary
            .split("kept whole: ")
            .nth(1)
            .map(|rest| rest.split(';').next().unwrap_or_default().to_string())
    };
    assert_eq!(
        kept_clause(&unchanged.summary).as_deref(),
        Some(everything),
        "{}",
        unchanged.summary
    );
    let every_folder = ["events", "sites"]
        .iter()
        .map(|dir| fs::read_dir(content.join(dir)).unwrap().count())
        .sum::<usize>();
    for (number, (step, change, on, expected_reads, search)) in steps.iter().enumerate() {
        change();
        let updated = published(&content, &out, &cache, false, *on);
        let clean_out = work.path().join(format!("clean-{number}/v1"));
        // An empty cache: nothing kept from any earlier build.
        let clean_cache = work.path().join(format!("clean-cache-{number}"));
        published(&content, &clean_out, &clean_cache, true, *on);
        assert!(written(&updated.summary) > 0, "{step}: {}", updated.summary);
        if let Some(expected) = expected_reads {
            assert_eq!(
                read(&updated.summary),
                *expected,
                "{step}: {}",
                updated.summary
            );
        }
        assert_eq!(
            folders_read(&updated.summary),
            folders_to_read(step).unwrap_or(every_folder),
            "{step}: {}",
            updated.summary
        );
        assert_eq!(
            kept_clause(&updated.summary).as_deref(),
            kept_whole(step),
            "{step}: {}",
            updated.summary
        );
        if let Some(search) = search {
            assert!(
                updated.summary.contains(&format!("search index {search};")),
                "{step}: {}",
                updated.summary
            );
        }
        assert_same_trees(&out, &clean_out, step);
    }

    // A refused file is refused again by the next build: the cache never
    // lets it through.
    let refused = news.join("bolshoi-theatre-minsk-autumn-premieres/en.md");
    edit(&refused, |text| {
        let start = text.find("title = \"").unwrap() + "title = \"".len();
        let end = start + text[start..].find('"').unwrap();
        format!("{}{}", &text[..start], &text[end..])
    });
    for attempt in ["first", "second"] {
        let build = publish(&content, &out, &cache, false, new_origin);
        assert!(
            !build.ok,
            "{attempt} build after an empty title: {}",
            build.summary
        );
        assert!(
            build
                .errors
                .contains("bolshoi-theatre-minsk-autumn-premieres/en.md"),
            "{}",
            build.errors
        );
    }
    // So is an event's or a site's text that cannot be read, though the
    // folder's other files pass: the folder is not kept either.
    let unreadable = content.join("sites/belarusian-straw-weaving/ru.md");
    fs::write(&unreadable, b"\xff\xfe not UTF-8").unwrap();
    for attempt in ["first", "second"] {
        let build = publish(&content, &out, &cache, false, new_origin);
        assert!(
            !build.ok,
            "{attempt} build after an unreadable text: {}",
            build.summary
        );
        assert!(
            build
                .errors
                .contains("sites/belarusian-straw-weaving/ru.md"),
            "{attempt}: {}",
            build.errors
        );
    }
}
