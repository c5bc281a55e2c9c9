//! Tests of the relationships plugin on small hand-built networks.

use crate::RelationshipsPlugin;
use honeycomb_core::{
    Account, Config, Context, ContextOptions, Dataset, Follow, FollowKind, Lang, NO_TIME, Plugin,
    Post, Section,
};

/// Accounts `0..n` with handles `a0`, `a1`, …
fn dataset(n: usize, follows: &[(u32, u32)]) -> Dataset {
    let mut d = Dataset::default();
    for i in 0..n {
        d.accounts.push(Account {
            id: format!("{i}").into(),
            handle: Some(format!("a{i}").into()),
            declared: true,
            ..Account::default()
        });
    }
    for &(s, t) in follows {
        d.follows.push(Follow {
            source: s,
            target: t,
            created_at: NO_TIME,
            weight: 1.0,
            kind: FollowKind::Follow,
        });
    }
    d.columns.insert(
        honeycomb_core::TableKind::Follows,
        vec!["source".into(), "target".into()],
    );
    d
}

fn run(d: &Dataset, toml: &str, lang: Lang) -> Result<Section, honeycomb_core::PluginError> {
    let cfg = Config::parse(toml).expect("config");
    let mut opts = ContextOptions::default();
    opts.lang = Some(lang);
    let cx = Context::new(d, &cfg, opts);
    RelationshipsPlugin.analyze(&cx)
}

fn value(s: &Section, key: &str) -> Option<f64> {
    s.metric(&format!("relationships.{key}"))
        .and_then(|m| m.value)
}

/// A star around 1 (everyone follows 1), 1 follows 2 and 3 back; 0 is the brand, followed
/// by 2 and following 3; 4 ↔ 5 is a separate pair.
fn star() -> Dataset {
    let mut f = vec![
        (0, 1),
        (2, 1),
        (3, 1),
        (6, 1),
        (7, 1),
        (1, 2),
        (1, 3),
        (2, 0),
        (0, 3),
    ];
    f.extend([(4, 5), (5, 4)]);
    dataset(8, &f)
}

#[test]
fn leaders_brand_ties_and_network_figures() {
    let d = star();
    let s = run(
        &d,
        "[report]\nbrand = [\"a0\"]\n[plugins.relationships]\nleaders = 3\n",
        Lang::En,
    )
    .expect("section");
    // 8 accounts, all with a relation; 11 arcs; density 11 / (8·7).
    assert_eq!(value(&s, "accounts"), Some(8.0));
    assert_eq!(value(&s, "arcs"), Some(11.0));
    assert!((value(&s, "density").expect("density") - 11.0 / 56.0).abs() < 1e-12);
    // Reverse exists for 1↔2, 1↔3, 4↔5: 6 of 11 arcs.
    assert!((value(&s, "reciprocity").expect("r") - 600.0 / 11.0).abs() < 1e-9);
    // Components: {0,1,2,3,6,7} and {4,5}.
    assert_eq!(value(&s, "components"), Some(2.0));
    assert!((value(&s, "largest_component").expect("lc") - 75.0).abs() < 1e-9);
    // The brand (0) has follower 2 and follows 3 and 1: follow-back 0 of 1.
    assert_eq!(value(&s, "followers"), Some(1.0));
    assert_eq!(value(&s, "following"), Some(2.0));
    assert_eq!(value(&s, "follow_back"), Some(0.0));
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "opinion-leaders")
        .expect("leader table");
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[0][1], "@a1", "the hub leads");
    assert!(
        t.rows.iter().all(|r| r[1] != "@a0"),
        "the brand is never listed"
    );
    // @a1: the brand follows it ("You follow" = yes), it does not follow the brand.
    let col = |name: &str| t.columns.iter().position(|c| c == name).expect(name);
    assert_eq!(t.rows[0][col("Follows you")], "no");
    assert_eq!(t.rows[0][col("You follow")], "yes");
    // Score: mean of the brand's opinion-leader score and the connected share of leaders.
    let sc = s.score.as_ref().expect("score").value;
    assert!(sc > 0.0 && sc <= 100.0);
    // Per-account columns for metrics/accounts.csv, one cell per account.
    for name in [
        "in_degree",
        "out_degree",
        "pagerank",
        "betweenness",
        "harmonic_closeness",
        "opinion_leader",
    ] {
        let c = s
            .entity_columns
            .iter()
            .find(|c| c.name == name)
            .expect(name);
        assert_eq!(c.values.len(), 8, "{name}");
    }
    let indeg = s
        .entity_columns
        .iter()
        .find(|c| c.name == "in_degree")
        .expect("in");
    assert_eq!(indeg.values.cell(1), "5");
    // Betweenness normalised by (n−1)(n−2): node 1 lies on every path through the hub.
    let b = s
        .entity_columns
        .iter()
        .find(|c| c.name == "betweenness")
        .expect("b");
    let b1: f64 = b.values.cell(1).parse().expect("number");
    assert!(b1 > 0.0 && b1 <= 1.0);
    assert_eq!(s.graph_exports.len(), 1, "the network files are requested");
    assert!(s.charts.iter().any(|c| c.id == "degree-distribution"));
}

#[test]
fn unconnected_leaders_lead_to_advice_in_dutch() {
    let d = star();
    // The brand is 4: only tied to 5, which is not among the top leaders.
    let s = run(
        &d,
        "[report]\nbrand = [\"a4\"]\n[plugins.relationships]\nleaders = 2\n",
        Lang::Nl,
    )
    .expect("section");
    assert_eq!(value(&s, "leaders_unconnected"), Some(2.0));
    let r = s
        .recommendations
        .iter()
        .find(|r| r.action.contains("@a1"))
        .expect("advice names the unconnected leader");
    assert!(r.action.contains("Bouw een relatie op"), "{}", r.action);
    assert!(
        r.evidence
            .contains(&"relationships.leaders_unconnected".to_string())
    );
    assert!(
        s.summary.contains("Het netwerk heeft 8 accounts"),
        "{}",
        s.summary
    );
}

#[test]
fn without_brand_there_is_no_score_and_a_missing_note() {
    let s = run(&star(), "", Lang::En).expect("section");
    assert!(s.score.is_none());
    assert!(s.missing.iter().any(|m| m.add.contains("brand")));
    assert!(s.recommendations.is_empty(), "no brand, no brand advice");
}

#[test]
fn sampling_is_reported_with_its_error() {
    let mut f = Vec::new();
    for i in 0..60u32 {
        f.push((i, (i + 1) % 60));
        f.push((i, (i * 7 + 3) % 60));
    }
    let d = dataset(60, &f);
    let s = run(
        &d,
        "[plugins.relationships]\nexact_limit = 0\npivots = 10\n",
        Lang::En,
    )
    .expect("section");
    let m = s.metric("relationships.betweenness_error").expect("metric");
    assert!(
        m.definition.contains("10 randomly chosen"),
        "{}",
        m.definition
    );
    assert!(m.value.is_some_and(|v| v > 0.0));
    let exact = run(&d, "", Lang::En).expect("section");
    assert_eq!(
        exact
            .metric("relationships.betweenness_error")
            .map(|m| m.display.as_str()),
        Some("exact")
    );
}

#[test]
fn interaction_networks_come_from_posts() {
    let mut d = dataset(3, &[]);
    d.follows.clear();
    d.columns.clear();
    let post = |id: &str, author: u32, text: &str| {
        let mut p = Post {
            id: id.into(),
            author,
            created_at: 1_700_000_000,
            ..Post::default()
        };
        p.set_entities(honeycomb_core::text::mentions(text), Vec::new(), Vec::new());
        p
    };
    d.posts.push(post("p1", 0, "hi @a1 and @A1"));
    d.posts.push(post("p2", 2, "@a1 yes"));
    let mut reply = post("p3", 1, "thanks");
    reply.reply_to = Some(1);
    d.posts.push(reply);
    let s = run(&d, "", Lang::En).expect("section");
    // Auto: no follows, so mentions (0→1 twice, 2→1) and the reply (1→2): 3 arcs.
    assert_eq!(value(&s, "arcs"), Some(3.0));
    assert!(s.missing.iter().any(|m| m.what.contains("follow network")));
    let only = run(
        &d,
        "[plugins.relationships]\nedges = [\"reply\"]\n",
        Lang::En,
    )
    .expect("section");
    assert_eq!(value(&only, "arcs"), Some(1.0));
}

#[test]
fn settings_errors_name_key_value_and_expectation() {
    let d = star();
    let e = run(&d, "[plugins.relationships]\nleaders = 0\n", Lang::En).expect_err("range");
    assert!(
        e.to_string()
            .contains("leaders = 0: expected a whole number from 1 to 1000"),
        "{e}"
    );
    let e = run(
        &d,
        "[plugins.relationships]\nedges = [\"likes\"]\n",
        Lang::En,
    )
    .expect_err("edges");
    assert!(e.to_string().contains("edges"), "{e}");
    let e = run(&d, "[plugins.relationships]\nleader = 3\n", Lang::En).expect_err("unknown");
    assert!(e.to_string().contains("unknown key `leader`"), "{e}");
    let small = run(
        &d,
        "[plugins.relationships]\nexport_max_arcs = 5\n",
        Lang::En,
    )
    .expect("ok");
    assert!(small.graph_exports.is_empty());
    assert!(
        small
            .findings
            .iter()
            .any(|f| f.text.contains("export_max_arcs"))
    );
}

#[test]
fn an_ego_network_is_not_judged() {
    // Everyone follows the brand 0 or is followed by it, and nobody else relates: the brand
    // is central by construction, so the block gets no score, with the reason.
    let d = dataset(5, &[(1, 0), (2, 0), (0, 3), (4, 0), (0, 1)]);
    let s = run(&d, "[report]\nbrand = [\"a0\"]\n", Lang::En).expect("section");
    assert!(s.score.is_none());
    assert!(
        s.unscored
            .as_deref()
            .is_some_and(|w| w.contains("central by construction")),
        "{:?}",
        s.unscored
    );
    // One relation between two others is enough to judge.
    let d = dataset(5, &[(1, 0), (2, 0), (0, 3), (4, 0), (0, 1), (2, 3)]);
    let s = run(&d, "[report]\nbrand = [\"a0\"]\n", Lang::En).expect("section");
    assert!(s.score.is_some() && s.unscored.is_none());
}
