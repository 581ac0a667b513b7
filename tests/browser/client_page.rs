//! The client page: what typing in the client's details costs and keeps.

use crate::support::{
    button, control, fire, mount_at, open_store, seed_session, set_value, settle, sleep,
};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn typing_in_the_clients_details_saves_them_without_reading_the_courses_sessions_at_each_key()
{
    seed_session();
    let (root, _app) = mount_at("#/client/c1");
    settle().await;
    let problem = control(&root, "New problem");
    set_value(&problem, "Poor sleep");
    fire(&problem, "input");
    button(&root, "Add problem").click();
    button(&root, "Add to schedule").click();
    settle().await;

    // Lists what is read from storage while typing: reading the course's
    // sessions again would cost every key as many records as it has.
    js_sys::eval(
        "window.realGetItem = Storage.prototype.getItem; window.reads = []; \
         Storage.prototype.getItem = function (key) { \
           window.reads.push(key); return realGetItem.call(this, key); };",
    )
    .unwrap();
    for (label, text) in [
        ("Occupation", "Nurse"),
        ("About the client", "Prefers mornings"),
    ] {
        let field = control(&root, label);
        set_value(&field, text);
        fire(&field, "input");
        settle().await;
    }
    let reads =
        js_sys::eval("Storage.prototype.getItem = window.realGetItem; window.reads.join(' ')")
            .unwrap()
            .as_string()
            .unwrap();
    assert!(
        !reads.split(' ').any(|key| key.contains("/session/")),
        "no session is read at a key: {reads:?}"
    );
    sleep(400).await;
    let client = open_store().client("c1").unwrap().unwrap();
    assert_eq!(
        (client.occupation.as_str(), client.notes.as_str()),
        ("Nurse", "Prefers mornings")
    );
    assert_eq!(client.plan.problems.len(), 1);
    assert_eq!(client.course.measures.len(), 1);
    root.remove();
}
