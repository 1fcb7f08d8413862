//! The server's clock: the machine's, unless the operator starts it at another
//! moment (`JOBUNIVERS_CLOCK_START`) to rehearse a date on a staging server, such as
//! the regions of 1 January 2027. It then runs forward from there at normal speed.
//! Everything on the server asks this clock, never the machine's directly.

use chrono::{DateTime, Duration, Utc};
use std::sync::OnceLock;

static OFFSET: OnceLock<Duration> = OnceLock::new();

/// Starts the clock at `at` (once per process, before serving). Returns `false` if
/// it was already set.
pub fn start_at(at: DateTime<Utc>) -> bool {
    OFFSET.set(at - chrono::Utc::now()).is_ok()
}

/// Now, on the server's clock.
pub fn now() -> DateTime<Utc> {
    let now = chrono::Utc::now();
    OFFSET.get().and_then(|offset| now.checked_add_signed(*offset)).unwrap_or(now)
}
