//! A prerendered page = the build's own `index.html` (styles, the app's
//! scripts, the API base tag) with the rendered view in its body and the
//! view's tags in its head. Pure string work on Trunk's minified output.

use portal::prerender::RenderedPage;
use portal_contract::widgets::escape_html;

/// Runs before the body is parsed: when the address asks for other content
/// than the page holds (`?page=3` on page 1 of the feed), it marks the
/// document so the stylesheet shows a skeleton until the app renders the
/// right view. Query parameters of link tracking do not count. Allowed by
/// its hash in the CSP (deploy/security-headers.conf; a test checks it).
pub const STALE_CHECK_SCRIPT: &str = "(function(){var m=document.querySelector('meta[name=portal-prerendered-query]');var want=m?m.content:'';var have=location.search.slice(1).split('&').filter(function(p){return p&&!/^(utm_[a-z]+|fbclid|gclid|yclid|ysclid)(=|$)/.test(p)}).join('&');if(have!==want)document.documentElement.classList.add('prerender-stale')})()";

/// What the template needs besides the rendered view.
pub struct PageParts<'a> {
    pub rendered: &'a RenderedPage,
    /// Tags the prerenderer adds (canonical, alternates, Open Graph image,
    /// JSON-LD), each marked `data-prerendered`.
    pub extra_head: &'a str,
    /// The query this page stands for (see [`STALE_CHECK_SCRIPT`]).
    pub query: &'a str,
    /// `false` for pages that need the app (search, saved): they keep the
    /// template's "needs JavaScript" notice.
    pub static_content: bool,
}

/// Why a template cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub struct TemplateError(pub &'static str);

/// Checks the template has the landmarks [`compose`] relies on.
pub fn check(template: &str) -> Result<(), TemplateError> {
    for (needle, what) in [
        ("<html", "no <html> tag"),
        ("<title>", "no <title>"),
        ("</head>", "no </head>"),
        ("<body>", "no <body>"),
        ("</body>", "no </body>"),
    ] {
        if !template.contains(needle) {
            return Err(TemplateError(what));
        }
    }
    Ok(())
}

/// The page's HTML. Call [`check`] on the template once first.
pub fn compose(template: &str, parts: &PageParts) -> String {
    let mut html = String::with_capacity(template.len() + parts.rendered.body.len() + 4096);
    let html_start = template.find("<html").unwrap_or(0);
    let html_end = template[html_start..]
        .find('>')
        .map_or(html_start, |end| html_start + end + 1);
    html.push_str(&template[..html_start]);
    html.push_str("<html");
    html.push_str(&parts.rendered.html_attributes);
    html.push('>');

    let head_end = template.find("</head>").unwrap_or(template.len());
    let head = without_title(&template[html_end..head_end]);
    html.push_str(&head);
    html.push_str(&mark_prerendered(&parts.rendered.head));
    html.push_str(parts.extra_head);
    html.push_str(r#"<meta name="portal-prerendered-query" content=""#);
    html.push_str(&escape_html(parts.query));
    html.push_str(r#"" data-prerendered><script>"#);
    html.push_str(STALE_CHECK_SCRIPT);
    html.push_str("</script></head><body>");

    if !parts.static_content {
        if let (Some(start), Some(end)) =
            (template.find("<noscript>"), template.find("</noscript>"))
        {
            html.push_str(&template[start..end + "</noscript>".len()]);
        }
    }
    html.push_str(r#"<div id="prerendered">"#);
    html.push_str(&parts.rendered.body);
    html.push_str("</div></body></html>\n");
    html
}

fn without_title(head: &str) -> String {
    match (head.find("<title>"), head.find("</title>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &head[..start], &head[end + "</title>".len()..])
        }
        _ => head.to_string(),
    }
}

/// The views' `<meta>` and `<link>` tags, marked so the app can drop them
/// when it takes over (it writes its own as the reader moves on).
fn mark_prerendered(head: &str) -> String {
    head.replace("<meta ", "<meta data-prerendered ")
        .replace("<link ", "<link data-prerendered ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!doctype html><html lang=en><meta charset=utf-8><title>Belarus Portal</title><link href=/main.css rel=stylesheet><script type=module src=/loader.js></script></head><body><noscript><p>Needs JavaScript.</p></noscript></body></html>";

    fn rendered() -> RenderedPage {
        RenderedPage {
            html_attributes: r#" lang="ru""#.into(),
            head: r#"<meta name="description" content="D"><title>T — Portal</title>"#.into(),
            body: "<main>content</main>".into(),
        }
    }

    #[test]
    fn the_view_goes_into_the_template() {
        assert_eq!(check(TEMPLATE), Ok(()));
        let page = rendered();
        let html = compose(
            TEMPLATE,
            &PageParts {
                rendered: &page,
                extra_head: "<link data-prerendered rel=canonical href=x>",
                query: "",
                static_content: true,
            },
        );
        assert!(html.starts_with(r#"<!doctype html><html lang="ru"><meta charset=utf-8>"#));
        assert!(
            !html.contains("Belarus Portal"),
            "the template's title is replaced"
        );
        assert!(html.contains("<title>T — Portal</title>"));
        assert!(html.contains(r#"<meta data-prerendered name="description" content="D">"#));
        assert!(
            html.contains("<script type=module src=/loader.js></script>"),
            "the app still starts"
        );
        assert!(html.contains(r#"<body><div id="prerendered"><main>content</main></div></body>"#));
        assert!(
            !html.contains("noscript"),
            "a readable page does not ask for JavaScript"
        );
    }

    #[test]
    fn pages_that_need_the_app_keep_the_notice_and_their_query() {
        let page = rendered();
        let html = compose(
            TEMPLATE,
            &PageParts {
                rendered: &page,
                extra_head: "",
                query: "category=a&b",
                static_content: false,
            },
        );
        assert!(html.contains("<noscript><p>Needs JavaScript.</p></noscript>"));
        assert!(html.contains(r#"content="category=a&amp;b""#));
    }

    #[test]
    fn a_template_without_its_landmarks_is_refused() {
        assert_eq!(
            check("<html><body></body>"),
            Err(TemplateError("no <title>"))
        );
    }
}

#[cfg(test)]
mod csp_tests {
    use base64::Engine;
    use sha2::Digest;

    use super::STALE_CHECK_SCRIPT;

    /// The CSP allows the one inline script by its hash: change the script
    /// and this fails until deploy/security-headers.conf has the new hash.
    #[test]
    fn the_csp_allows_the_query_check_by_its_hash() {
        let digest = sha2::Sha256::digest(STALE_CHECK_SCRIPT.as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        let headers = include_str!("../../../deploy/security-headers.conf");
        assert!(
            headers.contains(&format!("'sha256-{hash}'")),
            "deploy/security-headers.conf needs 'sha256-{hash}'"
        );
    }
}
