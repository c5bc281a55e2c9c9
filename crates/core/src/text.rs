//! Entities in post texts: mentions, hashtags and links, extracted when the data has no
//! column for them; and parsing of list columns.

/// Extracts `@mentions` (lowercase, without `@`). A `@` preceded by a letter or digit (an
/// e-mail address) is not a mention; Mastodon's `@user@server` keeps the server.
pub fn mentions(text: &str) -> Vec<Box<str>> {
    entities(text, '@', |c| {
        c.is_alphanumeric() || c == '_' || c == '.' || c == '@' || c == '-'
    })
}

/// Extracts `#hashtags` (lowercase, without `#`): letters, digits and `_`, not only digits.
pub fn hashtags(text: &str) -> Vec<Box<str>> {
    entities(text, '#', |c| c.is_alphanumeric() || c == '_')
        .into_iter()
        .filter(|h| !h.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

fn entities(text: &str, sigil: char, body: impl Fn(char) -> bool) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    let mut from = 0;
    // The sigils are ASCII, so every match is a character boundary.
    for i in memchr::memchr_iter(sigil as u8, text.as_bytes()) {
        if i < from {
            continue;
        }
        let prev = text[..i].chars().next_back();
        if prev.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == sigil || p == '/') {
            continue;
        }
        let start = i + 1;
        let end = text[start..]
            .char_indices()
            .find(|&(_, d)| !body(d))
            .map_or(text.len(), |(j, _)| start + j);
        let ent = text[start..end].trim_end_matches(['.', '-', '@']);
        if !ent.is_empty() && !ent.starts_with(['.', '@', '-']) {
            let ent: Box<str> = ent.to_lowercase().into();
            if !out.contains(&ent) {
                out.push(ent);
            }
        }
        from = end;
    }
    out
}

/// Extracts `http://` and `https://` links, without trailing punctuation.
pub fn urls(text: &str) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    static HTTP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("http"));
    let mut rest = text;
    while let Some(p) = HTTP.find(rest.as_bytes()) {
        let tail = &rest[p..];
        let skip = if tail.starts_with("https://") {
            8
        } else if tail.starts_with("http://") {
            7
        } else {
            rest = &rest[p + 4..];
            continue;
        };
        let end = tail
            .find(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
            .unwrap_or(tail.len());
        let url = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        if url.len() > skip {
            let u: Box<str> = url.into();
            if !out.contains(&u) {
                out.push(u);
            }
        }
        rest = &tail[end..];
    }
    out
}

/// One item of a JSON list column: a string or number as it is; an object (as exports write
/// entities: `{"screen_name": …}`, `{"acct": …}`, `{"tag": …}`, `{"expanded_url": …}`) by its
/// first name-like field.
fn list_item(v: &serde_json::Value) -> Option<String> {
    const KEYS: [&str; 9] = [
        "screen_name",
        "username",
        "acct",
        "handle",
        "name",
        "tag",
        "text",
        "expanded_url",
        "url",
    ];
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Object(o) => KEYS
            .iter()
            .find_map(|k| o.get(*k).and_then(|x| x.as_str()).map(str::to_string)),
        _ => None,
    }
}

/// Splits a list column: a JSON array (`["a","b"]`, or objects as in
/// `[{"screen_name":"a"}]`), else items separated by `,`, `;`, `|` or white space. Leading `@`/`#` are removed and items lowercased when `lower`.
pub fn split_list(s: &str, lower: bool) -> Vec<Box<str>> {
    let s = s.trim();
    if s.is_empty() {
        return Vec::new();
    }
    let items: Vec<String> = if s.starts_with('[') {
        match serde_json::from_str::<Vec<serde_json::Value>>(s) {
            Ok(values) => values.iter().filter_map(list_item).collect(),
            Err(_) => vec![s.to_string()],
        }
    } else {
        s.split([',', ';', '|', ' ', '\t', '\n'])
            .map(str::to_string)
            .collect()
    };
    let mut out: Vec<Box<str>> = Vec::new();
    for it in items {
        let t = it.trim();
        let t = if lower {
            t.trim_start_matches(['@', '#'])
        } else {
            t
        };
        if t.is_empty() {
            continue;
        }
        let v: Box<str> = if lower {
            t.to_lowercase().into()
        } else {
            t.into()
        };
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: Vec<Box<str>>) -> Vec<String> {
        v.into_iter().map(String::from).collect()
    }

    #[test]
    fn mentions_skip_email_addresses() {
        assert_eq!(
            s(mentions(
                "Hoi @Anna_B en @piet@mastodon.social! mail jan@example.nl"
            )),
            ["anna_b", "piet@mastodon.social"]
        );
        assert_eq!(s(mentions("@a. @a")), ["a"]);
        assert!(mentions("no mentions").is_empty());
        assert_eq!(s(mentions("@a@b @c x@d ñ@e (@f)")), ["a@b", "c", "f"]);
        assert_eq!(s(mentions("@Ünïcode_é")), ["ünïcode_é"]);
    }

    #[test]
    fn hashtags_and_urls() {
        assert_eq!(
            s(hashtags("#Koffie en #koffie #2024 #café_nl")),
            ["koffie", "café_nl"]
        );
        assert!(hashtags("https://x.nl/#anchor").is_empty());
        assert_eq!(
            s(urls("zie https://acme.nl/menu. en (http://x.y/z), httpfoo")),
            ["https://acme.nl/menu", "http://x.y/z"]
        );
    }

    #[test]
    fn list_columns() {
        assert_eq!(s(split_list("#A, #b;c", true)), ["a", "b", "c"]);
        assert_eq!(s(split_list(r#"["X","y"]"#, true)), ["x", "y"]);
        assert!(split_list("  ", true).is_empty());
        assert_eq!(
            s(split_list(
                r#"[{"screen_name":"Ann","id":1},{"acct":"bo@x.social"},{"tag":"Koffie"},7]"#,
                true
            )),
            ["ann", "bo@x.social", "koffie", "7"]
        );
    }
}
