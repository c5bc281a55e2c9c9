//! The report model: what `report.json` holds and every template renders.
//!
//! Schema `honeycomb-report/1` (documented in `docs/report-json.md`): `meta`, `data`, `honeycomb`,
//! `summary`, `recommendations`, `sections`. Numbers are formatted here, in Rust, so the
//! templates stay free of logic.

use honeycomb_core::time::LocalClock;
use honeycomb_core::{
    BLOCKS, Chart, ChartKind, Context, Dataset, HoneycombCell, Lang, Level, Priority, Problem,
    Section, Severity,
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

/// Localised names of the seven blocks.
pub fn block_label(block: &str, lang: Lang) -> String {
    let (en, nl) = match block {
        "identity" => ("Identity", "Identiteit"),
        "conversations" => ("Conversations", "Gesprekken"),
        "sharing" => ("Sharing", "Delen"),
        "presence" => ("Presence", "Aanwezigheid"),
        "relationships" => ("Relationships", "Relaties"),
        "reputation" => ("Reputation", "Reputatie"),
        "groups" => ("Groups", "Groepen"),
        other => (other, other),
    };
    lang.pick(en, nl).to_string()
}

fn priority_label(p: Priority, lang: Lang) -> String {
    match p {
        Priority::High => lang.pick("high", "hoog"),
        Priority::Medium => lang.pick("medium", "middel"),
        Priority::Low => lang.pick("low", "laag"),
    }
    .to_string()
}

/// Ranks all recommendations: by priority (high first), then by block in the order of the
/// honeycomb (custom plugins last), then in the order the plugin gave them.
pub fn rank_recommendations(sections: &[Section], lang: Lang) -> Vec<RankedRecommendation> {
    let mut all = Vec::new();
    for (si, s) in sections.iter().enumerate() {
        for (ri, r) in s.recommendations.iter().enumerate() {
            let block_pos = BLOCKS
                .iter()
                .position(|b| *b == r.block)
                .unwrap_or(BLOCKS.len());
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
                (r.priority, block_pos, si, ri),
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
                rule: score.map(|x| x.rule.clone()).unwrap_or_default(),
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
    let date = |clock: &mut LocalClock, ts: i64| {
        let d = clock.local_day(ts);
        jiff::civil::Date::constant(1970, 1, 1)
            .checked_add(jiff::Span::new().days(d))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let span = {
        let mut it = cx.data.posts.iter().map(|p| p.created_at);
        it.next().map(|first| {
            let (lo, hi) = it.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t)));
            [date(&mut clock, lo), date(&mut clock, hi)]
        })
    };
    let period = cx
        .period
        .map(|p| [date(&mut clock, p.start), date(&mut clock, p.end - 1)]);
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

/// The executive summary: one line per analysed block, then the data caveats.
pub fn executive_summary(
    blocks: &[BlockScore],
    sections: &[Section],
    recs: &[RankedRecommendation],
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    let analysed: Vec<&BlockScore> = blocks.iter().filter(|b| b.score.is_some()).collect();
    out.push(format!(
        "{} {} {} 7 {}",
        lang.pick("This report analyses", "Dit rapport analyseert"),
        analysed.len(),
        lang.pick("of the", "van de"),
        lang.pick(
            "building blocks of social media.",
            "bouwstenen van social media."
        )
    ));
    for b in analysed {
        out.push(format!("{} ({}): {}", b.label, b.display, b.verdict));
    }
    let critical = sections
        .iter()
        .flat_map(|s| &s.findings)
        .filter(|f| f.severity == Severity::Critical)
        .count();
    if critical > 0 {
        out.push(format!(
            "{} {}",
            critical,
            if critical == 1 {
                lang.pick(
                    "finding needs action now (marked critical).",
                    "bevinding vraagt nu om actie (gemarkeerd als kritiek).",
                )
            } else {
                lang.pick(
                    "findings need action now (marked critical).",
                    "bevindingen vragen nu om actie (gemarkeerd als kritiek).",
                )
            }
        ));
    }
    if let Some(r) = recs.first() {
        out.push(format!(
            "{} {}",
            lang.pick("First thing to do:", "Eerste actie:"),
            r.action
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
