//! SVG charts drawn from the chart specifications in sections.
//!
//! [`render_svg`] draws one [`Chart`] as a self-contained `<svg>` element that works inline in
//! HTML (and in Markdown, as an HTML block) and as a standalone `.svg` file:
//!
//! - **Safe**: all text comes from data and is XML-escaped; the output never contains scripts,
//!   event attributes, `foreignObject`, links, `url(…)` or other references, fonts or images.
//! - **Deterministic**: coordinates are printed with at most one decimal and numbers through
//!   [`Lang`], so the same chart always gives the same bytes.
//! - **Accessible**: `role="img"` with `aria-labelledby` pointing at the `<title>` and `<desc>`;
//!   bars, points, heatmap cells, hexagons and network nodes carry their own `<title>` for hover
//!   and screen readers.
//! - **Themeable**: text and axes use `currentColor` (light and dark page colour schemes); data
//!   uses the colour-blind-safe Okabe–Ito palette.
//!
//! CSS hooks: the root has the classes `hc-chart hc-chart-<kind>` (`bar`, `line`, `heatmap`,
//! `scatter`, `network`, `honeycomb`, `empty`); the visible title is `hc-title`, legends
//! `hc-legend`, outlined heatmap cells and network nodes `hc-highlight`.

use std::fmt::{self, Write as _};

use honeycomb_core::{
    Chart, ChartKind, HoneycombCell, Lang, NetEdge, NetNode, PointSeries, Series,
};

/// Width of the bar, line, heatmap and no-data charts, in viewBox units.
const W: f64 = 640.0;
/// Width of the seven-hexagon honeycomb.
const HONEYCOMB_W: f64 = 480.0;
/// Outer padding.
const PAD: f64 = 16.0;
/// Average glyph width as a share of the font size (for layout estimates).
const GLYPH: f64 = 0.6;
/// Okabe–Ito colours, the four with at least 3:1 contrast on both white and near-black first.
/// The last two are lighter and get a `currentColor` outline (bars) or a dash (lines).
const PALETTE: [&str; 6] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
];
/// The single hue of the sequential scales (heatmap, honeycomb).
const SEQ: &str = "#0072B2";
/// At most this many heatmap rows and columns are drawn.
const MAX_GRID: usize = 200;
/// Font stack: local system fonts only.
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/// Block ids in the slots of the published honeycomb figure: the centre, then clockwise from
/// the top (Kietzmann et al. 2011, figure 1).
const FIGURE_SLOTS: [&str; 7] = [
    "identity",
    "presence",
    "relationships",
    "reputation",
    "groups",
    "conversations",
    "sharing",
];

/// `write!` into a `String`, which cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        let _ = write!($dst, $($arg)*);
    }};
}

/// Draws a chart as a self-contained SVG element.
///
/// The result starts with `<svg xmlns="http://www.w3.org/2000/svg"` and ends with `</svg>`; it
/// has no blank lines, so it stays one HTML block when placed on its own lines in Markdown.
/// Charts without drawable data (no values, only NaN, no cells) render a small SVG saying
/// "no data" / "geen gegevens". Never panics.
pub fn render_svg(chart: &Chart, lang: Lang) -> String {
    let drawn = match &chart.kind {
        ChartKind::Bar { categories, series } => bar(chart, categories, series, lang),
        ChartKind::Line { x, series } => line(chart, x, series, lang),
        ChartKind::Heatmap {
            rows,
            columns,
            values,
            highlight,
        } => heatmap(chart, rows, columns, values, highlight, lang),
        ChartKind::Scatter {
            series,
            log_x,
            log_y,
        } => scatter(chart, series, *log_x, *log_y, lang),
        ChartKind::Network { nodes, edges } => network(chart, nodes, edges, lang),
        ChartKind::Honeycomb { cells } => honeycomb(chart, cells, lang),
        // `ChartKind` is non-exhaustive: a kind this runner does not know says "no data".
        _ => None,
    };
    let drawn = drawn.unwrap_or_else(|| no_data(chart, lang));
    finish(chart, lang, drawn)
}

/// The inside of a chart, before the root element wraps it.
struct Drawn {
    /// Kind name for the `hc-chart-<kind>` class.
    kind: &'static str,
    /// viewBox width.
    width: f64,
    /// viewBox height.
    height: f64,
    /// The elements.
    body: String,
}

/// Wraps a drawn chart in the root `<svg>` with its title and description.
fn finish(chart: &Chart, lang: Lang, d: Drawn) -> String {
    let p = id_prefix(&chart.id);
    let title = match chart.title.trim() {
        "" => lang.pick("Chart", "Grafiek"),
        t => t,
    };
    let mut out = String::with_capacity(d.body.len() + 640);
    w!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hc-chart hc-chart-{}\" viewBox=\"0 0 {} {}\" \
         width=\"100%\" style=\"max-width:{}px;height:auto\" role=\"img\" \
         aria-labelledby=\"{p}-title {p}-desc\" font-family=\"{FONT}\" font-size=\"12\" \
         fill=\"currentColor\">\n",
        d.kind,
        N(d.width),
        N(d.height),
        N(d.width)
    );
    w!(
        out,
        "<title id=\"{p}-title\">{}</title>\n<desc id=\"{p}-desc\">{}</desc>\n",
        esc(title),
        esc(chart.description.trim())
    );
    out.push_str(&d.body);
    out.push_str("</svg>");
    out
}

/// A small line of 0–100 scores across periods, for the site index: `id` makes the element ids
/// unique on the page, `label` names it (`<title>`), and the text alternative (`<desc>`) lists
/// every point as `period: value` (`–` for a period without a score). A gap in the line marks
/// a period without a score; the last point is drawn as a dot. Safe, deterministic and
/// themeable like [`render_svg`].
pub fn sparkline(id: &str, label: &str, points: &[(String, Option<f64>)], lang: Lang) -> String {
    const SW: f64 = 120.0;
    const SH: f64 = 32.0;
    const M: f64 = 3.0;
    let p = format!("{}-spark", id_prefix(id));
    let desc: Vec<String> = points
        .iter()
        .map(|(period, v)| {
            format!(
                "{period}: {}",
                v.filter(|v| v.is_finite())
                    .map_or("–".to_string(), |v| lang.num(v.clamp(0.0, 100.0), 0))
            )
        })
        .collect();
    let mut out = String::with_capacity(512);
    w!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hc-spark\" viewBox=\"0 0 {} {}\" \
         width=\"{}\" height=\"{}\" role=\"img\" aria-labelledby=\"{p}-title {p}-desc\" \
         fill=\"none\" stroke=\"currentColor\">",
        N(SW),
        N(SH),
        N(SW),
        N(SH)
    );
    w!(
        out,
        "<title id=\"{p}-title\">{}</title><desc id=\"{p}-desc\">{}</desc>",
        esc(label),
        esc(&desc.join("; "))
    );
    // The 0 and 100 guides, faint.
    w!(
        out,
        "<path d=\"M{m} {top}H{r}M{m} {bot}H{r}\" stroke-width=\"1\" stroke-opacity=\".25\"/>",
        m = N(M),
        r = N(SW - M),
        top = N(M),
        bot = N(SH - M)
    );
    let n = points.len();
    let xy = |i: usize, v: f64| {
        let x = if n <= 1 {
            SW / 2.0
        } else {
            M + (SW - 2.0 * M) * i as f64 / (n - 1) as f64
        };
        let y = SH - M - (SH - 2.0 * M) * v.clamp(0.0, 100.0) / 100.0;
        (x, y)
    };
    let mut d = String::new();
    let mut pen_down = false;
    let mut last = None;
    for (i, (_, v)) in points.iter().enumerate() {
        match v.filter(|v| v.is_finite()) {
            Some(v) => {
                let (x, y) = xy(i, v);
                w!(d, "{}{} {}", if pen_down { "L" } else { "M" }, N(x), N(y));
                pen_down = true;
                last = Some((x, y));
            }
            None => pen_down = false,
        }
    }
    if !d.is_empty() {
        w!(
            out,
            "<path d=\"{d}\" stroke=\"{SEQ}\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        );
    }
    if let Some((x, y)) = last {
        w!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"{SEQ}\" stroke=\"none\"/>",
            N(x),
            N(y)
        );
    }
    out.push_str("</svg>");
    out
}

// ---------------------------------------------------------------------------------------------
// Text, numbers and ids
// ---------------------------------------------------------------------------------------------

/// A coordinate printed with at most one decimal (`12`, `12.5`); non-finite prints as `0`.
#[derive(Clone, Copy)]
struct N(f64);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() {
            ((self.0 * 10.0).round() / 10.0).clamp(-1e9, 1e9)
        } else {
            0.0
        };
        if v == 0.0 {
            f.write_str("0")
        } else if v.fract() == 0.0 {
            write!(f, "{v:.0}")
        } else {
            write!(f, "{v:.1}")
        }
    }
}

/// XML-escapes text for element content and attribute values; drops characters XML 1.0 does
/// not allow and turns line breaks and tabs into spaces.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Shortens `s` to at most `max` characters, ending in `…` when cut.
fn truncate(s: &str, max: usize) -> String {
    let s = s.trim();
    let max = max.max(1);
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.truncate(t.trim_end().len());
    t.push('…');
    t
}

/// Estimated drawn width of `s` at font size `size`.
fn text_w(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * GLYPH
}

/// Greedy word wrap into at most `max_lines` lines of at most `max` characters; the last line
/// takes the rest and is truncated with `…`.
fn wrap(s: &str, max: usize, max_lines: usize) -> Vec<String> {
    let max = max.max(3);
    let max_lines = max_lines.max(1);
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, word) in words.iter().enumerate() {
        if cur.is_empty() {
            cur.push_str(word);
        } else if cur.chars().count() + 1 + word.chars().count() <= max {
            cur.push(' ');
            cur.push_str(word);
        } else {
            lines.push(std::mem::take(&mut cur));
            if lines.len() + 1 == max_lines {
                lines.push(words[i..].join(" "));
                return lines.iter().map(|l| truncate(l, max)).collect();
            }
            cur.push_str(word);
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines.iter().map(|l| truncate(l, max)).collect()
}

/// A unique, valid element-id prefix from a chart id: `chart-` and the id reduced to
/// `[a-z0-9-]`, with a hash of the raw id appended whenever the reduction changed it (so `A b`
/// and `a-b` do not collide).
fn id_prefix(id: &str) -> String {
    let mut s = String::new();
    for c in id.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            s.push(c);
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
        if s.len() >= 48 {
            break;
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        format!("chart-{:08x}", fnv1a(id))
    } else if s == id {
        format!("chart-{s}")
    } else {
        format!("chart-{s}-{:08x}", fnv1a(id))
    }
}

/// 32-bit FNV-1a: a small, stable hash.
fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Digits after the decimal separator that print multiples of `step` exactly (0–6).
fn decimals_for(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    for d in 0..6 {
        let s = step * 10f64.powi(d);
        if (s - s.round()).abs() <= 1e-6 * s.max(1.0) {
            return d as usize;
        }
    }
    6
}

/// Number units for large values: divisor and suffix per language.
#[derive(Clone, Copy)]
enum Unit {
    /// Plain numbers.
    One,
    /// Divided by `div`, with a suffix.
    Scaled(f64, &'static str, &'static str),
    /// Scientific notation (from 10^15 up).
    Sci,
}

impl Unit {
    /// The unit for numbers up to `max_abs`.
    fn for_max(max_abs: f64) -> Unit {
        if !max_abs.is_finite() || max_abs >= 1e15 {
            Unit::Sci
        } else if max_abs >= 1e12 {
            Unit::Scaled(1e12, "T", " bln")
        } else if max_abs >= 1e9 {
            Unit::Scaled(1e9, "B", " mld")
        } else if max_abs >= 1e6 {
            Unit::Scaled(1e6, "M", " mln")
        } else {
            Unit::One
        }
    }

    /// Formats `v` with `decimals` digits (of the scaled value).
    fn format(self, lang: Lang, v: f64, decimals: usize) -> String {
        if !v.is_finite() {
            return "–".to_string();
        }
        match self {
            Unit::One => lang.num(v, decimals),
            Unit::Scaled(div, en, nl) => {
                if v == 0.0 {
                    "0".to_string()
                } else {
                    format!(
                        "{}{}",
                        lang.num(v / div, decimals.min(3)),
                        lang.pick(en, nl)
                    )
                }
            }
            Unit::Sci => {
                if v == 0.0 {
                    return "0".to_string();
                }
                let s = format!("{v:.1e}");
                match lang {
                    Lang::Nl => s.replace('.', ","),
                    _ => s,
                }
            }
        }
    }
}

/// A data value for labels and tooltips: whole numbers without decimals, others with one (two
/// below 1), large numbers scaled (`1.5M`).
fn fmt_value(lang: Lang, v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let a = v.abs();
    match Unit::for_max(a) {
        Unit::One if v.fract() == 0.0 => lang.num(v, 0),
        Unit::One if a >= 1.0 => lang.num(v, 1),
        Unit::One => lang.num(v, 2),
        unit => unit.format(lang, v, 1),
    }
}

// ---------------------------------------------------------------------------------------------
// Shared pieces: title, legend, value axis
// ---------------------------------------------------------------------------------------------

/// Draws the visible title (up to two lines); returns the y below it.
fn header(body: &mut String, title: &str, width: f64) -> f64 {
    let max_chars = ((width - 2.0 * PAD) / (16.0 * GLYPH)) as usize;
    let lines = wrap(title, max_chars, 2);
    if lines.is_empty() {
        return 12.0;
    }
    let mut y = 24.0;
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            y += 20.0;
        }
        w!(
            body,
            "<text class=\"hc-title\" x=\"{}\" y=\"{}\" font-size=\"16\" font-weight=\"bold\">{}</text>\n",
            N(PAD),
            N(y),
            esc(l)
        );
    }
    y + 10.0
}

/// Colour of series `j` and whether it is one of the lighter ones that needs an outline/dash.
fn series_style(j: usize) -> (&'static str, bool) {
    let k = j % PALETTE.len();
    (PALETTE[k], k >= 4 || (j / PALETTE.len()) % 2 == 1)
}

/// Legend names: the series names, or "Series n" when empty.
fn series_names(series: &[Series], lang: Lang) -> Vec<String> {
    legend_names(series.iter().map(|s| s.name.as_str()), lang)
}

/// Legend names from raw names: trimmed, or "Series n" when empty.
fn legend_names<'s>(names: impl Iterator<Item = &'s str>, lang: Lang) -> Vec<String> {
    names
        .enumerate()
        .map(|(j, name)| match name.trim() {
            "" => format!("{} {}", lang.pick("Series", "Reeks"), j + 1),
            n => n.to_string(),
        })
        .collect()
}

/// How a legend marks a series.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    /// A filled square (bars).
    Square,
    /// A short line with a dot (lines).
    Stroke,
    /// A dot (scatter points).
    Dot,
}

/// Draws a legend that wraps over lines, starting below `y`; returns the y below it.
fn legend(body: &mut String, names: &[String], y: f64, mark: Mark) -> f64 {
    let mut x = PAD;
    let mut base = y + 14.0;
    body.push_str("<g class=\"hc-legend\" font-size=\"12\">\n");
    for (j, name) in names.iter().enumerate() {
        let label = truncate(name, 32);
        let item_w = 20.0 + text_w(&label, 12.0) + 16.0;
        if x > PAD && x + item_w > W - PAD {
            x = PAD;
            base += 18.0;
        }
        let (colour, light) = series_style(j);
        match mark {
            Mark::Square => {
                let outline = if light {
                    " stroke=\"currentColor\" stroke-width=\"1\""
                } else {
                    ""
                };
                w!(
                    body,
                    "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{colour}\"{outline}/>",
                    N(x),
                    N(base - 10.0)
                );
            }
            Mark::Stroke => {
                let dash = if light {
                    " stroke-dasharray=\"4 2\""
                } else {
                    ""
                };
                w!(
                    body,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>\
                     <circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{colour}\"/>",
                    N(x),
                    N(base - 4.0),
                    N(x + 16.0),
                    N(base - 4.0),
                    N(x + 8.0),
                    N(base - 4.0)
                );
            }
            Mark::Dot => {
                let outline = if light {
                    " stroke=\"currentColor\" stroke-width=\"1\""
                } else {
                    ""
                };
                w!(
                    body,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{colour}\"{outline}/>",
                    N(x + 6.0),
                    N(base - 4.0)
                );
            }
        }
        w!(
            body,
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            N(x + 20.0),
            N(base),
            esc(&label)
        );
        x += item_w;
    }
    body.push_str("</g>\n");
    base + 6.0
}

/// "Nice" ticks from 0-including `lo..hi`: steps of 1, 2, 2.5 or 5 × 10^k, 4–6 ticks.
/// Returns the axis range, the step and the ticks.
fn nice_ticks(lo: f64, hi: f64) -> (f64, f64, f64, Vec<f64>) {
    let lo = if lo.is_finite() { lo.min(0.0) } else { 0.0 };
    let mut hi = if hi.is_finite() { hi.max(0.0) } else { 0.0 };
    if hi <= lo {
        hi = lo + 1.0;
    }
    // (hi - lo) / 4 without overflowing for huge values.
    let raw = (hi / 2.0 - lo / 2.0) / 2.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = if mag > 0.0 && mag.is_finite() {
        let norm = raw / mag;
        let mult = [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .find(|m| *m >= norm * (1.0 - 1e-9))
            .unwrap_or(10.0);
        mult * mag
    } else {
        raw
    };
    if !(step > 0.0 && step.is_finite()) {
        return (lo, hi, hi - lo, vec![lo, hi]);
    }
    let k_lo = (lo / step).floor();
    let mut k_hi = (hi / step).ceil();
    if k_hi <= k_lo || k_hi.is_nan() {
        k_hi = k_lo + 1.0;
    }
    let n = (k_hi - k_lo).clamp(1.0, 12.0) as usize;
    let ticks: Vec<f64> = (0..=n).map(|i| (k_lo + i as f64) * step).collect();
    let first = ticks.first().copied().unwrap_or(lo);
    let last = ticks
        .last()
        .copied()
        .filter(|v| v.is_finite())
        .unwrap_or(hi);
    (first, last, step, ticks)
}

/// A linear value axis mapped onto `bottom..top` (y grows downwards).
struct Scale {
    /// Axis minimum.
    lo: f64,
    /// Axis maximum.
    hi: f64,
    /// Tick step.
    step: f64,
    /// Tick values.
    ticks: Vec<f64>,
    /// y of `hi`.
    top: f64,
    /// y of `lo`.
    bottom: f64,
}

impl Scale {
    /// A nice scale covering `lo..hi` and 0.
    fn new(lo: f64, hi: f64, top: f64, bottom: f64) -> Scale {
        let (lo, hi, step, ticks) = nice_ticks(lo, hi);
        Scale {
            lo,
            hi,
            step,
            ticks,
            top,
            bottom,
        }
    }

    /// The y of value `v` (clamped to the axis).
    fn y(&self, v: f64) -> f64 {
        let span = self.hi / 2.0 - self.lo / 2.0;
        if !(span > 0.0 && span.is_finite()) {
            return self.bottom;
        }
        let t = (v / 2.0 - self.lo / 2.0) / span;
        let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
        self.bottom - t * (self.bottom - self.top)
    }

    /// The tick labels.
    fn labels(&self, lang: Lang) -> Vec<String> {
        tick_labels(&self.ticks, self.step, lang)
    }
}

/// Labels of linear ticks `step` apart: one unit for all (`1.5M`), enough decimals for the step.
fn tick_labels(ticks: &[f64], step: f64, lang: Lang) -> Vec<String> {
    let max_abs = ticks.iter().fold(0.0f64, |m, t| m.max(t.abs()));
    let unit = Unit::for_max(max_abs);
    let decimals = match unit {
        Unit::Scaled(div, _, _) => decimals_for(step / div),
        _ => decimals_for(step),
    };
    ticks
        .iter()
        .map(|t| unit.format(lang, *t, decimals))
        .collect()
}

/// Width needed left of the plot for tick labels and the y-axis title.
fn axis_margin(chart: &Chart, tick_labels: &[String]) -> f64 {
    let tick_w = tick_labels
        .iter()
        .map(|l| text_w(l, 11.0))
        .fold(0.0, f64::max);
    let title = if chart.y_label.trim().is_empty() {
        0.0
    } else {
        20.0
    };
    PAD + title + tick_w + 8.0
}

/// Draws grid lines, tick labels, the zero line and the y-axis title.
fn draw_y_axis(
    body: &mut String,
    chart: &Chart,
    scale: &Scale,
    tick_labels: &[String],
    left: f64,
    right: f64,
) {
    body.push_str("<g class=\"hc-grid\" stroke=\"currentColor\" stroke-opacity=\".15\">\n");
    for t in &scale.ticks {
        let y = scale.y(*t);
        w!(
            body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
            N(left),
            N(y),
            N(right),
            N(y)
        );
    }
    body.push_str("</g>\n<g class=\"hc-ticks\" font-size=\"11\" text-anchor=\"end\">\n");
    for (t, label) in scale.ticks.iter().zip(tick_labels) {
        w!(
            body,
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            N(left - 6.0),
            N(scale.y(*t) + 4.0),
            esc(label)
        );
    }
    body.push_str("</g>\n");
    let y0 = scale.y(0.0);
    w!(
        body,
        "<g class=\"hc-axis\" stroke=\"currentColor\" stroke-opacity=\".6\">\
         <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\
         <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/></g>\n",
        N(left),
        N(scale.top),
        N(left),
        N(scale.bottom),
        N(left),
        N(y0),
        N(right),
        N(y0)
    );
    y_title(
        body,
        chart,
        (scale.top + scale.bottom) / 2.0,
        scale.bottom - scale.top,
    );
}

/// Draws the rotated y-axis title centred on `mid_y`, if there is one.
fn y_title(body: &mut String, chart: &Chart, mid_y: f64, room: f64) {
    let label = chart.y_label.trim();
    if label.is_empty() {
        return;
    }
    let label = truncate(label, (room / (12.0 * GLYPH)) as usize);
    let x = PAD + 8.0;
    w!(
        body,
        "<text x=\"{}\" y=\"{}\" transform=\"rotate(-90 {} {})\" text-anchor=\"middle\">{}</text>\n",
        N(x),
        N(mid_y),
        N(x),
        N(mid_y),
        esc(&label)
    );
}

/// Draws the x-axis title centred under the plot at baseline `y`; returns the y below it.
fn x_title(body: &mut String, chart: &Chart, left: f64, right: f64, y: f64) -> f64 {
    let label = chart.x_label.trim();
    if label.is_empty() {
        return y - 12.0;
    }
    let label = truncate(label, ((right - left) / (12.0 * GLYPH)) as usize);
    w!(
        body,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
        N((left + right) / 2.0),
        N(y),
        esc(&label)
    );
    y + 8.0
}

/// A label for position `i`: the given one, or empty.
fn label_at(labels: &[String], i: usize) -> &str {
    labels.get(i).map(|s| s.trim()).unwrap_or("")
}

/// Draws a text label, with the full text as `<title>` when it was shortened.
fn label_text(body: &mut String, attrs: &str, full: &str, shown: &str) {
    if shown == full {
        w!(body, "<text {attrs}>{}</text>\n", esc(shown));
    } else {
        w!(
            body,
            "<text {attrs}><title>{}</title>{}</text>\n",
            esc(full),
            esc(shown)
        );
    }
}

/// The finite value `i` of a series.
fn value_at(s: &Series, i: usize) -> Option<f64> {
    s.values.get(i).copied().filter(|v| v.is_finite())
}

/// Number of x positions and the range of finite values; `None` when nothing is drawable.
fn extent(labels: &[String], series: &[Series]) -> Option<(usize, f64, f64)> {
    let n = series
        .iter()
        .map(|s| s.values.len())
        .max()
        .unwrap_or(0)
        .max(labels.len());
    let mut range: Option<(f64, f64)> = None;
    for v in series
        .iter()
        .flat_map(|s| s.values.iter())
        .filter(|v| v.is_finite())
    {
        range = Some(match range {
            None => (*v, *v),
            Some((lo, hi)) => (lo.min(*v), hi.max(*v)),
        });
    }
    let (lo, hi) = range?;
    (n > 0).then_some((n, lo, hi))
}

// ---------------------------------------------------------------------------------------------
// Bar
// ---------------------------------------------------------------------------------------------

/// Grouped vertical bars.
fn bar(chart: &Chart, categories: &[String], series: &[Series], lang: Lang) -> Option<Drawn> {
    let (n, lo, hi) = extent(categories, series)?;
    let k = series.len().max(1);
    let mut body = String::new();
    let mut y = header(&mut body, &chart.title, W);
    let names = series_names(series, lang);
    if series.len() > 1 {
        y = legend(&mut body, &names, y, Mark::Square);
    }
    let top = y + 20.0;
    let bottom = top + 240.0;
    let scale = Scale::new(lo, hi, top, bottom);
    let tick_labels = scale.labels(lang);
    let right = W - PAD;
    let mut left = axis_margin(chart, &tick_labels);

    // Category labels: horizontal if they fit (truncated if need be), else rotated.
    let full: Vec<&str> = (0..n).map(|i| label_at(categories, i)).collect();
    let max_chars = full.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let slot0 = (right - left) / n as f64;
    let cap = ((slot0 - 4.0) / (11.0 * GLYPH)).floor().max(0.0) as usize;
    let rotated = max_chars > cap && cap < 6;
    let shown: Vec<String> = full
        .iter()
        .map(|l| truncate(l, if rotated { 18 } else { cap }))
        .collect();
    let label_h = if rotated {
        let longest = shown.iter().map(|l| text_w(l, 11.0)).fold(0.0, f64::max);
        // The first rotated label runs to the left of its bar.
        let first = shown.first().map_or(0.0, |l| text_w(l, 11.0)) * 0.71;
        left = left.max(PAD + first - slot0 / 2.0);
        longest * 0.71 + 16.0
    } else {
        18.0
    };
    let slot = (right - left) / n as f64;
    let every = if rotated {
        (16.0 / slot).ceil().max(1.0) as usize
    } else {
        1
    };

    draw_y_axis(&mut body, chart, &scale, &tick_labels, left, right);

    // Bars, one group per series.
    let bw = slot * 0.8 / k as f64;
    let inner = if bw > 4.0 { bw * 0.88 } else { bw };
    let y0 = scale.y(0.0);
    let mut values: Vec<(f64, f64, f64, String)> = Vec::new();
    for (j, s) in series.iter().enumerate() {
        let (colour, light) = series_style(j);
        let outline = if light {
            " stroke=\"currentColor\" stroke-width=\"1\""
        } else {
            ""
        };
        w!(body, "<g class=\"hc-series\" fill=\"{colour}\"{outline}>\n");
        for (i, cat) in full.iter().enumerate() {
            let Some(v) = value_at(s, i) else { continue };
            let x = left + slot * i as f64 + slot * 0.1 + bw * j as f64 + (bw - inner) / 2.0;
            let yv = scale.y(v);
            let (ry, rh) = if yv < y0 {
                (yv, y0 - yv)
            } else {
                (y0, yv - y0)
            };
            let label = fmt_value(lang, v);
            let what = match (series.len() > 1, cat.is_empty()) {
                (true, true) => names.get(j).cloned().unwrap_or_default(),
                (true, false) => format!("{cat} · {}", names.get(j).map_or("", |s| s.as_str())),
                (false, _) => (*cat).to_string(),
            };
            w!(
                body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect>\n",
                N(x),
                N(ry),
                N(inner),
                N(rh),
                esc(&what),
                esc(&label)
            );
            let ly = if v < 0.0 { yv + 13.0 } else { yv - 4.0 };
            values.push((x + inner / 2.0, ly, text_w(&label, 11.0), label));
        }
        body.push_str("</g>\n");
    }

    // Value labels, when every one fits over its bar.
    if !values.is_empty() && values.len() <= 60 && values.iter().all(|v| v.2 <= bw + 2.0) {
        body.push_str("<g class=\"hc-values\" font-size=\"11\" text-anchor=\"middle\">\n");
        for (x, y, _, label) in &values {
            w!(
                body,
                "<text x=\"{}\" y=\"{}\">{}</text>\n",
                N(*x),
                N(*y),
                esc(label)
            );
        }
        body.push_str("</g>\n");
    }

    // Category labels.
    if rotated {
        body.push_str("<g class=\"hc-xlabels\" font-size=\"11\" text-anchor=\"end\">\n");
    } else {
        body.push_str("<g class=\"hc-xlabels\" font-size=\"11\" text-anchor=\"middle\">\n");
    }
    for (i, (f, s)) in full.iter().zip(&shown).enumerate() {
        if i % every != 0 || s.is_empty() {
            continue;
        }
        let x = left + slot * (i as f64 + 0.5);
        let attrs = if rotated {
            let (lx, ly) = (x + 3.0, bottom + 10.0);
            format!(
                "x=\"{}\" y=\"{}\" transform=\"rotate(-45 {} {})\"",
                N(lx),
                N(ly),
                N(lx),
                N(ly)
            )
        } else {
            format!("x=\"{}\" y=\"{}\"", N(x), N(bottom + 15.0))
        };
        label_text(&mut body, &attrs, f, s);
    }
    body.push_str("</g>\n");
    let end = x_title(&mut body, chart, left, right, bottom + label_h + 16.0);
    Some(Drawn {
        kind: "bar",
        width: W,
        height: end + 12.0,
        body,
    })
}

// ---------------------------------------------------------------------------------------------
// Line
// ---------------------------------------------------------------------------------------------

/// One polyline per series over evenly spaced x positions.
fn line(chart: &Chart, x: &[String], series: &[Series], lang: Lang) -> Option<Drawn> {
    let (n, lo, hi) = extent(x, series)?;
    let mut body = String::new();
    let mut y = header(&mut body, &chart.title, W);
    let names = series_names(series, lang);
    if series.len() > 1 {
        y = legend(&mut body, &names, y, Mark::Stroke);
    }
    let top = y + 20.0;
    let bottom = top + 220.0;
    let scale = Scale::new(lo, hi, top, bottom);
    let tick_labels = scale.labels(lang);
    let right = W - PAD;
    let left = axis_margin(chart, &tick_labels);
    draw_y_axis(&mut body, chart, &scale, &tick_labels, left, right);

    let inset = 10.0;
    let dx = if n > 1 {
        (right - left - 2.0 * inset) / (n - 1) as f64
    } else {
        0.0
    };
    let xpos = |i: usize| {
        if n > 1 {
            left + inset + dx * i as f64
        } else {
            (left + right) / 2.0
        }
    };
    let r = if n <= 60 { 3.0 } else { 2.0 };
    for (j, s) in series.iter().enumerate() {
        let (colour, light) = series_style(j);
        let dash = if light {
            " stroke-dasharray=\"6 3\""
        } else {
            ""
        };
        let name = names.get(j).map_or("", |s| s.as_str());
        w!(
            body,
            "<g class=\"hc-series\" fill=\"{colour}\" stroke=\"{colour}\">\n"
        );
        // Lines break at missing values.
        let mut run: Vec<(f64, f64)> = Vec::new();
        for i in 0..=n {
            match (i < n).then(|| value_at(s, i)).flatten() {
                Some(v) => run.push((xpos(i), scale.y(v))),
                None => {
                    if run.len() > 1 {
                        let pts: Vec<String> = run
                            .iter()
                            .map(|(px, py)| format!("{},{}", N(*px), N(*py)))
                            .collect();
                        w!(
                            body,
                            "<polyline points=\"{}\" fill=\"none\" stroke-width=\"2\" \
                             stroke-linejoin=\"round\"{dash}/>\n",
                            pts.join(" ")
                        );
                    }
                    run.clear();
                }
            }
        }
        for i in 0..n {
            let Some(v) = value_at(s, i) else { continue };
            let at = label_at(x, i);
            let what = match (series.len() > 1, at.is_empty()) {
                (true, true) => name.to_string(),
                (true, false) => format!("{name} · {at}"),
                (false, true) => format!("{}", i + 1),
                (false, false) => at.to_string(),
            };
            w!(
                body,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" stroke=\"none\"><title>{}: {}</title></circle>\n",
                N(xpos(i)),
                N(scale.y(v)),
                N(r),
                esc(&what),
                esc(&fmt_value(lang, v))
            );
        }
        body.push_str("</g>\n");
    }

    // At most ~12 x labels, each with room for up to 18 characters.
    let longest = (0..n)
        .map(|i| label_at(x, i).chars().count())
        .max()
        .unwrap_or(0)
        .min(18);
    let needed = if dx > 0.0 {
        ((longest as f64 * 11.0 * GLYPH + 8.0) / dx).ceil().max(1.0) as usize
    } else {
        1
    };
    let every = n.div_ceil(12).max(needed).max(1);
    let room = if n > 1 {
        dx * every as f64
    } else {
        right - left
    };
    let cap = ((room - 4.0) / (11.0 * GLYPH)).floor().max(3.0) as usize;
    body.push_str("<g class=\"hc-xlabels\" font-size=\"11\" text-anchor=\"middle\">\n");
    for i in (0..n).step_by(every) {
        let full = label_at(x, i);
        if full.is_empty() {
            continue;
        }
        let shown = truncate(full, cap);
        let attrs = format!("x=\"{}\" y=\"{}\"", N(xpos(i)), N(bottom + 15.0));
        label_text(&mut body, &attrs, full, &shown);
    }
    body.push_str("</g>\n");
    let end = x_title(&mut body, chart, left, right, bottom + 34.0);
    Some(Drawn {
        kind: "line",
        width: W,
        height: end + 12.0,
        body,
    })
}

// ---------------------------------------------------------------------------------------------
// Heatmap
// ---------------------------------------------------------------------------------------------

/// A grid of cells shaded by value / max.
fn heatmap(
    chart: &Chart,
    rows: &[String],
    columns: &[String],
    values: &[Vec<f64>],
    highlight: &[[usize; 2]],
    lang: Lang,
) -> Option<Drawn> {
    let nr_all = rows.len().max(values.len());
    let nc_all = columns
        .len()
        .max(values.iter().map(Vec::len).max().unwrap_or(0));
    let (nr, nc) = (nr_all.min(MAX_GRID), nc_all.min(MAX_GRID));
    let cell = |r: usize, c: usize| {
        values
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .filter(|v| v.is_finite())
    };
    let mut range: Option<(f64, f64)> = None;
    for r in 0..nr {
        for c in 0..nc {
            if let Some(v) = cell(r, c) {
                range = Some(range.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
            }
        }
    }
    let (min, max) = range?;
    let row_name = |r: usize| match label_at(rows, r) {
        "" => (r + 1).to_string(),
        l => l.to_string(),
    };
    let col_name = |c: usize| match label_at(columns, c) {
        "" => (c + 1).to_string(),
        l => l.to_string(),
    };

    let mut body = String::new();
    let y = header(&mut body, &chart.title, W);
    let row_labels: Vec<String> = (0..nr).map(|r| truncate(&row_name(r), 14)).collect();
    let row_w = row_labels
        .iter()
        .map(|l| text_w(l, 11.0))
        .fold(0.0, f64::max);
    let y_title_w = if chart.y_label.trim().is_empty() {
        0.0
    } else {
        20.0
    };
    let left = PAD + y_title_w + row_w + 8.0;
    let right = W - PAD;
    let cw = (right - left) / nc as f64;
    let ch = cw.clamp(10.0, 32.0);
    let top = y + 8.0;
    let grid_bottom = top + ch * nr as f64;
    let gap = (cw.min(ch) * 0.08).min(2.0);

    body.push_str("<g class=\"hc-cells\">\n");
    for r in 0..nr {
        for c in 0..nc {
            let (x, cy) = (left + cw * c as f64, top + ch * r as f64);
            let v = cell(r, c);
            let fill = match v {
                None => "fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".2\"".to_string(),
                Some(v) if v > 0.0 && max > 0.0 => {
                    let t = (v / max).clamp(0.0, 1.0);
                    format!("fill=\"{SEQ}\" fill-opacity=\"{:.2}\"", 0.15 + 0.85 * t)
                }
                Some(_) => "fill=\"currentColor\" fill-opacity=\".07\"".to_string(),
            };
            let shown = v.map_or_else(|| "–".to_string(), |v| fmt_value(lang, v));
            w!(
                body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {fill}><title>{} {}: {}</title></rect>\n",
                N(x + gap / 2.0),
                N(cy + gap / 2.0),
                N(cw - gap),
                N(ch - gap),
                esc(&row_name(r)),
                esc(&col_name(c)),
                esc(&shown)
            );
        }
    }
    body.push_str("</g>\n");

    // Highlighted cells: a thick outline on top.
    let mut marked: Vec<[usize; 2]> = highlight
        .iter()
        .copied()
        .filter(|[r, c]| *r < nr && *c < nc)
        .collect();
    marked.sort_unstable();
    marked.dedup();
    for [r, c] in &marked {
        w!(
            body,
            "<rect class=\"hc-highlight\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" \
             stroke=\"currentColor\" stroke-width=\"3\"/>\n",
            N(left + cw * *c as f64 + 1.0),
            N(top + ch * *r as f64 + 1.0),
            N((cw - 2.0).max(1.0)),
            N((ch - 2.0).max(1.0))
        );
    }

    // Row labels (thinned when rows are low).
    let every_r = (13.0 / ch).ceil().max(1.0) as usize;
    body.push_str("<g class=\"hc-rlabels\" font-size=\"11\" text-anchor=\"end\">\n");
    for (r, shown) in row_labels.iter().enumerate().step_by(every_r) {
        let attrs = format!(
            "x=\"{}\" y=\"{}\"",
            N(left - 6.0),
            N(top + ch * (r as f64 + 0.5) + 4.0)
        );
        label_text(&mut body, &attrs, &row_name(r), shown);
    }
    body.push_str("</g>\n");

    // Column labels (thinned so they do not overlap).
    let col_labels: Vec<String> = (0..nc).map(|c| truncate(&col_name(c), 10)).collect();
    let col_w = col_labels
        .iter()
        .map(|l| text_w(l, 11.0))
        .fold(0.0, f64::max);
    let every_c = ((col_w + 4.0) / cw).ceil().max(1.0) as usize;
    body.push_str("<g class=\"hc-clabels\" font-size=\"11\" text-anchor=\"middle\">\n");
    for (c, shown) in col_labels.iter().enumerate().step_by(every_c) {
        let attrs = format!(
            "x=\"{}\" y=\"{}\"",
            N(left + cw * (c as f64 + 0.5)),
            N(grid_bottom + 14.0)
        );
        label_text(&mut body, &attrs, &col_name(c), shown);
    }
    body.push_str("</g>\n");
    y_title(
        &mut body,
        chart,
        (top + grid_bottom) / 2.0,
        grid_bottom - top,
    );
    let mut ly = x_title(&mut body, chart, left, right, grid_bottom + 32.0) + 8.0;

    if nr < nr_all || nc < nc_all {
        w!(
            body,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>\n",
            N(left),
            N(ly + 10.0),
            esc(&format!(
                "{} {} × {} ({} {} × {})",
                lang.pick("Showing", "Getoond:"),
                lang.int(nr as u64),
                lang.int(nc as u64),
                lang.pick("of", "van"),
                lang.int(nr_all as u64),
                lang.int(nc_all as u64)
            ))
        );
        ly += 16.0;
    }

    // Legend: min, five steps, max; and the outline when used.
    let lo_label = fmt_value(lang, min.min(0.0));
    let hi_label = fmt_value(lang, max);
    let base = ly + 14.0;
    body.push_str("<g class=\"hc-legend\" font-size=\"11\">\n");
    w!(
        body,
        "<text x=\"{}\" y=\"{}\">{}</text>\n",
        N(left),
        N(base),
        esc(&lo_label)
    );
    let mut x = left + text_w(&lo_label, 11.0) + 6.0;
    for op in [0.15, 0.36, 0.58, 0.79, 1.0] {
        w!(
            body,
            "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"12\" fill=\"{SEQ}\" fill-opacity=\"{op:.2}\"/>\n",
            N(x),
            N(base - 10.0)
        );
        x += 18.0;
    }
    w!(
        body,
        "<text x=\"{}\" y=\"{}\">{}</text>\n",
        N(x + 6.0),
        N(base),
        esc(&hi_label)
    );
    x += 6.0 + text_w(&hi_label, 11.0) + 24.0;
    if !marked.is_empty() {
        w!(
            body,
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"none\" stroke=\"currentColor\" \
             stroke-width=\"3\"/>\n<text x=\"{}\" y=\"{}\">{}</text>\n",
            N(x),
            N(base - 10.0),
            N(x + 18.0),
            N(base),
            lang.pick("highlighted", "uitgelicht")
        );
    }
    body.push_str("</g>\n");
    Some(Drawn {
        kind: "heatmap",
        width: W,
        height: base + 12.0,
        body,
    })
}

// ---------------------------------------------------------------------------------------------
// Honeycomb
// ---------------------------------------------------------------------------------------------

/// The seven building blocks as hexagons (or any other number of cells in rows).
fn honeycomb(chart: &Chart, cells: &[HoneycombCell], lang: Lang) -> Option<Drawn> {
    if cells.is_empty() {
        return None;
    }
    let mut body = String::new();
    let seven = cells.len() == 7;
    let width = if seven { HONEYCOMB_W } else { W };
    let y = header(&mut body, &chart.title, width);
    let s3 = 3f64.sqrt();
    let bottom = if seven {
        let (r, gap) = (68.0, 6.0);
        let dist = s3 * r + gap;
        let (cx, cy) = (width / 2.0, y + 8.0 + dist + s3 / 2.0 * r);
        // Slot 0 is the centre, 1–6 go clockwise from the top (flat-topped neighbours).
        let centres: [(f64, f64); 7] = [
            (cx, cy),
            (cx, cy - dist),
            (cx + dist * s3 / 2.0, cy - dist / 2.0),
            (cx + dist * s3 / 2.0, cy + dist / 2.0),
            (cx, cy + dist),
            (cx - dist * s3 / 2.0, cy + dist / 2.0),
            (cx - dist * s3 / 2.0, cy - dist / 2.0),
        ];
        for (cell, slot) in cells.iter().zip(seven_slots(cells)) {
            let (hx, hy) = centres[slot % 7];
            hexagon(&mut body, cell, hx, hy, r, 13.0, lang);
        }
        cy + dist + s3 / 2.0 * r
    } else {
        let (r, per_row) = (54.0, 5usize);
        let pitch_x = 2.0 * r + 12.0;
        let pitch_y = s3 * r + 12.0;
        let first = y + 8.0 + s3 / 2.0 * r;
        for (i, cell) in cells.iter().enumerate() {
            let row = i / per_row;
            let in_row = (cells.len() - row * per_row).min(per_row);
            let col = i % per_row;
            let hx = width / 2.0 + (col as f64 - (in_row as f64 - 1.0) / 2.0) * pitch_x;
            let hy = first + row as f64 * pitch_y;
            hexagon(&mut body, cell, hx, hy, r, 12.0, lang);
        }
        let rows = cells.len().div_ceil(per_row);
        first + (rows as f64 - 1.0) * pitch_y + s3 / 2.0 * r
    };
    let any_missing = cells.iter().any(|c| score_of(c).is_none());
    let mut note = lang
        .pick(
            "Score 0–100: deeper blue = higher",
            "Score 0–100: dieper blauw = hoger",
        )
        .to_string();
    if any_missing {
        note.push_str(lang.pick(
            "; dashed = not analysed",
            "; gestippeld = niet geanalyseerd",
        ));
    }
    w!(
        body,
        "<text class=\"hc-legend\" x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n",
        N(width / 2.0),
        N(bottom + 22.0),
        esc(&note)
    );
    Some(Drawn {
        kind: "honeycomb",
        width,
        height: bottom + 34.0,
        body,
    })
}

/// The slot (0 = centre, 1–6 clockwise from the top) of each of seven cells: the slots of the
/// published figure when the cells are the seven known blocks, else the order given.
fn seven_slots(cells: &[HoneycombCell]) -> [usize; 7] {
    let mut slots = [0, 1, 2, 3, 4, 5, 6];
    let mut used = [false; 7];
    for (i, cell) in cells.iter().enumerate().take(7) {
        let found = FIGURE_SLOTS
            .iter()
            .position(|b| cell.block.trim().eq_ignore_ascii_case(b));
        match found {
            Some(p) if !used[p] => {
                used[p] = true;
                slots[i] = p;
            }
            _ => return [0, 1, 2, 3, 4, 5, 6],
        }
    }
    slots
}

/// A cell's score clamped to 0–100, `None` when missing or not a number.
fn score_of(cell: &HoneycombCell) -> Option<f64> {
    cell.score
        .filter(|s| s.is_finite())
        .map(|s| s.clamp(0.0, 100.0))
}

/// Draws one flat-topped hexagon with its label and score.
fn hexagon(
    body: &mut String,
    cell: &HoneycombCell,
    cx: f64,
    cy: f64,
    r: f64,
    font: f64,
    lang: Lang,
) {
    let points: Vec<String> = (0..6)
        .map(|k| {
            let a = std::f64::consts::PI / 3.0 * k as f64;
            format!("{},{}", N(cx + r * a.cos()), N(cy + r * a.sin()))
        })
        .collect();
    let name = match (cell.label.trim(), cell.block.trim()) {
        ("", "") => "?",
        ("", b) => b,
        (l, _) => l,
    };
    let score = score_of(cell);
    let na = lang.pick("not analysed", "niet geanalyseerd");
    let (style, value) = match score {
        Some(s) => (
            format!(
                "fill=\"{SEQ}\" fill-opacity=\"{:.2}\" stroke=\"currentColor\" stroke-opacity=\".45\" \
                 stroke-width=\"1.5\"",
                0.12 + 0.88 * s / 100.0
            ),
            lang.num(s, 0),
        ),
        None => (
            "fill=\"currentColor\" fill-opacity=\".06\" stroke=\"currentColor\" stroke-opacity=\".55\" \
             stroke-width=\"1.5\" stroke-dasharray=\"5 4\""
                .to_string(),
            na.to_string(),
        ),
    };
    w!(
        body,
        "<g class=\"hc-cell\">\n<polygon points=\"{}\" {style}><title>{}: {}</title></polygon>\n",
        points.join(" "),
        esc(name),
        esc(&value)
    );
    // Text block: label lines, then the score (or "not analysed"), centred vertically.
    let inner = 2.0 * r - 28.0;
    let label_lines = wrap(name, (inner / (font * GLYPH)) as usize, 2);
    let (value_lines, value_font) = match score {
        Some(_) => (vec![value], font + 7.0),
        None => (wrap(na, (inner / (11.0 * GLYPH)) as usize, 2), 11.0),
    };
    let lh = font * 1.25;
    let vh = value_font * 1.2;
    let total = label_lines.len() as f64 * lh + value_lines.len() as f64 * vh;
    let mut y = cy - total / 2.0;
    body.push_str("<g text-anchor=\"middle\">\n");
    for l in &label_lines {
        y += lh;
        w!(
            body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"600\">{}</text>\n",
            N(cx),
            N(y - lh * 0.25),
            N(font),
            esc(l)
        );
    }
    let weight = if score.is_some() {
        " font-weight=\"bold\""
    } else {
        ""
    };
    for l in &value_lines {
        y += vh;
        w!(
            body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}>{}</text>\n",
            N(cx),
            N(y - vh * 0.2),
            N(value_font),
            esc(l)
        );
    }
    body.push_str("</g>\n</g>\n");
}

// ---------------------------------------------------------------------------------------------
// Scatter
// ---------------------------------------------------------------------------------------------

/// At most this many scatter points are drawn (evenly thinned above it).
const MAX_POINTS: usize = 4000;
/// Up to this many drawn points, each carries its own `<title>`.
const MAX_POINT_TITLES: usize = 1500;

/// One axis of a scatter plot, linear or logarithmic. Positions are in axis space: the value
/// on a linear axis, its base-10 logarithm on a logarithmic one.
struct Axis {
    /// Logarithmic.
    log: bool,
    /// Axis-space minimum.
    lo: f64,
    /// Axis-space maximum.
    hi: f64,
    /// Tick positions in axis space.
    ticks: Vec<f64>,
    /// Tick labels.
    labels: Vec<String>,
}

impl Axis {
    /// A linear axis over `lo..hi` (finite, `lo <= hi`).
    fn linear(lo: f64, hi: f64, lang: Lang) -> Axis {
        let (lo, hi, step, ticks) = span_ticks(lo, hi);
        let labels = tick_labels(&ticks, step, lang);
        Axis {
            log: false,
            lo,
            hi,
            ticks,
            labels,
        }
    }

    /// A logarithmic axis over `lo..hi` (positive, `lo <= hi`): ticks at powers of ten, every
    /// power while there are at most ten decades, else every second, fifth, … one.
    fn log(lo: f64, hi: f64, lang: Lang) -> Axis {
        let mut e_lo = lo.log10().floor().clamp(-330.0, 310.0);
        let mut e_hi = hi.log10().ceil().clamp(-330.0, 310.0);
        if e_hi <= e_lo {
            e_hi = e_lo + 1.0;
        }
        let every = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
            .into_iter()
            .find(|k| (e_hi - e_lo) / k <= 10.0)
            .unwrap_or(100.0);
        e_lo = (e_lo / every).floor() * every;
        e_hi = (e_hi / every).ceil() * every;
        let n = ((e_hi - e_lo) / every).round() as usize;
        let ticks: Vec<f64> = (0..=n).map(|i| e_lo + every * i as f64).collect();
        let labels = ticks.iter().map(|e| log_label(lang, *e as i32)).collect();
        Axis {
            log: true,
            lo: e_lo,
            hi: e_hi,
            ticks,
            labels,
        }
    }

    /// Where axis-space position `t` lies, from 0 (minimum) to 1 (maximum).
    fn frac_of(&self, t: f64) -> f64 {
        let span = self.hi / 2.0 - self.lo / 2.0;
        if !(span > 0.0 && span.is_finite()) {
            return 0.5;
        }
        let f = (t / 2.0 - self.lo / 2.0) / span;
        if f.is_nan() { 0.5 } else { f.clamp(0.0, 1.0) }
    }

    /// Where value `v` lies, from 0 to 1.
    fn frac(&self, v: f64) -> f64 {
        self.frac_of(if self.log { v.log10() } else { v })
    }
}

/// The label of the tick at 10^`e`: `0.01`, `1`, `100`, `1k`, `10k`, `1M` (`1 mln`), … and
/// `1e-9` or `1e18` far out.
fn log_label(lang: Lang, e: i32) -> String {
    let p = |k: i32| 10u64.pow(k.clamp(0, 2) as u32);
    match e {
        -6..=-1 => lang.num(10f64.powi(e), e.unsigned_abs() as usize),
        0..=2 => lang.int(p(e)),
        3..=5 => format!("{}k", p(e - 3)),
        6..=8 => format!("{}{}", p(e - 6), lang.pick("M", " mln")),
        9..=11 => format!("{}{}", p(e - 9), lang.pick("B", " mld")),
        12..=14 => format!("{}{}", p(e - 12), lang.pick("T", " bln")),
        _ => format!("1e{e}"),
    }
}

/// Nice ticks for a linear scatter axis: like [`nice_ticks`] (from zero) when the range
/// touches or comes near zero, else ticks around the data only.
fn span_ticks(lo: f64, hi: f64) -> (f64, f64, f64, Vec<f64>) {
    let near_zero =
        (lo <= 0.0 && hi >= 0.0) || (lo > 0.0 && lo <= hi / 2.0) || (hi < 0.0 && hi >= lo / 2.0);
    if near_zero || !(lo.is_finite() && hi.is_finite()) {
        return nice_ticks(lo, hi);
    }
    // Both ends have the same sign, so `hi - lo` cannot overflow.
    let (mut lo, mut hi) = (lo.min(hi), hi.max(lo));
    if hi <= lo {
        let d = (lo.abs() * 0.05).max(f64::MIN_POSITIVE);
        lo -= d;
        hi += d;
    }
    let raw = (hi - lo) / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = if mag > 0.0 && mag.is_finite() {
        let norm = raw / mag;
        [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .find(|m| *m >= norm * (1.0 - 1e-9))
            .unwrap_or(10.0)
            * mag
    } else {
        raw
    };
    if !(step > 0.0 && step.is_finite()) {
        return (lo, hi, hi - lo, vec![lo, hi]);
    }
    let k_lo = (lo / step).floor();
    let mut k_hi = (hi / step).ceil();
    if k_hi <= k_lo || k_hi.is_nan() {
        k_hi = k_lo + 1.0;
    }
    let n = (k_hi - k_lo).clamp(1.0, 12.0) as usize;
    let ticks: Vec<f64> = (0..=n).map(|i| (k_lo + i as f64) * step).collect();
    let first = ticks.first().copied().unwrap_or(lo);
    let last = ticks.last().copied().unwrap_or(hi);
    (first, last, step, ticks)
}

/// Points in the plane, one colour per series, on linear or logarithmic axes.
fn scatter(
    chart: &Chart,
    series: &[PointSeries],
    log_x: bool,
    log_y: bool,
    lang: Lang,
) -> Option<Drawn> {
    let ok = |v: f64, log: bool| v.is_finite() && (!log || v > 0.0);
    let kept: Vec<Vec<[f64; 2]>> = series
        .iter()
        .map(|s| {
            s.points
                .iter()
                .copied()
                .filter(|p| ok(p[0], log_x) && ok(p[1], log_y))
                .collect()
        })
        .collect();
    let total: usize = kept.iter().map(Vec::len).sum();
    let range = |k: usize| {
        kept.iter()
            .flatten()
            .fold(None, |r: Option<(f64, f64)>, p| {
                Some(r.map_or((p[k], p[k]), |(lo, hi)| (lo.min(p[k]), hi.max(p[k]))))
            })
    };
    let ((x_lo, x_hi), (y_lo, y_hi)) = (range(0)?, range(1)?);
    let axis = |log: bool, lo: f64, hi: f64| {
        if log {
            Axis::log(lo, hi, lang)
        } else {
            Axis::linear(lo, hi, lang)
        }
    };
    let (xa, ya) = (axis(log_x, x_lo, x_hi), axis(log_y, y_lo, y_hi));

    let mut body = String::new();
    let mut y = header(&mut body, &chart.title, W);
    let names = legend_names(series.iter().map(|s| s.name.as_str()), lang);
    if series.len() > 1 {
        y = legend(&mut body, &names, y, Mark::Dot);
    }
    let top = y + 20.0;
    let bottom = top + 260.0;
    let label_w = |l: Option<&String>| l.map_or(0.0, |l| text_w(l, 11.0));
    // The outer x tick labels are centred on the ends of the axis: keep room for their halves.
    let left = axis_margin(chart, &ya.labels).max(4.0 + label_w(xa.labels.first()) / 2.0);
    let right = (W - PAD).min(W - 4.0 - label_w(xa.labels.last()) / 2.0);
    let inset = 6.0;
    let px = |f: f64| left + inset + f * (right - left - 2.0 * inset);
    let py = |f: f64| bottom - inset - f * (bottom - top - 2.0 * inset);

    // Grid, tick labels and the two axes.
    body.push_str("<g class=\"hc-grid\" stroke=\"currentColor\" stroke-opacity=\".15\">\n");
    for t in &xa.ticks {
        let x = px(xa.frac_of(*t));
        w!(
            body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
            N(x),
            N(top),
            N(x),
            N(bottom)
        );
    }
    for t in &ya.ticks {
        let yy = py(ya.frac_of(*t));
        w!(
            body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
            N(left),
            N(yy),
            N(right),
            N(yy)
        );
    }
    body.push_str("</g>\n<g class=\"hc-ticks\" font-size=\"11\" text-anchor=\"end\">\n");
    for (t, label) in ya.ticks.iter().zip(&ya.labels) {
        w!(
            body,
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            N(left - 6.0),
            N(py(ya.frac_of(*t)) + 4.0),
            esc(label)
        );
    }
    body.push_str("</g>\n");
    // x tick labels, thinned so that they do not overlap.
    let widest = xa
        .labels
        .iter()
        .map(|l| text_w(l, 11.0))
        .fold(0.0, f64::max);
    let gap = if xa.ticks.len() > 1 {
        (right - left - 2.0 * inset) / (xa.ticks.len() - 1) as f64
    } else {
        f64::INFINITY
    };
    let every = ((widest + 8.0) / gap).ceil().max(1.0) as usize;
    body.push_str("<g class=\"hc-xlabels\" font-size=\"11\" text-anchor=\"middle\">\n");
    for (t, label) in xa.ticks.iter().zip(&xa.labels).step_by(every) {
        w!(
            body,
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            N(px(xa.frac_of(*t))),
            N(bottom + 15.0),
            esc(label)
        );
    }
    body.push_str("</g>\n");
    w!(
        body,
        "<g class=\"hc-axis\" stroke=\"currentColor\" stroke-opacity=\".6\">\
         <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\
         <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/></g>\n",
        N(left),
        N(top),
        N(left),
        N(bottom),
        N(left),
        N(bottom),
        N(right),
        N(bottom)
    );
    y_title(&mut body, chart, (top + bottom) / 2.0, bottom - top);

    // Points, evenly thinned when there are too many.
    let stride = total.div_ceil(MAX_POINTS).max(1);
    let shown: usize = kept.iter().map(|p| p.len().div_ceil(stride)).sum();
    let titles = shown <= MAX_POINT_TITLES;
    let r = if shown <= 200 {
        3.5
    } else if shown <= 1000 {
        2.5
    } else {
        1.8
    };
    let axis_name = |label: &str, fallback: &'static str| match label.trim() {
        "" => fallback.to_string(),
        l => truncate(l, 40),
    };
    let (x_name, y_name) = (
        axis_name(&chart.x_label, "x"),
        axis_name(&chart.y_label, "y"),
    );
    for (j, pts) in kept.iter().enumerate() {
        if pts.is_empty() {
            continue;
        }
        let (colour, light) = series_style(j);
        let outline = if light {
            " stroke=\"currentColor\" stroke-width=\".75\""
        } else {
            ""
        };
        w!(
            body,
            "<g class=\"hc-series\" fill=\"{colour}\" fill-opacity=\".85\"{outline}>\n"
        );
        for p in pts.iter().step_by(stride) {
            let (cx, cy) = (px(xa.frac(p[0])), py(ya.frac(p[1])));
            if titles {
                let prefix = match names.get(j) {
                    Some(name) if series.len() > 1 => format!("{name} · "),
                    _ => String::new(),
                };
                w!(
                    body,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"><title>{}</title></circle>\n",
                    N(cx),
                    N(cy),
                    N(r),
                    esc(&format!(
                        "{prefix}{x_name}: {} · {y_name}: {}",
                        fmt_value(lang, p[0]),
                        fmt_value(lang, p[1])
                    ))
                );
            } else {
                w!(
                    body,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>\n",
                    N(cx),
                    N(cy),
                    N(r)
                );
            }
        }
        body.push_str("</g>\n");
    }
    let mut end = x_title(&mut body, chart, left, right, bottom + 34.0);
    if shown < total {
        w!(
            body,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>\n",
            N(left),
            N(end + 10.0),
            esc(&format!(
                "{} {} {} {} {}",
                lang.pick("Showing", "Getoond:"),
                lang.int(shown as u64),
                lang.pick("of", "van"),
                lang.int(total as u64),
                lang.pick("points", "punten")
            ))
        );
        end += 16.0;
    }
    Some(Drawn {
        kind: "scatter",
        width: W,
        height: end + 12.0,
        body,
    })
}

// ---------------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------------

/// At most this many network nodes are drawn (highlighted ones first, then the largest).
const MAX_NODES: usize = 300;
/// At most this many network edges are drawn (the heaviest).
const MAX_EDGES: usize = 3000;
/// At most this many node labels are drawn (highlighted nodes first, then the largest).
const MAX_NODE_LABELS: usize = 40;
/// Iterations of the force layout.
const LAYOUT_ITERATIONS: usize = 300;
/// Height of the network drawing area: from this for a few nodes …
const NETWORK_MIN_H: f64 = 220.0;
/// … to this for many.
const NETWORK_MAX_H: f64 = 380.0;

/// A size, or 0 when it is not a positive number.
fn positive(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 { v } else { 0.0 }
}

/// Fruchterman–Reingold force-directed layout ("Graph drawing by force-directed placement",
/// Software: Practice and Experience 21(11), 1991) with unit area (`k = √(1/n)`) and a pull
/// to the centre (force `d`), so that separate parts and lone nodes stay near the rest
/// instead of drifting away. The caller scales the result to the canvas.
///
/// Deterministic: nodes start on a circle ordered by group, then index, and every step runs in
/// a fixed order, so the same input always gives the same positions.
fn force_layout(groups: &[u32], edges: &[(usize, usize, f64)]) -> Vec<[f64; 2]> {
    let n = groups.len();
    let mut pos = vec![[0.0f64; 2]; n];
    if n <= 1 {
        return pos;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (groups[i], i));
    for (k, &i) in order.iter().enumerate() {
        let a = std::f64::consts::TAU * k as f64 / n as f64;
        pos[i] = [0.5 * a.cos(), 0.5 * a.sin()];
    }
    let k2 = 1.0 / n as f64;
    let k = k2.sqrt();
    let w_max = edges.iter().map(|e| e.2).fold(0.0, f64::max);
    let mut temp = 0.1;
    let cool = temp / (LAYOUT_ITERATIONS as f64 + 1.0);
    let mut disp = vec![[0.0f64; 2]; n];
    for _ in 0..LAYOUT_ITERATIONS {
        disp.fill([0.0, 0.0]);
        // Repulsion between every pair: k² / d.
        for i in 0..n {
            for j in i + 1..n {
                let (mut dx, mut dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                let mut d2 = dx * dx + dy * dy;
                if d2 < 1e-12 {
                    // Coincident nodes: part them in a direction fixed by their indexes.
                    dx = 1e-4 * (1 + i % 7) as f64;
                    dy = 1e-4 * (1 + j % 5) as f64;
                    d2 = dx * dx + dy * dy;
                }
                let f = k2 / d2;
                disp[i][0] += dx * f;
                disp[i][1] += dy * f;
                disp[j][0] -= dx * f;
                disp[j][1] -= dy * f;
            }
        }
        // Attraction along edges: d² / k, stronger for heavier edges.
        for &(a, b, w) in edges {
            let (dx, dy) = (pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]);
            let d = (dx * dx + dy * dy).sqrt();
            let s = if w_max > 0.0 {
                0.5 + 0.5 * w / w_max
            } else {
                0.5
            };
            let f = d / k * s;
            disp[a][0] -= dx * f;
            disp[a][1] -= dy * f;
            disp[b][0] += dx * f;
            disp[b][1] += dy * f;
        }
        for (p, d) in pos.iter_mut().zip(&mut disp) {
            d[0] -= p[0];
            d[1] -= p[1];
            let len = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if len > 0.0 && len.is_finite() {
                let step = len.min(temp) / len;
                p[0] = (p[0] + d[0] * step).clamp(-10.0, 10.0);
                p[1] = (p[1] + d[1] * step).clamp(-10.0, 10.0);
            }
        }
        temp = (temp - cool).max(1e-4);
    }
    pos
}

/// A small network: nodes sized by area and coloured by group, edges by weight.
fn network(chart: &Chart, nodes: &[NetNode], edges: &[NetEdge], lang: Lang) -> Option<Drawn> {
    if nodes.is_empty() {
        return None;
    }
    // Which nodes are drawn: all, or the highlighted and then the largest ones.
    let mut keep: Vec<usize> = (0..nodes.len()).collect();
    if nodes.len() > MAX_NODES {
        keep.sort_by(|&a, &b| {
            nodes[b]
                .highlight
                .cmp(&nodes[a].highlight)
                .then(positive(nodes[b].size).total_cmp(&positive(nodes[a].size)))
                .then(a.cmp(&b))
        });
        keep.truncate(MAX_NODES);
        keep.sort_unstable();
    }
    let mut slot = vec![usize::MAX; nodes.len()];
    for (k, &i) in keep.iter().enumerate() {
        slot[i] = k;
    }
    let n = keep.len();
    let node = |k: usize| &nodes[keep[k]];
    // Edges between drawn nodes, no loops; the heaviest when there are too many.
    let mut lines: Vec<(usize, usize, f64)> = edges
        .iter()
        .filter_map(|e| {
            let a = *slot.get(e.source as usize)?;
            let b = *slot.get(e.target as usize)?;
            (a != usize::MAX && b != usize::MAX && a != b).then_some((a, b, positive(e.weight)))
        })
        .collect();
    if lines.len() > MAX_EDGES {
        let mut by_weight: Vec<usize> = (0..lines.len()).collect();
        by_weight.sort_by(|&a, &b| lines[b].2.total_cmp(&lines[a].2).then(a.cmp(&b)));
        by_weight.truncate(MAX_EDGES);
        by_weight.sort_unstable();
        lines = by_weight.into_iter().map(|i| lines[i]).collect();
    }

    let mut body = String::new();
    let y = header(&mut body, &chart.title, W);
    let r_max = (20.0 * (30.0 / n as f64).sqrt()).clamp(6.0, 20.0);
    let r_min = 2.5;
    let s_max = (0..n).map(|k| positive(node(k).size)).fold(0.0, f64::max);
    let radius: Vec<f64> = (0..n)
        .map(|k| {
            if s_max > 0.0 {
                (r_max * (positive(node(k).size) / s_max).sqrt()).clamp(r_min, r_max)
            } else {
                (r_min + r_max) / 2.0
            }
        })
        .collect();
    let (left, right) = (PAD + r_max, W - PAD - r_max);
    let height = (90.0 * (n as f64).sqrt()).clamp(NETWORK_MIN_H, NETWORK_MAX_H);
    let (top, bottom) = (y + 8.0 + r_max, y + 8.0 + r_max + height);
    let groups: Vec<u32> = (0..n).map(|k| node(k).group).collect();
    let raw = force_layout(&groups, &lines);
    // Fit the layout to the drawing area, centred, stretched at most 1.6 times more along
    // one axis than along the other.
    let span = |v: fn(&[f64; 2]) -> f64| {
        raw.iter()
            .map(v)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
                (a.min(x), b.max(x))
            })
    };
    let (bx, by) = (span(|p| p[0]), span(|p| p[1]));
    let scale = |(min, max): (f64, f64), room: f64| {
        if max - min > 1e-9 {
            room / (max - min)
        } else {
            f64::INFINITY
        }
    };
    let (sx, sy) = (scale(bx, right - left), scale(by, bottom - top));
    let s = sx.min(sy);
    let (sx, sy) = (sx.min(1.6 * s), sy.min(1.6 * s));
    let place = |v: f64, (min, max): (f64, f64), k: f64, lo: f64, hi: f64| {
        if k.is_finite() {
            (lo + hi) / 2.0 + (v - (min + max) / 2.0) * k
        } else {
            (lo + hi) / 2.0
        }
    };
    let xs: Vec<f64> = raw
        .iter()
        .map(|p| place(p[0], bx, sx, left, right))
        .collect();
    let ys: Vec<f64> = raw
        .iter()
        .map(|p| place(p[1], by, sy, top, bottom))
        .collect();

    // Edges, width by weight.
    let w_max = lines.iter().map(|e| e.2).fold(0.0, f64::max);
    body.push_str(
        "<g class=\"hc-edges\" stroke=\"currentColor\" stroke-opacity=\".35\" stroke-linecap=\"round\">\n",
    );
    for &(a, b, wt) in &lines {
        let width = if w_max > 0.0 {
            (4.0 * wt / w_max).clamp(0.8, 4.0)
        } else {
            0.8
        };
        w!(
            body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"/>\n",
            N(xs[a]),
            N(ys[a]),
            N(xs[b]),
            N(ys[b]),
            N(width)
        );
    }
    body.push_str("</g>\n");

    // Nodes: the largest first (small ones stay visible on top), highlighted ones last.
    let mut draw: Vec<usize> = (0..n).collect();
    draw.sort_by(|&a, &b| {
        node(a)
            .highlight
            .cmp(&node(b).highlight)
            .then(radius[b].total_cmp(&radius[a]))
            .then(a.cmp(&b))
    });
    let name = |k: usize| match node(k).label.trim() {
        "" => format!("{} {}", lang.pick("Node", "Knoop"), keep[k] + 1),
        l => l.to_string(),
    };
    body.push_str("<g class=\"hc-nodes\">\n");
    for &k in &draw {
        let (colour, light) = series_style(node(k).group as usize);
        let outline = if node(k).highlight {
            "class=\"hc-highlight\" stroke=\"currentColor\" stroke-width=\"3\""
        } else if light {
            "stroke=\"currentColor\" stroke-opacity=\".8\" stroke-width=\"1\""
        } else {
            "stroke=\"currentColor\" stroke-opacity=\".4\" stroke-width=\"1\""
        };
        w!(
            body,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{colour}\" {outline}><title>{} ({} {})</title></circle>\n",
            N(xs[k]),
            N(ys[k]),
            N(radius[k]),
            esc(&name(k)),
            lang.pick("group", "groep"),
            u64::from(node(k).group) + 1
        );
    }
    body.push_str("</g>\n");

    // Labels beside the nodes (right, else left), inside the canvas, over neither another
    // label nor another node; a label that finds no room is left to the node's `<title>`.
    let mut by_rank: Vec<usize> = (0..n).collect();
    by_rank.sort_by(|&a, &b| {
        node(b)
            .highlight
            .cmp(&node(a).highlight)
            .then(radius[b].total_cmp(&radius[a]))
            .then(a.cmp(&b))
    });
    let overlaps =
        |a: &[f64; 4], b: &[f64; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    let discs: Vec<[f64; 4]> = (0..n)
        .map(|k| {
            let r = radius[k] * 0.85;
            [xs[k] - r, ys[k] - r, xs[k] + r, ys[k] + r]
        })
        .collect();
    let mut placed: Vec<[f64; 4]> = Vec::new();
    let mut labels = String::new();
    for &k in by_rank.iter().take(MAX_NODE_LABELS) {
        let full = node(k).label.trim();
        if full.is_empty() {
            continue;
        }
        let (cx, cy, r) = (xs[k], ys[k], radius[k]);
        let base = (cy + 4.0).clamp(y + 12.0, bottom + r_max - 2.0);
        let free = |rect: &[f64; 4]| {
            !placed.iter().any(|p| overlaps(rect, p))
                && !discs
                    .iter()
                    .enumerate()
                    .any(|(j, d)| j != k && overlaps(rect, d))
        };
        let mut chosen = None;
        for right_side in [true, false] {
            let room = if right_side {
                W - PAD - (cx + r + 3.0)
            } else {
                (cx - r - 3.0) - PAD
            };
            let fit = (room / (11.0 * GLYPH)).floor();
            if fit < 4.0 {
                continue;
            }
            let shown = truncate(full, (fit as usize).min(24));
            let wdt = text_w(&shown, 11.0);
            let (x0, x) = if right_side {
                (cx + r + 3.0, cx + r + 3.0)
            } else {
                (cx - r - 3.0 - wdt, cx - r - 3.0)
            };
            let rect = [x0, base - 10.0, x0 + wdt, base + 3.0];
            if free(&rect) {
                chosen = Some((rect, x, right_side, shown));
                break;
            }
        }
        let Some((rect, x, right_side, shown)) = chosen else {
            continue;
        };
        placed.push(rect);
        let anchor = if right_side { "start" } else { "end" };
        let attrs = format!("x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"", N(x), N(base));
        label_text(&mut labels, &attrs, full, &shown);
    }
    if !labels.is_empty() {
        body.push_str("<g class=\"hc-labels\" font-size=\"11\">\n");
        body.push_str(&labels);
        body.push_str("</g>\n");
    }

    // What the marks mean.
    let mut note = lang
        .pick(
            "Circle area = size; colour = group",
            "Oppervlak cirkel = grootte; kleur = groep",
        )
        .to_string();
    if (0..n).any(|k| node(k).highlight) {
        note.push_str(lang.pick("; thick outline = highlighted", "; dikke rand = uitgelicht"));
    }
    if !lines.is_empty() {
        note.push_str(lang.pick("; line width = weight", "; lijndikte = gewicht"));
    }
    if n < nodes.len() {
        note.push_str(&format!(
            " ({} {} {} {})",
            lang.pick("showing", "getoond:"),
            lang.int(n as u64),
            lang.pick("of", "van"),
            lang.int(nodes.len() as u64)
        ));
    }
    let base = bottom + r_max + 20.0;
    w!(
        body,
        "<text class=\"hc-legend\" x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>\n",
        N(PAD),
        N(base),
        esc(&note)
    );
    Some(Drawn {
        kind: "network",
        width: W,
        height: base + 12.0,
        body,
    })
}

// ---------------------------------------------------------------------------------------------
// No data
// ---------------------------------------------------------------------------------------------

/// The small chart shown when there is nothing to draw.
fn no_data(chart: &Chart, lang: Lang) -> Drawn {
    let mut body = String::new();
    let y = header(&mut body, &chart.title, W);
    w!(
        body,
        "<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\" fill-opacity=\".75\">{}</text>\n",
        N(W / 2.0),
        N(y + 28.0),
        lang.pick("no data", "geen gegevens")
    );
    Drawn {
        kind: "empty",
        width: W,
        height: y + 48.0,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(id: &str, title: &str, kind: ChartKind) -> Chart {
        Chart {
            id: id.into(),
            title: title.into(),
            description: "A description.".into(),
            x_label: "x axis".into(),
            y_label: "y axis".into(),
            kind,
        }
    }

    fn series(name: &str, values: &[f64]) -> Series {
        Series {
            name: name.into(),
            values: values.to_vec(),
        }
    }

    fn bar_kind() -> ChartKind {
        ChartKind::Bar {
            categories: vec!["Mon".into(), "Tue".into(), "Wed".into()],
            series: vec![
                series("posts", &[3.0, 7.5, 1234.5]),
                series("replies", &[1.0, 0.0, 2.0]),
            ],
        }
    }

    fn line_kind() -> ChartKind {
        ChartKind::Line {
            x: (1..=30).map(|d| format!("2024-01-{d:02}")).collect(),
            series: vec![
                series("a", &(0..30).map(|i| i as f64).collect::<Vec<_>>()),
                series(
                    "b",
                    &(0..30).map(|i| (30 - i) as f64 * 1.5).collect::<Vec<_>>(),
                ),
            ],
        }
    }

    fn heatmap_kind(highlight: Vec<[usize; 2]>) -> ChartKind {
        ChartKind::Heatmap {
            rows: Lang::En
                .weekdays_short()
                .iter()
                .map(|s| s.to_string())
                .collect(),
            columns: (0..24).map(|h| h.to_string()).collect(),
            values: (0..7)
                .map(|r| (0..24).map(|c| ((r * c) % 11) as f64).collect())
                .collect(),
            highlight,
        }
    }

    fn cells(scores: [Option<f64>; 7]) -> Vec<HoneycombCell> {
        honeycomb_core::BLOCKS
            .iter()
            .zip(scores)
            .map(|(b, score)| HoneycombCell {
                block: b.to_string(),
                label: b.to_string(),
                score,
            })
            .collect()
    }

    fn honeycomb_kind() -> ChartKind {
        ChartKind::Honeycomb {
            cells: cells([
                Some(72.0),
                Some(10.0),
                None,
                Some(100.0),
                Some(0.0),
                Some(55.5),
                Some(33.0),
            ]),
        }
    }

    fn points(name: &str, pts: &[[f64; 2]]) -> PointSeries {
        PointSeries {
            name: name.into(),
            points: pts.to_vec(),
        }
    }

    /// A degree distribution: two series, log-log, with points a log axis cannot show.
    fn scatter_kind() -> ChartKind {
        ChartKind::Scatter {
            series: vec![
                points(
                    "in-degree",
                    &[
                        [1.0, 1200.0],
                        [2.0, 400.0],
                        [5.0, 60.0],
                        [40.0, 3.0],
                        [900.0, 1.0],
                        [0.0, 50.0],
                        [3.0, -1.0],
                        [f64::NAN, 2.0],
                    ],
                ),
                points("out-degree", &[[1.0, 800.0], [3.0, 200.0], [20.0, 9.0]]),
            ],
            log_x: true,
            log_y: true,
        }
    }

    fn node(label: &str, size: f64, group: u32, highlight: bool) -> NetNode {
        NetNode {
            label: label.into(),
            size,
            group,
            highlight,
        }
    }

    fn edge(source: u32, target: u32, weight: f64) -> NetEdge {
        NetEdge {
            source,
            target,
            weight,
        }
    }

    /// Two triangles joined by one edge, a brand node in the first.
    fn network_kind() -> ChartKind {
        ChartKind::Network {
            nodes: vec![
                node("acme", 12.0, 0, true),
                node("alice", 4.0, 0, false),
                node("bob", 3.0, 0, false),
                node("carol", 6.0, 1, false),
                node("dave", 2.0, 1, false),
                node("erin", 1.0, 1, false),
            ],
            edges: vec![
                edge(0, 1, 2.0),
                edge(1, 2, 1.0),
                edge(2, 0, 1.0),
                edge(3, 4, 1.0),
                edge(4, 5, 2.0),
                edge(5, 3, 1.0),
                edge(0, 3, 1.0),
            ],
        }
    }

    fn all_kinds() -> Vec<ChartKind> {
        vec![
            bar_kind(),
            line_kind(),
            heatmap_kind(vec![[1, 20]]),
            scatter_kind(),
            network_kind(),
            honeycomb_kind(),
        ]
    }

    /// The numbers of attribute `name` on the elements of `tag` (`<circle`, …).
    fn attr_values(svg: &str, tag: &str, name: &str) -> Vec<f64> {
        svg.split(tag)
            .skip(1)
            .filter_map(|rest| {
                let el = rest.split('>').next()?;
                let v = el.split(&format!(" {name}=\"")).nth(1)?;
                v.split('"').next()?.parse().ok()
            })
            .collect()
    }

    /// Checks tag nesting, entities and the absence of unprintable numbers.
    fn assert_well_formed(svg: &str) {
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{svg}"
        );
        assert!(svg.ends_with("</svg>"), "{svg}");
        let opens = svg.matches("<g ").count() + svg.matches("<g>").count();
        assert_eq!(opens, svg.matches("</g>").count(), "unbalanced <g>: {svg}");
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = svg;
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            let end = after.find('>');
            assert!(end.is_some(), "unclosed tag in {svg}");
            let end = end.unwrap_or(0);
            let tag = &after[..end];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name.trim()), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap_or(""));
            }
            rest = &after[end + 1..];
        }
        assert!(stack.is_empty(), "unclosed elements {stack:?}");
        for (i, _) in svg.match_indices('&') {
            let tail = &svg[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                    .iter()
                    .any(|e| tail.starts_with(e)),
                "bare & at {i}"
            );
        }
        assert!(
            !svg.contains("NaN") && !svg.contains("inf\""),
            "non-finite number in {svg}"
        );
        assert!(
            !svg.contains("\n\n"),
            "blank line would end a Markdown HTML block"
        );
        assert!(svg.contains("role=\"img\""));
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let evil = "<script>alert(1)</script>";
        let attr = "\" onload=\"x";
        let kinds = vec![
            ChartKind::Bar {
                categories: vec![evil.into(), attr.into()],
                series: vec![series(evil, &[1.0, 2.0]), series(attr, &[3.0, 4.0])],
            },
            ChartKind::Line {
                x: vec![evil.into(), attr.into()],
                series: vec![series(evil, &[1.0, 2.0]), series(attr, &[2.0, 1.0])],
            },
            ChartKind::Heatmap {
                rows: vec![evil.into()],
                columns: vec![attr.into(), "'&'".into()],
                values: vec![vec![1.0, 2.0]],
                highlight: vec![[0, 1]],
            },
            ChartKind::Scatter {
                series: vec![
                    points(evil, &[[1.0, 2.0], [3.0, 4.0]]),
                    points(attr, &[[2.0, 1.0]]),
                ],
                log_x: false,
                log_y: true,
            },
            ChartKind::Network {
                nodes: vec![
                    node(evil, 2.0, 0, true),
                    node(attr, 1.0, 1, false),
                    node("'&'", 1.0, 7, false),
                ],
                edges: vec![edge(0, 1, 1.0), edge(1, 2, 3.0)],
            },
            ChartKind::Honeycomb {
                cells: vec![HoneycombCell {
                    block: attr.into(),
                    label: evil.into(),
                    score: Some(50.0),
                }],
            },
        ];
        for kind in kinds {
            let mut c = chart("x\"><script>", evil, kind);
            c.description = attr.into();
            c.x_label = evil.into();
            c.y_label = attr.into();
            for lang in [Lang::En, Lang::Nl] {
                let svg = render_svg(&c, lang);
                assert_well_formed(&svg);
                assert!(!svg.contains("<script"), "{svg}");
                assert!(!svg.contains("onload=\""), "{svg}");
                assert!(!svg.contains("onload=\"x"), "{svg}");
                assert!(
                    svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                    "{svg}"
                );
                assert!(svg.contains("&quot; onload=&quot;x"), "{svg}");
                assert!(
                    !svg.contains("foreignObject") && !svg.contains("href"),
                    "{svg}"
                );
            }
        }
    }

    #[test]
    fn ids_are_sanitised_and_distinct() {
        let a = id_prefix("presence-heatmap");
        assert_eq!(a, "chart-presence-heatmap");
        let b = id_prefix("A b");
        let c = id_prefix("a-b");
        assert_ne!(b, c);
        for id in [&a, &b, &c, &id_prefix("\"><&"), &id_prefix("")] {
            assert!(id.starts_with("chart-"));
            assert!(
                id.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{id}"
            );
        }
        let svg = render_svg(&chart("Weird ID!", "t", bar_kind()), Lang::En);
        let p = id_prefix("Weird ID!");
        assert!(svg.contains(&format!("aria-labelledby=\"{p}-title {p}-desc\"")));
        assert!(svg.contains(&format!("<title id=\"{p}-title\">t</title>")));
        assert!(svg.contains(&format!("<desc id=\"{p}-desc\">A description.</desc>")));
    }

    #[test]
    fn rendering_is_deterministic_and_well_formed() {
        for kind in all_kinds() {
            let c = chart("c1", "Title", kind);
            for lang in [Lang::En, Lang::Nl] {
                let first = render_svg(&c, lang);
                assert_eq!(first, render_svg(&c.clone(), lang));
                assert_well_formed(&first);
                assert!(first.contains("width=\"100%\""));
                assert!(first.contains("max-width:"));
            }
        }
    }

    #[test]
    fn bar_values_follow_the_locale_and_show_a_legend() {
        let c = chart("bars", "Posts", bar_kind());
        let en = render_svg(&c, Lang::En);
        let nl = render_svg(&c, Lang::Nl);
        assert!(en.contains("1,234.5"), "{en}");
        assert!(nl.contains("1.234,5"), "{nl}");
        assert!(en.contains("class=\"hc-legend\""));
        assert_eq!(
            en.matches("<rect").count(),
            6 + 2,
            "six bars and two legend swatches"
        );
        // One series: no legend.
        let single = chart(
            "one",
            "t",
            ChartKind::Bar {
                categories: vec!["a".into()],
                series: vec![series("s", &[5.0])],
            },
        );
        assert!(!render_svg(&single, Lang::En).contains("hc-legend"));
    }

    #[test]
    fn bar_handles_awkward_values() {
        let c = chart(
            "odd",
            "t",
            ChartKind::Bar {
                categories: vec!["a".into(), "b".into(), "c".into(), "d".into(), "e".into()],
                series: vec![series("s", &[f64::NAN, f64::INFINITY, -5.0, 1e300, -1e300])],
            },
        );
        let svg = render_svg(&c, Lang::En);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<rect").count(), 3, "NaN and inf are skipped");
        let zeros = chart(
            "zero",
            "t",
            ChartKind::Bar {
                categories: vec!["a".into(), "b".into()],
                series: vec![series("s", &[0.0, 0.0]), series("", &[])],
            },
        );
        let svg = render_svg(&zeros, Lang::En);
        assert_well_formed(&svg);
        assert!(!svg.contains("no data"));
        let negative = chart(
            "neg",
            "t",
            ChartKind::Bar {
                categories: vec!["a".into(), "b".into()],
                series: vec![series("s", &[-12.0, 30.0])],
            },
        );
        let svg = render_svg(&negative, Lang::En);
        assert!(
            svg.contains(">-20</text>"),
            "axis extends below zero: {svg}"
        );
    }

    #[test]
    fn many_bar_categories_are_rotated_and_truncated() {
        let c = chart(
            "many",
            "t",
            ChartKind::Bar {
                categories: (0..40)
                    .map(|i| format!("a rather long category name {i}"))
                    .collect(),
                series: vec![series("s", &(0..40).map(f64::from).collect::<Vec<_>>())],
            },
        );
        let svg = render_svg(&c, Lang::En);
        assert_well_formed(&svg);
        assert!(svg.contains("rotate(-45"));
        assert!(svg.contains('…'));
    }

    #[test]
    fn nice_ticks_use_round_steps() {
        let (lo, hi, step, ticks) = nice_ticks(0.0, 87.0);
        assert_eq!((lo, hi, step), (0.0, 100.0, 25.0));
        assert_eq!(ticks, vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        let (lo, _, step, _) = nice_ticks(-12.0, 30.0);
        assert_eq!((lo, step), (-20.0, 20.0));
        let (_, hi, _, ticks) = nice_ticks(0.0, 0.0);
        assert_eq!(hi, 1.0);
        assert!((4..=6).contains(&ticks.len()));
        for (a, b) in [(0.0, 1e308), (-1e308, 1e308), (0.0, 5e-324), (3.0, 3.0)] {
            let (_, _, step, ticks) = nice_ticks(a, b);
            assert!(step > 0.0 && (2..=13).contains(&ticks.len()), "{a} {b}");
        }
    }

    #[test]
    fn line_handles_zero_one_and_gappy_points() {
        let one = chart(
            "one",
            "t",
            ChartKind::Line {
                x: vec!["only".into()],
                series: vec![series("s", &[4.0])],
            },
        );
        let svg = render_svg(&one, Lang::En);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<circle").count(), 1);
        assert!(!svg.contains("<polyline"));
        let gappy = chart(
            "gap",
            "t",
            ChartKind::Line {
                x: vec![],
                series: vec![series("s", &[1.0, 2.0, f64::NAN, 3.0, 4.0])],
            },
        );
        let svg = render_svg(&gappy, Lang::En);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<polyline").count(), 2);
        let labels = render_svg(&chart("l", "t", line_kind()), Lang::En);
        let printed = labels.split("class=\"hc-xlabels\"").nth(1).map_or(0, |s| {
            s.split("</g>")
                .next()
                .unwrap_or("")
                .matches("<text")
                .count()
        });
        assert!((1..=12).contains(&printed), "{printed} x labels");
    }

    #[test]
    fn heatmap_outlines_highlights_and_titles_cells() {
        let svg = render_svg(
            &chart("h", "t", heatmap_kind(vec![[2, 20], [2, 20], [99, 0]])),
            Lang::En,
        );
        assert_well_formed(&svg);
        assert_eq!(svg.matches("class=\"hc-highlight\"").count(), 1);
        assert!(svg.contains("stroke-width=\"3\""));
        assert!(svg.contains("<title>Wed 20: "), "{svg}");
        assert_eq!(svg.matches("<title>").count(), 7 * 24);
        let plain = render_svg(&chart("h", "t", heatmap_kind(vec![])), Lang::En);
        assert!(!plain.contains("hc-highlight"));
        assert!(!plain.contains("stroke-width=\"3\""));
    }

    #[test]
    fn heatmap_handles_ragged_and_zero_grids() {
        let ragged = chart(
            "r",
            "t",
            ChartKind::Heatmap {
                rows: vec!["a".into()],
                columns: vec![],
                values: vec![vec![1.0, 2.0, 3.0], vec![], vec![0.0]],
                highlight: vec![[1, 2]],
            },
        );
        let svg = render_svg(&ragged, Lang::Nl);
        assert_well_formed(&svg);
        assert_eq!(
            svg.matches("<rect").count(),
            9 + 1 + 5 + 1,
            "cells, outline, legend"
        );
        let zeros = chart(
            "z",
            "t",
            ChartKind::Heatmap {
                rows: vec!["a".into(), "b".into()],
                columns: vec!["x".into(), "y".into()],
                values: vec![vec![0.0, 0.0], vec![0.0, 0.0]],
                highlight: vec![],
            },
        );
        let svg = render_svg(&zeros, Lang::En);
        assert_well_formed(&svg);
        assert_eq!(
            svg.matches("fill=\"currentColor\" fill-opacity=\".07\"")
                .count(),
            4
        );
    }

    #[test]
    fn honeycomb_draws_seven_hexagons() {
        let svg = render_svg(
            &chart("honeycomb", "The honeycomb", honeycomb_kind()),
            Lang::En,
        );
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<polygon").count(), 7);
        assert!(svg.contains(">72</text>"));
        assert!(svg.contains(">56</text>") || svg.contains(">55</text>"));
        assert!(svg.contains("not analysed"));
        let nl = render_svg(&chart("honeycomb", "t", honeycomb_kind()), Lang::Nl);
        assert!(nl.contains("niet geanalyseerd"));
        // Presence sits at the top, above identity in the centre.
        let y_of = |label: &str| {
            svg.split(&format!("font-weight=\"600\">{label}</text>"))
                .next()
                .and_then(|s| s.rsplit("y=\"").next())
                .and_then(|s| s.split('"').next())
                .and_then(|s| s.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        assert!(
            y_of("presence") < y_of("identity"),
            "presence above identity"
        );
        assert!(y_of("identity") < y_of("groups"), "groups below identity");
    }

    #[test]
    fn other_cell_counts_are_laid_out_in_rows() {
        for n in [1usize, 3, 8, 12] {
            let cells: Vec<HoneycombCell> = (0..n)
                .map(|i| HoneycombCell {
                    block: format!("b{i}"),
                    label: format!("Block {i}"),
                    score: Some(i as f64 * 10.0),
                })
                .collect();
            let svg = render_svg(&chart("h", "t", ChartKind::Honeycomb { cells }), Lang::En);
            assert_well_formed(&svg);
            assert_eq!(svg.matches("<polygon").count(), n);
        }
    }

    #[test]
    fn empty_data_says_so() {
        let empties = vec![
            ChartKind::Bar {
                categories: vec![],
                series: vec![],
            },
            ChartKind::Bar {
                categories: vec!["a".into()],
                series: vec![series("s", &[f64::NAN])],
            },
            ChartKind::Line {
                x: vec!["a".into()],
                series: vec![series("s", &[])],
            },
            ChartKind::Heatmap {
                rows: vec![],
                columns: vec![],
                values: vec![],
                highlight: vec![[0, 0]],
            },
            ChartKind::Honeycomb { cells: vec![] },
            ChartKind::Scatter {
                series: vec![],
                log_x: false,
                log_y: false,
            },
            ChartKind::Scatter {
                series: vec![points("s", &[])],
                log_x: true,
                log_y: false,
            },
            // Only points a log axis cannot show.
            ChartKind::Scatter {
                series: vec![points("s", &[[0.0, 1.0], [-2.0, 5.0], [f64::NAN, 1.0]])],
                log_x: true,
                log_y: true,
            },
            ChartKind::Network {
                nodes: vec![],
                edges: vec![edge(0, 1, 1.0)],
            },
        ];
        for kind in empties {
            let c = chart("e", "Empty", kind);
            let en = render_svg(&c, Lang::En);
            assert_well_formed(&en);
            assert!(en.contains(">no data</text>"), "{en}");
            assert!(en.contains("hc-chart-empty"));
            assert!(render_svg(&c, Lang::Nl).contains(">geen gegevens</text>"));
        }
        assert!(!render_svg(&chart("b", "t", bar_kind()), Lang::En).contains("no data"));
    }

    #[test]
    fn log_axes_tick_at_powers_of_ten() {
        assert_eq!(
            (-2..=7).map(|e| log_label(Lang::En, e)).collect::<Vec<_>>(),
            [
                "0.01", "0.1", "1", "10", "100", "1k", "10k", "100k", "1M", "10M"
            ]
        );
        assert_eq!(log_label(Lang::Nl, -1), "0,1");
        assert_eq!(log_label(Lang::Nl, 9), "1 mld");
        assert_eq!(log_label(Lang::En, 20), "1e20");
        let a = Axis::log(1.0, 900.0, Lang::En);
        assert_eq!(a.ticks, vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(a.labels, ["1", "10", "100", "1k"]);
        assert_eq!(a.frac(10.0), 1.0 / 3.0);
        // One value still spans a decade; a hundred decades are labelled every tenth.
        assert_eq!(Axis::log(5.0, 5.0, Lang::En).labels, ["1", "10"]);
        let wide = Axis::log(1e-150, 1e150, Lang::En);
        assert!(wide.ticks.len() <= 11, "{:?}", wide.labels);
        assert!(Axis::log(5e-324, f64::MAX, Lang::En).ticks.len() <= 11);

        let svg = render_svg(&chart("deg", "Degrees", scatter_kind()), Lang::En);
        assert_well_formed(&svg);
        assert!(svg.contains("hc-chart-scatter"));
        for label in [">1</text>", ">10</text>", ">100</text>", ">1k</text>"] {
            assert!(svg.contains(label), "{label} in {svg}");
        }
        assert!(!svg.contains(">0</text>"), "no zero on a log axis");
        // Eight points, of which three have a non-positive or NaN coordinate; two legend dots.
        assert_eq!(svg.matches("<circle").count(), 5 + 3 + 2);
        assert!(svg.contains("class=\"hc-legend\""));
        assert!(
            svg.contains("<title>in-degree · x axis: 40 · y axis: 3</title>"),
            "{svg}"
        );
        assert!(svg.contains(">x axis</text>") && svg.contains(">y axis</text>"));
        // Larger x is further right, larger y further up (after the two legend dots).
        let xs = &attr_values(&svg, "<circle", "cx")[2..];
        let ys = &attr_values(&svg, "<circle", "cy")[2..];
        assert!(xs[0] < xs[1] && xs[1] < xs[2], "{xs:?}");
        assert!(ys[0] < ys[1] && ys[1] < ys[2], "{ys:?}");
    }

    #[test]
    fn linear_scatter_axes_fit_the_data() {
        let (lo, hi, step, ticks) = span_ticks(2011.0, 2019.0);
        assert!(lo >= 2000.0 && hi <= 2020.0 && step > 0.0, "{ticks:?}");
        assert!((3..=13).contains(&ticks.len()));
        assert_eq!(span_ticks(2.0, 9.0).0, 0.0, "near zero: from zero");
        let (lo, hi, _, _) = span_ticks(5.0, 5.0);
        assert!(lo < 5.0 && hi > 5.0);
        let c = chart(
            "s",
            "t",
            ChartKind::Scatter {
                series: vec![points(
                    "",
                    &[
                        [-3.0, 0.5],
                        [12.0, -0.25],
                        [1e300, 1.0],
                        [f64::INFINITY, 2.0],
                    ],
                )],
                log_x: false,
                log_y: false,
            },
        );
        let svg = render_svg(&c, Lang::Nl);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(!svg.contains("hc-legend"), "one series: no legend");
        // Far more points than are drawn: thinned, said so, still well-formed.
        let many: Vec<[f64; 2]> = (0..10_000).map(|i| [i as f64, (i % 97) as f64]).collect();
        let c = chart(
            "m",
            "t",
            ChartKind::Scatter {
                series: vec![points("a", &many)],
                log_x: false,
                log_y: false,
            },
        );
        let svg = render_svg(&c, Lang::En);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<circle").count(), 3334);
        assert!(svg.contains("Showing 3,334 of 10,000 points"));
        assert!(
            !svg.contains("<title>a ·"),
            "no per-point titles for thousands"
        );
    }

    #[test]
    fn network_is_laid_out_inside_the_canvas() {
        let c = chart("net", "Leaders", network_kind());
        let svg = render_svg(&c, Lang::En);
        assert_well_formed(&svg);
        assert!(svg.contains("hc-chart-network"));
        assert_eq!(svg.matches("<circle").count(), 6);
        assert_eq!(svg.matches("class=\"hc-highlight\"").count(), 1);
        assert_eq!(
            svg.split("class=\"hc-edges\"")
                .nth(1)
                .and_then(|s| s.split("</g>").next())
                .map_or(0, |s| s.matches("<line").count()),
            7
        );
        assert!(svg.contains("<title>acme (group 1)</title>"), "{svg}");
        assert!(svg.contains("thick outline = highlighted"));
        // Heavier edges are thicker, within bounds.
        let widths = attr_values(&svg, "<line", "stroke-width");
        assert!(widths.iter().all(|w| (0.8..=4.0).contains(w)), "{widths:?}");
        assert!(widths.contains(&4.0) && widths.contains(&2.0));
        // Bigger nodes are bigger; every circle lies inside the canvas.
        let (xs, ys, rs) = (
            attr_values(&svg, "<circle", "cx"),
            attr_values(&svg, "<circle", "cy"),
            attr_values(&svg, "<circle", "r"),
        );
        let height: f64 = svg
            .split("viewBox=\"0 0 640 ")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0.0);
        for ((x, y), r) in xs.iter().zip(&ys).zip(&rs) {
            assert!(
                *x - r >= 0.0 && *x + r <= W && *y - r >= 0.0 && *y + r <= height,
                "{x} {y} {r} in {height}"
            );
        }
        assert!(rs.iter().cloned().fold(0.0, f64::max) > rs.iter().cloned().fold(99.0, f64::min));
        // Labels stay inside the canvas, on the side where they fit.
        for el in svg.split("<text").skip(1) {
            let attr = |name: &str| -> f64 {
                el.split(&format!(" {name}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0.0)
            };
            let text = el
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("");
            let w = text_w(text, 11.0);
            let x = attr("x");
            if el.contains("text-anchor=\"start\"") {
                assert!(x >= 0.0 && x + w <= W, "{el}");
            } else if el.contains("text-anchor=\"end\"") {
                assert!(x - w >= 0.0 && x <= W, "{el}");
            }
        }
        for name in ["acme", "alice", "erin"] {
            assert!(svg.contains(&format!(">{name}</text>")), "{name}: {svg}");
        }
    }

    #[test]
    fn network_survives_odd_input() {
        let odd = ChartKind::Network {
            nodes: vec![
                node("", f64::NAN, 3, false),
                node(
                    "a very long label that cannot possibly fit beside a node",
                    -1.0,
                    0,
                    false,
                ),
                node("x", 0.0, u32::MAX, true),
            ],
            edges: vec![
                edge(0, 0, 1.0),
                edge(0, 9, 1.0),
                edge(1, 2, f64::INFINITY),
                edge(2, 1, -3.0),
            ],
        };
        let svg = render_svg(&chart("o", "t", odd), Lang::Nl);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("<title>Knoop 1 (groep 4)</title>"), "{svg}");
        assert!(svg.contains("(groep 4294967296)"));
        assert!(svg.contains('…'));
        // One node; nodes all in one spot.
        let one = ChartKind::Network {
            nodes: vec![node("solo", 1.0, 0, false)],
            edges: vec![],
        };
        let svg = render_svg(&chart("1", "t", one), Lang::En);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<circle").count(), 1);
        // Too many nodes: the highlighted and the largest are kept, and the note says so.
        let nodes: Vec<NetNode> = (0..MAX_NODES + 50)
            .map(|i| node(&format!("n{i}"), i as f64, (i % 9) as u32, i == 0))
            .collect();
        let edges: Vec<NetEdge> = (1..nodes.len() as u32)
            .map(|i| edge(i - 1, i, 1.0))
            .collect();
        let svg = render_svg(
            &chart("big", "t", ChartKind::Network { nodes, edges }),
            Lang::En,
        );
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<circle").count(), MAX_NODES);
        assert!(
            svg.contains("<title>n0 (group 1)</title>"),
            "highlighted node kept"
        );
        assert!(
            !svg.contains("<title>n1 (group 2)</title>"),
            "small node dropped"
        );
        assert!(svg.contains("(showing 300 of 350)"));
        assert!(svg.matches("</text>").count() <= MAX_NODE_LABELS + 3);
    }

    #[test]
    fn helpers_escape_truncate_and_format() {
        assert_eq!(esc("a&b<c>\"d'\u{0}\n"), "a&amp;b&lt;c&gt;&quot;d&#39; ");
        assert_eq!(truncate("abcdefgh", 5), "abcd…");
        assert_eq!(truncate("abc", 5), "abc");
        assert_eq!(N(1.04).to_string(), "1");
        assert_eq!(N(-0.01).to_string(), "0");
        assert_eq!(N(12.25).to_string(), "12.3");
        assert_eq!(N(f64::NAN).to_string(), "0");
        assert_eq!(fmt_value(Lang::Nl, 2_500_000.0), "2,5 mln");
        assert_eq!(fmt_value(Lang::En, 2_500_000.0), "2.5M");
        assert_eq!(fmt_value(Lang::En, 0.25), "0.25");
        assert_eq!(
            wrap("one two three four", 9, 2),
            vec!["one two", "three fo…"]
        );
    }
}
