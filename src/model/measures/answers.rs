//! Answers to a measure, and the totals the model works out from them.

use super::{Counts, Measure};
use crate::model::choice::choice_enum;
use serde::{Deserialize, Serialize};
use std::fmt;

choice_enum! {
    /// Who gave the answers, item by item.
    Respondent {
        Client => "client", "The client, on the tablet";
        Paper => "paper", "The clinician, from the client's paper form";
        Clinician => "clinician", "The clinician's rating";
    }
}

/// One completion of a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureAnswers {
    /// The [`Measure::id`] and version the answers were given under.
    pub measure: String,
    pub version: u32,
    /// When, in milliseconds since 1970 (passed in).
    pub at: i64,
    pub answered: Answered,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answered {
    /// One value per item, in order; `None` where an item is unanswered.
    Items {
        by: Respondent,
        values: Vec<Option<u8>>,
    },
    /// Only a total, entered by the clinician: how GAD-7 and PHQ-9 scores
    /// were kept before item-level answers.
    TotalOnly { total: u32 },
}

/// What the model works out from one completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// The total, or why there is none.
    pub total: Result<u32, AnswerError>,
    /// One per subscale, in the measure's order.
    pub subscales: Vec<SubscaleScore>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscaleScore {
    pub name: String,
    /// `None` while any of its items is unanswered (or only a total was kept).
    pub total: Option<u32>,
}

/// Answers the model refuses or cannot total, each with a message for the
/// clinician.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// The answers were given under another measure, or another version.
    OtherMeasure {
        measure: String,
        answers_for: String,
    },
    ItemCount {
        measure: String,
        items: usize,
        answers: usize,
    },
    NoSuchItem {
        measure: String,
        item: usize,
        items: usize,
    },
    /// A value that is not one of the item's answers.
    NotAnOption {
        measure: String,
        item: usize,
        value: u8,
        allowed: Vec<u8>,
    },
    /// The instrument is totalled only with these items answered.
    Unanswered {
        measure: String,
        items: Vec<usize>,
    },
    TotalOutOfRange {
        measure: String,
        min: u32,
        max: u32,
    },
    /// Kept as a total only, so there are no item answers to change.
    TotalOnly {
        measure: String,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OtherMeasure {
                measure,
                answers_for,
            } => write!(f, "These answers are to {answers_for}, not to {measure}."),
            Self::ItemCount {
                measure,
                items,
                answers,
            } => write!(
                f,
                "The {measure} has {items} items, but {answers} answers were given."
            ),
            Self::NoSuchItem {
                measure,
                item,
                items,
            } => write!(f, "The {measure} has no item {item}: it has {items}."),
            Self::NotAnOption {
                measure,
                item,
                value,
                allowed,
            } => write!(
                f,
                "{value} is not an answer to item {item} of the {measure}: choose {}.",
                one_of(allowed)
            ),
            Self::Unanswered { measure, items } => {
                let (noun, verb) = if items.len() == 1 {
                    ("item", "is")
                } else {
                    ("items", "are")
                };
                write!(
                    f,
                    "No {measure} total: {noun} {} {verb} unanswered, and the {measure} is \
                     totalled only with every item answered.",
                    and_list(items)
                )
            }
            Self::TotalOutOfRange { measure, min, max } => {
                write!(
                    f,
                    "A {measure} total is a whole number from {min} to {max}."
                )
            }
            Self::TotalOnly { measure } => write!(
                f,
                "This {measure} was kept as a total only: it has no item answers to change."
            ),
        }
    }
}

impl std::error::Error for AnswerError {}

impl MeasureAnswers {
    /// A form not yet filled in.
    pub fn blank(measure: &Measure, by: Respondent, at: i64) -> Self {
        Self::items(measure, by, vec![None; measure.items.len()], at)
    }

    /// Answers given all at once, as from a paper form; every value must be
    /// one of its item's answers.
    pub fn new(
        measure: &Measure,
        by: Respondent,
        values: Vec<Option<u8>>,
        at: i64,
    ) -> Result<Self, AnswerError> {
        measure.check_values(&values)?;
        Ok(Self::items(measure, by, values, at))
    }

    /// Sets or clears the answer to item `number` (from 1); a value that is
    /// not one of its answers is refused and the previous answer kept.
    pub fn answer(
        &mut self,
        measure: &Measure,
        number: usize,
        value: Option<u8>,
    ) -> Result<(), AnswerError> {
        measure.check_owns(self)?;
        let Answered::Items { values, .. } = &mut self.answered else {
            return Err(AnswerError::TotalOnly {
                measure: measure.name.clone(),
            });
        };
        measure.check_values(values)?;
        if let Some(value) = value {
            measure.check_value(number, value)?;
        }
        let slot = number.checked_sub(1).and_then(|i| values.get_mut(i));
        *slot.ok_or_else(|| measure.no_such_item(number))? = value;
        Ok(())
    }

    fn items(measure: &Measure, by: Respondent, values: Vec<Option<u8>>, at: i64) -> Self {
        Self {
            measure: measure.id.clone(),
            version: measure.version,
            at,
            answered: Answered::Items { by, values },
        }
    }
}

/// A total kept before item-level answers (the old GAD-7 and PHQ-9 fields),
/// as answers "total only, entered by the clinician"; a total the measure
/// cannot reach is refused.
pub fn from_legacy_total(
    measure: &Measure,
    total: u32,
    at: i64,
) -> Result<MeasureAnswers, AnswerError> {
    measure.check_total(total)?;
    Ok(MeasureAnswers {
        measure: measure.id.clone(),
        version: measure.version,
        at,
        answered: Answered::TotalOnly { total },
    })
}

impl Measure {
    /// Works out the total and subscales. Answers to another measure or
    /// version, or with values outside their items' answers, are refused;
    /// unanswered items leave the total out, with the reason.
    pub fn score(&self, answers: &MeasureAnswers) -> Result<Scored, AnswerError> {
        self.check_owns(answers)?;
        let values = match &answers.answered {
            Answered::TotalOnly { total } => {
                self.check_total(*total)?;
                return Ok(Scored {
                    total: Ok(*total),
                    subscales: self.subscale_scores(|_| None),
                });
            }
            Answered::Items { values, .. } => values,
        };
        self.check_values(values)?;
        let points = self.points(values);
        let mut total = 0;
        let mut unanswered = Vec::new();
        for (number, (item, points)) in (1..).zip(self.items.iter().zip(&points)) {
            match (item.counts, points) {
                (Counts::NotScored, _) => {}
                (_, Some(points)) => total += points,
                (_, None) => unanswered.push(number),
            }
        }
        let total = if unanswered.is_empty() {
            Ok(total)
        } else {
            Err(AnswerError::Unanswered {
                measure: self.name.clone(),
                items: unanswered,
            })
        };
        Ok(Scored {
            total,
            subscales: self.subscale_scores(|n| {
                n.checked_sub(1)
                    .and_then(|i| points.get(i).copied())
                    .flatten()
            }),
        })
    }

    /// Each item's points: its value after the skips, reversed where the
    /// item is reversed; `None` where it is unanswered.
    fn points(&self, values: &[Option<u8>]) -> Vec<Option<u32>> {
        let mut values = values.to_vec();
        for skip in &self.skips {
            let when: Option<u32> = skip
                .when
                .iter()
                .map(|&n| nth(&values, n).map(u32::from))
                .sum();
            if when == Some(0) {
                for &n in &skip.then {
                    if let Some(value @ None) = n.checked_sub(1).and_then(|i| values.get_mut(i)) {
                        *value = Some(0);
                    }
                }
            }
        }
        self.items
            .iter()
            .zip(values)
            .map(|(item, value)| {
                let value = u32::from(value?);
                Some(match item.counts {
                    Counts::Reversed => {
                        let (low, high) = self.value_range(item);
                        low + high - value
                    }
                    Counts::AsAnswered | Counts::NotScored => value,
                })
            })
            .collect()
    }

    fn subscale_scores(&self, points: impl Fn(usize) -> Option<u32>) -> Vec<SubscaleScore> {
        self.subscales
            .iter()
            .map(|s| SubscaleScore {
                name: s.name.clone(),
                total: s.items.iter().map(|&n| points(n)).sum(),
            })
            .collect()
    }

    fn check_owns(&self, answers: &MeasureAnswers) -> Result<(), AnswerError> {
        if answers.measure == self.id && answers.version == self.version {
            return Ok(());
        }
        Err(AnswerError::OtherMeasure {
            measure: format!("{} (version {})", self.name, self.version),
            answers_for: format!("{} (version {})", answers.measure, answers.version),
        })
    }

    fn check_values(&self, values: &[Option<u8>]) -> Result<(), AnswerError> {
        if values.len() != self.items.len() {
            return Err(self.item_count(values.len()));
        }
        for (number, value) in (1..).zip(values) {
            if let Some(value) = *value {
                self.check_value(number, value)?;
            }
        }
        Ok(())
    }

    fn check_value(&self, number: usize, value: u8) -> Result<(), AnswerError> {
        let item = number.checked_sub(1).and_then(|i| self.items.get(i));
        let options = self.options_for(item.ok_or_else(|| self.no_such_item(number))?);
        if options.iter().any(|o| o.value == value) {
            return Ok(());
        }
        Err(AnswerError::NotAnOption {
            measure: self.name.clone(),
            item: number,
            value,
            allowed: options.iter().map(|o| o.value).collect(),
        })
    }

    fn check_total(&self, total: u32) -> Result<(), AnswerError> {
        let (min, max) = (self.min_total(), self.max_total());
        if (min..=max).contains(&total) {
            return Ok(());
        }
        Err(AnswerError::TotalOutOfRange {
            measure: self.name.clone(),
            min,
            max,
        })
    }

    fn item_count(&self, answers: usize) -> AnswerError {
        AnswerError::ItemCount {
            measure: self.name.clone(),
            items: self.items.len(),
            answers,
        }
    }

    fn no_such_item(&self, item: usize) -> AnswerError {
        AnswerError::NoSuchItem {
            measure: self.name.clone(),
            item,
            items: self.items.len(),
        }
    }
}

/// The value of item `number` (from 1), if answered.
fn nth(values: &[Option<u8>], number: usize) -> Option<u8> {
    number
        .checked_sub(1)
        .and_then(|i| values.get(i))
        .copied()
        .flatten()
}

/// "0, 1, 2 or 3".
fn one_of(values: &[u8]) -> String {
    list(values, "or")
}

/// "3 and 9".
fn and_list(values: &[usize]) -> String {
    list(values, "and")
}

fn list(values: &[impl ToString], last: &str) -> String {
    let words: Vec<String> = values.iter().map(ToString::to_string).collect();
    match words.split_last() {
        Some((tail, rest)) if !rest.is_empty() => format!("{} {last} {tail}", rest.join(", ")),
        _ => words.concat(),
    }
}
