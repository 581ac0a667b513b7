//! The record as CommonMark: readable as plain text, and rendered the same
//! by any Markdown viewer whatever the clinician typed.

use super::Block;

pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                out.push_str(&escape(text));
                out.push('\n');
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    out.push_str(&format!("- **{label}:** {}\n", lines(value, "  ")));
                }
            }
            Block::Text(text) if text.trim().is_empty() => out.push_str("*Nothing written.*\n"),
            Block::Text(text) => out.push_str(&paragraphs(text)),
            Block::Items(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", lines(item, "  ")));
                }
            }
            Block::Signature(name) => {
                out.push_str("Signed: ______________________________   Date: ______________");
                if !name.is_empty() {
                    out.push_str("\\\n");
                    out.push_str(&escape(name));
                }
                out.push('\n');
            }
            Block::PageBreak => out.push_str("---\n"),
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Paragraphs split at blank lines; within one, every line break is kept
/// (a backslash at the end of a line is CommonMark's hard break).
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for paragraph in text.trim().split("\n\n").filter(|p| !p.trim().is_empty()) {
        out.push_str(&lines(paragraph.trim(), ""));
        out.push_str("\n\n");
    }
    out.truncate(out.len() - 1);
    out
}

/// The lines of `text` escaped and joined by hard breaks, each continuation
/// indented by `indent` so it stays inside a list item.
fn lines(text: &str, indent: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(escape)
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

/// Text that Markdown shows exactly as typed: characters that would start
/// emphasis, links, code, HTML or tables are escaped everywhere, and those
/// that start a heading, list or quote only where they start a line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        if !out.is_empty() {
            out.push('\n');
        }
        let line = line.trim_start();
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        for (i, c) in line.char_indices() {
            let starts_block = i == 0 && matches!(c, '#' | '-' | '+' | '=');
            let ends_number = i == digits && digits > 0 && matches!(c, '.' | ')');
            if starts_block
                || ends_number
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}
