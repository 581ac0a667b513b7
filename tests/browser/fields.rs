//! The shared field widgets on their own: a field bound to its text, a time
//! of day, and a refusal that the field points at.

use crate::support::{control, document, fire, set_value, settle};
use chrono::NaiveTime;
use leptos::prelude::*;
use sessionpad::components::{FieldError, Refusal, TextArea, TextInput, TimeInput};
use sessionpad::model::InputError;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn root() -> web_sys::HtmlElement {
    let root: web_sys::HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

fn value(field: &web_sys::Element) -> String {
    field.unchecked_ref::<web_sys::HtmlInputElement>().value()
}

#[wasm_bindgen_test]
async fn a_text_field_writes_what_is_typed_and_shows_its_text_changed_from_outside() {
    let (root, name) = (root(), RwSignal::new(String::from("Alex")));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <TextInput label="Name or code" value=name /> }
    });
    settle().await;
    let field = control(&root, "Name or code");
    assert_eq!(value(&field), "Alex");

    set_value(&field, "Alex K.");
    fire(&field, "input");
    assert_eq!(name.get_untracked(), "Alex K.");

    // A restore, another tab or an undo changes the text behind the field.
    name.set("Sam".into());
    settle().await;
    assert_eq!(value(&field), "Sam");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_text_box_offers_its_placeholder_only_while_it_is_empty() {
    let (root, notes) = (root(), RwSignal::new(String::new()));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <TextArea label="Notes" value=notes placeholder="What happened in the session" /> }
    });
    settle().await;
    let field = control(&root, "Notes");
    let placeholder = || field.get_attribute("placeholder");
    assert_eq!(
        placeholder().as_deref(),
        Some("What happened in the session")
    );

    set_value(&field, "Slept better");
    fire(&field, "input");
    settle().await;
    assert_eq!(placeholder(), None);

    set_value(&field, "");
    fire(&field, "input");
    settle().await;
    assert_eq!(
        placeholder().as_deref(),
        Some("What happened in the session")
    );
    root.remove();
}

/// The form a field belongs to, and how many fields it holds.
fn form_of(root: &web_sys::HtmlElement, label: &str) -> (web_sys::Element, u32) {
    let form = control(root, label)
        .closest("form")
        .unwrap()
        .expect("a form around the field");
    let fields = form
        .query_selector_all("input, select, textarea, button")
        .unwrap()
        .length();
    (form, fields)
}

/// Whether a cancelable submit on `form` went ahead.
fn submitted(form: &web_sys::Element) -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let submit = web_sys::Event::new_with_event_init_dict("submit", &init).unwrap();
    form.dispatch_event(&submit).unwrap()
}

#[wasm_bindgen_test]
async fn each_text_field_is_a_form_of_its_own_that_never_submits() {
    let (root, name, notes) = (
        root(),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TextInput label="Name or code" value=name />
            <TextArea label="Notes" value=notes />
        }
    });
    settle().await;
    // The browser looks over the fields of the form typed in at every key:
    // each form holds its field alone, not the one beside it.
    for label in ["Name or code", "Notes"] {
        let (form, fields) = form_of(&root, label);
        assert_eq!(fields, 1, "{label}");
        assert!(!submitted(&form), "a submit from {label} goes nowhere");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn a_one_line_field_in_a_form_of_its_callers_submits_that_form() {
    let (root, name, added) = (root(), RwSignal::new(String::new()), RwSignal::new(0));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <form on:submit=move |ev| {
                ev.prevent_default();
                added.update(|n| *n += 1);
            }>
                <TextInput in_form=true label="Name or code" value=name />
                <button type="submit">"New client"</button>
            </form>
        }
    });
    settle().await;
    let (form, fields) = form_of(&root, "Name or code");
    assert_eq!(fields, 2, "the caller's form, with its button");
    submitted(&form);
    assert_eq!(added.get_untracked(), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_refused_field_is_marked_invalid_and_described_by_the_message_until_it_is_put_right() {
    let root = root();
    let error = RwSignal::new(None::<String>);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        let refused = Refusal::new(error);
        let text = RwSignal::new(String::new());
        view! {
            <TextInput label="Name or code" value=text refused />
            <TextInput label="Occupation" value=text />
            <FieldError message=refused />
        }
    });
    settle().await;
    let (field, other) = (control(&root, "Name or code"), control(&root, "Occupation"));
    assert_eq!(field.get_attribute("aria-invalid"), None);
    assert_eq!(field.get_attribute("aria-describedby"), None);
    assert!(root.query_selector("[role=alert]").unwrap().is_none());

    error.set(Some(InputError::EmptyName.to_string()));
    settle().await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert_eq!(alert.class_name(), "field-error");
    assert_eq!(
        alert.text_content().as_deref(),
        Some("Enter a name or a client code.")
    );
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(field.get_attribute("aria-describedby"), Some(alert.id()));
    // Only the field the message is about points at it.
    assert_eq!(other.get_attribute("aria-invalid"), None);
    assert_eq!(other.get_attribute("aria-describedby"), None);

    error.set(None);
    settle().await;
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    assert_eq!(field.get_attribute("aria-invalid"), None);
    assert_eq!(field.get_attribute("aria-describedby"), None);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_time_field_shows_its_time_and_gives_the_one_entered_or_none_once_cleared() {
    let root = root();
    let at = RwSignal::new(NaiveTime::from_hms_opt(9, 5, 0));
    let given = RwSignal::new(Vec::<Result<Option<NaiveTime>, InputError>>::new());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TimeInput
                label="At"
                value=at
                on_time={move |t: Result<_, _>| given.update(|g| g.push(t))}
            />
        }
    });
    settle().await;
    let field = control(&root, "At");
    assert_eq!(field.get_attribute("type").as_deref(), Some("time"));
    assert_eq!(value(&field), "09:05");

    for entered in ["00:00", "23:59", ""] {
        set_value(&field, entered);
        fire(&field, "input");
        fire(&field, "change");
    }
    let t = |h, m| Ok(NaiveTime::from_hms_opt(h, m, 0));
    assert_eq!(given.get_untracked(), [t(0, 0), t(23, 59), Ok(None)]);

    at.set(NaiveTime::from_hms_opt(14, 30, 0));
    settle().await;
    assert_eq!(value(&field), "14:30");
    root.remove();
}
