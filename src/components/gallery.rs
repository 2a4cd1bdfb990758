//! A site's pictures: thumbnails that open a lightbox (a modal `<dialog>`,
//! so focus stays inside and Escape closes it). Arrow keys move between
//! pictures; closing returns focus to the thumbnail that opened it.

use leptos::prelude::*;
use portal_contract::Image;

use crate::components::picture::{sizes, Picture};
use crate::i18n::texts_untracked;

#[component]
pub fn Gallery(images: Vec<Image>) -> impl IntoView {
    let t = texts_untracked();
    let total = images.len();
    let images = StoredValue::new(images);
    let current = RwSignal::new(0usize);
    // The lightbox's picture exists only while it is open, so its large
    // widths are fetched when a reader opens it, not with the page.
    let is_open = RwSignal::new(false);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);

    let step = move |delta: isize| {
        if total > 0 {
            current.update(|i| *i = (*i as isize + delta).rem_euclid(total as isize) as usize);
        }
    };
    let open = move |index: usize, ev: leptos::ev::MouseEvent| {
        current.set(index);
        is_open.set(true);
        let button = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok());
        opener.set_value(button);
        if let Some(dialog) = dialog.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    let close = move |_| {
        if let Some(Some(dialog)) = dialog.try_get_untracked() {
            dialog.close();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowLeft" => {
            ev.prevent_default();
            step(-1);
        }
        "ArrowRight" => {
            ev.prevent_default();
            step(1);
        }
        _ => {}
    };
    // However it closed (button, Escape), focus goes back to the thumbnail.
    // `try_`: the dialog may close as the page is being torn down.
    let on_close = move |_| {
        is_open.try_set(false);
        opener.try_with_value(|button| {
            if let Some(button) = button {
                let _ = button.focus();
            }
        });
    };

    let thumbnails = images
        .get_value()
        .into_iter()
        .enumerate()
        .map(|(index, image)| {
            let label = portal_i18n::fill(
                t.gallery_open,
                &[("n", &(index + 1).to_string()), ("total", &total.to_string())],
            );
            view! {
                <li>
                    <button type="button" class="gallery__thumb" aria-label=label on:click=move |ev| open(index, ev)>
                        // The first spans the page and is its largest paint.
                        <Picture image eager=index == 0 sizes=if index == 0 { sizes::PAGE } else { sizes::THUMB }/>
                    </button>
                </li>
            }
        })
        .collect_view();
    let shown = move || {
        if !is_open.get() {
            return None;
        }
        let index = current.get();
        images.with_value(|images| images.get(index).cloned()).map(|image| {
            let caption = image.caption.clone();
            let credit = crate::components::picture::credit_line(&image);
            view! {
                <figure class="lightbox__figure">
                    <Picture image eager=true sizes=sizes::LIGHTBOX/>
                    <figcaption class="lightbox__caption">
                        {caption}
                        {credit.map(|credit| view! { " " <span class="lightbox__credit">{credit}</span> })}
                        " "
                        <span class="lightbox__count">{format!("{} / {total}", index + 1)}</span>
                    </figcaption>
                </figure>
            }
        })
    };
    view! {
        <section class="gallery" aria-labelledby="gallery-title">
            <h2 id="gallery-title" class="visually-hidden">{t.site_gallery}</h2>
            <ul class="gallery__thumbs">{thumbnails}</ul>
            <dialog class="lightbox" node_ref=dialog aria-label=t.site_gallery on:keydown=on_key on:close=on_close>
                {shown}
                <div class="lightbox__controls">
                    {(total > 1).then(|| view! {
                        <button type="button" class="button button--secondary" on:click=move |_| step(-1)>
                            <span aria-hidden="true">"← "</span>{t.gallery_previous}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| step(1)>
                            {t.gallery_next}<span aria-hidden="true">" →"</span>
                        </button>
                    })}
                    <button type="button" class="button lightbox__close" on:click=close>{t.gallery_close}</button>
                </div>
            </dialog>
        </section>
    }
}
