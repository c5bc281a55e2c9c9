//! Turns the [`Analysis`] into the section: metrics with definitions, tables of the most
//! shared posts and accounts, what is shared, the posts behind every copyright flag, charts,
//! findings, recommendations, what is missing, the score and the summary.

use crate::analysis::{Analysis, FORMATS, HASHTAG, LINK, MEDIA, Reach, TEXT_ONLY};
use crate::settings::Settings;
use honeycomb_core::mask::excerpt;
use honeycomb_core::time::{LocalClock, civil_from_days, rfc3339};
use honeycomb_core::{
    Better, Chart, ChartKind, ColumnValues, Context, Entity, EntityColumn, Frame, Lang,
    PointSeries, PostIx, Priority, Section, SectionBuilder, Series, Severity, Table, tr,
};

/// Longest text excerpt in a table, in characters.
const EXCERPT: usize = 120;
/// A score at or above this is "strong", below `WEAK` "weak" (see the score rule).
const STRONG: f64 = 70.0;
const WEAK: f64 = 40.0;
/// Score penalties per flag, and their cap.
const PENALTY_COPY: f64 = 20.0;
const PENALTY_MEDIA: f64 = 5.0;
const PENALTY_QUOTE: f64 = 2.0;
const PENALTY_CAP: f64 = 60.0;
/// A hashtag or format "travels" when its posts get at least this many times the average
/// reshares, over at least `MIN_POSTS` posts.
const LIFT: f64 = 1.5;
const MIN_POSTS: u64 = 5;
/// Copy flags that each get their own recommendation.
const COPY_ADVICE: usize = 5;

/// "@handle", or the account id when it has no handle.
fn label(cx: &Context<'_>, a: u32) -> String {
    cx.data.account_label(a)
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

    fn has_brand(&self) -> bool {
        !self.cx.brand().is_empty()
    }

    /// The local date of a timestamp, `(year, month, day)`.
    fn ymd(&self, ts: i64) -> (i64, u32, u32) {
        let mut clock = LocalClock::new(self.cx.tz.clone());
        civil_from_days(clock.local_day(ts))
    }

    /// `2026-02-10`, in the report's time zone.
    fn date(&self, ts: i64) -> String {
        let (y, m, d) = self.ymd(ts);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// "10 February 2026" / "10 februari 2026".
    fn long_date(&self, ts: i64) -> String {
        let (y, m, d) = self.ymd(ts);
        let months = self.lang().months();
        format!("{d} {} {y}", months[(m as usize).clamp(1, 12) - 1])
    }

    fn post_id(&self, p: PostIx) -> String {
        self.cx.data.posts[p as usize].id.to_string()
    }

    fn text(&self, p: PostIx) -> String {
        excerpt(&self.cx.data.posts[p as usize].text, EXCERPT)
    }

    fn author(&self, p: PostIx) -> String {
        label(self.cx, self.cx.data.posts[p as usize].author)
    }

    fn format_names(&self) -> [String; FORMATS] {
        let lang = self.lang();
        let mut names = [const { String::new() }; FORMATS];
        names[MEDIA] = lang.pick("with media", "met media").into();
        names[LINK] = lang.pick("with a link", "met een link").into();
        names[HASHTAG] = lang.pick("with hashtags", "met hashtags").into();
        names[TEXT_ONLY] = lang.pick("text only", "alleen tekst").into();
        names
    }

    /// The copy rule in a sentence, with the settings.
    fn copy_rule(&self) -> String {
        let lang = self.lang();
        let s = self.s;
        let (k, w, sim) = (s.shingle, s.min_words, lang.pct(s.similarity, 0));
        let (h, bands) = (s.hashes, s.bands);
        let mut rule = tr!(
            lang,
            "A post of yours (not a repost, at least {w} words) is flagged when its text is a near-copy of an earlier post by another account — the Jaccard similarity of their sets of {k}-word shingles (lowercase words; mentions, hashtags, links and e-mail addresses left out) is at least {sim} (Broder 1997) — and it names neither that post nor its author: no credit line with the author's handle, id or name, no mention of the author, no link to the source post, the author's profile or a site the source links to, and it is not a reply to or quote of the author. Candidates are found with MinHash ({h} hash functions, seed {}) and LSH ({bands} bands; Leskovec, Rajaraman & Ullman, Mining of Massive Datasets, ch. 3), and each is verified with the exact similarity.",
            "Een post van jou (geen repost, minstens {w} woorden) wordt gemarkeerd als de tekst bijna een kopie is van een eerdere post van een ander account — de Jaccard-gelijkenis van hun verzamelingen van {k}-woordreeksen (kleine letters; vermeldingen, hashtags, links en e-mailadressen weggelaten) is minstens {sim} (Broder 1997) — en hij die post en de maker niet noemt: geen bronvermelding (credit) met de naam, id of handle van de maker, geen vermelding van de maker, geen link naar de bronpost, het profiel van de maker of een site waar de bron naar linkt, en geen reactie op of citaat van de maker. Kandidaten worden gevonden met MinHash ({h} hashfuncties, seed {}) en LSH ({bands} banden; Leskovec, Rajaraman & Ullman, Mining of Massive Datasets, hfst. 3), en elke kandidaat wordt gecontroleerd met de exacte gelijkenis.",
            s.seed
        );
        if s.copy_window_days > 0 {
            rule.push(' ');
            rule.push_str(&tr!(
                lang,
                "Only posts from at most {} days before yours are compared (copy_window_days).",
                "Alleen posts van hoogstens {} dagen voor de jouwe worden vergeleken (copy_window_days).",
                s.copy_window_days
            ));
        }
        rule
    }

    fn media_rule(&self) -> String {
        self.b.t(
            "A repost or quote of yours is flagged when the original post (the start of the repost chain) is by another account, carries media, and neither it nor your post has a credit line or a licence.",
            "Een repost of citaat van jou wordt gemarkeerd als de oorspronkelijke post (het begin van de repostketen) van een ander account is, media bevat, en noch die post noch jouw post een bronvermelding (credit) of licentie heeft.",
        )
    }

    fn quote_rule(&self) -> String {
        self.b.t(
            "A quote of yours is flagged when the quoted account (the maker of the original, when the quoted post is a repost) follows none of your accounts: you cannot assume it agrees to being quoted.",
            "Een citaat van jou wordt gemarkeerd als het geciteerde account (de maker van het origineel, als de geciteerde post een repost is) geen van je accounts volgt: je kunt er dan niet van uitgaan dat het instemt met het citaat.",
        )
    }

    fn cascade_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if !a.has_reposts {
            return;
        }
        let k = a.cascades.len() as u64;
        let own = a.reach.posts;
        self.b.metric(
            "cascades",
            self.b.t("Repost cascades", "Repostcascades"),
            Some(k as f64),
            lang.int(k),
            "",
            self.b.t(
                "Posts of the period reposted at least once, each with all its reposts in the data, direct and indirect (a repost of a repost): a cascade. A post nobody reposted is not a cascade.",
                "Posts uit de periode die minstens één keer zijn doorgeplaatst, elk met al hun reposts in de data, direct en indirect (een repost van een repost): een cascade. Een post die niemand doorplaatste is geen cascade.",
            ),
        );
        let reshares_per_post = a.reach.mean();
        self.b.metric(
            "reshares_per_post",
            self.b.t("Reshares per post", "Reposts per post"),
            Some(reshares_per_post),
            lang.num(reshares_per_post, 2),
            "",
            tr!(
                lang,
                "Reposts in the data (direct and indirect) per own post of the period (originals, replies and quotes; {} posts).",
                "Reposts in de data (direct en indirect) per eigen post uit de periode (originele posts, reacties en citaten; {} posts).",
                lang.int(own)
            ),
        );
        self.b.metric(
            "reshared_share",
            self.b.t("Posts reshared", "Posts doorgeplaatst"),
            Some(a.reach.share() * 100.0),
            lang.of(a.reach.reshared, own, "posts", "posts"),
            "%",
            self.b.t(
                "Own posts of the period (not reposts) that were reposted at least once.",
                "Eigen posts uit de periode (geen reposts) die minstens één keer zijn doorgeplaatst.",
            ),
        );
        if k == 0 {
            return;
        }
        let sizes: u64 = a.cascades.iter().map(|c| c.size as u64).sum();
        let mean = sizes as f64 / k as f64;
        let largest = a.cascades[0].size;
        self.b.metric(
            "cascade_size",
            self.b.t("Cascade size", "Grootte van een cascade"),
            Some(mean),
            tr!(
                lang,
                "mean {}, largest {}",
                "gemiddeld {}, grootste {}",
                lang.num(mean, 2),
                lang.int(largest as u64)
            ),
            "posts",
            self.b.t(
                "Posts in a cascade, the original included: 1 + its reposts, direct and indirect.",
                "Posts in een cascade, het origineel meegeteld: 1 + de reposts ervan, direct en indirect.",
            ),
        );
        let depths: u64 = a.cascades.iter().map(|c| c.depth as u64).sum();
        let max_depth = a.depth_hist.len().saturating_sub(1) as u64;
        let mean_depth = depths as f64 / k as f64;
        self.b.metric(
            "cascade_depth",
            self.b.t("Cascade depth", "Diepte van een cascade"),
            Some(mean_depth),
            tr!(
                lang,
                "mean {}, deepest {}",
                "gemiddeld {}, diepste {}",
                lang.num(mean_depth, 2),
                lang.int(max_depth)
            ),
            "hops",
            self.b.t(
                "Repost hops from the original to the farthest repost of a cascade, averaged over the cascades (the value), and the deepest cascade; 1 means only direct reposts.",
                "Repoststappen van het origineel tot de verste repost van een cascade, gemiddeld over de cascades (de waarde), en de diepste cascade; 1 betekent alleen directe reposts.",
            ),
        );
        let sv = a.cascades.iter().map(|c| c.virality).sum::<f64>() / k as f64;
        let sv_max = a.cascades.iter().map(|c| c.virality).fold(0.0f64, f64::max);
        self.b.metric(
            "structural_virality",
            self.b.t("Structural virality", "Structurele viraliteit"),
            Some(sv),
            tr!(
                lang,
                "mean {} (highest {})",
                "gemiddeld {} (hoogste {})",
                lang.num(sv, 3),
                lang.num(sv_max, 3)
            ),
            "",
            self.b.t(
                "Goel, Anderson, Hofman & Watts (2016), \"The structural virality of online diffusion\", Management Science 62(1): the mean shortest-path distance between all pairs of posts in a cascade tree (Wiener index ÷ N(N−1)/2). 1 for a star (everyone reposted the original: broadcast); it grows as reposts of reposts carry the post from person to person (viral spread).",
                "Goel, Anderson, Hofman & Watts (2016), \"The structural virality of online diffusion\", Management Science 62(1): de gemiddelde kortste afstand tussen alle paren posts in een cascadeboom (Wiener-index ÷ N(N−1)/2). 1 voor een ster (iedereen plaatste het origineel door: uitzending); het stijgt naarmate reposts van reposts de post van persoon tot persoon dragen (virale verspreiding).",
            ),
        );
    }

    fn mix_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let reshares = |m: &[u64; 4]| m[2] + m[3];
        let total = |m: &[u64; 4]| m.iter().sum::<u64>();
        if self.has_brand() {
            let m = &a.mix[0];
            let t = total(m);
            if t > 0 {
                self.b.metric(
                    "brand_original_share",
                    self.b.t("Your original posts", "Je originele posts"),
                    Some(m[0] as f64 / t as f64 * 100.0),
                    lang.of(m[0], t, "posts", "posts"),
                    "%",
                    self.b.t(
                        "Your posts in the period that are new posts: not a reply, repost or quote.",
                        "Je posts in de periode die nieuwe posts zijn: geen reactie, repost of citaat.",
                    ),
                );
                self.b.metric(
                    "brand_reshare_share",
                    self.b
                        .t("Your reshares of others", "Je gedeelde content van anderen"),
                    Some(reshares(m) as f64 / t as f64 * 100.0),
                    lang.of(reshares(m), t, "posts", "posts"),
                    "%",
                    self.b.t(
                        "Your posts in the period that are reposts or quotes: content someone else made.",
                        "Je posts in de periode die reposts of citaten zijn: content die iemand anders maakte.",
                    ),
                );
            }
            let br = a.brand_reach;
            if br.posts > 0 {
                self.b.metric(
                    "brand_reshared_share",
                    self.b.t("Your posts reshared", "Je posts doorgeplaatst"),
                    Some(br.share() * 100.0),
                    lang.of(br.reshared, br.posts, "posts", "posts"),
                    "%",
                    self.b.t(
                        "Your own posts of the period (not reposts) reposted at least once by anyone.",
                        "Je eigen posts uit de periode (geen reposts) die minstens één keer door iemand zijn doorgeplaatst.",
                    ),
                );
                self.b.metric(
                    "brand_reshares_per_post",
                    self.b
                        .t("Reshares per post of yours", "Reposts per post van jou"),
                    Some(br.mean()),
                    lang.num(br.mean(), 2),
                    "",
                    self.b.t(
                        "Reposts (direct and indirect) per own post of yours in the period.",
                        "Reposts (direct en indirect) per eigen post van jou in de periode.",
                    ),
                );
            }
        }
        let m = &a.mix[1];
        let t = total(m);
        if t > 0 {
            self.b.metric(
                "audience_reshare_share",
                self.b.t(
                    "Audience posts that reshare",
                    "Posts van het publiek die delen",
                ),
                Some(reshares(m) as f64 / t as f64 * 100.0),
                lang.of(reshares(m), t, "posts", "posts"),
                "%",
                self.b.t(
                    "Posts of other accounts in the period that are reposts or quotes.",
                    "Posts van andere accounts in de periode die reposts of citaten zijn.",
                ),
            );
        }
        let ar = a.audience_reach;
        if ar.posts > 0 && self.has_brand() {
            self.b.metric(
                "audience_reshared_share",
                self.b.t("Audience posts reshared", "Posts van het publiek doorgeplaatst"),
                Some(ar.share() * 100.0),
                lang.of(ar.reshared, ar.posts, "posts", "posts"),
                "%",
                self.b.t(
                    "Own posts of other accounts in the period (not reposts) reposted at least once: the yardstick for yours.",
                    "Eigen posts van andere accounts in de periode (geen reposts) die minstens één keer zijn doorgeplaatst: de maatstaf voor de jouwe.",
                ),
            );
        }
    }

    fn content_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let own = a.reach.posts;
        if own == 0 {
            return;
        }
        self.b.metric(
            "hashtag_share",
            self.b.t("Posts with hashtags", "Posts met hashtags"),
            Some(a.with_tag as f64 / own as f64 * 100.0),
            lang.of(a.with_tag, own, "posts", "posts"),
            "%",
            self.b.t(
                "Own posts of the period (not reposts) with at least one hashtag.",
                "Eigen posts uit de periode (geen reposts) met minstens één hashtag.",
            ),
        );
        self.b.metric(
            "link_share",
            self.b.t("Posts with links", "Posts met links"),
            Some(a.with_link as f64 / own as f64 * 100.0),
            lang.of(a.with_link, own, "posts", "posts"),
            "%",
            self.b.t(
                "Own posts of the period (not reposts) with at least one link.",
                "Eigen posts uit de periode (geen reposts) met minstens één link.",
            ),
        );
        if a.has_media {
            self.b.metric(
                "media_share",
                self.b.t("Posts with media", "Posts met media"),
                Some(a.with_media as f64 / own as f64 * 100.0),
                lang.of(a.with_media, own, "posts", "posts"),
                "%",
                self.b.t(
                    "Own posts of the period (not reposts) with a photo, video or other media (the media column).",
                    "Eigen posts uit de periode (geen reposts) met een foto, video of andere media (de kolom media).",
                ),
            );
        } else {
            self.b.metric(
                "media_share",
                self.b.t("Posts with media", "Posts met media"),
                None,
                self.b.t(
                    "not computable — add the media column to the posts table",
                    "niet te berekenen — voeg de kolom media toe aan de posts-tabel",
                ),
                "%",
                self.b.t(
                    "Own posts of the period with a photo, video or other media.",
                    "Eigen posts uit de periode met een foto, video of andere media.",
                ),
            );
        }
        // The hashtag and the format whose posts travel furthest.
        let (mine, _, _, avg) = self.travel_scope();
        if avg <= 0.0 {
            return;
        }
        let avg_s = lang.num(avg, 2);
        if let Some(t) = self.travelling_tags().first() {
            let lift = t.reach.mean() / avg;
            self.b.metric(
                "best_hashtag",
                self.b.t("Hashtag that travels", "Hashtag die reist"),
                Some(lift),
                tr!(
                    lang,
                    "#{}: {}× the reshares",
                    "#{}: {}× de reposts",
                    t.tag,
                    lang.num(lift, 1)
                ),
                "×",
                if mine {
                    tr!(
                        lang,
                        "Of the hashtags on at least {MIN_POSTS} of your own posts of the period, the one whose posts got the most reshares per post, as a multiple of your average ({avg_s}): what travels for you, not what your audience shares anyway.",
                        "Van de hashtags op minstens {MIN_POSTS} van je eigen posts uit de periode, die waarvan de posts de meeste reposts per post kregen, als veelvoud van je gemiddelde ({avg_s}): wat voor jou reist, niet wat je publiek toch al deelt."
                    )
                } else {
                    tr!(
                        lang,
                        "Of the hashtags on at least {MIN_POSTS} own posts of the period, the one whose posts got the most reshares per post, as a multiple of the average over all own posts ({avg_s}).",
                        "Van de hashtags op minstens {MIN_POSTS} eigen posts uit de periode, die waarvan de posts de meeste reposts per post kregen, als veelvoud van het gemiddelde over alle eigen posts ({avg_s})."
                    )
                },
            );
        }
        let names = self.format_names();
        if let Some((f, lift)) = self.best_format() {
            self.b.metric(
                "best_format",
                self.b.t("Format that travels", "Vorm die reist"),
                Some(lift),
                tr!(
                    lang,
                    "posts {}: {}× the reshares",
                    "posts {}: {}× de reposts",
                    names[f],
                    lang.num(lift, 1)
                ),
                "×",
                if mine {
                    tr!(
                        lang,
                        "Of the formats (with media, with a link, with hashtags, text only) of at least {MIN_POSTS} of your own posts in the period, the one with the most reshares per post, as a multiple of your average ({avg_s}).",
                        "Van de vormen (met media, met een link, met hashtags, alleen tekst) van minstens {MIN_POSTS} van je eigen posts in de periode, die met de meeste reposts per post, als veelvoud van je gemiddelde ({avg_s})."
                    )
                } else {
                    tr!(
                        lang,
                        "Of the formats (with media, with a link, with hashtags, text only) with at least {MIN_POSTS} own posts in the period, the one with the most reshares per post, as a multiple of the average over all own posts ({avg_s}).",
                        "Van de vormen (met media, met een link, met hashtags, alleen tekst) met minstens {MIN_POSTS} eigen posts in de periode, die met de meeste reposts per post, als veelvoud van het gemiddelde over alle eigen posts ({avg_s})."
                    )
                },
            );
        }
    }

    /// The posts "what travels" is measured on: the brand's own when it has at least
    /// `MIN_POSTS` of them (a hashtag the brand uses travels with the brand's reach, so it is
    /// compared with the brand's other posts), else everyone's. Returns whether they are the
    /// brand's, their hashtags, their formats and their mean reshares per post.
    fn travel_scope(&self) -> (bool, &[crate::analysis::Tag], &[Reach; FORMATS], f64) {
        let a = self.a;
        if self.has_brand() && a.brand_reach.posts >= MIN_POSTS {
            (true, &a.brand_tags, &a.brand_formats, a.brand_reach.mean())
        } else {
            (false, &a.tags, &a.formats, a.reach.mean())
        }
    }

    /// Hashtags on at least `MIN_POSTS` posts of the scope whose posts get at least `LIFT`
    /// times its average reshares, best first.
    fn travelling_tags(&self) -> Vec<&crate::analysis::Tag> {
        let (_, tags, _, avg) = self.travel_scope();
        let mut v: Vec<&crate::analysis::Tag> = tags
            .iter()
            .filter(|t| t.reach.posts >= MIN_POSTS && avg > 0.0 && t.reach.mean() >= LIFT * avg)
            .collect();
        v.sort_by(|a, b| {
            b.reach
                .mean()
                .total_cmp(&a.reach.mean())
                .then(b.reach.posts.cmp(&a.reach.posts))
                .then(a.tag.cmp(&b.tag))
        });
        v
    }

    /// The format of the scope with the highest reshares per post (at least `MIN_POSTS`
    /// posts), and its lift over the scope's average.
    fn best_format(&self) -> Option<(usize, f64)> {
        let (_, _, formats, avg) = self.travel_scope();
        if avg <= 0.0 {
            return None;
        }
        (0..FORMATS)
            .filter(|&f| formats[f].posts >= MIN_POSTS)
            .filter(|&f| f != MEDIA || self.a.has_media)
            .map(|f| (f, formats[f].mean() / avg))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
    }

    fn risk_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if !self.has_brand() {
            return;
        }
        self.b.metric(
            "checked_posts",
            self.b.t("Your posts checked for copies", "Je posts gecontroleerd op kopieën"),
            Some(a.checked as f64),
            lang.int(a.checked),
            "",
            tr!(
                lang,
                "Your own posts of the period (not reposts) with at least {} words, compared with every earlier post by other accounts (candidate pairs verified: {}).",
                "Je eigen posts uit de periode (geen reposts) met minstens {} woorden, vergeleken met elke eerdere post van andere accounts (gecontroleerde kandidaatparen: {}).",
                self.s.min_words,
                lang.int(a.detector.0)
            ),
        );
        let k = a.copies.len() as u64;
        self.b.metric(
            "uncredited_copies",
            self.b
                .t("Copies without credit", "Kopieën zonder bronvermelding"),
            Some(k as f64),
            lang.of(k, a.checked, "checked posts", "gecontroleerde posts"),
            "",
            self.copy_rule(),
        );
        self.b.metric(
            "credited_reuse",
            self.b.t("Reuse with credit", "Hergebruik met bronvermelding"),
            Some(a.credited as f64),
            lang.int(a.credited),
            "",
            self.b.t(
                "Your posts that resemble an earlier post by another account by the same rule, but name it or its author: not flagged.",
                "Je posts die volgens dezelfde regel lijken op een eerdere post van een ander account, maar die post of de maker noemen: niet gemarkeerd.",
            ),
        );
        if a.has_media && a.has_credit {
            let m = a.media_flags.len() as u64;
            self.b.metric(
                "uncredited_media",
                self.b.t(
                    "Reshared media without credit",
                    "Gedeelde media zonder bronvermelding",
                ),
                Some(m as f64),
                lang.of(m, a.media_reshares, "reshares of media", "gedeelde media"),
                "",
                self.media_rule(),
            );
        } else {
            self.b.metric(
                "uncredited_media",
                self.b.t("Reshared media without credit", "Gedeelde media zonder bronvermelding"),
                None,
                if a.has_media {
                    self.b.t(
                        "not computable — add the credit and license columns to the posts table",
                        "niet te berekenen — voeg de kolommen credit en license toe aan de posts-tabel",
                    )
                } else {
                    self.b.t(
                        "not computable — add the media, credit and license columns to the posts table",
                        "niet te berekenen — voeg de kolommen media, credit en license toe aan de posts-tabel",
                    )
                },
                "",
                self.media_rule(),
            );
        }
        match &a.quote_flags {
            Some(q) => {
                let m = q.len() as u64;
                self.b.metric(
                    "quotes_without_follow",
                    self.b
                        .t("Quotes without a follow-back", "Citaten zonder terugvolgen"),
                    Some(m as f64),
                    lang.of(m, a.quotes, "quotes", "citaten"),
                    "",
                    self.quote_rule(),
                );
            }
            None => self.b.metric(
                "quotes_without_follow",
                self.b
                    .t("Quotes without a follow-back", "Citaten zonder terugvolgen"),
                None,
                self.b.t(
                    "not computable — add follows",
                    "niet te berekenen — voeg follows toe",
                ),
                "",
                self.quote_rule(),
            ),
        }
    }

    fn shared_tables(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        let top = self.s.top;
        if !a.cascades.is_empty() {
            let rows = a
                .cascades
                .iter()
                .take(top)
                .enumerate()
                .map(|(i, c)| {
                    vec![
                        lang.int(i as u64 + 1),
                        self.post_id(c.root),
                        self.author(c.root),
                        self.date(cx.data.posts[c.root as usize].created_at),
                        lang.int(c.size as u64 - 1),
                        lang.int(c.depth as u64),
                        lang.num(c.virality, 2),
                        self.text(c.root),
                    ]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "most-shared-posts".into(),
                title: tr!(
                    lang,
                    "The {} most shared posts",
                    "De {} meest gedeelde posts",
                    a.cascades.len().min(top)
                ),
                columns: vec![
                    "#".into(),
                    lang.pick("Post", "Post").into(),
                    lang.pick("Account", "Account").into(),
                    lang.pick("Date", "Datum").into(),
                    lang.pick("Reshares", "Reposts").into(),
                    lang.pick("Depth", "Diepte").into(),
                    lang.pick("Structural virality", "Structurele viraliteit").into(),
                    lang.pick("Text", "Tekst").into(),
                ],
                numeric: vec![true, false, false, false, true, true, true, false],
                rows,
                note: Some(self.b.t(
                    "Reshares = reposts in the data, direct and indirect; depth = the longest repost chain; structural virality = the mean distance between two posts of the cascade (1 = everyone reposted the original). E-mail addresses, phone numbers and IBANs are masked. All cascades are in metrics/cascades.csv.",
                    "Reposts = reposts in de data, direct en indirect; diepte = de langste repostketen; structurele viraliteit = de gemiddelde afstand tussen twee posts van de cascade (1 = iedereen plaatste het origineel door). E-mailadressen, telefoonnummers en IBAN's zijn gemaskeerd. Alle cascades staan in metrics/cascades.csv.",
                )),
            });
            let rows = a
                .authors
                .iter()
                .take(top)
                .enumerate()
                .map(|(i, x)| {
                    vec![
                        lang.int(i as u64 + 1),
                        label(cx, x.account),
                        lang.int(x.cascades),
                        lang.int(x.reshares),
                        lang.int(x.largest as u64),
                    ]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "most-shared-accounts".into(),
                title: tr!(
                    lang,
                    "The {} most shared accounts",
                    "De {} meest gedeelde accounts",
                    a.authors.len().min(top)
                ),
                columns: vec![
                    "#".into(),
                    lang.pick("Account", "Account").into(),
                    lang.pick("Posts reshared", "Posts doorgeplaatst").into(),
                    lang.pick("Reshares", "Reposts").into(),
                    lang.pick("Largest cascade", "Grootste cascade").into(),
                ],
                numeric: vec![true, false, true, true, true],
                rows,
                note: None,
            });
        }
        if !a.tags.is_empty() {
            let rows = a
                .tags
                .iter()
                .take(top)
                .enumerate()
                .map(|(i, t)| {
                    vec![
                        lang.int(i as u64 + 1),
                        format!("#{}", t.tag),
                        lang.int(t.reach.posts),
                        lang.pct(t.reach.share(), 1),
                        lang.num(t.reach.mean(), 2),
                    ]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "hashtags".into(),
                title: self.b.t("Most used hashtags", "Meest gebruikte hashtags"),
                columns: vec![
                    "#".into(),
                    lang.pick("Hashtag", "Hashtag").into(),
                    lang.pick("Posts", "Posts").into(),
                    lang.pick("Reshared", "Doorgeplaatst").into(),
                    lang.pick("Reshares per post", "Reposts per post").into(),
                ],
                numeric: vec![true, false, true, true, true],
                rows,
                note: Some(tr!(
                    lang,
                    "Own posts of the period (not reposts) with the hashtag; on average a post got {} reshares.",
                    "Eigen posts uit de periode (geen reposts) met de hashtag; gemiddeld kreeg een post {} reposts.",
                    lang.num(a.reach.mean(), 2)
                )),
            });
        }
        if !a.pairs.is_empty() {
            let rows = a
                .pairs
                .iter()
                .take(top)
                .enumerate()
                .map(|(i, (x, y, c))| {
                    vec![lang.int(i as u64 + 1), format!("#{x} + #{y}"), lang.int(*c)]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "hashtag-pairs".into(),
                title: self.b.t("Hashtags used together", "Hashtags die samen voorkomen"),
                columns: vec![
                    "#".into(),
                    lang.pick("Hashtags", "Hashtags").into(),
                    lang.pick("Posts", "Posts").into(),
                ],
                numeric: vec![true, false, true],
                rows,
                note: Some(self.b.t(
                    "Own posts of the period that carry both hashtags (the first 30 distinct hashtags of a post are paired).",
                    "Eigen posts uit de periode met beide hashtags (de eerste 30 verschillende hashtags van een post worden gekoppeld).",
                )),
            });
        }
        if !a.domains.is_empty() {
            let rows = a
                .domains
                .iter()
                .take(top)
                .enumerate()
                .map(|(i, (d, c))| {
                    vec![
                        lang.int(i as u64 + 1),
                        d.clone(),
                        lang.int(*c),
                        lang.pct(*c as f64 / a.with_link.max(1) as f64, 1),
                    ]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "domains".into(),
                title: self.b.t("Most linked sites", "Meest gelinkte sites"),
                columns: vec![
                    "#".into(),
                    lang.pick("Site", "Site").into(),
                    lang.pick("Posts", "Posts").into(),
                    lang.pick("Of posts with links", "Van posts met links").into(),
                ],
                numeric: vec![true, false, true, true],
                rows,
                note: Some(self.b.t(
                    "The host of each link, lowercase, without www.; a post counts once per site.",
                    "De host van elke link, in kleine letters, zonder www.; een post telt één keer per site.",
                )),
            });
        }
        if a.reach.posts > 0 {
            let names = self.format_names();
            let avg = a.reach.mean();
            let rows = (0..FORMATS)
                .filter(|&f| f != MEDIA || a.has_media)
                .map(|f| {
                    let r: &Reach = &a.formats[f];
                    vec![
                        names[f].clone(),
                        lang.int(r.posts),
                        lang.pct(r.share(), 1),
                        lang.num(r.mean(), 2),
                        if avg > 0.0 && r.posts > 0 {
                            format!("{}×", lang.num(r.mean() / avg, 2))
                        } else {
                            "–".into()
                        },
                    ]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "formats".into(),
                title: self.b.t("What travels: formats", "Wat reist: vormen"),
                columns: vec![
                    lang.pick("Posts", "Posts").into(),
                    lang.pick("Number", "Aantal").into(),
                    lang.pick("Reshared", "Doorgeplaatst").into(),
                    lang.pick("Reshares per post", "Reposts per post").into(),
                    lang.pick("vs average", "t.o.v. gemiddeld").into(),
                ],
                numeric: vec![false, true, true, true, true],
                rows,
                note: Some(self.b.t(
                    "Own posts of the period (not reposts); a post can be in more than one row, text only means no media, link or hashtag.",
                    "Eigen posts uit de periode (geen reposts); een post kan in meer dan één rij staan, alleen tekst betekent geen media, link of hashtag.",
                )),
            });
        }
    }

    /// The note under a flag table: the rule, and how many rows were left out.
    fn flag_note(&self, rule: String, total: usize) -> Option<String> {
        let lang = self.lang();
        let listed = self.s.listed_flags;
        let mut note = rule;
        if total > listed {
            note.push(' ');
            note.push_str(&tr!(
                lang,
                "The first {listed} of {total} are listed; all are in metrics/sharing-flags.csv.",
                "De eerste {listed} van {total} staan hier; allemaal staan ze in metrics/sharing-flags.csv."
            ));
        }
        Some(note)
    }

    fn flag_tables(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        let listed = self.s.listed_flags;
        let d = cx.data;
        if !a.copies.is_empty() {
            let rows = a
                .copies
                .iter()
                .take(listed)
                .map(|c| {
                    vec![
                        self.post_id(c.post),
                        self.date(d.posts[c.post as usize].created_at),
                        self.text(c.post),
                        self.author(c.source),
                        self.post_id(c.source),
                        self.date(d.posts[c.source as usize].created_at),
                        lang.pct(c.similarity, 0),
                        lang.int(c.others as u64),
                    ]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "uncredited-copies".into(),
                title: self.b.t(
                    "Your posts that copy someone else's without credit",
                    "Je posts die iemand anders kopiëren zonder bronvermelding",
                ),
                columns: vec![
                    lang.pick("Your post", "Je post").into(),
                    lang.pick("Date", "Datum").into(),
                    lang.pick("Text", "Tekst").into(),
                    lang.pick("Source account", "Bronaccount").into(),
                    lang.pick("Source post", "Bronpost").into(),
                    lang.pick("Source date", "Datum bron").into(),
                    lang.pick("Similarity", "Gelijkenis").into(),
                    lang.pick("Other similar posts", "Andere gelijke posts")
                        .into(),
                ],
                numeric: vec![false, false, false, false, false, false, true, true],
                rows,
                note: self.flag_note(self.copy_rule(), a.copies.len()),
            });
        }
        if !a.media_flags.is_empty() {
            let rows = a
                .media_flags
                .iter()
                .take(listed)
                .map(|m| {
                    let p = &d.posts[m.post as usize];
                    let o = &d.posts[m.original as usize];
                    vec![
                        self.post_id(m.post),
                        self.date(p.created_at),
                        if p.repost_of.is_some() {
                            lang.pick("repost", "repost")
                        } else {
                            lang.pick("quote", "citaat")
                        }
                        .into(),
                        self.author(m.original),
                        self.post_id(m.original),
                        excerpt(o.media().unwrap_or(""), 60),
                    ]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "uncredited-media".into(),
                title: self.b.t(
                    "Media you reshared without credit or licence",
                    "Media die je deelde zonder bronvermelding of licentie",
                ),
                columns: vec![
                    lang.pick("Your post", "Je post").into(),
                    lang.pick("Date", "Datum").into(),
                    lang.pick("Kind", "Soort").into(),
                    lang.pick("Original account", "Oorspronkelijk account")
                        .into(),
                    lang.pick("Original post", "Oorspronkelijke post").into(),
                    lang.pick("Media", "Media").into(),
                ],
                numeric: vec![false; 6],
                rows,
                note: self.flag_note(self.media_rule(), a.media_flags.len()),
            });
        }
        if let Some(q) = &a.quote_flags
            && !q.is_empty()
        {
            let rows = q
                .iter()
                .take(listed)
                .map(|f| {
                    vec![
                        self.post_id(f.post),
                        self.date(d.posts[f.post as usize].created_at),
                        self.text(f.post),
                        self.author(f.quoted),
                        self.post_id(f.quoted),
                        self.text(f.quoted),
                    ]
                })
                .collect();
            self.b.sec.tables.push(Table {
                id: "quotes-without-follow".into(),
                title: self.b.t(
                    "Your quotes of accounts that do not follow you",
                    "Je citaten van accounts die jou niet volgen",
                ),
                columns: vec![
                    lang.pick("Your post", "Je post").into(),
                    lang.pick("Date", "Datum").into(),
                    lang.pick("Your text", "Je tekst").into(),
                    lang.pick("Quoted account", "Geciteerd account").into(),
                    lang.pick("Quoted post", "Geciteerde post").into(),
                    lang.pick("Quoted text", "Geciteerde tekst").into(),
                ],
                numeric: vec![false; 6],
                rows,
                note: self.flag_note(self.quote_rule(), q.len()),
            });
        }
    }

    fn charts(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if !a.cascades.is_empty() {
            // Cascades per size (log-log).
            let mut sizes: Vec<(u32, u64)> = Vec::new();
            let mut v: Vec<u32> = a.cascades.iter().map(|c| c.size).collect();
            v.sort_unstable();
            for s in v {
                match sizes.last_mut() {
                    Some((x, c)) if *x == s => *c += 1,
                    _ => sizes.push((s, 1)),
                }
            }
            self.b.sec.charts.push(Chart {
                id: "cascade-sizes".into(),
                title: self.b.t("How far posts travel", "Hoe ver posts reizen"),
                description: tr!(
                    lang,
                    "Number of cascades per cascade size (posts, the original included), both axes logarithmic; the largest cascade has {} posts.",
                    "Aantal cascades per cascadegrootte (posts, het origineel meegeteld), beide assen logaritmisch; de grootste cascade heeft {} posts.",
                    lang.int(a.cascades[0].size as u64)
                ),
                x_label: self.b.t("cascade size (posts)", "cascadegrootte (posts)"),
                y_label: self.b.t("cascades", "cascades"),
                kind: ChartKind::Scatter {
                    series: vec![PointSeries {
                        name: self.b.t("cascades", "cascades"),
                        points: sizes.iter().map(|&(s, c)| [s as f64, c as f64]).collect(),
                    }],
                    log_x: true,
                    log_y: true,
                },
            });
            let hist = &a.depth_hist;
            self.b.sec.charts.push(Chart {
                id: "cascade-depths".into(),
                title: self.b.t("How deep cascades go", "Hoe diep cascades gaan"),
                description: tr!(
                    lang,
                    "Number of cascades per depth (the longest chain of reposts of reposts); {} of {} cascades are direct reposts only (depth 1).",
                    "Aantal cascades per diepte (de langste keten van reposts van reposts); {} van de {} cascades zijn alleen directe reposts (diepte 1).",
                    lang.int(hist.get(1).copied().unwrap_or(0)),
                    lang.int(a.cascades.len() as u64)
                ),
                x_label: self.b.t("depth (hops)", "diepte (stappen)"),
                y_label: self.b.t("cascades", "cascades"),
                kind: ChartKind::Bar {
                    categories: (1..hist.len()).map(|d| d.to_string()).collect(),
                    series: vec![Series {
                        name: self.b.t("cascades", "cascades"),
                        values: hist[1..].iter().map(|&x| x as f64).collect(),
                    }],
                },
            });
        }
        let kinds: Vec<String> = [
            ("original", "origineel"),
            ("reply", "reactie"),
            ("repost", "repost"),
            ("quote", "citaat"),
        ]
        .iter()
        .map(|(en, nl)| lang.pick(en, nl).to_string())
        .collect();
        let share = |m: &[u64; 4]| -> Vec<f64> {
            let t: u64 = m.iter().sum();
            m.iter()
                .map(|&x| {
                    if t > 0 {
                        x as f64 / t as f64 * 100.0
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        let mut series = Vec::new();
        if self.has_brand() && a.mix[0].iter().sum::<u64>() > 0 {
            series.push(Series {
                name: self.b.t("you", "jij"),
                values: share(&a.mix[0]),
            });
        }
        if a.mix[1].iter().sum::<u64>() > 0 {
            series.push(Series {
                name: if self.has_brand() {
                    self.b.t("audience", "publiek")
                } else {
                    self.b.t("all accounts", "alle accounts")
                },
                values: share(&a.mix[1]),
            });
        }
        if !series.is_empty() {
            self.b.sec.charts.push(Chart {
                id: "post-mix".into(),
                title: self.b.t(
                    "Own content or someone else's",
                    "Eigen content of die van een ander",
                ),
                description: self.b.t(
                    "Share of posts in the period that are originals, replies, reposts and quotes, for your accounts and for everyone else.",
                    "Aandeel van de posts in de periode dat origineel, reactie, repost of citaat is, voor je eigen accounts en voor alle anderen.",
                ),
                x_label: self.b.t("kind of post", "soort post"),
                y_label: self.b.t("% of posts", "% van de posts"),
                kind: ChartKind::Bar {
                    categories: kinds,
                    series,
                },
            });
        }
        if a.reach.posts > 0 && a.reach.reshares > 0 {
            let names = self.format_names();
            let fs: Vec<usize> = (0..FORMATS)
                .filter(|&f| (f != MEDIA || a.has_media) && a.formats[f].posts > 0)
                .collect();
            self.b.sec.charts.push(Chart {
                id: "formats".into(),
                title: self.b.t("What travels", "Wat reist"),
                description: tr!(
                    lang,
                    "Reshares per post for posts with media, links, hashtags or text only, against the average of {}.",
                    "Reposts per post voor posts met media, links, hashtags of alleen tekst, tegen het gemiddelde van {}.",
                    lang.num(a.reach.mean(), 2)
                ),
                x_label: self.b.t("format", "vorm"),
                y_label: self.b.t("reshares per post", "reposts per post"),
                kind: ChartKind::Bar {
                    categories: fs.iter().map(|&f| names[f].clone()).collect(),
                    series: vec![Series {
                        name: self.b.t("reshares per post", "reposts per post"),
                        values: fs.iter().map(|&f| a.formats[f].mean()).collect(),
                    }],
                },
            });
        }
    }

    fn columns_and_exports(&mut self) {
        let cx = self.cx;
        let a = self.a;
        let d = cx.data;
        self.b.sec.entity_columns.push(EntityColumn::ints(
            Entity::Account,
            "reshares_received",
            a.received.iter().map(|&x| Some(x as i64)).collect(),
        ));
        // A million small counts: stored as category codes (4 bytes a post) with the
        // numbers as labels, rather than as a million 16-byte options; the CSV is the same.
        let max = a.below.iter().copied().max().unwrap_or(0);
        self.b.sec.entity_columns.push(EntityColumn::categories(
            Entity::Post,
            "reshares_below",
            (0..=max).map(|x| x.to_string()).collect(),
            a.below.clone(),
        ));
        let flagged = !a.copies.is_empty()
            || !a.media_flags.is_empty()
            || a.quote_flags.as_ref().is_some_and(|q| !q.is_empty());
        if flagged {
            let mut codes = vec![u32::MAX; d.posts.len()];
            for f in a.quote_flags.iter().flatten() {
                codes[f.post as usize] = 2;
            }
            for f in &a.media_flags {
                codes[f.post as usize] = 1;
            }
            for f in &a.copies {
                codes[f.post as usize] = 0;
            }
            self.b.sec.entity_columns.push(EntityColumn::categories(
                Entity::Post,
                "sharing_flag",
                vec![
                    "uncredited_copy".into(),
                    "uncredited_media".into(),
                    "quote_without_follow".into(),
                ],
                codes,
            ));
        }
        if a.has_reposts {
            let cascades = &a.cascades;
            self.b.sec.frames.push(
                Frame::new("cascades")
                    .column(
                        "root",
                        ColumnValues::Text(
                            cascades
                                .iter()
                                .map(|c| d.posts[c.root as usize].id.to_string())
                                .collect(),
                        ),
                    )
                    .column(
                        "size",
                        ColumnValues::Int(cascades.iter().map(|c| Some(c.size as i64)).collect()),
                    )
                    .column(
                        "depth",
                        ColumnValues::Int(cascades.iter().map(|c| Some(c.depth as i64)).collect()),
                    )
                    .column(
                        "structural_virality",
                        ColumnValues::Float {
                            values: cascades.iter().map(|c| Some(c.virality)).collect(),
                            decimals: 4,
                        },
                    ),
            );
        }
        if flagged {
            let mut rows: Vec<Vec<String>> = Vec::new();
            let row = |rule: &str, post: PostIx, source: PostIx, sim: Option<f64>| {
                let p = &d.posts[post as usize];
                let s = &d.posts[source as usize];
                vec![
                    rule.to_string(),
                    p.id.to_string(),
                    rfc3339(p.created_at),
                    d.accounts[p.author as usize].id.to_string(),
                    s.id.to_string(),
                    rfc3339(s.created_at),
                    d.accounts[s.author as usize].id.to_string(),
                    sim.map(|x| format!("{x:.4}")).unwrap_or_default(),
                ]
            };
            for c in &a.copies {
                rows.push(row("uncredited_copy", c.post, c.source, Some(c.similarity)));
            }
            for m in &a.media_flags {
                rows.push(row("uncredited_media", m.post, m.original, None));
            }
            for q in a.quote_flags.iter().flatten() {
                rows.push(row("quote_without_follow", q.post, q.quoted, None));
            }
            self.b.sec.exports.push(Table {
                id: "flags".into(),
                title: "sharing: copyright and attribution flags, one row per flagged post of the brand".into(),
                columns: [
                    "rule",
                    "post",
                    "created_at",
                    "author",
                    "source_post",
                    "source_created_at",
                    "source_author",
                    "similarity",
                ]
                .map(String::from)
                .to_vec(),
                numeric: vec![false, false, false, false, false, false, false, true],
                rows,
                note: None,
            });
        }
    }

    fn findings_and_advice(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        let d = cx.data;
        if a.cycles_cut > 0 {
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "{} repost references formed a loop (a post that reposts its own repost) and were ignored.",
                    "{} repostverwijzingen vormden een lus (een post die zijn eigen repost doorplaatst) en zijn genegeerd.",
                    lang.int(a.cycles_cut)
                ),
                &["cascades"],
            );
        }
        // Rule 1: copies.
        if !a.copies.is_empty() {
            let k = a.copies.len();
            let m = lang.int(a.checked);
            self.b.finding(
                Severity::Critical,
                if k == 1 {
                    tr!(
                        lang,
                        "1 of your {m} checked posts copies an earlier post by another account without naming it.",
                        "1 van je {m} gecontroleerde posts kopieert een eerdere post van een ander account zonder die te noemen."
                    )
                } else {
                    tr!(
                        lang,
                        "{k} of your {m} checked posts copy an earlier post by another account without naming it.",
                        "{k} van je {m} gecontroleerde posts kopiëren een eerdere post van een ander account zonder die te noemen."
                    )
                },
                &["uncredited_copies", "checked_posts"],
            );
            for c in a.copies.iter().take(COPY_ADVICE) {
                let who = self.author(c.source);
                let when = self.long_date(d.posts[c.post as usize].created_at);
                let src_when = self.long_date(d.posts[c.source as usize].created_at);
                let (sim, id) = (lang.pct(c.similarity, 0), self.post_id(c.post));
                self.b.recommend(
                    Priority::High,
                    tr!(
                        lang,
                        "Credit {who} on your post of {when}, or take it down.",
                        "Noem {who} als bron bij je post van {when}, of haal hem offline."
                    ),
                    tr!(
                        lang,
                        "Your post {id} is {sim} the same as {who}'s post of {src_when} (shared 3-word phrases), and it has no credit line, mention or link to the source. Copying someone's text without permission can infringe their copyright; name the maker at the least, and ask permission before you reuse more.",
                        "Je post {id} is voor {sim} gelijk aan de post van {who} van {src_when} (gedeelde reeksen van 3 woorden), en hij heeft geen bronvermelding, vermelding of link naar de bron. Iemands tekst kopiëren zonder toestemming kan inbreuk maken op het auteursrecht; noem de maker op zijn minst, en vraag toestemming voor je meer hergebruikt."
                    ),
                    &["uncredited_copies"],
                );
            }
            if k > COPY_ADVICE {
                let rest = k - COPY_ADVICE;
                self.b.recommend(
                    Priority::High,
                    tr!(
                        lang,
                        "Check the other {rest} flagged copies in the table of copies without credit, and credit or remove each.",
                        "Controleer de andere {rest} gemarkeerde kopieën in de tabel met kopieën zonder bronvermelding, en noem de bron of verwijder ze."
                    ),
                    self.b.t(
                        "Each copies an earlier post of someone else and names neither the post nor its maker.",
                        "Elk kopieert een eerdere post van iemand anders en noemt die post noch de maker.",
                    ),
                    &["uncredited_copies"],
                );
            }
        }
        // Rule 2: media.
        if !a.media_flags.is_empty() {
            let k = a.media_flags.len();
            let mut who: Vec<String> = a
                .media_flags
                .iter()
                .map(|m| self.author(m.original))
                .collect();
            who.sort();
            who.dedup();
            let n_who = who.len();
            who.truncate(5);
            let list = lang.join_and(&who);
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "{k} of your reshares of photos or other media carry no credit or licence (from {n_who} accounts).",
                    "{k} van je gedeelde foto's of andere media hebben geen bronvermelding of licentie (van {n_who} accounts)."
                ),
                &["uncredited_media"],
            );
            self.b.recommend(
                Priority::High,
                tr!(
                    lang,
                    "Ask {list} for permission, or credit them, for the media of theirs you reshared.",
                    "Vraag {list} om toestemming, of noem ze als bron, voor de media van hen die je deelde."
                ),
                self.b.t(
                    "A photo belongs to its maker. A platform repost is usually covered by its terms, but for a business account sharing media without a credit line or a licence leaves the permission unclear; a credit line and a yes in writing settle it.",
                    "Een foto is van de maker. Een repost op het platform valt meestal onder de voorwaarden, maar voor een bedrijfsaccount laat media delen zonder bronvermelding of licentie de toestemming onduidelijk; een bronvermelding en een schriftelijk ja maken het duidelijk.",
                ),
                &["uncredited_media"],
            );
        }
        // Rule 3: quotes.
        if let Some(q) = &a.quote_flags
            && !q.is_empty()
        {
            let mut who: Vec<String> = q.iter().map(|f| self.author(f.quoted)).collect();
            who.sort();
            who.dedup();
            let n_who = who.len();
            who.truncate(5);
            let list = lang.join_and(&who);
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "{} of your {} quotes are of accounts that do not follow you ({n_who} accounts): whether they agree is unclear.",
                    "{} van je {} citaten zijn van accounts die jou niet volgen ({n_who} accounts): of zij instemmen is onduidelijk.",
                    lang.int(q.len() as u64),
                    lang.int(a.quotes)
                ),
                &["quotes_without_follow"],
            );
            self.b.recommend(
                Priority::Medium,
                tr!(
                    lang,
                    "Ask permission before quoting {list}.",
                    "Vraag toestemming voor je {list} citeert."
                ),
                self.b.t(
                    "They do not follow you, so they may not know you or want to be associated with your brand; a short message first avoids a complaint and often gives a friendlier quote.",
                    "Ze volgen je niet, dus ze kennen je misschien niet of willen niet met je merk geassocieerd worden; eerst een kort bericht voorkomt een klacht en levert vaak een vriendelijker citaat op.",
                ),
                &["quotes_without_follow"],
            );
        }
        // Mostly other people's content.
        let bm = &a.mix[0];
        let bt: u64 = bm.iter().sum();
        if self.has_brand() && bt > 0 && (bm[2] + bm[3]) * 2 >= bt {
            let share = lang.pct((bm[2] + bm[3]) as f64 / bt as f64, 0);
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "Most of what you post is other people's content: {share} of your posts are reposts or quotes.",
                    "Het meeste wat je post is content van anderen: {share} van je posts zijn reposts of citaten."
                ),
                &["brand_reshare_share"],
            );
            self.b.recommend(
                Priority::Medium,
                self.b.t(
                    "Keep a register of what you reshare — maker, source, licence and permission — and credit the maker every time.",
                    "Houd bij wat je deelt — maker, bron, licentie en toestemming — en noem de maker elke keer.",
                ),
                tr!(
                    lang,
                    "{share} of your posts are someone else's content; the more you share, the more likely one share breaks someone's copyright, and a register shows you asked.",
                    "{share} van je posts is content van een ander; hoe meer je deelt, hoe groter de kans dat één keer delen iemands auteursrecht schendt, en een register laat zien dat je het vroeg."
                ),
                &["brand_reshare_share"],
            );
        }
        // What travels.
        let (mine, _, _, avg) = self.travel_scope();
        let tags = self.travelling_tags();
        if !tags.is_empty() && avg > 0.0 {
            let names: Vec<String> = tags.iter().take(3).map(|t| format!("#{}", t.tag)).collect();
            let list = lang.join_and(&names);
            let best = tags[0];
            let (m, avg_s) = (lang.num(best.reach.mean(), 2), lang.num(avg, 2));
            let (tag, posts) = (&best.tag, lang.int(best.reach.posts));
            self.b.recommend(
                Priority::Medium,
                tr!(
                    lang,
                    "Use {list} in posts you want shared.",
                    "Gebruik {list} in posts die je gedeeld wilt zien."
                ),
                if mine {
                    tr!(
                        lang,
                        "Content that travels: your {posts} posts with #{tag} got {m} reshares each on average, against {avg_s} for all your posts of the period.",
                        "Content die reist: je {posts} posts met #{tag} kregen gemiddeld elk {m} reposts, tegen {avg_s} voor al je posts uit de periode."
                    )
                } else {
                    tr!(
                        lang,
                        "Content that travels: the {posts} posts with #{tag} got {m} reshares each on average, against {avg_s} for all posts of the period.",
                        "Content die reist: de {posts} posts met #{tag} kregen gemiddeld elk {m} reposts, tegen {avg_s} voor alle posts uit de periode."
                    )
                },
                &["best_hashtag", "brand_reshares_per_post", "reshares_per_post"],
            );
        }
        if let Some((f, lift)) = self.best_format()
            && lift >= LIFT
        {
            let action = match f {
                MEDIA => self.b.t(
                    "Add a photo or video to posts you want shared.",
                    "Voeg een foto of video toe aan posts die je gedeeld wilt zien.",
                ),
                LINK => self.b.t(
                    "Add a link to something worth reading to posts you want shared.",
                    "Voeg een link naar iets lezenswaardigs toe aan posts die je gedeeld wilt zien.",
                ),
                HASHTAG => self.b.t(
                    "Use hashtags in posts you want shared.",
                    "Gebruik hashtags in posts die je gedeeld wilt zien.",
                ),
                _ => self.b.t(
                    "Keep posts you want shared plain: text without media, links or hashtags travels best here.",
                    "Houd posts die je gedeeld wilt zien eenvoudig: tekst zonder media, links of hashtags reist hier het best.",
                ),
            };
            let names = self.format_names();
            let (x, name) = (lang.num(lift, 1), &names[f]);
            self.b.recommend(
                Priority::Low,
                action,
                if mine {
                    tr!(
                        lang,
                        "Your posts {name} got {x}× your average reshares in the period.",
                        "Je posts {name} kregen {x}× je gemiddelde aantal reposts in de periode."
                    )
                } else {
                    tr!(
                        lang,
                        "Posts {name} got {x}× the average reshares in the period.",
                        "Posts {name} kregen {x}× het gemiddelde aantal reposts in de periode."
                    )
                },
                &[
                    "best_format",
                    "brand_reshares_per_post",
                    "reshares_per_post",
                ],
            );
        }
        // The brand against its audience.
        let (br, ar) = (a.brand_reach, a.audience_reach);
        if self.has_brand() && br.posts >= MIN_POSTS && ar.posts > 0 && br.share() < ar.share() {
            let (b_s, a_s) = (lang.pct(br.share(), 1), lang.pct(ar.share(), 1));
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "Your posts are reshared less often than other accounts' posts: {b_s} against {a_s}.",
                    "Je posts worden minder vaak doorgeplaatst dan die van andere accounts: {b_s} tegen {a_s}."
                ),
                &["brand_reshared_share", "audience_reshared_share"],
            );
            if !a.cascades.is_empty() {
                self.b.recommend(
                    Priority::Low,
                    self.b.t(
                        "Study the most shared posts in this section and make more of what they have in common.",
                        "Bekijk de meest gedeelde posts in deze sectie en maak meer van wat ze gemeen hebben.",
                    ),
                    tr!(
                        lang,
                        "{b_s} of your posts are reshared, against {a_s} of other accounts' posts: your audience shares other things than you post.",
                        "{b_s} van je posts wordt doorgeplaatst, tegen {a_s} van de posts van anderen: je publiek deelt andere dingen dan jij post."
                    ),
                    &["brand_reshared_share", "audience_reshared_share"],
                );
            }
        }
    }

    fn missing(&mut self) {
        let a = self.a;
        if !self.has_brand() {
            self.b.missing(
                self.b.t(
                    "Your own sharing, and the copyright and attribution checks of your posts",
                    "Je eigen deelgedrag, en de controle van je posts op auteursrecht en bronvermelding",
                ),
                self.b.t(
                    "name your accounts in honeycomb.toml: [report] brand = [\"@you\"]",
                    "noem je accounts in honeycomb.toml: [report] brand = [\"@jij\"]",
                ),
            );
        }
        if !a.has_reposts {
            self.b.missing(
                self.b.t("Repost cascades", "Repostcascades"),
                self.b.t(
                    "the repost_of column in the posts table",
                    "de kolom repost_of in de posts-tabel",
                ),
            );
        }
        if !a.has_media {
            self.b.missing(
                self.b.t(
                    "Media share, and the check of reshared media",
                    "Aandeel media, en de controle van gedeelde media",
                ),
                self.b.t(
                    "the media, credit and license columns in the posts table",
                    "de kolommen media, credit en license in de posts-tabel",
                ),
            );
        } else if !a.has_credit {
            self.b.missing(
                self.b.t(
                    "The check of reshared media for credit or licence",
                    "De controle van gedeelde media op bronvermelding of licentie",
                ),
                self.b.t(
                    "the credit and license columns in the posts table",
                    "de kolommen credit en license in de posts-tabel",
                ),
            );
        }
        if self.has_brand() && !a.has_follows {
            self.b.missing(
                self.b.t(
                    "Whether the accounts you quote follow you (permission for quotes)",
                    "Of de accounts die je citeert jou volgen (toestemming voor citaten)",
                ),
                self.b.t(
                    "a follows table (source, target)",
                    "een follows-tabel (source, target)",
                ),
            );
        }
    }

    fn score(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let br = a.brand_reach;
        if !self.has_brand() || br.posts == 0 {
            return;
        }
        let shared = (2.0 * br.share()).min(1.0);
        let reach = if a.audience_reach.mean() > 0.0 {
            (br.mean() / a.audience_reach.mean()).min(1.0)
        } else if br.mean() > 0.0 {
            1.0
        } else {
            0.0
        };
        let (copies, media) = (a.copies.len() as f64, a.media_flags.len() as f64);
        let quotes = a.quote_flags.as_ref().map_or(0, Vec::len) as f64;
        let penalty = (PENALTY_COPY * copies + PENALTY_MEDIA * media + PENALTY_QUOTE * quotes)
            .min(PENALTY_CAP);
        let value = (50.0 * shared + 50.0 * reach - penalty).max(0.0);
        let verdict = if copies > 0.0 {
            self.b.t(
                "Copyright risk: fix the flagged posts",
                "Risico op auteursrecht: pak de gemarkeerde posts aan",
            )
        } else if value >= STRONG {
            self.b.t("Your content travels", "Je content reist")
        } else if value >= WEAK {
            self.b.t("Room to grow", "Ruimte om te groeien")
        } else {
            self.b
                .t("Little of yours is shared", "Weinig van jou wordt gedeeld")
        };
        let (sh, re, pe) = (
            lang.pct(br.share(), 0),
            lang.num(reach * 100.0, 0),
            lang.num(penalty, 0),
        );
        self.b.score(
            value,
            tr!(
                lang,
                "50 × the share of your own posts reshared at least once, doubled and capped at 1 ({sh} reshared) + 50 × your reshares per post relative to other accounts', capped at 1 ({re}%) − {PENALTY_COPY} per copy without credit, {PENALTY_MEDIA} per reshared media without credit or licence and {PENALTY_QUOTE} per quote of an account that does not follow you, at most {PENALTY_CAP} in all (now {pe}); strong from {STRONG}, weak below {WEAK}",
                "50 × het aandeel van je eigen posts dat minstens één keer is doorgeplaatst, verdubbeld en hoogstens 1 ({sh} doorgeplaatst) + 50 × je reposts per post ten opzichte van die van andere accounts, hoogstens 1 ({re}%) − {PENALTY_COPY} per kopie zonder bronvermelding, {PENALTY_MEDIA} per gedeelde media zonder bronvermelding of licentie en {PENALTY_QUOTE} per citaat van een account dat jou niet volgt, samen hoogstens {PENALTY_CAP} (nu {pe}); sterk vanaf {STRONG}, zwak onder {WEAK}"
            ),
            verdict,
        );
    }

    fn summary(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        let mut s = if a.reach.posts == 0 {
            self.b.t(
                "There are no own posts (originals, replies or quotes) in the period, so nothing could be shared.",
                "Er zijn geen eigen posts (originele posts, reacties of citaten) in de periode, dus er kon niets gedeeld worden.",
            )
        } else if !a.has_reposts {
            tr!(
                lang,
                "The period has {} own posts; the data has no reposts, so how far they travel is unknown.",
                "De periode heeft {} eigen posts; de data heeft geen reposts, dus hoe ver ze reizen is onbekend.",
                lang.int(a.reach.posts)
            )
        } else {
            let of = lang.of(a.reach.reshared, a.reach.posts, "own posts", "eigen posts");
            let mut t = tr!(
                lang,
                "In the period, {of} were reshared at least once.",
                "In de periode werden {of} minstens één keer doorgeplaatst."
            );
            if let Some(c) = a.cascades.first() {
                t.push(' ');
                t.push_str(&tr!(
                    lang,
                    "The largest cascade, started by {}, reached {} posts and {} hops deep.",
                    "De grootste cascade, begonnen door {}, bereikte {} posts en {} stappen diep.",
                    self.author(c.root),
                    lang.int(c.size as u64),
                    lang.int(c.depth as u64)
                ));
            }
            t
        };
        if !cx.brand().is_empty() {
            let br = a.brand_reach;
            if br.posts > 0 && a.has_reposts {
                s.push(' ');
                s.push_str(&tr!(
                    lang,
                    "{} of your {} own posts ({}) were reshared.",
                    "{} van je {} eigen posts ({}) werden doorgeplaatst.",
                    lang.int(br.reshared),
                    lang.int(br.posts),
                    lang.pct(br.share(), 1)
                ));
            }
            if a.checked > 0 || !a.copies.is_empty() {
                s.push(' ');
            }
            let k = a.copies.len();
            s.push_str(&if a.checked == 0 {
                String::new()
            } else if k == 0 {
                tr!(
                    lang,
                    "None of your {} checked posts copies someone else's without credit.",
                    "Geen van je {} gecontroleerde posts kopieert die van iemand anders zonder bronvermelding.",
                    lang.int(a.checked)
                )
            } else if k == 1 {
                self.b.t(
                    "1 of your posts copies someone else's without credit: see below.",
                    "1 van je posts kopieert die van iemand anders zonder bronvermelding: zie hieronder.",
                )
            } else {
                tr!(
                    lang,
                    "{k} of your posts copy someone else's without credit: see below.",
                    "{k} van je posts kopiëren die van iemand anders zonder bronvermelding: zie hieronder."
                )
            });
        }
        self.b.sec.summary = s;
    }
}

/// Builds the section.
pub fn build(cx: &Context<'_>, s: &Settings, a: &Analysis) -> Section {
    let title = cx.t("Sharing", "Delen").to_string();
    let mut r = Report {
        cx,
        s,
        a,
        b: SectionBuilder::new("sharing", title, cx.lang),
    };
    r.cascade_metrics();
    r.mix_metrics();
    r.content_metrics();
    r.risk_metrics();
    r.shared_tables();
    r.flag_tables();
    r.charts();
    r.columns_and_exports();
    r.findings_and_advice();
    r.missing();
    // The metrics compared with the previous period at the top of the report.
    r.b.headline("brand_reshared_share", Better::Higher);
    r.b.headline("brand_reshares_per_post", Better::Higher);
    r.b.headline("reshares_per_post", Better::Higher);
    r.b.headline("uncredited_copies", Better::Lower);
    r.score();
    r.summary();
    r.b.finish()
}
