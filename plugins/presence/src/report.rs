//! Turns the numbers of [`crate::analysis`] into the section: metrics with definitions,
//! charts, the best-times table, findings, recommendations, missing data, the score and the
//! summary — plain text in the report language, numbers formatted by [`Lang`].

use crate::analysis::{
    Basis, BestTimes, DAY, Locations, OUTSIDE, Online, Pass, Peak, Regularity, SLOTS, Window,
    has_presence, online_intervals, ratio, window,
};
use crate::settings::Settings;
use honeycomb_core::{
    Better, Chart, ChartKind, Context, Entity, EntityColumn, Finding, Headline, Lang, Metric,
    Missing, Priority, Recommendation, Score, Section, Series, Severity, Table, tr,
};

/// English short weekday names for `metrics/posts.csv` (stable across report languages).
const WEEKDAYS_CSV: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/// Thresholds behind findings and recommendations (documented in their texts).
const LOW_ACTIVE_WEEKS: f64 = 0.8;
const LONG_SILENCE_DAYS: f64 = 14.0;
const BURSTY_CV: f64 = 1.5;
const LOW_REACH: f64 = 0.5;
/// A best slot "stands out" when its shrunk estimate is this many times the overall mean.
const STANDOUT_LIFT: f64 = 1.1;

/// Everything computed, in one place.
pub struct Analysis {
    /// The brand's online intervals.
    pub online: Online,
    /// The pass over the posts.
    pub pass: Pass,
    /// The window shares of time refer to.
    pub window: Option<Window>,
    /// The audience's busiest hours.
    pub peak: Option<Peak>,
    /// Best times to post.
    pub best: BestTimes,
    /// The brand's regularity (with brand accounts and a window).
    pub regularity: Option<Regularity>,
    /// Location disclosure.
    pub locations: Locations,
    /// Whether a presence table is present.
    pub has_presence: bool,
    /// Whether brand accounts are configured and found.
    pub has_brand: bool,
}

impl Analysis {
    /// Runs every computation.
    pub fn new(cx: &Context<'_>, s: &Settings) -> Analysis {
        let online = online_intervals(cx);
        let pass = Pass::run(cx, &online);
        let window = window(cx, &pass, &online);
        let peak = Peak::compute(&pass, s.peak_share);
        let best = BestTimes::compute(&pass, s);
        let has_brand = !cx.brand().is_empty();
        let regularity = match window {
            Some(w) if has_brand => Some(Regularity::compute(cx, &pass.brand_times, w)),
            _ => None,
        };
        Analysis {
            locations: Locations::compute(cx),
            has_presence: has_presence(cx),
            online,
            pass,
            window,
            peak,
            best,
            regularity,
            has_brand,
        }
    }

    /// Share of time a brand account was online, when there is a presence log with brand
    /// records and a window.
    pub fn online_share(&self) -> Option<f64> {
        let w = self.window?;
        if !self.has_brand || self.online.brand_records == 0 || w.len() == 0 {
            return None;
        }
        Some(self.online.seconds_in(w) as f64 / w.len() as f64)
    }

    /// Share of inbound audience posts that arrived while a brand account was online.
    pub fn reach(&self) -> Option<f64> {
        if !self.has_brand || self.online.brand_records == 0 {
            return None;
        }
        ratio(self.pass.inbound_online, self.pass.inbound)
    }
}

/// "Tuesday 20:00–21:00".
fn slot_label(lang: Lang, slot: usize) -> String {
    let (wd, h) = (slot / 24 % 7, slot % 24);
    format!("{} {:02}:00–{:02}:00", lang.weekdays()[wd], h, (h + 1) % 24)
}

/// Percentage (0–100) of a share, for `Metric::value` with unit `%`.
fn pct_value(share: Option<f64>) -> Option<f64> {
    share.map(|s| s * 100.0)
}

struct Builder<'c, 'd> {
    cx: &'c Context<'d>,
    lang: Lang,
    s: &'c Settings,
    a: &'c Analysis,
    tz: String,
    sec: Section,
}

impl Builder<'_, '_> {
    fn t(&self, en: &str, nl: &str) -> String {
        self.lang.pick(en, nl).to_string()
    }

    fn metric(
        &mut self,
        key: &str,
        label: String,
        value: Option<f64>,
        display: String,
        unit: &str,
        def: String,
    ) {
        self.sec.metrics.push(Metric {
            key: format!("presence.{key}"),
            label,
            value,
            display,
            unit: unit.to_string(),
            definition: def,
        });
    }

    /// Whether a metric with this key exists and has a value.
    fn known(&self, key: &str) -> bool {
        self.sec.metric(key).is_some_and(|m| m.value.is_some())
    }

    fn no_brand(&self) -> String {
        self.t(
            "not computable: no brand accounts (set report.brand in honeycomb.toml)",
            "niet te berekenen: geen merkaccounts (stel report.brand in honeycomb.toml in)",
        )
    }

    fn no_audience(&self) -> String {
        self.t(
            "not computable: no audience posts in the period",
            "niet te berekenen: geen posts van het publiek in de periode",
        )
    }

    fn finding(&mut self, severity: Severity, text: String, evidence: &[&str]) {
        let evidence = evidence
            .iter()
            .filter(|k| self.known(k))
            .map(|k| k.to_string())
            .collect();
        self.sec.findings.push(Finding {
            severity,
            text,
            evidence,
        });
    }

    fn recommend(&mut self, priority: Priority, action: String, why: String, evidence: &[&str]) {
        let evidence: Vec<String> = evidence
            .iter()
            .filter(|k| self.known(k))
            .map(|k| k.to_string())
            .collect();
        if evidence.is_empty() {
            return;
        }
        self.sec.recommendations.push(Recommendation {
            priority,
            action,
            why,
            evidence,
            block: "presence".to_string(),
        });
    }

    fn missing(&mut self, what: String, add: String) {
        self.sec.missing.push(Missing { what, add });
    }

    // ---------------------------------------------------------------- metrics

    fn volume_metrics(&mut self) {
        let lang = self.lang;
        let p = &self.a.pass;
        let (all, aud, br) = (p.in_period, p.audience_total(), p.brand_total());
        let scope = if self.cx.period.is_some() {
            self.t("in the report period", "in de rapportperiode")
        } else {
            self.t(
                "in the data (no report period is set)",
                "in de data (er is geen rapportperiode ingesteld)",
            )
        };
        let all_s = lang.int(all);
        self.metric(
            "posts_in_period",
            self.t("Posts in the period", "Posts in de periode"),
            Some(all as f64),
            tr!(lang, "{all_s} posts", "{all_s} posts"),
            "posts",
            tr!(
                lang,
                "Posts of every kind (originals, replies, reposts, quotes) by all accounts created {scope}.",
                "Posts van elke soort (originelen, reacties, reposts, citaten) van alle accounts, gemaakt {scope}."
            ),
        );
        self.metric(
            "audience_posts",
            self.t("Audience posts", "Posts van het publiek"),
            Some(aud as f64),
            lang.of(aud, all, "posts", "posts"),
            "posts",
            self.t(
                "Posts in the period by accounts that are neither brand accounts (report.brand) nor competitors (report.competitors): the audience.",
                "Posts in de periode van accounts die geen merkaccount (report.brand) en geen concurrent (report.competitors) zijn: het publiek.",
            ),
        );
        let (v, d) = if self.a.has_brand {
            (Some(br as f64), lang.of(br, all, "posts", "posts"))
        } else {
            (None, self.no_brand())
        };
        self.metric(
            "brand_posts",
            self.t("Brand posts", "Posts van het merk"),
            v,
            d,
            "posts",
            self.t(
                "Posts in the period by the brand's own accounts (report.brand in honeycomb.toml).",
                "Posts in de periode van de eigen accounts van het merk (report.brand in honeycomb.toml).",
            ),
        );
    }

    fn peak_metrics(&mut self) {
        let lang = self.lang;
        let tz = self.tz.clone();
        let share = lang.pct(self.s.peak_share, 0);
        let def = tr!(
            lang,
            "Audience posts are counted per weekday × hour slot of local time ({tz}); the slots are taken busiest first (ties: earlier weekday and hour first) until together they hold at least {share} of all audience posts. The value is the number of slots in that smallest set, out of 168 in a week.",
            "Posts van het publiek worden geteld per vak van weekdag × uur in lokale tijd ({tz}); de vakken worden genomen van druk naar rustig (bij gelijke stand eerst de vroegere weekdag en het vroegere uur) tot ze samen minstens {share} van alle posts van het publiek bevatten. De waarde is het aantal vakken in die kleinste verzameling, van de 168 in een week."
        );
        let (v, d) = match &self.a.peak {
            Some(pk) => {
                let k = pk.slots.len() as u64;
                let k_s = lang.int(k);
                let posts = lang.of(
                    pk.audience_in,
                    pk.audience_total,
                    "audience posts",
                    "posts van het publiek",
                );
                (
                    Some(k as f64),
                    tr!(
                        lang,
                        "{k_s} of 168 weekly hours hold {posts}",
                        "{k_s} van de 168 uren in een week bevatten {posts}"
                    ),
                )
            }
            None => (None, self.no_audience()),
        };
        self.metric(
            "peak_slots",
            self.t("Audience peak hours", "Piekuren van het publiek"),
            v,
            d,
            "slots",
            def,
        );

        let random = self
            .a
            .peak
            .as_ref()
            .map(|pk| lang.pct(pk.slots.len() as f64 / SLOTS as f64, 1))
            .unwrap_or_default();
        let def = tr!(
            lang,
            "Brand posts in the period whose local weekday × hour falls in the audience peak hours (presence.peak_slots), divided by all brand posts in the period. Posting at random over the week would put about {random} of posts there; an account that follows the audience's rhythm would have about the audience's own share there.",
            "Posts van het merk in de periode waarvan weekdag × uur (lokale tijd) in de piekuren van het publiek valt (presence.peak_slots), gedeeld door alle posts van het merk in de periode. Willekeurig posten over de week zou er ongeveer {random} van de posts plaatsen; een account dat het ritme van het publiek volgt, zou er ongeveer hetzelfde aandeel hebben als het publiek zelf."
        );
        let (v, d) = match (&self.a.peak, self.a.has_brand) {
            (_, false) => (None, self.no_brand()),
            (None, true) => (None, self.no_audience()),
            (Some(pk), true) => match pk.overlap() {
                Some(o) => (
                    pct_value(Some(o)),
                    lang.of(
                        pk.brand_in,
                        pk.brand_total,
                        "brand posts",
                        "posts van het merk",
                    ),
                ),
                None => (
                    None,
                    self.t(
                        "not computable: the brand posted nothing in the period",
                        "niet te berekenen: het merk postte niets in de periode",
                    ),
                ),
            },
        };
        self.metric(
            "peak_overlap",
            self.t(
                "Brand posts in audience peak hours",
                "Posts van het merk in de piekuren van het publiek",
            ),
            v,
            d,
            "%",
            def,
        );
    }

    fn best_metrics(&mut self) {
        let lang = self.lang;
        let b = &self.a.best;
        let (min, k) = (
            lang.int(self.s.min_posts_per_slot),
            lang.num(self.s.shrinkage_k, 1),
        );
        let source = match b.basis {
            Basis::BrandEngagement => self.t("the brand", "het merk"),
            _ => self.t("all accounts", "alle accounts"),
        };
        let min_brand = lang.int(self.s.min_brand_posts);
        let basis_rule = if self.s.brand_basis {
            tr!(
                lang,
                "The brand's own originals are used when it has at least {min_brand} of them (best_times_basis = \"brand\"), otherwise all accounts'.",
                "De eigen originele posts van het merk worden gebruikt als het er minstens {min_brand} heeft (best_times_basis = \"brand\"), anders die van alle accounts."
            )
        } else {
            self.t(
                "All accounts' originals are used (best_times_basis = \"all\"): the brand's own posts would only show the hours in which it already posts.",
                "De originele posts van alle accounts worden gebruikt (best_times_basis = \"all\"): de eigen posts van het merk tonen alleen de uren waarin het al post.",
            )
            .to_string()
        };
        let def = if b.basis.is_engagement() {
            tr!(
                lang,
                "For each weekday × hour slot (local time): the mean engagement (likes + reposts + replies) per original post by {source} with engagement counts, for slots with at least {min} such posts, shrunk towards the overall mean m by the empirical-Bayes estimate (Bayesian average) (n·mean_slot + k·m) / (n + k) with k = {k}, so that a slot with few posts cannot win by luck (Efron & Morris 1975, Data analysis using Stein's estimator and its generalizations, JASA 70(350)). {basis_rule} The value is the highest estimate.",
                "Per vak van weekdag × uur (lokale tijd): de gemiddelde interactie (likes + reposts + reacties) per originele post van {source} met interactietellingen, voor vakken met minstens {min} zulke posts, gekrompen naar het totale gemiddelde m met de empirisch-Bayesiaanse schatting (Bayesiaans gemiddelde) (n·gemiddelde_vak + k·m) / (n + k) met k = {k}, zodat een vak met weinig posts niet door toeval wint (Efron & Morris 1975, Data analysis using Stein's estimator and its generalizations, JASA 70(350)). {basis_rule} De waarde is de hoogste schatting."
            )
        } else {
            let why = match b.basis {
                Basis::ActivityNoCounts => self.t(
                    "The posts have no engagement counts (likes, reposts, replies)",
                    "De posts hebben geen interactietellingen (likes, reposts, reacties)",
                ),
                _ => tr!(
                    lang,
                    "No slot has {min} original posts with engagement counts",
                    "Geen enkel vak heeft {min} originele posts met interactietellingen"
                ),
            };
            tr!(
                lang,
                "{why}, so best times fall back to audience activity volume: the slot (local weekday × hour) with the most audience posts; the value is its share of all audience posts.",
                "{why}, dus de beste tijden vallen terug op de activiteit van het publiek: het vak (lokale weekdag × uur) met de meeste posts van het publiek; de waarde is het aandeel daarvan in alle posts van het publiek."
            )
        };
        let (v, d, unit) = match b.top.first() {
            Some(e) if b.basis.is_engagement() => {
                let (slot, est, mean, n) = (
                    slot_label(lang, e.slot),
                    lang.num(e.score, 1),
                    lang.num(e.mean, 1),
                    lang.int(e.n),
                );
                (
                    Some(e.score),
                    tr!(
                        lang,
                        "{slot}: {est} engagements per post (shrunk; raw mean {mean} over {n} posts)",
                        "{slot}: {est} interacties per post (gekrompen; ruw gemiddelde {mean} over {n} posts)"
                    ),
                    "engagements/post",
                )
            }
            Some(e) => {
                let (slot, posts) = (
                    slot_label(lang, e.slot),
                    lang.of(e.n, b.posts, "audience posts", "posts van het publiek"),
                );
                (pct_value(Some(e.score)), format!("{slot}: {posts}"), "%")
            }
            None => (None, self.no_audience(), ""),
        };
        self.metric(
            "best_slot",
            self.t("Best time to post", "Beste tijd om te posten"),
            v,
            d,
            unit,
            def,
        );

        if b.basis.is_engagement() {
            let (m, n) = (lang.num(b.overall_mean, 1), lang.int(b.posts));
            self.metric(
                "mean_engagement",
                self.t("Mean engagement per original post", "Gemiddelde interactie per originele post"),
                Some(b.overall_mean),
                tr!(lang, "{m} over {n} original posts", "{m} over {n} originele posts"),
                "engagements/post",
                tr!(
                    lang,
                    "Likes + reposts + replies per original post by {source} in the period, over posts that have engagement counts: the mean m that slot estimates are shrunk towards.",
                    "Likes + reposts + reacties per originele post van {source} in de periode, over posts met interactietellingen: het gemiddelde m waarnaar de schattingen per vak worden gekrompen."
                ),
            );
        }

        let (v, d) = if !self.a.has_brand {
            (None, self.no_brand())
        } else if b.top.is_empty() {
            (None, self.no_audience())
        } else {
            let (bi, bt) = (b.brand_in(&self.a.pass), self.a.pass.brand_total());
            (
                pct_value(ratio(bi, bt)),
                lang.of(bi, bt, "brand posts", "posts van het merk"),
            )
        };
        let slots = lang.int(b.top.len() as u64);
        self.metric(
            "brand_in_best_slots",
            self.t("Brand posts in the best slots", "Posts van het merk in de beste vakken"),
            v,
            d,
            "%",
            tr!(
                lang,
                "Brand posts in the period that fall in the {slots} recommended slots (presence.best_slot and the runners-up), divided by all brand posts in the period.",
                "Posts van het merk in de periode die in de {slots} aanbevolen vakken vallen (presence.best_slot en de volgende), gedeeld door alle posts van het merk in de periode."
            ),
        );
    }

    fn regularity_metrics(&mut self) {
        let lang = self.lang;
        let r = self.a.regularity.clone();
        let unknown = if self.a.has_brand {
            self.t(
                "not computable: no posts and no report period",
                "niet te berekenen: geen posts en geen rapportperiode",
            )
        } else {
            self.no_brand()
        };
        let window = if self.cx.period.is_some() {
            self.t("the report period", "de rapportperiode")
        } else {
            self.t("the span of the data", "de looptijd van de data")
        };

        let (v, d) = match &r {
            Some(r) => {
                let (ppw, posts, weeks) = (
                    lang.num(r.posts_per_week(), 1),
                    lang.int(r.posts),
                    lang.num(r.weeks_len, 1),
                );
                (
                    Some(r.posts_per_week()),
                    tr!(
                        lang,
                        "{ppw} ({posts} posts over {weeks} weeks)",
                        "{ppw} ({posts} posts over {weeks} weken)"
                    ),
                )
            }
            None => (None, unknown.clone()),
        };
        self.metric(
            "posts_per_week",
            self.t("Brand posts per week", "Posts van het merk per week"),
            v,
            d,
            "posts/week",
            tr!(
                lang,
                "Brand posts in {window} divided by its length in weeks (at least one week). Counted are the brand's own posts (originals, reposts, quotes), not its replies: answering follows the audience, posting is the brand's rhythm.",
                "Posts van het merk in {window} gedeeld door de lengte daarvan in weken (minstens één week). Geteld worden de eigen posts van het merk (originelen, reposts, citaten), niet zijn reacties: antwoorden volgt het publiek, posten is het ritme van het merk."
            ),
        );

        let (v, d) = match &r {
            Some(r) => (
                pct_value(Some(r.active_share())),
                lang.of(r.weeks_active, r.weeks_total, "weeks", "weken"),
            ),
            None => (None, unknown.clone()),
        };
        self.metric(
            "active_weeks",
            self.t("Weeks with a brand post", "Weken met een post van het merk"),
            v,
            d,
            "%",
            tr!(
                lang,
                "Calendar weeks (Monday to Sunday, local time) touched by {window} in which the brand posted at least once, divided by all weeks it touches; a partial first or last week counts as a week. Counted are the brand's own posts (originals, reposts, quotes), not its replies: answering follows the audience, posting is the brand's rhythm.",
                "Kalenderweken (maandag tot en met zondag, lokale tijd) binnen {window} waarin het merk minstens één keer postte, gedeeld door alle weken die erin vallen; een onvolledige eerste of laatste week telt als week. Geteld worden de eigen posts van het merk (originelen, reposts, citaten), niet zijn reacties: antwoorden volgt het publiek, posten is het ritme van het merk."
            ),
        );

        let (v, d) = match &r {
            Some(Regularity {
                gap_cv: Some(cv),
                gap_mean_s: Some(m),
                ..
            }) => {
                let (cv_s, mean) = (lang.num(*cv, 2), lang.duration(*m));
                (
                    Some(*cv),
                    tr!(
                        lang,
                        "{cv_s} (mean gap {mean}; 0 = clockwork, about 1 = random, above 1 = bursty)",
                        "{cv_s} (gemiddelde tussenpoos {mean}; 0 = als een klok, ongeveer 1 = willekeurig, boven 1 = in golven)"
                    ),
                )
            }
            Some(_) => (
                None,
                self.t(
                    "not computable: fewer than 3 brand posts",
                    "niet te berekenen: minder dan 3 posts van het merk",
                ),
            ),
            None => (None, unknown.clone()),
        };
        self.metric(
            "gap_cv",
            self.t("Variation of the gaps between brand posts", "Spreiding van de tussenpozen tussen posts van het merk"),
            v,
            d,
            "",
            self.t(
                "Coefficient of variation of the gaps between consecutive brand posts: the population standard deviation of the inter-post gaps divided by their mean (needs at least 3 posts). 0 means posting like clockwork, about 1 is what random (Poisson) posting gives, above 1 means bursts and long silences (Goh & Barabási 2008, Burstiness and memory in complex systems, EPL 81, 48002). Counted are the brand's own posts (originals, reposts, quotes), not its replies: answering follows the audience, posting is the brand's rhythm.",
                "Variatiecoëfficiënt van de tussenpozen tussen opeenvolgende posts van het merk: de standaarddeviatie (populatie) van de tussenpozen gedeeld door hun gemiddelde (vereist minstens 3 posts). 0 betekent posten als een klok, ongeveer 1 is wat willekeurig (Poisson-)posten geeft, boven 1 betekent golven en lange stiltes (Goh & Barabási 2008, Burstiness and memory in complex systems, EPL 81, 48002). Geteld worden de eigen posts van het merk (originelen, reposts, citaten), niet zijn reacties: antwoorden volgt het publiek, posten is het ritme van het merk.",
            ),
        );

        let (v, d) = match &r {
            Some(r) => {
                let days = r.longest_silence_s as f64 / DAY as f64;
                let ds = lang.num(days, 1);
                (Some(days), tr!(lang, "{ds} days", "{ds} dagen"))
            }
            None => (None, unknown),
        };
        self.metric(
            "longest_silence_days",
            self.t("Longest silence", "Langste stilte"),
            v,
            d,
            "days",
            tr!(
                lang,
                "The longest time without a brand post, in days, including the stretch from the start of {window} to the first post and from the last post to its end. Counted are the brand's own posts (originals, reposts, quotes), not its replies: answering follows the audience, posting is the brand's rhythm.",
                "De langste tijd zonder post van het merk, in dagen, inclusief de tijd van het begin van {window} tot de eerste post en van de laatste post tot het einde. Geteld worden de eigen posts van het merk (originelen, reposts, citaten), niet zijn reacties: antwoorden volgt het publiek, posten is het ritme van het merk."
            ),
        );
    }

    fn availability_metrics(&mut self) {
        let lang = self.lang;
        let a = self.a;
        let unknown = if !a.has_brand {
            self.no_brand()
        } else if !a.has_presence {
            self.t(
                "not computable: no presence table",
                "niet te berekenen: geen presence-tabel",
            )
        } else {
            self.t(
                "not computable: the presence table has no records of the brand accounts",
                "niet te berekenen: de presence-tabel heeft geen records van de merkaccounts",
            )
        };
        let (inferred, open) = (lang.int(a.online.inferred), lang.int(a.online.open_ended));
        let (v, d) = match (a.online_share(), a.window) {
            (Some(sh), Some(w)) => {
                let (on, len, p) = (
                    lang.duration(a.online.seconds_in(w) as f64),
                    lang.duration(w.len() as f64),
                    lang.pct(sh, 1),
                );
                (
                    pct_value(Some(sh)),
                    tr!(lang, "{on} of {len} ({p})", "{on} van {len} ({p})"),
                )
            }
            _ => (None, unknown.clone()),
        };
        self.metric(
            "online_share",
            self.t("Time a brand account was online", "Tijd dat een merkaccount online was"),
            v,
            d,
            "%",
            tr!(
                lang,
                "Time during which at least one brand account had status online in the presence log, clipped to the period, divided by the period's length (without a report period: the span of the data). A record lasts duration_s seconds; a record without duration_s lasts until the same account's next record ({inferred} such records), and an account's last record without duration_s counts as 0 s ({open} such records).",
                "Tijd waarin minstens één merkaccount de status online had in het presence-logboek, begrensd tot de periode, gedeeld door de lengte van de periode (zonder rapportperiode: de looptijd van de data). Een record duurt duration_s seconden; een record zonder duration_s duurt tot het volgende record van hetzelfde account ({inferred} zulke records), en het laatste record van een account zonder duration_s telt als 0 s ({open} zulke records)."
            ),
        );

        let (v, d) = if a.has_brand {
            let (i, aud) = (a.pass.inbound, a.pass.audience_total());
            (
                Some(i as f64),
                lang.of(i, aud, "audience posts", "posts van het publiek"),
            )
        } else {
            (None, self.no_brand())
        };
        self.metric(
            "inbound_posts",
            self.t("Audience posts addressed to the brand", "Posts van het publiek gericht aan het merk"),
            v,
            d,
            "posts",
            self.t(
                "Audience posts in the period that mention a brand account's handle or id, or reply to a brand post. A mention matches a handle exactly, or by the part before the server when one side has no server (acme and acme@mastodon.social).",
                "Posts van het publiek in de periode die de handle of id van een merkaccount noemen, of reageren op een post van het merk. Een vermelding past bij een handle als ze gelijk zijn, of op het deel vóór de server als één kant geen server heeft (acme en acme@mastodon.social).",
            ),
        );

        let (v, d) = match a.reach() {
            Some(r) => (
                pct_value(Some(r)),
                lang.of(
                    a.pass.inbound_online,
                    a.pass.inbound,
                    "addressed posts",
                    "gerichte posts",
                ),
            ),
            None if a.has_brand && a.online.brand_records > 0 => (
                None,
                self.t(
                    "not computable: no audience posts addressed to the brand",
                    "niet te berekenen: geen posts van het publiek gericht aan het merk",
                ),
            ),
            None => (None, unknown),
        };
        self.metric(
            "realtime_reach",
            self.t("Real-time reachability", "Realtime bereikbaarheid"),
            v,
            d,
            "%",
            self.t(
                "Audience posts addressed to the brand (presence.inbound_posts) created while at least one brand account was online in the presence log, divided by all audience posts addressed to the brand.",
                "Posts van het publiek gericht aan het merk (presence.inbound_posts) die gemaakt zijn terwijl minstens één merkaccount online was volgens het presence-logboek, gedeeld door alle posts van het publiek gericht aan het merk.",
            ),
        );
    }

    fn location_metrics(&mut self) {
        let lang = self.lang;
        let l = self.a.locations;
        let (v, d) = match ratio(l.accounts_with, l.accounts) {
            Some(r) => (
                pct_value(Some(r)),
                lang.of(l.accounts_with, l.accounts, "accounts", "accounts"),
            ),
            None => (
                None,
                self.t(
                    "not computable: no accounts table",
                    "niet te berekenen: geen accounts-tabel",
                ),
            ),
        };
        self.metric(
            "account_location_share",
            self.t("Accounts that disclose a location", "Accounts die een locatie tonen"),
            v,
            d,
            "%",
            self.t(
                "Accounts in the accounts table with a non-empty location, divided by all accounts in that table (accounts only known from a reference are left out).",
                "Accounts in de accounts-tabel met een niet-lege locatie, gedeeld door alle accounts in die tabel (accounts die alleen uit een verwijzing bekend zijn, tellen niet mee).",
            ),
        );
        let p = &self.a.pass;
        let (n, all, bn) = (
            p.posts_with_location,
            p.in_period,
            lang.int(p.brand_posts_with_location),
        );
        let (v, d) = match ratio(n, all) {
            Some(r) => (pct_value(Some(r)), lang.of(n, all, "posts", "posts")),
            None => (
                None,
                self.t(
                    "not computable: no posts in the period",
                    "niet te berekenen: geen posts in de periode",
                ),
            ),
        };
        self.metric(
            "post_location_share",
            self.t("Posts with a location", "Posts met een locatie"),
            v,
            d,
            "%",
            tr!(
                lang,
                "Posts in the period with a non-empty location, divided by all posts in the period ({bn} of them by the brand).",
                "Posts in de periode met een niet-lege locatie, gedeeld door alle posts in de periode (waarvan {bn} van het merk)."
            ),
        );
        let (v, d) = match ratio(l.records_with, l.records) {
            Some(r) => (
                pct_value(Some(r)),
                lang.of(
                    l.records_with,
                    l.records,
                    "presence records",
                    "presence-records",
                ),
            ),
            None if self.a.has_presence => (
                None,
                self.t(
                    "not computable: no presence records in the period",
                    "niet te berekenen: geen presence-records in de periode",
                ),
            ),
            None => (
                None,
                self.t(
                    "not computable: no presence table",
                    "niet te berekenen: geen presence-tabel",
                ),
            ),
        };
        self.metric(
            "presence_location_share",
            self.t("Presence records with a location", "Presence-records met een locatie"),
            v,
            d,
            "%",
            self.t(
                "Presence records in the period (all accounts) with a non-empty location, divided by all presence records in the period: a status with a place says where someone is right now.",
                "Presence-records in de periode (alle accounts) met een niet-lege locatie, gedeeld door alle presence-records in de periode: een status met een plaats zegt waar iemand nu is.",
            ),
        );
    }

    // ---------------------------------------------------------------- charts and tables

    fn charts(&mut self) {
        let lang = self.lang;
        let tz = self.tz.clone();
        let p = &self.a.pass;
        let hours: Vec<String> = (0..24).map(|h| format!("{h:02}")).collect();
        if p.audience_total() > 0 {
            let values: Vec<Vec<f64>> = (0..7)
                .map(|wd| (0..24).map(|h| p.audience[wd * 24 + h] as f64).collect())
                .collect();
            let highlight: Vec<[usize; 2]> = self
                .a
                .best
                .top
                .iter()
                .map(|e| [e.slot / 24 % 7, e.slot % 24])
                .collect();
            let (n, best) = (
                lang.int(p.audience_total()),
                lang.join_and(
                    &self
                        .a
                        .best
                        .top
                        .iter()
                        .map(|e| slot_label(lang, e.slot))
                        .collect::<Vec<_>>(),
                ),
            );
            self.sec.charts.push(Chart {
                id: "audience_heatmap".to_string(),
                title: self.t("When the audience posts", "Wanneer het publiek post"),
                description: tr!(
                    lang,
                    "Audience posts per weekday and hour of local time ({tz}), {n} posts in all; outlined: the recommended slots ({best}).",
                    "Posts van het publiek per weekdag en uur in lokale tijd ({tz}), {n} posts in totaal; omlijnd: de aanbevolen vakken ({best})."
                ),
                x_label: self.t("Hour of the day", "Uur van de dag"),
                y_label: self.t("Weekday", "Weekdag"),
                kind: ChartKind::Heatmap {
                    rows: lang.weekdays_short().iter().map(|s| s.to_string()).collect(),
                    columns: hours.clone(),
                    values,
                    highlight,
                },
            });
        }
        let (aud, br) = (p.audience_total(), p.brand_total());
        if self.a.has_brand && aud > 0 && br > 0 {
            let by_hour = |a: &[u64; SLOTS], total: u64| -> Vec<f64> {
                (0..24)
                    .map(|h| {
                        (0..7).map(|wd| a[wd * 24 + h]).sum::<u64>() as f64 * 100.0 / total as f64
                    })
                    .collect()
            };
            let (aud_s, br_s) = (lang.int(aud), lang.int(br));
            self.sec.charts.push(Chart {
                id: "brand_vs_audience_hours".to_string(),
                title: self.t("When the brand posts and when the audience is active", "Wanneer het merk post en wanneer het publiek actief is"),
                description: tr!(
                    lang,
                    "Share of posts per hour of local time ({tz}), all weekdays together: {aud_s} audience posts against {br_s} brand posts; where the brand's bars stand apart from the audience's, the brand posts when its audience is quiet.",
                    "Aandeel van de posts per uur in lokale tijd ({tz}), alle weekdagen samen: {aud_s} posts van het publiek tegenover {br_s} posts van het merk; waar de staven van het merk afwijken van die van het publiek, post het merk als het publiek stil is."
                ),
                x_label: self.t("Hour of the day", "Uur van de dag"),
                y_label: self.t("Share of posts (%)", "Aandeel van de posts (%)"),
                kind: ChartKind::Bar {
                    categories: hours,
                    series: vec![
                        Series { name: self.t("Audience posts (%)", "Posts van het publiek (%)"), values: by_hour(&p.audience, aud) },
                        Series { name: self.t("Brand posts (%)", "Posts van het merk (%)"), values: by_hour(&p.brand, br) },
                    ],
                },
            });
        }
    }

    fn best_table(&mut self) {
        let lang = self.lang;
        let b = &self.a.best;
        if b.top.is_empty() {
            return;
        }
        let wd = lang.weekdays();
        let hour = |s: usize| format!("{:02}:00–{:02}:00", s % 24, (s % 24 + 1) % 24);
        let (columns, rows, note) = if b.basis.is_engagement() {
            let rows = b
                .top
                .iter()
                .map(|e| {
                    vec![
                        wd[e.slot / 24 % 7].to_string(),
                        hour(e.slot),
                        lang.int(e.n),
                        lang.num(e.mean, 1),
                        lang.num(e.score, 1),
                    ]
                })
                .collect();
            let source = match b.basis {
                Basis::BrandEngagement => {
                    self.t("the brand's original posts", "originele posts van het merk")
                }
                _ => self.t(
                    "original posts by all accounts",
                    "originele posts van alle accounts",
                ),
            };
            let (n, min, m, k, el) = (
                lang.int(b.posts),
                lang.int(self.s.min_posts_per_slot),
                lang.num(b.overall_mean, 1),
                lang.num(self.s.shrinkage_k, 1),
                lang.int(b.eligible as u64),
            );
            (
                vec![
                    self.t("Weekday", "Weekdag"),
                    self.t("Hour", "Uur"),
                    self.t("Posts", "Posts"),
                    self.t("Mean engagement", "Gemiddelde interactie"),
                    self.t("Shrunk estimate", "Gekrompen schatting"),
                ],
                rows,
                tr!(
                    lang,
                    "Based on {n} {source} with engagement counts; {el} of 168 slots have at least {min} posts; estimates are shrunk towards the overall mean of {m} with k = {k}.",
                    "Gebaseerd op {n} {source} met interactietellingen; {el} van de 168 vakken hebben minstens {min} posts; schattingen zijn gekrompen naar het totale gemiddelde van {m} met k = {k}."
                ),
            )
        } else {
            let rows = b
                .top
                .iter()
                .map(|e| {
                    vec![
                        wd[e.slot / 24 % 7].to_string(),
                        hour(e.slot),
                        lang.int(e.n),
                        lang.pct(e.score, 1),
                    ]
                })
                .collect();
            let n = lang.int(b.posts);
            (
                vec![
                    self.t("Weekday", "Weekdag"),
                    self.t("Hour", "Uur"),
                    self.t("Audience posts", "Posts van het publiek"),
                    self.t(
                        "Share of audience posts",
                        "Aandeel van de posts van het publiek",
                    ),
                ],
                rows,
                tr!(
                    lang,
                    "No usable engagement counts: ranked by audience activity ({n} audience posts).",
                    "Geen bruikbare interactietellingen: gerangschikt op activiteit van het publiek ({n} posts van het publiek)."
                ),
            )
        };
        let numeric = columns.iter().enumerate().map(|(i, _)| i >= 2).collect();
        let tz = self.tz.clone();
        self.sec.tables.push(Table {
            id: "best_times".to_string(),
            title: tr!(
                lang,
                "Best times to post ({tz})",
                "Beste tijden om te posten ({tz})"
            ),
            columns,
            numeric,
            rows,
            note: Some(note),
        });
    }

    fn export(&mut self) {
        let p = &self.a.pass;
        let k = self.s.shrinkage_k;
        let overall = |n: &[u64; SLOTS], s: &[f64; SLOTS]| {
            let t: u64 = n.iter().sum();
            (t > 0).then(|| s.iter().sum::<f64>() / t as f64)
        };
        let m = overall(&p.all_n, &p.all_sum);
        let rows = (0..SLOTS)
            .map(|i| {
                let mean = (p.all_n[i] > 0).then(|| p.all_sum[i] / p.all_n[i] as f64);
                let shrunk = m.map(|m| crate::analysis::shrink(p.all_sum[i], p.all_n[i], k, m));
                let f = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
                vec![
                    WEEKDAYS_CSV[i / 24].to_string(),
                    (i % 24).to_string(),
                    p.audience[i].to_string(),
                    p.brand[i].to_string(),
                    p.all_n[i].to_string(),
                    f(mean),
                    f(shrunk),
                ]
            })
            .collect();
        self.sec.exports.push(Table {
            id: "presence_slots".to_string(),
            title: "presence: posts and engagement per local weekday and hour".to_string(),
            columns: [
                "weekday",
                "hour",
                "audience_posts",
                "brand_posts",
                "originals_with_counts",
                "mean_engagement",
                "shrunk_engagement",
            ]
            .map(String::from)
            .to_vec(),
            numeric: vec![false, true, true, true, true, true, true],
            rows,
            note: None,
        });
    }

    fn entity_columns(&mut self) {
        let p = &self.a.pass;
        self.sec.entity_columns.push(EntityColumn::ints(
            Entity::Account,
            "presence_posts",
            p.per_account.iter().map(|&n| Some(n as i64)).collect(),
        ));
        let (wd, hr) = post_columns(&p.post_slot);
        self.sec.entity_columns.push(wd);
        self.sec.entity_columns.push(hr);
    }

    // ---------------------------------------------------------------- findings, advice

    fn findings_and_advice(&mut self) {
        let lang = self.lang;
        let a = self.a;
        let tz = self.tz.clone();

        // Peak hours and timing.
        if let Some(pk) = &a.peak {
            let (k, share) = (
                lang.int(pk.slots.len() as u64),
                lang.pct(pk.audience_share(), 1),
            );
            let busiest = pk.slots.first().map(|&s| {
                (
                    slot_label(lang, s),
                    lang.of(
                        a.pass.audience[s],
                        pk.audience_total,
                        "audience posts",
                        "posts van het publiek",
                    ),
                )
            });
            if let Some((slot, n)) = busiest {
                self.finding(
                    Severity::Info,
                    tr!(
                        lang,
                        "{share} of the audience's posts fall in {k} of the 168 weekly hours ({tz}); the busiest hour is {slot} with {n}.",
                        "{share} van de posts van het publiek valt in {k} van de 168 uren van de week ({tz}); het drukste uur is {slot} met {n}."
                    ),
                    &["presence.peak_slots"],
                );
            }
            if let Some(o) = pk.overlap() {
                let n = lang.of(
                    pk.brand_in,
                    pk.brand_total,
                    "brand posts",
                    "posts van het merk",
                );
                if o < pk.audience_share() * 0.8 {
                    self.finding(
                        Severity::Warning,
                        tr!(
                            lang,
                            "{n} fall in the audience's peak hours, which hold {share} of audience activity: the brand often posts when its audience is quiet.",
                            "{n} vallen in de piekuren van het publiek, die {share} van de activiteit van het publiek bevatten: het merk post vaak als zijn publiek stil is."
                        ),
                        &["presence.peak_overlap", "presence.peak_slots"],
                    );
                } else {
                    self.finding(
                        Severity::Info,
                        tr!(
                            lang,
                            "{n} fall in the audience's peak hours, which hold {share} of audience activity: the brand's timing follows its audience.",
                            "{n} vallen in de piekuren van het publiek, die {share} van de activiteit van het publiek bevatten: het merk volgt het ritme van zijn publiek."
                        ),
                        &["presence.peak_overlap", "presence.peak_slots"],
                    );
                }
            }
        }

        // Best times.
        let b = &a.best;
        match b.basis {
            Basis::ActivityNoCounts if !b.top.is_empty() => self.finding(
                Severity::Info,
                self.t(
                    "The posts have no engagement counts (likes, reposts, replies), so the best times are based on when the audience is active, not on what gets a response.",
                    "De posts hebben geen interactietellingen (likes, reposts, reacties), dus de beste tijden zijn gebaseerd op wanneer het publiek actief is, niet op wat reacties oplevert.",
                ),
                &["presence.best_slot"],
            ),
            Basis::ActivityTooFew if !b.top.is_empty() => {
                let min = lang.int(self.s.min_posts_per_slot);
                self.finding(
                    Severity::Info,
                    tr!(
                        lang,
                        "No weekday × hour slot has {min} original posts with engagement counts, so the best times are based on when the audience is active.",
                        "Geen enkel vak van weekdag × uur heeft {min} originele posts met interactietellingen, dus de beste tijden zijn gebaseerd op wanneer het publiek actief is."
                    ),
                    &["presence.best_slot"],
                );
            }
            _ => {}
        }
        if let (true, Some(e)) = (b.basis.is_engagement(), b.top.first())
            && b.overall_mean > 0.0
        {
            let (slot, est, m, x) = (
                slot_label(lang, e.slot),
                lang.num(e.score, 1),
                lang.num(b.overall_mean, 1),
                lang.num(e.score / b.overall_mean, 1),
            );
            let n = lang.int(e.n);
            let text = if e.score / b.overall_mean >= STANDOUT_LIFT {
                tr!(
                    lang,
                    "Original posts on {slot} get {est} engagements per post after shrinkage ({n} posts), against {m} overall: {x} times the average.",
                    "Originele posts op {slot} krijgen {est} interacties per post na krimp ({n} posts), tegenover {m} gemiddeld: {x} keer het gemiddelde."
                )
            } else {
                tr!(
                    lang,
                    "No hour stands out: even the best slot, {slot}, gets {est} engagements per post after shrinkage ({n} posts), close to the {m} overall; timing matters less here than content.",
                    "Geen enkel uur springt eruit: zelfs het beste vak, {slot}, krijgt {est} interacties per post na krimp ({n} posts), dicht bij de {m} gemiddeld; timing doet er hier minder toe dan inhoud."
                )
            };
            self.finding(
                Severity::Info,
                text,
                &["presence.best_slot", "presence.mean_engagement"],
            );
        }

        // Advice: when to post.
        if !b.top.is_empty() {
            let slots = lang.join_and(
                &b.top
                    .iter()
                    .map(|e| slot_label(lang, e.slot))
                    .collect::<Vec<_>>(),
            );
            let action = tr!(
                lang,
                "Post on {slots} ({tz} time).",
                "Post op {slots} ({tz})."
            );
            let mut why = if b.basis.is_engagement() {
                let ests = lang.join_and(
                    &b.top
                        .iter()
                        .map(|e| lang.num(e.score, 1))
                        .collect::<Vec<_>>(),
                );
                let m = lang.num(b.overall_mean, 1);
                tr!(
                    lang,
                    "Original posts in these hours get the most engagement: {ests} per post after shrinkage, against {m} overall.",
                    "Originele posts in deze uren krijgen de meeste interactie: {ests} per post na krimp, tegenover {m} gemiddeld."
                )
            } else {
                let shares = lang.join_and(
                    &b.top
                        .iter()
                        .map(|e| lang.pct(e.score, 1))
                        .collect::<Vec<_>>(),
                );
                tr!(
                    lang,
                    "These are the hours the audience is most active: {shares} of audience posts.",
                    "In deze uren is het publiek het meest actief: {shares} van de posts van het publiek."
                )
            };
            let mut priority = Priority::Medium;
            if a.has_brand {
                let (bi, bt) = (b.brand_in(&a.pass), a.pass.brand_total());
                if let Some(r) = ratio(bi, bt) {
                    let (bi_s, bt_s, p) = (lang.int(bi), lang.int(bt), lang.pct(r, 1));
                    why.push(' ');
                    why.push_str(&tr!(
                        lang,
                        "At present {bi_s} of the brand's {bt_s} posts ({p}) are in these hours.",
                        "Nu staan {bi_s} van de {bt_s} posts van het merk ({p}) in deze uren."
                    ));
                }
                if let Some(pk) = &a.peak
                    && let Some(o) = pk.overlap()
                {
                    let (pi, p, share) = (
                        lang.int(pk.brand_in),
                        lang.pct(o, 1),
                        lang.pct(pk.audience_share(), 1),
                    );
                    why.push(' ');
                    why.push_str(&tr!(
                        lang,
                        "{pi} ({p}) are in the audience's peak hours, which hold {share} of its posts.",
                        "{pi} ({p}) staan in de piekuren van het publiek, die {share} van zijn posts bevatten."
                    ));
                    priority = if o < pk.audience_share() / 2.0 {
                        Priority::High
                    } else if o < pk.audience_share() {
                        Priority::Medium
                    } else {
                        Priority::Low
                    };
                }
            }
            self.recommend(
                priority,
                action,
                why,
                &[
                    "presence.best_slot",
                    "presence.mean_engagement",
                    "presence.brand_in_best_slots",
                    "presence.peak_overlap",
                    "presence.peak_slots",
                ],
            );
        }

        // Regularity.
        if a.has_brand && a.pass.brand_total() == 0 && a.window.is_some() {
            self.finding(
                Severity::Critical,
                self.t("The brand accounts posted nothing in the period: to the audience, the brand is absent.", "De merkaccounts postten niets in de periode: voor het publiek is het merk afwezig."),
                &["presence.brand_posts", "presence.active_weeks"],
            );
        }
        if let Some(r) = a.regularity.clone() {
            let weeks = lang.of(r.weeks_active, r.weeks_total, "weeks", "weken");
            let silence_days = r.longest_silence_s as f64 / DAY as f64;
            let (ppw, sil) = (lang.num(r.posts_per_week(), 1), lang.num(silence_days, 1));
            let low_weeks = r.active_share() < LOW_ACTIVE_WEEKS;
            let long_silence = silence_days > LONG_SILENCE_DAYS;
            let bursty = r.gap_cv.is_some_and(|c| c > BURSTY_CV);
            let sev = if low_weeks || long_silence {
                Severity::Warning
            } else {
                Severity::Info
            };
            self.finding(
                sev,
                tr!(
                    lang,
                    "The brand posted in {weeks}, {ppw} posts a week on average; the longest silence lasted {sil} days.",
                    "Het merk postte in {weeks}, gemiddeld {ppw} posts per week; de langste stilte duurde {sil} dagen."
                ),
                &["presence.active_weeks", "presence.posts_per_week", "presence.longest_silence_days"],
            );
            if let Some(cv) = r.gap_cv.filter(|_| bursty) {
                let cv = lang.num(cv, 2);
                self.finding(
                    Severity::Warning,
                    tr!(
                        lang,
                        "Brand posts come in bursts: the gaps between posts vary with a coefficient of variation of {cv} (about 1 is random posting, 0 is a fixed schedule).",
                        "Posts van het merk komen in golven: de tussenpozen variëren met een variatiecoëfficiënt van {cv} (ongeveer 1 is willekeurig posten, 0 is een vast schema)."
                    ),
                    &["presence.gap_cv"],
                );
            }
            if r.posts > 0 && bursty && !(low_weeks || long_silence) {
                // Present every week, but in bursts: advise a schedule, not more posts.
                let cv = lang.num(r.gap_cv.unwrap_or(0.0), 2);
                self.recommend(
                    Priority::Low,
                    self.t(
                        "Spread your posts: schedule them over the day and the week instead of posting several in a row.",
                        "Spreid je posts: plan ze over de dag en de week in plaats van er meerdere achter elkaar te plaatsen.",
                    ),
                    tr!(
                        lang,
                        "The brand posted in {weeks}, {ppw} posts a week on average, but the gaps between posts vary with a coefficient of variation of {cv} (about 1 is random posting, 0 is a fixed schedule): followers see bursts and then quiet.",
                        "Het merk postte in {weeks}, gemiddeld {ppw} posts per week, maar de tussenpozen variëren met een variatiecoëfficiënt van {cv} (ongeveer 1 is willekeurig posten, 0 is een vast schema): volgers zien golven en dan stilte."
                    ),
                    &["presence.gap_cv", "presence.active_weeks", "presence.posts_per_week"],
                );
            } else if r.posts > 0 && (low_weeks || long_silence) {
                let mut why = tr!(
                    lang,
                    "The brand posted in {weeks}, {ppw} posts a week on average, with a longest silence of {sil} days.",
                    "Het merk postte in {weeks}, gemiddeld {ppw} posts per week, met een langste stilte van {sil} dagen."
                );
                if let Some(cv) = r.gap_cv {
                    let cv = lang.num(cv, 2);
                    why.push(' ');
                    why.push_str(&tr!(
                        lang,
                        "The gaps between posts vary with a coefficient of variation of {cv}.",
                        "De tussenpozen tussen posts variëren met een variatiecoëfficiënt van {cv}."
                    ));
                }
                let pct = lang.pct(LOW_ACTIVE_WEEKS, 0);
                why.push(' ');
                why.push_str(&tr!(
                    lang,
                    "An audience learns when to expect you: aim for a post in at least {pct} of weeks and no silence over two weeks.",
                    "Een publiek leert wanneer het je kan verwachten: mik op een post in minstens {pct} van de weken en geen stilte van meer dan twee weken."
                ));
                let priority = if r.active_share() < 0.5 {
                    Priority::High
                } else {
                    Priority::Medium
                };
                self.recommend(
                    priority,
                    self.t(
                        "Post more regularly: at least once every week, spread over the week, and plan ahead for holidays.",
                        "Post regelmatiger: minstens één keer per week, verspreid over de week, en plan vooruit voor vakanties.",
                    ),
                    why,
                    &["presence.active_weeks", "presence.posts_per_week", "presence.longest_silence_days", "presence.gap_cv"],
                );
            } else if r.posts == 0 {
                self.recommend(
                    Priority::High,
                    self.t(
                        "Start posting from the brand accounts, at least once a week.",
                        "Begin met posten vanaf de merkaccounts, minstens één keer per week.",
                    ),
                    tr!(
                        lang,
                        "The brand posted in {weeks}.",
                        "Het merk postte in {weeks}."
                    ),
                    &["presence.active_weeks", "presence.brand_posts"],
                );
            }
        }

        // Availability.
        if let Some(sh) = a.online_share() {
            let p = lang.pct(sh, 1);
            self.finding(
                Severity::Info,
                tr!(
                    lang,
                    "A brand account was online {p} of the time.",
                    "Een merkaccount was {p} van de tijd online."
                ),
                &["presence.online_share"],
            );
        }
        if let Some(r) = a.reach() {
            let n = lang.of(
                a.pass.inbound_online,
                a.pass.inbound,
                "posts addressed to the brand",
                "posts gericht aan het merk",
            );
            if r < LOW_REACH {
                self.finding(
                    Severity::Warning,
                    tr!(
                        lang,
                        "{n} arrived while a brand account was online: most people who talk to the brand find nobody there.",
                        "{n} kwamen binnen terwijl een merkaccount online was: de meeste mensen die het merk aanspreken, treffen niemand."
                    ),
                    &["presence.realtime_reach", "presence.inbound_posts"],
                );
                let mut why = tr!(
                    lang,
                    "{n} arrived while a brand account was online.",
                    "{n} kwamen binnen terwijl een merkaccount online was."
                );
                if let Some(sh) = a.online_share() {
                    let p = lang.pct(sh, 1);
                    why.push(' ');
                    why.push_str(&tr!(
                        lang,
                        "A brand account was online {p} of the time.",
                        "Een merkaccount was {p} van de tijd online."
                    ));
                }
                let priority = if r < LOW_REACH / 2.0 {
                    Priority::High
                } else {
                    Priority::Medium
                };
                self.recommend(
                    priority,
                    self.t(
                        "Be online when your audience talks to you: have someone watch mentions and replies when they come in, also in the evening and at the weekend.",
                        "Wees online als je publiek je aanspreekt: laat iemand vermeldingen en reacties volgen wanneer ze binnenkomen, ook 's avonds en in het weekend.",
                    ),
                    why,
                    &["presence.realtime_reach", "presence.inbound_posts", "presence.online_share", "presence.peak_slots"],
                );
            } else {
                self.finding(
                    Severity::Info,
                    tr!(
                        lang,
                        "{n} arrived while a brand account was online.",
                        "{n} kwamen binnen terwijl een merkaccount online was."
                    ),
                    &["presence.realtime_reach", "presence.inbound_posts"],
                );
            }
        }

        // Privacy: location disclosure.
        let l = a.locations;
        let warn = self.s.location_warn_share;
        let p = &a.pass;
        // The warning is about people's whereabouts: the brand showing its own address (a
        // shop, a café) does not count towards it.
        let others_with =
            p.posts_with_location - p.brand_posts_with_location.min(p.posts_with_location);
        let post_share = ratio(others_with, p.in_period - p.brand_total().min(p.in_period));
        let rec_others_with = l.records_with - l.brand_records_with.min(l.records_with);
        let rec_share = ratio(rec_others_with, l.records - l.brand_records.min(l.records));
        let posts_hi = post_share.is_some_and(|s| s >= warn && others_with > 0);
        let recs_hi = rec_share.is_some_and(|s| s >= warn && rec_others_with > 0);
        if posts_hi {
            let n = lang.of(p.posts_with_location, p.in_period, "posts", "posts");
            let bn = lang.int(p.brand_posts_with_location);
            self.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "{n} carry a location, {bn} of them by the brand: a place attached to a post tells readers where the writer is or was.",
                    "{n} dragen een locatie, waarvan {bn} van het merk: een plaats bij een post vertelt lezers waar de schrijver is of was."
                ),
                &["presence.post_location_share"],
            );
        }
        if recs_hi {
            let n = lang.of(
                l.records_with,
                l.records,
                "presence records",
                "presence-records",
            );
            self.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "{n} disclose a location: a status with a place says where someone is right now.",
                    "{n} tonen een locatie: een status met een plaats zegt waar iemand nu is."
                ),
                &["presence.presence_location_share"],
            );
        }
        if l.accounts > 0 {
            let n = lang.of(l.accounts_with, l.accounts, "accounts", "accounts");
            self.finding(
                Severity::Info,
                tr!(
                    lang,
                    "{n} show a location in their profile.",
                    "{n} tonen een locatie in hun profiel."
                ),
                &["presence.account_location_share"],
            );
        }
        if posts_hi || recs_hi {
            let mut parts = Vec::new();
            if posts_hi {
                parts.push(lang.of(p.posts_with_location, p.in_period, "posts", "posts"));
            }
            if recs_hi {
                parts.push(lang.of(
                    l.records_with,
                    l.records,
                    "presence records",
                    "presence-records",
                ));
            }
            let parts = lang.join_and(&parts);
            let w = lang.pct(warn, 0);
            let priority = if p.brand_posts_with_location > 0 || recs_hi {
                Priority::Medium
            } else {
                Priority::Low
            };
            self.recommend(
                priority,
                self.t(
                    "Check location tags before posting: share a place only when the place is the message, and tell staff and customers how location sharing works.",
                    "Controleer locatietags voor het posten: deel een plaats alleen als de plaats de boodschap is, en leg medewerkers en klanten uit hoe het delen van locaties werkt.",
                ),
                tr!(
                    lang,
                    "{parts} disclose a location (warning threshold {w}); presence with a place can expose people's whereabouts and routines.",
                    "{parts} tonen een locatie (waarschuwingsgrens {w}); aanwezigheid met een plaats kan verblijfplaatsen en gewoontes van mensen blootgeven."
                ),
                &["presence.post_location_share", "presence.presence_location_share"],
            );
        }
    }

    fn missing_entries(&mut self) {
        let lang = self.lang;
        let a = self.a;
        if !a.has_brand {
            self.missing(
                self.t(
                    "The brand's side of presence (overlap with audience peak hours, regularity, availability): no brand accounts are configured or found",
                    "De kant van het merk (overlap met de piekuren van het publiek, regelmaat, beschikbaarheid): er zijn geen merkaccounts ingesteld of gevonden",
                ),
                self.t(
                    "set report.brand in honeycomb.toml to the ids or handles of the organisation's own accounts",
                    "stel report.brand in honeycomb.toml in op de ids of handles van de eigen accounts van de organisatie",
                ),
            );
        }
        let unresolved = self.cx.brand_unresolved();
        if !unresolved.is_empty() {
            let names = unresolved.join(", ");
            self.missing(
                tr!(lang, "Brand accounts not found in the data: {names}", "Merkaccounts niet gevonden in de data: {names}"),
                self.t(
                    "check report.brand in honeycomb.toml against the account ids or handles in accounts.csv and posts.csv",
                    "controleer report.brand in honeycomb.toml tegen de account-ids of handles in accounts.csv en posts.csv",
                ),
            );
        }
        if a.pass.audience_total() == 0 {
            self.missing(
                self.t(
                    "When the audience is active (heatmap, peak hours): there are no posts by other accounts than the brand in the period",
                    "Wanneer het publiek actief is (heatmap, piekuren): er zijn geen posts van andere accounts dan het merk in de periode",
                ),
                self.t(
                    "add posts by the audience to posts.csv (replies, mentions, posts of followers)",
                    "voeg posts van het publiek toe aan posts.csv (reacties, vermeldingen, posts van volgers)",
                ),
            );
        }
        if a.best.basis == Basis::ActivityNoCounts {
            self.missing(
                self.t(
                    "Best times by engagement: the posts have no engagement counts",
                    "Beste tijden op interactie: de posts hebben geen interactietellingen",
                ),
                self.t(
                    "add the likes, reposts and replies columns to posts.csv",
                    "voeg de kolommen likes, reposts en replies toe aan posts.csv",
                ),
            );
        }
        if !a.has_presence {
            self.missing(
                self.t(
                    "Availability (time online) and real-time reachability: not computable from this data",
                    "Beschikbaarheid (tijd online) en realtime bereikbaarheid: niet te berekenen uit deze data",
                ),
                self.t("add presence.csv with account, at, status, duration_s", "voeg presence.csv toe met account, at, status, duration_s"),
            );
        } else if a.has_brand && a.online.brand_records == 0 {
            self.missing(
                self.t(
                    "Availability (time online) and real-time reachability: the presence table has no records of the brand accounts",
                    "Beschikbaarheid (tijd online) en realtime bereikbaarheid: de presence-tabel heeft geen records van de merkaccounts",
                ),
                self.t("add the brand accounts' records (account, at, status, duration_s) to presence.csv", "voeg de records van de merkaccounts (account, at, status, duration_s) toe aan presence.csv"),
            );
        }
        if a.locations.accounts == 0 {
            self.missing(
                self.t(
                    "Location disclosure in profiles: there is no accounts table",
                    "Locaties in profielen: er is geen accounts-tabel",
                ),
                self.t(
                    "add accounts.csv with id and location",
                    "voeg accounts.csv toe met id en location",
                ),
            );
        }
    }

    // ---------------------------------------------------------------- score, summary

    fn score(&mut self) {
        let lang = self.lang;
        let a = self.a;
        if !a.has_brand {
            return;
        }
        // (weight, part value 0–1, name)
        let mut parts: Vec<(f64, f64, String)> = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        let fit_name = self.t("peak-hour fit", "aansluiting op piekuren");
        match &a.peak {
            Some(pk) => {
                let fit = match pk.overlap() {
                    Some(o) if pk.audience_share() > 0.0 => (o / pk.audience_share()).min(1.0),
                    _ => 0.0,
                };
                parts.push((50.0, fit, fit_name));
            }
            None => unknown.push(fit_name),
        }
        let reg_name = self.t("weekly regularity", "wekelijkse regelmaat");
        match &a.regularity {
            Some(r) => parts.push((30.0, r.active_share(), reg_name)),
            None => unknown.push(reg_name),
        }
        let av_name = self.t("availability", "beschikbaarheid");
        match a.reach().or_else(|| a.online_share()) {
            Some(v) => parts.push((20.0, v.clamp(0.0, 1.0), av_name)),
            None => unknown.push(av_name),
        }
        let wsum: f64 = parts.iter().map(|p| p.0).sum();
        if wsum <= 0.0 {
            return;
        }
        let value =
            (parts.iter().map(|p| p.0 * p.1).sum::<f64>() / wsum * 100.0 * 10.0).round() / 10.0;
        let terms = parts
            .iter()
            .map(|(w, v, n)| format!("{} × {} {n}", lang.num(*w, 0), lang.num(*v, 2)))
            .collect::<Vec<_>>()
            .join(" + ");
        let (ws, vs) = (lang.num(wsum, 0), lang.num(value, 1));
        let mut rule = self.t(
            "Score = 50 × peak-hour fit (share of brand posts in the audience's peak hours divided by the audience's own share there, at most 1) + 30 × weekly regularity (share of weeks with a brand post) + 20 × availability (share of posts addressed to the brand that arrived while a brand account was online; without such posts, the share of time online); parts that cannot be computed are left out and the rest is rescaled to 0–100.",
            "Score = 50 × aansluiting op piekuren (aandeel van de posts van het merk in de piekuren van het publiek gedeeld door het eigen aandeel van het publiek daar, hoogstens 1) + 30 × wekelijkse regelmaat (aandeel van de weken met een post van het merk) + 20 × beschikbaarheid (aandeel van de posts gericht aan het merk dat binnenkwam terwijl een merkaccount online was; zonder zulke posts het aandeel van de tijd online); onderdelen die niet te berekenen zijn, vallen weg en de rest wordt herschaald naar 0–100.",
        );
        rule.push(' ');
        rule.push_str(&tr!(
            lang,
            "Here: ({terms}) / {ws} × 100 = {vs}.",
            "Hier: ({terms}) / {ws} × 100 = {vs}."
        ));
        if !unknown.is_empty() {
            let u = lang.join_and(&unknown);
            rule.push(' ');
            rule.push_str(&tr!(lang, "Not known: {u}.", "Onbekend: {u}."));
        }
        let weakest = parts
            .iter()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|p| (p.2.clone(), lang.pct(p.1, 0)));
        // "Strong" only when no part is weak: a high total can hide one part far below half.
        let weakest_share = parts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let verdict = match weakest {
            Some((name, p)) if value >= 70.0 && weakest_share >= 0.5 => tr!(
                lang,
                "Strong presence: the brand is there when its audience is; weakest part: {name} ({p}).",
                "Sterke aanwezigheid: het merk is er wanneer zijn publiek er is; zwakste onderdeel: {name} ({p})."
            ),
            Some((name, p)) if value >= 70.0 => tr!(
                lang,
                "Good presence overall, but one part lags: {name} ({p}).",
                "Goede aanwezigheid in het geheel, maar één onderdeel blijft achter: {name} ({p})."
            ),
            Some((name, p)) if value >= 40.0 => tr!(
                lang,
                "Fair presence, with room to improve; weakest part: {name} ({p}).",
                "Redelijke aanwezigheid, met ruimte voor verbetering; zwakste onderdeel: {name} ({p})."
            ),
            Some((name, p)) => tr!(
                lang,
                "Weak presence: the audience often does not find the brand; weakest part: {name} ({p}).",
                "Zwakke aanwezigheid: het publiek treft het merk vaak niet; zwakste onderdeel: {name} ({p})."
            ),
            None => String::new(),
        };
        self.sec.score = Some(Score {
            value,
            rule,
            verdict,
        });
    }

    fn summary(&mut self) {
        let lang = self.lang;
        let a = self.a;
        let tz = self.tz.clone();
        let mut s: Vec<String> = Vec::new();
        if a.pass.in_period == 0 {
            s.push(self.t(
                "There are no posts in the period, so nothing can be said about when the audience is active or when to post.",
                "Er zijn geen posts in de periode, dus er valt niets te zeggen over wanneer het publiek actief is of wanneer te posten.",
            ));
        }
        if let Some(pk) = &a.peak {
            let (n, k, share) = (
                lang.int(pk.audience_total),
                lang.int(pk.slots.len() as u64),
                lang.pct(pk.audience_share(), 1),
            );
            let busiest = pk
                .slots
                .first()
                .map(|&x| slot_label(lang, x))
                .unwrap_or_default();
            s.push(tr!(
                lang,
                "Times are local to the audience ({tz}). The audience wrote {n} posts in the period; {share} of them fall in just {k} of the 168 hours of the week, the busiest being {busiest}.",
                "Tijden zijn lokaal voor het publiek ({tz}). Het publiek schreef {n} posts in de periode; {share} daarvan valt in slechts {k} van de 168 uren van de week, met {busiest} als drukste."
            ));
            if let Some(o) = pk.overlap() {
                let (bi, bt, p) = (
                    lang.int(pk.brand_in),
                    lang.int(pk.brand_total),
                    lang.pct(o, 1),
                );
                s.push(tr!(
                    lang,
                    "Of the brand's {bt} posts, {bi} ({p}) went out in those busy hours.",
                    "Van de {bt} posts van het merk gingen er {bi} ({p}) de deur uit in die drukke uren."
                ));
            }
        }
        if !a.has_brand {
            s.push(self.t(
                "No brand accounts are configured, so only the audience's side is shown; set report.brand in honeycomb.toml to see the brand's timing, regularity and availability.",
                "Er zijn geen merkaccounts ingesteld, dus alleen de kant van het publiek wordt getoond; stel report.brand in honeycomb.toml in om timing, regelmaat en beschikbaarheid van het merk te zien.",
            ));
        }
        if let Some(e) = a.best.top.first() {
            let slot = slot_label(lang, e.slot);
            s.push(if a.best.basis.is_engagement() {
                tr!(
                    lang,
                    "Judged by the engagement original posts get, the best time to post is {slot}.",
                    "Afgemeten aan de interactie die originele posts krijgen, is {slot} de beste tijd om te posten."
                )
            } else {
                tr!(
                    lang,
                    "Without usable engagement counts, the best time to post is simply when the audience is most active: {slot}.",
                    "Zonder bruikbare interactietellingen is de beste tijd om te posten gewoon wanneer het publiek het actiefst is: {slot}."
                )
            });
        }
        if let Some(r) = &a.regularity {
            let (wa, wt, ppw, sil) = (
                lang.int(r.weeks_active),
                lang.int(r.weeks_total),
                lang.num(r.posts_per_week(), 1),
                lang.num(r.longest_silence_s as f64 / DAY as f64, 1),
            );
            s.push(tr!(
                lang,
                "The brand posted in {wa} of {wt} weeks, {ppw} posts a week on average, and its longest silence lasted {sil} days.",
                "Het merk postte in {wa} van de {wt} weken, gemiddeld {ppw} posts per week, en de langste stilte duurde {sil} dagen."
            ));
        }
        match (a.online_share(), a.reach()) {
            (Some(o), Some(r)) => {
                let (o, r) = (lang.pct(o, 1), lang.pct(r, 1));
                s.push(tr!(
                    lang,
                    "A brand account was online {o} of the time, and {r} of the posts addressed to the brand arrived while one was.",
                    "Een merkaccount was {o} van de tijd online, en {r} van de posts gericht aan het merk kwam binnen terwijl er een online was."
                ));
            }
            (Some(o), None) => {
                let o = lang.pct(o, 1);
                s.push(tr!(
                    lang,
                    "A brand account was online {o} of the time.",
                    "Een merkaccount was {o} van de tijd online."
                ));
            }
            _ if a.has_brand && !a.has_presence => s.push(self.t(
                "Without a presence log, availability cannot be judged.",
                "Zonder presence-logboek valt de beschikbaarheid niet te beoordelen.",
            )),
            _ => {}
        }
        if let Some(sh) = ratio(a.pass.posts_with_location, a.pass.in_period).filter(|&x| x > 0.0) {
            let p = lang.pct(sh, 1);
            s.push(tr!(
                lang,
                "{p} of the posts disclose a location.",
                "{p} van de posts toont een locatie."
            ));
        }
        self.sec.summary = s.join(" ");
    }
}

/// The `local_weekday` (Mon–Sun) and `local_hour` (0–23) columns of `metrics/posts.csv`,
/// empty for posts outside the period: one code per post, no string per post.
pub(crate) fn post_columns(slots: &[u8]) -> (EntityColumn, EntityColumn) {
    let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let codes = slots
        .iter()
        .map(|&s| {
            if s == OUTSIDE {
                u32::MAX
            } else {
                s as u32 / 24
            }
        })
        .collect();
    let hours = slots
        .iter()
        .map(|&s| {
            if s == OUTSIDE {
                None
            } else {
                Some((s % 24) as i64)
            }
        })
        .collect();
    (
        EntityColumn::categories(Entity::Post, "local_weekday", weekdays, codes),
        EntityColumn::ints(Entity::Post, "local_hour", hours),
    )
}

/// Builds the section from the computed analysis.
pub fn build(cx: &Context<'_>, s: &Settings, a: &Analysis) -> Section {
    let lang = cx.lang;
    let tz = cx.tz.iana_name().unwrap_or("UTC").to_string();
    let mut b = Builder {
        cx,
        lang,
        s,
        a,
        tz,
        sec: Section::new("presence", lang.pick("Presence", "Aanwezigheid")),
    };
    b.volume_metrics();
    b.peak_metrics();
    b.best_metrics();
    b.regularity_metrics();
    b.availability_metrics();
    b.location_metrics();
    b.charts();
    b.best_table();
    b.findings_and_advice();
    b.missing_entries();
    // The metrics compared with the previous period at the top of the report.
    for (key, better) in [
        ("active_weeks", Better::Higher),
        ("peak_overlap", Better::Higher),
        ("realtime_reach", Better::Higher),
        ("posts_per_week", Better::Neither),
    ] {
        b.sec.headline.push(Headline {
            key: format!("presence.{key}"),
            better,
            difference: false,
        });
    }
    b.score();
    b.summary();
    b.export();
    b.entity_columns();
    b.sec
}
