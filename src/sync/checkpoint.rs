//! Where a replication got to, recorded as CouchDB's replicator records it:
//! a `_local/<replication id>` document on both sides, so that the next run
//! starts from there and an interrupted one repeats at most one batch.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Runs remembered in a checkpoint, as many as CouchDB keeps.
const HISTORY_LIMIT: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From the server to this device.
    Pull,
    /// From this device to the server.
    Push,
}

/// The id both sides file the checkpoint under: the same for every run
/// between this device and this database in this direction, and for no
/// other pair. `database` is the address without credentials, so a new
/// password does not start over.
pub fn replication_id(device: &str, database: &str, direction: Direction) -> String {
    let way = match direction {
        Direction::Pull => "pull",
        Direction::Push => "push",
    };
    let digest = Sha256::digest(format!("sessionpad\0{device}\0{database}\0{way}").as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub session_id: String,
    pub start_last_seq: Value,
    pub recorded_seq: Value,
    #[serde(default)]
    pub docs_read: u64,
    #[serde(default)]
    pub docs_written: u64,
}

/// The body of a `_local/<replication id>` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub session_id: String,
    pub source_last_seq: Value,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    #[serde(default = "protocol_version")]
    pub replication_id_version: u32,
}

fn protocol_version() -> u32 {
    3
}

impl Checkpoint {
    /// The checkpoint after a batch of the run `entry` describes: this run
    /// first, then the runs the source remembered before it.
    pub fn after(entry: HistoryEntry, earlier: &[HistoryEntry]) -> Self {
        let history = std::iter::once(entry.clone())
            .chain(
                earlier
                    .iter()
                    .filter(|h| h.session_id != entry.session_id)
                    .cloned(),
            )
            .take(HISTORY_LIMIT)
            .collect();
        Self {
            session_id: entry.session_id,
            source_last_seq: entry.recorded_seq,
            history,
            replication_id_version: protocol_version(),
        }
    }
}

/// Where to start reading the source's changes, as the protocol compares
/// the two sides' checkpoints: the same last run, its sequence; otherwise
/// the newest run both remember; otherwise the beginning.
pub fn start_seq(source: Option<&Checkpoint>, target: Option<&Checkpoint>) -> Value {
    let (Some(source), Some(target)) = (source, target) else {
        return Value::from(0);
    };
    if source.session_id == target.session_id {
        return source.source_last_seq.clone();
    }
    source
        .history
        .iter()
        .find(|s| target.history.iter().any(|t| t.session_id == s.session_id))
        .map_or(Value::from(0), |common| common.recorded_seq.clone())
}
