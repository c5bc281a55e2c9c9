//! Turns the [`Analysis`] into the section: metrics with definitions, the ranking and the
//! comparison with the competitors, charts, exports, per-account and per-post columns,
//! findings, recommendations, what is missing, the score and the summary.

use crate::analysis::{Analysis, AutoReason, Basis, Denominator, Org, Z};
use crate::settings::{Method, Settings};
use honeycomb_core::{
    AccountIx, Better, Chart, ChartKind, Context, Entity, EntityColumn, Lang, Priority, Section,
    SectionBuilder, Series, Severity, Table, tr,
};

/// A score at or above this is "strong", below `WEAK` "weak" (see the score rule).
const STRONG: f64 = 70.0;
const WEAK: f64 = 40.0;
/// A trend at or below this (relative change per 30 days) is a finding.
const FALLING: f64 = -0.2;

/// "@handle", or the account id when it has no handle.
fn label(cx: &Context<'_>, a: u32) -> String {
    cx.data.account_label(a)
}

// A local day number as `YYYY-MM-DD`.
use honeycomb_core::time::iso_date as date;

/// A number with two decimals, or none when it is whole.
fn num_trim(lang: Lang, v: f64) -> String {
    lang.num(v, if v.fract() == 0.0 { 0 } else { 2 })
}

/// "+12.5%" / "-3.0%".
fn signed_pct(lang: Lang, x: f64) -> String {
    format!("{}{}", if x > 0.0 { "+" } else { "" }, lang.pct(x, 1))
}

struct Report<'c, 'd> {
    cx: &'c Context<'d>,
    s: &'c Settings,
    a: &'c Analysis,
    b: SectionBuilder,
}

impl Report<'_, '_> {
    fn lang(&self) -> Lang {
        self.b.lang
    }

    /// The name of an organisation: "you (@a and @b)" or the competitor's label.
    fn org_name(&self, o: &Org) -> String {
        let names: Vec<String> = o.accounts.iter().map(|&a| label(self.cx, a)).collect();
        let names = self.lang().join_and(&names);
        if o.is_brand {
            tr!(self.lang(), "you ({names})", "jij ({names})")
        } else {
            names
        }
    }

    /// The method's score for people.
    fn fmt_score(&self, v: f64) -> String {
        let lang = self.lang();
        match (self.a.method, self.a.basis) {
            (Method::Activity, _) => tr!(lang, "{} posts/week", "{} posts/week", lang.num(v, 2)),
            (Method::Quality, Some(Basis::Votes)) => lang.pct(v, 1),
            (Method::Quality, _) => lang.num(v, 2),
            (Method::Network, _) => tr!(
                lang,
                "{}× average",
                "{}× gemiddeld",
                lang.num(v * self.cx.data.accounts.len() as f64, 2)
            ),
        }
    }

    /// What a score rests on, with its unit: "12 posts", "8 ratings", "5 relations".
    fn fmt_support(&self, n: u64) -> String {
        let lang = self.lang();
        let (en, nl) = match (self.a.method, self.a.basis) {
            (Method::Activity, _) => ("posts", "posts"),
            (Method::Quality, Some(Basis::Votes)) => ("votes", "stemmen"),
            (Method::Quality, _) => ("ratings", "beoordelingen"),
            (Method::Network, _) => ("relations", "relaties"),
        };
        format!("{} {}", lang.int(n), lang.pick(en, nl))
    }

    fn method_name(&self) -> String {
        let lang = self.lang();
        match (self.a.method, self.a.basis) {
            (Method::Activity, _) => {
                lang.pick("activity (posts per week)", "activiteit (posts per week)")
            }
            (Method::Quality, Some(Basis::Votes)) => lang.pick(
                "rated quality (Wilson lower bound of the up-votes)",
                "beoordeelde kwaliteit (Wilson-ondergrens van de positieve stemmen)",
            ),
            (Method::Quality, _) => lang.pick(
                "rated quality (Bayesian average rating)",
                "beoordeelde kwaliteit (Bayesiaans gemiddelde van de beoordelingen)",
            ),
            (Method::Network, _) => {
                lang.pick("network position (PageRank)", "netwerkpositie (PageRank)")
            }
        }
        .to_string()
    }

    /// The definition of the method, with its source.
    fn method_definition(&self) -> String {
        let lang = self.lang();
        let a = self.a;
        match (a.method, a.basis) {
            (Method::Activity, _) => self.b.t(
                "Activity: an account's posts of every kind in the period ÷ the period's length in weeks (at least 1).",
                "Activiteit: de posts van elk soort van een account in de periode ÷ de lengte van de periode in weken (minstens 1).",
            ),
            (Method::Quality, Some(Basis::Votes)) => tr!(
                lang,
                "Quality by votes: the lower bound of the Wilson score interval (z = {}, 95%) of the share of up-votes among the up- and down-votes on an account's posts (Wilson 1927; Evan Miller 2009, \"How not to sort by average rating\"): few votes give a low bound, so a post with 2 of 2 up-votes does not outrank one with 95 of 100.",
                "Kwaliteit naar stemmen: de ondergrens van het Wilson-score-interval (z = {}, 95%) van het aandeel positieve stemmen onder de positieve en negatieve stemmen op de posts van een account (Wilson 1927; Evan Miller 2009, \"How not to sort by average rating\"): weinig stemmen geven een lage grens, dus 2 van 2 positief gaat niet boven 95 van 100.",
                lang.num(Z, 2)
            ),
            (Method::Quality, _) => {
                let (c, m) = a
                    .ratings
                    .as_ref()
                    .map_or((self.s.prior_weight, 0.0), |r| (r.c, r.m));
                tr!(
                    lang,
                    "Quality: the Bayesian average of the star ratings of an account's posts, (C·m + Σr) ÷ (C + n), with C = {} and m = {}: every account starts with C ratings of the mean m, so a few high ratings do not beat many good ones (the weighted rating of IMDb's Top 250). Accounts without star ratings have no score.",
                    "Kwaliteit: het Bayesiaans gemiddelde van de sterrenbeoordelingen van de posts van een account, (C·m + Σr) ÷ (C + n), met C = {} en m = {}: elk account begint met C beoordelingen van het gemiddelde m, zodat een paar hoge cijfers niet winnen van veel goede (de gewogen beoordeling van IMDb's Top 250). Accounts zonder sterrenbeoordeling hebben geen score.",
                    num_trim(lang, c),
                    lang.num(m, 4)
                )
            }
            (Method::Network, _) => self.b.t(
                "Network position: PageRank (Page, Brin, Motwani & Winograd 1999; damping 0.85 unless set in [plugins.relationships]) in the network of the relationships section, shown as a multiple of the average account's (PageRank × number of accounts). Only accounts with a relation are scored.",
                "Netwerkpositie: PageRank (Page, Brin, Motwani & Winograd 1999; demping 0,85 tenzij anders ingesteld in [plugins.relationships]) in het netwerk van het onderdeel relaties, getoond als veelvoud van dat van een gemiddeld account (PageRank × aantal accounts). Alleen accounts met een relatie krijgen een score.",
            ),
        }
    }

    /// Why `auto` chose, or that the method was set.
    fn method_reason(&self) -> String {
        let lang = self.lang();
        match self.a.auto {
            None => tr!(
                lang,
                "The method was set in honeycomb.toml: [plugins.reputation] method = \"{}\".",
                "De methode is ingesteld in honeycomb.toml: [plugins.reputation] method = \"{}\".",
                self.a.method.name()
            ),
            Some(AutoReason::Ratings(_)) => {
                let (stars, votes) = self
                    .a
                    .ratings
                    .as_ref()
                    .map_or((0, 0), |r| (r.stars, r.up + r.down));
                let mut parts = Vec::new();
                if stars > 0 {
                    parts.push(tr!(
                        lang,
                        "{} star ratings",
                        "{} sterrenbeoordelingen",
                        lang.int(stars)
                    ));
                }
                if votes > 0 {
                    parts.push(tr!(
                        lang,
                        "{} up- or down-votes",
                        "{} positieve of negatieve stemmen",
                        lang.int(votes)
                    ));
                }
                tr!(
                    lang,
                    "Chosen automatically: the period has {}, so accounts are ranked by how their posts are rated.",
                    "Automatisch gekozen: de periode heeft {}, dus accounts worden gerangschikt naar hoe hun posts beoordeeld worden.",
                    lang.join_and(&parts)
                )
            }
            Some(AutoReason::NoRatingsTable) => self.b.t(
                "Chosen automatically: the data has no ratings table, so accounts are ranked by activity.",
                "Automatisch gekozen: de data heeft geen ratings-tabel, dus accounts worden gerangschikt naar activiteit.",
            ),
            Some(AutoReason::NoRatingsInPeriod) => self.b.t(
                "Chosen automatically: the ratings table has no rating in the period, so accounts are ranked by activity.",
                "Automatisch gekozen: de ratings-tabel heeft geen beoordeling in de periode, dus accounts worden gerangschikt naar activiteit.",
            ),
            Some(AutoReason::OnlyLikes(n)) => tr!(
                lang,
                "Chosen automatically: the {} ratings of the period are all likes, which say nothing about quality, so accounts are ranked by activity.",
                "Automatisch gekozen: de {} beoordelingen van de periode zijn allemaal likes, die niets over kwaliteit zeggen, dus accounts worden gerangschikt naar activiteit.",
                lang.int(n)
            ),
        }
    }

    fn period_text(&self) -> String {
        let lang = self.lang();
        match &self.a.span {
            Some(sp) if sp.from_period => tr!(
                lang,
                "the report period ({} to {}, {} weeks)",
                "de rapportperiode ({} tot en met {}, {} weken)",
                date(sp.first_day),
                date(sp.last_day),
                lang.num(sp.weeks, 1)
            ),
            Some(sp) => tr!(
                lang,
                "the span of the posts, {} to {} ({} weeks; no report period is set)",
                "de looptijd van de posts, {} tot en met {} ({} weken; er is geen rapportperiode ingesteld)",
                date(sp.first_day),
                date(sp.last_day),
                lang.num(sp.weeks, 1)
            ),
            None => self.b.t(
                "no time (there are no posts)",
                "geen tijd (er zijn geen posts)",
            ),
        }
    }

    fn engagement_text(&self) -> String {
        let [likes, reposts, replies] = self.a.columns;
        let lang = self.lang();
        let mut parts: Vec<String> = Vec::new();
        if likes {
            parts.push(lang.pick("likes", "likes").into());
        }
        parts.push(if reposts {
            lang.pick("reposts", "reposts").into()
        } else {
            lang.pick("reposts found in the data", "reposts in de data")
                .into()
        });
        parts.push(if replies {
            lang.pick("replies", "reacties").into()
        } else {
            lang.pick("replies found in the data", "reacties in de data")
                .into()
        });
        parts.push(tr!(
            lang,
            "quotes found in the data ({})",
            "citaten in de data ({})",
            lang.int(self.a.quotes_in_data)
        ));
        tr!(
            lang,
            "engagement = {} on a post",
            "engagement = {} op een post",
            parts.join(" + ")
        )
    }

    fn general_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let n_acc = self.cx.data.accounts.len() as u64;
        let def = format!(
            "{} {} {}",
            self.method_definition(),
            tr!(lang, "Over {}.", "Over {}.", self.period_text()),
            self.method_reason()
        );
        self.b.metric(
            "scored_accounts",
            self.b.t(
                "Accounts with a reputation score",
                "Accounts met een reputatiescore",
            ),
            Some(a.scored() as f64),
            tr!(
                lang,
                "{}, by {}",
                "{}, naar {}",
                lang.of(a.scored(), n_acc, "accounts", "accounts"),
                self.method_name()
            ),
            "",
            def,
        );
        if let Some(r) = &a.ratings {
            let total = r.stars + r.up + r.down;
            self.b.metric(
                "ratings",
                self.b.t("Ratings in the period", "Beoordelingen in de periode"),
                Some(total as f64),
                {
                    let mut parts = vec![tr!(
                        lang,
                        "{} star ratings",
                        "{} sterrenbeoordelingen",
                        lang.int(r.stars)
                    )];
                    if r.has_votes() {
                        parts.push(tr!(
                            lang,
                            "{} up- and {} down-votes",
                            "{} positieve en {} negatieve stemmen",
                            lang.int(r.up),
                            lang.int(r.down)
                        ));
                    }
                    tr!(
                        lang,
                        "{} on {} posts",
                        "{} op {} posts",
                        lang.join_and(&parts),
                        lang.int(r.rated_posts)
                    )
                },
                "",
                {
                    let mut def = self.b.t(
                        "Rows of the ratings table dated in the period (by created_at, else by the rated post's time): star ratings (kind star, the default) and up- and down-votes (kind up, down).",
                        "Rijen van de ratings-tabel in de periode (naar created_at, anders naar het tijdstip van de beoordeelde post): sterrenbeoordelingen (kind star, de standaard) en stemmen (kind up, down).",
                    );
                    if r.likes > 0 {
                        def.push(' ');
                        def.push_str(&tr!(
                            lang,
                            "{} likes are not counted: a like rates nothing.",
                            "{} likes tellen niet mee: een like beoordeelt niets.",
                            lang.int(r.likes)
                        ));
                    }
                    if r.outside > 0 {
                        def.push(' ');
                        def.push_str(&tr!(
                            lang,
                            "{} ratings lie outside the period.",
                            "{} beoordelingen vallen buiten de periode.",
                            lang.int(r.outside)
                        ));
                    }
                    def
                },
            );
            if r.stars > 0 || r.m_configured {
                let m_def = if r.m_configured {
                    self.b.t(
                        "m, the prior mean of the Bayesian average, as set in [plugins.reputation] prior_mean",
                        "m, het vooraf aangenomen gemiddelde van het Bayesiaans gemiddelde, zoals ingesteld in [plugins.reputation] prior_mean",
                    )
                } else {
                    tr!(
                        lang,
                        "m, the prior mean of the Bayesian average: the mean of all {} star ratings in the period",
                        "m, het vooraf aangenomen gemiddelde van het Bayesiaans gemiddelde: het gemiddelde van alle {} sterrenbeoordelingen in de periode",
                        lang.int(r.stars)
                    )
                };
                self.b.metric(
                    "prior_mean",
                    self.b.t("Mean rating (m)", "Gemiddelde beoordeling (m)"),
                    Some(r.m),
                    tr!(
                        lang,
                        "{} (weight C = {} ratings)",
                        "{} (gewicht C = {} beoordelingen)",
                        lang.num(r.m, 4),
                        num_trim(lang, r.c)
                    ),
                    "",
                    tr!(
                        lang,
                        "{m_def}; C = prior_weight, the number of ratings of the mean every account starts with.",
                        "{m_def}; C = prior_weight, het aantal beoordelingen van het gemiddelde waarmee elk account begint."
                    ),
                );
            }
            if r.has_votes() {
                let share = r.up as f64 / (r.up + r.down) as f64;
                self.b.metric(
                    "upvote_share",
                    self.b.t("Up-votes", "Positieve stemmen"),
                    Some(share * 100.0),
                    lang.of(r.up, r.up + r.down, "votes", "stemmen"),
                    "%",
                    self.b.t(
                        "Up-votes ÷ (up-votes + down-votes) in the period, over all posts.",
                        "Positieve stemmen ÷ (positieve + negatieve stemmen) in de periode, over alle posts.",
                    ),
                );
            }
        }
        if a.active_weeks > 0 {
            let v = a.posts_in_period as f64 / a.active_weeks as f64;
            self.b.metric(
                "posts_per_active_week",
                self.b.t(
                    "Posts per active account-week",
                    "Posts per actieve account-week",
                ),
                Some(v),
                tr!(
                    lang,
                    "{} ({} posts in {} account-weeks)",
                    "{} ({} posts in {} account-weken)",
                    lang.num(v, 2),
                    lang.int(a.posts_in_period),
                    lang.int(a.active_weeks)
                ),
                "posts",
                self.b.t(
                    "Posts of every kind in the period ÷ the (account, calendar week) pairs with at least one post; weeks run Monday to Sunday in the report's time zone. How much an account posts in a week in which it posts at all.",
                    "Posts van elk soort in de periode ÷ de paren (account, kalenderweek) met minstens één post; weken lopen van maandag tot zondag in de tijdzone van het rapport. Hoeveel een account post in een week waarin het überhaupt post.",
                ),
            );
        }
    }

    fn brand_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let Some(brand) = a.brand() else { return };
        let scored = a.scored();
        if let Some((acc, v, rank)) = brand.best {
            let who = label(self.cx, acc);
            self.b.metric(
                "brand_score",
                self.b.t("Your reputation score", "Jouw reputatiescore"),
                Some(v),
                tr!(
                    lang,
                    "{} ({who}, {})",
                    "{} ({who}, {})",
                    self.fmt_score(v),
                    self.fmt_support(a.support[acc as usize])
                ),
                "",
                tr!(
                    lang,
                    "The score of your best-ranked account by {}.",
                    "De score van je best geplaatste account naar {}.",
                    self.method_name()
                ),
            );
            let top = rank as f64 / scored.max(1) as f64;
            self.b.metric(
                "brand_rank",
                self.b.t("Your rank", "Jouw plaats"),
                Some(rank as f64),
                if top <= 0.5 {
                    tr!(
                        lang,
                        "#{} of {} (top {})",
                        "#{} van {} (top {})",
                        lang.int(rank),
                        lang.int(scored),
                        lang.pct(top, 1)
                    )
                } else {
                    tr!(
                        lang,
                        "#{} of {} (bottom {})",
                        "#{} van {} (onderste {})",
                        lang.int(rank),
                        lang.int(scored),
                        lang.pct(1.0 - (rank - 1) as f64 / scored.max(1) as f64, 1)
                    )
                },
                "",
                self.b.t(
                    "Rank of your best-ranked account among all accounts with a score (1 = the highest; equal scores share the better rank).",
                    "Plaats van je best geplaatste account onder alle accounts met een score (1 = de hoogste; gelijke scores delen de betere plaats).",
                ),
            );
        }
        self.b.metric(
            "brand_h_index",
            self.b.t("Your h-index", "Jouw h-index"),
            Some(brand.h_index as f64),
            tr!(
                lang,
                "{} (over {} posts and replies)",
                "{} (over {} posts en reacties)",
                lang.int(brand.h_index as u64),
                lang.int(brand.h_posts)
            ),
            "",
            tr!(
                lang,
                "The largest h such that h of your posts in the period (all your accounts together; reposts left out) have at least h engagements each (Hirsch 2005); {}.",
                "De grootste h waarvoor h van je posts in de periode (al je accounts samen; reposts niet meegeteld) elk minstens h keer engagement kregen (Hirsch 2005); {}.",
                self.engagement_text()
            ),
        );
        if let Some(sp) = &a.span {
            let v = brand.posts as f64 / sp.weeks;
            self.b.metric(
                "brand_posts_per_week",
                self.b.t("Your posts per week", "Jouw posts per week"),
                Some(v),
                tr!(
                    lang,
                    "{} ({} posts in {} weeks)",
                    "{} ({} posts in {} weken)",
                    lang.num(v, 1),
                    lang.int(brand.posts),
                    lang.num(sp.weeks, 1)
                ),
                "posts/week",
                self.b.t(
                    "Posts of every kind by your accounts in the period ÷ its length in weeks.",
                    "Posts van elk soort van je accounts in de periode ÷ de lengte ervan in weken.",
                ),
            );
        }
        if let Some(t) = brand.posts_trend {
            self.b.metric(
                "brand_activity_trend",
                self.b.t("Trend of your posting", "Trend van je posten"),
                Some(t * 100.0),
                tr!(
                    lang,
                    "{} per 30 days",
                    "{} per 30 dagen",
                    signed_pct(lang, t)
                ),
                "%",
                self.trend_definition(self.b.t(
                    "your posts per full calendar week",
                    "je posts per volledige kalenderweek",
                )),
            );
        }
        if let Some(q) = brand.quality {
            let votes =
                a.basis == Some(Basis::Votes) || a.ratings.as_ref().is_some_and(|r| r.stars == 0);
            self.b.metric(
                "brand_quality",
                self.b.t("Rating of your posts", "Beoordeling van je posts"),
                Some(if votes { q * 100.0 } else { q }),
                if votes {
                    tr!(
                        lang,
                        "{} up-votes at least (lower bound, {} votes)",
                        "minstens {} positieve stemmen (ondergrens, {} stemmen)",
                        lang.pct(q, 1),
                        lang.int(brand.quality_n)
                    )
                } else {
                    let m = a.ratings.as_ref().map_or(0.0, |r| r.m);
                    tr!(
                        lang,
                        "{} ({} ratings; mean of all accounts {})",
                        "{} ({} beoordelingen; gemiddelde van alle accounts {})",
                        lang.num(q, 2),
                        lang.int(brand.quality_n),
                        lang.num(m, 2)
                    )
                },
                if votes { "%" } else { "" },
                if votes {
                    self.b.t(
                        "The Wilson lower bound (z = 1.96) of the share of up-votes on the posts of all your accounts together.",
                        "De Wilson-ondergrens (z = 1,96) van het aandeel positieve stemmen op de posts van al je accounts samen.",
                    )
                } else {
                    self.b.t(
                        "The Bayesian average (C·m + Σr) ÷ (C + n) of the star ratings of the posts of all your accounts together.",
                        "Het Bayesiaans gemiddelde (C·m + Σr) ÷ (C + n) van de sterrenbeoordelingen van de posts van al je accounts samen.",
                    )
                },
            );
        }
        let den = self.denominator_text();
        if let Some(r) = brand.rate {
            self.b.metric(
                "engagement_rate",
                self.b.t("Your engagement rate", "Jouw engagement rate"),
                Some(r * 100.0),
                if brand.rated == brand.own {
                    tr!(
                        lang,
                        "{} per post (mean over {} own posts)",
                        "{} per post (gemiddelde over {} eigen posts)",
                        lang.pct(r, 2),
                        lang.int(brand.rated)
                    )
                } else {
                    let with = if a.denominator == Denominator::Impressions {
                        lang.pick("with views", "met weergaven")
                    } else {
                        lang.pick("with a known follower count", "met een bekend aantal volgers")
                    };
                    tr!(
                        lang,
                        "{} per post (mean over the {} of {} own posts {with})",
                        "{} per post (gemiddelde over de {} van {} eigen posts {with})",
                        lang.pct(r, 2),
                        lang.int(brand.rated),
                        lang.int(brand.own)
                    )
                },
                "%",
                tr!(
                    lang,
                    "Mean over your own posts in the period (originals and quotes) of engagement ÷ {den}; {}. Engagements ÷ impressions is the platforms' own definition (e.g. X/Twitter analytics); ÷ followers is the usual one when impressions are unknown.",
                    "Gemiddelde over je eigen posts in de periode (originele posts en citaten) van engagement ÷ {den}; {}. Engagement ÷ weergaven is de definitie van de platforms zelf (bijv. X/Twitter analytics); ÷ volgers is de gebruikelijke als weergaven onbekend zijn.",
                    self.engagement_text()
                ),
            );
        }
        if let Some(t) = brand.rate_trend {
            self.b.metric(
                "engagement_trend",
                self.b.t(
                    "Trend of your engagement rate",
                    "Trend van je engagement rate",
                ),
                Some(t * 100.0),
                tr!(
                    lang,
                    "{} per 30 days",
                    "{} per 30 dagen",
                    signed_pct(lang, t)
                ),
                "%",
                self.trend_definition(self.b.t(
                    "your mean engagement rate per calendar week (weeks with an own post)",
                    "je gemiddelde engagement rate per kalenderweek (weken met een eigen post)",
                )),
            );
        }
        self.b.metric(
            "mentions",
            self.b.t("Posts about you", "Posts over jou"),
            Some(brand.mentions as f64),
            lang.int(brand.mentions),
            "posts",
            self.b.t(
                "Posts by other accounts in the period that mention one of your accounts (@handle) or reply to or quote one of your posts; a post counts once.",
                "Posts van andere accounts in de periode die een van je accounts noemen (@naam) of reageren op of citeren uit een van je posts; een post telt één keer.",
            ),
        );
        let comps = a.competitors();
        if !comps.is_empty() {
            let all: u64 = a.orgs.iter().map(|o| o.mentions).sum();
            let k = lang.int(comps.len() as u64);
            let fair = lang.pct(1.0 / a.orgs.len() as f64, 1);
            self.b.metric(
                "share_of_voice",
                self.b.t("Share of voice", "Share of voice"),
                (all > 0).then(|| brand.mentions as f64 / all as f64 * 100.0),
                if all > 0 {
                    lang.of(brand.mentions, all, "posts about you or a competitor", "posts over jou of een concurrent")
                } else {
                    self.b.t("– (nobody mentions you or a competitor)", "– (niemand noemt jou of een concurrent)")
                },
                "%",
                tr!(
                    lang,
                    "Posts about you ÷ posts about you or any of the {k} competitors named in [report] competitors (each counted as above). An equal share would be {fair}.",
                    "Posts over jou ÷ posts over jou of een van de {k} concurrenten uit [report] competitors (elk geteld zoals hierboven). Een gelijk deel zou {fair} zijn."
                ),
            );
            let total: u64 = a.orgs.iter().map(|o| o.mentions + o.posts).sum();
            self.b.metric(
                "share_of_voice_total",
                self.b.t("Share of total voice", "Aandeel in het hele gesprek"),
                (total > 0).then(|| (brand.mentions + brand.posts) as f64 / total as f64 * 100.0),
                lang.of(brand.mentions + brand.posts, total, "posts by or about you and your competitors", "posts van of over jou en je concurrenten"),
                "%",
                self.b.t(
                    "(Your own posts + posts about you) ÷ (the same for you and all competitors together): how much of the conversation around your market is yours, including what you post yourself.",
                    "(Je eigen posts + posts over jou) ÷ (hetzelfde voor jou en alle concurrenten samen): hoeveel van het gesprek rond je markt van jou is, inclusief wat je zelf post.",
                ),
            );
        }
    }

    fn trend_definition(&self, what: String) -> String {
        tr!(
            self.lang(),
            "The slope of the least-squares line through {what}, × 30/7 and ÷ the mean weekly value: the relative change per 30 days the line shows (needs at least 4 weeks).",
            "De helling van de kleinste-kwadratenlijn door {what}, × 30/7 en ÷ de gemiddelde weekwaarde: de relatieve verandering per 30 dagen volgens die lijn (minstens 4 weken nodig)."
        )
    }

    fn denominator_text(&self) -> String {
        match self.a.denominator {
            Denominator::Impressions => self.b.t(
                "the post's views (impressions); posts without views are left out",
                "het aantal weergaven van de post (impressies); posts zonder weergaven tellen niet mee",
            ),
            Denominator::FollowersAtTime => self.b.t(
                "the author's followers at the time of the post (follows dated up to then, plus undated ones)",
                "de volgers van de auteur op het moment van de post (volgrelaties tot dan, plus die zonder datum)",
            ),
            Denominator::FollowersNow => self.b.t(
                "the author's follower count as exported (today's count, for posts of any date)",
                "het aantal volgers van de auteur zoals geëxporteerd (het huidige aantal, voor posts van elke datum)",
            ),
            Denominator::Unknown => self.b.t("nothing (no views or followers)", "niets (geen weergaven of volgers)"),
        }
    }

    fn ranking_table(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        if a.order.is_empty() {
            return;
        }
        let mut rows_of: Vec<AccountIx> = a.order.iter().copied().take(self.s.listed).collect();
        let listed = rows_of.len();
        for o in &a.orgs {
            for &acc in &o.accounts {
                if a.rank[acc as usize].is_some() && !rows_of.contains(&acc) {
                    rows_of.push(acc);
                }
            }
        }
        let extra = rows_of.len() > listed;
        rows_of[listed..].sort_by_key(|&x| (a.rank[x as usize], x));
        let columns = vec![
            "#".to_string(),
            lang.pick("Account", "Account").into(),
            lang.pick("Score", "Score").into(),
            lang.pick("Based on", "Gebaseerd op").into(),
            lang.pick("h-index", "h-index").into(),
            lang.pick("Posts/week", "Posts/week").into(),
            lang.pick("Who", "Wie").into(),
        ];
        let numeric = vec![true, false, true, true, true, true, false];
        let weeks = a.span.map_or(1.0, |s| s.weeks);
        let rows = rows_of
            .iter()
            .map(|&acc| {
                let i = acc as usize;
                let who = if cx.is_brand(acc) {
                    lang.pick("you", "jij")
                } else if cx.is_competitor(acc) {
                    lang.pick("competitor", "concurrent")
                } else {
                    ""
                };
                vec![
                    a.rank[i].map(|r| lang.int(r)).unwrap_or_default(),
                    label(cx, acc),
                    a.score[i].map(|v| self.fmt_score(v)).unwrap_or_default(),
                    self.fmt_support(a.support[i]),
                    a.h[i]
                        .map(|h| lang.int(h as u64))
                        .unwrap_or_else(|| "–".into()),
                    lang.num(a.posts[i] as f64 / weeks, 2),
                    who.to_string(),
                ]
            })
            .collect();
        let note = tr!(
            lang,
            "{} Equal scores share the better rank and are listed by account id. h-index: the largest h such that h of the account's posts in the period have at least h engagements each (Hirsch 2005). {}",
            "{} Gelijke scores delen de betere plaats en staan op volgorde van account-id. h-index: de grootste h waarvoor h van de posts van het account in de periode elk minstens h keer engagement kregen (Hirsch 2005). {}",
            self.method_definition(),
            if extra {
                lang.pick(
                    "Your and your competitors' accounts are added below the top when they are not in it.",
                    "Jouw accounts en die van je concurrenten staan onder de top als ze er niet in staan.",
                )
            } else {
                ""
            }
        );
        self.b.sec.tables.push(Table {
            id: "ranking".into(),
            title: tr!(
                lang,
                "The {} accounts with the highest reputation, by {}",
                "De {} accounts met de hoogste reputatie, naar {}",
                listed,
                self.method_name()
            ),
            columns,
            numeric,
            rows,
            note: Some(note.trim().to_string()),
        });
    }

    fn comparison_table(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if a.orgs.is_empty() {
            return;
        }
        let all_mentions: u64 = a.orgs.iter().map(|o| o.mentions).sum();
        let weeks = a.span.map_or(1.0, |s| s.weeks);
        let mut columns: Vec<String> = vec![
            lang.pick("Who", "Wie").into(),
            lang.pick("Posts/week", "Posts/week").into(),
            lang.pick("h-index", "h-index").into(),
            lang.pick("Engagement rate", "Engagement rate").into(),
            lang.pick("Posts about them", "Posts erover").into(),
        ];
        let mut numeric = vec![false, true, true, true, true];
        let with_sov = a.orgs.len() > 1;
        if with_sov {
            columns.push(lang.pick("Share of voice", "Share of voice").into());
            numeric.push(true);
        }
        columns.push(lang.pick("Best rank", "Beste plaats").into());
        numeric.push(true);
        let rows = a
            .orgs
            .iter()
            .map(|o| {
                let mut row = vec![
                    self.org_name(o),
                    lang.num(o.posts as f64 / weeks, 2),
                    lang.int(o.h_index as u64),
                    o.rate.map(|r| lang.pct(r, 2)).unwrap_or_else(|| "–".into()),
                    lang.int(o.mentions),
                ];
                if with_sov {
                    row.push(if all_mentions > 0 {
                        lang.pct(o.mentions as f64 / all_mentions as f64, 1)
                    } else {
                        "–".into()
                    });
                }
                row.push(
                    o.best
                        .map(|(_, _, r)| format!("#{}", lang.int(r)))
                        .unwrap_or_else(|| "–".into()),
                );
                row
            })
            .collect();
        let den = self.denominator_text();
        self.b.sec.tables.push(Table {
            id: "competitors".into(),
            title: if with_sov {
                self.b.t("You and your competitors", "Jij en je concurrenten")
            } else {
                self.b.t("Your accounts", "Jouw accounts")
            },
            columns,
            numeric,
            rows,
            note: Some(tr!(
                lang,
                "Engagement rate: mean over own posts (originals and quotes) of engagement ÷ {den}. Posts about them: posts by others that mention them or reply to or quote their posts. Share of voice: posts about them ÷ posts about anyone in this table.",
                "Engagement rate: gemiddelde over eigen posts (originele posts en citaten) van engagement ÷ {den}. Posts erover: posts van anderen die hen noemen of reageren op of citeren uit hun posts. Share of voice: posts erover ÷ posts over iemand in deze tabel."
            )),
        });
    }

    fn low_posts_table(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if a.low_posts.is_empty() {
            return;
        }
        let d = self.cx.data;
        let m = a.ratings.as_ref().map_or(0.0, |r| r.m);
        let rows = a
            .low_posts
            .iter()
            .map(|p| {
                let post = &d.posts[p.post as usize];
                let mut clock = honeycomb_core::time::LocalClock::new(self.cx.tz.clone());
                vec![
                    post.id.to_string(),
                    label(self.cx, post.author),
                    date(clock.local_day(post.created_at)),
                    lang.int(p.n as u64),
                    lang.num(p.mean, 2),
                    lang.num(p.bayes, 2),
                ]
            })
            .collect();
        self.b.sec.tables.push(Table {
            id: "low-rated-posts".into(),
            title: self.b.t("Your lowest-rated posts", "Je laagst beoordeelde posts"),
            columns: vec![
                lang.pick("Post", "Post").into(),
                lang.pick("Account", "Account").into(),
                lang.pick("Date", "Datum").into(),
                lang.pick("Ratings", "Beoordelingen").into(),
                lang.pick("Mean", "Gemiddelde").into(),
                lang.pick("Bayesian average", "Bayesiaans gemiddelde").into(),
            ],
            numeric: vec![false, false, false, true, true, true],
            rows,
            note: Some(tr!(
                lang,
                "Your posts whose star ratings average below the mean of all ratings (m = {}), lowest Bayesian average first; post ids as in the data.",
                "Je posts waarvan de sterrenbeoordelingen gemiddeld onder het gemiddelde van alle beoordelingen liggen (m = {}), laagste Bayesiaans gemiddelde eerst; post-id's zoals in de data.",
                lang.num(m, 2)
            )),
        });
    }

    fn charts(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let cx = self.cx;
        if let Some(h) = &a.history {
            let w = self.s.window_days;
            let series: Vec<Series> = h
                .lines
                .iter()
                .map(|(acc, v, _)| Series {
                    name: label(cx, *acc),
                    values: v.iter().map(|x| x.unwrap_or(f64::NAN)).collect(),
                })
                .collect();
            let (y_en, y_nl) = match (a.method, a.basis) {
                (Method::Activity, _) => ("posts per week", "posts per week"),
                (Method::Quality, Some(Basis::Votes)) => {
                    ("up-votes, lower bound", "positieve stemmen, ondergrens")
                }
                _ => ("Bayesian average rating", "Bayesiaans gemiddelde"),
            };
            let series = if a.basis == Some(Basis::Votes) {
                series
                    .into_iter()
                    .map(|s| Series {
                        name: s.name,
                        values: s.values.iter().map(|v| v * 100.0).collect(),
                    })
                    .collect()
            } else {
                series
            };
            self.b.sec.charts.push(Chart {
                id: "history".into(),
                title: tr!(
                    lang,
                    "Reputation over a rolling {w} days",
                    "Reputatie over een voortschrijdende {w} dagen"
                ),
                description: tr!(
                    lang,
                    "The score by {} of {} over the {w} days up to each Sunday, from {} to {}; a gap means no ratings in that window.",
                    "De score naar {} van {} over de {w} dagen tot elke zondag, van {} tot {}; een onderbreking betekent geen beoordelingen in dat venster.",
                    self.method_name(),
                    lang.join_and(&h.lines.iter().map(|l| label(cx, l.0)).collect::<Vec<_>>()),
                    date(h.days[0]),
                    date(h.days[h.days.len() - 1])
                ),
                x_label: self.b.t("end of window", "einde van het venster"),
                y_label: lang.pick(y_en, y_nl).into(),
                kind: ChartKind::Line {
                    x: h.days.iter().map(|&d| date(d)).collect(),
                    series,
                },
            });
        }
        let Some(sp) = &a.span else { return };
        if a.orgs.iter().any(|o| o.rate.is_some()) {
            let series: Vec<Series> = a
                .orgs
                .iter()
                .filter(|o| o.rate.is_some())
                .map(|o| Series {
                    name: self.org_name(o),
                    values: o
                        .rate_weekly
                        .iter()
                        .map(|v| v.map_or(f64::NAN, |x| x * 100.0))
                        .collect(),
                })
                .collect();
            self.b.sec.charts.push(Chart {
                id: "engagement-rate".into(),
                title: self.b.t("Engagement rate per week", "Engagement rate per week"),
                description: tr!(
                    lang,
                    "Mean engagement rate (engagement ÷ {}) of the own posts of each calendar week, in percent; a gap is a week without own posts.",
                    "Gemiddelde engagement rate (engagement ÷ {}) van de eigen posts per kalenderweek, in procenten; een onderbreking is een week zonder eigen posts.",
                    self.denominator_text()
                ),
                x_label: self.b.t("week starting", "week vanaf"),
                y_label: self.b.t("engagement rate (%)", "engagement rate (%)"),
                kind: ChartKind::Line {
                    x: (0..sp.n_weeks).map(|w| date(sp.week0 + 7 * w as i64)).collect(),
                    series,
                },
            });
        }
        if a.orgs.len() > 1 {
            self.b.sec.charts.push(Chart {
                id: "share-of-voice".into(),
                title: self.b.t("Share of voice", "Share of voice"),
                description: self.b.t(
                    "Posts by others about you and about each competitor (mentions, replies and quotes) in the period, beside each one's own posts.",
                    "Posts van anderen over jou en over elke concurrent (vermeldingen, reacties en citaten) in de periode, naast de eigen posts van elk.",
                ),
                x_label: String::new(),
                y_label: self.b.t("posts", "posts"),
                kind: ChartKind::Bar {
                    categories: a.orgs.iter().map(|o| self.org_name(o)).collect(),
                    series: vec![
                        Series {
                            name: self.b.t("posts about them", "posts erover"),
                            values: a.orgs.iter().map(|o| o.mentions as f64).collect(),
                        },
                        Series {
                            name: self.b.t("own posts", "eigen posts"),
                            values: a.orgs.iter().map(|o| o.posts as f64).collect(),
                        },
                    ],
                },
            });
        }
    }

    fn exports(&mut self) {
        let a = self.a;
        let cx = self.cx;
        let d = cx.data;
        if let Some(h) = &a.history {
            let mut rows = Vec::new();
            for (acc, values, ns) in &h.lines {
                for (k, &day) in h.days.iter().enumerate() {
                    rows.push(vec![
                        d.accounts[*acc as usize].id.to_string(),
                        d.accounts[*acc as usize]
                            .handle
                            .as_deref()
                            .unwrap_or("")
                            .to_string(),
                        date(day),
                        values[k].map(|v| format!("{v:.6}")).unwrap_or_default(),
                        ns[k].to_string(),
                    ]);
                }
            }
            self.b.sec.exports.push(Table {
                id: "history".into(),
                title: "reputation history".into(),
                columns: ["account", "handle", "window_end", "score", "n"]
                    .map(String::from)
                    .to_vec(),
                numeric: vec![false, false, false, true, true],
                rows,
                note: None,
            });
        }
        if let Some(sp) = &a.span
            && !a.orgs.is_empty()
        {
            let mut rows = Vec::new();
            for o in &a.orgs {
                let ids: Vec<&str> = o
                    .accounts
                    .iter()
                    .map(|&x| &*d.accounts[x as usize].id)
                    .collect();
                for w in 0..sp.n_weeks {
                    rows.push(vec![
                        date(sp.week0 + 7 * w as i64),
                        ids.join(" "),
                        o.is_brand.to_string(),
                        o.posts_weekly[w].to_string(),
                        o.mentions_weekly[w].to_string(),
                        o.rate_weekly[w]
                            .map(|v| format!("{v:.6}"))
                            .unwrap_or_default(),
                    ]);
                }
            }
            self.b.sec.exports.push(Table {
                id: "weekly".into(),
                title: "reputation weekly".into(),
                columns: [
                    "week_start",
                    "accounts",
                    "brand",
                    "posts",
                    "mentions",
                    "engagement_rate",
                ]
                .map(String::from)
                .to_vec(),
                numeric: vec![false, false, false, true, true, true],
                rows,
                note: None,
            });
        }
    }

    fn columns(&mut self) {
        let a = self.a;
        let d = self.cx.data;
        let acc = Entity::Account;
        let weeks = a.span.map(|s| s.weeks);
        let decimals = if a.method == Method::Network { 10 } else { 6 };
        let cols = &mut self.b.sec.entity_columns;
        cols.push(EntityColumn::floats(
            acc,
            "reputation",
            a.score.clone(),
            decimals,
        ));
        cols.push(EntityColumn::ints(
            acc,
            "reputation_rank",
            a.rank.iter().map(|r| r.map(|r| r as i64)).collect(),
        ));
        cols.push(EntityColumn::ints(
            acc,
            "h_index",
            a.h.iter().map(|h| h.map(|h| h as i64)).collect(),
        ));
        cols.push(EntityColumn::floats(
            acc,
            "posts_per_week",
            a.posts
                .iter()
                .map(|&n| weeks.map(|w| n as f64 / w))
                .collect(),
            4,
        ));
        if let Some(r) = &a.ratings {
            cols.push(EntityColumn::ints(
                acc,
                "ratings_received",
                r.acc_all.iter().map(|&n| Some(n as i64)).collect(),
            ));
            if r.stars > 0 {
                cols.push(EntityColumn::floats(
                    acc,
                    "rating_bayes",
                    (0..d.accounts.len()).map(|i| r.account_bayes(i)).collect(),
                    6,
                ));
            }
            if r.has_votes() {
                cols.push(EntityColumn::ints(
                    acc,
                    "votes_up",
                    r.acc_up.iter().map(|&n| Some(n as i64)).collect(),
                ));
                cols.push(EntityColumn::ints(
                    acc,
                    "votes_down",
                    r.acc_down.iter().map(|&n| Some(n as i64)).collect(),
                ));
                cols.push(EntityColumn::floats(
                    acc,
                    "wilson_lower",
                    (0..d.accounts.len()).map(|i| r.account_wilson(i)).collect(),
                    6,
                ));
            }
            let post = Entity::Post;
            cols.push(EntityColumn::ints(
                post,
                "ratings",
                r.post_all.iter().map(|&n| Some(n as i64)).collect(),
            ));
            if r.stars > 0 {
                cols.push(EntityColumn::floats(
                    post,
                    "rating_bayes",
                    r.post_n
                        .iter()
                        .zip(&r.post_sum)
                        .map(|(&n, &s)| {
                            (n > 0)
                                .then(|| crate::analysis::bayesian_average(s, n as u64, r.c, r.m))
                                .flatten()
                        })
                        .collect(),
                    6,
                ));
            }
            if r.has_votes() {
                cols.push(EntityColumn::floats(
                    post,
                    "wilson_lower",
                    r.post_up
                        .iter()
                        .zip(&r.post_down)
                        .map(|(&u, &dn)| crate::analysis::wilson_lower(u as u64, dn as u64, Z))
                        .collect(),
                    6,
                ));
            }
        }
        if !a.post_rate.is_empty() {
            let mut v = vec![None; d.posts.len()];
            for &(p, x) in &a.post_rate {
                v[p as usize] = Some(x);
            }
            cols.push(EntityColumn::floats(Entity::Post, "engagement_rate", v, 6));
        }
    }

    fn findings_and_advice(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        self.b.finding(
            Severity::Info,
            format!(
                "{} {}",
                tr!(
                    lang,
                    "Reputation is measured by {}.",
                    "Reputatie is gemeten naar {}.",
                    self.method_name()
                ),
                self.method_reason()
            ),
            &["scored_accounts"],
        );
        let Some(brand) = a.brand() else { return };
        let scored = a.scored();
        if let Some((acc, v, rank)) = brand.best {
            let top = rank as f64 / scored.max(1) as f64;
            let (r, n, who, sc) = (
                lang.int(rank),
                lang.int(scored),
                label(cx, acc),
                self.fmt_score(v),
            );
            if top <= 0.1 {
                self.b.finding(
                    Severity::Info,
                    tr!(
                        lang,
                        "Your best account, {who}, ranks #{r} of {n} by {} ({sc}): in the top {}.",
                        "Je beste account, {who}, staat op #{r} van {n} naar {} ({sc}): in de top {}.",
                        self.method_name(),
                        lang.pct(top, 1)
                    ),
                    &["brand_rank", "brand_score"],
                );
            } else if top > 0.5 {
                self.b.finding(
                    Severity::Warning,
                    tr!(
                        lang,
                        "Your best account, {who}, ranks only #{r} of {n} by {} ({sc}): in the lower half.",
                        "Je beste account, {who}, staat maar op #{r} van {n} naar {} ({sc}): in de onderste helft.",
                        self.method_name()
                    ),
                    &["brand_rank", "brand_score"],
                );
            }
        }
        if let Some(t) = brand.posts_trend
            && t <= FALLING
        {
            let pw = a.span.map_or(0.0, |s| brand.posts as f64 / s.weeks);
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "You post less and less: the trend of your weekly posts is {} per 30 days (on average {} posts a week).",
                    "Je post steeds minder: de trend van je posts per week is {} per 30 dagen (gemiddeld {} posts per week).",
                    signed_pct(lang, t),
                    lang.num(pw, 1)
                ),
                &["brand_activity_trend", "brand_posts_per_week"],
            );
            self.b.recommend(
                Priority::Medium,
                tr!(
                    lang,
                    "Plan your posts: get back to at least {} posts a week.",
                    "Plan je posts: ga terug naar minstens {} posts per week.",
                    lang.num(pw.max(1.0).ceil(), 0)
                ),
                tr!(
                    lang,
                    "Your posting falls by {} per 30 days; a reputation for being there is built by showing up regularly.",
                    "Je aantal posts daalt met {} per 30 dagen; een reputatie van aanwezig zijn bouw je op door regelmatig te verschijnen.",
                    lang.pct(-t, 0)
                ),
                &["brand_activity_trend", "brand_posts_per_week"],
            );
        }
        if let (Some(q), Some(r)) = (brand.quality, &a.ratings) {
            let votes = r.stars == 0 || a.basis == Some(Basis::Votes);
            if !votes && q < r.m {
                let lows: Vec<String> = a
                    .low_posts
                    .iter()
                    .take(3)
                    .map(|p| cx.data.posts[p.post as usize].id.to_string())
                    .collect();
                self.b.finding(
                    Severity::Warning,
                    tr!(
                        lang,
                        "Your posts are rated below average: {} against {} for all accounts ({} ratings).",
                        "Je posts worden lager beoordeeld dan gemiddeld: {} tegen {} voor alle accounts ({} beoordelingen).",
                        lang.num(q, 2),
                        lang.num(r.m, 2),
                        lang.int(brand.quality_n)
                    ),
                    &["brand_quality", "prior_mean"],
                );
                self.b.recommend(
                    Priority::High,
                    if lows.is_empty() {
                        self.b.t(
                            "Find out why your posts are rated below average and post more of what is rated well.",
                            "Zoek uit waarom je posts lager dan gemiddeld beoordeeld worden en post meer van wat goed beoordeeld wordt.",
                        )
                    } else {
                        tr!(
                            lang,
                            "Look at your lowest-rated posts ({}) and find out what put people off; post more of what is rated well.",
                            "Bekijk je laagst beoordeelde posts ({}) en zoek uit wat mensen tegenstond; post meer van wat goed beoordeeld wordt.",
                            lang.join_and(&lows)
                        )
                    },
                    tr!(
                        lang,
                        "Your posts average {} after smoothing, the mean of all ratings is {}; ratings are what others see of your standing.",
                        "Je posts scoren na afvlakking gemiddeld {}, het gemiddelde van alle beoordelingen is {}; beoordelingen zijn wat anderen van je aanzien zien.",
                        lang.num(q, 2),
                        lang.num(r.m, 2)
                    ),
                    &["brand_quality", "prior_mean"],
                );
            } else if votes && q < 0.5 && brand.quality_n > 0 {
                self.b.finding(
                    Severity::Warning,
                    tr!(
                        lang,
                        "Fewer than half of the votes on your posts can be counted on as up-votes: the lower bound is {} ({} votes).",
                        "Minder dan de helft van de stemmen op je posts is met zekerheid positief: de ondergrens is {} ({} stemmen).",
                        lang.pct(q, 1),
                        lang.int(brand.quality_n)
                    ),
                    &["brand_quality"],
                );
            }
        }
        if let Some(t) = brand.rate_trend
            && t <= FALLING
        {
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "Your engagement rate falls: {} per 30 days.",
                    "Je engagement rate daalt: {} per 30 dagen.",
                    signed_pct(lang, t)
                ),
                &["engagement_trend", "engagement_rate"],
            );
        }
        let comps = a.competitors();
        if let Some(r) = brand.rate {
            let better: Vec<&Org> = comps
                .iter()
                .filter(|c| c.rate.is_some_and(|x| x > r))
                .collect();
            if let Some(best) = better
                .iter()
                .max_by(|x, y| x.rate.unwrap_or(0.0).total_cmp(&y.rate.unwrap_or(0.0)))
            {
                let (name, theirs) = (self.org_name(best), best.rate.unwrap_or(0.0));
                let per = if a.denominator == Denominator::Impressions {
                    lang.pick("view", "weergave")
                } else {
                    lang.pick("follower", "volger")
                };
                self.b.recommend(
                    Priority::Medium,
                    tr!(
                        lang,
                        "Study what {name} posts: their posts get more engagement per {per} than yours.",
                        "Bekijk wat {name} post: hun posts krijgen meer engagement per {per} dan die van jou.",
                    ),
                    if better.len() == 1 {
                        tr!(
                            lang,
                            "Your engagement rate is {} per post, {name}'s {}; 1 of {} competitors does better.",
                            "Je engagement rate is {} per post, die van {name} {}; 1 van {} concurrenten doet het beter.",
                            lang.pct(r, 2),
                            lang.pct(theirs, 2),
                            comps.len()
                        )
                    } else {
                        tr!(
                            lang,
                            "Your engagement rate is {} per post, {name}'s {}; {} of {} competitors do better.",
                            "Je engagement rate is {} per post, die van {name} {}; {} van {} concurrenten doen het beter.",
                            lang.pct(r, 2),
                            lang.pct(theirs, 2),
                            better.len(),
                            comps.len()
                        )
                    },
                    &["engagement_rate"],
                );
            } else if let Some(t) = brand.rate_trend
                && t <= FALLING
            {
                self.b.recommend(
                    Priority::Medium,
                    self.b.t(
                        "Find out which of your recent posts drew less response and go back to the formats that worked.",
                        "Zoek uit welke recente posts minder reactie kregen en ga terug naar de vormen die werkten.",
                    ),
                    tr!(
                        lang,
                        "Your engagement rate falls by {} per 30 days.",
                        "Je engagement rate daalt met {} per 30 dagen.",
                        lang.pct(-t, 0)
                    ),
                    &["engagement_trend"],
                );
            }
        }
        if let Some(top) = comps.iter().max_by_key(|c| c.h_index)
            && top.h_index > brand.h_index
        {
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "{} has an h-index of {} against your {}: more of their posts reach many people.",
                    "{} heeft een h-index van {} tegen jouw {}: meer van hun posts bereiken veel mensen.",
                    self.org_name(top),
                    top.h_index,
                    brand.h_index
                ),
                &["brand_h_index"],
            );
        }
        if !comps.is_empty() {
            let all: u64 = a.orgs.iter().map(|o| o.mentions).sum();
            let fair = 1.0 / a.orgs.len() as f64;
            if all > 0 {
                let share = brand.mentions as f64 / all as f64;
                let leader = comps.iter().max_by_key(|c| c.mentions);
                if share < fair {
                    let lead = leader
                        .map(|l| {
                            tr!(
                                lang,
                                " {} is talked about most ({} posts).",
                                " Over {} wordt het meest gepraat ({} posts).",
                                self.org_name(l),
                                lang.int(l.mentions)
                            )
                        })
                        .unwrap_or_default();
                    self.b.finding(
                        if share < fair / 2.0 {
                            Severity::Warning
                        } else {
                            Severity::Info
                        },
                        tr!(
                            lang,
                            "Your share of voice is {}, below an equal share of {}: {} of the {} posts about you and your competitors are about you.{lead}",
                            "Je share of voice is {}, onder een gelijk deel van {}: {} van de {} posts over jou en je concurrenten gaan over jou.{lead}",
                            lang.pct(share, 1),
                            lang.pct(fair, 1),
                            lang.int(brand.mentions),
                            lang.int(all)
                        ),
                        &["share_of_voice", "mentions"],
                    );
                    self.b.recommend(
                        if share < fair / 2.0 {
                            Priority::High
                        } else {
                            Priority::Medium
                        },
                        self.b.t(
                            "Give people a reason to talk about you: reply to posts in your market, share what customers make with your product, and ask them to tag you.",
                            "Geef mensen een reden om over je te praten: reageer op posts in je markt, deel wat klanten met je product maken en vraag ze je te taggen.",
                        ),
                        tr!(
                            lang,
                            "Only {} of the posts about you and your competitors are about you; an equal share would be {}.",
                            "Maar {} van de posts over jou en je concurrenten gaan over jou; een gelijk deel zou {} zijn.",
                            lang.pct(share, 1),
                            lang.pct(fair, 1)
                        ),
                        &["share_of_voice", "mentions"],
                    );
                } else {
                    self.b.finding(
                        Severity::Info,
                        tr!(
                            lang,
                            "Your share of voice is {}, above an equal share of {}: {} of the {} posts about you and your competitors are about you.",
                            "Je share of voice is {}, boven een gelijk deel van {}: {} van de {} posts over jou en je concurrenten gaan over jou.",
                            lang.pct(share, 1),
                            lang.pct(fair, 1),
                            lang.int(brand.mentions),
                            lang.int(all)
                        ),
                        &["share_of_voice", "mentions"],
                    );
                }
            }
        }
    }

    fn missing(&mut self) {
        let cx = self.cx;
        let a = self.a;
        match &a.ratings {
            None => self.b.missing(
                self.b.t(
                    "Rated quality (the Bayesian average of star ratings, the Wilson lower bound of up- and down-votes)",
                    "Beoordeelde kwaliteit (het Bayesiaans gemiddelde van sterrenbeoordelingen, de Wilson-ondergrens van stemmen)",
                ),
                self.b.t(
                    "a ratings table: post, rater, score, created_at, kind (star, up, down)",
                    "een ratings-tabel: post, rater, score, created_at, kind (star, up, down)",
                ),
            ),
            Some(r) => {
                if r.stars == 0 && a.method == Method::Quality {
                    self.b.missing(
                        self.b.t(
                            "The Bayesian average of star ratings",
                            "Het Bayesiaans gemiddelde van sterrenbeoordelingen",
                        ),
                        self.b.t(
                            "ratings with kind star and a score (e.g. 1–5)",
                            "beoordelingen met kind star en een score (bijv. 1–5)",
                        ),
                    );
                }
                if !r.has_votes() && r.stars == 0 && a.method == Method::Quality {
                    self.b.missing(
                        self.b.t(
                            "The Wilson lower bound of up- and down-votes",
                            "De Wilson-ondergrens van positieve en negatieve stemmen",
                        ),
                        self.b.t(
                            "ratings with kind up or down",
                            "beoordelingen met kind up of down",
                        ),
                    );
                }
            }
        }
        if a.method == Method::Network {
            self.b.missing(
                self.b.t(
                    "The history of each account's network position",
                    "Het verloop van de netwerkpositie per account",
                ),
                self.b.t(
                    "the network is analysed as a whole; export the follows table again each month and report each export as its own period",
                    "het netwerk wordt als geheel geanalyseerd; exporteer de follows-tabel elke maand opnieuw en maak van elke export een eigen periode",
                ),
            );
        } else if a.history.is_none() && a.span.is_some() && !a.order.is_empty() {
            self.b.missing(
                tr!(
                    self.lang(),
                    "The history over a rolling {} days",
                    "Het verloop over een voortschrijdende {} dagen",
                    self.s.window_days
                ),
                self.b.t(
                    "a period at least two weeks longer than window_days, or a shorter [plugins.reputation] window_days",
                    "een periode die minstens twee weken langer is dan window_days, of een kortere [plugins.reputation] window_days",
                ),
            );
        }
        if !a.columns.iter().any(|&c| c) {
            self.b.missing(
                self.b.t(
                    "Engagement counts as exported (h-index and engagement rate now count only replies, reposts and quotes found in the data)",
                    "Engagementaantallen zoals geëxporteerd (h-index en engagement rate tellen nu alleen reacties, reposts en citaten in de data)",
                ),
                self.b.t(
                    "the likes, reposts and replies columns in the posts table",
                    "de kolommen likes, reposts en replies in de posts-tabel",
                ),
            );
        }
        if cx.brand().is_empty() {
            self.b.missing(
                self.b.t(
                    "Your own reputation, engagement rate and share of voice",
                    "Je eigen reputatie, engagement rate en share of voice",
                ),
                self.b.t(
                    "name your accounts in honeycomb.toml: [report] brand = [\"@you\"]",
                    "noem je accounts in honeycomb.toml: [report] brand = [\"@jij\"]",
                ),
            );
            return;
        }
        if cx.competitors().is_empty() {
            self.b.missing(
                self.b.t("Share of voice", "Share of voice"),
                self.b.t(
                    "name your competitors' accounts in honeycomb.toml: [report] competitors = [\"@rival\"]",
                    "noem de accounts van je concurrenten in honeycomb.toml: [report] competitors = [\"@rivaal\"]",
                ),
            );
        }
        match a.denominator {
            Denominator::Unknown => self.b.missing(
                self.b.t("The engagement rate", "De engagement rate"),
                self.b.t(
                    "views in the posts table, or followers in the accounts table, or a follows table with created_at",
                    "views in de posts-tabel, of followers in de accounts-tabel, of een follows-tabel met created_at",
                ),
            ),
            Denominator::FollowersNow => self.b.missing(
                self.b.t(
                    "The engagement rate by the followers at the time of each post (today's follower count is used for every post)",
                    "De engagement rate naar het aantal volgers op het moment van elke post (nu geldt het huidige aantal voor elke post)",
                ),
                self.b.t(
                    "views in the posts table, or a follows table with created_at",
                    "views in de posts-tabel, of een follows-tabel met created_at",
                ),
            ),
            _ => {}
        }
    }

    fn score(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let Some(brand) = a.brand() else { return };
        let Some((_, _, rank)) = brand.best else {
            return;
        };
        let scored = a.scored().max(1);
        // A rank among fewer than `min_peers` other accounts is no judgement of reputation.
        let others = scored.saturating_sub(self.cx.brand().len() as u64);
        if others < self.s.min_peers {
            let (n, min) = (lang.int(others), self.s.min_peers);
            self.b.no_score(tr!(
                lang,
                "only {n} other accounts have a reputation score to compare yours with (at least {min} needed); add posts, ratings or follows of other accounts",
                "maar {n} andere accounts hebben een reputatiescore om de jouwe mee te vergelijken (minstens {min} nodig); voeg posts, beoordelingen of volgrelaties van andere accounts toe"
            ));
            return;
        }
        let rep = 1.0 - (rank - 1) as f64 / scored as f64;
        // The brand's h-index among accounts with an h-index.
        let with_h: Vec<u32> = a.h.iter().flatten().copied().collect();
        let h_part = (!with_h.is_empty()).then(|| {
            let above = with_h.iter().filter(|&&h| h > brand.h_index).count();
            1.0 - above as f64 / with_h.len() as f64
        });
        let value = 100.0 * h_part.map_or(rep, |h| (rep + h) / 2.0);
        let verdict = if value >= STRONG {
            self.b.t("Strong reputation", "Sterke reputatie")
        } else if value >= WEAK {
            self.b.t("Room to grow", "Ruimte om te groeien")
        } else {
            self.b.t("Weak reputation", "Zwakke reputatie")
        };
        let rep_s = lang.num(rep * 100.0, 0);
        let rule = match h_part {
            Some(h) => tr!(
                lang,
                "mean of your reputation percentile ({rep_s}: 100 × (1 − (rank − 1) ÷ accounts scored), by {}) and your h-index percentile ({}: the share of accounts with an h-index that do not exceed yours); strong from {STRONG}, weak below {WEAK}",
                "gemiddelde van je reputatiepercentiel ({rep_s}: 100 × (1 − (plaats − 1) ÷ accounts met een score), naar {}) en je h-indexpercentiel ({}: het aandeel accounts met een h-index dat de jouwe niet overtreft); sterk vanaf {STRONG}, zwak onder {WEAK}",
                self.method_name(),
                lang.num(h * 100.0, 0)
            ),
            None => tr!(
                lang,
                "your reputation percentile: 100 × (1 − (rank − 1) ÷ accounts scored), by {}; strong from {STRONG}, weak below {WEAK}",
                "je reputatiepercentiel: 100 × (1 − (plaats − 1) ÷ accounts met een score), naar {}; sterk vanaf {STRONG}, zwak onder {WEAK}",
                self.method_name()
            ),
        };
        self.b.score(value, rule, verdict);
    }

    fn summary(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        let mut s = if a.order.is_empty() {
            tr!(
                lang,
                "No account could be given a reputation score by {} over {}.",
                "Geen enkel account kon een reputatiescore krijgen naar {} over {}.",
                self.method_name(),
                self.period_text()
            )
        } else {
            let first = a.order[0];
            tr!(
                lang,
                "{} accounts are ranked by {} over {}; {} leads with {}.",
                "{} accounts zijn gerangschikt naar {} over {}; {} staat bovenaan met {}.",
                lang.int(a.scored()),
                self.method_name(),
                self.period_text(),
                label(cx, first),
                a.score[first as usize]
                    .map(|v| self.fmt_score(v))
                    .unwrap_or_default()
            )
        };
        if let Some(brand) = a.brand() {
            s.push(' ');
            match brand.best {
                Some((acc, v, rank)) => s.push_str(&tr!(
                    lang,
                    "Your best account, {}, is #{} with {}; your h-index is {}.",
                    "Je beste account, {}, staat op #{} met {}; je h-index is {}.",
                    label(cx, acc),
                    lang.int(rank),
                    self.fmt_score(v),
                    brand.h_index
                )),
                None => s.push_str(&tr!(
                    lang,
                    "Your accounts have no score by this method; your h-index is {}.",
                    "Je accounts hebben geen score volgens deze methode; je h-index is {}.",
                    brand.h_index
                )),
            }
            if let Some(r) = brand.rate {
                s.push(' ');
                s.push_str(&tr!(
                    lang,
                    "Your own posts get an engagement rate of {} per post.",
                    "Je eigen posts krijgen een engagement rate van {} per post.",
                    lang.pct(r, 2)
                ));
            }
            let all: u64 = a.orgs.iter().map(|o| o.mentions).sum();
            if a.orgs.len() > 1 && all > 0 {
                s.push(' ');
                s.push_str(&tr!(
                    lang,
                    "Of the {} posts about you and your {} competitors, {} are about you ({} share of voice).",
                    "Van de {} posts over jou en je {} concurrenten gaan er {} over jou ({} share of voice).",
                    lang.int(all),
                    a.orgs.len() - 1,
                    lang.int(brand.mentions),
                    lang.pct(brand.mentions as f64 / all as f64, 1)
                ));
            }
        }
        self.b.sec.summary = s;
    }
}

/// Builds the section.
pub fn build(cx: &Context<'_>, s: &Settings, a: &Analysis) -> Section {
    let title = cx.t("Reputation", "Reputatie").to_string();
    let mut r = Report {
        cx,
        s,
        a,
        b: SectionBuilder::new("reputation", title, cx.lang),
    };
    r.general_metrics();
    r.brand_metrics();
    r.ranking_table();
    r.comparison_table();
    r.low_posts_table();
    r.charts();
    r.exports();
    r.columns();
    r.findings_and_advice();
    r.missing();
    // The metrics compared with the previous period at the top of the report.
    r.b.headline("brand_score", Better::Higher);
    r.b.headline_difference("brand_rank", Better::Lower);
    r.b.headline("engagement_rate", Better::Higher);
    r.b.headline("share_of_voice", Better::Higher);
    r.score();
    r.summary();
    r.b.finish()
}
