//! "Suggest a passphrase": six words drawn evenly from the EFF's short word
//! list (1,296 words of 3 to 5 letters, easy to type on a tablet; © 2016
//! Electronic Frontier Foundation, CC BY 3.0 US, https://www.eff.org/dice).
//! Six draws give 1,296⁶ ≈ 4.7 × 10¹⁸ passphrases, about 62 bits.
//!
//! The random numbers come from the caller (the browser's cryptographic
//! source in the app, fixed numbers in tests), so this stays pure.

pub const WORD_LIST: &str = include_str!("eff-short-words.txt");
pub const SUGGESTED_WORDS: usize = 6;

fn words() -> impl Iterator<Item = &'static str> {
    WORD_LIST.lines()
}

/// Six words, each picked by `random`: 16-bit numbers, those at or above
/// the largest multiple of the list's length set aside, so every word is
/// equally likely.
pub fn suggest_passphrase<E>(mut random: impl FnMut() -> Result<u16, E>) -> Result<String, E> {
    let count = words().count();
    let fair = u16::MAX as usize + 1 - (u16::MAX as usize + 1) % count;
    let mut chosen = Vec::with_capacity(SUGGESTED_WORDS);
    while chosen.len() < SUGGESTED_WORDS {
        let n = usize::from(random()?);
        if n < fair {
            chosen.push(words().nth(n % count).unwrap_or_default());
        }
    }
    Ok(chosen.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    /// A fixed stream of numbers, as a test's random source.
    fn numbers(list: Vec<u16>) -> impl FnMut() -> Result<u16, Infallible> {
        let mut list = list.into_iter().cycle();
        move || Ok(list.next().unwrap())
    }

    #[test]
    fn the_list_is_the_effs_short_list_of_distinct_lowercase_words() {
        let all: Vec<&str> = words().collect();
        assert_eq!(all.len(), 1296);
        assert_eq!((all[0], all[1295]), ("acid", "zoom"));
        let distinct: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(distinct.len(), all.len());
        assert!(
            all.iter().all(|w| (3..=5).contains(&w.len())
                && w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
    }

    #[test]
    fn a_suggestion_is_six_words_from_the_list() {
        let suggested = suggest_passphrase(numbers(vec![0, 1, 1295, 1296, 40_000, 7])).unwrap();
        let chosen: Vec<&str> = suggested.split(' ').collect();
        assert_eq!(chosen.len(), SUGGESTED_WORDS);
        assert!(chosen.iter().all(|w| words().any(|l| l == *w)));
        // 1296 wraps to the first word again; 40,000 is 40,000 mod 1,296.
        assert_eq!(&chosen[..4], ["acid", "acorn", "zoom", "acid"]);
        assert_eq!(chosen[4], words().nth(40_000 % 1296).unwrap());
    }

    #[test]
    fn different_random_numbers_give_different_suggestions() {
        let a = suggest_passphrase(numbers(vec![3, 14, 15, 92, 65, 35])).unwrap();
        let b = suggest_passphrase(numbers(vec![27, 18, 28, 18, 28, 45])).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn numbers_past_the_last_fair_multiple_are_set_aside() {
        // 65,535 is above 50 × 1,296 = 64,800, so it would favour the first
        // words; it is skipped, and the next number is used.
        let suggested = suggest_passphrase(numbers(vec![65_535, 2])).unwrap();
        assert_eq!(suggested, ["acre"; 6].join(" "));
    }

    #[test]
    fn a_failing_random_source_suggests_nothing() {
        assert_eq!(
            suggest_passphrase(|| Err::<u16, _>("no randomness")),
            Err("no randomness")
        );
    }

    #[test]
    fn a_suggestion_is_strong_enough_to_be_taken() {
        let suggested = suggest_passphrase(numbers(vec![100, 200, 300, 400, 500, 600])).unwrap();
        assert_eq!(
            super::super::check_new_passphrase(&suggested, &suggested, true),
            Ok(())
        );
    }
}
