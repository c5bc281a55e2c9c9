//! Lexicon-based sentiment of short social-media texts in English and Dutch.
//!
//! An estimate, not a judgement: each word found in a published lexicon adds its rating; the
//! post's *net sentiment* is (positive − negative) ÷ (positive + negative), from −1 (only
//! negative words) to +1 (only positive words), and `None` when the post holds no rated word.
//!
//! **Lexicons** (shipped in this folder, sources and licences in `NOTICE.md`):
//! English — VADER (Hutto & Gilbert 2014): `vader_lexicon.txt` (words and emoticons, rated
//! −4…+4, divided by 4 here) and `emoji_utf8_lexicon.txt` (an emoji is rated by its English
//! description, as VADER does, with [`SYMBOL_CORRECTIONS`]); Dutch — Pattern's adjective
//! lexicon (De Smedt & Daelemans 2012) as shipped by nlp.js (`pattern_nl.json`, word stems
//! rated −1…+1), and honeycomb's additions and corrections (`extra_nl.txt`). Emoticons and
//! emoji count in both languages.
//!
//! **Tokens.** The text is split into chunks at white space (any byte up to 0x20). A chunk
//! that contains `@` (a mention or an e-mail address) or `://` or starts with `www.` (a
//! link) is skipped. A chunk of 2–8 bytes with an ASCII punctuation mark that is a VADER
//! emoticon (`:)`, `<3`, `:-(`) is one token. Otherwise the chunk's words are its runs of
//! letters (any script; an apostrophe between letters belongs to the word, `don't`),
//! lowercased and with accents removed; an emoji is a token; `.`, `!` and `?` end a sentence.
//! Words longer than 64 bytes are skipped.
//!
//! **Negation.** A negator (VADER's `NEGATE` list; nlp.js's Dutch list: niet, nooit,
//! niemand, niets, nee, neen) flips the sign of every rated word among the next
//! [`NEGATION_WINDOW`] words of the same sentence: "not good" is negative, "niet slecht"
//! positive. Negators carry no rating themselves; emoticons and emoji are never flipped.
//!
//! **Language.** From the post's `lang` when it has one (`en…` or `nl…`; another language
//! gets no sentiment). Without it, the language whose common function words (the, and, you…
//! / de, het, een…) are more frequent in the text; on a tie the report's language. Dutch
//! words are first looked up as written in `extra_nl.txt`, else stemmed (Snowball, as nlp.js
//! does) and looked up in Pattern.
//!
//! Design decision: one pass over the text with no allocation per word: a chunk of up to 15
//! ASCII letters is recognised eight bytes at a time and its lowercase key built in two
//! registers; words are looked up in an open-addressing table keyed by their first 16 bytes
//! with a one-byte tag per slot (misses rarely leave the first-level cache). Dutch stems are
//! memoised in a small direct-mapped cache per [`Scorer`]. The trade-off: VADER's finer
//! rules (intensifiers, "but", capitals, exclamation marks) and multi-word entries are not
//! applied.

mod stem_nl;

pub use stem_nl::{fold, stem as stem_nl};

use crate::i18n::Lang;
use crate::model::Post;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const VADER: &str = include_str!("vader_lexicon.txt");
const EMOJI: &str = include_str!("emoji_utf8_lexicon.txt");
const NEGATIONS_EN: &str = include_str!("negations_en.txt");
const PATTERN_NL: &str = include_str!("pattern_nl.json");
const NEGATIONS_NL: &str = include_str!("negations_nl.json");
const EXTRA_NL: &str = include_str!("extra_nl.txt");

/// Emoji whose VADER rating, taken from the words of its name, misleads in social media,
/// with honeycomb's correction: 🔥 ("fire", −1.4) means "hot, great" in posts, so it counts
/// as unrated.
pub const SYMBOL_CORRECTIONS: [(char, f32); 1] = [('🔥', 0.0)];

/// A negator flips the rated words among this many following words.
pub const NEGATION_WINDOW: usize = 3;

/// VADER rates −4…+4; ratings are divided by this to share Pattern's −1…+1 scale.
pub const VADER_SCALE: f32 = 4.0;

/// Common English function words, for guessing a post's language (none is also Dutch).
pub const FUNCTION_WORDS_EN: [&str; 40] = [
    "the", "a", "an", "and", "or", "but", "are", "were", "be", "been", "to", "on", "at", "for",
    "with", "this", "that", "it", "you", "your", "my", "i", "our", "they", "have", "has", "not",
    "do", "does", "what", "how", "just", "so", "very", "there", "from", "will", "can", "about",
    "if",
];

/// Common Dutch function words, for guessing a post's language (none is also English).
pub const FUNCTION_WORDS_NL: [&str; 40] = [
    "de", "het", "een", "en", "maar", "zijn", "waren", "van", "op", "voor", "met", "dit", "dat",
    "die", "je", "jij", "jouw", "mijn", "ik", "wij", "ons", "onze", "ze", "zij", "hebben", "heb",
    "heeft", "niet", "wat", "hoe", "ook", "nog", "al", "naar", "bij", "er", "te", "om", "wel",
    "heel",
];

/// A published source of ratings, for the report's citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Short name.
    pub name: &'static str,
    /// The language it rates.
    pub lang: Lang,
    /// Where the file comes from, with its version.
    pub origin: &'static str,
    /// Licence.
    pub licence: &'static str,
    /// The publication to cite.
    pub citation: &'static str,
}

/// The lexicons used, with their origin, licence and citation.
pub const SOURCES: [Source; 2] = [
    Source {
        name: "VADER",
        lang: Lang::En,
        origin: "vader_lexicon.txt and emoji_utf8_lexicon.txt of vaderSentiment 3.3.2 (PyPI)",
        licence: "MIT",
        citation: "Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text. ICWSM-14.",
    },
    Source {
        name: "Pattern (Dutch)",
        lang: Lang::Nl,
        origin: "pattern_nl.json and negations_nl.json of @nlpjs/lang-nl 4.26.1 (npm), from the Pattern project",
        licence: "MIT (nlp.js), BSD-3-Clause (Pattern)",
        citation: "De Smedt, T. & Daelemans, W. (2012). \"Vreselijk mooi!\" (terribly beautiful): A Subjectivity Lexicon for Dutch Adjectives. LREC 2012, 3568–3572.",
    },
];

/// The sentiment of a text (or, summed, of several).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sentiment {
    /// Sum of the positive ratings (−1…+1 scale), ≥ 0.
    pub pos: f32,
    /// Sum of the magnitudes of the negative ratings, ≥ 0.
    pub neg: f32,
    /// The language the text was scored in; `None` when it is in a language without a
    /// lexicon here (or empty).
    pub lang: Option<Lang>,
}

impl Sentiment {
    /// Net sentiment (pos − neg) ÷ (pos + neg), −1…+1; `None` without a rated word.
    pub fn net(&self) -> Option<f64> {
        let t = self.pos as f64 + self.neg as f64;
        (t > 0.0).then(|| (self.pos as f64 - self.neg as f64) / t)
    }

    /// Adds another text's ratings (the language is kept).
    pub fn add(&mut self, o: &Sentiment) {
        self.pos += o.pos;
        self.neg += o.neg;
    }

    fn add_rating(&mut self, v: f32) {
        if v > 0.0 {
            self.pos += v;
        } else {
            self.neg -= v;
        }
    }
}

/// What a post says about its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangHint {
    /// English or Dutch.
    Known(Lang),
    /// Another language: no lexicon, no sentiment.
    Other,
    /// Not given: guessed from the text.
    Unknown,
}

impl LangHint {
    /// From a language code (`en`, `en-GB`, `nl_BE`, `eng`, `dut`, `nld`; `und` and empty
    /// mean unknown).
    pub fn of_code(code: Option<&str>) -> LangHint {
        let Some(c) = code.map(str::trim).filter(|c| !c.is_empty()) else {
            return LangHint::Unknown;
        };
        let c = c.to_ascii_lowercase();
        let base = c.split(['-', '_']).next().unwrap_or("");
        match base {
            "en" | "eng" => LangHint::Known(Lang::En),
            "nl" | "nld" | "dut" => LangHint::Known(Lang::Nl),
            "und" | "" => LangHint::Unknown,
            _ => LangHint::Other,
        }
    }
}

/// A token of the tokenizer described in the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'t> {
    /// A word, lowercase, accents removed.
    Word(&'t str),
    /// An emoticon of the VADER lexicon, lowercase.
    Emoticon(&'t str),
    /// A character that is neither a letter, a digit, white space nor ASCII punctuation
    /// (an emoji or another symbol).
    Symbol(char),
    /// `.`, `!` or `?`: the end of a sentence.
    End(char),
}

// ---------------------------------------------------------------- the look-up table

const WORD_BYTES: usize = 64;

/// The first 16 bytes of a key, little-endian, zero-padded (no token contains a zero byte).
fn pack(b: &[u8]) -> Option<[u64; 2]> {
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let mut x = [0u8; 16];
    x[..b.len()].copy_from_slice(b);
    let (lo, hi) = x.split_at(8);
    Some([
        u64::from_le_bytes(lo.try_into().unwrap_or([0; 8])),
        u64::from_le_bytes(hi.try_into().unwrap_or([0; 8])),
    ])
}

fn hash(k: [u64; 2]) -> u64 {
    (k[0] ^ k[1].rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// An open-addressing hash table keyed by short byte strings (≤ 16 bytes packed into two
/// words; longer keys in a fallback map).
#[derive(Debug, Clone)]
struct Table<V> {
    /// Per slot a tag from the hash (1–255), 0 for an empty slot: probing reads these
    /// first, so a miss mostly stays in the first-level cache.
    tags: Vec<u8>,
    slots: Vec<([u64; 2], V)>,
    shift: u32,
    long: FxHashMap<Box<[u8]>, V>,
}

/// The slot and tag of a packed key in a table of `64 - shift` bits.
#[inline(always)]
fn slot_tag(p: [u64; 2], shift: u32) -> (usize, u8) {
    let h = hash(p);
    ((h >> shift) as usize, ((h >> 32) as u8) | 1)
}

impl<V: Copy + Default> Table<V> {
    fn build(entries: FxHashMap<Vec<u8>, V>) -> Table<V> {
        let short = entries.keys().filter(|k| k.len() <= 16).count();
        // Load factor at most 1/4: most misses end at the first tag.
        let cap = (short * 4).next_power_of_two().max(16);
        let bits = cap.trailing_zeros();
        let mut t = Table {
            tags: vec![0; cap],
            slots: vec![([0, 0], V::default()); cap],
            shift: 64 - bits,
            long: FxHashMap::default(),
        };
        for (k, v) in entries {
            match pack(&k) {
                Some(p) => {
                    let mask = cap - 1;
                    let (mut i, tag) = slot_tag(p, t.shift);
                    while t.tags[i] != 0 {
                        i = (i + 1) & mask;
                    }
                    t.tags[i] = tag;
                    t.slots[i] = (p, v);
                }
                None => {
                    t.long.insert(k.into_boxed_slice(), v);
                }
            }
        }
        t
    }

    #[inline(always)]
    fn get_packed(&self, p: [u64; 2]) -> Option<V> {
        let mask = self.tags.len() - 1;
        let (mut i, tag) = slot_tag(p, self.shift);
        loop {
            let t = self.tags[i];
            if t == 0 {
                return None;
            }
            if t == tag && self.slots[i].0 == p {
                return Some(self.slots[i].1);
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, b: &[u8]) -> Option<V> {
        match pack(b) {
            Some(p) => self.get_packed(p),
            None if b.is_empty() => None,
            None => self.long.get(b).copied(),
        }
    }

    /// Looks up a word whose packed key the scanner computed already.
    #[inline(always)]
    fn lookup(&self, b: &[u8], key: Option<[u64; 2]>) -> Option<V> {
        match key {
            Some(p) => self.get_packed(p),
            None => self.long.get(b).copied(),
        }
    }

    fn len(&self) -> usize {
        self.tags.iter().filter(|&&t| t != 0).count() + self.long.len()
    }
}

const NEG_EN: u8 = 1;
const NEG_NL: u8 = 2;
const FN_EN: u8 = 4;
const FN_NL: u8 = 8;

/// What the table knows about one lowercase word.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    /// VADER rating ÷ 4, NaN when not rated.
    en: f32,
    /// honeycomb's Dutch addition (matched before stemming), NaN when none.
    nl: f32,
    /// `NEG_*` and `FN_*` bits.
    flags: u8,
}

impl Default for WordInfo {
    fn default() -> Self {
        WordInfo {
            en: f32::NAN,
            nl: f32::NAN,
            flags: 0,
        }
    }
}

/// The parsed lexicons (see [`lexicon`]).
#[derive(Debug)]
pub struct Lexicon {
    words: Table<WordInfo>,
    emoticons: Table<f32>,
    symbols: FxHashMap<char, f32>,
    nl_stems: Table<f32>,
}

/// The lexicons, parsed on first use and shared.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::parse)
}

fn has_ascii_punct(b: &[u8]) -> bool {
    b.iter().any(|c| c.is_ascii_punctuation())
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut words: FxHashMap<Vec<u8>, WordInfo> = FxHashMap::default();
        let mut emoticons: FxHashMap<Vec<u8>, f32> = FxHashMap::default();
        for line in VADER.lines() {
            let mut f = line.split('\t');
            let (Some(k), Some(v)) = (f.next(), f.next()) else {
                continue;
            };
            let Ok(v) = v.trim().parse::<f32>() else {
                continue;
            };
            let k = k.to_lowercase();
            let v = v / VADER_SCALE;
            let is_word = k.chars().all(|c| c.is_alphabetic() || c == '\'')
                && k.chars().next().is_some_and(char::is_alphabetic);
            if is_word {
                let key: String = k.chars().map(fold).collect();
                words.entry(key.into_bytes()).or_default().en = v;
            } else if has_ascii_punct(k.as_bytes()) && !k.contains(' ') {
                emoticons.insert(k.into_bytes(), v);
            }
        }
        for w in NEGATIONS_EN
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            words.entry(w.as_bytes().to_vec()).or_default().flags |= NEG_EN;
        }
        let neg_nl: serde_json::Value =
            serde_json::from_str(NEGATIONS_NL).unwrap_or(serde_json::Value::Null);
        for w in neg_nl["words"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|w| w.as_str())
        {
            words.entry(w.as_bytes().to_vec()).or_default().flags |= NEG_NL;
        }
        for w in FUNCTION_WORDS_EN {
            words.entry(w.as_bytes().to_vec()).or_default().flags |= FN_EN;
        }
        for w in FUNCTION_WORDS_NL {
            words.entry(w.as_bytes().to_vec()).or_default().flags |= FN_NL;
        }
        for line in EXTRA_NL
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let mut f = line.split('\t');
            if let (Some(k), Some(Ok(v))) = (f.next(), f.next().map(|v| v.trim().parse::<f32>())) {
                let key: String = k.trim().to_lowercase().chars().map(fold).collect();
                words.entry(key.into_bytes()).or_default().nl = v;
            }
        }
        let mut nl: FxHashMap<Vec<u8>, f32> = FxHashMap::default();
        if let Ok(serde_json::Value::Object(m)) = serde_json::from_str(PATTERN_NL) {
            for (k, v) in m {
                if let Some(v) = v.as_f64() {
                    nl.insert(k.into_bytes(), v as f32);
                }
            }
        }
        let mut lex = Lexicon {
            words: Table::build(words),
            emoticons: Table::build(emoticons),
            symbols: FxHashMap::default(),
            nl_stems: Table::build(nl),
        };
        // An emoji is rated by its English description, as VADER does ("😕 confused face").
        let symbols = {
            let mut sc = lex.scorer();
            let mut symbols = FxHashMap::default();
            for line in EMOJI.lines() {
                let mut f = line.trim_end_matches('\r').split('\t');
                let (Some(e), Some(desc)) = (f.next(), f.next()) else {
                    continue;
                };
                let mut cs = e.chars();
                let (Some(c), None) = (cs.next(), cs.next()) else {
                    continue;
                };
                let (s, _, _) = sc.english(desc);
                let v = s.pos - s.neg;
                if v != 0.0 {
                    symbols.insert(c, v);
                }
            }
            for (c, v) in SYMBOL_CORRECTIONS {
                if v == 0.0 {
                    symbols.remove(&c);
                } else {
                    symbols.insert(c, v);
                }
            }
            symbols
        };
        lex.symbols = symbols;
        lex
    }

    /// How many entries each table holds: English words, emoticons, emoji, Dutch stems.
    pub fn sizes(&self) -> [usize; 4] {
        [
            self.words.len(),
            self.emoticons.len(),
            self.symbols.len(),
            self.nl_stems.len(),
        ]
    }

    /// A scorer (with its own small cache of Dutch stems): make one per thread.
    pub fn scorer(&self) -> Scorer<'_> {
        Scorer {
            lex: self,
            cache: Vec::new(),
        }
    }
}

const CACHE_SLOTS: usize = 2048;

/// Scores texts; holds a small cache of Dutch stem look-ups (not shared between threads).
#[derive(Debug)]
pub struct Scorer<'l> {
    lex: &'l Lexicon,
    /// Direct-mapped: packed folded word → Pattern rating of its stem (NaN: none).
    cache: Vec<([u64; 2], f32)>,
}

/// The key of a word of at most 16 bytes, read from a buffer whose bytes after the word are
/// zero.
#[inline(always)]
fn packed16(buf: &[u8; WORD_BYTES]) -> [u64; 2] {
    let mut lo = [0u8; 8];
    let mut hi = [0u8; 8];
    lo.copy_from_slice(&buf[..8]);
    hi.copy_from_slice(&buf[8..16]);
    [u64::from_le_bytes(lo), u64::from_le_bytes(hi)]
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes from `b[i..]`, zero-padded past the end, little-endian.
#[inline(always)]
fn load8(b: &[u8], i: usize) -> u64 {
    let mut t = [0u8; 8];
    if i + 8 <= b.len() {
        t.copy_from_slice(&b[i..i + 8]);
    } else if i < b.len() {
        t[..b.len() - i].copy_from_slice(&b[i..]);
    }
    u64::from_le_bytes(t)
}

/// The high bit of each byte of `x` that is at most 0x20 (white space, control, padding).
#[inline(always)]
fn low_mask(x: u64) -> u64 {
    !(((x & !HIGH) + ONES * 0x5F) | x) & HIGH
}

/// The high bit of each byte of `x` that is an ASCII letter.
#[inline(always)]
fn letter_mask(x: u64) -> u64 {
    let y = (x | (ONES * 0x20)) & !HIGH;
    let ge_a = y + ONES * (0x80 - b'a' as u64);
    let gt_z = y + ONES * (0x80 - b'z' as u64 - 1);
    ge_a & !gt_z & !x & HIGH
}

/// When the chunk at `i` is 1–15 ASCII letters followed by white space (or the end), its
/// lowercase packed key and length.
#[inline(always)]
fn letters_chunk(b: &[u8], i: usize) -> Option<([u64; 2], usize)> {
    let x0 = load8(b, i);
    let l0 = low_mask(x0);
    if l0 != 0 {
        let len = (l0.trailing_zeros() / 8) as usize;
        if len == 0 {
            return None;
        }
        let keep = (1u64 << (8 * len)) - 1;
        let letters = letter_mask(x0) & keep & HIGH;
        return (letters == (HIGH & keep)).then_some(([(x0 | (ONES * 0x20)) & keep, 0], len));
    }
    if letter_mask(x0) != HIGH {
        return None;
    }
    let x1 = load8(b, i + 8);
    let l1 = low_mask(x1);
    if l1 == 0 {
        return None;
    }
    let len = (l1.trailing_zeros() / 8) as usize;
    let keep = if len == 0 { 0 } else { (1u64 << (8 * len)) - 1 };
    let letters = letter_mask(x1) & keep & HIGH;
    (letters == (HIGH & keep))
        .then_some(([x0 | (ONES * 0x20), (x1 | (ONES * 0x20)) & keep], 8 + len))
}

/// Calls `f` for every token of `text`; words arrive lowercase with accents removed, as
/// bytes of valid UTF-8 (with their packed key when at most 16 bytes long).
///
/// The common case — a chunk of ASCII with words of at most 16 letters — takes one pass:
/// each word's key is built in two registers while the chunk is scanned, and the chunk's
/// tokens are held back until its end shows it is not a mention, an address or a link. Any
/// other chunk is read again by [`words`].
#[inline]
fn scan<S: Sink>(text: &str, emoticons: &Table<f32>, f: &mut S) {
    /// Tokens held back per chunk; a chunk with more is read again by `words`.
    const HELD: usize = 8;
    let b = text.as_bytes();
    let n = b.len();
    let mut buf = [0u8; WORD_BYTES];
    let mut held: [([u64; 2], u8); HELD] = [([0, 0], 0); HELD];
    let mut i = 0;
    while i < n {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // Fastest: a chunk of 1–15 ASCII letters, recognised eight bytes at a time.
        if let Some((key, len)) = letters_chunk(b, i) {
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&key[0].to_le_bytes());
            bytes[8..].copy_from_slice(&key[1].to_le_bytes());
            f.tok(Tok::Word(&bytes[..len], Some(key)));
            // The byte after the word is white space (or the end): skip it too.
            i += len + 1;
            continue;
        }
        let start = i;
        let (mut skip, mut punct, mut slow) = (false, false, false);
        let mut k = 0usize;
        let (mut k0, mut k1, mut len) = (0u64, 0u64, 0usize);
        while i < n {
            let c = b[i];
            if c.is_ascii_alphabetic() {
                let lc = (c | 0x20) as u64;
                if len < 8 {
                    k0 |= lc << (8 * len);
                } else if len < 16 {
                    k1 |= lc << (8 * (len - 8));
                } else {
                    slow = true;
                }
                len += 1;
            } else if c.is_ascii_whitespace() {
                break;
            } else {
                if c >= 0x80 || c == b'\'' {
                    slow = true;
                } else if c == b'@'
                    || (c == b':' && b.get(i + 1) == Some(&b'/') && b.get(i + 2) == Some(&b'/'))
                {
                    skip = true;
                } else if c.is_ascii_punctuation() {
                    punct = true;
                }
                if len > 0 {
                    if k < HELD {
                        held[k] = ([k0, k1], len as u8);
                    }
                    k += 1;
                    (k0, k1, len) = (0, 0, 0);
                }
                if matches!(c, b'.' | b'!' | b'?') {
                    // A sentence end, held as a zero-length entry with the mark in k0.
                    if k < HELD {
                        held[k] = ([c as u64, 0], 0);
                    }
                    k += 1;
                }
            }
            i += 1;
        }
        if len > 0 {
            if k < HELD {
                held[k] = ([k0, k1], len as u8);
            }
            k += 1;
        }
        let chunk = &b[start..i];
        if skip || chunk.starts_with(b"www.") {
            continue;
        }
        if punct && (2..=8).contains(&chunk.len()) {
            let mut low = [0u8; 8];
            for (d, s) in low.iter_mut().zip(chunk) {
                *d = s.to_ascii_lowercase();
            }
            let low = &low[..chunk.len()];
            if let Some(v) = emoticons.get(low) {
                f.tok(Tok::Emoticon(low, v));
                continue;
            }
        }
        if slow || k > HELD {
            words(&text[start..i], &mut buf, f);
            continue;
        }
        for &(key, l) in &held[..k] {
            if l == 0 {
                f.tok(Tok::End(key[0] as u8 as char));
            } else {
                let l = l as usize;
                let mut bytes = [0u8; 16];
                bytes[..8].copy_from_slice(&key[0].to_le_bytes());
                bytes[8..].copy_from_slice(&key[1].to_le_bytes());
                f.tok(Tok::Word(&bytes[..l], Some(key)));
            }
        }
    }
}

/// Receives the scanner's tokens (a trait rather than a closure, so that the scorers'
/// per-token code is inlined into the scanning loop).
trait Sink {
    fn tok(&mut self, t: Tok<'_>);
}

impl<F: FnMut(Tok<'_>)> Sink for F {
    #[inline(always)]
    fn tok(&mut self, t: Tok<'_>) {
        self(t)
    }
}

/// A token inside the scanner: words as bytes (with their packed key when at most 16 bytes
/// long), emoticons with their rating.
enum Tok<'t> {
    Word(&'t [u8], Option<[u64; 2]>),
    Emoticon(&'t [u8], f32),
    Symbol(char),
    End(char),
}

/// Hands the word in `buf[..len]` to `f` (unless it overflowed) and clears it.
#[inline(always)]
fn flush<S: Sink>(len: &mut usize, overflow: &mut bool, buf: &mut [u8; WORD_BYTES], f: &mut S) {
    if *len > 0 {
        if !*overflow {
            let key = (*len <= 16).then(|| packed16(buf));
            f.tok(Tok::Word(&buf[..*len], key));
        }
        if *len <= 16 {
            buf[..16].fill(0);
        } else {
            buf[..*len].fill(0);
        }
    }
    *len = 0;
    *overflow = false;
}

/// The words, emoji and sentence ends of any other chunk.
#[inline]
fn words<S: Sink>(chunk: &str, buf: &mut [u8; WORD_BYTES], f: &mut S) {
    let b = chunk.as_bytes();
    let mut len = 0usize;
    let mut overflow = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_alphabetic() {
                if len < WORD_BYTES {
                    buf[len] = c.to_ascii_lowercase();
                    len += 1;
                } else {
                    overflow = true;
                }
            } else if c == b'\'' && len > 0 && b.get(i + 1).is_some_and(|d| d.is_ascii_alphabetic())
            {
                if len < WORD_BYTES {
                    buf[len] = b'\'';
                    len += 1;
                }
            } else {
                flush(&mut len, &mut overflow, buf, f);
                if matches!(c, b'.' | b'!' | b'?') {
                    f.tok(Tok::End(c as char));
                }
            }
            i += 1;
            continue;
        }
        let Some(ch) = chunk[i..].chars().next() else {
            break;
        };
        let w = ch.len_utf8();
        if ch.is_alphabetic() {
            for lc in ch.to_lowercase() {
                let lc = fold(lc);
                let need = lc.len_utf8();
                if len + need <= WORD_BYTES {
                    lc.encode_utf8(&mut buf[len..len + need]);
                    len += need;
                } else {
                    overflow = true;
                }
            }
        } else if ch == '’'
            && len > 0
            && chunk[i + w..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        {
            if len < WORD_BYTES {
                buf[len] = b'\'';
                len += 1;
            }
        } else {
            flush(&mut len, &mut overflow, buf, f);
            if !ch.is_numeric() && !ch.is_whitespace() && ch != '\u{fe0f}' && ch != '\u{200d}' {
                f.tok(Tok::Symbol(ch));
            }
        }
        i += w;
    }
    flush(&mut len, &mut overflow, buf, f);
}

/// Calls `f` for every token of `text` (see the module documentation): the tokenizer the
/// scorer uses, for rules that must see the same words.
pub fn tokens(text: &str, mut f: impl FnMut(Token<'_>)) {
    let lex = lexicon();
    scan(text, &lex.emoticons, &mut |t: Tok<'_>| match t {
        Tok::Word(w, _) => {
            if let Ok(s) = std::str::from_utf8(w) {
                f(Token::Word(s));
            }
        }
        Tok::Emoticon(w, _) => {
            if let Ok(s) = std::str::from_utf8(w) {
                f(Token::Emoticon(s));
            }
        }
        Tok::Symbol(c) => f(Token::Symbol(c)),
        Tok::End(c) => f(Token::End(c)),
    });
}

/// Tracks negation: the index of the last negator word in the current sentence.
#[derive(Default)]
struct Negation {
    words: usize,
    last: Option<usize>,
}

impl Negation {
    /// Counts a word; says whether a negator precedes it within the window.
    #[inline]
    fn word(&mut self) -> bool {
        let k = self.words;
        self.words += 1;
        self.last.is_some_and(|m| k - m <= NEGATION_WINDOW)
    }
    #[inline]
    fn negator(&mut self) {
        self.last = Some(self.words - 1);
    }
    #[inline]
    fn end(&mut self) {
        self.last = None;
    }
}

impl Scorer<'_> {
    /// The sentiment of a post: its language from `lang` when given, else guessed, else
    /// `fallback` (the report language).
    pub fn score_post(&mut self, post: &Post, fallback: Lang) -> Sentiment {
        self.score(&post.text, LangHint::of_code(post.lang()), fallback)
    }

    /// The sentiment of a text in the language `hint` says (see [`LangHint`]).
    pub fn score(&mut self, text: &str, hint: LangHint, fallback: Lang) -> Sentiment {
        if text.is_empty() {
            return Sentiment::default();
        }
        match hint {
            LangHint::Other => Sentiment::default(),
            LangHint::Known(Lang::En) => self.english(text).0,
            LangHint::Known(Lang::Nl) => self.dutch(text),
            LangHint::Unknown => {
                let (s, en, nl) = self.english(text);
                let lang = match en.cmp(&nl) {
                    std::cmp::Ordering::Greater => Lang::En,
                    std::cmp::Ordering::Less => Lang::Nl,
                    std::cmp::Ordering::Equal => fallback,
                };
                if lang == Lang::En {
                    s
                } else {
                    self.dutch(text)
                }
            }
        }
    }

    /// The language guessed from function words (`None` on a tie).
    pub fn guess(&mut self, text: &str) -> Option<Lang> {
        let (_, en, nl) = self.english(text);
        match en.cmp(&nl) {
            std::cmp::Ordering::Greater => Some(Lang::En),
            std::cmp::Ordering::Less => Some(Lang::Nl),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// English scoring, with the counts of English and Dutch function words.
    fn english(&mut self, text: &str) -> (Sentiment, u32, u32) {
        let lex = self.lex;
        let mut sink = English {
            lex,
            s: Sentiment {
                lang: Some(Lang::En),
                ..Sentiment::default()
            },
            en: 0,
            nl: 0,
            neg: Negation::default(),
        };
        scan(text, &lex.emoticons, &mut sink);
        (sink.s, sink.en, sink.nl)
    }

    /// Dutch scoring: honeycomb's additions as written, else Pattern by stem.
    fn dutch(&mut self, text: &str) -> Sentiment {
        let lex = self.lex;
        let mut sink = Dutch {
            lex,
            cache: &mut self.cache,
            s: Sentiment {
                lang: Some(Lang::Nl),
                ..Sentiment::default()
            },
            neg: Negation::default(),
        };
        scan(text, &lex.emoticons, &mut sink);
        sink.s
    }
}

struct English<'l> {
    lex: &'l Lexicon,
    s: Sentiment,
    en: u32,
    nl: u32,
    neg: Negation,
}

impl Sink for English<'_> {
    #[inline(always)]
    fn tok(&mut self, t: Tok<'_>) {
        match t {
            Tok::Word(w, key) => {
                let negated = self.neg.word();
                if let Some(info) = self.lex.words.lookup(w, key) {
                    self.en += (info.flags & FN_EN != 0) as u32;
                    self.nl += (info.flags & FN_NL != 0) as u32;
                    if info.flags & NEG_EN != 0 {
                        self.neg.negator();
                    } else if !info.en.is_nan() {
                        self.s.add_rating(if negated { -info.en } else { info.en });
                    }
                }
            }
            Tok::Emoticon(_, v) => self.s.add_rating(v),
            Tok::Symbol(c) => {
                if let Some(&v) = self.lex.symbols.get(&c) {
                    self.s.add_rating(v);
                }
            }
            Tok::End(_) => self.neg.end(),
        }
    }
}

struct Dutch<'l, 'c> {
    lex: &'l Lexicon,
    cache: &'c mut Vec<([u64; 2], f32)>,
    s: Sentiment,
    neg: Negation,
}

impl Sink for Dutch<'_, '_> {
    #[inline(always)]
    fn tok(&mut self, t: Tok<'_>) {
        match t {
            Tok::Word(w, key) => {
                let negated = self.neg.word();
                let info = self.lex.words.lookup(w, key).unwrap_or_default();
                if info.flags & NEG_NL != 0 {
                    self.neg.negator();
                    return;
                }
                let v = if !info.nl.is_nan() {
                    info.nl
                } else if info.flags & FN_NL != 0 {
                    f32::NAN
                } else {
                    stem_rating(self.lex, self.cache, w, key)
                };
                if !v.is_nan() {
                    self.s.add_rating(if negated { -v } else { v });
                }
            }
            Tok::Emoticon(_, v) => self.s.add_rating(v),
            Tok::Symbol(c) => {
                if let Some(&v) = self.lex.symbols.get(&c) {
                    self.s.add_rating(v);
                }
            }
            Tok::End(_) => self.neg.end(),
        }
    }
}

/// Pattern's rating of a (lowercase, folded) Dutch word's stem, NaN when none; memoised.
#[inline]
fn stem_rating(
    lex: &Lexicon,
    cache: &mut Vec<([u64; 2], f32)>,
    w: &[u8],
    key: Option<[u64; 2]>,
) -> f32 {
    if let Some(p) = key {
        if cache.is_empty() {
            // Made on the first Dutch word, so that English-only scoring never pays for it.
            cache.resize(CACHE_SLOTS, ([0, 0], f32::NAN));
        }
        let slot = (hash(p) >> (64 - CACHE_SLOTS.trailing_zeros())) as usize;
        if cache[slot].0 == p {
            return cache[slot].1;
        }
        let v = stem_lookup(lex, w);
        cache[slot] = (p, v);
        v
    } else {
        stem_lookup(lex, w)
    }
}

fn stem_lookup(lex: &Lexicon, w: &[u8]) -> f32 {
    let Ok(s) = std::str::from_utf8(w) else {
        return f32::NAN;
    };
    let Some(mut word) = stem_nl::Word::new(s.chars()) else {
        return f32::NAN;
    };
    word.stem();
    let mut out = [0u8; 4 * stem_nl::MAX_CHARS];
    let mut n = 0;
    for &c in word.chars() {
        n += c.encode_utf8(&mut out[n..]).len();
    }
    lex.nl_stems.get(&out[..n]).unwrap_or(f32::NAN)
}

#[cfg(test)]
mod tests;
