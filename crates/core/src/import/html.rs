//! HTML to plain text, for post content that platforms export as HTML (Mastodon). Tags are
//! dropped, never kept: untrusted text never becomes markup. Paragraphs become blank-line
//! separated, `<br>` a line break; character references are decoded. Mastodon writes a
//! link's hidden parts (`<span class="invisible">https://</span>`) beside its visible
//! part, so dropping the tags gives the full address back.

/// Decodes character references (`&amp;`, `&#39;`, `&#x1F600;`, …); unknown ones are
/// kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let v = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse::<u32>().ok()?,
                    };
                    char::from_u32(v).filter(|c| *c != '\0')
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of an HTML fragment: tags dropped, `<p>` and `<br>` as line breaks, references
/// decoded, spaces at the ends of lines and blank lines at the ends trimmed.
pub fn to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    while let Some(i) = rest.find('<') {
        if skip_until.is_none() {
            text.push_str(&rest[..i]);
        }
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            // A lone `<` is text.
            if skip_until.is_none() {
                text.push_str(rest);
            }
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let is_end = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(want) = skip_until {
            if is_end && name == want {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" if !is_end => {
                skip_until = Some(if name == "script" { "script" } else { "style" })
            }
            "br" => text.push('\n'),
            "p" | "div" | "blockquote" | "li" | "ul" | "ol" | "pre" | "h1" | "h2" | "h3" | "h4"
            | "h5" | "h6"
                if !text.is_empty() && !text.ends_with("\n\n") =>
            {
                text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
            }
            _ => {}
        }
    }
    if skip_until.is_none() {
        text.push_str(rest);
    }
    let decoded = decode_entities(&text);
    let lines: Vec<&str> = decoded.lines().map(str::trim_end).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mastodon_content() {
        let html = "<p>Hello <span class=\"h-card\"><a href=\"https://b.example/@bob\" class=\"u-url mention\">@<span>bob</span></a></span> &amp; all!</p><p>See <a href=\"https://example.com/a/very/long/path\" rel=\"nofollow noopener\"><span class=\"invisible\">https://</span><span class=\"ellipsis\">example.com/a/very/lo</span><span class=\"invisible\">ng/path</span></a><br>bye &#x1F600; &lt;b&gt;</p>";
        assert_eq!(
            to_text(html),
            "Hello @bob & all!\n\nSee https://example.com/a/very/long/path\nbye 😀 <b>"
        );
    }

    #[test]
    fn markup_never_survives() {
        let t = to_text("<p>a<script>alert(1)</script>b<img src=x onerror=y>c</p><!-- x -->");
        assert_eq!(t, "abc");
        assert_eq!(to_text("1 < 2"), "1 < 2");
        assert_eq!(decode_entities("&bogus; &amp;&#0;"), "&bogus; &&#0;");
    }
}
