//! Excerpts of post texts for the report's tables: white space folded, personal data masked
//! (DESIGN: e-mail addresses, phone numbers and IBANs found in public texts are never shown
//! in full), at most a given number of characters.

/// Whether a white-space-free token is an e-mail address: something, `@` after a letter or
/// digit, a domain with a dot.
fn is_email(t: &str) -> bool {
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    let Some(at) = t.find('@') else { return false };
    let (local, domain) = (&t[..at], &t[at + 1..]);
    !local.is_empty()
        && local
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
        && domain.contains('.')
        && !domain.starts_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// An IBAN written without spaces: two letters, two digits, 10–30 letters or digits.
fn is_iban(t: &str) -> bool {
    let t = t.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let b = t.as_bytes();
    (14..=34).contains(&b.len())
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_alphanumeric)
        && b[4..].iter().any(u8::is_ascii_digit)
}

/// A piece of a phone number: digits with `+ - . / ( )`, at least one digit.
fn is_phone_part(t: &str) -> bool {
    let t = t.trim_end_matches([',', ';', ':']);
    !t.is_empty()
        && t.bytes().any(|c| c.is_ascii_digit())
        && t.bytes()
            .all(|c| c.is_ascii_digit() || b"+-./()".contains(&c))
}

/// Punctuation that ends a token (`.` `,` `)` …), kept after a mask so the sentence reads on.
fn tail(t: &str) -> &str {
    &t[t.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..]
}

/// Masks e-mail addresses as `[e-mail]`, IBANs (also in groups of four) as `[IBAN]` and
/// phone numbers (one or more pieces of digits, `+`, `-`, `.`, `/`, brackets, with 9 to 15
/// digits in all, outside links) as `[phone]`; folds white space into single spaces.
pub fn mask(text: &str) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.contains("://") || t.starts_with("www.") {
            out.push(t.to_string());
            i += 1;
            continue;
        }
        if is_email(t) {
            out.push(format!("[e-mail]{}", tail(t)));
            i += 1;
            continue;
        }
        if is_iban(t) {
            out.push(format!("[IBAN]{}", tail(t)));
            i += 1;
            continue;
        }
        // "NL91 ABNA 0417 1643 00".
        let tb = t.as_bytes();
        if tb.len() == 4
            && tb[..2].iter().all(u8::is_ascii_uppercase)
            && tb[2..].iter().all(u8::is_ascii_digit)
        {
            let mut j = i + 1;
            let mut len = 4;
            while j < tokens.len() && len < 34 {
                let g = tokens[j].trim_end_matches([',', '.', ';']);
                if !(1..=4).contains(&g.len()) || !g.bytes().all(|c| c.is_ascii_alphanumeric()) {
                    break;
                }
                len += g.len();
                j += 1;
                // Groups are four characters; only the last may be shorter.
                if g.len() < 4 {
                    break;
                }
            }
            if (14..=34).contains(&len) && j > i + 2 {
                out.push("[IBAN]".into());
                i = j;
                continue;
            }
        }
        if is_phone_part(t) {
            let mut j = i;
            let mut digits = 0;
            while j < tokens.len() && is_phone_part(tokens[j]) && digits < 15 {
                digits += tokens[j].bytes().filter(u8::is_ascii_digit).count();
                j += 1;
            }
            if (9..=15).contains(&digits) {
                let last = tokens[j - 1];
                let tail = &last[last.trim_end_matches([',', '.', ';', ':']).len()..];
                out.push(format!("[phone]{tail}"));
                i = j;
                continue;
            }
        }
        out.push(t.to_string());
        i += 1;
    }
    out.join(" ")
}

/// A one-line excerpt of at most `max` characters, personal data masked; a cut text ends
/// in `…`.
pub fn excerpt(text: &str, max: usize) -> String {
    let m = mask(text);
    if m.chars().count() <= max {
        return m;
    }
    let mut s: String = m.chars().take(max.saturating_sub(1)).collect();
    let keep = s.trim_end().len();
    s.truncate(keep);
    s.push('…');
    s
}
