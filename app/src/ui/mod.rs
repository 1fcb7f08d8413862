//! Shared pieces of the user interface: the page frame, form fields, language.

pub mod form;
pub mod lang;
pub mod layout;
