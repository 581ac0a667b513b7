//! The client page: what typing in the client's details redraws.

use crate::support::{
    button, control, fire, mount_at, open_store, seed_session, set_value, settle, sleep,
};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn typing_in_the_clients_details_saves_them_and_leaves_the_plan_and_the_schedule_as_drawn() {
    seed_session();
    let (root, _app) = mount_at("#/client/c1");
    settle().await;
    let problem = control(&root, "New problem");
    set_value(&problem, "Poor sleep");
    fire(&problem, "input");
    button(&root, "Add problem").click();
    button(&root, "Add to schedule").click();
    settle().await;
    let drawn = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("{selector} is on the page"))
    };
    let (plan, schedule) = (
        drawn("[aria-label='Problem: Poor sleep']"),
        drawn("ul.schedule li"),
    );

    for (label, text) in [
        ("Occupation", "Nurse"),
        ("About the client", "Prefers mornings"),
    ] {
        let field = control(&root, label);
        set_value(&field, text);
        fire(&field, "input");
        settle().await;
    }
    assert!(plan.is_connected(), "the plan is not drawn again");
    assert!(schedule.is_connected(), "the schedule is not drawn again");
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
