//! Quota used by one session whose note holds the sample transcript: the
//! session's key plus its stored value, in UTF-16 code units as browsers
//! count them. 4,000 such sessions fit in Chromium's 5,241,856 units when
//! this stays at or below 1,310.

use sessionpad::model::note::{Note, NoteFormat, Section};
use sessionpad::model::{Client, Session};
use sessionpad::storage::{MemoryBackend, Store, session_key};

const SAMPLE: &str = include_str!("../tests/fixtures/session-14-of-24.txt");

fn main() {
    let backend = MemoryBackend::new();
    let (mut store, _) = Store::open(Box::new(backend.clone())).expect("an empty store opens");
    let client =
        Client::new("3f2a9c0e5b7d4e8f9a1b2c3d4e5f6a7b".into(), "Alex", 0).expect("a valid name");
    store.save_client(&client).expect("room for a client");
    let mut note = Note::new(NoteFormat::Free);
    note.set_text(Section::Free, SAMPLE.to_string());
    let session = Session {
        id: "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f".into(),
        client_id: client.id.clone(),
        number: 14,
        note,
        ..Session::default()
    };
    store.save_session(&session).expect("room for a session");
    let key = session_key(&session.id);
    let value = backend.raw(&key).expect("the session was written");
    let units = key.encode_utf16().count() + value.encode_utf16().count();
    println!("bench: chars_per_sample_session {units}");
}
