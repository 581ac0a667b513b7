//! What a session or client page shows when another tab or window changed
//! the same record: a choice of versions, and a side-by-side merge.

mod conflict_notice;
mod merge_by_hand;

pub use conflict_notice::ConflictNotice;
pub use merge_by_hand::MergeByHand;
