//! Progress-note formats (SOAP, DAP, BIRP, GIRP, free text).
//!
//! A note keeps one text per [`Section`] whatever format is chosen, so
//! changing format can never drop what the clinician wrote: sections both
//! formats share carry over, and the rest waits as leftovers until the
//! clinician switches back, moves them or clears them on purpose.

use super::choice::choice_enum;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::clock::format_time;
use super::order;
use super::timeline::{Entry, EntryKind};

/// Opening words of an agenda item carried over from the previous session.
pub const CARRY_PREFIX: &str = "From last session's plan: ";

/// Turns last session's "plan for next session" into this session's agenda
/// item; nothing planned yields an empty agenda item rather than a bare prefix.
pub fn agenda_from_plan(previous_plan_for_next: &str) -> String {
    let plan = previous_plan_for_next.trim();
    if plan.is_empty() {
        String::new()
    } else {
        format!("{CARRY_PREFIX}{plan}")
    }
}

choice_enum! {
    /// How the clinical note is structured.
    #[derive(PartialOrd, Ord, Default)]
    NoteFormat {
        #[default]
        Soap => "soap", "SOAP";
        Dap => "dap", "DAP";
        Birp => "birp", "BIRP";
        Girp => "girp", "GIRP";
        Free => "free", "Free text";
    }
}

impl NoteFormat {
    /// The format's sections in the order they are written up.
    pub fn sections(self) -> &'static [Section] {
        use Section::*;
        match self {
            NoteFormat::Soap => &[Subjective, Objective, Assessment, Plan],
            NoteFormat::Dap => &[Data, Assessment, Plan],
            NoteFormat::Birp => &[Behavior, Intervention, Response, Plan],
            NoteFormat::Girp => &[Goal, Intervention, Response, Plan],
            NoteFormat::Free => &[Free],
        }
    }

    pub fn has(self, section: Section) -> bool {
        self.sections().contains(&section)
    }
}

choice_enum! {
    /// A heading of a progress note. Saved as a lowercase key (e.g. "subjective")
    /// so JSON maps keyed by section stay readable and stable.
    #[derive(PartialOrd, Ord, Default)]
    Section {
        Subjective => "subjective", "Subjective";
        Objective => "objective", "Objective";
        Assessment => "assessment", "Assessment";
        Plan => "plan", "Plan";
        Data => "data", "Data";
        Behavior => "behavior", "Behavior";
        Intervention => "intervention", "Intervention";
        Response => "response", "Response";
        Goal => "goal", "Goal";
        #[default]
        Free => "free", "Notes";
    }
}

impl Section {
    /// Hint shown in an empty section: what belongs there.
    pub fn placeholder(self) -> &'static str {
        match self {
            Section::Subjective => {
                "Client's report in their words: concerns, quotes, homework outcome"
            }
            Section::Objective => "What you observed: presentation, affect, scores",
            Section::Assessment => "Your impression, progress toward goals, risk",
            Section::Plan => "Next steps, homework, next session",
            Section::Data => "What was reported, observed and done",
            Section::Behavior => "How the client presented",
            Section::Intervention => "Techniques you used, by name",
            Section::Response => "Engagement, change, SUDS",
            Section::Goal => "Treatment-plan goal addressed",
            Section::Free => "Session notes",
        }
    }
}

/// Where a timeline entry of `kind` belongs in a note written in `format`.
pub fn section_for(format: NoteFormat, kind: EntryKind) -> Section {
    use EntryKind as K;
    use NoteFormat as F;
    use Section as S;
    match (format, kind) {
        (F::Free, _) => S::Free,
        (_, K::HomeworkIdea) => S::Plan,
        (F::Soap, K::Quote | K::Note) => S::Subjective,
        (F::Soap, K::Intervention) => S::Objective,
        (F::Soap, K::Risk) => S::Assessment,
        (F::Dap, K::Quote | K::Note | K::Intervention) => S::Data,
        (F::Dap, K::Risk) => S::Assessment,
        (F::Birp, K::Quote | K::Note) => S::Behavior,
        (F::Birp | F::Girp, K::Intervention) => S::Intervention,
        (F::Birp | F::Girp, K::Risk) => S::Response,
        (F::Girp, K::Quote | K::Note) => S::Response,
    }
}

/// A session's progress note.
///
/// Invariant: `sections` never stores an empty string, so two notes with the
/// same visible content compare equal and saved records stay small.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    pub format: NoteFormat,
    sections: BTreeMap<Section, String>,
    /// Timeline entry ids already copied into the note by
    /// [`Note::draft_from_timeline`].
    drafted: BTreeSet<u32>,
}

impl Note {
    pub fn new(format: NoteFormat) -> Self {
        Self {
            format,
            ..Self::default()
        }
    }

    /// Changes format without touching any text; see [`Note::leftovers`].
    pub fn set_format(&mut self, format: NoteFormat) {
        self.format = format;
    }

    pub fn text(&self, section: Section) -> &str {
        self.sections.get(&section).map_or("", String::as_str)
    }

    /// Stores the text exactly as given (no trimming), for any section.
    pub fn set_text(&mut self, section: Section, text: String) {
        if text.is_empty() {
            self.sections.remove(&section);
        } else {
            self.sections.insert(section, text);
        }
    }

    /// Text written under a format the note is no longer in, in [`Section`]
    /// order. Whitespace-only text is not offered (there is nothing to read),
    /// but it is still kept and reappears when switching back.
    pub fn leftovers(&self) -> Vec<(Section, &str)> {
        self.sections
            .iter()
            .filter(|(s, t)| !self.format.has(**s) && !t.trim().is_empty())
            .map(|(s, t)| (*s, t.as_str()))
            .collect()
    }

    /// Moves a leftover into a section of the current format, below any text
    /// already there with one blank line between. Returns false, changing
    /// nothing, unless `from` is a leftover and `to` is in the current format.
    pub fn move_leftover(&mut self, from: Section, to: Section) -> bool {
        if self.format.has(from) || !self.format.has(to) || self.text(from).trim().is_empty() {
            return false;
        }
        let moved = self.sections.remove(&from).unwrap_or_default();
        let target = self.sections.entry(to).or_default();
        if !target.is_empty() {
            let trailing = target.len() - target.trim_end_matches('\n').len();
            for _ in trailing..2 {
                target.push('\n');
            }
        }
        target.push_str(&moved);
        true
    }

    /// Discards a leftover. Refused for sections of the current format so the
    /// visible text can only be deleted by editing it.
    pub fn clear_leftover(&mut self, from: Section) -> bool {
        if self.format.has(from) {
            return false;
        }
        self.sections.remove(&from).is_some()
    }

    /// True when nothing but whitespace has been written in any section.
    pub fn is_empty(&self) -> bool {
        self.sections.values().all(|t| t.trim().is_empty())
    }

    /// Whether a timeline entry has already been drafted into this note.
    pub fn is_drafted(&self, entry_id: u32) -> bool {
        self.drafted.contains(&entry_id)
    }

    /// Appends timeline entries to the sections where they belong in the
    /// current format (see [`section_for`]), one `[hh:mm] text` line each,
    /// and returns how many were added.
    ///
    /// Each entry is drafted at most once, tracked by id: pressing the button
    /// again only adds entries captured since. An entry edited after drafting
    /// (text, kind or time) is therefore not added again, because the
    /// clinician may already have reworded it in the note; likewise a line
    /// deleted from the note stays deleted.
    pub fn draft_from_timeline(&mut self, entries: &[Entry]) -> usize {
        let mut pending: Vec<&Entry> = entries
            .iter()
            .filter(|e| !self.drafted.contains(&e.id) && !e.text.trim().is_empty())
            .collect();
        // Same order as the timeline keeps, even if handed an unsorted slice.
        order::sort_by_key(&mut pending, |e| (e.time, e.id));

        let mut lines: BTreeMap<Section, Vec<String>> = BTreeMap::new();
        let mut added = 0;
        for entry in pending {
            if !self.drafted.insert(entry.id) {
                continue; // the same id twice in one slice
            }
            lines
                .entry(section_for(self.format, entry.kind))
                .or_default()
                .push(draft_line(entry));
            added += 1;
        }

        for (section, lines) in lines {
            let text = self.sections.entry(section).or_default();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&lines.join("\n"));
        }
        added
    }
}

fn draft_line(entry: &Entry) -> String {
    let text = entry.text.trim();
    let body = match entry.kind {
        // Strip quote marks the clinician typed so they are not doubled.
        EntryKind::Quote => format!("“{}”", text.trim_matches(|c| matches!(c, '"' | '“' | '”'))),
        EntryKind::Risk => format!("Risk: {text}"),
        EntryKind::HomeworkIdea => format!("Homework: {text}"),
        EntryKind::Note | EntryKind::Intervention => text.to_owned(),
    };
    format!("[{}] {body}", format_time(entry.time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;
    use crate::model::clock::parse_time;
    use crate::model::timeline::Timeline;
    use EntryKind as K;
    use NoteFormat as F;
    use Section as S;

    fn filled(format: NoteFormat) -> Note {
        let mut note = Note::new(format);
        for (i, s) in format.sections().iter().enumerate() {
            note.set_text(*s, format!("{} text {i}\n", s.label()));
        }
        note
    }

    #[test]
    fn format_labels_keys_and_sections() {
        let labels: Vec<_> = F::ALL.iter().map(|f| f.label()).collect();
        assert_eq!(labels, ["SOAP", "DAP", "BIRP", "GIRP", "Free text"]);
        let keys: Vec<_> = F::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys, ["soap", "dap", "birp", "girp", "free"]);
        for &f in F::ALL {
            assert_eq!(F::from_key(f.key()), Some(f));
        }
        assert_eq!(F::from_key("SOAP"), None);
        assert_eq!(F::default(), F::Soap);

        assert_eq!(
            F::Soap.sections(),
            [S::Subjective, S::Objective, S::Assessment, S::Plan]
        );
        assert_eq!(F::Dap.sections(), [S::Data, S::Assessment, S::Plan]);
        assert_eq!(
            F::Birp.sections(),
            [S::Behavior, S::Intervention, S::Response, S::Plan]
        );
        assert_eq!(
            F::Girp.sections(),
            [S::Goal, S::Intervention, S::Response, S::Plan]
        );
        assert_eq!(F::Free.sections(), [S::Free]);
    }

    #[test]
    fn section_labels_keys_and_placeholders() {
        let labels: Vec<_> = S::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels,
            [
                "Subjective",
                "Objective",
                "Assessment",
                "Plan",
                "Data",
                "Behavior",
                "Intervention",
                "Response",
                "Goal",
                "Notes"
            ]
        );
        for &s in S::ALL {
            assert_eq!(S::from_key(s.key()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.key())
            );
            assert!(!s.placeholder().is_empty());
        }
        assert_eq!(
            S::Subjective.placeholder(),
            "Client's report in their words: concerns, quotes, homework outcome"
        );
        assert_eq!(
            S::Intervention.placeholder(),
            "Techniques you used, by name"
        );
        assert_eq!(S::Free.placeholder(), "Session notes");
    }

    #[test]
    fn text_is_stored_exactly() {
        let mut note = Note::new(F::Soap);
        assert_eq!(note.text(S::Subjective), "");
        let raw = "  „Ich bin müde“ — 😔\r\n\n".to_string();
        note.set_text(S::Subjective, raw.clone());
        assert_eq!(note.text(S::Subjective), raw);
        note.set_text(S::Subjective, String::new());
        assert_eq!(note, Note::new(F::Soap), "clearing leaves no empty entry");
    }

    #[test]
    fn soap_dap_soap_restores_every_byte() {
        let mut note = Note::new(F::Soap);
        note.set_text(S::Subjective, "Sagt: „Ich bin nie gut genug.“\n".into());
        note.set_text(S::Objective, "Affekt: ängstlich; GAD-7 = 14\n\n".into());
        note.set_text(
            S::Assessment,
            "Perfektionismus ↑ — kein akutes Risiko".into(),
        );
        note.set_text(S::Plan, "Verhaltensexperiment 🙂\n".into());
        let original = note.clone();

        note.set_format(F::Dap);
        assert_eq!(
            note.text(S::Assessment),
            "Perfektionismus ↑ — kein akutes Risiko"
        );
        assert_eq!(note.text(S::Plan), "Verhaltensexperiment 🙂\n");
        assert_eq!(note.text(S::Data), "");
        assert_eq!(
            note.leftovers(),
            [
                (S::Subjective, "Sagt: „Ich bin nie gut genug.“\n"),
                (S::Objective, "Affekt: ängstlich; GAD-7 = 14\n\n"),
            ]
        );

        note.set_format(F::Soap);
        assert_eq!(note, original);
        assert!(note.leftovers().is_empty());
    }

    #[test]
    fn round_trip_through_every_format() {
        let mut note = filled(F::Soap);
        let original = note.clone();
        for f in [F::Birp, F::Girp, F::Dap, F::Free, F::Soap] {
            note.set_format(f);
        }
        assert_eq!(note, original);

        // Shared sections carry over and edits made there persist.
        note.set_format(F::Birp);
        assert_eq!(note.text(S::Plan), "Plan text 3\n");
        note.set_text(S::Intervention, "CBT: thought record".into());
        note.set_text(S::Response, "SUDS 70 → 40".into());
        note.set_format(F::Girp);
        assert_eq!(note.text(S::Intervention), "CBT: thought record");
        assert_eq!(note.text(S::Response), "SUDS 70 → 40");
        assert_eq!(
            note.leftovers(),
            [
                (S::Subjective, "Subjective text 0\n"),
                (S::Objective, "Objective text 1\n"),
                (S::Assessment, "Assessment text 2\n"),
            ]
        );
        note.set_format(F::Dap);
        assert_eq!(
            note.leftovers(),
            [
                (S::Subjective, "Subjective text 0\n"),
                (S::Objective, "Objective text 1\n"),
                (S::Intervention, "CBT: thought record"),
                (S::Response, "SUDS 70 → 40"),
            ]
        );
        note.set_format(F::Soap);
        for s in F::Soap.sections() {
            assert_eq!(note.text(*s), original.text(*s));
        }
        assert_eq!(
            note.leftovers(),
            [
                (S::Intervention, "CBT: thought record"),
                (S::Response, "SUDS 70 → 40"),
            ]
        );
    }

    #[test]
    fn whitespace_only_is_kept_but_not_offered() {
        let mut note = Note::new(F::Soap);
        note.set_text(S::Objective, " \n".into());
        note.set_format(F::Dap);
        assert!(note.leftovers().is_empty());
        assert!(note.is_empty());
        assert!(!note.move_leftover(S::Objective, S::Data));
        note.set_format(F::Soap);
        assert_eq!(note.text(S::Objective), " \n");
    }

    #[test]
    fn move_leftover_appends_with_blank_line() {
        let mut note = Note::new(F::Soap);
        note.set_text(S::Subjective, "Report".into());
        note.set_text(S::Objective, "Observed".into());
        note.set_format(F::Dap);

        // Into an empty section: moved verbatim.
        assert!(note.move_leftover(S::Subjective, S::Data));
        assert_eq!(note.text(S::Data), "Report");
        assert_eq!(note.text(S::Subjective), "");
        // Into a non-empty one: one blank line between.
        assert!(note.move_leftover(S::Objective, S::Data));
        assert_eq!(note.text(S::Data), "Report\n\nObserved");
        assert!(note.leftovers().is_empty());

        // Existing trailing newlines count towards the blank line.
        note.set_text(S::Plan, "Plan\n".into());
        note.set_text(S::Goal, "Goal A".into());
        assert!(note.move_leftover(S::Goal, S::Plan));
        assert_eq!(note.text(S::Plan), "Plan\n\nGoal A");
        note.set_text(S::Plan, "Plan\n\n\n".into());
        note.set_text(S::Goal, "Goal B\n".into());
        assert!(note.move_leftover(S::Goal, S::Plan));
        assert_eq!(note.text(S::Plan), "Plan\n\n\nGoal B\n");
    }

    #[test]
    fn move_leftover_refusals_change_nothing() {
        let mut note = filled(F::Soap);
        note.set_format(F::Dap);
        let before = note.clone();
        // `from` is part of the current format.
        assert!(!note.move_leftover(S::Plan, S::Data));
        // `to` is not part of the current format.
        assert!(!note.move_leftover(S::Subjective, S::Objective));
        assert!(!note.move_leftover(S::Subjective, S::Goal));
        // Nothing to move.
        assert!(!note.move_leftover(S::Goal, S::Data));
        assert_eq!(note, before);
    }

    #[test]
    fn clear_leftover() {
        let mut note = filled(F::Soap);
        note.set_format(F::Dap);
        assert!(!note.clear_leftover(S::Assessment), "visible section");
        assert!(!note.clear_leftover(S::Goal), "nothing there");
        assert!(note.clear_leftover(S::Subjective));
        assert_eq!(note.leftovers(), [(S::Objective, "Objective text 1\n")]);
        note.set_format(F::Soap);
        assert_eq!(note.text(S::Subjective), "");
        assert_eq!(note.text(S::Assessment), "Assessment text 2\n");
    }

    #[test]
    fn is_empty_ignores_whitespace() {
        let mut note = Note::new(F::Soap);
        assert!(note.is_empty());
        note.set_text(S::Plan, "  ".into());
        assert!(note.is_empty());
        note.set_text(S::Goal, "Ärger 😔".into());
        assert!(!note.is_empty());
    }

    fn entry(id: u32, time: &str, text: &str, kind: EntryKind) -> Entry {
        Entry {
            id,
            time: parse_time(time).unwrap().unwrap(),
            text: text.into(),
            kind,
        }
    }

    #[test]
    fn section_for_every_format_and_kind() {
        let expected = [
            (
                F::Soap,
                [
                    S::Subjective,
                    S::Subjective,
                    S::Objective,
                    S::Plan,
                    S::Assessment,
                ],
            ),
            (F::Dap, [S::Data, S::Data, S::Data, S::Plan, S::Assessment]),
            (
                F::Birp,
                [
                    S::Behavior,
                    S::Behavior,
                    S::Intervention,
                    S::Plan,
                    S::Response,
                ],
            ),
            (
                F::Girp,
                [
                    S::Response,
                    S::Response,
                    S::Intervention,
                    S::Plan,
                    S::Response,
                ],
            ),
            (F::Free, [S::Free; 5]),
        ];
        for (format, sections) in expected {
            for (kind, section) in K::ALL.iter().copied().zip(sections) {
                assert_eq!(section_for(format, kind), section, "{format:?} {kind:?}");
                assert!(format.has(section), "{format:?} {kind:?}");
            }
        }
    }

    fn one_of_each() -> Vec<Entry> {
        vec![
            entry(1, "9:00", "Slept badly all week", K::Note),
            entry(2, "9:05", "I'm never good enough", K::Quote),
            entry(3, "9:20", "cognitive restructuring", K::Intervention),
            entry(4, "9:40", "Passive thoughts, no plan", K::Risk),
            entry(5, "9:50", "Thought record daily", K::HomeworkIdea),
        ]
    }

    #[test]
    fn draft_lines_for_every_format() {
        let entries = one_of_each();
        let note_line = "[09:00] Slept badly all week";
        let quote_line = "[09:05] “I'm never good enough”";
        let interv_line = "[09:20] cognitive restructuring";
        let risk_line = "[09:40] Risk: Passive thoughts, no plan";
        let hw_line = "[09:50] Homework: Thought record daily";

        let mut soap = Note::new(F::Soap);
        assert_eq!(soap.draft_from_timeline(&entries), 5);
        assert_eq!(
            soap.text(S::Subjective),
            format!("{note_line}\n{quote_line}")
        );
        assert_eq!(soap.text(S::Objective), interv_line);
        assert_eq!(soap.text(S::Assessment), risk_line);
        assert_eq!(soap.text(S::Plan), hw_line);

        let mut dap = Note::new(F::Dap);
        assert_eq!(dap.draft_from_timeline(&entries), 5);
        assert_eq!(
            dap.text(S::Data),
            format!("{note_line}\n{quote_line}\n{interv_line}")
        );
        assert_eq!(dap.text(S::Assessment), risk_line);
        assert_eq!(dap.text(S::Plan), hw_line);

        let mut birp = Note::new(F::Birp);
        assert_eq!(birp.draft_from_timeline(&entries), 5);
        assert_eq!(birp.text(S::Behavior), format!("{note_line}\n{quote_line}"));
        assert_eq!(birp.text(S::Intervention), interv_line);
        assert_eq!(birp.text(S::Response), risk_line);
        assert_eq!(birp.text(S::Plan), hw_line);

        let mut girp = Note::new(F::Girp);
        assert_eq!(girp.draft_from_timeline(&entries), 5);
        assert_eq!(girp.text(S::Goal), "");
        assert_eq!(girp.text(S::Intervention), interv_line);
        assert_eq!(
            girp.text(S::Response),
            format!("{note_line}\n{quote_line}\n{risk_line}")
        );
        assert_eq!(girp.text(S::Plan), hw_line);

        let mut free = Note::new(F::Free);
        assert_eq!(free.draft_from_timeline(&entries), 5);
        assert_eq!(
            free.text(S::Free),
            [note_line, quote_line, interv_line, risk_line, hw_line].join("\n")
        );
    }

    #[test]
    fn draft_appends_below_existing_text() {
        let mut note = Note::new(F::Soap);
        note.set_text(S::Subjective, "Arrived late.".into());
        note.set_text(S::Plan, "Review in 2 weeks\n".into());
        let entries = [
            entry(1, "10:00", "tired", K::Note),
            entry(2, "10:30", "walk daily", K::HomeworkIdea),
        ];
        assert_eq!(note.draft_from_timeline(&entries), 2);
        assert_eq!(note.text(S::Subjective), "Arrived late.\n[10:00] tired");
        assert_eq!(
            note.text(S::Plan),
            "Review in 2 weeks\n[10:30] Homework: walk daily"
        );
    }

    #[test]
    fn draft_is_idempotent_and_adds_only_new_entries() {
        let mut tl = Timeline::new();
        let t = |s| parse_time(s).unwrap().unwrap();
        let a = tl.add(t("10:00"), "first", K::Note).unwrap();
        tl.add(t("10:05"), "said it", K::Quote);
        let mut note = Note::new(F::Soap);
        assert_eq!(note.draft_from_timeline(tl.entries()), 2);
        let once = note.clone();
        assert_eq!(note.draft_from_timeline(tl.entries()), 0);
        assert_eq!(note, once);
        assert!(note.is_drafted(a));

        // Edited after drafting: not added again.
        tl.set_text(a, "first, reworded");
        tl.set_kind(a, K::Risk);
        assert_eq!(note.draft_from_timeline(tl.entries()), 0);
        assert_eq!(note, once);

        // A new entry, even one timed earlier, is appended after what's there.
        tl.add(t("9:55"), "late addition", K::Note);
        tl.add(t("10:10"), "later", K::Note);
        assert_eq!(note.draft_from_timeline(tl.entries()), 2);
        assert_eq!(
            note.text(S::Subjective),
            "[10:00] first\n[10:05] “said it”\n[09:55] late addition\n[10:10] later"
        );
        assert_eq!(note.draft_from_timeline(tl.entries()), 0);
    }

    #[test]
    fn draft_sorts_by_time_and_skips_duplicate_ids() {
        let entries = [
            entry(2, "10:05", "b", K::Note),
            entry(1, "10:00", "a", K::Note),
            entry(3, "10:05", "c", K::Note),
            entry(1, "10:00", "a again", K::Note),
        ];
        let mut note = Note::new(F::Free);
        assert_eq!(note.draft_from_timeline(&entries), 3);
        assert_eq!(note.text(S::Free), "[10:00] a\n[10:05] b\n[10:05] c");
        assert_eq!(note.draft_from_timeline(&[]), 0);
    }

    #[test]
    fn quote_marks_are_not_doubled() {
        let mut note = Note::new(F::Soap);
        let entries = [
            entry(1, "10:00", "\"I can't\"", K::Quote),
            entry(2, "10:01", "“Nobody cares”", K::Quote),
        ];
        note.draft_from_timeline(&entries);
        assert_eq!(
            note.text(S::Subjective),
            "[10:00] “I can't”\n[10:01] “Nobody cares”"
        );
    }

    #[test]
    fn json_round_trip_with_section_keys() {
        let mut note = Note::new(F::Dap);
        note.set_text(S::Subjective, "„Müde“ 😔\n".into());
        note.set_text(S::Plan, "Plan\n\n".into());
        note.draft_from_timeline(&[entry(3, "9:00", "x", K::Note)]);
        let json = serde_json::to_string(&note).unwrap();
        assert_eq!(
            json,
            r#"{"format":"dap","sections":{"subjective":"„Müde“ 😔\n","plan":"Plan\n\n","data":"[09:00] x"},"drafted":[3]}"#
        );
        let back: Note = serde_json::from_str(&json).unwrap();
        assert_eq!(back, note);
        assert_eq!(back.text(S::Subjective), "„Müde“ 😔\n");
        assert!(back.is_drafted(3));
    }

    #[test]
    fn older_records_still_decode() {
        let note: Note = serde_json::from_str(r#"{"format":"birp"}"#).unwrap();
        assert_eq!(note, Note::new(F::Birp));
        let note: Note = serde_json::from_str("{}").unwrap();
        assert_eq!(note, Note::new(F::Soap));
        let note: Note =
            serde_json::from_str(r#"{"sections":{"goal":"Reduce avoidance"}}"#).unwrap();
        assert_eq!(note.text(S::Goal), "Reduce avoidance");
        assert!(serde_json::from_str::<Note>(r#"{"sections":{"Goal":"x"}}"#).is_err());
    }

    #[test]
    fn carry_forward() {
        assert_eq!(agenda_from_plan(""), "");
        assert_eq!(agenda_from_plan(" \n\t "), "");
        assert_eq!(
            agenda_from_plan("  Review thought record\n"),
            "From last session's plan: Review thought record"
        );
        assert_eq!(CARRY_PREFIX, "From last session's plan: ");
    }
}
