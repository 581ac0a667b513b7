use super::{HandBack, ItemPage, WholeForm};
use crate::components::ShowIf;
use crate::model::hand_to_client::{Handover, Pace, Step};
use crate::platform::{forget_screen, now_ms};
use crate::state::use_hand_to_client;
use leptos::prelude::*;

/// All the tablet shows while the client holds it: the measures, a page at
/// a time, and a way for the clinician to take it back. The title is
/// neutral and the address names no screen; Back and a changed address
/// are taken out again at once, and the notes are never drawn meanwhile.
#[component]
pub fn Questionnaire() -> impl IntoView {
    let hand_to_client = use_hand_to_client();
    document().set_title("Questionnaire");
    forget_screen();
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| forget_screen());
    on_cleanup(move || {
        on_hash.remove();
        document().set_title("Sessionpad");
    });
    let taking_back = RwSignal::new(false);
    let Some(Ok(handover)) = hand_to_client.handover() else {
        // Kept but unreadable: only handing back is offered; what was kept
        // is set aside then, not lost.
        return view! {
            <main class="screen questionnaire">
                <HandBack handover=None />
            </main>
        }
        .into_any();
    };
    let current = RwSignal::new(handover);
    // Whether this page holds answers storage refused (full): then it is
    // ahead of what is kept, and taking the tablet back uses its own.
    let ahead = StoredValue::new(false);
    let change = move |f: &dyn Fn(&mut Handover)| {
        current.update(|h| f(h));
        ahead.set_value(!hand_to_client.keep(&current.get_untracked()));
    };
    // The questionnaire may be open in another tab of this device too, and
    // the client may answer there: this page follows what is kept, or
    // taking the tablet back here would hand back the answers it first drew.
    Effect::new(move |_| {
        if let Some(Ok(kept)) = hand_to_client.handover()
            && !ahead.get_value()
            && current.with_untracked(|h| *h != kept)
        {
            current.set(kept);
        }
    });
    let answer = Callback::new(move |(measure, item, value): (usize, usize, u8)| {
        change(&|h| h.answer(measure, item, value, now_ms()));
    });
    // Each page opens at its top, however far down the last was scrolled.
    let turn = move |f: &dyn Fn(&mut Handover)| {
        change(f);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    let next = Callback::new(move |()| turn(&Handover::next));
    let back = Callback::new(move |()| turn(&Handover::back));

    view! {
        <main class="screen questionnaire">
            {move || {
                if taking_back.get() {
                    return view! {
                        <HandBack
                            handover=Some(current.get_untracked())
                            on_cancel=Callback::new(move |()| taking_back.set(false))
                        />
                    }
                    .into_any();
                }
                match current.with(|h| h.step) {
                    Step::Start => view! { <ChoosePace current change=Callback::new(move |pace| change(&|h| h.choose(pace))) /> }.into_any(),
                    Step::Item { measure, item } => view! { <ItemPage current measure item answer next back /> }.into_any(),
                    Step::Form { measure } => view! { <WholeForm current measure answer next back /> }.into_any(),
                    Step::Done => view! { <ThankYou back /> }.into_any(),
                }
            }}
            <ShowIf when=move || !taking_back.get()>
                <footer class="hand-back-footer">
                    <button type="button" class="quiet" on:click=move |_| taking_back.set(true)>
                        "Hand back (clinician)"
                    </button>
                </footer>
            </ShowIf>
        </main>
    }
    .into_any()
}

/// The first page: how many questions, and how the client wants to see them.
#[component]
fn ChoosePace(current: RwSignal<Handover>, #[prop(into)] change: Callback<Pace>) -> impl IntoView {
    let count: usize = current.with_untracked(|h| h.measures.iter().map(|m| m.items.len()).sum());
    let forms = current.with_untracked(|h| h.measures.len());
    view! {
        <section class="panel client-page">
            <h1>"Questionnaire"</h1>
            <p class="lead">
                {if forms == 1 {
                    format!("There are {count} questions. How would you like to see them?")
                } else {
                    format!("There are {count} questions in {forms} parts. How would you like to see them?")
                }}
            </p>
            <div class="big-choices">
                <button type="button" class="primary" on:click=move |_| change.run(Pace::OneAtATime)>
                    "One question at a time"
                </button>
                <button type="button" on:click=move |_| change.run(Pace::WholeForm)>
                    "All questions on one page"
                </button>
            </div>
        </section>
    }
}

#[component]
fn ThankYou(back: Callback<()>) -> impl IntoView {
    view! {
        <section class="panel client-page">
            <h1>"Thank you"</h1>
            <p class="lead">"You have finished. Please hand the tablet back to your clinician."</p>
            <div class="client-nav">
                <button type="button" on:click=move |_| back.run(())>"Back"</button>
            </div>
        </section>
    }
}
