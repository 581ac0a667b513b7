use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Why an entry was refused, shown by [`FieldError`]. The fields it is about
/// take it too (`refused=…`): while it has a message they say they are
/// invalid (`aria-invalid`) and point at it (`aria-describedby`), so a screen
/// reader reads the reason with the field.
#[derive(Clone, Copy)]
pub struct Refusal {
    id: usize,
    message: Signal<Option<String>>,
}

impl Refusal {
    pub fn new(message: impl Into<Signal<Option<String>>>) -> Self {
        // Unique on the page, however many forms show at once.
        static NEXT: AtomicUsize = AtomicUsize::new(1);
        Self {
            id: NEXT.fetch_add(1, Ordering::Relaxed),
            message: message.into(),
        }
    }

    /// The same message, for a field it is about only while `about` holds:
    /// one of several fields that share a message.
    pub fn when(self, about: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        Self {
            id: self.id,
            message: Signal::derive(move || self.message.get().filter(|_| about())),
        }
    }

    /// `aria-invalid` for a field it is about: "true" while it has a message.
    pub fn invalid(self) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync {
        move || self.is_refused().then_some("true")
    }

    /// `aria-describedby` for a field it is about: the message, while there is one.
    pub fn described_by(self) -> impl Fn() -> Option<String> + Copy + Send + Sync {
        move || self.is_refused().then(|| self.element_id())
    }

    fn element_id(self) -> String {
        format!("refusal-{}", self.id)
    }

    fn is_refused(self) -> bool {
        self.message.with(Option::is_some)
    }
}

impl<T: Into<Signal<Option<String>>>> From<T> for Refusal {
    fn from(message: T) -> Self {
        Self::new(message)
    }
}

/// [`Refusal::invalid`] for a widget's field that may have no refusal.
pub(super) fn aria_invalid(
    refused: Option<Refusal>,
) -> impl Fn() -> Option<&'static str> + Send + Sync {
    move || refused.and_then(|r| r.invalid()())
}

/// [`Refusal::described_by`] for a widget's field that may have no refusal.
pub(super) fn aria_described_by(
    refused: Option<Refusal>,
) -> impl Fn() -> Option<String> + Send + Sync {
    move || refused.and_then(|r| r.described_by()())
}

/// Why the last change was refused, announced to screen readers as it
/// appears; nothing when all is well.
#[component]
pub fn FieldError(#[prop(into)] message: Refusal) -> impl IntoView {
    move || {
        message
            .message
            .get()
            .map(|m| view! { <p class="field-error" role="alert" id=message.element_id()>{m}</p> })
    }
}
