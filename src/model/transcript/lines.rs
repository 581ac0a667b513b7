//! Line classifiers: what kind of line this is (end of session, stage
//! direction, speaker turn) and the text helpers they share.

/// Splits on LF, CRLF and lone CR. Finding '\n' is a fast byte search;
/// the rare line that still holds a '\r' is split again by hand.
pub(super) fn split_lines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in s.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.contains('\r') {
            out.extend(line.split('\r'));
        } else {
            out.push(line);
        }
    }
    out
}

/// Trims whitespace plus invisible characters that editors leave behind
/// (stray BOMs from concatenated files, zero-width spaces).
pub(super) fn clean(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// Drops Markdown bold/italic markers around a whole line.
pub(super) fn strip_emphasis(s: &str) -> &str {
    clean(s.trim_matches(|c| c == '*' || c == '_'))
}

pub(super) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

const END_PHRASES: &[&str] = &[
    "end of session",
    "end of the session",
    "session ends",
    "session ended",
    "end of transcript",
];

pub(super) fn is_end_marker(bare: &str) -> bool {
    let core = bare.trim_matches(|c: char| c.is_whitespace() || "()[]*_.-—–!#~:".contains(c));
    if core.len() > 24 {
        return false;
    }
    END_PHRASES.iter().any(|p| {
        let mut a = core.split_whitespace();
        let mut b = p.split(' ');
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
                _ => return false,
            }
        }
    })
}

/// A line wholly inside one pair of parentheses (or square brackets, which
/// dictation tools use for "[inaudible]" and the like).
pub(super) fn direction(bare: &str) -> Option<&str> {
    let (open, close) = match bare.chars().next()? {
        '(' => ('(', ')'),
        '[' => ('[', ']'),
        _ => return None,
    };
    if !bare.ends_with(close) {
        return None;
    }
    let mut depth = 0i32;
    for (i, c) in bare.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 && i + c.len_utf8() != bare.len() {
                // "(pause) and out" closes early: ordinary text.
                return None;
            }
        }
    }
    if depth != 0 {
        return None;
    }
    Some(clean(&bare[1..bare.len() - 1]))
}

/// `Name: text`. Returns the speaker as written and the rest of the line.
pub(super) fn speaker_line(t: &str) -> Option<(&str, &str)> {
    // Speaker labels are short, so there is no need to scan long lines.
    let (ci, colon) = t
        .char_indices()
        .take(64)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let after = &t[ci + colon.len_utf8()..];
    let after = after.trim_start_matches(['*', '_']);
    // An ASCII colon must be followed by a space, which rules out clock
    // times and URLs; the full-width colon of CJK text is not.
    if colon == ':' && !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let name = clean(clean(&t[..ci]).trim_matches(['*', '_']));
    if is_speaker(name) {
        Some((name, clean(after)))
    } else {
        None
    }
}

fn is_speaker(name: &str) -> bool {
    if name.is_empty() || name.chars().count() > 60 {
        return false;
    }
    let base = split_aside(name);
    let words: Vec<&str> = base.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let first_ok = words[0]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase());
    first_ok && words.iter().all(|w| is_name_word(w))
}

/// "Alex (laughing)" → "Alex": the aside is kept in the speaker as written
/// but ignored for matching. Returns the name unchanged if the parentheses
/// are not a single trailing aside.
pub(super) fn split_aside(name: &str) -> &str {
    if name.ends_with(')')
        && let Some(open) = name.find('(')
    {
        let inner = &name[open + 1..name.len() - 1];
        if open > 0 && !inner.contains(['(', ')']) {
            return clean(&name[..open]);
        }
    }
    name
}

pub(super) fn is_name_word(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’'))
        && w.chars().any(char::is_alphanumeric)
}
