//! Pure types and rules: no I/O, compiled for the server and the browser alike.

pub mod municipality;
pub mod parse;
pub mod time;
pub mod vacancy;
