//! What merging a backup into this device would do, record by record.
//!
//! Records are matched by key. Sessions and clients carry a revision that
//! every save moves on: the higher one is the newer version. The same
//! revision with different contents means both sides changed since they
//! parted, a true conflict: ours stays, the file's is kept beside it as a
//! conflict copy. Records without revisions (transcripts, which never change,
//! the clinician's details, settings) are only ever added, never replaced.

use super::Entry;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Only in the file: added.
    New,
    Same,
    /// Ours is newer, or has no revision to compare: ours stays.
    NewerHere,
    /// The file's is newer: it replaces ours.
    NewerInFile,
    /// Both changed since a common revision: ours stays, theirs is kept as a copy.
    Conflict,
}

fn revision(value: &Value) -> Option<u64> {
    value.get("rev").map(|rev| rev.as_u64().unwrap_or(0))
}

/// How the file's record under `key` meets this device's version of it.
pub fn compare(key: &str, here: Option<&Value>, file: &Value) -> Outcome {
    let Some(here) = here else {
        return Outcome::New;
    };
    if here == file {
        return Outcome::Same;
    }
    if !(key.starts_with("session/") || key.starts_with("client/")) {
        return Outcome::NewerHere;
    }
    let (ours, theirs) = (revision(here).unwrap_or(0), revision(file).unwrap_or(0));
    match ours.cmp(&theirs) {
        std::cmp::Ordering::Greater => Outcome::NewerHere,
        std::cmp::Ordering::Less => Outcome::NewerInFile,
        std::cmp::Ordering::Equal => Outcome::Conflict,
    }
}

/// What a merge would do, for the preview: counts, and the records that
/// differ named as the clinician knows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergePreview {
    pub new: usize,
    pub same: usize,
    pub newer_here: Vec<String>,
    pub newer_in_file: Vec<String>,
    pub conflicts: Vec<String>,
}

/// "Alex", or "Alex · Session 3" for a session; `None` for records the
/// clinician does not see one by one.
pub fn describe(entry: &Entry, records: &[Entry]) -> Option<String> {
    let (kind, _) = entry.key.split_once('/')?;
    let text = |v: &Value, field: &str| v.get(field).and_then(Value::as_str).map(str::to_string);
    match kind {
        "client" => text(&entry.value, "name"),
        "session" => {
            let client_key = format!("client/{}", text(&entry.value, "client_id")?);
            let client = records
                .iter()
                .find(|r| r.key == client_key)
                .and_then(|c| text(&c.value, "name"))
                .unwrap_or_else(|| "A client".into());
            let number = entry
                .value
                .get("number")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            Some(format!("{client} · Session {number}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn session(rev: u64, note: &str) -> Value {
        json!({ "id": "s1", "client_id": "c1", "number": 3, "rev": rev, "note": note })
    }

    #[test]
    fn a_record_only_in_the_file_is_new_and_an_equal_one_the_same() {
        assert_eq!(compare("session/s1", None, &session(1, "a")), Outcome::New);
        assert_eq!(
            compare("session/s1", Some(&session(1, "a")), &session(1, "a")),
            Outcome::Same
        );
    }

    #[test]
    fn the_higher_revision_is_the_newer_version() {
        assert_eq!(
            compare("session/s1", Some(&session(4, "later")), &session(2, "a")),
            Outcome::NewerHere
        );
        assert_eq!(
            compare("session/s1", Some(&session(2, "a")), &session(4, "later")),
            Outcome::NewerInFile
        );
    }

    #[test]
    fn the_same_revision_with_other_words_is_a_true_conflict() {
        assert_eq!(
            compare(
                "session/s1",
                Some(&session(3, "mine")),
                &session(3, "theirs")
            ),
            Outcome::Conflict
        );
    }

    #[test]
    fn records_from_before_revisions_count_as_revision_0() {
        let old = json!({ "id": "s1", "client_id": "c1", "number": 3, "note": "old" });
        assert_eq!(
            compare("session/s1", Some(&old), &session(1, "edited")),
            Outcome::NewerInFile
        );
    }

    #[test]
    fn records_without_revisions_are_never_replaced() {
        let ours = json!({ "name": "Dr. Lee" });
        let theirs = json!({ "name": "Dr. Lee, PhD" });
        assert_eq!(
            compare("clinician", Some(&ours), &theirs),
            Outcome::NewerHere
        );
    }

    #[test]
    fn sessions_are_named_with_their_client_and_number() {
        let records = vec![
            Entry {
                key: "client/c1".into(),
                value: json!({ "id": "c1", "name": "Alex" }),
            },
            Entry {
                key: "session/s1".into(),
                value: session(1, "a"),
            },
        ];
        assert_eq!(describe(&records[0], &records).as_deref(), Some("Alex"));
        assert_eq!(
            describe(&records[1], &records).as_deref(),
            Some("Alex · Session 3")
        );
        let transcript = Entry {
            key: "transcript/s1".into(),
            value: json!({}),
        };
        assert_eq!(describe(&transcript, &records), None);
    }
}
