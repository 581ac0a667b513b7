//! Turning a parsed transcript into a session: which client it belongs to,
//! and what the accepted suggestions become (tags, timeline entries, homework).

use super::homework::Assignment;
use super::suggest::{HomeworkSuggestion, TagSuggestion};
use super::tags::TagKind;
use super::timeline::EntryKind;
use super::transcript::{Header, Item, Transcript};
use super::{Client, Clinician, Course, InputError, Session};
use chrono::NaiveTime;

/// The existing client a transcript names: same name, or the same first name
/// ("Alex" in the transcript, "Alex K." on the roster). Archived clients count.
pub fn match_client<'a>(clients: &'a [Client], header: &Header) -> Option<&'a Client> {
    let wanted = header.client_name.as_deref()?.trim().to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let first = |name: &str| name.split_whitespace().next().unwrap_or("").to_lowercase();
    clients
        .iter()
        .find(|c| c.name.to_lowercase() == wanted)
        .or_else(|| {
            clients
                .iter()
                .find(|c| first(&c.name) == wanted || first(&wanted) == c.name.to_lowercase())
        })
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
/// suggestions, and the transcript itself, kept whole.
pub fn fill_session(
    session: &mut Session,
    transcript: Transcript,
    accepted: &Accepted,
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
    session.transcript = Some(transcript);
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let s = suggest(&transcript);
        let accepted = Accepted {
            interventions: s.interventions,
            themes: s.themes,
            homework: s.homework,
        };
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut session = Session::next("s".into(), "c", &[], today, NoteFormat::Soap, 0);
        let mut n = 0;
        fill_session(&mut session, transcript, &accepted, || {
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
    fn rejected_suggestions_leave_no_trace() {
        let transcript = parse(SAMPLE).unwrap();
        let mut session = Session::default();
        fill_session(&mut session, transcript, &Accepted::default(), String::new);
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

    #[test]
    fn clients_are_matched_by_name_or_first_name() {
        let roster = [
            Client::new("1".into(), "Mira Okafor", 0).unwrap(),
            Client::new("2".into(), "alex", 0).unwrap(),
        ];
        let header = |name: &str| Header {
            client_name: Some(name.into()),
            ..Header::default()
        };
        assert_eq!(match_client(&roster, &header("Alex")).unwrap().id, "2");
        assert_eq!(match_client(&roster, &header("Mira")).unwrap().id, "1");
        assert_eq!(
            match_client(&roster, &header("mira okafor")).unwrap().id,
            "1"
        );
        assert!(match_client(&roster, &header("Sam")).is_none());
        assert!(match_client(&roster, &Header::default()).is_none());
    }
}
