//! SVG charts, drawn at build time: no script runs in the reader's browser. Every chart has a
//! `<title>` and a `<desc>`, every mark carries its own text (a label and its number), so a chart
//! reads the same in print, in grayscale and to a screen reader; the page puts a data table beneath.
//!
//! Colours come from the theme's CSS (classes and its custom properties, `--ink`, `--accent`,
//! `--line`, the phase colours); the attributes written here are fall-backs in `currentColor`, so a
//! dark theme or a print stylesheet only has to change its variables. Every mark has `data-label`
//! and `data-value` attributes, for tests and for themes.

use std::fmt::Write;

/// Width of a wide chart's view box, in CSS pixels at its natural size; the page shrinks it to fit
/// a narrow screen. Narrow charts, which sit two abreast, are half as wide.
pub const WIDTH: f64 = 640.0;

/// About how wide a text is in the charts' 13px type: for leaving room beside a bar.
fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * 7.2
}

/// Escapes text for an SVG element or attribute.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A number with at most one decimal, as SVG coordinates are written (`12`, `12.5`).
pub fn n(x: f64) -> Coordinate {
    // Tenths as an integer: formatting a float to a precision is slow, and a progress picture has
    // dozens of coordinates on each of 10,000 pair pages.
    Coordinate((x * 10.0).round() as i64)
}

/// A number of tenths, written as [`n`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coordinate(i64);

impl std::fmt::Display for Coordinate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (whole, tenth) = (self.0.unsigned_abs() / 10, self.0.unsigned_abs() % 10);
        if tenth == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{tenth}")
        }
    }
}

/// The opening of a chart: `<svg>` with its title and description, which name and describe it for
/// screen readers (`aria-labelledby`, `aria-describedby`); the title shows as a tooltip.
pub fn open(id: &str, class: &str, width: f64, height: f64, title: &str, desc: &str) -> String {
    open_as("img", id, class, width, height, title, desc)
}

/// [`open`] for a picture that holds links: a named group, since an image cannot hold controls
/// that a keyboard reaches.
pub fn open_group(
    id: &str,
    class: &str,
    width: f64,
    height: f64,
    title: &str,
    desc: &str,
) -> String {
    open_as("group", id, class, width, height, title, desc)
}

fn open_as(
    role: &str,
    id: &str,
    class: &str,
    width: f64,
    height: f64,
    title: &str,
    desc: &str,
) -> String {
    format!(
        "<svg class=\"chart {class}\" id=\"{id}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"{role}\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>",
        w = n(width),
        h = n(height),
        title = esc(title),
        desc = esc(desc),
    )
}

/// One bar of a [`bar_chart`].
#[derive(Debug, Clone)]
pub struct Bar {
    /// What the bar counts, written above it.
    pub label: String,
    /// The number it shows.
    pub value: usize,
    /// When set, the bar is a share of this (drawn as a track the bar fills): a checklist's items.
    pub of: Option<usize>,
    /// The text beside the bar's end: its number, in words (`3 pairs`, `12 of 30 items`).
    pub text: String,
    /// A CSS class for its colour, such as `phase-enabling` or `status-achieved`.
    pub class: String,
}

/// Horizontal bars, one a row, `width` wide: the label above, the bar below with its number at its
/// end. Bars without `of` are scaled to the largest value; bars with `of` fill their own track.
pub fn bar_chart(id: &str, title: &str, desc: &str, width: f64, bars: &[Bar]) -> String {
    const ROW: f64 = 40.0;
    const BAR: f64 = 16.0;
    const LEFT: f64 = 2.0;
    // Room for the longest number at the end of a bar.
    let room = bars.iter().map(|b| text_width(&b.text)).fold(0.0, f64::max) + 12.0;
    let plot = (width - LEFT - room).max(width / 3.0);
    let height = ROW * bars.len().max(1) as f64 + 4.0;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    let mut s = open(id, "bar-chart", width, height, title, desc);
    for (i, b) in bars.iter().enumerate() {
        let y = ROW * i as f64;
        let fraction = match b.of {
            Some(0) => 0.0,
            Some(total) => b.value as f64 / total as f64,
            None => b.value as f64 / max,
        };
        let w = (plot * fraction.min(1.0)).max(if b.value > 0 { 2.0 } else { 0.0 });
        let _ = write!(
            s,
            "<g class=\"bar {class}\" data-label=\"{label}\" data-value=\"{value}\"{of}><title>{label}: {text}</title><text class=\"bar-label\" x=\"{x}\" y=\"{ty}\" fill=\"currentColor\">{label}</text>",
            class = esc(&b.class),
            label = esc(&b.label),
            value = b.value,
            of =
                b.of.map_or_else(String::new, |t| format!(" data-of=\"{t}\"")),
            text = esc(&b.text),
            x = n(LEFT),
            ty = n(y + 14.0),
        );
        let by = y + 20.0;
        if b.of.is_some() {
            let _ = write!(
                s,
                "<rect class=\"bar-track\" x=\"{x}\" y=\"{by}\" width=\"{pw}\" height=\"{h}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1\"/>",
                x = n(LEFT),
                by = n(by),
                pw = n(plot),
                h = n(BAR),
            );
        }
        let end = if b.of.is_some() { plot } else { w };
        let _ = write!(
            s,
            "<rect class=\"bar-fill\" x=\"{x}\" y=\"{by}\" width=\"{w}\" height=\"{h}\" fill=\"currentColor\"/><text class=\"bar-value\" x=\"{tx}\" y=\"{vy}\" fill=\"currentColor\">{text}</text></g>",
            x = n(LEFT),
            by = n(by),
            w = n(w),
            h = n(BAR),
            tx = n(LEFT + end + 8.0),
            vy = n(by + 12.5),
            text = esc(&b.text),
        );
    }
    s.push_str("</svg>");
    s
}

/// The least room between two labels under a column chart, in pixels.
const TICK_GAP: f64 = 18.0;

/// One column of a [`column_chart`].
#[derive(Debug, Clone)]
pub struct Column {
    /// Under the column: a month's initial, say.
    pub label: String,
    /// Under the label, when it starts a new group: the year.
    pub group: Option<String>,
    /// The whole name, for the tooltip and `data-label` (`March 2025`).
    pub name: String,
    /// The number it shows.
    pub value: usize,
}

/// Vertical columns over a time line, each with its number on top (when there is room) and its
/// label beneath; `counted` writes a column's number with what it counts, for the tooltips
/// (`3 meetings`).
pub fn column_chart(
    id: &str,
    title: &str,
    desc: &str,
    columns: &[Column],
    counted: &dyn Fn(usize) -> String,
) -> String {
    const TOP: f64 = 22.0;
    const PLOT: f64 = 150.0;
    const LEFT: f64 = 30.0;
    let height = TOP + PLOT + 44.0;
    let max = columns.iter().map(|c| c.value).max().unwrap_or(0).max(1);
    let slot = (WIDTH - LEFT - 4.0) / columns.len().max(1) as f64;
    let bar = (slot * 0.7).max(1.0);
    // Text is printed only where there is room for it: a number on a column when it fits the
    // column's slot, a label and a year only at least their width from the last one printed on
    // their row (a year starts a group, so it is kept over a month's label when both would not
    // fit). At a few hundred pairs the months are many and the numbers wide: printing every one
    // made them run into each other.
    let value_fits = slot >= text_width(&max.to_string()) + 2.0;
    let mut last_tick = f64::NEG_INFINITY;
    let mut last_group = f64::NEG_INFINITY;
    let base = TOP + PLOT;
    let mut s = open(id, "column-chart", WIDTH, height, title, desc);
    let _ = write!(
        s,
        "<g class=\"axis\"><line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"currentColor\"/><line class=\"grid\" x1=\"{l}\" y1=\"{t}\" x2=\"{r}\" y2=\"{t}\" stroke=\"currentColor\" stroke-dasharray=\"2 3\"/><text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\" fill=\"currentColor\">{max}</text><text x=\"{tx}\" y=\"{by}\" text-anchor=\"end\" fill=\"currentColor\">0</text></g>",
        l = n(LEFT),
        r = n(WIDTH - 2.0),
        b = n(base),
        t = n(TOP),
        tx = n(LEFT - 6.0),
        ty = n(TOP + 4.0),
        by = n(base + 4.0),
    );
    for (i, c) in columns.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let h = PLOT * c.value as f64 / max as f64;
        let mid = x + bar / 2.0;
        let _ = write!(
            s,
            "<g class=\"column\" data-label=\"{name}\" data-value=\"{v}\"><title>{name}: {unit}</title><rect class=\"bar-fill\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"currentColor\"/>",
            name = esc(&c.name),
            v = c.value,
            unit = esc(&counted(c.value)),
            x = n(x),
            y = n(base - h),
            w = n(bar),
            h = n(h),
        );
        if c.value > 0 && value_fits {
            let _ = write!(
                s,
                "<text class=\"bar-value\" x=\"{mid}\" y=\"{y}\" text-anchor=\"middle\" fill=\"currentColor\">{v}</text>",
                mid = n(mid),
                y = n(base - h - 5.0),
                v = c.value,
            );
        }
        let tick_room = text_width(&c.label).max(TICK_GAP);
        if mid - last_tick >= tick_room {
            last_tick = mid;
            let _ = write!(
                s,
                "<text class=\"tick\" x=\"{mid}\" y=\"{y}\" text-anchor=\"middle\" fill=\"currentColor\">{l}</text>",
                mid = n(mid),
                y = n(base + 16.0),
                l = esc(&c.label),
            );
        }
        if let Some(g) = c
            .group
            .as_ref()
            .filter(|g| x - last_group >= text_width(g) + 6.0)
        {
            last_group = x;
            let _ = write!(
                s,
                "<text class=\"tick group\" x=\"{x}\" y=\"{y}\" fill=\"currentColor\">{g}</text>",
                x = n(x),
                y = n(base + 34.0),
                g = esc(g),
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_rounds() {
        assert_eq!(esc("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        let n = |x| n(x).to_string();
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.345), "12.3");
        assert_eq!(n(0.96), "1");
        assert_eq!(n(-0.5), "-0.5");
        assert_eq!(n(-12.04), "-12");
        assert_eq!(n(0.04), "0");
    }

    #[test]
    fn bars_carry_their_values() {
        let svg = bar_chart(
            "c",
            "T",
            "D",
            320.0,
            &[
                Bar {
                    label: "A".into(),
                    value: 3,
                    of: None,
                    text: "3 pairs".into(),
                    class: "x".into(),
                },
                Bar {
                    label: "B".into(),
                    value: 0,
                    of: Some(4),
                    text: "0 of 4".into(),
                    class: "y".into(),
                },
            ],
        );
        assert!(svg.contains("data-label=\"A\" data-value=\"3\""));
        assert!(svg.contains("data-value=\"0\" data-of=\"4\""));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    /// The x of every `<text class="...">` of `class` in `svg`, in order.
    fn xs(svg: &str, class: &str) -> Vec<(f64, String)> {
        let open = format!("<text class=\"{class}\" x=\"");
        svg.match_indices(&open)
            .map(|(i, _)| {
                let rest = &svg[i + open.len()..];
                let x: f64 = rest[..rest.find('"').unwrap()].parse().unwrap();
                let text = &rest[rest.find('>').unwrap() + 1..rest.find("</text>").unwrap()];
                (x, text.to_owned())
            })
            .collect()
    }

    #[test]
    fn labels_numbers_and_years_never_overlap_however_many_months() {
        for months in [6, 24, 60, 120, 400] {
            for value in [3, 1234] {
                let columns: Vec<Column> = (0..months)
                    .map(|i| Column {
                        label: "M".into(),
                        group: (i % 12 == 0).then(|| format!("{}", 2000 + i / 12)),
                        name: format!("month {i}"),
                        value,
                    })
                    .collect();
                let svg = column_chart("c", "t", "d", &columns, &|n| format!("{n} m"));
                for (class, centred) in [("tick", true), ("tick group", false), ("bar-value", true)]
                {
                    let marks = xs(&svg, class);
                    for pair in marks.windows(2) {
                        let (a, b) = (&pair[0], &pair[1]);
                        let room = if centred {
                            (text_width(&a.1) + text_width(&b.1)) / 2.0
                        } else {
                            text_width(&a.1)
                        };
                        assert!(
                            b.0 - a.0 >= room,
                            "{months} months of {value}: `{class}` {a:?} and {b:?} overlap"
                        );
                    }
                }
                assert!(!xs(&svg, "tick").is_empty());
            }
        }
    }
}
