//! Tests of the conversations plugin on small hand-built data sets; every expected number is
//! worked out by hand in the comments.

use crate::ConversationsPlugin;
use crate::rules::rules;
use crate::settings::Settings;
use honeycomb_core::mask::{excerpt, mask};
use honeycomb_core::time::days_from_civil;
use honeycomb_core::{
    Account, ColumnValues, Config, Context, ContextOptions, Dataset, Lang, Plugin, PluginError,
    Post, Section, TableKind, post_flags,
};

/// 2026-03-02, a Monday, 10:00 UTC.
fn monday_10() -> i64 {
    days_from_civil(2026, 3, 2) * 86_400 + 10 * 3600
}

/// A data set under construction: accounts by handle, posts by id.
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
            ["id", "author", "created_at", "text", "reply_to", "lang"]
                .iter()
                .map(|c| c.to_string())
                .collect(),
        );
        Data { d }
    }

    fn account(&self, handle: &str) -> u32 {
        self.d.account_by_id(handle).expect("account")
    }

    /// Adds a post by `author` at `at` replying to the post with id `reply_to`; mentions come
    /// from the text.
    fn post(&mut self, id: &str, author: &str, at: i64, text: &str, reply_to: Option<&str>) {
        let reply_to = reply_to.map(|r| {
            self.d
                .posts
                .iter()
                .position(|p| &*p.id == r)
                .expect("parent") as u32
        });
        let mut p = Post {
            id: id.into(),
            author: self.account(author),
            created_at: at,
            text: text.into(),
            reply_to,
            ..Post::default()
        };
        p.set_entities(honeycomb_core::text::mentions(text), Vec::new(), Vec::new());
        self.d.posts.push(p);
    }

    /// The last post replies to a post that is not in the data.
    fn dangling(&mut self) {
        if let Some(p) = self.d.posts.last_mut() {
            p.flags |= post_flags::DANGLING_REPLY;
        }
    }

    /// Sets the language of the last post.
    fn lang(&mut self, code: &str) {
        if let Some(p) = self.d.posts.last_mut() {
            p.details_mut().lang = Some(code.into());
        }
    }
}

fn run(d: &Dataset, toml: &str, lang: Lang) -> Result<Section, PluginError> {
    let cfg = Config::parse(toml).expect("config");
    let mut opts = ContextOptions::default();
    opts.lang = Some(lang);
    let cx = Context::new(d, &cfg, opts);
    ConversationsPlugin.analyze(&cx)
}

fn value(s: &Section, key: &str) -> Option<f64> {
    s.metric(&format!("conversations.{key}"))
        .and_then(|m| m.value)
}

fn approx(got: Option<f64>, want: f64) {
    let g = got.expect("a value");
    assert!((g - want).abs() < 1e-6, "{g} ≠ {want}");
}

fn table<'s>(s: &'s Section, id: &str) -> &'s honeycomb_core::Table {
    s.tables
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("table {id} missing"))
}

fn column(s: &Section, name: &str) -> ColumnValues {
    s.entity_columns
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("column {name} missing"))
        .values
        .clone()
}

const BRAND: &str = "[report]\nbrand = [\"acme\"]\ntimezone = \"UTC\"\n";

/// Thread A (Monday 10:00 UTC = T):
///   p0 ann  T        "@acme where is my order?"   (addressed to the brand; a question)
///   p1 bob  T+600    reply to p0
///   p2 acme T+1800   reply to p0                  (the brand answers p0 after 1,800 s)
///   p3 ann  T+3600   reply to p2                  (addressed to the brand: a reply to it)
///   p4 cat  T+7200   reply to p1
/// size 5, depth 2 (p0→p1→p4, p0→p2→p3), participants ann, bob, acme, cat = 4, first direct
/// reply p1 after 600 s, last post after 7,200 s, one brand reply; 4 replies within 24 h,
/// the last after 2 h: velocity 4 / 2 = 2 replies per hour.
///
/// Thread B: p5 dan T+100 replies to a post missing from the data (a root) ← p6 bob T+160:
/// size 2, depth 1, 2 participants, first reply 60 s, velocity 1 / max(60 s, 1 h) = 1.
///
/// p7 ann T+200 "@acme your coffee is great" — addressed to the brand, in no thread.
/// p8 dan T+50 "@acme are you open today" — a question to the brand, in no thread.
fn conversation() -> Data {
    let t = monday_10();
    let mut d = Data::new(&["acme", "ann", "bob", "cat", "dan"]);
    d.post("p0", "ann", t, "@acme where is my order?", None);
    d.post("p1", "bob", t + 600, "@ann same here, no idea", Some("p0"));
    d.post(
        "p2",
        "acme",
        t + 1800,
        "@ann Sorry! We will check it today.",
        Some("p0"),
    );
    d.post("p3", "ann", t + 3600, "@acme thanks", Some("p2"));
    d.post(
        "p4",
        "cat",
        t + 7200,
        "@bob mine came yesterday",
        Some("p1"),
    );
    d.post("p5", "dan", t + 100, "I agree with this", None);
    d.dangling();
    d.post("p6", "bob", t + 160, "@dan me too", Some("p5"));
    d.post("p7", "ann", t + 200, "@acme your coffee is great", None);
    d.post("p8", "dan", t + 50, "@acme are you open today", None);
    d
}

#[test]
fn threads_are_built_once_in_the_context_with_the_hand_computed_figures() {
    let d = conversation();
    let cfg = Config::parse(BRAND).expect("config");
    let cx = Context::new(&d.d, &cfg, ContextOptions::default());
    let th = cx.threads();
    assert_eq!(th.len(), 2);
    let a = th.threads[0];
    assert_eq!(
        (
            a.root,
            a.size,
            a.depth,
            a.participants,
            a.first_reply_s,
            a.duration_s,
            a.brand_replies
        ),
        (0, 5, 2, 4, Some(600), 7200, 1)
    );
    let b = th.threads[1];
    assert_eq!(
        (b.root, b.size, b.depth, b.participants, b.first_reply_s),
        (5, 2, 1, 2, Some(60)),
        "a reply to a missing post starts its own thread"
    );
    assert_eq!(th.dangling_roots, 1);
    assert!(std::ptr::eq(th, cx.threads()), "built once, then shared");
    assert!(cx.index_timings().iter().any(|(n, _)| n == "index threads"));

    let s = ConversationsPlugin.analyze(&cx).expect("section");
    assert_eq!(value(&s, "threads"), Some(2.0));
    assert_eq!(value(&s, "thread_size"), Some(3.5));
    assert_eq!(value(&s, "thread_depth"), Some(1.5));
    assert_eq!(value(&s, "participants"), Some(3.0));
    // First replies 600 and 60 s: median 330 s.
    assert_eq!(value(&s, "first_reply"), Some(330.0));
    // Velocities 2 and 1 per hour: median 1.5.
    assert_eq!(value(&s, "velocity"), Some(1.5));
    assert_eq!(value(&s, "dangling_threads"), Some(1.0));
    // The brand took part in thread A only, 1 of its 4 replies, 1,800 s after the root.
    assert_eq!(value(&s, "brand_threads"), Some(50.0));
    assert_eq!(value(&s, "brand_first_reply"), Some(1800.0));
    assert_eq!(value(&s, "brand_reply_share"), Some(25.0));

    // metrics/threads.csv (the runner names it from the export id `threads`).
    let ex = s.frames.iter().find(|t| t.id == "threads").expect("export");
    assert_eq!(
        ex.headers(),
        [
            "root",
            "size",
            "depth",
            "participants",
            "first_reply_s",
            "brand_replies",
            "sentiment"
        ]
    );
    assert_eq!(ex.rows(), 2);
    assert_eq!(ex.row(0)[..6], ["p0", "5", "2", "4", "600", "1"]);
    assert_eq!(ex.row(1)[..6], ["p5", "2", "1", "2", "60", "0"]);
    // metrics/posts.csv columns: one cell per post.
    let root = column(&s, "thread_root");
    let depth = column(&s, "depth");
    assert_eq!(root.len(), 9);
    assert_eq!(
        (root.cell(3), depth.cell(3)),
        ("p0".to_string(), "2".to_string())
    );
    assert_eq!((root.cell(6), depth.cell(6)), ("p5".into(), "1".into()));
    assert_eq!(
        (root.cell(7), depth.cell(7)),
        (String::new(), String::new())
    );
    let sent = column(&s, "sentiment");
    // "@acme your coffee is great": only "great" is rated (positive) → +1.000.
    assert_eq!(sent.cell(7), "1.000");
}

#[test]
fn response_rate_times_and_the_unanswered_oldest_first() {
    let d = conversation();
    let s = run(&d.d, BRAND, Lang::En).expect("section");
    // Addressed to the brand: p0 (mention), p3 (reply to the brand), p7 and p8 (mentions).
    // Only p0 has a later brand reply in its thread (p2, 1,800 s later, within business
    // hours).
    assert_eq!(value(&s, "inbound"), Some(4.0));
    assert_eq!(value(&s, "response_rate"), Some(25.0));
    assert_eq!(value(&s, "response_time"), Some(1800.0));
    assert_eq!(value(&s, "response_business"), Some(1800.0));
    assert_eq!(value(&s, "unanswered"), Some(3.0));
    // Waiting, oldest first: p8 (T+50, a question, alone) before thread A's p3 (T+3600);
    // p7 (a passing mention nobody replied to) counts in the rate but is not listed.
    let t = table(&s, "unanswered");
    assert_eq!(t.rows.len(), 2);
    let col = |name: &str| t.columns.iter().position(|c| c == name).expect(name);
    assert_eq!(t.rows[0][col("Who")], "@dan");
    assert_eq!(t.rows[0][col("Text")], "@acme are you open today");
    assert_eq!(t.rows[0][col("When")], "2026-03-02 10:00");
    assert_eq!(t.rows[0][col("Type")], "question");
    // Open until the last post in the data, T+7200: 7,150 s ≈ 2.0 h.
    assert_eq!(t.rows[0][col("Open for")], "2.0 h");
    assert_eq!(t.rows[1][col("Who")], "@ann");
    assert_eq!(t.rows[1][col("Text")], "@acme thanks");
    assert_eq!(t.rows[1][col("Replies")], "4");
    assert_eq!(t.rows[1][col("Open for")], "60 min");
    assert!(
        t.note
            .as_deref()
            .is_some_and(|n| n.contains("1 passing mentions")),
        "{:?}",
        t.note
    );
    // p0 (answered) and p8 (not) are questions.
    assert_eq!(value(&s, "questions_unanswered"), Some(1.0));
    // Score: 0.4 × 1/4 (rate) + 0.3 × 1/4 (within 4 h of business time) + 0.3 × 1 (the one
    // thread joined is not too present) = 0.475.
    let sc = s.score.as_ref().expect("score");
    assert!((sc.value - 47.5).abs() < 1e-9, "{}", sc.value);
    assert!(sc.rule.contains("0.4 × response rate"), "{}", sc.rule);
    // Advice with evidence.
    let r = s
        .recommendations
        .iter()
        .find(|r| r.action.contains("waiting for you"))
        .expect("advice to answer");
    assert!(r.action.contains("@ann"), "{}", r.action);
    assert!(r.evidence.contains(&"conversations.unanswered".to_string()));
}

#[test]
fn business_hours_skip_the_weekend_in_the_audience_time_zone() {
    // Friday 2026-03-06 16:30 in Amsterdam (CET, 15:30 UTC), answered on Monday 09:30 (08:30
    // UTC): 65 h of clock time, but only 16:30–17:00 and 09:00–09:30 of business time = 1 h.
    let fri = days_from_civil(2026, 3, 6) * 86_400 + 15 * 3600 + 30 * 60;
    let mon = days_from_civil(2026, 3, 9) * 86_400 + 8 * 3600 + 30 * 60;
    // And one asked on Monday 11:00 local (10:00 UTC), answered at 11:30: 30 min both ways.
    let mon_q = days_from_civil(2026, 3, 9) * 86_400 + 10 * 3600;
    let mut d = Data::new(&["acme", "ann", "bob"]);
    d.post("q1", "ann", fri, "@acme do you deliver on Saturday?", None);
    d.post("a1", "acme", mon, "@ann No, sorry!", Some("q1"));
    d.post("q2", "bob", mon_q, "@acme open today?", None);
    d.post("a2", "acme", mon_q + 1800, "@bob Yes!", Some("q2"));
    let toml = "[report]\nbrand = [\"acme\"]\ntimezone = \"Europe/Amsterdam\"\n";
    let s = run(&d.d, toml, Lang::En).expect("section");
    assert_eq!(value(&s, "response_rate"), Some(100.0));
    // Clock: 1,800 and 234,000 s → median 117,900, P90 1,800 + 0.9 × 232,200 = 210,780.
    assert_eq!(value(&s, "response_time"), Some(117_900.0));
    approx(value(&s, "response_time_p90"), 210_780.0);
    // Business: 1,800 and 3,600 s → median 2,700, P90 3,420.
    assert_eq!(value(&s, "response_business"), Some(2_700.0));
    approx(value(&s, "response_business_p90"), 3_420.0);
    // Both within the default target of 4 business hours.
    assert_eq!(value(&s, "within_target"), Some(100.0));
    // With a target of 45 minutes only the Monday question is.
    let s = run(
        &d.d,
        &format!("{toml}[plugins.conversations]\nresponse_target = \"45min\"\n"),
        Lang::En,
    )
    .expect("section");
    assert_eq!(value(&s, "within_target"), Some(50.0));
    // Saturday as a business day (10–14): Fri 16:30–17:00 counts 30 min under 09-17, but
    // under "10-14" nothing on Friday after 14:00, Saturday 10–14 = 4 h, Monday before 10:00
    // nothing: 4 h.
    let s = run(
        &d.d,
        &format!(
            "{toml}[plugins.conversations]\nbusiness_hours = \"10-14\"\nbusiness_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]\n"
        ),
        Lang::En,
    )
    .expect("section");
    // Sorted 1,800 and 14,400: P90 = 1,800 + 0.9 × 12,600 = 13,140.
    approx(value(&s, "response_business_p90"), 13_140.0);
}

#[test]
fn business_seconds_by_hand() {
    let s = Settings::default();
    // Local day numbers: 2026-03-06 is a Friday.
    let fri = days_from_civil(2026, 3, 6) * 86_400;
    let h = 3600;
    // Within one day.
    assert_eq!(s.business_seconds(fri + 10 * h, fri + 12 * h), 2 * h);
    assert_eq!(s.business_seconds(fri + 7 * h, fri + 8 * h), 0);
    // Friday 16:00 to the next Friday 10:00: 1 h + 4 whole days × 8 h + 1 h.
    assert_eq!(
        s.business_seconds(fri + 16 * h, fri + 7 * 86_400 + 10 * h),
        h + 4 * 8 * h + h
    );
    // Five weeks: 25 business days.
    assert_eq!(s.business_seconds(fri, fri + 35 * 86_400), 25 * 8 * h);
    assert_eq!(s.business_seconds(fri + h, fri), 0);
}

#[test]
fn too_present_and_moments_to_join() {
    let t = monday_10();
    let m = 60;
    let mut d = Data::new(&["acme", "ann", "bob", "cat", "dan", "eve"]);
    // C: the brand writes 3 of 5 replies (more than half, from 3 on): too present.
    d.post("c0", "ann", t, "What do you think of the new blend", None);
    for (k, who) in ["acme", "ann", "acme", "bob", "acme"].iter().enumerate() {
        d.post(
            &format!("c{}", k + 1),
            who,
            t + (k as i64 + 1) * 30 * m,
            "ok",
            Some("c0"),
        );
    }
    // D: 6 brand replies of 20 (30%), but more than max_brand_replies = 5: too present.
    d.post("d0", "bob", t, "Long discussion", None);
    for k in 0..20 {
        let who = if k < 6 {
            "acme"
        } else {
            ["ann", "cat", "dan"][k % 3]
        };
        d.post(
            &format!("d{}", k + 1),
            who,
            t + 20 * 3600 + k as i64 * 60,
            "hm",
            Some("d0"),
        );
    }
    // E: one brand answer to one question: not too present.
    d.post("e0", "cat", t, "@acme open on Sunday?", None);
    d.post("e1", "acme", t + 10 * m, "@cat Yes, from 10:00", Some("e0"));
    // F: 8 replies within the first hour, no brand: 8 per hour ≥ join_velocity 6 → a moment.
    d.post("f0", "dan", t, "Best coffee in town?", None);
    for k in 0..8 {
        let who = ["ann", "bob", "cat", "eve"][k % 4];
        d.post(
            &format!("f{}", k + 1),
            who,
            t + (k as i64 + 1) * 7 * m,
            "this one",
            Some("f0"),
        );
    }
    // G: 3 replies within an hour, no brand: 3 per hour — not fast by the default rule.
    d.post("g0", "eve", t, "Anyone tried the decaf", None);
    for k in 0..3 {
        d.post(
            &format!("g{}", k + 1),
            "ann",
            t + (k as i64 + 1) * 20 * m,
            "yes",
            Some("g0"),
        );
    }
    let s = run(&d.d, BRAND, Lang::En).expect("section");
    // Velocities: C 5 replies in 2.5 h = 2; D 20 replies, last at 20 h 19 min → 0.98;
    // E 1 (one hour minimum); F 8 in 56 min → 8; G 3 in 1 h → 3. The fastest 10% (nearest
    // rank 5 of 5) is F alone.
    assert_eq!(value(&s, "too_present"), Some(2.0));
    assert_eq!(value(&s, "moments_to_join"), Some(1.0));
    let too = table(&s, "too-present");
    assert_eq!(too.rows.len(), 2);
    // Highest share first: C (60%) before D (30%).
    assert_eq!(too.rows[0][2], "What do you think of the new blend");
    assert_eq!(too.rows[0][5], "60%");
    assert_eq!(too.rows[1][5], "30%");
    let mo = table(&s, "moments-to-join");
    assert_eq!(mo.rows.len(), 1);
    assert_eq!(mo.rows[0][1], "@dan");
    assert_eq!(mo.rows[0][3], "8");
    assert_eq!(mo.rows[0][4], "8.0");
    assert!(s.recommendations.iter().any(|r| {
        r.evidence
            .contains(&"conversations.too_present".to_string())
    }));
    // Balance in the score: the brand joined C, D, E; E is fine: 1 of 3.
    assert!(s.score.as_ref().expect("score").rule.contains("(33%)"));
    // A lower join_velocity makes G a moment too.
    let s = run(
        &d.d,
        &format!("{BRAND}[plugins.conversations]\njoin_velocity = 2.5\nmax_brand_replies = 6\n"),
        Lang::En,
    )
    .expect("section");
    assert_eq!(value(&s, "moments_to_join"), Some(2.0));
    assert_eq!(
        value(&s, "too_present"),
        Some(1.0),
        "6 replies are not more than 6"
    );
}

#[test]
fn questions_and_complaints_follow_the_documented_rules() {
    let r = rules();
    let k = |text: &str, lang: Option<Lang>, net: Option<f64>| r.classify(text, lang, net);
    // A question mark, or a question word first (after mentions).
    assert!(k("@acme Wanneer gaan jullie open", Some(Lang::Nl), None).question);
    assert!(k("Is the shop open on Sunday", Some(Lang::En), None).question);
    assert!(k("Great coffee?", Some(Lang::En), Some(1.0)).question);
    assert!(!k("The shop is open", Some(Lang::En), None).question);
    assert!(
        !k("see https://x.example/?a=1", Some(Lang::En), None).question,
        "a ? in a link is not a question"
    );
    assert!(
        !k("Wanneer gaan jullie open", Some(Lang::En), None).question,
        "Dutch question words do not apply to English posts"
    );
    assert!(k("Wanneer gaan jullie open", None, None).question);
    // A complaint needs negative sentiment and a complaint word.
    assert!(
        k(
            "Still waiting for my refund, worst service",
            Some(Lang::En),
            Some(-0.8)
        )
        .complaint
    );
    assert!(
        !k(
            "Still waiting for my refund, worst service",
            Some(Lang::En),
            Some(0.2)
        )
        .complaint
    );
    assert!(k("Refunded twice, still nothing", Some(Lang::En), Some(-0.1)).complaint);
    assert!(
        k(
            "My order never arrived. Terrible.",
            Some(Lang::En),
            Some(-1.0)
        )
        .complaint
    );
    assert!(
        !k("This chocolate is awful", Some(Lang::En), Some(-1.0)).complaint,
        "`late` is a whole word, not part of chocolate"
    );
    assert!(
        k(
            "Al twee weken wacht ik op mijn bestelling, niemand reageert. Slechte service!",
            Some(Lang::Nl),
            Some(-1.0)
        )
        .complaint
    );
    assert!(k("Het pakket kwam te laat", Some(Lang::Nl), Some(-0.3)).complaint);
    assert!(!k("Het pakket kwam laat", Some(Lang::Nl), Some(-0.3)).complaint);
    // In a report: the unanswered complaint is listed with its type.
    let t = monday_10();
    let mut d = Data::new(&["acme", "mark", "lotte"]);
    d.post(
        "c",
        "mark",
        t,
        "@acme Al twee weken wacht ik op mijn bestelling, niemand reageert. Slechte service! #klantenservice",
        None,
    );
    d.lang("nl");
    d.post(
        "r",
        "lotte",
        t + 1380,
        "@mark Hetzelfde hier, ik wacht ook al ruim een week.",
        Some("c"),
    );
    d.lang("nl");
    let s = run(&d.d, BRAND, Lang::Nl).expect("section");
    assert_eq!(value(&s, "complaints_unanswered"), Some(1.0));
    let qc = table(&s, "questions-complaints");
    assert_eq!(qc.rows[0][0], "klacht");
    assert_eq!(qc.rows[0][2], "@mark");
    let neg = table(&s, "negative-open");
    assert!(neg.rows[0][0].starts_with('-'), "{:?}", neg.rows[0]);
}

#[test]
fn dutch_report_with_dutch_posts() {
    let t = monday_10();
    let mut d = Data::new(&["acme", "sanne", "joost"]);
    d.post(
        "a",
        "sanne",
        t,
        "@acme Heerlijke koffie, echt een aanrader!",
        None,
    );
    d.lang("nl");
    d.post(
        "b",
        "acme",
        t + 600,
        "@sanne Dank je wel, wat fijn!",
        Some("a"),
    );
    d.lang("nl");
    d.post(
        "c",
        "joost",
        t + 900,
        "@sanne De koffie was niet lekker.",
        Some("a"),
    );
    d.lang("nl");
    let s = run(&d.d, BRAND, Lang::Nl).expect("section");
    assert_eq!(s.title, "Gesprekken", "as the runner names the block");
    assert!(s.summary.contains("reactiedraden"), "{}", s.summary);
    assert!(s.summary.contains("je beantwoordde"), "{}", s.summary);
    let sent = column(&s, "sentiment");
    assert!(sent.cell(0).parse::<f64>().expect("number") > 0.0);
    assert!(
        sent.cell(2).parse::<f64>().expect("number") < 0.0,
        "niet lekker: negated"
    );
    let m = s.metric("conversations.sentiment").expect("metric");
    assert!(m.definition.contains("schatting"), "{}", m.definition);
    assert!(m.definition.contains("De Smedt"), "cites Pattern");
    assert!(m.definition.contains("Hutto"), "cites VADER");
    // Every text is Dutch: no English label left.
    for x in &s.metrics {
        assert!(!x.label.contains(" the "), "{}", x.label);
    }
}

#[test]
fn excerpts_mask_personal_data() {
    assert_eq!(
        mask("Mail j.devries@example.nl or call +31 6 1234 5678, IBAN NL91ABNA0417164300."),
        "Mail [e-mail] or call [phone], IBAN [IBAN]."
    );
    assert_eq!(mask("Bel 020-1234567 vandaag"), "Bel [phone] vandaag");
    assert_eq!(mask("NL91 ABNA 0417 1643 00 klopt"), "[IBAN] klopt");
    assert_eq!(
        mask("see https://x.example/0612345678"),
        "see https://x.example/0612345678"
    );
    assert_eq!(mask("2026 was a good year"), "2026 was a good year");
    let long = "word ".repeat(40);
    let e = excerpt(&long, 120);
    assert_eq!(e.chars().count(), 120);
    assert!(e.ends_with('…'));
    // In a table.
    let t = monday_10();
    let mut d = Data::new(&["acme", "ann"]);
    d.post(
        "x",
        "ann",
        t,
        "@acme can you mail me at ann@example.com please",
        None,
    );
    let s = run(&d.d, BRAND, Lang::En).expect("section");
    let row = &table(&s, "unanswered").rows[0];
    assert!(
        row.iter()
            .any(|c| c == "@acme can you mail me at [e-mail] please"),
        "{row:?}"
    );
    assert!(!format!("{s:?}").contains("ann@example.com"));
}

#[test]
fn without_a_brand_no_score_but_threads_and_a_missing_note() {
    let d = conversation();
    let s = run(&d.d, "[report]\ntimezone = \"UTC\"\n", Lang::En).expect("section");
    assert!(s.score.is_none());
    assert!(s.missing.iter().any(|m| m.add.contains("brand")));
    assert_eq!(value(&s, "threads"), Some(2.0));
    assert!(s.metric("conversations.response_rate").is_none());
    assert!(s.tables.iter().all(|t| t.id != "unanswered"));
    assert!(s.recommendations.is_empty());
}

#[test]
fn settings_errors_name_key_value_and_expectation() {
    let d = conversation();
    let err = |toml: &str| {
        run(
            &d.d,
            &format!("[plugins.conversations]\n{toml}\n"),
            Lang::En,
        )
        .expect_err(toml)
        .to_string()
    };
    let e = err("business_hours = \"17-09\"");
    assert!(e.contains("business_hours = \"17-09\": expected"), "{e}");
    let e = err("business_days = [\"mon\", \"xyz\"]");
    assert!(e.contains("business_days"), "{e}");
    let e = err("response_target = \"soon\"");
    assert!(e.contains("response_target = \"soon\""), "{e}");
    let e = err("max_brand_replies = 0");
    assert!(
        e.contains("max_brand_replies = 0: expected a whole number from 1 to 1000"),
        "{e}"
    );
    let e = err("join_velocity = -1");
    assert!(e.contains("join_velocity"), "{e}");
    let e = err("max_brand_reply = 3");
    assert!(e.contains("unknown key `max_brand_reply`"), "{e}");
    // Good values are read.
    let cfg = Config::parse(
        "[plugins.conversations]\nbusiness_hours = \"08:30-17:30\"\nresponse_target = \"1d\"\nrows = 3\n",
    )
    .expect("config");
    let cx = Context::new(&d.d, &cfg, ContextOptions::default());
    let s = Settings::from_context(&cx).expect("settings");
    assert_eq!(s.business_hours, (8 * 3600 + 1800, 17 * 3600 + 1800));
    assert_eq!(s.response_target_s, 9 * 3600, "a day is a business day");
    assert_eq!(s.rows, 3);
}

#[test]
fn the_same_input_gives_the_same_section() {
    let mut d = conversation();
    // Enough posts for the parallel passes to split the work.
    let t = monday_10();
    for k in 0..20_000 {
        let parent = (k > 0 && k % 3 != 0).then(|| format!("x{}", k - 1));
        d.post(
            &format!("x{k}"),
            ["ann", "bob", "cat", "dan", "acme"][k % 5],
            t + k as i64 * 37,
            [
                "@acme great stuff",
                "not good at all",
                "Waarom is het dicht?",
                "fine",
            ][k % 4],
            parent.as_deref(),
        );
    }
    let a = run(&d.d, BRAND, Lang::En).expect("section");
    let b = run(&d.d, BRAND, Lang::En).expect("section");
    // Compared as text: a gap in a line chart is NaN, which is not equal to itself.
    assert!(!a.entity_columns.is_empty() && !a.frames.is_empty());
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
}

#[test]
fn sentiment_scope_scores_conversations_or_every_post() {
    // p0 "@acme great coffee" mentions the brand; p1 "I love this" is a lone post nobody
    // answers; p2 "awful weather" and its reply p3 "lovely though" make a thread. "conversations" scores p0 (mention), p2 and p3 (the thread): 3 posts; "all"
    // scores p1 too: 4.
    let t = monday_10();
    let mut d = Data::new(&["acme", "ann", "bob", "cat"]);
    d.post("p0", "ann", t, "@acme great coffee", None);
    d.post("p1", "ann", t + 10, "I love this", None);
    d.post("p2", "bob", t + 20, "awful weather", None);
    d.post("p3", "cat", t + 30, "lovely though", Some("p2"));
    let scored = |toml: &str| {
        let s = run(&d.d, toml, Lang::En).expect("section");
        let ColumnValues::Float { values, .. } = column(&s, "sentiment") else {
            panic!("sentiment is a float column")
        };
        values.iter().map(|v| v.is_some()).collect::<Vec<_>>()
    };
    assert_eq!(scored(BRAND), [true, false, true, true]);
    let all = format!("{BRAND}[plugins.conversations]\nsentiment = \"all\"\n");
    assert_eq!(scored(&all), [true, true, true, true]);
    let bad = format!("{BRAND}[plugins.conversations]\nsentiment = \"some\"\n");
    let e = run(&d.d, &bad, Lang::En).expect_err("bad scope");
    assert!(e.to_string().contains("sentiment"), "{e}");
}
