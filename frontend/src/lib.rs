//! The browser half: hydrates the server-rendered page.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Each page's code is its own part of the WebAssembly (see `app::pages`), so
    // hydration waits for the page's part to arrive.
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else {
            return;
        };
        let owner = leptos::mount::hydrate_from_async(body.clone(), app::App).await;
        owner.forget();
        // A marker that hydration finished: end-to-end tests wait for it, so a build
        // that renders on the server but fails to hydrate is caught.
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
