//! The tablet handed to the client: one or more measures to fill in, one
//! item per screen or the whole form, and nothing else. What the client has
//! answered so far and where they are is a [`Handover`], kept on the device
//! so a reload goes on where it was. Handing back needs the clinician's PIN
//! (a rule here) or passphrase; what the clinician sees first on taking the
//! tablet back is [`review_first`].

use super::measures::{Answered, Measure, MeasureAnswers, PHQ9, Respondent};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The shortest and longest PIN, in digits.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

/// Why a new PIN is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinError {
    NotDigits,
    Length,
    Differ,
}

impl fmt::Display for PinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotDigits => "A PIN is digits only, 0 to 9.",
            Self::Length => "A PIN has 4 to 8 digits.",
            Self::Differ => "The two PINs differ: type the same PIN twice.",
        })
    }
}

impl std::error::Error for PinError {}

/// A new PIN and its repeat: 4 to 8 digits, typed the same twice.
pub fn check_new_pin(pin: &str, repeat: &str) -> Result<(), PinError> {
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        Err(PinError::NotDigits)
    } else if !PIN_DIGITS.contains(&pin.len()) {
        Err(PinError::Length)
    } else if pin != repeat {
        Err(PinError::Differ)
    } else {
        Ok(())
    }
}

/// How the client chose to read the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    OneAtATime,
    WholeForm,
}

/// Where the client is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum Step {
    /// Choosing one item per screen or the whole form.
    Start,
    /// Item `item` (from 0) of measure `measure` (from 0), on its own.
    Item { measure: usize, item: usize },
    /// Every item of measure `measure` on one page.
    Form { measure: usize },
    /// The thank-you page.
    Done,
}

/// The tablet in the client's hands: for which session, the measures as
/// they were when handed over, the answers so far and where the client is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    pub session: String,
    pub measures: Vec<Measure>,
    /// One per measure, in the same order, answered by the client.
    pub answers: Vec<MeasureAnswers>,
    pub pace: Option<Pace>,
    pub step: Step,
}

impl Handover {
    /// Blank forms for `measures`, at the page where the client chooses how
    /// to read them; `None` without a measure.
    pub fn new(session: &str, measures: Vec<Measure>, now: i64) -> Option<Self> {
        if measures.is_empty() {
            return None;
        }
        let answers = measures
            .iter()
            .map(|m| MeasureAnswers::blank(m, Respondent::Client, now))
            .collect();
        Some(Self {
            session: session.to_string(),
            measures,
            answers,
            pace: None,
            step: Step::Start,
        })
    }

    /// The client's choice of pace; it opens the first item or form.
    pub fn choose(&mut self, pace: Pace) {
        self.pace = Some(pace);
        self.step = self.first(pace);
    }

    fn first(&self, pace: Pace) -> Step {
        match pace {
            Pace::OneAtATime => Step::Item {
                measure: 0,
                item: 0,
            },
            Pace::WholeForm => Step::Form { measure: 0 },
        }
    }

    /// The answer to item `item` (from 0) of measure `measure`, if given.
    pub fn answer_to(&self, measure: usize, item: usize) -> Option<u8> {
        match &self.answers.get(measure)?.answered {
            Answered::Items { values, .. } => values.get(item).copied().flatten(),
            Answered::TotalOnly { .. } => None,
        }
    }

    /// Sets the answer to item `item` (from 0) of measure `measure`; a value
    /// that is not one of the item's answers changes nothing.
    pub fn answer(&mut self, measure: usize, item: usize, value: u8, now: i64) {
        let (Some(form), Some(answers)) =
            (self.measures.get(measure), self.answers.get_mut(measure))
        else {
            return;
        };
        if answers.answer(form, item + 1, Some(value)).is_ok() {
            answers.at = now;
        }
    }

    /// The page after this one; the last leads to the thank-you page.
    pub fn next(&mut self) {
        self.step = match self.step {
            Step::Start => return,
            Step::Item { measure, item } if item + 1 < self.items_of(measure) => Step::Item {
                measure,
                item: item + 1,
            },
            Step::Item { measure, .. } if measure + 1 < self.measures.len() => Step::Item {
                measure: measure + 1,
                item: 0,
            },
            Step::Form { measure } if measure + 1 < self.measures.len() => Step::Form {
                measure: measure + 1,
            },
            Step::Item { .. } | Step::Form { .. } | Step::Done => Step::Done,
        }
    }

    /// The page before this one; back from the first item is the choice of pace.
    pub fn back(&mut self) {
        self.step = match self.step {
            Step::Start => Step::Start,
            Step::Item { measure, item: 0 } if measure > 0 => Step::Item {
                measure: measure - 1,
                item: self.items_of(measure - 1).saturating_sub(1),
            },
            Step::Item { measure, item } if item > 0 => Step::Item {
                measure,
                item: item - 1,
            },
            Step::Form { measure } if measure > 0 => Step::Form {
                measure: measure - 1,
            },
            Step::Item { .. } | Step::Form { .. } => Step::Start,
            Step::Done => self.last(),
        }
    }

    fn last(&self) -> Step {
        let measure = self.measures.len() - 1;
        match self.pace {
            Some(Pace::WholeForm) => Step::Form { measure },
            _ => Step::Item {
                measure,
                item: self.items_of(measure).saturating_sub(1),
            },
        }
    }

    fn items_of(&self, measure: usize) -> usize {
        self.measures.get(measure).map_or(0, |m| m.items.len())
    }

    /// "Question 3 of 16" one item at a time, "Form 1 of 2" for whole
    /// forms: the page shown now and how many there are.
    pub fn progress(&self) -> Option<(usize, usize)> {
        match self.step {
            Step::Item { measure, item } => {
                let before: usize = (0..measure).map(|m| self.items_of(m)).sum();
                let all = (0..self.measures.len()).map(|m| self.items_of(m)).sum();
                Some((before + item + 1, all))
            }
            Step::Form { measure } => Some((measure + 1, self.measures.len())),
            Step::Start | Step::Done => None,
        }
    }

    /// The forms to keep in the session: each one the client answered at
    /// least one item of. An untouched form holds nothing to keep.
    pub fn handed_back(&self) -> Vec<MeasureAnswers> {
        self.answers
            .iter()
            .filter(|a| matches!(&a.answered, Answered::Items { values, .. } if values.iter().any(Option::is_some)))
            .cloned()
            .collect()
    }
}

/// What the clinician must see before anything else on taking the tablet
/// back: the PHQ-9's item 9 (thoughts of being better off dead or of
/// self-harm) answered above "Not at all".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskReview {
    /// 1, 2 or 3.
    pub value: u8,
    /// The answer as the client read it ("Several days").
    pub label: String,
    /// The item's wording.
    pub item: String,
}

impl RiskReview {
    /// "Item 9 answered: 2 — review risk".
    pub fn headline(&self) -> String {
        format!("Item 9 answered: {} — review risk", self.value)
    }
}

/// Item 9 of the PHQ-9 is its risk item.
const RISK_ITEM: usize = 9;

/// The review to show first, when a PHQ-9 among `answers` has item 9 above 0.
pub fn review_first(measures: &[Measure], answers: &[MeasureAnswers]) -> Option<RiskReview> {
    let phq9 = measures.iter().find(|m| m.id == PHQ9)?;
    answers
        .iter()
        .filter(|a| a.measure == PHQ9)
        .find_map(|a| match &a.answered {
            Answered::Items { values, .. } => values.get(RISK_ITEM - 1).copied().flatten(),
            Answered::TotalOnly { .. } => None,
        })
        .filter(|&value| value > 0)
        .map(|value| {
            let item = &phq9.items[RISK_ITEM - 1];
            let label = phq9
                .options_for(item)
                .iter()
                .find(|o| o.value == value)
                .map(|o| o.label.clone())
                .unwrap_or_default();
            RiskReview {
                value,
                label,
                item: item.text.clone(),
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::measures::{GAD7, shipped};

    fn phq9_and_gad7() -> Handover {
        let measures = vec![shipped(PHQ9).unwrap(), shipped(GAD7).unwrap()];
        Handover::new("s1", measures, 1_000).unwrap()
    }

    #[test]
    fn a_pin_is_four_to_eight_digits_typed_the_same_twice() {
        assert_eq!(check_new_pin("1234", "1234"), Ok(()));
        assert_eq!(check_new_pin("12345678", "12345678"), Ok(()));
        assert_eq!(check_new_pin("123", "123"), Err(PinError::Length));
        assert_eq!(
            check_new_pin("123456789", "123456789"),
            Err(PinError::Length)
        );
        assert_eq!(check_new_pin("12a4", "12a4"), Err(PinError::NotDigits));
        assert_eq!(check_new_pin("١٢٣٤", "١٢٣٤"), Err(PinError::NotDigits));
        assert_eq!(check_new_pin("1234", "1243"), Err(PinError::Differ));
        assert_eq!(PinError::Length.to_string(), "A PIN has 4 to 8 digits.");
    }

    #[test]
    fn nothing_is_handed_over_without_a_measure() {
        assert_eq!(Handover::new("s1", Vec::new(), 0), None);
    }

    #[test]
    fn one_item_at_a_time_runs_through_every_measure_to_the_thank_you_page_and_back() {
        let mut handover = phq9_and_gad7();
        assert_eq!(handover.step, Step::Start);
        assert_eq!(handover.progress(), None);
        handover.choose(Pace::OneAtATime);
        assert_eq!(handover.progress(), Some((1, 18)));
        for _ in 0..9 {
            handover.next();
        }
        // The PHQ-9 has nine items and its difficulty question.
        assert_eq!(
            handover.step,
            Step::Item {
                measure: 0,
                item: 9
            }
        );
        handover.next();
        assert_eq!(
            handover.step,
            Step::Item {
                measure: 1,
                item: 0
            }
        );
        assert_eq!(handover.progress(), Some((11, 18)));
        handover.back();
        assert_eq!(
            handover.step,
            Step::Item {
                measure: 0,
                item: 9
            }
        );
        // The GAD-7's seven items and its difficulty question.
        for _ in 0..9 {
            handover.next();
        }
        assert_eq!(handover.step, Step::Done);
        handover.back();
        assert_eq!(
            handover.step,
            Step::Item {
                measure: 1,
                item: 7
            }
        );
        assert_eq!(handover.progress(), Some((18, 18)));
    }

    #[test]
    fn the_whole_form_shows_one_measure_per_page_and_back_from_the_first_is_the_choice() {
        let mut handover = phq9_and_gad7();
        handover.choose(Pace::WholeForm);
        assert_eq!(handover.progress(), Some((1, 2)));
        handover.next();
        assert_eq!(handover.step, Step::Form { measure: 1 });
        handover.next();
        assert_eq!(handover.step, Step::Done);
        handover.back();
        assert_eq!(handover.step, Step::Form { measure: 1 });
        handover.back();
        handover.back();
        assert_eq!(handover.step, Step::Start);
    }

    #[test]
    fn answers_are_kept_by_item_and_one_outside_the_options_changes_nothing() {
        let mut handover = phq9_and_gad7();
        handover.answer(0, 2, 3, 5_000);
        handover.answer(0, 2, 4, 6_000);
        handover.answer(7, 0, 1, 6_000);
        assert_eq!(handover.answer_to(0, 2), Some(3));
        assert_eq!(handover.answers[0].at, 5_000);
        assert_eq!(handover.answer_to(1, 0), None);
        let kept = handover.handed_back();
        assert_eq!(kept.len(), 1, "the untouched GAD-7 is not kept");
        assert!(matches!(
            &kept[0].answered,
            Answered::Items { by: Respondent::Client, values } if values[2] == Some(3)
        ));
    }

    #[test]
    fn a_handover_reads_back_as_it_was_kept() {
        let mut handover = phq9_and_gad7();
        handover.choose(Pace::OneAtATime);
        handover.answer(0, 0, 2, 2_000);
        handover.next();
        let json = serde_json::to_string(&handover).unwrap();
        assert_eq!(serde_json::from_str::<Handover>(&json).unwrap(), handover);
    }

    #[test]
    fn item_9_above_0_is_shown_first_with_the_answer_and_not_otherwise() {
        let mut handover = phq9_and_gad7();
        let review = |h: &Handover| review_first(&h.measures, &h.handed_back());
        assert_eq!(review(&handover), None);
        handover.answer(0, 8, 0, 1);
        assert_eq!(review(&handover), None);
        handover.answer(0, 8, 2, 1);
        let shown = review(&handover).unwrap();
        assert_eq!(shown.headline(), "Item 9 answered: 2 — review risk");
        assert_eq!(shown.label, "More than half the days");
        assert!(
            shown
                .item
                .starts_with("Thoughts that you would be better off dead")
        );
    }

    #[test]
    fn item_9_of_another_measure_is_not_the_phq9s() {
        let gad7 = shipped(GAD7).unwrap();
        let mut handover = Handover::new("s1", vec![gad7], 0).unwrap();
        handover.answer(0, 6, 3, 1);
        assert_eq!(
            review_first(&handover.measures, &handover.handed_back()),
            None
        );
    }
}
