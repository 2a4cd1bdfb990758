//! The reader's language as the app sees it: taken from the URL by the
//! layout and shared through context, so every string follows the route.

use leptos::prelude::*;
use portal_contract::Lang;
use portal_i18n::Texts;

#[derive(Clone, Copy)]
struct CurrentLang(Signal<Lang>);

pub fn provide_lang(lang: Signal<Lang>) {
    provide_context(CurrentLang(lang));
}

/// The current language; English outside a language route.
pub fn use_lang() -> Signal<Lang> {
    use_context::<CurrentLang>()
        .map(|CurrentLang(lang)| lang)
        .unwrap_or_else(|| Signal::stored(Lang::En))
}

/// The UI texts of the current language, as a reactive getter.
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || portal_i18n::texts(lang.get())
}

/// The UI texts of the current language, read once (for views that are
/// rebuilt anyway when the language changes).
pub fn texts_untracked() -> &'static Texts {
    portal_i18n::texts(use_lang().get_untracked())
}
