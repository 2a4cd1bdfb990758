#!/usr/bin/env node
// A large content set for scale measurements ("a twenty-year archive"): a
// copy of content/ plus, for N:
//
//   - N English articles, published evenly over the twenty years up to
//     2026-11-20 (tests/e2e/pinned-date); every third (a third of them) is
//     also in Russian and Belarusian, keeping the English category,
//     `published` and hero image as the publisher requires;
//   - round(N × 57 / 36) events and round(N × 48 / 36) guide sites: the
//     sample's own proportions (36 English articles, 57 events, 48 sites);
//     `--events E` and `--sites S` set other counts (0: only the sample's
//     own), e.g. for a news archive with today's calendar and guide.
//
// Everything is modelled on the sample content so that the publisher's work
// per item is like the real thing:
//
//   - article, event and site bodies copy the block structure of a random
//     sample body of the same kind (paragraphs and their lengths, `##`
//     headings, lists, the quote, inline images), each length scaled by
//     0.75-1.25, and fill it with words drawn from the sample texts of that
//     language (Russian and Belarusian bodies are Cyrillic, so search
//     folding of ё, ў, і and the rest is exercised);
//   - every article adds a made-up place name (and quotes a made-up person)
//     in all three scripts, so the search vocabulary grows with N as a real
//     archive's does; tags are the sample's translated tags plus the place;
//   - categories come from content/categories.toml, images from the sample's
//     media with their sample alt texts in three languages;
//   - an event is a sample event.toml (category, region, venue with its
//     coordinates, image, price, organiser, repeat rule, duration and time
//     of day) with a new slug, title, summary and date, spread over the same
//     twenty years plus one ahead; it has ru/be descriptions when its sample
//     has them;
//   - a site is a sample site.toml (section and its facts, region, gallery,
//     address) with a new slug, name, summary and coordinates moved up to
//     about 25 km, kept inside the region's outline (content/regions.geo.json).
//
// Deterministic: the same N gives the same files (a seeded generator; no
// clock, no environment). OUT_DIR is replaced.
//
//   node tools/generate-content.mjs 10000 /tmp/content-10k [--events E] [--sites S]
//
// Then time the publisher on it (tests/bench/publish.mjs does this), e.g.
//   cargo run --profile publisher -p portal-publisher -- build --content /tmp/content-10k --out /tmp/site/api/v1
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const usage = () => {
  console.error('usage: node tools/generate-content.mjs COUNT OUT_DIR [--events E] [--sites S]');
  process.exit(2);
};
const [count, out] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !out) usage();
const counts = {};
for (let k = 4; k < process.argv.length; k += 2) {
  const [flag, value] = [process.argv[k], Number(process.argv[k + 1])];
  if (!['--events', '--sites'].includes(flag) || !Number.isInteger(value) || value < 0) usage();
  counts[flag.slice(2)] = value;
}
const LANGS = ['en', 'ru', 'be'];
const SAMPLE = { articles: 36, events: 57, sites: 48 };
const eventCount = counts.events ?? Math.round((count * SAMPLE.events) / SAMPLE.articles);
const siteCount = counts.sites ?? Math.round((count * SAMPLE.sites) / SAMPLE.articles);

// mulberry32: a small seeded generator, so runs are comparable.
let seed = 20261205;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const pickSome = (list, n) => {
  const chosen = new Set();
  while (chosen.size < Math.min(n, list.length)) chosen.add(pick(list));
  return [...chosen];
};
const pad = (n, width = 2) => String(n).padStart(width, '0');
// TOML basic strings take JSON's escapes for everything generated here.
const str = (text) => JSON.stringify(text);
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

// ---------------------------------------------------------------- the sample

const read = (path) => readFileSync(path, 'utf8');
const folders = (dir) => readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
const frontMatter = (text) => {
  const end = text.indexOf('\n+++', 3);
  return { toml: text.slice(4, end), body: text.slice(end + 5).trim() };
};
const news = folders('content/news').map((slug) => {
  const files = {};
  for (const lang of LANGS) {
    const path = `content/news/${slug}/${lang}.md`;
    if (existsSync(path)) files[lang] = frontMatter(read(path));
  }
  return files;
});
const bodiesOf = (dir) =>
  folders(dir).map((slug) => {
    const files = {};
    for (const lang of LANGS) {
      const path = `${dir}/${slug}/${lang}.md`;
      if (existsSync(path)) files[lang] = read(path).trim();
    }
    return files;
  });
const eventSamples = folders('content/events').map((slug) => ({
  toml: read(`content/events/${slug}/event.toml`),
  langs: LANGS.filter((lang) => existsSync(`content/events/${slug}/${lang}.md`)),
}));
const siteSamples = folders('content/sites').map((slug) => ({
  toml: read(`content/sites/${slug}/site.toml`),
  langs: LANGS.filter((lang) => existsSync(`content/sites/${slug}/${lang}.md`)),
}));
const eventBodies = bodiesOf('content/events');
const siteBodies = bodiesOf('content/sites');
const articleBodies = news.map((files) => Object.fromEntries(Object.entries(files).map(([lang, f]) => [lang, f.body])));

// Words of each language, as often as the sample uses them: links' targets
// and image paths left out.
const words = Object.fromEntries(
  LANGS.map((lang) => {
    const text = [...articleBodies, ...eventBodies, ...siteBodies]
      .map((files) => files[lang] ?? '')
      .join('\n')
      .replace(/\]\([^)]*\)/g, ']');
    // Not the tail of "13th" or "1990s".
    return [lang, text.match(/(?<![\p{L}\p{N}\p{M}'’-])\p{L}(?:[\p{L}\p{M}'’-]*\p{L})?(?![\p{N}])/gu)];
  }),
);

// The block structure of a body: what kind each block is and how long.
const shapeOf = (body) =>
  body.split(/\n\s*\n/).map((block) => {
    block = block.trim();
    const heading = block.match(/^(#+) /);
    if (heading) return { kind: 'heading', level: heading[1].length, chars: block.length - heading[0].length };
    if (block.startsWith('![')) return { kind: 'image' };
    if (block.startsWith('>')) {
      const lines = block.split('\n').map((line) => line.replace(/^>\s?/, ''));
      const said = lines.filter((line) => line && !line.startsWith('— ')).join(' ');
      return { kind: 'quote', chars: said.length };
    }
    const items = block.split('\n');
    if (/^\d+\. /.test(block)) return { kind: 'ordered', items: items.map((item) => item.length - 3) };
    if (/^[-*] /.test(block)) return { kind: 'bullets', items: items.map((item) => item.length - 2) };
    return { kind: 'paragraph', chars: block.length };
  });
const shapes = {
  article: articleBodies.map((files) => shapeOf(files.en)),
  event: eventBodies.map((files) => shapeOf(files.en)),
  site: siteBodies.map((files) => shapeOf(files.en)),
};

// Tags in three languages: the translated sample articles list them in the
// same order.
const tagTriples = [];
for (const files of news) {
  if (!files.ru || !files.be) continue;
  const tags = Object.fromEntries(LANGS.map((lang) => [lang, JSON.parse(files[lang].toml.match(/^tags = (\[.*\])$/m)[1])]));
  if (tags.ru.length !== tags.en.length || tags.be.length !== tags.en.length) continue;
  tags.en.forEach((en, k) => tagTriples.push({ en, ru: tags.ru[k], be: tags.be[k] }));
}

// Images with their alt text in three languages (events' images, sites'
// galleries), and the credit line.
const images = new Map();
for (const sample of [...eventSamples, ...siteSamples]) {
  for (const m of sample.toml.matchAll(/src = "(media\/[^"]+)"[^[]*?alt = \{ en = ("(?:[^"\\]|\\.)*"), ru = ("(?:[^"\\]|\\.)*"), be = ("(?:[^"\\]|\\.)*") \}/g)) {
    if (!images.has(m[1])) images.set(m[1], { src: m[1], en: JSON.parse(m[2]), ru: JSON.parse(m[3]), be: JSON.parse(m[4]) });
  }
}
const imageList = [...images.values()].filter((image) => existsSync(join('content', image.src)));
const credit = { en: 'Illustration: Portal', ru: 'Иллюстрация: Портал', be: 'Ілюстрацыя: Партал' };

const categories = [...read('content/categories.toml').matchAll(/^slug = "([a-z0-9-]+)"/gm)].map((m) => m[1]);

// Region outlines ([lon, lat] rings) for keeping a moved site in its region.
const outlines = Object.fromEntries(
  JSON.parse(read('content/regions.geo.json')).features.map((feature) => [feature.properties.slug, feature.geometry.coordinates]),
);
const inRing = (ring, lon, lat) => {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa, ya] = ring[a];
    const [xb, yb] = ring[b];
    if (ya > lat !== yb > lat && lon < ((xb - xa) * (lat - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
};
const inRegion = (region, lon, lat) => {
  const [outer, ...holes] = outlines[region] ?? [];
  return !!outer && inRing(outer, lon, lat) && !holes.some((hole) => inRing(hole, lon, lat));
};

// ------------------------------------------------------------- made-up names

// Parallel spellings (English transliteration, Russian, Belarusian).
const roots = [
  ['Kras', 'Крас', 'Крас'], ['Bel', 'Бел', 'Бел'], ['Dub', 'Дуб', 'Дуб'], ['Lip', 'Лип', 'Ліп'],
  ['Bor', 'Бор', 'Бар'], ['Hor', 'Гор', 'Гар'], ['Zhuk', 'Жук', 'Жук'], ['Kaz', 'Коз', 'Каз'],
  ['Mal', 'Мал', 'Мал'], ['Nov', 'Нов', 'Нав'], ['Star', 'Стар', 'Стар'], ['Rud', 'Руд', 'Руд'],
  ['Sav', 'Сав', 'Сав'], ['Yas', 'Яс', 'Яс'], ['Vish', 'Вишн', 'Вішн'], ['Mar', 'Мар', 'Мар'],
  ['Zar', 'Зар', 'Зар'], ['Pal', 'Пал', 'Пал'], ['Rach', 'Реч', 'Рэч'], ['Sin', 'Син', 'Сін'],
  ['Trav', 'Трав', 'Трав'], ['Klen', 'Клен', 'Клен'], ['Vol', 'Вол', 'Вал'], ['Lus', 'Лус', 'Лус'],
  ['Ber', 'Бер', 'Бяр'], ['Ship', 'Шип', 'Шып'], ['Char', 'Чер', 'Чар'], ['Kup', 'Куп', 'Куп'],
];
const middles = [['', '', ''], ['a', 'а', 'а'], ['ov', 'ов', 'ав'], ['in', 'ин', 'ін'], ['el', 'ел', 'ел'], ['ush', 'уш', 'уш']];
const placeEnds = [
  ['ichy', 'ичи', 'ічы'], ['ovka', 'овка', 'аўка'], ['ki', 'ки', 'кі'], ['ino', 'ино', 'іна'],
  ['ava', 'ово', 'ава'], ['ishki', 'ишки', 'ішкі'], ['any', 'аны', 'аны'], ['ets', 'ец', 'ец'],
];
const surnameEnds = [['enka', 'енко', 'енка'], ['ovich', 'ович', 'овіч'], ['ski', 'ский', 'скі'], ['chyk', 'чик', 'чык'], ['evich', 'евич', 'евіч'], ['ok', 'ок', 'ок']];
const givenNames = [
  ['Ihar', 'Игорь', 'Ігар'], ['Volha', 'Ольга', 'Вольга'], ['Siarhei', 'Сергей', 'Сяргей'], ['Hanna', 'Анна', 'Ганна'],
  ['Aliaksandr', 'Александр', 'Аляксандр'], ['Maryia', 'Мария', 'Марыя'], ['Dzmitry', 'Дмитрий', 'Дзмітрый'],
  ['Tatsiana', 'Татьяна', 'Таццяна'], ['Andrei', 'Андрей', 'Андрэй'], ['Natallia', 'Наталья', 'Наталля'],
  ['Pavel', 'Павел', 'Павел'], ['Iryna', 'Ирина', 'Ірына'], ['Uladzimir', 'Владимир', 'Уладзімір'], ['Alena', 'Елена', 'Алена'],
];
const roles = [
  ['a local guide', 'местный гид', 'мясцовы гід'], ['an organiser', 'организатор', 'арганізатар'],
  ['a museum curator', 'хранитель музея', 'захавальнік музея'], ['a teacher', 'учитель', 'настаўнік'],
  ['a farmer', 'фермер', 'фермер'], ['an engineer', 'инженер', 'інжынер'], ['a coach', 'тренер', 'трэнер'],
];
const triple = (parts) => Object.fromEntries(LANGS.map((lang, k) => [lang, parts.map((part) => part[k]).join('')]));
const place = () => triple([pick(roots), pick(middles), pick(placeEnds)]);
const person = () => {
  const [given, surname, role] = [pick(givenNames), triple([pick(roots), pick(middles), pick(surnameEnds)]), pick(roles)];
  return Object.fromEntries(LANGS.map((lang, k) => [lang, `${given[k]} ${surname[lang]}, ${role[k]}`]));
};

// ----------------------------------------------------------------------- text

// Words until about `chars` characters; `extra` (a name) may be worked in.
const phrase = (lang, chars, extra) => {
  const out = [];
  let length = 0;
  const at = extra ? between(0, 3) : -1;
  while (length < chars || out.length === 0) {
    const word = out.length === at ? extra : pick(words[lang]);
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
};
const sentence = (lang, chars, extra) => `${capital(phrase(lang, chars - 1, extra))}.`;
// Sentences of 50-160 characters, one word in ten sometimes emphasised.
const paragraph = (lang, chars, extra) => {
  const sentences = [];
  let length = 0;
  while (length < chars - 20 || sentences.length === 0) {
    const size = Math.min(between(50, 160), Math.max(30, chars - length));
    let text = sentence(lang, size, sentences.length === 0 ? extra : undefined);
    if (random() < 0.1) text = text.replace(/ (\p{L}+) /u, random() < 0.5 ? ' **$1** ' : ' *$1* ');
    sentences.push(text);
    length += text.length + 1;
  }
  return sentences.join(' ');
};
const scaled = (chars, scale) => Math.max(12, Math.round(chars * scale));

// A body with the blocks of `shape`, in `lang`. `names` are the made-up
// place and person the text is about (the same in each translation).
const body = (shape, lang, scale, names) =>
  shape
    .map((block, k) => {
      const extra = k === 0 ? names.place?.[lang] : undefined;
      switch (block.kind) {
        case 'heading':
          return `${'#'.repeat(block.level)} ${capital(phrase(lang, scaled(block.chars, scale), extra))}`;
        case 'image': {
          const image = pick(imageList);
          return `![${image[lang]}](${image.src} ${str(sentence(lang, between(40, 90)))})`;
        }
        case 'quote':
          return `> ${paragraph(lang, scaled(block.chars, scale))}\n>\n> — ${names.person[lang]}`;
        case 'ordered':
          return block.items.map((chars, n) => `${n + 1}. ${sentence(lang, scaled(chars, scale))}`).join('\n');
        case 'bullets':
          return block.items.map((chars) => `- ${phrase(lang, scaled(chars, scale))};`).join('\n');
        default:
          return paragraph(lang, scaled(block.chars, scale), extra);
      }
    })
    .join('\n\n') + '\n';

const slugWords = words.en.filter((word) => /^[a-z]{3,12}$/.test(word));
const slug = (prefix, i) => `${prefix}-${pad(i, 6)}-${pick(slugWords)}-${pick(slugWords)}`;
const write = (path, text) => writeFileSync(path, text);

// ------------------------------------------------------------------- articles

rmSync(out, { recursive: true, force: true });
cpSync('content', out, { recursive: true });

const DAY = 86_400_000;
const ARCHIVE_START = Date.UTC(2006, 10, 20);
const ARCHIVE_END = Date.UTC(2026, 10, 20); // tests/e2e/pinned-date
const minsk = (at) =>
  `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:00+03:00`;

let translated = 0;
for (let i = 0; i < count; i++) {
  const slot = (ARCHIVE_END - ARCHIVE_START) / count;
  const day = new Date(ARCHIVE_START + Math.floor(slot * i + random() * slot));
  const at = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), between(7, 21), between(0, 11) * 5));
  const names = { place: place(), person: person() };
  const [category, hero, shape, scale] = [pick(categories), pick(imageList), pick(shapes.article), 0.75 + random() * 0.5];
  const tags = [names.place, ...pickSome(tagTriples, between(2, 3))];
  const langs = i % 3 === 0 ? LANGS : ['en'];
  const dir = join(out, 'news', slug('archive', i));
  mkdirSync(dir, { recursive: true });
  // Title and lead lengths like the sample's (about 45-85 and 140-220 characters).
  const titleChars = between(45, 85);
  const leadChars = between(140, 220);
  const caption = Object.fromEntries(LANGS.map((lang) => [lang, sentence(lang, between(50, 110))]));
  for (const lang of langs) {
    write(
      join(dir, `${lang}.md`),
      `+++
title = ${str(capital(phrase(lang, titleChars, names.place[lang])))}
lead = ${str(sentence(lang, leadChars))}
category = ${str(category)}
published = ${str(minsk(at))}
tags = [${tags.map((tag) => str(tag[lang])).join(', ')}]

[hero]
src = ${str(hero.src)}
alt = ${str(hero[lang])}
caption = ${str(caption[lang])}
credit = ${str(credit[lang])}
+++

${body(shape, lang, scale, names)}`,
    );
  }
  if (langs.length > 1) translated++;
}

// --------------------------------------------------------------------- events

// A sample's `[table]` of en/ru/be lines, replaced by new texts.
const replaceTexts = (toml, table, texts) => {
  const pattern = new RegExp(`^\\[${table}\\]\\nen = .*\\nru = .*\\nbe = .*$`, 'm');
  if (!pattern.test(toml)) throw new Error(`a sample has no [${table}] with en, ru and be lines`);
  return toml.replace(pattern, `[${table}]\n${LANGS.map((lang) => `${lang} = ${str(texts[lang])}`).join('\n')}`);
};
const texts = (make) => Object.fromEntries(LANGS.map((lang) => [lang, make(lang)]));
// `2026-12-12` or `2026-12-12T19:00` (Minsk) as a UTC-based Date and back.
const parseWritten = (text) => {
  const [date, time = ''] = text.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time ? time.split(':').map(Number) : [0, 0];
  return { at: Date.UTC(y, m - 1, d, hh, mm), timed: !!time };
};
const written = (ms, timed) => {
  const at = new Date(ms);
  const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  return timed ? `${date}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}` : date;
};

const EVENTS_END = ARCHIVE_END + 365 * DAY; // and a year of upcoming ones
for (let i = 0; i < eventCount; i++) {
  const sample = eventSamples[i % eventSamples.length];
  const starts = parseWritten(sample.toml.match(/^starts = "([^"]+)"$/m)[1]);
  const endsText = sample.toml.match(/^ends = "([^"]+)"$/m)?.[1];
  const slot = (EVENTS_END - ARCHIVE_START) / eventCount;
  const day = ARCHIVE_START + Math.floor((slot * i + random() * slot) / DAY) * DAY;
  // The sample's time of day and duration, on the new day.
  const start = day + (starts.at % DAY);
  let timing = `starts = ${str(written(start, starts.timed))}`;
  if (endsText) timing += `\nends = ${str(written(start + (parseWritten(endsText).at - starts.at), starts.timed))}`;
  const names = { place: place(), person: person() };
  let toml = sample.toml.replace(/^(starts|ends) = .*\n/gm, '').replace(/^(region = .*)$/m, `$1\n${timing}`);
  toml = replaceTexts(toml, 'title', texts((lang) => capital(phrase(lang, between(25, 60), names.place[lang]))));
  toml = replaceTexts(toml, 'summary', texts((lang) => sentence(lang, between(120, 230))));
  const dir = join(out, 'events', slug('event', i));
  mkdirSync(dir, { recursive: true });
  write(join(dir, 'event.toml'), toml);
  const [shape, scale] = [pick(shapes.event), 0.75 + random() * 0.5];
  for (const lang of sample.langs) write(join(dir, `${lang}.md`), body(shape, lang, scale, names));
}

// ---------------------------------------------------------------------- sites

for (let i = 0; i < siteCount; i++) {
  const sample = siteSamples[i % siteSamples.length];
  const region = sample.toml.match(/^region = "([^"]+)"$/m)[1];
  const [lat0, lon0] = ['lat', 'lon'].map((key) => Number(sample.toml.match(new RegExp(`^${key} = (.*)$`, 'm'))[1]));
  // Up to about 25 km away, inside the same region (else where the sample is).
  let [lat, lon] = [lat0, lon0];
  for (let tries = 0; tries < 20; tries++) {
    const [a, b] = [lat0 + (random() - 0.5) * 0.45, lon0 + (random() - 0.5) * 0.7];
    if (inRegion(region, b, a)) {
      [lat, lon] = [a, b];
      break;
    }
  }
  const names = { place: place(), person: person() };
  let toml = sample.toml
    .replace(/^lat = .*$/m, `lat = ${lat.toFixed(4)}`)
    .replace(/^lon = .*$/m, `lon = ${lon.toFixed(4)}`);
  toml = replaceTexts(toml, 'name', texts((lang) => capital(phrase(lang, between(12, 40), names.place[lang]))));
  toml = replaceTexts(toml, 'summary', texts((lang) => sentence(lang, between(120, 230))));
  const dir = join(out, 'sites', slug('site', i));
  mkdirSync(dir, { recursive: true });
  write(join(dir, 'site.toml'), toml);
  const [shape, scale] = [pick(shapes.site), 0.75 + random() * 0.5];
  for (const lang of sample.langs) write(join(dir, `${lang}.md`), body(shape, lang, scale, names));
}

console.log(
  `${out}: content/ plus ${count} articles (${translated} also in ru and be), ${eventCount} events, ${siteCount} sites`,
);
