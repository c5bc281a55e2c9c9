//! The Snowball Dutch stemmer (Martin Porter's original algorithm,
//! <https://snowballstem.org/algorithms/dutch/stemmer.html>), as generated into nlp.js
//! (`@nlpjs/lang-nl` 4.26.1, `stemmer-nl.js`): the keys of `pattern_nl.json` are its stems,
//! so honeycomb must stem exactly as that file does. Checked against nlp.js on the words in
//! `stem_nl_cases.txt`.
//!
//! The word arrives lowercase with its accents removed (nlp.js's Dutch normaliser runs
//! first), as characters in a fixed buffer: no allocation per word.

/// Longest word that is stemmed (longer words are left alone: no lexicon key is that long).
pub const MAX_CHARS: usize = 40;

/// A word being stemmed.
#[derive(Debug, Clone)]
pub struct Word {
    c: [char; MAX_CHARS],
    len: usize,
}

fn is_v(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'è')
}

impl Word {
    /// The word of `chars` (`None` when longer than [`MAX_CHARS`] or empty).
    pub fn new(chars: impl Iterator<Item = char>) -> Option<Word> {
        let mut w = Word {
            c: ['\0'; MAX_CHARS],
            len: 0,
        };
        for ch in chars {
            if w.len == MAX_CHARS {
                return None;
            }
            w.c[w.len] = ch;
            w.len += 1;
        }
        (w.len > 0).then_some(w)
    }

    /// The characters.
    pub fn chars(&self) -> &[char] {
        &self.c[..self.len]
    }

    fn ends(&self, s: &str) -> bool {
        let n = s.chars().count();
        n <= self.len && self.c[self.len - n..self.len].iter().copied().eq(s.chars())
    }

    /// Removes a final `kk`, `dd` or `tt`'s last letter.
    fn undouble(&mut self) {
        let n = self.len;
        if n >= 2 && self.c[n - 1] == self.c[n - 2] && matches!(self.c[n - 1], 'k' | 'd' | 't') {
            self.len -= 1;
        }
    }

    /// `en_ending` with the suffix starting at `s`: in R1, after a non-vowel that does not
    /// end `gem`: deleted, then undoubled.
    fn en_ending(&mut self, s: usize, p1: usize) -> bool {
        if p1 <= s
            && s >= 1
            && !is_v(self.c[s - 1])
            && !(s >= 3 && self.c[s - 3..s] == ['g', 'e', 'm'])
        {
            self.len = s;
            self.undouble();
            true
        } else {
            false
        }
    }

    /// `e_ending`: a final `e` in R1 after a non-vowel is deleted (then undoubled); says
    /// whether it was.
    fn e_ending(&mut self, p1: usize) -> bool {
        let n = self.len;
        if n >= 2 && self.c[n - 1] == 'e' && p1 < n && !is_v(self.c[n - 2]) {
            self.len -= 1;
            self.undouble();
            true
        } else {
            false
        }
    }

    /// Stems the word in place.
    pub fn stem(&mut self) {
        let n = self.len;
        // Prelude: accents are gone already; a leading `y`, a `y` after a vowel and an `i`
        // between vowels are consonants (marked upper case), scanning left to right.
        if self.c[0] == 'y' {
            self.c[0] = 'Y';
        }
        for k in 0..n.saturating_sub(1) {
            if is_v(self.c[k]) {
                if self.c[k + 1] == 'i' && k + 2 < n && is_v(self.c[k + 2]) {
                    self.c[k + 1] = 'I';
                } else if self.c[k + 1] == 'y' {
                    self.c[k + 1] = 'Y';
                }
            }
        }
        // Regions: R1 after the first non-vowel following a vowel (at least 3 letters in),
        // R2 likewise after R1.
        let gopast = |from: usize| -> Option<usize> {
            let v = (from..n).find(|&i| is_v(self.c[i]))?;
            (v + 1..n).find(|&i| !is_v(self.c[i])).map(|i| i + 1)
        };
        let (mut p1, mut p2) = (n, n);
        if let Some(c1) = gopast(0) {
            p1 = c1.max(3);
            if let Some(c2) = gopast(c1) {
                p2 = c2;
            }
        }
        // Step 1.
        let len = self.len;
        if self.ends("heden") {
            if p1 <= len - 5 {
                self.c[len - 5..len - 1].copy_from_slice(&['h', 'e', 'i', 'd']);
                self.len = len - 1;
            }
        } else if self.ends("ene") {
            self.en_ending(len - 3, p1);
        } else if self.ends("en") {
            self.en_ending(len - 2, p1);
        } else if self.ends("se") || self.ends("s") {
            let s = if self.ends("se") { len - 2 } else { len - 1 };
            if p1 <= s && s >= 1 && !is_v(self.c[s - 1]) && self.c[s - 1] != 'j' {
                self.len = s;
            }
        }
        // Step 2.
        let mut e_found = self.e_ending(p1);
        // Step 3a: `heid` in R2, not after `c`; then an `en` ending.
        let len = self.len;
        if self.ends("heid") && p2 <= len - 4 && !(len >= 5 && self.c[len - 5] == 'c') {
            self.len = len - 4;
            if self.ends("en") {
                self.en_ending(self.len - 2, p1);
            }
        }
        // Step 3b: the longest of these suffixes.
        let len = self.len;
        if self.ends("lijk") {
            if p2 <= len - 4 {
                self.len = len - 4;
                e_found = self.e_ending(p1);
            }
        } else if self.ends("baar") {
            if p2 <= len - 4 {
                self.len = len - 4;
            }
        } else if self.ends("end") || self.ends("ing") {
            if p2 <= len - 3 {
                self.len = len - 3;
                let l = self.len;
                if self.ends("ig") && p2 <= l - 2 && !(l >= 3 && self.c[l - 3] == 'e') {
                    self.len = l - 2;
                } else {
                    self.undouble();
                }
            }
        } else if self.ends("bar") {
            if p2 <= len - 3 && e_found {
                self.len = len - 3;
            }
        } else if self.ends("ig") && p2 <= len - 2 && !(len >= 3 && self.c[len - 3] == 'e') {
            self.len = len - 2;
        }
        let _ = e_found;
        // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant.
        let l = self.len;
        if l >= 4 {
            let d = self.c[l - 1];
            let (v1, v2) = (self.c[l - 3], self.c[l - 2]);
            if !is_v(d)
                && d != 'I'
                && v1 == v2
                && matches!(v1, 'a' | 'e' | 'o' | 'u')
                && !is_v(self.c[l - 4])
            {
                self.c[l - 2] = d;
                self.len = l - 1;
            }
        }
        // Postlude.
        for ch in &mut self.c[..self.len] {
            match *ch {
                'Y' => *ch = 'y',
                'I' => *ch = 'i',
                _ => {}
            }
        }
    }
}

/// Removes the accents nlp.js's Dutch normaliser removes (Unicode decomposition, combining
/// marks dropped) from the letters that carry them in Western European text.
pub fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' | 'ć' | 'č' => 'c',
        'ñ' | 'ń' => 'n',
        'š' => 's',
        'ž' => 'z',
        other => other,
    }
}

/// The stem of a Dutch word as nlp.js computes it (lowercased, accents removed, stemmed);
/// `None` for an empty word or one longer than [`MAX_CHARS`].
pub fn stem(word: &str) -> Option<String> {
    let mut w = Word::new(word.chars().flat_map(char::to_lowercase).map(fold))?;
    w.stem();
    Some(w.chars().iter().collect())
}
