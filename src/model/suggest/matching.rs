//! Loose matching on the original text, word boundaries and sentences.
//!
//! Matching runs on the text as written (not on a lower-cased copy) so that
//! returned positions are valid char boundaries of the original. Keywords are
//! lower-case ASCII; curly apostrophes and hyphen variants fold to ASCII.

use super::text::{ascii_space, first_chars, needs_folding, same_ignoring_case, space_at};
use aho_corasick::automaton::Automaton as _;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, PatternID, StartKind};
use std::sync::OnceLock;

pub(super) fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '?' | ',' | ';' | '…' | '—' | '-')
    })
}

/// Splits on `.`, `!`, `?` followed by whitespace, and on blank lines,
/// keeping the punctuation. Titles like "Dr." do not end a sentence.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    // The ends are ASCII, so the bytes can be read without decoding, and
    // are found by searching for them, a sentence's ends at a time.
    let bytes = text.as_bytes();
    for i in possible_ends(bytes) {
        let end = match bytes[i] {
            b'\n' => bytes.get(i + 1) == Some(&b'\n'),
            b => {
                (i + 1 == text.len() || space_at(text, i + 1))
                    && !(b == b'.' && ends_with_title(&text[start..i]))
            }
        };
        if end {
            let stop = i + 1;
            let s = text[start..stop].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = stop;
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// Where a sentence may end, in order: at a full stop, an exclamation or
/// question mark, or a line break.
fn possible_ends(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut marks = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut lines = memchr::memchr_iter(b'\n', bytes).peekable();
    std::iter::from_fn(move || match (marks.peek(), lines.peek()) {
        (Some(&m), Some(&l)) if l < m => lines.next(),
        (Some(_), _) => marks.next(),
        (None, _) => lines.next(),
    })
}

fn ends_with_title(before: &str) -> bool {
    // A title is a word of four ASCII letters at most: a fifth byte that is
    // no white space, or none of ASCII, leaves it to the full reading below.
    let tail = &before.as_bytes()[before.len().saturating_sub(5)..];
    if tail.len() == 5 && tail.is_ascii() && !tail.iter().any(|&b| ascii_space(b)) {
        return false;
    }
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    [
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "vs", "etc", "e.g", "i.e",
    ]
    .iter()
    .any(|t| same_ignoring_case(word, t))
}

pub(super) fn fold(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '′' => '\'',
        '‐' | '‑' | '‒' | '–' => '-',
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        // A letter whose lower case is one letter (most of them) folds too,
        // so the clinician's own tags match in any script.
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// If `s` starts with `pat` (loosely) ending on a word boundary, the rest.
pub(super) fn strip_prefix_loose<'a>(s: &'a str, pat: &str) -> Option<&'a str> {
    let end = match_at(s, 0, pat)?;
    Some(&s[end..])
}

pub(super) fn strip_suffix_loose<'a>(s: &'a str, pat: &str) -> Option<&'a str> {
    let n = pat.chars().count();
    let (start, _) = s.char_indices().rev().nth(n.checked_sub(1)?)?;
    if s[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    match_at(s, start, pat).filter(|&e| e == s.len())?;
    Some(&s[..start])
}

/// Where `pat` ends if `s` holds it at byte `start`, each character folded.
fn fold_match(s: &str, start: usize, pat: &str) -> Option<usize> {
    let mut it = s.get(start..)?.char_indices();
    let mut end = start;
    for p in pat.chars() {
        let (i, c) = it.next()?;
        if fold(c) != p {
            return None;
        }
        end = start + i + c.len_utf8();
    }
    Some(end)
}

/// Matches `pat` at byte `start` of `s`; returns the end byte if the match
/// ends on a word boundary.
fn match_at(s: &str, start: usize, pat: &str) -> Option<usize> {
    let end = fold_match(s, start, pat)?;
    let ends_word = pat.chars().next_back().is_some_and(is_word_char);
    (!ends_word || !word_at(s, end)).then_some(end)
}

// ASCII is read as a byte, the rest decoded (see [`super::text`]).
fn word_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => s[i..].chars().next().is_some_and(is_word_char),
    }
}

fn word_before(s: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|j| s.as_bytes()[j]) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => s[..i].chars().next_back().is_some_and(is_word_char),
    }
}

/// Phrases found together in one pass over a text (an Aho-Corasick
/// automaton), each occurrence then held to word boundaries: it starts a
/// word or at punctuation, and a phrase ending in a letter does not run on
/// into another ("worried" is not in "unworried").
#[derive(Clone)]
pub(super) struct Automaton {
    ac: DFA,
    // Boxed slices, not vectors: indexing a vector stays a call when built
    // for size, and these are read at every occurrence.
    /// The phrase each of the automaton's spellings is of.
    phrase: Box<[usize]>,
    /// Each spelling with a byte its code does not tell apart (see
    /// [`CODES`]), compared whole where the automaton finds it.
    inexact: Box<[Option<Box<[u8]>>]>,
    /// Whether each phrase ends in a word character.
    word_end: Box<[bool]>,
    /// The longest phrase in characters: how far an opening phrase reaches.
    longest: usize,
}

impl Automaton {
    /// Phrases in lower case, so that ASCII matches in any case.
    pub(super) fn new<P: AsRef<str>>(phrases: &[P]) -> Self {
        Self::built(phrases, StartKind::Unanchored)
    }

    /// As [`Self::new`], and able to tell the phrases a text opens with
    /// ([`Self::strip`]) by looking at its start alone. That takes an
    /// anchored automaton beside the other, twice the memory, so only the
    /// lists of rules ([`Words`]) have it.
    fn with_openings<P: AsRef<str>>(phrases: &[P]) -> Self {
        Self::built(phrases, StartKind::Both)
    }

    fn built<P: AsRef<str>>(phrases: &[P], start: StartKind) -> Self {
        // Each phrase as written and with curly apostrophes, as word
        // processors write them, so such text needs no folding.
        let mut spellings: Vec<String> = Vec::new();
        let mut phrase = Vec::new();
        for (i, p) in phrases.iter().enumerate() {
            for spelling in with_curly_apostrophes(p.as_ref()) {
                spellings.push(spelling);
                phrase.push(i);
            }
        }
        // A DFA reads a byte with one look-up: the lists are built once.
        // Every byte is read by [`Self::walk`], so there is no prefilter
        // to skip ahead.
        let ac = DFA::builder()
            .start_kind(start)
            .prefilter(false)
            .build(spellings.iter().map(|s| coded(s.as_bytes())))
            .expect("a few hundred short phrases fit an automaton");
        let inexact = (spellings.into_iter())
            .map(|s| (!s.bytes().all(exact)).then(|| s.into_bytes().into()))
            .collect();
        let ends = |p: &P| p.as_ref().chars().next_back().is_some_and(is_word_char);
        Automaton {
            ac,
            phrase: phrase.into(),
            inexact,
            word_end: phrases.iter().map(ends).collect(),
            longest: phrases
                .iter()
                .map(|p| p.as_ref().chars().count())
                .max()
                .unwrap_or(0),
        }
    }

    /// Every occurrence in `s` on word boundaries as (start, end, phrase),
    /// until `f` says it has seen enough.
    pub(super) fn each(&self, s: &str, f: impl FnMut(usize, usize, usize) -> Seen) {
        self.scan(s, Anchored::No, f);
    }

    /// As [`Self::each`]; anchored, only the occurrences at the start.
    fn scan(&self, s: &str, anchored: Anchored, mut f: impl FnMut(usize, usize, usize) -> Seen) {
        // Most text is ASCII, whose case the automaton ignores, with perhaps
        // curly apostrophes and characters that fold to themselves (“”—é).
        if !needs_folding(s) {
            self.walk::<false>(s, anchored, f);
            return;
        }
        // A character beyond ASCII starts with a byte of 0xC0 or more.
        let starts = || s.bytes().enumerate().filter(|&(_, b)| b >= 0xC0);
        // Anything else (curly quotes, dashes, capitals beyond ASCII) is
        // folded, the ASCII between copied as it is. Where a folded
        // character is longer or shorter, positions map back from here on:
        // (folded byte, original byte).
        let mut folded = String::with_capacity(s.len());
        let mut moved: Vec<(usize, usize)> = vec![(0, 0)];
        let mut copied = 0;
        for (i, _) in starts() {
            let c = s[i..].chars().next().expect("a character starts here");
            let l = fold(c);
            folded.push_str(&s[copied..i]);
            folded.push(l);
            copied = i + c.len_utf8();
            if l.len_utf8() != c.len_utf8() {
                moved.push((folded.len(), copied));
            }
        }
        folded.push_str(&s[copied..]);
        let back = |x: usize| {
            let (f, o) = moved[moved.partition_point(|&(f, _)| f <= x) - 1];
            o + x - f
        };
        self.walk::<false>(&folded, anchored, |a, b, p| f(back(a), back(b), p));
    }

    /// The earliest occurrence: (start, end, phrase). On a tie the longer
    /// phrase wins.
    pub(super) fn find(&self, s: &str) -> Option<(usize, usize, usize)> {
        let mut best: Option<(usize, usize, usize)> = None;
        // Occurrences come in order of their ends, and no phrase is longer
        // than `reach` bytes: past it, none can start as early as the best.
        let reach = self.longest * 4;
        self.each(s, |a, b, p| {
            match best {
                Some((x, ..)) if b > x + reach => return Seen::Enough,
                Some((x, y, _)) if a > x || (a == x && b <= y) => {}
                _ => best = Some((a, b, p)),
            }
            Seen::More
        });
        best
    }

    /// Whether any phrase occurs in `s`.
    pub(super) fn is_in(&self, s: &str) -> bool {
        let mut found = false;
        self.each(s, |_, _, _| {
            found = true;
            Seen::Enough
        });
        found
    }

    /// If `s` opens with a phrase, what follows the first listed of those
    /// it opens with. Only for an automaton built
    /// [`with_openings`](Self::with_openings), as every [`Words`] is.
    pub(super) fn strip<'a>(&self, s: &'a str) -> Option<&'a str> {
        let mut first: Option<(usize, usize)> = None;
        let mut seen = |a: usize, b: usize, p: usize| {
            if a == 0 && first.is_none_or(|(q, _)| p < q) {
                first = Some((p, b));
            }
            Seen::More
        };
        // Most sentences open in ASCII that no phrase opens: the automaton
        // is followed a few bytes, without a search and its state.
        if self.walk::<true>(s, Anchored::Yes, &mut seen) == Walked::BeyondAscii {
            // As far as the longest phrase reaches, and the character after
            // it for the boundary: folding keeps the number of characters.
            let head = first_chars(s, self.longest + 1);
            // Anchored: the automaton stops where no phrase opens the text.
            self.scan(head, Anchored::Yes, seen);
        }
        first.map(|(_, b)| &s[b..])
    }

    /// Follows the automaton over the bytes of `s`, giving `f` each
    /// occurrence on word boundaries as (start, end, phrase), until `f` has
    /// seen enough or, anchored, no phrase can open `s`. `ASCII_ONLY` stops
    /// at the first byte beyond ASCII, whose character may need folding.
    fn walk<const ASCII_ONLY: bool>(
        &self,
        s: &str,
        anchored: Anchored,
        mut f: impl FnMut(usize, usize, usize) -> Seen,
    ) -> Walked {
        let ac = &self.ac;
        let mut state = ac.start_state(anchored).expect("built with this start");
        for (i, &byte) in s.as_bytes().iter().enumerate() {
            if ASCII_ONLY && !byte.is_ascii() {
                return Walked::BeyondAscii;
            }
            state = ac.next_state(anchored, state, CODES[usize::from(byte)]);
            // One comparison tells most states: only the dead state and
            // those of a match are special, with no prefilter.
            if !ac.is_special(state) {
                continue;
            }
            if ac.is_dead(state) {
                return Walked::Done;
            }
            if !ac.is_match(state) {
                continue;
            }
            let end = i + 1;
            for k in 0..ac.match_len(state) {
                let spelling = ac.match_pattern(state, k);
                let start = end - ac.pattern_len(spelling);
                // An anchored walk's match state also holds the phrases
                // that end here without starting at the start.
                if (anchored.is_anchored() && start > 0) || !self.spelled(s, start, end, spelling) {
                    continue;
                }
                let p = self.phrase[spelling.as_usize()];
                let starts = !(word_before(s, start) && word_at(s, start));
                let ends = !self.word_end[p] || !word_at(s, end);
                if starts && ends && f(start, end, p) == Seen::Enough {
                    return Walked::Done;
                }
            }
        }
        Walked::Done
    }

    /// Whether the spelling found from byte `a` to byte `b` of `s` is there,
    /// not only its codes.
    fn spelled(&self, s: &str, a: usize, b: usize, spelling: PatternID) -> bool {
        let inexact = self.inexact[spelling.as_usize()].as_deref();
        inexact.is_none_or(|x| s.as_bytes()[a..b].eq_ignore_ascii_case(x))
    }

    /// Whether `s` opens with any phrase.
    pub(super) fn opens(&self, s: &str) -> bool {
        self.strip(s).is_some()
    }
}

/// The alphabet the automata read, one code a byte: a letter of either case
/// (1 to 26), the space, the apostrophe and the hyphen, which nearly all
/// phrases are made of, and 0 for every other byte. Thirty codes make a row
/// of 32 in the automaton's table, where the bytes themselves, their case
/// ignored, make 128: the three vocabularies' automata take 2.3 MB rather
/// than 9.1 MB of the tablet's memory, and are built in half the time, which
/// the first import waits for. A spelling with another byte (a digit, a
/// curly apostrophe) is compared whole where its codes are found.
static CODES: [u8; 256] = {
    let mut codes = [0; 256];
    let mut i = 0;
    while i < 26 {
        codes[b'a' as usize + i] = 1 + i as u8;
        codes[b'A' as usize + i] = 1 + i as u8;
        i += 1;
    }
    codes[b' ' as usize] = 27;
    codes[b'\'' as usize] = 28;
    codes[b'-' as usize] = 29;
    codes
};

/// Whether a byte has a code of its own, up to ASCII case.
fn exact(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b' ' | b'\'' | b'-')
}

/// A phrase in [`CODES`].
fn coded(s: &[u8]) -> Vec<u8> {
    s.iter().map(|&b| CODES[usize::from(b)]).collect()
}

/// A phrase with each of its apostrophes straight or curly.
fn with_curly_apostrophes(phrase: &str) -> Vec<String> {
    let mut all = vec![String::new()];
    for c in phrase.chars() {
        if c == '\'' {
            let curly: Vec<String> = all.iter().map(|s| format!("{s}’")).collect();
            all.iter_mut().for_each(|s| s.push(c));
            all.extend(curly);
        } else {
            all.iter_mut().for_each(|s| s.push(c));
        }
    }
    all
}

/// How far [`Automaton::walk`] could read a text.
#[derive(PartialEq, Eq)]
enum Walked {
    Done,
    BeyondAscii,
}

/// Whether a search through occurrences can stop.
#[derive(PartialEq, Eq)]
pub(super) enum Seen {
    More,
    Enough,
}

/// A list of phrases whose automaton is built the first time it is used,
/// so a list reads as data where its rule lives.
pub(super) struct Words {
    list: &'static [&'static str],
    built: OnceLock<Automaton>,
}

impl Words {
    pub(super) const fn new(list: &'static [&'static str]) -> Self {
        Words {
            list,
            built: OnceLock::new(),
        }
    }
}

impl std::ops::Deref for Words {
    type Target = Automaton;

    fn deref(&self) -> &Automaton {
        self.built
            .get_or_init(|| Automaton::with_openings(self.list))
    }
}

/// Several lists of phrases read together: one pass over a text tells
/// which lists have a phrase in it, where reading it once per list would
/// take as many passes. The lists keep their own names and rules.
pub(super) struct Together {
    lists: &'static [&'static Words],
    built: OnceLock<(Automaton, Box<[usize]>)>,
}

/// Which lists of a [`Together`] have a phrase in a text, and in a part of it.
pub(super) struct Heard<'l> {
    lists: &'l [&'static Words],
    anywhere: u64,
    within: u64,
}

impl Together {
    pub(super) const fn new(lists: &'static [&'static Words]) -> Self {
        assert!(lists.len() <= 64, "one bit a list");
        Together {
            lists,
            built: OnceLock::new(),
        }
    }

    /// The lists heard in `s`.
    pub(super) fn heard_in(&self, s: &str) -> Heard<'_> {
        self.heard(s, 0, s.len())
    }

    /// The lists heard in `s`, and in the part of it from byte `from` to
    /// byte `to` (a part on word boundaries, as a trimmed clause is, reads
    /// as it would alone).
    pub(super) fn heard(&self, s: &str, from: usize, to: usize) -> Heard<'_> {
        let (automaton, list_of) = self.built.get_or_init(|| {
            let phrases: Vec<&str> = self.lists.iter().flat_map(|w| w.list).copied().collect();
            let list_of = (self.lists.iter().enumerate())
                .flat_map(|(i, w)| std::iter::repeat_n(i, w.list.len()))
                .collect();
            (Automaton::new(&phrases), list_of)
        });
        let (mut anywhere, mut within) = (0, 0);
        automaton.each(s, |a, b, p| {
            let bit = 1 << list_of[p];
            anywhere |= bit;
            if from <= a && b <= to {
                within |= bit;
            }
            Seen::More
        });
        Heard {
            lists: self.lists,
            anywhere,
            within,
        }
    }
}

impl Heard<'_> {
    fn bit(&self, list: &Words) -> u64 {
        let i = (self.lists.iter())
            .position(|w| std::ptr::eq(*w, list))
            .expect("a list read together with the others");
        1 << i
    }

    /// Whether a phrase of `list` is in the text, as `list.is_in(text)`.
    pub(super) fn has(&self, list: &Words) -> bool {
        self.anywhere & self.bit(list) != 0
    }

    /// Whether a phrase of `list` is in the part, as `list.is_in(part)`.
    pub(super) fn has_within(&self, list: &Words) -> bool {
        self.within & self.bit(list) != 0
    }
}

/// Byte range of the sentence holding byte `at`: bounded by `.`, `!` or
/// `?` before whitespace, or by a line break.
pub(super) fn sentence_around(s: &str, at: usize) -> (usize, usize) {
    let start = (0..at)
        .rev()
        .find(|&i| ends_sentence(s, i))
        .map_or(0, |i| i + 1);
    (start, sentence_end(s, at))
}

/// Where the sentence holding byte `at` ends (see [`sentence_around`]): all
/// that a phrase in parts needs, found by searching for the ends (see
/// [`possible_ends`]) rather than reading each byte, and without reading
/// back to its start. Its first part may be a word as common as "if".
pub(super) fn sentence_end(s: &str, at: usize) -> usize {
    possible_ends(&s.as_bytes()[at..])
        .map(|i| at + i)
        .find(|&i| ends_sentence(s, i))
        .map_or(s.len(), |i| i + 1)
}

/// Whether byte `i` ends a sentence. The ends are ASCII: read as bytes,
/// which are then char boundaries.
fn ends_sentence(s: &str, i: usize) -> bool {
    match s.as_bytes()[i] {
        b'\n' => true,
        b'.' | b'!' | b'?' => i + 1 == s.len() || space_at(s, i + 1),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Automaton, Words};

    static OPENINGS: Words = Words::new(&["could you", "you", "i'll try", "i'll", "éte"]);

    #[test]
    fn a_sentence_ends_at_a_stop_before_a_space_or_at_a_line_break() {
        use super::sentence_end;
        let s = "It was 3.5 hours. If he had, I don't know!\nThen home? Yes";
        let ends: Vec<usize> = [0, 8, 17, 20, 42, 43, 50, 56]
            .map(|at| sentence_end(s, at))
            .into();
        assert_eq!(ends, [17, 17, 42, 42, 43, 53, 53, 57]);
        assert_eq!(&s[18..sentence_end(s, 18)], "If he had, I don't know!");
        assert_eq!(sentence_end("No stop at all", 3), 14);
        assert_eq!(sentence_end("A line\nand more.", 0), 7);
    }

    #[test]
    fn a_text_opening_with_phrases_reads_on_after_the_first_listed_of_them() {
        assert_eq!(
            OPENINGS.strip("Could you write it down?"),
            Some(" write it down?")
        );
        assert_eq!(OPENINGS.strip("I'll try the walk"), Some(" the walk"));
        assert_eq!(OPENINGS.strip("you know"), Some(" know"));
    }

    #[test]
    fn a_phrase_running_on_into_a_longer_word_or_found_later_in_the_text_opens_nothing() {
        assert_eq!(OPENINGS.strip("Youth club"), None);
        // "you" ends "could you", but the text does not open with it.
        assert_eq!(OPENINGS.strip("Would you"), None);
        assert!(!OPENINGS.opens("I"));
        assert!(!OPENINGS.opens(""));
    }

    #[test]
    fn curly_apostrophes_and_capitals_beyond_ascii_open_as_they_would_folded() {
        assert_eq!(OPENINGS.strip("I’ll try it"), Some(" it"));
        assert_eq!(OPENINGS.strip("ÉTE là"), Some(" là"));
        assert_eq!(OPENINGS.strip("Could‐you"), None);
    }

    #[test]
    fn a_phrase_with_a_digit_a_curly_apostrophe_or_a_letter_beyond_ascii_is_found_only_as_spelled()
    {
        // Their bytes share a code with others: "5" with "6" and with ".",
        // each byte of "’" and of "é" with any punctuation.
        let phrases = Automaton::new(&["5-4-3-2-1", "don't", "café"]);
        assert_eq!(phrases.find("the 5-4-3-2-1 drill"), Some((4, 13, 0)));
        assert_eq!(phrases.find("the 6-4-3-2-1 drill"), None);
        assert_eq!(phrases.find("the .-4-3-2-1 drill"), None);
        assert_eq!(phrases.find("I DON’T"), Some((2, 9, 1)));
        assert_eq!(phrases.find("I don...t"), None);
        assert_eq!(phrases.find("le CAFÉ"), Some((3, 8, 2)));
        assert_eq!(phrases.find("le cafè"), None);
    }
}
