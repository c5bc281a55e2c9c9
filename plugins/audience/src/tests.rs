//! Tests of the audience plugin on small hand-built datasets with hand-computed expectations.

use crate::analysis::{Analysis, NOT_SEEN, bits};
use crate::settings::Settings;
use crate::{AudiencePlugin, MOTIVATIONS, RUNGS, SEGMENTS, classify, primary, quantile};
use honeycomb_core::{
    Account, ChartKind, ColumnValues, Config, Context, ContextOptions, Dataset, Follow, FollowKind,
    Lang, Membership, NO_TIME, Plugin, PluginError, Post, PresenceRecord, Rating, RatingKind, Role,
    Section, Status, TableKind,
};

fn ts(s: &str) -> i64 {
    s.parse::<jiff::Timestamp>()
        .expect("test timestamp")
        .as_second()
}

/// Accounts with ids and handles as given; `declared` false for the ids starting with `~`.
fn data(ids: &[&str]) -> Dataset {
    let mut d = Dataset::default();
    for id in ids {
        let implicit = id.starts_with('~');
        let id = id.trim_start_matches('~');
        d.accounts.push(Account {
            id: id.into(),
            handle: Some(id.into()),
            declared: !implicit,
            ..Account::default()
        });
    }
    for t in [
        TableKind::Accounts,
        TableKind::Posts,
        TableKind::Follows,
        TableKind::Memberships,
        TableKind::Presence,
        TableKind::Ratings,
    ] {
        d.columns.insert(t, vec![]);
    }
    d
}

fn post(d: &mut Dataset, author: u32, at: &str, text: &str) -> u32 {
    d.posts.push(Post {
        id: format!("p{}", d.posts.len()).into(),
        author,
        created_at: ts(at),
        text: text.into(),
        ..Post::default()
    });
    d.posts.len() as u32 - 1
}

fn reply(d: &mut Dataset, author: u32, at: &str, to: u32) -> u32 {
    let i = post(d, author, at, "");
    d.posts[i as usize].reply_to = Some(to);
    i
}

fn repost(d: &mut Dataset, author: u32, at: &str, of: u32) -> u32 {
    let i = post(d, author, at, "");
    d.posts[i as usize].repost_of = Some(of);
    i
}

fn rate(d: &mut Dataset, rater: u32, post: u32, at: &str, kind: RatingKind) {
    d.ratings.push(Rating {
        post,
        rater,
        created_at: ts(at),
        score: 1.0,
        kind,
    });
}

fn follow(d: &mut Dataset, source: u32, target: u32) {
    d.follows.push(Follow {
        source,
        target,
        created_at: NO_TIME,
        weight: 1.0,
        kind: FollowKind::Follow,
    });
}

fn run(d: &Dataset, toml: &str, lang: Lang) -> Result<Section, PluginError> {
    let cfg = Config::parse(toml).expect("config");
    let mut opts = ContextOptions::default();
    opts.lang = Some(lang);
    let cx = Context::new(d, &cfg, opts);
    AudiencePlugin.analyze(&cx)
}

fn analyse(d: &Dataset, toml: &str) -> Analysis {
    let cfg = Config::parse(toml).expect("config");
    let cx = Context::new(d, &cfg, ContextOptions::default());
    let s = Settings::read(cx.plugin_config("audience")).expect("settings");
    Analysis::new(&cx, &s)
}

fn value(s: &Section, key: &str) -> Option<f64> {
    s.metric(&format!("audience.{key}")).and_then(|m| m.value)
}

/// The rung name of the account with this id.
fn rung_of(d: &Dataset, a: &Analysis, id: &str, prev: bool) -> &'static str {
    let ix = d.account_by_id(id).expect("account") as usize;
    let r = if prev {
        a.prev_rung.as_ref().expect("previous")[ix]
    } else {
        a.rung[ix]
    };
    if r == NOT_SEEN {
        "not seen"
    } else {
        RUNGS[r as usize]
    }
}

fn segment_of(d: &Dataset, a: &Analysis, id: &str) -> &'static str {
    let ix = d.account_by_id(id).expect("account") as usize;
    SEGMENTS
        .get(a.segment[ix] as usize)
        .copied()
        .unwrap_or("none")
}

const PERIOD: &str =
    "[report]\ntimezone = \"UTC\"\nperiod = \"2026-01-01..2026-01-31\"\nbrand = [\"brand\"]\n";

/// One account per rung, a multi-behaviour account, an implicit follower, an implicit
/// account that did nothing, and December activity for the previous period.
fn ladder() -> Dataset {
    let mut d = data(&[
        "brand", "cre", "cri", "col", "joi", "spe", "ina", "multi", "~ghost", "~nobody", "rep",
        "star",
    ]);
    let at = "2026-01-10T12:00:00Z";
    let dec = "2025-12-10T12:00:00Z";
    let b0 = post(&mut d, 0, at, "Welcome to our shop");
    let c0 = post(&mut d, 1, at, "My own post"); // cre: creator
    reply(&mut d, 2, at, b0); // cri: critic (reply to the brand's post)
    rate(&mut d, 3, c0, at, RatingKind::Like); // col: collector by a like
    follow(&mut d, 4, 0); // joi: profile + follows
    d.presence.push(PresenceRecord {
        account: 5,
        at: ts(at),
        status: Status::Online,
        location: None,
        duration_s: None,
    }); // spe: spectator
    // multi: original + reply + like + group → creator (the highest rung).
    post(&mut d, 7, at, "Another post");
    reply(&mut d, 7, at, c0);
    rate(&mut d, 7, b0, at, RatingKind::Like);
    d.memberships.push(Membership {
        group: 0,
        account: 7,
        joined_at: None,
        left_at: None,
        role: Role::Member,
    });
    follow(&mut d, 8, 1); // ghost: follows without a profile → spectator
    repost(&mut d, 10, at, c0); // rep: collector by a repost
    rate(&mut d, 11, c0, at, RatingKind::Star); // star: critic by a star rating
    // The brand's own activity never counts.
    rate(&mut d, 0, c0, at, RatingKind::Star);
    // December: cre was a critic, cri a creator, ina a collector, spe a creator.
    let bd = post(&mut d, 0, dec, "December post");
    reply(&mut d, 1, dec, bd);
    post(&mut d, 2, dec, "Old post");
    rate(&mut d, 6, bd, dec, RatingKind::Like);
    post(&mut d, 5, dec, "Was active");
    // A rating of one's own post counts for nothing.
    let own = post(&mut d, 6, "2025-11-01T00:00:00Z", "x");
    rate(&mut d, 6, own, at, RatingKind::Star);
    d
}

#[test]
fn every_rung_by_name_and_the_highest_rung_wins() {
    let d = ladder();
    let a = analyse(&d, PERIOD);
    for (id, rung) in [
        ("cre", "creator"),
        ("cri", "critic"),
        ("col", "collector"),
        ("rep", "collector"),
        ("star", "critic"),
        ("joi", "joiner"),
        ("spe", "spectator"),
        ("ghost", "spectator"),
        ("ina", "inactive"),
        ("multi", "creator"),
        ("nobody", "not seen"),
        ("brand", "not seen"),
    ] {
        assert_eq!(rung_of(&d, &a, id, false), rung, "{id}");
    }
    // multi shows four behaviours, its primary rung is the highest.
    let multi = a.behaviour[7];
    assert_eq!(
        multi & (bits::CREATE | bits::CRITIC | bits::COLLECT | bits::JOIN),
        bits::CREATE | bits::CRITIC | bits::COLLECT | bits::JOIN
    );
    assert_eq!(
        primary(bits::COLLECT | bits::JOIN | bits::SPECTATE, true),
        2
    );
    assert_eq!(primary(0, true), 5);
    assert_eq!(primary(0, false), NOT_SEEN);
    // 10 in the audience (brand and nobody out): creators cre, multi; critics cri, star;
    // collectors col, rep; joiner joi; spectators spe, ghost; inactive ina.
    assert_eq!(a.audience, 10);
    assert_eq!(a.counts, [2, 2, 2, 1, 2, 1]);
    assert_eq!(a.brand_excluded, 1);
    // Behaviours (not exclusive): create cre, multi; critic cri, multi, star; collect col,
    // multi, rep; join joi, multi; spectate spe, ghost.
    assert_eq!(a.behaviour_counts, [2, 3, 3, 2, 2]);
}

#[test]
fn previous_period_transitions_are_counted() {
    let d = ladder();
    let a = analyse(&d, PERIOD);
    for (id, rung) in [
        ("cre", "critic"),
        ("cri", "creator"),
        ("ina", "collector"),
        ("spe", "creator"),
        ("joi", "joiner"),
        ("ghost", "spectator"),
        ("multi", "joiner"),
        ("col", "inactive"),
        ("nobody", "not seen"),
    ] {
        assert_eq!(rung_of(&d, &a, id, true), rung, "{id} in December");
    }
    let t = &a.transitions;
    assert_eq!(t[1][0], 1, "critic → creator (cre)");
    assert_eq!(t[0][1], 1, "creator → critic (cri)");
    assert_eq!(t[2][5], 1, "collector → inactive (ina)");
    assert_eq!(t[0][4], 1, "creator → spectator (spe)");
    assert_eq!(t[3][3], 1, "joiner stays (joi)");
    assert_eq!(t[4][4], 1, "spectator stays (ghost)");
    assert_eq!(t[3][0], 1, "joiner → creator (multi)");
    // Inactive in December: col, rep, star → collector, collector, critic.
    assert_eq!((t[5][2], t[5][1]), (2, 1));
    assert_eq!(t.iter().flatten().sum::<u64>(), 10);
    assert_eq!(t[6].iter().sum::<u64>(), 0, "nobody is left out");
    // Up: cre, multi, col, rep, star; down: cri, ina, spe; stayed: joi, ghost.
    assert_eq!((a.moved_up, a.moved_down, a.stayed), (5, 3, 2));
    assert!(a.prev_has_activity);
    let s = run(&d, PERIOD, Lang::En).expect("section");
    assert_eq!(value(&s, "creators_previous"), Some(20.0));
    assert_eq!(value(&s, "moved_up"), Some(50.0));
    let m = s
        .tables
        .iter()
        .find(|t| t.id == "movement")
        .expect("movement table");
    assert_eq!(m.rows[1][0], "Critics");
    assert_eq!(m.rows[1][1], "1", "critic → creator");
    let col = s
        .entity_columns
        .iter()
        .find(|c| c.name == "technographics_previous")
        .expect("previous column");
    assert_eq!(col.values.cell(1), "critic");
}

#[test]
fn section_shares_columns_and_no_brand() {
    let d = ladder();
    let s = run(&d, PERIOD, Lang::En).expect("section");
    assert!(s.score.is_none(), "not a block: no honeycomb score");
    assert_eq!(value(&s, "audience"), Some(10.0));
    assert_eq!(value(&s, "creators"), Some(20.0));
    assert_eq!(value(&s, "joiners"), Some(10.0));
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "technographics")
        .expect("ladder");
    assert_eq!(t.rows.len(), 6);
    assert!(t.rows[0][1].contains("original post"), "{:?}", t.rows[0]);
    assert!(matches!(s.charts[0].kind, ChartKind::Bar { .. }));
    let col = s
        .entity_columns
        .iter()
        .find(|c| c.name == "technographics")
        .expect("column");
    assert_eq!(col.values.len(), d.accounts.len());
    assert_eq!(
        (col.values.cell(0), col.values.cell(1), col.values.cell(9)),
        (String::new(), "creator".to_string(), String::new()),
        "the brand and the unseen have no rung"
    );
    let beh = s
        .entity_columns
        .iter()
        .find(|c| c.name == "behaviours")
        .expect("behaviours");
    assert_eq!(beh.values.cell(7), "creator critic collector joiner");
    for r in &s.recommendations {
        assert!(
            ["conversations", "relationships", "groups", "sharing"].contains(&r.block.as_str()),
            "{}",
            r.block
        );
        assert!(r.evidence.iter().all(|k| s.metric(k).is_some()), "{r:?}");
    }
    // Competitors are not the audience either.
    let s = run(&d, &format!("{PERIOD}competitors = [\"rep\"]\n"), Lang::En).expect("section");
    assert_eq!(value(&s, "audience"), Some(9.0));
    assert!(
        s.summary
            .contains("your own 1 account and your competitors' 1 account"),
        "{}",
        s.summary
    );
    // Dutch text too.
    let nl = run(&d, PERIOD, Lang::Nl).expect("section");
    assert_eq!(nl.title, "Publiek");
    assert!(
        nl.summary.contains("Makers") || nl.summary.contains("makers"),
        "{}",
        nl.summary
    );
}

#[test]
fn an_undated_rating_counts_at_its_posts_time() {
    let mut d = data(&["brand", "a", "b"]);
    let jan = post(&mut d, 1, "2026-01-10T12:00:00Z", "in the period");
    let dec = post(&mut d, 1, "2025-12-10T12:00:00Z", "before it");
    for (post, kind) in [(jan, RatingKind::Like), (dec, RatingKind::Star)] {
        d.ratings.push(Rating {
            post,
            rater: 2,
            created_at: NO_TIME,
            score: 1.0,
            kind,
        });
    }
    let a = analyse(&d, PERIOD);
    assert_eq!(rung_of(&d, &a, "b", false), "collector");
    assert_eq!(rung_of(&d, &a, "b", true), "critic");
}

#[test]
fn without_a_period_there_is_no_comparison() {
    let d = ladder();
    let s = run(&d, "[report]\nbrand = [\"brand\"]\n", Lang::En).expect("section");
    assert!(s.findings.iter().any(|f| f.text
        == "No comparison: set a report period (--period) to compare with the period before it."));
    assert!(s.tables.iter().all(|t| t.id != "movement"));
    assert!(s.metric("audience.creators_previous").is_none());
    // Without a period every post counts: spe's December post makes it a creator.
    let a = analyse(&d, "[report]\nbrand = [\"brand\"]\n");
    assert_eq!(rung_of(&d, &a, "spe", false), "creator");
    assert!(a.prev_rung.is_none());
}

/// One account per segment: h1 highly connected, e1 entertainment seeker, r1 and r2
/// restrained users, u1 unclassified.
fn segments() -> Dataset {
    let mut d = data(&["brand", "h1", "e1", "r1", "u1", "r2"]);
    let at = "2026-01-10T12:00:00Z";
    let fun = post(&mut d, 0, at, "Fun video tonight");
    let info = post(&mut d, 0, at, "Opening hours update");
    follow(&mut d, 1, 0); // h1: the only audience account with a degree
    post(&mut d, 1, at, "hello there");
    for _ in 0..3 {
        reply(&mut d, 2, at, fun);
    }
    post(&mut d, 3, at, "just one post");
    for _ in 0..4 {
        reply(&mut d, 4, at, info);
    }
    d
}

#[test]
fn every_segment_by_name() {
    let d = segments();
    let a = analyse(&d, PERIOD);
    // The top quarter of 5 is 2 places; only h1 has a degree (1) at all.
    assert_eq!(
        (
            a.connected_slots,
            a.connected_candidates,
            a.connected_cutoff
        ),
        (2, 1, Some((1, 0)))
    );
    // Activity of the active audience: [1, 3, 1, 4] → nearest-rank median 1.
    assert_eq!(a.median_activity, 1);
    for (id, seg) in [
        ("h1", "highly_connected"),
        ("e1", "entertainment_seeker"),
        ("r1", "restrained"),
        ("r2", "restrained"),
        ("u1", "unclassified"),
        ("brand", "none"),
    ] {
        assert_eq!(segment_of(&d, &a, id), seg, "{id}");
    }
    assert_eq!(a.seg_counts, [1, 1, 2, 1]);
    // e1's three replies are on the entertainment post; u1's four on the information post.
    assert_eq!(a.seg_interactions, [0, 3, 0, 4]);
    assert_eq!(a.seg_categories[1][0], 3);
    assert_eq!(a.seg_categories[3][3], 4);
    let s = run(&d, PERIOD, Lang::En).expect("section");
    assert_eq!(value(&s, "restrained"), Some(40.0));
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "segments")
        .expect("segments");
    assert_eq!(t.rows[1][5], "Entertainment (100%)");
    assert!(
        s.recommendations
            .iter()
            .any(|r| r.block == "relationships" && r.evidence == ["audience.highly_connected"])
    );
    // A stricter entertainment rule moves e1 out: 3 interactions < 4 → above the median.
    let a = analyse(
        &d,
        &format!("{PERIOD}[plugins.audience]\nmin_interactions = 4\n"),
    );
    assert_eq!(segment_of(&d, &a, "e1"), "unclassified");
}

#[test]
fn breadth_ties_are_broken_by_groups_then_data_order() {
    // Eight active accounts, all with degree 1 (each follows the brand); g3 and g6 are also
    // in a group. The top quarter is 2 places: g3 and g6 (more groups), not g0 and g1.
    let names = ["brand", "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7"];
    let mut d = data(&names);
    for a in 1..=8u32 {
        follow(&mut d, a, 0);
        post(&mut d, a, "2026-01-10T12:00:00Z", "hello");
    }
    for a in [4u32, 7] {
        d.memberships.push(Membership {
            group: 0,
            account: a,
            joined_at: None,
            left_at: None,
            role: Role::Member,
        });
    }
    let a = analyse(&d, PERIOD);
    let connected: Vec<&str> = names[1..]
        .iter()
        .copied()
        .filter(|id| segment_of(&d, &a, id) == "highly_connected")
        .collect();
    assert_eq!(connected, ["g3", "g6"]);
    // Without the groups, data order decides: g0 and g1.
    d.memberships.clear();
    let a = analyse(&d, PERIOD);
    let connected: Vec<&str> = names[1..]
        .iter()
        .copied()
        .filter(|id| segment_of(&d, &a, id) == "highly_connected")
        .collect();
    assert_eq!(connected, ["g0", "g1"]);
}

#[test]
fn no_activity_before_the_period_gives_no_comparison() {
    // Everyone is on the joiner rung by standing follows only: nothing to compare.
    let mut d = segments();
    d.posts
        .retain(|p| p.created_at >= ts("2026-01-01T00:00:00Z"));
    let s = run(&d, PERIOD, Lang::En).expect("section");
    assert!(s.tables.iter().all(|t| t.id != "movement"));
    assert!(s.metric("audience.moved_up").is_none());
    assert!(
        s.findings
            .iter()
            .any(|f| f.text.starts_with("No comparison: the data has no posts"))
    );
    assert!(
        s.missing.iter().any(|m| m.add.contains("31 days before")),
        "{:?}",
        s.missing
    );
    assert!(
        s.entity_columns
            .iter()
            .all(|c| c.name != "technographics_previous")
    );
}

#[test]
fn quantiles_are_nearest_rank() {
    assert_eq!(quantile(&mut [], 0.5), 0);
    assert_eq!(quantile(&mut [5, 1, 3, 2], 0.5), 2);
    assert_eq!(quantile(&mut [5, 1, 3, 2], 0.75), 3);
    assert_eq!(quantile(&mut [7], 0.75), 7);
}

#[test]
fn motivation_words_match_whole_words_in_english_dutch_and_hashtags() {
    let s = Settings::default();
    let lex = s.lexicon();
    let mut buf = String::new();
    let m = |name: &str| 1u8 << MOTIVATIONS.iter().position(|x| *x == name).expect(name);
    let c = |t: &str, buf: &mut String| classify(t, &[], &lex, buf);
    assert_eq!(c("Such fun tonight!", &mut buf), m("entertainment"));
    assert_eq!(
        c("Raising funds for the school", &mut buf),
        0,
        "fun ≠ funds"
    );
    assert_eq!(c("#funday", &mut buf), 0, "a hashtag matches whole");
    assert_eq!(c("#FUN times", &mut buf), m("entertainment"));
    assert_eq!(c("Leuk en gezellig", &mut buf), m("entertainment"));
    assert_eq!(c("Gratis koffie! #winactie", &mut buf), m("remuneration"));
    assert_eq!(
        c("KLACHT: ik wil mijn geld terug", &mut buf),
        m("empowerment")
    );
    assert_eq!(
        classify("see this", &["tips".into()], &lex, &mut buf),
        m("information"),
        "hashtags from the column"
    );
    assert_eq!(
        c("Thanks for the tips, so much fun", &mut buf),
        m("social_interaction") | m("information") | m("entertainment")
    );
}

#[test]
fn engagement_shares_per_motivation() {
    let mut d = data(&["brand", "a"]);
    let at = "2026-01-10T12:00:00Z";
    for (text, likes) in [
        ("Such fun tonight!", 10),
        ("Raising funds for the school", 20),
        ("Gratis koffie! #winactie", 30),
        ("Leuk en gezellig", 5),
        ("#FUN times, thanks all", 15),
    ] {
        let i = post(&mut d, 1, at, text);
        d.posts[i as usize].likes = Some(likes);
    }
    // Count columns present: the repost below is not added to its original's engagement.
    for p in &mut d.posts {
        (p.reposts, p.replies) = (Some(0), Some(0));
    }
    let i = post(&mut d, 1, at, "see this");
    d.posts[i as usize].likes = Some(20);
    d.posts[i as usize].set_entities(vec![], vec!["tips".into()], vec![]);
    // A repost is left out (it carries the original's counts).
    let r = repost(&mut d, 1, at, 0);
    d.posts[r as usize].likes = Some(1000);
    let s = run(&d, PERIOD, Lang::En).expect("section");
    // Total engagement 100: entertainment 10 + 5 + 15, social interaction 15, remuneration
    // 30, information 20, not matched 20.
    assert_eq!(value(&s, "motivation_entertainment"), Some(30.0));
    assert_eq!(value(&s, "motivation_social_interaction"), Some(15.0));
    assert_eq!(value(&s, "motivation_remuneration"), Some(30.0));
    assert_eq!(value(&s, "motivation_information"), Some(20.0));
    assert_eq!(value(&s, "motivation_personal_identity"), Some(0.0));
    assert_eq!(value(&s, "motivation_unmatched"), Some(20.0));
    let matched = value(&s, "motivation_posts_matched").expect("matched");
    assert!((matched - 500.0 / 6.0).abs() < 1e-9);
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "motivations")
        .expect("table");
    assert_eq!(t.rows[0][2], "3", "three entertainment posts");
    assert_eq!(t.rows[0][3], "50.0%");
    assert!(
        t.note
            .as_deref()
            .unwrap_or("")
            .contains("estimate from content")
    );
    // Extending a list: "koffie" becomes an entertainment word too.
    let s = run(
        &d,
        &format!("{PERIOD}[plugins.audience]\nmotivations.entertainment = [\"#Koffie\"]\n"),
        Lang::En,
    )
    .expect("section");
    assert_eq!(value(&s, "motivation_entertainment"), Some(60.0));
    // Replacing it: only "koffie" is left.
    let s = run(
        &d,
        &format!(
            "{PERIOD}[plugins.audience]\nmotivations_mode = \"replace\"\nmotivations.entertainment = [\"koffie\"]\n"
        ),
        Lang::En,
    )
    .expect("section");
    assert_eq!(value(&s, "motivation_entertainment"), Some(30.0));
}

#[test]
fn bad_settings_give_a_clear_error() {
    let d = segments();
    let err = |toml: &str| -> String {
        match run(&d, &format!("[plugins.audience]\n{toml}\n"), Lang::En) {
            Err(PluginError::Config(e)) => e,
            other => panic!("expected a configuration error for {toml}, got {other:?}"),
        }
    };
    let e = err("colour = 1");
    assert!(
        e.contains("unknown key `colour`") && e.contains("min_interactions"),
        "{e}"
    );
    let e = err("motivations.fun = [\"x\"]");
    assert!(
        e.contains("unknown motivation `fun`") && e.contains("entertainment"),
        "{e}"
    );
    let e = err("motivations.entertainment = [\"two words\"]");
    assert!(e.contains("not a single word"), "{e}");
    let e = err("motivations.entertainment = [3]");
    assert!(e.contains("motivations.entertainment = [3]"), "{e}");
    let e = err("motivations = 3");
    assert!(e.contains("expected a table of word lists"), "{e}");
    let e = err("connected_share = 2");
    assert!(
        e.contains("connected_share = 2: expected a number from 0.01 to 0.5"),
        "{e}"
    );
    let e = err("motivations_mode = \"merge\"");
    assert!(e.contains("\"extend\", \"replace\""), "{e}");
}

#[test]
fn builtin_word_lists_are_single_words_in_both_languages() {
    let t: toml::Table = toml::from_str(crate::settings::BUILTIN_MOTIVATIONS).expect("toml");
    assert_eq!(t.len(), 6);
    for m in MOTIVATIONS {
        let lists = t.get(m).and_then(|v| v.as_table()).expect(m);
        for lang in ["en", "nl"] {
            let words = lists.get(lang).and_then(|v| v.as_array()).expect(lang);
            assert!(words.len() >= 10, "{m}.{lang}");
            for w in words {
                let w = w.as_str().expect("string");
                assert!(
                    w.chars().all(|c| c.is_alphanumeric() || c == '_'),
                    "{m}.{lang}: `{w}`"
                );
            }
        }
    }
    let s = Settings::default();
    assert!(s.words.iter().all(|w| w.len() >= 15));
}

#[test]
fn missing_tables_are_named() {
    let mut d = Dataset::default();
    d.columns.insert(TableKind::Posts, vec![]);
    d.accounts.push(Account {
        id: "x".into(),
        declared: false,
        ..Account::default()
    });
    post(&mut d, 0, "2026-01-10T12:00:00Z", "hello");
    let s = run(&d, "", Lang::En).expect("section");
    let adds: Vec<&str> = s.missing.iter().map(|m| m.add.as_str()).collect();
    for t in [
        "ratings.csv",
        "follows.csv",
        "accounts.csv",
        "presence.csv",
        "likes, reposts",
        "--period",
    ] {
        assert!(adds.iter().any(|a| a.contains(t)), "{t} in {adds:?}");
    }
    assert_eq!(value(&s, "creators"), Some(100.0));
    // No panic on an empty dataset.
    let s = run(&Dataset::default(), "", Lang::Nl).expect("section");
    assert!(s.summary.starts_with("Geen publiek"));
    let _ = ColumnValues::Int(vec![]);
}
