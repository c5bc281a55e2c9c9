//! The report model: what `report.json` holds and every template renders.
//!
//! Schema `honeycomb-report/1` (documented in `docs/report-json.md`): `meta`, `data`, `honeycomb`,
//! `summary`, `recommendations`, `sections`. Numbers are formatted here, in Rust, so the
//! templates stay free of logic.

use honeycomb_core::time::LocalClock;
use honeycomb_core::{
    BLOCKS, Chart, ChartKind, Context, Dataset, HoneycombCell, Lang, Level, Priority, Problem,
    Section, Severity, block_label,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// The version tag of the JSON schema.
pub const SCHEMA: &str = "honeycomb-report/1";

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Schema tag.
    pub schema: &'static str,
    /// Title, language, period, brand.
    pub meta: Meta,
    /// What was read and what was wrong with it.
    pub data: DataOverview,
    /// The seven blocks with their scores, in the order of Kietzmann et al. (2011).
    pub honeycomb: Vec<BlockScore>,
    /// The honeycomb chart.
    pub honeycomb_chart: Chart,
    /// Executive summary, one sentence per line.
    pub summary: Vec<String>,
    /// The report period against the one before it.
    pub comparison: crate::compare::Comparison,
    /// All recommendations, ranked.
    pub recommendations: Vec<RankedRecommendation>,
    /// One section per plugin.
    pub sections: Vec<Section>,
}

/// Report metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Title.
    pub title: String,
    /// Language code.
    pub lang: Lang,
    /// IANA time zone of the audience.
    pub timezone: String,
    /// Report period as dates (`from`, `to`, inclusive), when set.
    pub period: Option<[String; 2]>,
    /// First and last post date in the data (local dates).
    pub data_span: Option<[String; 2]>,
    /// The brand's accounts, as `@handle` (or id).
    pub brand: Vec<String>,
    /// Brand entries in the config that match no account.
    pub brand_unresolved: Vec<String>,
    /// `honeycomb VERSION`.
    pub generator: String,
}

/// What was read.
#[derive(Debug, Clone, Serialize)]
pub struct DataOverview {
    /// Rows per table, with a display string.
    pub tables: Vec<TableCount>,
    /// Plain sentences about skipped rows, dangling references, ignored files.
    pub notes: Vec<String>,
    /// Rows skipped under `--lenient`, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Dangling references by kind.
    pub dangling: BTreeMap<String, u64>,
}

/// Rows of one table.
#[derive(Debug, Clone, Serialize)]
pub struct TableCount {
    /// Table name.
    pub table: String,
    /// Rows kept.
    pub rows: u64,
    /// Localised count.
    pub display: String,
}

/// One block of the honeycomb.
#[derive(Debug, Clone, Serialize)]
pub struct BlockScore {
    /// Block id.
    pub block: String,
    /// Localised block name.
    pub label: String,
    /// 0–100, or `None` when no plugin analysed it.
    pub score: Option<f64>,
    /// Score as display string (`72/100` or `–`).
    pub display: String,
    /// One-line verdict.
    pub verdict: String,
    /// How the score was computed.
    pub rule: String,
}

/// A metric cited as evidence.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Metric key.
    pub key: String,
    /// Metric label.
    pub label: String,
    /// Metric display value.
    pub display: String,
}

/// A recommendation with its place in the ranking.
#[derive(Debug, Clone, Serialize)]
pub struct RankedRecommendation {
    /// 1-based rank.
    pub rank: usize,
    /// Priority.
    pub priority: Priority,
    /// Localised priority.
    pub priority_label: String,
    /// The action.
    pub action: String,
    /// Why.
    pub why: String,
    /// The metrics behind it (resolved from the section's metrics).
    pub evidence: Vec<Evidence>,
    /// Block it strengthens.
    pub block: String,
    /// Localised name of the block.
    pub block_label: String,
    /// Section it comes from.
    pub section: String,
}

fn priority_label(p: Priority, lang: Lang) -> String {
    match p {
        Priority::High => lang.pick("high", "hoog"),
        Priority::Medium => lang.pick("medium", "middel"),
        Priority::Low => lang.pick("low", "laag"),
    }
    .to_string()
}

/// Ranks all recommendations across the plugins. The rule, in order:
///
/// 1. **Priority**: high, then medium, then low (the plugin's judgement).
/// 2. **Urgency**: advice that shares an evidence metric with a *critical* finding of its
///    section (privacy, legal, reputation at stake) first, then advice behind a *warning*,
///    then the rest.
/// 3. **Weakest block first**: advice for the block with the lowest honeycomb score comes
///    first, since that is where the strategy gains most; blocks without a score last.
/// 4. The order of the sections in the report, then the order the plugin gave.
pub fn rank_recommendations(
    sections: &[Section],
    blocks: &[BlockScore],
    lang: Lang,
) -> Vec<RankedRecommendation> {
    let mut all = Vec::new();
    for (si, s) in sections.iter().enumerate() {
        for (ri, r) in s.recommendations.iter().enumerate() {
            let urgency = s
                .findings
                .iter()
                .filter(|f| f.evidence.iter().any(|k| r.evidence.contains(k)))
                .map(|f| match f.severity {
                    Severity::Critical => 0u8,
                    Severity::Warning => 1,
                    Severity::Info => 2,
                })
                .min()
                .unwrap_or(2);
            // Scores in whole points (as shown), so the order does not hang on decimals.
            let weakness = blocks
                .iter()
                .find(|b| b.block == r.block)
                .and_then(|b| b.score)
                .map_or(101, |v| v.round() as u32);
            let evidence = r
                .evidence
                .iter()
                .map(|k| match s.metric(k) {
                    Some(m) => Evidence {
                        key: k.clone(),
                        label: m.label.clone(),
                        display: m.display.clone(),
                    },
                    None => Evidence {
                        key: k.clone(),
                        label: k.clone(),
                        display: "–".into(),
                    },
                })
                .collect();
            all.push((
                (r.priority, urgency, weakness, si, ri),
                RankedRecommendation {
                    rank: 0,
                    priority: r.priority,
                    priority_label: priority_label(r.priority, lang),
                    action: r.action.clone(),
                    why: r.why.clone(),
                    evidence,
                    block: r.block.clone(),
                    block_label: block_label(&r.block, lang),
                    section: s.id.clone(),
                },
            ));
        }
    }
    all.sort_by_key(|a| a.0);
    all.into_iter()
        .enumerate()
        .map(|(i, (_, mut r))| {
            r.rank = i + 1;
            r
        })
        .collect()
}

/// Builds the honeycomb scores from the sections whose id names a block.
pub fn honeycomb(sections: &[Section], lang: Lang) -> Vec<BlockScore> {
    BLOCKS
        .iter()
        .map(|b| {
            let s = sections.iter().find(|s| s.id == *b && s.error.is_none());
            let score = s.and_then(|s| s.score.as_ref());
            BlockScore {
                block: b.to_string(),
                label: block_label(b, lang),
                score: score.map(|x| x.value.clamp(0.0, 100.0)),
                display: score.map_or("–".into(), |x| {
                    format!("{}/100", lang.num(x.value.clamp(0.0, 100.0), 0))
                }),
                verdict: match (s, score) {
                    (_, Some(x)) => x.verdict.clone(),
                    (Some(s), None) if s.unscored.is_some() => lang
                        .pick("not enough data to judge", "te weinig data om te oordelen")
                        .into(),
                    (Some(_), None) => lang
                        .pick("analysed, no score", "geanalyseerd, geen score")
                        .into(),
                    (None, None) => lang
                        .pick(
                            "not analysed in this report",
                            "niet geanalyseerd in dit rapport",
                        )
                        .into(),
                },
                // Without a score, the rule line says why (the plugin's reason).
                rule: score
                    .map(|x| x.rule.clone())
                    .or_else(|| s.and_then(|s| s.unscored.clone()))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The honeycomb chart: identity in the centre, the other six around it.
pub fn honeycomb_chart(blocks: &[BlockScore], lang: Lang) -> Chart {
    let analysed: Vec<String> = blocks
        .iter()
        .map(|b| {
            format!(
                "{} {}",
                b.label,
                b.score.map_or("–".to_string(), |s| lang.num(s, 0))
            )
        })
        .collect();
    Chart {
        id: "honeycomb".into(),
        title: lang
            .pick("The social-media honeycomb", "De social-media-honingraat")
            .into(),
        description: format!(
            "{}: {}.",
            lang.pick(
                "Score per building block (0–100, Kietzmann et al. 2011)",
                "Score per bouwsteen (0–100, Kietzmann e.a. 2011)"
            ),
            analysed.join(", ")
        ),
        x_label: String::new(),
        y_label: String::new(),
        kind: ChartKind::Honeycomb {
            cells: blocks
                .iter()
                .map(|b| HoneycombCell {
                    block: b.block.clone(),
                    label: b.label.clone(),
                    score: b.score,
                })
                .collect(),
        },
    }
}

/// Plain sentences about what loading noticed.
pub fn data_overview(data: &Dataset, problems: &[Problem], lang: Lang) -> DataOverview {
    let s = &data.summary;
    let mut notes = Vec::new();
    let skipped_total: u64 = s.skipped.values().sum();
    if skipped_total > 0 {
        let reasons: Vec<String> = s
            .skipped
            .iter()
            .map(|(k, v)| format!("{} × {k}", lang.int(*v)))
            .collect();
        notes.push(format!(
            "{} {} ({}).",
            lang.int(skipped_total),
            match (skipped_total == 1, lang) {
                (true, Lang::En) => "row could not be read and was skipped (--lenient)",
                (false, Lang::En) => "rows could not be read and were skipped (--lenient)",
                (true, Lang::Nl) => "rij kon niet worden gelezen en is overgeslagen (--lenient)",
                (false, Lang::Nl) =>
                    "rijen konden niet worden gelezen en zijn overgeslagen (--lenient)",
            },
            reasons.join(", ")
        ));
        for p in problems.iter().filter(|p| p.level == Level::Error).take(10) {
            notes.push(p.to_string());
        }
    }
    for (k, v) in &s.dangling {
        notes.push(format!(
            "{} {} `{k}` {}",
            lang.int(*v),
            match (*v == 1, lang) {
                (true, Lang::En) => "reference in",
                (false, Lang::En) => "references in",
                (true, Lang::Nl) => "verwijzing in",
                (false, Lang::Nl) => "verwijzingen in",
            },
            match (*v == 1, lang) {
                (true, Lang::En) => "points at something that is not in the data.",
                (false, Lang::En) => "point at something that is not in the data.",
                (true, Lang::Nl) => "wijst naar iets dat niet in de data staat.",
                (false, Lang::Nl) => "wijzen naar iets dat niet in de data staat.",
            }
        ));
    }
    if s.implicit_accounts > 0 && data.has_table(honeycomb_core::TableKind::Accounts) {
        notes.push(format!(
            "{} {}",
            lang.int(s.implicit_accounts),
            match (s.implicit_accounts == 1, lang) {
                (true, Lang::En) => "account appears in the data but not in the accounts table; it was added without a profile.",
                (false, Lang::En) => "accounts appear in the data but not in the accounts table; they were added without a profile.",
                (true, Lang::Nl) => "account komt in de data voor maar niet in de accounts-tabel; het is zonder profiel toegevoegd.",
                (false, Lang::Nl) => "accounts komen in de data voor maar niet in de accounts-tabel; ze zijn zonder profiel toegevoegd.",
            }
        ));
    }
    if !s.ignored_files.is_empty() {
        notes.push(format!(
            "{} {}",
            lang.pick(
                "Files ignored (not a known table):",
                "Genegeerde bestanden (geen bekende tabel):"
            ),
            s.ignored_files.join(", ")
        ));
    }
    for (t, cols) in &s.extra_columns {
        notes.push(format!(
            "{} {t}: {}",
            lang.pick("Extra columns kept in", "Extra kolommen bewaard in"),
            cols.join(", ")
        ));
    }
    DataOverview {
        tables: s
            .rows
            .iter()
            .map(|(t, n)| TableCount {
                table: t.clone(),
                rows: *n,
                display: lang.int(*n),
            })
            .collect(),
        notes,
        skipped: s.skipped.clone(),
        dangling: s.dangling.clone(),
    }
}

/// Metadata of the report.
pub fn meta(cx: &Context<'_>, title: Option<&str>) -> Meta {
    let lang = cx.lang;
    let mut clock = LocalClock::new(cx.tz.clone());
    let span = {
        let mut it = cx.data.posts.iter().map(|p| p.created_at);
        it.next().map(|first| {
            let (lo, hi) = it.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t)));
            [clock.local_date(lo), clock.local_date(hi)]
        })
    };
    let period = cx
        .period
        .map(|p| [clock.local_date(p.start), clock.local_date(p.end - 1)]);
    Meta {
        title: title
            .map(str::to_string)
            .or_else(|| cx.config.report.title.clone())
            .unwrap_or_else(|| {
                lang.pick(
                    "Social-media strategy report",
                    "Social-media-strategierapport",
                )
                .into()
            }),
        lang,
        timezone: cx.tz.iana_name().unwrap_or("UTC").to_string(),
        period,
        data_span: span,
        brand: cx
            .brand()
            .iter()
            .map(|&a| cx.data.account_label(a))
            .collect(),
        brand_unresolved: cx.brand_unresolved().to_vec(),
        generator: format!("honeycomb {}", env!("CARGO_PKG_VERSION")),
    }
}

/// The executive summary, in plain sentences: what the report covers, the strongest and the
/// weakest block, what needs action now, what changed since the previous period, the first
/// three actions, and what could not be analysed.
pub fn executive_summary(
    cx: &Context<'_>,
    blocks: &[BlockScore],
    sections: &[Section],
    recs: &[RankedRecommendation],
    comparison: &crate::compare::Comparison,
) -> Vec<String> {
    let lang = cx.lang;
    let mut out = Vec::new();
    // One pass over the period: posts, distinct authors, the brand's posts.
    let (mut posts, mut brand_posts) = (0u64, 0u64);
    let mut wrote = vec![false; cx.data.accounts.len()];
    for p in cx.posts_in_period() {
        let author = cx.data.posts[p as usize].author;
        posts += 1;
        brand_posts += cx.is_brand(author) as u64;
        if let Some(w) = wrote.get_mut(author as usize) {
            *w = true;
        }
    }
    let authors = wrote.iter().filter(|&&w| w).count() as u64;
    let analysed: Vec<&BlockScore> = blocks.iter().filter(|b| b.score.is_some()).collect();
    let (posts_s, accounts_s, n) = (
        lang.count(posts, ("post", "posts"), ("post", "posts")),
        lang.count(authors, ("account", "accounts"), ("account", "accounts")),
        analysed.len(),
    );
    let scope = match lang {
        Lang::En => format!(
            "This report reads {posts_s} by {accounts_s} and scores {n} of the 7 building blocks of social media."
        ),
        Lang::Nl => format!(
            "Dit rapport leest {posts_s} van {accounts_s} en geeft {n} van de 7 bouwstenen van social media een score."
        ),
    };
    out.push(scope);
    if !cx.brand().is_empty() {
        out.push(match lang {
            Lang::En => format!(
                "{} of them are yours ({}).",
                lang.int(brand_posts),
                lang.pct(brand_posts as f64 / posts.max(1) as f64, 1)
            ),
            Lang::Nl => format!(
                "Daarvan zijn er {} van jou ({}).",
                lang.int(brand_posts),
                lang.pct(brand_posts as f64 / posts.max(1) as f64, 1)
            ),
        });
    }
    let strongest = analysed.iter().max_by(|a, b| {
        a.score
            .unwrap_or(0.0)
            .total_cmp(&b.score.unwrap_or(0.0))
            .then_with(|| b.block.cmp(&a.block))
    });
    let weakest = analysed.iter().min_by(|a, b| {
        a.score
            .unwrap_or(0.0)
            .total_cmp(&b.score.unwrap_or(0.0))
            .then_with(|| a.block.cmp(&b.block))
    });
    if let (Some(s), Some(w)) = (strongest, weakest)
        && s.block != w.block
    {
        out.push(format!(
            "{} {} ({}): {}",
            lang.pick("Strongest block:", "Sterkste bouwsteen:"),
            s.label,
            s.display,
            s.verdict
        ));
        out.push(format!(
            "{} {} ({}): {}",
            lang.pick("Weakest block:", "Zwakste bouwsteen:"),
            w.label,
            w.display,
            w.verdict
        ));
    }
    let critical = sections
        .iter()
        .flat_map(|s| &s.findings)
        .filter(|f| f.severity == Severity::Critical)
        .count() as u64;
    if critical > 0 {
        out.push(match lang {
            Lang::En => format!(
                "{} {} action now (marked critical).",
                lang.count(critical, ("finding", "findings"), ("", "")),
                if critical == 1 { "needs" } else { "need" }
            ),
            Lang::Nl => format!(
                "{} om actie (gemarkeerd als kritiek).",
                lang.count(
                    critical,
                    ("", ""),
                    ("bevinding vraagt nu", "bevindingen vragen nu")
                )
            ),
        });
    }
    match comparison.status {
        "compared" | "partial" => {
            let (better, worse) = crate::compare::notable(comparison);
            let list = |rows: &[&crate::compare::DeltaRow]| {
                let items: Vec<String> = rows
                    .iter()
                    .map(|r| {
                        format!(
                            "{} ({}; {} {}, {})",
                            r.label.to_lowercase(),
                            r.block_label,
                            lang.pick("now", "nu"),
                            r.current_short,
                            r.words
                        )
                    })
                    .collect();
                lang.join_and(&items)
            };
            let since = comparison
                .previous
                .as_ref()
                .map(|p| format!("{} – {}", p[0], p[1]))
                .unwrap_or_default();
            if better.is_empty() && worse.is_empty() {
                out.push(match lang {
                    Lang::En => format!("Since the previous period ({since}) the headline figures did not change much."),
                    Lang::Nl => format!("Sinds de vorige periode ({since}) veranderden de kerncijfers weinig."),
                });
            } else {
                if !better.is_empty() {
                    out.push(format!(
                        "{} ({since}): {}.",
                        lang.pick(
                            "Better than the previous period",
                            "Beter dan de vorige periode"
                        ),
                        list(&better)
                    ));
                }
                if !worse.is_empty() {
                    out.push(format!(
                        "{} ({since}): {}.",
                        lang.pick(
                            "Worse than the previous period",
                            "Slechter dan de vorige periode"
                        ),
                        list(&worse)
                    ));
                }
            }
            if comparison.status == "partial" {
                out.push(
                    lang.pick(
                        "The previous period is only partly in the data: read the changes with care.",
                        "De vorige periode zit maar deels in de data: lees de verschillen met zorg.",
                    )
                    .into(),
                );
            }
        }
        _ => {}
    }
    let first: Vec<String> = recs
        .iter()
        .take(3)
        .map(|r| format!("{} ({})", r.action.trim_end_matches('.'), r.block_label))
        .collect();
    match first.len() {
        0 => {}
        1 => out.push(format!(
            "{} {}.",
            lang.pick("First thing to do:", "Eerste actie:"),
            first[0]
        )),
        _ => out.push(format!(
            "{} {}.",
            lang.pick("First things to do:", "Eerste acties:"),
            first
                .iter()
                .enumerate()
                .map(|(i, a)| format!("({}) {a}", i + 1))
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
    let missing: Vec<String> = blocks
        .iter()
        .filter(|b| b.score.is_none())
        .map(|b| b.label.clone())
        .collect();
    if !missing.is_empty() {
        out.push(format!(
            "{} {}.",
            lang.pick("Not scored in this report:", "Geen score in dit rapport:"),
            lang.join_and(&missing)
        ));
    }
    let failed: Vec<&str> = sections
        .iter()
        .filter(|s| s.error.is_some())
        .map(|s| s.title.as_str())
        .collect();
    if !failed.is_empty() {
        out.push(format!(
            "{} {}",
            lang.pick("Failed sections:", "Mislukte secties:"),
            failed.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use honeycomb_core::{Finding, Metric, Recommendation, Score};

    fn section(
        id: &str,
        score: f64,
        recs: &[(&str, Priority, &str)],
        critical: &[&str],
    ) -> Section {
        let mut s = Section::new(id, id);
        s.score = Some(Score {
            value: score,
            rule: "r".into(),
            verdict: "v".into(),
        });
        for (action, priority, key) in recs {
            let key = format!("{id}.{key}");
            if s.metric(&key).is_none() {
                s.metrics.push(Metric {
                    key: key.clone(),
                    label: key.clone(),
                    value: Some(1.0),
                    display: "1".into(),
                    unit: String::new(),
                    definition: String::new(),
                });
            }
            s.recommendations.push(Recommendation {
                priority: *priority,
                action: action.to_string(),
                why: String::new(),
                evidence: vec![key],
                block: id.into(),
            });
        }
        for k in critical {
            s.findings.push(Finding {
                severity: Severity::Critical,
                text: String::new(),
                evidence: vec![format!("{id}.{k}")],
            });
        }
        s
    }

    #[test]
    fn ranking_follows_priority_urgency_then_the_weakest_block() {
        let sections = vec![
            // Identity scores 80: its high advice behind a critical finding still comes first.
            section(
                "identity",
                80.0,
                &[
                    ("id-low", Priority::Low, "a"),
                    ("id-leak", Priority::High, "leak"),
                ],
                &["leak"],
            ),
            // Conversations scores 40, sharing 60: among the plain high advice, the weakest
            // block first; medium after all high.
            section(
                "conversations",
                40.0,
                &[
                    ("conv-med", Priority::Medium, "b"),
                    ("conv-high", Priority::High, "c"),
                ],
                &[],
            ),
            section("sharing", 60.0, &[("share-high", Priority::High, "d")], &[]),
        ];
        let blocks = honeycomb(&sections, Lang::En);
        let ranked = rank_recommendations(&sections, &blocks, Lang::En);
        let order: Vec<(&str, usize)> =
            ranked.iter().map(|r| (r.action.as_str(), r.rank)).collect();
        assert_eq!(
            order,
            [
                ("id-leak", 1),
                ("conv-high", 2),
                ("share-high", 3),
                ("conv-med", 4),
                ("id-low", 5)
            ]
        );
        assert_eq!(ranked[0].evidence[0].key, "identity.leak");
        assert_eq!(ranked[0].block_label, "Identity");
    }
}
