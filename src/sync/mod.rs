//! Sync between devices over CouchDB's replication protocol, end-to-end
//! encrypted: the server (CouchDB, Cloudant, PouchDB Server) only ever
//! holds the values the vault sealed.
//!
//! Nothing here does I/O. [`rev_tree`] decides winners as CouchDB does;
//! [`record`] keeps a record's revisions beside the store's value; [`doc`]
//! is what a document holds; [`protocol`] is the replicator, which yields
//! requests ([`http`]) and is fed the answers, reaching this device's
//! documents through [`protocol::LocalDocs`]; [`checkpoint`] is where a run
//! got to; [`error`] says why one stopped, in the clinician's words;
//! [`address`] is where the database is, checked before anything is sent.

pub mod account;
pub mod address;
pub mod checkpoint;
pub mod doc;
pub mod error;
pub mod http;
pub mod protocol;
pub mod record;
pub mod rev_tree;
pub mod status;

pub use account::{Account, AccountError};
pub use address::{AddressError, DatabaseAddress};
pub use checkpoint::{Checkpoint, Direction, replication_id};
pub use doc::{Body, Doc, VAULT_DOC_ID, doc_id, record_of};
pub use error::{Credentials, SyncError};
pub use http::{MAX_ANSWER_BYTES, Method, NoAnswer, Reply, Request, Response};
pub use protocol::{Change, ChangedRev, Changes, LocalDocs, Replication, RevsById, Step, Summary};
pub use record::{Hold, Merged, RecordRevs};
pub use rev_tree::{DEFAULT_REVS_LIMIT, Rev, RevPath, RevTree};
pub use status::{SyncStatus, ignored_document};

#[cfg(test)]
pub(crate) mod memory_server;
#[cfg(test)]
mod test_device;
