//! A measure of the clinician's own: their items on one response scale,
//! checked before it becomes a [`Measure`].

use super::{Band, Counts, Item, Measure, ResponseOption, cited, plain};
use crate::model::order;
use std::fmt;

/// What the clinician fills in to make a measure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomMeasure {
    pub name: String,
    pub instructions: String,
    /// Each item's text, and whether it is scored in reverse.
    pub items: Vec<(String, bool)>,
    /// The one response scale every item uses.
    pub options: Vec<ResponseOption>,
    /// Optional; when given they must cover every possible total once.
    pub bands: Vec<Band>,
}

/// Why a custom measure was refused, with how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomError {
    EmptyName,
    NoItems,
    /// Item number, from 1.
    EmptyItem(usize),
    TooFewOptions,
    UnlabelledOption(u8),
    SameValue(u8),
    UnnamedBand {
        from: u32,
        to: u32,
    },
    BandBackwards(String),
    BandOutside {
        band: String,
        min: u32,
        max: u32,
    },
    BandsOverlap {
        band: String,
        at: u32,
    },
    BandGap {
        from: u32,
        to: u32,
    },
    /// A line of the typed response scale, from 1, that does not read.
    ScaleLine(usize),
    /// A line of the typed bands, from 1, that does not read.
    BandLine(usize),
}

impl fmt::Display for CustomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyName => f.write_str("Give the measure a name."),
            Self::NoItems => f.write_str("Add at least one item."),
            Self::EmptyItem(n) => write!(f, "Item {n} is empty: write it or remove it."),
            Self::TooFewOptions => f.write_str("The response scale needs at least two answers."),
            Self::UnlabelledOption(value) => {
                write!(f, "The answer worth {value} needs a label.")
            }
            Self::SameValue(value) => write!(
                f,
                "Two answers are worth {value}: give each answer a value of its own."
            ),
            Self::UnnamedBand { from, to } => write!(f, "The band {from}–{to} needs a name."),
            Self::BandBackwards(band) => write!(f, "The band “{band}” ends before it starts."),
            Self::BandOutside { band, min, max } => write!(
                f,
                "The band “{band}” reaches past the possible totals, {min} to {max}."
            ),
            Self::BandsOverlap { band, at } => {
                write!(f, "The band “{band}” overlaps the one below it at {at}.")
            }
            Self::BandGap { from, to } if from == to => write!(f, "No band covers {from}."),
            Self::BandGap { from, to } => write!(f, "No band covers {from}–{to}."),
            Self::ScaleLine(n) => write!(
                f,
                "Answer line {n}: write its value, then its label, like “0 Never”."
            ),
            Self::BandLine(n) => write!(
                f,
                "Band line {n}: write the totals it covers, then its name, like “0–4 Low”."
            ),
        }
    }
}

impl std::error::Error for CustomError {}

impl CustomMeasure {
    /// The measure under a new `id`, or the first thing to fix. Text is
    /// trimmed; bands are sorted.
    pub fn build(&self, id: String) -> Result<Measure, CustomError> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(CustomError::EmptyName);
        }
        if self.items.is_empty() {
            return Err(CustomError::NoItems);
        }
        let mut items = Vec::with_capacity(self.items.len());
        for (number, (text, reversed)) in (1..).zip(&self.items) {
            if text.trim().is_empty() {
                return Err(CustomError::EmptyItem(number));
            }
            items.push(Item {
                text: text.trim().into(),
                options: Vec::new(),
                counts: if *reversed {
                    Counts::Reversed
                } else {
                    Counts::AsAnswered
                },
            });
        }
        let mut measure = plain(
            &id,
            [name, name],
            "Written by the clinician; not a published instrument.",
            self.instructions.trim(),
            self.checked_options()?,
            items,
        );
        if !self.bands.is_empty() {
            let mut bands = self.bands.clone();
            for band in &mut bands {
                band.label = band.label.trim().into();
            }
            order::sort_by_key(&mut bands, |b| b.from);
            check_bands(&bands, measure.min_total(), measure.max_total())?;
            measure.bands = Some(cited(bands, "Set by the clinician"));
        }
        Ok(measure)
    }

    fn checked_options(&self) -> Result<Vec<ResponseOption>, CustomError> {
        if self.options.len() < 2 {
            return Err(CustomError::TooFewOptions);
        }
        let mut options: Vec<ResponseOption> = Vec::with_capacity(self.options.len());
        for option in &self.options {
            let label = option.label.trim();
            if label.is_empty() {
                return Err(CustomError::UnlabelledOption(option.value));
            }
            if options.iter().any(|o| o.value == option.value) {
                return Err(CustomError::SameValue(option.value));
            }
            options.push(ResponseOption {
                value: option.value,
                label: label.into(),
            });
        }
        Ok(options)
    }
}

/// Bands, sorted by where they start, must each be named and run forwards,
/// and together cover `min..=max` with no gap or overlap.
pub(super) fn check_bands(bands: &[Band], min: u32, max: u32) -> Result<(), CustomError> {
    let mut next = min;
    for band in bands {
        if band.label.is_empty() {
            return Err(CustomError::UnnamedBand {
                from: band.from,
                to: band.to,
            });
        }
        if band.from > band.to {
            return Err(CustomError::BandBackwards(band.label.clone()));
        }
        if band.from < min || band.to > max {
            return Err(CustomError::BandOutside {
                band: band.label.clone(),
                min,
                max,
            });
        }
        if band.from < next {
            return Err(CustomError::BandsOverlap {
                band: band.label.clone(),
                at: band.from,
            });
        }
        if band.from > next {
            return Err(CustomError::BandGap {
                from: next,
                to: band.from - 1,
            });
        }
        next = band.to + 1;
    }
    if next <= max {
        return Err(CustomError::BandGap {
            from: next,
            to: max,
        });
    }
    Ok(())
}
