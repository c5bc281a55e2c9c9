//! What the identity plugin computes before any text: profile completeness, cross-platform
//! consistency of the brand's accounts, personal data in public texts and self-presentation.
//! One pass over the posts of the period feeds the personal-data scan, the visibility mix and
//! the self-promotion counts; the rest works on the accounts.

use crate::pii::{self, Hit, Kind};
use crate::settings::Settings;
use honeycomb_core::{Account, AccountIx, Context, PostIx, PostKind, TableKind};
use rustc_hash::FxHashSet;

/// A profile field whose presence counts for completeness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The handle.
    Handle,
    /// The display name.
    DisplayName,
    /// The profile text.
    Bio,
    /// The profile picture.
    Avatar,
    /// The profile link.
    Url,
    /// The location.
    Location,
}

impl Field {
    /// All fields, in report order.
    pub const ALL: [Field; 6] = [
        Field::Handle,
        Field::DisplayName,
        Field::Bio,
        Field::Avatar,
        Field::Url,
        Field::Location,
    ];

    /// The column of the accounts table.
    pub fn column(self) -> &'static str {
        match self {
            Field::Handle => "handle",
            Field::DisplayName => "display_name",
            Field::Bio => "bio",
            Field::Avatar => "avatar",
            Field::Url => "url",
            Field::Location => "location",
        }
    }

    /// The value of the field, when present and not blank.
    pub fn value(self, a: &Account) -> Option<&str> {
        let v = match self {
            Field::Handle => a.handle.as_deref(),
            Field::DisplayName => a.display_name.as_deref(),
            Field::Bio => a.bio.as_deref(),
            Field::Avatar => a.avatar.as_deref(),
            Field::Url => a.url.as_deref(),
            Field::Location => a.location.as_deref(),
        }?;
        let v = v.trim();
        (!v.is_empty()).then_some(v)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Profile completeness over the accounts table.
#[derive(Debug, Clone, PartialEq)]
pub struct Profiles {
    /// Which fields the accounts table has a column for.
    pub available: [bool; 6],
    /// Accounts with a row in the accounts table.
    pub declared: u64,
    /// Of those, accounts with each field filled in.
    pub present: [u64; 6],
    /// Of those, accounts with every available field filled in.
    pub complete: u64,
    /// Per account: filled-in available fields ÷ available fields (`None` for accounts
    /// without a row, or when no field is available).
    pub completeness: Vec<Option<f64>>,
    /// Per account: bits of the available fields that are empty ([`Field`] order).
    pub missing: Vec<u8>,
    /// Mean completeness over the declared accounts.
    pub mean: Option<f64>,
}

impl Profiles {
    /// Number of available fields.
    pub fn n_available(&self) -> usize {
        self.available.iter().filter(|&&a| a).count()
    }

    /// The available fields.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        Field::ALL
            .into_iter()
            .filter(|f| self.available[*f as usize])
    }

    /// Fields empty on account `a` (available ones only).
    pub fn missing_fields(&self, a: AccountIx) -> Vec<Field> {
        let m = self.missing.get(a as usize).copied().unwrap_or(0);
        self.fields().filter(|f| m & f.bit() != 0).collect()
    }
}

fn profiles(cx: &Context<'_>) -> Profiles {
    let data = cx.data;
    let has_table = data.has_table(TableKind::Accounts);
    let available =
        Field::ALL.map(|f| has_table && data.has_column(TableKind::Accounts, f.column()));
    let n_av = available.iter().filter(|&&a| a).count();
    let mut p = Profiles {
        available,
        declared: 0,
        present: [0; 6],
        complete: 0,
        completeness: vec![None; data.accounts.len()],
        missing: vec![0; data.accounts.len()],
        mean: None,
    };
    let mut sum = 0.0;
    for (i, a) in data.accounts.iter().enumerate() {
        if !a.declared {
            continue;
        }
        p.declared += 1;
        let mut have = 0;
        for f in Field::ALL {
            if !available[f as usize] {
                continue;
            }
            if f.value(a).is_some() {
                have += 1;
                p.present[f as usize] += 1;
            } else {
                p.missing[i] |= f.bit();
            }
        }
        if n_av > 0 {
            let c = have as f64 / n_av as f64;
            p.completeness[i] = Some(c);
            sum += c;
            p.complete += (have == n_av) as u64;
        }
    }
    if n_av > 0 && p.declared > 0 {
        p.mean = Some(sum / p.declared as f64);
    }
    p
}

/// An attribute compared between two brand accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Attr {
    /// Handle.
    Handle,
    /// Display name.
    DisplayName,
    /// Profile text.
    Bio,
    /// Profile link.
    Url,
    /// Profile picture.
    Avatar,
}

impl Attr {
    /// All compared attributes, in report order.
    pub const ALL: [Attr; 5] = [
        Attr::Handle,
        Attr::DisplayName,
        Attr::Bio,
        Attr::Url,
        Attr::Avatar,
    ];

    /// The profile field it reads.
    pub fn field(self) -> Field {
        match self {
            Attr::Handle => Field::Handle,
            Attr::DisplayName => Field::DisplayName,
            Attr::Bio => Field::Bio,
            Attr::Url => Field::Url,
            Attr::Avatar => Field::Avatar,
        }
    }
}

/// The outcome of comparing one attribute of two accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    /// The same (after normalising case, `@`, punctuation and white space).
    Same,
    /// Recognisably alike (see [`compare`]).
    Similar,
    /// Different.
    Differs,
    /// Filled in on one of the two only.
    OneMissing,
    /// Filled in on neither (left out of the consistency share).
    BothMissing,
    /// Both avatars are present under different addresses: the images cannot be compared
    /// from the data (left out of the consistency share).
    Unchecked,
}

impl Match {
    /// Whether it counts in the consistency share, and whether as consistent.
    pub fn counts(self) -> Option<bool> {
        match self {
            Match::Same | Match::Similar => Some(true),
            Match::Differs | Match::OneMissing => Some(false),
            Match::BothMissing | Match::Unchecked => None,
        }
    }
}

/// One attribute of one pair of brand accounts.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// First account (lower id).
    pub a: AccountIx,
    /// Second account.
    pub b: AccountIx,
    /// What was compared.
    pub attr: Attr,
    /// The outcome.
    pub outcome: Match,
    /// Word overlap (Jaccard) for display names and bios, when both are present.
    pub similarity: Option<f64>,
}

/// Lower-case words of letters and digits.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Letters and digits only, lower case: `@Honing_Raat` → `honingraat`.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Jaccard similarity |A ∩ B| ÷ |A ∪ B| of two word sets (Jaccard 1912).
pub fn jaccard(a: &[String], b: &[String]) -> f64 {
    let sa: FxHashSet<&str> = a.iter().map(String::as_str).collect();
    let sb: FxHashSet<&str> = b.iter().map(String::as_str).collect();
    let union = sa.union(&sb).count();
    if union == 0 {
        return 1.0;
    }
    sa.intersection(&sb).count() as f64 / union as f64
}

/// Levenshtein edit distance (Levenshtein 1966) of two short strings, by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + (a[i - 1] != b[j - 1]) as usize;
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The host of a web address, lower case, without `www.`: `https://www.Acme.nl/x` →
/// `acme.nl`. `None` when there is no host.
pub fn host(url: &str) -> Option<String> {
    let u = url.trim();
    let rest = match u.find("://") {
        Some(p) => &u[p + 3..],
        None => u,
    };
    let rest = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let h = rest[..end].trim_end_matches('.').to_lowercase();
    let h = h.strip_prefix("www.").map(str::to_string).unwrap_or(h);
    (h.contains('.') && !h.starts_with('.')).then_some(h)
}

/// A web address without scheme, `www.`, and trailing `/`, lower case.
fn url_key(url: &str) -> String {
    let u = url.trim();
    let rest = u.find("://").map_or(u, |p| &u[p + 3..]);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_lowercase()
}

/// Display names and bios at or above this word overlap are "similar".
pub const SIMILAR_TEXT: f64 = 0.3;
/// Handles within this many edits (after [`squash`]) are "similar".
pub const SIMILAR_HANDLE_EDITS: usize = 2;

/// Compares one attribute of two profiles.
///
/// - handle: same after [`squash`]; similar when one contains the other or they are at
///   most [`SIMILAR_HANDLE_EDITS`] edits apart (Levenshtein 1966);
/// - display name, bio: same when their words are the same (case, punctuation and emoji
///   ignored); similar when one's words are all in the other or their word overlap
///   (Jaccard 1912) is at least [`SIMILAR_TEXT`];
/// - link: same when equal without scheme, `www.` and a trailing `/`; similar when the
///   host is the same;
/// - avatar: same when the address is the same; otherwise unchecked (the data holds
///   addresses, not images).
pub fn compare(attr: Attr, x: Option<&str>, y: Option<&str>) -> (Match, Option<f64>) {
    let (x, y) = match (x, y) {
        (None, None) => return (Match::BothMissing, None),
        (Some(_), None) | (None, Some(_)) => return (Match::OneMissing, None),
        (Some(x), Some(y)) => (x, y),
    };
    match attr {
        Attr::Handle => {
            let (a, b) = (squash(x), squash(y));
            if a == b {
                (Match::Same, None)
            } else if (!a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a)))
                || edit_distance(&a, &b) <= SIMILAR_HANDLE_EDITS
            {
                (Match::Similar, None)
            } else {
                (Match::Differs, None)
            }
        }
        Attr::DisplayName | Attr::Bio => {
            let (a, b) = (words(x), words(y));
            let j = jaccard(&a, &b);
            if a == b {
                return (Match::Same, Some(j));
            }
            let sa: FxHashSet<&String> = a.iter().collect();
            let sb: FxHashSet<&String> = b.iter().collect();
            let subset =
                !sa.is_empty() && !sb.is_empty() && (sa.is_subset(&sb) || sb.is_subset(&sa));
            if subset || j >= SIMILAR_TEXT {
                (Match::Similar, Some(j))
            } else {
                (Match::Differs, Some(j))
            }
        }
        Attr::Url => {
            if url_key(x) == url_key(y) {
                (Match::Same, None)
            } else if host(x).is_some() && host(x) == host(y) {
                (Match::Similar, None)
            } else {
                (Match::Differs, None)
            }
        }
        Attr::Avatar => {
            if x.trim() == y.trim() {
                (Match::Same, None)
            } else {
                (Match::Unchecked, None)
            }
        }
    }
}

/// Every attribute of every pair of the given accounts (sorted by id), in pair order.
pub fn consistency(cx: &Context<'_>, accounts: &[AccountIx], available: &[bool; 6]) -> Vec<Check> {
    let mut acc: Vec<AccountIx> = accounts.to_vec();
    acc.sort_by(|&a, &b| {
        cx.data.accounts[a as usize]
            .id
            .cmp(&cx.data.accounts[b as usize].id)
    });
    let mut out = Vec::new();
    for (k, &a) in acc.iter().enumerate() {
        for &b in &acc[k + 1..] {
            let (pa, pb) = (&cx.data.accounts[a as usize], &cx.data.accounts[b as usize]);
            for attr in Attr::ALL {
                let f = attr.field();
                if !available[f as usize] {
                    continue;
                }
                let (outcome, similarity) = compare(attr, f.value(pa), f.value(pb));
                out.push(Check {
                    a,
                    b,
                    attr,
                    outcome,
                    similarity,
                });
            }
        }
    }
    out
}

/// A post of the period with personal data.
#[derive(Debug, Clone, PartialEq)]
pub struct PiiPost {
    /// The post.
    pub post: PostIx,
    /// Items found per kind ([`Kind`] order).
    pub counts: [u32; 4],
    /// Items that are not the brand's own business contact details, per kind.
    pub foreign: [u32; 4],
    /// Written by a brand account.
    pub brand: bool,
    /// Where the items are (to mask them in an excerpt).
    pub hits: Vec<Hit>,
}

impl PiiPost {
    /// Bit mask of the kinds found.
    pub fn kinds(&self) -> u8 {
        Kind::ALL
            .into_iter()
            .filter(|k| self.counts[k.index()] > 0)
            .fold(0, |m, k| m | k.bit())
    }

    /// Whether a brand post discloses data that is not the brand's own.
    pub fn discloses(&self) -> bool {
        self.brand && self.foreign.iter().any(|&n| n > 0)
    }

    /// Group in the report's order: brand disclosures, brand posts with only its own
    /// details, everybody else.
    pub fn group(&self) -> u8 {
        if self.discloses() {
            0
        } else if self.brand {
            1
        } else {
            2
        }
    }
}

/// The brand's own business contact details, so that a brand post giving its own
/// address or shop phone number is not counted as a disclosure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OwnDetails {
    /// Hosts of the brand's profile links: e-mail addresses at these domains are the
    /// brand's own.
    pub domains: Vec<String>,
    /// E-mail addresses (lower case), phone numbers ([`pii::phone_key`]), IBANs and postal
    /// codes ([`pii::alnum_key`]) shown in the brand's own profiles.
    pub items: FxHashSet<String>,
}

/// The Dutch postal code (`1234AB`) inside an address item.
pub fn postcode_key(item: &str) -> String {
    let b = item.as_bytes();
    for k in 0..b.len().saturating_sub(3) {
        if b[k..k + 4].iter().all(u8::is_ascii_digit) && (k == 0 || !b[k - 1].is_ascii_digit()) {
            let rest = item[k + 4..].trim_start();
            let letters: String = rest.chars().take(2).collect();
            return format!("{}{}", &item[k..k + 4], letters.to_uppercase());
        }
    }
    pii::alnum_key(item)
}

fn item_key(kind: Kind, item: &str) -> String {
    match kind {
        Kind::Email => item.to_lowercase(),
        Kind::Phone => pii::phone_key(item),
        Kind::Iban => pii::alnum_key(item),
        Kind::Address => postcode_key(item),
    }
}

impl OwnDetails {
    fn new(cx: &Context<'_>) -> OwnDetails {
        let mut own = OwnDetails::default();
        let mut hits = Vec::new();
        for &b in cx.brand() {
            let a = &cx.data.accounts[b as usize];
            if let Some(h) = a.url.as_deref().and_then(host)
                && !own.domains.contains(&h)
            {
                own.domains.push(h);
            }
            for f in [Field::Bio, Field::Location, Field::DisplayName, Field::Url] {
                let Some(v) = f.value(a) else { continue };
                hits.clear();
                pii::scan(v, pii::ALL_KINDS, &mut hits);
                for h in &hits {
                    own.items.insert(item_key(h.kind, &v[h.start..h.end]));
                }
            }
        }
        own.domains.sort();
        own
    }

    /// Whether an item is the brand's own.
    pub fn is_own(&self, kind: Kind, item: &str) -> bool {
        let key = item_key(kind, item);
        if self.items.contains(&key) {
            return true;
        }
        if kind == Kind::Email
            && let Some((_, d)) = key.rsplit_once('@')
        {
            return self
                .domains
                .iter()
                .any(|o| d == o || d.ends_with(&format!(".{o}")));
        }
        false
    }
}

/// Personal data in the public texts of the period.
#[derive(Debug, Clone, PartialEq)]
pub struct Pii {
    /// The kinds looked for (mask of [`Kind::bit`]).
    pub kinds: u8,
    /// Posts scanned: in the period, with text, not a repost, public.
    pub scanned: u64,
    /// Posts of the period left out as not public (visibility column).
    pub not_public: u64,
    /// Brand posts scanned.
    pub brand_scanned: u64,
    /// Posts with personal data, in report order: brand disclosures, brand posts with only
    /// its own details, others; newest first within each, ties by post id.
    pub posts: Vec<PiiPost>,
    /// Items found per kind.
    pub items: [u64; 4],
    /// Posts with at least one item per kind.
    pub posts_by_kind: [u64; 4],
    /// Per post: mask of the kinds found (`u32::MAX` when not scanned).
    pub post_kinds: Vec<u32>,
    /// Per account: scanned posts with personal data.
    pub per_author: Vec<u32>,
    /// The brand's own details.
    pub own: OwnDetails,
}

impl Pii {
    /// Brand posts that disclose data that is not the brand's own.
    pub fn disclosures(&self) -> u64 {
        self.posts.iter().filter(|p| p.discloses()).count() as u64
    }

    /// Posts by others (not brand accounts) with personal data.
    pub fn audience_posts(&self) -> u64 {
        self.posts.iter().filter(|p| !p.brand).count() as u64
    }
}

/// The visibility mix, from a `visibility` column of the posts table.
#[derive(Debug, Clone, PartialEq)]
pub struct Visibility {
    /// (value, posts of the period, brand posts of the period), most posts first, ties by
    /// value; an empty cell is `""`.
    pub values: Vec<(String, u64, u64)>,
    /// Posts of the period.
    pub total: u64,
    /// Brand posts of the period.
    pub brand_total: u64,
}

impl Visibility {
    /// Posts (all, brand) whose visibility is public.
    pub fn public(&self) -> (u64, u64) {
        self.values
            .iter()
            .filter(|(v, _, _)| is_public(v))
            .fold((0, 0), |(a, b), (_, x, y)| (a + x, b + y))
    }
}

/// Visibility values that mean "anyone can read it" (an empty cell counts as public).
pub fn is_public(v: &str) -> bool {
    matches!(
        v,
        "" | "public" | "unlisted" | "open" | "everyone" | "anyone" | "all"
    )
}

/// Which self-promotion rule a post meets first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A link to the brand's own web site.
    OwnLink,
    /// A hashtag of the brand's own name.
    OwnHashtag,
    /// A promotional word or phrase.
    PromoWord,
    /// A price or a discount percentage.
    Price,
}

impl Rule {
    /// All rules, in the order they are tried.
    pub const ALL: [Rule; 4] = [
        Rule::OwnLink,
        Rule::OwnHashtag,
        Rule::PromoWord,
        Rule::Price,
    ];
}

/// Built-in promotional words and phrases, Dutch.
pub const PROMO_NL: &[&str] = &[
    "korting",
    "kortingscode",
    "aanbieding",
    "aanbiedingen",
    "actie",
    "uitverkoop",
    "opruiming",
    "sale",
    "bestel",
    "bestellen",
    "koop",
    "kopen",
    "webshop",
    "gratis verzending",
    "nu verkrijgbaar",
    "voorverkoop",
    "op is op",
];

/// Built-in promotional words and phrases, English.
pub const PROMO_EN: &[&str] = &[
    "discount",
    "sale",
    "shop now",
    "shop online",
    "order now",
    "order online",
    "buy",
    "buy now",
    "free shipping",
    "free delivery",
    "promo",
    "promo code",
    "coupon",
    "voucher",
    "offer",
    "deal",
    "deals",
    "giveaway",
    "limited edition",
    "available now",
    "in stock",
    "pre-order",
    "preorder",
];

/// Self-promotion of one account (brand or competitor).
#[derive(Debug, Clone, PartialEq)]
pub struct PromoAccount {
    /// The account.
    pub account: AccountIx,
    /// A brand account (else a competitor's).
    pub brand: bool,
    /// Its own posts (originals and quotes) in the period.
    pub own_posts: u64,
    /// Of those, self-promotional ones.
    pub promotional: u64,
    /// Self-promotional posts by the first rule they meet ([`Rule`] order).
    pub by_rule: [u64; 4],
}

impl PromoAccount {
    /// Share of its own posts that are self-promotional.
    pub fn share(&self) -> Option<f64> {
        (self.own_posts > 0).then(|| self.promotional as f64 / self.own_posts as f64)
    }
}

/// Self-presentation of the brand (and its competitors, for comparison).
#[derive(Debug, Clone, PartialEq)]
pub struct Promo {
    /// Brand accounts, then competitors, each in id order.
    pub accounts: Vec<PromoAccount>,
    /// The brand's own web hosts (rule 1).
    pub domains: Vec<String>,
    /// The brand's own hashtags (rule 2), squashed.
    pub hashtags: Vec<String>,
    /// Per post: `Some(true/false)` for the own posts of brand and competitor accounts.
    pub per_post: Vec<(PostIx, bool)>,
}

impl Promo {
    /// Totals over the brand accounts (or the competitors): own posts, promotional, by rule.
    pub fn total(&self, brand: bool) -> (u64, u64, [u64; 4]) {
        let mut by_rule = [0; 4];
        let (mut own, mut promo) = (0, 0);
        for a in self.accounts.iter().filter(|a| a.brand == brand) {
            own += a.own_posts;
            promo += a.promotional;
            for (r, n) in by_rule.iter_mut().zip(a.by_rule) {
                *r += n;
            }
        }
        (own, promo, by_rule)
    }
}

/// The matcher of the self-promotion rules.
pub struct PromoRules {
    domains: Vec<String>,
    hashtags: Vec<String>,
    phrases: Vec<Vec<String>>,
}

impl PromoRules {
    /// The rules for this brand: its web hosts, its hashtags, the word lists and the
    /// settings' extra words.
    pub fn new(cx: &Context<'_>, s: &Settings) -> PromoRules {
        let mut domains: Vec<String> = Vec::new();
        let mut hashtags: Vec<String> = Vec::new();
        let add_tag = |t: String, tags: &mut Vec<String>| {
            if t.chars().count() >= 3 && !tags.contains(&t) {
                tags.push(t);
            }
        };
        for &b in cx.brand() {
            let a = &cx.data.accounts[b as usize];
            if let Some(h) = a.url.as_deref().and_then(host) {
                if let Some(first) = h.split('.').next() {
                    add_tag(squash(first), &mut hashtags);
                }
                if !domains.contains(&h) {
                    domains.push(h);
                }
            }
            if let Some(h) = &a.handle {
                add_tag(squash(h), &mut hashtags);
                if let Some((base, _)) = h.split_once('_') {
                    add_tag(squash(base), &mut hashtags);
                }
            }
            add_tag(squash(&a.id), &mut hashtags);
            if let Some(n) = Field::DisplayName.value(a) {
                add_tag(squash(n), &mut hashtags);
            }
        }
        for t in &s.brand_hashtags {
            add_tag(squash(t), &mut hashtags);
        }
        domains.sort();
        hashtags.sort();
        let mut phrases: Vec<Vec<String>> = Vec::new();
        for w in PROMO_NL
            .iter()
            .chain(PROMO_EN)
            .map(|w| w.to_string())
            .chain(s.promo_words.iter().cloned())
        {
            let p = words(&w);
            if !p.is_empty() && !phrases.contains(&p) {
                phrases.push(p);
            }
        }
        PromoRules {
            domains,
            hashtags,
            phrases,
        }
    }

    /// The first rule a post meets, if any.
    pub fn rule(&self, text: &str, urls: &[Box<str>], tags: &[Box<str>]) -> Option<Rule> {
        let own_host = |h: &str| {
            self.domains
                .iter()
                .any(|d| h == d || h.ends_with(&format!(".{d}")))
        };
        if urls.iter().filter_map(|u| host(u)).any(|h| own_host(&h)) {
            return Some(Rule::OwnLink);
        }
        if tags.iter().any(|t| self.hashtags.contains(&squash(t))) {
            return Some(Rule::OwnHashtag);
        }
        let w = words(text);
        if self
            .phrases
            .iter()
            .any(|p| w.windows(p.len()).any(|win| win == p.as_slice()))
        {
            return Some(Rule::PromoWord);
        }
        has_price(text).then_some(Rule::Price)
    }
}

/// A price (`€ 12`, `€12,50`, `$5`, `£5`, `12 euro`, `12 EUR`) or a discount (`20%`
/// followed by `off`, `korting` or `discount`).
pub fn has_price(text: &str) -> bool {
    let lower = text.to_lowercase();
    for sign in ["€", "$", "£"] {
        let mut from = 0;
        while let Some(p) = lower[from..].find(sign) {
            let after = &lower[from + p + sign.len()..];
            if after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
            // "12 €" / "12€".
            let before = lower[..from + p].trim_end();
            if before.ends_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
            from += p + sign.len();
        }
    }
    let w: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '%' || c == ',' || c == '.'))
        .filter(|x| !x.is_empty())
        .collect();
    for pair in w.windows(2) {
        let num = pair[0].trim_end_matches(['.', ',']);
        let is_num = !num.is_empty()
            && num.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && num
                .bytes()
                .all(|c| c.is_ascii_digit() || c == b',' || c == b'.');
        if is_num
            && matches!(
                pair[1].trim_end_matches(['.', ',']),
                "euro" | "eur" | "euros"
            )
        {
            return true;
        }
        if num.ends_with('%')
            && num.len() > 1
            && num[..num.len() - 1].bytes().all(|c| c.is_ascii_digit())
            && matches!(
                pair[1].trim_end_matches(['.', ',']),
                "off" | "korting" | "discount"
            )
        {
            return true;
        }
    }
    false
}

/// Everything the report needs.
#[derive(Debug)]
pub struct Analysis {
    /// Profile completeness.
    pub profiles: Profiles,
    /// Brand accounts found in the data, in id order.
    pub brand: Vec<AccountIx>,
    /// Pairwise checks of the brand's accounts (two or more brand accounts).
    pub checks: Vec<Check>,
    /// Personal data (`None` when the posts have no text column).
    pub pii: Option<Pii>,
    /// Visibility mix (`None` without a visibility column).
    pub visibility: Option<Visibility>,
    /// Self-presentation (`None` without brand accounts).
    pub promo: Option<Promo>,
    /// Posts in the period.
    pub posts_in_period: u64,
    /// The posts table has a text column.
    pub has_text: bool,
}

impl Analysis {
    /// Runs the analysis.
    pub fn new(cx: &Context<'_>, s: &Settings) -> Analysis {
        let data = cx.data;
        let profiles = profiles(cx);
        let mut brand: Vec<AccountIx> = cx.brand().to_vec();
        brand.sort_by(|&a, &b| {
            data.accounts[a as usize]
                .id
                .cmp(&data.accounts[b as usize].id)
        });
        let checks = if brand.len() >= 2 {
            consistency(cx, &brand, &profiles.available)
        } else {
            Vec::new()
        };
        let has_text = data.has_column(TableKind::Posts, "text")
            || (!data.has_table(TableKind::Posts) && data.posts.iter().any(|p| !p.text.is_empty()));
        // The visibility column, when the posts table has one (kept as an extra column).
        let vis_col: Option<&Vec<Box<str>>> = data.extras.get(&TableKind::Posts).and_then(|ex| {
            ex.names
                .iter()
                .position(|n| n.trim().eq_ignore_ascii_case("visibility"))
                .and_then(|k| ex.values.get(k))
        });
        let vis_of = |i: usize| -> String {
            vis_col
                .and_then(|c| c.get(i))
                .map(|v| v.trim().to_lowercase())
                .unwrap_or_default()
        };
        let kinds = s.kinds_mask();
        let own = OwnDetails::new(cx);
        let n = data.posts.len();
        let mut pii = Pii {
            kinds,
            scanned: 0,
            not_public: 0,
            brand_scanned: 0,
            posts: Vec::new(),
            items: [0; 4],
            posts_by_kind: [0; 4],
            post_kinds: if has_text {
                vec![u32::MAX; n]
            } else {
                Vec::new()
            },
            per_author: vec![0; data.accounts.len()],
            own,
        };
        let mut vis_counts: std::collections::BTreeMap<String, (u64, u64)> = Default::default();
        let (mut vis_total, mut vis_brand) = (0u64, 0u64);
        let promo_on = !brand.is_empty();
        let rules = promo_on.then(|| PromoRules::new(cx, s));
        let mut promo_acc: Vec<PromoAccount> = Vec::new();
        let mut promo_slot: Vec<u32> =
            vec![u32::MAX; if promo_on { data.accounts.len() } else { 0 }];
        if promo_on {
            let mut comps: Vec<AccountIx> = cx.competitors().to_vec();
            comps.sort_by(|&a, &b| {
                data.accounts[a as usize]
                    .id
                    .cmp(&data.accounts[b as usize].id)
            });
            for (a, is_b) in brand
                .iter()
                .map(|&a| (a, true))
                .chain(comps.iter().map(|&a| (a, false)))
            {
                promo_slot[a as usize] = promo_acc.len() as u32;
                promo_acc.push(PromoAccount {
                    account: a,
                    brand: is_b,
                    own_posts: 0,
                    promotional: 0,
                    by_rule: [0; 4],
                });
            }
        }
        let mut per_post: Vec<(PostIx, bool)> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut posts_in_period = 0u64;
        for (i, p) in data.posts.iter().enumerate() {
            if !cx.in_period(p.created_at) {
                continue;
            }
            posts_in_period += 1;
            let is_brand = cx.is_brand(p.author);
            let vis = if vis_col.is_some() {
                let v = vis_of(i);
                vis_total += 1;
                vis_brand += is_brand as u64;
                let e = vis_counts.entry(v.clone()).or_default();
                e.0 += 1;
                e.1 += is_brand as u64;
                Some(v)
            } else {
                None
            };
            let kind = p.kind();
            if promo_on
                && matches!(kind, PostKind::Original | PostKind::Quote)
                && let Some(&slot) = promo_slot.get(p.author as usize)
                && slot != u32::MAX
                && let Some(r) = &rules
            {
                let acc = &mut promo_acc[slot as usize];
                acc.own_posts += 1;
                let rule = r.rule(&p.text, p.urls(), p.hashtags());
                if let Some(rule) = rule {
                    acc.promotional += 1;
                    acc.by_rule[rule as usize] += 1;
                }
                per_post.push((i as PostIx, rule.is_some()));
            }
            if !has_text || kind == PostKind::Repost || kinds == 0 {
                continue;
            }
            if let Some(v) = &vis
                && !is_public(v)
            {
                pii.not_public += 1;
                continue;
            }
            pii.scanned += 1;
            pii.brand_scanned += is_brand as u64;
            hits.clear();
            pii::scan(&p.text, kinds, &mut hits);
            if hits.is_empty() {
                pii.post_kinds[i] = 0;
                continue;
            }
            let mut counts = [0u32; 4];
            let mut foreign = [0u32; 4];
            for h in &hits {
                counts[h.kind.index()] += 1;
                if !pii.own.is_own(h.kind, &p.text[h.start..h.end]) {
                    foreign[h.kind.index()] += 1;
                }
            }
            let pp = PiiPost {
                post: i as PostIx,
                counts,
                foreign,
                brand: is_brand,
                hits: hits.clone(),
            };
            for k in Kind::ALL {
                pii.items[k.index()] += counts[k.index()] as u64;
                pii.posts_by_kind[k.index()] += (counts[k.index()] > 0) as u64;
            }
            pii.post_kinds[i] = pp.kinds() as u32;
            if let Some(c) = pii.per_author.get_mut(p.author as usize) {
                *c += 1;
            }
            pii.posts.push(pp);
        }
        pii.posts.sort_by(|x, y| {
            let (px, py) = (&data.posts[x.post as usize], &data.posts[y.post as usize]);
            x.group()
                .cmp(&y.group())
                .then(py.created_at.cmp(&px.created_at))
                .then(px.id.cmp(&py.id))
        });
        let visibility = vis_col.map(|_| {
            let mut values: Vec<(String, u64, u64)> = vis_counts
                .into_iter()
                .map(|(v, (a, b))| (v, a, b))
                .collect();
            values.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            Visibility {
                values,
                total: vis_total,
                brand_total: vis_brand,
            }
        });
        let promo = rules.map(|r| Promo {
            accounts: promo_acc,
            domains: r.domains,
            hashtags: r.hashtags,
            per_post,
        });
        Analysis {
            profiles,
            brand,
            checks,
            pii: has_text.then_some(pii),
            visibility,
            promo,
            posts_in_period,
            has_text,
        }
    }

    /// Checks that count for consistency, and those that are consistent.
    pub fn consistency(&self) -> (u64, u64) {
        self.checks
            .iter()
            .filter_map(|c| c.outcome.counts())
            .fold((0, 0), |(n, k), ok| (n + 1, k + ok as u64))
    }

    /// Mean completeness of the brand's declared accounts.
    pub fn brand_completeness(&self) -> Option<f64> {
        let v: Vec<f64> = self
            .brand
            .iter()
            .filter_map(|&a| {
                self.profiles
                    .completeness
                    .get(a as usize)
                    .copied()
                    .flatten()
            })
            .collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    }
}
