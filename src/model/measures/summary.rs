//! How a completion reads to the clinician: its total or why there is none,
//! its subscales and each item's answer, for the form, the record and export.

use super::{Answered, Measure, MeasureAnswers, Scored};

impl Measure {
    /// "12 of 27: moderate", or why there is no total.
    pub fn total_line(&self, scored: &Scored) -> String {
        match &scored.total {
            Ok(total) => {
                let mut line = format!("{total} of {}", self.max_total());
                if let Some(band) = self.band(*total) {
                    line = format!("{line}: {}", band.label);
                }
                if self.is_case(*total) == Some(true) {
                    line.push_str(", at or above the clinical cut-off");
                }
                line
            }
            Err(why) => why.to_string(),
        }
    }

    /// "Intrusion (cluster B): 7", one per subscale, "not totalled" while an item is unanswered.
    pub fn subscale_lines(&self, scored: &Scored) -> Vec<String> {
        scored
            .subscales
            .iter()
            .map(|s| match s.total {
                Some(total) => format!("{}: {total}", s.name),
                None => format!("{}: not totalled", s.name),
            })
            .collect()
    }

    /// Each item and its answer, "2 — More than half the days", or "not
    /// answered"; empty when only a total was kept.
    pub fn item_lines(&self, answers: &MeasureAnswers) -> Vec<String> {
        let Answered::Items { values, .. } = &answers.answered else {
            return Vec::new();
        };
        self.items
            .iter()
            .zip(values)
            .zip(1..)
            .map(|((item, value), number)| {
                let answer = match value {
                    Some(v) => {
                        let label = self.options_for(item).iter().find(|o| o.value == *v);
                        label.map_or_else(|| v.to_string(), |o| format!("{v} — {}", o.label))
                    }
                    None => "not answered".into(),
                };
                format!("{number}. {}: {answer}", item.text)
            })
            .collect()
    }

    /// One line for a note or export: "PHQ-9: 12 of 27: moderate (the
    /// clinician, from the client's paper form)".
    pub fn summary(&self, answers: &MeasureAnswers) -> String {
        let total = match self.score(answers) {
            Ok(scored) => self.total_line(&scored),
            Err(refused) => refused.to_string(),
        };
        format!("{}: {total} ({})", self.name, answered_by(answers))
    }
}

/// Who answered, in a sentence's words.
pub fn answered_by(answers: &MeasureAnswers) -> String {
    match &answers.answered {
        Answered::Items { by, .. } => {
            use crate::model::Choice;
            let label = by.label();
            let mut chars = label.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().collect::<String>() + chars.as_str()
            })
        }
        Answered::TotalOnly { .. } => "total only, entered by the clinician".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{GAD7, PCL5, PHQ9, Respondent, from_legacy_total, shipped};
    use super::*;

    #[test]
    fn a_phq9_from_paper_reads_as_its_total_band_and_who_answered() {
        let phq9 = shipped(PHQ9).unwrap();
        let values = vec![
            Some(2),
            Some(2),
            Some(1),
            Some(2),
            Some(1),
            Some(1),
            Some(1),
            Some(1),
            Some(1),
            Some(1),
        ];
        let answers = MeasureAnswers::new(&phq9, Respondent::Paper, values, 0).unwrap();
        assert_eq!(
            phq9.summary(&answers),
            "PHQ-9: 12 of 27: moderate, at or above the clinical cut-off \
             (the clinician, from the client's paper form)"
        );
        let lines = phq9.item_lines(&answers);
        assert_eq!(lines.len(), 10);
        assert!(
            lines[0].starts_with("1. Little interest or pleasure in doing things"),
            "{}",
            lines[0]
        );
        assert!(
            lines[0].ends_with(": 2 — More than half the days"),
            "{}",
            lines[0]
        );
    }

    #[test]
    fn a_phq9_with_item_9_missing_says_why_it_has_no_total() {
        let phq9 = shipped(PHQ9).unwrap();
        let mut values = vec![Some(1); 10];
        values[8] = None;
        let answers = MeasureAnswers::new(&phq9, Respondent::Paper, values, 0).unwrap();
        let scored = phq9.score(&answers).unwrap();
        assert_eq!(
            phq9.total_line(&scored),
            "No PHQ-9 total: item 9 is unanswered, and the PHQ-9 is totalled only with every item answered."
        );
        assert!(phq9.item_lines(&answers)[8].ends_with(": not answered"));
    }

    #[test]
    fn a_pcl5_names_its_clusters_and_a_kept_total_reads_as_total_only() {
        let pcl5 = shipped(PCL5).unwrap();
        let answers = MeasureAnswers::new(&pcl5, Respondent::Paper, vec![Some(1); 20], 0).unwrap();
        let scored = pcl5.score(&answers).unwrap();
        assert_eq!(pcl5.subscale_lines(&scored).len(), 4);
        let gad7 = shipped(GAD7).unwrap();
        let kept = from_legacy_total(&gad7, 8, 0).unwrap();
        assert_eq!(
            gad7.summary(&kept),
            "GAD-7: 8 of 21: mild, at or above the clinical cut-off (total only, entered by the clinician)"
        );
        assert!(gad7.item_lines(&kept).is_empty());
    }
}
