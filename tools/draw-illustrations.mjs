#!/usr/bin/env node
// Portal — sample illustrations generator.
//
// Draws the flat editorial illustrations that the sample articles use as hero
// and inline images (content/media/NAME.svg). Plain Node.js, no dependencies:
//
//     node tools/draw-illustrations.mjs          # from the repository root
//
// Every picture is a 1200x675 SVG without text, scripts or external
// references. Each motif is one small function at the bottom of this file,
// composed from the shared helpers (sky, ground, trees, buildings, people...).
// Output is deterministic: "randomness" comes from a PRNG seeded by the name.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const W = 1200, H = 675;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'content', 'media');

// One palette for the whole set: muted greens, brick, sand, sky blues and the
// red/white of Belarusian ornament as the accent.
const C = {
  ink: '#26313d',
  sun: '#f2c14e', sunPale: '#f7dc94',
  forest: '#244636', green: '#3c6b4c', leaf: '#5d8c56', meadow: '#8aab68', lime: '#b9c87a',
  brick: '#a8442f', brickDk: '#7d3023', brickLt: '#bf6249', roof: '#8f3b2c', slate: '#3b4a4c',
  sand: '#e6d3a6', sandDk: '#c9ab76', wheat: '#e0b552', wheatDk: '#b98a35',
  cream: '#f2e9d6', white: '#fbf8f0', linen: '#f3ede0',
  red: '#b8292f', redDk: '#8a1f25',
  stone: '#cfc7b8', stoneDk: '#a39a89', grey: '#8a9298', greyDk: '#56606a', steel: '#bac4ca',
  wood: '#8c5b3b', woodDk: '#5c3a26', woodLt: '#b57d51',
  snow: '#f5f8f9', snowSh: '#d4e1e9',
  flax: '#6e8fd8',
  gold: '#e3b24a', teal: '#3d8a86', plum: '#6b4b70', ochre: '#cf9a3d', navy: '#2e4a6b',
  skin: '#e6b592', skinDk: '#b9835f', hair: '#4a3426',
};

// ---------------------------------------------------------------- basics

/** Numbers are written with at most one decimal (whole numbers from 10 up: a 1200px canvas needs no more). */
const fmt = (n) => { const v = Math.abs(n) >= 10 ? Math.round(n) : Math.round(n * 10) / 10; return Object.is(v, -0) ? '0' : String(v); };
/** Tagged template for path data: interpolated numbers are rounded. */
const D = (s, ...v) => s.reduce((a, str, i) => a + str + (i < v.length ? (typeof v[i] === 'number' ? fmt(v[i]) : v[i]) : ''), '');
const pts = (a) => a.map(([x, y]) => fmt(x) + ',' + fmt(y)).join(' ');

function el(tag, attrs = {}, inner = '') {
  let s = '<' + tag;
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) s += ` ${k}="${typeof v === 'number' ? fmt(v) : v}"`;
  }
  const body = Array.isArray(inner) ? inner.flat(Infinity).join('') : inner;
  return body ? `${s}>${body}</${tag}>` : s + '/>';
}
const rect = (x, y, w, h, fill, o = {}) => el('rect', { x, y, width: w, height: h, fill, ...o });
const circ = (cx, cy, r, fill, o = {}) => el('circle', { cx, cy, r, fill, ...o });
const ell = (cx, cy, rx, ry, fill, o = {}) => el('ellipse', { cx, cy, rx, ry, fill, ...o });
const poly = (p, fill, o = {}) => el('polygon', { points: pts(p), fill, ...o });
const path = (d, fill, o = {}) => el('path', { d, fill, ...o });
const g = (inner, o = {}) => el('g', o, inner);
/** A stroked line or polyline (round caps and joins are inherited from the drawing's root group). */
const stroke = (d, col, w, o = {}) => path(d, 'none', { stroke: col, 'stroke-width': w, ...o });
const line = (x1, y1, x2, y2, col, w, o = {}) => stroke(D`M${x1} ${y1}L${x2} ${y2}`, col, w, o);
const polyline = (p) => 'M' + p.map(([x, y]) => fmt(x) + ' ' + fmt(y)).join('L');
/** Many dots in one element: zero-length round-capped segments. */
const dots = (list, col, size, o = {}) => (list.length ? stroke(list.map(([x, y]) => D`M${x} ${y}h0`).join(''), col, size, o) : '');

/** Mix a #rrggbb colour towards white (t > 0) or black (t < 0). */
function shade(hex, t) {
  const n = parseInt(hex.slice(1), 16), to = t < 0 ? 0 : 255, k = Math.abs(t);
  const c = [n >> 16, (n >> 8) & 255, n & 255].map((v) => Math.round(v + (to - v) * k));
  return '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------- scene state

let scene; // { name, defs, n, rnd } of the drawing being built

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hash = (s) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
/** Seeded random number in [a, b). */
const R = (a = 0, b = 1) => a + (b - a) * scene.rnd();
const pick = (arr) => arr[Math.floor(R(0, arr.length))];

const uid = () => `${scene.name}-${scene.n++}`;
function def(tag, attrs, inner) { const id = uid(); scene.defs.push(el(tag, { id, ...attrs }, inner)); return id; }
/** Linear gradient; stops are [offset, colour, opacity?]; default direction top to bottom. */
const lin = (stops, [x1, y1, x2, y2] = [0, 0, 0, 1]) =>
  `url(#${def('linearGradient', { x1, y1, x2, y2 }, stops.map(([o, c, a]) => el('stop', { offset: o, 'stop-color': c, 'stop-opacity': a })))})`;
/** A repeating tile in user space. */
const pattern = (w, h, inner, o = {}) => `url(#${def('pattern', { width: w, height: h, patternUnits: 'userSpaceOnUse', ...o }, inner)})`;
const clip = (inner) => `url(#${def('clipPath', {}, inner)})`;

// ---------------------------------------------------------------- shapes

/** Smooth Catmull-Rom curve through points (optionally closed). */
function smooth(p, closed = false) {
  const n = p.length, at = (i) => (closed ? p[(i + n) % n] : p[Math.max(0, Math.min(n - 1, i))]);
  let s = D`M${p[0][0]} ${p[0][1]}`;
  for (let i = 0; i < (closed ? n : n - 1); i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    s += D`C${p1[0] + (p2[0] - p0[0]) / 6} ${p1[1] + (p2[1] - p0[1]) / 6} ${p2[0] - (p3[0] - p1[0]) / 6} ${p2[1] - (p3[1] - p1[1]) / 6} ${p2[0]} ${p2[1]}`;
  }
  return closed ? s + 'Z' : s;
}
/** Round-topped openings (windows, niches, arcades); positions are top-left corners. */
function arches(list, w, h, col, o = {}) {
  const r = w / 2;
  return path(list.map(([x, y]) => D`M${x} ${y + h}V${y + r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h}Z`).join(''), col, o);
}
/** A grid of rectangular windows as one path; skip(c, r) leaves cells out. */
function winGrid(x, y, cols, rows, w, h, gx, gy, col, skip = null, o = {}) {
  let s = '';
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    if (!skip || !skip(c, r)) s += D`M${x + c * (w + gx)} ${y + r * (h + gy)}h${w}v${h}h${-w}z`;
  }
  return s ? path(s, col, o) : '';
}
/** Horizontal stripes (awnings, flags, tracks). */
function stripes(x, y, w, h, n, a, b) {
  let s = ''; const sw = w / n;
  for (let i = 1; i < n; i += 2) s += D`M${x + i * sw} ${y}h${sw}v${h}h${-sw}z`;
  return rect(x, y, w, h, a) + path(s, b);
}

// ---------------------------------------------------------------- sky & land

function sky(top, bottom, mid) {
  return rect(0, 0, W, H, lin(mid ? [[0, top], [0.55, mid], [1, bottom]] : [[0, top], [1, bottom]]));
}
function sun(x, y, r, col = C.sun, halo = true) {
  return (halo ? circ(x, y, r * 2, col, { opacity: 0.12 }) + circ(x, y, r * 1.45, col, { opacity: 0.2 }) : '') + circ(x, y, r, col);
}
function moon(x, y, r, col = '#f3ead0') {
  return path(D`M${x} ${y - r}A${r} ${r} 0 1 0 ${x} ${y + r}A${r * 0.62} ${r} 0 1 1 ${x} ${y - r}Z`, col);
}
/** Flat-bottomed cumulus cloud; (x, y) is the left end of its base. */
function cloud(x, y, w, col = C.white, op = 0.9) {
  return path(D`M${x} ${y}a${w * 0.2} ${w * 0.2} 0 0 1 ${w * 0.3} ${-w * 0.22}a${w * 0.27} ${w * 0.27} 0 0 1 ${w * 0.42} ${-w * 0.08}a${w * 0.17} ${w * 0.17} 0 0 1 ${w * 0.28} ${w * 0.3}z`, col, { opacity: op });
}
function stars(n, x0, y0, x1, y1, col = '#fff') {
  const p = [[], [], []];
  for (let i = 0; i < n; i++) p[Math.floor(R(0, 1) ** 2 * 3)].push([R(x0, x1), R(y0, y1)]);
  return dots(p[0], col, 2, { opacity: 0.6 }) + dots(p[1], col, 3.2, { opacity: 0.8 }) + dots(p[2], col, 4.5);
}
/** Rolling ground from a wavy line at height y down to `bottom`. */
function ridge(y, amp, col, step = 120, bottom = H) {
  const p = [];
  for (let x = -60; x <= W + 60; x += step) p.push([x, y + R(-amp, amp)]);
  return path(smooth(p) + D`L${W + 60} ${bottom}L-60 ${bottom}Z`, col);
}
/** A band of conifers: a jagged silhouette. */
function firs(base, hMin, hMax, col, x0 = -20, x1 = W + 20, bottom = H) {
  let s = D`M${x0} ${bottom}L${x0} ${base}`, x = x0;
  while (x < x1) {
    const h = R(hMin, hMax), w = h * R(0.3, 0.4);
    s += D`L${x + w / 2} ${base - h}L${x + w} ${base - hMin * 0.3}`;
    x += w * 0.85;
  }
  return path(s + D`L${x} ${bottom}Z`, col);
}
/** A band of broadleaf crowns: a bumpy silhouette. */
function bushes(base, rMin, rMax, col, x0 = -20, x1 = W + 20, bottom = H) {
  let s = D`M${x0} ${bottom}L${x0} ${base}`, x = x0;
  while (x < x1) {
    const r = R(rMin, rMax);
    s += D`A${r} ${r} 0 1 1 ${x + r * 1.5} ${base + R(-r, r) * 0.25}`;
    x += r * 1.5;
  }
  return path(s + D`L${x} ${bottom}Z`, col);
}
/** Short horizontal glints on water. */
function ripples(n, x0, x1, y0, y1, col, w = 3, o = {}) {
  let s = '';
  for (let i = 0; i < n; i++) {
    const y = y0 + (y1 - y0) * R() ** 1.4, len = 14 + 70 * (y - y0) / (y1 - y0 || 1) * R(0.4, 1);
    const x = R(x0, x1);
    s += D`M${x} ${y}h${len}`;
  }
  return stroke(s, col, w, o);
}
function water(y, top, bottom, h = H - y) { return rect(0, y, W, h, lin([[0, top], [1, bottom]])); }
/** Reeds and cattails growing from y = by. */
function reeds(x0, x1, by, h, col = C.green, n = 18) {
  let s = '', tails = '';
  for (let i = 0; i < n; i++) {
    const x = R(x0, x1), hh = h * R(0.55, 1), lean = R(-0.25, 0.25) * hh;
    s += D`M${x} ${by}Q${x + lean * 0.2} ${by - hh * 0.6} ${x + lean} ${by - hh}`;
    if (i % 3 === 0) tails += D`M${x + lean * 0.62} ${by - hh * 0.8}L${x + lean * 0.72} ${by - hh * 0.9}`;
  }
  return stroke(s, col, 3.5) + stroke(tails, C.woodDk, 9);
}

// ---------------------------------------------------------------- trees

function pine(x, by, h, col = C.forest, trunk = C.woodDk, snow = false) {
  const w = h * 0.46;
  let a = '', b = '', sn = '';
  for (let i = 0; i < 3; i++) {
    const base = by - h * (0.16 + i * 0.25), ww = (w * (1 - i * 0.22)) / 2, top = base - h * 0.4;
    a += D`M${x - ww} ${base}L${x} ${top}L${x} ${base}Z`;
    b += D`M${x} ${top}L${x + ww} ${base}L${x} ${base}Z`;
    if (snow) sn += D`M${x - ww * 0.5} ${top + h * 0.2}L${x} ${top}L${x + ww * 0.5} ${top + h * 0.2}L${x + ww * 0.2} ${top + h * 0.16}L${x} ${top + h * 0.21}L${x - ww * 0.25} ${top + h * 0.15}Z`;
  }
  return rect(x - h * 0.025, by - h * 0.2, h * 0.05, h * 0.2, trunk) + path(a, col) + path(b, shade(col, -0.22)) + (snow ? path(sn, C.snow) : '');
}
function leafy(x, by, h, col = C.leaf, trunk = C.wood) {
  const r = h * 0.27, cy = by - h * 0.66;
  const crown = (k, dx, dy) => path(D`M${x - r * 1.25 * k + dx} ${cy + r * 0.35 + dy}a${r * 0.62 * k} ${r * 0.62 * k} 0 0 1 ${r * 0.4 * k} ${-r * 0.95 * k}a${r * k} ${r * k} 0 0 1 ${r * 1.55 * k} ${-r * 0.15 * k}a${r * 0.66 * k} ${r * 0.66 * k} 0 0 1 ${r * 0.55 * k} ${r * 1.1 * k}a${r * 0.7 * k} ${r * 0.7 * k} 0 0 1 ${-r * 2.5 * k} 0z`, k === 1 ? shade(col, -0.2) : col);
  return path(D`M${x - h * 0.035} ${by}L${x - h * 0.015} ${cy}h${h * 0.03}L${x + h * 0.035} ${by}Z`, trunk) + crown(1, 0, 0) + crown(0.9, -r * 0.05, -r * 0.12);
}
/** Birch trees [x, by, h, leafColour, lean] merged into a few paths: foliage, white trunks, dark marks. */
function birches(list, detail = 1) {
  const foliage = {};
  let trunks = '', marks = '';
  for (const [x, by, h, leaf = C.lime, lean = 0] of list) {
    for (let i = 0; i < 6 * detail; i++) {
      const t = R(0.45, 0.95), cx = x + lean * t + R(-h * 0.12, h * 0.12), cy = by - h * t;
      foliage[leaf] = (foliage[leaf] || '') + D`M${cx - h * 0.07} ${cy}a${h * 0.07} ${h * 0.1} 0 1 0 ${h * 0.14} 0a${h * 0.07} ${h * 0.1} 0 1 0 ${-h * 0.14} 0`;
    }
    trunks += D`M${x - h * 0.022} ${by}L${x + lean - h * 0.006} ${by - h}h${h * 0.012}L${x + h * 0.022} ${by}Z`;
    for (let y = by - h * 0.08; y > by - h * 0.9; y -= R(h * 0.07, h * 0.14) / detail) {
      const t = (by - y) / h, w = h * 0.022 * (1 - t * 0.7);
      marks += D`M${x + lean * t - w} ${y}h${w * R(0.6, 1.5)}v${h * 0.01}h${-w * 0.8}z`;
    }
  }
  return Object.entries(foliage).map(([c, d]) => path(d, c, { opacity: 0.9 })).join('') + path(trunks, C.white) + path(marks, C.ink);
}
const birch = (x, by, h, leaf = C.lime, lean = 0) => birches([[x, by, h, leaf, lean]]);

/** Distant people as simple silhouettes [x, by, h, colour, armsUp]: one body path and one dotted head path per colour. */
function silhouettes(list) {
  const bodies = {}, heads = {};
  for (const [x, by, h, col, up] of list) {
    const w = h * 0.16, top = by - h * 0.78;
    let d = D`M${x - w} ${by}V${top + w}Q${x - w} ${top} ${x} ${top}Q${x + w} ${top} ${x + w} ${top + w}V${by}Z`;
    if (up) d += D`M${x - w * 0.8} ${top + w * 0.5}l${-w * 0.7} ${-h * 0.28}l${w * 0.45} ${-h * 0.02}l${w * 0.6} ${h * 0.26}zM${x + w * 0.8} ${top + w * 0.5}l${w * 0.7} ${-h * 0.28}l${-w * 0.45} ${-h * 0.02}l${-w * 0.6} ${h * 0.26}z`;
    bodies[col] = (bodies[col] || '') + d;
    (heads[col] = heads[col] || []).push([x, by - h * 0.9, h]);
  }
  return Object.entries(bodies).map(([c, d]) => path(d, c)).join('')
    + Object.entries(heads).map(([c, l]) => dots(l, c, (l.reduce((t, p) => t + p[2], 0) / l.length) * 0.18)).join('');
}

// ---------------------------------------------------------------- people

/** The joint between a and b for limb lengths l1, l2, bulging towards `bend` (f/b/u/d). */
function joint(a, b, l1, l2, bend, f) {
  const dx = b[0] - a[0], dy = b[1] - a[1], d = Math.min(Math.hypot(dx, dy), (l1 + l2) * 0.999);
  const A = Math.acos(Math.max(-1, Math.min(1, (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))), base = Math.atan2(dy, dx);
  const c = [base + A, base - A].map((t) => [a[0] + l1 * Math.cos(t), a[1] + l1 * Math.sin(t)]);
  const v = { f: [f, 0], b: [-f, 0], u: [0, -1], d: [0, 1] }[bend];
  const score = (p) => (p[0] - (a[0] + b[0]) / 2) * v[0] + (p[1] - (a[1] + b[1]) / 2) * v[1];
  return score(c[0]) >= score(c[1]) ? c[0] : c[1];
}

/**
 * A side-view pictogram person. (x, y) is the hip, s the torso length, f the facing
 * (1 right, -1 left), lean the torso angle from vertical. Limbs are [far, near]; each
 * is [angle, bend] in degrees (0 = straight down, positive = forwards) or
 * {to: [x, y], bend: 'f'|'b'|'u'|'d'} to reach a point. Returns svg and joints.
 */
function figure(o) {
  const { x, y, s = 80, f = 1, lean = 0, col = C.ink } = o;
  const top = o.top || col, legCol = o.legCol || col, skin = o.skin || top, fs = o.farShade ?? -0.22;
  const step = (p, a, len) => [p[0] + f * Math.sin((a * Math.PI) / 180) * len, p[1] + Math.cos((a * Math.PI) / 180) * len];
  const hip = [x, y], neck = step(hip, 180 - lean, s * 0.92), head = step(hip, 180 - lean, s * 1.33);
  const limb = (from, spec, l1, l2) => {
    if (Array.isArray(spec)) { const m = step(from, spec[0], l1); return [from, m, step(m, spec[0] + spec[1], l2)]; }
    return [from, joint(from, spec.to, l1, l2, spec.bend || 'f', f), spec.to];
  };
  const arms = (o.arms || [[-12, 20], [12, 20]]).map((a) => limb(neck, a, s * 0.46, s * 0.44));
  const legs = (o.legs || [[-6, -4], [6, -4]]).map((a) => limb(hip, a, s * 0.56, s * 0.56));
  const w = s * 0.19, pl = (p, c, ww) => stroke(polyline(p), c, ww);
  const hr = s * 0.23;
  let headSvg = circ(head[0], head[1], hr, skin);
  if (o.hair) headSvg = circ(head[0] - f * hr * 0.12, head[1] - hr * 0.1, hr * 1.04, o.hair) + circ(head[0] + f * hr * 0.1, head[1] + hr * 0.08, hr * 0.86, skin);
  if (o.hat) headSvg += path(D`M${head[0] - hr * 1.08} ${head[1] + hr * 0.05}A${hr * 1.08} ${hr * 1.1} 0 0 1 ${head[0] + hr * 1.08} ${head[1] + hr * 0.05}Z`, o.hat) + line(head[0], head[1] + hr * 0.05, head[0] + f * hr * 1.5, head[1] + hr * 0.1, o.hat, hr * 0.3);
  if (o.ponytail) headSvg = stroke(D`M${head[0] - f * hr * 0.6} ${head[1] - hr * 0.5}q${-f * hr * 1.2} ${hr * 0.2} ${-f * hr * 1.3} ${hr * 1.4}`, o.ponytail, hr * 0.5) + headSvg;
  const skirt = o.skirt ? poly([[x - s * 0.2, y - s * 0.25], [x + s * 0.2, y - s * 0.25], [x + s * 0.4, y + s * 0.5], [x - s * 0.4, y + s * 0.5]], o.skirt) : '';
  const svg = [
    pl(legs[0], shade(legCol, fs), w), pl(arms[0], shade(top, fs), w * 0.9), o.behind || '',
    pl(legs[1], legCol, w), stroke(D`M${hip[0]} ${hip[1]}L${neck[0]} ${neck[1]}`, top, s * 0.34), skirt,
    o.bib ? rect(hip[0] + f * s * 0.08 - s * 0.14, hip[1] - s * 0.62, s * 0.28, s * 0.24, o.bib, { rx: s * 0.03 }) : '',
    headSvg, pl(arms[1], top, w * 0.9),
  ].join('');
  return { svg, hip, neck, head, hands: arms.map((a) => a[2]), elbows: arms.map((a) => a[1]), feet: legs.map((l) => l[2]), knees: legs.map((l) => l[1]) };
}

/**
 * A front-facing person standing on y = by, h tall. Options: shirt, legs, skin, hair,
 * skirt, scarf (headscarf colour), back (seen from behind), armsUp, sash (accent).
 */
function person(x, by, h, o = {}) {
  const u = h / 8, shirt = o.shirt || C.red, legs = o.legs || C.ink, skin = o.skin || C.skin;
  const sy = by - 6.55 * u, wy = by - 3.7 * u, hy = by - 7.2 * u;
  let s = '';
  if (o.skirt) {
    s += path(D`M${x - 0.55 * u} ${by - 1.4 * u}h${0.4 * u}v${1.4 * u}h${-0.4 * u}zM${x + 0.15 * u} ${by - 1.4 * u}h${0.4 * u}v${1.4 * u}h${-0.4 * u}z`, legs);
    s += path(D`M${x - 0.85 * u} ${wy - 0.3 * u}H${x + 0.85 * u}L${x + 1.4 * u} ${by - 1.2 * u}H${x - 1.4 * u}Z`, o.skirt);
  } else {
    s += path(D`M${x - 0.72 * u} ${wy - 0.2 * u}h${0.66 * u}v${3.9 * u}h${-0.66 * u}zM${x + 0.06 * u} ${wy - 0.2 * u}h${0.66 * u}v${3.9 * u}h${-0.66 * u}z`, legs);
  }
  const armCol = shade(shirt, -0.14);
  const arm = o.armsUp
    ? D`M${x - 0.9 * u} ${sy + 0.45 * u}L${x - 1.7 * u} ${sy - 1.2 * u}L${x - 1.5 * u} ${sy - 2.6 * u}M${x + 0.9 * u} ${sy + 0.45 * u}L${x + 1.7 * u} ${sy - 1.2 * u}L${x + 1.5 * u} ${sy - 2.6 * u}`
    : D`M${x - 0.95 * u} ${sy + 0.5 * u}L${x - 1.12 * u} ${wy + 0.4 * u}M${x + 0.95 * u} ${sy + 0.5 * u}L${x + 1.12 * u} ${wy + 0.4 * u}`;
  s += path(D`M${x - 0.95 * u} ${wy}L${x - 1.1 * u} ${sy + 0.55 * u}Q${x - 1.1 * u} ${sy} ${x - 0.55 * u} ${sy}H${x + 0.55 * u}Q${x + 1.1 * u} ${sy} ${x + 1.1 * u} ${sy + 0.55 * u}L${x + 0.95 * u} ${wy}Z`, shirt);
  if (o.sash) s += path(D`M${x - 0.98 * u} ${wy - 0.55 * u}h${1.96 * u}v${0.45 * u}h${-1.96 * u}z`, o.sash);
  if (o.collar) s += path(D`M${x - 0.4 * u} ${sy}L${x} ${sy + 0.8 * u}L${x + 0.4 * u} ${sy}Z`, o.collar);
  s += stroke(arm, armCol, 0.5 * u);
  if (o.scarf) s += circ(x, hy - 0.05 * u, 0.86 * u, o.scarf) + path(D`M${x - 0.5 * u} ${hy + 0.5 * u}L${x} ${hy + 1.25 * u}L${x + 0.5 * u} ${hy + 0.5 * u}Z`, o.scarf) + circ(x, hy + 0.12 * u, 0.56 * u, skin);
  else if (o.back) s += circ(x, hy, 0.72 * u, o.hair || C.hair);
  else if (o.hair) s += circ(x, hy - 0.1 * u, 0.76 * u, o.hair) + circ(x, hy + 0.1 * u, 0.62 * u, skin);
  else s += circ(x, hy, 0.7 * u, skin);
  return s;
}

// ---------------------------------------------------------------- things

function wheel(x, y, r, tyre = C.ink, hub = C.grey) {
  return circ(x, y, r, tyre) + circ(x, y, r * 0.55, hub) + circ(x, y, r * 0.18, shade(hub, -0.35));
}
function lamp(x, by, h, col = C.ink, light = C.sunPale, glow = false) {
  return (glow ? circ(x + h * 0.12, by - h + h * 0.06, h * 0.25, light, { opacity: 0.25 }) : '')
    + stroke(D`M${x} ${by}V${by - h}q0 ${-h * 0.06} ${h * 0.12} ${-h * 0.06}`, col, h * 0.035)
    + path(D`M${x + h * 0.05} ${by - h}h${h * 0.15}l${-h * 0.03} ${h * 0.05}h${-h * 0.09}z`, col)
    + rect(x + h * 0.08, by - h + h * 0.05, h * 0.09, h * 0.03, light);
}
function bird(x, y, s, col = C.ink) {
  return stroke(D`M${x - s} ${y - s * 0.3}Q${x - s * 0.5} ${y - s * 0.6} ${x} ${y}Q${x + s * 0.5} ${y - s * 0.6} ${x + s} ${y - s * 0.3}`, col, Math.max(2, s * 0.14));
}
function bench(x, by, w, col = C.woodDk) {
  return path(D`M${x} ${by - 34}h${w}v7h${-w}zM${x} ${by - 20}h${w}v6h${-w}z`, col)
    + stroke(D`M${x + 8} ${by}v-30M${x + w - 8} ${by}v-30`, C.ink, 4);
}

// ================================================================ motifs

function castleMir() {
  const base = 488;
  const tower = (x, w, top, roofH, tone = 0, detail = true) => {
    const cx = x + w / 2, st = shade(C.cream, tone * 0.3), sl = shade(C.slate, tone);
    const niches = [];
    let bands = '';
    for (let y = top + 48; detail && y < base - 70; y += 78) {
      bands += D`M${x} ${y}h${w}v5h${-w}z`;
      niches.push([x + w * 0.16, y + 18], [x + w * 0.58, y + 18]);
    }
    return rect(x, top, w, base - top, shade(C.brick, tone)) + rect(x + w * 0.66, top, w * 0.34, base - top, shade(C.brickDk, tone))
      + path(D`M${x - 5} ${top}h${w + 10}v12h${-w - 10}z` + bands, st)
      + (detail ? arches(niches, w * 0.24, 40, st) + arches(niches.map(([a, b]) => [a + w * 0.06, b + 8]), w * 0.12, 28, C.ink) : '')
      + path(D`M${x - 8} ${top}Q${cx - w * 0.14} ${top - roofH * 0.3} ${cx} ${top - roofH}V${top}Z`, sl)
      + path(D`M${x + w + 8} ${top}Q${cx + w * 0.14} ${top - roofH * 0.3} ${cx} ${top - roofH}V${top}Z`, shade(sl, -0.25))
      + (detail ? rect(cx - w * 0.09, top - roofH * 0.42, w * 0.18, roofH * 0.12, st) + circ(cx, top - roofH - 3, 4, C.gold) : '');
  };
  const castle = (detail) => [
    detail ? bushes(478, 24, 44, shade(C.green, 0.12), -20, 330) + bushes(470, 24, 44, shade(C.green, 0.12), 860, 1220) : '',
    tower(372, 82, 218, 110, 0.15, detail), tower(748, 82, 212, 110, 0.15, detail),
    rect(360, 318, 480, base - 318, C.brickLt), path('M350 320H850L815 268H385Z', C.roof),
    detail ? arches(Array.from({ length: 9 }, (_, i) => [392 + i * 50, 334]), 20, 34, C.cream) + arches(Array.from({ length: 9 }, (_, i) => [396 + i * 50, 342]), 12, 26, C.ink) : '',
    rect(275, 392, 650, base - 392, C.brick), rect(275, 392, 650, 10, C.cream),
    detail ? winGrid(300, 426, 13, 1, 10, 18, 40, 0, C.brickDk) : '',
    tower(226, 108, 248, 150, 0, detail), tower(866, 108, 258, 145, 0, detail), tower(530, 122, 182, 175, 0, detail),
    arches([[566, 410]], 50, 78, C.ink),
  ].join('');
  return [
    sky('#86b6d0', '#e8ede2'),
    cloud(120, 140, 210), cloud(930, 100, 150, C.white, 0.75),
    castle(true),
    rect(0, base - 3, W, 8, C.green),
    water(base + 4, '#77a3b8', '#3a6a84'),
    g(castle(false), { transform: D`matrix(1 0 0 -1 0 ${2 * base + 8})`, opacity: 0.22 }),
    ripples(26, 0, W, base + 12, H, '#d7e8ee', 3, { opacity: 0.55 }),
    path('M0 560Q150 590 260 675H0Z', C.leaf), reeds(10, 230, 640, 150, C.green, 16),
    path('M1200 600Q1080 620 1010 675H1200Z', C.leaf), reeds(1040, 1190, 660, 120, C.green, 10),
  ];
}

function theatreOpera() {
  const base = 520;
  const trimmed = (x, by) => rect(x - 4, by - 40, 8, 40, C.woodDk) + circ(x, by - 70, 38, C.green) + circ(x - 8, by - 78, 28, C.leaf);
  const columns = Array.from({ length: 8 }, (_, i) => 388 + i * 58);
  return [
    sky('#7fa7c8', '#f2d6ad', '#cfd0c6'),
    cloud(90, 170, 220, C.white, 0.7), cloud(930, 120, 170, C.white, 0.6),
    // side wings with lit arched windows
    rect(120, 360, 960, base - 360, C.sand), rect(112, 350, 976, 14, C.cream),
    arches([...Array.from({ length: 4 }, (_, i) => [150 + i * 52, 395]), ...Array.from({ length: 4 }, (_, i) => [894 + i * 52, 395])], 26, 62, C.sunPale),
    rect(120, 470, 960, 6, C.cream, { opacity: 0.8 }),
    // drum and verdigris dome with lantern
    rect(468, 205, 264, 160, C.cream), winGrid(486, 236, 6, 1, 18, 48, 26.5, 0, C.sandDk),
    rect(460, 198, 280, 12, C.white),
    path('M456 200A144 130 0 0 1 744 200Z', '#6d9b89'), path('M600 70A144 130 0 0 1 744 200H600Z', '#5a8574'),
    stroke('M520 198Q540 110 600 71M680 198Q660 110 600 71M600 198V71', '#4f786a', 3),
    rect(584, 48, 32, 26, C.cream), path('M580 50Q600 30 620 50Z', '#5a8574'), line(600, 36, 600, 14, C.gold, 4), circ(600, 14, 5, C.gold),
    // portico: pediment, entablature, columns, doors, steps
    poly([[346, 334], [854, 334], [600, 262]], C.cream), poly([[386, 326], [814, 326], [600, 276]], C.sand),
    rect(350, 330, 500, 30, C.white), rect(350, 352, 500, 6, C.sandDk, { opacity: 0.5 }),
    rect(372, 360, 456, 132, '#8c7760'), arches(columns.slice(0, 7).map((x) => [x + 36, 405]), 18, 72, C.sunPale),
    ...columns.map((x) => rect(x, 360, 24, 132, C.white) + rect(x + 16, 360, 8, 132, '#e4dccb') + rect(x - 4, 358, 32, 8, C.cream)),
    ...[0, 1, 2, 3].map((i) => rect(340 - i * 16, 492 + i * 7, 520 + i * 32, 7, shade(C.stone, 0.2 - i * 0.08))),
    rect(0, base, W, H - base, lin([[0, '#d8cdb9'], [1, '#b7ab96']])),
    stroke('M0 600H1200M0 640H1200', C.stoneDk, 2, { opacity: 0.5 }),
    trimmed(70, base), trimmed(1130, base), trimmed(230, base + 10), trimmed(970, base + 10),
    lamp(300, 600, 150, C.ink, C.sunPale, true), lamp(900, 600, 150, C.ink, C.sunPale, true),
    person(470, 610, 70, { shirt: C.red, legs: C.navy }), person(495, 612, 62, { shirt: C.navy, legs: C.ink, hair: C.hair, skirt: C.plum }),
    person(760, 640, 74, { shirt: C.teal, legs: C.ink, hair: C.hair }),
  ];
}

/** A European bison seen from the side, facing left; (x, by) is its front hoof, k its scale. */
function bisonSide(x, by, k = 1, body = '#5e402b', mane = '#80593a', face = '#3a281b') {
  const outline = [[2, -58], [6, -44], [16, -30], [34, -25], [54, -30], [74, -38], [120, -38], [160, -40], [188, -46], [202, -62], [204, -86], [192, -100], [160, -102], [122, -114], [88, -134], [62, -131], [42, -114], [28, -98], [12, -84], [3, -70]];
  const front = [[30, -26], [48, -24], [66, -34], [84, -42], [96, -70], [100, -110], [88, -134], [62, -131], [42, -114], [34, -90], [36, -60]];
  const head = [[2, -58], [5, -44], [14, -36], [28, -38], [38, -56], [42, -82], [36, -102], [22, -100], [10, -86], [3, -72]];
  const leg = (lx, top, w) => D`M${lx - w / 2} ${top}L${lx - w * 0.35} -4h${w * 0.7}L${lx + w / 2} ${top}Z`;
  return g([
    path(leg(66, -40, 13) + leg(184, -50, 14), shade(body, -0.25)),
    stroke('M202 -80Q212 -60 208 -36', body, 4), stroke('M208 -40l2 10', face, 7),
    path(smooth(outline, true), body), path(smooth(front, true), mane),
    path(leg(50, -30, 15) + leg(170, -52, 16) + 'M162 -40q10 -4 16 4l-2 10z', body),
    path(smooth(head, true), face), path('M12 -40Q16 -14 30 -10Q40 -20 36 -40Z', face),
    path('M44 -4h14v4h-14zM164 -4h14v4h-14z', C.ink),
    stroke('M30 -100q-8 -4 -6 -16', C.cream, 4.5), circ(17, -76, 2.6, '#120c08'),
  ], { transform: D`translate(${x} ${by}) scale(${k})` });
}

function forestBialowieza() {
  const ground = 545;
  const trunk = (x, w, by, col) => path(D`M${x - w * 0.9} ${by}Q${x - w * 0.5} ${by - w * 0.4} ${x - w * 0.5} ${by - w * 1.6}L${x - w * 0.42} -10H${x + w * 0.42}L${x + w * 0.5} ${by - w * 1.6}Q${x + w * 0.5} ${by - w * 0.4} ${x + w} ${by}Z`, col);
  const fern = (x, by, s, col) => {
    let d = '';
    for (const a of [-60, -30, 0, 28, 58]) {
      const r = (a * Math.PI) / 180, tx = x + Math.sin(r) * s, ty = by - Math.cos(r) * s * 0.8;
      d += D`M${x} ${by}Q${(x + tx) / 2} ${ty - s * 0.1} ${tx} ${ty}`;
      for (let t = 0.3; t < 0.95; t += 0.15) {
        const px = x + (tx - x) * t, py = by + (ty - by) * t - s * 0.08 * Math.sin(t * 3);
        d += D`M${px} ${py}l${-s * 0.12 * (1 - t)} ${-s * 0.1}M${px} ${py}l${s * 0.12 * (1 - t)} ${-s * 0.1}`;
      }
    }
    return stroke(d, col, s * 0.025);
  };
  return [
    sky('#d3dfc0', '#88a77a'),
    firs(400, 80, 190, '#a9bf9d'),
    ...[60, 190, 420, 520, 700, 860, 990].map((x) => trunk(x, 10, 470, '#8fa987')),
    path('M180 -10L420 -10L760 675L330 675Z', '#fffbe6', { opacity: 0.16 }), path('M470 -10L560 -10L980 675L760 675Z', '#fffbe6', { opacity: 0.12 }),
    bushes(470, 16, 40, '#6f9367', -20, 1220, 560),
    ...[[250, 22], [640, 18], [900, 26], [1080, 20]].map(([x, w]) => trunk(x, w, 520, '#4d6a4d')),
    ridge(ground - 15, 10, '#5c8452'),
    bisonSide(520, 560, 1.45),
    path('M0 600Q300 570 600 610T1200 590V675H0Z', '#3f6a40'),
    path('M640 650L1000 596q20 -4 22 8l-6 12L660 668Z', C.woodDk), ell(1019, 607, 9, 13, C.wood),
    ...[[120, 34], [380, 48], [1180, 44]].map(([x, w]) => trunk(x, w, 675, '#2c3d30')),
    fern(240, 675, 120, '#5f9150'), fern(560, 680, 90, '#6fa05a'), fern(1060, 680, 110, '#5f9150'), fern(880, 690, 70, '#78a862'),
    path('M0 -10H1200V40Q1100 90 1000 50T800 70T560 40T340 80T130 50T0 70Z', '#2f4a34'),
  ];
}

function sailboat(x, wl, h, sail = C.white, jib = '#e8ecec', hull = C.navy) {
  const boat = [
    path(D`M${x + 3} ${wl - h * 0.97}Q${x + h * 0.3} ${wl - h * 0.5} ${x + h * 0.5} ${wl - h * 0.15}H${x + 3}Z`, sail),
    path(D`M${x - 3} ${wl - h * 0.86}V${wl - h * 0.17}H${x - h * 0.36}Q${x - h * 0.12} ${wl - h * 0.5} ${x - 3} ${wl - h * 0.86}Z`, jib),
    line(x, wl - h * 0.1, x, wl - h, C.ink, Math.max(1.5, h * 0.015)),
    poly([[x - h * 0.44, wl - h * 0.13], [x + h * 0.6, wl - h * 0.13], [x + h * 0.46, wl], [x - h * 0.32, wl]], hull),
    rect(x - h * 0.4, wl - h * 0.1, h * 0.96, h * 0.025, C.red),
  ].join('');
  return boat + g(boat, { transform: D`matrix(1 0 0 -0.55 0 ${wl * 1.55})`, opacity: 0.2 });
}

function lakeNaroch() {
  const hz = 360;
  return [
    sky('#7fb2d2', '#e8efe8'),
    cloud(110, 160, 240), cloud(760, 110, 170, C.white, 0.8), cloud(1010, 210, 120, C.white, 0.7),
    path(`M0 ${hz - 40}Q300 ${hz - 75} 620 ${hz - 30}T1200 ${hz - 50}V${hz}H0Z`, '#8fa99e'),
    firs(hz + 2, 18, 50, '#45695c', -20, 1220, hz + 4),
    water(hz, '#9cc0cf', '#37698a'),
    stroke(`M0 ${hz + 4}H1200`, '#dcebef', 2, { opacity: 0.7 }),
    ripples(70, 0, W, hz + 10, H, '#dcedf2', 3, { opacity: 0.5 }),
    sailboat(1090, hz + 24, 42, C.white, C.white, C.red), sailboat(930, hz + 36, 64),
    sailboat(250, hz + 70, 110, C.white, C.sand), sailboat(680, hz + 200, 240, C.white, '#e3e8e8', C.navy),
    path('M0 590Q120 600 210 675H0Z', '#6d8f5a'), reeds(0, 200, 660, 170, '#4f7748', 26),
    bird(520, 200, 14), bird(555, 220, 10), bird(590, 190, 8),
  ];
}

function biathlon() {
  const snowY = 530;
  const sk = figure({
    x: 640, y: 430, s: 92, f: 1, lean: 38, col: C.red, legCol: C.navy, skin: C.skin, hat: C.white, ponytail: C.hair, bib: C.white,
    legs: [[-38, -4], [26, -46]], arms: [[35, 40], [72, 10]],
  });
  const [hf, hn] = sk.hands, [ff, fn] = sk.feet;
  const t = [sk.neck[0] - sk.hip[0], sk.neck[1] - sk.hip[1]], tl = Math.hypot(...t), u = [t[0] / tl, t[1] / tl], b = [u[1], -u[0]];
  const at = (p, kb, ku) => [p[0] + b[0] * kb + u[0] * ku, p[1] + b[1] * kb + u[1] * ku];
  const muzzle = at(sk.neck, 20, 46), butt = at(sk.hip, 20, -8), grip = at(sk.hip, 20, 26);
  return [
    sky('#6aa3cd', '#e6f0f5'),
    sun(1010, 120, 36, '#fbe7b0'),
    path('M0 300Q260 250 520 300T1200 280V420H0Z', '#dfe9ef'),
    firs(385, 30, 85, '#3f6260'), stroke(Array.from({ length: 40 }, () => D`M${R(0, W)} ${R(320, 380)}h${R(4, 10)}`).join(''), C.snow, 4, { opacity: 0.8 }),
    path('M0 392Q600 370 1200 395V675H0Z', C.snow),
    // shooting range: target boards with five black targets each
    ...[[80, 330, 260], [380, 345, 190]].map(([x, y, w]) => {
      const r = w * 0.065, gap = w / 5;
      return rect(x - 6, y - 8, w + 12, w * 0.28, C.greyDk) + rect(x, y, w, w * 0.2, C.white)
        + path(Array.from({ length: 5 }, (_, i) => D`M${x + gap * (i + 0.5) - r} ${y + w * 0.1}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`).join(''), C.ink)
        + stroke(D`M${x + 10} ${y + w * 0.28}v30M${x + w - 10} ${y + w * 0.28}v30`, C.greyDk, 5);
    }),
    stroke('M0 560Q500 520 1200 545M0 575Q500 537 1200 560', C.snowSh, 4),
    stroke('M0 640Q600 600 1200 630', C.snowSh, 6, { opacity: 0.7 }),
    pine(1020, 470, 190, '#2f5449', C.woodDk, true), pine(1120, 500, 240, '#2a4b42', C.woodDk, true), pine(960, 440, 120, '#37605a', C.woodDk, true),
    ell(630, snowY + 6, 150, 10, C.snowSh),
    line(hf[0], hf[1], hf[0] - 70, snowY + 2, C.ink, 4), line(hn[0], hn[1], hn[0] - 40, snowY + 4, C.ink, 4),
    line(ff[0] - 70, ff[1] + 10, ff[0] + 60, ff[1] - 4, C.navy, 6), line(fn[0] - 80, snowY, fn[0] + 90, snowY, C.red, 7),
    sk.svg,
    line(...butt, ...muzzle, '#23282e', 7), line(...butt, ...grip, C.woodDk, 15), line(...at(sk.hip, 6, 4), ...at(sk.neck, 6, 0), C.ink, 3),
  ];
}

function stadium() {
  const crowd = pattern(28, 14, [rect(0, 0, 28, 14, '#3b3f56'), dots([[4, 4], [18, 10]], C.red, 6), dots([[11, 4], [25, 10]], C.white, 6), dots([[25, 3], [4, 11]], C.gold, 6), dots([[11, 11], [18, 3]], '#7e8fb4', 6)]);
  const top = 355, bot = 660, tl = 330, tr = 870, bl = 100, br = 1100;
  const at = (t) => { const y = top + (bot - top) * t; return [tl + (bl - tl) * t, tr + (br - tr) * t, y]; };
  let stripes = '';
  for (let i = 0; i < 14; i += 2) {
    const a = i / 14, b2 = (i + 1) / 14;
    stripes += D`M${tl + (tr - tl) * a} ${top}L${tl + (tr - tl) * b2} ${top}L${bl + (br - bl) * b2} ${bot}L${bl + (br - bl) * a} ${bot}Z`;
  }
  const mid = at(0.38), pen = at(0.8), penF = at(0.09);
  const mast = (x, by, h, side) => [
    path(D`M${x + side * 60} ${by - h + 40}L${x - side * 420} ${bot}L${x - side * 40} ${bot}Z`, '#fff6d6', { opacity: 0.07 }),
    line(x, by, x, by - h, '#2a2e3e', 9),
    rect(x - 38, by - h - 40, 76, 46, '#2a2e3e', { rx: 4 }), circ(x, by - h - 17, 70, '#fff3c4', { opacity: 0.18 }),
    winGrid(x - 32, by - h - 35, 5, 3, 10, 9, 3, 4, '#fff6d8'),
  ].join('');
  return [
    sky('#263a63', '#f0a676', '#8b7fa6'),
    path('M0 260L60 230L90 250L150 210L200 240L260 220L300 250V300H0Z', '#3c3f62', { opacity: 0.6 }),
    path('M0 300Q600 170 1200 300V675H0Z', crowd),
    path('M0 300Q600 170 1200 300L1200 322Q600 196 0 322Z', '#23263a'),
    path(D`M${tl - 30} ${top - 14}H${tr + 30}L${br + 70} ${bot + 15}H${bl - 70}Z`, '#2f6b47'),
    path(D`M${tl} ${top}H${tr}L${br} ${bot}H${bl}Z`, '#4d9a5b'), path(stripes, '#58a866'),
    stroke(D`M${tl} ${top}H${tr}L${br} ${bot}H${bl}ZM${mid[0]} ${mid[2]}H${mid[1]}M${pen[0] + 300} ${bot}L${pen[0] + 306} ${pen[2]}H${pen[1] - 306}L${pen[1] - 300} ${bot}M${600 - 150} ${top}L${600 - 152} ${penF[2]}H${600 + 152}L${600 + 150} ${top}`, '#f4f7f2', 3),
    ell(600, mid[2], 102, 30, 'none', { stroke: '#f4f7f2', 'stroke-width': 3 }), circ(600, mid[2], 4, '#f4f7f2'),
    rect(560, top - 12, 80, 12, 'none', { stroke: C.white, 'stroke-width': 3 }), rect(540, bot - 2, 120, 20, 'none', { stroke: C.white, 'stroke-width': 4 }),
    ...[[520, 430, C.red], [690, 470, C.white], [610, 520, C.red], [430, 560, C.white], [760, 410, C.white], [830, 560, C.red]].map(([x, y, c]) => person(x, y, 30, { shirt: c, legs: C.ink, hands: false })),
    circ(650, 485, 4, C.white),
    mast(150, 300, 190, -1), mast(1050, 300, 190, 1), mast(40, 675, 520, -1), mast(1160, 675, 520, 1),
  ];
}

/** Lines of code as coloured bars inside a screen. */
function codeLines(x, y, w, h, lh = 16, wd = 7) {
  const cols = ['#6fc1b8', '#e3b24a', '#e0806e', '#a9b8c8', '#a797d6'], by = cols.map(() => '');
  let indent = 0;
  for (let yy = y + lh; yy < y + h - 6; yy += lh) {
    if (R() < 0.12) continue;
    indent = Math.max(0, Math.min(3, indent + pick([-1, 0, 0, 1])));
    let xx = x + 12 + indent * 22;
    for (let k = 0, n = 1 + Math.floor(R(0, 3)); k < n && xx < x + w - 40; k++) {
      const len = Math.min(R(20, 110), x + w - 16 - xx), c = Math.floor(R(0, cols.length));
      by[c] += D`M${xx} ${yy}h${len}`;
      xx += len + 16;
    }
  }
  return by.map((d, i) => (d ? stroke(d, cols[i], wd) : '')).join('');
}

function itPark() {
  const plant = (x, by) => {
    let leaves = '';
    for (let i = 0; i < 9; i++) {
      const a = -1.2 + i * 0.3, len = R(70, 120), tx = x + Math.sin(a) * len, ty = by - 60 - Math.cos(a) * len;
      leaves += D`M${x} ${by - 60}Q${(x + tx) / 2 - 20 * Math.cos(a)} ${(by - 60 + ty) / 2} ${tx} ${ty}Q${(x + tx) / 2 + 20 * Math.cos(a)} ${(by - 60 + ty) / 2 + 10} ${x} ${by - 60}`;
    }
    return path(leaves, C.green) + path(D`M${x - 40} ${by - 70}h80l-10 70h-60z`, C.brickLt);
  };
  return [
    rect(0, 0, W, H, '#ebe4d6'),
    rect(40, 40, 500, 330, C.greyDk), rect(52, 52, 476, 306, lin([[0, '#8fbfd8'], [1, '#e3eef0']])),
    path('M52 358V210h60v-60h50v208zM180 358V120h70v238zM270 358V180h40v-30h40v208zM370 358V230h60v128zM446 358V100l40 -20v278zM500 358V200h28v158z', '#5c87a0', { opacity: 0.8 }),
    winGrid(190, 134, 4, 11, 8, 10, 8, 10, '#cfe3ea', null, { opacity: 0.7 }),
    stroke('M210 52V358M368 52V358M52 205H528', C.greyDk, 8),
    stroke('M700 0V60M1000 0V60', C.ink, 3), path('M670 60Q700 20 730 60ZM970 60Q1000 20 1030 60Z', C.ink), ell(700, 62, 22, 6, C.sunPale), ell(1000, 62, 22, 6, C.sunPale),
    rect(0, 498, W, 24, C.woodLt), rect(0, 522, W, 153, '#d6ccb9'), rect(0, 522, W, 10, '#bfb39c'),
    // main monitor
    path('M760 440h50l14 52h-78z', C.greyDk), rect(700, 488, 170, 10, C.greyDk, { rx: 4 }),
    rect(570, 150, 430, 290, C.ink, { rx: 12 }), rect(584, 164, 402, 262, '#1d2734'), codeLines(584, 164, 402, 262, 18, 8),
    // second monitor
    path('M1060 450h30l8 44h-46z', C.greyDk), rect(1010, 230, 170, 230, C.ink, { rx: 10 }), rect(1020, 240, 150, 210, '#1d2734'), codeLines(1020, 240, 150, 210, 16, 6),
    // laptop
    path('M150 505L190 292H480L452 505Z', '#a6b1b8'), path('M166 490L200 306H466L444 490Z', '#1d2734'),
    codeLines(200, 310, 240, 175, 16, 6),
    path('M120 505H500L520 520H100Z', '#c5cdd2'),
    // mug and plant
    rect(520, 452, 34, 46, C.red, { rx: 4 }), stroke('M554 462q16 0 16 14t-16 14', C.red, 5), rect(520, 458, 34, 6, C.white),
    plant(1130, 496),
  ];
}

function telescope() {
  const domeClip = clip(path('M456 392A144 138 0 0 1 744 392Z', '#000'));
  return [
    sky('#0c1630', '#3a5881'),
    g([ell(600, 240, 700, 70, '#9fb4dc', { opacity: 0.08 }), ell(620, 250, 560, 40, '#c3d0ee', { opacity: 0.08 }), ell(640, 250, 380, 20, '#e6ecff', { opacity: 0.08 })], { transform: 'rotate(-18 600 250)' }),
    stars(190, 0, 0, W, 470),
    line(860, 90, 1010, 140, '#ffffff', 2.5, { opacity: 0.7 }), circ(860, 90, 3, C.white),
    moon(1080, 110, 40),
    path('M0 470Q300 410 600 440T1200 420V675H0Z', '#1c2b44'),
    ...[[120, 470, 110], [170, 460, 80], [1020, 440, 120], [1090, 450, 160], [1150, 440, 100]].map(([x, y, h]) => pine(x, y, h, '#142034', '#142034')),
    // observatory: drum, dome with open slit, telescope
    rect(470, 390, 260, 170, '#c8ccd3'), rect(640, 390, 90, 170, '#a4abb6'), rect(462, 382, 276, 14, '#e3e6ea'),
    arches([[570, 470]], 44, 90, '#2c3a52'), rect(578, 500, 28, 60, C.sunPale, { opacity: 0.9 }),
    path('M456 392A144 138 0 0 1 744 392Z', lin([[0, '#eef0f3'], [1, '#b5bcc6']], [0, 0, 1, 0])),
    g([poly([[566, 392], [634, 392], [646, 240], [562, 240]], '#1b2740'), path('M560 420L690 270', 'none', { stroke: '#d7dde6', 'stroke-width': 40 })], { 'clip-path': domeClip }),
    path('M560 420L700 258', 'none', { stroke: '#d7dde6', 'stroke-width': 38, 'stroke-linecap': 'butt' }),
    line(662, 302, 690, 326, C.gold, 10, { 'stroke-linecap': 'butt' }), line(686, 242, 716, 268, '#9aa5b4', 32, { 'stroke-linecap': 'butt' }),
    rect(0, 556, W, 119, '#16223a'), path('M0 556H1200V566H0Z', '#23324f'),
    // stargazer with a small telescope on a tripod
    stroke('M930 560L960 480L990 560M960 480V560', '#0c1424', 4), line(930, 470, 1000, 440, '#0c1424', 12),
    figure({ x: 905, y: 500, s: 52, f: 1, lean: 14, col: '#0c1424', legs: [[-6, -4], [10, -8]], arms: [{ to: [940, 470], bend: 'd' }, { to: [950, 478], bend: 'd' }] }).svg,
  ];
}

function flaxField() {
  const hz = 340;
  const flower = (x, y, r, col) => {
    let p = '', v = '';
    for (let i = 0; i < 5; i++) {
      const a = (i / 5) * Math.PI * 2 + R(0, 0.3), pt = (d, da) => [x + Math.cos(a + da) * d, y + Math.sin(a + da) * d * 0.8];
      const [c1, c2] = [pt(r * 1.7, -0.72), pt(r * 1.7, 0.72)], tip = pt(r * 0.9, 0);
      p += D`M${x} ${y}C${c1[0]} ${c1[1]} ${c2[0]} ${c2[1]} ${x} ${y}`;
      v += D`M${x} ${y}L${tip[0]} ${tip[1]}`;
    }
    return path(p, col) + stroke(v, shade(col, -0.3), Math.max(1, r * 0.05)) + circ(x, y, r * 0.2, '#f4ecc8');
  };
  let stems = '';
  const heads = [[90, 560, 46], [240, 490, 34], [330, 620, 60], [500, 530, 40], [640, 610, 52], [800, 630, 64], [900, 520, 40], [1030, 600, 54], [1140, 500, 40], [1180, 660, 48]];
  for (const [x, y] of heads) stems += D`M${x + R(-30, 30)} 700Q${x - 10} ${y + 60} ${x} ${y}`;
  const rows = [];
  for (let k = 0; k < 24; k++) {
    const t = (k + 1) / 24, y = hz + 6 + (H - hz) * t ** 1.7, sz = 2 + 8 * t ** 1.5, gap = 5 + 26 * t ** 1.5;
    rows.push(path(D`M0 ${y}H1200`, 'none', { stroke: k % 2 ? '#93abea' : C.flax, 'stroke-width': sz, 'stroke-dasharray': `0 ${fmt(gap)}`, 'stroke-dashoffset': fmt(R(0, gap)) }));
  }
  return [
    sky('#88b8d6', '#eef0e4'),
    cloud(160, 150, 200), cloud(820, 120, 240, C.white, 0.8),
    bushes(hz - 4, 10, 22, '#7d9a84', -20, 1220, hz + 4), firs(hz, 14, 34, '#5e806f', 380, 640, hz + 4),
    rect(880, hz - 34, 44, 30, C.cream), poly([[874, hz - 33], [902, hz - 52], [930, hz - 33]], C.roof),
    rect(0, hz, W, H - hz, lin([[0, '#a6b7e2'], [0.4, '#7f97cf'], [1, '#5c7f6c']])),
    ...rows,
    stroke(stems, '#4f7d42', 4),
    ...heads.map(([x, y, r], i) => flower(x, y, r, i % 3 ? '#7f9fe8' : '#6384d6')),
    stroke('M570 700Q575 590 585 545M720 700Q700 600 730 580', '#4f7d42', 3.5), ell(585, 538, 7, 12, '#7a9ad8'), ell(731, 573, 6, 10, '#5f7fcb'),
  ];
}

function tractorField() {
  const hz = 330, track = 505, gy = 545;
  let furrows = '';
  for (let k = 1; k < 20; k++) { const y = hz + (track - hz) * (k / 20) ** 1.5; furrows += D`M0 ${y}H1200`; }
  let near = '';
  for (let y = track + 8; y < gy; y += 9) near += D`M760 ${y}H1200`;
  let stubble = '';
  for (let i = 0; i < 140; i++) { const x = R(0, W), y = R(gy + 10, H), h = 4 + ((y - gy) / 130) * 10; if (x < 720 || y > 560) stubble += D`M${x} ${y}l2 ${-h}`; }
  return [
    sky('#94bfd6', '#f3e8cf'),
    sun(220, 140, 46),
    cloud(700, 150, 210, C.white, 0.8),
    path(`M0 ${hz}Q300 ${hz - 40} 700 ${hz - 10}T1200 ${hz - 20}V${hz + 6}H0Z`, '#9fb68b'),
    bushes(hz - 2, 10, 24, '#5f805c', 620, 1000, hz + 4),
    rect(180, hz - 40, 70, 36, C.cream), poly([[172, hz - 38], [215, hz - 66], [258, hz - 38]], C.roof),
    rect(0, hz, W, track - hz, '#7a5238'), stroke(furrows, '#5b3a27', 3),
    rect(0, track, W, H - track, '#d9c48d'), path(D`M720 ${track}H1200V${gy + 8}H720Z`, '#7a5238'), stroke(near, '#5b3a27', 3),
    stroke(stubble, '#b99c5e', 2.5),
    // plough
    stroke('M740 470L800 500H940', C.greyDk, 8), ...[820, 870, 920].map((x) => path(D`M${x} 500l-16 40h22z`, C.greyDk)),
    // tractor
    path('M428 420Q428 405 444 405H620V486H428Z', C.red), rect(428, 430, 14, 40, '#3a2a2a'),
    winGrid(470, 418, 5, 1, 20, 8, 8, 0, C.redDk),
    rect(602, 330, 8, 80, C.ink), rect(598, 320, 16, 14, C.ink),
    rect(620, 300, 130, 190, C.red), rect(612, 292, 146, 14, C.white, { rx: 3 }),
    rect(634, 316, 48, 90, '#bcd8e6'), rect(690, 316, 48, 90, '#a7c8d9'),
    figure({ x: 668, y: 392, s: 36, f: -1, col: C.ink, skin: C.skin, arms: [[60, 20], [70, 20]], legs: [[80, -80], [80, -80]] }).svg,
    path('M600 486A80 80 0 0 1 760 486Z', C.redDk),
    wheel(680, 480, 66, '#2a2a2c', C.red), circ(680, 480, 66, 'none', { stroke: '#1d1d1f', 'stroke-width': 10, 'stroke-dasharray': '10 9' }),
    wheel(470, 506, 40, '#2a2a2c', C.red), circ(470, 506, 40, 'none', { stroke: '#1d1d1f', 'stroke-width': 8, 'stroke-dasharray': '8 7' }),
    ...[[850, 440, 12], [900, 410, 10], [960, 450, 13], [1010, 420, 9], [1060, 460, 11]].map(([x, y, s]) => bird(x, y, s, C.white)),
  ];
}

function cityTram() {
  const street = 470;
  const facade = (x, w, h, col, win) => rect(x, street - h, w, h, col) + rect(x - 4, street - h, w + 8, 10, shade(col, -0.12))
    + winGrid(x + 18, street - h + 30, Math.floor((w - 18) / 44), Math.floor((h - 80) / 56), 26, 36, 18, 20, win);
  const tram = [
    rect(110, 348, 990, 10, C.grey, { rx: 4 }),
    path('M110 360H1040Q1094 360 1100 420V528H110Z', C.white),
    path('M110 470H1100V528H110Z', C.red),
    path('M130 378H1038Q1070 380 1080 420V448H130Z', '#2f3e50'),
    path('M1046 380Q1076 384 1086 430L1094 470H1050Z', '#3d5166'),
    stroke('M250 378V448M390 378V448M600 378V448M700 378V448M900 378V448', C.white, 8),
    ...[180, 460, 770, 970].map((x) => rect(x, 392, 56, 134, '#4b6178') + line(x + 28, 392, x + 28, 526, C.white, 3)),
    rect(432, 356, 12, 172, C.ink), rect(742, 356, 12, 172, C.ink),
    stroke('M110 488H1100', C.white, 5),
  ].join('');
  return [
    sky('#93c0d8', '#eaeee4'),
    cloud(520, 110, 200, C.white, 0.8),
    facade(-10, 260, 300, C.sand, '#6f8fa4'), facade(250, 240, 250, '#e9c89a', '#6f8fa4'), facade(490, 280, 330, C.cream, '#6f8fa4'),
    facade(770, 220, 260, '#c8d3d2', '#5f7d92'), facade(990, 230, 310, C.brickLt, '#f2e1c0'),
    rect(0, street, W, 40, C.stone),
    leafy(70, street + 10, 180, C.leaf), leafy(1140, street + 10, 190, C.leaf),
    rect(0, street + 40, W, H - street - 40, '#747c82'),
    stroke('M0 300H1200', C.ink, 2), stroke('M20 300V510M1180 300V510', C.greyDk, 7),
    stroke('M560 300L600 330L640 300M570 330H630', C.ink, 3), line(600, 330, 600, 348, C.ink, 4),
    tram,
    ...[220, 300, 810, 890].map((x) => circ(x, 534, 16, C.ink)),
    rect(0, 548, W, 6, '#9aa2a7'), rect(0, 566, W, 6, '#9aa2a7'),
    stroke('M60 630H180M320 630H440M580 630H700M840 630H960M1100 630H1220', C.white, 6),
  ];
}

function volunteersPark() {
  const gy = 560;
  const sapling = (x, by, h, stake = true) => (stake ? line(x + 10, by, x + 10, by - h * 0.8, C.woodLt, 4) : '')
    + line(x, by, x, by - h, C.woodDk, 3.5) + path(D`M${x - h * 0.25} ${by - h * 0.7}q${h * 0.25} ${-h * 0.5} ${h * 0.5} 0q${-h * 0.25} ${h * 0.3} ${-h * 0.5} 0z`, C.leaf)
    + ell(x, by - h * 0.95, h * 0.14, h * 0.2, C.lime) + ell(x, by + 2, h * 0.35, 7, C.woodDk);
  const shaft = [[352, 392], [468, gy]], at = (t) => [shaft[0][0] + (shaft[1][0] - shaft[0][0]) * t, shaft[0][1] + (shaft[1][1] - shaft[0][1]) * t];
  const digger = figure({ x: 350, y: 462, s: 88, f: 1, lean: 32, top: C.red, legCol: C.navy, skin: C.skin, hair: C.hair, legs: [[-18, -6], [24, -30]], arms: [{ to: at(0.12), bend: 'd' }, { to: at(0.45), bend: 'd' }] });
  const kneeler = figure({ x: 640, y: 506, s: 84, f: 1, lean: 26, top: C.white, legCol: C.ink, skin: C.skin, hair: C.gold, ponytail: C.gold, legs: [{ to: [586, gy - 4], bend: 'd' }, { to: [700, gy - 2], bend: 'u' }], arms: [{ to: [762, 516], bend: 'd' }, { to: [768, 490], bend: 'd' }] });
  const waterer = figure({ x: 930, y: 452, s: 90, f: 1, lean: 6, top: C.teal, legCol: C.ink, skin: C.skinDk, hair: C.ink, legs: [[-8, -4], [12, -8]], arms: [[-10, 20], [55, -10]] });
  const [cx, cy] = waterer.hands[1];
  return [
    sky('#97c8df', '#eef2e2'),
    cloud(150, 130, 200), cloud(860, 90, 160, C.white, 0.8),
    bushes(360, 30, 60, '#82a878', -20, 1220, 420), bushes(395, 22, 44, '#6f9a64', -20, 1220, 430),
    leafy(80, 440, 300, C.green), leafy(1130, 430, 320, C.green), leafy(240, 420, 170, C.leaf),
    rect(0, 420, W, H - 420, lin([[0, C.meadow], [1, '#6f9654']])),
    path('M-10 470Q600 440 1210 468V486Q600 458 -10 490Z', C.sand),
    sapling(170, 480, 60), sapling(1040, 482, 64), sapling(560, 466, 46),
    ell(476, gy, 56, 11, C.woodDk), path(D`M430 ${gy + 4}q24 -30 70 -12l12 14z`, '#6b4a33'),
    line(...shaft[0], ...shaft[1], C.woodDk, 7), path(D`M458 ${gy - 16}l30 -10l10 30l-24 12z`, C.greyDk), digger.svg,
    sapling(766, gy, 110, false), ell(766, gy + 2, 46, 10, '#6b4a33'), kneeler.svg,
    path(D`M${cx - 12} ${cy - 34}h52v46h-52zM${cx + 40} ${cy - 22}l46 30l-5 7l-41 -21z`, C.ochre), stroke(D`M${cx - 6} ${cy - 34}q20 -28 42 0`, C.ochre, 6),
    dots([[cx + 94, cy + 26], [cx + 102, cy + 46], [cx + 90, cy + 54], [cx + 108, cy + 70], [cx + 98, cy + 82]], '#5b9fc2', 7),
    sapling(cx + 104, gy, 100), waterer.svg,
    path('M110 620h130l-22 44h-96zM92 620l-40 -24', C.greyDk), path('M120 620q45 -34 110 0z', '#6b4a33'), circ(140, 666, 16, C.ink),
    dots(Array.from({ length: 30 }, () => [R(0, W), R(590, H)]), C.white, 6), dots(Array.from({ length: 20 }, () => [R(0, W), R(590, H)]), C.gold, 6),
  ];
}

function palaceNesvizh() {
  const wall = '#eedfbb', wallDk = '#d8c59b', roof = C.roof, dome = '#4f7565';
  const cupola = (cx, top, w, h) => path(D`M${cx - w / 2} ${top}C${cx - w / 2} ${top - h * 0.5} ${cx - w * 0.12} ${top - h * 0.5} ${cx - w * 0.08} ${top - h * 0.75}H${cx + w * 0.08}C${cx + w * 0.12} ${top - h * 0.5} ${cx + w / 2} ${top - h * 0.5} ${cx + w / 2} ${top}Z`, dome)
    + line(cx, top - h * 0.75, cx, top - h, dome, 4) + circ(cx, top - h, 4, C.gold);
  const tower = (x, w, top, base, h) => rect(x, top, w, base - top, wall) + rect(x + w * 0.68, top, w * 0.32, base - top, wallDk)
    + rect(x - 4, top - 8, w + 8, 10, C.white) + winGrid(x + w * 0.3, top + 24, 1, Math.floor((base - top - 40) / 50), w * 0.3, 30, 0, 20, C.navy) + cupola(x + w / 2, top - 8, w + 10, h);
  return [
    sky('#7fb0d0', '#eef0e6'),
    cloud(80, 150, 200, C.white, 0.8), cloud(980, 110, 150, C.white, 0.7),
    bushes(400, 26, 50, '#5f8a5e', -20, 1220, 460),
    // horseshoe of taller wings around the courtyard
    rect(330, 260, 540, 170, wall), poly([[318, 262], [882, 262], [850, 222], [350, 222]], roof),
    winGrid(356, 290, 11, 2, 22, 34, 24, 26, C.navy), poly([[520, 262], [680, 262], [600, 212]], C.white), poly([[540, 258], [660, 258], [600, 224]], wall),
    poly([[160, 300], [330, 270], [330, 440], [160, 450]], wallDk), poly([[150, 302], [340, 268], [340, 244], [170, 282]], shade(roof, -0.15)),
    poly([[1040, 300], [870, 270], [870, 440], [1040, 450]], wallDk), poly([[1050, 302], [860, 268], [860, 244], [1030, 282]], shade(roof, -0.15)),
    tower(120, 80, 280, 470, 110), tower(1000, 80, 280, 470, 110), tower(300, 60, 230, 430, 80), tower(840, 60, 230, 430, 80),
    // courtyard seen over the low front gallery
    poly([[200, 440], [1000, 440], [1040, 456], [160, 456]], '#d9cfb5'),
    rect(150, 430, 900, 90, wall), rect(146, 424, 908, 12, roof),
    arches(Array.from({ length: 14 }, (_, i) => [172 + i * 62 + (i > 6 ? 110 : 0) - (i > 6 ? 60 : 0), 458]), 30, 52, '#7e6a4a'),
    // gate tower
    rect(530, 300, 140, 220, wall), rect(625, 300, 45, 220, wallDk), rect(522, 292, 156, 12, C.white),
    rect(530, 380, 140, 8, C.white), arches([[566, 428]], 68, 92, '#3a3128'), arches([[582, 320]], 36, 48, C.navy),
    path('M522 292C522 230 580 240 588 196H612C620 240 678 230 678 292Z', dome), rect(588, 172, 24, 26, wall), path('M584 174Q600 140 616 174Z', dome),
    line(600, 150, 600, 110, C.gold, 4), circ(600, 108, 5, C.gold),
    // earth bank, moat and bridge
    path('M0 520H1200V548H0Z', '#6f9458'),
    water(548, '#6f9cb2', '#3d6d86'),
    ripples(40, 0, W, 556, H, '#d7e8ee', 3, { opacity: 0.5 }),
    path('M560 520H640L700 675H500Z', C.stoneDk), path('M560 520H640L646 536H554Z', shade(C.stoneDk, -0.15)),
    stroke('M556 520L494 675M644 520L706 675', C.stone, 8),
    path('M0 600Q140 590 260 675H0ZM1200 590Q1040 600 960 675H1200Z', '#6f9458'),
    reeds(0, 200, 660, 110, '#4f7748', 14), reeds(1000, 1200, 665, 110, '#4f7748', 14),
  ];
}

/** Runs of "stitched" cells (where on(c, r) is true) as one path; u is the cell size. */
function stitches(cols, rows, u, on, x0 = 0, y0 = 0) {
  let d = '';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols;) {
      if (!on(c, r)) { c++; continue; }
      let e = c;
      while (e < cols && on(e, r)) e++;
      d += D`M${x0 + c * u} ${y0 + r * u}h${(e - c) * u}v${u}h${(c - e) * u}z`;
      c = e;
    }
  }
  return d;
}

function folkEmbroidery() {
  const u = 8, red = C.red;
  const rhombus = (dx, dy) => { const s = Math.abs(dx) + Math.abs(dy); return s === 15 || s === 16 || s === 11 || (s <= 6 && s !== 3) || ((dx === 0 || dy === 0) && s >= 8 && s <= 10) || (Math.abs(dx) === Math.abs(dy) && s >= 18 && s <= 20); };
  const star = (dx, dy) => {
    const ax = Math.abs(dx), ay = Math.abs(dy), s = ax + ay;
    if (s <= 2) return s !== 1;
    if (ax === 0 || ay === 0 || ax === ay) return false;
    return (Math.max(ax, ay) <= 11 || s <= 15) && s <= 17;
  };
  const big = pattern(72 * u, 36 * u, path(stitches(72, 36, u, (c, r) => (c < 36 ? rhombus(c - 17.5 + 0.5, r - 17) : star(c - 53.5 + 0.5, r - 17))), red), { x: 600 - 18 * u, y: 176 });
  const zig = pattern(12 * u, 8 * u, path(stitches(12, 8, u, (c, r) => r === 1 + Math.abs(c - 6) - 0 || (Math.min(c, 12 - c) + Math.abs(r - 2) <= 1 && r < 4)), red), { x: 0, y: 78 });
  const small = pattern(10 * u, 7 * u, path(stitches(10, 7, u, (c, r) => { const s = Math.abs(c - 5) + Math.abs(r - 3); return s === 3 || s === 0 || (c === 0 && r === 3); }), red), { x: 0, y: 504 });
  const fringe = pattern(12, 60, stroke('M6 0V52', C.linen, 4) + rect(3, 8, 6, 6, red), { x: 0, y: 612 });
  return [
    rect(0, 0, W, H, lin([[0, '#6d5546'], [1, '#4e3b30']])),
    rect(0, 28, W, 590, '#2e2520', { opacity: 0.25 }),
    rect(0, 20, W, 592, C.linen),
    stroke(Array.from({ length: 36 }, (_, i) => D`M0 ${36 + i * 16.2}H1200`).join(''), '#e6dcc8', 1),
    rect(0, 48, W, 8, red), rect(0, 150, W, 8, red), rect(0, 78, W, 64, zig),
    rect(0, 176, W, 36 * u, big),
    rect(0, 480, W, 8, red), rect(0, 576, W, 8, red), rect(0, 504, W, 56, small),
    rect(0, 612, W, 60, fringe),
  ];
}

function strawWeaving() {
  const straw = C.gold, strawDk = '#b5862f', strawLt = '#f3d47c', thread = C.red;
  const fanLines = (x, y, r, a0, a1, n) => { let d = ''; for (let i = 0; i <= n; i++) { const a = a0 + ((a1 - a0) * i) / n; d += D`M${x} ${y}L${x + Math.cos(a) * r} ${y + Math.sin(a) * r}`; } return d; };
  const doll = (x, by, h) => {
    const k = h / 330, waist = by - 230 * k, neck = by - 290 * k, hy = by - 318 * k;
    let lines = '';
    for (let i = -6; i <= 6; i++) lines += D`M${x + i * 4 * k} ${waist}L${x + i * 17 * k} ${by}`;
    for (let i = -2; i <= 2; i++) lines += D`M${x + i * 5 * k} ${neck}L${x + i * 6 * k} ${waist}`;
    return [
      path(D`M${x - 28 * k} ${waist}H${x + 28 * k}L${x + 115 * k} ${by}H${x - 115 * k}Z`, straw),
      path(D`M${x - 20 * k} ${neck}H${x + 20 * k}L${x + 26 * k} ${waist}H${x - 26 * k}Z`, straw),
      stroke(D`M${x - 110 * k} ${neck + 28 * k}H${x + 110 * k}`, straw, 22 * k), stroke(lines, strawDk, 2.2 * k),
      stroke(fanLines(x - 110 * k, neck + 28 * k, 26 * k, 2.6, 3.7, 5) + fanLines(x + 110 * k, neck + 28 * k, 26 * k, -0.55, 0.55, 5), straw, 3 * k),
      circ(x, hy, 34 * k, straw), stroke(D`M${x - 20 * k} ${hy - 26 * k}Q${x} ${hy + 10 * k} ${x + 20 * k} ${hy - 26 * k}M${x - 30 * k} ${hy}Q${x} ${hy + 30 * k} ${x + 30 * k} ${hy}`, strawDk, 2.2 * k),
      stroke(D`M${x - 18 * k} ${neck}h${36 * k}M${x - 28 * k} ${waist}h${56 * k}M${x - 96 * k} ${neck + 18 * k}v${20 * k}M${x + 96 * k} ${neck + 18 * k}v${20 * k}`, thread, 6 * k),
      stroke(D`M${x - 40 * k} ${by - 40 * k}H${x + 40 * k}`, strawLt, 3 * k, { opacity: 0.8 }),
    ].join('');
  };
  const bird = (cx, cy, k) => {
    const body = [[-96, -30], [-70, -52], [-40, -36], [10, -26], [60, -12], [80, 4], [40, 30], [-20, 36], [-70, 14]].map(([a, b]) => [cx + a * k, cy + b * k]);
    return [
      path(D`M${cx + 60 * k} ${cy}L${cx + 180 * k} ${cy - 150 * k}Q${cx + 230 * k} ${cy - 60 * k} ${cx + 200 * k} ${cy + 40 * k}Z`, straw),
      stroke(fanLines(cx + 60 * k, cy, 170 * k, -0.9, 0.2, 9), strawDk, 2.2 * k),
      path(D`M${cx - 20 * k} ${cy - 30 * k}L${cx - 150 * k} ${cy - 200 * k}Q${cx - 40 * k} ${cy - 250 * k} ${cx + 70 * k} ${cy - 190 * k}Z`, strawLt),
      stroke(fanLines(cx - 20 * k, cy - 30 * k, 200 * k, -2.2, -1.25, 9), strawDk, 2.2 * k),
      path(smooth(body, true), straw), stroke(D`M${cx - 60 * k} ${cy - 20 * k}Q${cx} ${cy + 10 * k} ${cx + 70 * k} ${cy}M${cx - 40 * k} ${cy + 10 * k}Q${cx + 10 * k} ${cy + 24 * k} ${cx + 50 * k} ${cy + 14 * k}`, strawDk, 2.2 * k),
      poly([[cx - 92 * k, cy - 40 * k], [cx - 128 * k, cy - 30 * k], [cx - 94 * k, cy - 24 * k]], strawDk), circ(cx - 74 * k, cy - 38 * k, 4 * k, C.ink),
      stroke(D`M${cx - 46 * k} ${cy - 44 * k}l${-4 * k} ${40 * k}M${cx + 62 * k} ${cy - 16 * k}l${6 * k} ${24 * k}`, thread, 6 * k),
    ].join('');
  };
  const pavuk = (x, y, r) => {
    const o = [[x, y - r], [x + r * 0.8, y], [x, y + r], [x - r * 0.8, y]], c = [x + r * 0.25, y - r * 0.05];
    return stroke(polyline([...o, o[0]]) + o.map((p) => D`M${c[0]} ${c[1]}L${p[0]} ${p[1]}`).join('') + D`M${o[3][0]} ${o[3][1]}L${o[1][0]} ${o[1][1]}`, straw, 4)
      + dots(o, thread, 9);
  };
  return [
    rect(0, 0, W, H, lin([[0, '#2c5146'], [1, '#203b34']])),
    circ(600, 300, 420, '#3c6a5a', { opacity: 0.35 }),
    stroke('M868 0V198M1110 0V84M140 0V90', C.linen, 2, { opacity: 0.7 }), pavuk(1110, 150, 66), pavuk(140, 150, 60),
    rect(0, 560, W, 115, C.linen), rect(0, 560, W, 8, '#d9cdb4'), rect(0, 600, W, 10, C.red), rect(0, 640, W, 10, C.red),
    stroke(Array.from({ length: 50 }, (_, i) => D`M${i * 24 + 6} 614l6 10l6 -10`).join(''), C.red, 4),
    ell(320, 566, 130, 10, '#000', { opacity: 0.15 }), ell(560, 566, 80, 8, '#000', { opacity: 0.15 }),
    doll(320, 562, 360), doll(560, 562, 230),
    bird(800, 390, 1.0),
  ];
}

/** Faces of a rhombicuboctahedron (24 vertices, 18 squares, 8 triangles). */
function rhombicuboctahedron() {
  const b = 1 + Math.SQRT2, V = [];
  for (const axis of [0, 1, 2]) for (const sx of [-1, 1]) for (const sy of [-1, 1]) for (const sz of [-1, 1]) {
    const v = [sx, sy, sz]; v[axis] *= b; V.push(v);
  }
  const N = [];
  for (const a of [0, 1, 2]) for (const s of [-1, 1]) { const n = [0, 0, 0]; n[a] = s; N.push(n); }
  for (const [a, c] of [[0, 1], [1, 2], [0, 2]]) for (const s of [-1, 1]) for (const t of [-1, 1]) { const n = [0, 0, 0]; n[a] = s; n[c] = t; N.push(n); }
  for (const sx of [-1, 1]) for (const sy of [-1, 1]) for (const sz of [-1, 1]) N.push([sx, sy, sz]);
  const dot = (p, q) => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
  return N.map((n) => {
    const m = Math.max(...V.map((v) => dot(v, n))), f = V.filter((v) => dot(v, n) > m - 1e-6);
    const c = [0, 1, 2].map((i) => f.reduce((s, v) => s + v[i], 0) / f.length);
    const ln = Math.hypot(...n), nn = n.map((x) => x / ln), e1 = f[0].map((x, i) => x - c[i]);
    const e2 = [nn[1] * e1[2] - nn[2] * e1[1], nn[2] * e1[0] - nn[0] * e1[2], nn[0] * e1[1] - nn[1] * e1[0]];
    f.sort((p, q) => Math.atan2(dot(p.map((x, i) => x - c[i]), e2), dot(p.map((x, i) => x - c[i]), e1)) - Math.atan2(dot(q.map((x, i) => x - c[i]), e2), dot(q.map((x, i) => x - c[i]), e1)));
    return { n: nn, v: f };
  });
}

function libraryMinsk() {
  const yaw = 0.42, pitch = -0.12, S = 64, cx = 600, cy = 300;
  const rot = ([x, y, z]) => {
    const x1 = x * Math.cos(yaw) + z * Math.sin(yaw), z1 = -x * Math.sin(yaw) + z * Math.cos(yaw);
    return [x1, y * Math.cos(pitch) - z1 * Math.sin(pitch), y * Math.sin(pitch) + z1 * Math.cos(pitch)];
  };
  const scr = (p) => { const q = rot(p); return [cx + q[0] * S, cy - q[1] * S]; };
  const glow = ['#3aa7c9', '#4f8fd8', '#6a6fd0', '#8a5cc4', '#2fb3a5'];
  let faces = '', lines = '', edges = '';
  for (const { n, v } of rhombicuboctahedron()) {
    const rn = rot(n);
    if (rn[2] <= 0.02) continue;
    const light = 0.55 + 0.45 * Math.max(0, rn[0] * -0.5 + rn[1] * 0.4 + rn[2] * 0.75);
    const base = glow[Math.abs(Math.round(n[0] * 2 + n[1] * 3 + n[2] * 1.5)) % glow.length];
    faces += path(polyline(v.map(scr)) + 'Z', shade(base, (light - 0.8) * 0.8));
    edges += polyline(v.map(scr)) + 'Z';
    for (let y = -2.2; y < 2.5; y += 0.55) {
      const hits = [];
      v.forEach((p, i) => { const q = v[(i + 1) % v.length]; if ((p[1] - y) * (q[1] - y) < 0) { const t = (y - p[1]) / (q[1] - p[1]); hits.push(scr(p.map((a, k) => a + (q[k] - a) * t))); } });
      if (hits.length === 2) lines += D`M${hits[0][0]} ${hits[0][1]}L${hits[1][0]} ${hits[1][1]}`;
    }
  }
  return [
    sky('#0b1430', '#2d3f6a', '#16244a'),
    stars(110, 0, 0, W, 380),
    moon(1040, 100, 34),
    circ(cx, cy, 280, '#4f8fd8', { opacity: 0.07 }), circ(cx, cy, 210, '#6fc1e0', { opacity: 0.08 }),
    path('M0 480L120 450L200 462L300 430L360 450V500H0ZM840 450L900 420L980 440L1080 410L1200 440V500H840Z', '#1d2a48'),
    winGrid(20, 468, 8, 1, 14, 8, 30, 0, '#f2d48a', null, { opacity: 0.6 }), winGrid(880, 452, 8, 2, 14, 8, 26, 12, '#f2d48a', null, { opacity: 0.6 }),
    faces, stroke(lines, '#d9f3ff', 2, { opacity: 0.55 }), stroke(edges, '#e8f7ff', 2.5, { opacity: 0.85 }),
    // the podium that wraps the lower part of the building
    poly([[300, 420], [900, 420], [960, 470], [240, 470]], '#3a4a6e'), rect(240, 470, 720, 86, '#2c3a5a'),
    winGrid(262, 486, 21, 2, 20, 16, 13.2, 14, '#f4d58d'),
    rect(0, 556, W, 119, lin([[0, '#27365a'], [1, '#141e36']])),
    path('M420 556h360l120 119H300z', '#34466e', { opacity: 0.6 }),
    ...[120, 330, 870, 1080].map((x) => lamp(x, 650, 120, '#0e1626', C.sunPale)),
  ];
}

function passengerBoat(x, wl, L, hull = C.white, stripe = C.navy, awning = C.red) {
  const h = L * 0.09;
  return [
    path(D`M${x} ${wl - h}H${x + L}Q${x + L + L * 0.07} ${wl - h * 1.2} ${x + L + L * 0.08} ${wl - h * 1.5}L${x + L * 0.9} ${wl}H${x + L * 0.05}Z`, hull),
    rect(x + L * 0.02, wl - h * 0.55, L * 0.96, h * 0.22, stripe),
    rect(x + L * 0.12, wl - h * 2.1, L * 0.72, h * 1.1, C.cream), winGrid(x + L * 0.15, wl - h * 1.9, 9, 1, L * 0.06, h * 0.6, L * 0.013, 0, '#5b7f98'),
    stroke(D`M${x + L * 0.14} ${wl - h * 2.1}V${wl - h * 3}M${x + L * 0.5} ${wl - h * 2.1}V${wl - h * 3}M${x + L * 0.82} ${wl - h * 2.1}V${wl - h * 3}`, C.greyDk, 3),
    stripes(x + L * 0.1, wl - h * 3.3, L * 0.76, h * 0.4, 14, awning, C.white),
  ].join('');
}

function riverBoats() {
  const hz = 360;
  const arch = (x, w, h) => D`M${x} ${hz}V${hz - h * 0.4}A${w / 2} ${h * 0.6} 0 0 1 ${x + w} ${hz - h * 0.4}V${hz}Z`;
  const spans = [40, 270, 500, 730, 960], bridgeArches = spans.map((x) => arch(x, 180, 70)).join('');
  const vaults = spans.map((x) => D`M${x} ${hz - 28}A90 42 0 0 1 ${x + 180} ${hz - 28}`).join('');
  const rowboat = (x, wl) => path(D`M${x} ${wl - 14}H${x + 90}L${x + 78} ${wl}H${x + 10}Z`, C.woodLt) + figure({ x: x + 45, y: wl - 18, s: 26, f: -1, lean: -15, top: C.red, skin: C.skin, legs: [{ to: [x + 22, wl - 14], bend: 'u' }, { to: [x + 20, wl - 14], bend: 'u' }], arms: [{ to: [x + 30, wl - 30] }, { to: [x + 32, wl - 28] }] }).svg + line(x + 30, wl - 28, x + 100, wl + 8, C.woodDk, 3);
  const boats = passengerBoat(360, 520, 360) + passengerBoat(820, 420, 180, C.white, C.teal, C.navy);
  return [
    sky('#93c1da', '#f2e6cf'),
    cloud(120, 120, 190, C.white, 0.8), cloud(760, 80, 230, C.white, 0.7),
    bushes(hz - 90, 20, 40, '#6f9068', -20, 1220, hz),
    rect(880, 200, 60, 80, C.cream), path('M876 202Q910 150 944 202Z', '#4f7565'), line(910, 176, 910, 150, C.gold, 3),
    rect(120, 230, 120, 60, C.sand), poly([[110, 232], [180, 200], [250, 232]], C.roof),
    water(hz - 40, '#9cc3d2', '#3f7088', H - hz + 40),
    // stone bridge with five arches (the water shows through them)
    path(D`M-10 ${hz - 110}H1210V${hz}H-10Z` + bridgeArches, C.stone, { 'fill-rule': 'evenodd' }),
    stroke(vaults, C.stoneDk, 12), rect(-10, hz - 118, 1220, 12, C.stoneDk), winGrid(0, hz - 130, 60, 1, 6, 12, 14, 0, C.stoneDk),
    g(path(D`M-10 ${hz}H1210V${hz - 60}H-10Z` + bridgeArches, C.stone, { 'fill-rule': 'evenodd' }), { transform: D`matrix(1 0 0 -0.9 0 ${hz * 1.9})`, opacity: 0.3 }),
    ripples(40, 0, W, hz + 30, H, '#e1eef2', 3, { opacity: 0.55 }),
    path('M-10 420Q120 440 200 675H-10ZM1210 470Q1080 520 1010 675H1210Z', '#6f9458'),
    leafy(60, 470, 220, C.green), leafy(1150, 520, 240, C.green), lamp(170, 560, 110), lamp(1060, 600, 110),
    boats, g(boats, { transform: D`matrix(1 0 0 -0.5 0 ${520 * 1.5})`, opacity: 0.15 }),
    rowboat(700, 610),
  ];
}

/** A side-view bicycle on the ground line gy; returns svg and the saddle, bars and pedal points. */
function bicycle(x, gy, s, col = C.red, f = 1, phase = 0.6) {
  const r = s * 0.36, rear = [x - f * s * 0.56, gy - r], front = [x + f * s * 0.56, gy - r], bb = [x - f * s * 0.04, gy - r * 0.9];
  const seat = [x - f * s * 0.2, gy - r - s * 0.58], head = [x + f * s * 0.4, gy - r - s * 0.55];
  const cr = s * 0.16, p1 = [bb[0] + Math.cos(phase) * cr, bb[1] + Math.sin(phase) * cr], p2 = [bb[0] - Math.cos(phase) * cr, bb[1] - Math.sin(phase) * cr];
  const svg = circ(...rear, r, 'none', { stroke: C.ink, 'stroke-width': s * 0.05 }) + circ(...front, r, 'none', { stroke: C.ink, 'stroke-width': s * 0.05 })
    + stroke(polyline([rear, bb, seat, rear]) + polyline([bb, head, front]) + polyline([seat, head]), col, s * 0.045)
    + stroke(polyline([[seat[0] - f * s * 0.1, seat[1] - s * 0.05], [seat[0] + f * s * 0.06, seat[1] - s * 0.05]]) + polyline([head, [head[0] - f * s * 0.02, head[1] - s * 0.12], [head[0] + f * s * 0.08, head[1] - s * 0.12]]), C.ink, s * 0.045)
    + stroke(polyline([p1, p2]), C.greyDk, s * 0.035);
  return { svg, saddle: [seat[0], seat[1] - s * 0.06], bars: [head[0] + f * s * 0.06, head[1] - s * 0.12], pedals: [p2, p1] };
}
function cyclist(x, gy, s, shirt, bikeCol, f = 1, o = {}) {
  const b = bicycle(x, gy, s, bikeCol, f, o.phase ?? 0.6);
  const rider = figure({ x: b.saddle[0] - f * s * 0.02, y: b.saddle[1] - s * 0.04, s: s * 0.62, f, lean: 42, top: shirt, legCol: o.legs || C.ink, skin: C.skin, hat: o.helmet || C.white, hair: o.hair,
    legs: b.pedals.map((p) => ({ to: p, bend: 'f' })), arms: [{ to: b.bars, bend: 'd' }, { to: b.bars, bend: 'd' }] });
  return b.svg + rider.svg;
}

function cyclingPath() {
  const autumn = ['#e3b24a', '#d9a03a', '#c9c062', '#e8c25e'];
  const back = [], front = [];
  for (let x = -20; x < W + 40; x += R(80, 120)) back.push([x, R(420, 440), R(250, 320), pick(autumn), R(-10, 10)]);
  for (const [x, h] of [[40, 640], [200, 560], [1010, 600], [1150, 660]]) front.push([x, 675, h, pick(autumn), R(-20, 20)]);
  let leaves = '';
  for (let i = 0; i < 70; i++) leaves += D`M${R(0, W)} ${R(440, 675)}h0`;
  return [
    sky('#9fc6dc', '#f3ead4'),
    bushes(400, 20, 40, '#b9b86a', -20, 1220, 440),
    g(birches(back, 0.6), { opacity: 0.75 }),
    rect(0, 430, W, H - 430, lin([[0, '#a7ad62'], [1, '#7e9150']])),
    path('M-10 520Q400 470 700 480T1210 470V530Q900 540 700 545T-10 600Z', C.sand),
    stroke('M-10 560Q400 510 700 512T1210 500', '#d8c38f', 3, { 'stroke-dasharray': '18 16' }),
    cyclist(880, 522, 130, C.teal, C.navy, -1, { phase: 2.2, helmet: C.white }),
    cyclist(420, 560, 170, C.red, C.ink, -1, { phase: 0.4, helmet: C.gold, hair: C.hair }),
    stroke(leaves, C.gold, 7, { opacity: 0.9 }),
    birches(front),
  ];
}

function oldTownHrodna() {
  const street = 520;
  const cap = (cx, y, w, col = '#4f7565') => path(D`M${cx - w / 2} ${y}C${cx - w / 2} ${y - w * 0.5} ${cx - w * 0.1} ${y - w * 0.45} ${cx - w * 0.06} ${y - w * 0.8}H${cx + w * 0.06}C${cx + w * 0.1} ${y - w * 0.45} ${cx + w / 2} ${y - w * 0.5} ${cx + w / 2} ${y}Z`, col)
    + stroke(D`M${cx} ${y - w * 0.8}V${y - w * 1.15}M${cx - w * 0.1} ${y - w * 1.02}H${cx + w * 0.1}`, C.gold, 3);
  const tower = (cx, base, w, h) => {
    let s = '', y = base;
    for (const [k, th] of [[1, 0.5], [0.8, 0.28], [0.6, 0.22]]) {
      const tw = w * k, hh = h * th;
      s += rect(cx - tw / 2, y - hh, tw, hh, C.white) + rect(cx + tw * 0.18, y - hh, tw * 0.32, hh, '#ddd6c6') + rect(cx - tw / 2 - 4, y - hh - 5, tw + 8, 8, C.cream)
        + arches([[cx - tw * 0.15, y - hh * 0.8]], tw * 0.3, hh * 0.5, C.slate);
      y -= hh + 3;
    }
    return s + cap(cx, y, w * 0.6);
  };
  const houses = [];
  const cols = ['#e8c27a', '#e7b3a0', '#b9cfb0', C.cream, '#b7c9d6', '#d88f6a', '#efd9a8', '#c9b4cf'];
  let x = -30, i = 0;
  while (x < W) {
    const w = R(140, 190), h = R(170, 240), col = cols[i % cols.length], top = street - h, type = i % 3;
    let gable;
    if (type === 0) gable = poly([[x, top], [x + w, top], [x + w / 2, top - w * 0.45]], col);
    else if (type === 1) gable = path(D`M${x + w * 0.12} ${top}C${x + w * 0.12} ${top - 40} ${x + w * 0.3} ${top - 30} ${x + w * 0.32} ${top - 60}H${x + w * 0.68}C${x + w * 0.7} ${top - 30} ${x + w * 0.88} ${top - 40} ${x + w * 0.88} ${top}Z`, col);
    else gable = '';
    houses.push(gable + rect(x, top, w, h, col) + (type === 2 ? rect(x - 4, top - 18, w + 8, 20, C.roof) : '') + rect(x, top - 4, w, 6, shade(col, -0.12))
      + winGrid(x + w * 0.16, top + 26, 3, Math.floor((h - 100) / 58), w * 0.16, 36, w * 0.1, 22, '#4d6a80')
      + (type === 0 ? circ(x + w / 2, top - w * 0.16, 9, '#4d6a80') : '')
      + arches([[x + w * 0.38, street - 62]], w * 0.24, 62, C.woodDk) + rect(x, street - 80, w, 4, shade(col, -0.1)));
    x += w; i++;
  }
  const cobbles = pattern(44, 22, path('M2 2h18v8H2zM24 2h18v8H24zM13 13h18v8H13zM-9 13h18v8H-9zM35 13h18v8H35z', '#8f877b'), { y: street });
  return [
    sky('#92bed8', '#f1e7d2'),
    cloud(980, 120, 170, C.white, 0.8), cloud(90, 90, 150, C.white, 0.7),
    // Farny-style twin-towered church and a domed church behind the roofs
    rect(430, 200, 140, 200, C.white), path('M430 204C430 160 470 170 478 140H522C530 170 570 160 570 204Z', C.white), arches([[482, 230]], 36, 70, C.slate), circ(500, 172, 12, C.slate),
    tower(400, 420, 80, 340), tower(600, 420, 80, 340),
    rect(880, 250, 140, 180, '#e9e4d6'), rect(912, 190, 76, 70, '#e9e4d6'), cap(950, 192, 90, '#6d8fb0'), cap(890, 254, 40, '#6d8fb0'), cap(1010, 254, 40, '#6d8fb0'),
    ...houses,
    rect(0, street, W, H - street, '#a89f91'), rect(0, street, W, H - street, cobbles),
    rect(0, street, W, 10, C.stoneDk),
    lamp(300, 600, 150), lamp(900, 620, 150),
    person(560, 610, 80, { shirt: C.red, legs: C.navy, hair: C.hair, skirt: C.navy }), person(600, 612, 84, { shirt: '#5f7d92', legs: C.ink, hair: C.ink }),
    person(760, 640, 60, { shirt: C.gold, legs: C.ink, hair: C.woodDk }),
  ];
}

function stork(x, y, s, flying = false) {
  if (flying) {
    return path(D`M${x - s} ${y}Q${x - s * 0.4} ${y - s * 0.5} ${x} ${y}Q${x + s * 0.4} ${y - s * 0.5} ${x + s} ${y}Q${x + s * 0.4} ${y - s * 0.15} ${x} ${y + s * 0.08}Q${x - s * 0.4} ${y - s * 0.15} ${x - s} ${y}Z`, C.white)
      + path(D`M${x - s} ${y}Q${x - s * 0.7} ${y - s * 0.25} ${x - s * 0.5} ${y - s * 0.22}L${x - s * 0.55} ${y - s * 0.08}ZM${x + s} ${y}Q${x + s * 0.7} ${y - s * 0.25} ${x + s * 0.5} ${y - s * 0.22}L${x + s * 0.55} ${y - s * 0.08}Z`, C.ink)
      + line(x, y, x - s * 0.7, y + s * 0.12, C.white, s * 0.08) + line(x - s * 0.7, y + s * 0.12, x - s * 0.95, y + s * 0.16, C.red, s * 0.05) + line(x + s * 0.1, y + s * 0.04, x + s * 0.8, y + s * 0.16, C.red, s * 0.03);
  }
  return path(D`M${x - s * 0.5} ${y}Q${x - s * 0.1} ${y - s * 0.35} ${x + s * 0.45} ${y - s * 0.2}Q${x + s * 0.3} ${y + s * 0.2} ${x - s * 0.5} ${y}Z`, C.white)
    + path(D`M${x - s * 0.5} ${y}Q${x - s * 0.1} ${y - s * 0.12} ${x + s * 0.3} ${y - s * 0.05}Q${x} ${y + s * 0.14} ${x - s * 0.5} ${y}Z`, C.ink)
    + stroke(D`M${x + s * 0.35} ${y - s * 0.18}Q${x + s * 0.5} ${y - s * 0.5} ${x + s * 0.42} ${y - s * 0.72}`, C.white, s * 0.12)
    + line(x + s * 0.44, y - s * 0.74, x + s * 0.78, y - s * 0.6, C.red, s * 0.06) + circ(x + s * 0.45, y - s * 0.75, s * 0.08, C.white);
}

function agroFarmstead() {
  const gy = 520, wood = '#9a6a44', log = '#7a4f31';
  let logs = '';
  for (let y = 372; y < gy; y += 16) logs += D`M160 ${y}H700`;
  const nalichnik = (x, y) => rect(x - 8, y - 8, 66, 82, C.white) + poly([[x - 14, y - 8], [x + 64, y - 8], [x + 25, y - 36]], C.white) + rect(x, y, 50, 66, '#4d7fb0') + stroke(D`M${x + 25} ${y}V${y + 66}M${x} ${y + 30}H${x + 50}`, C.white, 4) + rect(x - 12, y + 72, 74, 8, '#4d7fb0');
  let nest = '';
  for (let i = 0; i < 26; i++) { const a = R(-0.3, 0.3), len = R(50, 90), cx = 900 + R(-55, 55), cy = 200 + R(-10, 14); nest += D`M${cx - Math.cos(a) * len / 2} ${cy - Math.sin(a) * len / 2}l${Math.cos(a) * len} ${Math.sin(a) * len}`; }
  let fence = '';
  for (let x = 10; x < W; x += 28) if (x < 560 || x > 640) fence += D`M${x} ${gy + 60}V${gy + 8}l6 -8l6 8V${gy + 60}z`;
  let flowers = [];
  for (let i = 0; i < 50; i++) flowers.push([R(0, W), R(gy + 70, H)]);
  return [
    sky('#8abcd8', '#f3ecd6'),
    sun(110, 100, 34),
    cloud(520, 130, 200, C.white, 0.8),
    path('M0 400Q400 370 800 395T1200 380V520H0Z', '#a9bf85'), firs(400, 20, 50, '#4f7458', 700, 1220, 420), bushes(410, 16, 30, '#6d915e', -20, 200, 430),
    rect(0, 440, W, H - 440, lin([[0, '#9cbb74'], [1, '#6f9a54']])),
    // log house: gable end with carved window frames, side wall and roof
    rect(160, 360, 300, gy - 360, wood), rect(460, 372, 240, gy - 372, shade(wood, -0.12)), stroke(logs, log, 3),
    poly([[140, 362], [310, 230], [480, 362]], '#6d675c'), poly([[176, 356], [310, 256], [444, 356]], C.woodLt),
    stroke(Array.from({ length: 10 }, (_, i) => D`M${196 + i * 24} 360V${352 - 100 * (1 - Math.abs(196 + i * 24 - 310) / 134)}`).join(''), wood, 3),
    circ(310, 318, 16, C.white), circ(310, 318, 11, '#4d7fb0'),
    poly([[310, 230], [700, 250], [740, 380], [480, 362]], '#5f5a50'), rect(600, 220, 26, 60, C.brickDk),
    nalichnik(200, 410), nalichnik(370, 410), nalichnik(540, 420),
    rect(640, 410, 50, 110, log), rect(632, 404, 66, 8, C.white),
    // stork nest on a pole, storks
    line(900, gy + 20, 900, 200, C.woodDk, 12), path('M836 206Q900 250 964 206Q960 190 900 186Q840 190 836 206Z', '#6d5034'), stroke(nest, '#4f3a26', 4),
    stork(890, 176, 90), stork(1040, 90, 80, true),
    // well sweep
    line(1110, gy + 10, 1110, 330, C.woodDk, 10), line(1040, 420, 1190, 250, C.woodDk, 6), line(1060, 396, 1060, 470, C.ink, 2), rect(1050, 470, 20, 22, C.woodDk),
    rect(1080, 490, 60, 40, C.stoneDk),
    path(fence, C.woodLt),
    stroke('M0 560H560M640 560H1200', C.woodLt, 5),
    dots(flowers.slice(0, 25), C.white, 7), dots(flowers.slice(25), C.gold, 7),
  ];
}

function iceHockey() {
  const ice = 330;
  const crowd = pattern(24, 16, [rect(0, 0, 24, 16, '#252d45'), dots([[5, 5], [17, 12]], '#c0504d', 6), dots([[13, 5], [3, 13]], '#d8dde6', 6), dots([[20, 4], [11, 12]], '#6d84b5', 6)]);
  const player = (x, y, s, f, jersey, pants, stickTo, o = {}) => {
    const shaft = [[x + f * s * 0.3, y - s * 0.8], stickTo];
    const at = (t) => [shaft[0][0] + (shaft[1][0] - shaft[0][0]) * t, shaft[0][1] + (shaft[1][1] - shaft[0][1]) * t];
    const p = figure({ x, y, s, f, lean: o.lean ?? 42, top: jersey, legCol: pants, skin: C.skin, hat: o.helmet || C.ink,
      legs: o.legs || [[-48, -20], [30, -56]], arms: [{ to: at(0.12), bend: 'd' }, { to: at(0.45), bend: 'd' }] });
    return line(...shaft[0], ...stickTo, C.ink, s * 0.06) + line(stickTo[0], stickTo[1], stickTo[0] + f * s * 0.35, stickTo[1] + 2, C.ink, s * 0.09)
      + p.svg + rect(x - s * 0.2, y - s * 0.55, s * 0.4, s * 0.12, C.white, { transform: D`rotate(${-f * (o.lean ?? 42)} ${x} ${y - s * 0.5})` })
      + p.feet.map(([fx, fy]) => line(fx - s * 0.18, fy + s * 0.06, fx + s * 0.22, fy + s * 0.06, C.steel, s * 0.05)).join('');
  };
  return [
    rect(0, 0, W, H, '#1b2235'), rect(0, 40, W, 200, crowd),
    ...[150, 450, 750, 1050].map((x) => circ(x, 18, 60, '#fff6d8', { opacity: 0.12 }) + rect(x - 50, 10, 100, 14, '#fff6d8', { rx: 6 })),
    rect(0, 240, W, 50, '#dbe8f1', { opacity: 0.25 }), stroke('M0 240H1200M300 240V290M600 240V290M900 240V290', '#e8f1f7', 2, { opacity: 0.5 }),
    rect(0, 290, W, 44, C.white), rect(0, 322, W, 12, C.navy), rect(0, 298, W, 8, C.red),
    rect(0, ice, W, H - ice, lin([[0, '#dde9f1'], [1, '#f6fafc']])),
    path('M586 334H614L630 675H570Z', C.red, { opacity: 0.7 }), path('M250 334H270L190 675H160ZM930 334H950L1040 675H1010Z', '#4f7fc0', { opacity: 0.7 }),
    ell(600, 470, 150, 46, 'none', { stroke: '#4f7fc0', 'stroke-width': 5, opacity: 0.7 }),
    ell(1010, 400, 110, 32, 'none', { stroke: C.red, 'stroke-width': 4, opacity: 0.55 }), ell(200, 560, 130, 40, 'none', { stroke: C.red, 'stroke-width': 4, opacity: 0.55 }),
    // goal
    path('M1090 360L1180 352L1190 420L1095 430Z', '#f0f3f6', { opacity: 0.8 }), stroke('M1095 430L1090 360L1180 352L1190 420', C.red, 7),
    stroke('M1110 358L1115 428M1130 356L1136 426M1150 354L1156 424M1170 353L1176 422M1092 380L1184 372M1093 400L1186 394', '#c9d2da', 2),
    ell(650, 560, 160, 16, '#b9cad6', { opacity: 0.6 }),
    player(830, 470, 88, -1, C.navy, C.ink, [700, 566], { helmet: C.navy }),
    ell(652, 568, 11, 4, C.ink),
    player(470, 490, 96, 1, C.red, C.ink, [612, 570], { helmet: C.white, legs: [[-55, -15], [28, -50]] }),
    player(250, 420, 66, 1, C.red, C.ink, [330, 482], { helmet: C.white, lean: 30 }),
  ];
}

function rowing() {
  const wl = 470, hz = 330;
  const rowers = [300, 440, 580, 720];
  let oarsNear = '', oarsFar = '', splash = [];
  const crew = rowers.map((hx, i) => {
    const handle = [hx - 34, wl - 62], blade = i % 2 ? [hx - 150, wl - 6] : [hx - 130, wl + 44];
    (i % 2 ? (oarsFar += D`M${handle[0]} ${handle[1]}L${blade[0]} ${blade[1]}`) : (oarsNear += D`M${handle[0]} ${handle[1]}L${blade[0]} ${blade[1]}`));
    splash.push(blade);
    return figure({ x: hx, y: wl - 26, s: 58, f: -1, lean: -22, top: i % 2 ? C.white : C.red, legCol: C.navy, skin: C.skin,
      legs: [{ to: [hx - 70, wl - 20], bend: 'u' }, { to: [hx - 74, wl - 20], bend: 'u' }], arms: [{ to: handle, bend: 'd' }, { to: [handle[0] + 4, handle[1] + 2], bend: 'd' }] }).svg;
  });
  const blades = (list) => list.map(([x, y]) => D`M${x - 16} ${y - 5}h32v12h-32z`).join('');
  return [
    sky('#8cbddb', '#eef1e7'),
    cloud(140, 110, 200, C.white, 0.85), cloud(860, 160, 150, C.white, 0.7),
    path(`M0 ${hz - 30}Q400 ${hz - 60} 800 ${hz - 30}T1200 ${hz - 40}V${hz}H0Z`, '#9ab39a'), bushes(hz, 12, 26, '#5f8a62', -20, 1220, hz + 4),
    water(hz, '#a2c6d5', '#3c6f8c'),
    ripples(40, 0, W, hz + 20, H, '#e2eef3', 3, { opacity: 0.5 }),
    stroke('M0 395H1200', C.red, 3, { 'stroke-dasharray': '2 40', opacity: 0.9 }), dots(Array.from({ length: 31 }, (_, i) => [i * 42 + 4, 395]), C.white, 8),
    stroke(oarsFar, C.ink, 5), path(blades(splash.filter((_, i) => i % 2)), C.red),
    path(D`M140 ${wl - 14}Q600 ${wl - 26} 1060 ${wl - 12}Q600 ${wl + 10} 140 ${wl - 14}Z`, C.white), stroke(D`M150 ${wl - 14}Q600 ${wl - 24} 1050 ${wl - 12}`, C.red, 3),
    ...crew,
    stroke(oarsNear, C.ink, 6), path(blades(splash.filter((_, i) => !(i % 2))), C.red),
    stroke(splash.map(([x, y]) => D`M${x - 30} ${y + 12}q30 -14 60 0`).join(''), C.white, 4, { opacity: 0.8 }),
    stroke(D`M140 ${wl - 6}Q60 ${wl + 4} -10 ${wl + 20}M150 ${wl - 2}Q80 ${wl + 20} 10 ${wl + 50}`, C.white, 3, { opacity: 0.6 }),
    g(path(D`M140 ${wl - 14}Q600 ${wl - 26} 1060 ${wl - 12}Q600 ${wl + 10} 140 ${wl - 14}Z`, C.white), { transform: D`matrix(1 0 0 -1 0 ${2 * wl + 4})`, opacity: 0.25 }),
  ];
}

function runner(x, y, s, shirt, shorts, phase, o = {}) {
  const p = figure({ x, y, s, f: 1, lean: 12, top: shirt, legCol: C.skin, skin: C.skin, hair: o.hair, ponytail: o.ponytail, bib: C.white,
    legs: phase ? [[-32, -80], [48, -28]] : [[46, -30], [-30, -82]],
    arms: phase ? [[34, 95], [-50, 100]] : [[-50, 100], [34, 95]] });
  return p.svg + rect(x - s * 0.19, y - s * 0.12, s * 0.38, s * 0.26, shorts, { rx: s * 0.06 });
}

function marathon() {
  const street = 430;
  const facade = (x, w, h, col) => rect(x, street - h, w, h, col) + rect(x - 3, street - h, w + 6, 8, shade(col, -0.12)) + winGrid(x + 20, street - h + 30, Math.floor((w - 20) / 56), Math.floor((h - 60) / 60), 30, 36, 26, 24, '#5f7d92');
  let red = '', white = '';
  for (let i = 0; i < 24; i++) { const x = 20 + i * 50, y = 120 + 30 * Math.sin((i / 23) * Math.PI) - 0; (i % 2 ? (red += D`M${x} ${y}l26 0l-13 26z`) : (white += D`M${x} ${y}l26 0l-13 26z`)); }
  const spectators = [];
  for (let x = 20; x < W; x += R(26, 36)) spectators.push([x, street + 6, R(60, 74), pick([C.teal, C.gold, C.navy, C.plum, '#8a9b6a', C.red]), R() < 0.25]);
  const shirts = [C.teal, C.gold, C.navy, C.plum, C.red, C.white, '#6f9654'];
  return [
    sky('#9cc6dc', '#f1ebdb'),
    facade(-10, 220, 300, C.sand), facade(210, 260, 340, C.cream), facade(470, 200, 270, '#e7b3a0'), facade(670, 280, 320, '#c8d3d2'), facade(950, 260, 290, '#e8c27a'),
    stroke('M20 120Q600 160 1180 120', C.ink, 2), path(red, C.red), path(white, C.white),
    silhouettes(spectators),
    rect(0, street, W, 14, C.white), stroke('M0 437H1200', C.red, 6, { 'stroke-dasharray': '30 30' }),
    rect(0, street + 14, W, H - street - 14, lin([[0, '#8e959a'], [1, '#6f767c']])),
    stroke('M0 560H1200', C.white, 4, { 'stroke-dasharray': '60 40', opacity: 0.6 }),
    rect(1030, 150, 36, 420, C.red), rect(1160, 150, 36, 420, C.red), rect(1030, 150, 170, 60, C.red), stripes(1040, 165, 150, 30, 10, C.red, C.white),
    ...[[260, 490], [520, 496], [760, 488], [960, 494]].map(([x, y], i) => runner(x, y, 54, shirts[i], i % 2 ? C.navy : C.ink, (i + 1) % 2, { ponytail: i === 1 ? C.hair : undefined })),
    runner(150, 568, 76, C.red, C.ink, 0, { ponytail: C.woodDk }), runner(430, 584, 80, C.white, C.red, 1), runner(690, 574, 78, '#6f9654', C.ink, 0, { hair: C.ink }), runner(920, 590, 82, C.gold, C.navy, 1),
  ];
}

function gymnastics() {
  const gym = figure({ x: 600, y: 330, s: 118, f: 1, lean: 4, top: C.white, legCol: C.skin, skin: C.skin, hair: C.hair,
    legs: [[-98, 4], [98, -6]], arms: [[-115, 15], [155, 10]] });
  const [hx, hy] = gym.hands[1], tip = [hx + 26, hy - 44];
  const ribbon = [tip, [tip[0] + 90, tip[1] + 10], [tip[0] + 120, tip[1] + 120], [tip[0] + 40, tip[1] + 230], [tip[0] - 160, tip[1] + 270], [tip[0] - 330, tip[1] + 210], [tip[0] - 360, tip[1] + 90], [tip[0] - 270, tip[1] + 30], [tip[0] - 190, tip[1] + 90], [tip[0] - 250, tip[1] + 180], [tip[0] - 420, tip[1] + 230], [tip[0] - 560, tip[1] + 170]];
  return [
    rect(0, 0, W, H, lin([[0, '#23284a'], [1, '#4a4470']])),
    path('M120 -10L250 -10L420 460L60 460Z', '#fff8e0', { opacity: 0.07 }), path('M950 -10L1080 -10L1140 460L780 460Z', '#fff8e0', { opacity: 0.07 }), path('M520 -10L680 -10L860 470L340 470Z', '#fff8e0', { opacity: 0.1 }),
    rect(0, 300, W, 130, pattern(20, 14, [rect(0, 0, 20, 14, '#2e3255'), dots([[5, 5]], '#8a86b0', 6), dots([[15, 11]], '#b98a9e', 6)]), { opacity: 0.8 }),
    rect(0, 420, W, 20, '#3b3a5c'),
    path('M0 440H1200V675H0Z', '#2f6d7a'), path('M140 470H1060L1180 675H20Z', '#3f8a94'), stroke('M160 480H1040L1150 675M50 675L160 480', C.white, 4, { opacity: 0.8 }),
    ell(610, 610, 190, 18, '#1f4e58', { opacity: 0.7 }),
    stroke(smooth(ribbon.slice(5)), C.red, 9, { opacity: 0.9 }),
    gym.svg,
    stroke(D`M${gym.hip[0] - 30} ${gym.hip[1] - 6}H${gym.hip[0] + 30}`, C.red, 14), stroke(D`M${gym.neck[0] - 4} ${gym.neck[1] + 6}L${gym.hip[0]} ${gym.hip[1] - 24}`, C.red, 7),
    line(hx, hy, ...tip, C.ink, 4),
    stroke(smooth(ribbon.slice(0, 6)), C.red, 10),
  ];
}

function microscopeLab() {
  const bench = 470;
  const flask = (x, by, w, h, liquid) => {
    const neck = w * 0.22, body = D`M${x - neck / 2} ${by - h}V${by - h * 0.62}L${x - w / 2} ${by - 6}Q${x - w / 2} ${by} ${x - w / 2 + 8} ${by}H${x + w / 2 - 8}Q${x + w / 2} ${by} ${x + w / 2} ${by - 6}L${x + neck / 2} ${by - h * 0.62}V${by - h}Z`;
    const lv = by - h * 0.38, lw = neck / 2 + (w / 2 - neck / 2) * ((h * 0.38) / (h * 0.62));
    return path(body, '#e4f1f4', { opacity: 0.85 }) + path(D`M${x - lw} ${lv}H${x + lw}L${x + w / 2 - 2} ${by - 6}Q${x + w / 2 - 2} ${by - 2} ${x + w / 2 - 10} ${by - 2}H${x - w / 2 + 10}Q${x - w / 2 + 2} ${by - 2} ${x - w / 2 + 2} ${by - 6}Z`, liquid)
      + stroke(body, '#9fb7c0', 3) + rect(x - neck / 2 - 4, by - h - 6, neck + 8, 8, '#9fb7c0', { rx: 3 });
  };
  const tubes = [C.red, C.teal, C.gold, '#7a6fc0', C.leaf];
  const body = '#eef1f3', bodyDk = '#c9d0d6';
  return [
    rect(0, 0, W, H, '#e3ebe8'),
    rect(820, 50, 330, 260, '#b9d6e2'), stroke('M820 50h330v260H820zM985 50V310', C.white, 12), stroke(Array.from({ length: 9 }, (_, i) => D`M826 ${72 + i * 26}H1144`).join(''), '#f4f8f9', 7, { opacity: 0.8 }),
    rect(60, 120, 360, 10, C.woodLt), rect(60, 230, 360, 10, C.woodLt),
    ...[[80, 60, C.teal], [120, 70, C.gold], [170, 50, C.red], [220, 64, '#7a6fc0'], [290, 56, C.leaf], [340, 70, C.teal]].map(([x, h, c]) => rect(x, 120 - h, 34, h, c, { rx: 6, opacity: 0.85 }) + rect(x + 8, 120 - h - 10, 18, 12, C.greyDk)),
    ...[[90, 80], [150, 70], [240, 90], [330, 74]].map(([x, h]) => rect(x, 230 - h, 50, h, '#f4f7f6', { rx: 4 }) + rect(x + 6, 230 - h * 0.5, 38, h * 0.5 - 4, '#cfdfe3')),
    rect(0, bench, W, 22, C.white), rect(0, bench + 22, W, H - bench - 22, '#c9d3d2'), stroke('M300 500V675M600 500V675M900 500V675', '#b3bebd', 4),
    // microscope: base, C-shaped arm, stage, nosepiece, head and inclined eyepiece
    path(D`M420 ${bench}q0 -28 28 -28h170q28 0 28 28z`, C.ink),
    path('M576 446C640 420 650 300 590 232L556 250C604 310 596 400 548 446Z', body), path('M600 440C646 400 644 300 594 238L586 244C628 300 630 390 590 440Z', bodyDk),
    rect(452, 362, 156, 14, C.ink, { rx: 4 }), rect(480, 354, 76, 8, '#cfe4ea'), ell(518, 356, 12, 3.5, C.red),
    rect(510, 376, 20, 30, C.greyDk), circ(520, 414, 9, C.sunPale),
    path('M480 236H600L592 292H488Z', body), path('M560 236H600L592 292H560Z', bodyDk),
    path('M500 292H572L556 312H516Z', C.greyDk), path('M512 312h14l-3 30h-8zM540 312h14l-3 24h-8z', '#7d8790'),
    path('M496 240L528 230L488 150L462 164Z', body), path('M466 166L490 154L480 130L456 142Z', C.ink),
    circ(620, 330, 22, C.greyDk), circ(620, 330, 9, bodyDk),
    flask(760, bench, 120, 170, '#6fc1b8'), flask(880, bench, 80, 120, '#e0806e'),
    path(D`M230 ${bench}V390h70v${bench - 390}`, '#e4f1f4', { opacity: 0.85 }), rect(232, 430, 66, bench - 432, C.gold, { opacity: 0.8 }), stroke(D`M230 390V${bench}H300V390`, '#9fb7c0', 3),
    ...tubes.map((c, i) => rect(982 + i * 34, 330, 20, 120, '#e4f1f4', { rx: 10 }) + rect(982 + i * 34, 390 - i * 8, 20, 60 + i * 8, c, { rx: 10 })),
    rect(966, 380, 190, 14, C.woodLt), rect(966, 440, 190, 30, C.woodLt), stroke('M972 394V440M1150 394V440', C.woodLt, 6),
    ell(140, 462, 50, 8, '#d9e8ec'), ell(140, 458, 42, 6, '#f0dfe2'), dots([[128, 457], [146, 459], [152, 456]], C.red, 5),
  ];
}

function satellite() {
  const earthClip = clip(circ(600, 1560, 1100, '#000'));
  let cells = '';
  for (let i = 1; i < 6; i++) cells += D`M${-250 + i * 30} -32v64M${100 + i * 30} -32v64`;
  cells += 'M-250 0h150M100 0h150';
  const sat = g([
    stroke('M-100 0H100', C.steel, 6),
    rect(-250, -32, 150, 64, '#2f5aa8'), rect(100, -32, 150, 64, '#2f5aa8'), stroke(cells, '#7ea2dc', 2), stroke('M-250 -32h150v64h-150zM100 -32h150v64H100z', '#cdd9ea', 3),
    rect(-42, -44, 84, 88, '#d8a942', { rx: 4 }), rect(8, -44, 34, 88, '#b88a2f'), stroke('M-42 -14h84M-42 16h84', '#f0cc70', 3),
    line(0, -44, 0, -80, C.steel, 4), path('M-34 -82Q0 -108 34 -82Z', C.white), circ(0, -82, 4, C.greyDk), line(30, 44, 46, 76, C.steel, 3),
  ], { transform: 'translate(600 250) rotate(-14)' });
  return [
    sky('#070d1f', '#1b2c52'),
    stars(200, 0, 0, W, 560),
    circ(600, 1560, 1130, '#7fc3f0', { opacity: 0.12 }), circ(600, 1560, 1112, '#9fd6ff', { opacity: 0.2 }),
    circ(600, 1560, 1100, lin([[0, '#3b86c4'], [0.15, '#2a5f9a'], [1, '#17355f']])),
    g([
      path('M80 520Q200 470 330 490T520 540Q470 600 300 620T60 640Z', '#6f9a5a'),
      path('M700 480Q800 450 920 470T1150 520L1180 640Q1000 600 860 610T690 560Z', '#7fa45f'), path('M880 500q40 -20 90 0t30 40q-60 10 -120 -40z', C.sandDk),
      stroke('M120 480Q300 440 460 470M640 520Q820 480 1000 500M200 600Q400 560 560 600', C.white, 14, { opacity: 0.55 }),
    ], { 'clip-path': earthClip }),
    path('M-20 380Q600 120 1220 380', 'none', { stroke: '#d9e6ff', 'stroke-width': 2, 'stroke-dasharray': '10 12', opacity: 0.5 }),
    sat,
  ];
}

function solarPanels() {
  const hz = 250, F = 600, camH = 8, P = ([X, Y, Z]) => [600 + (F * X) / Z, hz + (F * (camH - Y)) / Z];
  const rows = [];
  for (const z of [57, 37, 24, 15.5, 10]) {
    const lo = 0.5, hi = 1.6, dz = 1.6, k = F / z, corner = (X, top) => P([X, top ? hi : lo, top ? z + dz : z]);
    const x0 = -700 / k - 1, x1 = 700 / k + 1, step = Math.ceil(36 / k);
    let grid = '', legs = '';
    for (let X = Math.ceil(x0 / step) * step; X <= x1; X += step) {
      const a = corner(X, false), b = corner(X, true), g0 = P([X, 0, z + 0.2]);
      grid += D`M${a[0]} ${a[1]}L${b[0]} ${b[1]}`;
      if (z < 30 && X % (2 * step) === 0) legs += D`M${g0[0]} ${g0[1]}L${a[0]} ${a[1] - 2}`;
    }
    const m1 = P([x0, (lo + hi) / 2, z + dz / 2]), m2 = P([x1, (lo + hi) / 2, z + dz / 2]);
    const [a0, a1, b1, b0] = [corner(x0, false), corner(x1, false), corner(x1, true), corner(x0, true)];
    rows.push(stroke(legs, C.greyDk, Math.max(1.5, k * 0.06)) + path(polyline([a0, a1, b1, b0]) + 'Z', '#284577')
      + path(polyline([P([x0, hi - 0.4, z + dz * 0.64]), P([x1, hi - 0.4, z + dz * 0.64]), b1, b0]) + 'Z', '#35588f')
      + stroke(grid + D`M${m1[0]} ${m1[1]}L${m2[0]} ${m2[1]}`, '#7393c8', Math.max(1, k * 0.02))
      + stroke(D`M${a0[0]} ${a0[1]}L${a1[0]} ${a1[1]}`, '#c9d4e3', Math.max(1.5, k * 0.04)));
  }
  return [
    sky('#6ea9d4', '#eaf2ee'),
    sun(960, 100, 48, '#f7d26a'),
    cloud(120, 130, 190, C.white, 0.85),
    path(`M0 ${hz}Q300 ${hz - 40} 650 ${hz - 14}T1200 ${hz - 24}V${hz + 10}H0Z`, '#a3bf88'), bushes(hz - 6, 12, 24, '#5f8a5e', 700, 1220, hz + 4), firs(hz, 16, 40, '#4f7458', -20, 300, hz + 4),
    rect(0, hz, W, H - hz, lin([[0, '#9cbf74'], [1, '#6b9a4e']])),
    ...rows,
    stroke(Array.from({ length: 16 }, () => { const x = R(0, W), y = R(640, H); return D`M${x} ${y}l-4 -14M${x + 6} ${y}l3 -12`; }).join(''), '#5d8a44', 3),
  ];
}

/** A simple one-point perspective: world (x right, y down from eye level, z depth) to screen. */
const perspective = (cx, cy, f) => ([x, y, z]) => [cx + (f * x) / z, cy + (f * y) / z];
const face = (P, pts3, fill, o = {}) => path(polyline(pts3.map(P)) + 'Z', fill, o);

function greenhouse() {
  const P = perspective(600, 290, 520), fl = 1.6, z0 = 2.2, z1 = 26;
  const arch = (z) => {
    const p = [P([4.2, fl, z])];
    for (let i = 0; i <= 12; i++) { const t = (Math.PI * i) / 12; p.push(P([4.2 * Math.cos(t), -0.5 - 1.9 * Math.sin(t), z])); }
    return polyline([...p, P([-4.2, fl, z])]);
  };
  let ribs = '';
  for (let z = z0; z <= z1; z += 2.2) ribs += arch(z);
  for (let i = 0; i <= 6; i++) { const t = (Math.PI * i) / 6, a = P([4.2 * Math.cos(t), -0.5 - 1.9 * Math.sin(t), z0]), b = P([4.2 * Math.cos(t), -0.5 - 1.9 * Math.sin(t), z1]); ribs += D`M${a[0]} ${a[1]}L${b[0]} ${b[1]}`; }
  const plants = [], leds = [];
  for (let z = z1 - 1; z > z0 + 0.4; z -= 1.4) {
    for (const x of [-2.5, 2.5]) {
      const [px, py] = P([x, 0.55, z]), r = (0.62 * 520) / z;
      plants.push(path(D`M${px - r * 1.2} ${py + r * 0.3}a${r * 0.7} ${r * 0.7} 0 0 0 ${r * 1.1} ${r * 0.55}a${r * 0.75} ${r * 0.75} 0 1 0 ${r * 0.3} ${-r * 1.1}z`, '#3f7a45') + circ(px, py - r * 0.2, r * 0.85, '#5a9a52')
        + (z < 14 ? dots([[px - r * 0.4, py + r * 0.1], [px + r * 0.35, py - r * 0.3], [px + r * 0.1, py + r * 0.45]], C.red, r * 0.28) : ''));
    }
    if (Math.round(z * 10) % 2 === 0) for (const x of [-2.5, 2.5]) { const a = P([x - 0.5, -0.6, z]), b = P([x + 0.5, -0.6, z]); leds.push(D`M${a[0]} ${a[1]}L${b[0]} ${b[1]}`); }
  }
  const bed = (xa, xb) => face(P, [[xa, 0.9, z0], [xb, 0.9, z0], [xb, 0.9, z1], [xa, 0.9, z1]], C.woodDk) + face(P, [[xb, 0.9, z0], [xb, fl, z0], [xb, fl, z1], [xb, 0.9, z1]], C.woodLt);
  return [
    rect(0, 0, W, H, lin([[0, '#bfdde6'], [0.5, '#e6f1ee'], [1, '#d8e6dc']])),
    face(P, [[-4.2, fl, z1], [4.2, fl, z1], [4.2, -0.5, z1], [0, -2.4, z1], [-4.2, -0.5, z1]], '#f4faf6'),
    face(P, [[-4.2, fl, z0], [4.2, fl, z0], [4.2, fl, z1], [-4.2, fl, z1]], '#8a7660'),
    face(P, [[-1, fl, z0], [1, fl, z0], [1, fl, z1], [-1, fl, z1]], C.sand),
    stroke(ribs, '#f7fbf9', 4),
    bed(-3.8, -1.2), bed(3.8, 1.2),
    ...plants,
    stroke(leds.join(''), '#e58fc0', 6),
    figure({ x: 640, y: 340, s: 50, f: -1, top: C.teal, legCol: C.ink, skin: C.skin, hair: C.hair, arms: [[30, 40], [60, 20]] }).svg,
  ];
}

function truck(x, gy, k, cab, f = 1, trailer = C.white) {
  const L = 430 * k, h = 130 * k, cw = 80 * k, tx = f > 0 ? x : x - L, cx = f > 0 ? x + L + 8 * k : x - L - 8 * k - cw;
  const wy = gy - 26 * k, wr = 24 * k;
  const wheels = [tx + 40 * k, tx + 96 * k, tx + L - 60 * k].map((wx) => (f > 0 ? wx : tx + L - (wx - tx)));
  const cabW = [cx + 20 * k, cx + cw - 20 * k];
  return rect(tx, gy - h - 40 * k, L, h, trailer, { rx: 4 * k }) + rect(tx, gy - 52 * k, L, 12 * k, '#c3c9cd')
    + rect(tx + (f > 0 ? 30 : 250) * k, gy - h - 10 * k, 150 * k, 12 * k, C.red) + rect(tx + (f > 0 ? 30 : 250) * k, gy - h + 6 * k, 100 * k, 8 * k, C.red)
    + path(f > 0 ? D`M${cx} ${gy - 30 * k}V${gy - 150 * k}H${cx + cw - 22 * k}Q${cx + cw} ${gy - 148 * k} ${cx + cw} ${gy - 120 * k}V${gy - 30 * k}Z` : D`M${cx + cw} ${gy - 30 * k}V${gy - 150 * k}H${cx + 22 * k}Q${cx} ${gy - 148 * k} ${cx} ${gy - 120 * k}V${gy - 30 * k}Z`, cab)
    + rect(f > 0 ? cx + cw - 36 * k : cx + 6 * k, gy - 138 * k, 30 * k, 40 * k, '#bcd6e4', { rx: 4 * k })
    + rect(tx, gy - 40 * k, L + cw + 8 * k, 14 * k, C.ink, { transform: f > 0 ? '' : D`translate(${-cw - 8 * k} 0)` })
    + [...wheels, ...cabW].map((wx) => wheel(wx, wy, wr, C.ink, C.grey)).join('');
}

function trucksLogistics() {
  return [
    sky('#8cbad6', '#eef0e6'),
    cloud(820, 110, 220, C.white, 0.8),
    path('M0 300Q300 270 620 290T1200 280V360H0Z', '#a6bf8c'), firs(300, 14, 36, '#557a5c', -20, 500, 310),
    // warehouse with loading docks
    rect(560, 190, 560, 150, '#d6d2c8'), path('M550 194L1130 194L1110 170L570 170Z', '#8a9298'),
    winGrid(590, 260, 8, 1, 52, 70, 16, 0, '#8a8f94'), rect(560, 205, 560, 10, C.navy), rect(560, 215, 560, 4, C.red),
    rect(0, 340, W, 14, '#9aa4a8'),
    rect(0, 354, W, 321, '#6f777d'),
    stroke('M0 354H1200', C.white, 4), stroke('M0 470H1200', C.white, 5, { 'stroke-dasharray': '50 40' }), stroke('M0 560H1200', C.white, 5, { 'stroke-dasharray': '50 40' }),
    stroke('M0 420H1200M0 424H1200', '#d4a93d', 3, { opacity: 0.8 }),
    truck(1050, 440, 0.62, C.teal, -1),
    stroke('M0 512H1200', '#c6ccd0', 6), stroke(Array.from({ length: 25 }, (_, i) => D`M${i * 50 + 10} 512v26`).join(''), '#9aa2a7', 5),
    truck(80, 548, 0.8, C.red, 1),
    truck(460, 660, 1, C.navy, 1),
    stroke('M0 670H1200', C.white, 4, { opacity: 0.7 }),
  ];
}

function factoryWorkshop() {
  const P = perspective(600, 330, 560), fl = 1.7, z0 = 2, z1 = 30, top = -3.4;
  const box = (x0, x1, h, za, zb, col, side) => {
    const y = fl - h;
    return face(P, [[x0, y, za], [x1, y, za], [x1, y, zb], [x0, y, zb]], shade(col, 0.18))
      + face(P, side < 0 ? [[x1, y, za], [x1, fl, za], [x1, fl, zb], [x1, y, zb]] : [[x0, y, za], [x0, fl, za], [x0, fl, zb], [x0, y, zb]], shade(col, -0.18))
      + face(P, [[x0, y, za], [x1, y, za], [x1, fl, za], [x0, fl, za]], col);
  };
  const machines = [];
  for (const [z, kind] of [[24, 0], [19, 1], [14, 0], [9, 1], [5, 0]]) {
    for (const side of [-1, 1]) {
      const xi = side * 1.6, xo = side * 4.2, [x0, x1] = side < 0 ? [xo, xi] : [xi, xo];
      if (kind === 0) {
        machines.push(box(x0, x1, 1.1, z, z + 2.8, '#4f8a7a', side) + box(side < 0 ? x0 : x1 - 0.6, side < 0 ? x0 + 0.6 : x1, 1.7, z, z + 0.8, '#3f6f63', side));
        const c = P([xi - side * 0.1, fl - 1.3, z + 0.4]);
        machines.push(circ(c[0], c[1], (0.3 * 560) / z, C.steel) + circ(c[0], c[1], (0.12 * 560) / z, C.greyDk));
      } else {
        machines.push(box(x0, x1, 0.9, z, z + 2, C.cream, side) + box(side < 0 ? x0 : x1 - 1.0, side < 0 ? x0 + 1.0 : x1, 2.6, z + 0.5, z + 1.5, '#4f8a7a', side));
        const s1 = P([xi - side * 0.35, fl - 2.2, z + 0.5]), s2 = P([xi - side * 0.05, fl - 1.8, z + 0.5]);
        machines.push(rect(Math.min(s1[0], s2[0]), s1[1], Math.abs(s2[0] - s1[0]) + 2, s2[1] - s1[1], '#2d4a5a'));
      }
    }
  }
  let trusses = '';
  for (let z = z0 + 1; z <= z1; z += 3) { const a = P([-6, top, z]), b = P([6, top, z]), m = P([0, top - 1, z]); trusses += D`M${a[0]} ${a[1]}L${m[0]} ${m[1]}L${b[0]} ${b[1]}Z`; }
  const sky1 = [];
  for (let z = z0 + 1; z < z1; z += 3) sky1.push(face(P, [[-3, top - 0.6, z], [3, top - 0.6, z], [3, top - 1.2, z + 1.4], [-3, top - 1.2, z + 1.4]], '#dfeef2'));
  const crane = P([-6, -1.6, 11]), crane2 = P([6, -1.6, 11]), crane3 = P([-6, -1.35, 11]);
  const hook = P([1, -1.4, 11]);
  return [
    rect(0, 0, W, H, '#cfd3cf'),
    face(P, [[-6, top, z1], [6, top, z1], [6, fl, z1], [-6, fl, z1]], '#e5e6e0'),
    winGrid(...P([-5, -2.4, z1]), 10, 2, 18, 22, 4, 6, '#bcd6df'),
    face(P, [[-6, top, z0], [-6, top, z1], [-6, fl, z1], [-6, fl, z0]], '#c2c6c1'), face(P, [[6, top, z0], [6, top, z1], [6, fl, z1], [6, fl, z0]], '#b8bcb7'),
    face(P, [[-6, top, z0], [6, top, z0], [6, top, z1], [-6, top, z1]], '#9ea39f'),
    ...sky1, stroke(trusses, '#6d7478', 4),
    face(P, [[-6, fl, z0], [6, fl, z0], [6, fl, z1], [-6, fl, z1]], '#a8aca6'),
    face(P, [[-1.5, fl, z0], [1.5, fl, z0], [1.5, fl, z1], [-1.5, fl, z1]], '#bfc3bc'),
    stroke(polyline([P([-1.5, fl, z0]), P([-1.5, fl, z1])]) + polyline([P([1.5, fl, z0]), P([1.5, fl, z1])]), '#e2b84a', 6),
    ...machines,
    rect(crane[0], crane[1], crane2[0] - crane[0], crane3[1] - crane[1], '#e2b84a'), line(hook[0], crane3[1], hook[0], hook[1] + 60, C.ink, 2), rect(hook[0] - 8, hook[1] + 60, 16, 12, C.ink),
    figure({ x: 620, y: 440, s: 40, f: 1, top: C.navy, legCol: C.ink, skin: C.skin, hat: C.gold, legs: [[-14, -4], [16, -6]], arms: [[-20, 20], [22, 10]] }).svg,
    figure({ x: 520, y: 400, s: 26, f: -1, top: C.red, legCol: C.ink, skin: C.skin, hat: C.gold }).svg,
  ];
}

function grainHarvest() {
  const hz = 330;
  let wheat = '', ears = '', stub = '';
  for (let i = 0; i < 120; i++) {
    const y = hz + 20 + (H - hz - 20) * R() ** 1.3, x = R(0, W), h = 6 + ((y - hz) / (H - hz)) * 30;
    if (x > 760 && y > 470 && y < 600) continue;
    const lean = R(-3, 3);
    wheat += D`M${x} ${y}l${lean} ${-h}`;
    if (y > 430) ears += D`M${x + lean} ${y - h}l${lean * 0.3} ${-h * 0.35}`;
  }
  for (let x = 770; x < W; x += 18) stub += D`M${x} ${R(480, 590)}v-6`;
  const reelA = Array.from({ length: 6 }, (_, i) => (i / 6) * Math.PI * 2 + 0.3).map((a) => [300 + Math.cos(a) * 62, 420 + Math.sin(a) * 62]);
  return [
    sky('#79b3da', '#f5ecd2'),
    sun(1040, 110, 42),
    path(`M0 ${hz}Q300 ${hz - 30} 700 ${hz - 10}T1200 ${hz - 16}V${hz + 6}H0Z`, '#9fb68b'), bushes(hz - 2, 10, 24, '#5f805c', -20, 420, hz + 4), firs(hz, 14, 34, '#4f7458', 900, 1220, hz + 4),
    rect(0, hz, W, H - hz, lin([[0, '#ecc866'], [1, '#d5a23f']])),
    path('M760 480L1210 470V600L760 610Z', '#c8a86a'), stroke(stub, '#a88848', 3),
    stroke(wheat, C.wheatDk, 2.5), stroke(ears, '#a97b2c', 6),
    ell(1010, 380, 200, 60, '#f3e3b0', { opacity: 0.5 }), ell(930, 420, 150, 46, '#f3e3b0', { opacity: 0.5 }),
    // combine harvester: grain tank, body, cab, feeder, header with reel, wheels
    path('M560 230H800Q830 230 830 260V290H560Z', C.redDk), rect(540, 280, 340, 200, C.red), rect(820, 300, 60, 180, C.redDk),
    stroke('M800 246L1000 300', C.greyDk, 16), path('M994 292l30 40l-14 8l-28 -36z', C.greyDk),
    winGrid(640, 330, 4, 2, 36, 14, 18, 16, C.redDk), rect(540, 280, 340, 10, C.redDk),
    path('M880 420l40 10l-6 30l-34 -6z', C.greyDk),
    rect(430, 190, 130, 130, '#c3dce8'), rect(424, 180, 142, 14, C.white, { rx: 4 }), stroke('M430 190v130M560 190v130M495 190v130', C.red, 6),
    figure({ x: 505, y: 290, s: 30, f: -1, top: C.navy, skin: C.skin, arms: [[60, 20], [70, 20]] }).svg,
    rect(430, 320, 130, 100, C.red), path('M400 470L520 400L560 440L440 500Z', C.redDk),
    path('M200 452H450L440 510H190Z', C.red), rect(184, 500, 270, 10, C.gold), rect(200, 462, 240, 8, C.redDk, { opacity: 0.6 }),
    stroke(D`M300 420L420 400` + reelA.map(([x, y]) => D`M300 420L${x} ${y}`).join(''), C.greyDk, 4), circ(300, 420, 62, 'none', { stroke: C.redDk, 'stroke-width': 5 }),
    stroke(reelA.map(([x, y]) => D`M${x - 14} ${y}h28`).join(''), C.gold, 8), circ(300, 420, 10, C.greyDk),
    wheel(560, 474, 76, '#2a2a2c', C.gold), wheel(820, 500, 50, '#2a2a2c', C.gold),
    path('M150 510Q300 480 460 512L460 560Q300 540 150 566Z', C.wheat),
    stroke(Array.from({ length: 36 }, () => { const x = R(0, 700), y = R(540, 675); return D`M${x} ${y}l${R(-4, 4)} -34`; }).join(''), C.wheatDk, 3),
  ];
}

function marketStalls() {
  const stall = (x, w, awningA, awningB, goods) => {
    let scallop = D`M${x - 10} 250`;
    const n = 8, sw = (w + 20) / n;
    for (let i = 0; i < n; i++) scallop += D`a${sw / 2} ${sw / 2} 0 0 0 ${sw} 0`;
    return stroke(D`M${x} 250V470M${x + w} 250V470`, C.woodDk, 8)
      + path(D`M${x - 10} 250L${x + 20} 180H${x + w - 20}L${x + w + 10} 250Z`, awningA) + path(Array.from({ length: n }, (_, i) => (i % 2 ? D`M${x - 10 + i * sw} 250L${x + 20 + (i * (w - 40)) / n} 180h${(w - 40) / n}L${x - 10 + (i + 1) * sw} 250Z` : '')).join(''), awningB)
      + path(scallop + 'Z', awningA) + path(Array.from({ length: n }, (_, i) => (i % 2 ? D`M${x - 10 + i * sw} 250a${sw / 2} ${sw / 2} 0 0 0 ${sw} 0Z` : '')).join(''), awningB)
      + rect(x - 14, 400, w + 28, 16, C.woodLt) + rect(x - 6, 416, w + 12, 80, C.wood) + goods;
  };
  const pile = (x, y, n, r, col, hi) => {
    const list = [];
    for (let row = 0; row < 3; row++) for (let i = 0; i < n - row; i++) list.push([x + (i + row * 0.5) * r * 2.05, y - row * r * 1.7]);
    return dots(list, col, r * 2) + (hi ? dots(list.map(([a, b]) => [a - r * 0.3, b - r * 0.35]), hi, r * 0.5) : '');
  };
  const crate = (x, y, w) => rect(x, y, w, 40, C.woodLt) + stroke(D`M${x} ${y + 14}h${w}M${x} ${y + 28}h${w}`, C.wood, 2);
  const pumpkin = (x, y, r) => ell(x, y, r * 1.25, r, C.ochre) + stroke(D`M${x} ${y - r}Q${x - r * 0.6} ${y} ${x} ${y + r}M${x} ${y - r}Q${x + r * 0.6} ${y} ${x} ${y + r}`, '#b27f2e', 2) + line(x, y - r, x + 3, y - r - 8, C.green, 4);
  const cabbage = (x, y, r) => circ(x, y, r, '#9cc07a') + stroke(D`M${x - r * 0.7} ${y}Q${x} ${y - r * 0.8} ${x + r * 0.7} ${y}M${x - r * 0.5} ${y + r * 0.5}Q${x} ${y} ${x + r * 0.5} ${y + r * 0.5}`, '#6f9a54', 2.5);
  let lights = '';
  const bulbs = [];
  for (let x = 0; x <= W; x += 40) bulbs.push([x, 120 + 25 * Math.sin((x / W) * Math.PI * 2) ** 2]);
  lights = polyline(bulbs);
  return [
    sky('#a5cbe0', '#f3ead4'),
    leafy(120, 330, 300, C.green), leafy(1080, 320, 320, C.green), bushes(300, 30, 60, '#7c9f6e', 200, 1000, 360),
    rect(0, 330, W, H - 330, '#d8cbb0'), stroke('M0 480H1200M0 560H1200', '#c5b699', 2),
    stroke(lights, C.ink, 2), dots(bulbs, C.sunPale, 10),
    stall(60, 240, C.red, C.white, crate(60, 360, 110) + pile(70, 362, 6, 9, C.red, '#e77a6c') + crate(186, 360, 110) + pile(196, 362, 6, 9, '#9cbf4a', '#c5dd86')),
    stall(350, 230, C.green, C.cream, pumpkin(400, 380, 22) + pumpkin(455, 384, 18) + cabbage(520, 382, 20) + cabbage(560, 386, 17)),
    stall(630, 230, C.navy, C.white, crate(640, 360, 100) + pile(650, 362, 6, 8, '#b98b5a', '#d4aa7a') + path('M760 398q30 -40 60 0zM800 398q34 -44 68 0z', '#c88d44') + stroke('M770 388l10 -12M810 386l12 -14M840 388l10 -12', '#e3b36a', 3)),
    stall(910, 240, C.red, C.white, pile(920, 380, 7, 9, C.ochre) + stroke('M1060 398l16 -34M1080 398l12 -40M1100 398l8 -34', '#e0803a', 8) + stroke('M1076 364l-4 -12M1092 358l-2 -12M1108 364l0 -12', C.leaf, 4)),
    person(180, 400, 90, { shirt: C.gold, legs: C.ink, hair: '#c9c6c0', scarf: C.white }), person(470, 400, 96, { shirt: C.teal, legs: C.ink, hair: C.hair }), person(750, 400, 92, { shirt: C.plum, legs: C.ink, hair: C.woodDk }),
    person(260, 640, 150, { shirt: C.navy, legs: C.ink, hair: C.hair, back: true }), person(330, 646, 140, { shirt: C.red, legs: C.ink, hair: C.gold, back: true, skirt: C.navy }),
    person(880, 650, 160, { shirt: '#6f9654', legs: C.navy, hair: C.ink, back: true }),
    path('M900 600h70l-6 50h-58z', C.woodLt), stroke('M902 600q33 -40 66 0', C.woodDk, 4), dots([[920, 598], [940, 594], [956, 598]], C.red, 16),
  ];
}

function schoolClassroom() {
  const F = 620, P = perspective(600, 250, F), fl = 1.55, ceil = -1.45, zf = 7.5, X = 4.2;
  const q = (pts3, fill) => face(P, pts3, fill);
  const legs = (pairs, z, col, w) => stroke(pairs.map(([x, y0, y1]) => polyline([P([x, y0, z]), P([x, y1, z])])).join(''), col, w);
  const desk = (xc, z) => {
    const w = 0.62, t = fl - 0.76;
    return q([[xc - w + 0.02, t + 0.06, z + 0.48], [xc + w - 0.02, t + 0.06, z + 0.48], [xc + w - 0.02, t + 0.4, z + 0.48], [xc - w + 0.02, t + 0.4, z + 0.48]], '#9a6a44')
      + legs([[xc - w + 0.05, t + 0.06, fl], [xc + w - 0.05, t + 0.06, fl]], z, C.greyDk, 34 / z)
      + q([[xc - w, t, z], [xc + w, t, z], [xc + w, t, z + 0.5], [xc - w, t, z + 0.5]], C.woodLt)
      + q([[xc - w, t, z], [xc + w, t, z], [xc + w, t + 0.06, z], [xc - w, t + 0.06, z]], C.wood);
  };
  const chair = (xc, z) => {
    const zc = z - 0.42, w = 0.36;
    return legs([[xc - w + 0.04, fl - 0.46, fl], [xc + w - 0.04, fl - 0.46, fl]], zc, C.greyDk, 30 / zc)
      + q([[xc - w, fl - 0.46, zc - 0.05], [xc + w, fl - 0.46, zc - 0.05], [xc + w, fl - 0.46, zc + 0.3], [xc - w, fl - 0.46, zc + 0.3]], C.wood)
      + legs([[xc - w + 0.04, fl - 0.86, fl - 0.46], [xc + w - 0.04, fl - 0.86, fl - 0.46]], zc - 0.05, C.greyDk, 24 / zc)
      + q([[xc - w, fl - 0.88, zc - 0.05], [xc + w, fl - 0.88, zc - 0.05], [xc + w, fl - 0.66, zc - 0.05], [xc - w, fl - 0.66, zc - 0.05]], C.woodDk);
  };
  const pupil = (xc, z, shirt, hair) => {
    const zc = z - 0.3, k = F / zc, [x, y] = P([xc, fl - 0.46, zc]);
    const w = 0.2 * k, top = y - 0.5 * k, r = 0.1 * k;
    return path(D`M${x - w} ${y}V${top + w * 0.6}Q${x - w} ${top} ${x} ${top}Q${x + w} ${top} ${x + w} ${top + w * 0.6}V${y}Z`, shirt) + circ(x, top - r * 0.9, r, hair);
  };
  const rows = [];
  const seated = { '0,5': [C.teal, C.hair], '-2.3,3.8': [C.red, C.gold], '2.3,5': [C.gold, C.woodDk], '0,3.8': [C.navy, C.ink] };
  for (const z of [6.2, 5, 3.8, 2.6]) for (const xc of [-2.3, 0, 2.3]) {
    const who = seated[`${xc},${z}`];
    rows.push(desk(xc, z) + chair(xc, z) + (who ? pupil(xc, z, ...who) : ''));
  }
  const win = (za, zb) => q([[-X, -1.05, za], [-X, -1.05, zb], [-X, 0.4, zb], [-X, 0.4, za]], '#cfe6ef') + stroke(polyline([P([-X, -1.05, (za + zb) / 2]), P([-X, 0.4, (za + zb) / 2])]) + polyline([P([-X, -0.4, za]), P([-X, -0.4, zb])]), C.white, 5);
  const [b0, b1] = [P([-2.2, -0.95, zf]), P([2.2, 0.35, zf])], bw = b1[0] - b0[0], bh = b1[1] - b0[1], bx = (t) => b0[0] + bw * t, by = (t) => b0[1] + bh * t;
  const chalk = '#eaf0e6';
  return [
    q([[-X, ceil, zf], [X, ceil, zf], [X, fl, zf], [-X, fl, zf]], '#f1e6c8'),
    q([[-X, ceil, 1], [-X, ceil, zf], [-X, fl, zf], [-X, fl, 1]], '#e9dcb9'), q([[X, ceil, 1], [X, ceil, zf], [X, fl, zf], [X, fl, 1]], '#e2d3ad'),
    q([[-X, ceil, 1], [X, ceil, 1], [X, ceil, zf], [-X, ceil, zf]], '#f7f2e6'),
    q([[-X, fl, 1], [X, fl, 1], [X, fl, zf], [-X, fl, zf]], '#c9a77e'),
    stroke([2, 3, 4, 5, 6, 7].map((z) => polyline([P([-X, fl, z]), P([X, fl, z])])).join(''), '#b8946b', 2),
    win(1.6, 3.2), win(4, 5.6), win(6.2, 7.3),
    q([[-X, fl, 2.4], [-X + 1.6, fl, 2], [-X + 2.6, fl, 3.6], [-X, fl, 4]], '#e3c79e'), q([[-X, fl, 4.6], [-X + 1.4, fl, 4.4], [-X + 2.2, fl, 5.8], [-X, fl, 6]], '#e3c79e'),
    ...[-2.3, 0, 2.3].map((x) => stroke(polyline([P([x, ceil + 0.02, 3]), P([x, ceil + 0.02, 6.5])]), '#fffbe8', 8)),
    rect(b0[0] - 10, b0[1] - 10, bw + 20, bh + 20, C.woodDk), rect(b0[0], b0[1], bw, bh, '#2f5a48'), rect(b0[0], b1[1] + 6, bw, 5, C.woodLt),
    stroke(D`M${bx(0.06)} ${by(0.85)}L${bx(0.18)} ${by(0.18)}L${bx(0.3)} ${by(0.85)}ZM${bx(0.18)} ${by(0.18)}V${by(0.85)}`, chalk, 3),
    circ(bx(0.45), by(0.5), bh * 0.33, 'none', { stroke: chalk, 'stroke-width': 3 }), line(bx(0.45), by(0.5), bx(0.45) + bh * 0.33, by(0.5), chalk, 3),
    stroke(D`M${bx(0.64)} ${by(0.1)}V${by(0.88)}H${bx(0.95)}M${bx(0.65)} ${by(0.8)}Q${bx(0.78)} ${by(0.75)} ${bx(0.9)} ${by(0.15)}`, chalk, 3),
    q([[1.5, 0.78, 6.6], [2.9, 0.78, 6.6], [2.9, fl, 6.6], [1.5, fl, 6.6]], C.wood), q([[1.5, 0.78, 6.6], [2.9, 0.78, 6.6], [2.9, 0.78, 7.2], [1.5, 0.78, 7.2]], C.woodLt),
    circ(...P([2.5, 0.5, 6.8]), 16, '#5c9ccf'), path(D`M${P([2.5, 0.7, 6.8])[0] - 9} ${P([2.5, 0.78, 6.8])[1]}h18l-5 -12h-8z`, C.woodDk),
    ...rows,
  ];
}

function newHousing() {
  const gy = 470;
  const block = (x, w, h, col, balcony) => {
    const top = gy - h, floors = Math.floor((h - 30) / 40);
    return rect(x, top, w, h, col) + rect(x + w * 0.72, top, w * 0.28, h, shade(col, -0.1)) + rect(x - 4, top - 8, w + 8, 10, shade(col, -0.2))
      + winGrid(x + 14, top + 20, Math.floor((w - 14) / 34), floors, 20, 24, 14, 16, '#5d7d92')
      + winGrid(x + 14, top + 40, Math.floor((w - 14) / 68), Math.ceil(floors / 2), 48, 6, 20, 74, balcony);
  };
  const swing = stroke('M760 600V470L860 470V600M790 470V540M830 470V540', C.red, 6) + rect(780, 540, 60, 8, C.woodDk);
  const slide = stroke('M900 610V520h40v90M900 540h40M900 560h40M900 580h40', C.navy, 6) + path('M940 520L1040 610H1020L940 540Z', C.gold) + path('M894 520h52l-26 -30z', C.red);
  return [
    sky('#8fc0dc', '#eef1e6'),
    cloud(160, 120, 180, C.white, 0.8), cloud(900, 80, 150, C.white, 0.7),
    block(40, 220, 300, '#e9c9a6', C.white), block(300, 200, 360, '#b9d2cc', C.white), block(540, 240, 280, '#efe0b8', C.white), block(820, 200, 340, '#d9b9c4', C.white), block(1040, 180, 260, '#c3d3e0', C.white),
    rect(0, gy, W, H - gy, lin([[0, '#9cc07a'], [1, '#7fa860']])),
    path('M0 500H1200V520H0Z', C.stone),
    ell(880, 600, 240, 50, '#e4cfa2'),
    ...[[80, 520, 140], [250, 540, 120], [1130, 530, 150], [640, 520, 110]].map(([x, y, h]) => leafy(x, y, h, C.leaf)),
    swing, slide,
    bench(300, 640, 110), bench(560, 650, 110),
    person(812, 560, 54, { shirt: C.gold, legs: C.navy, hair: C.hair }), person(980, 600, 60, { shirt: C.red, legs: C.ink, hair: C.woodDk, armsUp: true }),
    person(680, 640, 120, { shirt: C.teal, legs: C.ink, hair: C.hair }), person(730, 640, 60, { shirt: C.red, legs: C.navy, hair: C.gold, skirt: C.red }),
    path('M1080 640h50l-4 -30h-42z', C.navy), circ(1090, 646, 8, C.ink), circ(1122, 646, 8, C.ink), stroke('M1130 612l20 -20', C.ink, 4),
  ];
}

function elderChoir() {
  const stage = 470;
  const back = [], front = [];
  const greys = ['#cfccc6', '#b9b4ab', '#e3e0da', '#9b948a'];
  for (let i = 0; i < 7; i++) back.push(person(320 + i * 94, 370, 170, { shirt: C.white, legs: C.ink, hair: pick(greys), sash: C.red }));
  for (let i = 0; i < 6; i++) front.push(person(367 + i * 94, stage + 10, 160, { shirt: C.white, legs: C.ink, skirt: C.red, scarf: i % 2 ? C.white : undefined, hair: pick(greys), sash: C.red }));
  let folds = '';
  for (let x = 10; x < 150; x += 24) folds += D`M${x} 60Q${x + 10} 300 ${x - 10} 560`;
  return [
    rect(0, 0, W, H, '#2a1f2a'),
    rect(150, 60, 900, 420, lin([[0, '#5a3a48'], [1, '#3a2733']])),
    path('M300 0L420 0L520 470L200 470Z', '#fff6d8', { opacity: 0.08 }), path('M780 0L900 0L1000 470L680 470Z', '#fff6d8', { opacity: 0.08 }),
    ell(600, 330, 420, 160, '#ffe9b8', { opacity: 0.12 }),
    rect(200, 370, 800, 30, '#4a3440'), rect(200, 370, 800, 6, '#6b4c5a'),
    ...back, ...front,
    rect(0, stage + 10, W, 40, '#6b4a36'), rect(0, stage + 10, W, 8, '#8a6446'),
    path('M0 0H160Q170 300 130 560H0Z', C.redDk), stroke(folds, '#6e1920', 6, { opacity: 0.6 }),
    path('M1200 0H1040Q1030 300 1070 560H1200Z', C.redDk), stroke(folds, '#6e1920', 6, { opacity: 0.6, transform: 'matrix(-1 0 0 1 1200 0)' }),
    path('M0 0H1200V70Q900 110 600 70T0 70Z', C.red), stroke(Array.from({ length: 30 }, (_, i) => D`M${i * 40 + 20} 74l10 10l10 -10`).join(''), C.gold, 3, { opacity: 0.6 }),
    rect(0, 520, W, 155, '#1a1419'),
    ...Array.from({ length: 14 }, (_, i) => circ(40 + i * 86 + (i % 2) * 20, 640 - (i % 2) * 18, 34, '#0f0b0e') + rect(i * 86 + (i % 2) * 20, 660 - (i % 2) * 18, 80, 60, '#0f0b0e', { rx: 30 })),
    person(600, 740, 190, { shirt: '#0d0a0c', legs: '#0d0a0c', hair: '#0d0a0c', back: true, armsUp: true }),
  ];
}

function familyPark() {
  const gy = 545;
  const hands = [[470, gy - 92], [575, gy - 80], [680, gy - 70]];
  const walk = (x, s, top, legs, o = {}) => figure({ x, y: gy - s * 1.1, s, f: 1, lean: 4, top, legCol: legs, skin: C.skin, hair: o.hair, ponytail: o.ponytail, skirt: o.skirt,
    legs: o.phase ? [[-24, -12], [22, -6]] : [[22, -6], [-24, -12]], arms: o.arms });
  let jets = '';
  for (const dx of [-120, -70, 70, 120]) jets += D`M870 300Q${870 + dx * 0.6} 210 ${870 + dx} 352`;
  return [
    sky('#97c5dd', '#f1ecda'),
    cloud(140, 110, 190, C.white, 0.85),
    bushes(330, 30, 60, '#76a06c', -20, 1220, 420), leafy(80, 440, 320, C.green), leafy(1130, 430, 300, C.green), leafy(250, 400, 200, C.leaf),
    rect(0, 400, W, H - 400, lin([[0, '#9cc07a'], [1, '#7aa35c']])),
    path('M-10 520Q600 480 1210 520V600Q600 560 -10 610Z', C.sand),
    lamp(160, 520, 170), lamp(1020, 510, 170),
    ell(870, 380, 190, 40, C.stoneDk), ell(870, 372, 180, 34, '#86b7cc'), path('M690 372v20q180 50 360 0v-20q-180 50 -360 0z', C.stone),
    rect(858, 300, 24, 74, C.stone), ell(870, 300, 50, 12, C.stone), ell(870, 296, 44, 8, '#86b7cc'),
    stroke(jets + 'M870 296V230', '#cfe6f0', 5, { opacity: 0.9 }), dots([[800, 340], [940, 340], [760, 350], [980, 352], [850, 250], [890, 252]], '#e3f1f7', 8),
    bench(60, 470, 120),
    ell(580, gy + 8, 300, 12, '#c7b68c', { opacity: 0.5 }),
    walk(400, 96, C.navy, C.ink, { hair: C.hair, arms: [[-20, 15], { to: hands[0], bend: 'd' }] }).svg,
    walk(520, 56, C.red, C.navy, { hair: C.woodDk, phase: 1, arms: [{ to: hands[0], bend: 'd' }, { to: hands[1], bend: 'd' }] }).svg,
    walk(630, 90, C.teal, C.skin, { hair: C.woodDk, ponytail: C.woodDk, skirt: C.gold, phase: 1, arms: [{ to: hands[1], bend: 'd' }, { to: hands[2], bend: 'd' }] }).svg,
    walk(728, 50, C.gold, C.skin, { hair: C.hair, skirt: C.red, arms: [{ to: hands[2], bend: 'd' }, [20, 20]] }).svg,
    bird(300, 160, 12), bird(340, 180, 9),
  ];
}

function musicFestival() {
  const beams = [], cols = ['#e3b24a', '#e0806e', '#8fd0e8', '#c58fe0', '#e3b24a', '#8fd0e8'];
  for (let i = 0; i < 6; i++) {
    const x = 380 + i * 88, a = -1.1 + i * 0.44, len = 700;
    beams.push(path(D`M${x} 200L${x + Math.sin(a) * len - 60} ${200 - Math.cos(a) * len}L${x + Math.sin(a) * len + 60} ${200 - Math.cos(a) * len}Z`, cols[i], { opacity: 0.22 }));
  }
  const crowd = [];
  for (let row = 0; row < 2; row++) for (let x = -20; x < W + 40; x += R(44, 66)) {
    const h = row ? R(150, 175) : R(110, 130), by = row ? 700 : 620;
    crowd.push([x + row * 20, by, h, row ? '#0b0f1c' : '#19203a', R() < 0.45]);
  }
  return [
    sky('#0d1330', '#3a2f5a', '#1d1d45'),
    stars(60, 0, 0, W, 260),
    ...beams,
    path('M0 430Q300 400 600 420T1200 410V675H0Z', '#1b1d38'),
    // stage: truss roof, screen and band
    stroke('M300 430V130M900 430V130M300 130H900M300 130L600 60L900 130', '#8a90a8', 10), stroke('M310 140L340 430M890 140L860 430', '#8a90a8', 3, { opacity: 0.6 }),
    rect(330, 150, 540, 200, '#241f3d'), rect(470, 170, 260, 110, lin([[0, '#6b4fa0'], [1, '#2f5aa8']])),
    rect(320, 350, 560, 80, '#15132a'), rect(320, 350, 560, 6, '#e3b24a'),
    ...[[380, 160], [500, 160], [700, 160], [820, 160]].map(([x, y]) => circ(x, y, 10, '#fff6d8') + circ(x, y, 24, '#fff6d8', { opacity: 0.25 })),
    figure({ x: 430, y: 300, s: 46, f: 1, lean: -6, col: '#0b0f1c', legs: [[-14, -4], [16, -6]], arms: [[40, 50], [70, 20]] }).svg, line(410, 290, 480, 260, '#0b0f1c', 7),
    figure({ x: 600, y: 296, s: 48, f: -1, lean: 4, col: '#0b0f1c', legs: [[-10, -4], [12, -4]], arms: [[150, 20], [80, 60]] }).svg, line(590, 350, 588, 260, '#0b0f1c', 3),
    rect(720, 290, 90, 50, '#0b0f1c'), circ(740, 282, 16, '#0b0f1c'), circ(790, 282, 16, '#0b0f1c'), figure({ x: 770, y: 300, s: 40, f: -1, col: '#0b0f1c', arms: [[100, 40], [120, 30]] }).svg,
    silhouettes(crowd),
    dots(Array.from({ length: 40 }, () => [R(0, W), R(60, 400)]), C.gold, 6, { opacity: 0.8 }), dots(Array.from({ length: 30 }, () => [R(0, W), R(60, 400)]), '#e0806e', 6, { opacity: 0.8 }),
  ];
}

function onion(cx, base, w, h, col, hi) {
  const d = (s) => D`M${cx} ${base}H${cx - s * w / 2}C${cx - s * w * 0.66} ${base - h * 0.5} ${cx - s * w * 0.1} ${base - h * 0.66} ${cx} ${base - h}Z`;
  return path(d(1), col) + path(d(-1), hi || shade(col, -0.2));
}
function cross(x, y, s, col = C.gold) {
  return stroke(D`M${x} ${y}v${-s}M${x - s * 0.3} ${y - s * 0.72}h${s * 0.6}M${x - s * 0.2} ${y - s * 0.32}l${s * 0.4} ${-s * 0.1}`, col, Math.max(2, s * 0.09));
}

function churchWooden() {
  const gy = 500, wood = '#936241', woodD = '#74492e', roof = '#4f4b46', roofD = '#3e3a36';
  let logs = '';
  for (let y = 262; y < gy; y += 14) logs += D`M250 ${y}H880`;
  return [
    sky('#8fb6d2', '#f4dcb4', '#d9d6c6'),
    cloud(860, 120, 200, C.white, 0.6),
    firs(430, 60, 150, '#3f6250', -20, 380, 470), firs(420, 50, 140, '#3f6250', 880, 1220, 470),
    bushes(440, 20, 40, '#6c9362', -20, 1220, 480),
    g([
      rect(250, 260, 120, 240, wood), rect(370, 380, 100, 120, woodD), rect(470, 320, 290, 180, wood), rect(760, 370, 120, 130, woodD),
      rect(580, 210, 80, 90, wood),
    ]),
    stroke(logs, woodD, 2.5, { 'clip-path': clip(path('M250 260h120v120h100v-60h290v50h120v130H250z', '#000')) }),
    stroke('M580 224H660M580 238H660M580 252H660M580 266H660M580 280H660', woodD, 2.5),
    arches([[275, 272], [325, 272]], 26, 40, C.ink), rect(244, 318, 132, 8, woodD),
    path('M240 262L310 150L380 262Z', roof), path('M310 150L380 262H310Z', roofD), onion(310, 156, 40, 56, roof, roofD), cross(310, 100, 40),
    path('M362 382L420 350L478 382Z', roof),
    path('M458 322H772L742 282H488Z', roof), path('M570 212H670L650 196H590Z', roof),
    onion(620, 198, 96, 120, roof, roofD), cross(620, 78, 56),
    path('M752 372H888L850 338H780Z', roof), onion(815, 340, 36, 46, roof, roofD), cross(815, 294, 30),
    arches([[520, 380], [600, 380], [680, 380], [805, 410]], 30, 50, '#f6d58e'), arches([[405, 420]], 36, 80, C.woodDk),
    rect(0, gy, W, H - gy, lin([[0, '#8fb46a'], [1, '#6b9150']])),
    path('M380 675Q400 560 420 500H440Q470 580 560 675Z', C.sand),
    birch(120, 560, 360, C.lime, 10), birch(1010, 560, 330, C.lime, -10), birch(1080, 600, 420, '#a9c06a', 8),
    pine(960, 520, 200, '#3f6250'), pine(190, 540, 150, '#3f6250'),
    stroke(Array.from({ length: 40 }, (_, i) => (i * 30 < 380 || i * 30 > 480 ? D`M${i * 30 + 8} 590V548` : '')).join(''), C.woodLt, 8),
    stroke('M0 556H380M480 556H1200M0 578H380M480 578H1200', C.woodLt, 5),
  ];
}

function railwayStation() {
  const plat = 470;
  const car = (x, w, nose) => {
    const top = 330, bot = 470;
    const body = nose ? D`M${x} ${top}H${x + w - 70}Q${x + w + 10} ${top + 10} ${x + w + 20} ${bot - 20}V${bot}H${x}Z` : D`M${x} ${top}H${x + w}V${bot}H${x}Z`;
    return path(body, '#eef0f0') + rect(x, bot - 40, w + (nose ? 20 : 0), 14, C.red) + rect(x, bot - 22, w + (nose ? 20 : 0), 22, '#9aa3a8')
      + winGrid(x + 60, top + 28, Math.floor((w - 100) / 50), 1, 36, 40, 14, 0, '#3a4b5c')
      + rect(x + 14, top + 24, 32, 100, '#5d7282') + rect(x + w - 46 - (nose ? 70 : 0), top + 24, 32, 100, '#5d7282')
      + (nose ? path(D`M${x + w - 64} ${top + 14}Q${x + w} ${top + 20} ${x + w + 12} ${top + 70}H${x + w - 64}Z`, '#3a4b5c') : '')
      + rect(x + 4, top - 10, w - 8, 12, '#c3c9cd', { rx: 4 });
  };
  return [
    sky('#8fbcd8', '#f0ead8'),
    cloud(820, 90, 200, C.white, 0.8),
    // station building with clock tower
    rect(80, 170, 760, 200, C.cream), rect(80, 170, 760, 14, C.sand), path('M70 172H850L810 130H110Z', C.roof),
    arches(Array.from({ length: 12 }, (_, i) => [110 + i * 60 + (i > 5 ? 40 : 0), 210]), 30, 60, '#6f8fa4'),
    rect(390, 60, 120, 310, C.sand), rect(470, 60, 40, 310, C.sandDk), path('M380 64H520L450 0Z', C.roof),
    circ(450, 120, 34, C.white), circ(450, 120, 34, 'none', { stroke: C.woodDk, 'stroke-width': 5 }), stroke('M450 120V98M450 120L466 128', C.ink, 4),
    arches([[420, 200]], 60, 110, '#6f8fa4'),
    leafy(940, 360, 240, C.green), leafy(1100, 360, 200, C.leaf),
    rect(0, 360, W, 20, C.stoneDk),
    // catenary
    stroke('M0 270H1200', C.ink, 2), stroke('M160 270V372M760 270V372M1160 270V372', C.greyDk, 7), stroke('M160 286H260M760 286H860', C.greyDk, 4),
    stroke('M620 270L600 300L660 300L640 270', C.ink, 3), line(630, 300, 630, 322, C.ink, 3),
    car(-60, 330, false), car(280, 330, false), car(620, 420, true),
    rect(0, 478, W, 30, '#8b8378'), stroke('M0 490H1200M0 504H1200', '#5d5a55', 5),
    // the near platform
    rect(0, 520, W, 155, '#bfb8ab'), rect(0, 520, W, 12, '#e7e0d2'), rect(0, 536, W, 8, '#e3b84a'),
    stroke('M0 600H1200M0 650H1200', '#aaa397', 2),
    lamp(120, 660, 150), bench(860, 640, 130),
    person(480, 650, 118, { shirt: C.navy, legs: C.ink, hair: C.hair }), rect(510, 600, 36, 48, C.red, { rx: 6 }), stroke('M520 600v-8h16v8', C.ink, 3), dots([[516, 650], [540, 650]], C.ink, 6),
    person(640, 652, 110, { shirt: C.teal, legs: C.ink, hair: C.woodDk, skirt: C.gold }), person(700, 654, 70, { shirt: C.red, legs: C.navy, hair: C.gold }),
  ];
}

function robotics() {
  const tb = 470;
  const seg = (a, b, w, col) => line(...a, ...b, col, w) + line(...a, ...b, shade(col, 0.25), w * 0.35, { transform: D`translate(${-w * 0.18} ${-w * 0.18})` });
  const base = [720, 410], sh = [720, 370], el = [840, 230], wr = [990, 300], tip = [990, 360];
  return [
    rect(0, 0, W, H, '#e2e7ea'),
    rect(0, 0, W, H, pattern(30, 30, circ(15, 15, 2.5, '#c5ced4'))),
    rect(60, 60, 240, 150, C.white), stroke('M90 180L140 120L190 150L260 90', C.teal, 5), dots([[140, 120], [190, 150], [260, 90]], C.red, 12),
    rect(0, tb, W, 22, C.woodLt), rect(0, tb + 22, W, H - tb - 22, '#9aa4ab'), rect(40, tb + 22, 14, 190, C.greyDk), rect(1146, tb + 22, 14, 190, C.greyDk),
    // control screen
    path('M250 430h40l10 40h-60z', C.greyDk), rect(110, 190, 330, 240, C.ink, { rx: 12 }), rect(124, 204, 302, 212, '#1d2734'),
    stroke('M190 380L220 330L280 270L340 300', '#6fc1b8', 8), dots([[190, 380], [220, 330], [280, 270], [340, 300]], C.gold, 16),
    ...[0, 1, 2].map((i) => rect(150, 232 + i * 26, 100, 8, '#3a4b5c', { rx: 4 }) + rect(150, 232 + i * 26, 30 + i * 28, 8, ['#e0806e', '#e3b24a', '#a797d6'][i], { rx: 4 })),
    rect(380, 380, 30, 22, C.red, { rx: 4 }),
    // robot arm
    ell(720, tb, 90, 16, C.greyDk), rect(660, 420, 120, 50, C.ink, { rx: 8 }), rect(680, 380, 80, 50, '#3a4450'),
    seg(sh, el, 54, C.ochre), seg(el, wr, 42, C.ochre),
    circ(...sh, 38, C.ink), circ(...sh, 16, C.grey), circ(...el, 32, C.ink), circ(...el, 12, C.grey), circ(...wr, 24, C.ink),
    stroke(D`M${sh[0] + 30} ${sh[1] + 10}Q${790} ${330} ${el[0] + 20} ${el[1] + 28}Q${920} ${290} ${wr[0]} ${wr[1] + 26}`, C.ink, 4),
    rect(970, 318, 40, 26, C.greyDk), stroke('M976 344V392L986 400M1004 344V392L994 400', C.greyDk, 8),
    rect(972, 404, 36, 36, C.red), rect(1040, 430, 40, 40, C.navy), rect(1092, 440, 30, 30, C.gold), rect(880, 440, 30, 30, C.teal),
    rect(500, 446, 130, 24, '#3a4450', { rx: 4 }), dots([[520, 458], [545, 458]], C.leaf, 10), dots([[570, 458]], C.red, 10),
  ];
}

function hikingTrail() {
  const arrow = (x, y, w, dir, col) => {
    const h = 34, tip = dir * 26;
    const p = dir > 0 ? [[x, y], [x + w, y], [x + w + tip, y + h / 2], [x + w, y + h], [x, y + h]] : [[x, y], [x - w, y], [x - w + tip, y + h / 2], [x - w, y + h], [x, y + h]];
    return poly(p, C.woodLt) + rect(dir > 0 ? x + w - 26 : x - w + 2, y + 8, 24, h - 16, col) + stroke(D`M${x} ${y + h}${dir > 0 ? 'h' : 'h-'}${w}`, C.wood, 3);
  };
  const marked = (x, by, w, h, col) => rect(x - w / 2, by - h, w, h, col) + rect(x - w / 2, by - h * 0.55, w, 30, C.white) + rect(x - w / 2, by - h * 0.55 + 10, w, 10, C.red);
  const hiker = figure({ x: 330, y: 450, s: 50, f: -1, lean: 8, top: C.red, legCol: C.navy, skin: C.skin, hat: C.gold, legs: [[-24, -10], [22, -8]], arms: [[-20, 20], [30, 10]] });
  return [
    sky('#c7dcc0', '#7fa077'),
    firs(380, 100, 260, '#9db892'), firs(430, 80, 220, '#6f936b'),
    path('M0 420Q600 380 1200 420V675H0Z', '#5d8652'),
    path('M500 675Q560 520 590 440Q560 410 420 380Q400 376 380 384Q470 430 520 470Q470 600 380 675Z', C.sand),
    path('M640 675Q630 520 610 450Q660 420 820 390Q840 388 850 396Q700 440 660 480Q690 600 760 675Z', C.sand),
    path('M420 675Q560 560 590 460L640 470Q660 580 740 675Z', C.sand),
    marked(150, 620, 60, 700, '#3d5a45'), marked(1040, 640, 70, 700, '#3d5a45'), marked(860, 430, 26, 380, '#587a5a'), marked(250, 420, 22, 360, '#587a5a'),
    pine(1150, 675, 420, C.forest), pine(40, 675, 380, C.forest),
    // signpost with arrows pointing along the trails
    rect(596, 240, 18, 300, C.woodDk), path('M584 244L605 214L626 244Z', C.woodDk),
    arrow(614, 260, 150, 1, C.red), arrow(596, 310, 140, -1, C.navy), arrow(614, 360, 120, 1, C.leaf), arrow(596, 410, 110, -1, C.gold),
    // quiz board
    stroke('M920 560V470M1000 560V470', C.woodDk, 8), rect(900, 440, 120, 80, C.woodLt), rect(910, 450, 100, 60, C.cream), path('M940 496q20 -46 50 -30q-10 30 -50 30z', C.leaf), circ(935, 470, 8, C.red),
    // a walker with a backpack and a pole
    rect(hiker.neck[0] + 6, hiker.neck[1] - 4, 26, 40, C.ochre, { rx: 8, transform: D`rotate(-8 ${hiker.neck[0]} ${hiker.neck[1]})` }), hiker.svg, line(...hiker.hands[1], hiker.hands[1][0] - 24, 528, C.ink, 3),
    stroke(Array.from({ length: 50 }, () => { const x = R(0, W), y = R(560, H); return D`M${x} ${y}l-5 -16M${x + 6} ${y}l2 -18M${x + 12} ${y}l6 -14`; }).join(''), '#3f6a40', 3),
  ];
}

function tennis() {
  const far = 330, near = 760, fl = [380, 820], nl = [-60, 1260];
  const at = (t, u) => { const y = far + (near - far) * t, l = fl[0] + (nl[0] - fl[0]) * t, r = fl[1] + (nl[1] - fl[1]) * t; return [l + (r - l) * u, y]; };
  const L = (t1, u1, t2, u2) => { const a = at(t1, u1), b = at(t2, u2); return D`M${a[0]} ${a[1]}L${b[0]} ${b[1]}`; };
  const tn = 0.3, ts1 = 0.15, ts2 = 0.5, s1 = 0.125, s2 = 0.875;
  const player = figure({ x: 300, y: 470, s: 108, f: 1, lean: -8, top: C.white, legCol: C.skin, skin: C.skin, hair: C.hair, ponytail: C.hair, skirt: C.white,
    legs: [[-22, -14], [12, -4]], arms: [[172, 0], [-112, -66]] });
  const [hx, hy] = player.hands[1], [ex, ey] = player.elbows[1];
  const d = Math.hypot(hx - ex, hy - ey), ux = (hx - ex) / d, uy = (hy - ey) / d, rc = [hx + ux * 70, hy + uy * 70];
  const ang = (Math.atan2(uy, ux) * 180) / Math.PI;
  const [na, nb] = [at(tn, -0.08), at(tn, 1.08)];
  return [
    sky('#8cc0dc', '#eef2e6'),
    bushes(250, 30, 60, '#6f9a64', -20, 1220, 300),
    rect(0, 230, W, 110, '#2f5a48'), stroke(Array.from({ length: 25 }, (_, i) => D`M${i * 50} 230V340`).join(''), '#24473a', 3),
    rect(0, 330, W, H - 330, '#b9573b'),
    path(polyline([at(0, -0.06), at(0, 1.06), at(1, 1.06), at(1, -0.06)]) + 'Z', '#c8694a'),
    stroke(L(0, 0, 0, 1) + L(0, 0, 1, 0) + L(0, 1, 1, 1) + L(0, s1, 1, s1) + L(0, s2, 1, s2) + L(ts1, s1, ts1, s2) + L(ts2, s1, ts2, s2) + L(ts1, 0.5, ts2, 0.5) + L(0, 0.5, 0.02, 0.5), C.white, 4),
    figure({ x: 760, y: 318, s: 30, f: -1, top: C.navy, legCol: C.ink, skin: C.skin, lean: 20, legs: [[-20, -20], [20, -30]], arms: [[40, 30], [60, 40]] }).svg,
    rect(na[0], na[1] - 50, nb[0] - na[0], 50, pattern(8, 8, path('M0 0H8V8', 'none', { stroke: '#2b2b2b', 'stroke-width': 1 })), { opacity: 0.7 }),
    rect(na[0], na[1] - 54, nb[0] - na[0], 7, C.white), stroke(D`M${na[0]} ${na[1] + 4}V${na[1] - 58}M${nb[0]} ${nb[1] + 4}V${nb[1] - 58}`, C.greyDk, 8),
    ell(310, 600, 100, 12, '#8e412b', { opacity: 0.5 }),
    player.svg,
    line(hx, hy, hx + ux * 36, hy + uy * 36, C.ink, 8), ell(...rc, 24, 33, 'none', { stroke: C.navy, 'stroke-width': 6, transform: D`rotate(${fmt(ang + 90)} ${fmt(rc[0])} ${fmt(rc[1])})` }),
    circ(player.hands[0][0] + 6, player.hands[0][1] - 70, 11, '#d9e04a'),
  ];
}

function bison() {
  let fur = '', furDk = '';
  for (let i = 0; i < 90; i++) {
    const x = R(480, 860), y = R(120, 560), a = R(1.2, 2.2);
    (i % 2 ? (fur += D`M${x} ${y}q${Math.cos(a) * 8} ${Math.sin(a) * 8} ${Math.cos(a) * 4} ${Math.sin(a) * 22}`) : (furDk += D`M${x} ${y}q${Math.cos(a) * 8} ${Math.sin(a) * 8} ${Math.cos(a) * 4} ${Math.sin(a) * 22}`));
  }
  let beard = '';
  for (let i = 0; i < 16; i++) { const x = R(340, 470); beard += D`M${x} ${R(480, 520)}q${R(-8, 8)} 40 ${R(-4, 4)} ${R(60, 100)}`; }
  return [
    sky('#c8d7b0', '#7b9a68'),
    ...[80, 180, 980, 1140].map((x, i) => rect(x, 0, 30 + i * 8, H, '#9fb58c', { opacity: 0.5 })),
    circ(180, 170, 140, '#e9efd6', { opacity: 0.3 }),
    bushes(520, 40, 80, '#6b8a5a', -20, 1220, 675),
    path('M560 675L520 420C520 300 560 160 700 110C820 70 1000 120 1100 170C1180 210 1220 240 1220 260V675Z', '#4a3222'),
    path('M470 575C440 420 470 250 560 170C630 110 720 90 800 110C880 130 890 210 870 290C850 390 780 480 720 575Z', '#7b5535'),
    stroke(fur, '#9c7148', 4), stroke(furDk, '#5e3f27', 4),
    path('M470 575C500 600 560 620 640 610C690 600 720 590 720 575Z', '#7b5535'),
    path('M540 190C560 150 600 140 620 160C600 175 570 190 540 190Z', '#e2d6bd'), path('M600 150C610 130 620 120 630 125C625 140 618 150 610 158Z', '#3a2d22'),
    path('M500 180C450 170 380 200 350 260C320 320 300 380 262 418C238 444 242 482 272 492C312 506 352 492 382 472C432 442 472 420 502 380C542 320 560 240 500 180Z', '#3d2a1d'),
    path('M352 484C352 540 382 610 430 622C470 616 484 560 478 452C446 486 396 496 352 484Z', '#5a3d27'), stroke(beard, '#3d2a1d', 3),
    path('M360 240C380 180 460 150 530 180C550 210 540 250 500 250C470 262 420 262 380 250C372 248 364 246 360 240Z', '#6b4a30'), stroke('M380 230q20 -30 50 -30M420 240q24 -36 60 -36M470 236q20 -20 40 -24', '#8a6240', 4),
    path('M470 226C440 206 426 166 444 130C448 122 458 124 456 134C448 166 466 196 494 210Z', '#e2d6bd'), path('M444 130C448 120 458 116 462 124C458 134 456 142 452 148L446 140Z', '#2e241c'),
    ell(500, 292, 22, 12, '#4a3222', { transform: 'rotate(-30 500 292)' }),
    ell(398, 318, 11, 9, '#15100b'), circ(402, 315, 3, '#f0e6d0'),
    path('M262 420C248 440 250 476 276 486C300 492 320 480 320 462C314 440 290 424 262 420Z', '#2b1f17'), ell(276, 452, 7, 10, '#0e0a07', { transform: 'rotate(20 276 452)' }),
  ];
}

// ---------------------------------------------------------------- event motifs

/** A soft round glow fading from its centre (light sources at night). */
const glow = (cx, cy, r, col, op = 0.5) => circ(cx, cy, r, `url(#${def('radialGradient', {}, [el('stop', { offset: 0, 'stop-color': col, 'stop-opacity': op }), el('stop', { offset: 1, 'stop-color': col, 'stop-opacity': 0 })])})`);

function concertHall() {
  const stage = 478;
  const pipeRow = (x0, n, w, gap, base, topAt, col) => {
    let body = '', side = '', mouth = '', lip = '';
    for (let i = 0; i < n; i++) {
      const x = x0 + i * (w + gap), top = topAt(n > 1 ? i / (n - 1) : 0.5), my = base - Math.min(60, (base - top) * 0.3);
      body += D`M${x} ${base}V${top + w * 0.3}Q${x + w / 2} ${top - w * 0.3} ${x + w} ${top + w * 0.3}V${base}Z`;
      side += D`M${x + w * 0.66} ${base}V${top + w * 0.2}Q${x + w * 0.85} ${top + w * 0.05} ${x + w} ${top + w * 0.3}V${base}Z`;
      mouth += D`M${x + w * 0.22} ${my}h${w * 0.56}v${w * 0.5}h${-w * 0.56}z`;
      lip += D`M${x + w * 0.22} ${my}l${w * 0.28} ${-w * 0.7}l${w * 0.28} ${w * 0.7}z`;
    }
    return path(body, col) + path(side, shade(col, -0.18)) + path(lip, shade(col, -0.3)) + path(mouth, '#1b1418');
  };
  const tower = (x, w, top) => rect(x - 10, top, w + 20, 300 - (top - 90), C.woodDk) + path(D`M${x - 18} ${top}L${x + w / 2} ${top - 50}L${x + w + 18} ${top}Z`, C.wood)
    + circ(x + w / 2, top - 54, 7, C.gold) + pipeRow(x, 5, (w - 16) / 5, 4, 370, (t) => top + 30 + 26 * Math.abs(t - 0.5), C.gold);
  const stands = [], players = [];
  for (let i = 0; i < 13; i++) {
    const x = 190 + i * 68 + (i % 2) * 10, row = i % 2, by = stage - 4 - row * 34, h = row ? 78 : 88;
    players.push([x, by, h, '#1c1418', false]);
    stands.push(D`M${x + 22} ${by}V${by - h * 0.55}M${x + 8} ${by - h * 0.55}l28 -8`);
  }
  const cellos = [[260, stage - 6], [330, stage - 6], [880, stage - 6]];
  let folds = '';
  for (let x = 14; x < 130; x += 22) folds += D`M${x} 0Q${x + 8} 260 ${x - 8} 520`;
  return [
    rect(0, 0, W, H, lin([[0, '#4a2f31'], [1, '#2a1c22']])),
    ...[0, 1, 2, 3, 4, 5].map((i) => rect(150 + i * 160, 0, 6, stage, '#5b3b3a', { opacity: 0.6 })),
    ell(600, 250, 460, 260, '#ffe3a8', { opacity: 0.1 }), ell(600, 300, 300, 170, '#ffe3a8', { opacity: 0.1 }),
    // organ: wooden case, three flats of steel pipes, two golden towers
    rect(300, 130, 600, 260, C.woodDk), rect(292, 122, 616, 14, C.wood), rect(300, 370, 600, 26, C.wood),
    pipeRow(412, 17, 16, 6, 370, (t) => 150 + 110 * (2 * t - 1) ** 2, C.steel),
    pipeRow(322, 4, 14, 6, 370, (t) => 240 - 40 * t, '#d6dbde'), pipeRow(796, 4, 14, 6, 370, (t) => 200 + 40 * t, '#d6dbde'),
    tower(250, 86, 110), tower(864, 86, 110),
    // orchestra on a raised stage, conductor on the podium
    rect(120, stage - 44, 960, 44, '#5e3f30'), rect(120, stage - 44, 960, 6, '#7a5640'),
    stroke(stands.join(''), '#0f0b0e', 4),
    silhouettes(players),
    ...cellos.map(([x, y]) => ell(x + 24, y - 30, 16, 26, C.woodLt) + line(x + 24, y - 56, x + 20, y - 96, C.ink, 4)),
    rect(0, stage, W, 34, '#8a6446'), rect(0, stage, W, 6, '#a87c58'),
    rect(560, stage - 12, 80, 14, '#3a2a26'),
    person(600, stage - 12, 120, { shirt: '#141014', legs: '#141014', hair: '#cfccc6', back: true, armsUp: true }),
    line(648, stage - 116, 690, stage - 150, C.white, 3),
    // side curtains and the dark audience
    path('M0 0H140Q150 260 110 520H0Z', C.redDk), stroke(folds, '#6e1920', 6, { opacity: 0.6 }),
    path('M1200 0H1060Q1050 260 1090 520H1200Z', C.redDk), stroke(folds, '#6e1920', 6, { opacity: 0.6, transform: 'matrix(-1 0 0 1 1200 0)' }),
    rect(0, stage + 34, W, H - stage - 34, '#1a1419'),
    ...Array.from({ length: 15 }, (_, i) => circ(30 + i * 82 + (i % 2) * 18, 620 - (i % 2) * 16, 30, '#0f0b0e') + rect(i * 82 + (i % 2) * 18 - 6, 640 - (i % 2) * 16, 72, 60, '#0f0b0e', { rx: 28 })),
  ];
}

function christmasFair() {
  const gy = 470;
  const house = (x, w, h, col) => rect(x, gy - h, w, h, col) + path(D`M${x - 8} ${gy - h}L${x + w / 2} ${gy - h - w * 0.35}L${x + w + 8} ${gy - h}Z`, shade(col, -0.35))
    + path(D`M${x - 8} ${gy - h}L${x + w / 2} ${gy - h - w * 0.35}L${x + w + 8} ${gy - h}L${x + w} ${gy - h + 8}L${x + w / 2} ${gy - h - w * 0.35 + 12}L${x} ${gy - h + 8}Z`, C.snow, { opacity: 0.85 })
    + winGrid(x + 16, gy - h + 26, Math.floor((w - 16) / 36), Math.floor((h - 40) / 50), 20, 30, 16, 20, '#f6d58e');
  const chalet = (x, w, goods) => {
    const top = 330, roofTop = top - w * 0.32;
    return rect(x, top, w, 150, C.wood) + stroke(Array.from({ length: 9 }, (_, i) => D`M${x} ${top + 10 + i * 16}h${w}`).join(''), C.woodDk, 2)
      + rect(x + 14, top + 26, w - 28, 64, '#f6d58e') + rect(x + 14, top + 26, w - 28, 64, lin([[0, '#ffe7ae'], [1, '#e9b85c']]))
      + goods + rect(x + 6, top + 86, w - 12, 14, C.woodLt)
      + path(D`M${x - 24} ${top + 4}L${x + w / 2} ${roofTop}L${x + w + 24} ${top + 4}Z`, C.redDk)
      + path(D`M${x - 28} ${top + 6}L${x + w / 2} ${roofTop - 6}L${x + w + 28} ${top + 6}L${x + w + 14} ${top + 14}Q${x + w * 0.75} ${top - 4} ${x + w / 2} ${roofTop + 12}Q${x + w * 0.25} ${top - 4} ${x - 14} ${top + 14}Z`, C.snow)
      + dots(Array.from({ length: 9 }, (_, i) => [x - 14 + (i * (w + 28)) / 8, top + 18 + 6 * Math.sin((i / 8) * Math.PI)]), C.sunPale, 9);
  };
  const tree = (x, by, h) => {
    let d = '', dk = '', balls = [], balls2 = [];
    for (let i = 0; i < 5; i++) {
      const base = by - h * (0.12 + i * 0.17), ww = h * (0.36 - i * 0.06), top = base - h * 0.27;
      d += D`M${x - ww} ${base}Q${x - ww * 0.3} ${base - h * 0.03} ${x} ${top}L${x} ${base + 4}Z`;
      dk += D`M${x} ${top}Q${x + ww * 0.3} ${base - h * 0.03} ${x + ww} ${base}L${x} ${base + 4}Z`;
      for (let k = 0; k < 4; k++) (k % 2 ? balls : balls2).push([x + (k - 1.5) * ww * 0.45, base - R(4, 16)]);
    }
    let garland = '';
    for (let i = 0; i < 4; i++) { const y = by - h * (0.2 + i * 0.17), ww = h * (0.3 - i * 0.055); garland += D`M${x - ww} ${y}Q${x} ${y + 26} ${x + ww} ${y - 16}`; }
    const sy = by - h * 0.96, star = Array.from({ length: 10 }, (_, i) => { const r = i % 2 ? 12 : 28, a = (i * Math.PI) / 5 - Math.PI / 2; return [x + Math.cos(a) * r, sy + Math.sin(a) * r]; });
    return rect(x - 14, by - h * 0.14, 28, h * 0.14, C.woodDk) + path(d, '#2f6b47') + path(dk, '#24553a')
      + stroke(garland, C.gold, 4) + dots(balls, C.red, 18) + dots(balls2, C.white, 16) + dots(balls.map(([a, b]) => [a + 28, b - 30]), C.sunPale, 9)
      + glow(x, sy, 80, C.sunPale, 0.55) + poly(star, C.sun);
  };
  const wrapped = (x, y, w, h, col, band) => rect(x, y, w, h, col) + rect(x + w / 2 - 4, y, 8, h, band) + rect(x, y + h / 2 - 4, w, 8, band);
  const flakes = Array.from({ length: 110 }, () => [R(0, W), R(0, H)]);
  return [
    sky('#1d2b4f', '#8a7f9e', '#3b4a73'),
    stars(40, 0, 0, W, 200),
    house(-20, 200, 230, '#46577a'), house(170, 170, 270, '#3e4d6e'), house(870, 190, 250, '#46577a'), house(1050, 190, 220, '#3e4d6e'),
    rect(0, gy, W, H - gy, lin([[0, C.snowSh], [1, C.snow]])),
    stroke('M0 200Q300 260 600 190T1200 210', C.ink, 2), dots(Array.from({ length: 31 }, (_, i) => [i * 40, 200 + 24 * Math.sin(i * 0.52)]), C.sunPale, 10),
    chalet(60, 220, wrapped(90, 382, 40, 34, C.red, C.gold) + wrapped(140, 394, 30, 22, C.teal, C.white) + dots([[200, 396], [222, 394], [244, 398]], C.ochre, 22)),
    chalet(920, 220, rect(950, 372, 16, 44, C.woodDk) + rect(976, 380, 16, 36, C.woodDk) + path('M1010 416q10 -40 36 -40q26 0 36 40z', C.wheat) + stroke('M1030 384l-10 30M1060 384l10 30', C.wheatDk, 3)),
    tree(600, 520, 430),
    ...[[440, 490, C.red, C.gold], [720, 496, C.navy, C.white], [760, 478, C.gold, C.red]].map(([x, y, a, b]) => wrapped(x, y, 44, 34, a, b)),
    person(330, 600, 140, { shirt: C.red, legs: C.ink, hair: C.hair, back: true, scarf: C.white }),
    person(392, 606, 84, { shirt: C.teal, legs: C.navy, hair: C.gold, back: true }),
    person(860, 610, 150, { shirt: C.navy, legs: C.ink, hair: C.ink, back: true, sash: C.red }),
    person(940, 606, 140, { shirt: C.plum, legs: C.ink, hair: C.woodDk, back: true, skirt: C.plum }),
    dots(flakes.slice(0, 60), C.white, 5, { opacity: 0.8 }), dots(flakes.slice(60), C.white, 8, { opacity: 0.9 }),
  ];
}

function filmScreen() {
  const sx = 200, sy = 60, sw = 800, sh = 330;
  const scene = clip(rect(sx, sy, sw, sh, '#000'));
  const seatRow = (y, n, w, h, dx, heads) => {
    let backs = '', tops = '', hd = [];
    for (let i = 0; i < n; i++) {
      const x = dx + i * (w + w * 0.12);
      backs += D`M${x} ${y + h}V${y + w * 0.25}Q${x} ${y} ${x + w * 0.25} ${y}H${x + w * 0.75}Q${x + w} ${y} ${x + w} ${y + w * 0.25}V${y + h}Z`;
      tops += D`M${x + w * 0.2} ${y + 6}H${x + w * 0.8}`;
      if (heads(i)) hd.push([x + w / 2, y - w * 0.28]);
    }
    return dots(hd, '#0c0d16', w * 0.62) + path(hd.map(([x, y2]) => D`M${x - w * 0.4} ${y + 4}Q${x - w * 0.4} ${y2 + w * 0.3} ${x} ${y2 + w * 0.3}Q${x + w * 0.4} ${y2 + w * 0.3} ${x + w * 0.4} ${y + 4}Z`).join(''), '#0c0d16')
      + path(backs, C.redDk) + stroke(tops, '#b13a40', 4, { opacity: 0.7 });
  };
  let folds = '';
  for (let x = 20; x < 190; x += 26) folds += D`M${x} 30Q${x + 10} 240 ${x - 6} 430`;
  return [
    rect(0, 0, W, H, '#141726'),
    path(D`M1210 -20L${sx} ${sy}L${sx} ${sy + sh}Z`, '#e8f0ff', { opacity: 0.05 }), path(D`M1210 -20L${sx + sw} ${sy}L${sx} ${sy + sh}Z`, '#e8f0ff', { opacity: 0.06 }),
    rect(sx - 14, sy - 14, sw + 28, sh + 28, '#0b0d17'),
    g([
      sky('#9cc8df', '#f5e2b6'), sun(760, 150, 40),
      cloud(320, 150, 200, C.white, 0.8),
      path(D`M${sx} 300Q420 250 600 290T${sx + sw} 270V${sy + sh}H${sx}Z`, '#7aa36c'),
      firs(300, 20, 60, '#3f6250', sx, 520, 330),
      path(D`M${sx} 340Q600 300 ${sx + sw} 330V${sy + sh}H${sx}Z`, C.wheat),
      birch(860, 380, 220, C.lime, -6), birch(920, 392, 180, '#a9c06a', 6),
      stroke(D`M640 ${sy + sh}Q620 360 600 300`, C.sand, 16),
    ], { 'clip-path': scene }),
    rect(sx, sy, sw, sh, '#ffffff', { opacity: 0.06 }),
    path('M0 0H200Q210 220 170 440H0Z', C.redDk), stroke(folds, '#6e1920', 6, { opacity: 0.6 }),
    path('M1200 0H1000Q990 220 1030 440H1200Z', C.redDk), stroke(folds, '#6e1920', 6, { opacity: 0.6, transform: 'matrix(-1 0 0 1 1200 0)' }),
    path('M0 0H1200V40Q900 70 600 40T0 40Z', C.red),
    rect(0, 420, W, H - 420, '#10121e'),
    stroke('M60 440V675M1140 440V675', '#e3b24a', 3, { 'stroke-dasharray': '2 22', opacity: 0.8 }),
    seatRow(450, 16, 58, 60, 40, (i) => i % 3 !== 1),
    seatRow(520, 13, 78, 80, 6, (i) => i % 4 !== 2),
    seatRow(600, 10, 104, 100, -40, (i) => i === 3 || i === 4 || i === 7),
  ];
}

function artGallery() {
  const floor = 500;
  const frame = (x, y, w, h, col, inner) => rect(x - 14, y - 14, w + 28, h + 28, col) + rect(x - 6, y - 6, w + 12, h + 12, shade(col, 0.25))
    + g(inner, { 'clip-path': clip(rect(x, y, w, h, '#000')) }) + rect(x - 14, y + h + 14, w + 28, 6, '#000', { opacity: 0.12 });
  const spot = (x, tx, tw) => path(D`M${x - 8} 40L${tx - tw} 470H${tx + tw}L${x + 8} 40Z`, '#fff6d8', { opacity: 0.16 })
    + stroke(D`M${x} 12V30`, C.ink, 4) + path(D`M${x - 14} 28h28l-6 18h-16z`, C.ink);
  const landscape = (x, y, w, h) => [rect(x, y, w, h, '#a9cbe0'), sun(x + w * 0.75, y + h * 0.3, h * 0.1, C.sun, false),
    path(D`M${x} ${y + h * 0.6}Q${x + w * 0.3} ${y + h * 0.45} ${x + w * 0.6} ${y + h * 0.58}T${x + w} ${y + h * 0.52}V${y + h}H${x}Z`, '#7aa36c'),
    path(D`M${x} ${y + h * 0.78}Q${x + w * 0.5} ${y + h * 0.68} ${x + w} ${y + h * 0.8}V${y + h}H${x}Z`, C.wheat), pine(x + w * 0.2, y + h * 0.66, h * 0.4, '#3f6250')];
  const abstract = (x, y, w, h) => [rect(x, y, w, h, C.cream), circ(x + w * 0.35, y + h * 0.4, h * 0.3, C.red), rect(x + w * 0.5, y + h * 0.15, w * 0.35, h * 0.7, C.navy, { opacity: 0.9 }),
    rect(x + w * 0.1, y + h * 0.72, w * 0.55, h * 0.12, C.gold), line(x + w * 0.1, y + h * 0.15, x + w * 0.9, y + h * 0.9, C.ink, 4)];
  const stillLife = (x, y, w, h) => [rect(x, y, w, h, '#3b4a4c'), rect(x, y + h * 0.7, w, h * 0.3, C.woodDk),
    path(D`M${x + w * 0.3} ${y + h * 0.72}q${-w * 0.14} ${-h * 0.2} ${-w * 0.02} ${-h * 0.38}h${w * 0.14}q${w * 0.12} ${h * 0.18} ${-w * 0.02} ${h * 0.38}z`, C.teal),
    circ(x + w * 0.62, y + h * 0.64, w * 0.09, C.red), circ(x + w * 0.78, y + h * 0.66, w * 0.07, C.ochre), circ(x + w * 0.7, y + h * 0.58, w * 0.07, C.lime)];
  const stitchedBand = (x, y, w, h) => [rect(x, y, w, h, C.linen), path(stitches(Math.ceil(w / 8), Math.ceil(h / 8), 8, (c, r) => { const s = Math.abs(((c + 6) % 12) - 6) + Math.abs(r - Math.floor(h / 16)); return s === 4 || s === 0 || s === 7; }, x, y), C.red)];
  const portrait = (x, y, w, h) => [rect(x, y, w, h, '#6b5a4a'), ell(x + w / 2, y + h * 0.95, w * 0.42, h * 0.4, C.navy), ell(x + w / 2, y + h * 0.4, w * 0.27, h * 0.3, C.hair), ell(x + w / 2, y + h * 0.45, w * 0.2, h * 0.24, C.skin), path(D`M${x + w * 0.3} ${y + h * 0.4}Q${x + w * 0.4} ${y + h * 0.2} ${x + w * 0.7} ${y + h * 0.34}Q${x + w * 0.62} ${y + h * 0.12} ${x + w / 2} ${y + h * 0.12}Q${x + w * 0.3} ${y + h * 0.14} ${x + w * 0.3} ${y + h * 0.4}Z`, C.hair), ell(x + w / 2, y + h * 0.76, w * 0.08, h * 0.05, C.white)];
  return [
    rect(0, 0, W, floor, lin([[0, '#f1ebdf'], [1, '#e4dccc']])),
    rect(0, 0, W, 30, '#d9d0bf'), stroke('M0 24H1200', C.greyDk, 4),
    spot(170, 170, 120), spot(470, 470, 130), spot(780, 780, 150), spot(1060, 1060, 110),
    frame(90, 150, 160, 210, C.gold, portrait(90, 150, 160, 210)),
    frame(330, 170, 280, 180, C.woodDk, landscape(330, 170, 280, 180)),
    frame(690, 130, 180, 230, C.ink, abstract(690, 130, 180, 230)),
    frame(950, 180, 200, 150, C.gold, stillLife(950, 180, 200, 150)),
    frame(660, 400, 240, 50, C.woodLt, stitchedBand(660, 400, 240, 50)),
    rect(0, floor - 18, W, 18, '#cfc3ad'),
    rect(0, floor, W, H - floor, lin([[0, '#b99169'], [1, '#94704d']])),
    stroke(Array.from({ length: 8 }, (_, i) => D`M0 ${floor + 14 + i * i * 3.4}H1200`).join(''), '#a07c57', 2),
    rect(430, 560, 300, 24, C.ink, { rx: 6 }), rect(450, 584, 16, 50, C.ink), rect(694, 584, 16, 50, C.ink),
    person(470, 556, 150, { shirt: C.teal, legs: C.ink, hair: C.hair, back: true }),
    person(250, 640, 200, { shirt: C.red, legs: C.navy, hair: C.gold, back: true, skirt: C.navy }),
    person(305, 636, 110, { shirt: C.gold, legs: C.ink, hair: C.woodDk, back: true }),
    rect(1090, 380, 80, 150, C.white), rect(1150, 380, 20, 150, C.stone), ell(1130, 340, 30, 42, C.teal), circ(1130, 300, 18, C.teal), rect(1118, 378, 24, 6, C.greyDk),
    person(960, 650, 210, { shirt: C.navy, legs: C.ink, hair: '#cfccc6', back: true }),
  ];
}

function skier(x, y, s, shirt, legs, phase, snowY, o = {}) {
  const sk = figure({
    x, y, s, f: 1, lean: phase ? 30 : 22, top: shirt, legCol: legs, skin: C.skin, hat: o.hat || C.white, ponytail: o.ponytail, bib: C.white,
    legs: phase ? [[-36, -4], [30, -30]] : [[28, -26], [-30, -6]], arms: phase ? [[70, 20], [-40, 10]] : [[-40, 10], [70, 20]],
  });
  const [h0, h1] = sk.hands, [f0, f1] = sk.feet;
  const pole = ([hx, hy], dx) => line(hx, hy, hx + dx, snowY, C.ink, s * 0.045) + ell(hx + dx, snowY - 4, s * 0.06, s * 0.02, C.ink);
  return pole(h0, phase ? 40 : -60) + line(f0[0] - s * 0.7, f0[1] + s * 0.06, f0[0] + s * 0.6, f0[1] + s * 0.02, o.ski || C.red, s * 0.07)
    + sk.svg + line(f1[0] - s * 0.7, f1[1] + s * 0.06, f1[0] + s * 0.6, f1[1] + s * 0.02, o.ski || C.red, s * 0.07) + pole(h1, phase ? -60 : 40);
}

function skiRace() {
  return [
    sky('#72aad2', '#eaf2f6'),
    sun(180, 110, 38, '#fbe7b0'),
    cloud(760, 120, 200, C.white, 0.7),
    path('M0 320Q300 250 640 300T1200 270V420H0Z', '#dfe9ef'),
    firs(350, 40, 110, '#3f6260'), stroke(Array.from({ length: 50 }, () => D`M${R(0, W)} ${R(270, 340)}h${R(4, 10)}`).join(''), C.snow, 4, { opacity: 0.8 }),
    path('M0 340Q600 310 1200 350V675H0Z', C.snow),
    stroke('M-20 460Q600 380 1220 430M-20 478Q600 398 1220 448', C.snowSh, 5),
    stroke('M-20 610Q600 520 1220 580M-20 632Q600 542 1220 602', C.snowSh, 6),
    stroke('M-20 470Q300 430 600 410', '#b9cad6', 3, { 'stroke-dasharray': '2 26' }),
    ...[[300, 380], [480, 380], [940, 375], [1090, 372]].map(([x, y]) => line(x, y, x, y - 70, C.greyDk, 4) + path(D`M${x} ${y - 70}l36 10l-36 10z`, C.red)),
    pine(60, 560, 300, '#2f5449', C.woodDk, true), pine(150, 520, 200, '#37605a', C.woodDk, true), pine(1130, 600, 340, '#2a4b42', C.woodDk, true),
    skier(760, 370, 40, C.navy, C.ink, 1, 428, { ski: C.navy }),
    skier(560, 418, 56, C.gold, C.navy, 0, 494),
    skier(360, 488, 92, C.red, C.navy, 1, 584, { ponytail: C.hair }),
    skier(820, 500, 100, C.teal, C.ink, 0, 600, { hat: C.red, ski: C.navy }),
    dots(Array.from({ length: 16 }, () => [R(240, 900), R(580, 640)]), C.white, 6),
  ];
}

function kupalleBonfire() {
  const bank = 470, fx = 420, fy = 500;
  const flame = (x, y, w, h, col) => path(D`M${x - w} ${y}C${x - w} ${y - h * 0.4} ${x - w * 0.2} ${y - h * 0.5} ${x - w * 0.1} ${y - h}C${x + w * 0.2} ${y - h * 0.6} ${x + w * 0.5} ${y - h * 0.7} ${x + w * 0.45} ${y - h * 0.85}C${x + w} ${y - h * 0.5} ${x + w} ${y - h * 0.2} ${x + w} ${y}Z`, col);
  const wreath = (x, y, r) => ell(x, y, r, r * 0.32, '#3f6a40') + ell(x, y, r * 0.62, r * 0.18, '#1d2b3e')
    + dots(Array.from({ length: 8 }, (_, i) => [x + Math.cos((i * Math.PI) / 4) * r * 0.82, y + Math.sin((i * Math.PI) / 4) * r * 0.26]), pick([C.gold, C.white, C.red]), r * 0.24)
    + line(x, y - r * 0.05, x, y - r * 0.5, C.cream, r * 0.1) + glow(x, y - r * 0.6, r * 0.9, C.sun, 0.5) + circ(x, y - r * 0.62, r * 0.16, C.sun);
  const fern = (x, by, h, lean) => {
    let d = '';
    for (let k = 0; k < 9; k++) {
      const t = k / 9, px = x + lean * t, py = by - h * t, l = h * 0.22 * (1 - t * 0.7);
      d += D`M${px} ${py}q${-l * 0.6} ${-l * 0.1} ${-l} ${-l * 0.5}M${px} ${py}q${l * 0.6} ${-l * 0.1} ${l} ${-l * 0.5}`;
    }
    return stroke(D`M${x} ${by}Q${x + lean * 0.4} ${by - h * 0.5} ${x + lean} ${by - h}`, '#1f3a2a', 4) + stroke(d, '#1f3a2a', 5);
  };
  const ring = [];
  for (let i = 0; i < 9; i++) { const a = (i / 9) * Math.PI * 2, x = fx + Math.cos(a) * 190, y = fy + 30 + Math.sin(a) * 40; ring.push([x, y, 120 + Math.sin(a) * 16, '#140f1e', i % 2 === 0]); }
  ring.sort((a, b) => a[1] - b[1]);
  const sparks = Array.from({ length: 40 }, () => [fx + R(-80, 80), fy - R(120, 360)]);
  return [
    sky('#0d1634', '#6b3f5e', '#253463'),
    stars(120, 0, 0, W, 300),
    glow(980, 120, 110, '#f3ead0', 0.3), circ(980, 120, 46, '#f3ead0'),
    firs(320, 40, 120, '#101a2c', -20, 1220, 340),
    water(330, '#2b3f68', '#141f3a', bank - 330 + 20),
    ripples(40, 500, W, 340, bank, '#6f87b8', 3, { opacity: 0.5 }), stroke('M940 340h80M930 360h100M950 384h60', '#f3ead0', 3, { opacity: 0.6 }),
    wreath(700, 390, 46), wreath(860, 430, 38), wreath(1040, 372, 30), wreath(560, 420, 34),
    path(D`M-20 ${bank + 10}Q300 ${bank - 30} 640 ${bank}T1220 ${bank + 30}V${H}H-20Z`, '#1b2a22'),
    g(glow(fx, fy + 20, 360, '#f2a33a', 0.45), { transform: D`matrix(1 0 0 0.3 0 ${(fy + 20) * 0.7})` }), glow(fx, fy - 90, 300, '#f2a33a', 0.35),
    silhouettes(ring.filter((p) => p[1] < fy + 30)),
    stroke(D`M${fx - 90} ${fy + 10}L${fx + 80} ${fy - 30}M${fx - 80} ${fy - 30}L${fx + 90} ${fy + 10}M${fx - 20} ${fy + 14}L${fx + 30} ${fy - 70}`, C.woodDk, 18),
    flame(fx, fy, 90, 260, C.red), flame(fx + 8, fy, 64, 200, '#e8652e'), flame(fx - 4, fy, 42, 150, C.sun), flame(fx + 2, fy, 20, 80, C.sunPale),
    dots(sparks, C.sun, 5, { opacity: 0.9 }),
    silhouettes(ring.filter((p) => p[1] >= fy + 30)),
    fern(1010, 675, 230, -40), fern(1080, 675, 260, 30), fern(1150, 675, 200, 40), fern(60, 675, 220, 30), fern(140, 675, 170, -20),
    glow(1000, 456, 60, '#f6e7a0', 0.6), poly(Array.from({ length: 10 }, (_, i) => { const r = i % 2 ? 7 : 18, a = (i * Math.PI) / 5; return [1000 + Math.cos(a) * r, 456 + Math.sin(a) * r]; }), '#ffd86b'),
  ];
}

function folkDance() {
  const stage = 520;
  const band = pattern(12 * 8, 6 * 8, path(stitches(12, 6, 8, (c, r) => { const s = Math.abs(c - 6) + Math.abs(r - 2.5); return s === 2.5 || s === 4.5 || (c === 0 && (r === 2 || r === 3)); }), C.red), { x: 0, y: 30 });
  const wreath = (x, y, r) => dots(Array.from({ length: 7 }, (_, i) => [x - r + (i * r * 2) / 6, y - Math.sin((i / 6) * Math.PI) * r * 0.35]), pick([C.red, C.gold, C.flax]), r * 0.38);
  const dancer = (x, h, o) => person(x, stage, h, { legs: C.ink, ...o }) + (o.skirt ? wreath(x, stage - h * 0.97, h * 0.1) : '');
  return [
    rect(0, 0, W, H, lin([[0, '#2c4a3e'], [1, '#1f352d']])),
    rect(0, 30, W, 48, C.linen), rect(0, 30, W, 48, band), rect(0, 26, W, 6, C.red), rect(0, 76, W, 6, C.red),
    ell(600, 330, 520, 200, '#fff1c8', { opacity: 0.12 }),
    path('M240 0L340 0L460 520L160 520Z', '#fff6d8', { opacity: 0.07 }), path('M860 0L960 0L1040 520L740 520Z', '#fff6d8', { opacity: 0.07 }),
    ...[140, 1060].map((x) => rect(x - 60, 120, 120, 300, C.linen) + rect(x - 60, 120, 120, 300, pattern(40, 40, path('M20 4L36 20L20 36L4 20Z', 'none', { stroke: C.red, 'stroke-width': 4 }), { x: x - 60, y: 120 }), { opacity: 0.8 })),
    rect(0, stage, W, 30, '#8a6446'), rect(0, stage, W, 6, '#a87c58'), rect(0, stage + 30, W, H - stage - 30, '#2a1f24'),
    dancer(300, 230, { shirt: C.white, skirt: C.red, hair: C.gold, armsUp: true, sash: C.red }),
    dancer(420, 250, { shirt: C.white, sash: C.red, hair: C.hair, collar: C.red }),
    dancer(560, 226, { shirt: C.white, skirt: C.red, hair: C.hair, sash: C.gold }),
    dancer(680, 256, { shirt: C.white, sash: C.red, hair: C.woodDk, armsUp: true, collar: C.red }),
    dancer(820, 230, { shirt: C.white, skirt: C.red, hair: C.woodDk, armsUp: true, sash: C.red }),
    dancer(940, 250, { shirt: C.white, sash: C.red, hair: C.ink, collar: C.red }),
    // accordion player at the side of the stage
    rect(70, stage - 40, 90, 40, C.woodDk),
    person(115, stage - 8, 170, { shirt: C.white, legs: C.ink, hair: C.hair, sash: C.red, collar: C.red }),
    rect(82, stage - 116, 66, 50, C.red, { rx: 4 }), stroke(Array.from({ length: 6 }, (_, i) => D`M${92 + i * 10} ${stage - 112}V${stage - 70}`).join(''), C.redDk, 3),
    rect(76, stage - 118, 10, 54, C.white), rect(144, stage - 118, 10, 54, C.white),
    dots(Array.from({ length: 30 }, () => [R(0, W), R(600, H)]), '#0f0b0e', 46, { opacity: 0.9 }),
  ];
}

function puppetTheatre() {
  const floor = 520, bx = 380, bw = 440;
  const puppet = (x, by, h, dress, head, o = {}) => line(x, by - h * 0.3, x, by + 16, C.woodDk, 4)
    + path(D`M${x - h * 0.32} ${by}L${x - h * 0.14} ${by - h * 0.7}H${x + h * 0.14}L${x + h * 0.32} ${by}Z`, dress)
    + stroke(D`M${x - h * 0.16} ${by - h * 0.6}l${-h * 0.2} ${h * 0.25}M${x + h * 0.16} ${by - h * 0.6}l${h * 0.2} ${h * 0.25}`, dress, h * 0.1)
    + circ(x, by - h * 0.82, h * 0.17, head) + (o.crown ? poly([[x - h * 0.15, by - h * 0.94], [x - h * 0.15, by - h * 1.08], [x - h * 0.07, by - h * 1.0], [x, by - h * 1.12], [x + h * 0.07, by - h * 1.0], [x + h * 0.15, by - h * 1.08], [x + h * 0.15, by - h * 0.94]], C.gold) : '')
    + (o.ears ? poly([[x - h * 0.16, by - h * 0.9], [x - h * 0.1, by - h * 1.1], [x - h * 0.02, by - h * 0.96]], head) + poly([[x + h * 0.16, by - h * 0.9], [x + h * 0.1, by - h * 1.1], [x + h * 0.02, by - h * 0.96]], head) + poly([[x, by - h * 0.82], [x + h * 0.26, by - h * 0.76], [x, by - h * 0.72]], C.white) : '')
    + (o.hat ? path(D`M${x - h * 0.2} ${by - h * 0.9}L${x} ${by - h * 1.16}L${x + h * 0.2} ${by - h * 0.9}Z`, o.hat) : '');
  const tier = (y, h, bg) => rect(bx + 30, y, bw - 60, h, bg) + path(D`M${bx + 30} ${y}h60q-20 ${h * 0.5} 0 ${h}h-60zM${bx + bw - 30} ${y}h-60q20 ${h * 0.5} 0 ${h}h60z`, C.red);
  const kids = [];
  for (let i = 0; i < 9; i++) kids.push(person(130 + i * 120 + (i % 2) * 20, H + 20 - (i % 2) * 10, 170 + (i % 3) * 16, { shirt: pick([C.red, C.teal, C.gold, C.navy, C.plum, '#6f9654']), legs: C.ink, hair: pick([C.hair, C.gold, C.woodDk, C.ink]), back: true, armsUp: i === 3 || i === 6 }));
  return [
    rect(0, 0, W, floor, lin([[0, '#3a4f6b'], [1, '#2c3c54']])),
    dots(Array.from({ length: 40 }, () => [R(0, W), R(0, floor - 60)]), '#f3ead0', 6, { opacity: 0.35 }),
    glow(600, 300, 420, '#ffe9b8', 0.35),
    rect(0, floor, W, H - floor, '#7a5a44'), rect(0, floor, W, 10, '#94704f'),
    // batleika: a two-storey wooden puppet box on a table
    rect(bx - 40, 470, bw + 80, 20, C.woodLt), rect(bx - 20, 490, 20, 60, C.woodDk), rect(bx + bw, 490, 20, 60, C.woodDk),
    rect(bx, 110, bw, 360, C.wood), rect(bx + bw - 50, 110, 50, 360, C.woodDk, { opacity: 0.5 }),
    path(D`M${bx - 20} 114L${bx + bw / 2} 10L${bx + bw + 20} 114Z`, C.roof), path(D`M${bx + 40} 104L${bx + bw / 2} 38L${bx + bw - 40} 104Z`, C.woodLt),
    circ(bx + bw / 2, 76, 20, C.sunPale), stroke(Array.from({ length: 8 }, (_, i) => { const a = (i * Math.PI) / 4; return D`M${bx + bw / 2 + Math.cos(a) * 24} ${76 + Math.sin(a) * 24}l${Math.cos(a) * 12} ${Math.sin(a) * 12}`; }).join(''), C.gold, 4),
    line(bx + bw / 2, 10, bx + bw / 2, -10, C.gold, 5),
    tier(130, 140, '#1f2c48'), tier(300, 150, '#2f5a48'),
    stars(20, bx + 100, 140, bx + bw - 100, 200),
    puppet(560, 262, 90, C.navy, C.skin, { crown: true }), puppet(650, 262, 80, C.white, C.skin, { hat: C.red }),
    rect(bx + 30, 436, bw - 60, 14, C.woodDk),
    puppet(530, 440, 100, C.ochre, C.ochre, { ears: true }), puppet(670, 440, 96, C.red, C.skin, {}),
    leafy(760, 436, 100, C.leaf),
    rect(bx, 280, bw, 20, C.woodDk), rect(bx, 450, bw, 20, C.woodDk),
    stroke(D`M${bx} 114H${bx + bw}`, C.redDk, 6),
    ...kids,
  ];
}

// ---------------------------------------------------------------- travel guide motifs

/** A five-pointed star's corner points around (cx, cy); r outer, ri inner radius, rotated so a point faces up. */
const starPts = (cx, cy, r, ri, sy = 1) => Array.from({ length: 10 }, (_, i) => {
  const a = -Math.PI / 2 + (i * Math.PI) / 5, rr = i % 2 ? ri : r;
  return [cx + Math.cos(a) * rr, cy + Math.sin(a) * rr * sy];
});

function brestFortressGate() {
  const gy = 560, cx = 600, cy = 300;
  const star = starPts(cx, cy, 190, 78);
  let bricks = '';
  for (let y = 380; y < gy; y += 16) bricks += D`M300 ${y}H900`;
  let seams = '';
  for (let x = 40; x < W; x += 140) seams += D`M${x} 40V${gy}`;
  for (let y = 130; y < gy; y += 130) seams += D`M0 ${y}H${W}`;
  return [
    sky('#9fb3c2', '#e4dccb'),
    cloud(150, 200, 220, C.white, 0.6), cloud(820, 150, 180, C.white, 0.5),
    // seen through the star: red-brick barracks in ruins and the bayonet obelisk
    rect(300, 370, 600, gy - 370, C.brick), stroke(bricks, C.brickDk, 2, { opacity: 0.6 }),
    path('M300 370L360 340L420 372L480 330L560 368L640 336L720 374L800 342L900 366V380H300Z', C.brick),
    arches([[340, 420], [420, 420], [500, 420], [660, 420], [740, 420], [820, 420]], 40, 70, C.brickDk),
    path('M700 370L712 60L724 370Z', '#c9d1d6'), path('M712 60L724 370H712Z', '#9aa6ad'),
    rect(0, gy, W, H - gy, lin([[0, '#b9b09c'], [1, '#8f8777']])),
    // the concrete wall with the star cut through it
    path(D`M0 40H${W}V${gy}H0Z` + polyline(star) + 'Z', lin([[0, '#8d918f'], [1, '#6c706f']]), { 'fill-rule': 'evenodd' }),
    stroke(seams, '#5d6160', 2, { opacity: 0.5 }),
    stroke(polyline([...star, star[0]]), '#4e5251', 8),
    rect(0, 30, W, 14, '#5d6160'),
    path(D`M${cx - 150} ${gy}L${cx - 40} ${cy + 60}H${cx + 40}L${cx + 150} ${gy}Z`, '#a89f8b', { opacity: 0.8 }),
    silhouettes([[560, 600, 70, '#2e3a46'], [600, 596, 64, '#55403a'], [660, 612, 74, '#2e3a46']]),
    ...[180, 1020].map((x) => dots(Array.from({ length: 9 }, (_, i) => [x + (i % 3) * 16, 600 + Math.floor(i / 3) * 10]), C.red, 12)),
  ];
}

function khatynMemorial() {
  const gy = 470;
  const chimney = (x, by, h, k = 1) => {
    const w = 34 * k;
    return rect(x - w / 2, by - h, w, h, '#8c8f8c') + rect(x + w * 0.15, by - h, w * 0.35, h, '#767976')
      + rect(x - w * 0.7, by - h - 6 * k, w * 1.4, 8 * k, '#6a6d6a')
      + stroke(D`M${x - w * 0.45} ${by - h - 6 * k}V${by - h - 40 * k}H${x + w * 0.45}V${by - h - 6 * k}`, '#5a5d5a', 3 * k)
      + path(D`M${x - 9 * k} ${by - h - 14 * k}Q${x - 9 * k} ${by - h - 34 * k} ${x} ${by - h - 34 * k}Q${x + 9 * k} ${by - h - 34 * k} ${x + 9 * k} ${by - h - 14 * k}Z`, '#6b5a3e');
  };
  const frame = (x, by, w, d, k = 1) => poly([[x - w, by], [x + w, by], [x + w + d, by - d * 0.5], [x - w + d, by - d * 0.5]], 'none', { stroke: '#6d6a62', 'stroke-width': 6 * k });
  const houses = [[260, 520, 0.75], [470, 500, 0.6], [760, 505, 0.62], [980, 530, 0.8], [130, 590, 1], [620, 600, 1.05], [1100, 620, 1.1]];
  return [
    sky('#b9c2c6', '#e6e4dc'),
    firs(400, 50, 130, '#7f8f86'),
    bushes(430, 18, 36, '#93a38e', -20, 1220, 470),
    birches([[60, 470, 260, '#c7cfa9'], [1150, 470, 280, '#c7cfa9', -6]], 0.7),
    rect(0, gy - 10, W, H - gy + 10, lin([[0, '#a9b38f'], [1, '#7f8c69']])),
    ...houses.map(([x, by, k]) => frame(x, by, 80 * k, 60 * k, k)),
    ...houses.map(([x, by, k]) => chimney(x + 20 * k, by - 18 * k, 150 * k, k)),
    // the bronze figure of a man carrying a child, on a low plinth
    rect(820, 560, 190, 30, '#5a5c58'), rect(800, 586, 230, 14, '#4a4c48'),
    g([
      path('M880 560L888 430Q884 380 900 340L908 300Q915 262 940 258Q968 262 972 300L978 342Q992 380 986 430L992 560H952L944 440H932L922 560Z', '#3b2f25'),
      circ(938, 236, 24, '#3b2f25'),
      path('M888 352Q940 382 1000 352L1010 372Q950 410 884 380Z', '#4a3a2d'),
      path('M870 360Q850 380 860 410Q900 420 950 402Q990 392 1016 372Q1010 350 990 346Q940 372 890 352Z', '#4a3a2d'),
      path('M856 396Q846 420 852 450L862 448Q860 424 868 404Z', '#3b2f25'),
    ]),
  ];
}

function moundOfGlory() {
  const base = 560, topY = 300, cx = 600;
  const blade = (x0, lean, col, side) => path(D`M${x0 - 16} ${topY}L${x0 + lean - 3} 40L${x0 + lean + 3} 40L${x0 + 16} ${topY}Z`, col)
    + path(D`M${x0 + lean} 40L${x0 + lean + 3} 40L${x0 + 16} ${topY}H${x0}Z`, side, { opacity: 0.6 });
  return [
    sky('#7fb0d3', '#eef1e6'),
    cloud(110, 180, 230), cloud(860, 130, 190, C.white, 0.8),
    firs(470, 30, 90, '#587d62'),
    path(D`M0 ${base}C300 ${base - 20} 380 ${topY + 40} 520 ${topY + 6}H680C820 ${topY + 40} 900 ${base - 20} 1200 ${base}V${H}H0Z`, '#5f8b52'),
    path(D`M520 ${topY + 6}H680C820 ${topY + 40} 900 ${base - 20} 1200 ${base}V${base + 20}C960 ${base - 10} 840 ${topY + 60} 680 ${topY + 20}Z`, '#4e7845', { opacity: 0.7 }),
    path(D`M580 ${base + 40}L590 ${topY + 18}H610L620 ${base + 40}Z`, '#d9d2c2'),
    stroke(Array.from({ length: 20 }, (_, i) => { const y = topY + 24 + i * 13, w = 10 + i * 0.55; return D`M${cx - w} ${y}H${cx + w}`; }).join(''), '#b9b0a0', 2),
    blade(540, 40, '#d5dde2', '#8e9aa2'), blade(660, -40, '#d5dde2', '#8e9aa2'),
    blade(575, 18, '#e9eef1', '#a9b4bb'), blade(625, -18, '#e9eef1', '#a9b4bb'),
    ell(cx, topY, 110, 22, '#c9a54e'), rect(cx - 110, topY, 220, 26, '#b8923f'), ell(cx, topY + 26, 110, 22, '#a2803a'),
    stroke(Array.from({ length: 9 }, (_, i) => D`M${cx - 96 + i * 24} ${topY + 6}v16`).join(''), C.redDk, 4, { opacity: 0.7 }),
    path(D`M0 ${H}V${base + 30}Q600 ${base - 10} 1200 ${base + 30}V${H}Z`, '#7ea35f'),
    leafy(120, 640, 180, '#4f7a46'), leafy(1080, 650, 200, '#4f7a46'), leafy(980, 640, 140, '#5d8c56'),
    silhouettes([[560, 640, 46, '#2e3a46'], [592, 642, 42, C.red], [700, 650, 48, '#2e3a46']]),
  ];
}

function eternalFlame() {
  const cx = 600, cy = 520;
  const flame = (x, y, w, h, col) => path(D`M${x - w} ${y}C${x - w} ${y - h * 0.45} ${x - w * 0.2} ${y - h * 0.55} ${x - w * 0.05} ${y - h}C${x + w * 0.25} ${y - h * 0.62} ${x + w * 0.55} ${y - h * 0.72} ${x + w * 0.5} ${y - h * 0.86}C${x + w} ${y - h * 0.5} ${x + w} ${y - h * 0.22} ${x + w} ${y}Z`, col);
  const carnation = (x, y, r) => circ(x, y, r, C.red) + circ(x - r * 0.3, y - r * 0.3, r * 0.55, '#d0383e') + stroke(D`M${x} ${y + r}q${r * 0.4} ${r * 2} ${r * 1.6} ${r * 3.2}`, '#3f6a40', 3);
  const flowers = [];
  for (let i = 0; i < 22; i++) {
    const a = (i / 22) * Math.PI * 2, x = cx + Math.cos(a) * R(230, 270), y = cy + Math.sin(a) * R(62, 74);
    if (y > cy - 30) flowers.push([x, y]);
  }
  return [
    rect(0, 0, W, H, lin([[0, '#2b3440'], [0.6, '#4c4a4e'], [1, '#3a3236']])),
    rect(0, 80, W, 320, '#56585c'), stroke(Array.from({ length: 9 }, (_, i) => D`M${i * 150} 80V400`).join(''), '#46484c', 3),
    rect(0, 392, W, 12, '#6a6c70'),
    // wreath on the wall
    circ(600, 220, 92, 'none', { stroke: '#3f6a40', 'stroke-width': 30 }), circ(600, 220, 92, 'none', { stroke: '#5d8c56', 'stroke-width': 10, 'stroke-dasharray': '18 14' }),
    path('M560 300L530 380L560 360L575 392L590 306Z', C.red), path('M640 300L670 380L640 360L625 392L610 306Z', C.redDk),
    rect(0, 400, W, H - 400, lin([[0, '#5b5a58'], [1, '#3b3a39']])),
    poly(starPts(cx, cy, 300, 120, 0.26), '#2f2f31'), poly(starPts(cx, cy - 8, 280, 112, 0.26), '#77706a'),
    poly(starPts(cx, cy - 8, 280, 112, 0.26).map(([x, y], i) => (i % 2 ? [x, y] : [(x + cx) / 2, (y + cy - 8) / 2])), '#8a8179'),
    glow(cx, cy - 120, 260, '#f2a33a', 0.45),
    flame(cx, cy - 10, 70, 240, '#d8452c'), flame(cx + 6, cy - 10, 50, 180, '#ee7b2f'), flame(cx - 2, cy - 10, 30, 120, C.sun), flame(cx, cy - 10, 14, 60, C.sunPale),
    ...flowers.map(([x, y]) => carnation(x, y, 11)),
  ];
}

function sanatoriumLake() {
  const shore = 470;
  const balconies = (x0, y0, cols, rows) => {
    let d = '', w = '';
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const x = x0 + c * 44, y = y0 + r * 40;
      w += D`M${x + 6} ${y}h24v26h-24z`; d += D`M${x} ${y + 24}h36v6h-36z`;
    }
    return path(w, '#8fb3c7') + path(d, C.white);
  };
  return [
    sky('#86b8d8', '#eef2e8'),
    cloud(140, 150, 200), cloud(900, 110, 160, C.white, 0.8),
    firs(360, 40, 120, '#3f6250'),
    // the resort building: a main block and a lower wing
    rect(380, 190, 360, 200, C.cream), rect(380, 182, 360, 12, '#d9cfb8'), balconies(396, 210, 8, 4),
    rect(740, 270, 240, 120, '#ece2cc'), rect(740, 262, 240, 10, '#d3c8ae'), balconies(756, 286, 5, 2),
    rect(520, 160, 90, 30, '#d9cfb8'), rect(540, 330, 50, 60, '#6f8fa0'),
    bushes(400, 14, 28, '#5d8c56', 340, 1020, 410),
    rect(0, 400, W, shore - 400, lin([[0, '#d9c89f'], [1, '#c9b486']])),
    water(shore, '#8fbfd2', '#3f7696'),
    ripples(50, 0, W, shore + 10, H, '#e0eff4', 3, { opacity: 0.55 }),
    rect(820, shore - 6, 180, 12, C.woodDk), ...[840, 900, 960].map((x) => rect(x, shore, 8, 30, C.woodDk)),
    sailboat(1100, shore + 60, 90),
    pine(120, 560, 420, '#2f5449'), pine(250, 520, 300, '#37605a'), pine(1150, 560, 380, '#2f5449'),
    bench(640, 455, 90),
    person(470, 462, 70, { shirt: C.teal, legs: C.ink, hair: C.hair }), person(500, 462, 64, { shirt: C.plum, legs: C.ink, hair: '#cfccc6', skirt: C.navy }),
  ];
}

function slutskSash() {
  const y0 = 210, h = 230, x0 = 40, x1 = 1160, ends = 220;
  const gold = '#d9b04a', goldDk = '#a9802b', green = '#3f6a52', red = '#9c2a2f', cream = '#efe1bc';
  const rosette = (x, y, r, col, core) => {
    let d = '';
    for (let i = 0; i < 8; i++) { const a = (i * Math.PI) / 4; d += D`M${x} ${y}Q${x + Math.cos(a - 0.4) * r} ${y + Math.sin(a - 0.4) * r} ${x + Math.cos(a) * r} ${y + Math.sin(a) * r}Q${x + Math.cos(a + 0.4) * r} ${y + Math.sin(a + 0.4) * r} ${x} ${y}Z`; }
    return path(d, col) + circ(x, y, r * 0.28, core);
  };
  const field = pattern(60, 60, rect(0, 0, 60, 60, red) + rosette(30, 30, 18, gold, green) + dots([[0, 0], [60, 0], [0, 60], [60, 60]], goldDk, 8), { x: x0 + ends, y: y0 + 30 });
  const endPanel = (x) => [
    rect(x, y0, ends, h, green),
    rect(x + 14, y0 + 14, ends - 28, h - 28, 'none', { stroke: gold, 'stroke-width': 6 }),
    path(D`M${x + ends / 2} ${y0 + 40}C${x + 40} ${y0 + 80} ${x + 40} ${y0 + 150} ${x + ends / 2} ${y0 + h - 30}C${x + ends - 40} ${y0 + 150} ${x + ends - 40} ${y0 + 80} ${x + ends / 2} ${y0 + 40}Z`, gold),
    rosette(x + ends / 2, y0 + h / 2, 44, red, gold),
    ...[[-60, -70], [60, -70], [-60, 70], [60, 70]].map(([dx, dy]) => rosette(x + ends / 2 + dx, y0 + h / 2 + dy, 20, cream, red)),
  ];
  const fringe = (x, dir) => stroke(Array.from({ length: 24 }, (_, i) => D`M${x} ${y0 + 6 + i * 9.4}h${dir * R(40, 56)}`).join(''), gold, 5);
  return [
    rect(0, 0, W, H, lin([[0, '#3b2a22'], [1, '#24180f']])),
    ell(600, 560, 560, 40, '#000', { opacity: 0.25 }),
    fringe(x0, -1), fringe(x1, 1),
    rect(x0 + ends, y0, x1 - x0 - 2 * ends, h, field),
    rect(x0 + ends, y0, x1 - x0 - 2 * ends, 30, gold), rect(x0 + ends, y0 + h - 30, x1 - x0 - 2 * ends, 30, gold),
    stroke(Array.from({ length: 34 }, (_, i) => D`M${x0 + ends + 10 + i * 20} ${y0 + 8}l10 14l10 -14M${x0 + ends + 10 + i * 20} ${y0 + h - 8}l10 -14l10 14`).join(''), red, 3),
    ...endPanel(x0), ...endPanel(x1 - ends),
    ...[380, 560, 760, 920].map((x) => rect(x, y0, 40, h, '#000', { opacity: 0.12 })),
    rect(x0, y0 + h - 10, x1 - x0, 10, '#000', { opacity: 0.15 }),
  ];
}

function linenCloth() {
  const table = 430;
  const band = pattern(64, 32, path(stitches(8, 4, 8, (c, r) => Math.abs(c - 3.5) + Math.abs(r - 1.5) === 2 || (c + r) % 7 === 0), C.red), { x: 0, y: 0 });
  const stack = (x, y, w, cols) => cols.map((col, i) => {
    const yy = y - i * 34;
    return rect(x, yy, w, 30, col, { rx: 6 }) + rect(x, yy + 22, w, 5, shade(col, -0.12)) + (i % 2 ? rect(x + 20, yy + 8, w - 40, 6, C.red, { opacity: 0.85 }) : '');
  }).join('');
  return [
    rect(0, 0, W, table, lin([[0, '#e8e1d2'], [1, '#d6cdb9']])),
    rect(900, 60, 220, 260, '#bcd3df'), rect(900, 60, 220, 260, 'none', { stroke: C.white, 'stroke-width': 14 }), line(1010, 60, 1010, 320, C.white, 8),
    flaxSprig(160, 380),
    rect(0, table, W, H - table, '#7a5a44'),
    // a tablecloth hanging over the front edge
    path(D`M60 ${table - 10}H1140L1160 ${H}H40Z`, C.linen),
    rect(48, 560, 1104, 40, C.linen), rect(48, 560, 1104, 32, band), rect(48, 552, 1104, 6, C.red), rect(48, 596, 1104, 6, C.red),
    stroke(Array.from({ length: 18 }, (_, i) => D`M${60 + i * 62} ${table}L${50 + i * 63} ${H}`).join(''), '#e2d8c3', 2),
    stack(240, 400, 280, ['#cfc3a8', '#e6dcc4', '#b9ad93', '#f1ebdd', '#d9ceb5']),
    stack(620, 400, 300, ['#f4efe3', '#cdbf9f', '#ece4d1', '#c4b696']),
  ];
}
/** A few blue-flowered flax stems in a jug. */
function flaxSprig(x, by) {
  let stems = '';
  const flowers = [];
  for (let i = 0; i < 7; i++) { const tx = x + (i - 3) * 18, ty = by - 190 - R(0, 60); stems += D`M${x} ${by - 40}Q${(x + tx) / 2} ${ty + 80} ${tx} ${ty}`; flowers.push([tx, ty]); }
  return stroke(stems, '#5d8c56', 3) + dots(flowers, C.flax, 16) + dots(flowers, '#f3d86b', 5)
    + path(D`M${x - 40} ${by}Q${x - 52} ${by - 50} ${x - 22} ${by - 70}H${x + 22}Q${x + 52} ${by - 50} ${x + 40} ${by}Z`, '#b5683c');
}

function potteryJugs() {
  const shelf = 300, floor = 560;
  const jug = (x, by, h, col, handle = true) => {
    const w = h * 0.36;
    return (handle ? stroke(D`M${x + w * 0.6} ${by - h * 0.78}q${w * 0.9} ${h * 0.05} ${w * 0.55} ${h * 0.45}`, shade(col, -0.2), h * 0.06) : '')
      + path(D`M${x - w * 0.35} ${by - h}H${x + w * 0.35}L${x + w * 0.28} ${by - h * 0.78}C${x + w * 1.15} ${by - h * 0.6} ${x + w * 1.1} ${by - h * 0.1} ${x + w * 0.55} ${by}H${x - w * 0.55}C${x - w * 1.1} ${by - h * 0.1} ${x - w * 1.15} ${by - h * 0.6} ${x - w * 0.28} ${by - h * 0.78}Z`, col)
      + path(D`M${x + w * 0.1} ${by - h * 0.76}C${x + w * 0.9} ${by - h * 0.58} ${x + w * 0.85} ${by - h * 0.1} ${x + w * 0.45} ${by}H${x + w * 0.55}C${x + w * 1.1} ${by - h * 0.1} ${x + w * 1.15} ${by - h * 0.6} ${x + w * 0.28} ${by - h * 0.78}Z`, shade(col, -0.18))
      + stroke(D`M${x - w * 0.8} ${by - h * 0.5}q${w * 0.8} ${h * 0.06} ${w * 1.6} 0`, shade(col, 0.25), 3);
  };
  const bowl = (x, by, w, col) => path(D`M${x - w} ${by - w * 0.45}Q${x} ${by - w * 0.38} ${x + w} ${by - w * 0.45}Q${x + w * 0.8} ${by} ${x} ${by}Q${x - w * 0.8} ${by} ${x - w} ${by - w * 0.45}Z`, col) + ell(x, by - w * 0.45, w, w * 0.1, shade(col, -0.3));
  return [
    rect(0, 0, W, floor, lin([[0, '#c99b6e'], [1, '#a87a52']])),
    stroke(Array.from({ length: 10 }, (_, i) => D`M0 ${40 + i * 56}H1200`).join(''), '#9a6f49', 2, { opacity: 0.5 }),
    rect(60, shelf, 1080, 18, C.woodDk), rect(60, shelf + 18, 1080, 6, '#3e281a'),
    jug(150, shelf, 150, '#b5683c'), jug(290, shelf, 120, '#3b3430'), bowl(410, shelf, 60, '#8a6a3e'), jug(530, shelf, 170, '#6f8d5a'),
    jug(690, shelf, 110, '#c9874f', false), bowl(820, shelf, 70, '#3b3430'), jug(960, shelf, 140, '#b5683c'), jug(1080, shelf, 100, '#a9602f'),
    rect(0, floor, W, H - floor, '#6b4a33'),
    // the potter's wheel with a pot being thrown
    ell(600, 600, 260, 40, '#3e281a'), rect(560, 470, 80, 130, '#5c3a26'), ell(600, 470, 170, 30, '#7d5336'), ell(600, 462, 170, 30, '#8f6543'),
    path('M540 462C520 420 540 380 575 360H625C660 380 680 420 660 462Z', '#b98563'), ell(600, 360, 26, 8, '#8a5a3c'),
    stroke('M560 440q40 -10 80 0M556 410q44 -10 88 0', '#a5734f', 3),
  ];
}

function vycinanka() {
  const red = '#b8292f', paper = '#f4ede0';
  // the right half of the design; the left half is its mirror image
  const leaf = (x, y, a, s) => el('ellipse', { cx: x, cy: y, rx: s, ry: s * 0.42, fill: red, transform: `rotate(${fmt(a)} ${fmt(x)} ${fmt(y)})` });
  const birdR = (x, y, s) => path(D`M${x} ${y}c${s * 0.4} ${-s * 0.5} ${s * 1.2} ${-s * 0.5} ${s * 1.5} 0l${s * 0.5} ${-s * 0.3}l${-s * 0.2} ${s * 0.5}c${-s * 0.3} ${s * 0.6} ${-s * 1.2} ${s * 0.7} ${-s * 1.8} ${s * 0.2}z` + D`M${x + s * 0.6} ${y - s * 0.1}l${s * 0.5} ${-s * 0.9}l${s * 0.3} ${s * 0.8}z`, red);
  const half = [
    path('M600 600V250Q612 200 600 140L606 140Q620 200 612 250V600Z', red),
    ...[[600, 470, 180, -30], [600, 390, 150, -40], [600, 310, 120, -50], [600, 230, 80, -60]].map(([x, y, l, a]) => {
      const ex = x + l, ey = y + Math.tan((a * Math.PI) / 180) * l * 0.6;
      return stroke(D`M${x} ${y}Q${x + l * 0.5} ${y - 4} ${ex} ${ey}`, red, 8) + leaf(ex + 16, ey - 6, a, 26) + leaf(x + l * 0.55, y - 30, -70, 18) + leaf(x + l * 0.55, y + 18, 40, 16);
    }),
    circ(600, 118, 22, red), circ(600, 118, 10, paper),
    birdR(700, 560, 50), birdR(790, 190, 34),
    poly([[600, 600], [760, 600], [700, 560], [600, 590]], red),
    ...[[840, 380], [860, 500], [780, 300]].map(([x, y]) => poly(starPts(x, y, 20, 8), red)),
  ].join('');
  const border = pattern(40, 40, poly([[0, 0], [20, 24], [40, 0]], red), { x: 0, y: 20 });
  return [
    rect(0, 0, W, H, '#e7dcc8'),
    rect(200, 20, 800, 635, paper),
    rect(200, 20, 800, 34, border), rect(200, 621, 800, 34, border, { transform: 'rotate(180 600 638)' }),
    rect(230, 60, 6, 555, red), rect(964, 60, 6, 555, red),
    g(half), g(half, { transform: 'matrix(-1 0 0 1 1200 0)' }),
    rect(180, 640, 840, 30, '#000', { opacity: 0.08 }),
  ];
}

function geodeticPoint() {
  const gy = 430;
  return [
    sky('#88b9da', '#eef3ea'),
    cloud(120, 140, 240), cloud(760, 110, 190, C.white, 0.8),
    firs(gy - 10, 30, 80, '#56785f'),
    bushes(gy, 16, 30, '#7a9c67', -20, 1220, gy + 20),
    rect(0, gy, W, H - gy, lin([[0, '#b7c67c'], [1, '#8aab68']])),
    stroke(Array.from({ length: 16 }, (_, i) => D`M${-100 + i * 90} ${H}L${560 + i * 6} ${gy}`).join(''), '#a3b66d', 3, { opacity: 0.6 }),
    // the granite stele with a globe on top
    ell(640, 590, 130, 22, '#000', { opacity: 0.15 }),
    rect(560, 560, 160, 30, '#6d6f73'), poly([[590, 560], [690, 560], [676, 300], [604, 300]], '#3b3f45'), poly([[640, 560], [690, 560], [676, 300], [640, 300]], '#2c3036'),
    rect(612, 380, 56, 40, '#c9b074', { rx: 3 }),
    circ(640, 250, 52, '#4b5560'), circ(628, 238, 40, '#5f6b77'),
    stroke('M640 198V302M588 250H692M604 214Q640 232 676 214M604 286Q640 268 676 286', '#c9b074', 3),
    stroke('M640 198Q612 250 640 302M640 198Q668 250 640 302', '#c9b074', 2),
    // a survey tripod nearby
    stroke('M930 600L960 440M990 600L960 440M960 610L960 440', C.woodDk, 8), rect(938, 420, 44, 22, C.ink, { rx: 4 }), circ(986, 431, 8, C.gold),
    dots(Array.from({ length: 40 }, () => [R(0, W), R(gy + 40, H)]), C.white, 6), dots(Array.from({ length: 30 }, () => [R(0, W), R(gy + 40, H)]), C.gold, 6),
  ];
}

function polotskSophia() {
  const hillTop = 360, cx = 600;
  const tower = (x, top, w) => [
    rect(x - w / 2, top + 150, w, 392 - top - 150, C.white), rect(x + w * 0.2, top + 150, w * 0.3, 392 - top - 150, '#e2ddd2'),
    rect(x - w * 0.42, top + 70, w * 0.84, 84, C.white), rect(x + w * 0.18, top + 70, w * 0.24, 84, '#e2ddd2'),
    rect(x - w * 0.32, top + 10, w * 0.64, 64, C.white),
    arches([[x - w * 0.16, top + 90], [x - w * 0.12, top + 24]], w * 0.28, 44, '#5b6f7c'),
    arches([[x - w * 0.18, top + 180]], w * 0.36, 70, '#5b6f7c'),
    rect(x - w * 0.5 - 4, top + 146, w + 8, 8, '#d8d2c4'), rect(x - w * 0.42 - 4, top + 66, w * 0.84 + 8, 8, '#d8d2c4'),
    onion(x, top + 12, w * 0.62, 50, '#5a8574', '#4a6f61'), cross(x, top - 36, 30),
  ].join('');
  return [
    sky('#8cbad8', '#f0ede2'),
    cloud(120, 150, 200, C.white, 0.8), cloud(900, 110, 170, C.white, 0.7),
    firs(380, 30, 70, '#86a58f'),
    path(D`M0 ${hillTop + 80}C200 ${hillTop + 20} 380 ${hillTop - 20} 600 ${hillTop - 10}C820 ${hillTop} 980 ${hillTop + 40} 1200 ${hillTop + 60}V${H}H0Z`, '#5f8b52'),
    // nave with a pediment between the towers
    rect(470, 230, 260, 160, C.white), poly([[460, 232], [740, 232], [600, 150]], '#e9e4d8'), poly([[484, 226], [716, 226], [600, 166]], C.white),
    arches([[520, 270], [575, 270], [630, 270]], 40, 80, '#5b6f7c'), arches([[570, 340]], 60, 50, C.woodDk),
    rect(740, 250, 180, 140, '#ece7dc'), poly([[730, 252], [930, 252], [900, 216], [760, 216]], '#7d8a7e'), arches([[770, 290], [830, 290]], 30, 50, '#5b6f7c'),
    tower(430, 96, 110), tower(770, 96, 110),
    leafy(240, 420, 150, '#4f7a46'), leafy(980, 420, 140, '#4f7a46'), leafy(1100, 440, 170, '#5d8c56'),
    path(D`M0 ${H}V520Q300 480 620 505T1200 490V${H}Z`, '#5f8fae'), water(540, '#7fb1cb', '#3d6d8c'),
    ripples(40, 0, W, 546, H, '#e0eff4', 3, { opacity: 0.5 }),
    path('M0 510Q150 490 300 520L280 540H0Z', '#6f9a5c'),
  ];
}

function townHall() {
  const sq = 470, cx = 600;
  let cobbles = '';
  for (let y = sq + 10; y < H; y += 22) for (let x = (y / 22) % 2 ? 0 : 20; x < W; x += 40) cobbles += D`M${x} ${y}h26`;
  return [
    sky('#8db9d6', '#f1ece0'),
    cloud(100, 160, 220), cloud(880, 120, 180, C.white, 0.8),
    // neighbouring houses
    ...[[0, 250, '#e7c98f'], [150, 280, '#d9a48a'], [960, 270, '#c9b08a'], [1080, 240, '#e4d3a0']].map(([x, top, col]) => rect(x, top, 130, sq - top, col) + poly([[x - 6, top], [x + 136, top], [x + 65, top - 60]], C.roof) + winGrid(x + 18, top + 30, 3, 3, 20, 30, 20, 26, '#55667a')),
    // the town hall: two storeys with an arcade, a roof and a tower
    rect(330, 300, 540, sq - 300, C.white), rect(330, 300, 540, 14, '#e4ddcf'),
    arches(Array.from({ length: 8 }, (_, i) => [352 + i * 64, 400]), 40, 70, '#6c7a84'),
    arches(Array.from({ length: 8 }, (_, i) => [358 + i * 64, 326]), 28, 46, '#55667a'),
    rect(330, 384, 540, 8, '#e4ddcf'),
    poly([[318, 302], [882, 302], [820, 240], [380, 240]], '#b24a35'), poly([[600, 240], [820, 240], [882, 302], [600, 302]], '#963c2b'),
    rect(560, 130, 80, 120, C.white), rect(610, 130, 30, 120, '#e4ddcf'), circ(600, 170, 22, '#f2e9d0'), circ(600, 170, 22, 'none', { stroke: C.ink, 'stroke-width': 3 }),
    stroke('M600 170V156M600 170L610 176', C.ink, 3),
    rect(570, 92, 60, 40, C.white), arches([[588, 98]], 24, 30, '#55667a'),
    path('M562 94Q600 30 638 94Z', '#4f7565'), line(600, 48, 600, 14, C.gold, 4), circ(600, 12, 5, C.gold),
    rect(0, sq, W, H - sq, '#c9bfae'), stroke(cobbles, '#b3a893', 3),
    lamp(260, 600, 150), lamp(940, 600, 150),
    person(470, 560, 70, { shirt: C.red, legs: C.navy, hair: C.hair }), person(720, 590, 76, { shirt: C.teal, legs: C.ink, hair: C.woodDk, skirt: C.navy }), person(760, 596, 60, { shirt: C.gold, legs: C.ink }),
  ];
}

function brickCastle() {
  const gy = 520, top = 240;
  let bricks = '';
  for (let y = top + 16; y < 410; y += 14) for (let x = ((y - top) / 14) % 2 ? 0 : 14; x < W; x += 28) bricks += D`M${x} ${y}h20`;
  const stones = [];
  for (let i = 0; i < 90; i++) stones.push([R(0, W), R(414, gy - 6)]);
  let merlons = '';
  for (let x = 300; x < 1200; x += 48) merlons += D`M${x} ${top}v-28h26v28z`;
  return [
    sky('#8ab6d3', '#ecefe6'),
    cloud(700, 140, 220, C.white, 0.8),
    rect(280, top, 920, gy - top, C.brick), path(merlons, C.brick),
    stroke(bricks, C.brickDk, 2, { opacity: 0.55, 'clip-path': clip(rect(280, top, 920, 410 - top, '#000')) }),
    rect(280, 410, 920, gy - 410, '#8f8a80'),
    dots(stones, '#b3ab9c', 22), dots(stones.map(([x, y]) => [x + 8, y + 4]), '#6f6a62', 10),
    arches([[620, 400]], 90, 120, '#3a2b22'), rect(600, 392, 130, 10, C.brickDk),
    // the square corner tower with a tiled roof
    rect(80, 150, 240, gy - 150, C.brickLt), rect(250, 150, 70, gy - 150, C.brickDk),
    stroke(Array.from({ length: 20 }, (_, i) => D`M80 ${170 + i * 16}H320`).join(''), C.brickDk, 2, { opacity: 0.45 }),
    path('M64 152L200 40L336 152Z', C.roof), path('M200 40L336 152H200Z', shade(C.roof, -0.2)),
    arches([[180, 200], [180, 300]], 30, 44, '#3a2b22'),
    rect(80, 410, 240, gy - 410, '#857f75'),
    rect(0, gy, W, H - gy, lin([[0, '#86a965'], [1, '#6b8f52']])),
    path('M0 600Q600 560 1200 600V675H0Z', '#4f7f8f'), ripples(20, 0, W, 590, H, '#d3e6ec', 3, { opacity: 0.5 }),
    leafy(1100, 560, 200, '#4f7a46'), reeds(0, 260, 640, 90, '#4f7748', 12),
  ];
}

function palaceKossovo() {
  const base = 460, wall = '#f4f1ea', wallDk = '#dcd6ca';
  const merlons = (x, y, w) => { let d = ''; for (let i = 0; i * 16 < w; i += 2) d += D`M${x + i * 16} ${y}v-14h16v14z`; return path(d, wall); };
  const roundTower = (x, top, w) => rect(x - w / 2, top, w, base - top, wall) + rect(x + w * 0.15, top, w * 0.35, base - top, wallDk)
    + rect(x - w / 2 - 6, top - 6, w + 12, 12, wallDk) + merlons(x - w / 2 - 6, top - 6, w + 12)
    + path(Array.from({ length: Math.floor((base - top - 60) / 70) }, (_, i) => D`M${x - 7} ${top + 70 + i * 70}v-24l7 -10l7 10v24z`).join(''), '#5b6f7c');
  return [
    sky('#8fb9d6', '#f1efe6'),
    cloud(140, 140, 200), cloud(880, 110, 170, C.white, 0.8),
    firs(400, 40, 110, '#5d806a'),
    path(D`M0 ${base + 40}C300 ${base - 10} 900 ${base - 10} 1200 ${base + 40}V${H}H0Z`, '#6f9a5c'),
    // main block with tall pointed windows
    rect(360, 250, 480, base - 250, wall), rect(360, 250, 480, 10, wallDk), merlons(360, 250, 480),
    path(Array.from({ length: 7 }, (_, i) => D`M${396 + i * 64} ${base - 40}V${310}l14 -24l14 24V${base - 40}z`).join(''), '#5b6f7c'),
    rect(540, 180, 120, 80, wall), merlons(540, 180, 120), path('M586 240l14 -26l14 26v20h-28z', '#5b6f7c'),
    roundTower(360, 200, 70), roundTower(840, 200, 70), roundTower(250, 270, 60), roundTower(950, 270, 60),
    roundTower(600, 110, 56), roundTower(470, 220, 44), roundTower(730, 220, 44),
    rect(160, 330, 90, base - 330, wall), merlons(160, 330, 90), rect(950, 330, 90, base - 330, wall), merlons(950, 330, 90),
    path(D`M200 ${base}H1000L1040 ${base + 30}H160Z`, '#d9d2c2'),
    leafy(90, 560, 240, '#4f7a46'), leafy(1110, 570, 250, '#4f7a46'), leafy(1000, 600, 160, '#5d8c56'),
    path('M520 675Q560 560 600 ' + (base + 30) + 'H640Q680 560 760 675Z', C.sand),
  ];
}

function paintedEggs() {
  const egg = (x, y, rx, ry, a, shell, inner) => {
    const id = clip(el('ellipse', { cx: x, cy: y, rx, ry, transform: `rotate(${a} ${x} ${y})` }));
    return el('ellipse', { cx: x, cy: y, rx, ry, fill: shell, transform: `rotate(${a} ${x} ${y})` }) + g(inner, { 'clip-path': id })
      + el('ellipse', { cx: x - rx * 0.3, cy: y - ry * 0.35, rx: rx * 0.22, ry: ry * 0.3, fill: '#fff', opacity: 0.18, transform: `rotate(${a} ${x} ${y})` });
  };
  const bands = (x, y, rx, ry, cols, zig) => {
    let s = rect(x - rx, y - 8, rx * 2, 16, cols[0]) + rect(x - rx, y - ry * 0.55, rx * 2, 8, cols[1]) + rect(x - rx, y + ry * 0.5, rx * 2, 8, cols[1]);
    if (zig) s += stroke(Array.from({ length: 8 }, (_, i) => D`M${x - rx + i * rx * 0.28} ${y - ry * 0.3}l${rx * 0.14} ${ry * 0.16}l${rx * 0.14} ${-ry * 0.16}`).join(''), cols[2], 5);
    s += poly(starPts(x, y - ry * 0.78, ry * 0.16, ry * 0.07), cols[2]) + poly(starPts(x, y + ry * 0.78, ry * 0.16, ry * 0.07), cols[2]);
    return s + dots([[x - rx * 0.5, y], [x + rx * 0.5, y]], cols[2], 10);
  };
  const list = [
    [470, 380, 62, 84, -12, C.red, [C.redDk, C.gold, C.ink], true], [600, 360, 64, 86, 6, '#e8b43c', [C.red, C.ink, C.red], false],
    [730, 384, 62, 84, 14, '#2b2a2e', [C.red, '#e8b43c', C.white], true], [540, 420, 58, 78, -4, '#c8562e', [C.gold, C.ink, C.white], false],
    [665, 424, 60, 80, 8, C.red, [C.ink, C.gold, C.white], true],
  ];
  let weave = '';
  for (let i = 0; i < 16; i++) weave += D`M${330 + i * 36} 452Q${348 + i * 36} 520 ${340 + i * 34} 600`;
  return [
    rect(0, 0, W, H, lin([[0, '#e9e0cc'], [1, '#d8ccb2']])),
    rect(0, 80, W, 40, C.linen), rect(0, 88, W, 24, pattern(48, 24, path(stitches(6, 3, 8, (c, r) => Math.abs(c - 2.5) + Math.abs(r - 1) === 1.5 || (r === 1 && (c === 0 || c === 5))), C.red), { x: 0, y: 88 })),
    ell(600, 620, 360, 30, '#000', { opacity: 0.12 }),
    ...list.map(([x, y, rx, ry, a, shell, cols, zig]) => egg(x, y, rx, ry, a, shell, bands(x, y, rx, ry, cols, zig))),
    path('M300 440H900L860 600Q600 640 340 600Z', '#b08850'), stroke(weave, '#8a6638', 5), stroke('M310 480H890M318 520H882M326 560H874', '#c9a468', 6),
    ell(600, 440, 300, 24, '#c9a468'), ell(600, 440, 280, 16, '#8a6638'),
    egg(970, 560, 60, 80, 70, '#e8b43c', bands(970, 560, 60, 80, [C.red, C.ink, C.red], true)),
    egg(220, 570, 56, 76, -64, C.red, bands(220, 570, 56, 76, [C.ink, C.gold, C.white], false)),
  ];
}

// ================================================================ catalogue

const CATALOGUE = {
  'castle-mir': castleMir,
  'theatre-opera': theatreOpera,
  'forest-bialowieza': forestBialowieza,
  'lake-naroch': lakeNaroch,
  biathlon,
  stadium,
  'it-park': itPark,
  telescope,
  'flax-field': flaxField,
  'tractor-field': tractorField,
  'city-tram': cityTram,
  'volunteers-park': volunteersPark,
  'palace-nesvizh': palaceNesvizh,
  'folk-embroidery': folkEmbroidery,
  'straw-weaving': strawWeaving,
  'library-minsk': libraryMinsk,
  'river-boats': riverBoats,
  'cycling-path': cyclingPath,
  'old-town-hrodna': oldTownHrodna,
  'agro-farmstead': agroFarmstead,
  'ice-hockey': iceHockey,
  rowing,
  marathon,
  gymnastics,
  'microscope-lab': microscopeLab,
  satellite,
  'solar-panels': solarPanels,
  greenhouse,
  'trucks-logistics': trucksLogistics,
  'factory-workshop': factoryWorkshop,
  'grain-harvest': grainHarvest,
  'market-stalls': marketStalls,
  'school-classroom': schoolClassroom,
  'new-housing': newHousing,
  'elder-choir': elderChoir,
  'family-park': familyPark,
  'music-festival': musicFestival,
  'church-wooden': churchWooden,
  'railway-station': railwayStation,
  robotics,
  'hiking-trail': hikingTrail,
  tennis,
  bison,
  'concert-hall': concertHall,
  'christmas-fair': christmasFair,
  'film-screen': filmScreen,
  'art-gallery': artGallery,
  'ski-race': skiRace,
  'kupalle-bonfire': kupalleBonfire,
  'folk-dance': folkDance,
  'puppet-theatre': puppetTheatre,
  'brest-fortress-gate': brestFortressGate,
  'khatyn-memorial': khatynMemorial,
  'mound-of-glory': moundOfGlory,
  'eternal-flame': eternalFlame,
  'sanatorium-lake': sanatoriumLake,
  'slutsk-sash': slutskSash,
  'linen-cloth': linenCloth,
  'pottery-jugs': potteryJugs,
  vycinanka,
  'geodetic-point': geodeticPoint,
  'polotsk-sophia': polotskSophia,
  'town-hall': townHall,
  'brick-castle': brickCastle,
  'palace-kossovo': palaceKossovo,
  'painted-eggs': paintedEggs,
};

function render(name, draw) {
  scene = { name, defs: [], n: 0, rnd: mulberry32(hash(name)) };
  const body = [draw()].flat(Infinity).join('');
  const defs = scene.defs.length ? `<defs>${scene.defs.join('')}</defs>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img"><g stroke-linecap="round" stroke-linejoin="round">${defs}${body}</g></svg>\n`;
}

mkdirSync(OUT, { recursive: true });
for (const [name, draw] of Object.entries(CATALOGUE)) writeFileSync(join(OUT, `${name}.svg`), render(name, draw));
console.log(`wrote ${Object.keys(CATALOGUE).length} illustrations to ${OUT}`);
