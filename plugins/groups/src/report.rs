//! Turns the [`Analysis`] into the section: metrics with definitions, the community and
//! group tables, charts, exports, findings, recommendations, what is missing, the score and
//! the summary.

use crate::analysis::{Analysis, Community, Detected, Explicit, GroupStats, Status};
use crate::settings::Settings;
use honeycomb_core::network::EdgeKind;
use honeycomb_core::time::{LocalClock, civil_from_days};
use honeycomb_core::{
    Better, Chart, ChartKind, Context, GroupIx, Lang, Priority, Role, Section, SectionBuilder,
    Series, Severity, Table, tr,
};

/// A score at or above this is "strong", below `WEAK` "weak" (see the score rule).
const STRONG: f64 = 70.0;
const WEAK: f64 = 40.0;
/// Modularity from which the network is said to fall into clearly separate communities.
const SEPARATE: f64 = 0.4;
/// A share of active group members below this is a finding.
const SILENT: f64 = 0.2;
/// A Gini coefficient of posting at or above this is a finding.
const CONCENTRATED: f64 = 0.6;
/// Names listed in a finding or recommendation at most.
const NAMES: usize = 5;

/// "@handle", or the account id when it has no handle.
fn label(cx: &Context<'_>, a: u32) -> String {
    cx.data.account_label(a)
}

/// A group's name, else its id.
fn group_name(cx: &Context<'_>, g: GroupIx) -> String {
    let grp = &cx.data.groups[g as usize];
    match &grp.name {
        Some(n) if !n.trim().is_empty() => n.to_string(),
        _ => grp.id.to_string(),
    }
}

fn role_name(lang: Lang, r: Role) -> &'static str {
    match r {
        Role::Member => lang.pick("member", "lid"),
        Role::Moderator => lang.pick("moderator", "moderator"),
        Role::Admin => lang.pick("admin", "beheerder"),
    }
}

fn status_name(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Supports => lang.pick("supports you", "steunt je"),
        Status::Aware => lang.pick("aware of you", "kent je"),
        Status::Untouched => lang.pick("untouched", "onbereikt"),
    }
}

/// "1 member" / "3 members".
fn count(lang: Lang, n: u64, one: (&str, &str), many: (&str, &str)) -> String {
    let w = if n == 1 { one } else { many };
    format!("{} {}", lang.int(n), lang.pick(w.0, w.1))
}

/// "+12.5%" / "-3.0%".
fn signed_pct(lang: Lang, x: f64) -> String {
    format!("{}{}", if x > 0.0 { "+" } else { "" }, lang.pct(x, 1))
}

/// Community numbers as people see them (1-based), "2, 5 and 7".
fn numbers(lang: Lang, cs: &[&Community]) -> String {
    let v: Vec<String> = cs.iter().map(|c| (c.id + 1).to_string()).collect();
    lang.join_and(&v)
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

    /// A date in the report's time zone.
    fn date(&self, ts: i64) -> String {
        let mut clock = LocalClock::new(self.cx.tz.clone());
        let (y, m, d) = civil_from_days(clock.local_day(ts));
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// What "the period" is: the report period, else the whole span of the data.
    fn window_text(&self) -> String {
        let lang = self.lang();
        if self.a.from_period {
            return self.b.t("the report period", "de rapportperiode");
        }
        match self.a.span {
            Some((from, to)) => {
                let (f, t) = (self.date(from), self.date(to));
                tr!(
                    lang,
                    "the whole span of the data, {f} to {t} (no report period is set)",
                    "de hele looptijd van de data, {f} tot en met {t} (er is geen rapportperiode ingesteld)"
                )
            }
            None => self.b.t(
                "all time (no report period is set and the data has no dates)",
                "alle tijd (er is geen rapportperiode ingesteld en de data heeft geen data)",
            ),
        }
    }

    fn kinds_text(&self, kinds: &[EdgeKind]) -> String {
        let lang = self.lang();
        let names: Vec<String> = kinds
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

    fn support_rule(&self) -> String {
        let lang = self.lang();
        let x = lang.pct(self.s.support_share, 0);
        tr!(
            lang,
            "supports you: at least {x} of its members (your own accounts not counted) follow one of your accounts or mentioned, replied to, reposted or quoted you in the period; aware of you: at least one member does, fewer than {x}; untouched: no member does",
            "steunt je: minstens {x} van de leden (je eigen accounts niet meegeteld) volgt een van je accounts of noemde je, reageerde op je, plaatste je door of citeerde je in de periode; kent je: minstens één lid doet dat, minder dan {x}; onbereikt: geen enkel lid doet dat"
        )
    }

    // ---- detected communities ----------------------------------------------------------

    fn community_metrics(&mut self, d: &Detected<'_>) {
        let lang = self.lang();
        let kinds = self.kinds_text(&d.kinds);
        let k = d.all.len() as u64;
        let largest = d.all.first().map_or(0, |c| c.size);
        let o = &d.settings.leiden;
        let (res, seed, runs, it) = (lang.num(o.resolution, 2), o.seed, o.restarts, d.iterations);
        self.b.metric(
            "communities",
            self.b.t("Communities", "Gemeenschappen"),
            Some(k as f64),
            tr!(
                lang,
                "{}; the largest has {}",
                "{}; de grootste heeft {}",
                lang.int(k),
                count(lang, largest, ("account", "account"), ("accounts", "accounts"))
            ),
            "",
            tr!(
                lang,
                "Communities of two or more accounts found by the Leiden algorithm (Traag, Waltman & van Eck 2019) in the network of {kinds}, taken as undirected, maximising modularity at resolution γ = {res} (seed {seed}, best of {runs} run(s), {it} iteration(s); set resolution, seed and restarts in [plugins.groups]; a higher resolution gives more, smaller communities). Accounts without any relation belong to no community.",
                "Gemeenschappen van twee of meer accounts gevonden met het Leiden-algoritme (Traag, Waltman & van Eck 2019) in het netwerk van {kinds}, zonder richting, door modulariteit te maximaliseren bij resolutie γ = {res} (seed {seed}, beste van {runs} run(s), {it} iteratie(s); stel resolution, seed en restarts in onder [plugins.groups]; een hogere resolutie geeft meer, kleinere gemeenschappen). Accounts zonder enige relatie horen bij geen gemeenschap."
            ),
        );
        self.b.metric(
            "modularity",
            self.b.t("Modularity", "Modulariteit"),
            Some(d.modularity),
            lang.num(d.modularity, 3),
            "",
            tr!(
                lang,
                "Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j) (Newman & Girvan 2004, with the resolution γ = {res} of Reichardt & Bornholdt 2006): the share of relations inside communities minus the share expected by chance. 0 means no community structure; above 0.3 the communities are clearly separated.",
                "Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j) (Newman & Girvan 2004, met de resolutie γ = {res} van Reichardt & Bornholdt 2006): het aandeel relaties binnen gemeenschappen min het aandeel dat je bij toeval verwacht. 0 betekent geen gemeenschapsstructuur; boven 0,3 zijn de gemeenschappen duidelijk gescheiden."
            ),
        );
        let listed = d.listed();
        let in_listed: u64 = listed.iter().map(|c| c.size).sum();
        let n = listed.len();
        self.b.metric(
            "listed_share",
            if n == 1 {
                self.b.t(
                    "Accounts in the largest community",
                    "Accounts in de grootste gemeenschap",
                )
            } else {
                tr!(
                    lang,
                    "Accounts in the {n} largest communities",
                    "Accounts in de {n} grootste gemeenschappen"
                )
            },
            Some(in_listed as f64 / d.accounts.max(1) as f64 * 100.0),
            lang.of(in_listed, d.accounts, "accounts", "accounts"),
            "%",
            tr!(
                lang,
                "Accounts in the {n} largest communities (described below; set communities in [plugins.groups] for more) of all accounts in a community.",
                "Accounts in de {n} grootste gemeenschappen (hieronder beschreven; stel communities in onder [plugins.groups] voor meer) van alle accounts in een gemeenschap."
            ),
        );
        let mut cond: Vec<f64> = listed.iter().map(|c| c.conductance).collect();
        cond.sort_by(f64::total_cmp);
        let median = if cond.len() % 2 == 1 {
            cond[cond.len() / 2]
        } else {
            (cond[cond.len() / 2 - 1] + cond[cond.len() / 2]) / 2.0
        };
        self.b.metric(
            "conductance",
            self.b.t("Conductance (median)", "Geleiding (mediaan)"),
            Some(median),
            lang.num(median, 3),
            "",
            tr!(
                lang,
                "Conductance of a community S = weight of the relations that leave S ÷ the smaller of the volume of S and the volume of the rest, volume being the sum of the (weighted) degrees (Kannan, Vempala & Vetta 2004; Leskovec et al. 2009). Lower = more closed: 0 means no relation leaves the community, 1 as many leave as stay inside. Median over the {n} largest communities.",
                "Geleiding (conductance) van een gemeenschap S = gewicht van de relaties die S verlaten ÷ het kleinste van het volume van S en het volume van de rest, met volume de som van de (gewogen) graden (Kannan, Vempala & Vetta 2004; Leskovec e.a. 2009). Lager = meer gesloten: 0 betekent dat geen relatie de gemeenschap verlaat, 1 dat er evenveel naar buiten gaan als binnen blijven. Mediaan over de {n} grootste gemeenschappen."
            ),
        );
        if !self.a.has_brand {
            return;
        }
        let rule = self.support_rule();
        for (key, status, label) in [
            (
                "supporting_communities",
                Status::Supports,
                self.b.t(
                    "Communities that support you",
                    "Gemeenschappen die je steunen",
                ),
            ),
            (
                "aware_communities",
                Status::Aware,
                self.b
                    .t("Communities aware of you", "Gemeenschappen die je kennen"),
            ),
            (
                "untouched_communities",
                Status::Untouched,
                self.b
                    .t("Untouched communities", "Onbereikte gemeenschappen"),
            ),
        ] {
            let (kc, members) = d.count(status);
            let name = status_name(lang, status);
            let m = lang.of(members, d.members, "accounts", "accounts");
            self.b.metric(
                key,
                label,
                Some(kc as f64),
                tr!(
                    lang,
                    "{}, with {m}",
                    "{}, met {m}",
                    lang.of(kc, k, "communities", "gemeenschappen")
                ),
                "",
                tr!(
                    lang,
                    "Communities of two or more accounts with status “{name}”, and the accounts in them (your own not counted). Status per community: {rule}.",
                    "Gemeenschappen van twee of meer accounts met status „{name}”, en de accounts daarin (je eigen niet meegeteld). Status per gemeenschap: {rule}."
                ),
            );
        }
        let (_, supported) = d.count(Status::Supports);
        self.b.metric(
            "supported_members",
            self.b.t(
                "Accounts in communities that support you",
                "Accounts in gemeenschappen die je steunen",
            ),
            Some(supported as f64 / d.members.max(1) as f64 * 100.0),
            lang.of(supported, d.members, "accounts", "accounts"),
            "%",
            self.b.t(
                "Accounts in communities with status “supports you” ÷ all accounts in communities of two or more (your own accounts not counted): each community weighs by its size.",
                "Accounts in gemeenschappen met status „steunt je” ÷ alle accounts in gemeenschappen van twee of meer (je eigen accounts niet meegeteld): elke gemeenschap weegt naar haar grootte.",
            ),
        );
        let window = self.window_text();
        self.b.metric(
            "brand_talk",
            self.b.t("Community posts about you", "Posts uit gemeenschappen over je"),
            (d.posts > 0).then(|| d.brand_posts as f64 / d.posts as f64 * 100.0),
            if d.posts > 0 {
                lang.of(d.brand_posts, d.posts, "posts", "posts")
            } else {
                self.b.t(
                    "not computable: community members did not post in the period",
                    "niet te berekenen: leden van gemeenschappen postten niet in de periode",
                )
            },
            "%",
            tr!(
                lang,
                "Posts in {window} by accounts in a community (your own accounts not counted) that mention one of your handles, or reply to, repost or quote one of your posts, ÷ all their posts in that time.",
                "Posts in {window} van accounts in een gemeenschap (je eigen accounts niet meegeteld) die een van je handles noemen, of reageren op, doorplaatsen of citeren van een van je posts, ÷ al hun posts in die tijd."
            ),
        );
    }

    fn community_table(&mut self, d: &Detected<'_>) {
        let lang = self.lang();
        let cx = self.cx;
        let has_brand = self.a.has_brand;
        let mut columns: Vec<String> = vec![
            lang.pick("Community", "Gemeenschap").into(),
            lang.pick("Accounts", "Accounts").into(),
            lang.pick("Opinion leaders", "Opinieleiders").into(),
            lang.pick("Top hashtags", "Meestgebruikte hashtags").into(),
            lang.pick("Conductance", "Geleiding").into(),
        ];
        let mut numeric = vec![true, true, false, false, true];
        if has_brand {
            columns.extend(
                [
                    lang.pick("Posts about you", "Posts over je"),
                    lang.pick("Follow you", "Volgen je"),
                    lang.pick("Follow or talk to you", "Volgen of spreken je aan"),
                    lang.pick("Status", "Status"),
                ]
                .map(String::from),
            );
            numeric.extend([true, true, true, false]);
        }
        let dash = || "–".to_string();
        let rows = d
            .listed()
            .iter()
            .map(|c| {
                let leaders: Vec<String> = c.leaders.iter().map(|&a| label(cx, a)).collect();
                let tags: Vec<String> = c
                    .hashtags
                    .iter()
                    .map(|(t, k)| format!("#{t} ({})", lang.int(*k)))
                    .collect();
                let mut row = vec![
                    lang.int(c.id as u64 + 1),
                    lang.int(c.size),
                    if leaders.is_empty() {
                        dash()
                    } else {
                        leaders.join(", ")
                    },
                    if tags.is_empty() {
                        dash()
                    } else {
                        tags.join(", ")
                    },
                    lang.num(c.conductance, 2),
                ];
                if has_brand {
                    row.push(c.brand_share().map_or_else(dash, |x| lang.pct(x, 1)));
                    row.push(c.followers.map_or_else(dash, |f| lang.int(f)));
                    row.push(lang.pct(c.support(), 0));
                    let mut st = c
                        .status
                        .map_or_else(dash, |s| status_name(lang, s).to_string());
                    if c.has_brand {
                        st.push_str(
                            lang.pick(" (your account is in it)", " (je account hoort erbij)"),
                        );
                    }
                    row.push(st);
                }
                row
            })
            .collect();
        let n = d.listed;
        let more = d.all.len() - n;
        let window = self.window_text();
        let mut note = tr!(
            lang,
            "Opinion leaders: the members with the highest opinion-leader score (see Relationships), your own and your competitors' accounts left out. Hashtags: in the posts of the community's members in {window}, with the number of posts using each.",
            "Opinieleiders: de leden met de hoogste opinieleiderscore (zie Relaties), je eigen accounts en die van concurrenten weggelaten. Hashtags: in de posts van de leden van de gemeenschap in {window}, met het aantal posts waarin ze voorkomen."
        );
        if has_brand {
            note.push(' ');
            note.push_str(&tr!(
                lang,
                "Posts about you: share of the members' posts that mention you or reply to, repost or quote your posts. Status — {}.",
                "Posts over je: aandeel van de posts van de leden dat je noemt of reageert op, doorplaatst of citeert van je posts. Status — {}.",
                self.support_rule()
            ));
        }
        if more > 0 {
            note.push(' ');
            note.push_str(&tr!(
                lang,
                "{} smaller communities are left out here; all are in metrics/communities.csv.",
                "{} kleinere gemeenschappen staan hier niet; ze staan allemaal in metrics/communities.csv.",
                lang.int(more as u64)
            ));
        }
        self.b.sec.tables.push(Table {
            id: "communities".into(),
            title: tr!(
                lang,
                "The {n} largest communities",
                "De {n} grootste gemeenschappen"
            ),
            columns,
            numeric,
            rows,
            note: Some(note),
        });
    }

    fn community_chart(&mut self, d: &Detected<'_>) {
        let lang = self.lang();
        let listed = d.listed();
        if listed.is_empty() {
            return;
        }
        let mut series = vec![Series {
            name: self.b.t("accounts", "accounts"),
            values: listed.iter().map(|c| c.size as f64).collect(),
        }];
        let description = if self.a.has_brand {
            series.push(Series {
                name: self
                    .b
                    .t("follow or talk to you", "volgen of spreken je aan"),
                values: listed.iter().map(|c| c.supporters as f64).collect(),
            });
            tr!(
                lang,
                "Accounts in each of the {} largest communities, and how many of them follow you or talked to you in the period.",
                "Accounts in elk van de {} grootste gemeenschappen, en hoeveel daarvan je volgen of je in de periode aanspraken.",
                listed.len()
            )
        } else {
            tr!(
                lang,
                "Accounts in each of the {} largest communities.",
                "Accounts in elk van de {} grootste gemeenschappen.",
                listed.len()
            )
        };
        self.b.sec.charts.push(Chart {
            id: "community-sizes".into(),
            title: self
                .b
                .t("The largest communities", "De grootste gemeenschappen"),
            description,
            x_label: self.b.t("community", "gemeenschap"),
            y_label: self.b.t("accounts", "accounts"),
            kind: ChartKind::Bar {
                categories: listed.iter().map(|c| (c.id + 1).to_string()).collect(),
                series,
            },
        });
    }

    fn community_export(&mut self, d: &Detected<'_>) {
        let cx = self.cx;
        let opt = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
        let rows = d
            .all
            .iter()
            .map(|c| {
                let leaders: Vec<String> = c.leaders.iter().map(|&a| label(cx, a)).collect();
                let tags: Vec<String> = c.hashtags.iter().map(|(t, _)| format!("#{t}")).collect();
                vec![
                    (c.id + 1).to_string(),
                    c.size.to_string(),
                    c.members.to_string(),
                    format!("{:.6}", c.modularity),
                    format!("{:.4}", c.conductance),
                    leaders.join(" "),
                    tags.join(" "),
                    c.posts.to_string(),
                    c.brand_posts.to_string(),
                    opt(c.brand_share()),
                    c.followers.map(|f| f.to_string()).unwrap_or_default(),
                    c.supporters.to_string(),
                    c.status
                        .map(|s| match s {
                            Status::Supports => "supports",
                            Status::Aware => "aware",
                            Status::Untouched => "untouched",
                        })
                        .unwrap_or_default()
                        .to_string(),
                ]
            })
            .collect();
        self.b.sec.exports.push(Table {
            id: "communities".into(),
            title: "groups: detected communities (Leiden), one row per community of two or more accounts".into(),
            columns: [
                "community",
                "size",
                "members",
                "modularity_contribution",
                "conductance",
                "top_members",
                "top_hashtags",
                "posts",
                "brand_posts",
                "brand_share",
                "followers_of_brand",
                "supporters",
                "status",
            ]
            .map(String::from)
            .to_vec(),
            numeric: vec![
                true, true, true, true, true, false, false, true, true, true, true, true, false,
            ],
            rows,
            note: None,
        });
    }

    // ---- explicit groups ---------------------------------------------------------------

    fn group_metrics(&mut self, e: &Explicit) {
        let lang = self.lang();
        let window = self.window_text();
        let populated = e.populated().count() as u64;
        let ng = e.groups.len() as u64;
        self.b.metric(
            "groups",
            self.b.t("Groups", "Groepen"),
            Some(ng as f64),
            tr!(
                lang,
                "{} ({} with members in the period)",
                "{} ({} met leden in de periode)",
                lang.int(ng),
                lang.int(populated)
            ),
            "",
            tr!(
                lang,
                "Groups in the groups and memberships tables; with members: at least one membership overlaps {window}.",
                "Groepen in de tabellen groups en memberships; met leden: minstens één lidmaatschap overlapt met {window}."
            ),
        );
        let start = e.total(|g| g.at_start);
        let end = e.total(|g| g.at_end);
        let joined = e.total(|g| g.joined);
        let left = e.total(|g| g.left);
        let dated = e.dated > 0;
        let left_dated = e.left_dated > 0;
        let no_join = self.b.t(
            "not computable: memberships have no joined_at",
            "niet te berekenen: lidmaatschappen hebben geen joined_at",
        );
        let no_left = self.b.t(
            "not computable: memberships have no left_at",
            "niet te berekenen: lidmaatschappen hebben geen left_at",
        );
        let memberships = |n: u64| {
            count(
                lang,
                n,
                ("membership", "lidmaatschap"),
                ("memberships", "lidmaatschappen"),
            )
        };
        self.b.metric(
            "group_members_start",
            self.b.t("Members at the start", "Leden aan het begin"),
            Some(start as f64),
            memberships(start),
            "",
            tr!(
                lang,
                "Memberships, summed over all groups (an account in two groups counts twice), that had begun (or have no joined_at) and had not ended (no left_at, or one at or after that moment) at the start of {window}.",
                "Lidmaatschappen, opgeteld over alle groepen (een account in twee groepen telt twee keer), die begonnen waren (of geen joined_at hebben) en nog niet beëindigd (geen left_at, of een op of na dat moment) bij het begin van {window}."
            ),
        );
        self.b.metric(
            "group_joined",
            self.b.t("Joined", "Erbij gekomen"),
            dated.then_some(joined as f64),
            if dated {
                memberships(joined)
            } else {
                no_join.clone()
            },
            "",
            tr!(
                lang,
                "Memberships with a joined_at inside {window}, summed over all groups.",
                "Lidmaatschappen met een joined_at binnen {window}, opgeteld over alle groepen."
            ),
        );
        self.b.metric(
            "group_left",
            self.b.t("Left", "Vertrokken"),
            left_dated.then_some(left as f64),
            if left_dated {
                memberships(left)
            } else {
                no_left.clone()
            },
            "",
            tr!(
                lang,
                "Memberships with a left_at inside {window}, summed over all groups.",
                "Lidmaatschappen met een left_at binnen {window}, opgeteld over alle groepen."
            ),
        );
        self.b.metric(
            "group_members_end",
            self.b.t("Members at the end", "Leden aan het eind"),
            Some(end as f64),
            memberships(end),
            "",
            tr!(
                lang,
                "Memberships, summed over all groups, that had begun (or have no joined_at) and had not ended at the end of {window}: members at the start + joined − left.",
                "Lidmaatschappen, opgeteld over alle groepen, die begonnen waren (of geen joined_at hebben) en nog niet beëindigd aan het eind van {window}: leden aan het begin + erbij gekomen − vertrokken."
            ),
        );
        let growth = (dated && start > 0).then(|| end as f64 / start as f64 - 1.0);
        self.b.metric(
            "group_growth",
            self.b.t("Growth of the groups", "Groei van de groepen"),
            growth.map(|g| g * 100.0),
            match growth {
                Some(g) => tr!(
                    lang,
                    "{} (from {} to {})",
                    "{} (van {} naar {})",
                    signed_pct(lang, g),
                    lang.int(start),
                    lang.int(end)
                ),
                None if !dated => no_join.clone(),
                None => self.b.t(
                    "not computable: no members at the start",
                    "niet te berekenen: geen leden aan het begin",
                ),
            },
            "%",
            self.b.t(
                "(Members at the end − members at the start) ÷ members at the start, over all groups together.",
                "(Leden aan het eind − leden aan het begin) ÷ leden aan het begin, over alle groepen samen.",
            ),
        );
        let churn = (left_dated && start > 0).then(|| left as f64 / start as f64);
        self.b.metric(
            "group_churn",
            self.b.t("Churn", "Verloop"),
            churn.map(|c| c * 100.0),
            match churn {
                Some(c) => lang.pct(c, 1),
                None if !left_dated => no_left,
                None => self.b.t(
                    "not computable: no members at the start",
                    "niet te berekenen: geen leden aan het begin",
                ),
            },
            "%",
            tr!(
                lang,
                "Memberships that ended in {window} ÷ memberships at its start (the churn rate), over all groups together.",
                "Lidmaatschappen die eindigden in {window} ÷ lidmaatschappen aan het begin ervan (het verloop), over alle groepen samen."
            ),
        );
        let roles: [u64; 3] = [0, 1, 2].map(|i| e.total(|g| g.roles[i]));
        let staff = roles[1] + roles[2];
        self.b.metric(
            "group_roles",
            self.b.t("Roles", "Rollen"),
            (end > 0).then(|| staff as f64 / end as f64 * 100.0),
            tr!(
                lang,
                "{}, {} and {}",
                "{}, {} en {}",
                count(lang, roles[0], ("member", "lid"), ("members", "leden")),
                count(lang, roles[1], ("moderator", "moderator"), ("moderators", "moderators")),
                count(lang, roles[2], ("admin", "beheerder"), ("admins", "beheerders"))
            ),
            "%",
            self.b.t(
                "Memberships at the end of the period by role (the role column; member when absent), over all groups; the value is the share of moderators and admins.",
                "Lidmaatschappen aan het eind van de periode naar rol (de kolom role; lid als die ontbreekt), over alle groepen; de waarde is het aandeel moderators en beheerders.",
            ),
        );
        self.b.metric(
            "group_active_share",
            self.b.t("Active members", "Actieve leden"),
            (e.members > 0).then(|| e.active as f64 / e.members as f64 * 100.0),
            lang.of(e.active, e.members, "members", "leden"),
            "%",
            tr!(
                lang,
                "Distinct accounts that were a member of at least one group at some time in {window} and posted at least once in that time. Posts have no group column, so active means: posted anywhere in the data, not necessarily in the group.",
                "Verschillende accounts die op enig moment in {window} lid waren van minstens één groep en in die tijd minstens één keer postten. Posts hebben geen groepskolom, dus actief betekent: ergens in de data gepost, niet per se in de groep."
            ),
        );
        self.b.metric(
            "group_gini",
            self.b.t("Concentration of activity (Gini)", "Concentratie van activiteit (Gini)"),
            e.gini,
            e.gini.map_or_else(
                || self.b.t("not computable: no member posted", "niet te berekenen: geen lid postte"),
                |g| lang.num(g, 2),
            ),
            "",
            tr!(
                lang,
                "Gini coefficient of the number of posts in {window} of the group members (every distinct account that was a member of some group in that time, silent ones included): G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄) (Gini 1912). 0 = everyone posts equally, 1 = one member posts everything.",
                "Gini-coëfficiënt van het aantal posts in {window} van de groepsleden (elk verschillend account dat in die tijd lid was van een groep, ook de stille): G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄) (Gini 1912). 0 = iedereen post evenveel, 1 = één lid post alles."
            ),
        );
        let over = e.groups.iter().filter(|g| g.over_dunbar).count() as u64;
        let dunbar = lang.int(self.s.dunbar);
        self.b.metric(
            "groups_over_dunbar",
            tr!(
                lang,
                "Groups above {dunbar} active members",
                "Groepen boven {dunbar} actieve leden"
            ),
            Some(over as f64),
            lang.of(over, populated, "groups", "groepen"),
            "",
            tr!(
                lang,
                "Groups with more than dunbar = {dunbar} active members (members who posted in the period). Dunbar (1992) found about 150 to be the number of stable relationships one person can keep: a group that large no longer works as one community and splits into sub-groups. Set dunbar in [plugins.groups].",
                "Groepen met meer dan dunbar = {dunbar} actieve leden (leden die in de periode postten). Dunbar (1992) vond ongeveer 150 als het aantal stabiele relaties dat één persoon kan onderhouden: een groep die zo groot is werkt niet meer als één gemeenschap en valt uiteen in subgroepen. Stel dunbar in onder [plugins.groups]."
            ),
        );
        if !self.a.has_brand {
            return;
        }
        let with: Vec<&GroupStats> = e.populated().filter(|g| g.brand_role.is_some()).collect();
        let staff_in = with
            .iter()
            .filter(|g| g.brand_role.is_some_and(|r| r != Role::Member))
            .count() as u64;
        let k = with.len() as u64;
        self.b.metric(
            "brand_groups",
            self.b.t("Groups you are in", "Groepen waarin je zit"),
            (populated > 0).then(|| k as f64 / populated as f64 * 100.0),
            tr!(
                lang,
                "{}; moderator or admin in {}",
                "{}; moderator of beheerder in {}",
                lang.of(k, populated, "groups", "groepen"),
                lang.int(staff_in)
            ),
            "%",
            tr!(
                lang,
                "Groups with members in {window} of which at least one of your accounts was a member at some time in it.",
                "Groepen met leden in {window} waarvan minstens één van je accounts er op enig moment lid van was."
            ),
        );
        let all_members: u64 = e.populated().map(|g| g.members).sum();
        let reach: u64 = with.iter().map(|g| g.members).sum();
        self.b.metric(
            "brand_group_reach",
            self.b.t("Group members you meet", "Groepsleden die je treft"),
            (all_members > 0).then(|| reach as f64 / all_members as f64 * 100.0),
            lang.of(reach, all_members, "memberships", "lidmaatschappen"),
            "%",
            tr!(
                lang,
                "Members (distinct per group, in {window}) of the groups you are in ÷ members of all groups: each group weighs by its size.",
                "Leden (verschillend per groep, in {window}) van de groepen waarin je zit ÷ leden van alle groepen: elke groep weegt naar haar grootte."
            ),
        );
    }

    fn group_table(&mut self, e: &Explicit) {
        let lang = self.lang();
        let cx = self.cx;
        let has_brand = self.a.has_brand;
        let dated = e.dated > 0;
        let left_dated = e.left_dated > 0;
        let dunbar = lang.int(self.s.dunbar);
        let mut columns: Vec<String> = [
            lang.pick("Group", "Groep"),
            lang.pick("Start", "Begin"),
            lang.pick("Joined", "Erbij"),
            lang.pick("Left", "Weg"),
            lang.pick("End", "Eind"),
            lang.pick("Growth", "Groei"),
            lang.pick("Moderators", "Moderators"),
            lang.pick("Admins", "Beheerders"),
            lang.pick("Active", "Actief"),
            lang.pick("Gini", "Gini"),
        ]
        .map(String::from)
        .to_vec();
        columns.push(tr!(lang, "Above {dunbar} active", "Boven {dunbar} actief"));
        let mut numeric = vec![
            false, true, true, true, true, true, true, true, true, true, false,
        ];
        if has_brand {
            columns.push(lang.pick("You", "Jij").into());
            columns.push(lang.pick("Your posts", "Jouw posts").into());
            numeric.extend([false, true]);
        }
        let dash = || "–".to_string();
        let shown: Vec<&GroupStats> = e.populated().take(self.s.listed_groups).collect();
        let rows = shown
            .iter()
            .map(|g| {
                let mut row = vec![
                    group_name(cx, g.group),
                    lang.int(g.at_start),
                    if dated { lang.int(g.joined) } else { dash() },
                    if left_dated { lang.int(g.left) } else { dash() },
                    lang.int(g.at_end),
                    g.growth()
                        .filter(|_| dated)
                        .map_or_else(dash, |x| signed_pct(lang, x)),
                    lang.int(g.roles[1]),
                    lang.int(g.roles[2]),
                    g.active_share().map_or_else(dash, |x| {
                        format!("{} ({})", lang.int(g.active), lang.pct(x, 0))
                    }),
                    g.gini.map_or_else(dash, |x| lang.num(x, 2)),
                    if g.over_dunbar {
                        lang.pick("yes", "ja")
                    } else {
                        lang.pick("no", "nee")
                    }
                    .to_string(),
                ];
                if has_brand {
                    row.push(match g.brand_role {
                        Some(r) => role_name(lang, r).to_string(),
                        None => lang.pick("not a member", "geen lid").to_string(),
                    });
                    row.push(if g.brand_role.is_some() {
                        lang.int(g.brand_posts)
                    } else {
                        dash()
                    });
                }
                row
            })
            .collect();
        let window = self.window_text();
        let mut note = tr!(
            lang,
            "Members at the start and end of {window}, joins and leaves in it (by joined_at and left_at; a membership without joined_at counts from the start); moderators and admins at the end. Active: members in that time who posted at least once anywhere in the data (posts have no group column), with their share of the members. Gini: concentration of the members' posts, 0 = equal, 1 = one member posts everything.",
            "Leden aan het begin en eind van {window}, erbij gekomen en vertrokken daarbinnen (naar joined_at en left_at; een lidmaatschap zonder joined_at telt vanaf het begin); moderators en beheerders aan het eind. Actief: leden in die tijd die minstens één keer ergens in de data postten (posts hebben geen groepskolom), met hun aandeel in de leden. Gini: concentratie van de posts van de leden, 0 = gelijk, 1 = één lid post alles."
        );
        if has_brand {
            note.push(' ');
            note.push_str(&self.b.t(
                "You: the highest role of your accounts in the group; your posts: posts in the period by your accounts that are members.",
                "Jij: de hoogste rol van je accounts in de groep; je posts: posts in de periode van je accounts die lid zijn.",
            ));
        }
        let more = e.populated().count().saturating_sub(shown.len());
        if more > 0 {
            note.push(' ');
            note.push_str(&tr!(
                lang,
                "{} smaller groups are left out here; all are in metrics/groups-groups.csv.",
                "{} kleinere groepen staan hier niet; ze staan allemaal in metrics/groups-groups.csv.",
                lang.int(more as u64)
            ));
        }
        if e.inconsistent > 0 {
            note.push(' ');
            note.push_str(&tr!(
                lang,
                "{} memberships were left out because they end before they begin.",
                "{} lidmaatschappen zijn weggelaten omdat ze eindigen voordat ze beginnen.",
                lang.int(e.inconsistent)
            ));
        }
        let n = shown.len();
        self.b.sec.tables.push(Table {
            id: "groups".into(),
            title: if n == e.populated().count() {
                self.b.t("The groups", "De groepen")
            } else {
                tr!(lang, "The {n} largest groups", "De {n} grootste groepen")
            },
            columns,
            numeric,
            rows,
            note: Some(note),
        });
    }

    fn group_chart(&mut self, e: &Explicit) {
        let lang = self.lang();
        let cx = self.cx;
        let Some(m) = &e.monthly else { return };
        let (y0, m0) = m.months[0];
        let (y1, m1) = m.months[m.months.len() - 1];
        let k = m.series.len();
        self.b.sec.charts.push(Chart {
            id: "group-membership".into(),
            title: self.b.t("Group members per month", "Groepsleden per maand"),
            description: tr!(
                lang,
                "Members at the end of each month (report time zone) of the {k} largest groups, from {y0}-{m0:02} to {y1}-{m1:02}, by joined_at and left_at; the last month ends with the period.",
                "Leden aan het eind van elke maand (tijdzone van het rapport) van de {k} grootste groepen, van {y0}-{m0:02} tot {y1}-{m1:02}, naar joined_at en left_at; de laatste maand eindigt met de periode."
            ),
            x_label: self.b.t("month", "maand"),
            y_label: self.b.t("members", "leden"),
            kind: ChartKind::Line {
                x: m.months.iter().map(|(y, mo)| format!("{y}-{mo:02}")).collect(),
                series: m
                    .series
                    .iter()
                    .map(|(g, v)| Series {
                        name: group_name(cx, *g),
                        values: v.iter().map(|&x| x as f64).collect(),
                    })
                    .collect(),
            },
        });
    }

    fn group_export(&mut self, e: &Explicit) {
        let cx = self.cx;
        let dated = e.dated > 0;
        let left_dated = e.left_dated > 0;
        let opt = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
        let rows = e
            .groups
            .iter()
            .map(|g| {
                let grp = &cx.data.groups[g.group as usize];
                vec![
                    grp.id.to_string(),
                    grp.name.as_deref().unwrap_or_default().to_string(),
                    g.at_start.to_string(),
                    if dated {
                        g.joined.to_string()
                    } else {
                        String::new()
                    },
                    if left_dated {
                        g.left.to_string()
                    } else {
                        String::new()
                    },
                    g.at_end.to_string(),
                    opt(g.growth().filter(|_| dated)),
                    opt((left_dated && g.at_start > 0).then(|| g.left as f64 / g.at_start as f64)),
                    g.roles[0].to_string(),
                    g.roles[1].to_string(),
                    g.roles[2].to_string(),
                    g.members.to_string(),
                    g.active.to_string(),
                    opt(g.active_share()),
                    opt(g.gini),
                    g.over_dunbar.to_string(),
                    g.brand_role
                        .map(|r| match r {
                            Role::Member => "member",
                            Role::Moderator => "moderator",
                            Role::Admin => "admin",
                        })
                        .unwrap_or_default()
                        .to_string(),
                    g.brand_posts.to_string(),
                ]
            })
            .collect();
        self.b.sec.exports.push(Table {
            id: "groups-groups".into(),
            title: "groups: explicit groups, one row per group".into(),
            columns: [
                "group",
                "name",
                "members_start",
                "joined",
                "left",
                "members_end",
                "growth",
                "churn",
                "members",
                "moderators",
                "admins",
                "members_in_period",
                "active_members",
                "active_share",
                "gini",
                "over_dunbar",
                "brand_role",
                "brand_posts",
            ]
            .map(String::from)
            .to_vec(),
            numeric: vec![
                false, false, true, true, true, true, true, true, true, true, true, true, true,
                true, true, false, false, true,
            ],
            rows,
            note: None,
        });
    }

    // ---- findings, advice, missing, score, summary -------------------------------------

    fn community_advice(&mut self, d: &Detected<'_>) {
        let lang = self.lang();
        let cx = self.cx;
        if d.modularity >= SEPARATE {
            let q = lang.num(d.modularity, 2);
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "The network falls into clearly separate communities (modularity {q}): a message that works in one does not travel to the others by itself.",
                    "Het netwerk valt uiteen in duidelijk gescheiden gemeenschappen (modulariteit {q}): een boodschap die in de ene werkt, komt niet vanzelf in de andere."
                ),
                &["modularity", "communities"],
            );
        }
        if !self.a.has_brand {
            return;
        }
        let listed = d.listed();
        let untouched: Vec<&Community> = listed
            .iter()
            .filter(|c| c.status == Some(Status::Untouched))
            .collect();
        if !untouched.is_empty() {
            let k = untouched.len();
            let total = listed.len();
            let nums = numbers(lang, &untouched);
            let accounts: u64 = untouched.iter().map(|c| c.members).sum();
            let acc = count(
                lang,
                accounts,
                ("account", "account"),
                ("accounts", "accounts"),
            );
            let severe = k * 2 > total;
            self.b.finding(
                if severe { Severity::Warning } else { Severity::Info },
                if k == 1 {
                    tr!(
                        lang,
                        "Community {nums}, one of the {total} largest, has no member who follows you or talked to you: {acc} you do not reach.",
                        "Gemeenschap {nums}, een van de {total} grootste, heeft geen lid dat je volgt of je aansprak: {acc} die je niet bereikt."
                    )
                } else {
                    tr!(
                        lang,
                        "{k} of the {total} largest communities ({nums}) have no member who follows you or talked to you: together {acc} you do not reach.",
                        "{k} van de {total} grootste gemeenschappen ({nums}) hebben geen lid dat je volgt of je aansprak: samen {acc} die je niet bereikt."
                    )
                },
                &["untouched_communities"],
            );
            let leaders: Vec<String> = untouched
                .iter()
                .filter_map(|c| c.leaders.first())
                .take(NAMES)
                .map(|&a| label(cx, a))
                .collect();
            let names = lang.join_and(&leaders);
            let action = match (k, leaders.is_empty()) {
                (1, false) => tr!(
                    lang,
                    "Reach untouched community {nums} through its opinion leader {names}.",
                    "Bereik de onbereikte gemeenschap {nums} via haar opinieleider {names}."
                ),
                (_, false) => tr!(
                    lang,
                    "Reach the {k} untouched communities ({nums}) through their opinion leaders {names}.",
                    "Bereik de {k} onbereikte gemeenschappen ({nums}) via hun opinieleiders {names}."
                ),
                (1, true) => tr!(
                    lang,
                    "Reach untouched community {nums}.",
                    "Bereik de onbereikte gemeenschap {nums}."
                ),
                (_, true) => tr!(
                    lang,
                    "Reach the {k} untouched communities ({nums}).",
                    "Bereik de {k} onbereikte gemeenschappen ({nums})."
                ),
            };
            let closed = untouched
                .iter()
                .map(|c| c.conductance)
                .fold(f64::INFINITY, f64::min);
            let why = tr!(
                lang,
                "No one there follows you or talks to you yet, and a community listens to its own members more than to outsiders — the more so the more closed it is (conductance down to {}). Follow its opinion leaders, take part in the conversations on its hashtags with something of value, and give them a reason to mention you.",
                "Niemand daar volgt je of spreekt je aan, en een gemeenschap luistert meer naar haar eigen leden dan naar buitenstaanders — des te meer naarmate ze geslotener is (geleiding tot {}). Volg haar opinieleiders, doe met iets waardevols mee aan de gesprekken op haar hashtags, en geef ze een reden om je te noemen.",
                lang.num(closed, 2)
            );
            self.b.recommend(
                if severe {
                    Priority::High
                } else {
                    Priority::Medium
                },
                action,
                why,
                &["untouched_communities", "supported_members", "conductance"],
            );
        }
        let aware: Vec<&Community> = listed
            .iter()
            .filter(|c| c.status == Some(Status::Aware))
            .collect();
        if !aware.is_empty() {
            let k = aware.len();
            let nums = numbers(lang, &aware);
            let mut tags: Vec<String> = Vec::new();
            for c in &aware {
                if let Some((t, _)) = c.hashtags.first()
                    && !tags.iter().any(|x| x[1..] == **t)
                {
                    tags.push(format!("#{t}"));
                }
            }
            tags.truncate(3);
            let on = if tags.is_empty() {
                String::new()
            } else {
                tr!(lang, " on {}", " over {}", lang.join_and(&tags))
            };
            let action = if k == 1 {
                tr!(
                    lang,
                    "Turn community {nums}, which knows you, into supporters: answer the members who talk about you and join the conversation{on}.",
                    "Maak van gemeenschap {nums}, die je kent, supporters: antwoord de leden die over je praten en doe mee aan het gesprek{on}."
                )
            } else {
                tr!(
                    lang,
                    "Turn the {k} communities that know you ({nums}) into supporters: answer the members who talk about you and join the conversation{on}.",
                    "Maak van de {k} gemeenschappen die je kennen ({nums}) supporters: antwoord de leden die over je praten en doe mee aan het gesprek{on}."
                )
            };
            let x = lang.pct(self.s.support_share, 0);
            self.b.recommend(
                Priority::Medium,
                action,
                tr!(
                    lang,
                    "Some of their members already follow you or talk to you, but fewer than {x}: the door is open. A reply from you makes the first ones visible to the rest of their community.",
                    "Sommige leden volgen je al of spreken je aan, maar minder dan {x}: de deur staat open. Een antwoord van je maakt de eersten zichtbaar voor de rest van hun gemeenschap."
                ),
                &["aware_communities", "brand_talk"],
            );
        }
    }

    fn group_advice(&mut self, e: &Explicit) {
        let lang = self.lang();
        let cx = self.cx;
        let over: Vec<&GroupStats> = e.groups.iter().filter(|g| g.over_dunbar).collect();
        if !over.is_empty() {
            let names: Vec<String> = over
                .iter()
                .take(NAMES)
                .map(|g| group_name(cx, g.group))
                .collect();
            let (k, list, dunbar) = (over.len(), lang.join_and(&names), lang.int(self.s.dunbar));
            let more = if k > NAMES {
                tr!(lang, " and {} more", " en {} andere", k - NAMES)
            } else {
                String::new()
            };
            let beyond = self.b.t(
                "Beyond the Dunbar number a group no longer works as one community; conversations fall apart into cliques.",
                "Boven het getal van Dunbar werkt een groep niet meer als één gemeenschap; gesprekken vallen uiteen in kliekjes.",
            );
            self.b.finding(
                Severity::Info,
                if k == 1 {
                    tr!(
                        lang,
                        "Group {list} has more than {dunbar} active members. {beyond}",
                        "Groep {list} heeft meer dan {dunbar} actieve leden. {beyond}"
                    )
                } else {
                    tr!(
                        lang,
                        "{k} groups have more than {dunbar} active members: {list}{more}. {beyond}",
                        "{k} groepen hebben meer dan {dunbar} actieve leden: {list}{more}. {beyond}"
                    )
                },
                &["groups_over_dunbar"],
            );
            self.b.recommend(
                Priority::Low,
                tr!(
                    lang,
                    "Split the largest groups into sub-groups by topic or region, each with its own moderator, starting with {list}.",
                    "Splits de grootste groepen op in subgroepen per onderwerp of regio, elk met een eigen moderator, te beginnen met {list}."
                ),
                tr!(
                    lang,
                    "One person keeps about {dunbar} stable relationships (Dunbar 1992); in larger groups members no longer know each other, and the loudest few take over.",
                    "Eén persoon onderhoudt ongeveer {dunbar} stabiele relaties (Dunbar 1992); in grotere groepen kennen leden elkaar niet meer en nemen de luidsten het over."
                ),
                &["groups_over_dunbar"],
            );
        }
        let (joined, left) = (e.total(|g| g.joined), e.total(|g| g.left));
        if e.dated > 0 && e.left_dated > 0 && left > joined {
            let (j, l) = (lang.int(joined), lang.int(left));
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "The groups lost more members ({l}) than they gained ({j}) in the period.",
                    "De groepen verloren meer leden ({l}) dan ze erbij kregen ({j}) in de periode."
                ),
                &["group_left", "group_joined", "group_churn"],
            );
            self.b.recommend(
                Priority::Medium,
                self.b.t(
                    "Find out why members leave the groups, and give the others a reason to stay.",
                    "Zoek uit waarom leden de groepen verlaten, en geef de anderen een reden om te blijven.",
                ),
                self.b.t(
                    "More members left than joined. Ask those who leave, and keep the rest with regular content, quick answers from the moderators and a welcome for newcomers.",
                    "Er vertrokken meer leden dan er bijkwamen. Vraag het wie vertrekt, en houd de rest vast met regelmatige inhoud, snelle antwoorden van de moderators en een welkom voor nieuwkomers.",
                ),
                &["group_churn", "group_left"],
            );
        }
        if e.members > 0 && (e.active as f64) < SILENT * e.members as f64 {
            let share = lang.pct(e.active as f64 / e.members as f64, 0);
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "Only {share} of the group members posted at all in the period: most members read along silently.",
                    "Maar {share} van de groepsleden postte überhaupt in de periode: de meeste leden lezen stil mee."
                ),
                &["group_active_share"],
            );
            self.b.recommend(
                Priority::Low,
                self.b.t(
                    "Draw the silent group members in with questions and polls that take a second to answer.",
                    "Betrek de stille groepsleden met vragen en peilingen die in een seconde te beantwoorden zijn.",
                ),
                self.b.t(
                    "A member who answers once is more likely to post again; a group where few speak feels empty to newcomers.",
                    "Een lid dat één keer antwoordt, post sneller opnieuw; een groep waarin weinigen spreken voelt leeg voor nieuwkomers.",
                ),
                &["group_active_share"],
            );
        }
        if let Some(g) = e.gini
            && g >= CONCENTRATED
        {
            let gs = lang.num(g, 2);
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "A few members do most of the talking in the groups (Gini {gs}).",
                    "Een paar leden voeren in de groepen het hoogste woord (Gini {gs})."
                ),
                &["group_gini"],
            );
        }
        if !self.a.has_brand {
            return;
        }
        let absent: Vec<&GroupStats> = e
            .populated()
            .filter(|g| g.brand_role.is_none())
            .take(3)
            .collect();
        if !absent.is_empty() {
            let names: Vec<String> = absent.iter().map(|g| group_name(cx, g.group)).collect();
            let list = lang.join_and(&names);
            let in_none = e.populated().all(|g| g.brand_role.is_none());
            self.b.recommend(
                if in_none { Priority::High } else { Priority::Medium },
                tr!(
                    lang,
                    "Join the largest groups you are not in yet: {list}.",
                    "Word lid van de grootste groepen waarin je nog niet zit: {list}."
                ),
                self.b.t(
                    "Groups are where your audience already meets. Take part as a member first, answer questions, and ask the admins before you promote anything.",
                    "In groepen komt je publiek al samen. Doe eerst mee als lid, beantwoord vragen, en vraag de beheerders voordat je iets promoot.",
                ),
                &["brand_groups", "brand_group_reach"],
            );
        }
    }

    fn missing(&mut self) {
        let cx = self.cx;
        let a = self.a;
        if !a.has_brand {
            self.b.missing(
                self.b.t(
                    "Which communities and groups support you (status per community, your place in the groups, the score)",
                    "Welke gemeenschappen en groepen je steunen (status per gemeenschap, je plaats in de groepen, de score)",
                ),
                self.b.t(
                    "name your accounts in honeycomb.toml: [report] brand = [\"@you\"]",
                    "noem je accounts in honeycomb.toml: [report] brand = [\"@je\"]",
                ),
            );
        }
        let unresolved = cx.brand_unresolved();
        if !unresolved.is_empty() {
            let lang = self.lang();
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
        match &a.explicit {
            None => self.b.missing(
                self.b.t(
                    "Explicit groups (size, growth and churn, roles, active members, your presence)",
                    "Expliciete groepen (omvang, groei en verloop, rollen, actieve leden, je aanwezigheid)",
                ),
                self.b.t(
                    "add groups.csv (id, name) and memberships.csv (group, account, joined_at, left_at, role)",
                    "voeg groups.csv (id, name) en memberships.csv (group, account, joined_at, left_at, role) toe",
                ),
            ),
            Some(_) if cx.data.memberships.is_empty() => self.b.missing(
                self.b.t(
                    "Group members (size, growth and churn, roles, active members, your presence)",
                    "Groepsleden (omvang, groei en verloop, rollen, actieve leden, je aanwezigheid)",
                ),
                self.b.t(
                    "add memberships.csv (group, account, joined_at, left_at, role)",
                    "voeg memberships.csv (group, account, joined_at, left_at, role) toe",
                ),
            ),
            Some(e) if e.dated == 0 => self.b.missing(
                self.b.t(
                    "Group growth (joined in the period, members per month)",
                    "Groei van de groepen (erbij gekomen in de periode, leden per maand)",
                ),
                self.b.t(
                    "the joined_at column in memberships.csv",
                    "de kolom joined_at in memberships.csv",
                ),
            ),
            Some(e) if e.left_dated == 0 => self.b.missing(
                self.b.t(
                    "Group churn (members who left)",
                    "Verloop in de groepen (vertrokken leden)",
                ),
                self.b.t(
                    "the left_at column in memberships.csv, with the members who left kept in the export",
                    "de kolom left_at in memberships.csv, met de vertrokken leden nog in de export",
                ),
            ),
            Some(_) => {}
        }
        if !a.has_follows {
            let lang = self.lang();
            let kinds = a
                .detected
                .as_ref()
                .map(|d| self.kinds_text(&d.kinds))
                .unwrap_or_else(|| {
                    self.kinds_text(&[EdgeKind::Mention, EdgeKind::Reply, EdgeKind::Reshare])
                });
            self.b.missing(
                self.b.t(
                    "Communities in the follow network, and members who follow you",
                    "Gemeenschappen in het volgnetwerk, en leden die je volgen",
                ),
                tr!(
                    lang,
                    "a follows table (source, target); the communities now come from interactions in the period ({kinds})",
                    "een follows-tabel (source, target); de gemeenschappen komen nu uit interacties in de periode ({kinds})"
                ),
            );
        }
        if a.detected.is_none() {
            self.b.missing(
                self.b.t(
                    "Detected communities: there are no relations between accounts",
                    "Gevonden gemeenschappen: er zijn geen relaties tussen accounts",
                ),
                self.b.t(
                    "a follows table (source, target), or posts that mention, reply to or reshare each other",
                    "een follows-tabel (source, target), of posts die elkaar noemen, op elkaar reageren of elkaar doorplaatsen",
                ),
            );
        }
    }

    fn score(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if !a.has_brand {
            return;
        }
        // Communities found in a network of only the brand's own relations surround the brand
        // by construction, and groups with a single member say nothing about support: neither
        // counts towards the score.
        let centred = self.cx.brand_centred_network();
        let s_part = a
            .detected
            .as_ref()
            .filter(|d| d.members > 0 && !centred)
            .map(|d| d.count(Status::Supports).1 as f64 / d.members as f64);
        let p_part = a.explicit.as_ref().and_then(|e| {
            if !e.populated().any(|g| g.members > 1) {
                return None;
            }
            let all: u64 = e.populated().map(|g| g.members).sum();
            let with: u64 = e
                .populated()
                .filter(|g| g.brand_role.is_some())
                .map(|g| g.members)
                .sum();
            (all > 0).then(|| with as f64 / all as f64)
        });
        let rule_tail = tr!(
            lang,
            "; strong from {STRONG}, weak below {WEAK}",
            "; sterk vanaf {STRONG}, zwak onder {WEAK}"
        );
        let (value, rule) = match (s_part, p_part) {
            (Some(sp), Some(pp)) => {
                let (ss, ps) = (lang.num(sp * 100.0, 0), lang.num(pp * 100.0, 0));
                (
                    100.0 * (sp + pp) / 2.0,
                    tr!(
                        lang,
                        "mean of the share of accounts in communities that support you ({ss}%, each community weighted by its size) and the share of group members in groups you are in ({ps}%){rule_tail}",
                        "gemiddelde van het aandeel accounts in gemeenschappen die je steunen ({ss}%, elke gemeenschap gewogen naar haar grootte) en het aandeel groepsleden in groepen waarin je zit ({ps}%){rule_tail}"
                    ),
                )
            }
            (Some(sp), None) => {
                let ss = lang.num(sp * 100.0, 0);
                (
                    100.0 * sp,
                    tr!(
                        lang,
                        "the share of accounts in communities that support you ({ss}%, each community weighted by its size; no explicit groups in the data){rule_tail}",
                        "het aandeel accounts in gemeenschappen die je steunen ({ss}%, elke gemeenschap gewogen naar haar grootte; geen expliciete groepen in de data){rule_tail}"
                    ),
                )
            }
            (None, Some(pp)) => {
                let ps = lang.num(pp * 100.0, 0);
                (
                    100.0 * pp,
                    tr!(
                        lang,
                        "the share of group members in groups you are in ({ps}%; no communities could be detected){rule_tail}",
                        "het aandeel groepsleden in groepen waarin je zit ({ps}%; er konden geen gemeenschappen gevonden worden){rule_tail}"
                    ),
                )
            }
            (None, None) => {
                if centred || a.explicit.is_some() {
                    self.b.no_score(self.b.t(
                        "the network holds only your own relations (your followers and following), so every community found surrounds you by construction, and no group has members besides one account; add relations between other accounts, or group memberships, to judge the support of communities",
                        "het netwerk bevat alleen je eigen relaties (je volgers en wie je volgt), dus elke gevonden gemeenschap draait vanzelf om jou, en geen groep heeft meer dan één lid; voeg relaties tussen andere accounts of groepslidmaatschappen toe om de steun van gemeenschappen te beoordelen",
                    ));
                }
                return;
            }
        };
        let verdict = if value >= STRONG {
            self.b
                .t("Communities support you", "Gemeenschappen steunen je")
        } else if value >= WEAK {
            self.b.t("Room to grow", "Ruimte om te groeien")
        } else {
            self.b.t(
                "Most communities do not know you yet",
                "De meeste gemeenschappen kennen je nog niet",
            )
        };
        self.b.score(value, rule, verdict);
    }

    fn summary(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let mut s = match &a.detected {
            Some(d) => {
                let kinds = self.kinds_text(&d.kinds);
                let (acc, k, q) = (
                    lang.int(d.accounts),
                    count(
                        lang,
                        d.all.len() as u64,
                        ("community", "gemeenschap"),
                        ("communities", "gemeenschappen"),
                    ),
                    lang.num(d.modularity, 2),
                );
                let mut s = tr!(
                    lang,
                    "In the network of {kinds}, {acc} accounts form {k} (Leiden, modularity {q}).",
                    "In het netwerk van {kinds} vormen {acc} accounts {k} (Leiden, modulariteit {q})."
                );
                if a.has_brand {
                    let [sup, aw, un] = [Status::Supports, Status::Aware, Status::Untouched]
                        .map(|st| lang.int(d.count(st).0));
                    s.push(' ');
                    s.push_str(&tr!(
                        lang,
                        "Supports you: {sup}; aware of you: {aw}; untouched: {un}.",
                        "Steunt je: {sup}; kent je: {aw}; onbereikt: {un}."
                    ));
                }
                s
            }
            None => self.b.t(
                "No communities could be detected: there are no relations between accounts.",
                "Er konden geen gemeenschappen gevonden worden: er zijn geen relaties tussen accounts.",
            ),
        };
        s.push(' ');
        match &a.explicit {
            Some(e) => {
                let (start, end) = (
                    lang.int(e.total(|g| g.at_start)),
                    lang.int(e.total(|g| g.at_end)),
                );
                let window = self.window_text();
                if e.dated > 0 {
                    let (j, l) = (
                        lang.int(e.total(|g| g.joined)),
                        lang.int(e.total(|g| g.left)),
                    );
                    s.push_str(&tr!(
                        lang,
                        "In the explicit groups, memberships went from {start} at the start of {window} to {end} at its end ({j} joined, {l} left).",
                        "In de expliciete groepen gingen de lidmaatschappen van {start} aan het begin van {window} naar {end} aan het eind ({j} erbij, {l} weg)."
                    ));
                } else {
                    s.push_str(&tr!(
                        lang,
                        "The explicit groups have {end} memberships (without joined_at, growth is unknown).",
                        "De expliciete groepen hebben {end} lidmaatschappen (zonder joined_at is de groei onbekend)."
                    ));
                }
                if e.members > 0 {
                    s.push(' ');
                    s.push_str(&tr!(
                        lang,
                        "{} posted in that time.",
                        "{} postten in die tijd.",
                        lang.of(e.active, e.members, "members", "leden")
                    ));
                }
            }
            None => s.push_str(&self.b.t(
                "The data has no explicit groups.",
                "De data heeft geen expliciete groepen.",
            )),
        }
        self.b.sec.summary = s;
    }
}

/// Builds the section.
pub fn build(cx: &Context<'_>, s: &Settings, a: &Analysis<'_>) -> Section {
    let title = cx.t("Groups", "Groepen").to_string();
    let mut r = Report {
        cx,
        s,
        a,
        b: SectionBuilder::new("groups", title, cx.lang),
    };
    if let Some(d) = &a.detected {
        r.community_metrics(d);
    }
    if let Some(e) = &a.explicit {
        r.group_metrics(e);
    }
    if let Some(d) = &a.detected {
        r.community_table(d);
        r.community_chart(d);
        r.community_export(d);
    }
    if let Some(e) = &a.explicit {
        r.group_table(e);
        r.group_chart(e);
        r.group_export(e);
    }
    if let Some(d) = &a.detected {
        r.community_advice(d);
    }
    if let Some(e) = &a.explicit {
        r.group_advice(e);
    }
    r.missing();
    // The metrics compared with the previous period at the top of the report.
    r.b.headline("supported_members", Better::Higher);
    r.b.headline("group_growth", Better::Higher);
    r.b.headline("group_active_share", Better::Higher);
    r.b.headline("communities", Better::Neither);
    r.score();
    r.summary();
    r.b.finish()
}
