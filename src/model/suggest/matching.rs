//! Loose matching on the original text, word boundaries and sentences.
//!
//! Matching runs on the text as written (not on a lower-cased copy) so that
//! returned positions are valid char boundaries of the original. Keywords are
//! lower-case ASCII; curly apostrophes and hyphen variants fold to ASCII.

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
    // The ends are ASCII, so the bytes can be read without decoding.
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end = match b {
            b'.' | b'!' | b'?' => {
                text[i + 1..].chars().next().is_none_or(char::is_whitespace)
                    && !(b == b'.' && ends_with_title(&text[start..i]))
            }
            b'\n' => bytes.get(i + 1) == Some(&b'\n'),
            _ => false,
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

fn ends_with_title(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    [
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "vs", "etc", "e.g", "i.e",
    ]
    .iter()
    .any(|t| word.eq_ignore_ascii_case(t))
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
pub(super) fn match_at(s: &str, start: usize, pat: &str) -> Option<usize> {
    let rest = s.as_bytes().get(start..)?;
    let pb = pat.as_bytes();
    // Most text and every built-in phrase is ASCII: then bytes compare as
    // folding would, without decoding; curly quotes and the like fold below.
    let end = match rest.get(..pb.len()) {
        _ if !pat.is_ascii() => fold_match(s, start, pat)?,
        None => return None,
        Some(head) if head.is_ascii() => {
            if !head.eq_ignore_ascii_case(pb) {
                return None;
            }
            start + pb.len()
        }
        Some(_) => fold_match(s, start, pat)?,
    };
    let next = s[end..].chars().next();
    let last_is_word = pat.chars().next_back().is_some_and(is_word_char);
    if last_is_word && next.is_some_and(is_word_char) {
        return None;
    }
    Some(end)
}

/// Earliest word-bounded occurrence of any pattern: (start, end, pattern).
/// On a tie the longer pattern wins.
pub(super) fn find_any<'p, P: AsRef<str>>(
    s: &str,
    pats: &'p [P],
) -> Option<(usize, usize, &'p str)> {
    // The first bytes patterns start with: most positions stop at this look-up.
    let mut starts = [false; 256];
    for p in pats {
        if let Some(&b) = p.as_ref().as_bytes().first() {
            starts[usize::from(b)] = true;
        }
    }
    let mut prev_word = false;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let Some((c, word)) = char_at(s, i, b) else {
            continue;
        };
        let boundary = !prev_word || !word;
        prev_word = word;
        let mut buf = [0u8; 4];
        let first = if b.is_ascii() {
            b.to_ascii_lowercase()
        } else {
            fold(c).encode_utf8(&mut buf).as_bytes()[0]
        };
        if !boundary || !starts[usize::from(first)] {
            continue;
        }
        let best = pats
            .iter()
            .map(AsRef::as_ref)
            .filter(|p| p.as_bytes().first() == Some(&first))
            .filter_map(|p| match_at(s, i, p).map(|e| (e, p)))
            .max_by_key(|&(e, _)| e);
        if let Some((e, p)) = best {
            return Some((i, e, p));
        }
    }
    None
}

/// The character starting at byte `i` (whose value is `b`) and whether it
/// is a word character; None inside a character. ASCII, most of any
/// transcript, is read without decoding.
pub(super) fn char_at(s: &str, i: usize, b: u8) -> Option<(char, bool)> {
    if b.is_ascii() {
        return Some((char::from(b), b.is_ascii_alphanumeric()));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, is_word_char(c)))
}

/// Byte range of the sentence holding byte `at`: bounded by `.`, `!` or
/// `?` before whitespace, or by a line break.
pub(super) fn sentence_around(s: &str, at: usize) -> (usize, usize) {
    let ends = |i: usize, c: char| {
        c == '\n'
            || (matches!(c, '.' | '!' | '?')
                && s[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace))
    };
    let start = s[..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = s[at..]
        .char_indices()
        .find(|&(i, c)| ends(at + i, c))
        .map_or(s.len(), |(i, c)| at + i + c.len_utf8());
    (start, end)
}

/// Words that deny what follows them in the same clause: "I don't drink",
/// "I'm not anxious about it". "Can't" and "couldn't" are left out: "I can't
/// sleep" and "I can't stop drinking" say the opposite of a denial.
const NEGATORS: &[&str] = &[
    "not", "never", "no", "nor", "without", "don't", "doesn't", "didn't", "isn't", "wasn't",
    "aren't", "weren't", "haven't", "hasn't", "hadn't", "won't", "wouldn't", "dont", "didnt",
    "doesnt", "havent", "wont",
];

/// Whether a negator stands among the three words before byte `start`, in
/// the same clause.
pub(super) fn negated(s: &str, start: usize) -> bool {
    let before = &s[..start];
    let clause = before
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            matches!(
                c,
                '.' | '!' | '?' | ';' | ',' | ':' | '—' | '\n' | '(' | '"' | '“' | '”'
            )
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let words: Vec<String> = before[clause..]
        .split_whitespace()
        .rev()
        .take_while(|w| !w.eq_ignore_ascii_case("but"))
        .take(3)
        .map(|w| trim_punct(w).chars().map(fold).collect())
        .collect();
    words.iter().any(|w| NEGATORS.contains(&w.as_str()))
}
