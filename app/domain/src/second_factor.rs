//! The second factor for staff: who needs one, and what a typed code is.
//!
//! Caseworkers and administrators read citizens' data, so a password alone does
//! not sign them in: they also give a code from an authenticator app (TOTP,
//! RFC 6238: six digits, 30-second steps, one step either side for clock drift),
//! or one of ten recovery codes they were given when they set the app up.

use crate::account::Role;
use serde::{Deserialize, Serialize};

/// How many recovery codes a person gets at a time.
pub const RECOVERY_CODES: usize = 10;
/// Letters in a recovery code (base32, 5 bits each: 80 bits, beyond guessing
/// even from a stolen database, where only their hashes are).
pub const RECOVERY_CODE_LEN: usize = 16;
/// How long the code page waits for the code after a right password.
pub const PENDING_MINUTES: i64 = 10;
/// Longer than any code with its spaces and dashes: refused without a look.
const MAX_INPUT: usize = 64;

/// Roles that must give a second factor to sign in.
pub fn required(role: Role) -> bool {
    role.is_staff()
}

/// A code as typed, told apart by its shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entered {
    /// Six digits from the authenticator app.
    Totp(String),
    /// A recovery code, upper case, without spaces or dashes.
    Recovery(String),
}

/// Reads a typed code: spaces and dashes are ignored, letters may be of either
/// case. `None` when it is neither six digits nor a recovery code.
pub fn parse(input: &str) -> Option<Entered> {
    if input.len() > MAX_INPUT {
        return None;
    }
    let s: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_ascii_uppercase();
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Entered::Totp(s));
    }
    if s.len() == RECOVERY_CODE_LEN && s.bytes().all(is_base32) {
        return Some(Entered::Recovery(s));
    }
    None
}

fn is_base32(b: u8) -> bool {
    b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b)
}

/// A recovery code or key as people read it: groups of four.
pub fn grouped(code: &str) -> String {
    code.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

/// RFC 4648 base32 without padding, as authenticator apps take keys.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
        buffer &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

code_enum!(
    /// What a form on the second-factor page asks for.
    SecondFactorAction {
        Confirm => "confirm", SubmitConfirmCode;
        Kept => "kept", RecoveryCodesKept;
        NewCodes => "new-codes", NewRecoveryCodes;
    }
);

/// What the person's second-factor page shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SecondFactorView {
    /// Set up and in use.
    pub enrolled: bool,
    /// While setting up: the key to type (grouped), the `otpauth:` address, and
    /// that address as a QR code (SVG).
    pub key: Option<String>,
    pub uri: Option<String>,
    pub qr_svg: Option<String>,
    /// New recovery codes not yet confirmed as kept (grouped).
    pub new_codes: Vec<String>,
    /// Unused recovery codes.
    pub codes_left: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_need_a_second_factor_and_no_one_else() {
        assert!(required(Role::Caseworker) && required(Role::Admin));
        assert!(!required(Role::Jobseeker) && !required(Role::Employer));
    }

    #[test]
    fn codes_are_told_apart_by_shape() {
        assert_eq!(parse("123456"), Some(Entered::Totp("123456".into())));
        assert_eq!(parse(" 123 456 "), Some(Entered::Totp("123456".into())));
        assert_eq!(parse("abcd-efgh-ijkl-mn23"), Some(Entered::Recovery("ABCDEFGHIJKLMN23".into())));
        for bad in ["", "12345", "1234567", "12345a", "abcd-efgh-ijkl-mn01", "ABCDEFGHIJKLMNOPQ", "١٢٣٤٥٦"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert_eq!(parse(&"1".repeat(10_000)), None);
    }

    #[test]
    fn base32_follows_rfc_4648() {
        // The test vectors of RFC 4648, section 10, without padding.
        for (plain, coded) in
            [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        {
            assert_eq!(base32(plain.as_bytes()), coded);
        }
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD-EFGH-IJ");
    }
}
