//! Two routes, one fetched list and one counter: the least a routed Leptos
//! 0.8 client-side app carries. Built with the app's release profile and
//! `--cfg erase_components` (the repository's .cargo/config.toml applies).
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;
use serde::Deserialize;
use wasm_bindgen::JsCast;

#[derive(Clone, Deserialize)]
struct Story {
    id: u32,
    title: String,
    url: Option<String>,
    points: u32,
}

async fn fetch_stories(url: &str) -> Option<Vec<Story>> {
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    serde_json::from_str(&text.as_string()?).ok()
}

#[component]
fn Stories() -> impl IntoView {
    let stories = LocalResource::new(|| fetch_stories("/stories.json"));
    view! {
        <Suspense fallback=|| view! { <p>"Loading"</p> }>
            <ul>
                {move || {
                    stories
                        .get()
                        .flatten()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|story| {
                            view! {
                                <li>
                                    <A href=format!("/story/{}", story.id)>{story.title}</A>
                                    " " {story.points} " " {story.url.unwrap_or_default()}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Suspense>
    }
}

#[component]
fn Story() -> impl IntoView {
    let params = use_params_map();
    let (votes, set_votes) = signal(0);
    view! {
        <h1>{move || params.read().get("id").unwrap_or_default()}</h1>
        <button on:click=move |_| set_votes.update(|votes| *votes += 1)>{votes}</button>
    }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <nav>
                    <A href="/">"Stories"</A>
                </nav>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Stories />
                        <Route path=path!("/story/:id") view=Story />
                    </Routes>
                </main>
            </Router>
        }
    });
}
