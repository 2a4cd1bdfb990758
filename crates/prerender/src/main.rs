fn main() {
    let args: Vec<String> = std::env::args().collect();
    portal::prerender::init();
    let api = portal::api::ApiClient::published("/api/v1", std::path::PathBuf::from(&args[1]));
    let url = portal::page_url::PrerenderUrl { origin: "https://example.by".into(), path: args[2].clone() };
    let page = portal::prerender::render_page(api, url, 1_795_000_000);
    println!("{page:#?}");
}
