//! Turns the [`Analysis`] into the section: metrics with definitions, the opinion-leader
//! table, charts, findings, recommendations, what is missing, the score and the summary.

use crate::analysis::{Analysis, Leader};
use crate::settings::Settings;
use honeycomb_core::network::EdgeKind;
use honeycomb_core::{
    Better, Chart, ChartKind, Context, Entity, EntityColumn, GraphExport, Lang, NetEdge, NetNode,
    PointSeries, Priority, Section, SectionBuilder, Series, Severity, Table, tr,
};

/// Opinion leaders on the network chart (the brand's accounts are added).
const CHART_LEADERS: usize = 15;
/// A score at or above this is "strong", below `WEAK` "weak" (see the score rule).
const STRONG: f64 = 70.0;
const WEAK: f64 = 40.0;
/// The largest component holding less than this share of connected accounts is a finding.
const FRAGMENTED: f64 = 0.5;

/// "@handle", or the account id when it has no handle.
pub fn label(cx: &Context<'_>, a: u32) -> String {
    cx.data.account_label(a)
}

fn yes_no(lang: Lang, b: bool) -> String {
    if b {
        lang.pick("yes", "ja")
    } else {
        lang.pick("no", "nee")
    }
    .to_string()
}

struct Report<'c, 'd> {
    cx: &'c Context<'d>,
    s: &'c Settings,
    a: &'c Analysis<'c>,
    b: SectionBuilder,
}

impl Report<'_, '_> {
    fn lang(&self) -> Lang {
        self.b.lang
    }

    fn kinds_text(&self) -> String {
        let lang = self.lang();
        let names: Vec<String> = self
            .a
            .net
            .kinds
            .iter()
            .map(|k| {
                match k {
                    EdgeKind::Follow => lang.pick("follows", "volgrelaties"),
                    EdgeKind::Mention => lang.pick("mentions", "vermeldingen"),
                    EdgeKind::Reply => lang.pick("replies", "reacties"),
                    EdgeKind::Reshare => lang.pick("reshares", "doorgedeelde posts"),
                }
                .to_string()
            })
            .collect();
        lang.join_and(&names)
    }

    fn network_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let n = self.cx.data.accounts.len() as u64;
        let kinds = self.kinds_text();
        self.b.metric(
            "accounts",
            self.b
                .t("Accounts in the network", "Accounts in het netwerk"),
            Some(a.active as f64),
            lang.of(a.active, n, "accounts", "accounts"),
            "",
            tr!(
                lang,
                "Accounts with at least one relation ({kinds}), of all accounts in the data.",
                "Accounts met minstens één relatie ({kinds}), van alle accounts in de data."
            ),
        );
        let arcs = lang.int(a.arcs);
        self.b.metric(
            "arcs",
            self.b.t("Relations", "Relaties"),
            Some(a.arcs as f64),
            arcs,
            "",
            tr!(
                lang,
                "Directed relations between two accounts ({kinds}); a pair counts once per direction, repeated interactions add to its weight.",
                "Gerichte relaties tussen twee accounts ({kinds}); een paar telt één keer per richting, herhaalde interacties tellen op in het gewicht."
            ),
        );
        self.b.metric(
            "density",
            self.b.t("Density", "Dichtheid"),
            Some(a.density),
            lang.num(a.density, 6),
            "",
            self.b.t(
                "Relations ÷ possible relations, n·(n−1) over all n accounts (NetworkX `density`).",
                "Relaties ÷ mogelijke relaties, n·(n−1) over alle n accounts (NetworkX `density`).",
            ),
        );
        self.b.metric(
            "reciprocity",
            self.b.t("Reciprocity", "Wederkerigheid"),
            Some(a.reciprocity * 100.0),
            lang.pct(a.reciprocity, 1),
            "%",
            self.b.t(
                "Share of relations whose reverse also exists (A follows B and B follows A).",
                "Aandeel relaties waarvan ook de omgekeerde bestaat (A volgt B en B volgt A).",
            ),
        );
        let largest = if a.active > 0 {
            a.largest_component as f64 / a.active as f64
        } else {
            0.0
        };
        self.b.metric(
            "components",
            self.b.t("Connected parts", "Losse delen"),
            Some(a.components as f64),
            tr!(
                lang,
                "{}; the largest holds {}",
                "{}; het grootste bevat {}",
                lang.int(a.components),
                lang.of(a.largest_component, a.active, "accounts", "accounts")
            ),
            "",
            self.b.t(
                "Weakly connected components among accounts with a relation: groups that reach each other ignoring direction.",
                "Zwak samenhangende componenten onder accounts met een relatie: groepen die elkaar bereiken als je de richting negeert.",
            ),
        );
        self.b.metric(
            "largest_component",
            self.b
                .t("Largest connected part", "Grootste samenhangende deel"),
            Some(largest * 100.0),
            lang.pct(largest, 1),
            "%",
            self.b.t(
                "Accounts in the largest weakly connected component ÷ accounts with a relation.",
                "Accounts in de grootste zwak samenhangende component ÷ accounts met een relatie.",
            ),
        );
        self.b.metric(
            "top1_pagerank",
            self.b.t("PageRank held by the top 1%", "PageRank bij de top 1%"),
            Some(a.top1_pagerank * 100.0),
            lang.pct(a.top1_pagerank, 1),
            "%",
            self.b.t(
                "Share of all PageRank held by the 1% of connected accounts with the most: how concentrated influence is (1% means evenly spread).",
                "Aandeel van alle PageRank bij de 1% verbonden accounts met de meeste: hoe geconcentreerd invloed is (1% betekent gelijk verdeeld).",
            ),
        );
        self.method_metric();
    }

    fn method_metric(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let st = &a.net.settings;
        let n = lang.int(self.cx.data.accounts.len() as u64);
        match a.c.paths.pivots {
            None => self.b.metric(
                "betweenness_error",
                self.b.t("Betweenness and closeness", "Tussenpositie en nabijheid"),
                Some(0.0),
                self.b.t("exact", "exact"),
                "%",
                tr!(
                    lang,
                    "Computed exactly: one breadth-first search from each of the {n} accounts (Brandes 2001), because accounts × relations is at most exact_limit = {}.",
                    "Exact berekend: één breedte-eerst-zoektocht vanuit elk van de {n} accounts (Brandes 2001), omdat accounts × relaties hoogstens exact_limit = {} is.",
                    lang.num(st.exact_limit, 0)
                ),
            ),
            Some(k) => {
                let rse = a.betweenness_rse.unwrap_or(0.0);
                let h = a
                    .harmonic_rse
                    .map(|h| lang.pct(h, 1))
                    .unwrap_or_else(|| "–".into());
                let (k_s, seed) = (lang.int(k as u64), st.seed);
                self.b.metric(
                    "betweenness_error",
                    self.b.t(
                        "Estimate error (betweenness)",
                        "Schattingsfout (tussenpositie)",
                    ),
                    Some(rse * 100.0),
                    tr!(
                        lang,
                        "± {} (closeness ± {h})",
                        "± {} (nabijheid ± {h})",
                        lang.pct(rse, 1)
                    ),
                    "%",
                    tr!(
                        lang,
                        "Estimated from {k_s} randomly chosen source accounts (seed {seed}) out of {n} (Brandes & Pich 2007; Eppstein & Wang 2004), because accounts × relations exceeds exact_limit. The figure is the median relative standard error of the 20 highest estimates (standard deviation of the per-source contributions ÷ √{k_s}); raise `pivots` for a smaller error.",
                        "Geschat vanuit {k_s} willekeurig gekozen bronaccounts (seed {seed}) van de {n} (Brandes & Pich 2007; Eppstein & Wang 2004), omdat accounts × relaties exact_limit overschrijdt. Het getal is de mediane relatieve standaardfout van de 20 hoogste schattingen (standaardafwijking van de bijdragen per bron ÷ √{k_s}); verhoog `pivots` voor een kleinere fout."
                    ),
                );
            }
        }
    }

    fn leader_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let k = a.leaders.len() as u64;
        if k == 0 {
            return;
        }
        let has_brand = !self.cx.brand().is_empty();
        let connected = a.leaders.iter().filter(|l| l.connected()).count() as u64;
        let k_s = lang.int(k);
        if has_brand {
            self.b.metric(
                "leaders_connected",
                self.b.t(
                    "Opinion leaders connected to you",
                    "Opinieleiders met een band met jou",
                ),
                Some(connected as f64 / k as f64 * 100.0),
                lang.of(connected, k, "opinion leaders", "opinieleiders"),
                "%",
                tr!(
                    lang,
                    "Of the {k_s} listed opinion leaders: those who follow a brand account, are followed by one, or mentioned, replied to, reposted or quoted the brand in the period.",
                    "Van de {k_s} genoemde opinieleiders: wie een merkaccount volgt, erdoor gevolgd wordt, of het merk in de periode noemde, erop reageerde, het doorplaatste of citeerde."
                ),
            );
            self.b.metric(
                "leaders_unconnected",
                self.b.t(
                    "Opinion leaders without a tie to you",
                    "Opinieleiders zonder band met jou",
                ),
                Some((k - connected) as f64),
                lang.of(k - connected, k, "opinion leaders", "opinieleiders"),
                "",
                self.b.t(
                    "Listed opinion leaders who neither follow nor are followed by a brand account and did not talk to the brand in the period.",
                    "Genoemde opinieleiders die geen merkaccount volgen, er niet door gevolgd worden en het merk in de periode niet aanspraken.",
                ),
            );
        }
    }

    fn brand_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let Some(bn) = &a.brand else { return };
        if !a.has_follows {
            return;
        }
        let fol = lang.int(bn.followers);
        self.b.metric(
            "followers",
            self.b.t("Your followers", "Jouw volgers"),
            Some(bn.followers as f64),
            fol,
            "",
            self.b.t(
                "Distinct accounts in the follows table that follow at least one brand account (your own accounts not counted).",
                "Verschillende accounts in de follows-tabel die minstens één merkaccount volgen (je eigen accounts niet meegeteld).",
            ),
        );
        self.b.metric(
            "following",
            self.b.t("Accounts you follow", "Accounts die je volgt"),
            Some(bn.following as f64),
            lang.int(bn.following),
            "",
            self.b.t(
                "Distinct accounts that at least one brand account follows.",
                "Verschillende accounts die minstens één merkaccount volgt.",
            ),
        );
        if bn.followers > 0 {
            self.b.metric(
                "follow_back",
                self.b
                    .t("Followers you follow back", "Volgers die je terugvolgt"),
                Some(bn.mutual as f64 / bn.followers as f64 * 100.0),
                lang.of(bn.mutual, bn.followers, "followers", "volgers"),
                "%",
                self.b.t(
                    "Followers of a brand account that a brand account follows too.",
                    "Volgers van een merkaccount die ook door een merkaccount gevolgd worden.",
                ),
            );
        }
        let k = a.leaders.len() as u64;
        let lf = a.leaders.iter().filter(|l| l.follows_brand).count() as u64;
        if k > 0 {
            self.b.metric(
                "leader_followers",
                self.b.t(
                    "Opinion leaders among your followers",
                    "Opinieleiders onder je volgers",
                ),
                Some(lf as f64),
                lang.of(lf, k, "opinion leaders", "opinieleiders"),
                "",
                self.b.t(
                    "Listed opinion leaders who follow at least one brand account.",
                    "Genoemde opinieleiders die minstens één merkaccount volgen.",
                ),
            );
        }
        if let (Some(sc), Some(rank)) = (a.brand_score, a.brand_rank) {
            self.b.metric(
                "brand_position",
                self.b.t("Your own position", "Je eigen positie"),
                Some(sc * 100.0),
                tr!(
                    lang,
                    "score {} (#{} of {})",
                    "score {} (#{} van {})",
                    lang.num(sc, 2),
                    lang.int(rank),
                    lang.int(a.active)
                ),
                "",
                self.b.t(
                    "The best opinion-leader score among your accounts, and its rank among all accounts with a relation.",
                    "De beste opinieleiderscore van je accounts, en de plaats ervan onder alle accounts met een relatie.",
                ),
            );
        }
        if bn.growth.len() >= 2 {
            let g = &bn.growth;
            let recent: u64 = g.iter().rev().take(3).map(|x| x.2).sum();
            let before: u64 = g.iter().rev().skip(3).take(3).map(|x| x.2).sum();
            let months = g.len().min(3);
            if g.len() >= 6 {
                let change = if before > 0 {
                    Some(recent as f64 / before as f64 - 1.0)
                } else {
                    None
                };
                self.b.metric(
                    "follower_growth",
                    self.b.t("New followers, last 3 months", "Nieuwe volgers, laatste 3 maanden"),
                    change.map(|c| c * 100.0),
                    match change {
                        Some(c) => tr!(
                            lang,
                            "{} ({}{} vs the 3 months before)",
                            "{} ({}{} t.o.v. de 3 maanden ervoor)",
                            lang.int(recent),
                            if c >= 0.0 { "+" } else { "" },
                            lang.pct(c, 0)
                        ),
                        None => lang.int(recent),
                    },
                    "%",
                    tr!(
                        lang,
                        "Accounts whose first dated follow of a brand account falls in the last {months} calendar months of the data (UTC), compared with the {months} months before.",
                        "Accounts waarvan de eerste gedateerde volgrelatie met een merkaccount in de laatste {months} kalendermaanden van de data valt (UTC), vergeleken met de {months} maanden ervoor."
                    ),
                );
            }
        }
    }

    fn leader_table(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        if a.leaders.is_empty() {
            return;
        }
        let has_brand = !cx.brand().is_empty();
        let followers_word = if a.net.kinds == [EdgeKind::Follow] {
            lang.pick("Followers", "Volgers")
        } else {
            lang.pick("Incoming", "Inkomend")
        };
        let mut columns: Vec<String> = vec![
            "#".into(),
            lang.pick("Account", "Account").into(),
            lang.pick("Score", "Score").into(),
            lang.pick("Relations", "Relaties").into(),
            followers_word.into(),
            lang.pick("Why listed", "Waarom genoemd").into(),
        ];
        let mut numeric = vec![true, false, true, true, true, false];
        if has_brand {
            columns.push(lang.pick("Follows you", "Volgt jou").into());
            columns.push(lang.pick("You follow", "Jij volgt").into());
            columns.push(lang.pick("Talks to you", "Spreekt jou aan").into());
            numeric.extend([false, false, false]);
        }
        if a.community.is_some() {
            columns.push(lang.pick("Community", "Gemeenschap").into());
            numeric.push(true);
        }
        let rows = a
            .leaders
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut row = vec![
                    lang.int(i as u64 + 1),
                    label(cx, l.account),
                    lang.num(l.score, 2),
                    lang.int(l.relations as u64),
                    lang.int(l.in_degree as u64),
                    self.reason(l),
                ];
                if has_brand {
                    row.push(yes_no(lang, l.follows_brand));
                    row.push(yes_no(lang, l.followed_by_brand));
                    row.push(yes_no(lang, l.talks_to_brand));
                }
                if let Some(c) = l.community {
                    row.push(lang.int(c as u64 + 1));
                }
                row
            })
            .collect();
        let k = a.leaders.len();
        self.b.sec.tables.push(Table {
            id: "opinion-leaders".into(),
            title: tr!(lang, "The {k} opinion leaders", "De {k} opinieleiders"),
            columns,
            numeric,
            rows,
            note: Some(self.b.t(
                "Score = the mean of three percentile ranks among accounts with a relation: harmonic closeness (how near the account is to all others), number of relations, and PageRank (how many well-connected accounts point to it). The reason gives the account's rank in each measure where it is in the top 5% (betweenness: how often it lies on the shortest path between two others, a bridge). Your own and your competitors' accounts are left out.",
                "Score = het gemiddelde van drie percentielrangen onder accounts met een relatie: harmonische nabijheid (hoe dicht het account bij alle andere staat), aantal relaties, en PageRank (hoeveel goed verbonden accounts ernaar wijzen). De reden geeft de plaats van het account in elke maat waarin het bij de top 5% hoort (tussenpositie: hoe vaak het op de kortste weg tussen twee anderen ligt, een brug). Je eigen accounts en die van concurrenten zijn weggelaten.",
            )),
        });
    }

    /// Why a leader is listed: its rank in each measure where it is in the top 5% (or among
    /// the first three), else its best rank.
    fn reason(&self, l: &Leader) -> String {
        let lang = self.lang();
        let names = [
            lang.pick("closeness", "nabijheid"),
            lang.pick("relations", "relaties"),
            lang.pick("PageRank", "PageRank"),
            lang.pick("betweenness (bridge)", "tussenpositie (brug)"),
        ];
        let top = (self.a.active as f64 * 0.05).ceil().max(3.0) as u64;
        let mut parts: Vec<String> = l
            .ranks
            .iter()
            .zip(names)
            .filter(|(r, _)| **r <= top)
            .map(|(r, n)| format!("{n} #{}", lang.int(*r)))
            .collect();
        if parts.is_empty() {
            let (best, r) = l
                .ranks
                .iter()
                .enumerate()
                .min_by_key(|(_, r)| **r)
                .map(|(i, r)| (i, *r))
                .unwrap_or((0, 0));
            parts.push(format!("{} #{}", names[best], lang.int(r)));
        }
        let n = lang.int(self.a.active);
        tr!(lang, "{} (of {n})", "{} (van {n})", parts.join(", "))
    }

    fn charts(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let points = |h: &[u64]| -> Vec<[f64; 2]> {
            h.iter()
                .enumerate()
                .skip(1)
                .filter(|(_, c)| **c > 0)
                .map(|(d, c)| [d as f64, *c as f64])
                .collect()
        };
        if a.arcs > 0 {
            let (inc, out) = if a.net.kinds == [EdgeKind::Follow] {
                (
                    lang.pick("followers (in-degree)", "volgers (ingraad)"),
                    lang.pick("following (out-degree)", "volgend (uitgraad)"),
                )
            } else {
                (
                    lang.pick("in-degree", "ingraad"),
                    lang.pick("out-degree", "uitgraad"),
                )
            };
            self.b.sec.charts.push(Chart {
                id: "degree-distribution".into(),
                title: self.b.t("How relations are spread", "Hoe relaties verdeeld zijn"),
                description: tr!(
                    lang,
                    "Number of accounts per number of relations, both axes logarithmic; a straight falling line means a few accounts hold most relations. The most connected account has {} incoming relations.",
                    "Aantal accounts per aantal relaties, beide assen logaritmisch; een rechte dalende lijn betekent dat enkele accounts de meeste relaties hebben. Het best verbonden account heeft {} inkomende relaties.",
                    lang.int(a.in_hist.len().saturating_sub(1) as u64)
                ),
                x_label: self.b.t("relations (degree)", "relaties (graad)"),
                y_label: self.b.t("accounts", "accounts"),
                kind: ChartKind::Scatter {
                    series: vec![
                        PointSeries {
                            name: inc.into(),
                            points: points(&a.in_hist),
                        },
                        PointSeries {
                            name: out.into(),
                            points: points(&a.out_hist),
                        },
                    ],
                    log_x: true,
                    log_y: true,
                },
            });
        }
        if let Some(bn) = &a.brand
            && bn.growth.len() >= 2
        {
            let g: Vec<&(i64, u32, u64)> = bn.growth.iter().rev().take(36).rev().collect();
            self.b.sec.charts.push(Chart {
                id: "follower-growth".into(),
                title: self.b.t("New followers per month", "Nieuwe volgers per maand"),
                description: tr!(
                    lang,
                    "New followers of your accounts per calendar month (UTC) from {}-{:02} to {}-{:02}, by the date of their first follow.",
                    "Nieuwe volgers van je accounts per kalendermaand (UTC) van {}-{:02} tot {}-{:02}, naar de datum van hun eerste volgrelatie.",
                    g[0].0,
                    g[0].1,
                    g[g.len() - 1].0,
                    g[g.len() - 1].1
                ),
                x_label: self.b.t("month", "maand"),
                y_label: self.b.t("new followers", "nieuwe volgers"),
                kind: ChartKind::Line {
                    x: g.iter().map(|(y, m, _)| format!("{y}-{m:02}")).collect(),
                    series: vec![Series {
                        name: self.b.t("new followers", "nieuwe volgers"),
                        values: g.iter().map(|x| x.2 as f64).collect(),
                    }],
                },
            });
        }
        self.leader_chart();
    }

    /// The top opinion leaders and the brand, with the relations among them.
    fn leader_chart(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        let mut who: Vec<(u32, bool)> = cx.brand().iter().map(|&b| (b, true)).collect();
        who.extend(
            a.leaders
                .iter()
                .take(CHART_LEADERS)
                .map(|l| (l.account, false)),
        );
        if who.len() < 3 {
            return;
        }
        let g = &a.net.graph;
        let pos = |x: u32| who.iter().position(|w| w.0 == x);
        let mut edges = Vec::new();
        for (i, &(u, _)) in who.iter().enumerate() {
            for &v in g.out.neighbours(u) {
                if let Some(j) = pos(v) {
                    // One line per pair: drawn from the smaller position, weight 2 if mutual.
                    let back = g.has_arc(v, u);
                    if !back || i < j {
                        edges.push(NetEdge {
                            source: i as u32,
                            target: j as u32,
                            weight: if back { 2.0 } else { 1.0 },
                        });
                    }
                }
            }
        }
        let nodes: Vec<NetNode> = who
            .iter()
            .map(|&(x, is_brand)| NetNode {
                label: label(cx, x),
                size: 1.0 + a.c.relations[x as usize] as f64,
                group: a.community.map_or(0, |m| m[x as usize]),
                highlight: is_brand,
            })
            .collect();
        let e = lang.int(edges.len() as u64);
        self.b.sec.charts.push(Chart {
            id: "leader-network".into(),
            title: self.b.t(
                "Opinion leaders and you",
                "Opinieleiders en jij",
            ),
            description: tr!(
                lang,
                "The top opinion leaders and your accounts (outlined), sized by number of relations and coloured by community, with the {e} relations among them.",
                "De belangrijkste opinieleiders en je accounts (omlijnd), naar aantal relaties en gekleurd per gemeenschap, met de {e} relaties tussen hen."
            ),
            x_label: String::new(),
            y_label: String::new(),
            kind: ChartKind::Network { nodes, edges },
        });
    }

    fn columns(&mut self) {
        let a = self.a;
        let c = a.c;
        let n = c.in_degree.len();
        let nf = n as f64;
        let pairs = (nf - 1.0) * (nf - 2.0);
        let acc = Entity::Account;
        let cols = &mut self.b.sec.entity_columns;
        cols.push(EntityColumn::ints(
            acc,
            "in_degree",
            c.in_degree.iter().map(|&d| Some(d as i64)).collect(),
        ));
        cols.push(EntityColumn::ints(
            acc,
            "out_degree",
            c.out_degree.iter().map(|&d| Some(d as i64)).collect(),
        ));
        cols.push(EntityColumn::floats(
            acc,
            "pagerank",
            c.pagerank.scores.iter().map(|&x| Some(x)).collect(),
            10,
        ));
        cols.push(EntityColumn::floats(
            acc,
            "betweenness",
            c.paths
                .betweenness
                .iter()
                .map(|&x| Some(if pairs > 0.0 { x / pairs } else { 0.0 }))
                .collect(),
            10,
        ));
        cols.push(EntityColumn::floats(
            acc,
            "harmonic_closeness",
            c.paths
                .harmonic
                .iter()
                .map(|&x| Some(if nf > 1.0 { x / (nf - 1.0) } else { 0.0 }))
                .collect(),
            6,
        ));
        cols.push(EntityColumn::floats(
            acc,
            "opinion_leader",
            c.opinion_leader.iter().map(|&x| Some(x)).collect(),
            4,
        ));
        if let Some(m) = a.community {
            cols.push(EntityColumn::ints(
                acc,
                "community",
                m.iter()
                    .enumerate()
                    .map(|(i, &k)| (c.relations[i] > 0).then_some(k as i64 + 1))
                    .collect(),
            ));
        }
        if (a.arcs) > 0 && a.arcs <= self.s.export_max_arcs {
            let names: Vec<String> = cols.iter().map(|c| c.name.clone()).collect();
            self.b.sec.graph_exports.push(GraphExport {
                name: "network".into(),
                node_columns: names,
            });
        } else if a.arcs > self.s.export_max_arcs {
            let lang = self.lang();
            let (m, lim) = (lang.int(a.arcs), lang.int(self.s.export_max_arcs));
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "The network files for Gephi (metrics/network.gexf, .graphml) were not written: {m} relations exceed export_max_arcs = {lim}. Raise it in [plugins.relationships] to write them anyway.",
                    "De netwerkbestanden voor Gephi (metrics/network.gexf, .graphml) zijn niet geschreven: {m} relaties is meer dan export_max_arcs = {lim}. Verhoog die waarde in [plugins.relationships] om ze toch te schrijven."
                ),
                &["arcs"],
            );
        }
    }

    fn findings_and_advice(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        let has_brand = !cx.brand().is_empty();
        if a.active > 0 && (a.largest_component as f64) < FRAGMENTED * a.active as f64 {
            let share = lang.pct(a.largest_component as f64 / a.active as f64, 0);
            let parts = lang.int(a.components);
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "The network falls apart into {parts} separate parts; the largest holds only {share} of the connected accounts, so word of mouth does not reach everyone through relations alone.",
                    "Het netwerk valt uiteen in {parts} losse delen; het grootste bevat maar {share} van de verbonden accounts, dus mond-tot-mondreclame bereikt niet iedereen via relaties alleen."
                ),
                &["components", "largest_component"],
            );
        }
        if a.top1_pagerank >= 0.2 {
            let share = lang.pct(a.top1_pagerank, 0);
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "Influence is concentrated: the top 1% of accounts hold {share} of all PageRank. A few accounts decide what travels.",
                    "Invloed is geconcentreerd: de top 1% van de accounts heeft {share} van alle PageRank. Enkele accounts bepalen wat zich verspreidt."
                ),
                &["top1_pagerank"],
            );
        }
        if !has_brand {
            return;
        }
        let unconnected: Vec<&Leader> = a.leaders.iter().filter(|l| !l.connected()).collect();
        if !unconnected.is_empty() {
            let k = unconnected.len();
            let names: Vec<String> = unconnected
                .iter()
                .take(5)
                .map(|l| label(cx, l.account))
                .collect();
            let list = lang.join_and(&names);
            let more = if k > 5 {
                tr!(lang, " and {} more", " en {} anderen", k - 5)
            } else {
                String::new()
            };
            let total = a.leaders.len();
            self.b.finding(
                if k * 2 > total { Severity::Warning } else { Severity::Info },
                if k == 1 {
                    tr!(
                        lang,
                        "1 of the {total} opinion leaders has no tie to you at all: {list}.",
                        "1 van de {total} opinieleiders heeft helemaal geen band met jou: {list}."
                    )
                } else {
                    tr!(
                        lang,
                        "{k} of the {total} opinion leaders have no tie to you at all: {list}{more}.",
                        "{k} van de {total} opinieleiders hebben helemaal geen band met jou: {list}{more}."
                    )
                },
                &["leaders_unconnected", "leaders_connected"],
            );
            self.b.recommend(
                if k * 2 > total { Priority::High } else { Priority::Medium },
                tr!(
                    lang,
                    "Build a relation with the opinion leaders who do not know you yet, starting with {list}.",
                    "Bouw een relatie op met de opinieleiders die jou nog niet kennen, te beginnen met {list}."
                ),
                tr!(
                    lang,
                    "The closer and the more numerous someone's relations, the more central their position and the likelier they are an opinion leader; what they share reaches many. Follow them, reply to their posts with something of value, and invite them to try your product — without asking for a post in return.",
                    "Hoe hechter en talrijker iemands relaties, hoe centraler de positie en hoe groter de kans op een opinieleider; wat zij delen bereikt velen. Volg ze, reageer met iets waardevols op hun posts en nodig ze uit je product te proberen — zonder om een post te vragen."
                ),
                &["leaders_unconnected", "leaders_connected"],
            );
        }
        let not_followed: Vec<&Leader> = a
            .leaders
            .iter()
            .filter(|l| l.follows_brand && !l.followed_by_brand)
            .collect();
        if !not_followed.is_empty() {
            let names: Vec<String> = not_followed
                .iter()
                .take(5)
                .map(|l| label(cx, l.account))
                .collect();
            let list = lang.join_and(&names);
            let k = not_followed.len();
            self.b.recommend(
                Priority::Medium,
                if k == 1 {
                    tr!(
                        lang,
                        "Follow back the opinion leader who already follows you: {list}.",
                        "Volg de opinieleider terug die jou al volgt: {list}."
                    )
                } else if k > 5 {
                    tr!(
                        lang,
                        "Follow back the {k} opinion leaders who already follow you, starting with {list}.",
                        "Volg de {k} opinieleiders terug die jou al volgen, te beginnen met {list}."
                    )
                } else {
                    tr!(
                        lang,
                        "Follow back the {k} opinion leaders who already follow you: {list}.",
                        "Volg de {k} opinieleiders terug die jou al volgen: {list}."
                    )
                },
                self.b.t(
                    "A relation that goes both ways is stronger, and a follow-back is the cheapest way to show you noticed them.",
                    "Een relatie die twee kanten op gaat is sterker, en terugvolgen is de goedkoopste manier om te laten zien dat je ze opmerkt.",
                ),
                &["leader_followers", "follow_back"],
            );
        }
        if let Some(m) = self
            .b
            .sec
            .metric("relationships.follower_growth")
            .and_then(|m| m.value)
            && m <= -25.0
        {
            self.b.finding(
                Severity::Warning,
                self.b.t(
                    "Fewer new followers arrived in the last three months than in the three before.",
                    "Er kwamen de laatste drie maanden minder nieuwe volgers bij dan in de drie maanden ervoor.",
                ),
                &["follower_growth"],
            );
        }
    }

    fn missing(&mut self) {
        let cx = self.cx;
        let a = self.a;
        if cx.brand().is_empty() {
            self.b.missing(
                self.b.t(
                    "Your own network (followers, follow-back, which opinion leaders know you)",
                    "Je eigen netwerk (volgers, terugvolgen, welke opinieleiders jou kennen)",
                ),
                self.b.t(
                    "name your accounts in honeycomb.toml: [report] brand = [\"@you\"]",
                    "noem je accounts in honeycomb.toml: [report] brand = [\"@jij\"]",
                ),
            );
        }
        if !a.has_follows {
            self.b.missing(
                self.b.t("The follow network", "Het volgnetwerk"),
                self.b.t(
                    "a follows table (source, target, created_at); the network is now built from interactions in posts",
                    "een follows-tabel (source, target, created_at); het netwerk is nu opgebouwd uit interacties in posts",
                ),
            );
        } else if let Some(bn) = &a.brand {
            if bn.growth.is_empty() && bn.followers > 0 {
                self.b.missing(
                    self.b
                        .t("Follower growth over time", "Groei van het aantal volgers"),
                    self.b.t(
                        "the created_at column in the follows table",
                        "de kolom created_at in de follows-tabel",
                    ),
                );
            }
            if bn.followers > 0 {
                self.b.missing(
                    self.b.t("Churn (followers lost)", "Verloop (verloren volgers)"),
                    self.b.t(
                        "the follows table lists current follows only; export it again each month and report each export as its own period, or compare the platform's follower counts in the accounts table",
                        "de follows-tabel bevat alleen huidige volgrelaties; exporteer haar elke maand opnieuw en maak van elke export een eigen periode, of vergelijk de volgertallen van het platform in de accounts-tabel",
                    ),
                );
            }
        }
    }

    fn score(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if self.cx.brand().is_empty() || a.active == 0 {
            return;
        }
        if self.cx.brand_centred_network() {
            self.b.no_score(self.b.t(
                "every relation in the data starts or ends at your own accounts (an export of your followers and following), so you are central by construction; add relations between other accounts (their follows, replies or mentions) to judge your position",
                "elke relatie in de data begint of eindigt bij je eigen accounts (een export van je volgers en wie je volgt), dus je staat vanzelf in het midden; voeg relaties tussen andere accounts toe (hun volgrelaties, reacties of vermeldingen) om je positie te beoordelen",
            ));
            return;
        }
        let own = a.brand_score.unwrap_or(0.0);
        let k = a.leaders.len();
        let reach = if k > 0 {
            a.leaders.iter().filter(|l| l.connected()).count() as f64 / k as f64
        } else {
            0.0
        };
        let value = 100.0 * (own + reach) / 2.0;
        let verdict = if value >= STRONG {
            self.b.t("Strong position", "Sterke positie")
        } else if value >= WEAK {
            self.b.t("Room to grow", "Ruimte om te groeien")
        } else {
            self.b.t("Weak position", "Zwakke positie")
        };
        let (own_s, reach_s) = (lang.num(own * 100.0, 0), lang.num(reach * 100.0, 0));
        self.b.score(
            value,
            tr!(
                lang,
                "mean of your best opinion-leader score ({own_s}/100) and the share of the listed opinion leaders with a tie to you ({reach_s}%); strong from {STRONG}, weak below {WEAK}",
                "gemiddelde van je beste opinieleiderscore ({own_s}/100) en het aandeel genoemde opinieleiders met een band met jou ({reach_s}%); sterk vanaf {STRONG}, zwak onder {WEAK}"
            ),
            verdict,
        );
    }

    fn summary(&mut self) {
        let lang = self.lang();
        let cx = self.cx;
        let a = self.a;
        let kinds = self.kinds_text();
        let (act, arcs) = (lang.int(a.active), lang.int(a.arcs));
        let mut s = if a.active == 0 {
            tr!(
                lang,
                "There are no relations ({kinds}) in the data, so no network could be analysed.",
                "Er zijn geen relaties ({kinds}) in de data, dus er viel geen netwerk te analyseren."
            )
        } else {
            tr!(
                lang,
                "The network has {act} accounts with {arcs} relations ({kinds}).",
                "Het netwerk heeft {act} accounts met {arcs} relaties ({kinds})."
            )
        };
        if let Some(l) = a.leaders.first() {
            let k = a.leaders.len();
            let first = label(cx, l.account);
            s.push(' ');
            s.push_str(&tr!(
                lang,
                "The {k} opinion leaders — central by closeness, number of relations and PageRank — are listed below; {first} leads.",
                "De {k} opinieleiders — centraal naar nabijheid, aantal relaties en PageRank — staan hieronder; {first} staat bovenaan."
            ));
            if !cx.brand().is_empty() {
                let c = a.leaders.iter().filter(|l| l.connected()).count();
                s.push(' ');
                s.push_str(&tr!(
                    lang,
                    "{c} of them already follow you, are followed by you or talk to you.",
                    "{c} van hen volgen je al, worden door jou gevolgd of spreken je aan."
                ));
            }
        }
        if let Some(bn) = &a.brand
            && a.has_follows
        {
            let (f, g) = (lang.int(bn.followers), lang.int(bn.following));
            s.push(' ');
            s.push_str(&if bn.following == 1 {
                tr!(
                    lang,
                    "Your accounts have {f} followers and follow 1 account.",
                    "Je accounts hebben {f} volgers en volgen 1 account."
                )
            } else {
                tr!(
                    lang,
                    "Your accounts have {f} followers and follow {g} accounts.",
                    "Je accounts hebben {f} volgers en volgen {g} accounts."
                )
            });
        }
        self.b.sec.summary = s;
    }
}

/// Builds the section.
pub fn build(cx: &Context<'_>, s: &Settings, a: &Analysis<'_>) -> Section {
    let title = cx.t("Relationships", "Relaties").to_string();
    let mut r = Report {
        cx,
        s,
        a,
        b: SectionBuilder::new("relationships", title, cx.lang),
    };
    r.network_metrics();
    r.leader_metrics();
    r.brand_metrics();
    r.leader_table();
    r.charts();
    r.columns();
    r.findings_and_advice();
    r.missing();
    // The metrics compared with the previous period at the top of the report.
    r.b.headline("followers", Better::Higher);
    r.b.headline("follow_back", Better::Higher);
    r.b.headline("reciprocity", Better::Higher);
    r.b.headline("leaders_connected", Better::Higher);
    r.score();
    r.summary();
    r.b.finish()
}
