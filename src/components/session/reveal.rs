//! Shows where a search hit is once its session opens: the first field that
//! holds it is scrolled into view with the hit selected.

use crate::model::search::fold;
use wasm_bindgen::JsCast;

/// Selects `term` (folded, as search matches it) in the first field under
/// `main` that holds it; does nothing if none does.
pub fn reveal(term: &str) {
    if term.is_empty() {
        return;
    }
    let Some(fields) = document_fields() else {
        return;
    };
    for field in fields {
        let (value, select): (String, Box<dyn Fn(u32, u32)>) =
            if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                let area = area.clone();
                (
                    area.value(),
                    Box::new(move |a, b| drop(area.set_selection_range(a, b))),
                )
            } else if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
                let input = input.clone();
                (
                    input.value(),
                    Box::new(move |a, b| drop(input.set_selection_range(a, b))),
                )
            } else {
                continue;
            };
        // Folding keeps one character for each, so the char positions agree.
        let Some(at) = fold(&value).find(term) else {
            continue;
        };
        let chars_before = fold(&value)[..at].chars().count();
        let utf16 = |n: usize| value.chars().take(n).map(char::len_utf16).sum::<usize>() as u32;
        let (start, end) = (
            utf16(chars_before),
            utf16(chars_before + term.chars().count()),
        );
        if let Some(el) = field.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
        select(start, end);
        field.scroll_into_view();
        return;
    }
}

fn document_fields() -> Option<Vec<web_sys::Element>> {
    let document = web_sys::window()?.document()?;
    let found = document
        .query_selector_all("main textarea, main input[type=text]")
        .ok()?;
    Some(
        (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into().ok())
            .collect(),
    )
}
