//! Sync between devices over CouchDB's replication protocol, end-to-end
//! encrypted: the server (CouchDB, Cloudant, PouchDB Server) only ever
//! holds the values the vault sealed.
//!
//! Nothing here does I/O. [`rev_tree`] decides winners as CouchDB does;
//! [`record`] keeps a record's revisions beside the store's value; [`doc`]
//! is what a document holds.

pub mod doc;
pub mod record;
pub mod rev_tree;

pub use doc::{Body, Doc, VAULT_DOC_ID, doc_id, record_of};
pub use record::{Hold, Merged, RecordRevs};
pub use rev_tree::{DEFAULT_REVS_LIMIT, Rev, RevPath, RevTree};
