//! Hand-built datasets with hand-computed expectations.

use crate::analysis::{AutoReason, Basis};
use crate::settings::Method;
use crate::{ReputationPlugin, Settings, bayesian_average, h_index, trend, wilson_lower};
use honeycomb_core::{
    Account, ChartKind, Config, Context, ContextOptions, Dataset, Entity, EntityColumn, Follow,
    FollowKind, Lang, NO_TIME, Plugin, PluginError, Post, Rating, RatingKind, Section, TableKind,
};

fn ts(s: &str) -> i64 {
    s.parse::<jiff::Timestamp>()
        .expect("test timestamp")
        .as_second()
}

fn data(ids: &[&str]) -> Dataset {
    Dataset {
        accounts: ids
            .iter()
            .map(|id| Account {
                id: (*id).into(),
                handle: Some((*id).into()),
                declared: true,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn post(d: &mut Dataset, author: u32, at: &str, likes: u32) -> u32 {
    let id = format!("p{}", d.posts.len());
    d.posts.push(Post {
        id: id.into(),
        author,
        created_at: ts(at),
        likes: Some(likes),
        reposts: Some(0),
        replies: Some(0),
        ..Default::default()
    });
    d.posts.len() as u32 - 1
}

fn mention(d: &mut Dataset, p: u32, who: &[&str]) {
    d.posts[p as usize].set_entities(
        who.iter().map(|&m| m.into()).collect(),
        Vec::new(),
        Vec::new(),
    );
}

fn rate(d: &mut Dataset, post: u32, rater: u32, score: f32, kind: RatingKind) {
    d.ratings.push(Rating {
        post,
        rater,
        created_at: NO_TIME,
        score,
        kind,
    });
    d.columns
        .entry(TableKind::Ratings)
        .or_insert_with(|| ["post", "rater", "score"].map(String::from).to_vec());
}

fn run_lang(d: &Dataset, toml: &str, lang: Lang) -> Result<Section, PluginError> {
    let config = Config::parse(toml).expect("test config");
    let mut opts = ContextOptions::default();
    opts.lang = Some(lang);
    let cx = Context::new(d, &config, opts);
    ReputationPlugin.analyze(&cx)
}

fn run(d: &Dataset, toml: &str) -> Section {
    run_lang(d, toml, Lang::En).expect("analyze")
}

fn value(s: &Section, key: &str) -> Option<f64> {
    s.metric(&format!("reputation.{key}")).and_then(|m| m.value)
}

fn column<'s>(s: &'s Section, name: &str) -> &'s EntityColumn {
    entity_column(s, Entity::Account, name)
}

fn entity_column<'s>(s: &'s Section, entity: Entity, name: &str) -> &'s EntityColumn {
    s.entity_columns
        .iter()
        .find(|c| c.name == name && c.entity == entity)
        .unwrap_or_else(|| panic!("column {name}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn bayesian_average_by_hand() {
    // Ratings 5 and 4, C = 10, m = 3: (10·3 + 5 + 4) / (10 + 2) = 39 / 12 = 3.25.
    assert!(close(
        bayesian_average(9.0, 2, 10.0, 3.0).expect("value"),
        3.25
    ));
    // No ratings: the prior mean itself, (10·3.5 + 0) / 10 = 3.5.
    assert!(close(
        bayesian_average(0.0, 0, 10.0, 3.5).expect("value"),
        3.5
    ));
    // C = 0: the plain mean, 14 / 4 = 3.5; C = 0 and no ratings: undefined.
    assert!(close(
        bayesian_average(14.0, 4, 0.0, 1.0).expect("value"),
        3.5
    ));
    assert_eq!(bayesian_average(0.0, 0, 0.0, 3.0), None);
}

#[test]
fn wilson_lower_bound_by_hand() {
    // 8 up, 2 down, z = 1.96: n = 10, p = 0.8, z² = 3.8416.
    // centre = 0.8 + 3.8416/20 = 0.99208; spread = 1.96·√((0.16 + 3.8416/40)/10)
    // = 1.96·√0.025604 = 1.96·0.1600125 = 0.3136245; ÷ (1 + 3.8416/10 = 1.38416):
    // (0.99208 − 0.3136245) / 1.38416 = 0.6784555 / 1.38416 = 0.4901568.
    let w = wilson_lower(8, 2, 1.96).expect("value");
    assert!((w - 0.490_156_8).abs() < 1e-6, "{w}");
    // 1 up, 0 down: p = 1, centre = 1 + 1.9208 = 2.9208, spread = 1.96·√0.9604 = 1.9208,
    // (2.9208 − 1.9208) / (1 + 3.8416) = 1 / 4.8416 = 0.2065433.
    let w = wilson_lower(1, 0, 1.96).expect("value");
    assert!((w - 0.206543).abs() < 1e-6, "{w}");
    // 0 up, 5 down: p = 0, centre = 3.8416/10 = 0.38416, spread = 1.96·√(3.8416/100)
    // = 1.96·0.196 = 0.38416: exactly 0.
    assert!(wilson_lower(0, 5, 1.96).expect("value").abs() < 1e-12);
    assert_eq!(wilson_lower(0, 0, 1.96), None);
    // More evidence for the same share raises the bound: 95 of 100 beats 2 of 2.
    assert!(wilson_lower(95, 5, 1.96) > wilson_lower(2, 0, 1.96));
}

#[test]
fn h_index_by_hand() {
    let h = |v: &[u64]| h_index(&mut v.to_vec());
    assert_eq!(h(&[10, 8, 5, 4, 3]), 4, "4 posts with ≥ 4, not 5 with ≥ 5");
    assert_eq!(h(&[25, 8, 5, 3, 3]), 3);
    assert_eq!(h(&[3, 3, 3]), 3);
    assert_eq!(h(&[4, 4, 4]), 3, "h is capped by the number of posts");
    assert_eq!(h(&[100]), 1);
    assert_eq!(h(&[0, 0]), 0);
    assert_eq!(h(&[]), 0);
    assert_eq!(h(&[1, 5, 2, 7, 0, 3]), 3, "order does not matter");
}

#[test]
fn trend_is_the_relative_slope_per_30_days() {
    // 10, 9, …, 1 per week: slope −1 per week, mean 5.5: −1 · 30/7 / 5.5 = −0.779221.
    let pts: Vec<(f64, f64)> = (0..10).map(|w| (w as f64, (10 - w) as f64)).collect();
    assert!((trend(&pts).expect("trend") + 0.779_221).abs() < 1e-6);
    assert_eq!(trend(&pts[..3]), None, "too few weeks");
    let flat: Vec<(f64, f64)> = (0..5).map(|w| (w as f64, 0.0)).collect();
    assert_eq!(trend(&flat), None, "a mean of 0 has no relative trend");
}

/// The brand `acme` (100 followers), the competitor `rival` (50), and `ann` and `bob`.
///
/// | post | author | kind | likes | other | notes |
/// |---|---|---|---|---|---|
/// | p0 | acme | original | 10 | 2 reposts | e = 12 |
/// | p1 | acme | original | 3 | | e = 3 |
/// | p2 | rival | original | 20 | 5 replies | quoted by p6: e = 26 |
/// | p3 | ann | original | 1 | | mentions @acme |
/// | p4 | bob | reply to p0 | 0 | | about acme |
/// | p5 | bob | original | 0 | | mentions @acme and @rival |
/// | p6 | ann | quote of p2 | 2 | | about rival |
///
/// Star ratings: p0 5, 4; p1 2; p2 5, 5, 5; p3 1 — 7 ratings summing to 27.
fn market() -> Dataset {
    let mut d = data(&["acme", "rival", "ann", "bob"]);
    d.accounts[0].followers = Some(100);
    d.accounts[1].followers = Some(50);
    let p0 = post(&mut d, 0, "2026-03-02T10:00:00Z", 10);
    d.posts[p0 as usize].reposts = Some(2);
    let p1 = post(&mut d, 0, "2026-03-03T10:00:00Z", 3);
    let p2 = post(&mut d, 1, "2026-03-03T12:00:00Z", 20);
    d.posts[p2 as usize].replies = Some(5);
    let p3 = post(&mut d, 2, "2026-03-04T09:00:00Z", 1);
    mention(&mut d, p3, &["acme"]);
    let p4 = post(&mut d, 3, "2026-03-04T10:00:00Z", 0);
    d.posts[p4 as usize].reply_to = Some(p0);
    let p5 = post(&mut d, 3, "2026-03-05T10:00:00Z", 0);
    mention(&mut d, p5, &["acme", "rival"]);
    let p6 = post(&mut d, 2, "2026-03-05T11:00:00Z", 2);
    d.posts[p6 as usize].quote_of = Some(p2);
    for (p, r, s) in [
        (p0, 2, 5.0),
        (p0, 3, 4.0),
        (p1, 2, 2.0),
        (p2, 2, 5.0),
        (p2, 3, 5.0),
        (p2, 0, 5.0),
        (p3, 3, 1.0),
    ] {
        rate(&mut d, p, r, s, RatingKind::Star);
    }
    d
}

const MARKET: &str = "[report]\nbrand = [\"acme\"]\ncompetitors = [\"rival\"]\n[plugins.reputation]\nprior_weight = 2\nmin_peers = 2\n";

#[test]
fn market_end_to_end() {
    let d = market();
    let s = run(&d, MARKET);
    // m = 27 / 7 = 3.857143; C = 2.
    assert!(close(value(&s, "prior_mean").expect("m"), 27.0 / 7.0));
    assert_eq!(value(&s, "ratings"), Some(7.0));
    // acme: 3 ratings summing to 11: (2·27/7 + 11) / 5 = 18.714286 / 5 = 3.742857.
    // rival: (2·27/7 + 15) / 5 = 4.542857; ann: (2·27/7 + 1) / 3 = 2.904762.
    let rep = column(&s, "reputation");
    assert_eq!(rep.values.cell(0), "3.742857");
    assert_eq!(rep.values.cell(1), "4.542857");
    assert_eq!(rep.values.cell(2), "2.904762");
    assert_eq!(rep.values.cell(3), "", "bob's posts are not rated");
    let rank = column(&s, "reputation_rank");
    assert_eq!(
        (0..4).map(|i| rank.values.cell(i)).collect::<Vec<_>>(),
        ["2", "1", "3", ""]
    );
    assert_eq!(value(&s, "brand_rank"), Some(2.0));
    assert_eq!(value(&s, "scored_accounts"), Some(3.0));
    // h-index: acme [12, 3] → 2; rival [26] (20 likes + 5 replies + 1 quote) → 1;
    // ann [1, 2] → 1; bob [0, 0] → 0.
    let h = column(&s, "h_index");
    assert_eq!(
        (0..4).map(|i| h.values.cell(i)).collect::<Vec<_>>(),
        ["2", "1", "1", "0"]
    );
    assert_eq!(value(&s, "brand_h_index"), Some(2.0));
    // Engagement rate ÷ today's followers (no views, no dated follows):
    // acme (12/100 + 3/100) / 2 = 7.5%.
    assert!(close(value(&s, "engagement_rate").expect("er"), 7.5));
    let er = entity_column(&s, Entity::Post, "engagement_rate");
    assert_eq!(er.values.cell(2), "0.520000", "rival: 26 / 50");
    // Posts about acme: p3 (mention), p4 (reply), p5 (mention) = 3; about rival: p5, p6 = 2.
    assert_eq!(value(&s, "mentions"), Some(3.0));
    assert!(close(value(&s, "share_of_voice").expect("sov"), 60.0));
    // With own posts: (2 + 3) / (2 + 3 + 1 + 2) = 62.5%.
    assert!(close(value(&s, "share_of_voice_total").expect("sov"), 62.5));
    // The brand is rated below m: a warning and advice that lists its lowest post, p1.
    assert!(s.findings.iter().any(|f| f.text.contains("below average")));
    let low = s
        .tables
        .iter()
        .find(|t| t.id == "low-rated-posts")
        .expect("low posts");
    assert_eq!(low.rows.len(), 1);
    assert_eq!(low.rows[0][0], "p1");
    // (2·27/7 + 2) / 3 = 3.238095.
    assert_eq!(low.rows[0][5], "3.24");
    let rec = s
        .recommendations
        .iter()
        .find(|r| r.action.contains("p1"))
        .expect("advice on the low post");
    assert_eq!(rec.evidence[0], "reputation.brand_quality");
    // Score: reputation percentile 1 − 1/3, h-index percentile 1 (nobody above 2):
    // 100 · (2/3 + 1) / 2 = 83.33.
    let score = s.score.as_ref().expect("score").value;
    assert!((score - 250.0 / 3.0).abs() < 1e-9, "{score}");
    // The ranking lists rival first; the comparison has the brand and the competitor.
    let ranking = s
        .tables
        .iter()
        .find(|t| t.id == "ranking")
        .expect("ranking");
    assert_eq!(ranking.rows[0][1], "@rival");
    assert_eq!(ranking.rows[0][6], "competitor");
    let comp = s
        .tables
        .iter()
        .find(|t| t.id == "competitors")
        .expect("cmp");
    assert_eq!(comp.rows.len(), 2);
    assert!(s.charts.iter().any(|c| c.id == "share-of-voice"));
    // Per-post columns: p0 has 2 ratings, Bayesian (2·27/7 + 9) / 4 = 4.178571.
    let per_post = |name: &str| entity_column(&s, Entity::Post, name).values.cell(0);
    assert_eq!(per_post("ratings"), "2");
    assert_eq!(per_post("rating_bayes"), "4.178571");
    // With the default of 5 other accounts needed, 2 are too few to rank against.
    let few = run(&d, &MARKET.replace("min_peers = 2", "min_peers = 5"));
    assert!(few.score.is_none());
    assert!(
        few.unscored
            .as_deref()
            .is_some_and(|w| w.contains("only 2 other accounts")),
        "{:?}",
        few.unscored
    );
    // Deterministic, and the Dutch report builds too.
    assert_eq!(run(&d, MARKET), s);
    let nl = run_lang(&d, MARKET, Lang::Nl).expect("nl");
    assert_eq!(nl.title, "Reputatie");
    assert!(nl.summary.contains("staat bovenaan"), "{}", nl.summary);
}

#[test]
fn auto_picks_quality_with_ratings_and_activity_without() {
    let d = market();
    let cfg = Config::parse(MARKET).expect("config");
    let cx = Context::new(&d, &cfg, ContextOptions::default());
    let st = Settings::from_context(&cx).expect("settings");
    let a = crate::analysis::Analysis::new(&cx, &st).expect("analysis");
    assert_eq!(a.method, Method::Quality);
    assert_eq!(a.auto, Some(AutoReason::Ratings(7)));
    assert_eq!(a.basis, Some(Basis::Stars));

    // Without a ratings table: activity, and it says why.
    let mut bare = market();
    bare.ratings.clear();
    bare.columns.remove(&TableKind::Ratings);
    let cx = Context::new(&bare, &cfg, ContextOptions::default());
    let a = crate::analysis::Analysis::new(&cx, &st).expect("analysis");
    assert_eq!(
        (a.method, a.auto),
        (Method::Activity, Some(AutoReason::NoRatingsTable))
    );
    let s = run(&bare, MARKET);
    assert!(
        s.missing.iter().any(|m| m.add.contains("ratings table")),
        "{:?}",
        s.missing
    );

    // Only likes: activity.
    let mut likes = market();
    for r in &mut likes.ratings {
        r.kind = RatingKind::Like;
    }
    let cx = Context::new(&likes, &cfg, ContextOptions::default());
    let a = crate::analysis::Analysis::new(&cx, &st).expect("analysis");
    assert_eq!(
        (a.method, a.auto),
        (Method::Activity, Some(AutoReason::OnlyLikes(7)))
    );

    // Set explicitly: no reason, the setting rules.
    let s = run(
        &d,
        "[report]\nbrand = [\"acme\"]\n[plugins.reputation]\nmethod = \"activity\"\n",
    );
    assert!(
        s.findings[0].text.contains("method = \"activity\""),
        "{}",
        s.findings[0].text
    );
}

#[test]
fn activity_ties_share_a_rank_and_are_listed_by_id() {
    // Within one week: acme, ann and bob 2 posts each, rival 1 (weeks floored at 1).
    let s = run(
        &market(),
        "[report]\nbrand = [\"acme\"]\n[plugins.reputation]\nmethod = \"activity\"\n",
    );
    let rank = column(&s, "reputation_rank");
    assert_eq!(
        (0..4).map(|i| rank.values.cell(i)).collect::<Vec<_>>(),
        ["1", "4", "1", "1"]
    );
    let ranking = s
        .tables
        .iter()
        .find(|t| t.id == "ranking")
        .expect("ranking");
    let names: Vec<&str> = ranking.rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, ["@acme", "@ann", "@bob", "@rival"]);
    assert_eq!(column(&s, "reputation").values.cell(0), "2.000000");
}

#[test]
fn up_and_down_votes_use_the_wilson_bound() {
    let mut d = market();
    d.ratings.clear();
    // acme: 8 up, 2 down on p0; rival: 1 up on p2.
    for i in 0..10 {
        let kind = if i < 8 {
            RatingKind::Up
        } else {
            RatingKind::Down
        };
        rate(&mut d, 0, 2 + (i % 2), 1.0, kind);
    }
    rate(&mut d, 2, 2, 1.0, RatingKind::Up);
    // Likes are not ratings: three on p0 change no count.
    for _ in 0..3 {
        rate(&mut d, 0, 3, 1.0, RatingKind::Like);
    }
    let s = run(&d, MARKET);
    assert_eq!(column(&s, "ratings_received").values.cell(0), "10");
    assert_eq!(
        entity_column(&s, Entity::Post, "ratings").values.cell(0),
        "10"
    );
    // 0.490157 (see wilson_lower_bound_by_hand) beats 1 of 1 (0.206543).
    let rep = column(&s, "reputation");
    assert_eq!(rep.values.cell(0), "0.490157");
    assert_eq!(rep.values.cell(1), "0.206543");
    assert_eq!(value(&s, "brand_rank"), Some(1.0));
    assert!(close(
        value(&s, "upvote_share").expect("share"),
        900.0 / 11.0
    ));
    assert!((value(&s, "brand_quality").expect("q") - 49.0158).abs() < 1e-3);
    assert_eq!(column(&s, "votes_up").values.cell(0), "8");
    assert!(s.missing.iter().any(|m| m.what.contains("Bayesian")));
}

#[test]
fn falling_activity_has_a_history_and_a_finding() {
    // Period 2026-01-05 (Monday) to 2026-03-15 (Sunday): 10 weeks. The brand posts 10, 9, …,
    // 1 times in week 0, 1, …, 9, each on the Wednesday.
    let mut d = data(&["acme", "fan"]);
    let wed0 = ts("2026-01-07T12:00:00Z");
    for k in 0..10i64 {
        for j in 0..(10 - k) {
            let i = post(&mut d, 0, "2026-01-07T12:00:00Z", 1);
            d.posts[i as usize].created_at = wed0 + k * 7 * 86_400 + j * 60;
        }
    }
    post(&mut d, 1, "2026-02-04T12:00:00Z", 1);
    let s = run(
        &d,
        "[report]\nbrand = [\"acme\"]\nperiod = \"2026-01-05..2026-03-15\"\n",
    );
    // Trend −1 per week on a mean of 5.5: −77.92% per 30 days.
    assert!((value(&s, "brand_activity_trend").expect("trend") + 77.922_078).abs() < 1e-4);
    assert!(s.findings.iter().any(|f| f.text.contains("less and less")));
    assert!(s.recommendations.iter().any(|r| {
        r.evidence
            .contains(&"reputation.brand_activity_trend".to_string())
    }));
    // Windows end on the Sundays from 2026-02-08 (the first whose 30 days lie in the period)
    // to 2026-03-15: 6 points. The last window, 2026-02-14 to 2026-03-15, holds the
    // Wednesdays of weeks 6 to 9: 4 + 3 + 2 + 1 = 10 posts, 10 / (30/7) = 2.3333 a week.
    let chart = s
        .charts
        .iter()
        .find(|c| c.id == "history")
        .expect("history");
    let ChartKind::Line { x, series } = &chart.kind else {
        panic!("a line chart")
    };
    assert_eq!(x.first().map(String::as_str), Some("2026-02-08"));
    assert_eq!(x.len(), 6);
    assert!((series[0].values[5] - 70.0 / 30.0).abs() < 1e-9);
    let export = s
        .exports
        .iter()
        .find(|t| t.id == "history")
        .expect("export");
    assert_eq!(export.rows.len(), 12, "two accounts × six windows");
}

#[test]
fn network_method_reads_pagerank() {
    let mut d = market();
    for (a, b) in [(2, 0), (3, 0), (0, 1), (1, 0)] {
        d.follows.push(Follow {
            source: a,
            target: b,
            created_at: NO_TIME,
            weight: 1.0,
            kind: FollowKind::Follow,
        });
    }
    let s = run(
        &d,
        "[report]\nbrand = [\"acme\"]\n[plugins.reputation]\nmethod = \"network\"\n",
    );
    let rep = column(&s, "reputation");
    let sum: f64 = (0..4)
        .map(|i| rep.values.cell(i).parse::<f64>().expect("number"))
        .sum();
    assert!((sum - 1.0).abs() < 1e-6, "PageRank sums to 1: {sum}");
    assert_eq!(
        value(&s, "brand_rank"),
        Some(1.0),
        "everyone points at acme"
    );
    assert!(
        s.missing
            .iter()
            .any(|m| m.what.contains("network position"))
    );
}

#[test]
fn odd_input_never_panics() {
    // No posts at all, in both languages, with and without a brand.
    let d = data(&["a"]);
    for toml in ["", "[report]\nbrand = [\"a\"]\ncompetitors = [\"zz\"]\n"] {
        for lang in [Lang::En, Lang::Nl] {
            let s = run_lang(&d, toml, lang).expect("section");
            assert!(s.score.is_none());
        }
    }
    // A rating with a NaN score, a self-reply, a quote of itself, no counts.
    let mut d = data(&["a", "b"]);
    let p = post(&mut d, 0, "2026-01-01T00:00:00Z", 0);
    d.posts[p as usize].likes = None;
    d.posts[p as usize].reply_to = Some(p);
    d.posts[p as usize].quote_of = Some(p);
    rate(&mut d, p, 1, f32::NAN, RatingKind::Star);
    let s = run(&d, "[report]\nbrand = [\"a\"]\ncompetitors = [\"b\"]\n");
    assert_eq!(value(&s, "ratings"), Some(0.0));
    // Bad settings are errors that name the key.
    let err = run_lang(&d, "[plugins.reputation]\nmethod = \"fame\"\n", Lang::En)
        .expect_err("bad method");
    assert!(err.to_string().contains("method"), "{err}");
    let err = run_lang(&d, "[plugins.reputation]\nwindow = 3\n", Lang::En).expect_err("unknown");
    assert!(err.to_string().contains("window_days"), "{err}");
}
