//! A benchmark, not a test: it reports and never asserts, because timings
//! depend on the machine. Builds a synthetic index of 5,000 documents per
//! language (English and Russian, generated deterministically), reports its
//! JSON size and the time per query, then does the same for any real index
//! given as an argument.
//!
//! ```sh
//! cargo run --release -p portal-search --example bench -- [--out DIR] [path/to/search.json ...]
//! ```
//!
//! `--out DIR` writes the synthetic indexes there (to measure compression).

use std::time::{Duration, Instant};

use portal_search::{DocKind, IndexBuilder, Query, SearchDoc, SearchIndex};

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
    for path in paths {
        let json = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let started = Instant::now();
        let _: SearchIndex =
            serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
        report(&path, &json, started.elapsed(), None, REAL_QUERIES);
    }
}
