use super::note::NoteFormat;
use serde::{Deserialize, Serialize};

/// The person writing the notes; their name and licence head every note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Clinician {
    pub name: String,
    pub credentials: String,
    pub default_format: NoteFormat,
}

impl Clinician {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
