//! Builds small content directories in temporary folders and runs the real
//! `portal-publisher` binary on them.

#![allow(dead_code)] // Each test file uses a different part of this.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const CATEGORIES: &str = r#"[[category]]
slug = "culture"
en = "Culture"
ru = "Культура"
be = "Культура"

[[category]]
slug = "sport"
en = "Sport"
ru = "Спорт"
be = "Спорт"

[[category]]
slug = "science"
en = "Science"
ru = "Наука"
be = "Навука"
"#;

/// Event categories for fixtures with events.
pub const EVENT_CATEGORIES: &str = r#"[[category]]
slug = "fairs"
en = "Fairs"
ru = "Ярмарки"
be = "Кірмашы"

[[category]]
slug = "concerts"
en = "Concerts"
ru = "Концерты"
be = "Канцэрты"
"#;

/// Regions for fixtures with events or sites.
pub const REGIONS: &str = r#"[[region]]
slug = "minsk-city"
en = "Minsk"
ru = "Минск"
be = "Мінск"

[[region]]
slug = "minsk"
en = "Minsk Region"
ru = "Минская область"
be = "Мінская вобласць"

[[region]]
slug = "grodno"
en = "Grodno Region"
ru = "Гродненская область"
be = "Гродзенская вобласць"
"#;

pub const CASTLE_SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><rect width="1200" height="675" fill="#c33"/></svg>
"##;

/// A valid article. Line numbers of the returned text, for tests that
/// break one line: 2 title, 3 lead, 4 category, 5 published, 6 tags,
/// 8 [hero], 9 src, 10 alt, 11 +++, 13 first body paragraph.
pub fn article(title: &str, category: &str, published: &str) -> String {
    format!(
        r#"+++
title = "{title}"
lead = "A short lead for {title}."
category = "{category}"
published = "{published}"
tags = ["test"]

[hero]
src = "media/castle.svg"
alt = "A red-brick castle"
+++

The first paragraph of {title}, with *emphasis* and a [link](https://example.org).

## A heading

- one
- two
"#
    )
}

/// The standard article with its body replaced.
pub fn article_with_body(body: &str) -> String {
    let text = article("Body test", "culture", "2026-10-14T09:30:00+03:00");
    let end = text.find("+++\n\n").expect("closing fence") + 4;
    format!("{}{body}", &text[..end])
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// Categories, one SVG and one good English article (`mir-castle`).
    pub fn new() -> Fixture {
        let fixture = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        fixture.write("categories.toml", CATEGORIES);
        fixture.write("media/castle.svg", CASTLE_SVG);
        fixture.write(
            "news/mir-castle/en.md",
            &article("Mir Castle", "culture", "2026-10-14T09:30:00+03:00"),
        );
        fixture
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    /// The output directory; its parent holds nothing else.
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("site").join("api")
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.content().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Puts an earlier build's output in place, to check it survives.
    /// An earlier publisher output (with its marker) at `out()`.
    pub fn existing_output(&self) {
        let out = self.out();
        fs::create_dir_all(out.join("en")).unwrap();
        fs::write(out.join("en/old.json"), "{\"old\":true}").unwrap();
        fs::write(out.join(portal_publisher::write::MARKER), "").unwrap();
    }

    pub fn build(&self) -> Run {
        run(&[
            "build",
            "--content",
            self.content().to_str().unwrap(),
            "--out",
            self.out().to_str().unwrap(),
            "--cache",
            self.dir.path().join("cache").to_str().unwrap(),
            "--photo-cache",
            &user_photo_cache(),
        ])
    }

    /// Builds expecting failure: exit code 1, a `path:line: reason` line on
    /// stderr, the earlier output untouched and no temporary directory left.
    pub fn assert_refused(&self, path: &str, line: usize, reason: &str) -> Run {
        self.existing_output();
        let run = self.build();
        assert_eq!(
            run.code,
            Some(1),
            "expected a failed build; stderr:\n{}",
            run.stderr
        );
        let prefix = format!("{path}:{line}: ");
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with(&prefix) && l.contains(reason)),
            "expected a line starting {prefix:?} containing {reason:?}; stderr:\n{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "stdout: {}", run.stdout);
        assert_eq!(
            list_tree(&self.out()),
            [portal_publisher::write::MARKER, "en/old.json"],
            "the earlier output must be untouched"
        );
        assert_eq!(
            fs::read_to_string(self.out().join("en/old.json")).unwrap(),
            "{\"old\":true}"
        );
        assert_eq!(
            list_names(&self.dir.path().join("site")),
            ["api"],
            "no temporary directory may remain"
        );
        run
    }
}

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Where a default build keeps developed photographs: tests share them
/// (they depend only on each photo's bytes; developing the sample's takes
/// minutes).
pub fn user_photo_cache() -> String {
    let base = std::env::var("XDG_CACHE_HOME")
        .ok()
        .filter(|dir| dir.starts_with('/'))
        .unwrap_or_else(|| format!("{}/.cache", std::env::var("HOME").unwrap_or_default()));
    format!("{base}/portal-publisher/photos")
}

pub fn run(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_portal-publisher"))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// Names directly in `dir`, sorted.
pub fn list_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// Every file under `root`, as sorted `/`-separated relative paths.
pub fn list_tree(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path.strip_prefix(root).unwrap();
                out.push(relative.to_str().unwrap().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

/// The published search index of `lang` in `files` (a built tree), joined
/// from its manifest and shards.
pub fn published_search_index(
    files: &std::collections::BTreeMap<String, Vec<u8>>,
    lang: portal_contract::Lang,
) -> portal_search::SearchIndex {
    use portal_contract::paths;
    fn read<T: serde::de::DeserializeOwned>(
        files: &std::collections::BTreeMap<String, Vec<u8>>,
        path: String,
    ) -> T {
        let bytes = files.get(&path).unwrap_or_else(|| panic!("{path} missing"));
        serde_json::from_slice(bytes).unwrap_or_else(|error| panic!("{path}: {error}"))
    }
    let manifest: portal_search::ShardManifest = read(files, paths::search_manifest(lang));
    manifest.check().unwrap();
    let terms = (0..manifest.shards.len())
        .map(|n| read(files, paths::search_terms(lang, &manifest.files[n])))
        .collect();
    let chunks = manifest.kinds.total().div_ceil(manifest.docs_per_chunk);
    let docs = (0..chunks)
        .map(|n| read(files, paths::search_docs(lang, &manifest.build, n)))
        .collect();
    portal_search::shards::join(terms, docs)
}

/// Copies the folder `from` to `to`, files and folders.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Asserts that two trees hold the same files with the same bytes.
pub fn assert_same_trees(updated: &Path, clean: &Path, step: &str) {
    let files = list_tree(updated);
    let expected = list_tree(clean);
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter()
            .filter(|file| !b.contains(file))
            .take(10)
            .cloned()
            .collect()
    };
    assert!(
        files == expected,
        "{step}: the trees list other files; only in the updated tree: {:?}; only in the clean build: {:?}",
        only(&files, &expected),
        only(&expected, &files)
    );
    for file in files {
        assert!(
            fs::read(updated.join(&file)).unwrap() == fs::read(clean.join(&file)).unwrap(),
            "{step}: {file} differs from a clean build's"
        );
    }
}

/// The numbers in "...; N article files and M event and site folders
/// read)" of an update's summary.
pub fn counts_read(summary: &str) -> (usize, usize) {
    let before = summary
        .strip_suffix(" event and site folders read)")
        .unwrap_or_else(|| panic!("no count of files read: {summary}"));
    let (articles, folders) = before
        .rsplit_once(" article files and ")
        .unwrap_or_else(|| panic!("no count of article files read: {summary}"));
    (
        articles.rsplit(' ').next().unwrap().parse().unwrap(),
        folders.parse().unwrap(),
    )
}

/// Changes the text of `file`, which must change.
pub fn edit(file: &Path, change: impl FnOnce(String) -> String) {
    let text = fs::read_to_string(file).unwrap();
    let changed = change(text.clone());
    assert_ne!(text, changed, "{} was not changed", file.display());
    fs::write(file, changed).unwrap();
}

/// How many Markdown files `folder` holds.
pub fn markdown_files(folder: &Path) -> usize {
    fs::read_dir(folder)
        .unwrap()
        .filter(|file| {
            file.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|ext| ext == "md")
        })
        .count()
}

/// `portal-publisher {command}` (`build` or `watch`) of `content` into
/// `out` with the cache `cache`. The photographs' renditions are always
/// the user's: they are kept by the photos' bytes and focal points, and
/// developing them takes minutes (portal-photo's tests check that the
/// same bytes develop into the same files).
pub fn publisher(command: &str, content: &Path, out: &Path, cache: &Path) -> Command {
    let mut publisher = Command::new(env!("CARGO_BIN_EXE_portal-publisher"));
    publisher
        .args([command, "--content"])
        .arg(content)
        .arg("--out")
        .arg(out)
        .arg("--cache")
        .arg(cache)
        .arg("--photo-cache")
        .arg(user_photo_cache());
    publisher
}
