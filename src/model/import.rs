//! Turning a parsed transcript into a session: which client it belongs to,
//! and what the accepted suggestions become (tags, timeline entries, homework).

use super::homework::Assignment;
use super::suggest::{HomeworkSuggestion, TagSuggestion};
use super::tags::TagKind;
use super::timeline::EntryKind;
use super::transcript::{Header, Item, Transcript};
use super::{Client, Session};
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
