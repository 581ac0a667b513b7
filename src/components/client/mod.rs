//! One client: the course of treatment, the session list, homework over the course and the printable client copy.

mod client_homework;
mod client_page;
mod homework_copy;
mod unresolved_changes;

pub use client_homework::ClientHomework;
pub use client_page::ClientPage;
pub use homework_copy::HomeworkCopy;
pub use unresolved_changes::UnresolvedChanges;
