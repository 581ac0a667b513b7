use crate::components::{ChoiceChips, Crumbs, ScrollRegion, ShowIf, keyed_list, or_missing};
use crate::model::Choice;
use crate::model::homework::{Adherence, HistoryFilter, adherence, adherence_by_type, histories};
use crate::model::{Client, Session};
use crate::route::Route;
use crate::state::use_records;
use leptos::prelude::*;

fn adherence_row(label: String, a: &Adherence) -> impl IntoView + use<> {
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td>{a.assigned}</td>
            <td>{a.open}</td>
            <td>{a.reviewed}</td>
            <td>{a.done}</td>
            <td>{a.partly}</td>
            <td>{a.not_done}</td>
            <td>{a.percent_label()}</td>
        </tr>
    }
}

/// Every assignment of a client's course with its history, and how well
/// homework has been carried out, overall and per type.
#[component]
pub fn ClientHomework(id: String) -> impl IntoView {
    let records = use_records();
    or_missing("Client", records.client(&id), |client| {
        view! { <CourseHomework client /> }.into_any()
    })
}

/// The homework of one client's course.
#[component]
fn CourseHomework(client: Client) -> impl IntoView {
    let records = use_records();
    let id = client.id.clone();
    let (sessions, _) = records.sessions_of(&id);
    let all = histories(
        &sessions
            .iter()
            .map(Session::homework_record)
            .collect::<Vec<_>>(),
    );
    let overall = adherence(&all);
    let by_type = adherence_by_type(&all);
    let all = StoredValue::new(all);
    let show = RwSignal::new(HistoryFilter::All);
    let shown = move || {
        all.with_value(|all| {
            all.iter()
                .filter(|h| show.get().matches(h))
                .cloned()
                .collect::<Vec<_>>()
        })
    };

    view! {
        <Crumbs trail=vec![(Route::Client(id.clone()), client.display_name())] />
        <h1>{format!("Homework — {}", client.name)}</h1>
        <section class="panel" aria-labelledby="adherence-title">
            <h2 id="adherence-title">"Adherence"</h2>
            <p class="summary">
                {format!(
                    "{} assigned · {} open · {} closed · completion rate {}",
                    overall.assigned,
                    overall.open,
                    overall.closed,
                    overall.percent_label(),
                )}
            </p>
            <ScrollRegion label="Completion by type" class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Type"</th>
                            <th scope="col">"Assigned"</th>
                            <th scope="col">"Open"</th>
                            <th scope="col">"Reviewed"</th>
                            <th scope="col">"Done"</th>
                            <th scope="col">"Partly"</th>
                            <th scope="col">"Not done"</th>
                            <th scope="col">"Completion"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {by_type
                            .iter()
                            .map(|(kind, a)| adherence_row(kind.label().to_string(), a))
                            .collect_view()}
                        {adherence_row("All types".to_string(), &overall)}
                    </tbody>
                </table>
            </ScrollRegion>
            <p class="muted">
                "Completion counts each assignment once, by its latest review: done ÷ reviewed."
            </p>
        </section>
        <section class="panel" aria-labelledby="assignments-title">
            <div class="section-head">
                <h2 id="assignments-title">"Assignments"</h2>
                <ChoiceChips<HistoryFilter>
                    legend="Show"
                    name="homework-filter"
                    selected=move || Some(show.get())
                    on_pick=move |f| show.set(f)
                />
            </div>
            <ol role="list" class="homework-list" aria-label="Assignments">
                {keyed_list(
                    shown,
                    |h| h.assignment.id.clone(),
                    move |h| {
                        let status = match h.closed_in {
                            Some(n) => format!("Closed in session {n}"),
                            None => "Open".to_string(),
                        };
                        view! {
                            <li class="assignment">
                                <h3>{h.assignment.task.clone()}</h3>
                                <p class="muted">
                                    {format!("Agreed in session {} · {} · ", h.assigned_in, h.assignment.kind.label())}
                                    <span class="badge">{status}</span>
                                </p>
                                <ul class="history">
                                    {h.reviews.iter().map(|e| view! { <li>{e.summary()}</li> }).collect_view()}
                                    {h.reviews.is_empty().then(|| view! { <li>"Not reviewed yet"</li> })}
                                </ul>
                            </li>
                        }
                    },
                )}
            </ol>
            <ShowIf when=move || shown().is_empty()>
                <p class="muted">"No assignments to show."</p>
            </ShowIf>
        </section>
    }
}
