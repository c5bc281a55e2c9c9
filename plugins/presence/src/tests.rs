//! Hand-built datasets with hand-computed expectations.

use crate::PresencePlugin;
use crate::analysis::shrink;
use honeycomb_core::{
    Account, ChartKind, Config, Context, ContextOptions, Dataset, Entity, Lang, Plugin,
    PluginError, Post, PresenceRecord, Section, Status,
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

/// A dataset with the given accounts; posts are added with [`post`].
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

fn liked(d: &mut Dataset, author: u32, at: &str, likes: u32) -> usize {
    let i = post(d, author, at);
    d.posts[i].likes = Some(likes);
    i
}

fn presence(
    d: &mut Dataset,
    account: u32,
    at: &str,
    status: Status,
    dur: Option<u32>,
    loc: Option<&str>,
) {
    d.presence.push(PresenceRecord {
        account,
        at: ts(at),
        status,
        location: loc.map(Into::into),
        duration_s: dur,
    });
}

fn run_lang(d: &Dataset, toml: &str, lang: Option<Lang>) -> Result<Section, PluginError> {
    let config = Config::parse(toml).expect("test config");
    let mut opts = ContextOptions::default();
    opts.lang = lang;
    let cx = Context::new(d, &config, opts);
    PresencePlugin.analyze(&cx)
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

fn heatmap(s: &Section) -> (&Vec<Vec<f64>>, &Vec<[usize; 2]>) {
    let c = s
        .charts
        .iter()
        .find(|c| c.id == "audience_heatmap")
        .expect("heatmap chart");
    match &c.kind {
        ChartKind::Heatmap {
            rows,
            columns,
            values,
            highlight,
        } => {
            assert_eq!(rows.len(), 7);
            assert_eq!(columns.len(), 24);
            assert_eq!(columns[0], "00");
            assert_eq!(columns[23], "23");
            (values, highlight)
        }
        other => panic!("not a heatmap: {other:?}"),
    }
}

fn column(s: &Section, name: &str) -> Vec<String> {
    let c = s
        .entity_columns
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("column {name}"));
    (0..c.values.len()).map(|i| c.values.cell(i)).collect()
}

#[test]
fn heatmap_uses_local_time_across_both_dst_changes() {
    let mut d = data(&["fan"]);
    // Europe/Amsterdam: CET (+1) until 2024-03-31T01:00Z, CEST (+2) until 2024-10-27T01:00Z.
    post(&mut d, 0, "2024-03-30T12:00:00Z"); // Sat 13:00 CET
    post(&mut d, 0, "2024-03-31T00:30:00Z"); // Sun 01:30 CET
    post(&mut d, 0, "2024-03-31T01:30:00Z"); // Sun 03:30 CEST (02:00–03:00 does not exist)
    post(&mut d, 0, "2024-10-27T00:30:00Z"); // Sun 02:30 CEST
    post(&mut d, 0, "2024-10-27T01:30:00Z"); // Sun 02:30 CET (the hour happens twice)
    post(&mut d, 0, "2024-07-01T22:30:00Z"); // Tue 00:30 CEST (Monday in UTC)
    let s = run(&d, "[report]\ntimezone = \"Europe/Amsterdam\"\n");
    let (v, _) = heatmap(&s);
    assert_eq!(v[5][13], 1.0);
    assert_eq!(v[6][1], 1.0);
    assert_eq!(v[6][2], 2.0);
    assert_eq!(v[6][3], 1.0);
    assert_eq!(v[1][0], 1.0);
    assert_eq!(v[0][22], 0.0, "the UTC slot must stay empty");
    assert_eq!(v.iter().flatten().sum::<f64>(), 6.0);
    assert_eq!(
        column(&s, "local_weekday"),
        ["Sat", "Sun", "Sun", "Sun", "Sun", "Tue"]
    );
    assert_eq!(column(&s, "local_hour"), ["13", "1", "3", "2", "2", "0"]);
    assert_eq!(column(&s, "presence_posts"), ["6"]);
}

#[test]
fn period_filters_posts_and_entity_columns_stay_aligned() {
    let mut d = data(&["fan", "other"]);
    post(&mut d, 0, "2026-01-05T10:00:00Z");
    post(&mut d, 1, "2026-02-05T10:00:00Z"); // outside
    post(&mut d, 0, "2026-01-06T10:00:00Z");
    let s = run(&d, "[report]\nperiod = \"2026-01-01..2026-01-31\"\n");
    assert_eq!(column(&s, "local_weekday"), ["Mon", "", "Tue"]);
    assert_eq!(column(&s, "local_hour"), ["10", "", "10"]);
    assert_eq!(column(&s, "presence_posts"), ["2", "0"]);
    for c in &s.entity_columns {
        let n = match c.entity {
            Entity::Account => d.accounts.len(),
            Entity::Post => d.posts.len(),
        };
        assert_eq!(c.values.len(), n, "{}", c.name);
    }
    assert_eq!(value(&s, "presence.posts_in_period"), 2.0);
}

/// Audience: 6 posts Monday 10h, 3 Tuesday 11h, 1 Wednesday 12h; brand: 1 on Monday 10h and
/// 3 on Thursday 15h. Peak set = {Mon 10h} (6 of 10 ≥ 50%), overlap = 1 of 4 brand posts.
fn overlap_data() -> Dataset {
    let mut d = data(&["acme", "fan"]);
    for i in 0..6 {
        post(&mut d, 1, &format!("2026-01-05T10:{:02}:00Z", i));
    }
    for i in 0..3 {
        post(&mut d, 1, &format!("2026-01-06T11:{:02}:00Z", i));
    }
    post(&mut d, 1, "2026-01-07T12:00:00Z");
    post(&mut d, 0, "2026-01-12T10:30:00Z");
    for i in 0..3 {
        post(&mut d, 0, &format!("2026-01-08T15:{:02}:00Z", i));
    }
    d
}

#[test]
fn overlap_is_the_brand_share_in_the_smallest_half_of_audience_hours() {
    let s = run(&overlap_data(), "[report]\nbrand = [\"acme\"]\n");
    assert_eq!(value(&s, "presence.peak_slots"), 1.0);
    assert!(close(value(&s, "presence.peak_overlap"), 25.0));
    assert!(
        s.metric("presence.peak_overlap")
            .is_some_and(|m| m.display == "1 of 4 brand posts (25.0%)")
    );
    assert_eq!(value(&s, "presence.audience_posts"), 10.0);
    assert_eq!(value(&s, "presence.brand_posts"), 4.0);
    // The brand-vs-audience chart: shares per hour, each series summing to 100.
    let c = s
        .charts
        .iter()
        .find(|c| c.id == "brand_vs_audience_hours")
        .expect("bar chart");
    let ChartKind::Bar { categories, series } = &c.kind else {
        panic!("not a bar chart")
    };
    assert_eq!(categories.len(), 24);
    assert_eq!(series.len(), 2);
    assert!(close(series[0].values[10], 60.0));
    assert!(close(series[1].values[15], 75.0));
    for sr in series {
        assert!(close(sr.values.iter().sum::<f64>(), 100.0));
    }
    // The brand posts mostly outside the peak: a warning and a recommendation to move.
    assert!(s.findings.iter().any(
        |f| f.evidence.contains(&"presence.peak_overlap".to_string())
            && f.severity == honeycomb_core::Severity::Warning
    ));
}

#[test]
fn peak_ties_are_broken_by_slot_index() {
    let mut d = data(&["fan"]);
    for i in 0..5 {
        post(&mut d, 0, &format!("2026-01-06T11:{:02}:00Z", i)); // Tuesday 11h, slot 35
        post(&mut d, 0, &format!("2026-01-05T10:{:02}:00Z", i)); // Monday 10h, slot 10
    }
    let s = run(&d, "");
    assert_eq!(value(&s, "presence.peak_slots"), 1.0);
    assert!(
        s.findings
            .iter()
            .any(|f| f.text.contains("Monday 10:00–11:00")),
        "{:?}",
        s.findings
    );
}

#[test]
fn shrinkage_formula() {
    assert!(close(shrink(100.0, 5, 10.0, 10.0), 200.0 / 15.0));
    assert!(close(shrink(0.0, 0, 10.0, 7.0), 7.0));
    assert!(close(shrink(100.0, 5, 0.0, 7.0), 20.0));
}

/// Monday 10h: 5 originals × 20 likes; Tuesday 11h: 5 × 0; Wednesday 12h: 4 × 100 (under the
/// minimum of 5, so not ranked, but part of the overall mean 500 / 14).
fn engagement_data() -> Dataset {
    let mut d = data(&["fan"]);
    for i in 0..5 {
        liked(&mut d, 0, &format!("2026-01-05T10:{:02}:00Z", i), 20);
        liked(&mut d, 0, &format!("2026-01-06T11:{:02}:00Z", i), 0);
    }
    for i in 0..4 {
        liked(&mut d, 0, &format!("2026-01-07T12:{:02}:00Z", i), 100);
    }
    // A reply with many likes: not an original, so not counted.
    let r = liked(&mut d, 0, "2026-01-07T12:30:00Z", 1000);
    d.posts[r].reply_to = Some(0);
    d
}

#[test]
fn best_times_shrink_towards_the_overall_mean() {
    let d = engagement_data();
    let s = run(
        &d,
        "[plugins.presence]\nmin_posts_per_slot = 5\nshrinkage_k = 10\n",
    );
    let m = 500.0 / 14.0;
    assert!(close(value(&s, "presence.mean_engagement"), m));
    assert!(close(
        value(&s, "presence.best_slot"),
        (100.0 + 10.0 * m) / 15.0
    ));
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "best_times")
        .expect("best times table");
    assert_eq!(t.rows.len(), 2, "only two slots reach 5 posts");
    assert_eq!(
        t.rows[0][..3],
        [
            "Monday".to_string(),
            "10:00–11:00".to_string(),
            "5".to_string()
        ]
    );
    assert_eq!(t.rows[0][3], "20.0");
    assert_eq!(t.rows[0][4], "30.5");
    assert_eq!(t.rows[1][0], "Tuesday");
    let (_, hl) = heatmap(&s);
    assert_eq!(hl, &vec![[0, 10], [1, 11]]);
    // k = 0 gives the raw slot mean; a lower minimum lets Wednesday win.
    let s = run(
        &d,
        "[plugins.presence]\nmin_posts_per_slot = 4\nshrinkage_k = 0\n",
    );
    assert!(close(value(&s, "presence.best_slot"), 100.0));
    assert!(
        s.recommendations
            .iter()
            .any(|r| r.action.contains("Wednesday 12:00–13:00"))
    );
}

#[test]
fn without_engagement_counts_best_times_follow_audience_activity() {
    let s = run(&overlap_data(), "");
    assert!(s.metric("presence.mean_engagement").is_none());
    // No brand configured: all 14 posts are the audience's, 7 of them on Monday 10h.
    assert!(close(value(&s, "presence.best_slot"), 50.0));
    assert!(s.missing.iter().any(|m| m.add.contains("likes")));
    assert!(
        s.findings
            .iter()
            .any(|f| f.text.contains("no engagement counts"))
    );
}

#[test]
fn regularity_on_a_hand_built_series() {
    let mut d = data(&["acme", "fan"]);
    // Gaps of 1, 2 and 4 days: mean 7/3, population sd √14/3, CV = √14/7.
    for at in [
        "2026-01-05T12:00:00Z",
        "2026-01-06T12:00:00Z",
        "2026-01-08T12:00:00Z",
        "2026-01-12T12:00:00Z",
    ] {
        post(&mut d, 0, at);
    }
    post(&mut d, 0, "2026-01-25T12:00:00Z"); // outside the period
    post(&mut d, 1, "2026-01-07T09:00:00Z");
    let toml = "[report]\nbrand = [\"acme\"]\nperiod = \"2026-01-05..2026-01-18\"\n";
    let s = run(&d, toml);
    assert!(close(value(&s, "presence.gap_cv"), 14f64.sqrt() / 7.0));
    // 12:00 on the 12th to the end of the 18th.
    assert!(close(value(&s, "presence.longest_silence_days"), 6.5));
    assert!(close(value(&s, "presence.active_weeks"), 100.0));
    assert!(close(value(&s, "presence.posts_per_week"), 2.0));

    // Three weeks, posts only in the first: 1 of 3 weeks, silence of 13.5 days, a warning.
    let toml = "[report]\nbrand = [\"acme\"]\nperiod = \"2026-01-05..2026-01-25\"\n";
    let mut d2 = d.clone();
    d2.posts
        .retain(|p| p.created_at < ts("2026-01-10T00:00:00Z"));
    let s = run(&d2, toml);
    assert!(close(value(&s, "presence.active_weeks"), 100.0 / 3.0));
    assert!(close(value(&s, "presence.longest_silence_days"), 17.5));
    assert!(s.recommendations.iter().any(|r| {
        r.evidence.contains(&"presence.active_weeks".to_string())
            && r.priority == honeycomb_core::Priority::High
    }));
}

/// One day (UTC). Brand `acme` and `acme2`; `fan` is the audience.
fn availability_data() -> Dataset {
    let mut d = data(&["acme", "acme2", "fan"]);
    presence(
        &mut d,
        0,
        "2026-01-05T09:00:00Z",
        Status::Online,
        Some(3600),
        None,
    );
    presence(
        &mut d,
        0,
        "2026-01-05T12:00:00Z",
        Status::Online,
        None,
        None,
    ); // until 14:00
    presence(
        &mut d,
        0,
        "2026-01-05T14:00:00Z",
        Status::Offline,
        None,
        None,
    );
    presence(
        &mut d,
        0,
        "2026-01-05T15:00:00Z",
        Status::Away,
        Some(3600),
        None,
    );
    presence(
        &mut d,
        1,
        "2026-01-05T09:30:00Z",
        Status::Online,
        Some(3600),
        None,
    ); // overlaps
    presence(
        &mut d,
        1,
        "2026-01-05T20:00:00Z",
        Status::Online,
        None,
        None,
    ); // open-ended: 0 s
    presence(
        &mut d,
        2,
        "2026-01-05T10:00:00Z",
        Status::Online,
        Some(7200),
        Some("Utrecht"),
    );
    let b = post(&mut d, 0, "2026-01-05T08:00:00Z");
    let f1 = post(&mut d, 2, "2026-01-05T09:15:00Z");
    d.posts[f1].set_entities(vec!["acme".into()], Vec::new(), Vec::new());
    let f2 = post(&mut d, 2, "2026-01-05T13:00:00Z");
    d.posts[f2].reply_to = Some(b as u32);
    let f3 = post(&mut d, 2, "2026-01-05T16:00:00Z");
    d.posts[f3].set_entities(vec!["acme@mastodon.social".into()], Vec::new(), Vec::new());
    post(&mut d, 2, "2026-01-05T10:00:00Z");
    let f5 = post(&mut d, 2, "2026-01-05T09:45:00Z");
    d.posts[f5].set_entities(vec!["other".into()], Vec::new(), Vec::new());
    d
}

const AVAIL_TOML: &str =
    "[report]\nbrand = [\"acme\", \"acme2\"]\nperiod = \"2026-01-05..2026-01-05\"\n";

#[test]
fn availability_from_a_hand_built_presence_log() {
    let s = run(&availability_data(), AVAIL_TOML);
    // Online: 09:00–10:30 (two accounts merged) + 12:00–14:00 (inferred) = 12,600 of 86,400 s.
    assert!(close(
        value(&s, "presence.online_share"),
        100.0 * 12_600.0 / 86_400.0
    ));
    assert_eq!(value(&s, "presence.inbound_posts"), 3.0);
    assert!(close(value(&s, "presence.realtime_reach"), 200.0 / 3.0));
    assert!(close(
        value(&s, "presence.presence_location_share"),
        100.0 / 7.0
    ));
    assert!(
        s.metric("presence.online_share")
            .is_some_and(|m| m.definition.contains("(1 such records)"))
    );
    assert!(!s.missing.iter().any(|m| m.add.contains("presence.csv")));
}

#[test]
fn without_a_presence_table_availability_is_missing() {
    let mut d = availability_data();
    d.presence.clear();
    let s = run(&d, AVAIL_TOML);
    assert!(
        s.metric("presence.online_share")
            .is_some_and(|m| m.value.is_none())
    );
    assert!(
        s.metric("presence.realtime_reach")
            .is_some_and(|m| m.value.is_none())
    );
    assert!(s.missing.iter().any(|m| {
        m.add
            .contains("presence.csv with account, at, status, duration_s")
    }));
    // Score re-weighted over fit and regularity only.
    let score = s.score.as_ref().expect("score");
    assert!(score.rule.contains("/ 80 × 100"), "{}", score.rule);
}

/// A dataset that triggers every kind of advice.
fn rich_data() -> Dataset {
    let mut d = availability_data();
    // The brand posts at night, the audience in the morning; three fans, locations on posts.
    for day in 5..=9 {
        for i in 0..6 {
            let p = liked(
                &mut d,
                2,
                &format!("2026-01-{day:02}T10:{:02}:00Z", i * 5),
                10 + i,
            );
            if i % 2 == 0 {
                d.posts[p].details_mut().location = Some("Amsterdam".into());
            }
        }
        let m = post(&mut d, 2, &format!("2026-01-{day:02}T18:00:00Z"));
        d.posts[m].set_entities(vec!["acme".into()], Vec::new(), Vec::new());
    }
    liked(&mut d, 0, "2026-01-06T03:00:00Z", 1);
    d.accounts[2].location = Some("Utrecht".into());
    d
}

const RICH_TOML: &str =
    "[report]\nbrand = [\"acme\", \"acme2\"]\nperiod = \"2026-01-05..2026-02-15\"\n";

#[test]
fn every_recommendation_cites_existing_metrics() {
    let s = run(&rich_data(), RICH_TOML);
    assert!(s.recommendations.len() >= 4, "{:#?}", s.recommendations);
    for r in &s.recommendations {
        assert!(!r.evidence.is_empty(), "{r:?}");
        assert_eq!(r.block, "presence");
        for k in &r.evidence {
            assert!(
                s.metric(k).is_some_and(|m| m.value.is_some()),
                "{k} in {r:?}"
            );
        }
    }
    for f in &s.findings {
        for k in &f.evidence {
            assert!(s.metric(k).is_some(), "{k} in {f:?}");
        }
    }
    let keys: Vec<&str> = s.metrics.iter().map(|m| m.key.as_str()).collect();
    let mut dedup = keys.clone();
    dedup.sort_unstable();
    dedup.dedup();
    assert_eq!(dedup.len(), keys.len(), "metric keys are unique");
    assert!(keys.iter().all(|k| k.starts_with("presence.")));
    assert!(
        s.metrics
            .iter()
            .all(|m| !m.definition.is_empty() && !m.display.is_empty())
    );
    for action in [
        "Post on",
        "Post more regularly",
        "Be online when your audience talks to you",
        "location",
    ] {
        assert!(
            s.recommendations.iter().any(|r| r.action.contains(action)),
            "no advice `{action}`"
        );
    }
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
        v.extend(t.rows.iter().flatten().cloned());
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
    v.extend(
        s.missing
            .iter()
            .flat_map(|m| [m.what.clone(), m.add.clone()]),
    );
    v
}

#[test]
fn english_and_dutch_are_complete_plain_text() {
    let d = rich_data();
    let en = run_lang(&d, RICH_TOML, Some(Lang::En)).expect("en");
    let nl = run_lang(&d, RICH_TOML, Some(Lang::Nl)).expect("nl");
    assert_eq!(en.title, "Presence");
    assert_eq!(nl.title, "Aanwezigheid");
    for (s, lang) in [(&en, "en"), (&nl, "nl")] {
        assert!(s.summary.len() > 100, "{lang}: {}", s.summary);
        assert!(
            s.score
                .as_ref()
                .is_some_and(|sc| !sc.rule.is_empty() && !sc.verdict.is_empty())
        );
        for t in all_text(s) {
            assert!(!t.trim().is_empty(), "{lang}: empty text");
            assert!(
                !t.contains(['<', '>', '`', '*', '[', ']']),
                "{lang}: markup in `{t}`"
            );
        }
    }
    assert_eq!(en.metrics.len(), nl.metrics.len());
    for (a, b) in en.metrics.iter().zip(&nl.metrics) {
        assert_eq!(a.key, b.key);
        assert_eq!(a.value, b.value);
        assert_ne!(a.definition, b.definition, "{} not translated", a.key);
    }
    assert_ne!(en.summary, nl.summary);
    let en_online = &en.metric("presence.online_share").expect("metric").display;
    let nl_online = &nl.metric("presence.online_share").expect("metric").display;
    // 12,600 s of 42 days.
    assert!(en_online.ends_with("(0.3%)"), "{en_online}");
    assert!(nl_online.ends_with("(0,3%)"), "{nl_online}");
    assert!(
        nl.recommendations
            .iter()
            .any(|r| r.action.starts_with("Post op "))
    );
}

#[test]
fn without_brand_the_audience_part_remains_and_brand_is_missing() {
    let s = run(
        &rich_data(),
        "[report]\nperiod = \"2026-01-05..2026-02-15\"\n",
    );
    assert!(s.missing.iter().any(|m| m.add.contains("report.brand")));
    assert!(s.score.is_none());
    assert!(value(&s, "presence.peak_slots") > 0.0);
    assert!(
        s.metric("presence.peak_overlap")
            .is_some_and(|m| m.value.is_none())
    );
    assert!(
        s.metric("presence.active_weeks")
            .is_some_and(|m| m.value.is_none())
    );
    assert!(!s.recommendations.is_empty());
    assert!(s.charts.iter().all(|c| c.id != "brand_vs_audience_hours"));
    // Unknown brand names are reported too.
    let s = run(&rich_data(), "[report]\nbrand = [\"nobody\"]\n");
    assert!(s.missing.iter().any(|m| m.what.contains("nobody")));
}

#[test]
fn bad_settings_are_config_errors() {
    let d = overlap_data();
    for toml in [
        "[plugins.presence]\nmin_posts_per_slot = 0\n",
        "[plugins.presence]\nshrinkage_k = \"ten\"\n",
        "[plugins.presence]\npeak_share = 1.5\n",
        "[plugins.presence]\nbest_slot = 3\n",
    ] {
        assert!(
            matches!(run_lang(&d, toml, None), Err(PluginError::Config(_))),
            "{toml}"
        );
    }
}

#[test]
fn empty_data_gives_a_section() {
    let s = run(&Dataset::default(), "[report]\nbrand = [\"acme\"]\n");
    assert!(!s.summary.is_empty());
    assert!(s.charts.is_empty());
    assert!(!s.missing.is_empty());
}

#[test]
fn output_is_deterministic() {
    let d = rich_data();
    assert_eq!(run(&d, RICH_TOML), run(&d, RICH_TOML));
}

/// Speed check on a million posts in random time order (run with
/// `cargo test --release -p honeycomb-presence -- --ignored --nocapture`).
#[test]
#[ignore = "benchmark"]
fn one_million_posts() {
    let mut d = data(&["acme"]);
    for i in 1..1000 {
        d.accounts.push(account(&format!("a{i}")));
    }
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let start = ts("2025-01-01T00:00:00Z");
    d.posts.reserve(1_000_000);
    for i in 0..1_000_000u32 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mut p = Post {
            id: format!("p{i}").into(),
            author: (x % 1000) as u32,
            created_at: start + (x % (365 * 86_400)) as i64,
            likes: Some((x % 50) as u32),
            ..Default::default()
        };
        if i % 10 == 0 {
            p.set_entities(vec!["acme".into()], Vec::new(), Vec::new());
        }
        d.posts.push(p);
    }
    let config = Config::parse("[report]\ntimezone = \"Europe/Amsterdam\"\nbrand = [\"acme\"]\n")
        .expect("config");
    let cx = Context::new(&d, &config, ContextOptions::default());
    let _ = cx.brand();
    // CPU time of this thread (Linux), so that other work on the machine does not count.
    let cpu = || -> u64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
            .unwrap_or(0)
    };
    let settings = crate::Settings::default();
    for _ in 0..3 {
        let (t, c) = (std::time::Instant::now(), cpu());
        let a = crate::report::Analysis::new(&cx, &settings);
        let c1 = cpu();
        let s = crate::report::build(&cx, &settings, &a);
        let c2 = cpu();
        eprintln!(
            "presence on 1M posts: wall {:?}; cpu: analysis {} ms, section {} ms",
            t.elapsed(),
            (c1 - c) / 1_000_000,
            (c2 - c1) / 1_000_000
        );
        assert_eq!(s.entity_columns.len(), 3);
    }
}

#[test]
#[ignore = "benchmark"]
fn one_million_posts_parts() {
    let slots: Vec<u8> = (0..1_000_000u32).map(|i| (i % 168) as u8).collect();
    let mut best = [std::time::Duration::MAX; 3];
    for _ in 0..7 {
        let t = std::time::Instant::now();
        let v: Vec<String> = slots
            .iter()
            .map(|&s| ["Mon", "Tue"][s as usize % 2].to_owned())
            .collect();
        best[0] = best[0].min(t.elapsed());
        let t = std::time::Instant::now();
        drop(v);
        best[1] = best[1].min(t.elapsed());
        let t = std::time::Instant::now();
        let v = crate::report::post_columns(&slots);
        best[2] = best[2].min(t.elapsed());
        drop(v);
    }
    eprintln!(
        "one column: {:?}, drop: {:?}, both columns: {:?}",
        best[0], best[1], best[2]
    );
}

#[test]
#[ignore = "prints the section"]
fn print_rich() {
    for lang in [Lang::En, Lang::Nl] {
        let s = run_lang(&rich_data(), RICH_TOML, Some(lang)).expect("run");
        eprintln!("== {} ==\n{}\n", s.title, s.summary);
        if let Some(sc) = &s.score {
            eprintln!("SCORE {} | {} | {}", sc.value, sc.rule, sc.verdict);
        }
        for m in &s.metrics {
            eprintln!(
                "{} | {} | {:?} | {} | {}",
                m.key, m.label, m.value, m.display, m.unit
            );
        }
        for t in &s.tables {
            eprintln!(
                "TABLE {} {:?} {:?} {:?}",
                t.title, t.columns, t.rows, t.note
            );
        }
        for c in &s.charts {
            eprintln!("CHART {} | {} | {}", c.id, c.title, c.description);
        }
        for f in &s.findings {
            eprintln!("FINDING {:?} {} {:?}", f.severity, f.text, f.evidence);
        }
        for r in &s.recommendations {
            eprintln!(
                "REC {:?} {} || {} {:?}",
                r.priority, r.action, r.why, r.evidence
            );
        }
        for m in &s.missing {
            eprintln!("MISSING {} -> {}", m.what, m.add);
        }
    }
}

#[test]
fn brand_originals_are_the_source_when_there_are_enough() {
    let mut d = data(&["acme", "fan"]);
    for i in 0..5 {
        liked(&mut d, 1, &format!("2026-01-05T10:{:02}:00Z", i), 20);
        liked(&mut d, 0, &format!("2026-01-06T11:{:02}:00Z", i), 50);
    }
    // All accounts: m = 350 / 10 = 35; Tuesday (250 + 350) / 15 = 40.
    let s = run(&d, "[report]\nbrand = [\"acme\"]\n");
    assert!(close(value(&s, "presence.best_slot"), 40.0));
    assert!(close(
        value(&s, "presence.brand_in_best_slots"),
        100.0 * 5.0 / 5.0
    ));
    // The brand's own 5 originals: m = 50, Tuesday = 50.
    let s = run(
        &d,
        "[report]\nbrand = [\"acme\"]\n[plugins.presence]\nbest_times_basis = \"brand\"\nmin_brand_posts = 5\n",
    );
    assert!(close(value(&s, "presence.best_slot"), 50.0));
    assert!(
        s.tables[0]
            .note
            .as_deref()
            .is_some_and(|n| n.contains("the brand's original posts"))
    );
    // By default all accounts' originals rank the hours, however many the brand has.
    for i in 5..40 {
        liked(&mut d, 0, &format!("2026-01-06T11:{:02}:00Z", i), 50);
    }
    let s = run(&d, "[report]\nbrand = [\"acme\"]\n");
    let def = &s.metric("presence.best_slot").expect("metric").definition;
    assert!(def.contains("best_times_basis = \"all\""), "{def}");
    // All accounts: m = (100 + 40 · 50) / 45; Tuesday (40 · 50 + 10 m) / 50.
    let m = 2100.0 / 45.0;
    assert!(close(
        value(&s, "presence.best_slot"),
        (2000.0 + 10.0 * m) / 50.0
    ));
}

#[test]
fn presence_log_without_brand_records_is_reported() {
    let mut d = availability_data();
    d.presence.retain(|r| r.account == 2);
    let s = run(&d, AVAIL_TOML);
    assert!(
        s.metric("presence.online_share")
            .is_some_and(|m| m.value.is_none())
    );
    assert!(
        s.missing
            .iter()
            .any(|m| m.what.contains("no records of the brand accounts"))
    );
    assert!(close(value(&s, "presence.presence_location_share"), 100.0));
}

#[test]
fn competitors_are_not_the_audience() {
    let mut d = data(&["acme", "rival", "fan"]);
    post(&mut d, 0, "2026-01-05T10:00:00Z");
    post(&mut d, 1, "2026-01-05T11:00:00Z");
    post(&mut d, 1, "2026-01-05T12:00:00Z");
    post(&mut d, 2, "2026-01-05T13:00:00Z");
    let s = run(
        &d,
        "[report]\nbrand = [\"acme\"]\ncompetitors = [\"rival\"]\n",
    );
    assert_eq!(value(&s, "presence.audience_posts"), 1.0);
    assert_eq!(value(&s, "presence.brand_posts"), 1.0);
    let s = run(&d, "[report]\nbrand = [\"acme\"]\n");
    assert_eq!(value(&s, "presence.audience_posts"), 3.0);
}

#[test]
fn regularity_counts_the_brands_own_posts_not_its_replies() {
    let mut d = data(&["acme", "fan"]);
    let q = post(&mut d, 1, "2026-01-05T09:00:00Z");
    for day in ["05", "12", "19"] {
        post(&mut d, 0, &format!("2026-01-{day}T10:00:00Z"));
    }
    for m in 0..10 {
        let r = post(&mut d, 0, &format!("2026-01-06T10:{m:02}:00Z"));
        d.posts[r].reply_to = Some(q as u32);
    }
    let s = run(
        &d,
        "[report]\nbrand = [\"acme\"]\nperiod = \"2026-01-05..2026-01-25\"\n",
    );
    // 3 own posts over 3 weeks; the 10 replies are not counted.
    assert!(close(value(&s, "presence.posts_per_week"), 1.0));
    // Gaps of exactly 7 days: a fixed schedule.
    assert!(close(value(&s, "presence.gap_cv"), 0.0));
}

#[test]
fn the_brand_showing_its_own_address_is_no_privacy_warning() {
    let mut d = data(&["acme", "fan"]);
    for i in 0..5 {
        let b = post(&mut d, 0, &format!("2026-01-0{}T10:00:00Z", i + 1));
        d.posts[b].details_mut().location = Some("Our café, Utrecht".into());
        post(&mut d, 1, &format!("2026-01-0{}T20:00:00Z", i + 1));
    }
    let s = run(&d, "[report]\nbrand = [\"acme\"]\n");
    assert!(
        close(value(&s, "presence.post_location_share"), 50.0),
        "the metric still counts every post"
    );
    assert!(!s.recommendations.iter().any(|r| {
        r.evidence
            .iter()
            .any(|e| e == "presence.post_location_share")
    }));
    // The audience's own locations do trigger it.
    let f = post(&mut d, 1, "2026-01-09T20:00:00Z");
    d.posts[f].details_mut().location = Some("Home, Kerkstraat 1".into());
    let s = run(&d, "[report]\nbrand = [\"acme\"]\n");
    assert!(s.recommendations.iter().any(|r| {
        r.evidence
            .iter()
            .any(|e| e == "presence.post_location_share")
    }));
}

#[test]
fn a_high_score_with_one_weak_part_is_not_called_strong() {
    let mut d = data(&["acme", "fan"]);
    let f = post(&mut d, 1, "2026-01-05T10:00:00Z");
    d.posts[f].set_entities(vec!["acme".into()], Vec::new(), Vec::new());
    post(&mut d, 0, "2026-01-05T10:30:00Z");
    presence(
        &mut d,
        0,
        "2026-01-05T20:00:00Z",
        Status::Online,
        Some(60),
        None,
    );
    let s = run(
        &d,
        "[report]\nbrand = [\"acme\"]\nperiod = \"2026-01-05..2026-01-05\"\n",
    );
    let score = s.score.as_ref().expect("score");
    // 50 × fit 1 + 30 × regularity 1 + 20 × availability 0 = 80.
    assert!(close(score.value, 80.0), "{}", score.rule);
    assert!(
        score
            .verdict
            .starts_with("Good presence overall, but one part lags"),
        "{}",
        score.verdict
    );
}
