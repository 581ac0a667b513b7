use super::{DeleteSession, MeasuresPanel, SnippetExpander};
use crate::components::InRecentlyDeleted;
use crate::components::{
    CapturePanel, ConflictNotice, Crumbs, ExportMarkdown, FieldError, HandToClient, HomeworkPanel,
    HomeworkReview, NoteEditor, PlanPanel, RatingsPanel, RecordOf, SessionHeader, SigningPanel,
    TagPicker, TranscriptPanel, or_missing,
};
use crate::layout::RecordRef;
use crate::model::measures::due_in;
use crate::model::snippets::last_session;
use crate::model::tags::TagKind;
use crate::model::{Client, Clinician, Session};
use crate::platform::now_ms;
use crate::route::Route;
use crate::state::{Deletable, Records, use_conflicts, use_navigation, use_records};
use leptos::prelude::*;
use std::fmt::Display;

/// The session open in the editor, shared by its panels. Every change is
/// queued for saving at once; a refused change keeps the old value and says why.
#[derive(Clone, Copy)]
pub struct EditedSession {
    pub session: RwSignal<Session>,
    pub error: RwSignal<Option<String>>,
    records: Records,
    /// The moment the panels are told of text typed meanwhile.
    tell_panels: StoredValue<Option<TimeoutHandle>>,
}

/// How long typing pauses before the panels reading the session are told.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// A field's `change` event also fires when the focused field is removed as
/// the page is left (by the Back button, say), after the editor's values are
/// disposed: then there is nothing left to change, and nothing is done.
impl EditedSession {
    pub fn change(&self, f: impl FnOnce(&mut Session)) {
        let changed = self.session.try_update(|s| {
            f(s);
            s.updated_at = now_ms();
            s.clone()
        });
        self.queue(changed);
    }

    /// Text typed into a field that already shows it (a note section, the
    /// capture line, a homework's task): the session takes it and queues it
    /// for saving, but the panels that read the session hear of it once the
    /// typing pauses, not on every key, so a long note types as quickly as a
    /// bare text box, and a one-line field redraws no other panel per key.
    pub fn type_into(&self, f: impl FnOnce(&mut Session)) {
        let changed = self.session.try_update_untracked(|s| {
            f(s);
            s.updated_at = now_ms();
            s.clone()
        });
        if changed.is_none() {
            return;
        }
        self.queue(changed);
        let session = self.session;
        if let Some(Some(waiting)) = self.tell_panels.try_update_value(Option::take) {
            waiting.clear();
        }
        let timer = set_timeout_with_handle(
            move || {
                session.try_update(|_| ());
            },
            TYPING_PAUSE,
        );
        self.tell_panels.try_set_value(timer.ok());
    }

    fn queue(&self, changed: Option<Session>) {
        let Some(session) = changed else { return };
        // Cleared only when set: every key would otherwise redraw the message.
        if self.error.with_untracked(Option::is_some) {
            self.error.set(None);
        }
        self.records.edit(session);
    }

    /// Applies a change that may be refused; returns whether it was applied.
    pub fn try_change<E: Display>(&self, f: impl FnOnce(&mut Session) -> Result<(), E>) -> bool {
        self.try_change_telling(self.error, f)
    }

    /// As [`Self::try_change`], telling a refusal in `error` (the one beside
    /// the field that was refused), which an applied change clears.
    pub fn try_change_telling<E: Display>(
        &self,
        error: RwSignal<Option<String>>,
        f: impl FnOnce(&mut Session) -> Result<(), E>,
    ) -> bool {
        let Some(mut updated) = self.session.try_get_untracked() else {
            return false;
        };
        match f(&mut updated) {
            Ok(()) => {
                self.change(|s| *s = updated);
                error.set(None);
                true
            }
            Err(e) => {
                error.set(Some(e.to_string()));
                false
            }
        }
    }
}

pub fn use_edited_session() -> EditedSession {
    expect_context::<EditedSession>()
}

/// Opens one session for writing, or says why it cannot.
#[component]
pub fn SessionEditor(id: String) -> impl IntoView {
    let records = use_records();
    if records.in_recently_deleted(&Deletable::Session(id.clone())) {
        return view! { <InRecentlyDeleted what="Session" /> }.into_any();
    }
    or_missing("Session", records.open_session(&id), |(session, client)| {
        // The rest of the course, for the homework due for review.
        let (earlier, _) = records.sessions_of(&client.id);
        let clinician = records.clinician().unwrap_or_default();
        view! { <SessionForm session client clinician earlier /> }.into_any()
    })
}

#[component]
fn SessionForm(
    session: Session,
    client: Client,
    clinician: Clinician,
    earlier: Vec<Session>,
) -> impl IntoView {
    let planned = client.course.planned_sessions;
    let number = session.number;
    let due = due_in(&client.course.measures, number, planned)
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    let edited = EditedSession {
        session: RwSignal::new(session),
        error: RwSignal::new(None),
        records: use_records(),
        tell_panels: StoredValue::new(None),
    };
    provide_context(edited);
    let session = edited.session;
    let id = session.with_untracked(|s| s.id.clone());
    let record = RecordRef::Session(id.clone());
    let signed = move || session.with(Session::is_signed);
    // What "Copy from last session" copies.
    let last = session.with_untracked(|s| last_session(s, &earlier).map(|l| l.note.clone()));
    // Opened from a search result: show the hit once the fields are there.
    if let Some(term) = use_navigation().take_find_on_open() {
        request_animation_frame(move || super::reveal::reveal(&term));
    }
    // Follows what another tab saved while nothing typed here waits to be written.
    let conflicts = use_conflicts();
    Effect::new(move |_| {
        if let Some(theirs) = conflicts.newer_stored(&record) {
            session.set(theirs);
        }
    });

    view! {
        // Kept to two lines on a tablet, so the note gets the screen: where it
        // belongs and what can be done with it, then which session, when and how.
        <header class="session-top">
            <div class="session-nav">
                <Crumbs trail=vec![(Route::Client(client.id.clone()), client.display_name())] />
                <div class="record-actions">
                    <a class="button-link" href=Route::SessionRecord(id.clone()).hash()>"Print"</a>
                    <ExportMarkdown of=RecordOf::Session(id.clone()) label="Export Markdown" />
                    <Show when=move || !signed()>
                        <HandToClient session=id.clone() given=Signal::derive(move || session.with(Session::measures_given)) />
                    </Show>
                    <DeleteSession client=client.clone() />
                </div>
            </div>
            <div class="session-title">
                <h1>{move || session.with(|s| s.title(planned))}</h1>
                {move || {
                    session
                        .with(|s| s.beyond_plan(planned))
                        .then(|| view! { <span class="badge">{format!("Beyond the planned {planned}")}</span> })
                }}
                // A signed note is read-only: every field below is disabled with it.
                <fieldset class="plain" disabled=signed>
                    <SessionHeader clinician=clinician.signature_line() />
                </fieldset>
            </div>
        </header>
        <FieldError message=edited.error />
        <ConflictNotice noun="session" value=session />
        <div class="editor-columns">
            <div class="editor-side">
                <fieldset class="plain" disabled=signed>
                    <CapturePanel />
                </fieldset>
                {session.with_untracked(|s| s.transcript.clone()).map(|transcript| view! { <TranscriptPanel transcript /> })}
            </div>
            // The signature closes the note's column, so the timeline beside it
            // stays in view down to the end of the page.
            <div class="editor-main">
                <fieldset class="plain" disabled=signed>
                    <HomeworkReview earlier />
                    <NoteEditor
                        goals=client.course.goal_list().map(String::from).collect()
                        plan=client.plan.clone()
                        last
                    />
                    <section class="panel" aria-label="Tags">
                        <h2>"Interventions and themes"</h2>
                        <TagPicker kind=TagKind::Intervention label="Interventions" />
                        <TagPicker kind=TagKind::Theme label="Themes" />
                    </section>
                    <RatingsPanel />
                    <MeasuresPanel due clinician=clinician.clone() />
                    <HomeworkPanel />
                    <PlanPanel />
                </fieldset>
                <SigningPanel signer=clinician.signature_line() />
            </div>
        </div>
        <SnippetExpander snippets=clinician.snippets />
    }
}
