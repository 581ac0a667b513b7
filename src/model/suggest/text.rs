//! Reading text by bytes where it is ASCII, decoding only the rest. Built
//! for size, the app keeps the standard library's character steps (decoding,
//! `char::is_whitespace`) as calls, which cost more than the work itself when
//! every byte of a transcript goes through them; a byte of ASCII is its own
//! character, and never part of another.

use super::matching::fold;

/// The character at byte `i` of `s` and its length, ASCII without decoding.
pub(super) fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = s[i..].chars().next().expect("a character starts here");
    (c, c.len_utf8())
}

/// Whether `c` is white space, as `char::is_whitespace`.
fn is_space(c: char) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => ascii_space(b),
        _ => c.is_whitespace(),
    }
}

/// Whether an ASCII byte is white space as `char::is_whitespace` has it:
/// with the vertical tab, which `u8::is_ascii_whitespace` leaves out.
pub(super) fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Whether the character at byte `i` is white space.
pub(super) fn space_at(s: &str, i: usize) -> bool {
    i < s.len() && is_space(char_at(s, i).0)
}

/// The number of words of `s` (as `split_whitespace` has them), counted no
/// further than `up_to`. Clinicians' and clients' turns are read whole for
/// it, so ASCII is read eight bytes at a time.
pub(super) fn count_words(s: &str, up_to: usize) -> usize {
    let (mut words, mut in_word, mut i) = (0, false, 0);
    let bytes = s.as_bytes();
    while i < bytes.len() && words < up_to {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if x & HIGH == 0 {
                let word = !spaces(x) & HIGH;
                // A word starts where a byte is in one and the byte before is not.
                let before = (word << 8) | if in_word { 0x80 } else { 0 };
                words += (word & !before).count_ones() as usize;
                in_word = word >> 63 == 1;
                i += 8;
                continue;
            }
        }
        let (space, len) = match bytes[i] {
            b if b.is_ascii() => (ascii_space(b), 1),
            _ => {
                let (c, len) = char_at(s, i);
                (c.is_whitespace(), len)
            }
        };
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
        i += len;
    }
    words.min(up_to)
}

/// The high bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Each byte of `x`, all ASCII, that is white space (see [`ascii_space`]),
/// as its high bit. No sum below carries into the next byte: an ASCII byte
/// plus 0x7F at most is 0xFE.
fn spaces(x: u64) -> u64 {
    let each = |b: u8| u64::from_ne_bytes([b; 8]);
    // The space: the bytes that are 0x20, whose difference from it is 0.
    let other = x ^ each(b' ');
    let not_space = (other + each(0x7F)) | other;
    // The tab, line feed, vertical tab, form feed and return: 9 to 13.
    let from_tab = x + each(0x80 - 9);
    let past_return = x + each(0x80 - 14);
    (!not_space | (from_tab & !past_return)) & HIGH
}

/// The first `n` characters of `s`.
pub(super) fn first_chars(s: &str, n: usize) -> &str {
    let bytes = s.as_bytes();
    let (mut seen, mut i) = (0, 0);
    while i < bytes.len() {
        // Every byte but a continuation byte (0b10xxxxxx) starts a character.
        if bytes[i] & 0xC0 != 0x80 {
            if seen == n {
                return &s[..i];
            }
            seen += 1;
        }
        i += 1;
    }
    s
}

/// Whether a character of `s` beyond ASCII reads differently folded (see
/// [`fold`]): the automata ignore the case of ASCII and know the curly
/// apostrophe themselves.
pub(super) fn needs_folding(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII are passed over sixteen bytes at a time, as the
        // standard library checks them a machine word at a time.
        let chunk = &bytes[i..bytes.len().min(i + 16)];
        if chunk.is_ascii() {
            i += chunk.len();
            continue;
        }
        i += chunk.iter().position(|b| !b.is_ascii()).unwrap_or(0);
        // Word processors' punctuation, U+2000 to U+203F, is E2 80 and one
        // byte more; of it only the dashes, the left quote and the prime
        // fold, not the apostrophe (99), quotes (9C, 9D), dash (94) or "…".
        if bytes[i] == 0xE2 && bytes.get(i + 1) == Some(&0x80) {
            if matches!(bytes.get(i + 2), Some(0x90..=0x93 | 0x98 | 0xB2)) {
                return true;
            }
            i += 3;
        } else {
            let (c, len) = char_at(s, i);
            if c != '’' && fold(c) != c {
                return true;
            }
            i += len;
        }
    }
    false
}

/// `a.eq_ignore_ascii_case(b)`, with lengths compared first where the call
/// can be saved: most words are compared with lists of words of other lengths.
pub(super) fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.eq_ignore_ascii_case(b)
}

/// Whether `word` is one of `list`, ignoring ASCII case.
pub(super) fn among(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| same_ignoring_case(word, w))
}

/// A word's first eight bytes as a number, the first byte highest: for words
/// of eight bytes or fewer, equal numbers are equal words, and the numbers
/// are in the words' order.
pub(super) const fn key(bytes: &[u8]) -> u64 {
    let (mut k, mut i) = (0, 0);
    while i < 8 {
        k <<= 8;
        if i < bytes.len() {
            k |= bytes[i] as u64;
        }
        i += 1;
    }
    k
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{count_words, first_chars, needs_folding, space_at};
    use crate::model::suggest::matching::fold;

    /// ASCII, word processors' punctuation, white space beyond ASCII (the
    /// vertical tab, a no-break space, an em space) and letters with case.
    const TEXTS: &[&str] = &[
        "",
        "  I said no.  ",
        "I\u{0B}didn’t\u{A0}go\u{2003}there — “really”…",
        "Café ÉCOLE naïve",
        "a‘b c–d e′f gʼh",
        "Kelvin \u{212A} and dots...",
        "\n\nTwo\n\nparagraphs\t\ttabbed",
    ];

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in TEXTS {
            let all = s.split_whitespace().count();
            assert_eq!(count_words(s, usize::MAX), all, "{s:?}");
            assert_eq!(count_words(s, 2), all.min(2), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_of_any_text_are_counted_as_split_whitespace_counts_them(
            s in "[ a-z\\t\\n\\r\\x0B\\x0C\\x00-\\x1F!-/é\u{A0}\u{2003}’]{0,40}",
            up_to in 0usize..12,
        ) {
            let all = s.split_whitespace().count();
            proptest::prop_assert_eq!(count_words(&s, usize::MAX), all);
            proptest::prop_assert_eq!(count_words(&s, up_to), all.min(up_to));
        }
    }

    #[test]
    fn white_space_is_what_char_is_whitespace_says() {
        for s in TEXTS {
            for (i, c) in s.char_indices() {
                assert_eq!(space_at(s, i), c.is_whitespace(), "{s:?} at {i}");
            }
            assert!(!space_at(s, s.len()));
        }
    }

    #[test]
    fn the_first_characters_are_counted_in_characters_not_bytes() {
        for s in TEXTS {
            for n in 0..12 {
                let expected = s.char_indices().nth(n).map_or(*s, |(i, _)| &s[..i]);
                assert_eq!(first_chars(s, n), expected, "{s:?}, {n}");
            }
        }
    }

    #[test]
    fn text_needs_folding_when_a_character_beyond_ascii_but_the_curly_apostrophe_folds() {
        // The automata ignore the case of ASCII themselves.
        for s in TEXTS {
            let expected = s.chars().any(|c| !c.is_ascii() && c != '’' && fold(c) != c);
            assert_eq!(needs_folding(s), expected, "{s:?}");
        }
        assert!(!needs_folding("it’s “fine” — really…"));
        for s in ["‘", "–", "′", "ʼ", "É", "\u{212A}"] {
            assert!(needs_folding(&format!("plain {s} text")), "{s:?}");
        }
    }
}
