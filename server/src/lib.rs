//! The Jobunivers server: configuration, HTTP routing, background work, CLI tasks.
//! `main.rs` is only the command line; everything here is also used by the tests.

pub mod assets;
pub mod attachments;
pub mod backup;
pub mod bench;
pub mod compress;
pub mod config;
// Demo data is made at start-up from constants: a failure there is a bug to see at once.
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub mod demo;
pub mod http;
pub mod metrics;
pub mod publish;
pub mod serve;
