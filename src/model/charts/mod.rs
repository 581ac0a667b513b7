//! Charts of a course of treatment: each measure across session numbers,
//! drawn into a fixed SVG viewBox, over the severity bands its scale has,
//! with the trend in words (reliable change as the scale counts it) and the
//! same numbers as table rows. The view only places what is computed here.

use super::Session;
use super::clock::format_date;
use super::homework::{Completion, histories};
use super::ratings::Scale;

/// The viewBox every chart is drawn into, in whole units: integers keep
/// float formatting out of the app, and a unit is about a pixel on screen.
pub const VIEW_W: i32 = 360;
pub const VIEW_H: i32 = 200;
const LEFT: i32 = 22;
const RIGHT: i32 = 16;
const TOP: i32 = 10;
const BOTTOM: i32 = 24;
/// Session labels closer than this (viewBox units) are thinned out.
const MIN_TICK_GAP: u32 = 22;
const PLOT_W: u32 = (VIEW_W - LEFT - RIGHT) as u32;

/// What one line of a chart plots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Score(Scale),
    /// Share of the homework reviewed in a session that was done, in percent.
    HomeworkDone,
}

impl Measure {
    pub fn name(self) -> &'static str {
        match self {
            Measure::Score(scale) => scale.name(),
            Measure::HomeworkDone => "Homework done",
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Measure::Score(_) => "",
            Measure::HomeworkDone => "%",
        }
    }
}

/// What a chart shows: its measures, range, severity bands and wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChartSpec {
    /// Unique on a page; used for element ids.
    pub key: &'static str,
    pub title: &'static str,
    pub max: u32,
    pub measures: &'static [Measure],
    /// Lower bound and name of each band above the lowest, as its scale has them.
    pub bands: &'static [(u8, &'static str)],
    /// Said after the trend, to explain what is counted.
    pub about: &'static str,
}

pub const CHARTS: [ChartSpec; 4] = [
    ChartSpec {
        key: "feelings",
        title: "Anxiety and mood (0–10)",
        max: Scale::Anxiety.max() as u32,
        measures: &[Measure::Score(Scale::Anxiety), Measure::Score(Scale::Mood)],
        bands: &[],
        about: "",
    },
    ChartSpec {
        key: "gad7",
        title: "GAD-7",
        max: Scale::Gad7.max() as u32,
        measures: &[Measure::Score(Scale::Gad7)],
        bands: Scale::Gad7.severity_bands(),
        about: "",
    },
    ChartSpec {
        key: "phq9",
        title: "PHQ-9",
        max: Scale::Phq9.max() as u32,
        measures: &[Measure::Score(Scale::Phq9)],
        bands: Scale::Phq9.severity_bands(),
        about: "",
    },
    ChartSpec {
        key: "homework",
        title: "Homework done",
        max: 100,
        measures: &[Measure::HomeworkDone],
        bands: &[],
        about: "Each point is the share of the homework reviewed in that session that was done; \
                partly done counts as half.",
    },
];

/// One measure's values as (session number, value), in session order;
/// sessions without a value are left out.
pub fn series(sessions: &[Session], measure: Measure) -> Vec<(u32, u32)> {
    let mut points: Vec<(u32, u32)> = match measure {
        Measure::Score(scale) => sessions
            .iter()
            .filter_map(|s| Some((s.number, s.ratings.get(scale)?.into())))
            .collect(),
        Measure::HomeworkDone => homework_done(sessions),
    };
    points.sort_by_key(|p| p.0);
    points.dedup_by_key(|p| p.0);
    points
}

/// Per reviewing session: done counts 1, partly ½, not done 0, over the
/// reviews that record a completion; as a whole percentage.
fn homework_done(sessions: &[Session]) -> Vec<(u32, u32)> {
    let records: Vec<_> = sessions.iter().map(Session::homework_record).collect();
    let mut halves: std::collections::BTreeMap<u32, (u32, u32)> = Default::default();
    for entry in histories(&records).iter().flat_map(|h| &h.reviews) {
        let Some(completion) = entry.review.completion else {
            continue;
        };
        let (got, of) = halves.entry(entry.number).or_default();
        *got += match completion {
            Completion::Done => 2,
            Completion::Partly => 1,
            Completion::NotDone => 0,
        };
        *of += 2;
    }
    halves
        .into_iter()
        .map(|(n, (got, of))| (n, div_round(got * 100, of)))
        .collect()
}

/// One measure's course in words: "GAD-7 fell from 15 to 8 over 13
/// sessions: reliable improvement".
pub fn trend(measure: Measure, points: &[(u32, u32)]) -> String {
    let (name, unit) = (measure.name(), measure.unit());
    let (Some(&(n0, first)), Some(&(n1, latest))) = (points.first(), points.last()) else {
        return format!("{name}: nothing recorded yet");
    };
    if points.len() == 1 {
        return format!("{name} was {first}{unit} in session {n0}, the only one so far");
    }
    let span = n1 - n0 + 1;
    let course = match latest.cmp(&first) {
        std::cmp::Ordering::Less => format!("fell from {first}{unit} to {latest}{unit}"),
        std::cmp::Ordering::Greater => format!("rose from {first}{unit} to {latest}{unit}"),
        std::cmp::Ordering::Equal => format!("was {first}{unit} at first and at the latest"),
    };
    let mut words = format!("{name} {course} over {span} sessions");
    if let Measure::Score(scale) = measure
        && let Some(change) = scale.change(score(first), score(latest))
    {
        words.push_str(": ");
        words.push_str(change.label());
    }
    words
}

/// A score as its scale holds it; a score's series only holds scores.
fn score(value: u32) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

/// Maps session numbers 1..=`last` and values 0..=`max` into the viewBox.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scaling {
    pub last: u32,
    pub max: u32,
}

impl Scaling {
    pub fn x(self, number: u32) -> i32 {
        let span = self.last.max(2) - 1;
        let steps = number.saturating_sub(1).min(span);
        LEFT + div_round(steps * PLOT_W, span) as i32
    }

    pub fn y(self, value: u32) -> i32 {
        let height = (VIEW_H - TOP - BOTTOM) as u32;
        let max = self.max.max(1);
        TOP + div_round((max - value.min(max)) * height, max) as i32
    }
}

/// `a / b` rounded half up, for whole units and percentages.
fn div_round(a: u32, b: u32) -> u32 {
    (2 * a + b) / (2 * b)
}

/// A severity band as a rectangle across the plot; `level` 1 is the mildest.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Band {
    pub y: i32,
    pub height: i32,
    pub level: usize,
    pub label: &'static str,
}

pub fn bands(spec: &ChartSpec, scale: Scaling) -> Vec<Band> {
    spec.bands
        .iter()
        .enumerate()
        .map(|(i, &(from, label))| {
            let to = spec.bands.get(i + 1).map_or(spec.max, |b| b.0.into());
            let y = scale.y(to);
            Band {
                y,
                height: scale.y(from.into()) - y,
                level: i + 1,
                label,
            }
        })
        .collect()
}

/// One measure's line: polyline points and the dots on them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Line {
    pub name: &'static str,
    pub points: String,
    pub dots: Vec<(i32, i32)>,
}

/// A tap target: the column of the plot nearest to one session.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hit {
    /// Where the session's values sit.
    pub at: i32,
    pub x: i32,
    pub width: i32,
    pub row: usize,
}

/// A table row: session number, its date and one cell per measure.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Row {
    pub number: u32,
    pub date: String,
    pub cells: Vec<String>,
}

/// Everything one chart draws and says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chart {
    pub spec: ChartSpec,
    pub description: String,
    pub bands: Vec<Band>,
    pub lines: Vec<Line>,
    pub x_ticks: Vec<(i32, String)>,
    pub y_ticks: Vec<(i32, String)>,
    pub hits: Vec<Hit>,
    pub rows: Vec<Row>,
    /// The plot area: left, top, right and bottom.
    pub area: [i32; 4],
}

impl Chart {
    /// What tapping a session says: "Session 7, 12 Jun 2025: GAD-7 11".
    pub fn caption(&self, row: usize) -> String {
        let Some(r) = self.rows.get(row) else {
            return String::new();
        };
        let values: Vec<String> = self
            .spec
            .measures
            .iter()
            .zip(&r.cells)
            .map(|(m, cell)| format!("{} {cell}", m.name()))
            .collect();
        format!("Session {}, {}: {}", r.number, r.date, values.join(", "))
    }

    pub fn headers(&self) -> impl Iterator<Item = &'static str> {
        ["Session", "Date"]
            .into_iter()
            .chain(self.spec.measures.iter().map(|m| m.name()))
    }
}

/// The course's charts that have at least one value, in [`CHARTS`] order.
pub fn course_charts(sessions: &[Session]) -> Vec<Chart> {
    CHARTS
        .iter()
        .filter_map(|spec| chart(spec, sessions))
        .collect()
}

/// One chart over sessions 1 to the highest numbered; `None` with no values.
pub fn chart(spec: &ChartSpec, sessions: &[Session]) -> Option<Chart> {
    let all: Vec<Vec<(u32, u32)>> = spec.measures.iter().map(|&m| series(sessions, m)).collect();
    if all.iter().all(Vec::is_empty) {
        return None;
    }
    let last = sessions.iter().map(|s| s.number).max().unwrap_or(1);
    let scale = Scaling {
        last,
        max: spec.max,
    };
    let mut numbers: Vec<u32> = all.iter().flatten().map(|p| p.0).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let unit = |m: Measure| m.unit();
    let rows: Vec<Row> = numbers
        .iter()
        .map(|&number| Row {
            number,
            date: sessions
                .iter()
                .find(|s| s.number == number)
                .map_or_else(String::new, |s| format_date(s.date)),
            cells: spec
                .measures
                .iter()
                .zip(&all)
                .map(|(&m, points)| match points.iter().find(|p| p.0 == number) {
                    Some(p) => format!("{}{}", p.1, unit(m)),
                    None => "—".into(),
                })
                .collect(),
        })
        .collect();
    let mut description: Vec<String> = spec
        .measures
        .iter()
        .zip(&all)
        .map(|(&m, points)| trend(m, points))
        .collect();
    if !spec.about.is_empty() {
        description.push(spec.about.trim_end_matches('.').to_string());
    }
    let lines = spec
        .measures
        .iter()
        .zip(&all)
        .map(|(m, points)| {
            let dots: Vec<(i32, i32)> = points
                .iter()
                .map(|&(n, v)| (scale.x(n), scale.y(v)))
                .collect();
            Line {
                name: m.name(),
                points: dots
                    .iter()
                    .map(|(x, y)| format!("{x},{y}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                dots,
            }
        })
        .collect();
    Some(Chart {
        spec: *spec,
        description: description.join(". ") + ".",
        bands: bands(spec, scale),
        lines,
        x_ticks: x_ticks(scale),
        y_ticks: y_ticks(spec, scale),
        hits: hits(&numbers, scale),
        rows,
        area: [scale.x(1), scale.y(spec.max), VIEW_W - RIGHT, scale.y(0)],
    })
}

/// Session numbers along the bottom, every one while they fit, else every k-th.
fn x_ticks(scale: Scaling) -> Vec<(i32, String)> {
    let span = scale.last.max(2) - 1;
    let every = (MIN_TICK_GAP * span).div_ceil(PLOT_W).max(1);
    (1..=scale.last.max(1))
        .step_by(every as usize)
        .map(|n| (scale.x(n), n.to_string()))
        .collect()
}

/// 0, each band's lower bound and the top of the scale (or its middle).
fn y_ticks(spec: &ChartSpec, scale: Scaling) -> Vec<(i32, String)> {
    let mut values = vec![0];
    if spec.bands.is_empty() {
        values.push(spec.max / 2);
    }
    values.extend(spec.bands.iter().map(|b| u32::from(b.0)));
    values.push(spec.max);
    values
        .into_iter()
        .map(|v| (scale.y(v), v.to_string()))
        .collect()
}

/// Columns split halfway between neighbouring sessions with values, so a
/// tap anywhere over the plot picks the nearest one.
fn hits(numbers: &[u32], scale: Scaling) -> Vec<Hit> {
    let xs: Vec<i32> = numbers.iter().map(|&n| scale.x(n)).collect();
    (0..xs.len())
        .map(|i| {
            let from = if i == 0 { 0 } else { (xs[i - 1] + xs[i]) / 2 };
            let to = xs.get(i + 1).map_or(VIEW_W, |next| (xs[i] + next) / 2);
            Hit {
                at: xs[i],
                x: from,
                width: to - from,
                row: i,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
