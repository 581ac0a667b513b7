//! The measures given in a session: one completion per measure, the scores
//! read from them, and totals kept before item-level answers.

use super::Session;
use crate::model::InputError;
use crate::model::measures::{self, Answered, MeasureAnswers, from_legacy_total};
use crate::model::ratings::{Scale, parse_score};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

impl Serialize for Session {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Session::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Session {
    /// Every read of a stored session, from any layout, backup or device,
    /// comes through here: GAD-7 and PHQ-9 totals from before item-level
    /// answers become "total only" answers.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut session = Session::deserialize(deserializer)?;
        session.fold_legacy_totals();
        Ok(session)
    }
}

/// The shipped measure a total-only score stands for.
fn measure_id(scale: Scale) -> Option<&'static str> {
    match scale {
        Scale::Gad7 => Some(measures::GAD7),
        Scale::Phq9 => Some(measures::PHQ9),
        Scale::Anxiety | Scale::Mood => None,
    }
}

impl Session {
    /// The answers to measure `id` given in this session, if any.
    pub fn measure_answers(&self, id: &str) -> Option<&MeasureAnswers> {
        self.measures.iter().find(|a| a.measure == id)
    }

    /// The measures this session already holds answers to, which handing the
    /// tablet to the client must not offer: the client's answers would
    /// replace them (a measure is kept once per session).
    pub fn measures_given(&self) -> Vec<String> {
        self.measures.iter().map(|a| a.measure.clone()).collect()
    }

    /// Records a completion of a measure; one given earlier in this session
    /// is replaced where it stood, so a measure is kept once per session.
    pub fn record_measure(&mut self, answers: MeasureAnswers) {
        match self
            .measures
            .iter_mut()
            .find(|a| a.measure == answers.measure)
        {
            Some(kept) => *kept = answers,
            None => self.measures.push(answers),
        }
    }

    /// Takes out the answers to measure `id`, if any were given.
    pub fn remove_measure(&mut self, id: &str) -> Option<MeasureAnswers> {
        let at = self.measures.iter().position(|a| a.measure == id)?;
        Some(self.measures.remove(at))
    }

    /// A score as the session holds it: a self-rating, or the total of the
    /// GAD-7 or PHQ-9 when it has one (not while an item is unanswered).
    pub fn score(&self, scale: Scale) -> Option<u8> {
        let Some(id) = measure_id(scale) else {
            return self.ratings.get(scale);
        };
        if let Some(total) = self.total_only(scale) {
            return Some(total);
        }
        let measure = measures::shipped(id)?;
        let total = measure.score(self.measure_answers(id)?).ok()?.total.ok()?;
        u8::try_from(total).ok()
    }

    /// The total a GAD-7 or PHQ-9 was kept as, when only a total was kept.
    pub fn total_only(&self, scale: Scale) -> Option<u8> {
        let answers = self.measure_answers(measure_id(scale)?)?;
        match answers.answered {
            Answered::TotalOnly { total } => u8::try_from(total).ok(),
            Answered::Items { .. } => None,
        }
    }

    /// Sets a score from typed input at time `at`; blank clears it. A GAD-7
    /// or PHQ-9 typed as a number is kept as a total only. On error nothing
    /// changes.
    pub fn set_score_input(
        &mut self,
        scale: Scale,
        input: &str,
        at: i64,
    ) -> Result<(), InputError> {
        let value = parse_score(scale, input)?;
        self.set_score(scale, value, at)
    }

    /// Sets or clears a score at time `at`. A GAD-7 or PHQ-9 answered item
    /// by item is not overwritten by a total; a score out of range is
    /// refused. On error nothing changes.
    pub fn set_score(
        &mut self,
        scale: Scale,
        value: Option<u8>,
        at: i64,
    ) -> Result<(), InputError> {
        let Some(id) = measure_id(scale) else {
            return self.ratings.set(scale, value);
        };
        if self.measure_answers(id).is_some() && self.total_only(scale).is_none() {
            return Err(InputError::AnsweredItemByItem(scale.name()));
        }
        let Some(total) = value else {
            self.remove_measure(id);
            return Ok(());
        };
        let answers = measures::shipped(id)
            .and_then(|measure| from_legacy_total(&measure, total.into(), at).ok())
            .ok_or(scale.refusal())?;
        self.record_measure(answers);
        Ok(())
    }

    /// Moves totals kept in `ratings` before item-level answers into
    /// `measures`, dated when the session was created. A total the measure
    /// cannot reach stays where it was, stored and unread, rather than lost.
    fn fold_legacy_totals(&mut self) {
        for scale in [Scale::Gad7, Scale::Phq9] {
            let Some(id) = measure_id(scale) else {
                continue;
            };
            let Some(total) = self.ratings.get(scale) else {
                continue;
            };
            if self.measure_answers(id).is_some() {
                continue;
            }
            let answers = measures::shipped(id)
                .and_then(|m| from_legacy_total(&m, total.into(), self.created_at).ok());
            if let Some(answers) = answers {
                self.measures.push(answers);
                // Cannot fail: clearing is always allowed.
                let _ = self.ratings.set(scale, None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::measures::Respondent;

    fn session_json(ratings: &str) -> String {
        format!(
            r#"{{"id":"s1","client_id":"c1","number":3,"date":"2025-06-12","created_at":1700,"ratings":{ratings}}}"#
        )
    }

    #[test]
    fn a_session_names_the_measures_it_already_holds_so_the_client_is_not_handed_them_again() {
        let json = session_json(r#"{"anxiety":6,"mood":null,"gad7":12,"phq9":null}"#);
        let s: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(s.measures_given(), ["gad7"]);
    }

    #[test]
    fn gad7_and_phq9_totals_kept_before_item_answers_read_as_totals_entered_by_the_clinician() {
        let json = session_json(r#"{"anxiety":6,"mood":null,"gad7":12,"phq9":0}"#);
        let s: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(s.ratings.anxiety, Some(6));
        assert_eq!(
            s.measures,
            [
                from_legacy_total(&measures::shipped("gad7").unwrap(), 12, 1700).unwrap(),
                from_legacy_total(&measures::shipped("phq9").unwrap(), 0, 1700).unwrap(),
            ]
        );
        assert_eq!(s.score(Scale::Gad7), Some(12));
        assert_eq!(s.score(Scale::Phq9), Some(0));
        assert_eq!(s.total_only(Scale::Gad7), Some(12));
        let written = serde_json::to_string(&s).unwrap();
        assert!(!written.contains("\"gad7\":12"), "{written}");
        assert!(
            written.contains(r#""ratings":{"anxiety":6,"mood":null}"#),
            "{written}"
        );
        assert!(written.contains(r#""answered":{"kind":"total_only","total":12}"#));
        assert_eq!(serde_json::from_str::<Session>(&written).unwrap(), s);
    }

    #[test]
    fn a_stored_total_no_measure_can_reach_is_kept_as_it_was_and_not_charted() {
        let json = session_json(r#"{"gad7":30}"#);
        let s: Session = serde_json::from_str(&json).unwrap();
        assert!(s.measures.is_empty());
        assert_eq!(s.score(Scale::Gad7), None);
        let written = serde_json::to_string(&s).unwrap();
        assert!(written.contains("\"gad7\":30"), "{written}");
    }

    #[test]
    fn a_session_without_scores_writes_no_measures() {
        let s: Session = serde_json::from_str(&session_json("{}")).unwrap();
        assert!(s.measures.is_empty());
        let written = serde_json::to_string(&s).unwrap();
        assert!(!written.contains("measures"), "{written}");
    }

    #[test]
    fn a_measure_given_again_in_a_session_replaces_the_first_completion_in_place() {
        let phq9 = measures::shipped(measures::PHQ9).unwrap();
        let gad7 = measures::shipped(measures::GAD7).unwrap();
        let mut s = Session::default();
        s.record_measure(MeasureAnswers::blank(&phq9, Respondent::Paper, 1));
        s.record_measure(MeasureAnswers::blank(&gad7, Respondent::Client, 2));
        let again = MeasureAnswers::new(&phq9, Respondent::Client, vec![Some(1); 10], 3).unwrap();
        s.record_measure(again.clone());
        assert_eq!(s.measures.len(), 2);
        assert_eq!(s.measures[0], again);
        assert_eq!(s.measure_answers("phq9"), Some(&again));
        assert_eq!(s.score(Scale::Phq9), Some(9));
        assert_eq!(s.remove_measure("phq9"), Some(again));
        assert_eq!(s.remove_measure("phq9"), None);
        assert_eq!(s.measures.len(), 1);
    }

    #[test]
    fn a_typed_score_is_checked_against_its_range_and_kept_on_error() {
        let mut s = Session::default();
        for scale in Scale::ALL {
            assert_eq!(s.score(scale), None);
            assert_eq!(s.set_score_input(scale, " 7 ", 5), Ok(()));
            assert_eq!(s.score(scale), Some(7));
            let over = (scale.max() + 1).to_string();
            assert_eq!(s.set_score_input(scale, &over, 5), Err(scale.refusal()));
            assert_eq!(s.set_score_input(scale, "abc", 5), Err(scale.refusal()));
            assert_eq!(s.score(scale), Some(7));
            assert_eq!(s.set_score_input(scale, "", 5), Ok(()));
            assert_eq!(s.score(scale), None);
        }
        assert!(s.measures.is_empty());
        s.set_score_input(Scale::Gad7, "15", 9).unwrap();
        assert_eq!(s.total_only(Scale::Gad7), Some(15));
        assert_eq!(s.measure_answers("gad7").unwrap().at, 9);
    }

    #[test]
    fn a_typed_total_does_not_overwrite_answers_given_item_by_item() {
        let phq9 = measures::shipped(measures::PHQ9).unwrap();
        let mut s = Session::default();
        let mut answers = MeasureAnswers::blank(&phq9, Respondent::Paper, 1);
        answers.answer(&phq9, 1, Some(2)).unwrap();
        s.record_measure(answers.clone());
        // Eight items unanswered: no total.
        assert_eq!(s.score(Scale::Phq9), None);
        assert_eq!(s.total_only(Scale::Phq9), None);
        let refused = s.set_score_input(Scale::Phq9, "12", 2);
        assert_eq!(refused, Err(InputError::AnsweredItemByItem("PHQ-9")));
        assert_eq!(
            refused.unwrap_err().to_string(),
            "The PHQ-9 was answered item by item: change its answers, not the total."
        );
        assert!(s.set_score_input(Scale::Phq9, "", 2).is_err());
        assert_eq!(s.measure_answers("phq9"), Some(&answers));
    }
}
