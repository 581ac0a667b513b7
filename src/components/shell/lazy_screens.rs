//! Screens whose code is not part of the first download: the browser fetches
//! each one's share of the app the first time it is opened (from the service
//! worker's cache once installed), and the roster opens without waiting for it.
//!
//! With the `split` feature (release and development builds through Trunk)
//! every function here is `#[lazy]`, and the build cuts it, with whatever only
//! it reaches, into a chunk of its own. Natively `#[lazy]` calls the function
//! directly; in wasm builds without `split` (the browser tests) they are plain
//! `async fn`s, so nothing waits for a chunk that was never cut.

use crate::components::{
    ClientHomework, ClientPage, HomeworkCopy, ImportTranscript, RecordOf, RecordScreen,
    SessionEditor,
};
use leptos::prelude::*;

#[cfg(any(feature = "split", not(target_family = "wasm")))]
use leptos::lazy;

/// Shows a screen once its code, and the record code it reads with, are
/// there; until then (normally an instant) a quiet line that only becomes
/// visible if the wait is noticeable.
pub fn lazy_screen<Fut>(screen: Fut) -> AnyView
where
    Fut: std::future::Future<Output = AnyView> + Send + 'static,
{
    let ready = async move {
        record_code().await;
        screen.await
    };
    view! {
        <Suspense fallback=|| {
            view! { <p class="screen-loading" role="status">"Opening…"</p> }
        }>{Suspend::new(ready)}</Suspense>
    }
    .into_any()
}

/// The code that reads and writes records (see `storage::coding`): awaited
/// before a store with records opens and before anything is written. Fetched
/// once; later calls return at once.
#[cfg_attr(any(feature = "split", not(target_family = "wasm")), lazy)]
pub async fn record_code() {
    crate::storage::install_record_code();
}

#[cfg_attr(any(feature = "split", not(target_family = "wasm")), lazy)]
pub async fn client_page(id: String) -> AnyView {
    view! { <ClientPage id /> }.into_any()
}

#[cfg_attr(any(feature = "split", not(target_family = "wasm")), lazy)]
pub async fn client_homework(id: String) -> AnyView {
    view! { <ClientHomework id /> }.into_any()
}

#[cfg_attr(any(feature = "split", not(target_family = "wasm")), lazy)]
pub async fn session_editor(id: String) -> AnyView {
    view! { <SessionEditor id /> }.into_any()
}

#[cfg_attr(any(feature = "split", not(target_family = "wasm")), lazy)]
pub async fn homework_copy(id: String) -> AnyView {
    view! { <HomeworkCopy id /> }.into_any()
}

#[cfg_attr(any(feature = "split", not(target_family = "wasm")), lazy)]
pub async fn import_transcript() -> AnyView {
    view! { <ImportTranscript /> }.into_any()
}

#[cfg_attr(any(feature = "split", not(target_family = "wasm")), lazy)]
pub async fn record_screen(of: RecordOf) -> AnyView {
    view! { <RecordScreen of /> }.into_any()
}
