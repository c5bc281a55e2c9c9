//! The demo data folder: "Koffiebranderij De Honingraat", a made-up coffee roaster and café
//! in Utrecht with a brand account on Mastodon (`honingraat`) and on Instagram
//! (`honingraat_nl`), its audience, two competitors, a coffee blogger and a few local
//! influencers — about 320 accounts and 3,500 posts from January to March 2026.
//!
//! Design decision: the folder is *generated*, not stored — word lists and a few rules
//! instead of a megabyte of CSV in the binary. The generator has its own seeded PRNG
//! (SplitMix64), uses only basic float arithmetic (no `ln`/`exp`, whose last bits may differ
//! between platforms) and ordered collections, so every call writes the same bytes. The
//! trade-off: changing a word list changes most of the data. The planted problems are written
//! by hand, before anything random, so their ids stay put.
//!
//! The rhythm is deliberate: the audience posts mostly in the evening and on weekend
//! mornings, the brand posts and answers on weekday mornings only — a mismatch the report
//! should point out. Texts are checked while generating so that no two longer texts are
//! near-copies of each other, except the planted one. Three problems are planted, each
//! exactly once:
//! 1. an e-mail address in a public brand reply ([`PLANTED_EMAIL_POST_ID`]);
//! 2. a brand post copied from a blogger without credit ([`PLANTED_COPY_POST_ID`], copied
//!    from [`PLANTED_COPY_SOURCE_ID`]);
//! 3. a complaint that mentions the brand and that the brand never answered
//!    ([`PLANTED_COMPLAINT_POST_ID`]).

use honeycomb_core::TableKind;
use honeycomb_core::text;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

/// The brand's own accounts: `honingraat` on Mastodon, `honingraat_nl` on Instagram.
pub const BRAND_IDS: [&str; 2] = ["honingraat", "honingraat_nl"];

/// The two competitors named in `honeycomb.toml`: `bonenbar` (Mastodon) and
/// `domstadkoffie` (Instagram).
pub const COMPETITOR_IDS: [&str; 2] = ["bonenbar", "domstadkoffie"];

/// Planted problem 1: the e-mail address a brand employee posts in a public reply.
pub const PLANTED_EMAIL: &str = "j.devries@example.nl";

/// Planted problem 1: the public brand reply (by `honingraat_nl`, 2026-02-23) that contains
/// [`PLANTED_EMAIL`]: "Stuur je bestelnummer naar j.devries@example.nl …".
pub const PLANTED_EMAIL_POST_ID: &str = "116118933995520003";

/// Planted problem 2: the blogger's original post (by `koffieblog_anna`, 2026-01-20,
/// licence CC BY-NC-ND 4.0) that the brand later copies.
pub const PLANTED_COPY_SOURCE_ID: &str = "115928892702720000";

/// Planted problem 2: the brand post (by `honingraat`, 2026-02-10) whose text is a
/// near-verbatim copy of [`PLANTED_COPY_SOURCE_ID`], with no credit, mention or link.
pub const PLANTED_COPY_POST_ID: &str = "116045296435200001";

/// Planted problem 3: the complaint by `mark_dekker` (2026-03-05) mentioning `@honingraat`
/// ("Al twee weken wacht ik op mijn bestelling, niemand reageert. Slechte service!"). Two
/// other accounts reply and it is reposted twice, but the brand never answers it.
pub const PLANTED_COMPLAINT_POST_ID: &str = "116178160189440005";

/// The file names written by [`write_demo`], in the order written.
pub const FILES: [&str; 8] = [
    "honeycomb.toml",
    "accounts.csv",
    "posts.csv",
    "follows.csv",
    "groups.csv",
    "memberships.csv",
    "presence.csv",
    "ratings.csv",
];

/// Writes the demo data folder into `dir` (created when missing): `honeycomb.toml` and the
/// seven tables as CSV. Every call writes the same bytes; each file is written to a
/// temporary name first and then renamed, so no file is ever half-written.
pub fn write_demo(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, content) in demo_files() {
        let tmp = dir.join(format!(".{name}.tmp"));
        std::fs::write(&tmp, content.as_bytes())?;
        std::fs::rename(&tmp, dir.join(name))?;
    }
    Ok(())
}

/// The demo folder's files as (name, content), in the order of [`FILES`].
pub fn demo_files() -> Vec<(&'static str, String)> {
    let mut g = Gen::new();
    g.run();
    g.files()
}

// ---------------------------------------------------------------------------------------
// Randomness and time
// ---------------------------------------------------------------------------------------

/// The seed of the whole folder.
const SEED: u64 = 0x486f_6e69_6e67_7261;

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and good enough for demo data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in `lo..hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo).max(1) as u64) as i64
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.index(xs.len())]
    }

    /// An index drawn with probability proportional to `w[i]`.
    fn weighted(&mut self, w: &[f64]) -> usize {
        let total: f64 = w.iter().sum();
        let mut x = self.unit() * total;
        for (i, &v) in w.iter().enumerate() {
            if x < v {
                return i;
            }
            x -= v;
        }
        w.len().saturating_sub(1)
    }
}

/// 2026-01-01T00:00:00Z.
const DAY0: i64 = 1_767_225_600;
/// Days in the period (January–March 2026).
const DAYS: i64 = 90;
/// Start of summer time in Amsterdam: 2026-03-29T01:00:00Z.
const DST_START: i64 = DAY0 + 87 * 86_400 + 3_600;
/// First second after the period: 2026-04-01T00:00 in Amsterdam.
const PERIOD_END: i64 = DAY0 + DAYS * 86_400 - 7_200;

/// UTC time of a local Amsterdam time: `day` days after 2026-01-01, `secs` after midnight.
fn local(day: i64, secs: i64) -> i64 {
    let wall = DAY0 + day * 86_400 + secs;
    if wall - 3_600 >= DST_START {
        wall - 7_200
    } else {
        wall - 3_600
    }
}

/// Local Amsterdam (day index, seconds after midnight) of a UTC time.
fn to_local(ts: i64) -> (i64, i64) {
    let wall = ts + if ts >= DST_START { 7_200 } else { 3_600 };
    (
        (wall - DAY0).div_euclid(86_400),
        (wall - DAY0).rem_euclid(86_400),
    )
}

/// Day of the week of a day index, 0 = Monday (2026-01-01 is a Thursday).
fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

use honeycomb_core::time::{civil_from_days as civil, rfc3339 as fmt_ts};

/// Weekday names, Monday first.
const WEEKDAYS_NL: [&str; 7] = honeycomb_core::Lang::Nl.weekdays_const();
const WEEKDAYS_EN: [&str; 7] = honeycomb_core::Lang::En.weekdays_const();

const MONTHS_NL: [&str; 12] = honeycomb_core::Lang::Nl.months();
const MONTHS_EN: [&str; 12] = honeycomb_core::Lang::En.months();

/// "zaterdag 14 februari" / "Saturday 14 February" for a day index.
fn date_label(day: i64, en: bool) -> String {
    let (_, m, d) = civil(DAY0 / 86_400 + day);
    let mi = (m as usize).saturating_sub(1) % 12;
    if en {
        format!("{} {d} {}", WEEKDAYS_EN[weekday(day)], MONTHS_EN[mi])
    } else {
        format!("{} {d} {}", WEEKDAYS_NL[weekday(day)], MONTHS_NL[mi])
    }
}

/// When a group of accounts posts: weights per local hour, weekday and weekend, and per day
/// of the week.
struct Rhythm {
    weekday: [f64; 24],
    weekend: [f64; 24],
    days: [f64; 7],
}

/// The audience: evenings, and weekend mornings.
const AUDIENCE: Rhythm = Rhythm {
    weekday: [
        0.3, 0.15, 0.05, 0.02, 0.02, 0.05, 0.3, 1.0, 1.3, 0.9, 0.8, 0.9, 1.6, 1.3, 0.8, 0.8, 1.0,
        1.3, 1.6, 2.6, 3.2, 3.4, 2.4, 1.0,
    ],
    weekend: [
        0.6, 0.3, 0.1, 0.05, 0.02, 0.02, 0.1, 0.4, 1.2, 2.8, 3.4, 3.0, 2.2, 1.6, 1.3, 1.3, 1.4,
        1.3, 1.2, 1.8, 2.2, 2.2, 1.6, 0.9,
    ],
    days: [1.0, 1.0, 1.0, 1.05, 1.1, 1.35, 1.3],
};

/// The brand: weekday mornings, a little on Saturday, never on Sunday.
const BRAND: Rhythm = Rhythm {
    weekday: [
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.5, 3.5, 4.0, 2.5, 1.0, 0.8, 0.5, 0.4, 0.4, 0.3, 0.0,
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    ],
    weekend: [
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    ],
    days: [1.0, 1.0, 1.0, 1.0, 1.0, 0.25, 0.0],
};

/// A café that posts at lunch and in the afternoon.
const LUNCH: Rhythm = Rhythm {
    weekday: [
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.3, 0.6, 0.8, 1.2, 2.5, 3.0, 2.0, 1.2, 1.0, 0.8, 0.5,
        0.3, 0.1, 0.0, 0.0, 0.0, 0.0,
    ],
    weekend: [
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 1.0, 1.5, 2.0, 2.0, 1.5, 1.0, 0.5, 0.3, 0.0,
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    ],
    days: [0.5, 1.0, 1.0, 1.0, 1.0, 1.2, 0.8],
};

/// Reply and repost delays in minutes: (from, to, weight).
const DELAYS: [(i64, i64, f64); 7] = [
    (1, 5, 0.15),
    (5, 20, 0.25),
    (20, 60, 0.2),
    (60, 180, 0.17),
    (180, 600, 0.13),
    (600, 1_800, 0.07),
    (1_800, 4_320, 0.03),
];

// ---------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------

/// Audience originals in Dutch (`{slot}` names a word list, see [`Gen::slot`]).
const AUD_NL: &[&str] = &[
    "{when} {drink} {verb} bij {brand}. {react}",
    "{when} bij {brand} geweest voor {drink}. {react}",
    "{when} {drink} {verb} bij {comp}. {react_any}",
    "{when} {drink} {verb} bij {place}. {react_any}",
    "{when} {drink} {verb} bij {place}, maar eerlijk: die van {brand} is beter.",
    "{homewhen} {method} met {beans_brand}. {result}",
    "{homewhen} {method} met {beans}. {result_any}",
    "{homewhen} {method}. {result_any}",
    "Eindelijk een eigen molen gekocht. {homewhen} {method} met {beans_brand}. {result}",
    "{daypart} in {city}. {mood}",
    "{mood} {daypart} hier in {city}.",
    "{evday} naar de {event} bij {brand}. {evfollow}",
];

/// Audience originals in English.
const AUD_EN: &[&str] = &[
    "{when_en} I had {drink_en} at {brand}. {react_en}",
    "{when_en} I tried {drink_en} at {place_en}. {react_en_any}",
    "{when_en} I had {drink_en} at {comp}. {react_en_any}",
    "{homewhen_en} I brewed {beans_en_brand} with my {method_en}. {result_en}",
    "{homewhen_en} I brewed {beans_en} with my {method_en}. {result_en_any}",
    "{daypart_en} in {city}. {mood_en}",
];

/// Praise that mentions the brand.
const PRAISE_NL: &[&str] = &["{praise} {brand}! {react}", "{praise}, {brand}. {react}"];
/// Praise in English.
const PRAISE_EN: &[&str] = &["{praise_en} {brand}! {react_en}"];

/// Baristas in the audience.
const BARISTA_NL: &[&str] = &[
    "Vandaag {count} cappuccino's gemaakt en {latte}",
    "Nieuwe {grinder} op de bar bij ons. {grinderfx}",
    "Tip voor collega-barista's: {tip}",
    "Dialen in met {origin}: {dial}",
    "Training gegeven aan {small} nieuwe barista's vandaag. {trainfx}",
];

/// Questions to the brand with the brand's answer: (lang, question, answer).
const QUESTIONS: &[(&str, &str, &str)] = &[
    (
        "nl",
        "zijn jullie op zondag open?",
        "Op zondag zijn we dicht, maar van dinsdag tot en met zaterdag ben je welkom van 8:00 tot 17:00.",
    ),
    (
        "nl",
        "verkopen jullie ook cafeïnevrije bonen?",
        "Ja! Onze decaf uit Colombia ligt in de winkel en in de webshop: https://honingraat.example/shop/decaf",
    ),
    (
        "nl",
        "is er nog plek bij de latte-art workshop?",
        "Er zijn nog een paar plekken, aanmelden kan via https://honingraat.example/workshops",
    ),
    (
        "nl",
        "hebben jullie ook havermelk zonder suiker?",
        "Zeker, we gebruiken standaard ongezoete havermelk.",
    ),
    (
        "nl",
        "bezorgen jullie ook in Amersfoort?",
        "We versturen door heel Nederland; binnen Utrecht bezorgen we zelf, op de bakfiets.",
    ),
    (
        "nl",
        "wanneer is de Keniaanse koffie weer op voorraad?",
        "Volgende week branden we een nieuwe batch. We laten het hier weten!",
    ),
    (
        "nl",
        "kan ik een cadeaubon online kopen?",
        "Ja, cadeaubonnen vind je in de webshop: https://honingraat.example/cadeaubon",
    ),
    (
        "nl",
        "mag mijn hond mee naar binnen?",
        "Honden zijn welkom, er staat altijd een bak water bij de deur.",
    ),
    (
        "nl",
        "doen jullie ook koffie voor bedrijven?",
        "Ja, we leveren aan kantoren in de regio. Kijk op https://honingraat.example/zakelijk",
    ),
    (
        "nl",
        "welke bonen raden jullie aan voor een moka pot?",
        "Probeer de Brazilië Cerrado: chocolade en noten, heel fijn in een moka pot.",
    ),
    (
        "en",
        "do you ship to Germany?",
        "We do! Shipping to Germany takes two to three working days.",
    ),
    (
        "en",
        "is there wifi in the café?",
        "Yes, ask the barista for the password.",
    ),
    (
        "en",
        "do you have workshops in English?",
        "Our next English workshop is in March, see https://honingraat.example/workshops",
    ),
    (
        "en",
        "are your beans fair trade?",
        "We buy directly from farms and publish the prices we pay: https://honingraat.example/transparantie",
    ),
    (
        "nl",
        "kan ik bij jullie ook mijn eigen bonen laten malen?",
        "Natuurlijk, neem ze mee en we malen ze voor jouw zetmethode.",
    ),
    (
        "nl",
        "hebben jullie ook glutenvrije taart?",
        "Op vrijdag en zaterdag hebben we een glutenvrije citroencake.",
    ),
    (
        "nl",
        "is het café toegankelijk met een rolstoel?",
        "Ja, de ingang is drempelvrij en we hebben een aangepast toilet.",
    ),
    (
        "en",
        "can I book the back room for a meeting?",
        "Yes, on weekdays. Book it via https://honingraat.example/zaal",
    ),
];

/// Complaints to the brand that the brand does answer: (lang, complaint, answer).
const COMPLAINTS: &[(&str, &str, &str)] = &[
    (
        "nl",
        "de koffie was vandaag lauw 😕",
        "Sorry, dat hoort niet! We hebben de machine laten nakijken. Je volgende kop is van ons.",
    ),
    (
        "nl",
        "de wifi in het café doet het alweer niet.",
        "Klopt, excuses! De router is vervangen, het zou nu weer moeten werken.",
    ),
    (
        "nl",
        "mijn zak bonen was al vier weken oud toen ik hem kocht.",
        "Dat is te lang, sorry. Neem de zak mee, dan ruilen we hem om voor een verse.",
    ),
    (
        "nl",
        "zaterdag een halfuur in de rij gestaan, en maar één barista achter de bar…",
        "Sorry voor het wachten! Op zaterdag staan er vanaf nu twee mensen achter de bar.",
    ),
    (
        "nl",
        "de webshop geeft een foutmelding bij het afrekenen.",
        "Dank voor de melding! Het probleem met de betaalpagina is opgelost.",
    ),
    (
        "nl",
        "waarom is de cappuccino alweer duurder geworden?",
        "Goede vraag. Groene koffie is dit jaar flink duurder geworden; we leggen het uit op https://honingraat.example/prijzen",
    ),
    (
        "en",
        "my order arrived with a torn bag 😕",
        "So sorry! Send us a direct message with your order number and we will send a new bag.",
    ),
    (
        "en",
        "the music in the café was way too loud today.",
        "Thanks for telling us, we have turned it down.",
    ),
    (
        "nl",
        "om tien uur 's ochtends was de taart al uitverkocht.",
        "Sorry! Op zaterdag bakken we vanaf nu een extra cake.",
    ),
    (
        "nl",
        "mijn bonenabonnement is deze maand twee keer afgeschreven.",
        "Excuses, dat was een fout bij de betaalprovider. Het geld staat inmiddels weer op je rekening.",
    ),
];

const WHEN: &[&str] = &[
    "Vanochtend",
    "Net",
    "Vanmiddag",
    "Gisteren",
    "Zaterdag",
    "Na het hardlopen",
    "Voor college",
    "Tussen twee meetings door",
    "Op weg naar mijn werk",
    "Met mijn moeder",
    "Na de markt op het Vredenburg",
    "Tijdens de lunch",
];
const DRINK: &[&str] = &[
    "een flat white",
    "een cortado",
    "een V60 van de Ethiopische Guji",
    "een cappuccino met havermelk",
    "een espresso tonic",
    "een filterkoffie",
    "een chai latte",
    "een dubbele espresso",
    "een Keniaanse pour-over",
    "een iced latte",
    "een macchiato",
    "een batch brew",
    "een honinglatte",
    "een decaf cappuccino",
];
const VERB: &[&str] = &["gedronken", "gehaald", "geprobeerd", "besteld"];
const PLACE: &[&str] = &[
    "het café om de hoek",
    "een nieuw tentje op de Biltstraat",
    "de kiosk op Utrecht Centraal",
    "een zaakje in Lombok",
    "de bakker aan de Twijnstraat",
    "de universiteitsbieb",
    "mijn werk",
];
/// Positive reactions: the only ones used in texts that mention the brand, so that the
/// planted complaint stays the only unanswered complaint.
const REACT: &[&str] = &[
    "Zo lekker!",
    "Echt een aanrader.",
    "Beste koffie van Utrecht, vind ik.",
    "Fruitig en zacht, precies goed.",
    "Vriendelijke barista ook.",
    "Mooie latte art erbij.",
    "Ik kom zeker terug.",
    "Precies wat ik nodig had.",
    "Lekker rustig plekje om te lezen.",
    "Wat een fijne plek.",
];
/// Mixed reactions, for texts about other places.
const REACT_MIXED: &[&str] = &[
    "Iets te bitter naar mijn smaak.",
    "Prima, maar wel prijzig.",
    "Niet slecht, niet geweldig.",
    "De muziek was wel erg hard.",
    "Wachten duurde lang, maar het was het waard.",
];
const HOMEWHEN: &[&str] = &[
    "Thuis",
    "Vanochtend thuis",
    "Zondagochtend",
    "Vroeg op, dus",
    "Thuiswerkdag:",
    "Na het avondeten nog",
];
const METHOD: &[&str] = &[
    "een V60 gezet",
    "de AeroPress gepakt",
    "de moka pot aangezet",
    "een french press gemaakt",
    "een Chemex gezet",
    "espresso gezet op mijn nieuwe machine",
    "cold brew gemaakt",
    "een kop filter gezet met de Kalita",
];
const BEANS_BRAND: &[&str] = &[
    "bonen van {brand}",
    "de nieuwe Kenia van {brand}",
    "de decaf van {brand}",
    "de Honingraat-blend van {brand}",
];
const BEANS: &[&str] = &[
    "bonen van {comp}",
    "supermarktbonen",
    "een proefzakje uit Colombia",
    "Braziliaanse bonen van de markt",
    "bonen die ik uit Berlijn meenam",
];
const RESULT: &[&str] = &[
    "Volgende keer iets fijner malen.",
    "Ratio 1:16 en water van 94 graden: perfect.",
    "Zoet, rond en een beetje fruitig.",
    "Eindelijk de juiste maalgraad gevonden!",
    "Dertig seconden bloomen maakt echt verschil.",
    "Smaakt naar pure chocolade.",
    "Mijn huisgenoten zijn ook fan.",
    "Wie heeft er tips voor een goede handmolen?",
];
const RESULT_MIXED: &[&str] = &[
    "Nog niet zo goed als in het café.",
    "Veel te bitter, ik snap niet wat ik fout doe.",
    "Te zuur, morgen opnieuw.",
];
const DAYPART: &[&str] = &[
    "Regenachtige {wd}",
    "Zonnige {wd}",
    "Koude {wd}ochtend",
    "Drukke {wd}",
    "Rustige {wd}",
    "Grijze {wd}",
    "Stormachtige {wd}",
    "Mistige {wd}ochtend",
];
const CITY: &[&str] = &[
    "Utrecht",
    "Amersfoort",
    "Zeist",
    "de binnenstad",
    "Lombok",
    "Wittevrouwen",
    "Leidsche Rijn",
    "Nieuwegein",
];
const MOOD: &[&str] = &[
    "Tijd voor {drink}.",
    "Zonder koffie kom ik de dag niet door.",
    "Laptop open, koffie erbij.",
    "Op zoek naar een plek om te werken met goede koffie. Tips?",
    "Fiets door de regen, koffie als beloning.",
    "Derde kop al en het is pas tien uur.",
    "Boek, deken en een grote mok koffie.",
    "Wie weet waar je hier goede filterkoffie haalt?",
];
const EVDAY: &[&str] = &["Zaterdag", "Vanavond", "Morgen", "Volgende week"];
const EVENT: &[&str] = &[
    "latte-art workshop",
    "cupping",
    "open dag in de branderij",
    "proeverij met Keniaanse koffies",
    "thuisbarista-cursus",
];
const EVFOLLOW: &[&str] = &[
    "Wie gaat er nog meer?",
    "Zin in!",
    "Ben benieuwd of mijn hartje nu wel lukt.",
    "Iemand die mee wil?",
    "Ik hoop dat er ook taart is.",
];
const PRAISE: &[&str] = &[
    "Dank voor de fijne workshop",
    "Wat een mooie nieuwe bonen",
    "Beste flat white van de stad",
    "Super vriendelijk geholpen vandaag",
    "Heerlijke middag gehad",
    "Jullie Guji is mijn nieuwe favoriet",
    "Top dat jullie ook decaf hebben",
    "Wat een mooie nieuwe bar",
];
const WHEN_EN: &[&str] = &[
    "This morning",
    "Just now",
    "Yesterday",
    "On Saturday",
    "After my run",
    "Before class",
    "Over lunch",
    "On my way to work",
];
const DRINK_EN: &[&str] = &[
    "a flat white",
    "a cortado",
    "an Ethiopian pour-over",
    "an oat cappuccino",
    "an espresso tonic",
    "a batch brew",
    "a double espresso",
    "an iced latte",
    "a honey latte",
];
const PLACE_EN: &[&str] = &[
    "a tiny place near the Dom tower",
    "the kiosk at Utrecht Centraal",
    "a new spot in Lombok",
    "a café on the Oudegracht",
    "the university library",
];
const REACT_EN: &[&str] = &[
    "So good!",
    "Highly recommended.",
    "Best coffee in Utrecht so far.",
    "Fruity and smooth, just right.",
    "Friendly baristas too.",
    "Will definitely come back.",
    "Great spot to read for an hour.",
];
const REACT_EN_MIXED: &[&str] = &[
    "A bit too bitter for me.",
    "Nice, but pricey.",
    "Long queue, but worth it.",
];
const HOMEWHEN_EN: &[&str] = &[
    "This morning",
    "On Sunday",
    "Working from home today, so",
    "Early start:",
];
const METHOD_EN: &[&str] = &[
    "V60",
    "AeroPress",
    "moka pot",
    "French press",
    "Chemex",
    "new espresso machine",
];
const BEANS_EN_BRAND: &[&str] = &["beans from {brand}", "the new Kenya from {brand}"];
const BEANS_EN: &[&str] = &[
    "beans from {comp}",
    "supermarket beans",
    "a Colombian sample bag",
    "beans I brought from Berlin",
];
const RESULT_EN: &[&str] = &[
    "Next time a finer grind.",
    "1:16 ratio, 94 degrees: spot on.",
    "Sweet, round and a little fruity.",
    "Finally found the right grind size!",
    "A 30 second bloom really makes a difference.",
    "Any tips for a good hand grinder?",
];
const RESULT_EN_MIXED: &[&str] = &[
    "Not as good as in the café yet.",
    "Way too bitter, what am I doing wrong?",
];
const DAYPART_EN: &[&str] = &[
    "Rainy {wd_en}",
    "Sunny {wd_en}",
    "Cold {wd_en} morning",
    "Busy {wd_en}",
    "Quiet {wd_en}",
    "Grey {wd_en}",
];
const MOOD_EN: &[&str] = &[
    "Time for {drink_en}.",
    "Can't start the day without coffee.",
    "Laptop open, coffee ready.",
    "Looking for a quiet place to work with good coffee. Tips?",
    "Cycling through the rain, coffee as a reward.",
    "Third cup and it's not even ten.",
];
const PRAISE_EN_LIST: &[&str] = &[
    "Thanks for the great workshop",
    "Lovely new beans",
    "Best flat white in town",
    "Such friendly service today",
    "Your Guji is my new favourite",
];
const LATTE: &[&str] = &[
    "geen enkele rosetta mislukt.",
    "de helft van de tulpen mislukt 😅",
    "eindelijk een zwaan gelukt!",
    "de melk bleef maar schuimen.",
];
const GRINDER: &[&str] = &["molen", "espressomachine", "weegschaal", "melkkan"];
const GRINDERFX: &[&str] = &[
    "Wat een verschil in de kop.",
    "Even wennen, maar veelbelovend.",
    "Collega's zijn nog niet overtuigd.",
];
const DIAL: &[&str] = &[
    "18 gram erin, 36 eruit in 28 seconden.",
    "nog te zuur, morgen iets fijner.",
    "zoet en sappig, zo laten we hem staan.",
];
const TRAINFX: &[&str] = &[
    "Melk opschuimen blijft het lastigst.",
    "Wat een enthousiasme!",
    "Volgende week deel twee.",
];
const TIP: &[&str] = &[
    "bewaar je bonen in een luchtdichte pot, niet in de koelkast.",
    "maal pas vlak voor het zetten.",
    "gebruik water van 92 tot 96 graden.",
    "weeg je koffie en je water, dan kun je bijsturen.",
    "spoel een papieren filter eerst door met heet water.",
    "maak je machine elke week schoon met een borsteltje.",
    "gebruik gefilterd water als je kalkrijk water hebt.",
];
const TIP_EN: &[&str] = &[
    "store your beans airtight, not in the fridge.",
    "grind right before brewing.",
    "use water between 92 and 96 degrees.",
    "weigh your coffee and water so you can adjust.",
    "rinse paper filters with hot water first.",
];

/// Brand originals in Dutch.
const BRAND_NL: &[&str] = &[
    "Nieuw binnen: {origin}. In de kop proef je {notes}. {roastday} https://honingraat.example/shop",
    "Vanochtend {kg} kilo {origin} gebrand. {roastdetail}",
    "{ws} op {date}: {seats} Aanmelden via https://honingraat.example/workshops",
    "Tip van de barista: {tip}",
    "{hours}",
    "{promo}",
    "Maak kennis met {teamname}, {teamrole} bij De Honingraat. {teamfact}",
    "We betalen dit jaar gemiddeld {price} dollar per pond groene koffie, ruim boven de beurskoers. Hoe dat werkt lees je op https://honingraat.example/transparantie",
    "Onze \"Honingraat-blend\" is terug: {notes}, heerlijk als espresso en met melk. https://honingraat.example/shop/blend",
];
/// Brand originals in English (Mastodon only).
const BRAND_EN: &[&str] = &[
    "New in: {origin_en}. Expect {notes_en}. https://honingraat.example/shop",
    "Barista tip: {tip_en}",
    "English-language {ws_en} on {date_en}: {seats_en} Sign up at https://honingraat.example/workshops",
];
const ORIGIN: &[&str] = &[
    "Ethiopië Guji",
    "Kenia Nyeri AA",
    "Colombia Huila",
    "Guatemala Huehuetenango",
    "Brazilië Cerrado",
    "Rwanda Nyamasheke",
    "Peru Cajamarca",
    "Honduras Santa Bárbara",
    "Costa Rica Tarrazú",
    "Burundi Kayanza",
    "Sumatra Gayo",
    "El Salvador Santa Ana",
];
const ORIGIN_EN: &[&str] = &[
    "Ethiopia Guji",
    "Kenya Nyeri AA",
    "Colombia Huila",
    "Guatemala Huehuetenango",
    "Brazil Cerrado",
    "Rwanda Nyamasheke",
    "Peru Cajamarca",
    "Burundi Kayanza",
];
const NOTES: &[&str] = &[
    "bosbes, jasmijn en citroen",
    "zwarte bes en rode grapefruit",
    "karamel en rode appel",
    "melkchocolade en hazelnoot",
    "perzik en honing",
    "rozijn en cacao",
    "sinaasappel en bruine suiker",
    "ceder en pure chocolade",
    "rode kers en vanille",
];
const NOTES_EN: &[&str] = &[
    "blueberry, jasmine and lemon",
    "blackcurrant and grapefruit",
    "caramel and red apple",
    "milk chocolate and hazelnut",
    "peach and honey",
    "orange and brown sugar",
];
const ROASTDAY: &[&str] = &[
    "Vers gebrand op maandag.",
    "Gebrand in kleine batches van twaalf kilo.",
    "Nu in de winkel en in de webshop.",
    "Op is op!",
    "Ook als filtermaling verkrijgbaar.",
];
const ROASTDETAIL: &[&str] = &[
    "De hele straat ruikt naar karamel.",
    "Eerste crack na negen minuten, mooi licht profiel.",
    "Klaar voor de webshopbestellingen van deze week.",
    "Elke batch wordt geproefd voordat hij de deur uitgaat.",
    "Onze brander draait sinds kort op groene stroom.",
];
const WS: &[&str] = &[
    "Latte-art workshop",
    "Cupping voor beginners",
    "Thuisbarista-cursus",
    "Masterclass filterkoffie",
];
const WS_EN: &[&str] = &[
    "latte art workshop",
    "cupping session",
    "home barista class",
];
const SEATS: &[&str] = &[
    "nog vier plekken vrij.",
    "nog een paar plekken.",
    "bijna vol!",
    "extra datum toegevoegd.",
];
const SEATS_EN: &[&str] = &["a few seats left.", "almost full!", "extra date added."];
const HOURS: &[&str] = &[
    "Deze week gewoon open: dinsdag tot en met zaterdag van 8:00 tot 17:00.",
    "Let op: donderdag zijn we pas vanaf 12:00 open, de brander krijgt onderhoud.",
    "Op maandag zijn we dicht, maar de webshop is altijd open: https://honingraat.example/shop",
    "Vanaf deze week zijn we op zaterdag open tot 18:00.",
];
const PROMO: &[&str] = &[
    "Koop twee zakken bonen en krijg de derde voor de halve prijs, alleen deze week. https://honingraat.example/shop",
    "Gratis verzending bij bestellingen vanaf 30 euro, tot en met zondag. https://honingraat.example/shop",
    "Neem je eigen beker mee en krijg 25 cent korting op elke koffie.",
    "Studenten krijgen op woensdag tien procent korting op alle koffie.",
];
const TEAMNAME: &[&str] = &["Jeroen", "Fatima", "Sem", "Iris", "Koen", "Yara"];
const TEAMROLE: &[&str] = &[
    "onze hoofdbrander",
    "barista",
    "onze inkoper",
    "onze webshopheld",
    "barista en latte-art-kampioen",
];
const TEAMFACT: &[&str] = &[
    "Favoriete koffie: de Kenia.",
    "Drinkt het liefst espresso zonder suiker.",
    "Werkte eerder op een koffieplantage in Colombia.",
    "Bakt ook het bananenbrood dat we verkopen.",
    "Fietst elke dag vanuit Houten naar de branderij.",
];

/// The competitor on Mastodon.
const BONENBAR: &[&str] = &[
    "Vandaag op de bar: {origin}, met tonen van {notes}.",
    "Lunchdeal: koffie en een tosti voor 7,50 euro, tot 14:00. {react}",
    "Nieuwe zak {origin} binnen. Wie komt proeven?",
    "Open tot 18:00 vandaag, de zon schijnt op ons terras. {mood}",
    "Tip van onze barista: {tip}",
];
/// The competitor on Instagram.
const DOMSTAD: &[&str] = &[
    "Weekendvibes ☀️ {drink} en een croissant bij ons aan de gracht.",
    "Nieuw op de kaart: {drink} met een vleugje kaneel. {react}",
    "Wie wint onze latte-art battle van {date}? Inschrijven aan de bar.",
    "{daypart} aan de Oudegracht. {mood}",
    "Vanavond open tot 22:00, met live muziek en {drink}.",
];
/// The coffee blogger.
const BLOG: &[&str] = &[
    "Nieuw op het blog: {article}",
    "Vraag van een lezer: {readerq} Mijn antwoord: https://koffieblog-anna.example/vragen",
    "{blogfact}",
];
const ARTICLE: &[&str] = &[
    "de vijf beste handmolens onder de 100 euro. https://koffieblog-anna.example/handmolens",
    "wat natural en washed betekenen op je zak koffie. https://koffieblog-anna.example/processing",
    "hoe hard is het Utrechtse kraanwater eigenlijk? https://koffieblog-anna.example/water",
    "een week lang alleen decaf, een verslag. https://koffieblog-anna.example/decaf-week",
    "specialty coffee in Utrecht: mijn favoriete adressen. https://koffieblog-anna.example/utrecht",
    "alles over de AeroPress, van recept tot schoonmaken. https://koffieblog-anna.example/aeropress",
];
const READERQ: &[&str] = &[
    "Moet ik mijn bonen in de vriezer bewaren?",
    "Is een duurdere molen echt beter?",
    "Waarom is mijn espresso zuur?",
    "Hoeveel koffie gebruik je per kop?",
];
const BLOGFACT: &[&str] = &[
    "Wist je dat een koffiebes meestal twee bonen bevat, en soms maar één? Die heet een peaberry.",
    "Koffie zetten met kokend water maakt hem bitter. Laat de waterkoker eerst even afkoelen.",
    "De meeste smaak zit in de eerste weken na het branden. Koop dus liever kleine zakken.",
];
/// The Utrecht food guide.
const FOODGUIDE: &[&str] = &[
    "Nieuwe hotspot in {city}: {spotdesc}",
    "Weekendtip: ontbijten bij {spotname} en daarna koffie bij {brand}.",
    "Weekendtip: koffie bij {comp} en daarna de Domtoren op.",
    "Onze lijst met de beste koffiebars van Utrecht is bijgewerkt. https://utrechteet.example/koffie",
    "{when} {drink} {verb} bij {brand}. {react}",
];
const SPOTDESC: &[&str] = &[
    "een bakkerij met zuurdesem en goede filterkoffie.",
    "een koffiebar in een oude fietsenwinkel.",
    "een lunchroom met uitzicht op de gracht.",
    "een piepklein koffieraam aan de Voorstraat.",
];
const SPOTNAME: &[&str] = &["Bakkerij Lombok", "De Ontbijtfabriek", "Café Griftpark"];
/// The English coffee nerd.
const NERD: &[&str] = &[
    "Extraction is not magic: {nerd}",
    "Read this week: {nerdread}",
    "{when_en} I had {drink_en} at {brand}. {react_en}",
    "{homewhen_en} I brewed {beans_en} with my {method_en}. {result_en}",
];
const NERDFACT: &[&str] = &[
    "a finer grind means more surface, more extraction and more bitterness.",
    "water hardness changes the taste more than most grinders do.",
    "resting beans for a week lets the gas escape and evens out the shot.",
];
const NERDREAD: &[&str] = &[
    "a long piece on farm-gate prices in Rwanda. https://coffeenerd.example/rwanda",
    "why light roasts taste sour to some people. https://coffeenerd.example/light-roast",
];
/// The English coffee-guide account.
const GUIDE: &[&str] = &[
    "Utrecht coffee guide, stop {small}: {brand}. {react_en}",
    "Utrecht coffee guide, stop {small}: {comp}. {react_en}",
    "New on the map: {place_en}. {react_en}",
    "{daypart_en} in {city}. {mood_en}",
];

const REPLY_NL: &[&str] = &[
    "Helemaal mee eens!",
    "Ga ik ook proberen.",
    "Welke bonen gebruik je?",
    "Haha, herkenbaar.",
    "Dank voor de tip!",
    "Waar is dat precies?",
    "Ziet er heerlijk uit!",
    "Daar moet ik ook eens heen.",
    "Goed om te weten.",
    "Mooi gezegd.",
    "Jaloers!",
    "Klinkt goed.",
    "Wat voor molen heb je?",
    "Hoe lang laat je het trekken?",
    "Volgende keer ga ik mee!",
    "Precies mijn ervaring.",
    "Echt? Bij mij was het prima.",
];
/// Disagreement, never used in answers to the brand.
const REPLY_NL_MIXED: &[&str] = &[
    "Ik vond het eerlijk gezegd tegenvallen.",
    "Hmm, daar denk ik anders over.",
    "Vond het zelf te duur.",
];
const REPLY_NL_TAIL: &[&str] = &[
    "Zaterdag maar eens langs.",
    "Ik drink alleen nog filter.",
    "Havermelk werkt trouwens ook goed.",
    "Groetjes uit Lombok!",
    "De taart daar is ook aan te raden.",
    "Mijn tip: iets minder water.",
    "☕",
    "😄",
    "👍",
];
const REPLY_EN: &[&str] = &[
    "Totally agree!",
    "Going to try this.",
    "Which beans did you use?",
    "Looks delicious!",
    "Thanks for the tip!",
    "Where is this?",
    "Same here.",
    "Need to visit soon.",
    "What grinder do you use?",
];
/// Disagreement in English, never used in answers to the brand.
const REPLY_EN_MIXED: &[&str] = &[
    "Hmm, not my experience.",
    "Found it overpriced, to be honest.",
];
const REPLY_EN_TAIL: &[&str] = &[
    "Cheers!",
    "Saturday maybe?",
    "Oat milk works too.",
    "☕",
    "🙌",
];
const BRAND_THANKS_NL: &[&str] = &[
    "Dank je wel! Tot snel ☕",
    "Wat leuk om te horen!",
    "Dank! We geven het door aan het team.",
    "Graag gedaan 🍯",
    "Fijn dat het smaakte!",
    "Haha, dat herkennen we!",
    "Dank voor je mooie woorden.",
    "Tot zaterdag dan!",
];
const BRAND_THANKS_EN: &[&str] = &[
    "Thank you! See you soon ☕",
    "So nice to hear!",
    "Thanks, we'll tell the team.",
    "Glad you liked it!",
];
const ASKER_NL: &[&str] = &[
    "Top, dank jullie!",
    "Fijn, dan kom ik zaterdag langs.",
    "Super, dank voor het antwoord.",
    "Helder, bedankt!",
    "Oké, goed om te weten.",
];
const ASKER_EN: &[&str] = &[
    "Great, thanks!",
    "Perfect, see you Saturday.",
    "Thanks for the quick answer.",
];
const BRAND_CLOSE_NL: &[&str] = &["Graag gedaan!", "👍", "Tot snel!", "Veel plezier ermee!"];
const BRAND_CLOSE_EN: &[&str] = &["You're welcome!", "👍", "See you soon!"];
const QUOTE_NL: &[&str] = &[
    "Dit!",
    "Goed idee, ik ga mee.",
    "Precies wat ik bedoelde.",
    "Interessant, wist ik niet.",
    "Moet ik ook eens proberen.",
    "Aanrader voor iedereen in Utrecht.",
    "Wie gaat er mee?",
];
const QUOTE_EN: &[&str] = &[
    "This!",
    "Great idea.",
    "Adding this to my list.",
    "Interesting read.",
    "This is why I love this city.",
];

const EMOJI: &[&str] = &["☕", "😍", "👌", "🙌", "😊", "🐝", "🍯", "❤️", "🔥", "😋"];
const TAGS_NL: &[&str] = &[
    "#koffie",
    "#utrecht",
    "#specialtycoffee",
    "#koffiepauze",
    "#flatwhite",
    "#030",
    "#latteart",
    "#thuisbarista",
    "#filterkoffie",
    "#koffieliefhebber",
];
const TAGS_EN: &[&str] = &[
    "#coffee",
    "#utrecht",
    "#specialtycoffee",
    "#coffeetime",
    "#flatwhite",
    "#latteart",
    "#homebarista",
    "#coffeelover",
];
const TAGS_BRAND: &[&str] = &[
    "#koffie",
    "#utrecht",
    "#specialtycoffee",
    "#koffiebranderij",
    "#honingraat",
    "#versgebrand",
    "#030",
    "#latteart",
];
const POST_LOCATIONS: &[&str] = &[
    "Koffiebranderij De Honingraat",
    "Utrecht, Netherlands",
    "Oudegracht, Utrecht",
    "Griftpark",
    "Utrecht Centraal",
    "Lombok, Utrecht",
    "Amersfoort",
];

const FIRST_NL: &[&str] = &[
    "Sanne", "Lotte", "Daan", "Sem", "Emma", "Julia", "Lucas", "Milan", "Fleur", "Anouk", "Bram",
    "Thijs", "Noor", "Sophie", "Ruben", "Jesse", "Lisa", "Femke", "Koen", "Marieke", "Ilse",
    "Joost", "Wouter", "Eva", "Iris", "Tim", "Niels", "Merel", "Roos", "Maarten", "Esther",
    "Mohamed", "Yasmina", "Fatima", "Ayoub", "Dewi", "Rik", "Annelies", "Kim", "Sven", "Jasper",
    "Hanna", "Mees", "Tess", "Floor", "Gijs",
];
const FIRST_EN: &[&str] = &[
    "Priya", "Chen", "Lena", "Jonas", "Hannah", "Tom", "Sarah", "Olivia", "Mateo", "Ana", "Luca",
    "Emily", "Noah", "Marta",
];
const LAST: &[&str] = &[
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "El Amrani",
    "Yilmaz",
    "Schouten",
    "Vermeulen",
    "van Dijk",
    "Koster",
    "Prins",
    "Huisman",
    "Willems",
    "Kuipers",
];
const BIO_NL: &[&str] = &[
    "Koffie, fietsen en Utrecht.",
    "Thuisbarista in opleiding ☕",
    "Ontwerper. Drinkt te veel koffie.",
    "Student aan de UU.",
    "Vader van twee, fan van filterkoffie.",
    "Docent Nederlands. Boeken en bonen.",
    "Verpleegkundige, nachtdiensten en espresso.",
    "Fotograaf in Utrecht 📷",
    "Altijd op zoek naar de beste taart.",
    "Hardlopen, koken, koffie. In die volgorde.",
    "Gemeenteambtenaar met een zwak voor latte art.",
];
const BIO_EN: &[&str] = &[
    "Coffee, code and cats.",
    "Expat in Utrecht. Chasing the perfect flat white.",
    "PhD student. Runs on espresso.",
    "Designer, cyclist, coffee snob.",
    "New in the Netherlands, learning Dutch one coffee at a time.",
];
const BIO_BARISTA: &[&str] = &[
    "Barista in Utrecht.",
    "Barista en latte-art-fanaat.",
    "Achter de bar sinds 2019.",
    "Barista. Koffie is mijn vak.",
];
/// Account locations: (name, in the Utrecht region, weight).
const LOCATIONS: &[(&str, bool, f64)] = &[
    ("Utrecht", true, 8.0),
    ("Utrecht, Nederland", true, 3.0),
    ("Lombok, Utrecht", true, 1.0),
    ("Zeist", true, 1.0),
    ("Nieuwegein", true, 1.0),
    ("Houten", true, 0.8),
    ("Bunnik", true, 0.4),
    ("Amersfoort", true, 1.2),
    ("Amsterdam", false, 2.0),
    ("Rotterdam", false, 1.0),
    ("Den Haag", false, 0.8),
    ("Nederland", false, 1.5),
    ("Antwerpen", false, 0.3),
    ("Berlin", false, 0.3),
];

// ---------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Platform {
    Mastodon,
    Instagram,
}

impl Platform {
    fn name(self) -> &'static str {
        match self {
            Platform::Mastodon => "mastodon",
            Platform::Instagram => "instagram",
        }
    }
    fn ix(self) -> usize {
        match self {
            Platform::Mastodon => 0,
            Platform::Instagram => 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Brand,
    Competitor,
    Blogger,
    FoodGuide,
    Nerd,
    Guide,
    Barista,
    HomeBarista,
    Audience,
}

/// A hand-written account.
struct Named {
    id: &'static str,
    platform: Platform,
    kind: Kind,
    name: &'static str,
    bio: &'static str,
    location: &'static str,
    url: &'static str,
    lang: &'static str,
    created: (i64, u32, u32),
    originals: f64,
    appeal: f64,
    hidden_followers: u64,
}

use Kind as K;
use Platform::{Instagram as I, Mastodon as M};

/// Indexes of hand-written accounts in [`NAMED`].
const BRAND_M: usize = 0;
const BRAND_I: usize = 1;
const COMP_M: usize = 2;
const COMP_I: usize = 3;
const BLOGGER: usize = 4;
const SANNE: usize = 10;
const MARK: usize = 11;
const LOTTE: usize = 12;
const RUBEN: usize = 13;

const NAMED: &[Named] = &[
    Named {
        id: "honingraat",
        platform: M,
        kind: K::Brand,
        name: "Koffiebranderij De Honingraat",
        bio: "Koffiebranderij en café in Utrecht. Vers gebrand, eerlijk ingekocht. Open di–za 8:00–17:00.",
        location: "Twijnstraat, Utrecht",
        url: "https://honingraat.example/",
        lang: "nl",
        created: (2022, 11, 7),
        originals: 60.0,
        appeal: 60.0,
        hidden_followers: 380,
    },
    Named {
        id: "honingraat_nl",
        platform: I,
        kind: K::Brand,
        name: "De Honingraat ☕🐝",
        bio: "Koffiebranderij & café 🐝 Vers gebrande specialty coffee uit Utrecht. Workshops ⬇️",
        location: "Utrecht",
        url: "https://honingraat.example/links",
        lang: "nl",
        created: (2019, 4, 2),
        originals: 62.0,
        appeal: 60.0,
        hidden_followers: 1_240,
    },
    Named {
        id: "bonenbar",
        platform: M,
        kind: K::Competitor,
        name: "Bonenbar Utrecht",
        bio: "Espressobar en lunch bij het station. Elke dag open.",
        location: "Utrecht",
        url: "https://bonenbar.example/",
        lang: "nl",
        created: (2023, 1, 15),
        originals: 42.0,
        appeal: 30.0,
        hidden_followers: 310,
    },
    Named {
        id: "domstadkoffie",
        platform: I,
        kind: K::Competitor,
        name: "Domstad Koffie",
        bio: "Koffie aan de gracht ☀️ Elke dag open tot laat.",
        location: "Oudegracht, Utrecht",
        url: "https://domstadkoffie.example/",
        lang: "nl",
        created: (2018, 6, 20),
        originals: 48.0,
        appeal: 40.0,
        hidden_followers: 2_150,
    },
    Named {
        id: "koffieblog_anna",
        platform: M,
        kind: K::Blogger,
        name: "Anna's Koffieblog",
        bio: "Ik schrijf over koffie: bonen, zetten, bars. Teksten CC BY-NC-ND.",
        location: "Utrecht",
        url: "https://koffieblog-anna.example/",
        lang: "nl",
        created: (2021, 3, 3),
        originals: 26.0,
        appeal: 35.0,
        hidden_followers: 1_800,
    },
    Named {
        id: "baristabas",
        platform: M,
        kind: K::Barista,
        name: "Bas de Barista",
        bio: "Barista-trainer. Nederlands kampioen latte art 2023.",
        location: "Utrecht",
        url: "https://baristabas.example/",
        lang: "nl",
        created: (2020, 9, 12),
        originals: 30.0,
        appeal: 30.0,
        hidden_followers: 2_600,
    },
    Named {
        id: "coffeenerd_eu",
        platform: M,
        kind: K::Nerd,
        name: "Coffee Nerd",
        bio: "Writing about coffee science and farm-gate prices.",
        location: "Amsterdam",
        url: "https://coffeenerd.example/",
        lang: "en",
        created: (2019, 12, 1),
        originals: 28.0,
        appeal: 25.0,
        hidden_followers: 5_400,
    },
    Named {
        id: "utrecht_eet",
        platform: I,
        kind: K::FoodGuide,
        name: "Utrecht Eet & Drinkt",
        bio: "De beste adresjes van Utrecht 🍽️☕",
        location: "Utrecht",
        url: "https://utrechteet.example/",
        lang: "nl",
        created: (2017, 5, 9),
        originals: 34.0,
        appeal: 45.0,
        hidden_followers: 8_900,
    },
    Named {
        id: "dutchcoffeeguide",
        platform: I,
        kind: K::Guide,
        name: "Dutch Coffee Guide",
        bio: "Specialty coffee in the Netherlands, one city at a time.",
        location: "Nederland",
        url: "https://dutchcoffeeguide.example/",
        lang: "en",
        created: (2018, 2, 14),
        originals: 26.0,
        appeal: 30.0,
        hidden_followers: 6_300,
    },
    Named {
        id: "thuisbarista_lisa",
        platform: I,
        kind: K::HomeBarista,
        name: "Lisa | thuisbarista",
        bio: "Koffie zetten in mijn keuken in Zeist ☕ Recepten en reviews.",
        location: "Zeist",
        url: "",
        lang: "nl",
        created: (2021, 8, 30),
        originals: 30.0,
        appeal: 22.0,
        hidden_followers: 3_100,
    },
    Named {
        id: "sanne_vdberg",
        platform: I,
        kind: K::Audience,
        name: "Sanne van den Berg",
        bio: "Fotograaf in Utrecht 📷",
        location: "Utrecht",
        url: "",
        lang: "nl",
        created: (2016, 10, 2),
        originals: 4.0,
        appeal: 2.0,
        hidden_followers: 240,
    },
    Named {
        id: "mark_dekker",
        platform: M,
        kind: K::Audience,
        name: "Mark Dekker",
        bio: "Fietsenmaker. Koffie zwart, graag.",
        location: "Nieuwegein",
        url: "",
        lang: "nl",
        created: (2022, 12, 1),
        originals: 3.0,
        appeal: 1.5,
        hidden_followers: 60,
    },
    Named {
        id: "lotte_utrecht",
        platform: M,
        kind: K::Audience,
        name: "Lotte",
        bio: "Beheerder van Utrechtse koffieliefhebbers. Altijd in voor een cortado.",
        location: "Utrecht",
        url: "",
        lang: "nl",
        created: (2022, 11, 20),
        originals: 12.0,
        appeal: 6.0,
        hidden_followers: 150,
    },
    Named {
        id: "ruben_bakker",
        platform: M,
        kind: K::Audience,
        name: "Ruben Bakker",
        bio: "Student aan de UU.",
        location: "Utrecht",
        url: "",
        lang: "nl",
        created: (2023, 2, 11),
        originals: 5.0,
        appeal: 2.0,
        hidden_followers: 40,
    },
];

/// Number of accounts in the folder.
const N_ACCOUNTS: usize = 320;

struct Acct {
    id: String,
    platform: Platform,
    kind: Kind,
    display_name: Option<String>,
    bio: Option<String>,
    location: Option<String>,
    url: Option<String>,
    avatar: Option<String>,
    created_at: i64,
    verified: Option<bool>,
    lang: &'static str,
    /// Expected number of originals in the period.
    originals: f64,
    /// How attractive the account is to follow and answer.
    appeal: f64,
    local: bool,
    hidden_followers: u64,
}

// ---------------------------------------------------------------------------------------
// Posts and the rest
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Topic {
    Chat,
    /// Praise that mentions the brand.
    Praise,
    /// A question to the brand: index into [`QUESTIONS`].
    Question(usize),
    /// A complaint to the brand: index into [`COMPLAINTS`].
    Complaint(usize),
    /// A post by the brand.
    Brand,
}

struct Post {
    seq: u32,
    author: usize,
    ts: i64,
    ms: u32,
    text: String,
    reply_to: Option<usize>,
    repost_of: Option<usize>,
    quote_of: Option<usize>,
    lang: &'static str,
    media: Option<String>,
    credit: Option<String>,
    license: Option<String>,
    location: Option<String>,
    topic: Topic,
    planted: bool,
}

impl Post {
    fn id(&self) -> String {
        snowflake(self.ts, self.ms, self.seq)
    }
}

/// A Mastodon-style id: milliseconds since the epoch shifted left by 16, plus a sequence.
fn snowflake(ts: i64, ms: u32, seq: u32) -> String {
    let millis = (ts.max(0) as u64) * 1_000 + ms as u64;
    ((millis << 16) | (seq as u64 & 0xffff)).to_string()
}

struct Membership {
    group: usize,
    account: usize,
    joined_at: i64,
    left_at: Option<i64>,
    role: &'static str,
}

struct Presence {
    account: usize,
    at: i64,
    status: &'static str,
    location: Option<String>,
    duration_s: Option<i64>,
}

struct Rating {
    post: usize,
    rater: usize,
    score: u8,
    created_at: i64,
}

/// A group: (id, name, created (y, m, d), description, visibility).
type GroupRow = (
    &'static str,
    &'static str,
    (i64, u32, u32),
    &'static str,
    &'static str,
);

/// The two groups.
const GROUPS: [GroupRow; 2] = [
    (
        "utrechtse-koffieliefhebbers",
        "Utrechtse koffieliefhebbers",
        (2020, 5, 12),
        "Voor iedereen in en rond Utrecht die van goede koffie houdt: tips, bars, bonen en meetups.",
        "public",
    ),
    (
        "baristas-van-nederland",
        "Barista's van Nederland",
        (2021, 9, 1),
        "Besloten groep voor barista's: vakkennis, vacatures en latte-art-battles.",
        "private",
    ),
];

/// Catches near-copies while texts are generated: word 3-shingles (mentions, hashtags and
/// links left out) and their Jaccard similarity to every earlier text.
#[derive(Default)]
struct Guard {
    index: BTreeMap<u64, Vec<u32>>,
    sizes: Vec<usize>,
}

/// Texts with fewer words than this are not compared.
const GUARD_MIN_WORDS: usize = 6;
/// Highest similarity allowed between two generated texts.
const GUARD_MAX_SIMILARITY: f64 = 0.4;

/// The word 3-shingles of a text, hashed (FNV-1a), sorted and deduplicated.
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| !w.starts_with('@') && !w.starts_with('#') && !w.starts_with("http"))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < GUARD_MIN_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(3)
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in w.join(" ").bytes() {
                h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Guard {
    /// Whether the text is too similar to an earlier one.
    fn clashes(&self, sh: &[u64]) -> bool {
        if sh.is_empty() {
            return false;
        }
        let mut shared: BTreeMap<u32, usize> = BTreeMap::new();
        for h in sh {
            for &t in self.index.get(h).map(Vec::as_slice).unwrap_or(&[]) {
                *shared.entry(t).or_insert(0) += 1;
            }
        }
        shared.iter().any(|(&t, &c)| {
            let union = sh.len() + self.sizes[t as usize] - c;
            c as f64 / union as f64 >= GUARD_MAX_SIMILARITY
        })
    }

    fn add(&mut self, sh: &[u64]) {
        if sh.is_empty() {
            return;
        }
        let t = self.sizes.len() as u32;
        self.sizes.push(sh.len());
        for &h in sh {
            self.index.entry(h).or_default().push(t);
        }
    }
}

/// What a text template is rendered against.
struct Cx {
    brand: String,
    comp: String,
    day: i64,
}

/// Weighted picking among a fixed set of accounts.
struct Pool {
    items: Vec<usize>,
    cum: Vec<f64>,
}

impl Pool {
    fn new(items: Vec<usize>, weight: impl Fn(usize) -> f64) -> Pool {
        let mut total = 0.0;
        let cum = items
            .iter()
            .map(|&i| {
                total += weight(i);
                total
            })
            .collect();
        Pool { items, cum }
    }

    fn pick(&self, rng: &mut Rng) -> Option<usize> {
        let total = *self.cum.last()?;
        let x = rng.unit() * total;
        let i = self
            .cum
            .partition_point(|&c| c <= x)
            .min(self.items.len() - 1);
        Some(self.items[i])
    }
}

struct Gen {
    rng: Rng,
    accts: Vec<Acct>,
    follows: BTreeMap<(usize, usize), Option<i64>>,
    followers_of: Vec<Vec<usize>>,
    memberships: Vec<Membership>,
    posts: Vec<Post>,
    guard: Guard,
    presence: Vec<Presence>,
    ratings: Vec<Rating>,
    /// Accounts per platform, weighted by how much they post.
    active: [Pool; 2],
    /// Each question and complaint is asked once, so each brand answer is unique.
    used_questions: BTreeSet<usize>,
    used_complaints: BTreeSet<usize>,
}

impl Gen {
    fn new() -> Gen {
        Gen {
            rng: Rng(SEED),
            accts: Vec::new(),
            follows: BTreeMap::new(),
            followers_of: Vec::new(),
            memberships: Vec::new(),
            posts: Vec::new(),
            guard: Guard::default(),
            presence: Vec::new(),
            ratings: Vec::new(),
            active: [
                Pool::new(Vec::new(), |_| 0.0),
                Pool::new(Vec::new(), |_| 0.0),
            ],
            used_questions: BTreeSet::new(),
            used_complaints: BTreeSet::new(),
        }
    }

    fn run(&mut self) {
        self.make_accounts();
        self.make_memberships();
        self.make_follows();
        for p in [Platform::Mastodon, Platform::Instagram] {
            let items: Vec<usize> = (0..self.accts.len())
                .filter(|&a| self.accts[a].platform == p)
                .collect();
            let accts = &self.accts;
            self.active[p.ix()] = Pool::new(items, |a| 0.3 + accts[a].originals.min(20.0));
        }
        self.plant();
        self.make_originals();
        self.make_replies();
        self.make_quotes();
        self.make_reposts();
        self.make_ratings();
        self.make_presence();
    }

    fn brand_of(&self, p: Platform) -> usize {
        match p {
            Platform::Mastodon => BRAND_M,
            Platform::Instagram => BRAND_I,
        }
    }

    fn comp_of(&self, p: Platform) -> usize {
        match p {
            Platform::Mastodon => COMP_M,
            Platform::Instagram => COMP_I,
        }
    }

    fn is_brand(&self, a: usize) -> bool {
        self.accts[a].kind == Kind::Brand
    }

    // ---- accounts ------------------------------------------------------------------

    fn make_accounts(&mut self) {
        for n in NAMED {
            let (y, m, d) = n.created;
            let local = LOCATIONS.iter().any(|l| l.1 && n.location.contains(l.0))
                || n.location.contains("Utrecht");
            self.accts.push(Acct {
                id: n.id.into(),
                platform: n.platform,
                kind: n.kind,
                display_name: Some(n.name.into()),
                bio: Some(n.bio.into()),
                location: (!n.location.is_empty()).then(|| n.location.into()),
                url: (!n.url.is_empty()).then(|| n.url.into()),
                avatar: Some(avatar(n.id, n.platform)),
                created_at: days_from_civil(y, m, d) * 86_400
                    + 36_000
                    + self.rng.between(0, 30_000),
                verified: Some(!matches!(n.kind, Kind::Audience)),
                lang: n.lang,
                originals: n.originals,
                appeal: n.appeal,
                local,
                hidden_followers: n.hidden_followers,
            });
        }
        let mut taken: BTreeSet<String> = self.accts.iter().map(|a| a.id.clone()).collect();
        while self.accts.len() < N_ACCOUNTS {
            let a = self.make_audience(&mut taken);
            self.accts.push(a);
        }
        self.followers_of = vec![Vec::new(); self.accts.len()];
    }

    fn make_audience(&mut self, taken: &mut BTreeSet<String>) -> Acct {
        let r = &mut self.rng;
        let platform = if r.chance(0.55) {
            Platform::Mastodon
        } else {
            Platform::Instagram
        };
        let lang = if r.chance(0.82) { "nl" } else { "en" };
        let first = if lang == "en" {
            r.pick(FIRST_EN)
        } else {
            r.pick(FIRST_NL)
        };
        let last = r.pick(LAST);
        let f = first.to_lowercase();
        let l: String = last
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        let short: String = last
            .split(' ')
            .map(|w| {
                if w.chars().next().is_some_and(char::is_lowercase) {
                    w.chars().take(1).collect()
                } else {
                    w.to_lowercase()
                }
            })
            .collect();
        let mut id = match r.below(5) {
            0 => format!("{f}_{l}"),
            1 => format!("{f}{l}"),
            2 => format!("{f}_{short}"),
            3 => format!("{f}{}", r.between(70, 100) % 100),
            _ => format!("{f}_{}", l.chars().next().unwrap_or('x')),
        };
        while taken.contains(&id) {
            id = format!("{id}{}", r.below(10));
        }
        taken.insert(id.clone());
        let barista = lang == "nl" && r.chance(0.11);
        let loc = r.chance(0.6).then(|| {
            let w: Vec<f64> = LOCATIONS.iter().map(|l| l.2).collect();
            LOCATIONS[r.weighted(&w)]
        });
        let bio = r.chance(0.8).then(|| {
            if barista {
                r.pick(BIO_BARISTA)
            } else if lang == "en" {
                r.pick(BIO_EN)
            } else {
                r.pick(BIO_NL)
            }
            .to_string()
        });
        let display_name = match r.below(10) {
            0 => None,
            1..=3 => Some(first.to_string()),
            4 => Some(format!("{first} ☕")),
            _ => Some(format!("{first} {last}")),
        };
        let u = r.unit();
        let activity = 0.26 / (0.01 + u * u);
        let appeal = (1.0 / (0.06 + r.unit())) * if barista { 1.5 } else { 1.0 };
        let url = r
            .chance(0.2)
            .then(|| format!("https://{}.example.com/", id.replace('_', "-")));
        let avatar = r.chance(0.88).then(|| avatar(&id, platform));
        let created_at = DAY0 - r.between(20, 3_300) * 86_400 + r.between(0, 86_400);
        let hidden_followers = (appeal * r.between(3, 30) as f64) as u64;
        Acct {
            id,
            platform,
            kind: if barista {
                Kind::Barista
            } else {
                Kind::Audience
            },
            display_name,
            bio,
            location: loc.map(|l| l.0.to_string()),
            url,
            avatar,
            created_at,
            verified: None,
            lang,
            originals: activity,
            appeal,
            local: loc.is_some_and(|l| l.1),
            hidden_followers,
        }
    }

    // ---- groups --------------------------------------------------------------------

    fn make_memberships(&mut self) {
        let group_start: Vec<i64> = GROUPS
            .iter()
            .map(|g| days_from_civil(g.2.0, g.2.1, g.2.2) * 86_400)
            .collect();
        // Hand-picked roles first.
        let fixed: [(usize, usize, &str); 7] = [
            (0, LOTTE, "admin"),
            (0, BLOGGER, "moderator"),
            (0, BRAND_M, "member"),
            (0, COMP_M, "member"),
            (1, 5, "admin"),
            (1, 9, "moderator"),
            (1, BRAND_I, "member"),
        ];
        let mut seen = BTreeSet::new();
        for (g, a, role) in fixed {
            let joined =
                group_start[g].max(self.accts[a].created_at) + self.rng.between(0, 40) * 86_400;
            self.memberships.push(Membership {
                group: g,
                account: a,
                joined_at: joined,
                left_at: None,
                role,
            });
            seen.insert((g, a));
        }
        for a in 0..self.accts.len() {
            let acc = &self.accts[a];
            let p0 = if acc.kind == Kind::Audience || acc.kind == Kind::Barista {
                if acc.local { 0.5 } else { 0.06 }
            } else {
                0.0
            };
            let p1 = match acc.kind {
                Kind::Barista => 0.85,
                Kind::Guide | Kind::HomeBarista => 0.6,
                Kind::Audience => 0.03,
                _ => 0.0,
            };
            for (g, p) in [(0, p0), (1, p1)] {
                if seen.contains(&(g, a)) || !self.rng.chance(p) {
                    continue;
                }
                let from = group_start[g].max(self.accts[a].created_at);
                let joined = self.rng.between(from, DAY0 + 60 * 86_400);
                let role = if self.rng.chance(0.03) {
                    "moderator"
                } else {
                    "member"
                };
                self.memberships.push(Membership {
                    group: g,
                    account: a,
                    joined_at: joined,
                    left_at: None,
                    role,
                });
                seen.insert((g, a));
            }
        }
        // A few members leave, some of them during the period.
        let mut left = 0;
        for i in 0..self.memberships.len() {
            if left < 6
                && self.memberships[i].role == "member"
                && self.accts[self.memberships[i].account].kind == Kind::Audience
                && self.rng.chance(0.06)
            {
                let m = &self.memberships[i];
                let to = PERIOD_END - 86_400;
                self.memberships[i].left_at = Some(self.rng.between(
                    m.joined_at.max(DAY0 - 120 * 86_400),
                    to.max(m.joined_at + 86_400),
                ));
                left += 1;
            }
        }
        self.memberships
            .sort_by_key(|m| (m.group, m.joined_at, m.account));
    }

    fn groups_of(&self, a: usize) -> Vec<usize> {
        self.memberships
            .iter()
            .filter(|m| m.account == a)
            .map(|m| m.group)
            .collect()
    }

    // ---- follows -------------------------------------------------------------------

    fn follow(&mut self, s: usize, t: usize) {
        if s != t && self.accts[s].platform == self.accts[t].platform {
            self.follows.entry((s, t)).or_insert(None);
        }
    }

    fn make_follows(&mut self) {
        let n = self.accts.len();
        let pools: Vec<Pool> = [Platform::Mastodon, Platform::Instagram]
            .iter()
            .map(|&p| {
                let items: Vec<usize> = (0..n).filter(|&a| self.accts[a].platform == p).collect();
                let accts = &self.accts;
                Pool::new(items, |a| accts[a].appeal)
            })
            .collect();
        let members: Vec<Vec<usize>> = (0..GROUPS.len())
            .map(|g| {
                self.memberships
                    .iter()
                    .filter(|m| m.group == g)
                    .map(|m| m.account)
                    .collect()
            })
            .collect();
        for a in 0..n {
            let p = self.accts[a].platform;
            let kind = self.accts[a].kind;
            let brand = self.brand_of(p);
            let comp = self.comp_of(p);
            if !matches!(kind, Kind::Brand | Kind::Competitor) {
                let pb = if self.accts[a].local { 0.8 } else { 0.5 };
                if self.rng.chance(pb) {
                    self.follow(a, brand);
                }
                if self.rng.chance(0.3) {
                    self.follow(a, comp);
                }
            }
            let degree = match kind {
                Kind::Brand => 25,
                Kind::Competitor => 15,
                Kind::Blogger | Kind::Nerd | Kind::Guide | Kind::FoodGuide => 35,
                _ => {
                    let v = self.rng.unit();
                    3 + (26.0 * v * v * v) as usize
                        + (self.accts[a].originals.min(12.0) / 3.0) as usize
                }
            };
            let groups = self.groups_of(a);
            for _ in 0..degree {
                let t = if !groups.is_empty() && self.rng.chance(0.4) {
                    let g = groups[self.rng.index(groups.len())];
                    members[g][self.rng.index(members[g].len())]
                } else {
                    match pools[p.ix()].pick(&mut self.rng) {
                        Some(t) => t,
                        None => continue,
                    }
                };
                self.follow(a, t);
            }
        }
        // Follow-backs.
        let edges: Vec<(usize, usize)> = self.follows.keys().copied().collect();
        for (s, t) in edges {
            if self.follows.contains_key(&(t, s)) {
                continue;
            }
            let p = match self.accts[t].kind {
                Kind::Brand => 0.12,
                Kind::Competitor => 0.04,
                Kind::Audience | Kind::Barista => 0.3,
                _ => 0.08,
            };
            if self.rng.chance(p) {
                self.follow(t, s);
            }
        }
        // When each follow started: most before the period, the brand keeps growing in it.
        let keys: Vec<(usize, usize)> = self.follows.keys().copied().collect();
        for (s, t) in keys {
            let from = self.accts[s].created_at.max(self.accts[t].created_at) + 3_600;
            let in_period = if self.is_brand(t) { 0.3 } else { 0.12 };
            let at = if self.rng.chance(0.08) {
                None
            } else if self.rng.chance(in_period) || from >= DAY0 {
                Some(self.rng.between(from.max(DAY0), PERIOD_END - 3_600))
            } else {
                Some(self.rng.between(from, DAY0))
            };
            self.follows.insert((s, t), at);
            self.followers_of[t].push(s);
        }
    }

    // ---- texts ---------------------------------------------------------------------

    /// Renders a template: every `{name}` becomes a pick from the word list `name`.
    fn render(&mut self, template: &str, cx: &Cx) -> String {
        let mut out = String::new();
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    let v = self.slot(&after[..end], cx);
                    out.push_str(&v);
                    rest = &after[end + 1..];
                }
                None => {
                    out.push_str(&rest[start..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, name: &str, cx: &Cx) -> String {
        let list: &[&str] = match name {
            "brand" => return format!("@{}", cx.brand),
            "comp" => return format!("@{}", cx.comp),
            "kg" => return self.rng.between(20, 90).to_string(),
            "count" => return self.rng.between(40, 180).to_string(),
            "small" => return self.rng.between(2, 40).to_string(),
            "price" => return format!("{},{:02}", self.rng.between(2, 4), self.rng.below(100)),
            "date" | "date_en" => {
                let mut d = cx.day + self.rng.between(5, 20);
                while weekday(d) != 5 {
                    d += 1;
                }
                return date_label(d, name == "date_en");
            }
            "wd" => return WEEKDAYS_NL[weekday(cx.day)].to_string(),
            "wd_en" => return WEEKDAYS_EN[weekday(cx.day)].to_string(),
            "when" => WHEN,
            "drink" => DRINK,
            "verb" => VERB,
            "place" => PLACE,
            "react" => REACT,
            "react_any" => {
                if self.rng.chance(0.4) {
                    REACT_MIXED
                } else {
                    REACT
                }
            }
            "result_any" => {
                if self.rng.chance(0.4) {
                    RESULT_MIXED
                } else {
                    RESULT
                }
            }
            "react_en_any" => {
                if self.rng.chance(0.4) {
                    REACT_EN_MIXED
                } else {
                    REACT_EN
                }
            }
            "result_en_any" => {
                if self.rng.chance(0.4) {
                    RESULT_EN_MIXED
                } else {
                    RESULT_EN
                }
            }
            "beans_brand" => BEANS_BRAND,
            "beans_en_brand" => BEANS_EN_BRAND,
            "homewhen" => HOMEWHEN,
            "method" => METHOD,
            "beans" => BEANS,
            "result" => RESULT,
            "daypart" => DAYPART,
            "city" => CITY,
            "mood" => MOOD,
            "evday" => EVDAY,
            "event" => EVENT,
            "evfollow" => EVFOLLOW,
            "praise" => PRAISE,
            "when_en" => WHEN_EN,
            "drink_en" => DRINK_EN,
            "place_en" => PLACE_EN,
            "react_en" => REACT_EN,
            "homewhen_en" => HOMEWHEN_EN,
            "method_en" => METHOD_EN,
            "beans_en" => BEANS_EN,
            "result_en" => RESULT_EN,
            "daypart_en" => DAYPART_EN,
            "mood_en" => MOOD_EN,
            "praise_en" => PRAISE_EN_LIST,
            "latte" => LATTE,
            "grinder" => GRINDER,
            "grinderfx" => GRINDERFX,
            "dial" => DIAL,
            "trainfx" => TRAINFX,
            "tip" => TIP,
            "tip_en" => TIP_EN,
            "origin" => ORIGIN,
            "origin_en" => ORIGIN_EN,
            "notes" => NOTES,
            "notes_en" => NOTES_EN,
            "roastday" => ROASTDAY,
            "roastdetail" => ROASTDETAIL,
            "ws" => WS,
            "ws_en" => WS_EN,
            "seats" => SEATS,
            "seats_en" => SEATS_EN,
            "hours" => HOURS,
            "promo" => PROMO,
            "teamname" => TEAMNAME,
            "teamrole" => TEAMROLE,
            "teamfact" => TEAMFACT,
            "article" => ARTICLE,
            "readerq" => READERQ,
            "blogfact" => BLOGFACT,
            "spotdesc" => SPOTDESC,
            "spotname" => SPOTNAME,
            "nerd" => NERDFACT,
            "nerdread" => NERDREAD,
            _ => return String::new(),
        };
        let pick = self.rng.pick(list);
        self.render(pick, cx)
    }

    /// `n` distinct hashtags from `list`.
    fn tags(&mut self, list: &[&str], n: usize) -> String {
        let mut chosen: Vec<&str> = Vec::new();
        for _ in 0..n * 3 {
            if chosen.len() >= n {
                break;
            }
            let t = self.rng.pick(list);
            if !chosen.contains(&t) {
                chosen.push(t);
            }
        }
        chosen.join(" ")
    }

    // ---- posts ---------------------------------------------------------------------

    /// Adds a post unless its text is a near-copy of an earlier one; returns its index.
    fn add_post(&mut self, p: Post) -> Option<usize> {
        let sh = shingles(&p.text);
        if !p.planted && self.guard.clashes(&sh) {
            return None;
        }
        self.guard.add(&sh);
        self.posts.push(p);
        Some(self.posts.len() - 1)
    }

    fn new_post(
        &mut self,
        author: usize,
        ts: i64,
        text: String,
        lang: &'static str,
        topic: Topic,
    ) -> Post {
        let seq = self.posts.len() as u32 + 16;
        let ms = self.rng.below(1_000) as u32;
        Post {
            seq,
            author,
            ts,
            ms,
            text,
            reply_to: None,
            repost_of: None,
            quote_of: None,
            lang,
            media: None,
            credit: None,
            license: None,
            location: None,
            topic,
            planted: false,
        }
    }

    /// A hand-written post of the planted stories.
    #[allow(clippy::too_many_arguments)]
    fn planted(
        &mut self,
        seq: u32,
        author: usize,
        day: i64,
        hhmm: (i64, i64),
        text: &str,
        reply_to: Option<usize>,
        repost_of: Option<usize>,
        topic: Topic,
    ) -> usize {
        let p = Post {
            seq,
            author,
            ts: local(day, hhmm.0 * 3_600 + hhmm.1 * 60),
            ms: 0,
            text: text.into(),
            reply_to,
            repost_of,
            quote_of: None,
            lang: "nl",
            media: None,
            credit: None,
            license: None,
            location: None,
            topic,
            planted: true,
        };
        self.guard.add(&shingles(&p.text));
        self.posts.push(p);
        self.posts.len() - 1
    }

    /// The three planted problems, written first so that their ids never change.
    fn plant(&mut self) {
        // 2. Copied text: the blogger writes it, three weeks later the brand posts it as its own.
        let source = self.planted(
            0,
            BLOGGER,
            19,
            (19, 42),
            COPIED_SOURCE_TEXT,
            None,
            None,
            Topic::Chat,
        );
        self.posts[source].license = Some("CC BY-NC-ND 4.0".into());
        self.planted(
            1,
            BRAND_M,
            40,
            (9, 5),
            COPIED_BRAND_TEXT,
            None,
            None,
            Topic::Brand,
        );
        // 1. E-mail address: a customer complains, the brand answers in public with an address.
        let ask = self.planted(2, SANNE, 51, (20, 31), "@honingraat_nl Mijn bestelling kwam beschadigd binnen, de helft van de bonen lag los in de doos 😕 Wat nu?", None, None, Topic::Complaint(0));
        self.posts[ask].media = Some("image:IMG_7731.jpg".into());
        let answer = self.planted(3, BRAND_I, 53, (9, 12), "@sanne_vdberg Wat vervelend! Stuur je bestelnummer naar j.devries@example.nl, dan sturen we vandaag nog een nieuwe zak. Groet, Jeroen", Some(ask), None, Topic::Brand);
        self.planted(
            4,
            SANNE,
            53,
            (12, 40),
            "@honingraat_nl Gemaild, dank jullie!",
            Some(answer),
            None,
            Topic::Chat,
        );
        // 3. Unanswered complaint: others reply and share it, the brand never does.
        let c = self.planted(
            5,
            MARK,
            63,
            (20, 14),
            COMPLAINT_TEXT,
            None,
            None,
            Topic::Complaint(0),
        );
        self.planted(
            6,
            LOTTE,
            63,
            (20, 37),
            "@mark_dekker Hetzelfde hier, ik wacht ook al ruim een week op mijn bonen.",
            Some(c),
            None,
            Topic::Chat,
        );
        self.planted(7, LOTTE, 63, (20, 38), "", None, Some(c), Topic::Chat);
        let r = self.planted(8, RUBEN, 63, (21, 5), "@mark_dekker Vervelend! Heb je ze al gebeld? Op zaterdag zijn ze meestal wel bereikbaar.", Some(c), None, Topic::Chat);
        self.planted(9, RUBEN, 63, (21, 6), "", None, Some(c), Topic::Chat);
        self.planted(
            10,
            MARK,
            64,
            (8, 2),
            "@ruben_bakker Bellen heb ik ook geprobeerd, geen gehoor. Ik geef het op.",
            Some(r),
            None,
            Topic::Chat,
        );
    }

    /// A local time drawn from a rhythm, on a day before `max_day`.
    fn pick_time(&mut self, rhythm: &Rhythm, max_day: i64) -> i64 {
        for _ in 0..1_000 {
            let day = self.rng.between(0, max_day);
            let wd = weekday(day);
            let growth = 0.75 + 0.25 * day as f64 / DAYS as f64;
            if !self.rng.chance(rhythm.days[wd] / 1.35 * growth) {
                continue;
            }
            let hours = if wd >= 5 {
                &rhythm.weekend
            } else {
                &rhythm.weekday
            };
            if hours.iter().sum::<f64>() <= 0.0 {
                continue;
            }
            let h = self.rng.weighted(hours) as i64;
            return local(day, h * 3_600 + self.rng.between(0, 3_600));
        }
        local(0, 12 * 3_600)
    }

    /// Sometimes an emoji, then hashtags; Instagram captions put tags on their own line.
    fn decorate(&mut self, text: String, a: usize, tags: &[&str], n_tags: usize) -> String {
        let mut t = text;
        if self.rng.chance(0.3) {
            let e = self.rng.pick(EMOJI);
            t = format!("{t} {e}");
        }
        if n_tags > 0 {
            let tags = self.tags(tags, n_tags);
            let sep = if self.accts[a].platform == Platform::Instagram && n_tags >= 3 {
                "\n\n"
            } else {
                " "
            };
            t = format!("{t}{sep}{tags}");
        }
        t
    }

    fn make_originals(&mut self) {
        for a in 0..self.accts.len() {
            let expected = self.accts[a].originals;
            let n = (expected + self.rng.unit()) as usize;
            for _ in 0..n {
                for _try in 0..15 {
                    let p = self.original(a);
                    let topic = p.topic;
                    if self.add_post(p).is_some() {
                        match topic {
                            Topic::Question(k) => self.used_questions.insert(k),
                            Topic::Complaint(k) => self.used_complaints.insert(k),
                            _ => false,
                        };
                        break;
                    }
                }
            }
        }
    }

    /// One original post by `a`, in the account's voice and rhythm.
    fn original(&mut self, a: usize) -> Post {
        let platform = self.accts[a].platform;
        let cx_brand = self.accts[self.brand_of(platform)].id.clone();
        let cx_comp = self.accts[self.comp_of(platform)].id.clone();
        let kind = self.accts[a].kind;
        let en = self.accts[a].lang == "en";
        let insta = platform == Platform::Instagram;
        let rhythm = match (kind, a) {
            (Kind::Brand, _) => &BRAND,
            (Kind::Competitor, COMP_M) => &LUNCH,
            _ => &AUDIENCE,
        };
        // Questions and complaints come early enough for an answer inside the period.
        let roll = self.rng.unit();
        let question = if roll < 0.09 {
            let used = self.used_questions.clone();
            self.unused(QUESTIONS, &used, en)
        } else {
            None
        };
        let complaint = if (0.09..0.12).contains(&roll) {
            let used = self.used_complaints.clone();
            self.unused(COMPLAINTS, &used, en)
        } else {
            None
        };
        let (template, topic, lang): (String, Topic, &'static str) = match kind {
            Kind::Brand => {
                if !insta && self.rng.chance(0.2) {
                    (self.rng.pick(BRAND_EN).into(), Topic::Brand, "en")
                } else {
                    (self.rng.pick(BRAND_NL).into(), Topic::Brand, "nl")
                }
            }
            Kind::Competitor => (
                self.rng.pick(if insta { DOMSTAD } else { BONENBAR }).into(),
                Topic::Chat,
                "nl",
            ),
            Kind::Blogger => (self.rng.pick(BLOG).into(), Topic::Chat, "nl"),
            Kind::FoodGuide => (self.rng.pick(FOODGUIDE).into(), Topic::Chat, "nl"),
            Kind::Nerd => (self.rng.pick(NERD).into(), Topic::Chat, "en"),
            Kind::Guide => (self.rng.pick(GUIDE).into(), Topic::Chat, "en"),
            Kind::Barista if roll < 0.5 => (self.rng.pick(BARISTA_NL).into(), Topic::Chat, "nl"),
            Kind::HomeBarista => (self.rng.pick(&AUD_NL[5..9]).into(), Topic::Chat, "nl"),
            _ if question.is_some() => {
                let k = question.unwrap_or_default();
                (
                    format!("{{brand}} {}", QUESTIONS[k].1),
                    Topic::Question(k),
                    QUESTIONS[k].0,
                )
            }
            _ if complaint.is_some() => {
                let k = complaint.unwrap_or_default();
                (
                    format!("{{brand}} {}", COMPLAINTS[k].1),
                    Topic::Complaint(k),
                    COMPLAINTS[k].0,
                )
            }
            _ if roll < 0.2 => {
                if en {
                    (self.rng.pick(PRAISE_EN).into(), Topic::Praise, "en")
                } else {
                    (self.rng.pick(PRAISE_NL).into(), Topic::Praise, "nl")
                }
            }
            _ => {
                if en {
                    (self.rng.pick(AUD_EN).into(), Topic::Chat, "en")
                } else {
                    (self.rng.pick(AUD_NL).into(), Topic::Chat, "nl")
                }
            }
        };
        let max_day = if matches!(topic, Topic::Question(_) | Topic::Complaint(_)) {
            85
        } else {
            DAYS
        };
        let ts = self.pick_time(rhythm, max_day);
        let cx = Cx {
            brand: cx_brand,
            comp: cx_comp,
            day: to_local(ts).0,
        };
        let body = self.render(&template, &cx);
        let mentions_brand = text::mentions(&body).iter().any(|m| **m == *cx.brand);
        let topic = if topic == Topic::Chat && mentions_brand && kind != Kind::Brand {
            Topic::Praise
        } else {
            topic
        };
        let (tag_list, n_tags) = match (kind, insta) {
            (Kind::Brand, true) => (TAGS_BRAND, 4 + self.rng.index(3)),
            (Kind::Brand, false) => (TAGS_BRAND, 1 + self.rng.index(2)),
            (_, true) => (
                if lang == "en" { TAGS_EN } else { TAGS_NL },
                self.rng.index(5),
            ),
            (_, false) => (
                if lang == "en" { TAGS_EN } else { TAGS_NL },
                self.rng.index(3),
            ),
        };
        let text = self.decorate(body, a, tag_list, n_tags);
        let mut p = self.new_post(a, ts, text, lang, topic);
        if insta {
            p.media = Some(if kind == Kind::Brand {
                format!("https://honingraat.example/media/{}.jpg", p.seq)
            } else {
                format!("image:IMG_{}.jpg", 1_000 + self.rng.below(9_000))
            });
            if self
                .rng
                .chance(if kind == Kind::Brand { 0.6 } else { 0.25 })
            {
                p.location = Some(if kind == Kind::Brand {
                    POST_LOCATIONS[0].into()
                } else {
                    self.rng.pick(POST_LOCATIONS).into()
                });
            }
        } else if self.rng.chance(0.15) {
            p.media = Some(format!("image:IMG_{}.jpg", 1_000 + self.rng.below(9_000)));
        }
        if kind == Kind::Blogger {
            p.license = Some("CC BY-NC-ND 4.0".into());
        }
        // Now and then the brand shares someone else's photo — with credit, as it should.
        if kind == Kind::Brand && insta && self.rng.chance(0.06) {
            let who = self
                .rng
                .pick(&["thuisbarista_lisa", "utrecht_eet", "dutchcoffeeguide"]);
            p.text = format!(
                "Wat een mooie foto van onze bar, gemaakt door @{who} 📸 Dank je wel! Kom je ook eens kijken? Dinsdag tot en met zaterdag open."
            );
            p.credit = Some(format!("Foto: @{who}"));
            p.topic = Topic::Brand;
        }
        p
    }

    /// An entry of a (lang, text, answer) table in the author's language not used yet.
    fn unused(
        &mut self,
        table: &[(&str, &str, &str)],
        used: &BTreeSet<usize>,
        en: bool,
    ) -> Option<usize> {
        let want = if en { "en" } else { "nl" };
        let ok: Vec<usize> = (0..table.len())
            .filter(|i| table[*i].0 == want && !used.contains(i))
            .collect();
        (!ok.is_empty()).then(|| ok[self.rng.index(ok.len())])
    }

    /// A delay in seconds, drawn from [`DELAYS`].
    fn delay(&mut self) -> i64 {
        let w: Vec<f64> = DELAYS.iter().map(|d| d.2).collect();
        let (lo, hi, _) = DELAYS[self.rng.weighted(&w)];
        self.rng.between(lo * 60, hi * 60)
    }

    /// When an audience member answers: after a delay, not in the middle of the night.
    fn audience_time(&mut self, after: i64) -> i64 {
        let t = after + self.delay();
        let (day, secs) = to_local(t);
        if (3_600..7 * 3_600).contains(&secs) {
            local(day, 7 * 3_600 + self.rng.between(0, 7_200))
        } else {
            t
        }
    }

    /// When the brand answers: only during opening hours (weekdays 8:30–17:00, Saturday
    /// 9:30–12:00), so evening posts wait until the next morning.
    fn brand_time(&mut self, after: i64) -> i64 {
        let mut t = after + self.rng.between(10, 150) * 60;
        for _ in 0..10 {
            let (day, secs) = to_local(t);
            let open = match weekday(day) {
                0..=4 => Some((8 * 3_600 + 1_800, 17 * 3_600)),
                5 => Some((9 * 3_600 + 1_800, 12 * 3_600)),
                _ => None,
            };
            match open {
                Some((from, to)) if secs >= from && secs < to => return t,
                Some((from, _)) if secs < from => {
                    return local(day, from + self.rng.between(0, 5_400));
                }
                _ => t = local(day + 1, 0),
            }
        }
        t
    }

    /// Someone on the author's platform who might answer: mostly a follower.
    fn responder(&mut self, author: usize, exclude: usize) -> Option<usize> {
        for _ in 0..10 {
            let cand = if !self.followers_of[author].is_empty() && self.rng.chance(0.75) {
                let f = &self.followers_of[author];
                f[self.rng.index(f.len())]
            } else {
                self.active[self.accts[author].platform.ix()].pick(&mut self.rng)?
            };
            if cand != author && cand != exclude && !self.is_brand(cand) {
                return Some(cand);
            }
        }
        None
    }

    /// A casual reply text in the replier's language.
    fn chat_reply(&mut self, to: usize, by: usize) -> (String, &'static str) {
        let en = self.accts[by].lang == "en";
        let (mut head, tail, lang) = if en {
            (REPLY_EN, REPLY_EN_TAIL, "en")
        } else {
            (REPLY_NL, REPLY_NL_TAIL, "nl")
        };
        if !self.is_brand(to) && self.rng.chance(0.12) {
            head = if en { REPLY_EN_MIXED } else { REPLY_NL_MIXED };
        }
        // Try a few combinations before settling for a short one that repeats no one.
        for _ in 0..8 {
            let mut t = format!("@{} {}", self.accts[to].id, self.rng.pick(head));
            if self.rng.chance(0.45) {
                t = format!("{t} {}", self.rng.pick(tail));
            }
            if !self.guard.clashes(&shingles(&t)) {
                return (t, lang);
            }
        }
        (
            format!("@{} {}", self.accts[to].id, self.rng.pick(head)),
            lang,
        )
    }

    /// Adds a reply; `None` when it would fall after the period or repeat an earlier text.
    fn reply(
        &mut self,
        parent: usize,
        by: usize,
        text: String,
        lang: &'static str,
    ) -> Option<usize> {
        let after = self.posts[parent].ts;
        let ts = if self.is_brand(by) {
            self.brand_time(after)
        } else {
            self.audience_time(after)
        };
        if ts >= PERIOD_END {
            return None;
        }
        let mut p = self.new_post(by, ts, text, lang, Topic::Chat);
        p.reply_to = Some(parent);
        self.add_post(p)
    }

    /// A casual conversation under `parent`, up to depth 5.
    fn chat_thread(&mut self, parent: usize, depth: usize) {
        const GO_ON: [f64; 6] = [0.0, 0.0, 0.5, 0.4, 0.3, 0.25];
        if depth > 5 || !self.rng.chance(GO_ON[depth]) {
            return;
        }
        let to = self.posts[parent].author;
        let grand = self.posts[parent].reply_to.map(|g| self.posts[g].author);
        let by = match grand {
            Some(g) if !self.is_brand(g) && g != to && self.rng.chance(0.7) => Some(g),
            _ => self.responder(to, to),
        };
        let Some(by) = by else { return };
        let (text, lang) = self.chat_reply(to, by);
        if let Some(r) = self.reply(parent, by, text, lang) {
            self.chat_thread(r, depth + 1);
        }
    }

    fn make_replies(&mut self) {
        let originals: Vec<usize> = (0..self.posts.len())
            .filter(|&i| !self.posts[i].planted)
            .collect();
        for o in originals {
            let author = self.posts[o].author;
            let brand = self.brand_of(self.accts[author].platform);
            let topic = self.posts[o].topic;
            // The brand answers every question and complaint, and some praise.
            match topic {
                Topic::Question(k) => self.brand_answer(o, brand, QUESTIONS[k].0, QUESTIONS[k].2),
                Topic::Complaint(k) => {
                    self.brand_answer(o, brand, COMPLAINTS[k].0, COMPLAINTS[k].2)
                }
                Topic::Praise if self.rng.chance(0.35) => {
                    let lang = self.posts[o].lang;
                    let list = if lang == "en" {
                        BRAND_THANKS_EN
                    } else {
                        BRAND_THANKS_NL
                    };
                    let text = format!("@{} {}", self.accts[author].id, self.rng.pick(list));
                    self.reply(o, brand, text, lang);
                }
                _ => {}
            }
            // Others join in.
            let appeal = self.accts[author].appeal.min(60.0);
            let mean = match topic {
                Topic::Brand => 1.4,
                Topic::Question(_) | Topic::Complaint(_) => 0.5,
                _ => 0.3 + appeal / 20.0,
            };
            let n = (mean * 2.0 * self.rng.unit() + self.rng.unit() * 0.5) as usize;
            for _ in 0..n {
                let Some(by) = self.responder(author, author) else {
                    continue;
                };
                let (text, lang) = self.chat_reply(author, by);
                let Some(r) = self.reply(o, by, text, lang) else {
                    continue;
                };
                if topic == Topic::Brand && self.rng.chance(0.3) {
                    let list = if lang == "en" {
                        BRAND_THANKS_EN
                    } else {
                        BRAND_THANKS_NL
                    };
                    let text = format!("@{} {}", self.accts[by].id, self.rng.pick(list));
                    self.reply(r, author, text, lang);
                } else {
                    self.chat_thread(r, 2);
                }
            }
        }
    }

    /// The brand's answer to a question or complaint, and maybe a thank-you back and forth.
    fn brand_answer(&mut self, o: usize, brand: usize, lang: &'static str, answer: &str) {
        let asker = self.posts[o].author;
        let text = format!("@{} {answer}", self.accts[asker].id);
        let Some(a) = self.reply(o, brand, text, lang) else {
            return;
        };
        if !self.rng.chance(0.5) {
            return;
        }
        let list = if lang == "en" { ASKER_EN } else { ASKER_NL };
        let text = format!("@{} {}", self.accts[brand].id, self.rng.pick(list));
        let Some(b) = self.reply(a, asker, text, lang) else {
            return;
        };
        if self.rng.chance(0.4) {
            let list = if lang == "en" {
                BRAND_CLOSE_EN
            } else {
                BRAND_CLOSE_NL
            };
            let text = format!("@{} {}", self.accts[asker].id, self.rng.pick(list));
            self.reply(b, brand, text, lang);
        }
    }

    /// A few quote posts on Mastodon.
    fn make_quotes(&mut self) {
        let candidates: Vec<usize> = (0..self.posts.len())
            .filter(|&i| {
                let p = &self.posts[i];
                !p.planted
                    && p.reply_to.is_none()
                    && self.accts[p.author].platform == Platform::Mastodon
                    && self.accts[p.author].appeal >= 20.0
            })
            .collect();
        let mut made = 0;
        for _ in 0..200 {
            if made >= 32 || candidates.is_empty() {
                break;
            }
            let q = candidates[self.rng.index(candidates.len())];
            let author = self.posts[q].author;
            let Some(by) = self.responder(author, author) else {
                continue;
            };
            let en = self.accts[by].lang == "en";
            let mut text = self
                .rng
                .pick(if en { QUOTE_EN } else { QUOTE_NL })
                .to_string();
            if self.rng.chance(0.5) {
                let cx = Cx {
                    brand: "honingraat".into(),
                    comp: "bonenbar".into(),
                    day: 0,
                };
                let extra = if en {
                    self.render("{react_en}", &cx)
                } else {
                    self.render("{react}", &cx)
                };
                text = format!("{text} {extra}");
            }
            let ts = self.audience_time(self.posts[q].ts);
            if ts >= PERIOD_END {
                continue;
            }
            let mut p = self.new_post(by, ts, text, if en { "en" } else { "nl" }, Topic::Chat);
            p.quote_of = Some(q);
            if self.add_post(p).is_some() {
                made += 1;
            }
        }
    }

    /// Reposts by followers, and reposts of those reposts (cascades up to depth 3).
    fn make_reposts(&mut self) {
        let roots: Vec<usize> = (0..self.posts.len())
            .filter(|&i| {
                !self.posts[i].planted
                    && self.posts[i].reply_to.is_none()
                    && self.posts[i].repost_of.is_none()
            })
            .collect();
        for o in roots {
            let author = self.posts[o].author;
            let mean = match (self.posts[o].topic, self.accts[author].kind) {
                (Topic::Question(_) | Topic::Complaint(_), _) => 0.1,
                (_, Kind::Brand) => 2.2,
                (_, Kind::Audience | Kind::Barista) => 0.08 + self.accts[author].appeal / 36.0,
                _ => 1.6,
            };
            let n = (mean * 2.0 * self.rng.unit()) as usize;
            let mut done: BTreeSet<usize> = BTreeSet::from([author]);
            let mut frontier: Vec<(usize, usize, usize)> = Vec::new(); // (post, reposter, depth)
            for _ in 0..n {
                let f = &self.followers_of[author];
                if f.is_empty() {
                    break;
                }
                let by = f[self.rng.index(f.len())];
                if !done.insert(by) {
                    continue;
                }
                if let Some(r) = self.repost(o, by) {
                    frontier.push((r, by, 1));
                }
            }
            while let Some((r, by, depth)) = frontier.pop() {
                if depth >= 3 {
                    continue;
                }
                let fs = self.followers_of[by].clone();
                for f in fs {
                    if done.contains(&f) || !self.rng.chance(0.05) {
                        continue;
                    }
                    done.insert(f);
                    if let Some(r2) = self.repost(r, f) {
                        frontier.push((r2, f, depth + 1));
                    }
                }
            }
        }
    }

    fn repost(&mut self, of: usize, by: usize) -> Option<usize> {
        let ts = self.audience_time(self.posts[of].ts);
        if ts >= PERIOD_END {
            return None;
        }
        let mut p = self.new_post(by, ts, String::new(), self.posts[of].lang, Topic::Chat);
        p.repost_of = Some(of);
        self.add_post(p)
    }

    // ---- ratings and presence --------------------------------------------------------

    fn make_ratings(&mut self) {
        let n = self.posts.len();
        for i in 0..n {
            let p = &self.posts[i];
            if p.repost_of.is_some() || p.reply_to.is_some() {
                continue;
            }
            let author = p.author;
            let (count, weights): (usize, [f64; 5]) = match (self.accts[author].kind, p.topic) {
                (_, Topic::Complaint(_)) => (self.rng.index(3), [0.3, 0.2, 0.2, 0.15, 0.15]),
                (Kind::Brand, _) => (2 + self.rng.index(9), [0.03, 0.05, 0.14, 0.36, 0.42]),
                (Kind::Audience | Kind::Barista, _) => {
                    if self.rng.chance(0.35) {
                        (1 + self.rng.index(3), [0.04, 0.08, 0.25, 0.33, 0.3])
                    } else {
                        (0, [0.0; 5])
                    }
                }
                _ => (1 + self.rng.index(6), [0.03, 0.06, 0.2, 0.36, 0.35]),
            };
            let ts = p.ts;
            let mut raters = BTreeSet::new();
            for _ in 0..count {
                let Some(r) = self.responder(author, author) else {
                    continue;
                };
                if !raters.insert(r) {
                    continue;
                }
                let at = self.audience_time(ts);
                if at >= PERIOD_END {
                    continue;
                }
                let score = 1 + self.rng.weighted(&weights) as u8;
                self.ratings.push(Rating {
                    post: i,
                    rater: r,
                    score,
                    created_at: at,
                });
            }
        }
        self.ratings
            .sort_by_key(|r| (r.created_at, r.post, r.rater));
    }

    fn make_presence(&mut self) {
        // The brand's social-media manager: weekday mornings, a little after lunch, and a
        // short look on Saturday morning. Never in the evening.
        for b in [BRAND_M, BRAND_I] {
            for day in 0..DAYS {
                let wd = weekday(day);
                if wd == 6 {
                    continue;
                }
                let mut t = if wd == 5 {
                    local(day, 9 * 3_600 + 1_800)
                } else {
                    local(day, 8 * 3_600 + 1_800)
                } + self.rng.between(-900, 900);
                let loc = self
                    .rng
                    .chance(0.5)
                    .then(|| "Koffiebranderij De Honingraat, Utrecht".to_string());
                let blocks: &[(&str, i64, i64)] = if wd == 5 {
                    &[("online", 1_800, 3_600)]
                } else {
                    &[
                        ("online", 5_400, 10_800),
                        ("away", 1_200, 3_600),
                        ("online", 1_800, 5_400),
                    ]
                };
                for &(status, lo, hi) in blocks {
                    let d = self.rng.between(lo, hi);
                    self.presence.push(Presence {
                        account: b,
                        at: t,
                        status,
                        location: loc.clone(),
                        duration_s: Some(d),
                    });
                    t += d;
                }
                self.presence.push(Presence {
                    account: b,
                    at: t,
                    status: "offline",
                    location: None,
                    duration_s: None,
                });
            }
        }
        // Some of the audience: evenings and weekend mornings.
        let audience: Vec<usize> = (0..self.accts.len())
            .filter(|&a| matches!(self.accts[a].kind, Kind::Audience | Kind::Barista))
            .collect();
        let mut chosen: Vec<usize> = audience
            .iter()
            .copied()
            .filter(|&a| self.accts[a].originals >= 2.0)
            .take(45)
            .collect();
        chosen.sort_unstable();
        for a in chosen {
            let sessions = 15 + self.rng.index(25);
            let mut times: Vec<i64> = (0..sessions)
                .map(|_| self.pick_time(&AUDIENCE, DAYS))
                .collect();
            times.sort_unstable();
            let mut busy_until = i64::MIN;
            for t in times {
                if t < busy_until {
                    continue;
                }
                let loc = self.rng.chance(0.15).then(|| {
                    self.accts[a]
                        .location
                        .clone()
                        .unwrap_or_else(|| "Utrecht".into())
                });
                let on = self.rng.between(300, 5_400);
                self.presence.push(Presence {
                    account: a,
                    at: t,
                    status: "online",
                    location: loc.clone(),
                    duration_s: Some(on),
                });
                let mut end = t + on;
                if self.rng.chance(0.3) {
                    let away = self.rng.between(300, 1_800);
                    self.presence.push(Presence {
                        account: a,
                        at: end,
                        status: "away",
                        location: loc,
                        duration_s: Some(away),
                    });
                    end += away;
                }
                if end < PERIOD_END {
                    self.presence.push(Presence {
                        account: a,
                        at: end,
                        status: "offline",
                        location: None,
                        duration_s: None,
                    });
                }
                busy_until = end + 600;
            }
        }
        self.presence.retain(|p| p.at < PERIOD_END);
    }

    // ---- output --------------------------------------------------------------------

    fn files(&self) -> Vec<(&'static str, String)> {
        vec![
            (FILES[0], config_toml()),
            (FILES[1], self.accounts_csv()),
            (FILES[2], self.posts_csv()),
            (FILES[3], self.follows_csv()),
            (FILES[4], groups_csv()),
            (FILES[5], self.memberships_csv()),
            (FILES[6], self.presence_csv()),
            (FILES[7], self.ratings_csv()),
        ]
    }

    fn accounts_csv(&self) -> String {
        let mut indeg = vec![0u64; self.accts.len()];
        let mut outdeg = vec![0u64; self.accts.len()];
        for &(s, t) in self.follows.keys() {
            outdeg[s] += 1;
            indeg[t] += 1;
        }
        let mut out = header(TableKind::Accounts);
        for (i, a) in self.accts.iter().enumerate() {
            let following = outdeg[i] + a.hidden_followers / 4;
            row(
                &mut out,
                &[
                    &a.id,
                    &a.id,
                    a.platform.name(),
                    opt(&a.display_name),
                    opt(&a.bio),
                    opt(&a.location),
                    opt(&a.url),
                    opt(&a.avatar),
                    &fmt_ts(a.created_at),
                    &(indeg[i] + a.hidden_followers).to_string(),
                    &following.to_string(),
                    a.verified.map_or("", |v| if v { "true" } else { "false" }),
                    a.lang,
                ],
            );
        }
        out
    }

    fn posts_csv(&self) -> String {
        let mut replies = vec![0u64; self.posts.len()];
        let mut reposts = vec![0u64; self.posts.len()];
        for p in &self.posts {
            if let Some(r) = p.reply_to {
                replies[r] += 1;
            }
            if let Some(r) = p.repost_of.or(p.quote_of) {
                reposts[r] += 1;
            }
        }
        let mut order: Vec<usize> = (0..self.posts.len()).collect();
        order.sort_by_key(|&i| (self.posts[i].ts, self.posts[i].ms, self.posts[i].seq));
        let ids: Vec<String> = self.posts.iter().map(Post::id).collect();
        let mut out = header(TableKind::Posts);
        let mut rng = Rng(SEED ^ 0x5eed);
        for i in order {
            let p = &self.posts[i];
            let a = &self.accts[p.author];
            let join = |v: Vec<Box<str>>| {
                v.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let is_repost = p.repost_of.is_some();
            let (likes, views) = if is_repost {
                (String::new(), String::new())
            } else {
                let base = if p.reply_to.is_some() {
                    0.8
                } else {
                    2.0 + a.appeal.min(60.0) / 3.0
                };
                let mut likes = (base * (0.4 + 1.2 * rng.unit())
                    + 1.5 * replies[i] as f64
                    + 2.0 * reposts[i] as f64) as u64;
                if a.platform == Platform::Instagram {
                    likes = likes * 5 / 2;
                }
                let views = if a.platform == Platform::Instagram && p.reply_to.is_none() {
                    (likes * (12 + rng.below(18)) + 40).to_string()
                } else {
                    String::new()
                };
                (likes.to_string(), views)
            };
            let counts = |n: u64| {
                if is_repost {
                    String::new()
                } else {
                    n.to_string()
                }
            };
            row(
                &mut out,
                &[
                    &ids[i],
                    &a.id,
                    &fmt_ts(p.ts),
                    &p.text,
                    a.platform.name(),
                    p.reply_to.map_or("", |r| ids[r].as_str()),
                    p.repost_of.map_or("", |r| ids[r].as_str()),
                    p.quote_of.map_or("", |r| ids[r].as_str()),
                    &join(text::mentions(&p.text)),
                    &join(text::hashtags(&p.text)),
                    &join(text::urls(&p.text)),
                    p.lang,
                    &likes,
                    &counts(reposts[i]),
                    &counts(replies[i]),
                    &views,
                    opt(&p.media),
                    opt(&p.credit),
                    opt(&p.license),
                    opt(&p.location),
                ],
            );
        }
        out
    }

    fn follows_csv(&self) -> String {
        let mut edges: Vec<(&(usize, usize), &Option<i64>)> = self.follows.iter().collect();
        edges.sort_by_key(|(k, t)| (t.unwrap_or(i64::MIN), **k));
        let mut out = header(TableKind::Follows);
        for ((s, t), at) in edges {
            let at = at.map(fmt_ts).unwrap_or_default();
            row(
                &mut out,
                &[&self.accts[*s].id, &self.accts[*t].id, &at, "follow", ""],
            );
        }
        out
    }

    fn memberships_csv(&self) -> String {
        let mut out = header(TableKind::Memberships);
        for m in &self.memberships {
            let left = m.left_at.map(fmt_ts).unwrap_or_default();
            row(
                &mut out,
                &[
                    GROUPS[m.group].0,
                    &self.accts[m.account].id,
                    &fmt_ts(m.joined_at),
                    &left,
                    m.role,
                ],
            );
        }
        out
    }

    fn presence_csv(&self) -> String {
        let mut out = header(TableKind::Presence);
        for p in &self.presence {
            let d = p.duration_s.map(|d| d.to_string()).unwrap_or_default();
            row(
                &mut out,
                &[
                    &self.accts[p.account].id,
                    &fmt_ts(p.at),
                    p.status,
                    opt(&p.location),
                    &d,
                ],
            );
        }
        out
    }

    fn ratings_csv(&self) -> String {
        let mut out = header(TableKind::Ratings);
        for r in &self.ratings {
            let post = self.posts[r.post].id();
            row(
                &mut out,
                &[
                    &post,
                    &self.accts[r.rater].id,
                    &r.score.to_string(),
                    &fmt_ts(r.created_at),
                    "star",
                ],
            );
        }
        out
    }
}

/// The blogger's text that the brand copies (planted problem 2).
const COPIED_SOURCE_TEXT: &str = "Waarom smaakt vers gebrande koffie beter? Na het branden geven de bonen nog dagenlang koolzuur af. Wacht daarom vijf tot tien dagen voordat je ze maalt: dan is de smaak het rijkst en wordt je espresso zoet en rond in plaats van zuur en scherp. #koffie #specialtycoffee https://koffieblog-anna.example/vers-gebrand";
/// The brand's copy (planted problem 2): the same text, no credit, mention or link.
const COPIED_BRAND_TEXT: &str = "Waarom smaakt vers gebrande koffie beter? Na het branden geven de bonen nog dagenlang koolzuur af. Wacht daarom vijf tot tien dagen voordat je ze maalt: dan is de smaak het rijkst en wordt je espresso zoet en rond in plaats van zuur en scherp ☕ #koffie #honingraat";
/// The complaint nobody at the brand answers (planted problem 3).
const COMPLAINT_TEXT: &str = "@honingraat Al twee weken wacht ik op mijn bestelling, niemand reageert. Slechte service! #klantenservice";

fn avatar(id: &str, p: Platform) -> String {
    match p {
        Platform::Mastodon => format!("https://mastodon.example/avatars/{id}.png"),
        Platform::Instagram => format!("https://instagram.example/{id}/avatar.jpg"),
    }
}

/// Days since 1970-01-01 of a date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    honeycomb_core::time::days_from_civil(y, m, d)
}

fn config_toml() -> String {
    format!(
        "# The demo data folder of honeycomb: a made-up coffee roaster and café in Utrecht.\n\
         # Written by `honeycomb demo`; every table is a CSV file in this folder.\n\
         \n\
         [report]\n\
         title = \"Koffiebranderij De Honingraat — social-media strategie\"\n\
         lang = \"nl\"\n\
         timezone = \"Europe/Amsterdam\"\n\
         period = \"2026-01-01..2026-03-31\"\n\
         brand = [\"{}\", \"{}\"]\n\
         competitors = [\"{}\", \"{}\"]\n",
        BRAND_IDS[0], BRAND_IDS[1], COMPETITOR_IDS[0], COMPETITOR_IDS[1]
    )
}

fn groups_csv() -> String {
    let mut out = header(TableKind::Groups);
    for (id, name, (y, m, d), description, visibility) in GROUPS {
        let created = fmt_ts(days_from_civil(y, m, d) * 86_400 + 9 * 3_600);
        row(&mut out, &[id, name, "", &created, description, visibility]);
    }
    out
}

fn opt(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

/// The canonical header of a table.
fn header(t: TableKind) -> String {
    let mut out = String::new();
    row(&mut out, t.columns());
    out
}

/// Appends one CSV record (RFC 4180 quoting) ending in `\n`.
fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(f));
    }
    out.push('\n');
}

/// Quotes a field that contains `,`, `"`, CR or LF, doubling its quotes.
fn csv_field(f: &str) -> std::borrow::Cow<'_, str> {
    if f.contains([',', '"', '\r', '\n']) {
        std::borrow::Cow::Owned(format!("\"{}\"", f.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use honeycomb_core::{Dataset, LoadOptions, PostKind, load_folder};

    fn load() -> (tempfile::TempDir, Dataset) {
        let dir = tempfile::tempdir().expect("temp dir");
        write_demo(dir.path()).expect("write demo");
        let loaded = match load_folder(dir.path(), &LoadOptions::default()) {
            Ok(l) => l,
            Err(e) => panic!("demo folder does not load: {e:?}"),
        };
        assert!(
            loaded.problems.is_empty(),
            "problems: {:#?}",
            loaded.problems
        );
        (dir, loaded.data)
    }

    fn post<'d>(data: &'d Dataset, id: &str) -> &'d honeycomb_core::Post {
        data.posts
            .iter()
            .find(|p| &*p.id == id)
            .unwrap_or_else(|| panic!("no post {id}"))
    }

    fn author_id<'d>(data: &'d Dataset, p: &honeycomb_core::Post) -> &'d str {
        &data.accounts[p.author as usize].id
    }

    fn similarity(a: &str, b: &str) -> f64 {
        let (x, y) = (shingles(a), shingles(b));
        if x.is_empty() || y.is_empty() {
            return 0.0;
        }
        let shared = x.iter().filter(|h| y.binary_search(h).is_ok()).count();
        shared as f64 / (x.len() + y.len() - shared) as f64
    }

    #[test]
    fn loads_without_problems_and_has_the_promised_size() {
        let (_dir, data) = load();
        let rows = &data.summary.rows;
        eprintln!("rows: {rows:?}");
        let n = |t: &str| rows.get(t).copied().unwrap_or(0);
        let kinds = |k: PostKind| data.posts.iter().filter(|p| p.kind() == k).count();
        eprintln!(
            "originals {} replies {} reposts {} quotes {}",
            kinds(PostKind::Original),
            kinds(PostKind::Reply),
            kinds(PostKind::Repost),
            kinds(PostKind::Quote)
        );
        assert!(
            (300..=340).contains(&n("accounts")),
            "accounts {}",
            n("accounts")
        );
        assert!(
            (3_000..=4_000).contains(&n("posts")),
            "posts {}",
            n("posts")
        );
        assert!(
            (3_000..=5_000).contains(&n("follows")),
            "follows {}",
            n("follows")
        );
        assert_eq!(n("groups"), 2);
        assert!(n("memberships") >= 60, "memberships {}", n("memberships"));
        assert!(n("presence") >= 1_000, "presence {}", n("presence"));
        assert!(n("ratings") >= 500, "ratings {}", n("ratings"));
        assert_eq!(data.summary.implicit_accounts, 0);
        assert!(
            kinds(PostKind::Reply) >= 600
                && kinds(PostKind::Repost) >= 400
                && kinds(PostKind::Quote) >= 10
        );
        // Threads up to depth 5, cascades up to depth 3.
        let depth = |mut i: usize, next: &dyn Fn(&honeycomb_core::Post) -> Option<u32>| {
            let mut d = 0;
            while let Some(j) = next(&data.posts[i]) {
                i = j as usize;
                d += 1;
            }
            d
        };
        let thread = (0..data.posts.len())
            .map(|i| depth(i, &|p| p.reply_to))
            .max()
            .unwrap_or(0);
        let cascade = (0..data.posts.len())
            .map(|i| depth(i, &|p| p.repost_of))
            .max()
            .unwrap_or(0);
        eprintln!("deepest thread {thread}, deepest cascade {cascade}");
        assert!((4..=5).contains(&thread));
        assert!((2..=3).contains(&cascade));
        for b in BRAND_IDS.iter().chain(COMPETITOR_IDS.iter()) {
            assert!(data.account_by_id(b).is_some(), "{b}");
        }
        // Plain text only, every template slot filled.
        for p in &data.posts {
            assert!(!p.text.contains(['{', '}', '<', '>']), "{}", p.text);
        }
    }

    #[test]
    fn planted_email_is_in_one_public_brand_reply() {
        let (_dir, data) = load();
        let p = post(&data, PLANTED_EMAIL_POST_ID);
        assert!(p.text.contains(PLANTED_EMAIL));
        assert!(BRAND_IDS.contains(&author_id(&data, p)));
        assert_eq!(p.kind(), PostKind::Reply);
        assert_eq!(
            data.posts
                .iter()
                .filter(|q| q.text.contains(PLANTED_EMAIL))
                .count(),
            1
        );
        // No other e-mail-like text anywhere: an `@` right after a letter or digit.
        let emails = data
            .posts
            .iter()
            .filter(|q| {
                q.text.char_indices().any(|(i, c)| {
                    c == '@'
                        && q.text[..i]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric)
                })
            })
            .count();
        assert_eq!(emails, 1);
    }

    #[test]
    fn planted_copy_is_the_only_near_copy() {
        let (_dir, data) = load();
        let src = post(&data, PLANTED_COPY_SOURCE_ID);
        let copy = post(&data, PLANTED_COPY_POST_ID);
        assert!(BRAND_IDS.contains(&author_id(&data, copy)));
        assert_eq!(author_id(&data, src), "koffieblog_anna");
        assert!(copy.created_at > src.created_at);
        assert!(
            copy.credit().is_none() && !copy.mentions().iter().any(|m| &**m == "koffieblog_anna")
        );
        assert!(similarity(&src.text, &copy.text) >= 0.8);
        // Every pair of texts by different authors that shares a shingle, via an index.
        let texts: Vec<(u32, &str, Vec<u64>)> = data
            .posts
            .iter()
            .map(|p| (p.author, &*p.text, shingles(&p.text)))
            .collect();
        let mut index: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for (i, t) in texts.iter().enumerate() {
            for &h in &t.2 {
                index.entry(h).or_default().push(i);
            }
        }
        let mut candidates = BTreeSet::new();
        for list in index.values() {
            for (k, &i) in list.iter().enumerate() {
                for &j in &list[k + 1..] {
                    if texts[i].0 != texts[j].0 {
                        candidates.insert((i, j));
                    }
                }
            }
        }
        let pairs: Vec<(&str, &str)> = candidates
            .into_iter()
            .filter(|&(i, j)| similarity(texts[i].1, texts[j].1) >= 0.4)
            .map(|(i, j)| (texts[i].1, texts[j].1))
            .collect();
        assert_eq!(pairs.len(), 1, "{pairs:#?}");
    }

    #[test]
    fn planted_complaint_gets_no_brand_answer_and_all_others_do() {
        let (_dir, data) = load();
        let brand: Vec<u32> = BRAND_IDS
            .iter()
            .filter_map(|b| data.account_by_id(b))
            .collect();
        let ix = data
            .posts
            .iter()
            .position(|p| &*p.id == PLANTED_COMPLAINT_POST_ID)
            .expect("complaint") as u32;
        let c = &data.posts[ix as usize];
        assert!(
            c.text.contains("Slechte service") && c.mentions().iter().any(|m| &**m == "honingraat")
        );
        let in_thread = |mut i: usize| {
            while let Some(r) = data.posts[i].reply_to {
                if r == ix {
                    return true;
                }
                i = r as usize;
            }
            false
        };
        let thread: Vec<_> = (0..data.posts.len())
            .filter(|&i| in_thread(i))
            .map(|i| &data.posts[i])
            .collect();
        assert!(thread.len() >= 2);
        assert!(thread.iter().all(|p| !brand.contains(&p.author)));
        // Every other question and complaint to the brand has a brand reply.
        let asked: Vec<usize> = (0..data.posts.len())
            .filter(|&i| {
                let t = &*data.posts[i].text;
                data.posts[i].reply_to.is_none()
                    && (QUESTIONS.iter().any(|q| t.contains(q.1))
                        || COMPLAINTS.iter().any(|q| t.contains(q.1)))
            })
            .collect();
        assert!(asked.len() >= 10, "{}", asked.len());
        for i in asked {
            let answered = data
                .posts
                .iter()
                .any(|p| p.reply_to == Some(i as u32) && brand.contains(&p.author));
            assert!(answered, "unanswered: {}", data.posts[i].text);
        }
    }

    #[test]
    fn planted_ids_follow_the_id_scheme() {
        let (_dir, data) = load();
        for (id, seq) in [
            (PLANTED_COPY_SOURCE_ID, 0),
            (PLANTED_COPY_POST_ID, 1),
            (PLANTED_EMAIL_POST_ID, 3),
            (PLANTED_COMPLAINT_POST_ID, 5),
        ] {
            assert_eq!(snowflake(post(&data, id).created_at, 0, seq), id);
        }
    }

    #[test]
    fn rhythm_brand_weekday_mornings_audience_evenings_and_weekends() {
        let (_dir, data) = load();
        let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").expect("tz");
        let brand: Vec<u32> = BRAND_IDS
            .iter()
            .filter_map(|b| data.account_by_id(b))
            .collect();
        let (mut b_all, mut b_morning, mut a_all, mut a_evening) = (0, 0, 0, 0);
        for p in data.posts.iter().filter(|p| p.kind() == PostKind::Original) {
            let z = jiff::Timestamp::from_second(p.created_at)
                .expect("ts")
                .to_zoned_datetime(tz.clone());
            // Our own UTC ↔ Amsterdam arithmetic agrees with the time-zone database.
            assert_eq!(
                to_local(p.created_at).1,
                i64::from(z.hour()) * 3_600 + i64::from(z.minute()) * 60 + i64::from(z.second())
            );
            let weekend = z.weekday().to_monday_zero_offset() >= 5;
            if brand.contains(&p.author) {
                b_all += 1;
                b_morning += usize::from(!weekend && z.hour() < 12);
            } else if data.accounts[p.author as usize].followers.unwrap_or(0) < 1_000 {
                a_all += 1;
                a_evening += usize::from(weekend || z.hour() >= 18);
            }
        }
        eprintln!(
            "brand {b_morning}/{b_all} weekday mornings, audience {a_evening}/{a_all} evenings or weekends"
        );
        assert!(b_morning * 10 >= b_all * 7);
        assert!(a_evening * 2 >= a_all);
    }

    #[test]
    fn writing_twice_gives_identical_bytes() {
        let a = tempfile::tempdir().expect("temp dir");
        let b = tempfile::tempdir().expect("temp dir");
        write_demo(a.path()).expect("write");
        write_demo(b.path()).expect("write");
        write_demo(b.path()).expect("write again");
        for f in FILES {
            let x = std::fs::read(a.path().join(f)).expect("read");
            let y = std::fs::read(b.path().join(f)).expect("read");
            assert!(x == y, "{f} differs");
        }
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(fmt_ts(1_772_439_300), "2026-03-02T08:15:00Z");
    }
}
