//! How many guesses a passphrase would take, after zxcvbn (Dropbox, MIT):
//! the passphrase is split into the pieces a guesser tries first (common
//! passwords, common English words, the suggestion's own word list, repeats,
//! sequences, years) or, where nothing fits, letter by letter, and the
//! cheapest split gives the estimate. The zxcvbn crate itself adds about
//! 750 KB (gzip) to the app, almost all of it word lists, so this keeps its
//! method and the head of its lists: the 1,000 most common passwords and
//! 5,000 most common English words from its frequency lists.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Below this many guesses (log10) a passphrase is refused: zxcvbn's "very
/// unguessable", its strongest score, against a slow key-stretching hash.
pub const MIN_GUESSES_LOG10: f64 = 10.0;
/// Only the start of a very long passphrase is examined; more only adds.
const EXAMINED_CHARS: usize = 100;
/// Guesses per character where no pattern fits.
const PER_CHARACTER: f64 = 1.0; // log10(10)
/// zxcvbn's floors for a piece inside a longer passphrase.
const MIN_SINGLE_CHAR: f64 = 1.0; // log10(10)
const MIN_PIECE: f64 = 1.69897; // log10(50)
/// Each further piece adds at least this many guesses (log10 of 10,000).
const PER_EXTRA_PIECE: f64 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Passwords,
    Words,
}

/// Every listed word with its list and rank (1 for the most common).
static RANKED: LazyLock<HashMap<&'static str, (List, u32)>> = LazyLock::new(|| {
    let mut ranked = HashMap::new();
    // The suggestion list is drawn from evenly: any of its words is as
    // likely as the list is long.
    let lists = [
        (List::Words, include_str!("common-words.txt"), false),
        (List::Words, super::words::WORD_LIST, true),
        (List::Passwords, include_str!("common-passwords.txt"), false),
    ];
    for (list, text, even) in lists {
        let length = text.lines().count() as u32;
        for (i, word) in text.lines().enumerate() {
            let rank = if even { length } else { i as u32 + 1 };
            let entry = ranked.entry(word).or_insert((list, rank));
            if rank <= entry.1 {
                *entry = (list, rank);
            }
        }
    }
    ranked
});

/// What kind of piece a guesser would try.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    Listed {
        list: List,
        rank: u32,
        capitals: bool,
        look_alikes: bool,
    },
    Repeat {
        unit_chars: usize,
    },
    Sequence,
    Year,
    Letters,
}

#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    guesses: f64,
    piece: Piece,
}

/// Why a passphrase is too easy to guess, and what would help, in the
/// clinician's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weakness {
    pub warning: &'static str,
    pub suggestion: &'static str,
}

/// log10 of the guesses `passphrase` would take, and its weakness if that
/// is below [`MIN_GUESSES_LOG10`].
pub fn estimate(passphrase: &str) -> (f64, Option<Weakness>) {
    let chars: Vec<char> = passphrase.chars().take(EXAMINED_CHARS).collect();
    if chars.is_empty() {
        return (0.0, Some(feedback(&[], 0)));
    }
    let (guesses, pieces) = cheapest_split(&chars);
    let weakness = (guesses < MIN_GUESSES_LOG10).then(|| feedback(&pieces, chars.len()));
    (guesses, weakness)
}

/// The split of `chars` into pieces that takes fewest guesses: for each
/// length of prefix and number of pieces, the cheapest product, as zxcvbn.
fn cheapest_split(chars: &[char]) -> (f64, Vec<Found>) {
    let n = chars.len();
    let mut found = patterns(chars);
    for start in 0..n {
        for end in start + 1..=n {
            found.push(Found {
                start,
                end,
                guesses: PER_CHARACTER * (end - start) as f64,
                piece: Piece::Letters,
            });
        }
    }
    for f in &mut found {
        if f.end - f.start < n {
            let floor = if f.end - f.start == 1 {
                MIN_SINGLE_CHAR
            } else {
                MIN_PIECE
            };
            f.guesses = f.guesses.max(floor);
        }
    }
    // best[end][pieces]: (log10 product, index into `found` of the last piece)
    let mut best = vec![vec![None::<(f64, usize)>; n + 1]; n + 1];
    let mut ending: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (i, f) in found.iter().enumerate() {
        ending[f.end].push(i);
    }
    for end in 1..=n {
        for &i in &ending[end] {
            let f = found[i];
            for pieces in 1..=end {
                let before = if f.start == 0 {
                    (pieces == 1).then_some(0.0)
                } else {
                    best[f.start][pieces - 1].map(|(g, _)| g)
                };
                let Some(before) = before else { continue };
                let total = before + f.guesses;
                if best[end][pieces].is_none_or(|(g, _)| total < g) {
                    best[end][pieces] = Some((total, i));
                }
            }
        }
    }
    let mut cheapest = (f64::INFINITY, 0);
    for (pieces, best) in best[n].iter().enumerate() {
        if let Some((product, _)) = best {
            let total = log10_sum(
                product + log10_factorial(pieces),
                PER_EXTRA_PIECE * (pieces - 1) as f64,
            );
            if total < cheapest.0 {
                cheapest = (total, pieces);
            }
        }
    }
    let (guesses, mut pieces) = cheapest;
    let mut split = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, i) = best[end][pieces].expect("every chosen piece has one before it");
        split.push(found[i]);
        end = found[i].start;
        pieces -= 1;
    }
    split.reverse();
    (guesses, split)
}

fn log10_factorial(n: usize) -> f64 {
    (2..=n).map(|k| (k as f64).log10()).sum()
}

/// log10(10^a + 10^b).
fn log10_sum(a: f64, b: f64) -> f64 {
    let (high, low) = if a > b { (a, b) } else { (b, a) };
    high + (1.0 + 10f64.powf(low - high)).log10()
}

/// Look-alikes a guesser undoes first: "p@ssw0rd" is tried as "password".
fn plain(c: char) -> char {
    match c {
        '4' | '@' => 'a',
        '3' => 'e',
        '1' | '!' => 'i',
        '0' => 'o',
        '$' | '5' => 's',
        '7' => 't',
        _ => c,
    }
}

fn patterns(chars: &[char]) -> Vec<Found> {
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    // Lowercasing that changes the length (rare letters) skips word lookup.
    let lower = (lower.len() == chars.len()).then_some(lower);
    let mut found = Vec::new();
    let n = chars.len();
    if let Some(lower) = &lower {
        let unswapped: Vec<char> = lower.iter().map(|&c| plain(c)).collect();
        for start in 0..n {
            for end in start + 3..=n.min(start + 18) {
                let word: String = lower[start..end].iter().collect();
                let swapped: String = unswapped[start..end].iter().collect();
                let listed = RANKED
                    .get(word.as_str())
                    .map(|&l| (l, false))
                    .or_else(|| RANKED.get(swapped.as_str()).map(|&l| (l, true)));
                if let Some(((list, rank), look_alikes)) = listed {
                    let token = &chars[start..end];
                    let capitals = token.iter().any(|c| c.is_uppercase());
                    let guesses = f64::from(rank).log10()
                        + capital_variations(token)
                        + if look_alikes { 2f64.log10() } else { 0.0 };
                    found.push(Found {
                        start,
                        end,
                        guesses,
                        piece: Piece::Listed {
                            list,
                            rank,
                            capitals,
                            look_alikes,
                        },
                    });
                }
            }
        }
    }
    repeats(chars, &mut found);
    sequences(chars, &mut found);
    years(chars, &mut found);
    found
}

/// log10 of the ways a guesser capitalises a word: none, the first letter
/// or all are tried first, any other mix is counted.
fn capital_variations(token: &[char]) -> f64 {
    let upper = token.iter().filter(|c| c.is_uppercase()).count();
    let lower = token.iter().filter(|c| c.is_lowercase()).count();
    if upper == 0 {
        return 0.0;
    }
    if lower == 0 || (upper == 1 && token[0].is_uppercase()) {
        return 2f64.log10();
    }
    let n = upper + lower;
    let ways: f64 = (1..=upper.min(lower)).map(|k| choose(n, k)).sum();
    ways.log10()
}

fn choose(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// "aaa", "abcabc": a unit said again and again costs its own guesses
/// times the number of times. From each place, the unit covering most.
fn repeats(chars: &[char], found: &mut Vec<Found>) {
    let n = chars.len();
    for start in 0..n {
        let times = |unit: usize| {
            1 + (1..)
                .take_while(|&k| {
                    let from = start + k * unit;
                    from + unit <= n && chars[from..from + unit] == chars[start..start + unit]
                })
                .count()
        };
        let best = (1..=(n - start) / 2)
            .map(|unit| (unit, times(unit)))
            .filter(|&(unit, times)| times >= if unit == 1 { 3 } else { 2 })
            .max_by_key(|&(unit, times)| (unit * times, std::cmp::Reverse(unit)));
        let Some((unit, times)) = best else { continue };
        let text: String = chars[start..start + unit].iter().collect();
        // The unit as a listed word if it is one, else letter by letter.
        let unit_guesses = RANKED
            .get(text.to_lowercase().as_str())
            .map_or(PER_CHARACTER * unit as f64, |&(_, rank)| {
                f64::from(rank).log10()
            });
        found.push(Found {
            start,
            end: start + unit * times,
            guesses: unit_guesses + (times as f64).log10(),
            piece: Piece::Repeat { unit_chars: unit },
        });
    }
}

/// "abcd", "9876": letters or digits going up or down one at a time.
fn sequences(chars: &[char], found: &mut Vec<Found>) {
    let step = |a: char, b: char| i64::from(u32::from(b)) - i64::from(u32::from(a));
    let mut start = 0;
    while start + 2 < chars.len() {
        let delta = step(chars[start], chars[start + 1]);
        let mut end = start + 1;
        while end < chars.len() && step(chars[end - 1], chars[end]) == delta {
            end += 1;
        }
        if delta.abs() == 1 && end - start >= 3 {
            let first = chars[start].to_ascii_lowercase();
            let base: f64 = if matches!(first, 'a' | 'z' | '0' | '1' | '9') {
                4.0
            } else if first.is_ascii_digit() {
                10.0
            } else {
                26.0
            };
            let descending = if delta < 0 { 2.0 } else { 1.0 };
            found.push(Found {
                start,
                end,
                guesses: (base * (end - start) as f64 * descending).log10(),
                piece: Piece::Sequence,
            });
            start = end - 1;
        } else {
            start += 1;
        }
    }
}

/// 1900 to 2099, tried early by anyone guessing a birth year or this one.
fn years(chars: &[char], found: &mut Vec<Found>) {
    for start in 0..chars.len().saturating_sub(3) {
        let digits: String = chars[start..start + 4].iter().collect();
        if matches!(digits.parse::<u32>(), Ok(1900..=2099)) {
            found.push(Found {
                start,
                end: start + 4,
                guesses: 2.0, // about a hundred years tried first
                piece: Piece::Year,
            });
        }
    }
}

/// What is wrong, from the longest piece of the cheapest split, as zxcvbn's
/// feedback says it.
fn feedback(pieces: &[Found], length: usize) -> Weakness {
    const MORE_WORDS: &str = "Add another word or two; uncommon words are better.";
    let longest = pieces.iter().max_by_key(|f| f.end - f.start);
    let alone = pieces.len() == 1;
    let (warning, suggestion) = match longest.map(|f| f.piece) {
        Some(Piece::Listed {
            list: List::Passwords,
            rank,
            ..
        }) if alone && rank <= 100 => ("This is one of the 100 most common passwords.", MORE_WORDS),
        Some(Piece::Listed {
            list: List::Passwords,
            ..
        }) => ("This is very like a commonly used password.", MORE_WORDS),
        Some(Piece::Listed { capitals: true, .. }) if alone => (
            "A single word is easy to guess.",
            "Capitals don't help much. Add another word or two.",
        ),
        Some(Piece::Listed {
            look_alikes: true, ..
        }) => (
            "Common words are easy to guess.",
            "Swapping letters for look-alikes, like “@” for “a”, doesn't help much. Add another word or two.",
        ),
        Some(Piece::Listed { .. }) if alone => ("A single word is easy to guess.", MORE_WORDS),
        Some(Piece::Listed { .. }) => ("Common words are easy to guess.", MORE_WORDS),
        Some(Piece::Repeat { unit_chars: 1 }) => (
            "Repeated characters like “aaa” are easy to guess.",
            "Avoid repeated words and characters.",
        ),
        Some(Piece::Repeat { .. }) => (
            "Repeats like “abcabc” are hardly harder to guess than “abc”.",
            "Avoid repeated words and characters.",
        ),
        Some(Piece::Sequence) => (
            "Sequences like “abc” or “6543” are easy to guess.",
            "Avoid sequences.",
        ),
        Some(Piece::Year) => (
            "Years are easy to guess.",
            "Avoid years, and dates that mean something to you.",
        ),
        Some(Piece::Letters) | None if length < 16 => {
            ("Short passphrases are easy to guess.", MORE_WORDS)
        }
        Some(Piece::Letters) | None => ("This passphrase would be guessed too soon.", MORE_WORDS),
    };
    Weakness {
        warning,
        suggestion,
    }
}
