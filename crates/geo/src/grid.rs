//! Nearest points among many: the points bucketed in a latitude/longitude
//! grid, searched ring by ring outwards from a point's own cell, so finding
//! the k nearest of each of n points costs about n·k instead of n². Gives
//! exactly what [`crate::nearest`] gives (same order, same ties).

use crate::{cos_lat, distance_km_with, LatLon, EARTH_RADIUS_KM};

/// Points per cell the grid aims at.
const POINTS_PER_CELL: f64 = 4.0;

pub struct NearestIndex<'a> {
    points: &'a [LatLon],
    /// Each point's [`cos_lat`], worked out once instead of for each
    /// distance it is part of.
    cos_lat: Vec<f64>,
    south: f64,
    west: f64,
    /// Cell size in degrees.
    cell_lat: f64,
    cell_lon: f64,
    rows: usize,
    cols: usize,
    /// Point numbers per cell, row by row.
    cells: Vec<Vec<usize>>,
    /// A lower bound, in km, of the distance across one cell in either
    /// direction anywhere in the grid.
    cell_km: f64,
}

impl<'a> NearestIndex<'a> {
    pub fn new(points: &'a [LatLon]) -> Self {
        let finite = |p: &&LatLon| p.lat.is_finite() && p.lon.is_finite();
        let (mut south, mut north, mut west, mut east) =
            (90.0_f64, -90.0_f64, 180.0_f64, -180.0_f64);
        for p in points.iter().filter(finite) {
            south = south.min(p.lat);
            north = north.max(p.lat);
            west = west.min(p.lon);
            east = east.max(p.lon);
        }
        if south > north {
            (south, north, west, east) = (0.0, 0.0, 0.0, 0.0);
        }
        let height = (north - south).max(1e-6);
        let width = (east - west).max(1e-6);
        let cells_wanted = (points.len() as f64 / POINTS_PER_CELL).max(1.0);
        let side = (height * width / cells_wanted).sqrt().max(1e-4);
        let rows = ((height / side).ceil() as usize).clamp(1, 4096);
        let cols = ((width / side).ceil() as usize).clamp(1, 4096);
        let (cell_lat, cell_lon) = (height / rows as f64, width / cols as f64);
        let mut cells = vec![Vec::new(); rows * cols];
        let mut index = NearestIndex {
            points,
            cos_lat: points.iter().map(|p| cos_lat(*p)).collect(),
            south,
            west,
            cell_lat,
            cell_lon,
            rows,
            cols,
            cells: Vec::new(),
            cell_km: 0.0,
        };
        for (i, p) in points.iter().enumerate() {
            let (row, col) = index.cell_of(*p);
            cells[row * cols + col].push(i);
        }
        index.cells = cells;
        // A degree of latitude is the same everywhere; a degree of longitude
        // is shortest at the latitude farthest from the equator. A small
        // margin covers the difference between the sphere and the grid's
        // flat picture of it at the scale of a few cells.
        let widest_lat = south.abs().max(north.abs()).min(89.9).to_radians();
        let km_per_degree = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;
        index.cell_km =
            0.98 * (cell_lat * km_per_degree).min(cell_lon * km_per_degree * widest_lat.cos());
        index
    }

    fn cell_of(&self, p: LatLon) -> (usize, usize) {
        let clamp = |value: f64, len: usize| {
            if value.is_finite() {
                (value.max(0.0) as usize).min(len - 1)
            } else {
                0
            }
        };
        (
            clamp((p.lat - self.south) / self.cell_lat, self.rows),
            clamp((p.lon - self.west) / self.cell_lon, self.cols),
        )
    }

    /// Indices of the `k` points closest to point `of` (itself excluded),
    /// nearest first, with their distances; ties keep list order.
    pub fn nearest(&self, of: usize, k: usize) -> Vec<(usize, f64)> {
        let Some(&from) = self.points.get(of) else {
            return Vec::new();
        };
        if k == 0 {
            return Vec::new();
        }
        let cos_from = self.cos_lat[of];
        let (row, col) = self.cell_of(from);
        let mut found: Vec<(usize, f64)> = Vec::new();
        let max_ring = self.rows.max(self.cols);
        for ring in 0..=max_ring {
            // Everything in ring r is at least (r - 1) cells away.
            if found.len() >= k {
                let kth = found[k - 1].1;
                if (ring as f64 - 1.0) * self.cell_km > kth {
                    break;
                }
            }
            for (r, c) in ring_cells(row, col, ring, self.rows, self.cols) {
                for &other in &self.cells[r * self.cols + c] {
                    if other != of {
                        let (to, cos_to) = (self.points[other], self.cos_lat[other]);
                        found.push((other, distance_km_with(from, cos_from, to, cos_to)));
                    }
                }
            }
            // Only the k best so far can be among the k best: kept, in
            // order, the rest let go. (Sorting every candidate again after
            // each ring took half the time: 133,333 points clustered like
            // the generated guide's, 1.27 s for all their five nearest,
            // 0.65 s so, 0.50 s with the cosines worked out once.) The
            // order is total (distance, then number), so the k kept are
            // the ones a full sort would put first.
            if found.len() > k {
                found.select_nth_unstable_by(k - 1, by_distance);
                found.truncate(k);
            }
            found.sort_unstable_by(by_distance);
        }
        // Points whose coordinates are not numbers sit in cell 0; their
        // distance comes out as half the Earth's circumference (the NaN is
        // lost in `min(1.0)`), so they come after every real point, in
        // their order, as a full sort puts them.
        found
    }
}

/// Nearer first; at the same distance, the earlier point.
fn by_distance(a: &(usize, f64), b: &(usize, f64)) -> std::cmp::Ordering {
    a.1.total_cmp(&b.1).then(a.0.cmp(&b.0))
}

/// The cells at Chebyshev distance `ring` from (row, col), inside the grid.
fn ring_cells(
    row: usize,
    col: usize,
    ring: usize,
    rows: usize,
    cols: usize,
) -> impl Iterator<Item = (usize, usize)> {
    let (row, col, ring) = (row as i64, col as i64, ring as i64);
    (row - ring..=row + ring)
        .flat_map(move |r| (col - ring..=col + ring).map(move |c| (r, c)))
        .filter(move |&(r, c)| (r - row).abs() == ring || (c - col).abs() == ring)
        .filter(move |&(r, c)| r >= 0 && c >= 0 && r < rows as i64 && c < cols as i64)
        .map(|(r, c)| (r as usize, c as usize))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nearest;

    #[test]
    fn agrees_with_the_full_sort_everywhere_including_ties() {
        // Belarus-sized box, clustered points and exact duplicates.
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut points: Vec<LatLon> = (0..1500)
            .map(|i| {
                if i % 3 == 0 {
                    // A city: many points close together.
                    LatLon::new(53.9 + next() * 0.05, 27.5 + next() * 0.08)
                } else {
                    LatLon::new(51.3 + next() * 4.9, 23.2 + next() * 9.5)
                }
            })
            .collect();
        points.extend_from_within(..40);
        let index = NearestIndex::new(&points);
        for of in 0..points.len() {
            for k in [1, 5] {
                assert_eq!(
                    index.nearest(of, k),
                    nearest(points[of], &points, Some(of), k),
                    "{of}"
                );
            }
        }
    }

    #[test]
    fn small_and_odd_inputs() {
        assert!(NearestIndex::new(&[]).nearest(0, 5).is_empty());
        let one = [LatLon::new(53.9, 27.56)];
        assert!(NearestIndex::new(&one).nearest(0, 5).is_empty());
        let two = [LatLon::new(53.9, 27.56), LatLon::new(53.9, 27.56)];
        assert_eq!(NearestIndex::new(&two).nearest(1, 5), [(0, 0.0)]);
        let odd = [
            LatLon::new(f64::NAN, 27.0),
            LatLon::new(53.0, 27.0),
            LatLon::new(53.1, 27.0),
        ];
        let index = NearestIndex::new(&odd);
        assert_eq!(index.nearest(1, 1), nearest(odd[1], &odd, Some(1), 1));
        assert_eq!(index.nearest(1, 5).len(), 2);
    }
}
