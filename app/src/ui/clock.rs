//! Today's date in Denmark, on the server and in the browser alike (for live checks).

/// Today in Denmark, as the browser sees it (for live checks of the deadline).
pub fn today() -> chrono::NaiveDate {
    #[cfg(feature = "ssr")]
    {
        // Outside a request (no state) the machine's clock is all there is.
        crate::ssr::today().unwrap_or_else(|_| crate::ssr::clock::Clock::system().today())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let ms = js_sys_now();
        let utc = chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default();
        crate::domain::time::danish_date(utc)
    }
}

#[cfg(not(feature = "ssr"))]
fn js_sys_now() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window().and_then(|w| w.performance()).map(|p| p.time_origin() + p.now()).unwrap_or(0.0)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}
