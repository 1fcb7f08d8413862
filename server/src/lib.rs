//! The Jobunivers server: configuration, HTTP routing, background work, CLI tasks.
//! `main.rs` is only the command line; everything here is also used by the tests.

pub mod attachments;
pub mod bench;
pub mod config;
pub mod demo;
pub mod http;
pub mod serve;
