//! Line assembly: each classified line becomes a header field, a time mark,
//! a stage direction or part of a speaker turn.

use super::header::parse_header_line;
use super::lines::{clean, direction, is_end_marker, speaker_line, strip_emphasis};
use super::roles::assign_roles;
use super::time::{adjust_meridiem, leading_time_mark, whole_time};
use super::{Header, Item, Role, Segment, Transcript, TranscriptError};
use chrono::NaiveTime;

struct OpenTurn {
    speaker: String,
    text: String,
    /// A blank line was seen since the last text line: the next line starts
    /// a new paragraph.
    gap: bool,
}

pub(super) struct Builder {
    header: Header,
    segments: Vec<Segment>,
    /// Parallel to `segments`: whether the mark could be a 12-hour time
    /// written without AM/PM (fixed up once the start time is known).
    ambiguous: Vec<bool>,
    open: Option<OpenTurn>,
    last_speaker: Option<String>,
    /// Still before the first time mark or turn, where header lines live.
    in_header: bool,
    last_mark: Option<(NaiveTime, bool)>,
    end_mark: Option<(NaiveTime, bool)>,
    ended: bool,
}

impl Builder {
    pub(super) fn new() -> Self {
        Builder {
            header: Header::default(),
            segments: vec![Segment {
                mark: None,
                items: Vec::new(),
            }],
            ambiguous: vec![false],
            open: None,
            last_speaker: None,
            in_header: true,
            last_mark: None,
            end_mark: None,
            ended: false,
        }
    }

    pub(super) fn line(&mut self, raw: &str) {
        let mut t = clean(raw);
        // Loops only when a time mark shares its line with more content,
        // e.g. "[10:00] Alex: Hi"; each pass consumes at least the mark.
        loop {
            if t.is_empty() {
                self.blank();
                return;
            }
            let bare = strip_emphasis(t);
            if is_end_marker(bare) {
                self.close_turn();
                if !self.ended {
                    self.ended = true;
                    self.end_mark = self.last_mark;
                }
                return;
            }
            if let Some((time, amb, rest)) = leading_time_mark(t) {
                self.mark(time, amb);
                t = clean(rest);
                if t.is_empty() {
                    return;
                }
                continue;
            }
            if let Some(d) = direction(bare) {
                self.close_turn();
                if !d.is_empty() {
                    self.push(Item::Direction(d.to_string()));
                }
                return;
            }
            if let Some((time, amb)) = whole_time(bare) {
                if self.in_header && self.header.start.is_none() {
                    self.header.start = Some(time);
                } else {
                    self.mark(time, amb);
                }
                return;
            }
            if self.in_header && parse_header_line(t, &mut self.header) {
                return;
            }
            if let Some((speaker, rest)) = speaker_line(t) {
                self.close_turn();
                self.in_header = false;
                self.last_speaker = Some(speaker.to_string());
                self.open = Some(OpenTurn {
                    speaker: speaker.to_string(),
                    text: String::new(),
                    gap: false,
                });
                self.append(rest);
                return;
            }
            if self.open.is_none() {
                if self.in_header {
                    // Titles and preamble before the session starts.
                    return;
                }
                // A speakerless paragraph after a direction or mark is the
                // previous speaker carrying on.
                self.open = Some(OpenTurn {
                    speaker: self.last_speaker.clone().unwrap_or_default(),
                    text: String::new(),
                    gap: false,
                });
            }
            self.append(t);
            return;
        }
    }

    fn mark(&mut self, time: NaiveTime, ambiguous: bool) {
        self.close_turn();
        self.in_header = false;
        self.segments.push(Segment {
            mark: Some(time),
            items: Vec::new(),
        });
        self.ambiguous.push(ambiguous);
        self.last_mark = Some((time, ambiguous));
    }

    fn blank(&mut self) {
        if let Some(o) = &mut self.open
            && !o.text.is_empty()
        {
            o.gap = true;
        }
    }

    fn append(&mut self, line: &str) {
        let line = clean(line);
        if line.is_empty() {
            return;
        }
        if let Some(o) = &mut self.open {
            if !o.text.is_empty() {
                o.text.push_str(if o.gap { "\n\n" } else { "\n" });
            }
            o.gap = false;
            o.text.push_str(line);
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(seg) = self.segments.last_mut() {
            seg.items.push(item);
        }
    }

    fn close_turn(&mut self) {
        if let Some(o) = self.open.take() {
            self.push(Item::Turn {
                speaker: o.speaker,
                role: Role::Unknown,
                text: o.text,
            });
        }
    }

    pub(super) fn finish(mut self) -> Result<Transcript, TranscriptError> {
        self.close_turn();
        let start = self.header.start;
        for (seg, &amb) in self.segments.iter_mut().zip(&self.ambiguous) {
            if let Some(m) = seg.mark {
                seg.mark = Some(adjust_meridiem(m, amb, start));
            }
        }
        let mark = if self.ended {
            self.end_mark
        } else {
            self.last_mark
        };
        let end = mark.map(|(m, amb)| adjust_meridiem(m, amb, start));

        if self.segments.len() > 1 && self.segments[0].items.is_empty() {
            self.segments.remove(0);
        }

        if assign_roles(&mut self.segments, &self.header) == 0 {
            return Err(TranscriptError::NotATranscript);
        }
        Ok(Transcript {
            header: self.header,
            segments: self.segments,
            end,
            ended: self.ended,
        })
    }
}
