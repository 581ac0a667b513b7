//! What this device syncs with: the database, the credentials for it, and
//! the name this device files its checkpoints under. Stored inside the
//! vault, sealed like any record, and never synced itself.

use super::address::DatabaseAddress;
use super::checkpoint::{Direction, replication_id};
use super::error::Credentials;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub address: DatabaseAddress,
    pub credentials: Credentials,
    /// New for every device that turns sync on, so each keeps its own
    /// checkpoints on the server.
    pub device: String,
}

impl Account {
    /// The id both sides file a run's checkpoint under.
    pub fn replication_id(&self, direction: Direction) -> String {
        replication_id(&self.device, self.address.as_str(), direction)
    }
}
