#!/usr/bin/env node
// A large content set for scale measurements: a copy of content/ plus N
// generated articles (English, every tenth also in Russian and Belarusian),
// spread over twenty years, reusing the sample's media and categories.
// Deterministic: the same N gives the same files.
//
//   node tools/generate-content.mjs 10000 /tmp/content-10k
//
// Then time the build steps on it, e.g.
//   cargo run --release -p portal-publisher -- build --content /tmp/content-10k --out /tmp/site/api/v1
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [count, out] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !out) {
  console.error('usage: node tools/generate-content.mjs COUNT OUT_DIR');
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
cpSync('content', out, { recursive: true });

const categories = [...readFileSync('content/categories.toml', 'utf8').matchAll(/^slug = "([a-z0-9-]+)"/gm)].map((m) => m[1]);
const media = readdirSync('content/media').filter((name) => name.endsWith('.svg'));
const words = 'river forest castle festival lake museum theatre harvest regatta choir workshop village bridge library market winter spring'.split(' ');

// mulberry32: a small seeded generator, so runs are comparable.
let seed = 20261205;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(2, '0');

const start = Date.UTC(2006, 0, 1);
const span = Date.UTC(2026, 10, 1) - start;
for (let i = 0; i < count; i++) {
  const slug = `generated-${String(i).padStart(6, '0')}-${pick(words)}-${pick(words)}`;
  const at = new Date(start + Math.floor((span * i) / count) + Math.floor(random() * 3_600_000));
  const published = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:00+03:00`;
  const topic = `${pick(words)} ${pick(words)}`;
  // A translation keeps the English category, image and tags.
  const [category, hero, tags] = [pick(categories), pick(media), [pick(words), pick(words)]];
  const body = Array.from({ length: 4 }, (_, p) => `Paragraph ${p + 1} about the ${topic}: ${Array.from({ length: 40 }, () => pick(words)).join(' ')}.`).join('\n\n');
  const article = (lang, title) => `+++
title = "${title}"
lead = "A generated story about the ${topic}, number ${i}, for measuring the publisher at scale."
category = "${category}"
published = "${published}"
tags = ["${tags[0]}", "${tags[1]}"]

[hero]
src = "media/${hero}"
alt = "A sample illustration"
+++

${body}

## More about the ${topic}

${body}
`;
  const dir = join(out, 'news', slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'en.md'), article('en', `Generated story ${i}: the ${topic}`));
  if (i % 10 === 0) {
    writeFileSync(join(dir, 'ru.md'), article('ru', `Сгенерированная новость ${i}: ${topic}`));
    writeFileSync(join(dir, 'be.md'), article('be', `Згенераваная навіна ${i}: ${topic}`));
  }
}
console.log(`${out}: content/ plus ${count} generated articles`);
