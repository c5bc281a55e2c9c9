//! `word-count`: an example honeycomb plugin, loaded at run time with
//! `honeycomb report DATA --plugin target/release/libword_count.so`.
//!
//! It measures how long the posts in the period are, in words (runs of characters between
//! whitespace), and how many are longer than `[plugins.word-count] long_post` words
//! (default 50). It is written exactly like a built-in plugin; the last line exports it.

use honeycomb_core::{
    Chart, ChartKind, Context, Metric, Plugin, PluginError, Section, Series, Table,
};

/// The plugin.
pub struct WordCount;

/// Upper bounds (inclusive) of the length buckets, in words; the last bucket is open.
const BUCKETS: [usize; 5] = [0, 5, 10, 20, 50];

fn bucket_label(i: usize) -> String {
    match i {
        0 => "0".into(),
        i if i < BUCKETS.len() => format!("{}–{}", BUCKETS[i - 1] + 1, BUCKETS[i]),
        _ => format!("{}+", BUCKETS[BUCKETS.len() - 1] + 1),
    }
}

impl Plugin for WordCount {
    fn id(&self) -> &str {
        "word-count"
    }

    fn name(&self) -> &str {
        "Word count"
    }

    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }

    fn needs(&self) -> &[&str] {
        &["posts"]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let long_post = match cx
            .plugin_config("word-count")
            .and_then(|t| t.get("long_post"))
        {
            None => 50,
            Some(v) => v.as_integer().filter(|n| *n > 0).ok_or_else(|| {
                PluginError::Config(
                    "[plugins.word-count] long_post: expected a whole number above 0".into(),
                )
            })? as usize,
        };
        let mut counts = [0u64; BUCKETS.len() + 1];
        let (mut posts, mut words, mut long) = (0u64, 0u64, 0u64);
        for i in cx.posts_in_period() {
            let n = cx.data.posts[i as usize].text.split_whitespace().count();
            posts += 1;
            words += n as u64;
            long += (n > long_post) as u64;
            let b = BUCKETS
                .iter()
                .position(|&max| n <= max)
                .unwrap_or(BUCKETS.len());
            counts[b] += 1;
        }
        if posts == 0 {
            return Err(PluginError::MissingData("no posts in the period".into()));
        }
        let mean = words as f64 / posts as f64;
        let mut s = Section::new("word-count", cx.t("Word count", "Woorden per bericht"));
        s.summary = format!(
            "{}",
            cx.t(
                &format!("The {posts} posts in the period hold {words} words, {mean:.1} per post."),
                &format!("De {posts} berichten in de periode bevatten {words} woorden, {mean:.1} per bericht."),
            )
        );
        s.metrics.push(Metric {
            key: "word-count.mean".into(),
            label: cx.t("Words per post", "Woorden per bericht").into(),
            value: Some(mean),
            display: format!("{mean:.1}"),
            unit: "words".into(),
            definition: "Words (runs of characters between whitespace) in the posts of the period / posts in the period.".into(),
        });
        let share = 100.0 * long as f64 / posts as f64;
        s.metrics.push(Metric {
            key: "word-count.long_share".into(),
            label: format!("{} (> {long_post})", cx.t("Long posts", "Lange berichten")),
            value: Some(share),
            display: format!("{share:.1}%"),
            unit: "%".into(),
            definition: format!("Posts with more than {long_post} words / posts in the period ([plugins.word-count] long_post)."),
        });
        let labels: Vec<String> = (0..counts.len()).map(bucket_label).collect();
        s.tables.push(Table {
            id: "lengths".into(),
            title: cx
                .t(
                    "Posts by length in words",
                    "Berichten naar lengte in woorden",
                )
                .into(),
            columns: vec![
                cx.t("Words", "Woorden").into(),
                cx.t("Posts", "Berichten").into(),
            ],
            numeric: vec![false, true],
            rows: labels
                .iter()
                .zip(counts)
                .map(|(l, c)| vec![l.clone(), c.to_string()])
                .collect(),
            note: None,
        });
        s.charts.push(Chart {
            id: "lengths".into(),
            title: cx.t("Posts by length", "Berichten naar lengte").into(),
            description: cx
                .t(
                    "Number of posts per length bucket, in words.",
                    "Aantal berichten per lengteklasse, in woorden.",
                )
                .into(),
            x_label: cx.t("words", "woorden").into(),
            y_label: cx.t("posts", "berichten").into(),
            kind: ChartKind::Bar {
                categories: labels,
                series: vec![Series {
                    name: cx.t("posts", "berichten").into(),
                    values: counts.iter().map(|&c| c as f64).collect(),
                }],
            },
        });
        Ok(s)
    }
}

honeycomb_core::export_plugin!(
    WordCount,
    template = include_str!("../sections/word-count.md.j2")
);
