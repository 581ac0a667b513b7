//! Storage contents for the browser benchmarks: N sessions over up to 40
//! clients, written by the app's own `Store` onto a `MemoryBackend`, printed
//! as one JSON object of localStorage key → value for a script to put into
//! the page.
//!
//! Usage: `cargo run --release --example bench_data -- 4000 > data.json`
//!
//! The text is the sample's: sentences of its notes and of the sample
//! transcript, tags from the built-in vocabulary, timeline entries, scores,
//! risk, plans and homework, so records compress as real ones would. Ids,
//! choices and text are drawn from a fixed seed: every run prints the same
//! records. Sizes go to stderr.
//!
//! Adding a session to a `Store` rewrites the whole index, so writing 4,000
//! through one store takes quadratic time. Each session is therefore saved
//! through a store of its own and its record copied over; opening the full
//! backend then takes them all into the index in one pass, as the app does
//! with records another tab wrote (`problems::complete_index`).

use chrono::{Days, NaiveDate, NaiveTime};
use sessionpad::model::homework::{Assignment, HomeworkKind};
use sessionpad::model::note::{NoteFormat, Section};
use sessionpad::model::ratings::{RiskLevel, Scale};
use sessionpad::model::sample::sample_data;
use sessionpad::model::tags::{INTERVENTIONS, THEMES, TagKind};
use sessionpad::model::timeline::EntryKind;
use sessionpad::model::{Choice, Client, Delivery, Session};
use sessionpad::storage::{Backend, MemoryBackend, QUOTA_UNITS, RecordRef, Store};
use std::collections::BTreeMap;

const TRANSCRIPT: &str = include_str!("../tests/fixtures/session-14-of-24.txt");
const MAX_CLIENTS: usize = 40;
const NAMES: [&str; 20] = [
    "Alex", "Sam", "Jordan", "Riley", "Morgan", "Casey", "Taylor", "Jamie", "Avery", "Quinn",
    "Rowan", "Charlie", "Dana", "Robin", "Emery", "Kai", "Noa", "Elliot", "Sasha", "Remy",
];
const OCCUPATIONS: [&str; 8] = [
    "Product Designer",
    "Nurse",
    "Teacher",
    "Student",
    "Accountant",
    "Chef",
    "Software Engineer",
    "Retired",
];
const MODALITIES: [&str; 5] = ["CBT", "ACT", "DBT", "Schema therapy", "Person-centred"];
const FORMATS: [NoteFormat; 8] = [
    NoteFormat::Soap,
    NoteFormat::Soap,
    NoteFormat::Soap,
    NoteFormat::Dap,
    NoteFormat::Birp,
    NoteFormat::Girp,
    NoteFormat::Free,
    NoteFormat::Soap,
];
/// 1 January 2026, in milliseconds since the epoch.
const NOW: i64 = 1_767_225_600_000;

/// SplitMix64: a fixed sequence, so the data are the same on every run.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// An id shaped like the app's (`uuid` v4, simple form).
    fn id(&mut self) -> String {
        format!("{:016x}{:016x}", self.next(), self.next())
    }
    /// `count` sentences of the pool, as one paragraph.
    fn text(&mut self, pool: &[String], count: usize) -> String {
        (0..count)
            .map(|_| self.pick(pool).as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Sentences of the sample's notes and of what is said in its transcript.
fn sentence_pool() -> Vec<String> {
    let sample = sample_data(String::new, NOW);
    let notes = sample
        .sessions
        .iter()
        .flat_map(|s| s.note.text(Section::Free).split(". ").map(str::to_string))
        .collect::<Vec<_>>();
    let said = TRANSCRIPT
        .lines()
        .filter_map(|line| line.split_once(": ").map(|(_, said)| said.trim()))
        .flat_map(|said| said.split(". "))
        .filter(|s| s.len() > 30)
        .map(str::to_string);
    let mut pool: Vec<String> = notes.into_iter().chain(said).collect();
    for s in &mut pool {
        if !s.ends_with(['.', '?', '!', '"']) {
            s.push('.');
        }
    }
    pool
}

fn client(draw: &mut Draw, n: usize, pool: &[String]) -> Client {
    let name = if n.is_multiple_of(3) {
        format!(
            "{}-{:02}",
            NAMES[n % NAMES.len()][..2].to_uppercase(),
            n + 1
        )
    } else {
        format!(
            "{} {}",
            NAMES[n % NAMES.len()],
            (b'A' + (n % 26) as u8) as char
        )
    };
    let mut client = Client::new(draw.id(), &name, NOW).expect("a valid name");
    client.occupation = draw.pick(&OCCUPATIONS).to_string();
    client.notes = draw.text(pool, 1);
    client.course.planned_sessions = 12 + draw.below(4) as u32 * 6;
    client.course.start_date =
        NaiveDate::from_ymd_opt(2023, 1, 2).map(|d| d + Days::new(draw.below(700) as u64));
    client.course.modality = draw.pick(&MODALITIES).to_string();
    client.course.goals = (0..3)
        .map(|_| draw.text(pool, 1))
        .collect::<Vec<_>>()
        .join("\n");
    client
}

fn session(draw: &mut Draw, client: &Client, last: Option<&Session>, pool: &[String]) -> Session {
    let start = client.course.start_date.unwrap_or_default();
    let week = last.map_or(0, |s| u64::from(s.number));
    let format = *draw.pick(&FORMATS);
    let earlier = last.map(std::slice::from_ref).unwrap_or_default();
    let mut s = Session::next(
        draw.id(),
        &client.id,
        earlier,
        start + Days::new(7 * week),
        format,
        NOW,
    );
    s.start = NaiveTime::from_hms_opt(9 + draw.below(8) as u32, 0, 0);
    s.end = s.start.map(|t| t + chrono::Duration::minutes(50));
    if draw.below(4) == 0 {
        s.delivery = Delivery::Telehealth;
    }
    for &section in format.sections() {
        let sentences = if format == NoteFormat::Free {
            8
        } else {
            2 + draw.below(3)
        };
        let text = draw.text(pool, sentences);
        s.note.set_text(section, text);
    }
    for kind in [TagKind::Intervention, TagKind::Theme] {
        let terms = if kind == TagKind::Intervention {
            INTERVENTIONS
        } else {
            THEMES
        };
        for _ in 0..1 + draw.below(3) {
            s.tags.add(kind, draw.pick(terms).name);
        }
    }
    for scale in Scale::ALL {
        let value = draw.below(usize::from(scale.max()) + 1) as u8;
        s.set_score(scale, Some(value), s.created_at)
            .expect("in range");
    }
    s.risk.level = *draw.pick(&[
        RiskLevel::None,
        RiskLevel::None,
        RiskLevel::Low,
        RiskLevel::Moderate,
    ]);
    if s.risk.level != RiskLevel::None {
        s.risk.note = draw.text(pool, 1);
    }
    let minute = |m: u32| s.start.map(|t| t + chrono::Duration::minutes(i64::from(m)));
    let times: Vec<_> = (0..2 + draw.below(3))
        .filter_map(|i| minute(5 + 10 * i as u32))
        .collect();
    for time in times {
        let kind = *draw.pick(EntryKind::ALL);
        let text = draw.text(pool, 1);
        s.timeline.add(time, &text, kind);
    }
    s.plan_for_next = draw.text(pool, 1);
    if draw.below(2) == 0 {
        let mut task = Assignment::new(draw.id(), draw.text(pool, 1));
        task.kind = *draw.pick(HomeworkKind::ALL);
        task.when = "Daily, after dinner".into();
        task.likelihood = Some(60 + draw.below(5) as u8 * 10);
        s.homework.add(task);
    }
    s
}

fn main() {
    let sessions: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("usage: bench_data <number of sessions>");
    let clients = sessions.clamp(1, MAX_CLIENTS);
    let pool = sentence_pool();
    let mut draw = Draw(0x5E55_10F0);

    // No quota while writing (checking it sums every record on each write);
    // what was written is held against Chromium's quota at the end.
    let backend = MemoryBackend::new();
    let (mut store, _) = Store::open(Box::new(backend.clone())).expect("an empty store opens");
    store
        .save_clinician(&sample_data(String::new, NOW).clinician)
        .expect("room for the clinician");
    let roster: Vec<Client> = (0..clients).map(|n| client(&mut draw, n, &pool)).collect();
    for c in &roster {
        store.save_client(c).expect("room for a client");
    }
    let mut last: Vec<Option<Session>> = vec![None; clients];
    let mut full = backend.clone();
    for i in 0..sessions {
        let c = i % clients;
        let s = session(&mut draw, &roster[c], last[c].as_ref(), &pool);
        let scratch = MemoryBackend::new();
        let (mut own, _) = Store::open(Box::new(scratch.clone())).expect("an empty store opens");
        own.save_session(&s).expect("a session saves");
        for key in scratch.keys().expect("memory lists its keys") {
            if matches!(RecordRef::from_key(&key), Some(RecordRef::Session(_))) {
                let value = scratch.raw(&key).expect("just written");
                full.set(&key, &value).expect("room for every session");
            }
        }
        last[c] = Some(s);
    }
    drop(store);
    let (store, problems) = Store::open(Box::new(backend.clone())).expect("the data opens");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.index().sessions.len(), sessions);
    assert_eq!(store.clients().0.len(), clients);

    let records: BTreeMap<String, String> = backend
        .keys()
        .expect("memory lists its keys")
        .into_iter()
        .map(|k| {
            let v = backend.raw(&k).expect("listed");
            (k, v)
        })
        .collect();
    let room = store.room().expect("memory is readable");
    assert!(room.notes <= QUOTA_UNITS, "{} units do not fit", room.notes);
    eprintln!(
        "bench_data: {sessions} sessions over {clients} clients, {} keys, {} of {QUOTA_UNITS} units, \
         {} units per session",
        records.len(),
        room.notes,
        room.session_units / sessions.max(1),
    );
    println!(
        "{}",
        serde_json::to_string(&records).expect("strings serialize")
    );
}
