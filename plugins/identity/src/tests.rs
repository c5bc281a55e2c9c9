//! Tests of the identity plugin: the personal-data detectors on a labelled list, the masks,
//! and the plugin on small hand-built data sets whose expected numbers are worked out by
//! hand in the comments.

use crate::IdentityPlugin;
use crate::analysis::{Attr, Match, compare, has_price, host, jaccard, words};
use crate::pii::{self, Hit, Kind, iban_checksum_ok, masked, scan};
use honeycomb_core::{
    Account, ColumnValues, Config, Context, ContextOptions, Dataset, ExtraColumns, Lang, Plugin,
    PluginError, Post, Section, Severity, TableKind,
};

// ---- detectors -------------------------------------------------------------------------

fn found(text: &str) -> Vec<(Kind, String)> {
    let mut hits: Vec<Hit> = Vec::new();
    scan(text, pii::ALL_KINDS, &mut hits);
    hits.iter()
        .map(|h| (h.kind, text[h.start..h.end].to_string()))
        .collect()
}

/// Texts with exactly one item of a kind, and the item.
const POSITIVE: &[(&str, Kind, &str)] = &[
    // e-mail
    (
        "Mail j.devries@example.nl graag",
        Kind::Email,
        "j.devries@example.nl",
    ),
    (
        "(info+shop@honing-raat.co.uk)",
        Kind::Email,
        "info+shop@honing-raat.co.uk",
    ),
    (
        "contact: A_B-9@sub.domain.org.",
        Kind::Email,
        "A_B-9@sub.domain.org",
    ),
    // phone, Dutch
    ("Bel me op 06-12345678 aub", Kind::Phone, "06-12345678"),
    ("tel 0612345678.", Kind::Phone, "0612345678"),
    ("bel 06 12 34 56 78 vanavond", Kind::Phone, "06 12 34 56 78"),
    ("kantoor 020 123 4567", Kind::Phone, "020 123 4567"),
    ("(030) 2345678 of mailen", Kind::Phone, "030) 2345678"),
    // phone, international
    ("call +31 6 12345678 now", Kind::Phone, "+31 6 12345678"),
    ("+31 (0)6 1234 5678", Kind::Phone, "+31 (0)6 1234 5678"),
    ("bel 0031612345678", Kind::Phone, "0031612345678"),
    ("UK: +44 20 7946 0958", Kind::Phone, "+44 20 7946 0958"),
    ("US +1-202-555-0143!", Kind::Phone, "+1-202-555-0143"),
    // "+31 06…" is not a valid international form, but the national number after it is.
    ("+31 06 12345678", Kind::Phone, "06 12345678"),
    // IBAN
    (
        "Betaal op NL91ABNA0417164300 svp",
        Kind::Iban,
        "NL91ABNA0417164300",
    ),
    (
        "IBAN NL91 ABNA 0417 1643 00, dank",
        Kind::Iban,
        "NL91 ABNA 0417 1643 00",
    ),
    ("iban nl91abna0417164300", Kind::Iban, "nl91abna0417164300"),
    (
        "DE89 3704 0044 0532 0130 00",
        Kind::Iban,
        "DE89 3704 0044 0532 0130 00",
    ),
    ("BE68539007547034", Kind::Iban, "BE68539007547034"),
    (
        "GB82WEST12345698765432",
        Kind::Iban,
        "GB82WEST12345698765432",
    ),
    (
        "FR1420041010050500013M02606",
        Kind::Iban,
        "FR1420041010050500013M02606",
    ),
    // address
    (
        "Stuur het naar 3511 ZK 12 in Utrecht",
        Kind::Address,
        "3511 ZK 12",
    ),
    ("adres: 1234AB, 56a", Kind::Address, "1234AB, 56a"),
    (
        "Dorpsstraat 56, 1234 AB Ergens",
        Kind::Address,
        "56, 1234 AB",
    ),
    ("Kerkweg 7-b 9999 XY", Kind::Address, "7-b 9999 XY"),
];

/// Texts with nothing to find.
const NEGATIVE: &[&str] = &[
    // not e-mail
    "@user83141 leuk!",
    "hoi @piet@mastodon.social",
    "https://mastodon.social/@anna",
    "mail me at j@localhost",
    "a@b.c",
    "x@-bad.nl",
    "bla@example.n1",
    "ends with dot j.@example.nl",
    // not phone
    "Op 2026-03-01 om 12:30",
    "bestelnummer 123456789",
    "prijs 0,50 euro of 12.50",
    "0800-1234567 is gratis",
    "bel 0900 1234567",
    "088 123 4567 is ons bedrijfsnummer",
    "0 1 2 3 4 5 6 7 8 9",
    "06-1234567",
    "06-123456789",
    "+0 123 456 789",
    "user0612345678",
    "https://example.nl/0612345678",
    "www.example.nl/call/0612345678",
    "123-456-7890",
    // not IBAN
    "NL91ABNA0417164301",
    "NL91 ABNA 0417 1643 01",
    "NL91ABNA04171643",
    "NL91ABNA0417164300123",
    "XX91ABNA0417164300",
    "bankNL91ABNA0417164300",
    "GB82WEST12345698765431",
    // not address
    "3511 ZK Utrecht",
    "postcode 3511ZK.",
    "0123 AB 12",
    "1234 SS 5",
    "1234 ab 56",
    "in 2024 en 56 andere",
    "1234 AB 123456",
    "3511 ZKX 12",
];

#[test]
fn detectors_find_the_labelled_items() {
    for &(text, kind, item) in POSITIVE {
        assert_eq!(found(text), vec![(kind, item.to_string())], "in {text:?}");
    }
}

#[test]
fn detectors_pass_over_the_labelled_non_items() {
    for &text in NEGATIVE {
        assert_eq!(found(text), vec![], "in {text:?}");
    }
}

#[test]
fn several_items_in_one_text_in_order() {
    let t = "Mail a.b@x.nl of bel 0612345678, betaal NL91ABNA0417164300 — adres 3511 ZK 12.";
    let kinds: Vec<Kind> = found(t).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        kinds,
        vec![Kind::Email, Kind::Phone, Kind::Iban, Kind::Address]
    );
    // Only the kinds asked for.
    let mut hits = Vec::new();
    scan(t, Kind::Iban.bit() | Kind::Email.bit(), &mut hits);
    let kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, vec![Kind::Email, Kind::Iban]);
    // The digits of a grouped IBAN are not also a phone number.
    assert_eq!(found("NL91 ABNA 0417 1643 00").len(), 1);
    // Odd input does not panic.
    for t in [
        "",
        "@",
        "+",
        "0",
        "+31",
        "NL9",
        "1234 A",
        "é@é.é",
        "1234 AB,",
        "☕0612345678",
    ] {
        let _ = found(t);
    }
    assert_eq!(found("☕0612345678").len(), 1);
}

#[test]
fn iban_checksums() {
    for valid in [
        "NL91ABNA0417164300",
        "NL02ABNA0123456789",
        "NL20INGB0001234567",
        "DE89370400440532013000",
        "GB82WEST12345698765432",
        "BE68539007547034",
        "FR1420041010050500013M02606",
    ] {
        assert!(iban_checksum_ok(valid.as_bytes()), "{valid} is valid");
    }
    for invalid in [
        "NL91ABNA0417164301",
        "NL92ABNA0417164300",
        "DE89370400440532013001",
        "GB82WEST12345698765431",
        "BE68539007547035",
        "NL91",
        "nl91abna0417164300",
    ] {
        assert!(
            !iban_checksum_ok(invalid.as_bytes()),
            "{invalid} is invalid"
        );
    }
}

#[test]
fn masks_reveal_too_little_to_use() {
    assert_eq!(masked(Kind::Email, "j.devries@example.nl"), "j***@e***.nl");
    assert_eq!(masked(Kind::Phone, "06-12345678"), "06-******78");
    assert_eq!(masked(Kind::Phone, "+31 6 12345678"), "+31 * ******78");
    assert_eq!(
        masked(Kind::Iban, "NL91 ABNA 0417 1643 00"),
        "NL** **** **** **** 00"
    );
    assert_eq!(masked(Kind::Address, "3511 ZK 12"), "35** ** **");
    assert_eq!(masked(Kind::Address, "56, 1234 AB"), "**, 12** **");
    for &(text, kind, item) in POSITIVE {
        let m = masked(kind, item);
        assert!(!m.contains(item), "{item} → {m}");
        let mut hits = Vec::new();
        scan(text, pii::ALL_KINDS, &mut hits);
        let out = pii::mask_hits(text, &hits);
        assert!(!out.contains(item), "{text} → {out}");
        // A masked text holds nothing the scanner would find again.
        assert!(found(&out).is_empty(), "{out}");
    }
}

#[test]
fn phone_keys_and_hosts() {
    assert_eq!(pii::phone_key("+31 (0)6 1234 5678"), "0612345678");
    assert_eq!(pii::phone_key("0031 6 12345678"), "0612345678");
    assert_eq!(pii::phone_key("06-12345678"), "0612345678");
    assert_eq!(pii::phone_key("+44 20 7946 0958"), "442079460958");
    assert_eq!(
        host("https://www.Honingraat.example/links?x=1"),
        Some("honingraat.example".into())
    );
    assert_eq!(
        host("honingraat.example/shop"),
        Some("honingraat.example".into())
    );
    assert_eq!(host("https://localhost/"), None);
}

#[test]
fn comparisons_follow_the_documented_rules() {
    use Match::*;
    let c = |a: Attr, x: &str, y: &str| compare(a, Some(x), Some(y)).0;
    assert_eq!(c(Attr::Handle, "@Honingraat", "honingraat"), Same);
    assert_eq!(c(Attr::Handle, "honingraat", "honingraat_nl"), Similar);
    assert_eq!(c(Attr::Handle, "acme", "acne"), Similar);
    assert_eq!(c(Attr::Handle, "acme", "beanbar"), Differs);
    assert_eq!(
        c(Attr::DisplayName, "De Honingraat ☕🐝", "de honingraat"),
        Same
    );
    assert_eq!(
        c(
            Attr::DisplayName,
            "Koffiebranderij De Honingraat",
            "De Honingraat ☕🐝"
        ),
        Similar
    );
    assert_eq!(
        c(Attr::Bio, "Coffee roasters in Utrecht", "Tea shop, Berlin"),
        Differs
    );
    assert_eq!(c(Attr::Url, "https://acme.nl/", "http://www.acme.nl"), Same);
    assert_eq!(
        c(Attr::Url, "https://acme.nl/", "https://acme.nl/links"),
        Similar
    );
    assert_eq!(
        c(Attr::Url, "https://acme.nl/", "https://linktr.ee/acme"),
        Differs
    );
    assert_eq!(c(Attr::Avatar, "https://a/x.png", "https://a/x.png"), Same);
    assert_eq!(
        c(Attr::Avatar, "https://a/x.png", "https://b/y.png"),
        Unchecked
    );
    assert_eq!(compare(Attr::Bio, Some("x"), None).0, OneMissing);
    assert_eq!(compare(Attr::Bio, None, None).0, BothMissing);
    // Jaccard: {a, b, c} vs {b, c, d}: 2 shared of 4.
    assert!((jaccard(&words("a b c"), &words("B, c; d")) - 0.5).abs() < 1e-12);
}

#[test]
fn prices_and_discounts() {
    for yes in [
        "Nu € 12,50",
        "maar 12 euro!",
        "only $5",
        "20% korting",
        "30% off today",
        "9€",
    ] {
        assert!(has_price(yes), "{yes}");
    }
    for no in [
        "20 kilo",
        "om 12 uur",
        "100% arabica",
        "€ is a sign",
        "euro",
    ] {
        assert!(!has_price(no), "{no}");
    }
}

// ---- the plugin on hand-built data -------------------------------------------------------

/// 2026-03-02 10:00 UTC.
const T0: i64 = 1_772_445_600;

fn account(id: &str, platform: &str) -> Account {
    Account {
        id: id.into(),
        handle: Some(id.into()),
        platform: Some(platform.into()),
        declared: true,
        ..Account::default()
    }
}

fn columns(d: &mut Dataset, t: TableKind, cols: &[&str]) {
    d.columns
        .insert(t, cols.iter().map(|c| c.to_string()).collect());
}

/// Brand `acme` (mastodon) and `acme_nl` (instagram), a customer `ann`, a competitor
/// `rival`, and `bob` who has no profile row.
fn dataset() -> Dataset {
    let mut d = Dataset::default();
    let mut acme = account("acme", "mastodon");
    acme.display_name = Some("Acme Coffee".into());
    acme.bio = Some("Coffee roasters in Utrecht. Bel 030 2345678.".into());
    acme.avatar = Some("https://m.example/acme.png".into());
    acme.url = Some("https://acme.example/".into());
    acme.location = Some("Dorpsstraat 1, 3511 AB Utrecht".into());
    let mut nl = account("acme_nl", "instagram");
    nl.display_name = Some("Acme Coffee ☕".into());
    nl.bio = Some("Tea and cakes from Berlin".into());
    nl.avatar = Some("https://i.example/acme_nl.jpg".into());
    nl.url = Some("https://linktr.ee/acme".into());
    // acme_nl has no location.
    let mut ann = account("ann", "mastodon");
    ann.display_name = Some("Ann".into());
    let rival = account("rival", "mastodon");
    let bob = Account {
        id: "bob".into(),
        ..Account::default()
    };
    d.accounts = vec![acme, nl, ann, rival, bob];
    columns(
        &mut d,
        TableKind::Accounts,
        &[
            "id",
            "handle",
            "platform",
            "display_name",
            "bio",
            "avatar",
            "url",
            "location",
        ],
    );
    columns(
        &mut d,
        TableKind::Posts,
        &["id", "author", "created_at", "text", "reply_to", "urls"],
    );
    let posts: [(&str, u32, i64, &str); 8] = [
        // 0: brand reply with a customer's e-mail: a disclosure.
        (
            "p1",
            0,
            T0,
            "@ann stuur het naar ann.smit@mail.example.nl aub",
        ),
        // 1: brand post with its own address and phone: not a disclosure.
        (
            "p2",
            1,
            T0 + 60,
            "Bestel via info@acme.example of bel 030 234 5678",
        ),
        // 2: a customer puts her own phone number in public.
        ("p3", 2, T0 + 120, "@acme bel me: 06-12345678"),
        // 3: brand post, not promotional.
        (
            "p4",
            0,
            T0 + 180,
            "Vanochtend vers gebrand, de hele straat ruikt ernaar",
        ),
        // 4: brand post with a link to its own site.
        (
            "p5",
            0,
            T0 + 240,
            "Nieuw: Kenia https://shop.acme.example/kenia",
        ),
        // 5: brand post with a discount.
        ("p6", 1, T0 + 300, "20% korting op alle bonen"),
        // 6: competitor post with a promo word.
        ("p7", 3, T0 + 360, "Big sale this weekend"),
        // 7: a post by bob, outside the period of the period test.
        ("p8", 4, T0 + 40 * 86_400, "IBAN NL91ABNA0417164300"),
    ];
    for (id, author, at, text) in posts {
        let mut p = Post {
            id: id.into(),
            author,
            created_at: at,
            text: text.into(),
            ..Post::default()
        };
        p.set_entities(
            honeycomb_core::text::mentions(text),
            honeycomb_core::text::hashtags(text),
            honeycomb_core::text::urls(text),
        );
        d.posts.push(p);
    }
    d
}

const BRAND: &str =
    "[report]\nbrand = [\"acme\", \"acme_nl\"]\ncompetitors = [\"rival\"]\ntimezone = \"UTC\"\n";

fn run(d: &Dataset, toml: &str, lang: Lang) -> Result<Section, PluginError> {
    let cfg = Config::parse(toml).expect("config");
    let mut opts = ContextOptions::default();
    opts.lang = Some(lang);
    let cx = Context::new(d, &cfg, opts);
    IdentityPlugin.analyze(&cx)
}

fn value(s: &Section, key: &str) -> Option<f64> {
    s.metric(&format!("identity.{key}")).and_then(|m| m.value)
}

fn approx(got: Option<f64>, want: f64) {
    let g = got.expect("a value");
    assert!((g - want).abs() < 1e-9, "{g} ≠ {want}");
}

fn column(s: &Section, name: &str) -> ColumnValues {
    s.entity_columns
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("column {name} missing"))
        .values
        .clone()
}

fn all_text(s: &Section) -> String {
    let mut v = format!("{s:?}");
    for c in &s.entity_columns {
        for i in 0..c.values.len() {
            v.push_str(&c.values.cell(i));
            v.push('\n');
        }
    }
    v
}

#[test]
fn profile_completeness_on_hand_built_accounts() {
    let d = dataset();
    let s = run(&d, BRAND, Lang::En).expect("section");
    // Six fields. acme 6/6, acme_nl 5/6 (no location), ann 3/6 (handle, platform is not a
    // field, display name: handle + display name = 2/6), rival 1/6 (handle), bob no row.
    // ann: handle, display_name → 2/6.
    let mean = (1.0 + 5.0 / 6.0 + 2.0 / 6.0 + 1.0 / 6.0) / 4.0;
    approx(value(&s, "profile_completeness"), mean * 100.0);
    approx(value(&s, "complete_profiles"), 25.0);
    approx(value(&s, "profiles"), 4.0);
    approx(
        value(&s, "brand_completeness"),
        (1.0 + 5.0 / 6.0) / 2.0 * 100.0,
    );
    let ColumnValues::Float { values, .. } = column(&s, "profile_completeness") else {
        panic!("floats")
    };
    assert_eq!(values[0], Some(1.0));
    assert_eq!(values[4], None, "bob has no profile row");
    let missing = column(&s, "profile_missing");
    assert_eq!(missing.cell(0), "none");
    assert_eq!(missing.cell(1), "location");
    assert_eq!(missing.cell(3), "display_name bio avatar url location");
    assert_eq!(missing.cell(4), "");
    // The brand's missing location is a finding and advice.
    assert!(
        s.findings
            .iter()
            .any(|f| f.text.contains("location of @acme_nl")),
        "{:?}",
        s.findings
    );
}

#[test]
fn consistency_on_hand_built_accounts() {
    let d = dataset();
    let s = run(&d, BRAND, Lang::En).expect("section");
    // acme vs acme_nl: handle similar (contains), display name same (emoji ignored), bio
    // differs, url differs (other host), avatar unchecked → 2 of 4 consistent.
    approx(value(&s, "consistency"), 50.0);
    approx(value(&s, "inconsistencies"), 2.0);
    let t = s
        .exports
        .iter()
        .find(|t| t.id == "consistency")
        .expect("export");
    let outcomes: Vec<(&str, &str)> = t
        .rows
        .iter()
        .map(|r| (r[2].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        outcomes,
        vec![
            ("handle", "similar"),
            ("display_name", "same"),
            ("bio", "differs"),
            ("url", "differs"),
            ("avatar", "unchecked"),
        ]
    );
    assert!(
        s.recommendations
            .iter()
            .any(|r| r.action.contains("bio and link")),
        "{:?}",
        s.recommendations
    );
}

#[test]
fn personal_data_brand_disclosures_first_and_masked() {
    let d = dataset();
    let toml = format!("{BRAND}period = \"2026-03-01..2026-03-31\"\n");
    let s = run(&d, &toml, Lang::En).expect("section");
    // Scanned: p1–p7 (p8 is outside the period). With data: p1 (e-mail), p2 (e-mail and
    // phone, both the brand's own), p3 (phone).
    approx(value(&s, "posts_scanned"), 7.0);
    approx(value(&s, "personal_data_posts"), 3.0 / 7.0 * 100.0);
    approx(value(&s, "emails"), 2.0);
    approx(value(&s, "phone_numbers"), 2.0);
    approx(value(&s, "ibans"), 0.0);
    approx(value(&s, "brand_disclosures"), 1.0);
    // Others: ann and rival wrote p3 and p7; one has data.
    approx(value(&s, "audience_personal_data"), 50.0);
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "personal-data")
        .expect("table");
    let order: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(order, vec!["p1", "p2", "p3"]);
    assert!(t.rows[0][4].contains("a***@m***.nl"), "{:?}", t.rows[0]);
    let text = all_text(&s);
    for secret in ["ann.smit@mail.example.nl", "06-12345678", "2345678"] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    assert!(s.findings.iter().any(|f| f.severity == Severity::Critical));
    let rules = s
        .recommendations
        .iter()
        .find(|r| r.action.contains("privacy rules"))
        .expect("privacy rules");
    assert_eq!(rules.priority, honeycomb_core::Priority::High);
    assert!(rules.why.contains("(1)") && rules.why.contains("72 hours"));
    assert!(
        rules
            .evidence
            .contains(&"identity.brand_disclosures".to_string())
    );
    // Per post and per account.
    let kinds = column(&s, "personal_data");
    assert_eq!(kinds.cell(0), "email");
    assert_eq!(kinds.cell(1), "email phone");
    assert_eq!(kinds.cell(3), "none");
    assert_eq!(kinds.cell(7), "", "outside the period");
    assert_eq!(column(&s, "personal_data_posts").cell(2), "1");
    let ex = s
        .exports
        .iter()
        .find(|t| t.id == "personal-data")
        .expect("export");
    assert_eq!(ex.rows.len(), 3);
    assert_eq!(ex.rows[0][4], "true");
    assert_eq!(ex.rows[1][4], "false", "the brand's own details");
}

#[test]
fn self_promotion_rules() {
    let d = dataset();
    let s = run(&d, BRAND, Lang::En).expect("section");
    // Brand own posts (all are originals): p1 (a reply by text only, no reply_to: an
    // original), p2 (promo word "bestel"), p4 (none), p5 (own link), p6 (price/discount:
    // "korting" is a promo word first) → 3 of 5.
    approx(value(&s, "self_promotion"), 60.0);
    approx(value(&s, "competitor_self_promotion"), 100.0);
    let t = s
        .tables
        .iter()
        .find(|t| t.id == "self-promotion")
        .expect("table");
    // acme: p1, p4, p5 → 1 promotional (own link); acme_nl: p2, p6 → 2 (words).
    assert_eq!(t.rows[0][1..4], ["3", "1", "33%"]);
    assert_eq!(t.rows[0][4], "1", "own link");
    assert_eq!(t.rows[1][1..4], ["2", "2", "100%"]);
    assert_eq!(t.rows[1][6], "2", "promo words");
    let col = column(&s, "self_promotion");
    assert_eq!(
        (col.cell(3), col.cell(4), col.cell(2)),
        ("false".into(), "true".into(), String::new())
    );
}

#[test]
fn visibility_column_and_private_posts() {
    let mut d = dataset();
    let vis: Vec<Box<str>> = [
        "public", "Public", "direct", "", "public", "unlisted", "private", "public",
    ]
    .iter()
    .map(|&v| v.into())
    .collect();
    d.extras.insert(
        TableKind::Posts,
        ExtraColumns {
            names: vec!["Visibility".into()],
            values: vec![vis],
        },
    );
    let s = run(&d, BRAND, Lang::Nl).expect("section");
    // 8 posts; public: public×3, Public, "", unlisted = 6 of 8.
    approx(value(&s, "public_share"), 75.0);
    // Brand posts p1 p2 p4 p5 p6: public, Public, "", public, unlisted → 5 of 5.
    approx(value(&s, "brand_public_share"), 100.0);
    // p3 (direct) and p7 (private) are not checked.
    approx(value(&s, "posts_scanned"), 6.0);
    assert!(s.tables.iter().any(|t| t.id == "visibility"));
    assert!(!s.missing.iter().any(|m| m.add.contains("visibility")));
}

#[test]
fn missing_tables_and_columns_are_said_not_panicked() {
    // Nothing at all.
    let s = run(&Dataset::default(), "", Lang::En).expect("section");
    assert!(s.score.is_none());
    assert!(s.missing.iter().any(|m| m.add.contains("accounts.csv")));
    // Posts only, without text, and a brand that is not there.
    let mut d = Dataset::default();
    d.accounts.push(Account {
        id: "x".into(),
        ..Account::default()
    });
    d.posts.push(Post {
        id: "1".into(),
        ..Post::default()
    });
    columns(&mut d, TableKind::Posts, &["id", "author", "created_at"]);
    let s = run(&d, "[report]\nbrand = [\"nobody\"]\n", Lang::Nl).expect("section");
    assert!(s.missing.iter().any(|m| m.add.contains("text")));
    assert!(s.missing.iter().any(|m| m.what.contains("nobody")));
    // An accounts table without bio and avatar columns.
    let mut d = dataset();
    columns(
        &mut d,
        TableKind::Accounts,
        &["id", "handle", "display_name", "url", "location"],
    );
    let s = run(&d, BRAND, Lang::En).expect("section");
    assert!(
        s.missing.iter().any(|m| m.add.contains("bio, avatar")),
        "{:?}",
        s.missing
    );
    // Completeness over the three fields there are: acme 3/3.
    assert_eq!(column(&s, "profile_completeness").cell(0), "1.000");
    // One brand account: no consistency, said so.
    let s = run(&dataset(), "[report]\nbrand = [\"acme\"]\n", Lang::En).expect("section");
    assert!(value(&s, "consistency").is_none());
    assert!(s.missing.iter().any(|m| m.what.contains("two or more")));
}

#[test]
fn settings_are_checked() {
    let d = dataset();
    let err = run(&d, "[plugins.identity]\nrows = 0\n", Lang::En).expect_err("rows 0");
    assert!(err.to_string().contains("rows"), "{err}");
    let err = run(&d, "[plugins.identity]\ncolour = 1\n", Lang::En).expect_err("unknown key");
    assert!(err.to_string().contains("unknown key `colour`"), "{err}");
    let err = run(
        &d,
        "[plugins.identity]\npersonal_data = [\"dna\"]\n",
        Lang::En,
    )
    .expect_err("unknown kind");
    assert!(err.to_string().contains("personal_data"), "{err}");
    // Only IBANs: no e-mail metric, nothing found in p1–p7; p8 has one.
    let s = run(
        &d,
        &format!("{BRAND}[plugins.identity]\npersonal_data = \"iban\"\npromo_words = [\"Vers Gebrand\"]\nbrand_hashtags = [\"#AcmeLove\"]\n"),
        Lang::En,
    )
    .expect("section");
    assert!(value(&s, "emails").is_none());
    approx(value(&s, "ibans"), 1.0);
    // "vers gebrand" now makes p4 promotional: 4 of 5.
    approx(value(&s, "self_promotion"), 80.0);
}

#[test]
fn deterministic_and_bilingual() {
    let d = dataset();
    let a = run(&d, BRAND, Lang::En).expect("en");
    let b = run(&d, BRAND, Lang::En).expect("en again");
    assert_eq!(a, b);
    let nl = run(&d, BRAND, Lang::Nl).expect("nl");
    assert_eq!(nl.title, "Identiteit");
    assert_eq!(a.metrics.len(), nl.metrics.len());
    assert!(nl.summary.contains("profielen"));
    assert!(a.score.is_some());
}
