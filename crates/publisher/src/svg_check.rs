//! What an SVG illustration may contain, checked on the parsed XML (not on
//! its text, so no spelling, prefix or entity hides anything): SVG elements
//! and presentation attributes from an allow-list, references only to parts
//! of the same file (`#id`), no event handlers, no scripts, no foreign
//! content, no external stylesheets. Browsers run no script in an SVG shown
//! through `<img>`, but a reader may open the file itself, and then it is a
//! document of the portal's origin (nginx also serves media with a sandboxing
//! CSP; this is the first of the two locks).

use roxmltree::{Document, Node, NodeType, ParsingOptions};

use crate::error::LineError;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Drawing, structure, paint servers and simple filters: what illustration
/// tools export. No script, foreignObject, animation, image, a or iframe.
const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "title",
    "desc",
    "symbol",
    "use",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "marker",
    "style",
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "feTurbulence",
];

/// Geometry, presentation and identity attributes. No `on*`, no `href`
/// except to `#id` (checked separately), no `xml:base`.
const ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "style",
    "role",
    "lang",
    "version",
    "baseProfile",
    "width",
    "height",
    "viewBox",
    "preserveAspectRatio",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "fr",
    "d",
    "points",
    "transform",
    "pathLength",
    "offset",
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "opacity",
    "stop-color",
    "stop-opacity",
    "clip-path",
    "clip-rule",
    "clipPathUnits",
    "mask",
    "maskUnits",
    "maskContentUnits",
    "filter",
    "filterUnits",
    "primitiveUnits",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "patternUnits",
    "patternContentUnits",
    "patternTransform",
    "color",
    "display",
    "visibility",
    "overflow",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "letter-spacing",
    "dx",
    "dy",
    "rotate",
    "textLength",
    "mix-blend-mode",
    "isolation",
    "paint-order",
    "vector-effect",
    "shape-rendering",
    "color-interpolation-filters",
    "in",
    "in2",
    "result",
    "stdDeviation",
    "mode",
    "type",
    "values",
    "operator",
    "k1",
    "k2",
    "k3",
    "k4",
    "flood-color",
    "flood-opacity",
    "baseFrequency",
    "numOctaves",
    "seed",
    "stitchTiles",
    "radius",
    "tableValues",
    "slope",
    "intercept",
    "amplitude",
    "exponent",
    "markerWidth",
    "markerHeight",
    "refX",
    "refY",
    "orient",
    "markerUnits",
    "aria-label",
    "aria-hidden",
    "focusable",
    "xmlns",
    "space",
];

/// Everything in `text` an illustration may not contain, with its line.
/// Parse errors are reported too: a file browsers might read differently
/// from us is not published.
pub fn check_svg(text: &str) -> Vec<LineError> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let document = match Document::parse_with_options(text, options) {
        Ok(document) => document,
        Err(error) => {
            let position = error.pos();
            return vec![LineError::new(
                position.row as usize,
                format!("the SVG is not well-formed XML: {error}"),
            )];
        }
    };
    let mut errors = Vec::new();
    for node in document.descendants() {
        let line = document.text_pos_at(node.range().start).row as usize;
        match node.node_type() {
            NodeType::Element => check_element(node, line, &mut errors),
            NodeType::PI => errors.push(LineError::new(
                line,
                "processing instructions (such as xml-stylesheet) are not allowed in an SVG",
            )),
            _ => {}
        }
    }
    errors
}

/// A `<style>` is checked as the browser reads it: all its text as one
/// stylesheet. Anything but text inside it (a comment, an element) would
/// split what we check from what the browser joins, so it is refused.
fn check_style(node: Node<'_, '_>, line: usize, errors: &mut Vec<LineError>) {
    if node.children().any(|child| !child.is_text()) {
        errors.push(LineError::new(
            line,
            "a <style> may hold only text (no comments or elements inside it)",
        ));
        return;
    }
    let sheet: String = node.children().filter_map(|child| child.text()).collect();
    if let Some(reason) = unsafe_css(&sheet) {
        errors.push(LineError::new(line, format!("the <style> {reason}")));
    }
}

fn check_element(node: Node<'_, '_>, line: usize, errors: &mut Vec<LineError>) {
    let name = node.tag_name();
    if name.namespace() != Some(SVG_NS) {
        errors.push(LineError::new(
            line,
            format!(
                "<{}> is not an SVG element (namespace {}); only SVG drawing elements are allowed",
                name.name(),
                name.namespace().unwrap_or("none")
            ),
        ));
        return;
    }
    if !ELEMENTS.contains(&name.name()) {
        errors.push(LineError::new(
            line,
            format!(
                "the SVG contains a <{}> element, which is not allowed",
                name.name()
            ),
        ));
        return;
    }
    if name.name() == "style" {
        check_style(node, line, errors);
    }
    for attribute in node.attributes() {
        let (namespace, local) = (attribute.namespace(), attribute.name());
        let value = attribute.value();
        let reason = if local.to_ascii_lowercase().starts_with("on") {
            Some(format!(
                "the event handler attribute `{local}` is not allowed"
            ))
        } else if local == "href" && matches!(namespace, None | Some(XLINK_NS)) {
            (!value.trim_start().starts_with('#')).then(|| {
                format!("`href=\"{value}\"` must point inside the file (`#id`), not elsewhere")
            })
        } else if namespace == Some(XML_NS) && matches!(local, "space" | "lang") {
            None
        } else if namespace.is_some() || !ATTRIBUTES.contains(&local) {
            Some(format!("the attribute `{local}` is not allowed in an SVG"))
        } else {
            unsafe_css(value).map(|reason| format!("`{local}` {reason}"))
        };
        if let Some(reason) = reason {
            errors.push(LineError::new(line, reason));
        }
    }
}

/// Why a style value (an attribute or a `<style>` element) may not be
/// published, if it may not: it would load or run something from elsewhere.
/// Backslashes are refused outright: CSS decodes escapes (`\75 rl(` is
/// `url(`) before it reads functions, and drawing tools do not write them.
fn unsafe_css(value: &str) -> Option<String> {
    if value.contains('\\') {
        return Some("contains a CSS escape (\\), which is not allowed".to_string());
    }
    let folded: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if folded.contains("javascript:") || folded.contains("expression(") {
        return Some("contains script".to_string());
    }
    if folded.contains("@import") {
        return Some("imports a stylesheet (@import), which is not allowed".to_string());
    }
    // Functions that fetch: only `url(#id)` (a part of this file) is allowed.
    for function in ["image-set(", "image(", "cross-fade(", "element(", "src("] {
        if folded.contains(function) {
            return Some(format!(
                "uses {function}…), which may load something from elsewhere"
            ));
        }
    }
    let mut rest = folded.as_str();
    while let Some(at) = rest.find("url(") {
        let target = rest[at + 4..].trim_start_matches(['"', '\'']);
        if !target.starts_with('#') {
            return Some(
                "refers to something outside the file (url(…) must be url(#id))".to_string(),
            );
        }
        rest = &rest[at + 4..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(svg: &str) -> Vec<String> {
        check_svg(svg)
            .into_iter()
            .map(|e| format!("{}: {}", e.line, e.reason))
            .collect()
    }

    const OPEN: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">"#;

    #[test]
    fn illustrations_pass() {
        let svg = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n{OPEN}\n<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient>\
             <clipPath id=\"c\"><rect width=\"5\" height=\"5\"/></clipPath></defs>\
             <g clip-path=\"url(#c)\" style=\"fill: url('#g')\"><path d=\"M0 0h10\" fill=\"url(#g)\"/>\
             <use xlink:href=\"#c\"/><use href=\"#c\"/></g><style>.a {{ fill: red }}</style></svg>"
        );
        assert_eq!(reasons(&svg), Vec::<String>::new());
    }

    #[test]
    fn anything_that_could_run_or_load_is_refused_with_its_line() {
        let cases = [
            ("<script>alert(1)</script>", "<script>"),
            (
                "<svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">x</svg:script>",
                "<script>",
            ),
            (
                "<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">x</h:script>",
                "not an SVG element",
            ),
            ("<foreignObject><div/></foreignObject>", "<foreignObject>"),
            (
                "<rect onload=\"alert(1)\" width=\"1\" height=\"1\"/>",
                "event handler",
            ),
            ("<rect ONCLICK=\"x\"/>", "event handler"),
            ("<a href=\"https://evil.example\"><rect/></a>", "<a>"),
            (
                "<use href=\"https://evil.example/x.svg#a\"/>",
                "must point inside",
            ),
            (
                "<use xlink:href=\"javascript:alert(1)\"/>",
                "must point inside",
            ),
            ("<image href=\"#x\"/>", "<image>"),
            (
                "<animate attributeName=\"href\" to=\"javascript:x\"/>",
                "<animate>",
            ),
            ("<set attributeName=\"onclick\"/>", "<set>"),
            (
                "<rect style=\"fill: url(https://evil.example/x)\"/>",
                "outside the file",
            ),
            (
                "<rect style=\"fill: u\\rl(https://evil.example/x)\"/>",
                "escape",
            ),
            (
                "<rect style=\"fill:\\75 rl(https://evil.example/p)\"/>",
                "escape",
            ),
            (
                "<rect fill=\"\\75 rl(https://evil.example/p#a)\"/>",
                "escape",
            ),
            (
                "<style>@\\69 mport \"https://evil.example/a.css\";</style>",
                "escape",
            ),
            (
                "<rect style=\"fill: image-set('https://evil.example/p.png' 1x)\"/>",
                "image-set(",
            ),
            (
                "<style>svg{background:u<!---->rl(https://evil.example/p)}</style>",
                "only text",
            ),
            (
                "<style>@imp<!---->ort \"https://evil.example/a.css\";</style>",
                "only text",
            ),
            (
                "<style>svg{background:u<g/>rl(https://evil.example/p)}</style>",
                "only text",
            ),
            (
                "<style>@import url(https://evil.example/a.css);</style>",
                "@import",
            ),
            ("<rect xml:base=\"https://evil.example/\"/>", "not allowed"),
            (
                "<?xml-stylesheet href=\"https://evil.example/a.css\"?>",
                "processing instructions",
            ),
        ];
        for (inner, expected) in cases {
            let svg = format!("{OPEN}\n{inner}\n</svg>");
            let found = reasons(&svg);
            assert!(
                found
                    .iter()
                    .any(|r| r.starts_with("2: ") && r.contains(expected)),
                "{inner}: {found:?}"
            );
        }
    }

    #[test]
    fn malformed_xml_is_refused() {
        assert!(!reasons("<svg><rect></svg>").is_empty());
        assert!(!reasons(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect x=\"1\" x=\"2\"/></svg>"
        )
        .is_empty());
    }
}
