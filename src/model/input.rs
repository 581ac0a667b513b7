//! What the clinician types into a form field, read into values, and the
//! one error type that says how to fix a refused entry.

use std::fmt;

/// Input a clinician can fix, each with a message that says how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    EmptyName,
    PlannedBelowOne,
    NotANumber(&'static str),
    EndBeforeStart,
    BadDate,
    BadTime,
    /// Not a whole number from 0 to `max` (a score, a likelihood).
    OutOfRange {
        what: &'static str,
        max: u32,
    },
    AlreadySigned,
    NoSigner,
    NotSigned,
    EmptyAddendum,
    ShortPassphrase,
    /// Long enough but quickly guessed: why, and what would help.
    WeakPassphrase {
        warning: &'static str,
        suggestion: &'static str,
    },
    PassphrasesDiffer,
    NotUnderstood,
    LockMinutes,
    SnippetName,
    SnippetTaken(String),
    EmptySnippet,
    EmptyPlanItem,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyName => f.write_str("Enter a name or a client code."),
            Self::PlannedBelowOne => f.write_str("Planned sessions must be at least 1."),
            Self::NotANumber(what) => write!(f, "{what} must be a whole number."),
            Self::EndBeforeStart => f.write_str("The end time is before the start time."),
            Self::BadDate => f.write_str("Enter the date as YYYY-MM-DD."),
            Self::BadTime => f.write_str("Enter the time as hh:mm, like 09:05."),
            Self::OutOfRange { what, max } => {
                write!(f, "{what} must be a whole number from 0 to {max}.")
            }
            Self::AlreadySigned => f.write_str("This note is already signed."),
            Self::NoSigner => f.write_str("Add your name under “Your details” before signing."),
            Self::NotSigned => f.write_str("Only a signed note takes addenda."),
            Self::EmptyAddendum => f.write_str("Write the addendum first."),
            Self::ShortPassphrase => f.write_str("A passphrase needs at least 10 characters."),
            Self::WeakPassphrase {
                warning,
                suggestion,
            } => write!(f, "{warning} {suggestion} Or use “Suggest a passphrase”."),
            Self::PassphrasesDiffer => f.write_str("The two passphrases differ."),
            Self::NotUnderstood => f.write_str(
                "Tick the box first: without the passphrase or the recovery key, \
                 nobody can open these notes.",
            ),
            Self::LockMinutes => f.write_str("Enter a whole number of minutes from 1 to 60."),
            Self::SnippetName => f.write_str(
                "A snippet name is one word of letters, digits or dashes, like “safety”.",
            ),
            Self::SnippetTaken(name) => write!(f, "There is already a snippet named ;{name}."),
            Self::EmptySnippet => f.write_str("Write the snippet's text first."),
            Self::EmptyPlanItem => f.write_str("Write what it is first."),
        }
    }
}

impl std::error::Error for InputError {}

/// A trimmed, non-empty name or client code.
pub fn parse_name(input: &str) -> Result<String, InputError> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(InputError::EmptyName)
    } else {
        Ok(name)
    }
}

/// Planned number of sessions in a course: a whole number, at least 1.
pub fn parse_planned(input: &str) -> Result<u32, InputError> {
    let n: i64 = input
        .trim()
        .parse()
        .map_err(|_| InputError::NotANumber("Planned sessions"))?;
    if n < 1 {
        return Err(InputError::PlannedBelowOne);
    }
    u32::try_from(n).map_err(|_| InputError::NotANumber("Planned sessions"))
}

/// A whole number from 0 to `max`, digits only (no signs, decimals or
/// words); an empty field means "not set". Overlong input is refused rather
/// than wrapped.
pub fn parse_bounded(input: &str, what: &'static str, max: u32) -> Result<Option<u32>, InputError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let refused = InputError::OutOfRange { what, max };
    if !input.bytes().all(|b| b.is_ascii_digit()) {
        return Err(refused);
    }
    match input.parse::<u32>() {
        Ok(n) if n <= max => Ok(Some(n)),
        _ => Err(refused),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_must_not_be_empty() {
        assert_eq!(parse_name("  Alex   K. ").unwrap(), "Alex K.");
        assert_eq!(parse_name(" \t "), Err(InputError::EmptyName));
        assert_eq!(
            InputError::EmptyName.to_string(),
            "Enter a name or a client code."
        );
    }

    #[test]
    fn planned_sessions_must_be_a_whole_number_of_at_least_one() {
        assert_eq!(parse_planned(" 24 "), Ok(24));
        assert_eq!(parse_planned("1"), Ok(1));
        assert_eq!(parse_planned("0"), Err(InputError::PlannedBelowOne));
        assert_eq!(parse_planned("-3"), Err(InputError::PlannedBelowOne));
        assert_eq!(
            parse_planned("twelve"),
            Err(InputError::NotANumber("Planned sessions"))
        );
        assert_eq!(
            parse_planned("2.5").unwrap_err().to_string(),
            "Planned sessions must be a whole number."
        );
    }

    #[test]
    fn bounded_numbers_are_whole_and_within_range() {
        let refused = Err(InputError::OutOfRange {
            what: "Likelihood",
            max: 100,
        });
        assert_eq!(parse_bounded(" 85 ", "Likelihood", 100), Ok(Some(85)));
        assert_eq!(parse_bounded("100", "Likelihood", 100), Ok(Some(100)));
        assert_eq!(parse_bounded("  ", "Likelihood", 100), Ok(None));
        for bad in ["101", "-1", "+5", "7.5", "x", "99999999999999999999"] {
            assert_eq!(parse_bounded(bad, "Likelihood", 100), refused, "{bad}");
        }
        assert_eq!(
            parse_bounded("101", "Likelihood", 100)
                .unwrap_err()
                .to_string(),
            "Likelihood must be a whole number from 0 to 100."
        );
    }
}
