//! Shared pieces of the user interface: the page frame, form fields, language.

pub mod clock;
pub mod form;
pub mod lang;
pub mod layout;
