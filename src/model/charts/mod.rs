//! Charts of a course of treatment: each measure across session numbers,
//! drawn into a fixed SVG viewBox, over the severity bands its scale has,
//! with the trend in words (reliable change as the scale counts it) and the
//! same numbers as table rows. The view only places what is computed here.

use super::Session;
use super::clock::format_date;
use super::homework::{Completion, histories};
use super::measures;
use super::order;
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// A 0–10 self-rating kept with the session.
    Score(Scale),
    /// Share of the homework reviewed in a session that was done, in percent.
    HomeworkDone,
    /// The totals of one measure of the library or the clinician's own,
    /// scored by whichever of its versions each completion was given under.
    Given(Vec<measures::Measure>),
}

impl Measure {
    pub fn name(&self) -> &str {
        match self {
            Measure::Score(scale) => scale.name(),
            Measure::HomeworkDone => "Homework done",
            Measure::Given(versions) => versions.last().map_or("", |m| m.name.as_str()),
        }
    }

    fn unit(&self) -> &'static str {
        match self {
            Measure::Score(_) | Measure::Given(_) => "",
            Measure::HomeworkDone => "%",
        }
    }

    /// A completion's total in one session, if it has one.
    fn total_in(&self, session: &Session) -> Option<u32> {
        let Measure::Given(versions) = self else {
            return None;
        };
        let answers = session.measure_answers(&versions.first()?.id)?;
        let measure = measures::find(versions, answers)?;
        measure.score(answers).ok()?.total.ok()
    }
}

/// What a chart shows: its measures, range, severity bands and wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSpec {
    /// Unique on a page; used for element ids.
    pub key: String,
    pub title: String,
    pub max: u32,
    pub measures: Vec<Measure>,
    /// Lower bound and name of each band above the lowest.
    pub bands: Vec<(u32, String)>,
    /// The clinical cut-off, drawn across the plot, where the measure has one.
    pub cutoff: Option<u32>,
    /// Said after the trend, to explain what is counted.
    pub about: String,
}

/// The anxiety and mood ratings, sharing one chart.
pub fn feelings() -> ChartSpec {
    ChartSpec {
        key: "feelings".into(),
        title: "Anxiety and mood (0–10)".into(),
        max: Scale::Anxiety.max().into(),
        measures: vec![Measure::Score(Scale::Anxiety), Measure::Score(Scale::Mood)],
        bands: Vec::new(),
        cutoff: None,
        about: String::new(),
    }
}

/// Homework done per reviewing session.
pub fn homework() -> ChartSpec {
    ChartSpec {
        key: "homework".into(),
        title: "Homework done".into(),
        max: 100,
        measures: vec![Measure::HomeworkDone],
        bands: Vec::new(),
        cutoff: None,
        about: "Each point is the share of the homework reviewed in that session that was done; \
                partly done counts as half."
            .into(),
    }
}

/// A measure's chart, drawn to its latest version: its range, the bands
/// above its lowest, its cut-off and what its reliable change is.
pub fn measure_chart(versions: Vec<measures::Measure>) -> Option<ChartSpec> {
    let latest = versions.iter().max_by_key(|m| m.version)?.clone();
    let min = latest.min_total();
    let bands = latest.bands.as_ref().map_or_else(Vec::new, |b| {
        b.value
            .iter()
            .filter(|band| band.from > min)
            .map(|band| (band.from, band.label.clone()))
            .collect()
    });
    let mut about = Vec::new();
    if let Some(threshold) = &latest.reliable_change {
        about.push(format!(
            "A change of {} points or more is reliable",
            threshold.value
        ));
    }
    if let Some(cutoff) = &latest.caseness {
        about.push(format!("the clinical cut-off is {}", cutoff.value));
    }
    Some(ChartSpec {
        key: format!("m-{}", latest.id),
        title: latest.name.clone(),
        max: latest.max_total(),
        cutoff: latest.caseness.as_ref().map(|c| c.value),
        measures: vec![Measure::Given(versions)],
        bands,
        about: about.join("; "),
    })
}

/// One measure's values as (session number, value), in session order;
/// sessions without a value are left out.
pub fn series(sessions: &[Session], measure: &Measure) -> Vec<(u32, u32)> {
    let mut points: Vec<(u32, u32)> = match measure {
        Measure::Score(scale) => sessions
            .iter()
            .filter_map(|s| Some((s.number, s.score(*scale)?.into())))
            .collect(),
        Measure::HomeworkDone => homework_done(sessions),
        Measure::Given(_) => sessions
            .iter()
            .filter_map(|s| Some((s.number, measure.total_in(s)?)))
            .collect(),
    };
    order::sort_by_key(&mut points, |p| p.0);
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
pub fn trend(measure: &Measure, points: &[(u32, u32)]) -> String {
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
    if let Measure::Given(versions) = measure
        && let Some(change) = versions.last().and_then(|m| m.change(first, latest))
    {
        words.push_str(": ");
        words.push_str(&change.label().to_lowercase());
    }
    words
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub y: i32,
    pub height: i32,
    pub level: usize,
    pub label: String,
}

pub fn bands(spec: &ChartSpec, scale: Scaling) -> Vec<Band> {
    spec.bands
        .iter()
        .enumerate()
        .map(|(i, (from, label))| {
            let to = spec.bands.get(i + 1).map_or(spec.max, |b| b.0);
            let y = scale.y(to);
            Band {
                y,
                height: scale.y(*from) - y,
                level: i + 1,
                label: label.clone(),
            }
        })
        .collect()
}

/// One measure's line: polyline points and the dots on them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub name: String,
    pub points: String,
    pub dots: Vec<(i32, i32)>,
}

/// A tap target: the column of the plot nearest to one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Where the session's values sit.
    pub at: i32,
    pub x: i32,
    pub width: i32,
    pub row: usize,
}

/// A table row: session number, its date and one cell per measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: u32,
    pub date: String,
    pub cells: Vec<String>,
}

/// Everything one chart draws and says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub spec: ChartSpec,
    pub description: String,
    pub bands: Vec<Band>,
    /// Where the clinical cut-off runs across the plot, if the measure has one.
    pub cutoff_y: Option<i32>,
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

    pub fn headers(&self) -> impl Iterator<Item = &str> {
        ["Session", "Date"]
            .into_iter()
            .chain(self.spec.measures.iter().map(Measure::name))
    }
}

/// The course's charts that have at least one value: anxiety and mood,
/// every measure given (the library's in its order, then the clinician's
/// own, every version of which is in `custom`), then homework.
pub fn course_charts(sessions: &[Session], custom: &[measures::Measure]) -> Vec<Chart> {
    let mut specs = vec![feelings()];
    let given = |id: &str| sessions.iter().any(|s| s.measure_answers(id).is_some());
    let library = measures::library();
    let shipped = library
        .into_iter()
        .filter(|m| given(&m.id))
        .map(|m| vec![m]);
    let mut own: Vec<Vec<measures::Measure>> = Vec::new();
    for m in custom.iter().filter(|m| given(&m.id)) {
        match own.iter_mut().find(|v| v[0].id == m.id) {
            Some(versions) => versions.push(m.clone()),
            None => own.push(vec![m.clone()]),
        }
    }
    specs.extend(shipped.chain(own).filter_map(measure_chart));
    specs.push(homework());
    specs
        .iter()
        .filter_map(|spec| chart(spec, sessions))
        .collect()
}

/// One chart over sessions 1 to the highest numbered; `None` with no values.
pub fn chart(spec: &ChartSpec, sessions: &[Session]) -> Option<Chart> {
    let all: Vec<Vec<(u32, u32)>> = spec.measures.iter().map(|m| series(sessions, m)).collect();
    if all.iter().all(Vec::is_empty) {
        return None;
    }
    let last = sessions.iter().map(|s| s.number).max().unwrap_or(1);
    let scale = Scaling {
        last,
        max: spec.max,
    };
    let mut numbers: Vec<u32> = all.iter().flatten().map(|p| p.0).collect();
    order::sort(&mut numbers);
    numbers.dedup();
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
                .map(|(m, points)| match points.iter().find(|p| p.0 == number) {
                    Some(p) => format!("{}{}", p.1, m.unit()),
                    None => "—".into(),
                })
                .collect(),
        })
        .collect();
    let mut description: Vec<String> = spec
        .measures
        .iter()
        .zip(&all)
        .map(|(m, points)| trend(m, points))
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
                name: m.name().to_string(),
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
        spec: spec.clone(),
        description: description.join(". ") + ".",
        bands: bands(spec, scale),
        cutoff_y: spec.cutoff.map(|c| scale.y(c)),
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
    values.extend(spec.bands.iter().map(|b| b.0));
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
