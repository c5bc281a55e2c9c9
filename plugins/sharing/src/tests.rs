//! Tests of the sharing plugin on small hand-built data, and a measured test of the
//! near-copy detector on a labelled set.

use crate::minhash::{Params, detect};
use crate::text::{domain, jaccard, shingle_set};
use crate::{SharingPlugin, cascades};
use honeycomb_core::graph::Rng;
use honeycomb_core::mask::{excerpt, mask};
use honeycomb_core::{
    Account, Config, Context, ContextOptions, Dataset, Follow, FollowKind, Forest, Lang, NO_TIME,
    Plugin, Post, Section, TableKind,
};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// 2026-01-01T10:00:00Z.
const BASE: i64 = 1_767_261_600;
const DAY: i64 = 86_400;

/// A data folder built by hand: accounts whose id is their handle, posts whose entities
/// come from their text.
struct Data {
    d: Dataset,
}

impl Data {
    fn new(handles: &[&str]) -> Data {
        let mut d = Dataset::default();
        for h in handles {
            d.accounts.push(Account {
                id: (*h).into(),
                handle: Some((*h).into()),
                declared: true,
                ..Account::default()
            });
        }
        d.columns.insert(
            TableKind::Posts,
            [
                "id",
                "author",
                "created_at",
                "text",
                "repost_of",
                "quote_of",
                "media",
                "credit",
                "license",
            ]
            .map(String::from)
            .to_vec(),
        );
        Data { d }
    }

    fn add(&mut self, author: u32, day: i64, text: &str) -> u32 {
        let ix = self.d.posts.len() as u32;
        let mut p = Post {
            id: format!("p{ix}").into(),
            author,
            created_at: BASE + day * DAY,
            text: text.into(),
            ..Post::default()
        };
        p.set_entities(
            honeycomb_core::text::mentions(text),
            honeycomb_core::text::hashtags(text),
            honeycomb_core::text::urls(text),
        );
        self.d.posts.push(p);
        ix
    }

    fn repost(&mut self, author: u32, day: i64, of: u32) -> u32 {
        let ix = self.add(author, day, "");
        self.d.posts[ix as usize].repost_of = Some(of);
        ix
    }

    fn quote(&mut self, author: u32, day: i64, of: u32, text: &str) -> u32 {
        let ix = self.add(author, day, text);
        self.d.posts[ix as usize].quote_of = Some(of);
        ix
    }

    fn follow(&mut self, source: u32, target: u32) {
        self.d.follows.push(Follow {
            source,
            target,
            created_at: NO_TIME,
            weight: 1.0,
            kind: FollowKind::Follow,
        });
        self.d
            .columns
            .insert(TableKind::Follows, vec!["source".into(), "target".into()]);
    }

    fn post(&mut self, ix: u32) -> &mut Post {
        &mut self.d.posts[ix as usize]
    }
}

fn run_lang(d: &Dataset, toml: &str, lang: Lang) -> Result<Section, honeycomb_core::PluginError> {
    let cfg = Config::parse(toml).expect("config");
    let mut opts = ContextOptions::default();
    opts.lang = Some(lang);
    let cx = Context::new(d, &cfg, opts);
    SharingPlugin.analyze(&cx)
}

fn run(d: &Dataset, toml: &str) -> Section {
    run_lang(d, toml, Lang::En).expect("section")
}

fn value(s: &Section, key: &str) -> Option<f64> {
    s.metric(&format!("sharing.{key}")).and_then(|m| m.value)
}

fn table<'s>(s: &'s Section, id: &str) -> Option<&'s honeycomb_core::Table> {
    s.tables.iter().find(|t| t.id == id)
}

const BRAND: &str = "[report]\nbrand = [\"acme\", \"acme_nl\"]\n";

// ------------------------------------------------------------------------------------
// Cascades
// ------------------------------------------------------------------------------------

#[test]
fn cascade_size_depth_and_structural_virality_by_hand() {
    // 0 ← 1, 2, 3: a star of 4.            4 ← 5 ← 6 ← 7: a path of 4.
    // 8: nobody reposts it (no cascade).   9 ← 10, 11; 10 ← 12, 13.
    let parent: [Option<u32>; 14] = [
        None,
        Some(0),
        Some(0),
        Some(0),
        None,
        Some(4),
        Some(5),
        Some(6),
        None,
        None,
        Some(9),
        Some(9),
        Some(10),
        Some(10),
    ];
    let f = Forest::build(parent.len(), |i| parent[i]);
    let (list, below) = cascades(&f, |_| true);
    assert_eq!(list.len(), 3, "post 8 has no repost, so it is no cascade");
    let by_root: BTreeMap<u32, (u32, u32, f64)> = list
        .iter()
        .map(|c| (c.root, (c.size, c.depth, c.virality)))
        .collect();
    // Star of 4: the 3 leaf pairs are 2 apart, the 3 root–leaf pairs 1: (3·2 + 3·1) / 6
    // = 1.5; with the edge formula Σ s(N−s) = 3 · 1·3 = 9, 9 / C(4,2) = 1.5.
    let (size, depth, sv) = by_root[&0];
    assert_eq!((size, depth), (4, 1));
    assert!((sv - 1.5).abs() < 1e-12, "{sv}");
    // Path of 4: distances 1,1,1,2,2,3 → 10 / 6 = 5/3; edges 1·3 + 2·2 + 3·1 = 10.
    let (size, depth, sv) = by_root[&4];
    assert_eq!((size, depth), (4, 3));
    assert!((sv - 5.0 / 3.0).abs() < 1e-12, "{sv}");
    // 9 with children 10, 11 and grandchildren 12, 13 under 10: distances from 9: 1,1,2,2;
    // 10–11 2, 10–12 1, 10–13 1, 11–12 3, 11–13 3, 12–13 2: 18 / C(5,2) = 1.8.
    let (size, depth, sv) = by_root[&9];
    assert_eq!((size, depth), (5, 2));
    assert!((sv - 1.8).abs() < 1e-12, "{sv}");
    // Largest first, ties by the earlier root.
    assert_eq!(
        list.iter().map(|c| c.root).collect::<Vec<_>>(),
        vec![9, 0, 4]
    );
    assert_eq!(
        (below[0], below[4], below[5], below[8], below[10]),
        (3, 3, 2, 0, 2)
    );
}

/// All-pairs distances by breadth-first search over the undirected tree.
fn brute_virality(f: &Forest, root: u32) -> (u32, u32, f64) {
    let n = f.parent.len();
    let nodes: Vec<u32> = (0..n as u32)
        .filter(|&v| f.root[v as usize] == root)
        .collect();
    let mut total = 0u64;
    for &s in &nodes {
        let mut dist: BTreeMap<u32, u64> = BTreeMap::from([(s, 0)]);
        let mut q = VecDeque::from([s]);
        while let Some(u) = q.pop_front() {
            let du = dist[&u];
            let mut next: Vec<u32> = f.children.neighbours(u).to_vec();
            if f.parent[u as usize] != Forest::NONE {
                next.push(f.parent[u as usize]);
            }
            for v in next {
                if let std::collections::btree_map::Entry::Vacant(e) = dist.entry(v) {
                    e.insert(du + 1);
                    q.push_back(v);
                }
            }
        }
        total += dist.values().sum::<u64>();
    }
    let k = nodes.len() as f64;
    let depth = nodes
        .iter()
        .map(|&v| f.depth[v as usize])
        .max()
        .unwrap_or(0);
    (
        nodes.len() as u32,
        depth,
        total as f64 / 2.0 / (k * (k - 1.0) / 2.0),
    )
}

#[test]
fn structural_virality_matches_all_pairs_distances_on_random_forests() {
    let mut rng = Rng::new(7);
    for round in 0..20 {
        let n = 50 + round * 10;
        // Each post reposts an earlier one with probability 0.6.
        let parent: Vec<Option<u32>> = (0..n)
            .map(|i| (i > 0 && rng.next_f64() < 0.6).then(|| rng.below(i as u64) as u32))
            .collect();
        let f = Forest::build(n, |i| parent[i]);
        let (list, _) = cascades(&f, |_| true);
        assert!(!list.is_empty());
        for c in &list {
            let (size, depth, sv) = brute_virality(&f, c.root);
            assert_eq!((c.size, c.depth), (size, depth), "root {}", c.root);
            assert!((c.virality - sv).abs() < 1e-9, "{} vs {sv}", c.virality);
        }
        let in_cascades: usize = list.iter().map(|c| c.size as usize).sum();
        let reposts = parent.iter().filter(|p| p.is_some()).count();
        assert_eq!(in_cascades, reposts + list.len());
    }
}

/// The cascades of the hand-computed test, as posts: a star under p0, a path under p4,
/// a lone post p8, all by `anna`; reposts by the others.
fn cascade_data() -> Data {
    let mut x = Data::new(&["acme", "anna", "piet", "kees", "acme_nl"]);
    let star = x.add(
        1,
        1,
        "Wij openen een nieuwe winkel in de binnenstad #koffie",
    );
    for a in [2, 3, 0] {
        x.repost(a, 2, star);
    }
    let path = x.add(
        1,
        40,
        "Proef de nieuwe oogst uit Ethiopië #koffie #ethiopie",
    );
    let r1 = x.repost(2, 41, path);
    let r2 = x.repost(3, 42, r1);
    x.repost(0, 43, r2);
    x.add(1, 5, "Niemand deelt dit");
    x
}

#[test]
fn cascades_in_the_section_and_the_export() {
    let x = cascade_data();
    let s = run(&x.d, BRAND);
    assert_eq!(value(&s, "cascades"), Some(2.0));
    // Own posts p0, p4, p8: 3 + 3 + 0 reshares → 2 per post; 2 of 3 reshared.
    assert_eq!(value(&s, "reshares_per_post"), Some(2.0));
    assert!((value(&s, "reshared_share").expect("share") - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(value(&s, "cascade_size"), Some(4.0));
    // Depths 1 (p0: direct reposts only) and 3 (p4): mean 2.
    assert_eq!(value(&s, "cascade_depth"), Some(2.0));
    let sv = value(&s, "structural_virality").expect("sv");
    assert!((sv - (1.5 + 5.0 / 3.0) / 2.0).abs() < 1e-12);
    let e = s
        .frames
        .iter()
        .find(|t| t.id == "cascades")
        .expect("export");
    assert_eq!(
        e.headers(),
        ["root", "size", "depth", "structural_virality"]
    );
    assert_eq!(
        (0..e.rows()).map(|i| e.row(i)).collect::<Vec<_>>(),
        vec![
            vec!["p0", "4", "1", "1.5000"],
            vec!["p4", "4", "3", "1.6667"]
        ]
    );
    let t = table(&s, "most-shared-posts").expect("table");
    assert_eq!(t.rows[0][1], "p0");
    assert_eq!(t.rows[0][2], "@anna");
    assert_eq!(t.rows[0][4], "3");
    let t = table(&s, "most-shared-accounts").expect("table");
    assert_eq!(t.rows[0][1..], ["@anna", "2", "6", "4"]);
    // Mix: the brand (acme) has two reposts and nothing else.
    assert_eq!(value(&s, "brand_reshare_share"), Some(100.0));
    assert!(
        s.findings
            .iter()
            .any(|f| f.text.contains("other people's content"))
    );
    // Per-account and per-post columns.
    let col = |name: &str| {
        s.entity_columns
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(col("reshares_received").values.cell(1), "6");
    assert_eq!(col("reshares_below").values.cell(5), "2");
    // A period that ends before the path's original leaves only the star.
    let s = run(
        &x.d,
        "[report]\nbrand = [\"acme\"]\nperiod = \"2026-01-01..2026-01-31\"\n",
    );
    assert_eq!(value(&s, "cascades"), Some(1.0));
}

#[test]
fn hashtags_pairs_domains_and_formats() {
    let mut x = Data::new(&["acme", "anna", "piet"]);
    let a = x.add(
        1,
        1,
        "Mooi #Koffie #thee #taart zie https://www.Anna.example/blog",
    );
    x.add(
        2,
        1,
        "Lekker #koffie #thee, https://anna.example/x en http://other.example:8080/y",
    );
    x.add(2, 2, "#thee #koffie");
    let m = x.add(1, 3, "Een foto");
    x.post(m).details_mut().media = Some("image:1.jpg".into());
    x.repost(2, 4, a);
    x.repost(0, 4, a);
    let s = run(&x.d, BRAND);
    let t = table(&s, "hashtags").expect("hashtags");
    assert_eq!(t.rows[0][1..3], ["#koffie", "3"]);
    assert_eq!(t.rows[1][1..3], ["#thee", "3"]);
    assert_eq!(t.rows[2][1..3], ["#taart", "1"]);
    let t = table(&s, "hashtag-pairs").expect("pairs");
    let pairs: Vec<(&str, &str)> = t
        .rows
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("#koffie + #thee", "3"),
            ("#koffie + #taart", "1"),
            ("#taart + #thee", "1")
        ]
    );
    let t = table(&s, "domains").expect("domains");
    assert_eq!(t.rows[0][1..3], ["anna.example", "2"]);
    assert_eq!(t.rows[1][1..3], ["other.example", "1"]);
    // 4 own posts, 1 with media.
    assert_eq!(value(&s, "media_share"), Some(25.0));
    let t = table(&s, "formats").expect("formats");
    assert_eq!(t.rows[0][..2], ["with media", "1"]);
    // The hashtag post p0 got both reshares: 2 per post against 0.5 on average.
    assert_eq!(t.rows[2][..4], ["with hashtags", "3", "33.3%", "0.67"]);
}

#[test]
fn content_that_travels_is_measured_on_the_brands_own_posts() {
    // The brand's 6 posts with #oogst get 3 reposts each, its 6 others none: #oogst travels
    // (3 per post against the brand's average of 1.5). The audience's #oogst posts get
    // nothing, so over all posts it would not stand out as much.
    let mut x = Data::new(&["acme", "anna", "piet", "kees"]);
    for i in 0..6 {
        let p = x.add(0, i, &format!("Nieuwe oogst nummer {i} is binnen #oogst"));
        for a in 1..=3 {
            x.repost(a, i + 1, p);
        }
        x.add(0, i, &format!("Gewoon een update nummer {i}"));
        x.add(1, i, &format!("Ook ik heb oogst {i} #oogst"));
    }
    let s = run(&x.d, BRAND);
    assert_eq!(value(&s, "best_hashtag"), Some(2.0));
    let m = s.metric("sharing.best_hashtag").expect("metric");
    assert!(m.display.starts_with("#oogst"), "{}", m.display);
    assert!(m.definition.contains("your own posts"), "{}", m.definition);
    let r = s
        .recommendations
        .iter()
        .find(|r| r.action == "Use #oogst in posts you want shared.")
        .expect("advice");
    assert!(
        r.why
            .contains("your 6 posts with #oogst got 3.00 reshares each"),
        "{}",
        r.why
    );
    assert!(r.evidence.contains(&"sharing.best_hashtag".to_string()));
    // Hashtag posts are also the format that travels for the brand.
    assert_eq!(value(&s, "best_format"), Some(2.0));
}

#[test]
fn domains_are_parsed_from_links() {
    let cases = [
        ("https://WWW.Example.nl:8080/a?b#c", Some("example.nl")),
        (
            "http://user:pw@shop.example.com/x",
            Some("shop.example.com"),
        ),
        ("www.example.org/path", Some("example.org")),
        ("https://example.org.", Some("example.org")),
        ("https://[2001:db8::1]:443/", Some("2001:db8::1")),
        ("ftp://files.example.net", Some("files.example.net")),
        ("https:///nohost", None),
        ("", None),
    ];
    for (url, want) in cases {
        assert_eq!(domain(url).as_deref(), want, "{url}");
    }
}

#[test]
fn excerpts_mask_personal_data_and_stay_short() {
    assert_eq!(
        mask("Mail j.devries@example.nl of bel\n+31 6 1234 5678, IBAN NL91ABNA0417164300."),
        "Mail [e-mail] of bel [phone], IBAN [IBAN]."
    );
    assert_eq!(
        mask("Rek. NL91 ABNA 0417 1643 00 of (030) 123-4567 89"),
        "Rek. [IBAN] of [phone]"
    );
    // Dates, prices and links are left alone.
    assert_eq!(
        mask("Op 2026-03-05 kost het €12,50: https://x.example/123456789012"),
        "Op 2026-03-05 kost het €12,50: https://x.example/123456789012"
    );
    let long = "woord ".repeat(60);
    let e = excerpt(&long, 120);
    assert!(e.chars().count() <= 120 && e.ends_with('…'), "{e}");
    assert_eq!(excerpt("kort", 120), "kort");
}

// ------------------------------------------------------------------------------------
// Copyright and attribution
// ------------------------------------------------------------------------------------

const SOURCE: &str = "Waarom smaakt vers gebrande koffie beter? Na het branden geven de bonen nog dagenlang koolzuur af. Wacht daarom vijf tot tien dagen voordat je ze maalt. #koffie https://anna.example/vers";
const COPY: &str = "Waarom smaakt vers gebrande koffie beter? Na het branden geven de bonen nog dagenlang koolzuur af. Wacht daarom vijf tot tien dagen voor je ze maalt ☕ #acme";

/// anna (1) writes the source on `src_day`; acme (0) posts `brand_text` on day 10.
fn copy_case(src_day: i64, brand_text: &str) -> (Data, u32, u32) {
    let mut x = Data::new(&["acme", "anna", "piet", "acme_nl"]);
    let src = x.add(1, src_day, SOURCE);
    x.add(
        2,
        3,
        "Iets heel anders over thee en taart, helemaal niet hetzelfde verhaal",
    );
    let b = x.add(0, 10, brand_text);
    (x, src, b)
}

fn copies(s: &Section) -> f64 {
    value(s, "uncredited_copies").expect("uncredited_copies")
}

#[test]
fn a_brand_copy_of_an_earlier_post_without_credit_is_flagged() {
    let (x, src, b) = copy_case(1, COPY);
    let s = run(&x.d, BRAND);
    assert_eq!(copies(&s), 1.0);
    assert_eq!(value(&s, "checked_posts"), Some(1.0));
    let t = table(&s, "uncredited-copies").expect("table");
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0][0], format!("p{b}"));
    assert_eq!(t.rows[0][1], "2026-01-11");
    assert_eq!(t.rows[0][3], "@anna");
    assert_eq!(t.rows[0][4], format!("p{src}"));
    assert!(t.note.as_deref().is_some_and(|n| n.contains("Jaccard")));
    let r = s
        .recommendations
        .iter()
        .find(|r| r.action.contains("@anna"))
        .expect("advice");
    assert_eq!(
        r.action,
        "Credit @anna on your post of 11 January 2026, or take it down."
    );
    assert_eq!(r.evidence, ["sharing.uncredited_copies"]);
    assert!(
        s.findings
            .iter()
            .any(|f| f.severity == honeycomb_core::Severity::Critical)
    );
    let sc = s.score.as_ref().expect("score");
    assert!(sc.verdict.contains("Copyright"), "{}", sc.verdict);
    let e = s.exports.iter().find(|t| t.id == "flags").expect("flags");
    assert_eq!(
        e.rows[0][..2],
        ["uncredited_copy".to_string(), format!("p{b}")]
    );
    // In Dutch.
    let nl = run_lang(&x.d, BRAND, Lang::Nl).expect("nl");
    assert!(
        nl.recommendations.iter().any(|r| r.action
            == "Noem @anna als bron bij je post van 11 januari 2026, of haal hem offline."),
        "{:?}",
        nl.recommendations
    );
}

#[test]
fn credit_mention_link_or_quote_clears_the_copy() {
    // A credit line that names the maker.
    let (mut x, _, b) = copy_case(1, COPY);
    x.post(b).details_mut().credit = Some("Tekst: Anna (@anna)".into());
    let s = run(&x.d, BRAND);
    assert_eq!((copies(&s), value(&s, "credited_reuse")), (0.0, Some(1.0)));
    // A credit line that names someone else does not.
    let (mut x, _, b) = copy_case(1, COPY);
    x.post(b).details_mut().credit = Some("Foto: @piet".into());
    assert_eq!(copies(&run(&x.d, BRAND)), 1.0);
    // A mention of the maker.
    let (x, _, _) = copy_case(1, &format!("{COPY} via @anna"));
    assert_eq!(copies(&run(&x.d, BRAND)), 0.0);
    // A link to the site the source links to.
    let (x, _, _) = copy_case(1, &format!("{COPY} https://www.anna.example/"));
    assert_eq!(copies(&run(&x.d, BRAND)), 0.0);
    // A link to somewhere else is no attribution.
    let (x, _, _) = copy_case(1, &format!("{COPY} https://acme.example/shop"));
    assert_eq!(copies(&run(&x.d, BRAND)), 1.0);
    // A quote of the source.
    let (mut x, src, b) = copy_case(1, COPY);
    x.post(b).quote_of = Some(src);
    assert_eq!(copies(&run(&x.d, BRAND)), 0.0);
}

#[test]
fn only_earlier_posts_by_other_accounts_count() {
    // A later copy by someone else is not the brand's fault.
    let (x, _, _) = copy_case(20, COPY);
    let s = run(&x.d, BRAND);
    assert_eq!(copies(&s), 0.0);
    assert!(table(&s, "uncredited-copies").is_none());
    // An earlier copy by someone else (piet copied anna; the brand copies piet's): flagged,
    // and the earliest similar post is named as the source.
    let (mut x, src, _) = copy_case(1, COPY);
    x.add(2, 5, COPY);
    let s = run(&x.d, BRAND);
    assert_eq!(copies(&s), 1.0);
    let t = table(&s, "uncredited-copies").expect("table");
    assert_eq!(t.rows[0][4], format!("p{src}"));
    assert_eq!(t.rows[0][7], "1", "piet's copy is the other similar post");
    // Only piet's earlier copy exists (anna wrote hers later): piet is the source.
    let (mut x, _, _) = copy_case(20, COPY);
    let piet = x.add(2, 5, SOURCE);
    let s = run(&x.d, BRAND);
    assert_eq!(copies(&s), 1.0);
    assert_eq!(
        table(&s, "uncredited-copies").expect("table").rows[0][4],
        format!("p{piet}")
    );
    // The brand's own other account wrote it first: its own content.
    let (mut x, _, _) = copy_case(20, COPY);
    x.add(3, 5, SOURCE);
    assert_eq!(copies(&run(&x.d, BRAND)), 0.0);
    // With a window of 5 days, anna's post of 9 days before is not compared.
    let (x, _, _) = copy_case(1, COPY);
    let s = run(
        &x.d,
        &format!("{BRAND}[plugins.sharing]\ncopy_window_days = 5\n"),
    );
    assert_eq!(copies(&s), 0.0);
    let (x, _, _) = copy_case(6, COPY);
    let s = run(
        &x.d,
        &format!("{BRAND}[plugins.sharing]\ncopy_window_days = 5\n"),
    );
    assert_eq!(copies(&s), 1.0);
    assert!(
        s.metric("sharing.uncredited_copies")
            .is_some_and(|m| m.definition.contains("at most 5 days"))
    );
    // Unrelated text is not a copy; a post of fewer than min_words words is not checked.
    let (x, _, _) = copy_case(
        1,
        "Vandaag is de winkel dicht wegens inventaris, morgen zijn we er weer",
    );
    assert_eq!(copies(&run(&x.d, BRAND)), 0.0);
    let (x, _, _) = copy_case(1, "Waarom smaakt vers");
    assert_eq!(value(&run(&x.d, BRAND), "checked_posts"), Some(0.0));
}

#[test]
fn the_similarity_threshold_is_a_setting() {
    // A heavier edit: 3 of 27 words changed, similarity about 0.5.
    let edited = "Waarom smaakt vers gebrande koffie lekkerder? Na het branden geven de bonen nog wekenlang koolzuur af. Wacht daarom vijf tot tien dagen voordat je ze vermaalt.";
    let (a, b) = (shingle_set(SOURCE, 3).0, shingle_set(edited, 3).0);
    let j = jaccard(&a, &b);
    assert!(j > 0.4 && j < 0.6, "{j}");
    let (x, _, _) = copy_case(1, edited);
    assert_eq!(copies(&run(&x.d, BRAND)), 0.0);
    let s = run(
        &x.d,
        &format!("{BRAND}[plugins.sharing]\nsimilarity = 0.4\n"),
    );
    assert_eq!(copies(&s), 1.0);
}

#[test]
fn reshared_media_without_credit_or_licence_is_flagged() {
    let mut x = Data::new(&["acme", "anna", "piet", "acme_nl"]);
    let photo = x.add(1, 1, "Onze latte art van vandaag");
    x.post(photo).details_mut().media = Some("image:latte.jpg".into());
    let licensed = x.add(1, 1, "Nog een foto");
    x.post(licensed).details_mut().media = Some("image:2.jpg".into());
    x.post(licensed).details_mut().license = Some("CC BY 4.0".into());
    let text_only = x.add(1, 1, "Alleen tekst");
    let own = x.add(3, 1, "Onze eigen foto");
    x.post(own).details_mut().media = Some("image:3.jpg".into());
    let r1 = x.repost(0, 2, photo); // flagged
    x.repost(0, 2, licensed); // licensed: fine
    x.repost(0, 2, text_only); // no media: fine
    x.repost(0, 2, own); // the brand's own: fine
    let chain = x.repost(2, 2, photo);
    let r2 = x.repost(0, 3, chain); // repost of a repost: the original is anna's photo
    let q = x.quote(0, 3, photo, "Kijk hoe mooi dit is"); // a quote: flagged
    let credited = x.quote(0, 3, photo, "Mooi gedaan");
    x.post(credited).details_mut().credit = Some("Foto: @anna".into());
    let s = run(&x.d, BRAND);
    assert_eq!(value(&s, "uncredited_media"), Some(3.0));
    let t = table(&s, "uncredited-media").expect("table");
    let posts: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(posts, [format!("p{r1}"), format!("p{r2}"), format!("p{q}")]);
    assert!(
        t.rows
            .iter()
            .all(|r| r[3] == "@anna" && r[4] == format!("p{photo}"))
    );
    assert_eq!(t.rows[2][2], "quote");
    assert!(
        s.recommendations
            .iter()
            .any(|r| r.action.contains("@anna") && r.evidence == ["sharing.uncredited_media"])
    );
}

#[test]
fn media_checks_need_the_columns() {
    let mut x = Data::new(&["acme", "anna"]);
    x.d.columns.insert(
        TableKind::Posts,
        ["id", "author", "created_at", "text"]
            .map(String::from)
            .to_vec(),
    );
    let p = x.add(1, 1, "Iets");
    x.repost(0, 2, p);
    let s = run(&x.d, BRAND);
    let m = s.metric("sharing.uncredited_media").expect("metric");
    assert_eq!(m.value, None);
    assert!(
        m.display.starts_with("not computable — add the media"),
        "{}",
        m.display
    );
    assert!(s.missing.iter().any(|m| m.add.contains("media")));
}

#[test]
fn quotes_of_accounts_that_do_not_follow_the_brand_are_flagged() {
    let mut x = Data::new(&["acme", "anna", "piet", "acme_nl"]);
    let a = x.add(1, 1, "Koffie is beter met havermelk");
    let p = x.add(2, 1, "Thee is beter dan koffie");
    let own = x.add(3, 1, "Wij van acme");
    let qa = x.quote(0, 2, a, "Mee eens!");
    x.quote(0, 2, p, "Nou nee");
    x.quote(0, 2, own, "Zie onze andere post");
    // Without a follows table the rule cannot be checked.
    let s = run(&x.d, BRAND);
    let m = s.metric("sharing.quotes_without_follow").expect("metric");
    assert_eq!(m.value, None);
    assert_eq!(m.display, "not computable — add follows");
    assert!(s.missing.iter().any(|m| m.add.contains("follows")));
    // piet follows the brand's second account; anna follows only piet.
    x.follow(2, 3);
    x.follow(1, 2);
    let s = run(&x.d, BRAND);
    assert_eq!(value(&s, "quotes_without_follow"), Some(1.0));
    let t = table(&s, "quotes-without-follow").expect("table");
    assert_eq!(t.rows.len(), 1);
    assert_eq!(
        (t.rows[0][0].as_str(), t.rows[0][3].as_str()),
        (&*format!("p{qa}"), "@anna")
    );
    let r = s
        .recommendations
        .iter()
        .find(|r| r.evidence == ["sharing.quotes_without_follow"])
        .expect("advice");
    assert_eq!(r.action, "Ask permission before quoting @anna.");
}

// ------------------------------------------------------------------------------------
// The near-copy detector, measured on a labelled set
// ------------------------------------------------------------------------------------

const COMMON: [&str; 24] = [
    "de", "het", "een", "en", "van", "in", "is", "op", "te", "dat", "je", "we", "met", "voor",
    "niet", "maar", "ook", "als", "bij", "nog", "wat", "zo", "er", "om",
];
const CONTENT: [&str; 119] = [
    "koffie",
    "bonen",
    "branden",
    "espresso",
    "melk",
    "latte",
    "kop",
    "smaak",
    "zuur",
    "zoet",
    "bitter",
    "rond",
    "vers",
    "oogst",
    "boer",
    "prijs",
    "markt",
    "winkel",
    "café",
    "barista",
    "molen",
    "filter",
    "water",
    "graden",
    "minuten",
    "dagen",
    "week",
    "ochtend",
    "avond",
    "weekend",
    "stad",
    "fiets",
    "regen",
    "zon",
    "taart",
    "appel",
    "chocolade",
    "hazelnoot",
    "karamel",
    "bloemen",
    "fruit",
    "citroen",
    "bes",
    "kers",
    "aarde",
    "hout",
    "rook",
    "thee",
    "kruiden",
    "gember",
    "kaneel",
    "vanille",
    "suiker",
    "zout",
    "brood",
    "kaas",
    "boter",
    "ontbijt",
    "lunch",
    "diner",
    "vriend",
    "buurman",
    "collega",
    "moeder",
    "kind",
    "hond",
    "kat",
    "boek",
    "muziek",
    "radio",
    "krant",
    "foto",
    "film",
    "serie",
    "spel",
    "sport",
    "voetbal",
    "tennis",
    "zwemmen",
    "wandelen",
    "fietsen",
    "reizen",
    "trein",
    "bus",
    "auto",
    "station",
    "haven",
    "strand",
    "bos",
    "park",
    "tuin",
    "keuken",
    "tafel",
    "stoel",
    "lamp",
    "raam",
    "deur",
    "dak",
    "muur",
    "vloer",
    "kleur",
    "rood",
    "blauw",
    "groen",
    "geel",
    "wit",
    "zwart",
    "groot",
    "klein",
    "warm",
    "koud",
    "snel",
    "traag",
    "nieuw",
    "oud",
    "mooi",
    "lelijk",
    "goed",
    "slecht",
];

fn word(rng: &mut Rng) -> &'static str {
    if rng.next_f64() < 0.35 {
        COMMON[rng.below(COMMON.len() as u64) as usize]
    } else {
        CONTENT[rng.below(CONTENT.len() as u64) as usize]
    }
}

fn sentence(rng: &mut Rng, len: usize) -> Vec<&'static str> {
    (0..len).map(|_| word(rng)).collect()
}

/// A text from words: capitalised, a comma and a full stop here and there.
fn render(words: &[&str]) -> String {
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push(if i % 11 == 0 {
                '.'
            } else if i % 7 == 0 {
                ','
            } else {
                ' '
            });
            if i % 11 == 0 || i % 7 == 0 {
                s.push(' ');
            }
        }
        if i == 0 || i % 11 == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

/// Kinds of labelled pair, and whether each is a copy.
const KINDS: [(&str, bool); 7] = [
    ("exact copy, other case, tags and links", true),
    ("1 word in 15 changed", true),
    ("1 word in 15 added", true),
    ("halves swapped", true),
    ("unrelated, same vocabulary", false),
    ("shares one 6-word phrase", false),
    ("1 word in 8 changed (heavy edit)", true),
];
const PER_KIND: usize = 40;

/// Sources, queries, and for each query its labelled source and kind.
fn labelled_set(seed: u64) -> (Vec<String>, Vec<String>, Vec<(usize, usize)>) {
    let mut rng = Rng::new(seed);
    let mut sources = Vec::new();
    let mut queries = Vec::new();
    let mut labels = Vec::new();
    for (kind, _) in KINDS.iter().enumerate() {
        for _ in 0..PER_KIND {
            let len = 15 + rng.below(31) as usize;
            let orig = sentence(&mut rng, len);
            let mut q = orig.clone();
            let edits = |per: usize| (len / per).max(1);
            match kind {
                0 => {}
                1 | 6 => {
                    let per = if kind == 1 { 15 } else { 8 };
                    let pos = rng.sample(len as u32, edits(per) as u32);
                    for p in pos {
                        q[p as usize] = CONTENT[rng.below(CONTENT.len() as u64) as usize];
                    }
                }
                2 => {
                    for _ in 0..edits(15) {
                        let at = rng.below(q.len() as u64 + 1) as usize;
                        q.insert(at, CONTENT[rng.below(CONTENT.len() as u64) as usize]);
                    }
                }
                3 => q.rotate_left(len / 2),
                4 => {
                    let n = 15 + rng.below(31) as usize;
                    q = sentence(&mut rng, n);
                }
                _ => {
                    let n = 15 + rng.below(31) as usize;
                    let mut other = sentence(&mut rng, n);
                    let at = rng.below(len as u64 - 6) as usize;
                    let to = rng.below(other.len() as u64) as usize;
                    for (k, w) in orig[at..at + 6].iter().enumerate() {
                        other.insert(to + k, *w);
                    }
                    q = other;
                }
            }
            let mut text = render(&q);
            if kind == 0 {
                text = format!(
                    "{} #koffie @anna https://x.example/{}",
                    text.to_uppercase(),
                    rng.below(1000)
                );
            }
            labels.push((sources.len(), kind));
            sources.push(render(&orig));
            queries.push(text);
        }
    }
    // Distractors: more unrelated sources.
    for _ in 0..200 {
        let len = 15 + rng.below(31) as usize;
        sources.push(render(&sentence(&mut rng, len)));
    }
    (sources, queries, labels)
}

fn params() -> Params {
    Params {
        similarity: 0.6,
        shingle: 3,
        min_words: 5,
        hashes: 128,
        bands: 32,
        seed: 42,
    }
}

/// Precision and recall of `found` against `truth`.
fn pr(found: &BTreeSet<(u32, u32)>, truth: &BTreeSet<(u32, u32)>) -> (f64, f64) {
    let tp = found.intersection(truth).count() as f64;
    let p = if found.is_empty() {
        1.0
    } else {
        tp / found.len() as f64
    };
    let r = if truth.is_empty() {
        1.0
    } else {
        tp / truth.len() as f64
    };
    (p, r)
}

fn run_detector(sources: &[String], queries: &[String], p: &Params) -> crate::minhash::Detection {
    let q: Vec<(u32, &str)> = queries
        .iter()
        .enumerate()
        .map(|(i, t)| (i as u32, t.as_str()))
        .collect();
    detect(
        &q,
        sources.len(),
        |s| Some(sources[s as usize].as_str()),
        |_, _| true,
        p,
    )
}

#[test]
fn near_copy_detector_precision_and_recall_on_a_labelled_set() {
    let (sources, queries, labels) = labelled_set(2026);
    let p = params();
    let det = run_detector(&sources, &queries, &p);
    let found: BTreeSet<(u32, u32)> = det.pairs.iter().map(|x| (x.query, x.source)).collect();

    // Truth 1: the exact Jaccard similarity of every query with every source.
    let sets: Vec<Vec<u64>> = sources.iter().map(|t| shingle_set(t, 3).0).collect();
    let mut truth = BTreeSet::new();
    for (qi, q) in queries.iter().enumerate() {
        let qs = shingle_set(q, 3).0;
        for (si, s) in sets.iter().enumerate() {
            if jaccard(&qs, s) >= p.similarity {
                truth.insert((qi as u32, si as u32));
            }
        }
    }
    let (p_truth, r_truth) = pr(&found, &truth);

    // Truth 2: the labels (the heavy edits are measured apart: beyond what 0.6 allows).
    let main: BTreeSet<(u32, u32)> = labels
        .iter()
        .enumerate()
        .filter(|(_, (_, k))| KINDS[*k].1 && *k != 6)
        .map(|(q, (s, _))| (q as u32, *s as u32))
        .collect();
    let heavy: BTreeSet<(u32, u32)> = labels
        .iter()
        .enumerate()
        .filter(|(_, (_, k))| *k == 6)
        .map(|(q, (s, _))| (q as u32, *s as u32))
        .collect();
    let found_main: BTreeSet<(u32, u32)> = found
        .iter()
        .copied()
        .filter(|(q, _)| labels[*q as usize].1 != 6)
        .collect();
    let (p_label, r_label) = pr(&found_main, &main);
    let heavy_recall = found.intersection(&heavy).count() as f64 / heavy.len() as f64;
    // The MinHash estimate alone (no exact check) against the exact truth.
    let est: BTreeSet<(u32, u32)> = det
        .pairs
        .iter()
        .filter(|x| x.estimate >= p.similarity)
        .map(|x| (x.query, x.source))
        .collect();
    let per_kind: Vec<String> = KINDS
        .iter()
        .enumerate()
        .map(|(k, (name, _))| {
            let hit = labels
                .iter()
                .enumerate()
                .filter(|(q, (s, kind))| *kind == k && found.contains(&(*q as u32, *s as u32)))
                .count();
            format!("{name}: {hit}/{PER_KIND}")
        })
        .collect();
    eprintln!(
        "near-copy detector: {} queries, {} sources, {} signed, {} candidate pairs verified, {} found\n\
         vs exact Jaccard ≥ 0.6 ({} pairs): precision {p_truth:.3}, recall {r_truth:.3}\n\
         vs labels ({} copies): precision {p_label:.3}, recall {r_label:.3}; heavy edits found {heavy_recall:.3}\n\
         MinHash estimate ≥ 0.6 among found pairs: {}/{}\n  {}",
        queries.len(),
        sources.len(),
        det.signed,
        det.candidates,
        found.len(),
        truth.len(),
        main.len(),
        est.len(),
        found.len(),
        per_kind.join("\n  ")
    );
    assert!(p_truth >= 0.999, "every reported pair is verified exactly");
    assert!(r_truth >= 0.95, "recall against the exact truth {r_truth}");
    assert!(p_label >= 0.95, "precision against the labels {p_label}");
    assert!(r_label >= 0.9, "recall against the labels {r_label}");
    // Negatives are never reported.
    assert!(
        labels
            .iter()
            .enumerate()
            .filter(|(_, (_, k))| !KINDS[*k].1)
            .all(|(q, (s, _))| !found.contains(&(q as u32, *s as u32)))
    );
    // Deterministic: the same result on a second run, and with one thread.
    assert_eq!(run_detector(&sources, &queries, &p), det);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool")
        .install(|| run_detector(&sources, &queries, &p));
    assert_eq!(one, det);
}

#[test]
fn lsh_recall_just_above_the_threshold() {
    // 500 pairs whose exact similarity lies in [0.6, 0.65]: the hardest pairs to find. LSH
    // with 32 bands of 4 rows finds a pair of similarity 0.6 with probability
    // 1 − (1 − 0.6⁴)³² = 0.988.
    let mut rng = Rng::new(11);
    let (mut sources, mut queries) = (Vec::new(), Vec::new());
    while sources.len() < 500 {
        let len = 20 + rng.below(30) as usize;
        let orig: Vec<String> = (0..len)
            .map(|_| format!("w{}", rng.below(1 << 20)))
            .collect();
        let mut q = orig.clone();
        let edits = 1 + rng.below(4) as u32;
        for p in rng.sample(len as u32, edits.min(len as u32)) {
            q[p as usize] = format!("x{}", rng.below(1 << 20));
        }
        let (a, b) = (orig.join(" "), q.join(" "));
        let j = jaccard(&shingle_set(&a, 3).0, &shingle_set(&b, 3).0);
        if (0.6..=0.65).contains(&j) {
            sources.push(a);
            queries.push(b);
        }
    }
    let det = run_detector(&sources, &queries, &params());
    let found = det.pairs.iter().filter(|x| x.query == x.source).count();
    let recall = found as f64 / 500.0;
    eprintln!("LSH recall for similarity in [0.6, 0.65]: {recall:.3} (theory at 0.6: 0.988)");
    assert!(recall >= 0.95, "{recall}");
    assert_eq!(det.pairs.len(), found, "no other pair reaches 0.6");
}

#[test]
fn too_few_bands_lose_recall() {
    // One band of 128 rows only finds (almost) identical pairs: the recall against the
    // exact truth must drop, which shows the measurement above can fail.
    let (sources, queries, labels) = labelled_set(2026);
    let mut p = params();
    p.bands = 1;
    let det = run_detector(&sources, &queries, &p);
    let found: BTreeSet<(u32, u32)> = det.pairs.iter().map(|x| (x.query, x.source)).collect();
    let edited: Vec<(u32, u32)> = labels
        .iter()
        .enumerate()
        .filter(|(_, (_, k))| (1..=3).contains(k))
        .map(|(q, (s, _))| (q as u32, *s as u32))
        .collect();
    let hit = edited.iter().filter(|x| found.contains(x)).count();
    assert!(hit * 2 < edited.len(), "{hit} of {}", edited.len());
}

// ------------------------------------------------------------------------------------
// Settings, missing data, determinism
// ------------------------------------------------------------------------------------

#[test]
fn settings_errors_name_key_value_and_expectation() {
    let x = cascade_data();
    let err = |toml: &str| {
        run_lang(&x.d, &format!("[plugins.sharing]\n{toml}\n"), Lang::En)
            .expect_err(toml)
            .to_string()
    };
    assert!(
        err("similarity = 1.5").contains("similarity = 1.5: expected a number from 0.05 to 1"),
        "{}",
        err("similarity = 1.5")
    );
    assert!(err("bands = 30").contains("bands = 30: expected a divisor of hashes = 128"));
    assert!(
        err("shingle = 4\nmin_words = 3").contains("min_words = 3: expected at least shingle = 4")
    );
    let e = err("simlarity = 0.5");
    assert!(
        e.contains("unknown key `simlarity`") && e.contains("similarity"),
        "{e}"
    );
    assert!(
        run_lang(
            &x.d,
            "[plugins.sharing]\nsimilarity = 0.8\nshingle = 2\nhashes = 64\nbands = 16\nseed = 1\ntop = 3\n",
            Lang::En
        )
        .is_ok()
    );
}

#[test]
fn without_brand_there_is_no_score_and_a_missing_note() {
    let x = cascade_data();
    let s = run(&x.d, "");
    assert!(s.score.is_none());
    assert!(s.missing.iter().any(|m| m.add.contains("brand")));
    assert!(s.metric("sharing.uncredited_copies").is_none());
    assert_eq!(value(&s, "cascades"), Some(2.0));
    // With a brand that has own posts there is a score with its rule.
    let (x, _, _) = copy_case(20, COPY);
    let s = run(&x.d, BRAND);
    let sc = s.score.as_ref().expect("score");
    assert!(sc.rule.contains("strong from 70"), "{}", sc.rule);
}

#[test]
fn empty_data_gives_a_section() {
    let s = run(&Dataset::default(), BRAND);
    assert!(!s.summary.is_empty());
    assert!(s.score.is_none());
}

#[test]
fn output_is_deterministic() {
    let (mut x, _, _) = copy_case(1, COPY);
    let c = cascade_data();
    for p in c.d.posts {
        x.d.posts.push(p);
    }
    let a = run(&x.d, BRAND);
    assert_eq!(a, run(&x.d, BRAND));
    assert_eq!(
        run_lang(&x.d, BRAND, Lang::Nl).expect("nl"),
        run_lang(&x.d, BRAND, Lang::Nl).expect("nl")
    );
}

/// Speed on a generated benchmark folder (`shared/bench/gen.py`): run with
/// `HONEYCOMB_BENCH_DATA=DIR cargo test --release -p honeycomb-sharing -- --ignored --nocapture`.
/// The brand is `user1`, or the accounts in `HONEYCOMB_BENCH_BRAND` (comma-separated).
/// The repost forest is built by the core on first use and timed apart.
#[test]
#[ignore = "benchmark"]
fn bench_folder() {
    let Ok(dir) = std::env::var("HONEYCOMB_BENCH_DATA") else {
        eprintln!("set HONEYCOMB_BENCH_DATA to a data folder");
        return;
    };
    let t = std::time::Instant::now();
    let loaded = honeycomb_core::load_folder(
        std::path::Path::new(&dir),
        &honeycomb_core::LoadOptions::default(),
    )
    .expect("load");
    eprintln!("load {:.2?}", t.elapsed());
    let brand = std::env::var("HONEYCOMB_BENCH_BRAND").unwrap_or_else(|_| "user1".into());
    let list: Vec<String> = brand.split(',').map(|b| format!("\"{b}\"")).collect();
    let config =
        Config::parse(&format!("[report]\nbrand = [{}]\n", list.join(", "))).expect("config");
    let cx = Context::new(&loaded.data, &config, ContextOptions::default());
    let t = std::time::Instant::now();
    cx.repost_forest();
    eprintln!("repost forest (core) {:.3?}", t.elapsed());
    // The same data without a brand: no copyright checks.
    let plain = Config::parse("").expect("config");
    let cx0 = Context::new(&loaded.data, &plain, ContextOptions::default());
    cx0.repost_forest();
    let settings = crate::Settings::default();
    let median = |mut v: Vec<std::time::Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (mut times, mut without, mut analysis, mut section) = (vec![], vec![], vec![], vec![]);
    for _ in 0..7 {
        let t = std::time::Instant::now();
        let s = SharingPlugin.analyze(&cx).expect("analyze");
        times.push(t.elapsed());
        let t = std::time::Instant::now();
        SharingPlugin.analyze(&cx0).expect("analyze");
        without.push(t.elapsed());
        let t = std::time::Instant::now();
        let a = crate::analysis::Analysis::new(&cx, &settings);
        analysis.push(t.elapsed());
        let t = std::time::Instant::now();
        crate::report::build(&cx, &settings, &a);
        section.push(t.elapsed());
        eprintln!(
            "sharing plugin {:.3?}: {} cascades, {} brand posts checked, {} copies",
            times[times.len() - 1],
            s.frames[0].rows(),
            value(&s, "checked_posts").unwrap_or(0.0),
            value(&s, "uncredited_copies").unwrap_or(0.0),
        );
    }
    // On the medium benchmark folder, the cascades match the pandas peer's
    // `sharing_cascades` step (shared/bench/RESULTS.md): 35,531 cascades, mean size
    // 3.814444, largest 831, depth histogram [0, 29353, 4661, 1082, 301, 97, 27, 5, 2, 2, 1].
    if dir.trim_end_matches('/').ends_with("medium") {
        let a = crate::analysis::Analysis::new(&cx0, &settings);
        let sizes: u64 = a.cascades.iter().map(|c| c.size as u64).sum();
        assert_eq!(a.cascades.len(), 35_531);
        assert!((sizes as f64 / 35_531.0 - 3.814444).abs() < 1e-6);
        assert_eq!(a.cascades[0].size, 831);
        assert_eq!(
            a.depth_hist,
            [0, 29353, 4661, 1082, 301, 97, 27, 5, 2, 2, 1]
        );
    }
    let (all, none) = (median(times.clone()), median(without));
    eprintln!(
        "median of 7: plugin {all:.3?}; without a brand (no copyright checks) {none:.3?}; \
         analysis {:.3?} + section {:.3?}",
        median(analysis),
        median(section)
    );
    std::mem::forget(loaded);
}

#[test]
fn words_are_normalised_the_same_on_every_path() {
    let words = |t: &str| {
        let mut v = Vec::new();
        crate::text::for_each_word(t, |h| {
            v.push(h);
            true
        });
        v
    };
    let base = words("maalt koffie café verschgebrande espressobonen");
    for t in [
        "Maalt KOFFIE Café verschgebrande espressobonen",
        "(maalt: koffie, CAFÉ! versch-gebrande espresso'bonen.",
        "maalt @anna koffie #tag café https://x.example www.y.nl verschgebrande a@b.nl espressobonen 🎉",
        "maalt\tkoffie\u{a0}café\nverschgebrande espressobonen",
    ] {
        assert_eq!(words(t), base, "{t}");
    }
    assert_ne!(words("koffie maalt"), words("maalt koffie"));
    assert_eq!(words("!!! 🎉 ---"), Vec::<u64>::new());
    // The bound on words that lets the detector stop early is never below the count.
    for t in [
        "a b c",
        "a\u{a0}b\u{2003}c\u{3000}d\u{85}e\u{1680}f\u{2028}g",
        "  a  ",
        "",
        "één twee drie",
    ] {
        assert!(crate::text::max_words(t) >= words(t).len(), "{t:?}");
    }
}

#[test]
fn the_fast_ascii_reader_agrees_with_the_bytewise_one() {
    let mut rng = Rng::new(5);
    let alphabet: Vec<char> = "abcXYZ019 .,:;!?'\"()-\n\t@#/hwtps\u{1}\u{a0}é🎉ßÉ日\u{3000}"
        .chars()
        .collect();
    let mut texts: Vec<String> = vec![
        String::new(),
        " ".into(),
        "http://x.nl www.y.nl https://z hTTp://q H w".into(),
        "a".repeat(70),
        format!("{} {} x", "b".repeat(63), "c".repeat(130)),
        format!("{}don't{}", " ".repeat(61), " stop".repeat(20)),
    ];
    for _ in 0..3000 {
        let len = rng.below(200) as usize;
        let t: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
            .collect();
        texts.push(t);
    }
    for t in &texts {
        let mut fast = Vec::new();
        let n = crate::text::for_each_word(t, |h| {
            fast.push(h);
            true
        });
        assert_eq!(fast, crate::text::words_reference(t), "{t:?}");
        assert_eq!(n, fast.len());
        // Stopping early stops at once.
        let mut k = 0;
        let seen = crate::text::for_each_word(t, |_| {
            k += 1;
            k < 2
        });
        assert_eq!(seen, fast.len().min(2), "{t:?}");
    }
}
