//! The command line: argument parsing and what each command prints. Kept in
//! the library so the binary stays a one-liner and this can be tested.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use portal_contract::Lang;

use crate::build::{build_date, build_into, BuildError, Place, Stats};
use crate::cache::Cache;
use crate::origin::PublicOrigin;
use crate::progress::Progress;
use crate::schema::write_schemas;
use crate::search_build::SearchOutcome;
use crate::watch::Watch;

pub const USAGE: &str = "\
usage:
  portal-publisher build --content <dir> --out <dir> [--origin <url>] [--cache <dir>] [--photo-cache <dir>] [--clean]
      Check content/ and write the static JSON API tree into <dir>
      (nothing changes when a check fails).
      --cache keeps work between builds: the link previews drawn from
      SVGs, the checked articles, each search document's terms, and a
      manifest of the tree written, so the next build updates that tree
      in place, writing only documents that changed; default: $XDG_CACHE_HOME/portal-publisher, else
      ~/.cache/portal-publisher. Safe to delete at any time.
      --photo-cache keeps the photographs' renditions elsewhere than
      <cache>/photos (they depend only on each photo's bytes, so any
      number of trees can share them).
      --clean replaces <dir> with a whole new tree, swapped in at once.
      --origin is the site's public origin, e.g. https://portal.example.by:
      the RSS feeds and .ics files link to its pages and to the API at
      <url>/api/v1.
      Without it: $PORTAL_PUBLIC_ORIGIN, else http://127.0.0.1:8080 (the
      dev server).
  portal-publisher watch --content <dir> --out <dir> [--origin <url>] [--cache <dir>] [--photo-cache <dir>]
      Build as build does, then stay running and publish again each time
      it is told what changed: paths on standard input, one per line,
      relative to the content directory (news/mir-castle/en.md), then an
      empty line to publish them. An article, event or site folder told
      is read and checked again alone; any other path, or an empty line
      with nothing told, reads everything again. Prints the summary line
      of each publish; a publish refused changes nothing and its paths
      are read again with the next. When the build date changes (midnight
      in Minsk) it publishes again by itself, everything read again, so
      the calendars move on. Ends at the end of the input.
  portal-publisher schema --out <dir>
      Write JSON Schemas of the API documents into <dir>.";

/// Exit codes: success, a failed check or write, a usage mistake.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Build {
        content: PathBuf,
        out: PathBuf,
        /// `--origin`; `None`: from the environment, else the default.
        origin: Option<PublicOrigin>,
        /// `--cache`; `None`: the user's (see [`Cache::for_user`]).
        cache: Option<PathBuf>,
        /// `--photo-cache`; `None`: `photos/` in the cache.
        photo_cache: Option<PathBuf>,
        /// `--clean`: write a whole new tree even when the cache knows the
        /// one at `out`.
        clean: bool,
        /// The `watch` command: stay running, told what changed on
        /// standard input ([`crate::watch`]).
        watch: bool,
    },
    Schema {
        out: PathBuf,
    },
    Help,
}

/// Parses arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    let (allowed, switches): (&[&str], &[&str]) = match command.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "build" => (
            &["--content", "--out", "--origin", "--cache", "--photo-cache"],
            &["--clean"],
        ),
        "watch" => (
            &["--content", "--out", "--origin", "--cache", "--photo-cache"],
            &[],
        ),
        "schema" => (&["--out"], &[]),
        other => return Err(format!("unknown command {other:?}")),
    };
    let mut values: Vec<(String, String)> = Vec::new();
    let mut switched: Vec<&str> = Vec::new();
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        if let Some(switch) = switches.iter().find(|switch| **switch == arg.as_str()) {
            if switched.contains(switch) {
                return Err(format!("{switch} given twice"));
            }
            switched.push(switch);
            continue;
        }
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_string(), value.to_string()),
            None => {
                let value = rest.next().ok_or_else(|| format!("{arg} needs a value"))?;
                (arg.clone(), value.clone())
            }
        };
        if !allowed.contains(&flag.as_str()) {
            return Err(format!("unknown option {flag:?} for {command}"));
        }
        if values.iter().any(|(known, _)| *known == flag) {
            return Err(format!("{flag} given twice"));
        }
        if value.is_empty() {
            return Err(format!("{flag} needs a value"));
        }
        values.push((flag, value));
    }
    let mut optional = |flag: &str| {
        values
            .iter()
            .position(|(known, _)| known == flag)
            .map(|index| values.remove(index).1)
    };
    let mut take = |flag: &str| {
        optional(flag)
            .map(PathBuf::from)
            .ok_or_else(|| format!("{command} needs {flag} <dir>"))
    };
    match command.as_str() {
        "build" | "watch" => Ok(Command::Build {
            content: take("--content")?,
            out: take("--out")?,
            origin: optional("--origin")
                .map(|text| PublicOrigin::parse(&text))
                .transpose()?,
            cache: optional("--cache").map(PathBuf::from),
            photo_cache: optional("--photo-cache").map(PathBuf::from),
            clean: switched.contains(&"--clean"),
            watch: command == "watch",
        }),
        _ => Ok(Command::Schema {
            out: take("--out")?,
        }),
    }
}

/// Runs the command line; returns the process exit code. `stdin` is read
/// by `watch` only.
pub fn run(
    args: &[String],
    stdin: &mut (dyn BufRead + Send),
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    // Output to a closed pipe is not worth failing over.
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}\n\n{USAGE}");
            return EXIT_USAGE;
        }
    };
    match command {
        Command::Help => {
            let _ = writeln!(stdout, "{USAGE}");
            EXIT_OK
        }
        Command::Schema { out } => match write_schemas(&out) {
            Ok(paths) => {
                let _ = writeln!(
                    stdout,
                    "wrote {} schema files to {}",
                    paths.len(),
                    out.display()
                );
                EXIT_OK
            }
            Err(error) => {
                let _ = writeln!(
                    stderr,
                    "error: cannot write schemas to {}: {error}",
                    out.display()
                );
                EXIT_FAILED
            }
        },
        Command::Build {
            content,
            out,
            origin,
            cache,
            photo_cache,
            clean,
            watch,
        } => {
            let mut cache = cache.map_or_else(Cache::for_user, Cache::in_dir);
            if let Some(dir) = photo_cache {
                cache = cache.with_photos_in(dir);
            }
            if let Some(message) = overlap(&content, &out).or_else(|| cache_inside(&cache, &out)) {
                let _ = writeln!(stderr, "error: {message}");
                return EXIT_FAILED;
            }
            let origin = match origin.map_or_else(PublicOrigin::from_env, Ok) {
                Ok(origin) => origin,
                Err(message) => {
                    let _ = writeln!(
                        stderr,
                        "error: {message}; nothing was written to {}",
                        out.display()
                    );
                    return EXIT_FAILED;
                }
            };
            if watch {
                cache = cache.with_memory();
            }
            let place = Place {
                out: &out,
                cache: &cache,
            };
            if watch {
                keep_publishing(&content, place, origin, stdin, stdout, stderr)
            } else {
                build(&content, place, &origin, clean, stdout, stderr)
            }
        }
    }
}

fn build(
    content: &Path,
    Place { out, cache }: Place<'_>,
    origin: &PublicOrigin,
    clean: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let progress = Progress::on_stderr();
    let built = build_date()
        .map_err(BuildError::Other)
        .and_then(|today| build_into(content, today, origin, out, cache, &progress, clean));
    progress.finish();
    if report(built, content, out, stdout, stderr) {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}

/// The `watch` command: a first publish, then one for each batch of paths
/// told on `stdin` (see [`USAGE`]). Fails when the last publish failed.
fn keep_publishing(
    content: &Path,
    place: Place<'_>,
    origin: PublicOrigin,
    stdin: &mut (dyn BufRead + Send),
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let mut watch = Watch::new(content, place, origin);
    let publish = |watch: &mut Watch<'_>, stdout: &mut dyn Write, stderr: &mut dyn Write| {
        let progress = Progress::on_stderr();
        let published = watch.publish(&progress);
        progress.finish();
        let done = report(published, content, place.out, stdout, stderr);
        let _ = stdout.flush();
        done
    };
    let mut done = publish(&mut watch, stdout, stderr);
    std::thread::scope(|scope| {
        // Lines are read on a thread of their own, so the clock is looked
        // at while the input is quiet.
        let (send, told) = std::sync::mpsc::channel();
        scope.spawn(move || loop {
            // Bytes, not text: a path that is not UTF-8 is told too (and
            // has everything read again), not an end of the input.
            let mut line = Vec::new();
            let read = stdin.read_until(b'\n', &mut line);
            let end = !matches!(read, Ok(1..));
            let line = read.map(|_| String::from_utf8_lossy(&line).into_owned());
            if send.send(line).is_err() || end {
                return;
            }
        });
        loop {
            match told.recv_timeout(CLOCK_LOOK) {
                Ok(Ok(line)) if line.is_empty() => break,
                Ok(Ok(line)) => {
                    let path = line.trim_end_matches(['\n', '\r']);
                    if path.is_empty() {
                        done = publish(&mut watch, stdout, stderr);
                    } else {
                        watch.tell(path);
                    }
                }
                Ok(Err(error)) => {
                    let _ = writeln!(stderr, "error: cannot read what changed: {error}");
                    done = false;
                    return;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    if build_date().is_ok_and(|today| watch.is_a_new_day(today)) {
                        watch.read_everything_again();
                        done = publish(&mut watch, stdout, stderr);
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        // Told but not yet published when the input ended.
        if watch.has_pending() {
            done = publish(&mut watch, stdout, stderr);
        }
    });
    if done {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}

/// How often a quiet `watch` looks whether the day changed (the events'
/// calendars and upcoming lists move on with the build date).
const CLOCK_LOOK: std::time::Duration = std::time::Duration::from_secs(60);

/// Prints a build's summary line on `stdout`, or its problems on
/// `stderr`; whether it was published.
fn report(
    built: Result<Stats, BuildError>,
    content: &Path,
    out: &Path,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> bool {
    let stats = match built {
        Ok(stats) => stats,
        Err(BuildError::Content(errors)) => {
            for error in &errors {
                let _ = writeln!(stderr, "{error}");
            }
            let plural = if errors.len() == 1 { "" } else { "s" };
            let _ = writeln!(
                stderr,
                "{} problem{plural} in {}; nothing was written to {}",
                errors.len(),
                content.display(),
                out.display()
            );
            return false;
        }
        Err(BuildError::Other(message)) => {
            let _ = writeln!(
                stderr,
                "error: {message}; nothing was written to {}",
                out.display()
            );
            return false;
        }
    };
    let _ = writeln!(stdout, "{}", summary_line(&stats, out));
    true
}

/// `published 38 articles (en 38, ru 12, be 9), 6 categories, 20 media files: 250 files in api/v1`
pub fn summary_line(stats: &Stats, out: &Path) -> String {
    let per_lang = stats
        .articles
        .iter()
        .map(|(lang, count)| format!("{lang} {count}"))
        .collect::<Vec<_>>()
        .join(", ");
    let total: usize = stats.articles.iter().map(|(_, count)| count).sum();
    let files = match stats.changes {
        None => format!("{} files written to {}", stats.files, out.display()),
        Some(changes) => format!(
            "{} files in {}, updated in place ({} written, {} removed, {} unchanged; {}search index {}; {} article files and {} event and site folders read)",
            stats.files,
            out.display(),
            changes.written,
            changes.removed,
            stats.files.saturating_sub(changes.written),
            kept_whole(&stats.kept_whole),
            search_outcomes(&stats.search),
            stats.articles_read,
            stats.folders_read
        ),
    };
    format!(
        "published {total} article files ({per_lang}), {} categories, {} events, {} media files: {files}",
        stats.categories, stats.events, stats.media,
    )
}

/// The parts kept whole, "kept whole: events (ru), guide (en, ru, be); ",
/// or nothing.
fn kept_whole(kept: &[(&str, Lang)]) -> String {
    let mut parts: Vec<(&str, Vec<String>)> = Vec::new();
    for &(part, lang) in kept {
        match parts.last_mut() {
            Some((last, langs)) if *last == part => langs.push(lang.to_string()),
            _ => parts.push((part, vec![lang.to_string()])),
        }
    }
    if parts.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = parts
        .into_iter()
        .map(|(part, langs)| format!("{part} ({})", langs.join(", ")))
        .collect();
    format!("kept whole: {}; ", parts.join(", "))
}

/// What became of the search indexes: "built in en, patched in ru", or
/// "unchanged".
fn search_outcomes(outcomes: &[(Lang, SearchOutcome)]) -> String {
    let langs = |wanted: fn(&SearchOutcome) -> bool| {
        outcomes
            .iter()
            .filter(|(_, outcome)| wanted(outcome))
            .map(|(lang, _)| lang.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let parts: Vec<String> = [
        ("built", langs(|outcome| *outcome == SearchOutcome::Built)),
        (
            "patched",
            langs(|outcome| matches!(outcome, SearchOutcome::Patched(_))),
        ),
    ]
    .into_iter()
    .filter(|(_, langs)| !langs.is_empty())
    .map(|(what, langs)| format!("{what} in {langs}"))
    .collect();
    if parts.is_empty() {
        "unchanged".to_string()
    } else {
        parts.join(", ")
    }
}

/// Replacing `out` must never delete the content being published.
/// A cache inside the tree would be served, and deleted with it.
fn cache_inside(cache: &Cache, out: &Path) -> Option<String> {
    let dir = std::path::absolute(cache.dir()?).ok()?;
    let out = std::path::absolute(out).ok()?;
    dir.starts_with(&out).then(|| {
        format!(
            "the cache {} is inside the output {}; choose a --cache outside it",
            dir.display(),
            out.display()
        )
    })
}

fn overlap(content: &Path, out: &Path) -> Option<String> {
    let content = content.canonicalize().ok()?;
    let out = out.canonicalize().ok()?;
    content.starts_with(&out).then(|| {
        format!(
            "the output {} contains the content directory {}; choose another --out",
            out.display(),
            content.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_commands() {
        assert_eq!(
            parse_args(&args("build --content content --out dist/api/v1")),
            Ok(Command::Build {
                content: "content".into(),
                out: "dist/api/v1".into(),
                origin: None,
                cache: None,
                photo_cache: None,
                clean: false,
                watch: false,
            })
        );
        assert_eq!(
            parse_args(&args("build --out=o --content=c --cache=/var/cache/p")),
            Ok(Command::Build {
                content: "c".into(),
                out: "o".into(),
                origin: None,
                cache: Some("/var/cache/p".into()),
                photo_cache: None,
                clean: false,
                watch: false,
            })
        );
        assert_eq!(
            parse_args(&args(
                "build --content c --out o --origin https://Portal.by/"
            )),
            Ok(Command::Build {
                content: "c".into(),
                out: "o".into(),
                origin: Some(PublicOrigin::parse("https://portal.by").unwrap()),
                cache: None,
                photo_cache: None,
                clean: false,
                watch: false,
            })
        );
        assert!(matches!(
            parse_args(&args("build --clean --content c --out o")),
            Ok(Command::Build { clean: true, .. })
        ));
        assert_eq!(
            parse_args(&args("build --clean --content c --out o --clean")),
            Err("--clean given twice".into())
        );
        assert_eq!(
            parse_args(&args("schema --out docs/schema")),
            Ok(Command::Schema {
                out: "docs/schema".into()
            })
        );
        assert!(matches!(
            parse_args(&args("watch --content c --out o --cache k")),
            Ok(Command::Build {
                watch: true,
                clean: false,
                ..
            })
        ));
        assert_eq!(parse_args(&args("--help")), Ok(Command::Help));
        assert_eq!(parse_args(&args("build -h")), Ok(Command::Help));
    }

    #[test]
    fn a_cache_inside_the_output_is_refused() {
        let out = Path::new("site/api/v1");
        let inside = Cache::in_dir("site/api/v1/.cache");
        assert!(cache_inside(&inside, out)
            .unwrap()
            .contains("choose a --cache outside it"));
        assert_eq!(cache_inside(&Cache::in_dir("site/cache"), out), None);
        assert_eq!(cache_inside(&Cache::none(), out), None);
    }

    #[test]
    fn refuses_bad_usage() {
        for bad in [
            "",
            "publish",
            "build --content c",
            "build --content c --out",
            "build --content c --out o --out p",
            "schema --content c --out o",
            "build --content= --out o",
            "build --content c --out o --origin",
            "build --content c --out o --origin portal.by",
            "build --content c --out o --origin https://portal.by/news",
            "build --content c --out o --origin=https://a.by --origin=https://b.by",
            "schema --out o --origin https://portal.by",
            // Each publish of a watch updates the tree it wrote.
            "watch --content c --out o --clean",
            "watch --content c",
        ] {
            assert!(parse_args(&args(bad)).is_err(), "{bad:?}");
        }
        let mut out = Vec::new();
        let mut err = Vec::new();
        assert_eq!(
            run(&args("nope"), &mut std::io::empty(), &mut out, &mut err),
            EXIT_USAGE
        );
        assert!(String::from_utf8(err).unwrap().contains("usage:"));
    }

    #[test]
    fn usage_names_the_origin_fallbacks() {
        use crate::origin::{DEFAULT_ORIGIN, ORIGIN_ENV};
        assert!(USAGE.contains("--origin <url>"));
        assert!(USAGE.contains(&format!("${ORIGIN_ENV}")));
        assert!(USAGE.contains(DEFAULT_ORIGIN));
    }

    #[test]
    fn refuses_an_output_that_holds_the_content() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        assert!(overlap(&content, dir.path()).is_some());
        assert!(overlap(&content, &content).is_some());
        assert!(overlap(dir.path(), &content).is_none());
    }
}
