//! Jobunivers: the Leptos app, shared by the server (feature `ssr`) and the browser
//! (feature `hydrate`). One folder per area a person recognises; `domain` holds the
//! pure rules; `ssr` the server-only database, index and services.

#![recursion_limit = "256"]

pub mod admin;
pub mod auth;
pub mod business;
pub mod caseworker;
pub mod cookies;
pub mod employer;
pub mod forms;
pub mod jobseeker;
pub mod pages;
pub mod search;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::components::Router;

/// The rules and shared types live in their own crate (`app/domain`); these
/// names keep `crate::domain::…`, `crate::i18n::…` and `crate::error::…` short.
pub use domain::{self, error, i18n};
pub use i18n::{Lang, Msg};
pub use pages::path;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = ui::lang::detect();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    // The look follows the address; `ui::layout::Layout` swaps it when the
    // browser moves between areas without a page load.
    let path = use_context::<http::request::Parts>().map(|p| p.uri.path().to_string()).unwrap_or_default();
    let theme = pages::Theme::of(&path);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content=lang.t(Msg::SiteTagline)/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link id=ui::layout::THEME_ID rel="stylesheet" href=theme.stylesheet()/>
                // After the design system's; named after its content in the release build.
                <HashedStylesheet options=options.clone() id="leptos"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The Content-Security-Policy of a page: scripts only with this response's nonce
/// (the hydration script, which then loads the app), WebAssembly allowed, nothing
/// from other sites, and never inside a frame.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let (Some(nonce), Some(res)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>()) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
         base-uri 'none'; object-src 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(ui::lang::detect());
    view! {
        <Router>
            <ui::layout::Layout>
                <pages::PageRoutes/>
            </ui::layout::Layout>
        </Router>
    }
}
