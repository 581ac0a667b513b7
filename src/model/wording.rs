//! Words set out for the clinician to read.

/// `s` with its first letter a capital, as a sentence or a heading opens:
/// "self-harm" → "Self-harm".
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_letter_becomes_a_capital_and_nothing_else_changes() {
        assert_eq!(capitalised("self-harm"), "Self-harm");
        assert_eq!(capitalised("ring the GP"), "Ring the GP");
        assert_eq!(capitalised("über"), "Über");
        assert_eq!(capitalised(""), "");
    }
}
