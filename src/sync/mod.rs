//! Sync between devices over CouchDB's replication protocol, end-to-end
//! encrypted: the server (CouchDB, Cloudant, PouchDB Server) only ever
//! holds the values the vault sealed.
//!
//! Nothing here does I/O. [`rev_tree`] decides winners as CouchDB does.

pub mod rev_tree;

pub use rev_tree::{DEFAULT_REVS_LIMIT, Rev, RevPath, RevTree};
