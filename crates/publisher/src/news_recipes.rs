//! Recipes of the news documents (see [`crate::output::Output::put_made`]):
//! what each is made from, fingerprinted without making it. A feed page,
//! an archive day or an article's related list is made of article
//! summaries, so each summary gets one fingerprint and a document's recipe
//! is its own fields (the document serialised with its lists emptied) plus
//! the fingerprints of its items.
//!
//! A summary, and an article document but for its related list and
//! translations, is made from the article's file, the category's name and
//! the media (in the build's context). For an article kept in a file its
//! fingerprint is therefore that of the checked file's bytes (known
//! without reading it: [`crate::body::BodyFile::checked`], kept by the
//! check cache), its slug, language and category, not of the summary
//! serialised: updating a 100,000-article tree then serialises nothing for
//! the articles that did not change. An article held in memory (tests,
//! library callers) is fingerprinted from its serialised summary and
//! document instead.

use portal_contract::{Article, ArticleSummary, Lang};
use serde::Serialize;

use crate::article::ParsedArticle;
use crate::body::{fingerprint, Body};
use crate::tree_manifest::{Hash, Recipe};

/// The fingerprint of each summary of one language, by its position in
/// the list the documents take their items from (items are named by
/// position, so nothing is cloned or looked up by name to fingerprint a
/// document that is then not made).
pub struct SummaryPrints {
    prints: Vec<Hash>,
}

impl SummaryPrints {
    /// The prints of `summaries`, each made from the article at the same
    /// position of `articles`, in the build `context`.
    pub fn new(
        context: &Hash,
        articles: &[&ParsedArticle],
        summaries: &[ArticleSummary],
    ) -> Result<Self, String> {
        if articles.len() != summaries.len() {
            return Err(format!(
                "{} summaries of {} articles",
                summaries.len(),
                articles.len()
            ));
        }
        let mut bytes = Vec::new();
        let prints = articles
            .iter()
            .zip(summaries)
            .map(|(article, summary)| match &article.body {
                Body::InFile(file) => {
                    let mut recipe = Recipe::new("summary-of-file");
                    recipe
                        .add(context)
                        .add(&file.checked)
                        .add(summary.slug.as_bytes())
                        .add(summary.category.slug.as_bytes())
                        .add(summary.category.name.as_bytes())
                        .add(lang_tag(article.lang));
                    Ok(recipe.finish())
                }
                Body::Parsed(_) => {
                    bytes.clear();
                    serde_json::to_writer(&mut bytes, summary)
                        .map_err(|error| format!("summary of {}: {error}", summary.slug))?;
                    Ok(fingerprint(&bytes))
                }
            })
            .collect::<Result<_, String>>()?;
        Ok(Self { prints })
    }

    fn of(&self, item: usize) -> Result<&Hash, String> {
        self.prints
            .get(item)
            .ok_or_else(|| format!("no fingerprint for summary number {item}"))
    }

    /// The recipe of `shell` (a document whose list of summaries was taken
    /// out) holding the summaries at positions `items`, in the build
    /// `context`.
    pub fn recipe<T: Serialize>(
        &self,
        kind: &str,
        context: &Hash,
        shell: &T,
        items: &[usize],
    ) -> Result<Hash, String> {
        let own = serde_json::to_vec(shell).map_err(|error| format!("{kind}: {error}"))?;
        let mut recipe = Recipe::new(kind);
        recipe.add(context).add(&own);
        for &item in items {
            recipe.add(self.of(item)?);
        }
        Ok(recipe.finish())
    }

    /// The recipe of the document of `article`, the summary at position
    /// `item`, written in the languages `translations`, listing the
    /// `related` summaries. `shell` makes the document with its related
    /// list and body left out: called only for an article held in memory
    /// (one in a file is named by its file's fingerprint, see the module
    /// documentation).
    pub fn article_recipe(
        &self,
        context: &Hash,
        item: usize,
        article: &ParsedArticle,
        translations: &[Lang],
        related: &[usize],
        shell: impl FnOnce() -> Article,
    ) -> Result<Hash, String> {
        let mut recipe = Recipe::new("article");
        match &article.body {
            Body::InFile(_) => {
                recipe.add(context).add(self.of(item)?);
                for &lang in translations {
                    recipe.add(lang_tag(lang));
                }
                recipe.add(b"related");
                for &item in related {
                    recipe.add(self.of(item)?);
                }
            }
            Body::Parsed(_) => {
                recipe
                    .add(&self.recipe("article-shell", context, &shell(), related)?)
                    .add(&article.body.identity()?);
            }
        }
        Ok(recipe.finish())
    }
}

fn lang_tag(lang: Lang) -> &'static [u8] {
    lang.code().as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::BodyFile;

    fn summary(slug: &str, title: &str) -> ArticleSummary {
        ArticleSummary {
            title: title.into(),
            ..crate::news_archive::tests::summary(slug, "2026-10-14T18:00:00+03:00")
        }
    }

    /// An article held in memory (`file`: None) or in a file whose
    /// checked bytes have the fingerprint `file`.
    fn article(slug: &str, file: Option<Hash>) -> ParsedArticle {
        let mut article = crate::build::tests::parsed(slug, "sport", "2026-10-14T18:00:00+03:00");
        if let Some(checked) = file {
            article.body = Body::InFile(BodyFile {
                path: format!("news/{slug}/en.md").into(),
                root: std::sync::Arc::from(std::path::Path::new("/nowhere")),
                after_front_matter: true,
                checked,
            });
        }
        article
    }

    #[test]
    fn a_recipe_changes_with_the_shell_the_items_and_their_order() {
        let summaries = [summary("a", "A"), summary("b", "B")];
        let (a, b) = (article("a", None), article("b", None));
        let prints = SummaryPrints::new(&[0; 16], &[&a, &b], &summaries).unwrap();
        let recipe =
            |shell: &str, items: &[usize]| prints.recipe("page", &[0; 16], &shell, items).unwrap();
        let base = recipe("p1", &[0, 1]);
        assert_eq!(base, recipe("p1", &[0, 1]));
        assert_ne!(base, recipe("p2", &[0, 1]));
        assert_ne!(base, recipe("p1", &[1, 0]));
        assert_ne!(base, recipe("p1", &[0]));

        // A summary held in memory edited: the prints of a new build differ.
        let edited = [summary("a", "A, edited"), summary("b", "B")];
        let new_prints = SummaryPrints::new(&[0; 16], &[&a, &b], &edited).unwrap();
        assert_ne!(
            base,
            new_prints.recipe("page", &[0; 16], &"p1", &[0, 1]).unwrap()
        );
        // A summary the prints do not know is a bug, not a silent match.
        assert!(prints.recipe("page", &[0; 16], &"p1", &[2]).is_err());
        assert!(SummaryPrints::new(&[0; 16], &[&a], &summaries).is_err());
    }

    #[test]
    fn an_article_in_a_file_is_named_by_its_file_category_and_context() {
        let summaries = [summary("a", "A"), summary("b", "B")];
        let print = |files: [Hash; 2], context: Hash, summaries: &[ArticleSummary]| {
            let (a, b) = (article("a", Some(files[0])), article("b", Some(files[1])));
            let prints = SummaryPrints::new(&context, &[&a, &b], summaries).unwrap();
            let page = prints.recipe("page", &context, &"p1", &[0, 1]).unwrap();
            let document = prints
                .article_recipe(&context, 0, &a, &[Lang::En], &[1], || unreachable!())
                .unwrap();
            (page, document)
        };
        let base = print([[1; 16], [2; 16]], [0; 16], &summaries);
        assert_eq!(base, print([[1; 16], [2; 16]], [0; 16], &summaries));
        // The related article's file changed: the page and the document
        // listing it change.
        let related_edited = print([[1; 16], [3; 16]], [0; 16], &summaries);
        assert_ne!(base.0, related_edited.0);
        assert_ne!(base.1, related_edited.1);
        // Its own file changed.
        assert_ne!(base.1, print([[4; 16], [2; 16]], [0; 16], &summaries).1);
        // Another context (publisher, media).
        assert_ne!(base, print([[1; 16], [2; 16]], [9; 16], &summaries));
        // The category renamed (the same file).
        let mut renamed = summaries.clone();
        renamed[1].category.name = "Renamed".into();
        assert_ne!(base.0, print([[1; 16], [2; 16]], [0; 16], &renamed).0);

        // Translations and related lists are part of an article's recipe.
        let (a, b) = (article("a", Some([1; 16])), article("b", Some([2; 16])));
        let prints = SummaryPrints::new(&[0; 16], &[&a, &b], &summaries).unwrap();
        let of = |langs: &[Lang], related: &[usize]| {
            prints
                .article_recipe(&[0; 16], 0, &a, langs, related, || unreachable!())
                .unwrap()
        };
        assert_ne!(of(&[Lang::En], &[1]), of(&[Lang::En, Lang::Ru], &[1]));
        assert_ne!(of(&[Lang::En], &[1]), of(&[Lang::En], &[]));
    }
}
