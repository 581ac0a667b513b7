use crate::components::{ListSelect, ShowIf};
use crate::model::Clinician;
use crate::model::measures::{Due, Scheduled, offered, schedule};
use leptos::prelude::*;

/// Which measures this course gives and when each is due; every session
/// then says what it has due.
#[component]
pub fn MeasureSchedule(
    #[prop(into)] scheduled: Signal<Vec<Scheduled>>,
    /// Whose own measures may be scheduled too, but those retired.
    clinician: Clinician,
    #[prop(into)] on_change: Callback<Vec<Scheduled>>,
) -> impl IntoView {
    let choices = StoredValue::new(
        clinician
            .measures_to_give()
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect::<Vec<_>>(),
    );
    // A retired measure a course still schedules is named, and said to be retired.
    let retired = StoredValue::new(
        clinician
            .own_measures()
            .into_iter()
            .filter(|(_, retired)| *retired)
            .map(|(m, _)| (m.id.clone(), format!("{} (retired)", m.name)))
            .collect::<Vec<_>>(),
    );
    let name_of = move |id: &str| {
        let named =
            |c: &Vec<(String, String)>| c.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone());
        choices
            .with_value(named)
            .or_else(|| retired.with_value(named))
            .unwrap_or_else(|| id.to_string())
    };
    let intervals = offered();
    let picked = RwSignal::new(0usize);
    let when = RwSignal::new(0usize);
    let change = move |f: &dyn Fn(&mut Vec<Scheduled>)| {
        let mut kept = scheduled.get_untracked();
        f(&mut kept);
        on_change.run(kept);
    };
    let add = {
        let intervals = intervals.clone();
        move |_| {
            let Some(id) =
                choices.with_value(|c| c.get(picked.get_untracked()).map(|m| m.0.clone()))
            else {
                return;
            };
            let due = intervals
                .get(when.get_untracked())
                .copied()
                .unwrap_or(Due::EverySession);
            change(&|s| schedule(s, &id, due));
        }
    };
    view! {
        <section class="panel" aria-labelledby="schedule-title">
            <h2 id="schedule-title">"Measures due"</h2>
            <ul class="schedule">
                {move || scheduled.get().into_iter().map(|s| {
                    let id = s.measure.clone();
                    let line = format!("{}: {}", name_of(&s.measure), s.due.label().to_lowercase());
                    view! {
                        <li>
                            <span>{line}</span>
                            <button type="button" on:click=move |_| change(&|kept| kept.retain(|k| k.measure != id))>
                                {format!("Stop giving {}", name_of(&s.measure))}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ShowIf when=move || scheduled.with(Vec::is_empty)>
                <p class="muted">"No measures scheduled. Each session shows the measures due in it."</p>
            </ShowIf>
            <div class="grid">
                <ListSelect label="Measure to give" options=choices.with_value(|c| c.iter().map(|m| m.1.clone()).collect()) picked />
                <ListSelect label="When" options=intervals.iter().map(|d| d.label()).collect() picked=when />
            </div>
            <button type="button" on:click=add>"Add to schedule"</button>
        </section>
    }
}
