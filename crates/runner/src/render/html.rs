//! Markdown → HTML for the self-contained report page.
//!
//! The Markdown report is the single source; this turns it into HTML with pulldown-cmark.
//! Two walls keep untrusted text inert: raw-HTML events become escaped text, and links are
//! kept only for safe schemes. Images that point at one of the report's own charts
//! (`charts/<file>.svg`) are replaced by the chart's inline SVG, drawn by the runner; any
//! other image becomes its text alternative (the page loads nothing from outside).

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};
use std::collections::BTreeMap;

fn safe_link(dest: &str) -> bool {
    let d = dest.trim().to_ascii_lowercase();
    d.starts_with("https://")
        || d.starts_with("http://")
        || d.starts_with("mailto:")
        || d.starts_with('#')
}

/// Converts the report's Markdown to an HTML fragment. `charts` maps `charts/<file>.svg`
/// to the SVG markup to inline.
pub fn markdown_to_html(md: &str, charts: &BTreeMap<String, String>) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    let parser = Parser::new_ext(md, opts);
    let mut events: Vec<Event<'_>> = Vec::new();
    // Depth of an image being replaced (its alt-text events are skipped or kept as text).
    let mut in_image: Option<bool> = None;
    let mut link_stack: Vec<bool> = Vec::new();
    for ev in parser {
        if let Some(replaced) = in_image {
            match ev {
                Event::End(TagEnd::Image) => in_image = None,
                Event::Text(t) | Event::Code(t) if !replaced => events.push(Event::Text(t)),
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => events.push(Event::Text(h)),
            Event::Start(Tag::Image { dest_url, .. }) => match charts.get(dest_url.as_ref()) {
                Some(svg) => {
                    events.push(Event::Html(CowStr::from(format!(
                        "<figure class=\"chart\">{svg}</figure>"
                    ))));
                    in_image = Some(true);
                }
                None => in_image = Some(false),
            },
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let ok = safe_link(&dest_url) && !matches!(link_type, LinkType::Email);
                link_stack.push(ok);
                if ok {
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if link_stack.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(md.len() * 2);
    html::push_html(&mut out, events.into_iter());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_bad_links_become_text() {
        let h = markdown_to_html(
            "<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](https://ok.example)",
            &BTreeMap::new(),
        );
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(!h.contains("href=\"javascript"), "{h}");
        assert!(h.contains("href=\"https://ok.example\""), "{h}");
    }

    #[test]
    fn chart_images_are_inlined_others_dropped() {
        let mut c = BTreeMap::new();
        c.insert(
            "charts/a.svg".to_string(),
            "<svg id=\"a\"></svg>".to_string(),
        );
        let h = markdown_to_html(
            "![Alt A](charts/a.svg)\n\n![Alt B](https://evil.example/x.png)",
            &c,
        );
        assert!(
            h.contains("<figure class=\"chart\"><svg id=\"a\"></svg></figure>"),
            "{h}"
        );
        assert!(!h.contains("evil.example"), "{h}");
        assert!(h.contains("Alt B"), "{h}");
    }
}
