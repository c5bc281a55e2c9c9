//! The `Section` model: everything a plugin hands to the report.
//!
//! Plugins compute, they never format markup: a `Section` is plain data (serde), and every
//! template prints from it. Numbers arrive twice, as a raw value for machines (`report.json`)
//! and as a localised display string for people, so templates need no logic.

use serde::{Deserialize, Serialize};

/// One building block's (or custom plugin's) part of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Section {
    /// Stable, lowercase id of the plugin that made it, e.g. `presence`.
    pub id: String,
    /// Heading shown in the report.
    pub title: String,
    /// One plain-language paragraph: what the data says.
    pub summary: String,
    /// The 0–100 score drawn in the honeycomb chart, with the rule that produced it.
    #[serde(default)]
    pub score: Option<Score>,
    /// Why there is no score although the plugin ran: the data is not enough to judge the
    /// block (shown as the block's verdict, "not enough data to judge: …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unscored: Option<String>,
    /// Headline metrics, each with its definition.
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// The few metrics (keys into `metrics`) that sum the block up: compared with the previous
    /// period at the top of the report. Without any, the runner compares the first three
    /// metrics that have a value.
    #[serde(default)]
    pub headline: Vec<Headline>,
    /// Tables shown in the report.
    #[serde(default)]
    pub tables: Vec<Table>,
    /// Chart specifications; the runner draws them as SVG.
    #[serde(default)]
    pub charts: Vec<Chart>,
    /// Observations worth a reader's attention.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// What to do, with the metric keys that are its evidence.
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    /// What could not be computed and which table or column would enable it.
    #[serde(default)]
    pub missing: Vec<Missing>,
    /// Per-entity columns for `metrics/accounts.csv` and `metrics/posts.csv`.
    /// Not part of `report.json` (the runner empties it there).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entity_columns: Vec<EntityColumn>,
    /// Extra analyst tables written as `metrics/<id>.csv` (one row per thread, cascade, …).
    /// Not part of `report.json` (the runner empties it there).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<Table>,
    /// Large analyst tables kept by column, written as `metrics/<id>.csv` like `exports` but
    /// without a string per cell (one row per thread or cascade can mean a million rows).
    /// Not part of `report.json` (the runner empties it there).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frames: Vec<Frame>,
    /// Network files to write (GEXF, GraphML). Not part of `report.json`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub graph_exports: Vec<GraphExport>,
    /// Set by the runner when the plugin failed: the error message shown in its box.
    #[serde(default)]
    pub error: Option<String>,
}

impl Section {
    /// An empty section with an id and a title.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Section {
            id: id.into(),
            title: title.into(),
            summary: String::new(),
            score: None,
            unscored: None,
            metrics: Vec::new(),
            headline: Vec::new(),
            tables: Vec::new(),
            charts: Vec::new(),
            findings: Vec::new(),
            recommendations: Vec::new(),
            missing: Vec::new(),
            entity_columns: Vec::new(),
            exports: Vec::new(),
            frames: Vec::new(),
            graph_exports: Vec::new(),
            error: None,
        }
    }

    /// The section a failed plugin leaves behind: its error in a box.
    pub fn failed(
        id: impl Into<String>,
        title: impl Into<String>,
        error: impl Into<String>,
    ) -> Self {
        let mut s = Section::new(id, title);
        s.error = Some(error.into());
        s
    }

    /// Looks a metric up by key.
    pub fn metric(&self, key: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.key == key)
    }
}

/// A 0–100 score for the honeycomb chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// 0 (absent) to 100 (strong).
    pub value: f64,
    /// How the value was computed, in a sentence.
    pub rule: String,
    /// A one-line verdict for the block.
    pub verdict: String,
}

/// One measured quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// Stable key, unique in its section, referenced by recommendations (`presence.best_slot_share`).
    pub key: String,
    /// Short label for people.
    pub label: String,
    /// Raw value; `None` when the data cannot give it (see `display`).
    pub value: Option<f64>,
    /// Localised display string with its unit, e.g. `42.5%` or `3 of 7 days`.
    pub display: String,
    /// Unit of `value` (`%`, `posts`, `s`, …); empty for pure numbers.
    pub unit: String,
    /// Definition, with its source where it follows a published one.
    pub definition: String,
}

/// A metric compared between periods, with the direction that counts as better.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// Metric key (`conversations.response_rate`).
    pub key: String,
    /// Which way is an improvement.
    pub better: Better,
    /// Compare by the plain difference instead of the relative change: for ranks and for
    /// scales around zero (a tone from −1 to +1), where "+900%" would mislead. Metrics in `%`
    /// are always compared in percentage points.
    #[serde(default)]
    pub difference: bool,
}

/// Which direction of change is an improvement for a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// A higher value is better (response rate, followers).
    Higher,
    /// A lower value is better (response time, posts with personal data).
    Lower,
    /// Neither: the change is reported without a judgement (number of threads).
    Neither,
}

/// A table for people (and, in `exports`, a CSV file for analysts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Stable id; for exports the file stem.
    pub id: String,
    /// Caption.
    pub title: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Which columns are numeric (right-aligned); same length as `columns`.
    pub numeric: Vec<bool>,
    /// Cells as display strings.
    pub rows: Vec<Vec<String>>,
    /// A note printed under the table (e.g. how many rows were left out).
    #[serde(default)]
    pub note: Option<String>,
}

/// A chart specification; the runner draws it as inline SVG.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// Stable id, unique in the report after the runner prefixes the section id.
    pub id: String,
    /// Title drawn above the chart.
    pub title: String,
    /// Text alternative: what the chart shows, in a sentence (accessibility, Markdown).
    pub description: String,
    /// Axis label along x (categories or time).
    #[serde(default)]
    pub x_label: String,
    /// Axis label along y (values).
    #[serde(default)]
    pub y_label: String,
    /// What is drawn.
    pub kind: ChartKind,
}

/// A named series of values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Legend name.
    pub name: String,
    /// One value per category / x position.
    pub values: Vec<f64>,
}

/// The kinds of chart the runner draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChartKind {
    /// Bars per category, one bar per series.
    Bar {
        /// Category labels.
        categories: Vec<String>,
        /// Series, each with one value per category.
        series: Vec<Series>,
    },
    /// Lines over ordered x positions.
    Line {
        /// Labels of the x positions.
        x: Vec<String>,
        /// Series, each with one value per x position.
        series: Vec<Series>,
    },
    /// A grid of shaded cells (rows × columns), e.g. weekday × hour.
    Heatmap {
        /// Row labels.
        rows: Vec<String>,
        /// Column labels.
        columns: Vec<String>,
        /// `values[row][column]`.
        values: Vec<Vec<f64>>,
        /// Cells to outline, as `[row, column]`.
        #[serde(default)]
        highlight: Vec<[usize; 2]>,
    },
    /// Points in the plane, one colour per series, each axis linear or logarithmic (a
    /// degree distribution is drawn log-log). Points with a non-positive coordinate on a
    /// logarithmic axis are left out.
    Scatter {
        /// Series of `[x, y]` points.
        series: Vec<PointSeries>,
        /// Logarithmic x axis.
        #[serde(default)]
        log_x: bool,
        /// Logarithmic y axis.
        #[serde(default)]
        log_y: bool,
    },
    /// A small network: nodes (sized by `size`, coloured by `group`) and weighted edges.
    /// The runner lays it out deterministically. Meant for tens of nodes, not thousands.
    Network {
        /// The nodes.
        nodes: Vec<NetNode>,
        /// Edges between node positions in `nodes`.
        edges: Vec<NetEdge>,
    },
    /// The seven building blocks as hexagons shaded by score.
    Honeycomb {
        /// One cell per block, in the order of Kietzmann et al. (2011).
        cells: Vec<HoneycombCell>,
    },
}

/// A named series of points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointSeries {
    /// Legend name.
    pub name: String,
    /// `[x, y]` points.
    pub points: Vec<[f64; 2]>,
}

/// A node of a network chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetNode {
    /// Label drawn beside the node (plain text).
    pub label: String,
    /// Relative size (area), any positive scale.
    pub size: f64,
    /// Colour group (community); nodes of a group share a colour.
    #[serde(default)]
    pub group: u32,
    /// Drawn with an emphasised outline (e.g. the brand).
    #[serde(default)]
    pub highlight: bool,
}

/// An edge of a network chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetEdge {
    /// Position of one end in `nodes`.
    pub source: u32,
    /// Position of the other end in `nodes`.
    pub target: u32,
    /// Relative weight (stroke width), any positive scale.
    pub weight: f64,
}

/// A request to the runner to write the analysed network as graph files for Gephi and
/// other tools: `metrics/<name>.gexf` and `metrics/<name>.graphml`, the arcs of
/// [`Context::network`](crate::Context::network) with their weights, and per account its id,
/// handle and the section's account columns named in `node_columns`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphExport {
    /// File stem, e.g. `network`.
    pub name: String,
    /// Account columns of the same section (by `EntityColumn::name`) written as node
    /// attributes.
    pub node_columns: Vec<String>,
}

/// One hexagon of the honeycomb chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoneycombCell {
    /// Block id (`identity`, …).
    pub block: String,
    /// Label drawn in the hexagon.
    pub label: String,
    /// 0–100, or `None` when the block was not analysed.
    pub score: Option<f64>,
}

/// How much attention a finding deserves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Good to know.
    Info,
    /// Worth acting on.
    Warning,
    /// Act now (privacy, legal, reputation at stake).
    Critical,
}

/// An observation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// How much attention it deserves.
    pub severity: Severity,
    /// The observation, in a plain sentence with numbers and denominators.
    pub text: String,
    /// Metric keys that back it.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// Priority of a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Do this first.
    High,
    /// Do this soon.
    Medium,
    /// When there is time.
    Low,
}

/// A piece of advice with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Priority.
    pub priority: Priority,
    /// The action, imperative ("Post on Tuesdays at 20:00").
    pub action: String,
    /// Why, with the numbers.
    pub why: String,
    /// Metric keys (in this section) that are its evidence.
    pub evidence: Vec<String>,
    /// The building block it strengthens (`presence`, …).
    pub block: String,
}

/// Something the data could not give, and how to get it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Missing {
    /// What could not be computed.
    pub what: String,
    /// Which table or column would enable it.
    pub add: String,
}

/// Which entity a per-entity column describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Entity {
    /// One value per account (dataset account index).
    Account,
    /// One value per post (dataset post index).
    Post,
}

/// A table for analysts stored by column: written as `metrics/<id>.csv`, never shown in the
/// report pages. Every column should have [`Frame::rows`] cells; a shorter one reads as empty
/// cells at the end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// Stable id, the file stem.
    pub id: String,
    /// The columns, in order: header and cells.
    pub columns: Vec<FrameColumn>,
}

/// One column of a [`Frame`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameColumn {
    /// Column header.
    pub name: String,
    /// One cell per row.
    pub values: ColumnValues,
}

impl Frame {
    /// An empty frame with an id.
    pub fn new(id: impl Into<String>) -> Frame {
        Frame {
            id: id.into(),
            columns: Vec::new(),
        }
    }

    /// Adds a column.
    pub fn column(mut self, name: impl Into<String>, values: ColumnValues) -> Frame {
        self.columns.push(FrameColumn {
            name: name.into(),
            values,
        });
        self
    }

    /// Rows: the length of the longest column.
    pub fn rows(&self) -> usize {
        self.columns
            .iter()
            .map(|c| c.values.len())
            .max()
            .unwrap_or(0)
    }

    /// The column headers.
    pub fn headers(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    /// Row `i` as the CSV file shows its cells (before spreadsheet escaping).
    pub fn row(&self, i: usize) -> Vec<String> {
        self.columns.iter().map(|c| c.values.cell(i)).collect()
    }
}

/// A column added to `metrics/accounts.csv` or `metrics/posts.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityColumn {
    /// Which file.
    pub entity: Entity,
    /// Column header.
    pub name: String,
    /// One cell per entity, indexed like the dataset.
    pub values: ColumnValues,
}

impl EntityColumn {
    /// A column of whole numbers (`None` is an empty cell).
    pub fn ints(entity: Entity, name: impl Into<String>, values: Vec<Option<i64>>) -> Self {
        EntityColumn {
            entity,
            name: name.into(),
            values: ColumnValues::Int(values),
        }
    }

    /// A column of numbers printed with `decimals` digits (`None` is an empty cell).
    pub fn floats(
        entity: Entity,
        name: impl Into<String>,
        values: Vec<Option<f64>>,
        decimals: u8,
    ) -> Self {
        EntityColumn {
            entity,
            name: name.into(),
            values: ColumnValues::Float { values, decimals },
        }
    }

    /// A column of free text.
    pub fn texts(entity: Entity, name: impl Into<String>, values: Vec<String>) -> Self {
        EntityColumn {
            entity,
            name: name.into(),
            values: ColumnValues::Text(values),
        }
    }

    /// A column of categories: cell `i` is `labels[codes[i]]`, empty for `u32::MAX`.
    pub fn categories(
        entity: Entity,
        name: impl Into<String>,
        labels: Vec<String>,
        codes: Vec<u32>,
    ) -> Self {
        EntityColumn {
            entity,
            name: name.into(),
            values: ColumnValues::Category { labels, codes },
        }
    }
}

/// The cells of an [`EntityColumn`], stored compactly: a column of a million posts should
/// not be a million strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Adjacently tagged: an internally tagged enum cannot hold the sequences of `Int` and `Text`.
#[serde(tag = "type", content = "values", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ColumnValues {
    /// Whole numbers; `None` is an empty cell.
    Int(Vec<Option<i64>>),
    /// Numbers with a fixed number of decimals (printed with a `.`); `None` is empty.
    Float {
        /// The values.
        values: Vec<Option<f64>>,
        /// Digits after the decimal point.
        decimals: u8,
    },
    /// Free text.
    Text(Vec<String>),
    /// Categories: cell `i` is `labels[codes[i]]`; a code past the labels is an empty cell.
    Category {
        /// The distinct labels.
        labels: Vec<String>,
        /// One code per entity.
        codes: Vec<u32>,
    },
}

impl ColumnValues {
    /// Number of cells.
    pub fn len(&self) -> usize {
        match self {
            ColumnValues::Int(v) => v.len(),
            ColumnValues::Float { values, .. } => values.len(),
            ColumnValues::Text(v) => v.len(),
            ColumnValues::Category { codes, .. } => codes.len(),
        }
    }

    /// Whether there are no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends cell `i` to `out` (nothing for an empty cell or an index past the end).
    pub fn write_cell(&self, i: usize, out: &mut String) {
        use std::fmt::Write;
        match self {
            ColumnValues::Int(v) => {
                if let Some(Some(x)) = v.get(i) {
                    let _ = write!(out, "{x}");
                }
            }
            ColumnValues::Float { values, decimals } => {
                if let Some(Some(x)) = values.get(i)
                    && x.is_finite()
                {
                    let _ = write!(out, "{:.*}", *decimals as usize, x);
                }
            }
            ColumnValues::Text(v) => {
                if let Some(x) = v.get(i) {
                    out.push_str(x);
                }
            }
            ColumnValues::Category { labels, codes } => {
                if let Some(l) = codes.get(i).and_then(|&c| labels.get(c as usize)) {
                    out.push_str(l);
                }
            }
        }
    }

    /// Cell `i` as a string.
    pub fn cell(&self, i: usize) -> String {
        let mut s = String::new();
        self.write_cell(i, &mut s);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_column_survives_json() {
        // Run-time plugins hand sections over as JSON: every column kind must make the trip.
        let mut s = Section::new("x", "X");
        let kinds = [
            ColumnValues::Int(vec![Some(1), None, Some(-3)]),
            ColumnValues::Float {
                values: vec![Some(0.5), None],
                decimals: 2,
            },
            ColumnValues::Text(vec!["a".into(), "<b>".into()]),
            ColumnValues::Category {
                labels: vec!["p".into()],
                codes: vec![0, u32::MAX],
            },
        ];
        let mut f = Frame::new("threads");
        for (k, v) in kinds.iter().enumerate() {
            s.entity_columns.push(EntityColumn {
                entity: Entity::Post,
                name: format!("c{k}"),
                values: v.clone(),
            });
            f = f.column(format!("c{k}"), v.clone());
        }
        assert_eq!(f.rows(), 3);
        assert_eq!(f.headers(), ["c0", "c1", "c2", "c3"]);
        assert_eq!(f.row(1), ["", "", "<b>", ""]);
        assert_eq!(f.row(2), ["-3", "", "", ""]);
        s.frames.push(f);
        let json = serde_json::to_string(&s).expect("serialises");
        assert!(
            json.contains(r#"{"type":"int","values":[1,null,-3]}"#),
            "{json}"
        );
        let back: Section = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, s);
    }

    #[test]
    fn cells_print_compactly() {
        let c = ColumnValues::Float {
            values: vec![Some(0.123456), None, Some(f64::NAN)],
            decimals: 3,
        };
        assert_eq!(
            (c.cell(0), c.cell(1), c.cell(2), c.cell(9)),
            ("0.123".into(), String::new(), String::new(), String::new())
        );
        let c = ColumnValues::Category {
            labels: vec!["Mon".into()],
            codes: vec![0, u32::MAX],
        };
        assert_eq!((c.cell(0), c.cell(1)), ("Mon".into(), String::new()));
        assert_eq!(ColumnValues::Int(vec![Some(-3), None]).cell(0), "-3");
        assert_eq!(c.len(), 2);
    }
}
