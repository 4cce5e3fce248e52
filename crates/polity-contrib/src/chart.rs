//! C3: the health chart, an SVG of contributions per month by organisation.
//!
//! Made to be shown: every month of the window on the x-axis (empty months included), the partial
//! first and last months marked, a title and a y-axis with ticks and its unit, organisations by
//! name in a legend sized to its longest name, and the Okabe–Ito palette (told apart with the
//! common forms of colour blindness). Pure and deterministic: the same figures give the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use crate::{Health, UNKNOWN};

/// Okabe & Ito's colour-blind-safe palette (black left out: it is the axes' colour).
const PALETTE: [&str; 7] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
];
/// The rest of the known organisations together.
const OTHER: &str = "#7F7F7F";
/// Contributions of unknown affiliation: light, and hatched so it never reads as a company.
const UNKNOWN_FILL: &str = "url(#unknown)";

const FONT: &str = "font-family=\"system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', sans-serif\"";
const MONTH_WIDTH: u32 = 52;
const BAR_WIDTH: u32 = 34;
const PLOT_TOP: u32 = 70;
const PLOT_HEIGHT: u32 = 240;
const LEFT: u32 = 70;

/// A series of the chart: its label and fill.
struct Series {
    label: String,
    fill: &'static str,
    /// The organisation ids it stands for (empty for unknown).
    members: Vec<String>,
    total: u64,
}

/// The width, in pixels, a label takes at `size` px (a generous estimate, so nothing is cut off:
/// 0.62 em a character, 1 em for a wide (CJK) character).
fn text_width(text: &str, size: u32) -> u32 {
    let ems: f64 = text
        .chars()
        .map(|c| if (c as u32) >= 0x1100 { 1.0 } else { 0.62 })
        .sum();
    (ems * f64::from(size)).ceil() as u32
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A "nice" step (1, 2 or 5 × 10^k) giving at most 5 intervals up to `highest`.
fn tick_step(highest: u64) -> u64 {
    let mut step = 1;
    loop {
        for factor in [1, 2, 5] {
            let candidate = step * factor;
            if highest.div_ceil(candidate) <= 5 {
                return candidate;
            }
        }
        step *= 10;
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The words of the chart, in one language: its heading (of the project's name), the subtitle
/// (of the first and last day, the contributions and which date counts), the months' short
/// names, the y-axis' unit, the legend's "N other organisations" and "unknown affiliation", and
/// what an empty chart says.
pub struct ChartWords<'a> {
    pub heading: &'a dyn Fn(&str) -> String,
    pub subtitle: &'a dyn Fn(Date, Date, u64, &str) -> String,
    pub others: &'a dyn Fn(usize) -> String,
    pub months: [&'a str; 12],
    pub unit: &'a str,
    pub unknown: &'a str,
    pub empty: &'a str,
}

impl std::fmt::Debug for ChartWords<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChartWords")
            .field("months", &self.months)
            .field("unit", &self.unit)
            .field("unknown", &self.unknown)
            .field("empty", &self.empty)
            .finish_non_exhaustive()
    }
}

fn english_heading(title: &str) -> String {
    format!("{title}: contributions per month by organisation")
}

fn english_subtitle(from: Date, last: Date, contributions: u64, basis: &str) -> String {
    format!("{from} to {last}, {contributions} contributions by {basis} date; * a partial month (shaded)")
}

fn english_others(count: usize) -> String {
    format!("{count} other organisations")
}

/// The chart's words in English.
pub const ENGLISH: ChartWords<'static> = ChartWords {
    heading: &english_heading,
    subtitle: &english_subtitle,
    others: &english_others,
    months: MONTHS,
    unit: "contributions a month",
    unknown: "unknown affiliation",
    empty: "no contributions in these months",
};

/// The months from `from`'s to `last`'s, both included.
fn months(from: Date, last: Date) -> Vec<(i16, i8)> {
    let mut out = Vec::new();
    let (mut year, mut month) = (from.year(), from.month());
    while (year, month) <= (last.year(), last.month()) {
        out.push((year, month));
        if month == 12 {
            (year, month) = (year + 1, 1);
        } else {
            month += 1;
        }
    }
    out
}

/// The chart of `figures`: `title` names the project, `name_of` gives an organisation's name from
/// its id. The window is `figures.from` to the day before `figures.at`.
pub fn health_svg(title: &str, figures: &Health, name_of: &dyn Fn(&str) -> String) -> String {
    health_svg_in(title, figures, name_of, &ENGLISH)
}

/// [`health_svg`] in the language of `words`.
pub fn health_svg_in(
    title: &str,
    figures: &Health,
    name_of: &dyn Fn(&str) -> String,
    words: &ChartWords<'_>,
) -> String {
    let last = figures.at.yesterday().unwrap_or(figures.at);
    let from = figures.from.min(last);
    let months = months(from, last);
    let partial_first = from.day() != 1;
    let partial_last = last.tomorrow().is_ok_and(|next| next.day() != 1);

    // Series: the seven largest known organisations, then the rest together, then unknown; only
    // those with a contribution.
    let known: Vec<&(String, u64)> = figures
        .organisations
        .iter()
        .filter(|(id, count)| id != UNKNOWN && *count > 0)
        .collect();
    let named = if known.len() > PALETTE.len() {
        PALETTE.len() - 1
    } else {
        known.len()
    };
    let mut series: Vec<Series> = known[..named]
        .iter()
        .zip(PALETTE)
        .map(|((id, count), fill)| Series {
            label: name_of(id),
            fill,
            members: vec![id.clone()],
            total: *count,
        })
        .collect();
    if known.len() > named {
        let rest = &known[named..];
        series.push(Series {
            label: (words.others)(rest.len()),
            fill: OTHER,
            members: rest.iter().map(|(id, _)| id.clone()).collect(),
            total: rest.iter().map(|(_, count)| count).sum(),
        });
    }
    if figures.unknown > 0 {
        series.push(Series {
            label: words.unknown.to_owned(),
            fill: UNKNOWN_FILL,
            members: Vec::new(),
            total: figures.unknown,
        });
    }
    let series_of = |organisation: &str| {
        series
            .iter()
            .position(|series| {
                if organisation == UNKNOWN {
                    series.members.is_empty()
                } else {
                    series.members.iter().any(|member| member == organisation)
                }
            })
            .unwrap_or(series.len().saturating_sub(1))
    };
    // Per month, per series.
    let empty = BTreeMap::new();
    let stacks: Vec<Vec<u64>> = months
        .iter()
        .map(|month| {
            let mut stack = vec![0; series.len()];
            for (organisation, count) in figures.monthly.get(month).unwrap_or(&empty) {
                stack[series_of(organisation)] += count;
            }
            stack
        })
        .collect();
    let highest = stacks.iter().map(|stack| stack.iter().sum::<u64>()).max().unwrap_or(0);
    let step = tick_step(highest.max(1));
    let top = highest.max(1).div_ceil(step) * step;

    let plot_width = MONTH_WIDTH * months.len() as u32;
    let legend_x = LEFT + plot_width + 24;
    let legend_labels: Vec<String> = series
        .iter()
        .map(|series| format!("{} ({})", series.label, series.total))
        .collect();
    let legend_width = legend_labels
        .iter()
        .map(|label| 22 + text_width(label, 13))
        .max()
        .unwrap_or(0);
    let heading = (words.heading)(title);
    let subtitle = (words.subtitle)(from, last, figures.contributions_365, figures.basis.as_str());
    let width = (legend_x + legend_width + 16)
        .max(20 + text_width(&heading, 17))
        .max(20 + text_width(&subtitle, 12));
    let legend_height = 24 * series.len() as u32;
    let height = (PLOT_TOP + PLOT_HEIGHT + 56).max(PLOT_TOP + legend_height + 10);
    let bottom = PLOT_TOP + PLOT_HEIGHT;
    let y_of = |value: u64| f64::from(bottom) - value as f64 * f64::from(PLOT_HEIGHT) / top as f64;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" {FONT}>"
    );
    let _ = writeln!(out, "<title id=\"chart-title\">{}</title>", escape(&heading));
    let mut description = format!("{}. ", escape(&subtitle));
    for (month, stack) in months.iter().zip(&stacks) {
        let _ = write!(
            description,
            "{} {}: {}. ",
            words.months[month.1 as usize - 1],
            month.0,
            stack.iter().sum::<u64>()
        );
    }
    let _ = writeln!(out, "<desc id=\"chart-desc\">{}</desc>", description.trim_end());
    out.push_str(
        "<defs><pattern id=\"unknown\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" fill=\"#E5E5E5\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9A9A9A\" stroke-width=\"2\"/></pattern></defs>\n",
    );
    let _ = writeln!(out, "<rect width=\"{width}\" height=\"{height}\" fill=\"#FFFFFF\"/>");
    let _ = writeln!(
        out,
        "<text x=\"20\" y=\"28\" font-size=\"17\" font-weight=\"600\" fill=\"#1A1A1A\">{}</text>",
        escape(&heading)
    );
    let _ = writeln!(
        out,
        "<text x=\"20\" y=\"48\" font-size=\"12\" fill=\"#404040\">{}</text>",
        escape(&subtitle)
    );
    // Partial months: a light grey background behind their bars.
    for (index, _) in months.iter().enumerate() {
        let partial = (index == 0 && partial_first) || (index + 1 == months.len() && partial_last);
        if partial {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{PLOT_TOP}\" width=\"{MONTH_WIDTH}\" height=\"{PLOT_HEIGHT}\" fill=\"#F0F0F0\"/>",
                LEFT + MONTH_WIDTH * index as u32
            );
        }
    }
    // The y-axis: gridlines and ticks at each step, and its unit.
    let mut tick = 0;
    while tick <= top {
        let y = y_of(tick);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{}\" y2=\"{y:.1}\" stroke=\"{}\" stroke-width=\"1\"/>\
             <text x=\"{}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1A1A1A\">{tick}</text>",
            LEFT + plot_width,
            if tick == 0 { "#1A1A1A" } else { "#E0E0E0" },
            LEFT - 6,
            y + 4.0
        );
        tick += step;
    }
    let _ = writeln!(
        out,
        "<text transform=\"translate(18 {}) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1A1A1A\">{}</text>",
        PLOT_TOP + PLOT_HEIGHT / 2,
        escape(words.unit)
    );
    // The bars, stacked in the legend's order from the bottom, with a white hairline between.
    for (index, (month, stack)) in months.iter().zip(&stacks).enumerate() {
        let x = LEFT + MONTH_WIDTH * index as u32 + (MONTH_WIDTH - BAR_WIDTH) / 2;
        let mut below = 0;
        for (series, count) in series.iter().zip(stack) {
            if *count == 0 {
                continue;
            }
            let (y, y_low) = (y_of(below + count), y_of(below));
            let _ = writeln!(
                out,
                "<rect x=\"{x}\" y=\"{y:.1}\" width=\"{BAR_WIDTH}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"0.75\"><title>{} {}: {} {count}</title></rect>",
                y_low - y,
                series.fill,
                words.months[month.1 as usize - 1],
                month.0,
                escape(&series.label)
            );
            below += count;
        }
        let partial = (index == 0 && partial_first) || (index + 1 == months.len() && partial_last);
        let centre = LEFT + MONTH_WIDTH * index as u32 + MONTH_WIDTH / 2;
        let _ = writeln!(
            out,
            "<text x=\"{centre}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1A1A1A\">{}{}</text>",
            bottom + 18,
            words.months[month.1 as usize - 1],
            if partial { "*" } else { "" }
        );
        if index == 0 || month.1 == 1 {
            let _ = writeln!(
                out,
                "<text x=\"{centre}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#404040\">{}</text>",
                bottom + 34,
                month.0
            );
        }
    }
    // The legend, top to bottom as the stack reads from the top.
    for (row, (series, label)) in series.iter().zip(&legend_labels).rev().enumerate() {
        let y = PLOT_TOP + 24 * row as u32;
        let _ = writeln!(
            out,
            "<rect x=\"{legend_x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#1A1A1A\" stroke-width=\"0.5\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#1A1A1A\">{}</text>",
            series.fill,
            legend_x + 22,
            y + 12,
            escape(label)
        );
    }
    if series.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#404040\">{}</text>",
            LEFT + plot_width / 2,
            PLOT_TOP + PLOT_HEIGHT / 2,
            escape(words.empty)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    /// Twelve months to 2026-06-15: nine organisations (one named with markup), unknown work, an
    /// empty month (February) and partial first and last months.
    fn figures() -> Health {
        let organisations = [
            ("chinamobile", 40),
            ("intel", 30),
            ("huawei", 20),
            ("zte", 10),
            ("redhat", 8),
            ("inspur", 6),
            ("ericsson", 4),
            ("nokia", 2),
            ("acme", 1),
        ];
        let mut monthly: BTreeMap<(i16, i8), BTreeMap<String, u64>> = BTreeMap::new();
        let months = [(2025, 7), (2025, 9), (2025, 12), (2026, 1), (2026, 3), (2026, 6)];
        for (index, (id, count)) in organisations.iter().enumerate() {
            let month = months[index % months.len()];
            *monthly.entry(month).or_default().entry((*id).to_owned()).or_default() += count;
        }
        monthly.entry((2026, 3)).or_default().insert(UNKNOWN.to_owned(), 5);
        let mut list: Vec<(String, u64)> = organisations.iter().map(|(id, n)| ((*id).to_owned(), *n)).collect();
        list.push((UNKNOWN.to_owned(), 5));
        Health {
            at: date("2026-06-15"),
            from: date("2025-06-15"),
            basis: polity_model::ContributionDate::Commit,
            active_30: 3,
            active_90: 5,
            active_365: 9,
            contributions_365: 126,
            absence_factor: 2,
            elephant_factor: 2,
            unknown: 5,
            organisations: list,
            top_contributor: None,
            last_activity: Some(date("2026-06-10")),
            monthly,
        }
    }

    fn name_of(id: &str) -> String {
        match id {
            "chinamobile" => "China Mobile".to_owned(),
            "acme" => "Acme <Research & Development>".to_owned(),
            "uni" => "Beijing University of Posts and Telecommunications".to_owned(),
            other => other.to_uppercase(),
        }
    }

    #[test]
    fn c3_the_chart_is_stable() {
        insta::assert_snapshot!(health_svg("Technical Steering Committee", &figures(), &name_of));
    }

    #[test]
    fn c3_every_month_is_on_the_axis_and_partial_months_are_marked() {
        let svg = health_svg("tsc", &figures(), &name_of);
        for month in [
            "Jun*", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May",
        ] {
            assert!(svg.contains(&format!(">{month}</text>")), "{month} is missing");
        }
        assert_eq!(
            svg.matches(">Jun*</text>").count(),
            2,
            "June 2025 and June 2026 are both partial"
        );
        assert!(
            svg.contains(">2025</text>") && svg.contains(">2026</text>"),
            "the years are labelled"
        );
        assert!(svg.contains("contributions a month"), "the y-axis says its unit");
        assert!(svg.contains("Feb 2026: 0."), "the empty month is described");
    }

    #[test]
    fn c3_the_legend_names_organisations_and_groups_the_rest() {
        let svg = health_svg("tsc", &figures(), &name_of);
        assert!(svg.contains(">China Mobile (40)</text>"), "names, not ids");
        assert!(!svg.contains(">chinamobile"), "no id in the legend");
        assert!(
            svg.contains(">3 other organisations (7)</text>"),
            "the eighth and later together"
        );
        assert!(svg.contains(">unknown affiliation (5)</text>"));
        assert!(!svg.contains("Acme <"), "names are escaped");
        // Six organisations by name, "other", unknown: eight legend swatches.
        assert_eq!(svg.matches("width=\"14\" height=\"14\"").count(), 8);
    }

    #[test]
    fn c3_no_empty_other_entry_and_no_cut_off_names() {
        let mut few = figures();
        few.organisations = vec![("uni".to_owned(), 3), (UNKNOWN.to_owned(), 0)];
        few.unknown = 0;
        few.monthly = BTreeMap::from([((2026, 1), BTreeMap::from([("uni".to_owned(), 3)]))]);
        let svg = health_svg("tsc", &few, &name_of);
        assert!(!svg.contains("other"), "no empty other: {svg}");
        assert!(!svg.contains("unknown affiliation"), "no empty unknown entry");
        let label = "Beijing University of Posts and Telecommunications (3)";
        let width: u32 = svg
            .split_once("width=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(number, _)| number.parse().unwrap())
            .unwrap();
        let legend_x = LEFT + MONTH_WIDTH * 13 + 24;
        assert!(
            width >= legend_x + 22 + text_width(label, 13),
            "the legend fits: {width}"
        );
    }

    #[test]
    fn c3_a_window_without_contributions_says_so() {
        let mut none = figures();
        none.organisations.clear();
        none.unknown = 0;
        none.monthly.clear();
        let svg = health_svg("tsc", &none, &name_of);
        assert!(svg.contains("no contributions in these months"));
    }

    #[test]
    fn c3_ticks_are_nice_steps() {
        assert_eq!(tick_step(1), 1);
        assert_eq!(tick_step(5), 1);
        assert_eq!(tick_step(6), 2);
        assert_eq!(tick_step(11), 5);
        assert_eq!(tick_step(26), 10);
        assert_eq!(tick_step(180), 50);
        assert_eq!(tick_step(1_234), 500);
    }

    #[test]
    fn c3_the_window_lists_every_month_across_a_year_end() {
        let found = months("2025-11-29".parse().unwrap(), "2026-11-28".parse().unwrap());
        assert_eq!(found.len(), 13);
        assert_eq!(found[0], (2025, 11));
        assert_eq!(found[2], (2026, 1));
        assert_eq!(found[12], (2026, 11));
    }
}
