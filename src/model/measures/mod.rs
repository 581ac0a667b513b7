//! The measures library: questionnaires and ratings as plain data, with how
//! each is scored and how a score is read.
//!
//! A [`Measure`] holds the published wording, its response options, which
//! items count and how, its subscales, severity bands, clinical cut-off and
//! reliable-change threshold, each with where it comes from. Shipped
//! instruments live one to a file (`phq9`, `gad7`, `pcl5`, `audit`,
//! `zero_to_ten`); a clinician's own measure is built from a
//! [`CustomMeasure`] once it passes validation. Answers ([`MeasureAnswers`])
//! name the measure and version they were given under, so a later revision
//! of the wording never rescores old answers.

mod answers;
mod audit;
mod change;
mod custom;
mod gad7;
mod own;
mod pcl5;
mod phq9;
mod schedule;
mod summary;
mod zero_to_ten;

pub use answers::{
    AnswerError, Answered, MeasureAnswers, Respondent, Scored, SubscaleScore, from_legacy_total,
};
pub use change::Change;
pub use custom::{CustomError, CustomMeasure};
pub use own::{OwnMeasureText, keep_own, latest_own, to_give};
pub use schedule::{Due, Scheduled, due_in, offered, schedule};
pub use summary::answered_by;

use serde::{Deserialize, Serialize};

/// Ids of the shipped measures, as stored with every answer.
pub const PHQ9: &str = "phq9";
pub const GAD7: &str = "gad7";
pub const PCL5: &str = "pcl5";
pub const AUDIT: &str = "audit";
pub const ANXIETY: &str = "anxiety";
pub const MOOD: &str = "mood";

/// Ids of every shipped measure, in the order they are offered.
const SHIPPED: [&str; 6] = [PHQ9, GAD7, PCL5, AUDIT, ANXIETY, MOOD];

/// Every shipped measure, in the order they are offered.
pub fn library() -> Vec<Measure> {
    SHIPPED.iter().filter_map(|id| shipped(id)).collect()
}

/// The shipped measure with this id, if there is one; only that one is
/// built, since a session's scores are read on every redraw of its form.
pub fn shipped(id: &str) -> Option<Measure> {
    let build = match id {
        PHQ9 => phq9::measure,
        GAD7 => gad7::measure,
        PCL5 => pcl5::measure,
        AUDIT => audit::measure,
        ANXIETY => zero_to_ten::anxiety,
        MOOD => zero_to_ten::mood,
        _ => return None,
    };
    Some(build())
}

/// The measure answers were given under: a shipped one, or one of the
/// clinician's own (`custom`, every version kept), by id and version.
pub fn find(custom: &[Measure], answers: &MeasureAnswers) -> Option<Measure> {
    let given_under = |m: &Measure| m.id == answers.measure && m.version == answers.version;
    match custom.iter().find(|m| given_under(m)) {
        Some(m) => Some(m.clone()),
        None => shipped(&answers.measure).filter(given_under),
    }
}

/// A questionnaire or rating, as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// Stable key stored with every answer ("phq9"); a custom measure's own id.
    pub id: String,
    /// Raised whenever wording, items or scoring change.
    pub version: u32,
    /// Short name used in notes and charts ("PHQ-9").
    pub name: String,
    /// Full name heading the form.
    pub title: String,
    /// Shown under the form: where the wording comes from and on what terms
    /// it may be used.
    pub source: String,
    /// Read before the items.
    pub instructions: String,
    /// The answers offered for every item that has none of its own.
    pub options: Vec<ResponseOption>,
    pub items: Vec<Item>,
    #[serde(default)]
    pub subscales: Vec<Subscale>,
    /// Items an earlier answer makes unnecessary (AUDIT's skips).
    #[serde(default)]
    pub skips: Vec<Skip>,
    #[serde(default)]
    pub bands: Option<Cited<Vec<Band>>>,
    /// A total at or above this is in the clinical range.
    #[serde(default)]
    pub caseness: Option<Cited<u32>>,
    /// A change of at least this many points, either way, is reliable.
    #[serde(default)]
    pub reliable_change: Option<Cited<u32>>,
}

/// One question or statement and how its answer counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub text: String,
    /// Its own answers where they differ from the measure's (AUDIT's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ResponseOption>,
    #[serde(default)]
    pub counts: Counts,
}

/// How an item's answer enters the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counts {
    #[default]
    AsAnswered,
    /// Lowest and highest values swap: a positively worded item on a scale
    /// where higher means worse.
    Reversed,
    /// Asked but not scored, like the PHQ-9's question about difficulty.
    NotScored,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseOption {
    pub value: u8,
    pub label: String,
}

/// A named set of items scored on its own, like a PCL-5 symptom cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscale {
    pub name: String,
    /// Item numbers, from 1, as the published scoring names them.
    pub items: Vec<usize>,
}

/// When the `when` items total 0, the `then` items count as 0 if they were
/// left unanswered: the form told the person to skip them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skip {
    pub when: Vec<usize>,
    pub then: Vec<usize>,
}

/// A range of totals with a name, both ends included ("5–9 mild").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub from: u32,
    pub to: u32,
    pub label: String,
}

/// A value and the citation it rests on, shown to the clinician beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cited<T> {
    pub value: T,
    pub source: String,
}

impl Measure {
    /// The heading of its form: "Patient Health Questionnaire-9 (PHQ-9)", or
    /// the one name of a measure whose full and short names are the same.
    pub fn heading(&self) -> String {
        if self.title == self.name {
            self.title.clone()
        } else {
            format!("{} ({})", self.title, self.name)
        }
    }

    /// The answers an item offers: its own, or the measure's.
    pub fn options_for<'a>(&'a self, item: &'a Item) -> &'a [ResponseOption] {
        if item.options.is_empty() {
            &self.options
        } else {
            &item.options
        }
    }

    /// Lowest possible total: every scored item at its lowest.
    pub fn min_total(&self) -> u32 {
        self.scored_items()
            .map(|item| self.value_range(item).0)
            .sum()
    }

    /// Highest possible total: every scored item at its highest.
    pub fn max_total(&self) -> u32 {
        self.scored_items()
            .map(|item| self.value_range(item).1)
            .sum()
    }

    /// The band a total falls in, if the measure has bands.
    pub fn band(&self, total: u32) -> Option<&Band> {
        let bands = &self.bands.as_ref()?.value;
        bands.iter().find(|b| (b.from..=b.to).contains(&total))
    }

    /// Whether a total is in the clinical range; `None` where the measure
    /// has no cut-off.
    pub fn is_case(&self, total: u32) -> Option<bool> {
        self.caseness.as_ref().map(|c| total >= c.value)
    }

    fn scored_items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.counts != Counts::NotScored)
    }

    /// Lowest and highest value among an item's answers.
    fn value_range(&self, item: &Item) -> (u32, u32) {
        let values = self.options_for(item).iter().map(|o| u32::from(o.value));
        let min = values.clone().min().unwrap_or(0);
        (min, values.max().unwrap_or(0))
    }
}

/// A measure with no subscales, skips, bands or thresholds: the base each
/// instrument adds its own to.
fn plain(
    id: &str,
    [name, title]: [&str; 2],
    source: &str,
    instructions: &str,
    options: Vec<ResponseOption>,
    items: Vec<Item>,
) -> Measure {
    Measure {
        id: id.into(),
        version: 1,
        name: name.into(),
        title: title.into(),
        source: source.into(),
        instructions: instructions.into(),
        options,
        items,
        subscales: Vec::new(),
        skips: Vec::new(),
        bands: None,
        caseness: None,
        reliable_change: None,
    }
}

/// Labelled answers from `(value, label)` pairs, for the instrument files.
fn options(pairs: &[(u8, &str)]) -> Vec<ResponseOption> {
    pairs
        .iter()
        .map(|&(value, label)| ResponseOption {
            value,
            label: label.into(),
        })
        .collect()
}

/// Items on the measure's own scale, counted as answered.
fn items(texts: &[&str]) -> Vec<Item> {
    texts.iter().map(|text| item(text, &[])).collect()
}

fn item(text: &str, own_options: &[(u8, &str)]) -> Item {
    Item {
        text: text.into(),
        options: options(own_options),
        counts: Counts::AsAnswered,
    }
}

fn bands(ranges: &[(u32, u32, &str)], source: &str) -> Option<Cited<Vec<Band>>> {
    let value = ranges
        .iter()
        .map(|&(from, to, label)| Band {
            from,
            to,
            label: label.into(),
        })
        .collect();
    Some(cited(value, source))
}

fn cited<T>(value: T, source: &str) -> Cited<T> {
    Cited {
        value,
        source: source.into(),
    }
}

#[cfg(test)]
mod tests;
