//! Denials: a phrase the client says with "not" or "never" just before it
//! ("I don't drink") suggests nothing on its own.

use super::matching::{fold, trim_punct};
use super::text::key;

/// Words that deny what follows them in the same clause: "I don't drink",
/// "I'm not anxious about it". "Can't" and "couldn't" are left out: "I can't
/// sleep" and "I can't stop drinking" say the opposite of a denial.
const NEGATORS: &[&str] = &[
    "not", "never", "no", "nor", "without", "don't", "doesn't", "didn't", "isn't", "wasn't",
    "aren't", "weren't", "haven't", "hasn't", "hadn't", "won't", "wouldn't", "dont", "didnt",
    "doesnt", "havent", "wont",
];

/// [`NEGATORS`] by their keys (see [`key`]): none is longer than eight bytes.
const NEGATOR_KEYS: [u64; NEGATORS.len()] = {
    let mut keys = [0; NEGATORS.len()];
    let mut i = 0;
    while i < NEGATORS.len() {
        assert!(NEGATORS[i].len() <= 8, "a negator is told by its key alone");
        keys[i] = key(NEGATORS[i].as_bytes());
        i += 1;
    }
    keys
};

/// Whether a negator stands among the three words before byte `start`, in
/// the same clause. Read back from `start` a word at a time: a hit is
/// denied by the few words just before it, however long its clause.
pub(super) fn negated(s: &str, start: usize) -> bool {
    let before = &s[..start];
    let denies = |w: &str| {
        let w = trim_punct(w);
        if w.is_ascii() {
            let lower = w.as_bytes().iter().map(u8::to_ascii_lowercase);
            let mut bytes = [0; 8];
            return w.len() <= 8 && {
                bytes.iter_mut().zip(lower).for_each(|(b, l)| *b = l);
                NEGATOR_KEYS.contains(&key(&bytes))
            };
        }
        NEGATORS.iter().any(|n| w.chars().map(fold).eq(n.chars()))
    };
    // Where the word being read back ends, and how many were read.
    let (mut end, mut read) = (None, 0);
    for (i, c) in before.char_indices().rev() {
        let ends_clause = matches!(
            c,
            '.' | '!' | '?' | ';' | ',' | ':' | '\n' | '(' | '"' | '—' | '“' | '”'
        );
        if !(ends_clause || c.is_whitespace()) {
            end = end.or(Some(i + c.len_utf8()));
            continue;
        }
        if let Some(e) = end.take() {
            let w = &before[i + c.len_utf8()..e];
            if w.eq_ignore_ascii_case("but") {
                return false;
            }
            if denies(w) {
                return true;
            }
            read += 1;
            if read == 3 {
                return false;
            }
        }
        if ends_clause {
            return false;
        }
    }
    // The clause opens the text.
    end.is_some_and(|e| {
        let w = &before[..e];
        !w.eq_ignore_ascii_case("but") && denies(w)
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::negated;

    /// Whether the phrase `phrase`, found in `s`, is denied.
    fn denied(s: &str, phrase: &str) -> bool {
        negated(s, s.find(phrase).expect("the phrase is in the text"))
    }

    #[test]
    fn a_negator_among_the_three_words_before_a_phrase_denies_it() {
        assert!(denied("I don't really drink much.", "drink"));
        assert!(denied("Never once gambled.", "gambled"));
        assert!(denied("Not me.", "me"));
        assert!(denied("I DON'T drink.", "drink"));
        assert!(denied("I don’t drink.", "drink"));
    }

    #[test]
    fn a_negator_further_back_or_in_another_clause_denies_nothing() {
        assert!(!denied("I don't think I ever really drink", "drink"));
        assert!(!denied("It's not that, I drink", "drink"));
        assert!(!denied("No — I drink", "drink"));
        assert!(!denied("Not proud but I drink", "drink"));
        assert!(!denied("I drink", "drink"));
        assert!(!denied("I can't stop drinking", "drinking"));
    }
}
