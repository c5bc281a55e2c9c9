//! Hand-built datasets with hand-computed expectations.

use crate::GroupsPlugin;
use crate::analysis::{Analysis, Status, gini};
use honeycomb_core::{
    Account, ChartKind, Config, Context, ContextOptions, Dataset, Follow, FollowKind, Group, Lang,
    Membership, NO_TIME, Plugin, PluginError, Post, Role, Section,
};

fn ts(s: &str) -> i64 {
    s.parse::<jiff::Timestamp>()
        .expect("test timestamp")
        .as_second()
}

fn account(id: &str) -> Account {
    Account {
        id: id.into(),
        handle: Some(id.into()),
        declared: true,
        ..Default::default()
    }
}

fn data(ids: &[&str]) -> Dataset {
    Dataset {
        accounts: ids.iter().map(|id| account(id)).collect(),
        ..Default::default()
    }
}

fn post(d: &mut Dataset, author: u32, at: &str) -> usize {
    let id = format!("p{}", d.posts.len());
    d.posts.push(Post {
        id: id.into(),
        author,
        created_at: ts(at),
        ..Default::default()
    });
    d.posts.len() - 1
}

fn tagged(d: &mut Dataset, author: u32, at: &str, mentions: &[&str], tags: &[&str]) -> usize {
    let i = post(d, author, at);
    d.posts[i].set_entities(
        mentions.iter().map(|&m| m.into()).collect(),
        tags.iter().map(|&t| t.into()).collect(),
        Vec::new(),
    );
    i
}

fn follow(d: &mut Dataset, source: u32, target: u32, kind: FollowKind) {
    d.follows.push(Follow {
        source,
        target,
        created_at: NO_TIME,
        weight: 1.0,
        kind,
    });
}

fn clique(d: &mut Dataset, members: std::ops::Range<u32>) {
    for a in members.clone() {
        for b in members.clone().filter(|&b| b > a) {
            follow(d, a, b, FollowKind::Friend);
        }
    }
}

fn run_lang(d: &Dataset, toml: &str, lang: Option<Lang>) -> Result<Section, PluginError> {
    let config = Config::parse(toml).expect("test config");
    let mut opts = ContextOptions::default();
    opts.lang = lang;
    let cx = Context::new(d, &config, opts);
    GroupsPlugin.analyze(&cx)
}

fn run(d: &Dataset, toml: &str) -> Section {
    run_lang(d, toml, None).expect("analyze")
}

fn value(s: &Section, key: &str) -> f64 {
    let m = s
        .metric(key)
        .unwrap_or_else(|| panic!("metric {key} missing"));
    m.value
        .unwrap_or_else(|| panic!("metric {key} has no value: {}", m.display))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Three 5-cliques in a chain: A = acme (the brand), a1–a4; B = b1–b5; C = c1–c5. The only
/// relations between them: b1 follows a1, c1 follows b1 — so b1 is B's opinion leader.
/// A follows the brand (it is a clique with it); c2 replied to a brand post in the period;
/// nobody in B follows or talks to the brand.
fn community_data() -> Dataset {
    let mut d = data(&[
        "acme", "a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4", "b5", "c1", "c2", "c3", "c4", "c5",
    ]);
    clique(&mut d, 0..5);
    clique(&mut d, 5..10);
    clique(&mut d, 10..15);
    follow(&mut d, 5, 1, FollowKind::Follow);
    follow(&mut d, 10, 5, FollowKind::Follow);
    let brand_post = post(&mut d, 0, "2026-02-02T10:00:00Z");
    tagged(&mut d, 1, "2026-02-03T10:00:00Z", &["acme"], &["coffee"]);
    tagged(
        &mut d,
        6,
        "2026-02-03T11:00:00Z",
        &[],
        &["espresso", "latte"],
    );
    tagged(
        &mut d,
        7,
        "2026-02-04T11:00:00Z",
        &[],
        &["espresso", "espresso"],
    );
    tagged(
        &mut d,
        8,
        "2026-02-05T11:00:00Z",
        &[],
        &["latte", "espresso"],
    );
    tagged(&mut d, 9, "2026-02-05T12:00:00Z", &[], &["tea"]);
    let reply = post(&mut d, 11, "2026-02-06T09:00:00Z");
    d.posts[reply].reply_to = Some(brand_post as u32);
    post(&mut d, 12, "2026-02-07T09:00:00Z");
    // Outside the period: not counted.
    tagged(&mut d, 13, "2026-03-07T09:00:00Z", &["acme"], &["tea"]);
    d
}

const COMMUNITY_TOML: &str = "[report]\nbrand = [\"acme\"]\nperiod = \"2026-02-01..2026-02-28\"\n\n[plugins.groups]\nsupport_share = 0.3\n";

fn with_analysis<T>(d: &Dataset, toml: &str, f: impl FnOnce(&Analysis<'_>) -> T) -> T {
    let config = Config::parse(toml).expect("config");
    let cx = Context::new(d, &config, ContextOptions::default());
    let s = crate::Settings::from_context(&cx).expect("settings");
    let a = Analysis::new(&cx, &s).expect("analysis");
    f(&a)
}

#[test]
fn two_cliques_and_a_bridge_give_statuses_leaders_and_conductance() {
    let d = community_data();
    with_analysis(&d, COMMUNITY_TOML, |a| {
        let det = a.detected.as_ref().expect("communities");
        assert_eq!(det.all.len(), 3);
        let sizes: Vec<u64> = det.all.iter().map(|c| c.size).collect();
        assert_eq!(sizes, [5, 5, 5]);
        let [ca, cb, cc] = [&det.all[0], &det.all[1], &det.all[2]];
        // Equal sizes are numbered by smallest member: A (acme = 0), B (b1 = 5), C (c1 = 10).
        assert!(ca.has_brand && !cb.has_brand && !cc.has_brand);
        assert_eq!((ca.members, cb.members, cc.members), (4, 5, 5));
        assert_eq!(ca.status, Some(Status::Supports), "4 of 4 follow acme");
        assert_eq!(cb.status, Some(Status::Untouched));
        assert_eq!(cc.status, Some(Status::Aware), "1 of 5 = 20% < 30%");
        assert_eq!(
            (ca.followers, cb.followers, cc.followers),
            (Some(4), Some(0), Some(0))
        );
        assert_eq!((cc.talkers, cc.supporters), (1, 1));
        // Posts in the period: B has 4 (b2–b5), none about acme; C has 2 (c2's reply to the
        // brand, c3), the March post of c4 is outside; A has a1's mention.
        assert_eq!((cb.posts, cb.brand_posts), (4, 0));
        assert_eq!((cc.posts, cc.brand_posts), (2, 1));
        assert_eq!((ca.posts, ca.brand_posts), (1, 1));
        assert!(close(cc.brand_share().expect("share"), 0.5));
        // b1 has the most relations in B (4 + a1 + c1): B's first opinion leader.
        assert_eq!(cb.leaders.first(), Some(&5));
        assert!(
            !ca.leaders.contains(&0),
            "the brand is not listed as a leader"
        );
        // Hashtags per post, a repeated tag once: espresso 3 posts, latte 2, tea 1.
        let tags: Vec<(&str, u64)> = cb.hashtags.iter().map(|(t, k)| (t.as_str(), *k)).collect();
        assert_eq!(tags, [("espresso", 3), ("latte", 2), ("tea", 1)]);
        // Conductance of B: cut 2 (b1–a1, c1–b1) ÷ min(vol B = 2·10 + 2, vol rest = 64 − 22).
        assert!(close(cb.conductance, 2.0 / 22.0), "{}", cb.conductance);
        assert!(close(ca.conductance, 1.0 / 21.0));
        // The modularity terms add up to the partition's modularity.
        let sum: f64 = det.all.iter().map(|c| c.modularity).sum();
        assert!(close(sum, det.modularity), "{sum} vs {}", det.modularity);
        assert!(det.modularity > 0.5);
        assert_eq!((det.posts, det.brand_posts), (7, 2));
    });
}

#[test]
fn the_section_names_the_untouched_community_and_its_leader() {
    let s = run(&community_data(), COMMUNITY_TOML);
    assert_eq!(value(&s, "groups.communities"), 3.0);
    assert_eq!(value(&s, "groups.supporting_communities"), 1.0);
    assert_eq!(value(&s, "groups.aware_communities"), 1.0);
    assert_eq!(value(&s, "groups.untouched_communities"), 1.0);
    // 4 of the 14 non-brand accounts are in a supporting community.
    assert!(close(value(&s, "groups.supported_members"), 400.0 / 14.0));
    assert!(close(value(&s, "groups.brand_talk"), 200.0 / 7.0));
    let table = s
        .tables
        .iter()
        .find(|t| t.id == "communities")
        .expect("table");
    assert_eq!(table.rows.len(), 3);
    let status = table
        .rows
        .iter()
        .map(|r| r[r.len() - 1].as_str())
        .collect::<Vec<_>>();
    assert_eq!(
        status,
        [
            "supports you (your account is in it)",
            "untouched",
            "aware of you"
        ]
    );
    assert!(table.rows[1][2].starts_with("@b1"), "{:?}", table.rows[1]);
    assert!(
        table.rows[1][3].starts_with("#espresso (3)"),
        "{:?}",
        table.rows[1]
    );
    let reach = s
        .recommendations
        .iter()
        .find(|r| r.action.contains("untouched"))
        .expect("advice to reach the untouched community");
    assert!(reach.action.contains("@b1"), "{}", reach.action);
    assert!(reach.action.contains("community 2"), "{}", reach.action);
    assert!(
        reach
            .evidence
            .contains(&"groups.untouched_communities".to_string())
    );
    assert!(
        s.recommendations
            .iter()
            .any(|r| r.action.contains("#tea") || r.action.contains("community 3"))
    );
    // Score: communities only, 4/14 of the members in supporting communities.
    let score = s.score.as_ref().expect("score");
    assert!(close(score.value, 400.0 / 14.0), "{}", score.value);
    assert!(score.rule.contains("no explicit groups"));
    // The bar chart and the export.
    let chart = s
        .charts
        .iter()
        .find(|c| c.id == "community-sizes")
        .expect("chart");
    match &chart.kind {
        ChartKind::Bar { categories, series } => {
            assert_eq!(categories, &["1", "2", "3"]);
            assert_eq!(series[0].values, [5.0, 5.0, 5.0]);
            assert_eq!(series[1].values, [4.0, 0.0, 1.0]);
        }
        other => panic!("not a bar chart: {other:?}"),
    }
    let ex = s
        .exports
        .iter()
        .find(|t| t.id == "communities")
        .expect("export");
    assert_eq!(ex.rows.len(), 3);
    let col = |name: &str| ex.columns.iter().position(|c| c == name).expect("column");
    assert_eq!(ex.rows[1][col("status")], "untouched");
    assert_eq!(
        ex.rows[1][col("top_members")].split(' ').next(),
        Some("@b1")
    );
    assert_eq!(ex.rows[1][col("conductance")], "0.0909");
    // Groups are missing, and the section says what to add.
    assert!(s.missing.iter().any(|m| m.add.contains("memberships.csv")));
}

#[test]
fn support_share_moves_the_status() {
    // With the default 10%, C (1 of 5 = 20%) supports the brand.
    let toml = "[report]\nbrand = [\"acme\"]\nperiod = \"2026-02-01..2026-02-28\"\n";
    with_analysis(&community_data(), toml, |a| {
        let det = a.detected.as_ref().expect("communities");
        assert_eq!(det.all[2].status, Some(Status::Supports));
        assert_eq!(det.all[1].status, Some(Status::Untouched));
    });
}

#[test]
fn gini_by_hand() {
    // [0, 0, 1, 2, 3]: Σ_i Σ_j |x_i − x_j| = 2 · (1+1+2+2+3+3+1+2+1) = 32; 2 n² x̄ = 2·25·1.2
    // = 60; G = 32/60.
    assert!(close(gini(&mut [3, 0, 2, 0, 1]).expect("g"), 32.0 / 60.0));
    assert!(close(gini(&mut [5, 5, 5]).expect("g"), 0.0));
    // One member posts everything among n = 4: G = (n − 1)/n.
    assert!(close(gini(&mut [0, 0, 9, 0]).expect("g"), 0.75));
    assert_eq!(gini(&mut [0, 0]), None);
    assert_eq!(gini(&mut []), None);
}

/// Accounts acme (brand), a1–a6, b1, b2; group 0 "Coffee lovers" with joins and leaves
/// around February 2026, group 1 "Tea" with two undated members.
fn group_data() -> Dataset {
    let mut d = data(&["acme", "a1", "a2", "a3", "a4", "a5", "a6", "b1", "b2"]);
    d.groups.push(Group {
        id: "g0".into(),
        name: Some("Coffee lovers".into()),
        ..Default::default()
    });
    d.groups.push(Group {
        id: "g1".into(),
        name: Some("Tea".into()),
        ..Default::default()
    });
    let mut m = |group, account, joined: Option<&str>, left: Option<&str>, role| {
        d.memberships.push(Membership {
            group,
            account,
            joined_at: joined.map(ts),
            left_at: left.map(ts),
            role,
        });
    };
    m(0, 1, Some("2026-01-10T00:00:00Z"), None, Role::Member);
    m(
        0,
        2,
        Some("2026-01-05T00:00:00Z"),
        Some("2026-02-10T00:00:00Z"),
        Role::Member,
    );
    m(0, 3, Some("2026-02-05T00:00:00Z"), None, Role::Moderator);
    m(
        0,
        4,
        Some("2026-02-06T00:00:00Z"),
        Some("2026-02-20T00:00:00Z"),
        Role::Member,
    );
    m(0, 5, Some("2026-03-05T00:00:00Z"), None, Role::Member);
    m(
        0,
        6,
        Some("2025-12-01T00:00:00Z"),
        Some("2026-01-15T00:00:00Z"),
        Role::Member,
    );
    m(0, 0, None, None, Role::Admin);
    m(1, 7, None, None, Role::Member);
    m(1, 8, None, None, Role::Member);
    for at in [
        "2026-02-02T10:00:00Z",
        "2026-02-03T10:00:00Z",
        "2026-02-04T10:00:00Z",
    ] {
        post(&mut d, 1, at);
    }
    post(&mut d, 2, "2026-02-05T10:00:00Z");
    post(&mut d, 0, "2026-02-06T10:00:00Z");
    post(&mut d, 0, "2026-02-07T10:00:00Z");
    post(&mut d, 7, "2026-02-08T10:00:00Z");
    // Outside the period.
    post(&mut d, 3, "2026-03-01T10:00:00Z");
    d
}

const GROUP_TOML: &str = "[report]\nbrand = [\"acme\"]\nperiod = \"2026-02-01..2026-02-28\"\n\n[plugins.groups]\ndunbar = 2\n";

#[test]
fn explicit_groups_count_joins_leaves_activity_and_gini() {
    with_analysis(&group_data(), GROUP_TOML, |a| {
        let e = a.explicit.as_ref().expect("groups");
        assert!(a.detected.is_none(), "no relations, no communities");
        let g0 = &e.groups[0];
        assert_eq!(g0.group, 0);
        // Start: a1, a2, acme (undated). Joined: a3, a4. Left: a2, a4. End: a1, a3, acme.
        assert_eq!((g0.at_start, g0.joined, g0.left, g0.at_end), (3, 2, 2, 3));
        assert_eq!(g0.roles, [1, 1, 1]);
        // Members in February: a1, a2, a3, a4, acme; posts 3, 1, 0, 0, 2 (a3's March post
        // is outside). Gini of [0, 0, 1, 2, 3] = 32/60.
        assert_eq!((g0.members, g0.active), (5, 3));
        assert!(close(g0.gini.expect("gini"), 32.0 / 60.0));
        assert!(g0.over_dunbar, "3 active > dunbar = 2");
        assert_eq!((g0.brand_role, g0.brand_posts), (Some(Role::Admin), 2));
        let g1 = &e.groups[1];
        assert_eq!((g1.at_start, g1.joined, g1.left, g1.at_end), (2, 0, 0, 2));
        assert_eq!((g1.members, g1.active), (2, 1));
        assert!(close(g1.gini.expect("gini"), 0.5));
        assert!(!g1.over_dunbar && g1.brand_role.is_none());
        // Pooled: 7 distinct members, posts [3, 1, 0, 0, 2, 1, 0]: Σ|x_i − x_j| over ordered
        // pairs = 56, 2 n² x̄ = 98.
        assert_eq!((e.members, e.active), (7, 4));
        assert!(close(e.gini.expect("gini"), 56.0 / 98.0));
        assert!(e.monthly.is_none(), "February is a single month");
    });
}

#[test]
fn explicit_groups_in_the_section() {
    let s = run(&group_data(), GROUP_TOML);
    assert_eq!(value(&s, "groups.groups"), 2.0);
    assert_eq!(value(&s, "groups.group_members_start"), 5.0);
    assert_eq!(value(&s, "groups.group_joined"), 2.0);
    assert_eq!(value(&s, "groups.group_left"), 2.0);
    assert_eq!(value(&s, "groups.group_members_end"), 5.0);
    assert!(close(value(&s, "groups.group_growth"), 0.0));
    assert!(close(value(&s, "groups.group_churn"), 40.0));
    assert!(close(value(&s, "groups.group_active_share"), 400.0 / 7.0));
    assert!(close(value(&s, "groups.group_gini"), 56.0 / 98.0));
    assert_eq!(value(&s, "groups.groups_over_dunbar"), 1.0);
    assert!(close(value(&s, "groups.brand_groups"), 50.0));
    assert!(close(value(&s, "groups.brand_group_reach"), 500.0 / 7.0));
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "groups")
        .expect("groups table");
    assert_eq!(t.rows[0][0], "Coffee lovers");
    assert_eq!(&t.rows[0][1..5], ["3", "2", "2", "3"]);
    assert_eq!(t.rows[0][8], "3 (60%)");
    assert_eq!(t.rows[0][10], "yes");
    assert_eq!(t.rows[0][11], "admin");
    assert_eq!(t.rows[1][11], "not a member");
    assert!(
        s.recommendations
            .iter()
            .any(|r| r.action.contains("not in yet") && r.action.contains("Tea"))
    );
    assert!(s.findings.iter().any(|f| f.text.contains("Coffee lovers")));
    let ex = s
        .exports
        .iter()
        .find(|t| t.id == "groups-groups")
        .expect("export");
    assert_eq!(ex.rows.len(), 2);
    assert_eq!(
        &ex.rows[0][..6],
        ["g0", "Coffee lovers", "3", "2", "2", "3"]
    );
    assert_eq!(ex.rows[0][14], "0.5333");
    // Score: groups only; 5 of the 7 group members are in a group with acme.
    let score = s.score.as_ref().expect("score");
    assert!(close(score.value, 500.0 / 7.0), "{}", score.value);
    // No follows and no interactions: the section says what is missing.
    assert!(
        s.missing
            .iter()
            .any(|m| m.what.contains("Detected communities"))
    );
    assert!(s.missing.iter().any(|m| m.add.contains("follows table")));
    // Default dunbar: no group is flagged.
    let s = run(
        &group_data(),
        "[report]\nbrand = [\"acme\"]\nperiod = \"2026-02-01..2026-02-28\"\n",
    );
    assert_eq!(value(&s, "groups.groups_over_dunbar"), 0.0);
}

#[test]
fn without_a_period_the_span_of_the_data_is_used_and_said() {
    let s = run(&group_data(), "[report]\nbrand = [\"acme\"]\n");
    // The span runs from a6's join (2025-12-01) to a5's join (2026-03-05): everybody
    // dated joined inside it; only the undated members were there at the start.
    assert_eq!(value(&s, "groups.group_members_start"), 3.0);
    assert_eq!(value(&s, "groups.group_joined"), 6.0);
    assert_eq!(value(&s, "groups.group_left"), 3.0);
    assert_eq!(value(&s, "groups.group_members_end"), 6.0);
    let def = &s.metric("groups.group_joined").expect("metric").definition;
    assert!(
        def.contains("whole span of the data, 2025-12-01 to 2026-03-05"),
        "{def}"
    );
    let chart = s
        .charts
        .iter()
        .find(|c| c.id == "group-membership")
        .expect("line chart");
    match &chart.kind {
        ChartKind::Line { x, series } => {
            assert_eq!(x, &["2025-12", "2026-01", "2026-02", "2026-03"]);
            assert_eq!(series[0].name, "Coffee lovers");
            // Dec: acme, a6; Jan: + a2, a1 − a6; Feb: + a3, a4 − a2, a4; Mar: + a5.
            assert_eq!(series[0].values, [2.0, 3.0, 3.0, 4.0]);
            assert_eq!(series[1].values, [2.0, 2.0, 2.0, 2.0]);
        }
        other => panic!("not a line chart: {other:?}"),
    }
}

#[test]
fn without_joined_at_growth_is_missing() {
    let mut d = group_data();
    for m in &mut d.memberships {
        m.joined_at = None;
        m.left_at = None;
    }
    let s = run(&d, GROUP_TOML);
    assert!(
        s.metric("groups.group_joined")
            .is_some_and(|m| m.value.is_none())
    );
    assert!(
        s.metric("groups.group_growth")
            .is_some_and(|m| m.value.is_none())
    );
    assert!(s.missing.iter().any(|m| m.add.contains("joined_at")));
    assert!(s.charts.iter().all(|c| c.id != "group-membership"));
}

#[test]
fn interactions_make_communities_without_follows() {
    let mut d = data(&["acme", "x1", "x2", "x3", "y1", "y2", "y3"]);
    for (a, b) in [
        (1, "x2"),
        (2, "x3"),
        (3, "x1"),
        (4, "y2"),
        (5, "y3"),
        (6, "y1"),
        (1, "x3"),
    ] {
        tagged(&mut d, a, "2026-02-03T10:00:00Z", &[b], &[]);
    }
    tagged(&mut d, 4, "2026-02-04T10:00:00Z", &["acme"], &[]);
    let s = run(&d, "[report]\nbrand = [\"acme\"]\n");
    assert_eq!(value(&s, "groups.communities"), 2.0);
    assert!(
        s.missing
            .iter()
            .any(|m| m.add.contains("interactions") && m.add.contains("mentions"))
    );
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "communities")
        .expect("table");
    // No follows: "Follow you" is not computable.
    assert!(t.rows.iter().all(|r| r[6] == "–"));
}

#[test]
fn without_brand_there_is_no_score_and_brand_is_missing() {
    let s = run(
        &community_data(),
        "[report]\nperiod = \"2026-02-01..2026-02-28\"\n",
    );
    assert!(s.score.is_none());
    assert!(s.missing.iter().any(|m| m.add.contains("brand")));
    assert!(s.metric("groups.supporting_communities").is_none());
    assert!(s.metric("groups.modularity").is_some());
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "communities")
        .expect("table");
    assert_eq!(t.columns.len(), 5);
}

fn all_text(s: &Section) -> Vec<String> {
    let mut v = vec![s.title.clone(), s.summary.clone()];
    if let Some(sc) = &s.score {
        v.extend([sc.rule.clone(), sc.verdict.clone()]);
    }
    for m in &s.metrics {
        v.extend([m.label.clone(), m.display.clone(), m.definition.clone()]);
    }
    for t in &s.tables {
        v.push(t.title.clone());
        v.extend(t.columns.iter().cloned());
        v.extend(t.note.iter().cloned());
    }
    for c in &s.charts {
        v.extend([
            c.title.clone(),
            c.description.clone(),
            c.x_label.clone(),
            c.y_label.clone(),
        ]);
    }
    v.extend(s.findings.iter().map(|f| f.text.clone()));
    v.extend(
        s.recommendations
            .iter()
            .flat_map(|r| [r.action.clone(), r.why.clone()]),
    );
    v.extend(s.missing.iter().map(|m| m.what.clone()));
    v
}

/// Both parts at once: the communities and the groups.
fn both() -> Dataset {
    let mut d = community_data();
    d.groups.push(Group {
        id: "g0".into(),
        name: Some("Bean club".into()),
        ..Default::default()
    });
    for (a, joined) in [
        (5, "2026-01-03T00:00:00Z"),
        (6, "2026-02-03T00:00:00Z"),
        (7, "2026-02-13T00:00:00Z"),
    ] {
        d.memberships.push(Membership {
            group: 0,
            account: a,
            joined_at: Some(ts(joined)),
            left_at: None,
            role: Role::Member,
        });
    }
    d
}

#[test]
fn english_and_dutch_are_complete_plain_text() {
    let d = both();
    let en = run_lang(&d, COMMUNITY_TOML, Some(Lang::En)).expect("en");
    let nl = run_lang(&d, COMMUNITY_TOML, Some(Lang::Nl)).expect("nl");
    assert_eq!(
        (en.title.as_str(), nl.title.as_str()),
        ("Groups", "Groepen")
    );
    for (s, lang) in [(&en, "en"), (&nl, "nl")] {
        assert!(s.summary.len() > 100, "{lang}: {}", s.summary);
        assert!(
            s.score
                .as_ref()
                .is_some_and(|sc| !sc.rule.is_empty() && !sc.verdict.is_empty())
        );
        for t in all_text(s) {
            assert!(!t.trim().is_empty(), "{lang}: empty text");
            assert!(!t.contains(['<', '>', '`', '*']), "{lang}: markup in `{t}`");
        }
        for r in &s.recommendations {
            assert!(!r.evidence.is_empty());
            for k in &r.evidence {
                assert!(s.metric(k).is_some_and(|m| m.value.is_some()), "{k}");
            }
        }
        assert!(
            s.metrics
                .iter()
                .all(|m| !m.definition.is_empty() && !m.display.is_empty())
        );
    }
    assert_eq!(en.metrics.len(), nl.metrics.len());
    for (a, b) in en.metrics.iter().zip(&nl.metrics) {
        assert_eq!((&a.key, a.value), (&b.key, b.value));
        assert_ne!(a.definition, b.definition, "{} not translated", a.key);
        assert_ne!(a.label, b.label, "{} label not translated", a.key);
    }
    assert_ne!(en.summary, nl.summary);
    let reach = nl
        .recommendations
        .iter()
        .find(|r| r.action.starts_with("Bereik"))
        .expect("Dutch advice");
    assert!(reach.action.contains("@b1"), "{}", reach.action);
    assert!(nl.summary.contains("gemeenschappen"), "{}", nl.summary);
    let t = nl
        .tables
        .iter()
        .find(|t| t.id == "communities")
        .expect("table");
    assert_eq!(t.rows[1][t.rows[1].len() - 1], "onbereikt");
    // Blended score: (4/14 + 0) / 2: acme is not in the Bean club, so 0 for groups.
    let score = en.score.as_ref().expect("score");
    assert!(
        close(score.value, 100.0 * (4.0 / 14.0) / 2.0),
        "{}",
        score.value
    );
}

#[test]
fn bad_settings_are_config_errors() {
    let d = community_data();
    for toml in [
        "[plugins.groups]\nfoo = 1\n",
        "[plugins.groups]\ndunbar = 0\n",
        "[plugins.groups]\ncommunities = 0\n",
        "[plugins.groups]\nsupport_share = 1.5\n",
        "[plugins.groups]\nsupport_share = \"half\"\n",
        "[plugins.groups]\nresolution = 0\n",
        "[plugins.groups]\nrestarts = 0\n",
    ] {
        assert!(
            matches!(run_lang(&d, toml, None), Err(PluginError::Config(_))),
            "{toml}"
        );
    }
    let Err(PluginError::Config(e)) = run_lang(&d, "[plugins.groups]\nfoo = 1\n", None) else {
        panic!("expected a config error");
    };
    assert!(
        e.contains("unknown key `foo`") && e.contains("dunbar") && e.contains("resolution"),
        "{e}"
    );
    // The core's keys are accepted.
    assert!(
        run_lang(
            &d,
            "[plugins.groups]\nresolution = 0.5\nseed = 7\nrestarts = 2\n",
            None
        )
        .is_ok()
    );
}

#[test]
fn empty_data_gives_a_section() {
    let s = run(&Dataset::default(), "[report]\nbrand = [\"acme\"]\n");
    assert!(!s.summary.is_empty());
    assert!(s.score.is_none());
    assert!(s.missing.iter().any(|m| m.what.contains("acme")));
    assert!(s.missing.iter().any(|m| m.add.contains("groups.csv")));
}

#[test]
fn output_is_deterministic() {
    let d = both();
    assert_eq!(run(&d, COMMUNITY_TOML), run(&d, COMMUNITY_TOML));
}

/// Speed on a generated benchmark folder (`shared/bench/gen.py`): run with
/// `HONEYCOMB_BENCH_DATA=DIR cargo test --release -p honeycomb-groups -- --ignored --nocapture`.
/// The shared network, centralities and communities are built first and timed apart: the
/// plugin's own work is one pass over the posts, the memberships and the accounts.
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
    let config = Config::parse("[report]\nbrand = [\"1\", \"2\"]\n").expect("config");
    let cx = Context::new(&loaded.data, &config, ContextOptions::default());
    let t = std::time::Instant::now();
    cx.communities().expect("communities");
    eprintln!("network + communities (core) {:.2?}", t.elapsed());
    let t = std::time::Instant::now();
    cx.centrality().expect("centrality");
    eprintln!("centrality (core) {:.2?}", t.elapsed());
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let s = GroupsPlugin.analyze(&cx).expect("analyze");
        eprintln!(
            "groups plugin {:.3?}: {} communities exported, {} groups",
            t.elapsed(),
            s.exports[0].rows.len(),
            s.exports.get(1).map_or(0, |e| e.rows.len())
        );
    }
}
