//! The clinical record as a document: a session, or a whole course, laid out
//! as headings, facts, the clinician's text and lists. One layout feeds both
//! the Markdown export and the print view, so a record reads the same on
//! paper and on disk.

mod markdown;

pub use markdown::{escape, to_markdown};

use super::clock::{format_date, format_moment, format_time, format_time_range};
use super::homework::{Assignment, HomeworkKind, Review};
use super::measures::{self, Measure, MeasureAnswers};
use super::ratings::Scale;
use super::{Choice, Client, Clinician, Session};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 1 starts a session (or the course); level 2 a part of it.
    Heading(u8, String),
    /// Label and value pairs: who, when, how.
    Facts(Vec<(&'static str, String)>),
    /// Text as the clinician wrote it, line breaks kept.
    Text(String),
    Items(Vec<String>),
    /// The line the clinician signs on paper.
    Signature(String),
    /// Each session of a course starts on a new page.
    PageBreak,
}

/// A completion given item by item: its summary as the heading, then every
/// item's answer and the subscales; `None` for a total kept on its own
/// (listed among the scores) or a measure not on this device.
fn item_answers(answers: &MeasureAnswers, own: &[Measure]) -> Option<(String, Vec<String>)> {
    let measure = measures::find(own, answers)?;
    let mut lines = measure.item_lines(answers);
    if lines.is_empty() {
        return None;
    }
    if let Ok(scored) = measure.score(answers) {
        lines.extend(measure.subscale_lines(&scored));
    }
    Some((measure.summary(answers), lines))
}

/// "10:00–10:50 (50 min)"; `None` without a start time.
pub fn time_and_length(session: &Session) -> Option<String> {
    let range = format_time_range(session.start, session.end)?;
    Some(match session.duration_label() {
        Some(length) => format!("{range} ({length})"),
        None => range,
    })
}

/// One session: its header, every section of the note, then what else the
/// session holds. `course` is every session of the client, so a review can
/// name the homework it reviews.
pub fn session_record(
    session: &Session,
    client: &Client,
    clinician: &Clinician,
    course: &[Session],
) -> Vec<Block> {
    let title = session.title(client.course.planned_sessions);
    let mut facts = vec![
        ("Client", client.display_name()),
        ("Date", format_date(session.date)),
    ];
    if let Some(time) = time_and_length(session) {
        facts.push(("Time", time));
    }
    facts.push(("Delivery", session.delivery.label().to_string()));
    let signature = clinician.signature_line();
    if !signature.is_empty() {
        facts.push(("Clinician", signature.clone()));
    }
    if let Some(next) = session.next_appointment {
        facts.push(("Next appointment", format_date(next)));
    }
    let mut blocks = vec![
        Block::Heading(1, format!("{title} — {}", client.name)),
        Block::Facts(facts),
    ];
    let mut part = |heading: &str, block: Block| {
        blocks.push(Block::Heading(2, heading.to_string()));
        blocks.push(block);
    };
    if !session.agenda.trim().is_empty() {
        part("Agenda", Block::Text(session.agenda.clone()));
    }
    for &section in session.note.format.sections() {
        part(
            section.label(),
            Block::Text(session.note.text(section).to_string()),
        );
    }
    for (section, text) in session.note.leftovers() {
        let heading = format!("{} (from the previous format)", section.label());
        part(&heading, Block::Text(text.to_string()));
    }
    let goals: Vec<String> = session
        .goals_addressed
        .iter()
        .filter_map(|&id| client.plan.goal(id))
        .map(|g| g.text.clone())
        .collect();
    if !goals.is_empty() {
        part("Goals addressed", Block::Items(goals));
    }
    if !session.plan_for_next.trim().is_empty() {
        part(
            "Plan for next session",
            Block::Text(session.plan_for_next.clone()),
        );
    }
    let tags = [
        ("Interventions", &session.tags.interventions),
        ("Themes", &session.tags.themes),
    ];
    let tags: Vec<String> = tags
        .iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(kind, list)| format!("{kind}: {}", list.join(", ")))
        .collect();
    if !tags.is_empty() {
        part("Tags", Block::Items(tags));
    }
    let scores: Vec<String> = Scale::ALL
        .iter()
        .filter_map(|&scale| {
            let score = session.score(scale)?;
            Some(format!("{}: {score} of {}", scale.name(), scale.max()))
        })
        .collect();
    if !scores.is_empty() {
        part("Scores", Block::Items(scores));
    }
    for answers in &session.measures {
        if let Some((heading, lines)) = item_answers(answers, &clinician.measures) {
            part(&heading, Block::Items(lines));
        }
    }
    let mut risk = format!("Risk: {}", session.risk.level.label());
    if !session.risk.note.trim().is_empty() {
        risk = format!("{risk}. {}", session.risk.note.trim());
    }
    part("Risk", Block::Text(risk));
    if !session.homework.is_empty() {
        part(
            "Homework agreed",
            Block::Items(session.homework.iter().map(assignment_line).collect()),
        );
    }
    if !session.reviews.is_empty() {
        let lines = session
            .reviews
            .iter()
            .map(|r| review_line(r, course))
            .collect();
        part("Homework reviewed", Block::Items(lines));
    }
    if !session.timeline.is_empty() {
        let lines = session
            .timeline
            .entries()
            .iter()
            .map(|e| format!("{} · {} · {}", format_time(e.time), e.kind.label(), e.text))
            .collect();
        part("Timeline", Block::Items(lines));
    }
    match &session.signature {
        None => blocks.push(Block::Signature(signature)),
        Some(signed) => {
            let check = match session.verify_signature() {
                Ok(covered) => covered.describe().to_string(),
                Err(problem) => problem.to_string(),
            };
            let facts = vec![
                ("Signed by", signed.signer.clone()),
                ("Signed", utc_moment(signed.at)),
                ("SHA-256", signed.hash.clone()),
                ("Check", check),
            ];
            blocks.push(Block::Heading(2, "Signature".into()));
            blocks.push(Block::Facts(facts));
            if !session.addenda.is_empty() {
                let addenda = session.addenda.iter().map(|a| {
                    format!(
                        "{} · {} · {}: {}",
                        a.kind.label(),
                        a.author,
                        utc_moment(a.at),
                        a.text
                    )
                });
                blocks.push(Block::Heading(2, "Addenda".into()));
                blocks.push(Block::Items(addenda.collect()));
            }
        }
    }
    blocks
}

/// "26 Nov 2026, 09:05 UTC": a record names moments in one time zone.
fn utc_moment(ms: i64) -> String {
    let at = chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default();
    format!("{} UTC", format_moment(at.naive_utc()))
}

/// The whole course: its facts, then every session, each on a new page.
/// `sessions` come in course order, as the store lists them.
pub fn course_record(client: &Client, clinician: &Clinician, sessions: &[Session]) -> Vec<Block> {
    let course = &client.course;
    let mut facts = vec![
        ("Client", client.display_name()),
        ("Planned sessions", course.planned_sessions.to_string()),
        ("Sessions held", sessions.len().to_string()),
    ];
    if let Some(start) = course.start_date {
        facts.push(("Course started", format_date(start)));
    }
    if !course.modality.trim().is_empty() {
        facts.push(("Approach", course.modality.trim().to_string()));
    }
    let signature = clinician.signature_line();
    if !signature.is_empty() {
        facts.push(("Clinician", signature));
    }
    let mut blocks = vec![
        Block::Heading(1, format!("Course of {}", client.name)),
        Block::Facts(facts),
    ];
    let goals: Vec<String> = course.goal_list().map(str::to_string).collect();
    if !goals.is_empty() {
        blocks.push(Block::Heading(2, "Goals".into()));
        blocks.push(Block::Items(goals));
    }
    if !client.plan.is_empty() {
        blocks.push(Block::Heading(2, "Treatment plan".into()));
        blocks.push(Block::Items(client.plan.outline(sessions)));
    }
    if !client.notes.trim().is_empty() {
        blocks.push(Block::Heading(2, "Notes".into()));
        blocks.push(Block::Text(client.notes.clone()));
    }
    for session in sessions {
        blocks.push(Block::PageBreak);
        blocks.extend(session_record(session, client, clinician, sessions));
    }
    blocks
}

/// "Thought record: notice the thought when mood drops · each evening · 8 of 10 likely".
fn assignment_line(a: &Assignment) -> String {
    let mut parts = vec![match a.kind {
        HomeworkKind::Other => a.task.trim().to_string(),
        kind => format!("{}: {}", kind.label(), a.task.trim()),
    }];
    for detail in [&a.when, &a.why, &a.obstacles] {
        if !detail.trim().is_empty() {
            parts.push(detail.trim().to_string());
        }
    }
    if let Some(likelihood) = a.likelihood {
        parts.push(format!("{likelihood} of 10 likely"));
    }
    parts.join(" · ")
}

/// "Thought record each evening: Partly · Forgot, No time · learned … · Continue".
fn review_line(review: &Review, course: &[Session]) -> String {
    let task = course
        .iter()
        .find_map(|s| s.homework.get(&review.assignment_id))
        .map_or_else(
            || "Earlier homework".to_string(),
            |a| a.task.trim().to_string(),
        );
    let mut parts = vec![format!(
        "{task}: {}",
        review.completion.map_or("Not reviewed", Choice::label)
    )];
    let mut obstacles: Vec<&str> = review.obstacles.iter().map(|o| o.label()).collect();
    if !review.obstacle_other.trim().is_empty() {
        obstacles.push(review.obstacle_other.trim());
    }
    if !obstacles.is_empty() {
        parts.push(format!("obstacles: {}", obstacles.join(", ")));
    }
    if !review.learned.trim().is_empty() {
        parts.push(format!("learned: {}", review.learned.trim()));
    }
    if let Some(decision) = review.decision {
        parts.push(decision.label().to_string());
    }
    parts.join(" · ")
}

/// A file name that names the record and nothing else. A downloads folder,
/// a shared drive or a mail attachment shows it to anyone, so the client is
/// named by a code ("ak-07-course.md") or by initials ("ar-session-3.md");
/// the full name ("alex-rivera-session-3.md") only when the clinician chose it.
pub fn file_name(client: &Client, what: &str, full_name: bool) -> String {
    let name = client.name.trim();
    let is_code = name.chars().any(|c| c.is_ascii_digit());
    let shown = if full_name || is_code {
        name.to_string()
    } else {
        name.split(|c: char| c.is_whitespace() || c == '-')
            .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
            .collect()
    };
    let mut slug = String::new();
    for c in shown.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "client" } else { slug };
    format!("{slug}-{what}.md")
}

#[cfg(test)]
mod tests;
