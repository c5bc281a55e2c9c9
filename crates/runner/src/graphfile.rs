//! Network files for Gephi, Cytoscape, yEd and NetworkX: the analysed network
//! ([`Context::network`]) as GEXF 1.3 and as GraphML, written straight into a stream.
//!
//! Both files hold the same graph:
//!
//! - **Nodes**: the accounts with at least one arc (isolated accounts say nothing about the
//!   network and make Gephi slow), in dataset order. The node id is the dataset account index;
//!   the label is the handle, or else the account id. Every node carries `account_id` (the id
//!   in the data folder), `handle` (when known) and the requested account columns (an empty
//!   cell writes no value).
//! - **Edges**: every arc, directed, in the order of the adjacency (by tail, then head), with
//!   its weight when the network is weighted (interaction counts, follow weights).
//!
//! Column types: whole numbers are `integer` (GEXF) / `int` (GraphML), or `long` when a value
//! does not fit in 32 bits; numbers with decimals are `double`; text and categories `string`.
//!
//! All text is XML-escaped and characters XML 1.0 does not allow (control characters other
//! than tab, line feed and carriage return, U+FFFE, U+FFFF) are dropped, so a hostile handle
//! can never break the file. The output is deterministic: the same network gives the same
//! bytes.
//!
//! [`Context::network`]: honeycomb_core::Context::network

use std::io::{self, Write};

use honeycomb_core::network::SocialNetwork;
use honeycomb_core::{ColumnValues, Context};

/// Writes the network as GEXF 1.3 (`http://gexf.net/1.3`), directed, with one node attribute
/// per column besides `account_id` and `handle`.
pub fn write_gexf(
    w: &mut dyn Write,
    cx: &Context<'_>,
    net: &SocialNetwork,
    columns: &[(&str, &ColumnValues)],
) -> io::Result<()> {
    let g = &net.graph;
    w.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <gexf xmlns=\"http://gexf.net/1.3\" \
          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
          xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" \
          version=\"1.3\">\n  <meta>\n    <creator>honeycomb</creator>\n",
    )?;
    writeln!(
        w,
        "    <description>{}</description>\n  </meta>",
        esc(&description(net))
    )?;
    w.write_all(b"  <graph mode=\"static\" defaultedgetype=\"directed\">\n")?;
    w.write_all(b"    <attributes class=\"node\" mode=\"static\">\n")?;
    w.write_all(
        b"      <attribute id=\"0\" title=\"account_id\" type=\"string\"/>\n      \
          <attribute id=\"1\" title=\"handle\" type=\"string\"/>\n",
    )?;
    for (k, (name, values)) in columns.iter().enumerate() {
        writeln!(
            w,
            "      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>",
            k + 2,
            esc(name),
            value_type(values, "integer", "long")
        )?;
    }
    w.write_all(b"    </attributes>\n    <nodes>\n")?;
    let mut cell = String::new();
    for a in nodes(cx, net) {
        let (id, handle) = account(cx, a);
        writeln!(
            w,
            "      <node id=\"{a}\" label=\"{}\">\n        <attvalues>",
            esc(handle.unwrap_or(id))
        )?;
        writeln!(w, "          <attvalue for=\"0\" value=\"{}\"/>", esc(id))?;
        if let Some(h) = handle {
            writeln!(w, "          <attvalue for=\"1\" value=\"{}\"/>", esc(h))?;
        }
        for (k, (_, values)) in columns.iter().enumerate() {
            cell.clear();
            values.write_cell(a as usize, &mut cell);
            if !cell.is_empty() {
                writeln!(
                    w,
                    "          <attvalue for=\"{}\" value=\"{}\"/>",
                    k + 2,
                    esc(&cell)
                )?;
            }
        }
        w.write_all(b"        </attvalues>\n      </node>\n")?;
    }
    w.write_all(b"    </nodes>\n    <edges>\n")?;
    let mut id = 0usize;
    for a in 0..g.node_count() as u32 {
        let weights = g.out_weights(a);
        for (j, b) in g.out.neighbours(a).iter().enumerate() {
            write!(w, "      <edge id=\"{id}\" source=\"{a}\" target=\"{b}\"")?;
            if let Some(x) = weights.and_then(|ws| ws.get(j)).filter(|x| x.is_finite()) {
                write!(w, " weight=\"{x}\"")?;
            }
            w.write_all(b"/>\n")?;
            id += 1;
        }
    }
    w.write_all(b"    </edges>\n  </graph>\n</gexf>\n")
}

/// Writes the network as GraphML (`edgedefault="directed"`), with `<key>`s for the node
/// label, `account_id`, `handle`, each column and the edge weight.
pub fn write_graphml(
    w: &mut dyn Write,
    cx: &Context<'_>,
    net: &SocialNetwork,
    columns: &[(&str, &ColumnValues)],
) -> io::Result<()> {
    let g = &net.graph;
    w.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
          xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
          http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    )?;
    writeln!(w, "  <!-- {} -->", comment(&description(net)))?;
    w.write_all(
        b"  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n  \
          <key id=\"account_id\" for=\"node\" attr.name=\"account_id\" attr.type=\"string\"/>\n  \
          <key id=\"handle\" for=\"node\" attr.name=\"handle\" attr.type=\"string\"/>\n",
    )?;
    for (k, (name, values)) in columns.iter().enumerate() {
        writeln!(
            w,
            "  <key id=\"d{k}\" for=\"node\" attr.name=\"{}\" attr.type=\"{}\"/>",
            esc(name),
            value_type(values, "int", "long")
        )?;
    }
    let weighted = g.is_weighted();
    if weighted {
        w.write_all(
            b"  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">\n    \
              <default>1</default>\n  </key>\n",
        )?;
    }
    w.write_all(b"  <graph id=\"G\" edgedefault=\"directed\">\n")?;
    let mut cell = String::new();
    for a in nodes(cx, net) {
        let (id, handle) = account(cx, a);
        writeln!(
            w,
            "    <node id=\"{a}\">\n      <data key=\"label\">{}</data>\n      \
             <data key=\"account_id\">{}</data>",
            esc(handle.unwrap_or(id)),
            esc(id)
        )?;
        if let Some(h) = handle {
            writeln!(w, "      <data key=\"handle\">{}</data>", esc(h))?;
        }
        for (k, (_, values)) in columns.iter().enumerate() {
            cell.clear();
            values.write_cell(a as usize, &mut cell);
            if !cell.is_empty() {
                writeln!(w, "      <data key=\"d{k}\">{}</data>", esc(&cell))?;
            }
        }
        w.write_all(b"    </node>\n")?;
    }
    let mut id = 0usize;
    for a in 0..g.node_count() as u32 {
        let weights = g.out_weights(a);
        for (j, b) in g.out.neighbours(a).iter().enumerate() {
            write!(w, "    <edge id=\"e{id}\" source=\"{a}\" target=\"{b}\"")?;
            match weights.and_then(|ws| ws.get(j)).filter(|x| x.is_finite()) {
                Some(x) => writeln!(w, ">\n      <data key=\"weight\">{x}</data>\n    </edge>")?,
                None => w.write_all(b"/>\n")?,
            }
            id += 1;
        }
    }
    w.write_all(b"  </graph>\n</graphml>\n")
}

/// The accounts written as nodes: those with at least one arc, in dataset order.
fn nodes<'n>(cx: &Context<'_>, net: &'n SocialNetwork) -> impl Iterator<Item = u32> + 'n {
    let g = &net.graph;
    let n = g.node_count().min(cx.data.accounts.len());
    (0..n as u32).filter(move |&a| g.out.degree(a) > 0 || g.inc.degree(a) > 0)
}

/// An account's id and its handle (when it has a non-empty one).
fn account<'c>(cx: &'c Context<'_>, a: u32) -> (&'c str, Option<&'c str>) {
    let acc = &cx.data.accounts[a as usize];
    let handle = acc.handle.as_deref().filter(|h| !h.trim().is_empty());
    (&acc.id, handle)
}

/// One line on what the network is made of, for the file's header.
fn description(net: &SocialNetwork) -> String {
    let kinds: Vec<&str> = net.kinds.iter().map(|k| k.name()).collect();
    format!(
        "Social network written by honeycomb: the accounts with at least one relation; relations: {}{}.",
        kinds.join(", "),
        if net.graph.is_weighted() {
            "; weighted"
        } else {
            ""
        }
    )
}

/// The declared type of a column: `int_name` for whole numbers that all fit in 32 bits,
/// `long_name` for larger ones, `double` for decimals, `string` for text and categories.
fn value_type(
    values: &ColumnValues,
    int_name: &'static str,
    long_name: &'static str,
) -> &'static str {
    match values {
        ColumnValues::Int(v) => {
            let fits = v.iter().flatten().all(|x| i32::try_from(*x).is_ok());
            if fits { int_name } else { long_name }
        }
        ColumnValues::Float { .. } => "double",
        _ => "string",
    }
}

/// XML-escapes text for element content and attribute values: `&`, `<`, `>`, both quotes,
/// and tab / line breaks as character references (so attribute values keep them); drops
/// characters XML 1.0 does not allow.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text safe inside an XML comment: escaped, and never `--`.
fn comment(s: &str) -> String {
    let mut out = esc(s);
    while out.contains("--") {
        out = out.replace("--", "- -");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use honeycomb_core::graph::Network;
    use honeycomb_core::network::{EdgeKind, NetworkSettings};
    use honeycomb_core::{Account, Config, ContextOptions, Dataset, Follow, FollowKind};

    const HOSTILE: &str = "<a&\"b'>\u{1}";

    /// Four accounts: 0 → 1, 1 ↔ 2 (a friend row), 3 isolated; account 1 has the hostile
    /// handle and account 2 none.
    fn dataset() -> Dataset {
        let mut d = Dataset::default();
        for (id, h) in [
            ("10", Some("acme")),
            ("11", Some(HOSTILE)),
            ("12", None),
            ("13", Some("loner")),
        ] {
            d.accounts.push(Account {
                id: id.into(),
                handle: h.map(Into::into),
                declared: true,
                ..Account::default()
            });
        }
        for (source, target, kind) in [(0, 1, FollowKind::Follow), (1, 2, FollowKind::Friend)] {
            d.follows.push(Follow {
                source,
                target,
                created_at: honeycomb_core::NO_TIME,
                kind,
                weight: 1.0,
            });
        }
        d
    }

    fn columns() -> Vec<(String, ColumnValues)> {
        vec![
            (
                "in_degree".into(),
                ColumnValues::Int(vec![Some(0), Some(2), Some(1), None]),
            ),
            (
                "pagerank".into(),
                ColumnValues::Float {
                    values: vec![Some(0.1), Some(0.45), Some(f64::NAN), Some(0.0)],
                    decimals: 3,
                },
            ),
            (
                "big".into(),
                ColumnValues::Int(vec![Some(1 << 40), None, None, None]),
            ),
            (
                "community <&>".into(),
                ColumnValues::Category {
                    labels: vec!["A&B".into()],
                    codes: vec![0, 0, u32::MAX, 0],
                },
            ),
            ("note".into(), ColumnValues::Text(vec!["x\ny".into()])),
        ]
    }

    /// [`write_gexf`] or [`write_graphml`].
    type Writer = fn(
        &mut dyn Write,
        &Context<'_>,
        &SocialNetwork,
        &[(&str, &ColumnValues)],
    ) -> io::Result<()>;

    fn write(f: Writer, cx: &Context<'_>, net: &SocialNetwork) -> String {
        let cols = columns();
        let refs: Vec<(&str, &ColumnValues)> = cols.iter().map(|(n, v)| (n.as_str(), v)).collect();
        let mut out = Vec::new();
        f(&mut out, cx, net, &refs).expect("write to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }

    /// A small XML well-formedness check: one root, balanced tags, quoted attributes, known
    /// entities only, no raw `<` or `&` in text, no forbidden characters.
    fn assert_well_formed(xml: &str) {
        let body = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .expect("XML declaration");
        assert!(
            !xml.chars()
                .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')),
            "forbidden character"
        );
        for (i, _) in xml.match_indices('&') {
            let tail = &xml[i..];
            assert!(
                [
                    "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#9;", "&#10;", "&#13;"
                ]
                .iter()
                .any(|e| tail.starts_with(e)),
                "bare & at {i}: {}",
                &tail[..tail.len().min(20)]
            );
        }
        let mut stack: Vec<&str> = Vec::new();
        let mut roots = 0;
        let mut rest = body;
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            if let Some(c) = after.strip_prefix("!--") {
                let end = c.find("-->").expect("closed comment");
                rest = &c[end + 3..];
                continue;
            }
            let end = after.find('>').expect("closed tag");
            let tag = &after[..end];
            assert!(!tag.contains('<'), "raw < inside a tag: {tag}");
            assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name.trim()), "mismatched </{name}>");
            } else {
                if stack.is_empty() {
                    roots += 1;
                }
                if !tag.ends_with('/') {
                    stack.push(tag.split_whitespace().next().unwrap_or(""));
                }
            }
            rest = &after[end + 1..];
            let text_end = rest.find('<').unwrap_or(rest.len());
            assert!(!rest[..text_end].contains('>'), "raw > in text");
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
        assert_eq!(roots, 1, "one root element");
    }

    #[test]
    fn gexf_is_well_formed_escaped_and_complete() {
        let d = dataset();
        let cfg = Config::parse("").expect("config");
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        let net = cx.network().expect("network");
        let xml = write(write_gexf, &cx, net);
        assert_well_formed(&xml);
        assert!(xml.contains("<gexf xmlns=\"http://gexf.net/1.3\""));
        assert!(xml.contains("defaultedgetype=\"directed\""));
        assert_eq!(
            xml.matches("<node ").count(),
            3,
            "the isolated account is left out"
        );
        assert_eq!(xml.matches("<edge ").count(), 3, "0→1, 1→2, 2→1");
        assert!(!xml.contains("loner"));
        assert!(!xml.contains("<a&"));
        assert!(
            xml.contains("label=\"&lt;a&amp;&quot;b&apos;&gt;\""),
            "{xml}"
        );
        assert!(
            xml.contains("<node id=\"2\" label=\"12\">"),
            "no handle: the id"
        );
        assert!(xml.contains("<attribute id=\"0\" title=\"account_id\" type=\"string\"/>"));
        assert!(xml.contains("<attribute id=\"2\" title=\"in_degree\" type=\"integer\"/>"));
        assert!(xml.contains("<attribute id=\"3\" title=\"pagerank\" type=\"double\"/>"));
        assert!(xml.contains("<attribute id=\"4\" title=\"big\" type=\"long\"/>"));
        assert!(xml.contains("title=\"community &lt;&amp;&gt;\" type=\"string\""));
        assert!(xml.contains("<attvalue for=\"0\" value=\"11\"/>"));
        assert!(xml.contains("<attvalue for=\"3\" value=\"0.450\"/>"));
        assert!(xml.contains("<attvalue for=\"5\" value=\"A&amp;B\"/>"));
        assert!(xml.contains("<attvalue for=\"6\" value=\"x&#10;y\"/>"));
        // Account 2 has a NaN PageRank and no category: no value at all.
        let node2 = xml
            .split("<node id=\"2\"")
            .nth(1)
            .and_then(|s| s.split("</node>").next());
        assert!(node2.is_some_and(|s| !s.contains("for=\"3\"") && !s.contains("for=\"5\"")));
        // Edges in adjacency order, unweighted follows: no weight.
        let edges: Vec<&str> = xml
            .lines()
            .filter(|l| l.contains("<edge "))
            .map(str::trim)
            .collect();
        assert_eq!(
            edges,
            [
                "<edge id=\"0\" source=\"0\" target=\"1\"/>",
                "<edge id=\"1\" source=\"1\" target=\"2\"/>",
                "<edge id=\"2\" source=\"2\" target=\"1\"/>",
            ]
        );
        assert_eq!(xml, write(write_gexf, &cx, net), "deterministic");
    }

    #[test]
    fn graphml_is_well_formed_escaped_and_complete() {
        let d = dataset();
        let cfg = Config::parse("").expect("config");
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        let net = cx.network().expect("network");
        let xml = write(write_graphml, &cx, net);
        assert_well_formed(&xml);
        assert!(xml.contains("<graph id=\"G\" edgedefault=\"directed\">"));
        assert_eq!(xml.matches("<node ").count(), 3);
        assert_eq!(xml.matches("<edge ").count(), 3);
        assert!(!xml.contains("<a&") && !xml.contains("loner"));
        assert!(xml.contains("<data key=\"label\">&lt;a&amp;&quot;b&apos;&gt;</data>"));
        assert!(xml.contains("<data key=\"handle\">&lt;a&amp;&quot;b&apos;&gt;</data>"));
        assert!(xml.contains("attr.name=\"in_degree\" attr.type=\"int\""));
        assert!(xml.contains("attr.name=\"pagerank\" attr.type=\"double\""));
        assert!(xml.contains("attr.name=\"big\" attr.type=\"long\""));
        assert!(xml.contains("attr.name=\"community &lt;&amp;&gt;\" attr.type=\"string\""));
        assert!(xml.contains("<data key=\"d0\">2</data>"));
        assert!(!xml.contains("key=\"weight\""), "unweighted: no weights");
        assert_eq!(xml, write(write_graphml, &cx, net), "deterministic");
    }

    #[test]
    fn weighted_networks_write_weights() {
        let d = dataset();
        let cfg = Config::parse("").expect("config");
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        let net = SocialNetwork {
            settings: NetworkSettings::default(),
            kinds: vec![EdgeKind::Mention, EdgeKind::Reply],
            graph: Network::from_arcs(4, vec![(2, 0, 1.0), (0, 2, 2.5), (2, 0, 2.0)], true),
        };
        let gexf = write(write_gexf, &cx, &net);
        assert_well_formed(&gexf);
        assert_eq!(gexf.matches("<node ").count(), 2);
        assert!(gexf.contains("<edge id=\"0\" source=\"0\" target=\"2\" weight=\"2.5\"/>"));
        assert!(gexf.contains("<edge id=\"1\" source=\"2\" target=\"0\" weight=\"3\"/>"));
        assert!(gexf.contains("relations: mention, reply; weighted."));
        let graphml = write(write_graphml, &cx, &net);
        assert_well_formed(&graphml);
        assert!(graphml.contains(
            "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">"
        ));
        assert!(graphml.contains(
            "<edge id=\"e1\" source=\"2\" target=\"0\">\n      <data key=\"weight\">3</data>\n    </edge>"
        ));
        // No arcs at all: valid, empty files.
        let empty = SocialNetwork {
            settings: NetworkSettings::default(),
            kinds: vec![EdgeKind::Follow],
            graph: Network::from_arcs(4, vec![], false),
        };
        for f in [write_gexf as Writer, write_graphml] {
            let xml = write(f, &cx, &empty);
            assert_well_formed(&xml);
            assert_eq!(
                xml.matches("<node ").count() + xml.matches("<edge ").count(),
                0
            );
        }
    }

    #[test]
    fn escaping_drops_what_xml_forbids() {
        assert_eq!(esc(HOSTILE), "&lt;a&amp;&quot;b&apos;&gt;");
        assert_eq!(esc("a\tb\r\n\u{0}\u{1F}\u{FFFE}é"), "a&#9;b&#13;&#10;é");
        assert_eq!(comment("a--b---c"), "a- -b- - -c");
    }
}
