//! JSON values made and read through their text. serde_json's own
//! `to_value` and `from_value` compile a second writer and reader for every
//! type they meet, beside the ones that store it as text: for the session
//! a migration read and the parts of one an old signature checks, 26 KB of
//! the compressed app. Sync replies, where thousands of documents are read
//! at once, keep the direct reader.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// `value` as JSON, written as it is stored.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Value> {
    serde_json::from_str(&serde_json::to_string(value)?)
}

/// A `T` read from `json` as it would be from stored text.
pub fn from_value<T: DeserializeOwned>(json: &Value) -> serde_json::Result<T> {
    serde_json::from_str(&json.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Score {
        name: String,
        total: u8,
        change: f64,
        items: Vec<Option<u8>>,
    }

    fn score() -> Score {
        Score {
            name: "PHQ-9 “item 9”".into(),
            total: 14,
            change: -2.0,
            items: vec![Some(1), None, Some(3)],
        }
    }

    #[test]
    fn a_value_made_through_text_equals_the_one_serde_json_makes() {
        assert_eq!(
            to_value(&score()).unwrap(),
            serde_json::to_value(score()).unwrap()
        );
    }

    #[test]
    fn a_value_read_through_text_gives_back_what_was_written() {
        let json = serde_json::to_value(score()).unwrap();
        assert_eq!(from_value::<Score>(&json).unwrap(), score());
    }

    #[test]
    fn a_value_that_is_not_the_type_is_an_error_not_a_default() {
        let json = serde_json::json!({ "name": "GAD-7", "total": "high" });
        assert!(from_value::<Score>(&json).is_err());
    }
}
