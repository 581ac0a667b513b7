//! Suggestions for the session note: intervention and theme tags from the
//! app's vocabulary and the clinician's own tags, homework the client agreed
//! to or was given, how last session's homework went, and possible risk.
//!
//! Everything is phrase based and deliberately conservative: the clinician
//! confirms each suggestion, so a miss costs a click while a wrong
//! suggestion costs trust. Themes come from what the client says, the one
//! most of their talk concerns first; interventions from what the clinician
//! does, by the techniques they name and by how they talk (reflections,
//! questions, information: [`behaviour`]); a denied mention ("I don't drink")
//! or an idiom ("good enough") suggests nothing on its own. Possible risk is
//! the exception: it errs towards showing.

mod behaviour;
mod cues;
mod evidence;
mod frames;
mod homework;
mod matching;
mod negation;
mod phrases;
mod profile;
mod repeats;
mod review;
mod risk;
pub mod score;
mod summary;
mod task_list;
mod task_text;
mod text;
mod topic;

use super::homework::Completion;
use super::tags::{INTERVENTIONS, RISKS, THEMES, Tags};
use super::transcript::{Item, Role, Transcript};
use super::wording::capitalised;
use chrono::NaiveTime;
pub use evidence::own_tags;
use evidence::{intervention_weight, theme_weight};
use frames::{frame_asked_before, frame_follows};
use homework::{client_tasks, clinician_task, is_step_question, next_step};
use matching::{Heard, Together, sentences};
use phrases::{Matcher, Vocabulary};
use profile::{JUDGED, Profile, changing_a_habit};
use review::Reviews;
use serde::{Deserialize, Serialize};
use summary::{planned_task, recap_tasks};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagSuggestion {
    pub tag: String,
    /// The phrase that triggered the tag, as written.
    pub evidence: String,
    /// For an approach seen in how the clinician talked rather than named:
    /// what was counted, and example sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub talk: Option<Talk>,
}

/// How the clinician talked, as evidence of an approach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Talk {
    /// "14 reflections, 9 open questions, 3 summaries".
    pub counts: String,
    /// Two of the clinician's sentences that show it, as written.
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HomeworkSource {
    Clinician,
    Client,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeworkSuggestion {
    pub task: String,
    pub source: HomeworkSource,
    pub mark: Option<NaiveTime>,
    /// The sentence the task was taken from, as written.
    pub quote: String,
}

/// Last session's homework as the conversation reviewed it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewSuggestion {
    /// The task as the clinician named it when asking about it.
    pub task: String,
    /// Only when the client's words support a guess.
    pub completion: Option<Completion>,
    /// On how many days the client did it, if they said.
    pub days: Option<u8>,
    /// The client's sentence about what got in the way, as written.
    pub obstacle: Option<String>,
    pub mark: Option<NaiveTime>,
    /// The clinician's question, as written.
    pub quote: String,
    /// The client's first sentence in reply, as written.
    pub answer: Option<String>,
}

/// Something the client said that the clinician should look at: "Possible
/// risk: review". It never sets a risk level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskSuggestion {
    /// Which kind of risk the words are about, from the vocabulary.
    pub kind: String,
    /// The client's sentence, as written.
    pub quote: String,
    /// The words in it that mention the risk, as written.
    pub words: String,
    pub mark: Option<NaiveTime>,
    /// The client's later sentences of the same kind: one review per kind,
    /// every sentence in it, so a story told over several turns is read once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<RiskQuote>,
}

/// A later sentence of a kind of risk already quoted, and when it was said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskQuote {
    pub quote: String,
    pub mark: Option<NaiveTime>,
}

impl RiskSuggestion {
    /// The kind as a heading: "Self-harm".
    pub fn heading(&self) -> String {
        capitalised(&self.kind)
    }

    /// Every sentence of this kind with when it was said, the first first.
    pub fn sentences(&self) -> impl Iterator<Item = (&str, Option<NaiveTime>)> {
        let more = self.more.iter().map(|m| (m.quote.as_str(), m.mark));
        std::iter::once((self.quote.as_str(), self.mark)).chain(more)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Suggestions {
    pub interventions: Vec<TagSuggestion>,
    pub themes: Vec<TagSuggestion>,
    pub homework: Vec<HomeworkSuggestion>,
    pub reviews: Vec<ReviewSuggestion>,
    pub risks: Vec<RiskSuggestion>,
}

/// Builds the vocabularies' phrase automata, the most of what a first
/// suggestion waits for, ahead of it.
pub fn prepare() {
    for list in [INTERVENTIONS, THEMES, RISKS] {
        Vocabulary::built_in(list);
    }
}

/// Suggestions from the built-in vocabulary alone.
pub fn suggest(t: &Transcript) -> Suggestions {
    suggest_with(t, &Tags::default())
}

/// Suggestions from the vocabulary and the clinician's own tags (see
/// [`own_tags`]), each matched by its own words.
pub fn suggest_with(t: &Transcript, own: &Tags) -> Suggestions {
    let named = |terms: &[Matcher], found: Vec<evidence::Found>| -> Vec<TagSuggestion> {
        found
            .into_iter()
            .map(|f| TagSuggestion {
                tag: terms[f.term].name.clone(),
                evidence: f.evidence.to_string(),
                talk: None,
            })
            .collect()
    };
    let interventions = Vocabulary::with_own(INTERVENTIONS, &own.interventions);
    let mut heard = evidence::tags(t, &interventions, intervention_weight);
    // Long enough for a passing mention to be told from a subject.
    let long = t.turns().filter(|(_, r, _)| **r != Role::Clinician).count() >= topic::LONG;
    // A technique named in one turn of a long session was mentioned, not
    // done, unless how the clinician works shows it too; one turn giving a
    // crisis number is a safety plan, though.
    if long {
        let terms = &interventions.terms;
        heard.retain(|f| {
            !f.named || f.taken_up.len() >= 2 || f.marked || terms[f.term].name == "safety planning"
        });
    }
    // Approaches heard only in phrases typical of their style.
    let in_style: Vec<String> = heard
        .iter()
        .filter(|f| !f.named)
        .map(|f| interventions.terms[f.term].name.clone())
        .collect();
    let themes = Vocabulary::with_own(THEMES, &own.themes);
    let mut out = Suggestions {
        interventions: named(&interventions.terms, heard),
        themes: named(
            &themes.terms,
            topic::rank(
                evidence::tags(t, &themes, theme_weight),
                &themes.terms,
                t,
                long,
            ),
        ),
        ..Suggestions::default()
    };
    let mut profile = Profile::default();
    let mut client_said: Option<&str> = None;
    // Whether a plan is being made: since a step question or task, the
    // clinician has only prompted for more of it.
    let mut planning = false;
    // Whether the client's turn answers the clinician's while a plan is
    // being made: their answer may add a commitment of their own.
    let mut asked_for_step = false;
    let mut reviews = Reviews::default();
    // Whether the clinician's last turn offered to sum up.
    let mut summary_offered = false;
    // Whether the clinician's last turn was a summary.
    let mut summed_up = false;
    let clinician_turns = t.turns().filter(|(_, r, _)| **r == Role::Clinician).count();
    let clinician_known = clinician_turns > 0;
    let mut clinician_turn = 0;

    for seg in &t.segments {
        for item in &seg.items {
            if let Item::Turn { role, text, .. } = item {
                let turn = out.homework.len();
                match role {
                    Role::Clinician => {
                        clinician_turn += 1;
                        let said: Vec<Sentence> =
                            sentences(text).into_iter().map(read_clinician).collect();
                        let summary = profile.add(text, &said, client_said);
                        // "Can I check what you're taking away, so we're
                        // both clear?", "Go on then.": the summary offered
                        // is the clinician's next turn.
                        // A summary the client answered may go on in the
                        // clinician's next turn, led by its time frame ("And
                        // for the week: …").
                        let goes_on = summed_up
                            && said.iter().any(|s| {
                                frames::TIME_FRAMES.opens(task_list::skip_discourse(s.text))
                            });
                        let gathers = summary || summary_offered || goes_on;
                        summed_up = summary;
                        summary_offered = !summary
                            && text.trim_end().ends_with('?')
                            && said.iter().any(|s| s.heard.has(&cues::SUMMING_UP));
                        // A summary in the last quarter of the session
                        // gathers the plan.
                        let closing = gathers && clinician_turn * 4 > clinician_turns * 3;
                        reviews.clinician(&said, seg.mark);
                        // A short question in the middle of making a plan
                        // ("And the walk?") goes on asking for its steps.
                        planning &= homework::follows_up(text);
                        // Whether this turn has given a task: an instruction
                        // after it is one more step.
                        let mut gave = false;
                        // Whether the last sentence only named a task of a
                        // list: the steps after it are that task's.
                        let mut named = false;
                        for (
                            n,
                            &Sentence {
                                text: s, ref heard, ..
                            },
                        ) in said.iter().enumerate()
                        {
                            let recap = recap_tasks(s, gathers, heard);
                            // "Third:", "So here's what I'd like you to do.":
                            // no task, and what follows is one.
                            let announces = task_list::announces_a_task(s);
                            let given = if recap.is_empty() && !announces {
                                let text_at = |i: usize| said.get(i).map(|s| s.text);
                                // Read only where a rule needs a frame.
                                let framed_nearby = || {
                                    frame_follows(text_at(n + 1))
                                        || frame_asked_before(n.checked_sub(1).and_then(text_at))
                                };
                                clinician_task(s, heard, framed_nearby)
                                    .or_else(|| if closing { planned_task(s) } else { None })
                                    .or_else(|| if gave { next_step(s) } else { None })
                            } else {
                                None
                            };
                            gave |= announces;
                            let after_name = std::mem::take(&mut named);
                            for task in recap.into_iter().chain(given) {
                                planning = true;
                                gave = true;
                                let task = HomeworkSuggestion {
                                    task,
                                    source: HomeworkSource::Clinician,
                                    mark: seg.mark,
                                    quote: s.to_string(),
                                };
                                named = task_list::only_names(&task);
                                task_list::add_task(&mut out.homework, turn, task, after_name);
                            }
                            if is_step_question(s, heard) {
                                planning = true;
                            }
                        }
                        asked_for_step = planning;
                    }
                    Role::Client | Role::Unknown => {
                        client_said = Some(text);
                        let said = sentences(text);
                        risk::risks(text, &said, seg.mark, &mut out.risks);
                        // A speaker the transcript does not name may be the
                        // clinician, unless the clinician is known: then a
                        // partner in couples work, say, answers as a client.
                        if *role == Role::Unknown && !clinician_known {
                            continue;
                        }
                        reviews.client(text, &said);
                        // Each partner may answer the same step question.
                        for (s, task) in client_tasks(&said, asked_for_step) {
                            let task = HomeworkSuggestion {
                                task,
                                source: HomeworkSource::Client,
                                mark: seg.mark,
                                quote: s.to_string(),
                            };
                            task_list::add_task(&mut out.homework, turn, task, false);
                        }
                    }
                }
            }
        }
    }
    repeats::without_repeats(&mut out.homework);
    out.reviews = reviews.found;
    // Approaches seen in how the clinician talked: the counts join a
    // technique already named, or suggest it.
    let topic = out.themes.first().map(|t| t.tag.clone());
    let habit = changing_a_habit(topic.as_deref(), &out.interventions);
    let approaches = profile.approaches(habit);
    // A style the profile judges, heard in a few of its phrases but not in
    // how the clinician talked over the session, is left out. Motivational
    // interviewing's phrases ("what do you make of…") stand, though, in a
    // session about a habit, the change it is for, whose questions are
    // mostly open: there the coder may miss a style of reflecting, and a
    // missed MI session is the costlier error. Advice on a habit asks
    // mostly closed questions, checking facts, or mostly teaches.
    out.interventions.retain(|t| {
        let kept_by_subject = habit && t.tag == "motivational interviewing" && profile.draws_out();
        kept_by_subject
            || !(in_style.contains(&t.tag)
                && JUDGED.contains(&t.tag.as_str())
                && !approaches.iter().any(|a| a.tag == t.tag))
    });
    for found in approaches {
        match out.interventions.iter_mut().find(|t| t.tag == found.tag) {
            Some(named) => named.talk = found.talk,
            None => out.interventions.push(found),
        }
    }
    out
}

/// The lists a clinician's sentence is read for, in one pass over it rather
/// than one a list: how it codes (see [`behaviour`]), the homework it gives
/// or asks about, and whether it points back at last session's.
static CLINICIAN_SENTENCE: Together = Together::new(&[
    &cues::PERMISSION,
    &cues::AFFIRMING,
    &behaviour::ADVISING_INSIDE,
    &cues::INFORMING,
    &cues::YOU,
    &cues::ADDING,
    &cues::SUMMING_UP,
    &summary::RECAP_LEADS,
    &frames::TIME_FRAMES,
    &frames::SPAN_LEADS,
    &homework::IN_SESSION,
    &homework::HOMEWORK_WORDS,
    &homework::ASSIGNING,
    &homework::STEP_QUESTIONS,
    &review::REFERENCES,
]);

/// A clinician's sentence as the rules read it.
struct Sentence<'t> {
    text: &'t str,
    /// Without words like "So," in front (see [`behaviour::without_openers`]).
    body: &'t str,
    /// The lists of [`CLINICIAN_SENTENCE`] heard in it, and in its body for
    /// [`cues::YOU`].
    heard: Heard<'static>,
}

fn read_clinician(text: &str) -> Sentence<'_> {
    let body = behaviour::without_openers(text);
    // Where the body lies in the sentence: it is a slice of it.
    let from = body.as_ptr().addr() - text.as_ptr().addr();
    let heard = CLINICIAN_SENTENCE.heard(text, from, from + body.len());
    Sentence { text, body, heard }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
