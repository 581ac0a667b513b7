use crate::model::snippets::{Snippet, expansion};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Expands `;name` then Space into the clinician's snippet, in any text box
/// of the session. The text goes in through the browser's own editing, so
/// Ctrl/Cmd+Z takes the expansion back and the field saves as if typed.
#[component]
pub fn SnippetExpander(snippets: Vec<Snippet>) -> impl IntoView {
    if snippets.is_empty() {
        return;
    }
    let on_space = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != " " || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(field) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let (Ok(Some(caret)), Ok(Some(end))) = (field.selection_start(), field.selection_end())
        else {
            return;
        };
        if caret != end {
            return;
        }
        // Selections count UTF-16 code units.
        let units: Vec<u16> = field.value().encode_utf16().take(caret as usize).collect();
        let before = String::from_utf16_lossy(&units);
        let Some((span, text)) = expansion(&before, &snippets) else {
            return;
        };
        ev.prevent_default();
        let _ = field.set_selection_range(caret - span as u32, caret);
        let _ = document()
            .unchecked_into::<web_sys::HtmlDocument>()
            .exec_command_with_show_ui_and_value("insertText", false, &format!("{text} "));
    });
    on_cleanup(move || on_space.remove());
}
