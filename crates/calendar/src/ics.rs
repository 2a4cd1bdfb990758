//! The text layer of iCalendar (RFC 5545) output: escaping TEXT values and
//! folding content lines. Events themselves (UID, DTSTART with TZID, …) are
//! assembled by their callers from these pieces.

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// newlines; carriage returns are dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1): no physical line longer than 75
/// octets, continuation lines start with a space, never splitting a UTF-8
/// character. Returns the folded line with CRLF line endings, ending in CRLF.
pub fn fold_line(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1; // the leading space counts
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

/// `NAME:value` with the value escaped as TEXT, folded.
pub fn text_property(name: &str, value: &str) -> String {
    fold_line(&format!("{name}:{}", escape_text(value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_special_characters() {
        assert_eq!(escape_text("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("Мірскі замак"), "Мірскі замак");
    }

    #[test]
    fn short_lines_are_untouched() {
        assert_eq!(fold_line("SUMMARY:Hi"), "SUMMARY:Hi\r\n");
        let exact = "X".repeat(75);
        assert_eq!(fold_line(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        for text in [
            "A".repeat(300),
            "Ўсе падзеі ў Мінску і вобласці — ".repeat(12),
            "🎻é".repeat(60),
        ] {
            let folded = fold_line(&format!("DESCRIPTION:{text}"));
            assert!(folded.ends_with("\r\n"));
            let physical: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
            assert!(physical.len() > 1);
            for (i, line) in physical.iter().enumerate() {
                assert!(line.len() <= 75, "line {i} has {} octets", line.len());
                if i > 0 {
                    assert!(line.starts_with(' '));
                }
            }
            // Unfolding (remove CRLF + one space) gives the original back.
            let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
            assert_eq!(unfolded, format!("DESCRIPTION:{text}"));
        }
    }

    #[test]
    fn text_property_escapes_then_folds() {
        assert_eq!(
            text_property("LOCATION", "Minsk, Pr. Nezavisimosti 1"),
            "LOCATION:Minsk\\, Pr. Nezavisimosti 1\r\n"
        );
    }
}
