//! What merging a backup into this device would do, record by record.
//!
//! Records are matched by key. A revision counts saves, on whichever device
//! made them, so it cannot say which of two versions came later: a tablet
//! set up from the laptop's backup and saved three times outnumbers one
//! later save on the laptop. Only a version that holds every save of ours
//! ([`crate::storage::lineage`]) replaces ours; one that ours holds is
//! older, and stays out. Where neither holds the other (both changed since
//! they parted, or either is from before saves were traced), ours stays and
//! the file's is kept beside it as a conflict copy, for the clinician to
//! choose between. Other records (transcripts, which never change, the
//! clinician's details, settings) are only ever added.

use super::Entry;
use crate::storage::lineage::{holds, saves_of};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Only in the file: added.
    New,
    /// Equal to ours, or to a copy of it already kept beside ours.
    Same,
    /// Ours holds every save of the file's: ours stays.
    NewerHere,
    /// The file's holds every save of ours: it replaces ours.
    NewerInFile,
    /// A record the clinician does not compare by hand: ours stays.
    KeptHere,
    /// Neither holds the other: ours stays, the file's is kept as a conflict copy.
    Conflict,
}

/// `value` without its revision and saves: two versions with the same
/// words are the same however they were saved, and a copy kept carries our
/// revision.
fn words(value: &Value) -> Value {
    let mut value = value.clone();
    if let Some(fields) = value.as_object_mut() {
        fields.remove("rev");
        fields.remove("saves");
    }
    value
}

/// How the file's record under `key` meets this device's version of it,
/// `here`, and the conflict copies already kept beside it, `copies`.
pub fn compare(key: &str, here: Option<&Value>, copies: &[Value], file: &Value) -> Outcome {
    let Some(here) = here else {
        return Outcome::New;
    };
    // A copy kept by an earlier merge of the same file is not kept twice.
    let theirs = words(file);
    if words(here) == theirs || copies.iter().any(|copy| words(copy) == theirs) {
        return Outcome::Same;
    }
    if !(key.starts_with("session/") || key.starts_with("client/")) {
        return Outcome::KeptHere;
    }
    let (ours, theirs) = (saves_of(here), saves_of(file));
    match (holds(&theirs, &ours), holds(&ours, &theirs)) {
        (true, false) => Outcome::NewerInFile,
        (false, true) => Outcome::NewerHere,
        // Equal saves with other words cannot come from saving: kept, both.
        _ => Outcome::Conflict,
    }
}

/// What a merge would do, for the preview: counts, and the records that
/// differ named as the clinician knows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergePreview {
    pub new: usize,
    pub same: usize,
    /// Ours holds the file's version: ours stays.
    pub newer_here: Vec<String>,
    /// The file's version holds ours: it is taken.
    pub newer_in_file: Vec<String>,
    /// Neither holds the other: ours stays, the file's is kept beside it.
    pub conflicts: Vec<String>,
    /// Records here that cannot be read, as the Problems list names them:
    /// either way of restoring keeps their stored text, unchanged.
    pub damaged: Vec<String>,
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
        assert_eq!(
            compare("session/s1", None, &[], &session(1, "a")),
            Outcome::New
        );
        assert_eq!(
            compare("session/s1", Some(&session(1, "a")), &[], &session(1, "a")),
            Outcome::Same
        );
    }

    #[test]
    fn a_differing_session_is_a_conflict_whichever_side_saved_more_often() {
        for (ours, theirs) in [(4, 2), (2, 4), (3, 3)] {
            assert_eq!(
                compare(
                    "session/s1",
                    Some(&session(ours, "mine")),
                    &[],
                    &session(theirs, "theirs")
                ),
                Outcome::Conflict,
                "{ours} {theirs}"
            );
        }
    }

    #[test]
    fn a_version_already_kept_as_a_copy_is_the_same_and_another_is_a_conflict() {
        let kept = [session(5, "kept before")];
        let here = session(2, "mine");
        assert_eq!(
            compare("session/s1", Some(&here), &kept, &session(5, "kept before")),
            Outcome::Same
        );
        assert_eq!(
            compare("session/s1", Some(&here), &kept, &session(6, "newer still")),
            Outcome::Conflict
        );
        // Kept carrying our revision, it is still the file's version.
        let kept_with_ours = [session(2, "kept before")];
        assert_eq!(
            compare(
                "session/s1",
                Some(&here),
                &kept_with_ours,
                &session(5, "kept before")
            ),
            Outcome::Same
        );
    }

    #[test]
    fn the_same_words_saved_a_different_number_of_times_are_the_same() {
        assert_eq!(
            compare("session/s1", Some(&session(2, "a")), &[], &session(7, "a")),
            Outcome::Same
        );
    }

    fn traced(saves: &[(&str, u64)], note: &str) -> Value {
        let rev = saves.iter().map(|(_, r)| *r).max().unwrap_or(0);
        let saves: serde_json::Map<String, Value> = saves
            .iter()
            .map(|(d, r)| (d.to_string(), json!(r)))
            .collect();
        json!({ "id": "s1", "client_id": "c1", "number": 3, "rev": rev, "saves": saves, "note": note })
    }

    #[test]
    fn a_version_that_holds_every_save_of_the_other_is_the_newer_on_either_side() {
        let older = traced(&[("laptop", 2)], "a");
        let later = traced(&[("laptop", 2), ("tablet", 5)], "a, then more");
        assert_eq!(
            compare("session/s1", Some(&older), &[], &later),
            Outcome::NewerInFile
        );
        assert_eq!(
            compare("session/s1", Some(&later), &[], &older),
            Outcome::NewerHere
        );
    }

    #[test]
    fn versions_changed_on_two_devices_since_they_parted_are_a_conflict_however_often_saved() {
        let laptop = traced(&[("laptop", 3)], "Safety plan agreed");
        let tablet = traced(&[("laptop", 2), ("tablet", 5)], "Tablet 3.");
        assert_eq!(
            compare("session/s1", Some(&laptop), &[], &tablet),
            Outcome::Conflict
        );
        assert_eq!(
            compare("session/s1", Some(&tablet), &[], &laptop),
            Outcome::Conflict
        );
    }

    #[test]
    fn a_version_from_before_saves_were_traced_holds_nothing_and_is_held_by_nothing() {
        let untraced = session(9, "old");
        let traced = traced(&[("laptop", 12)], "new");
        assert_eq!(
            compare("session/s1", Some(&untraced), &[], &traced),
            Outcome::Conflict
        );
        assert_eq!(
            compare("session/s1", Some(&traced), &[], &untraced),
            Outcome::Conflict
        );
    }

    #[test]
    fn equal_saves_with_other_words_are_a_conflict() {
        assert_eq!(
            compare(
                "session/s1",
                Some(&traced(&[("laptop", 3)], "mine")),
                &[],
                &traced(&[("laptop", 3)], "theirs")
            ),
            Outcome::Conflict
        );
    }

    #[test]
    fn records_the_clinician_does_not_compare_are_never_replaced() {
        let ours = json!({ "name": "Dr. Lee" });
        let theirs = json!({ "name": "Dr. Lee, PhD" });
        assert_eq!(
            compare("clinician", Some(&ours), &[], &theirs),
            Outcome::KeptHere
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
