//! Interning external ids. Most exports use decimal ids (`1234567890`); those are keyed by
//! their integer value, which hashes and compares far faster than strings. Any other id is
//! keyed by its text. A decimal id with leading zeros (`007`) is text, so `7` and `007` stay
//! different ids, as they are in the file.

use rustc_hash::FxHashMap;

/// External id → index.
#[derive(Debug, Default)]
pub struct IdMap {
    nums: FxHashMap<u64, u32>,
    strs: FxHashMap<Box<str>, u32>,
    /// After [`IdMap::freeze`]: `dense[n - base]` for numeric ids when they are compact.
    dense: Vec<u32>,
    base: u64,
}

/// Marks an empty slot of the dense table.
const NONE: u32 = u32::MAX;

/// The integer form of a canonical decimal id.
#[inline]
fn numeric(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 19 || (b[0] == b'0' && b.len() > 1) {
        return None;
    }
    let mut v = 0u64;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
    }
    Some(v)
}

impl IdMap {
    /// A map with room for `n` ids.
    pub fn with_capacity(n: usize) -> IdMap {
        IdMap {
            nums: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            strs: FxHashMap::default(),
            dense: Vec::new(),
            base: 0,
        }
    }

    /// Builds a map of `ids[i] → i`, frozen for look-ups. Returns the map and the
    /// duplicates as `(index, index of the first occurrence)`. Compact numeric ids go
    /// straight into the dense table, without hashing.
    pub fn from_ids<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> (IdMap, Vec<(u32, u32)>) {
        let mut n = 0u64;
        let (mut lo, mut hi) = (u64::MAX, 0u64);
        let mut all_numeric = true;
        for id in ids.clone() {
            n += 1;
            match numeric(id) {
                Some(v) => {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
                None => {
                    all_numeric = false;
                    break;
                }
            }
        }
        let mut dups = Vec::new();
        if all_numeric && n > 0 && hi - lo < 4 * n + 1024 && hi - lo < u32::MAX as u64 {
            let mut dense = vec![NONE; (hi - lo + 1) as usize];
            for (i, id) in ids.enumerate() {
                let slot = &mut dense[(numeric(id).unwrap_or(lo) - lo) as usize];
                if *slot == NONE {
                    *slot = i as u32;
                } else {
                    dups.push((i as u32, *slot));
                }
            }
            let map = IdMap {
                nums: FxHashMap::default(),
                strs: FxHashMap::default(),
                dense,
                base: lo,
            };
            return (map, dups);
        }
        let mut map = IdMap::with_capacity(n as usize);
        for (i, id) in ids.enumerate() {
            if let Some(first) = map.insert(id, i as u32) {
                dups.push((i as u32, first));
            }
        }
        map.freeze();
        (map, dups)
    }

    /// Prepares for many look-ups: when the numeric ids are compact (their range at most
    /// four times their number), look-ups index a plain vector instead of hashing.
    pub fn freeze(&mut self) {
        let (Some(&lo), Some(&hi)) = (self.nums.keys().min(), self.nums.keys().max()) else {
            return;
        };
        let span = hi - lo + 1;
        if span > 4 * self.nums.len() as u64 + 1024 || span > u32::MAX as u64 {
            return;
        }
        let mut dense = vec![NONE; span as usize];
        for (&k, &v) in &self.nums {
            dense[(k - lo) as usize] = v;
        }
        self.dense = dense;
        self.base = lo;
        // The hash map is no longer needed for look-ups; `insert` rebuilds from `dense`.
        self.nums = FxHashMap::default();
    }

    /// Inserts `id → ix` unless `id` is present; returns the existing index if it was.
    /// Undoes [`IdMap::freeze`].
    pub fn insert(&mut self, id: &str, ix: u32) -> Option<u32> {
        if !self.dense.is_empty() {
            let base = self.base;
            for (i, &v) in self.dense.iter().enumerate() {
                if v != NONE {
                    self.nums.insert(base + i as u64, v);
                }
            }
            self.dense = Vec::new();
        }
        match numeric(id) {
            Some(n) => match self.nums.entry(n) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(ix);
                    None
                }
            },
            None => match self.strs.get(id) {
                Some(&x) => Some(x),
                None => {
                    self.strs.insert(id.into(), ix);
                    None
                }
            },
        }
    }

    /// The index of `id`.
    #[inline]
    pub fn get(&self, id: &str) -> Option<u32> {
        match numeric(id) {
            Some(n) if !self.dense.is_empty() => {
                let i = n.wrapping_sub(self.base);
                match self.dense.get(i as usize) {
                    Some(&v) if v != NONE && i < self.dense.len() as u64 => Some(v),
                    _ => None,
                }
            }
            Some(n) => self.nums.get(&n).copied(),
            None => self.strs.get(id).copied(),
        }
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        let dense = self.dense.iter().filter(|&&v| v != NONE).count();
        self.nums.len() + dense + self.strs.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_ids_finds_duplicates_on_both_paths() {
        let ids = ["3", "1", "2", "1", "3"];
        let (m, d) = IdMap::from_ids(ids.iter().copied());
        assert_eq!(d, [(3, 1), (4, 0)]);
        assert_eq!(
            (m.get("1"), m.get("2"), m.get("3"), m.get("4")),
            (Some(1), Some(2), Some(0), None)
        );
        assert!(
            !m.dense.is_empty(),
            "compact numeric ids use the dense table"
        );
        let ids = ["a", "1", "a"];
        let (m, d) = IdMap::from_ids(ids.iter().copied());
        assert_eq!(d, [(2, 0)]);
        assert_eq!((m.get("a"), m.get("1")), (Some(0), Some(1)));
    }

    #[test]
    fn numeric_and_text_ids() {
        let mut m = IdMap::default();
        assert_eq!(m.insert("7", 0), None);
        assert_eq!(m.insert("007", 1), None);
        assert_eq!(m.insert("abc", 2), None);
        assert_eq!(m.insert("7", 3), Some(0));
        assert_eq!(m.get("007"), Some(1));
        assert_eq!(m.get("abc"), Some(2));
        assert_eq!(m.get("99999999999999999999"), None);
        assert_eq!(m.len(), 3);
        m.freeze();
        assert_eq!(m.get("7"), Some(0));
        assert_eq!(m.get("8"), None);
        assert_eq!(m.get("6"), None);
        assert_eq!(m.get("abc"), Some(2));
        let mut d = IdMap::default();
        for i in 0..100u32 {
            d.insert(&(1000 + 2 * i).to_string(), i);
        }
        d.freeze();
        assert_eq!(d.get("1000"), Some(0));
        assert_eq!(d.get("1198"), Some(99));
        assert_eq!(d.get("1001"), None);
        assert_eq!(d.get("999"), None);
        assert_eq!(d.get("1200"), None);
        assert_eq!(d.len(), 100);
        assert_eq!(
            d.insert("1002", 7),
            Some(1),
            "insert after freeze still sees frozen ids"
        );
        assert_eq!(d.insert("5", 100), None);
        assert_eq!(d.get("1198"), Some(99));
        assert_eq!(d.len(), 101);
    }
}
