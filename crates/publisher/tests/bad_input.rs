//! One test per kind of bad input: the build fails with exit code 1, names
//! the file, line and reason, leaves an existing output untouched and leaves
//! no temporary directory behind.

mod support;

use support::{article, article_with_body, Fixture};

const EN: &str = "news/mir-castle/en.md";

fn mir() -> String {
    article("Mir Castle", "culture", "2026-10-14T09:30:00+03:00")
}

/// The fixture with the English `mir-castle` article replaced.
fn with_en(text: &str) -> Fixture {
    let fixture = Fixture::new();
    fixture.write(EN, text);
    fixture
}

#[test]
fn missing_required_field() {
    let text = mir().replace("lead = \"A short lead for Mir Castle.\"\n", "");
    with_en(&text).assert_refused(EN, 1, "missing required field `lead`");
}

#[test]
fn missing_hero_alt() {
    let text = mir().replace("alt = \"A red-brick castle\"\n", "");
    with_en(&text).assert_refused(EN, 8, "missing required field `hero.alt`");
}

#[test]
fn unknown_field() {
    let text = mir().replace("tags = ", "author = \"me\"\ntags = ");
    with_en(&text).assert_refused(EN, 6, "unknown field `author`");
}

#[test]
fn empty_title_and_overlong_lead() {
    let long = "x".repeat(301);
    let text = mir()
        .replace("title = \"Mir Castle\"", "title = \"\"")
        .replace("A short lead for Mir Castle.", &long);
    let fixture = with_en(&text);
    let run = fixture.assert_refused(EN, 2, "must not be empty");
    assert!(run.stderr.contains(&format!(
        "{EN}:3: front matter: `lead` is 301 characters long"
    )));
}

#[test]
fn unknown_category() {
    let text = mir().replace("category = \"culture\"", "category = \"politics\"");
    with_en(&text).assert_refused(EN, 4, "unknown category \"politics\"");
}

#[test]
fn duplicate_slug_from_a_stray_file() {
    let fixture = Fixture::new();
    fixture.write("news/mir-castle.md", &mir());
    let run = fixture.assert_refused("news/mir-castle.md", 1, "duplicate slug \"mir-castle\"");
    assert!(
        run.stderr.contains("news/mir-castle.md:1: stray file"),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_slug_from_case_variants() {
    let fixture = Fixture::new();
    fixture.write("news/Mir-Castle/en.md", &mir());
    let run = fixture.assert_refused("news/mir-castle", 1, "duplicate slug \"mir-castle\"");
    assert!(run
        .stderr
        .contains("news/Mir-Castle:1: folder name \"Mir-Castle\" is not a valid slug"));
}

#[test]
fn invalid_folder_and_file_names() {
    let fixture = Fixture::new();
    fixture.write("news/mir_castle_2/en.md", &mir());
    fixture.write("news/mir-castle/de.md", &mir());
    let run = fixture.assert_refused("news/mir_castle_2", 1, "is not a valid slug");
    assert!(
        run.stderr
            .contains("news/mir-castle/de.md:1: unexpected entry"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_date() {
    let text = mir().replace("2026-10-14T09:30:00+03:00", "2026-02-30T09:30:00+03:00");
    with_en(&text).assert_refused(EN, 5, "`published` is not an RFC 3339 date");
}

#[test]
fn updated_before_published() {
    let text = mir().replace(
        "tags = ",
        "updated = \"2026-10-13T09:30:00+03:00\"\ntags = ",
    );
    with_en(&text).assert_refused(
        EN,
        6,
        "`updated` (2026-10-13T09:30:00+03:00) is earlier than `published`",
    );
}

#[test]
fn image_without_alt() {
    let text = article_with_body("Text.\n\n![](media/castle.svg)\n");
    with_en(&text).assert_refused(EN, 14, "has no alt text");
}

#[test]
fn hero_with_empty_alt() {
    let text = mir().replace("alt = \"A red-brick castle\"", "alt = \" \"");
    with_en(&text).assert_refused(EN, 10, "`hero.alt` must describe the image");
}

#[test]
fn raw_html_block() {
    let text = article_with_body("Text.\n\n<div class=\"box\">\nHi\n</div>\n");
    with_en(&text).assert_refused(EN, 14, "raw HTML is not allowed");
}

#[test]
fn inline_html() {
    let text = article_with_body("Text.\n\nSome <span style=\"color:red\">red</span> text.\n");
    with_en(&text).assert_refused(
        EN,
        14,
        "raw HTML (<span style=\"color:red\">) is not allowed",
    );
}

#[test]
fn level_one_heading() {
    let text = article_with_body("Text.\n\n# A second title\n");
    with_en(&text).assert_refused(EN, 14, "level 1 headings");
}

#[test]
fn code_block() {
    let text = article_with_body("Text.\n\n```rust\nfn main() {}\n```\n");
    with_en(&text).assert_refused(EN, 14, "code blocks are not allowed");
}

#[test]
fn inline_code() {
    let text = article_with_body("Run `make` now.\n");
    with_en(&text).assert_refused(EN, 12, "inline code (`make`) is not allowed");
}

#[test]
fn nested_list() {
    let text = article_with_body("Text.\n\n- one\n- two\n  - inner\n");
    with_en(&text).assert_refused(EN, 16, "nested lists are not allowed");
}

#[test]
fn missing_image_file() {
    let text = article_with_body("Text.\n\n![A bison](media/bison.svg)\n");
    with_en(&text).assert_refused(EN, 14, "image \"media/bison.svg\" not found");
    let text = mir().replace("media/castle.svg", "media/nope.svg");
    with_en(&text).assert_refused(EN, 9, "hero image \"media/nope.svg\" not found");
}

#[test]
fn svg_without_size_or_with_script() {
    let fixture = Fixture::new();
    fixture.write(
        "media/castle.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">\n<script>alert(1)</script></svg>",
    );
    let run = fixture.assert_refused("media/castle.svg", 2, "<script>");
    assert!(run
        .stderr
        .contains("media/castle.svg:1: the <svg> element needs a `width` attribute"));
}

#[test]
fn unsafe_link() {
    let text = article_with_body("Text.\n\nClick [here](javascript:alert(1)).\n");
    with_en(&text).assert_refused(EN, 14, "link target \"javascript:alert(1)\" is not allowed");
}

#[test]
fn image_inside_text() {
    let text = article_with_body("Look: ![A castle](media/castle.svg) here.\n");
    with_en(&text).assert_refused(EN, 12, "an image must stand alone in its paragraph");
}

#[test]
fn empty_body() {
    with_en(&article_with_body("\n")).assert_refused(EN, 11, "the body is empty");
    with_en(&article_with_body("## Only a heading\n")).assert_refused(
        EN,
        12,
        "at least one paragraph",
    );
}

#[test]
fn translation_must_match_english() {
    let fixture = Fixture::new();
    let ru = article("Мирский замок", "sport", "2026-10-15T09:30:00+03:00");
    fixture.write("news/mir-castle/ru.md", &ru);
    let run = fixture.assert_refused(
        "news/mir-castle/ru.md",
        4,
        "category \"sport\" differs from \"culture\" in news/mir-castle/en.md",
    );
    assert!(run
        .stderr
        .contains("news/mir-castle/ru.md:5: front matter: published"));
}

#[test]
fn translation_without_english() {
    let fixture = Fixture::new();
    fixture.write("news/only-russian/ru.md", &mir());
    fixture.assert_refused("news/only-russian/en.md", 1, "missing English file");
}

#[test]
fn every_problem_is_reported_at_once() {
    let fixture = Fixture::new();
    fixture.write(EN, &article_with_body("Text with <b>html</b>.\n\n# H1\n"));
    fixture.write(
        "news/second/en.md",
        &article("Second", "nope", "2026-10-14T09:30:00+03:00"),
    );
    fixture.write(
        "categories.toml",
        &format!(
            "{}\n[[category]]\nslug = \"Bad\"\nen = \"B\"\nru = \"B\"\nbe = \"B\"\n",
            support::CATEGORIES
        ),
    );
    let run = fixture.assert_refused(EN, 12, "raw HTML (<b>)");
    for expected in [
        "categories.toml:20: category slug \"Bad\" is not valid",
        "news/mir-castle/en.md:14: level 1 headings",
        "news/second/en.md:4: front matter: unknown category \"nope\"",
        "5 problems in ",
    ] {
        assert!(
            run.stderr.contains(expected),
            "missing {expected:?} in:\n{}",
            run.stderr
        );
    }
}
