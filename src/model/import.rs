//! Turning a parsed transcript into a session: which client it belongs to,
//! and what the accepted suggestions become (tags, timeline entries, homework).

use super::homework::{Assignment, AssignmentHistory, Obstacle, Review, due_for_review};
use super::suggest::{HomeworkSuggestion, ReviewSuggestion, Suggestions, TagSuggestion};
use super::tags::TagKind;
use super::timeline::EntryKind;
use super::transcript::{Header, Item, Transcript};
use super::{Choice, Client, Clinician, Course, InputError, Session, parse_name};
use chrono::NaiveTime;

/// The existing client a transcript surely names: the one active client
/// whose full name is the transcript's, ignoring case and spacing. A first
/// name alone, an archived client or two clients of that name are not sure
/// enough, and the clinician is asked instead: a note filed under the wrong
/// client is worse than a question.
pub fn match_client<'a>(clients: &'a [Client], header: &Header) -> Option<&'a Client> {
    // Names compare as the roster keeps them (spacing folded), ignoring case.
    let normal = |name: &str| parse_name(name).ok().map(|n| n.to_lowercase());
    let wanted = normal(header.client_name.as_deref()?)?;
    let mut same = clients
        .iter()
        .filter(|c| !c.archived && normal(&c.name).as_ref() == Some(&wanted));
    match (same.next(), same.next()) {
        (Some(client), None) => Some(client),
        _ => None,
    }
}

/// Where an imported session lands in the chosen client's course: its number
/// (the header's, else after the last session), the course length, and
/// whether that number is already taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportPlan {
    pub number: u32,
    pub planned: u32,
    pub clash: bool,
}

impl ImportPlan {
    /// `client` is `None` for a client created by the import; `earlier` are
    /// the chosen client's sessions.
    pub fn new(header: &Header, client: Option<&Client>, earlier: &[Session]) -> Self {
        let planned = client.map_or_else(
            || course_from(header).planned_sessions,
            |c| c.course.planned_sessions,
        );
        let number = header
            .session_number
            .unwrap_or_else(|| earlier.iter().map(|s| s.number).max().unwrap_or(0) + 1);
        Self {
            number,
            planned,
            clash: earlier.iter().any(|s| s.number == number),
        }
    }

    /// "Session 14 of 24", as the session will be titled.
    pub fn title(&self) -> String {
        format!("Session {} of {}", self.number, self.planned)
    }
}

/// The course of a client first met in a transcript: as long as the header
/// says ("Session 14/24"), otherwise the usual default.
fn course_from(header: &Header) -> Course {
    let default = Course::default();
    Course {
        planned_sessions: header
            .planned_sessions
            .filter(|&n| n >= 1)
            .unwrap_or(default.planned_sessions),
        ..default
    }
}

/// A client first met in a transcript, under the name the clinician confirmed.
pub fn new_client(id: String, name: &str, header: &Header, now: i64) -> Result<Client, InputError> {
    Ok(Client {
        occupation: header.client_occupation.clone().unwrap_or_default(),
        course: course_from(header),
        ..Client::new(id, name, now)?
    })
}

/// The clinician as the transcript names them, when this device does not
/// know them yet. A name already set is never replaced.
pub fn adopt_clinician(current: &Clinician, header: &Header) -> Option<Clinician> {
    if !current.name.trim().is_empty() {
        return None;
    }
    Some(Clinician {
        name: header.clinician_name.clone()?,
        credentials: header.clinician_credentials.clone().unwrap_or_default(),
        ..current.clone()
    })
}

/// What the clinician accepted from the suggestions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accepted {
    pub interventions: Vec<TagSuggestion>,
    pub themes: Vec<TagSuggestion>,
    pub homework: Vec<HomeworkSuggestion>,
    pub reviews: Vec<ReviewSuggestion>,
}

/// Everything suggested, accepted.
impl From<Suggestions> for Accepted {
    fn from(s: Suggestions) -> Self {
        Self {
            interventions: s.interventions,
            themes: s.themes,
            homework: s.homework,
            reviews: s.reviews,
        }
    }
}

/// The time mark of the segment where `phrase` is first said, for placing an
/// accepted suggestion on the timeline.
fn mark_of(transcript: &Transcript, phrase: &str) -> Option<NaiveTime> {
    let phrase = phrase.to_lowercase().replace('’', "'");
    transcript
        .segments
        .iter()
        .find(|segment| {
            segment.items.iter().any(|item| {
                let text = match item {
                    Item::Turn { text, .. } => text,
                    Item::Direction(text) => text,
                };
                text.to_lowercase().replace('’', "'").contains(&phrase)
            })
        })
        .and_then(|segment| segment.mark)
}

/// Fills `session` (already numbered and dated for its client) from the
/// transcript: the header's number, date and times where given, the accepted
/// suggestions, and the transcript itself, kept whole. `earlier` are the
/// client's other sessions, whose open homework the accepted reviews review.
pub fn fill_session(
    session: &mut Session,
    transcript: Transcript,
    accepted: &Accepted,
    earlier: &[Session],
    mut new_id: impl FnMut() -> String,
) {
    let header = &transcript.header;
    if let Some(number) = header.session_number {
        session.number = number;
    }
    if let Some(date) = header.date {
        session.date = date;
    }
    // An end before the start (a malformed mark) leaves both unset rather than wrong.
    let _ = session.set_times(header.start, transcript.end);
    let fallback = header.start.unwrap_or_default();
    for s in &accepted.interventions {
        session.tags.add(TagKind::Intervention, &s.tag);
        let at = mark_of(&transcript, &s.evidence).unwrap_or(fallback);
        session.timeline.add(
            at,
            &format!("{} — “{}”", s.tag, s.evidence),
            EntryKind::Intervention,
        );
    }
    for s in &accepted.themes {
        session.tags.add(TagKind::Theme, &s.tag);
    }
    for h in &accepted.homework {
        session
            .homework
            .add(Assignment::new(new_id(), h.task.clone()));
        session
            .timeline
            .add(h.mark.unwrap_or(fallback), &h.task, EntryKind::HomeworkIdea);
    }
    let records: Vec<_> = earlier.iter().map(Session::homework_record).collect();
    let due = due_for_review(&records, session.number);
    for r in &accepted.reviews {
        let open = due
            .iter()
            .filter(|h| h.is_open() && session.review(&h.assignment.id).is_none());
        match reviewed_assignment(&r.task, open) {
            Some(id) => *session.review_mut(&id) = review_of(id.clone(), r),
            None => {
                session
                    .timeline
                    .add(r.mark.unwrap_or(fallback), &review_note(r), EntryKind::Note);
            }
        }
    }
    session.transcript = Some(transcript);
}

/// The open assignment a review is about: the one sharing the most words
/// with the task as discussed ("the walks" and "Walk 20 minutes after
/// lunch"), the earliest on a tie. None if no word is shared.
fn reviewed_assignment<'a>(
    task: &str,
    open: impl Iterator<Item = &'a AssignmentHistory>,
) -> Option<String> {
    let wanted = stems(task);
    let mut best: Option<(usize, &AssignmentHistory)> = None;
    for h in open {
        let have = stems(&h.assignment.task);
        let shared = wanted.iter().filter(|w| have.contains(w)).count();
        if shared > 0 && best.is_none_or(|(n, _)| shared > n) {
            best = Some((shared, h));
        }
    }
    best.map(|(_, h)| h.assignment.id.clone())
}

/// Words that say what a task is, cut to a rough stem so "walks" meets
/// "walk" and "breathing" meets "breathe".
fn stems(text: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "the", "your", "you", "and", "for", "with", "after", "before", "each", "every", "that",
        "this", "try", "keep", "do", "did", "what", "when", "week", "day", "days",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !COMMON.contains(&w.as_str()))
        .map(|w| w.chars().take(4).collect())
        .collect()
}

fn review_of(assignment_id: String, r: &ReviewSuggestion) -> Review {
    let said = r.obstacle.as_deref().unwrap_or("");
    let lower = said.to_lowercase().replace('’', "'");
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let mut obstacles = Vec::new();
    for (obstacle, words) in [
        (Obstacle::Forgot, &["forgot", "forget"][..]),
        (Obstacle::NoTime, &["busy", "no time", "have time"]),
        (
            Obstacle::Avoidance,
            &["put it off", "putting it off", "avoid", "couldn't face"],
        ),
        (
            Obstacle::DidntUnderstand,
            &["didn't understand", "not sure how", "confus"],
        ),
        (
            Obstacle::NotImportant,
            &["pointless", "didn't see the point"],
        ),
    ] {
        if has(words) {
            obstacles.push(obstacle);
        }
    }
    let other = obstacles.is_empty() && !said.is_empty();
    if other {
        obstacles.push(Obstacle::Other);
    }
    Review {
        assignment_id,
        completion: r.completion,
        obstacles,
        obstacle_other: if other {
            said.to_string()
        } else {
            String::new()
        },
        ..Review::default()
    }
}

/// "Homework review: Evening walks — Partly, 5 days; in the way: “…”".
fn review_note(r: &ReviewSuggestion) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(c) = r.completion {
        parts.push(c.label().to_string());
    }
    if let Some(d) = r.days {
        parts.push(format!("{d} {}", if d == 1 { "day" } else { "days" }));
    }
    let mut note = format!("Homework review: {}", r.task);
    if !parts.is_empty() {
        note.push_str(&format!(" — {}", parts.join(", ")));
    }
    if let Some(o) = &r.obstacle {
        note.push_str(&format!("; in the way: “{o}”"));
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::homework::Completion;
    use crate::model::note::NoteFormat;
    use crate::model::suggest::suggest;
    use crate::model::transcript::parse;
    use chrono::NaiveDate;

    const SAMPLE: &str = include_str!("../../tests/fixtures/session-14-of-24.txt");

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn the_sample_becomes_session_14_of_24_with_everything_accepted() {
        let transcript = parse(SAMPLE).unwrap();
        let accepted = Accepted::from(suggest(&transcript));
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut session = Session::next("s".into(), "c", &[], today, NoteFormat::Soap, 0);
        let mut n = 0;
        fill_session(&mut session, transcript, &accepted, &[], || {
            n += 1;
            format!("a{n}")
        });
        assert_eq!(session.number, 14);
        assert_eq!(session.date, NaiveDate::from_ymd_opt(2025, 7, 31).unwrap());
        assert_eq!(
            (session.start, session.end),
            (Some(t(10, 0)), Some(t(10, 31)))
        );
        assert_eq!(session.duration_label().as_deref(), Some("31 min"));
        for tag in ["cognitive restructuring", "grounding exercise (5-4-3-2-1)"] {
            assert!(session.tags.interventions.iter().any(|x| x == tag), "{tag}");
        }
        assert!(session.tags.themes.iter().any(|x| x == "perfectionism"));
        let tasks: Vec<_> = session.homework.iter().map(|a| a.task.as_str()).collect();
        assert_eq!(
            tasks,
            [
                "Volunteer to lead a team meeting or present a new idea to my colleagues",
                "Reflect on any thoughts or feelings that come up when you try to lead or speak up"
            ]
        );
        assert_eq!(session.homework.iter().next().unwrap().id, "a1");
        // Interventions sit at the mark where they were used.
        let grounding = session
            .timeline
            .entries()
            .iter()
            .find(|e| e.text.starts_with("grounding exercise"))
            .unwrap();
        assert_eq!(grounding.time, t(10, 0));
        assert_eq!(grounding.kind, EntryKind::Intervention);
        let ideas = session
            .timeline
            .entries()
            .iter()
            .filter(|e| e.kind == EntryKind::HomeworkIdea)
            .count();
        assert_eq!(ideas, 2);
        assert!(session.transcript.is_some());
    }

    #[test]
    fn a_zoom_recording_becomes_a_timed_session_for_the_client_once_confirmed() {
        use crate::model::transcript::{Confirmed, read};
        let zoom = include_str!("../../tests/fixtures/telehealth-zoom.vtt");
        let reading = read(zoom, Some("Alex 2025-08-07 session 15.vtt")).unwrap();
        let me = reading.guess_me("Dr. Harper Torres");
        assert_eq!(me.as_deref(), Some("Harper Torres"));
        let transcript = reading.confirm(&Confirmed {
            me,
            start: Some(t(16, 0)),
            ..Confirmed::default()
        });
        let roster = [Client::new("c".into(), "Alex", 0).unwrap()];
        assert_eq!(
            match_client(&roster, &transcript.header).map(|c| c.id.as_str()),
            Some("c")
        );
        let plan = ImportPlan::new(&transcript.header, Some(&roster[0]), &sessions(&[1, 2]));
        assert_eq!(plan.title(), "Session 15 of 12");
        let suggestions = suggest(&transcript);
        let tags: Vec<&str> = suggestions
            .interventions
            .iter()
            .map(|s| s.tag.as_str())
            .collect();
        assert!(tags.contains(&"behavioural activation"), "{tags:?}");
        let mut session = Session::default();
        fill_session(
            &mut session,
            transcript,
            &Accepted::from(suggestions),
            &[],
            String::new,
        );
        assert_eq!(
            (session.number, session.date),
            (15, NaiveDate::from_ymd_opt(2025, 8, 7).unwrap())
        );
        assert_eq!(
            (session.start, session.end),
            (Some(t(16, 0)), Some(t(16, 50)))
        );
        assert_eq!(session.duration_label().as_deref(), Some("50 min"));
        // The agreed task is stamped at the minute of the recording it was said in.
        let homework: Vec<_> = session
            .timeline
            .entries()
            .iter()
            .filter(|e| e.kind == EntryKind::HomeworkIdea)
            .map(|e| e.time)
            .collect();
        assert!(homework.contains(&t(16, 41)), "{homework:?}");
        assert!(
            session
                .timeline
                .entries()
                .iter()
                .all(|e| (t(16, 0)..=t(16, 50)).contains(&e.time))
        );
    }

    #[test]
    fn rejected_suggestions_leave_no_trace() {
        let transcript = parse(SAMPLE).unwrap();
        let mut session = Session::default();
        fill_session(
            &mut session,
            transcript,
            &Accepted::default(),
            &[],
            String::new,
        );
        assert!(session.tags.interventions.is_empty());
        assert!(session.timeline.is_empty());
        assert!(session.homework.is_empty());
        assert_eq!(session.number, 14);
    }

    fn header(number: Option<u32>, planned: Option<u32>) -> Header {
        Header {
            session_number: number,
            planned_sessions: planned,
            client_name: Some("Alex".into()),
            client_occupation: Some("Product Designer".into()),
            clinician_name: Some("Dr. Harper Torres".into()),
            clinician_credentials: Some("Licensed Clinical Psychologist".into()),
            ..Header::default()
        }
    }

    fn sessions(numbers: &[u32]) -> Vec<Session> {
        numbers
            .iter()
            .map(|&number| Session {
                number,
                ..Session::default()
            })
            .collect()
    }

    #[test]
    fn a_new_client_takes_the_course_length_from_the_header_or_the_default() {
        let plan = ImportPlan::new(&header(Some(14), Some(24)), None, &[]);
        assert_eq!(plan.title(), "Session 14 of 24");
        assert!(!plan.clash);
        let plan = ImportPlan::new(&header(None, None), None, &[]);
        assert_eq!(
            (plan.number, plan.planned),
            (1, Course::default().planned_sessions)
        );
        let client = new_client("c".into(), " Alex ", &header(Some(3), Some(0)), 7).unwrap();
        assert_eq!(client.name, "Alex");
        assert_eq!(client.occupation, "Product Designer");
        assert_eq!(
            client.course.planned_sessions,
            Course::default().planned_sessions
        );
        assert_eq!(
            new_client("c".into(), "  ", &header(None, None), 7),
            Err(InputError::EmptyName)
        );
    }

    #[test]
    fn an_existing_client_keeps_its_course_and_numbers_after_its_last_session() {
        let mut client = Client::new("c".into(), "Alex", 0).unwrap();
        client.course.planned_sessions = 20;
        let earlier = sessions(&[1, 3, 2]);
        let plan = ImportPlan::new(&header(None, Some(24)), Some(&client), &earlier);
        assert_eq!(plan.title(), "Session 4 of 20");
        assert!(!plan.clash);
    }

    #[test]
    fn a_session_number_already_taken_is_a_clash() {
        let client = Client::new("c".into(), "Alex", 0).unwrap();
        let plan = ImportPlan::new(&header(Some(2), None), Some(&client), &sessions(&[1, 2]));
        assert!(plan.clash);
        let plan = ImportPlan::new(&header(Some(3), None), Some(&client), &sessions(&[1, 2]));
        assert!(!plan.clash);
    }

    #[test]
    fn the_clinician_is_adopted_from_the_transcript_only_when_unknown() {
        let unknown = Clinician::default();
        let adopted = adopt_clinician(&unknown, &header(None, None)).unwrap();
        assert_eq!(
            adopted.signature_line(),
            "Dr. Harper Torres, Licensed Clinical Psychologist"
        );
        assert_eq!(adopted.default_format, unknown.default_format);
        let known = Clinician {
            name: "Dr. Sam Lee".into(),
            ..Clinician::default()
        };
        assert_eq!(adopt_clinician(&known, &header(None, None)), None);
        assert_eq!(adopt_clinician(&unknown, &Header::default()), None);
    }

    const REVIEWS: &str = include_str!("../../tests/fixtures/homework-reviews.txt");

    /// Session 4 of the client in the reviews fixture, with its homework.
    fn session_4(tasks: &[(&str, &str)]) -> Session {
        let mut s = Session {
            id: "s4".into(),
            number: 4,
            ..Session::default()
        };
        for (id, task) in tasks {
            s.homework.add(Assignment::new(*id, *task));
        }
        s
    }

    fn import_with_reviews(earlier: &[Session]) -> Session {
        let transcript = parse(REVIEWS).unwrap();
        let accepted = Accepted {
            reviews: suggest(&transcript).reviews,
            ..Accepted::default()
        };
        let mut session = Session {
            id: "s5".into(),
            number: 5,
            ..Session::default()
        };
        fill_session(&mut session, transcript, &accepted, earlier, String::new);
        session
    }

    #[test]
    fn an_accepted_review_reviews_the_matching_open_assignment() {
        let earlier = [session_4(&[
            ("w", "Walk for twenty minutes every evening"),
            ("t", "Thought record when you feel criticised"),
        ])];
        let session = import_with_reviews(&earlier);
        let thought = session.review("t").unwrap();
        assert_eq!(thought.completion, Some(Completion::NotDone));
        assert_eq!(
            thought.obstacles,
            [Obstacle::Avoidance, Obstacle::NotImportant]
        );
        let walks = session.review("w").unwrap();
        assert_eq!(walks.completion, Some(Completion::Partly));
        assert_eq!(walks.obstacles, [Obstacle::Other]);
        assert_eq!(
            walks.obstacle_other,
            "I skipped the weekend because of the rain."
        );
        assert!(session.timeline.is_empty());
        // The homework history sees the reviews as made in session 5.
        let mut all = earlier.to_vec();
        all.push(session);
        let records: Vec<_> = all.iter().map(Session::homework_record).collect();
        let due = due_for_review(&records, 5);
        assert!(
            due.iter()
                .all(|h| h.reviews.len() == 1 && h.reviews[0].number == 5)
        );
    }

    #[test]
    fn a_review_matching_no_open_assignment_becomes_a_timeline_note() {
        let session = import_with_reviews(&[session_4(&[("t", "Keep a thought record")])]);
        assert_eq!(session.reviews.len(), 1);
        assert_eq!(session.reviews[0].assignment_id, "t");
        let notes: Vec<_> = session
            .timeline
            .entries()
            .iter()
            .map(|e| (e.time, e.text.as_str(), e.kind))
            .collect();
        assert_eq!(
            notes,
            [(
                t(11, 0),
                "Homework review: Evening walks — Partly, 5 days; in the way: \
                 “I skipped the weekend because of the rain.”",
                EntryKind::Note
            )]
        );
    }

    #[test]
    fn a_closed_assignment_is_not_reviewed_again() {
        let mut closing = session_4(&[]);
        closing.id = "s4b".into();
        closing.reviews.push(Review {
            completion: Some(Completion::Done),
            ..Review::new("t")
        });
        let mut first = session_4(&[("t", "Thought record when criticised")]);
        first.number = 3;
        let session = import_with_reviews(&[first, closing]);
        assert!(session.reviews.is_empty());
        assert_eq!(session.timeline.entries().len(), 2);
    }

    #[test]
    fn a_client_is_matched_only_by_the_full_name_of_one_active_client() {
        let mut archived = Client::new("3".into(), "Sam Lee", 0).unwrap();
        archived.archived = true;
        let roster = [
            Client::new("1".into(), "Mira Okafor", 0).unwrap(),
            Client::new("2".into(), "alex", 0).unwrap(),
            archived,
            Client::new("4".into(), "Jo Park", 0).unwrap(),
            Client::new("5".into(), "jo  park", 0).unwrap(),
        ];
        let header = |name: &str| Header {
            client_name: Some(name.into()),
            ..Header::default()
        };
        let matched = |name: &str| match_client(&roster, &header(name)).map(|c| c.id.as_str());
        assert_eq!(matched("Alex"), Some("2"));
        assert_eq!(matched("  mira   OKAFOR "), Some("1"));
        // A first name, an archived client or two of one name: ask.
        assert_eq!(matched("Mira"), None);
        assert_eq!(matched("Sam Lee"), None);
        assert_eq!(matched("Jo Park"), None);
        assert_eq!(matched("Sam"), None);
        assert!(match_client(&roster, &Header::default()).is_none());
    }
}
