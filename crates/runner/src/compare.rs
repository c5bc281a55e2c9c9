//! Period comparison: the report period against the period of the same number of days right
//! before it ([`honeycomb_core::Period::previous`]).
//!
//! The runner runs every plugin a second time on the previous period and compares, per block,
//! the honeycomb score and the block's headline metrics ([`Section::headline`]; without any,
//! the first three metrics with a value). A change is stated
//!
//! - in **percentage points** for metrics whose unit is `%` (a response rate from 40% to 45%
//!   is "up 5.0 percentage points", not "up 12.5%"),
//! - in **points** for the 0–100 block scores,
//! - otherwise **relative to the previous value** ((now − before) ÷ |before|, in %), or as the
//!   plain difference when the previous value was 0.
//!
//! A change smaller than half the last shown digit (0.05 points, 0.5%) counts as unchanged.
//! Whether a change is better or worse comes from the plugin's [`Better`] for that metric
//! (scores: higher is better); metrics marked [`Better::Neither`] are not judged.

use honeycomb_core::{Better, Lang, Metric, Section, block_label};
use serde::Serialize;

/// What the previous period gave.
#[derive(Debug)]
pub enum Baseline {
    /// No report period: nothing to compare with.
    NoPeriod,
    /// The previous period (local dates, inclusive) has no posts in the data.
    NoData {
        /// `[from, to]`.
        previous: [String; 2],
    },
    /// The plugins ran on the previous period.
    Ran {
        /// `[from, to]`.
        previous: [String; 2],
        /// Its length in local days.
        days: i64,
        /// The data starts inside the previous period (its first local date), if it does.
        partial_from: Option<String>,
        /// The sections of that run.
        sections: Vec<Section>,
    },
}

/// The comparison shown at the top of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// `compared`, `partial` (the data covers only part of the previous period), `no-data`
    /// or `no-period`.
    pub status: &'static str,
    /// The report period `[from, to]`, when set.
    pub current: Option<[String; 2]>,
    /// The previous period `[from, to]`, when there is a report period.
    pub previous: Option<[String; 2]>,
    /// One plain sentence on what is compared, or why nothing is.
    pub note: String,
    /// Score and headline metrics per block, blocks in report order.
    pub rows: Vec<DeltaRow>,
}

/// One compared quantity.
#[derive(Debug, Clone, Serialize)]
pub struct DeltaRow {
    /// Section id.
    pub section: String,
    /// Localised block (or section) name.
    pub block_label: String,
    /// Metric key, or `<section>.score` for the block score.
    pub key: String,
    /// Metric label.
    pub label: String,
    /// Value in the previous period.
    pub previous: Option<f64>,
    /// Value in the report period.
    pub current: Option<f64>,
    /// Display string in the previous period.
    pub previous_display: String,
    /// Display string in the report period.
    pub current_display: String,
    /// The previous value in a few characters (`38.8%`, `12.6 h`, `1,472`), for tables.
    pub previous_short: String,
    /// The current value in a few characters.
    pub current_short: String,
    /// The change in `change_unit`; `None` when either value is missing.
    pub change: Option<f64>,
    /// `pp` (percentage points), `points` (score), `%` (relative) or `` (plain difference).
    pub change_unit: &'static str,
    /// `up`, `down`, `same` or `none` (not comparable).
    pub direction: &'static str,
    /// `better`, `worse`, `neutral` (unchanged or not judged) or `none`.
    pub assessment: &'static str,
    /// The change in words, for Markdown: "up 5.0 percentage points (better)".
    pub words: String,
    /// The change with an arrow, for HTML: "▲ +5.0 pp · better".
    pub arrow: String,
}

/// The metrics compared for a section: its headline list, else its first three metrics
/// with a value (higher not judged).
fn headline_metrics(s: &Section) -> Vec<(&Metric, Better, bool)> {
    if s.headline.is_empty() {
        return s
            .metrics
            .iter()
            .filter(|m| m.value.is_some())
            .take(3)
            .map(|m| (m, Better::Neither, false))
            .collect();
    }
    s.headline
        .iter()
        .filter_map(|h| s.metric(&h.key).map(|m| (m, h.better, h.difference)))
        .collect()
}

/// The change between two values, with its unit.
fn change(prev: f64, cur: f64, unit: &str, score: bool, plain: bool) -> (f64, &'static str) {
    if score {
        (cur - prev, "points")
    } else if unit == "%" {
        (cur - prev, "pp")
    } else if prev != 0.0 && !plain {
        ((cur - prev) / prev.abs() * 100.0, "%")
    } else {
        (cur - prev, "")
    }
}

/// A value in a few characters: `%` with one decimal, seconds as a duration, scores out of
/// 100, whole numbers grouped, other numbers with two decimals.
fn short(v: Option<f64>, unit: &str, score: bool, lang: Lang) -> String {
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return "–".into();
    };
    if score {
        format!("{}/100", lang.num(v, 0))
    } else if unit == "%" {
        format!("{}%", lang.num(v, 1))
    } else if unit == "s" {
        lang.duration(v)
    } else if v.fract() == 0.0 {
        lang.num(v, 0)
    } else {
        lang.num(v, 2)
    }
}

/// Direction with the "unchanged" threshold of the module doc.
fn direction(delta: f64, unit: &str) -> &'static str {
    let eps = if unit == "%" { 0.5 } else { 0.05 };
    if delta.abs() < eps {
        "same"
    } else if delta > 0.0 {
        "up"
    } else {
        "down"
    }
}

fn assessment(direction: &str, better: Better) -> &'static str {
    match (direction, better) {
        ("none", _) => "none",
        ("same", _) | (_, Better::Neither) => "neutral",
        ("up", Better::Higher) | ("down", Better::Lower) => "better",
        _ => "worse",
    }
}

/// The amount of a change with its unit, e.g. `5.0 percentage points`, `12%`, `3 points`.
fn amount(delta: f64, unit: &str, short: bool, lang: Lang) -> String {
    let a = delta.abs();
    match unit {
        "pp" if short => format!("{} pp", lang.num(a, 1)),
        "pp" => format!(
            "{} {}",
            lang.num(a, 1),
            lang.pick("percentage points", "procentpunt")
        ),
        "points" => format!("{} {}", lang.num(a, 0), lang.pick("points", "punten")),
        "%" => format!("{}%", lang.num(a, if a < 10.0 { 1 } else { 0 })),
        _ => lang.num(a, if a.fract() == 0.0 { 0 } else { 2 }),
    }
}

fn judged(assessment: &str, lang: Lang) -> &'static str {
    match assessment {
        "better" => lang.pick("better", "beter"),
        "worse" => lang.pick("worse", "slechter"),
        _ => "",
    }
}

fn words(delta: f64, unit: &str, dir: &str, assess: &str, lang: Lang) -> String {
    let base = match dir {
        "none" => return lang.pick("not comparable", "niet te vergelijken").into(),
        "same" => return lang.pick("unchanged", "gelijk").into(),
        "up" => format!(
            "{} {}",
            lang.pick("up", "omhoog"),
            amount(delta, unit, false, lang)
        ),
        _ => format!(
            "{} {}",
            lang.pick("down", "omlaag"),
            amount(delta, unit, false, lang)
        ),
    };
    match judged(assess, lang) {
        "" => base,
        j => format!("{base} ({j})"),
    }
}

fn arrow(delta: f64, unit: &str, dir: &str, assess: &str, lang: Lang) -> String {
    let base = match dir {
        "none" => return "–".into(),
        "same" => return format!("= {}", lang.pick("unchanged", "gelijk")),
        "up" => format!("▲ +{}", amount(delta, unit, true, lang)),
        _ => format!("▼ −{}", amount(delta, unit, true, lang)),
    };
    match judged(assess, lang) {
        "" => base,
        j => format!("{base} · {j}"),
    }
}

#[allow(clippy::too_many_arguments)]
fn row(
    section: &Section,
    key: String,
    label: String,
    prev: (Option<f64>, String),
    cur: (Option<f64>, String),
    unit: &str,
    (score, plain): (bool, bool),
    better: Better,
    lang: Lang,
) -> DeltaRow {
    let (delta, change_unit, dir) = match (prev.0, cur.0) {
        (Some(p), Some(c)) if p.is_finite() && c.is_finite() => {
            let (d, u) = change(p, c, unit, score, plain);
            (Some(d), u, direction(d, u))
        }
        _ => (None, "", "none"),
    };
    let assess = assessment(dir, better);
    let d = delta.unwrap_or(0.0);
    DeltaRow {
        section: section.id.clone(),
        block_label: section_label(section, lang),
        key,
        label,
        previous: prev.0,
        current: cur.0,
        previous_short: short(prev.0, unit, score, lang),
        current_short: short(cur.0, unit, score, lang),
        previous_display: prev.1,
        current_display: cur.1,
        change: delta,
        change_unit,
        direction: dir,
        assessment: assess,
        words: words(d, change_unit, dir, assess, lang),
        arrow: arrow(d, change_unit, dir, assess, lang),
    }
}

fn section_label(s: &Section, lang: Lang) -> String {
    if honeycomb_core::BLOCKS.contains(&s.id.as_str()) {
        block_label(&s.id, lang)
    } else {
        s.title.clone()
    }
}

/// Compares the report's sections with the baseline's.
pub fn compare(
    sections: &[Section],
    current: Option<[String; 2]>,
    baseline: &Baseline,
    lang: Lang,
) -> Comparison {
    let (status, previous, before) = match baseline {
        Baseline::NoPeriod => {
            return Comparison {
                status: "no-period",
                current,
                previous: None,
                note: lang
                    .pick(
                        "No comparison: the report covers all the data. Set a report period (--period FROM..TO or [report] period) to compare it with the period of the same length before it.",
                        "Geen vergelijking: het rapport beslaat alle data. Kies een rapportperiode (--period VAN..TOT of [report] period) om die te vergelijken met de even lange periode ervoor.",
                    )
                    .into(),
                rows: Vec::new(),
            };
        }
        Baseline::NoData { previous } => {
            return Comparison {
                status: "no-data",
                current,
                previous: Some(previous.clone()),
                note: match lang {
                    Lang::En => format!(
                        "No comparison: the data has no posts in the period before this one ({} – {}). Add the export for that period, or choose a later report period.",
                        previous[0], previous[1]
                    ),
                    Lang::Nl => format!(
                        "Geen vergelijking: de data heeft geen posts in de periode hiervoor ({} – {}). Voeg de export van die periode toe, of kies een latere rapportperiode.",
                        previous[0], previous[1]
                    ),
                },
                rows: Vec::new(),
            };
        }
        Baseline::Ran {
            previous,
            days,
            partial_from,
            sections,
        } => (
            if partial_from.is_some() {
                "partial"
            } else {
                "compared"
            },
            previous.clone(),
            (*days, partial_from.clone().unwrap_or_default(), sections),
        ),
    };
    let (days, partial_from, before) = before;
    let mut rows = Vec::new();
    for s in sections.iter().filter(|s| s.error.is_none()) {
        let Some(b) = before.iter().find(|b| b.id == s.id && b.error.is_none()) else {
            continue;
        };
        if let Some(score) = &s.score {
            let prev = b.score.as_ref().map(|x| x.value);
            let show =
                |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{}/100", lang.num(v, 0)));
            rows.push(row(
                s,
                format!("{}.score", s.id),
                lang.pick("Score", "Score").into(),
                (prev, show(prev)),
                (Some(score.value), show(Some(score.value))),
                "",
                (true, false),
                Better::Higher,
                lang,
            ));
        }
        for (m, better, plain) in headline_metrics(s) {
            let pm = b.metric(&m.key);
            rows.push(row(
                s,
                m.key.clone(),
                m.label.clone(),
                (
                    pm.and_then(|p| p.value),
                    pm.map_or("–".to_string(), |p| p.display.clone()),
                ),
                (m.value, m.display.clone()),
                &m.unit,
                (false, plain),
                better,
                lang,
            ));
        }
    }
    let (from, to) = (&previous[0], &previous[1]);
    let note = match (lang, status) {
        (Lang::En, "partial") => format!(
            "Compared with the {days} days before ({from} – {to}). The data only starts on {partial_from}, so the previous period is not complete: read the changes with care."
        ),
        (Lang::Nl, "partial") => format!(
            "Vergeleken met de {days} dagen ervoor ({from} – {to}). De data begint pas op {partial_from}, dus de vorige periode is niet compleet: lees de verschillen met zorg."
        ),
        (Lang::En, _) => format!(
            "Compared with the {days} days before ({from} – {to}): the same plugins on that period's data."
        ),
        (Lang::Nl, _) => format!(
            "Vergeleken met de {days} dagen ervoor ({from} – {to}): dezelfde plugins op de data van die periode."
        ),
    };
    Comparison {
        status,
        current,
        previous: Some(previous),
        note,
        rows,
    }
}

/// The rows worth a sentence in the summary: the two largest judged changes each way,
/// `(better, worse)`.
pub fn notable(c: &Comparison) -> (Vec<&DeltaRow>, Vec<&DeltaRow>) {
    let size = |r: &DeltaRow| match r.change_unit {
        "%" => r.change.unwrap_or(0.0).abs() / 10.0,
        _ => r.change.unwrap_or(0.0).abs(),
    };
    let mut better: Vec<&DeltaRow> = c.rows.iter().filter(|r| r.assessment == "better").collect();
    let mut worse: Vec<&DeltaRow> = c.rows.iter().filter(|r| r.assessment == "worse").collect();
    for v in [&mut better, &mut worse] {
        v.sort_by(|a, b| size(b).total_cmp(&size(a)).then_with(|| a.key.cmp(&b.key)));
        v.truncate(2);
    }
    (better, worse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use honeycomb_core::{Headline, Score};

    fn section(rate: f64, time: f64, threads: f64, score: f64) -> Section {
        let mut s = Section::new("conversations", "Conversations");
        s.score = Some(Score {
            value: score,
            rule: String::new(),
            verdict: String::new(),
        });
        for (k, v, unit) in [
            ("conversations.response_rate", rate, "%"),
            ("conversations.response_time", time, "s"),
            ("conversations.threads", threads, ""),
        ] {
            s.metrics.push(Metric {
                key: k.into(),
                label: k.into(),
                value: Some(v),
                display: format!("{v}"),
                unit: unit.into(),
                definition: String::new(),
            });
        }
        for (k, better) in [
            ("conversations.response_rate", Better::Higher),
            ("conversations.response_time", Better::Lower),
            ("conversations.threads", Better::Neither),
        ] {
            s.headline.push(Headline {
                key: k.into(),
                better,
                difference: false,
            });
        }
        s
    }

    fn baseline(s: Section) -> Baseline {
        Baseline::Ran {
            previous: ["2026-01-29".into(), "2026-02-28".into()],
            days: 31,
            partial_from: None,
            sections: vec![s],
        }
    }

    #[test]
    fn changes_by_hand() {
        // Response rate 40% → 45%: +5 percentage points, better. Response time 3600 s →
        // 5400 s: +50%, worse (lower is better). Threads 0 → 7: +7, not judged. Score 50 → 48:
        // −2 points, worse.
        let c = compare(
            &[section(45.0, 5400.0, 7.0, 48.0)],
            Some(["2026-03-01".into(), "2026-03-31".into()]),
            &baseline(section(40.0, 3600.0, 0.0, 50.0)),
            Lang::En,
        );
        assert_eq!(c.status, "compared");
        assert!(
            c.note.contains("31 days before (2026-01-29 – 2026-02-28)"),
            "{}",
            c.note
        );
        let r: Vec<(&str, Option<f64>, &str, &str, &str)> = c
            .rows
            .iter()
            .map(|r| {
                (
                    r.key.as_str(),
                    r.change,
                    r.change_unit,
                    r.assessment,
                    r.words.as_str(),
                )
            })
            .collect();
        assert_eq!(
            r,
            [
                (
                    "conversations.score",
                    Some(-2.0),
                    "points",
                    "worse",
                    "down 2 points (worse)"
                ),
                (
                    "conversations.response_rate",
                    Some(5.0),
                    "pp",
                    "better",
                    "up 5.0 percentage points (better)"
                ),
                (
                    "conversations.response_time",
                    Some(50.0),
                    "%",
                    "worse",
                    "up 50% (worse)"
                ),
                ("conversations.threads", Some(7.0), "", "neutral", "up 7"),
            ]
        );
        assert_eq!(c.rows[1].arrow, "▲ +5.0 pp · better");
        assert_eq!(
            (
                c.rows[1].previous_short.as_str(),
                c.rows[1].current_short.as_str()
            ),
            ("40.0%", "45.0%")
        );
        assert_eq!(c.rows[2].current_short, "1.5 h");
        assert_eq!(c.rows[0].previous_short, "50/100");
        assert_eq!(c.rows[0].arrow, "▼ −2 points · worse");
        let (better, worse) = notable(&c);
        assert_eq!(better[0].key, "conversations.response_rate");
        assert_eq!(worse[0].key, "conversations.response_time");
    }

    #[test]
    fn small_changes_are_unchanged_and_dutch_words() {
        let c = compare(
            &[section(40.04, 3610.0, 7.0, 50.0)],
            None,
            &baseline(section(40.0, 3600.0, 7.0, 50.0)),
            Lang::Nl,
        );
        let words: Vec<&str> = c.rows.iter().map(|r| r.words.as_str()).collect();
        assert_eq!(words, ["gelijk", "gelijk", "gelijk", "gelijk"]);
        assert!(c.rows.iter().all(|r| r.assessment == "neutral"));
        let c = compare(
            &[section(50.0, 1800.0, 7.0, 60.0)],
            None,
            &baseline(section(40.0, 3600.0, 7.0, 50.0)),
            Lang::Nl,
        );
        assert_eq!(c.rows[1].words, "omhoog 10,0 procentpunt (beter)");
        assert_eq!(c.rows[2].words, "omlaag 50% (beter)");
    }

    #[test]
    fn missing_values_and_no_baseline() {
        let mut prev = section(40.0, 3600.0, 7.0, 50.0);
        prev.metrics[0].value = None;
        let c = compare(
            &[section(45.0, 3600.0, 7.0, 50.0)],
            None,
            &baseline(prev),
            Lang::En,
        );
        assert_eq!(c.rows[1].direction, "none");
        assert_eq!(c.rows[1].words, "not comparable");
        let c = compare(
            &[section(45.0, 3600.0, 7.0, 50.0)],
            None,
            &Baseline::NoPeriod,
            Lang::En,
        );
        assert_eq!(c.status, "no-period");
        assert!(c.rows.is_empty());
        assert!(c.note.contains("--period"));
    }
}
