//! The in-session timeline fed by the capture line.
//!
//! Entries are kept in clock order so the write-up reads like the session
//! went, even when the clinician back-dates something they remembered late.

use super::choice::choice_enum;
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

choice_enum! {
    /// What a captured line is, which decides where it lands in the write-up.
    #[derive(PartialOrd, Ord, Default)]
    EntryKind {
        #[default]
        Note => "note", "Note";
        Quote => "quote", "Quote";
        Intervention => "intervention", "Intervention";
        HomeworkIdea => "homework_idea", "Homework idea";
        Risk => "risk", "Risk";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    pub id: u32,
    pub time: NaiveTime,
    pub text: String,
    pub kind: EntryKind,
}

/// A removed entry, kept by the caller so the removal can be undone.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Removed {
    entry: Entry,
}

impl Removed {
    /// The entry as it was, e.g. for an "Undo: removed …" message.
    pub fn entry(&self) -> &Entry {
        &self.entry
    }
}

/// Entries ordered by `(time, id)`. Ids grow with every add, so entries with
/// the same clock time stay in the order they were captured, and an undone
/// removal returns to exactly where it was.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Timeline {
    entries: Vec<Entry>,
    next_id: u32,
}

impl Timeline {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, id: u32) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a trimmed entry and returns its id; blank text adds nothing.
    pub fn add(&mut self, time: NaiveTime, text: &str, kind: EntryKind) -> Option<u32> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        // Also look at stored ids: a record saved before `next_id` existed
        // decodes with 0 and must not hand out an id that is already taken.
        let id = self
            .entries
            .iter()
            .map(|e| e.id.saturating_add(1))
            .fold(self.next_id.max(1), u32::max);
        self.next_id = id.checked_add(1)?;
        self.insert(Entry {
            id,
            time,
            text: text.to_owned(),
            kind,
        });
        Some(id)
    }

    /// Moves an entry to a new clock time, keeping the timeline in order.
    pub fn set_time(&mut self, id: u32, time: NaiveTime) -> bool {
        let Some(pos) = self.position(id) else {
            return false;
        };
        let mut entry = self.entries.remove(pos);
        entry.time = time;
        self.insert(entry);
        true
    }

    /// Replaces an entry's text (trimmed). Blank text is refused: clearing a
    /// line is a removal, which should go through `remove` so it can be undone.
    pub fn set_text(&mut self, id: u32, text: &str) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        match self.position(id) {
            Some(pos) => {
                self.entries[pos].text = text.to_owned();
                true
            }
            None => false,
        }
    }

    pub fn set_kind(&mut self, id: u32, kind: EntryKind) -> bool {
        match self.position(id) {
            Some(pos) => {
                self.entries[pos].kind = kind;
                true
            }
            None => false,
        }
    }

    pub fn remove(&mut self, id: u32) -> Option<Removed> {
        let pos = self.position(id)?;
        Some(Removed {
            entry: self.entries.remove(pos),
        })
    }

    /// Undoes a removal: the entry returns with its original id and place.
    /// Refused when that id is in use again (e.g. the same undo applied twice).
    pub fn restore(&mut self, removed: Removed) -> bool {
        let entry = removed.entry;
        if self.position(entry.id).is_some() {
            return false;
        }
        self.next_id = self.next_id.max(entry.id.saturating_add(1));
        self.insert(entry);
        true
    }

    fn position(&self, id: u32) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    fn insert(&mut self, entry: Entry) {
        let key = (entry.time, entry.id);
        let pos = self.entries.partition_point(|e| (e.time, e.id) <= key);
        self.entries.insert(pos, entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    fn t(s: &str) -> NaiveTime {
        crate::model::clock::parse_time(s).unwrap().unwrap()
    }

    fn texts(tl: &Timeline) -> Vec<&str> {
        tl.entries().iter().map(|e| e.text.as_str()).collect()
    }

    #[test]
    fn kind_labels_and_keys() {
        let labels: Vec<_> = EntryKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(
            labels,
            ["Note", "Quote", "Intervention", "Homework idea", "Risk"]
        );
        for &k in EntryKind::ALL {
            assert_eq!(EntryKind::from_key(k.key()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.key())
            );
        }
        assert_eq!(EntryKind::from_key("Homework idea"), None);
        assert_eq!(EntryKind::default(), EntryKind::Note);
    }

    #[test]
    fn add_trims_refuses_blank_and_orders_by_time() {
        let mut tl = Timeline::new();
        assert!(tl.is_empty());
        assert_eq!(tl.add(t("10:00"), "   ", EntryKind::Note), None);
        assert_eq!(tl.add(t("10:00"), "", EntryKind::Note), None);
        assert_eq!(tl.add(t("10:10"), "  second  ", EntryKind::Quote), Some(1));
        assert_eq!(tl.add(t("10:00"), "first", EntryKind::Note), Some(2));
        assert_eq!(tl.add(t("10:20"), "third", EntryKind::Risk), Some(3));
        assert_eq!(texts(&tl), ["first", "second", "third"]);
        assert_eq!(tl.len(), 3);
        assert_eq!(tl.get(1).unwrap().kind, EntryKind::Quote);
    }

    #[test]
    fn equal_times_keep_capture_order() {
        let mut tl = Timeline::new();
        tl.add(t("10:00"), "a", EntryKind::Note);
        tl.add(t("10:05"), "c", EntryKind::Note);
        tl.add(t("10:00"), "b", EntryKind::Note);
        assert_eq!(texts(&tl), ["a", "b", "c"]);
    }

    #[test]
    fn set_time_resorts() {
        let mut tl = Timeline::new();
        let a = tl.add(t("10:00"), "a", EntryKind::Note).unwrap();
        tl.add(t("10:10"), "b", EntryKind::Note);
        tl.add(t("10:20"), "c", EntryKind::Note);
        assert!(tl.set_time(a, t("10:15")));
        assert_eq!(texts(&tl), ["b", "a", "c"]);
        assert!(tl.set_time(a, t("9:00")));
        assert_eq!(texts(&tl), ["a", "b", "c"]);
        // Moved onto an occupied time: capture order decides.
        assert!(tl.set_time(a, t("10:20")));
        assert_eq!(texts(&tl), ["b", "a", "c"]);
        assert_eq!(tl.get(a).unwrap().time, t("10:20"));
        assert!(!tl.set_time(99, t("10:00")));
    }

    #[test]
    fn set_text_and_kind() {
        let mut tl = Timeline::new();
        let id = tl.add(t("10:00"), "a", EntryKind::Note).unwrap();
        assert!(tl.set_text(id, "  edited "));
        assert_eq!(tl.get(id).unwrap().text, "edited");
        assert!(!tl.set_text(id, "  "));
        assert_eq!(tl.get(id).unwrap().text, "edited");
        assert!(tl.set_kind(id, EntryKind::HomeworkIdea));
        assert_eq!(tl.get(id).unwrap().kind, EntryKind::HomeworkIdea);
        assert!(!tl.set_text(42, "x"));
        assert!(!tl.set_kind(42, EntryKind::Risk));
    }

    #[test]
    fn remove_and_restore_is_an_exact_undo() {
        let mut tl = Timeline::new();
        tl.add(t("10:00"), "a", EntryKind::Note);
        let b = tl.add(t("10:00"), "b", EntryKind::Quote).unwrap();
        tl.add(t("10:00"), "c", EntryKind::Note);
        let before = tl.clone();

        let removed = tl.remove(b).unwrap();
        assert_eq!(removed.entry().text, "b");
        assert_eq!(texts(&tl), ["a", "c"]);
        assert!(tl.remove(b).is_none());

        let again = removed.clone();
        assert!(tl.restore(removed));
        assert_eq!(tl, before);
        assert!(!tl.restore(again), "double undo must not duplicate");
        assert_eq!(tl.len(), 3);
    }

    #[test]
    fn ids_are_never_reused() {
        let mut tl = Timeline::new();
        let a = tl.add(t("10:00"), "a", EntryKind::Note).unwrap();
        tl.remove(a);
        let b = tl.add(t("10:00"), "b", EntryKind::Note).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn older_record_without_next_id_does_not_collide() {
        let json = r#"{"entries":[{"id":7,"time":"10:00:00","text":"a","kind":"quote"}]}"#;
        let mut tl: Timeline = serde_json::from_str(json).unwrap();
        assert_eq!(tl.add(t("10:01"), "b", EntryKind::Note), Some(8));
        let empty: Timeline = serde_json::from_str("{}").unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn json_round_trip() {
        let mut tl = Timeline::new();
        tl.add(
            t("9:05"),
            "„Ich schaffe das nicht“ — said twice",
            EntryKind::Quote,
        );
        tl.add(t("9:10"), "5-4-3-2-1", EntryKind::Intervention);
        let json = serde_json::to_string(&tl).unwrap();
        assert!(json.contains(r#""time":"09:05:00""#), "{json}");
        assert!(json.contains(r#""kind":"intervention""#), "{json}");
        assert_eq!(serde_json::from_str::<Timeline>(&json).unwrap(), tl);
    }
}
