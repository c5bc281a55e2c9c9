//! Text helpers: word shingles for the near-copy detector, excerpts with personal data
//! masked, and the host of a link.

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// The 64-bit finaliser of MurmurHash3 (Appleby): every input bit affects every output bit.
#[inline]
pub fn fmix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    x ^ (x >> 33)
}

/// `0x20` in every byte: OR-ed into ASCII letters it lowercases them, and ASCII digits
/// already have it.
const LOW: u64 = 0x2020_2020_2020_2020;

/// The hash of the word `b[start..end]`, lowercased by OR-ing `0x20` into every byte (the
/// bytes are ASCII letters and digits, or the already lowercased UTF-8 of a word that took
/// the slow path), eight bytes at a time.
#[inline(always)]
fn hash_word(b: &[u8], start: usize, end: usize) -> u64 {
    let mut state = K2;
    let mut j = start;
    while j + 8 <= end {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[j..j + 8]);
        state = (state ^ (u64::from_le_bytes(a) | LOW))
            .wrapping_mul(K1)
            .rotate_left(23);
        j += 8;
    }
    let r = end - j;
    if r > 0 {
        let mask = (1u64 << (8 * r)) - 1;
        let v = if j + 8 <= b.len() {
            // Read past the word (still inside the text) and mask the rest away.
            let mut a = [0u8; 8];
            a.copy_from_slice(&b[j..j + 8]);
            u64::from_le_bytes(a) & mask
        } else {
            b[j..end]
                .iter()
                .enumerate()
                .fold(0u64, |x, (s, &c)| x | (c as u64) << (8 * s))
        };
        state = (state ^ (v | (LOW & mask)))
            .wrapping_mul(K1)
            .rotate_left(23);
    }
    fmix64(state ^ (end - start) as u64)
}

/// Byte classes of the tokenizer.
const DROP: u8 = 0;
const KEEP: u8 = 1;
const SPACE: u8 = 2;
const AT: u8 = 3;
const HIGH: u8 = 4;

/// The class of every byte: ASCII letters and digits are kept (lowercased, see
/// [`LOWER`]), ASCII white space separates tokens, `@` marks a mention or e-mail address,
/// bytes of non-ASCII characters take the slow path, the rest is dropped. Control
/// characters count as white space.
static CLASS: [u8; 256] = {
    let mut t = [DROP; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b >= 0x80 {
            HIGH
        } else if b.is_ascii_alphanumeric() {
            KEEP
        } else if b <= b' ' {
            SPACE
        } else if b == b'@' {
            AT
        } else {
            DROP
        };
        c += 1;
    }
    t
};

/// ASCII lowercase of every byte.
static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).to_ascii_lowercase();
        c += 1;
    }
    t
};

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The character starting at byte `i` of `text` (a character boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

/// Whether a token starting at `rest` is left out whole: a mention, hashtag or link.
#[inline(always)]
fn skipped_token(rest: &[u8]) -> bool {
    match rest.first() {
        Some(b'@' | b'#') => true,
        Some(b'h' | b'H') => starts_with_ci(rest, b"http://") || starts_with_ci(rest, b"https://"),
        Some(b'w' | b'W') => starts_with_ci(rest, b"www."),
        _ => false,
    }
}

/// Calls `f` with the hash of every word of `text`, in order. A word is a token between
/// white space, reduced to its letters and digits and lowercased ("Maalt:" and "maalt" are
/// the same word); tokens that are mentions (`@…`), hashtags (`#…`), links (`http…`,
/// `www.…`) or e-mail addresses are left out, and so are tokens without a letter or digit
/// (emoji, punctuation). `f` returns `false` to stop early. Returns the number of words
/// seen.
///
/// The text is read 64 bytes at a time into bit masks (white space, letters and digits,
/// `@`, non-ASCII), eight bytes at a time with SWAR arithmetic ("SIMD within a register";
/// the `std::arch` intrinsics would need `unsafe`), and its words are found with bit
/// operations: no branch per byte that depends on the text, which on short words of random
/// length is where a byte-by-byte loop spends its time. A token with non-ASCII characters
/// is read byte by byte; both ways give the same hashes.
#[inline(always)]
pub fn for_each_word(text: &str, f: impl FnMut(u64) -> bool) -> usize {
    let b = text.as_bytes();
    match (text.is_ascii(), b.contains(&b'@')) {
        (true, false) => words::<true, false>(text, f),
        (true, true) => words::<true, true>(text, f),
        (false, false) => words::<false, false>(text, f),
        (false, true) => words::<false, true>(text, f),
    }
}

/// [`for_each_word`] for a text that is ASCII or not, and has an `@` or not.
#[inline(always)]
fn words<const ASCII: bool, const AT: bool>(text: &str, mut f: impl FnMut(u64) -> bool) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let mut buf: Vec<u8> = Vec::new();
    let mut words = 0;
    let mut w = 0;
    while w < n {
        let m = window::<ASCII, AT>(b, w);
        let mut pos = 0u32;
        let next = loop {
            let rest = if pos >= 64 {
                0
            } else {
                !m.space & (!0u64 << pos)
            };
            if rest == 0 {
                break w + 64;
            }
            let s = rest.trailing_zeros();
            let after = m.space & (!0u64 << s);
            if after == 0 && s > 0 {
                // The token runs past the window: start the next window at it.
                break w + s as usize;
            }
            let e = if after == 0 {
                64
            } else {
                after.trailing_zeros()
            };
            let tok = if e == 64 {
                !0u64 << s
            } else {
                (!0u64 << s) & !(!0u64 << e)
            };
            // The word of the token, if any, and where the window goes on.
            let mut leave = None;
            let word = if (!ASCII && m.high & tok != 0) || e == 64 {
                // Non-ASCII characters, or a token of 64 bytes or more: byte by byte.
                let (end, word) = token_bytewise(text, w + s as usize, &mut buf);
                if end >= w + 64 {
                    leave = Some(end);
                } else {
                    pos = (end - w) as u32;
                }
                word
            } else {
                pos = e;
                let kb = m.keep & tok;
                if kb == 0 || (AT && m.at & tok != 0) || skipped_token(&b[w + s as usize..]) {
                    None
                } else {
                    let k0 = kb.trailing_zeros();
                    let run = kb >> k0;
                    Some(if run & run.wrapping_add(1) == 0 {
                        // One run of letters and digits: hash it in place.
                        let start = w + k0 as usize;
                        hash_word(b, start, start + run.count_ones() as usize)
                    } else {
                        // Punctuation inside ("don't"): gather the kept bytes.
                        buf.clear();
                        let mut r = kb;
                        while r != 0 {
                            buf.push(LOWER[b[w + r.trailing_zeros() as usize] as usize]);
                            r &= r - 1;
                        }
                        hash_word(&buf, 0, buf.len())
                    })
                }
            };
            if let Some(h) = word {
                words += 1;
                if !f(h) {
                    return words;
                }
            }
            if let Some(end) = leave {
                break end;
            }
        };
        w = next;
    }
    words
}

/// Bit masks of 64 bytes, bit `j` for byte `j`.
struct Masks {
    /// White space and control characters (and bytes past the end of the text).
    space: u64,
    /// ASCII letters and digits.
    keep: u64,
    /// `@`.
    at: u64,
    /// Bytes of non-ASCII characters.
    high: u64,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (all bytes below 0x80) that is at least `c`: no byte
/// borrows from its neighbour, because each is at least 0x80 before the subtraction.
#[inline(always)]
fn at_least(x: u64, c: u8) -> u64 {
    ((x | HIGH_BITS).wrapping_sub(ONES * c as u64)) & HIGH_BITS
}

/// The high bits of the eight bytes of `m` gathered into the low eight bits.
#[inline(always)]
fn gather(m: u64) -> u64 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Eight bytes of `b` from `at` as a little-endian word; bytes past the end read as 0.
#[inline(always)]
fn chunk(b: &[u8], at: usize) -> u64 {
    if at + 8 <= b.len() {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(a)
    } else {
        // The last, partial chunk, byte by byte (a variable-length copy would be a call to
        // memmove for every text).
        b.get(at..)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .fold(0u64, |x, (s, &c)| x | (c as u64) << (8 * s))
    }
}

/// The masks of the (at most) 64 bytes of `b` from `from`, eight bytes at a time with SWAR
/// arithmetic; bytes past the end read as 0, white space. `ASCII`: the text has no
/// non-ASCII byte; `AT`: it has an `@` (when it has none, the `@` mask is left empty).
#[inline(always)]
fn window<const ASCII: bool, const AT: bool>(b: &[u8], from: usize) -> Masks {
    let mut m = Masks {
        space: 0,
        keep: 0,
        at: 0,
        high: 0,
    };
    for c in 0..8 {
        let at = from + 8 * c;
        if at >= b.len() {
            m.space |= !0u64 << (8 * c);
            break;
        }
        let raw = chunk(b, at);
        let (x, ascii) = if ASCII {
            (raw, HIGH_BITS)
        } else {
            (raw & !HIGH_BITS, !raw & HIGH_BITS)
        };
        let lower = x | (ONES * 0x20);
        let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
        let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
        let space = !at_least(x, b' ' + 1) & ascii;
        let shift = 8 * c;
        m.space |= gather(space) << shift;
        m.keep |= gather((digit | letter) & ascii) << shift;
        if AT {
            let z = x ^ (ONES * b'@' as u64);
            m.at |= gather(!at_least(z, 1) & ascii) << shift;
        }
        if !ASCII {
            m.high |= gather(raw & HIGH_BITS) << shift;
        }
    }
    m
}

/// Reads the token that starts at byte `i` (after any white space) byte by byte; returns
/// where it ends and the hash of its word, if it has one.
fn token_bytewise(text: &str, mut i: usize, buf: &mut Vec<u8>) -> (usize, Option<u64>) {
    let b = text.as_bytes();
    let n = b.len();
    // White space that only a character-level look sees (U+00A0, …) comes first.
    while i < n {
        let (ch, len) = char_at(text, i);
        if !ch.is_whitespace() {
            break;
        }
        i += len;
    }
    let mut skip = skipped_token(&b[i..]);
    buf.clear();
    while i < n {
        let c = CLASS[b[i] as usize];
        if c == KEEP {
            buf.push(LOWER[b[i] as usize]);
            i += 1;
        } else if c == SPACE {
            break;
        } else if c == DROP {
            i += 1;
        } else if c == AT {
            skip = true;
            i += 1;
        } else {
            let (ch, len) = char_at(text, i);
            if ch.is_whitespace() {
                break;
            }
            if ch.is_alphanumeric() {
                for lc in ch.to_lowercase() {
                    let mut u = [0u8; 4];
                    buf.extend_from_slice(lc.encode_utf8(&mut u).as_bytes());
                }
            }
            i += len;
        }
    }
    let word = (!skip && !buf.is_empty()).then(|| hash_word(buf, 0, buf.len()));
    (i, word)
}

/// [`for_each_word`] byte by byte (any text): the reference the fast reading is tested
/// against.
#[cfg(test)]
fn words_bytewise(text: &str, mut f: impl FnMut(u64) -> bool) -> usize {
    let b = text.as_bytes();
    let mut buf: Vec<u8> = Vec::new();
    let (mut i, mut words) = (0, 0);
    while i < b.len() {
        let c = CLASS[b[i] as usize];
        if c == SPACE {
            i += 1;
            continue;
        }
        if c == HIGH {
            let (ch, len) = char_at(text, i);
            if ch.is_whitespace() {
                i += len;
                continue;
            }
        }
        let (end, word) = token_bytewise(text, i, &mut buf);
        i = end;
        if let Some(h) = word {
            words += 1;
            if !f(h) {
                return words;
            }
        }
    }
    words
}

#[cfg(test)]
/// The byte-by-byte reading of any text, for tests of the fast one.
pub fn words_reference(text: &str) -> Vec<u64> {
    let mut v = Vec::new();
    words_bytewise(text, |h| {
        v.push(h);
        true
    });
    v
}

/// Appends the hashes of the `k`-word shingles of `text` to `out` (in text order, not
/// deduplicated) and returns the number of words. A text of fewer than `k` words has no
/// shingles. `k` is at most 10.
pub fn shingles(text: &str, k: usize, out: &mut Vec<u64>) -> usize {
    shingles_while(text, k, |x| {
        out.push(x);
        true
    })
}

/// Calls `f` with the hash of each `k`-word shingle of `text`, in order, until it returns
/// `false`; returns the number of words seen.
#[inline(always)]
pub fn shingles_while(text: &str, k: usize, mut f: impl FnMut(u64) -> bool) -> usize {
    let k = k.clamp(1, 10);
    // A rolling hash: the XOR of the last k word hashes, the newest rotated by 0 bits, the
    // one before by 21, … so that the order of the words counts ("a b c" ≠ "c b a"); the
    // ring of the last k words gives the one that drops out.
    let oldest_rotation = 21 * (k as u32 - 1);
    let mut ring = [0u64; 10];
    let (mut pos, mut seen, mut h) = (0usize, 0usize, 0u64);
    for_each_word(text, |w| {
        if seen < k {
            h = h.rotate_left(21) ^ w;
            ring[seen] = w;
        } else {
            h = (h ^ ring[pos].rotate_left(oldest_rotation)).rotate_left(21) ^ w;
            ring[pos] = w;
            pos += 1;
            if pos == k {
                pos = 0;
            }
        }
        seen += 1;
        seen < k || f((h ^ k as u64).wrapping_mul(K1))
    })
}

/// Bytes that may start a white-space character: ASCII white space and control characters
/// (which the tokenizer treats as white space), and the lead bytes of
/// the non-ASCII white space of Unicode (U+0085, U+00A0: `C2`; U+1680: `E1`;
/// U+2000–U+205F: `E2`; U+3000: `E3`).
static MAYBE_SPACE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = matches!(c, 0x00..=0x20 | 0xC2 | 0xE1 | 0xE2 | 0xE3) as u8;
        c += 1;
    }
    t
};

/// An upper bound on the number of words of `text`: tokens are separated by white space,
/// so there are at most one more than the white-space characters, which are at most the
/// bytes that may start one. One pass of table look-ups, no branches.
pub fn max_words(text: &str) -> usize {
    1 + text
        .as_bytes()
        .iter()
        .map(|&b| MAYBE_SPACE[b as usize] as usize)
        .sum::<usize>()
}

/// The sorted, distinct `k`-word shingles of `text`, and its number of words.
pub fn shingle_set(text: &str, k: usize) -> (Vec<u64>, usize) {
    let mut v = Vec::new();
    let words = shingles(text, k, &mut v);
    v.sort_unstable();
    v.dedup();
    (v, words)
}

/// Size of the intersection of two sorted, distinct slices.
pub fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted, distinct slices (0 when both are
/// empty).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let i = intersection(a, b);
    let u = a.len() + b.len() - i;
    if u == 0 { 0.0 } else { i as f64 / u as f64 }
}

/// The host of a link, lowercased and without `www.`: `https://WWW.Example.nl:8080/a?b`
/// gives `example.nl`. Links without a scheme are read as `host/path`. `None` when there is
/// no host.
pub fn domain(url: &str) -> Option<String> {
    let s = url.trim();
    let rest = match s.find("://") {
        Some(p)
            if p > 0
                && s[..p]
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"+-.".contains(&c)) =>
        {
            &s[p + 3..]
        }
        _ => s.strip_prefix("//").unwrap_or(s),
    };
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let mut host = &rest[..end];
    if let Some(at) = host.rfind('@') {
        host = &host[at + 1..];
    }
    if let Some(v6) = host.strip_prefix('[') {
        host = v6.split(']').next().unwrap_or("");
    } else if let Some(c) = host.find(':') {
        host = &host[..c];
    }
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() || host.chars().any(|c| c.is_whitespace()) {
        return None;
    }
    Some(host.to_string())
}
