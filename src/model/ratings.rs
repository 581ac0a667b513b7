//! Session scores (self-rated anxiety and mood, GAD-7, PHQ-9) and risk.
//!
//! Scores are validated against each scale's range so a mistyped value is
//! refused with a clear message instead of being stored or silently clamped.
//! Each scale also knows its severity bands and the change between two
//! scores that counts as reliable, so every screen reads a score alike.

use super::choice::choice_enum;
use super::{InputError, parse_bounded};
use serde::{Deserialize, Serialize};

// Deliberately not `Ord`: `Ord::max` would shadow `Scale::max` on `&Scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    #[default]
    Anxiety,
    Mood,
    Gad7,
    Phq9,
}

impl Scale {
    pub const ALL: [Scale; 4] = [Scale::Anxiety, Scale::Mood, Scale::Gad7, Scale::Phq9];

    pub fn label(self) -> &'static str {
        match self {
            Scale::Anxiety => "Anxiety (0–10)",
            Scale::Mood => "Mood (0–10)",
            Scale::Gad7 => "GAD-7",
            Scale::Phq9 => "PHQ-9",
        }
    }

    /// The scale's name without its range, as used in sentences.
    pub fn name(self) -> &'static str {
        match self {
            Scale::Anxiety => "Anxiety",
            Scale::Mood => "Mood",
            Scale::Gad7 => "GAD-7",
            Scale::Phq9 => "PHQ-9",
        }
    }

    /// Why a score outside the scale was refused.
    pub fn refusal(self) -> InputError {
        InputError::OutOfRange {
            what: self.name(),
            max: self.max().into(),
        }
    }

    /// Highest possible score (GAD-7: 7 items × 3, PHQ-9: 9 items × 3).
    pub const fn max(self) -> u8 {
        match self {
            Scale::Anxiety | Scale::Mood => 10,
            Scale::Gad7 => 21,
            Scale::Phq9 => 27,
        }
    }

    /// The lowest score and name of each severity band above the lowest
    /// (GAD-7: 5 mild, 10 moderate, 15 severe; PHQ-9 adds 15 moderately
    /// severe and 20 severe); the self-ratings have none.
    pub const fn severity_bands(self) -> &'static [(u8, &'static str)] {
        match self {
            Scale::Anxiety | Scale::Mood => &[],
            Scale::Gad7 => &[(5, "mild"), (10, "moderate"), (15, "severe")],
            Scale::Phq9 => &[
                (5, "mild"),
                (10, "moderate"),
                (15, "moderately severe"),
                (20, "severe"),
            ],
        }
    }

    /// A change at least this large, first score to latest, is reliable
    /// (NHS Talking Therapies: GAD-7 4, PHQ-9 6); the self-ratings have no
    /// such threshold.
    pub const fn reliable_change(self) -> Option<u8> {
        match self {
            Scale::Gad7 => Some(4),
            Scale::Phq9 => Some(6),
            Scale::Anxiety | Scale::Mood => None,
        }
    }

    /// Where the latest score lands against the first by the scale's
    /// threshold; `None` for a scale without one. Lower is better on every
    /// scale that has one.
    pub fn change(self, first: u8, latest: u8) -> Option<ReliableChange> {
        let threshold = self.reliable_change()?;
        Some(if first >= latest.saturating_add(threshold) {
            ReliableChange::Improvement
        } else if latest >= first.saturating_add(threshold) {
            ReliableChange::Deterioration
        } else {
            ReliableChange::NoChange
        })
    }
}

/// Where first to latest lands by a scale's reliable change threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReliableChange {
    Improvement,
    Deterioration,
    NoChange,
}

impl ReliableChange {
    pub fn label(self) -> &'static str {
        match self {
            Self::Improvement => "reliable improvement",
            Self::Deterioration => "reliable deterioration",
            Self::NoChange => "no reliable change",
        }
    }
}

/// Reads a typed score. Blank input clears the score (`Ok(None)`).
pub fn parse_score(scale: Scale, input: &str) -> Result<Option<u8>, InputError> {
    // In range means at most 27, so the narrowing cannot truncate.
    parse_bounded(input, scale.name(), scale.max().into()).map(|n| n.map(|n| n as u8))
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Ratings {
    pub anxiety: Option<u8>,
    pub mood: Option<u8>,
    pub gad7: Option<u8>,
    pub phq9: Option<u8>,
}

impl Ratings {
    pub fn get(&self, scale: Scale) -> Option<u8> {
        *self.slot(scale)
    }

    /// Sets or clears a score; a value above the scale's maximum is refused
    /// and the previous value kept.
    pub fn set(&mut self, scale: Scale, value: Option<u8>) -> Result<(), InputError> {
        if value.is_some_and(|v| v > scale.max()) {
            return Err(scale.refusal());
        }
        *self.slot_mut(scale) = value;
        Ok(())
    }

    /// Sets a score from typed input; on error the previous value is kept.
    pub fn set_input(&mut self, scale: Scale, input: &str) -> Result<(), InputError> {
        let value = parse_score(scale, input)?;
        self.set(scale, value)
    }

    fn slot(&self, scale: Scale) -> &Option<u8> {
        match scale {
            Scale::Anxiety => &self.anxiety,
            Scale::Mood => &self.mood,
            Scale::Gad7 => &self.gad7,
            Scale::Phq9 => &self.phq9,
        }
    }

    fn slot_mut(&mut self, scale: Scale) -> &mut Option<u8> {
        match scale {
            Scale::Anxiety => &mut self.anxiety,
            Scale::Mood => &mut self.mood,
            Scale::Gad7 => &mut self.gad7,
            Scale::Phq9 => &mut self.phq9,
        }
    }
}

choice_enum! {
    /// The clinician's judgement of risk in this session.
    #[derive(PartialOrd, Ord, Default)]
    RiskLevel {
        #[default]
        None => "none", "None";
        Low => "low", "Low";
        Moderate => "moderate", "Moderate";
        High => "high", "High";
    }
}

impl RiskLevel {
    /// Levels that call for follow-up (safety plan, review next session).
    pub fn is_flagged(self) -> bool {
        matches!(self, RiskLevel::Moderate | RiskLevel::High)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Risk {
    pub level: RiskLevel,
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    #[test]
    fn scale_labels_and_max() {
        let labels: Vec<_> = Scale::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels, ["Anxiety (0–10)", "Mood (0–10)", "GAD-7", "PHQ-9"]);
        let max: Vec<_> = Scale::ALL.iter().map(|s| s.max()).collect();
        assert_eq!(max, [10, 10, 21, 27]);
    }

    #[test]
    fn gad7_bands_start_at_5_10_and_15_and_phq9_adds_moderately_severe_and_severe() {
        assert_eq!(
            Scale::Gad7.severity_bands(),
            [(5, "mild"), (10, "moderate"), (15, "severe")]
        );
        assert_eq!(
            Scale::Phq9.severity_bands(),
            [
                (5, "mild"),
                (10, "moderate"),
                (15, "moderately severe"),
                (20, "severe")
            ]
        );
        for scale in Scale::ALL {
            let bands = scale.severity_bands();
            assert!(bands.windows(2).all(|w| w[0].0 < w[1].0), "{scale:?}");
            assert!(
                bands
                    .iter()
                    .all(|&(from, _)| from > 0 && from <= scale.max())
            );
        }
    }

    #[test]
    fn self_ratings_have_no_severity_bands_and_no_reliable_change() {
        for scale in [Scale::Anxiety, Scale::Mood] {
            assert!(scale.severity_bands().is_empty());
            assert_eq!(scale.reliable_change(), None);
            assert_eq!(scale.change(8, 1), None);
        }
    }

    #[test]
    fn a_fall_of_four_on_gad7_is_a_reliable_improvement_and_three_is_not() {
        assert_eq!(Scale::Gad7.reliable_change(), Some(4));
        assert_eq!(
            Scale::Gad7.change(15, 11),
            Some(ReliableChange::Improvement)
        );
        assert_eq!(Scale::Gad7.change(15, 12), Some(ReliableChange::NoChange));
        assert_eq!(
            Scale::Gad7.change(9, 13),
            Some(ReliableChange::Deterioration)
        );
    }

    #[test]
    fn a_change_of_six_on_phq9_is_reliable_and_five_is_not() {
        assert_eq!(Scale::Phq9.reliable_change(), Some(6));
        assert_eq!(Scale::Phq9.change(12, 6), Some(ReliableChange::Improvement));
        assert_eq!(Scale::Phq9.change(12, 7), Some(ReliableChange::NoChange));
        assert_eq!(
            Scale::Phq9.change(6, 12),
            Some(ReliableChange::Deterioration)
        );
        assert_eq!(Scale::Phq9.change(7, 12), Some(ReliableChange::NoChange));
        assert_eq!(Scale::Phq9.change(27, 27), Some(ReliableChange::NoChange));
        assert_eq!(
            Scale::Phq9.change(0, 27),
            Some(ReliableChange::Deterioration)
        );
    }

    #[test]
    fn parse_score_ranges_for_every_scale() {
        for scale in Scale::ALL {
            let max = scale.max();
            let err = Err(scale.refusal());
            assert_eq!(parse_score(scale, "0"), Ok(Some(0)), "{scale:?}");
            assert_eq!(parse_score(scale, &max.to_string()), Ok(Some(max)));
            assert_eq!(parse_score(scale, &(max + 1).to_string()), err);
            assert_eq!(parse_score(scale, "-1"), err);
            assert_eq!(parse_score(scale, "abc"), err);
            assert_eq!(parse_score(scale, "5.5"), err);
            assert_eq!(parse_score(scale, "+5"), err);
            assert_eq!(parse_score(scale, "99999999999999999999"), err);
            assert_eq!(parse_score(scale, " 7 "), Ok(Some(7)));
            assert_eq!(parse_score(scale, ""), Ok(None));
            assert_eq!(parse_score(scale, "  \t"), Ok(None));
        }
        assert_eq!(
            parse_score(Scale::Anxiety, "11"),
            Err(Scale::Anxiety.refusal())
        );
        assert_eq!(parse_score(Scale::Gad7, "11"), Ok(Some(11)));
        assert_eq!(parse_score(Scale::Phq9, "007"), Ok(Some(7)));
    }

    #[test]
    fn error_messages_name_the_range() {
        let msg = |scale: Scale| scale.refusal().to_string();
        assert_eq!(
            msg(Scale::Anxiety),
            "Anxiety must be a whole number from 0 to 10."
        );
        assert_eq!(
            msg(Scale::Mood),
            "Mood must be a whole number from 0 to 10."
        );
        assert_eq!(
            msg(Scale::Gad7),
            "GAD-7 must be a whole number from 0 to 21."
        );
        assert_eq!(
            msg(Scale::Phq9),
            "PHQ-9 must be a whole number from 0 to 27."
        );
    }

    #[test]
    fn set_input_keeps_previous_value_on_error() {
        let mut r = Ratings::default();
        for scale in Scale::ALL {
            assert_eq!(r.get(scale), None);
            assert_eq!(r.set_input(scale, " 7 "), Ok(()));
            assert_eq!(r.get(scale), Some(7));
            assert_eq!(
                r.set_input(scale, &(scale.max() + 1).to_string()),
                Err(scale.refusal())
            );
            assert_eq!(r.set_input(scale, "abc"), Err(scale.refusal()));
            assert_eq!(r.get(scale), Some(7));
            assert_eq!(r.set_input(scale, ""), Ok(()));
            assert_eq!(r.get(scale), None);
        }
        r.set_input(Scale::Gad7, "15").unwrap();
        r.set_input(Scale::Mood, "3").unwrap();
        assert_eq!(
            r,
            Ratings {
                anxiety: None,
                mood: Some(3),
                gad7: Some(15),
                phq9: None
            }
        );
    }

    #[test]
    fn set_refuses_out_of_range() {
        let mut r = Ratings::default();
        assert_eq!(r.set(Scale::Phq9, Some(27)), Ok(()));
        assert_eq!(r.set(Scale::Phq9, Some(28)), Err(Scale::Phq9.refusal()));
        assert_eq!(r.phq9, Some(27));
        assert_eq!(r.set(Scale::Phq9, None), Ok(()));
        assert_eq!(r.phq9, None);
    }

    #[test]
    fn risk_levels() {
        let labels: Vec<_> = RiskLevel::ALL.iter().map(|l| l.label()).collect();
        assert_eq!(labels, ["None", "Low", "Moderate", "High"]);
        let flagged: Vec<_> = RiskLevel::ALL.iter().map(|l| l.is_flagged()).collect();
        assert_eq!(flagged, [false, false, true, true]);
        for &l in RiskLevel::ALL {
            assert_eq!(RiskLevel::from_key(l.key()), Some(l));
        }
        assert_eq!(RiskLevel::from_key("None"), None);
        assert_eq!(RiskLevel::default(), RiskLevel::None);
        assert_eq!(Risk::default().level, RiskLevel::None);
    }

    #[test]
    fn json_round_trip_and_old_records() {
        let ratings = Ratings {
            anxiety: Some(6),
            mood: None,
            gad7: Some(12),
            phq9: Some(0),
        };
        let json = serde_json::to_string(&ratings).unwrap();
        assert_eq!(json, r#"{"anxiety":6,"mood":null,"gad7":12,"phq9":0}"#);
        assert_eq!(serde_json::from_str::<Ratings>(&json).unwrap(), ratings);
        let old: Ratings = serde_json::from_str(r#"{"anxiety":4}"#).unwrap();
        assert_eq!(old.anxiety, Some(4));
        assert_eq!(old.phq9, None);

        let risk = Risk {
            level: RiskLevel::Moderate,
            note: "Passive ideation, safety plan reviewed".into(),
        };
        let json = serde_json::to_string(&risk).unwrap();
        assert_eq!(
            json,
            r#"{"level":"moderate","note":"Passive ideation, safety plan reviewed"}"#
        );
        assert_eq!(serde_json::from_str::<Risk>(&json).unwrap(), risk);
        assert_eq!(serde_json::from_str::<Risk>("{}").unwrap(), Risk::default());
    }
}
