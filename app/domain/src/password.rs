//! The password policy: long enough, not a well-known password, not the e-mail.
//! Hashing (argon2id) is server-side, in the auth service.

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 128;

const COMMON: &str = include_str!("../../data/common-passwords.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    TooCommon,
    ContainsEmail,
}

fn is_common(lower: &str) -> bool {
    COMMON.lines().any(|l| !l.starts_with('#') && l.trim() == lower)
}

/// Checks a new password for the person with this e-mail address.
pub fn check(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if n > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    // "Password123!" is as guessable as "password123".
    let core = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    if is_common(&lower) || is_common(core) || lower.chars().all(|c| c == lower.chars().next().unwrap_or(' ')) {
        return Err(PasswordProblem::TooCommon);
    }
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    if local.chars().count() >= 4 && lower.contains(&local) {
        return Err(PasswordProblem::ContainsEmail);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy() {
        let email = "anne.jensen@mail.example";
        assert_eq!(check("kort", email), Err(PasswordProblem::TooShort));
        assert_eq!(check(&"x".repeat(129), email), Err(PasswordProblem::TooLong));
        assert_eq!(check("Password123", email), Err(PasswordProblem::TooCommon));
        assert_eq!(check("Sommer2026!!", email), Err(PasswordProblem::TooCommon));
        assert_eq!(check("zzzzzzzzzzzz", email), Err(PasswordProblem::TooCommon));
        assert_eq!(check("anne.jensen-2026", email), Err(PasswordProblem::ContainsEmail));
        assert_eq!(check("grøn hest på cykel", email), Ok(()));
        assert_eq!(check("Tre glade kokke 7", email), Ok(()));
    }

    #[test]
    fn the_common_list_is_lower_case_and_long_enough_to_matter() {
        for line in COMMON.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(line, line.to_lowercase());
            assert!(line.chars().count() >= MIN_CHARS, "{line} would be refused as too short anyway");
        }
    }
}
