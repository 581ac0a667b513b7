//! Finding words anywhere in the record: every note section, the agenda and
//! plan, risk notes, tags, homework and reviews, the timeline, the transcript
//! and the client's name. Case and accents are ignored; a quoted phrase
//! matches as written. Sessions are folded once into an index, so each
//! query only looks up text.

mod fold;

pub use fold::fold;

use super::clock::format_date;
use super::{Choice, Client, Session};
use chrono::NaiveDate;

/// What was typed in the search box: words, and "quoted phrases".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// `None` when there is nothing to look for.
    pub fn parse(input: &str) -> Option<Self> {
        let mut terms = Vec::new();
        for (i, part) in input.split('"').enumerate() {
            if i % 2 == 1 {
                // Inside quotes: the phrase as a whole.
                let phrase = fold(part.trim());
                if !phrase.is_empty() {
                    terms.push(phrase);
                }
            } else {
                terms.extend(part.split_whitespace().map(fold));
            }
        }
        (!terms.is_empty()).then_some(Self { terms })
    }

    /// The first word or phrase, folded: what an opened result shows first.
    pub fn first_term(&self) -> &str {
        &self.terms[0]
    }
}

/// One text of a session, kept as written and folded for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Field {
    place: String,
    text: String,
    folded: String,
}

/// A session ready to be searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indexed {
    pub session_id: String,
    pub client_id: String,
    /// "Session 3 of 12 · 12 Mar 2026", as the results list it.
    pub label: String,
    date: NaiveDate,
    tags: Vec<String>,
    risk_flagged: bool,
    signed: bool,
    fields: Vec<Field>,
}

/// What narrows the results besides the words: all unset lists everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub client_id: Option<String>,
    pub tag: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only sessions whose risk was moderate or high.
    pub risk_flagged: bool,
    /// Only signed notes (`Some(true)`) or only drafts (`Some(false)`).
    pub signed: Option<bool>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    fn admit(&self, s: &Indexed) -> bool {
        self.client_id.as_ref().is_none_or(|id| *id == s.client_id)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| s.tags.iter().any(|x| fold(x) == fold(t.trim())))
            && self.from.is_none_or(|from| s.date >= from)
            && self.to.is_none_or(|to| s.date <= to)
            && (!self.risk_flagged || s.risk_flagged)
            && self.signed.is_none_or(|signed| s.signed == signed)
    }
}

/// Where a hit is, and the words around it: `before`, the hit, `after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub place: String,
    pub before: String,
    pub hit: String,
    pub after: String,
}

/// A session that matches every term, with a snippet per place it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub session_id: String,
    pub client_id: String,
    pub label: String,
    pub snippets: Vec<Snippet>,
}

/// Snippets shown per session; the rest are summed up by the count.
const SNIPPETS_PER_SESSION: usize = 3;
const CONTEXT_CHARS: usize = 40;

pub fn index_session(session: &Session, client: &Client) -> Indexed {
    let mut fields = Vec::new();
    let mut add = |place: &str, text: &str| {
        if !text.trim().is_empty() {
            fields.push(Field {
                place: place.to_string(),
                text: text.to_string(),
                folded: fold(text),
            });
        }
    };
    add("Client", &client.name);
    for &section in session.note.format.sections() {
        add(section.label(), session.note.text(section));
    }
    add("Agenda", &session.agenda);
    add("Plan for next session", &session.plan_for_next);
    add("Risk notes", &session.risk.note);
    add("Interventions", &session.tags.interventions.join(", "));
    add("Themes", &session.tags.themes.join(", "));
    for a in session.homework.iter() {
        add(
            "Homework",
            &[a.task.as_str(), &a.why, &a.when, &a.obstacles].join(" · "),
        );
    }
    for r in &session.reviews {
        add(
            "Homework review",
            &[r.learned.as_str(), &r.obstacle_other].join(" · "),
        );
    }
    for e in session.timeline.entries() {
        add("Timeline", &e.text);
    }
    for a in &session.addenda {
        add("Addendum", &a.text);
    }
    if let Some(transcript) = &session.transcript {
        for (speaker, _, text) in transcript.turns() {
            add("Transcript", &format!("{speaker}: {text}"));
        }
    }
    Indexed {
        session_id: session.id.clone(),
        client_id: session.client_id.clone(),
        label: format!(
            "{} · {}",
            session.title(client.course.planned_sessions),
            format_date(session.date)
        ),
        date: session.date,
        tags: [&session.tags.interventions[..], &session.tags.themes[..]].concat(),
        risk_flagged: session.risk.level.is_flagged(),
        signed: session.is_signed(),
        fields,
    }
}

/// The sessions the filters admit that hold every term of the query
/// somewhere (with no query, every session the filters admit), in order.
pub fn search(index: &[Indexed], query: Option<&Query>, filters: &Filters) -> Vec<Found> {
    let no_terms = Query { terms: Vec::new() };
    let query = query.unwrap_or(&no_terms);
    index
        .iter()
        .filter(|s| filters.admit(s))
        .filter(|s| {
            query
                .terms
                .iter()
                .all(|t| s.fields.iter().any(|f| f.folded.contains(t.as_str())))
        })
        .map(|s| Found {
            session_id: s.session_id.clone(),
            client_id: s.client_id.clone(),
            label: s.label.clone(),
            snippets: s
                .fields
                .iter()
                .filter_map(|f| snippet(f, query))
                .take(SNIPPETS_PER_SESSION)
                .collect(),
        })
        .collect()
}

/// The words around the first term found in `field`. Folding keeps one
/// character for each, so a position in the folded text is one in the text.
fn snippet(field: &Field, query: &Query) -> Option<Snippet> {
    let (at, term) = query
        .terms
        .iter()
        .filter_map(|t| field.folded.find(t.as_str()).map(|at| (at, t)))
        .min_by_key(|(at, _)| *at)?;
    let start = field.folded[..at].chars().count();
    let len = term.chars().count();
    let chars: Vec<char> = field.text.chars().collect();
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (start + len + CONTEXT_CHARS).min(chars.len());
    let text = |range: std::ops::Range<usize>| chars[range].iter().collect::<String>();
    let mut before = text(from..start).replace('\n', " ");
    let mut after = text(start + len..to).replace('\n', " ");
    if from > 0 {
        before.insert(0, '…');
    }
    if to < chars.len() {
        after.push('…');
    }
    Some(Snippet {
        place: field.place.clone(),
        before,
        hit: text(start..start + len),
        after,
    })
}

#[cfg(test)]
mod tests;
