//! Hand-written detectors of personal data in free text — e-mail addresses, phone numbers
//! (Dutch and international), IBANs (ISO 13616, mod-97 checked) and Dutch postal codes with
//! a house number — and their masked forms.
//!
//! Design decision: one left-to-right pass over the bytes, no regular expressions. A text
//! without `@` and without a digit cannot hold any of the four kinds, so it is passed over
//! after a branch-free look at its bytes; only the rest is scanned, and a candidate is only
//! tried where a kind can start (an `@`, or a digit, `+` or letter after a word boundary).
//! The trade-off: the rules are ours, not a library's; they are listed here and tested on a
//! labelled list in `tests.rs`.
//!
//! Rules:
//!
//! - **E-mail address**: `local@domain`; the local part of letters, digits and `. _ % + -`,
//!   starting with a letter or digit, not ending in `.`, not preceded by `@` (a fediverse
//!   handle `@user@server` is not an address) or `/` (a profile link `…/@user`); the domain
//!   of at least two labels of letters, digits and `-`, the last all letters and at least two
//!   long.
//! - **Phone number**: digits with single separators (space, `-`, `.`, `/`, brackets)
//!   between groups, at most one group of a single digit, starting after a word boundary and
//!   not running on into a letter or digit. Dutch national: `0` then nine digits, not a
//!   service or business number (`0800`, `0900`, `0906`, `0909`, `088`). International:
//!   `+` or `00`, then 8–15 digits (E.164) not starting with `0`; for `+31` exactly nine
//!   digits after it, with the same exclusions, and `(0)` after the country code dropped.
//!   Links (`http://…`, `https://…`, `www.…`) are passed over.
//! - **IBAN**: a country code of the IBAN registry (ISO 13616, SWIFT registry), two check
//!   digits, then letters and digits to the country's length, written in one piece or in
//!   groups of four separated by single spaces; valid only when the mod-97 check gives 1
//!   (ISO 7064). Lower case is accepted.
//! - **Address**: a Dutch postal code (`1234 AB`: four digits not starting with `0`, an
//!   optional space, two capital letters other than `SA`, `SD`, `SS`; `1234ab` without the
//!   space may be lower case) with a house number (1–5 digits, an optional letter) right
//!   after it (`1234 AB 56`, `1234 AB, 56`) or right before it (`Dorpsstraat 56, 1234 AB`).
//!   A postal code alone names an area of a few streets, not a person, and is not counted.

/// A kind of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A bank account number (IBAN).
    Iban,
    /// A postal code with a house number.
    Address,
}

impl Kind {
    /// All kinds, in report order.
    pub const ALL: [Kind; 4] = [Kind::Email, Kind::Phone, Kind::Iban, Kind::Address];

    /// Position in [`Kind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Bit of the kind in a kind mask.
    pub fn bit(self) -> u8 {
        1 << self.index()
    }

    /// Settings and CSV name: `email`, `phone`, `iban`, `address`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::Iban => "iban",
            Kind::Address => "address",
        }
    }
}

/// Every kind.
pub const ALL_KINDS: u8 = 0b1111;

/// One piece of personal data found in a text: its kind and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset after its last byte.
    pub end: usize,
}

fn is_digit(c: u8) -> bool {
    c.is_ascii_digit()
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// Whether position `i` starts a word: the byte before is not an ASCII letter or digit
/// (a non-ASCII byte, often an emoji, counts as a boundary).
fn boundary(b: &[u8], i: usize) -> bool {
    i == 0 || !(is_alnum(b[i - 1]) || b[i - 1] == b'_')
}

/// Whether the text has an `@` and whether it has a digit: the prefilter. Reads 32 bytes
/// at a time without branches, so the compiler can vectorise it.
pub fn prefilter(b: &[u8]) -> (bool, bool) {
    let (mut at, mut digit) = (false, false);
    for chunk in b.chunks(32) {
        let (mut a, mut d) = (0u8, 0u8);
        for &c in chunk {
            a |= (c == b'@') as u8;
            d |= (c.wrapping_sub(b'0') < 10) as u8;
        }
        at |= a != 0;
        digit |= d != 0;
        if at && digit {
            break;
        }
    }
    (at, digit)
}

/// Finds the personal data of the kinds in `kinds` (a mask of [`Kind::bit`]) in `text`,
/// appended to `out` in text order, without overlaps.
///
/// Only two kinds of position are visited: each `@` (e-mail addresses), and each digit
/// that begins a run of digits (every phone number, IBAN and postal code has a digit near
/// its start: an IBAN two letters after it, a phone number one `+` after it). The bytes in
/// between are skipped by tight loops.
pub fn scan(text: &str, kinds: u8, out: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let n = b.len();
    let (at, digit) = prefilter(b);
    if !at && !digit {
        return;
    }
    let first = out.len();
    if at && kinds & Kind::Email.bit() != 0 {
        let mut i = 0;
        while i < n {
            while i < n && b[i] != b'@' {
                i += 1;
            }
            if i >= n {
                break;
            }
            match email_at(b, i) {
                Some((s, e)) => {
                    out.push(Hit {
                        kind: Kind::Email,
                        start: s,
                        end: e,
                    });
                    i = e;
                }
                None => i += 1,
            }
        }
    }
    let (want_iban, want_phone, want_address) = (
        kinds & Kind::Iban.bit() != 0,
        kinds & Kind::Phone.bit() != 0,
        kinds & Kind::Address.bit() != 0,
    );
    if !digit || !(want_iban || want_phone || want_address) {
        return;
    }
    let emails = out.len();
    let mut next_email = first;
    let mut i = 0;
    while i < n {
        while i < n && !is_digit(b[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let d = i;
        // Inside an e-mail address found above: go past it.
        while next_email < emails && out[next_email].end <= d {
            next_email += 1;
        }
        if next_email < emails && out[next_email].start <= d {
            i = out[next_email].end;
            continue;
        }
        // An IBAN starts two letters before its first digit.
        if want_iban
            && d >= 2
            && b[d - 1].is_ascii_alphabetic()
            && b[d - 2].is_ascii_alphabetic()
            && boundary(b, d - 2)
            && !in_link(b, d - 2)
            && let Some(e) = iban_at(b, d - 2)
        {
            out.push(Hit {
                kind: Kind::Iban,
                start: d - 2,
                end: e,
            });
            i = e;
            continue;
        }
        let start = if d >= 1 && b[d - 1] == b'+' { d - 1 } else { d };
        if boundary(b, start) && !in_link(b, start) {
            if want_address
                && start == d
                && let Some((s, e)) = address_at(b, d)
            {
                let prev_end = out.last().map_or(0, |h| h.end);
                out.push(Hit {
                    kind: Kind::Address,
                    start: s.max(prev_end),
                    end: e,
                });
                i = e;
                continue;
            }
            if want_phone
                && !after_iban_groups(b, start)
                && let Some(e) = phone_at(b, start)
            {
                out.push(Hit {
                    kind: Kind::Phone,
                    start,
                    end: e,
                });
                i = e;
                continue;
            }
        }
        // Skip the rest of the word or number.
        i = d + 1;
        while i < n && (is_alnum(b[i]) || b[i] == b'_') {
            i += 1;
        }
    }
    out[first..].sort_by_key(|h| h.start);
}

/// Whether position `i` follows groups of four letters or digits that begin like an IBAN
/// (`NL91 ABNA 0417…`): the digits of a mistyped IBAN are not a phone number.
fn after_iban_groups(b: &[u8], i: usize) -> bool {
    let mut k = i;
    for _ in 0..8 {
        if k < 5 || b[k - 1] != b' ' {
            return false;
        }
        let g = &b[k - 5..k - 1];
        if !g.iter().all(|&c| is_alnum(c)) || !boundary(b, k - 5) {
            return false;
        }
        if g[0].is_ascii_alphabetic()
            && g[1].is_ascii_alphabetic()
            && is_digit(g[2])
            && is_digit(g[3])
        {
            return true;
        }
        k -= 5;
    }
    false
}

/// Whether position `i` lies in a link: the white-space-delimited word around it starts
/// with `www.` or holds `://`.
fn in_link(b: &[u8], i: usize) -> bool {
    let mut s = i;
    while s > 0 && !b[s - 1].is_ascii_whitespace() && i - s < 2048 {
        s -= 1;
    }
    let word = &b[s..=i.min(b.len() - 1)];
    starts_with_ci(word, b"www.") || word.windows(3).any(|w| w == b"://")
}

fn starts_with_ci(b: &[u8], prefix: &[u8]) -> bool {
    b.len() >= prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix)
}

// ---- e-mail --------------------------------------------------------------------------

fn is_local(c: u8) -> bool {
    is_alnum(c) || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// The e-mail address around the `@` at `i`, as a byte range.
fn email_at(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut s = i;
    while s > 0 && is_local(b[s - 1]) {
        s -= 1;
    }
    if s > 0 && matches!(b[s - 1], b'@' | b'/' | b':') {
        return None;
    }
    while s < i && !is_alnum(b[s]) {
        s += 1;
    }
    if s == i || b[i - 1] == b'.' {
        return None;
    }
    let mut e = i + 1;
    while e < b.len() && (is_alnum(b[e]) || b[e] == b'.' || b[e] == b'-') {
        e += 1;
    }
    while e > i + 1 && matches!(b[e - 1], b'.' | b'-') {
        e -= 1;
    }
    if e < b.len() && b[e] == b'@' {
        return None;
    }
    let domain = &b[i + 1..e];
    let mut labels = 0;
    let mut last: &[u8] = &[];
    for label in domain.split(|&c| c == b'.') {
        if label.is_empty() || label[0] == b'-' || label[label.len() - 1] == b'-' {
            return None;
        }
        labels += 1;
        last = label;
    }
    (labels >= 2 && last.len() >= 2 && last.iter().all(u8::is_ascii_alphabetic)).then_some((s, e))
}

// ---- phone ---------------------------------------------------------------------------

fn is_sep(c: u8) -> bool {
    matches!(c, b' ' | b'-' | b'.' | b'/' | b'(' | b')')
}

/// The end of the phone number that starts at `i` (a digit or `+` after a boundary).
fn phone_at(b: &[u8], i: usize) -> Option<usize> {
    let n = b.len();
    let plus = b[i] == b'+';
    let mut j = i + plus as usize;
    if j >= n || !is_digit(b[j]) {
        return None;
    }
    let mut digits = [0u8; 16];
    let mut nd = 0usize;
    let mut groups = 0u32;
    let mut single_groups = 0u32;
    let mut group_len = 0u32;
    let mut end = j;
    loop {
        if j < n && is_digit(b[j]) {
            if nd == digits.len() {
                return None;
            }
            digits[nd] = b[j];
            nd += 1;
            group_len += 1;
            j += 1;
            end = j;
            continue;
        }
        // End of a group.
        if group_len > 0 {
            groups += 1;
            single_groups += (group_len == 1) as u32;
            group_len = 0;
        }
        // Up to three separator bytes, e.g. " (" or ") ", then a digit.
        let mut k = j;
        while k < n && k - j < 3 && is_sep(b[k]) {
            k += 1;
        }
        if k == j || k >= n || !is_digit(b[k]) {
            break;
        }
        let seps = &b[j..k];
        // No two of the same separator in a row other than a bracket pair.
        if seps.len() >= 2 && seps[0] == seps[1] {
            break;
        }
        // "+31 (0)6…": the trunk zero after the country code is dropped.
        if plus && b[k - 1] == b'(' && b[k] == b'0' && k + 1 < n && b[k + 1] == b')' {
            j = k + 1;
            // The ')' is read as a separator on the next round.
            let mut m = j;
            while m < n && m - j < 2 && is_sep(b[m]) {
                m += 1;
            }
            if m >= n || !is_digit(b[m]) {
                break;
            }
            j = m;
            continue;
        }
        j = k;
    }
    if end < n && (is_alnum(b[end]) || b[end] == b'@') {
        return None;
    }
    if groups > 6 || single_groups > 1 {
        return None;
    }
    let d = &digits[..nd];
    valid_phone(plus, d).then_some(end)
}

/// Dutch numbers that belong to services and businesses, not to persons (after the `0`).
fn dutch_service(national: &[u8]) -> bool {
    national.starts_with(b"800")
        || national.starts_with(b"900")
        || national.starts_with(b"906")
        || national.starts_with(b"909")
        || national.starts_with(b"88")
}

fn valid_phone(plus: bool, d: &[u8]) -> bool {
    let intl: &[u8] = if plus {
        d
    } else if d.starts_with(b"00") {
        &d[2..]
    } else if d.first() == Some(&b'0') {
        // Dutch national: 0 + nine digits.
        let national = &d[1..];
        return national.len() == 9 && national[0] != b'0' && !dutch_service(national);
    } else {
        return false;
    };
    if !(8..=15).contains(&intl.len()) || intl[0] == b'0' {
        return false;
    }
    if let Some(national) = intl.strip_prefix(b"31") {
        return national.len() == 9 && national[0] != b'0' && !dutch_service(national);
    }
    true
}

// ---- IBAN ----------------------------------------------------------------------------

/// IBAN length per country (ISO 13616; the SWIFT IBAN registry).
const IBAN_LENGTHS: [(&[u8; 2], usize); 78] = [
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NL", 18),
    (b"NO", 15),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"SA", 24),
    (b"SC", 31),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
    (b"LY", 25),
];

fn iban_length(cc: [u8; 2]) -> Option<usize> {
    IBAN_LENGTHS
        .iter()
        .find(|(c, _)| **c == cc)
        .map(|&(_, n)| n)
}

/// The ISO 7064 mod-97-10 check of an IBAN (capitals and digits only, no spaces): move
/// the first four characters to the end, read letters as 10–35, and the number must leave
/// 1 when divided by 97.
pub fn iban_checksum_ok(iban: &[u8]) -> bool {
    if iban.len() < 5 {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in iban[4..].iter().chain(&iban[..4]) {
        rem = match c {
            b'0'..=b'9' => (rem * 10 + (c - b'0') as u32) % 97,
            b'A'..=b'Z' => (rem * 100 + (c - b'A') as u32 + 10) % 97,
            _ => return false,
        };
    }
    rem == 1
}

/// The end of the IBAN that starts at `i` (a letter after a boundary).
fn iban_at(b: &[u8], i: usize) -> Option<usize> {
    let n = b.len();
    if i + 4 > n
        || !b[i].is_ascii_alphabetic()
        || !b[i + 1].is_ascii_alphabetic()
        || !is_digit(b[i + 2])
        || !is_digit(b[i + 3])
    {
        return None;
    }
    let want = iban_length([b[i].to_ascii_uppercase(), b[i + 1].to_ascii_uppercase()])?;
    let mut buf = [0u8; 34];
    let mut len = 0;
    let mut run = 0;
    let mut j = i;
    while j < n && len < want {
        let c = b[j];
        if is_alnum(c) {
            buf[len] = c.to_ascii_uppercase();
            len += 1;
            run += 1;
            j += 1;
        } else if c == b' ' && run == 4 && j + 1 < n && is_alnum(b[j + 1]) {
            run = 0;
            j += 1;
        } else {
            break;
        }
    }
    if len != want || (j < n && (is_alnum(b[j]) || b[j] == b'_')) {
        return None;
    }
    iban_checksum_ok(&buf[..len]).then_some(j)
}

// ---- address -------------------------------------------------------------------------

/// A Dutch postal code at `i`: its end.
fn postcode_at(b: &[u8], i: usize) -> Option<usize> {
    let n = b.len();
    if i + 6 > n || !(b'1'..=b'9').contains(&b[i]) || !b[i + 1..i + 4].iter().all(|&c| is_digit(c))
    {
        return None;
    }
    let (l, spaced) = if b[i + 4] == b' ' {
        (i + 5, true)
    } else {
        (i + 4, false)
    };
    if l + 2 > n {
        return None;
    }
    let (x, y) = (b[l], b[l + 1]);
    let letters = if spaced {
        x.is_ascii_uppercase() && y.is_ascii_uppercase()
    } else {
        x.is_ascii_alphabetic() && y.is_ascii_alphabetic()
    };
    if !letters {
        return None;
    }
    let pair = [x.to_ascii_uppercase(), y.to_ascii_uppercase()];
    if matches!(&pair, b"SA" | b"SD" | b"SS") {
        return None;
    }
    let e = l + 2;
    (e == n || !(is_alnum(b[e]) || b[e] == b'_')).then_some(e)
}

/// A house number at `i`: 1–5 digits not starting with `0`, an optional letter (also after
/// `-`), then a boundary. Its end.
fn house_number_at(b: &[u8], i: usize) -> Option<usize> {
    let n = b.len();
    if i >= n || !(b'1'..=b'9').contains(&b[i]) {
        return None;
    }
    let mut j = i;
    while j < n && is_digit(b[j]) && j - i < 6 {
        j += 1;
    }
    if j - i > 5 {
        return None;
    }
    if j < n && b[j] == b'-' && j + 1 < n && is_alnum(b[j + 1]) {
        let mut k = j + 1;
        while k < n && is_alnum(b[k]) && k - j <= 4 {
            k += 1;
        }
        j = k;
    } else if j < n && b[j].is_ascii_alphabetic() && (j + 1 == n || !is_alnum(b[j + 1])) {
        j += 1;
    }
    (j == n || !(is_alnum(b[j]) || b[j] == b'_')).then_some(j)
}

/// A postal code with a house number at `i` (where the postal code starts) as a byte range:
/// the number may follow (`1234 AB 56`) or come before (`Straat 56, 1234 AB`).
fn address_at(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let pc_end = postcode_at(b, i)?;
    // After: optional ',' and up to two spaces.
    let mut j = pc_end;
    if j < b.len() && b[j] == b',' {
        j += 1;
    }
    let mut spaces = 0;
    while j < b.len() && b[j] == b' ' && spaces < 2 {
        j += 1;
        spaces += 1;
    }
    if spaces > 0
        && let Some(e) = house_number_at(b, j)
    {
        return Some((i, e));
    }
    // Before: "<word> <number>, " or "<word> <number> ".
    let mut k = i;
    let mut spaces = 0;
    while k > 0 && b[k - 1] == b' ' && spaces < 2 {
        k -= 1;
        spaces += 1;
    }
    if k > 0 && b[k - 1] == b',' {
        k -= 1;
    }
    if k == i {
        return None;
    }
    // Walk back over the house number and its suffix.
    let mut s = k;
    while s > 0 && (is_alnum(b[s - 1]) || b[s - 1] == b'-') && k - s < 10 {
        s -= 1;
    }
    if s == k || !boundary(b, s) {
        return None;
    }
    let e = house_number_at(b, s)?;
    if e != k {
        return None;
    }
    // A street name before it: a space after a letter.
    (s >= 2 && b[s - 1] == b' ' && (b[s - 2].is_ascii_alphabetic() || b[s - 2] >= 0x80))
        .then_some((s, pc_end))
}

// ---- masks ---------------------------------------------------------------------------

/// The masked form of a found item: enough to recognise it, never enough to use it.
///
/// - e-mail: first character of the local part and of the domain, and the top-level domain:
///   `j.devries@example.nl` → `j***@e***.nl`;
/// - phone: the `+`, the first two and the last two digits, separators kept:
///   `06-12345678` → `06-******78`;
/// - IBAN: the country code and the last two characters: `NL** **** **** **** 00`;
/// - address: the first two digits of the postal code (the region), the rest starred.
pub fn masked(kind: Kind, item: &str) -> String {
    match kind {
        Kind::Email => {
            let (local, domain) = item.split_once('@').unwrap_or((item, ""));
            let l = local.chars().next().unwrap_or('*');
            let d = domain.chars().next().unwrap_or('*');
            let tld = domain.rsplit('.').next().unwrap_or("");
            format!("{l}***@{d}***.{tld}")
        }
        Kind::Phone => {
            let total = item.bytes().filter(u8::is_ascii_digit).count();
            let mut seen = 0;
            item.chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        seen += 1;
                        if seen <= 2 || seen > total.saturating_sub(2) {
                            c
                        } else {
                            '*'
                        }
                    } else {
                        c
                    }
                })
                .collect()
        }
        Kind::Iban => {
            let total = item.bytes().filter(u8::is_ascii_alphanumeric).count();
            let mut seen = 0;
            item.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        seen += 1;
                        if seen <= 2 || seen > total.saturating_sub(2) {
                            c.to_ascii_uppercase()
                        } else {
                            '*'
                        }
                    } else {
                        c
                    }
                })
                .collect()
        }
        Kind::Address => {
            // Keep the first two digits of the postal code: the first run of four digits.
            let b = item.as_bytes();
            let pc = (0..b.len().saturating_sub(3))
                .find(|&k| {
                    b[k..k + 4].iter().all(u8::is_ascii_digit)
                        && (k == 0 || !b[k - 1].is_ascii_alphanumeric())
                })
                .unwrap_or(usize::MAX);
            item.char_indices()
                .map(|(k, c)| {
                    if c.is_alphanumeric() && !(k == pc || k == pc.wrapping_add(1)) {
                        '*'
                    } else {
                        c
                    }
                })
                .collect()
        }
    }
}

/// `text` with every hit replaced by its masked form (hits in text order, no overlaps).
pub fn mask_hits(text: &str, hits: &[Hit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for h in hits {
        if h.start < at || h.end > text.len() {
            continue;
        }
        out.push_str(&text[at..h.start]);
        out.push_str(&masked(h.kind, &text[h.start..h.end]));
        at = h.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The digits of a phone number in Dutch national form when it is Dutch (`+31 6…` →
/// `06…`), else with its country code; used to tell the brand's own number from others.
pub fn phone_key(item: &str) -> String {
    let plus = item.trim_start().starts_with('+');
    let mut d: String = item.chars().filter(char::is_ascii_digit).collect();
    if item.contains("(0)") {
        d = d.replacen("310", "31", 1);
    }
    if !plus && let Some(rest) = d.strip_prefix("00") {
        d = rest.to_string();
    } else if !plus {
        return d;
    }
    match d.strip_prefix("31") {
        Some(rest) => format!("0{rest}"),
        None => d,
    }
}

/// Letters and digits of an item, upper case: the key of an IBAN or a postal code.
pub fn alnum_key(item: &str) -> String {
    item.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
