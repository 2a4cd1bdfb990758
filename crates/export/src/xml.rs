//! Escaping any text for XML 1.0 element content and attribute values: the
//! publisher's RSS feeds and the places a reader exports. A writer crate
//! would be more code than this one function.

/// Escapes `&`, `<`, `>`, `"` and `'` (so the result is safe in content and
/// in either kind of quoted attribute) and keeps a carriage return as a
/// character reference (a parser would turn a raw one into a line feed).
/// Characters XML 1.0 does not allow at all (C0 controls other than tab and
/// line breaks, U+FFFE, U+FFFF) are dropped: no escape can carry them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape(r#"Tom & "Jerry" <b>'s</b> ]]>"#),
            "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s&lt;/b&gt; ]]&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFF}d"), "abcd");
        assert_eq!(escape("line\r\nnext\tтаб"), "line&#13;\nnext\tтаб");
        assert_eq!(escape("Мірскі замак 🏰"), "Мірскі замак 🏰");
    }

    /// Whatever goes in comes back out of an independent parser, as text
    /// and as an attribute value.
    #[test]
    fn round_trips_through_a_parser() {
        let nasty = "a & b < c > d \" e ' f ]]> &amp; <![CDATA[x]]> \r\n\t ё";
        let doc = format!("<r a=\"{0}\" b='{0}'>{0}</r>", escape(nasty));
        let parsed = roxmltree::Document::parse(&doc).unwrap();
        let root = parsed.root_element();
        assert_eq!(root.text(), Some(nasty));
        // Attribute values normalise tab and line feed to spaces (XML 1.0
        // §3.3.3); URLs, the only attributes we write, have neither.
        let normalised = nasty.replace(['\n', '\t'], " ");
        assert_eq!(root.attribute("a"), Some(normalised.as_str()));
        assert_eq!(root.attribute("b"), Some(normalised.as_str()));
    }
}
