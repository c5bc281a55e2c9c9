//! Turns the [`Analysis`] into the section: metrics with definitions, tables, charts,
//! exports, per-account and per-post columns, findings, recommendations, what is missing,
//! the score and the summary. Every text shown from a profile or a post has its personal
//! data masked.

use crate::analysis::{Analysis, Attr, Check, Field, Match, PROMO_EN, PROMO_NL, Pii, Rule};
use crate::pii::{self, Kind};
use crate::settings::Settings;
use honeycomb_core::mask::excerpt;
use honeycomb_core::time::LocalClock;
use honeycomb_core::{
    AccountIx, Better, Chart, ChartKind, Context, Entity, EntityColumn, Lang, Priority, Section,
    SectionBuilder, Series, Severity, Table, tr,
};

/// A score at or above this is "strong", below `WEAK` "weak".
const STRONG: f64 = 70.0;
const WEAK: f64 = 40.0;
/// Score weights: completeness, consistency, privacy, self-presentation.
const W_COMPLETE: f64 = 30.0;
const W_CONSISTENT: f64 = 25.0;
const W_PRIVACY: f64 = 30.0;
const W_PROMO: f64 = 15.0;
/// Longest profile value or post excerpt in a table, in characters.
const EXCERPT: usize = 90;
/// Brand accounts shown as columns of the profile tables at most.
const BRAND_COLUMNS: usize = 6;
/// Names listed in a sentence at most.
const NAMES: usize = 5;
/// Below this share of self-promotional own posts the brand hardly says what it offers.
const PROMO_LOW: f64 = 0.05;
/// Own posts needed before the self-promotion share is judged.
const PROMO_MIN_POSTS: u64 = 10;

fn field_name(lang: Lang, f: Field) -> &'static str {
    match f {
        Field::Handle => lang.pick("handle", "handle"),
        Field::DisplayName => lang.pick("display name", "weergavenaam"),
        Field::Bio => lang.pick("bio", "bio"),
        Field::Avatar => lang.pick("profile picture", "profielfoto"),
        Field::Url => lang.pick("link", "link"),
        Field::Location => lang.pick("location", "locatie"),
    }
}

fn attr_name(lang: Lang, a: Attr) -> &'static str {
    field_name(lang, a.field())
}

fn match_name(lang: Lang, m: Match) -> &'static str {
    match m {
        Match::Same => lang.pick("same", "gelijk"),
        Match::Similar => lang.pick("similar", "vergelijkbaar"),
        Match::Differs => lang.pick("differs", "verschilt"),
        Match::OneMissing => lang.pick("missing on one", "ontbreekt op één"),
        Match::BothMissing => lang.pick("missing on both", "ontbreekt op beide"),
        Match::Unchecked => lang.pick(
            "different address: compare the images by eye",
            "ander adres: vergelijk de afbeeldingen zelf",
        ),
    }
}

fn match_key(m: Match) -> &'static str {
    match m {
        Match::Same => "same",
        Match::Similar => "similar",
        Match::Differs => "differs",
        Match::OneMissing => "missing_on_one",
        Match::BothMissing => "missing_on_both",
        Match::Unchecked => "unchecked",
    }
}

fn kind_name(lang: Lang, k: Kind) -> &'static str {
    match k {
        Kind::Email => lang.pick("e-mail address", "e-mailadres"),
        Kind::Phone => lang.pick("phone number", "telefoonnummer"),
        Kind::Iban => lang.pick("IBAN", "IBAN"),
        Kind::Address => lang.pick("home address", "woonadres"),
    }
}

fn kind_plural(lang: Lang, k: Kind) -> &'static str {
    match k {
        Kind::Email => lang.pick("e-mail addresses", "e-mailadressen"),
        Kind::Phone => lang.pick("phone numbers", "telefoonnummers"),
        Kind::Iban => lang.pick("IBANs", "IBAN's"),
        Kind::Address => lang.pick(
            "addresses (postal code with house number)",
            "adressen (postcode met huisnummer)",
        ),
    }
}

fn kind_metric(k: Kind) -> &'static str {
    match k {
        Kind::Email => "emails",
        Kind::Phone => "phone_numbers",
        Kind::Iban => "ibans",
        Kind::Address => "addresses",
    }
}

fn rule_name(lang: Lang, r: Rule) -> &'static str {
    match r {
        Rule::OwnLink => lang.pick("link to your site", "link naar je site"),
        Rule::OwnHashtag => lang.pick("your own hashtag", "je eigen hashtag"),
        Rule::PromoWord => lang.pick("promotional words", "verkoopwoorden"),
        Rule::Price => lang.pick("price or discount", "prijs of korting"),
    }
}

/// "1 post" / "3 posts".
fn count(lang: Lang, n: u64, one: (&str, &str), many: (&str, &str)) -> String {
    let w = if n == 1 { one } else { many };
    format!("{} {}", lang.int(n), lang.pick(w.0, w.1))
}

/// "312 of 1,204 posts (25.9%)" / "312 van 1.204 posts (25,9%)", with "<0.1%" for a share
/// that would print as 0.0% but is not zero.
fn of(lang: Lang, n: u64, d: u64, unit_en: &str, unit_nl: &str) -> String {
    let unit = lang.pick(unit_en, unit_nl);
    let (n_s, d_s) = (lang.int(n), lang.int(d));
    let word = lang.pick("of", "van");
    if d == 0 {
        return format!("{n_s} {word} {d_s} {unit}");
    }
    format!("{n_s} {word} {d_s} {unit} ({})", share(lang, n, d))
}

/// n ÷ d as a percentage with one decimal, "<0.1%" when it is not zero but rounds to it.
fn share(lang: Lang, n: u64, d: u64) -> String {
    let x = n as f64 / d.max(1) as f64;
    if n > 0 && x < 0.0005 {
        format!("<{}", lang.pct(0.001, 1))
    } else {
        lang.pct(x, 1)
    }
}

/// A number of items of a kind: "1 e-mail address", "3 IBANs".
fn items(lang: Lang, n: u64, k: Kind) -> String {
    let w = if n == 1 {
        kind_name(lang, k)
    } else {
        kind_plural(lang, k)
    };
    format!("{} {w}", lang.int(n))
}

/// "3 of 10 (30.0%)" / "3 van 10 (30,0%)".
fn frac(lang: Lang, n: u64, d: u64) -> String {
    if d == 0 {
        return lang.int(n);
    }
    tr!(
        lang,
        "{} of {} ({})",
        "{} van {} ({})",
        lang.int(n),
        lang.int(d),
        share(lang, n, d)
    )
}

/// Mask masks: the labels of a kind mask, `email phone`.
fn kinds_label(mask: u32) -> String {
    if mask == 0 {
        return "none".into();
    }
    Kind::ALL
        .into_iter()
        .filter(|k| mask & k.bit() as u32 != 0)
        .map(Kind::key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A profile value or post text for a table: personal data masked (ours, then the core
/// masker), white space folded, cut to `max` characters.
pub fn safe_excerpt(text: &str, max: usize) -> String {
    let mut hits = Vec::new();
    pii::scan(text, pii::ALL_KINDS, &mut hits);
    excerpt(&pii::mask_hits(text, &hits), max)
}

struct Report<'c, 'd> {
    cx: &'c Context<'d>,
    s: &'c Settings,
    a: &'c Analysis,
    b: SectionBuilder,
    clock: LocalClock,
}

impl Report<'_, '_> {
    fn lang(&self) -> Lang {
        self.b.lang
    }

    fn has_brand(&self) -> bool {
        !self.a.brand.is_empty()
    }

    fn label(&self, a: AccountIx) -> String {
        self.cx.data.account_label(a)
    }

    fn date(&mut self, ts: i64) -> String {
        self.clock.local_date(ts)
    }

    fn fields_text(&self, fields: &[Field]) -> String {
        let lang = self.lang();
        let v: Vec<String> = fields
            .iter()
            .map(|&f| field_name(lang, f).to_string())
            .collect();
        lang.join_and(&v)
    }

    fn period_text(&self) -> String {
        if self.cx.period.is_some() {
            self.b.t("in the report period", "in de rapportperiode")
        } else {
            self.b.t("in the data", "in de data")
        }
    }

    // ---- profiles ----------------------------------------------------------------------

    fn profile_metrics(&mut self) {
        let lang = self.lang();
        let p = &self.a.profiles;
        let n_acc = self.cx.data.accounts.len() as u64;
        let fields: Vec<Field> = p.fields().collect();
        let flist = self.fields_text(&fields);
        let k = fields.len();
        self.b.metric(
            "profiles",
            self.b.t("Profiles in the data", "Profielen in de data"),
            Some(p.declared as f64),
            of(lang, p.declared, n_acc, "accounts", "accounts"),
            "accounts",
            self.b.t(
                "Accounts with a row in the accounts table, of all accounts in the data (accounts only known as the author of a post or from a follow have no profile and are left out of completeness).",
                "Accounts met een rij in de accounts-tabel, van alle accounts in de data (accounts die alleen bekend zijn als auteur van een post of uit een volgrelatie hebben geen profiel en tellen niet mee voor volledigheid).",
            ),
        );
        let mean_display = match p.mean {
            Some(m) => tr!(
                lang,
                "{} (mean over {}; {k} fields)",
                "{} (gemiddeld over {}; {k} velden)",
                lang.pct(m, 1),
                count(
                    lang,
                    p.declared,
                    ("profile", "profiel"),
                    ("profiles", "profielen")
                )
            ),
            None => self.b.t(
                "not computable: no profile fields in the data",
                "niet te berekenen: geen profielvelden in de data",
            ),
        };
        self.b.metric(
            "profile_completeness",
            self.b.t("Profile completeness", "Volledigheid van profielen"),
            p.mean.map(|m| m * 100.0),
            mean_display,
            "%",
            tr!(
                lang,
                "Per profile: the filled-in fields ÷ the profile fields the accounts table has ({flist}); a field counts when it is not blank. Mean over all profiles. Complete profiles are recognised and trusted more: a profile is how others see who you are (the identity block of Kietzmann, Hermkens, McCarthy & Silvestre 2011).",
                "Per profiel: de ingevulde velden ÷ de profielvelden die de accounts-tabel heeft ({flist}); een veld telt als het niet leeg is. Gemiddelde over alle profielen. Volledige profielen worden herkend en meer vertrouwd: een profiel is hoe anderen zien wie je bent (de bouwsteen identiteit van Kietzmann, Hermkens, McCarthy & Silvestre 2011)."
            ),
        );
        self.b.metric(
            "complete_profiles",
            self.b.t("Complete profiles", "Volledige profielen"),
            (p.declared > 0 && k > 0).then(|| p.complete as f64 / p.declared as f64 * 100.0),
            if k > 0 {
                of(lang, p.complete, p.declared, "profiles", "profielen")
            } else {
                self.b.t(
                    "not computable: no profile fields in the data",
                    "niet te berekenen: geen profielvelden in de data",
                )
            },
            "%",
            tr!(
                lang,
                "Profiles with every available field filled in ({flist}) ÷ all profiles.",
                "Profielen met elk beschikbaar veld ingevuld ({flist}) ÷ alle profielen."
            ),
        );
        if !self.has_brand() {
            return;
        }
        let bc = self.a.brand_completeness();
        let mut gaps: Vec<String> = Vec::new();
        for &b in &self.a.brand {
            if !self.cx.data.accounts[b as usize].declared {
                gaps.push(tr!(
                    lang,
                    "{}: no profile row",
                    "{}: geen profielrij",
                    self.label(b)
                ));
                continue;
            }
            let miss = p.missing_fields(b);
            if !miss.is_empty() {
                gaps.push(format!("{}: {}", self.label(b), self.fields_text(&miss)));
            }
        }
        let display = match bc {
            Some(c) if gaps.is_empty() => tr!(
                lang,
                "{} — every field filled in",
                "{} — elk veld ingevuld",
                lang.pct(c, 0)
            ),
            Some(c) => tr!(
                lang,
                "{} — missing: {}",
                "{} — ontbreekt: {}",
                lang.pct(c, 0),
                gaps.join("; ")
            ),
            None => self.b.t(
                "not computable: your accounts have no profile row",
                "niet te berekenen: je accounts hebben geen profielrij",
            ),
        };
        self.b.metric(
            "brand_completeness",
            self.b.t(
                "Completeness of your profiles",
                "Volledigheid van je profielen",
            ),
            bc.map(|c| c * 100.0),
            display,
            "%",
            tr!(
                lang,
                "Mean completeness of your own accounts ([report] brand) over the same fields ({flist}), with the empty fields per account.",
                "Gemiddelde volledigheid van je eigen accounts ([report] brand) over dezelfde velden ({flist}), met de lege velden per account."
            ),
        );
    }

    fn profile_table(&mut self) {
        let lang = self.lang();
        let p = &self.a.profiles;
        if p.declared == 0 || p.n_available() == 0 {
            return;
        }
        let brand: Vec<AccountIx> = self.a.brand.iter().copied().take(BRAND_COLUMNS).collect();
        let mut columns = vec![
            self.b.t("Field", "Veld"),
            self.b
                .t("Filled in (all profiles)", "Ingevuld (alle profielen)"),
        ];
        let mut numeric = vec![false, true];
        for &b in &brand {
            columns.push(self.label(b));
            numeric.push(false);
        }
        let yes = self.b.t("yes", "ja");
        let no = self.b.t("no", "nee");
        let rows: Vec<Vec<String>> = Field::ALL
            .into_iter()
            .map(|f| {
                let mut row = vec![field_name(lang, f).to_string()];
                if !p.available[f as usize] {
                    row.push(lang.pick("no column", "geen kolom").to_string());
                    row.extend(brand.iter().map(|_| "–".to_string()));
                    return row;
                }
                row.push(frac(lang, p.present[f as usize], p.declared));
                for &b in &brand {
                    let a = &self.cx.data.accounts[b as usize];
                    row.push(if !a.declared {
                        "–".into()
                    } else if f.value(a).is_some() {
                        yes.clone()
                    } else {
                        no.clone()
                    });
                }
                row
            })
            .collect();
        let note = self.b.t(
            "A field counts as filled in when it is not blank. “No column”: the accounts table has no such column, so it is left out of completeness.",
            "Een veld telt als ingevuld als het niet leeg is. „Geen kolom”: de accounts-tabel heeft die kolom niet, dus hij telt niet mee voor volledigheid.",
        );
        self.b.sec.tables.push(Table {
            id: "profile-fields".into(),
            title: self
                .b
                .t("Profile fields filled in", "Ingevulde profielvelden"),
            columns,
            numeric,
            rows,
            note: Some(note),
        });
        let fields: Vec<Field> = p.fields().collect();
        let mut series = vec![Series {
            name: self.b.t("all profiles", "alle profielen"),
            values: fields
                .iter()
                .map(|&f| p.present[f as usize] as f64 / p.declared as f64 * 100.0)
                .collect(),
        }];
        let declared_brand: Vec<AccountIx> = self
            .a
            .brand
            .iter()
            .copied()
            .filter(|&b| self.cx.data.accounts[b as usize].declared)
            .collect();
        if !declared_brand.is_empty() {
            series.push(Series {
                name: self.b.t("your accounts", "je accounts"),
                values: fields
                    .iter()
                    .map(|&f| {
                        let k = declared_brand
                            .iter()
                            .filter(|&&b| f.value(&self.cx.data.accounts[b as usize]).is_some())
                            .count();
                        k as f64 / declared_brand.len() as f64 * 100.0
                    })
                    .collect(),
            });
        }
        self.b.sec.charts.push(Chart {
            id: "profile-fields".into(),
            title: self.b.t("Profile fields filled in", "Ingevulde profielvelden"),
            description: if declared_brand.is_empty() {
                self.b.t(
                    "Share of profiles with each field filled in.",
                    "Aandeel profielen met elk veld ingevuld.",
                )
            } else {
                self.b.t(
                    "Share of profiles with each field filled in, for all profiles and for your own accounts.",
                    "Aandeel profielen met elk veld ingevuld, voor alle profielen en voor je eigen accounts.",
                )
            },
            x_label: self.b.t("field", "veld"),
            y_label: self.b.t("% of profiles", "% van de profielen"),
            kind: ChartKind::Bar {
                categories: fields
                    .iter()
                    .map(|&f| field_name(lang, f).to_string())
                    .collect(),
                series,
            },
        });
    }

    // ---- consistency -------------------------------------------------------------------

    fn consistency_metrics(&mut self) {
        let lang = self.lang();
        if self.a.brand.len() < 2 {
            return;
        }
        let (n, k) = self.a.consistency();
        let pairs = self.a.brand.len() * (self.a.brand.len() - 1) / 2;
        let attrs: Vec<String> = Attr::ALL
            .iter()
            .filter(|a| self.a.profiles.available[a.field() as usize])
            .map(|&a| attr_name(lang, a).to_string())
            .collect();
        let alist = lang.join_and(&attrs);
        let sim = lang.pct(crate::analysis::SIMILAR_TEXT, 0);
        self.b.metric(
            "consistency",
            self.b.t(
                "Cross-platform consistency",
                "Consistentie tussen platforms",
            ),
            (n > 0).then(|| k as f64 / n as f64 * 100.0),
            if n > 0 {
                of(lang, k, n, "comparisons", "vergelijkingen")
            } else {
                self.b.t(
                    "not computable: no attribute is filled in on two of your accounts",
                    "niet te berekenen: geen kenmerk is op twee van je accounts ingevuld",
                )
            },
            "%",
            tr!(
                lang,
                "Your accounts compared two by two ({pairs} pair(s)) on {alist}: the comparisons that are the same or similar ÷ all comparisons. Same: equal after ignoring case, @, punctuation, emoji and white space. Similar: handles that contain each other or are at most 2 edits apart (Levenshtein 1966); names and bios whose words are contained in each other or overlap by at least {sim} (Jaccard 1912); links to the same site. A field filled in on only one account counts as inconsistent; a field empty on both, and avatars under different addresses (the data holds addresses, not images), are left out.",
                "Je accounts twee aan twee vergeleken ({pairs} paar/paren) op {alist}: de vergelijkingen die gelijk of vergelijkbaar zijn ÷ alle vergelijkingen. Gelijk: hetzelfde als je hoofdletters, @, leestekens, emoji en witruimte negeert. Vergelijkbaar: handles die elkaar bevatten of hooguit 2 bewerkingen verschillen (Levenshtein 1966); namen en bio's waarvan de woorden in elkaar passen of minstens {sim} overlappen (Jaccard 1912); links naar dezelfde site. Een veld dat op maar één account is ingevuld telt als inconsistent; een veld dat op beide leeg is, en profielfoto's op verschillende adressen (de data bevat adressen, geen afbeeldingen), tellen niet mee."
            ),
        );
        self.b.metric(
            "inconsistencies",
            self.b.t("Differences between your profiles", "Verschillen tussen je profielen"),
            Some((n - k) as f64),
            count(lang, n - k, ("difference", "verschil"), ("differences", "verschillen")),
            "",
            self.b.t(
                "Comparisons (pair of your accounts × attribute) that differ or where one account leaves the field empty; listed in the table “What differs between your profiles”.",
                "Vergelijkingen (paar van je accounts × kenmerk) die verschillen of waar één account het veld leeg laat; staan in de tabel „Wat verschilt tussen je profielen”.",
            ),
        );
    }

    fn brand_profile_table(&mut self) {
        let lang = self.lang();
        if !self.has_brand() || self.cx.data.accounts.is_empty() {
            return;
        }
        let brand: Vec<AccountIx> = self.a.brand.iter().copied().take(BRAND_COLUMNS).collect();
        if !brand
            .iter()
            .any(|&b| self.cx.data.accounts[b as usize].declared)
        {
            return;
        }
        let mut columns = vec![self.b.t("Field", "Veld")];
        columns.extend(brand.iter().map(|&b| self.label(b)));
        let numeric = vec![false; columns.len()];
        let mut rows: Vec<Vec<String>> = Vec::new();
        let platform = self.b.t("platform", "platform");
        let mut row = vec![platform];
        for &b in &brand {
            let a = &self.cx.data.accounts[b as usize];
            row.push(
                a.platform
                    .as_deref()
                    .map_or_else(|| "–".to_string(), |p| safe_excerpt(p, 40)),
            );
        }
        rows.push(row);
        for f in Field::ALL {
            if !self.a.profiles.available[f as usize] {
                continue;
            }
            let mut row = vec![field_name(lang, f).to_string()];
            for &b in &brand {
                let a = &self.cx.data.accounts[b as usize];
                row.push(
                    f.value(a)
                        .map_or_else(|| "–".to_string(), |v| safe_excerpt(v, EXCERPT)),
                );
            }
            rows.push(row);
        }
        self.b.sec.tables.push(Table {
            id: "brand-profiles".into(),
            title: self.b.t("Your profiles side by side", "Je profielen naast elkaar"),
            columns,
            numeric,
            rows,
            note: Some(self.b.t(
                "As in the accounts table; “–” is empty. Personal data in a profile is masked.",
                "Zoals in de accounts-tabel; „–” is leeg. Persoonsgegevens in een profiel zijn gemaskeerd.",
            )),
        });
    }

    fn check_detail(&self, c: &Check) -> String {
        let lang = self.lang();
        match (c.outcome, c.similarity) {
            (Match::OneMissing, _) => {
                let pa = &self.cx.data.accounts[c.a as usize];
                let empty_on = if c.attr.field().value(pa).is_none() {
                    self.label(c.a)
                } else {
                    self.label(c.b)
                };
                tr!(lang, "empty on {empty_on}", "leeg op {empty_on}")
            }
            (_, Some(j)) => tr!(lang, "word overlap {}", "woordoverlap {}", lang.pct(j, 0)),
            _ => String::new(),
        }
    }

    fn consistency_table(&mut self) {
        let lang = self.lang();
        if self.a.checks.is_empty() {
            return;
        }
        let shown: Vec<&Check> = self
            .a
            .checks
            .iter()
            .filter(|c| c.outcome != Match::Same && c.outcome != Match::BothMissing)
            .collect();
        let total = shown.len();
        let rows: Vec<Vec<String>> = shown
            .iter()
            .take(self.s.rows.max(20))
            .map(|c| {
                vec![
                    format!("{} – {}", self.label(c.a), self.label(c.b)),
                    attr_name(lang, c.attr).to_string(),
                    match_name(lang, c.outcome).to_string(),
                    self.check_detail(c),
                ]
            })
            .collect();
        let mut note = self.b.t(
            "Attributes that are the same on both accounts are left out. Values are in the table “Your profiles side by side”.",
            "Kenmerken die op beide accounts gelijk zijn staan er niet in. De waarden staan in de tabel „Je profielen naast elkaar”.",
        );
        if total > rows.len() {
            note.push(' ');
            note.push_str(&tr!(
                lang,
                "{} more are in metrics/identity-consistency.csv.",
                "Nog {} staan in metrics/identity-consistency.csv.",
                lang.int((total - rows.len()) as u64)
            ));
        }
        if rows.is_empty() {
            note = self.b.t(
                "Your accounts agree on every attribute compared.",
                "Je accounts komen overeen op elk vergeleken kenmerk.",
            );
        }
        self.b.sec.tables.push(Table {
            id: "consistency".into(),
            title: self.b.t(
                "What differs between your profiles",
                "Wat verschilt tussen je profielen",
            ),
            columns: vec![
                self.b.t("Accounts", "Accounts"),
                self.b.t("Attribute", "Kenmerk"),
                self.b.t("Outcome", "Uitkomst"),
                self.b.t("Detail", "Toelichting"),
            ],
            numeric: vec![false; 4],
            rows,
            note: Some(note),
        });
        let cx = self.cx;
        let export_rows = self
            .a
            .checks
            .iter()
            .map(|c| {
                vec![
                    cx.data.accounts[c.a as usize].id.to_string(),
                    cx.data.accounts[c.b as usize].id.to_string(),
                    Field::column(c.attr.field()).to_string(),
                    match_key(c.outcome).to_string(),
                    c.similarity.map(|j| format!("{j:.4}")).unwrap_or_default(),
                ]
            })
            .collect();
        self.b.sec.exports.push(Table {
            id: "consistency".into(),
            title:
                "identity: the brand's accounts compared two by two, one row per pair and attribute"
                    .into(),
            columns: [
                "account_a",
                "account_b",
                "attribute",
                "outcome",
                "word_overlap",
            ]
            .map(String::from)
            .to_vec(),
            numeric: vec![false, false, false, false, true],
            rows: export_rows,
            note: None,
        });
    }

    // ---- personal data -----------------------------------------------------------------

    fn kinds_text(&self, mask: u8) -> String {
        let lang = self.lang();
        let v: Vec<String> = Kind::ALL
            .into_iter()
            .filter(|k| mask & k.bit() != 0)
            .map(|k| kind_plural(lang, k).to_string())
            .collect();
        lang.join_and(&v)
    }

    fn pii_metrics(&mut self, pii: &Pii) {
        let lang = self.lang();
        let looked = self.kinds_text(pii.kinds);
        let period = self.period_text();
        let not_public = if pii.not_public > 0 {
            tr!(
                lang,
                " {} with a visibility other than public or unlisted are left out.",
                " {} met een andere zichtbaarheid dan openbaar of niet-vermeld tellen niet mee.",
                count(lang, pii.not_public, ("post", "post"), ("posts", "posts"))
            )
        } else {
            String::new()
        };
        self.b.metric(
            "posts_scanned",
            self.b.t("Public posts checked", "Gecontroleerde openbare posts"),
            Some(pii.scanned as f64),
            count(lang, pii.scanned, ("post", "post"), ("posts", "posts")),
            "posts",
            tr!(
                lang,
                "Posts {period} with a text, reposts left out (their text is someone else's).{not_public}",
                "Posts {period} met een tekst, zonder doorgeplaatste posts (hun tekst is van een ander).{not_public}"
            ),
        );
        let with = pii.posts.len() as u64;
        self.b.metric(
            "personal_data_posts",
            self.b.t("Posts with personal data", "Posts met persoonsgegevens"),
            (pii.scanned > 0).then(|| with as f64 / pii.scanned as f64 * 100.0),
            of(lang, with, pii.scanned, "posts", "posts"),
            "%",
            tr!(
                lang,
                "Checked posts that contain at least one of: {looked} ÷ all checked posts. Detection rules: e-mail address = name@domain.tld (not a fediverse handle @name@server); phone number = Dutch 0 + 9 digits or international +/00 + 8–15 digits (E.164), with spaces, dashes, dots or brackets, service and business numbers (0800, 090x, 088) left out; IBAN = country code, check digits and account number of the length the IBAN registry gives for the country, mod-97 check valid (ISO 13616, ISO 7064); address = Dutch postal code 1234 AB with a house number before or after it. Found items are only ever shown masked.",
                "Gecontroleerde posts met minstens één van: {looked} ÷ alle gecontroleerde posts. Herkenningsregels: e-mailadres = naam@domein.tld (geen fediverse-handle @naam@server); telefoonnummer = Nederlands 0 + 9 cijfers of internationaal +/00 + 8–15 cijfers (E.164), met spaties, streepjes, punten of haakjes, zonder service- en bedrijfsnummers (0800, 090x, 088); IBAN = landcode, controlecijfers en rekeningnummer met de lengte die het IBAN-register voor het land geeft, met geldige mod-97-controle (ISO 13616, ISO 7064); adres = Nederlandse postcode 1234 AB met een huisnummer ervoor of erachter. Gevonden gegevens worden alleen gemaskeerd getoond."
            ),
        );
        for k in Kind::ALL {
            if pii.kinds & k.bit() == 0 {
                continue;
            }
            let (items, posts) = (pii.items[k.index()], pii.posts_by_kind[k.index()]);
            let label = kind_plural(lang, k);
            let mut label = label.to_string();
            if let Some(c) = label.get(..1) {
                label = c.to_uppercase() + &label[1..];
            }
            self.b.metric(
                kind_metric(k),
                label,
                Some(items as f64),
                tr!(
                    lang,
                    "{} in {}",
                    "{} in {}",
                    lang.int(items),
                    count(lang, posts, ("post", "post"), ("posts", "posts"))
                ),
                "",
                tr!(
                    lang,
                    "Occurrences of {} in the checked posts (each one counts), and the posts they are in.",
                    "Keren dat er {} in de gecontroleerde posts staan (elk voorkomen telt), en de posts waarin ze staan.",
                    kind_plural(lang, k)
                ),
            );
        }
        if self.has_brand() {
            let d = pii.disclosures();
            self.b.metric(
                "brand_disclosures",
                self.b.t(
                    "Your posts showing others' personal data",
                    "Je posts met persoonsgegevens van anderen",
                ),
                Some(d as f64),
                of(lang, d, pii.brand_scanned, "of your posts", "van je posts"),
                "posts",
                self.b.t(
                    "Your own checked posts (any brand account) with personal data that is not one of your own business contact details: not an e-mail address at the domain of your profile links, nor a phone number, IBAN or postal code shown in your own profiles. Such data usually belongs to a customer or an employee.",
                    "Je eigen gecontroleerde posts (elk merkaccount) met persoonsgegevens die geen eigen zakelijke contactgegevens zijn: geen e-mailadres op het domein van je profiellinks, en geen telefoonnummer, IBAN of postcode uit je eigen profielen. Zulke gegevens zijn meestal van een klant of een medewerker.",
                ),
            );
            let au = pii.audience_posts();
            let others = pii.scanned - pii.brand_scanned;
            self.b.metric(
                "audience_personal_data",
                self.b.t(
                    "Others' posts with personal data",
                    "Posts van anderen met persoonsgegevens",
                ),
                (others > 0).then(|| au as f64 / others as f64 * 100.0),
                of(lang, au, others, "posts", "posts"),
                "%",
                self.b.t(
                    "Checked posts by accounts other than yours with personal data ÷ all their checked posts: people who put their own (or someone else's) contact or bank details in public, often in a reply to you.",
                    "Gecontroleerde posts van andere accounts dan de jouwe met persoonsgegevens ÷ al hun gecontroleerde posts: mensen die hun eigen (of andermans) contact- of bankgegevens openbaar zetten, vaak in een reactie aan jou.",
                ),
            );
        }
    }

    fn found_text(&self, text: &str, hits: &[pii::Hit]) -> String {
        let lang = self.lang();
        hits.iter()
            .map(|h| {
                format!(
                    "{} ({})",
                    pii::masked(h.kind, &text[h.start..h.end]),
                    kind_name(lang, h.kind)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn pii_table(&mut self, pii: &Pii) {
        let lang = self.lang();
        if pii.posts.is_empty() {
            return;
        }
        let cx = self.cx;
        let mut rows = Vec::new();
        for pp in pii.posts.iter().take(self.s.rows) {
            let p = &cx.data.posts[pp.post as usize];
            let whose = match pp.group() {
                0 => self.b.t(
                    "your post: not your own details",
                    "je eigen post: niet je eigen gegevens",
                ),
                1 => self.b.t(
                    "your post: your own business details",
                    "je eigen post: je eigen zakelijke gegevens",
                ),
                _ => self.b.t("someone else's post", "post van een ander"),
            };
            let date = self.date(p.created_at);
            rows.push(vec![
                p.id.to_string(),
                self.label(p.author),
                date,
                whose,
                self.found_text(&p.text, &pp.hits),
                excerpt(&pii::mask_hits(&p.text, &pp.hits), EXCERPT),
            ]);
        }
        let total = pii.posts.len();
        let mut note = self.b.t(
            "Your own posts that show someone else's data come first, then your posts with your own business details, then other people's posts; newest first. Everything found is masked: e-mail j***@e***.nl, phone first and last two digits, IBAN country code and last two characters, address the first two digits of the postal code.",
            "Je eigen posts met gegevens van een ander staan bovenaan, dan je posts met je eigen zakelijke gegevens, dan posts van anderen; nieuwste eerst. Alles wat gevonden is, is gemaskeerd: e-mail j***@e***.nl, telefoon de eerste en laatste twee cijfers, IBAN de landcode en de laatste twee tekens, adres de eerste twee cijfers van de postcode.",
        );
        if total > rows.len() {
            note.push(' ');
            note.push_str(&tr!(
                lang,
                "{} more posts are in metrics/identity-personal-data.csv.",
                "Nog {} posts staan in metrics/identity-personal-data.csv.",
                lang.int((total - rows.len()) as u64)
            ));
        }
        self.b.sec.tables.push(Table {
            id: "personal-data".into(),
            title: self.b.t(
                "Public posts with personal data",
                "Openbare posts met persoonsgegevens",
            ),
            columns: vec![
                self.b.t("Post", "Post"),
                self.b.t("Author", "Auteur"),
                self.b.t("Date", "Datum"),
                self.b.t("Whose", "Van wie"),
                self.b.t("Found (masked)", "Gevonden (gemaskeerd)"),
                self.b.t("Text (masked)", "Tekst (gemaskeerd)"),
            ],
            numeric: vec![false; 6],
            rows,
            note: Some(note),
        });
        // The export: every post, masked.
        let export_rows = pii
            .posts
            .iter()
            .map(|pp| {
                let p = &cx.data.posts[pp.post as usize];
                let mut row = vec![
                    p.id.to_string(),
                    cx.data.accounts[p.author as usize].id.to_string(),
                    honeycomb_core::time::rfc3339(p.created_at),
                    pp.brand.to_string(),
                    pp.discloses().to_string(),
                ];
                row.extend(pp.counts.iter().map(|c| c.to_string()));
                row.push(
                    pp.hits
                        .iter()
                        .map(|h| pii::masked(h.kind, &p.text[h.start..h.end]))
                        .collect::<Vec<_>>()
                        .join(" | "),
                );
                row
            })
            .collect();
        self.b.sec.exports.push(Table {
            id: "personal-data".into(),
            title: "identity: public posts with personal data, one row per post, items masked"
                .into(),
            columns: [
                "post",
                "author",
                "created_at",
                "brand",
                "brand_disclosure",
                "emails",
                "phone_numbers",
                "ibans",
                "addresses",
                "masked",
            ]
            .map(String::from)
            .to_vec(),
            numeric: vec![
                false, false, false, false, false, true, true, true, true, false,
            ],
            rows: export_rows,
            note: None,
        });
        let kinds: Vec<Kind> = Kind::ALL
            .into_iter()
            .filter(|k| pii.kinds & k.bit() != 0)
            .collect();
        let brand_items = |k: Kind| -> f64 {
            pii.posts
                .iter()
                .filter(|p| p.brand)
                .map(|p| p.counts[k.index()] as f64)
                .sum()
        };
        let mut series = vec![Series {
            name: self.b.t("all posts", "alle posts"),
            values: kinds.iter().map(|k| pii.items[k.index()] as f64).collect(),
        }];
        if self.has_brand() {
            series.push(Series {
                name: self.b.t("your posts", "je posts"),
                values: kinds.iter().map(|&k| brand_items(k)).collect(),
            });
        }
        self.b.sec.charts.push(Chart {
            id: "personal-data".into(),
            title: self.b.t(
                "Personal data in public posts",
                "Persoonsgegevens in openbare posts",
            ),
            description: if self.has_brand() {
                self.b.t(
                    "Items of personal data found in the checked public posts, by kind, in all posts and in your own.",
                    "Gevonden persoonsgegevens in de gecontroleerde openbare posts, per soort, in alle posts en in je eigen posts.",
                )
            } else {
                self.b.t(
                    "Items of personal data found in the checked public posts, by kind.",
                    "Gevonden persoonsgegevens in de gecontroleerde openbare posts, per soort.",
                )
            },
            x_label: self.b.t("kind", "soort"),
            y_label: self.b.t("items", "gegevens"),
            kind: ChartKind::Bar {
                categories: kinds
                    .iter()
                    .map(|&k| kind_name(lang, k).to_string())
                    .collect(),
                series,
            },
        });
    }

    // ---- self-presentation -------------------------------------------------------------

    fn promo_rules_text(&self) -> String {
        let lang = self.lang();
        let Some(pr) = &self.a.promo else {
            return String::new();
        };
        let domains = if pr.domains.is_empty() {
            self.b.t(
                "(none: your profiles have no link)",
                "(geen: je profielen hebben geen link)",
            )
        } else {
            pr.domains.join(", ")
        };
        let tags: Vec<String> = pr.hashtags.iter().map(|t| format!("#{t}")).collect();
        let nl: Vec<&str> = PROMO_NL.to_vec();
        let en: Vec<&str> = PROMO_EN.to_vec();
        let extra = if self.s.promo_words.is_empty() {
            String::new()
        } else {
            tr!(
                lang,
                "; your own: {}",
                "; je eigen: {}",
                self.s.promo_words.join(", ")
            )
        };
        tr!(
            lang,
            "A post is self-promotional when it meets at least one rule, tried in this order: (1) a link to your own site ({domains}, subdomains included); (2) a hashtag of your own name ({}); (3) a promotional word or phrase, whole words, any case — Dutch: {}; English: {}{extra} (add more with promo_words in [plugins.identity]); (4) a price (€ 12, 12 euro, $5) or a discount percentage (20% korting, 20% off).",
            "Een post is zelfpromotie als hij aan minstens één regel voldoet, in deze volgorde: (1) een link naar je eigen site ({domains}, subdomeinen meegeteld); (2) een hashtag van je eigen naam ({}); (3) een verkoopwoord of -zin, hele woorden, hoofdletters maakt niet uit — Nederlands: {}; Engels: {}{extra} (voeg er meer toe met promo_words onder [plugins.identity]); (4) een prijs (€ 12, 12 euro, $5) of een kortingspercentage (20% korting, 20% off).",
            tags.join(", "),
            nl.join(", "),
            en.join(", ")
        )
    }

    fn promo_metrics(&mut self) {
        let lang = self.lang();
        let Some(pr) = &self.a.promo else { return };
        let (own, promo, _) = pr.total(true);
        let rules = self.promo_rules_text();
        let max = lang.pct(self.s.promo_max_share, 0);
        self.b.metric(
            "self_promotion",
            self.b.t("Self-promotional posts", "Posts met zelfpromotie"),
            (own > 0).then(|| promo as f64 / own as f64 * 100.0),
            if own > 0 {
                of(lang, promo, own, "of your own posts", "van je eigen posts")
            } else {
                self.b.t(
                    "not computable: your accounts wrote no posts of their own in the period",
                    "niet te berekenen: je accounts schreven geen eigen posts in de periode",
                )
            },
            "%",
            tr!(
                lang,
                "Your own posts (originals and quotes, not replies or reposts) in the period that are self-promotional ÷ all your own posts. {rules} Guideline: at most {max} (promo_max_share; the practitioners' 80/20 rule — one post in five sells, the others inform, help or entertain)."
                ,
                "Je eigen posts (originelen en citaten, geen reacties of doorgeplaatste posts) in de periode die zelfpromotie zijn ÷ al je eigen posts. {rules} Richtlijn: hooguit {max} (promo_max_share; de 80/20-vuistregel uit de praktijk — één post op de vijf verkoopt, de rest informeert, helpt of vermaakt)."
            ),
        );
        let (c_own, c_promo, _) = pr.total(false);
        if pr.accounts.iter().any(|a| !a.brand) {
            self.b.metric(
                "competitor_self_promotion",
                self.b.t(
                    "Competitors' self-promotional posts",
                    "Posts met zelfpromotie van concurrenten",
                ),
                (c_own > 0).then(|| c_promo as f64 / c_own as f64 * 100.0),
                if c_own > 0 {
                    of(lang, c_promo, c_own, "of their own posts", "van hun eigen posts")
                } else {
                    self.b.t(
                        "not computable: your competitors wrote no posts of their own in the period",
                        "niet te berekenen: je concurrenten schreven geen eigen posts in de periode",
                    )
                },
                "%",
                self.b.t(
                    "The same share for your competitors' accounts ([report] competitors), with the same rules (their own site and hashtags are not known, so rules 3 and 4 carry them): a yardstick for yours.",
                    "Hetzelfde aandeel voor de accounts van je concurrenten ([report] competitors), met dezelfde regels (hun eigen site en hashtags zijn niet bekend, dus regels 3 en 4 tellen voor hen): een maatstaf voor het jouwe.",
                ),
            );
        }
    }

    fn promo_table(&mut self) {
        let lang = self.lang();
        let Some(pr) = &self.a.promo else { return };
        if pr.accounts.iter().all(|a| a.own_posts == 0) {
            return;
        }
        let comp = self.b.t(" (competitor)", " (concurrent)");
        let rows: Vec<Vec<String>> = pr
            .accounts
            .iter()
            .map(|a| {
                let mut name = self.label(a.account);
                if !a.brand {
                    name.push_str(&comp);
                }
                let mut row = vec![
                    name,
                    lang.int(a.own_posts),
                    lang.int(a.promotional),
                    a.share().map_or_else(|| "–".into(), |x| lang.pct(x, 0)),
                ];
                row.extend(a.by_rule.iter().map(|&n| lang.int(n)));
                row
            })
            .collect();
        let mut columns = vec![
            self.b.t("Account", "Account"),
            self.b.t("Own posts", "Eigen posts"),
            self.b.t("Self-promotional", "Zelfpromotie"),
            self.b.t("Share", "Aandeel"),
        ];
        columns.extend(Rule::ALL.iter().map(|&r| rule_name(lang, r).to_string()));
        self.b.sec.tables.push(Table {
            id: "self-promotion".into(),
            title: self.b.t("Self-presentation per account", "Zelfpresentatie per account"),
            columns,
            numeric: vec![false, true, true, true, true, true, true, true],
            rows,
            note: Some(self.b.t(
                "Own posts: originals and quotes in the period. The last four columns count each self-promotional post once, under the first rule it meets (see the definition of “Self-promotional posts”).",
                "Eigen posts: originelen en citaten in de periode. De laatste vier kolommen tellen elke post met zelfpromotie één keer, bij de eerste regel waaraan hij voldoet (zie de definitie van „Posts met zelfpromotie”).",
            )),
        });
        let listed: Vec<_> = pr.accounts.iter().filter(|a| a.own_posts > 0).collect();
        self.b.sec.charts.push(Chart {
            id: "self-promotion".into(),
            title: self.b.t("Self-promotion per account", "Zelfpromotie per account"),
            description: tr!(
                lang,
                "Share of each account's own posts that are self-promotional; the guideline is at most {}.",
                "Aandeel van de eigen posts van elk account dat zelfpromotie is; de richtlijn is hooguit {}.",
                lang.pct(self.s.promo_max_share, 0)
            ),
            x_label: self.b.t("account", "account"),
            y_label: self.b.t("% of own posts", "% van de eigen posts"),
            kind: ChartKind::Bar {
                categories: listed.iter().map(|a| self.label(a.account)).collect(),
                series: vec![Series {
                    name: self.b.t("self-promotional", "zelfpromotie"),
                    values: listed
                        .iter()
                        .map(|a| a.share().unwrap_or(0.0) * 100.0)
                        .collect(),
                }],
            },
        });
    }

    fn visibility(&mut self) {
        let lang = self.lang();
        let Some(v) = &self.a.visibility else { return };
        let (pub_all, pub_brand) = v.public();
        self.b.metric(
            "public_share",
            self.b.t("Public posts", "Openbare posts"),
            (v.total > 0).then(|| pub_all as f64 / v.total as f64 * 100.0),
            of(lang, pub_all, v.total, "posts", "posts"),
            "%",
            self.b.t(
                "Posts in the period whose visibility column says public or unlisted (an empty cell counts as public) ÷ all posts in the period.",
                "Posts in de periode waarvan de kolom visibility openbaar of niet-vermeld (unlisted) zegt (een lege cel telt als openbaar) ÷ alle posts in de periode.",
            ),
        );
        if self.has_brand() {
            self.b.metric(
                "brand_public_share",
                self.b.t("Your public posts", "Je openbare posts"),
                (v.brand_total > 0).then(|| pub_brand as f64 / v.brand_total as f64 * 100.0),
                of(lang, pub_brand, v.brand_total, "posts", "posts"),
                "%",
                self.b.t(
                    "The same share for the posts of your own accounts.",
                    "Hetzelfde aandeel voor de posts van je eigen accounts.",
                ),
            );
        }
        let has_brand = self.has_brand();
        let rows: Vec<Vec<String>> = v
            .values
            .iter()
            .map(|(name, all, brand)| {
                let shown = if name.is_empty() {
                    lang.pick("(empty)", "(leeg)").to_string()
                } else {
                    safe_excerpt(name, 30)
                };
                let mut row = vec![shown, frac(lang, *all, v.total)];
                if has_brand {
                    row.push(frac(lang, *brand, v.brand_total));
                }
                row
            })
            .collect();
        let mut columns = vec![
            self.b.t("Visibility", "Zichtbaarheid"),
            self.b.t("All posts", "Alle posts"),
        ];
        let mut numeric = vec![false, true];
        if has_brand {
            columns.push(self.b.t("Your posts", "Je posts"));
            numeric.push(true);
        }
        self.b.sec.tables.push(Table {
            id: "visibility".into(),
            title: self.b.t("Post visibility", "Zichtbaarheid van posts"),
            columns,
            numeric,
            rows,
            note: Some(self.b.t(
                "From the visibility column of the posts table, posts in the period.",
                "Uit de kolom visibility van de posts-tabel, posts in de periode.",
            )),
        });
    }

    // ---- columns -----------------------------------------------------------------------

    fn columns(&mut self) {
        let a = self.a;
        let cx = self.cx;
        let n_acc = cx.data.accounts.len();
        let p = &a.profiles;
        let cols = &mut self.b.sec.entity_columns;
        if p.n_available() > 0 {
            cols.push(EntityColumn::floats(
                Entity::Account,
                "profile_completeness",
                p.completeness.clone(),
                3,
            ));
            // Labels: every combination of missing fields that occurs, in order of first use.
            let mut labels: Vec<String> = Vec::new();
            let mut code_of: [u32; 64] = [u32::MAX; 64];
            let codes: Vec<u32> = (0..n_acc)
                .map(|i| {
                    if !cx.data.accounts[i].declared {
                        return u32::MAX;
                    }
                    let m = (p.missing[i] & 63) as usize;
                    if code_of[m] == u32::MAX {
                        code_of[m] = labels.len() as u32;
                        let names: Vec<&str> = Field::ALL
                            .into_iter()
                            .filter(|f| m & (1 << *f as usize) != 0)
                            .map(Field::column)
                            .collect();
                        labels.push(if names.is_empty() {
                            "none".into()
                        } else {
                            names.join(" ")
                        });
                    }
                    code_of[m]
                })
                .collect();
            cols.push(EntityColumn::categories(
                Entity::Account,
                "profile_missing",
                labels,
                codes,
            ));
        }
        if let Some(pii) = &a.pii {
            cols.push(EntityColumn::ints(
                Entity::Account,
                "personal_data_posts",
                pii.per_author.iter().map(|&c| Some(c as i64)).collect(),
            ));
            let labels: Vec<String> = (0..16u32).map(kinds_label).collect();
            cols.push(EntityColumn::categories(
                Entity::Post,
                "personal_data",
                labels,
                pii.post_kinds.clone(),
            ));
        }
        if let Some(pr) = &a.promo {
            let mut share: Vec<Option<f64>> = vec![None; n_acc];
            for acc in &pr.accounts {
                share[acc.account as usize] = acc.share();
            }
            cols.push(EntityColumn::floats(
                Entity::Account,
                "self_promotion_share",
                share,
                3,
            ));
            let mut codes = vec![u32::MAX; cx.data.posts.len()];
            for &(i, yes) in &pr.per_post {
                codes[i as usize] = if yes { 0 } else { 1 };
            }
            cols.push(EntityColumn::categories(
                Entity::Post,
                "self_promotion",
                vec!["true".into(), "false".into()],
                codes,
            ));
        }
    }

    // ---- findings and advice -----------------------------------------------------------

    fn profile_advice(&mut self) {
        let lang = self.lang();
        if !self.has_brand() || self.a.profiles.n_available() == 0 {
            return;
        }
        let mut gaps: Vec<String> = Vec::new();
        let mut n_missing = 0usize;
        for &b in &self.a.brand {
            if !self.cx.data.accounts[b as usize].declared {
                continue;
            }
            let miss = self.a.profiles.missing_fields(b);
            if !miss.is_empty() {
                n_missing += miss.len();
                gaps.push(tr!(
                    lang,
                    "the {} of {}",
                    "de {} van {}",
                    self.fields_text(&miss),
                    self.label(b)
                ));
            }
        }
        if gaps.is_empty() {
            return;
        }
        let list = lang.join_and(&gaps);
        self.b.finding(
            Severity::Warning,
            tr!(
                lang,
                "Your own profiles leave {} empty: {list}.",
                "Je eigen profielen laten {} leeg: {list}.",
                count(
                    lang,
                    n_missing as u64,
                    ("field", "veld"),
                    ("fields", "velden")
                )
            ),
            &["brand_completeness"],
        );
        let mut action = tr!(lang, "Fill in {list}.", "Vul {list} in.");
        if let Some(c) = action.get(..1) {
            action = c.to_uppercase() + &action[1..];
        }
        self.b.recommend(
            Priority::Medium,
            action,
            tr!(
                lang,
                "Your profile is the first thing a new follower or customer checks: a name, picture, short description, link and location tell who you are, where to find you and that you are real. Your profiles are {} complete.",
                "Je profiel is het eerste wat een nieuwe volger of klant bekijkt: een naam, foto, korte beschrijving, link en locatie vertellen wie je bent, waar je te vinden bent en dat je echt bent. Je profielen zijn voor {} volledig.",
                self.a.brand_completeness().map_or_else(|| "–".into(), |c| lang.pct(c, 0))
            ),
            &["brand_completeness", "profile_completeness"],
        );
    }

    fn consistency_advice(&mut self) {
        let lang = self.lang();
        let bad: Vec<&Check> = self
            .a
            .checks
            .iter()
            .filter(|c| c.outcome.counts() == Some(false))
            .collect();
        if bad.is_empty() {
            return;
        }
        let mut attrs: Vec<Attr> = bad.iter().map(|c| c.attr).collect();
        attrs.sort();
        attrs.dedup();
        let names: Vec<String> = attrs
            .iter()
            .map(|&a| attr_name(lang, a).to_string())
            .collect();
        let list = lang.join_and(&names);
        let (n, k) = self.a.consistency();
        let share = lang.pct(k as f64 / n.max(1) as f64, 0);
        self.b.finding(
            if k * 2 < n { Severity::Warning } else { Severity::Info },
            tr!(
                lang,
                "Your accounts do not present you the same way: they differ in {list} ({} of {} comparisons consistent, {share}).",
                "Je accounts laten je niet op dezelfde manier zien: ze verschillen in {list} ({} van {} vergelijkingen consistent, {share}).",
                lang.int(k),
                lang.int(n)
            ),
            &["consistency", "inconsistencies"],
        );
        let accounts: Vec<String> = self
            .a
            .brand
            .iter()
            .take(NAMES)
            .map(|&b| self.label(b))
            .collect();
        let acc = lang.join_and(&accounts);
        let soft: Vec<String> = attrs
            .iter()
            .filter(|&&a| a != Attr::Handle)
            .map(|&a| attr_name(lang, a).to_string())
            .collect();
        if !soft.is_empty() {
            let soft_list = lang.join_and(&soft);
            self.b.recommend(
                Priority::Medium,
                tr!(
                    lang,
                    "Use one {soft_list} on {acc}.",
                    "Gebruik één {soft_list} op {acc}."
                ),
                self.b.t(
                    "People who meet you on one platform should recognise you on the next: the same name, the same picture and the same one-line description, and links to the same site, make the accounts visibly one business and make impostor accounts stand out. Adapt the tone per platform, not who you are. What differs is in the table “What differs between your profiles”.",
                    "Wie je op het ene platform tegenkomt, moet je op het volgende herkennen: dezelfde naam, dezelfde foto en dezelfde korte beschrijving, en links naar dezelfde site, maken van je accounts zichtbaar één bedrijf en laten nepaccounts opvallen. Pas de toon aan per platform, niet wie je bent. Wat verschilt staat in de tabel „Wat verschilt tussen je profielen”.",
                ),
                &["consistency", "inconsistencies"],
            );
        }
        if attrs.contains(&Attr::Handle) {
            self.b.recommend(
                Priority::Low,
                tr!(
                    lang,
                    "Claim the same handle on every platform, or the closest free one, for {acc}.",
                    "Claim dezelfde handle op elk platform, of de dichtstbijzijnde vrije, voor {acc}."
                ),
                self.b.t(
                    "A handle is how people find and tag you; one that differs per platform is easy to get wrong. Renaming an existing account breaks old links, so weigh it against the account's age and followers.",
                    "Met een handle vinden en taggen mensen je; een handle die per platform verschilt, gaat snel mis. Een bestaand account hernoemen breekt oude links, dus weeg het af tegen de leeftijd en de volgers van het account.",
                ),
                &["consistency"],
            );
        }
    }

    fn privacy_rules(&self) -> String {
        self.b.t(
            "A rule set for everyone who posts for you should cover at least: (1) never put a customer's or colleague's name together with an order number, e-mail address, phone number, home address or bank details in a public post or reply; (2) as soon as personal data is needed, move to a private channel (direct message, e-mail, phone) and say so publicly: “we've sent you a message”; (3) in public use only your own business contact details (an address at your own domain, your business number); (4) when someone posts their own contact or bank details in a reply to you, hide or delete that reply where the platform allows it and tell them privately why; (5) never repost, quote or screenshot posts, receipts or screens that show someone's personal data; (6) when it goes wrong, delete the post within the hour, tell the person, and note it: a leak of personal data is a data breach under the GDPR (AVG), which you may have to report to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens) within 72 hours (art. 33); (7) name who posts and who checks, and go through this section of the report every month.",
            "Een set regels voor iedereen die namens je post, moet minstens regelen: (1) zet nooit de naam van een klant of collega samen met een bestelnummer, e-mailadres, telefoonnummer, woonadres of bankgegevens in een openbare post of reactie; (2) zijn er persoonsgegevens nodig, ga dan naar een besloten kanaal (privébericht, e-mail, telefoon) en zeg dat openbaar: „we hebben je een bericht gestuurd”; (3) gebruik openbaar alleen je eigen zakelijke contactgegevens (een adres op je eigen domein, je zakelijke nummer); (4) zet iemand zijn eigen contact- of bankgegevens in een reactie aan jou, verberg of verwijder die reactie als het platform dat toelaat en leg privé uit waarom; (5) deel, citeer of screenshot nooit posts, bonnetjes of schermen waarop iemands persoonsgegevens staan; (6) gaat het mis, verwijder de post binnen het uur, laat het de persoon weten en leg het vast: een gelekt persoonsgegeven is een datalek onder de AVG, dat je mogelijk binnen 72 uur moet melden bij de Autoriteit Persoonsgegevens (art. 33); (7) spreek af wie post en wie controleert, en loop dit deel van het rapport elke maand door.",
        )
    }

    fn pii_advice(&mut self, pii: &Pii) {
        let lang = self.lang();
        let cx = self.cx;
        let d = pii.disclosures();
        if d > 0 {
            let first: Vec<String> = pii
                .posts
                .iter()
                .filter(|p| p.discloses())
                .take(NAMES)
                .map(|p| {
                    let post = &cx.data.posts[p.post as usize];
                    format!("{} ({})", post.id, self.label(post.author))
                })
                .collect();
            let ids = lang.join_and(&first);
            let kinds = pii
                .posts
                .iter()
                .filter(|p| p.discloses())
                .fold(0u8, |m, p| {
                    m | Kind::ALL
                        .into_iter()
                        .filter(|k| p.foreign[k.index()] > 0)
                        .fold(0, |m, k| m | k.bit())
                });
            let what = self.kinds_text(kinds);
            self.b.finding(
                Severity::Critical,
                if d == 1 {
                    tr!(
                        lang,
                        "One of your own public posts shows personal data that is not your own business contact details ({what}): post {ids}.",
                        "Een van je eigen openbare posts toont persoonsgegevens die niet je eigen zakelijke contactgegevens zijn ({what}): post {ids}."
                    )
                } else {
                    tr!(
                        lang,
                        "{} of your own public posts show personal data that is not your own business contact details ({what}), first: {ids}.",
                        "{} van je eigen openbare posts tonen persoonsgegevens die niet je eigen zakelijke contactgegevens zijn ({what}), eerst: {ids}.",
                        lang.int(d)
                    )
                },
                &["brand_disclosures"],
            );
            self.b.recommend(
                Priority::High,
                if d == 1 {
                    tr!(
                        lang,
                        "Delete or edit post {ids} today, and tell the person whose data it shows.",
                        "Verwijder of bewerk post {ids} vandaag, en laat het de persoon weten van wie de gegevens zijn."
                    )
                } else {
                    tr!(
                        lang,
                        "Delete or edit your {} posts with someone else's personal data today, starting with {ids}, and tell the people whose data they show.",
                        "Verwijder of bewerk vandaag je {} posts met persoonsgegevens van een ander, te beginnen met {ids}, en laat het de mensen weten van wie de gegevens zijn.",
                        lang.int(d)
                    )
                },
                self.b.t(
                    "Anyone can copy a public post, and search engines and archives keep it. Personal data in your own post is your responsibility under the GDPR (AVG); it may count as a data breach you have to record, and report when there is a risk to the person.",
                    "Iedereen kan een openbare post kopiëren, en zoekmachines en archieven bewaren hem. Persoonsgegevens in je eigen post zijn jouw verantwoordelijkheid onder de AVG; het kan een datalek zijn dat je moet vastleggen, en melden als er risico is voor de persoon.",
                ),
                &["brand_disclosures"],
            );
        }
        let au = pii.audience_posts();
        if au > 0 && self.has_brand() {
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "{} by other people show personal data in public ({} of their checked posts).",
                    "{} van anderen tonen openbaar persoonsgegevens ({} van hun gecontroleerde posts).",
                    count(lang, au, ("post", "post"), ("posts", "posts")),
                    share(lang, au, pii.scanned - pii.brand_scanned)
                ),
                &["audience_personal_data"],
            );
        } else if !pii.posts.is_empty() && !self.has_brand() {
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "{} show personal data in public.",
                    "{} tonen openbaar persoonsgegevens.",
                    of(
                        lang,
                        pii.posts.len() as u64,
                        pii.scanned,
                        "checked posts",
                        "gecontroleerde posts"
                    )
                ),
                &["personal_data_posts"],
            );
        }
        if pii.posts.is_empty() {
            return;
        }
        let found: Vec<String> = Kind::ALL
            .into_iter()
            .filter(|k| pii.items[k.index()] > 0)
            .map(|k| items(lang, pii.items[k.index()], k))
            .collect();
        let why = tr!(
            lang,
            "The public posts checked hold {} in {}{}. {}",
            "De gecontroleerde openbare posts bevatten {} in {}{}. {}",
            lang.join_and(&found),
            count(
                lang,
                pii.posts.len() as u64,
                ("post", "post"),
                ("posts", "posts")
            ),
            if d > 0 {
                tr!(
                    lang,
                    ", {} of them your own",
                    ", waarvan {} van jezelf",
                    lang.int(d)
                )
            } else {
                String::new()
            },
            self.privacy_rules()
        );
        self.b.recommend(
            if d > 0 {
                Priority::High
            } else {
                Priority::Medium
            },
            self.b.t(
                "Write down privacy rules for everyone who posts for you, and train them on it.",
                "Leg privacyregels vast voor iedereen die namens je post, en train ze erin.",
            ),
            why,
            &[
                "brand_disclosures",
                "personal_data_posts",
                "audience_personal_data",
                "emails",
                "phone_numbers",
                "ibans",
                "addresses",
            ],
        );
    }

    fn promo_advice(&mut self) {
        let lang = self.lang();
        let Some(pr) = &self.a.promo else { return };
        let (own, promo, by_rule) = pr.total(true);
        if own < PROMO_MIN_POSTS {
            return;
        }
        let share = promo as f64 / own as f64;
        let max = self.s.promo_max_share;
        let top = Rule::ALL
            .into_iter()
            .max_by_key(|r| (by_rule[*r as usize], std::cmp::Reverse(*r as usize)))
            .filter(|r| by_rule[*r as usize] > 0);
        let (c_own, c_promo, _) = pr.total(false);
        let compare = if c_own >= PROMO_MIN_POSTS {
            tr!(
                lang,
                " Your competitors: {}.",
                " Je concurrenten: {}.",
                lang.pct(c_promo as f64 / c_own as f64, 0)
            )
        } else {
            String::new()
        };
        if share > max {
            let via = top.map_or_else(String::new, |r| {
                tr!(
                    lang,
                    " Most often through {}.",
                    " Meestal via {}.",
                    rule_name(lang, r)
                )
            });
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "{} of your own posts promote yourself, more than the guideline of {}.{via}{compare}",
                    "{} van je eigen posts promoten jezelf, meer dan de richtlijn van {}.{via}{compare}",
                    lang.pct(share, 0),
                    lang.pct(max, 0)
                ),
                &["self_promotion", "competitor_self_promotion"],
            );
            self.b.recommend(
                Priority::Medium,
                tr!(
                    lang,
                    "Sell in at most {} of your posts; fill the rest with how you work, tips, stories of customers and answers to questions.",
                    "Verkoop in hooguit {} van je posts; vul de rest met hoe je werkt, tips, verhalen van klanten en antwoorden op vragen.",
                    lang.pct(max, 0)
                ),
                tr!(
                    lang,
                    "Now {} of your own posts are self-promotional. An account that mostly advertises is followed less and shared less; useful and personal posts build the identity that makes the occasional offer work.",
                    "Nu is {} van je eigen posts zelfpromotie. Een account dat vooral reclame maakt, wordt minder gevolgd en minder gedeeld; nuttige en persoonlijke posts bouwen de identiteit waardoor een aanbieding af en toe wél werkt.",
                    lang.pct(share, 0)
                ),
                &["self_promotion", "competitor_self_promotion"],
            );
        } else if share < PROMO_LOW {
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "Only {} of your own posts point to what you sell (your site, an offer, a price).{compare}",
                    "Maar {} van je eigen posts wijzen op wat je verkoopt (je site, een aanbieding, een prijs).{compare}",
                    lang.pct(share, 0)
                ),
                &["self_promotion"],
            );
            self.b.recommend(
                Priority::Low,
                self.b.t(
                    "Now and then say plainly what you offer and link to your site.",
                    "Zeg af en toe gewoon wat je aanbiedt en link naar je site.",
                ),
                tr!(
                    lang,
                    "Only {} of your own posts do so; followers who like your posts may not know where to buy. One post in five or six is room enough.",
                    "Maar {} van je eigen posts doen dat; volgers die je posts waarderen weten misschien niet waar ze kunnen kopen. Eén post op de vijf of zes is ruimte genoeg.",
                    lang.pct(share, 0)
                ),
                &["self_promotion"],
            );
        }
    }

    fn visibility_advice(&mut self) {
        let lang = self.lang();
        let Some(v) = &self.a.visibility else { return };
        if !self.has_brand() || v.brand_total == 0 {
            return;
        }
        let (_, pub_brand) = v.public();
        let hidden = v.brand_total - pub_brand;
        if hidden * 5 > v.brand_total {
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "{} of your posts are not public (followers only or direct): they do not reach new people.",
                    "{} van je posts zijn niet openbaar (alleen volgers of direct): ze bereiken geen nieuwe mensen.",
                    frac(lang, hidden, v.brand_total)
                ),
                &["brand_public_share"],
            );
        }
    }

    // ---- missing, score, summary -------------------------------------------------------

    fn missing(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        if !cx.data.has_table(honeycomb_core::TableKind::Accounts)
            && cx.data.accounts.iter().all(|x| !x.declared)
        {
            self.b.missing(
                self.b.t(
                    "Profile completeness and cross-platform consistency",
                    "Volledigheid van profielen en consistentie tussen platforms",
                ),
                self.b.t(
                    "accounts.csv with id, handle, display_name, bio, avatar, url, location",
                    "accounts.csv met id, handle, display_name, bio, avatar, url, location",
                ),
            );
        } else {
            let absent: Vec<Field> = Field::ALL
                .into_iter()
                .filter(|f| !a.profiles.available[*f as usize])
                .collect();
            if !absent.is_empty() && cx.data.has_table(honeycomb_core::TableKind::Accounts) {
                let names = self.fields_text(&absent);
                let cols: Vec<&str> = absent.iter().map(|f| f.column()).collect();
                self.b.missing(
                    tr!(
                        lang,
                        "The {names} of profiles (completeness and consistency are computed without them)",
                        "De {names} van profielen (volledigheid en consistentie zijn zonder berekend)"
                    ),
                    tr!(
                        lang,
                        "the column(s) {} in accounts.csv",
                        "de kolom(men) {} in accounts.csv",
                        cols.join(", ")
                    ),
                );
            }
        }
        if !self.has_brand() {
            self.b.missing(
                self.b.t(
                    "Your own profiles, their consistency across platforms, your posts that disclose personal data, and your self-promotion (and the score)",
                    "Je eigen profielen, hun consistentie tussen platforms, je posts die persoonsgegevens tonen, en je zelfpromotie (en de score)",
                ),
                self.b.t(
                    "name your accounts in honeycomb.toml: [report] brand = [\"@you\"]",
                    "noem je accounts in honeycomb.toml: [report] brand = [\"@je\"]",
                ),
            );
        } else if a.brand.len() == 1 {
            self.b.missing(
                self.b.t(
                    "Cross-platform consistency: it needs two or more of your accounts",
                    "Consistentie tussen platforms: daarvoor zijn twee of meer van je accounts nodig",
                ),
                self.b.t(
                    "your accounts on other platforms in accounts.csv and in [report] brand",
                    "je accounts op andere platforms in accounts.csv en in [report] brand",
                ),
            );
        }
        let unresolved = cx.brand_unresolved();
        if !unresolved.is_empty() {
            let names = unresolved.join(", ");
            self.b.missing(
                tr!(
                    lang,
                    "Brand accounts not found in the data: {names}",
                    "Merkaccounts niet gevonden in de data: {names}"
                ),
                self.b.t(
                    "check report.brand in honeycomb.toml against the account ids or handles in accounts.csv and posts.csv",
                    "controleer report.brand in honeycomb.toml tegen de account-ids of handles in accounts.csv en posts.csv",
                ),
            );
        }
        let no_row: Vec<String> = a
            .brand
            .iter()
            .filter(|&&b| !cx.data.accounts[b as usize].declared)
            .map(|&b| self.label(b))
            .collect();
        if !no_row.is_empty() {
            self.b.missing(
                tr!(
                    lang,
                    "The profile of {}",
                    "Het profiel van {}",
                    lang.join_and(&no_row)
                ),
                self.b.t(
                    "a row per brand account in accounts.csv",
                    "een rij per merkaccount in accounts.csv",
                ),
            );
        }
        if !a.has_text {
            self.b.missing(
                self.b.t(
                    "Personal data in public posts, and promotional words in your posts",
                    "Persoonsgegevens in openbare posts, en verkoopwoorden in je posts",
                ),
                self.b
                    .t("the text column in posts.csv", "de kolom text in posts.csv"),
            );
        }
        if a.visibility.is_none() {
            self.b.missing(
                self.b.t(
                    "Post visibility mix (public, followers only, direct); all posts are taken as public",
                    "Verdeling van de zichtbaarheid van posts (openbaar, alleen volgers, direct); alle posts gelden als openbaar",
                ),
                self.b.t(
                    "a visibility column in posts.csv (public, unlisted, followers, direct)",
                    "een kolom visibility in posts.csv (public, unlisted, followers, direct)",
                ),
            );
        }
    }

    fn score(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if !self.has_brand() {
            return;
        }
        let mut parts: Vec<(f64, f64, String)> = Vec::new();
        if let Some(c) = a.brand_completeness() {
            parts.push((
                W_COMPLETE,
                c,
                tr!(
                    lang,
                    "{W_COMPLETE} × completeness of your profiles ({})",
                    "{W_COMPLETE} × volledigheid van je profielen ({})",
                    lang.pct(c, 0)
                ),
            ));
        }
        let (n, k) = a.consistency();
        if n > 0 {
            let c = k as f64 / n as f64;
            parts.push((
                W_CONSISTENT,
                c,
                tr!(
                    lang,
                    "{W_CONSISTENT} × consistency across platforms ({})",
                    "{W_CONSISTENT} × consistentie tussen platforms ({})",
                    lang.pct(c, 0)
                ),
            ));
        }
        if let Some(p) = &a.pii
            && p.brand_scanned > 0
        {
            let d = p.disclosures();
            let v = 1.0 / (1.0 + d as f64);
            parts.push((
                W_PRIVACY,
                v,
                tr!(
                    lang,
                    "{W_PRIVACY} × privacy, 1 ÷ (1 + your posts with others' personal data) = 1 ÷ {}",
                    "{W_PRIVACY} × privacy, 1 ÷ (1 + je posts met persoonsgegevens van anderen) = 1 ÷ {}",
                    1 + d
                ),
            ));
        }
        if let Some(pr) = &a.promo {
            let (own, promo, _) = pr.total(true);
            if own > 0 {
                let share = promo as f64 / own as f64;
                let max = self.s.promo_max_share;
                let v = if share <= max || max >= 1.0 {
                    1.0
                } else {
                    1.0 - (share - max) / (1.0 - max)
                };
                parts.push((
                    W_PROMO,
                    v,
                    tr!(
                        lang,
                        "{W_PROMO} × self-presentation (1 up to {} self-promotion, falling to 0 at 100%; now {})",
                        "{W_PROMO} × zelfpresentatie (1 tot {} zelfpromotie, aflopend naar 0 bij 100%; nu {})",
                        lang.pct(max, 0),
                        lang.pct(share, 0)
                    ),
                ));
            }
        }
        if parts.is_empty() {
            return;
        }
        let w: f64 = parts.iter().map(|p| p.0).sum();
        let value = 100.0 * parts.iter().map(|p| p.0 * p.1).sum::<f64>() / w;
        let terms: Vec<String> = parts.iter().map(|p| p.2.clone()).collect();
        let rule = tr!(
            lang,
            "{}, divided by the weights present ({}); parts that cannot be computed drop out; strong from {STRONG}, weak below {WEAK}",
            "{}, gedeeld door de aanwezige gewichten ({}); onderdelen die niet te berekenen zijn vallen weg; sterk vanaf {STRONG}, zwak onder {WEAK}",
            terms.join(" + "),
            w
        );
        let verdict = if a.pii.as_ref().is_some_and(|p| p.disclosures() > 0) {
            self.b.t(
                "Your posts show others' personal data: fix that first",
                "Je posts tonen persoonsgegevens van anderen: los dat eerst op",
            )
        } else if value >= STRONG {
            self.b.t(
                "A clear, consistent and careful identity",
                "Een duidelijke, consistente en zorgvuldige identiteit",
            )
        } else if value >= WEAK {
            self.b.t("Recognisable, with gaps", "Herkenbaar, met gaten")
        } else {
            self.b.t(
                "Your identity is unclear or inconsistent",
                "Je identiteit is onduidelijk of inconsistent",
            )
        };
        self.b.score(value, rule, verdict);
    }

    fn summary(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let p = &a.profiles;
        let mut parts: Vec<String> = Vec::new();
        match p.mean {
            Some(m) => parts.push(tr!(
                lang,
                "{} are complete (mean completeness {}).",
                "{} zijn volledig (gemiddelde volledigheid {}).",
                of(lang, p.complete, p.declared, "profiles", "profielen"),
                lang.pct(m, 0)
            )),
            None => parts.push(self.b.t(
                "The data has no profile fields.",
                "De data heeft geen profielvelden.",
            )),
        }
        if let Some(c) = a.brand_completeness() {
            parts.push(tr!(
                lang,
                "Your own profiles are {} complete.",
                "Je eigen profielen zijn voor {} volledig.",
                lang.pct(c, 0)
            ));
        }
        let (n, k) = a.consistency();
        if n > 0 {
            parts.push(tr!(
                lang,
                "Your {} accounts agree on {} compared attributes.",
                "Je {} accounts komen overeen op {} vergeleken kenmerken.",
                a.brand.len(),
                frac(lang, k, n)
            ));
        }
        if let Some(pii) = &a.pii {
            if pii.posts.is_empty() {
                parts.push(tr!(
                    lang,
                    "No personal data was found in {} checked public posts.",
                    "In {} gecontroleerde openbare posts zijn geen persoonsgegevens gevonden.",
                    lang.int(pii.scanned)
                ));
            } else {
                let found: Vec<String> = Kind::ALL
                    .into_iter()
                    .filter(|k| pii.items[k.index()] > 0)
                    .map(|k| items(lang, pii.items[k.index()], k))
                    .collect();
                parts.push(tr!(
                    lang,
                    "{} show personal data ({}, shown masked only).",
                    "{} tonen persoonsgegevens ({}, alleen gemaskeerd getoond).",
                    of(
                        lang,
                        pii.posts.len() as u64,
                        pii.scanned,
                        "public posts",
                        "openbare posts"
                    ),
                    lang.join_and(&found)
                ));
                let d = pii.disclosures();
                if d == 1 {
                    parts.push(self.b.t(
                        "One of them is your own post showing someone else's data.",
                        "Daarvan is er één je eigen post met gegevens van een ander.",
                    ));
                } else if d > 1 {
                    parts.push(tr!(
                        lang,
                        "{} of them are your own posts showing someone else's data.",
                        "Daarvan zijn er {} je eigen posts met gegevens van een ander.",
                        lang.int(d)
                    ));
                }
            }
        }
        if let Some(pr) = &a.promo {
            let (own, promo, _) = pr.total(true);
            if own > 0 {
                parts.push(tr!(
                    lang,
                    "{} promote yourself.",
                    "{} promoten jezelf.",
                    of(lang, promo, own, "of your own posts", "van je eigen posts")
                ));
            }
        }
        self.b.sec.summary = parts.join(" ");
    }
}

/// Builds the section.
pub fn build(cx: &Context<'_>, s: &Settings, a: &Analysis) -> Section {
    let title = cx.t("Identity", "Identiteit").to_string();
    let mut r = Report {
        cx,
        s,
        a,
        b: SectionBuilder::new("identity", title, cx.lang),
        clock: LocalClock::new(cx.tz.clone()),
    };
    r.profile_metrics();
    r.consistency_metrics();
    if let Some(pii) = &a.pii {
        r.pii_metrics(pii);
    }
    r.promo_metrics();
    r.visibility();
    r.profile_table();
    r.brand_profile_table();
    r.consistency_table();
    if let Some(pii) = &a.pii {
        r.pii_table(pii);
    }
    r.promo_table();
    r.columns();
    if let Some(pii) = &a.pii {
        r.pii_advice(pii);
    }
    r.profile_advice();
    r.consistency_advice();
    r.promo_advice();
    r.visibility_advice();
    r.missing();
    // The metrics compared with the previous period at the top of the report.
    r.b.headline("profile_completeness", Better::Higher);
    r.b.headline("brand_completeness", Better::Higher);
    r.b.headline("personal_data_posts", Better::Lower);
    r.b.headline("self_promotion", Better::Lower);
    r.score();
    r.summary();
    r.b.finish()
}
