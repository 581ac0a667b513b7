use crate::model::hand_to_client::RiskReview;
use leptos::prelude::*;

/// Shown to the clinician before anything else when the tablet comes back
/// with the PHQ-9's item 9 answered above 0. The client saw only the item.
#[component]
pub fn RiskReviewNotice(review: RiskReview, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    view! {
        <main class="screen">
            <section class="panel risk-review" role="alert" aria-labelledby="risk-review-title">
                <h1 id="risk-review-title">{review.headline()}</h1>
                <p>{format!("PHQ-9 item 9, “{}”: {}.", review.item, review.label)}</p>
                <p class="muted">"The client's answers are saved in the session."</p>
                <button type="button" class="primary" on:click=move |_| on_done.run(())>
                    "Open the session"
                </button>
            </section>
        </main>
    }
}
