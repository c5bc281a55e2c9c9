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
    }

    /// Inserts `id → ix` unless `id` is present; returns the existing index if it was.
    /// Undoes [`IdMap::freeze`].
    pub fn insert(&mut self, id: &str, ix: u32) -> Option<u32> {
        self.dense = Vec::new();
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
        self.nums.len() + self.strs.len()
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
    }
}
