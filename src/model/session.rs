use super::InputError;
use super::choice::{Choice, choice_enum};
use super::clock::{format_date, format_duration};
use super::homework::{HomeworkList, Review, SessionHomework};
use super::measures::MeasureAnswers;
use super::note::{Note, NoteFormat, agenda_from_plan};
use super::ratings::{Ratings, Risk};
use super::record::time_and_length;
use super::signing::{Addendum, Signature};
use super::tags::Tags;
use super::timeline::Timeline;
use super::transcript::Transcript;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

choice_enum! {
    /// How the session was held: in the room or over video or phone.
    #[derive(Default)]
    Delivery {
        #[default]
        InPerson => "in-person", "In person";
        Telehealth => "telehealth", "Telehealth";
    }
}

mod measures;

/// One session of a client's course.
///
/// Read through [`Session::read_stored`], which moves GAD-7 and PHQ-9 totals
/// kept before item-level answers into [`Session::measures`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, remote = "Self")]
pub struct Session {
    pub id: String,
    pub client_id: String,
    /// 1-based position in the course; may exceed the planned count.
    pub number: u32,
    pub date: NaiveDate,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    /// Stored under its earlier name, so existing records read unchanged.
    #[serde(rename = "modality")]
    pub delivery: Delivery,
    /// What was raised on the fly, time-stamped: the raw material of the note.
    pub timeline: Timeline,
    /// The clinical note in the chosen format.
    pub note: Note,
    pub tags: Tags,
    pub ratings: Ratings,
    /// Each measure given in this session, at most once each: item by item,
    /// or as a total only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureAnswers>,
    pub risk: Risk,
    /// What to work on next time; it becomes the next session's agenda.
    pub plan_for_next: String,
    pub next_appointment: Option<NaiveDate>,
    pub agenda: String,
    /// Homework agreed in this session.
    pub homework: HomeworkList,
    /// Reviews, made in this session, of homework agreed earlier. Kept here,
    /// not in the assigning session, so history is never rewritten.
    pub reviews: Vec<Review>,
    /// Treatment-plan goals this session worked on (see `treatment_plan`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals_addressed: Vec<u32>,
    /// Set once the note is signed; from then on it changes only by addenda.
    pub signature: Option<Signature>,
    pub addenda: Vec<Addendum>,
    /// The transcript this session was imported from, kept whole.
    pub transcript: Option<Transcript>,
    /// The capture line typed but not yet entered, kept so a reload keeps it.
    pub draft: String,
    /// Milliseconds since the Unix epoch.
    pub created_at: i64,
    pub updated_at: i64,
    /// Bumped by the store on every write; records from before revisions read as 0.
    pub rev: u64,
    /// Which saves this version holds: for each device that saved it (under
    /// the id it had then), the revision of its last save. A version holds
    /// another's words when its entries reach all of the other's; see
    /// `storage::lineage`. Empty before the store wrote it, or from before
    /// this was kept.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub saves: std::collections::BTreeMap<String, u64>,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            id: String::new(),
            client_id: String::new(),
            number: 1,
            date: NaiveDate::default(),
            start: None,
            end: None,
            delivery: Delivery::default(),
            timeline: Timeline::default(),
            note: Note::default(),
            tags: Tags::default(),
            ratings: Ratings::default(),
            measures: Vec::new(),
            risk: Risk::default(),
            plan_for_next: String::new(),
            next_appointment: None,
            agenda: String::new(),
            homework: HomeworkList::default(),
            reviews: Vec::new(),
            goals_addressed: Vec::new(),
            transcript: None,
            signature: None,
            addenda: Vec::new(),
            draft: String::new(),
            created_at: 0,
            updated_at: 0,
            rev: 0,
            saves: std::collections::BTreeMap::new(),
        }
    }
}

impl Session {
    /// The next session of a client: numbered after the highest one so far,
    /// with its agenda taken from that session's plan for next time.
    pub fn next(
        id: String,
        client_id: &str,
        earlier: &[Session],
        date: NaiveDate,
        format: NoteFormat,
        now: i64,
    ) -> Self {
        let last = earlier.iter().max_by_key(|s| s.number);
        Self {
            id,
            client_id: client_id.to_string(),
            number: last.map_or(0, |s| s.number) + 1,
            date,
            delivery: last.map_or_else(Delivery::default, |s| s.delivery),
            note: Note::new(format),
            agenda: last.map_or_else(String::new, |s| agenda_from_plan(&s.plan_for_next)),
            created_at: now,
            updated_at: now,
            ..Self::default()
        }
    }

    /// "Session 14 of 24".
    pub fn title(&self, planned: u32) -> String {
        format!("Session {} of {}", self.number, planned)
    }

    /// Sessions past the planned count are allowed and shown as such.
    pub fn beyond_plan(&self, planned: u32) -> bool {
        self.number > planned
    }

    /// Sets both times together so an end before the start is never stored.
    pub fn set_times(
        &mut self,
        start: Option<NaiveTime>,
        end: Option<NaiveTime>,
    ) -> Result<(), InputError> {
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            return Err(InputError::EndBeforeStart);
        }
        self.start = start;
        self.end = end;
        Ok(())
    }

    /// This session's part in the course's homework history.
    pub fn homework_record(&self) -> SessionHomework<'_> {
        SessionHomework {
            session_id: &self.id,
            number: self.number,
            assigned: &self.homework.items,
            reviews: &self.reviews,
        }
    }

    /// The review of an assignment made in this session, started if needed.
    pub fn review_mut(&mut self, assignment_id: &str) -> &mut Review {
        let at = match self
            .reviews
            .iter()
            .position(|r| r.assignment_id == assignment_id)
        {
            Some(at) => at,
            None => {
                self.reviews.push(Review::new(assignment_id));
                self.reviews.len() - 1
            }
        };
        &mut self.reviews[at]
    }

    pub fn review(&self, assignment_id: &str) -> Option<&Review> {
        self.reviews
            .iter()
            .find(|r| r.assignment_id == assignment_id)
    }

    pub fn duration_minutes(&self) -> Option<i64> {
        Some((self.end? - self.start?).num_minutes())
    }

    /// "31 min", "1 h 15 min".
    pub fn duration_label(&self) -> Option<String> {
        self.duration_minutes().map(format_duration)
    }

    /// The header folded to one line: "31 Jul 2025 · 10:00–10:50 (50 min) · In person".
    pub fn header_line(&self) -> String {
        let mut parts = vec![format_date(self.date)];
        parts.extend(time_and_length(self));
        parts.push(self.delivery.label().to_string());
        parts.join(" · ")
    }

    /// Until both times are set the header has something to fill in, so the
    /// editor opens with its fields showing rather than folded away.
    pub fn header_to_fill(&self) -> bool {
        self.start.is_none() || self.end.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 7, 31).unwrap()
    }

    fn numbered(numbers: impl IntoIterator<Item = u32>) -> Vec<Session> {
        numbers
            .into_iter()
            .map(|number| Session {
                number,
                ..Session::default()
            })
            .collect()
    }

    #[test]
    fn a_new_session_is_numbered_after_the_highest_existing_one() {
        let first = Session::next("s1".into(), "c1", &[], day(), NoteFormat::Dap, 7);
        assert_eq!(first.number, 1);
        assert_eq!(first.created_at, 7);
        assert_eq!(first.note.format, NoteFormat::Dap);
        assert_eq!(first.agenda, "");
        let earlier = numbered([3, 1, 13, 2]);
        let s = Session::next("s2".into(), "c1", &earlier, day(), NoteFormat::Soap, 7);
        assert_eq!(s.number, 14);
        assert_eq!(s.title(24), "Session 14 of 24");
        assert!(!s.beyond_plan(24));
    }

    #[test]
    fn the_last_sessions_plan_becomes_the_next_agenda() {
        let mut earlier = numbered([1, 3, 2]);
        earlier[0].plan_for_next = "Old plan".into();
        earlier[1].plan_for_next = "  Continue confidence-building; review the meeting.\n".into();
        earlier[1].delivery = Delivery::Telehealth;
        let s = Session::next("s4".into(), "c1", &earlier, day(), NoteFormat::Soap, 0);
        assert_eq!(
            s.agenda,
            "From last session's plan: Continue confidence-building; review the meeting."
        );
        assert_eq!(s.delivery, Delivery::Telehealth);
        // No plan written last time: nothing to carry.
        earlier[1].plan_for_next.clear();
        let s = Session::next("s4".into(), "c1", &earlier, day(), NoteFormat::Soap, 0);
        assert_eq!(s.agenda, "");
    }

    #[test]
    fn going_past_the_plan_is_allowed_and_shown() {
        let s = Session::next(
            "s".into(),
            "c1",
            &numbered(1..=24),
            day(),
            NoteFormat::Soap,
            0,
        );
        assert_eq!(s.title(24), "Session 25 of 24");
        assert!(s.beyond_plan(24));
    }

    #[test]
    fn duration_is_derived_from_start_and_end() {
        let mut s = Session::default();
        assert_eq!(s.duration_label(), None);
        s.set_times(Some(t(10, 0)), Some(t(10, 31))).unwrap();
        assert_eq!(s.duration_minutes(), Some(31));
        assert_eq!(s.duration_label().as_deref(), Some("31 min"));
        s.set_times(Some(t(9, 0)), Some(t(10, 15))).unwrap();
        assert_eq!(s.duration_label().as_deref(), Some("1 h 15 min"));
        s.set_times(Some(t(9, 0)), Some(t(11, 0))).unwrap();
        assert_eq!(s.duration_label().as_deref(), Some("2 h"));
    }

    #[test]
    fn the_folded_header_says_when_and_how_and_opens_until_both_times_are_set() {
        let mut s = Session {
            date: day(),
            ..Session::default()
        };
        assert_eq!(s.header_line(), "31 Jul 2025 · In person");
        assert!(s.header_to_fill());
        s.set_times(Some(t(10, 0)), None).unwrap();
        assert_eq!(s.header_line(), "31 Jul 2025 · 10:00 · In person");
        assert!(s.header_to_fill());
        s.set_times(Some(t(10, 0)), Some(t(10, 50))).unwrap();
        s.delivery = Delivery::Telehealth;
        assert_eq!(
            s.header_line(),
            "31 Jul 2025 · 10:00–10:50 (50 min) · Telehealth"
        );
        assert!(!s.header_to_fill());
    }

    #[test]
    fn an_end_before_the_start_is_refused_and_the_old_times_kept() {
        let mut s = Session::default();
        s.set_times(Some(t(10, 0)), Some(t(10, 50))).unwrap();
        assert_eq!(
            s.set_times(Some(t(10, 0)), Some(t(9, 59))),
            Err(InputError::EndBeforeStart)
        );
        assert_eq!((s.start, s.end), (Some(t(10, 0)), Some(t(10, 50))));
    }

    #[test]
    fn reviews_are_recorded_once_per_assignment_in_the_reviewing_session() {
        use crate::model::homework::{Completion, Decision};
        let mut s = Session::default();
        assert!(s.review("a1").is_none());
        s.review_mut("a1").completion = Some(Completion::Partly);
        s.review_mut("a1").decision = Some(Decision::CarryOver);
        s.review_mut("a2").completion = Some(Completion::Done);
        assert_eq!(s.reviews.len(), 2);
        let r = s.review("a1").unwrap();
        assert_eq!(
            (r.completion, r.decision),
            (Some(Completion::Partly), Some(Decision::CarryOver))
        );
        assert_eq!(s.homework_record().reviews.len(), 2);
    }

    #[test]
    fn delivery_is_stored_under_its_earlier_name_and_key() {
        crate::model::choice::tests::keys_round_trip::<Delivery>();
        let s = Session {
            delivery: Delivery::Telehealth,
            ..Session::default()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"modality\":\"telehealth\""), "{json}");
        assert_eq!(Delivery::from_key("phone"), None);
    }
}
