//! Two versions of one record, told apart text by text, so that when two tabs
//! changed the same record the clinician can merge the words by hand.

use super::note::Section;
use super::{Choice, Client, InputError, Session};

/// A text of a record that can be merged by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Note(Section),
    Agenda,
    RiskNote,
    PlanForNext,
    Name,
    Occupation,
    About,
    Goals,
    Modality,
}

impl TextField {
    pub fn label(self) -> &'static str {
        match self {
            Self::Note(section) => section.label(),
            Self::Agenda => "Agenda",
            Self::RiskNote => "Risk notes",
            Self::PlanForNext => "Plan for next session",
            Self::Name => "Name or code",
            Self::Occupation => "Occupation",
            Self::About => "About the client",
            Self::Goals => "Treatment goals",
            Self::Modality => "Therapy modality",
        }
    }
}

/// A text two versions of a record disagree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub field: TextField,
    pub mine: String,
    pub theirs: String,
}

/// A record whose texts can be compared and merged.
pub trait Merge {
    /// Every text of this kind of record, in the order the screen shows them.
    fn text_fields() -> Vec<TextField>;
    fn text(&self, field: TextField) -> String;
    /// Puts merged text in; refused as a typed field would be (an empty name).
    fn set_text(&mut self, field: TextField, text: String) -> Result<(), InputError>;

    /// Takes in what only `theirs` added beside the texts, so keeping the
    /// merged version drops nothing the other version had and this one
    /// lacks. Where both changed the same thing, this version's stays.
    fn take_additions(&mut self, _theirs: &Self) {}

    /// The texts where `self` and `theirs` differ; other fields are not offered.
    fn differences(&self, theirs: &Self) -> Vec<Difference> {
        Self::text_fields()
            .into_iter()
            .map(|field| Difference {
                field,
                mine: self.text(field),
                theirs: theirs.text(field),
            })
            .filter(|d| d.mine != d.theirs)
            .collect()
    }
}

impl Merge for Session {
    fn text_fields() -> Vec<TextField> {
        let mut fields = vec![TextField::Agenda];
        fields.extend(Section::ALL.iter().map(|&s| TextField::Note(s)));
        fields.push(TextField::RiskNote);
        fields.push(TextField::PlanForNext);
        fields
    }

    /// Timeline entries captured, homework agreed, measures given, scores,
    /// tags and plan goals that only the other version has. Entries are
    /// told apart by what they say: each tab numbers its own.
    fn take_additions(&mut self, theirs: &Self) {
        for entry in theirs.timeline.entries() {
            let held = self.timeline.entries().iter().any(|e| {
                (e.time, e.text.as_str(), e.kind) == (entry.time, entry.text.as_str(), entry.kind)
            });
            if !held {
                self.timeline.add(entry.time, &entry.text, entry.kind);
            }
        }
        for assignment in &theirs.homework.items {
            if self.homework.get(&assignment.id).is_none() {
                self.homework.add(assignment.clone());
            }
        }
        for answers in &theirs.measures {
            if self.measure_answers(&answers.measure).is_none() {
                self.record_measure(answers.clone());
            }
        }
        let ratings = &mut self.ratings;
        ratings.anxiety = ratings.anxiety.or(theirs.ratings.anxiety);
        ratings.mood = ratings.mood.or(theirs.ratings.mood);
        let tags = [
            (&mut self.tags.interventions, &theirs.tags.interventions),
            (&mut self.tags.themes, &theirs.tags.themes),
        ];
        for (mine, theirs) in tags {
            for tag in theirs {
                if !mine.contains(tag) {
                    mine.push(tag.clone());
                }
            }
        }
        for goal in &theirs.goals_addressed {
            if !self.goals_addressed.contains(goal) {
                self.goals_addressed.push(*goal);
            }
        }
    }

    fn text(&self, field: TextField) -> String {
        match field {
            TextField::Note(section) => self.note.text(section).to_string(),
            TextField::Agenda => self.agenda.clone(),
            TextField::RiskNote => self.risk.note.clone(),
            TextField::PlanForNext => self.plan_for_next.clone(),
            _ => String::new(),
        }
    }

    fn set_text(&mut self, field: TextField, text: String) -> Result<(), InputError> {
        match field {
            TextField::Note(section) => self.note.set_text(section, text),
            TextField::Agenda => self.agenda = text,
            TextField::RiskNote => self.risk.note = text,
            TextField::PlanForNext => self.plan_for_next = text,
            _ => {}
        }
        Ok(())
    }
}

impl Merge for Client {
    fn text_fields() -> Vec<TextField> {
        vec![
            TextField::Name,
            TextField::Occupation,
            TextField::Modality,
            TextField::Goals,
            TextField::About,
        ]
    }

    fn text(&self, field: TextField) -> String {
        match field {
            TextField::Name => self.name.clone(),
            TextField::Occupation => self.occupation.clone(),
            TextField::Modality => self.course.modality.clone(),
            TextField::Goals => self.course.goals.clone(),
            TextField::About => self.notes.clone(),
            _ => String::new(),
        }
    }

    fn set_text(&mut self, field: TextField, text: String) -> Result<(), InputError> {
        match field {
            TextField::Name => return self.rename(&text),
            TextField::Occupation => self.occupation = text,
            TextField::Modality => self.course.modality = text,
            TextField::Goals => self.course.goals = text,
            TextField::About => self.notes = text,
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::note::NoteFormat;

    fn session(note: &str) -> Session {
        let mut s = Session {
            note: crate::model::note::Note::new(NoteFormat::Free),
            ..Session::default()
        };
        s.note.set_text(Section::Free, note.into());
        s
    }

    #[test]
    fn only_the_texts_that_differ_are_offered_for_merging() {
        let mut mine = session("Slept better.");
        mine.agenda = "Sleep".into();
        let mut theirs = session("Slept better. Fewer nightmares.");
        theirs.agenda = "Sleep".into();
        assert_eq!(
            mine.differences(&theirs),
            vec![Difference {
                field: TextField::Note(Section::Free),
                mine: "Slept better.".into(),
                theirs: "Slept better. Fewer nightmares.".into(),
            }]
        );
        assert_eq!(mine.differences(&mine.clone()), vec![]);
    }

    #[test]
    fn risk_notes_that_differ_are_offered_for_merging() {
        let mine = session("Same.");
        let mut theirs = session("Same.");
        theirs.risk.note = "Passive ideation; safety plan made.".into();
        let offered: Vec<_> = mine.differences(&theirs).iter().map(|d| d.field).collect();
        assert_eq!(offered, [TextField::RiskNote]);
    }

    #[test]
    fn what_only_the_other_version_added_is_kept_and_this_versions_changes_stay() {
        use crate::model::homework::Assignment;
        use crate::model::timeline::EntryKind;
        let at = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let mut base = session("Base.");
        base.timeline
            .add(at(10, 0), "Arrived late", EntryKind::Note);
        let (mut mine, mut theirs) = (base.clone(), base);
        // Each tab numbers its own new entry the same.
        mine.timeline.add(at(10, 5), "Slept badly", EntryKind::Note);
        theirs.timeline.add(
            at(10, 7),
            "Says she has stockpiled tablets",
            EntryKind::Risk,
        );
        theirs
            .homework
            .add(Assignment::new("h1", "Walk after lunch"));
        theirs.ratings.anxiety = Some(7);
        mine.ratings.mood = Some(3);
        theirs.ratings.mood = Some(5);
        theirs.tags.themes.push("sleep".into());
        theirs.goals_addressed.push(2);

        mine.take_additions(&theirs);
        let texts: Vec<_> = mine
            .timeline
            .entries()
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Arrived late",
                "Slept badly",
                "Says she has stockpiled tablets"
            ]
        );
        assert_eq!(mine.homework.items.len(), 1);
        assert_eq!(
            (mine.ratings.anxiety, mine.ratings.mood),
            (Some(7), Some(3))
        );
        assert_eq!(mine.tags.themes, ["sleep"]);
        assert_eq!(mine.goals_addressed, [2]);
        // Taken twice, nothing doubles.
        mine.take_additions(&theirs);
        assert_eq!(mine.timeline.len(), 3);
    }

    #[test]
    fn merged_text_goes_into_the_field_it_came_from() {
        let mut mine = session("Mine.");
        mine.set_text(TextField::Note(Section::Free), "Mine. Theirs.".into())
            .unwrap();
        assert_eq!(mine.note.text(Section::Free), "Mine. Theirs.");
        let mut client = Client::new("c1".into(), "Alex", 0).unwrap();
        client
            .set_text(TextField::Goals, "Sleep\nWork".into())
            .unwrap();
        assert_eq!(client.course.goals, "Sleep\nWork");
        assert!(client.set_text(TextField::Name, "  ".into()).is_err());
        assert_eq!(client.name, "Alex");
    }
}
