#!/usr/bin/env node
// Builds content/regions.geo.json — simplified outlines of Minsk city and the
// six oblasts of Belarus — from Natural Earth's public-domain
// "Admin 1 – States, Provinces" (1:10m) layer as GeoJSON.
// See content/regions.geo.README.md for the source and how to get it.
//
// Usage:
//   node tools/simplify-regions.mjs <admin-1 GeoJSON> [--tolerance-km 2.5] [--city-tolerance-km 1.0] [--out FILE]
//
// --tolerance-km: Douglas–Peucker tolerance for the oblast borders;
// --city-tolerance-km: the same for the Minsk city outline (a ~30 km blob,
// which needs a finer tolerance to keep a recognisable shape);
// --out: defaults to content/regions.geo.json beside this tools/ folder.
//
// No dependencies beyond Node itself. The simplification is topology-aware:
// the rings are cut into arcs at the points where three or more borders meet
// (like TopoJSON does), each arc is simplified once with Douglas–Peucker, and
// the rings are put back together from the simplified arcs, so neighbouring
// regions keep exactly the same vertices along their shared border (no gaps,
// no overlaps). Coordinates are then rounded to 3 decimals (the same rounding
// for both sides of a border). Rings follow RFC 7946 winding (outer rings
// counter-clockwise, holes clockwise).
//
// The script then checks its output (closed rings, no crossing segments,
// every inner segment used by exactly two rings, known places landing in the
// right region) and exits non-zero if a check fails.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const toleranceKm = Number(option("--tolerance-km", "2.5"));
const cityToleranceKm = Number(option("--city-tolerance-km", "1.0"));
const outPath = option("--out", path.join(here, "..", "content", "regions.geo.json"));
const source = args[0];
if (!source) {
  console.error("usage: node tools/simplify-regions.mjs <ne_10m_admin_1 GeoJSON> [--tolerance-km N] [--city-tolerance-km N] [--out FILE]");
  process.exit(2);
}

// Natural Earth ISO 3166-2 code -> slug of content/regions.toml. Minsk city is
// written last so that a map that paints regions in file order (and uses
// outer rings only) draws it on top of Minsk Region.
const SLUGS = [
  ["BY-MI", "minsk"],
  ["BY-BR", "brest"],
  ["BY-VI", "vitebsk"],
  ["BY-HO", "gomel"],
  ["BY-HR", "grodno"],
  ["BY-MA", "mogilev"],
  ["BY-HM", "minsk-city"],
];

// Places that must land in the given region (lat, lon).
const CHECKS = [
  ["Minsk, Independence Square", 53.895, 27.547, "minsk-city"],
  ["Mir Castle", 53.4513, 26.4728, "grodno"],
  ["Nesvizh palace", 53.2226, 26.6917, "minsk"],
  ["Brest Fortress", 52.083, 23.655, "brest"],
  ["Polotsk", 55.485, 28.768, "vitebsk"],
  ["Gomel palace", 52.426, 31.015, "gomel"],
  ["Mogilev", 53.894, 30.33, "mogilev"],
  ["Grodno", 53.678, 23.829, "grodno"],
  ["Vitebsk", 55.192, 30.206, "vitebsk"],
];

// ---------------------------------------------------------------- input ----

const all = JSON.parse(fs.readFileSync(source, "utf8"));
const features = SLUGS.map(([code, slug]) => {
  const found = all.features.filter(
    (f) => f.properties && f.properties.adm0_a3 === "BLR" && f.properties.iso_3166_2 === code,
  );
  if (found.length !== 1) throw new Error(`expected one feature ${code}, found ${found.length}`);
  const g = found[0].geometry;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  return { slug, code, name: found[0].properties.name, polygons };
});

// Local equirectangular projection (km) for measuring distances.
const LAT0 = 53.7;
const KX = 111.32 * Math.cos((LAT0 * Math.PI) / 180);
const KY = 110.57;
const km = ([lon, lat]) => [lon * KX, lat * KY];

// ----------------------------------------------------- arcs & topology ----

const key = (p) => `${p[0]},${p[1]}`;
const point = new Map(); // key -> [lon, lat]
const neighbours = new Map(); // key -> Set of adjacent keys
const rings = []; // { feature, polygon, index, keys } — keys without the closing repeat

features.forEach((f, fi) =>
  f.polygons.forEach((polygon, pi) =>
    polygon.forEach((ring, ri) => {
      const keys = ring.map(key);
      if (keys[0] === keys[keys.length - 1]) keys.pop();
      keys.forEach((k, i) => point.set(k, ring[i]));
      rings.push({ feature: fi, polygon: pi, index: ri, keys });
      const n = keys.length;
      keys.forEach((k, i) => {
        if (!neighbours.has(k)) neighbours.set(k, new Set());
        neighbours.get(k).add(keys[(i + n - 1) % n]).add(keys[(i + 1) % n]);
      });
    }),
  ),
);

const isJunction = (k) => neighbours.get(k).size > 2;
const arcs = new Map(); // canonical id -> { keys, simplified }

function arcRef(keys) {
  const forward = keys.join(";");
  const backward = [...keys].reverse().join(";");
  const reversed = backward < forward;
  const id = reversed ? backward : forward;
  if (!arcs.has(id)) arcs.set(id, { keys: reversed ? [...keys].reverse() : keys });
  return { id, reversed };
}

for (const ring of rings) {
  const n = ring.keys.length;
  let starts = ring.keys.map((k, i) => (isJunction(k) ? i : -1)).filter((i) => i >= 0);
  if (starts.length === 0) {
    // A ring with no junction (Minsk city and the hole it leaves in Minsk
    // Region): one closed arc, started at a point both sides agree on.
    let best = 0;
    ring.keys.forEach((k, i) => {
      if (k < ring.keys[best]) best = i;
    });
    starts = [best];
  }
  ring.arcs = starts.map((s, j) => {
    const e = j + 1 < starts.length ? starts[j + 1] : starts[0] + n;
    const keys = [];
    for (let i = s; i <= e; i++) keys.push(ring.keys[i % n]);
    return arcRef(keys);
  });
}

// ------------------------------------------------------ Douglas–Peucker ----

function segmentDistance(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function douglasPeucker(pts, tolerance) {
  const keep = new Array(pts.length).fill(false);
  keep[0] = keep[pts.length - 1] = true;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(pts[i], pts[first], pts[last]);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([first, worst], [worst, last]);
    }
  }
  return keep;
}

function simplifyArc(keys, toleranceKm) {
  const pts = keys.map((k) => km(point.get(k)));
  let keep;
  if (keys[0] === keys[keys.length - 1]) {
    // Closed arc: split at the point farthest from the start, so that a ring
    // keeps at least three distinct points.
    let far = 1;
    pts.forEach((p, i) => {
      if (Math.hypot(p[0] - pts[0][0], p[1] - pts[0][1]) > Math.hypot(pts[far][0] - pts[0][0], pts[far][1] - pts[0][1])) far = i;
    });
    const a = douglasPeucker(pts.slice(0, far + 1), toleranceKm);
    const b = douglasPeucker(pts.slice(far), toleranceKm);
    keep = [...a, ...b.slice(1)];
  } else {
    keep = douglasPeucker(pts, toleranceKm);
  }
  return keys.filter((_, i) => keep[i]);
}

const cityArcs = new Set(
  rings.filter((r) => features[r.feature].slug === "minsk-city").flatMap((r) => r.arcs.map((a) => a.id)),
);
for (const [id, arc] of arcs) arc.simplified = simplifyArc(arc.keys, cityArcs.has(id) ? cityToleranceKm : toleranceKm);

// -------------------------------------------------------------- output ----

const round = (v) => Math.round(v * 1000) / 1000;
const rounded = (k) => point.get(k).map(round);

function signedArea(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

function buildRing(ring) {
  const out = [];
  for (const { id, reversed } of ring.arcs) {
    let keys = arcs.get(id).simplified;
    if (reversed) keys = [...keys].reverse();
    for (const k of out.length ? keys.slice(1) : keys) {
      const p = rounded(k);
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([...first]);
  const outer = ring.index === 0;
  if ((signedArea(out) > 0) !== outer) out.reverse(); // RFC 7946 §3.1.6
  return out;
}

const output = features.map((f, fi) => {
  const polygons = f.polygons.map((polygon, pi) =>
    polygon.map((_, ri) => buildRing(rings.find((r) => r.feature === fi && r.polygon === pi && r.index === ri))),
  );
  return {
    type: "Feature",
    properties: { slug: f.slug },
    geometry:
      polygons.length === 1
        ? { type: "Polygon", coordinates: polygons[0] }
        : { type: "MultiPolygon", coordinates: polygons },
  };
});

// One feature per line: small, and diffs stay readable.
const text =
  '{"type":"FeatureCollection","features":[\n' +
  output.map((f) => JSON.stringify(f)).join(",\n") +
  "\n]}\n";
fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, text);

// -------------------------------------------------------------- checks ----

let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`FAIL ${message}`);
};
const polygonsOf = (geometry) => (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates);

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inGeometry = (p, geometry) =>
  polygonsOf(geometry).some((polygon) => inRing(p, polygon[0]) && !polygon.slice(1).some((hole) => inRing(p, hole)));

function distanceToBorderKm(p, geometry) {
  let best = Infinity;
  for (const polygon of polygonsOf(geometry))
    for (const ring of polygon)
      for (let i = 0; i + 1 < ring.length; i++) best = Math.min(best, segmentDistance(km(p), km(ring[i]), km(ring[i + 1])));
  return best;
}

const sourceGeometry = (f) =>
  f.polygons.length === 1 ? { type: "Polygon", coordinates: f.polygons[0] } : { type: "MultiPolygon", coordinates: f.polygons };
const areaKm2 = (geometry) =>
  polygonsOf(geometry).reduce(
    (sum, polygon) => sum + polygon.reduce((s, ring, i) => s + (i ? -1 : 1) * Math.abs(signedArea(ring.map(km))), 0),
    0,
  );

console.log(`source: ${source}`);
console.log(`tolerance: ${toleranceKm} km, Minsk city ${cityToleranceKm} km (Douglas–Peucker on shared arcs), ${arcs.size} arcs`);
console.log(`wrote ${outPath}: ${Buffer.byteLength(text)} bytes`);
console.log("region       source pts  output pts  rings  area change");
let total = 0;
output.forEach((f, i) => {
  const rings = polygonsOf(f.geometry).flat();
  const count = rings.reduce((s, r) => s + r.length - 1, 0); // distinct points (closing repeat not counted)
  const sourceCount = features[i].polygons.flat().reduce((s, r) => s + r.length - 1, 0);
  total += count;
  const change = (areaKm2(f.geometry) / areaKm2(sourceGeometry(features[i])) - 1) * 100;
  console.log(
    `${f.properties.slug.padEnd(12)} ${String(sourceCount).padStart(10)}  ${String(count).padStart(10)}  ${String(rings.length).padStart(5)}  ${change.toFixed(2).padStart(10)} %`,
  );
  for (const ring of rings) {
    const [a, b] = [ring[0], ring[ring.length - 1]];
    if (a[0] !== b[0] || a[1] !== b[1]) fail(`${f.properties.slug}: ring not closed`);
    if (ring.length < 4) fail(`${f.properties.slug}: ring with fewer than 4 positions`);
  }
});
console.log(`total points: ${total}`);

// Every segment is used by one ring (country border) or two (shared border),
// and no two segments cross or touch except at shared end points.
const segments = new Map();
output.forEach((f) =>
  polygonsOf(f.geometry).flat().forEach((ring) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [key(ring[i]), key(ring[i + 1])];
      const id = a < b ? `${a}|${b}` : `${b}|${a}`;
      if (!segments.has(id)) segments.set(id, { a: ring[i], b: ring[i + 1], uses: [] });
      segments.get(id).uses.push(f.properties.slug);
    }
  }),
);
let shared = 0;
for (const s of segments.values()) {
  if (s.uses.length > 2) fail(`segment used ${s.uses.length} times: ${s.uses}`);
  if (s.uses.length === 2) shared++;
}
const orient = (a, b, c) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
const onSegment = (a, b, p) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
function intersects(s, t) {
  const same = (p, q) => p[0] === q[0] && p[1] === q[1];
  const sharedEnd = [s.a, s.b].filter((p) => same(p, t.a) || same(p, t.b)).length;
  if (sharedEnd === 2) return true; // duplicate segment
  const [o1, o2, o3, o4] = [orient(s.a, s.b, t.a), orient(s.a, s.b, t.b), orient(t.a, t.b, s.a), orient(t.a, t.b, s.b)];
  if (sharedEnd === 1) return o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0 && !(() => {
    // collinear segments sharing one end: fine only if they point away from each other
    const p = [s.a, s.b].find((q) => same(q, t.a) || same(q, t.b));
    const u = same(p, s.a) ? s.b : s.a;
    const v = same(p, t.a) ? t.b : t.a;
    return (u[0] - p[0]) * (v[0] - p[0]) + (u[1] - p[1]) * (v[1] - p[1]) < 0;
  })();
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(s.a, s.b, t.a)) || (o2 === 0 && onSegment(s.a, s.b, t.b)) ||
    (o3 === 0 && onSegment(t.a, t.b, s.a)) || (o4 === 0 && onSegment(t.a, t.b, s.b));
}
const list = [...segments.values()];
let crossings = 0;
for (let i = 0; i < list.length; i++)
  for (let j = i + 1; j < list.length; j++)
    if (intersects(list[i], list[j])) {
      crossings++;
      fail(`segments cross: ${JSON.stringify([list[i].a, list[i].b])} ${JSON.stringify([list[j].a, list[j].b])}`);
    }
console.log(`segments: ${list.length} (${shared} shared by two regions, ${list.length - shared} on the country border), crossings: ${crossings}`);

console.log("place                        expected     found (output)  found (source)  km to border");
for (const [name, lat, lon, expected] of CHECKS) {
  const p = [lon, lat];
  const found = output.filter((f) => inGeometry(p, f.geometry)).map((f) => f.properties.slug);
  const foundSource = features.filter((f) => inGeometry(p, sourceGeometry(f))).map((f) => f.slug);
  const match = output.find((f) => f.properties.slug === expected);
  const margin = distanceToBorderKm(p, match.geometry);
  const ok = found.length === 1 && found[0] === expected;
  console.log(
    `${ok ? "ok  " : "FAIL"} ${name.padEnd(24)} ${expected.padEnd(12)} ${found.join("+").padEnd(15)} ${foundSource.join("+").padEnd(15)} ${margin.toFixed(1).padStart(6)}`,
  );
  if (!ok) failures++;
}
if (failures) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log("all checks passed");
