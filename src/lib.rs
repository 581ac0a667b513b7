//! Sessionpad: offline-first session notes for psychotherapists.
//!
//! Start reading at `model` (the rules), then `layout` (how records are named
//! and stored) and `storage` (records in localStorage), `state` (what every
//! screen shares) and `components/shell/app.rs` (the screens).

pub mod components;
pub mod layout;
pub mod model;
pub mod offline;
pub mod platform;
pub mod route;
pub mod state;
pub mod storage;
pub mod sync;
