//! Use cases. Each takes the state and plain values, applies the rules from
//! `domain`, and talks to repositories and the index.

pub mod agents;
pub mod auth;
pub mod business;
pub mod candidate_agents;
pub mod candidates;
pub mod caseworker;
pub mod citizens;
pub mod companies;
pub mod imports;
pub mod jobs;
pub mod jobseeker;
pub mod mail;
pub mod publish;
pub mod reports;
pub mod second_factor;
pub mod security;
pub mod vacancies;
