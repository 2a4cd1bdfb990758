//! A benchmark, not a test: it reports and never asserts, because timings
//! depend on the machine. Builds a synthetic index of 5,000 documents per
//! language (English and Russian, generated deterministically), reports its
//! JSON size and the time per query, then does the same for any published
//! index given as an argument (a `{lang}/search` directory), and for each
//! query what a reader's first search of it fetches from the shards (files
//! and bytes; brotli bytes where the build wrote `.br` files) and how long
//! it takes once they are there.
//!
//! ```sh
//! cargo run --release -p portal-search --example bench -- [--out DIR] [dist/api/v1/en/search ...]
//! ```
//!
//! `--out DIR` writes the synthetic indexes there (to measure compression).

use std::time::{Duration, Instant};

use std::path::Path;

use portal_search::shards::{join, ShardSet};
use portal_search::{
    first_of_each_kind, DocKind, IndexBuilder, KindCounts, Query, SearchDoc, SearchIndex,
    ShardManifest, TermShard,
};

const DOCS: usize = 5_000;
/// Runs of each query; its time is the median run.
const RUNS: usize = 25;

const EN_WORDS: &str = "belarus minsk brest grodno gomel mogilev vitebsk castle mir nesvizh \
    festival concert theatre museum exhibition fair music film opera ballet history river lake \
    forest bison pushcha unesco heritage church cathedral palace park square street station \
    railway bridge winter summer autumn spring christmas kalyady kupalle harvest bread honey \
    cheese potato draniki craft weaving linen pottery painting chagall artist writer poet kupala \
    kolas library school university student science research energy farm village town city region \
    football hockey marathon race cycling skiing team match season record medal coach player game \
    government ministry budget price market bank trade export factory tractor truck road bus metro \
    weather snow rain frost storm sun temperature forecast holiday weekend visitors tourists hotel";

const RU_WORDS: &str = "беларусь минск брест гродно гомель могилёв витебск замок мир несвиж \
    фестиваль концерт театр музей выставка ярмарка музыка фильм опера балет история река озеро лес \
    зубр пуща юнеско наследие церковь собор дворец парк площадь улица вокзал железная дорога мост \
    зима лето осень весна рождество коляды купалье урожай хлеб мёд сыр картофель драники ремесло \
    ткачество лён гончарство живопись шагал художник писатель поэт купала колас библиотека школа \
    университет студент наука исследование энергия ферма деревня город область футбол хоккей марафон \
    гонка велоспорт лыжи команда матч сезон рекорд медаль тренер игрок игра правительство министерство \
    бюджет цена рынок банк торговля экспорт завод трактор грузовик автобус метро погода снег дождь \
    мороз буря солнце температура прогноз праздник выходные посетители туристы гостиница объявление";

const EN_SYLLABLES: &[&str] = &[
    "ba", "ri", "ton", "mel", "ka", "dor", "vin", "sel", "tra", "po", "len", "gar", "mi", "sto",
    "rek", "an", "ver", "lo", "ch", "ut",
];
const RU_SYLLABLES: &[&str] = &[
    "ра", "ко", "ст", "ни", "ве", "ло", "ма", "ду", "ре", "ти", "пол", "ска", "ё", "жи", "бо",
    "ль", "ов", "ин", "ъе", "ща",
];

const EN_QUERIES: &[&str] = &[
    "minsk",
    "castle mir",
    "unesc",
    "m",
    "fes",
    "festival",
    "christmas fair",
    "bison pushcha",
    "hockey match season",
    "the",
    "ba",
    "barito",
    "tractor factory export",
    "kupal",
    "winter snow",
    "nothing-here",
    "gra",
    "museum exhibition chagall",
    "s",
    "weather forecast frost",
];
const RU_QUERIES: &[&str] = &[
    "минск",
    "замок мир",
    "юнеск",
    "м",
    "фес",
    "фестиваль",
    "рождество ярмарка",
    "зубр пуща",
    "хоккей матч сезон",
    "елка",
    "ра",
    "раколо",
    "трактор завод экспорт",
    "купал",
    "зима снег",
    "ничего",
    "гро",
    "музей выставка шагал",
    "с",
    "погода прогноз мороз",
];

/// For the sample content: each language's queries find nothing in the
/// other languages' indexes, which is a query too.
const REAL_QUERIES: &[&str] = &[
    "minsk",
    "castle",
    "unesc",
    "christmas fair",
    "s",
    "festival of",
    "bison",
    "минск",
    "замок",
    "фес",
    "елка",
    "ярмарка рождество",
    "м",
    "музей",
    "мінск",
    "замак",
    "кірмаш",
    "фэст",
    "мир",
    "сям'я",
];

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A vocabulary of 20,000 words made of syllables, drawn with a Zipf-like
/// law as text is, with the real words spread over ranks 5, 25, 45, … so
/// the queries meet frequent, middling and rare words.
struct Vocabulary {
    words: Vec<String>,
    /// Cumulative weights 1/rank, scaled to integers.
    cumulative: Vec<u64>,
}

impl Vocabulary {
    fn new(real: &str, syllables: &[&str], rng: &mut Rng) -> Vocabulary {
        let mut words: Vec<String> = Vec::new();
        let mut real = real.split_whitespace();
        while words.len() < 20_000 {
            if words.len() % 20 == 5 {
                if let Some(word) = real.next() {
                    words.push(word.to_string());
                    continue;
                }
            }
            let n = 2 + rng.below(3);
            words.push(
                (0..n)
                    .map(|_| syllables[rng.below(syllables.len())])
                    .collect(),
            );
        }
        let mut total = 0;
        let cumulative = (1..=words.len() as u64)
            .map(|rank| {
                total += 1_000_000_000 / rank;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap();
        let pick = rng.next() % total;
        let at = self.cumulative.partition_point(|&c| c <= pick);
        &self.words[at.min(self.words.len() - 1)]
    }

    fn text(&self, rng: &mut Rng, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            let word = self.word(rng);
            if i == 0 || i % 12 == 0 {
                // Capitalised sentence starts, so folding has work to do.
                let mut chars = word.chars();
                let first: String = chars
                    .next()
                    .map(|c| c.to_uppercase().collect())
                    .unwrap_or_default();
                if i > 0 {
                    text.push_str(". ");
                }
                text.push_str(&first);
                text.push_str(chars.as_str());
            } else {
                text.push(' ');
                text.push_str(word);
            }
        }
        text.push('.');
        text
    }
}

fn synthetic(real: &str, syllables: &[&str], seed: u64) -> (SearchIndex, Duration) {
    let mut rng = Rng(seed);
    let vocabulary = Vocabulary::new(real, syllables, &mut rng);
    let categories: Vec<String> = (0..8).map(|_| vocabulary.text(&mut rng, 1)).collect();
    let docs: Vec<(SearchDoc, Vec<String>, String)> = (0..DOCS)
        .map(|i| {
            let title_words = 5 + rng.below(6);
            let title = vocabulary.text(&mut rng, title_words);
            let body_words = 120 + rng.below(280);
            let body = vocabulary.text(&mut rng, body_words);
            let snippet: String = body.chars().take(300).collect();
            let mut meta = vec![categories[rng.below(categories.len())].clone()];
            for _ in 0..rng.below(4) {
                meta.push(vocabulary.word(&mut rng).to_string());
            }
            let doc = SearchDoc {
                kind: if i % 5 == 0 {
                    DocKind::Event
                } else {
                    DocKind::News
                },
                slug: format!("doc-{i}"),
                title,
                snippet,
                date: Some(format!(
                    "20{:02}-{:02}-{:02}",
                    20 + i % 7,
                    1 + i % 12,
                    1 + i % 28
                )),
            };
            (doc, meta, body)
        })
        .collect();
    let started = Instant::now();
    let mut builder = IndexBuilder::new();
    for (doc, meta, body) in docs {
        let meta: Vec<&str> = meta.iter().map(String::as_str).collect();
        builder.add(doc, &meta, &body);
    }
    let index = builder.finish();
    (index, started.elapsed())
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

/// Percentile of sorted values (nearest rank).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn report(name: &str, json: &[u8], parse: Duration, build: Option<Duration>, queries: &[&str]) {
    let index: SearchIndex = serde_json::from_slice(json).expect("the index reads back");
    let postings: usize = (0..index.terms().len())
        .map(|t| index.postings(t).count())
        .sum();
    println!("\n## {name}");
    println!(
        "{} docs, {} terms, {} postings; JSON {:.1} KB; parse {:.1} ms{}",
        index.docs().len(),
        index.terms().len(),
        postings,
        json.len() as f64 / 1024.0,
        parse.as_secs_f64() * 1e3,
        build.map_or(String::new(), |b| format!(
            "; build {:.0} ms",
            b.as_secs_f64() * 1e3
        )),
    );
    println!("| query | hits | median µs |");
    println!("|---|---:|---:|");
    let mut medians = Vec::new();
    for query in queries {
        let parsed = Query::parse(query);
        let mut runs: Vec<f64> = Vec::new();
        let mut hits = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let all = parsed.search_all(&index);
            runs.push(micros(started.elapsed()));
            hits = std::hint::black_box(all).len();
        }
        runs.sort_by(f64::total_cmp);
        let median = percentile(&runs, 50.0);
        medians.push(median);
        println!("| {query} | {hits} | {median:.0} |");
    }
    medians.sort_by(f64::total_cmp);
    println!(
        "per query over {} queries: median {:.0} µs, p95 {:.0} µs, max {:.0} µs",
        medians.len(),
        percentile(&medians, 50.0),
        percentile(&medians, 95.0),
        medians.last().copied().unwrap_or_default()
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut paths = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--out" {
            out = args.next();
        } else {
            paths.push(arg);
        }
    }
    if cfg!(debug_assertions) {
        println!("(debug build: run with --release for meaningful numbers)");
    }
    for (name, words, syllables, queries, seed) in [
        (
            "synthetic-en",
            EN_WORDS,
            EN_SYLLABLES,
            EN_QUERIES,
            0x5EED_0001,
        ),
        (
            "synthetic-ru",
            RU_WORDS,
            RU_SYLLABLES,
            RU_QUERIES,
            0x5EED_0002,
        ),
    ] {
        let (index, build) = synthetic(words, syllables, seed);
        let json = serde_json::to_vec(&index).expect("serialises");
        if let Some(dir) = &out {
            let path = format!("{dir}/{name}.json");
            std::fs::write(&path, &json).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
        let started = Instant::now();
        let _: SearchIndex = serde_json::from_slice(&json).expect("reads back");
        report(name, &json, started.elapsed(), Some(build), queries);
    }
    for dir in paths {
        let published = Published::read(Path::new(&dir));
        let json = serde_json::to_vec(&published.whole).expect("serialises");
        println!(
            "\n{dir}: {} term shards, {} document chunks, {:.1} KB in all",
            published.manifest.shards.len(),
            published.chunks,
            published.bytes as f64 / 1024.0
        );
        report(
            &format!("{dir} (whole)"),
            &json,
            Duration::ZERO,
            None,
            REAL_QUERIES,
        );
        first_queries(&published, REAL_QUERIES);
    }
}

/// A published sharded index, read whole.
struct Published {
    dir: std::path::PathBuf,
    manifest: ShardManifest,
    whole: SearchIndex,
    chunks: usize,
    bytes: u64,
}

impl Published {
    fn read(dir: &Path) -> Published {
        let read = |path: std::path::PathBuf| {
            std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        let manifest: ShardManifest =
            serde_json::from_slice(&read(dir.join("index.json"))).expect("manifest");
        let build = dir.join(&manifest.build);
        let mut bytes = 0;
        let terms: Vec<TermShard> = manifest
            .files
            .iter()
            .map(|name| {
                let json = read(dir.join("terms").join(format!("{name}.json")));
                bytes += json.len() as u64;
                serde_json::from_slice(&json).expect("term shard")
            })
            .collect();
        let chunks = manifest.kinds.total().div_ceil(manifest.docs_per_chunk);
        let docs: Vec<Vec<SearchDoc>> = (0..chunks)
            .map(|n| {
                let json = read(build.join(format!("d{n}.json")));
                bytes += json.len() as u64;
                serde_json::from_slice(&json).expect("document chunk")
            })
            .collect();
        Published {
            dir: dir.to_path_buf(),
            whole: join(terms, docs),
            manifest,
            chunks,
            bytes,
        }
    }

    /// Bytes of a part as served: its `.br` when the build wrote one.
    fn sizes(&self, name: &str) -> (u64, Option<u64>) {
        let path = self.dir.join(name);
        let raw = std::fs::metadata(&path).map_or(0, |m| m.len());
        let br = std::fs::metadata(path.with_extension("json.br"))
            .ok()
            .map(|m| m.len());
        (raw, br)
    }
}

/// What a reader's first search of each query fetches (manifest, term
/// shards, the chunks of the first 20 results of each kind) and how long
/// the search takes once they are there.
fn first_queries(published: &Published, queries: &[&str]) {
    println!("| first query | hits | complete | files | KB | KB brotli | median µs |");
    println!("|---|---:|---|---:|---:|---:|---:|");
    let build = &published.manifest.build;
    for text in queries {
        let query = Query::parse(text);
        let mut set = ShardSet::new(published.manifest.clone());
        let mut names = vec!["index.json".to_string()];
        for shard in set.missing_terms(&query) {
            names.push(format!("terms/{}.json", published.manifest.files[shard]));
            let json = std::fs::read(published.dir.join(names.last().unwrap())).expect("shard");
            set.insert_terms(shard, serde_json::from_slice(&json).expect("shard"));
        }
        let mut runs: Vec<f64> = Vec::new();
        let mut hits = Vec::new();
        for _ in 0..RUNS {
            let started = Instant::now();
            hits = std::hint::black_box(query.search_in(&set, usize::MAX));
            runs.push(micros(started.elapsed()));
        }
        runs.sort_by(f64::total_cmp);
        let shown = first_of_each_kind(&set.manifest().kinds, &hits, KindCounts::each(20));
        for chunk in set.missing_docs(shown) {
            names.push(format!("{build}/d{chunk}.json"));
        }
        // As served: a part's `.br` when the build wrote one (it skips
        // files too small to gain), else the part itself; "–" when no part
        // has one (a tree the build did not compress).
        let sizes: Vec<(u64, Option<u64>)> =
            names.iter().map(|name| published.sizes(name)).collect();
        let raw: u64 = sizes.iter().map(|(raw, _)| raw).sum();
        let br = sizes.iter().any(|(_, br)| br.is_some()).then(|| {
            sizes
                .iter()
                .map(|(raw, br)| br.unwrap_or(*raw))
                .sum::<u64>()
        });
        println!(
            "| {text} | {} | {} | {} | {:.1} | {} | {:.0} |",
            hits.len(),
            if set.complete_for(&query) {
                "yes"
            } else {
                "part"
            },
            names.len(),
            raw as f64 / 1024.0,
            br.map_or("–".to_string(), |b| format!("{:.1}", b as f64 / 1024.0)),
            percentile(&runs, 50.0)
        );
    }
}
