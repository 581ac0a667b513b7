//! Session scores (self-rated anxiety and mood, GAD-7, PHQ-9) and risk.
//!
//! Scores are validated against each scale's range so a mistyped value is
//! refused with a clear message instead of being stored or silently clamped.
//! Bands, cut-offs and reliable change are the measures library's
//! (`model::measures`).

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
}

/// Reads a typed score. Blank input clears the score (`Ok(None)`).
pub fn parse_score(scale: Scale, input: &str) -> Result<Option<u8>, InputError> {
    // In range means at most 27, so the narrowing cannot truncate.
    parse_bounded(input, scale.name(), scale.max().into()).map(|n| n.map(|n| n as u8))
}

/// The self-ratings a session keeps; read them, and GAD-7 and PHQ-9
/// totals, through [`crate::model::Session::score`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Ratings {
    pub anxiety: Option<u8>,
    pub mood: Option<u8>,
    /// GAD-7 and PHQ-9 totals as sessions kept them before item-level
    /// answers: read from older records, then moved into the session's
    /// measures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) gad7: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) phq9: Option<u8>,
}

impl Ratings {
    pub(super) fn get(&self, scale: Scale) -> Option<u8> {
        *self.slot(scale)
    }

    /// Sets or clears a score; a value above the scale's maximum is refused
    /// and the previous value kept.
    pub(super) fn set(&mut self, scale: Scale, value: Option<u8>) -> Result<(), InputError> {
        if value.is_some_and(|v| v > scale.max()) {
            return Err(scale.refusal());
        }
        *self.slot_mut(scale) = value;
        Ok(())
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
