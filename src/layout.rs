//! The storage layout that `storage` and `sync` both follow: what each
//! record is called ([`RecordRef`]), the key it is stored under, the tag that
//! leads its stored value, and the layout's version.
//!
//! `storage` keeps records under these keys; `sync` names its documents
//! after them and carries their values exactly as stored. Neither owns the
//! other, so this module imports nothing of the app.
//!
//! Layout: every key starts with [`PREFIX`]; one record per key (`client/<id>`,
//! `session/<id>`, `clinician`), an `index` of which records exist, and a
//! `schema` record naming the layout version. A session's transcript, large
//! and never edited, lives apart under `transcript/<session id>`. Sync's own
//! bookkeeping lies under `sync/` and never leaves the device.

/// What every key of Sessionpad's starts with.
pub const PREFIX: &str = "sessionpad/v1/";

/// The layout this build reads and writes. Data of a newer one opens
/// read-only; every document sync sends carries it, so a device never
/// stores a value laid out by a newer build.
pub const SCHEMA_VERSION: u32 = 6;

/// Leads a value written by codec version 1 (deflate, dictionary 1, dense packing).
pub const TAG_V1: char = 'Z';
/// Leads a value the vault sealed; it reads as a codec value only once
/// opened with the vault's key. Sync sends only values with this tag.
pub const TAG_SEALED: char = 'Y';

pub fn schema_key() -> String {
    format!("{PREFIX}schema")
}
pub fn index_key() -> String {
    format!("{PREFIX}index")
}
pub fn clinician_key() -> String {
    format!("{PREFIX}clinician")
}
pub fn settings_key() -> String {
    format!("{PREFIX}settings")
}
/// The vault's header: plain, since unlocking starts from it.
pub fn vault_key() -> String {
    format!("{PREFIX}vault")
}
/// Where a tab that locks tells the others to lock too.
pub fn lock_key() -> String {
    format!("{PREFIX}lock")
}
/// Wrong passphrases typed at the locked screen, counted so a reload keeps the wait.
pub fn wrong_tries_key() -> String {
    format!("{PREFIX}wrong-tries")
}
/// The tablet in a client's hands: the questionnaire and the answers so far.
/// Sealed like a record when the lock is on, but no record: it stays on
/// this device and is gone once the tablet is handed back.
pub fn handover_key() -> String {
    format!("{PREFIX}handover")
}
/// A risk the client's answers raised, kept until the clinician has seen it,
/// so a reload before then shows it again. Sealed like the handover.
pub fn risk_review_key() -> String {
    format!("{PREFIX}risk-review")
}
/// The salted hash of the PIN that hands the tablet back when the lock is off.
pub fn hand_back_pin_key() -> String {
    format!("{PREFIX}hand-back-pin")
}
pub fn client_key(id: &str) -> String {
    format!("{PREFIX}client/{id}")
}
pub fn session_key(id: &str) -> String {
    format!("{PREFIX}session/{id}")
}
pub fn transcript_key(session_id: &str) -> String {
    format!("{PREFIX}transcript/{session_id}")
}
/// Where an unreadable record is copied before anything replaces it.
pub fn quarantine_key(key: &str) -> String {
    format!("{PREFIX}quarantine/{}", key.trim_start_matches(PREFIX))
}
/// This device's id in the saves a record holds (see `storage::lineage`).
/// No record: never backed up, restored or synced, so no two devices share it.
pub fn device_key() -> String {
    format!("{PREFIX}device")
}
/// The conflict copies that merging a backup set beside this device's
/// versions, so the clinician is told where the other version came from:
/// not from another tab. No record: it stays on this device.
pub fn merged_copies_key() -> String {
    format!("{PREFIX}merged-copies")
}
/// Where the `n`th set-aside version of `record` is kept.
pub fn conflict_key(record: &RecordRef, n: u32) -> String {
    let of = record.key();
    format!("{PREFIX}conflict/{}/{n}", of.trim_start_matches(PREFIX))
}

/// Where the sync account is kept, sealed.
pub fn account_key() -> String {
    format!("{PREFIX}sync/account")
}
/// This device's changes feed.
pub fn feed_key() -> String {
    format!("{PREFIX}sync/feed")
}
/// The revisions of the document `doc`.
pub fn revs_key(doc: &str) -> String {
    format!("{PREFIX}sync/revs/{doc}")
}
/// Why sync stopped until the clinician acts, if it did.
pub fn halted_key() -> String {
    format!("{PREFIX}sync/halted")
}
/// A vault header re-encrypted on another device, waiting for its new
/// passphrase here.
pub fn rekeyed_key() -> String {
    format!("{PREFIX}sync/rekeyed")
}
/// How far the replication `replication_id` got.
pub fn checkpoint_key(replication_id: &str) -> String {
    format!("{PREFIX}sync/checkpoint/{replication_id}")
}

/// Whether `key` is sync's own bookkeeping, which never leaves the device.
pub fn is_sync_key(key: &str) -> bool {
    key.strip_prefix(PREFIX)
        .is_some_and(|rest| rest.starts_with("sync/"))
}

/// One stored record, named without its key, so code outside storage never
/// spells a key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecordRef {
    Schema,
    Index,
    Clinician,
    Settings,
    Client(String),
    Session(String),
    /// The transcript a session was imported from, stored apart from it.
    Transcript(String),
    /// A version of a session or client that was set aside, numbered,
    /// because another tab had changed the record since this one read it.
    Conflict(Box<RecordRef>, u32),
}

impl RecordRef {
    pub fn key(&self) -> String {
        match self {
            Self::Schema => schema_key(),
            Self::Index => index_key(),
            Self::Clinician => clinician_key(),
            Self::Settings => settings_key(),
            Self::Client(id) => client_key(id),
            Self::Session(id) => session_key(id),
            Self::Transcript(id) => transcript_key(id),
            Self::Conflict(record, n) => conflict_key(record, *n),
        }
    }

    /// The record stored under `key`; `None` for keys that are not ours or
    /// name no record (such as a quarantined copy).
    pub fn from_key(key: &str) -> Option<Self> {
        let rest = key.strip_prefix(PREFIX)?;
        let record = match rest {
            "schema" => Self::Schema,
            "index" => Self::Index,
            "clinician" => Self::Clinician,
            "settings" => Self::Settings,
            _ => match rest.split_once('/')? {
                ("conflict", copy) => conflict_from_key(copy)?,
                ("client", id) if !id.is_empty() => Self::Client(id.to_string()),
                ("session", id) if !id.is_empty() => Self::Session(id.to_string()),
                ("transcript", id) if !id.is_empty() => Self::Transcript(id.to_string()),
                _ => return None,
            },
        };
        Some(record)
    }
}

/// The conflict copy named by what follows `conflict/` in its key.
fn conflict_from_key(rest: &str) -> Option<RecordRef> {
    let (of, n) = rest.rsplit_once('/')?;
    let record = RecordRef::from_key(&format!("{PREFIX}{of}"))?;
    let n = n.parse().ok()?;
    matches!(record, RecordRef::Session(_) | RecordRef::Client(_))
        .then(|| RecordRef::Conflict(Box::new(record), n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_ref_reads_back_from_its_key() {
        let records = [
            RecordRef::Schema,
            RecordRef::Index,
            RecordRef::Clinician,
            RecordRef::Settings,
            RecordRef::Client("c1".into()),
            RecordRef::Session("5f0c2e".into()),
            RecordRef::Transcript("5f0c2e".into()),
            RecordRef::Conflict(Box::new(RecordRef::Session("5f0c2e".into())), 2),
            RecordRef::Conflict(Box::new(RecordRef::Client("c1".into())), 10),
        ];
        for record in records {
            assert!(record.key().starts_with(PREFIX), "{record:?}");
            assert_eq!(RecordRef::from_key(&record.key()), Some(record));
        }
        assert_eq!(
            RecordRef::Session("s1".into()).key(),
            session_key("s1"),
            "the same key the store writes"
        );
    }

    #[test]
    fn keys_that_name_no_record_of_ours_are_not_record_refs() {
        for key in [
            "",
            "theme",
            "other-app/v1/session/s1",
            "sessionpad/v2/session/s1",
            "sessionpad/v1/",
            "sessionpad/v1/session/",
            "sessionpad/v1/client/",
            "sessionpad/v1/homework/h1",
            "sessionpad/v1/clinicians",
        ] {
            assert_eq!(RecordRef::from_key(key), None, "{key:?}");
        }
        assert_eq!(RecordRef::from_key(&quarantine_key(&index_key())), None);
        assert_eq!(RecordRef::from_key(&vault_key()), None);
        assert_eq!(RecordRef::from_key(&lock_key()), None);
        assert_eq!(RecordRef::from_key(&account_key()), None);
    }

    #[test]
    fn only_a_session_or_a_client_has_conflict_copies() {
        let index_copy = format!("{PREFIX}conflict/index/1");
        assert_eq!(RecordRef::from_key(&index_copy), None);
        let unnumbered = format!("{PREFIX}conflict/session/s1/first");
        assert_eq!(RecordRef::from_key(&unnumbered), None);
        let copy = conflict_key(&RecordRef::Session("s1".into()), 3);
        assert_eq!(copy, format!("{PREFIX}conflict/session/s1/3"));
    }

    #[test]
    fn sync_keeps_its_bookkeeping_under_its_own_keys_and_names_no_record() {
        for key in [
            account_key(),
            feed_key(),
            halted_key(),
            revs_key("session:s1"),
            checkpoint_key("abc123"),
        ] {
            assert!(is_sync_key(&key), "{key}");
            assert_eq!(RecordRef::from_key(&key), None, "{key}");
        }
        assert!(!is_sync_key(&session_key("s1")));
        assert!(!is_sync_key("other-app/sync/feed"));
    }

    #[test]
    fn a_quarantined_copy_keeps_the_name_of_what_it_copies() {
        assert_eq!(
            quarantine_key(&clinician_key()),
            format!("{PREFIX}quarantine/clinician")
        );
    }
}
