//! Which language this page is in: the cookie on the server, the `<html lang>` the
//! server wrote when hydrating, so both sides always agree.

use crate::i18n::Lang;
use leptos::prelude::*;

/// Reads the language of the current request (server) or page (browser).
pub fn detect() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.headers.get(http::header::COOKIE)?.to_str().ok().map(crate::cookies::lang))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        #[cfg(feature = "hydrate")]
        {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.get_attribute("lang"))
                .and_then(|code| Lang::parse(&code))
                .unwrap_or_default()
        }
        #[cfg(not(feature = "hydrate"))]
        {
            Lang::default()
        }
    }
}

/// The language provided by the app root.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
