//! Markdown → HTML for the self-contained report page.
//!
//! The Markdown report is the single source; this turns it into HTML with pulldown-cmark.
//! Two walls keep untrusted text inert: raw-HTML events become escaped text, and links are
//! kept only for safe schemes. Images that point at one of the report's own charts
//! (`charts/<file>.svg`) are replaced by the chart's inline SVG, drawn by the runner; any
//! other image becomes its text alternative (the page loads nothing from outside).

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};
use std::collections::BTreeMap;

fn safe_link(dest: &str) -> bool {
    let d = dest.trim().to_ascii_lowercase();
    d.starts_with("https://")
        || d.starts_with("http://")
        || d.starts_with("mailto:")
        || d.starts_with('#')
}

/// One entry of the table of contents: a second-level heading of the report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    /// The heading's `id` (ASCII lowercase letters, digits and `-`).
    pub id: String,
    /// The heading's plain text (to be escaped where it is printed).
    pub text: String,
}

/// The report page's body in parts, for the layout template.
#[derive(Debug, Clone, Default)]
pub struct HtmlDoc {
    /// Everything before the first second-level heading: the title and the meta line.
    pub intro: String,
    /// The sections: each `h2` with what follows it, wrapped in `<section>`.
    pub sections: String,
    /// The table of contents (the `h2` headings, in order).
    pub toc: Vec<TocEntry>,
}

/// Converts the report's Markdown to an HTML fragment. `charts` maps `charts/<file>.svg`
/// to the SVG markup to inline.
pub fn markdown_to_html(md: &str, charts: &BTreeMap<String, String>) -> String {
    let doc = markdown_to_doc(md, charts);
    let mut out = doc.intro;
    out.push_str(&doc.sections);
    out
}

/// Folds a heading's text into an `id`: ASCII lowercase letters, digits and `-` (common
/// accented letters lose their accent), at most 60 characters; never empty and never starting
/// with `chart-` (the charts' own ids).
pub fn heading_id(text: &str) -> String {
    let mut s = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            s.push(c);
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
        if s.len() >= 60 {
            break;
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        s.push_str("section");
    }
    if s.starts_with("chart-") {
        s.insert_str(0, "s-");
    }
    s
}

/// Converts the report's Markdown to the page's parts: headings get stable `id`s, every `h2`
/// opens a `<section>` (a print page), header cells get `scope="col"`, and tables are wrapped
/// for horizontal scrolling on narrow screens.
pub fn markdown_to_doc(md: &str, charts: &BTreeMap<String, String>) -> HtmlDoc {
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
            Event::Start(Tag::Table(a)) => {
                events.push(Event::Html(CowStr::from("<div class=\"table-wrap\">\n")));
                events.push(Event::Start(Tag::Table(a)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html(CowStr::from("</div>\n")));
            }
            other => events.push(other),
        }
    }
    // A chart alone in its paragraph stands on its own: a `<figure>` may not sit in a `<p>`
    // (a browser would close the paragraph and add an empty one).
    let mut k = 0;
    while k + 2 < events.len() {
        let alone = matches!(&events[k], Event::Start(Tag::Paragraph))
            && matches!(&events[k + 1], Event::Html(h) if h.starts_with("<figure"))
            && matches!(&events[k + 2], Event::End(TagEnd::Paragraph));
        if alone {
            events.remove(k + 2);
            events.remove(k);
        }
        k += 1;
    }
    // Heading ids and sections.
    let mut seen = std::collections::BTreeSet::new();
    let mut toc = Vec::new();
    let mut split: Option<usize> = None;
    let mut out_events: Vec<Event<'_>> = Vec::with_capacity(events.len() + 32);
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            let level = *level;
            let mut text = String::new();
            for ev in &events[i + 1..] {
                match ev {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    Event::SoftBreak | Event::HardBreak => text.push(' '),
                    _ => {}
                }
            }
            let base = heading_id(&text);
            let mut id = base.clone();
            let mut k = 2;
            while !seen.insert(id.clone()) {
                id = format!("{base}-{k}");
                k += 1;
            }
            if level == HeadingLevel::H2 {
                if split.is_some() {
                    out_events.push(Event::Html(CowStr::from("</section>\n")));
                } else {
                    split = Some(out_events.len());
                }
                out_events.push(Event::Html(CowStr::from(format!(
                    "<section class=\"report-section\" aria-labelledby=\"{id}\">\n"
                ))));
                toc.push(TocEntry {
                    id: id.clone(),
                    text: text.trim().to_string(),
                });
            }
            out_events.push(Event::Start(Tag::Heading {
                level,
                id: Some(CowStr::from(id)),
                classes: Vec::new(),
                attrs: Vec::new(),
            }));
            i += 1;
            continue;
        }
        out_events.push(std::mem::replace(
            &mut events[i],
            Event::Text(CowStr::from("")),
        ));
        i += 1;
    }
    if split.is_some() {
        out_events.push(Event::Html(CowStr::from("</section>\n")));
    }
    let split = split.unwrap_or(out_events.len());
    let rest = out_events.split_off(split);
    let render = |evs: Vec<Event<'_>>| {
        let mut out = String::with_capacity(md.len());
        html::push_html(&mut out, evs.into_iter());
        // Header cells name their column for screen readers. A literal `<th` can only come
        // from the writer: text from the data is escaped (`&lt;th`), and charts have no tables.
        out.replace("<th>", "<th scope=\"col\">")
            .replace("<th style=", "<th scope=\"col\" style=")
    };
    HtmlDoc {
        intro: render(out_events),
        sections: render(rest),
        toc,
    }
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
        assert!(!h.contains("<p><figure"), "{h}");
        assert!(!h.contains("evil.example"), "{h}");
        assert!(h.contains("Alt B"), "{h}");
    }
}
