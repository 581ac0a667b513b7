use super::ScoreChart;
use crate::components::ShowIf;
use crate::model::charts::Chart;
use leptos::prelude::*;

/// The course at a glance: a chart for each measure recorded so far.
#[component]
pub fn CourseCharts(#[prop(into)] charts: Signal<Vec<Chart>>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="charts-title">
            <h2 id="charts-title">"Course so far"</h2>
            <ShowIf when=move || charts.with(Vec::is_empty)>
                <p class="muted">"Scores and homework reviews recorded in sessions are charted here."</p>
            </ShowIf>
            <div class="charts">
                {move || charts.get().into_iter().map(|chart| view! { <ScoreChart chart /> }).collect_view()}
            </div>
        </section>
    }
}
