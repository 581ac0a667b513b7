//! Snippets: text a clinician keeps under a short name and types as
//! `;name` then Space in any note field; and copying a section forward from
//! the last session.

use super::input::InputError;
use super::note::{Note, Section};
use super::session::Session;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub name: String,
    pub text: String,
}

/// A new snippet's name: one word of letters, digits, `-` or `_`, kept in
/// lower case, not already taken.
pub fn parse_snippet_name(input: &str, taken: &[Snippet]) -> Result<String, InputError> {
    let name = input.trim().trim_start_matches(';').to_lowercase();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return Err(InputError::SnippetName);
    }
    if taken.iter().any(|s| s.name == name) {
        return Err(InputError::SnippetTaken(name));
    }
    Ok(name)
}

/// The snippet named by the `;name` that ends `before_caret`, and how many
/// UTF-16 code units (as the browser counts a selection) that `;name`
/// spans. The `;` must start the text or follow white space, so a
/// semicolon inside a sentence stays one.
pub fn expansion<'a>(before_caret: &str, snippets: &'a [Snippet]) -> Option<(usize, &'a str)> {
    let start = before_caret.rfind(';')?;
    let name = &before_caret[start + 1..];
    let starts_word = before_caret[..start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    if !starts_word || name.is_empty() {
        return None;
    }
    let snippet = snippets
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(name) || s.name == name.to_lowercase())?;
    Some((name.encode_utf16().count() + 1, snippet.text.as_str()))
}

/// The session before `session` in its course: the highest-numbered one below it.
pub fn last_session<'a>(session: &Session, course: &'a [Session]) -> Option<&'a Session> {
    course
        .iter()
        .filter(|s| s.id != session.id && s.number < session.number)
        .max_by_key(|s| s.number)
}

/// Puts `from`'s text of `section` into `note`: in place of nothing, or
/// after what is there, so nothing typed is lost. Returns false when
/// `from` has nothing under that section.
pub fn copy_forward(note: &mut Note, from: &Note, section: Section) -> bool {
    let copied = from.text(section).trim_end();
    if copied.is_empty() {
        return false;
    }
    let here = note.text(section).trim_end();
    let text = if here.is_empty() {
        copied.to_string()
    } else {
        format!("{here}\n\n{copied}")
    };
    note.set_text(section, text);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::note::NoteFormat;

    fn snippets() -> Vec<Snippet> {
        vec![
            Snippet {
                name: "safety".into(),
                text: "Safety plan reviewed; no change in risk.".into(),
            },
            Snippet {
                name: "hw".into(),
                text: "Homework reviewed.".into(),
            },
        ]
    }

    #[test]
    fn a_semicolon_name_at_the_caret_expands_to_its_snippet() {
        let s = snippets();
        assert_eq!(
            expansion("Risk: ;safety", &s),
            Some((7, "Safety plan reviewed; no change in risk."))
        );
        assert_eq!(expansion(";hw", &s), Some((3, "Homework reviewed.")));
        assert_eq!(
            expansion("line one\n;HW", &s),
            Some((3, "Homework reviewed."))
        );
    }

    #[test]
    fn a_semicolon_inside_a_sentence_or_an_unknown_name_expands_nothing() {
        let s = snippets();
        assert_eq!(expansion("calm;hw", &s), None);
        assert_eq!(expansion("Risk: ;unknown", &s), None);
        assert_eq!(expansion("Risk: ;", &s), None);
        assert_eq!(expansion("no semicolon", &s), None);
        assert_eq!(expansion(";safety plan", &s), None);
    }

    #[test]
    fn the_span_to_replace_is_counted_in_utf16_units() {
        let s = vec![Snippet {
            name: "café".into(),
            text: "x".into(),
        }];
        assert_eq!(expansion("😀 ;café", &s), Some((5, "x")));
    }

    #[test]
    fn a_snippet_name_is_one_free_word_in_lower_case() {
        let taken = snippets();
        assert_eq!(parse_snippet_name(" ;Sleep ", &taken), Ok("sleep".into()));
        assert_eq!(parse_snippet_name("sleep-2", &taken), Ok("sleep-2".into()));
        assert_eq!(
            parse_snippet_name("two words", &taken),
            Err(InputError::SnippetName)
        );
        assert_eq!(parse_snippet_name("", &taken), Err(InputError::SnippetName));
        assert_eq!(
            parse_snippet_name("HW", &taken),
            Err(InputError::SnippetTaken("hw".into()))
        );
    }

    fn session(id: &str, number: u32, plan: &str) -> Session {
        let mut s = Session {
            id: id.into(),
            number,
            ..Session::default()
        };
        s.note.set_format(NoteFormat::Soap);
        s.note.set_text(Section::Plan, plan.into());
        s
    }

    #[test]
    fn the_last_session_is_the_highest_numbered_one_before_this() {
        let course = vec![
            session("a", 1, "one"),
            session("c", 3, "three"),
            session("b", 2, "two"),
        ];
        assert_eq!(last_session(&course[1], &course).map(|s| s.number), Some(2));
        assert_eq!(last_session(&course[0], &course), None);
    }

    #[test]
    fn copying_forward_fills_an_empty_section_and_appends_to_a_written_one() {
        let last = session("a", 1, "Continue thought records.\n");
        let mut note = Note::new(NoteFormat::Soap);
        assert!(copy_forward(&mut note, &last.note, Section::Plan));
        assert_eq!(note.text(Section::Plan), "Continue thought records.");
        note.set_text(Section::Plan, "Add sleep diary.".into());
        assert!(copy_forward(&mut note, &last.note, Section::Plan));
        assert_eq!(
            note.text(Section::Plan),
            "Add sleep diary.\n\nContinue thought records."
        );
        assert!(!copy_forward(&mut note, &last.note, Section::Subjective));
    }
}
