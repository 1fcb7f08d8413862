//! Gates in front of work that costs much memory or CPU per request: index
//! searches and password hashing. Both run on the blocking pool; without a gate a
//! burst of requests (a few hundred sign-ups at 19 MiB of argon2 memory each)
//! could exhaust memory or starve every other request. A caller waits its turn for
//! a while, then gets "unavailable, try again" rather than queueing for ever.
//! Per process, because memory and the blocking pool are.

use crate::error::AppError;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Index searches at once.
    Search,
    /// Argon2 hashes or verifications at once (19 MiB each).
    Hashing,
}

/// Index searches run at once, per process.
pub const SEARCHES_AT_ONCE: usize = 8;
/// Password hashes run at once, per process.
pub const HASHES_AT_ONCE: usize = 2;
/// How long a request waits for its turn before it is told to try again.
pub const WAIT: Duration = Duration::from_secs(10);

fn semaphore(gate: Gate) -> Arc<Semaphore> {
    static SEARCH: OnceLock<Arc<Semaphore>> = OnceLock::new();
    static HASHING: OnceLock<Arc<Semaphore>> = OnceLock::new();
    let (cell, permits) = match gate {
        Gate::Search => (&SEARCH, SEARCHES_AT_ONCE),
        Gate::Hashing => (&HASHING, HASHES_AT_ONCE),
    };
    cell.get_or_init(|| Arc::new(Semaphore::new(permits))).clone()
}

/// Waits for a turn at `gate`. Hold the permit for as long as the work runs (move
/// it into the blocking closure, so a cancelled request does not free it early).
pub async fn enter(gate: Gate) -> Result<OwnedSemaphorePermit, AppError> {
    match tokio::time::timeout(WAIT, semaphore(gate).acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(_)) | Err(_) => {
            tracing::warn!(?gate, "busy: no turn within the wait");
            Err(AppError::Unavailable)
        }
    }
}

/// Security-log events written per address a minute. A flood of refused requests
/// is then no flood of database writes; the rest are counted in the server's log.
pub const SECURITY_EVENTS_PER_MINUTE: u32 = 20;

/// Whether another security event from `ip` may be written in the minute of `now`
/// (per process).
pub fn security_event_allowed(ip: &str, now: chrono::DateTime<chrono::Utc>) -> bool {
    static SEEN: std::sync::Mutex<(i64, Vec<(String, u32)>)> = std::sync::Mutex::new((0, Vec::new()));
    let minute = now.timestamp() / 60;
    let Ok(mut seen) = SEEN.lock() else { return false };
    if seen.0 != minute || seen.1.len() > 10_000 {
        *seen = (minute, Vec::new());
    }
    match seen.1.iter_mut().find(|(a, _)| a == ip) {
        Some((_, n)) => {
            *n += 1;
            *n <= SECURITY_EVENTS_PER_MINUTE
        }
        None => {
            seen.1.push((ip.to_string(), 1));
            true
        }
    }
}

/// Runs blocking work once it is this request's turn at `gate`.
pub async fn run<T: Send + 'static>(gate: Gate, f: impl FnOnce() -> Result<T, AppError> + Send + 'static) -> Result<T, AppError> {
    let permit = enter(gate).await?;
    super::blocking(move || {
        let _held = permit;
        f()
    })
    .await
}
