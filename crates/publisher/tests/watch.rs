//! `portal-publisher watch`: a publisher that stays running and is told
//! on its standard input what changed writes, after each batch, the same
//! tree as a clean build of the same content, reads again only the
//! folders it was told about, and refuses bad content without changing
//! the tree or forgetting what it was told.

mod support;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use support::{assert_same_trees, copy_dir, counts_read, edit, markdown_files};

const DATE: &str = "2026-11-20";
const ORIGIN: &str = "https://portal.example.by";

/// `portal-publisher {command}` on the test's date and origin.
fn publisher(command: &str, content: &Path, out: &Path, cache: &Path) -> Command {
    let mut publisher = support::publisher(command, content, out, cache);
    publisher
        .env("PORTAL_BUILD_DATE", DATE)
        .env("PORTAL_PUBLIC_ORIGIN", ORIGIN)
        .env_remove("PORTAL_PUBLISHER_TIMINGS");
    publisher
}

/// A clean build of `content` into `out`, with a cache of its own.
fn clean_build(content: &Path, out: &Path, cache: &Path) {
    let output = publisher("build", content, out, cache)
        .arg("--clean")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the clean build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

enum Line {
    Out(String),
    Err(String),
}

/// The running publisher: its input, and its output and errors line by
/// line as they come.
struct Watching {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<Line>,
}

impl Watching {
    fn start(content: &Path, out: &Path, cache: &Path) -> Self {
        let mut child = publisher("watch", content, out, cache)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (send, lines) = channel();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let to_err = send.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let _ = send.send(Line::Out(line.unwrap()));
            }
        });
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let _ = to_err.send(Line::Err(line.unwrap()));
            }
        });
        let stdin = child.stdin.take();
        Self {
            child,
            stdin,
            lines,
        }
    }

    /// Tells `paths` and publishes them (an empty line).
    fn tell(&mut self, paths: &[&str]) {
        let stdin = self.stdin.as_mut().unwrap();
        for path in paths {
            writeln!(stdin, "{path}").unwrap();
        }
        writeln!(stdin).unwrap();
        stdin.flush().unwrap();
    }

    /// The next publish's summary line, or the problems it reported.
    fn outcome(&self) -> Result<String, String> {
        let mut errors = String::new();
        loop {
            // A guard so that a publisher that stops answering fails the
            // test instead of hanging it, not a measure of speed.
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(300))
                .unwrap_or_else(|_| {
                    panic!("no answer from the publisher; errors so far:\n{errors}")
                });
            match line {
                Line::Out(summary) => return Ok(summary),
                Line::Err(line) => {
                    let refused = line.contains("nothing was written to");
                    errors.push_str(&line);
                    errors.push('\n');
                    if refused {
                        return Err(errors);
                    }
                }
            }
        }
    }

    fn published(&self, step: &str) -> String {
        self.outcome()
            .unwrap_or_else(|errors| panic!("{step}: refused:\n{errors}"))
    }

    fn finish(mut self) -> bool {
        drop(self.stdin.take());
        self.child.wait().unwrap().success()
    }
}

#[test]
fn a_publisher_told_what_changed_writes_what_a_clean_build_writes() {
    let work = tempfile::tempdir().unwrap();
    let content = work.path().join("content");
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content");
    copy_dir(&sample, &content);
    let out = work.path().join("site/v1");
    let mut watching = Watching::start(&content, &out, &work.path().join("cache"));
    let first = watching.published("the first build");
    assert!(first.contains("files written to"), "{first}");

    let news = content.join("news");
    let cycling = news.join("autumn-cycling-routes-birch-woods");
    let pushcha = news.join("belovezhskaya-pushcha-winter-season");
    let mir = news.join("mir-castle-autumn-evening-tours");
    let added = news.join("a-new-article-on-the-archive");
    let mut clean_builds = 0;
    let mut same_as_clean = |step: &str| {
        clean_builds += 1;
        let clean = work.path().join(format!("clean-{clean_builds}"));
        let cache = work.path().join(format!("clean-cache-{clean_builds}"));
        clean_build(&content, &clean, &cache);
        assert_same_trees(&out, &clean, step);
    };

    let step = "an English article's title and body";
    edit(&cycling.join("en.md"), |text| {
        text.replacen("title = \"", "title = \"Edited: ", 1)
            + "\nA paragraph added by the editor about cranberries.\n"
    });
    watching.tell(&["news/autumn-cycling-routes-birch-woods/en.md"]);
    let summary = watching.published(step);
    assert!(summary.contains("updated in place"), "{step}: {summary}");
    assert_eq!(
        counts_read(&summary),
        (markdown_files(&cycling), 0),
        "{step}: {summary}"
    );
    same_as_clean(step);

    let step = "a new article, told by its folder's absolute path";
    fs::create_dir_all(&added).unwrap();
    let text = fs::read_to_string(cycling.join("en.md")).unwrap();
    fs::write(
        added.join("en.md"),
        text.replace("Edited: ", "Newly added: "),
    )
    .unwrap();
    watching.tell(&[added.to_str().unwrap()]);
    let summary = watching.published(step);
    assert_eq!(counts_read(&summary), (1, 0), "{step}: {summary}");
    same_as_clean(step);

    let step = "a translation removed, then the new article";
    fs::remove_file(pushcha.join("ru.md")).unwrap();
    watching.tell(&["news/belovezhskaya-pushcha-winter-season/ru.md"]);
    let summary = watching.published(step);
    assert_eq!(
        counts_read(&summary),
        (markdown_files(&pushcha), 0),
        "{step}: {summary}"
    );
    same_as_clean(step);
    fs::remove_dir_all(&added).unwrap();
    watching.tell(&["news/a-new-article-on-the-archive"]);
    let summary = watching.published(step);
    assert_eq!(counts_read(&summary), (0, 0), "{step}: {summary}");
    same_as_clean(step);

    let step = "an event's title and a site's text in one batch";
    edit(
        &content.join("events/belaya-vezha-theatre-festival/event.toml"),
        |text| {
            text.replacen(
                "en = \"Belaya Vezha International Theatre Festival\"",
                "en = \"Belaya Vezha Theatre Festival\"",
                1,
            )
        },
    );
    edit(
        &content.join("sites/belarusian-straw-weaving/en.md"),
        |text| text.replacen("Straw", "Rye straw", 1),
    );
    watching.tell(&[
        "events/belaya-vezha-theatre-festival/event.toml",
        "sites/belarusian-straw-weaving/en.md",
    ]);
    let summary = watching.published(step);
    assert_eq!(counts_read(&summary), (0, 2), "{step}: {summary}");
    same_as_clean(step);

    // "Nearby" is kept between publishes for sites at the same places.
    let step = "a site moved across the country";
    edit(
        &content.join("sites/belarusian-straw-weaving/site.toml"),
        |text| {
            text.replacen("lat = 53.9040", "lat = 52.0970", 1).replacen(
                "lon = 27.5570",
                "lon = 23.7340",
                1,
            )
        },
    );
    watching.tell(&["sites/belarusian-straw-weaving/site.toml"]);
    let summary = watching.published(step);
    assert_eq!(counts_read(&summary), (0, 1), "{step}: {summary}");
    same_as_clean(step);

    let step = "an event removed";
    fs::remove_dir_all(content.join("events/bobruisk-fortress-winter-games")).unwrap();
    watching.tell(&["events/bobruisk-fortress-winter-games"]);
    let summary = watching.published(step);
    assert_eq!(counts_read(&summary), (0, 0), "{step}: {summary}");
    same_as_clean(step);

    // A refused edit changes nothing; the article stays told, so telling
    // only another one after the fix publishes both.
    let step = "a refused edit";
    let before = work.path().join("before-refused");
    copy_dir(&out, &before);
    let good = fs::read_to_string(mir.join("en.md")).unwrap();
    fs::write(
        mir.join("en.md"),
        good.replacen("category = \"", "category = \"no-such-", 1),
    )
    .unwrap();
    watching.tell(&["news/mir-castle-autumn-evening-tours/en.md"]);
    let refused = watching.outcome().expect_err("a bad category is refused");
    assert!(
        refused.contains("news/mir-castle-autumn-evening-tours/en.md"),
        "{step}: {refused}"
    );
    assert_same_trees(&out, &before, step);
    let step = "the refused edit fixed, another article told";
    fs::write(
        mir.join("en.md"),
        good.replacen("title = \"", "title = \"Zubr and ", 1),
    )
    .unwrap();
    edit(
        &news.join("bolshoi-theatre-minsk-autumn-premieres/en.md"),
        |text| text + "\nA closing line about the cloakroom queue.\n",
    );
    watching.tell(&["news/bolshoi-theatre-minsk-autumn-premieres/en.md"]);
    let summary = watching.published(step);
    let both =
        markdown_files(&mir) + markdown_files(&news.join("bolshoi-theatre-minsk-autumn-premieres"));
    assert_eq!(counts_read(&summary).0, both, "{step}: {summary}");
    same_as_clean(step);

    // The checks across files: a translation keeps the English date.
    let step = "a translation that moves its date";
    let translated = news
        .read_dir()
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|folder| folder.join("ru.md").exists())
        .unwrap();
    let ru = fs::read_to_string(translated.join("ru.md")).unwrap();
    let published_line = ru
        .lines()
        .find(|line| line.starts_with("published = "))
        .unwrap()
        .to_string();
    fs::write(
        translated.join("ru.md"),
        ru.replacen(
            &published_line,
            "published = \"2001-01-01T10:00:00+03:00\"",
            1,
        ),
    )
    .unwrap();
    let told = format!(
        "news/{}/ru.md",
        translated.file_name().unwrap().to_str().unwrap()
    );
    watching.tell(&[&told]);
    let refused = watching
        .outcome()
        .expect_err("a translation's own date is refused");
    assert!(
        refused.contains("a translation keeps the English date"),
        "{step}: {refused}"
    );
    fs::write(translated.join("ru.md"), &ru).unwrap();
    watching.tell(&[&told]);
    watching.published(step);
    same_as_clean(step);

    // A folder of news gone as a whole (a content directory half
    // mounted, say) is refused, not published as articles removed.
    let step = "the news folder gone";
    let away = work.path().join("news-away");
    fs::rename(&news, &away).unwrap();
    watching.tell(&["news/bolshoi-theatre-minsk-autumn-premieres/en.md"]);
    let refused = watching.outcome().expect_err("no news folder is refused");
    assert!(refused.contains("news"), "{step}: {refused}");
    fs::rename(&away, &news).unwrap();
    watching.tell(&[]);
    watching.published(step);
    same_as_clean(step);

    // Anything but an article, event or site folder reads everything
    // again, as a build does.
    let step = "a category renamed";
    edit(&content.join("categories.toml"), |text| {
        text.replacen("en = \"Culture\"", "en = \"Culture and arts\"", 1)
    });
    watching.tell(&["categories.toml"]);
    let summary = watching.published(step);
    assert!(summary.contains("updated in place"), "{step}: {summary}");
    same_as_clean(step);

    let step = "nothing told";
    watching.tell(&[]);
    let summary = watching.published(step);
    assert!(
        summary.contains("(0 written, 0 removed"),
        "{step}: {summary}"
    );

    assert!(
        watching.finish(),
        "the publisher ends well at the end of its input"
    );
}
