use super::{CourseCharts, DamagedClient, DeleteClient, MeasureSchedule, TreatmentPlanPanel};
use crate::components::InRecentlyDeleted;
use crate::components::{
    ConflictNotice, Crumbs, ExportMarkdown, FieldError, OptionalDate, RecordOf, Refusal, ShowIf,
    TextArea, TextInput, UnresolvedChanges, effect, keyed_list, left_field, or_missing,
};
use crate::layout::RecordRef;
use crate::model::Choice;
use crate::model::charts::course_charts;
use crate::model::clock::format_time_range;
use crate::model::measures::Scheduled;
use crate::model::treatment_plan::TreatmentPlan;
use crate::model::{Client, InputError, Session, format_date};
use crate::platform::{new_id, now_ms, today};
use crate::route::Route;
use crate::state::{Deletable, use_conflicts, use_navigation, use_records, use_saving};
use leptos::prelude::*;

/// One client: their details, course of treatment and numbered sessions.
#[component]
pub fn ClientPage(id: String) -> impl IntoView {
    let records = use_records();
    if records.in_recently_deleted(&Deletable::Client(id.clone())) {
        return view! { <InRecentlyDeleted what="Client" /> }.into_any();
    }
    match records.open_client(&id) {
        // A damaged record never hides the client's sessions.
        Err(e) if e.damaged_record().is_some() => {
            use_saving().report(&e);
            view! { <DamagedClient id problem=e.to_string() /> }.into_any()
        }
        loaded => or_missing("Client", loaded, |client| {
            view! { <ClientDetails client /> }.into_any()
        }),
    }
}

#[component]
fn ClientDetails(client: Client) -> impl IntoView {
    let records = use_records();
    let conflicts = use_conflicts();
    let navigation = use_navigation();
    let id = client.id.clone();
    let record = RecordRef::Client(id.clone());
    let client = RwSignal::new(client);
    let error = RwSignal::new(None::<String>);
    // The field whose change was refused, which points at the message.
    let refused_field = RwSignal::new(None::<&'static str>);
    let refused = Refusal::new(error);
    let about = move |field: &'static str| refused.when(move || refused_field.get() == Some(field));
    // Follows what another tab saved while nothing typed here waits to be written.
    effect(move || {
        if let Some(theirs) = conflicts.newer_stored(&record) {
            client.set(theirs);
        }
    });

    // Applies one field's change and queues it for saving; a refused value
    // keeps the old one and says why. Nothing is left to change when a
    // field's `change` event fires as the page is taken down.
    let edit = move |field: &'static str,
                     change: &dyn Fn(&mut Client) -> Result<(), InputError>| {
        let Some(mut updated) = client.try_get_untracked() else {
            return;
        };
        match change(&mut updated) {
            Ok(()) => {
                error.set(None);
                client.set(updated.clone());
                records.edit(updated);
            }
            Err(e) => {
                refused_field.set(Some(field));
                error.set(Some(e.to_string()));
            }
        }
    };
    let text_field =
        move |label: &'static str,
              get: fn(&Client) -> String,
              set: fn(&mut Client, String) -> Result<(), InputError>| {
            view! {
                <TextInput
                    label=label
                    value=(move || client.with(get), move |v: String| edit(label, &|c| set(c, v.clone())))
                    refused=about(label)
                />
            }
        };

    // Read by the page's id, not through the client: a key typed in its
    // details must not read every session of the course again.
    let sessions = Memo::new({
        let id = id.clone();
        move |_| {
            let (sessions, problems) = records.sessions_of(&id);
            (sessions, problems.len())
        }
    });
    let new_session = move |_| {
        let c = client.get_untracked();
        let format = records.clinician().unwrap_or_default().default_format;
        let session = sessions.with_untracked(|(earlier, _)| {
            Session::next(new_id(), &c.id, earlier, today(), format, now_ms())
        });
        if records.commit(&session) {
            navigation.navigate(Route::Session(session.id));
        }
    };
    let planned = move || client.with(|c| c.course.planned_sessions);
    let planned_shown = left_field(move || planned().to_string());
    let clinician = records.clinician().unwrap_or_default();
    let charted = clinician.measures.clone();
    let charts = Memo::new(move |_| sessions.with(|(list, _)| course_charts(list, &charted)));

    view! {
        <Crumbs />
        <div class="section-head">
            <h1>{move || client.with(Client::display_name)}</h1>
            <div class="record-actions">
                <a class="button-link" href=move || client.with(|c| Route::ClientHomework(c.id.clone()).hash())>
                    "Homework"
                </a>
                <a class="button-link" href=Route::CourseRecord(id.clone()).hash()>"Print course"</a>
                <ExportMarkdown of=RecordOf::Course(id) label="Export course" />
                <DeleteClient client sessions=Signal::derive(move || sessions.with(|(list, _)| list.len())) />
            </div>
        </div>
        <FieldError message=refused />
        <ConflictNotice noun="client" value=client />
        <UnresolvedChanges client_id=client.with_untracked(|c| c.id.clone()) />
        <section class="panel" aria-labelledby="sessions-title">
            <div class="section-head">
                <h2 id="sessions-title">"Sessions"</h2>
                <button type="button" class="primary" on:click=new_session>"New session"</button>
            </div>
            {move || {
                let damaged = sessions.with(|(_, d)| *d);
                (damaged > 0)
                    .then(|| {
                        let message = format!(
                            "{damaged} session record(s) could not be read and are not listed; they are kept as they were.",
                        );
                        view! { <FieldError message=Some(message) /> }
                    })
            }}
            <ol role="list" class="session-list" reversed>
                {keyed_list(
                    move || sessions.get().0.into_iter().rev(),
                    |s| s.id.clone(),
                    move |s| {
                        let title = s.title(planned());
                        let beyond = s.beyond_plan(planned());
                        let times = format_time_range(s.start, s.end)
                            .map(|t| format!(" · {t}"))
                            .unwrap_or_default();
                        view! {
                            <li>
                                <a class="card-main" href=Route::Session(s.id.clone()).hash()>
                                    <strong>{title}</strong>
                                    <span class="muted">{format!("{}{times}", format_date(s.date))}</span>
                                    <span class="badge">{if s.is_signed() { "Signed" } else { "Draft" }}</span>
                                    {beyond.then(|| view! { <span class="badge">"Beyond plan"</span> })}
                                    {s
                                        .risk
                                        .level
                                        .is_flagged()
                                        .then(|| {
                                            view! {
                                                <span class="badge risk">
                                                    {format!("Risk: {}", s.risk.level.label())}
                                                </span>
                                            }
                                        })}
                                </a>
                            </li>
                        }
                    },
                )}
            </ol>
            <ShowIf when=move || sessions.with(|(list, _)| list.is_empty())>
                <p class="muted">"No sessions yet."</p>
            </ShowIf>
        </section>
        <CourseCharts charts />
        <section class="panel" aria-labelledby="course-title">
            <h2 id="course-title">"Course of treatment"</h2>
            <div class="grid">
                <label class="field">
                    <span>"Planned sessions"</span>
                    <input
                        type="number"
                        min="1"
                        inputmode="numeric"
                        aria-invalid=about("Planned sessions").invalid()
                        aria-describedby=about("Planned sessions").described_by()
                        prop:value=planned_shown
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edit("Planned sessions", &|c| c.course.set_planned(&value));
                        }
                    />
                </label>
                <OptionalDate
                    label="Course start"
                    value=move || client.with(|c| c.course.start_date)
                    refused=about("Course start")
                    on_date={move |date: Result<_, InputError>| {
                        edit("Course start", &|c| {
                            c.course.start_date = date.clone()?;
                            Ok(())
                        })
                    }}
                />
                {text_field(
                    "Therapy modality",
                    |c| c.course.modality.clone(),
                    |c, v| {
                        c.course.modality = v;
                        Ok(())
                    },
                )}
                <TextArea
                    label="Treatment goals"
                    placeholder="One goal per line"
                    value=(
                        move || client.with(|c| c.course.goals.clone()),
                        move |v: String| {
                            edit("Treatment goals", &|c| {
                                c.course.goals = v.clone();
                                Ok(())
                            })
                        },
                    )
                />
            </div>
        </section>
        // Memos, here and for the plan: a key typed in the client's details
        // changes neither, so neither is drawn again.
        <MeasureSchedule
            scheduled=Memo::new(move |_| client.with(|c| c.course.measures.clone()))
            clinician
            on_change={move |measures: Vec<Scheduled>| edit("Measures due", &|c| {
                c.course.measures = measures.clone();
                Ok(())
            })}
        />
        <TreatmentPlanPanel
            plan=Memo::new(move |_| client.with(|c| c.plan.clone()))
            sessions=move || sessions.with(|(list, _)| list.clone())
            on_change=move |plan: TreatmentPlan| edit("Treatment plan", &|c| {
                c.plan = plan.clone();
                Ok(())
            })
        />
        <section class="panel" aria-labelledby="client-title">
            <h2 id="client-title">"Client details"</h2>
            <div class="grid">
                {text_field("Name or code", |c| c.name.clone(), |c, v| c.rename_as_typed(&v))}
                {text_field(
                    "Occupation",
                    |c| c.occupation.clone(),
                    |c, v| {
                        c.occupation = v;
                        Ok(())
                    },
                )}
                <TextArea
                    label="About the client"
                    value=(
                        move || client.with(|c| c.notes.clone()),
                        move |v: String| {
                            edit("About the client", &|c| {
                                c.notes = v.clone();
                                Ok(())
                            })
                        },
                    )
                />
            </div>
        </section>
    }
}
