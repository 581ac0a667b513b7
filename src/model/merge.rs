//! Two versions of one record, told apart text by text, so that when two tabs
//! changed the same record the clinician can merge the words by hand.

use super::note::Section;
use super::{Choice, Client, InputError, Session};

/// A text of a record that can be merged by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Note(Section),
    Agenda,
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
        fields.push(TextField::PlanForNext);
        fields
    }

    fn text(&self, field: TextField) -> String {
        match field {
            TextField::Note(section) => self.note.text(section).to_string(),
            TextField::Agenda => self.agenda.clone(),
            TextField::PlanForNext => self.plan_for_next.clone(),
            _ => String::new(),
        }
    }

    fn set_text(&mut self, field: TextField, text: String) -> Result<(), InputError> {
        match field {
            TextField::Note(section) => self.note.set_text(section, text),
            TextField::Agenda => self.agenda = text,
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
