use leptos::prelude::*;

/// The text a field shows and where what is typed goes. Either a signal of
/// the form's own (`value=name`), which the field then keeps up to date, or a
/// record's text read and written through the record's own change
/// (`value=(move || read(), move |text: String| write(text))`). The field
/// follows what it reads, so a change from outside (a restore, another tab,
/// undo) shows in it at once.
#[derive(Clone, Copy)]
pub struct Binding {
    pub(super) text: Signal<String>,
    pub(super) write: Callback<String>,
}

impl From<RwSignal<String>> for Binding {
    fn from(signal: RwSignal<String>) -> Self {
        Self {
            text: signal.into(),
            write: Callback::new(move |text| signal.set(text)),
        }
    }
}

impl<R, W> From<(R, W)> for Binding
where
    R: Fn() -> String + Send + Sync + 'static,
    W: Fn(String) + Send + Sync + 'static,
{
    fn from((read, write): (R, W)) -> Self {
        Self {
            text: Signal::derive(read),
            write: Callback::new(write),
        }
    }
}
