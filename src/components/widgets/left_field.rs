//! What a field that takes its entry when it is left shows.

use leptos::prelude::*;

/// The saved value such a field shows, written into it only when that value
/// itself changes. Its entry reaches the session on `change`, so until then
/// the field holds more than the session does: were it redrawn on every
/// session change (another field's typing pause, a reordered list), a
/// half-typed time or number would be wiped without a word.
pub fn left_field<T: PartialEq + Send + Sync + 'static>(
    saved: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T> {
    Memo::new(move |_| saved())
}
