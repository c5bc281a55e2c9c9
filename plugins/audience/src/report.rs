//! Turns the [`Analysis`] into the section: metrics with definitions, the ladder, movement,
//! segment and motivation tables, charts, findings, recommendations and what is missing.

use crate::analysis::{
    Analysis, NOT_SEEN, RUNGS, SEG_CONNECTED, SEG_ENTERTAINMENT, SEG_RESTRAINED, SEG_UNCLASSIFIED,
    SEGMENTS,
};
use crate::settings::{MOTIVATIONS, Settings};
use honeycomb_core::{
    Better, Chart, ChartKind, Context, Entity, EntityColumn, Lang, Priority, Section,
    SectionBuilder, Series, Severity, Table, tr,
};

/// Metric keys of the rungs, highest first.
const RUNG_KEYS: [&str; 6] = [
    "creators",
    "critics",
    "collectors",
    "joiners",
    "spectators",
    "inactive",
];
/// Metric keys of the segments, in their order of precedence.
const SEG_KEYS: [&str; 4] = [
    "highly_connected",
    "entertainment_seekers",
    "restrained",
    "unclassified",
];
/// A motivation is recommended when its share of engagement is at least this many times its
/// share of posts.
const MIN_LIFT: f64 = 1.1;
/// A motivation is recommended when it has at least this many posts in the period, and at
/// least 1% of them.
const MIN_MOTIVATION_POSTS: u64 = 5;

/// Name of a rung (index 6: not in the audience).
pub fn rung_label(lang: Lang, r: usize) -> &'static str {
    match r {
        0 => lang.pick("Creators", "Makers"),
        1 => lang.pick("Critics", "Critici"),
        2 => lang.pick("Collectors", "Verzamelaars"),
        3 => lang.pick("Joiners", "Aansluiters"),
        4 => lang.pick("Spectators", "Toeschouwers"),
        5 => lang.pick("Inactive", "Inactief"),
        _ => lang.pick("Not in the audience", "Niet in het publiek"),
    }
}

/// The rule of a rung, as printed in the ladder table.
fn rung_rule(lang: Lang, r: usize) -> &'static str {
    match r {
        0 => lang.pick(
            "Published an original post (a reply to or quote of its own post counts too).",
            "Plaatste een eigen post (een reactie op of citaat van een eigen post telt ook).",
        ),
        1 => lang.pick(
            "Replied to or quoted someone else's post, or rated one (star, up- or down-vote).",
            "Reageerde op of citeerde een post van een ander, of beoordeelde er een (ster, duim omhoog of omlaag).",
        ),
        2 => lang.pick(
            "Liked someone else's post (rating of kind like) or reposted it without comment. Bookmarks and saves are not in the data.",
            "Likete een post van een ander (beoordeling van soort like) of deelde hem door zonder commentaar. Bladwijzers en opgeslagen posts zitten niet in de data.",
        ),
        3 => lang.pick(
            "Has a profile (accounts table) and follows accounts or is in a group, nothing above.",
            "Heeft een profiel (accounts-tabel) en volgt accounts of zit in een groep, verder niets hierboven.",
        ),
        4 => lang.pick(
            "Seen online (presence records), or follows or is in a group without a profile: reads, nothing more.",
            "Online gezien (presence-records), of volgt of zit in een groep zonder profiel: leest mee, meer niet.",
        ),
        _ => lang.pick(
            "Has a profile, but nothing of the above in the period.",
            "Heeft een profiel, maar niets van het bovenstaande in de periode.",
        ),
    }
}

/// Name of a segment.
pub fn segment_label(lang: Lang, s: usize) -> &'static str {
    match s {
        0 => lang.pick("Highly connected", "Sterk verbonden"),
        1 => lang.pick("Entertainment seekers", "Vermaakzoekers"),
        2 => lang.pick("Restrained users", "Terughoudende gebruikers"),
        _ => lang.pick("Unclassified", "Niet ingedeeld"),
    }
}

/// Name of a motivation (0–5) or content category (6 media, 7 links).
pub fn category_label(lang: Lang, c: usize) -> &'static str {
    match c {
        0 => lang.pick("Entertainment", "Vermaak"),
        1 => lang.pick("Social interaction", "Sociale interactie"),
        2 => lang.pick("Personal identity", "Persoonlijke identiteit"),
        3 => lang.pick("Information", "Informatie"),
        4 => lang.pick("Remuneration", "Beloning"),
        5 => lang.pick("Empowerment", "Invloed uitoefenen"),
        6 => lang.pick("Media (photo, video)", "Media (foto, video)"),
        _ => lang.pick("Links", "Links"),
    }
}

fn share(n: u64, d: u64) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
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

    fn accounts(&self, n: u64) -> String {
        self.lang()
            .count(n, ("account", "accounts"), ("account", "accounts"))
    }

    /// "your own 2 accounts and your competitors' 2 accounts": who is not the audience.
    fn left_out(&self) -> String {
        let lang = self.lang();
        let own = self.accounts(self.a.brand_excluded);
        match (self.a.brand_excluded, self.a.competitors_excluded) {
            (0, 0) => lang
                .pick(
                    "none (no brand accounts are set: [report] brand)",
                    "niemand (er zijn geen merkaccounts ingesteld: [report] brand)",
                )
                .to_string(),
            (_, 0) => tr!(lang, "your own {own}", "je eigen {own}"),
            (_, c) => tr!(
                lang,
                "your own {own} and your competitors' {}",
                "je eigen {own} en de {} van je concurrenten",
                self.accounts(c)
            ),
        }
    }

    /// A recommendation for another block (the builder's is this section's id).
    fn recommend(
        &mut self,
        block: &str,
        priority: Priority,
        action: String,
        why: String,
        evidence: &[&str],
    ) {
        let before = self.b.sec.recommendations.len();
        self.b.recommend(priority, action, why, evidence);
        if let Some(r) = self.b.sec.recommendations.get_mut(before) {
            r.block = block.to_string();
        }
    }

    /// Whether the previous period can be compared: there is one, and the data has activity
    /// in it (else its rungs would rest on standing follows and memberships only).
    fn comparable(&self) -> bool {
        self.a.prev_rung.is_some() && self.a.prev_has_activity
    }

    fn prev_days(&self) -> i64 {
        self.cx
            .previous_period()
            .map_or(0, |p| ((p.end - p.start) as f64 / 86400.0).round() as i64)
    }

    fn ladder(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let n_s = lang.int(a.audience);
        self.b.metric(
            "audience",
            lang.pick("Audience", "Publiek").into(),
            Some(a.audience as f64),
            self.accounts(a.audience),
            "",
            tr!(
                lang,
                "Accounts with a rung in the report period: every account with a profile, and every account without one that did something in it. Left out: {}.",
                "Accounts met een trede in de rapportperiode: elk account met een profiel, en elk account zonder profiel dat er iets in deed. Niet meegeteld: {}.",
                self.left_out()
            ),
        );
        for (r, key) in RUNG_KEYS.iter().enumerate() {
            let c = a.counts[r];
            let rule = rung_rule(lang, r);
            self.b.metric(
                key,
                tr!(
                    lang,
                    "{} (primary rung)",
                    "{} (hoogste trede)",
                    rung_label(lang, r)
                ),
                (a.audience > 0).then(|| share(c, a.audience) * 100.0),
                lang.of(c, a.audience, "accounts", "accounts"),
                "%",
                tr!(
                    lang,
                    "Audience accounts whose highest rung in the period is this one ÷ the {n_s} audience accounts. Rule: {rule} Social Technographics ladder, Li & Bernoff (2008), Groundswell (Forrester Research).",
                    "Accounts in het publiek van wie dit de hoogste trede in de periode is ÷ de {n_s} accounts in het publiek. Regel: {rule} Social Technographics-ladder, Li & Bernoff (2008), Groundswell (Forrester Research)."
                ),
            );
        }
        let has_prev = self.comparable();
        let mut columns: Vec<String> = vec![
            lang.pick("Rung", "Trede").into(),
            lang.pick("Rule (in the period)", "Regel (in de periode)")
                .into(),
            lang.pick("Accounts", "Accounts").into(),
            lang.pick("Share", "Aandeel").into(),
        ];
        if has_prev {
            columns.push(lang.pick("Previous period", "Vorige periode").into());
            columns.push(lang.pick("Change", "Verandering").into());
        }
        let mut rows = Vec::new();
        for r in 0..6 {
            let cur = share(a.counts[r], a.audience);
            let mut row = vec![
                rung_label(lang, r).to_string(),
                rung_rule(lang, r).to_string(),
                lang.int(a.counts[r]),
                lang.pct(cur, 1),
            ];
            if has_prev {
                let prev = share(a.prev_counts[r], a.prev_audience);
                row.push(format!(
                    "{} ({})",
                    lang.int(a.prev_counts[r]),
                    lang.pct(prev, 1)
                ));
                let pp = (cur - prev) * 100.0;
                row.push(format!(
                    "{}{} {}",
                    if pp > 0.0 { "+" } else { "" },
                    lang.num(pp, 1),
                    lang.pick("pp", "procentpunt")
                ));
            }
            rows.push(row);
        }
        let numeric = columns.iter().enumerate().map(|(i, _)| i >= 2).collect();
        let note = tr!(
            lang,
            "Each account counts once, at its highest rung; shares are of the {n_s} audience accounts. Left out: {}.",
            "Elk account telt één keer, op zijn hoogste trede; aandelen zijn van de {n_s} accounts in het publiek. Niet meegeteld: {}.",
            self.left_out()
        );
        self.b.sec.tables.push(Table {
            id: "technographics".into(),
            title: lang
                .pick(
                    "Social Technographics ladder (Li & Bernoff 2008)",
                    "Social Technographics-ladder (Li & Bernoff 2008)",
                )
                .into(),
            columns,
            numeric,
            rows,
            note: Some(note),
        });

        // Behaviours, not exclusive.
        let rows = (0..5)
            .map(|k| {
                vec![
                    rung_label(lang, k).to_string(),
                    lang.int(a.behaviour_counts[k]),
                    lang.pct(share(a.behaviour_counts[k], a.audience), 1),
                ]
            })
            .collect();
        self.b.sec.tables.push(Table {
            id: "behaviours".into(),
            title: lang
                .pick(
                    "Behaviour shown in the period (an account can show several)",
                    "Gedrag in de periode (een account kan meerdere laten zien)",
                )
                .into(),
            columns: vec![
                lang.pick("Behaviour", "Gedrag").into(),
                lang.pick("Accounts showing it", "Accounts die het laten zien").into(),
                lang.pick("Share of the audience", "Aandeel van het publiek").into(),
            ],
            numeric: vec![false, true, true],
            rows,
            note: Some(tr!(
                lang,
                "Shares of the {n_s} audience accounts; they add up to more than 100% because behaviours overlap.",
                "Aandelen van de {n_s} accounts in het publiek; samen meer dan 100% omdat gedrag overlapt."
            )),
        });

        let mut series = vec![Series {
            name: lang.pick("Report period", "Rapportperiode").into(),
            values: (0..6)
                .map(|r| share(a.counts[r], a.audience) * 100.0)
                .collect(),
        }];
        if has_prev {
            series.push(Series {
                name: lang.pick("Previous period", "Vorige periode").into(),
                values: (0..6)
                    .map(|r| share(a.prev_counts[r], a.prev_audience) * 100.0)
                    .collect(),
            });
        }
        self.b.sec.charts.push(Chart {
            id: "technographics".into(),
            title: lang
                .pick(
                    "Audience by primary Technographics rung",
                    "Publiek naar hoogste Technographics-trede",
                )
                .into(),
            description: tr!(
                lang,
                "Share of the {n_s} audience accounts per primary rung, creators to inactive{}.",
                "Aandeel van de {n_s} accounts in het publiek per hoogste trede, van makers tot inactief{}.",
                if has_prev {
                    lang.pick(", beside the previous period", ", naast de vorige periode")
                } else {
                    ""
                }
            ),
            x_label: lang.pick("Rung", "Trede").into(),
            y_label: lang.pick("% of the audience", "% van het publiek").into(),
            kind: ChartKind::Bar {
                categories: (0..6).map(|r| rung_label(lang, r).to_string()).collect(),
                series,
            },
        });

        // The largest rung.
        if a.audience > 0 {
            let top = (0..6)
                .max_by_key(|&r| (a.counts[r], std::cmp::Reverse(r)))
                .unwrap_or(5);
            let part = a.counts[0] + a.counts[1];
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "The largest group in your audience is {}: {}. Creators and critics, who post or react themselves, are {}.",
                    "De grootste groep in je publiek zijn {}: {}. Makers en critici, die zelf posten of reageren, zijn {}.",
                    rung_label(lang, top).to_lowercase(),
                    lang.of(a.counts[top], a.audience, "accounts", "accounts"),
                    lang.of(part, a.audience, "accounts", "accounts")
                ),
                &[RUNG_KEYS[top], "creators", "critics"],
            );
        }
    }

    fn movement(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let Some(_) = &a.prev_rung else {
            self.b.finding(
                Severity::Info,
                self.b.t(
                    "No comparison: set a report period (--period) to compare with the period before it.",
                    "Geen vergelijking: stel een rapportperiode in (--period) om te vergelijken met de periode ervoor.",
                ),
                &[],
            );
            self.b.missing(
                self.b.t(
                    "Movement on the ladder since the previous period",
                    "Beweging op de ladder sinds de vorige periode",
                ),
                self.b.t(
                    "a report period (--period FROM..TO, or period in the [report] table of honeycomb.toml)",
                    "een rapportperiode (--period VAN..TOT, of period in de tabel [report] van honeycomb.toml)",
                ),
            );
            return;
        };
        let days = self.prev_days();
        if !a.prev_has_activity {
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "No comparison: the data has no posts, ratings or presence records in the {days} days before the report period, so there is nothing to compare the ladder with (follows and group memberships alone would put everyone on the joiner rung).",
                    "Geen vergelijking: de data heeft geen posts, beoordelingen of presence-records in de {days} dagen voor de rapportperiode, dus er is niets om de ladder mee te vergelijken (alleen volgrelaties en groepslidmaatschappen zouden iedereen op de trede aansluiter zetten)."
                ),
                &[],
            );
            self.b.missing(
                self.b.t(
                    "Movement on the ladder since the previous period",
                    "Beweging op de ladder sinds de vorige periode",
                ),
                tr!(
                    lang,
                    "posts, ratings or presence records from the {days} days before the report period",
                    "posts, beoordelingen of presence-records uit de {days} dagen voor de rapportperiode"
                ),
            );
            return;
        }
        let both = a.moved_up + a.moved_down + a.stayed;
        let pa = lang.int(a.prev_audience);
        for (r, key) in RUNG_KEYS.iter().enumerate() {
            let c = a.prev_counts[r];
            self.b.metric(
                &format!("{key}_previous"),
                tr!(
                    lang,
                    "{}, previous period",
                    "{}, vorige periode",
                    rung_label(lang, r)
                ),
                (a.prev_audience > 0).then(|| share(c, a.prev_audience) * 100.0),
                lang.of(c, a.prev_audience, "accounts", "accounts"),
                "%",
                tr!(
                    lang,
                    "The same rule over the {days} days right before the report period: accounts at this primary rung ÷ the {pa} accounts in that period's audience.",
                    "Dezelfde regel over de {days} dagen direct voor de rapportperiode: accounts op deze hoogste trede ÷ de {pa} accounts in het publiek van die periode."
                ),
            );
        }
        let both_s = lang.int(both);
        self.b.metric(
            "moved_up",
            lang.pick("Moved up the ladder", "Ladder op gegaan").into(),
            (both > 0).then(|| share(a.moved_up, both) * 100.0),
            lang.of(a.moved_up, both, "accounts", "accounts"),
            "%",
            tr!(
                lang,
                "Accounts in the audience in both periods ({both_s}) whose primary rung is higher now than in the previous period.",
                "Accounts die in beide periodes in het publiek zitten ({both_s}) en nu een hogere hoogste trede hebben dan in de vorige periode."
            ),
        );
        self.b.metric(
            "moved_down",
            lang.pick("Moved down the ladder", "Ladder af gegaan").into(),
            (both > 0).then(|| share(a.moved_down, both) * 100.0),
            lang.of(a.moved_down, both, "accounts", "accounts"),
            "%",
            tr!(
                lang,
                "Accounts in the audience in both periods ({both_s}) whose primary rung is lower now than in the previous period.",
                "Accounts die in beide periodes in het publiek zitten ({both_s}) en nu een lagere hoogste trede hebben dan in de vorige periode."
            ),
        );
        let mut columns: Vec<String> = vec![lang.pick("Previous → now", "Vorige → nu").into()];
        columns.extend((0..7).map(|r| rung_label(lang, r).to_string()));
        let rows = (0..7)
            .map(|p| {
                let mut row = vec![rung_label(lang, p).to_string()];
                row.extend((0..7).map(|c| lang.int(a.transitions[p][c])));
                row
            })
            .collect();
        let mut numeric = vec![false];
        numeric.extend([true; 7]);
        self.b.sec.tables.push(Table {
            id: "movement".into(),
            title: lang
                .pick(
                    "Movement since the previous period (accounts)",
                    "Beweging sinds de vorige periode (accounts)",
                )
                .into(),
            columns,
            numeric,
            rows,
            note: Some(tr!(
                lang,
                "Rows: the primary rung in the {days} days before the report period; columns: in the report period. \"Not in the audience\": no profile and nothing done in that period. Your own and your competitors' accounts are left out.",
                "Rijen: de hoogste trede in de {days} dagen voor de rapportperiode; kolommen: in de rapportperiode. \"Niet in het publiek\": geen profiel en niets gedaan in die periode. Je eigen accounts en die van je concurrenten zijn niet meegeteld."
            )),
        });
        {
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "Since the previous period, {} moved up the ladder and {} moved down ({} stayed at the same rung).",
                    "Sinds de vorige periode gingen {} de ladder op en {} de ladder af ({} bleven op dezelfde trede).",
                    self.accounts(a.moved_up),
                    self.accounts(a.moved_down),
                    lang.int(a.stayed)
                ),
                &["moved_up", "moved_down"],
            );
            if a.moved_down > a.moved_up {
                self.recommend(
                    "relationships",
                    Priority::High,
                    self.b.t(
                        "Win back the accounts that went down the ladder: reply to them, mention them, invite them.",
                        "Win de accounts terug die de ladder af gingen: reageer op ze, noem ze, nodig ze uit.",
                    ),
                    tr!(
                        lang,
                        "{} moved down and only {} moved up since the previous period.",
                        "{} gingen de ladder af en maar {} op sinds de vorige periode.",
                        self.accounts(a.moved_down),
                        lang.int(a.moved_up)
                    ),
                    &["moved_down", "moved_up"],
                );
            }
        }
    }

    fn segments(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let s = self.s;
        let n_s = lang.int(a.audience);
        let top_s = lang.pct(s.connected_share, 0);
        let cutoff = match a.connected_cutoff {
            Some((d, g)) => tr!(
                lang,
                "; the last one in has degree {} and {}",
                "; de laatste erin heeft graad {} en {}",
                lang.int(d),
                lang.count(g, ("group", "groups"), ("groep", "groepen"))
            ),
            None => String::new(),
        };
        let rules = [
            tr!(
                lang,
                "At least one action, and in the top {top_s} of the audience ({}) by breadth: network degree (follows in + out), then groups, then platforms, ties in the order of the data; a degree, a group or two platforms is needed ({} accounts have one){cutoff}.",
                "Minstens één actie, en in de bovenste {top_s} van het publiek ({}) naar breedte: netwerkgraad (volgrelaties in + uit), dan groepen, dan platforms, bij gelijke stand de volgorde in de data; een graad, een groep of twee platforms is nodig ({} accounts hebben dat){cutoff}.",
                lang.count(a.connected_slots, ("place", "places"), ("plaats", "plaatsen")),
                lang.int(a.connected_candidates)
            ),
            tr!(
                lang,
                "At least {} interactions with others' posts (replies, quotes, reposts, ratings), more than {} of them on entertainment-type content (media, or entertainment words and hashtags).",
                "Minstens {} interacties met posts van anderen (reacties, citaten, doorplaatsingen, beoordelingen), meer dan {} daarvan op vermaak-achtige content (media, of vermaakwoorden en -hashtags).",
                lang.int(s.min_interactions),
                lang.pct(s.entertainment_share, 0)
            ),
            tr!(
                lang,
                "Activity (posts of every kind + ratings given) at or below {}, the median of the {} active audience accounts.",
                "Activiteit (posts van elke soort + gegeven beoordelingen) hoogstens {}, de mediaan van de {} actieve accounts in het publiek.",
                lang.int(a.median_activity),
                lang.int(a.active)
            ),
            lang.pick(
                "The rest: more active than the median, but neither highly connected nor mostly after entertainment.",
                "De rest: actiever dan de mediaan, maar niet sterk verbonden en niet vooral op vermaak uit.",
            )
            .to_string(),
        ];
        let advice = [
            lang.pick(
                "Involve them personally: reply, mention them, invite them to events; they carry your message into their networks.",
                "Betrek ze persoonlijk: reageer, noem ze, nodig ze uit voor evenementen; zij dragen je boodschap hun netwerk in.",
            ),
            lang.pick(
                "Give them light, visual content — photos, video, humour, games — that they want to react to and pass on.",
                "Geef ze luchtige, beeldende content — foto's, video, humor, spelletjes — waar ze op willen reageren en die ze doorgeven.",
            ),
            lang.pick(
                "Keep the threshold low: a question, a poll, something to like; do not expect them to create.",
                "Houd de drempel laag: een vraag, een poll, iets om te liken; verwacht niet dat ze zelf content maken.",
            ),
            lang.pick(
                "Keep them informed with regular, useful posts and watch whether they move into a segment.",
                "Houd ze op de hoogte met regelmatige, nuttige posts en kijk of ze in een segment terechtkomen.",
            ),
        ];
        let mut rows = Vec::new();
        for g in 0..4 {
            let c = a.seg_counts[g];
            let inter = a.seg_interactions[g];
            let mut cats: Vec<(u64, usize)> = (0..8)
                .map(|k| (a.seg_categories[g][k], k))
                .filter(|x| x.0 > 0)
                .collect();
            cats.sort_by_key(|&(v, k)| (std::cmp::Reverse(v), k));
            let responds = if cats.is_empty() {
                "–".to_string()
            } else {
                let items: Vec<String> = cats
                    .iter()
                    .take(2)
                    .map(|&(v, k)| {
                        format!(
                            "{} ({})",
                            category_label(lang, k),
                            lang.pct(share(v, inter), 0)
                        )
                    })
                    .collect();
                lang.join_and(&items)
            };
            self.b.metric(
                SEG_KEYS[g],
                segment_label(lang, g).to_string(),
                (a.audience > 0).then(|| share(c, a.audience) * 100.0),
                lang.of(c, a.audience, "accounts", "accounts"),
                "%",
                tr!(
                    lang,
                    "Audience accounts in this segment ÷ the {n_s} audience accounts. Rule: {} Segments are exclusive, in the order highly connected, entertainment seekers, restrained users, unclassified.",
                    "Accounts in het publiek in dit segment ÷ de {n_s} accounts in het publiek. Regel: {} Segmenten sluiten elkaar uit, in de volgorde sterk verbonden, vermaakzoekers, terughoudende gebruikers, niet ingedeeld.",
                    rules[g]
                ),
            );
            rows.push(vec![
                segment_label(lang, g).to_string(),
                rules[g].clone(),
                lang.int(c),
                lang.pct(share(c, a.audience), 1),
                lang.int(inter),
                responds,
                advice[g].to_string(),
            ]);
        }
        self.b.sec.tables.push(Table {
            id: "segments".into(),
            title: lang.pick("Marketing segments", "Marketingsegmenten").into(),
            columns: vec![
                lang.pick("Segment", "Segment").into(),
                lang.pick("Rule (first that applies)", "Regel (de eerste die geldt)").into(),
                lang.pick("Accounts", "Accounts").into(),
                lang.pick("Share", "Aandeel").into(),
                lang.pick("Interactions", "Interacties").into(),
                lang.pick("Responds most to", "Reageert vooral op").into(),
                lang.pick("Advice", "Advies").into(),
            ],
            numeric: vec![false, false, true, true, true, false, false],
            rows,
            note: Some(tr!(
                lang,
                "Every audience account is in exactly one segment: the first rule that applies, top to bottom. \"Responds most to\": the content categories of the posts the segment's interactions were on, as a share of its interactions ({} with a post that is not in the data has no category).",
                "Elk account in het publiek zit in precies één segment: de eerste regel die geldt, van boven naar beneden. \"Reageert vooral op\": de contentcategorieën van de posts waarop het segment interacteerde, als aandeel van zijn interacties ({} met een post die niet in de data zit heeft geen categorie).",
                lang.pick("an interaction", "een interactie")
            )),
        });
        if a.audience > 0 {
            let top = (0..4)
                .max_by_key(|&g| (a.seg_counts[g], std::cmp::Reverse(g)))
                .unwrap_or(3);
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "The largest marketing segment is {}: {}.",
                    "Het grootste marketingsegment is {}: {}.",
                    segment_label(lang, top).to_lowercase(),
                    lang.of(a.seg_counts[top], a.audience, "accounts", "accounts")
                ),
                &[SEG_KEYS[top]],
            );
        }
        let g = SEG_CONNECTED as usize;
        if a.seg_counts[g] > 0 {
            self.recommend(
                "relationships",
                Priority::High,
                tr!(
                    lang,
                    "Approach your {} personally: follow them, reply to them, invite them.",
                    "Benader je {} persoonlijk: volg ze, reageer op ze, nodig ze uit.",
                    lang.count(
                        a.seg_counts[g],
                        ("highly connected account", "highly connected accounts"),
                        ("sterk verbonden account", "sterk verbonden accounts")
                    )
                ),
                tr!(
                    lang,
                    "They are active and among the best connected {} of your audience by follows and groups; what they pass on reaches further.",
                    "Ze zijn actief en horen bij de best verbonden {} van je publiek naar volgrelaties en groepen; wat zij doorgeven komt verder.",
                    lang.pct(s.connected_share, 0)
                ),
                &["highly_connected"],
            );
        }
        let g = SEG_ENTERTAINMENT as usize;
        if a.seg_counts[g] > 0 {
            self.recommend(
                "sharing",
                Priority::Medium,
                self.b.t(
                    "Post light, visual content (photos, short video, humour) for your entertainment seekers.",
                    "Plaats luchtige, beeldende content (foto's, korte video, humor) voor je vermaakzoekers.",
                ),
                tr!(
                    lang,
                    "{} react mostly to entertainment-type posts.",
                    "{} reageren vooral op vermaak-achtige posts.",
                    lang.of(a.seg_counts[g], a.audience, "accounts", "accounts")
                ),
                &["entertainment_seekers", "motivation_entertainment"],
            );
        }
        let g = SEG_RESTRAINED as usize;
        if share(a.seg_counts[g], a.audience) >= 0.25 {
            self.recommend(
                "conversations",
                Priority::Low,
                self.b.t(
                    "Make reacting easy for restrained users: ask one simple question, run a poll, give them something to like.",
                    "Maak reageren makkelijk voor terughoudende gebruikers: stel één simpele vraag, houd een poll, geef ze iets om te liken.",
                ),
                tr!(
                    lang,
                    "{} are the less active half of your audience (at most {} in the period); a low threshold is their way in.",
                    "{} zijn de minder actieve helft van je publiek (hoogstens {} in de periode); een lage drempel is hun ingang.",
                    lang.of(a.seg_counts[g], a.audience, "accounts", "accounts"),
                    lang.count(a.median_activity, ("action", "actions"), ("actie", "acties"))
                ),
                &["restrained"],
            );
        }
        let _ = SEG_UNCLASSIFIED;
    }

    fn motivations(&mut self) {
        let lang = self.lang();
        let mo = &self.a.motivations;
        let posts_s = lang.int(mo.posts);
        let eng_s = lang.int(mo.engagement);
        let eng_ok = mo.has_engagement && mo.engagement > 0;
        for (m, key) in MOTIVATIONS.iter().enumerate() {
            let (p, e) = (mo.posts_by[m], mo.engagement_by[m]);
            let words: Vec<&str> = self.s.words[m].iter().take(6).map(|w| w.as_str()).collect();
            let words = words.join(", ");
            self.b.metric(
                &format!("motivation_{key}"),
                tr!(lang, "Motivation: {}", "Motivatie: {}", category_label(lang, m)),
                eng_ok.then(|| share(e, mo.engagement) * 100.0),
                if eng_ok {
                    tr!(
                        lang,
                        "{} of engagement; {}",
                        "{} van de interactie; {}",
                        lang.pct(share(e, mo.engagement), 1),
                        lang.of(p, mo.posts, "posts", "posts")
                    )
                } else {
                    tr!(
                        lang,
                        "{}; engagement not computable",
                        "{}; interactie niet te berekenen",
                        lang.of(p, mo.posts, "posts", "posts")
                    )
                },
                "%",
                tr!(
                    lang,
                    "Engagement (likes + reposts + replies as exported, plus quotes found in the data) of the posts matching this motivation's words or hashtags (e.g. {words}) ÷ the engagement of all {posts_s} originals, replies and quotes in the period ({eng_s}). A post can match several motivations. Motivations after Muntinga, Moorman & Smit (2011); an estimate from content.",
                    "Interactie (likes + doorplaatsingen + reacties zoals geëxporteerd, plus citaten in de data) van de posts die de woorden of hashtags van deze motivatie bevatten (bijv. {words}) ÷ de interactie van alle {posts_s} eigen posts, reacties en citaten in de periode ({eng_s}). Een post kan bij meerdere motivaties passen. Motivaties naar Muntinga, Moorman & Smit (2011); een schatting op basis van de inhoud."
                ),
            );
        }
        let matched = mo.posts - mo.unmatched_posts;
        self.b.metric(
            "motivation_posts_matched",
            lang.pick("Posts with a motivation word", "Posts met een motivatiewoord").into(),
            (mo.posts > 0).then(|| share(matched, mo.posts) * 100.0),
            lang.of(matched, mo.posts, "posts", "posts"),
            "%",
            self.b.t(
                "Originals, replies and quotes in the period that match at least one motivation's words or hashtags ÷ all of them.",
                "Eigen posts, reacties en citaten in de periode die bij minstens één motivatie passen ÷ allemaal.",
            ),
        );
        self.b.metric(
            "motivation_unmatched",
            lang.pick("Engagement not matched to a motivation", "Interactie zonder motivatie").into(),
            eng_ok.then(|| share(mo.unmatched_engagement, mo.engagement) * 100.0),
            if eng_ok {
                lang.pct(share(mo.unmatched_engagement, mo.engagement), 1)
            } else {
                "–".into()
            },
            "%",
            self.b.t(
                "Engagement of the posts that match no motivation ÷ the engagement of all originals, replies and quotes in the period.",
                "Interactie van de posts die bij geen motivatie passen ÷ de interactie van alle eigen posts, reacties en citaten in de periode.",
            ),
        );
        let mut rows = Vec::new();
        for m in 0..7 {
            let (label, words, p, e) = if m < 6 {
                let w: Vec<&str> = self.s.words[m].iter().take(5).map(|w| w.as_str()).collect();
                (
                    category_label(lang, m).to_string(),
                    w.join(", "),
                    mo.posts_by[m],
                    mo.engagement_by[m],
                )
            } else {
                (
                    lang.pick("Not matched", "Geen match").to_string(),
                    "–".to_string(),
                    mo.unmatched_posts,
                    mo.unmatched_engagement,
                )
            };
            rows.push(vec![
                label,
                words,
                lang.int(p),
                lang.pct(share(p, mo.posts), 1),
                if eng_ok { lang.int(e) } else { "–".into() },
                if eng_ok {
                    lang.pct(share(e, mo.engagement), 1)
                } else {
                    "–".into()
                },
                if eng_ok && p > 0 {
                    lang.num(e as f64 / p as f64, 1)
                } else {
                    "–".into()
                },
            ]);
        }
        self.b.sec.tables.push(Table {
            id: "motivations".into(),
            title: lang
                .pick(
                    "Motivations in the posts (Muntinga et al. 2011)",
                    "Motivaties in de posts (Muntinga e.a. 2011)",
                )
                .into(),
            columns: vec![
                lang.pick("Motivation", "Motivatie").into(),
                lang.pick("Words (first of the list)", "Woorden (begin van de lijst)").into(),
                lang.pick("Posts", "Posts").into(),
                lang.pick("Share of posts", "Aandeel posts").into(),
                lang.pick("Engagement", "Interactie").into(),
                lang.pick("Share of engagement", "Aandeel interactie").into(),
                lang.pick("Engagement per post", "Interactie per post").into(),
            ],
            numeric: vec![false, false, true, true, true, true, true],
            rows,
            note: Some(tr!(
                lang,
                "An estimate from content: a motivation is recognised by its words and hashtags in a post, not asked of the people. Over the {posts_s} originals, replies and quotes in the period (yours included); a post can match several motivations, so shares add up to more than 100%. Extend the word lists in [plugins.audience].",
                "Een schatting op basis van de inhoud: een motivatie wordt herkend aan woorden en hashtags in een post, niet aan de mensen gevraagd. Over de {posts_s} eigen posts, reacties en citaten in de periode (die van jou ook); een post kan bij meerdere motivaties passen, dus samen meer dan 100%. Vul de woordenlijsten aan in [plugins.audience]."
            )),
        });
        if mo.posts == 0 {
            return;
        }
        if matched == 0 {
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "None of the {posts_s} posts contains a motivation word: extend the word lists in [plugins.audience] with the words your audience uses.",
                    "Geen van de {posts_s} posts bevat een motivatiewoord: vul de woordenlijsten in [plugins.audience] aan met de woorden die je publiek gebruikt."
                ),
                &["motivation_posts_matched"],
            );
        }
        // Short names, so that the chart's labels fit; the posts matching none are in the table.
        let cats: Vec<String> = (0..6)
            .map(|m| {
                [
                    lang.pick("Entertainment", "Vermaak"),
                    lang.pick("Social", "Sociaal"),
                    lang.pick("Identity", "Identiteit"),
                    lang.pick("Information", "Informatie"),
                    lang.pick("Reward", "Beloning"),
                    lang.pick("Empowerment", "Invloed"),
                ][m]
                    .to_string()
            })
            .collect();
        let mut series = Vec::new();
        if eng_ok {
            series.push(Series {
                name: lang
                    .pick("Share of engagement", "Aandeel interactie")
                    .into(),
                values: (0..6)
                    .map(|m| share(mo.engagement_by[m], mo.engagement) * 100.0)
                    .collect(),
            });
        }
        series.push(Series {
            name: lang.pick("Share of posts", "Aandeel posts").into(),
            values: (0..6)
                .map(|m| share(mo.posts_by[m], mo.posts) * 100.0)
                .collect(),
        });
        self.b.sec.charts.push(Chart {
            id: "motivations".into(),
            title: lang
                .pick(
                    "Engagement and posts per motivation",
                    "Interactie en posts per motivatie",
                )
                .into(),
            description: tr!(
                lang,
                "Per motivation, its share of the engagement and of the {posts_s} posts of the period (an estimate from content; a post can match several, the posts matching none are in the table).",
                "Per motivatie het aandeel in de interactie en in de {posts_s} posts van de periode (een schatting op basis van de inhoud; een post kan bij meerdere passen, de posts zonder match staan in de tabel)."
            ),
            x_label: lang.pick("Motivation", "Motivatie").into(),
            y_label: "%".into(),
            kind: ChartKind::Bar {
                categories: cats,
                series,
            },
        });
        if !eng_ok {
            return;
        }
        // The motivation that earns the most engagement per post, among those with enough posts.
        let best = (0..6)
            .filter(|&m| mo.posts_by[m] >= MIN_MOTIVATION_POSTS.max(mo.posts.div_ceil(100)))
            .map(|m| {
                let lift =
                    share(mo.engagement_by[m], mo.engagement) / share(mo.posts_by[m], mo.posts);
                (m, lift)
            })
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((m, lift)) = best {
            let name = category_label(lang, m).to_lowercase();
            let e = lang.pct(share(mo.engagement_by[m], mo.engagement), 1);
            let p = lang.pct(share(mo.posts_by[m], mo.posts), 1);
            let key = format!("motivation_{}", MOTIVATIONS[m]);
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "Posts that speak to {name} earn {e} of the engagement from {p} of the posts — the most per post of the six motivations (an estimate from content).",
                    "Posts die inspelen op {name} halen {e} van de interactie met {p} van de posts — het meest per post van de zes motivaties (een schatting op basis van de inhoud)."
                ),
                &[&key],
            );
            if lift >= MIN_LIFT {
                self.recommend(
                    "sharing",
                    Priority::Medium,
                    tr!(
                        lang,
                        "Make more posts that speak to {name}.",
                        "Maak meer posts die inspelen op {name}."
                    ),
                    tr!(
                        lang,
                        "They earn {e} of the engagement from {p} of the posts: {} times their share.",
                        "Ze halen {e} van de interactie met {p} van de posts: {} keer hun aandeel.",
                        lang.num(lift, 1)
                    ),
                    &[&key],
                );
            }
        }
    }

    fn ladder_advice(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if a.audience == 0 {
            return;
        }
        if a.counts[1] > 0 {
            self.recommend(
                "conversations",
                Priority::Medium,
                self.b.t(
                    "Answer your critics and ask them for more: reviews, opinions, their experience.",
                    "Beantwoord je critici en vraag ze om meer: reviews, meningen, hun ervaring.",
                ),
                tr!(
                    lang,
                    "{} react to others' posts or rate them; an answer makes them regulars in the conversation.",
                    "{} reageren op posts van anderen of beoordelen ze; een antwoord maakt ze vaste gesprekspartners.",
                    lang.of(a.counts[1], a.audience, "accounts", "accounts")
                ),
                &["critics"],
            );
        }
        if a.counts[0] > 0 {
            self.recommend(
                "sharing",
                if share(a.counts[0], a.audience) < 0.2 {
                    Priority::Medium
                } else {
                    Priority::Low
                },
                self.b.t(
                    "Invite your creators to make content about you: a photo challenge, a hashtag, a guest post.",
                    "Nodig je makers uit content over jou te maken: een fotowedstrijd, een hashtag, een gastpost.",
                ),
                tr!(
                    lang,
                    "{} publish their own posts; their content reaches people you do not reach.",
                    "{} plaatsen eigen posts; hun content bereikt mensen die jij niet bereikt.",
                    lang.of(a.counts[0], a.audience, "accounts", "accounts")
                ),
                &["creators"],
            );
        }
        if share(a.counts[3], a.audience) >= 0.1 {
            self.recommend(
                "groups",
                Priority::Medium,
                self.b.t(
                    "Give your joiners a reason to take part: start a conversation or a small event in the groups they are in.",
                    "Geef je aansluiters een reden om mee te doen: begin een gesprek of klein evenement in de groepen waar ze in zitten.",
                ),
                tr!(
                    lang,
                    "{} follow accounts or are in a group but posted, reacted and liked nothing in the period.",
                    "{} volgen accounts of zitten in een groep, maar plaatsten, reageerden en liketen niets in de periode.",
                    lang.of(a.counts[3], a.audience, "accounts", "accounts")
                ),
                &["joiners"],
            );
        }
    }

    fn missing(&mut self) {
        let a = self.a;
        if !a.has_ratings {
            self.b.missing(
                self.b.t(
                    "Critics by their ratings and collectors by their likes",
                    "Critici via hun beoordelingen en verzamelaars via hun likes",
                ),
                self.b.t(
                    "ratings.csv (post, rater, score, kind: like, star, up or down)",
                    "ratings.csv (post, rater, score, kind: like, star, up of down)",
                ),
            );
        } else if !a.has_likes {
            self.b.missing(
                self.b.t(
                    "Collectors by their likes: no rating is of kind like",
                    "Verzamelaars via hun likes: geen beoordeling is van soort like",
                ),
                self.b.t(
                    "rows in ratings.csv with kind = like",
                    "rijen in ratings.csv met kind = like",
                ),
            );
        }
        if !a.has_follows && !a.has_memberships {
            self.b.missing(
                self.b.t(
                    "Joiners (a profile plus follows or group memberships), and the network degree of the highly connected",
                    "Aansluiters (een profiel plus volgrelaties of groepslidmaatschappen), en de netwerkgraad van de sterk verbonden accounts",
                ),
                self.b.t(
                    "follows.csv (source, target) or memberships.csv (group, account)",
                    "follows.csv (source, target) of memberships.csv (group, account)",
                ),
            );
        }
        if !a.has_accounts {
            self.b.missing(
                self.b.t(
                    "Inactive accounts and joiners (both need a profile)",
                    "Inactieve accounts en aansluiters (beide hebben een profiel nodig)",
                ),
                self.b.t(
                    "accounts.csv (id, handle, …)",
                    "accounts.csv (id, handle, …)",
                ),
            );
        }
        if !a.has_presence {
            self.b.missing(
                self.b.t(
                    "Spectators seen online",
                    "Toeschouwers die online gezien zijn",
                ),
                self.b.t(
                    "presence.csv (account, at, status)",
                    "presence.csv (account, at, status)",
                ),
            );
        }
        if !a.motivations.has_engagement {
            self.b.missing(
                self.b
                    .t("Engagement per motivation", "Interactie per motivatie"),
                self.b.t(
                    "likes, reposts or replies columns in posts.csv",
                    "kolommen likes, reposts of replies in posts.csv",
                ),
            );
        }
    }

    fn summary(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if a.audience == 0 {
            self.b.sec.summary = self.b.t(
                "No audience in the period: no account besides your own has a profile or did anything in it.",
                "Geen publiek in de periode: geen account behalve je eigen heeft een profiel of deed er iets in.",
            );
            return;
        }
        let parts: Vec<String> = (0..6)
            .filter(|&r| a.counts[r] > 0)
            .map(|r| {
                format!(
                    "{} {}",
                    rung_label(lang, r).to_lowercase(),
                    lang.pct(share(a.counts[r], a.audience), 1)
                )
            })
            .collect();
        let seg = (0..4)
            .max_by_key(|&g| (a.seg_counts[g], std::cmp::Reverse(g)))
            .unwrap_or(3);
        let mut text = tr!(
            lang,
            "Your audience: {} (left out: {}). On the Social Technographics ladder: {}. The largest marketing segment is {} ({}).",
            "Je publiek: {} (niet meegeteld: {}). Op de Social Technographics-ladder: {}. Het grootste marketingsegment is {} ({}).",
            self.accounts(a.audience),
            self.left_out(),
            lang.join_and(&parts),
            segment_label(lang, seg).to_lowercase(),
            lang.pct(share(a.seg_counts[seg], a.audience), 0)
        );
        let mo = &a.motivations;
        if mo.has_engagement && mo.engagement > 0 {
            let best = (0..6)
                .max_by_key(|&m| (mo.engagement_by[m], std::cmp::Reverse(m)))
                .filter(|&m| mo.engagement_by[m] > 0);
            if let Some(m) = best {
                text.push(' ');
                text.push_str(&tr!(
                    lang,
                    "Of the motivations (Muntinga et al. 2011), {} draws the most engagement: {} — an estimate from post content.",
                    "Van de motivaties (Muntinga e.a. 2011) trekt {} de meeste interactie: {} — een schatting op basis van de inhoud van posts.",
                    category_label(lang, m).to_lowercase(),
                    lang.pct(share(mo.engagement_by[m], mo.engagement), 0)
                ));
            }
        }
        self.b.sec.summary = text;
    }

    fn columns(&mut self) {
        let a = self.a;
        let labels: Vec<String> = RUNGS.iter().map(|s| s.to_string()).collect();
        let code = |r: u8| if r == NOT_SEEN { u32::MAX } else { r as u32 };
        self.b.sec.entity_columns.push(EntityColumn::categories(
            Entity::Account,
            "technographics",
            labels.clone(),
            a.rung.iter().map(|&r| code(r)).collect(),
        ));
        if let Some(pr) = a.prev_rung.as_ref().filter(|_| a.prev_has_activity) {
            self.b.sec.entity_columns.push(EntityColumn::categories(
                Entity::Account,
                "technographics_previous",
                labels,
                pr.iter().map(|&r| code(r)).collect(),
            ));
        }
        // Behaviours shown (not exclusive), e.g. `creator critic`: one label per combination.
        let combos: Vec<String> = (0..32u32)
            .map(|bits| {
                let names: Vec<&str> = (0..5)
                    .filter(|k| bits & (1 << k) != 0)
                    .map(|k| RUNGS[k])
                    .collect();
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(" ")
                }
            })
            .collect();
        self.b.sec.entity_columns.push(EntityColumn::categories(
            Entity::Account,
            "behaviours",
            combos,
            a.rung
                .iter()
                .zip(&a.behaviour)
                .map(|(&r, &b)| {
                    if r == NOT_SEEN {
                        u32::MAX
                    } else {
                        (b & 31) as u32
                    }
                })
                .collect(),
        ));
        self.b.sec.entity_columns.push(EntityColumn::ints(
            Entity::Account,
            "activity",
            a.rung
                .iter()
                .zip(&a.activity)
                .map(|(&r, &v)| (r != NOT_SEEN).then_some(v as i64))
                .collect(),
        ));
        self.b.sec.entity_columns.push(EntityColumn::categories(
            Entity::Account,
            "segment",
            SEGMENTS.iter().map(|s| s.to_string()).collect(),
            a.segment
                .iter()
                .map(|&s| s as u32)
                .map(|s| if s == 255 { u32::MAX } else { s })
                .collect(),
        ));
    }
}

/// Builds the section.
pub fn build(cx: &Context<'_>, s: &Settings, a: &Analysis) -> Section {
    let b = SectionBuilder::new("audience", cx.t("Audience", "Publiek"), cx.lang);
    let mut r = Report { cx, s, a, b };
    r.ladder();
    r.movement();
    r.segments();
    r.motivations();
    r.ladder_advice();
    r.missing();
    r.summary();
    r.columns();
    // The shares compared with the previous period at the top of the report: more of the
    // audience on the upper rungs is better, more inactive accounts worse.
    r.b.headline("creators", Better::Higher);
    r.b.headline("critics", Better::Higher);
    r.b.headline("collectors", Better::Higher);
    r.b.headline("inactive", Better::Lower);
    r.b.finish()
}
