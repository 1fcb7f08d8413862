//! Pure types and rules: no I/O, compiled for the server and the browser alike.

pub mod account;
pub mod agents;
pub mod audit;
pub mod availability;
pub mod calendar;
pub mod cv;
pub mod geo;
pub mod identity;
pub mod joblog;
pub mod municipality;
pub mod occupation;
pub mod parse;
pub mod postcode;
pub mod password;
pub mod rules;
pub mod selfservice;
pub mod time;
pub mod vacancy;
