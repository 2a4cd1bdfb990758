//! Recipes of the news documents (see [`crate::output::Output::put_made`]):
//! what each is made from, fingerprinted without making it. A feed page,
//! an archive day or an article's related list is made of article
//! summaries, so each summary is fingerprinted once and a document's recipe
//! is its own fields (the document serialised with its lists emptied) plus
//! the fingerprints of its items. Updating a 100,000-article tree then
//! costs one pass over the summaries, not serialising and hashing every
//! page of every feed again.

use portal_contract::{Article, ArticleSummary};
use serde::Serialize;

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
    pub fn new(summaries: &[ArticleSummary]) -> Result<Self, String> {
        let mut bytes = Vec::new();
        let prints = summaries
            .iter()
            .map(|summary| {
                bytes.clear();
                serde_json::to_writer(&mut bytes, summary)
                    .map_err(|error| format!("summary of {}: {error}", summary.slug))?;
                Ok(fingerprint(&bytes))
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

    /// The recipe of an article document: `shell` (the document with its
    /// related list and body taken out), the `related` summaries and what
    /// the `body` is made from.
    pub fn article_recipe(
        &self,
        context: &Hash,
        shell: &Article,
        related: &[usize],
        body: &Body,
    ) -> Result<Hash, String> {
        let mut recipe = Recipe::new("article");
        recipe
            .add(&self.recipe("article-shell", context, shell, related)?)
            .add(&body.identity()?);
        Ok(recipe.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(slug: &str, title: &str) -> ArticleSummary {
        ArticleSummary {
            title: title.into(),
            ..crate::news_archive::tests::summary(slug, "2026-10-14T18:00:00+03:00")
        }
    }

    #[test]
    fn a_recipe_changes_with_the_shell_the_items_and_their_order() {
        let summaries = [summary("a", "A"), summary("b", "B")];
        let prints = SummaryPrints::new(&summaries).unwrap();
        let recipe =
            |shell: &str, items: &[usize]| prints.recipe("page", &[0; 16], &shell, items).unwrap();
        let base = recipe("p1", &[0, 1]);
        assert_eq!(base, recipe("p1", &[0, 1]));
        assert_ne!(base, recipe("p2", &[0, 1]));
        assert_ne!(base, recipe("p1", &[1, 0]));
        assert_ne!(base, recipe("p1", &[0]));

        // A summary edited: the prints of a new build differ.
        let edited = [summary("a", "A, edited"), summary("b", "B")];
        let new_prints = SummaryPrints::new(&edited).unwrap();
        assert_ne!(
            base,
            new_prints.recipe("page", &[0; 16], &"p1", &[0, 1]).unwrap()
        );
        // A summary the prints do not know is a bug, not a silent match.
        assert!(prints.recipe("page", &[0; 16], &"p1", &[2]).is_err());
    }
}
