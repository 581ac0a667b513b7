//! The clinician's world as plain data: clients, their courses of treatment and
//! sessions. Nothing in here touches the browser, so all of it is tested natively.

mod backup_age;
pub(crate) mod choice;
mod client;
mod clinician;
mod input;
mod session;

pub mod charts;
pub mod clock;
pub mod hand_to_client;
pub mod homework;
pub mod import;
pub mod json;
pub mod lock;
pub mod measures;
pub mod merge;
pub mod note;
pub mod order;
pub mod ratings;
pub mod record;
pub mod sample;
pub mod search;
pub mod signing;
pub mod snippets;
pub mod suggest;
pub mod tags;
pub mod timeline;
pub mod transcript;
pub mod trash;
pub mod treatment_plan;
pub mod wording;

pub use backup_age::{backup_overdue, clients_and_sessions, last_backup_label};
pub use choice::Choice;
pub use client::{Client, Course};
pub use clinician::{Clinician, DeviceSettings};
pub use clock::{format_date, format_moment, parse_date, parse_time, utc_timestamp};
pub use input::{InputError, parse_bounded, parse_name, parse_planned};
pub use session::{Delivery, Session};
