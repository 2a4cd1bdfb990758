//! Article bodies: Markdown in, contract [`Block`]s out.
//!
//! Only a small, safe subset is accepted (see docs/content-authoring.md);
//! anything else is reported with its line rather than dropped or passed
//! through, so what an editor writes is what readers get.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag};

use portal_contract::blocks::is_safe_href;
use portal_contract::{Block, Image, Inline};

use crate::error::{line_of_offset, LineError};
use crate::media::{Lookup, MediaLibrary};

/// What starts an attribution line at the end of a quote.
const ATTRIBUTION_DASH: &str = "— ";

/// How deep emphasis, strong and links may nest inside each other. Far
/// beyond any real text, and it keeps every published document well inside
/// what JSON readers accept (the app's parser stops at 128 levels).
pub const MAX_INLINE_NESTING: usize = 8;

/// Converts a body to blocks. `first_line` is the file line the body starts
/// on, so reported lines match the file. Image sizes come from `media`.
pub fn parse_body(
    body: &str,
    first_line: usize,
    media: &MediaLibrary,
) -> (Vec<Block>, Vec<LineError>) {
    // Footnotes are switched on only so they can be recognised and refused;
    // tables, strikethrough and the rest stay off and read as plain text.
    let events = Parser::new_ext(body, Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .collect();
    let mut converter = Converter {
        events,
        next: 0,
        body,
        first_line,
        media,
        errors: Vec::new(),
        inline_depth: 0,
    };
    let blocks = converter.body();
    (blocks, converter.errors)
}

struct Converter<'a, 'm> {
    events: Vec<(Event<'a>, Range<usize>)>,
    next: usize,
    body: &'a str,
    first_line: usize,
    media: &'m MediaLibrary,
    errors: Vec<LineError>,
    /// Emphasis, strong and links open around the current inline.
    inline_depth: usize,
}

/// Inline content plus the images met in it, which only a paragraph of
/// their own may hold.
#[derive(Default)]
struct Inlines {
    content: Vec<Inline>,
    images: Vec<(Image, usize)>,
}

impl<'a> Converter<'a, '_> {
    fn take(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let item = self.events.get(self.next).cloned();
        self.next += 1;
        item
    }

    fn line(&self, range: &Range<usize>) -> usize {
        self.first_line + line_of_offset(self.body, range.start) - 1
    }

    fn error(&mut self, range: &Range<usize>, reason: impl Into<String>) {
        let line = self.line(range);
        self.errors.push(LineError::new(line, reason));
    }

    /// After a `Start` has been taken: skips everything up to its `End`.
    fn skip_rest_of_element(&mut self) {
        let mut depth = 1usize;
        while let Some((event, _)) = self.take() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn body(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut has_paragraph = false;
        let mut first_range = None;
        while let Some((event, range)) = self.take() {
            first_range.get_or_insert(range.clone());
            match event {
                Event::Start(Tag::Paragraph) => {
                    let inlines = self.inlines_until_end();
                    // A paragraph with a problem still counts as text; only
                    // an image standing alone does not.
                    has_paragraph |= inlines.images.is_empty() || !inlines.content.is_empty();
                    if let Some(block) = self.paragraph_block(inlines, &range) {
                        blocks.push(block);
                    }
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    let inlines = self.inlines_until_end();
                    if let Some(block) = self.heading_block(level, inlines, &range) {
                        blocks.push(block);
                    }
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    if let Some(block) = self.quote_block(&range) {
                        blocks.push(block);
                    }
                }
                Event::Start(Tag::List(start)) => {
                    if let Some(block) = self.list_block(start.is_some(), &range) {
                        blocks.push(block);
                    }
                }
                Event::Start(tag) => {
                    let reason = refusal_for_block(&tag);
                    self.error(&range, reason);
                    self.skip_rest_of_element();
                }
                Event::Rule => self.error(
                    &range,
                    "thematic breaks (---, ***) are not allowed; use a `##` heading to separate sections",
                ),
                other => {
                    let reason = refusal_for_inline_event(&other);
                    self.error(&range, reason);
                }
            }
        }
        match first_range {
            None => self.errors.push(LineError::new(
                self.first_line.saturating_sub(1).max(1),
                "the body is empty: write at least one paragraph after the front matter",
            )),
            Some(range) if !has_paragraph => {
                self.error(&range, "the body needs at least one paragraph of text")
            }
            Some(_) => {}
        }
        blocks
    }

    /// A paragraph, or an image standing alone in one.
    fn paragraph_block(&mut self, inlines: Inlines, range: &Range<usize>) -> Option<Block> {
        let Inlines {
            content,
            mut images,
        } = inlines;
        if images.is_empty() {
            return (!content.is_empty()).then_some(Block::Paragraph { content });
        }
        if images.len() == 1 && content.is_empty() {
            let (image, _) = images.remove(0);
            return Some(Block::Image { image });
        }
        self.error(
            range,
            "an image must stand alone in its paragraph: put a blank line before and after it and no text beside it",
        );
        None
    }

    fn heading_block(
        &mut self,
        level: HeadingLevel,
        inlines: Inlines,
        range: &Range<usize>,
    ) -> Option<Block> {
        self.refuse_images(&inlines, "a heading");
        let level = match level {
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            HeadingLevel::H1 => {
                self.error(
                    range,
                    "level 1 headings (`#` or `===`) are not allowed: the title is the page's only h1; use `##` or `###`",
                );
                return None;
            }
            other => {
                self.error(
                    range,
                    format!("{other} headings are not allowed; use `##` or `###`"),
                );
                return None;
            }
        };
        if inlines.content.is_empty() {
            self.error(range, "the heading is empty");
            return None;
        }
        Some(Block::Heading {
            level,
            content: inlines.content,
        })
    }

    /// After `Start(BlockQuote)`: paragraphs only, the last one possibly an
    /// attribution (`— Name, role`).
    fn quote_block(&mut self, range: &Range<usize>) -> Option<Block> {
        let mut paragraphs = Vec::new();
        while let Some((event, inner_range)) = self.take() {
            match event {
                Event::End(_) => break,
                Event::Start(Tag::Paragraph) => {
                    let inlines = self.inlines_until_end();
                    self.refuse_images(&inlines, "a quote");
                    if !inlines.content.is_empty() {
                        paragraphs.push(inlines.content);
                    }
                }
                Event::Start(tag) => {
                    let reason = match tag {
                        Tag::BlockQuote(_) => "nested quotes are not allowed".to_string(),
                        Tag::List(_) => "lists inside quotes are not allowed".to_string(),
                        Tag::Heading { .. } => "headings inside quotes are not allowed".to_string(),
                        other => refusal_for_block(&other),
                    };
                    self.error(&inner_range, reason);
                    self.skip_rest_of_element();
                }
                other => {
                    let reason = refusal_for_inline_event(&other);
                    self.error(&inner_range, reason);
                }
            }
        }
        let attribution = match paragraphs.last() {
            Some(last) => Inline::plain_text(last)
                .strip_prefix(ATTRIBUTION_DASH)
                .map(|name| name.trim().to_string()),
            None => None,
        };
        if attribution.is_some() {
            paragraphs.pop();
        }
        if paragraphs.is_empty() {
            let reason = if attribution.is_some() {
                "the quote has an attribution but nothing quoted"
            } else {
                "the quote is empty"
            };
            self.error(range, reason);
            return None;
        }
        if attribution.as_deref() == Some("") {
            self.error(range, "the quote's attribution line has no name after `— `");
        }
        Some(Block::Quote {
            paragraphs,
            attribution,
        })
    }

    /// After `Start(List)`: flat items of inline content, tight or loose.
    fn list_block(&mut self, ordered: bool, range: &Range<usize>) -> Option<Block> {
        let mut items = Vec::new();
        let mut ok = true;
        while let Some((event, item_range)) = self.take() {
            match event {
                Event::End(_) => break,
                Event::Start(Tag::Item) => match self.list_item(&item_range) {
                    Some(item) => items.push(item),
                    None => ok = false,
                },
                // The parser only puts items directly in lists.
                _ => {}
            }
        }
        if items.is_empty() && ok {
            self.error(range, "the list is empty");
        }
        (ok && !items.is_empty()).then_some(Block::List { ordered, items })
    }

    /// After `Start(Item)`: a tight item holds inline events directly, a
    /// loose one holds a paragraph.
    fn list_item(&mut self, range: &Range<usize>) -> Option<Vec<Inline>> {
        let mut tight = Inlines::default();
        let mut paragraphs = Vec::new();
        let mut ok = true;
        while let Some((event, inner_range)) = self.take() {
            match event {
                Event::End(_) => break,
                Event::Start(Tag::Paragraph) => paragraphs.push(self.inlines_until_end()),
                Event::Start(Tag::List(_)) => {
                    self.error(
                        &inner_range,
                        "nested lists are not allowed; keep lists flat",
                    );
                    self.skip_rest_of_element();
                    ok = false;
                }
                Event::Start(tag) if !is_inline_tag(&tag) => {
                    let reason = match tag {
                        Tag::BlockQuote(_) => {
                            "quotes inside list items are not allowed".to_string()
                        }
                        Tag::Heading { .. } => {
                            "headings inside list items are not allowed".to_string()
                        }
                        other => refusal_for_block(&other),
                    };
                    self.error(&inner_range, reason);
                    self.skip_rest_of_element();
                    ok = false;
                }
                other => self.inline_event(other, inner_range, &mut tight),
            }
        }
        let mut parts: Vec<Inlines> = paragraphs;
        if !tight.content.is_empty() || !tight.images.is_empty() {
            parts.insert(0, tight);
        }
        if parts.len() > 1 {
            self.error(range, "a list item must be a single paragraph");
            return None;
        }
        let Some(item) = parts.pop() else {
            self.error(range, "the list item is empty");
            return None;
        };
        self.refuse_images(&item, "a list item");
        if item.content.is_empty() {
            self.error(range, "the list item is empty");
            return None;
        }
        (ok && item.images.is_empty()).then_some(item.content)
    }

    fn refuse_images(&mut self, inlines: &Inlines, place: &str) {
        for (_, line) in &inlines.images {
            self.errors.push(LineError::new(
                *line,
                format!("images are not allowed inside {place}; put the image on a paragraph of its own"),
            ));
        }
    }

    /// Reads inline events up to the `End` of the element whose `Start` was
    /// just taken.
    fn inlines_until_end(&mut self) -> Inlines {
        let mut inlines = Inlines::default();
        while let Some((event, range)) = self.take() {
            match event {
                Event::End(_) => break,
                Event::Start(tag) if !is_inline_tag(&tag) => {
                    let reason = refusal_for_block(&tag);
                    self.error(&range, reason);
                    self.skip_rest_of_element();
                }
                other => self.inline_event(other, range, &mut inlines),
            }
        }
        inlines
    }

    fn inline_event(&mut self, event: Event<'a>, range: Range<usize>, out: &mut Inlines) {
        match event {
            Event::Text(text) => push_text(&mut out.content, &text),
            Event::SoftBreak => push_text(&mut out.content, " "),
            Event::HardBreak => out.content.push(Inline::LineBreak),
            Event::Start(Tag::Emphasis) => {
                let children = self.nested(out);
                out.content.push(Inline::Emphasis { children });
            }
            Event::Start(Tag::Strong) => {
                let children = self.nested(out);
                out.content.push(Inline::Strong { children });
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                // `<name@example.org>` arrives without its scheme.
                let href = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                if !is_safe_href(&href) {
                    self.error(
                        &range,
                        format!("link target {href:?} is not allowed: use an http(s):// address, mailto: or a site path starting with /"),
                    );
                }
                let children = self.nested(out);
                if Inline::plain_text(&children).trim().is_empty() {
                    self.error(&range, format!("the link to {href:?} has no text"));
                }
                out.content.push(Inline::Link { href, children });
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let alt_inlines = self.inlines_until_end();
                let alt = Inline::plain_text(&alt_inlines.content).trim().to_string();
                if let Some(image) = self.image(&dest_url, alt, &title, &range) {
                    out.images.push((image, self.line(&range)));
                }
            }
            Event::Start(tag) => {
                let reason = refusal_for_block(&tag);
                self.error(&range, reason);
                self.skip_rest_of_element();
            }
            other => {
                let reason = refusal_for_inline_event(&other);
                self.error(&range, reason);
            }
        }
    }

    /// The children of an emphasis, strong or link; images inside them are
    /// passed up so the paragraph can refuse them.
    fn nested(&mut self, out: &mut Inlines) -> Vec<Inline> {
        if self.inline_depth >= MAX_INLINE_NESTING {
            // Refused, and skipped without recursing (no stack to exhaust).
            let range = self
                .events
                .get(self.next.saturating_sub(1))
                .map(|(_, r)| r.clone());
            if let Some(range) = range {
                self.error(
                    &range,
                    format!("emphasis, strong and links nest more than {MAX_INLINE_NESTING} deep"),
                );
            }
            self.skip_rest_of_element();
            return Vec::new();
        }
        self.inline_depth += 1;
        let inner = self.inlines_until_end();
        self.inline_depth -= 1;
        out.images.extend(inner.images);
        inner.content
    }

    fn image(
        &mut self,
        src: &str,
        alt: String,
        title: &str,
        range: &Range<usize>,
    ) -> Option<Image> {
        if alt.is_empty() {
            self.error(
                range,
                format!("the image {src:?} has no alt text; describe the picture between the brackets: ![A red-brick castle]({src})"),
            );
        }
        let size = match self.media.lookup(src) {
            Lookup::Found(size) => size,
            // The file's own problems are reported for the file.
            Lookup::Broken => return None,
            Lookup::Refused(reason) => {
                self.error(range, reason);
                return None;
            }
        };
        let caption = title.trim();
        Some(Image {
            src: src.to_string(),
            width: size.width,
            height: size.height,
            alt,
            caption: (!caption.is_empty()).then(|| caption.to_string()),
            credit: None,
            photo: None,
        })
        .map(|image| self.media.dress(image))
    }
}

/// Appends text, merging it into a preceding text node.
fn push_text(content: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text { text: last }) = content.last_mut() {
        last.push_str(text);
    } else {
        content.push(Inline::text(text));
    }
}

fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn refusal_for_block(tag: &Tag<'_>) -> String {
    match tag {
        Tag::CodeBlock(_) => {
            "code blocks are not allowed (an indented line also starts one)".to_string()
        }
        Tag::HtmlBlock => "raw HTML is not allowed (this includes <!-- comments -->)".to_string(),
        Tag::FootnoteDefinition(_) => "footnotes are not allowed".to_string(),
        Tag::List(_) => "nested lists are not allowed; keep lists flat".to_string(),
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => {
            "tables are not allowed".to_string()
        }
        other => format!("{other:?} is not allowed here"),
    }
}

fn refusal_for_inline_event(event: &Event<'_>) -> String {
    match event {
        Event::Code(code) => {
            format!("inline code (`{code}`) is not allowed; write it as plain text")
        }
        Event::Html(html) | Event::InlineHtml(html) => {
            format!("raw HTML ({}) is not allowed", html.trim())
        }
        Event::FootnoteReference(label) => {
            format!("footnotes ([^{label}]) are not allowed")
        }
        Event::Rule => "thematic breaks (---, ***) are not allowed".to_string(),
        other => format!("{other:?} is not allowed here"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media() -> MediaLibrary {
        let mut library = MediaLibrary::default();
        assert!(library
            .add(
                "castle.svg",
                br#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"/>"#.to_vec()
            )
            .is_empty());
        library
    }

    fn convert(body: &str) -> (Vec<Block>, Vec<String>) {
        let (blocks, errors) = parse_body(body, 10, &media());
        let errors = errors
            .into_iter()
            .map(|e| format!("{}: {}", e.line, e.reason))
            .collect();
        (blocks, errors)
    }

    fn ok(body: &str) -> Vec<Block> {
        let (blocks, errors) = convert(body);
        assert!(errors.is_empty(), "{errors:?}");
        blocks
    }

    #[test]
    fn inline_nesting_is_bounded() {
        // Eight levels read; nine are refused with the line, and a very deep
        // one neither overflows the stack nor reaches the JSON.
        let nest = |levels: usize| {
            let marker = |i: usize| if i % 2 == 0 { "*" } else { "_" };
            let open: String = (0..levels).map(|i| format!("{}w{i} ", marker(i))).collect();
            let close: String = (0..levels)
                .rev()
                .map(|i| format!(" w{i}{}", marker(i)))
                .collect();
            format!("Intro\n\n{open}deep{close}\n")
        };
        ok(&nest(MAX_INLINE_NESTING));
        let errors = refused(&nest(MAX_INLINE_NESTING + 1));
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("12: ") && e.contains("nest more than 8 deep")),
            "{errors:?}"
        );
        let links = format!("{}x{}", "[".repeat(5000), "](/en/)".repeat(5000));
        let _ = convert(&links);
        let stars = format!("{}x{}", "*a ".repeat(20_000), " b*".repeat(20_000));
        let _ = convert(&stars);
    }

    /// Errors for `body`, which must have some.
    fn refused(body: &str) -> Vec<String> {
        let (_, errors) = convert(body);
        assert!(!errors.is_empty(), "{body:?} should be refused");
        errors
    }

    fn text(t: &str) -> Inline {
        Inline::text(t)
    }

    fn para(content: Vec<Inline>) -> Block {
        Block::Paragraph { content }
    }

    #[test]
    fn paragraphs_with_inline_formatting() {
        let blocks = ok("First *em* and **strong**\nwith [a link](https://example.org) and\\\nbreak.\n\nSecond.");
        assert_eq!(
            blocks,
            vec![
                para(vec![
                    text("First "),
                    Inline::Emphasis {
                        children: vec![text("em")]
                    },
                    text(" and "),
                    Inline::Strong {
                        children: vec![text("strong")]
                    },
                    text(" with "),
                    Inline::Link {
                        href: "https://example.org".into(),
                        children: vec![text("a link")]
                    },
                    text(" and"),
                    Inline::LineBreak,
                    text("break."),
                ]),
                para(vec![text("Second.")]),
            ]
        );
    }

    #[test]
    fn adjacent_text_is_merged() {
        // Entities and escapes arrive as separate text events.
        assert_eq!(
            ok("Tom &amp; Jerry \\*not em\\*"),
            vec![para(vec![text("Tom & Jerry *not em*")])]
        );
    }

    #[test]
    fn headings_two_and_three_only() {
        assert_eq!(
            ok("## Two\n\n### Three\n\nText."),
            vec![
                Block::Heading {
                    level: 2,
                    content: vec![text("Two")]
                },
                Block::Heading {
                    level: 3,
                    content: vec![text("Three")]
                },
                para(vec![text("Text.")]),
            ]
        );
        let errors = refused("Text.\n\n# One");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("12: level 1 headings"), "{errors:?}");
        assert!(refused("Text.\n\nTitle\n=====")[0].starts_with("12: level 1"));
        assert!(refused("Text.\n\n#### Four")[0].contains("h4 headings are not allowed"));
        assert!(refused("Text.\n\n###### Six")[0].contains("h6 headings"));
    }

    #[test]
    fn quotes_with_and_without_attribution() {
        assert_eq!(
            ok("Text.\n\n> One.\n>\n> Two.\n>\n> — Name Surname, role"),
            vec![
                para(vec![text("Text.")]),
                Block::Quote {
                    paragraphs: vec![vec![text("One.")], vec![text("Two.")]],
                    attribution: Some("Name Surname, role".into()),
                },
            ]
        );
        assert_eq!(
            ok("Text.\n\n> Just a quote — with a dash inside.")[1],
            Block::Quote {
                paragraphs: vec![vec![text("Just a quote — with a dash inside.")]],
                attribution: None,
            }
        );
        assert!(refused("Text.\n\n> — Only a name")[0].contains("nothing quoted"));
        assert!(refused("Text.\n\n> > nested")[0].contains("nested quotes"));
        assert!(refused("Text.\n\n> - a list")[0].contains("lists inside quotes"));
    }

    #[test]
    fn tight_and_loose_flat_lists() {
        let expected = Block::List {
            ordered: false,
            items: vec![
                vec![
                    text("one "),
                    Inline::Strong {
                        children: vec![text("two")],
                    },
                ],
                vec![text("three")],
            ],
        };
        assert_eq!(ok("Text.\n\n- one **two**\n- three")[1], expected);
        assert_eq!(ok("Text.\n\n* one **two**\n\n* three")[1], expected);
        assert_eq!(
            ok("Text.\n\n1. first\n2. second")[1],
            Block::List {
                ordered: true,
                items: vec![vec![text("first")], vec![text("second")]],
            }
        );
    }

    #[test]
    fn nested_lists_are_refused_with_their_line() {
        let errors = refused("Text.\n\n- one\n  - inner\n- two");
        assert_eq!(
            errors,
            ["13: nested lists are not allowed; keep lists flat"]
        );
        let errors = refused("Text.\n\n1. one\n\n   1. inner");
        assert_eq!(
            errors,
            ["14: nested lists are not allowed; keep lists flat"]
        );
        assert!(refused("Text.\n\n- one\n\n  second paragraph")[0].contains("single paragraph"));
    }

    #[test]
    fn image_alone_becomes_an_image_block() {
        assert_eq!(
            ok("Text.\n\n![A castle](media/castle.svg \"Mir Castle\")")[1],
            Block::Image {
                image: Image {
                    src: "media/castle.svg".into(),
                    width: 1200,
                    height: 675,
                    alt: "A castle".into(),
                    caption: Some("Mir Castle".into()),
                    credit: None,
                    photo: None,
                }
            }
        );
        let Block::Image { image } = &ok("Text.\n\n![A *castle*](media/castle.svg)")[1] else {
            panic!("not an image");
        };
        assert_eq!(image.alt, "A castle");
        assert_eq!(image.caption, None);
    }

    #[test]
    fn image_problems() {
        assert_eq!(
            refused("Text.\n\n![](media/castle.svg)"),
            ["12: the image \"media/castle.svg\" has no alt text; describe the picture between the brackets: ![A red-brick castle](media/castle.svg)"]
        );
        assert!(refused("Text.\n\n![A](media/missing.svg)")[0].contains("not found"));
        assert!(refused("Text.\n\n![A](https://x.by/a.svg)")[0]
            .contains("must point at a file in media/"));
        assert!(refused("Text with ![A](media/castle.svg) inside.")[0].contains("stand alone"));
        assert!(
            refused("Text.\n\n![A](media/castle.svg)\n![B](media/castle.svg)")[0]
                .contains("stand alone")
        );
        assert!(refused("Text.\n\n[![A](media/castle.svg)](https://x.by)")
            .iter()
            .any(|e| e.contains("stand alone")));
        assert!(refused("Text.\n\n- ![A](media/castle.svg)")[0].contains("inside a list item"));
        assert!(refused("Text.\n\n## ![A](media/castle.svg)")[0].contains("inside a heading"));
    }

    #[test]
    fn links_must_be_safe() {
        for href in ["/en/news", "mailto:desk@portal.by", "http://a.by"] {
            ok(&format!("A [link]({href})."));
        }
        assert_eq!(
            ok("Write to <desk@portal.by>."),
            vec![para(vec![
                text("Write to "),
                Inline::Link {
                    href: "mailto:desk@portal.by".into(),
                    children: vec![text("desk@portal.by")]
                },
                text(".")
            ])]
        );
        for href in [
            "javascript:alert(1)",
            "relative/page",
            "//evil.example",
            "data:text/html,x",
        ] {
            let errors = refused(&format!("Line one.\n\nA [link]({href})."));
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(errors[0].starts_with("12: link target"), "{errors:?}");
        }
        assert!(refused("A [](https://a.by).")[0].contains("has no text"));
    }

    #[test]
    fn raw_html_code_and_footnotes_are_refused() {
        assert_eq!(
            refused("Text.\n\n<div>\nhi\n</div>"),
            ["12: raw HTML is not allowed (this includes <!-- comments -->)"]
        );
        assert_eq!(
            refused("Text with <b>bold</b>."),
            [
                "10: raw HTML (<b>) is not allowed",
                "10: raw HTML (</b>) is not allowed"
            ]
        );
        assert_eq!(
            refused("Text.\n\n```\ncode\n```"),
            ["12: code blocks are not allowed (an indented line also starts one)"]
        );
        assert!(refused("Text.\n\n    indented")[0].starts_with("12: code blocks"));
        assert_eq!(
            refused("Use `code` here."),
            ["10: inline code (`code`) is not allowed; write it as plain text"]
        );
        let errors = refused("Text.[^1]\n\n[^1]: A note.");
        assert!(
            errors.iter().any(|e| e.starts_with("10: footnotes")),
            "{errors:?}"
        );
        assert!(
            errors.iter().any(|e| e.starts_with("12: footnotes")),
            "{errors:?}"
        );
        assert!(refused("Text.\n\n---\n\nMore.")[0].starts_with("12: thematic breaks"));
    }

    #[test]
    fn tables_stay_plain_text() {
        // The table extension is off: pipes are just characters.
        assert_eq!(
            ok("| a | b |\n|---|---|"),
            vec![para(vec![text("| a | b | |---|---|")])]
        );
    }

    #[test]
    fn empty_bodies_and_bodies_without_paragraphs() {
        assert_eq!(
            refused("\n  \n"),
            ["9: the body is empty: write at least one paragraph after the front matter"]
        );
        assert_eq!(
            refused("\n## Only a heading"),
            ["11: the body needs at least one paragraph of text"]
        );
        assert!(refused("![A](media/castle.svg)")[0].contains("at least one paragraph"));
    }

    #[test]
    fn every_error_is_reported() {
        let errors = refused("# One\n\nUse `x`.\n\n<div></div>\n\n- a\n  - b");
        assert_eq!(errors.len(), 4, "{errors:?}");
        // The missing paragraph is reported beside other problems.
        let errors = refused("```\ncode\n```\n\n![A](media/castle.svg)");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[1].contains("at least one paragraph"), "{errors:?}");
    }
}
