use super::measures::{Measure, latest_own, to_give};
use super::note::NoteFormat;
use super::snippets::Snippet;
use serde::{Deserialize, Serialize};

/// The person writing the notes; their name and licence head every note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Clinician {
    pub name: String,
    pub credentials: String,
    pub default_format: NoteFormat,
    /// Text typed as `;name` then Space in any note field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub snippets: Vec<Snippet>,
    /// Exported files are named with the client's code or initials, which a
    /// downloads folder or a synced drive shows to anyone; this opts in to
    /// full names.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub full_names_in_file_names: bool,
    /// Measures of the clinician's own, every version kept (see
    /// [`super::measures::keep_own`]), so they sync and back up with these details.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Ids of their own measures they no longer give: offered nowhere new,
    /// not due in any course, and every answer already given still shown
    /// and charted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub retired_measures: Vec<String>,
}

impl Default for Clinician {
    /// Until the clinician picks a format, a session starts as one "Notes"
    /// box: capture first, format after.
    fn default() -> Self {
        Self {
            name: String::new(),
            credentials: String::new(),
            default_format: NoteFormat::Free,
            snippets: Vec::new(),
            full_names_in_file_names: false,
            measures: Vec::new(),
            retired_measures: Vec::new(),
        }
    }
}

impl Clinician {
    /// What this clinician can give: the shipped library, then the latest
    /// version of each of their own measures they have not retired.
    pub fn measures_to_give(&self) -> Vec<Measure> {
        to_give(&self.measures, &self.retired_measures)
    }

    /// The latest version of each of their own measures, with whether it is retired.
    pub fn own_measures(&self) -> Vec<(&Measure, bool)> {
        latest_own(&self.measures)
            .into_iter()
            .map(|m| (m, self.is_retired(&m.id)))
            .collect()
    }

    pub fn is_retired(&self, measure_id: &str) -> bool {
        self.retired_measures.iter().any(|id| id == measure_id)
    }

    /// Retires one of their own measures, or brings it back.
    pub fn retire_measure(&mut self, measure_id: &str, retired: bool) {
        self.retired_measures.retain(|id| id != measure_id);
        if retired {
            self.retired_measures.push(measure_id.to_string());
        }
    }

    /// "Dr. Harper Torres, Licensed Clinical Psychologist".
    pub fn signature_line(&self) -> String {
        match (self.name.trim(), self.credentials.trim()) {
            ("", _) => String::new(),
            (name, "") => name.to_string(),
            (name, credentials) => format!("{name}, {credentials}"),
        }
    }
}

/// What this device remembers about the app itself, not about clients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct DeviceSettings {
    /// The one-time hint on keeping data where the browser may evict it.
    pub eviction_hint_dismissed: bool,
    /// When the last backup was made here (milliseconds since the epoch).
    pub last_backup_at: Option<i64>,
    /// When the first edit since that backup (or, before any, ever) was saved.
    pub first_change_since_backup: Option<i64>,
    /// Minutes of inactivity before the vault locks; unset means the default.
    pub lock_after_minutes: Option<u32>,
}

impl DeviceSettings {
    pub fn lock_minutes(&self) -> u32 {
        self.lock_after_minutes
            .unwrap_or(super::lock::DEFAULT_LOCK_MINUTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_start_as_free_text_until_a_format_is_chosen() {
        assert_eq!(Clinician::default().default_format, NoteFormat::Free);
        let old: Clinician = serde_json::from_str(r#"{"name":"Dr. Lee"}"#).unwrap();
        assert_eq!(old.default_format, NoteFormat::Free);
    }

    #[test]
    fn the_clinicians_own_measures_are_kept_with_their_details_and_older_ones_read_without() {
        use crate::model::measures::{OwnMeasureText, keep_own};
        let mut c = Clinician::default();
        let text = OwnMeasureText {
            name: "Urge rating".into(),
            items: "How strong was the urge?".into(),
            scale: "0 None\n1 Mild\n2 Strong".into(),
            ..OwnMeasureText::default()
        };
        keep_own(&mut c.measures, &text, "own-1".into()).unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Clinician>(&json).unwrap(), c);
        let old: Clinician = serde_json::from_str(r#"{"name":"Dr. Lee"}"#).unwrap();
        assert!(old.measures.is_empty());
        assert!(!serde_json::to_string(&old).unwrap().contains("measures"));
    }

    #[test]
    fn signature_line_joins_name_and_credentials() {
        let mut c = Clinician {
            name: "Dr. Harper Torres".into(),
            ..Clinician::default()
        };
        assert_eq!(c.signature_line(), "Dr. Harper Torres");
        c.credentials = "Licensed Clinical Psychologist".into();
        assert_eq!(
            c.signature_line(),
            "Dr. Harper Torres, Licensed Clinical Psychologist"
        );
        c.name.clear();
        assert_eq!(c.signature_line(), "");
    }

    #[test]
    fn a_retired_measure_is_given_no_more_while_every_version_stays_kept_and_it_can_come_back() {
        use crate::model::measures::{OwnMeasureText, keep_own, library};
        let mut c = Clinician::default();
        let urge = OwnMeasureText {
            name: "Urge rating".into(),
            items: "How strong was the urge?".into(),
            scale: "0 None\n1 Mild\n2 Strong".into(),
            ..OwnMeasureText::default()
        };
        let sleep = OwnMeasureText {
            name: "Sleep check".into(),
            ..urge.clone()
        };
        keep_own(&mut c.measures, &urge, "own-urge".into()).unwrap();
        keep_own(&mut c.measures, &sleep, "own-sleep".into()).unwrap();
        let given = |c: &Clinician| {
            c.measures_to_give()
                .into_iter()
                .map(|m| m.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(given(&c).len(), library().len() + 2);

        c.retire_measure("own-urge", true);
        c.retire_measure("own-urge", true);
        assert_eq!(c.retired_measures, ["own-urge"]);
        assert_eq!(given(&c).last().map(String::as_str), Some("Sleep check"));
        assert!(!given(&c).contains(&"Urge rating".to_string()));
        assert_eq!(c.measures.len(), 2);
        let listed: Vec<_> = c
            .own_measures()
            .into_iter()
            .map(|(m, retired)| (m.name.as_str(), retired))
            .collect();
        assert_eq!(listed, [("Urge rating", true), ("Sleep check", false)]);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Clinician>(&json).unwrap(), c);

        c.retire_measure("own-urge", false);
        assert!(c.retired_measures.is_empty());
        assert_eq!(given(&c).len(), library().len() + 2);
    }
}
