//! Pure types and rules: no I/O, compiled for the server and the browser alike.

pub mod account;
pub mod audit;
pub mod calendar;
pub mod identity;
pub mod municipality;
pub mod parse;
pub mod password;
pub mod time;
pub mod vacancy;
