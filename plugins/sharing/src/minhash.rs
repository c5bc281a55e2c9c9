//! Near-copy detection: word shingles, MinHash signatures and LSH banding, with every
//! candidate pair verified by the exact Jaccard similarity of its shingle sets.
//!
//! - Shingling and resemblance: Broder (1997), "On the resemblance and containment of
//!   documents", Compression and Complexity of Sequences; a document is the set of its
//!   `k`-word shingles, two documents resemble each other by the Jaccard similarity of
//!   those sets.
//! - MinHash: Broder, Charikar, Frieze & Mitzenmacher (2000), "Min-wise independent
//!   permutations", JCSS 60(3): the share of equal minima over `h` hash functions is an
//!   unbiased estimate of the Jaccard similarity.
//! - LSH banding: Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3.4: the
//!   signature is cut into `b` bands of `r` rows; two documents become candidates when they
//!   agree on all rows of at least one band, with probability `1 − (1 − s^r)^b` at
//!   similarity `s` (b = 32, r = 4: 0.988 at s = 0.6, 0.87 at s = 0.5, 0.31 at s = 0.3).
//!
//! Design decision: only the few query documents (the brand's posts) are signed and
//! indexed up front. Every other post is streamed once: its shingles are hashed and looked
//! up in a bitmap of the queries' shingles; a post becomes a candidate only when at least
//! `similarity × |its shingles|` of its distinct shingles occur in some query — a necessary
//! condition for a Jaccard similarity of `similarity` with any of them. Only those
//! candidates are signed and looked up in the LSH bands, so the cost is one hashing pass
//! over the texts, not a signature per post. The result is exact for the pairs it reports
//! (precision 1 against the Jaccard threshold); what LSH can cost is recall, measured in
//! the tests.

use crate::text::{fmix64, intersection, max_words, shingles, shingles_while};
use honeycomb_core::graph::Rng;
use rayon::prelude::*;
use rustc_hash::FxHashSet;

/// Parameters of the detector.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Jaccard threshold a pair must reach.
    pub similarity: f64,
    /// Words per shingle.
    pub shingle: usize,
    /// Documents with fewer words are not compared.
    pub min_words: usize,
    /// MinHash functions.
    pub hashes: usize,
    /// LSH bands (`hashes` is a multiple).
    pub bands: usize,
    /// Seed of the hash functions.
    pub seed: u64,
}

/// A compared pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// The query's id.
    pub query: u32,
    /// The source document.
    pub source: u32,
    /// Exact Jaccard similarity of the two shingle sets.
    pub jaccard: f64,
    /// The MinHash estimate: share of equal signature entries.
    pub estimate: f64,
}

/// What the detector found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detection {
    /// Pairs at or above the threshold, sorted by query, then source.
    pub pairs: Vec<Pair>,
    /// Queries that had enough words to be compared.
    pub queries: u64,
    /// Source documents that passed the shingle filter and were signed.
    pub signed: u64,
    /// Candidate pairs from the LSH bands that were verified.
    pub candidates: u64,
}

/// `h` hash functions `x ↦ (a·x + b) mod 2⁶⁴`, top 32 bits, with odd `a` and `b` drawn
/// from the seeded generator; applied to shingle hashes that are already well mixed.
#[derive(Debug, Clone)]
pub struct MinHasher {
    a: Vec<u64>,
    b: Vec<u64>,
    rows: usize,
}

impl MinHasher {
    /// `hashes` functions in `bands` bands, from `seed`.
    pub fn new(hashes: usize, bands: usize, seed: u64) -> MinHasher {
        let mut rng = Rng::new(seed);
        let a = (0..hashes).map(|_| rng.next_u64() | 1).collect();
        let b = (0..hashes).map(|_| rng.next_u64()).collect();
        MinHasher {
            a,
            b,
            rows: (hashes / bands.max(1)).max(1),
        }
    }

    /// The signature of a set of shingle hashes.
    pub fn signature(&self, set: &[u64], out: &mut Vec<u32>) {
        out.clear();
        out.resize(self.a.len(), u32::MAX);
        for &x in set {
            for ((s, &a), &b) in out.iter_mut().zip(&self.a).zip(&self.b) {
                let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
                *s = (*s).min(v);
            }
        }
    }

    /// The key of each band of a signature (the band's number is part of the key).
    pub fn band_keys<'s>(&self, sig: &'s [u32]) -> impl Iterator<Item = u64> + 's {
        let rows = self.rows;
        sig.chunks(rows).enumerate().map(|(band, rs)| {
            let mut h = (band as u64).wrapping_mul(K3);
            for &r in rs {
                h = (h ^ r as u64).wrapping_mul(K4).rotate_left(27);
            }
            fmix64(h)
        })
    }
}

const K3: u64 = 0x8CB9_2BA7_2F3D_8DD7;
const K4: u64 = 0x9FB2_1C65_1E98_DF25;

/// The share of equal entries of two signatures.
fn agreement(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// One indexed query.
struct Query {
    id: u32,
    set: Vec<u64>,
    sig: Vec<u32>,
}

/// A bitmap over the top bits of shingle hashes: a quick "certainly not in the queries".
struct Bitmap {
    bits: Vec<u64>,
    shift: u32,
}

impl Bitmap {
    fn new(items: usize) -> Bitmap {
        // About 64 bits per item, at least 2^16 and at most 2^27 bits (16 MiB).
        let want = (items.max(1) * 64)
            .next_power_of_two()
            .clamp(1 << 16, 1 << 27);
        let log = want.trailing_zeros();
        Bitmap {
            bits: vec![0; want / 64],
            shift: 64 - log,
        }
    }

    #[inline]
    fn slot(&self, x: u64) -> (usize, u64) {
        let i = (x >> self.shift) as usize;
        (i / 64, 1u64 << (i % 64))
    }

    fn insert(&mut self, x: u64) {
        let (w, m) = self.slot(x);
        self.bits[w] |= m;
    }

    #[inline]
    fn contains(&self, x: u64) -> bool {
        let (w, m) = self.slot(x);
        self.bits[w] & m != 0
    }
}

/// Finds, for each query text, the source documents whose shingle sets have a Jaccard
/// similarity of at least `p.similarity` with it.
///
/// `queries` are `(id, text)`; `source(s)` gives the text of source `s` in `0..n_sources`,
/// or `None` when `s` may not be a source at all; `allowed(id, s)` says whether the pair
/// may be reported (e.g. the source is older than the query). Deterministic: the result
/// depends on the inputs and `p.seed` only, not on the number of threads.
pub fn detect<'t, S, A>(
    queries: &[(u32, &str)],
    n_sources: usize,
    source: S,
    allowed: A,
    p: &Params,
) -> Detection
where
    S: Fn(u32) -> Option<&'t str> + Sync,
    A: Fn(u32, u32) -> bool + Sync,
{
    let mh = MinHasher::new(p.hashes, p.bands, p.seed);
    let k = p.shingle;
    // 1. Sign and index the queries.
    let qs: Vec<Query> = queries
        .par_iter()
        .filter_map(|&(id, text)| {
            let mut set = Vec::new();
            if shingles(text, k, &mut set) < p.min_words || set.is_empty() {
                return None;
            }
            set.sort_unstable();
            set.dedup();
            let mut sig = Vec::new();
            mh.signature(&set, &mut sig);
            Some(Query { id, set, sig })
        })
        .collect();
    let mut out = Detection {
        queries: qs.len() as u64,
        ..Detection::default()
    };
    if qs.is_empty() {
        return out;
    }
    let mut table: Vec<(u64, u32)> = qs
        .iter()
        .enumerate()
        .flat_map(|(i, q)| mh.band_keys(&q.sig).map(move |key| (key, i as u32)))
        .collect();
    table.sort_unstable();
    table.dedup();
    let mut union: FxHashSet<u64> = FxHashSet::default();
    for q in &qs {
        union.extend(q.set.iter().copied());
    }
    let mut bitmap = Bitmap::new(union.len());
    for &x in &union {
        bitmap.insert(x);
    }
    let t = p.similarity;
    // J(A, B) ≥ t needs t·|A| ≤ |B| ≤ |A| / t.
    let fewest = qs.iter().map(|q| q.set.len()).min().unwrap_or(0) as f64 * t - 1e-9;
    let most_shingles = qs.iter().map(|q| q.set.len()).max().unwrap_or(0) as f64 / t + 1e-9;

    // 2. Stream the sources through the shingle filter. J(A, B) ≥ t needs
    // |B ∖ A| ≤ (1 − t)·|B|, and B ∖ A contains every shingle of B missing from the bitmap
    // of all queries' shingles; |B| is at most max_words − k + 1, and at most |A| / t. So a
    // source is dropped as soon as more distinct shingles miss the bitmap than that: for
    // most texts after about 40% of their words, without hashing the rest.
    let candidates: Vec<(u32, Vec<u64>)> = (0..n_sources as u32)
        .into_par_iter()
        .with_min_len(2048)
        .map_init(
            || (Vec::with_capacity(64), Vec::with_capacity(16)),
            |(buf, misses): &mut (Vec<u64>, Vec<u64>), s| {
                let text = source(s)?;
                let most = max_words(text);
                if most < p.min_words || ((most + 1 - k) as f64) < fewest {
                    return None;
                }
                // |B ∖ A| ≤ (1 − t)·|B|, and |B| ≤ |A| / t caps it at (1 − t)/t·|A|.
                let allowed = ((1.0 - t) * ((most + 1 - k) as f64).min(most_shingles) + 1e-9)
                    .floor() as usize;
                buf.clear();
                misses.clear();
                let mut dropped = false;
                let words = shingles_while(text, k, |x| {
                    buf.push(x);
                    if !bitmap.contains(x) && !misses.contains(&x) {
                        misses.push(x);
                        if misses.len() > allowed {
                            dropped = true;
                            return false;
                        }
                    }
                    true
                });
                if dropped || words < p.min_words || buf.len() == misses.len() {
                    return None;
                }
                buf.sort_unstable();
                buf.dedup();
                if buf.len() as f64 > most_shingles {
                    return None;
                }
                let shared = buf.iter().filter(|x| union.contains(x)).count();
                // J(A, B) ≥ t needs |A ∩ B| ≥ t·|B|, and |A ∩ B| ≤ |B ∩ ⋃ queries|.
                if (shared as f64) < t * buf.len() as f64 - 1e-9 {
                    return None;
                }
                Some((s, buf.clone()))
            },
        )
        .flatten()
        .collect();
    out.signed = candidates.len() as u64;

    // 3. Sign the candidates, look them up in the bands, verify exactly.
    let found: Vec<(u64, Vec<Pair>)> = candidates
        .par_iter()
        .map_init(
            || (Vec::new(), Vec::new()),
            |(sig, hits): &mut (Vec<u32>, Vec<u32>), (s, set)| {
                mh.signature(set, sig);
                hits.clear();
                for key in mh.band_keys(sig) {
                    let from = table.partition_point(|e| e.0 < key);
                    hits.extend(table[from..].iter().take_while(|e| e.0 == key).map(|e| e.1));
                }
                hits.sort_unstable();
                hits.dedup();
                let mut pairs = Vec::new();
                let mut checked = 0u64;
                for &qi in hits.iter() {
                    let q = &qs[qi as usize];
                    if !allowed(q.id, *s) {
                        continue;
                    }
                    checked += 1;
                    let i = intersection(&q.set, set);
                    let j = i as f64 / (q.set.len() + set.len() - i) as f64;
                    if j >= t - 1e-12 {
                        pairs.push(Pair {
                            query: q.id,
                            source: *s,
                            jaccard: j,
                            estimate: agreement(&q.sig, sig),
                        });
                    }
                }
                (checked, pairs)
            },
        )
        .collect();
    for (c, pairs) in found {
        out.candidates += c;
        out.pairs.extend(pairs);
    }
    out.pairs
        .sort_by(|a, b| a.query.cmp(&b.query).then(a.source.cmp(&b.source)));
    out
}
