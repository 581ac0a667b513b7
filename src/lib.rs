//! Sessionpad: offline-first session notes for psychotherapists.

pub mod components;
pub mod model;
pub mod offline;
pub mod platform;
pub mod route;
pub mod state;
pub mod storage;
