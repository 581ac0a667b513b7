//! The clinician's own measures as they type them, one line per item,
//! answer and band, and kept with every version, so answers given under an
//! earlier wording are still scored by it.

use super::custom::{CustomError, CustomMeasure};
use super::{Band, Counts, Measure, ResponseOption};

/// The custom measure form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OwnMeasureText {
    pub name: String,
    pub instructions: String,
    /// One item per line.
    pub items: String,
    /// Numbers, from 1, of the items scored in reverse.
    pub reversed: Vec<usize>,
    /// One answer per line: its value, then its label ("0 Never").
    pub scale: String,
    /// One band per line: the totals it covers, then its name ("0–4 Low").
    pub bands: String,
}

impl OwnMeasureText {
    /// The form filled in from a measure, to change it.
    pub fn from_measure(m: &Measure) -> Self {
        let lines = |it: Vec<String>| it.join("\n");
        Self {
            name: m.name.clone(),
            instructions: m.instructions.clone(),
            items: lines(m.items.iter().map(|i| i.text.clone()).collect()),
            reversed: (1..)
                .zip(&m.items)
                .filter(|(_, i)| i.counts == Counts::Reversed)
                .map(|(n, _)| n)
                .collect(),
            scale: lines(
                m.options
                    .iter()
                    .map(|o| format!("{} {}", o.value, o.label))
                    .collect(),
            ),
            bands: lines(m.bands.as_ref().map_or_else(Vec::new, |b| {
                b.value
                    .iter()
                    .map(|b| format!("{}–{} {}", b.from, b.to, b.label))
                    .collect()
            })),
        }
    }

    /// The non-empty item lines, trimmed.
    pub fn item_lines(&self) -> Vec<&str> {
        non_empty_lines(&self.items).map(|(_, line)| line).collect()
    }

    /// What the clinician filled in, read; the first line that does not read is refused.
    pub fn read(&self) -> Result<CustomMeasure, CustomError> {
        let items = (1..)
            .zip(self.item_lines())
            .map(|(n, text)| (text.to_string(), self.reversed.contains(&n)))
            .collect();
        let mut options = Vec::new();
        for (number, line) in non_empty_lines(&self.scale) {
            let (value, label) = leading_number(line).ok_or(CustomError::ScaleLine(number))?;
            let value = u8::try_from(value).map_err(|_| CustomError::ScaleLine(number))?;
            options.push(ResponseOption {
                value,
                label: label.into(),
            });
        }
        let mut bands = Vec::new();
        for (number, line) in non_empty_lines(&self.bands) {
            let band = read_band(line).ok_or(CustomError::BandLine(number))?;
            bands.push(band);
        }
        Ok(CustomMeasure {
            name: self.name.clone(),
            instructions: self.instructions.clone(),
            items,
            options,
            bands,
        })
    }
}

/// Keeps a measure the clinician wrote among their own (`kept`, every
/// version): a new id is added; a changed measure is kept as its next
/// version beside the earlier ones; an unchanged one is left as it was.
pub fn keep_own(
    kept: &mut Vec<Measure>,
    text: &OwnMeasureText,
    id: String,
) -> Result<(), CustomError> {
    let mut measure = text.read()?.build(id)?;
    let latest = kept
        .iter()
        .filter(|m| m.id == measure.id)
        .max_by_key(|m| m.version);
    if let Some(latest) = latest {
        measure.version = latest.version;
        if *latest == measure {
            return Ok(());
        }
        measure.version += 1;
    }
    kept.push(measure);
    Ok(())
}

/// The latest version of each of the clinician's measures, in the order first kept.
pub fn latest_own(kept: &[Measure]) -> Vec<&Measure> {
    let mut latest: Vec<&Measure> = Vec::new();
    for m in kept {
        match latest.iter_mut().find(|l| l.id == m.id) {
            Some(l) if l.version < m.version => *l = m,
            Some(_) => {}
            None => latest.push(m),
        }
    }
    latest
}

/// What a clinician can give: the shipped library, then the latest version
/// of each of their own measures but those `retired`.
pub fn to_give(kept: &[Measure], retired: &[String]) -> Vec<Measure> {
    let given = |m: &&Measure| !retired.contains(&m.id);
    super::library()
        .into_iter()
        .chain(latest_own(kept).into_iter().filter(given).cloned())
        .collect()
}

fn non_empty_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    (1..)
        .zip(text.lines())
        .map(|(n, line)| (n, line.trim()))
        .filter(|(_, line)| !line.is_empty())
}

/// "12 rest" as 12 and "rest".
fn leading_number(line: &str) -> Option<(u32, &str)> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let value = line[..digits].parse().ok()?;
    Some((
        value,
        line[digits..].trim_start_matches([' ', '.', ':', '=', '-', '–']),
    ))
}

/// "0–4 Low" (or "0-4 Low") as a band.
fn read_band(line: &str) -> Option<Band> {
    let (from, rest) = leading_number(line)?;
    let (to, label) = leading_number(rest.trim_start())?;
    Some(Band {
        from,
        to,
        label: label.trim().into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::measures::{MeasureAnswers, Respondent, find};

    fn sleep_scale() -> OwnMeasureText {
        OwnMeasureText {
            name: "Sleep check".into(),
            instructions: "Over the last week:".into(),
            items: "I fell asleep easily\n\nI woke in the night\nI felt rested\n".into(),
            reversed: vec![1, 3],
            scale: "0 Never\n1 Sometimes\n2 Often\n3 Always".into(),
            bands: "0–3 Good\n4-6 Fair\n7–9 Poor".into(),
        }
    }

    #[test]
    fn a_typed_measure_reads_as_items_one_scale_reverse_items_and_bands() {
        let mut kept = Vec::new();
        keep_own(&mut kept, &sleep_scale(), "own-1".into()).unwrap();
        let m = &kept[0];
        assert_eq!(
            (m.id.as_str(), m.version, m.name.as_str()),
            ("own-1", 1, "Sleep check")
        );
        assert_eq!(m.items.len(), 3);
        assert_eq!(m.items[0].counts, Counts::Reversed);
        assert_eq!(m.items[1].counts, Counts::AsAnswered);
        assert_eq!((m.min_total(), m.max_total()), (0, 9));
        // Fell asleep easily "Always" (3 → 0), woke "Often" (2), rested "Never" (0 → 3).
        let answers =
            MeasureAnswers::new(m, Respondent::Paper, vec![Some(3), Some(2), Some(0)], 0).unwrap();
        let total = m.score(&answers).unwrap().total.unwrap();
        assert_eq!(total, 5);
        assert_eq!(m.band(total).unwrap().label, "Fair");
        assert_eq!(
            OwnMeasureText::from_measure(m)
                .read()
                .unwrap()
                .build("own-1".into())
                .as_ref(),
            Ok(m)
        );
    }

    #[test]
    fn a_changed_measure_is_kept_as_its_next_version_and_old_answers_score_by_the_old_one() {
        let mut kept = Vec::new();
        keep_own(&mut kept, &sleep_scale(), "own-1".into()).unwrap();
        let first = kept[0].clone();
        let old = MeasureAnswers::new(&first, Respondent::Paper, vec![Some(0); 3], 0).unwrap();
        keep_own(&mut kept, &sleep_scale(), "own-1".into()).unwrap();
        assert_eq!(kept.len(), 1, "saved unchanged, nothing new is kept");
        let mut changed = sleep_scale();
        changed.items.push_str("I napped in the day\n");
        changed.bands = "0–4 Good\n5–12 Poor".into();
        keep_own(&mut kept, &changed, "own-1".into()).unwrap();
        assert_eq!(kept.iter().map(|m| m.version).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(latest_own(&kept).len(), 1);
        assert_eq!(latest_own(&kept)[0].items.len(), 4);
        assert_eq!(find(&kept, &old), Some(first));
    }

    #[test]
    fn a_clinician_is_offered_the_library_then_the_latest_version_of_each_own_measure() {
        let mut kept = Vec::new();
        keep_own(&mut kept, &sleep_scale(), "own-1".into()).unwrap();
        let mut changed = sleep_scale();
        changed.name = "Sleep this week".into();
        keep_own(&mut kept, &changed, "own-1".into()).unwrap();
        let offered = to_give(&kept, &[]);
        let shipped = crate::model::measures::library().len();
        assert_eq!(offered.len(), shipped + 1);
        assert_eq!(offered[0].id, crate::model::measures::PHQ9);
        assert_eq!(
            (offered[shipped].id.as_str(), offered[shipped].version),
            ("own-1", 2)
        );
    }

    #[test]
    fn a_line_that_does_not_read_is_refused_with_its_number() {
        let mut kept = Vec::new();
        let mut text = sleep_scale();
        text.scale = "0 Never\nSometimes".into();
        let refused = keep_own(&mut kept, &text, "own-1".into()).unwrap_err();
        assert_eq!(refused, CustomError::ScaleLine(2));
        assert_eq!(
            refused.to_string(),
            "Answer line 2: write its value, then its label, like “0 Never”."
        );
        let mut text = sleep_scale();
        text.bands = "0–3 Good\nFair".into();
        let refused = keep_own(&mut kept, &text, "own-1".into()).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Band line 2: write the totals it covers, then its name, like “0–4 Low”."
        );
        let mut text = sleep_scale();
        text.bands = "0–3 Good\n5–9 Poor".into();
        let refused = keep_own(&mut kept, &text, "own-1".into()).unwrap_err();
        assert_eq!(refused.to_string(), "No band covers 4.");
        assert!(kept.is_empty());
    }
}
