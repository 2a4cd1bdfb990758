//! A tiny element builder. Text goes in as text nodes, never as HTML.

use web_sys::{Document, Element};

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// An element under construction (`None` only without a document, which a
/// frame always has; the builder stays total rather than panic).
pub struct El(pub Option<Element>);

pub fn el(tag: &str) -> El {
    El(document().and_then(|d| d.create_element(tag).ok()))
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> El {
        if let Some(element) = &self.0 {
            let _ = element.set_attribute(name, value);
        }
        self
    }

    pub fn class(self, name: &str) -> El {
        self.attr("class", name)
    }

    pub fn text(self, text: &str) -> El {
        if let (Some(element), Some(document)) = (&self.0, document()) {
            let _ = element.append_child(&document.create_text_node(text));
        }
        self
    }

    pub fn child(self, child: El) -> El {
        if let (Some(element), Some(child)) = (&self.0, &child.0) {
            let _ = element.append_child(child);
        }
        self
    }

    pub fn children(self, children: impl IntoIterator<Item = El>) -> El {
        children.into_iter().fold(self, El::child)
    }
}

/// A link to the portal that opens in a new tab, with the new-tab hint for
/// screen readers. `noopener`: the portal page gets no handle on the frame.
pub fn portal_link(href: &str, label: El, new_tab: &str) -> El {
    el("a")
        .attr("href", href)
        .attr("target", "_blank")
        .attr("rel", "noopener")
        .child(label)
        .child(
            el("span")
                .class("visually-hidden")
                .text(&format!(" {new_tab}")),
        )
}

/// Replaces everything in `parent` with `content`.
pub fn replace_children(parent: &Element, content: El) {
    parent.set_text_content(None);
    if let Some(content) = content.0 {
        let _ = parent.append_child(&content);
    }
}
