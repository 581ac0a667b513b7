//! How much of the browser's storage the notes take, in words a clinician
//! can act on.

use crate::layout::{PREFIX, RecordRef};
use crate::storage::error::StorageError;
use crate::storage::store::Store;

impl Store {
    /// What the notes take of the browser's storage and what is left, in
    /// UTF-16 code units of keys plus values, as browsers count quota.
    /// Values are measured where they are stored, never read or unsealed.
    pub fn room(&self) -> Result<Room, StorageError> {
        let mut room = Room::default();
        for (key, units) in self.backend.sizes()? {
            match RecordRef::from_key(&key) {
                Some(RecordRef::Session(_)) => {
                    room.sessions += 1;
                    room.session_units += units;
                }
                Some(RecordRef::Transcript(_)) => room.session_units += units,
                _ => {}
            }
            if key.starts_with(PREFIX) {
                room.notes += units;
            } else {
                room.others += units;
            }
        }
        Ok(room)
    }
}

/// Chromium's localStorage quota per site, in UTF-16 code units of keys
/// plus values. Other browsers give about as much.
pub const QUOTA_UNITS: usize = 5_241_856;

/// The room taken and left, counted as browsers count quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Room {
    /// What Sessionpad's records take.
    pub notes: usize,
    /// What anything else on this site keeps in localStorage.
    pub others: usize,
    /// How many sessions are stored, and what they take with their transcripts.
    pub sessions: usize,
    pub session_units: usize,
}

impl Room {
    pub fn free(&self) -> usize {
        QUOTA_UNITS.saturating_sub(self.notes + self.others)
    }

    /// Whole percent of the quota in use, by anything on this site.
    pub fn percent_full(&self) -> usize {
        (self.notes + self.others) * 100 / QUOTA_UNITS
    }

    /// From this share of the quota on, the clinician is warned while there
    /// is still room to back up and free space calmly.
    pub const WARN_PERCENT: usize = 80;

    /// "Storage is 83% full: room for about 210 more sessions like yours."
    /// once the warning level is reached; nothing before.
    pub fn warning(&self) -> Option<String> {
        if self.percent_full() < Self::WARN_PERCENT {
            return None;
        }
        let left = self
            .sessions_left()
            .map(|s| format!(" {}", s.replace("Room", "room")))
            .unwrap_or_default();
        Some(format!(
            "Storage is {}% full:{}",
            self.percent_full(),
            if left.is_empty() {
                " little room is left.".to_string()
            } else {
                left
            }
        ))
    }

    /// "Notes take 620,000 characters, 12% of the about 5,241,856 this
    /// browser keeps for Sessionpad; 4,621,856 are free."
    pub fn describe(&self) -> String {
        format!(
            "Notes take {} characters, {}% of the about {} this browser keeps for Sessionpad; {} are free.",
            thousands(self.notes),
            self.notes * 100 / QUOTA_UNITS,
            thousands(QUOTA_UNITS),
            thousands(self.free()),
        )
    }

    /// "Room for about 3,900 more sessions like yours.", from the average
    /// stored session; nothing to say before the first session.
    pub fn sessions_left(&self) -> Option<String> {
        if self.sessions == 0 {
            return None;
        }
        let average = (self.session_units / self.sessions).max(1);
        Some(format!(
            "Room for about {} more sessions like yours.",
            thousands(self.free() / average)
        ))
    }
}

/// 1234567 → "1,234,567".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_in_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(5_241_856), "5,241,856");
    }

    #[test]
    fn the_room_is_told_in_characters_percent_and_sessions_left() {
        let room = Room {
            notes: 620_000,
            others: 20_000,
            sessions: 500,
            session_units: 600_000,
        };
        assert_eq!(room.free(), 4_601_856);
        assert_eq!(room.percent_full(), 12);
        assert_eq!(
            room.describe(),
            "Notes take 620,000 characters, 11% of the about 5,241,856 this browser keeps for Sessionpad; 4,601,856 are free."
        );
        assert_eq!(
            room.sessions_left().as_deref(),
            Some("Room for about 3,834 more sessions like yours.")
        );
    }

    #[test]
    fn a_warning_comes_at_80_percent_full_with_the_sessions_left() {
        let at = |percent: usize| Room {
            notes: QUOTA_UNITS * percent / 100 + 1,
            others: 0,
            sessions: 1000,
            session_units: 1_300_000,
        };
        assert_eq!(at(79).warning(), None);
        assert_eq!(
            at(80).warning().as_deref(),
            Some("Storage is 80% full: room for about 806 more sessions like yours.")
        );
        let no_sessions = Room {
            sessions: 0,
            ..at(95)
        };
        assert_eq!(
            no_sessions.warning().as_deref(),
            Some("Storage is 95% full: little room is left.")
        );
    }

    #[test]
    fn an_empty_store_has_no_sessions_to_average_and_a_full_one_no_room() {
        assert_eq!(Room::default().sessions_left(), None);
        let full = Room {
            notes: QUOTA_UNITS,
            others: 10,
            sessions: 1,
            session_units: 1,
        };
        assert_eq!(full.free(), 0);
        assert_eq!(full.percent_full(), 100);
    }
}
