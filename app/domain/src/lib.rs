//! The domain: pure rules and the types the pages and the server share (forms,
//! the search query and its results, field errors and the one error type, every
//! text's key). No I/O and no web framework, compiled for the server and the
//! browser alike; its tests run without the web stack (`cargo test -p domain`).
//!
//! The optional features add adapters, not rules: `server_fn` lets the error
//! cross the server-function boundary, `server` converts database and index
//! errors and makes incident references.

/// A closed set of values, each with the code it is stored and posted as and,
/// when given, the label people read. One declaration makes the enum, `ALL`,
/// `code`, `parse` (which trims) and `label`, so a form's choices, the stored
/// column and the page's text cannot drift apart. Declared before the modules so
/// that each may use it.
///
/// ```ignore
/// code_enum! { Colour { Red => "roed", ColourRed; Blue => "blaa", ColourBlue; } }  // with labels
/// code_enum! { Step { First => "foerste"; Next => "naeste"; } }                     // codes only
/// ```
macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident => $code:literal, $msg:ident;)* }) => {
        code_enum!($(#[$m])* $name { $($(#[$vm])* $v => $code;)* });
        impl $name {
            /// What people read for it, in their language.
            pub fn label(self) -> crate::i18n::Msg { match self { $($name::$v => crate::i18n::Msg::$msg),* } }
        }
    };
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident => $code:literal;)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vm])* $v),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            /// How it is stored and posted.
            pub fn code(self) -> &'static str { match self { $($name::$v => $code),* } }
            pub fn parse(s: &str) -> Option<$name> { Self::ALL.iter().copied().find(|x| x.code() == s.trim()) }
        }
    };
}

pub mod account;
pub mod agents;
pub mod audit;
pub mod availability;
pub mod business;
pub mod calendar;
pub mod candidate;
pub mod case;
pub mod company;
pub mod contact;
pub mod cv;
pub mod error;
pub mod escalation;
pub mod forms;
pub mod geo;
pub mod i18n;
pub mod identity;
pub mod import;
pub mod joblog;
pub mod jobseeker;
pub mod limits;
pub mod mail;
pub mod municipality;
pub mod occupation;
pub mod parse;
pub mod password;
pub mod postcode;
pub mod publish;
pub mod region;
pub mod report;
pub mod rules;
pub mod screening;
pub mod search;
pub mod second_factor;
pub mod security;
pub mod time;
pub mod vacancy;

pub use i18n::{Lang, Msg};
